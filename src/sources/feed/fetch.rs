//! Fetching feeds over HTTP: one at a time ([`fetch_one`]) or many in parallel ([`fetch_all`]).
//!
//! Each feed's outcome is a value with a sentence for the user; nothing here stores, retries or
//! sleeps. Redirects are followed here, not by the HTTP client, so a permanent move can be
//! reported (the caller remembers it) and a loop named as one.

use std::collections::HashSet;
use std::io::Read;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant, SystemTime};

use ureq::Agent;
use url::Url;

use super::http::{Credentials, ProxySetting, agent, charset, header, retry_after, split_credentials};
use super::parse::{FeedError, FeedItems, ParsedFeed, parse_feed, parse_feed_items};

/// Feeds fetched at once unless the caller says otherwise.
pub const DEFAULT_CONNECTIONS: usize = 8;
/// Larger bodies (after gzip is undone) are refused.
pub const DEFAULT_MAX_BYTES: u64 = 20 * 1024 * 1024;
/// Redirects followed before giving up.
const MAX_REDIRECTS: usize = 10;

/// How to fetch.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    pub connections: usize,
    pub connect_timeout: Duration,
    /// For the whole fetch of one feed, redirects and body included.
    pub total_timeout: Duration,
    pub max_bytes: u64,
    pub proxy: ProxySetting,
}

impl Default for FetchOptions {
    fn default() -> Self {
        Self {
            connections: DEFAULT_CONNECTIONS,
            connect_timeout: Duration::from_secs(10),
            total_timeout: Duration::from_secs(30),
            max_bytes: DEFAULT_MAX_BYTES,
            proxy: ProxySetting::FromEnv,
        }
    }
}

/// What the server said last time, sent back so that an unchanged feed costs a 304.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// One feed to fetch.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FetchRequest {
    pub url: String,
    pub validators: Validators,
    /// Credentials from the settings; `user:pass@` in the URL is used when this is `None`.
    pub credentials: Option<Credentials>,
}

impl FetchRequest {
    #[must_use]
    pub fn new(url: &str) -> Self {
        Self { url: url.to_string(), ..Self::default() }
    }
}

/// A body the server sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    pub body: Vec<u8>,
    pub content_type: Option<String>,
    pub validators: Validators,
}

/// Why a fetch gave nothing; the text is what the user sees after the feed's name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    #[error("timed out after {} s", .0.as_secs())]
    TimedOut(Duration),
    #[error("could not connect within {} s", .0.as_secs())]
    ConnectTimedOut(Duration),
    #[error("HTTP {0}")]
    Status(u16),
    #[error("HTTP {status}, asked to wait {} s", .wait.as_secs())]
    RetryLater { status: u16, wait: Duration },
    #[error("too large (over {} MB)", .0 / (1024 * 1024))]
    TooLarge(u64),
    #[error("redirect loop")]
    RedirectLoop,
    #[error("too many redirects (over {MAX_REDIRECTS})")]
    TooManyRedirects,
    #[error("redirect without a valid Location")]
    BadRedirect,
    #[error("not an http:// or https:// URL")]
    BadUrl,
    #[error("host not found")]
    HostNotFound,
    #[error("could not connect")]
    ConnectionFailed,
    #[error("{0}")]
    Other(String),
    #[error("{0}")]
    Feed(#[from] FeedError),
}

/// How one feed's fetch ended. `F` is the feed as parsed: its items as articles
/// ([`ParsedFeed`]), or left for the caller to make ([`FeedItems`], see [`fetch_each`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchOutcome<F = ParsedFeed> {
    /// 200: the feed, and the validators to send next time.
    Updated {
        feed: F,
        validators: Validators,
    },
    /// 304: nothing changed since the validators that were sent.
    Unchanged,
    Failed(FetchError),
}

/// One feed done, for the progress display and the caller's bookkeeping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedReport<F = ParsedFeed> {
    /// Position in the list given to [`fetch_all`].
    pub index: usize,
    pub url: String,
    pub outcome: FetchOutcome<F>,
    /// Where a permanent redirect (301, 308) sent the feed: the URL to use from now on.
    pub moved_to: Option<String>,
}

/// A parsed feed's number of items, for a report's summary.
pub trait ItemCount {
    fn item_count(&self) -> usize;
}

impl ItemCount for ParsedFeed {
    fn item_count(&self) -> usize {
        self.articles.len()
    }
}

impl ItemCount for FeedItems {
    fn item_count(&self) -> usize {
        self.len()
    }
}

impl<F: ItemCount> FeedReport<F> {
    /// The outcome in words: "200 OK, 12 items", "unchanged (304)", "HTTP 404", ...
    #[must_use]
    pub fn summary(&self) -> String {
        let mut text = match &self.outcome {
            FetchOutcome::Updated { feed, .. } => match feed.item_count() {
                1 => "200 OK, 1 item".to_string(),
                n => format!("200 OK, {n} items"),
            },
            FetchOutcome::Unchanged => "unchanged (304)".to_string(),
            FetchOutcome::Failed(error) => error.to_string(),
        };
        if let Some(to) = &self.moved_to {
            text.push_str(&format!("; moved permanently to {}", crate::article::sanitize(to)));
        }
        text
    }
}

impl<F> FeedReport<F> {
    /// How long the server asked to be left alone (429 or 503 with `Retry-After`).
    #[must_use]
    pub fn retry_after(&self) -> Option<Duration> {
        match &self.outcome {
            FetchOutcome::Failed(FetchError::RetryLater { wait, .. }) => Some(*wait),
            _ => None,
        }
    }
}

/// Fetches `requests` over `options.connections` connections; `on_done` hears of each feed as
/// it finishes (from a worker thread). Returns the reports in the order of `requests`. A feed
/// that fails is reported and the others go on.
pub fn fetch_all(
    requests: &[FetchRequest],
    options: &FetchOptions,
    on_done: impl Fn(&FeedReport) + Sync,
) -> Vec<FeedReport> {
    let results: Mutex<Vec<Option<FeedReport>>> = Mutex::new(vec![None; requests.len()]);
    fetch_with(requests, options, parse_feed, |report| {
        on_done(&report);
        if let Ok(mut results) = results.lock() {
            let index = report.index;
            results[index] = Some(report);
        }
    });
    let results = results.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner);
    results
        .into_iter()
        .enumerate()
        .map(|(index, report)| {
            report.unwrap_or_else(|| failed(index, &requests[index].url, FetchError::Other("not fetched".into())))
        })
        .collect()
}

/// Fetches `requests` as [`fetch_all`] does and hands each feed's report to `on_done` (from a
/// worker thread) as it finishes, with its items left for the caller to make articles of
/// ([`FeedItems::articles`]): a caller that stores them can do so batch by batch, each batch
/// written while the next is made.
pub fn fetch_each(requests: &[FetchRequest], options: &FetchOptions, on_done: impl Fn(FeedReport<FeedItems>) + Sync) {
    fetch_with(requests, options, parse_feed_items, on_done);
}

/// The fetching of [`fetch_all`] and [`fetch_each`], with `parse` for a body received.
fn fetch_with<F>(
    requests: &[FetchRequest],
    options: &FetchOptions,
    parse: impl Fn(&[u8], Option<&str>, &str) -> Result<F, FeedError> + Sync,
    on_done: impl Fn(FeedReport<F>) + Sync,
) {
    let agent = match agent(options.connect_timeout, &options.proxy) {
        Ok(agent) => agent,
        Err(message) => {
            for (index, r) in requests.iter().enumerate() {
                on_done(failed(index, &r.url, FetchError::Other(message.clone())));
            }
            return;
        }
    };
    let next = AtomicUsize::new(0);
    let workers = options.connections.clamp(1, requests.len().max(1));
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(request) = requests.get(index) else { break };
                    on_done(fetch_feed(&agent, index, request, options, &parse));
                }
            });
        }
    });
}

fn failed<F>(index: usize, url: &str, error: FetchError) -> FeedReport<F> {
    FeedReport { index, url: url.to_string(), outcome: FetchOutcome::Failed(error), moved_to: None }
}

/// Fetches and parses one feed with its own agent.
#[must_use]
pub fn fetch_one(request: &FetchRequest, options: &FetchOptions) -> FeedReport {
    match agent(options.connect_timeout, &options.proxy) {
        Ok(agent) => fetch_feed(&agent, 0, request, options, &parse_feed),
        Err(message) => failed(0, &request.url, FetchError::Other(message)),
    }
}

fn fetch_feed<F>(
    agent: &Agent,
    index: usize,
    request: &FetchRequest,
    options: &FetchOptions,
    parse: &impl Fn(&[u8], Option<&str>, &str) -> Result<F, FeedError>,
) -> FeedReport<F> {
    let (result, moved_to) = get(agent, request, options, Accept::Feed);
    let outcome = match result {
        Ok(None) => FetchOutcome::Unchanged,
        Ok(Some(fetched)) => {
            let charset = fetched.content_type.as_deref().and_then(charset);
            match parse(&fetched.body, charset.as_deref(), &request.url) {
                Ok(feed) => FetchOutcome::Updated { feed, validators: fetched.validators },
                Err(error) => FetchOutcome::Failed(error.into()),
            }
        }
        Err(error) => FetchOutcome::Failed(error),
    };
    FeedReport { index, url: request.url.clone(), outcome, moved_to }
}

/// What to ask the server for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Accept {
    Feed,
    Page,
}

/// GETs `request.url`, following redirects; `Ok(None)` is a 304. Also returns where a chain of
/// permanent redirects from the start led, if it did.
pub(super) fn get(
    agent: &Agent,
    request: &FetchRequest,
    options: &FetchOptions,
    accept: Accept,
) -> (Result<Option<Fetched>, FetchError>, Option<String>) {
    let started = Instant::now();
    let Some(mut url) = Url::parse(request.url.trim()).ok().filter(|u| matches!(u.scheme(), "http" | "https")) else {
        return (Err(FetchError::BadUrl), None);
    };
    let (bare, from_url) = split_credentials(&url);
    url = bare;
    let credentials = request.credentials.clone().or(from_url);
    let origin = url.origin();
    let mut seen = HashSet::from([url.to_string()]);
    let mut moved_to = None;
    let mut all_permanent = true;
    for _ in 0..=MAX_REDIRECTS {
        let remaining = options.total_timeout.saturating_sub(started.elapsed());
        if remaining.is_zero() {
            return (Err(FetchError::TimedOut(options.total_timeout)), moved_to);
        }
        let mut builder = agent
            .get(url.as_str())
            .config()
            .timeout_global(Some(remaining))
            .build()
            .header("Accept", match accept {
                Accept::Feed => "application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5",
                Accept::Page => "text/html, application/xhtml+xml, */*;q=0.5",
            });
        // Credentials go only to the origin they were given for, never to a redirect's target.
        if let Some(credentials) = credentials.as_ref().filter(|_| url.origin() == origin) {
            builder = builder.header("Authorization", credentials.header());
        }
        if let Some(etag) = &request.validators.etag {
            builder = builder.header("If-None-Match", etag);
        }
        if let Some(modified) = &request.validators.last_modified {
            builder = builder.header("If-Modified-Since", modified);
        }
        let response = match builder.call() {
            Ok(response) => response,
            Err(error) => return (Err(from_ureq(error, options)), moved_to),
        };
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        match status {
            301 | 302 | 303 | 307 | 308 => {
                let Some(next) = header(&headers, "location").and_then(|l| url.join(&l).ok()) else {
                    return (Err(FetchError::BadRedirect), moved_to);
                };
                if !seen.insert(next.to_string()) {
                    return (Err(FetchError::RedirectLoop), moved_to);
                }
                all_permanent &= matches!(status, 301 | 308);
                if all_permanent {
                    moved_to = Some(next.to_string());
                }
                url = next;
            }
            304 => return (Ok(None), moved_to),
            200..=299 => {
                let validators =
                    Validators { etag: header(&headers, "etag"), last_modified: header(&headers, "last-modified") };
                let content_type = header(&headers, "content-type");
                let declared = header(&headers, "content-length").and_then(|l| l.parse::<u64>().ok());
                let encoded = header(&headers, "content-encoding").is_some();
                if !encoded && declared.is_some_and(|len| len > options.max_bytes) {
                    return (Err(FetchError::TooLarge(options.max_bytes)), moved_to);
                }
                let body = read_body(response, options);
                return (body.map(|body| Some(Fetched { body, content_type, validators })), moved_to);
            }
            429 | 503 => {
                let error = match header(&headers, "retry-after").and_then(|v| retry_after(&v, SystemTime::now())) {
                    Some(wait) => FetchError::RetryLater { status, wait },
                    None => FetchError::Status(status),
                };
                return (Err(error), moved_to);
            }
            _ => return (Err(FetchError::Status(status)), moved_to),
        }
    }
    (Err(FetchError::TooManyRedirects), moved_to)
}

/// The body, gzip undone, refused past the cap: the cap counts decoded bytes, so a small
/// compressed body that inflates to gigabytes stops at the cap.
fn read_body(mut response: ureq::http::Response<ureq::Body>, options: &FetchOptions) -> Result<Vec<u8>, FetchError> {
    let mut body = Vec::new();
    let reader = response.body_mut().with_config().limit(options.max_bytes).reader();
    match reader.take(options.max_bytes.saturating_add(1)).read_to_end(&mut body) {
        Ok(_) => Ok(body),
        Err(error) => Err(from_io(error, options)),
    }
}

fn from_io(error: std::io::Error, options: &FetchOptions) -> FetchError {
    match error.into_inner().map(|inner| inner.downcast::<ureq::Error>()) {
        Some(Ok(ureq)) => from_ureq(*ureq, options),
        Some(Err(other)) => FetchError::Other(crate::article::sanitize(&other.to_string())),
        None => FetchError::Other("the connection failed while reading".into()),
    }
}

fn from_ureq(error: ureq::Error, options: &FetchOptions) -> FetchError {
    use ureq::{Error, Timeout};
    match error {
        Error::Timeout(Timeout::Connect | Timeout::Resolve) => FetchError::ConnectTimedOut(options.connect_timeout),
        Error::Timeout(_) => FetchError::TimedOut(options.total_timeout),
        Error::BodyExceedsLimit(_) => FetchError::TooLarge(options.max_bytes),
        Error::HostNotFound => FetchError::HostNotFound,
        Error::ConnectionFailed => FetchError::ConnectionFailed,
        Error::StatusCode(status) => FetchError::Status(status),
        Error::Io(io) => match io.kind() {
            std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock => {
                FetchError::TimedOut(options.total_timeout)
            }
            std::io::ErrorKind::ConnectionRefused => FetchError::Other("connection refused".into()),
            _ => from_io(io, options),
        },
        other => FetchError::Other(crate::article::sanitize(&other.to_string())),
    }
}
