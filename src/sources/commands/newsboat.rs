//! `cyberreader import ~/.newsboat/cache.db`: newsboat's read and flagged state, brought over to
//! the articles the library already has.
//!
//! newsboat keeps items in `rss_item` (`guid`, `url` (the item's link), `feedurl`, `unread`,
//! `flags`). An item matches a stored article by guid within its feed (the id cyberreader gives a
//! feed item), else by link. The file is opened read-only: newsboat's cache is never written.

use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use crate::article::ArticleId;
use crate::store::{SqliteStore, Store as _, StoreError};

/// The first bytes of every SQLite file.
pub(crate) const SQLITE_MAGIC: &[u8] = b"SQLite format 3\0";

/// What an import did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NewsboatImport {
    /// Items in newsboat's cache.
    pub items: usize,
    /// Of those, the ones the library has.
    pub matched: usize,
    pub read: usize,
    pub starred: usize,
}

/// Why the cache could not be imported.
#[derive(Debug, thiserror::Error)]
pub enum NewsboatError {
    #[error("{path}: not a newsboat cache ({reason})")]
    NotACache { path: String, reason: String },
    #[error("{0}")]
    Store(#[from] StoreError),
}

/// One row of `rss_item`.
struct Item {
    guid: String,
    link: String,
    feed_url: String,
    read: bool,
    flagged: bool,
}

/// Brings the read state and the flags (any flag counts as a star) of newsboat's items over to
/// the matching articles of `store`. Newsboat's read items are marked read, its flagged ones
/// starred; nothing is unmarked.
///
/// # Errors
/// [`NewsboatError::NotACache`] for a file without newsboat's items table, or a store error.
pub fn import_newsboat(cache: &Path, store: &mut SqliteStore) -> Result<NewsboatImport, NewsboatError> {
    let items = read_items(cache).map_err(|e| NewsboatError::NotACache {
        path: cache.display().to_string(),
        reason: crate::article::sanitize(&e.to_string()),
    })?;
    let mut import = NewsboatImport { items: items.len(), ..NewsboatImport::default() };
    let (mut read, mut starred) = (Vec::new(), Vec::new());
    for item in &items {
        let id = (!item.guid.is_empty()).then(|| ArticleId::feed_item(&item.feed_url, &item.guid));
        let Some(found) = store.find_item(id.as_ref(), Some(&item.link))? else { continue };
        import.matched += 1;
        if item.read {
            read.push(found.clone());
        }
        if item.flagged {
            starred.push(found);
        }
    }
    import.read = store.set_read(&read, true)?;
    import.starred = store.set_starred(&starred, true)?;
    Ok(import)
}

fn read_items(cache: &Path) -> rusqlite::Result<Vec<Item>> {
    let conn = Connection::open_with_flags(cache, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    // NULLs (newsboat leaves some columns empty) read as empty.
    let mut stmt = conn.prepare(
        "SELECT COALESCE(guid, ''), COALESCE(url, ''), COALESCE(feedurl, ''), COALESCE(unread, 1), \
         COALESCE(flags, '') FROM rss_item",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(Item {
            guid: r.get(0)?,
            link: r.get(1)?,
            feed_url: r.get(2)?,
            read: r.get::<_, i64>(3)? == 0,
            flagged: !r.get::<_, String>(4)?.trim().is_empty(),
        })
    })?;
    rows.collect()
}
