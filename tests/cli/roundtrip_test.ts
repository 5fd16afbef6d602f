/**
 * Autogenerate round trips on schemas nobody here wrote (`../shared/corpus/`): load the corpus into
 * a database, `schema dump` it, autogenerate against an empty database, upgrade, dump again: the
 * two dumps are identical and `check` exits 0; downgrade to base leaves only the version table.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { assertEquals } from "../_assert.ts";
import {
  MYSQL_TEST_URL,
  POSTGRES_TEST_URL,
  withDatabase,
  withMysqlDatabase,
  withPostgresDatabase,
} from "../_db.ts";
import { feedMysql, feedPsql, ROOT, runBinary, tool } from "./_project.ts";

const CORPUS = resolve(ROOT, "..", "shared", "corpus");

async function roundTrip(sourceUrl: string, emptyUrl: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "retort-roundtrip-"));
  try {
    const run = async (args: string[], env: Record<string, string> = { DATABASE_URL: emptyUrl }) => {
      const out = await runBinary(args, { cwd: dir, env });
      return out;
    };
    assertEquals((await run(["init", "."])).code, 0);
    writeFileSync(
      join(dir, "migrate.toml"),
      `${readFileSync(join(dir, "migrate.toml"), "utf8")}\nschema = "schema.ts"\n`,
    );
    const dump1 = await run(["--url", sourceUrl, "schema", "dump", "-o", "schema.ts"]);
    assertEquals(dump1.code, 0, dump1.stderr);
    const gen = await run(["revision", "--autogenerate", "-m", "initial"]);
    assertEquals(gen.code, 0, gen.stderr);
    const up = await run(["upgrade", "head"]);
    assertEquals(up.code, 0, up.stderr + up.stdout);
    const dump2 = await run(["schema", "dump", "-o", "schema2.ts"]);
    assertEquals(dump2.code, 0, dump2.stderr);
    assertEquals(readFileSync(join(dir, "schema2.ts"), "utf8"), readFileSync(join(dir, "schema.ts"), "utf8"));
    const check = await run(["check"]);
    assertEquals([check.code, check.stdout.split("\n")[0]], [
      0,
      `No differences between the database and ${join(dir, "schema.ts")}`,
    ]);
    const again = await run(["revision", "--autogenerate", "-m", "nothing"]);
    assertEquals(
      again.stdout.trim(),
      "No changes in schema detected; no revision written (pass --allow-empty to write one anyway)",
    );
    const down = await run(["downgrade", "base"]);
    assertEquals(down.code, 0, down.stderr);
    const empty = await run(["--json", "schema", "dump"]);
    assertEquals(JSON.parse(empty.stdout), { tables: {} });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function psql(url: string, file: string, strip = false): void {
  let text = readFileSync(file, "utf8");
  if (strip) {
    text = text.split("\n").filter((l) => !/^(DROP DATABASE|CREATE DATABASE|\\c )/i.test(l)).join("\n");
  }
  feedPsql(url, text);
}

Deno.test("autogenerate round trip on Chinook (PostgreSQL)", async () => {
  await withPostgresDatabase(async (source) => {
    psql(source, join(CORPUS, "chinook", "Chinook_PostgreSql.sql"), true);
    await withPostgresDatabase((empty) => roundTrip(source, empty), "rt_empty");
  }, "rt_chinook");
});

Deno.test("autogenerate round trip on Pagila (PostgreSQL)", async () => {
  await withPostgresDatabase(async (source) => {
    psql(source, join(CORPUS, "pagila", "pagila-schema.sql"));
    await withPostgresDatabase((empty) => roundTrip(source, empty), "rt_empty");
  }, "rt_pagila");
});

Deno.test("autogenerate round trip on Chinook (MySQL)", async () => {
  await withMysqlDatabase(async (source) => {
    const text = readFileSync(join(CORPUS, "chinook", "Chinook_MySql.sql"), "utf8").split("\n")
      .filter((l) => !/^(DROP DATABASE|CREATE DATABASE|USE )/i.test(l)).join("\n");
    feedMysql(source, text);
    await withMysqlDatabase((empty) => roundTrip(source, empty), "rt_empty");
  }, "rt_chinook");
});

Deno.test("autogenerate round trip on Chinook (SQLite)", async () => {
  const dir = mkdtempSync(join(tmpdir(), "retort-rt-sqlite-"));
  try {
    tool(
      "sqlite3",
      [join(dir, "source.db")],
      readFileSync(join(CORPUS, "chinook", "Chinook_Sqlite.sql"), "utf8"),
    );
    await roundTrip(`sqlite:///${join(dir, "source.db")}`, `sqlite:///${join(dir, "empty.db")}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// Keep the server URLs referenced so a missing server names them in the failure.
void POSTGRES_TEST_URL, MYSQL_TEST_URL, withDatabase;
