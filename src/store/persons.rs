//! One person across the library: each article's people resolved to a person by their names
//! (`people::assoc`), as the article is stored, in the same transaction; and the hand merges and
//! splits that later articles respect.

use rusqlite::{Connection, OptionalExtension as _, TransactionBehavior, params};

use super::error::Result;
use super::sqlite::SqliteStore;
use crate::article::Article;
use crate::people::Person;
use crate::people::assoc::{self, NameKeys};

/// A person's id in the library.
pub type PersonId = i64;

/// What one article says of one person, its entries for them made one.
struct Said {
    person: PersonId,
    names: Vec<String>,
    role: Option<String>,
    mentions: i64,
    quotes: Vec<String>,
    writer: bool,
}

fn json(values: &[String]) -> rusqlite::Result<String> {
    serde_json::to_string(values).map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))
}

pub(crate) fn strings(text: &str) -> rusqlite::Result<Vec<String>> {
    serde_json::from_str(text)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e)))
}

fn lookup(conn: &Connection, key: &str) -> rusqlite::Result<Option<(PersonId, bool)>> {
    conn.prepare_cached("SELECT person, exact FROM person_names WHERE key = ?1")?
        .query_row([key], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()
}

/// The person `person` of one article is, made when nobody has any of their names yet.
fn person_for(conn: &Connection, person: &Person) -> rusqlite::Result<PersonId> {
    let keys: NameKeys = assoc::name_keys(person);
    let mut failed = None;
    let found = assoc::resolve(&keys, |k| {
        lookup(conn, k).unwrap_or_else(|e| {
            failed = Some(e);
            None
        })
    });
    if let Some(e) = failed {
        return Err(e);
    }
    let id = match found {
        Some(id) => id,
        None => {
            conn.prepare_cached("INSERT INTO persons (name) VALUES (?1)")?.execute([&person.name])?;
            conn.last_insert_rowid()
        }
    };
    // Keys are only added, never taken from another person: a merge or split stands.
    let mut add =
        conn.prepare_cached("INSERT OR IGNORE INTO person_names (key, person, name, exact) VALUES (?1, ?2, ?3, ?4)")?;
    for (i, k) in keys.exact.iter().enumerate() {
        let shown = if i == 0 {
            person.name.as_str()
        } else {
            person.aliases.iter().find(|a| assoc::key(a) == *k).map_or(person.name.as_str(), String::as_str)
        };
        add.execute(params![k, id, shown, true])?;
    }
    if let Some(d) = &keys.derived {
        add.execute(params![d, id, person.name, false])?;
    }
    Ok(id)
}

/// Inserts what one article says of each of its people. Rows go in groups of 8, 4, 2 and 1
/// per statement (four statements cached, whatever the count): each statement fires the
/// counting trigger and keeps a statement journal of every page it changes, so one statement
/// for several rows copies the pages they share once instead of once a row.
fn insert_all(conn: &Connection, article: i64, date: i64, all: &[Said]) -> rusqlite::Result<()> {
    let mut rest = all;
    for size in [8, 4, 2, 1] {
        while rest.len() >= size {
            let (group, tail) = rest.split_at(size);
            let sql = format!(
                "INSERT INTO person_mentions (person, article, date, names, role, mentions, quotes, writer) VALUES {}",
                vec!["(?, ?, ?, ?, ?, ?, ?, ?)"; size].join(", ")
            );
            let mut stmt = conn.prepare_cached(&sql)?;
            let mut at = 1;
            for said in group {
                stmt.raw_bind_parameter(at, said.person)?;
                stmt.raw_bind_parameter(at + 1, article)?;
                stmt.raw_bind_parameter(at + 2, date)?;
                stmt.raw_bind_parameter(at + 3, json(&said.names)?)?;
                stmt.raw_bind_parameter(at + 4, &said.role)?;
                stmt.raw_bind_parameter(at + 5, said.mentions)?;
                stmt.raw_bind_parameter(at + 6, json(&said.quotes)?)?;
                stmt.raw_bind_parameter(at + 7, said.writer)?;
                at += 8;
            }
            stmt.raw_execute()?;
            rest = tail;
        }
    }
    Ok(())
}

/// Records the people of the stored article `key` (replacing what it said before).
pub(crate) fn record(conn: &Connection, key: i64, article: &Article, people: &[Person]) -> rusqlite::Result<()> {
    conn.prepare_cached("DELETE FROM person_mentions WHERE article = ?1")?.execute([key])?;
    let date: i64 =
        conn.prepare_cached("SELECT sort_date FROM articles WHERE key = ?1")?.query_row([key], |r| r.get(0))?;
    let mut all: Vec<Said> = Vec::new();
    for p in people {
        let person = person_for(conn, p)?;
        let writer = assoc::is_writer(article, p);
        let mentions = i64::try_from(p.mentions).unwrap_or(i64::MAX);
        if let Some(s) = all.iter_mut().find(|s| s.person == person) {
            s.names.push(p.name.clone());
            s.role = s.role.take().or_else(|| p.role.clone());
            s.mentions = s.mentions.saturating_add(mentions);
            s.quotes.extend(p.quotes.iter().cloned());
            s.writer &= writer;
        } else {
            all.push(Said {
                person,
                names: vec![p.name.clone()],
                role: p.role.clone(),
                mentions,
                quotes: p.quotes.clone(),
                writer,
            });
        }
    }
    insert_all(conn, key, date, &all)
}

/// Every stored article's people recorded again: after the migration that brings persons to a
/// library that had only each article's people.
pub(crate) fn backfill(conn: &Connection) -> rusqlite::Result<()> {
    let mut keys = conn.prepare("SELECT key FROM articles ORDER BY sort_date, key")?;
    let keys: Vec<i64> = keys.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    for key in keys {
        let (byline, credits): (Option<String>, String) = conn.query_row(
            "SELECT a.byline, t.credits FROM articles a JOIN article_text t ON t.article = a.key WHERE a.key = ?1",
            [key],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let article = Article { byline, credits: strings(&credits)?, ..Article::default() };
        let mut stmt = conn.prepare_cached(
            "SELECT name, role, mentions, aliases, quotes FROM people WHERE article = ?1 ORDER BY ord",
        )?;
        let people = stmt
            .query_map([key], |r| {
                Ok(Person {
                    name: r.get(0)?,
                    role: r.get(1)?,
                    mentions: usize::try_from(r.get::<_, i64>(2)?).unwrap_or(0),
                    aliases: strings(&r.get::<_, String>(3)?)?,
                    quotes: strings(&r.get::<_, String>(4)?)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        record(conn, key, &article, &people)?;
    }
    Ok(())
}

type Row = (i64, i64, Vec<String>, Option<String>, i64, Vec<String>, bool);

fn rows_of(conn: &Connection, person: PersonId) -> rusqlite::Result<Vec<Row>> {
    conn.prepare_cached(
        "SELECT article, date, names, role, mentions, quotes, writer FROM person_mentions WHERE person = ?1",
    )?
    .query_map([person], |r| {
        Ok((
            r.get(0)?,
            r.get(1)?,
            strings(&r.get::<_, String>(2)?)?,
            r.get(3)?,
            r.get(4)?,
            strings(&r.get::<_, String>(5)?)?,
            r.get(6)?,
        ))
    })?
    .collect()
}

/// Moves the row `row` (of another person) to `to`, made one with what `to` has of that article.
fn move_row(conn: &Connection, from: PersonId, to: PersonId, row: Row) -> rusqlite::Result<()> {
    let (article, date, names, role, mentions, quotes, writer) = row;
    conn.execute("DELETE FROM person_mentions WHERE person = ?1 AND article = ?2", params![from, article])?;
    let mut said = Said { person: to, names, role, mentions, quotes, writer };
    let existing: Option<(String, Option<String>, i64, String, bool)> = conn
        .query_row(
            "SELECT names, role, mentions, quotes, writer FROM person_mentions WHERE person = ?1 AND article = ?2",
            params![to, article],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .optional()?;
    if let Some((names, role, mentions, quotes, writer)) = existing {
        conn.execute("DELETE FROM person_mentions WHERE person = ?1 AND article = ?2", params![to, article])?;
        let mut all = strings(&names)?;
        all.append(&mut said.names);
        said.names = all;
        said.role = role.or(said.role);
        said.mentions += mentions;
        let mut q = strings(&quotes)?;
        q.append(&mut said.quotes);
        said.quotes = q;
        said.writer &= writer;
    }
    insert_all(conn, article, date, std::slice::from_ref(&said))
}

impl SqliteStore {
    /// `b` becomes part of `a`: its names, articles and quotes. False when either is unknown
    /// or they are the same.
    pub(crate) fn merge_impl(&mut self, a: PersonId, b: PersonId) -> Result<bool> {
        let path = self.path.clone();
        let err = |e| super::StoreError::from_sqlite(e, &path);
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(err)?;
        let known: i64 = tx
            .query_row("SELECT COUNT(*) FROM persons WHERE id IN (?1, ?2)", params![a, b], |r| r.get(0))
            .map_err(err)?;
        if a == b || known != 2 {
            return Ok(false);
        }
        for row in rows_of(&tx, b).map_err(err)? {
            move_row(&tx, b, a, row).map_err(err)?;
        }
        tx.execute("UPDATE person_names SET person = ?1, manual = 1 WHERE person = ?2", params![a, b]).map_err(err)?;
        tx.execute("DELETE FROM persons WHERE id = ?1", [b]).map_err(err)?;
        tx.commit().map_err(err)?;
        Ok(true)
    }

    /// The articles that call `person` `name` (as their main name for them) become a new
    /// person of that name, and so does every later article that does; its id, or `None` when
    /// the person is unknown or has no other name to keep.
    pub(crate) fn split_impl(&mut self, person: PersonId, name: &str) -> Result<Option<PersonId>> {
        let path = self.path.clone();
        let err = |e| super::StoreError::from_sqlite(e, &path);
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(err)?;
        let key = assoc::key(name);
        let known: Option<String> =
            tx.query_row("SELECT name FROM persons WHERE id = ?1", [person], |r| r.get(0)).optional().map_err(err)?;
        let Some(current) = known else { return Ok(None) };
        if assoc::key(&current) == key || key.is_empty() {
            return Ok(None);
        }
        tx.execute("INSERT INTO persons (name) VALUES (?1)", [name]).map_err(err)?;
        let new = tx.last_insert_rowid();
        tx.execute(
            "INSERT INTO person_names (key, person, name, exact, manual) VALUES (?1, ?2, ?3, 1, 1) \
             ON CONFLICT (key) DO UPDATE SET person = excluded.person, exact = 1, manual = 1",
            params![key, new, name],
        )
        .map_err(err)?;
        for row in rows_of(&tx, person).map_err(err)? {
            if row.2.first().is_some_and(|n| assoc::key(n) == key) {
                move_row(&tx, person, new, row).map_err(err)?;
            }
        }
        tx.commit().map_err(err)?;
        Ok(Some(new))
    }
}
