//! Fetching feeds from a server the test starts on 127.0.0.1: what the user is told for each
//! kind of server, and what the caller gets to keep.

mod feeds_support;

use std::io::Write;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use cyberreader::sources::feed::{
    Credentials, FetchOptions, FetchOutcome, FetchRequest, ProxySetting, Validators, fetch_all, fetch_one,
};
use feeds_support::{Reply, rss, serve};

/// Direct connections only (no proxy from the environment, so nothing leaves the machine), and
/// short timeouts so the slow servers do not hold the suite up.
fn options() -> FetchOptions {
    FetchOptions {
        connect_timeout: Duration::from_secs(2),
        total_timeout: Duration::from_secs(2),
        proxy: ProxySetting::Direct,
        ..FetchOptions::default()
    }
}

fn summary(url: &str) -> String {
    fetch_one(&FetchRequest::new(url), &options()).summary()
}

#[test]
fn a_feed_of_each_format_is_fetched_and_counted() {
    let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><id>1</id><title>E</title><content>x</content></entry></feed>"#;
    let rdf = r#"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel rdf:about="x"><title>R</title></channel><item rdf:about="https://r.example/1"><title>I</title><link>https://r.example/1</link></item><item rdf:about="https://r.example/2"><title>J</title><link>https://r.example/2</link></item></rdf:RDF>"#;
    let rss091 = r#"<rss version="0.91"><channel><title>Old</title><item><title>T</title><link>https://o.example/1</link></item></channel></rss>"#;
    let json =
        r#"{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"1","content_html":"<p>Hi</p>"}]}"#;
    let server = serve(move |r| match r.path() {
        "/rss" => Reply::ok("application/rss+xml", rss("Wire", 3)),
        "/atom" => Reply::ok("application/atom+xml", atom),
        "/rdf" => Reply::ok("application/rdf+xml", rdf),
        "/rss091" => Reply::ok("text/xml", rss091),
        "/json" => Reply::ok("application/feed+json", json),
        _ => Reply::status(404),
    });
    assert_eq!(summary(&server.url("/rss")), "200 OK, 3 items");
    assert_eq!(summary(&server.url("/atom")), "200 OK, 1 item");
    assert_eq!(summary(&server.url("/rdf")), "200 OK, 2 items");
    assert_eq!(summary(&server.url("/rss091")), "200 OK, 1 item");
    assert_eq!(summary(&server.url("/json")), "200 OK, 1 item");
    let report = fetch_one(&FetchRequest::new(&server.url("/rss")), &options());
    let FetchOutcome::Updated { feed, .. } = report.outcome else { panic!("{report:?}") };
    assert_eq!(feed.articles[0].title, "Story 0");
    assert_eq!(feed.articles[0].dateline.as_ref().and_then(|d| d.place.as_deref()), Some("SEOUL"));
}

#[test]
fn validators_go_back_and_an_unchanged_feed_is_a_304() {
    let server = serve(|r| {
        if r.header("If-None-Match") == Some("\"v1\"")
            || r.header("If-Modified-Since") == Some("Tue, 10 Jun 2025 04:00:00 GMT")
        {
            Reply::status(304)
        } else {
            Reply::ok("application/rss+xml", rss("W", 2))
                .with_header("ETag", "\"v1\"")
                .with_header("Last-Modified", "Tue, 10 Jun 2025 04:00:00 GMT")
        }
    });
    let first = fetch_one(&FetchRequest::new(&server.url("/f")), &options());
    let FetchOutcome::Updated { validators, .. } = first.outcome else { panic!("{first:?}") };
    assert_eq!(validators.etag.as_deref(), Some("\"v1\""));
    assert_eq!(validators.last_modified.as_deref(), Some("Tue, 10 Jun 2025 04:00:00 GMT"));

    let again = FetchRequest { validators, ..FetchRequest::new(&server.url("/f")) };
    let report = fetch_one(&again, &options());
    assert_eq!(report.outcome, FetchOutcome::Unchanged);
    assert_eq!(report.summary(), "unchanged (304)");

    let only_date = Validators { etag: None, last_modified: Some("Tue, 10 Jun 2025 04:00:00 GMT".into()) };
    let report = fetch_one(&FetchRequest { validators: only_date, ..FetchRequest::new(&server.url("/f")) }, &options());
    assert_eq!(report.outcome, FetchOutcome::Unchanged);
}

#[test]
fn a_permanent_redirect_is_reported_and_a_temporary_one_is_not() {
    let server = serve(|r| match r.path() {
        "/old" => Reply::redirect(301, "/new"),
        "/tmp" => Reply::redirect(302, "/new"),
        "/via" => Reply::redirect(308, "/tmp"),
        "/new" => Reply::ok("application/rss+xml", rss("W", 1)),
        _ => Reply::status(404),
    });
    let moved = fetch_one(&FetchRequest::new(&server.url("/old")), &options());
    assert_eq!(moved.moved_to.as_deref(), Some(server.url("/new").as_str()));
    assert_eq!(moved.summary(), format!("200 OK, 1 item; moved permanently to {}", server.url("/new")));
    assert_eq!(fetch_one(&FetchRequest::new(&server.url("/tmp")), &options()).moved_to, None);
    // Only the permanent part of a chain is to be remembered.
    assert_eq!(fetch_one(&FetchRequest::new(&server.url("/via")), &options()).moved_to, Some(server.url("/tmp")));
}

#[test]
fn a_redirect_loop_is_named() {
    let server = serve(|r| match r.path() {
        "/a" => Reply::redirect(302, "/b"),
        _ => Reply::redirect(301, "/a"),
    });
    assert_eq!(summary(&server.url("/a")), "redirect loop");
}

#[test]
fn http_errors_in_words() {
    let server = serve(|r| match r.path() {
        "/500" => Reply::status(500),
        "/429" => Reply::status(429).with_header("Retry-After", "120"),
        "/503" => Reply::status(503),
        _ => Reply::status(404),
    });
    assert_eq!(summary(&server.url("/gone")), "HTTP 404");
    assert_eq!(summary(&server.url("/500")), "HTTP 500");
    assert_eq!(summary(&server.url("/503")), "HTTP 503");
    let report = fetch_one(&FetchRequest::new(&server.url("/429")), &options());
    assert_eq!(report.summary(), "HTTP 429, asked to wait 120 s");
    assert_eq!(report.retry_after(), Some(Duration::from_secs(120)));
    assert_eq!(summary("ftp://127.0.0.1/x"), "not an http:// or https:// URL");
}

#[test]
fn a_server_that_never_answers_times_out() {
    let server = serve(|_| Reply::Silent);
    assert_eq!(summary(&server.url("/f")), "timed out after 2 s");
}

#[test]
fn a_server_that_trickles_bytes_hits_the_total_timeout() {
    // 1000 bytes at one every 50 ms would take 50 s; each byte comes well within any read timeout.
    let server = serve(|_| Reply::Trickle { len: 1000, every: Duration::from_millis(50) });
    assert_eq!(summary(&server.url("/f")), "timed out after 2 s");
}

#[test]
fn a_50_mb_body_is_refused_at_the_cap() {
    let server = serve(|r| match r.path() {
        // No Content-Length to refuse it by: the cap must hold while reading.
        "/chunked" => Reply::Huge { len: 50 * 1024 * 1024 },
        _ => Reply::Huge { len: 50 * 1024 * 1024 },
    });
    let options = FetchOptions { total_timeout: Duration::from_secs(30), ..options() };
    let report = fetch_one(&FetchRequest::new(&server.url("/f")), &options);
    assert_eq!(report.summary(), "too large (over 20 MB)");
    let small = FetchOptions { max_bytes: 1024 * 1024, ..options };
    assert_eq!(fetch_one(&FetchRequest::new(&server.url("/f")), &small).summary(), "too large (over 1 MB)");
}

#[test]
fn a_gzip_bomb_stops_at_the_cap_on_decoded_bytes() {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    let zeros = vec![b' '; 1024 * 1024];
    for _ in 0..64 {
        encoder.write_all(&zeros).unwrap();
    }
    let bomb = encoder.finish().unwrap();
    assert!(bomb.len() < 1024 * 1024, "the bomb is small on the wire: {}", bomb.len());
    let mut small = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    small.write_all(rss("Zipped", 2).as_bytes()).unwrap();
    let small = small.finish().unwrap();
    let server = serve(move |r| {
        let body = if r.path() == "/bomb" { bomb.clone() } else { small.clone() };
        Reply::ok("application/rss+xml", body).with_header("Content-Encoding", "gzip")
    });
    let options = FetchOptions { max_bytes: 8 * 1024 * 1024, total_timeout: Duration::from_secs(30), ..options() };
    assert_eq!(fetch_one(&FetchRequest::new(&server.url("/bomb")), &options).summary(), "too large (over 8 MB)");
    assert_eq!(fetch_one(&FetchRequest::new(&server.url("/small")), &options).summary(), "200 OK, 2 items");
}

#[test]
fn wrong_charsets_malformed_xml_and_html_pages() {
    let server = serve(|r| {
        match r.path() {
        // UTF-8 bytes, declared Latin-1 by both the server and the document.
        "/utf8-as-latin1" => Reply::ok(
            "text/xml; charset=iso-8859-1",
            "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>Caf\u{e9}</title><item><guid>1</guid><title>Cr\u{e8}me br\u{fb}l\u{e9}e</title></item></channel></rss>",
        ),
        // Latin-1 bytes, declared UTF-8.
        "/latin1-as-utf8" => Reply::ok(
            "application/rss+xml; charset=utf-8",
            b"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Caf\xe9</title><item><guid>1</guid><title>Na\xefve</title></item></channel></rss>".to_vec(),
        ),
        "/malformed" => Reply::ok("application/rss+xml", "<rss version=\"2.0\"><channel><item><title>x</channel>"),
        _ => Reply::ok("text/html", "<!DOCTYPE html><html><head><title>Home</title></head><body>Welcome</body></html>"),
    }
    });
    for (path, title, item) in [("/utf8-as-latin1", "Café", "Crème brûlée"), ("/latin1-as-utf8", "Café", "Naïve")]
    {
        let report = fetch_one(&FetchRequest::new(&server.url(path)), &options());
        let FetchOutcome::Updated { feed, .. } = report.outcome else { panic!("{path}: {report:?}") };
        assert_eq!(feed.title.as_deref(), Some(title), "{path}");
        assert_eq!(feed.articles[0].title, item, "{path}");
    }
    assert!(summary(&server.url("/malformed")).starts_with("malformed feed: "));
    assert_eq!(summary(&server.url("/")), "not a feed: HTML page");
}

#[test]
fn titles_with_escape_sequences_reach_no_article() {
    let server = serve(|_| {
        Reply::ok(
            "application/rss+xml",
            "<rss version=\"2.0\"><channel><title>\u{1b}]0;owned\u{7}Feed</title><item><guid>1</guid>\
             <title>\u{1b}[2J\u{1b}[31mRed\u{9b}1m &#x202E;txet</title><description>\u{1b}[8mhidden\u{1b}[0m</description></item></channel></rss>",
        )
    });
    let report = fetch_one(&FetchRequest::new(&server.url("/f")), &options());
    let FetchOutcome::Updated { feed, .. } = report.outcome else { panic!("{report:?}") };
    let article = &feed.articles[0];
    assert_eq!(article.title, "Red txet");
    assert_eq!(feed.title.as_deref(), Some("Feed"));
    assert_eq!(article.paragraphs, ["hidden"]);
}

#[test]
fn credentials_from_the_url_or_the_caller_and_the_user_agent() {
    let agents = std::sync::Arc::new(Mutex::new(Vec::new()));
    let seen = std::sync::Arc::clone(&agents);
    let server = serve(move |r| {
        seen.lock().unwrap().push(r.header("User-Agent").unwrap_or_default().to_string());
        // "reader:s3cret"
        if r.header("Authorization") == Some("Basic cmVhZGVyOnMzY3JldA==") {
            Reply::ok("application/rss+xml", rss("Private", 1))
        } else {
            Reply::status(401)
        }
    });
    let with_userinfo = server.url("/p").replace("http://", "http://reader:s3cret@");
    assert_eq!(summary(&with_userinfo), "200 OK, 1 item");
    assert_eq!(summary(&server.url("/p")), "HTTP 401");
    let given = FetchRequest {
        credentials: Some(Credentials { user: "reader".into(), password: "s3cret".into() }),
        ..FetchRequest::new(&server.url("/p"))
    };
    assert_eq!(fetch_one(&given, &options()).summary(), "200 OK, 1 item");
    let agents = agents.lock().unwrap();
    assert!(agents.iter().all(|a| a.starts_with(&format!("cyberreader/{}", env!("CARGO_PKG_VERSION")))), "{agents:?}");
}

#[test]
fn a_proxy_is_used_unless_the_host_is_excluded() {
    // The "proxy" is a local server that answers for any URL it is asked for.
    let proxy = serve(|r| {
        if r.target.starts_with("http://feeds.invalid/") || r.target.starts_with("tunnel://feeds.invalid:80/") {
            Reply::ok("application/rss+xml", rss("Via proxy", 2))
        } else {
            Reply::status(502)
        }
    });
    let via = FetchOptions { proxy: ProxySetting::Url { url: proxy.url(""), no_proxy: None }, ..options() };
    assert_eq!(fetch_one(&FetchRequest::new("http://feeds.invalid/rss"), &via).summary(), "200 OK, 2 items");

    let direct = serve(|_| Reply::ok("application/rss+xml", rss("Direct", 1)));
    let excluded = FetchOptions {
        proxy: ProxySetting::Url { url: proxy.url(""), no_proxy: Some("127.0.0.1".into()) },
        ..options()
    };
    assert_eq!(fetch_one(&FetchRequest::new(&direct.url("/f")), &excluded).summary(), "200 OK, 1 item");
}

#[test]
fn two_hundred_feeds_at_once_each_reported_and_bad_ones_stop_nothing() {
    let server = serve(|r| {
        let n: usize = r.path().trim_start_matches("/feed/").parse().unwrap_or(0);
        match n % 20 {
            7 => Reply::status(404),
            13 => Reply::ok("text/html", "<html><body>not here</body></html>"),
            _ => Reply::ok("application/rss+xml", rss(&format!("Feed {n}"), n % 5 + 1)),
        }
    });
    let requests: Vec<FetchRequest> = (0..200).map(|n| FetchRequest::new(&server.url(&format!("/feed/{n}")))).collect();
    let events = AtomicUsize::new(0);
    let seen = Mutex::new(Vec::new());
    let options = FetchOptions { connections: 8, total_timeout: Duration::from_secs(30), ..options() };
    let reports = fetch_all(&requests, &options, |report| {
        events.fetch_add(1, Ordering::Relaxed);
        seen.lock().unwrap().push(report.index);
    });
    assert_eq!(events.load(Ordering::Relaxed), 200);
    let mut seen = seen.into_inner().unwrap();
    seen.sort_unstable();
    assert_eq!(seen, (0..200).collect::<Vec<_>>());
    assert_eq!(reports.len(), 200);
    for (n, report) in reports.iter().enumerate() {
        assert_eq!(report.index, n);
        assert_eq!(report.url, requests[n].url);
        let expected = match n % 20 {
            7 => "HTTP 404".to_string(),
            13 => "not a feed: HTML page".to_string(),
            _ if n % 5 == 0 => "200 OK, 1 item".to_string(),
            _ => format!("200 OK, {} items", n % 5 + 1),
        };
        assert_eq!(report.summary(), expected, "feed {n}");
    }
}

#[test]
fn full_text_comes_from_the_linked_page() {
    let paragraph = "<p>The council voted on Tuesday to close the old bridge to traffic, citing cracks that \
                     engineers found in its supports during an inspection last month.</p>";
    let page = format!(
        "<html><head><title>Bridge closes</title></head><body><nav><a href='/'>Home</a></nav>\
         <article><h1>Bridge closes</h1>{}</article><footer>Privacy policy</footer></body></html>",
        paragraph.repeat(5)
    );
    let server = serve(move |r| match r.path() {
        "/story" => Reply::ok("text/html; charset=utf-8", page.clone()),
        _ => Reply::status(404),
    });
    let text = cyberreader::sources::feed::fetch_full_text(&server.url("/story"), &options()).unwrap();
    assert!(text.paragraphs.len() >= 5, "{:?}", text.paragraphs);
    assert!(text.paragraphs[0].starts_with("The council voted on Tuesday"), "{:?}", text.paragraphs);
    assert!(text.paragraphs.iter().all(|p| !p.contains("Privacy")));
    let missing = cyberreader::sources::feed::fetch_full_text(&server.url("/gone"), &options()).unwrap_err();
    assert_eq!(missing.to_string(), "HTTP 404");
}
