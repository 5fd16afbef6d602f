/**
 * Factories of PostgreSQL enum types and of schemas: `createEnum`, `dropEnum`, `addEnumValue`,
 * `createSchema`, `dropSchema`.
 * Bad arguments throw `TypeError` (wrong shape) or `RangeError` (right shape, impossible value);
 * every operation returned is deeply frozen and shares no object with the caller.
 *
 * @module
 */
import { SIGNATURES } from "./signatures.ts";
import type { AddEnumValueOp, CreateEnumOp, CreateSchemaOp, DropEnumOp, DropSchemaOp } from "./types.ts";
import { checkName, checkOptions, checkText, enumValues, flag, schemaOf } from "./_validate.ts";
import type { SchemaOption } from "./create_options.ts";

/**
 * Build PostgreSQL's `CREATE TYPE name AS ENUM (values)`.
 *
 * @param name type name
 * @param values at least one value, no duplicates
 * @param options `schema`
 * @returns a frozen {@link CreateEnumOp}
 * @throws {TypeError} for an empty name, no values or a duplicate value
 */
export function createEnum(
  name: string,
  values: readonly string[],
  options: SchemaOption = {},
): CreateEnumOp {
  const what = "createEnum operation";
  checkName(name, what, "type name");
  checkOptions(options, what, SIGNATURES.createEnum.options);
  return Object.freeze({
    kind: "createEnum",
    name,
    values: enumValues(values, `${what} "${name}"`),
    ...schemaOf(options, what),
  });
}

/**
 * Build PostgreSQL's `DROP TYPE [IF EXISTS] name`.
 *
 * @param name type name
 * @param options `schema`, `ifExists`, `values` (the values it had, for reversing)
 * @returns a frozen {@link DropEnumOp}
 * @throws {TypeError} for an empty name
 */
export function dropEnum(
  name: string,
  options: SchemaOption & { readonly ifExists?: boolean; readonly values?: readonly string[] } = {},
): DropEnumOp {
  const what = "dropEnum operation";
  checkName(name, what, "type name");
  checkOptions(options, what, SIGNATURES.dropEnum.options);
  return Object.freeze({
    kind: "dropEnum",
    name,
    ...schemaOf(options, what),
    ...flag("ifExists", options.ifExists, what),
    ...(options.values === undefined ? {} : { values: enumValues(options.values, `${what} "${name}"`) }),
  });
}

/**
 * Build PostgreSQL's `ALTER TYPE name ADD VALUE [IF NOT EXISTS] 'value' [BEFORE|AFTER 'other']`.
 *
 * @param name type name
 * @param value the new value
 * @param options `before` or `after` (not both), `ifNotExists`, `schema`
 * @returns a frozen {@link AddEnumValueOp}
 * @throws {TypeError} for an empty name or both `before` and `after`
 */
export function addEnumValue(
  name: string,
  value: string,
  options: SchemaOption & {
    readonly before?: string;
    readonly after?: string;
    readonly ifNotExists?: boolean;
  } = {},
): AddEnumValueOp {
  const what = "addEnumValue operation";
  checkName(name, what, "type name");
  checkOptions(options, what, SIGNATURES.addEnumValue.options);
  const where = `${what} "${name}"`;
  if (options.before !== undefined && options.after !== undefined) {
    throw new TypeError(`Cannot create ${where}: give before or after, not both`);
  }
  return Object.freeze({
    kind: "addEnumValue",
    name,
    value: checkText(value, where, "value", true),
    ...(options.before === undefined ? {} : { before: checkText(options.before, where, "before", true) }),
    ...(options.after === undefined ? {} : { after: checkText(options.after, where, "after", true) }),
    ...flag("ifNotExists", options.ifNotExists, what),
    ...schemaOf(options, what),
  });
}

/**
 * Build PostgreSQL's `CREATE SCHEMA [IF NOT EXISTS] name`.
 *
 * @param name schema name
 * @param options `ifNotExists`
 * @returns a frozen {@link CreateSchemaOp}
 * @throws {TypeError} for an empty name
 */
export function createSchema(name: string, options: { readonly ifNotExists?: boolean } = {}): CreateSchemaOp {
  const what = "createSchema operation";
  checkName(name, what, "schema name");
  checkOptions(options, what, SIGNATURES.createSchema.options);
  return Object.freeze({ kind: "createSchema", name, ...flag("ifNotExists", options.ifNotExists, what) });
}

/**
 * Build PostgreSQL's `DROP SCHEMA [IF EXISTS] name [CASCADE]`.
 *
 * @param name schema name
 * @param options `ifExists`, `cascade`
 * @returns a frozen {@link DropSchemaOp}
 * @throws {TypeError} for an empty name
 */
export function dropSchema(
  name: string,
  options: { readonly ifExists?: boolean; readonly cascade?: boolean } = {},
): DropSchemaOp {
  const what = "dropSchema operation";
  checkName(name, what, "schema name");
  checkOptions(options, what, SIGNATURES.dropSchema.options);
  return Object.freeze({
    kind: "dropSchema",
    name,
    ...flag("ifExists", options.ifExists, what),
    ...flag("cascade", options.cascade, what),
  });
}
