import { ConfigError } from "../../../lib/errors.ts";
import { validateSchema } from "../../../lib/schema/load.ts";
import { assertEquals, assertRejects } from "../../_assert.ts";

const author = { columns: { id: { type: "integer", primaryKey: true } } };

Deno.test("validateSchema rejects a column reference to a table the file does not declare", async () => {
  const data = { tables: { book: { columns: { author_id: { type: "integer", references: "author.id" } } } } };
  const error = await assertRejects(() => validateSchema(data, "schema.ts"), ConfigError);
  assertEquals(
    error.message,
    'Cannot load schema file "schema.ts": table "book", column "author_id", key "references": table "author" ' +
      "is not in the schema file (declare it, or add it to exclude_tables when the database has it and the " +
      "schema file does not manage it)",
  );
  assertEquals([error.file, error.key], ["schema.ts", "tables.book.columns.author_id.references"]);
});

Deno.test("validateSchema rejects a foreignKeys entry to a missing table or column", async () => {
  const fk = (referencedTable: string, column: string) => ({
    tables: {
      author,
      book: {
        columns: { author_id: { type: "integer" } },
        foreignKeys: [{ columns: ["author_id"], referencedTable, referencedColumns: [column] }],
      },
    },
  });
  const missingTable = await assertRejects(() => validateSchema(fk("writer", "id"), "s.json"), ConfigError);
  assertEquals(missingTable.key, "tables.book.foreignKeys.0");
  assertEquals(
    missingTable.message.startsWith(
      'Cannot load schema file "s.json": table "book", key "foreignKeys.0": table "writer" is not in the schema file',
    ),
    true,
  );
  const missingColumn = await assertRejects(() => validateSchema(fk("author", "uid"), "s.json"), ConfigError);
  assertEquals(
    missingColumn.message,
    'Cannot load schema file "s.json": table "book", key "foreignKeys.0": column "uid" is not a column of table "author"',
  );
  await validateSchema(fk("author", "id"), "s.json");
});

Deno.test("validateSchema accepts a reference to a table the config's filters leave out", async () => {
  const data = {
    tables: { book: { columns: { author_id: { type: "integer", references: "auth.users.id" } } } },
  };
  await assertRejects(() => validateSchema(data, "s.json"), ConfigError);
  await validateSchema(data, "s.json", { excludeTables: ["auth.*"] });
  await validateSchema(data, "s.json", { includeTables: ["book"] });
});

Deno.test("validateSchema words an unresolvable references string as a schema-file error", async () => {
  const data = { tables: { book: { columns: { a: { type: "integer", references: "a.b.c.d" } } } } };
  const error = await assertRejects(() => validateSchema(data, "s.json"), ConfigError);
  assertEquals(error.key, "tables.book.columns.a.references");
});
