//! The people of one article while it is read: resolving each name found to a person, so
//! that "Ban" and "Secretary General Ban" after "Ban Ki-moon" count for the same one.

use super::Person;
use std::collections::HashMap;

use super::lexicon::FastState;

/// One name as found in the text.
pub struct Occ<'s> {
    /// The name as written, possessive removed.
    pub surface: &'s str,
    /// Its main words (no initials, particles or "Jr.").
    pub parts: Vec<&'s str>,
    pub family_first: bool,
    /// Enough to take a new full name for a person.
    pub evidence: bool,
    /// Enough to take a new one-word name for a person (a title before it).
    pub titled: bool,
    pub role: Option<String>,
    pub cjk: Option<&'s str>,
    /// "Jr.", "III": tells a father from a son of the same name.
    pub suffix: Option<&'s str>,
}

struct Entry {
    person: Person,
    parts: usize,
    last_seen: usize,
    suffix: Option<String>,
}

#[derive(Default)]
pub struct Registry {
    entries: Vec<Entry>,
    /// Lower-cased multi-word forms and Hangul forms.
    forms: HashMap<String, usize, FastState>,
    surnames: HashMap<String, Vec<usize>, FastState>,
    givens: HashMap<String, Vec<usize>, FastState>,
    first_last: HashMap<String, usize, FastState>,
    /// Middle words of longer names ("Lula" of "Luiz Inácio Lula da Silva"), with every
    /// person that has them.
    inner: HashMap<String, Vec<usize>, FastState>,
    clock: usize,
}

fn first_last(parts: &[&str]) -> Option<String> {
    match parts {
        [first, .., last] => Some(format!("{} {}", first.to_lowercase(), last.to_lowercase())),
        _ => None,
    }
}

/// A surname lower-cased, an Arabic article dropped: "al-Sisi" and "Sisi" are one key.
fn surname_key(word: &str) -> String {
    let lower = word.to_lowercase();
    for art in ["al-", "el-", "ad-", "as-", "ash-", "at-", "az-", "ar-"] {
        if let Some(rest) = lower.strip_prefix(art)
            && rest.chars().count() >= 3
        {
            return rest.to_string();
        }
    }
    lower
}

fn surname(parts: &[&str], family_first: bool) -> Option<String> {
    let s = if family_first { parts.first() } else { parts.last() };
    s.map(|s| surname_key(s))
}

impl Registry {
    /// The person `occ` refers to, creating one when the evidence is there. `exact` (bylines,
    /// credits) only matches full names and takes any new full name.
    pub fn resolve(&mut self, occ: &Occ, exact: bool) -> Option<usize> {
        if occ.parts.is_empty() {
            return None;
        }
        let lower = occ.surface.to_lowercase();
        let multi = occ.parts.len() >= 2;
        let found = if let Some(&id) = self.forms.get(&lower) {
            Some(id)
        } else if multi {
            let fl = first_last(&occ.parts).and_then(|k| self.first_last.get(&k).copied());
            let single = || {
                let key = surname(&occ.parts, occ.family_first)?;
                let ids = self.surnames.get(&key)?;
                ids.iter().copied().find(|&id| self.entries[id].parts == 1)
            };
            fl.or_else(|| if exact { None } else { single() })
        } else if exact {
            None
        } else {
            let key = surname_key(occ.parts[0]);
            let recent = |ids: &Vec<usize>| ids.iter().copied().max_by_key(|&id| self.entries[id].last_seen);
            let unique = |ids: &&Vec<usize>| ids.len() == 1;
            self.surnames
                .get(&key)
                .and_then(recent)
                .or_else(|| self.givens.get(&key).filter(unique).map(|ids| ids[0]))
                .or_else(|| self.inner.get(&key).filter(unique).map(|ids| ids[0]))
        };
        // "Walter Kensington III" is not "Walter Kensington Jr.".
        let found = found.filter(|&id| match (&self.entries[id].suffix, occ.suffix) {
            (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
            _ => true,
        });
        let id = match found {
            Some(id) => id,
            None if (multi && (occ.evidence || exact)) || (!multi && occ.titled) => {
                self.entries.push(Entry {
                    person: Person { name: occ.surface.to_string(), ..Person::default() },
                    parts: occ.parts.len(),
                    last_seen: 0,
                    suffix: None,
                });
                let id = self.entries.len() - 1;
                self.index(id, occ);
                id
            }
            None => return None,
        };
        self.clock += 1;
        let e = &mut self.entries[id];
        e.last_seen = self.clock;
        e.person.mentions += 1;
        if e.suffix.is_none() {
            e.suffix = occ.suffix.map(str::to_string);
        }
        if occ.parts.len() > e.parts {
            let old = std::mem::replace(&mut e.person.name, occ.surface.to_string());
            e.parts = occ.parts.len();
            e.person.aliases.retain(|a| a != occ.surface);
            if !e.person.aliases.contains(&old) {
                e.person.aliases.push(old);
            }
            self.index(id, occ);
        } else if occ.surface != e.person.name && !e.person.aliases.iter().any(|a| a == occ.surface) {
            e.person.aliases.push(occ.surface.to_string());
        }
        let e = &mut self.entries[id];
        if e.person.role.is_none() {
            e.person.role.clone_from(&occ.role);
        }
        if let Some(h) = occ.cjk {
            if !e.person.aliases.iter().any(|a| a == h) && e.person.name != h {
                e.person.aliases.push(h.to_string());
            }
            self.forms.insert(h.to_string(), id);
        }
        if multi {
            self.forms.insert(lower, id);
        }
        Some(id)
    }

    fn index(&mut self, id: usize, occ: &Occ) {
        if let Some(k) = surname(&occ.parts, occ.family_first) {
            let ids = self.surnames.entry(k).or_default();
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        if occ.parts.len() >= 2 && !occ.family_first {
            let ids = self.givens.entry(occ.parts[0].to_lowercase()).or_default();
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        if let Some(k) = first_last(&occ.parts) {
            self.first_last.insert(k, id);
        }
        if occ.parts.len() >= 3 && !occ.family_first {
            let mut buf = String::new();
            for w in &occ.parts[1..occ.parts.len() - 1] {
                // "Le" of "Marine Le Pen" is no name of hers on its own.
                if super::lexicon::get().flags(w, &mut buf) & super::lexicon::PARTICLE != 0 {
                    continue;
                }
                let ids = self.inner.entry(w.to_lowercase()).or_default();
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
        // The trailing words of a longer name, as written: "Le Drian", "López Obrador",
        // "Lula da Silva".
        let words: Vec<&str> = occ.surface.split_whitespace().collect();
        if words.len() >= 3 {
            for from in 1..words.len() - 1 {
                if words[from].chars().next().is_some_and(char::is_uppercase) {
                    self.forms.entry(words[from..].join(" ").to_lowercase()).or_insert(id);
                }
            }
        }
    }

    /// Whether some person already has `word` as a surname.
    pub fn has_surname(&self, word: &str) -> bool {
        self.surnames.contains_key(&surname_key(word))
    }

    /// A Hangul form already tied to a person.
    pub fn cjk(&self, form: &str) -> Option<usize> {
        self.forms.get(form).copied()
    }

    /// Counts one more mention of `id` by a form it already has.
    pub fn mention(&mut self, id: usize) {
        self.clock += 1;
        let e = &mut self.entries[id];
        e.last_seen = self.clock;
        e.person.mentions += 1;
    }

    pub fn add_quote(&mut self, id: usize, quote: String) {
        self.entries[id].person.quotes.push(quote);
    }

    pub fn into_people(self) -> Vec<Person> {
        self.entries.into_iter().map(|e| e.person).collect()
    }
}
