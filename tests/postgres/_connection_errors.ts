/**
 * The connection failures the PostgreSQL driver must word exactly so: one line naming host, port and
 * database, the driver's error kept as `cause`, and never any form of the password.
 *
 * @module
 */
import { assert, assertEquals, assertRejects } from "../_assert.ts";
import type { Connection } from "../../lib/dialects/dialect.ts";
import { ConnectionError } from "../../lib/errors.ts";
import { errorTexts, POSTGRES_TEST_URL, testUrl, withDatabase } from "../_db.ts";
import { ensurePasswordRole, TEST_ROLE_PASSWORD, TEST_ROLE_PASSWORD_IN_URL } from "../_pg_password_roles.ts";

const SERVER = testUrl(POSTGRES_TEST_URL);
/** Host of the PostgreSQL test server, as messages name it. */
export const HOST: string = SERVER.host ?? "127.0.0.1";
/** Port of the PostgreSQL test server. */
export const PORT: number = SERVER.port ?? 5432;

/** One failure: the URL to connect to and the exact message expected. */
export interface ConnectionErrorCase {
  readonly name: string;
  readonly url: string;
  readonly message: string;
}

/**
 * The failures to report: wrong database, wrong password (SCRAM and MD5 logins), refused port,
 * unknown host. Grants the password roles `database`; call inside `withPasswordRoles`.
 *
 * @param url a URL of the test database (trust login)
 * @param database that database's name
 * @returns the cases
 */
export async function sharedConnectionErrorCases(
  url: string,
  database: string,
): Promise<ConnectionErrorCase[]> {
  await ensurePasswordRole(database, "retort_pw_test");
  await ensurePasswordRole(database, "retort_md5_test");
  const wrong = "wrong%20S3cr%25t%20p%40ss";
  return [
    {
      name: "wrong database",
      url: withDatabase(url, "nope", { user: "retort_pw_test", password: TEST_ROLE_PASSWORD_IN_URL }),
      message:
        `Cannot connect to PostgreSQL at ${HOST}:${PORT} database "nope": database "nope" does not exist`,
    },
    ...(["retort_pw_test", "retort_md5_test"] as const).map((user) => ({
      name: `wrong password (${user})`,
      url: withDatabase(url, database, { user, password: wrong }),
      message: `Cannot connect to PostgreSQL at ${HOST}:${PORT} database "${database}": ` +
        `password authentication failed for user "${user}"`,
    })),
    {
      name: "wrong port",
      url: `postgres://retort_pw_test:${TEST_ROLE_PASSWORD_IN_URL}@127.0.0.1:1/${database}`,
      message: `Cannot connect to PostgreSQL at 127.0.0.1:1 database "${database}": ` +
        "connection refused (is the server running and listening on that port?)",
    },
    {
      name: "wrong host",
      url: `postgres://retort_pw_test:${TEST_ROLE_PASSWORD_IN_URL}@nonexistent.invalid:5432/${database}`,
      message: `Cannot connect to PostgreSQL at nonexistent.invalid:5432 database "${database}": ` +
        `host "nonexistent.invalid" not found`,
    },
  ];
}

/**
 * Run `cases` as steps of `t` with `connect`: each must reject with a {@link ConnectionError} of
 * exactly the expected message, keep a cause, and hold no form of the password anywhere.
 *
 * @param t the test context
 * @param cases what to try
 * @param connect the client under test
 */
export async function checkConnectionErrors(
  t: Deno.TestContext,
  cases: readonly ConnectionErrorCase[],
  connect: (url: string) => Promise<Connection>,
): Promise<void> {
  for (const c of cases) {
    await t.step(c.name, async () => {
      const err = await assertRejects(() => connect(c.url), ConnectionError);
      assertEquals(err.message, c.message);
      assert(err.cause instanceof Error, "cause is kept");
      const texts = errorTexts(err);
      for (const secret of [TEST_ROLE_PASSWORD, TEST_ROLE_PASSWORD_IN_URL, "S3cr"]) {
        assert(!texts.includes(secret), `"${secret}" leaked into:\n${texts}`);
      }
    });
  }
}
