/**
 * Private parser for Retort's portable type names (`integer`, `varchar(50)`, `numeric(10,2)`, ...);
 * each dialect's `types.ts` maps the parsed form to its own spelling.
 *
 * @module
 */

/** A recognised portable type; `args` are the numbers in parentheses, if any. */
export interface PortableType {
  readonly name:
    | "integer"
    | "bigint"
    | "smallint"
    | "boolean"
    | "text"
    | "varchar"
    | "char"
    | "numeric"
    | "real"
    | "double"
    | "date"
    | "time"
    | "timestamp"
    | "timestamptz"
    | "json"
    | "uuid"
    | "binary";
  readonly args: readonly number[];
}

/** How many numbers in parentheses each name takes: [min, max]. */
const ARITY: Readonly<Record<PortableType["name"], readonly [number, number]>> = {
  integer: [0, 0],
  bigint: [0, 0],
  smallint: [0, 0],
  boolean: [0, 0],
  text: [0, 0],
  varchar: [1, 1],
  char: [0, 1],
  numeric: [0, 2],
  real: [0, 0],
  double: [0, 0],
  date: [0, 0],
  time: [0, 0],
  timestamp: [0, 0],
  timestamptz: [0, 0],
  json: [0, 0],
  uuid: [0, 0],
  binary: [0, 0],
};

const SHAPE = /^\s*([a-z]+)\s*(?:\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\))?\s*$/i;

/**
 * Recognise a portable type name, case-insensitively and ignoring spaces.
 *
 * @param type a column's `type`
 * @returns the parsed form, or `undefined` when `type` is not portable (it is then passed through)
 */
export function parsePortableType(type: string): PortableType | undefined {
  const match = SHAPE.exec(type);
  if (!match) return undefined;
  const name = match[1].toLowerCase();
  if (!Object.hasOwn(ARITY, name)) return undefined;
  const args = [match[2], match[3]].filter((a) => a !== undefined).map(Number);
  const [min, max] = ARITY[name as PortableType["name"]];
  if (args.length < min || args.length > max) return undefined;
  return { name: name as PortableType["name"], args };
}

/** A dialect's own spelling of some portable names; a name not listed is upper-cased. */
export type PortableSpellings = Readonly<Partial<Record<PortableType["name"], string>>>;

/**
 * Spell a portable type in a dialect: the dialect's spelling where it has one, else the name
 * upper-cased, with the type's arguments either way. Every dialect's `types.ts` maps through this.
 *
 * @param type a column's `type`
 * @param spellings the dialect's spellings, e.g. `{ binary: "BYTEA" }`
 * @returns the dialect's type name, or `type` unchanged when it is not portable
 */
export function spellPortableType(type: string, spellings: PortableSpellings): string {
  const t = parsePortableType(type);
  if (t === undefined) return type;
  return withArgs(spellings[t.name] ?? t.name.toUpperCase(), t.args);
}

/**
 * `NAME` or `NAME(a, b)`.
 *
 * @param name the dialect's type name
 * @param args the portable type's numbers
 * @returns the rendered type
 */
function withArgs(name: string, args: readonly number[]): string {
  return args.length === 0 ? name : `${name}(${args.join(", ")})`;
}
