//! Search as the query is typed, at a cost per keystroke that does not grow with the query.
//!
//! [`find`](super::find) searches the whole article for the whole query: O(article + query).
//! Running it on every keystroke makes a pasted query, or deleting a long one a character at a
//! time, cost O(article × query). Here every occurrence (overlapping ones too) of the query's
//! first character is a candidate; a character typed at the end keeps the candidates whose next
//! byte(s) match it (one comparison of that character per live candidate), and the candidates it
//! drops are kept on a stack, with how much of the query they matched, so that deleting back to
//! a shorter query takes them back off the stack instead of searching again. An edit in the
//! middle of the query goes back to the unchanged prefix the same way and extends from there.
//!
//! The matches shown are the leftmost non-overlapping occurrences, as [`find`](super::find)
//! gives them, picked from the live candidates in one pass.

use super::doc::{Doc, fold};
use super::search::Match;

/// A place in the document where an occurrence of the query may start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct At {
    block: u32,
    start: u32,
}

/// The state of a search being typed. Give it each edit of the query with [`push`](Self::push),
/// [`truncate`](Self::truncate) or [`edit`](Self::edit); it answers with the matches.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LiveSearch {
    /// The query the state is for, as typed.
    query: String,
    /// Where the query's first capital is: smart case makes the search exact from there on.
    first_capital: Option<usize>,
    /// The query as compared: case-folded unless the search is exact. Folding keeps byte
    /// lengths, so the needle is as long as the query.
    needle: String,
    /// Candidates that match all of `needle`, in document order.
    live: Vec<At>,
    /// Candidates dropped, each with the length of the prefix of `needle` it matched. The
    /// lengths only grow towards the top of the stack: a candidate is dropped when the needle
    /// grows past what it matches.
    dropped: Vec<(u32, At)>,
    /// Units of work done: bytes scanned for the first character, and candidates compared or
    /// taken back.
    work: u64,
    /// Which document the candidates are in (where its blocks are, and how many): when the
    /// article shown changes under a query being typed, the query is searched again.
    doc: (usize, usize),
}

impl LiveSearch {
    /// The query the matches are for.
    #[must_use]
    pub fn query(&self) -> &str {
        &self.query
    }

    /// Work done so far (bytes scanned plus candidates compared or taken back), for tests that
    /// check the cost of editing patterns without timing them.
    #[must_use]
    pub fn work(&self) -> u64 {
        self.work
    }

    /// The query becomes `query`, whose first `unchanged` bytes are those of the current one:
    /// goes back to that prefix, then extends character by character.
    pub fn edit(&mut self, doc: &Doc, query: &str, unchanged: usize) {
        self.follow(doc);
        let unchanged = common_prefix(&self.query, query, unchanged);
        self.truncate(doc, unchanged);
        for c in query[self.query.len()..].chars() {
            self.push(doc, c);
        }
    }

    /// `c` typed at the end of the query.
    pub fn push(&mut self, doc: &Doc, c: char) {
        self.follow(doc);
        if self.first_capital.is_none() && c.is_uppercase() && !self.query.is_empty() {
            // Smart case makes the search exact: the candidates were found ignoring case.
            let mut query = std::mem::take(&mut self.query);
            query.push(c);
            return self.rebuild(doc, &query);
        }
        self.extend(doc, c);
    }

    /// The query is cut to its first `len` bytes (a character boundary).
    pub fn truncate(&mut self, doc: &Doc, len: usize) {
        self.follow(doc);
        if len >= self.query.len() {
            return;
        }
        if len == 0 {
            *self = Self { work: self.work, doc: self.doc, ..Self::default() };
            return;
        }
        if self.first_capital.is_some_and(|at| at >= len) {
            // The capitals are gone: the shorter query ignores case, unlike the candidates.
            let query = self.query[..len].to_string();
            return self.rebuild(doc, &query);
        }
        self.query.truncate(len);
        self.needle.truncate(len);
        let back = self.dropped.partition_point(|&(reach, _)| (reach as usize) < len);
        if back < self.dropped.len() {
            self.work += (self.dropped.len() - back) as u64;
            self.live.extend(self.dropped.drain(back..).map(|(_, at)| at));
            self.live.sort_unstable();
        }
    }

    /// The leftmost non-overlapping matches, as [`find`](super::find) gives them.
    #[must_use]
    pub fn matches(&self) -> Vec<Match> {
        let len = to_u32(self.needle.len());
        let mut out: Vec<Match> = Vec::new();
        if len == 0 {
            return out;
        }
        for at in &self.live {
            if out.last().is_some_and(|m| m.block == at.block && at.start < m.end) {
                continue;
            }
            out.push(Match { block: at.block, start: at.start, end: at.start.saturating_add(len) });
        }
        out
    }

    /// Searches the current query again if the candidates are in another document.
    fn follow(&mut self, doc: &Doc) {
        let key = (doc.blocks.as_ptr() as usize, doc.blocks.len());
        if self.doc != key && !self.query.is_empty() {
            let query = std::mem::take(&mut self.query);
            self.rebuild(doc, &query);
        }
        self.doc = key;
    }

    /// Starts again from nothing and types `query`.
    fn rebuild(&mut self, doc: &Doc, query: &str) {
        *self = Self { work: self.work, doc: self.doc, ..Self::default() };
        // Exact from the start if the query has a capital anywhere.
        self.first_capital = query.char_indices().find(|(_, c)| c.is_uppercase()).map(|_| 0);
        for c in query.chars() {
            self.extend(doc, c);
        }
        if let Some(at) = query.char_indices().find(|(_, c)| c.is_uppercase()).map(|(i, _)| i) {
            self.first_capital = Some(at);
        }
    }

    /// Appends `c` under the current case rule.
    fn extend(&mut self, doc: &Doc, c: char) {
        if self.first_capital.is_none() && c.is_uppercase() {
            self.first_capital = Some(self.query.len());
        }
        self.query.push(c);
        let exact = self.first_capital.is_some();
        let mut buf = [0u8; 4];
        let typed = c.encode_utf8(&mut buf);
        let piece = if exact { typed.to_string() } else { fold(typed) };
        let reach = self.needle.len();
        self.needle.push_str(&piece);
        if reach == 0 {
            return self.first_char(doc, piece.as_bytes(), exact);
        }
        let bytes = piece.as_bytes();
        let before = self.live.len();
        let mut kept = 0;
        for i in 0..before {
            let at = self.live[i];
            let from = at.start as usize + reach;
            if text(doc, exact, at.block).get(from..from + bytes.len()) == Some(bytes) {
                self.live[kept] = at;
                kept += 1;
            } else {
                self.dropped.push((to_u32(reach), at));
            }
        }
        self.live.truncate(kept);
        self.work += before as u64;
    }

    /// Every occurrence of the first character: the candidates.
    fn first_char(&mut self, doc: &Doc, piece: &[u8], exact: bool) {
        let finder = memchr::memmem::Finder::new(piece);
        for block in 0..doc.blocks.len() {
            let text = text(doc, exact, to_u32(block));
            // Occurrences of one character never overlap: the iterator finds them all.
            let block = to_u32(block);
            self.live.extend(finder.find_iter(text).map(|start| At { block, start: to_u32(start) }));
            self.work += text.len() as u64;
        }
    }
}

/// The text compared in a block: as it is, or case-folded.
fn text(doc: &Doc, exact: bool, block: u32) -> &[u8] {
    let block = block as usize;
    let text = if exact {
        doc.blocks.get(block).map(|b| b.text.as_str())
    } else {
        doc.folded().get(block).map(String::as_str)
    };
    text.unwrap_or_default().as_bytes()
}

/// How many of the first `at_most` bytes `a` and `b` share, on a character boundary of both.
fn common_prefix(a: &str, b: &str, at_most: usize) -> usize {
    let limit = at_most.min(a.len()).min(b.len());
    let mut n = if a.as_bytes()[..limit] == b.as_bytes()[..limit] {
        limit
    } else {
        a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count()
    };
    while !(a.is_char_boundary(n) && b.is_char_boundary(n)) {
        n -= 1;
    }
    n
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests;
