//! Overlays: the help, generated from the keymap, and a person's quotes. Their content and
//! place come from [`crate::app::overlay`], which `update` uses to keep the scroll in range.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

use super::{Theme, pane, put, truncate};
use crate::app::keymap::KeyMode;
use crate::app::overlay::{OverlayLine, help_lines, overlay_area, overlay_rows, overlay_text_width, quote_lines};
use crate::app::{Action, App};
use crate::text::columns;

pub fn render_help(app: &App, theme: &Theme, scroll: u16, area: Rect, buf: &mut Buffer) {
    overlay(&title("Help", app), &help_lines(app), scroll, theme, area, buf);
}

pub fn render_quotes(app: &App, theme: &Theme, scroll: u16, area: Rect, buf: &mut Buffer) {
    let lines = quote_lines(app, overlay_text_width((area.width, area.height)));
    if !lines.is_empty() {
        overlay(&title("Quotes", app), &lines, scroll, theme, area, buf);
    }
}

/// A line of the overlay, cut to `width` columns with "…" where it is cut.
fn styled<'a>(line: &'a OverlayLine, theme: &Theme, width: usize) -> Line<'a> {
    let cut = |text: &'a str| truncate(text, width);
    match line {
        OverlayLine::Heading(text) => Line::styled(cut(text), theme.headline),
        OverlayLine::Binding(keys, help) => {
            // The keys whole where they can be: they are what the line is for.
            let keys = format!("  {keys:<20} ");
            let keys = truncate(&keys, width).into_owned();
            let room = width.saturating_sub(columns(&keys));
            Line::from(vec![Span::styled(keys, theme.help_key), Span::raw(truncate(help, room))])
        }
        OverlayLine::Plain(text) => Line::raw(cut(text)),
        OverlayLine::Role(text) => Line::styled(cut(text), theme.role),
        OverlayLine::Dim(text) => Line::styled(cut(text), theme.dim),
        OverlayLine::Warning(text) => Line::styled(cut(text), theme.warning),
        OverlayLine::Blank => Line::raw(""),
    }
}

/// " Help (Esc to close) ", with the key in force.
fn title(what: &str, app: &App) -> String {
    match app.keymap.hint_key(KeyMode::Overlay, Action::Cancel) {
        Some(key) => format!(" {what} ({key} to close) "),
        None => format!(" {what} "),
    }
}

fn overlay(title: &str, lines: &[OverlayLine], scroll: u16, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let rect = overlay_area((area.width, area.height));
    let rect = Rect { x: area.x + rect.x, y: area.y + rect.y, ..rect };
    Clear.render(rect, buf);
    let mut block = pane(Line::from(title), true, theme);
    let rows = overlay_rows((area.width, area.height));
    let first = usize::from(scroll).min(lines.len().saturating_sub(rows));
    if lines.len() > rows {
        // There is more than fits: say where we are, as the article pane's position does.
        let last = (first + rows).min(lines.len());
        block = block.title_bottom(Line::from(format!(" {}–{} of {} ", first + 1, last, lines.len())).right_aligned());
    }
    let inner = block.inner(rect);
    block.render(rect, buf);
    for (slot, line) in lines.iter().skip(first).take(usize::from(inner.height)).enumerate() {
        let y = inner.y + u16::try_from(slot).unwrap_or(0);
        let width = inner.width.saturating_sub(2);
        put(buf, inner.x + 1, y, width, &styled(line, theme, usize::from(width)));
    }
}
