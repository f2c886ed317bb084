//! Key names, one notation for the config file, the help and `--keys`: `j`, `J`, `C-u`, `A-x`,
//! `S-Tab`, `F5`, `Space`, `PageDown`. In `--keys`, named keys go in angle brackets (`<Down>`,
//! `<C-u>`, `<lt>` for a literal `<`); other characters stand for themselves.

use std::fmt;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key as bound: its code and the modifiers that matter, in one normal form so that a key
/// named in the config and the same key reported by the terminal compare equal. A character
/// carries its own case (`J`, not `S-j`), except with Ctrl or Alt, where terminals that speak
/// the kitty protocol report Shift apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

/// The named keys, as written and as help writes them (the first spelling of each).
const NAMED: &[(&str, KeyCode)] = &[
    ("Up", KeyCode::Up),
    ("Down", KeyCode::Down),
    ("Left", KeyCode::Left),
    ("Right", KeyCode::Right),
    ("Enter", KeyCode::Enter),
    ("CR", KeyCode::Enter),
    ("Return", KeyCode::Enter),
    ("Esc", KeyCode::Esc),
    ("Escape", KeyCode::Esc),
    ("Tab", KeyCode::Tab),
    ("Space", KeyCode::Char(' ')),
    ("PgDn", KeyCode::PageDown),
    ("PageDown", KeyCode::PageDown),
    ("PgUp", KeyCode::PageUp),
    ("PageUp", KeyCode::PageUp),
    ("Home", KeyCode::Home),
    ("End", KeyCode::End),
    ("BS", KeyCode::Backspace),
    ("Backspace", KeyCode::Backspace),
    ("Del", KeyCode::Delete),
    ("Delete", KeyCode::Delete),
    ("Ins", KeyCode::Insert),
    ("Insert", KeyCode::Insert),
    ("lt", KeyCode::Char('<')),
    ("gt", KeyCode::Char('>')),
];

/// What the notation allows, for error messages.
pub const KEY_NAMES_HELP: &str = "a character (j, J, ?), or Up Down Left Right Enter Esc Tab Space PageUp PageDown Home End BS Del Insert F1..F24 lt gt, after any of C- (Ctrl) A- (Alt) S- (Shift): C-u, A-x, S-Tab, C-S-Left";

impl Key {
    /// A key with no modifiers.
    #[must_use]
    pub const fn plain(code: KeyCode) -> Self {
        Self { code, mods: KeyModifiers::NONE }
    }

    /// A character with Ctrl.
    #[must_use]
    pub const fn ctrl(c: char) -> Self {
        Self { code: KeyCode::Char(c), mods: KeyModifiers::CONTROL }
    }

    /// The normal form of what the terminal reported.
    #[must_use]
    pub fn from_event(event: &KeyEvent) -> Self {
        let wanted = KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT;
        Self::normal(event.code, event.modifiers & wanted)
    }

    fn normal(code: KeyCode, mut mods: KeyModifiers) -> Self {
        match code {
            KeyCode::Char(c) if mods.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) => {
                if c.is_uppercase() {
                    mods |= KeyModifiers::SHIFT;
                }
                let lower = c.to_lowercase().next().unwrap_or(c);
                let code = if mods.contains(KeyModifiers::SHIFT) { lower } else { c };
                Self { code: KeyCode::Char(code), mods }
            }
            KeyCode::Char(_) => Self { code, mods: mods - KeyModifiers::SHIFT },
            // Shift-Tab arrives as BackTab, with or without the Shift flag.
            KeyCode::BackTab => Self { code, mods: mods - KeyModifiers::SHIFT },
            _ => Self { code, mods },
        }
    }

    /// A key from its name (`C-u`, `J`, `S-Tab`, `F5`, `Space`).
    ///
    /// # Errors
    /// A sentence saying what is wrong with the name.
    pub fn parse(name: &str) -> Result<Self, String> {
        let mut mods = KeyModifiers::NONE;
        let mut rest = name;
        loop {
            let mut chars = rest.chars();
            let (Some(m), Some('-'), Some(_)) = (chars.next(), chars.next(), chars.next()) else { break };
            let flag = match m {
                'C' | 'c' => KeyModifiers::CONTROL,
                'A' | 'a' | 'M' | 'm' => KeyModifiers::ALT,
                'S' | 's' => KeyModifiers::SHIFT,
                _ => break,
            };
            mods |= flag;
            rest = &rest[2..];
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (None, _) => return Err("an empty key name".to_string()),
            (Some(c), None) if c.is_control() => return Err(format!("{name:?} is a control character")),
            (Some(c), None) => KeyCode::Char(c),
            _ => named(rest).ok_or_else(|| format!("unknown key name {name:?}"))?,
        };
        if mods.contains(KeyModifiers::SHIFT) {
            match code {
                KeyCode::Tab if mods == KeyModifiers::SHIFT => return Ok(Self::plain(KeyCode::BackTab)),
                KeyCode::Char(c) if !c.is_alphabetic() => {
                    return Err(format!(
                        "{name:?}: Shift goes only with letters and named keys; write the character Shift gives (like ! for S-1)"
                    ));
                }
                KeyCode::Char(c) if mods == KeyModifiers::SHIFT => {
                    return Ok(Self::plain(KeyCode::Char(c.to_uppercase().next().unwrap_or(c))));
                }
                _ => {}
            }
        }
        Ok(Self::normal(code, mods))
    }

    /// The key as the terminal would report it, for `--keys`.
    #[must_use]
    pub fn event(self) -> KeyEvent {
        match self.code {
            KeyCode::Char(c) if c.is_uppercase() => KeyEvent::new(self.code, self.mods | KeyModifiers::SHIFT),
            KeyCode::BackTab => KeyEvent::new(self.code, KeyModifiers::SHIFT),
            _ => KeyEvent::new(self.code, self.mods),
        }
    }
}

fn named(name: &str) -> Option<KeyCode> {
    if let Some(n) = name.strip_prefix(['F', 'f']).and_then(|n| n.parse::<u8>().ok()) {
        return (1..=24).contains(&n).then_some(KeyCode::F(n));
    }
    if name.eq_ignore_ascii_case("BackTab") {
        return Some(KeyCode::BackTab);
    }
    NAMED.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, code)| *code)
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (flag, prefix) in [(KeyModifiers::CONTROL, "C-"), (KeyModifiers::ALT, "A-"), (KeyModifiers::SHIFT, "S-")] {
            if self.mods.contains(flag) {
                f.write_str(prefix)?;
            }
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::BackTab => f.write_str("S-Tab"),
            KeyCode::F(n) => write!(f, "F{n}"),
            code => match NAMED.iter().find(|(_, c)| *c == code) {
                Some((name, _)) => f.write_str(name),
                None => write!(f, "{code:?}"),
            },
        }
    }
}

/// A key name the notation does not know, or a `<` never closed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeysError {
    #[error("unknown key name <{0}> in --keys (known: {KEY_NAMES_HELP})")]
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
            let key = Key::parse(name).map_err(|_| KeysError::Unknown(name.to_string()))?;
            keys.push(key.event());
            rest = &rest[close + 1..];
        } else {
            keys.push(Key::plain(KeyCode::Char(c)).event());
            rest = &rest[c.len_utf8()..];
        }
    }
    Ok(keys)
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
        assert!(matches!(parse_keys("<Dwon>"), Err(KeysError::Unknown(n)) if n == "Dwon"));
        assert_eq!(parse_keys("ab<Down"), Err(KeysError::Unclosed));
        assert!(matches!(parse_keys("<F25>"), Err(KeysError::Unknown(n)) if n == "F25"));
        assert!(parse_keys("").unwrap().is_empty());
    }

    #[test]
    fn names_round_trip_and_match_what_terminals_report() {
        for name in
            ["j", "J", "C-u", "A-x", "C-S-a", "S-Tab", "F5", "F24", "Space", "PgDn", "S-Left", "C-A-Del", "-", "C--"]
        {
            let key = Key::parse(name).unwrap();
            assert_eq!(key.to_string(), name, "{name}");
            assert_eq!(Key::from_event(&key.event()), key, "{name}");
        }
        assert_eq!(Key::parse("s-j").unwrap(), Key::parse("J").unwrap());
        assert_eq!(Key::parse("pagedown").unwrap(), Key::plain(KeyCode::PageDown));
        let shift_j = KeyEvent::new(KeyCode::Char('J'), KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(&shift_j), Key::plain(KeyCode::Char('J')));
        let ctrl_shift_a = KeyEvent::new(KeyCode::Char('A'), KeyModifiers::CONTROL);
        assert_eq!(Key::from_event(&ctrl_shift_a).to_string(), "C-S-a");
        assert!(Key::parse("S-1").is_err());
        assert!(Key::parse("Hyper-x").is_err());
        assert!(Key::parse("").is_err());
    }
}
