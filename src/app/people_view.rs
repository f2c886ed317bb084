//! The people view: everyone in the library, ranked, asked of the library page by page (never
//! all at once), filtered by name as it is typed, and two people merged by hand. The answers
//! for it and for a person's page are computed here from the [`Store`] (on the library's
//! worker), so nothing is extracted again on the UI thread.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicU64, Ordering};

use super::action::Action;
use super::effect::{Answer, Effect, Request};
use super::person_page::PersonScreen;
use super::screen::Screen;
use super::state::App;
use crate::store::{PeopleSort, PersonId, PersonRow, Store};

/// People asked of the library at once.
pub const PAGE: usize = 100;
/// Rows of the view that are not people: the border, the filter line and the column heads,
/// and the status bar below.
pub const VIEW_CHROME: u16 = 5;

/// A number for a question, never used twice, so an answer to a question asked before a newer
/// one can be told apart and dropped.
pub(super) fn next_ask() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// Typing the filter: the cursor (a byte offset) and the filter before, back on Esc.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Editing {
    pub cursor: usize,
    pub before: String,
}

/// The people view's state.
#[derive(Debug, Clone, PartialEq)]
pub struct PeopleView {
    pub filter: String,
    pub editing: Option<Editing>,
    pub sort: PeopleSort,
    /// The selected person, counted from the top of the whole list, and the first one shown.
    pub selected: usize,
    pub offset: usize,
    /// How many people the list has, once the library has said.
    pub total: Option<usize>,
    /// The pages of the list the library has answered (page number to its rows).
    pages: BTreeMap<usize, Vec<PersonRow>>,
    /// Pages asked for and not answered yet.
    asked: BTreeSet<usize>,
    /// The question the list is now being asked as (filter and sort), and the one the pages
    /// held are answers to: until the first answer, the previous rows stay on screen.
    ask: u64,
    loaded: u64,
    /// The person marked for a merge: id and name.
    pub marked: Option<(PersonId, String)>,
    /// The last merge, for undo: the kept person, its name, and the name merged into it.
    last_merge: Option<(PersonId, String, String)>,
    /// Why the list could not be read.
    pub error: Option<String>,
    /// Moves and Enter typed before the library's first answer (`P j j Enter` typed at once),
    /// played when it comes, as a terminal's typeahead.
    typeahead: Vec<Action>,
}

impl PeopleView {
    fn new() -> Self {
        Self {
            filter: String::new(),
            editing: None,
            sort: PeopleSort::Articles,
            selected: 0,
            offset: 0,
            total: None,
            pages: BTreeMap::new(),
            asked: BTreeSet::new(),
            ask: next_ask(),
            loaded: 0,
            typeahead: Vec::new(),
            marked: None,
            last_merge: None,
            error: None,
        }
    }

    /// The person at `at` in the whole list, if that page has been answered.
    #[must_use]
    pub fn row(&self, at: usize) -> Option<&PersonRow> {
        self.pages.get(&(at / PAGE)).and_then(|p| p.get(at % PAGE))
    }

    /// The selected person, if answered.
    #[must_use]
    pub fn selected_row(&self) -> Option<&PersonRow> {
        self.row(self.selected)
    }

    /// Whether the rows shown answer the filter and sort as they now are.
    #[must_use]
    pub fn current(&self) -> bool {
        self.loaded == self.ask
    }

    /// What the sort is called on screen.
    #[must_use]
    pub fn sort_name(&self) -> &'static str {
        sort_name(self.sort)
    }

    /// Starts asking the list again (a new filter or sort, or after a merge): the rows shown stay
    /// until the answer comes.
    fn renew(&mut self) {
        self.ask = next_ask();
        self.asked.clear();
    }

    /// The questions for the pages the rows on screen need and nobody has asked for.
    fn wanted(&mut self, visible: usize) -> Vec<Request> {
        let first = self.offset / PAGE;
        let last = (self.offset + visible.max(1) - 1).max(self.selected) / PAGE;
        let mut asks = Vec::new();
        for page in first..=last {
            let have = self.current() && self.pages.contains_key(&page);
            let beyond = self.current() && self.total.is_some_and(|t| page * PAGE >= t && page > 0);
            if have || beyond || !self.asked.insert(page) {
                continue;
            }
            asks.push(Request::People {
                ask: self.ask,
                filter: self.filter.clone(),
                sort: self.sort,
                offset: page * PAGE,
                limit: PAGE,
                count: !self.current() || self.total.is_none(),
            });
        }
        // Only the pages near the selection are kept.
        self.pages.retain(|p, _| *p + 1 >= first && *p <= last + 1);
        asks
    }

    fn take(&mut self, offset: usize, rows: Vec<PersonRow>, total: Option<usize>) {
        if !self.current() {
            self.pages.clear();
            self.loaded = self.ask;
            self.total = None;
        }
        if total.is_some() {
            self.total = total;
        }
        self.asked.remove(&(offset / PAGE));
        self.pages.insert(offset / PAGE, rows);
        let n = self.total.unwrap_or(0);
        self.selected = self.selected.min(n.saturating_sub(1));
    }

    /// Keeps the selection on screen.
    fn reveal(&mut self, visible: usize) {
        let visible = visible.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + visible {
            self.offset = self.selected + 1 - visible;
        }
        let n = self.total.unwrap_or(0);
        self.offset = self.offset.min(n.saturating_sub(visible));
    }
}

/// What a sort is called on screen.
#[must_use]
pub fn sort_name(sort: PeopleSort) -> &'static str {
    match sort {
        PeopleSort::Articles => "articles",
        PeopleSort::Mentions => "mentions",
        PeopleSort::Recency => "recency",
        PeopleSort::Name => "name",
    }
}

fn next_sort(sort: PeopleSort) -> PeopleSort {
    match sort {
        PeopleSort::Articles => PeopleSort::Mentions,
        PeopleSort::Mentions => PeopleSort::Recency,
        PeopleSort::Recency => PeopleSort::Name,
        PeopleSort::Name => PeopleSort::Articles,
    }
}

/// Rows of people the view shows on a terminal of `size`.
#[must_use]
pub fn visible_rows(size: (u16, u16)) -> usize {
    usize::from(size.1.saturating_sub(VIEW_CHROME)).max(1)
}

/// Answers the people view's and a person's page's questions from `store`.
#[must_use]
pub fn answer(store: &mut dyn Store, request: Request) -> Answer {
    let text = |e: crate::store::StoreError| e.to_string();
    match request {
        Request::People { ask, filter, sort, offset, limit, count } => {
            let total = if count { store.people_count(&filter).map(Some) } else { Ok(None) };
            let rows = store.people_page(&filter, sort, offset, limit);
            match (rows, total) {
                (Ok(rows), Ok(total)) => Answer::People { ask, offset, rows: Ok(rows), total },
                (Err(e), _) | (_, Err(e)) => Answer::People { ask, offset, rows: Err(text(e)), total: None },
            }
        }
        Request::Person { ask, id } => Answer::Person { ask, page: store.person(id).map_err(text) },
        Request::MergePeople { keep, keep_name, merge, name } => {
            Answer::Merged { keep, keep_name, name, result: store.merge_people(keep, merge).map_err(text) }
        }
        Request::SplitPerson { person, name } => {
            let result = store.split_person(person, &name).map_err(text);
            Answer::Split { person, name, result }
        }
        // Another screen's question: `library::answer` routes it there.
        other => super::library::answer(store, other),
    }
}

impl App {
    /// `P`: the people view; back to it when it is open below the screen shown.
    pub(super) fn open_people_view(&mut self) {
        if !self.library_answers("People view") {
            return;
        }
        if let Some(at) = self.screens.iter().rposition(|s| matches!(s, Screen::People(_))) {
            self.screens.truncate(at + 1);
            self.mode = super::Mode::Normal;
        } else {
            self.open_screen(Screen::People(PeopleView::new()));
        }
        self.ask_for_people();
    }

    fn people_view_mut(&mut self) -> Option<&mut PeopleView> {
        match self.screens.last_mut() {
            Some(Screen::People(view)) => Some(view),
            _ => None,
        }
    }

    /// Asks for the pages the people view on top needs.
    pub(super) fn ask_for_people(&mut self) {
        let visible = visible_rows(self.size);
        let Some(view) = self.people_view_mut() else { return };
        view.reveal(visible);
        for request in view.wanted(visible) {
            self.push_effect(Effect::Ask(request));
        }
    }

    pub(super) fn update_people_view(&mut self, action: Action) {
        let visible = visible_rows(self.size);
        let Some(view) = self.people_view_mut() else { return };
        if view.editing.is_some() {
            self.edit_people_filter(action);
            self.ask_for_people();
            return;
        }
        let waits = matches!(
            action,
            Action::Down
                | Action::Up
                | Action::PageDown
                | Action::PageUp
                | Action::HalfPageDown
                | Action::HalfPageUp
                | Action::Top
                | Action::Bottom
                | Action::Open
        );
        if view.total.is_none() && waits {
            view.typeahead.push(action);
            return;
        }
        let n = view.total.unwrap_or(0);
        let page = isize::try_from(visible).unwrap_or(1);
        let step = |view: &mut PeopleView, delta: isize| view.selected = super::update::offset(view.selected, delta, n);
        match action {
            Action::Down => step(view, 1),
            Action::Up => step(view, -1),
            Action::PageDown => step(view, page),
            Action::PageUp => step(view, -page),
            Action::HalfPageDown => step(view, (page / 2).max(1)),
            Action::HalfPageUp => step(view, -(page / 2).max(1)),
            Action::Top => view.selected = 0,
            Action::Bottom => view.selected = n.saturating_sub(1),
            Action::StartSearch => {
                view.editing = Some(Editing { cursor: view.filter.len(), before: view.filter.clone() })
            }
            Action::CycleSort => {
                view.sort = next_sort(view.sort);
                view.selected = 0;
                view.offset = 0;
                view.renew();
                let name = view.sort_name();
                self.info(format!("People by {name}"));
            }
            Action::Open => self.open_selected_person(),
            Action::MarkPerson => self.mark_or_merge(),
            Action::Undo => self.undo_merge(),
            Action::Cancel => {
                if view.marked.take().is_some() {
                    self.info("Mark dropped".to_string());
                } else if !view.filter.is_empty() {
                    view.filter.clear();
                    view.selected = 0;
                    view.renew();
                } else {
                    self.close_screen();
                }
            }
            Action::Back => {
                self.close_screen();
            }
            Action::ToggleHelp => self.mode = super::Mode::Help { scroll: 0 },
            _ => {}
        }
        self.ask_for_people();
    }

    /// Typing the filter: every edit asks the library again (the answers to earlier edits are
    /// dropped when they come).
    fn edit_people_filter(&mut self, action: Action) {
        let Some(view) = self.people_view_mut() else { return };
        let Some(editing) = view.editing.as_mut() else { return };
        let before = view.filter.clone();
        let at = editing.cursor.min(view.filter.len());
        let prev = view.filter[..at].chars().next_back().map_or(at, |c| at - c.len_utf8());
        let next = view.filter[at..].chars().next().map_or(at, |c| at + c.len_utf8());
        match action {
            Action::Insert(c) if !c.is_control() => {
                view.filter.insert(at, c);
                editing.cursor = at + c.len_utf8();
            }
            Action::Backspace => {
                view.filter.replace_range(prev..at, "");
                editing.cursor = prev;
            }
            Action::Delete => view.filter.replace_range(at..next, ""),
            Action::ClearQuery => {
                view.filter.clear();
                editing.cursor = 0;
            }
            Action::CursorLeft => editing.cursor = prev,
            Action::CursorRight => editing.cursor = next,
            Action::CursorHome => editing.cursor = 0,
            Action::CursorEnd => editing.cursor = view.filter.len(),
            Action::Accept => view.editing = None,
            Action::Cancel => {
                view.filter = editing.before.clone();
                view.editing = None;
            }
            _ => {}
        }
        if view.filter != before {
            view.selected = 0;
            view.offset = 0;
            view.renew();
        }
    }

    fn open_selected_person(&mut self) {
        let Some(row) = self.people_view_mut().and_then(|v| v.selected_row().cloned()) else { return };
        self.open_person(row.id, row.name);
    }

    /// A person's page above the screen shown.
    pub(super) fn open_person(&mut self, id: PersonId, name: String) {
        let screen = PersonScreen::new(id, name);
        let ask = screen.ask;
        self.open_screen(Screen::Person(screen));
        self.push_effect(Effect::Ask(Request::Person { ask, id }));
    }

    fn mark_or_merge(&mut self) {
        let Some(view) = self.people_view_mut() else { return };
        let Some(row) = view.selected_row().cloned() else { return };
        match view.marked.take() {
            None => {
                view.marked = Some((row.id, row.name.clone()));
                self.info(format!("Marked {}: m on another person merges them into {0}", row.name));
            }
            Some((id, _)) if id == row.id => self.info(format!("{} unmarked", row.name)),
            Some((keep, keep_name)) => {
                self.info(format!("Merging {} into {keep_name}…", row.name));
                self.push_effect(Effect::Ask(Request::MergePeople { keep, keep_name, merge: row.id, name: row.name }));
            }
        }
    }

    fn undo_merge(&mut self) {
        let Some(view) = self.people_view_mut() else { return };
        let Some((person, keep_name, name)) = view.last_merge.take() else {
            self.info("No merge to undo".to_string());
            return;
        };
        self.info(format!("Splitting {name} from {keep_name}…"));
        self.push_effect(Effect::Ask(Request::SplitPerson { person, name }));
    }

    /// Takes an answer for the people view or a person's page.
    pub(super) fn answer_people(&mut self, answer: Answer) {
        match answer {
            Answer::People { ask, offset, rows, total } => {
                let Some(view) = self.screens.iter_mut().find_map(|s| match s {
                    Screen::People(v) if v.ask == ask => Some(v),
                    _ => None,
                }) else {
                    return;
                };
                let typed = std::mem::take(&mut view.typeahead);
                match rows {
                    Ok(rows) => {
                        view.error = None;
                        view.take(offset, rows, total);
                    }
                    Err(e) => {
                        view.error = Some(e.clone());
                        view.asked.remove(&(offset / PAGE));
                        view.loaded = view.ask;
                        view.total = Some(0);
                        self.warn(format!("The people could not be read: {e}"));
                    }
                }
                self.ask_for_people();
                for action in typed {
                    self.update_people_view(action);
                }
            }
            Answer::Person { ask, page } => self.take_person_page(ask, page),
            Answer::Merged { keep, keep_name, name, result } => {
                let on_page = matches!(self.screen(), Some(Screen::Person(_)));
                match result {
                    Ok(true) if on_page => self.info(format!("{name} is part of {keep_name} again")),
                    Ok(true) => {
                        if let Some(view) = self.people_view_mut() {
                            view.last_merge = Some((keep, keep_name.clone(), name.clone()));
                        }
                        self.info(format!("Merged {name} into {keep_name} (u splits them again)"));
                    }
                    Ok(false) => {
                        self.warn(format!("Nothing merged: {name} or {keep_name} is no longer in the library"))
                    }
                    Err(e) => self.warn(format!("Could not merge {name} into {keep_name}: {e}")),
                }
                self.people_changed();
            }
            Answer::Split { person, name, result } => {
                match result {
                    Ok(Some(new)) => self.split_done(person, new, &name),
                    Ok(None) => self.warn(format!("Nothing split: no articles call them {name} apart from their name")),
                    Err(e) => self.warn(format!("Could not split {name} off: {e}")),
                }
                self.people_changed();
            }
            // Another screen's answer: `App::answer` routes it there.
            _ => {}
        }
    }

    /// After a merge or split every open list and page is asked again.
    fn people_changed(&mut self) {
        let mut asks = Vec::new();
        for screen in &mut self.screens {
            if let Screen::People(view) = screen {
                view.renew();
            } else if let Screen::Person(page) = screen {
                page.ask = next_ask();
                asks.push(Request::Person { ask: page.ask, id: page.id });
            }
        }
        for request in asks {
            self.push_effect(Effect::Ask(request));
        }
        self.ask_for_people();
    }
}

#[cfg(test)]
#[path = "people_view_tests.rs"]
pub(crate) mod tests;
