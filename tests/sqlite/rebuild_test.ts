/**
 * SQLite table rebuilds on a 100,000-row table with two indexes, a trigger, a view over it, a
 * foreign key out (to `parent`) and one in (from `child`): after each kind of change the rows and
 * their content checksum, the AUTOINCREMENT counter, `foreign_key_check`, the indexes (used by the
 * planner), the trigger (fires) and the view (answers) are all as before.
 *
 * @module
 */
import { createHash } from "node:crypto";
import { assert, assertEquals, assertRejects } from "../_assert.ts";
import type { Connection } from "../../lib/dialects/dialect.ts";
import { sqliteDialect } from "../../lib/dialects/sqlite/dialect.ts";
import { UnsupportedOperationError } from "../../lib/errors.ts";
import * as c from "../../lib/operations/create.ts";
import { batchAlterTable } from "../../lib/operations/batch.ts";
import type { Operation } from "../../lib/operations/types.ts";
import { applyOnline } from "../_operations.ts";
import { MEMORY } from "./ddl_effects.ts";

const ROWS = 100_000;

async function setUp(): Promise<Connection> {
  const conn = await sqliteDialect.connect(MEMORY);
  await conn.executeScript(`
    CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
    INSERT INTO parent (id, name) VALUES (1, 'one'), (2, 'two'), (3, 'three');
    CREATE TABLE big (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      parent_id INTEGER REFERENCES parent (id) ON DELETE CASCADE,
      code TEXT NOT NULL,
      amount INTEGER,
      note TEXT,
      legacy TEXT
    );
    CREATE UNIQUE INDEX ix_big_code ON big (code);
    CREATE INDEX ix_big_parent_amount ON big (parent_id, amount);
    CREATE TABLE audit (n INTEGER NOT NULL);
    INSERT INTO audit VALUES (0);
    CREATE TRIGGER tr_big_audit AFTER UPDATE OF amount ON big BEGIN UPDATE audit SET n = n + 1; END;
    CREATE VIEW v_big AS SELECT b.id, b.code, p.name FROM big b JOIN parent p ON p.id = b.parent_id;
    CREATE TABLE child (id INTEGER PRIMARY KEY, big_id INTEGER NOT NULL REFERENCES big (id));
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${ROWS + 10})
    INSERT INTO big (parent_id, code, amount, note, legacy)
      SELECT 1 + i % 3, 'c' || i, i * 7 % 1000, 'note ' || i, 'l' || i FROM n;
    DELETE FROM big WHERE id > ${ROWS};
    INSERT INTO child (id, big_id) SELECT id, id * 3 FROM big WHERE id <= 1000;
  `);
  return conn;
}

/** Row count and a SHA-256 of every row of `big` (the columns the change keeps), in id order. */
async function checksum(
  conn: Connection,
  columns = "id, parent_id, code, amount, note",
): Promise<[number, string]> {
  const rows = await conn.query(`SELECT ${columns} FROM big ORDER BY id`);
  const hash = createHash("sha256");
  for (const r of rows) {
    hash.update(JSON.stringify(Object.values(r).map((v) => (v === null ? null : String(v)))));
  }
  return [rows.length, hash.digest("hex")];
}

/** Everything a rebuild must keep working. */
async function assertIntact(conn: Connection, sums: [number, string], columns?: string): Promise<void> {
  assertEquals(await checksum(conn, columns), sums);
  assertEquals(await conn.query("PRAGMA foreign_key_check"), []);
  assertEquals(await conn.query("SELECT seq FROM sqlite_sequence WHERE name = 'big'"), [{ seq: ROWS + 10 }]);
  const indexes = (await conn.query("PRAGMA index_list(big)")).filter((r) => r.origin === "c").map((r) =>
    r.name
  )
    .sort();
  assert(indexes.includes("ix_big_code") && indexes.includes("ix_big_parent_amount"), `indexes: ${indexes}`);
  const plan = await conn.query("EXPLAIN QUERY PLAN SELECT id FROM big WHERE code = 'c77'");
  assert(JSON.stringify(plan).includes("ix_big_code"), JSON.stringify(plan));
  assertEquals(await conn.query("SELECT id FROM big WHERE code = 'c77'"), [{ id: 77 }]);
  const [{ n: before }] = await conn.query("SELECT n FROM audit");
  await conn.execute("UPDATE big SET amount = amount WHERE id = 5");
  assertEquals(await conn.query("SELECT n FROM audit"), [{ n: Number(before) + 1 }]);
  assertEquals(await conn.query("SELECT count(*) AS n FROM v_big"), [{ n: ROWS }]);
  assertEquals(await conn.query("SELECT name FROM v_big WHERE id = 2"), [{ name: "three" }]);
  assertEquals(await conn.query("SELECT count(*) AS n FROM child JOIN big ON big.id = child.big_id"), [{
    n: 1000,
  }]);
  // A new row continues the AUTOINCREMENT counter, not max(id) + 1.
  const note = columns?.includes("remark") ? "remark" : "note";
  await conn.execute(`INSERT INTO big (parent_id, code, ${note}) VALUES (1, 'new', 'n')`);
  assertEquals(await conn.query("SELECT id FROM big WHERE code = 'new'"), [{ id: ROWS + 11 }]);
  await conn.execute("DELETE FROM big WHERE code = 'new'");
  await conn.execute(`UPDATE sqlite_sequence SET seq = ${ROWS + 10} WHERE name = 'big'`);
}

const CHANGES: readonly {
  name: string;
  setup?: readonly Operation[];
  ops: readonly Operation[];
  columns?: string;
  check?: string;
}[] = [
  {
    name: "alterColumn type",
    ops: [c.alterColumn("big", "amount", { type: "bigint" })],
    check: "amount BIGINT",
  },
  {
    name: "alterColumn nullable",
    ops: [c.alterColumn("big", "note", { nullable: false })],
    check: "note TEXT NOT NULL",
  },
  { name: "alterColumn default", ops: [c.alterColumn("big", "amount", { default: 0 })], check: "DEFAULT 0" },
  {
    name: "dropColumn of an indexed column",
    // The index on the dropped column goes with it; the other indexes stay.
    setup: [c.createIndex("ix_big_legacy", "big", ["legacy"])],
    ops: [c.dropColumn("big", "legacy")],
    check: "legacy",
  },
  {
    name: "createCheckConstraint",
    ops: [c.createCheckConstraint("ck_big_amount", "big", "amount >= 0")],
    check: "ck_big_amount",
  },
  {
    name: "createUniqueConstraint",
    ops: [c.createUniqueConstraint("uq_big_note", "big", ["note"])],
    check: "uq_big_note",
  },
  {
    name: "createForeignKey",
    setup: [c.addColumn("big", "other_id", { type: "integer" })],
    ops: [c.createForeignKey("fk_big_other", "big", "parent", ["other_id"], ["id"])],
    check: "fk_big_other",
  },
  {
    name: "dropConstraint",
    ops: [c.dropConstraint("ck_big_amount", "big", { type: "check" })],
    check: "ck_big_amount",
  },
  {
    name: "batchAlterTable with several changes and a rename",
    ops: [
      batchAlterTable("big", (b) => {
        b.alterColumn("amount", { type: "numeric(12, 2)", nullable: true });
        b.alterColumn("note", { newName: "remark" });
        b.createCheckConstraint("ck_big_code", "length(code) > 0");
        b.addColumn("flag", { type: "boolean", nullable: false, default: false });
      }),
    ],
    columns: "id, parent_id, code, amount, remark",
    check: "ck_big_code",
  },
  {
    name: "batchAlterTable with recreate always",
    ops: [batchAlterTable("big", () => {}, { recreate: "always" })],
    columns: "id, parent_id, code, amount, remark",
  },
];

Deno.test("SQLite table rebuilds keep 100,000 rows, indexes, trigger, view, foreign keys and the counter", async (t) => {
  const conn = await setUp();
  try {
    let columns: string | undefined;
    for (const change of CHANGES) {
      await t.step(change.name, async () => {
        if (change.setup) await applyOnline(conn, change.setup);
        const sums = await checksum(conn, columns);
        const before = String((await conn.query("SELECT sql FROM sqlite_master WHERE name = 'big'"))[0].sql);
        const planned = (await Promise.all(change.ops.map((op) => sqliteDialect.plan!(op, conn)))).flat();
        assert(
          planned.some((s) => s.sql.startsWith("CREATE TABLE _retort_tmp_big")),
          "no rebuild was planned",
        );
        await applyOnline(conn, change.ops);
        const after = String((await conn.query("SELECT sql FROM sqlite_master WHERE name = 'big'"))[0].sql);
        if (change.check) assert(before.includes(change.check) !== after.includes(change.check), after);
        columns = change.columns ?? columns;
        await assertIntact(conn, sums, columns);
      });
    }
  } finally {
    await conn.close();
  }
});

Deno.test("SQLite rebuild fails the step when foreign_key_check finds rows", async () => {
  const conn = await setUp();
  try {
    await conn.execute("INSERT INTO big (parent_id, code) VALUES (99, 'orphan')");
    const error = await assertRejects(
      () => applyOnline(conn, [c.alterColumn("big", "note", { type: "varchar(100)" })]),
      Error,
    );
    assert(
      error.message.startsWith(
        'Cannot rebuild table "big": PRAGMA foreign_key_check(big) found rows that break foreign keys: [{"table":"big"',
      ),
      error.message,
    );
    // The step rolled back: the old definition and every row are still there.
    assertEquals((await checksum(conn))[0], ROWS + 1);
    assert(
      String((await conn.query("SELECT sql FROM sqlite_master WHERE name = 'big'"))[0].sql).includes(
        "note TEXT",
      ),
    );
  } finally {
    await conn.close();
  }
});

Deno.test("batchAlterTable with recreate never fails naming the change that needs a rebuild", async () => {
  const conn = await setUp();
  try {
    const op = batchAlterTable("big", (b) => {
      b.addColumn("x", { type: "integer" });
      b.alterColumn("amount", { type: "text" });
    }, { recreate: "never" });
    const error = await assertRejects(() => sqliteDialect.plan!(op, conn), UnsupportedOperationError);
    assertEquals(
      error.message,
      'Cannot alter table "big" on SQLite with recreate: "never": alterColumn "amount": ALTER TABLE cannot ' +
        `change a column's type (use recreate: "auto" to rebuild the table)`,
    );
    assertEquals(error.hint, 'use recreate: "auto" to rebuild the table');
    const fine = batchAlterTable("big", (b) => b.addColumn("x", { type: "integer" }), { recreate: "never" });
    assertEquals((await sqliteDialect.plan!(fine, conn)).map((s) => s.sql), [
      "ALTER TABLE big ADD COLUMN x INTEGER",
    ]);
  } finally {
    await conn.close();
  }
});
