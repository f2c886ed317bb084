//! The feeds view and background fetches, through `update` and `answer`: what the user does,
//! what the state becomes.

use std::path::PathBuf;

use super::*;
use crate::app::{Action, Answer, Effect, FetchNews, FetchWhich, Request, Screen};
use crate::article::{Article, Library, parse};
use crate::sources::feed::Subscription;
use crate::store::{ArticleState, FeedStatus, StoredArticle};

fn story(id: &str, title: &str, day: i64) -> Article {
    let mut a = parse(&format!("{title}\n\nSEOUL (Yonhap) -- {title} happened.\n"), id);
    a.id = ArticleId::from_stored(id.to_string());
    a.published = Some(1_750_000_000 + day * 86_400);
    a
}

fn sub(url: &str, tags: &[&str], title: Option<&str>) -> Subscription {
    Subscription {
        url: url.into(),
        tags: tags.iter().map(|t| (*t).to_string()).collect(),
        title: title.map(Into::into),
        line: 1,
    }
}

fn status(id: i64, url: &str, title: &str, error: Option<&str>, articles: &[(&str, bool)]) -> FeedStatus {
    FeedStatus {
        id,
        url: url.into(),
        title: Some(title.into()),
        last_error: error.map(Into::into),
        last_fetched: Some(1),
        articles: articles.iter().map(|(id, read)| (ArticleId::from_stored((*id).to_string()), *read)).collect(),
    }
}

/// Two tagged feeds (one under two tags, one failing), one untagged, and a file-like article.
fn overview() -> FeedsOverview {
    FeedsOverview {
        subscriptions: vec![
            sub("http://a/", &["news", "korea", "max-items=50"], None),
            sub("http://b/", &["news"], Some("B \u{1b}[31mWire")),
            sub("http://c/", &[], None),
        ],
        statuses: vec![
            status(1, "http://a/", "Alpha", None, &[("a1", false), ("a2", true)]),
            status(2, "http://b/", "Beta", Some("HTTP 404"), &[("b1", false)]),
            status(3, "http://c/", "Gamma", None, &[]),
        ],
        problem: None,
    }
}

fn app() -> App {
    let library = Library {
        articles: vec![
            story("a1", "Alpha one", 1),
            story("a2", "Alpha two", 2),
            story("b1", "Beta one", 3),
            story("f", "A file", 4),
        ],
        problems: Vec::new(),
    };
    let mut app = App::new(library, (120, 40));
    app.set_feed_sources(FeedSources {
        urls: Some(PathBuf::from("/nonexistent/urls")),
        db: Some(PathBuf::from("/nonexistent/library.db")),
        settings: crate::config::FeedSettings::default(),
    });
    app
}

fn names(rows: &[FeedRow]) -> Vec<(RowKind, &str, usize, Option<&str>)> {
    rows.iter().map(|r| (r.kind, r.name.as_str(), r.unread, r.error.as_deref())).collect()
}

#[test]
fn tags_group_their_feeds_a_feed_is_under_each_of_its_tags_and_untagged_ones_last() {
    let rows = feed_rows(&overview(), 9, |_, stored| stored);
    assert_eq!(
        names(&rows),
        vec![
            (RowKind::All, "All articles", 9, None),
            (RowKind::Group, "news", 2, Some("1 failed")),
            (RowKind::Feed, "Alpha", 1, None),
            (RowKind::Feed, "B Wire", 1, Some("HTTP 404")),
            (RowKind::Group, "korea", 1, None),
            (RowKind::Feed, "Alpha", 1, None),
            (RowKind::Group, UNTAGGED, 0, None),
            (RowKind::Feed, "Gamma", 0, None),
        ],
        "retention options are no tags; the title given in the urls file wins, cleaned"
    );
    assert_eq!(rows[1].urls, vec!["http://a/".to_string(), "http://b/".to_string()]);
}

#[test]
fn f_asks_the_library_and_the_answer_counts_unread_as_the_reader_knows_them() {
    let mut app = app();
    // a1 read here (unread in the library: the reader's state wins), a2 read in both.
    app.set_read(0, true);
    app.set_read(1, true);
    app.take_effects();
    app.update(Action::Feeds);
    assert!(matches!(app.screen(), Some(Screen::Feeds(s)) if s.loading));
    assert_eq!(
        app.take_effects(),
        vec![Effect::Ask(Request::Feeds { urls: Some(PathBuf::from("/nonexistent/urls")) })]
    );
    app.answer(Answer::Feeds(overview()));
    let Some(Screen::Feeds(screen)) = app.screen() else { panic!("the feeds view") };
    assert!(!screen.loading);
    // b1 and the file unread.
    assert_eq!(screen.rows[0].unread, 2);
    assert_eq!(screen.rows[2].name, "Alpha");
    assert_eq!(screen.rows[2].unread, 0);
    app.update(Action::Back);
    assert!(app.screen().is_none());
}

#[test]
fn enter_on_a_feed_narrows_the_list_to_it_esc_shows_all_and_a_tag_takes_all_its_feeds() {
    let mut app = app();
    app.update(Action::Feeds);
    app.answer(Answer::Feeds(overview()));
    app.update(Action::Down);
    app.update(Action::Down); // Alpha, under "news"
    app.update(Action::Open);
    assert!(app.screen().is_none());
    assert_eq!(app.narrowed_to(), Some("Alpha"));
    let titles: Vec<&str> =
        (0..app.list_len()).map(|p| app.articles[app.article_at(p).unwrap()].title.as_str()).collect();
    assert_eq!(titles, ["Alpha two", "Alpha one"]);
    assert!(app.message.as_ref().unwrap().text.starts_with("Alpha: 2 articles"));
    app.update(Action::Cancel);
    assert_eq!(app.narrowed_to(), None);
    assert_eq!(app.list_len(), 4);

    app.update(Action::Feeds);
    app.answer(Answer::Feeds(overview()));
    app.update(Action::Down); // "news": Alpha and Beta
    app.update(Action::Open);
    assert_eq!(app.list_len(), 3);
    app.update(Action::Feeds);
    app.answer(Answer::Feeds(overview()));
    app.update(Action::Top);
    app.update(Action::Open); // All articles
    assert_eq!((app.narrowed_to(), app.list_len()), (None, 4));
}

#[test]
fn r_and_shift_r_ask_for_a_background_fetch_once_and_progress_shows_until_it_is_done() {
    let mut app = app();
    app.take_effects();
    app.update(Action::FetchFeed);
    let shown = app.articles[app.shown().unwrap()].id.clone();
    let effects = app.take_effects();
    assert!(
        matches!(&effects[..], [Effect::Fetch(job)] if job.which == FetchWhich::FeedOf(shown.clone())),
        "{effects:?}"
    );
    app.update(Action::FetchAll);
    assert!(app.take_effects().is_empty(), "one fetch at a time");
    assert_eq!(app.fetch_progress().as_deref(), Some("fetching feeds…"));
    app.answer(Answer::Fetch(FetchNews::Progress { done: 3, total: 12 }));
    assert_eq!(app.fetch_progress().as_deref(), Some("fetching 3/12 feeds…"));
    app.answer(Answer::Fetch(FetchNews::Done { feeds: 12, failed: 2, new: 0, single: None, articles: vec![] }));
    assert_eq!(app.fetch_progress(), None);
    assert_eq!(app.message.as_ref().unwrap().text, "12 feeds: 0 new, 2 failed — F for details");
}

#[test]
fn fetching_without_a_library_to_write_says_why_and_asks_nothing() {
    let mut app = app();
    app.set_feed_sources(FeedSources::default());
    app.take_effects();
    app.update(Action::FetchAll);
    assert!(app.take_effects().is_empty());
    assert!(app.message.as_ref().unwrap().text.contains("library open for saving"));
    assert_eq!(app.fetch_progress(), None);
}

#[test]
fn new_articles_join_the_list_keeping_the_selection_and_the_state_they_had() {
    let mut app = app();
    app.update(Action::Down);
    let shown = app.articles[app.shown().unwrap()].id.clone();
    let _ = app.index();
    let stored = |a: Article, read: bool| StoredArticle {
        people: crate::people::extract_with_mentions(&a),
        article: a,
        feed: Some(1),
        link: None,
        published: None,
        added: 0,
        date: 0,
        state: ArticleState { read, ..ArticleState::default() },
    };
    let added = app.add_articles(vec![
        stored(story("n1", "Newest one", 9), false),
        stored(story("n2", "Newer read", 8), true),
        // Already there: left alone.
        stored(story("a1", "Alpha one again", 1), false),
    ]);
    assert_eq!(added, 2);
    assert_eq!(app.list_len(), 6);
    assert_eq!(app.articles[app.shown().unwrap()].id, shown, "the selection stays on its article");
    let first = app.article_at(0).unwrap();
    assert_eq!(app.articles[first].title, "Newest one");
    assert!(!app.is_read(first));
    assert!(app.is_read(app.article_at(1).unwrap()));
    assert!(app.people_ready(first).is_some());
    assert!(app.index().iter().all(|p| p.articles.iter().all(|id| app.index_of(id).is_some())));
}

#[test]
fn a_fetch_under_the_unread_filter_keeps_the_article_read_meanwhile_in_the_list() {
    let mut app = app();
    app.update(Action::CycleShow);
    assert_eq!(app.show, crate::app::Show::Unread);
    let n = app.list_len();
    // Read where it is: it stays listed until the filter is applied again.
    let shown = app.shown().unwrap();
    app.set_read(shown, true);
    let stored = StoredArticle {
        people: Vec::new(),
        article: story("n1", "Newest one", 9),
        feed: Some(1),
        link: None,
        published: None,
        added: 0,
        date: 0,
        state: ArticleState::default(),
    };
    assert_eq!(app.add_articles(vec![stored]), 1);
    assert_eq!(app.list_len(), n + 1);
    assert_eq!(app.shown(), Some(shown), "the selection stays on the article read");
}
