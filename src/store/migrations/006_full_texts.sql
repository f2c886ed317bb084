-- Full texts: the article found on a feed item's page (the `x` key, or a feed tagged
-- `full-text`), kept apart from the item's own text so that fetching the feed again, which
-- updates that text, never loses it, and the page is fetched once. By ArticleId, like the
-- session's keys, so it outlives the article's row being added again.
CREATE TABLE full_texts (
    id         TEXT PRIMARY KEY,
    -- JSON arrays of strings.
    paragraphs TEXT NOT NULL,
    links      TEXT NOT NULL,
    byline     TEXT,
    fetched    INTEGER NOT NULL
);
