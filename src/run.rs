//! The event loop, generic over the ratatui backend and the source of events, so tests and
//! `--screenshot` drive exactly what a terminal drives. It sleeps until an event arrives: keys,
//! signals and background results all come over the same channel, so nothing is polled for.

use std::io;

use crossterm::event::Event;
use ratatui::Terminal;
use ratatui::backend::Backend;

use crate::app::{Answer, App, Effect, Message, MessageKind, keymap};
pub use crate::runtime::{AppEvent, EventSource, Scripted};
use crate::ui::{Screen, Theme};

/// How many waiting events are applied before the screen is drawn again: a long burst (a paste,
/// a wheel spun hard) shows progress, and a quit or a signal in it is not kept waiting.
const BATCH: usize = 256;

/// Carries out what updates ask of the world outside the state (see [`Effect`]).
pub trait Effects {
    fn carry_out(&mut self, effects: Vec<Effect>);
    /// Answers ready now, for a runner that answers at once (scripted runs); a worker sends
    /// its answers over the event channel instead.
    fn take_answers(&mut self) -> Vec<Answer> {
        Vec::new()
    }
    /// Whether the terminal was lent out (`|`) since the last call: everything is drawn again.
    fn take_redraw(&mut self) -> bool {
        false
    }
}

/// A runner that does everything at once on the caller's thread: for `--screenshot` and tests,
/// which must be deterministic. It answers questions from `store` and writes nothing unless
/// `saving`.
pub struct Direct<'a> {
    pub store: Option<&'a mut dyn crate::store::Store>,
    pub saving: bool,
    answers: Vec<Answer>,
}

impl<'a> Direct<'a> {
    #[must_use]
    pub fn new(store: Option<&'a mut dyn crate::store::Store>, saving: bool) -> Self {
        Self { store, saving, answers: Vec::new() }
    }
}

impl Effects for Direct<'_> {
    fn carry_out(&mut self, effects: Vec<Effect>) {
        let Some(store) = self.store.as_deref_mut() else { return };
        for effect in effects {
            match effect {
                Effect::Ask(request) => self.answers.push(crate::app::library::answer(store, request)),
                // Scripted runs never reach the network.
                Effect::Fetch(_) => self.answers.push(Answer::Fetch(crate::app::FetchNews::Failed(
                    "Feeds are fetched only in the interactive reader".to_string(),
                ))),
                other if self.saving => {
                    // Scripted runs have nobody to tell; the reader reports write failures.
                    let _ = crate::runtime::store_worker::apply_effect(store, other);
                }
                _ => {}
            }
        }
    }

    fn take_answers(&mut self) -> Vec<Answer> {
        std::mem::take(&mut self.answers)
    }
}

/// No library: what is read is kept for this session only (`--screenshot`, files without `--db`).
#[derive(Debug, Default)]
pub struct SessionOnly;

impl Effects for SessionOnly {
    fn carry_out(&mut self, _effects: Vec<Effect>) {}
}

/// An optional worker: without one, nothing is kept.
impl<T: Effects> Effects for Option<T> {
    fn carry_out(&mut self, effects: Vec<Effect>) {
        if let Some(inner) = self {
            inner.carry_out(effects);
        }
    }

    fn take_answers(&mut self) -> Vec<Answer> {
        self.as_mut().map(Effects::take_answers).unwrap_or_default()
    }

    fn take_redraw(&mut self) -> bool {
        self.as_mut().is_some_and(Effects::take_redraw)
    }
}

/// Why the loop ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// The user quit.
    Quit,
    /// A signal asked us to stop (its number).
    Signal(i32),
    /// The terminal closed: it will send nothing more.
    TerminalClosed,
    /// Scripted events ran out.
    EndOfInput,
}

/// Runs the reader until it quits, a signal arrives, the terminal closes, or the events run
/// out. Draws only when an event changed something; resizes in a burst are applied once.
///
/// # Errors
/// When the terminal cannot be drawn: the caller restores it and exits.
pub fn run<B: Backend, E: EventSource>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    theme: &Theme,
    events: &mut E,
    effects: &mut impl Effects,
) -> io::Result<Exit> {
    let mut dirty = true;
    let mut deadline = None;
    loop {
        // What has stayed shown long enough is read; the time comes from the source, so
        // scripted runs time nothing.
        if let Some(now) = events.now() {
            let read = app.take_effects();
            deadline = app.observe(now);
            let marked = app.take_effects();
            dirty |= !marked.is_empty();
            effects.carry_out(read.into_iter().chain(marked).collect());
        }
        if effects.take_redraw() {
            // The screen is the command's: nothing on it is what the terminal thinks it is.
            terminal.clear().map_err(|e| io::Error::other(e.to_string()))?;
            dirty = true;
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
        let next = match deadline {
            Some(at) => events.next_until(at),
            None => events.next(),
        };
        let Some(first) = next else { return Ok(Exit::EndOfInput) };
        let mut batch = vec![first];
        while batch.len() < BATCH {
            match events.try_next() {
                Some(e) => batch.push(e),
                None => break,
            }
        }
        // A burst of resizes: only the last one counts.
        let last_resize = batch.iter().rposition(is_resize);
        for (i, event) in batch.into_iter().enumerate() {
            match event {
                AppEvent::Signal(sig) => return Ok(Exit::Signal(sig)),
                AppEvent::InputClosed => return Ok(Exit::TerminalClosed),
                // The sidebar and the status bar show the shown article's people.
                AppEvent::PeopleReady(article) => dirty |= app.shown() == Some(article),
                AppEvent::LibraryProblem(text) => {
                    app.message = Some(Message { text, kind: MessageKind::Warning });
                    dirty = true;
                }
                AppEvent::KeyboardProtocol => crate::terminal::use_keyboard_protocol(),
                // The deadline is looked at before the next wait.
                AppEvent::Tick => {}
                AppEvent::Answer(answer) => {
                    app.answer(answer);
                    effects.carry_out(app.take_effects());
                    dirty = true;
                }
                AppEvent::Input(Event::Resize(..)) if last_resize != Some(i) => {}
                AppEvent::Input(input) => {
                    if let Some(action) = app.keymap.action_for(keymap::key_mode(app), &input) {
                        app.update(action);
                        effects.carry_out(app.take_effects());
                        // A runner that answers at once: the answers are in this frame, and
                        // so are the answers to what an answer asks next (a list asked again
                        // after a merge).
                        loop {
                            let answers = effects.take_answers();
                            if answers.is_empty() {
                                break;
                            }
                            for answer in answers {
                                app.answer(answer);
                                effects.carry_out(app.take_effects());
                            }
                        }
                        dirty = true;
                        if app.should_quit {
                            break;
                        }
                    }
                }
            }
        }
    }
}

fn is_resize(event: &AppEvent) -> bool {
    matches!(event, AppEvent::Input(Event::Resize(..)))
}

#[cfg(test)]
mod tests {
    use super::{AppEvent, EventSource, Exit, run};
    use crate::app::App;
    use crate::article::{Library, parse};
    use crate::runtime::{ChannelEvents, channel};
    use crate::ui::{Theme, buffer_text};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    /// The channel's events until the shown article's people are ready, then the end.
    struct UntilPeople(ChannelEvents, bool);

    impl EventSource for UntilPeople {
        fn next(&mut self) -> Option<AppEvent> {
            if self.1 {
                return Some(AppEvent::InputClosed);
            }
            let event = self.0.next();
            self.1 = matches!(event, Some(AppEvent::PeopleReady(0)));
            event
        }

        fn try_next(&mut self) -> Option<AppEvent> {
            None
        }
    }

    /// A long article's people come from the background; their arrival alone redraws the
    /// screen, with no key and no polling.
    #[test]
    fn people_found_in_the_background_wake_the_loop_and_are_drawn() {
        let mut text = String::from("Senate talks\n\nWASHINGTON (AP) — Sen. Ron Wyden said the talks went on.\n\n");
        // Twice what is extracted before the first draw.
        while text.len() < 200 * 1024 {
            text.push_str("The talks would go on for weeks, and nobody disagreed with that at all.\n\n");
        }
        let library = Library { articles: vec![parse(&text, "long.txt")], problems: vec![] };
        let mut app = App::new(library, (120, 30));
        let (notifier, events) = channel();
        let worker = app
            .extract_people_in_background(move |i| {
                notifier.send(AppEvent::PeopleReady(i));
            })
            .expect("a thread");
        let mut terminal = Terminal::new(TestBackend::new(120, 30)).expect("an off-screen terminal");
        let exit =
            run(&mut terminal, &mut app, &Theme::new(false), &mut UntilPeople(events, false), &mut super::SessionOnly);
        assert_eq!(exit.expect("drawn"), Exit::TerminalClosed);
        let screen = buffer_text(terminal.backend().buffer());
        assert!(screen.contains("Ron Wyden ×1") && !screen.contains("Finding people"), "{screen}");
        worker.join().expect("the extractor ends");
    }

    /// Keys at given times on a clock of the test's own; when it runs out of keys it lets the
    /// clock run to the deadline the loop asked for, once, then ends.
    struct Clocked {
        now: std::time::Instant,
        keys: std::collections::VecDeque<(std::time::Duration, AppEvent)>,
        ticked: bool,
    }

    impl EventSource for Clocked {
        fn next(&mut self) -> Option<AppEvent> {
            let (after, event) = self.keys.pop_front()?;
            self.now += after;
            Some(event)
        }

        fn try_next(&mut self) -> Option<AppEvent> {
            None
        }

        fn now(&self) -> Option<std::time::Instant> {
            Some(self.now)
        }

        fn next_until(&mut self, deadline: std::time::Instant) -> Option<AppEvent> {
            match self.keys.front() {
                Some((after, _)) if self.now + *after < deadline => self.next(),
                _ if self.ticked => None,
                _ => {
                    self.ticked = true;
                    self.now = deadline;
                    Some(AppEvent::Tick)
                }
            }
        }
    }

    #[derive(Default)]
    struct Recorded(Vec<crate::app::Effect>);

    impl super::Effects for Recorded {
        fn carry_out(&mut self, effects: Vec<crate::app::Effect>) {
            self.0.extend(effects);
        }
    }

    /// The loop wakes at the deadline of the article shown, with no key, and it becomes read;
    /// the articles passed over on the way are not.
    #[test]
    fn an_article_left_shown_is_read_at_its_deadline_and_those_passed_are_not() {
        use crossterm::event::{Event, KeyCode, KeyEvent};
        use std::time::Duration;
        let articles = (0..3)
            .map(|n| {
                let mut a = parse(&format!("Headline {n}\n\nSEOUL (Yonhap) -- Story {n}.\n"), "a.txt");
                a.id = crate::article::ArticleId::from_stored(format!("a{n}"));
                a
            })
            .collect();
        let mut app = App::new(Library { articles, problems: vec![] }, (120, 30));
        let j = || AppEvent::Input(Event::Key(KeyEvent::from(KeyCode::Char('j'))));
        let second = Duration::from_secs(1);
        let keys = [(second, j()), (second, j())].into_iter().collect();
        let mut events = Clocked { now: std::time::Instant::now(), keys, ticked: false };
        let mut terminal = Terminal::new(TestBackend::new(120, 30)).expect("an off-screen terminal");
        let mut done = Recorded::default();
        let exit = run(&mut terminal, &mut app, &Theme::new(false), &mut events, &mut done);
        assert_eq!(exit.expect("drawn"), Exit::EndOfInput);
        let last = app.articles[app.shown().expect("one shown")].id.clone();
        assert_eq!(done.0, [crate::app::Effect::SetRead { id: last, read: true }]);
        assert!(buffer_text(terminal.backend().buffer()).contains("Headline"));
    }
}
