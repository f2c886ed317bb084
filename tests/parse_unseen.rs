//! The parser on wire copy it was not written against: every `tests/fixtures/articles/*.txt` is
//! loaded the way the reader loads files (decoding included) and checked field by field against
//! its sibling `*.expect.json`.
//!
//! Expectation keys (all but `title` optional; a missing `deck` means none):
//! `title`, `deck`, `dateline` (`{place, date, agency}` or `null`), `byline`, `rights`, `credits`
//! (exact values); `first_paragraph` and `paragraph_N` (the paragraph starts with this);
//! `last_paragraph` (the last paragraph contains this); `paragraphs` (how many); `absent` (strings
//! that must appear in no headline, deck, byline or paragraph).
#![allow(clippy::unwrap_used)]

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use cyberreader::article::{Article, load_paths};
use serde_json::Value;

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

fn opt(v: Option<&Value>) -> Option<String> {
    v.and_then(Value::as_str).map(str::to_string)
}

/// What is wrong with `a` against `expect`, one line per field.
fn check(a: &Article, expect: &Value, shown_path: &str) -> Vec<String> {
    let mut errors = Vec::new();
    let mut same = |field: &str, got: &dyn std::fmt::Debug, want: &dyn std::fmt::Debug| {
        let (g, w) = (format!("{got:?}"), format!("{want:?}"));
        if g != w {
            errors.push(format!("{field}: got {g}, want {w}"));
        }
    };
    same("path", &a.path, &shown_path);
    same("title", &a.title, &opt(expect.get("title")).unwrap_or_default());
    same("deck", &a.deck, &opt(expect.get("deck")));
    if let Some(want) = expect.get("dateline") {
        let got = a.dateline.as_ref().map(|d| (d.place.clone(), d.date.clone(), d.agency.clone()));
        let want = (!want.is_null()).then(|| (opt(want.get("place")), opt(want.get("date")), opt(want.get("agency"))));
        same("dateline", &got, &want);
    }
    if let Some(want) = expect.get("byline") {
        same("byline", &a.byline, &want.as_str());
    }
    if let Some(want) = expect.get("rights") {
        same("rights", &a.rights, &want.as_str());
    }
    if let Some(want) = expect.get("credits") {
        let want: Vec<&str> = want.as_array().unwrap().iter().map(|c| c.as_str().unwrap()).collect();
        same("credits", &a.credits, &want);
    }
    if let Some(n) = expect.get("paragraphs").and_then(Value::as_u64) {
        same("paragraph count", &a.paragraphs.len(), &usize::try_from(n).unwrap());
    }
    let mut prefix = |field: &str, index: usize, want: &str| match a.paragraphs.get(index) {
        Some(p) if p.starts_with(want) => {}
        got => errors.push(format!("{field}: got {got:?}, want it to start with {want:?}")),
    };
    if let Some(want) = expect.get("first_paragraph").and_then(Value::as_str) {
        prefix("first paragraph", 0, want);
    }
    for n in 2..=20 {
        if let Some(want) = expect.get(format!("paragraph_{n}")).and_then(Value::as_str) {
            prefix(&format!("paragraph {n}"), n - 1, want);
        }
    }
    if let Some(want) = expect.get("last_paragraph").and_then(Value::as_str)
        && !a.paragraphs.last().is_some_and(|p| p.contains(want))
    {
        errors.push(format!("last paragraph: got {:?}, want it to contain {want:?}", a.paragraphs.last()));
    }
    let mut shown = vec![a.title.clone()];
    shown.extend(a.deck.clone());
    shown.extend(a.byline.clone());
    shown.extend(a.paragraphs.iter().cloned());
    for gone in expect.get("absent").and_then(Value::as_array).into_iter().flatten() {
        let gone = gone.as_str().unwrap();
        if let Some(hit) = shown.iter().find(|s| s.contains(gone)) {
            errors.push(format!("{gone:?} should be gone but is in {hit:?}"));
        }
    }
    if a.paragraphs.iter().any(|p| p.trim().is_empty() || p.trim() != p) {
        errors.push(format!("empty or untrimmed paragraph in {:?}", a.paragraphs));
    }
    errors
}

#[test]
fn unseen_wire_copy_parses_field_by_field() {
    let files = fixtures();
    assert!(files.len() >= 20, "expected at least 20 fixtures, found {}", files.len());
    let mut report = String::new();
    for file in &files {
        let expect_path = file.with_extension("expect.json");
        let expect: Value = serde_json::from_str(
            &fs::read_to_string(&expect_path).unwrap_or_else(|e| panic!("{}: {e}", expect_path.display())),
        )
        .unwrap_or_else(|e| panic!("{}: {e}", expect_path.display()));
        let library = load_paths(std::slice::from_ref(file)).unwrap();
        assert_eq!(library.articles.len(), 1, "{}", file.display());
        let errors = check(&library.articles[0], &expect, &file.display().to_string());
        for e in errors {
            let name = file.file_name().unwrap().to_string_lossy();
            writeln!(report, "{name}: {e}").unwrap();
        }
    }
    assert!(report.is_empty(), "fixtures parsed wrongly:\n{report}");
}

#[test]
fn every_fixture_has_expectations() {
    for file in fixtures() {
        assert!(file.with_extension("expect.json").is_file(), "{} has no .expect.json", file.display());
    }
}
