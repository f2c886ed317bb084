//! The status bar: mode, position, match counter, messages, and a key hint; or the search
//! prompt while a query is typed.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{Theme, put, truncate};
use crate::app::{App, Focus, MessageKind, Mode, PromptKind, SearchKind};
use crate::text::columns;

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    buf.set_style(area, theme.status);
    let width = usize::from(area.width);
    if let Mode::Search(input) = &app.mode {
        let counter = counter(app).unwrap_or_default();
        prompt(buf, area, theme, ("/".to_string(), String::new()), (&input.query, input.cursor), &counter);
        return;
    }
    if let Mode::Prompt(input) = &app.mode {
        let label = match &input.kind {
            PromptKind::Pipe => ("|".to_string(), " ".to_string()),
            PromptKind::Save => ("save to:".to_string(), " ".to_string()),
            PromptKind::Overwrite { path } => (format!("{path} exists; replace it? (y/n):"), " ".to_string()),
        };
        prompt(buf, area, theme, label, (&input.text, input.cursor), "");
        return;
    }
    let on_screen = app.screen().filter(|_| app.mode == Mode::Normal).map(|s| super::screen_status(app, s));
    let badge = match (&app.mode, app.focus, &on_screen) {
        (Mode::Help { .. }, ..) => " HELP ",
        (Mode::Quotes { .. }, ..) => " QUOTES ",
        (_, _, Some((badge, ..))) => badge,
        (_, Focus::List, _) => " LIST ",
        (_, Focus::Article, _) => " ARTICLE ",
        (_, Focus::People, _) => " PEOPLE ",
    };
    let left = match (&app.message, &on_screen) {
        (Some(m), _) => {
            Span::styled(m.text.clone(), if m.kind == MessageKind::Warning { theme.warning } else { theme.status })
        }
        (None, Some((_, position, _))) => Span::styled(position.clone(), theme.status),
        (None, None) => match app.fetch_progress() {
            Some(progress) => Span::styled(progress, theme.status),
            None => Span::styled(shown_from(app, position(app)), theme.status),
        },
    };
    // What gives way when the bar is narrow: the key hint first, then the end of the message or
    // position; the match counter stays while anything does.
    let avail = width.saturating_sub(columns(badge) + 1);
    // The article's match counter belongs to the reader, not to a screen above it.
    let counter = if on_screen.is_some() { String::new() } else { counter(app).unwrap_or_default() };
    let hint = on_screen.as_ref().map_or_else(|| hint(app), |(_, _, hint)| hint.clone());
    let left_wants = columns(&left.content).min(24);
    let (short, shortest) = short_hints(app);
    let right_text = [hint.as_str(), short.as_str(), shortest.as_str(), ""]
        .into_iter()
        .map(|h| match (counter.is_empty(), h.is_empty()) {
            (true, _) => h.to_string(),
            (false, true) => counter.clone(),
            (false, false) => format!("{counter}  {h}"),
        })
        .find(|text| text.is_empty() || left_wants + 2 + columns(text) <= avail)
        .unwrap_or_else(|| counter.clone());
    let right_width = columns(&right_text);
    let room = avail.saturating_sub(if right_width == 0 { 0 } else { right_width + 2 });
    let left = Span::styled(truncate(&left.content, room).into_owned(), left.style);
    put(buf, area.x, area.y, area.width, &Line::from(vec![Span::styled(badge, theme.badge), Span::raw(" "), left]));
    if right_width > 0 && right_width + 1 < avail {
        right(buf, area, &right_text, theme);
    }
}

/// A line being typed: its label (badge, then the space after it), the text with the cursor,
/// and `counter` on the right.
fn prompt(buf: &mut Buffer, area: Rect, theme: &Theme, label: (String, String), text: (&str, usize), counter: &str) {
    let width = usize::from(area.width);
    let (text, cursor) = text;
    let (badge, gap) = label;
    let label_width = columns(&badge) + columns(&gap);
    let prompt_width = width.saturating_sub(columns(counter) + 1);
    let (before, after) = text.split_at(cursor);
    let mut chars = after.chars();
    let under = chars.next().map_or(" ".to_string(), |c| c.to_string());
    // A line longer than the bar keeps the cursor in view: "…" where either end is cut.
    let room = prompt_width.saturating_sub(label_width + columns(&under));
    let before = tail(before, room);
    let after = truncate(chars.as_str(), room.saturating_sub(columns(&before))).into_owned();
    let line = Line::from(vec![
        Span::styled(badge, theme.badge),
        Span::styled(gap, theme.status),
        Span::styled(before, theme.status),
        Span::styled(under, theme.cursor),
        Span::styled(after, theme.status),
    ]);
    put(buf, area.x, area.y, u16::try_from(prompt_width).unwrap_or(area.width), &line);
    right(buf, area, counter, theme);
}

/// The end of `text` in `width` columns, with "…" first where it was cut.
pub(super) fn tail(text: &str, width: usize) -> String {
    if columns(text) <= width {
        return text.to_string();
    }
    let mut kept = Vec::new();
    let mut used = 1;
    for c in text.chars().rev() {
        let w = columns(c.encode_utf8(&mut [0; 4]));
        if used + w > width {
            break;
        }
        used += w;
        kept.push(c);
    }
    if width == 0 {
        return String::new();
    }
    std::iter::once('…').chain(kept.into_iter().rev()).collect()
}

fn right(buf: &mut Buffer, area: Rect, text: &str, theme: &Theme) {
    let w = u16::try_from(columns(text)).unwrap_or(area.width).min(area.width);
    put(buf, area.x + area.width - w, area.y, w, &Line::styled(text.to_string(), theme.status));
}

/// "[3/12]" for a search ("[/harbour: 12 matches]" before `n` walks one kept from an earlier
/// session), "[Ban Ki-moon 1/2]" while walking a person's mentions, "[0/0]" when
/// nothing matched.
fn counter(app: &App) -> Option<String> {
    let search = app.view()?.search.as_ref()?;
    let n = search.matches.len();
    let at = search.current.map_or(0, |i| i + 1);
    Some(match search.kind {
        // A search kept from an earlier session, not walked yet: what it is, and how many.
        SearchKind::Text if search.current.is_none() && n > 0 => {
            format!("[/{}: {n} match{}]", search.query, if n == 1 { "" } else { "es" })
        }
        SearchKind::Text => format!("[{at}/{n}]"),
        SearchKind::Person if search.current.is_none() => {
            format!("[{}: {n} mention{}]", search.query, if n == 1 { "" } else { "s" })
        }
        SearchKind::Person => format!("[{} {at}/{n}]", search.query),
    })
}

/// The position, and whether it is in the files opened or the whole library when both are a
/// key apart.
fn shown_from(app: &App, position: String) -> String {
    match app.collection().label() {
        Some(label) if !position.is_empty() => format!("{position} · {label}"),
        _ => position,
    }
}

fn position(app: &App) -> String {
    if let Mode::Help { .. } | Mode::Quotes { .. } = app.mode {
        // The overlay's border says where in it you are; the pane behind it is not what moves.
        return String::new();
    }
    match app.focus {
        Focus::Article => {
            let total = app.current.as_ref().map_or(0, |c| c.wrapped.len());
            let top = app.top_row();
            format!("line {}/{total}", (top + 1).min(total))
        }
        Focus::People => match app.shown().and_then(|i| app.people_ready(i)) {
            Some([]) => "no people named".to_string(),
            Some(people) => format!("person {}/{}", app.view().map_or(0, |v| v.person) + 1, people.len()),
            None => "finding people…".to_string(),
        },
        Focus::List => match app.shown() {
            Some(_) => format!("article {}/{}", app.selected + 1, app.list_len()),
            None => "no articles".to_string(),
        },
    }
}

pub(super) fn hint(app: &App) -> String {
    use crate::app::Action;
    use crate::app::keymap::{KeyMode, key_mode};
    let mode = key_mode(app);
    // The keys in force, first key of each; an unbound action drops out of the hint.
    let say = |action: Action, what: &str| {
        app.keymap.hint_key(mode, action).map(|k| format!("{k} {what}")).unwrap_or_default()
    };
    let mut parts = match (mode, app.focus) {
        (KeyMode::Overlay, _) => vec![scroll_hint(app, mode), say(Action::Cancel, "close")],
        (KeyMode::Feeds, _) => {
            vec![say(Action::Open, "show"), say(Action::FetchFeed, "fetch"), say(Action::FetchAll, "all")]
        }
        (_, Focus::People) => vec![say(Action::Open, "articles"), say(Action::ShowQuotes, "quotes")],
        (_, Focus::List) => vec![say(Action::Open, "read"), say(Action::StartSearch, "search")],
        (_, Focus::Article) => vec![say(Action::StartSearch, "search"), say(Action::ReadOn, "read on")],
    };
    if mode != KeyMode::Overlay {
        // With the sidebar folded away, say how to bring it back.
        if !app.sidebar_visible() && app.focus != Focus::People {
            parts.push(say(Action::ToggleSidebar, "people"));
        }
        parts.push(say(Action::ToggleHelp, "help"));
        if mode == KeyMode::Feeds {
            parts.push(say(Action::Back, "back"));
        } else if app.focus != Focus::People {
            parts.push(say(Action::Back, "quit"));
        }
    }
    parts.retain(|p| !p.is_empty());
    parts.join("  ")
}

fn scroll_hint(app: &App, mode: crate::app::keymap::KeyMode) -> String {
    use crate::app::Action;
    match (app.keymap.hint_key(mode, Action::Down), app.keymap.hint_key(mode, Action::Up)) {
        (Some(d), Some(u)) => format!("{d}/{u} scroll"),
        _ => String::new(),
    }
}

/// The short hints kept when the full one does not fit: the sidebar's key, then help's.
fn short_hints(app: &App) -> (String, String) {
    use crate::app::Action;
    use crate::app::keymap::key_mode;
    let mode = key_mode(app);
    let help = app.keymap.hint_key(mode, Action::ToggleHelp).map(|k| format!("{k} help")).unwrap_or_default();
    let people = app.keymap.hint_key(mode, Action::ToggleSidebar).map(|k| format!("{k} people"));
    match people {
        Some(p) if !app.sidebar_visible() && app.screen().is_none() => (format!("{p}  {help}"), help),
        _ => (help.clone(), help),
    }
}

#[cfg(test)]
mod tests {
    use super::tail;

    #[test]
    fn the_end_of_a_long_query_shows_after_an_ellipsis() {
        assert_eq!(tail("short", 10), "short");
        assert_eq!(tail("a long query", 6), "…query");
        assert_eq!(tail("대통령 박근혜", 5), "…근혜");
        assert_eq!(tail("abc", 0), "");
    }
}
