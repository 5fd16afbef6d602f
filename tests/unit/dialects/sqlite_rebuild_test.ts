import { assertEquals, assertThrows } from "../../_assert.ts";
import { UnsupportedOperationError } from "../../../lib/errors.ts";
import * as c from "../../../lib/operations/create.ts";
import type { BatchOperation } from "../../../lib/operations/types.ts";
import { batchAlterTable } from "../../../lib/operations/batch.ts";
import { rebuildStatements } from "../../../lib/dialects/sqlite/rebuild.ts";
import { alterTableLimit, needsRebuild } from "../../../lib/dialects/sqlite/rebuild_rules.ts";
import { SqliteDdl } from "../../../lib/dialects/sqlite/ddl.ts";
import { parseCreateTable } from "../../../lib/dialects/sqlite/_create_table_parser.ts";
import type { SqliteTableInfo } from "../../../lib/dialects/sqlite/introspect_table.ts";

const TABLE: SqliteTableInfo = {
  name: "item",
  sql: `CREATE TABLE item (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    "Code" VARCHAR(10) NOT NULL UNIQUE,
    price NUMERIC(8, 2) DEFAULT (0.0) CHECK (price >= 0),
    owner_id INTEGER REFERENCES owner (id) ON DELETE SET NULL,
    note TEXT COLLATE NOCASE,
    total REAL GENERATED ALWAYS AS (price * 2) VIRTUAL,
    CONSTRAINT ck_note CHECK (length(note) < 100)
  )`,
  columns: [
    { name: "id", type: "INTEGER", notNull: false, defaultSql: null, pk: 1, hidden: 0 },
    { name: "Code", type: "VARCHAR(10)", notNull: true, defaultSql: null, pk: 0, hidden: 0 },
    { name: "price", type: "NUMERIC(8, 2)", notNull: false, defaultSql: "0.0", pk: 0, hidden: 0 },
    { name: "owner_id", type: "INTEGER", notNull: false, defaultSql: null, pk: 0, hidden: 0 },
    { name: "note", type: "TEXT", notNull: false, defaultSql: null, pk: 0, hidden: 0 },
    { name: "total", type: "REAL", notNull: false, defaultSql: null, pk: 0, hidden: 2 },
  ],
  indexes: [
    {
      name: "ix_item_owner",
      sql: "CREATE INDEX ix_item_owner ON item (owner_id)",
      unique: false,
      origin: "c",
      partial: false,
      columns: ["owner_id"],
    },
    {
      name: "sqlite_autoindex_item_1",
      sql: null,
      unique: true,
      origin: "u",
      partial: false,
      columns: ["Code"],
    },
  ],
  foreignKeys: [{
    table: "owner",
    from: ["owner_id"],
    to: ["id"],
    onUpdate: "NO ACTION",
    onDelete: "SET NULL",
  }],
  referencedBy: ["line"],
  triggersAndViews: [
    {
      type: "trigger",
      name: "tr_item",
      table: "item",
      sql: "CREATE TRIGGER tr_item AFTER INSERT ON item BEGIN SELECT 1; END",
    },
    { type: "view", name: "v_item", table: "v_item", sql: "CREATE VIEW v_item AS SELECT id FROM item" },
    {
      type: "view",
      name: "v_v_item",
      table: "v_v_item",
      sql: "CREATE VIEW v_v_item AS SELECT * FROM v_item",
    },
    { type: "view", name: "v_other", table: "v_other", sql: "CREATE VIEW v_other AS SELECT 1 AS items" },
  ],
  hasSequence: true,
  foreignKeysEnabled: false,
};

Deno.test("needsRebuild follows SQLite's ALTER TABLE limits", async (t) => {
  const rows: [
    string,
    | ReturnType<typeof c.addColumn>
    | ReturnType<typeof c.dropColumn>
    | ReturnType<typeof c.alterColumn>
    | ReturnType<typeof c.createIndex>
    | ReturnType<typeof c.createCheckConstraint>
    | ReturnType<typeof c.dropConstraint>,
    string | undefined,
  ][] = [
    ["plain addColumn", c.addColumn("item", "x", { type: "text" }), undefined],
    [
      "addColumn NOT NULL with a default",
      c.addColumn("item", "x", { type: "text", nullable: false, default: "a" }),
      undefined,
    ],
    [
      "addColumn NOT NULL without a default",
      c.addColumn("item", "x", { type: "text", nullable: false }),
      'addColumn "x": ALTER TABLE ADD COLUMN cannot add a NOT NULL column without a default',
    ],
    [
      "addColumn UNIQUE",
      c.addColumn("item", "x", { type: "text", unique: true }),
      'addColumn "x": ALTER TABLE ADD COLUMN cannot add a UNIQUE column',
    ],
    [
      "addColumn PRIMARY KEY",
      c.addColumn("item", "x", { type: "integer", primaryKey: true }),
      'addColumn "x": ALTER TABLE ADD COLUMN cannot add a PRIMARY KEY column',
    ],
    [
      "addColumn STORED",
      c.addColumn("item", "x", { type: "integer", computed: { sql: "1", stored: true } }),
      'addColumn "x": ALTER TABLE ADD COLUMN cannot add a STORED generated column',
    ],
    [
      "addColumn CURRENT_TIMESTAMP default",
      c.addColumn("item", "x", { type: "timestamp", default: { sql: "CURRENT_TIMESTAMP" } }),
      'addColumn "x": ALTER TABLE ADD COLUMN cannot add a column with a non-constant default',
    ],
    [
      "dropColumn plain",
      c.dropColumn("item", "note"),
      'dropColumn "note": ALTER TABLE DROP COLUMN refuses it because a CHECK constraint or generated column uses it',
    ],
    [
      "dropColumn primary key",
      c.dropColumn("item", "id"),
      'dropColumn "id": ALTER TABLE DROP COLUMN refuses it because it is in the primary key',
    ],
    [
      "dropColumn UNIQUE",
      c.dropColumn("item", "Code"),
      'dropColumn "Code": ALTER TABLE DROP COLUMN refuses it because it is indexed or UNIQUE',
    ],
    [
      "dropColumn indexed foreign key",
      c.dropColumn("item", "owner_id"),
      'dropColumn "owner_id": ALTER TABLE DROP COLUMN refuses it because it is indexed or UNIQUE',
    ],
    [
      "dropColumn used by a generated column",
      c.dropColumn("item", "price"),
      'dropColumn "price": ALTER TABLE DROP COLUMN refuses it because a CHECK constraint or generated column uses it',
    ],
    ["dropColumn free", c.dropColumn("item", "total"), undefined],
    ["alterColumn rename", c.alterColumn("item", "note", { newName: "remark" }), undefined],
    ["alterColumn comment", c.alterColumn("item", "note", { comment: "x" }), undefined],
    [
      "alterColumn type and nullable",
      c.alterColumn("item", "note", { type: "varchar(5)", nullable: false }),
      `alterColumn "note": ALTER TABLE cannot change a column's type, nullable`,
    ],
    [
      "alterColumn default",
      c.alterColumn("item", "note", { default: null }),
      `alterColumn "note": ALTER TABLE cannot change a column's default`,
    ],
    ["createIndex", c.createIndex("ix", "item", ["note"]), undefined],
    [
      "createCheckConstraint",
      c.createCheckConstraint("ck", "item", "1"),
      'createCheckConstraint "ck": ALTER TABLE cannot add a constraint',
    ],
    [
      "dropConstraint",
      c.dropConstraint("ck_note", "item"),
      'dropConstraint "ck_note": ALTER TABLE cannot drop a constraint',
    ],
  ];
  for (const [name, op, reason] of rows) {
    await t.step(name, () => assertEquals(needsRebuild(op, TABLE), reason));
  }
});

Deno.test("alterTableLimit: what SQLite always refuses, what the compiler refuses, and what the planner rebuilds", async (t) => {
  // [case, op, limit hit (with the table), refused whatever the rows, read the table to decide]
  const rows: [string, BatchOperation, boolean, boolean][] = [
    ["plain addColumn", c.addColumn("item", "x", { type: "text" }), false, false],
    ["addColumn PRIMARY KEY", c.addColumn("item", "x", { type: "integer", primaryKey: true }), true, true],
    ["addColumn UNIQUE", c.addColumn("item", "x", { type: "text", unique: true }), true, true],
    [
      "addColumn STORED",
      c.addColumn("item", "x", { type: "integer", computed: { sql: "1", stored: true } }),
      true,
      true,
    ],
    [
      "addColumn NOT NULL without a default",
      c.addColumn("item", "x", { type: "text", nullable: false }),
      true,
      false,
    ],
    [
      "addColumn non-constant default",
      c.addColumn("item", "x", { type: "timestamp", default: { sql: "CURRENT_TIMESTAMP" } }),
      true,
      false,
    ],
    ["dropColumn free", c.dropColumn("item", "total"), false, false],
    ["dropColumn primary key", c.dropColumn("item", "id"), true, false],
    ["alterColumn rename", c.alterColumn("item", "note", { newName: "remark" }), false, false],
    ["alterColumn type", c.alterColumn("item", "note", { type: "text" }), true, true],
    ["alterColumn autoincrement", c.alterColumn("item", "id", { autoincrement: false }), true, true],
    ["createIndex", c.createIndex("ix", "item", ["note"]), false, false],
    ["dropIndex", c.dropIndex("ix", { table: "item" }), false, false],
    ["createPrimaryKey", c.createPrimaryKey("pk", "item", ["id"]), true, true],
    ["createUniqueConstraint", c.createUniqueConstraint("uq", "item", ["note"]), true, true],
    ["createForeignKey", c.createForeignKey("fk", "item", "owner", ["owner_id"], ["id"]), true, true],
    ["createCheckConstraint", c.createCheckConstraint("ck", "item", "1"), true, true],
    ["dropConstraint", c.dropConstraint("ck_note", "item"), true, true],
  ];
  const ddl = new SqliteDdl();
  for (const [name, op, hit, always] of rows) {
    await t.step(name, () => {
      const limit = alterTableLimit(op, TABLE);
      assertEquals(limit !== undefined, hit, "limit hit");
      assertEquals(limit?.always ?? false, always, "refused whatever the rows");
      // The compiler, which cannot read the table, refuses exactly the limits SQLite always enforces.
      let refused = false;
      try {
        ddl.compile(op);
      } catch (error) {
        if (!(error instanceof UnsupportedOperationError)) throw error;
        refused = true;
      }
      assertEquals(refused, always, "compiler refuses");
    });
  }
});

Deno.test("rebuildStatements renders the 12-step procedure", () => {
  const op = batchAlterTable("item", (b) => {
    b.alterColumn("price", { type: "numeric(10, 2)", nullable: false, default: 1 });
    b.alterColumn("note", { newName: "remark" });
    b.dropColumn("Code");
    b.addColumn("flag", { type: "boolean", nullable: false, default: false });
    b.createUniqueConstraint("uq_item_owner", ["owner_id", "remark"]);
    b.dropConstraint("ck_note");
    b.createIndex("ix_item_remark", ["remark"]);
  });
  const statements = rebuildStatements(TABLE, op.operations, new SqliteDdl(), op);
  assertEquals(statements.map((s) => s.sql), [
    "DROP VIEW IF EXISTS v_v_item",
    "DROP VIEW IF EXISTS v_item",
    "DROP TRIGGER IF EXISTS tr_item",
    "CREATE TABLE _retort_tmp_item (\n" +
    "    id INTEGER PRIMARY KEY AUTOINCREMENT,\n" +
    "    price NUMERIC(10, 2) CHECK (price >= 0) NOT NULL DEFAULT 1,\n" +
    "    owner_id INTEGER REFERENCES owner (id) ON DELETE SET NULL,\n" +
    "    note TEXT COLLATE NOCASE,\n" +
    "    total REAL GENERATED ALWAYS AS (price * 2) VIRTUAL,\n" +
    "    flag BOOLEAN DEFAULT 0 NOT NULL,\n" +
    "    CONSTRAINT uq_item_owner UNIQUE (owner_id, note)\n" +
    ")",
    "INSERT INTO _retort_tmp_item (id, price, owner_id, note) SELECT id, price, owner_id, note FROM item",
    "DELETE FROM sqlite_sequence WHERE name = '_retort_tmp_item'",
    "INSERT INTO sqlite_sequence (name, seq) SELECT '_retort_tmp_item', seq FROM sqlite_sequence WHERE name = 'item'",
    "DROP TABLE item",
    "ALTER TABLE _retort_tmp_item RENAME TO item",
    "CREATE INDEX ix_item_owner ON item (owner_id)",
    "CREATE TRIGGER tr_item AFTER INSERT ON item BEGIN SELECT 1; END",
    "CREATE VIEW v_item AS SELECT id FROM item",
    "CREATE VIEW v_v_item AS SELECT * FROM v_item",
    "ALTER TABLE item RENAME COLUMN note TO remark",
    "CREATE INDEX ix_item_remark ON item (remark)",
    "PRAGMA foreign_key_check(item)",
    "PRAGMA foreign_key_check(line)",
  ]);
  assertEquals(
    statements[0].comment,
    `Rebuild "item" (SQLite's 12-step ALTER TABLE procedure): alterColumn price, alterColumn note, dropColumn Code, ` +
      "addColumn flag, createUniqueConstraint uq_item_owner, dropConstraint ck_note, createIndex ix_item_remark",
  );
  assertEquals(statements.filter((s) => s.expectNoRows !== undefined).map((s) => s.expectNoRows), [
    'Cannot rebuild table "item": PRAGMA foreign_key_check(item) found rows that break foreign keys',
    'Cannot rebuild table "item": PRAGMA foreign_key_check(line) found rows that break foreign keys',
  ]);
  for (const s of statements) assertEquals(s.source, op);
});

Deno.test("rebuildStatements refuses changes it cannot make", () => {
  const ddl = new SqliteDdl();
  const refuse = (op: Parameters<typeof needsRebuild>[0]) =>
    assertThrows(() => rebuildStatements(TABLE, [op], ddl, op), UnsupportedOperationError).message;
  assertEquals(
    refuse(c.dropConstraint("nameless", "item")),
    'Cannot drop constraint "nameless" of "item" on SQLite: no constraint has that name (SQLite knows only the names written in CREATE TABLE)',
  );
  assertEquals(
    refuse(c.alterColumn("item", "missing", { type: "text" })),
    'Cannot alter column "item.missing" on SQLite: the table has no such column',
  );
  assertEquals(
    refuse(c.alterColumn("item", "id", { autoincrement: false })),
    'Cannot change autoincrement of "item.id" on SQLite: only an INTEGER PRIMARY KEY written with AUTOINCREMENT at creation autoincrements',
  );
});

Deno.test("parseCreateTable splits columns, clauses and table constraints", () => {
  const parsed = parseCreateTable(TABLE.sql + " WITHOUT ROWID");
  assertEquals(
    parsed.columns.map((col) => [col.name, col.type, col.clauses.map((k) => `${k.kind}:${k.text}`)]),
    [
      ["id", "INTEGER", ["primary:PRIMARY KEY AUTOINCREMENT"]],
      ["Code", "VARCHAR(10)", ["notnull:NOT NULL", "unique:UNIQUE"]],
      ["price", "NUMERIC(8, 2)", ["default:DEFAULT (0.0)", "check:CHECK (price >= 0)"]],
      ["owner_id", "INTEGER", ["references:REFERENCES owner (id) ON DELETE SET NULL"]],
      ["note", "TEXT", ["collate:COLLATE NOCASE"]],
      ["total", "REAL", ["generated:GENERATED ALWAYS AS (price * 2) VIRTUAL"]],
    ],
  );
  assertEquals(parsed.constraints.map((k) => [k.kind, k.name, k.text]), [
    ["check", "ck_note", "CONSTRAINT ck_note CHECK (length(note) < 100)"],
  ]);
  assertEquals(parsed.tail, " WITHOUT ROWID");
  const tricky = parseCreateTable(
    `CREATE TABLE "a,b" ("x,y" TEXT DEFAULT 'a,(b' CONSTRAINT "n n" NOT NULL, [z] INT -- c, d\n, PRIMARY KEY ("x,y", [z]))`,
  );
  assertEquals(tricky.columns.map((col) => [col.name, col.clauses.map((k) => k.name ?? k.kind)]), [
    ["x,y", ["default", "n n"]],
    ["z", []],
  ]);
  assertEquals(tricky.constraints.map((k) => [k.kind, k.columns]), [["primary", ["x,y", "z"]]]);
});
