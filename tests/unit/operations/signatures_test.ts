import { assert, assertEquals } from "../../_assert.ts";
import { IrreversibleOperationError } from "../../../lib/errors.ts";
import { OPERATION_KINDS, parseArg, signatureOf } from "../../../lib/operations/signatures.ts";
import { reverseOperation } from "../../../lib/operations/reverse.ts";
import { isBatchOperation } from "../../../lib/operations/batch.ts";
import type { Operation } from "../../../lib/operations/types.ts";
import { DDL_CASES } from "../dialects/ddl_cases.ts";

const samples: Operation[] = DDL_CASES.map((c) => c.op);

Deno.test("every kind has a sample among the DDL cases", () => {
  const seen = new Set(samples.map((op) => op.kind));
  assertEquals(OPERATION_KINDS.filter((kind) => !seen.has(kind)), []);
});

Deno.test("an operation's fields are its signature's arguments and options", () => {
  for (const op of samples) {
    const signature = signatureOf(op.kind);
    const known = new Set([
      "kind",
      ...signature.args.map((arg) => parseArg(arg).name),
      ...(signature.options ?? []),
      ...(op.kind === "batchAlterTable" ? ["operations"] : []),
    ]);
    const unknown = Object.keys(op).filter((key) => !known.has(key));
    assertEquals(unknown, [], `${op.kind} has fields the table does not declare`);
  }
});

Deno.test("reverseOperation follows each kind's reverse rule", () => {
  for (const op of samples) {
    const rule = signatureOf(op.kind).reverse;
    try {
      const back = reverseOperation(op, { columns: { a: { type: "integer" } } });
      assert("into" in rule, `${op.kind} is irreversible in the table but was reversed`);
      assert(rule.into.includes(back.kind), `${op.kind} reversed into ${back.kind}`);
    } catch (error) {
      if (!(error instanceof IrreversibleOperationError)) throw error;
      assert("irreversible" in rule || rule.needs !== undefined, `${op.kind}: ${error.message}`);
    }
  }
});

Deno.test("the batch kinds are the ones whose signature has a batch rule", () => {
  for (const op of samples) assertEquals(isBatchOperation(op), signatureOf(op.kind).batch !== false, op.kind);
});
