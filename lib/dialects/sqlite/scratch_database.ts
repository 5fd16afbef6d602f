/**
 * SQLite's scratch database for `migrate test`: a new file in a temporary folder, removed afterwards.
 *
 * @module
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ScratchDatabase } from "../dialect.ts";

/**
 * Create an empty SQLite database file.
 *
 * @returns its URL and how to remove it
 */
export function openSqliteScratchDatabase(): Promise<ScratchDatabase> {
  const dir = mkdtempSync(join(tmpdir(), "retort-scratch-"));
  return Promise.resolve({
    url: `sqlite:///${join(dir, "scratch.db")}`,
    drop: () => {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  });
}
