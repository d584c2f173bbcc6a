-- Search over decisions ("besluiten", kind 8); see docs/decisions/008-search.md
-- ("Adding a kind") and db/migrations/0001_search_index.sql. rowid = decisions.id * 16 + 8.
-- A decision in the meeting notes is a reference node, so its words are not in the notes'
-- text (kind 7): without this kind they would not be found at all.

-- What a decision is found by: its text, with the start of it (at most 80 characters, cut
-- at a word boundary) as the title, or "Besluit" when there is no text. One view, so the
-- triggers and the backfill compute it the same way.
-- The cut: `head` is the first 81 characters; rtrim(head, <head without its spaces>)
-- strips the trailing run of non-space characters, i.e. a word the cut went through (none
-- when character 81 is a space). A first word longer than 80 characters is cut as is.
CREATE VIEW `search_decision_source` AS
SELECT id,
       CASE
         WHEN flat = '' THEN 'Besluit'
         WHEN length(flat) <= 80 THEN flat
         ELSE coalesce(nullif(rtrim(rtrim(head, replace(head, ' ', ''))), ''), substr(flat, 1, 80)) || '…'
       END AS title,
       text AS body
  FROM (SELECT id, text, flat, substr(flat, 1, 81) AS head
          FROM (SELECT id, text, trim(replace(replace(replace(text, char(13), ' '), char(10), ' '), char(9), ' ')) AS flat
                  FROM decisions));
--> statement-breakpoint

CREATE TRIGGER `search_decisions_ai` AFTER INSERT ON `decisions` BEGIN
  INSERT INTO search_index (rowid, kind, ref_id, title, body)
  SELECT id * 16 + 8, 'decision', id, title, body FROM search_decision_source WHERE id = NEW.id;
END;
--> statement-breakpoint
-- Only the text is searched: relinking a decision to another goal or action leaves the index alone.
CREATE TRIGGER `search_decisions_au` AFTER UPDATE OF text ON `decisions` BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 16 + 8;
  INSERT INTO search_index (rowid, kind, ref_id, title, body)
  SELECT id * 16 + 8, 'decision', id, title, body FROM search_decision_source WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_decisions_ad` AFTER DELETE ON `decisions` BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 16 + 8;
END;
--> statement-breakpoint

-- Backfill what exists already.
INSERT INTO search_index (rowid, kind, ref_id, title, body)
SELECT id * 16 + 8, 'decision', id, title, body FROM search_decision_source;
