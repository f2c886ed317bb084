//! One test per kind of miss found on unseen copy (issue 13, item 5), each on sentences written
//! for it with names that appear in no fixture.

use super::{Person, extract};
use crate::article::{Article, parse};

fn body(paragraphs: &[&str]) -> Article {
    Article { paragraphs: paragraphs.iter().map(|s| (*s).to_string()).collect(), ..Default::default() }
}

fn find<'a>(people: &'a [Person], name: &str) -> Option<&'a Person> {
    people.iter().find(|p| p.name == name)
}

fn by<'a>(people: &'a [Person], name: &str) -> &'a Person {
    find(people, name).unwrap_or_else(|| panic!("{name} missing: {people:#?}"))
}

#[test]
fn an_occupation_before_a_name_is_the_role() {
    let people = extract(&body(&[
        "Volcanologist Ingeborg Salte said the crater had widened. Statistician Amal Haddad disagreed.",
    ]));
    assert_eq!(by(&people, "Ingeborg Salte").role.as_deref(), Some("Volcanologist"));
    assert_eq!(by(&people, "Amal Haddad").role.as_deref(), Some("Statistician"));
    // A Swedish surname is no job.
    let people = extract(&body(&["Maja Bergkvist said the ice was thin."]));
    assert!(find(&people, "Maja Bergkvist").is_some(), "{people:#?}");
}

#[test]
fn a_title_that_is_a_given_name_or_part_of_the_name() {
    let people = extract(&body(&[
        "Dean Ostrowski, who farms near the river, said the wells were dry. Ostrowski said more.",
        "Qatari Energy Minister Sheikh Khalid bin Hamad said output would rise. Sheikh Khalid spoke in Doha.",
    ]));
    let dean = by(&people, "Dean Ostrowski");
    assert_eq!((dean.role.as_deref(), dean.mentions), (None, 2));
    let sheikh = by(&people, "Sheikh Khalid bin Hamad");
    assert_eq!(sheikh.role.as_deref(), Some("Qatari Energy Minister"));
    assert_eq!(sheikh.mentions, 2);
}

#[test]
fn a_nationality_before_a_name_neither_joins_nor_hides_it() {
    let people = extract(&body(&[
        "Norwegian Sigrid Aalberg won the stage, ahead of Portuguese Tiago Ferreira and Swede Linnea Dahl.",
    ]));
    for name in ["Sigrid Aalberg", "Tiago Ferreira"] {
        assert!(find(&people, name).is_some(), "{name}: {people:#?}");
    }
    assert!(people.iter().all(|p| !p.name.starts_with("Norwegian") && !p.name.starts_with("Swede")), "{people:#?}");
}

#[test]
fn places_markets_and_organisations_are_no_people() {
    let people = extract(&body(&[
        "Kwame Boateng of Ghana, a former trade envoy, said talks had stalled.",
        "Gunmen attacked the village of Tabit in the state of Darfur, a monitoring group said.",
        "Brent crude rose while German Bund yields fell and Urals crude slipped.",
        "German Bunds and Italian BTPs fell.",
    ]));
    let kwame = by(&people, "Kwame Boateng");
    assert_eq!(kwame.role.as_deref(), Some("former trade envoy"));
    assert_eq!(people.len(), 1, "{people:#?}");
}

#[test]
fn results_scorers_and_squads() {
    let people = extract(&body(&[
        "1. Marit Holmsen (Norway) 24:10.3 2. Ilona Varga (Hungary) 24:15.8",
        "Rapid 2 (Okafor 14th, Vukovic 90+3), Sturm 1 (Hierlander 61st)",
        "Rapid: Hedl; Auer, Cvetkovic, Raux, Bolla; Grgic, Sattlberger, Kara.",
    ]));
    for name in ["Marit Holmsen", "Ilona Varga", "Okafor", "Vukovic", "Hierlander", "Hedl", "Cvetkovic", "Kara"] {
        assert!(find(&people, name).is_some(), "{name}: {people:#?}");
    }
    assert!(find(&people, "Rapid").is_none() && find(&people, "Sturm").is_none(), "{people:#?}");
}

#[test]
fn french_quotes_attributions_and_roles() {
    let people = extract(&body(&[
        "« Nous irons jusqu'au bout », a déclaré Hélène Marchetti, porte-parole de la FSU.",
        "Le président du Conseil constitutionnel, Laurent Fabius, n'a pas réagi. Le président a quitté la salle.",
        "Marine Le Pen a dénoncé « une provocation ». Le gouvernement n'a pas répondu.",
    ]));
    let h = by(&people, "Hélène Marchetti");
    assert_eq!(h.role.as_deref(), Some("porte-parole de la FSU"));
    assert_eq!(h.quotes, ["Nous irons jusqu'au bout"]);
    assert_eq!(by(&people, "Laurent Fabius").role.as_deref(), Some("président du Conseil constitutionnel"));
    let le_pen = by(&people, "Marine Le Pen");
    assert_eq!(le_pen.mentions, 1, "{le_pen:#?}");
    assert!(!le_pen.aliases.iter().any(|a| a == "Le"), "{le_pen:#?}");
}

#[test]
fn a_han_name_in_parentheses_is_an_alias() {
    let people =
        extract(&body(&["Vice Premier Liu Guozhong (刘国中) met the delegation. 刘国中 said trade had grown."]));
    let liu = by(&people, "Liu Guozhong");
    assert!(liu.aliases.iter().any(|a| a == "刘国中"), "{liu:#?}");
    assert_eq!(liu.mentions, 2);
}

#[test]
fn world_given_names_and_bylines_of_two() {
    let people = extract(&body(&["Bohdan Kravets stood at the gate. Later Mirela Dragomir arrived."]));
    for name in ["Bohdan Kravets", "Mirela Dragomir"] {
        assert!(find(&people, name).is_some(), "{name}: {people:#?}");
    }
    let a = parse("Head\n\nBy ANNA KOWAL and JOAO PIRES Associated Press\n\nLISBON (AP) — Rain fell.\n", "x.txt");
    let people = extract(&a);
    assert!(find(&people, "Anna Kowal").is_some() && find(&people, "Joao Pires").is_some(), "{people:#?}");
    let a = parse("Head\n\nRain fell all day.\n\nbur-pab/jmt/as\nrain.desk@agency.example.com\n", "x.txt");
    assert!(extract(&a).is_empty() && a.credits.is_empty(), "{:?}", a.credits);
}
