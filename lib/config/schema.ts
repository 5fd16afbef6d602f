/**
 * The config file's shape (DESIGN.md section 3) as a zod schema, in the file's snake_case keys,
 * built from the rules of `key_rules.ts` (where each key is declared once); the TypeScript types
 * are `z.infer` of it.
 *
 * Built on `zod/mini`: the CLI validates the config on every command, and in the compiled binary
 * `zod/mini` starts in about 3 ms where classic `zod` takes about 8 ms (measured with
 * `bun build --compile`, import plus building and running a small schema).
 *
 * Every schema carries its expectation as the issue message (`"a string"`, `"an integer >= 1"`),
 * so `validate.ts` can say `"truncate_slug_length" must be an integer >= 1, got "40"`.
 *
 * @module
 */
import * as z from "zod/mini";
import { expectation, FLEET_RULES, type KeyRule, type RuleValue, SETTING_RULES } from "./key_rules.ts";

/** The zod schema of one rule, its expectation as the issue message. */
function zodFor<R extends KeyRule>(rule: R): z.ZodMiniType<RuleValue<R>> {
  const error = expectation(rule);
  let schema: z.ZodMiniType;
  switch (rule.kind) {
    case "string":
      schema = rule.nonEmpty ? z.string({ error }).check(z.minLength(1, error)) : z.string({ error });
      break;
    case "strings": {
      const list = z.array(zodFor({ kind: "string", nonEmpty: rule.nonEmptyItems }), { error });
      schema = rule.nonEmptyList ? list.check(z.minLength(1, "a non-empty array of strings")) : list;
      break;
    }
    case "boolean":
      schema = z.boolean({ error });
      break;
    case "integer":
      schema = z.int({ error }).check(z.gte(rule.min, error));
      break;
    case "seconds":
      schema = z.number({ error }).check(rule.exclusive ? z.gt(rule.min, error) : z.gte(rule.min, error));
      break;
    case "enum":
      schema = z.enum(rule.values, { error });
      break;
  }
  return schema as z.ZodMiniType<RuleValue<R>>;
}

/** The zod shape of a table of rules: every key optional. */
type ShapeOf<T extends Readonly<Record<string, KeyRule>>> = {
  -readonly [K in keyof T]: z.ZodMiniOptional<z.ZodMiniType<RuleValue<T[K]>>>;
};

function shapeOf<T extends Readonly<Record<string, KeyRule>>>(rules: T): ShapeOf<T> {
  const shape: Record<string, z.ZodMiniOptional> = {};
  for (const [key, rule] of Object.entries(rules)) shape[key] = z.optional(zodFor(rule));
  return shape as ShapeOf<T>;
}

/**
 * Schema of a whole config file (TOML or JSON), strict: an unknown key at any level is an error.
 *
 * Each `[databases.NAME]` takes the top-level keys plus its own `environments`; `[environments.NAME]`
 * takes the top-level keys that describe one migration set (not `environments`, `databases`, `fleet`).
 * Built on first use: a well-formed file passes `isWellFormedConfig` and never needs it, which
 * keeps zod's set-up (about 2.5 ms) off every command's start-up.
 *
 * @returns the (memoised) zod schema
 */
export function configFileSchema(): ConfigFileSchema {
  return (built ??= buildConfigFileSchema());
}

let built: ConfigFileSchema | undefined;

function buildConfigFileSchema() {
  const settingsShape = shapeOf(SETTING_RULES);
  const settings = z.strictObject(settingsShape, { error: "a table" });
  const environments = z.record(z.string(), settings, { error: "a table of environments" });
  const fleet = z.strictObject(shapeOf(FLEET_RULES), { error: "a table" });
  const database = z.strictObject({ ...settingsShape, environments: z.optional(environments) }, {
    error: "a table",
  });
  return z.strictObject({
    ...settingsShape,
    environments: z.optional(environments),
    databases: z.optional(z.record(z.string(), database, { error: "a table of databases" })),
    fleet: z.optional(fleet),
  }, { error: "a table" });
}

/** The type of {@link configFileSchema}'s schema. */
export type ConfigFileSchema = ReturnType<typeof buildConfigFileSchema>;

/** The settings one layer of the file may give (top level, one environment, one database). */
export type ConfigSettings = z.infer<z.ZodMiniObject<ShapeOf<typeof SETTING_RULES>>>;

/** A validated config file, keys as written (snake_case). */
export type ConfigFile = z.infer<ConfigFileSchema>;
