-- Search over library items (kind 6) and meeting notes (kind 7); see
-- docs/decisions/008-search.md ("Adding a kind") and db/migrations/0001_search_index.sql.
-- rowid = source id * 16 + kind code, as there.

-- What a library item is found by: its title; its summary, page text, address, contact
-- details, and the name and extracted text of its current (newest) file version. One view,
-- so the triggers below and the backfill compute it the same way.
CREATE VIEW `search_library_source` AS
SELECT i.id AS id,
       i.title AS title,
       i.summary || char(10) || i.body || char(10) || coalesce(i.url, '') || char(10) ||
       coalesce(i.contact_name, '') || char(10) || coalesce(i.contact_organisation, '') || char(10) ||
       coalesce(i.contact_email, '') || char(10) || coalesce(i.contact_phone, '') || char(10) ||
       coalesce(f.original_name, '') || char(10) || coalesce(f.extracted_text, '') AS body
  FROM library_items i
  LEFT JOIN library_files f
    ON f.item_id = i.id AND f.version = (SELECT max(v.version) FROM library_files v WHERE v.item_id = i.id);
--> statement-breakpoint

-- Library items (kind 6).
CREATE TRIGGER `search_library_items_ai` AFTER INSERT ON `library_items` BEGIN
  INSERT INTO search_index (rowid, kind, ref_id, title, body)
  SELECT id * 16 + 6, 'library', id, title, body FROM search_library_source WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_library_items_au`
AFTER UPDATE OF title, summary, body, url, contact_name, contact_organisation, contact_email, contact_phone ON `library_items` BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 16 + 6;
  INSERT INTO search_index (rowid, kind, ref_id, title, body)
  SELECT id * 16 + 6, 'library', id, title, body FROM search_library_source WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_library_items_ad` AFTER DELETE ON `library_items` BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 16 + 6;
END;
--> statement-breakpoint

-- A new, changed or removed file version changes what its item is found by.
CREATE TRIGGER `search_library_files_ai` AFTER INSERT ON `library_files` BEGIN
  DELETE FROM search_index WHERE rowid = NEW.item_id * 16 + 6;
  INSERT INTO search_index (rowid, kind, ref_id, title, body)
  SELECT id * 16 + 6, 'library', id, title, body FROM search_library_source WHERE id = NEW.item_id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_library_files_au` AFTER UPDATE OF item_id, version, original_name, extracted_text ON `library_files` BEGIN
  DELETE FROM search_index WHERE rowid IN (OLD.item_id * 16 + 6, NEW.item_id * 16 + 6);
  INSERT INTO search_index (rowid, kind, ref_id, title, body)
  SELECT id * 16 + 6, 'library', id, title, body FROM search_library_source WHERE id IN (OLD.item_id, NEW.item_id);
END;
--> statement-breakpoint
-- Also runs for the files of a deleted item (ON DELETE CASCADE): the item is gone by
-- then, so nothing is inserted again.
CREATE TRIGGER `search_library_files_ad` AFTER DELETE ON `library_files` BEGIN
  DELETE FROM search_index WHERE rowid = OLD.item_id * 16 + 6;
  INSERT INTO search_index (rowid, kind, ref_id, title, body)
  SELECT id * 16 + 6, 'library', id, title, body FROM search_library_source WHERE id = OLD.item_id;
END;
--> statement-breakpoint

-- Meeting notes (kind 7): the meeting's title; the text derived from its real-time
-- document `meeting.<id>` when it is compacted (collab_snapshots.text, decision 006).
-- Other documents, malformed names and empty notes are not indexed.
CREATE TRIGGER `search_notes_ai` AFTER INSERT ON `collab_snapshots`
WHEN NEW.document_name GLOB 'meeting.[1-9]*' AND substr(NEW.document_name, 9) NOT GLOB '*[^0-9]*' AND NEW.text <> '' BEGIN
  INSERT INTO search_index (rowid, kind, ref_id, title, body)
  SELECT m.id * 16 + 7, 'notes', m.id, m.title, NEW.text
    FROM meetings m WHERE m.id = CAST(substr(NEW.document_name, 9) AS INTEGER);
END;
--> statement-breakpoint
-- Compaction rewrites the text column every time; only a changed text touches the index.
CREATE TRIGGER `search_notes_au` AFTER UPDATE OF document_name, text ON `collab_snapshots`
WHEN OLD.text IS NOT NEW.text OR OLD.document_name IS NOT NEW.document_name BEGIN
  DELETE FROM search_index
   WHERE OLD.document_name GLOB 'meeting.[1-9]*' AND substr(OLD.document_name, 9) NOT GLOB '*[^0-9]*'
     AND rowid = CAST(substr(OLD.document_name, 9) AS INTEGER) * 16 + 7;
  INSERT INTO search_index (rowid, kind, ref_id, title, body)
  SELECT m.id * 16 + 7, 'notes', m.id, m.title, NEW.text
    FROM meetings m
   WHERE NEW.document_name GLOB 'meeting.[1-9]*' AND substr(NEW.document_name, 9) NOT GLOB '*[^0-9]*' AND NEW.text <> ''
     AND m.id = CAST(substr(NEW.document_name, 9) AS INTEGER);
END;
--> statement-breakpoint
CREATE TRIGGER `search_notes_ad` AFTER DELETE ON `collab_snapshots`
WHEN OLD.document_name GLOB 'meeting.[1-9]*' AND substr(OLD.document_name, 9) NOT GLOB '*[^0-9]*' BEGIN
  DELETE FROM search_index WHERE rowid = CAST(substr(OLD.document_name, 9) AS INTEGER) * 16 + 7;
END;
--> statement-breakpoint
-- A renamed meeting: its notes' title follows; a deleted meeting takes its notes along.
CREATE TRIGGER `search_notes_meetings_au` AFTER UPDATE OF title ON `meetings` BEGIN
  UPDATE search_index SET title = NEW.title WHERE rowid = NEW.id * 16 + 7;
END;
--> statement-breakpoint
CREATE TRIGGER `search_notes_meetings_ad` AFTER DELETE ON `meetings` BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 16 + 7;
END;
--> statement-breakpoint

-- Backfill what exists already.
INSERT INTO search_index (rowid, kind, ref_id, title, body)
SELECT id * 16 + 6, 'library', id, title, body FROM search_library_source;
--> statement-breakpoint
INSERT INTO search_index (rowid, kind, ref_id, title, body)
SELECT m.id * 16 + 7, 'notes', m.id, m.title, s.text
  FROM collab_snapshots s JOIN meetings m ON m.id = CAST(substr(s.document_name, 9) AS INTEGER)
 WHERE s.document_name GLOB 'meeting.[1-9]*' AND substr(s.document_name, 9) NOT GLOB '*[^0-9]*' AND s.text <> '';
