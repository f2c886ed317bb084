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
        self.mode =
            Mode::Search(SearchInput { query: String::new(), cursor: 0, origin, previous, live: Box::default() });
    }

    pub(super) fn update_search_input(&mut self, action: Action) {
        let Mode::Search(input) = &mut self.mode else { return };
        let edit = match action {
            Action::Insert(c) => {
                let at = input.cursor;
                let appended = at == input.query.len();
                input.query.insert(at, c);
                input.cursor += c.len_utf8();
                if appended { Edit::Push(c) } else { Edit::From(at) }
            }
            Action::Backspace => {
                if input.query.is_empty() {
                    return self.abandon_search();
                }
                // A whole character as the user sees it: a letter with its accents, a flag.
                let at = previous_grapheme(&input.query, input.cursor);
                let at_end = input.cursor == input.query.len();
                input.query.replace_range(at..input.cursor, "");
                input.cursor = at;
                if at_end { Edit::Truncate(at) } else { Edit::From(at) }
            }
            Action::Delete => {
                let end = next_grapheme(&input.query, input.cursor);
                input.query.replace_range(input.cursor..end, "");
                Edit::From(input.cursor)
            }
            Action::ClearQuery => {
                input.query.clear();
                input.cursor = 0;
                Edit::Truncate(0)
            }
            Action::CursorLeft => return input.cursor = previous_grapheme(&input.query, input.cursor),
            Action::CursorRight => return input.cursor = next_grapheme(&input.query, input.cursor),
            Action::CursorHome => return input.cursor = 0,
            Action::CursorEnd => return input.cursor = input.query.len(),
            Action::Accept => return self.accept_search(),
            Action::Cancel => return self.abandon_search(),
            Action::ScrollUpAt(..) => return self.scroll_article(-3),
            Action::ScrollDownAt(..) => return self.scroll_article(3),
            _ => return,
        };
        self.live_search(edit);
    }

    /// Runs the query as typed: highlights every match and shows the first one from where the
    /// search started. The matches come from the query's [`LiveSearch`](crate::text::LiveSearch),
    /// told only what changed, so that a keystroke costs at most a pass over the article however
    /// long the query is (a paste arrives as one keystroke per character).
    fn live_search(&mut self, edit: Edit) {
        let Mode::Search(input) = &mut self.mode else { return };
        let Some(current) = &self.current else { return };
        let doc = &current.doc;
        match edit {
            Edit::Push(c) => input.live.push(doc, c),
            Edit::Truncate(len) => input.live.truncate(doc, len),
            Edit::From(at) => input.live.edit(doc, &input.query, at),
        }
        if input.live.query().len() != input.query.len() {
            // Not kept in step (the query changed another way): from the prefix they share.
            input.live.edit(doc, &input.query, 0);
        }
        let matches = input.live.matches();
        let origin = input.origin;
        // Lent out while the view is changed, and given back below.
        let query = std::mem::take(&mut input.query);
        self.show_live_search(edit, &query, origin, matches);
        if let Mode::Search(input) = &mut self.mode {
            input.query = query;
        }
    }

    fn show_live_search(&mut self, edit: Edit, query: &str, origin: super::state::Anchor, matches: Vec<Match>) {
        self.set_scroll(origin);
        let Some(view) = self.view_mut() else { return };
        if query.is_empty() {
            view.search = None;
            return;
        }
        // The shown search's query follows the typed one; a character appended or removed at
        // the end is copied, not the whole query.
        let shown = match view.search.take() {
            Some(mut s) if s.kind == SearchKind::Text => {
                match edit {
                    Edit::Push(c) if s.query.len() + c.len_utf8() == query.len() => s.query.push(c),
                    Edit::Truncate(len) if s.query.len() > len && s.query.is_char_boundary(len) => {
                        s.query.truncate(len)
                    }
                    _ => query.clone_into(&mut s.query),
                }
                s.query
            }
            _ => query.to_string(),
        };
        debug_assert_eq!(shown.len(), query.len());
        view.search = Some(SearchState { query: shown, kind: SearchKind::Text, matches: Vec::new(), current: None });
        let from = self.top_row();
        let current = self.first_match_from(&matches, from);
        if let Some(s) = self.view_mut().and_then(|v| v.search.as_mut()) {
            s.matches = matches;
            s.current = current;
        }
        self.reveal_match();
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
        if let Some(id) = self.shown().and_then(|i| self.articles.get(i)).map(|a| a.id.clone()) {
            self.push_effect(super::Effect::SetLastSearch { id, query: Some(input.query.clone()) });
        }
        if self.current.is_none() && self.text_loading() {
            // Typed before the text came: searched when it does.
            if let Some(v) = self.view_mut() {
                v.saved_query = Some(input.query.clone());
            }
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

/// What one keystroke did to the query being typed.
#[derive(Debug, Clone, Copy)]
enum Edit {
    /// A character typed at the end.
    Push(char),
    /// Cut to this many bytes (a character removed at the end, or the query cleared).
    Truncate(usize),
    /// Changed from this byte on (an edit in the middle).
    From(usize),
}

/// Where the grapheme before byte `at` of `text` starts (`at` itself at the start).
pub(super) fn previous_grapheme(text: &str, at: usize) -> usize {
    use unicode_segmentation::UnicodeSegmentation;
    text[..at].grapheme_indices(true).next_back().map_or(0, |(i, _)| i)
}

/// Where the grapheme at byte `at` of `text` ends (`at` itself at the end).
pub(super) fn next_grapheme(text: &str, at: usize) -> usize {
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

    /// A 2 MB article; a 100 KB query that it holds pasted a character at a time, then deleted a
    /// character at a time; the same with a query found only for its first 1,000 characters.
    /// Every keystroke shows what a full search shows, and all of it together costs a few passes
    /// over the article (a full search per keystroke would be 10^5 passes).
    #[test]
    fn pasting_and_deleting_a_long_query_costs_a_few_passes_over_the_article() {
        let words = ["the", "minister", "said", "Seoul", "talks", "would", "resume", "after", "months", "Kim"];
        let mut seed = 7u64;
        let mut text = String::from("Headline\n\n");
        while text.len() < 2_100_000 {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            text.push_str(words[(seed >> 33) as usize % words.len()]);
            // Paragraphs of about 110 KB, so that a 100 KB query fits in one.
            text.push_str(if (seed >> 20).is_multiple_of(20_000) { ".\n\n" } else { " " });
        }
        let article = crate::article::parse(&text, "big.txt");
        let library = crate::article::Library { articles: vec![article], problems: Vec::new() };
        let mut app = App::new(library, (120, 40));
        app.update(Action::Accept);
        let doc = &app.current.as_ref().expect("an article shown").doc;
        let size: usize = doc.blocks.iter().map(|b| b.text.len()).sum();
        let long = doc.blocks.iter().map(|b| &b.text).max_by_key(|t| t.len()).expect("blocks");
        assert!(long.len() > 100_000, "{}", long.len());
        let found: String = long.chars().take(100_000).collect();
        let not_found: String =
            found.chars().take(1_000).chain("zq".chars()).chain(found.chars()).take(100_000).collect();
        for query in [found, not_found] {
            app.update(Action::StartSearch);
            for (i, c) in query.chars().enumerate() {
                app.update(Action::Insert(c));
                if i % 25_000 == 999 || i + 1 == query.len() {
                    let doc = &app.current.as_ref().expect("an article shown").doc;
                    let shown = app.view().and_then(|v| v.search.as_ref()).expect("a live search");
                    assert_eq!(shown.matches, text::find(doc, &query[..shown.query.len()]));
                    assert_eq!(shown.query.len(), i + 1);
                }
            }
            let Mode::Search(input) = &app.mode else { panic!("still typing") };
            let typing = input.live.work();
            assert!(typing <= 3 * (size + query.len()) as u64, "typing cost {typing}");
            for _ in 0..query.len() - 1 {
                app.update(Action::Backspace);
            }
            let Mode::Search(input) = &app.mode else { panic!("still typing") };
            let deleting = input.live.work() - typing;
            assert!(deleting <= 3 * (size + query.len()) as u64, "deleting cost {deleting}");
            let first: String = query.chars().take(1).collect();
            assert_eq!(input.query, first);
            let doc = &app.current.as_ref().expect("an article shown").doc;
            let shown = app.view().and_then(|v| v.search.as_ref()).expect("a live search");
            assert_eq!(shown.matches, text::find(doc, &first));
            app.update(Action::Cancel);
        }
    }
}
