//! Whole screens at 80×24, 120×40 and 250×70, with the default keys and with remapped ones, drawn from the state by the same code the terminal uses,
//! compared with reviewed snapshots (tests/snapshots/). Styles are checked where they carry
//! meaning: focus, selection and matches, with and without colour.
#![allow(clippy::unwrap_used)]

use cyberreader::app::{Action, App};
use cyberreader::article::load_bundled;
use cyberreader::cli::{screenshot, screenshot_with};
use cyberreader::config;
use cyberreader::keys::parse_keys;
use cyberreader::ui::{Theme, render};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};

fn screen(w: u16, h: u16, keys: &str) -> String {
    screenshot(load_bundled(), (w, h), parse_keys(keys).unwrap(), true)
}

/// A user's config: keys moved about, a narrower left-aligned text, the help on F2.
const REMAPPED: &str = r#"
[reader]
max-width = 60
align = "left"

[keys.reader]
help = ["F2"]
zoom = ["C-z", "A-z"]
next-unread = ["u"]
back = ["Q"]

[keys.article]
next-article = ["C-n", "Right"]
previous-article = ["C-p"]
"#;

fn remapped(w: u16, h: u16, keys: &str) -> String {
    let config = config::parse(REMAPPED, "remapped.toml").unwrap();
    screenshot_with(load_bundled(), (w, h), parse_keys(keys).unwrap(), &config, true)
}

fn buffer(app: &App, color: bool) -> Buffer {
    let area = Rect::new(0, 0, app.size.0, app.size.1);
    let mut buf = Buffer::empty(area);
    render(app, &Theme::new(color), area, &mut buf);
    buf
}

#[test]
fn start_80x24() {
    insta::assert_snapshot!(screen(80, 24, ""));
}

#[test]
fn start_120x40() {
    insta::assert_snapshot!(screen(120, 40, ""));
}

#[test]
fn article_scrolled_120x40() {
    insta::assert_snapshot!(screen(120, 40, "<Enter><PageDown>jj"));
}

#[test]
fn search_with_matches_and_counter_80x24() {
    let s = screen(80, 24, "<Down>/cyber<Enter>nn");
    assert!(s.lines().last().unwrap().contains("[3/"), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn search_being_typed_120x40() {
    insta::assert_snapshot!(screen(120, 40, "/Seoul Con"));
}

#[test]
fn pattern_not_found_80x24() {
    let s = screen(80, 24, "/zebra<Enter>");
    assert!(s.contains("Pattern not found: zebra"));
    insta::assert_snapshot!(s);
}

#[test]
fn help_120x40() {
    insta::assert_snapshot!(screen(120, 40, "?"));
}

#[test]
fn person_focus_120x40() {
    insta::assert_snapshot!(screen(120, 40, "<Tab><Tab>j"));
}

#[test]
fn person_quotes_120x40() {
    insta::assert_snapshot!(screen(120, 40, "<Tab><Tab>o"));
}

#[test]
fn people_narrow_the_list_120x40() {
    insta::assert_snapshot!(screen(120, 40, "<Tab><Tab><Enter>"));
}

#[test]
fn narrow_with_sidebar_folded_60x20() {
    insta::assert_snapshot!(screen(60, 20, "<Tab>"));
}

#[test]
fn narrow_with_sidebar_shown_60x20() {
    insta::assert_snapshot!(screen(60, 20, "p"));
}

#[test]
fn too_small() {
    insta::assert_snapshot!(screen(20, 5, ""));
}

#[test]
fn matches_are_highlighted_and_the_current_one_is_distinct() {
    let mut app = App::new(load_bundled(), (80, 24));
    app.update(Action::StartSearch);
    for c in "the".chars() {
        app.update(Action::Insert(c));
    }
    app.update(Action::Accept);
    for color in [true, false] {
        let buf = buffer(&app, color);
        let theme = Theme::new(color);
        let cells: Vec<_> = buf.content().iter().collect();
        let is_current = |c: &&&ratatui::buffer::Cell| match theme.current_match.bg {
            Some(bg) => c.bg == bg,
            None => c.modifier.contains(Modifier::REVERSED | Modifier::UNDERLINED),
        };
        let current = cells.iter().filter(is_current).count();
        let matched =
            cells.iter().filter(|c| c.bg == Color::Yellow || (!color && c.modifier == Modifier::UNDERLINED)).count();
        assert_eq!(current, 3, "one current match of three letters (color {color})");
        assert!(matched >= 6, "other matches highlighted (color {color})");
    }
}

#[test]
fn no_color_uses_no_colours_and_marks_focus_and_selection_with_modifiers() {
    let app = App::new(load_bundled(), (120, 40));
    let buf = buffer(&app, false);
    for cell in buf.content() {
        assert_eq!(cell.fg, Color::Reset);
        assert_eq!(cell.bg, Color::Reset);
    }
    // The selected article's row is reversed; the focused pane's title is bold.
    assert!(buf[(3, 1)].modifier.contains(Modifier::REVERSED));
    assert!(!buf[(3, 3)].modifier.contains(Modifier::REVERSED));
    assert!(buf[(3, 0)].modifier.contains(Modifier::BOLD));
}

#[test]
fn every_size_draws_without_panic() {
    let mut app = App::new(load_bundled(), (0, 0));
    for (w, h) in
        [(0, 0), (1, 1), (2, 40), (300, 1), (23, 7), (24, 8), (69, 30), (70, 30), (109, 30), (110, 30), (300, 100)]
    {
        app.update(Action::Resize(w, h));
        let _ = buffer(&app, true);
    }
}

#[test]
fn start_250x70_text_keeps_its_measure_centred() {
    let s = screen(250, 70, "<Enter>");
    let line = s.lines().find(|l| l.contains("Foreign and information technology")).unwrap();
    let article_left = s.lines().next().unwrap().find("Article").unwrap();
    assert!(line.find("Foreign and").unwrap() > article_left + 20, "centred in the pane:\n{line}");
    insta::assert_snapshot!(s);
}

#[test]
fn zoomed_article_80x24() {
    let s = screen(80, 24, "z");
    assert!(!s.contains("Articles"), "the list is gone");
    insta::assert_snapshot!(s);
}

#[test]
fn reading_on_with_j_and_space_80x24() {
    // J from the article reads the second; Space pages it.
    insta::assert_snapshot!(screen(80, 24, "<Enter>J<Space>"));
}

#[test]
fn help_80x24_cuts_nothing_without_an_ellipsis() {
    let s = screen(80, 24, "?");
    // The longest help line does not fit the 72 columns inside the overlay at 80x24.
    assert!(s.contains("   Enter                read the article; on a person, list their articl… "), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn remapped_help_120x60_shows_the_keys_in_force() {
    // Tall enough that the help's first sections, where the remapped keys are, fit.
    let s = remapped(120, 60, "<F2>");
    assert!(s.contains("F2                   this help"), "{s}");
    assert!(s.contains("C-z A-z              the article alone"), "{s}");
    assert!(!s.contains("? F1"), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn remapped_flow_80x24() {
    // C-n reads the next article from the article pane; the old J does nothing; the status
    // bar's hints name the keys in force.
    let s = remapped(80, 24, "<Enter>J<C-n>");
    assert!(s.contains("Articles 2/2"), "{s}");
    assert!(s.lines().last().unwrap().contains("F2 help"), "{s}");
    assert!(s.lines().last().unwrap().contains("Q quit"), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn remapped_250x70_left_aligned_at_60_columns() {
    let s = remapped(250, 70, "<Enter><C-z>");
    // Inside the border, before the scrollbar: a margin column and at most 60 of text.
    let widest = s
        .lines()
        .skip(1)
        .take(60)
        .map(|l| l.chars().skip(1).take(246).collect::<String>().trim_end().chars().count())
        .max();
    assert_eq!(widest, Some(1 + 60), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn a_query_longer_than_the_bar_keeps_its_end_in_view_after_an_ellipsis() {
    let s = screen(40, 12, "/the international community should work together");
    let bar = s.lines().last().unwrap();
    assert!(bar.starts_with("/…") && bar.contains("work together"), "{bar:?}");
}
