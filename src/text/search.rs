//! Finding text in a document: less-style smart case, all matches at once, by memchr's memmem.

use memchr::memmem::Finder;

use super::doc::{Doc, fold};

/// A match: `blocks[block].text[start..end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Match {
    pub block: u32,
    pub start: u32,
    pub end: u32,
}

/// Smart case: a query with a capital letter is matched exactly, one without ignores case.
#[must_use]
pub fn is_case_sensitive(query: &str) -> bool {
    query.chars().any(char::is_uppercase)
}

/// Every non-overlapping occurrence of `query` in the document, in order.
#[must_use]
pub fn find(doc: &Doc, query: &str) -> Vec<Match> {
    if query.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    if is_case_sensitive(query) {
        let texts = doc.blocks.iter().map(|b| b.text.as_str());
        find_in(texts, query, false, &mut out);
    } else {
        let folded_query = fold(query);
        find_in(doc.folded().iter().map(String::as_str), &folded_query, false, &mut out);
    }
    out
}

/// Every whole-word occurrence of any of `forms` (case-sensitive), in order; where forms
/// overlap ("Ban Ki-moon" and "Ban") the longer wins.
#[must_use]
pub fn find_words(doc: &Doc, forms: &[&str]) -> Vec<Match> {
    let mut out = Vec::new();
    for form in forms.iter().filter(|f| !f.is_empty()) {
        find_in(doc.blocks.iter().map(|b| b.text.as_str()), form, true, &mut out);
    }
    out.sort_by_key(|m| (m.block, m.start, std::cmp::Reverse(m.end)));
    let mut merged: Vec<Match> = Vec::with_capacity(out.len());
    for m in out {
        match merged.last() {
            Some(last) if last.block == m.block && m.start < last.end => {}
            _ => merged.push(m),
        }
    }
    merged
}

fn find_in<'a>(texts: impl Iterator<Item = &'a str>, needle: &str, whole_words: bool, out: &mut Vec<Match>) {
    let finder = Finder::new(needle.as_bytes());
    for (block, text) in texts.enumerate() {
        let bytes = text.as_bytes();
        let mut at = 0;
        while let Some(found) = finder.find(&bytes[at..]) {
            let start = at + found;
            let end = start + needle.len();
            if !whole_words || is_word_boundary(text, start, end) {
                out.push(Match { block: to_u32(block), start: to_u32(start), end: to_u32(end) });
                at = end;
            } else {
                at = start + text[start..].chars().next().map_or(1, char::len_utf8);
            }
        }
    }
}

fn is_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{Block, BlockKind};

    fn doc(texts: &[&str]) -> Doc {
        Doc::new(texts.iter().map(|t| Block { kind: BlockKind::Paragraph, text: (*t).to_string() }).collect())
    }

    fn spans(d: &Doc, ms: &[Match]) -> Vec<String> {
        ms.iter().map(|m| d.blocks[m.block as usize].text[m.start as usize..m.end as usize].to_string()).collect()
    }

    #[test]
    fn smart_case() {
        let d = doc(&["Seoul and seoul and SEOUL", "Busan"]);
        assert_eq!(spans(&d, &find(&d, "seoul")), ["Seoul", "seoul", "SEOUL"]);
        assert_eq!(spans(&d, &find(&d, "Seoul")), ["Seoul"]);
        assert!(find(&d, "Tokyo").is_empty());
        assert!(find(&d, "").is_empty());
    }

    #[test]
    fn non_ascii_case_folding() {
        let d = doc(&["ÉCOLE école Straße"]);
        assert_eq!(spans(&d, &find(&d, "école")), ["ÉCOLE", "école"]);
        assert_eq!(find(&d, "straße").len(), 1);
    }

    #[test]
    fn whole_words_prefer_the_longest_form() {
        let d = doc(&["Ban Ki-moon met Bangladesh. Ban said; Mr. Ban left."]);
        let ms = find_words(&d, &["Ban", "Ban Ki-moon"]);
        assert_eq!(spans(&d, &ms), ["Ban Ki-moon", "Ban", "Ban"]);
    }
}
