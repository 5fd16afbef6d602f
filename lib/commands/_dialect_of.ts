/**
 * The dialect a config points at, for offline mode where no connection is opened.
 *
 * @module
 */
import type { Config } from "../config/config.ts";
import type { DialectName } from "../dialects/dialect.ts";
import { parseUrl } from "../config/url.ts";
import { ConfigError } from "../errors.ts";

/**
 * The dialect named by the config's URL (only its scheme matters: offline mode never connects).
 *
 * @throws {ConfigError} when there is no URL
 * @throws {UrlError} when the URL names no supported dialect
 */
export function dialectName(config: Config): DialectName {
  if (!config.url) {
    throw new ConfigError(
      `Cannot render offline SQL: no database URL tells which dialect to write; set "url" in ` +
        `${config.file ?? "migrate.toml"} or pass --url (e.g. --url postgresql://)`,
      { file: config.file, key: "url" },
    );
  }
  return parseUrl(config.url, config.root).dialect;
}
