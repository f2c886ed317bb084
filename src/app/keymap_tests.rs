use super::*;
use crossterm::event::{KeyEvent, KeyEventState, MouseEvent};

fn press(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent { code, modifiers, kind: KeyEventKind::Press, state: KeyEventState::NONE })
}

fn plain(c: char) -> Event {
    press(KeyCode::Char(c), if c.is_uppercase() { KeyModifiers::SHIFT } else { KeyModifiers::NONE })
}

#[test]
fn reader_keys_fall_back_from_the_pane_to_the_reader() {
    let k = Keymap::default();
    for m in [KeyMode::List, KeyMode::Article, KeyMode::People] {
        assert_eq!(k.action_for(m, &plain('j')), Some(Action::Down));
        assert_eq!(k.action_for(m, &press(KeyCode::Down, KeyModifiers::NONE)), Some(Action::Down));
        assert_eq!(k.action_for(m, &plain('G')), Some(Action::Bottom));
        assert_eq!(k.action_for(m, &press(KeyCode::Char('c'), KeyModifiers::CONTROL)), Some(Action::Quit));
        assert_eq!(k.action_for(m, &press(KeyCode::BackTab, KeyModifiers::SHIFT)), Some(Action::FocusPrev));
        assert_eq!(k.action_for(m, &plain('q')), Some(Action::Back));
        assert_eq!(k.action_for(m, &plain('7')), Some(Action::Digit(7)));
        assert_eq!(k.action_for(m, &plain('0')), Some(Action::Digit(0)));
        assert_eq!(k.action_for(m, &plain('y')), None);
    }
    // Space reads on in the article, pages elsewhere; J and K are the article pane's.
    assert_eq!(k.action_for(KeyMode::Article, &plain(' ')), Some(Action::ReadOn));
    assert_eq!(k.action_for(KeyMode::List, &plain(' ')), Some(Action::PageDown));
    assert_eq!(k.action_for(KeyMode::Article, &plain('J')), Some(Action::NextArticle));
    assert_eq!(k.action_for(KeyMode::Article, &plain('K')), Some(Action::PrevArticle));
    assert_eq!(k.action_for(KeyMode::List, &plain(']')), Some(Action::NextUnread));
}

#[test]
fn the_prompt_types_letters_that_are_commands_elsewhere() {
    let k = Keymap::default();
    let p = KeyMode::Prompt;
    assert_eq!(k.action_for(p, &plain('q')), Some(Action::Insert('q')));
    assert_eq!(k.action_for(p, &plain('N')), Some(Action::Insert('N')));
    assert_eq!(k.action_for(p, &plain('7')), Some(Action::Insert('7')));
    assert_eq!(k.action_for(p, &press(KeyCode::Char('u'), KeyModifiers::CONTROL)), Some(Action::ClearQuery));
    assert_eq!(k.action_for(p, &press(KeyCode::Esc, KeyModifiers::NONE)), Some(Action::Cancel));
    assert_eq!(k.action_for(p, &press(KeyCode::Char('x'), KeyModifiers::ALT)), None);
}

#[test]
fn releases_are_ignored_and_mouse_maps_to_cells() {
    let k = Keymap::default();
    let release = Event::Key(KeyEvent {
        code: KeyCode::Char('q'),
        modifiers: KeyModifiers::NONE,
        kind: KeyEventKind::Release,
        state: KeyEventState::NONE,
    });
    assert_eq!(k.action_for(KeyMode::List, &release), None);
    let wheel =
        Event::Mouse(MouseEvent { kind: MouseEventKind::ScrollDown, column: 3, row: 4, modifiers: KeyModifiers::NONE });
    assert_eq!(k.action_for(KeyMode::List, &wheel), Some(Action::ScrollDownAt(3, 4)));
    assert_eq!(k.action_for(KeyMode::List, &Event::Resize(80, 24)), Some(Action::Resize(80, 24)));
}

#[test]
fn no_key_is_bound_twice_in_a_mode_and_every_default_action_is_named() {
    let k = Keymap::default();
    for m in MODES {
        let keys: Vec<&Key> = k.bindings(m.mode).iter().flat_map(|(_, keys)| keys).collect();
        for (i, key) in keys.iter().enumerate() {
            assert!(!keys[i + 1..].contains(key), "{key} bound twice in {}", m.name);
        }
        for (action, _) in k.bindings(m.mode) {
            assert!(action.def().is_some(), "{action:?} has no name for the config file");
            assert!(does_something(m.mode, *action), "{action:?} bound by default where it does nothing");
        }
    }
}

#[test]
fn a_binding_takes_its_keys_from_other_actions_and_can_unbind() {
    let mut k = Keymap::default();
    k.bind(KeyMode::Reader, Action::Zoom, &[Key::parse("j").unwrap(), Key::parse("C-z").unwrap()]);
    assert_eq!(k.lookup(KeyMode::List, &Key::parse("j").unwrap()), Some(Action::Zoom));
    assert_eq!(k.lookup(KeyMode::List, &Key::parse("z").unwrap()), None);
    assert_eq!(k.keys_for(KeyMode::List, Action::Down), [Key::plain(KeyCode::Down)]);
    k.bind(KeyMode::Reader, Action::Quit, &[]);
    assert_eq!(k.lookup(KeyMode::Article, &Key::ctrl('c')), None);
    // A pane's binding wins over the reader's for that pane only.
    k.bind(KeyMode::Article, Action::NextArticle, &[Key::parse("n").unwrap()]);
    assert_eq!(k.lookup(KeyMode::Article, &Key::parse("n").unwrap()), Some(Action::NextArticle));
    assert_eq!(k.lookup(KeyMode::List, &Key::parse("n").unwrap()), Some(Action::NextMatch));
}

#[test]
fn help_lists_every_binding_in_force_and_nothing_else() {
    let mut k = Keymap::default();
    k.bind(KeyMode::Article, Action::NextArticle, &[Key::parse("C-n").unwrap(), Key::parse("F7").unwrap()]);
    k.bind(KeyMode::Reader, Action::Zoom, &[]);
    let text = k.help_text();
    for m in MODES {
        for (action, keys) in k.bindings(m.mode).iter().filter(|(_, keys)| !keys.is_empty()) {
            let line = format!(
                "    {:<22} {}",
                keys_text(keys),
                help_in(m.mode, *action).unwrap_or(action.def().unwrap().help)
            );
            assert!(text.contains(&line), "{line:?} missing from\n{text}");
        }
    }
    assert!(text.contains("    C-n F7                 next article\n"), "{text}");
    assert!(!text.contains("the whole width"), "an unbound action is not in the help");
    assert!(text.contains("S-Tab"));
}
