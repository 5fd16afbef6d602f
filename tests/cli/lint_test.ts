/**
 * `migrate lint` through dist/migrate, one suite run against each database: a history holding each
 * rule's case reports each finding with its rule id, file:line and the database's lock, exits 1 on
 * errors; a history of safe revisions reports nothing and exits 0.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { assertEquals } from "../_assert.ts";
import { withMysqlDatabase, withPostgresDatabase } from "../_db.ts";
import { describeRun, type RevisionSpec, withProject } from "./_project.ts";

const SAFE: RevisionSpec = {
  id: "a1",
  down: null,
  tsUp:
    `op.createTable("account", { id: { type: "integer", primaryKey: true }, name: { type: "varchar(50)" } });
  op.createIndex("ix_account_name", "account", ["name"]);`,
  tsDown: `op.dropTable("account");`,
};

// Each op call on its own line: the findings name these lines (the template's body starts at line 15).
const RISKY: RevisionSpec = {
  id: "a2",
  down: "a1",
  tsUp: [
    `op.alterColumn("account", "name", { type: "varchar(20)", existing: { type: "varchar(50)" } });`,
    `  op.addColumn("account", "email", { type: "varchar(100)", nullable: false });`,
    `  op.createIndex("ix_account_email", "account", ["email"]);`,
    `  op.createTable("team", { id: { type: "integer", primaryKey: true } });`,
    `  op.addColumn("account", "team_id", { type: "integer" });`,
    `  op.createForeignKey("fk_account_team", "account", "team", ["team_id"], ["id"]);`,
    `  op.alterColumn("account", "name", { newName: "full_name" });`,
    `  op.dropColumn("account", "email");`,
  ].join("\n"),
  tsDown: ``,
};

const DATA: RevisionSpec = {
  id: "a3",
  down: "a2",
  up: [
    "-- migrate:lint-ignore data-loss the team table is recreated by the next release",
    "UPDATE account SET full_name = 'x';",
    "DROP TABLE team;",
  ].join("\n"),
  downSql: "CREATE TABLE team (id INTEGER PRIMARY KEY);",
};

interface Expected {
  readonly name: string;
  readonly withDatabase: <T>(fn: (url: string) => Promise<T>) => Promise<T>;
  /** `rule @ line (lock)` of each finding of the risky history, in report order. */
  readonly findings: readonly string[];
}

const DIALECTS: readonly Expected[] = [
  {
    name: "postgresql",
    withDatabase: (fn) => withPostgresDatabase(fn, "lint"),
    findings: [
      "table-rewrite @ a2:15 (ACCESS EXCLUSIVE)",
      "data-loss @ a2:15 (ACCESS EXCLUSIVE)",
      "add-not-null-without-default @ a2:16 (ACCESS EXCLUSIVE)",
      "index-without-concurrently @ a2:17 (SHARE)",
      "constraint-without-not-valid @ a2:20 (SHARE ROW EXCLUSIVE)",
      "rename @ a2:21 (ACCESS EXCLUSIVE)",
      "data-loss @ a2:22 (ACCESS EXCLUSIVE)",
      "empty-downgrade @ a2",
    ],
  },
  {
    name: "mysql",
    withDatabase: (fn) => withMysqlDatabase(fn, "lint"),
    findings: [
      "table-rewrite @ a2:15 (exclusive metadata lock; writes blocked while the table is copied (ALGORITHM=COPY))",
      "data-loss @ a2:15 (exclusive metadata lock; writes blocked while the table is copied (ALGORITHM=COPY))",
      "table-rewrite @ a2:20 (exclusive metadata lock; writes blocked while the table is copied (ALGORITHM=COPY))",
      "rename @ a2:21 (exclusive metadata lock (INSTANT))",
      "data-loss @ a2:22 (exclusive metadata lock (INSTANT))",
      "empty-downgrade @ a2",
      "ddl-with-data @ a3",
    ],
  },
  {
    name: "sqlite",
    withDatabase: async (fn) => {
      const dir = mkdtempSync(join(tmpdir(), "retort-lint-"));
      try {
        return await fn(`sqlite:///${join(dir, "app.db")}`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    findings: [
      "table-rewrite @ a2:15 (the database write lock)",
      "table-rewrite @ a2:16 (the database write lock)",
      "add-not-null-without-default @ a2:16 (the database write lock)",
      "table-rewrite @ a2:20 (the database write lock)",
      "rename @ a2:21 (the database write lock)",
      "table-rewrite @ a2:22 (the database write lock)",
      "data-loss @ a2:22 (the database write lock)",
      "empty-downgrade @ a2",
    ],
  },
];

interface Finding {
  rule: string;
  level: string;
  revision: string;
  at: string;
  lockLevel?: string;
}

function summary(findings: readonly Finding[]): string[] {
  return findings.map((f) => {
    const line = /:(\d+)$/.exec(f.at)?.[1];
    return `${f.rule} @ ${f.revision}${line ? `:${line}` : ""}${f.lockLevel ? ` (${f.lockLevel})` : ""}`;
  });
}

for (const d of DIALECTS) {
  Deno.test(`migrate lint reports each rule's case with its id, line and lock (${d.name})`, async (t) => {
    await d.withDatabase((url) =>
      withProject(url, [SAFE, RISKY, DATA], async (project) => {
        await t.step("--all: every finding, exit 1 on errors", async () => {
          const r = await project.run(["--json", "lint", "--all"]);
          assertEquals(r.code, 1, describeRun(r));
          const result = JSON.parse(r.stdout) as { revisions: string[]; findings: Finding[]; errors: number };
          assertEquals(result.revisions, ["a1", "a2", "a3"]);
          assertEquals(summary(result.findings), d.findings);
          for (const f of result.findings) {
            assertEquals(
              f.at.startsWith(f.revision === "a3" ? project.file("a3") : project.file("a2")),
              true,
            );
          }
        });

        await t.step("human output names file:line, level, rule and the safer way", async () => {
          const r = await project.run(["lint", "--all"]);
          assertEquals(r.code, 1, describeRun(r));
          const first = r.stdout.split("\n")[0];
          assertEquals(first.startsWith(`${project.file("a2")}:15: error [table-rewrite] `), true, first);
          assertEquals(r.stdout.includes("\n  instead: "), true);
        });

        await t.step("a history of safe revisions reports nothing and exits 0", async () => {
          const r = await project.run(["--json", "lint", "base:a1"]);
          assertEquals([r.code, JSON.parse(r.stdout).findings], [0, []], describeRun(r));
        });

        await t.step("without a range: only the revisions not yet applied", async () => {
          const up = await project.run(["upgrade", "a1"]);
          assertEquals(up.code, 0, describeRun(up));
          const r = await project.run(["--json", "lint"]);
          assertEquals(JSON.parse(r.stdout).revisions, ["a2", "a3"], describeRun(r));
        });

        await t.step("lint_ignore in the config switches a rule off; an unknown id is refused", async () => {
          const toml = join(project.dir, "migrate.toml");
          const before = readFileSync(toml, "utf8");
          try {
            writeFileSync(toml, `${before}lint_ignore = ["rename"]\n`);
            const r = await project.run(["--json", "lint", "--all"]);
            assertEquals(
              summary(JSON.parse(r.stdout).findings),
              d.findings.filter((f) => !f.startsWith("rename ")),
            );
            writeFileSync(toml, `${before}lint_ignore = ["no-such-rule"]\n`);
            const bad = await project.run(["lint", "--all"]);
            assertEquals(bad.code, 2, describeRun(bad));
            assertEquals(
              bad.stderr.includes('Cannot ignore lint rule "no-such-rule" (lint_ignore in '),
              true,
              bad.stderr,
            );
          } finally {
            writeFileSync(toml, before);
          }
        });

        await t.step("--ignore switches a rule off; an unknown id is refused", async () => {
          const r = await project.run([
            "--json",
            "lint",
            "--all",
            "--ignore",
            "empty-downgrade",
            "table-rewrite",
          ]);
          assertEquals(
            summary(JSON.parse(r.stdout).findings),
            d.findings.filter((f) => !/^(empty-downgrade|table-rewrite) /.test(f)),
          );
          const bad = await project.run(["lint", "--all", "--ignore", "no-such-rule"]);
          assertEquals([bad.code, bad.stderr.trim()], [
            2,
            `Error: Cannot ignore lint rule "no-such-rule": no rule has that id`,
          ]);
        });
      })
    );
  });
}
