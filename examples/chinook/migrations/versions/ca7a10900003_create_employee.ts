/**
 * create employee
 *
 * The sales and playlists branches both start from this revision.
 *
 * Revision ID: ca7a10900003
 * Revises: ca7a10900002
 * Create Date: 2026-11-21 09:10:00
 */
import type { MigrationContext } from "@retort/migrate";

export const revision = "ca7a10900003";
export const downRevision: string | string[] | null = "ca7a10900002";
export const branchLabels: string[] = [];
export const dependsOn: string[] = [];

export function upgrade({ op }: MigrationContext): void {
  op.createTable("employee", {
    employee_id: { type: "integer", primaryKey: true },
    last_name: { type: "varchar(20)", nullable: false },
    first_name: { type: "varchar(20)", nullable: false },
    title: { type: "varchar(30)" },
    reports_to: { type: "integer", references: "employee.employee_id" },
    birth_date: { type: "timestamp" },
    hire_date: { type: "timestamp" },
    address: { type: "varchar(70)" },
    city: { type: "varchar(40)" },
    state: { type: "varchar(40)" },
    country: { type: "varchar(40)" },
    postal_code: { type: "varchar(10)" },
    phone: { type: "varchar(24)" },
    fax: { type: "varchar(24)" },
    email: { type: "varchar(60)" },
  });
  op.createIndex("ifk_employee_reports_to", "employee", ["reports_to"]);
}

export function downgrade({ op }: MigrationContext): void {
  op.dropTable("employee");
}
