/**
 * The one check of identifier lengths, where the runner hands an operation to its dialect: a name
 * longer than the database keeps is refused with the limit in the message, instead of being cut
 * silently (PostgreSQL truncates to 63 bytes, so `check` would report a difference forever) or
 * refused by the server half-way through a revision (MySQL/MariaDB, 64 characters).
 *
 * @module
 */
import type { DialectCapabilities } from "../dialects/capabilities.ts";
import type { Operation, OperationKind } from "../operations/types.ts";

/** A name an operation creates, and what it names (`table`, `column`, `index`, ...). */
type Named = readonly [what: string, name: string | undefined];

/** The names each kind of operation creates; dropped or referenced names already exist. */
const CREATED: { [K in OperationKind]: (op: Extract<Operation, { kind: K }>) => Named[] } = {
  execute: () => [],
  createTable: (op) => [
    ["table", op.table],
    ...Object.keys(op.columns).map((c): Named => ["column", c]),
    ["constraint", op.primaryKey?.name],
    ...(op.uniqueConstraints ?? []).map((c): Named => ["constraint", c.name]),
    ...(op.foreignKeys ?? []).map((c): Named => ["constraint", c.name]),
    ...(op.checkConstraints ?? []).map((c): Named => ["constraint", c.name]),
    ...(op.indexes ?? []).map((i): Named => ["index", i.name]),
  ],
  dropTable: () => [],
  renameTable: (op) => [["table", op.newName]],
  addColumn: (op) => [["column", op.column]],
  dropColumn: () => [],
  createIndex: (op) => [["index", op.name]],
  dropIndex: () => [],
  bulkInsert: () => [],
  alterColumn: (op) => [["column", op.newName]],
  createPrimaryKey: (op) => [["constraint", op.name]],
  createUniqueConstraint: (op) => [["constraint", op.name]],
  createForeignKey: (op) => [["constraint", op.name]],
  createCheckConstraint: (op) => [["constraint", op.name]],
  createExclusionConstraint: (op) => [["constraint", op.name]],
  dropConstraint: () => [],
  createTableComment: () => [],
  dropTableComment: () => [],
  createEnum: (op) => [["enum", op.name]],
  dropEnum: () => [],
  addEnumValue: () => [],
  createSchema: (op) => [["schema", op.name]],
  dropSchema: () => [],
  createView: (op) => [["view", op.name]],
  dropView: () => [],
  replaceView: () => [],
  createMaterializedView: (op) => [["materialized view", op.name]],
  dropMaterializedView: () => [],
  createFunction: (op) => [["function", op.name]],
  dropFunction: () => [],
  createTrigger: (op) => [["trigger", op.name]],
  dropTrigger: () => [],
  createSequence: (op) => [["sequence", op.name]],
  alterSequence: () => [],
  dropSequence: () => [],
  createExtension: () => [],
  dropExtension: () => [],
  createDomain: (op) => [["domain", op.name]],
  dropDomain: () => [],
  batchAlterTable: (op) => op.operations.flatMap((inner) => createdNames(inner)),
};

function createdNames(op: Operation): Named[] {
  return (CREATED[op.kind] as (op: Operation) => Named[])(op);
}

/**
 * Refuse an operation that creates a name longer than the database keeps.
 *
 * @param op the operation about to be rendered
 * @param capabilities the dialect's; `maxIdentifierLength` null means no limit (SQLite)
 * @param product the database's name for the message (`postgresql`, `mysql`)
 * @throws {RangeError} `Cannot create table "…": its name is 70 bytes long; postgresql keeps at
 *   most 63 bytes of a name` for the first name over the limit
 */
export function checkIdentifierLengths(
  op: Operation,
  capabilities: DialectCapabilities,
  product: string,
): void {
  const limit = capabilities.maxIdentifierLength;
  if (!limit) return;
  for (const [what, name] of createdNames(op)) {
    if (name === undefined) continue;
    const length = limit.unit === "bytes" ? new TextEncoder().encode(name).length : [...name].length;
    if (length > limit.max) {
      throw new RangeError(
        `Cannot create ${what} "${name}": its name is ${length} ${limit.unit} long; ${product} keeps ` +
          `at most ${limit.max} ${limit.unit} of a name (choose a shorter one)`,
      );
    }
  }
}
