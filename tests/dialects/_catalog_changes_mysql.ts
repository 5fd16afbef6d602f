/**
 * What each step of tests/_operations.ts does to MySQL / MariaDB's catalog, read back through information_schema
 * ({@link mysqlCatalog}): the lines it adds and removes. Only data, all of it specific to
 * MySQL / MariaDB; tests/dialects/operations_test.ts runs the steps.
 *
 * @module
 */
import type { CatalogDiff } from "../_operations.ts";

/** The lines of the base schema's `orders` table, which dropTable and renameTable remove. */
const ORDERS: readonly string[] = [
  "column orders.account_id int(11) default NULL",
  "column orders.id int(11) not null",
  "column orders.note text default NULL",
  "column orders.total decimal(10,2) default NULL",
  "constraint orders.PRIMARY PRIMARY KEY",
  "index orders.PRIMARY unique (id)",
  "table orders",
];

/** Per step name: the catalog lines it adds and removes. */
export const MYSQL_CATALOG_CHANGES: Readonly<Record<string, CatalogDiff>> = {
  "createTable with constraints, indexes, comment and MySQL options": {
    "added": [
      "check invoice.ck_invoice_total `total` >= 0",
      "column invoice.account_id int(11) not null",
      "column invoice.code varchar(20) not null default 'x'",
      "column invoice.id int(11) not null",
      "column invoice.total decimal(10,2) default NULL comment gross",
      "constraint invoice.PRIMARY PRIMARY KEY",
      "constraint invoice.ck_invoice_total CHECK",
      "constraint invoice.fk_invoice_account FOREIGN KEY",
      "constraint invoice.uq_invoice_code UNIQUE",
      "fk invoice.fk_invoice_account -> account on delete CASCADE on update RESTRICT",
      "index invoice.PRIMARY unique (id)",
      "index invoice.ix_invoice_code (code)",
      "index invoice.uq_invoice_code unique (account_id,code)",
      "table invoice comment Invoices",
    ],
    "removed": [],
  },
  "createTable with an autoincrement key and an enum": {
    "added": [
      "column event.at datetime default current_timestamp()",
      "column event.id int(11) not null auto_increment",
      "column event.mood enum('sad','ok') not null default 'ok'",
      "constraint event.PRIMARY PRIMARY KEY",
      "index event.PRIMARY unique (id)",
      "table event",
    ],
    "removed": [],
  },
  "dropTable": { "added": [], "removed": ORDERS },
  "renameTable": {
    "added": [
      "column purchase.account_id int(11) default NULL",
      "column purchase.id int(11) not null",
      "column purchase.note text default NULL",
      "column purchase.total decimal(10,2) default NULL",
      "constraint purchase.PRIMARY PRIMARY KEY",
      "index purchase.PRIMARY unique (id)",
      "table purchase",
    ],
    "removed": ORDERS,
  },
  "addColumn with a default and NOT NULL": {
    "added": [
      "column account.phone varchar(20) not null default 'n/a'",
    ],
    "removed": [],
  },
  "addColumn with a foreign key": {
    "added": [
      "column orders.buyer_id int(11) default NULL",
      "constraint orders.fk_orders_buyer FOREIGN KEY",
      "fk orders.fk_orders_buyer -> account on delete RESTRICT on update RESTRICT",
      "index orders.fk_orders_buyer (buyer_id)",
    ],
    "removed": [],
  },
  "dropColumn": {
    "added": [],
    "removed": [
      "column account.age int(11) default NULL",
    ],
  },
  "alterColumn type": {
    "added": [
      "column account.age bigint(20) default NULL",
    ],
    "removed": [
      "column account.age int(11) default NULL",
    ],
  },
  "alterColumn nullable": {
    "added": [
      "column account.email varchar(200) not null",
    ],
    "removed": [
      "column account.email varchar(200) default NULL",
    ],
  },
  "alterColumn default": {
    "added": [
      "column account.age int(11) default 18",
    ],
    "removed": [
      "column account.age int(11) default NULL",
    ],
  },
  "alterColumn rename": {
    "added": [
      "column account.mail varchar(200) default NULL",
    ],
    "removed": [
      "column account.email varchar(200) default NULL",
    ],
  },
  "alterColumn comment": {
    "added": [
      "column account.name varchar(50) not null comment Display name",
    ],
    "removed": [
      "column account.name varchar(50) not null",
    ],
  },
  "alterColumn autoincrement": {
    "added": [
      "column orders.id int(11) not null auto_increment",
    ],
    "removed": [
      "column orders.id int(11) not null",
    ],
  },
  "createIndex unique multi-column": {
    "added": [
      "constraint account.ix_account_name_email UNIQUE",
      "index account.ix_account_name_email unique (name,email)",
    ],
    "removed": [],
  },
  "createIndex with a prefix length": {
    "added": [
      "index orders.ix_orders_note (note(10))",
    ],
    "removed": [],
  },
  "createPrimaryKey": {
    "added": [
      "column link.a int(11) not null",
      "column link.b int(11) not null",
      "constraint link.PRIMARY PRIMARY KEY",
      "index link.PRIMARY unique (a,b)",
      "table link",
    ],
    "removed": [],
  },
  "createUniqueConstraint": {
    "added": [
      "constraint account.uq_account_email UNIQUE",
      "index account.uq_account_email unique (email)",
    ],
    "removed": [],
  },
  "createForeignKey": {
    "added": [
      "constraint orders.fk_orders_account FOREIGN KEY",
      "fk orders.fk_orders_account -> account on delete CASCADE on update NO ACTION",
      "index orders.fk_orders_account (account_id)",
    ],
    "removed": [],
  },
  "createCheckConstraint": {
    "added": [
      "check account.ck_account_age `age` >= 0",
      "constraint account.ck_account_age CHECK",
    ],
    "removed": [],
  },
  "createTableComment": {
    "added": [
      "table account comment People's accounts",
    ],
    "removed": [
      "table account",
    ],
  },
  "createSchema": {
    "added": [
      "schema rtx_extra_schema",
    ],
    "removed": [],
  },
  "bulkInsert with typed values": {
    "added": [
      "check payload.doc json_valid(`doc`)",
      "column payload.at datetime default NULL",
      "column payload.data longblob default NULL",
      "column payload.doc longtext default NULL",
      "column payload.flag tinyint(1) default NULL",
      "column payload.id int(11) not null",
      "column payload.note text default NULL",
      "constraint payload.PRIMARY PRIMARY KEY",
      "constraint payload.doc CHECK",
      "index payload.PRIMARY unique (id)",
      "table payload",
    ],
    "removed": [],
  },
  "batchAlterTable": {
    "added": [
      "check account.ck_account_score `score` >= 0",
      "column account.name varchar(100) not null",
      "column account.score int(11) default 0",
      "constraint account.ck_account_score CHECK",
      "index account.ix_account_score (score)",
    ],
    "removed": [
      "column account.name varchar(50) not null",
    ],
  },
};
