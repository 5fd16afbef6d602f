/**
 * What an operation changes, said the same way for every database (action, table, column); each
 * dialect's linter adds what its database does to run it (lock, rewrite). One `switch` over every
 * operation kind, so a new operation does not compile until lint knows what it changes.
 *
 * @module
 */
import { assertNever, type Operation } from "../operations/types.ts";
import type { StatementFacts } from "./facts.ts";

/**
 * The facts of an operation before any database knowledge is added.
 *
 * @param op any operation (`execute` yields no facts: its SQL is read by the dialect instead)
 * @returns one fact per change the operation makes, in order
 */
export function operationFacts(op: Operation): StatementFacts[] {
  switch (op.kind) {
    case "execute":
      return [];
    case "createTable":
      return [{ action: "create-table", table: op.table }];
    case "dropTable":
      return [{ action: "drop-table", table: op.table }];
    case "renameTable":
      return [{ action: "rename-table", table: op.table }];
    case "addColumn": {
      const d = op.definition;
      const filled = d.default !== undefined || d.computed !== undefined || d.autoincrement === true;
      return [{
        action: "add-column",
        table: op.table,
        column: op.column,
        notNullWithoutDefault: d.nullable === false && !filled,
      }];
    }
    case "dropColumn":
      return [{ action: "drop-column", table: op.table, column: op.column }];
    case "createIndex":
      return [{ action: "create-index", table: op.table }];
    case "dropIndex":
      return [{ action: "drop-index", table: op.table ?? op.name }];
    case "bulkInsert":
      return [{ action: "data-change", table: op.table }];
    case "alterColumn": {
      const facts: StatementFacts[] = [];
      const base = { table: op.table, column: op.column };
      if (op.type !== undefined) facts.push({ action: "alter-column-type", ...base });
      if (op.nullable === false) facts.push({ action: "set-not-null", ...base });
      if (op.newName !== undefined) facts.push({ action: "rename-column", ...base });
      if (facts.length === 0) facts.push({ action: "other-ddl", ...base });
      return facts;
    }
    case "createPrimaryKey":
      return [{ action: "add-primary-key", table: op.table }];
    case "createUniqueConstraint":
      return [{ action: "add-unique", table: op.table }];
    case "createForeignKey":
      return [{ action: "add-foreign-key", table: op.table }];
    case "createCheckConstraint":
      return [{ action: "add-check", table: op.table }];
    case "createExclusionConstraint":
      // Builds its index under ACCESS EXCLUSIVE, as a unique constraint without USING INDEX does.
      return [{ action: "add-unique", table: op.table }];
    case "dropConstraint":
    case "createTableComment":
    case "dropTableComment":
      return [{ action: "other-ddl", table: op.table }];
    case "createEnum":
    case "dropEnum":
    case "createSchema":
    case "dropSchema":
      return [{ action: "other-ddl" }];
    case "addEnumValue":
      return [{ action: "add-enum-value" }];
    case "createTrigger":
    case "dropTrigger":
      return [{ action: "other-ddl", table: op.table }];
    case "createView":
    case "dropView":
    case "replaceView":
    case "createMaterializedView":
    case "dropMaterializedView":
    case "createFunction":
    case "dropFunction":
    case "createSequence":
    case "alterSequence":
    case "dropSequence":
    case "createExtension":
    case "dropExtension":
    case "createDomain":
    case "dropDomain":
      return [{ action: "other-ddl" }];
    case "batchAlterTable":
      return op.operations.flatMap((inner) => operationFacts(inner));
    default:
      return assertNever(op);
  }
}
