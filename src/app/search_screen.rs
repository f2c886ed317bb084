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
use super::effect::{Answer, Effect, Request};
use super::keymap::KeyMode;
use super::list::Show;
use super::screen::Screen;
use super::state::{App, Focus, SearchKind, SearchState};

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
    opening: Option<ArticleId>,
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
    let ids = store::query::parse(&query)
        .map_err(|e| e.to_string())
        .and_then(|q| {
            store.articles_page(&store::Filter::Query(q), Order::Newest, 0, usize::MAX).map_err(|e| e.to_string())
        })
        .map(|rows| rows.into_iter().map(|r| r.id).collect());
    Answer::SearchFilter { query, ids }
}

/// Answers [`Request::SearchArticle`].
pub(super) fn article(store: &dyn Store, id: ArticleId) -> Answer {
    let article = store.article(&id).map(|a| a.map(Box::new)).map_err(|e| e.to_string());
    Answer::SearchArticle { id, article }
}

impl App {
    /// `f`: opens the library search, or goes back to its query when it is open.
    pub(super) fn open_library_search(&mut self) {
        if let Some(Screen::Search(s)) = self.screens.last_mut() {
            s.focus = SearchFocus::Query;
            return;
        }
        self.open_screen(Screen::Search(SearchScreen::new()));
        self.push_effect(Effect::Ask(Request::SearchLists));
    }

    /// The search screen, on top or under another.
    // While the search is the only screen, its pattern cannot fail.
    #[allow(irrefutable_let_patterns)]
    fn search_screen(&mut self) -> Option<&mut SearchScreen> {
        self.screens.iter_mut().rev().find_map(|s| if let Screen::Search(s) = s { Some(s) } else { None })
    }

    /// Results shown at once on the screen (suggestions take a row each).
    fn visible_results(&self, suggesting: bool) -> usize {
        let rows = usize::from(self.size.1.saturating_sub(1 + HEADER_ROWS + 2));
        if suggesting { rows.max(1) } else { (rows / HIT_ROWS).max(1) }
    }

    /// Applies a key to the search screen on top.
    pub(super) fn update_search_screen(&mut self, action: Action) {
        let Some(Screen::Search(s)) = self.screens.last() else { return };
        let (focus, suggesting) = (s.focus, s.suggesting());
        let visible = self.visible_results(suggesting);
        let page = isize::try_from(visible).unwrap_or(1);
        let Some(Screen::Search(s)) = self.screens.last_mut() else { return };
        let mut ask = None;
        match (focus, action) {
            (_, Action::Cancel | Action::Back) => {
                self.close_screen();
                return;
            }
            (_, Action::ToggleHelp) => self.mode = super::state::Mode::Help { scroll: 0 },
            (_, Action::LibrarySearch | Action::StartSearch | Action::FocusPrev) => s.focus = SearchFocus::Query,
            (SearchFocus::Query, Action::FocusNext) => s.focus = SearchFocus::Results,
            (SearchFocus::Results, Action::FocusNext) => s.focus = SearchFocus::Query,
            (_, Action::CycleSort) => {
                s.order = if s.order == Order::Relevance { Order::Newest } else { Order::Relevance };
                ask = s.refresh();
                let order = if s.order == Order::Relevance { "best match first" } else { "newest first" };
                self.info(format!("Results {order}"));
            }
            (_, Action::SaveSearch) => return self.save_library_search(),
            (SearchFocus::Query, Action::Up | Action::Down) => {
                ask = s.browse_history(action == Action::Up).then(|| s.refresh()).flatten();
            }
            (SearchFocus::Query, Action::Accept) => return self.accept_library_search(),
            (SearchFocus::Query, a) => ask = s.edit(a).then(|| s.refresh()).flatten(),
            (SearchFocus::Results, Action::Down) => s.move_by(1, visible),
            (SearchFocus::Results, Action::Up) => s.move_by(-1, visible),
            (SearchFocus::Results, Action::PageDown) => s.move_by(page, visible),
            (SearchFocus::Results, Action::PageUp) => s.move_by(-page, visible),
            (SearchFocus::Results, Action::Top) => s.move_by(isize::MIN, visible),
            (SearchFocus::Results, Action::Bottom) => s.move_by(isize::MAX, visible),
            (_, Action::ScrollDownAt(..)) => s.move_by(1, visible),
            (_, Action::ScrollUpAt(..)) => s.move_by(-1, visible),
            (SearchFocus::Results, Action::Open) => return self.open_library_result(),
            (SearchFocus::Results, Action::FilterList) => {
                // The saved or past search selected under an empty query, else the one typed.
                let query = if s.suggesting() {
                    s.suggestions().into_iter().nth(s.selected).map(|c| c.query().to_string())
                } else {
                    (s.error.is_none()).then(|| s.query.trim().to_string())
                };
                ask = query.map(|query| Request::SearchFilter { query });
            }
            _ => {}
        }
        if let Some(request) = ask {
            self.push_effect(Effect::Ask(request));
        }
    }

    /// Enter on the query: kept in the history, and the keys go to the results.
    fn accept_library_search(&mut self) {
        let Some(s) = self.search_screen() else { return };
        if let Some(e) = &s.error {
            let text = format!("The query cannot be run: {e}");
            self.warn(text);
            return;
        }
        s.focus = SearchFocus::Results;
        let query = s.query.trim().to_string();
        if query.is_empty() {
            return;
        }
        s.history.retain(|q| *q != query);
        s.history.insert(0, query.clone());
        s.history_at = None;
        self.push_effect(Effect::PushHistory(query));
    }

    /// Keeps the query as a saved search, named by itself.
    fn save_library_search(&mut self) {
        let Some(s) = self.search_screen() else { return };
        let query = s.query.trim().to_string();
        if query.is_empty() || s.error.is_some() {
            self.warn("Type a query that can be run before saving it".to_string());
            return;
        }
        self.push_effect(Effect::SaveSearch { name: query.clone(), query: query.clone() });
        self.push_effect(Effect::Ask(Request::SearchLists));
        self.info(format!("Saved the search \u{201c}{}\u{201d}: offered when the query is empty", query));
    }

    /// Enter on a result: reads it; on a suggestion: runs it.
    fn open_library_result(&mut self) {
        let Some(s) = self.search_screen() else { return };
        if s.suggesting() {
            let Some(chosen) = s.suggestions().into_iter().nth(s.selected) else { return };
            s.set_query(chosen.query());
            let ask = s.refresh();
            if let Some(request) = ask {
                self.push_effect(Effect::Ask(request));
            }
            return;
        }
        let Some(hit) = s.hits.get(s.selected) else { return };
        let id = hit.row.id.clone();
        let query = s.query.trim().to_string();
        if s.history.first() != Some(&query) {
            s.history.retain(|q| *q != query);
            s.history.insert(0, query.clone());
            self.push_effect(Effect::PushHistory(query));
        }
        match self.index_of(&id) {
            Some(i) => self.show_found(i),
            None => {
                if let Some(s) = self.search_screen() {
                    s.opening = Some(id.clone());
                }
                self.push_effect(Effect::Ask(Request::SearchArticle(id)));
                self.info("Opening the article from the library…".to_string());
            }
        }
    }

    /// Takes the library's answer to the search screen's question.
    pub(super) fn answer_search(&mut self, answer: Answer) {
        let Some(s) = self.search_screen() else { return };
        match answer {
            Answer::SearchHits { seq, hits } => {
                s.take_hits(seq, hits);
            }
            Answer::SearchLists { history, saved } => {
                s.history = history;
                s.saved = saved;
            }
            Answer::SearchFilter { query, ids } => match ids {
                Ok(ids) => self.filter_by_search(query, &ids),
                Err(e) => self.warn(e),
            },
            Answer::SearchArticle { id, article } => {
                if s.opening.as_ref() != Some(&id) {
                    return;
                }
                s.opening = None;
                match article {
                    Ok(Some(stored)) => {
                        let i = self.add_stored(*stored);
                        self.show_found(i);
                    }
                    Ok(None) => self.warn("That article is no longer in the library".to_string()),
                    Err(e) => self.warn(e),
                }
            }
        }
    }

    /// Closes the search and narrows the reader's list to the loaded articles of `ids` (the
    /// others are in the library, not loaded by this reader).
    fn filter_by_search(&mut self, query: String, ids: &[ArticleId]) {
        let articles: Vec<usize> = ids.iter().filter_map(|id| self.index_of(id)).collect();
        if let Some(at) = self.screens.iter().rposition(|s| matches!(s, Screen::Search(_))) {
            self.screens.remove(at);
        }
        let (n, left_out) = (articles.len(), ids.len() - articles.len());
        self.filter = Some(super::state::ListFilter { person: query.clone(), articles, search: true });
        self.show = Show::All;
        self.rebuild_list();
        self.focus = Focus::List;
        let verb = if n == 1 { "article matches" } else { "articles match" };
        let mut text = format!("{n} {verb} {query} (Esc shows all)");
        if left_out > 0 {
            text.push_str(&format!("; {left_out} more in the library, not loaded here"));
        }
        self.info(text);
    }

    /// Closes the search and reads article `i` (load order) in the reader, the query's words
    /// highlighted, the first one current, so `n`/`N` walk them.
    fn show_found(&mut self, i: usize) {
        let terms = self.search_screen().and_then(|s| s.parsed()).map(|q| plain_terms(&q)).unwrap_or_default();
        if let Some(at) = self.screens.iter().rposition(|s| matches!(s, Screen::Search(_))) {
            self.screens.remove(at);
        }
        if !self.order.contains(&i) {
            // Left out of the list by its filter: the whole list, so it can be shown in it.
            self.filter = None;
            self.show = Show::All;
            self.rebuild_list();
        }
        let Some(at) = self.order.iter().position(|&o| o == i) else {
            self.warn("That article is deleted from the list (u brings it back)".to_string());
            return;
        };
        self.selected = at;
        self.sync();
        self.reveal_selection();
        self.focus = Focus::Article;
        self.on_focus();
        let Some(c) = &self.current else { return };
        let matches = find_terms(&c.doc, &terms);
        let found = !matches.is_empty();
        let query = terms.join(" ");
        if let Some(v) = self.view_mut() {
            let current = found.then_some(0);
            v.search = Some(SearchState { query, kind: SearchKind::Text, matches, current });
        }
        if let [only] = terms.as_slice() {
            self.last_query = Some(only.clone());
        }
        if found {
            self.reveal_match();
        } else if !terms.is_empty() {
            self.info("The query matched this article's people, place or date: no words to highlight".to_string());
        }
    }
}

#[cfg(test)]
#[path = "search_screen_tests.rs"]
mod tests;
