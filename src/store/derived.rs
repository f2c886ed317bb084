//! What the library derives from an article's text, written again when that text changes
//! outside an upsert (a full text kept in place of a feed's summary): the article's people rows,
//! its persons (`persons::record`) and its row of the full-text index.

use rusqlite::{Connection, params};

use crate::article::Article;
use crate::people::Person;

/// Replaces the people, persons and index row of the stored article `key` with those of
/// `article` (the text the reader shows) and `people` (found in that text).
pub(crate) fn rewrite(conn: &Connection, key: i64, article: &Article, people: &[Person]) -> rusqlite::Result<()> {
    conn.prepare_cached("DELETE FROM people WHERE article = ?1")?.execute([key])?;
    let mut add = conn.prepare_cached(
        "INSERT INTO people (article, ord, name, role, mentions, aliases, quotes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (ord, p) in people.iter().enumerate() {
        add.execute(params![
            key,
            i64::try_from(ord).unwrap_or(i64::MAX),
            p.name,
            p.role,
            i64::try_from(p.mentions).unwrap_or(i64::MAX),
            json(&p.aliases)?,
            json(&p.quotes)?,
        ])?;
    }
    super::persons::record(conn, key, article, people)?;
    // A contentless table with `contentless_delete`: the old row goes by its rowid alone.
    conn.prepare_cached("DELETE FROM articles_fts WHERE rowid = ?1")?.execute([key])?;
    super::articles::index_row(conn, key, article, people)
}

fn json(values: &[String]) -> rusqlite::Result<String> {
    serde_json::to_string(values).map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))
}
