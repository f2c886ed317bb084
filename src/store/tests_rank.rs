//! Ranking by relevance where bm25 is flat: words in nearly every article of a large library.

use super::*;
use crate::article::{Article, ArticleId};

/// Article `i`, dated `i` days after the first: "Desk" in its headline for the five oldest,
/// "report" in every body, "desk" in the body of four in five.
fn numbered(i: i64) -> Article {
    let title = if i < 5 { format!("Desk report {i}") } else { format!("Bulletin {i}") };
    let desk = if i % 5 == 0 { "" } else { " from the desk" };
    Article {
        id: ArticleId::from_stored(format!("test:{i}")),
        hash: format!("{i:016x}"),
        path: format!("/wire/{i}.txt"),
        title,
        paragraphs: vec![format!("Wire report number {i}{desk}.")],
        ..Article::default()
    }
}

fn add_range(store: &mut SqliteStore, range: std::ops::Range<i64>) {
    let articles: Vec<Article> = range.map(numbered).collect();
    let batch: Vec<NewArticle<'_>> =
        articles.iter().map(|a| NewArticle::new(a, &[], Some(1_400_000_000 + a_day(a)))).collect();
    store.upsert(&batch).expect("upsert");
}

fn a_day(a: &Article) -> i64 {
    a.path.trim_start_matches("/wire/").trim_end_matches(".txt").parse::<i64>().expect("numbered") * 86_400
}

fn top(store: &SqliteStore, text: &str, n: usize) -> (Vec<String>, Vec<f64>) {
    let hits = store.search(&query::parse(text).expect("parses"), Order::Relevance, n).expect("search");
    (hits.iter().map(|h| h.row.id.as_str().to_string()).collect(), hits.iter().map(|h| h.score).collect())
}

#[test]
fn a_word_in_nearly_every_article_of_a_large_library_ties_and_comes_newest_first() {
    let mut store = SqliteStore::in_memory().expect("open");
    // A small library ranks exactly: the headline matches first though they are the oldest.
    add_range(&mut store, 0..10);
    let headlines: Vec<String> = (0..5).map(|i| format!("test:{i}")).collect();
    let (mut ids, scores) = top(&store, "report", 5);
    ids.sort();
    assert_eq!(ids, headlines);
    assert!(scores.iter().all(|s| *s < 0.0), "bm25 scores: {scores:?}");

    add_range(&mut store, 10..list::FLAT_LIBRARY);
    // "report" is in every article: bm25 is flat, every match ties, the newest come first.
    let last = list::FLAT_LIBRARY - 1;
    let (ids, scores) = top(&store, "report", 3);
    assert_eq!(ids, [last, last - 1, last - 2].map(|i| format!("test:{i}")));
    assert_eq!(scores, [0.0; 3]);
    // The same with a condition, and the next page goes on where the first stopped.
    store
        .set_starred(&[ArticleId::from_stored("test:7".into()), ArticleId::from_stored("test:8".into())], true)
        .unwrap();
    assert_eq!(top(&store, "report is:starred", 5).0, ["test:8", "test:7"]);
    let page = store.articles_page(&Filter::Query(query::parse("report").unwrap()), Order::Relevance, 3, 2).unwrap();
    assert_eq!(
        page.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
        [last - 3, last - 4].map(|i| format!("test:{i}"))
    );

    // By date, either way, through the date index.
    let oldest = store.search(&query::parse("report").unwrap(), Order::Oldest, 2).unwrap();
    assert_eq!(oldest.iter().map(|h| h.row.id.as_str()).collect::<Vec<_>>(), ["test:0", "test:1"]);

    // "desk" is in four articles in five: still ranked exactly, the headlines first.
    let (mut ids, scores) = top(&store, "desk", 5);
    ids.sort();
    assert_eq!(ids, headlines);
    assert!(scores.iter().all(|s| *s < 0.0), "bm25 scores: {scores:?}");
    // And with "report" beside it: one expression that is not flat keeps the exact order.
    let mut both = top(&store, "report desk", 5).0;
    both.sort();
    assert_eq!(both, headlines);
}
