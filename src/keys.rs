//! Vim-style key notation for `--keys`: `<Down>`, `<C-u>`, `<S-Tab>`, `<lt>`; other characters
//! stand for themselves.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key name the notation does not know, or a `<` never closed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeysError {
    #[error(
        "unknown key name <{0}> in --keys (known: <Up> <Down> <Left> <Right> <Enter> <Esc> <Tab> <S-Tab> <PageUp> <PageDown> <Home> <End> <Space> <BS> <Del> <lt> <C-x> <F1>..<F12>)"
    )]
    Unknown(String),
    #[error("unclosed '<' in --keys: write <lt> for a literal '<'")]
    Unclosed,
}

/// The key presses `notation` stands for.
///
/// # Errors
/// [`KeysError`] naming the first bad key.
pub fn parse_keys(notation: &str) -> Result<Vec<KeyEvent>, KeysError> {
    let mut keys = Vec::new();
    let mut rest = notation;
    while let Some(c) = rest.chars().next() {
        if c == '<' {
            let close = rest.find('>').ok_or(KeysError::Unclosed)?;
            let name = &rest[1..close];
            keys.push(named_key(name).ok_or_else(|| KeysError::Unknown(name.to_string()))?);
            rest = &rest[close + 1..];
        } else {
            keys.push(plain(c));
            rest = &rest[c.len_utf8()..];
        }
    }
    Ok(keys)
}

fn plain(c: char) -> KeyEvent {
    let mods = if c.is_uppercase() { KeyModifiers::SHIFT } else { KeyModifiers::NONE };
    KeyEvent::new(KeyCode::Char(c), mods)
}

fn named_key(name: &str) -> Option<KeyEvent> {
    let lower = name.to_ascii_lowercase();
    if let Some(c) = lower.strip_prefix("c-") {
        let mut chars = c.chars();
        if let (Some(ch), None) = (chars.next(), chars.next()) {
            return Some(KeyEvent::new(KeyCode::Char(ch), KeyModifiers::CONTROL));
        }
        return None;
    }
    let code = match lower.as_str() {
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "enter" | "cr" | "return" => KeyCode::Enter,
        "esc" | "escape" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "s-tab" => return Some(KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT)),
        "pagedown" | "pgdn" => KeyCode::PageDown,
        "pageup" | "pgup" => KeyCode::PageUp,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "space" => KeyCode::Char(' '),
        "lt" => KeyCode::Char('<'),
        "gt" => KeyCode::Char('>'),
        "bs" | "backspace" => KeyCode::Backspace,
        "del" | "delete" => KeyCode::Delete,
        f if f.starts_with('f') => KeyCode::F(f[1..].parse().ok().filter(|n| (1..=12).contains(n))?),
        _ => return None,
    };
    Some(KeyEvent::new(code, KeyModifiers::NONE))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_literals() {
        let keys = parse_keys("<Down>/conf<Enter>n<C-u><S-Tab><lt><Space><pagedown>").unwrap();
        let codes: Vec<KeyCode> = keys.iter().map(|k| k.code).collect();
        assert_eq!(
            codes,
            [
                KeyCode::Down,
                KeyCode::Char('/'),
                KeyCode::Char('c'),
                KeyCode::Char('o'),
                KeyCode::Char('n'),
                KeyCode::Char('f'),
                KeyCode::Enter,
                KeyCode::Char('n'),
                KeyCode::Char('u'),
                KeyCode::BackTab,
                KeyCode::Char('<'),
                KeyCode::Char(' '),
                KeyCode::PageDown,
            ]
        );
        assert_eq!(keys[8].modifiers, KeyModifiers::CONTROL);
    }

    #[test]
    fn bad_names_are_errors_naming_them() {
        assert_eq!(parse_keys("<Dwon>"), Err(KeysError::Unknown("Dwon".into())));
        assert_eq!(parse_keys("ab<Down"), Err(KeysError::Unclosed));
        assert_eq!(parse_keys("<F13>"), Err(KeysError::Unknown("F13".into())));
        assert!(parse_keys("").unwrap().is_empty());
    }
}
