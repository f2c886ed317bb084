//! The people list and a person's page, read from the counts and indexes `persons` keeps.

use rusqlite::{OptionalExtension as _, params};

use super::error::Result;
use super::persons::{PersonId, strings};
use super::sqlite::SqliteStore;
use crate::article::ArticleId;
use crate::people::assoc;

/// How the people list is ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum PeopleSort {
    /// Most articles first.
    #[default]
    Articles,
    Mentions,
    /// Most recently in the news first.
    Recency,
    Name,
}

/// A line of the people list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonRow {
    pub id: PersonId,
    pub name: String,
    /// Articles naming them (deleted ones left out).
    pub articles: usize,
    pub mentions: usize,
    /// The role the latest article giving one gives.
    pub role: Option<String>,
    /// The sorting date of the latest article naming them, unix seconds.
    pub last_seen: Option<i64>,
    pub unread: usize,
}

/// A role and the dates of the first and last article giving it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleSpan {
    pub role: String,
    pub first: i64,
    pub last: i64,
}

/// One article naming a person, on their timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonArticle {
    pub id: ArticleId,
    pub title: String,
    pub date: i64,
    pub mentions: usize,
    /// They wrote it, or are credited for it.
    pub writer: bool,
}

/// Something they said, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonQuote {
    pub article: ArticleId,
    pub date: i64,
    pub text: String,
}

/// Someone named with them more often than chance would give.
#[derive(Debug, Clone, PartialEq)]
pub struct Associate {
    pub id: PersonId,
    pub name: String,
    /// Articles naming both.
    pub shared: usize,
    /// Dunning's G² (`people::assoc::score`).
    pub score: f64,
}

/// Everything a person's page shows.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonPage {
    pub id: PersonId,
    pub name: String,
    /// The other names they go by across the library.
    pub aliases: Vec<String>,
    /// The names articles call them by (each article's main name for them), with how many
    /// articles do, most first: what [`Store::split_person`](super::Store::split_person) takes.
    pub names: Vec<(String, usize)>,
    /// In the order first seen.
    pub roles: Vec<RoleSpan>,
    /// Oldest first.
    pub articles: Vec<PersonArticle>,
    pub quotes: Vec<PersonQuote>,
    /// Best first.
    pub associates: Vec<Associate>,
}

/// How many associates a page shows.
const ASSOCIATES: usize = 20;

fn count(n: i64) -> usize {
    usize::try_from(n).unwrap_or(0)
}

impl SqliteStore {
    pub(crate) fn people_page_impl(
        &self,
        filter: &str,
        sort: PeopleSort,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<PersonRow>> {
        let order = match sort {
            PeopleSort::Articles => "p.articles DESC, p.id",
            PeopleSort::Mentions => "p.mentions DESC, p.id",
            PeopleSort::Recency => "p.last_date DESC, p.id",
            PeopleSort::Name => "p.name COLLATE NOCASE, p.id",
        };
        let key = assoc::key(filter);
        let matching =
            if key.is_empty() { "" } else { "AND p.id IN (SELECT person FROM person_names WHERE instr(key, ?3) > 0)" };
        let sql = format!(
            "SELECT p.id, p.name, p.articles, p.mentions, p.last_date, p.unread, \
             (SELECT m.role FROM person_mentions m WHERE m.person = p.id AND m.role IS NOT NULL \
              ORDER BY m.date DESC LIMIT 1) \
             FROM persons p WHERE p.articles > 0 {matching} ORDER BY {order} LIMIT ?1 OFFSET ?2"
        );
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let offset = i64::try_from(offset).unwrap_or(i64::MAX);
        let mut stmt = self.conn.prepare_cached(&sql).map_err(|e| self.err(e))?;
        let map = |r: &rusqlite::Row<'_>| {
            Ok(PersonRow {
                id: r.get(0)?,
                name: r.get(1)?,
                articles: count(r.get(2)?),
                mentions: count(r.get(3)?),
                last_seen: r.get(4)?,
                unread: count(r.get(5)?),
                role: r.get(6)?,
            })
        };
        let rows = if key.is_empty() {
            stmt.query_map(params![limit, offset], map)
        } else {
            stmt.query_map(params![limit, offset, key], map)
        }
        .and_then(Iterator::collect)
        .map_err(|e| self.err(e))?;
        Ok(rows)
    }

    pub(crate) fn people_count_impl(&self, filter: &str) -> Result<usize> {
        let key = assoc::key(filter);
        let n: i64 = if key.is_empty() {
            self.conn.query_row("SELECT COUNT(*) FROM persons WHERE articles > 0", [], |r| r.get(0))
        } else {
            self.conn.query_row(
                "SELECT COUNT(*) FROM persons WHERE articles > 0 \
                 AND id IN (SELECT person FROM person_names WHERE instr(key, ?1) > 0)",
                [key],
                |r| r.get(0),
            )
        }
        .map_err(|e| self.err(e))?;
        Ok(count(n))
    }

    pub(crate) fn person_impl(&self, id: PersonId) -> Result<Option<PersonPage>> {
        let err = |e| self.err(e);
        let found: Option<(String, i64)> = self
            .conn
            .query_row("SELECT name, cited FROM persons WHERE id = ?1", [id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()
            .map_err(err)?;
        let Some((name, cited)) = found else { return Ok(None) };
        let own = assoc::key(&name);
        let aliases = self
            .conn
            .prepare_cached("SELECT key, name FROM person_names WHERE person = ?1 AND exact = 1 ORDER BY name")
            .and_then(|mut s| {
                s.query_map([id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
                    .collect::<rusqlite::Result<Vec<(String, String)>>>()
            })
            .map_err(err)?
            .into_iter()
            .filter(|(k, _): &(String, String)| *k != own)
            .map(|(_, n)| n)
            .collect();
        let mut page = PersonPage {
            id,
            name,
            aliases,
            names: Vec::new(),
            roles: Vec::new(),
            articles: Vec::new(),
            quotes: Vec::new(),
            associates: Vec::new(),
        };
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT a.id, a.title, m.date, m.mentions, m.writer, m.role, m.quotes, json_extract(m.names, '$[0]') \
                 FROM person_mentions m JOIN articles a ON a.key = m.article \
                 JOIN article_state s ON s.article = m.article \
                 WHERE m.person = ?1 AND s.deleted = 0 ORDER BY m.date, m.article",
            )
            .map_err(err)?;
        let mut rows = stmt.query([id]).map_err(err)?;
        while let Some(r) = rows.next().map_err(err)? {
            let article = ArticleId::from_stored(r.get(0).map_err(err)?);
            let date: i64 = r.get(2).map_err(err)?;
            if let Some(role) = r.get::<_, Option<String>>(5).map_err(err)? {
                match page.roles.iter_mut().find(|s| s.role == role) {
                    Some(span) => span.last = span.last.max(date),
                    None => page.roles.push(RoleSpan { role, first: date, last: date }),
                }
            }
            if let Some(main) = r.get::<_, Option<String>>(7).map_err(err)? {
                match page.names.iter_mut().find(|(n, _)| *n == main) {
                    Some((_, n)) => *n += 1,
                    None => page.names.push((main, 1)),
                }
            }
            for text in strings(&r.get::<_, String>(6).map_err(err)?).map_err(err)? {
                page.quotes.push(PersonQuote { article: article.clone(), date, text });
            }
            page.articles.push(PersonArticle {
                id: article,
                title: r.get(1).map_err(err)?,
                date,
                mentions: count(r.get(3).map_err(err)?),
                writer: r.get(4).map_err(err)?,
            });
        }
        page.names.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        page.associates = self.associates(id, cited)?;
        Ok(Some(page))
    }

    /// The people named in the same articles as `id` more than chance would give, writers and
    /// credited reporters left out on both sides.
    fn associates(&self, id: PersonId, cited: i64) -> Result<Vec<Associate>> {
        let err = |e| self.err(e);
        let total: i64 = self.conn.query_row("SELECT COUNT(*) FROM articles", [], |r| r.get(0)).map_err(err)?;
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT o.person, COUNT(*), p.name, p.cited FROM person_mentions m \
                 JOIN person_mentions o ON o.article = m.article AND o.writer = 0 AND o.person != m.person \
                 JOIN persons p ON p.id = o.person \
                 WHERE m.person = ?1 AND m.writer = 0 GROUP BY o.person HAVING COUNT(*) >= ?2",
            )
            .map_err(err)?;
        let min = i64::try_from(assoc::MIN_SHARED).unwrap_or(2);
        let mut found: Vec<Associate> = stmt
            .query_map(params![id, min], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?, r.get::<_, String>(2)?, r.get::<_, i64>(3)?))
            })
            .and_then(Iterator::collect::<rusqlite::Result<Vec<_>>>)
            .map_err(err)?
            .into_iter()
            .filter_map(|(other, shared, name, other_cited)| {
                let n = |v: i64| u64::try_from(v).unwrap_or(0);
                let score = assoc::score(n(shared), n(cited), n(other_cited), n(total))?;
                Some(Associate { id: other, name, shared: count(shared), score })
            })
            .collect();
        found.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.id.cmp(&b.id)));
        found.truncate(ASSOCIATES);
        Ok(found)
    }
}
