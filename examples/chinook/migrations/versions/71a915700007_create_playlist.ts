/**
 * create playlist
 *
 * First revision of the playlists branch, developed in parallel with the `sales` branch from
 * ca7a10900003 and merged back in 3e69e0000010.
 *
 * Revision ID: 71a915700007
 * Revises: ca7a10900003
 * Create Date: 2026-11-21 09:21:00
 */
import type { MigrationContext } from "@retort/migrate";

export const revision = "71a915700007";
export const downRevision: string | string[] | null = "ca7a10900003";
export const branchLabels: string[] = [];
export const dependsOn: string[] = [];

export function upgrade({ op }: MigrationContext): void {
  op.createTable("playlist", {
    playlist_id: { type: "integer", primaryKey: true },
    name: { type: "varchar(120)" },
  });
}

export function downgrade({ op }: MigrationContext): void {
  op.dropTable("playlist");
}
