//! The two bundled Yonhap articles, split by hand (the parser is tested elsewhere).

use super::{Person, extract, index};
use crate::article::{Article, ArticleId};

const OCT17: &str = include_str!("../../articles/yonhap-2013-10-17-un-chief-calls-for-global-cyberspace-norms.txt");
const OCT18: &str = include_str!("../../articles/yonhap-2013-10-18-officials-agree-on-online-safety-cooperation.txt");

/// Blank-line paragraphs; boilerplate and the rights line dropped, the first line the title,
/// the dateline prefix cut from the first paragraph.
fn seed(id: &str, text: &str) -> Article {
    let mut blocks = text
        .split("\n\n")
        .map(str::trim)
        .filter(|b| !b.is_empty() && !b.starts_with("Connect to share"))
        .filter(|b| !b.starts_with("<All rights reserved"));
    let title = blocks.next().unwrap_or_default().to_string();
    let mut paragraphs: Vec<String> = blocks.map(str::to_string).collect();
    if let Some(first) = paragraphs.first_mut()
        && let Some((_, rest)) = first.split_once(" -- ")
    {
        *first = rest.to_string();
    }
    Article { id: id.into(), title, paragraphs, ..Default::default() }
}

fn by<'a>(people: &'a [Person], name: &str) -> &'a Person {
    people.iter().find(|p| p.name == name).unwrap_or_else(|| panic!("{name} missing: {people:#?}"))
}

#[test]
fn oct17_people() {
    let people = extract(&seed("a", OCT17));
    let names: Vec<&str> = people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        ["Ban Ki-moon", "Yun Byung-se", "William Jefferson Hague", "Park Geun-hye", "Choi Sung-joo"],
        "{people:#?}"
    );
    let ban = by(&people, "Ban Ki-moon");
    assert_eq!(ban.role.as_deref(), Some("U.N. Secretary General"));
    assert_eq!((ban.mentions, ban.aliases.clone()), (2, vec!["Ban".to_string()]));
    assert_eq!(ban.quotes.len(), 1);
    assert!(ban.quotes[0].starts_with("We should work together to strengthen"));
    assert!(ban.quotes[0].ends_with("cyber threats"));
    let yun = by(&people, "Yun Byung-se");
    assert_eq!((yun.role.as_deref(), yun.mentions), (Some("South Korean Foreign Minister"), 2));
    let hague = by(&people, "William Jefferson Hague");
    assert_eq!((hague.role.as_deref(), hague.mentions), (Some("British Foreign Secretary"), 1));
    let park = by(&people, "Park Geun-hye");
    assert_eq!((park.role.as_deref(), park.mentions), (Some("South Korean President"), 2));
    assert_eq!(park.quotes.len(), 2, "{park:#?}");
    assert!(park.quotes[1].starts_with("And from that perspective"));
    let choi = by(&people, "Choi Sung-joo");
    assert_eq!(choi.role.as_deref(), Some("Seoul's ambassador for international security"));
    assert_eq!((choi.mentions, choi.quotes.len()), (1, 1));
}

#[test]
fn oct18_people() {
    let people = extract(&seed("b", OCT18));
    let names: Vec<&str> = people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Yun Byung-se", "Ban Ki-moon", "Cho Tae-yul", "Park Geun-hye"], "{people:#?}");
    let roles: Vec<Option<&str>> = people.iter().map(|p| p.role.as_deref()).collect();
    assert_eq!(
        roles,
        [
            Some("South Korean Minister"),
            Some("United Nations' Secretary General"),
            Some("Vice Foreign Minister"),
            Some("President")
        ]
    );
    let mentions: Vec<usize> = people.iter().map(|p| p.mentions).collect();
    assert_eq!(mentions, [1, 1, 2, 1]);
    let cho = by(&people, "Cho Tae-yul");
    assert_eq!(cho.quotes.len(), 2);
    assert_eq!(cho.aliases, ["Cho"]);
    assert!(people.iter().all(|p| p.name != "Park Geun-hye" || p.quotes.is_empty()));
}

#[test]
fn seed_index_merges_shared_people() {
    let articles = [seed("a", OCT17), seed("b", OCT18)];
    let people: Vec<Vec<Person>> = articles.iter().map(extract).collect();
    let all = index(&articles, &people);
    assert_eq!(all.len(), 6, "{all:#?}");
    for name in ["Ban Ki-moon", "Yun Byung-se", "Park Geun-hye"] {
        let s = all.iter().find(|s| s.name == name).unwrap_or_else(|| panic!("{name}"));
        assert_eq!(s.articles, [ArticleId::from("a"), ArticleId::from("b")]);
    }
    let park = all.iter().find(|s| s.name == "Park Geun-hye").map(|s| s.roles.clone());
    assert_eq!(park, Some(vec!["South Korean President".to_string(), "President".to_string()]));
}
