/**
 * Compare a target schema (the schema file) with the current one (the database) and produce the
 * operations that turn current into target, each paired with its inverse for `downgrade`
 * (Alembic's `compare_metadata` + `produce_migrations`, without an ORM). The walk order is fixed so
 * the operations apply as written: schemas and enums, foreign keys that go away, new tables
 * (referenced tables first), changes inside kept tables, new foreign keys, dropped tables
 * (referencing tables first), dropped enums and schemas.
 *
 * @module
 */
import * as create from "../operations/create.ts";
import type {
  BatchOperation,
  Column,
  ForeignKeyConstraint,
  IndexDefinition,
  Operation,
  SqlExpression,
  SqlValue,
  UniqueConstraint,
} from "../operations/types.ts";
import type { BodyItem } from "../render/typescript.ts";
import type { SchemaNormalizer } from "./introspect.ts";
import { type NormalizedTable, normalizeTable, type Schema, splitTableKey, type Table } from "./model.ts";

/** Options of {@link compareSchemas} (the config's `compare_*` and `include/exclude_tables`). */
export interface CompareOptions {
  /** The database's type and default spellings. */
  readonly normalizer: SchemaNormalizer;
  /** Compare column types (default true). */
  readonly compareType?: boolean;
  /** Compare server defaults (default true). */
  readonly compareServerDefault?: boolean;
  /** Globs (`*`, `?`) of table names to compare; default all. */
  readonly includeTables?: readonly string[];
  /** Globs of table names to leave alone. */
  readonly excludeTables?: readonly string[];
}

/** One difference, for people (`check`) and JSON output. */
export interface SchemaChange {
  /** `table.added`, `table.removed`, `table.changed`, `enum.added`, `enum.removed`, `enum.changed`, `schema.added`, `schema.removed`. */
  readonly type: string;
  /** Table, enum or schema name. */
  readonly name: string;
  /** One line per detail, e.g. `column "email" added`. */
  readonly details: readonly string[];
}

/** What {@link compareSchemas} found. */
export interface CompareResult {
  /** The operations of `upgrade`, in order. */
  readonly operations: readonly Operation[];
  /** `upgrade` body items: operations with explanatory comments (possible renames). */
  readonly upgrade: readonly BodyItem[];
  /** `downgrade` body items: the inverses, in reverse order. */
  readonly downgrade: readonly BodyItem[];
  /** The differences, by object. */
  readonly changes: readonly SchemaChange[];
}

interface Step {
  readonly up: Operation;
  readonly down?: Operation;
  /** A second inverse operation, run after `down` (the index MySQL leaves behind a dropped foreign key). */
  readonly downAlso?: Operation;
  readonly comment?: string;
  /** Table whose change this is (for SQLite batches). */
  readonly table?: string;
  /** Can run outside a batch on SQLite. */
  readonly simple?: boolean;
}

/**
 * Compare `target` with `current`.
 *
 * @param target the schema wanted (from the schema file)
 * @param current the schema there is (introspected)
 * @param options dialect normaliser and comparison switches
 * @returns the operations, the script bodies and the list of differences; empty when they match
 * @throws {TypeError} when a column's `references` in `target` cannot be resolved
 * @example
 * ```ts
 * import { compareSchemas } from "./compare.ts";
 * import { normalizerFor } from "./introspect.ts";
 * const result = compareSchemas(
 *   { tables: { a: { columns: { id: { type: "integer" }, b: { type: "text" } } } } },
 *   { tables: { a: { columns: { id: { type: "integer" } } } } },
 *   { normalizer: await normalizerFor("sqlite") },
 * );
 * // result.operations: [{ kind: "addColumn", table: "a", column: "b", definition: { type: "text" } }]
 * ```
 */
export function compareSchemas(target: Schema, current: Schema, options: CompareOptions): CompareResult {
  const n = cached(options.normalizer);
  const compareType = options.compareType ?? true;
  const compareDefault = options.compareServerDefault ?? true;
  const included = tableFilter(options.includeTables ?? ["*"], options.excludeTables ?? []);
  const changes: SchemaChange[] = [];
  const early: Step[] = [];
  const fkDrops: Step[] = [];
  const creates: Step[] = [];
  const alters: Step[] = [];
  const fkCreates: Step[] = [];
  const drops: Step[] = [];
  const late: Step[] = [];

  // ---- schemas and enums (PostgreSQL)
  for (const s of target.schemas ?? []) {
    if (!(current.schemas ?? []).includes(s)) {
      early.push({ up: create.createSchema(s), down: create.dropSchema(s) });
      changes.push({ type: "schema.added", name: s, details: [] });
    }
  }
  for (const s of current.schemas ?? []) {
    if (!(target.schemas ?? []).includes(s)) {
      late.push({ up: create.dropSchema(s), down: create.createSchema(s) });
      changes.push({ type: "schema.removed", name: s, details: [] });
    }
  }
  const targetEnums = target.enums ?? {};
  const currentEnums = current.enums ?? {};
  for (const [key, values] of Object.entries(targetEnums)) {
    const { schema, table: name } = splitTableKey(key);
    const so = schema ? { schema } : {};
    const had = currentEnums[key];
    if (had === undefined) {
      early.push({ up: create.createEnum(name, values, so), down: create.dropEnum(name, { ...so, values }) });
      changes.push({ type: "enum.added", name: key, details: [] });
      continue;
    }
    const added = values.filter((v) => !had.includes(v));
    for (const v of added) {
      const at = values.indexOf(v);
      const place = at > 0 ? { after: values[at - 1] } : values.length > 1 ? { before: values[1] } : {};
      early.push({
        up: create.addEnumValue(name, v, { ...so, ...place }),
        comment: `PostgreSQL cannot remove a value from an enum: downgrade leaves "${v}" in "${key}"`,
      });
    }
    if (added.length) {
      changes.push({ type: "enum.changed", name: key, details: added.map((v) => `value "${v}" added`) });
    }
  }
  for (const [key, values] of Object.entries(currentEnums)) {
    if (targetEnums[key] !== undefined) continue;
    const { schema, table: name } = splitTableKey(key);
    const so = schema ? { schema } : {};
    late.unshift({ up: create.dropEnum(name, { ...so, values }), down: create.createEnum(name, values, so) });
    changes.push({ type: "enum.removed", name: key, details: [] });
  }

  // ---- tables
  const targetTables = filtered(target.tables, included);
  const currentTables = filtered(current.tables, included);
  const added = Object.keys(targetTables).filter((k) => !Object.hasOwn(currentTables, k));
  const removed = Object.keys(currentTables).filter((k) => !Object.hasOwn(targetTables, k));

  const addedNorm = new Map(added.map((k) => [k, normalizeTable(targetTables[k])]));
  const createdSoFar = new Set(Object.keys(currentTables));
  for (const key of topoOrder(addedNorm)) {
    const table = addedNorm.get(key)!;
    const { schema, table: name } = splitTableKey(key);
    // A foreign key to a table created later (a cycle) is added once both exist.
    const later = table.foreignKeys.filter((f) =>
      f.referencedTable !== key && addedNorm.has(f.referencedTable) && !createdSoFar.has(f.referencedTable)
    );
    const now = { ...table, foreignKeys: table.foreignKeys.filter((f) => !later.includes(f)) };
    creates.push({
      up: createTableOp(name, schema, now),
      down: create.dropTable(name, schema ? { schema } : {}),
    });
    createdSoFar.add(key);
    for (const f of later) fkCreates.push(fkStep(key, f));
    changes.push({ type: "table.added", name: key, details: [] });
  }
  const removedNorm = new Map(removed.map((k) => [k, normalizeTable(currentTables[k])]));
  for (const key of topoOrder(removedNorm).reverse()) {
    const { schema, table: name } = splitTableKey(key);
    drops.push({
      up: create.dropTable(name, schema ? { schema } : {}),
      down: createTableOp(name, schema, removedNorm.get(key)!),
    });
    changes.push({ type: "table.removed", name: key, details: [] });
  }

  for (const key of Object.keys(targetTables)) {
    if (!Object.hasOwn(currentTables, key)) continue;
    const t = normalizeTable(targetTables[key]);
    const c = normalizeTable(currentTables[key]);
    const { schema, table: name } = splitTableKey(key);
    const so = schema ? { schema } : {};
    const details: string[] = [];
    const steps: Step[] = [];
    const simple = (up: Operation, down: Operation | undefined, comment?: string): Step => ({
      up,
      down,
      table: key,
      simple: true,
      ...(comment ? { comment } : {}),
    });
    const step = (up: Operation, down: Operation | undefined, comment?: string): Step => ({
      up,
      down,
      table: key,
      ...(comment ? { comment } : {}),
    });

    // columns
    const newColumns = Object.keys(t.columns).filter((col) => !Object.hasOwn(c.columns, col));
    const goneColumns = Object.keys(c.columns).filter((col) => !Object.hasOwn(t.columns, col));
    const addSteps: Step[] = [];
    for (const col of newColumns) {
      addSteps.push(
        simple(create.addColumn(name, col, t.columns[col], so), create.dropColumn(name, col, so)),
      );
      details.push(`column "${col}" added`);
    }
    const alterSteps: Step[] = [];
    for (const col of Object.keys(t.columns)) {
      if (!Object.hasOwn(c.columns, col)) continue;
      const want = t.columns[col];
      const have = c.columns[col];
      const up: Record<string, unknown> = {};
      const down: Record<string, unknown> = {};
      const wantType = columnType(want, n);
      const haveType = columnType(have, n);
      if (compareType && wantType !== haveType) {
        up.type = want.type;
        down.type = have.type;
        details.push(`column "${col}" type ${haveType} -> ${wantType}`);
      }
      if ((want.nullable ?? true) !== (have.nullable ?? true)) {
        up.nullable = want.nullable ?? true;
        down.nullable = have.nullable ?? true;
        details.push(`column "${col}" ${up.nullable ? "now nullable" : "now NOT NULL"}`);
      }
      const auto = want.autoincrement === true || have.autoincrement === true;
      if (compareDefault && !auto && defaultKey(want.default, n) !== defaultKey(have.default, n)) {
        up.default = want.default ?? null;
        down.default = have.default ?? null;
        details.push(
          `column "${col}" default ${describeDefault(have.default)} -> ${describeDefault(want.default)}`,
        );
      }
      if ((want.comment ?? null) !== (have.comment ?? null) && n.dialect !== "sqlite") {
        up.comment = want.comment ?? null;
        down.comment = have.comment ?? null;
        details.push(`column "${col}" comment changed`);
      }
      if (Object.keys(up).length === 0) continue;
      alterSteps.push(step(
        create.alterColumn(
          name,
          col,
          { ...so, ...up, existing: have } as Parameters<typeof create.alterColumn>[2],
        ),
        create.alterColumn(
          name,
          col,
          { ...so, ...down, existing: want } as Parameters<typeof create.alterColumn>[2],
        ),
      ));
    }
    const dropColumnSteps: Step[] = [];
    for (const col of goneColumns) {
      const candidates = newColumns.filter((nc) =>
        columnType(t.columns[nc], n) === columnType(c.columns[col], n)
      );
      const comment = candidates.length > 0
        ? `"${col}" was dropped and ${
          candidates.map((x) => `"${x}"`).join(", ")
        } added with the same type.\nIf this is a rename, keep the data by replacing the addColumn and dropColumn calls with:\n` +
          `op.alterColumn(${JSON.stringify(name)}, ${JSON.stringify(col)}, { newName: ${
            JSON.stringify(candidates[0])
          } });`
        : undefined;
      dropColumnSteps.push(
        simple(create.dropColumn(name, col, so), create.addColumn(name, col, c.columns[col], so), comment),
      );
      details.push(`column "${col}" removed`);
    }

    // primary key
    const pkDrop: Step[] = [];
    const pkAdd: Step[] = [];
    const tpk = t.primaryKey?.columns ?? [];
    const cpk = c.primaryKey?.columns ?? [];
    if (!sameList(tpk, cpk)) {
      const cname = c.primaryKey?.name ?? defaultPkName(name, n);
      const tname = t.primaryKey?.name ?? defaultPkName(name, n);
      if (cpk.length) {
        pkDrop.push(step(
          create.dropConstraint(cname, name, { ...so, type: "primary" }),
          create.createPrimaryKey(cname, name, cpk, so),
        ));
      }
      if (tpk.length) {
        pkAdd.push(step(
          create.createPrimaryKey(tname, name, tpk, so),
          create.dropConstraint(tname, name, { ...so, type: "primary" }),
        ));
      }
      details.push(`primary key (${cpk.join(", ")}) -> (${tpk.join(", ")})`);
    }

    // unique constraints (MySQL keeps them as unique indexes: compare both as constraints)
    const tu = uniquesOf(t, n);
    const cu = uniquesOf(c, n);
    const tIndexes = indexesOf(t, n);
    const cIndexes = indexesOf(c, n);
    const uniqueDrop: Step[] = [];
    const uniqueAdd: Step[] = [];
    const indexDrop: Step[] = [];
    const indexAdd: Step[] = [];
    const [uAdd, uDrop] = matchLists(tu, cu, (a, b) => sameList(a.columns, b.columns));
    for (const u of uDrop) {
      if (!u.name) {
        details.push(`unique (${u.columns.join(", ")}) removed (unnamed: drop it by hand)`);
        continue;
      }
      uniqueDrop.push(step(
        create.dropConstraint(u.name, name, { ...so, type: "unique" }),
        create.createUniqueConstraint(u.name, name, u.columns, { ...so, ...deferrableOf(u) }),
      ));
      details.push(`unique "${u.name}" removed`);
    }
    for (const u of uAdd) {
      const uname = u.name ?? `uq_${name}_${u.columns.join("_")}`;
      if (u.fromIndex) {
        // Written as a unique index in the schema file: rendered as one (MySQL keeps both alike).
        const index = { name: uname, columns: u.columns, unique: true };
        indexAdd.push(simple(indexOp(name, so, index), create.dropIndex(uname, { ...so, table: name })));
        details.push(`index "${uname}" added`);
        continue;
      }
      uniqueAdd.push(step(
        create.createUniqueConstraint(uname, name, u.columns, { ...so, ...deferrableOf(u) }),
        create.dropConstraint(uname, name, { ...so, type: "unique" }),
      ));
      details.push(`unique "${uname}" added`);
    }

    // indexes: by name
    for (const ci of cIndexes) {
      const ti = tIndexes.find((x) => x.name === ci.name);
      if (ti && sameIndex(ti, ci)) continue;
      indexDrop.push(simple(
        create.dropIndex(ci.name, { ...so, table: name }),
        indexOp(name, so, ci),
      ));
      details.push(`index "${ci.name}" ${ti ? "changed" : "removed"}`);
    }
    for (const ti of tIndexes) {
      const ci = cIndexes.find((x) => x.name === ti.name);
      if (ci && sameIndex(ti, ci)) continue;
      indexAdd.push(simple(indexOp(name, so, ti), create.dropIndex(ti.name, { ...so, table: name })));
      if (!ci) details.push(`index "${ti.name}" added`);
    }

    // foreign keys
    const [fAdd, fDrop] = matchLists(t.foreignKeys, c.foreignKeys, sameForeignKey);
    for (const f of fDrop) {
      if (!f.name) {
        details.push(`foreign key (${f.columns.join(", ")}) removed (unnamed: drop it by hand)`);
        continue;
      }
      const s = step(create.dropConstraint(f.name, name, { ...so, type: "foreignkey" }), fkStep(key, f).up);
      if (n.dialect === "sqlite") steps.push(s);
      else fkDrops.push(s);
      const implicit = mysqlForeignKeyIndex(f, c, n);
      if (implicit && !t.indexes.some((i) => i.name === implicit)) {
        fkDrops.push(step(
          create.dropIndex(implicit, { ...so, table: name }),
          create.createIndex(implicit, name, f.columns, so),
          `MySQL keeps the index it made for foreign key "${f.name}" when the key is dropped`,
        ));
      }
      details.push(`foreign key "${f.name}" removed`);
    }
    const fkAddSteps: Step[] = [];
    for (const f of fAdd) {
      let s = fkStep(key, f);
      const implicit = mysqlForeignKeyIndex({ ...f, name: (s.up as { name: string }).name }, t, n);
      if (implicit && !c.indexes.some((i) => i.name === implicit)) {
        s = { ...s, downAlso: create.dropIndex(implicit, { ...so, table: name }) };
      }
      if (n.dialect === "sqlite") fkAddSteps.push(s);
      else fkCreates.push(s);
      details.push(`foreign key "${(s.up as { name: string }).name}" added`);
    }

    // check constraints
    const checkDrop: Step[] = [];
    const checkAdd: Step[] = [];
    const [kAdd, kDrop] = matchLists(
      t.checkConstraints,
      c.checkConstraints,
      (a, b) => sqlKey(a.condition) === sqlKey(b.condition),
    );
    for (const k of kDrop) {
      if (!k.name) {
        details.push(`check (${k.condition}) removed (unnamed: drop it by hand)`);
        continue;
      }
      checkDrop.push(step(
        create.dropConstraint(k.name, name, { ...so, type: "check" }),
        create.createCheckConstraint(k.name, name, k.condition, so),
      ));
      details.push(`check "${k.name}" removed`);
    }
    for (const k of kAdd) {
      const kname = k.name ?? `ck_${name}_${checkAdd.length + 1}`;
      checkAdd.push(step(
        create.createCheckConstraint(kname, name, k.condition, so),
        create.dropConstraint(kname, name, { ...so, type: "check" }),
      ));
      details.push(`check "${kname}" added`);
    }

    // table comment
    if ((t.comment ?? null) !== (c.comment ?? null) && n.dialect !== "sqlite") {
      const up = t.comment !== undefined
        ? create.createTableComment(name, t.comment, {
          ...so,
          ...(c.comment !== undefined ? { existingComment: c.comment } : {}),
        })
        : create.dropTableComment(name, { ...so, existingComment: c.comment! });
      const down = c.comment !== undefined
        ? create.createTableComment(name, c.comment, {
          ...so,
          ...(t.comment !== undefined ? { existingComment: t.comment } : {}),
        })
        : create.dropTableComment(name, { ...so, existingComment: t.comment! });
      steps.push(simple(up, down));
      details.push("comment changed");
    }

    const ordered = [
      ...indexDrop,
      ...checkDrop,
      ...uniqueDrop,
      ...pkDrop,
      ...steps,
      ...addSteps,
      ...alterSteps,
      ...dropColumnSteps,
      ...pkAdd,
      ...uniqueAdd,
      ...checkAdd,
      ...fkAddSteps,
      ...indexAdd,
    ];
    if (n.dialect === "sqlite") alters.push(...sqliteBatches(name, schema, ordered));
    else alters.push(...ordered);
    if (details.length) changes.push({ type: "table.changed", name: key, details });
  }

  const all = [...early, ...fkDrops, ...creates, ...alters, ...fkCreates, ...drops, ...late];
  const upgrade: BodyItem[] = [];
  const downgrade: BodyItem[] = [];
  for (const s of all) {
    if (s.comment) upgrade.push({ comment: s.comment });
    upgrade.push(s.up);
  }
  for (const s of [...all].reverse()) {
    if (s.down) {
      downgrade.push(s.down);
      if (s.downAlso) downgrade.push(s.downAlso);
    } else downgrade.push({ comment: `no inverse for ${s.up.kind} of "${describeTarget(s.up)}"` });
  }
  return { operations: all.map((s) => s.up), upgrade, downgrade, changes };
}

/** The normaliser with its type spellings memoised: a schema repeats a handful of types many times. */
function cached(n: SchemaNormalizer): SchemaNormalizer {
  const types = new Map<string, string>();
  return {
    dialect: n.dialect,
    type: (t) => {
      let v = types.get(t);
      if (v === undefined) types.set(t, v = n.type(t));
      return v;
    },
    default: n.default,
  };
}

/**
 * On SQLite, changes that ALTER TABLE cannot make (altering a column, adding or dropping a
 * constraint) go into one `batchAlterTable` per table; adding a column and indexes stay outside.
 */
function sqliteBatches(table: string, schema: string | undefined, steps: Step[]): Step[] {
  const needBatch = steps.filter((s) => !s.simple || s.up.kind === "dropColumn");
  if (needBatch.length === 0 || !needBatch.some((s) => !s.simple)) return steps;
  const inBatch = new Set(needBatch);
  const ups = needBatch.map((s) => s.up as BatchOperation);
  const downs = [...needBatch].reverse().map((s) => s.down).filter((d): d is Operation => d !== undefined);
  const so = schema ? { schema } : {};
  const batch: Step = {
    up: Object.freeze({ kind: "batchAlterTable", table, ...so, recreate: "auto", operations: ups }),
    down: Object.freeze({
      kind: "batchAlterTable",
      table,
      ...so,
      recreate: "auto",
      operations: downs as BatchOperation[],
    }),
    comment: needBatch.map((s) => s.comment).filter(Boolean).join("\n") || undefined,
    table,
  };
  const before = steps.filter((s) => !inBatch.has(s) && s.up.kind !== "createIndex");
  const after = steps.filter((s) => !inBatch.has(s) && s.up.kind === "createIndex");
  return [...before, batch, ...after];
}

function describeTarget(op: Operation): string {
  const o = op as { table?: string; name?: string };
  return o.table ?? o.name ?? "";
}

/** A `createTable` for a normalised table, with a lone unnamed primary key written on its column. */
function createTableOp(name: string, schema: string | undefined, t: NormalizedTable): Operation {
  const columns: Record<string, Column> = {};
  const inlinePk = t.primaryKey && t.primaryKey.columns.length === 1 && !t.primaryKey.name
    ? t.primaryKey.columns[0]
    : undefined;
  for (const [col, def] of Object.entries(t.columns)) {
    if (col === inlinePk) {
      const { nullable: _, ...rest } = def;
      columns[col] = { ...rest, primaryKey: true };
    } else {
      columns[col] = def;
    }
  }
  return create.createTable(name, columns, {
    ...(schema ? { schema } : {}),
    ...(t.primaryKey && inlinePk === undefined ? { primaryKey: t.primaryKey } : {}),
    ...(t.uniqueConstraints.length ? { uniqueConstraints: t.uniqueConstraints } : {}),
    ...(t.foreignKeys.length ? { foreignKeys: t.foreignKeys } : {}),
    ...(t.checkConstraints.length ? { checkConstraints: t.checkConstraints } : {}),
    ...(t.indexes.length ? { indexes: t.indexes } : {}),
    ...(t.comment !== undefined ? { comment: t.comment } : {}),
  });
}

function fkStep(tableKey: string, f: ForeignKeyConstraint): Step {
  const { schema, table } = splitTableKey(tableKey);
  const ref = splitTableKey(f.referencedTable);
  const name = f.name ?? `fk_${table}_${f.columns.join("_")}_${ref.table}`;
  const so = schema ? { schema } : {};
  return {
    up: create.createForeignKey(name, table, ref.table, f.columns, f.referencedColumns, {
      ...so,
      ...(ref.schema && ref.schema !== schema ? { referencedSchema: ref.schema } : {}),
      ...(f.onDelete ? { onDelete: f.onDelete } : {}),
      ...(f.onUpdate ? { onUpdate: f.onUpdate } : {}),
      ...deferrableOf(f),
    }),
    down: create.dropConstraint(name, table, { ...so, type: "foreignkey" }),
    table: tableKey,
  };
}

function deferrableOf(x: { deferrable?: boolean; initiallyDeferred?: boolean }) {
  return {
    ...(x.deferrable ? { deferrable: true } : {}),
    ...(x.initiallyDeferred ? { initiallyDeferred: true } : {}),
  };
}

function indexOp(table: string, so: { schema?: string }, i: IndexDefinition): Operation {
  return create.createIndex(i.name, table, i.columns, {
    ...so,
    ...(i.unique ? { unique: true } : {}),
    ...(i.where ? { where: i.where } : {}),
    ...(i.lengths ? { lengths: i.lengths } : {}),
  });
}

/**
 * The index MySQL made for foreign key `f` of `table` (a table where the key exists), which stays
 * when the key is dropped: named after the key, or after its first column when the key's name is
 * one MySQL generated (`<table>_ibfk_<n>`). Undefined on other dialects, and when another index,
 * unique constraint or the primary key starts with the key's columns (MySQL then made none).
 */
function mysqlForeignKeyIndex(
  f: ForeignKeyConstraint,
  table: NormalizedTable,
  n: SchemaNormalizer,
): string | undefined {
  if (n.dialect !== "mysql") return undefined;
  const covers = (cols: readonly (string | SqlExpression)[]) => f.columns.every((c, i) => cols[i] === c);
  if (
    (table.primaryKey && covers(table.primaryKey.columns)) ||
    table.uniqueConstraints.some((u) => covers(u.columns)) ||
    table.indexes.some((i) => covers(i.columns))
  ) {
    return undefined;
  }
  return f.name && !/_ibfk_\d+$/.test(f.name) ? f.name : f.columns[0];
}

function defaultPkName(table: string, n: SchemaNormalizer): string {
  return n.dialect === "postgresql" ? `${table}_pkey` : n.dialect === "mysql" ? "PRIMARY" : `pk_${table}`;
}

/** MySQL has no unique constraints apart from unique indexes: plain-column unique indexes count as constraints. */
function uniquesOf(t: NormalizedTable, n: SchemaNormalizer): (UniqueConstraint & { fromIndex?: true })[] {
  if (n.dialect !== "mysql") return [...t.uniqueConstraints];
  return [
    ...t.uniqueConstraints,
    ...t.indexes.filter(isPlainUniqueIndex).map((i) => ({
      name: i.name,
      columns: i.columns as string[],
      fromIndex: true as const,
    })),
  ];
}

function indexesOf(t: NormalizedTable, n: SchemaNormalizer): IndexDefinition[] {
  if (n.dialect !== "mysql") return [...t.indexes];
  return t.indexes.filter((i) => !isPlainUniqueIndex(i));
}

function isPlainUniqueIndex(i: IndexDefinition): boolean {
  return i.unique === true && !i.lengths && !i.where && i.columns.every((c) => typeof c === "string");
}

/**
 * Pair target and current items: by name when both are named, else by `same`. Returns the target
 * items to add and the current items to drop (a named pair whose content differs is both).
 */
function matchLists<T extends { name?: string }>(
  target: readonly T[],
  current: readonly T[],
  same: (a: T, b: T) => boolean,
): [T[], T[]] {
  const used = new Set<T>();
  const add: T[] = [];
  for (const t of target) {
    let match = t.name ? current.find((c) => !used.has(c) && c.name === t.name) : undefined;
    if (match && !same(t, match)) {
      add.push(t);
      continue;
    }
    match ??= current.find((c) => !used.has(c) && same(t, c) && (!t.name || !c.name || t.name === c.name));
    if (match) used.add(match);
    else add.push(t);
  }
  const keep = new Set(used);
  return [add, current.filter((c) => !keep.has(c))];
}

function sameForeignKey(a: ForeignKeyConstraint, b: ForeignKeyConstraint): boolean {
  return sameList(a.columns, b.columns) && a.referencedTable === b.referencedTable &&
    sameList(a.referencedColumns, b.referencedColumns) && action(a.onDelete) === action(b.onDelete) &&
    action(a.onUpdate) === action(b.onUpdate);
}

function action(a: string | undefined): string {
  return a === undefined || a === "no action" || a === "restrict" ? "" : a;
}

function sameIndex(a: IndexDefinition, b: IndexDefinition): boolean {
  return (a.unique ?? false) === (b.unique ?? false) && sqlKey(a.where ?? "") === sqlKey(b.where ?? "") &&
    a.columns.length === b.columns.length &&
    a.columns.every((c, i) => {
      const d = b.columns[i];
      if (typeof c === "string" || typeof d === "string") return c === d;
      return sqlKey(c.sql) === sqlKey(d.sql);
    });
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** An SQL text reduced for loose comparison: no parentheses, casts, quotes or case differences. */
function sqlKey(sql: string): string {
  return sql.toLowerCase().replace(/::[a-z_ ]+(\([0-9, ]*\))?/g, "").replace(/[()"`\s]/g, "");
}

function columnType(c: Column, n: SchemaNormalizer): string {
  if (c.type === "enum" && c.enum) {
    if (n.dialect === "postgresql" && c.enum.name) return n.type(c.enum.name);
    if (n.dialect === "mysql") {
      return `enum(${c.enum.values.map((v) => `'${v.replaceAll("'", "''")}'`).join(",")})`;
    }
  }
  return n.type(c.type);
}

function defaultKey(value: SqlValue | SqlExpression | undefined, n: SchemaNormalizer): string {
  if (value === undefined || value === null) return "";
  const v = n.default(value);
  if (v === null) return "";
  if (typeof v === "object" && !(v instanceof Date) && !(v instanceof Uint8Array)) {
    return v.sql.toUpperCase() === "NULL" ? "" : `sql:${sqlKey(v.sql)}`;
  }
  if (typeof v === "boolean") return v ? "true" : "false";
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

function describeDefault(value: SqlValue | SqlExpression | undefined): string {
  if (value === undefined) return "none";
  if (
    typeof value === "object" && value !== null && !(value instanceof Date) && !(value instanceof Uint8Array)
  ) {
    return value.sql;
  }
  return JSON.stringify(value);
}

/** Table keys in dependency order: referenced tables before the tables that refer to them. */
function topoOrder(tables: ReadonlyMap<string, NormalizedTable>): string[] {
  const out: string[] = [];
  const state = new Map<string, number>();
  const visit = (k: string) => {
    if (state.get(k) !== undefined) return;
    state.set(k, 1);
    for (const f of tables.get(k)!.foreignKeys) {
      if (f.referencedTable !== k && tables.has(f.referencedTable)) visit(f.referencedTable);
    }
    state.set(k, 2);
    out.push(k);
  };
  for (const k of [...tables.keys()].sort()) visit(k);
  return out;
}

function filtered(tables: Readonly<Record<string, Table>>, included: (name: string) => boolean) {
  return Object.fromEntries(Object.entries(tables).filter(([k]) => included(k)));
}

/** A predicate for `include_tables` / `exclude_tables` globs (`*` any run, `?` one character). */
function tableFilter(include: readonly string[], exclude: readonly string[]): (name: string) => boolean {
  const re = (glob: string) =>
    new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replaceAll("*", ".*").replaceAll("?", ".")}$`);
  const inc = include.map(re);
  const exc = exclude.map(re);
  return (name) => inc.some((r) => r.test(name)) && !exc.some((r) => r.test(name));
}

/**
 * Two versions of a table made comparable for people (`migrate check`'s before/after diff): both
 * normalised, and every part of `current` that `compareSchemas` counts as equal to `target`'s
 * (a type or default spelt another way, a name the database gave an unnamed constraint, a check
 * condition as the database reprints it) written as in `target`, so that only real differences
 * remain.
 *
 * @param target the table in the schema file
 * @param current the table in the database
 * @param normalizer the database's type and default spellings
 * @returns `[current, target]`, ready to print
 */
export function comparableTables(
  target: Table,
  current: Table,
  normalizer: SchemaNormalizer,
): [NormalizedTable, NormalizedTable] {
  const n = normalizer;
  const t = normalizeTable(target);
  const c = normalizeTable(current);
  const columns: Record<string, Column> = {};
  for (const [name, have] of Object.entries(c.columns)) {
    const want = t.columns[name];
    if (!want) {
      columns[name] = have;
      continue;
    }
    const col: Record<string, unknown> = { ...have };
    if (columnType(want, n) === columnType(have, n)) {
      col.type = want.type;
      if (want.enum) col.enum = want.enum;
      else delete col.enum;
    }
    if (defaultKey(want.default, n) === defaultKey(have.default, n)) {
      if (want.default === undefined) delete col.default;
      else col.default = want.default;
    }
    // Keys the comparison does not look at, or looks at through others, as the schema file says.
    for (const key of ["autoincrement", "identity", "computed"] as const) {
      if (want[key] === undefined) delete col[key];
      else col[key] = want[key];
    }
    if (n.dialect === "sqlite") {
      if (want.comment === undefined) delete col.comment;
      else col.comment = want.comment;
    }
    columns[name] = col as unknown as Column;
  }
  const renamed = <T extends { name?: string }>(
    items: readonly T[],
    wanted: readonly T[],
    same: (a: T, b: T) => boolean,
  ): T[] =>
    items.map((item) => {
      const match = wanted.find((w) => same(w, item) && (!w.name || w.name === item.name));
      return match ? match : item;
    });
  const current2: NormalizedTable = {
    ...c,
    columns,
    ...(c.primaryKey && t.primaryKey && sameList(c.primaryKey.columns, t.primaryKey.columns)
      ? { primaryKey: t.primaryKey }
      : {}),
    uniqueConstraints: renamed(
      c.uniqueConstraints,
      t.uniqueConstraints,
      (a, b) => sameList(a.columns, b.columns),
    ),
    indexes: renamed(c.indexes, t.indexes, (a, b) => a.name === b.name && sameIndex(a, b)),
    foreignKeys: renamed(c.foreignKeys, t.foreignKeys, sameForeignKey),
    checkConstraints: renamed(
      c.checkConstraints,
      t.checkConstraints,
      (a, b) => sqlKey(a.condition) === sqlKey(b.condition),
    ),
    ...(n.dialect === "sqlite" && t.comment !== undefined ? { comment: t.comment } : {}),
  };
  return [current2, t];
}
