//! Fixtures written for these tests (no real articles): agency styles, bylines, credits,
//! non-ASCII names, Hangul, quotes in every form, and things that are not people.

use super::{Person, extract, index, mention_forms};
use crate::article::Article;
use proptest::prelude::*;

fn body(paragraphs: &[&str]) -> Article {
    Article { paragraphs: paragraphs.iter().map(|s| (*s).to_string()).collect(), ..Default::default() }
}

fn names(people: &[Person]) -> Vec<&str> {
    people.iter().map(|p| p.name.as_str()).collect()
}

fn by<'a>(people: &'a [Person], name: &str) -> &'a Person {
    people.iter().find(|p| p.name == name).unwrap_or_else(|| panic!("{name} missing: {people:#?}"))
}

#[test]
fn ap_style_senator_with_party_tag() {
    let a = body(&[
        "WASHINGTON (AP) — Sen. Ron Wyden, D-Ore., said Tuesday the bill would not pass the Senate.",
        "“We are not going to rubber-stamp this,” Wyden said. “Not this week, not ever.”",
        "The White House declined to comment, and the Federal Reserve said nothing.",
    ]);
    let people = extract(&a);
    assert_eq!(names(&people), ["Ron Wyden"], "{people:#?}");
    let p = &people[0];
    assert_eq!(p.role.as_deref(), Some("Sen., D-Ore."));
    assert_eq!(p.mentions, 2);
    assert_eq!(p.quotes, ["We are not going to rubber-stamp this", "Not this week, not ever."]);
}

#[test]
fn reuters_style_apposition_and_credits() {
    let mut a = body(&[
        "SEOUL (Reuters) - South Korea's central bank held rates steady on Thursday, as expected.",
        "\"Inflation is cooling faster than we thought,\" said Mina Kovacs, a senior economist at Harbor Street Capital in Singapore.",
        "Deputy governor Lee Seung-hun told reporters the Bank of Korea would stay watchful. Lee, speaking after the vote, added that exports were recovering.",
        "The KOSPI rose 0.4 percent while the Dow Jones Industrial Average slipped. Goldman Sachs said it expected two cuts.",
    ]);
    a.credits = vec!["Reporting by Jae Kim and Hyonhee Shin; Editing by Tom Ashby".to_string()];
    let people = extract(&a);
    assert_eq!(names(&people), ["Mina Kovacs", "Lee Seung-hun", "Jae Kim", "Hyonhee Shin", "Tom Ashby"], "{people:#?}");
    let mina = by(&people, "Mina Kovacs");
    assert_eq!(mina.role.as_deref(), Some("senior economist at Harbor Street Capital in Singapore"));
    assert_eq!(mina.quotes, ["Inflation is cooling faster than we thought"]);
    let lee = by(&people, "Lee Seung-hun");
    assert_eq!((lee.role.as_deref(), lee.mentions), (Some("Deputy governor"), 2));
    assert_eq!(lee.aliases, ["Lee"]);
    assert!(by(&people, "Tom Ashby").role.is_none());
}

#[test]
fn yonhap_style_hangul_and_korean_names() {
    let a = body(&[
        "SEOUL, March 3 (Yonhap) -- Unification Minister Kwon Young-se (권영세) met civic leaders on Monday at Cheong Wa Dae.",
        "\"Dialogue must continue,\" Kwon said, adding that the National Assembly would vote next week.",
        "한지민 (Han Ji-min), a spokeswoman for the ministry, said the talks went well. 한지민 later declined to elaborate.",
    ]);
    let people = extract(&a);
    assert_eq!(names(&people), ["Kwon Young-se", "Han Ji-min"], "{people:#?}");
    let kwon = &people[0];
    assert_eq!(kwon.role.as_deref(), Some("Unification Minister"));
    assert_eq!(kwon.mentions, 2);
    assert_eq!(kwon.aliases, ["권영세", "Kwon"]);
    assert_eq!(kwon.quotes, ["Dialogue must continue"]);
    let han = &people[1];
    assert_eq!(han.role.as_deref(), Some("spokeswoman for the ministry"));
    assert_eq!(han.mentions, 2);
    assert!(mention_forms(han).contains(&"한지민"));
}

#[test]
fn afp_style_accents_hyphens_and_pre_quote_attribution() {
    let a = body(&[
        "PARIS (AFP) - French Foreign Minister Jean-Luc Marchand-Roux met his Spanish counterpart José Álvarez-Núñez on Friday in Paris.",
        "Marchand-Roux said: \"We share the same goals.\"",
        "Álvarez-Núñez, who arrived late, said the Era of Global Happiness campaign was not discussed.",
        "Irish novelist Zoë O'Brien, president of the Dublin Writers Association, also attended.",
    ]);
    let people = extract(&a);
    assert_eq!(names(&people), ["Jean-Luc Marchand-Roux", "José Álvarez-Núñez", "Zoë O'Brien"], "{people:#?}");
    let jl = &people[0];
    assert_eq!((jl.role.as_deref(), jl.mentions), (Some("French Foreign Minister"), 2));
    assert_eq!(jl.quotes, ["We share the same goals."]);
    assert_eq!(people[1].mentions, 2);
    assert_eq!(people[2].role.as_deref(), Some("Irish novelist"));
}

#[test]
fn bylined_feature_with_middle_initial_and_courtesy_titles() {
    let mut a = body(&[
        "Every morning, Martha J. Quinlan opens her bakery before dawn.",
        "\"Bread doesn't wait for anybody,\" she said, dusting flour from her apron.",
        "Ms. Quinlan, 64, learned the trade from her father. Her neighbor, Dr. Felix Brandt, buys a loaf daily.",
        "\"She is the heart of this street,\" said Dr. Brandt.",
        "Overall, Wrapping up the season, the Riverside Park Committee thanked volunteers.",
    ]);
    a.byline = Some("Priya Raman and Oskar Lind".to_string());
    let people = extract(&a);
    assert_eq!(names(&people), ["Priya Raman", "Oskar Lind", "Martha J. Quinlan", "Felix Brandt"], "{people:#?}");
    let martha = by(&people, "Martha J. Quinlan");
    assert_eq!(martha.mentions, 2);
    assert_eq!(martha.aliases, ["Quinlan"]);
    assert_eq!(martha.quotes, ["Bread doesn't wait for anybody"]);
    assert!(martha.role.is_none());
    let felix = by(&people, "Felix Brandt");
    assert_eq!(felix.mentions, 2);
    assert_eq!(felix.quotes, ["She is the heart of this street"]);
}

#[test]
fn surname_first_then_full_name_is_one_person_with_fullest_name() {
    let a = body(&[
        "President Okafor arrived in Geneva on Sunday.",
        "Adebayo Okafor, speaking after the vote, said the deal was fair.",
        "\"It is done,\" Okafor said.",
    ]);
    let people = extract(&a);
    assert_eq!(names(&people), ["Adebayo Okafor"], "{people:#?}");
    assert_eq!(people[0].mentions, 3);
    assert_eq!(people[0].role.as_deref(), Some("President"));
    assert_eq!(people[0].aliases, ["Okafor"]);
    assert_eq!(people[0].quotes, ["It is done"]);
}

#[test]
fn multi_paragraph_quote_continues_to_the_same_speaker() {
    let a = body(&[
        "Analyst Greta Holm said the market was nervous. \"Investors hate surprises,\" Holm said.",
        "\"First they sell. Then they ask questions.",
        "\"That is how it has always been.\"",
        "\"Nobody knows,\" the ministry said.",
    ]);
    let people = extract(&a);
    assert_eq!(names(&people), ["Greta Holm"]);
    assert_eq!(
        people[0].quotes,
        ["Investors hate surprises", "First they sell. Then they ask questions.", "That is how it has always been."]
    );
}

#[test]
fn traps_are_not_people() {
    let a = body(&[
        "The Seoul Conference on Cyberspace opened at COEX, and the Ministry of Foreign Affairs released the Seoul Principles and Best Practices and the Seoul Frameworks and Commitments.",
        "On Thursday, officials from the United Nations, the Yonhap News Agency and the Bank of Korea met at Cheong Wa Dae, the White House and Downing Street.",
        "The National Assembly and the Senate debated. Wall Street fell as the Dow Jones Industrial Average and the KOSPI slid; Samsung Electronics and Goldman Sachs said little.",
        "South Korean officials said the Internet was key. Secretary General said nothing. Wrapping up, Overall the Era of Global Happiness campaign ended.",
        "South Korea, Seoul, London, the Netherlands, Hungary and England sent delegates. Friday was quiet.",
        "South Korea's vice foreign minister said the talks went well.",
        "Morgan Stanley said it saw risks. Federal Reserve officials declined to comment. Amnesty International said.",
    ]);
    let people = extract(&a);
    assert!(people.is_empty(), "{people:#?}");
}

#[test]
fn headline_words_alone_are_not_people() {
    let a = Article {
        title: "Kim Ji-ho Wins Gold As Crowds Cheer".to_string(),
        paragraphs: vec!["The crowd cheered the winner.".to_string()],
        ..Default::default()
    };
    assert!(extract(&a).is_empty());
}

#[test]
fn pronoun_is_not_a_mention_but_attributes_a_quote() {
    let a = body(&[
        "British Foreign Secretary Helen Marsh spoke first. \"Norms matter,\" she said.",
        "She added that she was hopeful.",
    ]);
    let people = extract(&a);
    assert_eq!(people.len(), 1);
    assert_eq!(people[0].mentions, 1);
    assert_eq!(people[0].quotes, ["Norms matter"]);
}

#[test]
fn relative_clause_ends_apposition_and_chinese_order() {
    let a = body(&[
        "Chinese Premier Li Wenbo met Omar Haddad, president of the Levant Traders Association, which hosted the talks.",
        "Li told reporters the meeting was useful. Haddad agreed.",
    ]);
    let people = extract(&a);
    assert_eq!(names(&people), ["Li Wenbo", "Omar Haddad"], "{people:#?}");
    assert_eq!(people[0].mentions, 2);
    assert_eq!(people[0].role.as_deref(), Some("Chinese Premier"));
    assert_eq!(people[1].role.as_deref(), Some("president of the Levant Traders Association"));
    assert_eq!(people[1].mentions, 2);
}

#[test]
fn index_merges_by_unambiguous_alias_only() {
    let arts = [
        Article { id: "1".into(), ..body(&["South Korean President Hwang Mi-rae spoke. Hwang said more."]) },
        Article { id: "2".into(), ..body(&["President Hwang visited Busan."]) },
        Article { id: "3".into(), ..body(&["Reporter Jo Tran wrote. Professor Ana Tran replied. Mr. Tran left."]) },
    ];
    let people: Vec<Vec<Person>> = arts.iter().map(extract).collect();
    assert_eq!(names(&people[1]), ["Hwang"]);
    let all = index(&arts, &people);
    let hwang = all.iter().find(|s| s.name == "Hwang Mi-rae").map(|s| (s.roles.clone(), s.articles.clone()));
    assert_eq!(
        hwang,
        Some((vec!["South Korean President".to_string(), "President".to_string()], vec!["1".into(), "2".into()]))
    );
}

#[test]
fn big_inputs_stay_linear() {
    let para = "Minister Ana Lopez said \"yes,\" Lopez said. The Seoul Forum met. ".repeat(40_000);
    let a = Article { paragraphs: vec![para; 2], ..Default::default() };
    let t = std::time::Instant::now();
    let people = extract(&a);
    assert!(t.elapsed().as_secs() < 20, "{:?}", t.elapsed());
    assert_eq!(people.len(), 1);
    assert_eq!(people[0].mentions, 160_000);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn never_panics(title in ".{0,40}", byline in ".{0,40}", paras in prop::collection::vec(
        "([A-Z][a-z]{0,6}|[a-z]{1,6}|[\"“”'’,.:;()\\-]|박근혜|Ki-moon| ){0,60}|.{0,120}", 0..5)) {
        let a = Article { title, byline: Some(byline.clone()), credits: vec![byline], paragraphs: paras, ..Default::default() };
        for p in extract(&a) {
            prop_assert!(!p.name.is_empty());
            prop_assert!(p.mentions >= 1);
        }
    }
}

#[test]
fn a_name_ending_in_a_function_word_with_a_capital() {
    let a = body(&[
        "HANOI (AFP) - Hundreds gathered on Sunday, said Nguyen Van An, a 34-year-old office worker who rode the first train.",
        "\"We want clean air,\" An said. An official at the ministry declined to comment.",
        "An said the trip took 20 minutes.",
    ]);
    let people = extract(&a);
    assert_eq!(names(&people), ["Nguyen Van An"], "{people:#?}");
    let an = &people[0];
    assert_eq!((an.mentions, an.quotes.as_slice()), (3, &["We want clean air".to_string()][..]));
    assert_eq!(an.role.as_deref(), Some("34-year-old office worker"), "the relative clause closes the description");
}

#[test]
fn a_family_word_after_a_possessive_is_a_role() {
    let a = body(&[
        "North Korean leader Kim Jong-un watched the launch, and his sister Kim Yo-jong issued a statement.",
        "Akio Toyoda stepped down. Toyoda's son Daisuke Toyoda was not at the meeting, and his son said nothing.",
    ]);
    let people = extract(&a);
    assert_eq!(by(&people, "Kim Yo-jong").role.as_deref(), Some("his sister"), "{people:#?}");
    assert_eq!(by(&people, "Daisuke Toyoda").role.as_deref(), Some("Toyoda's son"), "{people:#?}");
    assert_eq!(by(&people, "Kim Jong-un").role.as_deref(), Some("North Korean leader"));
}
