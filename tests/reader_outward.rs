//! The keys that take an article out of the reader, through the real binary (`--screenshot`):
//! `O` starts `$BROWSER` with the URL as one argument, `w` writes a file and never replaces one
//! unasked, `x` fetches the full text from a server on 127.0.0.1.
#![allow(clippy::unwrap_used)]

mod feeds_support;

use std::os::unix::fs::PermissionsExt as _;
use std::path::Path;

use assert_cmd::Command;
use feeds_support::{Reply, serve};

mod home;
use home::cyberreader;

fn screen(cmd: &mut Command) -> String {
    String::from_utf8(cmd.assert().success().get_output().stdout.clone()).unwrap()
}

fn feed_file(dir: &Path, link: &str) -> std::path::PathBuf {
    let path = dir.join("feed.xml");
    let rss = format!(
        "<rss version=\"2.0\"><channel><title>Quay News</title><item><title>Dock workers vote</title>\
         <link>{link}</link><guid>q-1</guid><description>A short summary of the vote.</description></item>\
         </channel></rss>"
    );
    std::fs::write(&path, rss).unwrap();
    path
}

#[test]
fn o_starts_the_browser_with_the_url_as_one_argument() {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("args");
    let browser = dir.path().join("browser");
    std::fs::write(&browser, format!("#!/bin/sh\nprintf '%s\\n' \"$#\" \"$@\" > '{}'\n", out.display())).unwrap();
    std::fs::set_permissions(&browser, std::fs::Permissions::from_mode(0o755)).unwrap();
    let link = "https://quay.example/vote?a=1&b=$(touch%20pwned);touch%20pwned";
    let feed = feed_file(dir.path(), &link.replace('&', "&amp;"));
    let shown = screen(
        cyberreader(home.path())
            .current_dir(dir.path())
            .env("BROWSER", &browser)
            .args(["--screenshot", "--size", "120x24", "--keys", "O"])
            .arg(&feed),
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), format!("1\n{link}\n"));
    assert!(!dir.path().join("pwned").exists());
    assert!(shown.contains("Opened https://quay.example/vote"), "{shown}");
}

#[test]
fn w_saves_the_article_and_refuses_to_replace_a_file_unless_told_yes() {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let feed = feed_file(dir.path(), "https://quay.example/vote");
    let shown = screen(
        cyberreader(home.path())
            .current_dir(dir.path())
            .args(["--screenshot", "--size", "120x24", "--keys", "w<Enter>"])
            .arg(&feed),
    );
    let saved = dir.path().join("dock-workers-vote.txt");
    let text = std::fs::read_to_string(&saved).unwrap();
    assert!(text.starts_with("Dock workers vote\n") && text.contains("A short summary of the vote."), "{text}");
    assert!(shown.contains("Saved to "), "{shown}");
    std::fs::write(&saved, "mine").unwrap();
    let shown = screen(
        cyberreader(home.path())
            .current_dir(dir.path())
            .args(["--screenshot", "--size", "120x24", "--keys", "w<Enter>"])
            .arg(&feed),
    );
    assert!(shown.contains("dock-workers-vote.txt exists; replace it? (y/n):"), "{shown}");
    cyberreader(home.path())
        .current_dir(dir.path())
        .args(["--screenshot", "--size", "120x24", "--keys", "w<Enter>n<Enter>"])
        .arg(&feed)
        .assert()
        .success();
    assert_eq!(std::fs::read_to_string(&saved).unwrap(), "mine");
    cyberreader(home.path())
        .current_dir(dir.path())
        .args(["--screenshot", "--size", "120x24", "--keys", "w<Enter>y<Enter>"])
        .arg(&feed)
        .assert()
        .success();
    assert!(std::fs::read_to_string(&saved).unwrap().starts_with("Dock workers vote\n"));
}

#[test]
fn x_fetches_the_full_text_from_the_page() {
    let body = "<p>The dock workers voted on Tuesday to accept the contract after a long night of talks \
                with the port's owners, union leader Amara Okafor said.</p>"
        .repeat(5);
    let page = format!(
        "<html><head><title>Vote</title></head><body><nav><a href='/'>Home</a></nav>\
         <article><h1>Dock workers vote</h1>{body}</article><footer>Privacy</footer></body></html>"
    );
    let server = serve(move |_| Reply::ok("text/html; charset=utf-8", page.clone()));
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let feed = feed_file(dir.path(), &server.url("/vote"));
    let shown =
        screen(cyberreader(home.path()).args(["--screenshot", "--size", "120x30", "--keys", "<Enter>x"]).arg(&feed));
    assert!(shown.contains("The dock workers voted on Tuesday"), "{shown}");
    assert!(!shown.contains("A short summary of the vote.") && !shown.contains("Privacy"), "{shown}");
    assert!(shown.contains("Amara Okafor") || shown.contains("The full text"), "{shown}");

    let missing = serve(|_| Reply::status(404));
    let feed = feed_file(dir.path(), &missing.url("/gone"));
    let shown =
        screen(cyberreader(home.path()).args(["--screenshot", "--size", "120x30", "--keys", "<Enter>x"]).arg(&feed));
    assert!(shown.contains("No full text: HTTP 404"), "{shown}");
    assert!(shown.contains("A short summary of the vote."), "{shown}");
}
