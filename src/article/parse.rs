//! Reading plain-text wire copy into an [`Article`].
//!
//! The text is cleaned first (see [`super::sanitize`]), then cut into blocks at blank lines and
//! into paragraphs within blocks. The head of the article gives the headline, an optional deck
//! and byline; the first paragraph gives the dateline; the tail gives credits and the rights line.
//! Boilerplate lines from web pages and end-of-story markers are dropped.

use super::dateline::{is_bare_dateline, split_dateline, starts_with_dateline};
use super::model::Article;
use super::sanitize::sanitize;

mod byline;
mod furniture;

pub use byline::byline_name;
use byline::is_affiliation;
use furniture::*;

/// Lines longer than this (in characters) are taken as whole paragraphs rather than hard-wrapped
/// pieces of one.
const HARD_WRAP_MAX: usize = 100;
/// A headline is at most this many characters.
const HEADLINE_MAX: usize = 200;

/// How credit lines begin, lower-case.
const CREDIT_STARTS: &[&str] = &[
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

/// End-of-story markers, dropped.
const END_MARKERS: &[&str] = &["(END)", "(end)", "END", "-END-", "-30-", "###", "# # #", "(MORE)"];

/// Parses cleaned or uncleaned text; `path` is recorded as given. The id is left empty for the
/// loader to fill.
#[must_use]
pub fn parse(text: &str, path: &str) -> Article {
    parse_clean(&sanitize(text), path)
}

/// [`parse`] of text already through [`sanitize`].
pub(crate) fn parse_clean(clean: &str, path: &str) -> Article {
    let mut units = paragraphs(clean);
    join_bare_dateline(&mut units);
    let mut article = Article { path: path.to_string(), ..Article::default() };

    let closing_writer = take_tail(&mut units, &mut article);

    let mut units = units.into_iter().peekable();
    let first = units.peek().map(String::as_str).unwrap_or_default();
    let headline_like = !first.is_empty()
        && first.chars().count() <= HEADLINE_MAX
        && byline_name(first).is_none()
        && !starts_with_dateline(first);
    let has_more = units.len() > 1;
    if headline_like && has_more {
        article.title = strip_wire_label(&units.next().unwrap_or_default()).to_string();
    }

    let mut body: Vec<String> = units.collect();
    take_head(&mut body, &mut article);
    if article.byline.is_none() {
        article.byline = closing_writer;
    }

    // An editor's note may stand before the paragraph with the dateline; it stays in the body.
    let lead = usize::from(body.len() > 1 && is_editors_note(&body[0]));
    if let Some(first) = body.get_mut(lead)
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

/// A dateline standing alone ("SEOUL, Dec. 2 (Yonhap) --", then a blank line) belongs to the
/// paragraph after it.
fn join_bare_dateline(units: &mut Vec<String>) {
    if let Some(i) = units.iter().take(6).position(|u| is_bare_dateline(u))
        && i + 1 < units.len()
    {
        let next = units.remove(i + 1);
        units[i].push(' ');
        units[i].push_str(&next);
    }
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
        && !is_editors_note(&body[0])
        && starts_with_dateline(&body[1])
        && body[0].chars().count() <= HEADLINE_MAX * 2
    {
        article.deck = Some(body.remove(0));
    }
}

/// Rights line, credits, sign-offs and end markers at the end of the article; returns the writer
/// a closing line names ("-- Jane Doe, Copenhagen newsroom ..."). Sign-offs (a desk tag, an
/// e-mail address) are dropped: they name no one a reader knows.
fn take_tail(units: &mut Vec<String>, article: &mut Article) -> Option<String> {
    let mut writer = None;
    units.retain(|u| !END_MARKERS.contains(&u.as_str()) && !is_separator(u));
    let mut credits = Vec::new();
    // Rights lines and credits stand at the end, in either order; anything after the first
    // ordinary paragraph from the end stays in the body.
    while let Some(last) = units.last() {
        if article.rights.is_none()
            && let Some(rights) = rights_line(last)
        {
            article.rights = Some(rights);
        } else if article.rights.is_none()
            && is_rights_notice(last)
            && let Some(rights) = units.len().checked_sub(2).and_then(|i| rights_line(&units[i]))
        {
            // "Copyright 2024 ..." then, on a line of its own, "This material may not be
            // published, broadcast, rewritten or redistributed."
            article.rights = Some(format!("{rights} {last}"));
            units.pop();
        } else if let Some(credit) = credit_line(last) {
            credits.push(credit);
        } else if is_sign_off(last) {
            // Dropped, as the README says.
        } else if writer.is_none()
            && let Some(name) = closing_writer(last)
        {
            writer = Some(name);
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
    writer
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
    // The block being gathered, as a byte range of `text`: its lines are read again from there
    // when it ends, rather than kept in a list (a line's entry would take more memory than a
    // short line does).
    let mut block: Option<(usize, usize)> = None;
    let mut at = 0;
    for line in text.split('\n') {
        let (start, end) = (at, at + line.len());
        at = end + 1;
        let trimmed = line.trim();
        if trimmed.is_empty() || is_boilerplate(trimmed) {
            if !trimmed.is_empty() && block.is_none() {
                continue;
            }
            if let Some((from, to)) = block.take() {
                flush_block(&text[from..to], &mut out);
            }
        } else {
            block = Some((block.map_or(start, |(from, _)| from), end));
        }
    }
    if let Some((from, to)) = block {
        flush_block(&text[from..to], &mut out);
    }
    out.retain(|unit| !is_furniture(unit));
    out
}

/// Makes paragraphs of a block: lines with no blank line between them.
fn flush_block(block: &str, out: &mut Vec<String>) {
    let lines = || block.split('\n').map(str::trim_end);
    let count = lines().count();
    let hard_wrapped = count > 1 && lines().take(count - 1).all(|l| l.chars().count() <= HARD_WRAP_MAX);
    let any_unindented = lines().any(|l| !l.starts_with(' '));
    let mut current = String::new();
    let mut after_byline = false;
    for (i, line) in lines().enumerate() {
        let trimmed = line.trim();
        let indented = i > 0 && line.starts_with(' ') && any_unindented;
        let byline = is_byline_line(trimmed, i == 0);
        let stands_alone =
            byline || END_MARKERS.contains(&trimmed) || rights_line(trimmed).is_some() || is_timestamp(trimmed);
        // These start a paragraph that may go on over the next lines.
        let starts_paragraph = (i > 0 && (starts_with_dateline(trimmed) || after_byline))
            || starts_credit(trimmed)
            || is_furniture(trimmed);
        after_byline = byline;
        if !hard_wrapped || indented || stands_alone || starts_paragraph {
            push_paragraph(&mut current, out);
        }
        if !current.is_empty() && !joins_without_space(&current, trimmed) {
            current.push(' ');
        }
        push_words(&mut current, trimmed);
        if stands_alone {
            push_paragraph(&mut current, out);
        }
    }
    push_paragraph(&mut current, out);
}

/// "Reporting by ...", "Editing by ...": a credit that starts a line starts a paragraph, so that
/// credits given one to a line are not joined.
fn starts_credit(line: &str) -> bool {
    line.starts_with(char::is_uppercase)
        && credit_line(line).is_some()
        && CREDIT_STARTS.iter().any(|s| line.get(..s.len()).is_some_and(|head| head.eq_ignore_ascii_case(s)))
}

/// Whether a line of a block (trimmed) is a byline. A wrapped line of a sentence may begin "by"
/// and a name ("... were questioned\nby Finance Minister Karl Brandt."), so past a block's first
/// line only a capital "By" starts one.
fn is_byline_line(line: &str, first: bool) -> bool {
    (first || !line.starts_with("by ")) && byline_name(line).is_some()
}

/// Chinese and Japanese are written without spaces: a line break between two of their
/// characters is no word break, and joining the lines with a space would put one in the text
/// (and make a search for the phrase fail). Korean puts spaces between words, and wraps at them.
fn joins_without_space(before: &str, line: &str) -> bool {
    before.chars().next_back().is_some_and(is_unspaced_script) && line.chars().next().is_some_and(is_unspaced_script)
}

/// Han ideographs, kana, and the punctuation and full-width forms written with them.
fn is_unspaced_script(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{303f}' // CJK symbols and punctuation
        | '\u{3040}'..='\u{30ff}' // hiragana, katakana
        | '\u{31f0}'..='\u{31ff}' // katakana extensions
        | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}'
        | '\u{ff00}'..='\u{ff60}' | '\u{ff61}'..='\u{ff9f}' // full-width forms, half-width katakana
        | '\u{20000}'..='\u{3134f}'
    )
}

fn push_paragraph(current: &mut String, out: &mut Vec<String>) {
    if !current.is_empty() {
        out.push(std::mem::take(current));
    }
}

/// Appends `line` with runs of white space folded to one space.
fn push_words(out: &mut String, line: &str) {
    // Most lines are printable ASCII already single-spaced: those are appended as they are.
    let plain = crate::text::is_plain_ascii(line);
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

/// Wire labels before a headline that say which version it is rather than what happened:
/// Reuters' "UPDATE 1-", "REFILE-", "CORRECTED-"; Yonhap's "(LEAD)", "(2nd LD)", "(URGENT)".
fn strip_wire_label(title: &str) -> &str {
    let mut title = title.trim();
    loop {
        let before = title;
        if let Some((label, rest)) = title.split_once('-')
            && is_version_label(label, false)
            && !rest.trim().is_empty()
        {
            title = rest.trim_start();
        }
        if let Some(inner_and_rest) = title.strip_prefix('(')
            && let Some((label, rest)) = inner_and_rest.split_once(')')
            && is_version_label(label, true)
            && !rest.trim().is_empty()
        {
            title = rest.trim_start();
        }
        if title == before {
            return title;
        }
    }
}

/// Reuters' "UPDATE 1", "REFILE", "CORRECTED" (before a hyphen); Yonhap's "LEAD", "2nd LD",
/// "URGENT" (in parentheses).
fn is_version_label(label: &str, in_parentheses: bool) -> bool {
    let words: Vec<&str> = label.split_whitespace().collect();
    match words.as_slice() {
        [one] if in_parentheses => matches!(*one, "LEAD" | "URGENT" | "UPDATE" | "CORRECTED" | "AMENDED"),
        [one] => matches!(*one, "UPDATE" | "REFILE" | "CORRECTED" | "CORRECTION" | "RPT" | "REPEAT"),
        ["UPDATE", n] => n.chars().all(|c| c.is_ascii_digit()),
        [nth, "LD"] if in_parentheses => {
            let digits = nth.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit())
        }
        _ => false,
    }
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
    let is_credit = CREDIT_STARTS.iter().any(|s| lower.starts_with(s))
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
