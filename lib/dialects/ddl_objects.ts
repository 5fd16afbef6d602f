/**
 * DDL of the objects beyond tables (views, materialized views, routines, triggers, sequences,
 * extensions, domains): the layer between `DdlFragments` and `DdlCompiler`. The SQL is
 * PostgreSQL's, which is standard SQL's where the standard has the object; each dialect declares in
 * {@link ObjectDdlRules} which objects its database has and the two places its syntax differs. An
 * object the database lacks throws `UnsupportedOperationError` with a hint.
 *
 * Views, routines and triggers are written as the database prints them (a view's query, a routine's
 * or trigger's whole `CREATE` statement), so they are run as given.
 *
 * @module
 */
import type {
  AlterSequenceOp,
  CreateDomainOp,
  CreateExtensionOp,
  CreateFunctionOp,
  CreateMaterializedViewOp,
  CreateSequenceOp,
  CreateTriggerOp,
  CreateViewOp,
  DropDomainOp,
  DropExtensionOp,
  DropFunctionOp,
  DropMaterializedViewOp,
  DropSequenceOp,
  DropTriggerOp,
  DropViewOp,
  ObjectOperation,
  ReplaceViewOp,
  SequenceDefinition,
} from "../operations/object_types.ts";
import { DdlFragments } from "./ddl_fragments.ts";
import type { SqlStatement } from "./statement.ts";

/** A family of objects beyond tables, as {@link ObjectDdlRules.objects} lists them. */
export type ObjectFamily =
  | "view"
  | "materializedView"
  | "routine"
  | "trigger"
  | "sequence"
  | "extension"
  | "domain";

/** What a database's DDL can do with objects beyond tables. */
export interface ObjectDdlRules {
  /** The object families the database has. */
  readonly objects: readonly ObjectFamily[];
  /** `DROP TRIGGER name ON table` (PostgreSQL) rather than `DROP TRIGGER [schema.]name`. */
  readonly dropTriggerOnTable: boolean;
  /** `CREATE OR REPLACE VIEW` exists (else a view is replaced by `DROP VIEW` and `CREATE VIEW`, SQLite). */
  readonly orReplaceView: boolean;
}

/** PostgreSQL's rules: every family, `DROP TRIGGER ... ON table`, `CREATE OR REPLACE VIEW`. */
export const ALL_OBJECT_RULES: ObjectDdlRules = Object.freeze({
  objects: Object.freeze(
    [
      "view",
      "materializedView",
      "routine",
      "trigger",
      "sequence",
      "extension",
      "domain",
    ] as const,
  ),
  dropTriggerOnTable: true,
  orReplaceView: true,
});

const FAMILY_OF: Readonly<Record<ObjectOperation["kind"], ObjectFamily>> = {
  createView: "view",
  dropView: "view",
  replaceView: "view",
  createMaterializedView: "materializedView",
  dropMaterializedView: "materializedView",
  createFunction: "routine",
  dropFunction: "routine",
  createTrigger: "trigger",
  dropTrigger: "trigger",
  createSequence: "sequence",
  alterSequence: "sequence",
  dropSequence: "sequence",
  createExtension: "extension",
  dropExtension: "extension",
  createDomain: "domain",
  dropDomain: "domain",
};

const FAMILY_WORDS: Readonly<Record<ObjectFamily, string>> = {
  view: "views",
  materializedView: "materialized views",
  routine: "stored functions and procedures",
  trigger: "triggers",
  sequence: "sequences",
  extension: "extensions",
  domain: "domains",
};

/** Handlers of the object operations, one per kind. */
type ObjectHandlers = {
  readonly [K in ObjectOperation["kind"]]: (op: Extract<ObjectOperation, { kind: K }>) => SqlStatement[];
};

/** Base of `DdlCompiler`: the object operations over the SQL pieces of `DdlFragments`. */
export abstract class DdlObjects extends DdlFragments {
  /** Which objects the database has and how its syntax differs; PostgreSQL's unless overridden. */
  protected readonly objectRules: ObjectDdlRules = ALL_OBJECT_RULES;

  /**
   * The handler of each object operation kind, for `DdlCompiler`'s table of handlers. Each first
   * checks that the database has the object.
   *
   * @returns one handler per kind
   */
  protected objectHandlers(): ObjectHandlers {
    const guard = <O extends ObjectOperation>(f: (op: O) => string[]) => (op: O): SqlStatement[] => {
      this.requireObject(op);
      return f(op).map((sql) => ({ sql, source: op }));
    };
    return {
      createView: guard((
        op: CreateViewOp,
      ) => [`CREATE VIEW ${this.qualify(op.name, op.schema)} AS ${body(op.definition)}`]),
      dropView: guard((op: DropViewOp) => [`DROP VIEW ${ifExists(op)}${this.qualify(op.name, op.schema)}`]),
      replaceView: guard((op: ReplaceViewOp) => this.replaceView(op)),
      createMaterializedView: guard((op: CreateMaterializedViewOp) => [
        `CREATE MATERIALIZED VIEW ${this.qualify(op.name, op.schema)} AS ${body(op.definition)}`,
      ]),
      dropMaterializedView: guard((op: DropMaterializedViewOp) => [
        `DROP MATERIALIZED VIEW ${ifExists(op)}${this.qualify(op.name, op.schema)}`,
      ]),
      createFunction: guard((op: CreateFunctionOp) => [body(op.definition)]),
      dropFunction: guard((op: DropFunctionOp) => [
        `DROP ${(op.routine ?? "function").toUpperCase()} ${ifExists(op)}${
          this.routineName(op.name, op.schema)
        }`,
      ]),
      createTrigger: guard((op: CreateTriggerOp) => [body(op.definition)]),
      dropTrigger: guard((op: DropTriggerOp) => [
        this.objectRules.dropTriggerOnTable
          ? `DROP TRIGGER ${ifExists(op)}${this.quoteIdentifier(op.name)} ON ${
            this.qualify(op.table, op.schema)
          }`
          : `DROP TRIGGER ${ifExists(op)}${this.qualify(op.name, op.schema)}`,
      ]),
      createSequence: guard((op: CreateSequenceOp) => [
        `CREATE SEQUENCE ${this.qualify(op.name, op.schema)}${sequenceClauses(op.definition ?? {}, false)}`,
      ]),
      alterSequence: guard((op: AlterSequenceOp) => [
        `ALTER SEQUENCE ${this.qualify(op.name, op.schema)}${sequenceClauses(op.definition, true)}`,
      ]),
      dropSequence: guard((op: DropSequenceOp) => [
        `DROP SEQUENCE ${ifExists(op)}${this.qualify(op.name, op.schema)}`,
      ]),
      createExtension: guard((op: CreateExtensionOp) => [
        `CREATE EXTENSION ${op.ifNotExists ? "IF NOT EXISTS " : ""}${this.quoteIdentifier(op.name)}${
          op.schema ? ` WITH SCHEMA ${this.quoteIdentifier(op.schema)}` : ""
        }${op.version ? ` VERSION ${this.stringLiteral(op.version)}` : ""}`,
      ]),
      dropExtension: guard((
        op: DropExtensionOp,
      ) => [`DROP EXTENSION ${ifExists(op)}${this.quoteIdentifier(op.name)}`]),
      createDomain: guard((op: CreateDomainOp) => [this.createDomainSql(op)]),
      dropDomain: guard((
        op: DropDomainOp,
      ) => [`DROP DOMAIN ${ifExists(op)}${this.qualify(op.name, op.schema)}`]),
    };
  }

  /** `CREATE OR REPLACE VIEW`, or where the database has none, `DROP VIEW` then `CREATE VIEW`. */
  private replaceView(op: ReplaceViewOp): string[] {
    const name = this.qualify(op.name, op.schema);
    return this.objectRules.orReplaceView
      ? [`CREATE OR REPLACE VIEW ${name} AS ${body(op.definition)}`]
      : [`DROP VIEW ${name}`, `CREATE VIEW ${name} AS ${body(op.definition)}`];
  }

  /** `CREATE DOMAIN name AS type [DEFAULT ...] [NOT NULL] [CONSTRAINT n] CHECK (...)...`. */
  private createDomainSql(op: CreateDomainOp): string {
    const d = op.definition;
    let sql = `CREATE DOMAIN ${this.qualify(op.name, op.schema)} AS ${d.type}`;
    if (d.default !== undefined) sql += ` DEFAULT ${d.default}`;
    if (d.nullable === false) sql += " NOT NULL";
    for (const c of d.checks ?? []) {
      sql += `${c.name ? ` CONSTRAINT ${this.quoteIdentifier(c.name)}` : ""} CHECK (${c.condition})`;
    }
    return sql;
  }

  /** A routine's name for `DROP`: the name qualified and quoted, its argument list as written. */
  private routineName(name: string, schema: string | undefined): string {
    const at = name.indexOf("(");
    return at < 0
      ? this.qualify(name, schema)
      : `${this.qualify(name.slice(0, at), schema)}${name.slice(at)}`;
  }

  /** Throws when the database has no object of `op`'s family. */
  private requireObject(op: ObjectOperation): void {
    const family = FAMILY_OF[op.kind];
    if (this.objectRules.objects.includes(family)) return;
    throw this.unsupported(
      op.kind,
      `Cannot run ${op.kind} "${op.name}" on ${this.dialect}: the database has no ${FAMILY_WORDS[family]}`,
      "leave it out of this database's revisions, or write the database's own SQL with op.execute",
    );
  }
}

function ifExists(op: { readonly ifExists?: boolean }): string {
  return op.ifExists ? "IF EXISTS " : "";
}

/** A definition as a statement body: without the final `;` (offline rendering adds its own). */
function body(sql: string): string {
  return sql.trim().replace(/;\s*$/, "");
}

/** The clauses of `CREATE SEQUENCE` / `ALTER SEQUENCE` for the options given. */
function sequenceClauses(d: SequenceDefinition, alter: boolean): string {
  let sql = "";
  if (d.type !== undefined) sql += ` AS ${d.type}`;
  if (d.increment !== undefined) sql += ` INCREMENT BY ${d.increment}`;
  if (d.minValue !== undefined) sql += ` MINVALUE ${d.minValue}`;
  if (d.maxValue !== undefined) sql += ` MAXVALUE ${d.maxValue}`;
  if (d.start !== undefined) sql += ` START WITH ${d.start}`;
  if (d.cache !== undefined) sql += ` CACHE ${d.cache}`;
  if (d.cycle === true) sql += " CYCLE";
  else if (d.cycle === false && alter) sql += " NO CYCLE";
  return sql;
}
