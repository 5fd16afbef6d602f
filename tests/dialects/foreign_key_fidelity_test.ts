/**
 * Foreign key attributes survive create, introspect and compare on each database: an explicit
 * `ON DELETE NO ACTION` (MySQL/MariaDB's catalog tells it from none, so it is kept; it compares as
 * the default), `MATCH FULL` and `DEFERRABLE INITIALLY DEFERRED` where the database has them.
 *
 * @module
 */
import { assertEquals } from "../_assert.ts";
import type { DialectName } from "../../lib/dialects/dialect.ts";
import type { ForeignKeyConstraint } from "../../lib/operations/types.ts";
import { compareSchemas } from "../../lib/schema/compare/compare_schemas.ts";
import { createForeignKeyOp, createTableOp } from "../../lib/schema/compare/_create_ops.ts";
import { normalizeTable, type Schema, type Table } from "../../lib/schema/model.ts";
import { testUrl } from "../_db.ts";
import { applyOnline } from "../_operations.ts";
import { DIALECTS } from "./_dialects.ts";

const parent: Table = {
  columns: { id: { type: "integer", primaryKey: true }, k: { type: "integer", nullable: false } },
  uniqueConstraints: [{ name: "uq_parent", columns: ["id", "k"] }],
};
const base = { referencedTable: "parent" };

/** Per database: keys written, and how introspection reads them back (names aside). */
const ROWS: Record<
  DialectName,
  { written: ForeignKeyConstraint[]; read: Omit<ForeignKeyConstraint, "name">[] }
> = {
  postgresql: {
    written: [
      { name: "fk_a", columns: ["a"], referencedColumns: ["id"], ...base, onDelete: "no action" },
      { name: "fk_ab", columns: ["a", "b"], referencedColumns: ["id", "k"], ...base, match: "full" },
      {
        name: "fk_b",
        columns: ["b"],
        referencedColumns: ["id"],
        ...base,
        deferrable: true,
        initiallyDeferred: true,
      },
    ],
    read: [
      { columns: ["a"], referencedColumns: ["id"], ...base },
      { columns: ["a", "b"], referencedColumns: ["id", "k"], ...base, match: "full" },
      { columns: ["b"], referencedColumns: ["id"], ...base, deferrable: true, initiallyDeferred: true },
    ],
  },
  mysql: {
    written: [
      { name: "fk_a", columns: ["a"], referencedColumns: ["id"], ...base, onDelete: "no action" },
      { name: "fk_b", columns: ["b"], referencedColumns: ["id"], ...base },
    ],
    read: [
      { columns: ["a"], referencedColumns: ["id"], ...base, onDelete: "no action" },
      { columns: ["b"], referencedColumns: ["id"], ...base },
    ],
  },
  sqlite: {
    written: [
      { name: "fk_a", columns: ["a"], referencedColumns: ["id"], ...base, onDelete: "no action" },
      {
        name: "fk_b",
        columns: ["b"],
        referencedColumns: ["id"],
        ...base,
        deferrable: true,
        initiallyDeferred: true,
      },
    ],
    read: [
      { columns: ["a"], referencedColumns: ["id"], ...base },
      { columns: ["b"], referencedColumns: ["id"], ...base, deferrable: true, initiallyDeferred: true },
    ],
  },
};

for (const db of DIALECTS) {
  Deno.test(`${db.name} foreign key attributes survive create, introspect and compare`, async () => {
    const row = ROWS[db.name];
    const child: Table = {
      columns: { id: { type: "integer", primaryKey: true }, a: { type: "integer" }, b: { type: "integer" } },
      foreignKeys: row.written,
    };
    const schema: Schema = { tables: { parent, child } };
    await db.withDatabase(async (url) => {
      const conn = await db.dialect.connect(testUrl(url));
      try {
        const { foreignKeys: _, ...bare } = child;
        const ops = [
          createTableOp("parent", undefined, normalizeTable(parent)),
          createTableOp("child", undefined, normalizeTable(bare)),
          ...(db.dialect.capabilities.alterConstraints
            ? row.written.map((f) => createForeignKeyOp("child", undefined, f))
            : []),
        ];
        await applyOnline(
          conn,
          db.dialect.capabilities.alterConstraints ? ops : [
            createTableOp("parent", undefined, normalizeTable(parent)),
            createTableOp("child", undefined, normalizeTable(child)),
          ],
        );
        const read = await db.dialect.introspect(conn);
        const names = (read.tables.child.foreignKeys ?? []).map(({ name: _n, ...f }) => f);
        const key = (f: Omit<ForeignKeyConstraint, "name">) => f.columns.join();
        assertEquals(names.sort((x, y) => key(x) < key(y) ? -1 : 1), row.read);
        const result = compareSchemas(schema, read, { normalizer: await db.dialect.normalizer() });
        assertEquals(result.operations, []);
      } finally {
        await conn.close();
      }
    }, "fkf");
  });
}
