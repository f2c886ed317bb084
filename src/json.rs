//! `cyberreader --json`: everything parsed, as one JSON document for scripts. From a library,
//! each article also carries what the user did with it (`read`, `starred`, `position`); from
//! `cyberreader search`, its snippet.

use std::collections::HashMap;

use serde::Serialize;

use crate::article::{Article, ArticleId};
use crate::people::{self, Person, PersonSummary};
use crate::store::{ArticleState, Snippet};
use rayon::prelude::*;

#[derive(Serialize)]
struct Output<'a> {
    articles: Vec<ArticleOut<'a>>,
    people: Vec<PersonSummary>,
}

/// One article as `--json` gives it: its fields, then its people, then its state and snippet
/// when there are.
#[derive(Serialize)]
struct ArticleOut<'a> {
    #[serde(flatten)]
    article: &'a Article,
    people: &'a [Person],
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    state: Option<StateOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    snippet: Option<SnippetOut<'a>>,
}

/// What the library keeps of the user's reading of an article.
#[derive(Serialize)]
struct StateOut {
    read: bool,
    starred: bool,
    /// Where the reader was: the text block at the top of the article pane and the byte in it
    /// (0 and 0: the top).
    position: PositionOut,
}

#[derive(Serialize)]
struct PositionOut {
    block: u32,
    offset: u32,
}

/// A search's snippet: its text and the byte ranges of it that matched.
#[derive(Serialize)]
struct SnippetOut<'a> {
    text: &'a str,
    matches: Vec<[usize; 2]>,
}

impl From<&ArticleState> for StateOut {
    fn from(s: &ArticleState) -> Self {
        Self {
            read: s.read,
            starred: s.starred,
            position: PositionOut { block: s.position.block, offset: s.position.offset },
        }
    }
}

impl<'a> From<&'a Snippet> for SnippetOut<'a> {
    fn from(s: &'a Snippet) -> Self {
        Self { text: &s.text, matches: s.matches.iter().map(|r| [r.start, r.end]).collect() }
    }
}

/// Writes the JSON document for `articles` to `out` as it is serialised, so that the document
/// (larger than the articles) is never held in memory; people are extracted in parallel first.
///
/// # Errors
/// When `out` cannot be written to.
pub fn write(articles: &[Article], out: impl std::io::Write) -> serde_json::Result<()> {
    write_with_states(articles, None, out)
}

/// [`write`], each article with its state in the library when `states` is given (an article the
/// library does not have is unread, unstarred, at the top).
///
/// # Errors
/// When `out` cannot be written to.
pub fn write_with_states(
    articles: &[Article],
    states: Option<&HashMap<ArticleId, ArticleState>>,
    out: impl std::io::Write,
) -> serde_json::Result<()> {
    let people: Vec<Vec<Person>> = articles.par_iter().map(people::extract_with_mentions).collect();
    let unknown = ArticleState::default();
    let out_articles = articles
        .iter()
        .zip(&people)
        .map(|(article, people)| ArticleOut {
            article,
            people,
            state: states.map(|s| StateOut::from(s.get(&article.id).unwrap_or(&unknown))),
            snippet: None,
        })
        .collect();
    write_doc(Output { articles: out_articles, people: people::index(articles, &people) }, out)
}

/// One article of the document, with what is known of it.
pub struct Found<'a> {
    pub article: &'a Article,
    pub people: &'a [Person],
    pub state: Option<&'a ArticleState>,
    pub snippet: Option<&'a Snippet>,
}

/// Writes the document for `found`, in its order (a search's: best first), its people as
/// the library kept them.
///
/// # Errors
/// When `out` cannot be written to.
pub fn write_found(found: &[Found<'_>], out: impl std::io::Write) -> serde_json::Result<()> {
    // The index wants the articles and their people side by side; a search's are few.
    let articles: Vec<Article> = found.iter().map(|f| f.article.clone()).collect();
    let people: Vec<Vec<Person>> = found.iter().map(|f| f.people.to_vec()).collect();
    let doc = Output {
        articles: found
            .iter()
            .map(|f| ArticleOut {
                article: f.article,
                people: f.people,
                state: f.state.map(StateOut::from),
                snippet: f.snippet.map(SnippetOut::from),
            })
            .collect(),
        people: people::index(&articles, &people),
    };
    write_doc(doc, out)
}

/// Writes `doc` as it is serialised, so that the text (larger than the articles) is never held
/// in memory.
fn write_doc(doc: Output<'_>, out: impl std::io::Write) -> serde_json::Result<()> {
    use std::io::Write as _;
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    serde_json::to_writer_pretty(&mut out, &doc)?;
    out.write_all(b"\n").map_err(serde_json::Error::io)?;
    out.flush().map_err(serde_json::Error::io)
}
