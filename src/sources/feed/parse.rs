//! A feed's bytes (RSS 0.9x/1.0/2.0, Atom, JSON Feed) to articles, with feed-rs.
//!
//! Bytes are decoded here first (see [`super::charset`]) because the declared charset is often
//! wrong; feed-rs then reads UTF-8. Items are turned into articles in parallel: the HTML of
//! their content is most of the work.

use memchr::memmem;
use rayon::prelude::*;

use super::charset::{declare_utf8, to_utf8};
use super::html::clean_line;
use super::item::{item_article, item_published};
use crate::article::{Article, sanitize};

/// A feed and its items as articles.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParsedFeed {
    /// The feed's own name, cleaned.
    pub title: Option<String>,
    /// The site the feed belongs to.
    pub link: Option<String>,
    pub articles: Vec<Article>,
}

/// Why bytes gave no feed; the message is what the user sees after the feed's name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FeedError {
    /// Something else: "HTML page", "empty", "binary data", "JSON but not a JSON Feed".
    #[error("not a feed: {0}")]
    NotAFeed(&'static str),
    #[error("malformed feed: {0}")]
    Malformed(String),
}

/// What the start of a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Feed,
    Html,
    Json,
    OtherXml,
    Other,
}

/// True when `bytes` are an RSS, RDF, Atom or JSON Feed document, whatever the file is called.
#[must_use]
pub fn looks_like_feed(bytes: &[u8]) -> bool {
    match kind(bytes) {
        Kind::Feed => true,
        Kind::Json => is_json_feed(bytes),
        _ => false,
    }
}

fn is_json_feed(bytes: &[u8]) -> bool {
    memmem::find(bytes, b"jsonfeed.org/version").is_some()
}

/// Looks at the first element of the document (after declarations, comments and doctypes).
fn kind(bytes: &[u8]) -> Kind {
    let head = &bytes[..bytes.len().min(8192)];
    let text = to_utf8(head, None);
    let mut rest = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if rest.starts_with('{') {
        return Kind::Json;
    }
    loop {
        if !rest.starts_with('<') {
            return Kind::Other;
        }
        let skip = if rest.starts_with("<!--") {
            rest.find("-->").map(|i| i + 3)
        } else if rest.starts_with("<?") || rest.starts_with("<!") {
            if rest.get(..9).is_some_and(|d| d.eq_ignore_ascii_case("<!doctype"))
                && rest[9..].trim_start().get(..4).is_some_and(|h| h.eq_ignore_ascii_case("html"))
            {
                return Kind::Html;
            }
            rest.find('>').map(|i| i + 1)
        } else {
            let name: String =
                rest[1..].chars().take_while(|c| c.is_alphanumeric() || matches!(c, ':' | '-' | '_' | '.')).collect();
            let local = name.rsplit(':').next().unwrap_or_default().to_ascii_lowercase();
            return match local.as_str() {
                "rss" | "feed" | "rdf" => Kind::Feed,
                "html" | "head" | "body" => Kind::Html,
                _ => Kind::OtherXml,
            };
        };
        let Some(skip) = skip else { return Kind::Other };
        rest = rest[skip..].trim_start();
    }
}

/// Parses a feed fetched from (or standing for) `feed_url`; `http_charset` is the charset the
/// server declared, if any. Item ids are `feed_url` and the item's guid, else its link.
///
/// # Errors
/// [`FeedError`] when the bytes are no feed at all or cannot be read as one.
pub fn parse_feed(bytes: &[u8], http_charset: Option<&str>, feed_url: &str) -> Result<ParsedFeed, FeedError> {
    parse_feed_items(bytes, http_charset, feed_url).map(FeedItems::into_parsed)
}

/// Parses a feed read from a file: its items' ids are within the feed's own address (its
/// `rel="self"` link) when it gives one, else within `fallback` (the file's canonical path), so
/// the same feed saved twice is the same articles.
///
/// # Errors
/// [`FeedError`] when the bytes are no feed at all or cannot be read as one.
pub fn parse_feed_file(bytes: &[u8], fallback: &str) -> Result<ParsedFeed, FeedError> {
    // feed-rs gives a JSON Feed's `feed_url` no rel to tell it from the home page: read it here.
    let json_self = (kind(bytes) == Kind::Json).then(|| json_feed_url(bytes)).flatten();
    let items = parse_with(bytes, None, None, |feed| {
        json_self
            .into_iter()
            .chain(feed.links.iter().filter(|l| l.rel.as_deref() == Some("self")).map(|l| l.href.clone()))
            // Parsed and written again: no control character or space survives in an id.
            .find_map(|href| url::Url::parse(href.trim()).ok().map(String::from))
            .unwrap_or_else(|| fallback.to_string())
    })?;
    Ok(items.into_parsed())
}

/// The `feed_url` of a JSON Feed: the address it says it is published at.
fn json_feed_url(bytes: &[u8]) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(&to_utf8(bytes, None)).ok()?;
    value.get("feed_url")?.as_str().map(str::to_string)
}

/// What the document is, or why it is none: the checks made before the XML or JSON is parsed.
fn check(bytes: &[u8]) -> Result<(), FeedError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(FeedError::NotAFeed("empty"));
    }
    match kind(bytes) {
        Kind::Html => Err(FeedError::NotAFeed("HTML page")),
        Kind::Json if !is_json_feed(bytes) => Err(FeedError::NotAFeed("JSON but not a JSON Feed")),
        Kind::Other if bytes.iter().take(1024).any(|&b| b == 0) => Err(FeedError::NotAFeed("binary data")),
        Kind::Other => Err(FeedError::NotAFeed("neither XML nor JSON")),
        _ => Ok(()),
    }
}

/// A feed parsed, its items not yet made articles: turning an item's HTML into paragraphs and
/// reading it as wire copy is most of the work of a feed, and a caller storing a large feed
/// does it batch by batch ([`FeedItems::articles`]) while earlier batches are written.
#[derive(Debug, Clone)]
pub struct FeedItems {
    /// The feed's own name, cleaned.
    pub title: Option<String>,
    /// The site the feed belongs to.
    pub link: Option<String>,
    feed_url: String,
    entries: Vec<feed_rs::model::Entry>,
}

impl FeedItems {
    /// How many items the feed has (each becomes one article).
    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Item `i`'s date, as its article will have it ([`Article::published`]); `None` past the end.
    #[must_use]
    pub fn published(&self, i: usize) -> Option<i64> {
        self.entries.get(i).and_then(item_published)
    }

    /// The articles of the items at `indices` (in that order), made in parallel.
    #[must_use]
    pub fn articles(&self, indices: &[usize]) -> Vec<Article> {
        indices
            .par_iter()
            .filter_map(|&i| self.entries.get(i))
            .map(|entry| item_article(entry, &self.feed_url, self.title.as_deref()))
            .collect()
    }

    /// Every item as an article.
    #[must_use]
    pub fn into_parsed(self) -> ParsedFeed {
        let all: Vec<usize> = (0..self.entries.len()).collect();
        let articles = self.articles(&all);
        ParsedFeed { title: self.title, link: self.link, articles }
    }
}

/// Parses a feed fetched from `feed_url` as [`parse_feed`] does, leaving its items to be made
/// articles by the caller (see [`FeedItems`]).
///
/// # Errors
/// [`FeedError`] when the bytes are no feed at all or cannot be read as one.
pub fn parse_feed_items(bytes: &[u8], http_charset: Option<&str>, feed_url: &str) -> Result<FeedItems, FeedError> {
    let base = url::Url::parse(feed_url).ok().map(|_| feed_url.to_string());
    parse_with(bytes, http_charset, base, |_| feed_url.to_string())
}

/// Parses with feed-rs; `base` resolves relative links, `feed_url` names the feed (for the
/// items' ids) once it is parsed.
fn parse_with(
    bytes: &[u8],
    http_charset: Option<&str>,
    base: Option<String>,
    feed_url: impl FnOnce(&feed_rs::model::Feed) -> String,
) -> Result<FeedItems, FeedError> {
    check(bytes)?;
    let text = to_utf8(bytes, http_charset);
    let text = declare_utf8(&text);
    let parser = feed_rs::parser::Builder::new()
        // A file path is no base: feed-rs would refuse the feed's relative links against it.
        .base_uri(base.as_deref())
        // An item without a guid is known by its link (newsboat does the same), else its title.
        .id_generator(|links, title, _| match (links.first(), title) {
            (Some(link), _) => link.href.clone(),
            (None, Some(title)) => format!("title:{}", title.content),
            (None, None) => String::new(),
        })
        .build();
    let feed = parser.parse(text.as_bytes()).map_err(|e| FeedError::Malformed(clean_message(&e.to_string())))?;
    let feed_url = feed_url(&feed);
    let title = feed.title.as_ref().map(|t| clean_line(&t.content)).filter(|t| !t.is_empty());
    let link = feed.links.iter().find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate")).map(|l| sanitize(&l.href));
    Ok(FeedItems { title, link, feed_url, entries: feed.entries })
}

/// feed-rs's error message, cut short and cleaned (it may quote the document).
fn clean_message(message: &str) -> String {
    let short: String = message.chars().take(200).collect();
    sanitize(&short).replace('\n', " ")
}

#[cfg(test)]
mod tests;
