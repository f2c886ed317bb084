//! Feeds end to end, as `cyberreader fetch` and the reader's `R` run them
//! (`sources::commands::fetch_into`): download, parse, people, and the library on disk. A
//! 10,000-item feed (~40 MB) into a fresh library; 200 feeds from a server that takes 100 ms
//! over each; then the same 200 again, all answered 304.
//!
//! Every server is started here on 127.0.0.1; libraries are made under `target/bench-feeds-store/`
//! and deleted after. `cargo bench --bench feeds_store`; see BENCHMARKS.md.

#![allow(clippy::unwrap_used)]

use std::path::PathBuf;
use std::sync::LazyLock;

use cyberreader::config::FeedSettings;
use cyberreader::sources::commands::{fetch_into, options as fetch_options};
use cyberreader::sources::feed::{FetchOptions, ProxySetting, Subscription};
use cyberreader::store::SqliteStore;
use divan::Bencher;

#[path = "../tests/feeds_support/mod.rs"]
mod feeds_support;

use feeds_support::{Reply, Server, serve};

fn main() {
    eprintln!("10,000-item feed: {:.1} MB", BIG.len() as f64 / 1e6);
    divan::main();
}

/// Each item about 4 KB of HTML: a dateline, eight paragraphs naming officials with their
/// titles, a quote, a link in each paragraph, and a list.
static BIG: LazyLock<String> = LazyLock::new(|| {
    let cities = ["BEIJING", "BERLIN", "CAIRO", "LIMA", "OTTAWA", "HANOI"];
    let people = ["Li Wei", "Greta Hoffmann", "Omar Haddad", "Lucia Quispe", "Ethan Moore", "Nguyen Thi Lan"];
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel><title>Bench Wire</title>\n",
    );
    for i in 0..10_000 {
        let city = cities[i % cities.len()];
        let who = people[i % people.len()];
        let aide = people[(i + 3) % people.len()];
        let mut body = format!(
            "<p>{city}, March 3 (AP) -- Finance Minister {who} on Monday announced budget measure {i}, \
             saying the government would publish the full plan once parliament had debated it in committee.</p>"
        );
        for p in 0..8 {
            body.push_str(&format!(
                "<p>\"This is a careful plan,\" {who} said in remarks quoted in section {p}, while State Secretary \
                 {aide} was to brief regional governors. The <a href=\"https://bench.example/{i}/{p}\">budget \
                 office</a> said spending on roads, schools and hospitals would rise over three years, and that \
                 the deficit would narrow as revenue from the new levies came in during the second half.</p>"
            ));
        }
        body.push_str("<ul><li>Roads</li><li>Schools</li><li>Hospitals</li></ul>");
        out.push_str(&format!(
            "<item><title>Budget measure {i} announced</title><link>https://bench.example/{i}</link>\
             <guid>bench-{i}</guid><pubDate>Mon, 03 Mar 2025 09:00:00 GMT</pubDate>\
             <description><![CDATA[{body}]]></description></item>\n"
        ));
    }
    out.push_str("</channel></rss>\n");
    out
});

/// 200 small feeds; the server takes 100 ms over each, and answers 304 to "v1" at once.
static SLOW: LazyLock<Server> = LazyLock::new(feeds_support::slow_feeds);

fn settings() -> FeedSettings {
    // The 40 MB feed is over the default 20 MB cap: a user with such a feed raises it.
    FeedSettings { max_size: 64, timeout: 120, ..FeedSettings::default() }
}

fn options() -> FetchOptions {
    FetchOptions { proxy: ProxySetting::Direct, ..fetch_options(&settings()) }
}

fn subscriptions(urls: impl IntoIterator<Item = String>) -> Vec<Subscription> {
    urls.into_iter().map(|url| Subscription { url, tags: Vec::new(), title: None, line: 0 }).collect()
}

/// A fresh library in its own directory under target/ (dropped with it).
struct Fresh {
    _dir: tempfile::TempDir,
    store: SqliteStore,
}

fn fresh() -> Fresh {
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| PathBuf::from("target"), PathBuf::from);
    let root = target.join("bench-feeds-store");
    std::fs::create_dir_all(&root).unwrap();
    let dir = tempfile::tempdir_in(root).unwrap();
    let store = SqliteStore::open(&dir.path().join("library.db")).unwrap();
    Fresh { _dir: dir, store }
}

#[divan::bench(sample_count = 3, sample_size = 1)]
fn fetch_and_store_10k_items_with_people(bencher: Bencher) {
    static SERVER: LazyLock<Server> = LazyLock::new(|| serve(|_| Reply::ok("application/rss+xml", BIG.as_bytes())));
    let feeds = subscriptions([SERVER.url("/big.xml")]);
    bencher.with_inputs(fresh).bench_local_values(|mut library| {
        let done = fetch_into(&feeds, &mut library.store, &settings(), options(), || {}, |_| {}).unwrap();
        assert_eq!(done[0].added.len(), 10_000, "{}", done[0].line);
        library
    });
}

#[divan::bench(sample_count = 3, sample_size = 1)]
fn fetch_and_store_200_feeds_100ms_each(bencher: Bencher) {
    let feeds = subscriptions((0..200).map(|n| SLOW.url(&format!("/feed/{n}"))));
    bencher.with_inputs(fresh).bench_local_values(|mut library| {
        let done = fetch_into(&feeds, &mut library.store, &settings(), options(), || {}, |_| {}).unwrap();
        assert!(done.iter().all(|d| !d.failed && d.added.len() == 10), "{:?}", done[0]);
        library
    });
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn second_fetch_of_200_feeds_all_304(bencher: Bencher) {
    let feeds = subscriptions((0..200).map(|n| SLOW.url(&format!("/feed/{n}"))));
    let mut library = fresh();
    fetch_into(&feeds, &mut library.store, &settings(), options(), || {}, |_| {}).unwrap();
    bencher.bench_local(|| {
        let done = fetch_into(&feeds, &mut library.store, &settings(), options(), || {}, |_| {}).unwrap();
        assert!(done.iter().all(|d| d.line == "unchanged (304)"), "{:?}", done[0]);
    });
}
