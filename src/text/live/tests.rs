use super::*;
use crate::text::{Block, BlockKind, find};

/// A document of `paragraphs` paragraphs of pseudo-random words (fixed seed), some capitalised.
fn doc_of(paragraphs: usize, words_per: usize) -> Doc {
    const WORDS: &[&str] = &[
        "the",
        "minister",
        "said",
        "talks",
        "would",
        "resume",
        "in",
        "Seoul",
        "after",
        "a",
        "pause",
        "of",
        "several",
        "months",
        "officials",
        "Kim",
        "told",
        "reporters",
        "on",
        "Monday",
        "aaa",
        "abab",
        "année",
        "ÉTÉ",
        "straße",
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let blocks = (0..paragraphs)
        .map(|_| {
            let text: Vec<&str> = (0..words_per).map(|_| WORDS[(next() % WORDS.len() as u64) as usize]).collect();
            Block { kind: BlockKind::Paragraph, text: text.join(" ") }
        })
        .collect();
    Doc::new(blocks)
}

#[test]
fn every_edit_gives_what_a_full_search_gives() {
    let doc = doc_of(60, 40);
    let mut live = LiveSearch::default();
    let mut query = String::new();
    // Typing, overlapping patterns, a capital turning smart case on and off, edits in the
    // middle, deleting back to nothing and starting again.
    let steps: &[(&str, usize)] = &[
        ("aaa a", 0),
        ("aaa", 0),
        ("ab", 0),
        ("abab", 0),
        ("ababab", 0),
        ("said", 0),
        ("said tal", 0),
        ("said Tal", 5),
        ("said tal", 5),
        ("said talks would", 8),
        ("said the talks would", 5),
        ("sai", 3),
        ("", 0),
        ("Kim told", 0),
        ("Kim", 3),
        ("ki", 0),
        ("kim told reporters", 2),
        ("ÉTÉ", 0),
        ("été", 0),
        ("straße", 0),
        ("année a", 0),
    ];
    for &(target, unchanged) in steps {
        // Walk there one keystroke at a time where the edit is at the end, as a user would.
        while !target.starts_with(query.as_str()) {
            let len = query.char_indices().next_back().map_or(0, |(i, _)| i);
            query.truncate(len);
            live.truncate(&doc, len);
            assert_eq!(live.matches(), find(&doc, &query), "{query:?}");
        }
        if unchanged < query.len() {
            live.edit(&doc, target, unchanged);
            query = target.to_string();
        }
        for c in target[query.len()..].chars() {
            query.push(c);
            live.push(&doc, c);
            assert_eq!(live.matches(), find(&doc, &query), "{query:?}");
        }
        assert_eq!(live.query(), target);
        assert_eq!(live.matches(), find(&doc, target), "{target:?}");
    }
}

/// Pasting a 100 KB query a character at a time into a 2 MB article, and deleting it a character
/// at a time, costs a few passes over the article in all, not one per keystroke (which would be
/// 10^5 passes: 2 × 10^11 units).
#[test]
fn typing_and_deleting_a_long_query_costs_a_few_passes_over_the_article() {
    let mut doc = doc_of(5_300, 64);
    // One long paragraph, so that a 100 KB query is found in the article.
    let long: Vec<&str> = doc.blocks[1_000..1_300].iter().map(|b| b.text.as_str()).collect();
    let long = Block { kind: BlockKind::Paragraph, text: long.join(" ") };
    doc = Doc::new(doc.blocks.into_iter().chain([long]).collect());
    let article: usize = doc.blocks.iter().map(|b| b.text.len()).sum();
    assert!(article > 2_000_000, "{article}");
    let long = &doc.blocks[doc.blocks.len() - 1].text;
    let found: String = long.chars().take(100_000).collect();
    // Found as far as "zq", then nowhere.
    let not_found: String = found.chars().take(1_000).chain("zq ".chars()).chain(found.chars()).take(100_000).collect();
    for (pasted, is_found) in [(&found, true), (&not_found, false)] {
        let mut live = LiveSearch::default();
        let mut query = String::new();
        for (i, c) in pasted.chars().enumerate() {
            query.push(c);
            live.push(&doc, c);
            if i % 20_000 == 0 {
                assert_eq!(live.matches(), find(&doc, &query));
            }
        }
        assert_eq!(live.matches(), find(&doc, &query));
        assert_eq!(live.matches().is_empty(), !is_found);
        let typing = live.work();
        assert!(typing <= 3 * (article + pasted.len()) as u64, "typing {} bytes cost {typing}", pasted.len());
        let mut i = 0;
        while let Some((len, _)) = query.char_indices().next_back() {
            query.truncate(len);
            live.truncate(&doc, len);
            if i % 20_000 == 0 {
                assert_eq!(live.matches(), find(&doc, &query));
            }
            i += 1;
        }
        let deleting = live.work() - typing;
        assert!(deleting <= 3 * (article + pasted.len()) as u64, "deleting cost {deleting}");
    }
}

#[test]
fn another_document_under_the_query_is_searched_again() {
    let first = doc_of(30, 40);
    let second = doc_of(50, 20);
    let mut live = LiveSearch::default();
    for c in "said t".chars() {
        live.push(&first, c);
    }
    assert_eq!(live.matches(), find(&first, "said t"));
    live.push(&second, 'h');
    assert_eq!(live.matches(), find(&second, "said th"));
    live.truncate(&first, 4);
    assert_eq!(live.matches(), find(&first, "said"));
}
