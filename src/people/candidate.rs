//! The steps of reading one name candidate in a paragraph: what stands around it (a script
//! form, a royal title, a determiner, a preposition, a verb of speech), what makes it look like
//! a person, and the role the text gives it.

use super::extract::Words;
use super::lexicon::{ADVERB, COURTESY, NATION, PARTICLE, ROYAL, SPEECH, STOP, SUFFIX, TIME, TITLE};
use super::names::{GIVEN, Para, WORLD};
use super::quotes::Mention;
use super::registry::{Occ, Registry};
use super::roles::{After, Prefix};

/// A one-word run that is a known person's surname but also an everyday word or a month
/// ("May writes", "Baroness May", "An said"), unless it reads as the month ("in May", "May 5").
pub fn word_surname(p: &Para, reg: &mut Registry, rs: usize, re: usize) -> Option<Mention> {
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

/// Where a name stands: its first token (a royal title included), where a title before it
/// would end, where an apposition after it would start, and its Hangul or Han form.
pub struct Frame<'a> {
    pub first: usize,
    pub anchor: usize,
    pub after: usize,
    pub cjk: Option<&'a str>,
    pub royal: bool,
}

/// The frame of the name `[ns, ne)`.
pub fn frame<'a>(p: &Para<'a>, ns: usize, ne: usize) -> Frame<'a> {
    let n = p.toks.len();
    // "Prince Abdulaziz bin Salman", "Sheikh Tamim": a royal title is part of the name,
    // unless it is the role "Crown Prince".
    let royal = ns > 0
        && p.toks[ns - 1].cap
        && p.flags[ns - 1] & ROYAL != 0
        && !(ns >= 2 && p.toks[ns - 2].is_word() && p.word(ns - 2).eq_ignore_ascii_case("crown"));
    let first = if royal { ns - 1 } else { ns };
    // Hangul or Han beside the name: "Park Geun-hye (박근혜)", "박근혜 (Park Geun-hye)",
    // "Wang Yi (王毅)".
    let mut fr = Frame { first, anchor: first, after: ne, cjk: None, royal };
    if ne + 2 < n && p.toks[ne].is('(') && p.toks[ne + 1].cjk && p.toks[ne + 2].is(')') {
        fr.cjk = Some(p.word(ne + 1));
        fr.after = ne + 3;
    } else if first >= 2 && p.toks[first - 1].is('(') && p.toks[first - 2].cjk && ne < n && p.toks[ne].is(')') {
        fr.cjk = Some(p.word(first - 2));
        fr.anchor = first - 2;
        fr.after = ne + 1;
    }
    fr
}

/// "Ernst & Young", "Johnson & Johnson": a company.
pub fn is_company(p: &Para, ns: usize, ne: usize) -> bool {
    (ns > 0 && p.toks[ns - 1].is('&')) || p.toks.get(ne).is_some_and(|t| t.is('&'))
}

/// "the Seoul Principles", "a Belle de Boskoop": a thing after a determiner (but "a Luka
/// Modric cross" names a person). `start` is where any title before the name starts.
pub fn thing_after_determiner(p: &Para, start: usize, after: usize) -> bool {
    if start == 0 || !p.toks[start - 1].is_word() {
        return false;
    }
    let w = p.word(start - 1);
    let modifies = p.toks.get(after).is_some_and(|t| t.is_word() && !t.cap);
    w.eq_ignore_ascii_case("the") || ((w == "a" || w == "an") && !modifies)
}

/// The name's main words: no lower-case particles, initials or "Jr.".
pub fn name_parts<'a>(p: &Para<'a>, ns: usize, ne: usize) -> Vec<&'a str> {
    (ns..ne)
        .filter(|&i| {
            let (t, f) = (p.toks[i], p.flags[i]);
            (t.cap || f & PARTICLE == 0) && f & SUFFIX == 0 && !t.initial
        })
        .map(|i| p.core(i))
        .collect()
}

/// "Fatou Ndiaye of Senegal", "the state of Gezira": one word after a preposition is a place
/// unless a title says otherwise. `start` is where any title before the word starts.
pub fn after_preposition(p: &Para, start: usize) -> bool {
    start > 0
        && p.toks[start - 1].is_word()
        && !p.toks[start - 1].cap
        && matches!(
            p.word(start - 1),
            "of" | "in" | "from" | "at" | "near" | "to" | "into" | "across" | "de" | "à" | "en"
        )
}

/// A verb of speech beside the name: "Ban said", "said Ban", "Choi, an envoy, told",
/// "according to Ban", "selon Ban".
pub fn speaks(p: &Para, before: usize, after: usize, tail: usize, ne: usize) -> bool {
    speech_at(p, after)
        || (tail != ne && speech_at(p, tail))
        || (before > 0 && p.toks[before - 1].is_word() && p.flags[before - 1] & SPEECH != 0)
        || (before > 1 && p.word(before - 1) == "to" && p.word(before - 2) == "according")
        || (before > 0 && p.word(before - 1).eq_ignore_ascii_case("selon"))
}

/// What the name itself shows: a known given name (a world-list one not in a word the article
/// uses for an organisation, "Vitoria coach", or after "the", "the Dail"), a surname the
/// article uses alone beside a verb of speech, a courtesy title, an initial inside ("Robert F.
/// Kennedy"), or a relative clause for a person (", who").
pub fn person_shaped(
    p: &Para,
    words: &Words,
    ns: usize,
    ne: usize,
    after: usize,
    parts: &[&str],
    family_first: bool,
) -> bool {
    let weak_given = p.flags[ns] & WORLD != 0
        && ((ns..ne).any(|i| words.modifiers.contains(p.core(i))) || words.after_the.contains(p.core(ns)));
    // "German Bunds", "Christian Democrats": a given name that is also a nationality says
    // nothing on its own.
    let given = p.flags[ns] & GIVEN != 0 && p.flags[ns] & NATION == 0 && !weak_given;
    let speaker = !family_first && parts.len() >= 2 && parts.last().is_some_and(|l| p.speakers.contains(l));
    let courtesy = ns > 0 && p.flags[ns - 1] & COURTESY != 0;
    let initial_inside = parts.len() >= 2 && (ns + 1..ne).any(|i| p.toks[i].initial);
    let who = after + 1 < p.toks.len() && p.toks[after].is(',') && p.word(after + 1) == "who";
    given || speaker || courtesy || initial_inside || who
}

/// The role the text gives: the title before the name, or a description before or after it,
/// with a party tag.
pub fn role_text(p: &Para, pre: &Prefix, pre_app: Option<(usize, usize)>, app: &After) -> Option<String> {
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
    role
}

/// Hangul or Han names on their own, once tied to a person; `ms` stays in text order.
pub fn script_mentions(p: &Para, reg: &mut Registry, ms: &mut Vec<Mention>) {
    let n = p.toks.len();
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
