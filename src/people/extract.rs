//! One article: names in the byline, the body and the credits, resolved to people, with
//! their roles and quotes.

use super::Person;
use super::lexicon::{self, ADVERB, COURTESY, PARTICLE, SPEECH, SUFFIX, WordSet};
use super::names::{GIVEN, Para};
use super::quotes::{self, Carry, Mention};
use super::registry::{Occ, Registry};
use super::roles;
use crate::article::Article;

/// Words written in lower case anywhere in the body.
fn lower_words(article: &Article) -> WordSet<'_> {
    let len: usize = article.paragraphs.iter().map(String::len).sum();
    let mut set = WordSet::with_capacity_and_hasher((len / 24).min(1 << 16), Default::default());
    for p in &article.paragraphs {
        for w in p.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'')) {
            if w.chars().next().is_some_and(char::is_lowercase) {
                set.insert(w);
            }
        }
    }
    set
}

fn text_of(p: &Para, s: usize, e: usize) -> String {
    p.text[p.toks[s].start..p.toks[e - 1].end].to_string()
}

fn speech_at(p: &Para, mut i: usize) -> bool {
    for _ in 0..3 {
        let Some(t) = p.toks.get(i) else { return false };
        if !t.is_word() {
            return false;
        }
        if p.flags[i] & SPEECH != 0 {
            return true;
        }
        if p.flags[i] & ADVERB == 0 {
            return false;
        }
        i += 1;
    }
    false
}

/// Finds the names of one paragraph, resolves them and records their mentions.
fn names_in(p: &mut Para, reg: &mut Registry, runs: &mut Vec<(usize, usize)>, ms: &mut Vec<Mention>) {
    ms.clear();
    p.runs(runs);
    let n = p.toks.len();
    for &(rs, re) in runs.iter() {
        let Some((ns, ne)) = p.name_span(rs, re) else { continue };
        // Hangul beside the name: "Park Geun-hye (박근혜)" or "박근혜 (Park Geun-hye)".
        let mut hangul = None;
        let mut anchor = ns;
        let mut after = ne;
        if ne + 2 < n && p.toks[ne].is('(') && p.toks[ne + 1].hangul && p.toks[ne + 2].is(')') {
            hangul = Some(p.word(ne + 1));
            after = ne + 3;
        } else if ns >= 2 && p.toks[ns - 1].is('(') && p.toks[ns - 2].hangul && ne < n && p.toks[ne].is(')') {
            hangul = Some(p.word(ns - 2));
            anchor = ns - 2;
            after = ne + 1;
        }
        let pre = roles::prefix(p, anchor);
        if !pre.titled && pre.start > 0 && p.toks[pre.start - 1].is_word() {
            let w = p.word(pre.start - 1);
            if w.eq_ignore_ascii_case("the") {
                continue; // "the Seoul Principles"
            }
        }
        let app = roles::apposition(p, after);
        let tail = match app.role.or(app.party.map(|i| (i, i + 1))) {
            Some((_, e)) if e < n && p.toks[e].is(',') => e + 1,
            _ => ne,
        };
        let before = pre.start;
        let speech = speech_at(p, after)
            || (tail != ne && speech_at(p, tail))
            || (before > 0 && p.toks[before - 1].is_word() && p.flags[before - 1] & SPEECH != 0)
            || (before > 1 && p.word(before - 1) == "to" && p.word(before - 2) == "according");
        let parts: Vec<&str> = (ns..ne)
            .filter(|&i| {
                let (t, f) = (p.toks[i], p.flags[i]);
                (t.cap || f & PARTICLE == 0) && f & SUFFIX == 0 && !t.initial
            })
            .map(|i| p.core(i))
            .collect();
        let family_first = p.family_first(ns, ne);
        let initial_inside = parts.len() >= 2 && (ns + 1..ne).any(|i| p.toks[i].initial);
        let given = p.flags[ns] & GIVEN != 0;
        let mut role = pre.role.map(|(s, e)| text_of(p, s, e)).or_else(|| app.role.map(|(s, e)| text_of(p, s, e)));
        if let Some(i) = app.party {
            let tag = p.word(i);
            role = Some(match role {
                Some(r) => format!("{r}, {tag}"),
                None => tag.to_string(),
            });
        }
        let courtesy_only = pre.role.is_none() && ns > 0 && p.flags[ns - 1] & COURTESY != 0;
        let occ = Occ {
            surface: &p.text[p.toks[ns].start..p.toks[ne - 1].core_end],
            parts,
            family_first,
            evidence: pre.titled
                || courtesy_only
                || app.role.is_some()
                || app.party.is_some()
                || speech
                || given
                || family_first
                || initial_inside
                || hangul.is_some(),
            titled: pre.titled || app.role.is_some() || app.party.is_some() || hangul.is_some(),
            role,
            hangul,
        };
        if let Some(person) = reg.resolve(&occ, false) {
            ms.push(Mention { start: ns, end: ne, tail, person });
        }
    }
    // Hangul names on their own, once tied to a person.
    let before = ms.len();
    for i in 0..n {
        if !p.toks[i].hangul {
            continue;
        }
        let paired = (i + 1 < n && p.toks[i + 1].is('(')) || (i > 0 && p.toks[i - 1].is('('));
        if paired {
            continue;
        }
        if let Some(person) = reg.hangul(p.word(i)) {
            reg.mention(person);
            ms.push(Mention { start: i, end: i + 1, tail: i + 1, person });
        }
    }
    if ms.len() > before {
        ms.sort_by_key(|m| m.start);
    }
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
            hangul: None,
        };
        reg.resolve(&occ, true);
    }
}

pub fn extract(article: &Article) -> Vec<Person> {
    let lex = lexicon::get();
    let lower = lower_words(article);
    let mut p = Para::new(lex, &lower);
    let mut reg = Registry::default();
    let mut runs = Vec::new();
    if let Some(byline) = &article.byline {
        p.load(byline);
        names_in_credit(&mut p, &mut reg, &mut runs);
    }
    let mut ms = Vec::new();
    let mut spans = Vec::new();
    let mut said = Vec::new();
    let mut carry = Carry::default();
    for para in &article.paragraphs {
        p.load(para);
        names_in(&mut p, &mut reg, &mut runs, &mut ms);
        quotes::spans(&p, &mut spans);
        said.clear();
        quotes::attribute(&p, &ms, &spans, &mut carry, &mut said);
        for (who, q) in said.drain(..) {
            reg.add_quote(who, q);
        }
    }
    for credit in &article.credits {
        p.load(credit);
        names_in_credit(&mut p, &mut reg, &mut runs);
    }
    reg.into_people()
}
