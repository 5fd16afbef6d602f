/**
 * What a SQL statement changes, read from its leading words with the dialect's lexer (quotes and
 * comments skipped), for databases whose own parser is not available to Retort (MySQL/MariaDB,
 * SQLite). Only the statement shapes that lint rules care about are told apart; anything else is
 * `other-ddl` or, for queries and settings, `other`.
 *
 * @module
 */
import { type SqlLexerRules, tokenizeSql } from "../dialects/sql_lexer.ts";
import type { StatementFacts } from "./facts.ts";

function words(rules: SqlLexerRules, sql: string): string[] {
  const out: string[] = [];
  for (const t of tokenizeSql(rules, sql)) {
    if (t.kind === "word") out.push(sql.slice(t.start, t.end));
    else if (t.kind === "identifier") out.push(sql.slice(t.start + 1, t.end - 1));
    else if (t.kind === "punct") out.push(sql.slice(t.start, t.end));
    else if (t.kind === "string" || t.kind === "number") out.push("?");
  }
  return out;
}

/** The name after an optional `schema.` prefix, starting at `i`; returns the name and the next index. */
function nameAt(w: readonly string[], i: number): [string | undefined, number] {
  if (w[i + 1] === "." && w[i + 2] !== undefined) return [w[i + 2], i + 3];
  return [w[i], i + 1];
}

const INDEX_WORDS = new Set(["INDEX", "KEY", "UNIQUE", "FULLTEXT", "SPATIAL"]);

function alterClauses(w: readonly string[], table: string | undefined, start: number): StatementFacts[] {
  // Clauses are separated by commas outside parentheses.
  const clauses: string[][] = [[]];
  let depth = 0;
  for (let i = start; i < w.length; i++) {
    const x = w[i];
    if (x === "(") depth++;
    if (x === ")") depth--;
    if (x === "," && depth === 0) clauses.push([]);
    else if (x !== ";") clauses[clauses.length - 1].push(x);
  }
  return clauses.filter((c) => c.length > 0).map((c): StatementFacts => {
    const up = c.map((x) => x.toUpperCase());
    const at = (i: number) => up[i] ?? "";
    if (at(0) === "ADD") {
      let i = 1;
      if (at(1) === "CONSTRAINT") i = /^(FOREIGN|CHECK|UNIQUE|PRIMARY)$/.test(at(2)) ? 2 : 3;
      const what = at(i);
      if (what === "FOREIGN") return { action: "add-foreign-key", table };
      if (what === "CHECK") return { action: "add-check", table };
      if (what === "PRIMARY") return { action: "add-primary-key", table };
      if (what === "UNIQUE") return { action: "add-unique", table };
      if (INDEX_WORDS.has(what)) return { action: "create-index", table };
      const column = at(1) === "COLUMN" ? c[2] : c[1];
      const notNull = up.some((x, k) => x === "NOT" && up[k + 1] === "NULL");
      return {
        action: "add-column",
        table,
        column,
        notNullWithoutDefault: notNull && !up.includes("DEFAULT") && !up.includes("AUTO_INCREMENT"),
      };
    }
    if (at(0) === "DROP") {
      if (at(1) === "COLUMN") return { action: "drop-column", table, column: c[2] };
      if (/^(INDEX|KEY|FOREIGN|PRIMARY|CHECK|CONSTRAINT)$/.test(at(1))) return { action: "other-ddl", table };
      return { action: "drop-column", table, column: c[1] };
    }
    if (at(0) === "MODIFY" || at(0) === "CHANGE" || (at(0) === "ALTER" && at(2) === "TYPE")) {
      return { action: "alter-column-type", table, column: at(1) === "COLUMN" ? c[2] : c[1] };
    }
    if (at(0) === "RENAME") {
      if (at(1) === "COLUMN") return { action: "rename-column", table, column: c[2] };
      if (at(1) === "INDEX" || at(1) === "KEY") return { action: "other-ddl", table };
      return { action: "rename-table", table };
    }
    return { action: "other-ddl", table };
  });
}

/**
 * Classify one statement.
 *
 * @param rules the dialect's lexer rules
 * @param sql one statement
 * @returns its facts (action, table, column), without lock or rewrite knowledge
 */
export function classifySql(rules: SqlLexerRules, sql: string): StatementFacts[] {
  const w = words(rules, sql);
  const up = w.map((x) => x.toUpperCase());
  const first = up[0] ?? "";
  if (first === "ALTER" && up[1] === "TABLE") {
    let i = 2;
    if (up[i] === "IF" && up[i + 1] === "EXISTS") i += 2;
    if (up[i] === "ONLY") i++;
    const [table, next] = nameAt(w, i);
    return alterClauses(w, table, next);
  }
  if (first === "CREATE") {
    let i = 1;
    while (/^(OR|REPLACE|TEMP|TEMPORARY|UNIQUE|FULLTEXT|SPATIAL)$/.test(up[i] ?? "")) i++;
    if (up[i] === "TABLE") {
      i++;
      if (up[i] === "IF") i += 3;
      return [{ action: "create-table", table: nameAt(w, i)[0] }];
    }
    if (up[i] === "INDEX") {
      const on = up.indexOf("ON", i);
      return [{ action: "create-index", table: on > 0 ? nameAt(w, on + 1)[0] : undefined }];
    }
    return [{ action: "other-ddl" }];
  }
  if (first === "DROP") {
    let i = 2;
    if (up[i] === "IF" && up[i + 1] === "EXISTS") i += 2;
    if (up[1] === "TABLE") {
      const out: StatementFacts[] = [];
      while (i < w.length) {
        const [table, next] = nameAt(w, i);
        if (table !== undefined && table !== ";") out.push({ action: "drop-table", table });
        i = w[next] === "," ? next + 1 : w.length;
      }
      return out;
    }
    if (up[1] === "INDEX") {
      const on = up.indexOf("ON", i);
      return [{ action: "drop-index", table: on > 0 ? nameAt(w, on + 1)[0] : nameAt(w, i)[0] }];
    }
    return [{ action: "other-ddl" }];
  }
  if (first === "RENAME" && up[1] === "TABLE") return [{ action: "rename-table", table: nameAt(w, 2)[0] }];
  if (/^(INSERT|REPLACE)$/.test(first)) {
    const into = up.indexOf("INTO");
    return [{ action: "data-change", table: into > 0 ? nameAt(w, into + 1)[0] : undefined }];
  }
  if (first === "UPDATE") return [{ action: "data-change", table: nameAt(w, 1)[0] }];
  if (first === "DELETE") {
    const from = up.indexOf("FROM");
    return [{ action: "data-change", table: from > 0 ? nameAt(w, from + 1)[0] : undefined }];
  }
  if (/^(SELECT|SET|WITH|PRAGMA|SHOW|EXPLAIN|ANALYZE|BEGIN|COMMIT|START)$/.test(first)) {
    return [{ action: "other" }];
  }
  return [{ action: "other-ddl" }];
}
