//! `cyberreader --json`: everything parsed, as one JSON document for scripts.

use serde::Serialize;

use crate::article::Article;
use crate::people::{self, Person, PersonSummary};
use rayon::prelude::*;

#[derive(Serialize)]
struct Output<'a> {
    articles: Vec<ArticleOut<'a>>,
    people: Vec<PersonSummary>,
}

#[derive(Serialize)]
struct ArticleOut<'a> {
    #[serde(flatten)]
    article: &'a Article,
    people: Vec<Person>,
}

/// The JSON document for `articles`, people extracted in parallel.
///
/// # Errors
/// Only if serialisation fails, which plain strings and numbers do not.
pub fn render(articles: &[Article]) -> serde_json::Result<String> {
    let people: Vec<Vec<Person>> = articles.par_iter().map(people::extract).collect();
    let index = people::index(articles, &people);
    let out = Output {
        articles: articles.iter().zip(people).map(|(article, people)| ArticleOut { article, people }).collect(),
        people: index,
    };
    let mut text = serde_json::to_string_pretty(&out)?;
    text.push('\n');
    Ok(text)
}
