//! The library as the command line meets it: which file `--db` and `CYBERREADER_DB` choose,
//! `:memory:`, scripts that read without writing, and library files that cannot be used.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use cyberreader::store::{SqliteStore, Store};

mod home;
use home::cyberreader;

fn articles() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("articles")
}

fn screen(cmd: &mut Command) -> (String, String) {
    let out = cmd.args(["--screenshot", "--size", "400x8"]).assert().success().get_output().clone();
    (String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

fn titles(path: &Path) -> usize {
    SqliteStore::open(path).unwrap().counts().unwrap().total
}

#[test]
fn db_chooses_the_library_and_files_given_are_added_to_it() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("elsewhere").join("mine.db");
    let (shown, _) = screen(cyberreader(home.path()).arg("--db").arg(&db).arg(articles()));
    assert!(shown.contains("U.N. chief calls"), "{shown}");
    assert_eq!(titles(&db), 2);
    // Nothing went to the default place.
    assert!(!home.path().join("data").exists());
}

#[test]
fn the_environment_chooses_the_library_and_scripts_without_files_only_read_it() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("env.db");
    // No such library yet: the script shows the bundled articles and creates nothing.
    let (shown, _) = screen(cyberreader(home.path()).env("CYBERREADER_DB", &db));
    assert!(shown.contains("U.N. chief calls"), "{shown}");
    assert!(!db.exists(), "a script without files wrote a library");
    // A library holding one article of the user's, and no bundled ones.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Harbour reopens\n\nBUSAN (Yonhap) -- The harbour reopened.\n").unwrap();
    screen(cyberreader(home.path()).arg("--db").arg(&db).arg(dir.path()));
    let before = std::fs::read(&db).unwrap();
    let (shown, _) = screen(cyberreader(home.path()).env("CYBERREADER_DB", &db));
    assert!(shown.contains("Harbour reopens") && !shown.contains("U.N. chief"), "{shown}");
    assert_eq!(std::fs::read(&db).unwrap(), before, "reading the library changed it");
}

#[test]
fn files_in_a_script_without_db_write_no_library() {
    let home = tempfile::tempdir().unwrap();
    cyberreader(home.path()).arg("--json").arg(articles()).assert().success();
    screen(cyberreader(home.path()).arg(articles()));
    assert!(!home.path().join("data").exists());
    assert!(std::fs::read_dir(home.path()).unwrap().all(|e| e.unwrap().file_name() != "library.db"));
}

#[test]
fn memory_shows_the_bundled_articles_and_keeps_nothing() {
    let home = tempfile::tempdir().unwrap();
    let (shown, _) = screen(cyberreader(home.path()).args(["--db", ":memory:"]));
    assert!(shown.contains("U.N. chief calls") && shown.contains("Gov't officials"), "{shown}");
    assert!(!home.path().join("data").exists());
    assert!(!home.path().join(":memory:").exists() && !Path::new(":memory:").exists());
}

/// A library file that cannot be used: named, with a way on, the articles still read without
/// saving, and the file exactly as it was.
fn refused_untouched(db: &Path, why: &str) {
    let home = tempfile::tempdir().unwrap();
    let before = std::fs::read(db).unwrap();
    let (shown, said) = screen(cyberreader(home.path()).arg("--db").arg(db).arg(articles()));
    let name = db.display().to_string();
    for text in [&shown, &said] {
        assert!(text.contains(&name) && text.contains(why), "{text}");
        assert!(text.contains("--db") && text.contains("nothing is saved this session"), "{text}");
    }
    assert!(shown.contains("U.N. chief calls"), "the articles are still shown: {shown}");
    // Without files: the bundled articles, and the same message.
    let (shown, said) = screen(cyberreader(home.path()).arg("--db").arg(db));
    assert!(shown.contains("U.N. chief calls") && said.contains(why), "{shown}{said}");
    assert_eq!(std::fs::read(db).unwrap(), before, "the library file was changed");
}

#[test]
fn a_damaged_library_is_named_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.db");
    std::fs::write(&db, "this is not a database, but somebody's notes\n".repeat(200)).unwrap();
    refused_untouched(&db, "is damaged");
}

#[test]
fn a_library_from_a_newer_cyberreader_is_named_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.db");
    {
        SqliteStore::open(&db).unwrap();
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch("PRAGMA user_version = 99; PRAGMA wal_checkpoint(TRUNCATE);").unwrap();
    }
    refused_untouched(&db, "newer cyberreader");
}

#[test]
fn a_read_only_library_is_read_without_saving() {
    use std::os::unix::fs::PermissionsExt as _;
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.db");
    screen(cyberreader(home.path()).arg("--db").arg(&db).arg(articles()));
    SqliteStore::open(&db).unwrap().checkpoint().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o444)).unwrap();
    if std::fs::OpenOptions::new().write(true).open(&db).is_ok() {
        // Running as root: permissions do not stop writes, so there is no read-only file to test.
        eprintln!("skipped: file permissions do not apply to this user");
        return;
    }
    let before = std::fs::read(&db).unwrap();
    let (shown, _) = screen(cyberreader(home.path()).arg("--db").arg(&db).arg(articles()));
    assert!(shown.contains("cannot be written") && shown.contains("reading it without saving"), "{shown}");
    assert!(shown.contains("U.N. chief calls"), "{shown}");
    assert_eq!(std::fs::read(&db).unwrap(), before);
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
}
