/**
 * {@link isWellFormedConfig}: the config file's rules checked without zod, from the same rule
 * tables the zod schema of `schema.ts` is built from (`key_rules.ts`), so the common case (a valid
 * file) never loads zod (about 0.7 ms of every command's start in the compiled binary).
 *
 * @module
 */
import { FLEET_RULES, type KeyRule, SETTING_RULES } from "./key_rules.ts";

/**
 * Whether `data` certainly passes the zod schema of `schema.ts`: the same rules checked by hand,
 * so well-formed files skip zod entirely. It may say false for data zod accepts; then zod decides
 * (and words the error). It never says true for data zod rejects (tested).
 *
 * @param data a parsed TOML or JSON document
 * @returns true when zod would accept it
 */
export function isWellFormedConfig(data: unknown): boolean {
  if (!isTable(data)) return false;
  for (const [key, value] of Object.entries(data)) {
    if (key === "environments") {
      if (!isTable(value) || !Object.values(value).every((env) => isSettings(env, false))) return false;
    } else if (key === "databases") {
      if (!isTable(value) || !Object.values(value).every((db) => isSettings(db, true))) return false;
    } else if (key === "fleet") {
      if (!isTableOf(value, FLEET_RULES)) return false;
    } else if (!matchesRuleOf(SETTING_RULES, key, value)) return false;
  }
  return true;
}

function isTable(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  // smol-toml builds its tables without a prototype; JSON.parse with Object's.
  const proto = Object.getPrototypeOf(value);
  return proto === null || proto === Object.prototype;
}

function isSettings(value: unknown, withEnvironments: boolean): boolean {
  if (!isTable(value)) return false;
  for (const [key, v] of Object.entries(value)) {
    if (key === "environments" && withEnvironments) {
      if (!isTable(v) || !Object.values(v).every((env) => isSettings(env, false))) return false;
    } else if (!matchesRuleOf(SETTING_RULES, key, v)) return false;
  }
  return true;
}

function isTableOf(value: unknown, rules: Readonly<Record<string, KeyRule>>): boolean {
  return isTable(value) && Object.entries(value).every(([key, v]) => matchesRuleOf(rules, key, v));
}

/** Whether `key` is in `rules` and `value` passes its rule. */
function matchesRuleOf(rules: Readonly<Record<string, KeyRule>>, key: string, value: unknown): boolean {
  return Object.hasOwn(rules, key) && matchesRule(rules[key], value);
}

function matchesRule(rule: KeyRule, value: unknown): boolean {
  switch (rule.kind) {
    case "string":
      return typeof value === "string" && (!rule.nonEmpty || value.length > 0);
    case "strings":
      return Array.isArray(value) && (!rule.nonEmptyList || value.length > 0) &&
        value.every((item) => typeof item === "string" && (!rule.nonEmptyItems || item.length > 0));
    case "boolean":
      return typeof value === "boolean";
    case "integer":
      return Number.isSafeInteger(value) && (value as number) >= rule.min;
    case "seconds":
      return typeof value === "number" && Number.isFinite(value) &&
        (rule.exclusive ? value > rule.min : value >= rule.min);
    case "enum":
      return typeof value === "string" && rule.values.includes(value);
  }
}
