//! Search in the shown article: typing the query, live matches, `n`/`N`, keeping the current
//! match in view.

use crate::text::{self, Match};

use super::action::Action;
use super::state::{App, Mode, SearchInput, SearchKind, SearchState};

impl App {
    pub(super) fn start_search(&mut self) {
        let Some(view) = self.view() else {
            self.info("No article to search".to_string());
            return;
        };
        let origin = view.scroll;
        let previous = view.search.clone();
        self.mode = Mode::Search(SearchInput { query: String::new(), cursor: 0, origin, previous });
    }

    pub(super) fn update_search_input(&mut self, action: Action) {
        let Mode::Search(input) = &mut self.mode else { return };
        let mut edited = true;
        match action {
            Action::Insert(c) => {
                let appended = input.cursor == input.query.len();
                input.query.insert(input.cursor, c);
                input.cursor += c.len_utf8();
                if appended && self.extend_fruitless_search(c) {
                    return;
                }
            }
            Action::Backspace => {
                if input.query.is_empty() {
                    return self.abandon_search();
                }
                // A whole character as the user sees it: a letter with its accents, a flag.
                let at = previous_grapheme(&input.query, input.cursor);
                input.query.replace_range(at..input.cursor, "");
                input.cursor = at;
            }
            Action::Delete => {
                let end = next_grapheme(&input.query, input.cursor);
                input.query.replace_range(input.cursor..end, "");
            }
            Action::ClearQuery => {
                input.query.clear();
                input.cursor = 0;
            }
            Action::CursorLeft => {
                edited = false;
                input.cursor = previous_grapheme(&input.query, input.cursor);
            }
            Action::CursorRight => {
                edited = false;
                input.cursor = next_grapheme(&input.query, input.cursor);
            }
            Action::CursorHome => {
                edited = false;
                input.cursor = 0;
            }
            Action::CursorEnd => {
                edited = false;
                input.cursor = input.query.len();
            }
            Action::Accept => return self.accept_search(),
            Action::Cancel => return self.abandon_search(),
            Action::ScrollUpAt(..) => return self.scroll_article(-3),
            Action::ScrollDownAt(..) => return self.scroll_article(3),
            _ => return,
        }
        if edited {
            self.live_search();
        }
    }

    /// A query that is found nowhere is found nowhere with more typed after it (smart case only
    /// narrows: a query with a capital matches a subset of what it matched without). Then the
    /// typed character is added to the shown search's query and nothing is searched, so that a
    /// long paste costs a step per character, not a search of the whole query per character.
    fn extend_fruitless_search(&mut self, c: char) -> bool {
        let Some(search) = self.view_mut().and_then(|v| v.search.as_mut()) else { return false };
        if search.kind != SearchKind::Text || !search.matches.is_empty() {
            return false;
        }
        search.query.push(c);
        true
    }

    /// Runs the query as typed: highlights every match and shows the first one from where the
    /// search started.
    fn live_search(&mut self) {
        let Mode::Search(input) = &self.mode else { return };
        let (query, origin) = (input.query.clone(), input.origin);
        self.set_scroll(origin);
        if query.is_empty() {
            if let Some(v) = self.view_mut() {
                v.search = None;
            }
            return;
        }
        self.search_for(query);
    }

    /// Searches the shown article for `query`, from the top of the screen: every match
    /// highlighted, the first one on or after it current and in view.
    fn search_for(&mut self, query: String) {
        let Some(c) = &self.current else { return };
        let matches = text::find(&c.doc, &query);
        let from = self.top_row();
        let current = self.first_match_from(&matches, from);
        if let Some(v) = self.view_mut() {
            v.search = Some(SearchState { query, kind: SearchKind::Text, matches, current });
        }
        self.reveal_match();
    }

    /// In an article with no search of its own, searches for the last query made anywhere;
    /// false when there has been none.
    fn carry_last_query(&mut self) -> bool {
        let Some(query) = self.last_query.clone() else { return false };
        self.search_for(query);
        true
    }

    fn accept_search(&mut self) {
        let Mode::Search(input) = std::mem::take(&mut self.mode) else { return };
        if input.query.is_empty() {
            // As in less: an empty pattern repeats the previous search (this article's, or the
            // last one anywhere).
            if let Some(v) = self.view_mut() {
                v.search = input.previous;
            }
            if self.view().is_some_and(|v| v.search.is_some()) {
                self.step_match(true);
            } else if self.carry_last_query() {
                self.report_not_found();
            }
            return;
        }
        self.last_query = Some(input.query);
        self.report_not_found();
    }

    fn report_not_found(&mut self) {
        if let Some(s) = self.view().and_then(|v| v.search.as_ref()).filter(|s| s.matches.is_empty()) {
            let text = format!("Pattern not found: {}", s.query);
            self.warn(text);
        }
    }

    fn abandon_search(&mut self) {
        let Mode::Search(input) = std::mem::take(&mut self.mode) else { return };
        self.set_scroll(input.origin);
        if let Some(v) = self.view_mut() {
            v.search = input.previous;
        }
    }

    /// The first match on or after `row`, or the first match at all (wrapping).
    fn first_match_from(&self, matches: &[Match], row: usize) -> Option<usize> {
        let c = self.current.as_ref()?;
        if matches.is_empty() {
            return None;
        }
        let at = matches.partition_point(|m| c.wrapped.row_at(m.block as usize, m.start as usize) < row);
        Some(if at < matches.len() { at } else { 0 })
    }

    /// `n` / `N`: the next or previous match, wrapping around with a message.
    pub(super) fn step_match(&mut self, forward: bool) {
        let top = self.top_row();
        let height = self.article_height();
        let Some(search) = self.view().and_then(|v| v.search.clone()) else {
            // Not searched here yet: the last query, its first match from here on current.
            if self.carry_last_query() {
                self.report_not_found();
            } else {
                self.info("No search yet: press / to search".to_string());
            }
            return;
        };
        let n = search.matches.len();
        if n == 0 {
            self.warn(format!("Pattern not found: {}", search.query));
            return;
        }
        let (next, wrapped) = match search.current {
            Some(i) if forward => ((i + 1) % n, i + 1 == n),
            Some(i) => ((i + n - 1) % n, i == 0),
            None => {
                // No current match yet (a person's mentions): start from what is on screen.
                let first = self.first_match_from(&search.matches, top).unwrap_or(0);
                if forward {
                    (first, false)
                } else {
                    let before = self.first_match_from(&search.matches, top).unwrap_or(0);
                    let row_of_first = self.match_row(&search.matches[before]);
                    if row_of_first >= top && row_of_first < top + height && before > 0 {
                        (before - 1, false)
                    } else {
                        ((before + n - 1) % n, before == 0)
                    }
                }
            }
        };
        if let Some(s) = self.view_mut().and_then(|v| v.search.as_mut()) {
            s.current = Some(next);
        }
        if wrapped {
            self.info(
                if forward {
                    "Search hit the end, continuing at the top"
                } else {
                    "Search hit the top, continuing at the end"
                }
                .to_string(),
            );
        }
        self.reveal_match();
    }

    fn match_row(&self, m: &Match) -> usize {
        self.current.as_ref().map_or(0, |c| c.wrapped.row_at(m.block as usize, m.start as usize))
    }

    /// Scrolls so the current match is on screen, a third of the way down if it was not.
    pub(super) fn reveal_match(&mut self) {
        let Some(m) =
            self.view().and_then(|v| v.search.as_ref()).and_then(|s| s.current.and_then(|i| s.matches.get(i))).copied()
        else {
            return;
        };
        let row = self.match_row(&m);
        let end_row = self
            .current
            .as_ref()
            .map_or(row, |c| c.wrapped.row_at(m.block as usize, (m.end as usize).saturating_sub(1)));
        let top = self.top_row();
        let height = self.article_height();
        if row < top || end_row >= top + height {
            self.set_top_row(row.saturating_sub(height / 3));
        }
    }
}

/// Where the grapheme before byte `at` of `text` starts (`at` itself at the start).
fn previous_grapheme(text: &str, at: usize) -> usize {
    use unicode_segmentation::UnicodeSegmentation;
    text[..at].grapheme_indices(true).next_back().map_or(0, |(i, _)| i)
}

/// Where the grapheme at byte `at` of `text` ends (`at` itself at the end).
fn next_grapheme(text: &str, at: usize) -> usize {
    use unicode_segmentation::UnicodeSegmentation;
    text[at..].graphemes(true).next().map_or(at, |g| at + g.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_pasted_query_is_not_searched_again_for_every_character() {
        let mut app = App::new(crate::article::load_bundled(), (120, 40));
        app.update(Action::Accept);
        app.update(Action::StartSearch);
        // Two megabytes typed one character at a time. Searching the whole query again for
        // each would be 10^12 steps; the suite would not finish.
        let pasted: String = "said the minister while quite unmatched ".chars().cycle().take(2_000_000).collect();
        for c in "said ".chars().chain(pasted.chars()) {
            app.update(Action::Insert(c));
        }
        let Mode::Search(input) = &app.mode else { panic!("still typing") };
        assert_eq!(input.query.len(), 2_000_005);
        let search = app.view().and_then(|v| v.search.as_ref()).expect("a live search");
        assert_eq!(search.query, input.query, "the shown search is the typed query");
        assert!(search.matches.is_empty());
        app.update(Action::Accept);
        assert!(app.message.as_ref().is_some_and(|m| m.text.starts_with("Pattern not found: said said the")));
    }
}
