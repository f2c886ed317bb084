//! The article pane: the wrapped rows on screen, matches highlighted, and a scrollbar.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget};

use super::{Theme, is_focused, pane, put};
use crate::app::{App, Focus};
use crate::text::{BlockKind, Match};

/// Draws the article pane at `area`, its text in `text_area` (from the layout).
pub fn render(app: &App, theme: &Theme, area: Rect, text_area: Rect, buf: &mut Buffer) {
    let focused = is_focused(app, Focus::Article);
    let Some(current) = app.current.as_ref() else {
        let block = pane(Line::from(" Article "), focused, theme);
        block.render(area, buf);
        if app.text_loading() {
            put(buf, text_area.x, text_area.y, text_area.width, &Line::styled("Loading…", theme.dim));
        }
        return;
    };
    let top = app.top_row();
    let total = current.wrapped.len();
    let height = usize::from(text_area.height);
    let percent = if total <= height { 100 } else { (top + height).min(total) * 100 / total };
    let block =
        pane(Line::from(" Article "), focused, theme).title_bottom(Line::from(format!(" {percent}% ")).right_aligned());
    block.render(area, buf);

    let search = app.view().and_then(|v| v.search.as_ref());
    let matches: &[Match] = search.map_or(&[], |s| &s.matches);
    let current_match = search.and_then(|s| s.current.and_then(|i| s.matches.get(i)));
    for (slot, row) in current.wrapped.rows.iter().skip(top).take(height).enumerate() {
        let block = &current.doc.blocks[row.block as usize];
        let text = &block.text[row.start as usize..row.end as usize];
        let base = style_for(block.kind, theme);
        let line = highlight(text, row.block, row.start, base, matches, current_match, theme);
        let y = text_area.y + u16::try_from(slot).unwrap_or(0);
        put(buf, text_area.x, y, text_area.width, &line);
    }
    if total > height {
        let mut state = ScrollbarState::new(total.saturating_sub(height)).position(top).viewport_content_length(height);
        let bar_area = Rect {
            x: area.x,
            y: area.y + 1,
            width: area.width.saturating_sub(1),
            height: area.height.saturating_sub(2),
        };
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .thumb_style(if focused { theme.border_focused } else { theme.border })
            .track_style(theme.border)
            .render(bar_area, buf, &mut state);
    }
}

fn style_for(kind: BlockKind, theme: &Theme) -> Style {
    match kind {
        BlockKind::Title => theme.headline,
        BlockKind::Deck => theme.deck,
        BlockKind::Dateline => theme.dateline,
        BlockKind::Byline => theme.byline,
        BlockKind::Paragraph | BlockKind::Blank => theme.text,
        BlockKind::Credit => theme.credit,
        BlockKind::Rights => theme.rights,
    }
}

/// The row's text cut into spans at match boundaries. Matches are sorted, so the ones on this
/// row are found by binary search: the cost follows the row, not the article.
fn highlight<'a>(
    text: &'a str,
    block: u32,
    row_start: u32,
    base: Style,
    matches: &[Match],
    current: Option<&Match>,
    theme: &Theme,
) -> Line<'a> {
    let row_end = row_start + u32::try_from(text.len()).unwrap_or(u32::MAX);
    let first = matches.partition_point(|m| (m.block, m.end) <= (block, row_start));
    let mut spans = Vec::new();
    let mut at = row_start;
    for m in matches[first..].iter().take_while(|m| m.block == block && m.start < row_end) {
        let s = m.start.max(row_start);
        let e = m.end.min(row_end);
        if s > at {
            spans.push(Span::styled(&text[(at - row_start) as usize..(s - row_start) as usize], base));
        }
        if e > s {
            let style = if Some(m) == current { theme.current_match } else { base.patch(theme.matched) };
            spans.push(Span::styled(&text[(s - row_start) as usize..(e - row_start) as usize], style));
        }
        at = e.max(at);
    }
    if (at as usize) < row_end as usize {
        spans.push(Span::styled(&text[(at - row_start) as usize..], base));
    }
    Line::from(spans)
}
