//! The people view: a filter line, column heads, and one row a person (name, articles,
//! mentions, unread, last in the news, latest role). Only the rows on screen are drawn.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{Theme, pane, put, truncate};
use crate::app::App;
use crate::app::people_view::{PeopleView, visible_rows};
use crate::app::person_page::day;
use crate::store::PersonRow;
use crate::text::columns;

/// Columns of the counts and the date: "articles mentions unread last seen".
const COUNTS: &str = " articles mentions unread  last seen ";

pub fn render(app: &App, view: &PeopleView, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let count = match view.total {
        Some(n) if view.current() => n.to_string(),
        _ => "…".to_string(),
    };
    let title = format!(" People ({count}) · by {} ", view.sort_name());
    let block = pane(Line::from(title), true, theme);
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.height < 3 || inner.width < 10 {
        return;
    }
    filter_line(app, view, theme, inner, buf);
    let width = usize::from(inner.width);
    let name_width = name_width(width);
    let head = format!("  {:<name_width$}{COUNTS}role", "name");
    put(buf, inner.x, inner.y + 1, inner.width, &Line::styled(truncate(&head, width).into_owned(), theme.dim));
    let top = inner.y + 2;
    let rows = usize::from(inner.height - 2).min(visible_rows(app.size));
    if view.total == Some(0) && view.current() {
        let note = match (&view.error, view.filter.is_empty()) {
            (Some(e), _) => format!(" {e}"),
            (None, true) => " Nobody yet: people are found as articles come into the library".to_string(),
            (None, false) => format!(" Nobody's name contains “{}”", view.filter),
        };
        put(buf, inner.x, top, inner.width, &Line::styled(truncate(&note, width).into_owned(), theme.dim));
        return;
    }
    for slot in 0..rows {
        let at = view.offset + slot;
        if view.total.is_some_and(|t| at >= t) {
            break;
        }
        let y = top + u16::try_from(slot).unwrap_or(0);
        let Some(row) = view.row(at) else {
            put(buf, inner.x, y, inner.width, &Line::styled("  …", theme.dim));
            continue;
        };
        let style = if at == view.selected { theme.selected } else { Style::new() };
        let marked = view.marked.as_ref().is_some_and(|(id, _)| *id == row.id);
        person_row(row, marked, name_width, width, theme, style, buf, Rect { y, height: 1, ..inner });
    }
}

/// The name column: what the counts and a little of the role leave.
fn name_width(width: usize) -> usize {
    width.saturating_sub(columns(COUNTS) + 2 + 12).clamp(12, 32)
}

fn filter_line(app: &App, view: &PeopleView, theme: &Theme, inner: Rect, buf: &mut Buffer) {
    let key = |action| app.keymap.hint_key(crate::app::keymap::KeyMode::PeopleView, action).unwrap_or_default();
    let line = match &view.editing {
        Some(editing) => {
            let at = editing.cursor.min(view.filter.len());
            let (before, after) = view.filter.split_at(at);
            let mut rest = after.chars();
            let under = rest.next().map_or(" ".to_string(), |c| c.to_string());
            Line::from(vec![
                Span::styled(" Filter: ", theme.dim),
                Span::raw(before.to_string()),
                Span::styled(under, theme.cursor),
                Span::raw(rest.as_str().to_string()),
            ])
        }
        None if view.filter.is_empty() => Line::styled(
            format!(
                " {} filter by name · {} sort · {} mark, then {2} on another: merge",
                key(crate::app::Action::StartSearch),
                key(crate::app::Action::CycleSort),
                key(crate::app::Action::MarkPerson)
            ),
            theme.dim,
        ),
        None => Line::from(vec![Span::styled(" Filter: ", theme.dim), Span::raw(view.filter.clone())]),
    };
    put(buf, inner.x, inner.y, inner.width, &line);
}

#[allow(clippy::too_many_arguments)]
fn person_row(
    row: &PersonRow,
    marked: bool,
    name_width: usize,
    width: usize,
    theme: &Theme,
    style: Style,
    buf: &mut Buffer,
    area: Rect,
) {
    buf.set_style(area, style);
    let mark = if marked { "● " } else { "  " };
    let name = truncate(&row.name, name_width.saturating_sub(1));
    let pad = name_width.saturating_sub(columns(&name));
    let last = row.last_seen.map(day).unwrap_or_default();
    let counts = format!(" {:>8} {:>8} {:>6}  {:<10} ", row.articles, row.mentions, row.unread, last);
    let role = row.role.as_deref().unwrap_or("—");
    let role_width = width.saturating_sub(2 + name_width + columns(&counts));
    let line = Line::from(vec![
        Span::styled(mark, theme.star.patch(style)),
        Span::styled(format!("{name}{}", " ".repeat(pad)), theme.person.patch(style)),
        Span::styled(counts, theme.dim.patch(style)),
        Span::styled(truncate(role, role_width).into_owned(), theme.role.patch(style)),
    ]);
    put(buf, area.x, area.y, area.width, &line);
}

/// The status bar under the view: where the selection is, and the keys that matter here.
pub(super) fn status(app: &App, view: &PeopleView) -> (&'static str, String, String) {
    use crate::app::Action;
    use crate::app::keymap::KeyMode;
    if view.editing.is_some() {
        let say = |a, what: &str| app.keymap.hint_key(KeyMode::Prompt, a).map(|k| format!("{k} {what}"));
        let hint = [say(Action::Accept, "keep"), say(Action::Cancel, "drop")].into_iter().flatten();
        return (" FILTER ", "typing a name".to_string(), hint.collect::<Vec<_>>().join("  "));
    }
    let position = match view.total {
        Some(0) => "nobody".to_string(),
        Some(n) => format!("person {}/{n}", view.selected + 1),
        None => "reading the library…".to_string(),
    };
    let say = |a, what: &str| app.keymap.hint_key(KeyMode::PeopleView, a).map(|k| format!("{k} {what}"));
    let hint = [say(Action::Open, "page"), say(Action::StartSearch, "filter"), say(Action::Back, "back")];
    (" ALL PEOPLE ", position, hint.into_iter().flatten().collect::<Vec<_>>().join("  "))
}
