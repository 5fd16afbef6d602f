/**
 * SQLite's spelling of an enum column, read back: Retort (like SQLAlchemy's non-native `Enum`)
 * declares `VARCHAR(n) CHECK (col IN ('a', 'b'))` with `n` the longest value, so a column declared
 * exactly so is the enum it was written as, and its CHECK is part of the column, not a table
 * constraint of its own.
 *
 * @module
 */

/**
 * The enum values of a column whose type and column-level CHECK are the enum spelling.
 *
 * @param column the column's name
 * @param type its declared type
 * @param condition the CHECK condition, without its parentheses
 * @returns the values in order, or `undefined` when the column is no enum
 */
export function enumValuesOfCheck(column: string, type: string, condition: string): string[] | undefined {
  const length = /^\s*varchar\s*\(\s*(\d+)\s*\)\s*$/i.exec(type);
  if (!length) return undefined;
  const m = /^\s*("(?:[^"]|"")+"|`[^`]+`|\[[^\]]+\]|[A-Za-z_][A-Za-z0-9_$]*)\s+IN\s*\(([\s\S]*)\)\s*$/i.exec(
    condition,
  );
  if (!m || unquote(m[1]).toLowerCase() !== column.toLowerCase()) return undefined;
  const values: string[] = [];
  const list = /\s*'((?:[^']|'')*)'\s*(,|$)/y;
  let rest = m[2];
  while (rest.trim() !== "") {
    list.lastIndex = 0;
    const v = list.exec(rest);
    if (!v) return undefined;
    values.push(v[1].replaceAll("''", "'"));
    rest = rest.slice(list.lastIndex);
    if (v[2] === "" && rest.trim() !== "") return undefined;
  }
  if (values.length === 0 || new Set(values).size !== values.length) return undefined;
  return Number(length[1]) === Math.max(1, ...values.map((v) => v.length)) ? values : undefined;
}

function unquote(name: string): string {
  if (/^".*"$/s.test(name)) return name.slice(1, -1).replaceAll('""', '"');
  if (/^(`.*`|\[.*\])$/s.test(name)) return name.slice(1, -1);
  return name;
}
