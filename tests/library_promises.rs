//! The library's promises through the real binary in a pseudo-terminal: a reader killed with
//! `kill -9` leaves a sound library with what it wrote; two readers on one library lose none of
//! each other's changes; and a new user's path (open files, read, star, quit, relaunch without
//! files) finds everything as it was left.
#![cfg(unix)]
#![allow(clippy::unwrap_used)]

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

/// Generous: a debug build on a loaded two-core machine can be slow.
const PATIENCE: Duration = Duration::from_secs(30);

/// The reader in a pseudo-terminal, its output collected by a thread.
struct Reader {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    output: Arc<Mutex<Vec<u8>>>,
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Reader {
    fn start(home: &Path, db: &Path, files: &[&Path]) -> Self {
        let pair =
            native_pty_system().openpty(PtySize { rows: 30, cols: 100, pixel_width: 0, pixel_height: 0 }).unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_cyberreader"));
        cmd.arg("--db");
        cmd.arg(db);
        for f in files {
            cmd.arg(f);
        }
        cmd.env("HOME", home);
        cmd.env("XDG_CONFIG_HOME", home.join("config"));
        cmd.env("XDG_DATA_HOME", home.join("data"));
        cmd.env("TERM", "xterm-256color");
        for var in ["NO_COLOR", "CYBERREADER_CONFIG", "CYBERREADER_DB"] {
            cmd.env_remove(var);
        }
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let output = Arc::new(Mutex::new(Vec::new()));
        let mut from = pair.master.try_clone_reader().unwrap();
        let into = Arc::clone(&output);
        std::thread::spawn(move || {
            let mut buf = [0; 65536];
            while let Ok(n) = from.read(&mut buf) {
                if n == 0 {
                    break;
                }
                into.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().unwrap();
        Self { child, writer, output, _master: pair.master }
    }

    fn screen(&self) -> String {
        let mut parser = vt100::Parser::new(30, 100, 0);
        parser.process(&self.output.lock().unwrap());
        parser.screen().contents()
    }

    fn wait_for(&self, what: &str) {
        let deadline = Instant::now() + PATIENCE;
        while !self.screen().contains(what) {
            assert!(Instant::now() < deadline, "never showed {what:?}:\n{}", self.screen());
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    fn kill_9(&mut self) {
        let pid = self.child.process_id().unwrap().to_string();
        assert!(std::process::Command::new("kill").args(["-9", &pid]).status().unwrap().success());
        self.child.wait().unwrap();
    }

    fn quit(&mut self) {
        self.send("q");
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                assert!(status.success(), "{status:?}");
                return;
            }
            assert!(Instant::now() < deadline, "the reader did not quit:\n{}", self.screen());
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

fn files(home: &Path) -> PathBuf {
    let dir = home.join("news");
    std::fs::create_dir_all(&dir).unwrap();
    for (name, title, place, day) in [
        ("a.txt", "Harbour reopens after storm", "BUSAN", 3),
        ("b.txt", "Bridge closes for repairs", "INCHEON", 4),
        ("c.txt", "Rail line extended to airport", "DAEGU", 5),
    ] {
        let text = format!("{title}\n\n{place}, Oct. {day} (Yonhap) -- {title}, officials said on Thursday.\n");
        std::fs::write(dir.join(name), text).unwrap();
    }
    dir
}

/// The state the library has of the article titled `title`, read through a connection of the
/// test's own (as another program would).
fn state(db: &Path, title: &str) -> (bool, bool) {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.busy_timeout(Duration::from_secs(10)).unwrap();
    conn.query_row(
        "SELECT s.read, s.starred FROM articles a JOIN article_state s ON s.article = a.key WHERE a.title = ?1",
        [title],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .unwrap_or((false, false))
}

fn wait_state(db: &Path, title: &str, want: (bool, bool)) {
    let deadline = Instant::now() + PATIENCE;
    while state(db, title) != want {
        assert!(Instant::now() < deadline, "{title}: the library has {:?}, not {want:?}", state(db, title));
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn integrity(db: &Path) -> String {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap()
}

#[test]
fn a_reader_killed_while_reading_keeps_what_it_wrote_and_the_next_launch_is_as_left() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("library.db");
    let news = files(home.path());
    let mut reader = Reader::start(home.path(), &db, &[&news]);
    reader.wait_for("Rail line extended");
    // The second article in the list (newest first: "Bridge closes"), opened and starred.
    reader.send("j\rs");
    wait_state(&db, "Bridge closes for repairs", (true, true));
    reader.kill_9();
    assert_eq!(integrity(&db), "ok");
    assert_eq!(state(&db, "Bridge closes for repairs"), (true, true));
    assert_eq!(state(&db, "Harbour reopens after storm"), (false, false));
    // Again with the files: starred ones only, the article pane, then quit.
    let mut reader = Reader::start(home.path(), &db, &[&news]);
    reader.wait_for("Rail line extended");
    reader.send("vv");
    reader.wait_for(" Starred 1/1 ");
    reader.send("\t");
    reader.wait_for(" ARTICLE ");
    reader.quit();
    // Without files: the whole library, as it was left.
    let out = assert_cmd::Command::cargo_bin("cyberreader")
        .unwrap()
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env_remove("CYBERREADER_DB")
        .arg("--db")
        .arg(&db)
        .args(["--screenshot", "--size", "100x12"])
        .assert()
        .success();
    let screen = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(screen.contains(" Starred 1/1 ") && screen.contains("Bridge closes"), "{screen}");
    assert!(screen.contains(" ARTICLE ") && !screen.contains("Harbour"), "{screen}");
}

#[test]
fn two_readers_on_one_library_both_keep_their_changes() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("library.db");
    let news = files(home.path());
    let mut one = Reader::start(home.path(), &db, &[&news]);
    one.wait_for("Rail line extended");
    let mut two = Reader::start(home.path(), &db, &[&news]);
    two.wait_for("Rail line extended");
    // One stars the first article, the other the last, each marking it read too.
    one.send("s");
    two.send("Gsm");
    one.send("m");
    wait_state(&db, "Rail line extended to airport", (true, true));
    wait_state(&db, "Harbour reopens after storm", (true, true));
    one.quit();
    two.quit();
    assert_eq!(integrity(&db), "ok");
    assert_eq!(state(&db, "Rail line extended to airport"), (true, true));
    assert_eq!(state(&db, "Harbour reopens after storm"), (true, true));
    assert_eq!(state(&db, "Bridge closes for repairs"), (false, false));
}

#[test]
fn a_library_import_killed_midway_is_sound() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("library.db");
    let dir = home.path().join("many");
    std::fs::create_dir_all(&dir).unwrap();
    for n in 0..2000 {
        let text = format!(
            "Story number {n} of the day\n\nSEOUL, Oct. 3 (Yonhap) -- Minister Kim Min-{n} said on Thursday the talks went on. {}\n",
            "The talks would go on for weeks, officials said. ".repeat(20)
        );
        std::fs::write(dir.join(format!("{n:05}.txt")), text).unwrap();
    }
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_cyberreader"))
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .arg("--db")
        .arg(&db)
        .arg("--json")
        .arg(&dir)
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Killed once the library exists: somewhere in parsing, people or the write.
    let deadline = Instant::now() + PATIENCE;
    while !db.exists() && Instant::now() < deadline && child.try_wait().unwrap().is_none() {
        std::thread::sleep(Duration::from_millis(5));
    }
    let _ = std::process::Command::new("kill").args(["-9", &child.id().to_string()]).status();
    let _ = child.wait();
    if !db.exists() {
        return;
    }
    assert_eq!(integrity(&db), "ok");
    // One batch: all of it or none, never a part.
    let conn = rusqlite::Connection::open(&db).unwrap();
    let n: i64 = conn.query_row("SELECT count(*) FROM articles", [], |r| r.get(0)).unwrap_or(0);
    assert!(n == 0 || n == 2000, "{n} articles");
}

#[test]
fn the_last_search_in_an_article_is_there_at_the_next_launch() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("library.db");
    let news = files(home.path());
    let mut reader = Reader::start(home.path(), &db, &[&news]);
    reader.wait_for("Rail line extended");
    reader.send("/officials\r");
    reader.wait_for("[1/1]");
    reader.quit();
    let reader = Reader::start(home.path(), &db, &[&news]);
    reader.wait_for("[/officials: 1 match]");
}
