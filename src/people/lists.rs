//! Names that sports copy gives by the shape of a line rather than by a sentence: results
//! (`3. Lena Marek (Czech Republic) 1:12.45`), scorer lines (`Vitoria 2 (Mendes 30th pen,
//! Kalmar 89th)`) and squad lists (`Vitoria: Varela; Mendes, Bamba, ...`). The shape is the
//! evidence that a capitalised word is a person, so one word alone may be a name there.

use super::lexicon::{GEO_TAIL, NATION, ORG, PARTICLE, PLACE, TIME};
use super::names::Para;

/// Fewest items for a list after a colon to be read as a squad.
const MIN_SQUAD: usize = 5;

fn is_number(w: &str) -> bool {
    !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit())
}

/// A match minute: "30th", "89th", "52nd", "90+2", "45'".
fn is_minute(w: &str) -> bool {
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &w[digits..];
    (1..=3).contains(&digits)
        && (matches!(rest, "st" | "nd" | "rd" | "th" | "'" | "’")
            || rest.strip_prefix('+').is_some_and(|r| (1..=2).contains(&r.len()) && is_number(r)))
}

/// A race time or margin: "1:12.45", "20:12.4", "2h03".
fn is_time(p: &Para, i: usize) -> bool {
    let w = p.word(i);
    w.starts_with(|c: char| c.is_ascii_digit()) && w.contains([':', '.', 'h'])
}

/// A scorer: the name `[first, ne)` follows an opening parenthesis or a list separator and
/// a match minute follows it ("(Mendes 30th pen, Kalmar 89th)").
pub fn scorer(p: &Para, first: usize, ne: usize) -> bool {
    let opened = first > 0 && p.toks[first - 1].punct.is_some_and(|c| matches!(c, '(' | ',' | ';'));
    let minute = p.toks.get(ne).is_some_and(|t| t.is_word())
        && (is_minute(p.word(ne))
            || (is_number(p.word(ne)) && p.toks.get(ne + 1).is_some_and(|t| t.is('+') || t.is('\'') || t.is('’'))));
    opened && minute
}

/// A ranked result: "3. Lena Marek (Czech Republic) 1:12.45", "2. Ingrid Lund (NOR) +4.2".
/// Returns (a result line, and the rank is there too).
pub fn ranked(p: &Para, first: usize, ne: usize) -> (bool, bool) {
    let rank = first >= 2 && p.toks[first - 1].is('.') && p.toks[first - 2].is_word() && is_number(p.word(first - 2));
    let n = p.toks.len();
    let country = ne + 2 < n && p.toks[ne].is('(') && {
        let mut j = ne + 1;
        let (mut caps, mut country) = (true, false);
        while j < n && !p.toks[j].is(')') && j - ne <= 4 {
            let t = p.toks[j];
            caps &= t.is_word() && t.cap;
            country |= p.flags[j] & (PLACE | NATION) != 0 || (t.acronym && p.word(j).len() <= 4);
            j += 1;
        }
        caps && country && j < n && j > ne + 1 && p.toks[j].is(')')
    };
    let timed = ne < n && p.toks[ne].is_word() && is_time(p, ne);
    (country || (rank && timed), rank && (country || timed))
}

/// Marks the tokens of a squad list's names in `out` (one flag a token): a label of one to
/// four capitalised words, a colon, then at least [`MIN_SQUAD`] names of one to three words
/// parted by commas and semicolons up to the end of the sentence. Team and place words
/// (which a league table would hold) disqualify the list.
pub fn squad(p: &Para, out: &mut Vec<bool>) {
    out.clear();
    out.resize(p.toks.len(), false);
    let n = p.toks.len();
    let mut i = 0;
    while i < n {
        let end = (i..n).find(|&k| p.toks[k].punct.is_some_and(|c| matches!(c, '.' | '!' | '?'))).unwrap_or(n);
        let colon = (i..end.min(i + 5)).find(|&k| p.toks[k].is(':'));
        if let Some(colon) = colon
            && colon > i
            && (i..colon).all(|k| p.toks[k].is_word() && p.toks[k].cap)
            && let Some(items) = squad_items(p, colon + 1, end)
        {
            for (s, e) in items {
                out[s..e].fill(true);
            }
        }
        i = end + 1;
    }
}

fn squad_items(p: &Para, from: usize, end: usize) -> Option<Vec<(usize, usize)>> {
    let mut items = Vec::new();
    let mut k = from;
    while k < end {
        let s = k;
        while k < end && p.toks[k].is_word() && (p.toks[k].cap || p.flags[k] & PARTICLE != 0) {
            let f = p.flags[k];
            if f & (ORG | PLACE | NATION | TIME | GEO_TAIL) != 0 || p.toks[k].acronym {
                return None;
            }
            k += 1;
        }
        if k == s || k - s > 3 {
            return None;
        }
        items.push((s, k));
        // A substitution after a name: "Kalmar (Silva 70)".
        if k < end && p.toks[k].is('(') {
            k = (k..end).find(|&j| p.toks[j].is(')'))? + 1;
        }
        if k < end {
            if !p.toks[k].punct.is_some_and(|c| matches!(c, ',' | ';')) {
                return None;
            }
            k += 1;
        }
    }
    (items.len() >= MIN_SQUAD).then_some(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minutes_and_times() {
        for m in ["30th", "89th", "52nd", "1st", "23rd", "90+2", "45'"] {
            assert!(is_minute(m), "{m}");
        }
        for m in ["2024", "30", "3rd-placed", "th", "90+"] {
            assert!(!is_minute(m), "{m}");
        }
    }
}
