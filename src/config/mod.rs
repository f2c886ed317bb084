//! The config file: TOML at the platform's config path (on Linux
//! `$XDG_CONFIG_HOME/cyberreader/config.toml`), or the file `--config` or `CYBERREADER_CONFIG`
//! names. Every setting is defined once, in [`SETTINGS`], [`crate::ui::ELEMENTS`] and the
//! keymap's tables; `cyberreader config` prints the defaults from those same definitions, and
//! errors name the file, line and column, say what is wrong and list what is allowed.

mod feeds;
mod keys;
mod theme;

use std::ops::Range;
use std::path::{Path, PathBuf};

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::app::keymap::Keymap;
use crate::app::{Align, DEFAULT_MAX_WIDTH, Reading, SidebarPref};
use crate::ui::{Theme, ThemeName};

pub use feeds::{FEED_SETTINGS, FeedSettings};
pub use theme::{parse_style, style_text};

/// Everything the config file sets.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Config {
    pub reading: Reading,
    pub sidebar: SidebarPref,
    pub theme_name: ThemeName,
    /// The file's per-element styles, to go over the theme: (element, style).
    pub styles: Vec<(&'static str, ratatui::style::Style)>,
    pub keymap: Keymap,
    pub feeds: FeedSettings,
    pub read_after: ReadAfter,
}

/// How long an article stays shown before it becomes read (`read-after`); `None`: never.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadAfter(pub Option<std::time::Duration>);

impl Default for ReadAfter {
    fn default() -> Self {
        Self(Some(crate::app::DEFAULT_READ_AFTER))
    }
}

impl Config {
    /// The theme to draw with: with `color` false (`NO_COLOR`), the colours are taken out,
    /// whatever the file says.
    #[must_use]
    pub fn theme(&self, color: bool) -> Theme {
        let mut theme = if color { Theme::builtin(self.theme_name) } else { Theme::mono() };
        for (element, style) in &self.styles {
            if let Some(slot) = theme.element_mut(element) {
                *slot = *style;
            }
        }
        if color { theme } else { theme.without_colour() }
    }

    /// Gives the reader this config's keys and layout.
    pub fn apply(&self, app: &mut crate::app::App) {
        app.keymap = std::sync::Arc::new(self.keymap.clone());
        app.reading = Reading { zoom: app.reading.zoom, ..self.reading };
        app.sidebar = self.sidebar;
        app.read_after = self.read_after.0;
        app.sync();
    }
}

/// A config that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("could not read the config file {path}: {source}")]
    Read { path: String, source: std::io::Error },
    #[error("{path}:{line}:{column}: {message}")]
    At { path: String, line: usize, column: usize, message: String },
}

/// Which file to read, and whether it must be there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// `--config` or `CYBERREADER_CONFIG`: it must exist.
    Given(PathBuf),
    /// The platform's path: no file means the defaults.
    Default(PathBuf),
    /// No config directory could be found (no home): the defaults.
    None,
}

/// Where the config comes from: `--config`, then `CYBERREADER_CONFIG`, then the platform's path.
#[must_use]
pub fn source(flag: Option<&Path>) -> Source {
    if let Some(path) = flag {
        return Source::Given(path.to_path_buf());
    }
    if let Some(path) = std::env::var_os("CYBERREADER_CONFIG").filter(|v| !v.is_empty()) {
        return Source::Given(PathBuf::from(path));
    }
    default_path().map_or(Source::None, Source::Default)
}

/// `$XDG_CONFIG_HOME/cyberreader/config.toml` (else `~/.config/...`) on Linux and the BSDs; the
/// platform's own place elsewhere.
#[must_use]
pub fn default_path() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    let dirs = etcetera::choose_base_strategy().ok()?;
    Some(dirs.config_dir().join("cyberreader").join("config.toml"))
}

/// Reads the config from `source`.
///
/// # Errors
/// [`ConfigError`] when the file named cannot be read, or says something wrong.
pub fn load(source: &Source) -> Result<Config, ConfigError> {
    let (path, required) = match source {
        Source::Given(p) => (p, true),
        Source::Default(p) => (p, false),
        Source::None => return Ok(Config::default()),
    };
    match std::fs::read(path) {
        Ok(bytes) => {
            let name = path.display().to_string();
            let text = String::from_utf8(bytes).map_err(|e| {
                let at = e.utf8_error().valid_up_to();
                let bytes = e.into_bytes();
                let message = "the file is not UTF-8 text".to_string();
                at_offset(&name, &String::from_utf8_lossy(&bytes[..at]), at, message)
            })?;
            parse(&text, &name)
        }
        Err(e) if !required && e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
        Err(source) => Err(ConfigError::Read { path: path.display().to_string(), source }),
    }
}

/// A mistake at a place in the file.
#[derive(Debug)]
struct Mistake {
    span: Range<usize>,
    message: String,
}

type Checked<T> = Result<T, Mistake>;

fn mistake<T>(span: Range<usize>, message: impl Into<String>) -> Checked<T> {
    Err(Mistake { span, message: message.into() })
}

/// Parses the text of a config file called `name` (for messages).
///
/// # Errors
/// [`ConfigError::At`] for the first mistake.
pub fn parse(text: &str, name: &str) -> Result<Config, ConfigError> {
    let table = DeTable::parse(text).map_err(|e| {
        let start = e.span().map_or(0, |s| s.start);
        at_offset(name, text, start, e.message().trim_end().to_string())
    })?;
    read_document(table.get_ref()).map_err(|m| at_offset(name, text, m.span.start, m.message))
}

fn at_offset(path: &str, text: &str, offset: usize, mut message: String) -> ConfigError {
    // A message that points at a second place says so with a `Position` placeholder.
    while let Some(start) = message.find("{offset ") {
        let Some(len) = message[start..].find('}') else { break };
        let other: usize = message[start + 8..start + len].parse().unwrap_or(0);
        let (line, column) = line_column(text, other);
        message.replace_range(start..=start + len, &format!("line {line}, column {column}"));
    }
    let (line, column) = line_column(text, offset);
    ConfigError::At { path: path.to_string(), line, column, message }
}

/// The 1-based line and column (in characters) of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = &text[..end];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// A setting of the `[reader]` table: its name, what the printed config says of it, and its
/// default as TOML.
pub struct Setting {
    pub name: &'static str,
    pub help: &'static str,
    pub default: fn() -> String,
}

/// The `[reader]` settings.
pub const SETTINGS: &[Setting] = &[
    Setting {
        name: "max-width",
        help: "The widest the article's text runs, in columns (20 to 1000).",
        default: || DEFAULT_MAX_WIDTH.to_string(),
    },
    Setting {
        name: "align",
        help: "Where the text sits in a pane wider than that: \"center\" or \"left\".",
        default: || "\"center\"".to_string(),
    },
    Setting {
        name: "sidebar",
        help: "The people sidebar: \"auto\" (shown from 110 columns), \"shown\" or \"hidden\".",
        default: || "\"auto\"".to_string(),
    },
    Setting {
        name: "read-after",
        help: "An article shown this long becomes read: \"2s\", \"500ms\", or \"off\" (passing over it does not).",
        default: || "\"2s\"".to_string(),
    },
];

const TABLES: &str = "[reader], [theme], [theme.styles], [keys.MODE], [feeds]";

fn read_document(doc: &DeTable<'_>) -> Checked<Config> {
    let mut config = Config::default();
    for (key, value) in doc {
        match key.get_ref().as_ref() {
            "reader" => read_reader(&mut config, value)?,
            "theme" => theme::read_theme(&mut config, value)?,
            "keys" => keys::read_keys(&mut config.keymap, value)?,
            "feeds" => feeds::read_feeds(&mut config, value)?,
            other => return mistake(key.span(), format!("unknown section [{other}]; allowed: {TABLES}")),
        }
    }
    Ok(config)
}

/// The table at `value`, or a mistake saying `what` must be one.
fn table<'a, 'i>(value: &'a Spanned<DeValue<'i>>, what: &str) -> Checked<&'a DeTable<'i>> {
    match value.get_ref() {
        DeValue::Table(t) => Ok(t),
        other => mistake(value.span(), format!("{what} must be a table, not {}", kind(other))),
    }
}

/// What a TOML value is, for messages.
fn kind(value: &DeValue<'_>) -> String {
    match value {
        DeValue::String(s) => format!("the string {s:?}"),
        DeValue::Integer(i) => format!("the number {}", i.as_str()),
        DeValue::Float(f) => format!("the number {}", f.as_str()),
        DeValue::Boolean(b) => format!("{b}"),
        DeValue::Datetime(d) => format!("the date {d}"),
        DeValue::Array(_) => "a list".to_string(),
        DeValue::Table(_) => "a table".to_string(),
    }
}

/// One of `choices` by its name, or a mistake listing them.
fn choose<T: Copy>(value: &Spanned<DeValue<'_>>, setting: &str, choices: &[(&str, T)]) -> Checked<T> {
    let allowed = choices.iter().map(|(n, _)| format!("\"{n}\"")).collect::<Vec<_>>().join(", ");
    match value.get_ref() {
        DeValue::String(s) => match choices.iter().find(|(n, _)| *n == s.as_ref()) {
            Some((_, v)) => Ok(*v),
            None => mistake(value.span(), format!("{setting} cannot be {s:?}; allowed: {allowed}")),
        },
        other => mistake(value.span(), format!("{setting} must be one of {allowed}, not {}", kind(other))),
    }
}

fn read_reader(config: &mut Config, value: &Spanned<DeValue<'_>>) -> Checked<()> {
    for (key, value) in table(value, "[reader]")? {
        match key.get_ref().as_ref() {
            "max-width" => {
                let width = match value.get_ref() {
                    DeValue::Integer(i) => i.as_str().replace('_', "").parse::<u16>().ok().filter(|_| i.radix() == 10),
                    _ => None,
                };
                match width.filter(|w| (20..=1000).contains(w)) {
                    Some(w) => config.reading.max_width = w,
                    None => {
                        let got = kind(value.get_ref());
                        return mistake(
                            value.span(),
                            format!("max-width must be a whole number from 20 to 1000, not {got}"),
                        );
                    }
                }
            }
            "align" => {
                config.reading.align = choose(value, "align", &[("center", Align::Center), ("left", Align::Left)])?
            }
            "sidebar" => {
                let choices =
                    [("auto", SidebarPref::Auto), ("shown", SidebarPref::Shown), ("hidden", SidebarPref::Hidden)];
                config.sidebar = choose(value, "sidebar", &choices)?;
            }
            "read-after" => config.read_after = read_after(value)?,
            other => {
                let allowed = SETTINGS.iter().map(|s| s.name).collect::<Vec<_>>().join(", ");
                return mistake(key.span(), format!("unknown setting `{other}` in [reader]; allowed: {allowed}"));
            }
        }
    }
    Ok(())
}

/// `read-after`: "2s", "1.5s", "500ms", a number of seconds, or "off" (also 0).
fn read_after(value: &Spanned<DeValue<'_>>) -> Checked<ReadAfter> {
    let millis = match value.get_ref() {
        DeValue::String(s) if s.trim() == "off" => Some(0.0),
        DeValue::String(s) => {
            let s = s.trim();
            let (number, scale) = match s.strip_suffix("ms") {
                Some(n) => (n, 1.0),
                None => (s.strip_suffix('s').unwrap_or(s), 1000.0),
            };
            number.trim().parse::<f64>().ok().filter(|n| n.is_finite() && *n >= 0.0).map(|n| n * scale)
        }
        DeValue::Integer(i) if i.radix() == 10 => i.as_str().replace('_', "").parse::<f64>().ok().map(|n| n * 1000.0),
        DeValue::Float(f) => f.as_str().replace('_', "").parse::<f64>().ok().filter(|n| *n >= 0.0).map(|n| n * 1000.0),
        _ => None,
    };
    // An hour is more than anyone stays on one screen of the list.
    match millis.filter(|ms| *ms <= 3_600_000.0) {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        Some(ms) => Ok(ReadAfter(Some(std::time::Duration::from_millis(ms.round() as u64)).filter(|d| !d.is_zero()))),
        None => mistake(
            value.span(),
            format!(
                "read-after must be a time such as \"2s\" or \"500ms\" (at most an hour), or \"off\"; not {}",
                kind(value.get_ref())
            ),
        ),
    }
}

/// `text` as TOML comment lines of at most 96 columns.
fn comment(text: &str) -> String {
    let options = textwrap::Options::new(96).initial_indent("# ").subsequent_indent("# ");
    let mut out = textwrap::fill(text, options);
    out.push('\n');
    out
}

/// The default config, every setting with a comment: what `cyberreader config` prints.
#[must_use]
pub fn default_text() -> String {
    let mut out = String::from(
        "# cyberreader's config file. Copy this to the config path (cyberreader config --path shows\n\
         # it), or point --config or CYBERREADER_CONFIG at it, and change what you like: a setting\n\
         # left out keeps its default.\n\n[reader]\n",
    );
    for s in SETTINGS {
        out.push_str(&format!("# {}\n{} = {}\n", s.help, s.name, (s.default)()));
    }
    out.push('\n');
    out.push_str(&theme::default_text());
    out.push('\n');
    out.push_str(&keys::default_text());
    out.push('\n');
    out.push_str(&feeds::default_text());
    out
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
