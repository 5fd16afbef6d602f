/**
 * PostgreSQL's statement analysis for `migrate lint`: statements are parsed by PostgreSQL's own
 * parser (libpg_query compiled to WASM, the `libpg-query` package, as squawk does), and each parse
 * node is mapped to the lock it takes (docs section 13.3, "Explicit Locking", table 13.2) and to
 * whether it rewrites the table (docs, ALTER TABLE "Notes": a volatile default, a type change that is
 * not binary-coercible, an identity or stored generated column).
 *
 * @module
 */
import type { DialectLinter, StatementFacts } from "../../lint/facts.ts";
import type { AlterColumnOp, Operation } from "../../operations/types.ts";

type Node = Record<string, unknown>;

/** Functions whose value differs per row: a default calling one makes ADD COLUMN rewrite the table. */
const VOLATILE = new Set([
  "random",
  "gen_random_uuid",
  "uuid_generate_v1",
  "uuid_generate_v4",
  "clock_timestamp",
  "timeofday",
  "nextval",
  "setval",
]);
/** Types whose column default is `nextval(...)`. */
const SERIAL = new Set(["serial", "bigserial", "smallserial", "serial2", "serial4", "serial8"]);

const ACCESS_EXCLUSIVE = "ACCESS EXCLUSIVE";

let parser: Promise<(sql: string) => Promise<{ stmts?: { stmt: Node }[] }>> | undefined;

function loadParser() {
  // The WASM parser is large: loaded only when lint runs.
  parser ??= import("libpg-query").then((m) =>
    m.parse as (sql: string) => Promise<{ stmts?: { stmt: Node }[] }>
  );
  return parser;
}

const str = (n: unknown): string | undefined => (n as { String?: { sval?: string } })?.String?.sval;

function typeName(t: unknown): string {
  const names = ((t as Node)?.names as unknown[] | undefined) ?? [];
  return names.map(str).filter((s) => s !== undefined && s !== "pg_catalog").join(".");
}

function isVolatile(expr: unknown): boolean {
  if (expr === null || typeof expr !== "object") return false;
  const call = (expr as Node).FuncCall as Node | undefined;
  if (call) {
    const name = ((call.funcname as unknown[]) ?? []).map(str).pop();
    if (name !== undefined && VOLATILE.has(name.toLowerCase())) return true;
  }
  return Object.values(expr as Node).some((v) =>
    Array.isArray(v) ? v.some(isVolatile) : typeof v === "object" && isVolatile(v)
  );
}

function constraintsOf(def: Node): Node[] {
  return ((def.constraints as unknown[] | undefined) ?? []).map((c) => (c as Node).Constraint as Node);
}

function alterTableFacts(stmt: Node): StatementFacts[] {
  const table = (stmt.relation as Node | undefined)?.relname as string | undefined;
  const out: StatementFacts[] = [];
  for (const item of (stmt.cmds as unknown[]) ?? []) {
    const cmd = (item as Node).AlterTableCmd as Node;
    const column = cmd.name as string | undefined;
    switch (cmd.subtype) {
      case "AT_AddColumn": {
        const def = (cmd.def as Node).ColumnDef as Node;
        const cons = constraintsOf(def);
        const dflt = cons.find((c) => c.contype === "CONSTR_DEFAULT");
        const rewrites = SERIAL.has(typeName(def.typeName).toLowerCase()) ||
          cons.some((c) => c.contype === "CONSTR_IDENTITY" || c.contype === "CONSTR_GENERATED") ||
          (dflt !== undefined && isVolatile(dflt.raw_expr));
        out.push({
          action: "add-column",
          table,
          column: def.colname as string,
          lockLevel: ACCESS_EXCLUSIVE,
          rewritesTable: rewrites,
          notNullWithoutDefault: cons.some((c) => c.contype === "CONSTR_NOTNULL") && dflt === undefined &&
            !rewrites,
        });
        break;
      }
      case "AT_DropColumn":
        out.push({ action: "drop-column", table, column, lockLevel: ACCESS_EXCLUSIVE });
        break;
      case "AT_AlterColumnType":
        out.push({
          action: "alter-column-type",
          table,
          column,
          lockLevel: ACCESS_EXCLUSIVE,
          rewritesTable: true,
        });
        break;
      case "AT_SetNotNull":
        out.push({ action: "set-not-null", table, column, lockLevel: ACCESS_EXCLUSIVE });
        break;
      case "AT_AddConstraint": {
        const c = (cmd.def as Node).Constraint as Node;
        const notValid = c.skip_validation === true;
        if (c.contype === "CONSTR_FOREIGN") {
          out.push({ action: "add-foreign-key", table, lockLevel: "SHARE ROW EXCLUSIVE", notValid });
        } else if (c.contype === "CONSTR_CHECK") {
          out.push({ action: "add-check", table, lockLevel: ACCESS_EXCLUSIVE, notValid });
        } else if (c.contype === "CONSTR_UNIQUE" || c.contype === "CONSTR_PRIMARY") {
          out.push({
            action: c.contype === "CONSTR_UNIQUE" ? "add-unique" : "add-primary-key",
            table,
            lockLevel: ACCESS_EXCLUSIVE,
            usingIndex: typeof c.indexname === "string",
          });
        } else out.push({ action: "other-ddl", table, lockLevel: ACCESS_EXCLUSIVE });
        break;
      }
      case "AT_ValidateConstraint":
        out.push({ action: "other-ddl", table, lockLevel: "SHARE UPDATE EXCLUSIVE" });
        break;
      default:
        out.push({ action: "other-ddl", table, lockLevel: ACCESS_EXCLUSIVE });
    }
  }
  return out;
}

/**
 * The facts of one parsed statement.
 *
 * @param stmt one `stmt` of libpg_query's parse tree (`{ AlterTableStmt: {...} }` etc.)
 * @returns what it changes, with PostgreSQL's lock level
 */
export function postgresStatementFacts(stmt: Node): StatementFacts[] {
  const [kind, body] = Object.entries(stmt)[0] as [string, Node];
  const relname = (body.relation as Node | undefined)?.relname as string | undefined;
  switch (kind) {
    case "CreateStmt":
      return [{ action: "create-table", table: relname }];
    case "AlterTableStmt":
      return alterTableFacts(body);
    case "IndexStmt":
      return [{
        action: "create-index",
        table: relname,
        concurrently: body.concurrent === true,
        lockLevel: body.concurrent === true ? "SHARE UPDATE EXCLUSIVE" : "SHARE",
      }];
    case "DropStmt": {
      const names = ((body.objects as unknown[]) ?? []).map((o) =>
        (((o as Node).List as Node | undefined)?.items as unknown[] | undefined)?.map(str).pop()
      );
      if (body.removeType === "OBJECT_TABLE") {
        return names.map((t) => ({ action: "drop-table", table: t, lockLevel: ACCESS_EXCLUSIVE }));
      }
      if (body.removeType === "OBJECT_INDEX") {
        // The index's table is not named in the statement: the fact is about the index.
        return names.map((i) => ({
          action: "drop-index",
          table: i,
          concurrently: body.concurrent === true,
          lockLevel: body.concurrent === true ? "SHARE UPDATE EXCLUSIVE" : ACCESS_EXCLUSIVE,
        }));
      }
      return [{ action: "other-ddl" }];
    }
    case "RenameStmt":
      if (body.renameType === "OBJECT_TABLE") {
        return [{ action: "rename-table", table: relname, lockLevel: ACCESS_EXCLUSIVE }];
      }
      if (body.renameType === "OBJECT_COLUMN") {
        return [{
          action: "rename-column",
          table: relname,
          column: body.subname as string,
          lockLevel: ACCESS_EXCLUSIVE,
        }];
      }
      return [{ action: "other-ddl", table: relname, lockLevel: ACCESS_EXCLUSIVE }];
    case "InsertStmt":
    case "UpdateStmt":
    case "DeleteStmt":
    case "MergeStmt":
      return [{ action: "data-change", table: relname, lockLevel: "ROW EXCLUSIVE" }];
    case "AlterEnumStmt":
      return [{ action: "add-enum-value" }];
    case "SelectStmt":
    case "VariableSetStmt":
    case "TransactionStmt":
      return [{ action: "other" }];
    default:
      return [{ action: "other-ddl" }];
  }
}

async function factsOf(sql: string): Promise<StatementFacts[]> {
  const parse = await loadParser();
  const tree = await parse(sql);
  return (tree.stmts ?? []).flatMap((s) => postgresStatementFacts(s.stmt));
}

const LENGTH = /^(?:character varying|varchar)\s*(?:\((\d+)\))?$|^text$/i;

/** Whether a type change from `from` to `to` keeps every value, and whether it needs no rewrite. */
function typeChange(from: string | undefined, to: string): { narrowing: boolean; rewrites: boolean } {
  if (from === undefined) return { narrowing: false, rewrites: true };
  const a = LENGTH.exec(from.trim());
  const b = LENGTH.exec(to.trim());
  if (a && b) {
    const before = a[1] === undefined ? Infinity : Number(a[1]);
    const after = b[1] === undefined ? Infinity : Number(b[1]);
    // varchar(n) -> varchar(m >= n) or text is binary-coercible: no rewrite (docs, ALTER TABLE notes).
    return { narrowing: after < before, rewrites: after < before };
  }
  const ints = ["smallint", "integer", "bigint"];
  const i = ints.indexOf(from.trim().toLowerCase());
  const j = ints.indexOf(to.trim().toLowerCase());
  return { narrowing: i >= 0 && j >= 0 && j < i, rewrites: true };
}

/** PostgreSQL's {@link DialectLinter}. */
export const postgresLinter: DialectLinter = {
  statement: factsOf,
  async operation(op: Operation, statements) {
    const facts = (await Promise.all(statements.map((s) => factsOf(s.sql)))).flat();
    if (op.kind !== "alterColumn" || op.type === undefined) return facts;
    const change = typeChange((op as AlterColumnOp).existing?.type, op.type);
    return facts.map((f) =>
      f.action === "alter-column-type"
        ? { ...f, rewritesTable: change.rewrites, narrowing: change.narrowing }
        : f
    );
  },
};
