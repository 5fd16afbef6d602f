/**
 * MySQL / MariaDB introspection of the objects beyond tables, in one round of five
 * `information_schema` queries whatever their number: views (`VIEWS.VIEW_DEFINITION`, with the
 * database's own name taken out of the qualified names MySQL prints, so the view can be created in
 * another database), stored functions and procedures (`ROUTINES` and `PARAMETERS`, written back as
 * the `CREATE` statement without `DEFINER`), triggers (`TRIGGERS`), and events as raw SQL (the
 * model has no events yet).
 *
 * @module
 */
import type { Schema } from "../../schema/model.ts";
import type { RawObject, Routine, Trigger, View } from "../../schema/objects.ts";
import { quoteName, quoteString } from "../_sql.ts";
import type { Connection } from "../dialect.ts";

/** The parts of a {@link Schema} MySQL has beyond tables. */
export type MysqlSchemaObjects = Pick<Schema, "views" | "functions" | "triggers" | "rawObjects">;

/**
 * Read the views, routines, triggers and events of the connection's current database.
 *
 * @param conn an open MySQL connection with a default database
 * @returns the object fields of a {@link Schema}, each present only when not empty
 * @throws {Error} the driver's error when a query fails
 */
export async function introspectMysqlObjects(conn: Connection): Promise<MysqlSchemaObjects> {
  const [[db], viewRows, routineRows, parameterRows, triggerRows, eventRows] = await Promise.all([
    conn.query("SELECT database() AS db"),
    conn.query(`SELECT table_name AS name, view_definition AS def, check_option AS chk
FROM information_schema.views WHERE table_schema = database() ORDER BY table_name`),
    conn.query(`SELECT routine_name AS name, routine_type AS type, dtd_identifier AS returns,
  routine_definition AS body, is_deterministic AS det, sql_data_access AS access, security_type AS security,
  routine_comment AS comment
FROM information_schema.routines WHERE routine_schema = database() ORDER BY routine_name, routine_type`),
    conn.query(
      `SELECT specific_name AS name, routine_type AS type, parameter_mode AS mode, parameter_name AS param,
  dtd_identifier AS dtd
FROM information_schema.parameters WHERE specific_schema = database() AND ordinal_position > 0
ORDER BY specific_name, routine_type, ordinal_position`,
    ),
    conn.query(`SELECT trigger_name AS name, event_object_table AS tbl, action_timing AS timing,
  event_manipulation AS event, action_statement AS body
FROM information_schema.triggers WHERE trigger_schema = database()
ORDER BY event_object_table, action_timing, event_manipulation, action_order`),
    conn.query(`SELECT event_name AS name, event_definition AS body, event_type AS type, execute_at AS at,
  interval_value AS every, interval_field AS unit, status
FROM information_schema.events WHERE event_schema = database() ORDER BY event_name`),
  ]);
  const lower = (r: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k.toLowerCase(), v]));
  const q = (name: unknown) => quoteName(String(name), "`");
  const dbName = String(lower(db).db);

  const views: Record<string, View> = {};
  for (const raw of viewRows) {
    const r = lower(raw);
    const check = String(r.chk ?? "NONE");
    views[String(r.name)] = {
      definition: unqualified(String(r.def), dbName) +
        (check === "NONE" ? "" : ` WITH ${check} CHECK OPTION`),
    };
  }
  const params = new Map<string, string[]>();
  for (const raw of parameterRows) {
    const r = lower(raw);
    const k = `${r.type}:${r.name}`;
    const mode = r.type === "PROCEDURE" && r.mode ? `${r.mode} ` : "";
    (params.get(k) ?? params.set(k, []).get(k)!).push(`${mode}${q(r.param)} ${r.dtd}`);
  }
  const functions: Record<string, Routine> = {};
  for (const raw of routineRows) {
    const r = lower(raw);
    const procedure = r.type === "PROCEDURE";
    const args = (params.get(`${r.type}:${r.name}`) ?? []).join(", ");
    const lines = [`CREATE ${procedure ? "PROCEDURE" : "FUNCTION"} ${q(r.name)}(${args})`];
    if (!procedure) lines.push(`RETURNS ${r.returns}`);
    if (r.det === "YES") lines.push("DETERMINISTIC");
    if (r.access && r.access !== "CONTAINS SQL") lines.push(String(r.access));
    if (r.security === "INVOKER") lines.push("SQL SECURITY INVOKER");
    if (r.comment) lines.push(`COMMENT ${quoteString(String(r.comment), true)}`);
    lines.push(String(r.body));
    // A procedure and a function may share a name: the key says which one it is then.
    const key = procedure && functions[String(r.name)] ? `${r.name} (procedure)` : String(r.name);
    functions[key] = {
      definition: lines.join("\n"),
      ...(procedure ? { routine: "procedure" as const } : {}),
    };
  }
  const triggers: Trigger[] = triggerRows.map((raw) => {
    const r = lower(raw);
    return {
      name: String(r.name),
      table: String(r.tbl),
      definition: `CREATE TRIGGER ${q(r.name)} ${r.timing} ${r.event} ON ${q(r.tbl)} FOR EACH ROW ${r.body}`,
    };
  });
  const rawObjects: RawObject[] = eventRows.map((raw) => {
    const r = lower(raw);
    const schedule = r.type === "ONE TIME"
      ? `AT ${quoteString(String(r.at), true)}`
      : `EVERY ${r.every} ${r.unit}`;
    return {
      kind: "event",
      name: String(r.name),
      sql: `CREATE EVENT ${q(r.name)} ON SCHEDULE ${schedule}${
        r.status === "ENABLED" ? "" : " DISABLE"
      } DO ${r.body}`,
    };
  });
  return {
    ...(Object.keys(views).length ? { views } : {}),
    ...(Object.keys(functions).length ? { functions } : {}),
    ...(triggers.length ? { triggers } : {}),
    ...(rawObjects.length ? { rawObjects } : {}),
  };
}

/** A view's query without the `` `db`. `` prefixes MySQL writes before every name of its own database. */
function unqualified(sql: string, db: string): string {
  return sql.replaceAll(`\`${db.replaceAll("`", "``")}\`.`, "");
}
