-- One person across articles. `people` keeps what each article says; `persons` is who that is
-- across the library, found through `person_names`, and `person_mentions` what one article says
-- of one person (several entries of an article for the same person made one). The counts in
-- `persons` are kept up to date by the triggers below, so the people list never groups the
-- mentions: `articles`, `mentions` and `unread` leave out deleted articles; `cited` counts the
-- articles naming them other than as writer or credited reporter (all of them), for association
-- scores.

CREATE TABLE persons (
    id        INTEGER PRIMARY KEY,
    name      TEXT NOT NULL,
    articles  INTEGER NOT NULL DEFAULT 0,
    mentions  INTEGER NOT NULL DEFAULT 0,
    unread    INTEGER NOT NULL DEFAULT 0,
    cited     INTEGER NOT NULL DEFAULT 0,
    last_date INTEGER
);
CREATE INDEX persons_by_articles ON persons (articles, id);
CREATE INDEX persons_by_mentions ON persons (mentions, id);
CREATE INDEX persons_by_date ON persons (last_date, id);
CREATE INDEX persons_by_name ON persons (name COLLATE NOCASE, id);

-- `key` is a name folded (people::assoc::key). `exact`: seen as written (1), or the name without
-- its middle names (0), which joins only a name seen as written. `manual`: set by a merge or a
-- split, which the next article never undoes (keys are only ever added, never taken over).
CREATE TABLE person_names (
    key    TEXT PRIMARY KEY,
    person INTEGER NOT NULL REFERENCES persons(id),
    name   TEXT NOT NULL,
    exact  INTEGER NOT NULL,
    manual INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX person_names_by_person ON person_names (person);

CREATE TABLE person_mentions (
    person   INTEGER NOT NULL REFERENCES persons(id),
    article  INTEGER NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
    -- The article's sorting date, kept here so a person's timeline reads one index.
    date     INTEGER NOT NULL,
    -- The names the article uses for them, the first its main one (JSON array of strings).
    names    TEXT NOT NULL,
    role     TEXT,
    mentions INTEGER NOT NULL,
    quotes   TEXT NOT NULL,
    -- The byline writer or a credited reporter.
    writer   INTEGER NOT NULL,
    PRIMARY KEY (person, article)
) WITHOUT ROWID;
CREATE INDEX person_mentions_by_article ON person_mentions (article, writer, person);
CREATE INDEX person_mentions_by_date ON person_mentions (person, date);

CREATE TRIGGER person_mentions_added AFTER INSERT ON person_mentions BEGIN
    UPDATE persons SET
        articles = articles + IFNULL((SELECT deleted = 0 FROM article_state WHERE article = NEW.article), 1),
        mentions = mentions + NEW.mentions * IFNULL((SELECT deleted = 0 FROM article_state WHERE article = NEW.article), 1),
        unread = unread + IFNULL((SELECT deleted = 0 AND read = 0 FROM article_state WHERE article = NEW.article), 1),
        cited = cited + (NEW.writer = 0),
        last_date = max(IFNULL(last_date, NEW.date), NEW.date)
    WHERE id = NEW.person;
END;

CREATE TRIGGER person_mentions_removed AFTER DELETE ON person_mentions BEGIN
    UPDATE persons SET
        articles = articles - IFNULL((SELECT deleted = 0 FROM article_state WHERE article = OLD.article), 1),
        mentions = mentions - OLD.mentions * IFNULL((SELECT deleted = 0 FROM article_state WHERE article = OLD.article), 1),
        unread = unread - IFNULL((SELECT deleted = 0 AND read = 0 FROM article_state WHERE article = OLD.article), 1),
        cited = cited - (OLD.writer = 0),
        last_date = (SELECT max(date) FROM person_mentions WHERE person = OLD.person)
    WHERE id = OLD.person;
END;

CREATE TRIGGER person_mentions_state AFTER UPDATE OF read, deleted ON article_state
WHEN OLD.read != NEW.read OR OLD.deleted != NEW.deleted BEGIN
    UPDATE persons SET
        articles = articles + ((NEW.deleted = 0) - (OLD.deleted = 0)),
        mentions = mentions + ((NEW.deleted = 0) - (OLD.deleted = 0))
            * (SELECT m.mentions FROM person_mentions m WHERE m.person = persons.id AND m.article = NEW.article),
        unread = unread + ((NEW.deleted = 0 AND NEW.read = 0) - (OLD.deleted = 0 AND OLD.read = 0))
    WHERE id IN (SELECT person FROM person_mentions WHERE article = NEW.article);
END;
