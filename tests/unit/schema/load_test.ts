import { assert, assertEquals, assertRejects } from "../../_assert.ts";
import { FAIL_FAST, fastSchema, validateSchema } from "../../../lib/schema/load.ts";
import { schemaShape } from "../../../lib/schema/_schema_shape.ts";
import { ConfigError } from "../../../lib/errors.ts";

/** A schema file using every key of the format. */
const FULL = {
  tables: {
    account: {
      columns: {
        id: {
          type: "integer",
          primaryKey: true,
          autoincrement: true,
          identity: { always: true, start: 1, increment: 1 },
        },
        name: { nullable: false, type: "varchar(50)", default: "", comment: "shown", unique: true },
        owner_id: {
          type: "integer",
          references: { table: "account", column: "id", onDelete: "cascade", name: "fk_owner" },
        },
        team_id: { type: "integer", references: "team.id" },
        total: { type: "numeric(10,2)", default: { sql: "0" }, computed: { sql: "1 + 1", stored: true } },
        mood: { type: "enum", enum: { name: "mood", values: ["sad", "ok"] }, default: null },
        ratio: { type: "real", default: 1.5 },
        flag: { type: "boolean", default: false },
      },
      primaryKey: { columns: ["id"], name: "pk_account" },
      uniqueConstraints: [{
        columns: ["name", "owner_id"],
        name: "uq_x",
        deferrable: true,
        initiallyDeferred: false,
      }],
      indexes: [{
        name: "ix_a",
        columns: ["name", { sql: "lower(name)" }],
        unique: true,
        where: "flag",
        lengths: { name: 10 },
      }],
      foreignKeys: [{
        columns: ["team_id"],
        referencedTable: "team",
        referencedColumns: ["id"],
        onUpdate: "set null",
        name: "fk_team",
        deferrable: false,
      }],
      checkConstraints: [{ condition: "total >= 0", name: "ck_total" }, { condition: "ratio < 2" }],
      comment: "people",
    },
    team: { columns: { id: { type: "integer" } } },
  },
  enums: { mood: ["sad", "ok"] },
  schemas: ["sales"],
};

const ODD_VALUES: unknown[] = [
  undefined,
  null,
  "",
  "x",
  0,
  -1,
  1.5,
  NaN,
  Infinity,
  true,
  [],
  ["x"],
  {},
  { sql: "" },
  { sql: "x" },
  new Date(0),
  Object.create(null),
];

/** Every variant of `value` with one place changed: a value replaced, a key removed or added. */
function* mutations(value: unknown): Generator<unknown> {
  for (const odd of ODD_VALUES) yield odd;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      for (const m of mutations(value[i])) yield value.map((v, j) => j === i ? m : v);
      yield value.filter((_, j) => j !== i);
    }
  } else if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value);
    for (const [key, v] of entries) {
      for (const m of mutations(v)) yield { ...value, [key]: m };
      yield Object.fromEntries(entries.filter(([k]) => k !== key));
    }
    yield { ...value, unknownKey: 1 };
    yield { ...value, "": 1 };
    yield Object.fromEntries([...entries].reverse());
  }
}

Deno.test("fastSchema returns what zod's parse returns, keys in the same order, or gives way to zod", () => {
  let agreed = 0;
  let fellBack = 0;
  for (const data of [FULL, ...mutations(FULL)]) {
    const zod = schemaShape.safeParse(data);
    const fast = fastSchema(data);
    if (!zod.success) {
      assert(fast === FAIL_FAST, `fast path accepted what zod refuses: ${JSON.stringify(data)}`);
      continue;
    }
    if (fast === FAIL_FAST) {
      fellBack++;
      continue;
    }
    assertEquals(JSON.stringify(fast), JSON.stringify(zod.data));
    assertEquals(fast, zod.data as typeof fast);
    agreed++;
  }
  // The fast path must be the usual one: it gives way only on values it cannot vouch for.
  assert(agreed > 100, `only ${agreed} inputs took the fast path (${fellBack} fell back)`);
});

Deno.test("validateSchema keeps zod's messages when the fast path fails", async () => {
  const data = { tables: { account: { columns: { id: { type: "" } } } } };
  assert(fastSchema(data) === FAIL_FAST);
  const error = await assertRejects(() => validateSchema(data, "db/schema.ts"), ConfigError);
  assertEquals(
    error.message,
    `Cannot load schema file "db/schema.ts": table "account", column "id", key "type": Too small: expected string to have >=1 characters`,
  );
});

Deno.test("validateSchema returns the columns' keys in the format's order", async () => {
  const schema = await validateSchema(
    { tables: { a: { columns: { id: { nullable: false, type: "integer" } } } } },
    "x",
  );
  assertEquals(Object.keys(schema.tables.a.columns.id), ["type", "nullable"]);
});
