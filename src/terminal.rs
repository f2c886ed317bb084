//! Taking over the terminal and giving it back on every way out: normal quit, error, panic,
//! SIGTERM, SIGHUP and SIGINT.

use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::AtomicUsize;

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode};
use crossterm::{cursor, execute};

/// Raw mode, the alternate screen, mouse capture and a hidden cursor, undone when dropped.
pub struct Session {
    _private: (),
}

impl Session {
    /// Takes over the terminal.
    ///
    /// # Errors
    /// When the terminal refuses raw mode or the escape sequences cannot be written; whatever was
    /// switched on is switched off again.
    pub fn start() -> io::Result<Self> {
        let session = Self { _private: () };
        enable_raw_mode()?;
        execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture, cursor::Hide)?;
        Ok(session)
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        restore();
    }
}

/// Gives the terminal back: main screen, cooked mode, no mouse tracking, cursor shown. Safe to
/// call more than once and when the terminal is gone (errors are ignored: there is no one to
/// tell).
pub fn restore() {
    let mut out = io::stdout();
    let _ = execute!(out, DisableMouseCapture, LeaveAlternateScreen, cursor::Show);
    let _ = disable_raw_mode();
    let _ = out.flush();
}

/// On a panic: restore the terminal first, then say what happened in one sentence.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        restore();
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(ToString::to_string)
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown error".to_string());
        let place = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
        eprintln!("cyberreader: internal error: {what}{place}. The terminal was restored; please report this.");
    }));
}

/// SIGTERM, SIGHUP and SIGINT set `flag` to their number; the event loop notices within a tick
/// and returns, and the session is dropped, restoring the terminal.
///
/// # Errors
/// When a handler cannot be installed.
pub fn watch_signals() -> io::Result<Arc<AtomicUsize>> {
    let flag = Arc::new(AtomicUsize::new(0));
    #[cfg(unix)]
    for sig in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP, signal_hook::consts::SIGINT] {
        signal_hook::flag::register_usize(sig, Arc::clone(&flag), usize::try_from(sig).unwrap_or(0))?;
    }
    Ok(flag)
}
