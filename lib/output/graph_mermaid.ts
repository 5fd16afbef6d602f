/**
 * The revision graph as a Mermaid flowchart (`migrate graph --format mermaid`), which GitHub and
 * GitLab render inside a Markdown ```` ```mermaid ```` block: one node per revision (id, declared
 * branch labels, message), arrows from each down revision to the revision that revises it (the
 * direction `upgrade` runs), dotted arrows for `dependsOn`, heads and current revisions highlighted.
 *
 * @module
 */
import type { RevisionGraph, RevisionGraphEdge, RevisionGraphNode } from "./graph_model.ts";

/**
 * Escape text for a quoted Mermaid label: Mermaid reads `#name;` entity codes there, and the quote
 * and angle brackets would end the label or open HTML.
 *
 * @param text any text
 * @returns the text with `#`, `"`, `<`, `>` as entity codes
 */
export function escapeMermaid(text: string): string {
  return text.replaceAll("#", "#35;").replaceAll('"', "#quot;").replaceAll("<", "#lt;").replaceAll(
    ">",
    "#gt;",
  );
}

/**
 * A Mermaid node id for a revision: `r_` keeps ids such as `end` or `graph` from being keywords.
 *
 * @param id a revision id (`[A-Za-z0-9_]`)
 * @returns the node id
 */
export function mermaidNodeId(id: string): string {
  return `r_${id.replace(/[^A-Za-z0-9_]/g, "_")}`;
}

/**
 * Write the graph as a Mermaid flowchart, top to bottom from the bases.
 *
 * @param graph the nodes and edges
 * @returns the flowchart text, ending with a newline
 */
export function formatGraphMermaid(graph: RevisionGraph): string {
  const lines = ["flowchart TD"];
  for (const node of [...graph.nodes].reverse()) {
    lines.push(`  ${mermaidNodeId(node.id)}${shape(node)}`);
  }
  for (const edge of graph.edges) lines.push(`  ${edgeLine(edge)}`);
  const heads = graph.nodes.filter((n) => n.isHead).map((n) => mermaidNodeId(n.id));
  const current = graph.nodes.filter((n) => n.isCurrent).map((n) => mermaidNodeId(n.id));
  lines.push("  classDef head stroke:#2e7d32,stroke-width:3px");
  lines.push("  classDef current fill:#bbdefb,stroke:#0d47a1,stroke-width:3px");
  if (heads.length > 0) lines.push(`  class ${heads.join(",")} head`);
  if (current.length > 0) lines.push(`  class ${current.join(",")} current`);
  return `${lines.join("\n")}\n`;
}

/** The node's shape and label: a stadium for bases and heads, a rhombus-free box otherwise. */
function shape(node: RevisionGraphNode): string {
  const marks = [
    ...node.branchLabels.map((l) => `@${l}`),
    ...(node.isHead ? ["head"] : []),
    ...(node.isCurrent ? ["current"] : []),
  ];
  let label = escapeMermaid(node.id);
  if (marks.length > 0) label += ` (${escapeMermaid(marks.join(", "))})`;
  if (node.message) label += `<br/>${escapeMermaid(node.message)}`;
  return node.isBase || node.isHead ? `(["${label}"])` : `["${label}"]`;
}

function edgeLine(edge: RevisionGraphEdge): string {
  const from = mermaidNodeId(edge.from);
  const to = mermaidNodeId(edge.to);
  if (edge.kind === "dependency") return `${from} -.->|"depends on"| ${to}`;
  if (edge.collapsed > 0) return `${from} -->|"${collapsedLabel(edge.collapsed)}"| ${to}`;
  return `${from} --> ${to}`;
}

/**
 * How an edge of a collapsed graph names what it stands for.
 *
 * @param count revisions left out
 * @returns `1 revision`, `N revisions`
 */
export function collapsedLabel(count: number): string {
  return count === 1 ? "1 revision" : `${count} revisions`;
}
