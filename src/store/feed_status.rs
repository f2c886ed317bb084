//! How each feed stands, for the reader's feeds view: what its last fetch said (kept by
//! [`SqliteStore::set_feed_outcome`]) and which articles are its, with their read state.

use rusqlite::params;

use super::FeedId;
use super::articles::unix_now;
use super::error::Result;
use super::sqlite::SqliteStore;
use crate::article::ArticleId;

/// A feed as the feeds view lists it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedStatus {
    pub id: FeedId,
    pub url: String,
    pub title: Option<String>,
    /// Why the last fetch failed, in words; `None` when it worked (or never ran).
    pub last_error: Option<String>,
    /// When it was last fetched (unix seconds), failed or not.
    pub last_fetched: Option<i64>,
    /// Its articles (deleted ones left out), each with whether it has been read.
    pub articles: Vec<(ArticleId, bool)>,
}

impl SqliteStore {
    /// Records how a fetch of the feed went: `error` is the failure in words, `None` a success.
    ///
    /// # Errors
    /// A [`super::StoreError`].
    pub fn set_feed_outcome(&mut self, id: FeedId, error: Option<&str>) -> Result<()> {
        self.conn
            .execute(
                "UPDATE feeds SET last_error = ?2, last_fetched = ?3 WHERE id = ?1",
                params![id, error, unix_now()],
            )
            .map(drop)
            .map_err(|e| self.err(e))
    }

    pub(super) fn feed_statuses_impl(&self) -> Result<Vec<FeedStatus>> {
        let mut feeds: Vec<FeedStatus> = {
            let mut stmt = self
                .conn
                .prepare_cached("SELECT id, url, title, last_error, last_fetched FROM feeds ORDER BY id")
                .map_err(|e| self.err(e))?;
            let rows = stmt
                .query_map([], |r| {
                    Ok(FeedStatus {
                        id: r.get(0)?,
                        url: r.get(1)?,
                        title: r.get(2)?,
                        last_error: r.get(3)?,
                        last_fetched: r.get(4)?,
                        articles: Vec::new(),
                    })
                })
                .map_err(|e| self.err(e))?;
            rows.collect::<rusqlite::Result<_>>().map_err(|e| self.err(e))?
        };
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT a.feed_id, a.id, COALESCE(s.read, 0) FROM articles a \
                 LEFT JOIN article_state s ON s.article = a.key \
                 WHERE a.feed_id IS NOT NULL AND COALESCE(s.deleted, 0) = 0 ORDER BY a.feed_id, a.key",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, FeedId>(0)?, r.get::<_, String>(1)?, r.get::<_, bool>(2)?)))
            .map_err(|e| self.err(e))?;
        for row in rows {
            let (feed, id, read) = row.map_err(|e| self.err(e))?;
            if let Ok(at) = feeds.binary_search_by_key(&feed, |f| f.id) {
                feeds[at].articles.push((ArticleId::from_stored(id), read));
            }
        }
        Ok(feeds)
    }
}

#[cfg(test)]
mod tests {
    use crate::article::parse;
    use crate::store::{NewArticle, SqliteStore, Store as _};

    #[test]
    fn a_feed_lists_its_articles_with_read_state_and_keeps_its_last_error_until_a_success() {
        let mut store = SqliteStore::in_memory().expect("a library");
        let feed = store.feed_or_add("http://127.0.0.1:1/a.xml").expect("added");
        let other = store.feed_or_add("http://127.0.0.1:1/b.xml").expect("added");
        let mut a = parse("One\n\nSEOUL (Yonhap) -- One.\n", "a");
        a.id = crate::article::ArticleId::from_stored("item-a".into());
        let mut b = parse("Two\n\nSEOUL (Yonhap) -- Two.\n", "b");
        b.id = crate::article::ArticleId::from_stored("item-b".into());
        let batch: Vec<NewArticle<'_>> =
            [&a, &b].iter().map(|x| NewArticle { feed: Some(feed.id), ..NewArticle::new(x, &[], None) }).collect();
        store.upsert(&batch).expect("stored");
        store.set_read(std::slice::from_ref(&a.id), true).expect("marked");
        store.set_feed_outcome(other.id, Some("HTTP 404")).expect("kept");

        let statuses = store.feed_statuses().expect("listed");
        assert_eq!(statuses.len(), 2);
        assert_eq!(statuses[0].articles, vec![(a.id.clone(), true), (b.id.clone(), false)]);
        assert_eq!(statuses[0].last_error, None);
        assert_eq!(statuses[1].last_error.as_deref(), Some("HTTP 404"));
        assert!(statuses[1].last_fetched.is_some() && statuses[1].articles.is_empty());

        store.set_deleted(std::slice::from_ref(&b.id), true).expect("deleted");
        store.set_feed_outcome(other.id, None).expect("kept");
        let statuses = store.feed_statuses().expect("listed");
        assert_eq!(statuses[0].articles, vec![(a.id, true)]);
        assert_eq!(statuses[1].last_error, None, "a success clears the error");
    }
}
