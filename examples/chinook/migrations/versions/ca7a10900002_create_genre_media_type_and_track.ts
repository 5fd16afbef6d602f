/**
 * create genre, media type and track
 *
 * Revision ID: ca7a10900002
 * Revises: ca7a10900001
 * Create Date: 2026-11-21 09:05:00
 */
import type { MigrationContext } from "@retort/migrate";

export const revision = "ca7a10900002";
export const downRevision: string | string[] | null = "ca7a10900001";
export const branchLabels: string[] = [];
export const dependsOn: string[] = [];

export function upgrade({ op }: MigrationContext): void {
  op.createTable("genre", {
    genre_id: { type: "integer", primaryKey: true },
    name: { type: "varchar(120)" },
  });
  op.createTable("media_type", {
    media_type_id: { type: "integer", primaryKey: true },
    name: { type: "varchar(120)" },
  });
  op.createTable("track", {
    track_id: { type: "integer", primaryKey: true },
    name: { type: "varchar(200)", nullable: false },
    album_id: { type: "integer", references: "album.album_id" },
    media_type_id: { type: "integer", nullable: false, references: "media_type.media_type_id" },
    genre_id: { type: "integer", references: "genre.genre_id" },
    composer: { type: "varchar(220)" },
    milliseconds: { type: "integer", nullable: false },
    bytes: { type: "integer" },
    unit_price: { type: "numeric(10,2)", nullable: false },
  });
  op.createIndex("ifk_track_album_id", "track", ["album_id"]);
  op.createIndex("ifk_track_genre_id", "track", ["genre_id"]);
  op.createIndex("ifk_track_media_type_id", "track", ["media_type_id"]);
}

export function downgrade({ op }: MigrationContext): void {
  op.dropTable("track");
  op.dropTable("media_type");
  op.dropTable("genre");
}
