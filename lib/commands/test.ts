/**
 * `migrate test`: the checks pytest-alembic runs for Alembic projects, on a scratch database: the
 * graph has a single head; each revision in order upgrades, downgrades back to exactly the schema it
 * started from, and upgrades again to exactly the schema it made; at head, the schema equals the
 * schema file when one is configured. The scratch database is created beside the configured one (a
 * new database on the same server, or a temporary SQLite file) and dropped afterwards, or given with
 * `--scratch-url` (it must be empty, and is kept).
 *
 * @module
 */
import type { Config } from "../config/config.ts";
import { parseUrl } from "../config/url.ts";
import type { Connection } from "../dialects/dialect.ts";
import type { PlanStep, VersionAction } from "../revision/revision.ts";
import type { RevisionMap } from "../revision/revision_map.ts";
import { runOnline } from "../runtime/migrator.ts";
import { introspectSchema } from "../schema/introspect.ts";
import { readVersions, versionTableName } from "../runtime/version_table.ts";
import { UsageError } from "../errors.ts";
import { loadRevisionMap, openConnection } from "./_project.ts";

/** Options of `migrate test`. */
export interface TestOptions {
  /** An empty database to test on, instead of a scratch one created and dropped here. */
  readonly scratchUrl?: string;
  /** A revision map already loaded. */
  readonly map?: RevisionMap;
}

/** The outcome of one check. */
export interface TestCheck {
  /** `single head`, `up/down/up <rev>` or `schema file`. */
  readonly name: string;
  readonly ok: boolean;
  /** What differed, when it failed. */
  readonly detail?: string;
}

/** What `migrate test` found; it stops at the first check that fails. */
export interface TestResult {
  readonly checks: readonly TestCheck[];
  readonly ok: boolean;
}

/** The version-table changes that undo `actions`, in reverse order. */
function undo(actions: readonly VersionAction[]): VersionAction[] {
  return actions.toReversed().map((a): VersionAction =>
    a.kind === "insert"
      ? { kind: "delete", version: a.version }
      : a.kind === "delete"
      ? { kind: "insert", version: a.version }
      : { kind: "update", from: a.to, to: a.from }
  );
}

async function snapshot(conn: Connection, config: Config): Promise<string> {
  const schema = await introspectSchema(conn, {
    versionTable: { table: config.versionTable, schema: config.versionTableSchema },
  });
  return JSON.stringify(schema, null, 1);
}

/** The first lines where two snapshots differ, for the report. */
function difference(expected: string, actual: string): string {
  const a = expected.split("\n");
  const b = actual.split("\n");
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) {
      return `expected ${JSON.stringify((a[i] ?? "").trim())}, found ${JSON.stringify((b[i] ?? "").trim())}`;
    }
  }
  return "the schemas differ";
}

/**
 * Run the checks on a scratch database.
 *
 * @param config the resolved config; its URL names the server the scratch database is made on
 * @param options a scratch URL to use instead
 * @returns each check run, stopping at the first failure
 * @throws {UsageError} when `--scratch-url` names a database that is not empty
 * @throws {ConnectionError} when the server cannot be reached
 * @throws {MigrationError} when a step fails to run (naming the revision and statement)
 */
export async function testRevisions(config: Config, options: TestOptions = {}): Promise<TestResult> {
  const map = options.map ?? loadRevisionMap(config);
  const checks: TestCheck[] = [];
  const heads = map.heads;
  checks.push(
    heads.length === 1 ? { name: "single head", ok: true } : {
      name: "single head",
      ok: false,
      detail: `${heads.length} heads (${heads.join(", ")}): merge them with migrate merge`,
    },
  );
  if (!checks[0].ok) return { checks, ok: false };
  const { dialectName } = await import("./_dialect_of.ts");
  const { dialectFor } = await import("../dialects/registry.ts");
  const dialect = await dialectFor(dialectName(config));
  const scratch = options.scratchUrl === undefined
    ? await dialect.openScratchDatabase(parseUrl(config.url!, config.root))
    : undefined;
  const scratchConfig: Config = { ...config, url: options.scratchUrl ?? scratch!.url };
  try {
    const conn = await openConnection(scratchConfig);
    try {
      if (
        options.scratchUrl !== undefined && (await readVersions(conn, versionTableName(config))).length > 0
      ) {
        throw new UsageError(
          `Cannot test on --scratch-url: its database is not empty (it has a version table row)`,
        );
      }
      const run = (step: PlanStep) =>
        runOnline({ config: scratchConfig, connection: conn, plan: () => [step] });
      for (const step of map.upgradePlan([], "heads")) {
        const name = `up/down/up ${step.revision.revision}`;
        const before = await snapshot(conn, scratchConfig);
        await run(step);
        const afterUp = await snapshot(conn, scratchConfig);
        await run({ revision: step.revision, direction: "down", versionActions: undo(step.versionActions) });
        const afterDown = await snapshot(conn, scratchConfig);
        if (afterDown !== before) {
          checks.push({
            name,
            ok: false,
            detail: `the downgrade of ${step.revision.revision} (${
              step.revision.path ?? "no file"
            }) does not give back the schema before its upgrade: ${difference(before, afterDown)}`,
          });
          return { checks, ok: false };
        }
        await run(step);
        const again = await snapshot(conn, scratchConfig);
        if (again !== afterUp) {
          checks.push({
            name,
            ok: false,
            detail: `upgrading ${step.revision.revision} again gives another schema: ${
              difference(afterUp, again)
            }`,
          });
          return { checks, ok: false };
        }
        checks.push({ name, ok: true });
      }
    } finally {
      await conn.close();
    }
    if (config.schema) {
      const { check } = await import("./check.ts");
      const result = await check(scratchConfig);
      checks.push(
        result.ok ? { name: "schema file", ok: true } : {
          name: "schema file",
          ok: false,
          detail: `the schema at head differs from ${result.schemaFile}: ${
            result.changes.map((c) => `${c.type} "${c.name}"`).join(", ")
          }`,
        },
      );
    }
  } finally {
    await scratch?.drop();
  }
  return { checks, ok: checks.every((c) => c.ok) };
}
