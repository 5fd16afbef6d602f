/**
 * Operations on schema objects beyond tables (DESIGN.md section 10): views, materialized views,
 * functions and procedures, triggers, sequences, extensions and domains. Each is plain data like
 * the table operations of `types.ts`; a `definition` is SQL as the database prints it (a view's
 * query, a function's or trigger's whole `CREATE` statement) or a small structured description
 * (sequences, domains). A drop operation may carry the definition it drops so that it can be
 * reversed.
 *
 * @module
 */

/**
 * The options of a sequence, a standalone one or the one behind an identity column; absent keys
 * are the database's defaults.
 */
export interface SequenceOptions {
  /** First value (`START WITH`). */
  readonly start?: number;
  /** Step (`INCREMENT BY`). */
  readonly increment?: number;
  /** `MINVALUE`; the type's default when absent. */
  readonly minValue?: number;
  /** `MAXVALUE`; the type's default when absent. */
  readonly maxValue?: number;
  /** `CACHE`; 1 when absent. */
  readonly cache?: number;
  /** `CYCLE`: wrap around at the end; `NO CYCLE` when absent. */
  readonly cycle?: boolean;
}

/** A standalone sequence's options (PostgreSQL `CREATE SEQUENCE`); absent keys are the defaults. */
export interface SequenceDefinition extends SequenceOptions {
  /** Data type: `smallint`, `integer` or `bigint` (default `bigint`). */
  readonly type?: string;
}

/** A PostgreSQL domain: a base type with an optional `NOT NULL`, default and `CHECK`s. */
export interface DomainDefinition {
  /** The base type as the database prints it (`integer`, `character varying(10)`). */
  readonly type: string;
  /** `false` for `NOT NULL`. */
  readonly nullable?: boolean;
  /** `DEFAULT` expression, as SQL. */
  readonly default?: string;
  /** `CHECK` constraints: the condition (using `VALUE`) and an optional name. */
  readonly checks?: readonly { readonly condition: string; readonly name?: string }[];
}

/** What a routine is: `CREATE FUNCTION`, `CREATE PROCEDURE` or PostgreSQL's `CREATE AGGREGATE`. */
export type RoutineKind = "function" | "procedure" | "aggregate";

/** `CREATE VIEW name AS definition`. */
export interface CreateViewOp {
  /** Always `"createView"` (`op.createView`). */
  readonly kind: "createView";
  /** View name. */
  readonly name: string;
  /** The view's query (`SELECT ...`), as SQL. */
  readonly definition: string;
  /** Schema holding the view. */
  readonly schema?: string;
}

/** `DROP VIEW name`. */
export interface DropViewOp {
  /** Always `"dropView"` (`op.dropView`). */
  readonly kind: "dropView";
  /** View name. */
  readonly name: string;
  /** Schema holding the view. */
  readonly schema?: string;
  /** `DROP VIEW IF EXISTS`. */
  readonly ifExists?: boolean;
  /** The query it had, for `reverseOperation`. */
  readonly definition?: string;
}

/** Change a view's query (`CREATE OR REPLACE VIEW`, or drop and create where that is missing). */
export interface ReplaceViewOp {
  /** Always `"replaceView"` (`op.replaceView`). */
  readonly kind: "replaceView";
  /** View name. */
  readonly name: string;
  /** The new query. */
  readonly definition: string;
  /** Schema holding the view. */
  readonly schema?: string;
  /** The query it had, for `reverseOperation`. */
  readonly existing?: string;
}

/** PostgreSQL `CREATE MATERIALIZED VIEW name AS definition`. */
export interface CreateMaterializedViewOp {
  /** Always `"createMaterializedView"` (`op.createMaterializedView`). */
  readonly kind: "createMaterializedView";
  /** View name. */
  readonly name: string;
  /** The view's query. */
  readonly definition: string;
  /** Schema holding the view. */
  readonly schema?: string;
}

/** PostgreSQL `DROP MATERIALIZED VIEW name`. */
export interface DropMaterializedViewOp {
  /** Always `"dropMaterializedView"` (`op.dropMaterializedView`). */
  readonly kind: "dropMaterializedView";
  /** View name. */
  readonly name: string;
  /** Schema holding the view. */
  readonly schema?: string;
  /** `IF EXISTS`. */
  readonly ifExists?: boolean;
  /** The query it had, for `reverseOperation`. */
  readonly definition?: string;
}

/** Run a routine's whole `CREATE FUNCTION` / `PROCEDURE` / `AGGREGATE` statement. */
export interface CreateFunctionOp {
  /** Always `"createFunction"` (`op.createFunction`). */
  readonly kind: "createFunction";
  /**
   * The routine's name; on PostgreSQL with its argument types (`film_in_stock(integer, integer)`),
   * which `DROP FUNCTION` needs to tell overloads apart.
   */
  readonly name: string;
  /** The whole `CREATE ...` statement, as SQL. */
  readonly definition: string;
  /** Schema holding the routine (used by the inverse's `DROP`). */
  readonly schema?: string;
  /** `function` (default), `procedure` or `aggregate`. */
  readonly routine?: RoutineKind;
}

/** `DROP FUNCTION` / `PROCEDURE` / `AGGREGATE name`. */
export interface DropFunctionOp {
  /** Always `"dropFunction"` (`op.dropFunction`). */
  readonly kind: "dropFunction";
  /** The routine's name, with argument types on PostgreSQL. */
  readonly name: string;
  /** Schema holding the routine. */
  readonly schema?: string;
  /** `function` (default), `procedure` or `aggregate`. */
  readonly routine?: RoutineKind;
  /** `IF EXISTS`. */
  readonly ifExists?: boolean;
  /** The `CREATE` statement it had, for `reverseOperation`. */
  readonly definition?: string;
}

/** Run a trigger's whole `CREATE TRIGGER` statement. */
export interface CreateTriggerOp {
  /** Always `"createTrigger"` (`op.createTrigger`). */
  readonly kind: "createTrigger";
  /** Trigger name. */
  readonly name: string;
  /** The table it fires on. */
  readonly table: string;
  /** The whole `CREATE TRIGGER` statement. */
  readonly definition: string;
  /** Schema holding the table. */
  readonly schema?: string;
}

/** `DROP TRIGGER name` (`ON table` on PostgreSQL). */
export interface DropTriggerOp {
  /** Always `"dropTrigger"` (`op.dropTrigger`). */
  readonly kind: "dropTrigger";
  /** Trigger name. */
  readonly name: string;
  /** The table it fires on. */
  readonly table: string;
  /** Schema holding the table. */
  readonly schema?: string;
  /** `IF EXISTS`. */
  readonly ifExists?: boolean;
  /** The `CREATE TRIGGER` statement it had, for `reverseOperation`. */
  readonly definition?: string;
}

/** PostgreSQL `CREATE SEQUENCE name ...`. */
export interface CreateSequenceOp {
  /** Always `"createSequence"` (`op.createSequence`). */
  readonly kind: "createSequence";
  /** Sequence name. */
  readonly name: string;
  /** Its options; the database's defaults for those left out. */
  readonly definition?: SequenceDefinition;
  /** Schema holding the sequence. */
  readonly schema?: string;
}

/** PostgreSQL `ALTER SEQUENCE name ...`. */
export interface AlterSequenceOp {
  /** Always `"alterSequence"` (`op.alterSequence`). */
  readonly kind: "alterSequence";
  /** Sequence name. */
  readonly name: string;
  /** The options to set. */
  readonly definition: SequenceDefinition;
  /** Schema holding the sequence. */
  readonly schema?: string;
  /** The options it had, for `reverseOperation`. */
  readonly existing?: SequenceDefinition;
}

/** PostgreSQL `DROP SEQUENCE name`. */
export interface DropSequenceOp {
  /** Always `"dropSequence"` (`op.dropSequence`). */
  readonly kind: "dropSequence";
  /** Sequence name. */
  readonly name: string;
  /** Schema holding the sequence. */
  readonly schema?: string;
  /** `IF EXISTS`. */
  readonly ifExists?: boolean;
  /** The options it had, for `reverseOperation`. */
  readonly definition?: SequenceDefinition;
}

/** PostgreSQL `CREATE EXTENSION name`. */
export interface CreateExtensionOp {
  /** Always `"createExtension"` (`op.createExtension`). */
  readonly kind: "createExtension";
  /** Extension name. */
  readonly name: string;
  /** `WITH SCHEMA`: where its objects go. */
  readonly schema?: string;
  /** `VERSION`. */
  readonly version?: string;
  /** `IF NOT EXISTS`. */
  readonly ifNotExists?: boolean;
}

/** PostgreSQL `DROP EXTENSION name`. */
export interface DropExtensionOp {
  /** Always `"dropExtension"` (`op.dropExtension`). */
  readonly kind: "dropExtension";
  /** Extension name. */
  readonly name: string;
  /** The schema it was in, for `reverseOperation`. */
  readonly schema?: string;
  /** The version it had, for `reverseOperation`. */
  readonly version?: string;
  /** `IF EXISTS`. */
  readonly ifExists?: boolean;
}

/** PostgreSQL `CREATE DOMAIN name AS type ...`. */
export interface CreateDomainOp {
  /** Always `"createDomain"` (`op.createDomain`). */
  readonly kind: "createDomain";
  /** Domain name. */
  readonly name: string;
  /** Base type, nullability, default and checks. */
  readonly definition: DomainDefinition;
  /** Schema holding the domain. */
  readonly schema?: string;
}

/** PostgreSQL `DROP DOMAIN name`. */
export interface DropDomainOp {
  /** Always `"dropDomain"` (`op.dropDomain`). */
  readonly kind: "dropDomain";
  /** Domain name. */
  readonly name: string;
  /** Schema holding the domain. */
  readonly schema?: string;
  /** `IF EXISTS`. */
  readonly ifExists?: boolean;
  /** The domain it was, for `reverseOperation`. */
  readonly definition?: DomainDefinition;
}

/** Every operation on an object beyond tables. */
export type ObjectOperation =
  | CreateViewOp
  | DropViewOp
  | ReplaceViewOp
  | CreateMaterializedViewOp
  | DropMaterializedViewOp
  | CreateFunctionOp
  | DropFunctionOp
  | CreateTriggerOp
  | DropTriggerOp
  | CreateSequenceOp
  | AlterSequenceOp
  | DropSequenceOp
  | CreateExtensionOp
  | DropExtensionOp
  | CreateDomainOp
  | DropDomainOp;
