/**
 * Find a dialect by name, loading only that dialect's module (and no driver).
 *
 * @module
 */
import type { Dialect, DialectName } from "./dialect.ts";

/**
 * The dialect for a URL's dialect name.
 *
 * @param name `sqlite`, `postgresql` or `mysql`
 * @returns the dialect object (its driver loads on `connect`)
 * @throws {RangeError} for any other name
 * @example
 * ```ts
 * import { dialectFor } from "./registry.ts";
 * const sqlite = await dialectFor("sqlite");
 * ```
 */
export async function dialectFor(name: DialectName): Promise<Dialect> {
  switch (name) {
    case "sqlite":
      return (await import("./sqlite/dialect.ts")).sqliteDialect;
    case "postgresql":
      return (await import("./postgres/dialect.ts")).postgresDialect;
    case "mysql":
      return (await import("./mysql/dialect.ts")).mysqlDialect;
    default:
      throw new RangeError(
        `Cannot find dialect "${name as string}": expected "sqlite", "postgresql" or "mysql"`,
      );
  }
}
