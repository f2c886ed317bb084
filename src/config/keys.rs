//! `[keys.MODE]`: each action's keys in a key mode, as `action = ["key", ...]`. An action given
//! here has exactly these keys in that mode (`[]` unbinds it), and each key is taken from
//! whatever action had it by default. One key given to two actions of a mode is a mistake.

use toml::Spanned;
use toml::de::DeValue;

use super::{Checked, Mistake, kind, mistake, table};
use crate::app::keymap::{KeyMode, Keymap, MODES, does_something};
use crate::app::{ACTIONS, Action};
use crate::keys::{KEY_NAMES_HELP, Key};

pub(super) fn read_keys(keymap: &mut Keymap, value: &Spanned<DeValue<'_>>) -> Checked<()> {
    for (mode_name, bindings) in table(value, "[keys]")? {
        let Some(mode) = MODES.iter().find(|m| m.name == mode_name.get_ref().as_ref()) else {
            let allowed = MODES.iter().map(|m| m.name).collect::<Vec<_>>().join(", ");
            let name = mode_name.get_ref();
            return mistake(mode_name.span(), format!("unknown key mode [keys.{name}]; allowed: {allowed}"));
        };
        read_mode(keymap, mode.mode, mode.name, table(bindings, &format!("[keys.{}]", mode.name))?)?;
    }
    Ok(())
}

fn read_mode(keymap: &mut Keymap, mode: KeyMode, mode_name: &str, bindings: &toml::de::DeTable<'_>) -> Checked<()> {
    // Every key of the mode, with the action given it and where, to find a key given twice.
    let mut seen: Vec<(Key, &str, std::ops::Range<usize>)> = Vec::new();
    let mut parsed: Vec<(Action, Vec<Key>)> = Vec::new();
    let mut entries: Vec<_> = bindings.iter().collect();
    // The file's order, so "twice" points at the later one.
    entries.sort_by_key(|(k, _)| k.span().start);
    for (name, keys) in entries {
        let Some(action) = Action::named(name.get_ref()) else {
            let allowed = ACTIONS.iter().map(|d| d.name).collect::<Vec<_>>().join(", ");
            let name = name.get_ref();
            return mistake(
                name_span(bindings, name),
                format!("unknown action `{name}` in [keys.{mode_name}]; allowed: {allowed}"),
            );
        };
        if !does_something(mode, action) {
            let allowed = ACTIONS
                .iter()
                .filter(|d| does_something(mode, d.action))
                .map(|d| d.name)
                .collect::<Vec<_>>()
                .join(", ");
            let name = name.get_ref();
            return mistake(
                name_span(bindings, name),
                format!("action `{name}` does nothing in [keys.{mode_name}]; allowed there: {allowed}"),
            );
        }
        let list: Vec<&Spanned<DeValue<'_>>> = match keys.get_ref() {
            DeValue::Array(items) => items.iter().collect(),
            DeValue::String(_) => vec![keys],
            other => {
                let got = kind(other);
                return mistake(
                    keys.span(),
                    format!(
                        "the keys of {} must be a list of key names like [\"j\", \"Down\"], not {got}",
                        name.get_ref()
                    ),
                );
            }
        };
        let mut these = Vec::new();
        for item in list {
            let DeValue::String(text) = item.get_ref() else {
                let got = kind(item.get_ref());
                return mistake(item.span(), format!("a key name is a string like \"C-u\", not {got}"));
            };
            let key = Key::parse(text).or_else(|e| {
                mistake(
                    item.span(),
                    format!("bad key name for {}: {e}; keys are written as {KEY_NAMES_HELP}", name.get_ref()),
                )
            })?;
            if let Some((_, other, span)) = seen.iter().find(|(k, ..)| *k == key) {
                return Err(Mistake {
                    span: item.span(),
                    message: format!(
                        "key {key} is bound twice in [keys.{mode_name}]: to {other} (at {}) and to {}",
                        Position(span.start),
                        name.get_ref()
                    ),
                });
            }
            seen.push((key, action.def().map_or("", |d| d.name), item.span()));
            these.push(key);
        }
        parsed.push((action, these));
    }
    for (action, keys) in parsed {
        keymap.bind(mode, action, &keys);
    }
    Ok(())
}

/// Where an action's name is, for a mistake about it.
fn name_span(bindings: &toml::de::DeTable<'_>, name: &str) -> std::ops::Range<usize> {
    bindings.keys().find(|k| k.get_ref() == name).map_or(0..0, Spanned::span)
}

/// A byte offset, written as `line L, column C` once the text is known (see `super::parse`).
pub(super) struct Position(pub usize);

impl std::fmt::Display for Position {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{{offset {}}}", self.0)
    }
}

/// The `[keys.*]` part of the printed default config.
pub(super) fn default_text() -> String {
    let actions = ACTIONS.iter().map(|d| d.name).collect::<Vec<_>>().join(", ");
    let intro = format!(
        "Keys, by mode. An action listed has exactly the keys given in that mode ([] unbinds it), and each key is taken from the action that had it. The pane modes (list, article, people) fall back to [keys.reader] for keys they do not bind. Keys are written as {KEY_NAMES_HELP}. Without the kitty keyboard protocol, terminals send C-i as Tab and C-m as Enter. Actions: {actions}."
    );
    let mut out = super::comment(&intro);
    let keymap = Keymap::default();
    for m in MODES {
        out.push_str(&format!("\n[keys.{}]\n# {}\n", m.name, m.title));
        let bindings = keymap.bindings(m.mode);
        if bindings.is_empty() {
            out.push_str("# (nothing of its own by default)\n");
        }
        for (action, keys) in bindings {
            let quoted: Vec<String> = keys.iter().map(|k| format!("{:?}", k.to_string())).collect();
            let name = action.def().map_or("", |d| d.name);
            let help = action.def().map_or("", |d| d.help);
            out.push_str(&format!("{name} = [{}]  # {help}\n", quoted.join(", ")));
        }
    }
    out
}
