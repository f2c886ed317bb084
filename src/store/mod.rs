//! The library: every article ever opened, its reading state and people, full-text search, and
//! the app's session, in one SQLite file.
//!
//! The app talks to a [`Store`]; [`SqliteStore`] is the implementation. A connection is not
//! shared between threads: each worker opens its own ([`SqliteStore::open`] on the same path;
//! WAL lets them read while one writes, and writes wait for each other up to a busy timeout).
//!
//! - **Opening**: [`default_db_path`] (`$CYBERREADER_DB`, else `$XDG_DATA_HOME/cyberreader/
//!   library.db`, else `~/.local/share/cyberreader/library.db`), [`SqliteStore::open`] (`:memory:`
//!   keeps nothing), [`SqliteStore::in_memory`], [`SqliteStore::open_read_only`] for "read without
//!   saving". A damaged file, one from a newer cyberreader, one locked too long and a read-only one
//!   each give their own [`StoreError`]; none of them is ever altered, deleted or overwritten.
//! - **Adding**: ask [`Store::known_hashes`] for the ids about to be added and parse only those
//!   missing or changed; then [`Store::upsert`] a batch (one transaction). An article whose hash
//!   changed is updated in place and keeps its state; the same hash is left alone. Many at once:
//!   [`upsert_with_people`] finds a batch's people while the batch before is written.
//! - **Listing**: [`Store::articles_page`] by [`Filter`] and [`Order`], page by page, returns light
//!   [`ArticleRow`]s; [`Store::article`] the whole [`StoredArticle`] with its people;
//!   [`Store::count`] and [`Store::counts`].
//! - **State**: read, starred, deleted (hidden from lists and searches), the scroll [`Position`],
//!   the last search in the article.
//! - **Search**: [`query::parse`] the user's text (errors say where), then [`Store::search`]: ranked
//!   by bm25 (newer first on ties) or by date, each [`SearchHit`] with a [`Snippet`] whose matches are
//!   byte ranges. Accents are ignored both ways (`elisabeth` and `élisabeth` find `Élisabeth` and
//!   `Elisabeth`); Korean, Chinese and Japanese are found by any run of two or more characters.
//! - **Feeds**: [`SqliteStore::feed_or_add`] a subscribed URL, its validators and permanent move
//!   ([`SqliteStore::set_feed_fetched`], [`SqliteStore::set_feed_moved`]), retention
//!   ([`SqliteStore::prune_feed`], starred items never dropped), [`SqliteStore::find_item`] by id or link.
//! - **Session**: the search history, saved searches ([`Filter::Saved`] lists one like a feed), and
//!   a key-value table for the screen, selection, pane and filter at exit.
//! - **People across articles**: each article's people are resolved to a [`PersonId`] as it is
//!   upserted (same transaction; `people::assoc` says how names join); [`Store::people_page`]
//!   lists them with counts kept by triggers, [`Store::person`] gives one's page (roles over time,
//!   timeline, quotes, associates by Dunning's G²); [`Store::merge_people`] and
//!   [`Store::split_person`] are kept and respected by later articles.

mod articles;
mod backend;
mod bulk;
mod derived;
mod error;
mod feed_status;
mod feeds;
mod full_text;
mod list;
mod people_query;
mod persons;
mod plan;
pub mod query;
mod search;
mod session;
mod sqlite;
mod text;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_people;
#[cfg(test)]
mod tests_rank;

use std::collections::HashMap;
use std::ops::Range;

pub use bulk::{BATCH, overlapped, people_of, upsert_with_people};
pub use error::{Result, StoreError};
pub use feed_status::FeedStatus;
pub use feeds::{Retention, StoredFeed};
pub use people_query::{Associate, PeopleSort, PersonArticle, PersonPage, PersonQuote, PersonRow, RoleSpan};
pub use persons::PersonId;
pub use query::{ParseError, Query};
pub use sqlite::{DEFAULT_BUSY_TIMEOUT, SCHEMA_VERSION, SqliteStore, default_db_path};
pub use text::{Snippet, fold, is_cjk};

use crate::article::{Article, ArticleId};
use crate::people::Person;

/// A feed's row in the library (see [`StoredFeed`]).
pub type FeedId = i64;

/// One article to add or update, with what the caller knows of it besides its text.
#[derive(Debug, Clone, Copy)]
pub struct NewArticle<'a> {
    pub article: &'a Article,
    pub people: &'a [Person],
    pub feed: Option<FeedId>,
    pub link: Option<&'a str>,
    /// A feed item's published date, unix seconds.
    pub published: Option<i64>,
    /// The date to sort by (the dateline's date with its year, else the file's time), unix
    /// seconds; `None` uses `published`, else the time it was added.
    pub date: Option<i64>,
}

impl<'a> NewArticle<'a> {
    /// An article from a file: no feed, no link.
    #[must_use]
    pub fn new(article: &'a Article, people: &'a [Person], date: Option<i64>) -> Self {
        Self { article, people, feed: None, link: None, published: None, date }
    }
}

/// What an [`Store::upsert`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct UpsertReport {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
}

/// Where the reader was in an article: the block (paragraph) at the top and the line within it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Position {
    pub block: u32,
    pub offset: u32,
}

/// What the user did with an article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleState {
    pub read: bool,
    pub starred: bool,
    /// Hidden from lists and searches (undoable).
    pub deleted: bool,
    pub position: Position,
    pub last_search: Option<String>,
}

/// A line of the article list: what the list shows, without the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleRow {
    pub id: ArticleId,
    pub title: String,
    /// The sorting date, unix seconds.
    pub date: i64,
    pub place: Option<String>,
    pub agency: Option<String>,
    /// The file path or feed item the article came from.
    pub source: String,
    pub feed: Option<FeedId>,
    pub read: bool,
    pub starred: bool,
}

/// An article as the library keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredArticle {
    pub article: Article,
    pub people: Vec<Person>,
    pub feed: Option<FeedId>,
    pub link: Option<String>,
    pub published: Option<i64>,
    /// When it was first added, unix seconds.
    pub added: i64,
    /// The sorting date, unix seconds.
    pub date: i64,
    pub state: ArticleState,
}

/// Which articles a list shows. Deleted articles are never listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    All,
    Unread,
    Starred,
    Feed(FeedId),
    /// Articles naming someone by this exact name (case ignored).
    Person(String),
    /// The articles a saved search finds.
    Saved(i64),
    /// The articles a query finds.
    Query(Query),
}

/// Where a page of [`Store::headers_page`] starts: after the article of this sorting date and
/// key (the order is by both, so a page never repeats or skips one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeadersCursor {
    pub date: i64,
    pub key: i64,
}

/// A page of [`Store::headers_page`], and where the next starts (`None`: it was the last).
#[derive(Debug, Clone, PartialEq)]
pub struct HeadersPage {
    pub articles: Vec<StoredArticle>,
    pub next: Option<HeadersCursor>,
}

/// How a list or search is ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Order {
    #[default]
    Newest,
    Oldest,
    /// bm25, newer first on ties; lists without search words use [`Order::Newest`], and so do
    /// words in nearly every article of a large library, for which bm25 is flat (all tie).
    Relevance,
}

/// Articles in the library, for the status bar.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub total: usize,
    pub unread: usize,
    pub starred: usize,
}

/// One article a search found.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchHit {
    pub row: ArticleRow,
    /// bm25 (lower is better); 0 when the query has no words to rank by, or when bm25 is flat
    /// for them (words in nearly every article of a large library: the matches tie and come
    /// newest first).
    pub score: f64,
    /// Byte ranges of `row.title` that match.
    pub title_matches: Vec<Range<usize>>,
    pub snippet: Snippet,
}

/// A search kept under a name, listed like a feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedSearch {
    pub id: i64,
    pub name: String,
    pub query: String,
}

/// The library, as the app uses it. Reads take `&self`, writes `&mut self`; every write is one
/// transaction, on disk when it returns.
pub trait Store: Send {
    /// The stored hash of each of `ids` the library has.
    ///
    /// # Errors
    /// A [`StoreError`] for the file.
    fn known_hashes(&self, ids: &[ArticleId]) -> Result<HashMap<ArticleId, String>>;
    /// Adds or updates `batch` in one transaction.
    ///
    /// # Errors
    /// A [`StoreError`]; nothing of the batch is kept then.
    fn upsert(&mut self, batch: &[NewArticle<'_>]) -> Result<UpsertReport>;
    /// The whole article, with its people and state.
    ///
    /// # Errors
    /// A [`StoreError`].
    fn article(&self, id: &ArticleId) -> Result<Option<StoredArticle>>;
    /// `limit` rows from `offset` of the list `filter` gives, in `order`.
    ///
    /// # Errors
    /// A [`StoreError`] (a saved search that no longer parses: [`StoreError::Query`]).
    fn articles_page(&self, filter: &Filter, order: Order, offset: usize, limit: usize) -> Result<Vec<ArticleRow>>;
    /// Every article not deleted, oldest first as [`Store::articles_page`] orders them, each as
    /// [`Store::article`] gives it (people, state, full text), read in one pass.
    ///
    /// # Errors
    /// A [`StoreError`].
    fn all_articles(&self) -> Result<Vec<StoredArticle>>;
    /// What [`Store::all_articles`] gives without the text and the people: what the list shows,
    /// and the state. Each article says [`crate::article::Article::text_in_library`]; the rest
    /// is [`Store::article`]'s when it is shown.
    ///
    /// # Errors
    /// A [`StoreError`].
    fn all_headers(&self) -> Result<Vec<StoredArticle>>;
    /// [`Store::all_headers`]'s articles of `ids` (those the library has), in that order: the
    /// reader's first page, before the rest is read.
    ///
    /// # Errors
    /// A [`StoreError`].
    fn headers_of(&self, ids: &[ArticleId]) -> Result<Vec<StoredArticle>>;
    /// [`Store::all_headers`] a page at a time: `limit` articles after `after`, oldest first.
    ///
    /// # Errors
    /// A [`StoreError`].
    fn headers_page(&self, after: Option<HeadersCursor>, limit: usize) -> Result<HeadersPage>;
    /// How many articles `filter` lists.
    ///
    /// # Errors
    /// A [`StoreError`].
    fn count(&self, filter: &Filter) -> Result<usize>;
    /// # Errors
    /// A [`StoreError`].
    fn counts(&self) -> Result<Counts>;
    /// The best `limit` articles for `query`, each with a snippet.
    ///
    /// # Errors
    /// A [`StoreError`].
    fn search(&self, query: &Query, order: Order, limit: usize) -> Result<Vec<SearchHit>>;
    /// # Errors
    /// A [`StoreError`].
    fn state(&self, id: &ArticleId) -> Result<Option<ArticleState>>;
    /// Marks `ids` read or unread; returns how many exist.
    ///
    /// # Errors
    /// A [`StoreError`].
    fn set_read(&mut self, ids: &[ArticleId], read: bool) -> Result<usize>;
    /// # Errors
    /// A [`StoreError`].
    fn set_starred(&mut self, ids: &[ArticleId], starred: bool) -> Result<usize>;
    /// Hides (or brings back) `ids`.
    ///
    /// # Errors
    /// A [`StoreError`].
    fn set_deleted(&mut self, ids: &[ArticleId], deleted: bool) -> Result<usize>;
    /// # Errors
    /// A [`StoreError`].
    fn set_position(&mut self, id: &ArticleId, position: Position) -> Result<bool>;
    /// # Errors
    /// A [`StoreError`].
    fn set_last_search(&mut self, id: &ArticleId, search: Option<&str>) -> Result<bool>;
    /// Records a query in the prompt's history (moved to the front if already there).
    ///
    /// # Errors
    /// A [`StoreError`].
    fn push_history(&mut self, query: &str) -> Result<()>;
    /// The most recent `limit` queries, newest first.
    ///
    /// # Errors
    /// A [`StoreError`].
    fn history(&self, limit: usize) -> Result<Vec<String>>;
    /// Saves `query` under `name` (replacing a search of that name).
    ///
    /// # Errors
    /// [`StoreError::Query`] when it does not parse.
    fn save_search(&mut self, name: &str, query: &str) -> Result<SavedSearch>;
    /// # Errors
    /// A [`StoreError`].
    fn saved_searches(&self) -> Result<Vec<SavedSearch>>;
    /// # Errors
    /// A [`StoreError`].
    fn delete_saved_search(&mut self, id: i64) -> Result<bool>;
    /// # Errors
    /// A [`StoreError`].
    fn session_get(&self, key: &str) -> Result<Option<String>>;
    /// # Errors
    /// A [`StoreError`].
    fn session_set(&mut self, key: &str, value: &str) -> Result<()>;
    /// `limit` people from `offset` whose names (any of them) contain `filter` (accents and case
    /// ignored; empty for everyone), in `sort` order.
    ///
    /// # Errors
    /// A [`StoreError`].
    fn people_page(&self, filter: &str, sort: PeopleSort, offset: usize, limit: usize) -> Result<Vec<PersonRow>>;
    /// How many people [`Store::people_page`] lists for `filter`.
    ///
    /// # Errors
    /// A [`StoreError`].
    fn people_count(&self, filter: &str) -> Result<usize>;
    /// A person's page.
    ///
    /// # Errors
    /// A [`StoreError`].
    fn person(&self, id: PersonId) -> Result<Option<PersonPage>>;
    /// Makes `b` part of `a` (kept: later articles naming `b` count for `a`); false when either
    /// is unknown or they are one.
    ///
    /// # Errors
    /// A [`StoreError`].
    fn merge_people(&mut self, a: PersonId, b: PersonId) -> Result<bool>;
    /// Makes the articles that call `person` `name` a new person (kept likewise); its id.
    ///
    /// # Errors
    /// A [`StoreError`].
    fn split_person(&mut self, person: PersonId, name: &str) -> Result<Option<PersonId>>;
    /// Every feed the library knows, with its last fetch's error and its articles' read state.
    ///
    /// # Errors
    /// A [`StoreError`].
    fn feed_statuses(&self) -> Result<Vec<FeedStatus>>;
    /// The full text kept for `id` (its page's article), if any.
    ///
    /// # Errors
    /// A [`StoreError`].
    fn full_text(&self, id: &ArticleId) -> Result<Option<crate::sources::feed::FullText>>;
    /// Keeps `text` as the full text of `id`; [`Store::article`] shows it from now on.
    ///
    /// # Errors
    /// A [`StoreError`].
    fn set_full_text(&mut self, id: &ArticleId, text: &crate::sources::feed::FullText) -> Result<()>;
}
