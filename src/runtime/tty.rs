//! The thread that reads the terminal: every byte, as soon as it arrives, into events on the
//! channel; and the end of input, once, when the terminal goes away.

use std::io::{self, Read};
use std::thread::JoinHandle;
use std::time::Duration;

use super::event::{AppEvent, Notifier};
use super::input::InputParser;

/// As much as a terminal hands over at once, and more: a burst of any size is read in a few
/// calls, each of which gives all that is there.
const CHUNK: usize = 64 * 1024;

/// How long a lone Esc waits for the rest of a sequence before it counts as the key. Bytes of
/// one write come in several reads when the terminal's buffer fills; they follow within
/// microseconds, while a person's next key takes far longer.
const ESCAPE_WAIT: Duration = Duration::from_millis(25);

/// Starts reading standard input (the terminal) on a thread of its own. Each read's events are
/// sent as they are parsed; a read of nothing or an error (the terminal closed or hung up, even
/// without a signal) sends [`AppEvent::InputClosed`] and ends the thread, so the loop never
/// waits on a terminal that is gone and nothing spins.
///
/// # Errors
/// When the thread cannot be started.
pub fn spawn_reader(events: Notifier) -> io::Result<JoinHandle<()>> {
    let parking = Parking::new();
    std::thread::Builder::new().name("input".into()).spawn(move || {
        let stdin = io::stdin();
        let mut input = stdin.lock();
        let mut buf = vec![0u8; CHUNK];
        let mut parser = InputParser::default();
        let mut parsed = Vec::new();
        loop {
            if let Some(parking) = &parking
                && !parking.readable(&stdin)
            {
                continue;
            }
            let n = match input.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(_) => break,
            };
            parser.feed(&buf[..n], &mut parsed);
            if parser.ends_in_escape() && !more_within(&stdin, ESCAPE_WAIT) {
                parser.finish_escape(&mut parsed);
            }
            if std::mem::take(&mut parser.keyboard_protocol) && !events.send(AppEvent::KeyboardProtocol) {
                return;
            }
            for event in parsed.drain(..) {
                if !events.send(AppEvent::Input(event)) {
                    return;
                }
            }
        }
        events.send(AppEvent::InputClosed);
    })
}

/// The reader's side of [`park`]: a socket the reader waits on beside the terminal, woken when
/// the terminal is lent, and the channels to say it has stopped reading and to go on.
struct Parking {
    wake: std::os::unix::net::UnixStream,
    parked: std::sync::mpsc::Sender<()>,
    resume: std::sync::mpsc::Receiver<()>,
}

/// What [`park`] holds of the reader.
struct Control {
    wake: std::os::unix::net::UnixStream,
    parked: std::sync::mpsc::Receiver<()>,
    resume: std::sync::mpsc::Sender<()>,
}

static CONTROL: std::sync::Mutex<Option<Control>> = std::sync::Mutex::new(None);

/// The reader's input thread stopped reading the terminal; it reads again when this is dropped.
pub struct Parked(bool);

/// Stops the input thread reading the terminal (so that a command the terminal is lent to gets
/// every key) and returns once it has; nothing to stop without an input thread.
#[must_use]
pub fn park() -> Parked {
    use std::io::Write as _;
    let control = CONTROL.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let Some(control) = control.as_ref() else { return Parked(false) };
    let parked = (&control.wake).write_all(&[1]).is_ok() && control.parked.recv().is_ok();
    Parked(parked)
}

impl Drop for Parked {
    fn drop(&mut self) {
        if !self.0 {
            return;
        }
        if let Some(control) = CONTROL.lock().unwrap_or_else(std::sync::PoisonError::into_inner).as_ref() {
            let _ = control.resume.send(());
        }
    }
}

impl Parking {
    /// Sets up parking for the one input thread; `None` (no parking: the reader reads as
    /// before) when the socket cannot be made.
    fn new() -> Option<Self> {
        let (wake, woken) = std::os::unix::net::UnixStream::pair().ok()?;
        let (parked_tx, parked_rx) = std::sync::mpsc::channel();
        let (resume_tx, resume_rx) = std::sync::mpsc::channel();
        let control = Control { wake, parked: parked_rx, resume: resume_tx };
        *CONTROL.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = Some(control);
        Some(Self { wake: woken, parked: parked_tx, resume: resume_rx })
    }

    /// Waits until the terminal has input (true), or until asked to park (then parks until
    /// resumed, and returns false).
    fn readable(&self, stdin: &io::Stdin) -> bool {
        use rustix::event::{PollFd, PollFlags, poll};
        use std::io::Read as _;
        let mut fds = [PollFd::new(stdin, PollFlags::IN), PollFd::new(&self.wake, PollFlags::IN)];
        loop {
            match poll(&mut fds, None) {
                Ok(_) => break,
                Err(rustix::io::Errno::INTR) => {}
                // Cannot wait on both: read the terminal as before.
                Err(_) => return true,
            }
        }
        if fds[1].revents().is_empty() {
            return true;
        }
        let _ = (&self.wake).read(&mut [0u8; 16]);
        let _ = self.parked.send(());
        let _ = self.resume.recv();
        false
    }
}

/// Whether more input can be read within `wait`.
#[cfg(unix)]
fn more_within(stdin: &io::Stdin, wait: Duration) -> bool {
    use rustix::event::{Nsecs, PollFd, PollFlags, Secs, Timespec, poll};
    let mut fds = [PollFd::new(stdin, PollFlags::IN)];
    let timeout =
        Timespec { tv_sec: Secs::try_from(wait.as_secs()).unwrap_or(0), tv_nsec: Nsecs::from(wait.subsec_nanos()) };
    loop {
        match poll(&mut fds, Some(&timeout)) {
            Ok(n) => return n > 0,
            Err(rustix::io::Errno::INTR) => {}
            Err(_) => return false,
        }
    }
}

#[cfg(not(unix))]
fn more_within(_stdin: &io::Stdin, _wait: Duration) -> bool {
    false
}
