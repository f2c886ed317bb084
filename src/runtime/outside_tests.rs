use std::os::unix::fs::PermissionsExt as _;

use super::*;

/// A browser that writes how many arguments it got, and each on a line, to `out`.
fn browser_script(dir: &Path, out: &Path) -> String {
    let script = dir.join("browser");
    std::fs::write(&script, format!("#!/bin/sh\nprintf '%s\\n' \"$#\" \"$@\" > '{}'\n", out.display())).unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    script.display().to_string()
}

#[test]
fn the_browser_gets_the_url_as_one_argument_and_no_shell_sees_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("args");
    let browser = browser_script(dir.path(), &out);
    // Shell syntax in a URL stays text: nothing runs, no file is made.
    let url = "https://news.example/a?x=1&y=$(touch%20pwned)';touch pwned'";
    let opened = open_url(url, Some(&browser), true).unwrap();
    let args = std::fs::read_to_string(&out).unwrap();
    let parsed = url::Url::parse(url).unwrap();
    assert_eq!(args, format!("1\n{url}\n"), "{parsed}");
    assert_eq!(opened, url);
    assert!(!dir.path().join("pwned").exists() && !Path::new("pwned").exists());
}

#[test]
fn a_browser_with_arguments_and_percent_s_gets_the_url_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("args");
    let browser = format!("{} --new-tab %s --private", browser_script(dir.path(), &out));
    open_url("https://a.example/", Some(&browser), true).unwrap();
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "3\n--new-tab\nhttps://a.example/\n--private\n");
}

#[test]
fn only_web_addresses_are_opened_and_a_missing_browser_is_named() {
    let err = open_url("file:///etc/passwd", Some("/bin/true"), true).unwrap_err();
    assert_eq!(err, "Not opened: file:///etc/passwd is not an http:// or https:// address");
    assert!(open_url("-oProxyCommand=x", Some("/bin/true"), true).is_err());
    let err = open_url("https://a.example/", Some("/nonexistent/browser"), true).unwrap_err();
    assert!(err.starts_with("Could not start /nonexistent/browser: no such file"), "{err}");
}

#[test]
fn saving_writes_a_new_file_and_never_replaces_one_unasked() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("story.txt");
    let written = save(&path, "first\n", false).unwrap();
    assert_eq!(written, std::fs::canonicalize(&path).unwrap().display().to_string());
    assert_eq!(save(&path, "second\n", false), Err(SaveError::Exists(path.display().to_string())));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "first\n");
    save(&path, "second\n", true).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "second\n");
    let err = save(&dir.path().join("no/such/dir.txt"), "x", false).unwrap_err();
    assert!(
        matches!(&err, SaveError::Failed(m) if m.contains("no/such/dir.txt") && m.contains("no such file")),
        "{err:?}"
    );
}

#[test]
fn in_a_script_there_is_no_terminal_to_lend_and_full_text_without_a_library_is_fetched() {
    let mut outside = Outside::new(crate::run::SessionOnly, false, None);
    outside.carry_out(vec![
        Effect::Pipe { command: "cat".into(), text: "x".into() },
        Effect::Ask(Request::FullText { id: "a".into(), url: "https://a.example/".into() }),
    ]);
    let answers = outside.take_answers();
    assert!(matches!(&answers[0], Answer::Piped(Err(m)) if m.contains("works in the reader")));
    assert_eq!(answers[1], Answer::StoredFullText { id: "a".into(), url: "https://a.example/".into(), text: None });
    assert!(!outside.take_redraw());
}
