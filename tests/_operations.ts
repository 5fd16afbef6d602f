/**
 * Shared by tests/dialects/operations_test.ts: one step per operation kind, applied
 * to a real database (online through `plan`/`ddl` as the runner does, or offline as rendered text
 * fed to `psql` / `mysql` / `sqlite3`), with the catalog read back before and after. Each step's
 * downgrade is its operations reversed (`reverseOperation`) unless it gives one, and must bring the
 * catalog back exactly.
 *
 * @module
 */
import { terminatedStatement } from "../lib/dialects/terminated_statement.ts";
import { spawnSync } from "node:child_process";
import process from "node:process";
import { assertEquals } from "./_assert.ts";
import type { Connection, Dialect, DialectName } from "../lib/dialects/dialect.ts";
import type { SqlStatement } from "../lib/dialects/statement.ts";
import type { Operation } from "../lib/operations/types.ts";
import * as c from "../lib/operations/create.ts";
import { batchAlterTable } from "../lib/operations/batch.ts";
import { reverseOperation, type TableBefore } from "../lib/operations/reverse.ts";
import { parseCreateTable } from "../lib/dialects/sqlite/_create_table_parser.ts";

/** One operation step. */
export interface OperationStep {
  readonly name: string;
  /** Dialects the step runs on (all when absent). */
  readonly only?: readonly DialectName[];
  readonly up: readonly Operation[];
  /** The downgrade; defaults to `up` reversed with {@link reverseOperation}. */
  readonly down?: readonly Operation[];
  /** MySQL's downgrade where it differs (MySQL keeps the index it made for a foreign key). */
  readonly mysqlDown?: readonly Operation[];
  /** Tables as they were, for reversing drops. */
  readonly before?: Readonly<Record<string, TableBefore>>;
  /**
   * The step leaves every database's catalog as it found it (it undoes itself, or changes rows
   * only), so no database lists a catalog change for it.
   */
  readonly catalogUnchanged?: true;
  /** A query whose rows after `up` are compared with `rows` (data operations). */
  readonly query?: string;
  /** The rows `query` returns, given how the database reads typed values back. */
  readonly rows?: (values: TypedValues) => readonly Record<string, unknown>[];
}

/** How a database returns the typed values of the `bulkInsert with typed values` step. */
export interface TypedValues {
  /** The timestamp 2024-02-29 12:30 UTC. */
  readonly timestamp: string;
  /** The JSON text `{"a": [1, 2]}` as read back. */
  readonly json: string;
  /** `true` and `false` as read back. */
  readonly true: unknown;
  readonly false: unknown;
}

/** The base schema every step starts from. */
export const BASE: readonly Operation[] = [
  c.createTable("account", {
    id: { type: "integer", primaryKey: true },
    name: { type: "varchar(50)", nullable: false },
    email: { type: "varchar(200)" },
    age: { type: "integer" },
  }),
  c.createTable("orders", {
    id: { type: "integer", primaryKey: true },
    account_id: { type: "integer" },
    total: { type: "numeric(10, 2)" },
    note: { type: "text" },
  }),
];

const ACCOUNT_BEFORE: TableBefore = {
  columns: {
    id: { type: "integer", primaryKey: true },
    name: { type: "varchar(50)", nullable: false },
    email: { type: "varchar(200)" },
    age: { type: "integer" },
  },
};

/** Every step, in order; each leaves the base schema as it found it. */
export const STEPS: readonly OperationStep[] = [
  {
    name: "createTable with constraints, indexes, comment and MySQL options",
    up: [
      c.createTable("invoice", {
        id: { type: "integer" },
        account_id: { type: "integer", nullable: false },
        code: { type: "varchar(20)", nullable: false, default: "x" },
        total: { type: "numeric(10, 2)", comment: "gross" },
      }, {
        primaryKey: { name: "pk_invoice", columns: ["id"] },
        uniqueConstraints: [{ name: "uq_invoice_code", columns: ["account_id", "code"] }],
        foreignKeys: [{
          name: "fk_invoice_account",
          columns: ["account_id"],
          referencedTable: "account",
          referencedColumns: ["id"],
          onDelete: "cascade",
        }],
        checkConstraints: [{ name: "ck_invoice_total", condition: "total >= 0" }],
        indexes: [{ name: "ix_invoice_code", columns: ["code"] }],
        comment: "Invoices",
        mysql: { engine: "InnoDB", charset: "utf8mb4" },
      }),
    ],
  },
  {
    name: "createTable with an autoincrement key and an enum",
    up: [
      c.createEnum("mood", ["sad", "ok"]),
      c.createTable("event", {
        id: { type: "integer", primaryKey: true, autoincrement: true },
        mood: { type: "enum", enum: { name: "mood", values: ["sad", "ok"] }, nullable: false, default: "ok" },
        at: { type: "timestamp", default: { sql: "CURRENT_TIMESTAMP" } },
      }),
    ],
  },
  {
    name: "dropTable",
    up: [c.dropTable("orders")],
    before: {
      orders: {
        columns: {
          id: { type: "integer", primaryKey: true },
          account_id: { type: "integer" },
          total: { type: "numeric(10, 2)" },
          note: { type: "text" },
        },
      },
    },
  },
  { name: "renameTable", up: [c.renameTable("orders", "purchase")] },
  {
    name: "addColumn with a default and NOT NULL",
    up: [c.addColumn("account", "phone", { type: "varchar(20)", nullable: false, default: "n/a" })],
  },
  {
    name: "addColumn with a foreign key",
    up: [
      c.addColumn("orders", "buyer_id", {
        type: "integer",
        references: { table: "account", name: "fk_orders_buyer" },
      }),
    ],
    // MySQL refuses to drop a column a foreign key needs (as with Alembic): drop the key first.
    mysqlDown: [
      c.dropConstraint("fk_orders_buyer", "orders", { type: "foreignkey" }),
      c.dropColumn("orders", "buyer_id"),
    ],
  },
  { name: "dropColumn", up: [c.dropColumn("account", "age")], before: { account: ACCOUNT_BEFORE } },
  {
    name: "alterColumn type",
    up: [
      c.alterColumn("account", "age", {
        type: "bigint",
        using: "age::bigint",
        existing: { type: "integer" },
      }),
    ],
  },
  {
    name: "alterColumn nullable",
    up: [c.alterColumn("account", "email", { nullable: false, existing: { type: "varchar(200)" } })],
  },
  {
    name: "alterColumn default",
    up: [c.alterColumn("account", "age", { default: 18, existing: { type: "integer" } })],
  },
  {
    name: "alterColumn rename",
    up: [c.alterColumn("account", "email", { newName: "mail", existing: { type: "varchar(200)" } })],
  },
  {
    name: "alterColumn comment",
    up: [
      c.alterColumn("account", "name", {
        comment: "Display name",
        existing: { type: "varchar(50)", nullable: false },
      }),
    ],
  },
  {
    name: "alterColumn autoincrement",
    only: ["postgresql", "mysql"],
    up: [
      c.alterColumn("orders", "id", { autoincrement: true, existing: { type: "integer", nullable: false } }),
    ],
  },
  {
    name: "createIndex unique multi-column",
    up: [c.createIndex("ix_account_name_email", "account", ["name", "email"], { unique: true })],
  },
  {
    name: "createIndex partial",
    only: ["postgresql", "sqlite"],
    up: [c.createIndex("ix_account_adult", "account", ["age"], { where: "age >= 18" })],
  },
  {
    name: "createIndex expression",
    only: ["postgresql", "sqlite"],
    up: [c.createIndex("ix_account_lower_email", "account", [{ sql: "lower(email)" }])],
  },
  {
    name: "createIndex with a prefix length",
    only: ["mysql"],
    up: [c.createIndex("ix_orders_note", "orders", ["note"], { lengths: { note: 10 } })],
  },
  {
    name: "dropIndex",
    catalogUnchanged: true,
    up: [c.createIndex("ix_tmp", "orders", ["total"]), c.dropIndex("ix_tmp", { table: "orders" })],
    down: [],
  },
  {
    name: "createPrimaryKey",
    up: [
      c.createTable("link", {
        a: { type: "integer", nullable: false },
        b: { type: "integer", nullable: false },
      }),
      c.createPrimaryKey("pk_link", "link", ["a", "b"]),
    ],
  },
  {
    name: "createUniqueConstraint",
    up: [c.createUniqueConstraint("uq_account_email", "account", ["email"])],
  },
  {
    name: "createForeignKey",
    up: [
      c.createForeignKey("fk_orders_account", "orders", "account", ["account_id"], ["id"], {
        onDelete: "cascade",
        onUpdate: "no action",
      }),
    ],
    // MySQL keeps the index it made for the key after DROP FOREIGN KEY.
    mysqlDown: [
      c.dropConstraint("fk_orders_account", "orders", { type: "foreignkey" }),
      c.dropIndex("fk_orders_account", { table: "orders" }),
    ],
  },
  { name: "createCheckConstraint", up: [c.createCheckConstraint("ck_account_age", "account", "age >= 0")] },
  {
    name: "dropConstraint",
    catalogUnchanged: true,
    up: [
      c.createCheckConstraint("ck_tmp", "orders", "total > 0"),
      c.dropConstraint("ck_tmp", "orders", { type: "check" }),
    ],
    down: [],
  },
  { name: "createTableComment", up: [c.createTableComment("account", "People's accounts")] },
  {
    name: "dropTableComment",
    catalogUnchanged: true,
    up: [c.createTableComment("orders", "temp"), c.dropTableComment("orders", { existingComment: "temp" })],
    down: [],
  },
  {
    name: "addEnumValue",
    only: ["postgresql"],
    up: [c.createEnum("level", ["low", "high"]), c.addEnumValue("level", "mid", { before: "high" })],
    down: [c.dropEnum("level")],
  },
  { name: "createSchema", only: ["postgresql", "mysql"], up: [c.createSchema("rtx_extra_schema")] },
  {
    name: "dropSchema",
    catalogUnchanged: true,
    only: ["postgresql"],
    up: [c.createSchema("retort_gone"), c.dropSchema("retort_gone", { cascade: true })],
    down: [],
  },
  {
    name: "bulkInsert with typed values",
    up: [
      c.createTable("payload", {
        id: { type: "integer", primaryKey: true },
        at: { type: "timestamp" },
        doc: { type: "json" },
        data: { type: "binary" },
        flag: { type: "boolean" },
        note: { type: "text" },
      }),
      c.bulkInsert("payload", [
        {
          id: 1,
          at: new Date(Date.UTC(2024, 1, 29, 12, 30, 0)),
          doc: '{"a": [1, 2]}',
          data: new Uint8Array([0, 1, 254, 255]),
          flag: true,
          note: "it's \\ done",
        },
        { id: 2, at: null, doc: null, data: null, flag: false, note: null },
        { id: 3 },
      ]),
    ],
    down: [c.dropTable("payload")],
    query: "SELECT id, at, doc, data, flag, note FROM payload ORDER BY id",
    rows: (v) => [
      { id: 1, at: v.timestamp, doc: v.json, data: "0001feff", flag: v.true, note: "it's \\ done" },
      { id: 2, at: null, doc: null, data: null, flag: v.false, note: null },
      { id: 3, at: null, doc: null, data: null, flag: null, note: null },
    ],
  },
  {
    name: "execute",
    catalogUnchanged: true,
    up: [c.execute("INSERT INTO account (id, name) VALUES (?, ?)", [7, "seven"])],
    down: [c.execute("DELETE FROM account WHERE id = 7")],
    query: "SELECT id, name FROM account ORDER BY id",
    rows: () => [{ id: 7, name: "seven" }],
  },
  {
    name: "batchAlterTable",
    up: [
      batchAlterTable("account", (b) => {
        b.alterColumn("name", { type: "varchar(100)", existing: { type: "varchar(50)", nullable: false } });
        b.addColumn("score", { type: "integer", default: 0 });
        b.createIndex("ix_account_score", ["score"]);
        b.createCheckConstraint("ck_account_score", "score >= 0");
      }),
    ],
    down: [
      batchAlterTable("account", (b) => {
        b.dropConstraint("ck_account_score", { type: "check" });
        b.dropIndex("ix_account_score");
        b.dropColumn("score");
        b.alterColumn("name", { type: "varchar(50)", existing: { type: "varchar(100)", nullable: false } });
      }),
    ],
  },
];

/**
 * The statements for `op` as the runner gets them: `plan` when the dialect has it, else `ddl`.
 *
 * @param dialect the dialect
 * @param op the operation
 * @param conn the connection `plan` reads
 * @returns the statements
 */
export async function statementsFor(
  dialect: Dialect,
  op: Operation,
  conn: Connection,
): Promise<SqlStatement[]> {
  return dialect.plan ? await dialect.plan(op, conn) : dialect.ddl(op);
}

/**
 * Run operations online, as the migrator does: in one transaction where DDL is transactional,
 * leaving it for statements marked `transactional: false`; `expectNoRows` queries must return no rows.
 *
 * @param conn the connection
 * @param ops the operations
 * @throws {Error} the first failure
 */
export async function applyOnline(conn: Connection, ops: readonly Operation[]): Promise<void> {
  const tx = conn.dialect.capabilities.transactionalDdl;
  if (tx) await conn.begin();
  try {
    for (const op of ops) {
      for (const st of await statementsFor(conn.dialect, op, conn)) {
        if (st.expectNoRows !== undefined) {
          const rows = await conn.query(st.sql);
          if (rows.length > 0) throw new Error(`${st.expectNoRows}: ${JSON.stringify(rows)}`);
        } else await conn.execute(st.sql, st.params);
      }
    }
    if (tx) await conn.commit();
  } catch (error) {
    if (tx) await conn.rollback().catch(() => {});
    throw error;
  }
}

/**
 * Render operations as offline SQL text (statements ending in `;`, parameters inlined), planning
 * against `scratch` and mirroring each statement into it, as `renderOffline` does.
 *
 * @param dialect the dialect
 * @param ops the operations
 * @param scratch a database mirroring the target (SQLite), or undefined
 * @returns the script text
 */
export async function renderOps(
  dialect: Dialect,
  ops: readonly Operation[],
  scratch?: Connection,
): Promise<string> {
  const out: string[] = [];
  for (const op of ops) {
    const statements = scratch && dialect.plan ? await dialect.plan(op, scratch) : dialect.ddl(op);
    for (const st of statements) {
      let text = st.sql;
      for (const p of st.params ?? []) text = text.replace("?", dialect.quoteLiteral(p));
      if (st.comment) out.push(`-- ${st.comment}`);
      out.push(terminatedStatement(dialect.name, text));
      if (scratch && st.expectNoRows === undefined) await scratch.execute(text);
    }
  }
  return out.join("\n") + "\n";
}

/**
 * Feed a script to a database's command-line client, failing on the first error.
 *
 * @param dialect which client: `psql`, `mysql` or `sqlite3`
 * @param target the database URL (PostgreSQL), database name (MySQL) or file (SQLite)
 * @param sql the script
 * @throws {Error} with the client's output when it fails
 */
export function runClient(dialect: DialectName, target: string, sql: string): void {
  const [cmd, args] = dialect === "postgresql"
    ? ["psql", [target, "-v", "ON_ERROR_STOP=1", "-q", "-X"]]
    : dialect === "mysql"
    ? ["mysql", ["-h", "127.0.0.1", "-u", "root", target]]
    : ["sqlite3", ["-bail", target]];
  const result = spawnSync(cmd, args as string[], { input: sql, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${cmd} failed (${result.status}): ${result.stderr}\n${sql}`);
}

/** What a step did to the catalog: lines added and removed. */
export interface CatalogDiff {
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

/**
 * The difference between two catalog snapshots.
 *
 * @param before lines before
 * @param after lines after
 * @returns sorted added and removed lines
 */
export function diffCatalog(before: readonly string[], after: readonly string[]): CatalogDiff {
  const b = new Set(before);
  const a = new Set(after);
  return { added: after.filter((l) => !b.has(l)).sort(), removed: before.filter((l) => !a.has(l)).sort() };
}

/** Diffs seen for steps without an expectation, when `RETORT_RECORD` is set (to write expectations). */
export const RECORDED: Record<string, unknown> = {};

/** The downgrade of a step. */
export function downOf(step: OperationStep, dialect?: DialectName): Operation[] {
  if (dialect === "mysql" && step.mysqlDown) return [...step.mysqlDown];
  if (step.down) return [...step.down];
  return [...step.up].reverse().map((op) => {
    const table = "table" in op ? (op as { table: string }).table : undefined;
    return reverseOperation(op, table ? step.before?.[table] : undefined);
  });
}

/** The steps that run on `dialect`. */
export function stepsFor(dialect: DialectName): OperationStep[] {
  return STEPS.filter((s) => !s.only || s.only.includes(dialect));
}

/** What {@link runSteps} compares a database's results with. */
export interface StepExpectations {
  /** Reads the catalog as sorted lines. */
  catalog(conn: Connection): Promise<string[]>;
  /** Per step name: the lines the step adds to and removes from the catalog. */
  readonly catalogChanges: Readonly<Record<string, CatalogDiff>>;
  /** How the database reads typed values back (for the steps' `rows`). */
  readonly typedValues: TypedValues;
}

/**
 * Run every step on one database: apply, compare the catalog change with the expected one,
 * compare `query` rows, downgrade, and check the catalog is back as it was.
 *
 * @param t the test context (one `t.step` per step, named `<dialect>: <step>`)
 * @param conn an open connection to a database holding {@link BASE}
 * @param expected what the database must show
 * @param apply how to apply operations (online or through the client)
 */
export async function runSteps(
  t: Deno.TestContext,
  conn: Connection,
  expected: StepExpectations,
  apply: (ops: readonly Operation[]) => Promise<void>,
): Promise<void> {
  const snapshot = expected.catalog;
  for (const step of stepsFor(conn.dialect.name)) {
    await t.step(`${conn.dialect.name}: ${step.name}`, async () => {
      const before = await snapshot(conn);
      await apply(step.up);
      const after = await snapshot(conn);
      const want = step.catalogUnchanged ? { added: [], removed: [] } : expected.catalogChanges[step.name];
      const diff = diffCatalog(before, after);
      const rows = step.query ? normalizeRows(await conn.query(step.query)) : undefined;
      if (want === undefined) {
        if (!process.env.RETORT_RECORD) throw new Error(`No expectation for "${step.name}"`);
        RECORDED[step.name] = diff;
      } else {
        assertEquals(diff, { added: want.added, removed: want.removed });
      }
      if (step.query) assertEquals<unknown>(rows, step.rows?.(expected.typedValues));
      await apply(downOf(step, conn.dialect.name));
      assertEquals(await snapshot(conn), before);
    });
  }
}

/** Rows as plain JSON-able values (numbers, strings, null), so drivers compare equal. */
export function normalizeRows(rows: readonly Record<string, unknown>[]): unknown[] {
  return rows.map((r) =>
    Object.fromEntries(
      Object.entries(r).map(([k, v]) => [
        k,
        v instanceof Date
          ? v.toISOString()
          : typeof v === "bigint"
          ? Number(v)
          : v instanceof Uint8Array
          ? [...v].map((b) => b.toString(16).padStart(2, "0")).join("")
          : v !== null && typeof v === "object"
          ? JSON.stringify(v)
          : v,
      ]),
    )
  );
}

/**
 * SQLite's catalog as lines: tables, `PRAGMA table_xinfo` columns, indexes with their columns,
 * foreign keys, CHECK constraints (parsed from the table definition: SQLite keeps them nowhere
 * else), triggers and views.
 *
 * @param conn a SQLite connection
 * @returns sorted lines
 */
export async function sqliteCatalog(conn: Connection): Promise<string[]> {
  const out: string[] = [];
  const master = await conn.query(
    "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name",
  );
  for (const m of master) {
    if (m.type === "trigger" || m.type === "view") out.push(`${m.type} ${m.name} on ${m.tbl_name}`);
    if (m.type !== "table") continue;
    const t = String(m.name);
    out.push(`table ${t}`);
    for (const r of await conn.query(`PRAGMA table_xinfo("${t}")`)) {
      out.push(
        `column ${t}.${r.name} ${r.type}${r.notnull ? " not null" : ""}${
          r.dflt_value === null ? "" : ` default ${r.dflt_value}`
        }${r.pk ? ` pk ${r.pk}` : ""}${r.hidden ? ` hidden ${r.hidden}` : ""}`,
      );
    }
    for (const r of await conn.query(`PRAGMA index_list("${t}")`)) {
      const cols = (await conn.query(`PRAGMA index_info("${r.name}")`)).map((x) => x.name ?? "<expr>");
      const name = String(r.name).startsWith("sqlite_autoindex") ? "<auto>" : r.name;
      out.push(
        `index ${t}.${name} ${r.unique ? "unique " : ""}${r.origin}${r.partial ? " partial" : ""} (${
          cols.join(", ")
        })`,
      );
    }
    for (const r of await conn.query(`PRAGMA foreign_key_list("${t}")`)) {
      out.push(`fk ${t}.${r.from} -> ${r.table}.${r.to} on delete ${r.on_delete} on update ${r.on_update}`);
    }
    const parsed = parseCreateTable(String(m.sql));
    for (const k of parsed.constraints.filter((k) => k.kind === "check")) out.push(`check ${t} ${k.text}`);
    for (const col of parsed.columns) {
      for (const k of col.clauses.filter((k) => k.kind === "check")) {
        out.push(`check ${t}.${col.name} ${k.text}`);
      }
    }
    const seq = await conn.query("SELECT name FROM sqlite_master WHERE name = 'sqlite_sequence'");
    if (seq.length && /AUTOINCREMENT/i.test(String(m.sql))) out.push(`autoincrement ${t}`);
  }
  return out.sort();
}

/**
 * PostgreSQL's catalog as lines (schemas other than the system ones): tables, columns with type,
 * nullability, default, identity and comment, constraints (`pg_get_constraintdef`), indexes
 * (`pg_indexes`), table comments, enum types and schemas.
 *
 * @param conn a PostgreSQL connection
 * @returns sorted lines
 */
export async function postgresCatalog(conn: Connection): Promise<string[]> {
  const rows = await conn.query(`
    WITH ns AS (SELECT oid, nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema')
    SELECT 'schema ' || nspname AS line FROM ns WHERE nspname <> 'public'
    UNION ALL SELECT 'table ' || n.nspname || '.' || c.relname || COALESCE(' comment ' || obj_description(c.oid, 'pg_class'), '')
      FROM pg_class c JOIN ns n ON n.oid = c.relnamespace WHERE c.relkind = 'r'
    UNION ALL SELECT 'column ' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
        || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
        || COALESCE(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
        || CASE WHEN a.attidentity <> '' THEN ' identity ' || a.attidentity::text ELSE '' END
        || COALESCE(' comment ' || col_description(c.oid, a.attnum), '')
      FROM pg_class c JOIN ns n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
      WHERE c.relkind = 'r'
    UNION ALL SELECT 'constraint ' || c.relname || '.' || k.conname || ' ' || pg_get_constraintdef(k.oid)
      FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN ns n ON n.oid = c.relnamespace
    UNION ALL SELECT 'index ' || i.indexdef FROM pg_indexes i JOIN ns n ON n.nspname = i.schemaname
    UNION ALL SELECT 'enum ' || t.typname || ' ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
      FROM pg_type t JOIN ns n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`);
  return rows.map((r) => String(r.line)).sort();
}

/**
 * MySQL / MariaDB's catalog of the current database as lines: tables with comment, columns
 * (`COLUMN_TYPE`, nullability, default, extra, comment), indexes with columns and prefix lengths,
 * constraints, foreign keys with actions, CHECK clauses, and other schemas.
 *
 * @param conn a MySQL connection
 * @returns sorted lines
 */
export async function mysqlCatalog(conn: Connection): Promise<string[]> {
  const rows = await conn.query(`
    SELECT CONCAT('table ', TABLE_NAME, IF(TABLE_COMMENT <> '', CONCAT(' comment ', TABLE_COMMENT), '')) AS line
      FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()
    UNION ALL SELECT CONCAT('column ', TABLE_NAME, '.', COLUMN_NAME, ' ', COLUMN_TYPE, IF(IS_NULLABLE = 'NO', ' not null', ''),
        IF(COLUMN_DEFAULT IS NULL, '', CONCAT(' default ', COLUMN_DEFAULT)), IF(EXTRA <> '', CONCAT(' ', EXTRA), ''),
        IF(COLUMN_COMMENT <> '', CONCAT(' comment ', COLUMN_COMMENT), ''))
      FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()
    UNION ALL SELECT CONCAT('index ', TABLE_NAME, '.', INDEX_NAME, IF(NON_UNIQUE = 0, ' unique', ''), ' (',
        GROUP_CONCAT(CONCAT(COLUMN_NAME, IF(SUB_PART IS NULL, '', CONCAT('(', SUB_PART, ')'))) ORDER BY SEQ_IN_INDEX), ')')
      FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() GROUP BY TABLE_NAME, INDEX_NAME, NON_UNIQUE
    UNION ALL SELECT CONCAT('constraint ', TABLE_NAME, '.', CONSTRAINT_NAME, ' ', CONSTRAINT_TYPE)
      FROM information_schema.TABLE_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE()
    UNION ALL SELECT CONCAT('fk ', r.TABLE_NAME, '.', r.CONSTRAINT_NAME, ' -> ', r.REFERENCED_TABLE_NAME,
        ' on delete ', r.DELETE_RULE, ' on update ', r.UPDATE_RULE)
      FROM information_schema.REFERENTIAL_CONSTRAINTS r WHERE r.CONSTRAINT_SCHEMA = DATABASE()
    UNION ALL SELECT CONCAT('check ', TABLE_NAME, '.', CONSTRAINT_NAME, ' ', CHECK_CLAUSE)
      FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE()
    UNION ALL SELECT CONCAT('schema ', SCHEMA_NAME) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE 'rtx\\_%'`);
  return rows.map((r) => String(r.line)).sort();
}
