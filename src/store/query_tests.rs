use super::*;

fn clauses(input: &str) -> Vec<Clause> {
    parse(input).expect("parses").clauses
}

fn word(w: &str) -> Clause {
    Clause::Has(Text::Word(w.to_string()))
}

#[test]
fn words_phrases_negations_and_prefixes() {
    assert_eq!(
        clauses(r#"talks "foreign minister" -sanctions nego* -"joint statement""#),
        vec![
            word("talks"),
            Clause::Has(Text::Phrase("foreign minister".into())),
            Clause::Lacks(Text::Word("sanctions".into())),
            Clause::Has(Text::Prefix("nego".into())),
            Clause::Lacks(Text::Phrase("joint statement".into())),
        ]
    );
    assert!(parse("   ").expect("blank parses").is_empty());
    assert_eq!(clauses("남북대화 Élisabeth"), vec![word("남북대화"), word("Élisabeth")]);
}

#[test]
fn fields() {
    assert_eq!(
        clauses(r#"person:"Ban Ki-moon" place:Seoul AGENCY:Yonhap is:unread is:Starred"#),
        vec![
            Clause::Person("Ban Ki-moon".into()),
            Clause::Place("Seoul".into()),
            Clause::Agency("Yonhap".into()),
            Clause::Is(Flag::Unread),
            Clause::Is(Flag::Starred),
        ]
    );
    // A colon after something that is not a field name is part of a word.
    assert_eq!(clauses("10:30"), vec![word("10:30")]);
}

#[test]
fn dates_are_ranges_in_utc() {
    // 2013-10-01T00:00:00Z and 2013-11-01T00:00:00Z.
    assert_eq!(clauses("date:2013-10"), vec![Clause::Dated { from: Some(1_380_585_600), to: Some(1_383_264_000) }]);
    assert_eq!(clauses("after:2013-10-18"), vec![Clause::Dated { from: Some(1_382_054_400), to: None }]);
    assert_eq!(clauses("before:1970"), vec![Clause::Dated { from: None, to: Some(0) }]);
    assert_eq!(date_range("2012-12"), Some((1_354_320_000, 1_356_998_400)));
    assert_eq!(date_range("2024-02-29").map(|(a, b)| b - a), Some(86_400));
    assert_eq!(date_range("2023-02-29"), None);
}

fn error(input: &str) -> (usize, String) {
    let err = parse(input).expect_err("does not parse");
    (err.pos, err.to_string())
}

#[test]
fn errors_say_where_and_why() {
    let (pos, msg) = error(r#"talks "foreign minister"#);
    assert_eq!(pos, 6);
    assert!(msg.contains("never closed") && msg.contains("character 7"), "{msg}");

    let (pos, msg) = error("talks color:red");
    assert_eq!(pos, 6);
    assert!(msg.contains("unknown field \"color:\""), "{msg}");

    let (pos, msg) = error("date:2013-13");
    assert_eq!(pos, 5);
    assert!(msg.contains("\"2013-13\" is not a date"), "{msg}");

    let (pos, msg) = error("a person: b");
    assert_eq!(pos, 2);
    assert!(msg.contains("\"person:\" needs a value"), "{msg}");

    assert_eq!(error("is:old").0, 3);
    assert_eq!(error("talks - x").0, 6);
    assert_eq!(error("-person:Kim").0, 0);
    assert_eq!(error("ne*go").0, 2);
    assert_eq!(error("*").0, 0);
    assert_eq!(error(r#""a b"*"#).0, 5);
    assert_eq!(error(r#"ab"c"#).0, 2);
}
