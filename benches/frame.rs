//! Interactive costs: one key and the frame it draws, search, and what opening a large article
//! costs; with ratatui's `Paragraph` drawing the same article as the baseline.
//!
//! The articles are generated at run time (see `corpus/mod.rs`): a 4 KB one and a 2 MB one.
//! `cargo bench --bench frame`; see BENCHMARKS.md for the results.

use std::sync::LazyLock;

use cyberreader::app::{Action, App, Panes, Reading, SidebarPref, layout};
use cyberreader::article::{Article, Library, parse};
use cyberreader::text::{Doc, find, wrap_doc};
use cyberreader::ui::{Screen, Theme};
use divan::{Bencher, black_box};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::text::{Line, Text};
use ratatui::widgets::{Paragraph, Wrap};

mod corpus;

fn main() {
    divan::main();
}

static SMALL: LazyLock<Article> = LazyLock::new(|| parse(&corpus::small(), "bench/small.txt"));
static LARGE: LazyLock<Article> = LazyLock::new(|| parse(&corpus::large(), "bench/large.txt"));

/// Where in the article the key is pressed.
#[derive(Debug, Clone, Copy)]
enum Pos {
    Top,
    Middle,
    End,
}

const POSITIONS: [Pos; 3] = [Pos::Top, Pos::Middle, Pos::End];

/// The reader on one article, focused on the article pane and scrolled to `pos`, drawn once.
struct Reader {
    app: App,
    terminal: Terminal<TestBackend>,
    theme: Theme,
}

impl Reader {
    fn new(article: &Article, (w, h): (u16, u16), pos: Pos) -> Self {
        let library = Library { articles: vec![article.clone()], problems: vec![] };
        let mut app = App::new(library, (w, h));
        app.update(Action::FocusNext);
        match pos {
            Pos::Top => {}
            Pos::End => app.update(Action::Bottom),
            Pos::Middle => {
                let middle = app.max_top_row() / 2;
                while app.top_row() < middle {
                    app.update(Action::PageDown);
                }
            }
        }
        let terminal = Terminal::new(TestBackend::new(w, h)).expect("an off-screen terminal");
        let mut reader = Self { app, terminal, theme: Theme::new(true) };
        reader.draw();
        reader
    }

    fn draw(&mut self) {
        let (app, theme) = (&self.app, &self.theme);
        self.terminal.draw(|f| f.render_widget(Screen { app, theme }, f.area())).expect("an off-screen draw");
    }

    /// One key, alternately Down and Up so the position stays put over millions of iterations
    /// (at the top the Up, at the end the Down, does not move), then the frame it draws.
    fn bench(mut self, bencher: Bencher) {
        let mut down = true;
        bencher.bench_local(|| {
            self.app.update(if down { Action::Down } else { Action::Up });
            down = !down;
            self.draw();
        });
    }
}

/// One key (Down or Up) in the article pane, then `Terminal::draw` of the whole screen.
mod key_frame {
    use super::*;

    #[divan::bench(args = POSITIONS)]
    fn article_4kb_120x40(bencher: Bencher, pos: Pos) {
        Reader::new(&SMALL, (120, 40), pos).bench(bencher);
    }

    #[divan::bench(args = POSITIONS)]
    fn article_4kb_250x70(bencher: Bencher, pos: Pos) {
        Reader::new(&SMALL, (250, 70), pos).bench(bencher);
    }

    #[divan::bench(args = POSITIONS)]
    fn article_2mb_120x40(bencher: Bencher, pos: Pos) {
        Reader::new(&LARGE, (120, 40), pos).bench(bencher);
    }

    #[divan::bench(args = POSITIONS)]
    fn article_2mb_250x70(bencher: Bencher, pos: Pos) {
        Reader::new(&LARGE, (250, 70), pos).bench(bencher);
    }
}

/// The baseline: the 2 MB article as one ratatui `Paragraph` (wrap, no trim, scrolled to the row
/// the reader would show), drawn into the article pane's text area of a 250×70 terminal. The
/// `Text` is built once; each frame clones it (lines borrow the article) as `Paragraph::new`
/// takes it by value.
mod baseline_paragraph {
    use super::*;

    #[divan::bench(args = [Pos::Top, Pos::End])]
    fn article_2mb_250x70(bencher: Bencher, pos: Pos) {
        let reader = Reader::new(&LARGE, (250, 70), pos);
        let area = match reader.app.panes() {
            Panes::Panes(p) => p.article_text(),
            Panes::TooSmall => unreachable!("250x70 has panes"),
        };
        let row = u16::try_from(reader.app.top_row()).unwrap_or(u16::MAX);
        let doc = &reader.app.current.as_ref().expect("an article is shown").doc;
        let text = Text::from(doc.blocks.iter().map(|b| Line::raw(b.text.as_str())).collect::<Vec<_>>());
        let mut terminal = Terminal::new(TestBackend::new(250, 70)).expect("an off-screen terminal");
        bencher.bench_local(|| {
            terminal
                .draw(|f| {
                    let p = Paragraph::new(text.clone()).wrap(Wrap { trim: false }).scroll((row, 0));
                    f.render_widget(p, area);
                })
                .expect("an off-screen draw");
        });
    }
}

/// `text::find` over the 2 MB article's document (the case-folded copy already made, as it is
/// after the first search), and once more on a fresh document that has to fold first.
mod search {
    use super::*;

    fn doc() -> Doc {
        let doc = Doc::from_article(&LARGE);
        let _ = find(&doc, "warm up the folded copy");
        doc
    }

    /// "the": 27,257 matches (words and parts of words), lower case so case is ignored.
    #[divan::bench]
    fn common_the(bencher: Bencher) {
        let doc = doc();
        bencher.bench_local(|| find(&doc, black_box("the")).len());
    }

    /// "Lavrov": a name, 361 matches, capitalised so matched exactly.
    #[divan::bench]
    fn rare_name_exact(bencher: Bencher) {
        let doc = doc();
        bencher.bench_local(|| find(&doc, black_box("Lavrov")).len());
    }

    /// "pyongyang": not in the article at all, case ignored.
    #[divan::bench]
    fn absent_word(bencher: Bencher) {
        let doc = doc();
        bencher.bench_local(|| find(&doc, black_box("pyongyang")).len());
    }

    /// "the" on a document searched for the first time: the case-folded copy is made too.
    #[divan::bench(sample_count = 20)]
    fn common_the_first_search(bencher: Bencher) {
        bencher.with_inputs(|| Doc::from_article(&LARGE)).bench_local_values(|doc| find(&doc, black_box("the")).len());
    }

    /// Typing "/the" then Enter in the reader at 250×70, with the frames drawn after each key.
    #[divan::bench(sample_count = 20)]
    fn typed_in_the_reader(bencher: Bencher) {
        bencher.with_inputs(|| Reader::new(&LARGE, (250, 70), Pos::Top)).bench_local_values(|mut r| {
            for action in
                [Action::StartSearch, Action::Insert('t'), Action::Insert('h'), Action::Insert('e'), Action::Accept]
            {
                r.app.update(action);
                r.draw();
            }
            r
        });
    }
}

/// What showing the 2 MB article costs once (when it is opened, or the width changes).
mod open_2mb {
    use super::*;

    /// The document built from the article.
    #[divan::bench(sample_count = 20)]
    fn build_doc(bencher: Bencher) {
        bencher.bench_local(|| Doc::from_article(&LARGE));
    }

    /// The document wrapped to the article pane's width at 250×70.
    #[divan::bench(sample_count = 20)]
    fn wrap(bencher: Bencher) {
        let doc = Doc::from_article(&LARGE);
        let width = match layout(250, 70, SidebarPref::Auto, &Reading::default()) {
            Panes::Panes(p) => p.article_text().width,
            Panes::TooSmall => unreachable!("250x70 has panes"),
        };
        bencher.bench_local(|| wrap_doc(&doc, width).len());
    }

    /// The people of the article, as the sidebar shows them.
    #[divan::bench(sample_count = 10)]
    fn people(bencher: Bencher) {
        bencher.bench_local(|| cyberreader::people::extract(&LARGE).len());
    }

    /// `App::new` and the first frame at 250×70: document, wrap, people for the sidebar.
    #[divan::bench(sample_count = 10)]
    fn first_frame_250x70(bencher: Bencher) {
        let theme = Theme::new(true);
        bencher.with_inputs(|| LARGE.clone()).bench_local_values(|article| {
            let app = App::new(Library { articles: vec![article], problems: vec![] }, (250, 70));
            let mut terminal = Terminal::new(TestBackend::new(250, 70)).expect("an off-screen terminal");
            terminal
                .draw(|f| f.render_widget(Screen { app: &app, theme: &theme }, f.area()))
                .expect("an off-screen draw");
            app
        });
    }

    /// A resize from 250×70 to 120×40 and back, drawing each: two re-wraps.
    #[divan::bench(sample_count = 10)]
    fn resize_and_back(bencher: Bencher) {
        let mut r = Reader::new(&LARGE, (250, 70), Pos::Middle);
        bencher.bench_local(|| {
            for (w, h) in [(120, 40), (250, 70)] {
                r.app.update(Action::Resize(w, h));
                r.terminal.backend_mut().resize(w, h);
                r.draw();
            }
        });
    }
}
