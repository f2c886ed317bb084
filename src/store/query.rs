//! The library's search language, parsed into a [`Query`] before anything touches the database.
//!
//! ```text
//! talks summit           every word must match (accents and case ignored)
//! "foreign minister"     a phrase: the words in this order
//! -sanctions             no article with this word (also -"a phrase")
//! nego*                  a word starting with this
//! person:"Ban Ki-moon"   an article naming this person (a name or part of one: person:Kerry)
//! place:Seoul            the dateline's place        agency:Yonhap   the dateline's agency
//! date:2013-10           dated in that year, month or day (YYYY, YYYY-MM, YYYY-MM-DD, UTC)
//! after:2013-10-01       dated on or after the start of that day/month/year
//! before:2014            dated before the start of that year/month/day
//! is:unread  is:read  is:starred
//! ```
//!
//! Korean, Chinese and Japanese words are found inside longer runs (`남북대화` finds `남북대화를`)
//! as long as they are at least two characters. A query that cannot be parsed gives a
//! [`ParseError`] saying at which byte and why.

use std::fmt;

/// A parsed query: every clause must hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub clauses: Vec<Clause>,
}

/// Text to look for in an article's headline, deck, byline, body and credits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Text {
    Word(String),
    /// `nego*`: the part before the star.
    Prefix(String),
    Phrase(String),
}

/// A state an article can be in, for `is:`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flag {
    Unread,
    Read,
    Starred,
}

/// One condition on an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clause {
    Has(Text),
    Lacks(Text),
    Person(String),
    Place(String),
    Agency(String),
    /// Dated in `[from, to)`, unix seconds (from `date:`, `after:`, `before:`).
    Dated {
        from: Option<i64>,
        to: Option<i64>,
    },
    Is(Flag),
}

impl Query {
    /// The text clauses that rank and highlight: the words, prefixes and phrases to find.
    pub fn positive_text(&self) -> impl Iterator<Item = &Text> {
        self.clauses.iter().filter_map(|c| match c {
            Clause::Has(t) => Some(t),
            _ => None,
        })
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty()
    }
}

/// Why a query could not be parsed, and where (a byte offset into the query).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{kind} (at character {})", .pos + 1)]
pub struct ParseError {
    pub pos: usize,
    pub kind: ParseErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseErrorKind {
    UnclosedQuote,
    UnknownField(String),
    EmptyValue(String),
    BadDate(String),
    BadFlag(String),
    /// A `-` with nothing after it, or before a field (only words and phrases can be excluded).
    BadNegation,
    /// `*` anywhere but at the end of a word, or a phrase.
    BadStar,
}

impl fmt::Display for ParseErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnclosedQuote => f.write_str("a quotation mark is never closed"),
            Self::UnknownField(name) => write!(
                f,
                "unknown field \"{name}:\" (known: person, place, agency, date, after, before, is; put a word with a colon in quotes)"
            ),
            Self::EmptyValue(name) => write!(f, "\"{name}:\" needs a value, as in {name}:Seoul"),
            Self::BadDate(value) => {
                write!(f, "\"{value}\" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (2013-10-18)")
            }
            Self::BadFlag(value) => write!(f, "\"is:{value}\" is not known: use is:unread, is:read or is:starred"),
            Self::BadNegation => f.write_str("\"-\" must be followed by a word or a phrase to exclude"),
            Self::BadStar => f.write_str("\"*\" can only end a word (nego* finds negotiations)"),
        }
    }
}

const FIELDS: &[&str] = &["person", "place", "agency", "date", "after", "before", "is"];

/// Parses `input` into a [`Query`]; an empty or blank query has no clauses.
///
/// # Errors
/// A [`ParseError`] with the byte position of the problem.
pub fn parse(input: &str) -> Result<Query, ParseError> {
    let mut clauses = Vec::new();
    let mut pos = 0;
    while let Some(start) = next_token_start(input, pos) {
        let (clause, end) = clause_at(input, start)?;
        if let Some(clause) = clause {
            clauses.push(clause);
        }
        pos = end;
    }
    Ok(Query { clauses })
}

fn next_token_start(input: &str, from: usize) -> Option<usize> {
    input[from..].char_indices().find(|(_, c)| !c.is_whitespace()).map(|(i, _)| from + i)
}

/// The end of a bare value: the next whitespace.
fn bare_end(input: &str, from: usize) -> usize {
    input[from..].char_indices().find(|(_, c)| c.is_whitespace()).map_or(input.len(), |(i, _)| from + i)
}

/// A quoted string starting at `open` (the quotation mark): its content and the end after it.
fn quoted(input: &str, open: usize) -> Result<(&str, usize), ParseError> {
    let body = open + 1;
    match input[body..].find('"') {
        Some(len) => Ok((&input[body..body + len], body + len + 1)),
        None => Err(ParseError { pos: open, kind: ParseErrorKind::UnclosedQuote }),
    }
}

fn clause_at(input: &str, start: usize) -> Result<(Option<Clause>, usize), ParseError> {
    let rest = &input[start..];
    if let Some(after_dash) = rest.strip_prefix('-') {
        let next = start + 1;
        if after_dash.is_empty() || after_dash.starts_with(char::is_whitespace) {
            return Err(ParseError { pos: start, kind: ParseErrorKind::BadNegation });
        }
        if field_name(after_dash).is_some() {
            return Err(ParseError { pos: start, kind: ParseErrorKind::BadNegation });
        }
        let (text, end) = text_at(input, next)?;
        return Ok((text.map(Clause::Lacks), end));
    }
    if let Some(name) = field_name(rest) {
        return field_at(input, start, name);
    }
    let (text, end) = text_at(input, start)?;
    Ok((text.map(Clause::Has), end))
}

/// `name` when `rest` starts with `name:` and `name` is letters only.
fn field_name(rest: &str) -> Option<&str> {
    let colon = rest.find(':')?;
    let name = &rest[..colon];
    (!name.is_empty() && name.bytes().all(|b| b.is_ascii_alphabetic())).then_some(name)
}

/// A word, prefix or phrase at `start`; `None` for a phrase with no letters in it (`""`).
fn text_at(input: &str, start: usize) -> Result<(Option<Text>, usize), ParseError> {
    if input[start..].starts_with('"') {
        let (content, end) = quoted(input, start)?;
        if input[end..].starts_with('*') {
            return Err(ParseError { pos: end, kind: ParseErrorKind::BadStar });
        }
        let text = content.trim();
        return Ok(((!text.is_empty()).then(|| Text::Phrase(text.to_string())), end));
    }
    let end = bare_end(input, start);
    let word = &input[start..end];
    if let Some(i) = word.find('"') {
        return Err(ParseError { pos: start + i, kind: ParseErrorKind::UnclosedQuote });
    }
    match word.find('*') {
        Some(i) if i + 1 == word.len() && i > 0 => Ok((Some(Text::Prefix(word[..i].to_string())), end)),
        Some(i) => Err(ParseError { pos: start + i, kind: ParseErrorKind::BadStar }),
        None => Ok((Some(Text::Word(word.to_string())), end)),
    }
}

fn field_at(input: &str, start: usize, name: &str) -> Result<(Option<Clause>, usize), ParseError> {
    let lower = name.to_ascii_lowercase();
    if !FIELDS.contains(&lower.as_str()) {
        return Err(ParseError { pos: start, kind: ParseErrorKind::UnknownField(name.to_string()) });
    }
    let value_at = start + name.len() + 1;
    let (value, end) = if input[value_at..].starts_with('"') {
        quoted(input, value_at)?
    } else {
        let end = bare_end(input, value_at);
        (&input[value_at..end], end)
    };
    let value = value.trim();
    if value.is_empty() {
        return Err(ParseError { pos: start, kind: ParseErrorKind::EmptyValue(lower) });
    }
    let bad_date = || ParseError { pos: value_at, kind: ParseErrorKind::BadDate(value.to_string()) };
    let clause = match lower.as_str() {
        "person" => Clause::Person(value.to_string()),
        "place" => Clause::Place(value.to_string()),
        "agency" => Clause::Agency(value.to_string()),
        "date" => {
            let (from, to) = date_range(value).ok_or_else(bad_date)?;
            Clause::Dated { from: Some(from), to: Some(to) }
        }
        "after" => Clause::Dated { from: Some(date_range(value).ok_or_else(bad_date)?.0), to: None },
        "before" => Clause::Dated { from: None, to: Some(date_range(value).ok_or_else(bad_date)?.0) },
        _ => Clause::Is(match value.to_ascii_lowercase().as_str() {
            "unread" => Flag::Unread,
            "read" => Flag::Read,
            "starred" | "star" => Flag::Starred,
            _ => return Err(ParseError { pos: value_at, kind: ParseErrorKind::BadFlag(value.to_string()) }),
        }),
    };
    Ok((Some(clause), end))
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` as the unix seconds (UTC) of its first moment and of the
/// first moment after it.
#[must_use]
pub fn date_range(value: &str) -> Option<(i64, i64)> {
    let parts: Vec<&str> = value.split('-').collect();
    let number = |s: &str, len: usize| -> Option<i64> {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
    };
    let year = number(parts.first()?, 4)?;
    let day = |y, m, d| days_from_civil(y, m, d) * 86_400;
    match parts.len() {
        1 => Some((day(year, 1, 1), day(year + 1, 1, 1))),
        2 => {
            let month = number(parts[1], 2).filter(|m| (1..=12).contains(m))?;
            let (ny, nm) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
            Some((day(year, month, 1), day(ny, nm, 1)))
        }
        3 => {
            let month = number(parts[1], 2).filter(|m| (1..=12).contains(m))?;
            let d = number(parts[2], 2).filter(|d| (1..=days_in_month(year, month)).contains(d))?;
            let start = day(year, month, d);
            Some((start, start + 86_400))
        }
        _ => None,
    }
}

fn days_in_month(year: i64, month: i64) -> i64 {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
#[must_use]
pub fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
#[path = "query_tests.rs"]
mod tests;
