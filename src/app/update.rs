//! Applying actions to the state.

use super::action::Action;
use super::layout::{Panes, inner};
use super::overlay;
use super::state::{Anchor, App, Focus, Message, MessageKind, Mode};

/// The largest count a typed number gives.
const MAX_COUNT: usize = 1_000_000;
/// Rows one wheel notch scrolls.
const WHEEL_ROWS: usize = 3;
/// Rows each list entry takes (headline, then date, place and agency).
pub const LIST_ITEM_ROWS: usize = 2;
/// Rows each person takes in the sidebar (name and count, then role).
pub const PERSON_ROWS: usize = 2;

impl App {
    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        if !matches!(action, Action::Resize(..) | Action::ScrollUpAt(..) | Action::ScrollDownAt(..)) {
            self.message = None;
        }
        match (&self.mode, action) {
            (_, Action::Quit) => self.should_quit = true,
            (_, Action::Resize(w, h)) => {
                self.size = (w, h);
                self.sync();
                self.reveal_selection();
                self.reveal_person();
                self.screens_resized();
            }
            (Mode::Normal, Action::PeopleView) => self.open_people_view(),
            // The feeds view and fetching all are reached from every screen.
            (Mode::Normal, Action::Feeds) if !matches!(self.screen(), Some(super::Screen::Feeds(_))) => {
                self.open_feeds()
            }
            (Mode::Normal, Action::FetchAll) => self.start_fetch(super::feeds_fetch::FetchWhich::All),
            (Mode::Normal, a) if self.screen().is_some() => self.update_screen(a),
            (Mode::Search(_), a) => self.update_search_input(a),
            (Mode::Prompt(_), a) => self.update_prompt(a),
            (Mode::Help { .. } | Mode::Quotes { .. }, a) => self.update_overlay(a),
            (Mode::Normal, a) => self.update_normal(a),
        }
        self.sync();
        self.clamp();
    }

    fn update_overlay(&mut self, action: Action) {
        let (Mode::Help { scroll } | Mode::Quotes { scroll }) = &mut self.mode else { return };
        let page = u16::try_from(overlay::overlay_rows(self.size).saturating_sub(1).max(1)).unwrap_or(u16::MAX);
        match action {
            Action::Down | Action::ScrollDownAt(..) => *scroll = scroll.saturating_add(1),
            Action::Up | Action::ScrollUpAt(..) => *scroll = scroll.saturating_sub(1),
            Action::PageDown => *scroll = scroll.saturating_add(page),
            Action::PageUp => *scroll = scroll.saturating_sub(page),
            Action::Top => *scroll = 0,
            Action::Bottom => *scroll = u16::MAX,
            Action::Cancel | Action::Back | Action::ToggleHelp | Action::ClickAt(..) => self.mode = Mode::Normal,
            _ => {}
        }
    }

    fn update_normal(&mut self, action: Action) {
        if let Action::Digit(d) = action {
            // A leading 0 is no count; counts stop growing at a million.
            if d > 0 || self.count.is_some() {
                self.count = Some((self.count.unwrap_or(0) * 10 + usize::from(d)).min(MAX_COUNT));
            }
            return;
        }
        let count = self.count.take();
        // The count multiplies a move; before g or G it is the line (or article, or person) to go to.
        let times = isize::try_from(count.unwrap_or(1)).unwrap_or(1);
        match action {
            Action::Up => self.move_by(-times),
            Action::Down => self.move_by(times),
            Action::PageUp => self.move_by(-self.page_size() * times),
            Action::PageDown => self.move_by(self.page_size() * times),
            Action::HalfPageUp => self.move_by(-(self.page_size() / 2).max(1) * times),
            Action::HalfPageDown => self.move_by((self.page_size() / 2).max(1) * times),
            Action::Top | Action::Bottom if count.is_some() => {
                self.move_by(isize::MIN);
                self.move_by(times - 1);
            }
            Action::Top => self.move_by(isize::MIN),
            Action::Bottom => {
                self.move_by(isize::MAX);
                // The list's end is not there yet: it is gone to when the rest arrives.
                if self.focus == Focus::List && self.rest_pending {
                    self.bottom_after_rest = true;
                    self.info("Going to the end once the rest of the library is read…".to_string());
                }
            }
            Action::NextMatch | Action::PrevMatch if count.is_some() => {
                // At most once round all the matches: more would land in the same place.
                let matches = self.view().and_then(|v| v.search.as_ref()).map_or(1, |s| s.matches.len().max(1));
                for _ in 0..count.unwrap_or(1).min(matches) {
                    self.step_match(action == Action::NextMatch);
                }
            }
            Action::NextArticle => self.step_article(times),
            Action::PrevArticle => self.step_article(-times),
            Action::NextUnread => self.step_unread(true, count.unwrap_or(1)),
            Action::PrevUnread => self.step_unread(false, count.unwrap_or(1)),
            Action::ReadOn => self.read_on(times),
            Action::Zoom => self.toggle_zoom(),
            // In the reader, back is out; screens and overlays close on it instead.
            Action::Back => self.should_quit = true,
            Action::FocusNext => self.cycle_focus(true),
            Action::FocusPrev => self.cycle_focus(false),
            Action::Open => self.open(),
            Action::Cancel => self.cancel(),
            Action::StartSearch => self.start_search(),
            Action::LibrarySearch => self.open_library_search(),
            Action::NextMatch => self.step_match(true),
            Action::PrevMatch => self.step_match(false),
            Action::ToggleSidebar => self.toggle_sidebar(),
            Action::ShowQuotes => self.show_quotes(),
            Action::ToggleHelp => self.mode = Mode::Help { scroll: 0 },
            Action::ToggleRead => self.toggle_read(),
            Action::ToggleStar => self.toggle_star(),
            Action::MarkListRead => self.mark_list_read(),
            Action::DeleteArticle => self.hide(),
            Action::Undo => self.undo(),
            Action::CycleShow => self.cycle_show(),
            Action::CycleSort => self.cycle_sort(),
            Action::ToggleLibrary => self.toggle_collection(),
            Action::FetchFeed => self.fetch_shown_feed(),
            Action::OpenLink => self.open_link(count),
            Action::PipeArticle => self.start_prompt(super::PromptKind::Pipe),
            Action::SaveArticle => self.start_prompt(super::PromptKind::Save),
            Action::FullText => self.full_text(),
            Action::ScrollUpAt(x, y) => self.wheel(x, y, false),
            Action::ScrollDownAt(x, y) => self.wheel(x, y, true),
            Action::ClickAt(x, y) => self.click(x, y),
            _ => {}
        }
    }

    /// Rows or entries a page moves in the focused pane.
    pub(super) fn page_size(&self) -> isize {
        let Panes::Panes(p) = self.panes() else { return 1 };
        let rows = match self.focus {
            Focus::List => usize::from(inner(p.list).height) / LIST_ITEM_ROWS,
            Focus::Article => usize::from(p.article_text().height).saturating_sub(2),
            Focus::People => p.people.map_or(1, |r| usize::from(inner(r).height) / PERSON_ROWS),
        };
        isize::try_from(rows.max(1)).unwrap_or(1)
    }

    /// Moves in the focused pane.
    pub(super) fn move_by(&mut self, delta: isize) {
        match self.focus {
            Focus::List => self.select(offset(self.selected, delta, self.list_len())),
            Focus::Article => self.scroll_article(delta),
            Focus::People => {
                let n = self.shown().map_or(0, |i| self.people_of(i).len());
                let at = self.view().map_or(0, |v| v.person);
                self.select_person(offset(at, delta, n));
            }
        }
    }

    /// Selects a list position; the article pane and sidebar follow.
    pub(super) fn select(&mut self, position: usize) {
        // A move of the user's own: End pressed before the rest of the library came is dropped.
        self.bottom_after_rest = false;
        if position == self.selected || position >= self.list_len() {
            return;
        }
        self.selected = position;
        self.sync();
        self.reveal_selection();
        self.follow_filtered_person();
    }

    /// Scrolls the article by rows.
    pub(super) fn scroll_article(&mut self, delta: isize) {
        let top = self.top_row();
        let max = self.max_top_row();
        let row = offset(top, delta, max + 1);
        self.set_top_row(row);
        if let Some(i) = self.shown() {
            self.mark_read(i);
        }
    }

    /// Makes `row` the first row shown.
    pub(super) fn set_top_row(&mut self, row: usize) {
        let Some(c) = &self.current else { return };
        let Some(r) = c.wrapped.rows.get(row.min(c.wrapped.len().saturating_sub(1))) else { return };
        let anchor = Anchor { block: r.block, offset: r.start };
        self.set_scroll(anchor);
    }

    fn cycle_focus(&mut self, forward: bool) {
        // Zoomed, the article is the only pane.
        let mut order = if self.list_shown() { vec![Focus::List, Focus::Article] } else { vec![Focus::Article] };
        if self.sidebar_visible() {
            order.push(Focus::People);
        }
        let at = order.iter().position(|f| *f == self.focus).unwrap_or(0);
        let n = order.len();
        self.focus = order[if forward { (at + 1) % n } else { (at + n - 1) % n }];
        self.on_focus();
    }

    /// What happens when a pane gains focus.
    pub(super) fn on_focus(&mut self) {
        match self.focus {
            Focus::Article => {
                if let Some(i) = self.shown() {
                    self.mark_read(i);
                }
            }
            Focus::People => {
                let at = self.view().map_or(0, |v| v.person);
                self.highlight_person(at);
            }
            Focus::List => {}
        }
    }

    fn open(&mut self) {
        match self.focus {
            Focus::List => {
                self.focus = Focus::Article;
                self.on_focus();
            }
            Focus::People => self.filter_by_person(),
            Focus::Article => {}
        }
    }

    /// Esc: on the list, a person filter goes first; elsewhere the article's search does.
    fn cancel(&mut self) {
        // A person's articles asked of the library and not come yet: Esc takes the question back.
        if self.person_filter_asked.take().is_some() {
            self.info("Not narrowed".to_string());
            return;
        }
        if self.focus == Focus::List && self.filter.is_some() {
            self.clear_filter();
            return;
        }
        if self.focus == Focus::List && self.clear_narrowing() {
            return;
        }
        if let Some(view) = self.view_mut()
            && view.search.take().is_some()
        {
            return;
        }
        if self.filter.is_some() {
            self.clear_filter();
        }
    }

    fn toggle_sidebar(&mut self) {
        // Zoomed, the sidebar comes back with the other panes.
        self.reading.zoom = false;
        let visible = self.sidebar_visible();
        self.sidebar = if visible { super::SidebarPref::Hidden } else { super::SidebarPref::Shown };
        if !self.sidebar_visible() && self.focus == Focus::People {
            self.focus = Focus::Article;
        }
        if !self.sidebar_visible() && self.sidebar == super::SidebarPref::Shown {
            self.info("The terminal is too small for the people sidebar".to_string());
        }
    }

    fn show_quotes(&mut self) {
        match self.selected_person() {
            Some(_) => self.mode = Mode::Quotes { scroll: 0 },
            None => self.info("No person selected: Tab to the people sidebar first".to_string()),
        }
    }

    fn wheel(&mut self, x: u16, y: u16, down: bool) {
        let Panes::Panes(p) = self.panes() else { return };
        let rows = if down { WHEEL_ROWS as isize } else { -(WHEEL_ROWS as isize) };
        if contains(p.article, x, y) {
            self.scroll_article(rows);
        } else if contains(p.list, x, y) {
            let max = self.list_len().saturating_sub(1);
            self.list_offset = offset(self.list_offset, rows, max + 1);
        } else if let Some(people) = p.people.filter(|r| contains(*r, x, y)) {
            let n = self.shown().map_or(0, |i| self.people_of(i).len());
            let visible = usize::from(inner(people).height) / PERSON_ROWS;
            if let Some(v) = self.view_mut() {
                v.people_offset = offset(v.people_offset, rows, n.saturating_sub(visible) + 1);
            }
        }
    }

    fn click(&mut self, x: u16, y: u16) {
        let Panes::Panes(p) = self.panes() else { return };
        if contains(p.list, x, y) {
            self.focus = Focus::List;
            let body = inner(p.list);
            if y >= body.y && y < body.y + body.height {
                let position = self.list_offset + usize::from(y - body.y) / LIST_ITEM_ROWS;
                self.select(position);
            }
        } else if contains(p.article, x, y) {
            self.focus = Focus::Article;
            self.on_focus();
        } else if let Some(people) = p.people.filter(|r| contains(*r, x, y)) {
            self.focus = Focus::People;
            let body = inner(people);
            let first = self.view().map_or(0, |v| v.people_offset);
            let n = self.shown().map_or(0, |i| self.people_of(i).len());
            if y >= body.y && y < body.y + body.height {
                let at = first + usize::from(y - body.y) / PERSON_ROWS;
                if at < n {
                    self.select_person(at);
                    return;
                }
            }
            self.on_focus();
        }
    }

    pub(super) fn info(&mut self, text: String) {
        self.message = Some(Message { text, kind: MessageKind::Info });
    }

    pub(super) fn warn(&mut self, text: String) {
        self.message = Some(Message { text, kind: MessageKind::Warning });
    }

    /// Keeps selection and offsets inside their ranges.
    fn clamp(&mut self) {
        let overlay_max = u16::try_from(overlay::max_overlay_scroll(self)).unwrap_or(u16::MAX);
        if let Mode::Help { scroll } | Mode::Quotes { scroll } = &mut self.mode {
            *scroll = (*scroll).min(overlay_max);
        }
        let n = self.list_len();
        self.selected = self.selected.min(n.saturating_sub(1));
        let Panes::Panes(p) = self.panes() else { return };
        let visible = (usize::from(inner(p.list).height) / LIST_ITEM_ROWS).max(1);
        self.list_offset = self.list_offset.min(n.saturating_sub(visible));
        if self.focus == Focus::People && !self.sidebar_visible() {
            self.focus = Focus::Article;
        }
        // People still being found have not been chosen from yet: nothing to clamp.
        let Some(people_n) = self.shown().and_then(|i| self.people_ready(i)).map(<[_]>::len) else { return };
        let people_visible = p.people.map_or(1, |r| (usize::from(inner(r).height) / PERSON_ROWS).max(1));
        if let Some(v) = self.view_mut() {
            v.person = v.person.min(people_n.saturating_sub(1));
            v.people_offset = v.people_offset.min(people_n.saturating_sub(people_visible));
        }
    }

    /// Scrolls the list so the selection is on screen (after the selection moved, or a resize).
    pub(super) fn reveal_selection(&mut self) {
        let Panes::Panes(p) = self.panes() else { return };
        let visible = (usize::from(inner(p.list).height) / LIST_ITEM_ROWS).max(1);
        if self.selected < self.list_offset {
            self.list_offset = self.selected;
        } else if self.selected >= self.list_offset + visible {
            self.list_offset = self.selected + 1 - visible;
        }
    }

    /// Scrolls the sidebar so the selected person is on screen.
    pub(super) fn reveal_person(&mut self) {
        let Panes::Panes(p) = self.panes() else { return };
        let visible = p.people.map_or(1, |r| (usize::from(inner(r).height) / PERSON_ROWS).max(1));
        if let Some(v) = self.view_mut() {
            if v.person < v.people_offset {
                v.people_offset = v.person;
            } else if v.person >= v.people_offset + visible {
                v.people_offset = v.person + 1 - visible;
            }
        }
    }
}

/// `at + delta` kept within `0..len` (saturating at the ends).
#[must_use]
pub fn offset(at: usize, delta: isize, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    let moved =
        if delta < 0 { at.saturating_sub(delta.unsigned_abs()) } else { at.saturating_add(delta.unsigned_abs()) };
    moved.min(len - 1)
}

fn contains(r: ratatui::layout::Rect, x: u16, y: u16) -> bool {
    x >= r.x && x < r.x.saturating_add(r.width) && y >= r.y && y < r.y.saturating_add(r.height)
}
