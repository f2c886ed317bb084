//! One article: names in the byline, the body and the credits, resolved to people, with
//! their roles and quotes.

use super::Person;
use super::candidate::{
    after_preposition, frame, is_company, name_parts, person_shaped, role_text, script_mentions, speaks,
    thing_after_determiner, word_surname,
};
use super::lexicon::{self, PARTICLE, SPEECH, SUFFIX, TITLE, WordSet};
use super::lists;
use super::names::Para;
use super::quotes::{self, Carry, Mention};
use super::registry::{Occ, Registry};
use super::roles;
use crate::article::Article;

/// The capitalised word right before `at` ("Hatcher| said"), if a single space parts them.
fn word_before(text: &str, at: usize) -> Option<&str> {
    let head = &text[..at];
    let start = head
        .rfind(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'))
        .map_or(0, |i| i + head[i..].chars().next().map_or(1, char::len_utf8));
    let w = &head[start..];
    w.chars().next().is_some_and(char::is_uppercase).then_some(w)
}

/// The capitalised word right after `at` that ends a clause ("said |Hatcher."), if any.
fn word_after(text: &str, at: usize) -> Option<&str> {
    let tail = text[at..].strip_prefix(' ')?;
    let end = tail.find(|c: char| !(c.is_alphanumeric() || c == '-')).unwrap_or(tail.len());
    let w = &tail[..end];
    let closes = tail[end..].starts_with(['.', ',', ';']) || end == tail.len();
    (closes && w.chars().next().is_some_and(char::is_uppercase)).then_some(w)
}

/// Words the body uses around names.
pub(super) struct Words<'a> {
    /// Written in lower case somewhere.
    pub(super) lower: WordSet<'a>,
    /// Capitalised words used alone as a speaker ("Hatcher said", "said Hatcher."): a two-word
    /// name ending in one of those is a person even with no title or known given name ("Bill
    /// Hatcher, 58, ...").
    pub(super) speakers: WordSet<'a>,
    /// Capitalised words written right before a lower-case title word ("Komeito leader",
    /// "Celtics coach"): an organisation or team, not a one-word name.
    pub(super) modifiers: WordSet<'a>,
    /// Capitalised words written right after "the" ("the Dail", "the Ligue"): an institution
    /// or a place, so the world list's given name that it also is says nothing.
    pub(super) after_the: WordSet<'a>,
    /// Capitalised words right before a score in a results line ("Plovdiv 1 (Petkov 12th)",
    /// "..., Slavia Sofia 0" at the end): the last word of a team's name.
    pub(super) teams: WordSet<'a>,
}

fn body_words(article: &Article) -> Words<'_> {
    let lex = lexicon::get();
    let mut buf = String::new();
    let len: usize = article.paragraphs.iter().map(String::len).sum();
    let mut set = WordSet::with_capacity_and_hasher((len / 24).min(1 << 16), Default::default());
    let mut speakers = WordSet::default();
    let mut modifiers = WordSet::default();
    let mut after_the = WordSet::default();
    let mut teams = WordSet::default();
    for p in &article.paragraphs {
        let b = p.as_bytes();
        // Each lower-case word after a space: a title word after a capitalised word ("Komeito
        // leader") marks that word as an organisation or team; a speech verb ("said", "noted")
        // makes a capitalised word just before or after it a speaker. The word is looked up
        // only when a capitalised word stands beside it.
        for at in memchr::memchr_iter(b' ', b) {
            if !b.get(at + 1).is_some_and(u8::is_ascii_lowercase) {
                continue;
            }
            let rest = &b[at + 1..];
            let len = rest.iter().position(|c| !c.is_ascii_lowercase() && *c != b'-').unwrap_or(rest.len());
            if rest.get(len).is_some_and(|c| c.is_ascii_alphanumeric() || *c >= 0x80) {
                continue;
            }
            let end = at + 1 + len;
            let before = word_before(p, at);
            let after = word_after(p, end);
            if before.is_none() && after.is_none() {
                continue;
            }
            let f = lex.flags(&p[at + 1..end], &mut buf);
            if f & SPEECH != 0 {
                speakers.extend(before.into_iter().chain(after));
            }
            if f & TITLE != 0
                && let Some(w) = before
            {
                modifiers.insert(w);
            }
        }
        let mut prev_the = false;
        let mut it = p.split(' ').peekable();
        while let Some(w) = it.next() {
            if prev_the && w.starts_with(char::is_uppercase) {
                after_the.insert(w.trim_end_matches(|c: char| !c.is_alphanumeric()));
            }
            prev_the = w == "the" || w == "The";
            if w.starts_with(char::is_uppercase)
                && let Some(next) = it.peek()
                && (1..=2).contains(&next.len())
                && next.bytes().all(|b| b.is_ascii_digit())
            {
                let mut after = it.clone();
                after.next();
                if after.peek().is_none_or(|a| a.starts_with('(')) {
                    teams.insert(w);
                }
            }
        }
        for w in p.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'')) {
            if w.chars().next().is_some_and(char::is_lowercase) {
                set.insert(w);
            }
        }
    }
    Words { lower: set, speakers, modifiers, after_the, teams }
}

/// Finds the names of one paragraph, resolves them and records their mentions: for each run
/// of capitalised words, the part that is a name, what stands around it (a script form, a
/// title, an apposition, a verb of speech, a list's shape), then the person it refers to.
fn names_in(p: &mut Para, words: &Words, reg: &mut Registry, runs: &mut Vec<(usize, usize)>, ms: &mut Vec<Mention>) {
    ms.clear();
    p.runs(runs);
    let mut listed = std::mem::take(&mut p.listed);
    lists::squad(p, &mut listed);
    p.listed = listed;
    for &(rs, re) in runs.iter() {
        let Some((ns, ne)) = p.name_span(rs, re) else {
            if let Some(m) = word_surname(p, reg, rs, re) {
                ms.push(m);
            }
            continue;
        };
        if is_company(p, ns, ne) {
            continue;
        }
        let fr = frame(p, ns, ne);
        let pre = roles::prefix(p, fr.anchor);
        let pre_app = if pre.role.is_none() { roles::pre_apposition(p, fr.anchor, fr.after) } else { None };
        if !pre.titled && thing_after_determiner(p, pre.start, fr.after) {
            continue;
        }
        let app = roles::apposition(p, fr.after);
        let tail = match app.role.or(app.party.map(|i| (i, i + 1))) {
            Some((_, e)) if e < p.toks.len() && p.toks[e].is(',') => e + 1,
            _ => ne,
        };
        let parts = name_parts(p, ns, ne);
        // Sports copy: a results line, a scorer line or a squad list; a team before its score.
        let (result_line, ranked) = lists::ranked(p, fr.first, fr.after);
        let listed = p.listed[ns] || lists::scorer(p, fr.first, ne);
        if !listed && !result_line && words.teams.contains(p.core(ne - 1)) {
            continue;
        }
        let after_prep = parts.len() == 1 && pre.role.is_none() && !fr.royal && after_preposition(p, pre.start);
        let family_first = p.family_first(ns, ne);
        // "Dereck Lively II", "Robert F. Kennedy Jr.".
        let suffix = (ne - ns >= 2 && p.flags[ne - 1] & SUFFIX != 0 && p.toks[ne - 1].cap).then(|| p.core(ne - 1));
        // "its coalition partner Komeito" when the text also says "Komeito leader": a party.
        let org_word =
            parts.len() == 1 && pre.role.is_some_and(|(s, _)| !p.toks[s].cap) && words.modifiers.contains(p.core(ns));
        // Enough to name a one-word person: a title, a description, a script form, a list.
        let titled = pre.titled
            || pre_app.is_some()
            || app.role.is_some()
            || app.party.is_some()
            || fr.cjk.is_some()
            || fr.royal
            || ranked
            || listed;
        let evidence = titled
            || result_line
            || family_first
            || suffix.is_some()
            || speaks(p, pre.start, fr.after, tail, ne)
            || person_shaped(p, words, ns, ne, fr.after, &parts, family_first);
        let occ = Occ {
            surface: &p.text[p.toks[fr.first].start..p.toks[ne - 1].core_end],
            parts,
            family_first,
            evidence,
            titled: titled && !org_word && !after_prep,
            role: role_text(p, &pre, pre_app, &app),
            cjk: fr.cjk,
            suffix,
        };
        if let Some(person) = reg.resolve(&occ, false) {
            ms.push(Mention { start: fr.first, end: ne, tail, person });
        }
    }
    script_mentions(p, reg, ms);
}

/// Names in a byline or credit line: every full name counts, no role.
fn names_in_credit(p: &mut Para, reg: &mut Registry, runs: &mut Vec<(usize, usize)>) {
    p.runs(runs);
    for &(rs, re) in runs.iter() {
        let Some((ns, ne)) = p.name_span(rs, re) else { continue };
        let parts: Vec<&str> = (ns..ne)
            .filter(|&i| !p.toks[i].initial && p.flags[i] & (SUFFIX | PARTICLE) == 0)
            .map(|i| p.core(i))
            .collect();
        if parts.len() < 2 {
            continue;
        }
        let occ = Occ {
            surface: &p.text[p.toks[ns].start..p.toks[ne - 1].core_end],
            family_first: p.family_first(ns, ne),
            parts,
            evidence: true,
            titled: false,
            role: None,
            cjk: None,
            suffix: (p.flags[ne - 1] & SUFFIX != 0).then(|| p.core(ne - 1)),
        };
        reg.resolve(&occ, true);
    }
}

pub fn extract(article: &Article) -> Vec<Person> {
    let lex = lexicon::get();
    let words = body_words(article);
    let mut p = Para::new(lex, &words.lower, &words.speakers);
    let mut reg = Registry::default();
    let mut runs = Vec::new();
    if let Some(byline) = &article.byline {
        p.credit = true;
        p.load(byline);
        names_in_credit(&mut p, &mut reg, &mut runs);
        p.credit = false;
    }
    let mut ms = Vec::new();
    let mut spans = Vec::new();
    let mut said = Vec::new();
    let mut carry = Carry::default();
    for para in article.paragraphs.iter().flat_map(|p| pieces(p)) {
        p.load(para);
        names_in(&mut p, &words, &mut reg, &mut runs, &mut ms);
        quotes::spans(&p, &mut spans);
        said.clear();
        quotes::attribute(&p, &ms, &spans, &mut carry, &mut said);
        for (who, q) in said.drain(..) {
            reg.add_quote(who, q);
        }
    }
    p.credit = true;
    for credit in &article.credits {
        p.load(credit);
        names_in_credit(&mut p, &mut reg, &mut runs);
    }
    reg.into_people()
}

/// A paragraph is read in pieces of at most about this many bytes. A token takes several times
/// the bytes of the word it stands for, so a huge paragraph (a file of short lines, which the
/// parser joins into one) would otherwise hold tokens for all of it at once: ten times the file.
const PIECE: usize = 64 * 1024;

/// `text` cut into pieces of at most [`PIECE`] bytes, each after the end of a sentence where one
/// is in the second half of the piece, else at a space. News paragraphs are far shorter and stay
/// whole.
fn pieces(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        if rest.len() <= PIECE {
            return Some(std::mem::take(&mut rest));
        }
        let mut limit = PIECE;
        while !rest.is_char_boundary(limit) {
            limit -= 1;
        }
        let head = &rest[..limit];
        let cut = head
            .rfind(". ")
            .map(|i| i + 2)
            .filter(|&i| i > PIECE / 2)
            .or_else(|| head.rfind(' ').map(|i| i + 1).filter(|&i| i > 0))
            .unwrap_or(limit);
        let (piece, tail) = rest.split_at(cut);
        rest = tail;
        Some(piece)
    })
}

#[cfg(test)]
mod piece_tests {
    use super::{PIECE, pieces};

    #[test]
    fn long_paragraphs_are_read_in_pieces_cut_after_sentences() {
        let sentence = "Minister Kim Min-soo said the talks would resume. ";
        let text = sentence.repeat(3 * PIECE / sentence.len());
        let cut: Vec<&str> = pieces(&text).collect();
        assert!(cut.len() >= 3, "{}", cut.len());
        assert_eq!(cut.concat(), text);
        assert!(cut.iter().all(|p| p.len() <= PIECE && p.ends_with(". ") || p.len() < PIECE));
        let short = "A short paragraph.";
        assert_eq!(pieces(short).collect::<Vec<_>>(), [short]);
        // No space at all: cut at a character boundary.
        let unbroken = "한".repeat(PIECE);
        let cut: Vec<&str> = pieces(&unbroken).collect();
        assert_eq!(cut.concat(), unbroken);
        assert!(cut.iter().all(|p| p.len() <= PIECE));
    }
}
