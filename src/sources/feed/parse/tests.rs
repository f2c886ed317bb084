use super::*;

const RSS2: &str = r#"<?xml version="1.0"?>
<rss version="2.0"><channel><title>Wire &amp; World</title><link>https://wire.example/</link>
<item><title>Talks &lt;b&gt;resume&lt;/b&gt; in Seoul</title><link>https://wire.example/1</link><guid>g-1</guid>
<author>desk@wire.example (Kim Tong-hyung)</author><pubDate>Tue, 10 Jun 2025 04:00:00 GMT</pubDate>
<description><![CDATA[<p>SEOUL, June 10 (Yonhap) -- South Korean President Lee Jae-myung met <a href="/people/kim">Kim Min-seok</a> on Tuesday.</p><script>x()</script><p>Lee said the talks would continue.</p>]]></description></item>
<item><title>No guid here</title><link>https://wire.example/2</link><pubDate>not a date</pubDate><description>Plain.</description></item>
</channel></rss>"#;

#[test]
fn rss_items_become_articles() {
    let feed = parse_feed(RSS2.as_bytes(), None, "https://wire.example/rss").unwrap();
    assert_eq!(feed.title.as_deref(), Some("Wire & World"));
    let first = &feed.articles[0];
    assert_eq!(first.id.as_str(), "feed:https://wire.example/rss#g-1");
    assert_eq!(first.title, "Talks resume in Seoul");
    assert_eq!(first.link.as_deref(), Some("https://wire.example/1"));
    assert_eq!(first.source.as_deref(), Some("Wire & World"));
    assert_eq!(first.published, Some(1_749_528_000));
    let dateline = first.dateline.as_ref().unwrap();
    assert_eq!((dateline.place.as_deref(), dateline.agency.as_deref()), (Some("SEOUL"), Some("Yonhap")));
    assert_eq!(
        first.paragraphs,
        [
            "South Korean President Lee Jae-myung met Kim Min-seok [1] on Tuesday.",
            "Lee said the talks would continue.",
            "Links:",
            "[1] https://wire.example/people/kim",
        ]
    );
    assert_eq!(first.links, ["https://wire.example/people/kim"]);
    let second = &feed.articles[1];
    assert_eq!(second.id.as_str(), "feed:https://wire.example/rss#https://wire.example/2");
    assert_eq!(second.published, None);
    assert_eq!(second.paragraphs, ["Plain."]);
}

#[test]
fn an_item_seen_again_keeps_its_id_and_a_new_text_changes_its_hash() {
    let a = parse_feed(RSS2.as_bytes(), None, "https://wire.example/rss").unwrap();
    let b =
        parse_feed(RSS2.replace("would continue", "would go on").as_bytes(), None, "https://wire.example/rss").unwrap();
    assert_eq!(a.articles[0].id, b.articles[0].id);
    assert_ne!(a.articles[0].hash, b.articles[0].hash);
    assert_eq!(a.articles[1].hash, b.articles[1].hash);
}

#[test]
fn atom_rdf_and_json_feed() {
    let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title type="html">A &lt;i&gt;log&lt;/i&gt;</title>
      <entry><id>urn:1</id><title>Entry</title><author><name>Ana Tran</name></author><updated>2025-01-02T03:04:05Z</updated>
      <content type="html">&lt;ul&gt;&lt;li&gt;one&lt;/li&gt;&lt;li&gt;two&lt;/li&gt;&lt;/ul&gt;</content></entry></feed>"#;
    let feed = parse_feed(atom.as_bytes(), None, "https://a.example/atom").unwrap();
    assert_eq!(feed.title.as_deref(), Some("A log"));
    assert_eq!(feed.articles[0].byline.as_deref(), Some("Ana Tran"));
    assert_eq!(feed.articles[0].paragraphs, ["• one", "• two"]);

    let rdf = r#"<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
      <channel rdf:about="https://r.example/"><title>R</title></channel>
      <item rdf:about="https://r.example/1"><title>RDF item</title><link>https://r.example/1</link><description>Text one.</description></item></rdf:RDF>"#;
    let feed = parse_feed(rdf.as_bytes(), None, "https://r.example/rdf").unwrap();
    assert_eq!(feed.articles[0].title, "RDF item");

    let json = r#"{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"7","title":"Json item","content_text":"First.\n\nSecond."}]}"#;
    let feed = parse_feed(json.as_bytes(), None, "https://j.example/feed.json").unwrap();
    assert_eq!(feed.articles[0].id.as_str(), "feed:https://j.example/feed.json#7");
    assert_eq!(feed.articles[0].paragraphs, ["First.", "Second."]);
}

#[test]
fn not_feeds_say_what_they_are() {
    let err = |b: &[u8]| parse_feed(b, None, "u").unwrap_err().to_string();
    assert_eq!(err(b"<!DOCTYPE html><html><body>Hi</body></html>"), "not a feed: HTML page");
    assert_eq!(err(b"  \n"), "not a feed: empty");
    assert_eq!(err(b"{\"a\":1}"), "not a feed: JSON but not a JSON Feed");
    assert_eq!(err(b"\x00\x01\x02PNG"), "not a feed: binary data");
    assert!(err(b"<rss version=\"2.0\"><channel><item><title>x</item></channel>").starts_with("malformed feed: "));
}

#[test]
fn looks_like_feed_by_content() {
    assert!(looks_like_feed(RSS2.as_bytes()));
    assert!(looks_like_feed(
        b"\xef\xbb\xbf<!-- c --><?xml-stylesheet href='x'?>\n<feed xmlns='http://www.w3.org/2005/Atom'/>"
    ));
    assert!(looks_like_feed(b"<rdf:RDF xmlns:rdf='x'/>"));
    assert!(looks_like_feed(br#"{"version": "https://jsonfeed.org/version/1", "items": []}"#));
    assert!(!looks_like_feed(b"SEOUL, June 10 (Yonhap) -- Plain wire copy."));
    assert!(!looks_like_feed(b"<html><body>page</body></html>"));
    assert!(!looks_like_feed(b"<svg/>"));
}

#[test]
fn escape_sequences_in_titles_and_bodies_never_reach_the_article() {
    let rss = "<rss version=\"2.0\"><channel><title>F\u{1b}[31m</title><item><guid>1</guid>\
               <title>Red \u{1b}[31malert\u{1b}]0;pwned\u{7} &#x9b;2J</title><author>Jo\u{202e}Lee</author>\
               <description>Body \u{1b}[2J text.</description></item></channel></rss>";
    let feed = parse_feed(rss.as_bytes(), None, "u").unwrap();
    let a = &feed.articles[0];
    let all = format!("{}{:?}{:?}{:?}", a.title, a.byline, a.paragraphs, a.source);
    assert!(!all.chars().any(crate::article::is_removed) && !all.contains('\u{1b}'), "{all:?}");
    // The C1 CSI takes "2J" with it, as a terminal would.
    assert_eq!(a.title, "Red alert");
}

#[test]
fn a_feed_file_is_known_by_its_self_link_else_by_the_path_given() {
    let with_self = r#"<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>T</title>
        <atom:link rel="self" href="https://t.example/rss"/><item><guid>a</guid><title>A</title></item></channel></rss>"#;
    let feed = parse_feed_file(with_self.as_bytes(), "/home/u/t.xml").unwrap();
    assert_eq!(feed.articles[0].id.as_str(), "feed:https://t.example/rss#a");
    let without = with_self.replace("rel=\"self\"", "rel=\"hub\"");
    let feed = parse_feed_file(without.as_bytes(), "/home/u/t.xml").unwrap();
    assert_eq!(feed.articles[0].id.as_str(), "feed:/home/u/t.xml#a");
    let json = r#"{"version":"https://jsonfeed.org/version/1.1","title":"J","home_page_url":"https://j.example/",
        "feed_url":"https://j.example/feed.json","items":[{"id":"7","content_text":"Hi."}]}"#;
    let feed = parse_feed_file(json.as_bytes(), "/home/u/j.json").unwrap();
    assert_eq!(feed.articles[0].id.as_str(), "feed:https://j.example/feed.json#7");
}
