//! The library search screen (`f`): a query typed at the top, the library's best matches below,
//! updated as the query changes; Enter on one reads it with the query's words highlighted.
//!
//! Results follow typing without the UI thread waiting or sleeping: every change of the query
//! that parses asks the library with a new sequence number ([`Request::Search`]), and an answer
//! to any but the latest number is dropped when it comes. The library's worker waits for a
//! pause in typing before it runs a search, and a newer one replaces one still waiting (see
//! [`crate::runtime::store_worker::SEARCH_PAUSE`]), so a paste or fast typing runs one query.
//! A scripted run answers every keystroke at once instead, so its screens are deterministic. A
//! query that does not parse is never sent: the screen says where and why, and keeps the last
//! results, so a quote being typed (`person:"Ban`) does not blank the list for a moment.

use crate::article::ArticleId;
use crate::store::query::{Clause, Text};
use crate::store::{self, Order, ParseError, Query, SavedSearch, SearchHit, Store};
use crate::text::Match;

use super::action::Action;
use super::effect::{Answer, Request};
use super::keymap::KeyMode;

/// How many results a search shows, best first.
pub const RESULTS: usize = 50;
/// How many past queries are offered under an empty query.
const HISTORY_SHOWN: usize = 20;
/// Rows each result takes: headline; date, place, agency and source; two rows of snippet; a gap.
pub const HIT_ROWS: usize = 5;
/// Rows above the results: the prompt and the line that says what the results are (or why the
/// query cannot be run).
pub const HEADER_ROWS: u16 = 2;

/// Where the screen's keys go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SearchFocus {
    /// Typing the query.
    #[default]
    Query,
    /// Moving through the results.
    Results,
}

/// A line offered under an empty query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Suggestion {
    Saved(SavedSearch),
    Past(String),
}

impl Suggestion {
    #[must_use]
    pub fn query(&self) -> &str {
        match self {
            Self::Saved(s) => &s.query,
            Self::Past(q) => q,
        }
    }
}

/// The search screen's state.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SearchScreen {
    pub query: String,
    /// Byte offset of the cursor in `query`, on a character boundary.
    pub cursor: usize,
    pub focus: SearchFocus,
    /// [`Order::Relevance`] (bm25, newer first on ties) or [`Order::Newest`].
    pub order: Order,
    /// Why the query as typed cannot be run, and where.
    pub error: Option<ParseError>,
    /// The number of the latest query asked; answers to older ones are dropped.
    pub seq: u64,
    /// Whether the results are those of the latest query.
    pub settled: bool,
    pub hits: Vec<SearchHit>,
    /// What the library said when it could not search.
    pub failure: Option<String>,
    pub selected: usize,
    pub offset: usize,
    /// Past queries, newest first.
    pub history: Vec<String>,
    /// Where Up and Down are in the history, and what was typed before they were pressed.
    pub history_at: Option<usize>,
    draft: String,
    pub saved: Vec<SavedSearch>,
    /// The article asked of the library to be opened.
    pub(super) opening: Option<ArticleId>,
}

impl SearchScreen {
    #[must_use]
    pub fn new() -> Self {
        Self { order: Order::Relevance, settled: true, ..Self::default() }
    }

    /// Where keys are read.
    #[must_use]
    pub fn key_mode(&self) -> KeyMode {
        match self.focus {
            SearchFocus::Query => KeyMode::Search,
            SearchFocus::Results => KeyMode::SearchResults,
        }
    }

    /// The query parsed, when it parses.
    #[must_use]
    pub fn parsed(&self) -> Option<Query> {
        store::query::parse(&self.query).ok()
    }

    /// Whether the list shows suggestions (saved and past searches) rather than results.
    #[must_use]
    pub fn suggesting(&self) -> bool {
        self.query.trim().is_empty()
    }

    /// The saved searches, then the past ones not saved, for an empty query.
    #[must_use]
    pub fn suggestions(&self) -> Vec<Suggestion> {
        let saved = self.saved.iter().cloned().map(Suggestion::Saved);
        let past = self
            .history
            .iter()
            .filter(|q| !self.saved.iter().any(|s| &s.query == *q))
            .take(HISTORY_SHOWN)
            .cloned()
            .map(Suggestion::Past);
        saved.chain(past).collect()
    }

    /// How many lines the list has.
    #[must_use]
    pub fn len(&self) -> usize {
        if self.suggesting() { self.suggestions().len() } else { self.hits.len() }
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Replaces the query (from the history or a suggestion), the cursor at its end.
    pub fn set_query(&mut self, text: &str) {
        text.clone_into(&mut self.query);
        self.cursor = self.query.len();
    }

    /// Applies an editing key to the query; whether the query changed.
    pub fn edit(&mut self, action: Action) -> bool {
        let before = self.query.len();
        match action {
            // Control characters never reach the query (nor the screen through it).
            Action::Insert(c) if !c.is_control() => {
                self.query.insert(self.cursor, c);
                self.cursor += c.len_utf8();
            }
            Action::Backspace => {
                let at = self.query[..self.cursor].char_indices().next_back().map_or(0, |(i, _)| i);
                self.query.replace_range(at..self.cursor, "");
                self.cursor = at;
            }
            Action::Delete => {
                let end = self.query[self.cursor..].chars().next().map_or(self.cursor, |c| self.cursor + c.len_utf8());
                self.query.replace_range(self.cursor..end, "");
            }
            Action::ClearQuery => {
                self.query.clear();
                self.cursor = 0;
            }
            Action::CursorLeft => {
                self.cursor = self.query[..self.cursor].char_indices().next_back().map_or(0, |(i, _)| i);
            }
            Action::CursorRight => {
                self.cursor += self.query[self.cursor..].chars().next().map_or(0, char::len_utf8);
            }
            Action::CursorHome => self.cursor = 0,
            Action::CursorEnd => self.cursor = self.query.len(),
            _ => {}
        }
        let changed = self.query.len() != before;
        if changed {
            self.history_at = None;
        }
        changed
    }

    /// Up (`older`) or Down in the history: the query becomes the past one, and coming down
    /// past the newest gives back what was typed.
    pub fn browse_history(&mut self, older: bool) -> bool {
        let next = match (self.history_at, older) {
            (None, true) if !self.history.is_empty() => Some(0),
            (Some(i), true) if i + 1 < self.history.len() => Some(i + 1),
            (Some(0), false) => None,
            (Some(i), false) => Some(i - 1),
            _ => return false,
        };
        if self.history_at.is_none() {
            self.draft.clone_from(&self.query);
        }
        let text = next.map_or_else(|| self.draft.clone(), |i| self.history[i].clone());
        self.set_query(&text);
        self.history_at = next;
        true
    }

    /// The question to ask for the query as it is now, if it can be asked: a query that does
    /// not parse keeps its error instead, and an empty one shows the suggestions.
    pub fn refresh(&mut self) -> Option<Request> {
        // Whatever comes for an earlier query is stale from now on.
        self.seq += 1;
        self.selected = 0;
        self.offset = 0;
        match store::query::parse(&self.query) {
            Err(e) => {
                self.error = Some(e);
                None
            }
            Ok(q) if q.is_empty() => {
                self.error = None;
                self.hits.clear();
                self.failure = None;
                self.settled = true;
                None
            }
            Ok(_) => {
                self.error = None;
                self.settled = false;
                Some(Request::Search { seq: self.seq, query: self.query.clone(), order: self.order })
            }
        }
    }

    /// Takes the results of query `seq`; false (and nothing changes) when a newer one was asked.
    pub fn take_hits(&mut self, seq: u64, hits: Result<Vec<SearchHit>, String>) -> bool {
        if seq != self.seq {
            return false;
        }
        self.settled = true;
        match hits {
            Ok(hits) => {
                self.hits = hits;
                self.failure = None;
            }
            Err(e) => {
                self.hits.clear();
                self.failure = Some(e);
            }
        }
        self.selected = 0;
        self.offset = 0;
        true
    }

    /// Moves the selection by `delta` lines, keeping it among `visible` shown from `offset`.
    pub fn move_by(&mut self, delta: isize, visible: usize) {
        self.selected = super::update::offset(self.selected, delta, self.len());
        let visible = visible.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + visible {
            self.offset = self.selected + 1 - visible;
        }
    }
}

/// The words to highlight in an article the query found: its words, phrases, prefixes, and the
/// people, places and agencies it names.
#[must_use]
pub fn plain_terms(query: &Query) -> Vec<String> {
    query
        .clauses
        .iter()
        .filter_map(|c| match c {
            Clause::Has(Text::Word(w) | Text::Phrase(w) | Text::Prefix(w))
            | Clause::Person(w)
            | Clause::Place(w)
            | Clause::Agency(w) => Some(w.trim().to_string()),
            _ => None,
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// Every place in `doc` where one of `terms` is, in order, none overlapping. Case is ignored,
/// as the library's search ignores it.
#[must_use]
pub fn find_terms(doc: &crate::text::Doc, terms: &[String]) -> Vec<Match> {
    let mut found: Vec<Match> = terms.iter().flat_map(|t| crate::text::find(doc, &t.to_lowercase())).collect();
    found.sort();
    let mut out: Vec<Match> = Vec::with_capacity(found.len());
    for m in found {
        match out.last() {
            Some(last) if last.block == m.block && m.start < last.end => {}
            _ => out.push(m),
        }
    }
    out
}

/// Answers [`Request::Search`].
pub(super) fn search(store: &dyn Store, seq: u64, text: &str, order: Order) -> Answer {
    let hits = store::query::parse(text)
        .map_err(|e| e.to_string())
        .and_then(|q| store.search(&q, order, RESULTS).map_err(|e| e.to_string()));
    Answer::SearchHits { seq, hits }
}

/// Answers [`Request::SearchLists`]. A library that cannot list them offers none: its searches
/// say what is wrong.
pub(super) fn lists(store: &dyn Store) -> Answer {
    Answer::SearchLists {
        history: store.history(500).unwrap_or_default(),
        saved: store.saved_searches().unwrap_or_default(),
    }
}

/// Answers [`Request::SearchFilter`].
pub(super) fn filter(store: &dyn Store, query: String) -> Answer {
    let ids = filter_ids(store, &query);
    Answer::SearchFilter { query, ids }
}

/// Every article `query` finds, newest first, or why the library could not say.
pub(super) fn filter_ids(store: &dyn Store, query: &str) -> Result<Vec<ArticleId>, String> {
    store::query::parse(query)
        .map_err(|e| e.to_string())
        .and_then(|q| {
            store.articles_page(&store::Filter::Query(q), Order::Newest, 0, usize::MAX).map_err(|e| e.to_string())
        })
        .map(|rows| rows.into_iter().map(|r| r.id).collect())
}

/// Answers [`Request::SearchArticle`].
pub(super) fn article(store: &dyn Store, id: ArticleId) -> Answer {
    let article = store.article(&id).map(|a| a.map(Box::new)).map_err(|e| e.to_string());
    Answer::SearchArticle { id, article }
}

#[cfg(test)]
#[path = "search_screen_tests.rs"]
mod tests;
