//! Loading: 10,000 articles (~35 MB) from a directory, the first screen, `--json`; and the
//! hostile inputs, a 50 MB file and a single 5 MB line.
//!
//! The corpora are generated into a temporary directory at run time (see `corpus/mod.rs`).
//! `cargo bench --bench load`; see BENCHMARKS.md for the results.
//!
//! With `BENCH_WRITE_CORPUS=DIR` set, the binary only writes the corpora into `DIR` and exits:
//! `scripts/bench-process.sh` uses that for the whole-process timings.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use cyberreader::app::{Action, App};
use cyberreader::article::{Article, Library, load_paths, parse};
use cyberreader::text::{Doc, find, wrap_doc};
use cyberreader::ui::{Screen, Theme};
use divan::{Bencher, black_box};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

mod corpus;

fn main() {
    if let Some(dir) = std::env::var_os("BENCH_WRITE_CORPUS") {
        write_corpora(Path::new(&dir));
        return;
    }
    eprintln!("generating the corpora...");
    let (dir, bytes) = corpus::corpus_dir();
    eprintln!("10,000 articles, {:.1} MB, in {}", *bytes as f64 / 1e6, dir.display());
    divan::main();
    corpus::remove_scratch();
}

/// The corpora for `scripts/bench-process.sh`: `DIR/10k/` (10,000 articles), `DIR/big/` (one
/// 50 MB article), `DIR/line/` (one 5 MB line), `DIR/large/` (a 2 MB article), `DIR/small/` (4 KB).
fn write_corpora(dir: &Path) {
    let sub = |name: &str| {
        let d = dir.join(name);
        std::fs::create_dir_all(&d).expect("create a corpus directory");
        d
    };
    let bytes = corpus::write_corpus(&sub("10k"), 10_000);
    std::fs::write(sub("big").join("big.txt"), big_text()).expect("write big.txt");
    std::fs::write(sub("line").join("line.txt"), line_text()).expect("write line.txt");
    std::fs::write(sub("large").join("large.txt"), corpus::large()).expect("write large.txt");
    std::fs::write(sub("small").join("small.txt"), corpus::small()).expect("write small.txt");
    println!("{bytes}");
}

fn big_text() -> String {
    corpus::article(&mut corpus::Rng::new(50), 50 * 1024 * 1024)
}

fn line_text() -> String {
    corpus::one_line(&mut corpus::Rng::new(5), 5 * 1024 * 1024)
}

fn paths() -> Vec<PathBuf> {
    corpus::corpus_paths()
}

fn loaded() -> &'static [Article] {
    static ARTICLES: LazyLock<Vec<Article>> =
        LazyLock::new(|| load_paths(&paths()).expect("the corpus loads").articles);
    &ARTICLES
}

/// The first screen as the interactive reader draws it: people are found on a thread of their
/// own, which is joined when the value is dropped (after divan has stopped the clock).
struct ReaderFirstFrame(#[allow(dead_code)] App, Option<std::thread::JoinHandle<()>>);

impl Drop for ReaderFirstFrame {
    fn drop(&mut self) {
        if let Some(worker) = self.1.take() {
            let _ = worker.join();
        }
    }
}

fn reader_first_frame(library: Library, (w, h): (u16, u16)) -> ReaderFirstFrame {
    let mut app = App::new(library, (w, h));
    let worker = app.extract_people_in_background(|_| {}).ok();
    draw_once(&app, (w, h));
    ReaderFirstFrame(app, worker)
}

fn draw_once(app: &App, (w, h): (u16, u16)) {
    let theme = Theme::new(true);
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("an off-screen terminal");
    terminal.draw(|f| f.render_widget(Screen { app, theme: &theme }, f.area())).expect("an off-screen draw");
}

fn first_frame(library: Library, (w, h): (u16, u16)) -> App {
    let app = App::new(library, (w, h));
    draw_once(&app, (w, h));
    app
}

/// One key and the frame it draws, over and over: Down and Up in turn, so the position stays put.
fn down_up_frames(bencher: Bencher, mut app: App, (w, h): (u16, u16)) {
    let theme = Theme::new(true);
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("an off-screen terminal");
    let mut down = false;
    bencher.bench_local(|| {
        app.update(if down { Action::Down } else { Action::Up });
        down = !down;
        terminal.draw(|f| f.render_widget(Screen { app: &app, theme: &theme }, f.area())).expect("an off-screen draw");
    });
}

/// 10,000 articles of 2.3 to 4.8 KB (~35 MB) in one directory.
mod ten_thousand {
    use super::*;

    /// `load_paths` on the directory: list, read, decode, parse (in parallel).
    #[divan::bench(sample_count = 10)]
    fn load(bencher: Bencher) {
        let paths = paths();
        bencher.bench_local(|| load_paths(&paths).expect("the corpus loads").articles.len());
    }

    /// What the user waits for: load, `App::new`, and the first frame at 250×70 (the first
    /// article wrapped, its people extracted for the sidebar).
    #[divan::bench(sample_count = 10)]
    fn first_screen_250x70(bencher: Bencher) {
        let paths = paths();
        bencher.bench_local(|| first_frame(load_paths(&paths).expect("the corpus loads"), (250, 70)));
    }

    /// The same as the interactive reader does it: the sidebar says "Finding people…" until
    /// the background thread has them.
    #[divan::bench(sample_count = 10)]
    fn first_screen_250x70_reader(bencher: Bencher) {
        let paths = paths();
        bencher.bench_local(|| reader_first_frame(load_paths(&paths).expect("the corpus loads"), (250, 70)));
    }

    /// `json::write` of the loaded articles into a sink: people of every article (in parallel),
    /// the cross-article index, and the pretty-printed JSON, as `--json` streams it.
    #[divan::bench(sample_count = 5)]
    fn json_render(bencher: Bencher) {
        let articles = loaded();
        bencher.bench_local(|| cyberreader::json::write(articles, std::io::sink()).expect("JSON"));
    }

    /// `--json` as a whole, written into a sink: load, then write.
    #[divan::bench(sample_count = 5)]
    fn json_load_and_render(bencher: Bencher) {
        let paths = paths();
        bencher.bench_local(|| {
            let library = load_paths(&paths).expect("the corpus loads");
            cyberreader::json::write(&library.articles, std::io::sink()).expect("JSON");
        });
    }

    /// People extraction alone over the 10,000 articles, in parallel as `--json` does it.
    #[divan::bench(sample_count = 5)]
    fn people_all(bencher: Bencher) {
        use rayon::prelude::*;
        let articles = loaded();
        bencher.bench_local(|| articles.par_iter().map(|a| cyberreader::people::extract(a).len()).sum::<usize>());
    }

    /// Moving down the list: each key shows another article (document, wrap, people), then the
    /// frame; at 250×70, alternately Down and Up between the first two articles.
    #[divan::bench]
    fn list_key_frame_250x70(bencher: Bencher) {
        let app = first_frame(Library { articles: loaded().to_vec(), problems: vec![] }, (250, 70));
        down_up_frames(bencher, app, (250, 70));
    }

    /// The same at the end of the list (key G first): the list's cost does not grow with it.
    #[divan::bench]
    fn list_key_frame_250x70_end(bencher: Bencher) {
        let mut app = first_frame(Library { articles: loaded().to_vec(), problems: vec![] }, (250, 70));
        app.update(Action::Bottom);
        down_up_frames(bencher, app, (250, 70));
    }
}

/// One 50 MB article (~130,000 paragraphs) in a file.
mod file_50mb {
    use super::*;

    static DIR: LazyLock<PathBuf> = LazyLock::new(|| {
        let dir = corpus::scratch().join("big");
        std::fs::create_dir_all(&dir).expect("create the big file's directory");
        std::fs::write(dir.join("big.txt"), big_text()).expect("write big.txt");
        dir
    });

    /// `load_paths` on the file: read, decode, parse.
    #[divan::bench(sample_count = 3)]
    fn load(bencher: Bencher) {
        let paths = vec![DIR.join("big.txt")];
        bencher.bench_local(|| load_paths(&paths).expect("the file loads"));
    }

    /// Load, `App::new` (document, wrap) and the first frame at 250×70 (people for the sidebar).
    #[divan::bench(sample_count = 3)]
    fn first_screen_250x70(bencher: Bencher) {
        let paths = vec![DIR.join("big.txt")];
        bencher.bench_local(|| first_frame(load_paths(&paths).expect("the file loads"), (250, 70)));
    }

    /// The same as the interactive reader does it, people found in the background.
    #[divan::bench(sample_count = 3)]
    fn first_screen_250x70_reader(bencher: Bencher) {
        let paths = vec![DIR.join("big.txt")];
        bencher.bench_local(|| reader_first_frame(load_paths(&paths).expect("the file loads"), (250, 70)));
    }

    /// One key and frame at the end of it, at 250×70.
    #[divan::bench(sample_count = 20)]
    fn key_frame_end_250x70(bencher: Bencher) {
        let paths = vec![DIR.join("big.txt")];
        let mut app = first_frame(load_paths(&paths).expect("the file loads"), (250, 70));
        app.update(Action::FocusNext);
        app.update(Action::Bottom);
        down_up_frames(bencher, app, (250, 70));
    }
}

/// One paragraph of 5 MB on a single line, no line break anywhere.
mod line_5mb {
    use super::*;

    static TEXT: LazyLock<String> = LazyLock::new(line_text);
    static ARTICLE: LazyLock<Article> = LazyLock::new(|| parse(&TEXT, "bench/line.txt"));

    #[divan::bench(sample_count = 5)]
    fn parse_it(bencher: Bencher) {
        bencher.bench_local(|| parse(black_box(&TEXT), "bench/line.txt"));
    }

    #[divan::bench(sample_count = 5)]
    fn wrap(bencher: Bencher) {
        let doc = Doc::from_article(&ARTICLE);
        bencher.bench_local(|| wrap_doc(&doc, 157).len());
    }

    #[divan::bench(sample_count = 10)]
    fn search_the(bencher: Bencher) {
        let doc = Doc::from_article(&ARTICLE);
        let _ = find(&doc, "warm up");
        bencher.bench_local(|| find(&doc, black_box("the")).len());
    }

    #[divan::bench(sample_count = 5)]
    fn people(bencher: Bencher) {
        bencher.bench_local(|| cyberreader::people::extract(&ARTICLE).len());
    }

    /// `App::new` and the first frame at 250×70.
    #[divan::bench(sample_count = 5)]
    fn first_frame_250x70(bencher: Bencher) {
        bencher
            .with_inputs(|| ARTICLE.clone())
            .bench_local_values(|a| first_frame(Library { articles: vec![a], problems: vec![] }, (250, 70)));
    }
}
