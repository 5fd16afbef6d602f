/**
 * Writes a synthetic but realistic revision history for the benchmarks: a project folder with
 * `migrate.toml` and `migrations/versions/` holding `count` TypeScript revisions of about 40 lines
 * each, in the shapes real projects have: a long trunk, every 50 revisions a fork into two
 * branches of 5 revisions merged by a merge revision, and one labelled side branch (`reporting`)
 * that stays unmerged, so the history has two heads.
 *
 * @module
 */
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** One generated revision. */
export interface GeneratedRevision {
  readonly revision: string;
  readonly downRevisions: readonly string[];
  readonly branchLabels: readonly string[];
  readonly message: string;
}

/** What {@link generateHistory} wrote. */
export interface GeneratedHistory {
  /** The project folder (holds `migrate.toml`). */
  readonly dir: string;
  readonly revisions: readonly GeneratedRevision[];
  /** The revisions nothing revises, sorted. */
  readonly heads: readonly string[];
}

/** Trunk revisions between forks. */
const FORK_EVERY = 50;
/** Revisions on each side of a fork before the merge. */
const BRANCH_LENGTH = 5;
/** Where the labelled side branch leaves the trunk, and how long it is. */
const LABELLED_AT = 20;
const LABELLED_LENGTH = 25;

/**
 * A deterministic 12-hex revision id for the `index`th revision (SHA-1 of the index).
 *
 * @param index 0-based position in generation order
 * @returns 12 lowercase hex characters
 */
export function benchRevisionId(index: number): string {
  return createHash("sha1").update(`retort-bench-${index}`).digest("hex").slice(0, 12);
}

/**
 * Plans the revision graph: trunk, a fork merged every {@link FORK_EVERY} revisions, and the
 * labelled `reporting` branch.
 *
 * @param count how many revisions in total (at least 1)
 * @returns the revisions in generation order (every revision after its down revisions)
 * @throws {RangeError} when `count` is not a positive integer
 */
export function planHistory(count: number): GeneratedRevision[] {
  if (!Number.isInteger(count) || count < 1) {
    throw new RangeError(`Cannot plan a history of ${count} revisions: expected a positive integer`);
  }
  const revisions: GeneratedRevision[] = [];
  const add = (downRevisions: string[], message: string, branchLabels: string[] = []): string => {
    const revision = benchRevisionId(revisions.length);
    revisions.push({ revision, downRevisions, branchLabels, message });
    return revision;
  };
  let tip = add([], "create schema");
  let labelled = false;
  while (revisions.length < count) {
    const n = revisions.length;
    if (!labelled && n >= LABELLED_AT && count - n > LABELLED_LENGTH + 1) {
      labelled = true;
      let side = add([tip], "start reporting schema", ["reporting"]);
      for (let k = 1; k < LABELLED_LENGTH; k++) side = add([side], `reporting change ${k}`);
      continue;
    }
    if (n % FORK_EVERY === 0 && count - n >= 2 * BRANCH_LENGTH + 1) {
      let a = tip;
      let b = tip;
      for (let k = 0; k < BRANCH_LENGTH; k++) {
        a = add([a], `feature a step ${k + 1}`);
        b = add([b], `feature b step ${k + 1}`);
      }
      tip = add([a, b], "merge feature branches");
      continue;
    }
    tip = add([tip], `trunk change ${n}`);
  }
  return revisions;
}

/**
 * The text of one revision file, in DESIGN.md section 4's TypeScript format, about 40 lines:
 * a table with a few columns, an index, and an added column, with the matching downgrade.
 *
 * @param rev the revision to render
 * @param index its position, used to name the objects it touches
 * @returns the file's content
 */
export function renderRevision(rev: GeneratedRevision, index: number): string {
  const table = `t_${index}`;
  const down = rev.downRevisions.length === 0
    ? "null"
    : rev.downRevisions.length === 1
    ? JSON.stringify(rev.downRevisions[0])
    : `[${rev.downRevisions.map((d) => JSON.stringify(d)).join(", ")}]`;
  const date = new Date(Date.UTC(2026, 0, 1) + index * 60_000).toISOString().slice(0, 19).replace("T", " ");
  return `/**
 * ${rev.message}
 *
 * Revision ID: ${rev.revision}
 * Revises: ${rev.downRevisions.join(", ")}
 * Create Date: ${date}
 */
import type { MigrationContext } from "@retort/migrate";

export const revision = "${rev.revision}";
export const downRevision: string | string[] | null = ${down};
export const branchLabels: string[] = ${JSON.stringify(rev.branchLabels)};
export const dependsOn: string[] = [];

export function upgrade({ op }: MigrationContext): void {
  op.createTable("${table}", {
    id: { type: "integer", primaryKey: true },
    name: { type: "varchar(100)", nullable: false },
    description: { type: "text" },
    amount: { type: "numeric(10,2)", nullable: false, default: 0 },
    created_at: { type: "timestamp", nullable: false },
    owner_id: { type: "integer" },
    category: { type: "varchar(40)" },
    updated_at: { type: "timestamp" },
    is_active: { type: "boolean", nullable: false, default: true },
  });
  op.createIndex("ix_${table}_name", "${table}", ["name"]);
  op.createIndex("ix_${table}_owner_id", "${table}", ["owner_id"]);
  op.addColumn("${table}", "status", { type: "varchar(20)", default: "new" });
  op.execute("UPDATE ${table} SET status = 'new' WHERE status IS NULL");
}

export function downgrade({ op }: MigrationContext): void {
  // Undo in reverse order: the column, the indexes, then the table.
  op.dropColumn("${table}", "status");
  op.dropIndex("ix_${table}_owner_id", { table: "${table}" });
  op.dropIndex("ix_${table}_name", { table: "${table}" });
  op.dropTable("${table}");
}
`;
}

/** Lower-case words joined by `_`, at most 40 characters (Alembic's slug). */
function slug(message: string): string {
  return message.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "").slice(0, 40);
}

/**
 * Writes a project with `count` revisions into `dir` (created if needed): `migrate.toml` (SQLite
 * database `bench.db` beside it) and one `<rev>_<slug>.ts` per revision.
 *
 * @param dir the project folder
 * @param count how many revisions
 * @returns the folder, the revisions and the heads
 * @throws {RangeError} when `count` is not a positive integer
 */
export function generateHistory(dir: string, count: number): GeneratedHistory {
  const revisions = planHistory(count);
  const versions = join(dir, "migrations", "versions");
  mkdirSync(versions, { recursive: true });
  writeFileSync(join(dir, "migrate.toml"), 'script_location = "migrations"\nurl = "sqlite:///bench.db"\n');
  revisions.forEach((rev, i) => {
    writeFileSync(join(versions, `${rev.revision}_${slug(rev.message)}.ts`), renderRevision(rev, i));
  });
  const revised = new Set(revisions.flatMap((r) => r.downRevisions));
  const heads = revisions.map((r) => r.revision).filter((r) => !revised.has(r)).sort();
  return { dir, revisions, heads };
}
