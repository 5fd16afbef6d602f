/**
 * The schema model's objects beyond tables (DESIGN.md section 10): views, materialized views,
 * routines, triggers, sequences, extensions, domains, and the objects the model cannot hold yet,
 * carried verbatim as SQL. Definitions are SQL as the database prints them
 * (PostgreSQL `pg_get_viewdef` / `pg_get_functiondef` / `pg_get_triggerdef`, MySQL's
 * information_schema, SQLite's `sqlite_master`); they are compared with white space folded.
 *
 * @module
 */
import type { DomainDefinition, RoutineKind, SequenceDefinition } from "../operations/object_types.ts";

export type { DomainDefinition, RoutineKind, SequenceDefinition };

/** A view or materialized view: its query. */
export interface View {
  /** The query (`SELECT ...`) as the database prints it. */
  readonly definition: string;
}

/** A function, procedure or aggregate: its whole `CREATE` statement. */
export interface Routine {
  /** The whole `CREATE ...` statement as the database prints it. */
  readonly definition: string;
  /** `procedure` or `aggregate`; a function when absent. */
  readonly routine?: RoutineKind;
}

/** A trigger on a table: its whole `CREATE TRIGGER` statement. */
export interface Trigger {
  /** Trigger name (unique per table on PostgreSQL, per schema elsewhere). */
  readonly name: string;
  /** The table it fires on: `table` or `schema.table`, as keys of `Schema.tables`. */
  readonly table: string;
  /** The whole `CREATE TRIGGER` statement as the database prints it. */
  readonly definition: string;
}

/** An installed PostgreSQL extension; its own objects are its, never dumped as user objects. */
export interface Extension {
  /** The schema holding its objects, when not the default one. */
  readonly schema?: string;
  /** Its version; compared only when the schema file gives it. */
  readonly version?: string;
}

/**
 * An object the model cannot hold yet (a PostgreSQL rule, policy, event trigger, an index on a
 * materialized view, a MySQL event, ...), carried as the SQL that creates it so that nothing is
 * silently dropped. `check` lists those it cannot compare; `check --strict` fails on them.
 */
export interface RawObject {
  /** The SQL that creates it. */
  readonly sql: string;
  /** What it is (`rule`, `policy`, `event trigger`, ...), for messages. */
  readonly kind?: string;
  /** Its name, for messages. */
  readonly name?: string;
}
