-- Feeds: how the last fetch went, so the reader's feeds view can mark a feed that failed and say
-- why (NULL after a fetch that worked), and when that was (unix seconds).

ALTER TABLE feeds ADD COLUMN last_error TEXT;
ALTER TABLE feeds ADD COLUMN last_fetched INTEGER;
