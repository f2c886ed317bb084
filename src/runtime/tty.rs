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
    std::thread::Builder::new().name("input".into()).spawn(move || {
        let stdin = io::stdin();
        let mut input = stdin.lock();
        let mut buf = vec![0u8; CHUNK];
        let mut parser = InputParser::default();
        let mut parsed = Vec::new();
        loop {
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
