//! Writing text into the buffer cell by cell, with every cell's width one that terminals agree
//! on.

use ratatui::buffer::Buffer;
use ratatui::text::Line;
use unicode_width::UnicodeWidthChar;

/// Draws `line` at (x, y) within `width` columns, as [`Buffer::set_line`] does, but with every
/// cell's width one that terminals agree on (see [`cells`]).
///
/// Most rows are plain ASCII, where every byte is a grapheme one column wide: those are written
/// cell by cell, skipping the grapheme segmentation and width lookups that were a third of a
/// frame's cost.
pub(super) fn put(buf: &mut Buffer, x: u16, y: u16, width: u16, line: &Line<'_>) {
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
        if crate::text::is_plain_ascii(&span.content) {
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
/// agrees on every cell. Accents and other combining marks stay with their letter. Wide emoji
/// joined by zero-width joiners alone are one cell two columns wide, which terminals that join
/// them and tmux agree on (see [`crate::text::is_joined_emoji`]).
fn cells(text: &str, mut emit: impl FnMut(&str, u16)) {
    use unicode_segmentation::UnicodeSegmentation;
    for (at, grapheme) in text.grapheme_indices(true) {
        let mut chars = grapheme.chars();
        let Some(first) = chars.next() else { continue };
        let first_width = char_columns(first);
        if first_width == 2 && crate::text::is_joined_emoji(grapheme) {
            emit(grapheme, 2);
            continue;
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

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
        // Wide emoji joined by joiners: one wide cell. With a skin tone: a character a cell.
        assert_eq!(drawn("👩\u{200d}💻!")[..3], ["👩\u{200d}💻", " ", "!"]);
        assert_eq!(drawn("👩🏽\u{200d}💻")[..6], ["👩", " ", "🏽", " ", "💻", " "]);
        // Accents stay with their letter; a wide character covers the next cell.
        assert_eq!(drawn("e\u{301}世x")[..4], ["e\u{301}", "世", " ", "x"]);
    }

    #[test]
    fn a_wide_character_that_does_not_fit_is_left_out() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 4, 1));
        put(&mut buf, 0, 0, 4, &Line::from("abc世"));
        assert_eq!(buf.content.iter().map(|c| c.symbol()).collect::<String>(), "abc ");
    }
}
