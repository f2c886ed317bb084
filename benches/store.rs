//! The library on disk: 100,000 generated articles (~350 MB of text). Opening it to the first
//! page of the list, searching it (a word, a phrase and a person each in ~1 % of the articles,
//! and a word in all of them), adding 10,000 articles (parse, people, index), and its size.
//!
//! The 100,000-article library takes minutes to build on 2 cores, so it is built once and kept
//! under `target/bench-store/`, keyed by a hash of the generator, this bench's additions and the
//! schema; delete the directory to rebuild. `cargo bench --bench store`; results in
//! BENCHMARKS.md.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Instant;

use cyberreader::article::{Article, ArticleId, parse};
use cyberreader::people::{self, Person};
use cyberreader::store::{
    self, BATCH, Filter, NewArticle, Order, PeopleSort, SCHEMA_VERSION, SqliteStore, Store, query,
};
use divan::{Bencher, black_box};
use rayon::prelude::*;

mod corpus;

const LIBRARY_SIZE: usize = 100_000;

/// The library's size: `BENCH_STORE_ARTICLES` when set (a quicker build), else 100,000.
fn library_size() -> usize {
    std::env::var("BENCH_STORE_ARTICLES").ok().and_then(|s| s.parse().ok()).unwrap_or(LIBRARY_SIZE)
}
const ADDED: usize = 10_000;
/// Bump when the text this file adds to the corpus changes.
const ADDITIONS_VERSION: u64 = 3;

/// One article in a hundred carries each of these, at different places, so each matches ~1 %.
const RARE_WORD: &str = "cyberattack";
const RARE_PHRASE: &str = "joint naval exercise";
const RARE_PERSON: &str = "Kang Kyung-wha";
/// Named in one article in five, for a person's page at its largest.
const COMMON_PERSON: &str = "Lee Nak-yon";

fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3))
}

/// Article `i` of a generated library (`seed` tells libraries apart), as a file would hold it.
fn text(rng: &mut corpus::Rng, i: usize) -> String {
    let size = 2_600 + rng.below(2_400);
    let mut text = corpus::article(rng, size);
    let cut = text.rfind("(Reporting").unwrap_or(text.len());
    let mut extra = String::new();
    if i % 100 == 7 {
        extra.push_str(&format!("Officials said a {RARE_WORD} on the network was under investigation.\n\n"));
    }
    if i % 100 == 31 {
        extra.push_str(&format!("The two navies will hold a {RARE_PHRASE} next month, the ministry said.\n\n"));
    }
    if i % 100 == 59 {
        extra.push_str(&format!("Foreign Minister {RARE_PERSON} said on Monday that the talks would resume.\n\n"));
    }
    if i % 5 == 3 {
        extra.push_str(&format!("Prime Minister {COMMON_PERSON} said on Tuesday the budget would pass.\n\n"));
    }
    text.insert_str(cut, &extra);
    text
}

/// Parses and finds the people of `texts` in parallel, as the app's import does (people with
/// their mentions counted in the text shown, `store::people_of`).
fn prepare(texts: &[(String, String)]) -> Vec<(Article, Vec<Person>)> {
    texts
        .par_iter()
        .map(|(name, text)| {
            let mut article = parse(text, name);
            article.id = ArticleId::file(Path::new(name));
            article.hash = format!("{:016x}", fnv(text.as_bytes()));
            let people = people::extract_with_mentions(&article);
            (article, people)
        })
        .collect()
}

/// A spread of dates over ~2 years, not in the order the articles are added.
fn date_of(i: usize) -> i64 {
    1_356_998_400 + ((i * 7_919) % LIBRARY_SIZE) as i64 * 600
}

/// Adds `count` generated articles from `seed` to `store` in batches of `store::BATCH`: each
/// batch is generated, parsed and its people found (in parallel) on one thread while the batch
/// before is written on this one, as the app's import overlaps them. Returns the bytes of text
/// added.
fn add_generated(store: &mut SqliteStore, seed: u64, prefix: &str, count: usize) -> u64 {
    let mut bytes = 0;
    store::overlapped(
        |send| {
            let mut rng = corpus::Rng::new(seed);
            for start in (0..count).step_by(BATCH) {
                let texts: Vec<(String, String)> = (start..(start + BATCH).min(count))
                    .map(|i| (format!("/bench/{prefix}/article-{i:06}.txt"), text(&mut rng, i)))
                    .collect();
                let size = texts.iter().map(|(_, t)| t.len() as u64).sum::<u64>();
                if !send((start, size, prepare(&texts))) {
                    break;
                }
            }
        },
        |(start, size, prepared): (usize, u64, Vec<(Article, Vec<Person>)>)| {
            bytes += size;
            let batch: Vec<NewArticle<'_>> = prepared
                .iter()
                .enumerate()
                .map(|(j, (a, p))| NewArticle::new(a, p, Some(date_of(start + j))))
                .collect();
            store.upsert(&batch).map(drop)
        },
    )
    .expect("every batch is stored");
    bytes
}

/// The 100,000-article library, built once per generator version, and its text's bytes.
fn library() -> &'static (PathBuf, u64) {
    static LIBRARY: OnceLock<(PathBuf, u64)> = OnceLock::new();
    LIBRARY.get_or_init(|| {
        let schema = [
            include_str!("../src/store/migrations/001_base.sql"),
            include_str!("../src/store/migrations/002_history_saved_session.sql"),
            include_str!("../src/store/migrations/003_feed_moves.sql"),
            include_str!("../src/store/migrations/004_persons.sql"),
            include_str!("../src/store/migrations/005_feed_errors.sql"),
        ]
        .concat();
        let key = fnv(include_str!("corpus/mod.rs").as_bytes())
            ^ fnv(schema.as_bytes())
            ^ ADDITIONS_VERSION
            ^ (SCHEMA_VERSION as u64) << 56;
        let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| PathBuf::from("target"), PathBuf::from);
        let dir = target.join("bench-store");
        let size = library_size();
        let path = dir.join(format!("library-{key:016x}-{size}.db"));
        let bytes_file = path.with_extension("bytes");
        let recorded = std::fs::read_to_string(&bytes_file).ok().and_then(|s| s.trim().parse::<u64>().ok());
        if let Some(bytes) = recorded.filter(|_| path.exists()) {
            return (path, bytes);
        }
        std::fs::create_dir_all(&dir).expect("create target/bench-store");
        let _ = std::fs::remove_file(&path);
        eprintln!("building the {size}-article library in {} (once)...", path.display());
        let start = Instant::now();
        let mut store = SqliteStore::open(&path).expect("create the library");
        let bytes = add_generated(&mut store, 100_000, "library", size);
        drop(store);
        eprintln!("built in {:.1} s", start.elapsed().as_secs_f64());
        std::fs::write(&bytes_file, bytes.to_string()).expect("record the text size");
        (path, bytes)
    })
}

fn open() -> SqliteStore {
    SqliteStore::open(&library().0).expect("the library opens")
}

fn main() {
    let (path, bytes) = library();
    let store = open();
    // Fold the write-ahead log into the file so its size is the library's.
    store.checkpoint().expect("checkpoint");
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    eprintln!(
        "library: {} articles, {:.1} MB of text, database {:.1} MB = {:.2}x the text",
        store.counts().expect("counts").total,
        *bytes as f64 / 1e6,
        size as f64 / 1e6,
        size as f64 / *bytes as f64
    );
    for q in
        [RARE_WORD, &format!("\"{RARE_PHRASE}\""), &format!("person:\"{RARE_PERSON}\""), "the", "nego*", "president"]
    {
        let parsed = query::parse(q).expect("parses");
        let n = store.count(&Filter::Query(parsed)).expect("count");
        eprintln!("{q:>28}: {n} articles ({:.2} %)", n as f64 * 100.0 / library_size() as f64);
    }
    drop(store);
    if std::env::var_os("BENCH_STORE_BREAKDOWN").is_some() {
        breakdown();
    }
    divan::main();
}

/// One run of adding 10,000 articles, timed by stage, each alone: generating, parsing with
/// people (rayon), storing and indexing (one thread); then the whole as `add_10k_to_empty`
/// does it, the stages overlapped. Wall time, and the CPU time the stage took (all threads of
/// the process), which other work on the machine changes less.
fn breakdown() {
    let stage = |what: &str, wall: Instant, cpu: f64| {
        eprintln!("  {what}: {:.2} s wall, {:.2} s CPU", wall.elapsed().as_secs_f64(), process_cpu() - cpu);
    };
    eprintln!("adding 10,000 articles, by stage:");
    let mut rng = corpus::Rng::new(7);
    let (start, cpu) = (Instant::now(), process_cpu());
    let texts: Vec<(String, String)> =
        (0..ADDED).map(|i| (format!("/bench/added/article-{i:06}.txt"), text(&mut rng, i))).collect();
    stage("generate", start, cpu);
    let (start, cpu) = (Instant::now(), process_cpu());
    let prepared = prepare(&texts);
    stage("parse and people (rayon)", start, cpu);
    let dir = tempfile::tempdir().expect("temporary directory");
    let mut store = SqliteStore::open(&dir.path().join("library.db")).expect("create");
    let (start, cpu) = (Instant::now(), process_cpu());
    for chunk in prepared.chunks(BATCH) {
        let batch: Vec<NewArticle<'_>> = chunk.iter().map(|(a, p)| NewArticle::new(a, p, None)).collect();
        store.upsert(&batch).expect("stored");
    }
    stage("store and index", start, cpu);
    drop(store);
    let dir = tempfile::tempdir().expect("temporary directory");
    let mut store = SqliteStore::open(&dir.path().join("library.db")).expect("create");
    let (start, cpu) = (Instant::now(), process_cpu());
    add_generated(&mut store, 7, "added", ADDED);
    stage("all of it, overlapped", start, cpu);
}

/// Opening the file and reading what the first screen shows: the first page of the list
/// (newest first) and the counts.
#[divan::bench(sample_count = 20)]
fn first_page(bencher: Bencher) {
    library();
    bencher.bench_local(|| {
        let store = open();
        let page = store.articles_page(&Filter::All, Order::Newest, 0, 100).expect("page");
        let counts = store.counts().expect("counts");
        (page, counts)
    });
}

/// The top 50 by relevance, with snippets. `the` and `nego*` are in nearly every article (bm25
/// is flat: newest first); `president`, in over a third, is ranked by bm25 over all its matches.
#[divan::bench(args = ["cyberattack", "\"joint naval exercise\"", "person:\"Kang Kyung-wha\"", "the", "nego*", "president"], sample_count = 20)]
fn search_top_50(bencher: Bencher, q: &str) {
    let store = open();
    let parsed = query::parse(q).expect("parses");
    bencher.bench_local(|| black_box(store.search(&parsed, Order::Relevance, 50).expect("search")));
}

/// The same by date, newest first.
#[divan::bench(args = ["cyberattack", "the"], sample_count = 20)]
fn search_top_50_by_date(bencher: Bencher, q: &str) {
    let store = open();
    let parsed = query::parse(q).expect("parses");
    bencher.bench_local(|| black_box(store.search(&parsed, Order::Newest, 50).expect("search")));
}

/// 10,000 new articles (~35 MB): generate, parse and find people in parallel, store and index,
/// into an empty library in a temporary directory.
#[divan::bench(sample_count = 3, sample_size = 1)]
fn add_10k_to_empty(bencher: Bencher) {
    bencher
        .with_inputs(|| {
            let dir = tempfile::tempdir().expect("temporary directory");
            let store = SqliteStore::open(&dir.path().join("library.db")).expect("create");
            (dir, store)
        })
        .bench_local_values(|(dir, mut store)| {
            add_generated(&mut store, 7, "added", ADDED);
            (dir, store)
        });
}

/// The same, into a copy of the 100,000-article library (the index is large already).
#[divan::bench(sample_count = 2, sample_size = 1)]
fn add_10k_to_library(bencher: Bencher) {
    bencher
        .with_inputs(|| {
            let dir = tempfile::tempdir().expect("temporary directory");
            let copy = dir.path().join("library.db");
            std::fs::copy(&library().0, &copy).expect("copy the library");
            let store = SqliteStore::open(&copy).expect("open the copy");
            (dir, store)
        })
        .bench_local_values(|(dir, mut store)| {
            add_generated(&mut store, 8, "added", ADDED);
            (dir, store)
        });
}

/// Opening the people view: the first 100 people by articles, and by recency.
#[divan::bench(args = ["articles", "recency", "name"], sample_count = 20)]
fn people_list(bencher: Bencher, sort: &str) {
    let sort = match sort {
        "recency" => PeopleSort::Recency,
        "name" => PeopleSort::Name,
        _ => PeopleSort::Articles,
    };
    library();
    bencher.bench_local(|| {
        let store = open();
        black_box(store.people_page("", sort, 0, 100).expect("people"))
    });
}

/// Typing a filter in the people view.
#[divan::bench(sample_count = 20)]
fn people_list_filtered(bencher: Bencher) {
    let store = open();
    bencher.bench_local(|| black_box(store.people_page("kang", PeopleSort::Articles, 0, 100).expect("people")));
}

/// A person's page: roles, timeline, quotes and associates, for someone in ~1 % of the
/// articles and someone in 20 %.
#[divan::bench(args = [RARE_PERSON, COMMON_PERSON], sample_count = 10)]
fn person_page(bencher: Bencher, name: &str) {
    let store = open();
    let id = store
        .people_page(name, PeopleSort::Articles, 0, 10)
        .expect("people")
        .into_iter()
        .find(|p| p.name == name)
        .expect("the person is in the library")
        .id;
    bencher.bench_local(|| black_box(store.person(id).expect("page").expect("known")));
}

/// The CPU time of this process so far (every thread, ended ones too), in seconds: user and
/// system time from `/proc/self/stat`, in clock ticks of 1/100 s (Linux; 0 elsewhere).
fn process_cpu() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // The fields after the command name (which is in parentheses and may hold spaces).
    let fields: Vec<&str> =
        stat.rsplit_once(')').map(|(_, rest)| rest.split_whitespace().collect()).unwrap_or_default();
    let ticks = |i: usize| fields.get(i).and_then(|f| f.parse::<f64>().ok()).unwrap_or(0.0);
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
    (ticks(11) + ticks(12)) / 100.0
}
