//! One article: names in the byline, the body and the credits, resolved to people, with
//! their roles and quotes.

use super::Person;
use super::lexicon::{self, ADVERB, COURTESY, PARTICLE, ROYAL, SPEECH, STOP, SUFFIX, TIME, TITLE, WordSet};
use super::lists;
use super::names::{GIVEN, Para, WORLD};
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
struct Words<'a> {
    /// Written in lower case somewhere.
    lower: WordSet<'a>,
    /// Capitalised words used alone as a speaker ("Hatcher said", "said Hatcher."): a two-word
    /// name ending in one of those is a person even with no title or known given name ("Bill
    /// Hatcher, 58, ...").
    speakers: WordSet<'a>,
    /// Capitalised words written right before a lower-case title word ("Komeito leader",
    /// "Celtics coach"): an organisation or team, not a one-word name.
    modifiers: WordSet<'a>,
    /// Capitalised words written right after "the" ("the Dail", "the Ligue"): an institution
    /// or a place, so the world list's given name that it also is says nothing.
    after_the: WordSet<'a>,
    /// Capitalised words right before a score in a results line ("Plovdiv 1 (Petkov 12th)",
    /// "..., Slavia Sofia 0" at the end): the last word of a team's name.
    teams: WordSet<'a>,
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

/// A one-word run that is a known person's surname but also an everyday word or a month
/// ("May writes", "Baroness May", "An said"), unless it reads as the month ("in May", "May 5").
fn word_surname(p: &Para, reg: &mut Registry, rs: usize, re: usize) -> Option<Mention> {
    let i = re - 1;
    let courtesy = re - rs == 2 && p.flags[rs] & (COURTESY | TITLE) != 0;
    if re - rs != 1 && !courtesy {
        return None;
    }
    let (t, f) = (p.toks[i], p.flags[i]);
    // A given name that is also a month or a modal anywhere; a function word ("An") only in
    // mid-sentence, where the word itself would not have a capital.
    // At the start of a sentence, only right before a speech verb ("An said"), which the
    // article "An" never is.
    let before_speech = p.toks.get(re).is_some_and(|n| n.is_word()) && p.flags.get(re).is_some_and(|f| f & SPEECH != 0);
    let name_like = f & GIVEN != 0 || (f & STOP != 0 && (!t.sent_start || before_speech));
    if !t.cap || t.acronym || !name_like || f & (STOP | TIME) == 0 || p.word(i).ends_with('.') {
        return None;
    }
    if p.toks.get(re).is_some_and(|n| n.is_word() && n.text(p.text).starts_with(|c: char| c.is_ascii_digit())) {
        return None;
    }
    if rs > 0 && p.toks[rs - 1].is_word() && !p.toks[rs - 1].cap && p.flags[rs - 1] & STOP != 0 {
        return None;
    }
    let core = p.core(i);
    if !reg.has_surname(core) {
        return None;
    }
    let occ = Occ {
        surface: core,
        parts: vec![core],
        family_first: false,
        evidence: false,
        titled: false,
        role: None,
        cjk: None,
        suffix: None,
    };
    let person = reg.resolve(&occ, false)?;
    Some(Mention { start: i, end: re, tail: re, person })
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
fn names_in(p: &mut Para, words: &Words, reg: &mut Registry, runs: &mut Vec<(usize, usize)>, ms: &mut Vec<Mention>) {
    ms.clear();
    p.runs(runs);
    let mut listed = std::mem::take(&mut p.listed);
    lists::squad(p, &mut listed);
    p.listed = listed;
    let n = p.toks.len();
    for &(rs, re) in runs.iter() {
        let Some((ns, ne)) = p.name_span(rs, re) else {
            if let Some(m) = word_surname(p, reg, rs, re) {
                ms.push(m);
            }
            continue;
        };
        // "Prince Abdulaziz bin Salman", "Sheikh Tamim": a royal title is part of the name,
        // unless it is the role "Crown Prince".
        let royal = ns > 0
            && p.toks[ns - 1].cap
            && p.flags[ns - 1] & ROYAL != 0
            && !(ns >= 2 && p.toks[ns - 2].is_word() && p.word(ns - 2).eq_ignore_ascii_case("crown"));
        let first = if royal { ns - 1 } else { ns };
        // Hangul or Han beside the name: "Park Geun-hye (박근혜)", "박근혜 (Park Geun-hye)",
        // "Wang Yi (王毅)".
        let mut cjk = None;
        let mut anchor = first;
        let mut after = ne;
        if ne + 2 < n && p.toks[ne].is('(') && p.toks[ne + 1].cjk && p.toks[ne + 2].is(')') {
            cjk = Some(p.word(ne + 1));
            after = ne + 3;
        } else if first >= 2 && p.toks[first - 1].is('(') && p.toks[first - 2].cjk && ne < n && p.toks[ne].is(')') {
            cjk = Some(p.word(first - 2));
            anchor = first - 2;
            after = ne + 1;
        }
        // "Ernst & Young", "Johnson & Johnson": a company.
        if (ns > 0 && p.toks[ns - 1].is('&')) || p.toks.get(ne).is_some_and(|t| t.is('&')) {
            continue;
        }
        let pre = roles::prefix(p, anchor);
        let pre_app = if pre.role.is_none() { roles::pre_apposition(p, anchor, after) } else { None };
        if !pre.titled && pre.start > 0 && p.toks[pre.start - 1].is_word() {
            let w = p.word(pre.start - 1);
            if w.eq_ignore_ascii_case("the") {
                continue; // "the Seoul Principles"
            }
            // "a Belle de Boskoop", but "a Luka Modric cross".
            let modifies = p.toks.get(after).is_some_and(|t| t.is_word() && !t.cap);
            if (w == "a" || w == "an") && !modifies {
                continue;
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
            || (before > 1 && p.word(before - 1) == "to" && p.word(before - 2) == "according")
            || (before > 0 && p.word(before - 1).eq_ignore_ascii_case("selon"));
        let parts: Vec<&str> = (ns..ne)
            .filter(|&i| {
                let (t, f) = (p.toks[i], p.flags[i]);
                (t.cap || f & PARTICLE == 0) && f & SUFFIX == 0 && !t.initial
            })
            .map(|i| p.core(i))
            .collect();
        // "Fatou Ndiaye of Senegal", "the state of Gezira": one word after a preposition is a
        // place unless a title says otherwise.
        let after_prep = parts.len() == 1
            && pre.role.is_none()
            && !royal
            && before > 0
            && p.toks[before - 1].is_word()
            && !p.toks[before - 1].cap
            && matches!(
                p.word(before - 1),
                "of" | "in" | "from" | "at" | "near" | "to" | "into" | "across" | "de" | "à" | "en"
            );
        // Sports copy: a results line, a scorer line or a squad list; a team before its score.
        let (result_line, ranked) = lists::ranked(p, first, after);
        let listed = p.listed[ns] || lists::scorer(p, first, ne);
        if !listed && !result_line && words.teams.contains(p.core(ne - 1)) {
            continue;
        }
        let family_first = p.family_first(ns, ne);
        let initial_inside = parts.len() >= 2 && (ns + 1..ne).any(|i| p.toks[i].initial);
        // A given name only the world list knows is no evidence in a word the article uses
        // as an organisation's ("Vitoria coach") or after "the" ("the Dail").
        let weak_given = p.flags[ns] & WORLD != 0
            && ((ns..ne).any(|i| words.modifiers.contains(p.core(i))) || words.after_the.contains(p.core(ns)));
        let given = p.flags[ns] & GIVEN != 0 && !weak_given;
        // "Kyrie Irving, who ...": a relative clause for a person.
        let who = after + 1 < n && p.toks[after].is(',') && p.word(after + 1) == "who";
        // "Dereck Lively II", "Robert F. Kennedy Jr.".
        let suffix = (ne - ns >= 2 && p.flags[ne - 1] & SUFFIX != 0 && p.toks[ne - 1].cap).then(|| p.core(ne - 1));
        let speaker = !family_first && parts.len() >= 2 && parts.last().is_some_and(|l| p.speakers.contains(l));
        let mut role = match (pre.role, app.role) {
            // "Sen. Maria Cantwell, a Democrat from Washington": the bare title says little.
            (Some((s, e)), Some((as_, ae))) if e - s == 1 && p.word(s).ends_with('.') => {
                let from = if app.article { as_ - 1 } else { as_ };
                Some(format!("{}, {}", text_of(p, s, e), text_of(p, from, ae)))
            }
            (Some((s, e)), _) => Some(text_of(p, s, e)),
            (None, _) => pre_app.or(app.role).or(app.loose).map(|(s, e)| text_of(p, s, e)),
        };
        if let Some(i) = app.party {
            let tag = p.word(i);
            role = Some(match role {
                Some(r) => format!("{r}, {tag}"),
                None => tag.to_string(),
            });
        }
        let courtesy_only = pre.role.is_none() && ns > 0 && p.flags[ns - 1] & COURTESY != 0;
        // "its coalition partner Komeito" when the text also says "Komeito leader": a party.
        let org_word =
            parts.len() == 1 && pre.role.is_some_and(|(s, _)| !p.toks[s].cap) && words.modifiers.contains(p.core(ns));
        let occ = Occ {
            surface: &p.text[p.toks[first].start..p.toks[ne - 1].core_end],
            parts,
            family_first,
            evidence: pre.titled
                || pre_app.is_some()
                || speaker
                || courtesy_only
                || app.role.is_some()
                || app.party.is_some()
                || speech
                || given
                || family_first
                || initial_inside
                || who
                || suffix.is_some()
                || cjk.is_some()
                || royal
                || result_line
                || listed,
            titled: !org_word
                && !after_prep
                && (pre.titled
                    || pre_app.is_some()
                    || app.role.is_some()
                    || app.party.is_some()
                    || cjk.is_some()
                    || royal
                    || ranked
                    || listed),
            role,
            cjk,
            suffix,
        };
        if let Some(person) = reg.resolve(&occ, false) {
            ms.push(Mention { start: first, end: ne, tail, person });
        }
    }
    // Hangul names on their own, once tied to a person.
    let before = ms.len();
    for i in 0..n {
        if !p.toks[i].cjk {
            continue;
        }
        let paired = (i + 1 < n && p.toks[i + 1].is('(')) || (i > 0 && p.toks[i - 1].is('('));
        if paired {
            continue;
        }
        if let Some(person) = reg.cjk(p.word(i)) {
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
    for para in &article.paragraphs {
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
