//! Drawing the state: a pure function of [`App`], one file per pane. Only the rows on screen are
//! built, whatever the size of the article or the list.

mod article;
mod cells;
mod feeds;
mod help;
mod list;
mod people;
mod people_view;
mod person_page;
mod search;
mod status;
mod theme;

pub use theme::{ELEMENTS, Theme, ThemeName};

use cells::put;

use std::borrow::Cow;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Borders, Widget};

use crate::app::{App, Focus, MIN_HEIGHT, MIN_WIDTH, Mode, Panes};
use crate::text::columns;
use unicode_width::UnicodeWidthChar;

/// Draws the whole screen into `buf`.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let Panes::Panes(panes) = crate::app::layout(area.width, area.height, app.sidebar, &app.reading) else {
        too_small(area, buf);
        return;
    };
    if let Some(screen) = app.screen() {
        // A screen fills what is above the status bar.
        let body = Rect { height: area.height.saturating_sub(1), ..area };
        render_screen(app, screen, theme, body, buf);
        status::render(app, theme, panes.status, buf);
    } else {
        render_reader(app, theme, &panes, buf);
    }
    match &app.mode {
        Mode::Help { scroll } => help::render_help(app, theme, *scroll, area, buf),
        Mode::Quotes { scroll } => help::render_quotes(app, theme, *scroll, area, buf),
        Mode::Normal | Mode::Search(_) | Mode::Prompt(_) => {}
    }
}

/// Draws a screen above the reader into `body` (one file per screen).
fn render_screen(app: &App, screen: &crate::app::Screen, theme: &Theme, body: Rect, buf: &mut Buffer) {
    match screen {
        crate::app::Screen::People(view) => people_view::render(app, view, theme, body, buf),
        crate::app::Screen::Person(page) => person_page::render(page, theme, body, buf),
        crate::app::Screen::Search(s) => search::render(app, s, theme, body, buf),
        crate::app::Screen::Feeds(feeds) => feeds::render(app, feeds, theme, body, buf),
    }
}

/// What the status bar says under a screen: its badge, where you are in it, and key hints.
fn screen_status(app: &App, screen: &crate::app::Screen) -> (&'static str, String, String) {
    match screen {
        crate::app::Screen::People(view) => people_view::status(app, view),
        crate::app::Screen::Person(page) => person_page::status(app, page),
        crate::app::Screen::Search(s) => search::status(app, s),
        crate::app::Screen::Feeds(feeds) => feeds::status(app, feeds),
    }
}

/// Draws the reader's panes and its status bar.
fn render_reader(app: &App, theme: &Theme, panes: &crate::app::PaneRects, buf: &mut Buffer) {
    if panes.list_shown() {
        list::render(app, theme, panes.list, buf);
    }
    article::render(app, theme, panes.article, panes.text, buf);
    if let Some(rect) = panes.people {
        people::render(app, theme, rect, buf);
    }
    status::render(app, theme, panes.status, buf);
}

fn too_small(area: Rect, buf: &mut Buffer) {
    let lines = [
        "Terminal too small".to_string(),
        format!("need {MIN_WIDTH}x{MIN_HEIGHT}, have {}x{}", area.width, area.height),
    ];
    let top = area.y + area.height.saturating_sub(2) / 2;
    for (i, line) in lines.iter().enumerate() {
        let y = top + u16::try_from(i).unwrap_or(0);
        if y >= area.y + area.height {
            break;
        }
        let text = truncate(line, usize::from(area.width));
        let x = area.x + area.width.saturating_sub(u16::try_from(columns(&text)).unwrap_or(0)) / 2;
        buf.set_stringn(x, y, &text, usize::from(area.width), Style::new());
    }
}

/// A bordered pane, its border and title styled by focus.
fn pane<'a>(title: Line<'a>, focused: bool, theme: &Theme) -> Block<'a> {
    Block::new()
        .borders(Borders::ALL)
        .border_type(if focused { BorderType::Thick } else { BorderType::Plain })
        .border_style(if focused { theme.border_focused } else { theme.border })
        .title(title.style(if focused { theme.title_focused } else { theme.title }))
}

fn is_focused(app: &App, focus: Focus) -> bool {
    app.focus == focus && matches!(app.mode, Mode::Normal | Mode::Search(_) | Mode::Prompt(_))
}

/// `text` cut to `width` columns, with "…" where it was cut.
#[must_use]
pub fn truncate(text: &str, width: usize) -> Cow<'_, str> {
    if columns(text) <= width {
        return Cow::Borrowed(text);
    }
    if width == 0 {
        return Cow::Borrowed("");
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    Cow::Owned(out)
}

/// The screen as plain text, one line per row, trailing spaces trimmed: for `--screenshot`.
#[must_use]
pub fn buffer_text(buf: &Buffer) -> String {
    let area = buf.area;
    let mut out = String::new();
    for y in area.y..area.y + area.height {
        let mut line = String::new();
        let mut skip = 0;
        for x in area.x..area.x + area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buf[(x, y)].symbol();
            line.push_str(symbol);
            skip = columns(symbol).saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Adapter so a whole app can be drawn as a widget with its theme.
pub struct Screen<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
}

impl Widget for Screen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        render(self.app, self.theme, area, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncation_counts_wide_characters() {
        assert_eq!(truncate("hello", 5), "hello");
        assert_eq!(truncate("hello world", 6), "hello…");
        assert_eq!(truncate("박근혜 대통령", 5), "박근…");
        assert_eq!(truncate("abc", 0), "");
    }
}
