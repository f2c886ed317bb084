//! The library as a file: migrations, durability, and files that cannot be used.

use std::time::Duration;

use super::*;
use crate::article::Article;

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().expect("temporary directory")
}

#[test]
fn a_file_library_keeps_everything_across_opens() {
    let dir = temp();
    let path = dir.path().join("sub").join("library.db");
    {
        let mut store = SqliteStore::open(&path).expect("create");
        add(&mut store, &sample());
        store.set_starred(&[id("cyber")], true).expect("star");
    }
    let store = SqliteStore::open(&path).expect("reopen");
    assert_eq!(store.version().expect("version"), SCHEMA_VERSION);
    assert_eq!(store.counts().expect("counts"), Counts { total: 3, unread: 3, starred: 1 });
    let mode: String = store.conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).expect("mode");
    assert_eq!(mode, "wal");
    let sync: i64 = store.conn.query_row("PRAGMA synchronous", [], |r| r.get(0)).expect("sync");
    assert_eq!(sync, 1, "NORMAL");
}

#[test]
fn memory_keeps_nothing() {
    let mut store = SqliteStore::open(std::path::Path::new(":memory:")).expect("open");
    add(&mut store, &sample());
    let store = SqliteStore::open(std::path::Path::new(":memory:")).expect("open");
    assert_eq!(store.counts().expect("counts").total, 0);
}

#[test]
fn a_library_of_the_first_schema_is_migrated_with_its_data() {
    let dir = temp();
    let path = dir.path().join("library.db");
    {
        // Made as a build of schema 1 made it: the base migration only, real articles in it.
        let mut old = SqliteStore { conn: rusqlite::Connection::open(&path).expect("open"), path: path.clone() };
        old.conn.execute_batch("PRAGMA journal_mode = WAL").expect("wal");
        old.migrate_to(1).expect("schema 1");
        add(&mut old, &sample());
        old.set_read(&[id("talks")], true).expect("read");
        assert!(old.conn.prepare("SELECT * FROM session").is_err(), "schema 1 has no session table");
    }
    let mut store = SqliteStore::open(&path).expect("migrate");
    assert_eq!(store.version().expect("version"), SCHEMA_VERSION);
    assert_eq!(found(&store, "남북대화"), ["talks"]);
    assert!(store.state(&id("talks")).expect("state").expect("kept").read);
    let kept = store.article(&id("cyber")).expect("read").expect("kept");
    assert_eq!(kept.article, Article { published: Some(kept.date), ..sample()[0].0.clone() });
    store.push_history("talks").expect("the new tables work");
    store.session_set("pane", "list").expect("the new tables work");
}

#[test]
fn a_library_of_the_previous_schema_keeps_its_articles_and_states() {
    let dir = temp();
    let path = dir.path().join("library.db");
    {
        // Made as the build before this one made it: every migration but the last.
        let mut old = SqliteStore { conn: rusqlite::Connection::open(&path).expect("open"), path: path.clone() };
        old.conn.execute_batch("PRAGMA journal_mode = WAL").expect("wal");
        old.migrate_to(SCHEMA_VERSION - 1).expect("the previous schema");
        add(&mut old, &sample());
        old.set_read(&[id("talks")], true).expect("read");
        old.set_starred(&[id("cyber")], true).expect("starred");
        old.set_position(&id("cyber"), crate::store::Position { block: 3, offset: 12 }).expect("position");
        old.session_set("selected", "cyber").expect("session");
    }
    let store = SqliteStore::open(&path).expect("migrate");
    assert_eq!(store.version().expect("version"), SCHEMA_VERSION);
    assert!(store.state(&id("talks")).expect("state").expect("kept").read);
    let cyber = store.state(&id("cyber")).expect("state").expect("kept");
    assert!(cyber.starred && !cyber.read);
    assert_eq!(cyber.position, crate::store::Position { block: 3, offset: 12 });
    assert_eq!(store.session_get("selected").expect("session").as_deref(), Some("cyber"));
    assert_eq!(found(&store, "남북대화"), ["talks"]);
    let kept = store.article(&id("cyber")).expect("read").expect("kept");
    assert_eq!(kept.article, Article { published: Some(kept.date), ..sample()[0].0.clone() });
}

#[test]
fn a_newer_library_is_refused_untouched() {
    let dir = temp();
    let path = dir.path().join("library.db");
    {
        let store = SqliteStore::open(&path).expect("create");
        store.conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1).expect("bump");
    }
    let before = std::fs::read(&path).expect("read");
    match SqliteStore::open(&path) {
        Err(StoreError::TooNew { found, supported, .. }) => {
            assert_eq!((found, supported), (SCHEMA_VERSION + 1, SCHEMA_VERSION))
        }
        other => panic!("expected TooNew, got {:?}", other.map(|_| ())),
    }
    assert!(std::fs::read(&path).expect("read") == before, "the file was changed");
}

#[test]
fn a_damaged_file_is_refused_untouched() {
    let dir = temp();
    let path = dir.path().join("library.db");
    let junk: Vec<u8> = (0..8192u32).map(|i| (i * 7 % 251) as u8).collect();
    std::fs::write(&path, &junk).expect("write");
    let err = SqliteStore::open(&path).err().expect("refused");
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err:?}");
    assert!(err.to_string().contains("library.db") && err.to_string().contains("untouched"), "{err}");
    assert!(std::fs::read(&path).expect("read") == junk, "the file was changed");
    assert!(!dir.path().join("library.db-wal").exists());
}

#[test]
fn another_programs_database_is_refused_untouched() {
    let dir = temp();
    let path = dir.path().join("places.sqlite");
    rusqlite::Connection::open(&path)
        .and_then(|c| c.execute_batch("CREATE TABLE bookmarks (url TEXT); INSERT INTO bookmarks VALUES ('x');"))
        .expect("another program's database");
    let before = std::fs::read(&path).expect("read");
    let err = SqliteStore::open(&path).err().expect("refused");
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err:?}");
    assert!(err.to_string().contains("not a cyberreader library"), "{err}");
    assert!(std::fs::read(&path).expect("read") == before, "the file was changed");
}

#[test]
fn a_library_locked_too_long_says_so() {
    let dir = temp();
    let path = dir.path().join("library.db");
    let mut mine = SqliteStore::open(&path).expect("create");
    add(&mut mine, &sample());
    let other = rusqlite::Connection::open(&path).expect("second connection");
    other.execute_batch("BEGIN IMMEDIATE").expect("hold the write lock");
    let mut waiting = SqliteStore::open_with_timeout(&path, Duration::from_millis(50)).expect("open while locked");
    // Reading goes on while the other holds the lock; writing gives up with a clear error.
    assert_eq!(waiting.counts().expect("read").total, 3);
    let err = waiting.set_read(&[id("talks")], true).expect_err("locked");
    assert!(matches!(err, StoreError::Locked { .. }) && err.readable_without_saving(), "{err:?}");
    other.execute_batch("COMMIT").expect("release");
    assert_eq!(waiting.set_read(&[id("talks")], true).expect("now it works"), 1);
}

#[test]
fn two_connections_write_at_once_and_lose_nothing() {
    let dir = temp();
    let path = dir.path().join("library.db");
    let mut first = SqliteStore::open(&path).expect("create");
    let items = sample();
    add(&mut first, &items);
    let second_path = path.clone();
    let writer = std::thread::spawn(move || {
        let mut second = SqliteStore::open(&second_path).expect("second");
        for i in 0..200 {
            second.set_starred(&[id("cyber")], i % 2 == 0).expect("star");
            second.push_history(&format!("query {i}")).expect("history");
        }
    });
    for i in 0..200 {
        first.set_read(&[id("talks")], i % 2 == 0).expect("read");
        first.session_set(&format!("key {i}"), "value").expect("session");
    }
    writer.join().expect("writer");
    let state = |name| first.state(&id(name)).expect("state").expect("exists");
    assert!(!state("talks").read && !state("cyber").starred, "the last writes of both are kept");
    assert_eq!(first.history(1000).expect("history").len(), 200);
    assert_eq!(first.session_get("key 199").expect("get").as_deref(), Some("value"));
}

#[test]
fn a_read_only_library_says_so_and_can_still_be_read() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = temp();
    let path = dir.path().join("library.db");
    {
        let mut store = SqliteStore::open(&path).expect("create");
        add(&mut store, &sample());
    }
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let before = std::fs::read(&path).expect("read");
    if std::fs::OpenOptions::new().write(true).open(&path).is_ok() {
        // Running as root: permissions do not stop writes, so there is no read-only file to test.
        eprintln!("skipped: file permissions do not apply to this user");
    } else {
        let err = SqliteStore::open(&path).err().expect("refused");
        assert!(matches!(err, StoreError::ReadOnly { .. }) && err.readable_without_saving(), "{err:?}");
        assert!(std::fs::read(&path).expect("read") == before, "the file was changed");
    }
    let store = SqliteStore::open_read_only(&path).expect("read without saving");
    assert_eq!(store.counts().expect("counts").total, 3);
    let mut store = store;
    assert!(matches!(store.set_read(&[id("talks")], true), Err(StoreError::ReadOnly { .. })));
}

#[test]
fn the_default_path_follows_xdg() {
    use std::path::PathBuf;
    let home = Some(PathBuf::from("/home/u"));
    let path = |db: Option<&str>, xdg: Option<&str>| {
        sqlite::db_path_from(db.map(Into::into), xdg.map(Into::into), home.clone()).expect("a path")
    };
    assert_eq!(path(None, None), PathBuf::from("/home/u/.local/share/cyberreader/library.db"));
    assert_eq!(path(None, Some("/data")), PathBuf::from("/data/cyberreader/library.db"));
    assert_eq!(path(None, Some("relative")), PathBuf::from("/home/u/.local/share/cyberreader/library.db"));
    assert_eq!(path(Some("/tmp/x.db"), Some("/data")), PathBuf::from("/tmp/x.db"));
    assert!(sqlite::db_path_from(None, None, None).is_err());
}
