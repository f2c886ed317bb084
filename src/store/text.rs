//! Text as the index sees it: accents folded, Korean/Chinese/Japanese runs cut into overlapping
//! pairs, and the snippets with their matches found again in the stored text.

use std::ops::Range;

/// A token between people's names in the index, so a phrase never runs from one name into the
/// next ("Kerry Ban" in "John Kerry", "Ban Ki-moon").
pub(crate) const NAME_SEPARATOR: &str = " xqnamesepqx ";

/// Korean, Chinese and Japanese characters: written without spaces between words, so the index
/// keeps their runs as overlapping pairs.
#[must_use]
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x11FF | 0x3040..=0x30FF | 0x3130..=0x318F | 0x31F0..=0x31FF | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF | 0xA960..=0xA97F | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFF66..=0xFF9F
        | 0x20000..=0x3134F)
}

/// The runs of CJK characters in `text`, in order.
pub(crate) fn cjk_runs(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !is_cjk(c)).filter(|run| !run.is_empty())
}

/// Appends the overlapping pairs of every CJK run of two or more characters in `text` to `out`
/// ("남북대화를" -> "남북 북대 대화 화를"), a separator between runs.
pub(crate) fn push_cjk_pairs(text: &str, out: &mut String) {
    for run in cjk_runs(text) {
        let chars: Vec<char> = run.chars().collect();
        if chars.len() < 2 {
            continue;
        }
        if !out.is_empty() {
            out.push_str(NAME_SEPARATOR);
        }
        for (i, pair) in chars.windows(2).enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.extend(pair);
        }
    }
}

/// The pairs of one run, as the phrase to look for ("恢复定期" -> "恢复 复定 定期").
pub(crate) fn pairs_phrase(run: &str) -> String {
    let mut out = String::new();
    push_cjk_pairs(run, &mut out);
    out
}

/// Lower case without accents, as the index's `remove_diacritics 2` compares letters: `É` -> `e`.
/// Covers Latin-1 and Latin Extended-A, and drops combining marks; other letters are lowered.
#[must_use]
pub fn fold(c: char) -> Option<char> {
    if ('\u{300}'..='\u{36F}').contains(&c) {
        return None;
    }
    let lower = c.to_lowercase().next().unwrap_or(c);
    Some(match lower {
        'à'..='å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è'..='ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
        'ĥ' | 'ħ' => 'h',
        'ì'..='ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => 'i',
        'ĵ' => 'j',
        'ķ' => 'k',
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => 'l',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò'..='ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => 'o',
        'ŕ' | 'ŗ' | 'ř' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' => 's',
        'ţ' | 'ť' | 'ŧ' => 't',
        'ù'..='ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
        'ŵ' => 'w',
        'ý' | 'ÿ' | 'ŷ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        other => other,
    })
}

/// The folded words of `text` (letters and digits, as the index splits them).
pub(crate) fn folded_words(text: &str) -> Vec<String> {
    words(text).into_iter().map(|(_, w)| w).collect()
}

/// Each word of `text`: its byte range and its folded form. CJK runs are left to [`cjk_runs`].
fn words(text: &str) -> Vec<(Range<usize>, String)> {
    let mut out = Vec::new();
    let mut current: Option<(usize, String)> = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() && !is_cjk(c) || ('\u{300}'..='\u{36F}').contains(&c) && current.is_some() {
            let (_, word) = current.get_or_insert_with(|| (i, String::new()));
            word.extend(fold(c));
        } else if let Some((start, word)) = current.take() {
            out.push((start..i, word));
        }
    }
    if let Some((start, word)) = current {
        out.push((start..text.len(), word));
    }
    out
}

/// What to find again in the text: folded words in a row (the last one perhaps a prefix), or a
/// CJK run as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Needle {
    Words { words: Vec<String>, prefix: bool },
    Cjk(String),
}

/// The byte ranges of `text` where any needle matches, sorted, not overlapping.
pub(crate) fn find_matches(text: &str, needles: &[Needle]) -> Vec<Range<usize>> {
    let words = words(text);
    let mut found = Vec::new();
    for needle in needles {
        match needle {
            Needle::Words { words: wanted, prefix } if !wanted.is_empty() => {
                for start in 0..words.len().saturating_sub(wanted.len() - 1) {
                    let window = &words[start..start + wanted.len()];
                    let last = wanted.len() - 1;
                    let hit = window.iter().zip(wanted).enumerate().all(|(i, ((_, have), want))| {
                        if i == last && *prefix { have.starts_with(want.as_str()) } else { have == want }
                    });
                    if hit {
                        found.push(window[0].0.start..window[last].0.end);
                    }
                }
            }
            Needle::Cjk(run) if !run.is_empty() => {
                found.extend(text.match_indices(run.as_str()).map(|(i, m)| i..i + m.len()));
            }
            _ => {}
        }
    }
    found.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(found.len());
    for range in found {
        match merged.last_mut() {
            Some(last) if range.start < last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    merged
}

/// A passage of an article around its first match, with the matches' byte ranges in it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    /// Byte ranges of `text` to highlight.
    pub matches: Vec<Range<usize>>,
}

/// About how many bytes of text a snippet shows.
const SNIPPET_BYTES: usize = 200;
/// How much of the text before the first match a snippet keeps.
const LEAD_BYTES: usize = 60;

/// The snippet of the first paragraph with a match (the first paragraph when none has one).
pub(crate) fn snippet(paragraphs: &[String], needles: &[Needle]) -> Snippet {
    let found = paragraphs.iter().find_map(|p| {
        let matches = find_matches(p, needles);
        (!matches.is_empty()).then_some((p, matches))
    });
    let (paragraph, matches) = match found {
        Some(hit) => hit,
        None => match paragraphs.first() {
            Some(p) => (p, Vec::new()),
            None => return Snippet::default(),
        },
    };
    let first = matches.first().map_or(0, |r| r.start);
    let mut start = floor_boundary(paragraph, first.saturating_sub(LEAD_BYTES));
    if start > 0 {
        // Begin at a word.
        start = paragraph[start..first].find(' ').map_or(start, |i| start + i + 1);
    }
    let mut end = floor_boundary(paragraph, (start + SNIPPET_BYTES).min(paragraph.len()));
    if end < paragraph.len() {
        end = paragraph[..end].rfind(' ').filter(|&i| i > first).unwrap_or(end);
    }
    let mut text = String::new();
    let offset = if start > 0 {
        text.push_str("… ");
        "… ".len()
    } else {
        0
    };
    text.push_str(&paragraph[start..end]);
    if end < paragraph.len() {
        text.push_str(" …");
    }
    let matches = matches
        .into_iter()
        .filter(|r| r.start >= start && r.start < end)
        .map(|r| r.start - start + offset..r.end.min(end) - start + offset)
        .collect();
    Snippet { text, matches }
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}
