/**
 * Factories of the operations on objects beyond tables (`object_types.ts`): views, materialized
 * views, routines, triggers, sequences, extensions and domains. Bad arguments throw `TypeError`
 * (wrong shape) or `RangeError` (impossible value); every operation returned is deeply frozen and
 * shares no object with the caller.
 *
 * @module
 */
import { SIGNATURES } from "./signatures.ts";
import type {
  AlterSequenceOp,
  CreateDomainOp,
  CreateExtensionOp,
  CreateFunctionOp,
  CreateMaterializedViewOp,
  CreateSequenceOp,
  CreateTriggerOp,
  CreateViewOp,
  DomainDefinition,
  DropDomainOp,
  DropExtensionOp,
  DropFunctionOp,
  DropMaterializedViewOp,
  DropSequenceOp,
  DropTriggerOp,
  DropViewOp,
  ReplaceViewOp,
  RoutineKind,
  SequenceDefinition,
} from "./object_types.ts";
import { checkName, checkOptions, checkText, flag, isPlainObject, schemaOf } from "./_validate.ts";
import type { SchemaOption } from "./create_options.ts";

/** Options of the drop factories: schema, `IF EXISTS`, and what was dropped (for reversing). */
export interface DropObjectOptions<D> extends SchemaOption {
  /** `IF EXISTS`: no error when the object is missing. */
  readonly ifExists?: boolean;
  /** The definition the object had, so the drop can be reversed. */
  readonly definition?: D;
}

/**
 * Build `CREATE VIEW name AS definition`.
 *
 * @param name view name
 * @param definition the view's query (`SELECT ...`)
 * @param options `schema`
 * @returns a frozen {@link CreateViewOp}
 * @throws {TypeError} for an empty name or query
 */
export function createView(name: string, definition: string, options: SchemaOption = {}): CreateViewOp {
  const what = "createView operation";
  checkName(name, what, "view name");
  checkOptions(options, what, SIGNATURES.createView.options);
  return Object.freeze({
    kind: "createView",
    name,
    definition: checkText(definition, `${what} "${name}"`, "definition"),
    ...schemaOf(options, what),
  });
}

/**
 * Build `DROP VIEW [IF EXISTS] name`.
 *
 * @param name view name
 * @param options `schema`, `ifExists`, `definition` (the query it had, for reversing)
 * @returns a frozen {@link DropViewOp}
 * @throws {TypeError} for an empty name
 */
export function dropView(name: string, options: DropObjectOptions<string> = {}): DropViewOp {
  const what = "dropView operation";
  checkName(name, what, "view name");
  checkOptions(options, what, SIGNATURES.dropView.options);
  return Object.freeze({ kind: "dropView", name, ...dropFields(options, what, textOf) });
}

/**
 * Build a change of a view's query (`CREATE OR REPLACE VIEW`).
 *
 * @param name view name
 * @param definition the new query
 * @param options `schema`, `existing` (the query it had, for reversing)
 * @returns a frozen {@link ReplaceViewOp}
 * @throws {TypeError} for an empty name or query
 */
export function replaceView(
  name: string,
  definition: string,
  options: SchemaOption & { readonly existing?: string } = {},
): ReplaceViewOp {
  const what = "replaceView operation";
  checkName(name, what, "view name");
  checkOptions(options, what, SIGNATURES.replaceView.options);
  const where = `${what} "${name}"`;
  return Object.freeze({
    kind: "replaceView",
    name,
    definition: checkText(definition, where, "definition"),
    ...schemaOf(options, what),
    ...(options.existing === undefined ? {} : { existing: checkText(options.existing, where, "existing") }),
  });
}

/**
 * Build PostgreSQL's `CREATE MATERIALIZED VIEW name AS definition`.
 *
 * @param name view name
 * @param definition the view's query
 * @param options `schema`
 * @returns a frozen {@link CreateMaterializedViewOp}
 * @throws {TypeError} for an empty name or query
 */
export function createMaterializedView(
  name: string,
  definition: string,
  options: SchemaOption = {},
): CreateMaterializedViewOp {
  const what = "createMaterializedView operation";
  checkName(name, what, "view name");
  checkOptions(options, what, SIGNATURES.createMaterializedView.options);
  return Object.freeze({
    kind: "createMaterializedView",
    name,
    definition: checkText(definition, `${what} "${name}"`, "definition"),
    ...schemaOf(options, what),
  });
}

/**
 * Build PostgreSQL's `DROP MATERIALIZED VIEW [IF EXISTS] name`.
 *
 * @param name view name
 * @param options `schema`, `ifExists`, `definition`
 * @returns a frozen {@link DropMaterializedViewOp}
 * @throws {TypeError} for an empty name
 */
export function dropMaterializedView(
  name: string,
  options: DropObjectOptions<string> = {},
): DropMaterializedViewOp {
  const what = "dropMaterializedView operation";
  checkName(name, what, "view name");
  checkOptions(options, what, SIGNATURES.dropMaterializedView.options);
  return Object.freeze({ kind: "dropMaterializedView", name, ...dropFields(options, what, textOf) });
}

/**
 * Build a routine's creation from its whole `CREATE FUNCTION` / `PROCEDURE` / `AGGREGATE` statement.
 *
 * @param name the routine's name, with argument types on PostgreSQL (`f(integer, text)`)
 * @param definition the whole `CREATE ...` statement
 * @param options `schema`, `routine` (`function`, `procedure` or `aggregate`)
 * @returns a frozen {@link CreateFunctionOp}
 * @throws {TypeError} for an empty name or statement, or an unknown `routine`
 */
export function createFunction(
  name: string,
  definition: string,
  options: SchemaOption & { readonly routine?: RoutineKind } = {},
): CreateFunctionOp {
  const what = "createFunction operation";
  checkName(name, what, "routine name");
  checkOptions(options, what, SIGNATURES.createFunction.options);
  return Object.freeze({
    kind: "createFunction",
    name,
    definition: checkText(definition, `${what} "${name}"`, "definition"),
    ...schemaOf(options, what),
    ...routineOf(options.routine, what),
  });
}

/**
 * Build `DROP FUNCTION` / `PROCEDURE` / `AGGREGATE [IF EXISTS] name`.
 *
 * @param name the routine's name, with argument types on PostgreSQL
 * @param options `schema`, `routine`, `ifExists`, `definition` (the `CREATE` statement, for reversing)
 * @returns a frozen {@link DropFunctionOp}
 * @throws {TypeError} for an empty name or an unknown `routine`
 */
export function dropFunction(
  name: string,
  options: DropObjectOptions<string> & { readonly routine?: RoutineKind } = {},
): DropFunctionOp {
  const what = "dropFunction operation";
  checkName(name, what, "routine name");
  checkOptions(options, what, SIGNATURES.dropFunction.options);
  const { routine, ...rest } = options;
  return Object.freeze({
    kind: "dropFunction",
    name,
    ...routineOf(routine, what),
    ...dropFields(rest, what, textOf),
  });
}

/**
 * Build a trigger's creation from its whole `CREATE TRIGGER` statement.
 *
 * @param name trigger name
 * @param table the table it fires on
 * @param definition the whole statement
 * @param options `schema`
 * @returns a frozen {@link CreateTriggerOp}
 * @throws {TypeError} for an empty name, table or statement
 */
export function createTrigger(
  name: string,
  table: string,
  definition: string,
  options: SchemaOption = {},
): CreateTriggerOp {
  const what = "createTrigger operation";
  checkName(name, what, "trigger name");
  checkName(table, what, "table name");
  checkOptions(options, what, SIGNATURES.createTrigger.options);
  return Object.freeze({
    kind: "createTrigger",
    name,
    table,
    definition: checkText(definition, `${what} "${name}"`, "definition"),
    ...schemaOf(options, what),
  });
}

/**
 * Build `DROP TRIGGER [IF EXISTS] name` (`ON table` on PostgreSQL).
 *
 * @param name trigger name
 * @param table the table it fires on
 * @param options `schema`, `ifExists`, `definition`
 * @returns a frozen {@link DropTriggerOp}
 * @throws {TypeError} for an empty name or table
 */
export function dropTrigger(
  name: string,
  table: string,
  options: DropObjectOptions<string> = {},
): DropTriggerOp {
  const what = "dropTrigger operation";
  checkName(name, what, "trigger name");
  checkName(table, what, "table name");
  checkOptions(options, what, SIGNATURES.dropTrigger.options);
  return Object.freeze({ kind: "dropTrigger", name, table, ...dropFields(options, what, textOf) });
}

/**
 * Build PostgreSQL's `CREATE SEQUENCE name ...`.
 *
 * @param name sequence name
 * @param definition `type`, `start`, `increment`, `minValue`, `maxValue`, `cache`, `cycle`
 * @param options `schema`
 * @returns a frozen {@link CreateSequenceOp}
 * @throws {TypeError} for an empty name or an unknown or mistyped sequence option
 */
export function createSequence(
  name: string,
  definition: SequenceDefinition = {},
  options: SchemaOption = {},
): CreateSequenceOp {
  const what = "createSequence operation";
  checkName(name, what, "sequence name");
  checkOptions(options, what, SIGNATURES.createSequence.options);
  const seq = sequenceOf(definition, `${what} "${name}"`);
  return Object.freeze({
    kind: "createSequence",
    name,
    ...(Object.keys(seq).length ? { definition: seq } : {}),
    ...schemaOf(options, what),
  });
}

/**
 * Build PostgreSQL's `ALTER SEQUENCE name ...`.
 *
 * @param name sequence name
 * @param definition the options to set
 * @param options `schema`, `existing` (the options it had, for reversing)
 * @returns a frozen {@link AlterSequenceOp}
 * @throws {TypeError} for an empty name or an unknown or mistyped sequence option
 */
export function alterSequence(
  name: string,
  definition: SequenceDefinition,
  options: SchemaOption & { readonly existing?: SequenceDefinition } = {},
): AlterSequenceOp {
  const what = "alterSequence operation";
  checkName(name, what, "sequence name");
  checkOptions(options, what, SIGNATURES.alterSequence.options);
  const where = `${what} "${name}"`;
  return Object.freeze({
    kind: "alterSequence",
    name,
    definition: sequenceOf(definition, where),
    ...schemaOf(options, what),
    ...(options.existing === undefined ? {} : { existing: sequenceOf(options.existing, where) }),
  });
}

/**
 * Build PostgreSQL's `DROP SEQUENCE [IF EXISTS] name`.
 *
 * @param name sequence name
 * @param options `schema`, `ifExists`, `definition`
 * @returns a frozen {@link DropSequenceOp}
 * @throws {TypeError} for an empty name or a mistyped definition
 */
export function dropSequence(
  name: string,
  options: DropObjectOptions<SequenceDefinition> = {},
): DropSequenceOp {
  const what = "dropSequence operation";
  checkName(name, what, "sequence name");
  checkOptions(options, what, SIGNATURES.dropSequence.options);
  return Object.freeze({ kind: "dropSequence", name, ...dropFields(options, what, sequenceOf) });
}

/**
 * Build PostgreSQL's `CREATE EXTENSION [IF NOT EXISTS] name [WITH SCHEMA s] [VERSION v]`.
 *
 * @param name extension name
 * @param options `schema`, `version`, `ifNotExists`
 * @returns a frozen {@link CreateExtensionOp}
 * @throws {TypeError} for an empty name or version
 */
export function createExtension(
  name: string,
  options: SchemaOption & { readonly version?: string; readonly ifNotExists?: boolean } = {},
): CreateExtensionOp {
  const what = "createExtension operation";
  checkName(name, what, "extension name");
  checkOptions(options, what, SIGNATURES.createExtension.options);
  return Object.freeze({
    kind: "createExtension",
    name,
    ...schemaOf(options, what),
    ...(options.version === undefined ? {} : { version: checkText(options.version, what, "version") }),
    ...flag("ifNotExists", options.ifNotExists, what),
  });
}

/**
 * Build PostgreSQL's `DROP EXTENSION [IF EXISTS] name`.
 *
 * @param name extension name
 * @param options `ifExists`; `schema` and `version` as it was, for reversing
 * @returns a frozen {@link DropExtensionOp}
 * @throws {TypeError} for an empty name or version
 */
export function dropExtension(
  name: string,
  options: SchemaOption & { readonly version?: string; readonly ifExists?: boolean } = {},
): DropExtensionOp {
  const what = "dropExtension operation";
  checkName(name, what, "extension name");
  checkOptions(options, what, SIGNATURES.dropExtension.options);
  return Object.freeze({
    kind: "dropExtension",
    name,
    ...schemaOf(options, what),
    ...(options.version === undefined ? {} : { version: checkText(options.version, what, "version") }),
    ...flag("ifExists", options.ifExists, what),
  });
}

/**
 * Build PostgreSQL's `CREATE DOMAIN name AS type [NOT NULL] [DEFAULT ...] [CHECK (...)]`.
 *
 * @param name domain name
 * @param definition `type`, `nullable`, `default`, `checks`
 * @param options `schema`
 * @returns a frozen {@link CreateDomainOp}
 * @throws {TypeError} for an empty name or type, or a mistyped definition
 */
export function createDomain(
  name: string,
  definition: DomainDefinition,
  options: SchemaOption = {},
): CreateDomainOp {
  const what = "createDomain operation";
  checkName(name, what, "domain name");
  checkOptions(options, what, SIGNATURES.createDomain.options);
  return Object.freeze({
    kind: "createDomain",
    name,
    definition: domainOf(definition, `${what} "${name}"`),
    ...schemaOf(options, what),
  });
}

/**
 * Build PostgreSQL's `DROP DOMAIN [IF EXISTS] name`.
 *
 * @param name domain name
 * @param options `schema`, `ifExists`, `definition`
 * @returns a frozen {@link DropDomainOp}
 * @throws {TypeError} for an empty name or a mistyped definition
 */
export function dropDomain(name: string, options: DropObjectOptions<DomainDefinition> = {}): DropDomainOp {
  const what = "dropDomain operation";
  checkName(name, what, "domain name");
  checkOptions(options, what, SIGNATURES.dropDomain.options);
  return Object.freeze({ kind: "dropDomain", name, ...dropFields(options, what, domainOf) });
}

// ---- checkers -------------------------------------------------------------------------------------

function textOf(value: unknown, where: string): string {
  return checkText(value, where, "definition");
}

function dropFields<D>(
  options: DropObjectOptions<D>,
  what: string,
  check: (value: unknown, where: string) => D,
): { schema?: string; ifExists?: true; definition?: D } {
  return {
    ...schemaOf(options, what),
    ...flag("ifExists", options.ifExists, what),
    ...(options.definition === undefined ? {} : { definition: check(options.definition, what) }),
  };
}

const ROUTINES: readonly RoutineKind[] = ["function", "procedure", "aggregate"];

function routineOf(routine: unknown, where: string): { routine?: RoutineKind } {
  if (routine === undefined || routine === "function") return {};
  if (!ROUTINES.includes(routine as RoutineKind)) {
    throw new TypeError(
      `Cannot create ${where}: routine must be one of ${ROUTINES.join(", ")}, got ${String(routine)}`,
    );
  }
  return { routine: routine as RoutineKind };
}

const SEQUENCE_NUMBERS = ["start", "increment", "minValue", "maxValue", "cache"] as const;

function sequenceOf(value: unknown, where: string): SequenceDefinition {
  if (!isPlainObject(value)) throw new TypeError(`Cannot create ${where}: the sequence must be an object`);
  checkOptions(value, where, ["type", ...SEQUENCE_NUMBERS, "cycle"]);
  const out: Record<string, unknown> = {};
  if (value.type !== undefined) out.type = checkText(value.type, where, "type");
  for (const key of SEQUENCE_NUMBERS) {
    const n = value[key];
    if (n === undefined) continue;
    if (typeof n !== "number" || !Number.isSafeInteger(n)) {
      throw new TypeError(`Cannot create ${where}: ${key} must be a safe integer, got ${String(n)}`);
    }
    out[key] = n;
  }
  if (value.cycle !== undefined) {
    if (typeof value.cycle !== "boolean") {
      throw new TypeError(`Cannot create ${where}: cycle must be a boolean`);
    }
    out.cycle = value.cycle;
  }
  return Object.freeze(out) as SequenceDefinition;
}

function domainOf(value: unknown, where: string): DomainDefinition {
  if (!isPlainObject(value)) throw new TypeError(`Cannot create ${where}: the domain must be an object`);
  checkOptions(value, where, ["type", "nullable", "default", "checks"]);
  const checks = value.checks;
  if (checks !== undefined && !Array.isArray(checks)) {
    throw new TypeError(`Cannot create ${where}: checks must be an array`);
  }
  if (value.nullable !== undefined && typeof value.nullable !== "boolean") {
    throw new TypeError(`Cannot create ${where}: nullable must be a boolean`);
  }
  return Object.freeze({
    type: checkText(value.type, where, "type"),
    ...(value.nullable === undefined ? {} : { nullable: value.nullable as boolean }),
    ...(value.default === undefined ? {} : { default: checkText(value.default, where, "default") }),
    ...(checks === undefined ? {} : {
      checks: Object.freeze(checks.map((c) => {
        if (!isPlainObject(c)) throw new TypeError(`Cannot create ${where}: a check must be an object`);
        checkOptions(c, where, ["condition", "name"]);
        return Object.freeze({
          condition: checkText(c.condition, where, "check condition"),
          ...(c.name === undefined ? {} : { name: checkText(c.name, where, "check name") }),
        });
      })),
    }),
  });
}
