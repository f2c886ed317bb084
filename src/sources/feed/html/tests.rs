use super::*;

#[test]
fn paragraphs_and_entities() {
    let text = html_to_text("<p>First &amp; <b>bold</b>\n  words.</p><p>Second&nbsp;one.</p>Loose text", None);
    assert_eq!(text.paragraphs, ["First & bold words.", "Second one.", "Loose text"]);
}

#[test]
fn scripts_styles_and_navigation_are_dropped() {
    let html = "<nav><a href='/'>Home</a></nav><style>p{color:red}</style><p>Body.</p><script>alert(1)</script>";
    let text = html_to_text(html, Some("https://example.org/a/"));
    assert_eq!(text.paragraphs, ["Body."]);
    assert!(text.links.is_empty());
}

#[test]
fn lists_and_quotes_stay_readable() {
    let html = "<p>Before</p><ul><li>one</li><li><p>two</p><ol start='3'><li>three</li><li>four</li></ol></li></ul>\
                <blockquote><p>Quoted.</p><blockquote>Deeper.</blockquote></blockquote>";
    assert_eq!(
        html_to_text(html, None).paragraphs,
        ["Before", "• one", "• two", "  3. three", "  4. four", "> Quoted.", "> > Deeper."]
    );
}

#[test]
fn links_are_numbered_resolved_and_deduplicated() {
    let html = "<p>See <a href='/x'>this</a>, <a href='https://b.example/y'>that</a> and \
                <a href='/x'>this again</a>; <a href='javascript:go()'>not</a> <a href='#top'>top</a>.</p>";
    let text = html_to_text(html, Some("https://a.example/news/item"));
    assert_eq!(text.paragraphs, ["See this [1], that [2] and this again [1]; not top."]);
    assert_eq!(text.links, ["https://a.example/x", "https://b.example/y"]);
}

#[test]
fn deep_nesting_does_not_overflow() {
    let html = format!("{}deep{}", "<div><span>".repeat(20_000), "</span></div>".repeat(20_000));
    assert_eq!(html_to_text(&html, None).paragraphs, ["deep"]);
}

#[test]
fn titles_lose_their_tags() {
    assert_eq!(html_to_line("Rates <em>rise</em> &amp; markets\n fall"), "Rates rise & markets fall");
    assert_eq!(html_to_line("  plain   title "), "plain title");
}
