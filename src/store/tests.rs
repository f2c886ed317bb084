//! The library's behaviour through its trait, on in-memory and temporary databases.

use super::*;
use crate::article::{Article, ArticleId, parse};
use crate::people::{self, Person};

/// A parsed article with people, as the app would add it.
fn article(name: &str, text: &str) -> (Article, Vec<Person>) {
    let mut a = parse(text, &format!("/news/{name}.txt"));
    a.id = ArticleId::from_stored(format!("file:/news/{name}.txt"));
    a.hash = format!("{:016x}", text.len() * 31 + text.bytes().map(usize::from).sum::<usize>());
    let people = people::extract(&a);
    (a, people)
}

fn add(store: &mut SqliteStore, items: &[(Article, Vec<Person>, i64)]) -> UpsertReport {
    let batch: Vec<NewArticle<'_>> = items.iter().map(|(a, p, d)| NewArticle::new(a, p, Some(*d))).collect();
    store.upsert(&batch).expect("upsert")
}

const DAY: i64 = 86_400;
/// 2013-10-17T00:00:00Z
const OCT_17: i64 = 1_381_968_000;

fn sample() -> Vec<(Article, Vec<Person>, i64)> {
    let texts = [
        (
            "cyber",
            "UN chief calls for global cyberspace norms\n\nBy Kim Soo-yeon\n\nSEOUL, Oct. 17 (Yonhap) -- \
             U.N. Secretary-General Ban Ki-moon called Thursday for global norms in cyberspace. \
             \"We need rules,\" Ban said at the conference.\n\nForeign Minister Yun Byung-se welcomed the call.",
            OCT_17,
        ),
        (
            "talks",
            "Koreas resume talks\n\nTOKYO, Oct. 18 (Kyodo) -- The two Koreas resumed negotiations on Friday \
             after a pause. Élisabeth Borne, a French minister, attended the negotiating session.\n\n\
             남북대화를 재개했다. 中美恢复定期战略对话。",
            OCT_17 + DAY,
        ),
        (
            "summit",
            "Summit ends without sanctions deal\n\nGENEVA, Nov. 2 (AFP) -- Leaders ended the summit without \
             a deal on sanctions, officials said.\n\nPresident Angela Merkel said the talks would go on.",
            OCT_17 + 16 * DAY,
        ),
    ];
    texts
        .iter()
        .map(|(n, t, d)| {
            let (a, p) = article(n, t);
            (a, p, *d)
        })
        .collect()
}

fn id(name: &str) -> ArticleId {
    ArticleId::from_stored(format!("file:/news/{name}.txt"))
}

fn ids(rows: &[ArticleRow]) -> Vec<String> {
    rows.iter().map(|r| r.id.as_str().trim_start_matches("file:/news/").trim_end_matches(".txt").to_string()).collect()
}

#[test]
fn an_article_comes_back_whole_with_its_people() {
    let mut store = SqliteStore::in_memory().expect("open");
    let items = sample();
    assert_eq!(add(&mut store, &items), UpsertReport { added: 3, updated: 0, unchanged: 0 });
    let stored = store.article(&id("cyber")).expect("read").expect("stored");
    // The store gives back the date it sorts by as the article's date.
    assert_eq!(stored.article, Article { published: Some(OCT_17), ..items[0].0.clone() });
    assert_eq!(stored.people, items[0].1);
    assert!(stored.people.iter().any(|p| p.name == "Ban Ki-moon" && !p.quotes.is_empty()), "{:?}", stored.people);
    assert_eq!(stored.date, OCT_17);
    assert_eq!(stored.state, ArticleState::default());
    assert!(store.article(&id("missing")).expect("read").is_none());
}

#[test]
fn same_hash_is_left_alone_and_a_changed_one_is_updated_keeping_its_state() {
    let mut store = SqliteStore::in_memory().expect("open");
    let mut items = sample();
    add(&mut store, &items);
    store.set_read(&[id("talks")], true).expect("read");
    store.set_starred(&[id("talks")], true).expect("star");
    store.set_position(&id("talks"), Position { block: 3, offset: 2 }).expect("position");

    let known = store.known_hashes(&[id("talks"), id("new")]).expect("hashes");
    assert_eq!(known.len(), 1);
    assert_eq!(known[&id("talks")], items[1].0.hash);
    assert_eq!(add(&mut store, &items), UpsertReport { added: 0, updated: 0, unchanged: 3 });

    let (changed, people) = article("talks", "Koreas resume talks again\n\nSEOUL, Oct. 19 (Yonhap) -- Talks went on.");
    items[1] = (changed, people, OCT_17 + 2 * DAY);
    assert_eq!(add(&mut store, &items), UpsertReport { added: 0, updated: 1, unchanged: 2 });
    let stored = store.article(&id("talks")).expect("read").expect("stored");
    assert_eq!(stored.article.title, "Koreas resume talks again");
    assert!(stored.state.read && stored.state.starred);
    assert_eq!(stored.state.position, Position { block: 3, offset: 2 });
    // The index follows the new text: the old words are gone, the new ones found.
    let q = |s| store.search(&query::parse(s).expect("parses"), Order::Relevance, 10).expect("search");
    assert!(q("negotiating").is_empty());
    assert_eq!(q("again").len(), 1);
    assert_eq!(store.counts().expect("counts").total, 3);
}

#[test]
fn lists_page_by_date_with_filters_and_counts() {
    let mut store = SqliteStore::in_memory().expect("open");
    add(&mut store, &sample());
    let page = |store: &SqliteStore, filter: &Filter, order, offset, limit| {
        ids(&store.articles_page(filter, order, offset, limit).expect("page"))
    };
    assert_eq!(page(&store, &Filter::All, Order::Newest, 0, 10), ["summit", "talks", "cyber"]);
    assert_eq!(page(&store, &Filter::All, Order::Newest, 1, 1), ["talks"]);
    assert_eq!(page(&store, &Filter::All, Order::Oldest, 0, 2), ["cyber", "talks"]);

    store.set_read(&[id("cyber"), id("summit")], true).expect("read");
    store.set_starred(&[id("cyber")], true).expect("star");
    assert_eq!(page(&store, &Filter::Unread, Order::Newest, 0, 10), ["talks"]);
    assert_eq!(page(&store, &Filter::Starred, Order::Newest, 0, 10), ["cyber"]);
    assert_eq!(page(&store, &Filter::Person("angela merkel".into()), Order::Newest, 0, 10), ["summit"]);
    assert_eq!(store.counts().expect("counts"), Counts { total: 3, unread: 1, starred: 1 });

    let rows = store.articles_page(&Filter::Starred, Order::Newest, 0, 1).expect("page");
    assert_eq!(rows[0].place.as_deref(), Some("SEOUL"));
    assert_eq!(rows[0].agency.as_deref(), Some("Yonhap"));
    assert!(rows[0].read && rows[0].starred);

    store.set_deleted(&[id("summit")], true).expect("delete");
    assert_eq!(page(&store, &Filter::All, Order::Newest, 0, 10), ["talks", "cyber"]);
    assert_eq!(store.count(&Filter::All).expect("count"), 2);
    store.set_deleted(&[id("summit")], false).expect("undo");
    assert_eq!(store.count(&Filter::All).expect("count"), 3);

    let saved = store.save_search("Koreas", "korea* -sanctions").expect("save");
    assert_eq!(page(&store, &Filter::Saved(saved.id), Order::Newest, 0, 10), ["talks"]);
    assert!(matches!(store.count(&Filter::Saved(999)), Err(StoreError::NoSuchSavedSearch(999))));
}

fn found(store: &SqliteStore, text: &str) -> Vec<String> {
    let hits = store.search(&query::parse(text).expect("parses"), Order::Relevance, 10).expect("search");
    hits.iter()
        .map(|h| h.row.id.as_str().trim_start_matches("file:/news/").trim_end_matches(".txt").to_string())
        .collect()
}

#[test]
fn search_language() {
    let mut store = SqliteStore::in_memory().expect("open");
    add(&mut store, &sample());
    assert_eq!(found(&store, "talks"), ["talks", "summit"]);
    assert_eq!(found(&store, "talks -sanctions"), ["talks"]);
    assert_eq!(found(&store, "-sanctions"), ["talks", "cyber"]);
    assert_eq!(found(&store, "\"global norms\""), ["cyber"]);
    assert!(found(&store, "\"norms global\"").is_empty());
    assert_eq!(found(&store, "negotia*"), ["talks"]);
    assert_eq!(found(&store, "person:\"Ban Ki-moon\""), ["cyber"]);
    assert_eq!(found(&store, "person:merkel"), ["summit"]);
    assert!(found(&store, "person:\"Yun Ban\"").is_empty(), "a phrase never runs across two names");
    assert_eq!(found(&store, "place:geneva"), ["summit"]);
    // Text with nothing to index in it finds nothing; excluding it excludes nothing.
    assert!(found(&store, "\"--\"").is_empty() && found(&store, "person:\"--\"").is_empty());
    assert_eq!(found(&store, "-- talks"), ["talks", "summit"]);
    assert_eq!(found(&store, "agency:Kyodo"), ["talks"]);
    assert_eq!(found(&store, "date:2013-11"), ["summit"]);
    assert_eq!(found(&store, "after:2013-10-18 before:2013-11"), ["talks"]);
    store.set_starred(&[id("talks")], true).expect("star");
    store.set_read(&[id("summit")], true).expect("read");
    assert_eq!(found(&store, "is:starred"), ["talks"]);
    assert_eq!(found(&store, "is:unread"), ["talks", "cyber"]);
    assert_eq!(found(&store, "talks is:unread"), ["talks"]);
}

#[test]
fn accents_are_ignored_and_cjk_is_found_inside_runs() {
    let mut store = SqliteStore::in_memory().expect("open");
    add(&mut store, &sample());
    assert_eq!(found(&store, "elisabeth"), ["talks"]);
    assert_eq!(found(&store, "ÉLISABETH"), ["talks"]);
    assert_eq!(found(&store, "남북대화"), ["talks"]);
    assert_eq!(found(&store, "대화를"), ["talks"]);
    assert_eq!(found(&store, "恢复"), ["talks"]);
    assert_eq!(found(&store, "战略对话"), ["talks"]);
    assert!(found(&store, "대화남북").is_empty());
    assert!(found(&store, "对话恢复").is_empty());
}

#[test]
fn hits_carry_snippets_with_match_ranges() {
    let mut store = SqliteStore::in_memory().expect("open");
    add(&mut store, &sample());
    let hits = store.search(&query::parse("elisabeth resum*").expect("parses"), Order::Relevance, 10).expect("search");
    assert_eq!(hits.len(), 1);
    let hit = &hits[0];
    let marked: Vec<&str> = hit.snippet.matches.iter().map(|r| &hit.snippet.text[r.clone()]).collect();
    assert_eq!(marked, ["resumed", "Élisabeth"]);
    let title: Vec<&str> = hit.title_matches.iter().map(|r| &hit.row.title[r.clone()]).collect();
    assert_eq!(title, ["resume"]);
    assert!(hit.score < 0.0, "bm25 ranks: {}", hit.score);

    let hits = store.search(&query::parse("大화 恢复").expect("parses"), Order::Newest, 10).expect("search");
    assert!(hits.is_empty(), "大 alone starts no run");
    let hits = store.search(&query::parse("恢复").expect("parses"), Order::Newest, 10).expect("search");
    let snippet = &hits[0].snippet;
    assert_eq!(snippet.matches.iter().map(|r| &snippet.text[r.clone()]).collect::<Vec<_>>(), ["恢复"]);
}

#[test]
fn ranking_prefers_the_headline_then_newer() {
    let mut store = SqliteStore::in_memory().expect("open");
    let mut items = sample();
    // The same text twice, a day apart: a tie, so the newer comes first.
    let (mut twin, people) = article(
        "twin",
        "Summit ends without sanctions deal\n\nGENEVA, Nov. 3 (AFP) -- Leaders ended the summit without a deal on sanctions, officials said.\n\nPresident Angela Merkel said the talks would go on.",
    );
    twin.id = id("twin");
    items.push((twin, people, OCT_17 + 17 * DAY));
    add(&mut store, &items);
    assert_eq!(found(&store, "summit"), ["twin", "summit"]);
    let by_date = store.search(&query::parse("talks").expect("parses"), Order::Oldest, 10).expect("search");
    assert_eq!(ids(&by_date.into_iter().map(|h| h.row).collect::<Vec<_>>()), ["talks", "summit", "twin"]);
}

#[test]
fn history_saved_searches_and_session() {
    let mut store = SqliteStore::in_memory().expect("open");
    for q in ["talks", "person:Ban", "talks", "  "] {
        store.push_history(q).expect("push");
    }
    assert_eq!(store.history(10).expect("history"), ["talks", "person:Ban"]);
    assert_eq!(store.history(1).expect("history"), ["talks"]);

    assert!(matches!(store.save_search("bad", "\"open"), Err(StoreError::Query(_))));
    let a = store.save_search("Ban", "person:Ban").expect("save");
    let b = store.save_search("Ban", "person:\"Ban Ki-moon\"").expect("replace");
    assert_eq!(a.id, b.id);
    assert_eq!(store.saved_searches().expect("list"), std::slice::from_ref(&b));
    assert!(store.delete_saved_search(b.id).expect("delete"));
    assert!(store.saved_searches().expect("list").is_empty());

    assert_eq!(store.session_get("screen").expect("get"), None);
    store.session_set("screen", "reader").expect("set");
    store.session_set("screen", "search").expect("set");
    assert_eq!(store.session_get("screen").expect("get").as_deref(), Some("search"));

    let (a, p) = article("x", "A headline\n\nSome text here.");
    store.upsert(&[NewArticle::new(&a, &p, None)]).expect("add");
    assert!(store.set_last_search(&a.id, Some("text")).expect("set"));
    assert_eq!(store.state(&a.id).expect("state").expect("has state").last_search.as_deref(), Some("text"));
    assert!(!store.set_last_search(&id("nothing"), None).expect("set"));
}

#[test]
fn the_store_is_a_trait_object() {
    let mut store: Box<dyn Store> = Box::new(SqliteStore::in_memory().expect("open"));
    let items = sample();
    let batch: Vec<_> = items.iter().map(|(a, p, d)| NewArticle::new(a, p, Some(*d))).collect();
    store.upsert(&batch).expect("add");
    assert_eq!(store.count(&Filter::Unread).expect("count"), 3);
}

#[path = "tests_file.rs"]
mod file;

#[path = "tests_crash.rs"]
mod crash;

#[test]
fn ranked_pages_are_right_when_conditions_or_ties_reach_past_the_best_scores() {
    let mut store = SqliteStore::in_memory().expect("open");
    let items: Vec<_> = (0..150)
        .map(|i| {
            let (mut a, p) = article(&format!("same-{i}"), "Alpha report\n\nThe alpha text, the same in all.");
            a.id = id(&format!("same-{i}"));
            (a, p, OCT_17 + i * DAY)
        })
        .collect();
    add(&mut store, &items);
    // All tie: the newest first, though the index alone returns the ties in any order.
    assert_eq!(found(&store, "alpha")[..3], ["same-149", "same-148", "same-147"]);
    // Conditions that drop nearly all of the best-scored.
    let all: Vec<ArticleId> = (1..150).map(|i| id(&format!("same-{i}"))).collect();
    store.set_read(&all, true).expect("read");
    assert_eq!(found(&store, "alpha is:unread"), ["same-0"]);
    store.set_deleted(&[id("same-0")], true).expect("delete");
    assert!(found(&store, "alpha is:unread").is_empty());
}

/// The reader's launch reads the whole library in one pass: the same articles, in the same
/// order, each as a lookup by id gives it, deleted ones left out and full texts in place.
#[test]
fn all_articles_in_one_pass_are_what_lookups_by_id_give() {
    let mut store = SqliteStore::in_memory().expect("opens");
    let items = sample();
    add(&mut store, &items);
    let first = items[0].0.id.clone();
    let last = items[items.len() - 1].0.id.clone();
    store.set_deleted(std::slice::from_ref(&first), true).expect("deleted");
    store.set_starred(std::slice::from_ref(&last), true).expect("starred");
    let text = crate::sources::feed::FullText {
        title: None,
        byline: None,
        paragraphs: vec!["The whole page.".into()],
        links: Vec::new(),
    };
    store.set_full_text(&last, &text).expect("kept");
    let all = store.all_articles().expect("read");
    let ids: Vec<ArticleId> = store
        .articles_page(&Filter::All, Order::Oldest, 0, usize::MAX)
        .expect("page")
        .into_iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(all.iter().map(|s| s.article.id.clone()).collect::<Vec<_>>(), ids);
    assert!(!ids.contains(&first) && ids.len() == items.len() - 1);
    for stored in &all {
        let one = store.article(&stored.article.id).expect("looked up").expect("there");
        assert_eq!(stored, &one);
        assert!(!stored.people.is_empty() || one.people.is_empty());
    }
    let shown = all.iter().find(|s| s.article.id == last).expect("the starred one");
    assert!(shown.state.starred && shown.article.paragraphs.iter().any(|p| p.contains("The whole page.")));
}

#[test]
fn headers_come_a_page_at_a_time_oldest_first_each_once_and_without_text() {
    let mut store = SqliteStore::in_memory().unwrap();
    // Dates tie in threes, so a page boundary falls inside a tie.
    let items: Vec<(Article, Vec<Person>, i64)> = (0..25)
        .map(|i| {
            let (a, p) =
                article(&format!("n{i:02}.txt"), &format!("Story {i:02}\n\nSEOUL (Yonhap) -- Story {i:02} body.\n"));
            (a, p, 1_700_000_000 + i64::from(i / 3))
        })
        .collect();
    add(&mut store, &items);
    store.set_deleted(&[items[4].0.id.clone()], true).unwrap();
    let mut titles = Vec::new();
    let mut after = None;
    let mut pages = 0;
    loop {
        let page = store.headers_page(after, 10).unwrap();
        pages += 1;
        assert!(page.articles.iter().all(|s| s.article.text_in_library && s.article.paragraphs.is_empty()));
        titles.extend(page.articles.iter().map(|s| s.article.title.clone()));
        match page.next {
            Some(next) => after = Some(next),
            None => break,
        }
    }
    assert_eq!(pages, 3);
    let all: Vec<String> = store.all_headers().unwrap().into_iter().map(|s| s.article.title).collect();
    assert_eq!(titles, all);
    assert_eq!(titles.len(), 24, "the deleted one left out");
    assert!(!titles.contains(&"Story 04".to_string()));
}

#[test]
fn a_file_holding_a_bundled_story_is_that_article_not_a_second_one() {
    let bundled = crate::article::load_bundled().articles;
    let as_file = |b: &Article| {
        let mut f = b.clone();
        f.id = ArticleId::from_stored(format!("file:/home/me/news/{}.txt", f.title.len()));
        f.path = format!("/home/me/news/{}.txt", f.title.len());
        f
    };
    // Bundled first (a first run), then the same text opened as a file: one article, the file's
    // id, the state it had.
    let mut store = SqliteStore::in_memory().unwrap();
    let batch: Vec<NewArticle<'_>> = bundled.iter().map(|a| NewArticle::new(a, &[], None)).collect();
    store.upsert(&batch).unwrap();
    store.set_read(&[bundled[0].id.clone()], true).unwrap();
    let file = as_file(&bundled[0]);
    let report = store.upsert(&[NewArticle::new(&file, &[], None)]).unwrap();
    assert_eq!((report.added, report.unchanged), (0, 1));
    assert_eq!(store.counts().unwrap().total, 2);
    assert!(store.state(&file.id).unwrap().expect("the file's id").read);
    assert!(store.state(&bundled[0].id).unwrap().is_none());

    // The file first, then the bundled stories (the first run of a library filled by files):
    // the one it has is not added again.
    let mut store = SqliteStore::in_memory().unwrap();
    store.upsert(&[NewArticle::new(&file, &[], None)]).unwrap();
    store.upsert(&batch).unwrap();
    assert_eq!(store.counts().unwrap().total, 2);
    assert!(store.state(&file.id).unwrap().is_some());

    // The same hash on another text is another article: a hash alone stands in for nothing.
    let mut store = SqliteStore::in_memory().unwrap();
    store.upsert(&batch).unwrap();
    let mut forged = as_file(&bundled[0]);
    forged.paragraphs = vec!["Another story entirely.".to_string()];
    store.upsert(&[NewArticle::new(&forged, &[], None)]).unwrap();
    assert_eq!(store.counts().unwrap().total, 3);
    assert!(store.state(&bundled[0].id).unwrap().is_some());
}
