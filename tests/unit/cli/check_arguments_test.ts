import { assertEquals, assertThrows } from "../../_assert.ts";
import {
  checkFleetFlags,
  checkJsonWithSql,
  checkTarget,
  shortTarget,
} from "../../../lib/cli/check_arguments.ts";
import { UsageError } from "../../../lib/errors.ts";

Deno.test("fleet flags need --fleet", () => {
  checkFleetFlags({ fleet: true, concurrency: "2", failFast: true });
  checkFleetFlags({});
  assertThrows(
    () => checkFleetFlags({ concurrency: "2" }),
    UsageError,
    "Cannot use --concurrency without --fleet",
  );
  assertThrows(
    () => checkFleetFlags({ failFast: true }),
    UsageError,
    "Cannot use --fail-fast without --fleet",
  );
});

Deno.test("--json and --sql do not go together", () => {
  checkJsonWithSql(true, false);
  checkJsonWithSql(false, true);
  assertThrows(() => checkJsonWithSql(true, true), UsageError, "Cannot use --json with --sql");
});

Deno.test("targets: @ needs something before it, and long ones are cut in the message", () => {
  for (const ok of ["head", "base", "heads", "mybranch@head", "abc@+1", "-1", "ae10+2"]) checkTarget(ok);
  assertThrows(() => checkTarget("@head"), UsageError, 'Cannot resolve target "@head"');
  assertThrows(() => checkTarget("@base"), UsageError, 'use "base" alone');
  const e = assertThrows(() => checkTarget("y".repeat(10_000)), UsageError);
  assertEquals(e.message.length < 200, true, e.message);
  assertEquals(shortTarget("abc"), '"abc"');
  assertEquals(shortTarget("z".repeat(61)), `"${"z".repeat(60)}…"`);
});
