//! Quotations and who said them: `"...," Ban said.`, `"...," said Choi Sung-joo, ...`,
//! `Yun said: "..."`, and a quote that continues after its attribution in the same paragraph
//! (or in the next paragraph, when that opens with an unattributed quote).

use super::lexicon::{ADVERB, PRONOUN, SPEECH};
use super::names::Para;

/// A name found in a paragraph: token range and the person it refers to.
#[derive(Debug, Clone, Copy)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    /// Where a verb would follow the name's apposition, or `end`.
    pub tail: usize,
    pub person: usize,
}

/// Speaker state carried from one paragraph to the next.
#[derive(Default)]
pub struct Carry {
    /// The person most recently named.
    pub last_named: Option<usize>,
    /// The speaker of the last quote of the previous paragraph: a paragraph that opens with
    /// an unattributed quote continues it.
    pub prev_speaker: Option<usize>,
}

fn opens(c: char, straight_opens: bool) -> bool {
    matches!(c, '“' | '«') || (c == '"' && straight_opens)
}

fn closes(c: char) -> bool {
    matches!(c, '”' | '»' | '"')
}

/// Quote spans as token ranges: (opening quote, closing quote or `toks.len()` if left open).
pub fn spans(p: &Para, out: &mut Vec<(usize, usize)>) {
    out.clear();
    let mut open: Option<usize> = None;
    for (i, t) in p.toks.iter().enumerate() {
        let Some(c) = t.punct else { continue };
        match open {
            None if opens(c, t.opens) || (c == '"' && !t.opens && i == 0) => open = Some(i),
            Some(o) if closes(c) => {
                out.push((o, i));
                open = None;
            }
            _ => {}
        }
    }
    if let Some(o) = open {
        out.push((o, p.toks.len()));
    }
}

fn mention_ending_at(ms: &[Mention], v: usize, p: &Para) -> Option<usize> {
    // The speaker right before the verb, allowing a couple of adverbs ("Ban also said") or an
    // apposition ("Choi, Seoul's ambassador, said").
    let mut e = v;
    for _ in 0..3 {
        let idx = ms.partition_point(|m| m.start < e);
        if let Some(m) = idx.checked_sub(1).map(|i| ms[i])
            && (m.end == e || m.tail == e)
        {
            return Some(m.person);
        }
        if e == 0 || !p.toks[e - 1].is_word() || p.flags[e - 1] & ADVERB == 0 {
            break;
        }
        e -= 1;
    }
    None
}

fn pronoun_before(p: &Para, v: usize) -> bool {
    (1..=3).any(|d| {
        v >= d
            && p.toks[v - d].is_word()
            && p.flags[v - d] & PRONOUN != 0
            && (1..d).all(|k| p.flags[v - k] & ADVERB != 0)
    })
}

fn mention_after(ms: &[Mention], v: usize, p: &Para) -> Option<usize> {
    // "said Choi Sung-joo", "said Vice Foreign Minister Cho": only title words in between.
    let m = ms.get(ms.partition_point(|m| m.start <= v))?;
    let between_ok = m.start - v <= 9 && (v + 1..m.start).all(|i| p.toks[i].is_word());
    between_ok.then_some(m.person)
}

fn last_before(ms: &[Mention], at: usize, carry: &Carry) -> Option<usize> {
    let idx = ms.partition_point(|m| m.end <= at);
    idx.checked_sub(1).map(|i| ms[i].person).or(carry.last_named)
}

/// Who said the quote spanning tokens `(qs, qe)`.
/// `None` when nothing attributes the quote; `Some(None)` when something that is not a known
/// person does ("the ministry said").
fn speaker(p: &Para, ms: &[Mention], qs: usize, qe: usize, carry: &Carry) -> Option<Option<usize>> {
    let n = p.toks.len();
    // After the quote: up to the end of the sentence or the next quote.
    let mut i = qe + 1;
    while i < n && i <= qe + 14 {
        let t = p.toks[i];
        if t.punct.is_some_and(|c| matches!(c, '.' | '?' | '!' | ';') || opens(c, t.opens)) {
            break;
        }
        if t.is_word() && p.flags[i] & SPEECH != 0 {
            if matches!(p.word(i), "according" | "selon" | "Selon") {
                return Some(mention_after(ms, i + 1, p));
            }
            return Some(
                mention_ending_at(ms, i, p)
                    .or_else(|| mention_after(ms, i, p))
                    .or_else(|| pronoun_before(p, i).then(|| last_before(ms, qs, carry)).flatten())
                    .or_else(|| {
                        let next_pronoun = i + 1 < n && p.flags[i + 1] & PRONOUN != 0;
                        next_pronoun.then(|| last_before(ms, qs, carry)).flatten()
                    }),
            );
        }
        i += 1;
    }
    // Before the quote: `Park said: "..."`, `Yun told reporters, "..."`.
    let mut k = qs;
    while k > 0 && p.toks[k - 1].punct.is_some_and(|c| matches!(c, ':' | ',')) {
        k -= 1;
    }
    for back in 1..=3 {
        if k < back || !p.toks[k - back].is_word() {
            break;
        }
        let v = k - back;
        if p.flags[v] & SPEECH != 0 {
            return Some(
                mention_ending_at(ms, v, p)
                    .or_else(|| pronoun_before(p, v).then(|| last_before(ms, qs, carry)).flatten()),
            );
        }
    }
    None
}

fn at_sentence_start(p: &Para, qs: usize) -> bool {
    let mut k = qs;
    while k > 0 {
        match p.toks[k - 1].punct {
            Some('.' | '?' | '!') => return true,
            Some(c) if closes(c) => k -= 1,
            _ => return false,
        }
    }
    true
}

/// Attributes each quote of the paragraph; returns (person, quote text) in order.
pub fn attribute(
    p: &Para,
    ms: &[Mention],
    spans: &[(usize, usize)],
    carry: &mut Carry,
    out: &mut Vec<(usize, String)>,
) {
    let mut current: Option<usize> = None;
    let mut first = true;
    for &(qs, qe) in spans {
        let who = match speaker(p, ms, qs, qe, carry) {
            Some(who) => who,
            None if at_sentence_start(p, qs) => current.or(if first && qs == 0 { carry.prev_speaker } else { None }),
            None => None,
        };
        first = false;
        let from = p.toks[qs].end;
        let to = if qe < p.toks.len() { p.toks[qe].start } else { p.text.len() };
        let text = p.text[from..to].trim().trim_end_matches(',').trim_end();
        current = who;
        if let Some(w) = who
            && !text.is_empty()
        {
            out.push((w, text.to_string()));
        }
    }
    carry.prev_speaker = current;
    if let Some(m) = ms.last() {
        carry.last_named = Some(m.person);
    }
}
