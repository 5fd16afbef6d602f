/**
 * Every operation on a real SQLite database, online (through `plan`, so unsupported ALTERs become
 * table rebuilds) and offline (text rendered against the scratch database, fed to `sqlite3`): the
 * catalog change of each step and its downgrade (tests/_operations.ts).
 *
 * @module
 */
import process from "node:process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DatabaseUrl } from "../../lib/config/url.ts";
import { sqliteDialect } from "../../lib/dialects/sqlite/dialect.ts";
import { openSqliteScratch } from "../../lib/dialects/sqlite/scratch.ts";
import {
  applyOnline,
  BASE,
  type CatalogDiff,
  RECORDED,
  renderOps,
  runClient,
  runSteps,
  sqliteCatalog,
} from "../_operations.ts";

/** Per step: the catalog lines it adds and removes (read back through PRAGMAs), and data rows. */
const EXPECTED: Record<string, CatalogDiff & { rows?: unknown[] }> = {
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
  "dropTable": {
    "added": [],
    "removed": [
      "column orders.account_id INTEGER",
      "column orders.id INTEGER not null pk 1",
      "column orders.note TEXT",
      "column orders.total NUMERIC(10, 2)",
      "table orders",
    ],
  },
  "renameTable": {
    "added": [
      "column purchase.account_id INTEGER",
      "column purchase.id INTEGER not null pk 1",
      "column purchase.note TEXT",
      "column purchase.total NUMERIC(10, 2)",
      "table purchase",
    ],
    "removed": [
      "column orders.account_id INTEGER",
      "column orders.id INTEGER not null pk 1",
      "column orders.note TEXT",
      "column orders.total NUMERIC(10, 2)",
      "table orders",
    ],
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
  "dropIndex": {
    "added": [],
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
  "dropConstraint": {
    "added": [],
    "removed": [],
  },
  "createTableComment": {
    "added": [],
    "removed": [],
  },
  "dropTableComment": {
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
    "rows": [
      {
        "id": 1,
        "at": "2024-02-29 12:30:00.000",
        "doc": '{"a": [1, 2]}',
        "data": "0001feff",
        "flag": 1,
        "note": "it's \\ done",
      },
      {
        "id": 2,
        "at": null,
        "doc": null,
        "data": null,
        "flag": 0,
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

async function withSqliteFile(fn: (url: DatabaseUrl) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "retort-ops-"));
  const path = join(dir, "db.sqlite");
  try {
    await fn({ dialect: "sqlite", path, options: {}, raw: `sqlite:///${path}` });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

Deno.test("SQLite operations change the catalog and downgrade back (online)", async (t) => {
  await withSqliteFile(async (url) => {
    const conn = await sqliteDialect.connect(url);
    try {
      await applyOnline(conn, BASE);
      await runSteps(t, conn, sqliteCatalog, EXPECTED, (ops) => applyOnline(conn, ops));
    } finally {
      await conn.close();
    }
  });
  if (process.env.RETORT_RECORD) console.log(JSON.stringify(RECORDED, null, 2));
});

Deno.test("SQLite operations rendered offline run in sqlite3 with the same effect", async (t) => {
  await withSqliteFile(async (url) => {
    const render = async (ops: Parameters<typeof renderOps>[1], fromBase: boolean) => {
      const scratch = await openSqliteScratch(url, fromBase);
      try {
        return await renderOps(sqliteDialect, ops, scratch);
      } finally {
        await scratch.close();
      }
    };
    runClient("sqlite", url.path as string, await render(BASE, true));
    const conn = await sqliteDialect.connect(url);
    try {
      await runSteps(
        t,
        conn,
        sqliteCatalog,
        EXPECTED,
        async (ops) =>
          runClient("sqlite", url.path as string, `BEGIN;\n${await render(ops, false)}COMMIT;\n`),
      );
    } finally {
      await conn.close();
    }
  });
});
