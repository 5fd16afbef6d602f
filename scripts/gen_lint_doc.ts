/**
 * Writes docs/lint.md from the rules table (`lib/lint/rules.ts`), so the documented rules are the
 * rules that run. `--check` exits 1 when the file differs from what it would write.
 *
 * Run: `deno run -A scripts/gen_lint_doc.ts [--check]`
 *
 * @module
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { LINT_RULES } from "../lib/lint/rules.ts";

const FILE = join(fileURLToPath(new URL("..", import.meta.url)), "docs", "lint.md");

/**
 * The text of docs/lint.md.
 *
 * @returns the Markdown document
 */
export function lintDoc(): string {
  const rows = LINT_RULES.map((r) => `| \`${r.id}\` | ${r.level} | ${r.summary} | ${r.instead} |`);
  return `# \`migrate lint\`

\`migrate lint [RANGE] [--all] [--ignore RULE...] [--json]\` reports what each revision would do to a live
database before it runs: the locks it takes, whether it rewrites a table, and what data it loses. The
revisions are walked offline by the same runner as \`upgrade --sql\`, so the statements linted are exactly
the ones an upgrade sends; each statement is analysed the way its database runs it:

- **PostgreSQL**: statements are parsed by PostgreSQL's own parser (libpg_query, the \`libpg-query\`
  package), and each is mapped to the lock it takes (PostgreSQL docs, section 13.3, table 13.2) and to
  whether it rewrites the table (ALTER TABLE's notes: a volatile default, a type change that is not
  binary-coercible, identity and stored generated columns).
- **MySQL/MariaDB**: the online DDL tables of the MySQL 8.0 manual (17.12.1) and MariaDB's InnoDB online
  DDL pages: INSTANT column additions, drops and renames; INPLACE indexes with concurrent DML; a type
  change or a foreign key with \`foreign_key_checks\` on copies the table (ALGORITHM=COPY). Every DDL
  statement commits, so schema and data changes in one revision cannot roll back together.
- **SQLite**: every write locks the whole database; what SQLite's ALTER TABLE cannot do is a table
  rebuild (SQLite docs, "ALTER TABLE", section 7) that copies every row.

Without a range, lint reads the database and lints the revisions not yet applied; \`--all\` lints every
revision from base without a database; \`START:END\` lints a range as \`upgrade --sql\` walks it. The
command exits 1 when an error-level rule fires. \`--json\` prints \`{ revisions, findings, errors }\`, each
finding with \`rule\`, \`level\`, \`revision\`, \`at\` (file:line), \`message\`, \`instead\`, \`statement\` and
\`lockLevel\`.

Changes to a table created earlier in the same revision lock nobody out and are not reported.

## Switching a rule off

- For every revision: \`lint_ignore = ["RULE", ...]\` in the config (an unknown id is an error).
- For one run: \`migrate lint --ignore RULE...\`.
- For one revision: a comment in the revision file, with the reason:
  \`-- migrate:lint-ignore RULE reason\` in a \`.sql\` revision, \`// migrate:lint-ignore RULE reason\` in a
  TypeScript revision. An unknown rule id or a missing reason is an error.

## Rules

| id | level | what is unsafe | what to do instead |
| --- | --- | --- | --- |
${rows.join("\n")}
`;
}

if (import.meta.main) {
  const text = lintDoc();
  if (process.argv.includes("--check")) {
    if (readFileSync(FILE, "utf8") !== text) {
      console.error(`${FILE} is stale: run deno run -A scripts/gen_lint_doc.ts`);
      process.exit(1);
    }
  } else writeFileSync(FILE, text);
}
