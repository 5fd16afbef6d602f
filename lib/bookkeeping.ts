/**
 * The tables Retort keeps in a database it manages, beside the application's own: every layer that
 * reads a schema leaves them out (the version table's name comes from the config).
 *
 * @module
 */

/** Retort's revision log (DESIGN.md section 11), beside Alembic's version table. */
export const REVISION_LOG_TABLE = "retort_revision_log";
