/**
 * What each object DDL case (views, triggers) leaves in a real SQLite database, spread into
 * `EFFECTS` of `ddl_effects.ts`.
 *
 * @module
 */
import { assertEquals } from "../_assert.ts";
import type { Connection } from "../../lib/dialects/dialect.ts";
import type { Effect } from "./ddl_effects.ts";

async function objects(conn: Connection, type: string, schema = "main"): Promise<unknown[]> {
  const rows = await conn.query(
    `SELECT name, sql FROM "${schema}".sqlite_master WHERE type = ? ORDER BY name`,
    [type],
  );
  return rows.map((r) => [r.name, r.sql]);
}

const ACCOUNT = "CREATE TABLE account (id INTEGER);";

/** Effects of the view and trigger cases (the other object kinds are refused by SQLite). */
export const OBJECT_EFFECTS: Record<string, Effect> = {
  createView: {
    setup: ACCOUNT,
    check: async (c) =>
      assertEquals(await objects(c, "view"), [[
        "active_account",
        "CREATE VIEW active_account AS SELECT id FROM account WHERE id > 0",
      ]]),
  },
  dropView: {
    setup: `${ACCOUNT} CREATE VIEW active_account AS SELECT 1;`,
    check: async (c) => assertEquals(await objects(c, "view"), []),
  },
  "replaceView drops and creates where there is no CREATE OR REPLACE": {
    setup: `${ACCOUNT} CREATE VIEW active_account AS SELECT 1 AS id;`,
    check: async (c) =>
      assertEquals(await objects(c, "view"), [[
        "active_account",
        "CREATE VIEW active_account AS SELECT id FROM account",
      ]]),
  },
  createTrigger: {
    setup: ACCOUNT,
    check: async (c) =>
      assertEquals((await objects(c, "trigger")).map((r) => (r as unknown[])[0]), ["trg_touch"]),
  },
  "dropTrigger names the table on PostgreSQL only": {
    setup: `${ACCOUNT} CREATE TRIGGER trg_touch AFTER INSERT ON account BEGIN SELECT 1; END;`,
    check: async (c) => assertEquals(await objects(c, "trigger"), []),
  },
};
