//! Wrapping the document to a width, once per (article, width): rows are byte ranges into the
//! blocks, so nothing is copied and drawing a screen touches only its visible rows.

use textwrap::WordSeparator;
use unicode_width::UnicodeWidthChar;

use super::doc::Doc;

/// One screen row: `blocks[block].text[start..end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub block: u32,
    pub start: u32,
    pub end: u32,
}

/// A document wrapped to a width.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Wrapped {
    pub width: u16,
    pub rows: Vec<Row>,
    /// The first row of each block.
    block_rows: Vec<u32>,
}

impl Wrapped {
    #[must_use]
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The row that shows byte `offset` of block `block` (the last row of the block if the offset
    /// falls in white space dropped at a break).
    #[must_use]
    pub fn row_at(&self, block: usize, offset: usize) -> usize {
        let Some(&first) = self.block_rows.get(block) else { return self.rows.len().saturating_sub(1) };
        let first = first as usize;
        let last = self.block_rows.get(block + 1).map_or(self.rows.len(), |&r| r as usize);
        let rows = &self.rows[first..last];
        let within = rows.partition_point(|r| r.end as usize <= offset && r.start as usize <= offset);
        first + within.min(rows.len().saturating_sub(1))
    }
}

/// Long documents are wrapped in parallel, in runs of blocks of about this many bytes.
const PARALLEL_RUN: usize = 64 * 1024;

/// Wraps every block of `doc` to `width` columns (at least 1). Blocks wrap independently, so a
/// long document is cut into runs of blocks wrapped in parallel and put back together in order:
/// the result is the same as wrapping one block after another.
#[must_use]
pub fn wrap_doc(doc: &Doc, width: u16) -> Wrapped {
    use rayon::prelude::*;
    let mut runs = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (i, block) in doc.blocks.iter().enumerate() {
        bytes += block.text.len() + 1;
        if bytes >= PARALLEL_RUN {
            runs.push(start..i + 1);
            (start, bytes) = (i + 1, 0);
        }
    }
    if start < doc.blocks.len() || runs.is_empty() {
        runs.push(start..doc.blocks.len());
    }
    if runs.len() == 1 {
        let (rows, block_rows) = wrap_blocks(doc, 0..doc.blocks.len(), width);
        return Wrapped { width, rows, block_rows };
    }
    let parts: Vec<(Vec<Row>, Vec<u32>)> = runs.into_par_iter().map(|run| wrap_blocks(doc, run, width)).collect();
    let mut rows = Vec::with_capacity(parts.iter().map(|(r, _)| r.len()).sum());
    let mut block_rows = Vec::with_capacity(doc.blocks.len());
    for (part_rows, part_block_rows) in parts {
        let offset = to_u32(rows.len());
        block_rows.extend(part_block_rows.iter().map(|&r| r.saturating_add(offset)));
        rows.extend(part_rows);
    }
    Wrapped { width, rows, block_rows }
}

/// The rows of `doc.blocks[run]`, and the first row of each of those blocks counted from the
/// first row of the run.
fn wrap_blocks(doc: &Doc, run: std::ops::Range<usize>, width: u16) -> (Vec<Row>, Vec<u32>) {
    let blocks = &doc.blocks[run.clone()];
    let mut rows = Vec::with_capacity(blocks.len() * 2);
    let mut block_rows = Vec::with_capacity(blocks.len());
    for (i, block) in run.zip(blocks) {
        block_rows.push(u32::try_from(rows.len()).unwrap_or(u32::MAX));
        let block_index = u32::try_from(i).unwrap_or(u32::MAX);
        wrap_text(&block.text, usize::from(width.max(1)), |start, end| {
            rows.push(Row { block: block_index, start: to_u32(start), end: to_u32(end) });
        });
    }
    (rows, block_rows)
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Greedy (first-fit) wrapping of one line of text, streaming: calls `emit(start, end)` for each
/// row's byte range, white space at breaks left out. Linear in the text; words wider than the
/// width are broken. Empty text gives one empty row. Widths are counted as the screen draws them
/// ([`columns`]).
pub fn wrap_text(text: &str, width: usize, mut emit: impl FnMut(usize, usize)) {
    let base = text.as_ptr() as usize;
    let mut line: Option<(usize, usize, usize)> = None;
    let mut emitted = false;
    // Adds `text[start..end]` (`w` wide) to the row, with the white space before it, or starts a
    // new row with it.
    let mut place = |start: usize, end: usize, w: usize| {
        if let Some((line_start, line_end, line_w)) = &mut line {
            let added = columns(&text[*line_end..start]) + w;
            if *line_w + added <= width {
                *line_w += added;
                *line_end = end;
                return;
            }
            emit(*line_start, *line_end);
            emitted = true;
        }
        line = Some((start, end, w));
    };
    let words = pieces(text).flat_map(|piece| WordSeparator::UnicodeBreakProperties.find_words(piece));
    for word in words {
        let start = word.word.as_ptr() as usize - base;
        let w = columns(word.word);
        if w > width {
            break_word(word.word, width, |s, e, w| place(start + s, start + e, w));
        } else {
            place(start, start + word.word.len(), w);
        }
    }
    match line {
        Some((start, end, _)) => emit(start, end),
        None if !emitted => emit(0, 0),
        None => {}
    }
}

/// Text longer than this is given to the line breaker in pieces: it gathers every break of the
/// text it is given before the first word comes out, eight bytes a word.
const PIECE: usize = 64 * 1024;

/// `text` cut into pieces of about [`PIECE`] bytes, each cut after a space that stands between
/// two ASCII letters or digits: a break the Unicode line-breaking rules always allow, whatever
/// comes before it, so the words found in the pieces are those found in the whole.
fn pieces(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let b = rest.as_bytes();
        let cut = (PIECE < b.len())
            .then(|| {
                memchr::memchr_iter(b' ', &b[PIECE..])
                    .map(|i| PIECE + i)
                    .find(|&i| b[i - 1].is_ascii_alphanumeric() && b.get(i + 1).is_some_and(u8::is_ascii_alphanumeric))
            })
            .flatten()
            .map_or(b.len(), |i| i + 1);
        let (piece, tail) = rest.split_at(cut);
        rest = tail;
        Some(piece)
    })
}

/// Printable ASCII only: one character, one byte, one column, nothing to segment or look up.
#[must_use]
pub fn is_plain_ascii(text: &str) -> bool {
    text.bytes().all(|b| (0x20..0x7f).contains(&b))
}

/// Columns `text` takes on screen: the sum of its characters' widths, which is how the reader
/// draws it (see `ui::cells`: clusters whose width terminals disagree on are drawn a character
/// a cell). Printable ASCII, most of the text, is counted without the Unicode tables.
#[must_use]
pub fn columns(text: &str) -> usize {
    if is_plain_ascii(text) {
        text.len()
    } else if text.contains('\u{200d}') {
        use unicode_segmentation::UnicodeSegmentation;
        text.graphemes(true)
            .map(|g| if is_joined_emoji(g) { 2 } else { g.chars().map(|c| c.width().unwrap_or(0)).sum() })
            .sum()
    } else {
        text.chars().map(|c| c.width().unwrap_or(0)).sum()
    }
}

/// An emoji sequence drawn as one two-column cell: wide pictographs joined by zero-width
/// joiners, with no skin tone or variation selector (👩‍💻, 👨‍👩‍👧). Terminals that join the
/// sequence draw it two columns wide, and so does tmux, which gives a joined sequence the width
/// of its first character. With a skin tone or a selector, tmux counts those too, unlike
/// terminals that join: such sequences are drawn a character a cell, without their joiners.
#[must_use]
pub fn is_joined_emoji(grapheme: &str) -> bool {
    let mut parts = 0;
    for part in grapheme.split('\u{200d}') {
        let mut chars = part.chars();
        let (Some(c), None) = (chars.next(), chars.next()) else { return false };
        if !crate::article::is_pictographic(c) || c.width() != Some(2) {
            return false;
        }
        parts += 1;
    }
    parts > 1
}

/// Cuts a word wider than `width` into pieces that fit, calling `piece(start, end, width)`; a
/// piece holds at least one character.
fn break_word(word: &str, width: usize, mut piece: impl FnMut(usize, usize, usize)) {
    let mut start = 0;
    let mut w = 0;
    for (i, c) in word.char_indices() {
        let added = c.width().unwrap_or(0);
        if w > 0 && w + added > width {
            piece(start, i, w);
            start = i;
            w = added;
        } else {
            w += added;
        }
    }
    if start < word.len() {
        piece(start, word.len(), w);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{Block, BlockKind};
    use unicode_width::UnicodeWidthStr;

    fn lines(text: &str, width: usize) -> Vec<&str> {
        let mut out = Vec::new();
        wrap_text(text, width, |s, e| out.push(&text[s..e]));
        out
    }

    #[test]
    fn long_text_is_broken_in_pieces_at_breaks_of_the_whole() {
        let text = "Kim said (\"quoted\") the talks, 2024-05-01, would resume — «soon» 한국어 text. ".repeat(3_000);
        let cut: Vec<&str> = pieces(&text).collect();
        assert!(cut.len() >= 3, "{}", cut.len());
        assert_eq!(cut.concat(), text);
        let whole: Vec<usize> = WordSeparator::UnicodeBreakProperties
            .find_words(&text)
            .map(|w| w.word.as_ptr() as usize - text.as_ptr() as usize + w.word.len() + w.whitespace.len())
            .collect();
        let mut at = 0;
        for piece in &cut[..cut.len() - 1] {
            at += piece.len();
            assert!(whole.binary_search(&at).is_ok(), "a cut at {at} where the whole has no break");
        }
        let rows = |text: &str| {
            let mut rows = Vec::new();
            wrap_text(text, 37, |s, e| rows.push((s, e)));
            rows
        };
        assert!(rows(&text).iter().all(|&(s, e)| columns(&text[s..e]) <= 37));
    }

    #[test]
    fn wraps_at_word_boundaries() {
        assert_eq!(lines("the quick brown fox jumps", 10), ["the quick", "brown fox", "jumps"]);
        assert_eq!(lines("", 10), [""]);
        assert_eq!(lines("exactly10!", 10), ["exactly10!"]);
    }

    #[test]
    fn breaks_long_words_and_counts_wide_characters() {
        assert_eq!(lines("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        let korean = "박근혜 대통령은 말했다";
        for line in lines(korean, 7) {
            assert!(line.width() <= 7, "{line:?}");
        }
    }

    #[test]
    fn widths_are_counted_as_the_reader_draws_them() {
        // Emoji clusters are drawn a character a cell: a heart and its selector in one column, a
        // thumbs-up and its skin tone in four.
        let text = "love ❤\u{fe0f}❤\u{fe0f}❤\u{fe0f} and 👍🏽 too 🇰🇷";
        for width in 1..12 {
            for line in lines(text, width) {
                assert!(columns(line) <= width.max(2), "{line:?} at {width}");
            }
        }
        assert_eq!(lines("ab ❤\u{fe0f}", 4), ["ab ❤\u{fe0f}"]);
        assert_eq!(lines("ab 👍🏽", 5), ["ab", "👍🏽"]);
        assert_eq!(columns("🇰🇷"), 2);
        assert_eq!(columns("👩\u{200d}💻 👨\u{200d}👩\u{200d}👧"), 5);
        assert_eq!(columns("👩🏽\u{200d}💻"), 6);
    }

    #[test]
    fn long_documents_wrap_as_block_after_block() {
        let words = ["Foreign", "Minister", "Kim", "Min-soo", "said", "the", "박근혜", "talks", "❤\u{fe0f}", ""];
        let blocks: Vec<Block> = (0..1500)
            .map(|i| {
                let text = (0..(i * 7) % 90).map(|j| words[(i + j * j) % words.len()]).collect::<Vec<_>>().join(" ");
                Block { kind: BlockKind::Paragraph, text }
            })
            .collect();
        let doc = Doc::new(blocks);
        for width in [1, 7, 40, 157] {
            let (rows, block_rows) = wrap_blocks(&doc, 0..doc.blocks.len(), width);
            assert_eq!(wrap_doc(&doc, width), Wrapped { width, rows, block_rows }, "at {width}");
        }
    }

    #[test]
    fn ascii_is_counted_as_unicode_width_counts_it() {
        for text in ["", "plain words, and (brackets) ~!", "caf\u{e9}", "a\u{301}", "박근혜"] {
            assert_eq!(columns(text), text.width(), "{text:?}");
        }
    }

    #[test]
    fn row_lookup() {
        let doc = Doc::new(vec![
            Block { kind: BlockKind::Title, text: "one two three".into() },
            Block { kind: BlockKind::Blank, text: String::new() },
            Block { kind: BlockKind::Paragraph, text: "four five six seven".into() },
        ]);
        let w = wrap_doc(&doc, 9);
        assert_eq!(w.len(), 5);
        assert_eq!(w.row_at(0, 0), 0);
        assert_eq!(w.row_at(0, 8), 1);
        assert_eq!(w.row_at(1, 0), 2);
        assert_eq!(w.row_at(2, 0), 3);
        assert_eq!(w.row_at(2, 15), 4);
        assert_eq!(w.row_at(2, 19), 4);
        assert_eq!(w.row_at(9, 0), 4);
    }
}
