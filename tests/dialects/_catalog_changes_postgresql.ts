/**
 * What each step of tests/_operations.ts does to PostgreSQL's catalog, read back through pg_catalog
 * ({@link postgresCatalog}): the lines it adds and removes. Only data, all of it specific to
 * PostgreSQL; tests/dialects/operations_test.ts runs the steps.
 *
 * @module
 */
import type { CatalogDiff } from "../_operations.ts";

/** The lines of the base schema's `orders` table, which dropTable and renameTable remove. */
const ORDERS: readonly string[] = [
  "column orders.account_id integer",
  "column orders.id integer not null",
  "column orders.note text",
  "column orders.total numeric(10,2)",
  "constraint orders.orders_pkey PRIMARY KEY (id)",
  "index CREATE UNIQUE INDEX orders_pkey ON public.orders USING btree (id)",
  "table public.orders",
];

/** Per step name: the catalog lines it adds and removes. */
export const POSTGRESQL_CATALOG_CHANGES: Readonly<Record<string, CatalogDiff>> = {
  "createTable with constraints, indexes, comment and MySQL options": {
    "added": [
      "column invoice.account_id integer not null",
      "column invoice.code character varying(20) not null default 'x'::character varying",
      "column invoice.id integer not null",
      "column invoice.total numeric(10,2) comment gross",
      "constraint invoice.ck_invoice_total CHECK ((total >= (0)::numeric))",
      "constraint invoice.fk_invoice_account FOREIGN KEY (account_id) REFERENCES account(id) ON DELETE CASCADE",
      "constraint invoice.pk_invoice PRIMARY KEY (id)",
      "constraint invoice.uq_invoice_code UNIQUE (account_id, code)",
      "index CREATE INDEX ix_invoice_code ON public.invoice USING btree (code)",
      "index CREATE UNIQUE INDEX pk_invoice ON public.invoice USING btree (id)",
      "index CREATE UNIQUE INDEX uq_invoice_code ON public.invoice USING btree (account_id, code)",
      "table public.invoice comment Invoices",
    ],
    "removed": [],
  },
  "createTable with an autoincrement key and an enum": {
    "added": [
      "column event.at timestamp without time zone default CURRENT_TIMESTAMP",
      "column event.id integer not null identity d",
      "column event.mood mood not null default 'ok'::mood",
      "constraint event.event_pkey PRIMARY KEY (id)",
      "enum mood sad,ok",
      "index CREATE UNIQUE INDEX event_pkey ON public.event USING btree (id)",
      "table public.event",
    ],
    "removed": [],
  },
  "dropTable": { "added": [], "removed": ORDERS },
  "renameTable": {
    "added": [
      "column purchase.account_id integer",
      "column purchase.id integer not null",
      "column purchase.note text",
      "column purchase.total numeric(10,2)",
      "constraint purchase.orders_pkey PRIMARY KEY (id)",
      "index CREATE UNIQUE INDEX orders_pkey ON public.purchase USING btree (id)",
      "table public.purchase",
    ],
    "removed": ORDERS,
  },
  "addColumn with a default and NOT NULL": {
    "added": [
      "column account.phone character varying(20) not null default 'n/a'::character varying",
    ],
    "removed": [],
  },
  "addColumn with a foreign key": {
    "added": [
      "column orders.buyer_id integer",
      "constraint orders.fk_orders_buyer FOREIGN KEY (buyer_id) REFERENCES account(id)",
    ],
    "removed": [],
  },
  "dropColumn": {
    "added": [],
    "removed": [
      "column account.age integer",
    ],
  },
  "alterColumn type": {
    "added": [
      "column account.age bigint",
    ],
    "removed": [
      "column account.age integer",
    ],
  },
  "alterColumn nullable": {
    "added": [
      "column account.email character varying(200) not null",
    ],
    "removed": [
      "column account.email character varying(200)",
    ],
  },
  "alterColumn default": {
    "added": [
      "column account.age integer default 18",
    ],
    "removed": [
      "column account.age integer",
    ],
  },
  "alterColumn rename": {
    "added": [
      "column account.mail character varying(200)",
    ],
    "removed": [
      "column account.email character varying(200)",
    ],
  },
  "alterColumn comment": {
    "added": [
      "column account.name character varying(50) not null comment Display name",
    ],
    "removed": [
      "column account.name character varying(50) not null",
    ],
  },
  "alterColumn autoincrement": {
    "added": [
      "column orders.id integer not null identity d",
    ],
    "removed": [
      "column orders.id integer not null",
    ],
  },
  "createIndex unique multi-column": {
    "added": [
      "index CREATE UNIQUE INDEX ix_account_name_email ON public.account USING btree (name, email)",
    ],
    "removed": [],
  },
  "createIndex partial": {
    "added": [
      "index CREATE INDEX ix_account_adult ON public.account USING btree (age) WHERE (age >= 18)",
    ],
    "removed": [],
  },
  "createIndex expression": {
    "added": [
      "index CREATE INDEX ix_account_lower_email ON public.account USING btree (lower((email)::text))",
    ],
    "removed": [],
  },
  "createPrimaryKey": {
    "added": [
      "column link.a integer not null",
      "column link.b integer not null",
      "constraint link.pk_link PRIMARY KEY (a, b)",
      "index CREATE UNIQUE INDEX pk_link ON public.link USING btree (a, b)",
      "table public.link",
    ],
    "removed": [],
  },
  "createUniqueConstraint": {
    "added": [
      "constraint account.uq_account_email UNIQUE (email)",
      "index CREATE UNIQUE INDEX uq_account_email ON public.account USING btree (email)",
    ],
    "removed": [],
  },
  "createForeignKey": {
    "added": [
      "constraint orders.fk_orders_account FOREIGN KEY (account_id) REFERENCES account(id) ON DELETE CASCADE",
    ],
    "removed": [],
  },
  "createCheckConstraint": {
    "added": [
      "constraint account.ck_account_age CHECK ((age >= 0))",
    ],
    "removed": [],
  },
  "createTableComment": {
    "added": [
      "table public.account comment People's accounts",
    ],
    "removed": [
      "table public.account",
    ],
  },
  "addEnumValue": {
    "added": [
      "enum level low,mid,high",
    ],
    "removed": [],
  },
  "createSchema": {
    "added": [
      "schema rtx_extra_schema",
    ],
    "removed": [],
  },
  "bulkInsert with typed values": {
    "added": [
      "column payload.at timestamp without time zone",
      "column payload.data bytea",
      "column payload.doc json",
      "column payload.flag boolean",
      "column payload.id integer not null",
      "column payload.note text",
      "constraint payload.payload_pkey PRIMARY KEY (id)",
      "index CREATE UNIQUE INDEX payload_pkey ON public.payload USING btree (id)",
      "table public.payload",
    ],
    "removed": [],
  },
  "batchAlterTable": {
    "added": [
      "column account.name character varying(100) not null",
      "column account.score integer default 0",
      "constraint account.ck_account_score CHECK ((score >= 0))",
      "index CREATE INDEX ix_account_score ON public.account USING btree (score)",
    ],
    "removed": [
      "column account.name character varying(50) not null",
    ],
  },
};
