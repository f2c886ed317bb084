-- The base schema: articles with their parsed fields, per-article reading state, the people each
-- article names, room for feeds, and the full-text index.

CREATE TABLE feeds (
    id            INTEGER PRIMARY KEY,
    url           TEXT NOT NULL UNIQUE,
    title         TEXT,
    etag          TEXT,
    last_modified TEXT,
    added         INTEGER NOT NULL
);

-- `key` is the rowid the full-text index and the other tables refer to; `id` is the ArticleId.
CREATE TABLE articles (
    key        INTEGER PRIMARY KEY,
    id         TEXT NOT NULL UNIQUE,
    hash       TEXT NOT NULL,
    source     TEXT NOT NULL,
    feed_id    INTEGER REFERENCES feeds(id) ON DELETE SET NULL,
    title      TEXT NOT NULL,
    deck       TEXT,
    place      TEXT,
    date_text  TEXT,
    agency     TEXT,
    byline     TEXT,
    rights     TEXT,
    link       TEXT,
    published  INTEGER,
    added      INTEGER NOT NULL,
    -- The date lists sort by (unix seconds): the caller's parsed date, else published, else added.
    sort_date  INTEGER NOT NULL
);
-- The text, apart: rows of `articles` stay small, so lists, sorting and joins never read it.
CREATE TABLE article_text (
    article    INTEGER PRIMARY KEY REFERENCES articles(key) ON DELETE CASCADE,
    -- Paragraphs and credits as JSON arrays of strings.
    paragraphs TEXT NOT NULL,
    credits    TEXT NOT NULL
);

CREATE INDEX articles_by_date ON articles (sort_date, key);
CREATE INDEX articles_by_feed ON articles (feed_id, sort_date);

CREATE TABLE article_state (
    article       INTEGER PRIMARY KEY REFERENCES articles(key) ON DELETE CASCADE,
    read          INTEGER NOT NULL DEFAULT 0,
    starred       INTEGER NOT NULL DEFAULT 0,
    deleted       INTEGER NOT NULL DEFAULT 0,
    scroll_block  INTEGER NOT NULL DEFAULT 0,
    scroll_offset INTEGER NOT NULL DEFAULT 0,
    last_search   TEXT
);
CREATE INDEX state_starred ON article_state (starred) WHERE starred = 1;

CREATE TABLE people (
    article  INTEGER NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
    ord      INTEGER NOT NULL,
    name     TEXT NOT NULL,
    role     TEXT,
    mentions INTEGER NOT NULL,
    -- JSON arrays of strings.
    aliases  TEXT NOT NULL,
    quotes   TEXT NOT NULL,
    PRIMARY KEY (article, ord)
) WITHOUT ROWID;
CREATE INDEX people_by_name ON people (name COLLATE NOCASE, article);

-- Contentless: the text lives once, in `articles`; snippets are made from it in Rust. `cjk`
-- holds the overlapping two-character pieces of every Korean, Chinese or Japanese run, so a
-- word is found inside a longer run; `people` the names, separated by a token nobody types.
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, deck, byline, body, credits, place, agency, people, cjk,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);
