//! People across articles in the library, on hand-made articles and people.

use super::*;
use crate::article::{Article, ArticleId};
use crate::people::Person;

const DAY: i64 = 86_400;

fn who(name: &str, role: Option<&str>, mentions: usize, aliases: &[&str], quotes: &[&str]) -> Person {
    Person {
        name: name.into(),
        role: role.map(Into::into),
        mentions,
        aliases: aliases.iter().map(|a| (*a).to_string()).collect(),
        quotes: quotes.iter().map(|q| (*q).to_string()).collect(),
    }
}

fn story(n: usize, byline: Option<&str>) -> Article {
    Article {
        id: ArticleId::from_stored(format!("file:/news/{n}.txt")),
        hash: format!("h{n}"),
        path: format!("/news/{n}.txt"),
        title: format!("Story {n}"),
        byline: byline.map(Into::into),
        paragraphs: vec![format!("Body of story {n}.")],
        ..Article::default()
    }
}

fn put(store: &mut SqliteStore, items: &[(Article, Vec<Person>)]) {
    // Story n is dated day n.
    let day = |a: &Article| a.title.trim_start_matches("Story ").parse::<i64>().expect("a story");
    let batch: Vec<NewArticle<'_>> =
        items.iter().map(|(a, p)| NewArticle::new(a, p, Some(1_000_000 + day(a) * DAY))).collect();
    store.upsert(&batch).expect("upsert");
}

fn everyone(store: &SqliteStore) -> Vec<PersonRow> {
    store.people_page("", PeopleSort::Name, 0, 100).expect("people")
}

fn find(store: &SqliteStore, name: &str) -> PersonRow {
    everyone(store).into_iter().find(|p| p.name == name).unwrap_or_else(|| panic!("{name} in {:?}", everyone(store)))
}

fn names(store: &SqliteStore) -> Vec<(String, usize)> {
    everyone(store).into_iter().map(|p| (p.name, p.articles)).collect()
}

#[test]
fn a_surname_joins_only_within_an_article_and_variants_are_one_person() {
    let mut store = SqliteStore::in_memory().expect("open");
    put(
        &mut store,
        &[
            (
                story(1, None),
                vec![who("Ban Ki-moon", Some("U.N. Secretary-General"), 3, &["Ban", "반기문"], &["We need rules"])],
            ),
            (story(2, None), vec![who("Ban", None, 1, &[], &[])]),
            (story(3, None), vec![who("반기문", None, 2, &[], &[])]),
            (
                story(4, None),
                vec![who("Kim Jong-un", None, 2, &["Kim"], &[]), who("Kim Yo-jong", None, 1, &["Kim"], &[])],
            ),
            (story(5, None), vec![who("George W. Bush", None, 1, &["Bush"], &[])]),
            (story(6, None), vec![who("George Bush", None, 1, &["Bush"], &[])]),
        ],
    );
    assert_eq!(
        names(&store),
        [
            ("Ban".to_string(), 1),
            ("Ban Ki-moon".to_string(), 2),
            ("George W. Bush".to_string(), 2),
            ("Kim Jong-un".to_string(), 1),
            ("Kim Yo-jong".to_string(), 1),
        ]
    );
    let ban = store.person(find(&store, "Ban Ki-moon").id).expect("page").expect("known");
    assert_eq!(ban.aliases, ["반기문"]);
    assert_eq!(ban.articles.iter().map(|a| a.mentions).collect::<Vec<_>>(), [3, 2]);
}

#[test]
fn the_list_counts_sorts_filters_and_follows_reading() {
    let mut store = SqliteStore::in_memory().expect("open");
    put(
        &mut store,
        &[
            (
                story(1, None),
                vec![who("Angela Merkel", Some("Chancellor"), 4, &[], &[]), who("Élisabeth Borne", None, 1, &[], &[])],
            ),
            (story(2, None), vec![who("Angela Merkel", Some("former Chancellor"), 1, &[], &[])]),
            (story(3, None), vec![who("Élisabeth Borne", Some("Prime Minister"), 9, &[], &[])]),
            (story(4, None), vec![who("Élisabeth Borne", None, 1, &[], &[])]),
        ],
    );
    let by_articles = store.people_page("", PeopleSort::Articles, 0, 10).expect("page");
    assert_eq!(by_articles.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["Élisabeth Borne", "Angela Merkel"]);
    let borne = &by_articles[0];
    assert_eq!((borne.articles, borne.mentions, borne.unread), (3, 11, 3));
    // The latest article giving a role gives it, though a later one gives none.
    assert_eq!(borne.role.as_deref(), Some("Prime Minister"));
    let merkel = &by_articles[1];
    assert_eq!(merkel.role.as_deref(), Some("former Chancellor"));
    assert!(borne.last_seen > merkel.last_seen);
    let by_recency = store.people_page("", PeopleSort::Recency, 0, 10).expect("page");
    assert_eq!(by_recency[0].name, "Élisabeth Borne");
    let by_mentions = store.people_page("", PeopleSort::Mentions, 1, 10).expect("page");
    assert_eq!(by_mentions.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["Angela Merkel"]);
    let found = store.people_page("elisab", PeopleSort::Articles, 0, 10).expect("page");
    assert_eq!(found.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["Élisabeth Borne"]);
    store.set_read(&[story(3, None).id, story(1, None).id], true).expect("read");
    assert_eq!(find(&store, "Élisabeth Borne").unread, 1);
    store.set_deleted(&[story(4, None).id], true).expect("delete");
    let borne = find(&store, "Élisabeth Borne");
    assert_eq!((borne.articles, borne.mentions, borne.unread), (2, 10, 0));
    // Updating an article replaces what it said.
    let mut changed = story(2, None);
    changed.hash = "h2b".into();
    put(&mut store, &[(changed, vec![who("Élisabeth Borne", None, 2, &[], &[])])]);
    assert_eq!(find(&store, "Angela Merkel").articles, 1);
    assert_eq!(find(&store, "Élisabeth Borne").articles, 3);
}

#[test]
fn a_page_has_roles_over_time_a_timeline_quotes_and_associates_but_not_writers() {
    let mut store = SqliteStore::in_memory().expect("open");
    let mut items = Vec::new();
    for n in 1..=20 {
        let mut people = Vec::new();
        let byline = (n <= 6).then_some("By Jane Writer");
        if n <= 6 {
            let role = if n <= 3 { "Foreign Minister" } else { "Prime Minister" };
            people.push(who("Yun Byung-se", Some(role), n, &[], &[&format!("Quote {n}")]));
            people.push(who("Jane Writer", None, 1, &[], &[]));
        }
        if n <= 5 {
            people.push(who("Kang Kyung-wha", None, 1, &[], &[]));
        }
        if n % 2 == 0 {
            people.push(who("Everyone Else", None, 1, &[], &[]));
        }
        items.push((story(n, byline), people));
    }
    put(&mut store, &items);
    let yun = store.person(find(&store, "Yun Byung-se").id).expect("page").expect("known");
    assert_eq!(yun.roles.len(), 2);
    assert_eq!((yun.roles[0].role.as_str(), yun.roles[1].role.as_str()), ("Foreign Minister", "Prime Minister"));
    assert!(yun.roles[0].first < yun.roles[0].last && yun.roles[0].last < yun.roles[1].first);
    assert_eq!(yun.articles.iter().map(|a| a.mentions).collect::<Vec<_>>(), [1, 2, 3, 4, 5, 6]);
    assert_eq!(yun.quotes.len(), 6);
    assert_eq!((yun.quotes[5].text.as_str(), &yun.quotes[5].article), ("Quote 6", &story(6, None).id));
    let associates: Vec<&str> = yun.associates.iter().map(|a| a.name.as_str()).collect();
    // Kang is in 5 of Yun's 6 articles and nowhere else; the writer in all 6 but as their writer;
    // "Everyone Else", in half of all articles, is in half of Yun's: chance.
    assert_eq!(associates, ["Kang Kyung-wha"]);
    assert_eq!(yun.associates[0].shared, 5);
    let writer = store.person(find(&store, "Jane Writer").id).expect("page").expect("known");
    assert!(writer.associates.is_empty(), "{:?}", writer.associates);
    assert!(writer.articles.iter().all(|a| a.writer));
}

#[test]
fn a_merge_and_a_split_are_kept_when_articles_come_again() {
    let mut store = SqliteStore::in_memory().expect("open");
    let items = vec![
        (story(1, None), vec![who("Mohammed bin Salman", None, 2, &[], &["One"])]),
        (story(2, None), vec![who("MBS Crown Prince", None, 1, &[], &[])]),
        (story(3, None), vec![who("John Smith", Some("plumber"), 1, &[], &[])]),
        (story(4, None), vec![who("John Smith", Some("senator"), 1, &[], &[])]),
    ];
    put(&mut store, &items);
    let (a, b) = (find(&store, "Mohammed bin Salman").id, find(&store, "MBS Crown Prince").id);
    assert!(store.merge_people(a, b).expect("merge"));
    assert!(!store.merge_people(a, a).expect("merge with oneself"));
    assert_eq!(find(&store, "Mohammed bin Salman").articles, 2);
    // The second article changes and comes again: still the merged person.
    let mut again = story(2, None);
    again.hash = "h2b".into();
    put(&mut store, &[(again, vec![who("MBS Crown Prince", None, 3, &[], &[])])]);
    assert_eq!(names(&store).iter().filter(|(n, _)| n.starts_with("M")).count(), 1);
    let page = store.person(a).expect("page").expect("known");
    assert_eq!(page.articles.iter().map(|a| a.mentions).collect::<Vec<_>>(), [2, 3]);
    assert_eq!(page.aliases, ["MBS Crown Prince"]);

    // Two John Smiths: the senator's articles are split out by a name the user gives.
    let smith = find(&store, "John Smith").id;
    let mut senator_story = story(5, None);
    senator_story.hash = "h5".into();
    put(&mut store, &[(senator_story, vec![who("Senator John Smith", None, 1, &["John Smith"], &[])])]);
    let senator = store.split_person(smith, "Senator John Smith").expect("split").expect("made");
    assert_eq!(find(&store, "John Smith").articles, 2);
    let mut back = story(5, None);
    back.hash = "h5b".into();
    put(&mut store, &[(back, vec![who("Senator John Smith", None, 2, &["John Smith"], &[])])]);
    assert_eq!(store.person(senator).expect("page").expect("known").articles.len(), 1);
    assert_eq!(find(&store, "John Smith").articles, 2);
    assert_eq!(store.split_person(smith, "John Smith").expect("split"), None, "its own name");
    assert_eq!(store.split_person(9_999, "X Y").expect("split"), None, "unknown");
}

#[test]
fn a_library_of_schema_2_gets_its_people_across_articles() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("library.db");
    {
        let mut old = SqliteStore { conn: rusqlite::Connection::open(&path).expect("open"), path: path.clone() };
        old.migrate_to(2).expect("schema 2");
        // As a schema-2 build stored them: articles with their people, nothing more.
        for (a, people) in [
            (
                story(1, Some("By Jane Writer")),
                vec![
                    who("Ban Ki-moon", Some("Secretary-General"), 2, &["Ban"], &["Rules"]),
                    who("Jane Writer", None, 1, &[], &[]),
                ],
            ),
            (story(2, None), vec![who("Ban Ki-moon", None, 1, &[], &[])]),
        ] {
            old.conn
                .execute(
                    "INSERT INTO articles (id, hash, source, title, byline, added, sort_date) VALUES (?1, ?2, ?3, ?4, ?5, 0, ?6)",
                    rusqlite::params![a.id.as_str(), a.hash, a.path, a.title, a.byline, i64::from(a.hash.len() as u8)],
                )
                .expect("article");
            let key = old.conn.last_insert_rowid();
            old.conn.execute("INSERT INTO article_state (article) VALUES (?1)", [key]).expect("state");
            old.conn
                .execute("INSERT INTO article_text (article, paragraphs, credits) VALUES (?1, '[]', '[]')", [key])
                .expect("text");
            for (ord, p) in people.iter().enumerate() {
                old.conn
                    .execute(
                        "INSERT INTO people (article, ord, name, role, mentions, aliases, quotes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                        rusqlite::params![
                            key,
                            ord as i64,
                            p.name,
                            p.role,
                            p.mentions as i64,
                            serde_json::to_string(&p.aliases).expect("json"),
                            serde_json::to_string(&p.quotes).expect("json")
                        ],
                    )
                    .expect("person");
            }
        }
    }
    let store = SqliteStore::open(&path).expect("migrate");
    assert_eq!(store.version().expect("version"), SCHEMA_VERSION);
    let ban = find(&store, "Ban Ki-moon");
    assert_eq!((ban.articles, ban.mentions, ban.unread), (2, 3, 2));
    let page = store.person(ban.id).expect("page").expect("known");
    assert_eq!(page.quotes.iter().map(|q| q.text.as_str()).collect::<Vec<_>>(), ["Rules"]);
    let writer = store.person(find(&store, "Jane Writer").id).expect("page").expect("known");
    assert!(writer.articles[0].writer);
}

#[test]
fn the_count_follows_the_filter_and_a_page_names_what_articles_call_them() {
    let mut store = SqliteStore::in_memory().expect("open");
    put(
        &mut store,
        &[
            (story(1, None), vec![who("John Smith", None, 1, &[], &[]), who("Jane Roe", None, 1, &[], &[])]),
            (story(2, None), vec![who("Senator John Smith", None, 1, &["John Smith"], &[])]),
            (story(3, None), vec![who("John Smith", None, 2, &[], &[])]),
        ],
    );
    assert_eq!(store.people_count("").expect("count"), 2);
    assert_eq!(store.people_count("smith").expect("count"), 1);
    assert_eq!(store.people_count("nobody").expect("count"), 0);
    let smith = store.person(find(&store, "John Smith").id).expect("page").expect("known");
    assert_eq!(smith.names, [("John Smith".to_string(), 2), ("Senator John Smith".to_string(), 1)]);
}
