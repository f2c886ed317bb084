//! The `[feeds]` table: how `cyberreader fetch` talks to servers, and how much of each feed the
//! library keeps (a feed's own `max-items=N` or `keep-days=N` in the urls file wins).

use toml::Spanned;
use toml::de::DeValue;

use super::{Checked, Config, kind, mistake, table};

/// The `[feeds]` settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FeedSettings {
    /// Feeds fetched at once.
    pub connections: usize,
    /// Seconds one feed's fetch may take in all.
    pub timeout: u64,
    /// The largest feed accepted, in MB, after gzip is undone.
    pub max_size: u64,
    /// Items kept per feed (the newest); `None` keeps all.
    pub max_items: Option<usize>,
    /// Days an item is kept, by its date; `None` keeps them for ever.
    pub keep_days: Option<u64>,
    /// Whether the reader fetches every feed in the background as it starts.
    pub fetch_on_start: bool,
    /// Minutes between background fetches while the reader runs; 0 never.
    pub fetch_every: u64,
}

impl Default for FeedSettings {
    fn default() -> Self {
        Self {
            connections: 8,
            timeout: 30,
            max_size: 20,
            max_items: None,
            keep_days: None,
            fetch_on_start: false,
            fetch_every: 0,
        }
    }
}

/// The `[feeds]` settings as `cyberreader config` prints them.
pub const FEED_SETTINGS: &[super::Setting] = &[
    super::Setting {
        name: "connections",
        help: "Feeds fetched at once by `cyberreader fetch` (1 to 64).",
        default: || "8".to_string(),
    },
    super::Setting {
        name: "timeout",
        help: "Seconds one feed may take, connecting, redirects and download included (1 to 3600).",
        default: || "30".to_string(),
    },
    super::Setting {
        name: "max-size",
        help: "The largest feed accepted, in MB once uncompressed (1 to 1024).",
        default: || "20".to_string(),
    },
    super::Setting {
        name: "max-items",
        help: "Items kept per feed, the newest; 0 keeps them all. Starred items are always kept. A feed's \
               own `max-items=N` in the urls file wins.",
        default: || "0".to_string(),
    },
    super::Setting {
        name: "keep-days",
        help: "Days an item is kept, by its date; 0 keeps them for ever. Starred items are always kept. A \
               feed's own `keep-days=N` in the urls file wins.",
        default: || "0".to_string(),
    },
    super::Setting {
        name: "fetch-on-start",
        help: "Whether the reader fetches every feed in the background as it starts (true or false).",
        default: || "false".to_string(),
    },
    super::Setting {
        name: "fetch-every",
        help: "Minutes between background fetches of every feed while the reader runs; 0 never (0 to 10080).",
        default: || "0".to_string(),
    },
];

/// A whole number from `range`, or a mistake naming `setting`.
fn number(value: &Spanned<DeValue<'_>>, setting: &str, range: std::ops::RangeInclusive<u64>) -> Checked<u64> {
    let n = match value.get_ref() {
        DeValue::Integer(i) if i.radix() == 10 => i.as_str().replace('_', "").parse::<u64>().ok(),
        _ => None,
    };
    match n.filter(|n| range.contains(n)) {
        Some(n) => Ok(n),
        None => mistake(
            value.span(),
            format!(
                "{setting} must be a whole number from {} to {}, not {}",
                range.start(),
                range.end(),
                kind(value.get_ref())
            ),
        ),
    }
}

/// Minutes for `fetch-every`: a whole number, or one written as a string ("30").
fn minutes(value: &Spanned<DeValue<'_>>) -> Checked<u64> {
    const MAX: u64 = 7 * 24 * 60;
    if let DeValue::String(text) = value.get_ref() {
        return match text.trim().parse::<u64>() {
            Ok(n) if n <= MAX => Ok(n),
            _ => mistake(
                value.span(),
                format!("fetch-every must be a whole number of minutes from 0 to {MAX}, not \"{}\"", text.trim()),
            ),
        };
    }
    number(value, "fetch-every", 0..=MAX)
}

pub(super) fn read_feeds(config: &mut Config, value: &Spanned<DeValue<'_>>) -> Checked<()> {
    let feeds = &mut config.feeds;
    for (key, value) in table(value, "[feeds]")? {
        match key.get_ref().as_ref() {
            "connections" => feeds.connections = usize::try_from(number(value, "connections", 1..=64)?).unwrap_or(8),
            "timeout" => feeds.timeout = number(value, "timeout", 1..=3600)?,
            "max-size" => feeds.max_size = number(value, "max-size", 1..=1024)?,
            "max-items" => {
                let n = number(value, "max-items", 0..=10_000_000)?;
                feeds.max_items = usize::try_from(n).ok().filter(|&n| n > 0);
            }
            "keep-days" => feeds.keep_days = Some(number(value, "keep-days", 0..=100_000)?).filter(|&n| n > 0),
            "fetch-on-start" => match value.get_ref() {
                DeValue::Boolean(b) => feeds.fetch_on_start = *b,
                other => {
                    return mistake(value.span(), format!("fetch-on-start must be true or false, not {}", kind(other)));
                }
            },
            "fetch-every" => feeds.fetch_every = minutes(value)?,
            other => {
                let allowed = FEED_SETTINGS.iter().map(|s| s.name).collect::<Vec<_>>().join(", ");
                return mistake(key.span(), format!("unknown setting `{other}` in [feeds]; allowed: {allowed}"));
            }
        }
    }
    Ok(())
}

/// The `[feeds]` table of the printed default config.
pub(super) fn default_text() -> String {
    let mut out = String::from("[feeds]\n");
    for s in FEED_SETTINGS {
        out.push_str(&super::comment(s.help));
        out.push_str(&format!("{} = {}\n", s.name, (s.default)()));
    }
    out
}
