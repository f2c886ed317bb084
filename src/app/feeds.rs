//! The feeds view (`F`): "All articles", then each tag with its feeds under it (a feed with
//! several tags under each, untagged ones under their own heading), each with its unread count
//! and its last fetch's error. Enter narrows the reader's list to a feed's or a tag's articles.
//!
//! The feeds come from the library and the urls file (tags and titles live there), asked for
//! with [`Request::Feeds`] so the UI thread never reads the disk; unread counts are the reader's
//! own where it has the article, so they agree with the list.

use std::collections::HashSet;
use std::path::PathBuf;

use crate::article::{ArticleId, sanitize};
use crate::config::FeedSettings;
use crate::sources::commands::FeedOptions;
use crate::sources::feed::Subscription;
use crate::store::FeedStatus;

use super::action::Action;
use super::effect::{Effect, Request};
use super::feeds_fetch::FetchWhich;
use super::screen::Screen;
use super::state::{App, Focus, Message, MessageKind, Mode};

/// The heading of feeds without a tag.
pub const UNTAGGED: &str = "Untagged";

/// What the library answered for the feeds view.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedsOverview {
    /// The urls file's feeds, in its order.
    pub subscriptions: Vec<Subscription>,
    /// Every feed the library knows.
    pub statuses: Vec<FeedStatus>,
    /// What went wrong reading the urls file or the library, for the user.
    pub problem: Option<String>,
}

/// What a line of the feeds view is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    All,
    /// A tag (or the untagged feeds): Enter takes all its feeds' articles.
    Group,
    Feed,
}

/// One line of the feeds view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedRow {
    pub kind: RowKind,
    /// Cleaned of control characters: feed titles are untrusted.
    pub name: String,
    /// The feeds' URLs (one for a feed, its feeds' for a tag, none for all).
    pub urls: Vec<String>,
    pub articles: Vec<ArticleId>,
    pub unread: usize,
    /// Why the last fetch failed, cleaned; for a tag, how many of its feeds failed.
    pub error: Option<String>,
    /// Whether the feed has been fetched at all.
    pub fetched: bool,
}

/// The feeds view's state.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FeedsScreen {
    pub rows: Vec<FeedRow>,
    pub selected: usize,
    pub offset: usize,
    /// Asked for and not answered yet.
    pub loading: bool,
    pub problem: Option<String>,
}

/// Where feeds come from and go, set by the runner: the urls file, the library to fetch into
/// (`None` when the library is read without saving), and the `[feeds]` settings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedSources {
    pub urls: Option<PathBuf>,
    pub db: Option<PathBuf>,
    pub settings: FeedSettings,
}

/// The list narrowed to a feed's or a tag's articles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Narrowed {
    pub name: String,
    pub ids: HashSet<ArticleId>,
}

/// The reader's feed state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedsState {
    pub sources: FeedSources,
    pub narrowed: Option<Narrowed>,
    /// A fetch under way: feeds done, of how many (0 before the count is known).
    pub fetching: Option<(usize, usize)>,
}

/// The feeds view's lines: all articles (`all_unread` of them unread), then each tag's feeds,
/// then the untagged ones. `read(id, stored)` is whether an article is read, given what the
/// library says.
#[must_use]
pub fn feed_rows(overview: &FeedsOverview, all_unread: usize, read: impl Fn(&ArticleId, bool) -> bool) -> Vec<FeedRow> {
    let mut feeds: Vec<(Vec<String>, FeedRow)> = Vec::new();
    let mut seen = HashSet::new();
    let row = |url: &str, title: Option<&str>, status: Option<&FeedStatus>| {
        let name = title.or(status.and_then(|s| s.title.as_deref())).filter(|t| !t.trim().is_empty()).unwrap_or(url);
        let articles: Vec<ArticleId> =
            status.map(|s| s.articles.iter().map(|(id, _)| id.clone()).collect()).unwrap_or_default();
        let unread = status.map_or(0, |s| s.articles.iter().filter(|(id, stored)| !read(id, *stored)).count());
        FeedRow {
            kind: RowKind::Feed,
            name: sanitize(name.trim()),
            urls: vec![url.to_string()],
            articles,
            unread,
            error: status.and_then(|s| s.last_error.as_deref()).map(sanitize),
            fetched: status.is_some_and(|s| s.last_fetched.is_some() || !s.articles.is_empty()),
        }
    };
    for sub in &overview.subscriptions {
        if !seen.insert(sub.url.as_str()) {
            continue;
        }
        let status = overview.statuses.iter().find(|s| s.url == sub.url);
        let tags: Vec<String> = sub
            .tags
            .iter()
            .filter(|t| FeedOptions::from_tags(std::slice::from_ref(t)) == FeedOptions::default())
            .cloned()
            .collect();
        feeds.push((tags, row(&sub.url, sub.title.as_deref(), status)));
    }
    // Feeds taken out of the urls file keep their articles in the library: still listed.
    for status in overview.statuses.iter().filter(|s| !seen.contains(s.url.as_str())) {
        feeds.push((Vec::new(), row(&status.url, None, Some(status))));
    }
    let mut tags: Vec<&str> = Vec::new();
    for (feed_tags, _) in &feeds {
        for tag in feed_tags {
            if !tags.contains(&tag.as_str()) {
                tags.push(tag);
            }
        }
    }
    let mut rows = vec![FeedRow {
        kind: RowKind::All,
        name: "All articles".to_string(),
        urls: Vec::new(),
        articles: Vec::new(),
        unread: all_unread,
        error: None,
        fetched: true,
    }];
    let groups = tags.iter().map(|t| (sanitize(t), Some(*t))).chain(std::iter::once((UNTAGGED.to_string(), None)));
    for (name, tag) in groups {
        let members: Vec<&FeedRow> = feeds
            .iter()
            .filter(|(feed_tags, _)| match tag {
                Some(tag) => feed_tags.iter().any(|t| t == tag),
                None => feed_tags.is_empty(),
            })
            .map(|(_, row)| row)
            .collect();
        if members.is_empty() {
            continue;
        }
        let failed = members.iter().filter(|r| r.error.is_some()).count();
        rows.push(FeedRow {
            kind: RowKind::Group,
            name,
            urls: members.iter().flat_map(|r| r.urls.iter().cloned()).collect(),
            articles: members.iter().flat_map(|r| r.articles.iter().cloned()).collect(),
            unread: members.iter().map(|r| r.unread).sum(),
            error: (failed > 0).then(|| format!("{failed} failed")),
            fetched: true,
        });
        rows.extend(members.into_iter().cloned());
    }
    rows
}

impl App {
    /// Tells the reader where feeds come from and go (the runner calls this once).
    pub fn set_feed_sources(&mut self, sources: FeedSources) {
        self.feeds.sources = sources;
    }

    /// The name of the feed or tag the list is narrowed to.
    #[must_use]
    pub fn narrowed_to(&self) -> Option<&str> {
        self.feeds.narrowed.as_ref().map(|n| n.name.as_str())
    }

    /// Whether the list may show article `i` (not narrowed, or one of the feed's).
    pub(super) fn feed_allows(&self, i: usize) -> bool {
        self.feeds.narrowed.as_ref().is_none_or(|n| self.articles.get(i).is_some_and(|a| n.ids.contains(&a.id)))
    }

    /// Back to every article; `false` when the list was not narrowed to a feed.
    pub(super) fn clear_narrowing(&mut self) -> bool {
        if self.feeds.narrowed.take().is_none() {
            return false;
        }
        self.rebuild_list();
        true
    }

    /// Opens the feeds view (or reads it again when it is shown) and asks the library for it.
    pub(super) fn open_feeds(&mut self) {
        if !self.library_answers("Feeds view") {
            return;
        }
        match self.screens.last_mut() {
            Some(Screen::Feeds(screen)) => screen.loading = true,
            _ => self.open_screen(Screen::Feeds(FeedsScreen { loading: true, ..FeedsScreen::default() })),
        }
        self.push_effect(Effect::Ask(Request::Feeds { urls: self.feeds.sources.urls.clone() }));
    }

    /// Takes the library's answer: the view's lines, the selection kept on the same name.
    pub(super) fn feeds_answered(&mut self, overview: FeedsOverview) {
        let all_unread = (0..self.articles.len())
            .filter(|&i| !self.is_read(i) && !self.hidden.contains(&self.articles[i].id))
            .count();
        let rows = feed_rows(&overview, all_unread, |id, stored| match self.index_of(id) {
            Some(i) => self.is_read(i),
            None => stored,
        });
        let Some(Screen::Feeds(screen)) = self.screens.last_mut() else { return };
        let was = screen.rows.get(screen.selected).map(|r| (r.kind, r.name.clone()));
        screen.selected = was.and_then(|w| rows.iter().position(|r| (r.kind, r.name.clone()) == w)).unwrap_or(0);
        screen.rows = rows;
        screen.loading = false;
        screen.problem = overview.problem;
    }

    pub(super) fn update_feeds(&mut self, action: Action) {
        let page = usize::from(self.size.1.saturating_sub(4)).max(1);
        let Some(Screen::Feeds(screen)) = self.screens.last_mut() else { return };
        let last = screen.rows.len().saturating_sub(1);
        match action {
            Action::Down | Action::ScrollDownAt(..) => screen.selected = (screen.selected + 1).min(last),
            Action::Up | Action::ScrollUpAt(..) => screen.selected = screen.selected.saturating_sub(1),
            Action::PageDown => screen.selected = (screen.selected + page).min(last),
            Action::PageUp => screen.selected = screen.selected.saturating_sub(page),
            Action::Top => screen.selected = 0,
            Action::Bottom => screen.selected = last,
            Action::Open => {
                if let Some(row) = screen.rows.get(screen.selected).cloned() {
                    self.open_row(&row);
                }
            }
            Action::Feeds => self.open_feeds(),
            Action::FetchFeed => {
                let which = match screen.rows.get(screen.selected) {
                    Some(row) if row.kind != RowKind::All => FetchWhich::Urls(row.urls.clone()),
                    _ => FetchWhich::All,
                };
                self.start_fetch(which);
            }
            Action::FetchAll => self.start_fetch(FetchWhich::All),
            Action::ToggleHelp => self.mode = Mode::Help { scroll: 0 },
            Action::Back | Action::Cancel => {
                self.close_screen();
            }
            _ => {}
        }
        if let Some(Screen::Feeds(screen)) = self.screens.last_mut() {
            // The first line shown follows the selection.
            screen.offset = screen.offset.min(screen.selected).max((screen.selected + 1).saturating_sub(page));
        }
    }

    /// Enter on a line: the reader's list narrowed to it (all articles for the first line).
    fn open_row(&mut self, row: &FeedRow) {
        self.close_screen();
        self.focus = Focus::List;
        if row.kind == RowKind::All {
            self.feeds.narrowed = None;
            self.rebuild_list();
            self.info("Showing all articles".to_string());
            return;
        }
        let ids: HashSet<ArticleId> = row.articles.iter().cloned().collect();
        let missing = ids.iter().filter(|id| self.index_of(id).is_none()).count();
        self.feeds.narrowed = Some(Narrowed { name: row.name.clone(), ids });
        self.rebuild_list();
        self.selected = 0;
        self.list_offset = 0;
        self.sync();
        let n = self.list_len();
        let mut text = format!("{}: {n} article{} (Esc shows all)", row.name, if n == 1 { "" } else { "s" });
        if missing > 0 {
            text.push_str(&format!("; {missing} more in the library, shown when cyberreader is started without files"));
        }
        self.message = Some(Message { text, kind: MessageKind::Info });
    }
}

#[cfg(test)]
#[path = "feeds_tests.rs"]
mod tests;
