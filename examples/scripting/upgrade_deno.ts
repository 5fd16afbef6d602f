#!/usr/bin/env -S deno run -A
/**
 * Upgrade a SQLite database from a Deno program: `deno run -A examples/scripting/upgrade_deno.ts app.db`.
 * Prints each revision as it is applied, then a JSON summary on the last line.
 *
 * @module
 */
import process from "node:process";
import { upgradeToHead } from "./upgrade.ts";

const file = process.argv[2] ?? "app.db";
const report = await upgradeToHead(file, "deno");
const applied = report.run.steps.filter((s) => s.status === "applied").map((s) => s.revision);
console.log(
  JSON.stringify({
    runtime: "deno",
    from: report.run.from,
    to: report.run.to,
    applied,
    versions: report.versions,
  }),
);
