//! The reading flow on five short articles and one long one.

use super::super::{Action, App, Focus, Mode};
use crate::article::{Library, parse};

/// Articles 0..5, the third one long enough to scroll.
fn app(w: u16, h: u16) -> App {
    let articles = (0..5)
        .map(|i| {
            let body = if i == 2 { "A line of the long one.\n\n".repeat(80) } else { "Short.\n".to_string() };
            parse(&format!("Headline {i}\n\n{body}"), &format!("a{i}.txt"))
        })
        .collect();
    App::new(Library { articles, problems: Vec::new() }, (w, h))
}

#[test]
fn j_and_k_from_the_article_read_the_next_and_previous() {
    let mut app = app(120, 40);
    app.update(Action::Open);
    app.update(Action::NextArticle);
    assert_eq!((app.shown(), app.focus), (Some(1), Focus::Article));
    assert!(app.is_read(1));
    app.update(Action::Digit(2));
    app.update(Action::NextArticle);
    assert_eq!(app.shown(), Some(3), "a count moves that many");
    app.update(Action::PrevArticle);
    assert_eq!(app.shown(), Some(2));
    app.update(Action::Bottom);
    app.update(Action::FocusPrev);
    app.update(Action::Bottom);
    app.update(Action::NextArticle);
    assert_eq!(app.shown(), Some(4));
    assert_eq!(app.message.as_ref().map(|m| m.text.as_str()), Some("This is the last article"));
}

#[test]
fn next_and_previous_unread_skip_what_was_read() {
    let mut app = app(120, 40);
    for i in [0, 1, 3] {
        app.mark_read(i);
    }
    app.update(Action::NextUnread);
    assert_eq!((app.shown(), app.focus), (Some(2), Focus::Article), "opened, from the list");
    app.update(Action::NextUnread);
    assert_eq!(app.shown(), Some(4), "3 was read");
    app.update(Action::NextUnread);
    assert_eq!(app.shown(), Some(4));
    assert_eq!(app.message.as_ref().map(|m| m.text.as_str()), Some("No unread article after this one"));
    app.update(Action::PrevUnread);
    assert_eq!(app.message.as_ref().map(|m| m.text.as_str()), Some("No unread article before this one"));
}

#[test]
fn space_pages_through_an_article_then_moves_to_the_next_unread() {
    let mut app = app(120, 40);
    app.mark_read(3);
    app.update(Action::Down);
    app.update(Action::Down);
    app.update(Action::Open);
    assert_eq!(app.shown(), Some(2));
    let mut pages = 0;
    while app.shown() == Some(2) {
        app.update(Action::ReadOn);
        pages += 1;
        assert!(pages < 50, "Space never left the article");
    }
    assert!(pages > 2, "paged first ({pages})");
    assert_eq!(app.shown(), Some(4), "the next unread, past the read one");
}

#[test]
fn zoom_gives_the_article_the_screen_and_focus_skips_the_hidden_list() {
    let mut app = app(80, 24);
    app.update(Action::Zoom);
    assert!(!app.list_shown());
    assert_eq!(app.focus, Focus::Article);
    assert!(app.is_read(0));
    let width = app.current.as_ref().map(|c| c.wrapped.width);
    assert_eq!(width, Some(75), "the whole width less border, margins and scrollbar");
    app.update(Action::FocusNext);
    assert_eq!(app.focus, Focus::Article);
    app.update(Action::Zoom);
    assert!(app.list_shown());
}

#[test]
fn q_closes_an_overlay_and_quits_from_the_reader() {
    let mut app = app(120, 40);
    app.update(Action::ToggleHelp);
    app.update(Action::Back);
    assert_eq!(app.mode, Mode::Normal);
    assert!(!app.should_quit);
    app.update(Action::Back);
    assert!(app.should_quit);
}
