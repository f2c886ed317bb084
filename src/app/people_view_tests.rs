//! The people view's state and the answers it takes, on a library in memory.

use super::*;
use crate::app::{Effect, Focus, Screen};
use crate::article::{Article, ArticleId, Library};
use crate::people::Person;
use crate::store::{NewArticle, SqliteStore};

pub(crate) fn who(name: &str, mentions: usize) -> Person {
    Person { name: name.into(), mentions, ..Person::default() }
}

pub(crate) fn story(n: usize) -> Article {
    Article {
        id: ArticleId::from_stored(format!("file:/news/{n}.txt")),
        hash: format!("h{n}"),
        path: format!("/news/{n}.txt"),
        title: format!("Story {n}"),
        paragraphs: vec![format!("Body of story {n}.")],
        ..Article::default()
    }
}

/// A library in memory of `items`, a day apart, the first the oldest.
pub(crate) fn library_of(items: &[(Article, Vec<Person>)]) -> SqliteStore {
    let mut store = SqliteStore::in_memory().expect("open");
    let batch: Vec<NewArticle<'_>> = items
        .iter()
        .enumerate()
        .map(|(i, (a, p))| NewArticle::new(a, p, Some(1_700_000_000 + i64::try_from(i).expect("small") * 86_400)))
        .collect();
    store.upsert(&batch).expect("upsert");
    store
}

/// A library of `items` and a reader of the same articles.
pub(crate) fn setup(items: &[(Article, Vec<Person>)]) -> (App, SqliteStore) {
    let store = library_of(items);
    let articles = items.iter().map(|(a, _)| a.clone()).collect();
    let mut app = App::new(Library { articles, problems: vec![] }, (120, 40));
    app.set_people(items.iter().map(|(_, p)| p.clone()).collect());
    (app, store)
}

/// Applies `action`, then answers every question it asks (and those the answers ask) from
/// `store`, as the library's worker would; returns the questions.
pub(crate) fn drive(app: &mut App, store: &mut SqliteStore, action: Action) -> Vec<Request> {
    app.update(action);
    let mut asked = Vec::new();
    loop {
        let asks: Vec<Request> = app
            .take_effects()
            .into_iter()
            .filter_map(|e| match e {
                Effect::Ask(r) => Some(r),
                _ => None,
            })
            .collect();
        if asks.is_empty() {
            return asked;
        }
        for r in asks {
            asked.push(r.clone());
            let a = answer(store, r);
            app.answer(a);
        }
    }
}

pub(crate) fn view(app: &App) -> &PeopleView {
    match app.screen() {
        Some(Screen::People(v)) => v,
        other => panic!("not the people view: {other:?}"),
    }
}

fn names(app: &App) -> Vec<String> {
    let v = view(app);
    (0..v.total.unwrap_or(0)).filter_map(|i| v.row(i).map(|r| r.name.clone())).collect()
}

/// 250 people, person n named in n % 7 + 1 articles.
fn crowd() -> Vec<(Article, Vec<Person>)> {
    (0..7)
        .map(|k| {
            let people = (0..250).filter(|n| n % 7 >= k).map(|n| who(&format!("Person Number{n:03}"), 1)).collect();
            (story(k), people)
        })
        .collect()
}

#[test]
fn the_list_is_asked_page_by_page_and_far_pages_are_let_go() {
    let (mut app, mut store) = setup(&crowd());
    let asked = drive(&mut app, &mut store, Action::PeopleView);
    assert_eq!(asked.len(), 1, "{asked:?}");
    assert!(matches!(&asked[0], Request::People { offset: 0, limit: PAGE, count: true, .. }), "{asked:?}");
    let v = view(&app);
    assert_eq!(v.total, Some(250));
    assert_eq!(v.row(0).map(|r| r.articles), Some(7));
    assert!(v.row(PAGE).is_none(), "only the first page is asked");
    let asked = drive(&mut app, &mut store, Action::Bottom);
    assert!(matches!(&asked[..], [Request::People { offset: 200, count: false, .. }]), "{asked:?}");
    let v = view(&app);
    assert_eq!(v.selected, 249);
    assert!(v.selected_row().is_some() && v.row(0).is_none(), "the first page was let go");
    // Back up a page: only the missing page is asked.
    let asked = drive(&mut app, &mut store, Action::PageUp);
    assert!(asked.iter().all(|r| matches!(r, Request::People { offset: 100 | 200, .. })), "{asked:?}");
    assert!(view(&app).selected_row().is_some());
}

#[test]
fn typing_filters_and_an_answer_to_an_older_filter_is_dropped() {
    let (mut app, mut store) = setup(&crowd());
    drive(&mut app, &mut store, Action::PeopleView);
    app.update(Action::StartSearch);
    assert_eq!(crate::app::keymap::key_mode(&app), crate::app::keymap::KeyMode::Prompt);
    for c in "number24".chars() {
        app.update(Action::Insert(c));
    }
    let mut asks: Vec<Request> =
        app.take_effects().into_iter().filter_map(|e| if let Effect::Ask(r) = e { Some(r) } else { None }).collect();
    assert_eq!(asks.len(), 8, "one question per key");
    // The last key's answer comes first, then a stale one: the stale one changes nothing.
    let last = asks.pop().expect("asked");
    app.answer(answer(&mut store, last));
    let first = asks.remove(0);
    app.answer(answer(&mut store, first));
    let mut found = names(&app);
    found.sort();
    assert_eq!(found, (240..250).map(|n| format!("Person Number{n:03}")).collect::<Vec<_>>());
    drive(&mut app, &mut store, Action::Accept);
    assert_eq!(view(&app).filter, "number24");
    assert_eq!(crate::app::keymap::key_mode(&app), crate::app::keymap::KeyMode::PeopleView);
    // Esc drops the filter, then closes the view.
    drive(&mut app, &mut store, Action::Cancel);
    assert_eq!(view(&app).total, Some(250));
    drive(&mut app, &mut store, Action::Cancel);
    assert!(app.screen().is_none());
}

#[test]
fn the_sort_cycles_through_articles_mentions_recency_and_name() {
    let items = vec![
        (story(1), vec![who("Zoe Alpha", 1), who("Adam Beta", 9)]),
        (story(2), vec![who("Zoe Alpha", 1)]),
        (story(3), vec![who("Carl Gamma", 1)]),
    ];
    let (mut app, mut store) = setup(&items);
    drive(&mut app, &mut store, Action::PeopleView);
    assert_eq!(names(&app), ["Zoe Alpha", "Adam Beta", "Carl Gamma"]);
    let mut seen = Vec::new();
    for _ in 0..4 {
        drive(&mut app, &mut store, Action::CycleSort);
        seen.push((view(&app).sort_name(), names(&app)[0].clone()));
    }
    assert_eq!(
        seen,
        [
            ("mentions", "Adam Beta".to_string()),
            ("recency", "Carl Gamma".to_string()),
            ("name", "Adam Beta".to_string()),
            ("articles", "Zoe Alpha".to_string())
        ]
    );
}

#[test]
fn a_merge_is_made_in_the_library_and_undone_by_a_split() {
    let items = vec![
        (story(1), vec![who("Ban Ki-moon", 2)]),
        (story(2), vec![who("Ban Ki-moon", 1)]),
        (story(3), vec![who("Secretary-General Ban", 1)]),
    ];
    let (mut app, mut store) = setup(&items);
    use crate::store::Store as _;
    drive(&mut app, &mut store, Action::PeopleView);
    drive(&mut app, &mut store, Action::MarkPerson);
    assert!(view(&app).marked.is_some());
    drive(&mut app, &mut store, Action::Down);
    drive(&mut app, &mut store, Action::MarkPerson);
    assert_eq!(names(&app), ["Ban Ki-moon"]);
    assert_eq!(view(&app).row(0).map(|r| r.articles), Some(3));
    assert!(app.message.as_ref().is_some_and(|m| m.text.contains("Merged Secretary-General Ban into Ban Ki-moon")));
    assert_eq!(store.people_count("").expect("count"), 1, "kept in the library");
    drive(&mut app, &mut store, Action::Undo);
    assert_eq!(names(&app), ["Ban Ki-moon", "Secretary-General Ban"]);
    assert_eq!(store.people_count("").expect("count"), 2);
}

#[test]
fn a_library_read_only_refuses_a_merge_and_says_so() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("library.db");
    {
        let mut store = SqliteStore::open(&path).expect("open");
        let (a, b) = (story(1), story(2));
        let (pa, pb) = (vec![who("Ilse Varga", 1)], vec![who("Marek Novak", 1)]);
        store.upsert(&[NewArticle::new(&a, &pa, Some(1)), NewArticle::new(&b, &pb, Some(2))]).expect("upsert");
    }
    let mut store = SqliteStore::open_read_only(&path).expect("read only");
    let mut app = App::new(Library { articles: vec![], problems: vec![] }, (100, 30));
    drive(&mut app, &mut store, Action::PeopleView);
    for a in [Action::MarkPerson, Action::Down, Action::MarkPerson] {
        drive(&mut app, &mut store, a);
    }
    let said = app.message.as_ref().map(|m| m.text.clone()).unwrap_or_default();
    assert!(said.contains("Could not merge") && said.contains("cannot be written"), "{said}");
    assert_eq!(names(&app).len(), 2);
    assert_eq!(app.focus, Focus::List);
}

#[test]
fn moves_and_enter_typed_before_the_first_answer_are_played_when_it_comes() {
    let (mut app, mut store) = setup(&crowd());
    // P, j, j, Enter typed at once: the library has not answered yet.
    for action in [Action::PeopleView, Action::Down, Action::Down] {
        app.update(action);
    }
    assert_eq!(view(&app).total, None);
    // Enter, then the answers: the third person is selected and their page asked for.
    let asked = drive(&mut app, &mut store, Action::Open);
    assert!(asked.iter().any(|r| matches!(r, Request::Person { .. })), "{asked:?}");
    assert!(matches!(app.screen(), Some(Screen::Person(_))), "the person's page is open");
    let people = app.screens.iter().find_map(|s| match s {
        Screen::People(v) => Some(v.selected),
        _ => None,
    });
    assert_eq!(people, Some(2));
}
