/**
 * Retort beside real Alembic 1.8.1 (Debian's `python3-alembic`, with `python3-psycopg2` and
 * `python3-pymysql`; a benchmark, never needed by `npm test`), through `alembic_compare.py`.
 *
 * Part 1, the corpus: for each entry of `report.ts`, after Retort's round trip (source -> `schema dump`
 * -> autogenerate -> upgrade into the copy):
 * - false differences: each tool compares the source with itself (Alembic: `compare_metadata` of the
 *   source against its own reflected MetaData; Retort: `check` of the source against the schema file
 *   dumped from it); anything reported is a false difference;
 * - real differences: the catalogs of source and copy (`fingerprint.ts`) say what the copy lacks;
 *   Alembic's `compare_metadata` of the copy against the source's MetaData and Retort's `check` of the
 *   copy say whether each tool notices. A tool that reports nothing while the catalogs differ misses them.
 *
 * Part 2, operation by operation: each operation of {@link OPERATIONS} on a small base schema, written
 * once for Alembic (`op.*` Python) and once for Retort (`op.*` TypeScript), turned into SQL offline by each
 * tool (`alembic upgrade head --sql`, `migrate upgrade head --sql`), applied to two fresh databases, and
 * the catalogs compared; prints every operation where they differ or where one tool fails.
 *
 * With `--online`, part 2 runs both tools online (`upgrade head` on the databases) instead; on SQLite,
 * Alembic's `op` refuses most ALTERs, so those operations run there through `batch_alter_table` (which
 * needs a connection to reflect the table) against Retort's plain `op`, which rebuilds the table itself.
 *
 * Usage: `deno run -A scripts/corpus/alembic_compare.ts [--corpus] [--ops [--online]] [--verbose] [NAME...]`
 * (after `npm run build`; both parts when neither `--corpus` nor `--ops` is given; NAME filters corpus
 * entries and operations).
 *
 * @module
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";
import { withMysqlDatabase, withPostgresDatabase } from "../../tests/_db.ts";
import { feedMysql, feedPsql, ROOT, tool, withProject } from "../../tests/cli/_project.ts";
import {
  diffFingerprints,
  type Fingerprint,
  fingerprintMysql,
  fingerprintPostgres,
  fingerprintSqlite,
} from "./fingerprint.ts";
import { CORPUS, type CorpusEntry, entryLabel, roundTrip } from "./report.ts";

type Dialect = CorpusEntry["dialect"];

const PYTHON = process.env.RETORT_BENCH_PYTHON || "/usr/bin/python3";
const HELPER = join(ROOT, "scripts", "corpus", "alembic_compare.py");
const verbose = process.argv.includes("--verbose");
const names = process.argv.slice(2).filter((a) => !a.startsWith("--"));

function python(args: string[]): unknown {
  const r = spawnSync(PYTHON, [HELPER, ...args], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`alembic_compare.py ${args[0]} exited ${r.status}: ${r.stderr.trim()}`);
  return JSON.parse(r.stdout);
}

const alembicCompare = (source: string, target: string) => python(["compare", source, target]) as string[];

/** Group one-line descriptions by their first word, with counts. */
function kinds(lines: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const l of lines) counts.set(l.split(" ")[0], (counts.get(l.split(" ")[0]) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${n} ${k}`).join(", ") || "nothing";
}

async function corpusPart(): Promise<void> {
  console.log("== Corpus: false differences (self-comparison) and real ones (after Retort's round trip)");
  const findings: string[] = [];
  for (const entry of CORPUS) {
    if (names.length > 0 && !names.includes(entry.name)) continue;
    let line = "";
    const details: string[] = [];
    const r = await roundTrip(entry, async ({ dir, run, url, source }) => {
      const alembicSelf = alembicCompare(source, source);
      const retortSelf = await run(["--url", source, "check"]);
      const alembicAfter = alembicCompare(source, url);
      line =
        `self: alembic ${alembicSelf.length} (${kinds(alembicSelf)}), retort check exit ${retortSelf.code}` +
        ` | after round trip: alembic ${alembicAfter.length} (${kinds(alembicAfter)})`;
      if (alembicSelf.length > 0) {
        findings.push(`${entryLabel(entry)}: Alembic false differences: ${kinds(alembicSelf)}`);
      }
      if (retortSelf.code !== 0) {
        findings.push(
          `${entryLabel(entry)}: Retort check of the source against its own dump exits ${retortSelf.code}`,
        );
      }
      details.push(
        ...alembicSelf.map((d) => `alembic self   ${d}`),
        ...alembicAfter.map((d) => `alembic after  ${d}`),
      );
      if (retortSelf.code !== 0) {
        details.push(...retortSelf.stdout.split("\n").slice(0, 20).map((l) => `retort self    ${l}`));
      }
      void dir;
      return "ok";
    });
    const label = entryLabel(entry).padEnd(34);
    if (r.skipped) {
      console.log(`${label} not run: ${r.skipped}`);
      continue;
    }
    const real = r.lost.length + r.changed.length;
    if (r.failed) {
      console.log(
        `${label} catalog: lost ${r.lost.length}, changed ${r.changed.length} | Retort round trip failed: ${r.failed}`,
      );
      continue;
    }
    console.log(
      `${label} catalog: lost ${r.lost.length}, changed ${r.changed.length} | retort check after: exit ${r.checkExit} | ${line}`,
    );
    if (real > 0 && r.checkExit === 0) {
      findings.push(`${entryLabel(entry)}: Retort check misses ${real} real differences (exit 0)`);
    }
    if (verbose) { for (const d of details) console.log(`    ${d}`); }
  }
  console.log("-- findings");
  for (const f of findings) console.log(`  ${f}`);
}

/** One operation written for both tools; `dialects` limits where it runs. */
interface OperationCase {
  readonly name: string;
  readonly alembic: string;
  readonly retort: string;
  readonly dialects?: readonly Dialect[];
  /**
   * Alembic's spelling on SQLite, where its `op` refuses and `batch_alter_table` (a table rebuild, online
   * only: offline it cannot reflect the table) does the job; Retort's `op` rebuilds by itself.
   */
  readonly sqliteBatch?: string;
}

const batch = (body: string) => `with op.batch_alter_table("t") as b:\n    b.${body}`;

/** The base schema every operation starts from (the same statements for both tools). */
const BASE = [
  "CREATE TABLE parent (id integer PRIMARY KEY)",
  "CREATE TABLE t (id integer PRIMARY KEY, name varchar(50), qty integer, parent_id integer, note varchar(20) NOT NULL DEFAULT 'x')",
  "CREATE INDEX ix_t_qty ON t (qty)",
  "CREATE TABLE w (id integer PRIMARY KEY, code varchar(10), CONSTRAINT uq_w_code UNIQUE (code))",
];

/** Retort's portable type names beside the SQLAlchemy type docs/types.md pairs them with. */
const TYPE_PAIRS: readonly [string, string][] = [
  ["bigint", "sa.BigInteger()"],
  ["smallint", "sa.SmallInteger()"],
  ["boolean", "sa.Boolean()"],
  ["text", "sa.Text()"],
  ["char(3)", "sa.CHAR(3)"],
  ["numeric(10,2)", "sa.Numeric(10, 2)"],
  ["real", "sa.REAL()"],
  ["double", "sa.Float(precision=53)"],
  ["date", "sa.Date()"],
  ["time", "sa.Time()"],
  ["timestamp", "sa.DateTime()"],
  ["timestamptz", "sa.DateTime(timezone=True)"],
  ["json", "sa.JSON()"],
  ["binary", "sa.LargeBinary()"],
];

/** Operations compared; the list of the issue plus the common ones around them. */
export const OPERATIONS: readonly OperationCase[] = [
  {
    name: "add column",
    alembic: `op.add_column("t", sa.Column("extra", sa.String(100), nullable=True))`,
    retort: `op.addColumn("t", "extra", { type: "varchar(100)" });`,
  },
  {
    name: "add column NOT NULL with server default",
    alembic: `op.add_column("t", sa.Column("status", sa.String(20), nullable=False, server_default="new"))`,
    retort: `op.addColumn("t", "status", { type: "varchar(20)", nullable: false, default: "new" });`,
  },
  {
    name: "add integer column with numeric default",
    alembic:
      `op.add_column("t", sa.Column("score", sa.Integer(), nullable=False, server_default=sa.text("0")))`,
    retort: `op.addColumn("t", "score", { type: "integer", nullable: false, default: 0 });`,
  },
  {
    name: "alter column type",
    sqliteBatch: batch(`alter_column("name", type_=sa.String(200), existing_type=sa.String(50))`),
    alembic: `op.alter_column("t", "name", type_=sa.String(200), existing_type=sa.String(50))`,
    retort: `op.alterColumn("t", "name", { type: "varchar(200)", existing: { type: "varchar(50)" } });`,
    dialects: ["postgresql", "mysql"],
  },
  {
    name: "alter column type, NOT NULL default column (existing given)",
    sqliteBatch: batch(
      `alter_column("note", type_=sa.String(40), existing_type=sa.String(20), existing_nullable=False, existing_server_default="x")`,
    ),
    alembic:
      `op.alter_column("t", "note", type_=sa.String(40), existing_type=sa.String(20), existing_nullable=False, existing_server_default="x")`,
    retort:
      `op.alterColumn("t", "note", { type: "varchar(40)", existing: { type: "varchar(20)", nullable: false, default: "x" } });`,
    dialects: ["postgresql", "mysql"],
  },
  {
    name: "alter column nullable",
    sqliteBatch: batch(`alter_column("qty", nullable=False, existing_type=sa.Integer())`),
    alembic: `op.alter_column("t", "qty", nullable=False, existing_type=sa.Integer())`,
    retort: `op.alterColumn("t", "qty", { nullable: false, existing: { type: "integer" } });`,
    dialects: ["postgresql", "mysql"],
  },
  {
    name: "alter column server default",
    sqliteBatch: batch(`alter_column("qty", server_default=sa.text("5"), existing_type=sa.Integer())`),
    alembic: `op.alter_column("t", "qty", server_default=sa.text("5"), existing_type=sa.Integer())`,
    retort: `op.alterColumn("t", "qty", { default: 5, existing: { type: "integer" } });`,
    dialects: ["postgresql", "mysql"],
  },
  {
    name: "rename column",
    alembic: `op.alter_column("t", "name", new_column_name="title", existing_type=sa.String(50))`,
    retort: `op.alterColumn("t", "name", { newName: "title", existing: { type: "varchar(50)" } });`,
  },
  {
    name: "column comment",
    alembic: `op.alter_column("t", "qty", comment="quantity", existing_type=sa.Integer())`,
    retort: `op.alterColumn("t", "qty", { comment: "quantity", existing: { type: "integer" } });`,
    dialects: ["postgresql", "mysql"],
  },
  {
    name: "drop column",
    alembic: `op.drop_column("t", "note")`,
    retort: `op.dropColumn("t", "note");`,
  },
  {
    name: "create index",
    alembic: `op.create_index("ix_t_name", "t", ["name"])`,
    retort: `op.createIndex("ix_t_name", "t", ["name"]);`,
  },
  {
    name: "create unique index on two columns",
    alembic: `op.create_index("ux_t_name_qty", "t", ["name", "qty"], unique=True)`,
    retort: `op.createIndex("ux_t_name_qty", "t", ["name", "qty"], { unique: true });`,
  },
  {
    name: "create index DESC",
    alembic: `op.create_index("ix_t_name_desc", "t", [sa.text("name DESC")])`,
    retort: `op.createIndex("ix_t_name_desc", "t", [{ sql: "name DESC" }]);`,
  },
  {
    name: "create index on an expression",
    alembic: `op.create_index("ix_t_lower_name", "t", [sa.text("lower(name)")])`,
    retort: `op.createIndex("ix_t_lower_name", "t", [{ sql: "lower(name)" }]);`,
    dialects: ["postgresql", "sqlite"],
  },
  {
    name: "create partial index",
    alembic:
      `op.create_index("ix_t_qty_pos", "t", ["qty"], postgresql_where=sa.text("qty > 0"), sqlite_where=sa.text("qty > 0"))`,
    retort: `op.createIndex("ix_t_qty_pos", "t", ["qty"], { where: "qty > 0" });`,
    dialects: ["postgresql", "sqlite"],
  },
  {
    name: "create index USING gin (pg_trgm-free: on a tsvector expression)",
    alembic:
      `op.create_index("ix_t_fts", "t", [sa.text("to_tsvector('english', coalesce(name, ''))")], postgresql_using="gin")`,
    retort:
      `op.createIndex("ix_t_fts", "t", [{ sql: "to_tsvector('english', coalesce(name, ''))" }], { using: "gin" } as any);`,
    dialects: ["postgresql"],
  },
  {
    name: "drop index",
    alembic: `op.drop_index("ix_t_qty", table_name="t")`,
    retort: `op.dropIndex("ix_t_qty", { table: "t" });`,
  },
  {
    name: "unique constraint",
    sqliteBatch: batch(`create_unique_constraint("uq_t_name", ["name"])`),
    alembic: `op.create_unique_constraint("uq_t_name", "t", ["name"])`,
    retort: `op.createUniqueConstraint("uq_t_name", "t", ["name"]);`,
    dialects: ["postgresql", "mysql"],
  },
  {
    name: "foreign key ON DELETE CASCADE",
    sqliteBatch: batch(
      `create_foreign_key("fk_t_parent", "parent", ["parent_id"], ["id"], ondelete="CASCADE")`,
    ),
    alembic: `op.create_foreign_key("fk_t_parent", "t", "parent", ["parent_id"], ["id"], ondelete="CASCADE")`,
    retort:
      `op.createForeignKey("fk_t_parent", "t", "parent", ["parent_id"], ["id"], { onDelete: "cascade" });`,
    dialects: ["postgresql", "mysql"],
  },
  {
    name: "foreign key ON DELETE SET NULL ON UPDATE CASCADE",
    sqliteBatch: batch(
      `create_foreign_key("fk_t_parent2", "parent", ["parent_id"], ["id"], ondelete="SET NULL", onupdate="CASCADE")`,
    ),
    alembic:
      `op.create_foreign_key("fk_t_parent2", "t", "parent", ["parent_id"], ["id"], ondelete="SET NULL", onupdate="CASCADE")`,
    retort:
      `op.createForeignKey("fk_t_parent2", "t", "parent", ["parent_id"], ["id"], { onDelete: "set null", onUpdate: "cascade" });`,
    dialects: ["postgresql", "mysql"],
  },
  {
    name: "check constraint",
    sqliteBatch: batch(`create_check_constraint("ck_t_qty", "qty > 0")`),
    alembic: `op.create_check_constraint("ck_t_qty", "t", "qty > 0")`,
    retort: `op.createCheckConstraint("ck_t_qty", "t", "qty > 0");`,
    dialects: ["postgresql", "mysql"],
  },
  {
    name: "table comment",
    alembic: `op.create_table_comment("t", "things")`,
    retort: `op.createTableComment("t", "things");`,
    dialects: ["postgresql", "mysql"],
  },
  {
    name: "rename table",
    alembic: `op.rename_table("t", "t_renamed")`,
    retort: `op.renameTable("t", "t_renamed");`,
  },
  {
    name: "create table (integer primary key, as Alembic's models write it)",
    alembic:
      `op.create_table("u", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("name", sa.String(30), nullable=False))`,
    retort:
      `op.createTable("u", { id: { type: "integer", primaryKey: true, autoincrement: true }, name: { type: "varchar(30)", nullable: false } });`,
  },
  {
    name: "create table with a foreign key and a unique column",
    alembic:
      `op.create_table("v", sa.Column("id", sa.Integer(), primary_key=True, autoincrement=False), sa.Column("code", sa.String(10), unique=True), sa.Column("parent_id", sa.Integer(), sa.ForeignKey("parent.id", ondelete="CASCADE")))`,
    retort:
      `op.createTable("v", { id: { type: "integer", primaryKey: true }, code: { type: "varchar(10)", unique: true }, parent_id: { type: "integer", references: { table: "parent", column: "id", onDelete: "cascade" } } });`,
  },
  {
    name: "drop table",
    alembic: `op.drop_table("t")`,
    retort: `op.dropTable("t");`,
  },
  {
    name: "drop unique constraint",
    alembic: `op.drop_constraint("uq_w_code", "w", type_="unique")`,
    retort: `op.dropConstraint("uq_w_code", "w", { type: "unique" });`,
    dialects: ["postgresql", "mysql"],
  },
  {
    name: "add column with a comment",
    alembic: `op.add_column("t", sa.Column("c2", sa.Integer(), comment="hello"))`,
    retort: `op.addColumn("t", "c2", { type: "integer", comment: "hello" });`,
    dialects: ["postgresql", "mysql"],
  },
  {
    name: "create index with a prefix length",
    alembic: `op.create_index("ix_t_name_len", "t", ["name"], mysql_length={"name": 10})`,
    retort: `op.createIndex("ix_t_name_len", "t", ["name"], { lengths: { name: 10 } });`,
    dialects: ["mysql"],
  },
  ...TYPE_PAIRS.map(([ours, theirs]): OperationCase => ({
    name: `add column of type ${ours} (${theirs})`,
    alembic: `op.add_column("t", sa.Column("typed", ${theirs}))`,
    retort: `op.addColumn("t", "typed", { type: ${JSON.stringify(ours)} });`,
  })),
];

async function withFreshDatabase<T>(
  dialect: Dialect,
  tag: string,
  fn: (url: string) => Promise<T>,
): Promise<T> {
  if (dialect === "postgresql") return await withPostgresDatabase(fn, `cx_${tag}`);
  if (dialect === "mysql") return await withMysqlDatabase(fn, `cx_${tag}`);
  const dir = mkdtempSync(join(tmpdir(), "retort-alembic-ops-"));
  try {
    return await fn(`sqlite:///${join(dir, `${tag}.db`)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function apply(dialect: Dialect, url: string, sql: string): void {
  if (dialect === "postgresql") feedPsql(url, sql);
  else if (dialect === "mysql") feedMysql(url, sql);
  else tool("sqlite3", ["-bail", url.slice(10)], sql);
}

async function fingerprintOf(dialect: Dialect, url: string): Promise<Fingerprint> {
  if (dialect === "postgresql") return fingerprintPostgres(url);
  if (dialect === "mysql") return await fingerprintMysql(url);
  return fingerprintSqlite(url.slice(10));
}

const firstLine = (e: unknown) =>
  String((e as Error).message ?? e).trim().split("\n").slice(0, 2).join(" | ");

/** Run one operation with both tools on one database; returns a one-line verdict. */
async function compareOperation(
  c: OperationCase,
  dialect: Dialect,
  online: boolean,
): Promise<{ ok: boolean; text: string[] }> {
  const work = mkdtempSync(join(tmpdir(), "retort-alembic-op-"));
  try {
    writeFileSync(join(work, "base.sql"), BASE.map((s) => `${s};\n`).join(""));
    writeFileSync(join(work, "op.py"), (dialect === "sqlite" ? c.sqliteBatch : undefined) ?? c.alembic);
    return await withFreshDatabase(
      dialect,
      "alembic",
      (alembicUrl) =>
        withFreshDatabase(dialect, "retort", async (retortUrl) => {
          const out: string[] = [];
          const mode = online ? "online" : "offline";
          const a = python([mode, alembicUrl, join(work, "base.sql"), join(work, "op.py")]) as {
            sql?: string;
            error?: string;
          };
          let alembicOk = false;
          if (a.error) out.push(`alembic refuses: ${a.error}`);
          else if (online) alembicOk = true;
          else {
            try {
              apply(dialect, alembicUrl, a.sql!);
              alembicOk = true;
            } catch (e) {
              out.push(`alembic's SQL fails: ${firstLine(e)}`);
            }
          }
          const retort = await withProject(retortUrl, [
            { id: "a1", down: null, up: BASE.map((s) => `${s};`).join("\n") },
            { id: "a2", down: "a1", tsUp: c.retort },
          ], async (p) => await p.run(online ? ["upgrade", "head"] : ["upgrade", "head", "--sql"]));
          let retortOk = false;
          if (retort.code !== 0) {
            out.push(
              `retort fails: ${(retort.stderr || retort.stdout).trim().split("\n").slice(0, 2).join(" | ")}`,
            );
          } else if (online) retortOk = true;
          else {
            try {
              apply(dialect, retortUrl, retort.stdout);
              retortOk = true;
            } catch (e) {
              out.push(`retort's SQL fails: ${firstLine(e)}`);
            }
          }
          if (verbose && !online) {
            if (a.sql) {
              out.push(
                `alembic SQL: ${a.sql.split("-- Running upgrade a1 -> a2")[1]?.trim().replace(/\s+/g, " ")}`,
              );
            }
            out.push(
              `retort SQL: ${
                retort.stdout.split(/a2/).slice(1).join("a2").trim().replace(/\s+/g, " ").slice(0, 600)
              }`,
            );
          }
          if (alembicOk && retortOk) {
            const diff = diffFingerprints(
              await fingerprintOf(dialect, alembicUrl),
              await fingerprintOf(dialect, retortUrl),
            );
            for (const k of diff.lost) out.push(`only alembic's has ${k}`);
            for (const k of diff.added) out.push(`only retort's has ${k}`);
            for (const ch of diff.changed) {
              out.push(`differs ${ch.key}\n        alembic: ${ch.source}\n        retort:  ${ch.copy}`);
            }
            return { ok: diff.lost.length + diff.added.length + diff.changed.length === 0, text: out };
          }
          return { ok: false, text: out };
        }),
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function operationsPart(online: boolean): Promise<void> {
  console.log(
    online
      ? "== Operations, online (upgrade head) with each tool on fresh databases, catalogs compared"
      : "== Operations, offline (--sql) with each tool, applied to fresh databases, catalogs compared",
  );
  let same = 0;
  let total = 0;
  for (const dialect of ["postgresql", "mysql", "sqlite"] as const) {
    for (const c of OPERATIONS) {
      const batchOnly = online && dialect === "sqlite" && c.sqliteBatch !== undefined;
      if (c.dialects && !c.dialects.includes(dialect) && !batchOnly) continue;
      if (names.length > 0 && !names.some((n) => c.name.includes(n))) continue;
      total++;
      let r: { ok: boolean; text: string[] };
      try {
        r = await compareOperation(c, dialect, online);
      } catch (e) {
        r = { ok: false, text: [`harness error: ${firstLine(e)}`] };
      }
      if (r.ok) same++;
      console.log(`${dialect.padEnd(10)} ${c.name.padEnd(62)} ${r.ok ? "same catalog" : "DIFFERENT"}`);
      if (!r.ok || verbose) { for (const l of r.text) console.log(`    ${l}`); }
    }
  }
  console.log(`${same} of ${total} operations give the same catalog with both tools`);
}

if (import.meta.main) {
  const probe = spawnSync(PYTHON, ["-c", "import alembic, psycopg2, pymysql; print(alembic.__version__)"], {
    encoding: "utf8",
  });
  if (probe.status !== 0) {
    console.error(
      "Cannot run: Alembic is not installed for /usr/bin/python3 " +
        "(apt-get install -y python3-alembic python3-psycopg2 python3-pymysql)",
    );
    process.exit(2);
  }
  console.log(`Alembic ${probe.stdout.trim()}`);
  const both = !process.argv.includes("--corpus") && !process.argv.includes("--ops");
  if (both || process.argv.includes("--corpus")) await corpusPart();
  if (both || process.argv.includes("--ops")) await operationsPart(process.argv.includes("--online"));
}
