//! `cyberreader fetch`: every subscribed feed fetched in parallel, its items stored in the library
//! with their people, each feed's outcome reported.
//!
//! A feed's items are made articles and their people found (in parallel, with rayon) on one
//! thread while the batch before is written on another: those and the store's transactions are
//! the costs of a large feed, and they overlap. A feed whose fetch failed is left exactly as
//! stored.

use std::collections::HashSet;
use std::io::{self, IsTerminal, Write};
use std::sync::Mutex;
use std::time::Duration;

use rayon::prelude::*;

use super::{CommandError, FeedOptions, note};
use crate::article::{Article, ArticleId};
use crate::config::FeedSettings;
use crate::people::{Person, extract_with_mentions};
use crate::sources::feed::{
    FeedItems, FeedReport, FetchOptions, FetchOutcome, FetchRequest, Subscription, Validators, fetch_each,
};
use crate::store::{BATCH, FeedId, NewArticle, Retention, SqliteStore, Store as _, StoreError, overlapped};

const DAY: i64 = 86_400;

/// How a `fetch` went, for the exit status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FetchSummary {
    pub feeds: usize,
    pub failed: usize,
    pub new: usize,
}

/// One feed's fetch, stored: its name and its line for the user, and what it added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedDone {
    /// The feed's name (the urls file's title, else the feed's own, else its URL), cleaned.
    pub name: String,
    /// The outcome in words: "200 OK, 12 items, 3 new", "HTTP 404", ...
    pub line: String,
    pub failed: bool,
    /// The articles the library did not have before.
    pub added: Vec<ArticleId>,
}

/// Fetches `feeds` into the library at `store` and prints a line per feed on standard output.
///
/// # Errors
/// Only when the library cannot be written; a feed that fails is reported and counted.
pub fn fetch(
    feeds: &[Subscription],
    store: &mut SqliteStore,
    settings: &FeedSettings,
    options: FetchOptions,
) -> Result<FetchSummary, CommandError> {
    let progress = Progress::new(feeds.len());
    let done = fetch_into(feeds, store, settings, options, || progress.tick(), |_| {});
    progress.finish();
    let done = done.map_err(|e| CommandError::Other(e.to_string()))?;
    let mut out = io::stdout().lock();
    for feed in &done {
        let _ = writeln!(out, "{}: {}", feed.name, feed.line);
    }
    let _ = out.flush();
    let summary = FetchSummary::of(&done);
    if summary.failed > 0 {
        note(&format!("{} of {} feeds could not be fetched (see above)", summary.failed, summary.feeds));
    }
    Ok(summary)
}

impl FetchSummary {
    /// The counts of a fetch's feeds.
    #[must_use]
    pub fn of(done: &[FeedDone]) -> Self {
        Self {
            feeds: done.len(),
            failed: done.iter().filter(|d| d.failed).count(),
            new: done.iter().map(|d| d.added.len()).sum(),
        }
    }
}

/// Fetches `feeds` in parallel and stores each one's outcome in `store`, in the order of
/// `feeds`: its items with their people, its validators, its error or its success. `fetched`
/// hears of each feed as its download ends (from a fetching thread), `stored` of each as it is
/// in the library (from the caller's thread), so a caller can show progress.
///
/// # Errors
/// Only when the library cannot be written; a feed that fails is recorded as failed.
pub fn fetch_into(
    feeds: &[Subscription],
    store: &mut SqliteStore,
    settings: &FeedSettings,
    options: FetchOptions,
    fetched: impl Fn() + Sync,
    mut stored: impl FnMut(&FeedDone),
) -> Result<Vec<FeedDone>, StoreError> {
    let mut known_feeds = Vec::with_capacity(feeds.len());
    let mut requests = Vec::with_capacity(feeds.len());
    for feed in feeds {
        let known = store.feed_or_add(&feed.url)?;
        let url = known.moved_to.clone().unwrap_or_else(|| feed.url.clone());
        requests.push(FetchRequest {
            url,
            validators: Validators { etag: known.etag.clone(), last_modified: known.last_modified.clone() },
            credentials: None,
        });
        known_feeds.push(known);
    }
    let options = FetchOptions { connections: settings.connections, ..options };
    // Each feed is stored as soon as it is in, while the others download: with many slow
    // servers the library's work hides under the waiting. A large feed's items are made
    // articles batch by batch as they are stored (`store_items`).
    let (send, receive) = std::sync::mpsc::channel::<FeedReport<FeedItems>>();
    let mut slots: Vec<Option<FeedDone>> = vec![None; feeds.len()];
    std::thread::scope(|scope| -> Result<(), StoreError> {
        let (requests, options, fetched) = (&requests, &options, &fetched);
        scope.spawn(move || {
            fetch_each(requests, options, |report| {
                fetched();
                let _ = send.send(report);
            });
        });
        for mut report in receive {
            let (Some(feed), Some(known)) = (feeds.get(report.index), known_feeds.get(report.index)) else {
                continue;
            };
            let fetched_title = match &report.outcome {
                FetchOutcome::Updated { feed, .. } => feed.title.clone(),
                _ => None,
            };
            let name = feed
                .title
                .clone()
                .or(fetched_title)
                .or_else(|| known.title.clone())
                .unwrap_or_else(|| feed.url.clone());
            // Said last, after what was stored.
            let moved_to = report.moved_to.take();
            let own = FeedOptions::from_tags(&feed.tags);
            let retention = Retention {
                max_items: own.max_items.or(settings.max_items).filter(|&n| n > 0),
                older_than: own
                    .keep_days
                    .or(settings.keep_days)
                    .filter(|&d| d > 0)
                    .map(|d| unix_now() - i64::try_from(d).unwrap_or(i64::MAX / DAY) * DAY),
            };
            let (mut line, added, stored_items) = store_report(store, known.id, &report, retention, own.full_text)?;
            // A feed tagged full-text: each new item's page, fetched once and kept.
            if own.full_text && matches!(report.outcome, FetchOutcome::Updated { .. }) {
                line.push_str(&full_texts(store, &stored_items, options)?);
            }
            if let Some(to) = moved_to {
                store.set_feed_moved(known.id, &to)?;
                let to = crate::article::sanitize(&to);
                line.push_str(&format!(
                    "; moved permanently to {to} (fetched from there from now on; the urls file is unchanged)"
                ));
            }
            let failed = matches!(report.outcome, FetchOutcome::Failed(_));
            let one = FeedDone { name: crate::article::sanitize(&name), line, failed, added };
            stored(&one);
            slots[report.index] = Some(one);
        }
        Ok(())
    })?;
    let done: Vec<FeedDone> = slots.into_iter().flatten().collect();
    Ok(done)
}

/// Stores one feed's outcome (its error too, or that it worked) and returns its line (the
/// summary, then "N new"), the articles it added and, when `keep` (a full-text feed), the
/// articles stored.
fn store_report(
    store: &mut SqliteStore,
    feed: FeedId,
    report: &FeedReport<FeedItems>,
    retention: Retention,
    keep: bool,
) -> crate::store::Result<(String, Vec<ArticleId>, Vec<Article>)> {
    let mut line = report.summary();
    let mut added = Vec::new();
    let mut stored = Vec::new();
    match &report.outcome {
        FetchOutcome::Failed(error) => {
            store.set_feed_outcome(feed, Some(&crate::article::sanitize(&error.to_string())))?;
            return Ok((line, added, stored));
        }
        FetchOutcome::Unchanged => store.set_feed_outcome(feed, None)?,
        FetchOutcome::Updated { feed: parsed, validators } => {
            let items = kept(parsed, retention);
            added = store_items(store, feed, parsed, &items, keep.then_some(&mut stored))?;
            line.push_str(&format!(", {} new", added.len()));
            store.set_feed_fetched(
                feed,
                parsed.title.as_deref(),
                validators.etag.as_deref(),
                validators.last_modified.as_deref(),
            )?;
            store.set_feed_outcome(feed, None)?;
        }
    }
    let dropped = store.prune_feed(feed, retention)?;
    if dropped > 0 {
        line.push_str(&format!(", {dropped} old dropped"));
    }
    Ok((line, added, stored))
}

/// For a feed tagged `full-text`: the page of each item the library has no full text for yet,
/// fetched and kept (so each is fetched once); ", N full texts" for the feed's line, with the
/// count that failed.
fn full_texts(store: &mut SqliteStore, items: &[Article], options: &FetchOptions) -> crate::store::Result<String> {
    let (mut fetched, mut failed) = (0, 0);
    for item in items {
        let Some(link) = &item.link else { continue };
        if store.full_text(&item.id)?.is_some() {
            continue;
        }
        match crate::sources::feed::fetch_full_text(link, options) {
            Ok(text) => {
                store.set_full_text(&item.id, &text)?;
                fetched += 1;
            }
            Err(_) => failed += 1,
        }
    }
    Ok(match (fetched, failed) {
        (0, 0) => String::new(),
        (n, 0) => format!(", {n} full texts"),
        (n, f) => format!(", {n} full texts ({f} pages could not be read)"),
    })
}

/// The items (their indices) retention would keep: none older than its cutoff, at most its
/// newest `max_items` (so an item dropped is not added again at the next fetch).
fn kept(items: &FeedItems, retention: Retention) -> Vec<usize> {
    let mut kept: Vec<usize> = (0..items.len())
        .filter(|&i| retention.older_than.is_none_or(|cutoff| items.published(i).is_none_or(|p| p >= cutoff)))
        .collect();
    if let Some(max) = retention.max_items {
        kept.sort_by_key(|&i| std::cmp::Reverse(items.published(i)));
        kept.truncate(max);
    }
    kept
}

/// Upserts the items at `indices` in batches: one batch is made articles and its people found
/// while the batch before is written. Returns the articles the library did not have before,
/// each once; `keep` receives the articles stored.
fn store_items(
    store: &mut SqliteStore,
    feed: FeedId,
    items: &FeedItems,
    indices: &[usize],
    mut keep: Option<&mut Vec<Article>>,
) -> crate::store::Result<Vec<ArticleId>> {
    let mut added = Vec::new();
    let mut seen = HashSet::new();
    overlapped(
        |send| {
            for batch in indices.chunks(BATCH) {
                let articles = items.articles(batch);
                let people: Vec<Vec<Person>> = articles.par_iter().map(extract_with_mentions).collect();
                if !send((articles, people)) {
                    break;
                }
            }
        },
        |(articles, people): (Vec<Article>, Vec<Vec<Person>>)| -> crate::store::Result<()> {
            let ids: Vec<ArticleId> = articles.iter().map(|a| a.id.clone()).collect();
            let known = store.known_hashes(&ids)?;
            added.extend(ids.into_iter().filter(|id| !known.contains_key(id) && seen.insert(id.clone())));
            let new: Vec<NewArticle<'_>> = articles
                .iter()
                .zip(&people)
                .map(|(a, p)| NewArticle {
                    feed: Some(feed),
                    link: a.link.as_deref(),
                    published: a.published,
                    ..NewArticle::new(a, p, None)
                })
                .collect();
            store.upsert(&new)?;
            if let Some(keep) = keep.as_mut() {
                keep.extend(articles);
            }
            Ok(())
        },
    )?;
    Ok(added)
}

fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// A one-line bar on standard error while feeds come in, when it is a terminal; nothing when
/// piped (the per-feed lines say it all).
struct Progress {
    total: usize,
    done: Mutex<usize>,
    shown: bool,
}

impl Progress {
    fn new(total: usize) -> Self {
        let progress = Self { total, done: Mutex::new(0), shown: io::stderr().is_terminal() };
        progress.draw(0);
        progress
    }

    fn tick(&self) {
        let Ok(mut done) = self.done.lock() else { return };
        *done += 1;
        self.draw(*done);
    }

    fn draw(&self, done: usize) {
        if !self.shown {
            return;
        }
        const WIDTH: usize = 30;
        let filled = (done * WIDTH).checked_div(self.total).unwrap_or(WIDTH);
        let bar = format!("{}{}", "#".repeat(filled), "-".repeat(WIDTH - filled));
        let _ = write!(io::stderr(), "\r\x1b[2Kfetching [{bar}] {done}/{} feeds", self.total);
    }

    fn finish(&self) {
        if self.shown {
            let _ = write!(io::stderr(), "\r\x1b[2K");
        }
    }
}

/// The fetch settings from the config, with the proxy from the environment.
#[must_use]
pub fn options(settings: &FeedSettings) -> FetchOptions {
    FetchOptions {
        connections: settings.connections,
        total_timeout: Duration::from_secs(settings.timeout),
        connect_timeout: Duration::from_secs(settings.timeout.min(10)),
        max_bytes: settings.max_size.saturating_mul(1024 * 1024),
        ..FetchOptions::default()
    }
}
