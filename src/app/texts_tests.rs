//! The rest of the library joining a list the user is already at work in.

use crate::app::library::{answer, split};
use crate::app::people_view::tests::{library_of, story, who};
use crate::app::{Action, App, Effect, Request};
use crate::article::{Article, ArticleId};
use crate::people::Person;
use crate::store::{NewArticle, SqliteStore, Store};

/// A library of `items` (the first the oldest) and a reader started on its `page` newest, the
/// rest asked for and not answered yet.
fn first_page(items: &[(Article, Vec<Person>)], page: usize) -> (App, SqliteStore) {
    let store = library_of(items);
    let ids: Vec<ArticleId> = items[items.len() - page..].iter().map(|(a, _)| a.id.clone()).collect();
    let (library, _, states) = split(store.headers_of(&ids).expect("headers"));
    let mut app = App::new(library, (120, 40));
    app.restore_states(states);
    app.read_rest_of_library(items.len());
    (app, store)
}

/// Answers what the reader asked, the rest of the library last, or (without `rest`) gives its
/// questions back for later.
fn answer_asked(app: &mut App, store: &mut SqliteStore, rest: bool) -> Vec<Effect> {
    let (pages, others): (Vec<Effect>, Vec<Effect>) =
        app.take_effects().into_iter().partition(|e| matches!(e, Effect::Ask(Request::Headers { .. })));
    let (now, later) = if rest { (pages, Vec::new()) } else { (Vec::new(), pages) };
    answer_effects(app, store, others.into_iter().chain(now));
    later
}

fn answer_effects(app: &mut App, store: &mut SqliteStore, asked: impl IntoIterator<Item = Effect>) {
    for e in asked {
        if let Effect::Ask(r) = e {
            let a = answer(store, r);
            app.answer(a);
        }
    }
}

fn titles(app: &App) -> Vec<String> {
    (0..app.list_len()).filter_map(|p| app.article_at(p)).map(|i| app.articles[i].title.clone()).collect()
}

fn shown_title(app: &App) -> String {
    app.articles[app.shown().expect("shown")].title.clone()
}

#[test]
fn under_the_unread_filter_an_article_read_stays_listed_and_selected_when_the_rest_arrives() {
    let items: Vec<(Article, Vec<Person>)> = (0..4).map(|n| (story(n), Vec::new())).collect();
    let (mut app, mut store) = first_page(&items, 2);
    app.show = crate::app::Show::Unread;
    app.rebuild_list();
    assert_eq!(shown_title(&app), "Story 3");
    app.update(Action::ToggleRead);
    assert!(app.is_read(app.shown().expect("shown")));
    let _ = answer_asked(&mut app, &mut store, true);
    assert!(!app.reading_rest());
    assert_eq!(shown_title(&app), "Story 3", "the selection stays on the article being read");
    assert_eq!(titles(&app), ["Story 3", "Story 2", "Story 1", "Story 0"]);
}

#[test]
fn a_person_filter_made_while_the_rest_is_read_takes_their_articles_as_they_arrive() {
    let items = vec![
        (story(0), vec![who("Ilse Varga", 1)]),
        (story(1), vec![who("Marek Novak", 1)]),
        (story(2), vec![who("Jan Kolar", 1)]),
        (story(3), vec![who("Ilse Varga", 2)]),
    ];
    let (mut app, mut store) = first_page(&items, 2);
    app.sync();
    let mut rest = answer_asked(&mut app, &mut store, false);
    assert_eq!(shown_title(&app), "Story 3");
    app.update(Action::FocusNext);
    app.update(Action::FocusNext);
    app.update(Action::Open);
    // The library names both; only one is in the list yet.
    rest.extend(answer_asked(&mut app, &mut store, false));
    assert_eq!(titles(&app), ["Story 3"]);
    assert!(
        app.message.as_ref().is_some_and(|m| m.text.starts_with("2 articles name Ilse Varga")),
        "{:?}",
        app.message
    );
    answer_effects(&mut app, &mut store, rest);
    assert!(!app.reading_rest());
    assert_eq!(titles(&app), ["Story 3", "Story 0"]);
}

#[test]
fn while_the_text_is_coming_o_opens_the_link_and_w_says_to_wait() {
    let mut store = SqliteStore::in_memory().expect("open");
    let a = story(1);
    let mut new = NewArticle::new(&a, &[], Some(1_700_000_000));
    new.link = Some("https://wire.example/1");
    store.upsert(&[new]).expect("upsert");
    let (library, _, states) = split(store.all_headers().expect("headers"));
    let mut app = App::new(library, (120, 40));
    app.restore_states(states);
    app.sync();
    assert!(app.text_loading());
    app.take_effects();
    app.update(Action::OpenLink);
    assert_eq!(app.take_effects(), [Effect::OpenUrl("https://wire.example/1".into())]);
    app.update(Action::SaveArticle);
    assert!(app.take_effects().is_empty());
    let said = app.message.as_ref().map(|m| m.text.clone()).unwrap_or_default();
    assert!(said.contains("still loading"), "{said}");
}

#[test]
fn end_pressed_before_the_rest_arrives_goes_to_the_end_of_the_whole_list() {
    let items: Vec<(Article, Vec<Person>)> = (0..6).map(|n| (story(n), Vec::new())).collect();
    let (mut app, mut store) = first_page(&items, 2);
    app.update(Action::Bottom);
    assert_eq!(app.selected, 1, "the end of what is there");
    let _ = answer_asked(&mut app, &mut store, true);
    assert_eq!(app.list_len(), 6);
    assert_eq!((app.selected, shown_title(&app)), (5, "Story 0".to_string()), "the end of the whole list");
    // A move of the user's own after End: the rest arriving leaves the selection where it is.
    let (mut app, mut store) = first_page(&items, 2);
    app.update(Action::Bottom);
    app.update(Action::Up);
    let _ = answer_asked(&mut app, &mut store, true);
    assert_eq!(shown_title(&app), "Story 5");
}
