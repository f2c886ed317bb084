//! The `urls` file, in newsboat's format: one feed a line, the URL then its tags; a tag `"~Title"`
//! names the feed; `#` starts a comment line; tags with spaces are in double quotes.
//!
//! newsboat's `exec:`, `filter:` and `query:` lines run commands or build virtual feeds; they are
//! reported and skipped, never run. Adding and removing a feed edits the text in place, so the
//! user's comments, order and spacing survive byte for byte.

use std::fmt;

/// One subscribed feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subscription {
    pub url: String,
    /// Tags in the order given, without the title.
    pub tags: Vec<String>,
    /// The name the user gave (`"~Title"`), shown instead of the feed's own.
    pub title: Option<String>,
    /// 1-based line in the file (0 when the subscription did not come from a file).
    pub line: usize,
}

/// Something wrong with one line of the file; the line is skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlsProblem {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for UrlsProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{}, line {}: {}", self.file, self.line, self.message)
        }
    }
}

/// What a `urls` file holds: the feeds, and the lines that were skipped and why.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UrlsFile {
    pub feeds: Vec<Subscription>,
    pub problems: Vec<UrlsProblem>,
}

/// Reads a `urls` file's text; `file` names it in problems.
#[must_use]
pub fn parse_urls(text: &str, file: &str) -> UrlsFile {
    let mut out = UrlsFile::default();
    for (index, line) in text.lines().enumerate() {
        let number = index + 1;
        let problem = |message: String| UrlsProblem { file: file.to_string(), line: number, message };
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let tokens = match tokenize(trimmed) {
            Ok(tokens) => tokens,
            Err(message) => {
                out.problems.push(problem(message.to_string()));
                continue;
            }
        };
        let Some((url, rest)) = tokens.split_first() else { continue };
        if let Some(kind) = unsupported_kind(url) {
            out.problems.push(problem(format!("{kind} feeds are not supported; line skipped (it is never run)")));
            continue;
        }
        if !(url.starts_with("http://") || url.starts_with("https://")) {
            out.problems.push(problem(format!("{}: not an http:// or https:// URL; line skipped", shown(url))));
            continue;
        }
        let mut subscription = Subscription { url: url.clone(), tags: Vec::new(), title: None, line: number };
        for tag in rest {
            match tag.strip_prefix('~') {
                Some(title) if !title.is_empty() => subscription.title = Some(title.to_string()),
                _ if tag.is_empty() => {}
                _ => subscription.tags.push(tag.clone()),
            }
        }
        out.feeds.push(subscription);
    }
    out
}

/// The kind of newsboat line that would run a command or build a virtual feed.
fn unsupported_kind(url: &str) -> Option<&'static str> {
    ["exec:", "filter:", "query:"].into_iter().find(|prefix| url.starts_with(prefix))
}

/// At most 80 characters of untrusted text for a message, controls removed.
fn shown(text: &str) -> String {
    crate::article::sanitize(&text.chars().take(80).collect::<String>()).replace('\n', " ")
}

/// Splits a line into words; double quotes group (with `\"` and `\\` inside them).
fn tokenize(line: &str) -> Result<Vec<String>, &'static str> {
    let mut tokens = Vec::new();
    let mut chars = line.chars().peekable();
    loop {
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        let Some(&first) = chars.peek() else { break };
        let mut token = String::new();
        if first == '"' {
            chars.next();
            loop {
                match chars.next() {
                    None => return Err("a double quote is not closed; line skipped"),
                    Some('"') => break,
                    Some('\\') => token.extend(chars.next()),
                    Some(c) => token.push(c),
                }
            }
        } else {
            while let Some(c) = chars.next_if(|c| !c.is_whitespace()) {
                token.push(c);
            }
        }
        tokens.push(token);
    }
    Ok(tokens)
}

/// A tag as the file writes it: quoted when it holds spaces, quotes or backslashes.
fn quoted(tag: &str) -> String {
    if !tag.is_empty() && !tag.chars().any(|c| c.is_whitespace() || c == '"' || c == '\\' || c == '#') {
        return tag.to_string();
    }
    let mut out = String::from("\"");
    for c in tag.chars() {
        if c == '"' || c == '\\' {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

/// Why a feed could not be added.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AddError {
    #[error("{0} is already in the urls file (line {1})")]
    AlreadySubscribed(String, usize),
    #[error("{0}: not an http:// or https:// URL")]
    NotHttp(String),
}

/// `text` with a line for `url` (and its tags, and a `"~Title"` when given) added at the end;
/// everything before it is kept byte for byte.
///
/// # Errors
/// When the URL is already there, or is not an http(s) URL.
pub fn add_url(text: &str, url: &str, tags: &[String], title: Option<&str>) -> Result<String, AddError> {
    if !(url.starts_with("http://") || url.starts_with("https://")) || url.chars().any(char::is_whitespace) {
        return Err(AddError::NotHttp(shown(url)));
    }
    if let Some(existing) = parse_urls(text, "").feeds.iter().find(|f| f.url == url) {
        return Err(AddError::AlreadySubscribed(shown(url), existing.line));
    }
    let mut out = text.to_string();
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    out.push_str(url);
    for tag in tags {
        out.push(' ');
        out.push_str(&quoted(tag));
    }
    if let Some(title) = title {
        out.push(' ');
        out.push_str(&quoted(&format!("~{title}")));
    }
    out.push('\n');
    Ok(out)
}

/// `text` without the line(s) subscribing to `url`, or `None` when no line does. Every other
/// byte, line ends included, is kept.
#[must_use]
pub fn remove_url(text: &str, url: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut removed = false;
    for line in text.split_inclusive('\n') {
        let first = tokenize(line.trim()).ok().and_then(|t| t.into_iter().next());
        if !line.trim_start().starts_with('#') && first.as_deref() == Some(url) {
            removed = true;
        } else {
            out.push_str(line);
        }
    }
    removed.then_some(out)
}

#[cfg(test)]
mod tests;
