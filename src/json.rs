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

/// One article as `--json` gives it: its fields, then its people.
#[derive(Serialize)]
struct ArticleOut<'a> {
    #[serde(flatten)]
    article: &'a Article,
    people: &'a [Person],
}

/// Writes the JSON document for `articles` to `out` as it is serialised, so that the document
/// (larger than the articles) is never held in memory; people are extracted in parallel first.
///
/// # Errors
/// When `out` cannot be written to.
pub fn write(articles: &[Article], out: impl std::io::Write) -> serde_json::Result<()> {
    use std::io::Write as _;
    let people: Vec<Vec<Person>> = articles.par_iter().map(people::extract_with_mentions).collect();
    let doc = Output {
        articles: articles.iter().zip(&people).map(|(article, people)| ArticleOut { article, people }).collect(),
        people: people::index(articles, &people),
    };
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    serde_json::to_writer_pretty(&mut out, &doc)?;
    out.write_all(b"\n").map_err(serde_json::Error::io)?;
    out.flush().map_err(serde_json::Error::io)
}
