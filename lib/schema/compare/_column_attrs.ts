/**
 * A column's collation, character set and `ON UPDATE` as the database holds them, for comparing a
 * schema file's column with the database's. A column without its own collation has its table's
 * (MySQL `DEFAULT CHARSET` / `COLLATE`) or the database's, which introspection leaves out, so a
 * collation equal to the table's is no collation of the column's own.
 *
 * @module
 */
import type { Column, MysqlTableOptions } from "../../operations/types.ts";
import type { SchemaNormalizer } from "../normalizer.ts";
import { defaultKey } from "./_column_key.ts";

/**
 * What moved between two columns' collation, character set and `ON UPDATE`, as detail lines.
 *
 * @param want the column wanted
 * @param have the column there is
 * @param table the wanted table's MySQL options (its charset and collation are the columns' default)
 * @param n the dialect's normaliser (its capabilities say whether charset and ON UPDATE exist)
 * @returns one line per change; empty when they are the same
 */
export function columnAttributeChanges(
  want: Column,
  have: Column,
  table: MysqlTableOptions | undefined,
  n: SchemaNormalizer,
): string[] {
  const storage = n.capabilities.storageOptions;
  const out: string[] = [];
  const tableCollation = storage ? table?.collate : undefined;
  const tableCharset = storage ? table?.charset : undefined;
  const own = (c: Column) => c.collation === tableCollation ? undefined : c.collation;
  const wantCharset = storage ? want.charset : undefined;
  const haveCharset = storage ? have.charset : undefined;
  // A charset named without a collation takes that charset's default collation: compare charsets.
  const charsetOnly = wantCharset !== undefined && want.collation === undefined;
  if (charsetOnly) {
    if (wantCharset !== (haveCharset ?? tableCharset)) {
      out.push(`column charset ${haveCharset ?? tableCharset ?? "default"} -> ${wantCharset}`);
    }
  } else if ((own(want) ?? null) !== (own(have) ?? null)) {
    out.push(`column collation ${have.collation ?? "default"} -> ${want.collation ?? "default"}`);
  }
  if (storage) {
    const key = (c: Column) => c.onUpdate === undefined ? "" : defaultKey({ sql: c.onUpdate }, n);
    if (key(want) !== key(have)) {
      out.push(`column ON UPDATE ${have.onUpdate ?? "none"} -> ${want.onUpdate ?? "none"}`);
    }
  }
  return out;
}

/**
 * A column's type with its character set, collation and `ON UPDATE` spelt after it, the way the
 * database reads a column definition (`varchar(10) CHARACTER SET latin1 COLLATE latin1_bin`): the
 * type an `alterColumn` restates when one of them changes. A collation that is not a plain lower
 * case name is double-quoted (PostgreSQL's `"C"`; MySQL's collation names are always plain). With
 * any of them, the type is the dialect's own spelling (`n.type`), which passes through unmapped.
 *
 * @param c the column
 * @param n the dialect's normaliser (charset and ON UPDATE only where `storageOptions`)
 * @param table its table's MySQL options: their collation is spelt for a column without its own
 * @returns the type text
 */
export function typeWithAttributes(c: Column, n: SchemaNormalizer, table?: MysqlTableOptions): string {
  const storage = n.capabilities.storageOptions;
  const collation = c.collation ?? (storage && c.charset === undefined ? table?.collate : undefined);
  if (collation === undefined && (!storage || (c.charset === undefined && c.onUpdate === undefined))) {
    return c.type;
  }
  let out = n.type(c.type);
  if (n.capabilities.storageOptions && c.charset !== undefined) out += ` CHARACTER SET ${c.charset}`;
  if (collation !== undefined) {
    out += ` COLLATE ${
      collation.split(".").map((p) => /^[a-z_][a-z0-9_]*$/.test(p) ? p : `"${p.replaceAll('"', '""')}"`)
        .join(".")
    }`;
  }
  if (n.capabilities.storageOptions && c.onUpdate !== undefined) out += ` ON UPDATE ${c.onUpdate}`;
  return out;
}
