//! The subscription commands: `add`, `remove`, `import`, `export` and `fetch`.
//!
//! They edit the `urls` file beside config.toml (newsboat's format, so a newsboat user can copy
//! theirs over) and fill the library. Messages for the user go to standard error, cleaned of
//! control sequences; OPML goes to standard output.

mod fetch;
mod newsboat;

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub use fetch::{FeedDone, FetchSummary, fetch, fetch_into, options};
pub use newsboat::{NewsboatError, NewsboatImport, import_newsboat};

use super::feed::{Subscription, UrlsFile, add_url, export_opml, import_opml, parse_urls, remove_url};

/// The subscription subcommands, as the command line takes them.
#[derive(Debug, Clone, clap::Subcommand)]
pub enum FeedCommand {
    /// Subscribe to a feed: add URL, with tags, to the urls file beside the config file (tags
    /// max-items=N and keep-days=N set the feed's retention).
    Add { url: String, tags: Vec<String> },
    /// Unsubscribe: take URL out of the urls file (its stored articles stay in the library).
    Remove { url: String },
    /// Add the feeds of an OPML file to the urls file, or bring over the read and flagged state
    /// of newsboat's cache.db to the articles the library has.
    Import {
        #[arg(value_name = "FILE.opml|cache.db")]
        file: PathBuf,
    },
    /// Print the subscriptions as OPML, tags as categories.
    Export,
    /// Fetch every subscribed feed into the library. Exit status 1 when some failed.
    Fetch,
}

/// Runs `command`: 0 when it did its work, 1 when some feeds failed to fetch, 2 when it could
/// not be done (a bad URL or file, the library unavailable).
#[must_use]
pub fn run(command: &FeedCommand, config: &crate::config::Config, db: Option<&Path>) -> ExitCode {
    match run_command(command, config, db) {
        Ok(code) => code,
        Err(e) => {
            note(&e.to_string());
            ExitCode::from(2)
        }
    }
}

fn run_command(
    command: &FeedCommand,
    config: &crate::config::Config,
    db: Option<&Path>,
) -> Result<ExitCode, CommandError> {
    let path = urls_path()?;
    match command {
        FeedCommand::Add { url, tags } => add(&path, url, tags)?,
        FeedCommand::Remove { url } => remove(&path, url)?,
        FeedCommand::Export => export(&path)?,
        FeedCommand::Import { file } => {
            let mut head = [0; 16];
            let is_sqlite = std::fs::File::open(file)
                .and_then(|mut f| io::Read::read_exact(&mut f, &mut head))
                .is_ok_and(|()| head == *newsboat::SQLITE_MAGIC);
            if !is_sqlite {
                import(&path, file)?;
                return Ok(ExitCode::SUCCESS);
            }
            let mut store = open_library(db)?;
            let done = import_newsboat(file, &mut store).map_err(|e| CommandError::Usage(e.to_string()))?;
            note(&format!(
                "{}: {} of {} items matched articles in the library ({} marked read, {} starred)",
                file.display(),
                done.matched,
                done.items,
                done.read,
                done.starred
            ));
        }
        FeedCommand::Fetch => {
            let urls = read_urls(&path)?;
            if urls.feeds.is_empty() {
                note(&format!("no feeds in {}: add one with cyberreader add URL", path.display()));
                return Ok(ExitCode::SUCCESS);
            }
            let mut store = open_library(db)?;
            let settings = &config.feeds;
            let done = fetch(&urls.feeds, &mut store, settings, fetch::options(settings))?;
            if done.failed > 0 {
                return Ok(ExitCode::from(1));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The library `--db` names, else the one at `CYBERREADER_DB`, else its default place.
fn open_library(db: Option<&Path>) -> Result<crate::store::SqliteStore, CommandError> {
    let path = match db {
        Some(path) => path.to_path_buf(),
        None => crate::store::default_db_path().map_err(|e| CommandError::Other(e.to_string()))?,
    };
    crate::store::SqliteStore::open(&path).map_err(|e| CommandError::Other(e.to_string()))
}

/// Why a command could not do its work; the text is what the user sees.
#[derive(Debug, thiserror::Error)]
pub enum CommandError {
    #[error("could not read {path}: {source}")]
    Read { path: String, source: io::Error },
    #[error("could not write {path}: {source}")]
    Write { path: String, source: io::Error },
    #[error("no config directory (no home directory) to keep the urls file in")]
    NoConfigDir,
    #[error("{0}")]
    Usage(String),
    #[error("{0}")]
    Other(String),
}

/// The `urls` file: beside the default config.toml (`$XDG_CONFIG_HOME/cyberreader/urls`).
///
/// # Errors
/// [`CommandError::NoConfigDir`] when there is no home directory.
pub fn urls_path() -> Result<PathBuf, CommandError> {
    crate::config::default_path().and_then(|p| p.parent().map(|d| d.join("urls"))).ok_or(CommandError::NoConfigDir)
}

/// Prints one message on standard error, cleaned.
pub(crate) fn note(message: &str) {
    let _ = writeln!(io::stderr(), "cyberreader: {}", crate::article::sanitize(message));
}

/// The file's text, empty when it does not exist yet.
fn read_text(path: &Path) -> Result<String, CommandError> {
    match std::fs::read(path) {
        Ok(bytes) => String::from_utf8(bytes).map_err(|_| CommandError::Read {
            path: path.display().to_string(),
            source: io::Error::new(io::ErrorKind::InvalidData, "not UTF-8 text"),
        }),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(String::new()),
        Err(source) => Err(CommandError::Read { path: path.display().to_string(), source }),
    }
}

/// The subscriptions in the urls file; each skipped line is reported, naming the file and line.
///
/// # Errors
/// When the file cannot be read.
pub fn read_urls(path: &Path) -> Result<UrlsFile, CommandError> {
    let urls = parse_urls(&read_text(path)?, &path.display().to_string());
    for problem in &urls.problems {
        note(&problem.to_string());
    }
    Ok(urls)
}

/// Writes through a temporary file renamed over the old one, so a failure never leaves half a
/// file of the user's subscriptions.
fn write_text(path: &Path, text: &str) -> Result<(), CommandError> {
    let failed = |source| CommandError::Write { path: path.display().to_string(), source };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(failed)?;
    }
    let mut temporary = path.as_os_str().to_owned();
    temporary.push(".new");
    let temporary = PathBuf::from(temporary);
    std::fs::write(&temporary, text).map_err(failed)?;
    std::fs::rename(&temporary, path).map_err(failed)
}

/// `cyberreader add URL [TAG...]`.
///
/// # Errors
/// A URL that is not http(s) or already there ([`CommandError::Usage`]), or a file problem.
pub fn add(path: &Path, url: &str, tags: &[String]) -> Result<(), CommandError> {
    let text = read_text(path)?;
    let text = add_url(&text, url, tags, None).map_err(|e| CommandError::Usage(e.to_string()))?;
    write_text(path, &text)?;
    note(&format!("added {url} to {}; cyberreader fetch gets its items", path.display()));
    Ok(())
}

/// `cyberreader remove URL`. The library keeps the feed's articles.
///
/// # Errors
/// A URL that is not in the file ([`CommandError::Usage`]), or a file problem.
pub fn remove(path: &Path, url: &str) -> Result<(), CommandError> {
    let text = read_text(path)?;
    let Some(text) = remove_url(&text, url) else {
        return Err(CommandError::Usage(format!("{url} is not in {}", path.display())));
    };
    write_text(path, &text)?;
    note(&format!("removed {url} from {}", path.display()));
    Ok(())
}

/// `cyberreader import FILE.opml`: every feed not yet subscribed is added with its tags and title.
///
/// # Errors
/// A file that is not OPML, or a file problem.
pub fn import(path: &Path, opml: &Path) -> Result<(), CommandError> {
    let bytes =
        std::fs::read(opml).map_err(|source| CommandError::Read { path: opml.display().to_string(), source })?;
    let feeds = import_opml(&bytes, &opml.display().to_string()).map_err(|e| CommandError::Usage(e.to_string()))?;
    let mut text = read_text(path)?;
    let (mut added, mut known) = (0, 0);
    for feed in &feeds {
        match add_url(&text, &feed.url, &feed.tags, feed.title.as_deref()) {
            Ok(new) => {
                text = new;
                added += 1;
            }
            Err(super::feed::AddError::AlreadySubscribed(..)) => known += 1,
            Err(e) => note(&format!("{}: {e}; skipped", opml.display())),
        }
    }
    write_text(path, &text)?;
    note(&format!("imported {added} feeds into {} ({known} were there already)", path.display()));
    Ok(())
}

/// `cyberreader export`: the subscriptions as OPML, tags as categories (retention options are
/// cyberreader's own and stay out).
///
/// # Errors
/// A file problem, or standard output closed.
pub fn export(path: &Path) -> Result<(), CommandError> {
    let urls = read_urls(path)?;
    let feeds: Vec<Subscription> = urls
        .feeds
        .into_iter()
        .map(|mut f| {
            f.tags.retain(|t| FeedOptions::parse_one(t).is_none());
            f
        })
        .collect();
    let mut out = io::stdout().lock();
    match out.write_all(export_opml(&feeds).as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            Err(CommandError::Write { path: "standard output".into(), source: e })
        }
        _ => Ok(()),
    }
}

/// The tag that has a feed's items fetched in full.
pub const FULL_TEXT_TAG: &str = "full-text";

/// A feed's own settings, written as tags in the urls file: `max-items=N`, `keep-days=N`, and
/// `full-text` (fetch each new item's page for its full text).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FeedOptions {
    pub max_items: Option<usize>,
    pub keep_days: Option<u64>,
    pub full_text: bool,
}

impl FeedOptions {
    /// The options among `tags`; a tag that is none stays a tag.
    #[must_use]
    pub fn from_tags(tags: &[String]) -> Self {
        let mut options = Self::default();
        for tag in tags {
            if tag == FULL_TEXT_TAG {
                options.full_text = true;
            }
            match Self::parse_one(tag) {
                Some(Self { max_items: Some(n), .. }) => options.max_items = Some(n),
                Some(Self { keep_days: Some(n), .. }) => options.keep_days = Some(n),
                _ => {}
            }
        }
        options
    }

    fn parse_one(tag: &str) -> Option<Self> {
        let (name, value) = tag.split_once('=')?;
        let n: u64 = value.trim().parse().ok()?;
        match name.trim() {
            "max-items" => Some(Self { max_items: usize::try_from(n).ok(), ..Self::default() }),
            "keep-days" => Some(Self { keep_days: Some(n), ..Self::default() }),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests;
