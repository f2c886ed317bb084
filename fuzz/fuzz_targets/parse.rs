//! Arbitrary bytes through the decoder and the parser: no panic, and nothing the sanitizer
//! removes (controls, escape sequences, bidi and format characters) nor any line end survives
//! in the article.
#![no_main]

use cyberreader::article::{Article, decode, is_removed, parse};
use libfuzzer_sys::fuzz_target;

fn check(field: &str) {
    assert!(!field.chars().any(|c| is_removed(c) || c.is_control()), "undrawable character in {field:?}");
}

fn check_article(a: &Article) {
    check(&a.title);
    for s in [&a.deck, &a.byline, &a.rights].into_iter().flatten() {
        check(s);
    }
    if let Some(d) = &a.dateline {
        for s in [&d.place, &d.date, &d.agency].into_iter().flatten() {
            check(s);
        }
    }
    for s in a.paragraphs.iter().chain(&a.credits) {
        check(s);
    }
}

fuzz_target!(|data: &[u8]| {
    if let Ok((text, _)) = decode(data) {
        let article = parse(&text, "fuzz.txt");
        check_article(&article);
        for person in cyberreader::people::extract(&article) {
            check(&person.name);
        }
    }
    // The parser takes any string, decoded or not.
    check_article(&parse(&String::from_utf8_lossy(data), "fuzz.txt"));
});
