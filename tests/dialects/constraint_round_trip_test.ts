/**
 * Constraint changes autogenerate writes, applied to a real database and read back: the upgrade
 * reaches the target (`check` clean afterwards), the downgrade reaches the start again. Rows run on
 * every database; SQLite's rows exercise the table rebuild (an unnamed foreign key whose ON DELETE
 * changes must be replaced, not kept beside the new one).
 *
 * @module
 */
import { assertEquals } from "../_assert.ts";
import type { Operation } from "../../lib/operations/types.ts";
import { compareSchemas } from "../../lib/schema/compare/compare_schemas.ts";
import { createTableOp } from "../../lib/schema/compare/_create_ops.ts";
import { normalizeTable, type Schema, type Table } from "../../lib/schema/model.ts";
import type { Connection } from "../../lib/dialects/dialect.ts";
import { testUrl } from "../_db.ts";
import { applyOnline } from "../_operations.ts";
import { DIALECTS } from "./_dialects.ts";

const parent: Table = { columns: { id: { type: "integer", primaryKey: true } } };
const child = (references: Table["columns"][string]["references"]): Table => ({
  columns: { id: { type: "integer", primaryKey: true }, parent_id: { type: "integer", references } },
});

const CASES: readonly {
  name: string;
  from: Schema;
  to: Schema;
  /**
   * Databases whose downgrade does not reach the start yet: SQLite's foreign key without a name
   * goes with its dropped column, and the downgrade's addColumn does not bring it back.
   */
  downgradeLimited?: readonly string[];
}[] = [
  {
    name: "a column foreign key's ON DELETE changes",
    from: { tables: { parent, child: child({ table: "parent", onDelete: "cascade" }) } },
    to: { tables: { parent, child: child({ table: "parent", onDelete: "set null" }) } },
  },
  {
    name: "a foreign key gains ON DELETE",
    from: { tables: { parent, child: child("parent.id") } },
    to: { tables: { parent, child: child({ table: "parent", onDelete: "cascade" }) } },
  },
  {
    name: "a column with a foreign key is dropped",
    from: { tables: { parent, child: child({ table: "parent", onDelete: "cascade" }) } },
    to: { tables: { parent, child: { columns: { id: { type: "integer", primaryKey: true } } } } },
    downgradeLimited: ["sqlite"],
  },
  {
    name: "the index a foreign key uses changes",
    from: {
      tables: {
        parent,
        child: { ...child("parent.id"), indexes: [{ name: "ix_parent", columns: ["parent_id"] }] },
      },
    },
    to: {
      tables: {
        parent,
        child: { ...child("parent.id"), indexes: [{ name: "ix_parent", columns: ["parent_id", "id"] }] },
      },
    },
  },
];

async function create(conn: Connection, schema: Schema): Promise<void> {
  const ops: Operation[] = Object.entries(schema.tables).map(([name, t]) =>
    createTableOp(name, undefined, normalizeTable(t))
  );
  await applyOnline(conn, ops);
}

for (const db of DIALECTS) {
  for (const c of CASES) {
    Deno.test(`${db.name}: ${c.name}: upgrade reaches the target, downgrade the start`, async () => {
      await db.withDatabase(async (url) => {
        const conn = await db.dialect.connect(testUrl(url));
        try {
          const normalizer = await db.dialect.normalizer();
          await create(conn, c.from);
          const result = compareSchemas(c.to, await db.dialect.introspect(conn), { normalizer });
          assertEquals(result.operations.length > 0, true);
          await applyOnline(conn, result.operations);
          const after = await db.dialect.introspect(conn);
          assertEquals(compareSchemas(c.to, after, { normalizer }).operations, []);
          assertEquals(
            after.tables.child.foreignKeys?.length,
            c.to.tables.child.columns.parent_id ? 1 : undefined,
          );
          if (c.downgradeLimited?.includes(db.name)) return;
          const down = result.downgrade.filter((x): x is Operation => "kind" in x);
          await applyOnline(conn, down);
          const back = await db.dialect.introspect(conn);
          assertEquals(compareSchemas(c.from, back, { normalizer }).operations, []);
          assertEquals(back.tables.child.foreignKeys?.length, 1);
        } finally {
          await conn.close();
        }
      }, "fkc");
    });
  }
}
