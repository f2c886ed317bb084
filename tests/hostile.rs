//! Hostile input: articles that try to drive the terminal, and files that are not articles at all.
//!
//! Every injection case is checked three ways: through the library (`parse`, `sanitize`), through
//! `--json`, and through a rendered screen (`--screenshot`). Bad files are checked through the
//! command line: the message names the file, good files beside it still load, and the exit status
//! is 2 only when nothing at all could be read.
#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use cyberreader::article::{is_removed, parse, sanitize};
use serde_json::Value;
use unicode_width::UnicodeWidthStr;

/// Long enough for a debug build on a loaded machine; a hang (a FIFO read) fails.
const TIMEOUT: Duration = Duration::from_secs(60);

fn cyberreader() -> Command {
    let mut cmd = Command::cargo_bin("cyberreader").unwrap();
    cmd.env_remove("NO_COLOR").env_remove("CYBERREADER_CONFIG").timeout(TIMEOUT);
    cmd.env("HOME", empty_home()).env("XDG_CONFIG_HOME", empty_home().join("config"));
    cmd
}

/// An empty home for the binary, so no test reads the user's config or writes their files.
fn empty_home() -> &'static std::path::Path {
    static HOME: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    HOME.get_or_init(|| tempfile::tempdir().unwrap()).path()
}

/// One injection: `inject` placed between visible text, what must be left between it (`kept`), and
/// payload text that must vanish with the sequence.
struct Case {
    name: &'static str,
    inject: &'static str,
    kept: &'static str,
    gone: &'static [&'static str],
}

const fn case(name: &'static str, inject: &'static str) -> Case {
    Case { name, inject, kept: "", gone: &[] }
}

const fn payload(name: &'static str, inject: &'static str, gone: &'static [&'static str]) -> Case {
    Case { name, inject, kept: "", gone }
}

const CASES: &[Case] = &[
    // CSI, 7-bit.
    case("CSI clear screen", "\x1b[2J\x1b[3J"),
    case("CSI cursor home and moves", "\x1b[H\x1b[10;20H\x1b[5A\x1b[3D\x1b[2K"),
    case("CSI colours", "\x1b[1;31m\x1b[38;2;255;0;0m\x1b[48;5;196m\x1b[0m"),
    case("CSI private modes", "\x1b[?1049h\x1b[?25l\x1b[?1000h\x1b[?2004h"),
    case("CSI with intermediate", "\x1b[2 q\x1b[!p"),
    case("CSI scroll region and erase", "\x1b[1;3r\x1b[J\x1b[1M"),
    // OSC, ended by BEL or ST, 7-bit and C1.
    payload("OSC title ended by BEL", "\x1b]0;PWNED title\x07", &["PWNED"]),
    payload("OSC title ended by ST", "\x1b]2;PWNED title\x1b\\", &["PWNED"]),
    payload("OSC title, C1 introducer and ST", "\u{9d}0;PWNED title\u{9c}", &["PWNED"]),
    Case {
        name: "OSC 8 link ended by ST",
        inject: "\x1b]8;;https://evil.example/PWNED\x1b\\link\x1b]8;;\x1b\\",
        kept: "link",
        gone: &["evil.example", "PWNED"],
    },
    Case {
        name: "OSC 8 link ended by BEL",
        inject: "\x1b]8;id=x;https://evil.example/PWNED\x07link\x1b]8;;\x07",
        kept: "link",
        gone: &["evil.example", "PWNED"],
    },
    payload("OSC 52 clipboard write", "\x1b]52;c;UFdORUQgY2xpcGJvYXJk\x07", &["UFdORUQ", "52;"]),
    payload("OSC 52 clipboard query", "\x1b]52;c;?\x1b\\", &["52;"]),
    payload("OSC colour change", "\x1b]4;1;rgb:ff/00/00\x07\x1b]11;?\x07", &["rgb:"]),
    // DCS, APC, PM, SOS.
    payload("DCS sixel", "\x1bPq#0;2;0;0;0#0~~@@PWNED\x1b\\", &["PWNED", "#0"]),
    payload("DCS request status", "\x1bP$qm\x1b\\\x1bP+q544e\x1b\\", &["$q", "544e"]),
    payload("DCS, C1 introducer", "\u{90}PWNED\u{9c}", &["PWNED"]),
    payload("APC kitty graphics", "\x1b_Gf=100,a=T;UFdORUQ=\x1b\\", &["UFdORUQ", "f=100"]),
    payload("APC, C1 introducer", "\u{9f}PWNED\u{9c}", &["PWNED"]),
    payload("PM", "\x1b^PWNED privacy\x1b\\", &["PWNED"]),
    payload("PM, C1 introducer", "\u{9e}PWNED\u{9c}", &["PWNED"]),
    payload("SOS", "\x1bXPWNED\x1b\\", &["PWNED"]),
    payload("SOS, C1 introducer", "\u{98}PWNED\u{9c}", &["PWNED"]),
    // C1 controls as code points.
    payload("C1 CSI U+009B", "\u{9b}2J\u{9b}31m\u{9b}?1049h", &["2J", "31m", "1049"]),
    Case { name: "C1 NEL IND RI HTS", inject: "\u{85}\u{84}\u{8d}\u{88}", kept: " ", gone: &[] },
    case("C1 string terminator alone", "\u{9c}"),
    // Short escapes.
    case("ESC c full reset", "\x1bc"),
    case("ESC 7 / ESC 8 save and restore cursor", "\x1b7\x1b8"),
    case("ESC M reverse index and ESC D index", "\x1bM\x1bD"),
    case("ESC ( 0 line-drawing charset", "\x1b(0"),
    case("ESC # 8 screen alignment", "\x1b#8"),
    case("ESC = keypad", "\x1b=\x1b>"),
    // C0 controls.
    case("BEL", "\x07\x07"),
    case("backspace", "\x08\x08\x08"),
    case("DEL", "\x7f"),
    Case { name: "vertical tab", inject: "\x0b", kept: " ", gone: &[] },
    Case { name: "form feed", inject: "\x0c", kept: " ", gone: &[] },
    case("SO / SI shift out and in", "\x0e\x0f"),
    Case { name: "lone CR in mid-line", inject: "\r", kept: " ", gone: &[] },
    Case { name: "tab", inject: "\t", kept: " ", gone: &[] },
    // Bidi controls.
    case("bidi embeddings and overrides", "\u{202a}\u{202b}\u{202c}\u{202d}\u{202e}"),
    case("bidi isolates", "\u{2066}\u{2067}\u{2068}\u{2069}"),
    case("bidi marks", "\u{200e}\u{200f}\u{61c}"),
    case("RLO alone", "\u{202e}"),
    // Zero-width and other format characters.
    case("zero-width space, joiners", "\u{200b}\u{200c}\u{200d}"),
    case("word joiner, invisible operators", "\u{2060}\u{2061}\u{2062}\u{2063}\u{2064}"),
    case("BOM mid-text", "\u{feff}"),
    case("soft hyphen", "\u{ad}"),
    case("Mongolian vowel separator", "\u{180e}"),
    case("combining grapheme joiner", "\u{34f}"),
    case("tag characters", "\u{e0001}\u{e0041}\u{e007f}"),
    case("interlinear annotation", "\u{fff9}\u{fffa}\u{fffb}"),
    case("Hangul fillers", "\u{3164}\u{ffa0}\u{115f}"),
    case("non-characters", "\u{fdd0}\u{fffe}\u{1fffe}"),
];

/// The headline and first paragraph of case `i`, the injection inside both.
fn article_text(i: usize, c: &Case) -> String {
    format!(
        "Case {i} hostile{inj}headline\n\nSEOUL (Yonhap) -- aaa{i}{inj}zzz{i} ends the first paragraph.\n\nA second paragraph, {inj}quiet.\n",
        inj = c.inject
    )
}

/// All the injections that leave nothing visible behind, one after the other.
fn invisible_injections() -> String {
    CASES.iter().filter(|c| c.kept.is_empty()).map(|c| c.inject).collect()
}

fn headline(i: usize, c: &Case) -> String {
    format!("Case {i} hostile{}headline", c.kept)
}

fn body(i: usize, c: &Case) -> String {
    format!("aaa{i}{}zzz{i} ends the first paragraph.", c.kept)
}

/// Characters that must never be drawn: controls (C0 but '\n' where asked, DEL, C1), bidi
/// controls, and everything the sanitizer removes.
fn is_forbidden(c: char, newline_ok: bool) -> bool {
    (c.is_control() && !(newline_ok && c == '\n'))
        || is_removed(c)
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}')
}

fn assert_clean(text: &str, newline_ok: bool, what: &str) {
    if let Some((at, c)) = text.char_indices().find(|&(_, c)| is_forbidden(c, newline_ok)) {
        panic!("{what}: U+{:04X} at byte {at} in {text:?}", u32::from(c));
    }
}

/// Every string in a JSON document, keys included.
fn strings(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(s) => out.push(s.clone()),
        Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
        Value::Object(map) => {
            for (k, v) in map {
                out.push(k.clone());
                strings(v, out);
            }
        }
        _ => {}
    }
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, bytes).unwrap();
    path
}

/// One file per case, named so that the directory reads them in case order.
fn write_cases(dir: &Path) -> Vec<PathBuf> {
    CASES.iter().enumerate().map(|(i, c)| write(dir, &format!("case-{i:02}.txt"), article_text(i, c))).collect()
}

// --- (c) the library -------------------------------------------------------------------------

#[test]
fn sanitize_removes_each_injection_and_keeps_the_text_around_it() {
    for (i, c) in CASES.iter().enumerate() {
        let line = format!("aaa{i}{}zzz{i}", c.inject);
        let clean = sanitize(&line);
        // A lone CR becomes a line end (never a return over the text); nothing else survives.
        let expected = if c.inject == "\r" { format!("aaa{i}\nzzz{i}") } else { format!("aaa{i}{}zzz{i}", c.kept) };
        assert_eq!(clean, expected, "{}", c.name);
        assert_clean(&clean, true, c.name);
    }
}

#[test]
fn parse_removes_each_injection_from_every_field() {
    for (i, c) in CASES.iter().enumerate() {
        let article = parse(&article_text(i, c), "hostile.txt");
        assert_eq!(article.title, headline(i, c), "{}", c.name);
        assert_eq!(article.paragraphs.first().map(String::as_str), Some(body(i, c).as_str()), "{}", c.name);
        let second = format!("A second paragraph, {}quiet.", c.kept).split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(article.paragraphs.get(1), Some(&second), "{}", c.name);
        let dateline = article.dateline.as_ref().map(cyberreader::article::Dateline::display);
        assert_eq!(dateline.as_deref(), Some("SEOUL (Yonhap)"), "{}", c.name);
        let json = serde_json::to_value(&article).unwrap();
        let mut all = Vec::new();
        strings(&json, &mut all);
        for s in &all {
            assert_clean(s, false, c.name);
            for gone in c.gone {
                assert!(!s.contains(gone), "{}: {gone:?} survived in {s:?}", c.name);
            }
        }
    }
}

/// Every string in `value` is free of controls and of every injected sequence.
fn assert_every_string_clean(value: &Value, what: &str) {
    let mut all = Vec::new();
    strings(value, &mut all);
    for s in &all {
        assert_clean(s, false, what);
        for gone in CASES.iter().flat_map(|c| c.gone) {
            assert!(!s.contains(gone), "{gone:?} survived in {s:?} ({what})");
        }
    }
}

#[test]
fn everything_at_once_in_every_part_of_an_article() {
    let all = invisible_injections();
    let text = format!(
        "{all}Headline{all}\n\nDeck{all} line\n\nBy Jane{all} Doe{all}\n\nSEOUL, Oct. 18 (Yonhap){all} -- Body{all} text.\n\n{all}\n\n(Reporting by Jo{all} Lee)\n\nCopyright 2024{all} Yonhap\n"
    );
    let article = parse(&text, "all.txt");
    let json = serde_json::to_value(&article).unwrap();
    assert_every_string_clean(&json, "everything at once");
    assert_eq!(article.title, "Headline", "{article:?}");
    assert_eq!(article.deck.as_deref(), Some("Deck line"), "{article:?}");
    assert_eq!(article.byline.as_deref(), Some("Jane Doe"), "{article:?}");
    assert_eq!(article.credits, ["Reporting by Jo Lee"], "{article:?}");
    assert_eq!(article.rights.as_deref(), Some("Copyright 2024 Yonhap"), "{article:?}");
    assert_eq!(article.paragraphs, ["Body text."], "{article:?}");
    for person in cyberreader::people::extract(&article) {
        for s in [&person.name].into_iter().chain(&person.aliases).chain(&person.quotes).chain(&person.role) {
            assert_clean(s, false, "people");
        }
    }
}

#[test]
fn unterminated_strings_stop_at_the_line_end() {
    for intro in ["\x1b]0;", "\x1bP", "\x1b_", "\x1b^", "\x1bX", "\u{9d}", "\u{90}"] {
        let text = format!("Headline\n\nSEOUL (Yonhap) -- kept {intro}PWNED to the end of the line\nnext line kept.\n");
        let article = parse(&text, "x.txt");
        assert_eq!(article.paragraphs, ["kept next line kept."], "{intro:?}");
    }
    // A CSI cut short by the end of the text, and a lone ESC at the very end.
    assert_eq!(sanitize("text\x1b[12;"), "text");
    assert_eq!(sanitize("text\x1b"), "text");
    assert_eq!(sanitize("text\u{9b}"), "text");
}

#[test]
fn file_names_are_cleaned_too() {
    let dir = tempfile::tempdir().unwrap();
    let evil = write(dir.path(), "evil\x1b]0;PWNED\x07\u{202e}name.txt", "Headline\n\nBody text.\n");
    let empty = write(dir.path(), "empty\x1b[2J\u{9b}31m.txt", "");
    let out = cyberreader().arg("--json").arg(&evil).arg(&empty).assert().success();
    let out = out.get_output();
    let stderr = String::from_utf8(out.stderr.clone()).unwrap();
    assert_clean(&stderr, true, "stderr");
    assert!(stderr.contains("empty.txt: empty file"), "{stderr}");
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let path = doc["articles"][0]["path"].as_str().unwrap();
    assert!(path.ends_with("/evilname.txt"), "{path}");
    assert_clean(path, false, "path");
}

// --- (a) --json ------------------------------------------------------------------------------

#[test]
fn json_has_no_control_or_bidi_characters_and_keeps_the_visible_text() {
    let dir = tempfile::tempdir().unwrap();
    write_cases(dir.path());
    let out = cyberreader().arg("--json").arg(dir.path()).assert().success();
    let out = out.get_output();
    assert_eq!(String::from_utf8_lossy(&out.stderr), "", "no problems to report");
    let stdout = std::str::from_utf8(&out.stdout).unwrap();
    assert_clean(stdout, true, "raw JSON");
    for escaped in ["\\u001b", "\\u009b", "\\u0007", "\\b", "\\r", "\\t", "\\f"] {
        assert!(!stdout.contains(escaped), "{escaped} in the JSON");
    }
    let doc: Value = serde_json::from_str(stdout).unwrap();
    assert_every_string_clean(&doc, "a JSON string");
    let articles = doc["articles"].as_array().unwrap();
    assert_eq!(articles.len(), CASES.len());
    for (i, (c, a)) in CASES.iter().zip(articles).enumerate() {
        assert_eq!(a["title"], headline(i, c), "{}", c.name);
        assert_eq!(a["paragraphs"][0], body(i, c), "{}", c.name);
    }
}

// --- (b) a rendered screen -------------------------------------------------------------------

fn assert_screen_is_clean(screen: &str, what: &str) {
    assert!(!screen.contains('\u{1b}'), "{what}: ESC on screen");
    assert_clean(screen, true, what);
    let rows: Vec<&str> = screen.lines().collect();
    assert_eq!(rows.len(), 30, "{what}: rows\n{screen}");
    for (y, row) in rows.iter().enumerate().take(29) {
        // Nothing moved the cursor or shifted a row: every pane row ends at the right border.
        assert_eq!(row.width(), 100, "{what}: row {y} is {} columns: {row:?}", row.width());
        assert!(row.ends_with(['│', '┃', '┐', '┓', '┘', '┛', '║']), "{what}: row {y} lost its border: {row:?}");
    }
    assert!(rows[29].width() <= 100, "{what}: status row");
}

#[test]
fn screenshots_show_the_visible_text_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    for (i, (c, path)) in CASES.iter().zip(write_cases(dir.path())).enumerate() {
        let out = cyberreader().args(["--screenshot", "--size", "100x30"]).arg(&path).assert().success();
        let screen = String::from_utf8(out.get_output().stdout.clone()).unwrap();
        assert_screen_is_clean(&screen, c.name);
        assert!(screen.contains(&headline(i, c)), "{}: headline missing\n{screen}", c.name);
        assert!(screen.contains(&format!("aaa{i}{}zzz{i}", c.kept)), "{}: text missing\n{screen}", c.name);
        for gone in c.gone {
            assert!(!screen.contains(gone), "{}: {gone:?} on screen\n{screen}", c.name);
        }
    }
}

#[test]
fn a_search_over_hostile_text_draws_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let all = invisible_injections();
    let path = write(dir.path(), "all.txt", format!("Head{all}line\n\nSEOUL (Yonhap) -- aaa{all}zzz and aaa again.\n"));
    let out = cyberreader()
        .args(["--screenshot", "--size", "100x30", "--keys", "<Tab>/aaa<Enter>"])
        .arg(&path)
        .assert()
        .success();
    let screen = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert_screen_is_clean(&screen, "search");
    assert!(screen.contains("Headline"), "{screen}");
    assert!(screen.contains("[1/2]"), "{screen}");
}

// --- bad files -------------------------------------------------------------------------------

const GOOD: &str = "A good headline\n\nSEOUL (Yonhap) -- A good paragraph.\n";

struct Run {
    code: i32,
    stderr: String,
    doc: Option<Value>,
}

fn json_run(paths: &[&Path]) -> Run {
    json_run_within(paths, TIMEOUT)
}

fn json_run_within(paths: &[&Path], timeout: Duration) -> Run {
    let started = Instant::now();
    let out = cyberreader().timeout(timeout).arg("--json").args(paths).output().unwrap();
    assert!(started.elapsed() < timeout, "took {:?}", started.elapsed());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_clean(&stderr, true, "stderr");
    Run { code: out.status.code().unwrap_or(-1), stderr, doc: serde_json::from_slice(&out.stdout).ok() }
}

fn titles(run: &Run) -> Vec<String> {
    let doc = run.doc.as_ref().unwrap_or_else(|| panic!("no JSON; stderr: {}", run.stderr));
    doc["articles"].as_array().unwrap().iter().map(|a| a["title"].as_str().unwrap().to_string()).collect()
}

/// A bad path alone is exit 2 with a message naming it; beside a good file, the good file loads,
/// the bad one is named on stderr, and the exit is 0.
fn check_unreadable(bad: &Path, message: &str) {
    let shown = bad.display().to_string();
    let alone = json_run(&[bad]);
    assert_eq!(alone.code, 2, "{shown} alone: {}", alone.stderr);
    assert!(alone.stderr.starts_with(&format!("cyberreader: {shown}: {message}")), "{}", alone.stderr);
    assert_eq!(alone.stderr.lines().count(), 1, "{}", alone.stderr);
    assert!(alone.doc.is_none());

    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "good.txt", GOOD);
    let beside = json_run(&[&good, bad]);
    assert_eq!(beside.code, 0, "{}", beside.stderr);
    assert_eq!(titles(&beside), ["A good headline"]);
    assert!(beside.stderr.contains(&format!("cyberreader: {shown}: {message}")), "{}", beside.stderr);
    // In either order.
    let before = json_run(&[bad, &good]);
    assert_eq!(before.code, 0, "{}", before.stderr);
    assert_eq!(titles(&before), ["A good headline"]);
}

#[test]
fn a_missing_path() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.txt");
    check_unreadable(&missing, "no such file or directory");
    assert!(json_run(&[&missing]).stderr.contains("check the path"));
    let both = json_run(&[&missing, &dir.path().join("gone/too.txt")]);
    assert_eq!(both.code, 2, "{}", both.stderr);
}

#[test]
fn a_directory_with_no_articles() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty-dir");
    fs::create_dir(&empty).unwrap();
    check_unreadable(&empty, "no .txt articles in this directory");
    write(&empty, "notes.md", "Not an article\n\nBody.\n");
    write(&empty, ".hidden.txt", GOOD);
    check_unreadable(&empty, "no .txt articles in this directory");
}

#[test]
fn an_empty_file() {
    let dir = tempfile::tempdir().unwrap();
    check_unreadable(&write(dir.path(), "empty.txt", ""), "empty file");
}

#[test]
fn a_whitespace_only_file() {
    let dir = tempfile::tempdir().unwrap();
    check_unreadable(&write(dir.path(), "blank.txt", " \n\n\t  \r\n\u{feff}\n   "), "empty file");
}

#[test]
fn a_binary_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = b"PK\x03\x04\x14\x00\x00\x00\x08\x00".to_vec();
    bytes.extend((0..4096u32).map(|i| u8::try_from(i % 251).unwrap()));
    check_unreadable(&write(dir.path(), "archive.txt", &bytes), "not text (binary data)");
    // A text-looking file with NUL bytes in it.
    check_unreadable(&write(dir.path(), "nul.txt", "Headline\n\nBody\0text.\n"), "not text (binary data)");
}

#[cfg(target_os = "linux")]
#[test]
fn an_unreadable_file() {
    // We run as root, so permissions cannot make a file unreadable; /proc/self/mem is a regular
    // file whose read fails for anyone.
    check_unreadable(Path::new("/proc/self/mem"), "input/output error, skipped");
}

#[cfg(unix)]
#[test]
fn a_symlink_loop() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("loop-a.txt");
    let b = dir.path().join("loop-b.txt");
    std::os::unix::fs::symlink(&b, &a).unwrap();
    std::os::unix::fs::symlink(&a, &b).unwrap();
    check_unreadable(&a, "too many levels of symbolic links");
    // In a directory, the loop is passed over: it is not a regular file.
    write(dir.path(), "good.txt", GOOD);
    let run = json_run(&[dir.path()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(titles(&run), ["A good headline"]);
}

#[cfg(unix)]
#[test]
fn a_fifo_does_not_hang() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let started = Instant::now();
    check_unreadable(&fifo, "not a regular file (a FIFO), skipped");
    // In a directory beside a good file, it is passed over.
    write(dir.path(), "good.txt", GOOD);
    let run = json_run(&[dir.path()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(titles(&run), ["A good headline"]);
    assert!(started.elapsed() < Duration::from_secs(30), "{:?}", started.elapsed());
}

#[test]
fn the_same_path_twice() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "good.txt", GOOD);
    let run = json_run(&[&good, &good]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(titles(&run), ["A good headline"]);
    assert!(run.stderr.contains("good.txt: named more than once; read once"), "{}", run.stderr);
    // Also when named once directly and once through its directory, or through a symlink.
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(&good, dir.path().join("link.txt")).unwrap();
        let run = json_run(&[&good, dir.path()]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert_eq!(titles(&run), ["A good headline"]);
        assert!(run.stderr.contains("link.txt: named more than once"), "{}", run.stderr);
    }
}

#[test]
fn a_latin1_file_loads_with_a_caveat() {
    let dir = tempfile::tempdir().unwrap();
    let latin1 = write(
        dir.path(),
        "latin1.txt",
        b"Caf\xe9 cr\xe8me \x93news\x94\n\nPARIS (AFP) - Cr\xe8me br\xfbl\xe9e co\xfbte 5 \x80.\n",
    );
    let run = json_run(&[&latin1]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(titles(&run), ["Café crème “news”"]);
    let doc = run.doc.as_ref().unwrap();
    assert_eq!(doc["articles"][0]["paragraphs"][0], "Crème brûlée coûte 5 €.");
    assert!(
        run.stderr.contains(&format!("{}: not UTF-8; read as Windows-1252 (Latin-1)", latin1.display())),
        "{}",
        run.stderr
    );
}

#[test]
fn a_file_with_no_headline() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "nohead.txt",
        "SEOUL (Yonhap) -- The story starts at once. It has no headline.\n\nA second paragraph.\n",
    );
    let run = json_run(&[&path]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(titles(&run), ["The story starts at once."]);
    let doc = run.doc.as_ref().unwrap();
    assert_eq!(doc["articles"][0]["paragraphs"][1], "A second paragraph.");
    // A single line without even a full stop: the title is that line; a file of one word too.
    let word = write(dir.path(), "word.txt", "word");
    assert_eq!(titles(&json_run(&[&word])), ["word"]);
}

#[test]
fn a_file_with_no_blank_lines() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("Headline on the first line\nSEOUL (Yonhap) -- The first line of the body.\n");
    for i in 0..2000 {
        text.push_str(&format!("Line {i} of a file that never has a blank line.\n"));
    }
    let path = write(dir.path(), "noblank.txt", &text);
    let run = json_run(&[&path]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stderr, "");
    let doc = run.doc.as_ref().unwrap();
    let paragraphs = doc["articles"][0]["paragraphs"].as_array().unwrap();
    let all: String = paragraphs.iter().map(|p| p.as_str().unwrap()).collect::<Vec<_>>().join(" ");
    assert!(all.contains("Line 0 of a file") && all.contains("Line 1999 of a file"));
    let out = cyberreader().args(["--screenshot", "--size", "100x30"]).arg(&path).assert().success();
    assert_screen_is_clean(&String::from_utf8_lossy(&out.get_output().stdout), "no blank lines");
}

#[test]
fn a_single_five_megabyte_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut line = String::with_capacity(5 << 20);
    let mut i = 0;
    while line.len() < 5 << 20 {
        line.push_str(&format!("word{i} "));
        i += 1;
    }
    let path = write(dir.path(), "line.txt", &line);
    let started = Instant::now();
    let run = json_run(&[&path]);
    eprintln!("a 5 MB line: --json in {:?}", started.elapsed());
    assert_eq!(run.code, 0, "{}", run.stderr);
    let title = &titles(&run)[0];
    assert!(title.starts_with("word0 word1") && title.chars().count() <= 80, "{title}");
    let doc = run.doc.as_ref().unwrap();
    let paragraphs = doc["articles"][0]["paragraphs"].as_array().unwrap();
    assert_eq!(paragraphs.len(), 1);
    assert_eq!(paragraphs[0].as_str().unwrap(), line.trim_end());
    // And on screen: the list, the wrapped article, the end of it.
    let out =
        cyberreader().args(["--screenshot", "--size", "100x30", "--keys", "<Tab><End>"]).arg(&path).assert().success();
    let screen = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert_screen_is_clean(&screen, "a 5 MB line");
    assert!(screen.contains(&format!("word{}", i - 1)), "{screen}");
}

/// Bigger than the limit: refused at once by its size, without being read (a sparse file, so
/// nothing is written to disk).
#[test]
fn a_file_over_the_size_limit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    let file = fs::File::create(&path).unwrap();
    file.set_len(cyberreader::article::MAX_FILE_BYTES + 1).unwrap();
    drop(file);
    check_unreadable(&path, "too large (256 MB; the limit is 256 MB), skipped");
}

fn fifty_megabytes() -> String {
    let words = ["the", "minister", "said", "on", "Tuesday", "that", "talks", "with", "Seoul", "would", "resume"];
    let mut text = String::from("A very large file\n\nSEOUL (Yonhap) -- The first paragraph.\n");
    let mut n = 0usize;
    while text.len() < 50 << 20 {
        text.push('\n');
        for k in 0..60 {
            text.push_str(words[(n * 7 + k * 3) % words.len()]);
            text.push(' ');
        }
        text.push_str("end.\n");
        n += 1;
    }
    text
}

/// 50 MB: read by `--json` with a good file beside it, then shown and scrolled to its end. The
/// test profile is lightly optimised (Cargo.toml) so this takes seconds, not minutes.
#[test]
fn a_fifty_megabyte_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "big.txt", fifty_megabytes());
    let good = write(dir.path(), "good.txt", GOOD);
    let started = Instant::now();
    let run = json_run_within(&[&path, &good], Duration::from_secs(600));
    eprintln!("50 MB: --json in {:?}", started.elapsed());
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(titles(&run), ["A very large file", "A good headline"]);
    let started = Instant::now();
    let out =
        cyberreader().args(["--screenshot", "--size", "100x30", "--keys", "<Tab><End>"]).arg(&path).assert().success();
    eprintln!("50 MB: --screenshot in {:?}", started.elapsed());
    assert_screen_is_clean(&String::from_utf8_lossy(&out.get_output().stdout), "50 MB");
}

#[test]
fn nothing_readable_names_every_file_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let empty = write(dir.path(), "empty.txt", "");
    let binary = write(dir.path(), "binary.txt", b"\0\0\0\x01\x02");
    let missing = dir.path().join("missing.txt");
    let run = json_run(&[&empty, &binary, &missing]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.doc.is_none());
    for (path, why) in [(&empty, "empty file"), (&binary, "not text (binary data)"), (&missing, "no such file")] {
        assert!(run.stderr.contains(&format!("{}: {why}", path.display())), "{}", run.stderr);
    }
}

#[test]
fn all_the_bad_files_at_once_beside_good_ones() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "a-good.txt", GOOD);
    let also_good = write(dir.path(), "z-good.txt", "Another headline\n\nBUSAN (Yonhap) -- More.\n");
    let empty = write(dir.path(), "empty.txt", "");
    let blank = write(dir.path(), "blank.txt", "  \n\n");
    let binary = write(dir.path(), "binary.txt", b"\x7fELF\x02\x01\x01\x00\x00");
    let latin1 = write(dir.path(), "latin1.txt", b"Caf\xe9\n\nBody.\n");
    let missing = dir.path().join("missing.txt");
    let empty_dir = dir.path().join("nothing-here");
    fs::create_dir(&empty_dir).unwrap();
    let mut paths: Vec<&Path> =
        vec![&good, &empty, &blank, &binary, &latin1, &missing, &empty_dir, Path::new("/proc/self/mem"), &good];
    #[cfg(unix)]
    let fifo = dir.path().join("pipe.txt");
    #[cfg(unix)]
    {
        assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
        paths.push(&fifo);
    }
    paths.push(&also_good);
    let run = json_run(&paths);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(titles(&run), ["A good headline", "Café", "Another headline"]);
    for name in ["empty.txt", "blank.txt", "binary.txt", "latin1.txt", "missing.txt", "nothing-here", "/proc/self/mem"]
    {
        assert!(run.stderr.contains(name), "{name} not named: {}", run.stderr);
    }
    assert!(run.stderr.contains("a-good.txt: named more than once"), "{}", run.stderr);
    // One line per problem, each naming its file.
    for line in run.stderr.lines() {
        assert!(line.starts_with("cyberreader: "), "{line}");
    }
}

#[test]
fn a_file_of_nothing_but_escape_sequences_is_skipped_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let only = write(dir.path(), "only-escapes.txt", "\x1b[2J\x1b[H\x1b]0;X\x07\u{202e}\u{200b}\n\n\x1b[31m\n");
    let good = write(dir.path(), "good.txt", GOOD);
    let run = json_run(&[&only, &good]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(titles(&run), ["A good headline"]);
    assert!(
        run.stderr
            .contains(&format!("{}: no text once control characters and escape sequences are removed", only.display())),
        "{}",
        run.stderr
    );
}

#[test]
fn a_stray_nul_byte_does_not_lose_the_article() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = format!("{GOOD}\n{}", "More ordinary prose in a second paragraph. ".repeat(40)).into_bytes();
    text.insert(GOOD.len() + 20, 0);
    let path = write(dir.path(), "one-nul.txt", text);
    let run = json_run(&[&path]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(titles(&run), ["A good headline"]);
    let doc = run.doc.as_ref().unwrap();
    assert!(!doc.to_string().contains('\0') && !doc.to_string().contains("\\u0000"), "the NUL is removed");
    assert!(run.stderr.is_empty(), "{}", run.stderr);
}
