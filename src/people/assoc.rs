//! Who appears with whom: one identity for a person across articles, and the score that says two
//! people are named together more often than chance would give. Both the library
//! (`store::persons`) and `--json` without a library (`people::index`) call these, so the two
//! agree.

use super::Person;
use crate::article::Article;

/// Fewer shared articles than this is no evidence of anything, whatever the ratio says.
pub const MIN_SHARED: u64 = 2;

/// The keys by which a person of one article is found across articles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameKeys {
    /// The name as written, then its multi-word and Hangul/Hanzi aliases, folded. A one-word
    /// alias (a surname) is never a key: across articles "Ban" says nothing about who it is.
    pub exact: Vec<String>,
    /// The name without its middle names and initials ("george bush" for "George W. Bush"),
    /// when that differs from the name: it joins only someone seen under exactly that name.
    pub derived: Option<String>,
}

/// A name lower-cased, accents folded, spaces collapsed: the form keys are compared in.
#[must_use]
pub fn key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut buf = String::new();
    for word in name.split_whitespace() {
        super::lexicon::fold(word, &mut buf);
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&buf);
    }
    out
}

fn has_cjk(s: &str) -> bool {
    s.chars().any(crate::store::is_cjk)
}

fn is_initial(word: &str) -> bool {
    let letters = word.trim_end_matches('.');
    letters.chars().count() == 1 || (word.ends_with('.') && letters.chars().count() <= 2)
}

/// The keys of `person` as one article gives them.
#[must_use]
pub fn name_keys(person: &Person) -> NameKeys {
    let mut exact = vec![key(&person.name)];
    for alias in &person.aliases {
        if alias.split_whitespace().count() >= 2 || has_cjk(alias) {
            let k = key(alias);
            if !exact.contains(&k) {
                exact.push(k);
            }
        }
    }
    let words: Vec<&str> = person.name.split_whitespace().collect();
    let main: Vec<&str> = words.iter().copied().filter(|w| !is_initial(w)).collect();
    let derived = match main.as_slice() {
        [first, .., last] if words.len() >= 3 => Some(key(&format!("{first} {last}"))),
        _ => None,
    }
    .filter(|d| !exact.contains(d));
    NameKeys { exact, derived }
}

/// The person `keys` belong to, given `lookup` (a key to its person and whether it was seen as
/// written): any exact key first, in order; the derived key only joins a name seen as written.
pub fn resolve<I>(keys: &NameKeys, mut lookup: impl FnMut(&str) -> Option<(I, bool)>) -> Option<I> {
    for k in &keys.exact {
        if let Some((id, _)) = lookup(k) {
            return Some(id);
        }
    }
    let derived = keys.derived.as_deref()?;
    lookup(derived).and_then(|(id, seen)| seen.then_some(id))
}

/// True when the article names `person` as its writer (the byline) or a credited reporter: the
/// sidebar's "(byline)" and "(credits)". They are in every story they write, which says nothing
/// about who they are associated with.
#[must_use]
pub fn is_writer(article: &Article, person: &Person) -> bool {
    article.byline.as_deref().is_some_and(|b| b.contains(person.name.as_str()))
        || article.credits.iter().any(|c| c.contains(person.name.as_str()))
}

fn xlogx(x: f64) -> f64 {
    if x > 0.0 { x * x.ln() } else { 0.0 }
}

/// Dunning's log-likelihood ratio G² that two people named in `a` and `b` of `n` articles, `shared`
/// of them together, appear together more than chance would give; `None` below
/// [`MIN_SHARED`] shared articles or at or below what chance gives.
#[must_use]
#[allow(clippy::cast_precision_loss)]
pub fn score(shared: u64, a: u64, b: u64, n: u64) -> Option<f64> {
    if shared < MIN_SHARED || shared > a.min(b) || a + b > n + shared {
        return None;
    }
    let (k11, k12, k21) = (shared as f64, (a - shared) as f64, (b - shared) as f64);
    let k22 = (n + shared - a - b) as f64;
    let n = n as f64;
    if k11 * n <= a as f64 * b as f64 {
        return None;
    }
    let cells = xlogx(k11) + xlogx(k12) + xlogx(k21) + xlogx(k22);
    let rows = xlogx(k11 + k12) + xlogx(k21 + k22);
    let cols = xlogx(k11 + k21) + xlogx(k12 + k22);
    Some(2.0 * (cells - rows - cols + xlogx(n)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str, aliases: &[&str]) -> Person {
        Person { name: name.into(), aliases: aliases.iter().map(|a| (*a).to_string()).collect(), ..Person::default() }
    }

    #[test]
    fn a_surname_is_no_key_but_a_full_or_hangul_alias_is() {
        let keys = name_keys(&person("Ban Ki-moon", &["Ban", "반기문", "Secretary-General Ban"]));
        assert_eq!(keys.exact, ["ban ki-moon", "반기문", "secretary-general ban"]);
        assert_eq!(keys.derived, None);
        let keys = name_keys(&person("George W. Bush", &["Bush"]));
        assert_eq!(keys.derived.as_deref(), Some("george bush"));
        assert_eq!(name_keys(&person("Élisabeth Borne", &[])).exact, ["elisabeth borne"]);
    }

    #[test]
    fn a_derived_key_joins_only_a_name_seen_as_written() {
        let keys = name_keys(&person("George H. W. Bush", &[]));
        assert_eq!(resolve(&keys, |k| (k == "george bush").then_some((1, true))), Some(1));
        assert_eq!(resolve(&keys, |k| (k == "george bush").then_some((1, false))), None);
    }

    #[test]
    fn together_more_than_chance_scores_and_by_chance_does_not() {
        // Always together in 10 of 1,000 articles: strong.
        let strong = score(10, 10, 10, 1_000).expect("associated");
        // Together in 10, each in 500 of 1,000: what chance gives (250 expected), nothing.
        assert_eq!(score(10, 500, 500, 1_000), None);
        // One shared article is below the minimum, however rare both are.
        assert_eq!(score(1, 1, 1, 1_000), None);
        let weaker = score(3, 10, 50, 1_000).expect("associated");
        assert!(strong > weaker && weaker > 0.0, "{strong} {weaker}");
    }
}
