//! The library search screen: the prompt, a line saying what the results are (or where and why
//! the query cannot be run), and the results, each with its headline, date, place, agency,
//! source and a snippet, the matches highlighted. Under an empty query, the saved and past
//! searches instead.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{Theme, pane, put, truncate};
use crate::app::App;
use crate::app::search_screen::{HEADER_ROWS, HIT_ROWS, SearchFocus, SearchScreen, Suggestion};
use crate::article::show_date;
use crate::store::{Order, SearchHit};
use crate::text::columns;

/// The label before the query.
const LABEL: &str = " Search the library ";
/// Columns before a headline: unread, star, a space.
const MARKER_COLUMNS: u16 = 3;

pub(super) fn render(app: &App, s: &SearchScreen, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if area.height <= HEADER_ROWS {
        return;
    }
    render_prompt(s, theme, area, buf);
    render_info(s, theme, Rect { y: area.y + 1, height: 1, ..area }, buf);
    let list = Rect { y: area.y + HEADER_ROWS, height: area.height - HEADER_ROWS, ..area };
    let focused = s.focus == SearchFocus::Results;
    let title = if s.suggesting() {
        " Saved and past searches ".to_string()
    } else if s.hits.is_empty() {
        " Results ".to_string()
    } else {
        format!(" Results {}/{} · {} ", s.selected + 1, s.hits.len(), order_name(s.order))
    };
    let block = pane(Line::from(title), focused, theme);
    let inner = block.inner(list);
    block.render(list, buf);
    if s.suggesting() {
        render_suggestions(s, theme, focused, inner, buf);
    } else {
        render_hits(app, s, theme, focused, inner, buf);
    }
}

fn order_name(order: Order) -> &'static str {
    if order == Order::Newest { "newest first" } else { "best match first" }
}

fn render_prompt(s: &SearchScreen, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let width = usize::from(area.width);
    let (before, after) = s.query.split_at(s.cursor);
    let mut chars = after.chars();
    let under = chars.next().map_or(" ".to_string(), |c| c.to_string());
    let room = width.saturating_sub(columns(LABEL) + 2 + columns(&under));
    let before = super::status::tail(before, room);
    let after = truncate(chars.as_str(), room.saturating_sub(columns(&before))).into_owned();
    let cursor = if s.focus == SearchFocus::Query { theme.cursor } else { Style::new() };
    let line = Line::from(vec![
        Span::styled(LABEL, theme.badge),
        Span::raw(" "),
        Span::styled(before, theme.text),
        Span::styled(under, cursor),
        Span::styled(after, theme.text),
    ]);
    put(buf, area.x, area.y, area.width, &line);
}

/// Under the prompt: where and why the query cannot be run, or what the results are.
fn render_info(s: &SearchScreen, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let width = usize::from(area.width);
    let line = if let Some(e) = &s.error {
        // The caret under the character where the problem is (when the query is not scrolled).
        let at = s.query.get(..e.pos).map_or(0, columns);
        let indent = (columns(LABEL) + 1 + at).min(width.saturating_sub(2));
        let text = format!("{:indent$}^ {e}", "");
        Line::styled(truncate(&text, width).into_owned(), theme.warning)
    } else if let Some(failure) = &s.failure {
        Line::styled(truncate(&format!(" {failure}"), width).into_owned(), theme.warning)
    } else {
        let text = if s.suggesting() {
            " Words (all must match), \"a phrase\", -word, prefix*, person:, place:, agency:, date:, after:, before:, is:unread, is:starred".to_string()
        } else if !s.settled {
            format!(" Searching… {} results so far", s.hits.len())
        } else if s.hits.is_empty() {
            " No article in the library matches".to_string()
        } else {
            let n = s.hits.len();
            let more = if n >= crate::app::search_screen::RESULTS { "the first " } else { "" };
            format!(" {more}{n} result{} · {}", if n == 1 { "" } else { "s" }, order_name(s.order))
        };
        Line::styled(truncate(&text, width).into_owned(), theme.dim)
    };
    put(buf, area.x, area.y, area.width, &line);
}

fn row_style(theme: &Theme, selected: bool, focused: bool) -> Style {
    match (selected, focused) {
        (true, true) => theme.selected,
        (true, false) => theme.selected_unfocused,
        _ => Style::new(),
    }
}

fn render_suggestions(s: &SearchScreen, theme: &Theme, focused: bool, area: Rect, buf: &mut Buffer) {
    let suggestions = s.suggestions();
    if suggestions.is_empty() {
        let lines = [
            "Type to search every article in the library; the results follow as you type.",
            "Enter keeps the query in the history (Up and Down bring it back); C-s saves it.",
        ];
        for (y, text) in (area.y..area.y + area.height).zip(lines) {
            put(buf, area.x + 1, y, area.width.saturating_sub(1), &Line::styled(text, theme.dim));
        }
        return;
    }
    let width = usize::from(area.width);
    let rows = usize::from(area.height);
    for (slot, (at, suggestion)) in suggestions.iter().enumerate().skip(s.offset).take(rows).enumerate() {
        let y = area.y + u16::try_from(slot).unwrap_or(0);
        let style = row_style(theme, at == s.selected, focused);
        buf.set_style(Rect { x: area.x, y, width: area.width, height: 1 }, style);
        let line = match suggestion {
            Suggestion::Saved(saved) => {
                let mut spans = vec![Span::styled("★ ", theme.star.patch(style))];
                spans.push(Span::styled(truncate(&saved.name, width - 2).into_owned(), theme.headline.patch(style)));
                if saved.name != saved.query {
                    let room = width.saturating_sub(columns(&saved.name) + 5);
                    spans.push(Span::styled(format!("  {}", truncate(&saved.query, room)), theme.dim.patch(style)));
                }
                Line::from(spans)
            }
            Suggestion::Past(query) => Line::from(vec![
                Span::raw("  "),
                Span::styled(truncate(query, width.saturating_sub(2)).into_owned(), theme.text.patch(style)),
            ]),
        };
        put(buf, area.x, y, area.width, &line);
    }
}

fn render_hits(app: &App, s: &SearchScreen, theme: &Theme, focused: bool, area: Rect, buf: &mut Buffer) {
    let visible = (usize::from(area.height) / HIT_ROWS).max(1);
    for (slot, (at, hit)) in s.hits.iter().enumerate().skip(s.offset).take(visible).enumerate() {
        let y = area.y + u16::try_from(slot * HIT_ROWS).unwrap_or(0);
        let style = row_style(theme, at == s.selected, focused);
        let height = u16::try_from(HIT_ROWS - 1).unwrap_or(1).min(area.y + area.height - y);
        buf.set_style(Rect { x: area.x, y, width: area.width, height }, style);
        render_hit(app, hit, theme, style, Rect { y, height, ..area }, buf);
    }
}

/// One result: headline, the line about it, and two rows of snippet.
fn render_hit(app: &App, hit: &SearchHit, theme: &Theme, style: Style, area: Rect, buf: &mut Buffer) {
    let row = &hit.row;
    let text_x = area.x + MARKER_COLUMNS;
    let width = usize::from(area.width.saturating_sub(MARKER_COLUMNS));
    let unread = if row.read { Span::raw(" ") } else { Span::styled("•", theme.unread.patch(style)) };
    let star = if row.starred { Span::styled("★", theme.star.patch(style)) } else { Span::raw(" ") };
    put(buf, area.x, area.y, MARKER_COLUMNS, &Line::from(vec![unread, star]));
    let title = truncate(&row.title, width);
    let matches = if title.len() == row.title.len() { hit.title_matches.as_slice() } else { &[] };
    let headline = highlighted(&title, 0..title.len(), matches, theme.headline.patch(style), theme.matched);
    put(buf, text_x, area.y, area.width - MARKER_COLUMNS, &headline);
    // The source is a file's name or a feed's link: text from outside, cleaned before drawing.
    let source = crate::article::sanitize(&row.source);
    let date = show_date(row.date, app.now);
    let meta: Vec<&str> = [Some(date.as_str()), row.place.as_deref(), row.agency.as_deref(), Some(source.as_str())]
        .into_iter()
        .flatten()
        .filter(|p| !p.is_empty())
        .collect();
    let meta = truncate(&meta.join(" · "), width).into_owned();
    put(buf, text_x, area.y + 1, area.width - MARKER_COLUMNS, &Line::styled(meta, theme.dim.patch(style)));
    let snippet = &hit.snippet;
    let mut rows = Vec::new();
    crate::text::wrap_text(&snippet.text, width, |start, end| rows.push(start..end));
    for (i, range) in rows.into_iter().take(2).enumerate() {
        let y = area.y + 2 + u16::try_from(i).unwrap_or(0);
        if y >= area.y + area.height {
            break;
        }
        let line = highlighted(&snippet.text, range, &snippet.matches, theme.text.patch(style), theme.matched);
        put(buf, text_x, y, area.width - MARKER_COLUMNS, &line);
    }
}

/// `text[range]` as spans, the parts inside `matches` (byte ranges of `text`) in `hl`.
fn highlighted<'a>(text: &'a str, range: Range<usize>, matches: &[Range<usize>], base: Style, hl: Style) -> Line<'a> {
    let mut spans = Vec::new();
    let mut at = range.start;
    for m in matches {
        let (start, end) = (m.start.max(at), m.end.min(range.end));
        if start >= end || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        if start > at {
            spans.push(Span::styled(&text[at..start], base));
        }
        spans.push(Span::styled(&text[start..end], base.patch(hl)));
        at = end;
    }
    if at < range.end {
        spans.push(Span::styled(&text[at..range.end], base));
    }
    Line::from(spans)
}

/// The status bar on the search screen: its badge, where the selection is, and the keys.
pub(super) fn status(app: &App, s: &SearchScreen) -> (&'static str, String, String) {
    use crate::app::Action;
    let mode = s.key_mode();
    let say = |action: Action, what: &str| {
        app.keymap.hint_key(mode, action).map(|k| format!("{k} {what}")).unwrap_or_default()
    };
    let position = match (s.is_empty(), s.suggesting()) {
        (true, _) => String::new(),
        (false, true) => format!("search {}/{}", s.selected + 1, s.len()),
        (false, false) => format!("result {}/{}", s.selected + 1, s.len()),
    };
    let order = if s.order == Order::Relevance { "newest first" } else { "best first" };
    let mut parts = match s.focus {
        SearchFocus::Query => vec![say(Action::FocusNext, "results"), say(Action::CycleSort, order)],
        SearchFocus::Results => vec![say(Action::Open, "read"), say(Action::StartSearch, "query")],
    };
    parts.extend([say(Action::SaveSearch, "save"), say(Action::Cancel, "close")]);
    parts.retain(|p| !p.is_empty());
    (" SEARCH ", position, parts.join("  "))
}
