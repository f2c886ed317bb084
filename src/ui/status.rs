//! The status bar: mode, position, match counter, messages, and a key hint; or the search
//! prompt while a query is typed.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{Theme, display_width, put, truncate};
use crate::app::{App, Focus, MessageKind, Mode, SearchKind};

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    buf.set_style(area, theme.status);
    let width = usize::from(area.width);
    if let Mode::Search(input) = &app.mode {
        let counter = counter(app).unwrap_or_default();
        let prompt_width = width.saturating_sub(display_width(&counter) + 1);
        let (before, after) = input.query.split_at(input.cursor);
        let mut chars = after.chars();
        let under = chars.next().map_or(" ".to_string(), |c| c.to_string());
        let line = Line::from(vec![
            Span::styled("/", theme.badge),
            Span::styled(before.to_string(), theme.status),
            Span::styled(under, theme.cursor),
            Span::styled(chars.as_str().to_string(), theme.status),
        ]);
        put(buf, area.x, area.y, u16::try_from(prompt_width).unwrap_or(area.width), &line);
        right(buf, area, &counter, theme);
        return;
    }
    let badge = match (&app.mode, app.focus) {
        (Mode::Help { .. }, _) => " HELP ",
        (Mode::Quotes { .. }, _) => " QUOTES ",
        (_, Focus::List) => " LIST ",
        (_, Focus::Article) => " ARTICLE ",
        (_, Focus::People) => " PEOPLE ",
    };
    let mut right_text = String::new();
    if let Some(c) = counter(app) {
        right_text.push_str(&c);
        right_text.push_str("  ");
    }
    right_text.push_str(hint(app));
    let left = match &app.message {
        Some(m) => {
            Span::styled(m.text.clone(), if m.kind == MessageKind::Warning { theme.warning } else { theme.status })
        }
        None => Span::styled(position(app), theme.status),
    };
    let room = width.saturating_sub(display_width(badge) + display_width(&right_text) + 2);
    let left = Span::styled(truncate(&left.content, room).into_owned(), left.style);
    put(buf, area.x, area.y, area.width, &Line::from(vec![Span::styled(badge, theme.badge), Span::raw(" "), left]));
    if display_width(badge) + 1 + display_width(&right_text) < width {
        right(buf, area, &right_text, theme);
    }
}

fn right(buf: &mut Buffer, area: Rect, text: &str, theme: &Theme) {
    let w = u16::try_from(display_width(text)).unwrap_or(area.width).min(area.width);
    put(buf, area.x + area.width - w, area.y, w, &Line::styled(text.to_string(), theme.status));
}

/// "[3/12]" for a search, "[Ban Ki-moon 1/2]" while walking a person's mentions, "[0/0]" when
/// nothing matched.
fn counter(app: &App) -> Option<String> {
    let search = app.view()?.search.as_ref()?;
    let n = search.matches.len();
    let at = search.current.map_or(0, |i| i + 1);
    Some(match search.kind {
        SearchKind::Text => format!("[{at}/{n}]"),
        SearchKind::Person if search.current.is_none() => {
            format!("[{}: {n} mention{}]", search.query, if n == 1 { "" } else { "s" })
        }
        SearchKind::Person => format!("[{} {at}/{n}]", search.query),
    })
}

fn position(app: &App) -> String {
    match app.focus {
        Focus::Article => {
            let total = app.current.as_ref().map_or(0, |c| c.wrapped.len());
            let top = app.top_row();
            format!("line {}/{total}", (top + 1).min(total))
        }
        Focus::List | Focus::People => match app.shown() {
            Some(_) => format!("article {}/{}", app.selected + 1, app.list_len()),
            None => "no articles".to_string(),
        },
    }
}

fn hint(app: &App) -> &'static str {
    match (&app.mode, app.focus) {
        (Mode::Help { .. } | Mode::Quotes { .. }, _) => "j/k scroll  Esc close",
        (_, Focus::People) => "Enter articles  o quotes  ? help",
        (_, Focus::List) => "Enter read  / search  ? help  q quit",
        (_, Focus::Article) => "/ search  n/N next  ? help  q quit",
    }
}
