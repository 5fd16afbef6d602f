import { assert, assertEquals } from "../../_assert.ts";
import { parse as parseToml } from "smol-toml";
import { SETTING_DEFAULTS, SETTINGS_KEYS } from "../../../lib/config/key_rules.ts";
import { configFileSchema } from "../../../lib/config/schema.ts";
import { isWellFormedConfig } from "../../../lib/config/well_formed.ts";

const GOOD = {
  script_location: "migrations",
  url: "sqlite:///app.db",
  version_locations: ["migrations/versions", "more"],
  version_table: "alembic_version",
  version_table_schema: "",
  transaction_per_migration: true,
  file_template: "%(rev)s_%(slug)s",
  truncate_slug_length: 40,
  timezone: "UTC",
  schema: "db/schema.ts",
  compare_type: true,
  compare_server_default: false,
  include_tables: ["*"],
  exclude_tables: [],
  post_write_hooks: ["deno fmt {file}"],
  lock_timeout: 60,
  statement_timeout: 1.5,
  revision_format: "sql",
  environments: { staging: { url: "postgresql://x/y", lock_timeout: 0 } },
  databases: { analytics: { url: "sqlite:///a.db", environments: { prod: { version_table: "v" } } } },
  fleet: { urls: ["postgresql://a/b"], urls_file: "tenants.txt", concurrency: 8 },
};

/** Values that break each key's rule in some way, plus a few that are fine. */
const PROBES: unknown[] = [
  "",
  "x",
  0,
  -1,
  1,
  1.5,
  Number.POSITIVE_INFINITY,
  Number.NaN,
  true,
  null,
  [],
  [""],
  ["a"],
  [1],
  {},
  { url: 1 },
  { nope: "x" },
  "ts",
  new Date(0),
];

Deno.test("SETTINGS_KEYS lists exactly the keys the zod schema allows in a settings layer", () => {
  const shape = (configFileSchema() as unknown as { def: { shape: Record<string, unknown> } }).def.shape;
  const settings = Object.keys(shape).filter((k) => !["environments", "databases", "fleet"].includes(k));
  assertEquals([...SETTINGS_KEYS].sort(), settings.sort());
});

Deno.test("every default in the key rules passes its own rule", () => {
  assert(configFileSchema().safeParse(SETTING_DEFAULTS).success);
  assert(isWellFormedConfig(structuredClone(SETTING_DEFAULTS)));
});

Deno.test("isWellFormedConfig accepts a complete valid file, as zod does", () => {
  assert(configFileSchema().safeParse(GOOD).success);
  assert(isWellFormedConfig(GOOD));
});

Deno.test("isWellFormedConfig accepts TOML tables, which have no prototype", () => {
  const data = parseToml('script_location = "m"\nurl = "sqlite:///a.db"\n[environments.prod]\nurl = "x"\n');
  assertEquals(Object.getPrototypeOf(data), null);
  assert(isWellFormedConfig(data));
});

Deno.test("isWellFormedConfig never accepts what zod rejects, and agrees on these probes", () => {
  let checked = 0;
  const paths: string[][] = [
    ...Object.keys(GOOD).map((k) => [k]),
    ["environments", "staging", "url"],
    ["environments", "staging", "databases"],
    ["environments", "staging"],
    ["databases", "analytics", "environments"],
    ["databases", "analytics", "environments", "prod", "version_table"],
    ["databases", "analytics", "fleet"],
    ["fleet", "concurrency"],
    ["fleet", "urls"],
    ["fleet", "urls_file"],
    ["fleet", "url"],
    ["unknown_key"],
  ];
  for (const path of paths) {
    for (const probe of PROBES) {
      const data = structuredClone(GOOD) as Record<string, unknown>;
      let node = data;
      for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
      node[path[path.length - 1]] = probe;
      const zodOk = configFileSchema().safeParse(data).success;
      const fastOk = isWellFormedConfig(data);
      if (fastOk) assert(zodOk, `fast check accepted ${path.join(".")} = ${String(probe)} which zod rejects`);
      // Rejecting what zod accepts only costs a zod run; zod takes a Date for an empty table.
      else if (!(probe instanceof Date)) {
        assert(!zodOk, `fast check rejected ${path.join(".")} = ${String(probe)} which zod accepts`);
      }
      checked++;
    }
  }
  assert(checked > 500);
});
