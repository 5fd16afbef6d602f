/**
 * The inverses of the operations on objects beyond tables (spread into `reverse.ts`'s table): each
 * create becomes its drop, each drop its create when it carries the definition it dropped, and a
 * replace or alter goes back to `existing`.
 *
 * @module
 */
import { IrreversibleOperationError } from "../errors.ts";
import * as create from "./create_objects.ts";
import type { ObjectOperation } from "./object_types.ts";

type ObjectKind = ObjectOperation["kind"];
type ObjectReverser = { [K in ObjectKind]: (op: Extract<ObjectOperation, { kind: K }>) => ObjectOperation };

function so(schema: string | undefined): { schema?: string } {
  return schema ? { schema } : {};
}

function unknown(kind: ObjectKind, what: string, name: string, pass: string): never {
  throw new IrreversibleOperationError(
    `Cannot reverse "${kind}": the ${what} of "${name}" is unknown (pass ${pass})`,
    kind,
  );
}

/** One inverse per object operation kind (each is reversible given what it dropped or replaced). */
export const OBJECT_REVERSERS: ObjectReverser = {
  createView: (op) => create.dropView(op.name, { ...so(op.schema), definition: op.definition }),
  dropView: (op) =>
    op.definition === undefined
      ? unknown(op.kind, "query", op.name, "definition")
      : create.createView(op.name, op.definition, so(op.schema)),
  replaceView: (op) =>
    op.existing === undefined
      ? unknown(op.kind, "previous query", op.name, "existing")
      : create.replaceView(op.name, op.existing, { ...so(op.schema), existing: op.definition }),
  createMaterializedView: (op) =>
    create.dropMaterializedView(op.name, { ...so(op.schema), definition: op.definition }),
  dropMaterializedView: (op) =>
    op.definition === undefined
      ? unknown(op.kind, "query", op.name, "definition")
      : create.createMaterializedView(op.name, op.definition, so(op.schema)),
  createFunction: (op) =>
    create.dropFunction(op.name, {
      ...so(op.schema),
      ...(op.routine ? { routine: op.routine } : {}),
      definition: op.definition,
    }),
  dropFunction: (op) =>
    op.definition === undefined
      ? unknown(op.kind, "definition", op.name, "definition")
      : create.createFunction(op.name, op.definition, {
        ...so(op.schema),
        ...(op.routine ? { routine: op.routine } : {}),
      }),
  createTrigger: (op) =>
    create.dropTrigger(op.name, op.table, { ...so(op.schema), definition: op.definition }),
  dropTrigger: (op) =>
    op.definition === undefined
      ? unknown(op.kind, "definition", op.name, "definition")
      : create.createTrigger(op.name, op.table, op.definition, so(op.schema)),
  createSequence: (op) =>
    create.dropSequence(op.name, {
      ...so(op.schema),
      ...(op.definition ? { definition: op.definition } : {}),
    }),
  alterSequence: (op) =>
    op.existing === undefined
      ? unknown(op.kind, "previous options", op.name, "existing")
      : create.alterSequence(op.name, op.existing, { ...so(op.schema), existing: op.definition }),
  dropSequence: (op) => create.createSequence(op.name, op.definition ?? {}, so(op.schema)),
  createExtension: (op) =>
    create.dropExtension(op.name, {
      ...so(op.schema),
      ...(op.version ? { version: op.version } : {}),
      ...(op.ifNotExists ? { ifExists: true } : {}),
    }),
  dropExtension: (op) =>
    create.createExtension(op.name, {
      ...so(op.schema),
      ...(op.version ? { version: op.version } : {}),
      ...(op.ifExists ? { ifNotExists: true } : {}),
    }),
  createDomain: (op) => create.dropDomain(op.name, { ...so(op.schema), definition: op.definition }),
  dropDomain: (op) =>
    op.definition === undefined
      ? unknown(op.kind, "definition", op.name, "definition")
      : create.createDomain(op.name, op.definition, so(op.schema)),
};
