/**
 * `migrate init`: writing a project template (Alembic's `init` and `list_templates`). The
 * templates come from `templates_data.ts`, generated from `templates/`, so the compiled binary
 * carries them.
 *
 * @module
 */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import process from "node:process";
import { InputError } from "../errors.ts";
import { TEMPLATES } from "./templates_data.ts";

/**
 * The templates `migrate init -t` accepts, with the first line of each one's README.
 *
 * @returns name and description of each template, sorted by name
 */
export function listTemplates(): { name: string; description: string }[] {
  return Object.keys(TEMPLATES).sort().map((name) => ({ name, description: TEMPLATES[name].description }));
}

/**
 * Writes a project template the way Alembic's `init` does: `dir` becomes the script directory
 * (the template's `migrations/` folder: `versions/`, the revision templates, a README) and the config
 * file `migrate.toml` is written into `configDir` (the working directory), with `script_location`
 * pointing at `dir`.
 *
 * @param dir the script directory to create (relative to `configDir` or absolute); must be absent or empty
 * @param template a name from {@link listTemplates}
 * @param configDir where `migrate.toml` goes; default the working directory
 * @returns absolute paths of the files written, sorted
 * @throws {InputError} when the template does not exist, `dir` exists and is not empty, or
 *   `migrate.toml` already exists in `configDir`
 */
export function initProject(dir: string, template: string, configDir: string = process.cwd()): string[] {
  const data = Object.hasOwn(TEMPLATES, template) ? TEMPLATES[template] : undefined;
  const scriptDir = resolve(configDir, dir);
  if (!data) {
    throw new InputError(
      `Cannot initialize ${scriptDir}: unknown template "${template}" (available: ${
        listTemplates().map((t) => t.name).join(", ")
      })`,
    );
  }
  if (existsSync(scriptDir) && (!statSync(scriptDir).isDirectory() || readdirSync(scriptDir).length > 0)) {
    throw new InputError(
      `Cannot initialize ${scriptDir}: it already exists and is not empty; choose a new folder for the scripts`,
    );
  }
  // Paths inside the config are written relative to it, with forward slashes on every platform.
  const location = relative(resolve(configDir), scriptDir).split(sep).join("/") || ".";
  const files: [string, string][] = Object.entries(data.files).map(([rel, content]) => {
    if (rel.startsWith(`${TEMPLATE_SCRIPT_DIR}/`)) {
      return [join(scriptDir, rel.slice(TEMPLATE_SCRIPT_DIR.length + 1)), content];
    }
    const text = rel === "migrate.toml"
      ? content.replace(/(["\[ ])migrations(?=[/"])/g, `$1${location}`)
      : content;
    return [join(resolve(configDir), rel), text];
  });
  for (const [path] of files) {
    if (existsSync(path)) {
      throw new InputError(
        `Cannot initialize ${scriptDir}: ${path} already exists; remove it or run init elsewhere`,
      );
    }
  }
  const written: string[] = [];
  for (const [path, content] of files) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content, { flag: "wx" });
    written.push(path);
  }
  return written.sort();
}

/** The folder of the templates that holds the script directory's files. */
const TEMPLATE_SCRIPT_DIR = "migrations";
