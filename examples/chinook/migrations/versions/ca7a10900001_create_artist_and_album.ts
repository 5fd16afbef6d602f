/**
 * create artist and album
 *
 * Revision ID: ca7a10900001
 * Revises:
 * Create Date: 2026-11-21 09:00:00
 */
import type { MigrationContext } from "@retort/migrate";

export const revision = "ca7a10900001";
export const downRevision: string | string[] | null = null;
export const branchLabels: string[] = [];
export const dependsOn: string[] = [];

export function upgrade({ op }: MigrationContext): void {
  op.createTable("artist", {
    artist_id: { type: "integer", primaryKey: true },
    name: { type: "varchar(120)" },
  });
  op.createTable("album", {
    album_id: { type: "integer", primaryKey: true },
    title: { type: "varchar(160)", nullable: false },
    artist_id: { type: "integer", nullable: false, references: "artist.artist_id" },
  });
  op.createIndex("ifk_album_artist_id", "album", ["artist_id"]);
}

export function downgrade({ op }: MigrationContext): void {
  // Dropping the table drops its indexes; MySQL refuses to drop an index a foreign key relies on.
  op.dropTable("album");
  op.dropTable("artist");
}
