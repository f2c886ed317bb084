//! People across articles: one entry per person, merged by full name, or by an alias that
//! exactly one known full name has.

use super::{Person, PersonSummary};
use crate::article::Article;
use std::collections::HashMap;

fn words(name: &str) -> Vec<&str> {
    name.split_whitespace().collect()
}

/// Keys by which a full name may be referred to elsewhere: its aliases, first and last
/// word, and "first last" for longer names.
fn alias_keys(p: &Person) -> Vec<String> {
    let w = words(&p.name);
    let mut keys: Vec<String> = p.aliases.iter().map(|a| a.to_lowercase()).collect();
    if let (Some(first), Some(last)) = (w.first(), w.last()) {
        keys.push(first.to_lowercase());
        keys.push(last.to_lowercase());
        if w.len() >= 3 {
            keys.push(format!("{} {}", first.to_lowercase(), last.to_lowercase()));
        }
    }
    keys
}

pub fn build(articles: &[Article], people: &[Vec<Person>]) -> Vec<PersonSummary> {
    // Full names (two words or more), and which full names each alias points to.
    let mut full: HashMap<String, &str> = HashMap::new();
    let mut alias_to: HashMap<String, Vec<String>> = HashMap::new();
    for p in people.iter().flatten() {
        if words(&p.name).len() < 2 {
            continue;
        }
        let key = p.name.to_lowercase();
        full.entry(key.clone()).or_insert(&p.name);
        for a in alias_keys(p) {
            if a == key {
                continue;
            }
            let to = alias_to.entry(a).or_default();
            if !to.contains(&key) {
                to.push(key.clone());
            }
        }
    }
    let mut out: Vec<PersonSummary> = Vec::new();
    let mut slot: HashMap<String, usize> = HashMap::new();
    for (article, ps) in articles.iter().zip(people) {
        for p in ps {
            let own = p.name.to_lowercase();
            let key = if full.contains_key(&own) {
                own
            } else {
                match alias_to.get(&own) {
                    Some(to) if to.len() == 1 => to[0].clone(),
                    _ => own,
                }
            };
            let i = *slot.entry(key.clone()).or_insert_with(|| {
                let name = full.get(&key).map_or_else(|| p.name.clone(), |n| (*n).to_string());
                out.push(PersonSummary { name, ..PersonSummary::default() });
                out.len() - 1
            });
            let s = &mut out[i];
            if let Some(r) = &p.role
                && !s.roles.contains(r)
            {
                s.roles.push(r.clone());
            }
            if s.articles.last() != Some(&article.id) {
                s.articles.push(article.id.clone());
            }
        }
    }
    out
}
