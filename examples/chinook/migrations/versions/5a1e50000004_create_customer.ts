/**
 * create customer
 *
 * First revision of the `sales` branch (customers, invoices), developed in parallel with the
 * playlists branch from ca7a10900003 and merged back in 3e69e0000010.
 *
 * Revision ID: 5a1e50000004
 * Revises: ca7a10900003
 * Create Date: 2026-11-21 09:20:00
 */
import type { MigrationContext } from "@retort/migrate";

export const revision = "5a1e50000004";
export const downRevision: string | string[] | null = "ca7a10900003";
export const branchLabels: string[] = ["sales"];
export const dependsOn: string[] = [];

export function upgrade({ op }: MigrationContext): void {
  op.createTable("customer", {
    customer_id: { type: "integer", primaryKey: true },
    first_name: { type: "varchar(40)", nullable: false },
    last_name: { type: "varchar(20)", nullable: false },
    company: { type: "varchar(80)" },
    address: { type: "varchar(70)" },
    city: { type: "varchar(40)" },
    state: { type: "varchar(40)" },
    country: { type: "varchar(40)" },
    postal_code: { type: "varchar(10)" },
    phone: { type: "varchar(24)" },
    fax: { type: "varchar(24)" },
    email: { type: "varchar(60)", nullable: false },
    support_rep_id: { type: "integer", references: "employee.employee_id" },
  });
  op.createIndex("ifk_customer_support_rep_id", "customer", ["support_rep_id"]);
}

export function downgrade({ op }: MigrationContext): void {
  op.dropTable("customer");
}
