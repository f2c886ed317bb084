//! Background fetches for the reader: each [`FetchJob`] runs on a thread of its own with its own
//! connection to the library (SQLite's WAL lets it write while the library worker does), using
//! the same code as `cyberreader fetch`, and tells the loop how it goes with
//! [`Answer::Fetch`]: progress as feeds come in, then the counts and the new articles, read back
//! from the library as a restart would read them.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::app::{Answer, FetchJob, FetchNews, FetchWhich};
use crate::runtime::AppEvent;
use crate::sources::commands::{FetchSummary, fetch_into, options as fetch_options};
use crate::sources::feed::{Subscription, parse_urls};
use crate::store::{SqliteStore, Store as _};

/// Who hears of the fetch (the loop's channel).
pub type Tell = Arc<dyn Fn(AppEvent) + Send + Sync>;

/// Starts `job` on a thread; its news goes to `tell`. A thread that cannot be started is
/// reported the same way.
pub fn spawn(job: FetchJob, tell: Tell) {
    let on_thread = Arc::clone(&tell);
    let started = std::thread::Builder::new().name("fetch".into()).spawn(move || {
        let news =
            run(&job, &|done, total| on_thread(AppEvent::Answer(Answer::Fetch(FetchNews::Progress { done, total }))))
                .unwrap_or_else(FetchNews::Failed);
        on_thread(AppEvent::Answer(Answer::Fetch(news)));
    });
    if let Err(e) = started {
        tell(AppEvent::Answer(Answer::Fetch(FetchNews::Failed(format!("could not start fetching: {e}")))));
    }
}

/// Does `job` on this thread: `progress(done, total)` as each feed is downloaded. The news to
/// end with, or why nothing was fetched.
///
/// # Errors
/// A sentence for the user: the library or the urls file could not be used, or there was
/// nothing to fetch.
pub fn run(job: &FetchJob, progress: &(dyn Fn(usize, usize) + Sync)) -> Result<FetchNews, String> {
    let mut store = SqliteStore::open(&job.db).map_err(|e| e.to_string())?;
    let text = match std::fs::read(&job.urls) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(format!("could not read {}: {e}", job.urls.display())),
    };
    let subscribed = parse_urls(&text, &job.urls.display().to_string()).feeds;
    let feeds = chosen(&store, &job.which, subscribed)?;
    if feeds.is_empty() {
        return Err(format!("No feeds in {}: add one with cyberreader add URL", job.urls.display()));
    }
    let total = feeds.len();
    let done = AtomicUsize::new(0);
    progress(0, total);
    let fetched = || progress(done.fetch_add(1, Ordering::Relaxed) + 1, total);
    let results = fetch_into(&feeds, &mut store, &job.settings, fetch_options(&job.settings), fetched, |_| {})
        .map_err(|e| e.to_string())?;
    let summary = FetchSummary::of(&results);
    let mut articles = Vec::new();
    for id in results.iter().flat_map(|r| &r.added) {
        if let Some(stored) = store.article(id).map_err(|e| e.to_string())? {
            articles.push(stored);
        }
    }
    let single = match results.as_slice() {
        [one] => Some(format!("{}: {}", one.name, one.line)),
        _ => None,
    };
    Ok(FetchNews::Done { feeds: summary.feeds, failed: summary.failed, new: summary.new, single, articles })
}

/// The subscriptions `which` names. A feed the library has but the urls file no longer lists
/// is fetched by its URL alone.
fn chosen(store: &SqliteStore, which: &FetchWhich, subscribed: Vec<Subscription>) -> Result<Vec<Subscription>, String> {
    let bare = |url: &str| Subscription { url: url.to_string(), tags: Vec::new(), title: None, line: 0 };
    let urls: Vec<String> = match which {
        FetchWhich::All => return Ok(subscribed),
        FetchWhich::Urls(urls) => urls.clone(),
        FetchWhich::FeedOf(id) => {
            let feed = store.article(id).map_err(|e| e.to_string())?.and_then(|a| a.feed);
            let url = match feed {
                Some(feed) => store.feed_statuses().map_err(|e| e.to_string())?.into_iter().find(|f| f.id == feed),
                None => None,
            };
            match url {
                Some(status) => vec![status.url],
                None => return Err("The article shown is not from a feed: R fetches every feed".to_string()),
            }
        }
    };
    Ok(urls.iter().map(|url| subscribed.iter().find(|s| &s.url == url).cloned().unwrap_or_else(|| bare(url))).collect())
}

/// Asks the loop to fetch every `minutes` (the `fetch-every` setting) from a thread that sleeps
/// in between; it ends when the loop has gone. Nothing when `minutes` is 0.
pub fn every(minutes: u64, notifier: crate::runtime::Notifier) {
    if minutes == 0 {
        return;
    }
    let wait = std::time::Duration::from_secs(minutes.saturating_mul(60));
    let _ = std::thread::Builder::new().name("fetch-every".into()).spawn(move || {
        loop {
            std::thread::sleep(wait);
            if !notifier.send(AppEvent::Answer(Answer::Fetch(FetchNews::Due))) {
                break;
            }
        }
    });
}
