/**
 * add account email
 *
 * Revision ID: 5c0000000002
 * Revises: 5c0000000001
 * Create Date: 2026-11-21 10:05:00
 */
import type { MigrationContext } from "@retort/migrate";

export const revision = "5c0000000002";
export const downRevision: string | string[] | null = "5c0000000001";
export const branchLabels: string[] = [];
export const dependsOn: string[] = [];

export function upgrade({ op }: MigrationContext): void {
  op.addColumn("account", "email", { type: "varchar(200)" });
  op.createIndex("ix_account_email", "account", ["email"], { unique: true });
}

export function downgrade({ op }: MigrationContext): void {
  op.dropIndex("ix_account_email", { table: "account" });
  op.dropColumn("account", "email");
}
