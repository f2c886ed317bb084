//! The article model: what the parser makes of a plain-text news file.

use serde::Serialize;

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
    /// Stable across runs and unique within one load.
    pub id: String,
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
}
