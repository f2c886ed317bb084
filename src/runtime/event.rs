//! Everything that can wake the reader, carried over one channel: what the terminal sends,
//! signals, and results of work done in the background. The loop blocks on the channel; nothing
//! is polled for.

use std::collections::VecDeque;
use std::sync::mpsc::{self, Receiver, Sender};

use crossterm::event::{Event, KeyEvent};

/// Something the run loop reacts to.
#[derive(Debug, Clone, PartialEq)]
pub enum AppEvent {
    /// A key, a mouse report or a resize.
    Input(Event),
    /// The terminal will send nothing more: it was closed or hung up.
    InputClosed,
    /// SIGTERM, SIGHUP, SIGINT or SIGQUIT (its number) asked the reader to stop.
    Signal(i32),
    /// The people of article `i` (load order) have been extracted.
    PeopleReady(usize),
    /// Writing to the library failed: what the user must know (the file, and that changes are
    /// not being saved).
    LibraryProblem(String),
    /// The terminal speaks the kitty keyboard protocol (it answered the query).
    KeyboardProtocol,
    /// The library answered a screen's question.
    Answer(crate::app::Answer),
    /// A deadline the loop asked for passed (see [`EventSource::next_until`]).
    Tick,
}

/// The sending side, cloned for each thread that has something to say.
#[derive(Debug, Clone)]
pub struct Notifier(Sender<AppEvent>);

impl Notifier {
    /// Sends `event` to the loop; `false` once the loop has gone (the sender can stop).
    pub fn send(&self, event: AppEvent) -> bool {
        self.0.send(event).is_ok()
    }
}

/// A new channel: the notifier for the workers, the events for the loop.
#[must_use]
pub fn channel() -> (Notifier, ChannelEvents) {
    let (tx, rx) = mpsc::channel();
    (Notifier(tx), ChannelEvents(rx))
}

/// Where the run loop takes its events from.
pub trait EventSource {
    /// The next event, waiting as long as it takes; `None` when no event will ever come.
    fn next(&mut self) -> Option<AppEvent>;
    /// An event already waiting, without waiting.
    fn try_next(&mut self) -> Option<AppEvent>;
    /// The time, for a source whose events happen in it (the terminal's); `None` for scripted
    /// events, which must play the same however fast they are played, so nothing is timed.
    fn now(&self) -> Option<std::time::Instant> {
        None
    }
    /// The next event, or [`AppEvent::Tick`] once `deadline` has passed without one.
    fn next_until(&mut self, deadline: std::time::Instant) -> Option<AppEvent> {
        let _ = deadline;
        self.next()
    }
}

/// The receiving end of [`channel`]: the interactive reader's events.
#[derive(Debug)]
pub struct ChannelEvents(Receiver<AppEvent>);

impl EventSource for ChannelEvents {
    fn next(&mut self) -> Option<AppEvent> {
        self.0.recv().ok()
    }

    fn try_next(&mut self) -> Option<AppEvent> {
        self.0.try_recv().ok()
    }

    fn now(&self) -> Option<std::time::Instant> {
        Some(std::time::Instant::now())
    }

    fn next_until(&mut self, deadline: std::time::Instant) -> Option<AppEvent> {
        match self.0.recv_timeout(deadline.saturating_duration_since(std::time::Instant::now())) {
            Ok(event) => Some(event),
            Err(mpsc::RecvTimeoutError::Timeout) => Some(AppEvent::Tick),
            Err(mpsc::RecvTimeoutError::Disconnected) => None,
        }
    }
}

/// A fixed list of events, for `--keys` and tests; the loop ends when it runs out.
#[derive(Debug, Default)]
pub struct Scripted(pub VecDeque<AppEvent>);

impl Scripted {
    #[must_use]
    pub fn keys(keys: Vec<KeyEvent>) -> Self {
        Self(keys.into_iter().map(|k| AppEvent::Input(Event::Key(k))).collect())
    }

    #[must_use]
    pub fn events(events: impl IntoIterator<Item = Event>) -> Self {
        Self(events.into_iter().map(AppEvent::Input).collect())
    }
}

impl EventSource for Scripted {
    fn next(&mut self) -> Option<AppEvent> {
        self.0.pop_front()
    }

    fn try_next(&mut self) -> Option<AppEvent> {
        self.0.pop_front()
    }
}
