//! People across articles: one entry per person, merged by full name, or by an alias that
//! exactly one known full name has.

use super::{Associated, Person, PersonSummary, RoleSeen, assoc};
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
    // For each article, the people it names other than as writer, for the association scores.
    let mut cited: Vec<Vec<usize>> = Vec::with_capacity(articles.len());
    for (article, ps) in articles.iter().zip(people) {
        let mut here = Vec::new();
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
            if !assoc::is_writer(article, p) && !here.contains(&i) {
                here.push(i);
            }
            let s = &mut out[i];
            if let Some(r) = &p.role {
                if !s.roles.contains(r) {
                    s.roles.push(r.clone());
                }
                see(&mut s.roles_seen, r, article.published);
            }
            if s.articles.last() != Some(&article.id) {
                s.articles.push(article.id.clone());
            }
        }
        cited.push(here);
    }
    associate(&mut out, &cited);
    out
}

fn see(seen: &mut Vec<RoleSeen>, role: &str, date: Option<i64>) {
    let i = seen.iter().position(|s| s.role == role).unwrap_or_else(|| {
        seen.push(RoleSeen { role: role.to_string(), first: date, last: date });
        seen.len() - 1
    });
    let s = &mut seen[i];
    s.first = s.first.min(date).or(s.first).or(date);
    s.last = s.last.max(date);
}

/// How many associates each person gets in `--json`.
const ASSOCIATES: usize = 20;

/// Scores every pair named together (`cited[a]`: the people article `a` names, writers left
/// out) with the library's scoring function.
fn associate(out: &mut [PersonSummary], cited: &[Vec<usize>]) {
    let n = cited.len() as u64;
    let mut alone = vec![0_u64; out.len()];
    let mut pairs: HashMap<(usize, usize), u64> = HashMap::new();
    for here in cited {
        for (k, &a) in here.iter().enumerate() {
            alone[a] += 1;
            for &b in &here[k + 1..] {
                *pairs.entry((a.min(b), a.max(b))).or_default() += 1;
            }
        }
    }
    let mut found: Vec<Vec<(usize, f64)>> = vec![Vec::new(); out.len()];
    for (&(a, b), &shared) in &pairs {
        if let Some(score) = assoc::score(shared, alone[a], alone[b], n) {
            found[a].push((b, score));
            found[b].push((a, score));
        }
    }
    for (i, mut list) in found.into_iter().enumerate() {
        list.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        list.truncate(ASSOCIATES);
        out[i].associated =
            list.into_iter().map(|(j, score)| Associated { name: out[j].name.clone(), score }).collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::ArticleId;

    fn who(name: &str, role: Option<&str>) -> Person {
        Person { name: name.into(), role: role.map(Into::into), mentions: 1, ..Person::default() }
    }

    #[test]
    fn json_people_have_role_dates_and_the_same_associates_as_the_library() {
        let mut articles = Vec::new();
        let mut people = Vec::new();
        for n in 1..=20_i64 {
            articles.push(Article {
                id: ArticleId::from_stored(format!("file:/{n}")),
                byline: (n <= 6).then(|| "By Jane Writer".to_string()),
                published: Some(n * 100),
                ..Article::default()
            });
            let mut here = Vec::new();
            if n <= 6 {
                here.push(who("Yun Byung-se", Some(if n <= 3 { "Foreign Minister" } else { "Prime Minister" })));
                here.push(who("Jane Writer", None));
            }
            if n <= 5 {
                here.push(who("Kang Kyung-wha", None));
            }
            if n % 2 == 0 {
                here.push(who("Everyone Else", None));
            }
            people.push(here);
        }
        let all = build(&articles, &people);
        let yun = all.iter().find(|p| p.name == "Yun Byung-se").expect("Yun");
        assert_eq!(
            yun.roles_seen,
            [
                RoleSeen { role: "Foreign Minister".into(), first: Some(100), last: Some(300) },
                RoleSeen { role: "Prime Minister".into(), first: Some(400), last: Some(600) },
            ]
        );
        assert_eq!(yun.associated.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(), ["Kang Kyung-wha"]);
        assert_eq!(yun.associated[0].score, assoc::score(5, 6, 5, 20).expect("scored"));
        let writer = all.iter().find(|p| p.name == "Jane Writer").expect("writer");
        assert!(writer.associated.is_empty());
    }
}
