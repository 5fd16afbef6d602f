/**
 * DDL cases of the operations on objects beyond tables (views, materialized views, routines,
 * triggers, sequences, extensions, domains), spread into `DDL_CASES`.
 *
 * @module
 */
import * as c from "../../../lib/operations/create.ts";
import type { DdlCase } from "./ddl_cases.ts";

const TRIGGER = "CREATE TRIGGER trg_touch AFTER INSERT ON account FOR EACH ROW BEGIN SELECT 1; END";

/** One case per object operation kind, plus the dialect differences. */
export const OBJECT_DDL_CASES: readonly DdlCase[] = [
  {
    name: "createView",
    op: c.createView("active_account", "SELECT id FROM account WHERE id > 0;\n"),
    expect: {
      sqlite: ["CREATE VIEW active_account AS SELECT id FROM account WHERE id > 0"],
      postgresql: ["CREATE VIEW active_account AS SELECT id FROM account WHERE id > 0"],
      mysql: ["CREATE VIEW active_account AS SELECT id FROM account WHERE id > 0"],
    },
  },
  {
    name: "dropView",
    op: c.dropView("active_account", { ifExists: true, schema: "main", definition: "SELECT 1" }),
    expect: {
      sqlite: ["DROP VIEW IF EXISTS main.active_account"],
      postgresql: ["DROP VIEW IF EXISTS main.active_account"],
      mysql: ["DROP VIEW IF EXISTS main.active_account"],
    },
  },
  {
    name: "replaceView drops and creates where there is no CREATE OR REPLACE",
    op: c.replaceView("active_account", "SELECT id FROM account", { existing: "SELECT 1 AS id" }),
    expect: {
      sqlite: ["DROP VIEW active_account", "CREATE VIEW active_account AS SELECT id FROM account"],
      postgresql: ["CREATE OR REPLACE VIEW active_account AS SELECT id FROM account"],
      mysql: ["CREATE OR REPLACE VIEW active_account AS SELECT id FROM account"],
    },
  },
  {
    name: "createMaterializedView",
    op: c.createMaterializedView("totals", "SELECT count(*) AS n FROM account"),
    expect: {
      sqlite: null,
      postgresql: ["CREATE MATERIALIZED VIEW totals AS SELECT count(*) AS n FROM account"],
      mysql: null,
    },
  },
  {
    name: "dropMaterializedView",
    op: c.dropMaterializedView("totals", { ifExists: true }),
    expect: { sqlite: null, postgresql: ["DROP MATERIALIZED VIEW IF EXISTS totals"], mysql: null },
  },
  {
    name: "createFunction runs the statement as written",
    op: c.createFunction("one()", "CREATE FUNCTION one() RETURNS integer LANGUAGE sql AS $$ SELECT 1 $$"),
    expect: {
      sqlite: null,
      postgresql: ["CREATE FUNCTION one() RETURNS integer LANGUAGE sql AS $$ SELECT 1 $$"],
      mysql: ["CREATE FUNCTION one() RETURNS integer LANGUAGE sql AS $$ SELECT 1 $$"],
    },
  },
  {
    name: "dropFunction quotes the name, keeps the argument types",
    op: c.dropFunction("Add(integer, integer)", { schema: "util", routine: "aggregate", ifExists: true }),
    expect: {
      sqlite: null,
      postgresql: ['DROP AGGREGATE IF EXISTS util."Add"(integer, integer)'],
      mysql: ["DROP AGGREGATE IF EXISTS util.`Add`(integer, integer)"],
    },
  },
  {
    name: "createTrigger",
    op: c.createTrigger("trg_touch", "account", TRIGGER),
    expect: { sqlite: [TRIGGER], postgresql: [TRIGGER], mysql: [TRIGGER] },
  },
  {
    name: "dropTrigger names the table on PostgreSQL only",
    op: c.dropTrigger("trg_touch", "account", { ifExists: true }),
    expect: {
      sqlite: ["DROP TRIGGER IF EXISTS trg_touch"],
      postgresql: ["DROP TRIGGER IF EXISTS trg_touch ON account"],
      mysql: ["DROP TRIGGER IF EXISTS trg_touch"],
    },
  },
  {
    name: "createSequence",
    op: c.createSequence("ticket", { type: "integer", start: 10, increment: 5, cache: 2, cycle: true }),
    expect: {
      sqlite: null,
      postgresql: ["CREATE SEQUENCE ticket AS integer INCREMENT BY 5 START WITH 10 CACHE 2 CYCLE"],
      mysql: null,
    },
  },
  {
    name: "alterSequence",
    op: c.alterSequence("ticket", { maxValue: 99, cycle: false }, { existing: {} }),
    expect: { sqlite: null, postgresql: ["ALTER SEQUENCE ticket MAXVALUE 99 NO CYCLE"], mysql: null },
  },
  {
    name: "dropSequence",
    op: c.dropSequence("ticket", { ifExists: true, schema: "billing" }),
    expect: { sqlite: null, postgresql: ["DROP SEQUENCE IF EXISTS billing.ticket"], mysql: null },
  },
  {
    name: "createExtension",
    op: c.createExtension("citext", { schema: "ext", version: "1.6", ifNotExists: true }),
    expect: {
      sqlite: null,
      postgresql: ["CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA ext VERSION '1.6'"],
      mysql: null,
    },
  },
  {
    name: "dropExtension",
    op: c.dropExtension("citext", { ifExists: true }),
    expect: { sqlite: null, postgresql: ["DROP EXTENSION IF EXISTS citext"], mysql: null },
  },
  {
    name: "createDomain",
    op: c.createDomain("year", {
      type: "integer",
      nullable: false,
      default: "2000",
      checks: [{ name: "year_check", condition: "VALUE >= 1901" }],
    }),
    expect: {
      sqlite: null,
      postgresql: [
        "CREATE DOMAIN year AS integer DEFAULT 2000 NOT NULL CONSTRAINT year_check CHECK (VALUE >= 1901)",
      ],
      mysql: null,
    },
  },
  {
    name: "dropDomain",
    op: c.dropDomain("year", { ifExists: true, definition: { type: "integer" } }),
    expect: { sqlite: null, postgresql: ["DROP DOMAIN IF EXISTS year"], mysql: null },
  },
];
