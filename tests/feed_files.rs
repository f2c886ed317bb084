//! Files whose content is a feed, through the real binary: each item an article in `--json` and
//! on the screen, whatever the file is called; a hostile feed's escape sequences never reach the
//! output.
#![allow(clippy::unwrap_used)]

use serde_json::Value;

mod home;
use home::cyberreader;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/feeds");

fn fixture(name: &str) -> String {
    format!("{FIXTURES}/{name}")
}

fn json(name: &str) -> Vec<Value> {
    let home = tempfile::tempdir().unwrap();
    let out = cyberreader(home.path()).arg("--json").arg(fixture(name)).assert().success().get_output().stdout.clone();
    let doc: Value = serde_json::from_slice(&out).unwrap();
    doc["articles"].as_array().unwrap().clone()
}

fn names(article: &Value) -> Vec<&str> {
    article["people"].as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap()).collect()
}

#[test]
fn an_rss_file_named_txt_is_its_items_with_dateline_links_and_people() {
    let articles = json("harbour-rss2.txt");
    assert_eq!(articles.len(), 2);
    let first = &articles[0];
    assert_eq!(first["id"], "feed:https://harbour.example/feed.rss#hw-1001");
    assert_eq!(first["title"], "Ferry strike ends after three days");
    assert_eq!(first["byline"], "Marta Oyelaran");
    assert_eq!(first["source"], "Harbour Wire");
    assert_eq!(first["link"], "https://harbour.example/news/ferry-strike");
    assert_eq!(first["published"], 1_772_616_600);
    assert_eq!(first["dateline"]["place"], "BUSAN");
    assert_eq!(first["dateline"]["agency"], "Yonhap");
    assert_eq!(first["links"][0], "https://harbour.example/docs/deal.pdf");
    let paragraphs: Vec<&str> = first["paragraphs"].as_array().unwrap().iter().map(|p| p.as_str().unwrap()).collect();
    assert!(paragraphs[0].starts_with("Union leader Park Ji-hoon said"), "{paragraphs:?}");
    assert!(paragraphs.contains(&"• Crews return Thursday") && !paragraphs.iter().any(|p| p.contains("track()")));
    assert!(names(first).contains(&"Park Ji-hoon") && names(first).contains(&"Elena Vasquez"), "{:?}", names(first));
}

#[test]
fn atom_rdf_and_json_feed_files_are_read_as_feeds() {
    let atom = json("valley.atom");
    assert_eq!(atom[0]["title"], "Council approves new bridge");
    assert_eq!(atom[0]["byline"], "Tomas Lindqvist");
    assert_eq!(atom[0]["source"], "Valley Courier");
    // No self link: the file's canonical path names the feed.
    let canonical = std::fs::canonicalize(fixture("valley.atom")).unwrap();
    assert_eq!(atom[0]["id"], format!("feed:{}#urn:uuid:vc-17", canonical.display()));
    assert!(names(&atom[0]).contains(&"Ingrid Halvorsen"));

    let rdf = json("orchard.rdf");
    assert_eq!(rdf[0]["title"], "Late frost spares the apple crop");
    assert_eq!(rdf[0]["byline"], "Aiko Brennan");
    assert_eq!(rdf[0]["link"], "https://orchard.example/frost");

    let feed = json("market.json");
    assert_eq!(feed[0]["id"], "feed:https://market.example/feed.json#md-55");
    assert_eq!(feed[0]["title"], "Grain prices steady");
    assert_eq!(feed[0]["byline"], "Farid Haddad");
    assert!(names(&feed[0]).contains(&"Lucia Moretti"));
}

#[test]
fn a_feed_file_on_screen_lists_its_items_and_shows_the_item() {
    let home = tempfile::tempdir().unwrap();
    let out = cyberreader(home.path())
        .args(["--screenshot", "--size", "120x30", "--keys", "<Enter>"])
        .arg(fixture("harbour-rss2.txt"))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let screen = String::from_utf8(out).unwrap();
    assert!(screen.contains("Ferry strike ends after three days"), "{screen}");
    assert!(screen.contains("Lighthouse reopens") && screen.contains("Harbour Wire"), "{screen}");
    assert!(screen.contains("Park Ji-hoon"), "{screen}");
    assert!(!screen.contains("<item>") && !screen.contains("CDATA"), "{screen}");
}

/// Escape sequences, OSC strings and bidi overrides in a feed's title, author, link and text.
#[test]
fn a_hostile_feed_file_reaches_neither_json_nor_the_screen_as_control_sequences() {
    let home = tempfile::tempdir().unwrap();
    let out =
        cyberreader(home.path()).arg("--json").arg(fixture("hostile.xml")).assert().success().get_output().clone();
    assert!(!out.stdout.contains(&0x1b) && !out.stderr.contains(&0x1b));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let article = &doc["articles"][0];
    assert_eq!(article["title"], "Bad red title");
    assert_eq!(article["source"], "Evil Feed");
    let text = article.to_string();
    assert!(!text.contains("\\u001b") && !text.contains("\\u0007") && !text.contains('\u{202e}'), "{text}");

    let out = cyberreader(home.path())
        .args(["--screenshot", "--size", "100x24", "--keys", "<Enter>"])
        .arg(fixture("hostile.xml"))
        .assert()
        .success()
        .get_output()
        .clone();
    let screen = String::from_utf8(out.stdout).unwrap();
    assert!(screen.contains("Bad red title"), "{screen}");
    assert!(!screen.chars().any(|c| c.is_control() && c != '\n') && !screen.contains('\u{202e}'), "{screen:?}");
}

#[test]
fn binary_data_says_so_and_the_other_files_still_load() {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let binary = dir.path().join("photo.rss");
    std::fs::write(&binary, b"\xff\xd8\xff\xe0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0").unwrap();
    let out = cyberreader(home.path())
        .arg("--json")
        .arg(&binary)
        .arg(fixture("orchard.rdf"))
        .assert()
        .success()
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("photo.rss: not text (binary data)"), "{stderr}");
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["articles"].as_array().unwrap().len(), 1);
}
