import { assertEquals } from "../../../_assert.ts";
import { compareSchemas } from "../../../../lib/schema/compare/compare_schemas.ts";
import { normalizerFor } from "../../../../lib/schema/introspect.ts";
import type { Schema } from "../../../../lib/schema/model.ts";
import type { Operation } from "../../../../lib/operations/types.ts";

const pg = await normalizerFor("postgresql");
const my = await normalizerFor("mysql");
const lite = await normalizerFor("sqlite");

const base: Schema = {
  tables: {
    account: {
      columns: {
        id: { type: "integer", nullable: false },
        name: { type: "varchar(50)", nullable: false },
      },
      primaryKey: { columns: ["id"] },
    },
  },
};

function plain(ops: readonly Operation[]): unknown[] {
  return JSON.parse(JSON.stringify(ops));
}

Deno.test("compareSchemas finds nothing between equal schemas written two ways", () => {
  const target: Schema = {
    tables: {
      account: {
        columns: {
          id: { type: "INTEGER", primaryKey: true },
          name: { type: "character varying(50)", nullable: false },
        },
      },
    },
  };
  assertEquals(compareSchemas(target, base, { normalizer: pg }).operations, []);
});

Deno.test("compareSchemas rows", async (t) => {
  const rows: {
    name: string;
    target: Schema;
    current?: Schema;
    normalizer?: typeof pg;
    expect: unknown[];
  }[] = [
    {
      name: "added column",
      target: {
        tables: {
          account: {
            ...base.tables.account,
            columns: { ...base.tables.account.columns, email: { type: "text" } },
          },
        },
      },
      expect: [{ kind: "addColumn", table: "account", column: "email", definition: { type: "text" } }],
    },
    {
      name: "type change",
      target: {
        tables: {
          account: {
            ...base.tables.account,
            columns: { ...base.tables.account.columns, name: { type: "text", nullable: false } },
          },
        },
      },
      expect: [{
        kind: "alterColumn",
        table: "account",
        column: "name",
        type: "text",
        existing: { type: "varchar(50)", nullable: false },
      }],
    },
    {
      name: "nullability and default",
      target: {
        tables: {
          account: {
            ...base.tables.account,
            columns: { ...base.tables.account.columns, name: { type: "varchar(50)", default: "x" } },
          },
        },
      },
      expect: [{
        kind: "alterColumn",
        table: "account",
        column: "name",
        nullable: true,
        default: "x",
        existing: { type: "varchar(50)", nullable: false },
      }],
    },
    {
      name: "unnamed unique matched by columns",
      target: {
        tables: {
          account: { ...base.tables.account, uniqueConstraints: [{ columns: ["name"] }] },
        },
      },
      current: {
        tables: {
          account: {
            ...base.tables.account,
            uniqueConstraints: [{ name: "account_name_key", columns: ["name"] }],
          },
        },
      },
      expect: [],
    },
    {
      name: "new table referencing another new table comes after it",
      target: {
        tables: {
          ...base.tables,
          b_order: {
            columns: {
              id: { type: "integer", primaryKey: true },
              c: { type: "integer", references: "a_customer.id" },
            },
          },
          a_customer: { columns: { id: { type: "integer", primaryKey: true } } },
        },
      },
      expect: [
        { kind: "createTable", table: "a_customer", columns: { id: { type: "integer", primaryKey: true } } },
        {
          kind: "createTable",
          table: "b_order",
          columns: { id: { type: "integer", primaryKey: true }, c: { type: "integer" } },
          foreignKeys: [{ columns: ["c"], referencedTable: "a_customer", referencedColumns: ["id"] }],
        },
      ],
    },
    {
      name: "index added and foreign key dropped",
      target: {
        tables: { account: { ...base.tables.account, indexes: [{ name: "ix_name", columns: ["name"] }] } },
      },
      current: {
        tables: {
          account: {
            ...base.tables.account,
            foreignKeys: [{
              name: "fk_self",
              columns: ["id"],
              referencedTable: "account",
              referencedColumns: ["id"],
            }],
          },
        },
      },
      expect: [
        { kind: "dropConstraint", name: "fk_self", table: "account", type: "foreignkey" },
        { kind: "createIndex", name: "ix_name", table: "account", columns: ["name"] },
      ],
    },
    {
      name: "enum value added",
      target: { tables: {}, enums: { mood: ["sad", "ok", "happy"] } },
      current: { tables: {}, enums: { mood: ["sad", "happy"] } },
      expect: [{ kind: "addEnumValue", name: "mood", value: "ok", after: "sad" }],
    },
    {
      name: "excluded table is left alone",
      target: { tables: {} },
      current: { tables: { ...base.tables, legacy_x: { columns: { id: { type: "integer" } } } } },
      expect: [{ kind: "dropTable", table: "account" }],
    },
    {
      name: "SQLite alter goes into a batch",
      normalizer: lite,
      target: {
        tables: {
          account: {
            ...base.tables.account,
            columns: { ...base.tables.account.columns, name: { type: "text", nullable: false } },
          },
        },
      },
      expect: [{
        kind: "batchAlterTable",
        table: "account",
        recreate: "auto",
        operations: [{
          kind: "alterColumn",
          table: "account",
          column: "name",
          type: "text",
          existing: { type: "varchar(50)", nullable: false },
        }],
      }],
    },
    {
      name: "MySQL unique index equals unique constraint",
      normalizer: my,
      target: {
        tables: {
          account: { ...base.tables.account, indexes: [{ name: "uq", columns: ["name"], unique: true }] },
        },
      },
      current: {
        tables: {
          account: { ...base.tables.account, uniqueConstraints: [{ name: "uq", columns: ["name"] }] },
        },
      },
      expect: [],
    },
  ];
  for (const row of rows) {
    await t.step(row.name, () => {
      const result = compareSchemas(row.target, row.current ?? base, {
        normalizer: row.normalizer ?? pg,
        excludeTables: ["legacy_*"],
      });
      assertEquals(plain(result.operations), row.expect);
    });
  }
});

Deno.test("compareSchemas points at a possible rename in a comment", () => {
  const target: Schema = {
    tables: {
      account: {
        ...base.tables.account,
        columns: { id: base.tables.account.columns.id, full_name: { type: "varchar(50)", nullable: false } },
      },
    },
  };
  const result = compareSchemas(target, base, { normalizer: pg });
  assertEquals(result.upgrade[1], {
    comment: '"name" was dropped and "full_name" added with the same type.\n' +
      "If this is a rename, keep the data by replacing the addColumn and dropColumn calls with:\n" +
      'op.alterColumn("account", "name", { newName: "full_name" });',
  });
});

Deno.test("compareSchemas downgrade holds the inverses in reverse order", () => {
  const target: Schema = {
    tables: {
      account: {
        ...base.tables.account,
        columns: { ...base.tables.account.columns, email: { type: "text" } },
      },
    },
  };
  const result = compareSchemas(target, base, { normalizer: pg });
  assertEquals(plain(result.downgrade as Operation[]), [{
    kind: "dropColumn",
    table: "account",
    column: "email",
  }]);
});
