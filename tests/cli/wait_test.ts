/**
 * `--wait`, `--wait-timeout` and the statement timeout through `dist/migrate`. The database that
 * comes up late is a TCP proxy to the PostgreSQL test server, opened a moment after the run starts.
 *
 * @module
 */
import { connect, createServer, type Socket } from "node:net";
import { assert, assertEquals, assertStringIncludes } from "../_assert.ts";
import { POSTGRES_TEST_URL, testUrl, withMysqlDatabase, withPostgresDatabase } from "../_db.ts";
import { describeRun, type RevisionSpec, runBinary, withProject } from "./_project.ts";

/** A port nothing listens on (yet). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

/** A TCP proxy to the PostgreSQL test server; `stop` cuts every open connection and closes it. */
interface Proxy {
  stop(): Promise<void>;
}

/** Forward `port` to the PostgreSQL test server. */
async function startProxy(port: number): Promise<Proxy> {
  const target = testUrl(POSTGRES_TEST_URL);
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(target.port ?? 5432, target.host ?? "127.0.0.1");
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
    }
    client.pipe(upstream).pipe(client);
    client.on("error", () => upstream.destroy());
    upstream.on("error", () => client.destroy());
  });
  await new Promise<void>((r) => server.listen(port, "127.0.0.1", r));
  return {
    // server.close waits for every connection to end: end them, or a half-closed pair would hang the test.
    stop: () => {
      for (const s of sockets) s.destroy();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}

Deno.test("--wait retries until the database accepts connections", async () => {
  await withPostgresDatabase(async (url) => {
    const port = await freePort();
    const db = testUrl(url).database;
    const late = `postgresql://${testUrl(url).user ?? "postgres"}@127.0.0.1:${port}/${db}`;
    let proxy: Proxy | undefined;
    const timer = setTimeout(async () => (proxy = await startProxy(port)), 1500);
    try {
      const r = await runBinary(["--url", late, "--wait", "--wait-timeout", "20", "current"], {
        cwd: Deno.cwd(),
      });
      assertEquals(r.code, 0, describeRun(r));
      assert(r.ms >= 1400, `waited ${r.ms} ms`);
      assertEquals(r.stderr, `Waiting for ${late} to accept connections (up to 20 s)...\n`);
    } finally {
      clearTimeout(timer);
      await proxy?.stop();
    }
  }, "wait");
});

Deno.test("--wait-timeout gives up with exit 1 naming the URL", async () => {
  const port = await freePort();
  const url = `postgresql://postgres:pw@127.0.0.1:${port}/nowhere`;
  const r = await runBinary(["--url", url, "--wait", "--wait-timeout", "1.5", "-q", "current"], {
    cwd: Deno.cwd(),
  });
  assertEquals(r.code, 1, describeRun(r));
  assert(r.ms >= 1000 && r.ms < 10_000, `took ${r.ms} ms`);
  assertStringIncludes(
    r.stderr,
    `Error: Cannot connect to postgresql://postgres:***@127.0.0.1:${port}/nowhere within 1.5 s (`,
  );
  assert(!r.stderr.includes(":pw@"), "password masked");
});

const SLOW_PG: RevisionSpec[] = [{ id: "51000000001", down: null, up: "SELECT pg_sleep(5);", downSql: "" }];
const SLOW_MY: RevisionSpec[] = [{ id: "51000000001", down: null, up: "SELECT SLEEP(5);", downSql: "" }];

Deno.test("--statement-timeout cancels a long PostgreSQL statement", async () => {
  await withPostgresDatabase(async (url) => {
    await withProject(url, SLOW_PG, async (project) => {
      const r = await project.run(["--statement-timeout", "0.5", "upgrade", "head"]);
      assertEquals(r.code, 1, describeRun(r));
      assert(r.ms < 4000, `took ${r.ms} ms`);
      assertStringIncludes(r.stderr, "canceling statement due to statement timeout");
    });
  }, "stmt");
});

Deno.test("statement_timeout in the config bounds a MariaDB statement", async () => {
  await withMysqlDatabase(async (url) => {
    await withProject(url, SLOW_MY, async (project) => {
      const r = await project.run(["upgrade", "head"]);
      assertEquals(r.code, 1, describeRun(r));
      assert(r.ms < 4000, `took ${r.ms} ms`);
      assertStringIncludes(r.stderr, "max_statement_time");
    }, "statement_timeout = 0.5");
  }, "stmt");
});

Deno.test("--statement-timeout rejects a value that is not a positive number", async () => {
  const r = await runBinary(["--url", "sqlite:///x.db", "--statement-timeout", "soon", "current"], {
    cwd: Deno.cwd(),
  });
  assertEquals([r.code, r.stderr], [
    2,
    `Error: Cannot use --statement-timeout "soon": expected a number of seconds > 0\n`,
  ]);
});
