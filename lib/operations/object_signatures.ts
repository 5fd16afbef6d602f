/**
 * The signature entries (see `signatures.ts`, which spreads them into `SIGNATURES`) of the
 * operations on objects beyond tables: views, materialized views, routines, triggers, sequences,
 * extensions and domains. Plain data, kept in its own file so the table operations' entries stay
 * readable.
 *
 * @module
 */

const SCHEMA = ["schema"] as const;

/** Signatures of the object operations, in the documentation's order. */
export const OBJECT_SIGNATURES = {
  createView: {
    summary: "`CREATE VIEW name AS definition` (the view's query).",
    args: ["name", "definition"],
    options: SCHEMA,
    reverse: { into: ["dropView"] },
    batch: false,
  },
  dropView: {
    summary: "`DROP VIEW`; `definition` (the query it had) makes it reversible.",
    args: ["name"],
    options: ["schema", "ifExists", "definition"],
    reverse: { into: ["createView"], needs: "`definition`" },
    batch: false,
  },
  replaceView: {
    summary: "Change a view's query: `CREATE OR REPLACE VIEW` (drop and create on SQLite).",
    args: ["name", "definition"],
    options: ["schema", "existing"],
    reverse: { into: ["replaceView"], needs: "`existing`" },
    batch: false,
  },
  createMaterializedView: {
    summary: "PostgreSQL `CREATE MATERIALIZED VIEW name AS definition`.",
    args: ["name", "definition"],
    options: SCHEMA,
    reverse: { into: ["dropMaterializedView"] },
    batch: false,
  },
  dropMaterializedView: {
    summary: "PostgreSQL `DROP MATERIALIZED VIEW`; `definition` makes it reversible.",
    args: ["name"],
    options: ["schema", "ifExists", "definition"],
    reverse: { into: ["createMaterializedView"], needs: "`definition`" },
    batch: false,
  },
  createFunction: {
    summary: "Run a routine's whole `CREATE FUNCTION`/`PROCEDURE`/`AGGREGATE` statement.",
    args: ["name", "definition"],
    options: ["schema", "routine"],
    reverse: { into: ["dropFunction"] },
    batch: false,
  },
  dropFunction: {
    summary: "`DROP FUNCTION`/`PROCEDURE`/`AGGREGATE name` (with argument types on PostgreSQL).",
    args: ["name"],
    options: ["schema", "routine", "ifExists", "definition"],
    reverse: { into: ["createFunction"], needs: "`definition`" },
    batch: false,
  },
  createTrigger: {
    summary: "Run a trigger's whole `CREATE TRIGGER` statement.",
    args: ["name", "table", "definition"],
    options: SCHEMA,
    reverse: { into: ["dropTrigger"] },
    batch: false,
  },
  dropTrigger: {
    summary: "`DROP TRIGGER name` (`ON table` on PostgreSQL); `definition` makes it reversible.",
    args: ["name", "table"],
    options: ["schema", "ifExists", "definition"],
    reverse: { into: ["createTrigger"], needs: "`definition`" },
    batch: false,
  },
  createSequence: {
    summary:
      "PostgreSQL `CREATE SEQUENCE` with `type`, `start`, `increment`, `minValue`, `maxValue`, `cache`, `cycle`.",
    args: ["name", "definition?"],
    options: SCHEMA,
    reverse: { into: ["dropSequence"] },
    batch: false,
  },
  alterSequence: {
    summary: "PostgreSQL `ALTER SEQUENCE`: set the options given in `definition`.",
    args: ["name", "definition"],
    options: ["schema", "existing"],
    reverse: { into: ["alterSequence"], needs: "`existing`" },
    batch: false,
  },
  dropSequence: {
    summary: "PostgreSQL `DROP SEQUENCE`; `definition` makes it reversible.",
    args: ["name"],
    options: ["schema", "ifExists", "definition"],
    reverse: { into: ["createSequence"] },
    batch: false,
  },
  createExtension: {
    summary: "PostgreSQL `CREATE EXTENSION [IF NOT EXISTS] name [WITH SCHEMA schema] [VERSION version]`.",
    args: ["name"],
    options: ["schema", "version", "ifNotExists"],
    reverse: { into: ["dropExtension"] },
    batch: false,
  },
  dropExtension: {
    summary: "PostgreSQL `DROP EXTENSION [IF EXISTS] name`.",
    args: ["name"],
    options: ["schema", "version", "ifExists"],
    reverse: { into: ["createExtension"] },
    batch: false,
  },
  createDomain: {
    summary: "PostgreSQL `CREATE DOMAIN name AS type` with `nullable`, `default` and `checks`.",
    args: ["name", "definition"],
    options: SCHEMA,
    reverse: { into: ["dropDomain"] },
    batch: false,
  },
  dropDomain: {
    summary: "PostgreSQL `DROP DOMAIN`; `definition` makes it reversible.",
    args: ["name"],
    options: ["schema", "ifExists", "definition"],
    reverse: { into: ["createDomain"], needs: "`definition`" },
    batch: false,
  },
} as const;
