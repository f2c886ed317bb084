//! Feeds in the reader, against a server the test starts on 127.0.0.1: the feeds view (`F`) of a
//! library filled by `cyberreader add` and `fetch`, through the real binary; and `R` fetching in
//! the background while the reader takes keys, the new articles joining the list.

// Helpers outside the #[test] functions unwrap too: a failure there is the test's failure.
#![allow(clippy::unwrap_used)]

mod feeds_support;
mod home;

use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use cyberreader::app::{Answer, App, FeedSources, FetchNews, library};
use cyberreader::run::{AppEvent, EventSource, run};
use cyberreader::runtime::store_worker::StoreWorker;
use cyberreader::runtime::{ChannelEvents, Notifier};
use cyberreader::ui::{Theme, buffer_text};
use feeds_support::{Reply, serve};
use home::Home;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// An RSS feed titled `title` whose items are `items` (title, guid), with a person in each.
fn feed(title: &str, items: &[&str]) -> String {
    let mut out = format!("<rss version=\"2.0\"><channel><title>{title}</title><link>https://example.org/</link>");
    for (i, item) in items.iter().enumerate() {
        out.push_str(&format!(
            "<item><title>{item}</title><guid>{title}-{i}</guid><pubDate>1{i} Jun 2025 08:00:00 GMT</pubDate>\
             <description>SEOUL, June 10 (Yonhap) -- Minister Park Ji-won spoke about {item}.</description></item>"
        ));
    }
    out.push_str("</channel></rss>");
    out
}

#[test]
fn the_feeds_view_shows_tags_their_feeds_unread_counts_and_a_failed_feed_marked_with_why() {
    let server = serve(|r| match r.path() {
        "/world.xml" => {
            Reply::ok("application/rss+xml", feed("World Wire", &["Summit opens", "Talks stall", "Deal signed"]))
        }
        "/tech.xml" => Reply::ok("application/rss+xml", feed("Tech Daily", &["Chips rally", "Phones fold"])),
        _ => Reply::status(404),
    });
    let home = Home::new();
    let db = home.db();
    let db = db.to_str().unwrap();
    for (path, tags) in
        [("/world.xml", vec!["news", "world"]), ("/tech.xml", vec!["tech"]), ("/gone.xml", vec!["news"])]
    {
        let url = server.url(path);
        // The subcommands take the library from CYBERREADER_DB (set by `run`).
        let mut args = vec!["add", &url];
        args.extend(tags);
        let (code, _, err) = home.run(&args);
        assert_eq!(code, 0, "{err}");
    }
    let (code, out, _) = home.run(&["fetch"]);
    assert_eq!(code, 1, "one feed failed: {out}");

    let (code, screen, err) = home.run(&["--db", db, "--screenshot", "--size", "90x20", "--keys", "F"]);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = screen.lines().collect();
    let line =
        |needle: &str| lines.iter().position(|l| l.contains(needle)).unwrap_or_else(|| panic!("{needle} in\n{screen}"));
    let all = line("All articles");
    assert!(lines[all].ends_with("5 unread ┃"), "{screen}");
    // "news": World Wire and the failed feed; "world": World Wire again; "tech": Tech Daily.
    let news = line(" news ");
    assert!(lines[news].contains("1 failed") && lines[news].ends_with("3 unread ┃"), "{screen}");
    assert!(lines[news + 1].contains("World Wire") && lines[news + 1].ends_with("3 unread ┃"), "{screen}");
    let gone = &lines[news + 2];
    assert!(gone.contains("! ") && gone.contains("/gone.xml") && gone.contains("HTTP 404"), "{screen}");
    assert!(lines[news + 3].contains(" world ") && lines[news + 4].contains("World Wire"), "{screen}");
    assert!(lines[news + 5].contains(" tech ") && lines[news + 6].contains("Tech Daily"), "{screen}");
    assert!(lines[news + 6].ends_with("2 unread ┃"), "{screen}");

    // Enter on Tech Daily: the list holds its two articles and says so.
    let keys = "F<Down><Down><Down><Down><Down><Down><Down><Enter>";
    let (code, screen, err) = home.run(&["--db", db, "--screenshot", "--size", "90x20", "--keys", keys]);
    assert_eq!(code, 0, "{err}");
    assert!(
        screen.contains("1/2 in Tech Daily") && screen.contains("Chips rally") && screen.contains("Phones fold"),
        "{screen}"
    );
    assert!(!screen.contains("Summit opens"), "{screen}");

    // `?` there lists the mark among the help's symbols.
    let (_, help, _) = home.run(&["--help"]);
    assert!(help.contains("a feed whose last fetch failed"), "{help}");
}

/// The loop's events: `R` first, then the channel's; a Down key is sent once the fetch has
/// started (the server holds its answer until then), and the events end when the fetch is done.
struct Script {
    events: ChannelEvents,
    notifier: Notifier,
    release: Sender<()>,
    pressed_down: bool,
    done: bool,
}

fn key(c: KeyCode) -> AppEvent {
    AppEvent::Input(Event::Key(KeyEvent::new(c, KeyModifiers::NONE)))
}

impl EventSource for Script {
    fn next(&mut self) -> Option<AppEvent> {
        if self.done {
            return Some(AppEvent::InputClosed);
        }
        let event = self.events.next()?;
        match &event {
            AppEvent::Answer(Answer::Fetch(FetchNews::Progress { done: 0, .. })) if !self.pressed_down => {
                self.pressed_down = true;
                self.notifier.send(key(KeyCode::Down));
            }
            // The reader took the key while the fetch waits: now the server may answer.
            AppEvent::Input(_) if self.pressed_down => {
                let _ = self.release.send(());
            }
            AppEvent::Answer(Answer::Fetch(FetchNews::Done { .. } | FetchNews::Failed(_))) => self.done = true,
            _ => {}
        }
        Some(event)
    }

    fn try_next(&mut self) -> Option<AppEvent> {
        None
    }
}

#[test]
fn shift_r_fetches_in_the_background_while_keys_work_and_the_new_articles_join_the_list() {
    let (release, released) = channel::<()>();
    let released: Arc<Mutex<Receiver<()>>> = Arc::new(Mutex::new(released));
    let server = serve(move |_| {
        let _ = released.lock().unwrap().recv();
        Reply::ok("application/rss+xml", feed("World Wire", &["Summit opens", "Talks stall", "Deal signed"]))
    });
    let home = Home::new();
    std::fs::create_dir_all(home.urls().parent().unwrap()).unwrap();
    std::fs::write(home.urls(), format!("{} news\n", server.url("/world.xml"))).unwrap();

    let prepared = library::prepare(&[], Some(&home.db()), true, library::Reading::Headers).unwrap();
    let (library, people, states) = (prepared.library, prepared.people, prepared.states);
    let before = library.articles.len();
    let mut app = App::new(library, (100, 30));
    app.set_people(people);
    app.restore_states(states);
    app.set_feed_sources(FeedSources {
        urls: Some(home.urls()),
        db: Some(home.db()),
        settings: cyberreader::config::FeedSettings::default(),
    });
    let second = app.article_at(1).map(|i| app.articles[i].id.clone()).unwrap();

    let (notifier, events) = cyberreader::runtime::channel();
    let tell = notifier.clone();
    let mut worker = StoreWorker::start(Box::new(prepared.store.unwrap()), true, move |e| {
        tell.send(e);
    })
    .unwrap();
    notifier.send(key(KeyCode::Char('R')));
    let mut script = Script { events, notifier, release, pressed_down: false, done: false };
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    run(&mut terminal, &mut app, &Theme::new(false), &mut script, &mut worker).unwrap();
    worker.finish();

    assert_eq!(app.list_len(), before + 3);
    assert_eq!(app.articles[app.shown().unwrap()].id, second, "the Down key was taken during the fetch, and kept");
    let screen = buffer_text(terminal.backend().buffer());
    for title in ["Summit opens", "Talks stall", "Deal signed"] {
        assert!(screen.contains(title), "{title} in\n{screen}");
    }
    assert!(screen.contains("World Wire: 200 OK, 3 items, 3 new"), "{screen}");
}
