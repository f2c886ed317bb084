//! The reader on the library: which library a run uses and how (saving, reading only, or none
//! at all when the file cannot be used), the articles it shows with their state as the user left
//! it, and the session (selection, pane, list) kept at exit.

use std::path::Path;

use crate::article::{Article, ArticleId, Library, load_bundled};
use crate::people::Person;
use crate::store::{ArticleState, SqliteStore, Store, StoredArticle};

use super::list::{Show, SortOrder};
use super::state::{Anchor, App, Focus};

/// Set once the bundled articles have been added, so a user who deleted them does not get them
/// back at the next launch.
pub const BUNDLED_ADDED: &str = "bundled-added";
const SELECTED: &str = "selected";
const FOCUS: &str = "focus";
const SHOW: &str = "show";
const SORT: &str = "sort";

/// The library a run uses.
pub struct Opened {
    pub store: Option<SqliteStore>,
    /// Whether changes are saved (a worker writes them).
    pub saving: bool,
    /// What the user must know: why nothing is saved, with the file's name and a way on.
    pub warning: Option<String>,
}

/// Opens the library at `path`: for saving (`write`), falling back to reading without saving
/// when it is locked or read-only; or for reading only (scripts), where a library that does not
/// exist yet is an empty one in memory (nothing is created). A file that cannot be used is left
/// untouched, and the run goes on without it.
#[must_use]
pub fn open(path: &Path, write: bool) -> Opened {
    let without = |e: &dyn std::fmt::Display| Opened {
        store: None,
        saving: false,
        warning: Some(format!("{e}; nothing is saved this session")),
    };
    if write {
        return match SqliteStore::open(path) {
            Ok(store) => Opened { store: Some(store), saving: true, warning: None },
            Err(e) if e.readable_without_saving() => match SqliteStore::open_read_only(path) {
                Ok(store) => Opened {
                    store: Some(store),
                    saving: false,
                    warning: Some(format!("{e}; reading it without saving")),
                },
                Err(_) => without(&e),
            },
            Err(e) => without(&e),
        };
    }
    if path.as_os_str() == ":memory:" || !path.exists() {
        return match SqliteStore::in_memory() {
            Ok(store) => Opened { store: Some(store), saving: false, warning: None },
            Err(e) => without(&e),
        };
    }
    match SqliteStore::open_read_only(path) {
        Ok(store) => Opened { store: Some(store), saving: false, warning: None },
        Err(e) => without(&e),
    }
}

/// Adds the bundled articles the first time a library is used (see [`BUNDLED_ADDED`]).
///
/// # Errors
/// A [`crate::store::StoreError`] (a library read without saving cannot take them).
pub fn add_bundled_once(store: &mut dyn Store) -> crate::store::Result<()> {
    if store.session_get(BUNDLED_ADDED)?.is_some() {
        return Ok(());
    }
    crate::runtime::store_worker::add(store, &load_bundled().articles)?;
    store.session_set(BUNDLED_ADDED, "1")
}

/// Answers a screen's question from the library: on the worker in the reader, at once in
/// scripted runs (see [`crate::run::Effects`]). A question that changes the library (a merge)
/// is refused by a library opened for reading only, and the answer says so.
#[must_use]
pub fn answer(store: &mut dyn Store, request: super::Request) -> super::Answer {
    use super::Request;
    match request {
        request @ (Request::People { .. }
        | Request::Person { .. }
        | Request::MergePeople { .. }
        | Request::SplitPerson { .. }) => super::people_view::answer(store, request),
        Request::Search { seq, query, order } => super::search_screen::search(store, seq, &query, order),
        Request::SearchLists => super::search_screen::lists(store),
        Request::SearchArticle(id) => super::search_screen::article(store, id),
        Request::SearchFilter { query } => super::search_screen::filter(store, query),
        Request::Library => {
            super::Answer::Library(store.all_headers().map(std::sync::Arc::new).map_err(|e| e.to_string()))
        }
        Request::Headers { after } => match store.headers_page(after, super::texts::HEADERS_PAGE) {
            Ok(page) => super::Answer::Headers { found: Ok(page.articles), next: page.next },
            Err(e) => super::Answer::Headers { found: Err(e.to_string()), next: None },
        },
        Request::Text(id) => {
            let article = store.article(&id).map(|a| a.map(Box::new)).map_err(|e| e.to_string());
            super::Answer::Text { id, article }
        }
        Request::PersonFilter { name } => {
            let ids = super::search_screen::filter_ids(store, &person_query(&name));
            super::Answer::PersonFilter { name, ids }
        }
        Request::Feeds { urls } => super::Answer::Feeds(feeds_overview(store, urls.as_deref())),
        // A library that cannot say is one that keeps none: fetch it.
        Request::FullText { id, url } => {
            let text = store.full_text(&id).ok().flatten();
            super::Answer::StoredFullText { id, url, text }
        }
    }
}

/// The library query for the articles naming the person called `name`.
fn person_query(name: &str) -> String {
    format!("person:\"{}\"", name.replace('"', " "))
}

/// The feeds view's data: the urls file's subscriptions (a file that does not exist is none)
/// and the library's feeds; a problem with either is said, and the rest still shown.
fn feeds_overview(store: &dyn Store, urls: Option<&Path>) -> super::FeedsOverview {
    let mut overview = super::FeedsOverview::default();
    let mut problems = Vec::new();
    if let Some(path) = urls {
        match std::fs::read(path) {
            Ok(bytes) => {
                let text = String::from_utf8_lossy(&bytes);
                let parsed = crate::sources::feed::parse_urls(&text, &path.display().to_string());
                if let Some(first) = parsed.problems.first() {
                    problems.push(first.to_string());
                }
                overview.subscriptions = parsed.feeds;
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => problems.push(format!("could not read {}: {e}", path.display())),
        }
    }
    match store.feed_statuses() {
        Ok(statuses) => overview.statuses = statuses,
        Err(e) => problems.push(e.to_string()),
    }
    overview.problem = (!problems.is_empty()).then(|| crate::article::sanitize(&problems.join("; ")));
    overview
}

/// Every article of the library (hidden ones left out), oldest first (the order files load in), with people and state.
///
/// # Errors
/// A [`crate::store::StoreError`].
pub fn load_all(store: &dyn Store) -> crate::store::Result<Vec<StoredArticle>> {
    store.all_articles()
}

/// The library's state of each of `articles` (those it has).
///
/// # Errors
/// A [`crate::store::StoreError`].
pub fn states_of(store: &dyn Store, articles: &[Article]) -> crate::store::Result<Vec<(ArticleId, ArticleState)>> {
    let mut states = Vec::new();
    for a in articles {
        if let Some(state) = store.state(&a.id)? {
            states.push((a.id.clone(), state));
        }
    }
    Ok(states)
}

/// The stored articles as the reader's library, their people and their states.
#[must_use]
pub fn split(stored: Vec<StoredArticle>) -> (Library, Vec<Vec<Person>>, Vec<(ArticleId, ArticleState)>) {
    let mut articles = Vec::with_capacity(stored.len());
    let mut people = Vec::with_capacity(stored.len());
    let mut states = Vec::with_capacity(stored.len());
    for s in stored {
        states.push((s.article.id.clone(), s.state));
        people.push(s.people);
        articles.push(s.article);
    }
    (Library { articles, problems: Vec::new() }, people, states)
}

impl App {
    /// Takes the library's read, starred, hidden and scroll state of articles, as they were
    /// left: no effect is made, as nothing changed.
    pub fn restore_states(&mut self, states: Vec<(ArticleId, ArticleState)>) {
        for (id, state) in states {
            if self.by_id.contains_key(&id) {
                self.take_state(id, &state);
            }
        }
        self.rebuild_list();
        // The article shown may have been made ready before its kept search was known.
        self.restore_search();
    }

    /// Takes one article's state as the library kept it.
    pub(super) fn take_state(&mut self, id: ArticleId, state: &ArticleState) {
        if state.read {
            self.read.insert(id.clone());
        }
        if state.starred {
            self.starred.insert(id.clone());
        }
        if state.deleted {
            self.hidden.insert(id.clone());
        }
        let scroll = Anchor { block: state.position.block, offset: state.position.offset };
        if scroll != Anchor::default() {
            self.views.entry(id.clone()).or_default().scroll = scroll;
        }
        if let Some(query) = state.last_search.clone().filter(|q| !q.is_empty()) {
            let view = self.views.entry(id).or_default();
            if view.search.is_none() {
                view.saved_query = Some(query);
            }
        }
    }

    /// The session values to keep at exit.
    #[must_use]
    pub fn session(&self) -> Vec<(String, String)> {
        let mut pairs = vec![
            (FOCUS.to_string(), focus_name(self.focus).to_string()),
            (SHOW.to_string(), format!("{:?}", self.show)),
            (SORT.to_string(), format!("{:?}", self.sort)),
        ];
        if let Some(a) = self.shown().and_then(|i| self.articles.get(i)) {
            pairs.push((SELECTED.to_string(), a.id.as_str().to_string()));
        }
        pairs
    }

    /// Comes back to the session kept at the last exit. Values this build does not know are
    /// left at their defaults.
    ///
    /// # Errors
    /// A [`crate::store::StoreError`].
    pub fn restore_session(&mut self, store: &dyn Store) -> crate::store::Result<()> {
        if let Some(show) = store.session_get(SHOW)? {
            self.show = [Show::All, Show::Unread, Show::Starred]
                .into_iter()
                .find(|s| format!("{s:?}") == show)
                .unwrap_or_default();
        }
        if let Some(sort) = store.session_get(SORT)? {
            self.sort = [SortOrder::Newest, SortOrder::Oldest, SortOrder::Headline]
                .into_iter()
                .find(|s| format!("{s:?}") == sort)
                .unwrap_or_default();
        }
        self.rebuild_list();
        if let Some(id) = store.session_get(SELECTED)? {
            let id = ArticleId::from_stored(id);
            if let Some(at) = self.by_id.get(&id).and_then(|i| self.order.iter().position(|o| o == i)) {
                self.selected = at;
                self.sync();
                self.reveal_selection();
            }
        }
        if let Some(focus) = store.session_get(FOCUS)? {
            self.focus = [Focus::List, Focus::Article, Focus::People]
                .into_iter()
                .find(|f| focus_name(*f) == focus)
                .unwrap_or_default();
        }
        Ok(())
    }
}

fn focus_name(focus: Focus) -> &'static str {
    match focus {
        Focus::List => "list",
        Focus::Article => "article",
        Focus::People => "people",
    }
}

/// How much of a library a run reads before it shows anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// Every article whole, with its people (`--json` prints them).
    Whole,
    /// What the list shows of every article; the text when an article is shown (screenshots).
    Headers,
    /// The first page of the list as the session left it (and the article it was on); the rest
    /// is asked of the library's worker, a page at a time, once the reader is up (see
    /// [`Request::Headers`]).
    ///
    /// [`Request::Headers`]: super::Request::Headers
    FirstPage,
}

/// How many articles the first page has: more than any screen shows, so the first keys find
/// the list as it will be while the rest is read.
pub const FIRST_PAGE: usize = 500;

/// What a run shows, made ready from the command line's files and library.
pub struct Prepared {
    pub library: Library,
    /// People the library kept, in load order (empty: extract them).
    pub people: Vec<Vec<Person>>,
    pub states: Vec<(ArticleId, ArticleState)>,
    /// The library, when there is one to read (and, if `saving`, to write).
    pub store: Option<SqliteStore>,
    pub saving: bool,
    /// The files read, to add to the library (their people found by the writer).
    pub add_files: bool,
    /// Files were given: the library, when there is one, is a key (`L`) away.
    pub files: bool,
    pub warning: Option<String>,
    /// Only the first page was read ([`Reading::FirstPage`]): the rest is to be asked for, and
    /// this is how many articles the library lists in all.
    pub rest: Option<usize>,
}

/// Reads what a run shows. `db` is the library's path, `None` for none at all (scripts given
/// files without `--db`); `write` says whether the run may save to it. With `paths`, those files
/// (and their state in the library); without, the whole library (the bundled articles the
/// first time), read as `reading` says.
///
/// # Errors
/// When no file of `paths` could be read: the loader's message.
pub fn prepare(
    paths: &[std::path::PathBuf],
    db: Option<&Path>,
    write: bool,
    reading: Reading,
) -> Result<Prepared, String> {
    let opened = db.map(|p| open(p, write));
    let (mut store, saving, warning) = match opened {
        Some(o) => (o.store, o.saving, o.warning),
        None => (None, false, None),
    };
    if !paths.is_empty() {
        let library = crate::article::load_paths(paths).map_err(|e| e.to_string())?;
        let states = match &store {
            Some(s) => states_of(s, &library.articles).map_err(|e| e.to_string())?,
            None => Vec::new(),
        };
        return Ok(Prepared {
            library,
            people: Vec::new(),
            states,
            store,
            saving,
            add_files: saving,
            files: true,
            warning,
            rest: None,
        });
    }
    let Some(s) = store.as_mut() else {
        return Ok(Prepared {
            library: load_bundled(),
            people: Vec::new(),
            states: Vec::new(),
            store,
            saving,
            add_files: false,
            files: false,
            warning,
            rest: None,
        });
    };
    // A library in memory keeps nothing, so filling it writes nothing anywhere.
    if saving || s.path() == Path::new(":memory:") {
        add_bundled_once(s).map_err(|e| e.to_string())?;
    }
    let (stored, rest) = match reading {
        Reading::Whole => (load_all(s), None),
        Reading::Headers => (s.all_headers(), None),
        Reading::FirstPage => match first_page(s) {
            Ok((page, rest)) => (Ok(page), rest),
            Err(e) => (Err(e), None),
        },
    };
    let (library, people, states) = split(stored.map_err(|e| e.to_string())?);
    Ok(Prepared { library, people, states, store, saving, add_files: false, files: false, warning, rest })
}

/// The list's first page as the last session left it: [`FIRST_PAGE`] articles of what it
/// showed (all, unread or starred), newest or oldest first, and the article it was on; oldest
/// first, as the whole library loads. How many the library has, when that is more.
fn first_page(store: &dyn Store) -> crate::store::Result<(Vec<StoredArticle>, Option<usize>)> {
    use crate::store::{Filter, Order};
    let filter = match store.session_get(SHOW)?.as_deref() {
        Some("Unread") => Filter::Unread,
        Some("Starred") => Filter::Starred,
        _ => Filter::All,
    };
    let order = if store.session_get(SORT)?.as_deref() == Some("Oldest") { Order::Oldest } else { Order::Newest };
    let mut ids: Vec<ArticleId> =
        store.articles_page(&filter, order, 0, FIRST_PAGE)?.into_iter().map(|row| row.id).collect();
    if order == Order::Newest {
        ids.reverse();
    }
    if let Some(selected) = store.session_get(SELECTED)?.map(ArticleId::from_stored)
        && !ids.contains(&selected)
    {
        ids.push(selected);
    }
    // Fewer than a page of what the list shows can still be less than the whole library.
    let total = store.counts()?.total;
    let rest = (total > ids.len()).then_some(total);
    Ok((store.headers_of(&ids)?, rest))
}
