/**
 * The operations on enum types and schemas (PostgreSQL's `CREATE TYPE ... AS ENUM`, `CREATE
 * SCHEMA`), as plain data; part of {@link Operation} in `types.ts`.
 *
 * @module
 */

/** PostgreSQL `CREATE TYPE name AS ENUM (...)`. */
export interface CreateEnumOp {
  /** Always `"createEnum"` (`op.createEnum`). */
  readonly kind: "createEnum";
  /** Type name, as enum columns give it in `enum.name`. */
  readonly name: string;
  /** The values, in order; at least one, no duplicates. */
  readonly values: readonly string[];
  /** Schema holding the type. */
  readonly schema?: string;
}

/** PostgreSQL `DROP TYPE name`. */
export interface DropEnumOp {
  /** Always `"dropEnum"` (`op.dropEnum`). */
  readonly kind: "dropEnum";
  /** Type name. */
  readonly name: string;
  /** Schema holding the type. */
  readonly schema?: string;
  /** `DROP TYPE IF EXISTS`: no error when the type is missing. */
  readonly ifExists?: boolean;
  /** The values it had, for `reverseOperation`. */
  readonly values?: readonly string[];
}

/** PostgreSQL `ALTER TYPE name ADD VALUE [IF NOT EXISTS] 'v' [BEFORE|AFTER 'w']`. */
export interface AddEnumValueOp {
  /** Always `"addEnumValue"` (`op.addEnumValue`). */
  readonly kind: "addEnumValue";
  /** Enum type name. */
  readonly name: string;
  /** The new value. */
  readonly value: string;
  /** Place the new value before this existing one (`BEFORE`); not together with `after`. */
  readonly before?: string;
  /**
   * Place the new value after this existing one (`AFTER`); not together with `before`. With
   * neither, it goes last.
   */
  readonly after?: string;
  /** `ADD VALUE IF NOT EXISTS`: no error when the value exists. */
  readonly ifNotExists?: boolean;
  /** Schema holding the type. */
  readonly schema?: string;
}

/** PostgreSQL `CREATE SCHEMA [IF NOT EXISTS] name`. */
export interface CreateSchemaOp {
  /** Always `"createSchema"` (`op.createSchema`). */
  readonly kind: "createSchema";
  /** Schema name (on MySQL a database: `CREATE SCHEMA` is `CREATE DATABASE` there). */
  readonly name: string;
  /** `CREATE SCHEMA IF NOT EXISTS`: no error when the schema exists. */
  readonly ifNotExists?: boolean;
}

/** PostgreSQL `DROP SCHEMA [IF EXISTS] name [CASCADE]`. */
export interface DropSchemaOp {
  /** Always `"dropSchema"` (`op.dropSchema`). */
  readonly kind: "dropSchema";
  /** Schema name (on MySQL a database). */
  readonly name: string;
  /** `DROP SCHEMA IF EXISTS`: no error when the schema is missing. */
  readonly ifExists?: boolean;
  /**
   * `CASCADE`: drop the objects in the schema too (PostgreSQL; MySQL leaves the keyword out, as its
   * `DROP DATABASE` always drops them).
   */
  readonly cascade?: boolean;
}
