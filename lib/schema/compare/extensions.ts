/**
 * Extensions (PostgreSQL): created first (their types and functions may be used by everything
 * else), dropped last. The version is written when creating but not compared: an extension
 * updated in place (`ALTER EXTENSION ... UPDATE`) is the database administrator's business, as
 * `pg_dump` leaves it out too.
 *
 * @module
 */
import * as create from "../../operations/create.ts";
import type { Schema } from "../model.ts";
import { emptyComparison, type ObjectComparison } from "./_object_steps.ts";

/**
 * Compare the extensions of two schemas.
 *
 * @param target the schema wanted
 * @param current the schema there is
 * @returns the steps and the changes (`extension.*`)
 */
export function compareExtensions(target: Schema, current: Schema): ObjectComparison {
  const out = emptyComparison();
  const want = target.extensions ?? {};
  const have = current.extensions ?? {};
  for (const [name, ext] of Object.entries(want)) {
    if (Object.hasOwn(have, name)) continue;
    out.early.push({
      up: create.createExtension(name, {
        ...(ext.schema ? { schema: ext.schema } : {}),
        ...(ext.version ? { version: ext.version } : {}),
        ifNotExists: true,
      }),
    });
    out.changes.push({ type: "extension.added", name, details: [] });
  }
  for (const [name, ext] of Object.entries(have)) {
    if (Object.hasOwn(want, name)) continue;
    out.late.push({
      up: create.dropExtension(name, {
        ...(ext.schema ? { schema: ext.schema } : {}),
        ...(ext.version ? { version: ext.version } : {}),
      }),
    });
    out.changes.push({ type: "extension.removed", name, details: [] });
  }
  return out;
}
