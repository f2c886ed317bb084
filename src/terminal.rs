//! Taking over the terminal and giving it back on every way out: normal quit, error, panic,
//! SIGTERM, SIGHUP, SIGINT and SIGQUIT.

use std::io::{self, Write};
use std::sync::Mutex;

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode};
use crossterm::{cursor, execute, terminal};

use crate::runtime::{AppEvent, Notifier};

/// Whether the terminal is ours (raw, alternate screen, mouse). Behind a lock so that the main
/// thread and the signal watcher never restore at once, and a second restore does nothing.
static TAKEN: Mutex<bool> = Mutex::new(false);
/// Whether the kitty keyboard protocol was switched on, to be switched off again.
static KEYBOARD_PUSHED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

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
        enable_raw_mode()?;
        if let Err(e) = execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture, cursor::Hide) {
            // Undo what may have taken, without blanking anything: the screen may still be the
            // user's own.
            let _ = execute!(io::stdout(), DisableMouseCapture, LeaveAlternateScreen, cursor::Show);
            let _ = disable_raw_mode();
            return Err(e);
        }
        *TAKEN.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = true;
        // Ask whether the terminal speaks the kitty keyboard protocol, without waiting: the
        // answer comes with the input, and then the reader asks for it (see
        // `use_keyboard_protocol`). A terminal that does not know the query ignores it.
        let _ = io::stdout().write_all(b"\x1b[?u").and_then(|()| io::stdout().flush());
        Ok(Self { _private: () })
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        restore();
    }
}

/// Whether the terminal is lent to a command (`|`): Ctrl-C then goes to the command, not to the
/// reader, which waits for it.
static LENT: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// The terminal lent to a command run from the reader: cooked mode, the main screen, the
/// cursor shown, and the reader's input thread parked so that every key goes to the command.
/// Dropped, the terminal is the reader's again (the caller redraws all of it).
pub struct Lent {
    _input: crate::runtime::tty::Parked,
    keyboard: bool,
    taken: bool,
}

/// Lends the terminal (see [`Lent`]).
#[must_use]
pub fn lend() -> Lent {
    let input = crate::runtime::tty::park();
    let keyboard = KEYBOARD_PUSHED.load(std::sync::atomic::Ordering::Relaxed);
    let taken = *TAKEN.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    LENT.store(true, std::sync::atomic::Ordering::Relaxed);
    restore();
    Lent { _input: input, keyboard, taken }
}

impl Drop for Lent {
    fn drop(&mut self) {
        LENT.store(false, std::sync::atomic::Ordering::Relaxed);
        if !self.taken {
            return;
        }
        let _ = enable_raw_mode();
        let _ = execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture, cursor::Hide);
        *TAKEN.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = true;
        if self.keyboard {
            use_keyboard_protocol();
        }
    }
}

/// The terminal answered that it speaks the kitty keyboard protocol: ask for it, so that C-i and
/// Tab, C-m and Enter, Esc and Alt are told apart and every key in the config can be bound.
pub fn use_keyboard_protocol() {
    let taken = TAKEN.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if !*taken || KEYBOARD_PUSHED.load(std::sync::atomic::Ordering::Relaxed) {
        return;
    }
    let flags = crossterm::event::KeyboardEnhancementFlags::DISAMBIGUATE_ESCAPE_CODES;
    let pushed = execute!(io::stdout(), crossterm::event::PushKeyboardEnhancementFlags(flags)).is_ok();
    KEYBOARD_PUSHED.store(pushed, std::sync::atomic::Ordering::Relaxed);
}

/// Gives the terminal back: main screen, cooked mode, no mouse tracking, cursor shown. Safe to
/// call more than once and when the terminal is gone (errors are ignored: there is no one to
/// tell).
pub fn restore() {
    let mut taken = TAKEN.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if !std::mem::replace(&mut *taken, false) {
        return;
    }
    let mut out = io::stdout();
    if KEYBOARD_PUSHED.swap(false, std::sync::atomic::Ordering::Relaxed) {
        let _ = execute!(out, crossterm::event::PopKeyboardEnhancementFlags);
    }
    // Blank the alternate screen and home the cursor before leaving it: a terminal that was
    // resized meanwhile (tmux, for one) can otherwise carry rows of it onto the main screen.
    let _ = execute!(
        out,
        DisableMouseCapture,
        terminal::Clear(terminal::ClearType::All),
        cursor::MoveTo(0, 0),
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = disable_raw_mode();
    let _ = out.flush();
}

/// On a panic, on any thread: restore the terminal first, say what happened in one sentence,
/// and end the process with status 101.
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
        let what = crate::article::sanitize(&what);
        let _ = writeln!(
            io::stderr(),
            "cyberreader: internal error: {what}{place}. The terminal was restored; please report this."
        );
        // A panic on another thread (the people extractor) would leave the reader running on a
        // terminal already given back: end the process whichever thread it was.
        std::process::exit(101);
    }));
}

/// How long the event loop gets to wind down by itself after a signal before the watcher
/// restores the terminal and ends the process.
const GRACE: std::time::Duration = std::time::Duration::from_millis(400);

/// SIGTERM, SIGHUP, SIGINT and SIGQUIT are sent to the loop as [`AppEvent::Signal`], which
/// wakes it; it returns and the session is dropped, restoring the terminal. A watcher thread
/// makes sure of it: if the process has not ended within [`GRACE`], the watcher restores the
/// terminal itself and exits with 128 + the signal's number. SIGWINCH becomes a resize event
/// with the terminal's new size.
///
/// # Errors
/// When the handlers cannot be installed.
pub fn watch_signals(events: Notifier) -> io::Result<()> {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGWINCH};
        let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGWINCH])?;
        std::thread::Builder::new().name("signals".into()).spawn(move || {
            for sig in signals.forever() {
                // Ctrl-C and Ctrl-\ in a command the terminal is lent to are the command's.
                if (sig == SIGINT || sig == SIGQUIT) && LENT.load(std::sync::atomic::Ordering::Relaxed) {
                    continue;
                }
                if sig == SIGWINCH {
                    if let Ok((w, h)) = terminal::size() {
                        events.send(AppEvent::Input(crossterm::event::Event::Resize(w, h)));
                    }
                    continue;
                }
                events.send(AppEvent::Signal(sig));
                std::thread::sleep(GRACE);
                restore();
                std::process::exit(128 + sig);
            }
        })?;
    }
    #[cfg(not(unix))]
    drop(events);
    Ok(())
}
