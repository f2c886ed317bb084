//! Scripts on the library: `--json` with each article's state, `cyberreader search`, and `L`
//! between the files opened and the whole library, through the real binary.
#![allow(clippy::unwrap_used)]

use std::path::Path;

use cyberreader::article::ArticleId;
use cyberreader::store::{Position, SqliteStore, Store};

mod home;
use home::cyberreader;

/// A library at `home/library.db` holding two articles of the user's, the first read, starred
/// and scrolled; returns the library's path and the articles' ids (as the library has them).
fn library(home: &Path) -> (std::path::PathBuf, Vec<ArticleId>) {
    let files = home.join("files");
    std::fs::create_dir_all(&files).unwrap();
    std::fs::write(
        files.join("a.txt"),
        "Harbour reopens after storm\n\nBUSAN, Oct. 3 (Yonhap) -- The harbour reopened on Thursday after the storm, port officials said.\n\nFerries to Jeju resumed.\n",
    )
    .unwrap();
    std::fs::write(
        files.join("b.txt"),
        "Bridge closes for repairs\n\nINCHEON, Oct. 4 (Yonhap) -- The bridge closed for repairs, city officials said on Friday.\n",
    )
    .unwrap();
    let db = home.join("library.db");
    cyberreader(home).arg("--db").arg(&db).arg("--json").arg(&files).assert().success();
    let mut store = SqliteStore::open(&db).unwrap();
    let mut ids: Vec<(String, ArticleId)> = cyberreader::app::library::load_all(&store)
        .unwrap()
        .into_iter()
        .map(|s| (s.article.title.clone(), s.article.id))
        .collect();
    ids.sort();
    let ids: Vec<ArticleId> = ids.into_iter().map(|(_, id)| id).collect();
    assert_eq!(ids.len(), 2);
    // "Bridge ..." sorts first: make the harbour the one read.
    store.set_read(&ids[1..], true).unwrap();
    store.set_starred(&ids[1..], true).unwrap();
    store.set_position(&ids[1], Position { block: 2, offset: 7 }).unwrap();
    store.checkpoint().unwrap();
    (db, ids)
}

fn json(out: &[u8]) -> serde_json::Value {
    serde_json::from_slice(out).unwrap()
}

#[test]
fn json_from_a_library_carries_each_articles_state_and_files_alone_carry_none() {
    let home = tempfile::tempdir().unwrap();
    let (db, _) = library(home.path());
    let out = cyberreader(home.path()).arg("--db").arg(&db).arg("--json").assert().success().get_output().clone();
    let doc = json(&out.stdout);
    let articles = doc["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 2);
    let by_title = |t: &str| articles.iter().find(|a| a["title"] == t).unwrap();
    let harbour = by_title("Harbour reopens after storm");
    assert_eq!((&harbour["read"], &harbour["starred"]), (&true.into(), &true.into()));
    assert_eq!(harbour["position"], serde_json::json!({"block": 2, "offset": 7}));
    let bridge = by_title("Bridge closes for repairs");
    assert_eq!((&bridge["read"], &bridge["starred"]), (&false.into(), &false.into()));
    assert_eq!(bridge["position"], serde_json::json!({"block": 0, "offset": 0}));
    // The same files without --db: no library, so no state at all.
    let out = cyberreader(home.path()).arg("--json").arg(home.path().join("files")).assert().success();
    let doc = json(&out.get_output().stdout);
    for a in doc["articles"].as_array().unwrap() {
        assert!(a.get("read").is_none() && a.get("starred").is_none() && a.get("position").is_none(), "{a}");
    }
}

#[test]
fn search_prints_what_it_finds_best_first_and_never_writes_the_library() {
    let home = tempfile::tempdir().unwrap();
    let (db, ids) = library(home.path());
    let before = std::fs::read(&db).unwrap();
    let out = cyberreader(home.path()).args(["search", "harbour"]).arg("--db").arg(&db).assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "Harbour reopens after storm", "{text}");
    assert!(lines[1].contains("BUSAN") && lines[1].contains("Yonhap") && lines[1].contains("a.txt"), "{text}");
    assert!(lines[2].contains("harbour reopened"), "{text}");
    assert_eq!(lines[3], format!("  id: {}", ids[1].as_str()));
    assert!(!text.contains("Bridge"), "{text}");
    // Both match "officials"; --json gives the document with each one's snippet and state.
    let out = cyberreader(home.path()).args(["search", "officials", "--json"]).arg("--db").arg(&db).assert().success();
    let doc = json(&out.get_output().stdout);
    let found = doc["articles"].as_array().unwrap();
    assert_eq!(found.len(), 2, "{doc}");
    for a in found {
        let snippet = a["snippet"]["text"].as_str().unwrap();
        let [start, end] = [0, 1].map(|k| usize::try_from(a["snippet"]["matches"][0][k].as_u64().unwrap()).unwrap());
        assert_eq!(snippet[start..end].to_lowercase(), "officials", "{a}");
        assert!(a["read"].is_boolean() && a["paragraphs"].is_array() && a["people"].is_array(), "{a}");
    }
    assert!(doc["people"].is_array());
    // Fields of the language, and a word left out.
    let out = cyberreader(home.path()).args(["search", "officials is:starred"]).arg("--db").arg(&db).assert().success();
    assert!(String::from_utf8_lossy(&out.get_output().stdout).starts_with("Harbour reopens"));
    let out = cyberreader(home.path()).args(["search", "--db"]).arg(&db).args(["--", "-harbour", "officials"]).assert();
    assert!(String::from_utf8_lossy(&out.get_output().stdout).starts_with("Bridge closes"));
    // Nothing found: status 1 and nothing printed, as grep does.
    cyberreader(home.path()).args(["search", "volcano"]).arg("--db").arg(&db).assert().code(1).stdout("");
    assert_eq!(std::fs::read(&db).unwrap(), before, "search changed the library");
}

#[test]
fn a_query_that_cannot_be_understood_says_where_and_why() {
    let home = tempfile::tempdir().unwrap();
    let (db, _) = library(home.path());
    let out =
        cyberreader(home.path()).args(["search", "talks \"summit"]).arg("--db").arg(&db).assert().code(2).stdout("");
    let said = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(said.contains("never closed") && said.contains("at character 7"), "{said}");
    assert!(said.contains("  talks \"summit\n        ^"), "{said}");
    let out = cyberreader(home.path()).args(["search", "colour:red"]).arg("--db").arg(&db).assert().code(2);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("colour"));
}

#[test]
fn search_without_a_library_yet_finds_the_bundled_articles_and_creates_nothing() {
    let home = tempfile::tempdir().unwrap();
    let out = cyberreader(home.path()).args(["search", "person:\"Ban Ki-moon\""]).assert().success();
    assert!(String::from_utf8_lossy(&out.get_output().stdout).contains("U.N. chief calls"));
    assert!(!home.path().join("data").exists());
}

#[test]
fn l_goes_from_the_files_to_the_whole_library_and_back() {
    let home = tempfile::tempdir().unwrap();
    let (db, _) = library(home.path());
    let other = home.path().join("other");
    std::fs::create_dir_all(&other).unwrap();
    std::fs::write(other.join("c.txt"), "Talks resume in Geneva\n\nGENEVA (AP) -- Talks resumed on Monday.\n").unwrap();
    let shot = |keys: &str| {
        let out = cyberreader(home.path())
            .arg("--db")
            .arg(&db)
            .args(["--screenshot", "--size", "120x12", "--keys", keys])
            .arg(&other)
            .assert()
            .success();
        String::from_utf8(out.get_output().stdout.clone()).unwrap()
    };
    let files = shot("");
    assert!(files.contains("Talks resume") && !files.contains("Harbour") && files.contains("· files"), "{files}");
    let whole = shot("L");
    assert!(whole.contains("Talks resume") && whole.contains("Harbour") && whole.contains("Bridge"), "{whole}");
    assert!(whole.contains("The whole library: 3 articles"), "{whole}");
    let back = shot("LjL");
    assert!(back.contains("Talks resume") && !back.contains("Harbour"), "{back}");
    assert!(back.contains("The files you opened: 1 article "), "{back}");
}
