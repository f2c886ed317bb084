//! One feed item as an [`Article`].
//!
//! The item's HTML becomes paragraphs ([`super::html`]), and those go through the same sanitizer
//! and wire-copy parser as a text file, so an agency item gets its dateline, byline, credits and
//! rights line, and the people extractor sees the same kind of text everywhere.

use feed_rs::model::Entry;

use super::html::{HtmlText, clean_line, html_to_text};
use crate::article::{Article, ArticleId, parse, sanitize};

/// The wire-copy parser takes a short first paragraph as the headline. A feed gives the title
/// apart, so this stands in its place and the body's first paragraph (a deck, a byline, a
/// dateline) is read as the body's, not mistaken for a headline.
const TITLE_STAND_IN: &str = "Headline";

/// An article from a title given apart and body text (paragraphs separated by blank lines);
/// `path` is what the reader shows as where it came from. Everything is sanitized.
#[must_use]
pub fn article_with_title(title: &str, body: &str, path: &str) -> Article {
    let mut article = parse(&format!("{TITLE_STAND_IN}\n\n{body}"), path);
    let title = clean_line(title);
    if !title.is_empty() {
        article.title = title;
    } else if article.title == TITLE_STAND_IN {
        article.title = article.paragraphs.first().map(|p| p.chars().take(80).collect()).unwrap_or_default();
    }
    article
}

/// The article for `entry` of the feed at `feed_url`, named `feed_title`.
#[must_use]
pub fn item_article(entry: &Entry, feed_url: &str, feed_title: Option<&str>) -> Article {
    let link = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or(entry.links.first())
        .map(|l| l.href.trim().to_string())
        .filter(|l| !l.is_empty());
    let text = body(entry, link.as_deref().or(Some(feed_url)));
    let title = entry.title.as_ref().map(|t| t.content.as_str()).unwrap_or_default();
    let body_text = text.paragraphs.join("\n\n");
    let mut article = article_with_title(title, &body_text, feed_title.unwrap_or(feed_url));

    let key = if entry.id.trim().is_empty() {
        // No guid, link or title: the text itself is all there is to know the item by.
        format!("hash:{:016x}", fnv1a(body_text.as_bytes()))
    } else {
        entry.id.trim().to_string()
    };
    article.id = ArticleId::feed_item(feed_url, &key);
    article.hash = format!("{:016x}", fnv1a(format!("{title}\u{0}{body_text}").as_bytes()));
    let authors: Vec<String> = entry
        .authors
        .iter()
        .map(|p| clean_line(p.name.as_deref().unwrap_or_default()))
        .filter(|n| !n.is_empty())
        .collect();
    if !authors.is_empty() {
        article.byline = Some(authors.join(", "));
    }
    article.link = link.map(|l| sanitize(&l));
    article.published = item_published(entry);
    article.source = feed_title.map(str::to_string);
    if !text.links.is_empty() {
        article.paragraphs.push("Links:".to_string());
        for (i, target) in text.links.iter().enumerate() {
            article.paragraphs.push(format!("[{}] {}", i + 1, sanitize(target)));
        }
        article.links = text.links.iter().map(|l| sanitize(l)).collect();
    }
    article
}

/// The item's date: when it was published, else last updated.
pub(super) fn item_published(entry: &Entry) -> Option<i64> {
    entry.published.or(entry.updated).map(|d| d.timestamp())
}

/// The item's text: its content, else its summary; HTML unless it says it is plain text.
fn body(entry: &Entry, base: Option<&str>) -> HtmlText {
    let (text, mime) = match (&entry.content, &entry.summary) {
        (Some(content), _) if content.body.as_deref().is_some_and(|b| !b.trim().is_empty()) => {
            (content.body.clone().unwrap_or_default(), content.content_type.essence().to_string())
        }
        (_, Some(summary)) => (summary.content.clone(), summary.content_type.essence().to_string()),
        _ => return HtmlText::default(),
    };
    if mime == "text/plain" && !text.contains('<') {
        let paragraphs = text
            .split("\n\n")
            .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|p| !p.is_empty())
            .collect();
        return HtmlText { paragraphs, links: Vec::new() };
    }
    html_to_text(&text, base)
}

/// FNV-1a, 64 bits: stable across releases, like the file loader's content hash.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}
