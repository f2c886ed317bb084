//! Flows through `update`, on the bundled articles: what a user does, what the state becomes.

use super::*;
use crate::article::load_bundled;

/// The reader on the bundled articles, listed oldest first, so list positions are load order
/// (the default, newest first, has a test of its own).
fn app(w: u16, h: u16) -> App {
    let mut app = App::new(load_bundled(), (w, h));
    app.set_sort(crate::app::SortOrder::Oldest);
    app.select(0);
    app.take_effects();
    app
}

fn type_query(app: &mut App, query: &str) {
    app.update(Action::StartSearch);
    for c in query.chars() {
        app.update(Action::Insert(c));
    }
}

fn search(app: &App) -> &SearchState {
    app.view().and_then(|v| v.search.as_ref()).expect("a search")
}

#[test]
fn starts_on_the_list_with_the_first_article_shown() {
    let app = app(120, 40);
    assert_eq!(app.focus, Focus::List);
    assert_eq!(app.selected, 0);
    assert_eq!(app.shown(), Some(0));
    assert_eq!(app.current.as_ref().map(|c| c.article), Some(0));
    assert!(app.sidebar_visible());
}

#[test]
fn moving_the_selection_shows_that_article_at_once() {
    let mut app = app(120, 40);
    app.update(Action::Down);
    assert_eq!(app.shown(), Some(1));
    assert_eq!(app.current.as_ref().map(|c| c.article), Some(1));
    app.update(Action::Down);
    assert_eq!(app.selected, 1, "stays on the last article");
    app.update(Action::Top);
    assert_eq!(app.selected, 0);
    app.update(Action::Bottom);
    assert_eq!(app.selected, 1);
}

#[test]
fn each_article_keeps_its_own_scroll_position() {
    let mut app = app(120, 40);
    app.update(Action::Open);
    assert_eq!(app.focus, Focus::Article);
    assert!(app.is_read(0));
    app.update(Action::PageDown);
    let scrolled = app.top_row();
    assert!(scrolled > 0);
    app.update(Action::FocusPrev);
    app.update(Action::Down);
    assert_eq!(app.top_row(), 0, "the second article starts at its top");
    app.update(Action::Up);
    assert_eq!(app.top_row(), scrolled);
}

#[test]
fn focus_cycles_through_the_visible_panes() {
    let mut app = app(120, 40);
    app.update(Action::FocusNext);
    assert_eq!(app.focus, Focus::Article);
    app.update(Action::FocusNext);
    assert_eq!(app.focus, Focus::People);
    app.update(Action::FocusNext);
    assert_eq!(app.focus, Focus::List);
    app.update(Action::FocusPrev);
    assert_eq!(app.focus, Focus::People);
    let mut narrow = self::app(80, 24);
    narrow.update(Action::FocusNext);
    narrow.update(Action::FocusNext);
    assert_eq!(narrow.focus, Focus::List, "no sidebar on a narrow terminal");
}

#[test]
fn search_highlights_as_you_type_with_smart_case() {
    let mut app = app(120, 40);
    type_query(&mut app, "seoul");
    let lower = search(&app).matches.len();
    assert!(lower >= 5);
    assert_eq!(search(&app).current, Some(0));
    app.update(Action::Accept);
    assert_eq!(app.mode, Mode::Normal);
    type_query(&mut app, "SEOUL");
    let upper = search(&app).matches.len();
    assert_eq!(upper, 1, "a capital makes the search exact: only the dateline");
    assert!(upper < lower);
}

#[test]
fn n_and_shift_n_wrap_around_with_a_message() {
    let mut app = app(120, 40);
    type_query(&mut app, "conference");
    app.update(Action::Accept);
    let n = search(&app).matches.len();
    assert!(n > 2);
    app.update(Action::PrevMatch);
    assert_eq!(search(&app).current, Some(n - 1));
    assert!(app.message.as_ref().is_some_and(|m| m.text.contains("continuing at the end")));
    app.update(Action::NextMatch);
    assert_eq!(search(&app).current, Some(0));
    assert!(app.message.as_ref().is_some_and(|m| m.text.contains("continuing at the top")));
    app.update(Action::NextMatch);
    assert_eq!(search(&app).current, Some(1));
    assert_eq!(app.message, None);
}

#[test]
fn the_current_match_is_scrolled_into_view() {
    let mut app = app(80, 24);
    type_query(&mut app, "gathering is expected");
    app.update(Action::Accept);
    let c = app.current.as_ref().unwrap();
    let m = search(&app).matches[0];
    let row = c.wrapped.row_at(m.block as usize, m.start as usize);
    assert!(row >= app.top_row() && row < app.top_row() + app.article_height());
}

#[test]
fn not_found_says_so() {
    let mut app = app(120, 40);
    type_query(&mut app, "zebra");
    app.update(Action::Accept);
    assert_eq!(app.message.as_ref().map(|m| m.text.as_str()), Some("Pattern not found: zebra"));
    assert_eq!(search(&app).matches.len(), 0);
}

#[test]
fn escape_abandons_the_search_and_returns_to_where_you_were() {
    let mut app = app(80, 24);
    app.update(Action::FocusNext);
    app.update(Action::Down);
    let before = app.top_row();
    type_query(&mut app, "gathering is expected");
    assert_ne!(app.top_row(), before);
    app.update(Action::Cancel);
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(app.top_row(), before);
    assert!(app.view().unwrap().search.is_none());
}

#[test]
fn query_editing_keys() {
    let mut app = app(120, 40);
    type_query(&mut app, "sel");
    app.update(Action::CursorLeft);
    app.update(Action::Insert('o'));
    app.update(Action::CursorEnd);
    app.update(Action::Backspace);
    app.update(Action::Insert('u'));
    app.update(Action::Insert('l'));
    let Mode::Search(input) = &app.mode else { panic!("still typing") };
    assert_eq!(input.query, "seoul");
    app.update(Action::ClearQuery);
    app.update(Action::Backspace);
    assert_eq!(app.mode, Mode::Normal, "backspace on an empty query leaves the search");
}

#[test]
fn searches_belong_to_their_article() {
    let mut app = app(120, 40);
    type_query(&mut app, "video");
    app.update(Action::Accept);
    app.update(Action::Down);
    assert!(app.view().unwrap().search.is_none());
    app.update(Action::Up);
    assert_eq!(search(&app).query, "video");
    app.update(Action::Cancel);
    assert!(app.view().unwrap().search.is_none());
}

#[test]
fn resizing_keeps_the_place_in_the_article() {
    let mut app = app(120, 40);
    app.update(Action::FocusNext);
    app.update(Action::PageDown);
    let anchor = app.view().unwrap().scroll;
    app.update(Action::Resize(70, 30));
    let c = app.current.as_ref().unwrap();
    let row = c.wrapped.rows[app.top_row()];
    assert_eq!(row.block, anchor.block);
    assert!(row.start <= anchor.offset && anchor.offset <= row.end, "{row:?} {anchor:?}");
    for (w, h) in [(0, 0), (1, 1), (24, 7), (300, 100)] {
        app.update(Action::Resize(w, h));
        assert!(app.top_row() <= app.max_top_row());
    }
}

#[test]
fn mouse_clicks_select_and_focus() {
    let mut app = app(120, 40);
    app.update(Action::ClickAt(5, 3));
    assert_eq!(app.selected, 1);
    assert_eq!(app.focus, Focus::List);
    app.update(Action::ClickAt(60, 10));
    assert_eq!(app.focus, Focus::Article);
    app.update(Action::ScrollDownAt(60, 10));
    assert_eq!(app.top_row(), 3);
    app.update(Action::ScrollUpAt(60, 10));
    assert_eq!(app.top_row(), 0);
}

#[test]
fn help_opens_and_closes() {
    let mut app = app(120, 40);
    app.update(Action::ToggleHelp);
    assert!(matches!(app.mode, Mode::Help { .. }));
    app.update(Action::Down);
    assert_eq!(app.selected, 0, "keys scroll the help, not the list");
    app.update(Action::Cancel);
    assert_eq!(app.mode, Mode::Normal);
}

#[test]
fn the_sidebar_folds_and_unfolds() {
    let mut app = app(80, 24);
    assert!(!app.sidebar_visible());
    app.update(Action::ToggleSidebar);
    assert!(app.sidebar_visible());
    app.update(Action::ToggleSidebar);
    assert!(!app.sidebar_visible());
}

#[test]
fn quit() {
    let mut app = app(120, 40);
    app.update(Action::Quit);
    assert!(app.should_quit);
}

#[test]
fn the_background_extractor_finds_the_same_people() {
    let reference = app(120, 40);
    let mut app = app(120, 40);
    app.update(Action::Down);
    app.extract_people_in_background(|_| {}).expect("a thread");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while (0..app.articles.len()).any(|i| app.people_ready(i).is_none()) {
        assert!(std::time::Instant::now() < deadline, "the extractor never finished");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    for i in 0..app.articles.len() {
        assert_eq!(app.people_ready(i), Some(reference.people_of(i)));
    }
    assert!(!app.people_pending());
}

#[test]
fn while_people_are_being_found_the_sidebar_says_so_and_keys_still_work() {
    let mut app = app(120, 40);
    app.defer_people_for_tests();
    assert!(app.people_pending());
    let area = ratatui::layout::Rect::new(0, 0, 120, 40);
    let mut buf = ratatui::buffer::Buffer::empty(area);
    crate::ui::render(&app, &crate::ui::Theme::new(false), area, &mut buf);
    let screen = crate::ui::buffer_text(&buf);
    assert!(screen.contains("People (…)") && screen.contains("Finding people…"), "{screen}");
    app.update(Action::Down);
    app.update(Action::FocusNext);
    app.update(Action::PageDown);
    assert!(app.top_row() > 0);
    // The sidebar's own keys wait for the one article they need.
    app.update(Action::FocusNext);
    assert_eq!(app.focus, Focus::People);
    assert!(app.people_ready(app.shown().expect("an article")).is_some(), "focusing the sidebar extracted them");
    assert!(!app.people_pending());
    assert!(app.selected_person().is_some());
}

fn overlay_scroll(app: &App) -> u16 {
    match app.mode {
        Mode::Help { scroll } | Mode::Quotes { scroll } => scroll,
        _ => panic!("no overlay open"),
    }
}

#[test]
fn the_help_scrolls_within_its_length_and_one_key_back_always_moves() {
    let mut app = app(100, 24);
    app.update(Action::ToggleHelp);
    let max = overlay::max_overlay_scroll(&app);
    assert!(max > 0, "the help is longer than 24 rows");
    for _ in 0..50 {
        app.update(Action::PageDown);
    }
    assert_eq!(usize::from(overlay_scroll(&app)), max);
    app.update(Action::Up);
    assert_eq!(usize::from(overlay_scroll(&app)), max - 1);
    app.update(Action::Bottom);
    assert_eq!(usize::from(overlay_scroll(&app)), max);
    app.update(Action::Top);
    assert_eq!(overlay_scroll(&app), 0);
    // Growing the terminal shows more of it, and the scroll follows.
    app.update(Action::Bottom);
    app.update(Action::Resize(100, 80));
    assert_eq!(usize::from(overlay_scroll(&app)), overlay::max_overlay_scroll(&app));
}

#[test]
fn the_search_prompt_moves_and_deletes_whole_characters() {
    let mut app = app(120, 40);
    type_query(&mut app, "a🇰🇷e\u{301}b");
    let input = |app: &App| match &app.mode {
        Mode::Search(i) => (i.query.clone(), i.cursor),
        _ => panic!("not searching"),
    };
    app.update(Action::CursorLeft);
    app.update(Action::CursorLeft);
    assert_eq!(input(&app).1, "a🇰🇷".len(), "before the accented e, not inside it");
    app.update(Action::CursorLeft);
    assert_eq!(input(&app).1, 1, "before the flag, not between its halves");
    app.update(Action::Delete);
    assert_eq!(input(&app), ("ae\u{301}b".to_string(), 1));
    app.update(Action::CursorRight);
    app.update(Action::Backspace);
    assert_eq!(input(&app), ("ab".to_string(), 1));
}

#[test]
fn n_in_an_article_not_yet_searched_looks_for_the_last_query_there() {
    let mut app = app(120, 40);
    app.update(Action::FocusNext);
    type_query(&mut app, "Seoul");
    app.update(Action::Accept);
    app.update(Action::FocusPrev);
    app.update(Action::Down);
    assert!(app.view().and_then(|v| v.search.as_ref()).is_none(), "each article keeps its own search");
    app.update(Action::NextMatch);
    let s = search(&app);
    assert_eq!(s.query, "Seoul");
    assert_eq!(s.current, Some(0), "the first match from the top, not the second");
    // And `/` with nothing typed does the same in an article with no search.
    let mut app2 = self::app(120, 40);
    app2.last_query = Some("conference".to_string());
    app2.update(Action::StartSearch);
    app2.update(Action::Accept);
    assert_eq!(search(&app2).query, "conference");
    assert!(!search(&app2).matches.is_empty());
}

#[test]
fn under_a_person_filter_each_article_shown_highlights_that_person() {
    let mut app = app(120, 40);
    app.update(Action::FocusNext);
    app.update(Action::FocusNext);
    assert_eq!(app.focus, Focus::People);
    let park = app.people_of(0).iter().position(|p| p.name == "Park Geun-hye").expect("Park in the first article");
    for _ in 0..park {
        app.update(Action::Down);
    }
    assert_eq!(app.selected_person().map(|p| p.name.as_str()), Some("Park Geun-hye"));
    app.update(Action::Open);
    assert!(app.filter.is_some());
    app.update(Action::Down);
    assert_eq!(app.shown(), Some(1));
    assert_eq!(app.selected_person().map(|p| p.name.as_str()), Some("Park Geun-hye"));
    let s = search(&app);
    assert_eq!((&s.kind, s.matches.len()), (&SearchKind::Person, 1));
}

#[test]
fn a_count_before_a_move_multiplies_it_or_picks_the_line() {
    let mut app = app(120, 40);
    app.update(Action::Open);
    for d in [2, 0] {
        app.update(Action::Digit(d));
    }
    app.update(Action::Down);
    assert_eq!(app.top_row(), 20, "20j");
    app.update(Action::Down);
    assert_eq!(app.top_row(), 21, "the count is used once");
    app.update(Action::Digit(5));
    app.update(Action::Top);
    assert_eq!(app.top_row(), 4, "5g: line 5 at the top");
    app.update(Action::Digit(0));
    app.update(Action::Down);
    assert_eq!(app.top_row(), 5, "a leading 0 is no count");
    app.update(Action::Digit(9));
    app.update(Action::Cancel);
    app.update(Action::Down);
    assert_eq!(app.top_row(), 6, "Esc drops a count");
    // In the list: 2G is the second article.
    app.update(Action::FocusPrev);
    app.update(Action::Digit(2));
    app.update(Action::Bottom);
    assert_eq!(app.selected, 1);
}

#[test]
fn reading_and_scrolling_become_effects_for_the_library() {
    let mut app = app(120, 40);
    assert!(app.take_effects().is_empty(), "moving nowhere asks nothing");
    let id = app.articles[0].id.clone();
    app.update(Action::Open);
    assert_eq!(app.take_effects(), [Effect::SetRead { id: id.clone(), read: true }]);
    app.update(Action::Down);
    let effects = app.take_effects();
    assert!(matches!(effects.as_slice(), [Effect::SavePosition { id: moved, .. }] if *moved == id), "{effects:?}");
    // Reading it again changes nothing, so asks nothing.
    app.update(Action::FocusPrev);
    app.update(Action::FocusNext);
    assert!(app.take_effects().is_empty());
    app.set_read(0, false);
    assert_eq!(app.take_effects(), [Effect::SetRead { id, read: false }]);
    assert!(!app.is_read(0));
}

#[test]
fn the_list_starts_newest_first_and_s_cycles_the_order() {
    let mut app = App::new(load_bundled(), (120, 40));
    let titles = |app: &App| {
        (0..app.list_len()).map(|p| app.articles[app.article_at(p).unwrap()].title.clone()).collect::<Vec<_>>()
    };
    let newest = titles(&app);
    assert!(newest[0].starts_with("Gov't officials"), "Oct. 18 first: {newest:?}");
    app.update(Action::CycleSort);
    assert_eq!(app.sort, SortOrder::Oldest);
    assert!(titles(&app)[0].starts_with("U.N. chief"));
    assert_eq!(app.shown(), app.index_of(&app.articles[1].id), "the selection stays on the same article");
    app.update(Action::CycleSort);
    assert_eq!(app.sort, SortOrder::Headline);
    assert!(titles(&app)[0].starts_with("Gov't"));
}

#[test]
fn star_delete_mark_all_read_and_undo() {
    let mut app = app(120, 40);
    let first = app.articles[0].id.clone();
    app.update(Action::ToggleStar);
    assert!(app.is_starred(0));
    assert_eq!(app.take_effects(), [Effect::SetStarred { id: first.clone(), starred: true }]);
    app.update(Action::MarkListRead);
    assert!(app.is_read(0) && app.is_read(1));
    assert_eq!(app.take_effects().len(), 2);
    app.update(Action::DeleteArticle);
    assert_eq!(app.list_len(), 1);
    assert_eq!(app.shown(), Some(1), "the next article takes its place");
    assert_eq!(app.take_effects(), [Effect::SetHidden { id: first.clone(), hidden: true }]);
    app.update(Action::Undo);
    assert_eq!(app.list_len(), 2);
    assert_eq!(app.shown(), Some(0), "the article comes back selected");
    app.update(Action::Undo);
    assert!(!app.is_read(0) && !app.is_read(1), "mark-all-read undone");
    app.update(Action::Undo);
    assert_eq!(app.message.as_ref().map(|m| m.text.as_str()), Some("Nothing to undo"));
}

#[test]
fn the_unread_list_keeps_what_is_read_until_shown_again() {
    let mut app = app(120, 40);
    app.update(Action::CycleShow);
    assert_eq!(app.show, Show::Unread);
    assert_eq!(app.list_len(), 2);
    app.update(Action::Open);
    assert!(app.is_read(0));
    assert_eq!(app.list_len(), 2, "read while the filter is on: it stays");
    app.update(Action::CycleShow);
    app.update(Action::CycleShow);
    app.update(Action::CycleShow);
    assert_eq!(app.show, Show::Unread);
    assert_eq!(app.list_len(), 1, "applied again: only the unread one");
    app.update(Action::CycleShow);
    assert_eq!(app.show, Show::Starred);
    assert_eq!(app.list_len(), 0);
}
