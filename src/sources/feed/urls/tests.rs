use super::*;

const NEWSBOAT: &str = "# my feeds\n\
https://example.org/news.xml news \"world news\" \"~Example News\"\n\
\n\
  # indented comment\n\
https://example.org/tech.atom tech\n\
exec:~/bin/weather.sh\n\
filter:~/bin/clean.sh:https://example.org/raw.xml\n\
\"query:Unread:unread = \\\"yes\\\"\" virtual\n\
gopher://old.example/feed\n\
https://example.org/broken.xml \"unclosed\n";

#[test]
fn feeds_with_tags_and_titles() {
    let file = parse_urls(NEWSBOAT, "/home/u/.config/cyberreader/urls");
    assert_eq!(file.feeds.len(), 2);
    assert_eq!(file.feeds[0].url, "https://example.org/news.xml");
    assert_eq!(file.feeds[0].tags, ["news", "world news"]);
    assert_eq!(file.feeds[0].title.as_deref(), Some("Example News"));
    assert_eq!(file.feeds[0].line, 2);
    assert_eq!(file.feeds[1].tags, ["tech"]);
    assert_eq!(file.feeds[1].title, None);
}

#[test]
fn exec_filter_query_and_bad_lines_are_reported_with_file_and_line() {
    let file = parse_urls(NEWSBOAT, "urls");
    let shown: Vec<String> = file.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            "urls, line 6: exec: feeds are not supported; line skipped (it is never run)",
            "urls, line 7: filter: feeds are not supported; line skipped (it is never run)",
            "urls, line 8: query: feeds are not supported; line skipped (it is never run)",
            "urls, line 9: gopher://old.example/feed: not an http:// or https:// URL; line skipped",
            "urls, line 10: a double quote is not closed; line skipped",
        ]
    );
}

#[test]
fn escape_sequences_in_a_bad_line_do_not_reach_the_message() {
    let file = parse_urls("ftp://\u{1b}]52;c;AAAA\u{7}x\n", "urls");
    assert_eq!(file.problems.len(), 1);
    assert!(!file.problems[0].message.contains('\u{1b}'));
    assert!(file.problems[0].message.starts_with("ftp://x"), "{}", file.problems[0].message);
}

#[test]
fn add_appends_and_keeps_the_rest_byte_for_byte() {
    let added =
        add_url(NEWSBOAT, "https://example.com/new.rss", &["a tag".to_string(), "b".to_string()], Some("New")).unwrap();
    assert!(added.starts_with(NEWSBOAT));
    assert_eq!(&added[NEWSBOAT.len()..], "https://example.com/new.rss \"a tag\" b ~New\n");
    let reread = parse_urls(&added, "urls");
    let new = reread.feeds.last().unwrap();
    assert_eq!((new.tags.as_slice(), new.title.as_deref()), (&["a tag".to_string(), "b".to_string()][..], Some("New")));
}

#[test]
fn add_to_a_file_without_final_newline_starts_a_new_line() {
    assert_eq!(
        add_url("https://a.example/x", "https://b.example/y", &[], None).unwrap(),
        "https://a.example/x\nhttps://b.example/y\n"
    );
    assert_eq!(add_url("", "https://b.example/y", &[], None).unwrap(), "https://b.example/y\n");
}

#[test]
fn add_refuses_a_duplicate_and_a_non_http_url() {
    assert_eq!(
        add_url(NEWSBOAT, "https://example.org/tech.atom", &[], None),
        Err(AddError::AlreadySubscribed("https://example.org/tech.atom".to_string(), 5))
    );
    assert!(matches!(add_url("", "exec:rm -rf", &[], None), Err(AddError::NotHttp(_))));
}

#[test]
fn remove_takes_only_that_line() {
    let text = "# keep\r\nhttps://a.example/x t1\r\n\r\nhttps://b.example/y\r\n# https://b.example/y\r\n";
    assert_eq!(
        remove_url(text, "https://b.example/y").unwrap(),
        "# keep\r\nhttps://a.example/x t1\r\n\r\n# https://b.example/y\r\n"
    );
    assert_eq!(remove_url(text, "https://c.example/z"), None);
}
