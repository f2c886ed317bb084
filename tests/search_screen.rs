//! The library search screen through the real binary: files added to a temporary library, then
//! `--screenshot` plays the keys on it.
#![allow(clippy::unwrap_used)]

use std::path::Path;

mod home;
use home::cyberreader;

/// A library of three articles of our own at `home/library.db`.
fn library(home: &Path) -> std::path::PathBuf {
    let files = home.join("news");
    std::fs::create_dir_all(&files).unwrap();
    let write = |name: &str, text: &str| std::fs::write(files.join(name), text).unwrap();
    write(
        "a-harbour.txt",
        "Harbour reopens after storm\n\nBUSAN, Oct. 3 (Yonhap) -- The harbour reopened on Monday after \
         a week. Fishing boats went out again at dawn.\n\nThe storm had closed the harbour for seven days.\n",
    );
    write(
        "b-talks.txt",
        "Talks resume in Geneva\n\nGENEVA, Oct. 5 (AP) -- Negotiators met again on Saturday. The talks \
         went on late into the night.\n\nA harbour deal was not on the table, officials said.\n",
    );
    write("c-rain.txt", "Rain expected\n\nSEOUL, Oct. 7 (Yonhap) -- Rain is expected all week.\n");
    let db = home.join("library.db");
    cyberreader(home).arg("--db").arg(&db).arg("--json").arg(&files).assert().success();
    db
}

fn screen(home: &Path, db: &Path, keys: &str) -> String {
    let out = cyberreader(home)
        .arg("--db")
        .arg(db)
        .args(["--screenshot", "--size", "120x40", "--keys", keys])
        .assert()
        .success()
        .get_output()
        .clone();
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn results_show_headline_date_place_source_and_a_snippet_best_first() {
    let home = tempfile::tempdir().unwrap();
    let db = library(home.path());
    let shown = screen(home.path(), &db, "fharbour");
    let lines: Vec<&str> = shown.lines().collect();
    assert!(lines[0].contains("Search the library  harbour"), "{shown}");
    assert!(lines[1].contains("2 results · best match first"), "{shown}");
    let first = lines.iter().position(|l| l.contains("Harbour reopens after storm")).expect(&shown);
    let second = lines.iter().position(|l| l.contains("Talks resume in Geneva")).expect(&shown);
    assert!(first < second, "three mentions rank above one:\n{shown}");
    assert!(lines[first + 1].contains("BUSAN · Yonhap") && lines[first + 1].contains("a-harbour.txt"), "{shown}");
    assert!(lines[second + 1].contains("GENEVA · AP"), "{shown}");
    // The dateline's month and day, the year from the file's time: a date in October.
    assert!(lines[second + 1].contains("Oct 5") || lines[second + 1].contains("-10-05"), "{shown}");
    // The snippet of the first paragraph that matches.
    assert!(lines[second + 2].contains("A harbour deal was not on the table"), "{shown}");
    assert!(!shown.contains("Rain expected"));
    assert!(lines[39].contains("SEARCH") && lines[39].contains("result 1/2"), "{shown}");
    // Newest first on a key.
    let by_date = screen(home.path(), &db, "fharbour<C-o>");
    let first = by_date.find("Talks resume in Geneva").expect(&by_date);
    assert!(first < by_date.find("Harbour reopens").expect(&by_date), "{by_date}");
    assert!(by_date.contains("newest first"));
}

#[test]
fn enter_reads_the_article_with_its_matches_counted_and_n_walks_them() {
    let home = tempfile::tempdir().unwrap();
    let db = library(home.path());
    let shown = screen(home.path(), &db, "fharbour<Enter><Down><Enter>");
    assert!(!shown.contains("Search the library"), "back in the reader:\n{shown}");
    let status = shown.lines().last().unwrap();
    assert!(status.contains("ARTICLE") && status.contains("[1/1]"), "{shown}");
    assert!(shown.contains("A harbour deal was not on the table"), "{shown}");
    let walked = screen(home.path(), &db, "fharbour<Enter><Enter>n");
    let status = walked.lines().last().unwrap();
    // "Harbour" in the headline, twice in the text: the second is current after n.
    assert!(status.contains("[2/3]"), "{walked}");
}

#[test]
fn an_article_not_among_the_files_given_is_opened_from_the_library() {
    let home = tempfile::tempdir().unwrap();
    let db = library(home.path());
    let out = cyberreader(home.path())
        .arg("--db")
        .arg(&db)
        .arg(home.path().join("news").join("c-rain.txt"))
        .args(["--screenshot", "--size", "120x40", "--keys", "fnegotiators<Enter><Enter>"])
        .assert()
        .success()
        .get_output()
        .clone();
    let shown = String::from_utf8(out.stdout).unwrap();
    assert!(shown.contains("Articles 2/2") || shown.contains("Articles 1/2"), "{shown}");
    assert!(shown.contains("Negotiators met again"), "{shown}");
    assert!(shown.lines().last().unwrap().contains("[1/1]"), "{shown}");
}

#[test]
fn a_query_that_cannot_be_parsed_says_where_and_why() {
    let home = tempfile::tempdir().unwrap();
    let db = library(home.path());
    let shown = screen(home.path(), &db, "fharbour date:2013-13");
    let lines: Vec<&str> = shown.lines().collect();
    assert!(lines[0].contains("harbour date:2013-13"), "{shown}");
    let caret = lines[1].find('^').expect(&shown);
    // Under the "2" of the date.
    assert_eq!(lines[0].chars().nth(caret), Some('2'), "{shown}");
    assert!(lines[1].contains("\"2013-13\" is not a date"), "{shown}");
    // While a quote is open, the results of the last query that could run stay.
    let shown = screen(home.path(), &db, "fharbour \"storm");
    let lines: Vec<&str> = shown.lines().collect();
    assert_eq!(lines[0].chars().nth(lines[1].find('^').expect(&shown)), Some('"'), "{shown}");
    assert!(lines[1].contains("a quotation mark is never closed (at character 9)"), "{shown}");
    assert!(shown.contains("Harbour reopens after storm") && shown.contains("Talks resume"), "{shown}");
}

/// Files read by a script without `--db` have no library behind them: the screens that ask one
/// say so at once instead of waiting for an answer that cannot come.
#[test]
fn without_a_library_the_screens_that_need_one_say_so() {
    let home = tempfile::tempdir().unwrap();
    let article = Path::new(env!("CARGO_MANIFEST_DIR")).join("articles");
    for (key, what) in [("f", "Library search"), ("P", "People view"), ("F", "Feeds view")] {
        let out = cyberreader(home.path())
            .arg(&article)
            .args(["--screenshot", "--size", "120x30", "--keys", key])
            .assert()
            .success()
            .get_output()
            .clone();
        let shown = String::from_utf8(out.stdout).unwrap();
        let status = shown.lines().last().unwrap();
        assert!(status.contains(&format!("{what}: no library in this run (use --db)")), "{shown}");
        assert!(shown.contains("Articles 1/2"), "the reader stays: {shown}");
    }
}
