/**
 * create playlist track
 *
 * Revision ID: 71a915700008
 * Revises: 71a915700007
 * Create Date: 2026-11-21 09:26:00
 */
import type { MigrationContext } from "@retort/migrate";

export const revision = "71a915700008";
export const downRevision: string | string[] | null = "71a915700007";
export const branchLabels: string[] = [];
export const dependsOn: string[] = [];

export function upgrade({ op }: MigrationContext): void {
  op.createTable("playlist_track", {
    playlist_id: { type: "integer", primaryKey: true, references: "playlist.playlist_id" },
    track_id: { type: "integer", primaryKey: true, references: "track.track_id" },
  });
  op.createIndex("ifk_playlist_track_playlist_id", "playlist_track", ["playlist_id"]);
  op.createIndex("ifk_playlist_track_track_id", "playlist_track", ["track_id"]);
}

export function downgrade({ op }: MigrationContext): void {
  op.dropTable("playlist_track");
}
