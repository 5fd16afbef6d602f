/**
 * create invoice and invoice line
 *
 * Revision ID: 5a1e50000005
 * Revises: 5a1e50000004
 * Create Date: 2026-11-21 09:25:00
 */
import type { MigrationContext } from "@retort/migrate";

export const revision = "5a1e50000005";
export const downRevision: string | string[] | null = "5a1e50000004";
export const branchLabels: string[] = [];
export const dependsOn: string[] = [];

export function upgrade({ op }: MigrationContext): void {
  op.createTable("invoice", {
    invoice_id: { type: "integer", primaryKey: true },
    customer_id: { type: "integer", nullable: false, references: "customer.customer_id" },
    invoice_date: { type: "timestamp", nullable: false },
    billing_address: { type: "varchar(70)" },
    billing_city: { type: "varchar(40)" },
    billing_state: { type: "varchar(40)" },
    billing_country: { type: "varchar(40)" },
    billing_postal_code: { type: "varchar(10)" },
    total: { type: "numeric(10,2)", nullable: false },
  });
  op.createIndex("ifk_invoice_customer_id", "invoice", ["customer_id"]);
  op.createTable("invoice_line", {
    invoice_line_id: { type: "integer", primaryKey: true },
    invoice_id: { type: "integer", nullable: false, references: "invoice.invoice_id" },
    track_id: { type: "integer", nullable: false, references: "track.track_id" },
    unit_price: { type: "numeric(10,2)", nullable: false },
    quantity: { type: "integer", nullable: false },
  });
  op.createIndex("ifk_invoice_line_invoice_id", "invoice_line", ["invoice_id"]);
  op.createIndex("ifk_invoice_line_track_id", "invoice_line", ["track_id"]);
}

export function downgrade({ op }: MigrationContext): void {
  op.dropTable("invoice_line");
  op.dropTable("invoice");
}
