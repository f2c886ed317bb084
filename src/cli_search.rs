//! `cyberreader search QUERY`: the library searched from a script or a shell, best first. It
//! reads the library without writing it; a library not made yet is the bundled articles, as
//! the reader would show them.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use crate::app::library;
use crate::json::{self, Found};
use crate::store::{Order, SearchHit, Store, query};

use super::{clean, say};

/// What `search` was asked.
pub(super) struct Search<'a> {
    pub words: &'a [String],
    pub json: bool,
    /// The most articles printed; 0 for all.
    pub limit: usize,
}

/// Runs the search on the library at `db`: 0 when something was found, 1 when nothing was, 2
/// when the query cannot be parsed or the library cannot be read.
pub(super) fn run(search: &Search<'_>, db: &Path) -> ExitCode {
    let text = search.words.join(" ");
    let query = match query::parse(&text) {
        Ok(q) if q.is_empty() => {
            say("nothing to search for: give words, \"a phrase\", or a field such as person:NAME");
            return ExitCode::from(2);
        }
        Ok(q) => q,
        Err(e) => {
            say(&format!("the query cannot be understood: {e}"));
            // The query again, and a mark under where it went wrong.
            let before = text.get(..e.pos).unwrap_or(&text);
            let column = crate::text::columns(&clean(before));
            let _ = writeln!(io::stderr(), "  {}\n  {}^", clean(&text), " ".repeat(column));
            return ExitCode::from(2);
        }
    };
    let opened = library::open(db, false);
    if let Some(w) = &opened.warning {
        say(w);
    }
    let Some(mut store) = opened.store else { return ExitCode::from(2) };
    // A library not made yet, or `:memory:`, is the bundled articles (nothing is written).
    if store.path() == Path::new(":memory:")
        && let Err(e) = library::add_bundled_once(&mut store)
    {
        say(&e.to_string());
        return ExitCode::from(2);
    }
    let limit = if search.limit == 0 { usize::MAX } else { search.limit };
    let hits = match store.search(&query, Order::Relevance, limit) {
        Ok(hits) => hits,
        Err(e) => {
            say(&e.to_string());
            return ExitCode::from(2);
        }
    };
    let written = if search.json { write_json(&store, &hits) } else { write_text(&hits) };
    match written {
        Ok(()) if hits.is_empty() => ExitCode::from(1),
        Ok(()) => ExitCode::SUCCESS,
        // `| head` closed the pipe: not worth a message.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            say(&format!("could not write to standard output: {e}"));
            ExitCode::from(2)
        }
    }
}

/// Each article found: headline; date, place, agency and source; the snippet; its id.
fn write_text(hits: &[SearchHit]) -> io::Result<()> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    for (n, hit) in hits.iter().enumerate() {
        if n > 0 {
            writeln!(out)?;
        }
        let row = &hit.row;
        let date = chrono::DateTime::from_timestamp(row.date, 0)
            .map(|d| d.with_timezone(&chrono::Local).format("%Y-%m-%d").to_string());
        let about: Vec<String> =
            [date, row.place.clone(), row.agency.clone(), Some(row.source.clone())].into_iter().flatten().collect();
        writeln!(out, "{}", one_line(&row.title))?;
        writeln!(out, "  {}", one_line(&about.join(" · ")))?;
        if !hit.snippet.text.trim().is_empty() {
            writeln!(out, "  {}", one_line(&hit.snippet.text))?;
        }
        writeln!(out, "  id: {}", one_line(row.id.as_str()))?;
    }
    out.flush()
}

/// Untrusted text on one line, with nothing in it the terminal would take as a command.
fn one_line(text: &str) -> String {
    clean(text).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The `--json` document of the articles found, each with its state and snippet.
fn write_json(store: &dyn Store, hits: &[SearchHit]) -> io::Result<()> {
    let mut stored = Vec::with_capacity(hits.len());
    for hit in hits {
        match store.article(&hit.row.id) {
            Ok(Some(a)) => stored.push((a, &hit.snippet)),
            // Deleted between the search and now by another cyberreader: left out.
            Ok(None) => {}
            Err(e) => return Err(io::Error::other(e.to_string())),
        }
    }
    let found: Vec<Found<'_>> = stored
        .iter()
        .map(|(a, snippet)| Found {
            article: &a.article,
            people: &a.people,
            state: Some(&a.state),
            snippet: Some(snippet),
        })
        .collect();
    json::write_found(&found, io::stdout().lock()).map_err(|e| match e.io_error_kind() {
        Some(kind) => io::Error::new(kind, e.to_string()),
        None => io::Error::other(e.to_string()),
    })
}
