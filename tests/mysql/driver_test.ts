/**
 * What only the MySQL driver does, beyond the connection contract every driver keeps
 * (tests/dialects/driver_contract_test.ts): binding `?` into the text itself and shortening lock
 * names to MySQL's 64 characters.
 */
import { assert, assertEquals, assertThrows } from "../_assert.ts";
import { bindPlaceholders, mysqlLockName } from "../../lib/dialects/mysql/driver.ts";

/** An escaper shaped like mysql2's, for the pure binding checks. */
const escaper = {
  escape: (v: unknown) =>
    v === null ? "NULL" : typeof v === "string" ? `'${v.replaceAll("'", "\\'")}'` : String(v),
};

Deno.test("bindPlaceholders replaces ? outside strings, identifiers and comments", () => {
  assertEquals(bindPlaceholders("select ?, ?", [1, "a"], escaper), "select 1, 'a'");
  assertEquals(
    bindPlaceholders(
      "select '?', \"?\", `?`, 'it\\'s ?', ? -- ?\n, # ?\n /* ? */ ?, 1--?",
      [1, 2, 3],
      escaper,
    ),
    // `--` without a following space is two minus signs in MySQL, not a comment.
    "select '?', \"?\", `?`, 'it\\'s ?', 1 -- ?\n, # ?\n /* ? */ 2, 1--3",
  );
  assertEquals(bindPlaceholders("select ?", [12345678901234567890n], escaper), "select 12345678901234567890");
  assertThrows(
    () => bindPlaceholders("select ?, ?", [1], escaper),
    RangeError,
    `Cannot bind parameters: the statement has 2 "?" placeholders but 1 values were given`,
  );
  assertThrows(() => bindPlaceholders("select ?", [NaN], escaper), RangeError, "Cannot bind parameter: NaN");
});

Deno.test("mysqlLockName keeps short names and hashes long ones to 64 characters", () => {
  assertEquals(mysqlLockName("retort:app"), "retort:app");
  const long = "retort:" + "x".repeat(100);
  const name = mysqlLockName(long);
  assertEquals(name.length, 64);
  assert(name.startsWith("retort:xxx"));
  assertEquals(mysqlLockName(long), name);
  assert(mysqlLockName(long + "y") !== name);
});
