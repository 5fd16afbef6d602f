/**
 * The assertions tests use: node's strict assert, wrapped in the shapes of Deno std's assert
 * module (JSR, which Deno std lives on, is unreachable here).
 *
 * @module
 */
import assert from "node:assert/strict";

/** Deep strict equality. */
export function assertEquals<T>(actual: T, expected: T, message?: string): void {
  if (message === undefined) assert.deepStrictEqual(actual, expected);
  else assert.deepStrictEqual(actual, expected, message);
}

/** Deep strict inequality. */
export function assertNotEquals<T>(actual: T, expected: T, message?: string): void {
  if (message === undefined) assert.notDeepStrictEqual(actual, expected);
  else assert.notDeepStrictEqual(actual, expected, message);
}

/** Truthiness. */
export function assert_(value: unknown, message?: string): asserts value {
  if (message === undefined) assert.ok(value);
  else assert.ok(value, message);
}
export { assert_ as assert };

/** `text` contains `part`. */
export function assertStringIncludes(text: string, part: string, message?: string): void {
  if (!text.includes(part)) {
    throw new assert.AssertionError({
      message: message ?? `Expected ${JSON.stringify(text)} to include ${JSON.stringify(part)}`,
    });
  }
}

/** `fn` throws an instance of `type`; returns the error. */
export function assertThrows<E extends Error>(
  fn: () => unknown,
  // deno-lint-ignore no-explicit-any
  type: new (...args: any[]) => E,
  includes?: string,
): E {
  try {
    fn();
  } catch (error) {
    if (!(error instanceof type)) {
      throw new assert.AssertionError({ message: `Expected ${type.name}, got ${String(error)}` });
    }
    if (includes && !error.message.includes(includes)) {
      throw new assert.AssertionError({
        message: `Expected message to include ${JSON.stringify(includes)}: ${error.message}`,
      });
    }
    return error;
  }
  throw new assert.AssertionError({ message: `Expected ${type.name} to be thrown` });
}

/** `fn()` rejects with an instance of `type`; resolves to the error. */
export async function assertRejects<E extends Error>(
  fn: () => Promise<unknown>,
  // deno-lint-ignore no-explicit-any
  type: new (...args: any[]) => E,
  includes?: string,
): Promise<E> {
  try {
    await fn();
  } catch (error) {
    if (!(error instanceof type)) {
      throw new assert.AssertionError({ message: `Expected ${type.name}, got ${String(error)}` });
    }
    if (includes && !error.message.includes(includes)) {
      throw new assert.AssertionError({
        message: `Expected message to include ${JSON.stringify(includes)}: ${error.message}`,
      });
    }
    return error;
  }
  throw new assert.AssertionError({ message: `Expected ${type.name} to be rejected` });
}
