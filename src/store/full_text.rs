//! Full texts: what a feed item's page holds, fetched once and kept apart from the item's own
//! text (see migration 005). An article read back from the library shows its full text.

use rusqlite::{OptionalExtension as _, params};

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

    pub(crate) fn set_full_text_impl(&mut self, id: &ArticleId, text: &FullText) -> Result<()> {
        let paragraphs = serde_json::to_string(&text.paragraphs).map_err(|e| self.json_err(e))?;
        let links = serde_json::to_string(&text.links).map_err(|e| self.json_err(e))?;
        self.conn
            .prepare_cached(
                "INSERT INTO full_texts (id, paragraphs, links, byline, fetched) VALUES (?1, ?2, ?3, ?4, ?5) \
                 ON CONFLICT (id) DO UPDATE SET paragraphs = excluded.paragraphs, links = excluded.links, \
                 byline = excluded.byline, fetched = excluded.fetched",
            )
            .and_then(|mut s| s.execute(params![id.as_str(), paragraphs, links, text.byline, unix_now()]))
            .map(drop)
            .map_err(|e| self.err(e))
    }

    /// `article` (read back from the library) with its full text in place of its own, when one
    /// is kept.
    /// Whether any full text is kept (most libraries have none: then nothing is looked up).
    pub(crate) fn has_full_texts(&self) -> Result<bool> {
        self.conn.query_row("SELECT EXISTS (SELECT 1 FROM full_texts)", [], |r| r.get(0)).map_err(|e| self.err(e))
    }

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
    use crate::store::{NewArticle, SqliteStore, Store};

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
        assert_eq!(stored.paragraphs, ["The whole story.", "Links:", "[1] https://f.example/doc"]);
        assert_eq!(stored.links, ["https://f.example/doc"]);
        assert_eq!(stored.byline.as_deref(), Some("Jo Smith"));
    }
}
