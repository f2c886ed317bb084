//! Feeds: parsing a 10,000-item feed (~40 MB) into articles (HTML to text, the wire-copy parser),
//! fetching it from a local server, and 200 feeds from a local server that takes 100 ms each,
//! then the same 200 all answered 304.
//!
//! Every server is started here on 127.0.0.1. `cargo bench --bench feeds`; see BENCHMARKS.md.

#![allow(clippy::unwrap_used)]

use std::sync::LazyLock;
use std::time::Duration;

use cyberreader::sources::feed::{
    FetchOptions, FetchOutcome, FetchRequest, ProxySetting, Validators, fetch_all, fetch_one, parse_feed,
};
use divan::{Bencher, black_box};

#[path = "../tests/feeds_support/mod.rs"]
mod feeds_support;

use feeds_support::{Reply, Server, serve};

fn main() {
    eprintln!("10,000-item feed: {:.1} MB", BIG_FEED.len() as f64 / 1e6);
    divan::main();
}

/// About 4 KB of HTML per item: six paragraphs with titled names, a quote, a list and links.
static BIG_FEED: LazyLock<String> = LazyLock::new(|| {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel><title>Big Wire</title><link>https://example.org/</link>\n",
    );
    let places = ["SEOUL", "TOKYO", "WASHINGTON", "PARIS", "NAIROBI"];
    let names = ["Kim Min-soo", "Ana Tran", "Park Ji-won", "John Carter", "Amina Odhiambo"];
    for i in 0..10_000 {
        let place = places[i % places.len()];
        let name = names[i % names.len()];
        let other = names[(i + 2) % names.len()];
        let mut body = format!(
            "<p>{place}, June 10 (Yonhap) -- Foreign Minister {name} said on Tuesday that talks on item {i} would resume next week, after a pause that officials in both capitals described as a necessary step toward a broader agreement on trade and security.</p>"
        );
        for p in 0..9 {
            body.push_str(&format!(
                "<p>\"We are ready to continue,\" {surname} told reporters in paragraph {p}, adding that Deputy Minister {other} \
                 would lead the working group. The <a href=\"https://example.org/{i}/{p}\">ministry statement</a> \
                 said the sides had exchanged draft texts and that experts would meet again before the end of the month \
                 to narrow the remaining differences over tariffs, inspections and the timetable.</p>",
                surname = name.split(' ').next_back().unwrap_or(name),
            ));
        }
        body.push_str(
            "<ul><li>Tariffs on steel</li><li>Port inspections</li></ul><blockquote>Talks will go on.</blockquote>",
        );
        out.push_str(&format!(
            "<item><title>Talks on item {i} to resume</title><link>https://example.org/{i}</link><guid>id-{i}</guid>\
             <author>desk@example.org ({name})</author><pubDate>Tue, 10 Jun 2025 04:00:00 GMT</pubDate>\
             <description><![CDATA[{body}]]></description></item>\n"
        ));
    }
    out.push_str("</channel></rss>\n");
    out
});

fn options(connections: usize) -> FetchOptions {
    FetchOptions {
        connections,
        // The 40 MB feed is over the default 20 MB cap: a user with such a feed raises it.
        max_bytes: 64 * 1024 * 1024,
        total_timeout: Duration::from_secs(60),
        proxy: ProxySetting::Direct,
        ..FetchOptions::default()
    }
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn parse_10k_items(bencher: Bencher) {
    let bytes = BIG_FEED.as_bytes();
    bencher.bench(|| {
        let feed = parse_feed(black_box(bytes), None, "https://example.org/rss").unwrap();
        assert_eq!(feed.articles.len(), 10_000);
        feed
    });
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn fetch_and_parse_10k_items(bencher: Bencher) {
    static SERVER: LazyLock<Server> =
        LazyLock::new(|| serve(|_| Reply::ok("application/rss+xml", BIG_FEED.as_bytes())));
    let request = FetchRequest::new(&SERVER.url("/big"));
    bencher.bench(|| {
        let report = fetch_one(&request, &options(1));
        let FetchOutcome::Updated { feed, .. } = report.outcome else { panic!("{}", report.summary()) };
        assert_eq!(feed.articles.len(), 10_000);
    });
}

/// 200 small feeds; the server takes 100 ms over each, and answers 304 to "v1" at once.
static SLOW: LazyLock<Server> = LazyLock::new(feeds_support::slow_feeds);

fn requests(validators: bool) -> Vec<FetchRequest> {
    (0..200)
        .map(|n| FetchRequest {
            validators: Validators { etag: validators.then(|| "\"v1\"".to_string()), last_modified: None },
            ..FetchRequest::new(&SLOW.url(&format!("/feed/{n}")))
        })
        .collect()
}

#[divan::bench(args = [8, 16], sample_count = 3, sample_size = 1)]
fn fetch_200_feeds_100ms_each(bencher: Bencher, connections: usize) {
    let requests = requests(false);
    bencher.bench(|| {
        let reports = fetch_all(&requests, &options(connections), |_| {});
        assert!(reports.iter().all(|r| matches!(r.outcome, FetchOutcome::Updated { .. })));
    });
}

#[divan::bench(args = [8, 16], sample_count = 3, sample_size = 1)]
fn fetch_200_feeds_all_304(bencher: Bencher, connections: usize) {
    let requests = requests(true);
    bencher.bench(|| {
        let reports = fetch_all(&requests, &options(connections), |_| {});
        assert!(reports.iter().all(|r| r.outcome == FetchOutcome::Unchanged));
    });
}
