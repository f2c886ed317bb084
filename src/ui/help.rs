//! Overlays: the help, generated from the keymap, and a person's quotes. Their content and
//! place come from [`crate::app::overlay`], which `update` uses to keep the scroll in range.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

use super::{Theme, pane, put};
use crate::app::App;
use crate::app::overlay::{OverlayLine, help_lines, overlay_area, overlay_rows, overlay_text_width, quote_lines};

pub fn render_help(app: &App, theme: &Theme, scroll: u16, area: Rect, buf: &mut Buffer) {
    overlay(" Help (Esc to close) ", &help_lines(app), scroll, theme, area, buf);
}

pub fn render_quotes(app: &App, theme: &Theme, scroll: u16, area: Rect, buf: &mut Buffer) {
    let lines = quote_lines(app, overlay_text_width((area.width, area.height)));
    if !lines.is_empty() {
        overlay(" Quotes (Esc to close) ", &lines, scroll, theme, area, buf);
    }
}

fn styled<'a>(line: &'a OverlayLine, theme: &Theme) -> Line<'a> {
    match line {
        OverlayLine::Heading(text) => Line::styled(text.as_str(), theme.headline),
        OverlayLine::Binding(keys, help) => {
            Line::from(vec![Span::styled(format!("  {keys:<20} "), theme.help_key), Span::raw(*help)])
        }
        OverlayLine::Plain(text) => Line::raw(text.as_str()),
        OverlayLine::Role(text) => Line::styled(text.as_str(), theme.role),
        OverlayLine::Dim(text) => Line::styled(text.as_str(), theme.dim),
        OverlayLine::Warning(text) => Line::styled(text.as_str(), theme.warning),
        OverlayLine::Blank => Line::raw(""),
    }
}

fn overlay(title: &'static str, lines: &[OverlayLine], scroll: u16, theme: &Theme, area: Rect, buf: &mut Buffer) {
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
        put(buf, inner.x + 1, y, inner.width.saturating_sub(2), &styled(line, theme));
    }
}
