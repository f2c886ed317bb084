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
    crate::text::columns(text)
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

/// Draws `line` at (x, y) within `width` columns, as [`Buffer::set_line`] does, but with every
/// cell's width one that terminals agree on (see [`cells`]).
///
/// Most rows are plain ASCII, where every byte is a grapheme one column wide: those are written
/// cell by cell, skipping the grapheme segmentation and width lookups that were a third of a
/// frame's cost.
fn put(buf: &mut Buffer, x: u16, y: u16, width: u16, line: &Line<'_>) {
    let area = buf.area;
    if y < area.top() || y >= area.bottom() || x < area.left() || x >= area.right() {
        return;
    }
    let right = area.right().min(x.saturating_add(width));
    let mut x = x;
    for span in &line.spans {
        if x >= right {
            break;
        }
        let style = line.style.patch(span.style);
        if is_plain_ascii(&span.content) {
            let n = usize::from(right.saturating_sub(x)).min(span.content.len());
            let start = buf.index_of(x, y);
            for (cell, byte) in buf.content[start..start + n].iter_mut().zip(span.content.bytes()) {
                cell.set_char(char::from(byte)).set_style(style);
            }
            // `n` is at most `right - x`, a u16.
            x += u16::try_from(n).unwrap_or(0);
            continue;
        }
        let mut full = false;
        cells(&span.content, |symbol, w| {
            if full || x + w > right {
                full = true;
                return;
            }
            buf[(x, y)].set_symbol(symbol).set_style(style);
            // The columns a wide character covers, as ratatui leaves them.
            for hidden in x + 1..x + w {
                buf[(hidden, y)].reset();
            }
            x += w;
        });
        if full {
            break;
        }
    }
}

/// Splits `text` into the cells it is drawn in, as (symbol, columns): a grapheme a cell, as
/// ratatui does, except where terminals disagree on how wide a cluster is. A flag (two regional
/// indicators) or an emoji with a variation selector is one wide glyph to some terminals and
/// two narrow ones, or one narrow one, to others (tmux among them); drawn as one cell, what a
/// terminal leaves of it can stay on screen after the text has gone. Those clusters are drawn a
/// character a cell, variation selectors and other invisible joiners dropped, so every terminal
/// agrees on every cell. Accents and other combining marks stay with their letter.
fn cells(text: &str, mut emit: impl FnMut(&str, u16)) {
    use unicode_segmentation::UnicodeSegmentation;
    for (at, grapheme) in text.grapheme_indices(true) {
        let mut chars = grapheme.chars();
        let Some(first) = chars.next() else { continue };
        let first_width = char_columns(first);
        if chars.as_str().is_empty() || chars.all(|c| char_columns(c) == 0 && !is_emoji_modifier(c)) {
            if first_width > 0 {
                emit(grapheme, first_width);
            }
            continue;
        }
        for (i, c) in grapheme.char_indices() {
            let w = char_columns(c);
            if w > 0 {
                emit(&text[at + i..at + i + c.len_utf8()], w);
            }
        }
    }
}

fn char_columns(c: char) -> u16 {
    c.width().map_or(0, |w| u16::try_from(w).unwrap_or(0))
}

/// Characters that change how wide the character before them is drawn, differently from one
/// terminal to the next: variation selectors, skin tones, regional indicators (flags), tags,
/// the keycap mark.
fn is_emoji_modifier(c: char) -> bool {
    matches!(c, '\u{fe00}'..='\u{fe0f}' | '\u{1f3fb}'..='\u{1f3ff}' | '\u{1f1e6}'..='\u{1f1ff}' | '\u{e0000}'..='\u{e007f}' | '\u{20e3}')
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
            Line::from("e\u{301}combining and 世界 wide").style(bold),
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

    fn drawn(text: &str) -> Vec<String> {
        let mut buf = Buffer::empty(Rect::new(0, 0, 12, 1));
        put(&mut buf, 0, 0, 12, &Line::from(text));
        buf.content.iter().map(|c| c.symbol().to_string()).collect()
    }

    #[test]
    fn clusters_terminals_disagree_on_are_drawn_a_character_a_cell() {
        // A flag: two one-column cells, not one two-column cell that tmux draws as two.
        assert_eq!(drawn("🇰🇷!")[..3], ["🇰", "🇷", "!"]);
        // A heart with its emoji selector: the selector dropped, one column as tmux draws it.
        assert_eq!(drawn("❤\u{fe0f}x")[..2], ["❤", "x"]);
        // A thumbs-up with a skin tone: two wide cells.
        assert_eq!(drawn("👍\u{1f3fd}.")[..5], ["👍", " ", "🏽", " ", "."]);
        // Accents stay with their letter; a wide character covers the next cell.
        assert_eq!(drawn("e\u{301}世x")[..4], ["e\u{301}", "世", " ", "x"]);
    }

    #[test]
    fn a_wide_character_that_does_not_fit_is_left_out() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 4, 1));
        put(&mut buf, 0, 0, 4, &Line::from("abc世"));
        assert_eq!(buf.content.iter().map(|c| c.symbol()).collect::<String>(), "abc ");
    }

    #[test]
    fn truncation_counts_wide_characters() {
        assert_eq!(truncate("hello", 5), "hello");
        assert_eq!(truncate("hello world", 6), "hello…");
        assert_eq!(truncate("박근혜 대통령", 5), "박근…");
        assert_eq!(truncate("abc", 0), "");
    }
}
