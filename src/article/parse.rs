//! Reading plain-text wire copy into an [`Article`].
//!
//! The text is cleaned first (see [`super::sanitize`]), then cut into blocks at blank lines and
//! into paragraphs within blocks. The head of the article gives the headline, an optional deck
//! and byline; the first paragraph gives the dateline; the tail gives credits and the rights line.
//! Boilerplate lines from web pages and end-of-story markers are dropped.

use super::dateline::{split_dateline, starts_with_dateline};
use super::model::Article;
use super::sanitize::sanitize;

/// Lines longer than this (in characters) are taken as whole paragraphs rather than hard-wrapped
/// pieces of one.
const HARD_WRAP_MAX: usize = 100;
/// A headline is at most this many characters.
const HEADLINE_MAX: usize = 200;

/// Web-page furniture that clings to copied articles, compared lower-case without trailing
/// punctuation.
const BOILERPLATE: &[&str] = &[
    "connect to share and comment",
    "share",
    "share this",
    "share this article",
    "share this story",
    "share on facebook",
    "share on twitter",
    "share via email",
    "tweet",
    "email",
    "e-mail",
    "print",
    "comments",
    "comment",
    "advertisement",
    "skip to main content",
    "skip to content",
    "subscribe",
    "sign up",
    "follow us",
    "read more",
    "related",
    "related articles",
    "related stories",
    "click here",
    "listen to this article",
    "copy link",
    "log in to comment",
    "sign in",
    "log in",
    "save",
    "save article",
    "gift this article",
    "story continues below advertisement",
    "continue reading",
    "print this article",
    "email this article",
    "facebook",
    "twitter",
    "whatsapp",
];

/// End-of-story markers, dropped.
const END_MARKERS: &[&str] = &["(END)", "(end)", "END", "-END-", "-30-", "###", "# # #", "(MORE)"];

/// Parses cleaned or uncleaned text; `path` is recorded as given. The id is left empty for the
/// loader to fill.
#[must_use]
pub fn parse(text: &str, path: &str) -> Article {
    let clean = sanitize(text);
    let mut units = paragraphs(&clean);
    let mut article = Article { path: path.to_string(), ..Article::default() };

    take_tail(&mut units, &mut article);

    let mut units = units.into_iter().peekable();
    let first = units.peek().map(String::as_str).unwrap_or_default();
    let headline_like = !first.is_empty()
        && first.chars().count() <= HEADLINE_MAX
        && byline_name(first).is_none()
        && !starts_with_dateline(first);
    let has_more = units.len() > 1;
    if headline_like && has_more {
        article.title = units.next().unwrap_or_default();
    }

    let mut body: Vec<String> = units.collect();
    take_head(&mut body, &mut article);

    if let Some(first) = body.first_mut()
        && let Some((dateline, at)) = split_dateline(first)
    {
        article.dateline = Some(dateline);
        first.drain(..at);
    }
    if article.title.is_empty() {
        article.title = fallback_title(&body, path);
    }
    article.paragraphs = body;
    article
}

/// Byline and deck: the units before the body proper.
fn take_head(body: &mut Vec<String>, article: &mut Article) {
    let mut i = 0;
    let mut after_byline = false;
    while i < body.len() && i < 4 {
        if let Some(name) = byline_name(&body[i]) {
            if article.byline.is_none() {
                article.byline = Some(name);
            }
            body.remove(i);
            after_byline = true;
        } else if after_byline && is_affiliation(&body[i]) {
            body.remove(i);
            after_byline = false;
        } else {
            after_byline = false;
            i += 1;
        }
    }
    // A short paragraph right before the dateline paragraph is a sub-headline.
    if body.len() >= 2
        && !starts_with_dateline(&body[0])
        && starts_with_dateline(&body[1])
        && body[0].chars().count() <= HEADLINE_MAX * 2
    {
        article.deck = Some(body.remove(0));
    }
}

/// Rights line, credits and end markers at the end of the article.
fn take_tail(units: &mut Vec<String>, article: &mut Article) {
    units.retain(|u| !END_MARKERS.contains(&u.as_str()) && !is_separator(u));
    let mut credits = Vec::new();
    // Rights lines and credits stand at the end, in either order; anything after the first
    // ordinary paragraph from the end stays in the body.
    while let Some(last) = units.last() {
        if article.rights.is_none()
            && let Some(rights) = rights_line(last)
        {
            article.rights = Some(rights);
        } else if let Some(credit) = credit_line(last) {
            credits.push(credit);
        } else {
            break;
        }
        units.pop();
    }
    // Credits in the middle of the tail ("... contributed to this report." then one more note).
    let start = units.len().saturating_sub(3).max(1);
    let mut i = start;
    while i < units.len() {
        if let Some(credit) = credit_line(&units[i]) {
            credits.push(credit);
            units.remove(i);
        } else {
            i += 1;
        }
    }
    credits.reverse();
    article.credits = credits;
    if let Some(last) = units.last_mut() {
        strip_end_marker(last);
        if last.is_empty() {
            units.pop();
        }
    }
}

/// "The talks ended. (END)" loses its marker.
fn strip_end_marker(paragraph: &mut String) {
    for marker in ["(END)", "(end)"] {
        if let Some(kept) = paragraph.strip_suffix(marker) {
            let len = kept.trim_end().len();
            paragraph.truncate(len);
        }
    }
}

/// Cuts cleaned text into paragraphs: blank lines separate blocks; within a block, short lines
/// are hard-wrapped pieces of one paragraph and long lines are paragraphs of their own. Bylines,
/// markers, indented lines and datelines always start a new paragraph.
fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut block: Vec<&str> = Vec::new();
    for line in text.split('\n') {
        let trimmed = line.trim();
        if trimmed.is_empty() || is_boilerplate(trimmed) {
            if !trimmed.is_empty() && block.is_empty() {
                continue;
            }
            flush_block(&mut block, &mut out);
        } else {
            block.push(line.trim_end());
        }
    }
    flush_block(&mut block, &mut out);
    out
}

fn flush_block(block: &mut Vec<&str>, out: &mut Vec<String>) {
    if block.is_empty() {
        return;
    }
    let hard_wrapped = block.len() > 1 && block[..block.len() - 1].iter().all(|l| l.chars().count() <= HARD_WRAP_MAX);
    let any_unindented = block.iter().any(|l| !l.starts_with(' '));
    let mut current = String::new();
    for (i, line) in block.iter().enumerate() {
        let trimmed = line.trim();
        let indented = i > 0 && line.starts_with(' ') && any_unindented;
        let stands_alone = byline_name(trimmed).is_some()
            || END_MARKERS.contains(&trimmed)
            || rights_line(trimmed).is_some()
            || (i > 0 && starts_with_dateline(trimmed))
            || (i > 0 && byline_name(block[i - 1].trim()).is_some());
        if !hard_wrapped || indented || stands_alone {
            push_paragraph(&mut current, out);
        }
        if !current.is_empty() {
            current.push(' ');
        }
        push_words(&mut current, trimmed);
        if stands_alone {
            push_paragraph(&mut current, out);
        }
    }
    push_paragraph(&mut current, out);
    block.clear();
}

fn push_paragraph(current: &mut String, out: &mut Vec<String>) {
    if !current.is_empty() {
        out.push(std::mem::take(current));
    }
}

/// Appends `line` with runs of white space folded to one space.
fn push_words(out: &mut String, line: &str) {
    // Most lines are printable ASCII already single-spaced: those are appended as they are.
    let plain = line.bytes().all(|b| (0x20..0x7f).contains(&b));
    if plain && !line.starts_with(' ') && !line.ends_with(' ') && !line.contains("  ") {
        out.push_str(line);
        return;
    }
    let mut first = true;
    for word in line.split_whitespace() {
        if !first {
            out.push(' ');
        }
        out.push_str(word);
        first = false;
    }
}

fn is_boilerplate(line: &str) -> bool {
    if line.len() > 48 {
        return false;
    }
    let key = line.trim_end_matches(|c: char| c.is_ascii_punctuation() || c == '›' || c == '»').trim().to_lowercase();
    BOILERPLATE.contains(&key.as_str())
}

/// "___", "* * *", "---": section rules with no words.
fn is_separator(unit: &str) -> bool {
    unit.chars().all(|c| matches!(c, '_' | '*' | '-' | '=' | '~' | '#' | ' ' | '—' | '–'))
}

/// The bare name of a byline line ("By Jane Doe, Associated Press" gives "Jane Doe").
#[must_use]
pub fn byline_name(line: &str) -> Option<String> {
    let rest = line.strip_prefix("By ").or_else(|| line.strip_prefix("BY ")).or_else(|| line.strip_prefix("by "))?;
    let rest = rest.trim();
    if rest.is_empty() || line.chars().count() > 120 || !rest.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    if rest.ends_with('.') && !rest.ends_with(" Jr.") && !rest.ends_with(" Sr.") && rest.split_whitespace().count() > 6
    {
        return None;
    }
    let mut name = rest.split(['|', '/']).next().unwrap_or(rest).trim();
    if let Some((head, tail)) = name.split_once(',')
        && is_affiliation(tail.trim())
    {
        name = head.trim();
    }
    for suffix in [" for The Associated Press", " for Reuters", " for AFP"] {
        name = name.strip_suffix(suffix).unwrap_or(name);
    }
    const PARTICLES: &[&str] = &[
        "and", "&", "de", "del", "da", "van", "von", "der", "den", "la", "le", "bin", "al", "el", "y", "di", "du",
        "dos",
    ];
    let words_ok = name
        .split_whitespace()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase) || PARTICLES.contains(&w.trim_end_matches(',')));
    if name.is_empty() || !words_ok || name.split_whitespace().count() > 12 {
        return None;
    }
    Some(if is_all_caps(name) { title_case(name) } else { name.to_string() })
}

/// "Associated Press", "AP Business Writer", "Reuters", "Staff reporter": the line or comma part
/// after a byline name that says who they write for.
fn is_affiliation(text: &str) -> bool {
    const WORDS: &[&str] = &[
        "press",
        "reuters",
        "afp",
        "ap",
        "yonhap",
        "writer",
        "correspondent",
        "reporter",
        "editor",
        "staff",
        "news",
        "agency",
        "bureau",
        "times",
        "post",
        "journal",
        "wire",
        "xinhua",
        "kyodo",
        "bloomberg",
        "columnist",
        "contributor",
        "upi",
        "dpa",
    ];
    text.chars().count() <= 60
        && !text.ends_with('.')
        && text.split_whitespace().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
            WORDS.contains(&w.as_str())
        })
}

/// Capitals throughout, "and" aside ("JANE DOE and TOM LEE").
fn is_all_caps(text: &str) -> bool {
    let mut letters =
        text.split_whitespace().filter(|w| *w != "and").flat_map(str::chars).filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some() && letters.all(|c| !c.is_lowercase())
}

/// "JEAN-LUC O'NEIL AND ANA NÚÑEZ" becomes "Jean-Luc O'Neil and Ana Núñez".
fn title_case(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if word == "AND" || word == "and" {
            out.push_str("and");
            continue;
        }
        let mut start_of_part = true;
        for c in word.chars() {
            if start_of_part {
                out.push(c);
            } else {
                out.extend(c.to_lowercase());
            }
            start_of_part = matches!(c, '-' | '\'' | '’' | '.');
        }
    }
    out
}

/// `<All rights reserved by Yonhap News Agency>` gives the text without brackets; also
/// "Copyright 2024 ...", "© 2024 ...", "(c) ...", "... All rights reserved."
fn rights_line(unit: &str) -> Option<String> {
    if unit.chars().count() > 240 {
        return None;
    }
    let inner = unit.strip_prefix('<').and_then(|u| u.strip_suffix('>')).unwrap_or(unit).trim();
    let lower = inner.to_lowercase();
    let is_rights = lower.starts_with("copyright")
        || lower.starts_with('©')
        || lower.starts_with("(c) ")
        || lower.starts_with("all rights reserved")
        || lower.ends_with("all rights reserved.")
        || lower.ends_with("all rights reserved");
    is_rights.then(|| inner.to_string())
}

/// "(Reporting by ...; Editing by ...)", "Additional reporting by ...", "... contributed to this
/// report." Outer parentheses are removed.
fn credit_line(unit: &str) -> Option<String> {
    if unit.chars().count() > 400 {
        return None;
    }
    let inner = unit.strip_prefix('(').and_then(|u| u.strip_suffix(')')).unwrap_or(unit).trim();
    let lower = inner.to_lowercase();
    const STARTS: &[&str] = &[
        "reporting by",
        "additional reporting by",
        "writing by",
        "editing by",
        "compiled by",
        "reported by",
        "written by",
        "edited by",
        "research by",
        "graphics by",
        "photos by",
        "with reporting by",
        "reporting and writing by",
    ];
    let is_credit = STARTS.iter().any(|s| lower.starts_with(s))
        || lower.contains("contributed to this report")
        || lower.contains("contributed reporting")
        || lower.contains("contributed to this story");
    is_credit.then(|| inner.to_string())
}

/// For an article with no headline: its first sentence, shortened; or the file name.
fn fallback_title(body: &[String], path: &str) -> String {
    let Some(first) = body.first() else {
        let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
        return name.strip_suffix(".txt").unwrap_or(name).to_string();
    };
    let sentence_end = first.find(". ").map_or(first.len(), |i| i + 1);
    let sentence = &first[..sentence_end];
    if sentence.chars().count() <= 80 {
        return sentence.to_string();
    }
    let mut cut: String = sentence.chars().take(79).collect();
    if let Some(space) = cut.rfind(' ').filter(|&i| i > 40) {
        cut.truncate(space);
    }
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests;
