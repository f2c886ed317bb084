//! Full texts: what a feed item's page holds, fetched once and kept apart from the item's own
//! text (see migration 005). An article read back from the library shows its full text.

use rusqlite::{OptionalExtension as _, TransactionBehavior, params};

use super::articles::unix_now;
use super::error::Result;
use super::sqlite::SqliteStore;
use crate::article::{Article, ArticleId};
use crate::sources::feed::FullText;

impl SqliteStore {
    pub(crate) fn full_text_impl(&self, id: &ArticleId) -> Result<Option<FullText>> {
        let row: Option<(String, String, Option<String>)> = self
            .conn
            .prepare_cached("SELECT paragraphs, links, byline FROM full_texts WHERE id = ?1")
            .and_then(|mut s| s.query_row([id.as_str()], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).optional())
            .map_err(|e| self.err(e))?;
        let Some((paragraphs, links, byline)) = row else { return Ok(None) };
        Ok(Some(FullText {
            title: None,
            byline,
            paragraphs: serde_json::from_str(&paragraphs).map_err(|e| self.json_err(e))?,
            links: serde_json::from_str(&links).map_err(|e| self.json_err(e))?,
        }))
    }

    /// Keeps `text` for `id` and, when the library has that article, makes everything derived
    /// from its text follow: its people are found again in the full text (in place of the
    /// summary's) and stored with their persons, and its index row holds the full text, so a
    /// search finds what only the full text says. One transaction: all of it or none.
    pub(crate) fn set_full_text_impl(&mut self, id: &ArticleId, text: &FullText) -> Result<()> {
        let paragraphs = serde_json::to_string(&text.paragraphs).map_err(|e| self.json_err(e))?;
        let links = serde_json::to_string(&text.links).map_err(|e| self.json_err(e))?;
        // Unchecked: `article_impl` reads through the same connection inside the transaction
        // (it sees the full text just written); dropping `tx` without commit rolls back.
        let tx = rusqlite::Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)
            .map_err(|e| self.err(e))?;
        tx.prepare_cached(
            "INSERT INTO full_texts (id, paragraphs, links, byline, fetched) VALUES (?1, ?2, ?3, ?4, ?5) \
             ON CONFLICT (id) DO UPDATE SET paragraphs = excluded.paragraphs, links = excluded.links, \
             byline = excluded.byline, fetched = excluded.fetched",
        )
        .and_then(|mut s| s.execute(params![id.as_str(), paragraphs, links, text.byline, unix_now()]))
        .map_err(|e| self.err(e))?;
        self.derive_from_full_text(&tx, id)?;
        tx.commit().map_err(|e| self.err(e))
    }

    /// The people and index row of the stored article `id` found again in the text it shows
    /// (its full text in place), inside the caller's transaction `tx` on this connection.
    fn derive_from_full_text(&self, tx: &rusqlite::Connection, id: &ArticleId) -> Result<()> {
        let key: Option<i64> = tx
            .prepare_cached("SELECT key FROM articles WHERE id = ?1")
            .and_then(|mut s| s.query_row([id.as_str()], |r| r.get(0)).optional())
            .map_err(|e| self.err(e))?;
        if let Some(key) = key
            && let Some(stored) = self.article_impl(id)?
        {
            let people = crate::people::extract_with_mentions(&stored.article);
            super::derived::rewrite(tx, key, &stored.article, &people).map_err(|e| self.err(e))?;
        }
        Ok(())
    }

    /// Of `batch`, the articles that have a full text kept and that an upsert is about to store
    /// anew (new, or their hash changed): the upsert derives their people and index row from
    /// the item's own text, so [`Self::restore_full_texts`] derives them again afterwards.
    pub(crate) fn full_texts_to_restore(&self, batch: &[super::NewArticle<'_>]) -> Result<Vec<ArticleId>> {
        // Only a library opened at an older schema (a migration's test builds one) lacks them.
        let kept = self.conn.prepare_cached("SELECT 1 FROM full_texts LIMIT 0").is_ok();
        if !kept || !self.has_full_texts()? {
            return Ok(Vec::new());
        }
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT f.id IS NOT NULL AND (a.hash IS NULL OR a.hash != ?2) \
                 FROM (SELECT ?1 AS id) q LEFT JOIN full_texts f ON f.id = q.id LEFT JOIN articles a ON a.id = q.id",
            )
            .map_err(|e| self.err(e))?;
        let mut out = Vec::new();
        for new in batch {
            let a = new.article;
            let restore: bool =
                stmt.query_row(params![a.id.as_str(), a.hash], |r| r.get(0)).map_err(|e| self.err(e))?;
            if restore {
                out.push(a.id.clone());
            }
        }
        Ok(out)
    }

    /// After an upsert: the people and index row of each of `ids` from its kept full text.
    pub(crate) fn restore_full_texts(&mut self, ids: &[ArticleId]) -> Result<()> {
        if ids.is_empty() {
            return Ok(());
        }
        let tx = rusqlite::Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)
            .map_err(|e| self.err(e))?;
        for id in ids {
            self.derive_from_full_text(&tx, id)?;
        }
        tx.commit().map_err(|e| self.err(e))
    }

    /// Whether any full text is kept (most libraries have none: then nothing is looked up).
    pub(crate) fn has_full_texts(&self) -> Result<bool> {
        self.conn.query_row("SELECT EXISTS (SELECT 1 FROM full_texts)", [], |r| r.get(0)).map_err(|e| self.err(e))
    }

    /// `article` (read back from the library) with its full text in place of its own, when one
    /// is kept.
    pub(crate) fn with_full_text(&self, article: &mut Article) -> Result<()> {
        if let Some(text) = self.full_text_impl(&article.id)? {
            article.paragraphs = text.shown_paragraphs();
            article.links = text.links;
            if article.byline.is_none() {
                article.byline = text.byline;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::article::parse;
    use crate::sources::feed::FullText;
    use crate::store::{NewArticle, Order, PeopleSort, SqliteStore, Store, query};

    #[test]
    fn a_full_text_is_kept_shown_in_place_of_the_summary_and_survives_the_item_updating() {
        let mut store = SqliteStore::in_memory().unwrap();
        let mut item = parse("Headline\n\nA short summary.\n", "Feed");
        item.id = "feed:https://f.example/rss#1".into();
        item.hash = "a".into();
        store.upsert(&[NewArticle::new(&item, &[], None)]).unwrap();
        assert_eq!(store.full_text(&item.id).unwrap(), None);
        let text = FullText {
            title: None,
            byline: Some("Jo Smith".into()),
            paragraphs: vec!["The whole story.".into()],
            links: vec!["https://f.example/doc".into()],
        };
        store.set_full_text(&item.id, &text).unwrap();
        assert_eq!(store.full_text(&item.id).unwrap(), Some(text.clone()));
        // The feed is fetched again and its summary changed: the full text is still shown.
        item.paragraphs = vec!["A new summary.".into()];
        item.hash = "b".into();
        store.upsert(&[NewArticle::new(&item, &[], None)]).unwrap();
        let stored = store.article(&item.id).unwrap().unwrap().article;
        // What a search finds follows what is shown: the full text, not the new summary.
        assert_eq!(found(&store, "whole"), 1);
        assert_eq!(found(&store, "new"), 0);
        assert_eq!(stored.paragraphs, ["The whole story.", "Links:", "[1] https://f.example/doc"]);
        assert_eq!(stored.links, ["https://f.example/doc"]);
        assert_eq!(stored.byline.as_deref(), Some("Jo Smith"));
    }

    fn found(store: &SqliteStore, text: &str) -> usize {
        store.search(&query::parse(text).unwrap(), Order::Relevance, 50).unwrap().len()
    }

    #[test]
    fn the_full_text_replaces_the_summary_in_the_index_and_its_people_replace_the_summarys() {
        let mut store = SqliteStore::in_memory().unwrap();
        let mut item = parse(
            "Reservoir plan approved\n\nSEOUL, May 3 (Yonhap) -- President Moon Jae-in approved the plan.\n",
            "Feed",
        );
        item.id = "feed:https://f.example/rss#7".into();
        item.hash = "a".into();
        let people = crate::people::extract_with_mentions(&item);
        assert!(people.iter().any(|p| p.name == "Moon Jae-in"), "the summary names {people:?}");
        store.upsert(&[NewArticle::new(&item, &people, None)]).unwrap();
        assert_eq!(found(&store, "desalination"), 0);
        assert_eq!(found(&store, "approved"), 1);

        let text = FullText {
            title: None,
            byline: None,
            paragraphs: vec![
                "The city will build a desalination plant beside the reservoir, officials said on Friday.".into(),
                "Environment Minister Han Jeoung-ae said the plant would open in 2027. \
                 \"Water is security,\" Han told reporters."
                    .into(),
            ],
            links: Vec::new(),
        };
        store.set_full_text(&item.id, &text).unwrap();

        // What the reader shows is what a search finds: the full text's words, and no longer
        // the summary's own.
        assert_eq!(found(&store, "desalination"), 1);
        assert_eq!(found(&store, "\"desalination plant\""), 1);
        assert_eq!(found(&store, "approved"), 1, "the headline is still indexed");
        assert_eq!(found(&store, "President"), 0, "the summary's body is not");
        assert_eq!(found(&store, "person:\"Han Jeoung-ae\""), 1);
        assert_eq!(found(&store, "person:Moon"), 0);
        let hit = &store.search(&query::parse("desalination").unwrap(), Order::Relevance, 50).unwrap()[0];
        assert!(hit.snippet.text.contains("desalination plant"), "{:?}", hit.snippet);

        // The people are the full text's, with their mentions and quotes, in the article and
        // across the library.
        let stored = store.article(&item.id).unwrap().unwrap();
        let names: Vec<&str> = stored.people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Han Jeoung-ae"]);
        assert_eq!(stored.people[0].mentions, 2);
        assert_eq!(stored.people[0].quotes, ["Water is security"]);
        let listed: Vec<String> =
            store.people_page("", PeopleSort::Name, 0, 10).unwrap().into_iter().map(|p| p.name).collect();
        assert_eq!(listed, ["Han Jeoung-ae"]);

        // Kept again (a second `x`): one index row, the same people.
        store.set_full_text(&item.id, &text).unwrap();
        assert_eq!(found(&store, "desalination"), 1);
        assert_eq!(store.article(&item.id).unwrap().unwrap().people, stored.people);
    }

    #[test]
    fn a_full_text_for_an_article_the_library_lacks_is_kept_and_indexes_nothing() {
        let mut store = SqliteStore::in_memory().unwrap();
        let id = "feed:https://f.example/rss#9".into();
        let text = FullText { paragraphs: vec!["Desalination.".into()], ..FullText::default() };
        store.set_full_text(&id, &text).unwrap();
        assert_eq!(store.full_text(&id).unwrap(), Some(text));
        assert_eq!(found(&store, "desalination"), 0);
    }
}
