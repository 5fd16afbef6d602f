/**
 * Test fixture: PostgreSQL roles that must log in with a password, so the password tests run on a
 * fresh machine whose PostgreSQL trusts every local login. {@link withPasswordRoles} creates the
 * roles `retort_pw_test` (SCRAM-SHA-256), `retort_md5_test` (MD5, its password stored as MD5) and
 * `retort_plain_test` (cleartext `password`), all with {@link TEST_ROLE_PASSWORD}; puts one
 * `host all ROLE 127.0.0.1/32 METHOD` line per role at the top of pg_hba.conf (found through
 * `SHOW hba_file` and written directly: the tests run on the server's machine, as root or as the
 * server's user); reloads the server; and, after the last user, removes exactly what it added.
 *
 * Design, for test files running in parallel processes (`deno test --parallel`):
 * - What it adds is marked: each pg_hba.conf line ends with {@link HBA_MARK}, each role it creates
 *   carries the comment {@link ROLE_MARK}. Lines or roles that were there before it (a machine set
 *   up by hand) are used as they are and never removed.
 * - Every user holds a shared advisory lock (USERS_KEY) on its own admin session for as long as it
 *   uses the roles. Setting up and tearing down happen under an exclusive advisory lock (SETUP_KEY).
 *   Tearing down first lets go of the shared lock, then, under SETUP_KEY, removes the lines and
 *   roles only when it can take USERS_KEY exclusively, i.e. when no one else uses them; otherwise
 *   the last user does it. USERS_KEY is only ever taken exclusively while SETUP_KEY is held, so
 *   waiting for the shared lock under SETUP_KEY cannot deadlock.
 * - A test process that dies lets go of its locks with its session: the next run finds the marked
 *   lines and roles and reuses them, and its last user removes them.
 * - Within one process the users are counted, so nested or concurrent tests share one admin session.
 *
 * @module
 */
import { readFileSync, writeFileSync } from "node:fs";
import type postgres from "postgres";
import { POSTGRES_TEST_URL, postgresAdmin, TEST_ROLE_PASSWORD, testUrl } from "./_db.ts";
import { connectPostgres } from "../lib/dialects/postgres/driver.ts";
import { postgresDialect } from "../lib/dialects/postgres/dialect.ts";

export { TEST_ROLE_PASSWORD, TEST_ROLE_PASSWORD_IN_URL } from "./_db.ts";

/** The login method pg_hba.conf asks of each test role. */
export const PASSWORD_ROLES = {
  retort_pw_test: "scram-sha-256",
  retort_md5_test: "md5",
  retort_plain_test: "password",
} as const;

/** One of the password-checked test roles. */
export type PasswordRole = keyof typeof PASSWORD_ROLES;

/** Ends every pg_hba.conf line this fixture adds (pg_hba.conf allows a comment after a rule). */
export const HBA_MARK = "# added by retort tests/_pg_password_roles.ts";

/** The comment on every role this fixture creates. */
export const ROLE_MARK = "created by retort tests/_pg_password_roles.ts";

/** Advisory lock held exclusively while the lines and roles are set up or removed. */
const SETUP_KEY = 7_265_726_001;
/** Advisory lock every user holds shared while it uses the roles. */
const USERS_KEY = 7_265_726_002;

let users = 0;
/** The admin session holding this process's shared lock, while `users > 0`. */
let session: Promise<postgres.Sql> | undefined;
/** Serialises this process's set-ups and tear-downs. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Run `fn` while the password-checked roles exist and pg_hba.conf asks them for their passwords.
 *
 * @param fn the test body
 * @returns what `fn` returns
 * @throws {Error} when pg_hba.conf cannot be read or written here, or the server does not ask the
 *   roles for a password after the reload
 */
export async function withPasswordRoles<T>(fn: () => Promise<T>): Promise<T> {
  await serialised(async () => {
    if (users === 0) {
      session = setUp();
      // A failed set-up leaves nothing to tear down: the next user tries again.
      session.catch(() => session = undefined);
    }
    users++;
    try {
      await session;
    } catch (err) {
      users--;
      throw err;
    }
  });
  try {
    return await fn();
  } finally {
    await serialised(async () => {
      users--;
      if (users === 0) {
        const admin = await session!;
        session = undefined;
        await tearDown(admin);
      }
    });
  }
}

/**
 * Grant a password-checked role all rights on `database`; call inside {@link withPasswordRoles}.
 *
 * @param database the database to grant
 * @param role one of the three roles
 * @throws {Error} when called outside {@link withPasswordRoles}
 */
export async function ensurePasswordRole(
  database: string,
  role: PasswordRole = "retort_pw_test",
): Promise<void> {
  if (users === 0 || !session) {
    throw new Error(`Cannot use the test role ${role}: call ensurePasswordRole inside withPasswordRoles`);
  }
  const admin = await session;
  await admin.unsafe(`grant all on database "${database}" to ${role}`);
}

function serialised(step: () => Promise<void>): Promise<void> {
  const run = queue.then(step);
  queue = run.catch(() => {});
  return run;
}

async function setUp(): Promise<postgres.Sql> {
  const admin = await postgresAdmin();
  try {
    await admin`select pg_advisory_lock(${SETUP_KEY})`;
    try {
      await admin`select pg_advisory_lock_shared(${USERS_KEY})`;
      await createRoles(admin);
      if (await addHbaLines(admin)) await reloadUntilAsked(admin);
    } finally {
      await admin`select pg_advisory_unlock(${SETUP_KEY})`;
    }
    return admin;
  } catch (err) {
    // Ending the session also lets go of the shared lock.
    await admin.end({ timeout: 5 });
    throw err;
  }
}

async function tearDown(admin: postgres.Sql): Promise<void> {
  try {
    await admin`select pg_advisory_unlock_shared(${USERS_KEY})`;
    await admin`select pg_advisory_lock(${SETUP_KEY})`;
    const [{ last }] = await admin`select pg_try_advisory_lock(${USERS_KEY}) as last`;
    if (last) {
      await removeHbaLines(admin);
      await dropRoles(admin);
    }
  } finally {
    // The locks go with the session.
    await admin.end({ timeout: 5 });
  }
}

async function createRoles(admin: postgres.Sql): Promise<void> {
  for (const [role, method] of Object.entries(PASSWORD_ROLES)) {
    // The MD5 login needs the password stored as MD5; the others are stored as SCRAM verifiers.
    await admin.unsafe(`set password_encryption = '${method === "md5" ? "md5" : "scram-sha-256"}'`);
    const [exists] = await admin`select 1 from pg_roles where rolname = ${role}`;
    if (exists) {
      await admin.unsafe(`alter role ${role} login password '${TEST_ROLE_PASSWORD}'`);
    } else {
      await admin.unsafe(`create role ${role} login password '${TEST_ROLE_PASSWORD}'`);
      await admin.unsafe(`comment on role ${role} is '${ROLE_MARK}'`);
    }
  }
  await admin.unsafe("reset password_encryption");
}

async function dropRoles(admin: postgres.Sql): Promise<void> {
  const marked = await admin<{ rolname: string }[]>`
    select rolname from pg_roles
    where rolname in ${admin(Object.keys(PASSWORD_ROLES))}
      and shobj_description(oid, 'pg_authid') = ${ROLE_MARK}`;
  for (const { rolname } of marked) {
    try {
      await admin.unsafe(`reassign owned by ${rolname} to current_user`);
      await admin.unsafe(`drop owned by ${rolname}`);
      await admin.unsafe(`drop role ${rolname}`);
    } catch {
      // Still granted something in a database another test left behind (a crashed run): the role
      // stays, marked, and a later run reuses it and drops it.
    }
  }
}

/** The pg_hba.conf path, readable and writable here, with its text. */
async function hbaFile(admin: postgres.Sql): Promise<{ path: string; text: string }> {
  const [{ hba_file: path }] = await admin`show hba_file`;
  try {
    return { path, text: readFileSync(path, "utf8") };
  } catch (err) {
    const server = testUrl(POSTGRES_TEST_URL);
    throw new Error(
      `Cannot set up the password test roles: the pg_hba.conf of PostgreSQL at ${server.host}:${server.port} ` +
        `("${path}") cannot be read here (${(err as Error).message}); run the tests on the server's ` +
        `machine as root or as its user`,
    );
  }
}

/** Prepend a marked line for each role that has no line of its own; returns whether any was added. */
async function addHbaLines(admin: postgres.Sql): Promise<boolean> {
  const { path, text } = await hbaFile(admin);
  const lines = text.split("\n");
  const added = Object.entries(PASSWORD_ROLES)
    .filter(([role]) => !lines.some((l) => new RegExp(`^\\s*host\\s+all\\s+${role}\\s`).test(l)))
    .map(([role, method]) => `host all ${role} 127.0.0.1/32 ${method} ${HBA_MARK}`);
  if (added.length === 0) return false;
  // First match wins in pg_hba.conf: the lines go before the trust rules.
  writeFileSync(path, [...added, text].join("\n"));
  return true;
}

async function removeHbaLines(admin: postgres.Sql): Promise<void> {
  const { path, text } = await hbaFile(admin);
  const kept = text.split("\n").filter((l) => !l.endsWith(HBA_MARK));
  if (kept.join("\n") === text) return;
  writeFileSync(path, kept.join("\n"));
  await admin`select pg_reload_conf()`;
}

/**
 * Reload the server's configuration and wait until a new login as `retort_pw_test` is asked for its
 * password: `pg_reload_conf()` only signals the postmaster, which reloads a moment later.
 */
async function reloadUntilAsked(admin: postgres.Sql): Promise<void> {
  await admin`select pg_reload_conf()`;
  const server = testUrl(POSTGRES_TEST_URL);
  const url = testUrl(
    `postgres://retort_pw_test@${server.host}:${server.port}/${server.database ?? "postgres"}`,
  );
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      const conn = await connectPostgres(url, postgresDialect, { connectTimeoutMs: 2000 });
      await conn.close();
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(
    `Cannot set up the password test roles: PostgreSQL at ${server.host}:${server.port} still lets ` +
      `retort_pw_test in without a password after pg_reload_conf()`,
  );
}
