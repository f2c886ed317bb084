//! The article model: what the parser makes of a plain-text news file.

use std::fmt;
use std::path::Path;

use serde::{Deserialize, Serialize};

/// An article's identity, taken from where it came from, so the reader's state for it (read, star,
/// position) follows it when its text changes: `bundled:articles/NAME.txt`, `file:/CANONICAL/PATH`,
/// and for a feed item `feed:FEED-URL#GUID` (or its link when it has no guid).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ArticleId(String);

impl ArticleId {
    /// One of the articles compiled into the binary, by its `articles/...` path.
    #[must_use]
    pub fn bundled(path: &str) -> Self {
        Self(format!("bundled:{path}"))
    }

    /// A file, by its canonical path (the caller canonicalises; a path that cannot be is used as
    /// given, made absolute where possible).
    #[must_use]
    pub fn file(path: &Path) -> Self {
        Self(format!("file:{}", path.display()))
    }

    /// An item of a feed: its guid, else its link, within the feed's URL.
    #[must_use]
    pub fn feed_item(feed_url: &str, guid_or_link: &str) -> Self {
        Self(format!("feed:{feed_url}#{guid_or_link}"))
    }

    /// An id as it was stored (the library, a saved state).
    #[must_use]
    pub fn from_stored(id: String) -> Self {
        Self(id)
    }

    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ArticleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for ArticleId {
    fn from(id: &str) -> Self {
        Self(id.to_string())
    }
}

/// Where and when a story was filed, and by which agency: `SEOUL, Oct. 18 (Yonhap) --`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Dateline {
    pub place: Option<String>,
    pub date: Option<String>,
    pub agency: Option<String>,
}

impl Dateline {
    /// "SEOUL, Oct. 18 (Yonhap)" as a reader shows it; empty parts left out.
    #[must_use]
    pub fn display(&self) -> String {
        let mut out = String::new();
        if let Some(place) = &self.place {
            out.push_str(place);
        }
        if let Some(date) = &self.date {
            if !out.is_empty() {
                out.push_str(", ");
            }
            out.push_str(date);
        }
        if let Some(agency) = &self.agency {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push('(');
            out.push_str(agency);
            out.push(')');
        }
        out
    }
}

/// One news article, parsed and cleaned: every string in it is free of control, escape and
/// bidi/format characters, so it can be drawn as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Article {
    /// Where the article came from, stable across runs and edits (see [`ArticleId`]).
    pub id: ArticleId,
    /// A hash of the source's bytes (16 hex digits): it changes when the text does.
    pub hash: String,
    /// Where the article came from: `articles/<name>.txt` for the bundled ones, the path as the
    /// user gave it (or the directory joined with the file name) otherwise.
    pub path: String,
    pub title: String,
    /// A sub-headline between the headline and the body, when the article has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deck: Option<String>,
    pub dateline: Option<Dateline>,
    /// The bare name(s) of the byline, "By " removed.
    pub byline: Option<String>,
    /// Body paragraphs; the dateline prefix is removed from the first one.
    pub paragraphs: Vec<String>,
    /// "Reporting by ...; Editing by ...", "... contributed to this report".
    pub credits: Vec<String>,
    /// "All rights reserved by Yonhap News Agency", "Copyright 2024 The Associated Press ...".
    pub rights: Option<String>,
    /// The web page of the story (a feed item's link), to open in a browser or fetch in full.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// When it was published, in unix seconds: a feed item's date; for a file, its dateline's date
    /// (the year from the text when it names one, else from the file's time), else the file's
    /// time. The list sorts by it.
    pub published: Option<i64>,
    /// The name of the feed (or site) it came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The links of its text, in order: `[N]` in a paragraph refers to `links[N - 1]`; the body
    /// also lists them at its end.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<String>,
    /// Only what the list shows was read (headline, dateline, dates): the paragraphs, credits
    /// and links are in the library, read when the article is shown. A library of 100,000
    /// articles opens at once and holds a few megabytes instead of its whole text.
    #[serde(skip)]
    pub text_in_library: bool,
}
