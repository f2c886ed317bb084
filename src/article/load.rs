//! Loading articles from the bundled set or from files and directories the user names.
//!
//! Files are read and parsed in parallel. A file that cannot be read, or is not text, is reported
//! and skipped; the rest still load. Only when nothing at all could be read is it an error.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::date::article_date;
use super::decode::{Encoding, NotText, decode};
use super::model::{Article, ArticleId};
use super::parse::parse_clean;
use super::sanitize::{sanitize, sanitize_cow};

mod bundled {
    include!(concat!(env!("OUT_DIR"), "/bundled.rs"));
}

/// Larger files are refused rather than read into memory.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Something about one path that the user should know: a file skipped, or read with a caveat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
    /// Whether the file was skipped (otherwise it loaded, with a caveat).
    pub skipped: bool,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Everything that loaded, and what went wrong on the way.
#[derive(Debug, Clone, Default)]
pub struct Library {
    pub articles: Vec<Article>,
    pub problems: Vec<Problem>,
}

/// Nothing could be read.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{}", nothing_message(.0))]
    NothingToRead(Vec<Problem>),
}

fn nothing_message(problems: &[Problem]) -> String {
    match problems {
        [one] => format!("{one}; {}", hint(&one.message)),
        [] => "nothing to read: give .txt files, or directories that hold them (cyberreader with no arguments reads the bundled articles)".to_string(),
        // Several: name every one and why, or the user cannot tell what to fix.
        _ => format!(
            "nothing to read: {}; give .txt files, or directories that hold them (cyberreader with no arguments reads the bundled articles)",
            problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")
        ),
    }
}

fn hint(message: &str) -> &'static str {
    if message.starts_with("no such file") {
        "check the path, or run cyberreader with no arguments to read the bundled articles"
    } else {
        "give .txt files, or directories that hold them"
    }
}

/// The articles compiled into the binary.
#[must_use]
pub fn load_bundled() -> Library {
    let sources: Vec<Source> = bundled::BUNDLED.iter().map(|&(path, bytes)| Source::Bundled { path, bytes }).collect();
    finish(sources, Vec::new()).unwrap_or_default()
}

/// The articles in `paths`: files, and the `*.txt` files of directories in name order.
///
/// # Errors
/// [`LoadError::NothingToRead`] when no article could be read; it lists why.
pub fn load_paths(paths: &[PathBuf]) -> Result<Library, LoadError> {
    let mut problems = Vec::new();
    let mut files = Vec::new();
    let mut seen = HashSet::new();
    for path in paths {
        collect(path, &mut files, &mut problems, &mut seen);
    }
    finish(files.into_iter().map(Source::File).collect(), problems)
}

enum Source {
    Bundled { path: &'static str, bytes: &'static [u8] },
    File(PathBuf),
}

impl Source {
    fn display(&self) -> String {
        match self {
            Self::Bundled { path, .. } => (*path).to_string(),
            Self::File(path) => shown(path),
        }
    }

    /// The article's identity: the bundled path, or the file's canonical path (collected files
    /// are deduplicated by it, so ids are unique within a load).
    fn id(&self) -> ArticleId {
        match self {
            Self::Bundled { path, .. } => ArticleId::bundled(path),
            Self::File(path) => ArticleId::file(&canonical(path)),
        }
    }
}

/// What reading one source gave: its articles (a text file is one, a feed file one per item),
/// and a problem to report.
type ReadResult = (Vec<Article>, Option<Problem>);

fn finish(sources: Vec<Source>, mut problems: Vec<Problem>) -> Result<Library, LoadError> {
    let results: Vec<ReadResult> = sources.par_iter().map(read_one).collect();
    let mut articles = Vec::with_capacity(results.len());
    for (loaded, problem) in results {
        problems.extend(problem);
        articles.extend(loaded);
    }
    if articles.is_empty() && (!sources.is_empty() || !problems.is_empty()) {
        return Err(LoadError::NothingToRead(problems));
    }
    Ok(Library { articles, problems })
}

fn read_one(source: &Source) -> ReadResult {
    let display = source.display();
    let (bytes, modified): (Cow<'static, [u8]>, _) = match source {
        Source::Bundled { bytes, .. } => (Cow::Borrowed(bytes), None),
        Source::File(path) => match read_file(path) {
            Ok((b, modified)) => (Cow::Owned(b), modified),
            Err(message) => return (Vec::new(), Some(skipped(&display, message))),
        },
    };
    if let Source::File(path) = source
        && crate::sources::feed::looks_like_feed(&bytes)
    {
        return read_feed(&bytes, path, &display, modified);
    }
    let hash = format!("{:016x}", fnv1a(&bytes));
    // One copy of the text at a time: the file's bytes become the text where they are UTF-8,
    // and are dropped once decoded otherwise; the sanitized text replaces it where it differs.
    let (text, encoding) = match decode_owned(bytes) {
        Ok(decoded) => decoded,
        Err(NotText::Empty) => return (Vec::new(), Some(skipped(&display, "empty file".to_string()))),
        Err(NotText::Binary) => return (Vec::new(), Some(skipped(&display, "not text (binary data)".to_string()))),
    };
    let caveat = match encoding {
        Encoding::Utf8 | Encoding::Utf16 | Encoding::Utf32 => None,
        Encoding::Legacy(_) => Some(format!("not UTF-8; read as {}", encoding.name())),
        Encoding::LossyUtf8 => Some("invalid UTF-8 bytes shown as \u{fffd}".to_string()),
    };
    let cleaned = match sanitize_cow(&text) {
        Cow::Owned(clean) => Some(clean),
        Cow::Borrowed(_) => None,
    };
    let clean = cleaned.map_or(text, Cow::Owned);
    if clean.trim().is_empty() {
        let why = "no text once control characters and escape sequences are removed, skipped";
        return (Vec::new(), Some(skipped(&display, why.to_string())));
    }
    let mut article = parse_clean(&clean, &display);
    let date = article.dateline.as_ref().and_then(|d| d.date.as_deref());
    article.published = article_date(date, &clean, modified.map(chrono::DateTime::<chrono::Utc>::from));
    drop(clean);
    article.id = source.id();
    article.hash = hash;
    let problem = caveat.map(|message| Problem { path: display, message, skipped: false });
    (vec![article], problem)
}

/// A file whose content is a feed (RSS, RDF, Atom, JSON Feed, whatever it is called): each item
/// an article, as a fetched feed's are (see [`crate::sources::feed::parse_feed_file`]). An item without a date takes the file's time.
fn read_feed(bytes: &[u8], path: &Path, display: &str, modified: Option<std::time::SystemTime>) -> ReadResult {
    let fallback = canonical(path).display().to_string();
    let mut feed = match crate::sources::feed::parse_feed_file(bytes, &fallback) {
        Ok(feed) => feed,
        Err(e) => return (Vec::new(), Some(skipped(display, format!("{e}, skipped")))),
    };
    if feed.articles.is_empty() {
        return (Vec::new(), Some(skipped(display, "a feed without items, skipped".to_string())));
    }
    let file_time = modified.map(|m| chrono::DateTime::<chrono::Utc>::from(m).timestamp());
    for article in &mut feed.articles {
        // Named by the feed's title as a fetched item is; a feed without one, by the file.
        if feed.title.is_none() {
            article.path = display.to_string();
        }
        article.published = article.published.or(file_time);
    }
    (feed.articles, None)
}

/// [`decode`], keeping the bytes as the text where they are already UTF-8 (a file read into
/// memory is not copied), and dropping them where the text had to be made.
fn decode_owned(bytes: Cow<'static, [u8]>) -> Result<(Cow<'static, str>, Encoding), NotText> {
    let (skip, encoding) = match decode(&bytes)? {
        (Cow::Owned(text), encoding) => return Ok((Cow::Owned(text), encoding)),
        // Borrowed text is the bytes after a byte-order mark, if any.
        (Cow::Borrowed(text), encoding) => (bytes.len() - text.len(), encoding),
    };
    let text = match bytes {
        Cow::Borrowed(b) => std::str::from_utf8(&b[skip..]).map(Cow::Borrowed).map_err(|_| NotText::Binary)?,
        Cow::Owned(mut b) => {
            b.drain(..skip);
            Cow::Owned(String::from_utf8(b).map_err(|_| NotText::Binary)?)
        }
    };
    Ok((text, encoding))
}

/// A path as the user sees it: file names are untrusted too, so controls and escape sequences in
/// them are removed like those in article text.
fn shown(path: &Path) -> String {
    sanitize(&path.display().to_string()).replace('\n', " ")
}

fn skipped(path: &str, message: String) -> Problem {
    Problem { path: path.to_string(), message, skipped: true }
}

/// The file's bytes and the time it was last modified.
fn read_file(path: &Path) -> Result<(Vec<u8>, Option<std::time::SystemTime>), String> {
    let meta = fs::metadata(path).map_err(|e| io_message(&e))?;
    if !meta.is_file() {
        return Err(format!("not a regular file ({}), skipped", file_kind(&meta)));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(&format!("{} MB", meta.len() >> 20)));
    }
    // The size is checked, but the file may grow while it is read: never read past the limit.
    let file = fs::File::open(path).map_err(|e| io_message(&e))?;
    match read_at_most(file, MAX_FILE_BYTES, meta.len()) {
        Ok(Some(bytes)) => Ok((bytes, meta.modified().ok())),
        Ok(None) => Err(too_large("it grew while being read")),
        Err(e) => Err(io_message(&e)),
    }
}

/// Everything `reader` gives, if that is at most `limit` bytes; `None` once it gives more (one
/// byte more is read to know). `expected` sizes the buffer.
fn read_at_most(reader: impl Read, limit: u64, expected: u64) -> io::Result<Option<Vec<u8>>> {
    let capacity = usize::try_from(expected.min(limit)).unwrap_or(0).saturating_add(1);
    let mut bytes = Vec::with_capacity(capacity);
    reader.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= limit).then_some(bytes))
}

fn too_large(size: &str) -> String {
    format!("too large ({size}; the limit is {} MB), skipped", MAX_FILE_BYTES >> 20)
}

fn collect(path: &Path, files: &mut Vec<PathBuf>, problems: &mut Vec<Problem>, seen: &mut HashSet<PathBuf>) {
    if path.as_os_str().is_empty() {
        return problems.push(skipped("\"\"", "an empty argument is no file name, skipped".to_string()));
    }
    let display = shown(path);
    let meta = match fs::metadata(path) {
        Ok(m) => m,
        Err(e) => return problems.push(skipped(&display, io_message(&e))),
    };
    if meta.is_dir() {
        let before = files.len();
        match dir_articles(path) {
            Ok(found) => {
                for file in found {
                    add_file(file, files, problems, seen);
                }
            }
            Err(e) => return problems.push(skipped(&display, io_message(&e))),
        }
        if files.len() == before {
            problems.push(skipped(&display, "no .txt articles in this directory".to_string()));
        }
    } else if meta.is_file() {
        add_file(path.to_path_buf(), files, problems, seen);
    } else {
        problems.push(skipped(&display, format!("not a regular file ({}), skipped", file_kind(&meta))));
    }
}

fn add_file(path: PathBuf, files: &mut Vec<PathBuf>, problems: &mut Vec<Problem>, seen: &mut HashSet<PathBuf>) {
    if seen.insert(canonical(&path)) {
        files.push(path);
    } else {
        let message = "named more than once; read once".to_string();
        problems.push(Problem { path: shown(&path), message, skipped: false });
    }
}

/// The regular `*.txt` files of a directory (not hidden ones), in name order.
fn dir_articles(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut found: Vec<PathBuf> = fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
            let txt = p.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt"));
            txt && !name.starts_with('.') && fs::metadata(p).is_ok_and(|m| m.is_file())
        })
        .collect();
    found.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
    Ok(found)
}

fn file_kind(meta: &fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_block_device() || t.is_char_device() {
            return "a device";
        }
    }
    if meta.is_dir() { "a directory" } else { "not a file" }
}

/// An I/O error as a short phrase, without the "(os error N)" tail.
fn io_message(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied, skipped".to_string(),
        _ => {
            let text = e.to_string();
            let text = text.split(" (os error").next().unwrap_or(&text);
            let mut text = text.to_string();
            if let Some(first) = text.get_mut(..1) {
                first.make_ascii_lowercase();
            }
            text + ", skipped"
        }
    }
}

/// The path with links and `..` resolved; one that cannot be resolved, made absolute.
fn canonical(path: &Path) -> PathBuf {
    fs::canonicalize(path).unwrap_or_else(|_| std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()))
}

/// FNV-1a, 64 bits: a stable hash of content (std's hasher may change between releases).
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

#[cfg(test)]
mod tests;
