//! Feeds: the `urls` file and OPML (subscriptions), HTTP fetching, and turning RSS, Atom and JSON
//! Feed items into articles.

mod charset;
mod fetch;
mod fulltext;
mod html;
mod http;
mod item;
mod opml;
mod parse;
mod urls;

pub use fetch::{
    DEFAULT_CONNECTIONS, DEFAULT_MAX_BYTES, FeedReport, FetchError, FetchOptions, FetchOutcome, FetchRequest, Fetched,
    ItemCount, Validators, fetch_all, fetch_each, fetch_one,
};
pub use fulltext::{FullText, FullTextError, extract_full_text, fetch_full_text};
pub use html::{HtmlText, clean_line, html_to_line, html_to_text};
pub use http::{Credentials, ProxySetting, user_agent};
pub use item::{article_with_title, item_article};
pub use opml::{OpmlError, export_opml, import_opml};
pub use parse::{FeedError, FeedItems, ParsedFeed, looks_like_feed, parse_feed, parse_feed_file, parse_feed_items};
pub use urls::{AddError, Subscription, UrlsFile, UrlsProblem, add_url, parse_urls, remove_url};
