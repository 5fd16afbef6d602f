#!/usr/bin/env bun
/**
 * Upgrade a SQLite database from a Bun program: `bun examples/scripting/upgrade_bun.ts app.db`.
 * Prints each revision as it is applied, then a JSON summary on the last line.
 *
 * @module
 */
import process from "node:process";
import { upgradeToHead } from "./upgrade.ts";

const file = process.argv[2] ?? "app.db";
const report = await upgradeToHead(file, "bun");
const applied = report.run.steps.filter((s) => s.status === "applied").map((s) => s.revision);
console.log(
  JSON.stringify({
    runtime: "bun",
    from: report.run.from,
    to: report.run.to,
    applied,
    versions: report.versions,
  }),
);
