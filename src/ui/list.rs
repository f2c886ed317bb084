//! The list pane: two rows an article (headline; date, place and agency), only the visible ones
//! built.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{Theme, is_focused, pane, put, truncate};
use crate::app::{App, Focus, Show, SortOrder};
use crate::article::{Article, show_date};

/// Rows each entry takes.
const ITEM_ROWS: u16 = 2;
/// Columns before the headline: unread, star, a space.
const MARKER_COLUMNS: usize = 3;

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let focused = is_focused(app, Focus::List);
    let total = app.list_len();
    // While the rest of the library is read, the count is of the first page: "500…".
    let of = if app.reading_rest() { format!("{total}…") } else { total.to_string() };
    let title = match &app.filter {
        // The position first, so a narrow pane cuts the name, not the numbers.
        Some(f) => {
            let head = format!(" {}/{of} {} ", app.selected + 1, if f.search { "matching" } else { "naming" });
            let room = usize::from(area.width.saturating_sub(4)).saturating_sub(head.len() + 1);
            format!("{head}{} ", truncate(&f.person, room))
        }
        None if app.narrowed_to().is_some() => {
            let head = format!(" {}/{of} in ", app.selected + 1);
            let room = usize::from(area.width.saturating_sub(4)).saturating_sub(head.len() + 1);
            format!("{head}{} ", truncate(app.narrowed_to().unwrap_or_default(), room))
        }
        None => {
            let what = match app.show {
                Show::All => "Articles",
                Show::Unread => "Unread",
                Show::Starred => "Starred",
            };
            let order = match app.sort {
                SortOrder::Newest => "",
                SortOrder::Oldest => " · oldest first",
                SortOrder::Headline => " · A-Z",
            };
            if total == 0 { format!(" {what}{order} ") } else { format!(" {what} {}/{of}{order} ", app.selected + 1) }
        }
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
        let unread =
            if app.is_read(index) { Span::raw(" ") } else { Span::styled("•", theme.unread.patch(row_style)) };
        let star =
            if app.is_starred(index) { Span::styled("★", theme.star.patch(row_style)) } else { Span::raw(" ") };
        let marker = vec![unread, star, Span::raw(" ")];
        let headline = Span::styled(
            truncate(&article.title, width.saturating_sub(MARKER_COLUMNS)).into_owned(),
            theme.headline.patch(row_style),
        );
        put(buf, inner.x, y, inner.width, &Line::from([marker, vec![headline]].concat()));
        let meta = format!("{:MARKER_COLUMNS$}{}", "", meta_line(article, app.now));
        put(
            buf,
            inner.x,
            y + 1,
            inner.width,
            &Line::styled(truncate(&meta, width).into_owned(), theme.dim.patch(row_style)),
        );
    }
}

/// "2013-10-17 · SEOUL · Yonhap" (the dateline's own date when the article has no full date),
/// or the file name when the article has neither date nor dateline.
fn meta_line(article: &Article, now: chrono::DateTime<chrono::Utc>) -> String {
    let date = article.published.map(|t| show_date(t, now));
    let dateline = article.dateline.as_ref();
    let parts: Vec<&str> = [
        date.as_deref().or_else(|| dateline.and_then(|d| d.date.as_deref())),
        dateline.and_then(|d| d.place.as_deref()),
        dateline.and_then(|d| d.agency.as_deref()),
    ]
    .into_iter()
    .flatten()
    .collect();
    if dateline.is_none() {
        // A feed item by its feed's name (which may hold a '/'), a file by its file name.
        let name = article
            .source
            .as_deref()
            .unwrap_or_else(|| article.path.rsplit(['/', '\\']).next().unwrap_or(&article.path));
        return [date.as_deref(), Some(name)].into_iter().flatten().collect::<Vec<_>>().join(" · ");
    }
    parts.join(" · ")
}
