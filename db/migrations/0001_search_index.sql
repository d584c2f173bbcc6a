-- Full-text search over the workspace (docs/decisions/008-search.md).
--
-- One FTS5 table holds a row per searchable item. Its rowid encodes the item:
-- rowid = source id * 16 + kind code (1 theme, 2 goal, 3 action, 4 accent, 5 comment),
-- so the triggers below find and replace an item's row by rowid (an index lookup)
-- instead of scanning the unindexed kind/ref_id columns.
--
-- The triggers run inside the statement that changes the source row, so the index is
-- always in step with the data within the same transaction, whatever writes it (forms,
-- the agenda import, the board, seeds, CLIs). UPDATE triggers fire only when a searched
-- column changes: a status move on the board does not touch the index.
--
-- A new kind: one trigger set (insert, update, delete) and a backfill here in a new
-- migration, one link resolver and one label in app/models/search.server.ts.
CREATE VIRTUAL TABLE `search_index` USING fts5(
  kind UNINDEXED,
  ref_id UNINDEXED,
  title,
  body,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3 4'
);
--> statement-breakpoint

-- Themes (kind 1): code and title; the chapter text.
CREATE TRIGGER `search_themes_ai` AFTER INSERT ON `themes` BEGIN
  INSERT INTO search_index (rowid, kind, ref_id, title, body)
  VALUES (NEW.id * 16 + 1, 'theme', NEW.id, NEW.code || ' ' || NEW.title, NEW.body);
END;
--> statement-breakpoint
CREATE TRIGGER `search_themes_au` AFTER UPDATE OF code, title, body ON `themes` BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 16 + 1;
  INSERT INTO search_index (rowid, kind, ref_id, title, body)
  VALUES (NEW.id * 16 + 1, 'theme', NEW.id, NEW.code || ' ' || NEW.title, NEW.body);
END;
--> statement-breakpoint
CREATE TRIGGER `search_themes_ad` AFTER DELETE ON `themes` BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 16 + 1;
END;
--> statement-breakpoint

-- Goals (kind 2): code and title; the explanation.
CREATE TRIGGER `search_goals_ai` AFTER INSERT ON `goals` BEGIN
  INSERT INTO search_index (rowid, kind, ref_id, title, body)
  VALUES (NEW.id * 16 + 2, 'goal', NEW.id, NEW.code || ' ' || NEW.title, NEW.body);
END;
--> statement-breakpoint
CREATE TRIGGER `search_goals_au` AFTER UPDATE OF code, title, body ON `goals` BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 16 + 2;
  INSERT INTO search_index (rowid, kind, ref_id, title, body)
  VALUES (NEW.id * 16 + 2, 'goal', NEW.id, NEW.code || ' ' || NEW.title, NEW.body);
END;
--> statement-breakpoint
CREATE TRIGGER `search_goals_ad` AFTER DELETE ON `goals` BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 16 + 2;
END;
--> statement-breakpoint

-- Actions (kind 3): code (null for actions made in Koers) and title; description and partners.
CREATE TRIGGER `search_actions_ai` AFTER INSERT ON `actions` BEGIN
  INSERT INTO search_index (rowid, kind, ref_id, title, body)
  VALUES (NEW.id * 16 + 3, 'action', NEW.id, coalesce(NEW.code || ' ', '') || NEW.title, NEW.description || char(10) || NEW.partners);
END;
--> statement-breakpoint
CREATE TRIGGER `search_actions_au` AFTER UPDATE OF code, title, description, partners ON `actions` BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 16 + 3;
  INSERT INTO search_index (rowid, kind, ref_id, title, body)
  VALUES (NEW.id * 16 + 3, 'action', NEW.id, coalesce(NEW.code || ' ', '') || NEW.title, NEW.description || char(10) || NEW.partners);
END;
--> statement-breakpoint
CREATE TRIGGER `search_actions_ad` AFTER DELETE ON `actions` BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 16 + 3;
END;
--> statement-breakpoint

-- Local accents (kind 4): 'Lokaal accent <municipality>'; the accent text. An accent
-- without text (created by a first comment on an empty cell) is not indexed.
CREATE TRIGGER `search_accents_ai` AFTER INSERT ON `local_accents` WHEN NEW.body <> '' BEGIN
  INSERT INTO search_index (rowid, kind, ref_id, title, body)
  SELECT NEW.id * 16 + 4, 'accent', NEW.id, 'Lokaal accent ' || o.name, NEW.body
  FROM organisations o WHERE o.id = NEW.municipality_id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_accents_au` AFTER UPDATE OF body, municipality_id ON `local_accents` BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 16 + 4;
  INSERT INTO search_index (rowid, kind, ref_id, title, body)
  SELECT NEW.id * 16 + 4, 'accent', NEW.id, 'Lokaal accent ' || o.name, NEW.body
  FROM organisations o WHERE o.id = NEW.municipality_id AND NEW.body <> '';
END;
--> statement-breakpoint
CREATE TRIGGER `search_accents_ad` AFTER DELETE ON `local_accents` BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 16 + 4;
END;
--> statement-breakpoint
-- A renamed municipality: its accents' titles follow.
CREATE TRIGGER `search_accents_organisation_au` AFTER UPDATE OF name ON `organisations` BEGIN
  UPDATE search_index SET title = 'Lokaal accent ' || NEW.name
  WHERE rowid IN (SELECT id * 16 + 4 FROM local_accents WHERE municipality_id = NEW.id AND body <> '');
END;
--> statement-breakpoint

-- Comments (kind 5): no title; the comment text.
CREATE TRIGGER `search_comments_ai` AFTER INSERT ON `comments` BEGIN
  INSERT INTO search_index (rowid, kind, ref_id, title, body)
  VALUES (NEW.id * 16 + 5, 'comment', NEW.id, '', NEW.body);
END;
--> statement-breakpoint
CREATE TRIGGER `search_comments_au` AFTER UPDATE OF body ON `comments` BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 16 + 5;
  INSERT INTO search_index (rowid, kind, ref_id, title, body)
  VALUES (NEW.id * 16 + 5, 'comment', NEW.id, '', NEW.body);
END;
--> statement-breakpoint
CREATE TRIGGER `search_comments_ad` AFTER DELETE ON `comments` BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 16 + 5;
END;
--> statement-breakpoint

-- Backfill what exists already.
INSERT INTO search_index (rowid, kind, ref_id, title, body)
SELECT id * 16 + 1, 'theme', id, code || ' ' || title, body FROM themes;
--> statement-breakpoint
INSERT INTO search_index (rowid, kind, ref_id, title, body)
SELECT id * 16 + 2, 'goal', id, code || ' ' || title, body FROM goals;
--> statement-breakpoint
INSERT INTO search_index (rowid, kind, ref_id, title, body)
SELECT id * 16 + 3, 'action', id, coalesce(code || ' ', '') || title, description || char(10) || partners FROM actions;
--> statement-breakpoint
INSERT INTO search_index (rowid, kind, ref_id, title, body)
SELECT a.id * 16 + 4, 'accent', a.id, 'Lokaal accent ' || o.name, a.body
FROM local_accents a JOIN organisations o ON o.id = a.municipality_id WHERE a.body <> '';
--> statement-breakpoint
INSERT INTO search_index (rowid, kind, ref_id, title, body)
SELECT id * 16 + 5, 'comment', id, '', body FROM comments;
