/**
 * create account
 *
 * Revision ID: 5c0000000001
 * Revises:
 * Create Date: 2026-11-21 10:00:00
 */
import type { MigrationContext } from "@retort/migrate";

export const revision = "5c0000000001";
export const downRevision: string | string[] | null = null;
export const branchLabels: string[] = [];
export const dependsOn: string[] = [];

export function upgrade({ op }: MigrationContext): void {
  op.createTable("account", {
    id: { type: "integer", primaryKey: true },
    name: { type: "varchar(50)", nullable: false },
  });
}

export function downgrade({ op }: MigrationContext): void {
  op.dropTable("account");
}
