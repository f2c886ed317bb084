//! The subscription commands run as a user runs them, against a server the test starts on
//! 127.0.0.1: `add`, `fetch` (twice, with failures, with retention), `remove`, `export` and
//! `import` (OPML and newsboat's cache.db). Every run has its own home, config, data and library.

// Helpers outside the #[test] functions unwrap too: a failure there is the test's failure.
#![allow(clippy::unwrap_used)]

mod feeds_support;
mod home;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use cyberreader::article::ArticleId;
use cyberreader::store::{Filter, Order, SqliteStore, Store};
use feeds_support::{Reply, rss, serve};
use home::Home;

impl Home {
    fn store(&self) -> SqliteStore {
        SqliteStore::open(&self.db()).unwrap()
    }

    fn titles(&self) -> Vec<String> {
        let rows = self.store().articles_page(&Filter::All, Order::Oldest, 0, 1000).unwrap();
        let mut titles: Vec<String> = rows.into_iter().map(|r| r.title).collect();
        titles.sort();
        titles
    }
}

/// A feed of `n` items, item `i` dated `i` days after 1 June 2025.
fn dated_feed(n: usize) -> String {
    let mut out = String::from("<rss version=\"2.0\"><channel><title>Dated</title>");
    for i in 0..n {
        out.push_str(&format!(
            "<item><title>Dated {i}</title><guid>d-{i}</guid><link>https://d.example/{i}</link>\
             <pubDate>{:02} Jun 2025 08:00:00 GMT</pubDate><description>Text {i}.</description></item>",
            i + 1
        ));
    }
    out.push_str("</channel></rss>");
    out
}

#[test]
fn add_then_fetch_stores_the_items_with_their_people_and_a_second_fetch_is_a_304() {
    let server = serve(|r| {
        if r.header("If-None-Match") == Some("\"v1\"") {
            Reply::status(304)
        } else {
            Reply::ok("application/rss+xml", rss("Wire", 3)).with_header("ETag", "\"v1\"")
        }
    });
    let home = Home::new();
    let url = server.url("/wire.xml");
    let (code, _, err) = home.run(&["add", &url, "world"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(std::fs::read_to_string(home.urls()).unwrap(), format!("{url} world\n"));

    let (code, out, err) = home.run(&["fetch"]);
    assert_eq!((code, out.as_str()), (0, "Wire: 200 OK, 3 items, 3 new\n"), "{err}");
    assert_eq!(home.titles(), ["Story 0", "Story 1", "Story 2"]);
    let stored = home.store().article(&ArticleId::feed_item(&url, "id-1")).unwrap().unwrap();
    assert!(stored.people.iter().any(|p| p.name == "Park Ji-won" && p.mentions > 0), "{:?}", stored.people);
    assert_eq!(stored.link.as_deref(), Some("https://example.org/1"));

    let (code, out, _) = home.run(&["fetch"]);
    assert_eq!((code, out.as_str()), (0, "Wire: unchanged (304)\n"));
    assert_eq!(home.titles().len(), 3);
}

#[test]
fn a_failing_feed_is_reported_the_others_stored_and_a_failed_fetch_loses_nothing() {
    let down = Arc::new(AtomicBool::new(false));
    let server_down = Arc::clone(&down);
    let server = serve(move |r| match r.path() {
        _ if server_down.load(Ordering::SeqCst) => Reply::status(500),
        "/a" => Reply::ok("application/rss+xml", rss("Alpha", 2)),
        "/b" => Reply::ok("application/rss+xml", dated_feed(2)),
        _ => Reply::status(404),
    });
    let home = Home::new();
    for path in ["/a", "/gone", "/b"] {
        assert_eq!(home.run(&["add", &server.url(path)]).0, 0);
    }
    let (code, out, err) = home.run(&["fetch"]);
    assert_eq!(code, 1, "{out}{err}");
    let gone = server.url("/gone");
    assert_eq!(out, format!("Alpha: 200 OK, 2 items, 2 new\n{gone}: HTTP 404\nDated: 200 OK, 2 items, 2 new\n"));
    assert!(err.contains("1 of 3 feeds could not be fetched"), "{err}");
    assert_eq!(home.titles(), ["Dated 0", "Dated 1", "Story 0", "Story 1"]);

    // The reader's state on an item, then every feed fails: everything stays, state included.
    let item = ArticleId::feed_item(&server.url("/a"), "id-0");
    home.store().set_read(std::slice::from_ref(&item), true).unwrap();
    down.store(true, Ordering::SeqCst);
    let (code, out, _) = home.run(&["fetch"]);
    assert_eq!(code, 1);
    assert_eq!(out.matches("HTTP 500").count(), 3, "{out}");
    assert_eq!(home.titles().len(), 4);
    // Back up: the item seen again is the same article, still read.
    down.store(false, Ordering::SeqCst);
    assert_eq!(
        home.run(&["fetch"]).1,
        format!("Alpha: 200 OK, 2 items, 0 new\n{gone}: HTTP 404\nDated: 200 OK, 2 items, 0 new\n")
    );
    assert!(home.store().state(&item).unwrap().unwrap().read);
}

#[test]
fn retention_keeps_the_newest_items_and_every_starred_one() {
    let server = serve(|_| Reply::ok("application/rss+xml", dated_feed(5)));
    let home = Home::new();
    let url = server.url("/dated");
    home.run(&["add", &url]);
    assert_eq!(home.run(&["fetch"]).1, "Dated: 200 OK, 5 items, 5 new\n");
    home.store().set_starred(&[ArticleId::feed_item(&url, "d-0")], true).unwrap();
    // The feed's own option, set by editing its line.
    home.run(&["remove", &url]);
    home.run(&["add", &url, "max-items=2"]);
    let (code, out, err) = home.run(&["fetch"]);
    assert_eq!((code, out.as_str()), (0, "Dated: 200 OK, 5 items, 0 new, 2 old dropped\n"), "{err}");
    assert_eq!(home.titles(), ["Dated 0", "Dated 3", "Dated 4"]);
    // Dropped items do not come back at the next fetch.
    assert_eq!(home.run(&["fetch"]).1, "Dated: 200 OK, 5 items, 0 new\n");
    assert_eq!(home.titles().len(), 3);
}

#[test]
fn export_and_import_round_trip_tags_and_titles_and_bad_lines_are_named() {
    let home = Home::new();
    home.run(&["add", "https://a.example/rss", "world news", "korea"]);
    home.run(&["add", "https://b.example/atom", "tech"]);
    let (code, opml, _) = home.run(&["export"]);
    assert_eq!(code, 0);
    assert!(opml.contains("https://a.example/rss") && opml.contains("world news"), "{opml}");
    let file = home.dir.path().join("feeds.opml");
    std::fs::write(&file, &opml).unwrap();
    assert_eq!(home.run(&["remove", "https://a.example/rss"]).0, 0);
    assert_eq!(home.run(&["remove", "https://b.example/atom"]).0, 0);
    assert_eq!(std::fs::read_to_string(home.urls()).unwrap(), "");
    let (code, _, err) = home.run(&["import", file.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("imported 2 feeds"), "{err}");
    let urls = std::fs::read_to_string(home.urls()).unwrap();
    assert!(
        urls.contains("https://a.example/rss") && urls.contains("\"world news\"") && urls.contains("korea"),
        "{urls}"
    );
    assert!(urls.contains("https://b.example/atom") && urls.contains("tech"), "{urls}");
    assert_eq!(home.run(&["remove", "https://c.example/"]).0, 2);

    // newsboat's lines that would run something are named and skipped, never run.
    let marker = home.dir.path().join("ran");
    std::fs::write(home.urls(), format!("\"exec:touch {}\"\nfilter:x:https://f.example/\n", marker.display())).unwrap();
    let (code, _, err) = home.run(&["fetch"]);
    assert_eq!(code, 0);
    let urls = home.urls().display().to_string();
    assert!(err.contains(&format!("{urls}, line 1: exec: feeds are not supported")), "{err}");
    assert!(err.contains(&format!("{urls}, line 2: filter: feeds are not supported")), "{err}");
    assert!(!marker.exists());
}

#[test]
fn a_permanent_move_is_remembered_in_the_library_and_the_urls_file_is_left_alone() {
    let old_hits = Arc::new(AtomicUsize::new(0));
    let hits = Arc::clone(&old_hits);
    let server = serve(move |r| match r.path() {
        "/old" => {
            hits.fetch_add(1, Ordering::SeqCst);
            Reply::redirect(301, "/new")
        }
        _ => Reply::ok("application/rss+xml", rss("Moved", 1)),
    });
    let home = Home::new();
    let old = server.url("/old");
    home.run(&["add", &old]);
    let (code, out, _) = home.run(&["fetch"]);
    assert_eq!(code, 0);
    let new = server.url("/new");
    assert_eq!(
        out,
        format!(
            "Moved: 200 OK, 1 item, 1 new; moved permanently to {new} (fetched from there from now on; the urls file is unchanged)\n"
        )
    );
    assert_eq!(std::fs::read_to_string(home.urls()).unwrap(), format!("{old}\n"));
    assert_eq!(home.run(&["fetch"]).0, 0);
    assert_eq!(old_hits.load(Ordering::SeqCst), 1, "the second fetch went to the new address");
}

#[test]
fn newsboat_read_and_flagged_state_comes_over_by_guid_or_link() {
    let server = serve(|_| Reply::ok("application/rss+xml", rss("Wire", 3)));
    let home = Home::new();
    let url = server.url("/wire");
    home.run(&["add", &url]);
    home.run(&["fetch"]);
    let cache = home.dir.path().join("cache.db");
    {
        let db = rusqlite::Connection::open(&cache).unwrap();
        db.execute_batch(
            "CREATE TABLE rss_item (id INTEGER PRIMARY KEY AUTOINCREMENT, guid VARCHAR(64) NOT NULL, \
             title VARCHAR(1024) NOT NULL, author VARCHAR(1024) NOT NULL, url VARCHAR(1024) NOT NULL, \
             feedurl VARCHAR(1024) NOT NULL, pubDate INTEGER NOT NULL, content VARCHAR(65535) NOT NULL, \
             unread INTEGER(1) NOT NULL, flags VARCHAR(52), deleted INTEGER(1) NOT NULL DEFAULT 0);",
        )
        .unwrap();
        let mut add = db
            .prepare("INSERT INTO rss_item (guid, title, author, url, feedurl, pubDate, content, unread, flags) VALUES (?1, '', '', ?2, ?3, 0, '', ?4, ?5)")
            .unwrap();
        // By guid: read. By link only (another guid): flagged, unread. Unknown: nothing.
        add.execute(rusqlite::params!["id-0", "https://elsewhere.example/0", url, 0, ""]).unwrap();
        add.execute(rusqlite::params!["other-guid", "https://example.org/1", "https://old.example/feed", 1, "s"])
            .unwrap();
        add.execute(rusqlite::params!["nobody", "https://nowhere.example/", url, 0, "x"]).unwrap();
    }
    let before = std::fs::read(&cache).unwrap();
    let (code, _, err) = home.run(&["import", cache.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("2 of 3 items matched articles in the library (1 marked read, 1 starred)"), "{err}");
    let store = home.store();
    let state = |guid: &str| store.state(&ArticleId::feed_item(&url, guid)).unwrap().unwrap();
    assert!(state("id-0").read && !state("id-0").starred);
    assert!(!state("id-1").read && state("id-1").starred);
    assert!(!state("id-2").read && !state("id-2").starred);
    assert_eq!(std::fs::read(&cache).unwrap(), before, "newsboat's cache is never written");
}
