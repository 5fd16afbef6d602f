/**
 * What only the PostgreSQL driver does, beyond the connection contract every driver keeps
 * (tests/dialects/driver_contract_test.ts): its placeholder renumbering, array parsing and advisory
 * lock keys, and statement errors that carry PostgreSQL's detail and hint.
 */
import { assert, assertEquals, assertRejects, assertThrows } from "../_assert.ts";
import { advisoryLockKey, parseArrayLiteral } from "../../lib/dialects/postgres/driver.ts";
import { numberPlaceholders } from "../../lib/dialects/postgres/settings.ts";
import { postgresDialect } from "../../lib/dialects/postgres/dialect.ts";
import { describeDbError } from "../../lib/dialects/_connection_error.ts";
import { testUrl, withPostgresDatabase } from "../_db.ts";

Deno.test("numberPlaceholders renumbers ? outside strings, identifiers and comments", () => {
  assertEquals(numberPlaceholders("select ?, ?", 2), "select $1, $2");
  assertEquals(
    numberPlaceholders(`select '?', "?", E'\\'?', $$?$$, $t$ ? $t$, ? -- ?\n, /* ? /* ? */ ? */ ?`, 2),
    `select '?', "?", E'\\'?', $$?$$, $t$ ? $t$, $1 -- ?\n, /* ? /* ? */ ? */ $2`,
  );
  assertEquals(numberPlaceholders("select 'it''s ?', ?", 1), "select 'it''s ?', $1");
  assertEquals(numberPlaceholders("select a$b, ?", 1), "select a$b, $1");
  assertThrows(
    () => numberPlaceholders("select ?", 2),
    RangeError,
    `Cannot bind parameters: the statement has 1 "?" placeholders but 2 values were given`,
  );
});

Deno.test("parseArrayLiteral reads PostgreSQL array text", () => {
  assertEquals(parseArrayLiteral(`{a,"b c",NULL,"x\\"y",""}`, (x) => x), ["a", "b c", null, 'x"y', ""]);
  assertEquals(parseArrayLiteral("{{1,2},{3,4}}", Number), [[1, 2], [3, 4]]);
  assertEquals(parseArrayLiteral("[0:1]={5,6}", Number), [5, 6]);
  assertEquals(parseArrayLiteral("{}", Number), []);
});

Deno.test("advisoryLockKey is a stable signed 64-bit key", () => {
  assertEquals(advisoryLockKey("retort"), advisoryLockKey("retort"));
  assert(advisoryLockKey("a") !== advisoryLockKey("b"));
  const key = BigInt(advisoryLockKey("retort"));
  assert(key >= -(2n ** 63n) && key < 2n ** 63n);
});

Deno.test("postgresql driver", async (t) => {
  await withPostgresDatabase(async (url) => {
    const connect = (u: string) => postgresDialect.connect(testUrl(u));

    await t.step("postgresql: statement errors carry detail and hint", async () => {
      const c = await connect(url);
      try {
        await c.executeScript(
          "create table fk_parent (id int primary key); create table fk_child (p int references fk_parent)",
        );
        const err = await assertRejects(() => c.execute("insert into fk_child values (?)", [7]), Error);
        assertEquals(
          (err as Error).message,
          `insert or update on table "fk_child" violates foreign key constraint "fk_child_p_fkey"; ` +
            `detail: Key (p)=(7) is not present in table "fk_parent".`,
        );
        assertEquals(describeDbError(err), (err as Error).message);
        assertEquals((err as { code?: string }).code, "23503");
        const hinted = await assertRejects(() => c.query("select lenght('x')"), Error);
        assertEquals(
          (hinted as Error).message,
          "function lenght(unknown) does not exist (at character 8); hint: No function matches the given name " +
            "and argument types. You might need to add explicit type casts.",
        );
      } finally {
        await c.close();
      }
    });
  }, "pgspecific");
});
