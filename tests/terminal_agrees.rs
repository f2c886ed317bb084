//! What the reader draws and what a real terminal shows must agree, cell for cell. The reader's
//! own screen (`--screenshot`) is compared with tmux's (`capture-pane`): tmux counts widths with
//! the C library, not with the reader's tables, so characters it does not know, or draws at
//! another width, shift the rest of the row there and leave stale cells. (The vt100 crate shares
//! the reader's tables: a test against it could not fail.)
#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const SIZE: (u16, u16) = (100, 30);

/// An article full of characters terminals may not know: unassigned code points, an emoji newer
/// than the C library's tables, emoji joined by joiners, with skin tones, flags.
const ARTICLE: &str = "Unknown \u{378} and \u{7b5} in a headline|\n\nSEOUL (Yonhap) -- Unassigned a\u{378}b\u{7b5}c and \
new \u{1faf8}x emoji stay in place|.\n\nA coder 👩\u{200d}💻 and a family 👨\u{200d}👩\u{200d}👧 and a toned 👩🏽\u{200d}💻 \
coder and a flag 🇰🇷 and a heart ❤\u{fe0f} here|.\n\nPrivate \u{e000} use, combining e\u{301} and 中文 wide|.\n";

fn tmux(socket: &str, args: &[&str]) -> std::process::Output {
    Command::new("tmux").arg("-L").arg(socket).args(args).output().unwrap()
}

fn screenshot(file: &Path, home: &Path) -> Vec<String> {
    let out = Command::new(env!("CARGO_BIN_EXE_cyberreader"))
        .args(["--screenshot", "--size", &format!("{}x{}", SIZE.0, SIZE.1)])
        // The library the reader below uses (its default), so both say the same of it.
        .arg("--db")
        .arg(home.join("cyberreader").join("library.db"))
        .arg(file)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home)
        .env("XDG_DATA_HOME", home)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().lines().map(|l| l.trim_end().to_string()).collect()
}

#[test]
fn the_reader_and_tmux_show_the_same_screen() {
    if Command::new("tmux").arg("-V").output().is_err() {
        println!("SKIPPED: tmux is not installed, so there is no real terminal to compare with");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("unknown.txt");
    std::fs::write(&file, ARTICLE).unwrap();
    // The article must not become read while the test waits for the screen to settle.
    std::fs::create_dir_all(dir.path().join("cyberreader")).unwrap();
    std::fs::write(dir.path().join("cyberreader").join("config.toml"), "[reader]\nread-after = \"off\"\n").unwrap();
    let expected = screenshot(&file, dir.path());
    assert!(expected.iter().any(|l| l.contains("Unknown")), "{expected:#?}");

    let socket = format!("cyberreader-agree-{}", std::process::id());
    let command = format!(
        "env HOME={home} XDG_CONFIG_HOME={home} XDG_DATA_HOME={home} NO_COLOR=1 {bin} {file}",
        home = dir.path().display(),
        bin = env!("CARGO_BIN_EXE_cyberreader"),
        file = file.display()
    );
    let (w, h) = (SIZE.0.to_string(), SIZE.1.to_string());
    let started = tmux(&socket, &["-f", "/dev/null", "new-session", "-d", "-s", "r", "-x", &w, "-y", &h, &command]);
    assert!(started.status.success(), "{}", String::from_utf8_lossy(&started.stderr));
    // Wait until the screen is the reader's and has settled (the people are found).
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut shown = Vec::new();
    while Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(200));
        let capture = tmux(&socket, &["capture-pane", "-p", "-t", "r"]);
        let now: Vec<String> =
            String::from_utf8_lossy(&capture.stdout).lines().map(|l| l.trim_end().to_string()).collect();
        if now == shown && now.iter().any(|l| l.contains("Unknown")) && !now.iter().any(|l| l.contains("Finding")) {
            break;
        }
        shown = now;
    }
    tmux(&socket, &["kill-server"]);
    let expected: Vec<&str> = expected.iter().map(String::as_str).collect();
    let shown: Vec<&str> = shown.iter().map(String::as_str).collect();
    assert_eq!(shown[..expected.len().min(shown.len())], expected[..expected.len().min(shown.len())]);
}
