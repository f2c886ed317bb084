//! The library search screen in the reader: opening it, its keys, the library's answers, and
//! what it does to the reader (an article read with the query's words highlighted, the list
//! narrowed to a search). The screen's own state is in `search_screen.rs`.

use crate::article::ArticleId;
use crate::store::Order;

use super::action::Action;
use super::effect::{Answer, Effect, Request};
use super::list::Show;
use super::screen::Screen;
use super::search_screen::{HEADER_ROWS, HIT_ROWS, SearchFocus, SearchScreen, find_terms, plain_terms};
use super::state::{App, Focus, SearchKind, SearchState};

impl App {
    /// `f`: opens the library search, or goes back to its query when it is open.
    pub(super) fn open_library_search(&mut self) {
        if !self.library_answers("Library search") {
            return;
        }
        if let Some(Screen::Search(s)) = self.screens.last_mut() {
            s.focus = SearchFocus::Query;
            return;
        }
        self.open_screen(Screen::Search(SearchScreen::new()));
        self.push_effect(Effect::Ask(Request::SearchLists));
    }

    /// The search screen, on top or under another.
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
            // Another screen's answer: `App::answer` routes it there.
            _ => {}
        }
    }

    /// Closes the search and narrows the reader's list to the loaded articles of `ids` (the
    /// others are in the library, not loaded by this reader).
    fn filter_by_search(&mut self, query: String, ids: &[ArticleId]) {
        let articles: Vec<usize> = ids.iter().filter_map(|id| self.index_of(id)).collect();
        let waiting = self.not_yet_loaded(ids);
        if let Some(at) = self.screens.iter().rposition(|s| matches!(s, Screen::Search(_))) {
            self.screens.remove(at);
        }
        let (n, left_out) = (articles.len() + waiting.len(), ids.len() - articles.len() - waiting.len());
        self.filter = Some(super::state::ListFilter { person: query.clone(), articles, search: true, waiting });
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
        if self.text_of(i).is_none() {
            // Its text comes from the library: highlighted when it arrives.
            let id = self.articles[i].id.clone();
            self.after_text = Some((id, super::texts::AfterText::Highlight(terms)));
            return;
        }
        self.highlight_terms(terms);
    }

    /// Highlights `terms` (a library search's words) in the shown article, the first current.
    pub(super) fn highlight_terms(&mut self, terms: Vec<String>) {
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
