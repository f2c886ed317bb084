//! What an update asks of the world outside the state: the runner hands these to workers (the
//! library on disk), which report back as events. The state never waits for them.

use crate::article::ArticleId;
use crate::store::{PeopleSort, PersonId, PersonPage, PersonRow};

use super::state::Anchor;

/// One thing to do outside the state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// The article was read, or marked unread.
    SetRead { id: ArticleId, read: bool },
    /// The article was starred, or its star removed.
    SetStarred { id: ArticleId, starred: bool },
    /// The article was deleted from the list (it stays in the library, hidden), or brought back.
    SetHidden { id: ArticleId, hidden: bool },
    /// The article's reading position moved (the runner may keep only the latest per article).
    SavePosition { id: ArticleId, position: Anchor },
    /// A question for the library; the answer comes back as an [`Answer`].
    Ask(Request),
    /// A library search the user kept with Enter, for the prompt's history.
    PushHistory(String),
    /// Keep a library search under a name (replacing one of that name).
    SaveSearch { name: String, query: String },
    /// Fetch feeds in the background; news of it comes back as [`Answer::Fetch`].
    Fetch(super::feeds_fetch::FetchJob),
}

/// What a screen asks of the library (see [`Effect::Ask`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    // The people view and a person's page (`app::people_view`, `app::person_page`). `ask`
    // numbers the question, so an answer to one asked before a newer one is dropped.
    /// `limit` people from `offset` whose names contain `filter`, in `sort` order; with
    /// `count`, how many there are in all too.
    People { ask: u64, filter: String, sort: PeopleSort, offset: usize, limit: usize, count: bool },
    /// A person's page.
    Person { ask: u64, id: PersonId },
    /// `merge` (called `name`) becomes part of `keep` (called `keep_name`), in the library.
    MergePeople { keep: PersonId, keep_name: String, merge: PersonId, name: String },
    /// The articles that call `person` `name` become a person of their own, in the library.
    SplitPerson { person: PersonId, name: String },
    /// The library search's results for `query` (the `seq`-th query typed on the screen). The
    /// worker waits for a pause in typing before it runs one, and runs only the latest.
    Search { seq: u64, query: String, order: crate::store::Order },
    /// The search history and the saved searches, for the library search screen.
    SearchLists,
    /// A stored article the reader has not loaded, to open from the library search.
    SearchArticle(ArticleId),
    /// Every article `query` finds, newest first, to narrow the reader's list to.
    SearchFilter { query: String },
    /// Every article of the library with its people and state, for `L` (hidden ones left out).
    Library,
    /// The feeds view's feeds: the subscriptions of the urls file at `urls` (for tags and
    /// titles) and what the library knows of every feed.
    Feeds { urls: Option<std::path::PathBuf> },
}

/// What the library answered to a [`Request`], handed to [`App::answer`](super::App::answer).
/// A failure is the library's message, for the status bar.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    // The people view and a person's page.
    People {
        ask: u64,
        offset: usize,
        rows: Result<Vec<PersonRow>, String>,
        total: Option<usize>,
    },
    Person {
        ask: u64,
        page: Result<Option<PersonPage>, String>,
    },
    /// Whether the merge was made (false: one of them is gone, or they were one already).
    Merged {
        keep: PersonId,
        keep_name: String,
        name: String,
        result: Result<bool, String>,
    },
    /// The new person's id (`None`: no such person, or the name is their own).
    Split {
        person: PersonId,
        name: String,
        result: Result<Option<PersonId>, String>,
    },
    /// What [`Request::Search`] found, or why the library could not say.
    SearchHits {
        seq: u64,
        hits: Result<Vec<crate::store::SearchHit>, String>,
    },
    SearchLists {
        history: Vec<String>,
        saved: Vec<crate::store::SavedSearch>,
    },
    /// The article asked for ([`Request::SearchArticle`]); `None` when it is gone from the library.
    SearchArticle {
        id: ArticleId,
        article: Result<Option<Box<crate::store::StoredArticle>>, String>,
    },
    /// What [`Request::SearchFilter`] found.
    SearchFilter {
        query: String,
        ids: Result<Vec<ArticleId>, String>,
    },
    /// The library's articles (oldest first), or why they could not be read.
    Library(Result<std::sync::Arc<Vec<crate::store::StoredArticle>>, String>),
    Feeds(super::feeds::FeedsOverview),
    /// How a background fetch goes (from the fetching thread, not the library worker).
    Fetch(super::feeds_fetch::FetchNews),
}
