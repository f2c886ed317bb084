//! Overlays: the help, generated from the keymap, and a person's quotes.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

use super::{Theme, pane, put};
use crate::app::App;
use crate::app::keymap::{help_sections, keys_text};
use crate::text::wrap_text;

pub fn render_help(app: &App, theme: &Theme, scroll: u16, area: Rect, buf: &mut Buffer) {
    let mut lines: Vec<Line<'static>> = Vec::new();
    for (title, bindings) in help_sections() {
        lines.push(Line::styled(title.to_string(), theme.headline));
        for b in bindings {
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<20} ", keys_text(b)), theme.byline),
                Span::raw(b.help),
            ]));
        }
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled("Mouse", theme.headline));
    lines.push(Line::raw("  the wheel scrolls the pane under the pointer; a click selects"));
    if !app.problems.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled("Problems loading files", theme.warning));
        for p in &app.problems {
            lines.push(Line::raw(format!("  {p}")));
        }
    }
    overlay(" Help (Esc to close) ", lines, scroll, theme, area, buf);
}

pub fn render_quotes(app: &App, theme: &Theme, scroll: u16, area: Rect, buf: &mut Buffer) {
    let Some(person) = app.selected_person() else { return };
    let width = usize::from(popup(area).width.saturating_sub(4)).max(10);
    let mut lines: Vec<Line<'static>> = vec![Line::styled(person.name.clone(), theme.headline)];
    if let Some(role) = &person.role {
        lines.push(Line::styled(role.clone(), theme.dateline));
    }
    let mut facts = format!("mentioned {} time{}", person.mentions, if person.mentions == 1 { "" } else { "s" });
    if !person.aliases.is_empty() {
        facts.push_str(&format!("; also called {}", person.aliases.join(", ")));
    }
    lines.push(Line::styled(facts, theme.dim));
    lines.push(Line::raw(""));
    if person.quotes.is_empty() {
        lines.push(Line::styled("No quotes in this article.", theme.dim));
    }
    for quote in &person.quotes {
        let text = format!("“{quote}”");
        wrap_text(&text, width, |s, e| lines.push(Line::raw(text[s..e].to_string())));
        lines.push(Line::raw(""));
    }
    overlay(" Quotes (Esc to close) ", lines, scroll, theme, area, buf);
}

fn popup(area: Rect) -> Rect {
    let width = area.width.saturating_sub(4).min(80);
    let height = area.height.saturating_sub(2);
    Rect { x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width, height }
}

fn overlay(title: &'static str, lines: Vec<Line<'static>>, scroll: u16, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let rect = popup(area);
    Clear.render(rect, buf);
    let block = pane(Line::from(title), true, theme);
    let inner = block.inner(rect);
    block.render(rect, buf);
    let max_scroll = lines.len().saturating_sub(usize::from(inner.height));
    let first = usize::from(scroll).min(max_scroll);
    for (slot, line) in lines.iter().skip(first).take(usize::from(inner.height)).enumerate() {
        let y = inner.y + u16::try_from(slot).unwrap_or(0);
        put(buf, inner.x + 1, y, inner.width.saturating_sub(2), line);
    }
}
