/**
 * {@link checkScriptLocations}: the folders a config names for revisions must exist before any
 * revision is read, so a mistyped path is an error instead of an empty history ("Nothing to do").
 *
 * @module
 */
import { readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { Config } from "../config/config.ts";
import { findKeyLine } from "../config/find_key_line.ts";
import { ConfigError } from "../errors.ts";

/**
 * Refuse a missing `script_location` folder that the config file names, and a missing folder
 * among explicit `version_locations`. Two folders may be missing: the default `script_location`
 * (`migrations`) when the config does not name one (a project without revisions yet), and the
 * default version location (`<script_location>/versions`), which `migrate revision` creates.
 *
 * @param config the loaded configuration
 * @throws {ConfigError} naming the key, the path as written and as resolved, and the config file's line
 */
export function checkScriptLocations(config: Config): void {
  const defaults = [join(config.scriptLocation, "versions")];
  const isDefault = config.versionLocations.length === 1 && config.versionLocations[0] === defaults[0];
  if (isDefault && !isFolder(config.scriptLocation)) {
    const error = missing(
      config,
      "script_location",
      config.scriptLocation,
      `run "migrate init" to create it, or fix the path`,
    );
    if (error.line !== undefined) throw error;
  }
  if (isDefault) return;
  for (const location of config.versionLocations) {
    if (!isFolder(location)) {
      throw missing(config, "version_locations", location, "create it or remove it from the list");
    }
  }
}

function isFolder(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

function missing(config: Config, key: string, path: string, hint: string): ConfigError {
  const file = config.file;
  let line: number | undefined;
  let dotted = key;
  if (file !== undefined) {
    try {
      const text = readFileSync(file, "utf8");
      const scoped = config.databaseName === undefined
        ? undefined
        : `databases.${config.databaseName}.${key}`;
      const scopedLine = scoped === undefined ? undefined : findKeyLine(text, file, scoped);
      if (scopedLine !== undefined) dotted = scoped!;
      line = scopedLine ?? findKeyLine(text, file, key);
    } catch {
      // The config file is gone since it was loaded: the message still names key and folder.
    }
  }
  const where = file === undefined ? "" : ` (${line === undefined ? file : `${file}:${line}`})`;
  const shown = relative(config.root, path) || ".";
  return new ConfigError(
    `Cannot find ${dotted} folder "${shown}"${where}: no such folder at ${path}; ${hint}`,
    { file, key: dotted, line },
  );
}
