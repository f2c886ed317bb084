//! The list pane: two rows an article (headline; date, place and agency), only the visible ones
//! built.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{Theme, is_focused, pane, put, truncate};
use crate::app::{App, Focus};
use crate::article::Article;

/// Rows each entry takes.
const ITEM_ROWS: u16 = 2;

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let focused = is_focused(app, Focus::List);
    let total = app.list_len();
    let title = match &app.filter {
        // The position first, so a narrow pane cuts the name, not the numbers.
        Some(f) => {
            let head = format!(" {}/{total} naming ", app.selected + 1);
            let room = usize::from(area.width.saturating_sub(4)).saturating_sub(head.len() + 1);
            format!("{head}{} ", truncate(&f.person, room))
        }
        None if total == 0 => " Articles ".to_string(),
        None => format!(" Articles {}/{total} ", app.selected + 1),
    };
    let block = pane(Line::from(title), focused, theme);
    let inner = block.inner(area);
    block.render(area, buf);
    if total == 0 {
        put(buf, inner.x, inner.y, inner.width, &Line::styled(" No articles", theme.dim));
        return;
    }
    let visible = usize::from(inner.height / ITEM_ROWS);
    let width = usize::from(inner.width);
    for (slot, position) in (app.list_offset..total).take(visible).enumerate() {
        let Some(index) = app.article_at(position) else { break };
        let article = &app.articles[index];
        let y = inner.y + u16::try_from(slot).unwrap_or(0) * ITEM_ROWS;
        let selected = position == app.selected;
        let row_style = match (selected, focused) {
            (true, true) => theme.selected,
            (true, false) => theme.selected_unfocused,
            _ => ratatui::style::Style::new(),
        };
        buf.set_style(
            Rect { x: inner.x, y, width: inner.width, height: ITEM_ROWS.min(inner.y + inner.height - y) },
            row_style,
        );
        let marker =
            if app.is_read(index) { Span::raw("  ") } else { Span::styled("• ", theme.unread.patch(row_style)) };
        let headline = Span::styled(
            truncate(&article.title, width.saturating_sub(2)).into_owned(),
            theme.headline.patch(row_style),
        );
        put(buf, inner.x, y, inner.width, &Line::from(vec![marker, headline]));
        let meta = format!("  {}", meta_line(article));
        put(
            buf,
            inner.x,
            y + 1,
            inner.width,
            &Line::styled(truncate(&meta, width).into_owned(), theme.dim.patch(row_style)),
        );
    }
}

/// "Oct. 17 · SEOUL · Yonhap", or the file name when the article has no dateline.
fn meta_line(article: &Article) -> String {
    let parts: Vec<&str> = article
        .dateline
        .iter()
        .flat_map(|d| [d.date.as_deref(), d.place.as_deref(), d.agency.as_deref()])
        .flatten()
        .collect();
    if parts.is_empty() {
        article.path.rsplit(['/', '\\']).next().unwrap_or(&article.path).to_string()
    } else {
        parts.join(" · ")
    }
}
