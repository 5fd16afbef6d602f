/**
 * `downgrade -1` with several version rows on each database (issue 14, item 2): Alembic 1.8 walks from
 * the row the database returns first, so Retort must too, whatever order its runner reads them in; a
 * row that another row descends from (a stale row) is shown by `current` and refused as the start of
 * a walk instead of downgrading the rows above it too.
 */
import { deepStrictEqual, ok, rejects, strictEqual } from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DIALECTS, type DialectUnderTest } from "./_dialects.ts";
import { loadConfig } from "../../lib/config/load.ts";
import type { Config } from "../../lib/config/config.ts";
import { withConnection } from "../../lib/commands/_project.ts";
import { downgrade, upgrade } from "../../lib/commands/upgrade.ts";
import { current, formatCurrent } from "../../lib/commands/current.ts";
import { applyVersionActions, versionTableName } from "../../lib/runtime/version_table.ts";
import type { VersionAction } from "../../lib/revision/revision.ts";

const BASE = "aaaa00000001";
const LEFT = "bbbb00000002";
const RIGHT = "cccc00000003";

function sqlRevision(id: string, down: string, table: string): string {
  return `-- revision: ${id}\n-- down_revision: ${down}\n-- branch_labels:\n-- depends_on:\n-- message: ${table}\n` +
    `-- create_date: 2026-11-21 10:02:03\n\n-- migrate:up\nCREATE TABLE ${table} (id INTEGER);\n\n` +
    `-- migrate:down\nDROP TABLE ${table};\n`;
}

/** A fork: BASE creates t_base, LEFT (t_left) and RIGHT (t_right) both follow it. */
async function project(url: string): Promise<{ dir: string; config: Config }> {
  const dir = mkdtempSync(join(tmpdir(), "retort-rows-"));
  writeFileSync(join(dir, "migrate.toml"), `script_location = "migrations"\nurl = "${url}"\n`);
  const versions = join(dir, "migrations", "versions");
  mkdirSync(versions, { recursive: true });
  writeFileSync(join(versions, `${BASE}_base.sql`), sqlRevision(BASE, "", "t_base"));
  writeFileSync(join(versions, `${LEFT}_left.sql`), sqlRevision(LEFT, BASE, "t_left"));
  writeFileSync(join(versions, `${RIGHT}_right.sql`), sqlRevision(RIGHT, BASE, "t_right"));
  return { dir, config: await loadConfig({ cwd: dir, environ: {} }) };
}

/** The version rows in the order the database returns them to Alembic's query. */
function rowsInDatabaseOrder(config: Config): Promise<string[]> {
  return withConnection(config, async (conn) => {
    const rows = await conn.query(conn.dialect.versionTable.select(versionTableName(config)));
    return rows.map((r) => String(r.version_num));
  });
}

function changeRows(config: Config, actions: VersionAction[]): Promise<void> {
  return withConnection(config, (conn) => applyVersionActions(conn, versionTableName(config), actions));
}

async function tables(db: DialectUnderTest, config: Config): Promise<string[]> {
  const rows = await withConnection(config, (conn) => conn.query(db.tablesSql));
  return rows.map((r) => String(r.name)).filter((n) => n.startsWith("t_")).sort();
}

for (const db of DIALECTS) {
  Deno.test(`${db.name}: downgrade -1 with two heads steps back the row the database returns first`, async () => {
    await db.withDatabase(async (url) => {
      const { dir, config } = await project(url);
      try {
        await upgrade(config, { target: "heads" });
        // Rewrite LEFT's row so that a database keeping rows in insertion order returns it last.
        await changeRows(config, [{ kind: "delete", version: LEFT }, { kind: "insert", version: LEFT }]);
        const order = await rowsInDatabaseOrder(config);
        deepStrictEqual([...order].sort(), [LEFT, RIGHT]);
        const result = await downgrade(config, { target: "-1" });
        if (result.sql !== undefined) throw new Error("unexpected offline result");
        deepStrictEqual(result.steps.map((s) => s.revision), [order[0]]);
        const left = order[0] === LEFT ? ["t_right"] : ["t_left"];
        deepStrictEqual(await tables(db, config), ["t_base", ...left].sort());
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }, "rows");
  });

  Deno.test(`${db.name}: a stale version row is shown by current and never walked from`, async () => {
    await db.withDatabase(async (url) => {
      const { dir, config } = await project(url);
      try {
        await upgrade(config, { target: LEFT });
        // A hand edit leaves BASE's row beside LEFT's, which descends from it.
        await changeRows(config, [{ kind: "insert", version: BASE }]);
        const shown = await current(config);
        deepStrictEqual(shown.staleVersions, [{ version: BASE, above: LEFT }]);
        ok(formatCurrent(shown).includes(`${BASE} (stale row: ancestor of ${LEFT})\n`));
        const order = await rowsInDatabaseOrder(config);
        if (order[0] === BASE) {
          // Alembic would walk from BASE and downgrade LEFT and BASE: two tables for "-1".
          await rejects(downgrade(config, { target: "-1" }), (e: Error) => {
            strictEqual(e.name, "RevisionError");
            ok(e.message.includes(`"${LEFT}-1"`), e.message);
            return true;
          });
          deepStrictEqual(await tables(db, config), ["t_base", "t_left"]);
          deepStrictEqual((await rowsInDatabaseOrder(config)).sort(), [BASE, LEFT]);
        } else {
          const result = await downgrade(config, { target: "-1" });
          if (result.sql !== undefined) throw new Error("unexpected offline result");
          deepStrictEqual(result.steps.map((s) => s.revision), [LEFT]);
          deepStrictEqual(await tables(db, config), ["t_base"]);
        }
        // The exact target the refusal names steps back one revision wherever the rows come.
        await changeRows(config, [{ kind: "delete", version: BASE }]);
        await changeRows(config, [{ kind: "insert", version: BASE }]);
        if ((await rowsInDatabaseOrder(config)).includes(LEFT)) {
          const result = await downgrade(config, { target: `${LEFT}-1` });
          if (result.sql !== undefined) throw new Error("unexpected offline result");
          deepStrictEqual(result.steps.map((s) => s.revision), [LEFT]);
          deepStrictEqual(await tables(db, config), ["t_base"]);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }, "stale");
  });
}
