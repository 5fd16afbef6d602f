-- revision: da7a10ad0012
-- down_revision: da7a10ad0011
-- branch_labels:
-- depends_on:
-- message: tidy genre names
-- create_date: 2026-11-21 10:00:00

-- migrate:up
UPDATE genre SET name = 'Rock and Roll' WHERE genre_id = 5;
UPDATE genre SET name = 'Sci-Fi & Fantasy' WHERE genre_id = 20;

-- migrate:down
UPDATE genre SET name = 'Rock And Roll' WHERE genre_id = 5;
UPDATE genre SET name = 'Sci Fi & Fantasy' WHERE genre_id = 20;
