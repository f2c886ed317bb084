//! Opening the library file: pragmas, the schema version and its migrations.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, TransactionBehavior};

use super::error::{Result, StoreError};

/// The migrations, in order: migration `i` (from 0) brings the schema to version `i + 1`.
pub(crate) const MIGRATIONS: &[&str] = &[
    include_str!("migrations/001_base.sql"),
    include_str!("migrations/002_history_saved_session.sql"),
    include_str!("migrations/003_feed_moves.sql"),
    include_str!("migrations/004_persons.sql"),
    include_str!("migrations/005_feed_errors.sql"),
    include_str!("migrations/006_full_texts.sql"),
];

/// The version whose migration brings persons: the articles already stored get theirs then.
const PERSONS_VERSION: i64 = 4;

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// How long a write waits for another process's write before giving up with
/// [`StoreError::Locked`]. Writes are short (a batch of articles, a state change), so a wait this
/// long means the other process is stuck.
pub const DEFAULT_BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// The SQLite library: one connection. Open one per thread that needs it (they share the file
/// through WAL); each write is one transaction.
pub struct SqliteStore {
    pub(crate) conn: Connection,
    pub(crate) path: PathBuf,
}

impl SqliteStore {
    /// Opens (creating if needed) the library at `path`, bringing its schema up to date; `:memory:`
    /// opens an empty library that keeps nothing.
    ///
    /// # Errors
    /// [`StoreError::Corrupt`], [`StoreError::TooNew`], [`StoreError::Locked`],
    /// [`StoreError::ReadOnly`] or [`StoreError::CannotOpen`]; the file is never altered then.
    pub fn open(path: &Path) -> Result<Self> {
        Self::open_with_timeout(path, DEFAULT_BUSY_TIMEOUT)
    }

    /// [`open`](Self::open) with another busy timeout.
    ///
    /// # Errors
    /// As [`open`](Self::open).
    pub fn open_with_timeout(path: &Path, busy_timeout: Duration) -> Result<Self> {
        if path.as_os_str() == ":memory:" {
            return Self::in_memory();
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| match e.kind() {
                std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
                    StoreError::ReadOnly { path: path.to_path_buf() }
                }
                _ => StoreError::CannotOpen { path: path.to_path_buf(), reason: e.to_string() },
            })?;
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| StoreError::from_sqlite(e, path))?;
        let store = Self { conn, path: path.to_path_buf() };
        store.conn.busy_timeout(busy_timeout).map_err(|e| store.err(e))?;
        // The version is read before anything could write: a newer library is refused untouched.
        store.refuse_newer()?;
        if store.conn.is_readonly(rusqlite::MAIN_DB).map_err(|e| store.err(e))? {
            return Err(StoreError::ReadOnly { path: store.path });
        }
        let mode: String =
            store.conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0)).map_err(|e| store.err(e))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::CannotOpen {
                path: store.path,
                reason: format!("the file system does not allow write-ahead logging (journal mode {mode})"),
            });
        }
        store.configure()?;
        let mut store = store;
        // Only a library that needs migrating takes the write lock on opening: one another
        // process is writing to opens at once, for reading.
        if store.version()? < SCHEMA_VERSION {
            store.migrate_to(SCHEMA_VERSION)?;
        }
        Ok(store)
    }

    /// An empty library in memory, for tests and `--db :memory:`.
    ///
    /// # Errors
    /// Only if SQLite itself fails.
    pub fn in_memory() -> Result<Self> {
        let path = PathBuf::from(":memory:");
        let conn = Connection::open_in_memory().map_err(|e| StoreError::from_sqlite(e, &path))?;
        let mut store = Self { conn, path };
        store.configure()?;
        store.migrate_to(SCHEMA_VERSION)?;
        Ok(store)
    }

    /// Opens an existing library for reading only (the app's "read without saving"): nothing is
    /// created, migrated or written; every write returns [`StoreError::ReadOnly`].
    ///
    /// # Errors
    /// As [`open`](Self::open), and [`StoreError::TooNew`] also for an older schema than this
    /// build reads (it cannot be migrated without writing).
    pub fn open_read_only(path: &Path) -> Result<Self> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| StoreError::from_sqlite(e, path))?;
        let store = Self { conn, path: path.to_path_buf() };
        store.conn.busy_timeout(DEFAULT_BUSY_TIMEOUT).map_err(|e| store.err(e))?;
        store.refuse_newer()?;
        let found = store.version()?;
        if found != SCHEMA_VERSION {
            return Err(StoreError::CannotOpen {
                path: store.path,
                reason: format!("its schema ({found}) needs updating, which reading only cannot do"),
            });
        }
        Ok(store)
    }

    /// Where the library is (`:memory:` for one in memory).
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Folds the write-ahead log into the file and empties it (on quit, or before measuring the
    /// file); readers and writers of other processes are waited for up to the busy timeout.
    ///
    /// # Errors
    /// [`StoreError::Locked`] when another process keeps the log in use.
    pub fn checkpoint(&self) -> Result<()> {
        self.conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(())).map_err(|e| self.err(e))
    }

    pub(crate) fn err(&self, e: rusqlite::Error) -> StoreError {
        StoreError::from_sqlite(e, &self.path)
    }

    pub(crate) fn json_err(&self, e: serde_json::Error) -> StoreError {
        StoreError::Json { path: self.path.clone(), source: e }
    }

    /// The schema version of the file (`PRAGMA user_version`; 0 for a new file).
    ///
    /// # Errors
    /// [`StoreError::Corrupt`] when the file is not a database.
    pub fn version(&self) -> Result<i64> {
        self.conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(|e| self.err(e))
    }

    fn refuse_newer(&self) -> Result<()> {
        let found = self.version()?;
        if found > SCHEMA_VERSION {
            return Err(StoreError::TooNew { path: self.path.clone(), found, supported: SCHEMA_VERSION });
        }
        // Version 0 with tables in it is some other program's database: leave it alone.
        if found == 0 {
            let tables: i64 =
                self.conn.query_row("SELECT COUNT(*) FROM sqlite_master", [], |r| r.get(0)).map_err(|e| self.err(e))?;
            if tables > 0 {
                return Err(StoreError::Corrupt { path: self.path.clone() });
            }
        }
        Ok(())
    }

    fn configure(&self) -> Result<()> {
        // NORMAL in WAL mode: a crash or power loss may drop the last transactions, never corrupt.
        // 32 MB of page cache (the default is 2 MB): a batch of articles touches many index pages.
        self.conn
            .execute_batch("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -32768; PRAGMA temp_store = MEMORY;")
            .map_err(|e| self.err(e))
    }

    /// Applies the migrations up to `target`, all in one transaction (another process opening the
    /// same file at the same time waits, then finds the work done).
    pub(crate) fn migrate_to(&mut self, target: i64) -> Result<()> {
        let path = self.path.clone();
        let err = |e| StoreError::from_sqlite(e, &path);
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(err)?;
        let found: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(err)?;
        if found > SCHEMA_VERSION {
            return Err(StoreError::TooNew { path, found, supported: SCHEMA_VERSION });
        }
        for (version, sql) in (found + 1..=target).zip(MIGRATIONS.iter().skip(usize::try_from(found).unwrap_or(0))) {
            tx.execute_batch(sql).map_err(err)?;
            if version == PERSONS_VERSION {
                super::persons::backfill(&tx).map_err(err)?;
            }
            tx.pragma_update(None, "user_version", version).map_err(err)?;
        }
        tx.commit().map_err(err)
    }
}

/// Where the library lives unless told otherwise: `$CYBERREADER_DB`, else
/// `$XDG_DATA_HOME/cyberreader/library.db` (an absolute `XDG_DATA_HOME` only, as the XDG spec
/// says), else `~/.local/share/cyberreader/library.db`.
///
/// # Errors
/// [`StoreError::CannotOpen`] when there is no home directory to put it in.
pub fn default_db_path() -> Result<PathBuf> {
    db_path_from(std::env::var_os("CYBERREADER_DB"), std::env::var_os("XDG_DATA_HOME"), etcetera::home_dir().ok())
}

pub(crate) fn db_path_from(
    db: Option<std::ffi::OsString>,
    xdg_data_home: Option<std::ffi::OsString>,
    home: Option<PathBuf>,
) -> Result<PathBuf> {
    if let Some(path) = db.filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(path));
    }
    let data = match xdg_data_home.map(PathBuf::from).filter(|p| p.is_absolute()) {
        Some(dir) => dir,
        None => home
            .ok_or_else(|| StoreError::CannotOpen {
                path: PathBuf::from("library.db"),
                reason: "there is no home directory to keep it in; use --db or CYBERREADER_DB".into(),
            })?
            .join(".local/share"),
    };
    Ok(data.join("cyberreader").join("library.db"))
}
