/**
 * `migrate init`: writing a project template (Alembic's `init` and `list_templates`). The
 * templates come from `templates_data.ts`, generated from `templates/`, so the compiled binary
 * carries them.
 *
 * @module
 */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
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
 * Writes a project template into a folder: `migrate.toml` and the script directory (`migrations/`
 * with `versions/`, the revision templates and a README). The folder is created if needed.
 *
 * @param dir the project folder (created if missing)
 * @param template a name from {@link listTemplates}
 * @returns absolute paths of the files written, sorted
 * @throws {InputError} when the template does not exist, the script location (`migrations/`)
 *   exists and is not empty, or a file the template writes (such as `migrate.toml`) already exists
 */
export function initProject(dir: string, template: string): string[] {
  const data = Object.hasOwn(TEMPLATES, template) ? TEMPLATES[template] : undefined;
  if (!data) {
    throw new InputError(
      `Cannot initialize ${resolve(dir)}: unknown template "${template}" (available: ${
        listTemplates().map((t) => t.name).join(", ")
      })`,
    );
  }
  const root = resolve(dir);
  if (existsSync(root) && !statSync(root).isDirectory()) {
    throw new InputError(`Cannot initialize ${root}: it is a file, not a folder`);
  }
  const scriptDirs = new Set(
    Object.keys(data.files).filter((p) => p.includes("/")).map((p) => p.split("/")[0]),
  );
  for (const name of scriptDirs) {
    const path = join(root, name);
    if (existsSync(path) && (!statSync(path).isDirectory() || readdirSync(path).length > 0)) {
      throw new InputError(`Cannot initialize ${root}: ${path} already exists and is not empty`);
    }
  }
  const targets = Object.keys(data.files).map((rel) => join(root, rel));
  for (const path of targets) {
    if (existsSync(path)) throw new InputError(`Cannot initialize ${root}: ${path} already exists`);
  }
  const written: string[] = [];
  for (const [rel, content] of Object.entries(data.files)) {
    const path = join(root, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content, { flag: "wx" });
    written.push(path);
  }
  return written.sort();
}
