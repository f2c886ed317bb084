//! What can go wrong with the library file, in terms a user can act on.

use std::path::PathBuf;

use rusqlite::ErrorCode;

/// An error from the library. Every variant that concerns the file names it; none of them
/// means the file was changed: a file that cannot be used is left exactly as it was.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "the library {path} is damaged or is not a cyberreader library; it was left untouched (move it aside, or use --db to choose another file)"
    )]
    Corrupt { path: PathBuf },
    #[error(
        "the library {path} was made by a newer cyberreader (schema {found}, this one knows up to {supported}); it was left untouched: update cyberreader, or use --db to choose another file"
    )]
    TooNew { path: PathBuf, found: i64, supported: i64 },
    #[error(
        "the library {path} is busy: another program has held it locked for too long; try again, or close the other cyberreader"
    )]
    Locked { path: PathBuf },
    #[error(
        "the library {path} cannot be written (a read-only file, directory or disk); it can be read without saving, or use --db to choose another file"
    )]
    ReadOnly { path: PathBuf },
    #[error("the library {path} cannot be opened: {reason}")]
    CannotOpen { path: PathBuf, reason: String },
    #[error("the disk holding the library {path} is full; nothing more can be saved until space is freed")]
    DiskFull { path: PathBuf },
    #[error("saved search {0} does not exist")]
    NoSuchSavedSearch(i64),
    #[error("the search could not be read: {0}")]
    Query(#[from] super::query::ParseError),
    #[error("the library {path}: {source}")]
    Sqlite { path: PathBuf, source: rusqlite::Error },
    #[error("the library {path}: stored data is not valid: {source}")]
    Json { path: PathBuf, source: serde_json::Error },
}

impl StoreError {
    /// Sorts a SQLite error into what the user can do about it.
    pub(crate) fn from_sqlite(source: rusqlite::Error, path: &std::path::Path) -> Self {
        let path = path.to_path_buf();
        let code = source.sqlite_error_code();
        match code {
            Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => Self::Corrupt { path },
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Self::Locked { path },
            Some(ErrorCode::ReadOnly | ErrorCode::PermissionDenied) => Self::ReadOnly { path },
            Some(ErrorCode::DiskFull) => Self::DiskFull { path },
            Some(ErrorCode::CannotOpen) => Self::CannotOpen { path, reason: source.to_string() },
            _ => Self::Sqlite { path, source },
        }
    }

    /// True when the app can still offer reading the library without saving.
    #[must_use]
    pub fn readable_without_saving(&self) -> bool {
        matches!(self, Self::ReadOnly { .. } | Self::Locked { .. })
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;
