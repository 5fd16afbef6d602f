/**
 * The plan walk is shared: on SQLite, the execute sink (an in-memory database) and the text sink
 * receive the same calls, statement for statement, for the same plan.
 */
import { assertEquals, assertStringIncludes } from "../../_assert.ts";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Config } from "../../../lib/config/config.ts";
import { loadConfig } from "../../../lib/config/load.ts";
import type { Connection } from "../../../lib/dialects/dialect.ts";
import { sqliteDialect } from "../../../lib/dialects/sqlite/dialect.ts";
import type { PlanStep, Revision } from "../../../lib/revision/revision.ts";
import { runPlan } from "../../../lib/runtime/run_plan.ts";
import type { RunSink } from "../../../lib/runtime/run_sink.ts";
import { ExecuteSink } from "../../../lib/runtime/sink_execute.ts";
import { TextSink } from "../../../lib/runtime/sink_text.ts";

const TS_REVISION = `
export function upgrade({ op }) {
  op.createTable("account", { id: { type: "integer", primaryKey: true }, name: { type: "varchar(50)" } });
  op.execute("INSERT INTO account (id, name) VALUES (?, ?)", [1, "o'neil"]);
  // A type change SQLite's ALTER TABLE cannot do: planned from the table as it is (a rebuild).
  op.alterColumn("account", "name", { type: "text", nullable: false });
}
export function downgrade({ op }) {
  op.dropTable("account");
}
`;

const SQL_REVISION = `-- revision: b2
-- down_revision: a1

-- migrate:up
CREATE TABLE note (id integer PRIMARY KEY);
CREATE INDEX ix_note_id ON note (id);

-- migrate:down
DROP TABLE note;
`;

function revision(id: string, down: string[], path: string): Revision {
  return { revision: id, downRevisions: down, branchLabels: [], dependsOn: [], path, message: `step ${id}` };
}

/** A sink that logs every call the walk makes (and the statements of each), then forwards it. */
function recording(sink: RunSink, log: string[]): RunSink {
  return new Proxy(sink, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (typeof value !== "function" || prop === "failure") return value;
      return (...args: unknown[]) => {
        if (prop === "step") {
          const step = args[0] as PlanStep;
          log.push(`step ${step.revision.revision} ${JSON.stringify(args[2])}`);
        } else if (prop === "statement") {
          const stmt = args[0] as { sql: string; params?: unknown[] };
          log.push(`statement ${stmt.sql} ${JSON.stringify(stmt.params ?? [])}`);
        } else if (prop === "script") log.push(`script ${(args[0] as { sql: string }).sql}`);
        else if (prop !== "query" && prop !== "planOperation") {
          log.push(`${String(prop)} ${JSON.stringify(args)}`);
        }
        return value.apply(target, args);
      };
    },
  });
}

function memory(): Promise<Connection> {
  return sqliteDialect.connect({
    dialect: "sqlite",
    path: ":memory:",
    options: {},
    raw: "sqlite://:memory:",
  });
}

for (const perMigration of [true, false]) {
  Deno.test(`runPlan sends the same calls to the execute and the text sink on SQLite (transaction_per_migration = ${perMigration})`, async () => {
    const dir = mkdtempSync(join(tmpdir(), "retort-run-plan-"));
    try {
      writeFileSync(join(dir, "migrate.toml"), 'script_location = "migrations"\nurl = "sqlite:///app.db"\n');
      const versions = join(dir, "migrations", "versions");
      mkdirSync(versions, { recursive: true });
      writeFileSync(join(versions, "a1_account.ts"), TS_REVISION);
      writeFileSync(join(versions, "b2_note.sql"), SQL_REVISION);
      const loaded = await loadConfig({ cwd: dir, environ: {} });
      const config: Config = { ...loaded, transactionPerMigration: perMigration };
      const a1 = revision("a1", [], join(versions, "a1_account.ts"));
      const b2 = revision("b2", ["a1"], join(versions, "b2_note.sql"));
      const steps: PlanStep[] = [
        { revision: a1, direction: "up", versionActions: [{ kind: "insert", version: "a1" }] },
        { revision: b2, direction: "up", versionActions: [{ kind: "update", from: "a1", to: "b2" }] },
      ];

      const online: string[] = [];
      const conn = await memory();
      try {
        const result = await runPlan(recording(new ExecuteSink({ config, connection: conn }), online), {
          config,
          plan: () => steps,
        });
        assertEquals(result.to, ["b2"]);
        assertEquals(await conn.query("SELECT id, name FROM account"), [{ id: 1, name: "o'neil" }]);
        assertEquals(await conn.query("SELECT version_num FROM alembic_version"), [{ version_num: "b2" }]);
      } finally {
        await conn.close();
      }

      const offline: string[] = [];
      const scratch = await sqliteDialect.openOfflineScratch!(undefined, true);
      let text: string;
      try {
        const sink = new TextSink({ config, dialect: sqliteDialect, startHeads: [], scratch });
        await runPlan(recording(sink, offline), { config, plan: () => steps });
        text = sink.text();
      } finally {
        await scratch.close();
      }

      assertEquals(online, offline);
      // The plan has statements from op calls (a table rebuild among them) and a SQL section.
      assertEquals(online.filter((line) => line.startsWith("step ")).length, 2);
      assertEquals(online.some((line) => line.startsWith("statement INSERT INTO account")), true);
      assertEquals(online.some((line) => line.startsWith("script CREATE TABLE note")), true);
      assertStringIncludes(text, `INSERT INTO account (id, name) VALUES (1, 'o''neil');`);
      assertStringIncludes(text, `-- Running upgrade a1 -> b2, step b2`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

/** A connection that logs begin, commit and rollback, and forwards everything. */
function loggingTransactions(conn: Connection, log: string[]): Connection {
  return {
    ...conn,
    dialect: conn.dialect,
    query: (sql, params) => conn.query(sql, params),
    execute: (sql, params) => conn.execute(sql, params),
    executeScript: (sql) => conn.executeScript(sql),
    lock: (name, ms, onWait) => conn.lock(name, ms, onWait),
    unlock: (name) => conn.unlock(name),
    close: () => conn.close(),
    begin: () => (log.push("BEGIN"), conn.begin()),
    commit: () => (log.push("COMMIT"), conn.commit()),
    rollback: () => (log.push("ROLLBACK"), conn.rollback()),
  };
}

Deno.test("runPlan leaves the run's transaction for a nonTransactional step; offline writes BEGIN/COMMIT around it, online sends no empty transaction", async () => {
  const dir = mkdtempSync(join(tmpdir(), "retort-run-plan-"));
  try {
    writeFileSync(join(dir, "migrate.toml"), 'script_location = "migrations"\nurl = "sqlite:///app.db"\n');
    const file = join(dir, "c3_vacuum.ts");
    writeFileSync(
      file,
      `export const nonTransactional = true;\nexport function upgrade({ op }) { op.execute("VACUUM"); }\n`,
    );
    const loaded = await loadConfig({ cwd: dir, environ: {} });
    const config: Config = { ...loaded, transactionPerMigration: false };
    const steps: PlanStep[] = [
      {
        revision: revision("c3", [], file),
        direction: "up",
        versionActions: [{ kind: "insert", version: "c3" }],
      },
    ];
    const sink = new TextSink({ config, dialect: sqliteDialect, startHeads: [] });
    await runPlan(sink, { config, plan: () => steps });
    assertEquals(
      sink.text(),
      "BEGIN;\n\nCREATE TABLE IF NOT EXISTS alembic_version (version_num VARCHAR(32) NOT NULL, " +
        "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num));\n\nCOMMIT;\n\n" +
        "-- Running upgrade  -> c3, step c3\n\nVACUUM;\n\nINSERT INTO alembic_version (version_num) VALUES ('c3');\n\n" +
        "BEGIN;\n\nCOMMIT;\n",
    );
    const log: string[] = [];
    const conn = await memory();
    try {
      await runPlan(new ExecuteSink({ config, connection: loggingTransactions(conn, log) }), {
        config,
        plan: () => steps,
      });
      assertEquals(await conn.query("SELECT version_num FROM alembic_version"), [{ version_num: "c3" }]);
    } finally {
      await conn.close();
    }
    // SQLite's lock is the run's write transaction, taken before the heads are read.
    assertEquals(log, ["BEGIN", "COMMIT"]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
