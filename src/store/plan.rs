//! A filter or query turned into SQL: the full-text expressions and the conditions on articles.

use rusqlite::types::Value;

use super::query::{Clause, Flag, Query, Text};
use super::text::{cjk_runs, folded_words, is_cjk, pairs_phrase};
use super::{Filter, Order};

/// What to select: every part must hold. Deleted articles are always left out.
#[derive(Debug, Default)]
pub(crate) struct Plan {
    /// FTS5 expressions that must all match.
    matching: Vec<String>,
    /// FTS5 expressions none of which may match.
    excluding: Vec<String>,
    conditions: Vec<&'static str>,
    params: Vec<Value>,
}

/// The columns of a light row, and the tables they come from.
pub(crate) const ROW_COLUMNS: &str =
    "a.id, a.title, a.sort_date, a.place, a.agency, a.source, a.feed_id, s.read, s.starred, a.key";

/// bm25 weights, in the index's column order: title, deck, byline, body, credits, place, agency,
/// people, cjk. A headline match counts most.
const BM25: &str = "bm25(articles_fts, 5.0, 2.0, 1.0, 1.0, 0.5, 1.0, 1.0, 2.0, 1.0)";

impl Plan {
    pub(crate) fn for_filter(filter: &Filter, saved: impl FnOnce(i64) -> super::Result<Query>) -> super::Result<Self> {
        let mut plan = Self::default();
        match filter {
            Filter::All => {}
            Filter::Unread => plan.conditions.push("s.read = 0"),
            Filter::Starred => plan.conditions.push("s.starred = 1"),
            Filter::Feed(feed) => plan.condition("a.feed_id = ?", Value::Integer(*feed)),
            Filter::Person(name) => plan.condition(
                "a.key IN (SELECT article FROM people WHERE name = ? COLLATE NOCASE)",
                Value::Text(name.clone()),
            ),
            Filter::Saved(id) => return Ok(Self::for_query(&saved(*id)?)),
            Filter::Query(query) => return Ok(Self::for_query(query)),
        }
        Ok(plan)
    }

    pub(crate) fn for_query(query: &Query) -> Self {
        let mut plan = Self::default();
        for clause in &query.clauses {
            match clause {
                // Text with nothing the index holds ("--") finds nothing rather than everything.
                Clause::Has(text) => match text_expression(text) {
                    Some(expr) => plan.matching.push(expr),
                    None => plan.conditions.push("0"),
                },
                Clause::Lacks(text) => plan.excluding.extend(text_expression(text)),
                Clause::Person(v) => plan.column("people", v),
                Clause::Place(v) => plan.column("place", v),
                Clause::Agency(v) => plan.column("agency", v),
                Clause::Dated { from, to } => {
                    if let Some(from) = from {
                        plan.condition("a.sort_date >= ?", Value::Integer(*from));
                    }
                    if let Some(to) = to {
                        plan.condition("a.sort_date < ?", Value::Integer(*to));
                    }
                }
                Clause::Is(Flag::Unread) => plan.conditions.push("s.read = 0"),
                Clause::Is(Flag::Read) => plan.conditions.push("s.read = 1"),
                Clause::Is(Flag::Starred) => plan.conditions.push("s.starred = 1"),
            }
        }
        plan
    }

    /// `column` holds `value` as a phrase (`person:Kerry` finds "John Kerry").
    fn column(&mut self, column: &str, value: &str) {
        if folded_words(value).is_empty() && cjk_runs(value).next().is_none() {
            self.conditions.push("0");
        } else {
            self.matching.push(format!("{{{column}}} : {}", quote(value)));
        }
    }

    fn condition(&mut self, sql: &'static str, value: Value) {
        self.conditions.push(sql);
        self.params.push(value);
    }

    /// The full-text expression, when there is one: all of `matching`, none of `excluding`.
    fn match_expression(&self) -> Option<String> {
        let all = self.matching.iter().map(|e| format!("({e})")).collect::<Vec<_>>().join(" AND ");
        if all.is_empty() {
            return None;
        }
        match self.exclusion() {
            Some(none) => Some(format!("({all}) NOT ({none})")),
            None => Some(all),
        }
    }

    fn exclusion(&self) -> Option<String> {
        (!self.excluding.is_empty())
            .then(|| self.excluding.iter().map(|e| format!("({e})")).collect::<Vec<_>>().join(" OR "))
    }

    /// The WHERE clause and its parameters, with the full-text match as a subquery (no ranking).
    fn where_clause(&self) -> (String, Vec<Value>) {
        let mut parts = vec!["s.deleted = 0".to_string()];
        let mut params = Vec::new();
        if let Some(expr) = self.match_expression() {
            parts.push("a.key IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)".into());
            params.push(Value::Text(expr));
        } else if let Some(none) = self.exclusion() {
            parts.push("a.key NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)".into());
            params.push(Value::Text(none));
        }
        parts.extend(self.conditions.iter().map(|c| (*c).to_string()));
        params.extend(self.params.iter().cloned());
        (parts.join(" AND "), params)
    }

    /// True when the plan has words to rank by.
    pub(crate) fn ranks(&self) -> bool {
        !self.matching.is_empty()
    }

    /// The full-text expressions that must all match, each on its own.
    pub(crate) fn matching(&self) -> &[String] {
        &self.matching
    }

    /// The SELECT of light rows (and a score) for a page of this plan. `walk_dates`: the plan
    /// matches nearly every article, so a page by date walks the date index and keeps the
    /// matches (a page's worth of steps) rather than sorting every match by date.
    pub(crate) fn select(&self, order: Order, offset: usize, limit: usize, walk_dates: bool) -> (String, Vec<Value>) {
        let page = |params: &mut Vec<Value>| {
            params.push(Value::Integer(i64::try_from(limit).unwrap_or(i64::MAX)));
            params.push(Value::Integer(i64::try_from(offset).unwrap_or(i64::MAX)));
            " LIMIT ? OFFSET ?"
        };
        if order == Order::Relevance
            && let Some(expr) = self.match_expression()
        {
            let mut params = vec![Value::Text(expr)];
            let mut sql = format!(
                "SELECT {ROW_COLUMNS}, {BM25} AS score FROM articles_fts \
                 JOIN articles a ON a.key = articles_fts.rowid JOIN article_state s ON s.article = a.key \
                 WHERE articles_fts MATCH ? AND s.deleted = 0"
            );
            for c in &self.conditions {
                sql.push_str(" AND ");
                sql.push_str(c);
            }
            params.extend(self.params.iter().cloned());
            sql.push_str(" ORDER BY score, a.sort_date DESC, a.key DESC");
            sql.push_str(page(&mut params));
            return (sql, params);
        }
        let (clause, mut params) = self.where_clause();
        let direction = if order == Order::Oldest { "ASC" } else { "DESC" };
        let walk = if walk_dates { " INDEXED BY articles_by_date" } else { "" };
        let mut sql = format!(
            "SELECT {ROW_COLUMNS}, 0.0 AS score FROM articles a{walk} JOIN article_state s ON s.article = a.key \
             WHERE {clause} ORDER BY a.sort_date {direction}, a.key {direction}"
        );
        sql.push_str(page(&mut params));
        (sql, params)
    }

    /// The best `k` article keys and their bm25 scores, from the index alone (no conditions).
    pub(crate) fn top_scores(&self, k: usize) -> Option<(String, Vec<Value>)> {
        let expr = self.match_expression()?;
        let sql = format!(
            "SELECT rowid, {BM25} AS score FROM articles_fts WHERE articles_fts MATCH ? ORDER BY score LIMIT ?"
        );
        Some((sql, vec![Value::Text(expr), Value::Integer(i64::try_from(k).unwrap_or(i64::MAX))]))
    }

    /// The light row of one article (its key the first parameter) if it meets the conditions.
    pub(crate) fn row_by_key(&self, key: i64) -> (String, Vec<Value>) {
        let mut sql = format!(
            "SELECT {ROW_COLUMNS}, 0.0 AS score FROM articles a JOIN article_state s ON s.article = a.key \
             WHERE a.key = ? AND s.deleted = 0"
        );
        for c in &self.conditions {
            sql.push_str(" AND ");
            sql.push_str(c);
        }
        let mut params = vec![Value::Integer(key)];
        params.extend(self.params.iter().cloned());
        (sql, params)
    }

    pub(crate) fn count(&self) -> (String, Vec<Value>) {
        let (clause, params) = self.where_clause();
        (format!("SELECT COUNT(*) FROM articles a JOIN article_state s ON s.article = a.key WHERE {clause}"), params)
    }
}

/// A string for an FTS5 expression: in double quotes, any inside doubled.
fn quote(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// The FTS5 expression for a word, prefix or phrase: its Latin (etc.) words as a phrase, and each
/// CJK run as the phrase of its pairs; `None` when it has nothing the index holds ("--").
fn text_expression(text: &Text) -> Option<String> {
    let (value, prefix) = match text {
        Text::Word(w) | Text::Phrase(w) => (w, false),
        Text::Prefix(w) => (w, true),
    };
    let mut parts = Vec::new();
    let plain: String = value.chars().map(|c| if is_cjk(c) { ' ' } else { c }).collect();
    let words = folded_words(&plain);
    if !words.is_empty() {
        // A prefix star applies to the last word, unless the value ends in CJK text.
        let star = prefix && !value.chars().last().is_some_and(is_cjk);
        parts.push(format!("{}{}", quote(&words.join(" ")), if star { " *" } else { "" }));
    }
    for run in cjk_runs(value) {
        if run.chars().count() >= 2 {
            parts.push(quote(&pairs_phrase(run)));
        } else {
            // A single character: the runs that start with it.
            parts.push(format!("{} *", quote(run)));
        }
    }
    (!parts.is_empty()).then(|| parts.join(" AND "))
}
