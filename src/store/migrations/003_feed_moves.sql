-- Feeds: where a permanent redirect sent each one (the urls file is left as the user wrote it, so
-- the library remembers the move), and articles found by link (matching another reader's items).

ALTER TABLE feeds ADD COLUMN moved_to TEXT;
CREATE INDEX articles_by_link ON articles (link) WHERE link IS NOT NULL;
