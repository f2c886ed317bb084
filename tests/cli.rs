//! The command line as a script or a new user meets it: --json, --help, --version, errors and
//! exit codes, --screenshot.
#![allow(clippy::unwrap_used)]

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn cyberreader() -> Command {
    let mut cmd = Command::cargo_bin("cyberreader").unwrap();
    cmd.env_remove("NO_COLOR").env_remove("CYBERREADER_CONFIG");
    cmd.env("HOME", empty_home()).env("XDG_CONFIG_HOME", empty_home().join("config"));
    cmd
}

/// An empty home for the binary, so no test reads the user's config or writes their files.
fn empty_home() -> &'static std::path::Path {
    static HOME: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    HOME.get_or_init(|| tempfile::tempdir().unwrap()).path()
}

fn json_of(cmd: &mut Command) -> Value {
    let out = cmd.assert().success().get_output().stdout.clone();
    serde_json::from_slice(&out).unwrap()
}

#[test]
fn json_of_the_bundled_articles() {
    let doc = json_of(cyberreader().arg("--json"));
    let articles = doc["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 2);
    let a = &articles[0];
    assert_eq!(a["path"], "articles/yonhap-2013-10-17-un-chief-calls-for-global-cyberspace-norms.txt");
    assert_eq!(a["title"], "U.N. chief calls for global cyberspace norms");
    assert_eq!(a["dateline"]["place"], "SEOUL");
    assert_eq!(a["dateline"]["date"], "Oct. 17");
    assert_eq!(a["dateline"]["agency"], "Yonhap");
    assert_eq!(a["byline"], Value::Null);
    assert_eq!(a["rights"], "All rights reserved by Yonhap News Agency");
    assert!(a["paragraphs"][0].as_str().unwrap().starts_with("The international community should work together"));
    assert_eq!(a["credits"], Value::Array(vec![]));
    assert!(a["people"].is_array());
    assert!(doc["people"].is_array());
    let b = &articles[1];
    assert_eq!(b["dateline"]["date"], "Oct. 18");
    assert_ne!(a["id"], b["id"]);
    let text = serde_json::to_string(&doc).unwrap();
    for bad in ["Connect to share", "(END)", "\\r", "\\ufeff", "<All rights"] {
        assert!(!text.contains(bad), "{bad}");
    }
}

#[test]
fn ids_are_stable_across_runs() {
    let first = json_of(cyberreader().arg("--json"));
    let second = json_of(cyberreader().arg("--json"));
    assert_eq!(first["articles"][0]["id"], second["articles"][0]["id"]);
}

#[test]
fn bundled_articles_work_from_any_directory() {
    let dir = tempfile::tempdir().unwrap();
    let doc = json_of(cyberreader().current_dir(dir.path()).arg("--json"));
    assert_eq!(doc["articles"].as_array().unwrap().len(), 2);
}

#[test]
fn files_and_directories_with_problems_reported_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Rain in Lima\n\nLIMA (AP) — It rained.\n").unwrap();
    std::fs::write(dir.path().join("b.txt"), "").unwrap();
    let out = cyberreader().arg("--json").arg(dir.path()).assert().success();
    let out = out.get_output();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["articles"][0]["title"], "Rain in Lima");
    assert_eq!(doc["articles"][0]["dateline"]["date"], Value::Null);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("b.txt: empty file"), "{stderr}");
}

#[test]
fn a_missing_path_is_exit_2_with_one_line_naming_it() {
    let out = cyberreader().args(["--json", "no-such-file.txt"]).assert().code(2).stdout("");
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("cyberreader: no-such-file.txt: no such file or directory; check the path"), "{stderr}");
}

#[test]
fn help_lists_every_option_and_the_keys() {
    let out = cyberreader().arg("--help").assert().success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    for needle in [
        "--json",
        "--screenshot",
        "--keys",
        "--size",
        "--help",
        "--version",
        "FILE|DIR",
        "NO_COLOR",
        "Keys:",
        "search the article",
        "C-u",
        "S-Tab",
        "PgDn",
        "quit",
    ] {
        assert!(text.contains(needle), "--help lacks {needle}");
    }
}

#[test]
fn version_names_the_commit_it_was_built_from() {
    let out = cyberreader().arg("--version").assert().success().get_output().stdout.clone();
    let line = String::from_utf8(out).unwrap();
    let head = std::process::Command::new("git")
        .args(["-C", env!("CARGO_MANIFEST_DIR"), "rev-parse", "--short=12", "HEAD"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string());
    match head {
        Some(commit) => assert_eq!(line, format!("cyberreader {} (commit {commit})\n", env!("CARGO_PKG_VERSION"))),
        None => assert_eq!(line, format!("cyberreader {}\n", env!("CARGO_PKG_VERSION"))),
    }
}

#[test]
fn without_a_terminal_it_says_so_and_writes_no_escape_codes() {
    let out = cyberreader().write_stdin("").assert().code(2).stdout("");
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(stderr.contains("must be a terminal"), "{stderr}");
    assert!(stderr.contains("--json"), "{stderr}");
    assert!(!stderr.contains('\u{1b}'));
}

#[test]
fn bad_options_are_exit_2() {
    cyberreader().arg("--bogus").assert().code(2);
    cyberreader().args(["--keys", "j"]).assert().code(2).stderr(predicate::str::contains("--screenshot"));
    cyberreader()
        .args(["--screenshot", "--size", "wide"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("COLUMNSxROWS"));
}

#[test]
fn screenshot_plays_keys_and_prints_the_screen() {
    let out =
        cyberreader().args(["--screenshot", "--size", "120x40", "--keys", "/conference<Enter>n"]).assert().success();
    let screen = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert_eq!(screen.lines().count(), 40);
    assert!(screen.lines().all(|l| l.chars().count() <= 120));
    assert!(screen.contains("Gov't officials, civil leaders"), "{screen}");
    assert!(screen.lines().last().unwrap().contains("[2/"), "{screen}");
    assert!(!screen.contains('\u{1b}'));
}

#[test]
fn screenshot_rejects_a_bad_key_name() {
    cyberreader()
        .args(["--screenshot", "--keys", "<Dwon>"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("unknown key name <Dwon>"));
}

#[test]
fn screenshot_of_a_tiny_terminal_does_not_panic() {
    for size in ["0x0", "1x1", "10x3", "24x7"] {
        cyberreader().args(["--screenshot", "--size", size, "--keys", "<Tab>jjG/a<Enter>"]).assert().success();
    }
}

/// `cyberreader --json | head -c 100`: the reader of the pipe leaves early, and that is no error.
/// The document is made far larger than a pipe holds, so the writer really meets the closed pipe.
#[test]
fn json_into_a_pipe_closed_early_is_not_an_error() {
    use std::io::Read;
    let dir = tempfile::tempdir().unwrap();
    for i in 0..300 {
        let body = format!("Story {i}\n\nSEOUL (Yonhap) -- {}\n", "Officials met again on Tuesday. ".repeat(40));
        std::fs::write(dir.path().join(format!("{i:03}.txt")), body).unwrap();
    }
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("cyberreader"))
        .arg("--json")
        .arg(dir.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 100];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // The pipe's reading end is closed here, with most of the document unwritten.
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{:?}", out.status);
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(first.starts_with(b"{\n  \"articles\""));
}

/// A full disk is an error, and says so.
#[cfg(target_os = "linux")]
#[test]
fn json_onto_a_full_disk_fails_with_a_message() {
    let full = std::fs::File::options().write(true).open("/dev/full").unwrap();
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("cyberreader"))
        .arg("--json")
        .stdout(full)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap()
        .wait_with_output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("could not write JSON to standard output") && stderr.contains("No space left"), "{stderr}");
}

#[test]
fn config_prints_a_commented_default_that_reads_back() {
    let out = cyberreader().arg("config").assert().success().get_output().stdout.clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.starts_with("# cyberreader's config file."));
    assert!(
        text.contains("[reader]\n# The widest the article's text runs, in columns (20 to 1000).\nmax-width = 100\n")
    );
    assert!(text.contains("next-article = [\"J\"]  # next article\n"));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, &text).unwrap();
    cyberreader().arg("--config").arg(&path).arg("--json").assert().success();
    cyberreader()
        .arg("config")
        .arg("--path")
        .assert()
        .success()
        .stdout(format!("{}\n", empty_home().join("config/cyberreader/config.toml").display()));
}

#[test]
fn a_bad_config_stops_every_mode_with_status_2_and_says_where() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.toml");
    std::fs::write(&path, "[reader]\nalign = \"middle\"\n").unwrap();
    let message =
        format!("cyberreader: {}:2:9: align cannot be \"middle\"; allowed: \"center\", \"left\"\n", path.display());
    for args in [vec!["--json"], vec!["--screenshot"], vec![]] {
        cyberreader().arg("--config").arg(&path).args(&args).assert().code(2).stderr(message.clone()).stdout("");
        cyberreader().env("CYBERREADER_CONFIG", &path).args(&args).assert().code(2).stderr(message.clone());
    }
    // The default place is read too, and a file named there that is missing is no error.
    let xdg = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(xdg.path().join("cyberreader")).unwrap();
    std::fs::copy(&path, xdg.path().join("cyberreader/config.toml")).unwrap();
    cyberreader()
        .env("XDG_CONFIG_HOME", xdg.path())
        .arg("--json")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(":2:9: align"));
    cyberreader()
        .arg("--config")
        .arg(dir.path().join("missing.toml"))
        .arg("--json")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("could not read the config file"));
}

#[test]
fn help_shows_the_keys_the_config_gives() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("keys.toml");
    std::fs::write(&path, "[keys.article]\nnext-article = [\"C-n\", \"F5\"]\n").unwrap();
    let out = cyberreader().arg("--config").arg(&path).arg("--help").assert().success().get_output().stdout.clone();
    let help = String::from_utf8(out).unwrap();
    assert!(help.contains("    C-n F5                 next article\n"), "{help}");
    let screen = cyberreader()
        .arg("--config")
        .arg(&path)
        .args(["--screenshot", "--keys", "<Enter><C-n>"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(String::from_utf8(screen).unwrap().contains("Articles 2/2"));
}

#[test]
fn a_file_named_like_a_subcommand_opens_as_dot_slash_name_or_after_double_dash() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("man"), "Storm hits coast\n\nBUSAN, Oct. 2 (Yonhap) -- A storm hit the coast.\n")
        .unwrap();
    for args in [&["--json", "./man"][..], &["--json", "--", "man"][..]] {
        let doc = json_of(cyberreader().current_dir(dir.path()).args(args));
        assert_eq!(doc["articles"][0]["title"], "Storm hits coast", "{args:?}");
    }
    // Without either, it is the subcommand.
    cyberreader().current_dir(dir.path()).arg("man").assert().success().stdout(predicate::str::contains(".SH"));
}

/// Whether `bytes` hold anything a terminal would act on: ESC, BEL, any other C0 control but
/// the line feed, or a C1 control.
fn has_controls(bytes: &[u8]) -> bool {
    String::from_utf8_lossy(bytes).chars().any(|c| (c.is_control() && c != '\n') || ('\u{80}'..='\u{9f}').contains(&c))
}

const TITLE_SETTER: &str = "\x1b]2;PWNED\x07";

#[test]
fn a_file_named_like_an_option_is_read_and_its_name_reaches_stderr_clean() {
    let dir = tempfile::tempdir().unwrap();
    let hostile = format!("--{TITLE_SETTER}x.txt");
    std::fs::write(dir.path().join(&hostile), "Rain in Lima\n\nLIMA (AP) — It rained.\n").unwrap();
    std::fs::write(dir.path().join("good.txt"), "Sun in Quito\n\nQUITO (AP) — It shone.\n").unwrap();
    // As `cyberreader *.txt` passes them: the option-like name first.
    let out = cyberreader().current_dir(dir.path()).args(["--json", &hostile, "good.txt"]).assert().success();
    let out = out.get_output();
    assert!(!has_controls(&out.stderr), "{:?}", String::from_utf8_lossy(&out.stderr));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("--x.txt is read as a file"), "{stderr}");
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let titles: Vec<&str> = doc["articles"].as_array().unwrap().iter().map(|a| a["title"].as_str().unwrap()).collect();
    assert_eq!(titles, ["Rain in Lima", "Sun in Quito"]);
}

#[test]
fn an_unknown_option_that_is_no_file_is_reported_clean_with_the_way_round_it() {
    let dir = tempfile::tempdir().unwrap();
    let out =
        cyberreader().current_dir(dir.path()).args(["--json", &format!("--{TITLE_SETTER}y.txt")]).assert().code(2);
    let stderr = &out.get_output().stderr;
    assert!(!has_controls(stderr), "{:?}", String::from_utf8_lossy(stderr));
    let stderr = String::from_utf8_lossy(stderr);
    assert!(stderr.contains("--y.txt"), "{stderr}");
    assert!(stderr.contains("-- FILE"), "{stderr}");
}

#[test]
fn bad_size_and_keys_values_are_reported_clean() {
    for args in [
        vec!["--screenshot".to_string(), "--size".to_string(), format!("80{TITLE_SETTER}x24")],
        vec!["--screenshot".to_string(), "--size".to_string(), format!("{TITLE_SETTER}")],
        vec!["--screenshot".to_string(), "--keys".to_string(), format!("<{TITLE_SETTER}>")],
    ] {
        let out = cyberreader().args(&args).assert().code(2);
        let stderr = &out.get_output().stderr;
        assert!(!stderr.is_empty(), "{args:?}");
        assert!(!has_controls(stderr), "{args:?}: {:?}", String::from_utf8_lossy(stderr));
    }
}
