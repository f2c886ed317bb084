//! Screens: what fills the terminal besides the reader's panes (library search results, the
//! feeds, the people view, a person's page). They stack above the reader: the newest is shown
//! and takes the keys, `Back` closes it and shows the one below, and the reader is always at the
//! bottom. Each screen is a variant of [`Screen`] that owns its state; `update`, the key modes
//! and the renderer dispatch on it.
//!
//! A screen that needs the library asks for it with [`Effect::Ask`](super::Effect::Ask): the
//! runner answers on a worker, and the answer comes back through [`App::answer`], so the UI
//! thread never waits on the disk.

use super::action::Action;
use super::effect::Answer;
use super::state::{App, Mode};

/// A screen above the reader, with its state.
#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    /// Everyone in the library (`P`).
    People(super::people_view::PeopleView),
    /// One person's page.
    Person(super::person_page::PersonScreen),
    /// The library search (`f`).
    Search(super::search_screen::SearchScreen),
    /// The feeds by tag, with unread counts and errors (see [`super::feeds`]).
    Feeds(super::feeds::FeedsScreen),
}

impl App {
    /// The screen shown, `None` for the reader.
    #[must_use]
    pub fn screen(&self) -> Option<&Screen> {
        self.screens.last()
    }

    /// Shows `screen` above the current one; overlays and the search prompt close.
    pub fn open_screen(&mut self, screen: Screen) {
        self.mode = Mode::Normal;
        self.screens.push(screen);
    }

    /// Whether a screen that asks the library can open; if not, the status bar says why.
    pub(super) fn library_answers(&mut self, what: &str) -> bool {
        if self.without_library {
            self.message = Some(super::Message {
                text: format!("{what}: no library in this run (use --db)"),
                kind: super::MessageKind::Warning,
            });
        }
        !self.without_library
    }

    /// Closes the screen shown, back to the one below it (the reader at last).
    pub fn close_screen(&mut self) -> Option<Screen> {
        self.screens.pop()
    }

    /// Applies an action to the screen shown. Call only when [`App::screen`] is `Some`.
    pub(super) fn update_screen(&mut self, action: Action) {
        let Some(screen) = self.screens.last_mut() else { return };
        match screen {
            Screen::People(_) => self.update_people_view(action),
            Screen::Person(_) => self.update_person_page(action),
            Screen::Search(_) => self.update_search_screen(action),
            Screen::Feeds(_) => self.update_feeds(action),
        }
    }

    /// The screen on top fits itself to a new terminal size.
    pub(super) fn screens_resized(&mut self) {
        self.fit_person_page();
        self.ask_for_people();
    }

    /// Takes what the library answered to an [`Effect::Ask`](super::Effect::Ask).
    pub fn answer(&mut self, answer: Answer) {
        match answer {
            answer @ (Answer::People { .. } | Answer::Person { .. } | Answer::Merged { .. } | Answer::Split { .. }) => {
                self.answer_people(answer);
            }
            a @ (Answer::SearchHits { .. }
            | Answer::SearchLists { .. }
            | Answer::SearchArticle { .. }
            | Answer::SearchFilter { .. }) => {
                self.answer_search(a);
            }
            Answer::Library(found) => self.library_arrived(found),
            Answer::Text { id, article } => self.text_arrived(id, article),
            Answer::Headers { found, next } => self.rest_arrived(found, next),
            Answer::PersonFilter { name, ids } => self.person_filter_arrived(name, ids),
            Answer::Feeds(overview) => self.feeds_answered(overview),
            Answer::Fetch(news) => self.fetch_news(news),
            a @ (Answer::StoredFullText { .. }
            | Answer::FetchedFullText { .. }
            | Answer::Opened(_)
            | Answer::Saved(_)
            | Answer::Piped(_)) => self.answer_outward(a),
        }
    }
}
