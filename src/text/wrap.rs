//! Wrapping the document to a width, once per (article, width): rows are byte ranges into the
//! blocks, so nothing is copied and drawing a screen touches only its visible rows.

use textwrap::WordSeparator;
use textwrap::core::{Fragment, Word};

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

/// Wraps every block of `doc` to `width` columns (at least 1).
#[must_use]
pub fn wrap_doc(doc: &Doc, width: u16) -> Wrapped {
    let mut rows = Vec::with_capacity(doc.blocks.len() * 2);
    let mut block_rows = Vec::with_capacity(doc.blocks.len());
    for (i, block) in doc.blocks.iter().enumerate() {
        block_rows.push(u32::try_from(rows.len()).unwrap_or(u32::MAX));
        let block_index = u32::try_from(i).unwrap_or(u32::MAX);
        wrap_text(&block.text, usize::from(width.max(1)), |start, end| {
            rows.push(Row { block: block_index, start: to_u32(start), end: to_u32(end) });
        });
    }
    Wrapped { width, rows, block_rows }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Greedy (first-fit) wrapping of one line of text, streaming: calls `emit(start, end)` for each
/// row's byte range, white space at breaks left out. Linear in the text; words wider than the
/// width are broken. Empty text gives one empty row.
pub fn wrap_text(text: &str, width: usize, mut emit: impl FnMut(usize, usize)) {
    let width_f = width as f64;
    let base = text.as_ptr() as usize;
    let mut line: Option<(usize, usize, f64)> = None;
    let mut pending_space = 0.0;
    let mut emitted = false;
    let mut place = |word: &Word<'_>, pending: f64| {
        let start = word.word.as_ptr() as usize - base;
        let end = start + word.word.len();
        let w = word.width();
        match &mut line {
            Some((_, line_end, line_w)) if *line_w + pending + w <= width_f => {
                *line_end = end;
                *line_w += pending + w;
            }
            Some((line_start, line_end, _)) => {
                emit(*line_start, *line_end);
                emitted = true;
                line = Some((start, end, w));
            }
            None => line = Some((start, end, w)),
        }
    };
    for word in WordSeparator::UnicodeBreakProperties.find_words(text) {
        if word.width() > width_f {
            for piece in word.break_apart(width) {
                place(&piece, pending_space);
                pending_space = piece.whitespace_width();
            }
        } else {
            place(&word, pending_space);
            pending_space = word.whitespace_width();
        }
    }
    match line {
        Some((start, end, _)) => emit(start, end),
        None if !emitted => emit(0, 0),
        None => {}
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
