/**
 * What each step of tests/_operations.ts does to SQLite's catalog, read back through PRAGMAs
 * ({@link sqliteCatalog}): the lines it adds and removes. Only data, all of it specific to
 * SQLite; tests/dialects/operations_test.ts runs the steps.
 *
 * @module
 */
import type { CatalogDiff } from "../_operations.ts";

/** The lines of the base schema's `orders` table, which dropTable and renameTable remove. */
const ORDERS: readonly string[] = [
  "column orders.account_id INTEGER",
  "column orders.id INTEGER not null pk 1",
  "column orders.note TEXT",
  "column orders.total NUMERIC(10, 2)",
  "table orders",
];

/** Per step name: the catalog lines it adds and removes. */
export const SQLITE_CATALOG_CHANGES: Readonly<Record<string, CatalogDiff>> = {
  "createTable with constraints, indexes, comment and MySQL options": {
    "added": [
      "check invoice CONSTRAINT ck_invoice_total CHECK (total >= 0)",
      "column invoice.account_id INTEGER not null",
      "column invoice.code VARCHAR(20) not null default 'x'",
      "column invoice.id INTEGER pk 1",
      "column invoice.total NUMERIC(10, 2)",
      "fk invoice.account_id -> account.id on delete CASCADE on update NO ACTION",
      "index invoice.<auto> unique u (account_id, code)",
      "index invoice.ix_invoice_code c (code)",
      "table invoice",
    ],
    "removed": [],
  },
  "createTable with an autoincrement key and an enum": {
    "added": [
      "autoincrement event",
      "check event.mood CHECK (mood IN ('sad', 'ok'))",
      "column event.at DATETIME default CURRENT_TIMESTAMP",
      "column event.id INTEGER not null pk 1",
      "column event.mood VARCHAR(3) not null default 'ok'",
      "table event",
    ],
    "removed": [],
  },
  "dropTable": { "added": [], "removed": ORDERS },
  "renameTable": {
    "added": [
      "column purchase.account_id INTEGER",
      "column purchase.id INTEGER not null pk 1",
      "column purchase.note TEXT",
      "column purchase.total NUMERIC(10, 2)",
      "table purchase",
    ],
    "removed": ORDERS,
  },
  "addColumn with a default and NOT NULL": {
    "added": [
      "column account.phone VARCHAR(20) not null default 'n/a'",
    ],
    "removed": [],
  },
  "addColumn with a foreign key": {
    "added": [
      "column orders.buyer_id INTEGER",
      "fk orders.buyer_id -> account.id on delete NO ACTION on update NO ACTION",
    ],
    "removed": [],
  },
  "dropColumn": {
    "added": [],
    "removed": [
      "column account.age INTEGER",
    ],
  },
  "alterColumn type": {
    "added": [
      "column account.age BIGINT",
    ],
    "removed": [
      "column account.age INTEGER",
    ],
  },
  "alterColumn nullable": {
    "added": [
      "column account.email VARCHAR(200) not null",
    ],
    "removed": [
      "column account.email VARCHAR(200)",
    ],
  },
  "alterColumn default": {
    "added": [
      "column account.age INTEGER default 18",
    ],
    "removed": [
      "column account.age INTEGER",
    ],
  },
  "alterColumn rename": {
    "added": [
      "column account.mail VARCHAR(200)",
    ],
    "removed": [
      "column account.email VARCHAR(200)",
    ],
  },
  "alterColumn comment": {
    "added": [],
    "removed": [],
  },
  "createIndex unique multi-column": {
    "added": [
      "index account.ix_account_name_email unique c (name, email)",
    ],
    "removed": [],
  },
  "createIndex partial": {
    "added": [
      "index account.ix_account_adult c partial (age)",
    ],
    "removed": [],
  },
  "createIndex expression": {
    "added": [
      "index account.ix_account_lower_email c (<expr>)",
    ],
    "removed": [],
  },
  "createPrimaryKey": {
    "added": [
      "column link.a INTEGER not null pk 1",
      "column link.b INTEGER not null pk 2",
      "index link.<auto> unique pk (a, b)",
      "table link",
    ],
    "removed": [],
  },
  "createUniqueConstraint": {
    "added": [
      "index account.<auto> unique u (email)",
    ],
    "removed": [],
  },
  "createForeignKey": {
    "added": [
      "fk orders.account_id -> account.id on delete CASCADE on update NO ACTION",
    ],
    "removed": [],
  },
  "createCheckConstraint": {
    "added": [
      "check account CONSTRAINT ck_account_age CHECK (age >= 0)",
    ],
    "removed": [],
  },
  "createTableComment": {
    "added": [],
    "removed": [],
  },
  "bulkInsert with typed values": {
    "added": [
      "column payload.at DATETIME",
      "column payload.data BLOB",
      "column payload.doc JSON",
      "column payload.flag BOOLEAN",
      "column payload.id INTEGER not null pk 1",
      "column payload.note TEXT",
      "table payload",
    ],
    "removed": [],
  },
  "batchAlterTable": {
    "added": [
      "check account CONSTRAINT ck_account_score CHECK (score >= 0)",
      "column account.name VARCHAR(100) not null",
      "column account.score INTEGER default 0",
      "index account.ix_account_score c (score)",
    ],
    "removed": [
      "column account.name VARCHAR(50) not null",
    ],
  },
};
