/**
 * Where a TypeScript module failed to compile when imported (a revision, a schema file), read from
 * the error the runtime throws.
 *
 * @module
 */

/** A compile error's position and message. */
export interface SyntaxErrorPosition {
  /** 1-based line. */
  readonly line: number;
  /** Column as the runtime reports it (Bun 0-based, Deno 1-based). */
  readonly column: number;
  /** The compiler's message, without `SyntaxError: `. */
  readonly message: string;
}

/**
 * Where `file` failed to compile: Bun reports an AggregateError of BuildMessages with positions,
 * Deno a SyntaxError (or a TypeError whose message starts with one) whose text names
 * `file:line:column`.
 *
 * @param error what `import()` threw
 * @param file the absolute path imported
 * @returns the position and message, or undefined for any other error
 * @example
 * ```ts
 * import { syntaxErrorAt } from "./syntax_error_at.ts";
 * const error = new SyntaxError("Unexpected token\n    at file:///p/a.ts:3:7");
 * syntaxErrorAt(error, "/p/a.ts"); // { line: 3, column: 7, message: "Unexpected token" }
 * ```
 */
export function syntaxErrorAt(error: unknown, file: string): SyntaxErrorPosition | undefined {
  // One BuildMessage, or an AggregateError of them.
  type BuildMessage = { message?: string; position?: { line?: number; column?: number } };
  const first = ((error as { errors?: unknown[] } | undefined)?.errors?.[0] ?? error) as
    | BuildMessage
    | undefined;
  if (first?.position?.line !== undefined) {
    return { line: first.position.line, column: first.position.column ?? 0, message: String(first.message) };
  }
  if (error instanceof Error && (error.name === "SyntaxError" || error.message.startsWith("SyntaxError"))) {
    const at = new RegExp(`${escapeRegExp(file)}:(\\d+):(\\d+)`).exec(`${error.message}\n${error.stack}`);
    const message = error.message.split("\n")[0].replace(/^SyntaxError: /, "");
    if (at) return { line: Number(at[1]), column: Number(at[2]), message };
  }
  return undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
