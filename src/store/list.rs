//! The article list, page by page, and its counts.

use rusqlite::{Row, params_from_iter};

use super::error::Result;
use super::plan::Plan;
use super::sqlite::SqliteStore;
use super::{ArticleRow, Counts, Filter, Order, Query, StoreError};
use crate::article::ArticleId;

/// The smallest library (in articles, deleted ones included, as FTS5 counts them) in which a
/// search for words in nearly every article is ordered newest first: see
/// `SqliteStore::in_nearly_every_article`.
pub(crate) const FLAT_LIBRARY: i64 = 10_000;

/// The fewest of `total` that are nine in ten.
fn nine_tenths(total: i64) -> i64 {
    (total * 9 + 9) / 10
}

/// A light row and, after it, its article key and score.
pub(crate) fn light_row(r: &Row<'_>) -> rusqlite::Result<(ArticleRow, i64, f64)> {
    let row = ArticleRow {
        id: ArticleId::from_stored(r.get(0)?),
        title: r.get(1)?,
        date: r.get(2)?,
        place: r.get(3)?,
        agency: r.get(4)?,
        source: r.get(5)?,
        feed: r.get(6)?,
        read: r.get(7)?,
        starred: r.get(8)?,
    };
    Ok((row, r.get(9)?, r.get(10)?))
}

impl SqliteStore {
    pub(crate) fn plan(&self, filter: &Filter) -> Result<Plan> {
        Plan::for_filter(filter, |id| self.saved_query(id))
    }

    fn saved_query(&self, id: i64) -> Result<Query> {
        let text: Option<String> = rusqlite::OptionalExtension::optional(self.conn.query_row(
            "SELECT query FROM saved_searches WHERE id = ?1",
            [id],
            |r| r.get(0),
        ))
        .map_err(|e| self.err(e))?;
        let text = text.ok_or(StoreError::NoSuchSavedSearch(id))?;
        Ok(super::query::parse(&text)?)
    }

    /// Rows of `plan` with their keys and scores.
    pub(crate) fn rows(
        &self,
        plan: &Plan,
        order: Order,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<(ArticleRow, i64, f64)>> {
        let common = plan.ranks() && self.in_nearly_every_article(plan)?;
        // bm25 is flat then: see `in_nearly_every_article`.
        let order = if common && order == Order::Relevance { Order::Newest } else { order };
        if order == Order::Relevance
            && let Some(rows) = self.ranked_from_index(plan, offset, limit)?
        {
            return Ok(rows);
        }
        self.rows_by_sql(plan, order, offset, limit, common)
    }

    /// True when every full-text expression of `plan` matches nearly every article of a large
    /// library. Then bm25 is flat, so a search by relevance gives its matches as the ties they
    /// are, newest first; and a page by date walks the date index.
    ///
    /// Why this is still ranking by bm25: a phrase in at least half the articles has an IDF of
    /// log((N - n + 0.5) / (n + 0.5)) <= 0, which FTS5's bm25 floors at 1e-6, so it adds less
    /// than 1e-6 * (k1 + 1) = 2.2e-6 to any article's score: all matches score within a few
    /// millionths of each other, a difference made of how often the word recurs and how long
    /// the article is, not of what it is about. Taking those as ties is what "newer first on
    /// ties" asks for. It is only done where the exact order costs the most and says the
    /// least: each expression matching at least 9 in 10 articles (so a word in a bare
    /// majority, where a headline match still moves the order, keeps it) of a library of at
    /// least [`FLAT_LIBRARY`] articles (smaller ones rank exactly: bm25 over all of them is
    /// cheap). The cost it saves is bm25's per-match work (positions and the row's size), about
    /// 1.5 µs for each of the 100,000 matches of a word in every article.
    fn in_nearly_every_article(&self, plan: &Plan) -> Result<bool> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT COUNT(*) FROM (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ?1 LIMIT ?2)")
            .map_err(|e| self.err(e))?;
        // Whether each expression matches at least `enough` articles: counting stops there.
        let mut all_match = |enough: i64| -> Result<bool> {
            for expr in plan.matching() {
                let n: i64 = stmt.query_row(rusqlite::params![expr, enough], |r| r.get(0)).map_err(|e| self.err(e))?;
                if n < enough {
                    return Ok(false);
                }
            }
            Ok(true)
        };
        // Nine in ten of the smallest library it applies to: a rarer word stops here, at the
        // cost of its own matches, without counting the library.
        if !all_match(nine_tenths(FLAT_LIBRARY))? {
            return Ok(false);
        }
        let total: i64 = self
            .conn
            .prepare_cached("SELECT COUNT(*) FROM articles")
            .and_then(|mut s| s.query_row([], |r| r.get(0)))
            .map_err(|e| self.err(e))?;
        Ok(total >= FLAT_LIBRARY && all_match(nine_tenths(total))?)
    }

    /// The ranked page found by taking the best-scored keys from the index first, then their rows:
    /// a word in every article then costs its scores, not a join and sort of every article.
    /// `None` when the conditions dropped too many of them, or a tie straddles the cut, to be sure
    /// of the page this way.
    fn ranked_from_index(
        &self,
        plan: &Plan,
        offset: usize,
        limit: usize,
    ) -> Result<Option<Vec<(ArticleRow, i64, f64)>>> {
        let want = offset.saturating_add(limit);
        let k = want.saturating_mul(2).saturating_add(100);
        let Some((sql, params)) = plan.top_scores(k) else { return Ok(None) };
        let mut stmt = self.conn.prepare_cached(&sql).map_err(|e| self.err(e))?;
        let scored = stmt
            .query_map(params_from_iter(params), |r| Ok((r.get::<_, i64>(0)?, r.get::<_, f64>(1)?)))
            .map_err(|e| self.err(e))?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.err(e))?;
        let mut rows = Vec::with_capacity(scored.len());
        for &(key, score) in &scored {
            let (sql, params) = plan.row_by_key(key);
            let mut stmt = self.conn.prepare_cached(&sql).map_err(|e| self.err(e))?;
            let row = rusqlite::OptionalExtension::optional(stmt.query_row(params_from_iter(params), light_row))
                .map_err(|e| self.err(e))?;
            if let Some((row, key, _)) = row {
                rows.push((row, key, score));
            }
        }
        rows.sort_by(|a, b| a.2.total_cmp(&b.2).then(b.0.date.cmp(&a.0.date)).then(b.1.cmp(&a.1)));
        if scored.len() == k {
            let last = scored.last().map(|s| s.1);
            let edge = rows.get(want.saturating_sub(1)).map(|r| r.2);
            if rows.len() < want || edge == last {
                return Ok(None);
            }
        }
        Ok(Some(rows.into_iter().skip(offset).take(limit).collect()))
    }

    fn rows_by_sql(
        &self,
        plan: &Plan,
        order: Order,
        offset: usize,
        limit: usize,
        walk_dates: bool,
    ) -> Result<Vec<(ArticleRow, i64, f64)>> {
        let (sql, params) = plan.select(order, offset, limit, walk_dates);
        let mut stmt = self.conn.prepare_cached(&sql).map_err(|e| self.err(e))?;
        let rows = stmt.query_map(params_from_iter(params), light_row).map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<Vec<_>>>().map_err(|e| self.err(e))
    }

    pub(crate) fn articles_page_impl(
        &self,
        filter: &Filter,
        order: Order,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<ArticleRow>> {
        let plan = self.plan(filter)?;
        Ok(self.rows(&plan, order, offset, limit)?.into_iter().map(|(row, _, _)| row).collect())
    }

    pub(crate) fn count_impl(&self, filter: &Filter) -> Result<usize> {
        let (sql, params) = self.plan(filter)?.count();
        let n: i64 = self
            .conn
            .prepare_cached(&sql)
            .and_then(|mut s| s.query_row(params_from_iter(params), |r| r.get(0)))
            .map_err(|e| self.err(e))?;
        Ok(usize::try_from(n).unwrap_or(0))
    }

    pub(crate) fn counts_impl(&self) -> Result<Counts> {
        let (total, unread, starred): (i64, i64, i64) = self
            .conn
            .query_row(
                "SELECT COUNT(*), COALESCE(SUM(read = 0), 0), COALESCE(SUM(starred), 0) \
                 FROM article_state WHERE deleted = 0",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .map_err(|e| self.err(e))?;
        let n = |v: i64| usize::try_from(v).unwrap_or(0);
        Ok(Counts { total: n(total), unread: n(unread), starred: n(starred) })
    }
}
