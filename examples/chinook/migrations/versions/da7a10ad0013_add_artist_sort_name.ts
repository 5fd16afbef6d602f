/**
 * add artist sort name
 *
 * `sort_name` files "The Rolling Stones" under R ("Rolling Stones, The"). String concatenation is
 * the one dialect-specific part: `||` on SQLite and PostgreSQL, `CONCAT()` on MySQL, where `||` is
 * a logical OR unless PIPES_AS_CONCAT is set.
 *
 * Revision ID: da7a10ad0013
 * Revises: da7a10ad0012
 * Create Date: 2026-11-21 10:10:00
 */
import type { MigrationContext } from "@retort/migrate";

export const revision = "da7a10ad0013";
export const downRevision: string | string[] | null = "da7a10ad0012";
export const branchLabels: string[] = [];
export const dependsOn: string[] = [];

export function upgrade({ op, dialect }: MigrationContext): void {
  op.addColumn("artist", "sort_name", { type: "varchar(130)" });
  const moved = dialect === "mysql" ? "CONCAT(SUBSTR(name, 5), ', The')" : "SUBSTR(name, 5) || ', The'";
  op.execute(`UPDATE artist SET sort_name = CASE WHEN name LIKE 'The %' THEN ${moved} ELSE name END`);
  op.createIndex("ix_artist_sort_name", "artist", ["sort_name"]);
}

export function downgrade({ op }: MigrationContext): void {
  op.dropIndex("ix_artist_sort_name", { table: "artist" });
  op.dropColumn("artist", "sort_name");
}
