//! What an update asks of the world outside the state: the runner hands these to workers (the
//! library on disk), which report back as events. The state never waits for them.

use crate::article::ArticleId;
use crate::sources::feed::FullText;
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
    /// The search made in the article, kept for the next session (`None`: it has none).
    SetLastSearch { id: ArticleId, query: Option<String> },
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
    // Leaving the reader (feedfiles): the runner does these and answers with an [`Answer`].
    /// Open `url` in the browser (`$BROWSER`, else the platform's opener).
    OpenUrl(String),
    /// Write `text` to `path` (relative to the current directory); an existing file is replaced
    /// only when `overwrite`.
    SaveText { path: String, text: String, overwrite: bool },
    /// Run `command` with `sh -c`, `text` on its standard input, the terminal lent to it.
    Pipe { command: String, text: String },
    /// Fetch the page at `url` and extract the article `id`'s full text.
    FetchFullText { id: ArticleId, url: String },
    /// Keep the full text fetched for `id` in the library.
    StoreFullText { id: ArticleId, text: FullText },
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
    /// The full text kept for `id`, if any; `url` is where to fetch it otherwise (feedfiles).
    FullText { id: ArticleId, url: String },
    /// The text and people of an article loaded without them, to show it.
    Text(ArticleId),
    /// What the list shows of a page of articles after `after` (oldest first), for a reader
    /// started on the first page of its list: the rest of the library, a page at a time.
    Headers { after: Option<crate::store::HeadersCursor> },
    /// The articles that name the person called `name` (the sidebar's Enter on a library
    /// loaded without its people).
    PersonFilter { name: String },
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
    /// The article asked for by [`Request::Text`]; `None` when it is gone from the library.
    Text {
        id: ArticleId,
        article: Result<Option<Box<crate::store::StoredArticle>>, String>,
    },
    /// What [`Request::Headers`] read, oldest first, and where the next page starts.
    Headers {
        found: Result<Vec<crate::store::StoredArticle>, String>,
        next: Option<crate::store::HeadersCursor>,
    },
    /// What [`Request::PersonFilter`] found.
    PersonFilter {
        name: String,
        ids: Result<Vec<ArticleId>, String>,
    },
    /// The library's articles (oldest first), or why they could not be read.
    Library(Result<std::sync::Arc<Vec<crate::store::StoredArticle>>, String>),
    Feeds(super::feeds::FeedsOverview),
    /// How a background fetch goes (from the fetching thread, not the library worker).
    Fetch(super::feeds_fetch::FetchNews),
    // feedfiles: full text, and what the runner did outside the reader.
    /// The full text the library keeps for `id` (`None`: fetch it from `url`).
    StoredFullText {
        id: ArticleId,
        url: String,
        text: Option<FullText>,
    },
    /// The full text fetched for `id`, or why there is none.
    FetchedFullText {
        id: ArticleId,
        result: Result<FullText, String>,
    },
    /// The browser was started on the URL, or why not.
    Opened(Result<String, String>),
    /// Where the article was written, or why not.
    Saved(Result<String, SaveError>),
    /// The piped command ended: how, in words.
    Piped(Result<String, String>),
}

/// Why an article was not saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    /// A file is there already (the path as given): ask before replacing it.
    Exists(String),
    /// Anything else, in words that name the file.
    Failed(String),
}
