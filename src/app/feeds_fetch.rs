//! Fetching feeds from the reader (`r` one feed, `R` all): the state asks for a fetch with
//! [`Effect::Fetch`], a thread of the runner does it (see `runtime::fetcher`) and reports with
//! [`FetchNews`]; the status bar shows the progress, and the new articles join the list.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use crate::article::ArticleId;
use crate::config::FeedSettings;
use crate::store::StoredArticle;

use super::effect::{Effect, Request};
use super::screen::Screen;
use super::state::{App, Message, MessageKind};

/// Which feeds to fetch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchWhich {
    All,
    /// These feeds (their subscribed URLs).
    Urls(Vec<String>),
    /// The feed an article came from.
    FeedOf(ArticleId),
}

/// A fetch for the runner to carry out on a thread of its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchJob {
    /// The library to store into (the fetch opens its own connection).
    pub db: PathBuf,
    /// The urls file: the subscriptions, their tags and retention.
    pub urls: PathBuf,
    pub settings: FeedSettings,
    pub which: FetchWhich,
}

/// How a background fetch goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchNews {
    /// `done` of `total` feeds downloaded.
    Progress { done: usize, total: usize },
    /// Stored: the counts, a line for a single feed, and the articles the library did not have.
    Done { feeds: usize, failed: usize, new: usize, single: Option<String>, articles: Vec<StoredArticle> },
    /// Nothing could be fetched: why.
    Failed(String),
    /// `fetch-every` minutes have passed: fetch every feed unless a fetch is under way.
    Due,
}

impl App {
    /// Starts a fetch of `which` in the background, unless one is under way or there is no
    /// library to fetch into.
    pub(super) fn start_fetch(&mut self, which: FetchWhich) {
        if let Some((done, total)) = self.feeds.fetching {
            self.info(format!("A fetch is under way ({done}/{total} feeds)"));
            return;
        }
        let Some(db) = self.feeds.sources.db.clone() else {
            self.warn(
                "Fetching needs the library open for saving (it is read without saving, or there is none)".to_string(),
            );
            return;
        };
        let Some(urls) = self.feeds.sources.urls.clone() else {
            self.warn("No urls file to fetch from (no config directory)".to_string());
            return;
        };
        self.feeds.fetching = Some((0, 0));
        let settings = self.feeds.sources.settings;
        self.push_effect(Effect::Fetch(FetchJob { db, urls, settings, which }));
    }

    /// Fetches every feed in the background (the `fetch-on-start` setting), as `R` does.
    pub fn fetch_all_in_background(&mut self) {
        self.start_fetch(FetchWhich::All);
    }

    /// `r` in the reader: the shown article's feed.
    pub(super) fn fetch_shown_feed(&mut self) {
        match self.shown().and_then(|i| self.articles.get(i)).map(|a| a.id.clone()) {
            Some(id) => self.start_fetch(super::feeds_fetch::FetchWhich::FeedOf(id)),
            None => self.info("No article shown: R fetches every feed".to_string()),
        }
    }

    /// The status bar's line while a fetch is under way.
    #[must_use]
    pub fn fetch_progress(&self) -> Option<String> {
        match self.feeds.fetching? {
            (_, 0) => Some("fetching feeds…".to_string()),
            (done, total) if done >= total => Some(format!("storing {total} feeds…")),
            (done, total) => Some(format!("fetching {done}/{total} feeds…")),
        }
    }

    /// Takes news of a background fetch.
    pub(super) fn fetch_news(&mut self, news: FetchNews) {
        match news {
            FetchNews::Due => {
                if self.feeds.fetching.is_none() && self.feeds.sources.db.is_some() {
                    self.start_fetch(FetchWhich::All);
                }
            }
            FetchNews::Progress { done, total } => {
                if self.feeds.fetching.is_some() {
                    self.feeds.fetching = Some((done, total));
                }
            }
            FetchNews::Failed(why) => {
                self.feeds.fetching = None;
                self.warn(why);
            }
            FetchNews::Done { feeds, failed, new, single, articles } => {
                self.feeds.fetching = None;
                self.add_articles(articles);
                let text = match (single, failed) {
                    (Some(line), _) => line,
                    (None, 0) => format!("{feeds} feeds: {new} new"),
                    (None, _) => format!("{feeds} feeds: {new} new, {failed} failed — F for details"),
                };
                let kind = if failed > 0 { MessageKind::Warning } else { MessageKind::Info };
                self.message = Some(Message { text, kind });
                if matches!(self.screen(), Some(Screen::Feeds(_))) {
                    self.push_effect(Effect::Ask(Request::Feeds { urls: self.feeds.sources.urls.clone() }));
                }
            }
        }
    }

    /// Adds articles the reader does not have (by id) after the others, with their people and
    /// state, keeping the selection, the views and the list's filters; returns how many.
    ///
    /// The articles and their people are shared with the people extractor: when it is done
    /// (always, for the library, whose people are stored) they are extended in place; while it
    /// is at work they are copied, and it goes on with the old copy, so the articles it had not
    /// reached get their people when first drawn instead.
    pub fn add_articles(&mut self, stored: Vec<StoredArticle>) -> usize {
        let added = self.load_stored(stored);
        if !added.is_empty() {
            // Joined to the list as it is: an article read under the unread filter stays, as
            // does the selection, until the filter is applied again.
            self.merge_into_list(added.clone());
            // The article shown may have been made ready before its kept search was known.
            self.restore_search();
        }
        added.len()
    }

    /// [`App::add_articles`] without touching the list: the load positions of those added.
    pub(super) fn load_stored(&mut self, stored: Vec<StoredArticle>) -> std::ops::Range<usize> {
        let start = self.articles.len();
        let mut ids: HashSet<ArticleId> = HashSet::new();
        let fresh: Vec<StoredArticle> = stored
            .into_iter()
            .filter(|s| !self.by_id.contains_key(&s.article.id) && ids.insert(s.article.id.clone()))
            .collect();
        if fresh.is_empty() {
            return start..start;
        }
        let n = fresh.len();
        let shared = Arc::strong_count(&self.people) > 1;
        let articles = Arc::make_mut(&mut self.articles);
        let people = Arc::make_mut(&mut self.people);
        if shared && people.iter().any(|cell| cell.get().is_none()) {
            self.people_in_background = false;
        }
        let mut states = Vec::with_capacity(n);
        // Grown once, not by doubling: the rest of a big library is 100,000 articles.
        articles.reserve(n);
        people.reserve(n);
        for s in fresh {
            self.by_id.insert(s.article.id.clone(), articles.len());
            states.push((s.article.id.clone(), s.state));
            articles.push(s.article);
            people.push(OnceLock::from(s.people));
        }
        // Everyone across the library changed.
        self.index = OnceLock::new();
        for (id, state) in states {
            self.take_state(id, &state);
        }
        start..start + n
    }
}
