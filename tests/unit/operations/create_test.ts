import * as c2 from "../../../lib/operations/create.ts";
import { assert, assertEquals, assertStringIncludes, assertThrows } from "../../_assert.ts";
import {
  addColumn,
  bulkInsert,
  createIndex,
  createTable,
  dropColumn,
  dropIndex,
  dropTable,
  execute,
  renameTable,
  resolveReference,
} from "../../../lib/operations/create.ts";
import type { Column } from "../../../lib/operations/types.ts";

function message(fn: () => unknown, type: typeof TypeError | typeof RangeError = TypeError): string {
  return assertThrows(fn, type).message;
}

Deno.test("execute builds a frozen operation with copied params", () => {
  const params = ["a", 1];
  const op = execute("UPDATE t SET a = ? WHERE id = ?", params);
  params.push(2);
  assertEquals(op, { kind: "execute", sql: "UPDATE t SET a = ? WHERE id = ?", params: ["a", 1] });
  assert(Object.isFrozen(op) && Object.isFrozen(op.params));
  assertEquals(execute("SELECT 1"), { kind: "execute", sql: "SELECT 1" });
});

Deno.test("execute rejects empty SQL and bad params", () => {
  assertEquals(message(() => execute("  ")), "Cannot create execute operation: SQL text is empty");
  assertEquals(
    message(() => execute("SELECT ?", [undefined as unknown as null])),
    "Cannot create execute operation: parameter 1: undefined is not an SQL value",
  );
  assertEquals(
    message(() => execute("SELECT ?", [NaN]), RangeError),
    "Cannot create execute operation: parameter 1: NaN is not a finite number",
  );
  assertEquals(
    message(() => execute("SELECT ?", "x" as unknown as [])),
    'Cannot create execute operation: params must be an array, got "x"',
  );
});

Deno.test("createTable keeps column order and deep-freezes a copy", () => {
  const columns: Record<string, Column> = {
    z: { type: "integer", primaryKey: true },
    a: { type: "text", default: { sql: "''" }, references: "other.code" },
  };
  const op = createTable("t", columns, { schema: "s", ifNotExists: true });
  (columns.z as { type: string }).type = "changed";
  assertEquals(op, {
    kind: "createTable",
    table: "t",
    columns: {
      z: { type: "integer", primaryKey: true },
      a: { type: "text", default: { sql: "''" }, references: "other.code" },
    },
    schema: "s",
    ifNotExists: true,
  });
  assertEquals(Object.keys(op.columns), ["z", "a"]);
  assert(Object.isFrozen(op) && Object.isFrozen(op.columns) && Object.isFrozen(op.columns.a));
  assert(Object.isFrozen(op.columns.a.default));
});

Deno.test("createTable drops false flags and empty schema so equal intents build equal operations", () => {
  assertEquals(
    createTable("t", { a: { type: "text" } }, { ifNotExists: false, schema: "" }),
    createTable("t", { a: { type: "text" } }),
  );
});

Deno.test("createTable rejects bad tables and columns with clear messages", () => {
  assertEquals(
    message(() => createTable("", { a: { type: "text" } })),
    "Cannot create createTable operation: table name is empty",
  );
  assertEquals(
    message(() => createTable("t", {})),
    'Cannot create createTable operation for "t": no columns given',
  );
  assertEquals(
    message(() => createTable("t", { a: {} as Column })),
    'Cannot create createTable operation for "t": column "a": type is missing',
  );
  assertEquals(
    message(() => createTable("t", { a: { type: "text", nulable: false } as unknown as Column })),
    'Cannot create createTable operation for "t": column "a": unknown key "nulable" (expected one of type, nullable, default, primaryKey, autoincrement, unique, references, comment, computed, identity, enum, collation, charset, onUpdate)',
  );
  assertEquals(
    message(() => createTable("t", { a: { type: "int", primaryKey: true, nullable: true } })),
    'Cannot create createTable operation for "t": column "a": a primary key column cannot be nullable',
  );
  assertEquals(
    message(() => createTable("t", { a: { type: "int", references: "a..b" } })),
    'Cannot create createTable operation for "t": column "a": Cannot resolve references "a..b": expected "table", "table.column" or "schema.table.column"',
  );
  assertEquals(
    message(
      () =>
        createTable("t", { a: { type: "int", references: { table: "x", onDelete: "boom" as "cascade" } } }),
      RangeError,
    ),
    'Cannot create createTable operation for "t": column "a": references.onDelete is "boom" (expected one of "cascade", "restrict", "set null", "set default", "no action")',
  );
  assertEquals(
    message(() => createTable("t", { a: { type: "int", default: 1, computed: { sql: "b" } } })),
    'Cannot create createTable operation for "t": column "a": a computed column cannot have a default',
  );
  assertEquals(
    message(() => createTable("t", { a: { type: "int", default: Infinity } }), RangeError),
    'Cannot create createTable operation for "t": column "a": default: Infinity is not a finite number',
  );
  assertEquals(
    message(() => createTable("t", { a: { type: "int" } }, { ifnotexists: true } as never)),
    'Cannot create createTable operation: unknown option "ifnotexists" (expected one of schema, ifNotExists, primaryKey, uniqueConstraints, foreignKeys, checkConstraints, indexes, comment, mysql, sqlite, partitionBy, partitionOf, inherits)',
  );
  assertEquals(
    message(() => createTable("t", { a: { type: "int", nullable: "no" as unknown as boolean } })),
    'Cannot create createTable operation for "t": column "a": nullable must be a boolean, got "no"',
  );
});

Deno.test("dropTable, renameTable and dropColumn build frozen operations", () => {
  assertEquals(dropTable("t", { ifExists: true }), { kind: "dropTable", table: "t", ifExists: true });
  assertEquals(renameTable("a", "b", { schema: "s" }), {
    kind: "renameTable",
    table: "a",
    newName: "b",
    schema: "s",
  });
  assertEquals(dropColumn("t", "c"), { kind: "dropColumn", table: "t", column: "c" });
  assert(Object.isFrozen(dropColumn("t", "c")));
  assertEquals(
    message(() => renameTable("a", "a"), RangeError),
    'Cannot create renameTable operation: old and new names are both "a"',
  );
  assertEquals(
    message(() => dropColumn("t", "")),
    "Cannot create dropColumn operation: column name is empty",
  );
  assertEquals(
    message(() => dropTable("a\0b")),
    'Cannot create dropTable operation: table name "a\0b" holds a NUL character',
  );
});

Deno.test("addColumn copies Date and byte defaults", () => {
  const date = new Date(Date.UTC(2020, 0, 1));
  const op = addColumn("t", "d", { type: "timestamp", default: date });
  date.setUTCFullYear(1999);
  assertEquals(op.definition.default, new Date(Date.UTC(2020, 0, 1)));
  const bytes = new Uint8Array([1, 2]);
  const op2 = addColumn("t", "b", { type: "binary", default: bytes });
  bytes[0] = 9;
  assertEquals(op2.definition.default, new Uint8Array([1, 2]));
});

Deno.test("createIndex validates columns", () => {
  assertEquals(createIndex("ix", "t", ["a", { sql: "lower(b)" }], { unique: true }), {
    kind: "createIndex",
    name: "ix",
    table: "t",
    columns: ["a", { sql: "lower(b)" }],
    unique: true,
  });
  assertEquals(
    message(() => createIndex("ix", "t", [])),
    'Cannot create createIndex operation "ix": no columns given',
  );
  assertEquals(
    message(() => createIndex("ix", "t", [""])),
    'Cannot create createIndex operation "ix": column 1 is empty',
  );
  assertEquals(
    message(() => createIndex("ix", "t", [{ sql: "" }])),
    'Cannot create createIndex operation "ix": column 1: expected a name or { sql } with non-empty sql, got an object',
  );
  assertEquals(
    message(() => createIndex("", "t", ["a"])),
    "Cannot create createIndex operation: index name is empty",
  );
});

Deno.test("dropIndex keeps the table when given", () => {
  assertEquals(dropIndex("ix", { table: "t", ifExists: true }), {
    kind: "dropIndex",
    name: "ix",
    table: "t",
    ifExists: true,
  });
  assertEquals(dropIndex("ix"), { kind: "dropIndex", name: "ix" });
  assertEquals(
    message(() => dropIndex("ix", { tabel: "t" } as never)),
    'Cannot create dropIndex operation: unknown option "tabel" (expected one of schema, table, ifExists, concurrently)',
  );
});

Deno.test("bulkInsert copies rows and rejects values that are not SQL values", () => {
  const rows = [{ id: 1, at: new Date(0) }];
  const op = bulkInsert("t", rows);
  rows[0].id = 5;
  assertEquals(op, { kind: "bulkInsert", table: "t", rows: [{ id: 1, at: new Date(0) }] });
  assert(Object.isFrozen(op.rows) && Object.isFrozen(op.rows[0]));
  assertEquals(bulkInsert("t", []), { kind: "bulkInsert", table: "t", rows: [] });
  assertEquals(
    message(() => bulkInsert("t", [{ a: undefined as unknown as null }])),
    'Cannot create bulkInsert operation for "t": row 1 column "a": undefined is not an SQL value',
  );
  assertEquals(
    message(() => bulkInsert("t", [{ a: 1 }, [] as never])),
    'Cannot create bulkInsert operation for "t": row 2 is an array, not an object',
  );
  assertEquals(
    message(() => bulkInsert("t", [{ a: { sql: "now()" } as never }])),
    'Cannot create bulkInsert operation for "t": row 1 column "a": { sql } expressions are not evaluated in ' +
      "bulkInsert rows; use op.execute for SQL, or JSON.stringify the object to store it as JSON",
  );
});

Deno.test("resolveReference splits every accepted form", () => {
  assertEquals(resolveReference("account"), { table: "account", column: "id" });
  assertEquals(resolveReference("account.code"), { table: "account", column: "code" });
  assertEquals(resolveReference("app.account.code"), { schema: "app", table: "account", column: "code" });
  assertEquals(resolveReference({ table: "app.account", onDelete: "cascade" }), {
    schema: "app",
    table: "account",
    column: "id",
    onDelete: "cascade",
  });
  assertEquals(
    message(() => resolveReference("a.b.c.d")),
    'Cannot resolve references "a.b.c.d": expected "table", "table.column" or "schema.table.column"',
  );
  assertEquals(
    message(() => resolveReference({ table: "a.b.c" })),
    'Cannot resolve references.table "a.b.c": expected "table" or "schema.table"',
  );
});

Deno.test("alterColumn keeps only the changes given and drops with null", () => {
  assertEquals(
    c2.alterColumn("t", "c", {
      type: "bigint",
      using: "c::bigint",
      default: null,
      comment: null,
      schema: "s",
    }),
    {
      kind: "alterColumn",
      table: "t",
      column: "c",
      schema: "s",
      type: "bigint",
      using: "c::bigint",
      default: null,
      comment: null,
    },
  );
  assertEquals(
    c2.alterColumn("t", "c", { identity: { always: true, start: 5 } }),
    {
      kind: "alterColumn",
      table: "t",
      column: "c",
      identity: { always: true, start: 5 },
      autoincrement: true,
    },
  );
  assertEquals(
    assertThrows(() => c2.alterColumn("t", "c", { using: "x" }), TypeError).message,
    'Cannot create alterColumn operation for "t.c": using needs a type',
  );
  assertEquals(
    assertThrows(() => c2.alterColumn("t", "c", { newName: "c" }), RangeError).message,
    'Cannot create alterColumn operation for "t.c": newName is the same name',
  );
});

Deno.test("constraint factories validate columns, actions and types", () => {
  assertEquals(
    c2.createForeignKey("fk", "a", "b", ["x", "y"], ["x", "y"], { onDelete: "set null", deferrable: true }),
    {
      kind: "createForeignKey",
      name: "fk",
      table: "a",
      referencedTable: "b",
      columns: ["x", "y"],
      referencedColumns: ["x", "y"],
      onDelete: "set null",
      deferrable: true,
    },
  );
  assertEquals(
    assertThrows(() => c2.createForeignKey("fk", "a", "b", ["x"], ["x", "y"]), TypeError).message,
    'Cannot create createForeignKey operation "fk": 1 columns but 2 referenced columns',
  );
  assertEquals(
    assertThrows(
      () => c2.createForeignKey("fk", "a", "b", ["x"], ["x"], { onDelete: "drop" as "cascade" }),
      RangeError,
    )
      .message,
    'Cannot create createForeignKey operation "fk": onDelete is "drop" (expected one of "cascade", "restrict", "set null", "set default", "no action")',
  );
  assertEquals(
    assertThrows(() => c2.dropConstraint("k", "t", { type: "index" as "unique" }), RangeError).message,
    'Cannot create dropConstraint operation "k": type is "index" (expected one of "primary", "unique", "foreignkey", "check", "exclusion")',
  );
  assertEquals(
    assertThrows(() => c2.createPrimaryKey("pk", "t", []), TypeError).message,
    'Cannot create createPrimaryKey operation "pk": columns is empty',
  );
  assertEquals(
    assertThrows(() => c2.createEnum("e", ["a", "a"]), TypeError).message,
    'Cannot create createEnum operation "e": value "a" is repeated',
  );
  assertEquals(
    assertThrows(() => c2.addEnumValue("e", "b", { before: "a", after: "c" }), TypeError).message,
    'Cannot create addEnumValue operation "e": give before or after, not both',
  );
});

Deno.test("createTable checks table-level constraints against its columns", () => {
  const columns = { a: { type: "integer" }, b: { type: "integer" } };
  assertEquals(
    assertThrows(() => c2.createTable("t", columns, { primaryKey: { columns: ["a", "z"] } }), TypeError)
      .message,
    'Cannot create createTable operation for "t": primaryKey.columns names unknown column "z"',
  );
  assertEquals(
    assertThrows(
      () =>
        c2.createTable("t", { a: { type: "integer", primaryKey: true } }, { primaryKey: { columns: ["a"] } }),
      TypeError,
    ).message,
    'Cannot create createTable operation for "t": primaryKey is given as an option and on a column; use one of the two',
  );
  assertEquals(
    assertThrows(() => c2.createTable("t", { e: { type: "enum" } }), TypeError).message,
    'Cannot create createTable operation for "t": column "e": type "enum" needs enum: { name?, values }',
  );
  assertEquals(
    c2.createTable("t", columns, {
      mysql: { engine: "InnoDB" },
      comment: "c",
      indexes: [{ name: "ix", columns: ["a"], where: "a > 0" }],
    }),
    {
      kind: "createTable",
      table: "t",
      columns,
      mysql: { engine: "InnoDB" },
      comment: "c",
      indexes: [{ name: "ix", columns: ["a"], where: "a > 0" }],
    },
  );
});

Deno.test("bulkInsert stores plain objects and arrays as JSON text, for json columns", () => {
  const op = c2.bulkInsert("doc", [{ id: 1, body: { a: [1, 2], b: null }, tags: ["x", "y"] }]);
  assertEquals(op.rows, [{ id: 1, body: '{"a":[1,2],"b":null}', tags: '["x","y"]' }]);
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  const error = assertThrows(
    () => c2.bulkInsert("doc", [{ body: cyclic as never }]),
    TypeError,
  );
  assertStringIncludes(
    error.message,
    'Cannot create bulkInsert operation for "doc": row 1 column "body": the value cannot be written as JSON',
  );
});
