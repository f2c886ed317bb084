//! The library's writer: one thread owns a connection and carries out the app's effects, so the
//! UI thread never waits on the disk. State changes (read, star, hide) are written as they come;
//! scroll positions, which change on every key, are kept per article and written together at
//! most [`POSITION_DELAY`] after the first of them. Everything waiting is written when the
//! worker is finished (on quit), and [`StoreWorker::finish`] waits for that.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::app::{Effect, Request};
use crate::article::{Article, ArticleId};
use crate::run::Effects;
use crate::runtime::AppEvent;
use crate::store::{Position, Store, StoreError};

/// How long a scroll position may wait before it is written: well under the second within
/// which a change must be on disk, and long enough that scrolling through an article is one
/// write, not one per line.
pub const POSITION_DELAY: Duration = Duration::from_millis(400);

/// How long typing must pause before the library search runs the query typed. A search waits
/// this long for the next one, which replaces it and waits again, so fast typing or a paste
/// (one keystroke per character) runs one query, the last; a query waiting here is never run
/// once a newer one comes. Short enough that results follow typing at once to the eye.
pub const SEARCH_PAUSE: Duration = Duration::from_millis(120);

/// One thing for the worker to do.
enum Job {
    Effect(Effect),
    /// Add or update these articles (their people are extracted on the worker).
    Add(Arc<Vec<Article>>),
    /// Session keys and values to keep.
    Session(Vec<(String, String)>),
}

/// The handle the run loop holds: an [`Effects`] that hands everything to the worker.
pub struct StoreWorker {
    jobs: Option<Sender<Job>>,
    thread: Option<JoinHandle<()>>,
    /// For background fetches, which report to the loop as the worker does.
    tell: super::fetcher::Tell,
}

impl StoreWorker {
    /// Starts the worker on `store`. It writes the state changes when `saving` (otherwise it
    /// only answers questions: a library read without saving). `tell` is called on the worker
    /// with what the reader must hear: answers to [`Effect::Ask`], and a message for the user when
    /// a write fails (once per kind of failure, not for every write).
    ///
    /// # Errors
    /// When the thread cannot be started.
    pub fn start(
        store: Box<dyn Store>,
        saving: bool,
        tell: impl Fn(AppEvent) + Send + Sync + 'static,
    ) -> std::io::Result<Self> {
        let (jobs, rx) = mpsc::channel();
        let tell: super::fetcher::Tell = Arc::new(tell);
        let worker_tell = Arc::clone(&tell);
        let thread = std::thread::Builder::new()
            .name("library".into())
            .spawn(move || work(store, saving, &rx, worker_tell.as_ref()))?;
        Ok(Self { jobs: Some(jobs), thread: Some(thread), tell })
    }

    /// Adds `articles` to the library, or updates those whose text changed (state kept).
    pub fn add(&self, articles: Arc<Vec<Article>>) {
        self.send(Job::Add(articles));
    }

    /// Keeps these session values.
    pub fn save_session(&self, pairs: Vec<(String, String)>) {
        self.send(Job::Session(pairs));
    }

    fn send(&self, job: Job) {
        // A worker that has gone (its thread panicked) can do nothing more; the reader goes on.
        if let Some(jobs) = &self.jobs {
            let _ = jobs.send(job);
        }
    }

    /// Writes everything waiting and waits for the worker to end.
    pub fn finish(mut self) {
        self.stop();
    }

    fn stop(&mut self) {
        self.jobs = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for StoreWorker {
    fn drop(&mut self) {
        self.stop();
    }
}

impl Effects for StoreWorker {
    fn carry_out(&mut self, effects: Vec<Effect>) {
        for effect in effects {
            match effect {
                // A fetch takes its own thread and connection: the worker stays free for the
                // reader's writes and questions meanwhile.
                Effect::Fetch(job) => super::fetcher::spawn(job, Arc::clone(&self.tell)),
                other => self.send(Job::Effect(other)),
            }
        }
    }
}

fn work(mut store: Box<dyn Store>, saving: bool, jobs: &mpsc::Receiver<Job>, tell: &dyn Fn(AppEvent)) {
    let mut positions: HashMap<ArticleId, Position> = HashMap::new();
    let mut due: Option<Instant> = None;
    let mut reported: Vec<std::mem::Discriminant<StoreError>> = Vec::new();
    let mut report = |e: StoreError| {
        let kind = std::mem::discriminant(&e);
        if !reported.contains(&kind) {
            reported.push(kind);
            tell(AppEvent::LibraryProblem(format!("{e}; changes are not being saved")));
        }
    };
    // The library search waiting for typing to pause, and when it runs.
    let mut search: Option<(Instant, Request)> = None;
    loop {
        let deadline = match (due, search.as_ref().map(|(at, _)| *at)) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        // A job already queued is taken before a deadline passes, even a late one: a burst of
        // searches queued together always comes down to the last.
        let job = match deadline {
            None => jobs.recv().map_err(|_| RecvTimeoutError::Disconnected),
            Some(at) => jobs.recv_timeout(at.saturating_duration_since(Instant::now())),
        };
        let result = match job {
            Ok(Job::Effect(Effect::Ask(request @ Request::Search { .. }))) => {
                search = Some((Instant::now() + SEARCH_PAUSE, request));
                Ok(())
            }
            Ok(Job::Effect(Effect::Ask(request))) => {
                tell(AppEvent::Answer(crate::app::library::answer(store.as_mut(), request)));
                Ok(())
            }
            // Read without saving: nothing is written.
            Ok(_) if !saving => Ok(()),
            Ok(Job::Effect(Effect::SavePosition { id, position })) => {
                positions.insert(id, Position { block: position.block, offset: position.offset });
                due.get_or_insert_with(|| Instant::now() + POSITION_DELAY);
                Ok(())
            }
            Ok(job) => apply(store.as_mut(), job),
            Err(RecvTimeoutError::Timeout) => {
                let now = Instant::now();
                if search.as_ref().is_some_and(|(at, _)| *at <= now)
                    && let Some((_, request)) = search.take()
                {
                    tell(AppEvent::Answer(crate::app::library::answer(store.as_mut(), request)));
                }
                if due.is_some_and(|at| at <= now) {
                    due = None;
                    write_positions(store.as_mut(), &mut positions)
                } else {
                    Ok(())
                }
            }
            Err(RecvTimeoutError::Disconnected) => {
                if let Err(e) = write_positions(store.as_mut(), &mut positions) {
                    report(e);
                }
                return;
            }
        };
        if let Err(e) = result {
            report(e);
        }
    }
}

fn write_positions(store: &mut dyn Store, positions: &mut HashMap<ArticleId, Position>) -> crate::store::Result<()> {
    for (id, position) in positions.drain() {
        store.set_position(&id, position)?;
    }
    Ok(())
}

fn apply(store: &mut dyn Store, job: Job) -> crate::store::Result<()> {
    match job {
        Job::Effect(effect) => apply_effect(store, effect),
        Job::Add(articles) => add(store, &articles),
        Job::Session(pairs) => pairs.iter().try_for_each(|(k, v)| store.session_set(k, v)),
    }
}

/// Writes one state change. Questions ([`Effect::Ask`]) are answered by the worker's loop,
/// which has somewhere to send the answer; here they do nothing.
///
/// # Errors
/// A [`StoreError`].
pub(crate) fn apply_effect(store: &mut dyn Store, effect: Effect) -> crate::store::Result<()> {
    match effect {
        Effect::SetRead { id, read } => store.set_read(&[id], read).map(drop),
        Effect::SetStarred { id, starred } => store.set_starred(&[id], starred).map(drop),
        Effect::SetHidden { id, hidden } => store.set_deleted(&[id], hidden).map(drop),
        Effect::SetLastSearch { id, query } => store.set_last_search(&id, query.as_deref()).map(drop),
        Effect::SavePosition { id, position } => {
            store.set_position(&id, Position { block: position.block, offset: position.offset }).map(drop)
        }
        Effect::PushHistory(query) => store.push_history(&query),
        Effect::SaveSearch { name, query } => store.save_search(&name, &query).map(drop),
        Effect::StoreFullText { id, text } => store.set_full_text(&id, &text),
        // Done elsewhere: questions by the worker's loop, fetching by the fetcher, the rest by
        // the runner outside the library (see `runtime::outside`).
        Effect::Ask(_)
        | Effect::Fetch(_)
        | Effect::OpenUrl(_)
        | Effect::SaveText { .. }
        | Effect::Pipe { .. }
        | Effect::FetchFullText { .. } => Ok(()),
    }
}

/// Upserts `articles` with their people, skipping (without extracting people) those the library
/// has with the same hash. The people of a batch are found (in parallel) while the batch before
/// is written, each batch in its own transaction (see [`crate::store::upsert_with_people`]).
pub(crate) fn add(store: &mut dyn Store, articles: &[Article]) -> crate::store::Result<()> {
    let ids: Vec<ArticleId> = articles.iter().map(|a| a.id.clone()).collect();
    let known = store.known_hashes(&ids)?;
    let changed: Vec<&Article> = articles.iter().filter(|a| known.get(&a.id) != Some(&a.hash)).collect();
    crate::store::upsert_with_people(store, &changed, |a| a.published).map(drop)
}

#[cfg(test)]
mod tests {
    use super::StoreWorker;
    use crate::app::{Anchor, Effect};
    use crate::article::parse;
    use crate::run::Effects;
    use crate::store::{Position, SqliteStore, Store};
    use std::sync::Arc;

    #[test]
    fn effects_reach_the_library_and_positions_are_written_by_finish() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let path = dir.path().join("library.db");
        let mut article = parse("Talks resume\n\nSEOUL (Yonhap) -- Talks resumed on Monday.\n", "a.txt");
        article.id = crate::article::ArticleId::from_stored("a".into());
        let id = article.id.clone();
        let mut worker =
            StoreWorker::start(Box::new(SqliteStore::open(&path).expect("opens")), true, |m| panic!("{m:?}"))
                .expect("a thread");
        worker.add(Arc::new(vec![article]));
        worker.carry_out(vec![
            Effect::SetRead { id: id.clone(), read: true },
            Effect::SetStarred { id: id.clone(), starred: true },
            Effect::SavePosition { id: id.clone(), position: Anchor { block: 1, offset: 9 } },
            Effect::SavePosition { id: id.clone(), position: Anchor { block: 2, offset: 3 } },
        ]);
        worker.save_session(vec![("selected".into(), "a".into())]);
        worker.finish();
        let store = SqliteStore::open(&path).expect("opens again");
        let state = store.state(&id).expect("reads").expect("the article is there");
        assert!(state.read && state.starred && !state.deleted);
        assert_eq!(state.position, Position { block: 2, offset: 3 });
        assert_eq!(store.session_get("selected").expect("reads").as_deref(), Some("a"));
    }

    /// Searches queued together (a paste, fast typing) are run once, for the last query; other
    /// questions are answered as they come, without waiting.
    #[test]
    fn a_burst_of_searches_runs_only_the_last() {
        use crate::app::{Answer, Request};
        let mut store = SqliteStore::in_memory().expect("a library");
        let mut article = parse("Harbour reopens\n\nBUSAN (Yonhap) -- The harbour reopened.\n", "a.txt");
        article.id = crate::article::ArticleId::from_stored("a".into());
        super::add(&mut store, &[article]).expect("added");
        let (jobs, rx) = std::sync::mpsc::channel();
        for (seq, query) in [(1, "h"), (2, "ha"), (3, "harbour")] {
            let request = Request::Search { seq, query: query.into(), order: crate::store::Order::Relevance };
            jobs.send(super::Job::Effect(Effect::Ask(request))).expect("queued");
        }
        jobs.send(super::Job::Effect(Effect::Ask(Request::SearchLists))).expect("queued");
        let (said, heard) = std::sync::mpsc::channel();
        let worker = std::thread::spawn(move || {
            super::work(Box::new(store), false, &rx, &move |event| {
                let _ = said.send(event);
            });
        });
        let first = heard.recv().expect("an answer");
        assert!(matches!(first, crate::runtime::AppEvent::Answer(Answer::SearchLists { .. })), "{first:?}");
        let Ok(crate::runtime::AppEvent::Answer(Answer::SearchHits { seq, hits })) = heard.recv() else {
            panic!("no search answered")
        };
        assert_eq!(seq, 3);
        assert_eq!(hits.expect("found").len(), 1);
        drop(jobs);
        worker.join().expect("the worker ends");
        assert!(heard.try_recv().is_err(), "the earlier searches were never run");
    }

    #[test]
    fn a_library_locked_too_long_is_reported_once_and_the_reader_goes_on() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let path = dir.path().join("library.db");
        let article = parse("Talks resume\n\nSEOUL (Yonhap) -- Talks resumed.\n", "a.txt");
        let id = article.id.clone();
        let mut store = SqliteStore::open(&path).expect("opens");
        super::add(&mut store, &[article]).expect("added");
        let other = rusqlite::Connection::open(&path).expect("a second connection");
        other.execute_batch("BEGIN IMMEDIATE").expect("holds the write lock");
        let (said, heard) = std::sync::mpsc::channel();
        let waiting = SqliteStore::open_with_timeout(&path, std::time::Duration::from_millis(20)).expect("opens");
        let mut worker = StoreWorker::start(Box::new(waiting), true, move |m| {
            if let crate::runtime::AppEvent::LibraryProblem(m) = m {
                let _ = said.send(m);
            }
        })
        .expect("a thread");
        worker.carry_out(vec![
            Effect::SetRead { id: id.clone(), read: true },
            Effect::SetStarred { id: id.clone(), starred: true },
        ]);
        worker.finish();
        let messages: Vec<String> = heard.try_iter().collect();
        assert_eq!(messages.len(), 1, "{messages:?}");
        assert!(messages[0].contains(&path.display().to_string()) && messages[0].contains("not being saved"));
        other.execute_batch("COMMIT").expect("lets go");
        assert!(!store.state(&id).expect("reads").expect("there").read);
    }
}
