/**
 * `migrate edit REV`: open a revision file in the user's editor (Alembic's `edit`).
 *
 * @module
 */
import { spawnSync } from "node:child_process";
import process from "node:process";
import type { Config } from "../config/config.ts";
import { loadRevisionMap } from "./_project.ts";
import { RuntimeFailure, UsageError } from "../errors.ts";

/**
 * Open the file of `revision` in `$VISUAL` or `$EDITOR` and wait for the editor to exit.
 *
 * @param options `revision`: an identifier resolving to exactly one revision; `editor` overrides the environment
 * @returns the path opened
 * @throws {UsageError} when the identifier resolves to several revisions or to base, or no editor is set
 * @throws {RuntimeFailure} when the editor cannot be started or exits non-zero
 */
export function edit(config: Config, options: { revision: string; editor?: string }): { path: string } {
  const map = loadRevisionMap(config);
  const revisions = map.resolve(options.revision);
  if (revisions.length !== 1) {
    throw new UsageError(
      `Cannot edit "${options.revision}": it resolves to ${revisions.length} revisions; name exactly one`,
    );
  }
  const path = revisions[0].path;
  const editor = options.editor ?? process.env.VISUAL ?? process.env.EDITOR;
  if (!editor) throw new UsageError(`Cannot edit ${path}: set $EDITOR (or $VISUAL) to your editor's command`);
  const result = spawnSync(`${editor} "$RETORT_EDIT_FILE"`, {
    shell: true,
    stdio: "inherit",
    env: { ...process.env, RETORT_EDIT_FILE: path },
  });
  if (result.error || result.status !== 0) {
    throw new RuntimeFailure(
      `Cannot edit ${path}: editor "${editor}" ${
        result.error ? `failed to start (${result.error.message})` : `exited with status ${result.status}`
      }`,
    );
  }
  return { path };
}
