use super::*;
use crate::app::{App, Effect, Focus, Screen, library};
use crate::article::{Article, Library, parse};
use crate::store::{SqliteStore, Store};

fn article(id: &str, text: &str) -> Article {
    let mut a = parse(text, &format!("{id}.txt"));
    a.id = ArticleId::from_stored(id.to_string());
    a
}

fn articles() -> Vec<Article> {
    vec![
        article(
            "harbour",
            "Harbour reopens after storm\n\nBUSAN, Oct. 3 (Yonhap) -- The harbour reopened on Monday. \
             Fishing boats went out again.\n\nThe storm had closed the harbour for a week.\n",
        ),
        article(
            "talks",
            "Talks resume in Geneva\n\nGENEVA, Oct. 5 (AP) -- Negotiators met again. \
             The talks went on late into the night.\n\nA harbour deal was not on the table.\n",
        ),
        article("rain", "Rain expected\n\nSEOUL, Oct. 7 (Yonhap) -- Rain is expected all week.\n"),
    ]
}

/// A library holding the articles, and a reader that loaded only the first `loaded` of them.
fn setup(loaded: usize) -> (App, SqliteStore) {
    let all = articles();
    let mut store = SqliteStore::in_memory().expect("a library");
    crate::runtime::store_worker::add(&mut store, &all).expect("added");
    let library = Library { articles: all.into_iter().take(loaded).collect(), problems: Vec::new() };
    let mut app = App::new(library, (120, 40));
    app.take_effects();
    (app, store)
}

/// Carries out the effects as the runner does: questions answered from `store` at once,
/// writes made.
fn settle(app: &mut App, store: &mut SqliteStore) {
    loop {
        let effects = app.take_effects();
        if effects.is_empty() {
            return;
        }
        for effect in effects {
            match effect {
                Effect::Ask(request) => {
                    let answer = library::answer(store, request);
                    app.answer(answer);
                }
                other => crate::runtime::store_worker::apply_effect(store, other).expect("written"),
            }
        }
    }
}

fn screen(app: &App) -> &SearchScreen {
    match app.screen() {
        Some(Screen::Search(s)) => s,
        other => panic!("no search screen: {other:?}"),
    }
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Insert(c));
    }
}

#[test]
fn each_change_asks_anew_and_only_the_latest_answer_is_taken() {
    let mut s = SearchScreen::new();
    let mut asked = Vec::new();
    for c in "harb".chars() {
        assert!(s.edit(Action::Insert(c)));
        asked.push(s.refresh().expect("a query to run"));
    }
    let seqs: Vec<u64> = asked
        .iter()
        .map(|r| match r {
            Request::Search { seq, .. } => *seq,
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(seqs, [1, 2, 3, 4]);
    assert!(!s.settled);
    // The answer to "har" comes after "harb" was typed: dropped.
    assert!(!s.take_hits(3, Err("stale".into())));
    assert!(s.failure.is_none() && !s.settled);
    assert!(s.take_hits(4, Ok(Vec::new())));
    assert!(s.settled);
}

#[test]
fn a_query_that_does_not_parse_says_where_and_keeps_the_results() {
    let (mut app, mut store) = setup(3);
    app.update(Action::LibrarySearch);
    type_text(&mut app, "harbour");
    settle(&mut app, &mut store);
    assert_eq!(screen(&app).hits.len(), 2);
    type_text(&mut app, " person:");
    settle(&mut app, &mut store);
    assert!(screen(&app).error.as_ref().is_some_and(|e| e.to_string().contains("needs a value")));
    type_text(&mut app, "\"Ban");
    let effects = app.take_effects();
    assert!(effects.is_empty(), "an unparsable query is not sent: {effects:?}");
    let s = screen(&app);
    let e = s.error.as_ref().expect("an error");
    assert_eq!(&s.query[e.pos..e.pos + 1], "\"");
    assert!(e.to_string().contains("never closed"), "{e}");
    assert_eq!(s.hits.len(), 2, "the last results stay");
    app.update(Action::Accept);
    assert!(app.message.as_ref().is_some_and(|m| m.text.contains("cannot be run")));
    assert_eq!(screen(&app).focus, SearchFocus::Query);
}

#[test]
fn results_rank_by_relevance_and_a_key_orders_them_by_date() {
    let (mut app, mut store) = setup(3);
    app.update(Action::LibrarySearch);
    type_text(&mut app, "harbour");
    settle(&mut app, &mut store);
    let titles = |app: &App| screen(app).hits.iter().map(|h| h.row.title.clone()).collect::<Vec<_>>();
    // Three mentions beat one.
    assert_eq!(titles(&app), ["Harbour reopens after storm", "Talks resume in Geneva"]);
    let snippet = &screen(&app).hits[1].snippet;
    assert_eq!(&snippet.text[snippet.matches[0].clone()], "harbour");
    app.update(Action::CycleSort);
    settle(&mut app, &mut store);
    assert_eq!(screen(&app).order, Order::Newest);
    assert_eq!(titles(&app), ["Talks resume in Geneva", "Harbour reopens after storm"]);
}

#[test]
fn enter_reads_the_article_with_the_query_words_highlighted_and_n_walks_them() {
    let (mut app, mut store) = setup(3);
    app.update(Action::LibrarySearch);
    type_text(&mut app, "harbour talks");
    settle(&mut app, &mut store);
    assert_eq!(screen(&app).hits.len(), 1);
    app.update(Action::Accept);
    assert_eq!(screen(&app).focus, SearchFocus::Results);
    app.update(Action::Open);
    settle(&mut app, &mut store);
    assert!(app.screen().is_none(), "back in the reader");
    assert_eq!(app.focus, Focus::Article);
    let shown = app.shown().expect("an article");
    assert_eq!(app.articles[shown].title, "Talks resume in Geneva");
    assert!(app.is_read(shown));
    let search = app.view().and_then(|v| v.search.clone()).expect("the query's words highlighted");
    // "Talks" in the headline, "talks" and "harbour" in the body.
    assert_eq!(search.matches.len(), 3, "{search:?}");
    assert_eq!(search.current, Some(0));
    app.update(Action::NextMatch);
    assert_eq!(app.view().and_then(|v| v.search.as_ref()).and_then(|s| s.current), Some(1));
    // The query went to the history.
    assert_eq!(store.history(5).expect("history"), ["harbour talks"]);
}

#[test]
fn an_article_the_reader_had_not_loaded_is_added_from_the_library() {
    let (mut app, mut store) = setup(1);
    app.update(Action::LibrarySearch);
    type_text(&mut app, "rain");
    settle(&mut app, &mut store);
    app.update(Action::FocusNext);
    app.update(Action::Open);
    let asked = app.take_effects();
    assert!(asked.iter().any(|e| matches!(e, Effect::Ask(Request::SearchArticle(id)) if id.as_str() == "rain")));
    for effect in asked {
        if let Effect::Ask(request) = effect {
            let answer = library::answer(&mut store, request);
            app.answer(answer);
        }
    }
    assert_eq!(app.articles.len(), 2);
    assert_eq!(app.list_len(), 2);
    let shown = app.shown().expect("an article");
    assert_eq!(app.articles[shown].title, "Rain expected");
    // Its people came with it, and the other article's are still found.
    assert!(app.people_ready(shown).is_some());
    assert_eq!(app.view().and_then(|v| v.search.as_ref()).map(|s| s.matches.len()), Some(2));
    settle(&mut app, &mut store);
    assert!(store.state(&ArticleId::from_stored("rain".into())).expect("reads").expect("there").read);
}

#[test]
fn the_history_comes_back_with_up_and_down_and_saved_searches_are_offered() {
    let (mut app, mut store) = setup(3);
    store.push_history("storm").expect("kept");
    store.push_history("rain").expect("kept");
    app.update(Action::LibrarySearch);
    settle(&mut app, &mut store);
    type_text(&mut app, "geneva");
    app.update(Action::Up);
    assert_eq!(screen(&app).query, "rain");
    app.update(Action::Up);
    assert_eq!(screen(&app).query, "storm");
    app.update(Action::Up);
    assert_eq!(screen(&app).query, "storm", "the oldest stays");
    app.update(Action::Down);
    app.update(Action::Down);
    assert_eq!(screen(&app).query, "geneva", "what was typed comes back");
    app.update(Action::SaveSearch);
    settle(&mut app, &mut store);
    assert_eq!(store.saved_searches().expect("saved")[0].query, "geneva");
    app.update(Action::ClearQuery);
    settle(&mut app, &mut store);
    let offered: Vec<String> = screen(&app).suggestions().iter().map(|s| s.query().to_string()).collect();
    assert_eq!(offered, ["geneva", "rain", "storm"]);
    // Choosing the saved search runs it.
    app.update(Action::FocusNext);
    app.update(Action::Open);
    settle(&mut app, &mut store);
    assert_eq!(screen(&app).query, "geneva");
    assert_eq!(screen(&app).hits.len(), 1);
}

#[test]
fn f_opens_the_search_from_every_pane_and_esc_closes_it() {
    let (mut app, _store) = setup(3);
    for focus in [Focus::List, Focus::Article, Focus::People] {
        app.focus = focus;
        let mode = crate::app::keymap::key_mode(&app);
        let f = crossterm::event::Event::Key(crossterm::event::KeyEvent::from(crossterm::event::KeyCode::Char('f')));
        assert_eq!(app.keymap.action_for(mode, &f), Some(Action::LibrarySearch), "{mode:?}");
        app.update(Action::LibrarySearch);
        assert!(matches!(app.take_effects().as_slice(), [Effect::Ask(Request::SearchLists)]));
        // Typed in the query, not a key.
        let mode = crate::app::keymap::key_mode(&app);
        assert_eq!(app.keymap.action_for(mode, &f), Some(Action::Insert('f')));
        app.update(Action::Cancel);
        assert!(app.screen().is_none());
        assert_eq!(app.focus, focus);
    }
}

#[test]
fn a_saved_search_narrows_the_reader_list_like_a_feed_and_esc_shows_all() {
    let (mut app, mut store) = setup(2);
    store.save_search("yonhap", "agency:Yonhap").expect("saved");
    app.update(Action::LibrarySearch);
    settle(&mut app, &mut store);
    app.update(Action::FocusNext);
    app.update(Action::FilterList);
    settle(&mut app, &mut store);
    assert!(app.screen().is_none());
    let filter = app.filter.as_ref().expect("a filter");
    assert!(filter.search && filter.person == "agency:Yonhap");
    let listed: Vec<&str> =
        (0..app.list_len()).map(|p| app.articles[app.article_at(p).unwrap()].title.as_str()).collect();
    assert_eq!(listed, ["Harbour reopens after storm"]);
    let message = app.message.as_ref().map(|m| m.text.clone()).unwrap_or_default();
    assert!(
        message.contains("1 article matches agency:Yonhap") && message.contains("1 more in the library"),
        "{message}"
    );
    app.focus = Focus::List;
    app.update(Action::Cancel);
    assert_eq!(app.list_len(), 2);
}
