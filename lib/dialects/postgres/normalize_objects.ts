/**
 * Definitions of a schema file as PostgreSQL prints them (issue 18: "normalise by asking the
 * database"). A view query, routine or trigger written by hand rarely matches the text
 * `pg_get_viewdef` / `pg_get_functiondef` / `pg_get_triggerdef` print for it (parentheses, casts,
 * table prefixes), so it would show as changed forever. Each such definition is created inside
 * one transaction that is always rolled back (a savepoint per object; a view as a temporary view),
 * read back with the same catalog function introspection uses, and compared in that form.
 *
 * Only definitions whose text differs from the database's (white space folded) are sent, so a
 * file written by `schema dump` costs no query. One that fails to create (a table it reads does
 * not exist yet) keeps its own text. A trigger is created on its real table inside the
 * transaction, which holds the table's `SHARE ROW EXCLUSIVE` lock for that moment (`lock_timeout`
 * 2 s).
 *
 * @module
 */
import type { Schema } from "../../schema/model.ts";
import type { Routine, Trigger, View } from "../../schema/objects.ts";
import { sameSql } from "../../schema/compare/_definition.ts";
import type { Connection } from "../dialect.ts";
import { quoteName } from "../_sql.ts";

const TEMP_VIEW = "retort_normalize_view";

/**
 * The target schema with its hand-written view, materialized view, function and trigger
 * definitions replaced by the database's text for them.
 *
 * @param conn an open PostgreSQL connection (single statements suffice)
 * @param target the schema file's schema
 * @param current the database's schema (introspected)
 * @returns `target`, or a copy with normalised definitions
 * @throws {Error} the driver's error when the transaction cannot be opened or rolled back
 */
export async function normalizePostgresObjects(
  conn: Connection,
  target: Schema,
  current: Schema,
): Promise<Schema> {
  const views = pending(target.views, current.views);
  const matviews = pending(target.materializedViews, current.materializedViews);
  const functions = pending(target.functions, current.functions)
    .filter(([, r]) => r.routine !== "aggregate");
  const currentTriggers = new Map((current.triggers ?? []).map((t) => [`${t.table}.${t.name}`, t]));
  const triggers = (target.triggers ?? []).filter((t) => {
    const had = currentTriggers.get(`${t.table}.${t.name}`);
    return had === undefined || !sameSql(had.definition, t.definition);
  });
  if (views.length + matviews.length + functions.length + triggers.length === 0) return target;

  const attempt = async (work: () => Promise<string | undefined>): Promise<string | undefined> => {
    await conn.query("SAVEPOINT retort_normalize");
    try {
      return await work();
    } catch {
      return undefined;
    } finally {
      await conn.query("ROLLBACK TO SAVEPOINT retort_normalize");
    }
  };
  const viewText = (v: View) =>
    attempt(async () => {
      await conn.query(`CREATE TEMPORARY VIEW ${TEMP_VIEW} AS ${v.definition.trim().replace(/;\s*$/, "")}`);
      const rows = await conn.query(
        "SELECT pg_get_viewdef(c.oid) AS d FROM pg_class c WHERE c.relname = ? AND c.relnamespace = pg_my_temp_schema()",
        [TEMP_VIEW],
      );
      return String(rows[0].d).trim().replace(/;$/, "");
    });

  await conn.query("BEGIN");
  try {
    await conn.query("SET LOCAL lock_timeout = '2s'");
    const out: { -readonly [K in keyof Schema]: Schema[K] } = { ...target };
    if (views.length) out.views = await redo(target.views!, views, viewText);
    if (matviews.length) out.materializedViews = await redo(target.materializedViews!, matviews, viewText);
    if (functions.length) {
      const routines: Record<string, Routine> = { ...target.functions };
      for (const [key, r] of functions) {
        const found = await attempt(async () => {
          // `OR REPLACE`: the routine usually exists already (under the savepoint, rolled back after).
          const sql = r.definition.trim().replace(/;\s*$/, "").replace(
            /^CREATE\s+(?!OR\s+REPLACE\b)/i,
            "CREATE OR REPLACE ",
          );
          await conn.query(sql);
          const rows = await conn.query(
            `SELECT pg_get_functiondef(p.oid) AS d, p.proname || '(' || oidvectortypes(p.proargtypes) || ')' AS k
FROM pg_proc p WHERE p.oid = to_regprocedure(?)`,
            [key],
          );
          return rows.length === 1 ? JSON.stringify([rows[0].d, rows[0].k]) : undefined;
        });
        if (found === undefined) continue;
        const [definition, signature] = JSON.parse(found) as [string, string];
        // The key as introspection writes it (`f(integer)` for a file's `f(int)`), in the same schema.
        const head = key.slice(0, key.indexOf("(") < 0 ? key.length : key.indexOf("("));
        const schema = head.includes(".") ? head.slice(0, head.indexOf(".") + 1) : "";
        delete routines[key];
        routines[`${schema}${signature}`] = { ...r, definition: definition.trim() };
      }
      out.functions = routines;
    }
    if (triggers.length) {
      const texts = new Map<Trigger, string>();
      for (const t of triggers) {
        const text = await attempt(async () => {
          const table = t.table.split(".").map((p) => quoteName(p, '"')).join(".");
          await conn.query(`DROP TRIGGER IF EXISTS ${quoteName(t.name, '"')} ON ${table}`);
          await conn.query(t.definition.trim().replace(/;\s*$/, ""));
          const rows = await conn.query(
            "SELECT pg_get_triggerdef(t.oid) AS d FROM pg_trigger t WHERE t.tgname = ? AND t.tgrelid = to_regclass(?)",
            [t.name, table],
          );
          return rows.length === 1 ? String(rows[0].d) : undefined;
        });
        if (text !== undefined) texts.set(t, text);
      }
      out.triggers = target.triggers!.map((t) => texts.has(t) ? { ...t, definition: texts.get(t)! } : t);
    }
    return out;
  } finally {
    await conn.query("ROLLBACK");
  }
}

/** The entries of `want` whose definition differs from `have`'s for the same key, or that `have` lacks. */
function pending<T extends { readonly definition: string }>(
  want: Readonly<Record<string, T>> | undefined,
  have: Readonly<Record<string, T>> | undefined,
): [string, T][] {
  return Object.entries(want ?? {}).filter(([k, v]) => {
    const had = have?.[k];
    return had === undefined || !sameSql(had.definition, v.definition);
  });
}

/** `all` with the definitions of `todo` replaced by what `read` returns for them (when it returns one). */
async function redo<T extends { readonly definition: string }>(
  all: Readonly<Record<string, T>>,
  todo: readonly [string, T][],
  read: (item: T) => Promise<string | undefined>,
): Promise<Record<string, T>> {
  const out: Record<string, T> = { ...all };
  for (const [key, item] of todo) {
    const text = await read(item);
    if (text !== undefined) out[key] = { ...item, definition: text };
  }
  return out;
}
