/**
 * Domains (PostgreSQL): created before the tables, dropped after them; a changed domain is dropped
 * and created again before the tables (which fails while a column uses it: PostgreSQL then needs
 * `ALTER DOMAIN`, which the model does not write yet). Base types compare through the dialect's
 * type normaliser, defaults and checks as SQL text (`_definition.ts`).
 *
 * @module
 */
import * as create from "../../operations/create.ts";
import type { DomainDefinition } from "../../operations/object_types.ts";
import type { Schema } from "../model.ts";
import type { SchemaNormalizer } from "../normalizer.ts";
import { sameSql } from "./_definition.ts";
import { emptyComparison, type ObjectComparison, splitObjectKey } from "./_object_steps.ts";

/**
 * Compare the domains of two schemas.
 *
 * @param target the schema wanted
 * @param current the schema there is
 * @param normalizer the database's type spellings
 * @returns the steps and the changes (`domain.*`)
 */
export function compareDomains(
  target: Schema,
  current: Schema,
  normalizer: SchemaNormalizer,
): ObjectComparison {
  const out = emptyComparison();
  const want = target.domains ?? {};
  const have = current.domains ?? {};
  for (const [key, domain] of Object.entries(want)) {
    const { so, name } = splitObjectKey(key);
    const had = have[key];
    if (had === undefined) {
      out.early.push({ up: create.createDomain(name, domain, so) });
      out.changes.push({ type: "domain.added", name: key, details: [] });
      continue;
    }
    const details = domainDifferences(domain, had, normalizer);
    if (details.length === 0) continue;
    out.early.push({ up: create.dropDomain(name, { ...so, definition: had }) });
    out.early.push({ up: create.createDomain(name, domain, so) });
    out.changes.push({ type: "domain.changed", name: key, details });
  }
  for (const [key, had] of Object.entries(have)) {
    if (Object.hasOwn(want, key)) continue;
    const { so, name } = splitObjectKey(key);
    out.late.unshift({ up: create.dropDomain(name, { ...so, definition: had }) });
    out.changes.push({ type: "domain.removed", name: key, details: [] });
  }
  return out;
}

function domainDifferences(a: DomainDefinition, b: DomainDefinition, normalizer: SchemaNormalizer): string[] {
  const out: string[] = [];
  if (normalizer.type(a.type) !== normalizer.type(b.type)) out.push(`type ${b.type} -> ${a.type}`);
  if ((a.nullable ?? true) !== (b.nullable ?? true)) {
    out.push(`nullable ${b.nullable ?? true} -> ${a.nullable ?? true}`);
  }
  if (!sameSql(a.default ?? "", b.default ?? "")) {
    out.push(`default ${b.default ?? "none"} -> ${a.default ?? "none"}`);
  }
  const checks = (d: DomainDefinition) => (d.checks ?? []).map((c) => c.condition);
  const ca = checks(a);
  const cb = checks(b);
  if (ca.length !== cb.length || ca.some((c, i) => !sameSql(c, cb[i]))) out.push("checks changed");
  return out;
}
