/**
 * The revision graph in Graphviz DOT (`migrate graph --format dot`, and the input of `--format svg`):
 * one box per revision, edges from each down revision to the revision that revises it, dashed edges
 * for `dependsOn`, heads drawn bold green, current revisions filled blue.
 *
 * @module
 */
import { collapsedLabel } from "./graph_mermaid.ts";
import type { RevisionGraph, RevisionGraphNode } from "./graph_model.ts";

/**
 * Quote text as a DOT string (`"..."`, with `"` and `\` escaped and newlines as `\n`).
 *
 * @param text any text
 * @returns the quoted string
 */
export function quoteDot(text: string): string {
  return `"${text.replaceAll("\\", "\\\\").replaceAll('"', '\\"').replace(/\r?\n/g, "\\n")}"`;
}

/**
 * Write the graph as a DOT digraph, bases at the top.
 *
 * @param graph the nodes and edges
 * @param name the graph's name
 * @returns the DOT text, ending with a newline
 */
export function formatGraphDot(graph: RevisionGraph, name = "revisions"): string {
  const lines = [
    `digraph ${quoteDot(name)} {`,
    "  rankdir=TB;",
    '  node [shape=box, style="rounded", fontname="Helvetica", fontsize=11];',
    '  edge [fontname="Helvetica", fontsize=9];',
  ];
  for (const node of [...graph.nodes].reverse()) lines.push(`  ${quoteDot(node.id)} [${attributes(node)}];`);
  for (const edge of graph.edges) {
    const attrs = edge.kind === "dependency"
      ? ' [style=dashed, label="depends on"]'
      : edge.collapsed > 0
      ? ` [style=bold, label=${quoteDot(collapsedLabel(edge.collapsed))}]`
      : "";
    lines.push(`  ${quoteDot(edge.from)} -> ${quoteDot(edge.to)}${attrs};`);
  }
  lines.push("}");
  return `${lines.join("\n")}\n`;
}

function attributes(node: RevisionGraphNode): string {
  const marks = [
    ...node.branchLabels.map((l) => `@${l}`),
    ...(node.isHead ? ["head"] : []),
    ...(node.isCurrent ? ["current"] : []),
  ];
  let label = node.id;
  if (marks.length > 0) label += ` (${marks.join(", ")})`;
  if (node.message) label += `\n${node.message}`;
  const attrs = [`label=${quoteDot(label)}`];
  const style = ["rounded"];
  if (node.isHead) {
    style.push("bold");
    attrs.push('color="#2e7d32"');
  }
  if (node.isCurrent) {
    style.push("filled");
    attrs.push('fillcolor="#bbdefb"');
  }
  if (style.length > 1) attrs.push(`style=${quoteDot(style.join(","))}`);
  return attrs.join(", ");
}
