//! The search history, saved searches and the session's keys and values.

use rusqlite::{OptionalExtension as _, params};

use super::articles::unix_now;
use super::error::Result;
use super::sqlite::SqliteStore;
use super::{SavedSearch, query};

/// How many queries the history keeps.
const HISTORY_KEPT: i64 = 500;

impl SqliteStore {
    pub(crate) fn push_history_impl(&mut self, text: &str) -> Result<()> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(());
        }
        // A counter rather than the clock: two searches in one second keep their order.
        self.conn
            .execute_batch("BEGIN IMMEDIATE")
            .and_then(|()| {
                self.conn.execute(
                    "INSERT INTO search_history (query, used) \
                     VALUES (?1, (SELECT COALESCE(MAX(used), 0) + 1 FROM search_history)) \
                     ON CONFLICT (query) DO UPDATE SET used = excluded.used",
                    [text],
                )?;
                self.conn.execute(
                    "DELETE FROM search_history WHERE used <= (SELECT MAX(used) FROM search_history) - ?1",
                    [HISTORY_KEPT],
                )?;
                self.conn.execute_batch("COMMIT")
            })
            .map_err(|e| {
                let _ = self.conn.execute_batch("ROLLBACK");
                self.err(e)
            })
    }

    pub(crate) fn history_impl(&self, limit: usize) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT query FROM search_history ORDER BY used DESC LIMIT ?1")
            .map_err(|e| self.err(e))?;
        let rows = stmt.query_map([i64::try_from(limit).unwrap_or(i64::MAX)], |r| r.get(0)).map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<Vec<String>>>().map_err(|e| self.err(e))
    }

    pub(crate) fn save_search_impl(&mut self, name: &str, text: &str) -> Result<SavedSearch> {
        query::parse(text)?;
        let id: i64 = self
            .conn
            .query_row(
                "INSERT INTO saved_searches (name, query, created) VALUES (?1, ?2, ?3) \
                 ON CONFLICT (name) DO UPDATE SET query = excluded.query RETURNING id",
                params![name, text, unix_now()],
                |r| r.get(0),
            )
            .map_err(|e| self.err(e))?;
        Ok(SavedSearch { id, name: name.to_string(), query: text.to_string() })
    }

    pub(crate) fn saved_searches_impl(&self) -> Result<Vec<SavedSearch>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, name, query FROM saved_searches ORDER BY name")
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| Ok(SavedSearch { id: r.get(0)?, name: r.get(1)?, query: r.get(2)? }))
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<Vec<_>>>().map_err(|e| self.err(e))
    }

    pub(crate) fn delete_saved_search_impl(&mut self, id: i64) -> Result<bool> {
        self.conn.execute("DELETE FROM saved_searches WHERE id = ?1", [id]).map(|n| n > 0).map_err(|e| self.err(e))
    }

    pub(crate) fn session_get_impl(&self, key: &str) -> Result<Option<String>> {
        self.conn
            .query_row("SELECT value FROM session WHERE key = ?1", [key], |r| r.get(0))
            .optional()
            .map_err(|e| self.err(e))
    }

    pub(crate) fn session_set_impl(&mut self, key: &str, value: &str) -> Result<()> {
        self.conn
            .execute(
                "INSERT INTO session (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [key, value],
            )
            .map(drop)
            .map_err(|e| self.err(e))
    }
}
