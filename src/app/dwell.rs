//! Read by staying: an article shown for [`App::read_after`] without a move away becomes read,
//! so a user who reads in the list's preview does not have to mark anything, while articles
//! that flash past as the selection moves (j/k) stay unread. The state holds no clock: the
//! runner tells it the time ([`App::observe`]) and wakes it at the deadline it returns.

use std::time::{Duration, Instant};

use crate::article::ArticleId;

use super::layout::Panes;
use super::state::{App, Mode};

/// How long an article must stay shown to become read, by default.
pub const DEFAULT_READ_AFTER: Duration = Duration::from_secs(2);

/// The article shown, and since when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Dwell {
    id: ArticleId,
    since: Instant,
}

impl App {
    /// Notes what is shown at `now`: an article shown long enough becomes read. Returns when to
    /// look again (the shown article's deadline), `None` when nothing is waiting.
    pub fn observe(&mut self, now: Instant) -> Option<Instant> {
        let Some(after) = self.read_after else {
            self.dwell = None;
            return None;
        };
        let Some((i, id)) = self.in_sight() else {
            self.dwell = None;
            return None;
        };
        if self.is_read(i) {
            self.dwell = None;
            return None;
        }
        let since = match &self.dwell {
            Some(d) if d.id == id => d.since,
            _ => {
                self.dwell = Some(Dwell { id, since: now });
                now
            }
        };
        let due = since + after;
        if now >= due {
            self.dwell = None;
            self.mark_read(i);
            return None;
        }
        Some(due)
    }

    /// The article the user can see: the reader's own (no screen above it, no overlay over it)
    /// with its pane on the terminal.
    fn in_sight(&self) -> Option<(usize, ArticleId)> {
        if self.screen().is_some() || !matches!(self.mode, Mode::Normal | Mode::Search(_)) {
            return None;
        }
        if !matches!(self.panes(), Panes::Panes(_)) {
            return None;
        }
        let i = self.shown()?;
        Some((i, self.articles.get(i)?.id.clone()))
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use crate::app::{Action, App, Effect};
    use crate::article::{Library, parse};

    fn app() -> App {
        let articles = (0..3)
            .map(|n| {
                let mut a = parse(&format!("Headline {n}\n\nSEOUL (Yonhap) -- Story {n}.\n"), &format!("{n}.txt"));
                a.id = crate::article::ArticleId::from_stored(format!("a{n}"));
                a
            })
            .collect();
        App::new(Library { articles, problems: vec![] }, (120, 40))
    }

    fn read_ids(app: &mut App) -> Vec<String> {
        app.take_effects()
            .into_iter()
            .filter_map(|e| match e {
                Effect::SetRead { id, read: true } => Some(id.as_str().to_string()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn an_article_shown_for_the_setting_becomes_read_and_not_before() {
        let mut app = app();
        let t0 = Instant::now();
        let due = app.observe(t0).expect("a deadline");
        assert_eq!(due, t0 + Duration::from_secs(2));
        assert_eq!(app.observe(t0 + Duration::from_millis(1999)), Some(due));
        assert!(read_ids(&mut app).is_empty() && !app.is_read(app.shown().unwrap()));
        assert_eq!(app.observe(due), None);
        let shown = app.shown().unwrap();
        assert!(app.is_read(shown));
        assert_eq!(read_ids(&mut app), [app.articles[shown].id.as_str()]);
        // Read already: nothing more waits.
        assert_eq!(app.observe(due + Duration::from_secs(5)), None);
    }

    #[test]
    fn articles_that_flash_past_stay_unread() {
        let mut app = app();
        let t0 = Instant::now();
        app.observe(t0);
        // j, j, k: each a second apart, none stays two.
        for (n, action) in [Action::Down, Action::Down, Action::Up].into_iter().enumerate() {
            app.update(action);
            let now = t0 + Duration::from_secs(1 + n as u64);
            assert_eq!(app.observe(now), Some(now + Duration::from_secs(2)));
        }
        assert!(read_ids(&mut app).is_empty());
        assert!((0..3).all(|i| !app.is_read(i)));
        // The one the selection stops on is read two seconds after it arrived.
        assert_eq!(app.observe(t0 + Duration::from_secs(5)), None);
        assert_eq!(read_ids(&mut app).len(), 1);
    }

    #[test]
    fn off_help_over_the_article_and_a_too_small_terminal_mark_nothing() {
        let mut app = app();
        app.read_after = None;
        let t0 = Instant::now();
        assert_eq!(app.observe(t0), None);
        assert_eq!(app.observe(t0 + Duration::from_secs(60)), None);
        let mut app = self::app();
        app.update(Action::ToggleHelp);
        assert_eq!(app.observe(t0), None);
        assert_eq!(app.observe(t0 + Duration::from_secs(60)), None);
        let mut app = self::app();
        app.update(Action::Resize(10, 3));
        assert_eq!(app.observe(t0), None);
        assert_eq!(app.observe(t0 + Duration::from_secs(60)), None);
        assert!(read_ids(&mut app).is_empty());
    }

    #[test]
    fn a_help_opened_and_closed_starts_the_time_again() {
        let mut app = app();
        let t0 = Instant::now();
        app.observe(t0);
        app.update(Action::ToggleHelp);
        app.observe(t0 + Duration::from_secs(1));
        app.update(Action::ToggleHelp);
        let back = t0 + Duration::from_millis(2500);
        assert_eq!(app.observe(back), Some(back + Duration::from_secs(2)));
        assert!(read_ids(&mut app).is_empty());
    }
}
