//! A person's page: its lines, moving in it, opening articles and associates, splitting.

use super::*;
use crate::app::Action;
use crate::app::people_view::tests::{drive, setup, story, who};
use crate::people::Person;
use crate::store::Store as _;

fn page(app: &App) -> &PersonScreen {
    match app.screen() {
        Some(Screen::Person(p)) => p,
        other => panic!("not a person's page: {other:?}"),
    }
}

fn text(app: &App) -> Vec<String> {
    page(app).lines.iter().map(|l| format!("{}{}", l.aside, l.text)).collect()
}

fn with_role(name: &str, role: &str, quotes: &[&str]) -> Person {
    Person {
        name: name.into(),
        role: Some(role.into()),
        mentions: 2,
        quotes: quotes.iter().map(|q| (*q).to_string()).collect(),
        ..Person::default()
    }
}

fn library() -> Vec<(crate::article::Article, Vec<Person>)> {
    vec![
        (story(1), vec![with_role("Ilse Varga", "Foreign Minister", &["Floods first"]), who("Marek Novak", 1)]),
        (story(2), vec![with_role("Ilse Varga", "Foreign Minister", &[]), who("Marek Novak", 1)]),
        (story(3), vec![with_role("Ilse Varga", "Prime Minister", &["We are close"]), who("Marek Novak", 1)]),
        (story(4), vec![Person { aliases: vec!["Ilse Varga".into()], ..who("Prime Minister Ilse Varga", 1) }]),
        (story(5), vec![who("Jan Kolar", 1)]),
        (story(6), vec![who("Jan Kolar", 1)]),
        (story(7), vec![who("Paula Ross", 1)]),
    ]
}

#[test]
fn the_page_shows_names_roles_timeline_quotes_and_associates() {
    let (mut app, mut store) = setup(&library());
    drive(&mut app, &mut store, Action::PeopleView);
    drive(&mut app, &mut store, Action::Open);
    let lines = text(&app);
    let find = |s: &str| lines.iter().position(|l| l.contains(s)).unwrap_or_else(|| panic!("{s}: {lines:#?}"));
    let roles = find("Roles");
    let role = |s: &str| roles + lines[roles..].iter().position(|l| l.contains(s)).unwrap_or_else(|| panic!("{s}"));
    assert!(role("Foreign Minister") < role("Prime Minister"));
    assert!(lines[role("Foreign Minister")].contains(&format!("{} – {}", day(1_700_000_000), day(1_700_086_400))));
    assert!(find("Story 1") < find("Story 2") && find("Story 2") < find("Story 3"));
    assert!(lines[find("Story 1")].contains("×2"));
    assert!(find("“Floods first”") < find("“We are close”"));
    assert!(lines[find("“We are close”") + 1].contains("Story 3"), "a quote's article under it");
    assert!(lines[find("Named with them")..].iter().any(|l| l.contains("Marek Novak")));
    assert!(!lines[find("Named with them")..].iter().any(|l| l.contains("Jan Kolar")), "never together");
    // Tab goes to the next section's first item: from the names to... the timeline (roles are
    // not items), then the quotes.
    assert_eq!(page(&app).item(), Some(Item::Name(0)));
    drive(&mut app, &mut store, Action::FocusNext);
    assert_eq!(page(&app).item(), Some(Item::Article(0)));
    drive(&mut app, &mut store, Action::FocusNext);
    assert_eq!(page(&app).item(), Some(Item::Quote(0)));
    drive(&mut app, &mut store, Action::FocusNext);
    assert_eq!(page(&app).item(), Some(Item::Associate(0)));
    // An associate's page, then back to this one, then back to the list.
    drive(&mut app, &mut store, Action::Open);
    assert_eq!(page(&app).name, "Marek Novak");
    drive(&mut app, &mut store, Action::Back);
    assert_eq!(page(&app).name, "Ilse Varga");
    drive(&mut app, &mut store, Action::Back);
    assert!(matches!(app.screen(), Some(Screen::People(_))));
}

#[test]
fn enter_on_an_article_reads_it_with_the_person_picked_in_the_sidebar() {
    let (mut app, mut store) = setup(&library());
    drive(&mut app, &mut store, Action::PeopleView);
    drive(&mut app, &mut store, Action::Open);
    drive(&mut app, &mut store, Action::FocusNext);
    drive(&mut app, &mut store, Action::Down);
    assert_eq!(page(&app).item(), Some(Item::Article(1)));
    drive(&mut app, &mut store, Action::Open);
    assert!(app.screen().is_none(), "back in the reader");
    assert_eq!(app.shown().map(|i| app.articles[i].title.clone()).as_deref(), Some("Story 2"));
    assert_eq!(app.focus, Focus::People);
    assert_eq!(app.selected_person().map(|p| p.name.as_str()), Some("Ilse Varga"));
    assert!(app.view().and_then(|v| v.search.as_ref()).is_some_and(|s| s.query == "Ilse Varga"));
}

#[test]
fn an_article_the_reader_did_not_load_is_said_so() {
    let (_, mut store) = setup(&library());
    let mut app = App::new(crate::article::Library { articles: vec![story(9)], problems: vec![] }, (120, 40));
    drive(&mut app, &mut store, Action::PeopleView);
    drive(&mut app, &mut store, Action::Open);
    drive(&mut app, &mut store, Action::FocusNext);
    drive(&mut app, &mut store, Action::Open);
    assert!(matches!(app.screen(), Some(Screen::Person(_))), "the page stays");
    let said = app.message.as_ref().map(|m| m.text.clone()).unwrap_or_default();
    assert!(said.contains("Story 1") && said.contains("not among the files"), "{said}");
}

#[test]
fn a_name_is_split_off_in_the_library_and_undo_merges_it_back() {
    let (mut app, mut store) = setup(&library());
    drive(&mut app, &mut store, Action::PeopleView);
    drive(&mut app, &mut store, Action::Open);
    let names = page(&app).page.as_ref().map(|p| p.names.clone()).unwrap_or_default();
    assert_eq!(names, [("Ilse Varga".to_string(), 3), ("Prime Minister Ilse Varga".to_string(), 1)]);
    // X on the name they go by does nothing; on the other it splits.
    drive(&mut app, &mut store, Action::SplitName);
    assert_eq!(store.people_count("varga").expect("count"), 1);
    drive(&mut app, &mut store, Action::Down);
    drive(&mut app, &mut store, Action::SplitName);
    assert_eq!(store.people_count("varga").expect("count"), 2);
    assert_eq!(page(&app).page.as_ref().map(|p| p.articles.len()), Some(3), "the page is asked again");
    drive(&mut app, &mut store, Action::Undo);
    assert_eq!(store.people_count("varga").expect("count"), 1);
    assert_eq!(page(&app).page.as_ref().map(|p| p.articles.len()), Some(4));
}
