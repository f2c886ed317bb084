//! A person's page: the names articles call them by, their roles over time, the timeline of
//! articles naming them, their quotes, and the people named with them more than chance would
//! give. The page is laid out into lines here (quotes wrapped to the width), once per answer
//! or width, so drawing and moving only read them.

use std::collections::HashSet;

use super::action::Action;
use super::effect::{Effect, Request};
use super::people_view::next_ask;
use super::screen::Screen;
use super::state::{App, Focus};
use crate::article::ArticleId;
use crate::people::assoc;
use crate::store::{PersonId, PersonPage};
use crate::text::wrap_text;

/// What a line of the page is, for its style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Heading,
    Dim,
    Name,
    Role,
    Article,
    Quote,
    /// The date and headline under a quote.
    Source,
    Associate,
    Blank,
}

/// What a line belongs to, for Enter and X.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    Name(usize),
    Article(usize),
    Quote(usize),
    Associate(usize),
}

/// One line of the page: a dim part first (a date, a count), then its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageLine {
    pub kind: LineKind,
    pub item: Option<Item>,
    pub aside: String,
    pub text: String,
}

impl PageLine {
    fn new(kind: LineKind, item: Option<Item>, aside: impl Into<String>, text: impl Into<String>) -> Self {
        Self { kind, item, aside: aside.into(), text: text.into() }
    }
}

/// A person's page: the answer, laid out.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonScreen {
    pub id: PersonId,
    /// The name from the list, shown until the page comes.
    pub name: String,
    pub page: Option<PersonPage>,
    /// The library said this person is no longer there, or could not be read.
    pub gone: Option<String>,
    pub(super) ask: u64,
    /// The page laid out for `width` columns.
    pub lines: Vec<PageLine>,
    pub width: usize,
    /// The selected line (the first of its item) and the first line shown.
    pub selected: usize,
    pub scroll: usize,
    /// The last split made here, for undo: the new person's id and the name it took.
    last_split: Option<(PersonId, String)>,
}

/// Rows of the page's text on a terminal of `size`: less its border and the status bar.
#[must_use]
pub fn page_rows(size: (u16, u16)) -> usize {
    usize::from(size.1.saturating_sub(3)).max(1)
}

/// Columns of the page's text: less its border and a column of margin each side.
#[must_use]
pub fn page_width(size: (u16, u16)) -> usize {
    usize::from(size.0.saturating_sub(4)).max(10)
}

/// A date as the page shows it: the same whatever the day today.
#[must_use]
pub fn day(timestamp: i64) -> String {
    chrono::DateTime::from_timestamp(timestamp, 0).map_or_else(String::new, |d| d.format("%Y-%m-%d").to_string())
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The page as lines `width` columns wide.
#[must_use]
pub fn layout(page: &PersonPage, width: usize) -> Vec<PageLine> {
    use LineKind as K;
    let mut out = Vec::new();
    let heading = |out: &mut Vec<PageLine>, text: String| {
        if !out.is_empty() {
            out.push(PageLine::new(K::Blank, None, "", ""));
        }
        out.push(PageLine::new(K::Heading, None, "", text));
    };
    let mentions: usize = page.articles.iter().map(|a| a.mentions).sum();
    let mut facts = vec![
        plural(page.articles.len(), "article", "articles"),
        plural(mentions, "mention", "mentions"),
        plural(page.quotes.len(), "quote", "quotes"),
    ];
    if !page.aliases.is_empty() {
        facts.push(format!("also {}", page.aliases.join(", ")));
    }
    out.push(PageLine::new(K::Dim, None, "", facts.join(" · ")));
    heading(&mut out, "Names in articles (X on one: its articles become a person of their own)".to_string());
    for (i, (name, n)) in page.names.iter().enumerate() {
        out.push(PageLine::new(K::Name, Some(Item::Name(i)), format!("{n:>5}  "), name.clone()));
    }
    heading(&mut out, "Roles".to_string());
    if page.roles.is_empty() {
        out.push(PageLine::new(K::Dim, None, "", "No role given"));
    }
    for r in &page.roles {
        let dates = if r.first == r.last { day(r.first) } else { format!("{} – {}", day(r.first), day(r.last)) };
        out.push(PageLine::new(K::Role, None, format!("{dates:<23}  "), r.role.clone()));
    }
    heading(&mut out, format!("Timeline ({}, oldest first; ×: mentions)", page.articles.len()));
    for (i, a) in page.articles.iter().enumerate() {
        let writer = if a.writer { " (wrote it)" } else { "" };
        let aside = format!("{}  ×{:<3} ", day(a.date), a.mentions);
        out.push(PageLine::new(K::Article, Some(Item::Article(i)), aside, format!("{}{writer}", a.title)));
    }
    heading(&mut out, format!("Quotes ({})", page.quotes.len()));
    if page.quotes.is_empty() {
        out.push(PageLine::new(K::Dim, None, "", "No quotes"));
    }
    for (i, q) in page.quotes.iter().enumerate() {
        let text = format!("“{}”", q.text);
        wrap_text(&text, width.saturating_sub(2).max(10), |s, e| {
            out.push(PageLine::new(K::Quote, Some(Item::Quote(i)), "", text[s..e].to_string()));
        });
        let title = page.articles.iter().find(|a| a.id == q.article).map_or("", |a| a.title.as_str());
        out.push(PageLine::new(K::Source, Some(Item::Quote(i)), format!("  — {}, ", day(q.date)), title));
    }
    heading(&mut out, "Named with them more than chance gives (articles together, G²)".to_string());
    if page.associates.is_empty() {
        out.push(PageLine::new(K::Dim, None, "", "Nobody yet: two people need two articles together"));
    }
    for (i, a) in page.associates.iter().enumerate() {
        let aside = format!("{:>5}  {:>7.1}  ", a.shared, a.score);
        out.push(PageLine::new(K::Associate, Some(Item::Associate(i)), aside, a.name.clone()));
    }
    out
}

impl PersonScreen {
    pub(super) fn new(id: PersonId, name: String) -> Self {
        Self {
            id,
            name,
            page: None,
            gone: None,
            ask: next_ask(),
            lines: Vec::new(),
            width: 0,
            selected: 0,
            scroll: 0,
            last_split: None,
        }
    }

    /// The item under the cursor.
    #[must_use]
    pub fn item(&self) -> Option<Item> {
        self.lines.get(self.selected).and_then(|l| l.item)
    }

    /// Lays the page out again for `width`, keeping the cursor on the same item.
    fn relayout(&mut self, width: usize) {
        let item = self.item();
        self.width = width;
        self.lines = self.page.as_ref().map_or_else(Vec::new, |p| layout(p, width));
        self.selected = item
            .and_then(|it| self.lines.iter().position(|l| l.item == Some(it)))
            .or_else(|| self.lines.iter().position(|l| l.item.is_some()))
            .unwrap_or(0);
    }

    /// The first line of each item, in order.
    fn starts(&self) -> impl Iterator<Item = usize> + '_ {
        self.lines
            .iter()
            .enumerate()
            .filter(|(i, l)| l.item.is_some() && (*i == 0 || self.lines[i - 1].item != l.item))
            .map(|(i, _)| i)
    }

    /// Moves by `delta` items; a page is the items whose lines a screen holds.
    fn step(&mut self, delta: isize) {
        let starts: Vec<usize> = self.starts().collect();
        let Some(at) = starts.iter().position(|&s| s == self.selected).or_else(|| (!starts.is_empty()).then_some(0))
        else {
            return;
        };
        let to = super::update::offset(at, delta, starts.len());
        self.selected = starts[to];
    }

    /// Moves by `rows` lines at least, to the item there.
    fn step_rows(&mut self, rows: isize) {
        let target = super::update::offset(self.selected, rows, self.lines.len());
        let starts: Vec<usize> = self.starts().collect();
        let found = if rows > 0 {
            starts.iter().rev().find(|&&s| s <= target && s > self.selected).or_else(|| starts.last())
        } else {
            starts.iter().find(|&&s| s >= target && s < self.selected).or_else(|| starts.first())
        };
        if let Some(&s) = found {
            self.selected = s;
        }
    }

    /// To the first item of the next (or previous) section.
    fn section(&mut self, forward: bool) {
        let heads: Vec<usize> =
            self.lines.iter().enumerate().filter(|(_, l)| l.kind == LineKind::Heading).map(|(i, _)| i).collect();
        let starts: Vec<usize> = self.starts().collect();
        let first_after = |h: usize| starts.iter().copied().find(|&s| s > h && heads.iter().all(|&o| o <= h || o > s));
        let own = heads.iter().rposition(|&h| h < self.selected);
        let candidates: Vec<usize> = if forward {
            heads.iter().skip(own.map_or(0, |o| o + 1)).filter_map(|&h| first_after(h)).collect()
        } else {
            heads.iter().take(own.unwrap_or(0)).rev().filter_map(|&h| first_after(h)).collect()
        };
        if let Some(&s) = candidates.first() {
            self.selected = s;
        }
    }

    /// Keeps the selected item, all its lines if they fit, on screen.
    fn reveal(&mut self, rows: usize) {
        let end =
            self.selected + self.lines[self.selected..].iter().take_while(|l| l.item == self.item()).count().max(1);
        if end > self.scroll + rows {
            self.scroll = end.saturating_sub(rows);
        }
        if self.selected < self.scroll {
            self.scroll = self.selected;
        }
        // Near the top, the page's first lines show too.
        if self.starts().next() == Some(self.selected) {
            self.scroll = 0;
        }
        self.scroll = self.scroll.min(self.lines.len().saturating_sub(rows));
    }
}

impl App {
    fn person_screen_mut(&mut self) -> Option<&mut PersonScreen> {
        match self.screens.last_mut() {
            Some(Screen::Person(p)) => Some(p),
            _ => None,
        }
    }

    /// Keeps the page on top laid out for the terminal's width and its cursor on screen.
    pub(super) fn fit_person_page(&mut self) {
        let (width, rows) = (page_width(self.size), page_rows(self.size));
        let Some(p) = self.person_screen_mut() else { return };
        if p.width != width {
            p.relayout(width);
        }
        if !p.lines.is_empty() {
            p.reveal(rows);
        }
    }

    pub(super) fn update_person_page(&mut self, action: Action) {
        self.fit_person_page();
        let rows = isize::try_from(page_rows(self.size)).unwrap_or(1);
        let Some(p) = self.person_screen_mut() else { return };
        match action {
            Action::Down => p.step(1),
            Action::Up => p.step(-1),
            Action::PageDown => p.step_rows(rows),
            Action::PageUp => p.step_rows(-rows),
            Action::HalfPageDown => p.step_rows(rows / 2),
            Action::HalfPageUp => p.step_rows(-rows / 2),
            Action::Top => p.step(isize::MIN),
            Action::Bottom => p.step(isize::MAX),
            Action::FocusNext => p.section(true),
            Action::FocusPrev => p.section(false),
            Action::Open => self.open_item(),
            Action::SplitName => self.split_name(),
            Action::Undo => self.undo_split(),
            Action::Cancel | Action::Back => {
                self.close_screen();
                self.ask_for_people();
            }
            Action::ToggleHelp => self.mode = super::Mode::Help { scroll: 0 },
            _ => {}
        }
        self.fit_person_page();
    }

    pub(super) fn take_person_page(&mut self, ask: u64, page: Result<Option<PersonPage>, String>) {
        let width = page_width(self.size);
        let Some(p) = self.screens.iter_mut().find_map(|s| match s {
            Screen::Person(p) if p.ask == ask => Some(p),
            _ => None,
        }) else {
            return;
        };
        match page {
            Ok(Some(page)) => {
                p.name.clone_from(&page.name);
                p.page = Some(page);
                p.gone = None;
            }
            Ok(None) => {
                p.page = None;
                p.gone = Some(format!("{} is no longer in the library (merged into someone else?)", p.name));
            }
            Err(e) => p.gone = Some(format!("{}'s page could not be read: {e}", p.name)),
        }
        p.relayout(width);
        self.fit_person_page();
    }

    fn open_item(&mut self) {
        let Some(p) = self.person_screen_mut() else { return };
        let (Some(item), Some(page)) = (p.item(), p.page.as_ref()) else { return };
        match item {
            Item::Article(i) => {
                let (id, title) = (page.articles[i].id.clone(), page.articles[i].title.clone());
                let page = page.clone();
                self.read_with_person(&id, &title, &page);
            }
            Item::Quote(i) => {
                let id = page.quotes[i].article.clone();
                let title = page.articles.iter().find(|a| a.id == id).map_or_else(String::new, |a| a.title.clone());
                let page = page.clone();
                self.read_with_person(&id, &title, &page);
            }
            Item::Associate(i) => {
                let (id, name) = (page.associates[i].id, page.associates[i].name.clone());
                self.open_person(id, name);
            }
            Item::Name(_) => {
                let key = self.keymap.hint_key(super::keymap::KeyMode::Person, Action::SplitName).unwrap_or_default();
                self.info(format!("{key} makes the articles that use this name a person of their own"));
            }
        }
    }

    /// Opens article `id` in the reader with the person of `page` picked in its sidebar, as
    /// choosing them there does. Every screen closes: the reader is where articles are read.
    fn read_with_person(&mut self, id: &ArticleId, title: &str, page: &PersonPage) {
        let Some(&i) = self.by_id.get(id) else {
            self.warn(format!(
                "“{title}” is in the library but not among the files this reader was started with; start it without files to read the whole library"
            ));
            return;
        };
        if self.hidden.contains(id) {
            self.warn(format!("“{title}” was deleted from the list"));
            return;
        }
        self.screens.clear();
        if !self.order.contains(&i) {
            // The list's own filter or show hides it: show everything, as asked for this one.
            self.filter = None;
            self.show = super::Show::All;
            self.rebuild_list();
        }
        if let Some(position) = self.order.iter().position(|&o| o == i) {
            self.select(position);
        }
        self.sync();
        let wanted: HashSet<String> = std::iter::once(&page.name)
            .chain(&page.aliases)
            .chain(page.names.iter().map(|(n, _)| n))
            .map(|n| assoc::key(n))
            .collect();
        let pick = super::texts::PersonPick { name: page.name.clone(), keys: wanted };
        if self.text_of(i).is_none() {
            // Its people come with its text from the library: picked when they arrive.
            self.focus = Focus::Article;
            self.after_text = Some((id.clone(), super::texts::AfterText::Pick(pick)));
            return;
        }
        self.pick_person(i, &pick);
    }

    /// Picks the person `pick` names in article `i`'s sidebar, as choosing them there does.
    pub(super) fn pick_person(&mut self, i: usize, pick: &super::texts::PersonPick) {
        let wanted = &pick.keys;
        let at = self.people_of(i).iter().position(|p| {
            let keys = assoc::name_keys(p);
            keys.exact.iter().chain(&keys.derived).any(|k| wanted.contains(k))
        });
        match at {
            Some(at) if self.sidebar_visible() => {
                self.focus = Focus::People;
                self.select_person(at);
            }
            Some(at) => {
                self.focus = Focus::Article;
                if let Some(v) = self.view_mut() {
                    v.person = at;
                }
                self.highlight_person(at);
            }
            None => {
                self.focus = Focus::Article;
                self.info(format!("This article names {} in a way the sidebar does not show", pick.name));
            }
        }
    }

    fn split_name(&mut self) {
        let Some(p) = self.person_screen_mut() else { return };
        let (Some(Item::Name(i)), Some(page)) = (p.item(), p.page.as_ref()) else {
            self.info("Move to a name under 'Names in articles' to split it off".to_string());
            return;
        };
        let name = page.names[i].0.clone();
        if assoc::key(&name) == assoc::key(&page.name) {
            self.info(format!("{name} is the name they go by: choose another name to split off"));
            return;
        }
        let person = p.id;
        self.info(format!("Splitting {name} off…"));
        self.push_effect(Effect::Ask(Request::SplitPerson { person, name }));
    }

    fn undo_split(&mut self) {
        let Some(p) = self.person_screen_mut() else { return };
        let Some((merge, name)) = p.last_split.take() else {
            self.info("No split to undo".to_string());
            return;
        };
        let (keep, keep_name) = (p.id, p.name.clone());
        self.push_effect(Effect::Ask(Request::MergePeople { keep, keep_name, merge, name }));
    }

    /// A split is done: on a person's page, the one made; in the people view, a merge undone.
    pub(super) fn split_done(&mut self, person: PersonId, new: PersonId, name: &str) {
        match self.screens.last_mut() {
            Some(Screen::Person(p)) if p.id == person => {
                p.last_split = Some((new, name.to_string()));
                let key = self.keymap.hint_key(super::keymap::KeyMode::Person, Action::Undo).unwrap_or_default();
                self.info(format!("The articles calling them {name} are now a person of their own ({key} undoes)"));
            }
            _ => self.info(format!("{name} is a person of their own again")),
        }
    }
}

#[cfg(test)]
#[path = "person_page_tests.rs"]
mod tests;
