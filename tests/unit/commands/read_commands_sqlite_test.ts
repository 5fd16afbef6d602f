/**
 * The read commands end to end on a real SQLite file: config file, revision files, version table.
 */
import { deepStrictEqual, rejects, strictEqual } from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../../../lib/config/load.ts";
import { withConnection } from "../../../lib/commands/_project.ts";
import { current, formatCurrent } from "../../../lib/commands/current.ts";
import { formatHistory, history } from "../../../lib/commands/history.ts";
import { formatHeads, heads } from "../../../lib/commands/heads.ts";
import { formatShow, show } from "../../../lib/commands/show.ts";
import { branches, formatBranches } from "../../../lib/commands/branches.ts";
import {
  applyVersionActions,
  ensureVersionTable,
  versionTableName,
} from "../../../lib/runtime/version_table.ts";

function sqlRevision(id: string, down: string, message: string): string {
  return `-- revision: ${id}\n-- down_revision: ${down}\n-- branch_labels:\n-- depends_on:\n-- message: ${message}\n` +
    `-- create_date: 2026-11-21 10:02:03\n\n-- migrate:up\nSELECT 1;\n\n-- migrate:down\nSELECT 1;\n`;
}

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), "retort-read-"));
  writeFileSync(join(dir, "migrate.toml"), 'script_location = "migrations"\nurl = "sqlite:///app.db"\n');
  const versions = join(dir, "migrations", "versions");
  mkdirSync(versions, { recursive: true });
  writeFileSync(
    join(versions, "27c6a30d7c24_create_table.sql"),
    sqlRevision("27c6a30d7c24", "", "create table"),
  );
  writeFileSync(
    join(versions, "1975ea83b712_create_account_table.sql"),
    sqlRevision("1975ea83b712", "27c6a30d7c24", "create account table"),
  );
  return dir;
}

Deno.test("read commands work on a SQLite project", async (t) => {
  const dir = project();
  try {
    const config = await loadConfig({ cwd: dir, environ: {} });
    await t.step("current on an empty database prints nothing", async () => {
      strictEqual(formatCurrent(await current(config)), "");
    });
    await withConnection(config, async (conn) => {
      await ensureVersionTable(conn, versionTableName(config));
      await applyVersionActions(conn, versionTableName(config), [{
        kind: "insert",
        version: "27c6a30d7c24",
      }]);
    });
    await t.step("current shows the row", async () => {
      const result = await current(config, { verbose: false });
      deepStrictEqual(result.versions, ["27c6a30d7c24"]);
      strictEqual(formatCurrent(result), "27c6a30d7c24\n");
      strictEqual(
        formatCurrent(result, { verbose: true }).split("\n").slice(0, 3).join("\n"),
        `Current revision(s) for sqlite:///${join(dir, "app.db")}:\nRev: 27c6a30d7c24\nParent: <base>`,
      );
    });
    await t.step("current without a config file lists the raw rows", async () => {
      const urlOnly = await loadConfig({
        cwd: tmpdir(),
        url: `sqlite:///${join(dir, "app.db")}`,
        environ: {},
      });
      strictEqual(urlOnly.file, undefined);
      const result = await current(urlOnly);
      strictEqual(result.revisions, undefined);
      strictEqual(formatCurrent(result), "27c6a30d7c24\n");
    });
    await t.step("history --indicate-current marks the row", async () => {
      const result = await history(config, { indicateCurrent: true });
      strictEqual(
        formatHistory(result),
        "27c6a30d7c24 -> 1975ea83b712 (head), create account table\n" +
          "<base> -> 27c6a30d7c24 (current), create table\n",
      );
    });
    await t.step("history -r current: starts at the row", async () => {
      strictEqual(
        formatHistory(await history(config, { range: "current:" })),
        "27c6a30d7c24 -> 1975ea83b712 (head), create account table\n<base> -> 27c6a30d7c24, create table\n",
      );
    });
    await t.step("heads, branches and show need no database", async () => {
      strictEqual(formatHeads(await heads(config)), "1975ea83b712 (head)\n");
      strictEqual(formatBranches(await branches(config)), "");
      const text = formatShow(await show(config, { revision: "current" }));
      strictEqual(
        text,
        "Rev: 27c6a30d7c24\nParent: <base>\n" +
          `Path: ${join(dir, "migrations", "versions", "27c6a30d7c24_create_table.sql")}\n\n` +
          "    create table\n    \n    Revision ID: 27c6a30d7c24\n    Revises: \n    Create Date: 2026-11-21 10:02:03\n\n",
      );
    });
    await t.step("heads without a config file fails naming where it looked", async () => {
      const urlOnly = await loadConfig({
        cwd: tmpdir(),
        url: `sqlite:///${join(dir, "app.db")}`,
        environ: {},
      });
      await rejects(() => heads(urlOnly), {
        name: "ConfigError",
        message: `Cannot find a config file: looked for migrate.toml and migrate.json in ${tmpdir()}; ` +
          `create one with "migrate init", or pass -c PATH`,
      });
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
