//! The feeds view: one line a feed or tag, its unread count at the right, a failed feed marked
//! `!` with why, only the visible lines built.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{Theme, pane, put, truncate};
use crate::app::{App, FeedsScreen, RowKind};
use crate::text::columns;

pub fn render(app: &App, screen: &FeedsScreen, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let title = match app.fetch_progress() {
        Some(progress) => format!(" Feeds · {progress} "),
        None => " Feeds ".to_string(),
    };
    let block = pane(Line::from(title), true, theme);
    let inner = block.inner(area);
    block.render(area, buf);
    let width = usize::from(inner.width);
    let mut y = inner.y;
    let bottom = inner.y + inner.height;
    if let Some(problem) = &screen.problem {
        put(
            buf,
            inner.x,
            y,
            inner.width,
            &Line::styled(truncate(&format!(" {problem}"), width).into_owned(), theme.warning),
        );
        y += 1;
    }
    if screen.loading && screen.rows.is_empty() {
        put(buf, inner.x, y, inner.width, &Line::styled(" Reading the feeds…", theme.dim));
        return;
    }
    for (at, row) in screen.rows.iter().enumerate().skip(screen.offset) {
        if y >= bottom {
            break;
        }
        let selected = at == screen.selected;
        let row_style = if selected { theme.selected } else { ratatui::style::Style::new() };
        buf.set_style(Rect { x: inner.x, y, width: inner.width, height: 1 }, row_style);
        let mark = match (row.kind, &row.error) {
            (RowKind::Feed, Some(_)) => Span::styled("! ", theme.warning.patch(row_style)),
            _ => Span::raw("  "),
        };
        let (indent, name_style) = match row.kind {
            RowKind::All | RowKind::Group => ("", theme.title.patch(row_style)),
            RowKind::Feed => ("  ", theme.headline.patch(row_style)),
        };
        let count = match (row.kind, row.fetched) {
            (RowKind::Feed, false) => "not fetched yet".to_string(),
            _ => format!("{} unread", row.unread),
        };
        let note = row.error.as_ref().map(|e| format!("  {e}")).unwrap_or_default();
        // The count keeps its place at the right; the name, then the error, give way.
        let room = width.saturating_sub(columns(&count) + 3 + indent.len());
        let name = truncate(&row.name, room).into_owned();
        let note = truncate(&note, room.saturating_sub(columns(&name))).into_owned();
        let used = 2 + indent.len() + columns(&name) + columns(&note);
        let gap = width.saturating_sub(used + columns(&count) + 1);
        let line = Line::from(vec![
            mark,
            Span::raw(indent),
            Span::styled(name, name_style),
            Span::styled(note, theme.warning.patch(row_style)),
            Span::raw(" ".repeat(gap)),
            Span::styled(count, theme.dim.patch(row_style)),
        ]);
        put(buf, inner.x, y, inner.width, &line);
        y += 1;
    }
    // Only "All articles": say how feeds come, below it.
    if screen.rows.len() <= 1 && y + 1 < bottom {
        let hint = " No feeds yet: cyberreader add URL (or a urls file), then R here";
        put(buf, inner.x, y + 1, inner.width, &Line::styled(truncate(hint, width).into_owned(), theme.dim));
    }
}

/// What the status bar says under the feeds view: its badge, the line selected, and the keys.
pub(super) fn status(app: &App, screen: &FeedsScreen) -> (&'static str, String, String) {
    let position = match app.fetch_progress() {
        Some(progress) => progress,
        None => format!("line {}/{}", screen.selected + 1, screen.rows.len().max(1)),
    };
    (" FEEDS ", position, super::status::hint(app))
}
