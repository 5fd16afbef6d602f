import { assertEquals, assertThrows } from "../../_assert.ts";
import { lintRevisions, parseLintIgnores } from "../../../lib/lint/lint_revisions.ts";
import type { LintedRevision } from "../../../lib/lint/rules.ts";

const rev = (
  statements: LintedRevision["statements"],
  extra: Partial<LintedRevision> = {},
): LintedRevision => ({
  revision: "r1",
  file: "versions/r1.sql",
  statements,
  downgradeStatements: 1,
  nonTransactional: false,
  ...extra,
});

Deno.test("lintRevisions leaves alone changes to a table created earlier in the same revision", () => {
  const r = rev([
    { sql: "CREATE TABLE t (a int)", facts: [{ action: "create-table", table: "t" }] },
    {
      sql: "CREATE INDEX ix ON t (a)",
      at: "f:3",
      facts: [{ action: "create-index", table: "t", concurrently: false }],
    },
    {
      sql: "CREATE INDEX iy ON u (a)",
      at: "f:4",
      facts: [{ action: "create-index", table: "u", concurrently: false }],
    },
  ]);
  const findings = lintRevisions([r], { transactionalDdl: true });
  assertEquals(findings.map((f) => [f.rule, f.at]), [["index-without-concurrently", "f:4"]]);
});

Deno.test("lintRevisions: empty downgrade, DDL with data where DDL commits, and ignores", () => {
  const r = rev([
    { sql: "UPDATE t SET a = 1", facts: [{ action: "data-change", table: "t" }] },
    { sql: "ALTER TABLE t DROP COLUMN b", facts: [{ action: "drop-column", table: "t", column: "b" }] },
  ], { downgradeStatements: 0 });
  assertEquals(lintRevisions([r], { transactionalDdl: false }).map((f) => f.rule), [
    "data-loss",
    "empty-downgrade",
    "ddl-with-data",
  ]);
  assertEquals(lintRevisions([r], { transactionalDdl: true }).map((f) => f.rule), [
    "data-loss",
    "empty-downgrade",
  ]);
  assertEquals(
    lintRevisions([r], {
      transactionalDdl: true,
      ignore: ["data-loss"],
      ignoreByRevision: new Map([["r1", ["empty-downgrade"]]]),
    }),
    [],
  );
});

Deno.test("parseLintIgnores reads SQL and TypeScript comments and refuses unknown rules or no reason", () => {
  assertEquals(
    parseLintIgnores(
      "SELECT 1;\n-- migrate:lint-ignore rename old name unused\n  // migrate:lint-ignore data-loss backed up",
    ),
    [
      { rule: "rename", reason: "old name unused", line: 2 },
      { rule: "data-loss", reason: "backed up", line: 3 },
    ],
  );
  assertThrows(
    () => parseLintIgnores("-- migrate:lint-ignore nope why"),
    RangeError,
    "at line 1: no rule has that id",
  );
  assertThrows(
    () => parseLintIgnores("\n-- migrate:lint-ignore rename"),
    RangeError,
    "at line 2: give the reason",
  );
});
