/**
 * A server connection that goes silent mid-run (a loopback proxy stops forwarding but keeps the
 * sockets open), through `dist/migrate` on PostgreSQL and MariaDB: the run ends within 60 s with
 * exit 1, one clear message naming the revision it was in and what was applied, no stack trace,
 * and the version table afterwards holds exactly the revisions that ran.
 *
 * @module
 */
import { assert, assertEquals, assertStringIncludes } from "../_assert.ts";
import { mysqlAdmin, postgresAdmin, testUrl, withMysqlDatabase, withPostgresDatabase } from "../_db.ts";
import { describeRun, type RevisionSpec, withProject } from "../cli/_project.ts";
import { startFreezeProxy } from "./_freeze_proxy.ts";
import { advisoryLockKey } from "../../lib/dialects/postgres/driver.ts";
import { lockName } from "../../lib/runtime/version_table.ts";

/** Revisions: the first is quick, the second sleeps long enough for the proxy to freeze in it. */
function revisions(sleep: string): RevisionSpec[] {
  return [
    {
      id: "f0000000000a",
      down: null,
      up: "CREATE TABLE froze_a (id INTEGER);",
      downSql: "DROP TABLE froze_a;",
    },
    {
      id: "f0000000000b",
      down: "f0000000000a",
      up: `${sleep};\nCREATE TABLE froze_b (id INTEGER);`,
      downSql: "DROP TABLE froze_b;",
    },
  ];
}

/** Run the two revisions through a proxy that freezes 1.5 s in (inside the second revision's sleep). */
async function runFrozen(
  url: string,
  sleep: string,
  newToo: boolean,
  extraArgs: string[],
  whileFrozen?: () => Promise<void>,
): Promise<{ code: number | null; stderr: string; stdout: string; ms: number; describe: string }> {
  const u = testUrl(url);
  const proxy = await startFreezeProxy(u.host ?? "127.0.0.1", u.port!);
  const proxied = url.replace(`${u.host}:${u.port}`, `127.0.0.1:${proxy.port}`);
  try {
    return await withProject(proxied, revisions(sleep), async (project) => {
      const timer = setTimeout(() => proxy.freeze({ newToo }), 1500);
      try {
        const r = await project.run(["upgrade", "head", ...extraArgs], { timeoutMs: 90_000 });
        // The proxy is still frozen: whatever the server did with the session, it did on its own.
        await whileFrozen?.();
        return { ...r, describe: describeRun(r) };
      } finally {
        clearTimeout(timer);
      }
    });
  } finally {
    await proxy.stop();
  }
}

function assertClearFailure(
  r: { code: number | null; stderr: string; ms: number; describe: string },
): void {
  assertEquals(r.code, 1, r.describe);
  assert(r.ms < 60_000, `took ${Math.round(r.ms)} ms: ${r.describe}`);
  assertStringIncludes(r.stderr, "f0000000000b", r.describe);
  assertStringIncludes(r.stderr, "stopped answering", r.describe);
  // What was applied: the first revision, committed before the freeze.
  assertStringIncludes(
    r.stderr,
    "Applied before the failure, and recorded in the version table: f0000000000a",
  );
  assert(!/\n\s+at /.test(r.stderr), `stack trace in: ${r.describe}`);
}

/** Wait until `read` returns the same value twice 300 ms apart (the server ended the frozen session). */
async function settled<T>(read: () => Promise<T>): Promise<T> {
  let last = JSON.stringify(await read());
  for (let i = 0; i < 50; i++) {
    await new Promise((r) => setTimeout(r, 300));
    const now = await read();
    if (JSON.stringify(now) === last) return now;
    last = JSON.stringify(now);
  }
  return await read();
}

// PostgreSQL and MariaDB with only the run's connection frozen (a second connection finds the
// session idle and has the server end it: about 10 s), MariaDB with every connection frozen
// (unreachable: about 30 s).
{
  const newToo = false;
  Deno.test("PostgreSQL: the run's connection freezes mid-statement, the run ends within 60 s", async () => {
    await withPostgresDatabase(async (url) => {
      const admin = await postgresAdmin(url);
      const others = async () => {
        const active = await admin.unsafe(
          "select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()",
        );
        return active[0].n;
      };
      let leftWhileFrozen = -1;
      const r = await runFrozen(url, "SELECT pg_sleep(4)", newToo, [], async () => {
        leftWhileFrozen = await settled(others);
      });
      try {
        assertClearFailure(r);
        // The server was reachable: the migrator had it end the frozen session, so its transaction
        // rolled back and its lock was freed while the proxy still held the socket open.
        assertStringIncludes(r.stderr, "the server ended the session", r.describe);
        assertEquals(leftWhileFrozen, 0);
        const versions = await admin.unsafe("select version_num from alembic_version");
        assertEquals(versions.map((v) => v.version_num), ["f0000000000a"]);
        const b = await admin.unsafe("select to_regclass('froze_b') as t");
        assertEquals(b[0].t, null);
      } finally {
        await admin.end({ timeout: 5 });
      }
    }, "frz");
  });
}
for (const newToo of [false, true]) {
  const what = newToo
    ? "every connection freezes mid-statement, even with --statement-timeout"
    : "the run's connection freezes mid-statement (the session is killed)";
  Deno.test(`MariaDB: ${what}, the run ends within 60 s`, async () => {
    await withMysqlDatabase(async (url) => {
      const admin = await mysqlAdmin(url);
      const db = testUrl(url).database;
      const others = async () => {
        const [rows] = await admin.query(
          "SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE DB = ? AND ID <> CONNECTION_ID()",
          [db],
        );
        return Number((rows as { n: number }[])[0].n);
      };
      let leftWhileFrozen = -1;
      const r = await runFrozen(url, "SELECT SLEEP(4)", newToo, ["--statement-timeout", "3"], async () => {
        leftWhileFrozen = await settled(others);
      });
      try {
        assertClearFailure(r);
        if (!newToo) {
          assertStringIncludes(r.stderr, "the server ended the session", r.describe);
          assertEquals(leftWhileFrozen, 0);
        }
        await settled(others);
        const [versions] = await admin.query("SELECT version_num FROM alembic_version");
        assertEquals((versions as { version_num: string }[]).map((v) => v.version_num), ["f0000000000a"]);
        const [b] = await admin.query("SHOW TABLES LIKE 'froze_b'");
        assertEquals((b as unknown[]).length, 0);
      } finally {
        await admin.end();
      }
    }, "frz");
  });
}

Deno.test("PostgreSQL: a connection that freezes while waiting for the migrator lock ends the run within 60 s", async () => {
  await withPostgresDatabase(async (url) => {
    const u = testUrl(url);
    const admin = await postgresAdmin(url);
    const key = advisoryLockKey(lockName({ table: "alembic_version" }, u.database));
    const proxy = await startFreezeProxy(u.host ?? "127.0.0.1", u.port!);
    try {
      // Another migrator holds the lock: the run polls for it, then its connection freezes.
      await admin.unsafe("select pg_advisory_lock($1::bigint)", [key]);
      const proxied = url.replace(`${u.host}:${u.port}`, `127.0.0.1:${proxy.port}`);
      await withProject(proxied, revisions("SELECT 1"), async (project) => {
        const timer = setTimeout(() => proxy.freeze(), 1500);
        try {
          const r = await project.run(["upgrade", "head", "--lock-timeout", "300"], { timeoutMs: 90_000 });
          assertEquals(r.code, 1, describeRun(r));
          assert(r.ms < 60_000, `took ${Math.round(r.ms)} ms: ${describeRun(r)}`);
          assertStringIncludes(r.stderr, "stopped answering", describeRun(r));
          assert(!/\n\s+at /.test(r.stderr), `stack trace in: ${describeRun(r)}`);
        } finally {
          clearTimeout(timer);
        }
      });
      const exists = await admin.unsafe("select to_regclass('alembic_version') as t");
      assertEquals(exists[0].t, null);
    } finally {
      await proxy.stop();
      await admin.end({ timeout: 5 });
    }
  }, "frz");
});
