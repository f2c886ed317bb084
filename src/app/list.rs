//! The article list: which articles it shows (all, unread, starred; a person's; never the hidden
//! ones), in which order (newest first by default), and what the user does to them from it: read
//! or unread, star, hide, mark the whole list read, and undo.

use std::cmp::Reverse;

use crate::article::ArticleId;

use super::effect::Effect;
use super::state::App;

/// The order of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortOrder {
    /// By the article's date, newest first; undated ones last, in the order they came.
    #[default]
    Newest,
    Oldest,
    /// By headline, A to Z (ignoring case).
    Headline,
}

impl SortOrder {
    #[must_use]
    pub fn next(self) -> Self {
        match self {
            Self::Newest => Self::Oldest,
            Self::Oldest => Self::Headline,
            Self::Headline => Self::Newest,
        }
    }

    #[must_use]
    pub fn describe(self) -> &'static str {
        match self {
            Self::Newest => "newest first",
            Self::Oldest => "oldest first",
            Self::Headline => "by headline",
        }
    }
}

/// Which articles the list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Show {
    #[default]
    All,
    /// Unread ones: an article read while this is on stays until the list is shown again.
    Unread,
    Starred,
}

impl Show {
    #[must_use]
    pub fn next(self) -> Self {
        match self {
            Self::All => Self::Unread,
            Self::Unread => Self::Starred,
            Self::Starred => Self::All,
        }
    }

    /// How the list's title says it: "" for all.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::All => "",
            Self::Unread => "unread",
            Self::Starred => "starred",
        }
    }
}

/// What `u` can take back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Undo {
    /// These articles were marked read by "mark the list read".
    MarkedRead(Vec<ArticleId>),
    /// This article was hidden.
    Hidden(ArticleId),
}

impl App {
    /// Rebuilds the list from the articles, the filters and the order, keeping the selection on
    /// the same article when it is still listed.
    pub(super) fn rebuild_list(&mut self) {
        let keep = self.shown();
        let mut order = self.listable(0..self.articles.len());
        self.sort_list(&mut order);
        self.order = order;
        self.selected = keep.and_then(|k| self.order.iter().position(|&i| i == k)).unwrap_or(0);
        self.list_offset = 0;
        self.sync();
        self.reveal_selection();
    }

    /// Adds articles `added` (load positions, just loaded) to the list as it is, each where the
    /// order puts it: what the list shows stays (an article read under the unread filter is not
    /// dropped), and so do the selection and the scroll.
    pub(super) fn merge_into_list(&mut self, added: std::ops::Range<usize>) {
        let keep = self.shown();
        let mut order = std::mem::take(&mut self.order);
        order.extend(self.listable(added));
        self.sort_list(&mut order);
        self.order = order;
        self.selected = keep.and_then(|k| self.order.iter().position(|&i| i == k)).unwrap_or(0);
        self.sync();
        self.reveal_selection();
    }

    /// Those of `range` (load positions) the list's filters let through.
    fn listable(&self, range: std::ops::Range<usize>) -> Vec<usize> {
        let person: Option<std::collections::HashSet<usize>> =
            self.filter.as_ref().map(|f| f.articles.iter().copied().collect());
        range
            .filter(|&i| !self.hidden.contains(&self.articles[i].id))
            .filter(|&i| person.as_ref().is_none_or(|set| set.contains(&i)))
            .filter(|&i| self.feed_allows(i))
            .filter(|&i| match self.show {
                Show::All => true,
                Show::Unread => !self.is_read(i),
                Show::Starred => self.is_starred(i),
            })
            .collect()
    }

    fn sort_list(&self, order: &mut [usize]) {
        let articles = &self.articles;
        match self.sort {
            SortOrder::Newest => {
                order.sort_by_key(|&i| (articles[i].published.is_none(), Reverse(articles[i].published)))
            }
            SortOrder::Oldest => order.sort_by_key(|&i| (articles[i].published.is_none(), articles[i].published)),
            SortOrder::Headline => order.sort_by_cached_key(|&i| articles[i].title.to_lowercase()),
        }
    }

    /// Whether article `i` is starred.
    #[must_use]
    pub fn is_starred(&self, i: usize) -> bool {
        self.articles.get(i).is_some_and(|a| self.starred.contains(&a.id))
    }

    /// The article the list action is about: the one selected.
    fn listed(&self) -> Option<(usize, ArticleId)> {
        let i = self.shown()?;
        Some((i, self.articles[i].id.clone()))
    }

    pub(super) fn toggle_read(&mut self) {
        let Some((i, _)) = self.listed() else { return };
        let read = !self.is_read(i);
        self.set_read(i, read);
        self.info(if read { "Marked read" } else { "Marked unread" }.to_string());
    }

    pub(super) fn toggle_star(&mut self) {
        let Some((_, id)) = self.listed() else { return };
        let starred = !self.starred.remove(&id);
        if starred {
            self.starred.insert(id.clone());
        }
        self.push_effect(Effect::SetStarred { id, starred });
        self.info(if starred { "Starred" } else { "Star removed" }.to_string());
    }

    /// Marks every article the list shows read, remembering which were not, for undo.
    pub(super) fn mark_list_read(&mut self) {
        let unread: Vec<usize> = self.order.iter().copied().filter(|&i| !self.is_read(i)).collect();
        if unread.is_empty() {
            self.info("Every article here is read already".to_string());
            return;
        }
        let ids = unread.iter().map(|&i| self.articles[i].id.clone()).collect();
        for &i in &unread {
            self.set_read(i, true);
        }
        let n = unread.len();
        self.undo.push(Undo::MarkedRead(ids));
        self.info(format!("Marked {n} article{} read (u undoes)", if n == 1 { "" } else { "s" }));
    }

    /// Hides the selected article from the list (kept in the library, and `u` brings it back).
    pub(super) fn hide(&mut self) {
        let Some((_, id)) = self.listed() else { return };
        let title = self.shown().map(|i| self.articles[i].title.clone()).unwrap_or_default();
        self.hidden.insert(id.clone());
        self.push_effect(Effect::SetHidden { id: id.clone(), hidden: true });
        self.undo.push(Undo::Hidden(id));
        // The next article takes its place.
        let at = self.selected;
        self.rebuild_list();
        self.selected = at.min(self.list_len().saturating_sub(1));
        self.sync();
        self.reveal_selection();
        self.info(format!("Deleted \u{201c}{}\u{201d} (u undoes)", crate::ui::truncate(&title, 40)));
    }

    pub(super) fn undo(&mut self) {
        match self.undo.pop() {
            None => self.info("Nothing to undo".to_string()),
            Some(Undo::MarkedRead(ids)) => {
                let n = ids.len();
                for id in ids {
                    if let Some(i) = self.index_of(&id) {
                        self.set_read(i, false);
                    }
                }
                self.info(format!("Marked {n} article{} unread again", if n == 1 { "" } else { "s" }));
            }
            Some(Undo::Hidden(id)) => {
                self.hidden.remove(&id);
                self.push_effect(Effect::SetHidden { id: id.clone(), hidden: false });
                self.rebuild_list();
                if let Some(at) = self.index_of(&id).and_then(|i| self.order.iter().position(|&o| o == i)) {
                    self.selected = at;
                    self.sync();
                    self.reveal_selection();
                }
                self.info("Brought the article back".to_string());
            }
        }
    }

    pub(super) fn cycle_show(&mut self) {
        self.show = self.show.next();
        self.rebuild_list();
        let what = match self.show {
            Show::All => "Showing every article",
            Show::Unread => "Showing unread articles",
            Show::Starred => "Showing starred articles",
        };
        self.info(what.to_string());
    }

    pub(super) fn cycle_sort(&mut self) {
        self.set_sort(self.sort.next());
        self.info(format!("Sorted {}", self.sort.describe()));
    }

    /// Orders the list by `sort`, keeping the selection.
    pub fn set_sort(&mut self, sort: SortOrder) {
        self.sort = sort;
        self.rebuild_list();
    }

    /// The load position of the article with `id`.
    #[must_use]
    pub fn index_of(&self, id: &ArticleId) -> Option<usize> {
        self.by_id.get(id).copied()
    }
}
