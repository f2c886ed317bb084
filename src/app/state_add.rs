//! Adding an article from the library to a reader started on files (the library search opens
//! one it has not loaded). A child of `state`, as it rebuilds what the state keeps private.

use std::sync::{Arc, OnceLock};

use crate::store::StoredArticle;

use super::App;

impl App {
    /// Adds `stored` after the loaded articles, with its people and state, and lists it; its
    /// load position. An article already loaded is not added twice.
    ///
    /// The articles and their people are shared with the background people extractor, which
    /// goes on with the copies it holds: `make_mut` copies them here (only when shared), so its
    /// work on them is not seen any more. Articles whose people it had not found yet get them
    /// found when first drawn instead, on this thread, as a reader without the extractor does.
    pub(in crate::app) fn add_stored(&mut self, stored: StoredArticle) -> usize {
        if let Some(&i) = self.by_id.get(&stored.article.id) {
            return i;
        }
        let id = stored.article.id.clone();
        Arc::make_mut(&mut self.articles).push(stored.article);
        Arc::make_mut(&mut self.people).push(OnceLock::from(stored.people));
        self.people_in_background = false;
        // Everyone across the articles: now with this one's people too.
        self.index = OnceLock::new();
        let i = self.articles.len() - 1;
        self.by_id.insert(id.clone(), i);
        // Lists it, with its read, starred and scroll state.
        self.restore_states(vec![(id, stored.state)]);
        i
    }
}
