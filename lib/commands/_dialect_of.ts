/**
 * The dialect a config points at, for offline mode where no connection is opened.
 *
 * @module
 */
import type { Config } from "../config/config.ts";
import type { DialectName } from "../dialects/dialect.ts";
import { parseUrl } from "../config/url.ts";
import { requireUrl } from "../config/select_url.ts";

/**
 * The dialect named by the config's URL (only its scheme matters: offline mode never connects).
 *
 * @throws {ConfigError} when there is no URL
 * @throws {UrlError} when the URL names no supported dialect
 */
export function dialectName(config: Config): DialectName {
  // Offline mode never connects: the URL only says which dialect to write (`--url postgresql://` is enough).
  return parseUrl(requireUrl(config), config.root).dialect;
}
