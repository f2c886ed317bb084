//! People named in articles: who they are, what they are called, how often, and what they said.

use serde::Serialize;

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
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PersonSummary {
    pub name: String,
    pub roles: Vec<String>,
    /// Ids of the articles that name them, in load order.
    pub articles: Vec<crate::article::ArticleId>,
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

/// The forms of a person's name the text uses: the name, then its aliases.
#[must_use]
pub fn mention_forms(person: &Person) -> Vec<&str> {
    std::iter::once(person.name.as_str()).chain(person.aliases.iter().map(String::as_str)).collect()
}
