/**
 * A schema as a Graphviz DOT entity-relationship diagram (`migrate schema dump --format dot`, and the
 * input of `--format svg`): one HTML-like table per table (column, type, keys), one edge per foreign key
 * from the referencing columns to the referenced table, with crow's foot arrow ends for its cardinality
 * (`tee`: exactly one, `teeodot`: zero or one, `crowodot`: zero or many).
 *
 * @module
 */
import { quoteDot } from "./graph_dot.ts";
import type { DiagramRelation, SchemaDiagram } from "./schema_diagram.ts";

/**
 * Escape text for a DOT HTML-like label.
 *
 * @param text any text
 * @returns the text with `&`, `<`, `>` and `"` as entities
 */
export function escapeDotHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll(
    '"',
    "&quot;",
  );
}

/**
 * Write the diagram as a DOT digraph.
 *
 * @param diagram the tables and relationships
 * @param name the graph's name
 * @returns the DOT text, ending with a newline
 */
export function formatSchemaDot(diagram: SchemaDiagram, name = "schema"): string {
  const lines = [
    `digraph ${quoteDot(name)} {`,
    "  rankdir=LR;",
    '  node [shape=plaintext, fontname="Helvetica", fontsize=10];',
    '  edge [dir=both, fontname="Helvetica", fontsize=9];',
  ];
  for (const table of diagram.tables) {
    const rows = table.columns.map((c, i) => {
      const keys = [
        ...(c.isPrimaryKey ? ["PK"] : []),
        ...(c.isForeignKey ? ["FK"] : []),
        ...(c.isUnique && !c.isPrimaryKey ? ["UK"] : []),
      ].join(" ");
      const colName = c.isPrimaryKey ? `<b>${escapeDotHtml(c.name)}</b>` : escapeDotHtml(c.name);
      return `<tr><td port="c${i}" align="left">${colName}</td><td align="left">${escapeDotHtml(c.type)}${
        c.nullable || c.isPrimaryKey ? "" : " not null"
      }</td><td>${keys}</td></tr>`;
    });
    lines.push(
      `  ${quoteDot(table.key)} [label=<<table border="0" cellborder="1" cellspacing="0" cellpadding="3">` +
        `<tr><td colspan="3" bgcolor="#e3f2fd"><b>${escapeDotHtml(table.key)}</b></td></tr>${
          rows.join("")
        }</table>>];`,
    );
  }
  const index = new Map(diagram.tables.map((t, i) => [t.key, i]));
  const columnPort = (key: string, column: string) => {
    const at = diagram.tables[index.get(key)!].columns.findIndex((c) => c.name === column);
    return at < 0 ? "" : `:c${at}`;
  };
  for (const r of diagram.relations) {
    const from = `${quoteDot(r.child)}${columnPort(r.child, r.columns[0])}`;
    const to = `${quoteDot(r.parent)}${columnPort(r.parent, r.referencedColumns[0])}`;
    lines.push(`  ${from} -> ${to} [${edgeAttributes(r)}];`);
  }
  lines.push("}");
  return `${lines.join("\n")}\n`;
}

function edgeAttributes(r: DiagramRelation): string {
  const head = r.parentSide === "one" ? "tee" : "teeodot";
  const tail = r.childSide === "zeroOrMany" ? "crowodot" : "teeodot";
  const label = r.name ?? r.columns.join(", ");
  return `arrowhead=${head}, arrowtail=${tail}, tooltip=${quoteDot(label)}`;
}
