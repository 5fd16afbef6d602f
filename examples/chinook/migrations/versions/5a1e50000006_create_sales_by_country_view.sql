-- revision: 5a1e50000006
-- down_revision: 5a1e50000005
-- branch_labels:
-- depends_on:
-- message: create sales by country view
-- create_date: 2026-11-21 09:30:00

-- migrate:up
CREATE VIEW sales_by_country AS
SELECT c.country AS country,
       COUNT(i.invoice_id) AS invoice_count,
       SUM(i.total) AS total_sales
FROM customer c
JOIN invoice i ON i.customer_id = c.customer_id
GROUP BY c.country;

-- migrate:down
DROP VIEW sales_by_country;
