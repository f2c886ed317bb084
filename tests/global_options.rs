//! `--db` and `--config` go before a subcommand or after it, and mean the same both ways; the
//! reader's own options given with a subcommand are refused, never ignored. Through the binary,
//! on temporary libraries and a feed server the test starts on 127.0.0.1.
#![allow(clippy::unwrap_used)]

mod feeds_support;
mod home;

use std::path::{Path, PathBuf};

use cyberreader::store::{Filter, SqliteStore, Store};
use feeds_support::{Reply, rss, serve};
use home::cyberreader;

/// A library at `dir/NAME` holding one article of the user's, about a harbour.
fn library(dir: &Path, name: &str) -> PathBuf {
    let file = dir.join("harbour.txt");
    std::fs::write(
        &file,
        "Harbour reopens after storm\n\nBUSAN, Oct. 3 (Yonhap) -- The harbour reopened on Thursday after the storm, port officials said.\n",
    )
    .unwrap();
    let db = dir.join(name);
    cyberreader(dir).arg("--db").arg(&db).arg("--json").arg(&file).assert().success();
    db
}

fn run(home: &Path, args: &[&std::ffi::OsStr]) -> (i32, String, String) {
    let out = cyberreader(home).env("NO_COLOR", "1").args(args).output().unwrap();
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (out.status.code().unwrap_or(-1), text(&out.stdout), text(&out.stderr))
}

#[test]
fn search_takes_db_before_or_after_the_subcommand() {
    let home = tempfile::tempdir().unwrap();
    let db = library(home.path(), "mine.db");
    let db = db.as_os_str();
    let after = run(home.path(), &["search".as_ref(), "harbour".as_ref(), "--db".as_ref(), db]);
    assert_eq!(after.0, 0, "{}", after.2);
    assert!(after.1.starts_with("Harbour reopens after storm\n"), "{}", after.1);
    let before = run(home.path(), &["--db".as_ref(), db, "search".as_ref(), "harbour".as_ref()]);
    assert_eq!(before, after);
    let mut joined = std::ffi::OsString::from("--db=");
    joined.push(db);
    let equals = run(home.path(), &[joined.as_os_str(), "search".as_ref(), "harbour".as_ref()]);
    assert_eq!(equals, after);
    // Not the default library: that one was never made.
    assert!(!home.path().join("data/cyberreader/library.db").exists());
    // A word the library lacks: nothing found, either way.
    assert_eq!(run(home.path(), &["--db".as_ref(), db, "search".as_ref(), "volcano".as_ref()]).0, 1);
}

#[test]
fn config_goes_before_or_after_the_subcommand_and_a_bad_one_is_named_either_way() {
    let home = tempfile::tempdir().unwrap();
    let db = library(home.path(), "mine.db");
    let missing = home.path().join("nowhere.toml");
    for args in [
        vec![
            "--config".as_ref(),
            missing.as_os_str(),
            "search".as_ref(),
            "harbour".as_ref(),
            "--db".as_ref(),
            db.as_os_str(),
        ],
        vec![
            "search".as_ref(),
            "harbour".as_ref(),
            "--db".as_ref(),
            db.as_os_str(),
            "--config".as_ref(),
            missing.as_os_str(),
        ],
    ] {
        let (code, _, err) = run(home.path(), &args);
        assert_eq!(code, 2);
        assert!(err.contains("nowhere.toml"), "{err}");
    }
}

#[test]
fn fetch_stores_into_the_library_db_names_before_or_after_the_subcommand() {
    let server = serve(|_| Reply::ok("application/rss+xml", rss("Wire", 3)));
    let home = tempfile::tempdir().unwrap();
    let urls = home.path().join("config/cyberreader/urls");
    std::fs::create_dir_all(urls.parent().unwrap()).unwrap();
    std::fs::write(&urls, format!("{}\n", server.url("/wire.xml"))).unwrap();
    let first = home.path().join("first.db");
    let second = home.path().join("second.db");
    let (code, _, err) = run(home.path(), &["--db".as_ref(), first.as_os_str(), "fetch".as_ref()]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = run(home.path(), &["fetch".as_ref(), "--db".as_ref(), second.as_os_str()]);
    assert_eq!(code, 0, "{err}");
    for db in [&first, &second] {
        assert_eq!(SqliteStore::open(db).unwrap().count(&Filter::All).unwrap(), 3, "{}", db.display());
    }
    assert!(!home.path().join("data/cyberreader/library.db").exists(), "the default library is left alone");
}

#[test]
fn the_readers_own_options_with_a_subcommand_are_refused() {
    let home = tempfile::tempdir().unwrap();
    let db = library(home.path(), "mine.db");
    let (code, out, err) =
        run(home.path(), &["--json".as_ref(), "search".as_ref(), "harbour".as_ref(), "--db".as_ref(), db.as_os_str()]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.contains("the subcommand 'search' cannot be used with '--json'"), "{err}");
    // Its own --json, after it, is the search's.
    let (code, out, _) =
        run(home.path(), &["search".as_ref(), "harbour".as_ref(), "--json".as_ref(), "--db".as_ref(), db.as_os_str()]);
    assert_eq!(code, 0);
    assert!(out.contains("\"title\": \"Harbour reopens after storm\""), "{out}");
}
