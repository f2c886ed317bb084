//! Feeds in the library: one row per subscribed URL with what the server said last time (its
//! validators, where it moved), retention, and finding a feed item again by guid or link.
//!
//! The articles of a feed are added with [`super::Store::upsert`] and [`super::NewArticle::feed`];
//! this is the rest of what fetching needs.

use rusqlite::{OptionalExtension as _, TransactionBehavior, params};

use super::FeedId;
use super::articles::unix_now;
use super::error::Result;
use super::sqlite::SqliteStore;
use crate::article::ArticleId;

/// A feed as the library remembers it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoredFeed {
    pub id: FeedId,
    pub url: String,
    pub title: Option<String>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    /// Where a permanent redirect sent it, to fetch from instead of `url`.
    pub moved_to: Option<String>,
}

/// What to drop from a feed: the oldest items past `max_items`, and items dated before
/// `older_than` (unix seconds). Starred items are never dropped.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Retention {
    pub max_items: Option<usize>,
    pub older_than: Option<i64>,
}

impl SqliteStore {
    /// The feed subscribed as `url`, added when the library does not know it yet.
    ///
    /// # Errors
    /// A [`super::StoreError`].
    pub fn feed_or_add(&mut self, url: &str) -> Result<StoredFeed> {
        self.conn
            .execute(
                "INSERT INTO feeds (url, added) VALUES (?1, ?2) ON CONFLICT (url) DO NOTHING",
                params![url, unix_now()],
            )
            .map_err(|e| self.err(e))?;
        self.feed(url)?.ok_or_else(|| super::StoreError::CannotOpen {
            path: self.path.clone(),
            reason: format!("the feed {url} vanished as it was added"),
        })
    }

    /// The feed subscribed as `url`, if the library has it.
    ///
    /// # Errors
    /// A [`super::StoreError`].
    pub fn feed(&self, url: &str) -> Result<Option<StoredFeed>> {
        self.conn
            .query_row("SELECT id, url, title, etag, last_modified, moved_to FROM feeds WHERE url = ?1", [url], |r| {
                Ok(StoredFeed {
                    id: r.get(0)?,
                    url: r.get(1)?,
                    title: r.get(2)?,
                    etag: r.get(3)?,
                    last_modified: r.get(4)?,
                    moved_to: r.get(5)?,
                })
            })
            .optional()
            .map_err(|e| self.err(e))
    }

    /// Records a successful fetch: the feed's title and the validators to send next time (`None`
    /// clears one the server no longer gives).
    ///
    /// # Errors
    /// A [`super::StoreError`].
    pub fn set_feed_fetched(
        &mut self,
        id: FeedId,
        title: Option<&str>,
        etag: Option<&str>,
        last_modified: Option<&str>,
    ) -> Result<()> {
        self.conn
            .execute(
                "UPDATE feeds SET title = COALESCE(?2, title), etag = ?3, last_modified = ?4 WHERE id = ?1",
                params![id, title, etag, last_modified],
            )
            .map(drop)
            .map_err(|e| self.err(e))
    }

    /// Remembers that the feed moved permanently to `to`.
    ///
    /// # Errors
    /// A [`super::StoreError`].
    pub fn set_feed_moved(&mut self, id: FeedId, to: &str) -> Result<()> {
        self.conn
            .execute("UPDATE feeds SET moved_to = ?2 WHERE id = ?1", params![id, to])
            .map(drop)
            .map_err(|e| self.err(e))
    }

    /// Drops the feed's items that `retention` says to, in one transaction, starred ones never;
    /// returns how many went.
    ///
    /// # Errors
    /// A [`super::StoreError`]; nothing is dropped then.
    pub fn prune_feed(&mut self, id: FeedId, retention: Retention) -> Result<usize> {
        if retention.max_items.is_none() && retention.older_than.is_none() {
            return Ok(0);
        }
        let path = self.path.clone();
        let err = |e| super::StoreError::from_sqlite(e, &path);
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(err)?;
        let doomed: Vec<i64> = {
            // Newest first; the rank counts every item, starred ones too, so `max-items` is the
            // most the feed keeps beyond its starred items' place in the order.
            let mut stmt = tx
                .prepare(
                    "SELECT a.key, a.sort_date, COALESCE(s.starred, 0) FROM articles a \
                     LEFT JOIN article_state s ON s.article = a.key \
                     WHERE a.feed_id = ?1 ORDER BY a.sort_date DESC, a.key DESC",
                )
                .map_err(err)?;
            let rows = stmt
                .query_map([id], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?, r.get::<_, bool>(2)?)))
                .map_err(err)?;
            let mut doomed = Vec::new();
            for (rank, row) in rows.enumerate() {
                let (key, date, starred) = row.map_err(err)?;
                let too_many = retention.max_items.is_some_and(|max| rank >= max);
                let too_old = retention.older_than.is_some_and(|cutoff| date < cutoff);
                if !starred && (too_many || too_old) {
                    doomed.push(key);
                }
            }
            doomed
        };
        {
            // The index is contentless: its rows go by hand; the rest follows the article.
            let mut unindex = tx.prepare_cached("DELETE FROM articles_fts WHERE rowid = ?1").map_err(err)?;
            let mut delete = tx.prepare_cached("DELETE FROM articles WHERE key = ?1").map_err(err)?;
            for key in &doomed {
                unindex.execute([key]).map_err(err)?;
                delete.execute([key]).map_err(err)?;
            }
        }
        tx.commit().map_err(err)?;
        Ok(doomed.len())
    }

    /// The stored article that is `id` (a feed item's id), else the first whose link is `link`.
    ///
    /// # Errors
    /// A [`super::StoreError`].
    pub fn find_item(&self, id: Option<&ArticleId>, link: Option<&str>) -> Result<Option<ArticleId>> {
        if let Some(id) = id {
            let found: Option<String> = self
                .conn
                .prepare_cached("SELECT id FROM articles WHERE id = ?1")
                .and_then(|mut s| s.query_row([id.as_str()], |r| r.get(0)).optional())
                .map_err(|e| self.err(e))?;
            if let Some(found) = found {
                return Ok(Some(ArticleId::from_stored(found)));
            }
        }
        let Some(link) = link.filter(|l| !l.is_empty()) else { return Ok(None) };
        let found: Option<String> = self
            .conn
            .prepare_cached("SELECT id FROM articles WHERE link = ?1 ORDER BY key LIMIT 1")
            .and_then(|mut s| s.query_row([link], |r| r.get(0)).optional())
            .map_err(|e| self.err(e))?;
        Ok(found.map(ArticleId::from_stored))
    }
}

#[cfg(test)]
#[path = "tests_feeds.rs"]
mod tests;
