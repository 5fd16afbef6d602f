/**
 * The 1,000-table schema of the `check` benchmarks (`check_tables.ts`, `introspect.ts`): each table
 * has 10 columns, 2 indexes and a foreign key to the previous table.
 *
 * @module
 */

/** A database the benchmarks load the schema into. */
export type BenchDialect = "postgresql" | "mysql" | "sqlite";

/**
 * The schema's DDL in a dialect's spelling.
 *
 * @param dialect the database
 * @param n how many tables
 * @returns the statements, one per line
 */
export function benchTablesDdl(dialect: BenchDialect, n: number): string {
  const out: string[] = [];
  const ts = dialect === "postgresql" ? "timestamptz DEFAULT now()" : "timestamp DEFAULT CURRENT_TIMESTAMP";
  const bool = dialect === "mysql" ? "tinyint(1) DEFAULT 0 NOT NULL" : "boolean DEFAULT false NOT NULL";
  const dbl = dialect === "mysql" ? "double" : "double precision";
  for (let i = 0; i < n; i++) {
    const t = `t${String(i).padStart(4, "0")}`;
    const ref = i === 0
      ? ""
      : `, CONSTRAINT ${t}_parent_fkey FOREIGN KEY (parent_id) REFERENCES t${
        String(i - 1).padStart(4, "0")
      } (id)`;
    out.push(
      `CREATE TABLE ${t} (id integer PRIMARY KEY, parent_id integer, name varchar(100) NOT NULL, ` +
        `code varchar(20), amount numeric(10,2) DEFAULT 0, created_at ${ts}, ` +
        `flag ${bool}, note text, qty integer, ratio ${dbl}${ref});`,
      `CREATE INDEX ix_${t}_name ON ${t} (name);`,
      `CREATE INDEX ix_${t}_code ON ${t} (code, qty);`,
    );
  }
  return out.join("\n");
}
