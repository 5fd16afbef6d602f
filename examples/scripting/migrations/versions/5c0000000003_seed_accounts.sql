-- revision: 5c0000000003
-- down_revision: 5c0000000002
-- branch_labels:
-- depends_on:
-- message: seed accounts
-- create_date: 2026-11-21 10:10:00

-- migrate:up
INSERT INTO account (id, name, email) VALUES (1, 'ada', 'ada@example.com');
INSERT INTO account (id, name, email) VALUES (2, 'grace', 'grace@example.com');

-- migrate:down
DELETE FROM account WHERE id IN (1, 2);
