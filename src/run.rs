//! The event loop, generic over the ratatui backend and the source of events, so tests and
//! `--screenshot` drive exactly what a terminal drives.

use std::collections::VecDeque;
use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use crossterm::event::{self, Event, KeyEvent};
use ratatui::Terminal;
use ratatui::backend::Backend;

use crate::app::{App, Effect, keymap};
use crate::ui::{Screen, Theme};

/// How often the loop wakes without input, to notice signals.
const TICK: Duration = Duration::from_millis(100);
/// How often it wakes while something is being computed in the background for the screen.
const WAITING_TICK: Duration = Duration::from_millis(20);

/// Where events come from.
pub trait EventSource {
    /// The next event, waiting up to `timeout`; `Ok(None)` on timeout.
    ///
    /// # Errors
    /// When the terminal cannot be read any more.
    fn next_event(&mut self, timeout: Duration) -> io::Result<Option<Event>>;
    /// An event already waiting, without blocking.
    ///
    /// # Errors
    /// When the terminal cannot be read any more.
    fn pending(&mut self) -> io::Result<Option<Event>>;
    /// Whether no event will ever come again.
    fn exhausted(&self) -> bool {
        false
    }
}

/// The real terminal's events.
#[derive(Debug, Default)]
pub struct TerminalEvents;

impl EventSource for TerminalEvents {
    fn next_event(&mut self, timeout: Duration) -> io::Result<Option<Event>> {
        if event::poll(timeout)? { event::read().map(Some) } else { Ok(None) }
    }

    fn pending(&mut self) -> io::Result<Option<Event>> {
        self.next_event(Duration::ZERO)
    }
}

/// A fixed list of events, for `--keys` and tests.
#[derive(Debug, Default)]
pub struct Scripted(pub VecDeque<Event>);

impl Scripted {
    #[must_use]
    pub fn keys(keys: Vec<KeyEvent>) -> Self {
        Self(keys.into_iter().map(Event::Key).collect())
    }
}

impl EventSource for Scripted {
    fn next_event(&mut self, _timeout: Duration) -> io::Result<Option<Event>> {
        Ok(self.0.pop_front())
    }

    fn pending(&mut self) -> io::Result<Option<Event>> {
        Ok(self.0.pop_front())
    }

    fn exhausted(&self) -> bool {
        self.0.is_empty()
    }
}

/// Carries out what updates ask of the world outside the state (see [`Effect`]).
pub trait Effects {
    fn carry_out(&mut self, effects: Vec<Effect>);
}

/// No library: what is read is kept for this session only (`--screenshot`, files without `--db`).
#[derive(Debug, Default)]
pub struct SessionOnly;

impl Effects for SessionOnly {
    fn carry_out(&mut self, _effects: Vec<Effect>) {}
}

/// Why the loop ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// The user quit.
    Quit,
    /// A signal asked us to stop (its number).
    Signal(i32),
    /// Scripted events ran out.
    EndOfInput,
}

/// Runs the reader until it quits, a signal arrives (its number stored in `signal`), or the
/// events run out. Draws only when an event changed something; resizes in a burst are applied
/// once.
///
/// # Errors
/// When the terminal can be neither drawn nor read: the caller restores it and exits.
pub fn run<B: Backend, E: EventSource>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    theme: &Theme,
    events: &mut E,
    effects: &mut impl Effects,
    signal: &Arc<AtomicUsize>,
) -> io::Result<Exit> {
    let mut dirty = true;
    loop {
        let sig = signal.load(Ordering::Relaxed);
        if sig != 0 {
            return Ok(Exit::Signal(i32::try_from(sig).unwrap_or(0)));
        }
        if dirty {
            app.now = chrono::Utc::now();
            terminal
                .draw(|frame| frame.render_widget(Screen { app, theme }, frame.area()))
                .map_err(|e| io::Error::other(e.to_string()))?;
            dirty = false;
        }
        if app.should_quit {
            return Ok(Exit::Quit);
        }
        // While the sidebar waits for the background extractor, look more often and redraw as
        // soon as its people are there.
        let waiting = app.people_pending();
        let Some(first) = events.next_event(if waiting { WAITING_TICK } else { TICK })? else {
            if events.exhausted() {
                return Ok(Exit::EndOfInput);
            }
            dirty = waiting && !app.people_pending();
            continue;
        };
        let mut batch = vec![first];
        while batch.len() < 256 {
            match events.pending()? {
                Some(e) => batch.push(e),
                None => break,
            }
        }
        for (i, event) in batch.iter().enumerate() {
            // A burst of resizes: only the last one counts.
            if matches!(event, Event::Resize(..)) && batch[i + 1..].iter().any(|e| matches!(e, Event::Resize(..))) {
                continue;
            }
            if let Some(action) = app.keymap.action_for(keymap::key_mode(app), event) {
                app.update(action);
                effects.carry_out(app.take_effects());
                dirty = true;
                if app.should_quit {
                    break;
                }
            }
        }
    }
}
