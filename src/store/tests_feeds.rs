//! Feeds in the library: validators and moves remembered, retention that spares starred items,
//! and items found again by id or link.

use super::*;
use crate::article::parse;
use crate::store::{NewArticle, Order, Store, query};

const DAY: i64 = 86_400;

/// Adds items `0..n` of `feed`, item `i` dated `i` days after the epoch's 1000th day.
fn add_items(store: &mut SqliteStore, feed: &StoredFeed, n: usize) -> Vec<ArticleId> {
    let articles: Vec<_> = (0..n)
        .map(|i| {
            let mut a = parse(&format!("Item {i}\n\nSEOUL (Yonhap) -- Text number {i}."), &feed.url);
            a.id = ArticleId::feed_item(&feed.url, &format!("guid-{i}"));
            a.hash = format!("h{i}");
            a
        })
        .collect();
    let links: Vec<String> = (0..n).map(|i| format!("https://news.example/{i}")).collect();
    let batch: Vec<NewArticle<'_>> = articles
        .iter()
        .zip(&links)
        .enumerate()
        .map(|(i, (a, link))| NewArticle {
            feed: Some(feed.id),
            link: Some(link),
            published: Some(1000 * DAY + i64::try_from(i).unwrap() * DAY),
            ..NewArticle::new(a, &[], None)
        })
        .collect();
    store.upsert(&batch).unwrap();
    articles.into_iter().map(|a| a.id).collect()
}

#[test]
fn a_feed_is_added_once_and_remembers_its_validators_and_its_move() {
    let mut store = SqliteStore::in_memory().unwrap();
    let feed = store.feed_or_add("https://a.example/rss").unwrap();
    assert_eq!(store.feed_or_add("https://a.example/rss").unwrap().id, feed.id);
    assert_eq!(feed.etag, None);
    store.set_feed_fetched(feed.id, Some("Wire"), Some("\"v1\""), Some("Tue, 01 Jan 2030 00:00:00 GMT")).unwrap();
    store.set_feed_moved(feed.id, "https://b.example/rss").unwrap();
    let again = store.feed("https://a.example/rss").unwrap().unwrap();
    assert_eq!(again.title.as_deref(), Some("Wire"));
    assert_eq!(again.etag.as_deref(), Some("\"v1\""));
    assert_eq!(again.last_modified.as_deref(), Some("Tue, 01 Jan 2030 00:00:00 GMT"));
    assert_eq!(again.moved_to.as_deref(), Some("https://b.example/rss"));
    // A fetch without a title keeps the one known; validators the server dropped are cleared.
    store.set_feed_fetched(feed.id, None, None, None).unwrap();
    let again = store.feed("https://a.example/rss").unwrap().unwrap();
    assert_eq!((again.title.as_deref(), again.etag), (Some("Wire"), None));
    assert!(store.feed("https://other.example/").unwrap().is_none());
}

#[test]
fn retention_drops_the_oldest_and_the_too_old_but_never_a_starred_item() {
    let mut store = SqliteStore::in_memory().unwrap();
    let feed = store.feed_or_add("https://a.example/rss").unwrap();
    let ids = add_items(&mut store, &feed, 10);
    store.set_starred(&[ids[0].clone()], true).unwrap();
    assert_eq!(store.prune_feed(feed.id, Retention::default()).unwrap(), 0);
    // The newest 4 stay (items 6 to 9), and the starred oldest one.
    assert_eq!(store.prune_feed(feed.id, Retention { max_items: Some(4), older_than: None }).unwrap(), 5);
    let left: Vec<_> = (0..10).filter(|&i| store.article(&ids[i]).unwrap().is_some()).collect();
    assert_eq!(left, [0, 6, 7, 8, 9]);
    // Items dated before day 1008 go, except the starred one.
    let cutoff = Retention { max_items: None, older_than: Some(1008 * DAY) };
    assert_eq!(store.prune_feed(feed.id, cutoff).unwrap(), 2);
    let left: Vec<_> = (0..10).filter(|&i| store.article(&ids[i]).unwrap().is_some()).collect();
    assert_eq!(left, [0, 8, 9]);
    // Dropped items are gone from searches too.
    let q = query::parse("number").unwrap();
    assert_eq!(store.search(&q, Order::Newest, 50).unwrap().len(), 3);
}

#[test]
fn an_item_is_found_again_by_id_else_by_link() {
    let mut store = SqliteStore::in_memory().unwrap();
    let feed = store.feed_or_add("https://a.example/rss").unwrap();
    let ids = add_items(&mut store, &feed, 3);
    assert_eq!(store.find_item(Some(&ids[1]), None).unwrap(), Some(ids[1].clone()));
    let unknown = ArticleId::feed_item("https://a.example/rss", "nope");
    assert_eq!(store.find_item(Some(&unknown), Some("https://news.example/2")).unwrap(), Some(ids[2].clone()));
    assert_eq!(store.find_item(Some(&unknown), Some("https://news.example/9")).unwrap(), None);
    assert_eq!(store.find_item(None, None).unwrap(), None);
}
