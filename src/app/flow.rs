//! The reading flow: article to article (J/K), unread to unread, Space reading on, zoom, and `q`
//! going back a level. What is read is asked and told through [`App::is_read`] and
//! [`App::mark_read`] only, so where it is kept can change in one place.

use super::layout::Panes;
use super::state::{App, Focus};

impl App {
    /// Marks article `i` read (see [`App::set_read`]).
    pub fn mark_read(&mut self, i: usize) {
        self.set_read(i, true);
    }

    /// Moves `delta` articles along the list; from the article pane the new one is read.
    pub(super) fn step_article(&mut self, delta: isize) {
        let to = super::update::offset(self.selected, delta, self.list_len());
        if to == self.selected {
            let which = if delta > 0 { "last" } else { "first" };
            self.info(format!("This is the {which} article"));
            return;
        }
        self.select(to);
        self.read_if_shown_in_article();
    }

    /// Opens the next (or previous) unread article in list order, `times` times over.
    pub(super) fn step_unread(&mut self, forward: bool, times: usize) {
        let mut at = self.selected;
        for _ in 0..times.max(1) {
            let next = if forward {
                (at + 1..self.list_len()).find(|&p| self.article_at(p).is_some_and(|i| !self.is_read(i)))
            } else {
                (0..at).rev().find(|&p| self.article_at(p).is_some_and(|i| !self.is_read(i)))
            };
            match next {
                Some(p) => at = p,
                None => break,
            }
        }
        if at == self.selected {
            let which = if forward { "after" } else { "before" };
            self.info(format!("No unread article {which} this one"));
            return;
        }
        self.select(at);
        if self.focus != Focus::Article {
            self.focus = Focus::Article;
        }
        self.read_if_shown_in_article();
    }

    /// Space: a page down; in the article, at its end, the next unread article.
    pub(super) fn read_on(&mut self, times: isize) {
        if self.focus == Focus::Article && self.top_row() >= self.max_top_row() {
            self.step_unread(true, 1);
        } else {
            self.move_by(self.page_size() * times);
        }
    }

    /// The article alone, the whole width; and back.
    pub(super) fn toggle_zoom(&mut self) {
        self.reading.zoom = !self.reading.zoom;
        if self.reading.zoom {
            self.focus = Focus::Article;
            self.read_if_shown_in_article();
        }
        self.sync();
    }

    /// Whether the list is on screen (it is not while the article is zoomed).
    #[must_use]
    pub fn list_shown(&self) -> bool {
        matches!(self.panes(), Panes::Panes(p) if p.list_shown())
    }

    fn read_if_shown_in_article(&mut self) {
        if self.focus == Focus::Article
            && let Some(i) = self.shown()
        {
            self.mark_read(i);
        }
    }
}

#[cfg(test)]
#[path = "flow_tests.rs"]
mod tests;
