//! The reader written to a terminal emulator (vt100) with the fewest-bytes writer and with
//! ratatui's crossterm writer: after every action of a script, across resizes and overlays (help,
//! quotes), the two screens must look the same cell for cell.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../benches/corpus/mod.rs"]
mod corpus;
#[path = "../benches/screens/mod.rs"]
mod screens;

use cyberreader::app::Action;
use cyberreader::article::{Library, load_bundled, parse};
use cyberreader::output::Mode;
use screens::{Layout, Run};

/// The bundled articles, a generated wire story, and one with wide characters and emoji.
fn library() -> Library {
    let mut library = load_bundled();
    library.articles.push(parse(&corpus::small(), "bench/small.txt"));
    let wide = "한국 외교부 장관 회담\n\nSEOUL, Oct. 17 (Yonhap) -- 박근혜 대통령 said on Thursday \
        the talks 🇰🇷 would resume 😀 next week, 日本語 text and café au lait.\n\n\
        \"We will talk,\" Foreign Minister Yun Byung-se said. 👍🏽 The ministers met in Seoul.\n";
    library.articles.push(parse(wide, "wide.txt"));
    library
}

/// Plays `script` both ways at `size`, comparing the screens after every step; returns the
/// bytes each way.
fn replay(size: (u16, u16), layout: Layout, script: &[Action]) -> (usize, usize) {
    let mut plain = Run::new(library(), size, Mode::Plain, layout);
    let mut fewest = Run::new(library(), size, Mode::Fewest, layout);
    assert_eq!(plain.visible(), fewest.visible(), "the first frame differs");
    for (i, action) in script.iter().enumerate() {
        plain.act(*action);
        fewest.act(*action);
        let (p, f) = (plain.visible(), fewest.visible());
        if p != f {
            let row = p.iter().zip(&f).position(|(a, b)| a != b).unwrap_or(0);
            panic!(
                "after step {i} ({action:?}) at {size:?}, row {row} differs:\nplain:  {}\nfewest: {}",
                p[row], f[row]
            );
        }
    }
    (plain.frames.iter().sum(), fewest.frames.iter().sum())
}

const READ: &[Action] = &[
    Action::FocusNext,
    Action::Down,
    Action::Down,
    Action::PageDown,
    Action::Up,
    Action::HalfPageDown,
    Action::PageUp,
    Action::Bottom,
    Action::Top,
    Action::StartSearch,
    Action::Insert('t'),
    Action::Insert('h'),
    Action::Insert('e'),
    Action::Accept,
    Action::NextMatch,
    Action::NextMatch,
    Action::PrevMatch,
    Action::Cancel,
    Action::FocusPrev,
    Action::Down,
    Action::Open,
    Action::Down,
    Action::Open,
    Action::FocusNext,
    Action::PageDown,
    Action::Down,
];

const OVERLAYS: &[Action] = &[
    Action::FocusNext,
    Action::Down,
    Action::ToggleHelp,
    Action::Down,
    Action::Cancel,
    Action::FocusNext,
    Action::Down,
    Action::ShowQuotes,
    Action::Down,
    Action::Cancel,
    Action::ToggleSidebar,
    Action::FocusPrev,
    Action::Down,
    Action::ToggleSidebar,
    Action::Down,
];

const RESIZES: &[Action] = &[
    Action::FocusNext,
    Action::Down,
    Action::Resize(120, 40),
    Action::Down,
    Action::Resize(60, 20),
    Action::PageDown,
    Action::Down,
    Action::Resize(250, 70),
    Action::Down,
    Action::Up,
    Action::Resize(30, 10),
    Action::Down,
    Action::Resize(20, 5),
    Action::Resize(80, 24),
    Action::ToggleHelp,
    Action::Resize(100, 30),
    Action::Cancel,
    Action::Down,
];

#[test]
fn reading_looks_the_same_at_every_size_and_costs_less() {
    for size in [(80, 24), (120, 40), (250, 70), (60, 20)] {
        let (plain, fewest) = replay(size, Layout::Default, READ);
        assert!(fewest < plain, "{size:?}: fewest {fewest} bytes, plain {plain}");
    }
}

#[test]
fn the_full_width_article_looks_the_same() {
    for size in [(80, 24), (250, 70)] {
        replay(size, Layout::Zoomed, READ);
    }
}

#[test]
fn overlays_look_the_same() {
    for size in [(80, 24), (120, 40), (250, 70)] {
        replay(size, Layout::Default, OVERLAYS);
    }
}

#[test]
fn resizes_look_the_same() {
    replay((80, 24), Layout::Default, RESIZES);
    replay((80, 24), Layout::Zoomed, RESIZES);
}

#[test]
fn a_line_down_at_250x70_beside_the_panes_writes_a_fraction() {
    let mut plain = Run::new(library(), (250, 70), Mode::Plain, Layout::Default);
    let mut fewest = Run::new(library(), (250, 70), Mode::Fewest, Layout::Default);
    for run in [&mut plain, &mut fewest] {
        run.act(Action::FocusNext);
        run.act(Action::Down);
    }
    let (p, f) = (plain.act(Action::Down), fewest.act(Action::Down));
    assert_eq!(plain.visible(), fewest.visible());
    assert!(f * 3 < p, "fewest {f} bytes, plain {p}");
}
