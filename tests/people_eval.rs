//! Scores the people extractor against hand-annotated wire-style fixtures in
//! `tests/fixtures/people/`: `<name>.txt` is an article as an agency would file it,
//! `<name>.gold` the people a careful reader finds in it.
//!
//! Gold format, one person a line (`#` starts a comment):
//! `name[ = other acceptable form]* | role[ || acceptable alternative]* | mentions`,
//! with `-` as a role meaning "none".
//!
//! A found person matches a gold one when its name is one of the gold forms (case-insensitive),
//! or, failing that, when the gold name is one of its aliases. Roles compare case-insensitively,
//! leading "a"/"an"/"the" and trailing punctuation ignored. Set `PEOPLE_EVAL_VERBOSE=1` to see
//! every person found; `PEOPLE_EVAL_ONLY=stem,stem` to score only fixtures whose name contains
//! one of those; `cargo run -- --json FILE` shows what the parser and the extractor make of one
//! file.

#![allow(clippy::unwrap_used)]

use cyberreader::article::parse;
use cyberreader::people::{Person, extract};
use std::fmt::Write as _;
use std::path::Path;

struct Gold {
    forms: Vec<String>,
    roles: Vec<Option<String>>,
    mentions: usize,
}

fn parse_gold(text: &str) -> Vec<Gold> {
    let mut out = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split(" | ").map(str::trim).collect();
        assert_eq!(cols.len(), 3, "bad gold line: {line}");
        let forms = cols[0].split(" = ").map(|s| s.trim().to_string()).collect();
        let roles =
            cols[1].split(" || ").map(str::trim).map(|r| if r == "-" { None } else { Some(r.to_string()) }).collect();
        let mentions = cols[2].parse().unwrap();
        out.push(Gold { forms, roles, mentions });
    }
    out
}

fn norm_role(r: &str) -> String {
    let mut s = r.trim().trim_end_matches([',', ';', ':']).trim().to_lowercase();
    for art in ["a ", "an ", "the "] {
        if let Some(rest) = s.strip_prefix(art) {
            s = rest.to_string();
        }
    }
    s.replace('’', "'")
}

fn role_ok(gold: &Gold, got: Option<&str>) -> bool {
    gold.roles.iter().any(|r| match (r, got) {
        (None, None) => true,
        (Some(a), Some(b)) => norm_role(a) == norm_role(b),
        _ => false,
    })
}

fn matches(gold: &Gold, p: &Person) -> bool {
    gold.forms.iter().any(|f| f.to_lowercase() == p.name.to_lowercase())
}

fn alias_matches(gold: &Gold, p: &Person) -> bool {
    p.aliases.iter().any(|a| a.to_lowercase() == gold.forms[0].to_lowercase())
}

#[derive(Default)]
struct Score {
    gold: usize,
    found: usize,
    matched: usize,
    roles: usize,
    mentions: usize,
}

#[test]
fn people_eval() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/people");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 10, "fixtures missing in {}", dir.display());
    if let Ok(only) = std::env::var("PEOPLE_EVAL_ONLY") {
        let keys: Vec<&str> = only.split(',').map(str::trim).filter(|k| !k.is_empty()).collect();
        files.retain(|f| keys.iter().any(|k| f.file_stem().is_some_and(|s| s.to_string_lossy().contains(k))));
    }
    let verbose = std::env::var_os("PEOPLE_EVAL_VERBOSE").is_some();
    let mut total = Score::default();
    let mut report = String::new();
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let gold = parse_gold(&std::fs::read_to_string(path.with_extension("gold")).unwrap());
        let article = parse(&text, &path.display().to_string());
        let people = extract(&article);
        let mut used = vec![false; people.len()];
        let mut s = Score { gold: gold.len(), found: people.len(), ..Score::default() };
        let mut lines = String::new();
        for g in &gold {
            let hit = (0..people.len())
                .find(|&i| !used[i] && matches(g, &people[i]))
                .or_else(|| (0..people.len()).find(|&i| !used[i] && alias_matches(g, &people[i])));
            let Some(i) = hit else {
                writeln!(lines, "  MISSED  {}", g.forms[0]).unwrap();
                continue;
            };
            used[i] = true;
            s.matched += 1;
            let p = &people[i];
            let r_ok = role_ok(g, p.role.as_deref());
            let m_ok = p.mentions == g.mentions;
            s.roles += usize::from(r_ok);
            s.mentions += usize::from(m_ok);
            if !r_ok || !m_ok || verbose {
                let want_role = g.roles[0].as_deref().unwrap_or("-");
                writeln!(
                    lines,
                    "  {}  {} — role {:?}{} mentions {}{}",
                    if r_ok && m_ok { "ok    " } else { "WRONG " },
                    p.name,
                    p.role.as_deref().unwrap_or("-"),
                    if r_ok { String::new() } else { format!(" (want {want_role:?})") },
                    p.mentions,
                    if m_ok { String::new() } else { format!(" (want {})", g.mentions) },
                )
                .unwrap();
            }
        }
        for (i, p) in people.iter().enumerate() {
            if !used[i] {
                writeln!(lines, "  EXTRA   {} — role {:?}, mentions {}", p.name, p.role, p.mentions).unwrap();
            }
        }
        let name = path.file_stem().unwrap().to_string_lossy();
        writeln!(
            report,
            "{name}: gold {} found {} matched {} roles {} mentions {}\n{lines}",
            s.gold, s.found, s.matched, s.roles, s.mentions
        )
        .unwrap();
        total.gold += s.gold;
        total.found += s.found;
        total.matched += s.matched;
        total.roles += s.roles;
        total.mentions += s.mentions;
    }
    let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    let precision = ratio(total.matched, total.found);
    let recall = ratio(total.matched, total.gold);
    let roles = ratio(total.roles, total.matched);
    let mentions = ratio(total.mentions, total.matched);
    writeln!(
        report,
        "TOTAL: {} articles, gold {} found {} matched {}: precision {precision:.3} recall {recall:.3} \
         role accuracy {roles:.3} mention accuracy {mentions:.3}",
        files.len(),
        total.gold,
        total.found,
        total.matched
    )
    .unwrap();
    println!("{report}");
    assert!(precision >= 0.9, "precision {precision:.3} < 0.9\n{report}");
    assert!(recall >= 0.9, "recall {recall:.3} < 0.9\n{report}");
    assert!(roles >= 0.8, "role accuracy {roles:.3} < 0.8\n{report}");
}
