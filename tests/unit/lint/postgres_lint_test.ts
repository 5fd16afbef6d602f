import { assertEquals } from "../../_assert.ts";
import { postgresLinter } from "../../../lib/dialects/postgres/lint.ts";
import { alterColumn } from "../../../lib/operations/create.ts";

const CASES: [string, string][] = [
  ["ALTER TABLE t ADD COLUMN a int DEFAULT 0", "add-column t.a ACCESS EXCLUSIVE"],
  ["ALTER TABLE t ADD COLUMN a uuid DEFAULT gen_random_uuid()", "add-column t.a ACCESS EXCLUSIVE rewrite"],
  ["ALTER TABLE t ADD COLUMN a timestamptz DEFAULT now()", "add-column t.a ACCESS EXCLUSIVE"],
  ["ALTER TABLE t ADD COLUMN id bigserial", "add-column t.id ACCESS EXCLUSIVE rewrite"],
  ["ALTER TABLE t ADD COLUMN a int NOT NULL", "add-column t.a ACCESS EXCLUSIVE nn"],
  ["ALTER TABLE t ALTER COLUMN a TYPE bigint", "alter-column-type t.a ACCESS EXCLUSIVE rewrite"],
  ["ALTER TABLE t ALTER COLUMN a SET NOT NULL", "set-not-null t.a ACCESS EXCLUSIVE"],
  [
    "ALTER TABLE t ADD CONSTRAINT f FOREIGN KEY (a) REFERENCES u (id)",
    "add-foreign-key t SHARE ROW EXCLUSIVE valid",
  ],
  [
    "ALTER TABLE t ADD CONSTRAINT f FOREIGN KEY (a) REFERENCES u (id) NOT VALID",
    "add-foreign-key t SHARE ROW EXCLUSIVE not-valid",
  ],
  ["ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) NOT VALID", "add-check t ACCESS EXCLUSIVE not-valid"],
  ["ALTER TABLE t VALIDATE CONSTRAINT c", "other-ddl t SHARE UPDATE EXCLUSIVE"],
  ["ALTER TABLE t ADD CONSTRAINT u UNIQUE (a)", "add-unique t ACCESS EXCLUSIVE new-index"],
  ["ALTER TABLE t ADD CONSTRAINT u UNIQUE USING INDEX ix", "add-unique t ACCESS EXCLUSIVE using-index"],
  ["CREATE INDEX ix ON t (a)", "create-index t SHARE blocking"],
  ["CREATE INDEX CONCURRENTLY ix ON t (a)", "create-index t SHARE UPDATE EXCLUSIVE concurrent"],
  ["DROP INDEX CONCURRENTLY ix", "drop-index ix SHARE UPDATE EXCLUSIVE concurrent"],
  ["ALTER TABLE s.t RENAME COLUMN a TO b", "rename-column t.a ACCESS EXCLUSIVE"],
  ["DROP TABLE a, b", "drop-table a ACCESS EXCLUSIVE, drop-table b ACCESS EXCLUSIVE"],
  ["UPDATE t SET a = 1", "data-change t ROW EXCLUSIVE"],
  ["DO $$ BEGIN PERFORM 1; END $$", "other-ddl"],
];

function show(facts: Awaited<ReturnType<typeof postgresLinter.statement>>): string {
  return facts.map((f) =>
    [
      `${f.action}${f.table ? ` ${f.table}${f.column ? `.${f.column}` : ""}` : ""}`,
      f.lockLevel,
      f.rewritesTable ? "rewrite" : undefined,
      f.notNullWithoutDefault ? "nn" : undefined,
      f.notValid === undefined ? undefined : f.notValid ? "not-valid" : "valid",
      f.usingIndex === undefined ? undefined : f.usingIndex ? "using-index" : "new-index",
      f.concurrently === undefined ? undefined : f.concurrently ? "concurrent" : "blocking",
    ].filter(Boolean).join(" ")
  ).join(", ");
}

Deno.test("postgresLinter reads lock levels and rewrites from PostgreSQL's own parse tree", async (t) => {
  for (const [sql, expected] of CASES) {
    await t.step(sql, async () => assertEquals(show(await postgresLinter.statement(sql)), expected));
  }
});

Deno.test("postgresLinter: a binary-coercible varchar widening does not rewrite; a narrowing loses data", async () => {
  const stmt = (to: string) => [{ sql: `ALTER TABLE t ALTER COLUMN a TYPE ${to}` }];
  const wider = alterColumn("t", "a", { type: "varchar(100)", existing: { type: "varchar(50)" } });
  const [w] = await postgresLinter.operation(wider, stmt("varchar(100)"));
  assertEquals([w.rewritesTable, w.narrowing], [false, false]);
  const narrower = alterColumn("t", "a", { type: "varchar(20)", existing: { type: "varchar(50)" } });
  const [n] = await postgresLinter.operation(narrower, stmt("varchar(20)"));
  assertEquals([n.rewritesTable, n.narrowing], [true, true]);
});
