//! Keys and mouse events to actions, by mode. The tables here are the only place keys are bound:
//! the help overlay and `--help` are generated from them.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind};

use super::action::Action;
use super::state::Mode;

/// A key with its modifiers, as bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

const fn ch(c: char) -> Key {
    Key { code: KeyCode::Char(c), ctrl: false }
}
const fn ctrl(c: char) -> Key {
    Key { code: KeyCode::Char(c), ctrl: true }
}
const fn key(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

/// One line of the keymap: the keys, what they do, and how the help says it.
pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    pub help: &'static str,
}

const fn bind(keys: &'static [Key], action: Action, help: &'static str) -> Binding {
    Binding { keys, action, help }
}

/// Reading: the list, the article and the people sidebar.
pub const NORMAL: &[Binding] = &[
    bind(&[key(KeyCode::Down), ch('j')], Action::Down, "move down / scroll down"),
    bind(&[key(KeyCode::Up), ch('k')], Action::Up, "move up / scroll up"),
    bind(&[key(KeyCode::PageDown), ch(' '), ctrl('f')], Action::PageDown, "page down"),
    bind(&[key(KeyCode::PageUp), ch('b'), ctrl('b')], Action::PageUp, "page up"),
    bind(&[ctrl('d')], Action::HalfPageDown, "half a page down"),
    bind(&[ctrl('u')], Action::HalfPageUp, "half a page up"),
    bind(&[key(KeyCode::Home), ch('g')], Action::Top, "first article / top"),
    bind(&[key(KeyCode::End), ch('G')], Action::Bottom, "last article / bottom"),
    bind(&[key(KeyCode::Tab), key(KeyCode::Right), ch('l')], Action::FocusNext, "next pane"),
    bind(&[key(KeyCode::BackTab), key(KeyCode::Left), ch('h')], Action::FocusPrev, "previous pane"),
    bind(&[key(KeyCode::Enter)], Action::Open, "read the article; on a person, list their articles"),
    bind(&[ch('/')], Action::StartSearch, "search the article"),
    bind(&[ch('n')], Action::NextMatch, "next match (or mention)"),
    bind(&[ch('N')], Action::PrevMatch, "previous match (or mention)"),
    bind(&[ch('o'), ch('"')], Action::ShowQuotes, "quotes of the selected person"),
    bind(&[ch('p')], Action::ToggleSidebar, "show / hide the people sidebar"),
    bind(&[ch('m')], Action::ToggleRead, "mark the article read / unread"),
    bind(&[ch('s')], Action::ToggleStar, "star the article / take the star off"),
    bind(&[ch('A')], Action::MarkListRead, "mark every article in the list read"),
    bind(&[ch('D')], Action::DeleteArticle, "delete the article from the list"),
    bind(&[ch('u')], Action::Undo, "undo the last mark-all-read or delete"),
    bind(&[ch('v')], Action::CycleShow, "list: all, unread, starred articles"),
    bind(&[ch('S')], Action::CycleSort, "order: newest first, oldest first, by headline"),
    bind(&[key(KeyCode::Esc)], Action::Cancel, "clear the search, then the person filter"),
    bind(&[ch('?'), key(KeyCode::F(1))], Action::ToggleHelp, "this help"),
    bind(&[ch('q'), ctrl('c')], Action::Quit, "quit"),
    bind(&DIGITS, Action::Digit(0), "a count for the next key: 20j, 3n, 40G (line 40)"),
];

const DIGITS: [Key; 10] = [ch('0'), ch('1'), ch('2'), ch('3'), ch('4'), ch('5'), ch('6'), ch('7'), ch('8'), ch('9')];

/// Typing a search query; other printable keys are typed into it.
pub const SEARCH: &[Binding] = &[
    bind(&[key(KeyCode::Enter)], Action::Accept, "keep the search"),
    bind(&[key(KeyCode::Esc)], Action::Cancel, "abandon the search, back to where you were"),
    bind(&[key(KeyCode::Backspace), ctrl('h')], Action::Backspace, "delete before the cursor"),
    bind(&[key(KeyCode::Delete)], Action::Delete, "delete under the cursor"),
    bind(&[ctrl('u')], Action::ClearQuery, "clear the query"),
    bind(&[key(KeyCode::Left)], Action::CursorLeft, "cursor left"),
    bind(&[key(KeyCode::Right)], Action::CursorRight, "cursor right"),
    bind(&[key(KeyCode::Home), ctrl('a')], Action::CursorHome, "cursor to start"),
    bind(&[key(KeyCode::End), ctrl('e')], Action::CursorEnd, "cursor to end"),
    bind(&[ctrl('c')], Action::Quit, "quit"),
];

/// The help and quotes overlays.
pub const OVERLAY: &[Binding] = &[
    bind(&[key(KeyCode::Down), ch('j')], Action::Down, "scroll down"),
    bind(&[key(KeyCode::Up), ch('k')], Action::Up, "scroll up"),
    bind(&[key(KeyCode::PageDown), ch(' ')], Action::PageDown, "page down"),
    bind(&[key(KeyCode::PageUp), ch('b')], Action::PageUp, "page up"),
    bind(&[key(KeyCode::Home), ch('g')], Action::Top, "top"),
    bind(&[key(KeyCode::End), ch('G')], Action::Bottom, "bottom"),
    bind(&[key(KeyCode::Esc), ch('q'), ch('?'), key(KeyCode::Enter)], Action::Cancel, "close"),
    bind(&[ctrl('c')], Action::Quit, "quit"),
];

/// The bindings in force in `mode`.
#[must_use]
pub fn bindings(mode: &Mode) -> &'static [Binding] {
    match mode {
        Mode::Normal => NORMAL,
        Mode::Search(_) => SEARCH,
        Mode::Help { .. } | Mode::Quotes { .. } => OVERLAY,
    }
}

/// The action for a terminal event in `mode`, if any.
#[must_use]
pub fn action_for(mode: &Mode, event: &Event) -> Option<Action> {
    match event {
        Event::Key(k) => key_action(mode, k),
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

fn key_action(mode: &Mode, event: &KeyEvent) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    let alt = event.modifiers.contains(KeyModifiers::ALT);
    let pressed = Key { code: event.code, ctrl };
    if let Some(b) = bindings(mode).iter().find(|b| b.keys.contains(&pressed)) {
        return Some(match (b.action, event.code) {
            (Action::Digit(_), KeyCode::Char(c)) => Action::Digit(c.to_digit(10).and_then(|d| u8::try_from(d).ok())?),
            (action, _) => action,
        });
    }
    match (mode, event.code) {
        (Mode::Search(_), KeyCode::Char(c)) if !ctrl && !alt => Some(Action::Insert(c)),
        _ => None,
    }
}

/// How a key is written in help: `Down`, `j`, `C-u`, `S-Tab`, `Space`.
#[must_use]
pub fn key_name(key: &Key) -> String {
    let base = match key.code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::BackTab => "S-Tab".to_string(),
        KeyCode::PageDown => "PgDn".to_string(),
        KeyCode::PageUp => "PgUp".to_string(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    };
    if key.ctrl { format!("C-{base}") } else { base }
}

/// The keys of a binding, as help shows them: "Down j".
#[must_use]
pub fn keys_text(binding: &Binding) -> String {
    if binding.keys == DIGITS {
        return "0-9".to_string();
    }
    binding.keys.iter().map(key_name).collect::<Vec<_>>().join(" ")
}

/// The whole keymap as text sections, for `--help` and the help overlay.
#[must_use]
pub fn help_sections() -> Vec<(&'static str, &'static [Binding])> {
    vec![("Reading", NORMAL), ("Typing a search (after /)", SEARCH), ("Help and quotes", OVERLAY)]
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
];

/// The keymap as plain text, for `--help`.
#[must_use]
pub fn help_text() -> String {
    let mut out = String::from("Keys:\n");
    for (title, bindings) in help_sections() {
        out.push_str(&format!("  {title}\n"));
        for b in bindings {
            out.push_str(&format!("    {:<22} {}\n", keys_text(b), b.help));
        }
    }
    out.push_str("  Mouse: the wheel scrolls the pane under the pointer; a click selects an article or a person.\n");
    out.push_str("  Symbols\n");
    for (symbol, meaning) in SYMBOLS {
        out.push_str(&format!("    {symbol:<22} {meaning}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::SearchInput;
    use crossterm::event::{KeyEventState, MouseEvent};

    fn press(code: KeyCode, modifiers: KeyModifiers) -> Event {
        Event::Key(KeyEvent { code, modifiers, kind: KeyEventKind::Press, state: KeyEventState::NONE })
    }

    #[test]
    fn normal_mode_keys() {
        let n = Mode::Normal;
        assert_eq!(action_for(&n, &press(KeyCode::Char('j'), KeyModifiers::NONE)), Some(Action::Down));
        assert_eq!(action_for(&n, &press(KeyCode::Down, KeyModifiers::NONE)), Some(Action::Down));
        assert_eq!(action_for(&n, &press(KeyCode::Char('G'), KeyModifiers::SHIFT)), Some(Action::Bottom));
        assert_eq!(action_for(&n, &press(KeyCode::Char('c'), KeyModifiers::CONTROL)), Some(Action::Quit));
        assert_eq!(action_for(&n, &press(KeyCode::BackTab, KeyModifiers::SHIFT)), Some(Action::FocusPrev));
        assert_eq!(action_for(&n, &press(KeyCode::Char('/'), KeyModifiers::NONE)), Some(Action::StartSearch));
        assert_eq!(action_for(&n, &press(KeyCode::Char('z'), KeyModifiers::NONE)), None);
        assert_eq!(action_for(&n, &press(KeyCode::Char('7'), KeyModifiers::NONE)), Some(Action::Digit(7)));
        assert_eq!(action_for(&n, &press(KeyCode::Char('0'), KeyModifiers::NONE)), Some(Action::Digit(0)));
        let search = Mode::Search(crate::app::SearchInput::default());
        assert_eq!(action_for(&search, &press(KeyCode::Char('7'), KeyModifiers::NONE)), Some(Action::Insert('7')));
    }

    #[test]
    fn search_mode_types_letters_that_are_commands_elsewhere() {
        let s = Mode::Search(SearchInput::default());
        assert_eq!(action_for(&s, &press(KeyCode::Char('q'), KeyModifiers::NONE)), Some(Action::Insert('q')));
        assert_eq!(action_for(&s, &press(KeyCode::Char('N'), KeyModifiers::SHIFT)), Some(Action::Insert('N')));
        assert_eq!(action_for(&s, &press(KeyCode::Char('u'), KeyModifiers::CONTROL)), Some(Action::ClearQuery));
        assert_eq!(action_for(&s, &press(KeyCode::Esc, KeyModifiers::NONE)), Some(Action::Cancel));
        assert_eq!(action_for(&s, &press(KeyCode::Char('x'), KeyModifiers::ALT)), None);
    }

    #[test]
    fn releases_are_ignored_and_mouse_maps_to_cells() {
        let release = Event::Key(KeyEvent {
            code: KeyCode::Char('q'),
            modifiers: KeyModifiers::NONE,
            kind: KeyEventKind::Release,
            state: KeyEventState::NONE,
        });
        assert_eq!(action_for(&Mode::Normal, &release), None);
        let wheel = Event::Mouse(MouseEvent {
            kind: MouseEventKind::ScrollDown,
            column: 3,
            row: 4,
            modifiers: KeyModifiers::NONE,
        });
        assert_eq!(action_for(&Mode::Normal, &wheel), Some(Action::ScrollDownAt(3, 4)));
        assert_eq!(action_for(&Mode::Normal, &Event::Resize(80, 24)), Some(Action::Resize(80, 24)));
    }

    #[test]
    fn no_key_is_bound_twice_in_a_mode() {
        for (title, bindings) in help_sections() {
            let keys: Vec<&Key> = bindings.iter().flat_map(|b| b.keys).collect();
            for (i, k) in keys.iter().enumerate() {
                assert!(!keys[i + 1..].contains(k), "{} bound twice in {title}", key_name(k));
            }
        }
    }

    #[test]
    fn help_text_lists_every_binding() {
        let text = help_text();
        for (_, bindings) in help_sections() {
            for b in bindings {
                assert!(text.contains(b.help), "{}", b.help);
            }
        }
        assert!(text.contains("C-u"));
        assert!(text.contains("S-Tab"));
    }
}
