/**
 * A schema as a Mermaid `erDiagram` (`migrate schema dump --format mermaid`): one entity per table with
 * its columns (type, name, `PK`/`FK`/`UK`), one relationship per foreign key in crow's foot notation
 * (`||--o{`: each child row has exactly one parent, a parent any number of children).
 *
 * Mermaid accepts only letters, digits, `-`, `_`, `(`, `)`, `[` and `]` in a type and letters, digits,
 * `-` and `_` in a name; other characters become `_`, and a type changed that way is given as written
 * in the attribute's comment.
 *
 * @module
 */
import type { DiagramRelation, SchemaDiagram } from "./schema_diagram.ts";

/**
 * A Mermaid entity or attribute name for a table key or column.
 *
 * @param name any name
 * @returns the name with characters Mermaid does not take replaced by `_` (and `_` first if it starts with a digit)
 */
export function mermaidEntityName(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9_-]/g, "_");
  return /^[A-Za-z_]/.test(safe) ? safe : `_${safe}`;
}

/**
 * Write the diagram as a Mermaid `erDiagram`.
 *
 * @param diagram the tables and relationships
 * @returns the diagram text, ending with a newline
 */
export function formatSchemaMermaid(diagram: SchemaDiagram): string {
  const lines = ["erDiagram"];
  for (const table of diagram.tables) {
    lines.push(`  ${mermaidEntityName(table.key)} {`);
    for (const column of table.columns) {
      const type = mermaidType(column.type);
      const keys = [
        ...(column.isPrimaryKey ? ["PK"] : []),
        ...(column.isForeignKey ? ["FK"] : []),
        ...(column.isUnique && !column.isPrimaryKey ? ["UK"] : []),
      ];
      const notes = [
        ...(type !== column.type ? [column.type] : []),
        ...(column.nullable || column.isPrimaryKey ? [] : ["not null"]),
      ];
      let line = `    ${type} ${mermaidEntityName(column.name)}`;
      if (keys.length > 0) line += ` ${keys.join(", ")}`;
      if (notes.length > 0) line += ` "${notes.join(", ").replaceAll('"', "'")}"`;
      lines.push(line);
    }
    lines.push("  }");
  }
  for (const relation of diagram.relations) lines.push(`  ${relationLine(relation)}`);
  return `${lines.join("\n")}\n`;
}

/** `PARENT ||--o{ CHILD : "columns"`: the left end describes the parent, the right end the children. */
function relationLine(r: DiagramRelation): string {
  const left = r.parentSide === "one" ? "||" : "|o";
  const right = r.childSide === "zeroOrMany" ? "o{" : "o|";
  const label = r.columns.join(", ").replaceAll('"', "'");
  return `${mermaidEntityName(r.parent)} ${left}--${right} ${mermaidEntityName(r.child)} : "${label}"`;
}

function mermaidType(type: string): string {
  const safe = type.replace(/[^A-Za-z0-9_()[\]-]/g, "_");
  return /^[A-Za-z]/.test(safe) ? safe : `t_${safe}`;
}
