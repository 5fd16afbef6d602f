-- revision: 71a915700009
-- down_revision: 71a915700008
-- branch_labels:
-- depends_on:
-- message: create playlist summary view
-- create_date: 2026-11-21 09:31:00

-- migrate:up
CREATE VIEW playlist_summary AS
SELECT p.playlist_id AS playlist_id,
       p.name AS name,
       COUNT(pt.track_id) AS track_count
FROM playlist p
LEFT JOIN playlist_track pt ON pt.playlist_id = p.playlist_id
GROUP BY p.playlist_id, p.name;

-- migrate:down
DROP VIEW playlist_summary;
