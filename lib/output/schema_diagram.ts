/**
 * What an entity-relationship diagram of a schema shows (`migrate schema dump --format mermaid|dot|svg`):
 * tables with their columns, types and keys, and each foreign key as a relationship with its
 * cardinality, read from the {@link Schema} model. The Mermaid and DOT writers
 * (`schema_diagram_mermaid.ts`, `schema_diagram_dot.ts`) draw this; nothing here knows a format.
 *
 * @module
 */
import { normalizeTable, type Schema } from "../schema/model.ts";

/** One column of a diagram table. */
export interface DiagramColumn {
  readonly name: string;
  /** The type as the schema spells it, e.g. `varchar(50)`. */
  readonly type: string;
  readonly nullable: boolean;
  /** Part of the primary key. */
  readonly isPrimaryKey: boolean;
  /** Part of a foreign key. */
  readonly isForeignKey: boolean;
  /** Unique on its own (a one-column unique constraint or unique index). */
  readonly isUnique: boolean;
}

/** One table of the diagram. */
export interface DiagramTable {
  /** The schema's key: `table`, or `schema.table` outside the default schema. */
  readonly key: string;
  readonly columns: readonly DiagramColumn[];
}

/**
 * One foreign key as a relationship: `child` rows point at `parent` rows.
 *
 * - `parentSide`: how many parent rows a child row has: `one`, or `zeroOrOne` when a key column is
 *   nullable;
 * - `childSide`: how many child rows a parent row has: `zeroOrOne` when the key columns are unique in
 *   the child table (its primary key or a unique constraint or index on exactly them), else `zeroOrMany`.
 */
export interface DiagramRelation {
  /** The referencing table's key. */
  readonly child: string;
  /** The referenced table's key. */
  readonly parent: string;
  /** Constraint name, when known. */
  readonly name?: string;
  readonly columns: readonly string[];
  readonly referencedColumns: readonly string[];
  readonly parentSide: "one" | "zeroOrOne";
  readonly childSide: "zeroOrOne" | "zeroOrMany";
}

/** The tables and relationships to draw. */
export interface SchemaDiagram {
  /** Tables in key order. */
  readonly tables: readonly DiagramTable[];
  /** Foreign keys whose two tables are both drawn, in table order then declared order. */
  readonly relations: readonly DiagramRelation[];
}

/**
 * Whether a table key matches a `--tables` pattern: comma-separated globs (`*` any characters, `?` one),
 * each matched against the whole key (`film*`, `public.*`, `film,actor`).
 *
 * @param key a table key
 * @param pattern the globs
 * @returns true when one glob matches
 */
export function matchesTablePattern(key: string, pattern: string): boolean {
  return pattern.split(",").map((p) => p.trim()).filter((p) => p !== "").some((glob) => {
    const source = glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replaceAll("*", ".*").replaceAll("?", ".");
    return new RegExp(`^${source}$`, "i").test(key);
  });
}

/**
 * Read a schema into diagram tables and relationships.
 *
 * @param schema the schema model
 * @param tables `--tables` globs (see {@link matchesTablePattern}); every table when absent
 * @returns the tables (key order) and the foreign keys between them
 * @throws {TypeError} when a column's `references` cannot be read (as `normalizeTable`)
 */
export function schemaDiagramOf(schema: Schema, tables?: string): SchemaDiagram {
  const keys = Object.keys(schema.tables).filter((k) =>
    tables === undefined || matchesTablePattern(k, tables)
  )
    .sort();
  const drawn = new Set(keys);
  const out: DiagramTable[] = [];
  const relations: DiagramRelation[] = [];
  for (const key of keys) {
    const table = normalizeTable(schema.tables[key]);
    const pk = table.primaryKey?.columns ?? [];
    const uniqueSets = [
      ...(pk.length > 0 ? [pk] : []),
      ...table.uniqueConstraints.map((u) => u.columns),
      ...table.indexes.filter((i) => i.unique && !i.where).map((i) => i.columns)
        .filter((cols): cols is readonly string[] => cols.every((c) => typeof c === "string")),
    ];
    const fkColumns = new Set(table.foreignKeys.flatMap((f) => f.columns));
    out.push({
      key,
      columns: Object.entries(table.columns).map(([name, column]) => ({
        name,
        type: column.type,
        nullable: column.nullable ?? true,
        isPrimaryKey: pk.includes(name),
        isForeignKey: fkColumns.has(name),
        isUnique: uniqueSets.some((set) => set.length === 1 && set[0] === name),
      })),
    });
    for (const fk of table.foreignKeys) {
      const parent = tableKey(fk.referencedTable, drawn);
      if (parent === undefined) continue;
      const nullable = fk.columns.some((c) => table.columns[c]?.nullable ?? true);
      const unique = uniqueSets.some((set) => sameColumns(set, fk.columns));
      relations.push({
        child: key,
        parent,
        ...(fk.name ? { name: fk.name } : {}),
        columns: [...fk.columns],
        referencedColumns: [...fk.referencedColumns],
        parentSide: nullable ? "zeroOrOne" : "one",
        childSide: unique ? "zeroOrOne" : "zeroOrMany",
      });
    }
  }
  return { tables: out, relations };
}

/** The drawn table a foreign key names: its key as given, else without a schema prefix. */
function tableKey(referenced: string, drawn: ReadonlySet<string>): string | undefined {
  if (drawn.has(referenced)) return referenced;
  const bare = referenced.slice(referenced.indexOf(".") + 1);
  return drawn.has(bare) ? bare : undefined;
}

function sameColumns(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((c) => b.includes(c));
}
