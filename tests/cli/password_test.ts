/**
 * The password of a database URL never reaches the output of `dist/migrate`: with a wrong
 * password, a wrong database, a failing migration and successful runs, in plain, `--verbose` and
 * `--json` output, on PostgreSQL and MySQL/MariaDB, neither the raw nor the percent-encoded form
 * (nor any part of it) appears on stdout or stderr.
 *
 * Uses the role/user `retort_pw_test` with password `S3cr%t p@ss`: on MySQL created here if missing,
 * on PostgreSQL by `withPasswordRoles`, which also has pg_hba.conf ask it for its password.
 *
 * @module
 */
import { assert, assertEquals } from "../_assert.ts";
import { mysqlAdmin, postgresAdmin, withDatabase, withMysqlDatabase, withPostgresDatabase } from "../_db.ts";
import {
  ensurePasswordRole,
  TEST_ROLE_PASSWORD,
  TEST_ROLE_PASSWORD_IN_URL,
  withPasswordRoles,
} from "../_pg_password_roles.ts";
import { describeRun, type Project, type RevisionSpec, withProject } from "./_project.ts";

const PASSWORD = TEST_ROLE_PASSWORD;
const PASSWORD_IN_URL = TEST_ROLE_PASSWORD_IN_URL;
const WRONG_IN_URL = "S3cr%25t%20p%40sX";
/** Any of these in the output is a leak (the wrong password shares the prefix). */
const FORBIDDEN = [PASSWORD, PASSWORD_IN_URL, "S3cr", "p@ss", "p%40ss", "%25t"];

const REVISIONS: RevisionSpec[] = [
  { id: "eeee00000001", down: null, up: "CREATE TABLE pw_one (id INTEGER);", downSql: "DROP TABLE pw_one;" },
  {
    id: "eeee00000002",
    down: "eeee00000001",
    up: "INSERT INTO no_such_table (id) VALUES (1);",
    downSql: "",
  },
];

async function ensurePostgresRole(database: string): Promise<void> {
  await ensurePasswordRole(database);
  const admin = await postgresAdmin();
  try {
    await admin.unsafe(`alter database "${database}" owner to retort_pw_test`);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

async function ensureMysqlUser(database: string): Promise<void> {
  const admin = await mysqlAdmin();
  try {
    await admin.query(
      `CREATE USER IF NOT EXISTS 'retort_pw_test'@'%' IDENTIFIED BY 'S3cr%t p@ss';
       ALTER USER 'retort_pw_test'@'%' IDENTIFIED BY 'S3cr%t p@ss';
       GRANT ALL ON \`${database}\`.* TO 'retort_pw_test'@'%'`,
    );
  } finally {
    await admin.end();
  }
}

function assertNoPassword(label: string, out: { stdout: string; stderr: string }): void {
  for (const secret of FORBIDDEN) {
    for (const [stream, text] of [["stdout", out.stdout], ["stderr", out.stderr]] as const) {
      assert(!text.includes(secret), `${label}: ${stream} holds "${secret}":\n${text}`);
    }
  }
}

/**
 * Run `args` in plain, --verbose and --json forms, check the exit status (`jsonCode` for the --json
 * forms, where they differ: `--json` with `--sql` is refused) and that nothing leaks.
 */
async function check(
  project: Project,
  label: string,
  args: string[],
  code: number,
  jsonCode = code,
): Promise<string> {
  let all = "";
  for (const extra of [[], ["--verbose"], ["--json"], ["--json", "--verbose"]]) {
    const r = await project.run([...extra, ...args]);
    assertEquals(
      r.code,
      extra.includes("--json") ? jsonCode : code,
      `${label} ${extra.join(" ")}: ${describeRun(r)}`,
    );
    assertNoPassword(`${label} ${extra.join(" ")}`, r);
    all += r.stdout + r.stderr;
  }
  return all;
}

async function checkAll(serverUrl: string, database: string): Promise<void> {
  const good = withDatabase(serverUrl, database, { user: "retort_pw_test", password: PASSWORD_IN_URL });
  const wrongPassword = withDatabase(serverUrl, database, { user: "retort_pw_test", password: WRONG_IN_URL });
  const wrongDatabase = withDatabase(serverUrl, "retort_no_such_db", {
    user: "retort_pw_test",
    password: PASSWORD_IN_URL,
  });
  await withProject(good, REVISIONS, async (project) => {
    const wrong = await check(project, "wrong password", ["--url", wrongPassword, "upgrade", "head"], 1);
    assert(wrong.includes("retort_pw_test"), `the error names the user:\n${wrong}`);
    await check(project, "wrong password current", ["--url", wrongPassword, "current"], 1);
    const noDb = await check(project, "wrong database", ["--url", wrongDatabase, "current"], 1);
    assert(noDb.includes("retort_no_such_db"), `the error names the database:\n${noDb}`);
    await check(project, "upgrade one", ["upgrade", "eeee00000001"], 0);
    const failed = await check(project, "failing migration", ["upgrade", "head"], 1);
    assert(failed.includes("no_such_table"), failed);
    await check(project, "current", ["current"], 0);
    await check(project, "history", ["history", "--indicate-current"], 0);
    await check(project, "offline", ["upgrade", "head", "--sql"], 0, 2);
    await check(project, "downgrade", ["downgrade", "base"], 0);
    await check(project, "stamp", ["stamp", "eeee00000001"], 0);
  });
}

Deno.test("dist/migrate never prints the PostgreSQL password", async () => {
  await withPasswordRoles(() =>
    withPostgresDatabase(async (url) => {
      const database = url.split("/").pop()!;
      await ensurePostgresRole(database);
      await checkAll(url, database);
    }, "clipw")
  );
});

Deno.test("dist/migrate never prints the MySQL password", async () => {
  await withMysqlDatabase(async (url) => {
    const database = url.split("/").pop()!;
    await ensureMysqlUser(database);
    await checkAll(url, database);
  }, "clipw");
});
