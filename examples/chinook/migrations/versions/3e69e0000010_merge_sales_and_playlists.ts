/**
 * merge sales and playlists
 *
 * Revision ID: 3e69e0000010
 * Revises: 5a1e50000006, 71a915700009
 * Create Date: 2026-11-21 09:40:00
 */
import type { MigrationContext } from "@retort/migrate";

export const revision = "3e69e0000010";
export const downRevision: string | string[] | null = ["5a1e50000006", "71a915700009"];
export const branchLabels: string[] = [];
export const dependsOn: string[] = [];

export function upgrade(_ctx: MigrationContext): void {
}

export function downgrade(_ctx: MigrationContext): void {
}
