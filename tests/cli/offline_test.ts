/**
 * Offline mode (`--sql`) through `dist/migrate`: for PostgreSQL, MySQL/MariaDB and SQLite, the
 * script printed by `upgrade head --sql`, `downgrade head:base --sql`, `start:end` ranges and
 * `stamp --sql`, fed to `psql`, `mysql` and `sqlite3`, gives the same catalog and version rows as
 * the same commands run online. Non-transactional revisions stay outside BEGIN/COMMIT (and
 * `CREATE INDEX CONCURRENTLY` works online on PostgreSQL); a TypeScript revision that queries with
 * `sql` fails offline with a clear message.
 *
 * @module
 */
import { join } from "node:path";
import { assert, assertEquals, assertStringIncludes } from "../_assert.ts";
import { mysqlAdmin, postgresAdmin, withMysqlDatabase, withPostgresDatabase } from "../_db.ts";
import { type CatalogDump, dumpMysql, dumpPostgres, dumpSqlite } from "./_catalog.ts";
import {
  describeRun,
  feedMysql,
  feedPsql,
  type Project,
  type RevisionSpec,
  tool,
  withProject,
} from "./_project.ts";

type Db = "postgresql" | "mysql" | "sqlite";

function revisions(db: Db): RevisionSpec[] {
  return [
    {
      id: "0ff100000001",
      down: null,
      up:
        "CREATE TABLE t_one (id INTEGER PRIMARY KEY, name VARCHAR(40));\nCREATE INDEX ix_one ON t_one (name);",
      downSql: "DROP TABLE t_one;",
    },
    {
      id: "0ff100000002",
      down: "0ff100000001",
      tsUp: [
        `  op.createTable("t_two", { id: { type: "integer", primaryKey: true }, label: { type: "varchar(20)", default: "x" } });`,
        `  op.addColumn("t_one", "extra", { type: "integer", nullable: true });`,
        `  op.createIndex("ix_two", "t_two", ["label"], { unique: true });`,
        `  op.bulkInsert("t_two", [{ id: 1, label: "it's" }, { id: 2, label: "back\\\\slash" }]);`,
      ].join("\n"),
      tsDown: `  op.dropTable("t_two");\n  op.dropColumn("t_one", "extra");`,
    },
    {
      id: "0ff100000003",
      down: "0ff100000002",
      noTransaction: true,
      up: db === "postgresql"
        ? "CREATE INDEX CONCURRENTLY ix_conc ON t_one (extra);\nCREATE INDEX CONCURRENTLY ix_conc2 ON t_two (id, label);"
        : "CREATE INDEX ix_conc ON t_one (extra);\nCREATE INDEX ix_conc2 ON t_two (id, label);",
      downSql: db === "mysql"
        ? "DROP INDEX ix_conc ON t_one;\nDROP INDEX ix_conc2 ON t_two;"
        : "DROP INDEX ix_conc;\nDROP INDEX ix_conc2;",
    },
    {
      id: "0ff100000004",
      down: "0ff100000003",
      nonTransactional: true,
      tsUp: `  op.createTable("t_three", { id: { type: "integer" } });`,
      tsDown: `  op.dropTable("t_three");`,
    },
    {
      id: "0ff100000005",
      down: "0ff100000004",
      tsUp: `  op.addColumn("t_three", "note", { type: "varchar(10)" });`,
      tsDown: `  op.dropColumn("t_three", "note");`,
    },
  ];
}

/** A database pair (online, offline) and how to feed a script to the offline one. */
interface Pair {
  online: string;
  offline: string;
  dump(url: string): Promise<CatalogDump>;
  feed(url: string, script: string): void;
}

async function sql(project: Project, args: string[]): Promise<string> {
  const r = await project.run([...args, "--sql"]);
  assertEquals(r.code, 0, describeRun(r));
  return r.stdout;
}

async function online(project: Project, args: string[], url: string): Promise<void> {
  const r = await project.run(["--url", url, ...args]);
  assertEquals(r.code, 0, describeRun(r));
}

/** True when `marker` lies outside every BEGIN/COMMIT pair of `script`. */
function outsideTransaction(script: string, marker: string): boolean {
  const at = script.indexOf(marker);
  assert(at >= 0, `no "${marker}" in:\n${script}`);
  const before = script.slice(0, at);
  return before.lastIndexOf("COMMIT;") >= before.lastIndexOf("BEGIN;");
}

async function compareOfflineOnline(db: Db, pair: Pair): Promise<void> {
  await withProject(pair.offline, revisions(db), async (project) => {
    const same = async (label: string) => {
      const a = await pair.dump(pair.online);
      const b = await pair.dump(pair.offline);
      assertEquals(b, a, label);
      return a;
    };
    // Whole history up.
    const up = await sql(project, ["upgrade", "head"]);
    if (db !== "mysql") {
      assert(outsideTransaction(up, "-- Running upgrade 0ff100000002 -> 0ff100000003"), up);
      assert(outsideTransaction(up, "-- Running upgrade 0ff100000003 -> 0ff100000004"), up);
      assert(!outsideTransaction(up, "-- Running upgrade 0ff100000004 -> 0ff100000005"), up);
    } else assert(!up.includes("BEGIN;"), "MySQL commits DDL: no transaction statements");
    pair.feed(pair.offline, up);
    await online(project, ["upgrade", "head"], pair.online);
    const head = await same("upgrade head");
    assertEquals(head.versions, ["0ff100000005"]);
    assert(head.indexes.some((i) => i.includes("ix_conc")), head.indexes.join("\n"));
    // Whole history down.
    // Like Alembic's, an offline script that ends at base drops the version table; online keeps it empty.
    const down = await sql(project, ["downgrade", "head:base"]);
    assert(/DROP TABLE alembic_version;\n/.test(down), down);
    pair.feed(pair.offline, down);
    await online(project, ["downgrade", "base"], pair.online);
    const [atBaseOnline, atBaseOffline] = [await pair.dump(pair.online), await pair.dump(pair.offline)];
    assertEquals(atBaseOnline.versions, []);
    assertEquals(atBaseOffline.tables.filter((t) => t.includes("alembic_version")), []);
    assertEquals(withoutVersionTable(atBaseOffline), withoutVersionTable(atBaseOnline));
    // Ranges: base:2, then 2:head, then head:3.
    pair.feed(pair.offline, await sql(project, ["upgrade", "base:0ff100000002"]));
    await online(project, ["upgrade", "0ff100000002"], pair.online);
    assertEquals((await same("upgrade base:2")).versions, ["0ff100000002"]);
    pair.feed(pair.offline, await sql(project, ["upgrade", "0ff100000002:head"]));
    await online(project, ["upgrade", "head"], pair.online);
    await same("upgrade 2:head");
    pair.feed(pair.offline, await sql(project, ["downgrade", "head:0ff100000003"]));
    await online(project, ["downgrade", "0ff100000003"], pair.online);
    assertEquals((await same("downgrade head:3")).versions, ["0ff100000003"]);
    // Stamp.
    pair.feed(pair.offline, await sql(project, ["stamp", "--purge", "0ff100000001"]));
    await online(project, ["stamp", "--purge", "0ff100000001"], pair.online);
    assertEquals((await same("stamp")).versions, ["0ff100000001"]);
  });
}

async function checkQueryRefused(url: string): Promise<void> {
  const revs: RevisionSpec[] = [
    { id: "0ff200000001", down: null, up: "CREATE TABLE q_one (id INTEGER);", downSql: "DROP TABLE q_one;" },
    {
      id: "0ff200000002",
      down: "0ff200000001",
      tsUp:
        '  const rows = await sql`SELECT COUNT(*) AS n FROM q_one`;\n  op.addColumn("q_one", "n", { type: "integer" });',
      tsDown: "",
    },
  ];
  await withProject(url, revs, async (project) => {
    const r = await project.run(["upgrade", "head", "--sql"]);
    assertEquals(r.code, 1, describeRun(r));
    assertStringIncludes(
      r.stderr,
      `Error: Cannot render revision 0ff200000002 in offline (--sql) mode: ${
        project.file("0ff200000002")
      } queries the database with \`sql\`, which needs a connection`,
    );
    assertEquals(r.stdout, "");
  });
}

Deno.test("dist/migrate --sql on PostgreSQL gives the same database as running online", async () => {
  await withPostgresDatabase((onlineUrl) =>
    withPostgresDatabase(async (offlineUrl) => {
      await compareOfflineOnline("postgresql", {
        online: onlineUrl,
        offline: offlineUrl,
        dump: dumpPostgres,
        feed: feedPsql,
      });
      await checkQueryRefused(offlineUrl);
    }, "clioff"), "clion");
  // postgresAdmin is only used to fail loudly when the server is missing.
  await (await postgresAdmin()).end();
});

Deno.test("dist/migrate --sql on MySQL gives the same database as running online", async () => {
  await withMysqlDatabase((onlineUrl) =>
    withMysqlDatabase(async (offlineUrl) => {
      await compareOfflineOnline("mysql", {
        online: onlineUrl,
        offline: offlineUrl,
        dump: (url) => dumpMysql(url),
        feed: feedMysql,
      });
      await checkQueryRefused(offlineUrl);
    }, "clioff"), "clion");
  await (await mysqlAdmin()).end();
});

Deno.test("dist/migrate --sql on SQLite gives the same database as running online", async () => {
  const dir = Deno.makeTempDirSync();
  try {
    const a = join(dir, "online.db");
    const b = join(dir, "offline.db");
    await compareOfflineOnline("sqlite", {
      online: `sqlite:///${a}`,
      offline: `sqlite:///${b}`,
      dump: (url) => Promise.resolve(dumpSqlite(url.replace(/^sqlite:\/\/\//, ""))),
      feed: (url, script) => tool("sqlite3", ["-bail", url.replace(/^sqlite:\/\/\//, "")], script),
    });
    await checkQueryRefused(`sqlite:///${join(dir, "q.db")}`);
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

/** A dump without the version table's own rows, columns and index (for comparing a database at base). */
function withoutVersionTable(dump: CatalogDump): CatalogDump {
  const other = (line: string) => !line.includes("alembic_version");
  return {
    tables: dump.tables.filter(other),
    columns: dump.columns.filter(other),
    indexes: dump.indexes.filter(other),
    versions: [],
  };
}
