/**
 * CHECK conditions as PostgreSQL stores them, asked of the server rather than guessed by string
 * rewriting: `status IN ('a', 'b')` on a varchar comes back as
 * `(status)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[])`. A schema
 * file's condition that does not already match the database's text is compiled on a temporary copy
 * of its table in a transaction that is rolled back, and read back with `pg_get_expr`; when the
 * server prints it as the database's own condition, the two are the same constraint.
 *
 * @module
 */
import type { CheckConstraint } from "../../operations/types.ts";
import type { Schema, Table } from "../../schema/model.ts";
import { STANDARD_QUOTES, stripParens } from "../_parens.ts";
import { quoteName } from "../_sql.ts";
import type { Connection } from "../dialect.ts";

interface Candidate {
  readonly table: string;
  readonly index: number;
  readonly condition: string;
}

/**
 * The target schema with each CHECK condition that the server stores exactly as one of the current
 * table's conditions replaced by that condition's text; everything else unchanged. Runs no query
 * when every condition already matches.
 *
 * @param conn an open PostgreSQL connection outside a transaction
 * @param target the schema file's schema
 * @param current the database's schema (introspected)
 * @returns the target, with matching conditions spelled as the database spells them
 * @throws {Error} the driver's error when BEGIN or ROLLBACK fails (a condition that does not
 *   compile is left as written)
 */
export async function alignChecksWithServer(
  conn: Connection,
  target: Schema,
  current: Schema,
): Promise<Schema> {
  const candidates: Candidate[] = [];
  for (const [key, t] of Object.entries(target.tables)) {
    const c = current.tables[key];
    if (!c?.checkConstraints?.length) continue;
    const known = new Set(c.checkConstraints.map((k) => k.condition));
    (t.checkConstraints ?? []).forEach((k, index) => {
      if (!known.has(k.condition)) candidates.push({ table: key, index, condition: k.condition });
    });
  }
  if (candidates.length === 0) return target;
  const canonical = await compileOnServer(conn, candidates);
  const tables: Record<string, Table> = { ...target.tables };
  for (const [i, cand] of candidates.entries()) {
    const text = canonical[i];
    if (text === undefined) continue;
    // Introspection reads conditions through the same pg_get_expr and stripParens: equal text.
    const match = current.tables[cand.table].checkConstraints?.find((k) => k.condition === text);
    if (!match) continue;
    const t = tables[cand.table];
    const checks: CheckConstraint[] = [...(t.checkConstraints ?? [])];
    checks[cand.index] = { ...checks[cand.index], condition: match.condition };
    tables[cand.table] = { ...t, checkConstraints: checks };
  }
  return { ...target, tables };
}

/** Each candidate's condition as the server prints it, or `undefined` where it does not compile. */
async function compileOnServer(
  conn: Connection,
  candidates: readonly Candidate[],
): Promise<(string | undefined)[]> {
  const q = (n: string) => quoteName(n, '"');
  const scratch = new Map<string, string>();
  const out: (string | undefined)[] = [];
  await conn.begin();
  try {
    for (const [i, cand] of candidates.entries()) {
      let tmp = scratch.get(cand.table);
      if (tmp === undefined) {
        tmp = `_retort_check_${scratch.size}`;
        const at = cand.table.indexOf(".");
        const real = at < 0 ? q(cand.table) : `${q(cand.table.slice(0, at))}.${q(cand.table.slice(at + 1))}`;
        await conn.execute(`CREATE TEMP TABLE ${q(tmp)} (LIKE ${real}) ON COMMIT DROP`);
        scratch.set(cand.table, tmp);
      }
      await conn.execute("SAVEPOINT retort_check");
      try {
        await conn.execute(
          `ALTER TABLE ${q(tmp)} ADD CONSTRAINT ${q(`c${i}`)} CHECK (${cand.condition}) NOT VALID`,
        );
        const rows = await conn.query(
          `SELECT pg_get_expr(conbin, conrelid) AS e FROM pg_constraint WHERE conrelid = '${tmp}'::regclass AND conname = 'c${i}'`,
        );
        out.push(rows[0]?.e === undefined ? undefined : stripParens(String(rows[0].e), STANDARD_QUOTES));
        await conn.execute("RELEASE SAVEPOINT retort_check");
      } catch {
        // A condition the server refuses (a column the table lacks yet) stays as written.
        await conn.execute("ROLLBACK TO SAVEPOINT retort_check");
        out.push(undefined);
      }
    }
  } finally {
    await conn.rollback();
  }
  return out;
}
