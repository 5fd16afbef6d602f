/**
 * Every operation on a real PostgreSQL server, online and offline (rendered text fed to `psql`):
 * the catalog change of each step and its downgrade (tests/_operations.ts).
 *
 * @module
 */
import process from "node:process";
import { postgresDialect } from "../../lib/dialects/postgres/dialect.ts";
import { testUrl, withPostgresDatabase } from "../_db.ts";
import {
  applyOnline,
  BASE,
  type CatalogDiff,
  postgresCatalog,
  RECORDED,
  renderOps,
  runClient,
  runSteps,
} from "../_operations.ts";

/** Per step: the catalog lines it adds and removes (read back from pg_catalog), and data rows. */
const EXPECTED: Record<string, CatalogDiff & { rows?: unknown[] }> = {
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
  "dropTable": {
    "added": [],
    "removed": [
      "column orders.account_id integer",
      "column orders.id integer not null",
      "column orders.note text",
      "column orders.total numeric(10,2)",
      "constraint orders.orders_pkey PRIMARY KEY (id)",
      "index CREATE UNIQUE INDEX orders_pkey ON public.orders USING btree (id)",
      "table public.orders",
    ],
  },
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
    "removed": [
      "column orders.account_id integer",
      "column orders.id integer not null",
      "column orders.note text",
      "column orders.total numeric(10,2)",
      "constraint orders.orders_pkey PRIMARY KEY (id)",
      "index CREATE UNIQUE INDEX orders_pkey ON public.orders USING btree (id)",
      "table public.orders",
    ],
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
  "dropIndex": {
    "added": [],
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
  "dropConstraint": {
    "added": [],
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
  "dropTableComment": {
    "added": [],
    "removed": [],
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
  "dropSchema": {
    "added": [],
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
    "rows": [
      {
        "id": 1,
        "at": "2024-02-29T12:30:00.000Z",
        "doc": '{"a":[1,2]}',
        "data": "0001feff",
        "flag": true,
        "note": "it's \\ done",
      },
      {
        "id": 2,
        "at": null,
        "doc": null,
        "data": null,
        "flag": false,
        "note": null,
      },
      {
        "id": 3,
        "at": null,
        "doc": null,
        "data": null,
        "flag": null,
        "note": null,
      },
    ],
  },
  "execute": {
    "added": [],
    "removed": [],
    "rows": [
      {
        "id": 7,
        "name": "seven",
      },
    ],
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

Deno.test("PostgreSQL operations change the catalog and downgrade back (online)", async (t) => {
  await withPostgresDatabase(async (url) => {
    const conn = await postgresDialect.connect(testUrl(url));
    try {
      await applyOnline(conn, BASE);
      await runSteps(t, conn, postgresCatalog, EXPECTED, (ops) => applyOnline(conn, ops));
    } finally {
      await conn.close();
    }
  }, "pgops");
  if (process.env.RETORT_RECORD) console.log(JSON.stringify(RECORDED, null, 2));
});

Deno.test("PostgreSQL operations rendered offline run in psql with the same effect", async (t) => {
  await withPostgresDatabase(async (url) => {
    const conn = await postgresDialect.connect(testUrl(url));
    try {
      runClient("postgresql", url, await renderOps(postgresDialect, BASE));
      await runSteps(
        t,
        conn,
        postgresCatalog,
        EXPECTED,
        async (ops) => runClient("postgresql", url, await renderOps(postgresDialect, ops)),
      );
    } finally {
      await conn.close();
    }
  }, "pgopsoff");
});
