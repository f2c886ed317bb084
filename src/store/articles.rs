//! Adding articles, reading one back whole, and its reading state.

use std::collections::HashMap;

use rusqlite::{OptionalExtension as _, Row, TransactionBehavior, params};

use super::error::Result;
use super::sqlite::SqliteStore;
use super::text::{NAME_SEPARATOR, push_cjk_pairs};
use super::{ArticleState, HeadersCursor, HeadersPage, NewArticle, Position, StoredArticle, UpsertReport};
use crate::article::{Article, ArticleId, Dateline};
use crate::people::Person;

pub(crate) fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// The columns of the full-text index for one article, in the table's order.
pub(super) struct IndexText {
    pub(super) body: String,
    pub(super) credits: String,
    pub(super) people: String,
    pub(super) cjk: String,
}

impl IndexText {
    pub(super) fn new(article: &Article, people: &[Person]) -> Self {
        let body = article.paragraphs.join("\n");
        let credits = article.credits.join("\n");
        let people = people.iter().map(|p| p.name.as_str()).collect::<Vec<_>>().join(NAME_SEPARATOR);
        let mut cjk = String::new();
        for text in [Some(article.title.as_str()), article.deck.as_deref(), article.byline.as_deref()]
            .into_iter()
            .flatten()
            .chain([body.as_str(), credits.as_str(), people.as_str()])
        {
            push_cjk_pairs(text, &mut cjk);
        }
        Self { body, credits, people, cjk }
    }
}

impl SqliteStore {
    pub(crate) fn known_hashes_impl(&self, ids: &[ArticleId]) -> Result<HashMap<ArticleId, String>> {
        let mut stmt = self.conn.prepare_cached("SELECT hash FROM articles WHERE id = ?1").map_err(|e| self.err(e))?;
        let mut out = HashMap::new();
        for id in ids {
            let hash: Option<String> =
                stmt.query_row([id.as_str()], |r| r.get(0)).optional().map_err(|e| self.err(e))?;
            if let Some(hash) = hash {
                out.insert(id.clone(), hash);
            }
        }
        Ok(out)
    }

    pub(crate) fn upsert_impl(&mut self, batch: &[NewArticle<'_>]) -> Result<UpsertReport> {
        let now = unix_now();
        let path = self.path.clone();
        let err = |e| super::StoreError::from_sqlite(e, &path);
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(err)?;
        let mut report = UpsertReport::default();
        // Only a library opened at an older schema (a migration's test builds one) lacks them.
        let persons = tx.prepare_cached("SELECT 1 FROM person_mentions LIMIT 0").is_ok();
        {
            let mut find = tx.prepare_cached("SELECT key, hash FROM articles WHERE id = ?1").map_err(err)?;
            let mut insert = tx
                .prepare_cached(
                    "INSERT INTO articles (id, hash, source, feed_id, title, deck, place, date_text, agency, \
                     byline, rights, link, published, added, sort_date) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, COALESCE(?15, ?13, ?14))",
                )
                .map_err(err)?;
            let mut update = tx
                .prepare_cached(
                    "UPDATE articles SET hash = ?2, source = ?3, feed_id = ?4, title = ?5, deck = ?6, \
                     place = ?7, date_text = ?8, agency = ?9, byline = ?10, rights = ?11, link = ?12, \
                     published = ?13, sort_date = COALESCE(?14, ?13, added) WHERE key = ?1",
                )
                .map_err(err)?;
            let mut new_state = tx.prepare_cached("INSERT INTO article_state (article) VALUES (?1)").map_err(err)?;
            let mut put_text = tx
                .prepare_cached(
                    "INSERT INTO article_text (article, paragraphs, credits) VALUES (?1, ?2, ?3) \
                     ON CONFLICT (article) DO UPDATE SET paragraphs = excluded.paragraphs, credits = excluded.credits",
                )
                .map_err(err)?;
            let mut drop_people = tx.prepare_cached("DELETE FROM people WHERE article = ?1").map_err(err)?;
            let mut add_person = tx
                .prepare_cached(
                    "INSERT INTO people (article, ord, name, role, mentions, aliases, quotes) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                )
                .map_err(err)?;
            // The index is written after every other row of the batch (see `write_index`).
            let mut indexed: Vec<(i64, bool, &NewArticle<'_>)> = Vec::with_capacity(batch.len());
            for new in batch {
                let a = new.article;
                let stored: Option<(i64, String)> =
                    find.query_row([a.id.as_str()], |r| Ok((r.get(0)?, r.get(1)?))).optional().map_err(err)?;
                if stored.as_ref().is_some_and(|(_, hash)| *hash == a.hash) {
                    report.unchanged += 1;
                    continue;
                }
                let dateline = a.dateline.as_ref();
                let place = dateline.and_then(|d| d.place.as_deref());
                let agency = dateline.and_then(|d| d.agency.as_deref());
                let date_text = dateline.and_then(|d| d.date.as_deref());
                let paragraphs = values_json(&a.paragraphs, &path)?;
                if stored.is_none() && bundled_copy(&tx, a, &paragraphs).map_err(err)? {
                    report.unchanged += 1;
                    continue;
                }
                let credits = values_json(&a.credits, &path)?;
                let replaced = stored.is_some();
                let key = if let Some((key, _)) = stored {
                    update
                        .execute(params![
                            key,
                            a.hash,
                            a.path,
                            new.feed,
                            a.title,
                            a.deck,
                            place,
                            date_text,
                            agency,
                            a.byline,
                            a.rights,
                            new.link,
                            new.published,
                            new.date,
                        ])
                        .map_err(err)?;
                    drop_people.execute([key]).map_err(err)?;
                    report.updated += 1;
                    key
                } else {
                    insert
                        .execute(params![
                            a.id.as_str(),
                            a.hash,
                            a.path,
                            new.feed,
                            a.title,
                            a.deck,
                            place,
                            date_text,
                            agency,
                            a.byline,
                            a.rights,
                            new.link,
                            new.published,
                            now,
                            new.date,
                        ])
                        .map_err(err)?;
                    let key = tx.last_insert_rowid();
                    new_state.execute([key]).map_err(err)?;
                    report.added += 1;
                    key
                };
                put_text.execute(params![key, paragraphs, credits]).map_err(err)?;
                for (ord, p) in new.people.iter().enumerate() {
                    add_person
                        .execute(params![
                            key,
                            i64::try_from(ord).unwrap_or(i64::MAX),
                            p.name,
                            p.role,
                            i64::try_from(p.mentions).unwrap_or(i64::MAX),
                            values_json(&p.aliases, &path)?,
                            values_json(&p.quotes, &path)?,
                        ])
                        .map_err(err)?;
                }
                if persons {
                    super::persons::record(&tx, key, a, new.people).map_err(err)?;
                }
                indexed.push((key, replaced, new));
            }
            write_index(&tx, &indexed).map_err(err)?;
        }
        tx.commit().map_err(err)?;
        Ok(report)
    }

    pub(crate) fn article_impl(&self, id: &ArticleId) -> Result<Option<StoredArticle>> {
        let found = self
            .conn
            .prepare_cached(
                "SELECT a.key, a.hash, a.source, a.feed_id, a.title, a.deck, a.place, a.date_text, a.agency, \
                 a.byline, t.paragraphs, t.credits, a.rights, a.link, a.published, a.added, a.sort_date, \
                 s.read, s.starred, s.deleted, s.scroll_block, s.scroll_offset, s.last_search \
                 FROM articles a JOIN article_state s ON s.article = a.key JOIN article_text t ON t.article = a.key \
                 WHERE a.id = ?1",
            )
            .and_then(|mut stmt| stmt.query_row([id.as_str()], |r| stored_row(r, id)).optional())
            .map_err(|e| self.err(e))?;
        let Some((key, mut stored, paragraphs, credits)) = found else { return Ok(None) };
        stored.article.paragraphs = serde_json::from_str(&paragraphs).map_err(|e| self.json_err(e))?;
        stored.article.credits = serde_json::from_str(&credits).map_err(|e| self.json_err(e))?;
        self.with_full_text(&mut stored.article)?;
        let mut stmt = self
            .conn
            .prepare_cached("SELECT name, role, mentions, aliases, quotes FROM people WHERE article = ?1 ORDER BY ord")
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([key], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                ))
            })
            .map_err(|e| self.err(e))?;
        for row in rows {
            let (name, role, mentions, aliases, quotes) = row.map_err(|e| self.err(e))?;
            stored.people.push(Person {
                name,
                role,
                mentions: usize::try_from(mentions).unwrap_or(0),
                aliases: serde_json::from_str(&aliases).map_err(|e| self.json_err(e))?,
                quotes: serde_json::from_str(&quotes).map_err(|e| self.json_err(e))?,
            });
        }
        Ok(Some(stored))
    }

    /// A page of [`SqliteStore::all_headers_impl`]: `limit` articles after `after` (the sorting
    /// date and key of the last one of the page before; `None`: from the first), and where the
    /// next page starts (`None`: this was the last).
    pub(crate) fn headers_page_impl(&self, after: Option<HeadersCursor>, limit: usize) -> Result<HeadersPage> {
        self.headers_after(after, limit, limit)
    }

    /// [`SqliteStore::headers_page_impl`] into a list with room for `room` articles at first.
    fn headers_after(&self, after: Option<HeadersCursor>, limit: usize, room: usize) -> Result<HeadersPage> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "{HEADERS} WHERE s.deleted = 0 AND (a.sort_date, a.key) > (?1, ?2) \
                 ORDER BY a.sort_date ASC, a.key ASC LIMIT ?3"
            ))
            .map_err(|e| self.err(e))?;
        let HeadersCursor { date, key } = after.unwrap_or(HeadersCursor { date: i64::MIN, key: i64::MIN });
        let mut articles = Vec::with_capacity(room);
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let rows = stmt
            .query_map(params![date, key, limit], |r| {
                let id = ArticleId::from_stored(r.get::<_, String>(23)?);
                Ok((r.get::<_, i64>(0)?, header_row(r, &id)?))
            })
            .map_err(|e| self.err(e))?;
        let mut last = None;
        for row in rows {
            let (key, stored) = row.map_err(|e| self.err(e))?;
            last = Some(HeadersCursor { date: stored.date, key });
            articles.push(stored);
        }
        let next = if i64::try_from(articles.len()).unwrap_or(i64::MAX) < limit { None } else { last };
        Ok(HeadersPage { articles, next })
    }

    /// [`SqliteStore::all_headers_impl`]'s articles of `ids`, those the library has, in that order.
    pub(crate) fn headers_of_impl(&self, ids: &[ArticleId]) -> Result<Vec<StoredArticle>> {
        let mut stmt = self.conn.prepare_cached(&format!("{HEADERS} WHERE a.id = ?1")).map_err(|e| self.err(e))?;
        let mut found = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(stored) =
                stmt.query_row([id.as_str()], |r| header_row(r, id)).optional().map_err(|e| self.err(e))?
            {
                found.push(stored);
            }
        }
        Ok(found)
    }

    /// Every article not deleted, oldest first, with what the list needs and its state: no
    /// text, no people (see [`Article::text_in_library`]). One pass over two narrow tables.
    pub(crate) fn all_headers_impl(&self) -> Result<Vec<StoredArticle>> {
        // Sized once: growing by doubling would hold two copies of a big library at a time.
        let room = self.counts_impl()?.total;
        Ok(self.headers_after(None, usize::MAX, room)?.articles)
    }

    /// Every article not deleted, oldest first (as `articles_page` orders them), with its people,
    /// state and full text: three passes over the tables instead of three lookups an article.
    pub(crate) fn all_articles_impl(&self) -> Result<Vec<StoredArticle>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT a.key, a.hash, a.source, a.feed_id, a.title, a.deck, a.place, a.date_text, a.agency, \
                 a.byline, t.paragraphs, t.credits, a.rights, a.link, a.published, a.added, a.sort_date, \
                 s.read, s.starred, s.deleted, s.scroll_block, s.scroll_offset, s.last_search, a.id \
                 FROM articles a JOIN article_state s ON s.article = a.key JOIN article_text t ON t.article = a.key \
                 WHERE s.deleted = 0 ORDER BY a.sort_date ASC, a.key ASC",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| {
                let id = ArticleId::from_stored(r.get::<_, String>(23)?);
                stored_row(r, &id)
            })
            .map_err(|e| self.err(e))?;
        let mut all = Vec::new();
        let mut at: HashMap<i64, usize> = HashMap::new();
        for row in rows {
            let (key, mut stored, paragraphs, credits) = row.map_err(|e| self.err(e))?;
            stored.article.paragraphs = serde_json::from_str(&paragraphs).map_err(|e| self.json_err(e))?;
            stored.article.credits = serde_json::from_str(&credits).map_err(|e| self.json_err(e))?;
            at.insert(key, all.len());
            all.push(stored);
        }
        let mut stmt = self
            .conn
            .prepare("SELECT article, name, role, mentions, aliases, quotes FROM people ORDER BY article, ord")
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, i64>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, String>(5)?,
                ))
            })
            .map_err(|e| self.err(e))?;
        for row in rows {
            let (key, name, role, mentions, aliases, quotes) = row.map_err(|e| self.err(e))?;
            // People of a deleted article are passed over.
            let Some(&i) = at.get(&key) else { continue };
            all[i].people.push(Person {
                name,
                role,
                mentions: usize::try_from(mentions).unwrap_or(0),
                aliases: serde_json::from_str(&aliases).map_err(|e| self.json_err(e))?,
                quotes: serde_json::from_str(&quotes).map_err(|e| self.json_err(e))?,
            });
        }
        if self.has_full_texts()? {
            for stored in &mut all {
                self.with_full_text(&mut stored.article)?;
            }
        }
        Ok(all)
    }

    pub(crate) fn state_impl(&self, id: &ArticleId) -> Result<Option<ArticleState>> {
        self.conn
            .prepare_cached(
                "SELECT s.read, s.starred, s.deleted, s.scroll_block, s.scroll_offset, s.last_search \
                 FROM articles a JOIN article_state s ON s.article = a.key WHERE a.id = ?1",
            )
            .and_then(|mut stmt| stmt.query_row([id.as_str()], |r| state_from(r, 0)).optional())
            .map_err(|e| self.err(e))
    }

    /// Sets one state column for each of `ids` in one transaction; the count of those found.
    pub(crate) fn set_state(
        &mut self,
        ids: &[ArticleId],
        column: StateColumn,
        value: &dyn rusqlite::ToSql,
    ) -> Result<usize> {
        let path = self.path.clone();
        let err = |e| super::StoreError::from_sqlite(e, &path);
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(err)?;
        let mut changed = 0;
        {
            let sql = format!(
                "UPDATE article_state SET {} = ?1 WHERE article = (SELECT key FROM articles WHERE id = ?2)",
                column.name()
            );
            let mut stmt = tx.prepare_cached(&sql).map_err(err)?;
            for id in ids {
                changed += stmt.execute(params![value, id.as_str()]).map_err(err)?;
            }
        }
        tx.commit().map_err(err)?;
        Ok(changed)
    }

    pub(crate) fn set_position_impl(&mut self, id: &ArticleId, position: Position) -> Result<bool> {
        self.conn
            .prepare_cached(
                "UPDATE article_state SET scroll_block = ?1, scroll_offset = ?2 \
                 WHERE article = (SELECT key FROM articles WHERE id = ?3)",
            )
            .and_then(|mut s| s.execute(params![position.block, position.offset, id.as_str()]))
            .map(|n| n > 0)
            .map_err(|e| self.err(e))
    }
}

/// Writes the full-text index rows of a batch, after its other rows. Any statement that may
/// need undoing on its own (one that fires a trigger, as `person_mentions` does) opens a
/// savepoint, and FTS5 writes its pending terms to disk at every savepoint once it is in the
/// transaction: indexing each article between the others' rows made a segment per article,
/// and then merged them. Written last, the batch's terms stay in memory and go to disk in a
/// few large segments.
fn write_index(tx: &rusqlite::Transaction<'_>, indexed: &[(i64, bool, &NewArticle<'_>)]) -> rusqlite::Result<()> {
    let mut drop_index = tx.prepare_cached("DELETE FROM articles_fts WHERE rowid = ?1")?;
    for &(key, replaced, new) in indexed {
        if replaced {
            drop_index.execute([key])?;
        }
        index_row(tx, key, new.article, new.people)?;
    }
    Ok(())
}

/// Writes article `key`'s row of the full-text index: its text as [`IndexText`] makes it.
pub(super) fn index_row(conn: &rusqlite::Connection, key: i64, a: &Article, people: &[Person]) -> rusqlite::Result<()> {
    let dateline = a.dateline.as_ref();
    let text = IndexText::new(a, people);
    conn.prepare_cached(
        "INSERT INTO articles_fts (rowid, title, deck, byline, body, credits, place, agency, people, cjk) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        key,
        a.title,
        a.deck,
        a.byline,
        text.body,
        text.credits,
        dateline.and_then(|d| d.place.as_deref()),
        dateline.and_then(|d| d.agency.as_deref()),
        text.people,
        text.cjk
    ])?;
    Ok(())
}

/// The state columns a caller may set, so no column name comes from outside.
#[derive(Debug, Clone, Copy)]
pub(crate) enum StateColumn {
    Read,
    Starred,
    Deleted,
    LastSearch,
}

impl StateColumn {
    fn name(self) -> &'static str {
        match self {
            Self::Read => "read",
            Self::Starred => "starred",
            Self::Deleted => "deleted",
            Self::LastSearch => "last_search",
        }
    }
}

fn values_json(values: &[String], path: &std::path::Path) -> Result<String> {
    serde_json::to_string(values).map_err(|e| self_json(path, e))
}

fn self_json(path: &std::path::Path, source: serde_json::Error) -> super::StoreError {
    super::StoreError::Json { path: path.to_path_buf(), source }
}

fn state_from(r: &Row<'_>, at: usize) -> rusqlite::Result<ArticleState> {
    Ok(ArticleState {
        read: r.get(at)?,
        starred: r.get(at + 1)?,
        deleted: r.get(at + 2)?,
        position: Position { block: r.get(at + 3)?, offset: r.get(at + 4)? },
        last_search: r.get(at + 5)?,
    })
}

type StoredParts = (i64, StoredArticle, String, String);

/// Whether `a`, new to the library, is one of the bundled stories it has already under another
/// id, so it is not listed twice: a file holding a bundled story's very text takes over the
/// bundled article (its state moves with it, under the file's id, which is what the reader shows
/// when given that file); a bundled story added to a library that has it from a file is left out.
/// Hash, headline and paragraphs must all be the same, so no file can stand in for another text.
fn bundled_copy(tx: &rusqlite::Transaction<'_>, a: &Article, paragraphs: &str) -> rusqlite::Result<bool> {
    // CROSS JOIN keeps SQLite on the narrow table first: the texts are read only for a match.
    const SAME_TEXT: &str = "SELECT a.key FROM articles a CROSS JOIN article_text t ON t.article = a.key \
         WHERE a.hash = ?1 AND a.title = ?2 AND t.paragraphs = ?3";
    if a.id.as_str().starts_with(BUNDLED) {
        // Once per library, at its first run: the scan of the hashes is of a young library.
        let found: Option<i64> = tx
            .prepare_cached(&format!("{SAME_TEXT} AND a.id <> ?4 LIMIT 1"))?
            .query_row(params![a.hash, a.title, paragraphs, a.id.as_str()], |r| r.get(0))
            .optional()?;
        return Ok(found.is_some());
    }
    // Only a text with a bundled story's hash is looked for (two hashes, known here): adding
    // thousands of files never scans the library.
    if !bundled_hashes().contains(&a.hash) {
        return Ok(false);
    }
    let found: Option<i64> = tx
        .prepare_cached(&format!("{SAME_TEXT} AND a.id LIKE 'bundled:%' LIMIT 1"))?
        .query_row(params![a.hash, a.title, paragraphs], |r| r.get(0))
        .optional()?;
    let Some(key) = found else { return Ok(false) };
    tx.prepare_cached("UPDATE articles SET id = ?2, source = ?3 WHERE key = ?1")?.execute(params![
        key,
        a.id.as_str(),
        a.path
    ])?;
    Ok(true)
}

/// How a bundled story's id begins (see [`crate::article::ArticleId`]).
const BUNDLED: &str = "bundled:";

/// The hashes of the bundled stories' texts.
fn bundled_hashes() -> &'static [String] {
    static HASHES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    HASHES.get_or_init(|| crate::article::load_bundled().articles.into_iter().map(|a| a.hash).collect())
}

/// What the list shows of an article, and its state, as [`header_row`] reads it (what it leaves
/// out is NULL or empty, in [`stored_row`]'s places); the id last.
const HEADERS: &str = "SELECT a.key, '', a.source, a.feed_id, a.title, NULL, a.place, NULL, a.agency, \
     NULL, '', '', NULL, a.link, a.published, a.added, a.sort_date, \
     s.read, s.starred, s.deleted, s.scroll_block, s.scroll_offset, s.last_search, a.id \
     FROM articles a JOIN article_state s ON s.article = a.key";

/// A row of [`SqliteStore::all_headers_impl`]: [`stored_row`] with only what the list shows
/// (headline, place, agency, dates, link, source path): no hash, deck, byline, rights or text,
/// which come with the article when it is shown. Every byte counts a hundred thousand times.
fn header_row(r: &Row<'_>, id: &ArticleId) -> rusqlite::Result<StoredArticle> {
    let (_, mut stored, _, _) = stored_row(r, id)?;
    stored.article.text_in_library = true;
    // The article's own is the one used; not kept twice for every article of a big library.
    stored.link = None;
    Ok(stored)
}

fn stored_row(r: &Row<'_>, id: &ArticleId) -> rusqlite::Result<StoredParts> {
    let place: Option<String> = r.get(6)?;
    let date: Option<String> = r.get(7)?;
    let agency: Option<String> = r.get(8)?;
    let dateline = (place.is_some() || date.is_some() || agency.is_some()).then_some(Dateline { place, date, agency });
    let article = Article {
        id: id.clone(),
        hash: r.get(1)?,
        path: r.get(2)?,
        title: r.get(4)?,
        deck: r.get(5)?,
        dateline,
        byline: r.get(9)?,
        paragraphs: Vec::new(),
        credits: Vec::new(),
        rights: r.get(12)?,
        // The date the list sorts by: a feed item's date, or the dateline's.
        published: r.get(16)?,
        link: r.get(13)?,
        source: None,
        links: Vec::new(),
        text_in_library: false,
    };
    let stored = StoredArticle {
        article,
        people: Vec::new(),
        feed: r.get(3)?,
        link: r.get(13)?,
        published: r.get(14)?,
        added: r.get(15)?,
        date: r.get(16)?,
        state: state_from(r, 17)?,
    };
    Ok((r.get(0)?, stored, r.get(10)?, r.get(11)?))
}
