//! Searching the library: the plan's rows, then a snippet for each from the stored text.

use super::error::Result;
use super::plan::Plan;
use super::query::{Clause, Query, Text};
use super::sqlite::SqliteStore;
use super::text::{Needle, cjk_runs, find_matches, folded_words, is_cjk, snippet};
use super::{Order, SearchHit};

/// What to highlight for `query`: its words, prefixes and phrases, and the people it names.
pub(crate) fn needles(query: &Query) -> Vec<Needle> {
    let mut out = Vec::new();
    for clause in &query.clauses {
        let (value, prefix) = match clause {
            Clause::Has(Text::Word(w) | Text::Phrase(w)) | Clause::Person(w) => (w, false),
            Clause::Has(Text::Prefix(w)) => (w, true),
            _ => continue,
        };
        let plain: String = value.chars().map(|c| if is_cjk(c) { ' ' } else { c }).collect();
        let words = folded_words(&plain);
        if !words.is_empty() {
            out.push(Needle::Words { words, prefix });
        }
        out.extend(cjk_runs(value).map(|run| Needle::Cjk(run.to_string())));
    }
    out
}

impl SqliteStore {
    pub(crate) fn search_impl(&self, query: &Query, order: Order, limit: usize) -> Result<Vec<SearchHit>> {
        if query.is_empty() {
            return Ok(Vec::new());
        }
        let plan = Plan::for_query(query);
        let order = if order == Order::Relevance && !plan.ranks() { Order::Newest } else { order };
        let rows = self.rows(&plan, order, 0, limit)?;
        let needles = needles(query);
        let mut stmt = self
            .conn
            // The full text, when one is kept, is what the reader shows and the index holds.
            .prepare_cached(
                "SELECT COALESCE(f.paragraphs, t.paragraphs) FROM article_text t JOIN articles a ON a.key = t.article \
                 LEFT JOIN full_texts f ON f.id = a.id WHERE t.article = ?1",
            )
            .map_err(|e| self.err(e))?;
        let mut hits = Vec::with_capacity(rows.len());
        for (row, key, score) in rows {
            let json: String = stmt.query_row([key], |r| r.get(0)).map_err(|e| self.err(e))?;
            let paragraphs: Vec<String> = serde_json::from_str(&json).map_err(|e| self.json_err(e))?;
            let title_matches = find_matches(&row.title, &needles);
            hits.push(SearchHit { snippet: snippet(&paragraphs, &needles), title_matches, score, row });
        }
        Ok(hits)
    }
}
