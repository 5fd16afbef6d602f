/**
 * `upgrade --plan`'s human output: the steps in order with their transaction, each statement with
 * the lock it takes, whether it rewrites its table and the table's row estimate, then lint's
 * findings.
 *
 * @module
 */
import type { PlanResult } from "../commands/plan.ts";

const TRANSACTION = { step: "own transaction", run: "the run's transaction", none: "no transaction" };

/**
 * Render a plan for a terminal.
 *
 * @param result what `plan` returned
 * @param verb `upgrade` or `downgrade`
 * @returns the text, without a final newline
 */
export function formatPlan(result: PlanResult, verb: "upgrade" | "downgrade"): string {
  const from = result.from.length === 0 ? "base" : result.from.join(", ");
  const lines = [
    result.steps.length === 0
      ? `Nothing to ${verb} from ${from}; nothing was changed`
      : `Plan: ${verb} from ${from}, ${result.steps.length} step(s); nothing was changed`,
  ];
  result.steps.forEach((s, i) => {
    lines.push(
      `${i + 1}. ${s.direction === "up" ? "upgrade" : "downgrade"} ${s.revision}${
        s.message ? `, ${s.message}` : ""
      } (${TRANSACTION[s.transaction]})`,
    );
    for (const st of s.statements) {
      const sql = st.sql.replace(/\s+/g, " ").trim();
      lines.push(`   ${sql.length > 120 ? `${sql.slice(0, 117)}...` : sql}`);
      const notes = [
        st.lockLevel ? `lock: ${st.lockLevel}` : undefined,
        st.rewritesTable ? "rewrites the table" : undefined,
        ...Object.entries(st.rows).map(([t, n]) => `"${t}": ~${n.toLocaleString("en-US")} rows`),
      ].filter(Boolean);
      if (notes.length > 0) lines.push(`     ${notes.join("; ")}`);
    }
  });
  for (const f of result.findings) lines.push(`${f.at}: ${f.level} [${f.rule}] ${f.message}`);
  return lines.join("\n");
}
