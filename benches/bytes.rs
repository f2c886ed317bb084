//! Bytes written to the terminal per action, through the real output path (the crossterm writer
//! ratatui ships, and `cyberreader::output` writing the fewest bytes) into a byte counter, with
//! a terminal emulator (vt100) reading both and checked to show the same screen after every
//! action. `cargo bench --bench bytes` prints the table that BENCHMARKS.md records.

use cyberreader::app::Action;
use cyberreader::article::{Library, parse};
use cyberreader::output::Mode;

mod corpus;
mod screens;

use screens::{Layout, Run};

const SIZES: [(u16, u16); 3] = [(80, 24), (120, 40), (250, 70)];

/// What is measured: a name and the actions of it (their frames' bytes are added up).
const ACTIONS: [(&str, &[Action]); 6] = [
    ("line down (j)", &[Action::Down]),
    ("line up (k)", &[Action::Up]),
    ("page down (space)", &[Action::PageDown]),
    ("next match (n)", &[Action::NextMatch]),
    ("next article (h j Enter)", &[Action::FocusPrev, Action::Down, Action::Open]),
    ("resize (from 10x5 smaller)", &[]),
];

fn main() {
    let large = parse(&corpus::large(), "bench/large.txt");
    let small = parse(&corpus::small(), "bench/small.txt");
    let library = Library { articles: vec![large, small], problems: vec![] };
    println!("| size | layout | action | plain (crossterm) | fewest | screens |");
    println!("|---|---|---|---:|---:|---|");
    for (w, h) in SIZES {
        for layout in [Layout::Default, Layout::Zoomed] {
            for (name, actions) in ACTIONS {
                let search = actions.contains(&Action::NextMatch);
                let mut runs = [Mode::Plain, Mode::Fewest].map(|mode| setup(&library, (w, h), mode, layout, search));
                let mut bytes = [0usize; 2];
                for (run, total) in runs.iter_mut().zip(&mut bytes) {
                    if actions.is_empty() {
                        run.resize(w - 10, h - 5);
                        *total = run.resize(w, h);
                    } else {
                        *total = actions.iter().map(|a| run.act(*a)).sum();
                    }
                }
                let same = runs[0].visible() == runs[1].visible();
                assert!(same, "{w}x{h} {layout:?} {name}: the screens differ");
                println!(
                    "| {w}×{h} | {} | {name} | {} | {} | identical |",
                    match layout {
                        Layout::Default => "default",
                        Layout::Zoomed => "article full width",
                    },
                    bytes[0],
                    bytes[1]
                );
            }
        }
    }
}

/// The reader on the 2 MB article, focused on the article pane, halfway down, drawn once; with
/// `search`, a search for a word that recurs ("Minister") kept, its matches highlighted.
fn setup(library: &Library, size: (u16, u16), mode: Mode, layout: Layout, search: bool) -> Run {
    let mut run = Run::new(library.clone(), size, mode, layout);
    run.app.update(Action::FocusNext);
    let middle = run.app.max_top_row() / 2;
    while run.app.top_row() < middle {
        run.app.update(Action::PageDown);
    }
    if search {
        run.app.update(Action::StartSearch);
        for c in "Minister".chars() {
            run.app.update(Action::Insert(c));
        }
        run.app.update(Action::Accept);
    }
    run.draw();
    run
}
