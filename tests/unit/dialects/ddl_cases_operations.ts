/**
 * DDL cases of the operations beyond the first set (constraints, alterColumn, comments, enums,
 * schemas, batches): the exact SQL per dialect, `null` where the dialect refuses the operation
 * in `ddl` (SQLite does those through a table rebuild, see tests/unit/dialects/sqlite_rebuild_test.ts).
 *
 * @module
 */
import * as c from "../../../lib/operations/create.ts";
import { batchAlterTable } from "../../../lib/operations/batch.ts";
import type { DdlCase } from "./ddl_cases.ts";

/** Cases appended to `DDL_CASES`. */
export const OPERATION_DDL_CASES: readonly DdlCase[] = [
  {
    name: "createTable renders table constraints, indexes, comment and MySQL options",
    op: c.createTable("orders", {
      id: { type: "integer" },
      account_id: { type: "integer", nullable: false },
      code: { type: "varchar(20)", nullable: false },
      status: { type: "enum", enum: { name: "order_status", values: ["new", "paid"] }, default: "new" },
      total: { type: "numeric(10, 2)" },
    }, {
      primaryKey: { name: "pk_orders", columns: ["id"] },
      uniqueConstraints: [{ name: "uq_orders_code", columns: ["account_id", "code"] }],
      foreignKeys: [{
        name: "fk_orders_account",
        columns: ["account_id"],
        referencedTable: "account",
        referencedColumns: ["id"],
        onDelete: "cascade",
      }],
      checkConstraints: [{ name: "ck_orders_total", condition: "total >= 0" }],
      indexes: [{ name: "ix_orders_code", columns: ["code"], unique: true }],
      comment: "Customer orders",
      mysql: { engine: "InnoDB", charset: "utf8mb4" },
    }),
    expect: {
      sqlite: [
        "CREATE TABLE orders (\n    id INTEGER,\n    account_id INTEGER NOT NULL,\n    code VARCHAR(20) NOT NULL,\n    status VARCHAR(4) DEFAULT 'new' CHECK (status IN ('new', 'paid')),\n    total NUMERIC(10, 2),\n    CONSTRAINT pk_orders PRIMARY KEY (id),\n    CONSTRAINT fk_orders_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE,\n    CONSTRAINT uq_orders_code UNIQUE (account_id, code),\n    CONSTRAINT ck_orders_total CHECK (total >= 0)\n)",
        "CREATE UNIQUE INDEX ix_orders_code ON orders (code)",
      ],
      postgresql: [
        "CREATE TABLE orders (\n    id INTEGER,\n    account_id INTEGER NOT NULL,\n    code VARCHAR(20) NOT NULL,\n    status order_status DEFAULT 'new',\n    total NUMERIC(10, 2),\n    CONSTRAINT pk_orders PRIMARY KEY (id),\n    CONSTRAINT fk_orders_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE,\n    CONSTRAINT uq_orders_code UNIQUE (account_id, code),\n    CONSTRAINT ck_orders_total CHECK (total >= 0)\n)",
        "COMMENT ON TABLE orders IS 'Customer orders'",
        "CREATE UNIQUE INDEX ix_orders_code ON orders (code)",
      ],
      mysql: [
        "CREATE TABLE orders (\n    id INTEGER,\n    account_id INTEGER NOT NULL,\n    code VARCHAR(20) NOT NULL,\n    status ENUM('new', 'paid') DEFAULT 'new',\n    total NUMERIC(10, 2),\n    CONSTRAINT pk_orders PRIMARY KEY (id),\n    CONSTRAINT fk_orders_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE,\n    CONSTRAINT uq_orders_code UNIQUE (account_id, code),\n    CONSTRAINT ck_orders_total CHECK (total >= 0)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='Customer orders'",
        "CREATE UNIQUE INDEX ix_orders_code ON orders (code)",
      ],
    },
  },
  {
    name: "createTable renders a composite primary key and identity options",
    op: c.createTable("pair", {
      a: { type: "integer", primaryKey: true },
      b: { type: "text", primaryKey: true },
      n: { type: "bigint", identity: { always: true, start: 5, increment: 2 } },
    }),
    expect: {
      sqlite: null,
      postgresql: [
        "CREATE TABLE pair (\n    a INTEGER NOT NULL,\n    b TEXT NOT NULL,\n    n BIGINT GENERATED ALWAYS AS IDENTITY (START WITH 5 INCREMENT BY 2),\n    PRIMARY KEY (a, b)\n)",
      ],
      mysql: [
        "CREATE TABLE pair (\n    a INTEGER NOT NULL,\n    b TEXT NOT NULL,\n    n BIGINT AUTO_INCREMENT,\n    PRIMARY KEY (a, b)\n) AUTO_INCREMENT=5",
      ],
    },
  },
  {
    name: "alterColumn changes type with a PostgreSQL using expression",
    op: c.alterColumn("account", "age", {
      type: "bigint",
      using: "age::bigint",
      existing: { type: "integer", nullable: false },
    }),
    expect: {
      sqlite: null,
      postgresql: ["ALTER TABLE account ALTER COLUMN age TYPE BIGINT USING age::bigint"],
      mysql: ["ALTER TABLE account MODIFY age BIGINT NOT NULL"],
    },
  },
  {
    name: "alterColumn sets nullability and a default",
    op: c.alterColumn("account", "name", {
      nullable: false,
      default: "anon",
      existing: { type: "varchar(50)" },
    }),
    expect: {
      sqlite: null,
      postgresql: [
        "ALTER TABLE account ALTER COLUMN name SET NOT NULL",
        "ALTER TABLE account ALTER COLUMN name SET DEFAULT 'anon'",
      ],
      mysql: ["ALTER TABLE account MODIFY name VARCHAR(50) DEFAULT 'anon' NOT NULL"],
    },
  },
  {
    name: "alterColumn drops a default",
    op: c.alterColumn("account", "name", { default: null }),
    expect: {
      sqlite: null,
      postgresql: ["ALTER TABLE account ALTER COLUMN name DROP DEFAULT"],
      mysql: ["ALTER TABLE account ALTER COLUMN name DROP DEFAULT"],
    },
  },
  {
    name: "alterColumn renames a column",
    op: c.alterColumn("account", "name", { newName: "full_name" }),
    expect: {
      sqlite: ["ALTER TABLE account RENAME COLUMN name TO full_name"],
      postgresql: ["ALTER TABLE account RENAME COLUMN name TO full_name"],
      mysql: ["ALTER TABLE account RENAME COLUMN name TO full_name"],
    },
  },
  {
    name: "alterColumn renames and retypes with existing",
    op: c.alterColumn("account", "name", {
      newName: "full_name",
      type: "text",
      existing: { type: "varchar(50)", nullable: false, comment: "who" },
    }),
    expect: {
      sqlite: null,
      postgresql: [
        "ALTER TABLE account ALTER COLUMN name TYPE TEXT",
        "ALTER TABLE account RENAME COLUMN name TO full_name",
      ],
      mysql: ["ALTER TABLE account CHANGE name full_name TEXT NOT NULL COMMENT 'who'"],
    },
  },
  {
    name: "alterColumn sets and drops a comment",
    op: c.alterColumn("account", "name", { comment: "Display name", existing: { type: "varchar(50)" } }),
    expect: {
      sqlite: [],
      postgresql: ["COMMENT ON COLUMN account.name IS 'Display name'"],
      mysql: ["ALTER TABLE account MODIFY name VARCHAR(50) COMMENT 'Display name'"],
    },
  },
  {
    name: "alterColumn adds identity",
    op: c.alterColumn("account", "id", {
      autoincrement: true,
      existing: { type: "integer", nullable: false },
    }),
    expect: {
      sqlite: null,
      postgresql: ["ALTER TABLE account ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY"],
      mysql: ["ALTER TABLE account MODIFY id INTEGER NOT NULL AUTO_INCREMENT"],
    },
  },
  {
    name: "createIndex renders partial, concurrent and prefix options",
    op: c.createIndex("ix_account_email", "account", ["email"], { where: "email IS NOT NULL" }),
    expect: {
      sqlite: ["CREATE INDEX ix_account_email ON account (email) WHERE email IS NOT NULL"],
      postgresql: ["CREATE INDEX ix_account_email ON account (email) WHERE email IS NOT NULL"],
      mysql: null,
    },
  },
  {
    name: "createIndex concurrently",
    op: c.createIndex("ix_account_name", "account", ["name", { sql: "lower(email)" }], {
      concurrently: true,
      unique: true,
    }),
    expect: {
      sqlite: ["CREATE UNIQUE INDEX ix_account_name ON account (name, (lower(email)))"],
      postgresql: ["CREATE UNIQUE INDEX CONCURRENTLY ix_account_name ON account (name, (lower(email)))"],
      mysql: ["CREATE UNIQUE INDEX ix_account_name ON account (name, (lower(email)))"],
    },
  },
  {
    name: "createIndex with MySQL prefix lengths",
    op: c.createIndex("ix_doc_body", "doc", ["title", "body"], { lengths: { body: 100 } }),
    expect: {
      sqlite: ["CREATE INDEX ix_doc_body ON doc (title, body)"],
      postgresql: ["CREATE INDEX ix_doc_body ON doc (title, body)"],
      mysql: ["CREATE INDEX ix_doc_body ON doc (title, body(100))"],
    },
  },
  {
    name: "dropIndex concurrently",
    op: c.dropIndex("ix_account_name", { table: "account", concurrently: true, ifExists: true }),
    expect: {
      sqlite: ["DROP INDEX IF EXISTS ix_account_name"],
      postgresql: ["DROP INDEX CONCURRENTLY IF EXISTS ix_account_name"],
      mysql: ["DROP INDEX IF EXISTS ix_account_name ON account"],
    },
  },
  {
    name: "createPrimaryKey",
    op: c.createPrimaryKey("pk_link", "link", ["a", "b"]),
    expect: {
      sqlite: null,
      postgresql: ["ALTER TABLE link ADD CONSTRAINT pk_link PRIMARY KEY (a, b)"],
      mysql: ["ALTER TABLE link ADD CONSTRAINT pk_link PRIMARY KEY (a, b)"],
    },
  },
  {
    name: "createUniqueConstraint",
    op: c.createUniqueConstraint("uq_account_email", "account", ["email"]),
    expect: {
      sqlite: null,
      postgresql: ["ALTER TABLE account ADD CONSTRAINT uq_account_email UNIQUE (email)"],
      mysql: ["ALTER TABLE account ADD CONSTRAINT uq_account_email UNIQUE (email)"],
    },
  },
  {
    name: "createUniqueConstraint deferrable",
    op: c.createUniqueConstraint("uq_slot", "slot", ["pos"], { deferrable: true, initiallyDeferred: true }),
    expect: {
      sqlite: null,
      postgresql: ["ALTER TABLE slot ADD CONSTRAINT uq_slot UNIQUE (pos) DEFERRABLE INITIALLY DEFERRED"],
      mysql: null,
    },
  },
  {
    name: "createForeignKey with actions",
    op: c.createForeignKey("fk_order_account", "order", "account", ["account_id"], ["id"], {
      onDelete: "set null",
      onUpdate: "cascade",
    }),
    expect: {
      sqlite: null,
      postgresql: [
        'ALTER TABLE "order" ADD CONSTRAINT fk_order_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE SET NULL ON UPDATE CASCADE',
      ],
      mysql: [
        "ALTER TABLE `order` ADD CONSTRAINT fk_order_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE SET NULL ON UPDATE CASCADE",
      ],
    },
  },
  {
    name: "createForeignKey deferrable across schemas",
    op: c.createForeignKey("fk_x", "child", "parent", ["a", "b"], ["a", "b"], {
      schema: "app",
      referencedSchema: "core",
      deferrable: true,
    }),
    expect: {
      sqlite: null,
      postgresql: [
        "ALTER TABLE app.child ADD CONSTRAINT fk_x FOREIGN KEY (a, b) REFERENCES core.parent (a, b) DEFERRABLE",
      ],
      mysql: null,
    },
  },
  {
    name: "createCheckConstraint",
    op: c.createCheckConstraint("ck_account_age", "account", "age >= 0"),
    expect: {
      sqlite: null,
      postgresql: ["ALTER TABLE account ADD CONSTRAINT ck_account_age CHECK (age >= 0)"],
      mysql: ["ALTER TABLE account ADD CONSTRAINT ck_account_age CHECK (age >= 0)"],
    },
  },
  {
    name: "createExclusionConstraint (PostgreSQL only)",
    op: c.createExclusionConstraint("ex_booking", "booking", [
      { column: "room", operator: "=" },
      { sql: "tsrange(start_at, end_at)", operator: "&&" },
    ], { where: "NOT cancelled", deferrable: true }),
    expect: {
      sqlite: null,
      postgresql: [
        "ALTER TABLE booking ADD CONSTRAINT ex_booking EXCLUDE USING gist (room WITH =, (tsrange(start_at, end_at)) WITH &&) WHERE (NOT cancelled) DEFERRABLE",
      ],
      mysql: null,
    },
  },
  {
    name: "dropConstraint foreign key",
    op: c.dropConstraint("fk_order_account", "order", { type: "foreignkey" }),
    expect: {
      sqlite: null,
      postgresql: ['ALTER TABLE "order" DROP CONSTRAINT fk_order_account'],
      mysql: ["ALTER TABLE `order` DROP FOREIGN KEY fk_order_account"],
    },
  },
  {
    name: "dropConstraint primary key",
    op: c.dropConstraint("pk_link", "link", { type: "primary" }),
    expect: {
      sqlite: null,
      postgresql: ["ALTER TABLE link DROP CONSTRAINT pk_link"],
      mysql: ["ALTER TABLE link DROP PRIMARY KEY"],
    },
  },
  {
    name: "dropConstraint unique",
    op: c.dropConstraint("uq_account_email", "account", { type: "unique" }),
    expect: {
      sqlite: null,
      postgresql: ["ALTER TABLE account DROP CONSTRAINT uq_account_email"],
      mysql: ["ALTER TABLE account DROP INDEX uq_account_email"],
    },
  },
  {
    name: "dropConstraint check",
    op: c.dropConstraint("ck_account_age", "account", { type: "check" }),
    expect: {
      sqlite: null,
      postgresql: ["ALTER TABLE account DROP CONSTRAINT ck_account_age"],
      mysql: ["ALTER TABLE account DROP CONSTRAINT ck_account_age"],
    },
  },
  {
    name: "createTableComment",
    op: c.createTableComment("account", "People's accounts"),
    expect: {
      sqlite: [],
      postgresql: ["COMMENT ON TABLE account IS 'People''s accounts'"],
      mysql: ["ALTER TABLE account COMMENT = 'People''s accounts'"],
    },
  },
  {
    name: "dropTableComment",
    op: c.dropTableComment("account"),
    expect: {
      sqlite: [],
      postgresql: ["COMMENT ON TABLE account IS NULL"],
      mysql: ["ALTER TABLE account COMMENT = ''"],
    },
  },
  {
    name: "createEnum",
    op: c.createEnum("mood", ["sad", "ok", "happy"]),
    expect: {
      sqlite: [],
      postgresql: ["CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')"],
      mysql: [],
    },
  },
  {
    name: "dropEnum",
    op: c.dropEnum("mood", { ifExists: true }),
    expect: {
      sqlite: [],
      postgresql: ["DROP TYPE IF EXISTS mood"],
      mysql: [],
    },
  },
  {
    name: "addEnumValue",
    op: c.addEnumValue("mood", "meh", { after: "sad", ifNotExists: true }),
    expect: {
      sqlite: null,
      postgresql: ["ALTER TYPE mood ADD VALUE IF NOT EXISTS 'meh' AFTER 'sad'"],
      mysql: null,
    },
  },
  {
    name: "createSchema",
    op: c.createSchema("reporting", { ifNotExists: true }),
    expect: {
      sqlite: null,
      postgresql: ["CREATE SCHEMA IF NOT EXISTS reporting"],
      mysql: ["CREATE SCHEMA IF NOT EXISTS reporting"],
    },
  },
  {
    name: "dropSchema",
    op: c.dropSchema("reporting", { ifExists: true, cascade: true }),
    expect: {
      sqlite: null,
      postgresql: ["DROP SCHEMA IF EXISTS reporting CASCADE"],
      mysql: ["DROP SCHEMA IF EXISTS reporting"],
    },
  },
  {
    name: "batchAlterTable runs its changes one by one where no rebuild is needed",
    op: batchAlterTable("account", (b) => {
      b.addColumn("email", { type: "varchar(200)" });
      b.createIndex("ix_account_email", ["email"]);
    }),
    expect: {
      sqlite: [
        "ALTER TABLE account ADD COLUMN email VARCHAR(200)",
        "CREATE INDEX ix_account_email ON account (email)",
      ],
      postgresql: [
        "ALTER TABLE account ADD COLUMN email VARCHAR(200)",
        "CREATE INDEX ix_account_email ON account (email)",
      ],
      mysql: [
        "ALTER TABLE account ADD COLUMN email VARCHAR(200)",
        "CREATE INDEX ix_account_email ON account (email)",
      ],
    },
  },
  {
    name: "batchAlterTable with a type change",
    op: batchAlterTable("account", (b) => {
      b.alterColumn("name", { type: "text", existing: { type: "varchar(50)" } });
    }),
    expect: {
      sqlite: null,
      postgresql: ["ALTER TABLE account ALTER COLUMN name TYPE TEXT"],
      mysql: ["ALTER TABLE account MODIFY name TEXT"],
    },
  },
];
