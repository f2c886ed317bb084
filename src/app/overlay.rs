//! What the help and quotes overlays hold, and where they sit: shared by `update` (to keep
//! their scroll in range) and the renderer (to draw them), so the two always agree.

use ratatui::layout::Rect;

use super::App;
use super::keymap::SYMBOLS;
use crate::text::wrap_text;

/// One line of an overlay, by what it is; the renderer picks the style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OverlayLine {
    Heading(String),
    /// Keys and what they do.
    Binding(String, &'static str),
    Plain(String),
    /// A person's role, under their name.
    Role(String),
    Dim(String),
    Warning(String),
    Blank,
}

/// The help: every binding of every mode, straight from the keymap, then any problems loading.
#[must_use]
pub fn help_lines(app: &App) -> Vec<OverlayLine> {
    let mut lines = Vec::new();
    for (title, bindings) in app.keymap.help_sections() {
        lines.push(OverlayLine::Heading(title.to_string()));
        lines.extend(bindings.into_iter().map(|(keys, help)| OverlayLine::Binding(keys, help)));
        lines.push(OverlayLine::Blank);
    }
    lines.push(OverlayLine::Heading("Mouse".to_string()));
    lines.push(OverlayLine::Plain("  the wheel scrolls the pane under the pointer;".to_string()));
    lines.push(OverlayLine::Plain("  a click selects an article or a person and focuses its pane".to_string()));
    lines.push(OverlayLine::Blank);
    lines.push(OverlayLine::Heading("Symbols".to_string()));
    lines.extend(SYMBOLS.iter().map(|(symbol, meaning)| OverlayLine::Binding((*symbol).to_string(), meaning)));
    if !app.problems.is_empty() {
        lines.push(OverlayLine::Blank);
        lines.push(OverlayLine::Warning("Problems loading files".to_string()));
        lines.extend(app.problems.iter().map(|p| OverlayLine::Plain(format!("  {p}"))));
    }
    lines
}

/// The selected person: name, role, how often and under which names they are mentioned, and
/// their quotes wrapped to `width`.
#[must_use]
pub fn quote_lines(app: &App, width: usize) -> Vec<OverlayLine> {
    let Some(person) = app.selected_person() else { return Vec::new() };
    let mut lines = vec![OverlayLine::Heading(person.name.clone())];
    if let Some(role) = &person.role {
        lines.push(OverlayLine::Role(role.clone()));
    }
    let mut facts = format!("mentioned {} time{}", person.mentions, if person.mentions == 1 { "" } else { "s" });
    if !person.aliases.is_empty() {
        facts.push_str(&format!("; also called {}", person.aliases.join(", ")));
    }
    lines.push(OverlayLine::Dim(facts));
    lines.push(OverlayLine::Blank);
    if person.quotes.is_empty() {
        lines.push(OverlayLine::Dim("No quotes in this article.".to_string()));
    }
    for quote in &person.quotes {
        let text = format!("“{quote}”");
        wrap_text(&text, width.max(10), |s, e| lines.push(OverlayLine::Plain(text[s..e].to_string())));
        lines.push(OverlayLine::Blank);
    }
    lines
}

/// The overlay's frame on a screen of `size`: centred, at most 80 columns, a row free above
/// and below.
#[must_use]
pub fn overlay_area((width, height): (u16, u16)) -> Rect {
    let w = width.saturating_sub(4).min(80);
    let h = height.saturating_sub(2);
    Rect { x: (width - w) / 2, y: (height - h) / 2, width: w, height: h }
}

/// The width quotes are wrapped to inside the overlay (its border and a column of margin each
/// side taken off).
#[must_use]
pub fn overlay_text_width(size: (u16, u16)) -> usize {
    usize::from(overlay_area(size).width.saturating_sub(4))
}

/// Rows of text the overlay shows at once.
#[must_use]
pub fn overlay_rows(size: (u16, u16)) -> usize {
    usize::from(overlay_area(size).height.saturating_sub(2))
}

/// The lines of the open overlay, if one is open.
#[must_use]
pub fn overlay_lines(app: &App) -> Option<Vec<OverlayLine>> {
    match app.mode {
        super::Mode::Help { .. } => Some(help_lines(app)),
        super::Mode::Quotes { .. } => Some(quote_lines(app, overlay_text_width(app.size))),
        _ => None,
    }
}

/// The furthest the open overlay can scroll: its last line at the bottom.
#[must_use]
pub fn max_overlay_scroll(app: &App) -> usize {
    overlay_lines(app).map_or(0, |lines| lines.len().saturating_sub(overlay_rows(app.size)))
}
