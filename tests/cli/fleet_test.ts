/**
 * `--fleet` through `dist/migrate`: 50 PostgreSQL databases and 10 MariaDB databases, some fresh,
 * some behind, some at head and one that fails. Each revision appends its id to a `fleet_log`
 * table, so the test can prove that every database got exactly the revisions it lacked, once.
 *
 * @module
 */
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { assert, assertEquals, assertStringIncludes } from "../_assert.ts";
import { MYSQL_TEST_URL, mysqlAdmin, POSTGRES_TEST_URL, postgresAdmin, withDatabase } from "../_db.ts";
import { describeRun, type RevisionSpec, withProject } from "./_project.ts";

const IDS = ["f1ee70000001", "f1ee70000002", "f1ee70000003", "f1ee70000004", "f1ee70000005"];
const HEAD = IDS[4];

const REVISIONS: RevisionSpec[] = IDS.map((id, i) => ({
  id,
  down: i === 0 ? null : IDS[i - 1],
  message: `fleet step ${i + 1}`,
  up: [
    ...(i === 0 ? ["CREATE TABLE fleet_log (rev VARCHAR(20) NOT NULL);"] : []),
    // Revision 4 creates a table: the database that already has it fails there.
    ...(i === 3 ? ["CREATE TABLE fleet_r4 (id INTEGER);"] : []),
    `INSERT INTO fleet_log (rev) VALUES ('${id}');`,
  ].join("\n"),
  downSql: [
    `DELETE FROM fleet_log WHERE rev = '${id}';`,
    ...(i === 3 ? ["DROP TABLE fleet_r4;"] : []),
    ...(i === 0 ? ["DROP TABLE fleet_log;"] : []),
  ].join("\n"),
}));

/** The state a database starts in: how many revisions it has, and whether it is set up to fail. */
interface Seed {
  readonly applied: number;
  readonly failing?: boolean;
}

/** Statements that put a database in the state of `seed` (as if `applied` revisions had run). */
function seedSql(seed: Seed): string[] {
  if (seed.applied === 0 && !seed.failing) return [];
  const out = [
    "CREATE TABLE fleet_log (rev VARCHAR(20) NOT NULL)",
    "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, PRIMARY KEY (version_num))",
    ...IDS.slice(0, seed.applied).map((id) => `INSERT INTO fleet_log (rev) VALUES ('${id}')`),
    `INSERT INTO alembic_version (version_num) VALUES ('${IDS[seed.applied - 1]}')`,
  ];
  if (seed.applied >= 4 || seed.failing) out.push("CREATE TABLE fleet_r4 (id INTEGER)");
  return out;
}

/** 0-9 fresh, 10-29 behind (at revision 2), 30-39 at head, the rest fresh; `failAt` is behind and fails. */
function seeds(count: number, failAt: number): Seed[] {
  return Array.from({ length: count }, (_, i) => {
    if (i === failAt) return { applied: 2, failing: true };
    if (i >= 10 && i < 30) return { applied: 2 };
    if (i >= 30 && i < 40) return { applied: 5 };
    return { applied: i % 10 === 5 ? 1 : 0 };
  });
}

interface FleetJson {
  command: string;
  concurrency: number;
  failed: number;
  rows: {
    index: number;
    database: string;
    from: string[];
    to: string[];
    revisions: number;
    result: string;
    error?: string;
  }[];
}

/** What the fleet run must report for a database seeded with `seed`. */
function expectedRow(seed: Seed) {
  // Revision 3 ran before revision 4 failed; from and to are unknown after a failure.
  if (seed.failing) return { from: [], to: [], revisions: 1, result: "failed" };
  return {
    from: seed.applied === 0 ? [] : [IDS[seed.applied - 1]],
    to: [HEAD],
    revisions: 5 - seed.applied,
    result: "ok",
  };
}

interface Server {
  readonly name: string;
  create(db: string): Promise<void>;
  exec(db: string, sql: string[]): Promise<void>;
  log(db: string): Promise<{ revs: string[]; versions: string[] }>;
  drop(db: string): Promise<void>;
  url(db: string): string;
  close(): Promise<void>;
}

async function postgresServer(): Promise<Server> {
  const admin = await postgresAdmin();
  const postgres = (await import("postgres")).default;
  const open = (db: string) => postgres(withDatabase(POSTGRES_TEST_URL, db), { max: 1, onnotice: () => {} });
  return {
    name: "PostgreSQL",
    create: async (db) => void await admin.unsafe(`CREATE DATABASE "${db}"`),
    exec: async (db, sql) => {
      if (sql.length === 0) return;
      const c = open(db);
      try {
        for (const s of sql) await c.unsafe(s);
      } finally {
        await c.end();
      }
    },
    log: async (db) => {
      const c = open(db);
      try {
        const revs = await c.unsafe("SELECT rev FROM fleet_log").catch(() => []);
        const versions = await c.unsafe("SELECT version_num FROM alembic_version").catch(() => []);
        return {
          revs: revs.map((r) => String(r.rev)).sort(),
          versions: versions.map((r) => String(r.version_num)),
        };
      } finally {
        await c.end();
      }
    },
    drop: async (db) => void await admin.unsafe(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`),
    url: (db) => withDatabase(POSTGRES_TEST_URL, db),
    close: () => admin.end({ timeout: 5 }),
  };
}

async function mariadbServer(): Promise<Server> {
  const admin = await mysqlAdmin();
  const rows = async (db: string, sql: string) => {
    try {
      const [r] = await admin.query(sql.replace("FROM ", `FROM \`${db}\`.`));
      return r as Record<string, unknown>[];
    } catch {
      return [];
    }
  };
  return {
    name: "MariaDB",
    create: async (db) => void await admin.query(`CREATE DATABASE \`${db}\``),
    exec: async (db, sql) => {
      for (const s of sql) {
        await admin.query(s.replace(/^(CREATE TABLE|INSERT INTO) /, `$1 \`${db}\`.`));
      }
    },
    log: async (db) => ({
      revs: (await rows(db, "SELECT rev FROM fleet_log")).map((r) => String(r.rev)).sort(),
      versions: (await rows(db, "SELECT version_num FROM alembic_version")).map((r) => String(r.version_num)),
    }),
    drop: async (db) => void await admin.query(`DROP DATABASE IF EXISTS \`${db}\``),
    url: (db) => withDatabase(MYSQL_TEST_URL, db),
    close: () => admin.end(),
  };
}

/** Create `count` seeded databases, run `fn` with their URLs, drop them. */
async function withFleet(
  server: Server,
  list: readonly Seed[],
  fn: (urls: string[], names: string[]) => Promise<void>,
): Promise<void> {
  const tag = randomBytes(3).toString("hex");
  const names = list.map((_, i) => `retort_test_fleet_${tag}_${String(i).padStart(2, "0")}`);
  try {
    for (let i = 0; i < names.length; i += 10) {
      await Promise.all(names.slice(i, i + 10).map((n) => server.create(n)));
    }
    for (let i = 0; i < names.length; i++) await server.exec(names[i], seedSql(list[i]));
    await fn(names.map((n) => server.url(n)), names);
  } finally {
    for (let i = 0; i < names.length; i += 10) {
      await Promise.all(names.slice(i, i + 10).map((n) => server.drop(n)));
    }
    await server.close();
  }
}

/** The fleet log each database must hold after a run that applied everything it lacked. */
async function assertMigratedOnce(
  server: Server,
  names: string[],
  list: readonly Seed[],
  skipped = new Set<number>(),
) {
  for (let i = 0; i < names.length; i++) {
    const { revs, versions } = await server.log(names[i]);
    const seed = list[i];
    if (skipped.has(i)) {
      assertEquals(revs, IDS.slice(0, seed.applied), `${names[i]} was skipped and must be untouched`);
      continue;
    }
    if (seed.failing) {
      // Revision 3 ran, revision 4 failed on the existing table.
      assertEquals(revs, IDS.slice(0, 3), `${names[i]}: fleet_log`);
      assertEquals(versions, [IDS[2]], `${names[i]}: version`);
      continue;
    }
    // Exactly once each: a database migrated twice would hold duplicates.
    assertEquals(revs, [...IDS], `${names[i]}: each revision exactly once`);
    assertEquals(versions, [HEAD], `${names[i]}: at head`);
  }
}

function checkRows(json: FleetJson, urls: string[], list: readonly Seed[]) {
  assertEquals(json.rows.length, urls.length);
  json.rows.forEach((row, i) => {
    assertEquals(row.index, i);
    assert(!row.database.includes("secret"), "URLs are masked");
    const { from, to, revisions, result } = row;
    assertEquals({ from, to, revisions, result }, expectedRow(list[i]), `row ${i} (${row.database})`);
  });
}

Deno.test("upgrade head --fleet migrates 50 PostgreSQL databases, each once, and reports the failing one", async () => {
  const list = seeds(50, 25);
  const server = await postgresServer();
  await withFleet(server, list, async (urls, names) => {
    await withProject(POSTGRES_TEST_URL, REVISIONS, async (project) => {
      writeFileSync(join(project.dir, "tenants.txt"), `# tenants\n${urls.join("\n")}\n\n${urls[3]}\n`);
      const r = await project.run(["--json", "upgrade", "head", "--fleet", "--concurrency", "8"], {
        timeoutMs: 120_000,
      });
      assertEquals(r.code, 1, describeRun(r));
      const json = JSON.parse(r.stdout) as FleetJson;
      assertEquals(json.command, "upgrade");
      assertEquals(json.concurrency, 8);
      assertEquals(json.failed, 1);
      checkRows(json, urls, list);
      assertStringIncludes(json.rows[25].error ?? "", `Cannot upgrade ${IDS[3]}`);
      assertStringIncludes(json.rows[25].error ?? "", "fleet_r4");
      assertStringIncludes(r.stderr, "Error: 1 of 50 databases failed");
      await assertMigratedOnce(server, names, list);

      // A second run: nothing to do except on the failing database; the human table says so.
      const again = await project.run(["upgrade", "head", "--fleet"], { timeoutMs: 120_000 });
      assertEquals(again.code, 1, describeRun(again));
      const lines = again.stdout.trimEnd().split("\n");
      assertEquals(lines[0].split(/\s+/), ["DATABASE", "FROM", "TO", "REVISIONS", "TIME", "RESULT"]);
      assertEquals(lines.length, 52);
      assertEquals(lines[51].replace(/in [\d.]+ m?s/, "in T"), "50 databases in T: 49 ok, 1 failed");
      const cells = lines[1].split(/\s+/);
      assertEquals([cells[0], cells[1], cells[2], cells[3], cells[6]], [
        urls[0].replace(/^postgres:/, "postgres:"),
        HEAD,
        HEAD,
        "0",
        "ok",
      ]);
      assertStringIncludes(lines[26], `failed: Cannot upgrade ${IDS[3]}`);
    }, `[fleet]\nurls_file = "tenants.txt"\nconcurrency = 4\n`);
  });
});

Deno.test("upgrade head --fleet migrates 10 MariaDB databases listed in [fleet] urls", async () => {
  const list = seeds(10, 7).map((s, i) => (i === 2 ? { applied: 5 } : i === 4 ? { applied: 3 } : s));
  const server = await mariadbServer();
  await withFleet(server, list, async (urls, names) => {
    const toml = `[fleet]\nurls = [${urls.map((u) => JSON.stringify(u)).join(", ")}]\nconcurrency = 3\n`;
    await withProject(MYSQL_TEST_URL, REVISIONS, async (project) => {
      const r = await project.run(["--json", "upgrade", "head", "--fleet"], { timeoutMs: 120_000 });
      assertEquals(r.code, 1, describeRun(r));
      const json = JSON.parse(r.stdout) as FleetJson;
      assertEquals(json.concurrency, 3);
      assertEquals(json.failed, 1);
      checkRows(json, urls, list);
      await assertMigratedOnce(server, names, list);
      const status = await project.run(["status", "--fleet", "--exit-code"], { timeoutMs: 60_000 });
      // The failing database has pending revisions, but its status is read fine: exit 3.
      assertEquals(status.code, 3, describeRun(status));
      assertStringIncludes(status.stdout, "10 databases in ");
      assertStringIncludes(status.stdout, ": 9 ok, 1 pending");
    }, toml);
  });
});

Deno.test("upgrade --fleet --fail-fast starts no database after the first failure", async () => {
  // Concurrency 1 makes the order deterministic: 0-2 run, 3 fails, 4-9 are skipped.
  const list: Seed[] = Array.from(
    { length: 10 },
    (_, i) => (i === 3 ? { applied: 2, failing: true } : { applied: 0 }),
  );
  const server = await postgresServer();
  await withFleet(server, list, async (urls, names) => {
    await withProject(POSTGRES_TEST_URL, REVISIONS, async (project) => {
      const r = await project.run([
        "--json",
        "upgrade",
        "head",
        "--fleet",
        "--concurrency",
        "1",
        "--fail-fast",
      ]);
      assertEquals(r.code, 1, describeRun(r));
      const json = JSON.parse(r.stdout) as FleetJson;
      assertEquals(json.rows.map((row) => row.result), [
        "ok",
        "ok",
        "ok",
        "failed",
        "skipped",
        "skipped",
        "skipped",
        "skipped",
        "skipped",
        "skipped",
      ]);
      await assertMigratedOnce(server, names, list, new Set([4, 5, 6, 7, 8, 9]));
      // -q: nothing on stdout when all succeed (the failed database, at revision 3, goes down fine).
      const down = await project.run(["downgrade", "base", "--fleet", "-q"]);
      assertEquals([down.code, down.stdout, down.stderr], [0, "", ""], describeRun(down));
    }, `[fleet]\nurls = [${urls.map((u) => JSON.stringify(u)).join(", ")}]\n`);
  });
});

Deno.test("--fleet without a [fleet] section fails with exit 2 naming the file", async () => {
  await withProject(POSTGRES_TEST_URL, REVISIONS, async (project) => {
    const r = await project.run(["current", "--fleet"]);
    assertEquals(r.code, 2, describeRun(r));
    assertEquals(
      r.stderr,
      `Error: Cannot run on a fleet: ${
        join(project.dir, "migrate.toml")
      } has no [fleet] section (add urls or urls_file)\n`,
    );
  });
});
