//! Roles: the title before a name ("South Korean Foreign Minister", "deputy governor") and the
//! description after it in apposition (", Seoul's ambassador for international security,").

use super::lexicon::{CONNECTOR, COURTESY, KIN, MODIFIER, NATION, ORG, PARTICLE, PLACE, SPEECH, STOP, TIME, TITLE};
use super::names::Para;
use super::tokens::is_party_tag;

/// What stands before a name.
pub struct Prefix {
    /// First token of the title run (the name's first token when there is none).
    pub start: usize,
    /// The role's token range, when the run holds a title word.
    pub role: Option<(usize, usize)>,
    /// A title or courtesy word right before the name, or a role.
    pub titled: bool,
}

const MAX_ROLE: usize = 12;

/// The title run that ends right before token `anchor`: a family word after a possessive, or
/// title words walked back from the name while each word belongs to the role.
pub fn prefix(p: &mut Para, anchor: usize) -> Prefix {
    if let Some(kin) = kin_prefix(p, anchor) {
        return kin;
    }
    let mut k = anchor;
    let mut has_title = false;
    while k > 0 && anchor - k < MAX_ROLE {
        let i = k - 1;
        let (t, f) = (p.toks[i], p.flags[i]);
        if t.is('&') && i > 0 && p.toks[i - 1].is_word() && p.toks[i - 1].cap && k < anchor && p.toks[k].cap {
            // "JPMorgan Chase & Co Chief Executive".
            k -= 1;
            continue;
        }
        // "Selon l'économiste", "According to analyst": the verb is no part of the role.
        if !t.is_word() || t.cjk || f & SPEECH != 0 || !in_role(p, i, k, anchor) {
            break;
        }
        if t.sent_start
            && t.cap
            && f & (TITLE | MODIFIER | NATION | PLACE | ORG | COURTESY) == 0
            && p.lower_elsewhere(i)
        {
            break;
        }
        has_title |= f & TITLE != 0;
        k -= 1;
        if t.sent_start {
            break;
        }
    }
    while k < anchor && p.flags[k] & (CONNECTOR | STOP) != 0 && !p.toks[k].cap {
        k += 1;
    }
    let direct = anchor > 0 && p.toks[anchor - 1].is_word() && p.flags[anchor - 1] & (TITLE | COURTESY) != 0;
    // A role is title words; a run of only courtesy words ("Mr.") is none.
    let role = (has_title && k < anchor).then(|| without_honorifics(p, k, anchor)).filter(|&(s, e)| s < e);
    Prefix { start: k, titled: direct || role.is_some(), role }
}

/// "his sister Kim Yo-jong", "Toyoda's son Akio": a family word after a possessive.
fn kin_prefix(p: &Para, anchor: usize) -> Option<Prefix> {
    if anchor < 2 {
        return None;
    }
    let (i, d) = (anchor - 1, anchor - 2);
    let kin = p.toks[i].is_word() && !p.toks[i].cap && p.flags[i] & KIN != 0;
    let owner = p.toks[d].is_word()
        && (matches!(p.word(d), "his" | "her" | "their") || (p.toks[d].possessive && p.toks[d].cap));
    (kin && owner).then_some(Prefix { start: d, role: Some((d, anchor)), titled: true })
}

/// Whether word `i` belongs to the title run whose next word is `k` (the run ends before
/// `anchor`).
fn in_role(p: &Para, i: usize, k: usize, anchor: usize) -> bool {
    let (t, f) = (p.toks[i], p.flags[i]);
    let roleish = f & (TITLE | MODIFIER | NATION | COURTESY) != 0;
    // "New York Yankees outfielder": a capitalised place word is part of the role.
    if f & STOP != 0 && !((roleish || f & (PLACE | ORG) != 0) && t.cap) {
        connector_in_role(p, i, k, anchor)
    } else if roleish || f & ORG != 0 {
        true
    } else if !t.cap && f == 0 && k < anchor && i > 0 && p.toks[i - 1].is_word() {
        noun_in_role(p, i, k)
    } else {
        t.cap && f & TIME == 0
    }
}

/// "of", "for", "and", "the" inside a title: "Secretary of State".
fn connector_in_role(p: &Para, i: usize, k: usize, anchor: usize) -> bool {
    let (t, f) = (p.toks[i], p.flags[i]);
    let prev_ok = i > 0 && p.toks[i - 1].is_word();
    let (pt, pf) = if prev_ok { (p.toks[i - 1], p.flags[i - 1]) } else { (t, 0) };
    // "Democratic Party for the People leader": "the" after a connector after a capital.
    let org_the = p.word(i) == "the"
        && pt.is_word()
        && !pt.cap
        && pf & CONNECTOR != 0
        && i >= 2
        && p.toks[i - 2].is_word()
        && p.toks[i - 2].cap;
    let joins = if org_the {
        true
    } else if p.word(i) == "and" {
        // "Deputy Prime Minister and Finance Minister", but not "the crown prince and Saudi
        // Foreign Minister" or "Mohammed bin Salman and Egyptian President".
        pt.cap && pf & (TITLE | MODIFIER) != 0
    } else {
        // "special envoy for President Macron": the title after "for" is the person's own.
        let next_title = k < anchor && p.toks[k].cap && p.flags[k] & TITLE != 0 && p.flags[k] & MODIFIER == 0;
        pt.cap || (pf & (TITLE | MODIFIER) != 0 && !next_title)
    };
    f & CONNECTOR != 0 && !t.cap && prev_ok && joins && k < anchor
}

/// A lower-case noun inside a role: "Kenyan climate campaigner", "U.S. trade envoy", "with
/// lighting designer".
fn noun_in_role(p: &Para, i: usize, k: usize) -> bool {
    let next_title = !p.toks[k].cap && p.flags[k] & (TITLE | MODIFIER) != 0;
    let (pt, pf) = (p.toks[i - 1], p.flags[i - 1]);
    let inside = pf & (TITLE | MODIFIER | NATION | PLACE | ORG) != 0 || pt.possessive || pt.acronym;
    // A noun phrase after a determiner or preposition (a verb would not stand there).
    let det = !pt.cap && matches!(p.word(i - 1), "the" | "a" | "an" | "with" | "by" | "for" | "of" | "from");
    next_title && ((inside && pf & STOP == 0) || det)
}

/// The role `[k, anchor)` without honorifics at either end: "Prime Minister Sir Keir
/// Starmer", "Tory peer Lord Hayward".
fn without_honorifics(p: &Para, k: usize, anchor: usize) -> (usize, usize) {
    let mut s = k;
    while s < anchor && p.flags[s] & COURTESY != 0 {
        s += 1;
    }
    let mut e = anchor;
    while e > s && p.flags[e - 1] & COURTESY != 0 {
        e -= 1;
    }
    (s, e)
}

/// What follows a name: an appositive role and/or a party tag.
#[derive(Default)]
pub struct After {
    pub role: Option<(usize, usize)>,
    pub party: Option<usize>,
    /// The role opened with "a", "an" or "the" (not part of the range).
    pub article: bool,
    /// A short description opened by "a", "an" or "the" with no title word in it ("the
    /// Swedish industrialist"): a role for someone known to be a person, no evidence of one.
    pub loose: Option<(usize, usize)>,
}

const STOP_WORDS: &[&str] =
    &["who", "which", "that", "whose", "where", "when", "while", "whom", "qui", "que", "dont", "où"];

/// "Fatou Ndiaye of Senegal, a former envoy": the comma after a short "of"/"from" place
/// that follows the name ending before `ne`.
fn of_place(p: &Para, ne: usize) -> Option<usize> {
    let t = p.toks.get(ne)?;
    if !t.is_word() || !matches!(p.word(ne), "of" | "from") {
        return None;
    }
    let mut j = ne + 1;
    while j < p.toks.len() && j - ne <= 3 && p.toks[j].is_word() && p.toks[j].cap {
        j += 1;
    }
    (j > ne + 1 && p.toks.get(j).is_some_and(|t| t.is(','))).then_some(j)
}

/// The apposition after a name ending before token `ne`.
pub fn apposition(p: &Para, ne: usize) -> After {
    let mut out = After::default();
    let n = p.toks.len();
    let ne = of_place(p, ne).unwrap_or(ne);
    if ne >= n || !p.toks[ne].is(',') {
        return out;
    }
    let mut i = ne + 1;
    // An age: "John Smith, 45, a farmer".
    if i + 1 < n && p.word(i).chars().all(|c| c.is_ascii_digit()) && p.toks[i + 1].is(',') {
        i += 2;
    }
    if i >= n || !p.toks[i].is_word() {
        return out;
    }
    if is_party_tag(p.word(i)) {
        out.party = Some(i);
        return out;
    }
    let first = p.word(i);
    let article = matches!(first, "a" | "an" | "the");
    let start = if article { i + 1 } else { i };
    if start >= n || !p.toks[start].is_word() {
        return out;
    }
    let (t0, f0) = (p.toks[start], p.flags[start]);
    // French "a répondu", "a estimé": a verb, not the article "a".
    if first == "a" && p.word(start).ends_with('é') {
        return out;
    }
    let opens =
        article || f0 & (TITLE | MODIFIER | NATION) != 0 || (t0.cap && t0.possessive) || (!t0.cap && f0 & ORG != 0);
    if !opens || f0 & SPEECH != 0 {
        return out;
    }
    let mut j = start;
    let mut has_title = false;
    while j < n && j - start <= 16 {
        let t = p.toks[j];
        if let Some(c) = t.punct {
            if ",;:.?!\"“”()[]—–".contains(c) {
                break;
            }
        } else {
            let w = p.word(j);
            if p.flags[j] & SPEECH != 0 || STOP_WORDS.contains(&w) {
                break;
            }
            // "..., volunteer Grant Whitfield handed out jugs": a title before a name starts a
            // new clause, not an apposition.
            if !t.cap && p.flags[j] & TITLE != 0 && p.toks.get(j + 1).is_some_and(|n| n.cap && !n.possessive) {
                let nf = p.flags[j + 1];
                if nf & (TITLE | MODIFIER | NATION | PLACE | ORG) == 0 && !p.toks[j + 1].acronym {
                    return out;
                }
            }
            has_title |= p.flags[j] & TITLE != 0;
        }
        j += 1;
    }
    if j - start > 16 || j == start || !p.toks[j - 1].is_word() {
        return out;
    }
    // "... in Gyeongju, officials said": a new subject, not an apposition.
    if !article && j < n && p.toks[j].is_word() && p.flags[j] & SPEECH != 0 {
        return out;
    }
    if !has_title {
        // Closed by punctuation, or by a relative clause ("a 34-year-old office worker who rode
        // the first train").
        let closed = j >= n
            || p.toks[j].punct.is_some_and(|c| ",.;".contains(c))
            || (p.toks[j].is_word() && STOP_WORDS.contains(&p.word(j)));
        if article && closed && j - start <= 8 {
            out.loose = Some((start, j));
        }
        return out;
    }
    out.role = Some((start, j));
    out.article = article;
    out
}

/// "le président du Sénat, Gérard Larcher", "the chairman of Toyota, Akio Toyoda", "le
/// président du Conseil constitutionnel, Laurent Fabius": the
/// lower-case title word before a capitalised complement that ends at `end`.
fn title_before_complement(p: &Para, end: usize) -> Option<usize> {
    let mut j = end;
    let mut joined = false;
    while j > 0 && end - j < 6 {
        let i = j - 1;
        let (t, f) = (p.toks[i], p.flags[i]);
        if !t.is_word() {
            return None;
        }
        // "Conseil constitutionnel", "Assemblée nationale": an adjective after the noun.
        let adjective = !t.cap && f == 0 && i > 0 && p.toks[i - 1].cap && p.toks[i - 1].is_word();
        if (t.cap && f & (STOP | SPEECH) == 0) || adjective {
            j -= 1;
            continue;
        }
        if !t.cap && f & (CONNECTOR | PARTICLE) != 0 && f & TITLE == 0 {
            joined = true;
            j -= 1;
            continue;
        }
        return (joined && !t.cap && f & TITLE != 0).then_some(i);
    }
    None
}

/// A description set off before a name, `his prime minister, Mostafa Madbouly,` or `Charles
/// Schwab's chief investment strategist, Marla Finch, said`: the role's token range, when the
/// name `[ns, ne)` is closed by a comma and a lower-case title word ends the description.
pub fn pre_apposition(p: &Para, ns: usize, ne: usize) -> Option<(usize, usize)> {
    let closed = p.toks.get(ne).is_none_or(|t| t.is(',') || t.is('.'));
    if ns < 2 || !p.toks[ns - 1].is(',') || !closed {
        return None;
    }
    let end = ns - 1;
    let (t, f) = (p.toks[end - 1], p.flags[end - 1]);
    // "his wife, Joy van der Berg", "Delaney's daughter, Hope Delaney-Garza".
    if t.is_word() && !t.cap && f & KIN != 0 {
        let mut s = end - 1;
        if s > 0
            && p.toks[s - 1].is_word()
            && (p.toks[s - 1].possessive || matches!(p.word(s - 1), "his" | "her" | "their"))
        {
            s -= 1;
        }
        return Some((s, end));
    }
    let title = if t.cap || f & TITLE == 0 { title_before_complement(p, end)? } else { end - 1 };
    let (t, f) = (p.toks[title], p.flags[title]);
    if !t.is_word() || t.cap || f & TITLE == 0 || f & STOP != 0 {
        return None;
    }
    let mut s = title;
    while s > 0 && title + 1 - s < 8 {
        let i = s - 1;
        let (t, f) = (p.toks[i], p.flags[i]);
        if !t.is_word() || t.cjk || f & (SPEECH | TIME) != 0 {
            break;
        }
        if f & STOP != 0 {
            // "chief of staff", "head of research".
            let joins = f & CONNECTOR != 0
                && !t.cap
                && matches!(p.word(i), "of" | "for")
                && i > 0
                && p.toks[i - 1].is_word()
                && !p.toks[i - 1].cap
                && p.flags[i - 1] & TITLE != 0;
            if !joins {
                break;
            }
            s -= 1;
            continue;
        }
        let ok = if t.cap { true } else { f & (TITLE | MODIFIER) != 0 };
        if !ok {
            break;
        }
        s -= 1;
        if t.sent_start {
            break;
        }
    }
    // "Le président du Sénat": the article opening the sentence is not part of the role.
    while s < title && p.toks[s].cap && p.flags[s] & PARTICLE != 0 {
        s += 1;
    }
    // "said Jane Doe, a lawyer, John Roe": the description belongs to the name before.
    if s > 0 && matches!(p.word(s - 1), "a" | "an") {
        return None;
    }
    // A capitalised word alone before the title may be a verb's subject ("Ross, aide"); keep
    // it only when it ends in a possessive or is a role word.
    while s < end - 1 && p.toks[s].cap && !p.toks[s].possessive && p.flags[s] & (TITLE | MODIFIER | NATION | ORG) == 0 {
        let rest_cap = (s + 1..end).any(|i| p.toks[i].cap);
        if rest_cap {
            break;
        }
        s += 1;
    }
    Some((s, end))
}
