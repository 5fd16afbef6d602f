import { assertEquals } from "../../_assert.ts";
import {
  mysqlColumnType,
  mysqlOnUpdate,
  mysqlPartitionClauses,
  unescapeMysqlString,
  withCharset,
} from "../../../lib/dialects/mysql/introspect_options.ts";
import { identityOptions } from "../../../lib/dialects/postgres/identity_options.ts";
import { enumValuesOfCheck } from "../../../lib/dialects/sqlite/_enum_check.ts";
import { identityOptionsClause } from "../../../lib/dialects/identity_options_clause.ts";

Deno.test("mysqlPartitionClauses rebuilds PARTITION BY from information_schema.partitions rows", () => {
  const rows = [
    { t: "s", name: "p01", method: "RANGE COLUMNS", expr: "`from_date`", bound: "'1985-12-31'" },
    { t: "s", name: "p02", method: "RANGE COLUMNS", expr: "`from_date`", bound: "MAXVALUE" },
    { t: "h", name: "p0", method: "HASH", expr: "`id`", bound: null },
    { t: "h", name: "p1", method: "HASH", expr: "`id`", bound: null },
    { t: "l", name: "a", method: "LIST", expr: "`k`", bound: "1,2" },
  ];
  assertEquals(Object.fromEntries(mysqlPartitionClauses(rows)), {
    s: "RANGE COLUMNS(`from_date`) (PARTITION p01 VALUES LESS THAN ('1985-12-31'), PARTITION p02 VALUES LESS THAN MAXVALUE)",
    h: "HASH(`id`) (PARTITION p0, PARTITION p1)",
    l: "LIST (`k`) (PARTITION a VALUES IN (1,2))",
  });
});

Deno.test("MySQL column helpers keep TIMESTAMP, ON UPDATE, BINARY defaults and own collations", () => {
  assertEquals(mysqlColumnType("timestamp"), "timestamp(0)");
  assertEquals(mysqlColumnType("timestamp(6)"), "timestamp(6)");
  assertEquals(mysqlOnUpdate("current_timestamp()"), "CURRENT_TIMESTAMP");
  assertEquals(mysqlOnUpdate("current_timestamp(6)"), "CURRENT_TIMESTAMP(6)");
  assertEquals(unescapeMysqlString("\\0\\0a\\'b''c"), "\0\0a'b'c");
  assertEquals(
    withCharset({ type: "binary(4)", default: "\0\0\0\0" }, { type: "binary(4)", collation: null }),
    { type: "binary(4)", default: "" },
  );
  assertEquals(
    withCharset({ type: "varchar(5)" }, { charset: "latin1", collation: "latin1_bin" }, {
      collate: "utf8mb4_bin",
    }),
    { type: "varchar(5)", charset: "latin1", collation: "latin1_bin" },
  );
  assertEquals(
    withCharset({ type: "varchar(5)" }, { charset: "utf8mb4", collation: "utf8mb4_bin" }, {
      collate: "utf8mb4_bin",
    }),
    { type: "varchar(5)" },
  );
});

Deno.test("identityOptions leaves PostgreSQL's defaults out", () => {
  const seq = (o: Partial<Record<string, string | boolean>>) => ({
    start: "1",
    increment: "1",
    min: "1",
    max: "2147483647",
    cache: "1",
    cycle: false,
    type: "integer",
    ...o,
  });
  assertEquals(identityOptions(false, seq({})), undefined);
  assertEquals(identityOptions(true, seq({ start: "10", max: "1000", cycle: true })), {
    always: true,
    start: 10,
    maxValue: 1000,
    cycle: true,
  });
  assertEquals(identityOptions(false, seq({ increment: "-1", start: "-1", min: "-2147483648", max: "-1" })), {
    increment: -1,
  });
});

Deno.test("identityOptionsClause restates every option", () => {
  assertEquals(
    identityOptionsClause({ always: true, increment: 5 }),
    "SET GENERATED ALWAYS SET START WITH 1 SET INCREMENT BY 5 SET NO MINVALUE SET NO MAXVALUE SET CACHE 1 SET NO CYCLE",
  );
});

Deno.test("enumValuesOfCheck reads SQLite's enum spelling back and nothing else", () => {
  assertEquals(enumValuesOfCheck("m", "VARCHAR(5)", "m IN ('sad', 'happy', 'it''s')"), [
    "sad",
    "happy",
    "it's",
  ]);
  assertEquals(enumValuesOfCheck("m", "VARCHAR(9)", "m IN ('sad', 'happy')"), undefined);
  assertEquals(enumValuesOfCheck("m", "TEXT", "m IN ('a')"), undefined);
  assertEquals(enumValuesOfCheck("m", "VARCHAR(1)", "other IN ('a')"), undefined);
  assertEquals(enumValuesOfCheck("m", "VARCHAR(1)", "m IN ('a') OR m IS NULL"), undefined);
});
