//! Keys to actions, as data: a [`Keymap`] holds, for each key mode, which keys each action has.
//! It starts from [`DEFAULTS`] and takes the user's bindings on top; the help overlay, `--help`
//! and the README's key list are generated from it, so they always say what the keys do.
//!
//! A key mode is where keys are read: a pane of the reader, the search prompt, an overlay.
//! Adding one (a new screen) is a line in [`MODES`] and its lines in [`DEFAULTS`].

use crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind};

use super::action::{ACTIONS, Action};
use super::state::{App, Focus, Mode};
use crate::keys::Key;

/// Where keys are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyMode {
    /// Keys that work on every screen and pane, except while typing: what the reader and the
    /// screens whose mode falls back to it do not bind.
    Global,
    /// Any pane of the reader: what the list, article and people modes do not bind.
    Reader,
    List,
    Article,
    People,
    /// Typing a search after `/`.
    Prompt,
    /// Typing a command after `|` or a file name after `w`: the search prompt's editing keys.
    Input,
    /// The help and quotes overlays.
    Overlay,
    /// The people view (`app::people_view`).
    PeopleView,
    /// A person's page (`app::person_page`).
    Person,
    /// Typing a query on the library search screen.
    Search,
    /// Moving through the library search's results.
    SearchResults,
    /// The feeds view.
    Feeds,
}

/// A key mode: its name in the config file (`[keys.NAME]`), the help's heading, and where keys
/// it does not bind are looked up next.
#[derive(Debug)]
pub struct ModeDef {
    pub mode: KeyMode,
    pub name: &'static str,
    pub title: &'static str,
    pub parent: Option<KeyMode>,
}

const fn mode(mode: KeyMode, name: &'static str, title: &'static str, parent: Option<KeyMode>) -> ModeDef {
    ModeDef { mode, name, title, parent }
}

/// Every key mode, in the order help shows them.
pub const MODES: &[ModeDef] = &[
    mode(KeyMode::Global, "global", "Anywhere (but while typing)", None),
    mode(KeyMode::Reader, "reader", "Reading (any pane)", Some(KeyMode::Global)),
    mode(KeyMode::List, "list", "In the list", Some(KeyMode::Reader)),
    mode(KeyMode::Article, "article", "In the article", Some(KeyMode::Reader)),
    mode(KeyMode::People, "people", "In the people sidebar", Some(KeyMode::Reader)),
    mode(KeyMode::Prompt, "search-prompt", "Typing a search (after /)", None),
    mode(KeyMode::Input, "input-prompt", "Typing a command or file name (after | or w)", Some(KeyMode::Prompt)),
    mode(KeyMode::Overlay, "overlay", "Help and quotes", None),
    mode(KeyMode::PeopleView, "people-view", "In the people view (P)", Some(KeyMode::Reader)),
    mode(KeyMode::Person, "person", "On a person's page", Some(KeyMode::Reader)),
    mode(KeyMode::Search, "search", "Searching the library: typing the query", None),
    mode(KeyMode::SearchResults, "search-results", "Searching the library: the results", Some(KeyMode::Global)),
    mode(KeyMode::Feeds, "feeds", "In the feeds view (F)", Some(KeyMode::Reader)),
];

const fn ch(c: char) -> Key {
    Key::plain(KeyCode::Char(c))
}
const fn ctrl(c: char) -> Key {
    Key::ctrl(c)
}
const fn key(code: KeyCode) -> Key {
    Key::plain(code)
}

/// The default keys: a mode, an action, its keys.
pub const DEFAULTS: &[(KeyMode, Action, &[Key])] = &[
    (KeyMode::Global, Action::LibrarySearch, &[ch('f')]),
    (KeyMode::Reader, Action::Down, &[key(KeyCode::Down), ch('j')]),
    (KeyMode::Reader, Action::Up, &[key(KeyCode::Up), ch('k')]),
    (KeyMode::Reader, Action::PageDown, &[key(KeyCode::PageDown), ch(' '), ctrl('f')]),
    (KeyMode::Reader, Action::PageUp, &[key(KeyCode::PageUp), ch('b'), ctrl('b')]),
    (KeyMode::Reader, Action::HalfPageDown, &[ctrl('d')]),
    (KeyMode::Reader, Action::HalfPageUp, &[ctrl('u')]),
    (KeyMode::Reader, Action::Top, &[key(KeyCode::Home), ch('g')]),
    (KeyMode::Reader, Action::Bottom, &[key(KeyCode::End), ch('G')]),
    (KeyMode::Reader, Action::NextUnread, &[ch(']')]),
    (KeyMode::Reader, Action::PrevUnread, &[ch('[')]),
    (KeyMode::Reader, Action::FocusNext, &[key(KeyCode::Tab), key(KeyCode::Right), ch('l')]),
    (KeyMode::Reader, Action::FocusPrev, &[key(KeyCode::BackTab), key(KeyCode::Left), ch('h')]),
    (KeyMode::Reader, Action::Open, &[key(KeyCode::Enter)]),
    (KeyMode::Reader, Action::StartSearch, &[ch('/')]),
    (KeyMode::Reader, Action::NextMatch, &[ch('n')]),
    (KeyMode::Reader, Action::PrevMatch, &[ch('N')]),
    (KeyMode::Reader, Action::ShowQuotes, &[ch('o'), ch('"')]),
    (KeyMode::Reader, Action::ToggleSidebar, &[ch('p')]),
    (KeyMode::Reader, Action::Zoom, &[ch('z')]),
    (KeyMode::Reader, Action::ToggleRead, &[ch('m')]),
    (KeyMode::Reader, Action::ToggleStar, &[ch('s')]),
    (KeyMode::Reader, Action::MarkListRead, &[ch('A')]),
    (KeyMode::Reader, Action::DeleteArticle, &[ch('D')]),
    (KeyMode::Reader, Action::Undo, &[ch('u')]),
    (KeyMode::Reader, Action::CycleShow, &[ch('v')]),
    (KeyMode::Reader, Action::CycleSort, &[ch('S')]),
    (KeyMode::Reader, Action::ToggleLibrary, &[ch('L')]),
    (KeyMode::Global, Action::Feeds, &[ch('F')]),
    (KeyMode::Reader, Action::FetchFeed, &[ch('r')]),
    (KeyMode::Global, Action::FetchAll, &[ch('R')]),
    (KeyMode::Reader, Action::OpenLink, &[ch('O')]),
    (KeyMode::Reader, Action::PipeArticle, &[ch('|')]),
    (KeyMode::Reader, Action::SaveArticle, &[ch('w')]),
    (KeyMode::Reader, Action::FullText, &[ch('x')]),
    (KeyMode::Reader, Action::Cancel, &[key(KeyCode::Esc)]),
    (KeyMode::Reader, Action::ToggleHelp, &[ch('?'), key(KeyCode::F(1))]),
    (KeyMode::Reader, Action::Back, &[ch('q')]),
    (KeyMode::Reader, Action::Quit, &[ctrl('c')]),
    (KeyMode::Global, Action::PeopleView, &[ch('P')]),
    (KeyMode::Article, Action::ReadOn, &[ch(' ')]),
    (KeyMode::Article, Action::NextArticle, &[ch('J')]),
    (KeyMode::Article, Action::PrevArticle, &[ch('K')]),
    (KeyMode::Prompt, Action::Accept, &[key(KeyCode::Enter)]),
    (KeyMode::Prompt, Action::Cancel, &[key(KeyCode::Esc)]),
    (KeyMode::Prompt, Action::Backspace, &[key(KeyCode::Backspace), ctrl('h')]),
    (KeyMode::Prompt, Action::Delete, &[key(KeyCode::Delete)]),
    (KeyMode::Prompt, Action::ClearQuery, &[ctrl('u')]),
    (KeyMode::Prompt, Action::CursorLeft, &[key(KeyCode::Left)]),
    (KeyMode::Prompt, Action::CursorRight, &[key(KeyCode::Right)]),
    (KeyMode::Prompt, Action::CursorHome, &[key(KeyCode::Home), ctrl('a')]),
    (KeyMode::Prompt, Action::CursorEnd, &[key(KeyCode::End), ctrl('e')]),
    (KeyMode::Prompt, Action::Quit, &[ctrl('c')]),
    (KeyMode::Overlay, Action::Down, &[key(KeyCode::Down), ch('j')]),
    (KeyMode::Overlay, Action::Up, &[key(KeyCode::Up), ch('k')]),
    (KeyMode::Overlay, Action::PageDown, &[key(KeyCode::PageDown), ch(' ')]),
    (KeyMode::Overlay, Action::PageUp, &[key(KeyCode::PageUp), ch('b')]),
    (KeyMode::Overlay, Action::Top, &[key(KeyCode::Home), ch('g')]),
    (KeyMode::Overlay, Action::Bottom, &[key(KeyCode::End), ch('G')]),
    (KeyMode::Overlay, Action::Cancel, &[key(KeyCode::Esc), ch('?'), key(KeyCode::Enter)]),
    (KeyMode::Overlay, Action::Back, &[ch('q')]),
    (KeyMode::Overlay, Action::Quit, &[ctrl('c')]),
    (KeyMode::PeopleView, Action::Open, &[key(KeyCode::Enter)]),
    (KeyMode::PeopleView, Action::StartSearch, &[ch('/')]),
    (KeyMode::PeopleView, Action::CycleSort, &[ch('s'), ch('S')]),
    (KeyMode::PeopleView, Action::MarkPerson, &[ch('m')]),
    (KeyMode::PeopleView, Action::Undo, &[ch('u')]),
    (KeyMode::PeopleView, Action::Cancel, &[key(KeyCode::Esc)]),
    (KeyMode::Person, Action::Open, &[key(KeyCode::Enter)]),
    (KeyMode::Person, Action::FocusNext, &[key(KeyCode::Tab)]),
    (KeyMode::Person, Action::FocusPrev, &[key(KeyCode::BackTab)]),
    (KeyMode::Person, Action::SplitName, &[ch('X')]),
    (KeyMode::Person, Action::Undo, &[ch('u')]),
    (KeyMode::Search, Action::Accept, &[key(KeyCode::Enter)]),
    (KeyMode::Search, Action::Cancel, &[key(KeyCode::Esc)]),
    (KeyMode::Search, Action::Backspace, &[key(KeyCode::Backspace), ctrl('h')]),
    (KeyMode::Search, Action::Delete, &[key(KeyCode::Delete)]),
    (KeyMode::Search, Action::ClearQuery, &[ctrl('u')]),
    (KeyMode::Search, Action::CursorLeft, &[key(KeyCode::Left)]),
    (KeyMode::Search, Action::CursorRight, &[key(KeyCode::Right)]),
    (KeyMode::Search, Action::CursorHome, &[key(KeyCode::Home), ctrl('a')]),
    (KeyMode::Search, Action::CursorEnd, &[key(KeyCode::End), ctrl('e')]),
    (KeyMode::Search, Action::Up, &[key(KeyCode::Up), ctrl('p')]),
    (KeyMode::Search, Action::Down, &[key(KeyCode::Down), ctrl('n')]),
    (KeyMode::Search, Action::FocusNext, &[key(KeyCode::Tab)]),
    (KeyMode::Search, Action::CycleSort, &[ctrl('o')]),
    (KeyMode::Search, Action::SaveSearch, &[ctrl('s')]),
    (KeyMode::Search, Action::ToggleHelp, &[key(KeyCode::F(1))]),
    (KeyMode::Search, Action::Quit, &[ctrl('c')]),
    (KeyMode::SearchResults, Action::Down, &[key(KeyCode::Down), ch('j')]),
    (KeyMode::SearchResults, Action::Up, &[key(KeyCode::Up), ch('k')]),
    (KeyMode::SearchResults, Action::PageDown, &[key(KeyCode::PageDown), ch(' ')]),
    (KeyMode::SearchResults, Action::PageUp, &[key(KeyCode::PageUp), ch('b')]),
    (KeyMode::SearchResults, Action::Top, &[key(KeyCode::Home), ch('g')]),
    (KeyMode::SearchResults, Action::Bottom, &[key(KeyCode::End), ch('G')]),
    (KeyMode::SearchResults, Action::Open, &[key(KeyCode::Enter)]),
    (KeyMode::SearchResults, Action::StartSearch, &[ch('/'), key(KeyCode::Tab), key(KeyCode::BackTab)]),
    (KeyMode::SearchResults, Action::CycleSort, &[ch('o'), ctrl('o')]),
    (KeyMode::SearchResults, Action::SaveSearch, &[ch('a'), ctrl('s')]),
    (KeyMode::SearchResults, Action::FilterList, &[ch('l')]),
    (KeyMode::SearchResults, Action::ToggleHelp, &[ch('?'), key(KeyCode::F(1))]),
    (KeyMode::SearchResults, Action::Cancel, &[key(KeyCode::Esc)]),
    (KeyMode::SearchResults, Action::Back, &[ch('q')]),
    (KeyMode::SearchResults, Action::Quit, &[ctrl('c')]),
    (KeyMode::Feeds, Action::Down, &[key(KeyCode::Down), ch('j')]),
    (KeyMode::Feeds, Action::Up, &[key(KeyCode::Up), ch('k')]),
    (KeyMode::Feeds, Action::PageDown, &[key(KeyCode::PageDown), ch(' '), ctrl('f')]),
    (KeyMode::Feeds, Action::PageUp, &[key(KeyCode::PageUp), ch('b'), ctrl('b')]),
    (KeyMode::Feeds, Action::Top, &[key(KeyCode::Home), ch('g')]),
    (KeyMode::Feeds, Action::Bottom, &[key(KeyCode::End), ch('G')]),
    (KeyMode::Feeds, Action::Open, &[key(KeyCode::Enter), ch('l')]),
    (KeyMode::Feeds, Action::Feeds, &[ch('F')]),
    (KeyMode::Feeds, Action::FetchFeed, &[ch('r')]),
    (KeyMode::Feeds, Action::FetchAll, &[ch('R')]),
    (KeyMode::Feeds, Action::Back, &[ch('q'), key(KeyCode::Esc), ch('h')]),
];

/// Whether `action` does anything in `mode`: editing keys only in the prompt, scrolling and
/// closing in the overlays, the rest in the reader's panes.
#[must_use]
pub fn does_something(mode: KeyMode, action: Action) -> bool {
    let editing = matches!(
        action,
        Action::Accept
            | Action::Backspace
            | Action::Delete
            | Action::ClearQuery
            | Action::CursorLeft
            | Action::CursorRight
            | Action::CursorHome
            | Action::CursorEnd
    );
    match mode {
        KeyMode::Global => {
            matches!(action, Action::LibrarySearch | Action::PeopleView | Action::Feeds | Action::FetchAll)
        }
        KeyMode::Search => {
            editing
                || matches!(
                    action,
                    Action::Cancel
                        | Action::Quit
                        | Action::Up
                        | Action::Down
                        | Action::FocusNext
                        | Action::FocusPrev
                        | Action::CycleSort
                        | Action::SaveSearch
                        | Action::ToggleHelp
                )
        }
        KeyMode::SearchResults => matches!(
            action,
            Action::Down
                | Action::Up
                | Action::PageDown
                | Action::PageUp
                | Action::Top
                | Action::Bottom
                | Action::Open
                | Action::StartSearch
                | Action::FocusNext
                | Action::FocusPrev
                | Action::CycleSort
                | Action::SaveSearch
                | Action::FilterList
                | Action::LibrarySearch
                | Action::PeopleView
                | Action::Feeds
                | Action::FetchAll
                | Action::ToggleHelp
                | Action::Cancel
                | Action::Back
                | Action::Quit
        ),
        KeyMode::Prompt | KeyMode::Input => editing || matches!(action, Action::Cancel | Action::Quit),
        KeyMode::Overlay => matches!(
            action,
            Action::Down
                | Action::Up
                | Action::PageDown
                | Action::PageUp
                | Action::Top
                | Action::Bottom
                | Action::Cancel
                | Action::ToggleHelp
                | Action::Back
                | Action::Quit
        ),
        KeyMode::Reader | KeyMode::List | KeyMode::Article | KeyMode::People => {
            !editing
                && !matches!(action, Action::MarkPerson | Action::SplitName | Action::SaveSearch | Action::FilterList)
        }
        KeyMode::PeopleView | KeyMode::Person => {
            let own = if mode == KeyMode::PeopleView {
                matches!(action, Action::StartSearch | Action::CycleSort | Action::MarkPerson)
            } else {
                matches!(action, Action::SplitName | Action::FocusNext | Action::FocusPrev)
            };
            own || matches!(
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
                    | Action::Undo
                    | Action::Cancel
                    | Action::Back
                    | Action::Quit
                    | Action::ToggleHelp
                    | Action::PeopleView
                    | Action::LibrarySearch
                    | Action::Feeds
                    | Action::FetchAll
            )
        }
        KeyMode::Feeds => matches!(
            action,
            Action::Down
                | Action::Up
                | Action::PageDown
                | Action::PageUp
                | Action::Top
                | Action::Bottom
                | Action::Open
                | Action::Feeds
                | Action::FetchFeed
                | Action::FetchAll
                | Action::ToggleHelp
                | Action::Back
                | Action::Cancel
                | Action::Quit
                | Action::PeopleView
                | Action::LibrarySearch
        ),
    }
}

/// What help says of an action where the mode gives it a meaning of its own.
fn help_in(mode: KeyMode, action: Action) -> Option<&'static str> {
    Some(match (mode, action) {
        (KeyMode::Prompt, Action::Cancel) => "abandon the search, back to where you were",
        (KeyMode::Input, Action::Cancel) => "abandon: nothing is run or saved",
        (KeyMode::Input, Action::Accept) => "run the command, or save",
        (KeyMode::Overlay, Action::Cancel | Action::Back) => "close",
        (KeyMode::Overlay, Action::Down) => "scroll down",
        (KeyMode::Overlay, Action::Up) => "scroll up",
        (KeyMode::Overlay, Action::Top) => "top",
        (KeyMode::Overlay, Action::Bottom) => "bottom",
        (KeyMode::PeopleView, Action::Open) => "the person's page",
        (KeyMode::PeopleView, Action::StartSearch) => "filter by name as you type (Enter keeps it, Esc drops it)",
        (KeyMode::PeopleView, Action::CycleSort) => "sort by articles, mentions, recency, name",
        (KeyMode::PeopleView, Action::Undo) => "undo the last merge (splits them again)",
        (KeyMode::PeopleView, Action::Cancel) => "drop the mark, then the filter, then close",
        (KeyMode::Person, Action::Open) => "an article or quote: read it, the person picked; an associate: their page",
        (KeyMode::Person, Action::FocusNext) => "next section",
        (KeyMode::Person, Action::FocusPrev) => "previous section",
        (KeyMode::Person, Action::SplitName) => "on a name: the articles using it become a person of their own",
        (KeyMode::Person, Action::Undo) => "undo the last split (merges them again)",
        (KeyMode::Search, Action::Accept) => "keep the query in the history, and go to the results",
        (KeyMode::Search, Action::Cancel) => "close the library search",
        (KeyMode::Search, Action::Up) => "the query before in the history",
        (KeyMode::Search, Action::Down) => "the query after in the history",
        (KeyMode::Search, Action::FocusNext) => "go to the results",
        (KeyMode::Search | KeyMode::SearchResults, Action::CycleSort) => "order: best match first / newest first",
        (KeyMode::SearchResults, Action::Open) => {
            "read it, the query's words highlighted (n/N walk them); on a past search, run it"
        }
        (KeyMode::SearchResults, Action::StartSearch) => "back to the query",
        (KeyMode::SearchResults, Action::FilterList) => {
            "the reader's list: only what this search (or the saved one) finds; Esc shows all"
        }
        (KeyMode::SearchResults, Action::Cancel | Action::Back) => "close the library search",
        (KeyMode::SearchResults, Action::Top) => "first result",
        (KeyMode::SearchResults, Action::Bottom) => "last result",
        (KeyMode::Feeds, Action::Down) => "next feed",
        (KeyMode::Feeds, Action::Up) => "previous feed",
        (KeyMode::Feeds, Action::Top) => "first line (all articles)",
        (KeyMode::Feeds, Action::Bottom) => "last feed",
        (KeyMode::Feeds, Action::Open) => "the list narrowed to this feed, tag or all articles",
        (KeyMode::Feeds, Action::Feeds) => "read the feeds again",
        (KeyMode::Feeds, Action::FetchFeed) => "fetch this feed (a tag: its feeds), in the background",
        (KeyMode::Feeds, Action::Back) => "back to the reader",
        _ => return None,
    })
}

/// One mode's bindings: each action with its keys, in help order.
pub type ModeBindings = Vec<(Action, Vec<Key>)>;

/// The keys in force: for each mode, each action's keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    modes: Vec<(KeyMode, ModeBindings)>,
}

impl Default for Keymap {
    fn default() -> Self {
        let modes = MODES
            .iter()
            .map(|m| {
                let mut actions: ModeBindings = DEFAULTS
                    .iter()
                    .filter(|(mode, ..)| *mode == m.mode)
                    .map(|(_, action, keys)| (*action, keys.to_vec()))
                    .collect();
                sort_for_help(&mut actions);
                (m.mode, actions)
            })
            .collect();
        Self { modes }
    }
}

fn sort_for_help(actions: &mut [(Action, Vec<Key>)]) {
    actions.sort_by_key(|(a, _)| ACTIONS.iter().position(|d| d.action == *a).unwrap_or(usize::MAX));
}

impl Keymap {
    /// Gives `action` exactly `keys` in `mode`, taking each of them from whatever action had it
    /// there: a user's binding replaces the default binding of that key.
    pub fn bind(&mut self, mode: KeyMode, action: Action, keys: &[Key]) {
        let Some((_, actions)) = self.modes.iter_mut().find(|(m, _)| *m == mode) else { return };
        for (_, bound) in actions.iter_mut() {
            bound.retain(|k| !keys.contains(k));
        }
        match actions.iter_mut().find(|(a, _)| *a == action) {
            Some((_, bound)) => *bound = keys.to_vec(),
            None => {
                actions.push((action, keys.to_vec()));
                sort_for_help(actions);
            }
        }
    }

    /// Each action bound in `mode` (not counting the modes it falls back to), with its keys.
    #[must_use]
    pub fn bindings(&self, mode: KeyMode) -> &[(Action, Vec<Key>)] {
        self.modes.iter().find(|(m, _)| *m == mode).map_or(&[], |(_, a)| a.as_slice())
    }

    /// The keys of `action` in `mode` or the modes it falls back to: the reverse map, for hints.
    #[must_use]
    pub fn keys_for(&self, mode: KeyMode, action: Action) -> &[Key] {
        let mut at = Some(mode);
        while let Some(m) = at {
            if let Some((_, keys)) = self.bindings(m).iter().find(|(a, k)| *a == action && !k.is_empty()) {
                return keys;
            }
            at = parent(m);
        }
        &[]
    }

    /// The action `key` does in `mode`, looking in the modes it falls back to.
    #[must_use]
    pub fn lookup(&self, mode: KeyMode, key: &Key) -> Option<Action> {
        let mut at = Some(mode);
        while let Some(m) = at {
            if let Some((a, _)) = self.bindings(m).iter().find(|(_, keys)| keys.contains(key)) {
                return Some(*a);
            }
            at = parent(m);
        }
        None
    }

    /// The action for a terminal event in `mode`, if any.
    #[must_use]
    pub fn action_for(&self, mode: KeyMode, event: &Event) -> Option<Action> {
        match event {
            Event::Key(k) if k.kind == KeyEventKind::Release => None,
            Event::Key(k) => {
                let pressed = Key::from_event(k);
                if let Some(action) = self.lookup(mode, &pressed) {
                    return Some(action);
                }
                // What no binding claims: digits are a count in the reader; in the prompt,
                // printable characters are typed.
                let plain = !k.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
                match (mode, k.code) {
                    (KeyMode::Prompt | KeyMode::Search, KeyCode::Char(c)) if plain => Some(Action::Insert(c)),
                    (KeyMode::Prompt | KeyMode::Input, KeyCode::Char(c)) if plain => Some(Action::Insert(c)),
                    (KeyMode::Reader | KeyMode::List | KeyMode::Article | KeyMode::People, KeyCode::Char(c))
                        if plain =>
                    {
                        c.to_digit(10).and_then(|d| u8::try_from(d).ok()).map(Action::Digit)
                    }
                    _ => None,
                }
            }
            Event::Mouse(m) => match m.kind {
                MouseEventKind::ScrollUp => Some(Action::ScrollUpAt(m.column, m.row)),
                MouseEventKind::ScrollDown => Some(Action::ScrollDownAt(m.column, m.row)),
                MouseEventKind::Down(MouseButton::Left) => Some(Action::ClickAt(m.column, m.row)),
                _ => None,
            },
            Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
            _ => None,
        }
    }

    /// The first key of `action` in `mode`, as help writes it, for the status bar's hints.
    #[must_use]
    pub fn hint_key(&self, mode: KeyMode, action: Action) -> Option<String> {
        self.keys_for(mode, action).first().map(ToString::to_string)
    }

    /// The keymap as help sections: each mode's heading and its lines (keys, what they do).
    #[must_use]
    pub fn help_sections(&self) -> Vec<(&'static str, Vec<(String, &'static str)>)> {
        MODES
            .iter()
            .map(|m| {
                let mut lines: Vec<(String, &'static str)> = self
                    .bindings(m.mode)
                    .iter()
                    .filter(|(_, keys)| !keys.is_empty())
                    .map(|(action, keys)| {
                        let help = help_in(m.mode, *action).or(action.def().map(|d| d.help)).unwrap_or("");
                        (keys_text(keys), help)
                    })
                    .collect();
                if m.mode == KeyMode::Reader {
                    lines.push(("0-9".to_string(), "a count for the next key: 20j, 3n, 40G (line 40)"));
                }
                (m.title, lines)
            })
            .filter(|(_, lines)| !lines.is_empty())
            .collect()
    }

    /// The keymap as plain text, for `--help` and the README.
    #[must_use]
    pub fn help_text(&self) -> String {
        let mut out = String::from("Keys:\n");
        for (title, lines) in self.help_sections() {
            out.push_str(&format!("  {title}\n"));
            for (keys, help) in lines {
                out.push_str(&format!("    {keys:<22} {help}\n"));
            }
        }
        out.push_str(
            "  Mouse: the wheel scrolls the pane under the pointer; a click selects an article or a person.\n",
        );
        out.push_str("  Symbols\n");
        for (symbol, meaning) in SYMBOLS {
            out.push_str(&format!("    {symbol:<22} {meaning}\n"));
        }
        out
    }
}

/// Every mark the screen draws and what it means, for the help.
pub const SYMBOLS: &[(&str, &str)] = &[
    ("•", "an article not read yet (in the list)"),
    ("★", "a starred article"),
    ("×3", "how many times the article mentions the person"),
    ("(byline) (credits)", "the writer, or a reporter credited at the end"),
    ("█ ║", "the scrollbar: where you are in the article, and how much is left"),
    ("[3/12]", "the current match and how many there are"),
    ("37%", "how far into the article the last line shown is"),
    ("!", "a feed whose last fetch failed, with why (in the feeds view)"),
];

fn parent(mode: KeyMode) -> Option<KeyMode> {
    MODES.iter().find(|m| m.mode == mode).and_then(|m| m.parent)
}

/// Keys as help writes them: "Down j".
#[must_use]
pub fn keys_text(keys: &[Key]) -> String {
    keys.iter().map(ToString::to_string).collect::<Vec<_>>().join(" ")
}

/// Where the app reads keys now.
#[must_use]
pub fn key_mode(app: &App) -> KeyMode {
    if let (Mode::Normal, Some(screen)) = (&app.mode, app.screen()) {
        return screen_key_mode(screen);
    }
    match (&app.mode, app.focus) {
        (Mode::Search(_), _) => KeyMode::Prompt,
        (Mode::Prompt(_), _) => KeyMode::Input,
        (Mode::Help { .. } | Mode::Quotes { .. }, _) => KeyMode::Overlay,
        (Mode::Normal, Focus::List) => KeyMode::List,
        (Mode::Normal, Focus::Article) => KeyMode::Article,
        (Mode::Normal, Focus::People) => KeyMode::People,
    }
}

/// Where a screen's keys are read.
fn screen_key_mode(screen: &crate::app::Screen) -> KeyMode {
    match screen {
        crate::app::Screen::People(view) if view.editing.is_some() => KeyMode::Prompt,
        crate::app::Screen::People(_) => KeyMode::PeopleView,
        crate::app::Screen::Person(_) => KeyMode::Person,
        crate::app::Screen::Search(s) => s.key_mode(),
        crate::app::Screen::Feeds(_) => KeyMode::Feeds,
    }
}

/// The keymap of the defaults as plain text: the README's key list.
#[must_use]
pub fn help_text() -> String {
    Keymap::default().help_text()
}

#[cfg(test)]
#[path = "keymap_tests.rs"]
mod tests;
