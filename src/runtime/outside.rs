//! What the reader asks of the world outside the library (see [`crate::app::Effect`]): the
//! browser for a link, a file for an article, a command to pipe it to, a page's full text.
//! [`Outside`] does these and hands every other effect to the runner it wraps.
//!
//! Nothing here goes through a shell but the command the user typed at the `|` prompt: the
//! browser gets the URL as one argument, and only http(s) URLs are opened.

use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::app::{Answer, Effect, Request, SaveError};
use crate::article::sanitize;
use crate::run::Effects;
use crate::runtime::{AppEvent, Notifier};
use crate::sources::feed::{FetchOptions, fetch_full_text};

/// The runner's hands outside the library, around the runner `inner`.
pub struct Outside<E> {
    inner: E,
    /// Whether `inner` answers the library's questions; without, a full text is never kept.
    has_library: bool,
    /// Where background results go (the interactive reader); `None`: done at once (scripts).
    notifier: Option<Notifier>,
    /// `$BROWSER`, read when the reader started.
    pub browser: Option<String>,
    pub fetch: FetchOptions,
    answers: Vec<Answer>,
    /// The terminal was lent to a command: the next frame redraws everything.
    redraw: bool,
}

impl<E: Effects> Outside<E> {
    /// Around `inner`; `notifier` for the interactive reader, whose terminal can be lent and
    /// whose fetches run in the background.
    pub fn new(inner: E, has_library: bool, notifier: Option<Notifier>) -> Self {
        let browser = std::env::var("BROWSER").ok().filter(|b| !b.trim().is_empty());
        Self {
            inner,
            has_library,
            notifier,
            browser,
            fetch: FetchOptions::default(),
            answers: Vec::new(),
            redraw: false,
        }
    }

    /// The runner inside, given back when the reader ends.
    pub fn into_inner(self) -> E {
        self.inner
    }

    fn full_text(&mut self, id: crate::article::ArticleId, url: String) {
        let options = self.fetch.clone();
        let fetch = move || {
            let result = fetch_full_text(&url, &options).map_err(|e| sanitize(&e.to_string()));
            Answer::FetchedFullText { id, result }
        };
        match &self.notifier {
            Some(notifier) => {
                let notifier = notifier.clone();
                let spawned = std::thread::Builder::new().name("full-text".into()).spawn(move || {
                    notifier.send(AppEvent::Answer(fetch()));
                });
                if let Err(e) = spawned {
                    self.answers.push(Answer::Opened(Err(format!("Could not start fetching: {e}"))));
                }
            }
            None => self.answers.push(fetch()),
        }
    }
}

impl<E: Effects> Effects for Outside<E> {
    fn carry_out(&mut self, effects: Vec<Effect>) {
        let mut rest = Vec::new();
        for effect in effects {
            match effect {
                Effect::OpenUrl(url) => {
                    let wait = self.notifier.is_none();
                    self.answers.push(Answer::Opened(open_url(&url, self.browser.as_deref(), wait)));
                }
                Effect::SaveText { path, text, overwrite } => {
                    self.answers.push(Answer::Saved(save(Path::new(&path), &text, overwrite)));
                }
                Effect::Pipe { command, text } => {
                    let result = if self.notifier.is_some() {
                        self.redraw = true;
                        pipe(&command, &text)
                    } else {
                        Err("No terminal to lend a command here: | works in the reader".to_string())
                    };
                    self.answers.push(Answer::Piped(result));
                }
                Effect::FetchFullText { id, url } => self.full_text(id, url),
                Effect::Ask(Request::FullText { id, url }) if !self.has_library => {
                    self.answers.push(Answer::StoredFullText { id, url, text: None });
                }
                other => rest.push(other),
            }
        }
        self.inner.carry_out(rest);
    }

    fn take_answers(&mut self) -> Vec<Answer> {
        let mut answers = std::mem::take(&mut self.answers);
        answers.extend(self.inner.take_answers());
        answers
    }

    fn take_redraw(&mut self) -> bool {
        std::mem::take(&mut self.redraw)
    }
}

/// Starts the browser on `url`: `$BROWSER` (a program and its arguments, `%s` standing for the
/// URL, else the URL last), or the platform's opener. The URL is one argument, never through a
/// shell; the browser's input and output go nowhere, so it cannot write over the screen.
/// `wait` waits for it to end (scripts); otherwise a thread does, so it leaves no zombie.
///
/// # Errors
/// A URL that is not http(s), or a browser that cannot be started, in words.
pub fn open_url(url: &str, browser: Option<&str>, wait: bool) -> Result<String, String> {
    let shown = sanitize(url);
    if !url::Url::parse(url).is_ok_and(|u| matches!(u.scheme(), "http" | "https")) {
        return Err(format!("Not opened: {shown} is not an http:// or https:// address"));
    }
    // `$BROWSER` may list several, separated by ':'; the first is used.
    let words: Vec<String> = match browser.and_then(|b| b.split(':').find(|b| !b.trim().is_empty())) {
        Some(b) => b.split_whitespace().map(str::to_string).collect(),
        None => vec![platform_opener().to_string()],
    };
    let Some((program, args)) = words.split_first() else { return Err("No browser: set $BROWSER".to_string()) };
    let mut command = Command::new(program);
    if args.iter().any(|a| a.contains("%s")) {
        command.args(args.iter().map(|a| a.replace("%s", url)));
    } else {
        command.args(args).arg(url);
    }
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("Could not start {}: {}", sanitize(program), io_words(&e)))?;
    if wait {
        let _ = child.wait();
    } else {
        let _ = std::thread::Builder::new().name("browser".into()).spawn(move || child.wait());
    }
    Ok(shown)
}

fn platform_opener() -> &'static str {
    if cfg!(target_os = "macos") { "open" } else { "xdg-open" }
}

/// Writes `text` to `path`: a new file, or the existing one only when `overwrite` (asked).
///
/// # Errors
/// [`SaveError::Exists`] when there is a file and `overwrite` is false; else why it failed.
pub fn save(path: &Path, text: &str, overwrite: bool) -> Result<String, SaveError> {
    let shown = sanitize(&path.display().to_string());
    let mut options = std::fs::OpenOptions::new();
    if overwrite {
        options.write(true).create(true).truncate(true);
    } else {
        // Atomic: a file that appears meanwhile is not replaced either.
        options.write(true).create_new(true);
    }
    let failed = |e: &std::io::Error| SaveError::Failed(format!("Could not write {shown}: {}", io_words(e)));
    let mut file = match options.open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => return Err(SaveError::Exists(shown)),
        Err(e) => return Err(failed(&e)),
    };
    file.write_all(text.as_bytes()).and_then(|()| file.sync_all()).map_err(|e| failed(&e))?;
    let at = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    Ok(sanitize(&at.display().to_string()))
}

/// Runs `command` with `sh -c`, `text` on its standard input, the terminal lent to it; then
/// waits for Enter, so its output can be read, and takes the terminal back.
///
/// # Errors
/// When the command could not be started, in words.
fn pipe(command: &str, text: &str) -> Result<String, String> {
    let lent = crate::terminal::lend();
    let shown = sanitize(command);
    let result = Command::new("sh").arg("-c").arg(command).stdin(Stdio::piped()).spawn().map(|mut child| {
        if let Some(mut stdin) = child.stdin.take() {
            let text = text.to_string();
            // A command that reads only part (head) closes the pipe: not an error.
            let writer = std::thread::spawn(move || {
                let _ = stdin.write_all(text.as_bytes());
            });
            let status = child.wait();
            let _ = writer.join();
            status
        } else {
            child.wait()
        }
    });
    let mut out = std::io::stdout();
    let _ = write!(out, "\n[cyberreader: press Enter to go back to the reader]");
    let _ = out.flush();
    wait_for_enter();
    // The prompt goes once answered (the Enter echoed took the cursor to the line below it):
    // what the command wrote stays on the screen the reader returns to on quitting, without it.
    let _ = write!(out, "\x1b[1A\r\x1b[2K");
    let _ = out.flush();
    drop(lent);
    match result {
        Ok(Ok(status)) if status.success() => Ok(format!("| {shown}: done")),
        Ok(Ok(status)) => Ok(format!("| {shown}: ended with {status}")),
        Ok(Err(e)) | Err(e) => Err(format!("Could not run {shown}: {}", io_words(&e))),
    }
}

/// Reads the terminal up to the end of a line. Not through `std::io::stdin`, whose lock the
/// (parked) input thread holds for its life.
fn wait_for_enter() {
    use std::io::Read as _;
    let Ok(mut tty) = std::fs::File::open("/dev/tty") else { return };
    let mut byte = [0u8; 1];
    while matches!(tty.read(&mut byte), Ok(1)) && byte[0] != b'\n' {}
}

/// An I/O error as a short phrase, without the "(os error N)" tail.
fn io_words(e: &std::io::Error) -> String {
    let text = e.to_string();
    text.split(" (os error").next().unwrap_or(&text).to_lowercase()
}

#[cfg(test)]
#[path = "outside_tests.rs"]
mod tests;
