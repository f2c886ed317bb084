//! People named in articles: who they are, what they are called, how often, and what they said.

use serde::Serialize;

pub mod assoc;
mod candidate;
mod extract;
mod index;
mod lexicon;
mod lists;
mod names;
mod quotes;
mod registry;
mod roles;
mod tokens;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_seed;
#[cfg(test)]
mod tests_unseen;

/// A person one article names.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Person {
    /// The fullest form of the name the article uses.
    pub name: String,
    /// The title or description the article gives them, if any.
    pub role: Option<String>,
    /// Every reference by name (full name, surname, title + surname).
    pub mentions: usize,
    /// The other forms of the name the article uses ("Ban" for "Ban Ki-moon").
    pub aliases: Vec<String>,
    /// Speech in quotation marks attributed to them.
    pub quotes: Vec<String>,
}

/// A person across all loaded articles.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PersonSummary {
    pub name: String,
    pub roles: Vec<String>,
    /// Ids of the articles that name them, in load order.
    pub articles: Vec<crate::article::ArticleId>,
    /// Each role with the dates (unix seconds) of the first and last article giving it.
    pub roles_seen: Vec<RoleSeen>,
    /// The people named with them more than chance would give (`assoc::score`), best first.
    pub associated: Vec<Associated>,
}

/// A role and when it was seen.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct RoleSeen {
    pub role: String,
    pub first: Option<i64>,
    pub last: Option<i64>,
}

/// Someone named with a person more than chance would give.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Associated {
    pub name: String,
    pub score: f64,
}

/// The people an article names, in order of first appearance.
#[must_use]
pub fn extract(article: &crate::article::Article) -> Vec<Person> {
    extract::extract(article)
}

/// Everyone across `articles`, each once; `people[i]` are the people of `articles[i]`.
#[must_use]
pub fn index(articles: &[crate::article::Article], people: &[Vec<Person>]) -> Vec<PersonSummary> {
    index::build(articles, people)
}

/// The people an article names, each with `mentions` counted as [`mentions_in`] finds them in
/// the text the reader shows: what the sidebar, the quotes, the status bar, `n` and `--json`
/// all report.
#[must_use]
pub fn extract_with_mentions(article: &crate::article::Article) -> Vec<Person> {
    let mut people = extract(article);
    let doc = crate::text::Doc::from_article(article);
    for person in &mut people {
        person.mentions = mentions_in(&doc, person).len();
    }
    people
}

/// Where `person` is mentioned in `doc`: each whole-word use of their name or an alias (the
/// longer form where two overlap), in the headline, byline, body and credits alike. The one
/// definition of a mention: the count shown anywhere is the number of these, and `n` walks them.
#[must_use]
pub fn mentions_in(doc: &crate::text::Doc, person: &Person) -> Vec<crate::text::Match> {
    crate::text::find_words(doc, &mention_forms(person))
}

/// The forms of a person's name the text uses: the name, then its aliases.
#[must_use]
pub fn mention_forms(person: &Person) -> Vec<&str> {
    std::iter::once(person.name.as_str()).chain(person.aliases.iter().map(String::as_str)).collect()
}
