/**
 * Hostile identifiers and literals through `dist/migrate` on PostgreSQL, MySQL/MariaDB and SQLite:
 * table, column and index names with quotes, spaces, reserved words and mixed case go through
 * createTable, addColumn, createIndex, bulkInsert, renameTable, dropColumn, dropIndex and dropTable,
 * upgrade and downgrade; strings with quotes, backslashes, placeholders and unicode inserted by
 * bulkInsert read back unchanged.
 *
 * @module
 */
import { REVISION_LOG } from "./_catalog.ts";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { assertEquals } from "../_assert.ts";
import { withMysqlDatabase, withPostgresDatabase } from "../_db.ts";
import { myClient, pgClient } from "./_catalog.ts";
import { describeRun, type Project, type RevisionSpec, withProject } from "./_project.ts";

const T1 = "select";
const T2 = `My "Table" O'Neil`;
const IX = `Ix "Odd" Name`;
const GROUP = "Group";
const USER_NAME = "user name";
const QUOTED = `a"b`;
const APOSTROPHE = "it's";

const TEXTS = [
  `it's "quoted"`,
  "back\\slash \\' \\\\ end\\",
  "ünïcødé ✓ 日本語 🚀",
  "'; DROP TABLE x; --",
  "line\nbreak\ttab",
  "? $1 :name %s",
];

const ROWS = TEXTS.map((text, i) => ({
  id: i + 1,
  [GROUP]: `g${i}`,
  [USER_NAME]: text,
  [QUOTED]: i % 2 ? null : text,
}));

const j = JSON.stringify;

const REVISIONS: RevisionSpec[] = [
  {
    id: "1d000000000a",
    down: null,
    tsUp: [
      `  op.createTable(${j(T1)}, {`,
      `    id: { type: "integer", primaryKey: true },`,
      `    ${j(GROUP)}: { type: "varchar(50)", nullable: false },`,
      `    ${j(USER_NAME)}: { type: "varchar(100)" },`,
      `    ${j(QUOTED)}: { type: "varchar(100)" },`,
      `  });`,
      `  op.createIndex(${j(IX)}, ${j(T1)}, [${j(USER_NAME)}, ${j(GROUP)}]);`,
      `  op.addColumn(${j(T1)}, ${j(APOSTROPHE)}, { type: "integer" });`,
      `  op.bulkInsert(${j(T1)}, ${j(ROWS)});`,
      `  op.renameTable(${j(T1)}, ${j(T2)});`,
    ].join("\n"),
    tsDown: `  op.dropTable(${j(T2)});`,
  },
  {
    id: "1d000000000b",
    down: "1d000000000a",
    tsUp: [
      `  op.dropIndex(${j(IX)}, { table: ${j(T2)} });`,
      `  op.dropColumn(${j(T2)}, ${j(APOSTROPHE)});`,
    ].join("\n"),
    tsDown: [
      `  op.addColumn(${j(T2)}, ${j(APOSTROPHE)}, { type: "integer" });`,
      `  op.createIndex(${j(IX)}, ${j(T2)}, [${j(USER_NAME)}, ${j(GROUP)}]);`,
    ].join("\n"),
  },
];

/** What the test reads back from a database. */
interface Seen {
  tables: string[];
  columns: string[];
  indexes: string[];
  rows: Record<string, unknown>[];
}

/** Upgrade, check, downgrade one step, check, downgrade to base, check, upgrade again. */
async function roundTrip(project: Project, read: () => Promise<Seen>): Promise<void> {
  const run = async (args: string[]) => {
    const r = await project.run(args);
    assertEquals(r.code, 0, describeRun(r));
  };
  await run(["upgrade", "head"]);
  let seen = await read();
  assertEquals(seen.tables, [T2, "alembic_version"].sort());
  assertEquals(seen.columns, [GROUP, QUOTED, "id", USER_NAME].sort());
  assertEquals(seen.indexes, []);
  assertEquals(seen.rows, ROWS);
  await run(["downgrade", "-1"]);
  seen = await read();
  assertEquals(seen.columns, [GROUP, QUOTED, "id", APOSTROPHE, USER_NAME].sort());
  assertEquals(seen.indexes, [IX]);
  assertEquals(seen.rows, ROWS.map((r) => ({ ...r, [APOSTROPHE]: null })));
  await run(["downgrade", "base"]);
  assertEquals((await read()).tables, ["alembic_version"]);
  await run(["upgrade", "head"]);
  assertEquals((await read()).rows, ROWS);
}

function byId(rows: Record<string, unknown>[]): Record<string, unknown>[] {
  return rows.map((r) => ({ ...r })).sort((a, b) => Number(a.id) - Number(b.id));
}

Deno.test("dist/migrate handles hostile identifiers and literals on PostgreSQL", async () => {
  await withPostgresDatabase(async (url) => {
    await withProject(url, REVISIONS, (project) =>
      roundTrip(project, async () => {
        const sql = pgClient(url);
        try {
          const tables =
            (await sql`select table_name from information_schema.tables where table_schema = 'public'`)
              .map((r) => r.table_name as string).filter((n) => n !== REVISION_LOG).sort();
          const columns =
            (await sql`select column_name from information_schema.columns where table_name = ${T2}`)
              .map((r) => r.column_name as string).sort();
          const indexes =
            (await sql`select indexname from pg_indexes where tablename = ${T2} and indexname <> ${'My "Table" O\'Neil_pkey'} and indexname not like '%pkey'`)
              .map((r) => r.indexname as string);
          const rows = tables.includes(T2) ? byId([...await sql`select * from ${sql(T2)}`]) : [];
          return { tables, columns, indexes, rows };
        } finally {
          await sql.end({ timeout: 5 });
        }
      }));
  }, "cliident");
});

Deno.test("dist/migrate handles hostile identifiers and literals on MySQL", async () => {
  await withMysqlDatabase(async (url) => {
    const db = url.split("/").pop()!;
    await withProject(url, REVISIONS, (project) =>
      roundTrip(project, async () => {
        const conn = await myClient(url);
        try {
          const q = async (text: string, params: unknown[] = []) =>
            ((await conn.query(text, params)) as unknown as [Record<string, unknown>[]])[0];
          const tables =
            (await q(`SELECT table_name AS n FROM information_schema.tables WHERE table_schema = ?`, [db]))
              .map((r) => r.n as string).filter((n) => n !== REVISION_LOG).sort();
          const columns = (await q(
            `SELECT column_name AS n FROM information_schema.columns WHERE table_schema = ? AND table_name = ?`,
            [db, T2],
          )).map((r) => r.n as string).sort();
          const indexes = (await q(
            `SELECT DISTINCT index_name AS n FROM information_schema.statistics
             WHERE table_schema = ? AND table_name = ? AND index_name <> 'PRIMARY'`,
            [db, T2],
          )).map((r) => r.n as string);
          const rows = tables.includes(T2)
            ? byId(await q(`SELECT * FROM \`${T2.replaceAll("`", "``")}\``))
            : [];
          return { tables, columns, indexes, rows };
        } finally {
          await conn.end();
        }
      }));
  }, "cliident");
});

Deno.test("dist/migrate handles hostile identifiers and literals on SQLite", async () => {
  const dir = Deno.makeTempDirSync();
  try {
    const file = join(dir, "ident.db");
    await withProject(`sqlite:///${file}`, REVISIONS, (project) =>
      roundTrip(project, () => {
        const db = new DatabaseSync(file);
        try {
          const tables =
            (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[])
              .map((r) => r.name).filter((n) => n !== REVISION_LOG).sort();
          const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(T2) as { name: string }[])
            .map((r) => r.name).sort();
          const indexes = (db.prepare(
            `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`,
          ).all(T2) as { name: string }[]).map((r) => r.name);
          const rows = tables.includes(T2)
            ? byId(
              db.prepare(`SELECT * FROM "${T2.replaceAll('"', '""')}"`).all() as Record<string, unknown>[],
            )
            : [];
          return Promise.resolve({ tables, columns, indexes, rows });
        } finally {
          db.close();
        }
      }));
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});
