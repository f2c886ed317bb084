//! Drawing the state: a pure function of [`App`], one file per pane. Only the rows on screen are
//! built, whatever the size of the article or the list.

mod article;
mod help;
mod list;
mod people;
mod status;
mod theme;

pub use theme::Theme;

use std::borrow::Cow;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Borders, Widget};
use unicode_width::UnicodeWidthChar;

use crate::app::{App, Focus, MIN_HEIGHT, MIN_WIDTH, Mode, Panes};

/// Draws the whole screen into `buf`.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let Panes::Panes(panes) = crate::app::layout(area.width, area.height, app.sidebar) else {
        too_small(area, buf);
        return;
    };
    list::render(app, theme, panes.list, buf);
    article::render(app, theme, panes.article, buf);
    if let Some(rect) = panes.people {
        people::render(app, theme, rect, buf);
    }
    status::render(app, theme, panes.status, buf);
    match &app.mode {
        Mode::Help { scroll } => help::render_help(app, theme, *scroll, area, buf),
        Mode::Quotes { scroll } => help::render_quotes(app, theme, *scroll, area, buf),
        Mode::Normal | Mode::Search(_) => {}
    }
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
        let x = area.x + area.width.saturating_sub(u16::try_from(display_width(&text)).unwrap_or(0)) / 2;
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
    app.focus == focus && matches!(app.mode, Mode::Normal | Mode::Search(_))
}

/// Display width of a string.
#[must_use]
pub fn display_width(text: &str) -> usize {
    text.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// `text` cut to `width` columns, with "…" where it was cut.
#[must_use]
pub fn truncate(text: &str, width: usize) -> Cow<'_, str> {
    if display_width(text) <= width {
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

/// Draws `line` at (x, y) within `width` columns, as [`Buffer::set_line`] does.
///
/// Most rows are plain ASCII, where every byte is a grapheme one column wide: those are written
/// cell by cell, skipping the grapheme segmentation and width lookups that were a third of a
/// frame's cost. Anything else (or a row off the buffer) goes through `set_line`.
fn put(buf: &mut Buffer, x: u16, y: u16, width: u16, line: &Line<'_>) {
    let area = buf.area;
    let on_buffer = y >= area.top() && y < area.bottom() && x >= area.left() && x < area.right();
    if !on_buffer || !line.spans.iter().all(|s| is_plain_ascii(&s.content)) {
        buf.set_line(x, y, line, width);
        return;
    }
    let mut x = x;
    let mut remaining = width;
    for span in &line.spans {
        if remaining == 0 {
            break;
        }
        let style = line.style.patch(span.style);
        let room = area.right().saturating_sub(x).min(remaining);
        let n = usize::from(room).min(span.content.len());
        if n == 0 {
            continue;
        }
        let start = buf.index_of(x, y);
        for (cell, byte) in buf.content[start..start + n].iter_mut().zip(span.content.bytes()) {
            cell.set_char(char::from(byte)).set_style(style);
        }
        // `n` is at most `room`, a u16.
        let n = u16::try_from(n).unwrap_or(room);
        x += n;
        remaining -= n;
    }
}

/// Printable ASCII only: one grapheme, one column, per byte.
fn is_plain_ascii(text: &str) -> bool {
    text.bytes().all(|b| (0x20..0x7f).contains(&b))
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
            skip = display_width(symbol).saturating_sub(1);
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
    fn put_draws_as_set_line_does() {
        use ratatui::style::{Color, Modifier};
        use ratatui::text::Span;
        let red = Style::new().fg(Color::Red);
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let lines = [
            Line::from("plain ascii text that is longer than the area is wide, to be clipped"),
            Line::from(vec![Span::styled("one ", red), Span::styled("two ", bold), Span::raw("three")]),
            Line::from(vec![Span::raw("ascii "), Span::styled("박근혜 wide", red), Span::raw(" then ascii")]),
            Line::from("e\u{301}combining and ❤\u{fe0f} emoji").style(bold),
            Line::from(vec![Span::raw(""), Span::raw("tab\there"), Span::raw("")]),
            Line::from(""),
        ];
        let area = Rect { x: 2, y: 1, width: 30, height: 4 };
        for line in &lines {
            for (x, y, width) in [(2, 1, 30), (5, 2, 10), (25, 3, 30), (31, 4, 5), (2, 4, 0), (3, 0, 5), (2, 9, 5)] {
                let mut expected = Buffer::empty(area);
                let mut got = Buffer::empty(area);
                let in_area = y >= area.top() && y < area.bottom();
                if in_area || line.width() == 0 {
                    expected.set_line(x, y, line, width);
                    put(&mut got, x, y, width, line);
                }
                assert_eq!(got, expected, "{line:?} at {x},{y} in {width}");
            }
        }
    }

    #[test]
    fn truncation_counts_wide_characters() {
        assert_eq!(truncate("hello", 5), "hello");
        assert_eq!(truncate("hello world", 6), "hello…");
        assert_eq!(truncate("박근혜 대통령", 5), "박근…");
        assert_eq!(truncate("abc", 0), "");
    }
}
