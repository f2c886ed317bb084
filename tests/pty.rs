//! The real binary in a pseudo-terminal: every way out (q, SIGTERM, SIGHUP, SIGINT, SIGQUIT, a panic, the
//! terminal going away) gives the terminal back as it was: main screen, cooked mode, no mouse
//! tracking, cursor shown. And keys typed into the terminal drive the reader.
#![cfg(unix)]
#![allow(clippy::unwrap_used)]

use std::io::{Read, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

const COLS: u16 = 100;
const ROWS: u16 = 30;
/// Generous: a debug build on a loaded two-core machine can be slow to start.
const START: Duration = Duration::from_secs(20);
/// How long the reader may take to leave once asked to.
const EXIT: Duration = Duration::from_secs(5);
const POLL: Duration = Duration::from_millis(20);

/// Modes the reader switches on, each with the sequence that switches it off again.
const MODES: &[(&str, &str, &str)] = &[
    ("alternate screen", "\x1b[?1049h", "\x1b[?1049l"),
    ("mouse press/release tracking", "\x1b[?1000h", "\x1b[?1000l"),
    ("mouse button-motion tracking", "\x1b[?1002h", "\x1b[?1002l"),
    ("mouse any-motion tracking", "\x1b[?1003h", "\x1b[?1003l"),
    ("rxvt mouse encoding", "\x1b[?1015h", "\x1b[?1015l"),
    ("SGR mouse encoding", "\x1b[?1006h", "\x1b[?1006l"),
    ("hidden cursor", "\x1b[?25l", "\x1b[?25h"),
];

/// The reader running in a pseudo-terminal, its output collected by a thread.
struct Pty {
    master: Option<Box<dyn MasterPty + Send>>,
    writer: Option<Box<dyn Write + Send>>,
    child: Box<dyn Child + Send + Sync>,
    pid: u32,
    output: Arc<Mutex<Vec<u8>>>,
    /// Asks the output thread to let go of its handle on the terminal after its next read.
    stop_reading: Arc<AtomicBool>,
    reader: Option<JoinHandle<()>>,
    screen: vt100::Parser,
    fed: usize,
    /// The terminal's local mode flags before the reader started.
    flags_before: Vec<String>,
    /// HOME and XDG_* for the reader, so it never touches the user's files.
    _home: tempfile::TempDir,
}

/// An empty home for the binary, so no test reads the user's config or writes their files.
fn empty_home() -> &'static std::path::Path {
    static HOME: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    HOME.get_or_init(|| tempfile::tempdir().unwrap()).path()
}

impl Pty {
    fn spawn(env: &[(&str, &str)]) -> Self {
        Self::launch(CommandBuilder::new(env!("CARGO_BIN_EXE_cyberreader")), env)
    }

    /// The reader on `files`.
    fn spawn_on(files: &[&std::path::Path]) -> Self {
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_cyberreader"));
        cmd.args(files);
        Self::launch(cmd, &[])
    }

    fn launch(cmd: CommandBuilder, env: &[(&str, &str)]) -> Self {
        Self::launch_sized(cmd, env, COLS)
    }

    /// `cols` wide: from 120 columns on, the people sidebar is shown.
    fn launch_sized(mut cmd: CommandBuilder, env: &[(&str, &str)], cols: u16) -> Self {
        let size = PtySize { rows: ROWS, cols, pixel_width: 0, pixel_height: 0 };
        let pair = native_pty_system().openpty(size).unwrap();
        let flags_before = local_flags(&*pair.master).expect("the pty's termios can be read");
        assert!(has(&flags_before, "ICANON") && has(&flags_before, "ECHO"), "a new pty is cooked: {flags_before:?}");
        let home = tempfile::tempdir().unwrap();
        cmd.env("TERM", "xterm-256color");
        cmd.env("HOME", home.path());
        for xdg in ["XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"] {
            cmd.env(xdg, home.path().join(xdg));
        }
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("CYBERREADER_TEST_PANIC");
        cmd.env_remove("CYBERREADER_CONFIG");
        cmd.env("HOME", empty_home());
        cmd.env("XDG_CONFIG_HOME", empty_home().join("config"));
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).unwrap();
        // Only the child holds the terminal's slave side, so its exit (or the master's close)
        // is seen at once.
        drop(pair.slave);
        let pid = child.process_id().unwrap();
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let output = Arc::new(Mutex::new(Vec::new()));
        let stop_reading = Arc::new(AtomicBool::new(false));
        let reader = {
            let output = Arc::clone(&output);
            let stop = Arc::clone(&stop_reading);
            std::thread::spawn(move || {
                let mut buf = [0u8; 8192];
                loop {
                    match reader.read(&mut buf) {
                        Ok(0) => break,
                        Ok(n) => output.lock().unwrap().extend_from_slice(&buf[..n]),
                        Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                        // EIO once the child has gone and the slave side is closed.
                        Err(_) => break,
                    }
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                }
            })
        };
        Self {
            master: Some(pair.master),
            writer: Some(writer),
            child,
            pid,
            output,
            stop_reading,
            reader: Some(reader),
            screen: vt100::Parser::new(ROWS, cols, 0),
            fed: 0,
            flags_before,
            _home: home,
        }
    }

    /// Feeds the output collected so far to the screen.
    fn pump(&mut self) {
        let out = self.output.lock().unwrap();
        self.screen.process(&out[self.fed..]);
        self.fed = out.len();
    }

    fn output(&self) -> Vec<u8> {
        self.output.lock().unwrap().clone()
    }

    /// Polls the screen until `ready` holds, or fails the test with what the screen shows.
    fn wait_for(&mut self, what: &str, timeout: Duration, ready: impl Fn(&vt100::Screen) -> bool) {
        let deadline = Instant::now() + timeout;
        loop {
            self.pump();
            if ready(self.screen.screen()) {
                return;
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                self.pump();
                panic!("the reader exited ({status:?}) before {what}; screen:\n{}", self.screen.screen().contents());
            }
            if Instant::now() > deadline {
                let contents = self.screen.screen().contents();
                let _ = self.child.kill();
                panic!("timed out waiting for {what}; screen:\n{contents}");
            }
            std::thread::sleep(POLL);
        }
    }

    /// Waits for the reader's first screen.
    fn wait_started(&mut self) {
        self.wait_for("the article list", START, |s| s.contents().contains("Articles"));
    }

    fn last_row(&self) -> String {
        self.screen.screen().rows(0, COLS).last().unwrap_or_default()
    }

    fn send(&mut self, bytes: &[u8]) {
        let writer = self.writer.as_mut().unwrap();
        writer.write_all(bytes).unwrap();
        writer.flush().unwrap();
    }

    /// Writes `bytes` on a thread of its own: a reader that stops reading would otherwise block
    /// the write, and the test with it, once the terminal's input buffer is full. The writer is
    /// back when the returned handle is given to [`Pty::sent`].
    fn send_in_background(&mut self, bytes: Vec<u8>) -> JoinHandle<Box<dyn Write + Send>> {
        let mut writer = self.writer.take().unwrap();
        std::thread::spawn(move || {
            writer.write_all(&bytes).unwrap();
            writer.flush().unwrap();
            writer
        })
    }

    fn sent(&mut self, sending: JoinHandle<Box<dyn Write + Send>>) {
        self.writer = Some(sending.join().unwrap());
    }

    fn kill(&self, signal: &str) {
        let status = std::process::Command::new("kill").args([signal, &self.pid.to_string()]).status().unwrap();
        assert!(status.success(), "kill {signal} {}", self.pid);
    }

    /// Waits for the reader to exit, then for the last of its output.
    fn wait_exit(&mut self, why: &str) -> ExitStatus {
        let deadline = Instant::now() + EXIT;
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                self.pump();
                panic!(
                    "the reader did not exit within {EXIT:?} after {why}; screen:\n{}",
                    self.screen.screen().contents()
                );
            }
            std::thread::sleep(POLL);
        };
        self.join_reader();
        self.pump();
        status
    }

    /// Waits (boundedly) for the output thread to read everything and end.
    fn join_reader(&mut self) {
        let deadline = Instant::now() + EXIT;
        while self.reader.as_ref().is_some_and(|r| !r.is_finished()) && Instant::now() < deadline {
            std::thread::sleep(POLL);
        }
        if let Some(r) = self.reader.take_if(|r| r.is_finished()) {
            r.join().unwrap();
        }
    }

    /// Everything the reader switched on was switched off after the last time it took over the
    /// screen, the emulated terminal agrees, and the tty is back in cooked mode.
    fn assert_restored(&mut self, why: &str) {
        let problems = self.restoration_problems();
        assert!(problems.is_empty(), "{why}: the terminal was not restored:\n{}", problems.join("\n"));
    }

    /// What was left switched on, if anything.
    fn restoration_problems(&mut self) -> Vec<String> {
        let mut problems = Vec::new();
        let out = self.output();
        let text = String::from_utf8_lossy(&out);
        let Some(entered) = text.rfind("\x1b[?1049h") else {
            return vec!["never entered the alternate screen".to_string()];
        };
        for (name, on, off) in MODES {
            let last_on = text.rfind(on);
            let last_off = text.rfind(off);
            if !last_off.is_some_and(|off| off > entered && last_on.is_none_or(|on| off > on)) {
                problems
                    .push(format!("{name} not switched off ({off:?}); output after entering: {:?}", &text[entered..]));
            }
        }
        let screen = self.screen.screen();
        if screen.alternate_screen() {
            problems.push("still on the alternate screen".to_string());
        }
        if screen.hide_cursor() {
            problems.push("cursor still hidden".to_string());
        }
        if screen.mouse_protocol_mode() != vt100::MouseProtocolMode::None {
            problems.push(format!("mouse still tracked: {:?}", screen.mouse_protocol_mode()));
        }
        match local_flags(&**self.master.as_ref().unwrap()) {
            None => problems.push("the pty's termios cannot be read".to_string()),
            Some(flags) => {
                if !has(&flags, "ICANON") || !has(&flags, "ECHO") {
                    problems.push(format!("still in raw mode: {flags:?}"));
                }
                if flags != self.flags_before {
                    problems.push(format!("local modes {flags:?}, before {:?}", self.flags_before));
                }
            }
        }
        problems
    }

    fn contents(&self) -> String {
        self.screen.screen().contents()
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        // Never leave a reader behind, whatever failed.
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// The names of the pty's local mode flags (ICANON, ECHO, ...), as termios reports them.
fn local_flags(master: &dyn MasterPty) -> Option<Vec<String>> {
    let termios = master.get_termios()?;
    let debug = format!("{:?}", termios.local_flags);
    let mut names: Vec<String> = debug
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
        .filter(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_uppercase() || c == '_'))
        .map(str::to_string)
        .collect();
    names.sort();
    Some(names)
}

fn has(flags: &[String], name: &str) -> bool {
    flags.iter().any(|f| f == name)
}

fn exit_code(status: &ExitStatus) -> u32 {
    status.exit_code()
}

#[test]
fn the_reader_takes_over_the_terminal() {
    let mut pty = Pty::spawn(&[]);
    pty.wait_started();
    let screen = pty.screen.screen();
    assert!(screen.alternate_screen());
    assert!(screen.hide_cursor());
    assert_ne!(screen.mouse_protocol_mode(), vt100::MouseProtocolMode::None);
    let flags = local_flags(&**pty.master.as_ref().unwrap()).unwrap();
    eprintln!("local flags in raw mode: {flags:?}, before: {:?}", pty.flags_before);
    assert!(!has(&flags, "ICANON") && !has(&flags, "ECHO"), "not in raw mode: {flags:?}");
    pty.send(b"q");
    let status = pty.wait_exit("q");
    assert!(status.success(), "{status:?}");
}

#[test]
fn q_restores_the_terminal() {
    let mut pty = Pty::spawn(&[]);
    pty.wait_started();
    pty.send(b"q");
    let status = pty.wait_exit("q");
    assert!(status.success(), "{status:?}");
    pty.assert_restored("q");
}

fn signal_restores_the_terminal(signal: &str, number: u32) {
    let mut pty = Pty::spawn(&[]);
    pty.wait_started();
    pty.kill(signal);
    let status = pty.wait_exit(signal);
    assert_eq!(exit_code(&status), 128 + number, "{signal}: {status:?}");
    pty.assert_restored(signal);
}

#[test]
fn sigterm_restores_the_terminal() {
    signal_restores_the_terminal("-TERM", 15);
}

#[test]
fn sighup_restores_the_terminal() {
    signal_restores_the_terminal("-HUP", 1);
}

#[test]
fn sigint_restores_the_terminal() {
    signal_restores_the_terminal("-INT", 2);
}

/// Ctrl-\ sends nothing in raw mode, but `kill -QUIT` does.
#[test]
fn sigquit_restores_the_terminal() {
    signal_restores_the_terminal("-QUIT", 3);
}

/// The checks above can fail: SIGKILL leaves no chance to restore anything.
#[test]
fn sigkill_is_seen_to_leave_the_terminal_taken_over() {
    let mut pty = Pty::spawn(&[]);
    pty.wait_started();
    pty.kill("-KILL");
    pty.wait_exit("-KILL");
    let problems = pty.restoration_problems().join("\n");
    for expected in ["alternate screen not switched off", "mouse still tracked", "cursor still hidden", "raw mode"] {
        assert!(problems.contains(expected), "{expected}: {problems}");
    }
}

#[test]
fn a_panic_restores_the_terminal_and_says_so() {
    let mut pty = Pty::spawn(&[("CYBERREADER_TEST_PANIC", "1")]);
    let status = pty.wait_exit("a panic");
    assert_eq!(exit_code(&status), 101, "{status:?}");
    pty.assert_restored("a panic");
    let contents = pty.contents();
    assert!(contents.contains("internal error"), "{contents}");
    assert!(contents.contains("The terminal was restored"), "{contents}");
}

#[test]
fn the_reader_exits_when_the_terminal_goes_away() {
    let mut pty = Pty::spawn(&[]);
    pty.wait_started();
    close_terminal(&mut pty);
    let closed = Instant::now();
    let deadline = closed + EXIT;
    loop {
        if let Some(status) = pty.child.try_wait().unwrap() {
            eprintln!("exited {status:?} {:?} after the terminal closed", closed.elapsed());
            assert_ne!(exit_code(&status), 0, "a lost terminal is not a normal quit: {status:?}");
            break;
        }
        assert!(Instant::now() < deadline, "the reader kept running after its terminal went away");
        std::thread::sleep(POLL);
    }
}

#[test]
fn keys_typed_in_the_terminal_search_the_article() {
    let mut pty = Pty::spawn(&[]);
    pty.wait_started();
    // Down to the second article, Tab to the article pane.
    pty.send(b"\x1b[B");
    pty.wait_for("the second article", START, |s| s.contents().contains("article 2/2"));
    pty.send(b"\t");
    pty.wait_for("the article pane's focus", START, |s| s.contents().contains("ARTICLE"));
    pty.send(b"/seoul");
    pty.wait_for("the search prompt", START, |s| s.contents().contains("/seoul"));
    pty.send(b"\r");
    pty.wait_for("a match counter", START, |s| {
        s.rows(0, COLS).last().is_some_and(|row| row.contains("[1/") && row.contains("ARTICLE"))
    });
    let last = pty.last_row();
    assert!(!last.contains("[1/0]"), "{last}");
    pty.send(b"n");
    pty.wait_for("the second match", START, |s| s.rows(0, COLS).last().is_some_and(|row| row.contains("[2/")));
    pty.send(b"q");
    let status = pty.wait_exit("q");
    assert!(status.success(), "{status:?}");
    pty.assert_restored("q after a search");
}

/// Closes the terminal for good: the output thread lets go after the redraw a key causes, then
/// our handles on the master side are dropped.
fn close_terminal(pty: &mut Pty) {
    pty.stop_reading.store(true, Ordering::SeqCst);
    pty.send(b"j");
    pty.join_reader();
    assert!(pty.reader.is_none(), "the output thread did not let go of the terminal");
    drop(pty.writer.take());
    drop(pty.master.take());
}

/// A terminal that vanishes without a hang-up signal (`setsid -w cyberreader` in tmux, then the
/// tmux server killed): reads of it return end-of-file. The reader must end, not spin.
#[test]
fn the_reader_exits_when_the_terminal_closes_without_a_signal() {
    // The reader in a session of its own, so the closing terminal sends it no SIGHUP; `setsid
    // -w` waits for it and passes its status on, and ignores the hang-up it gets itself.
    let mut cmd = CommandBuilder::new("sh");
    cmd.args(["-c", "trap '' HUP; exec setsid -w \"$0\"", env!("CARGO_BIN_EXE_cyberreader")]);
    let mut pty = Pty::launch(cmd, &[]);
    pty.wait_started();
    close_terminal(&mut pty);
    let status = pty.wait_exit("the terminal closed without a signal");
    assert_eq!(exit_code(&status), 1, "the end of the terminal's input is not a quit: {status:?}");
}

/// A file whose article is long enough to scroll a long way.
fn long_article(dir: &std::path::Path, paragraphs: usize) -> std::path::PathBuf {
    let mut text = String::from("A long report\n\nGENEVA (AP) — The report begins here.\n\n");
    for i in 0..paragraphs {
        text.push_str(&format!("Paragraph {i} of the report says little.\n\n"));
    }
    let path = dir.join("long.txt");
    std::fs::write(&path, text).unwrap();
    path
}

/// 64 KB of wheel reports in one write (crossterm read 1 KiB of such a burst and waited for the
/// next key before reading on): every one of them scrolls, with no key after them.
#[test]
fn a_64_kb_burst_of_wheel_reports_is_read_to_the_end() {
    let dir = tempfile::tempdir().unwrap();
    let path = long_article(dir.path(), 12_000);
    let mut pty = Pty::spawn_on(&[&path]);
    pty.wait_started();
    pty.send(b"\t");
    pty.wait_for("the article pane's focus", START, |s| s.contents().contains("ARTICLE"));
    // Over the article pane (1-based column 50, row 10), the wheel turned down.
    let report = b"\x1b[<65;50;10M";
    let count = 65_536usize.div_ceil(report.len());
    let burst: Vec<u8> = report.iter().copied().cycle().take(report.len() * count).collect();
    let sending = pty.send_in_background(burst);
    // Three rows a notch.
    let expected = format!("line {}/", 3 * count + 1);
    pty.wait_for(&expected, START, |s| s.rows(0, COLS).last().is_some_and(|row| row.contains(&expected)));
    pty.sent(sending);
    pty.send(b"q");
    assert!(pty.wait_exit("q").success());
}

/// 64 KB typed into the search prompt at once: the last of it (the query that ends it, and
/// Enter) is acted on, and nothing of it is lost (every typed letter is taken back by the
/// Backspace after it, so a single lost byte leaves a query that matches nothing).
#[test]
fn a_64_kb_paste_into_the_search_prompt_is_read_to_the_end() {
    let mut pty = Pty::spawn(&[]);
    pty.wait_started();
    pty.send(b"\t");
    pty.wait_for("the article pane's focus", START, |s| s.contents().contains("ARTICLE"));
    pty.send(b"/");
    pty.wait_for("the search prompt", START, |s| s.rows(0, COLS).last().is_some_and(|row| row.starts_with('/')));
    let mut burst: Vec<u8> = b"z\x7f".iter().copied().cycle().take(65_536).collect();
    burst.extend_from_slice(b"q\x7fSeoul\r");
    let sending = pty.send_in_background(burst);
    pty.wait_for("the match counter", START, |s| {
        s.rows(0, COLS).last().is_some_and(|row| row.contains("[1/") && row.contains("ARTICLE"))
    });
    pty.sent(sending);
    let last = pty.last_row();
    assert!(!last.contains("[1/0]"), "{last}");
    pty.send(b"q");
    assert!(pty.wait_exit("q").success());
}

/// Wide enough for the people sidebar.
const WIDE: u16 = 130;

/// Waits for the sidebar to list people: "People (N)" with a number.
fn wait_for_people(pty: &mut Pty) {
    pty.wait_for("the people in the sidebar", START, |s| {
        s.contents().split("People (").nth(1).is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
    });
}

/// A short article's people are on the very first screen, every time (the extractor used to
/// race the first draw, and the loop could miss its result until a key came).
#[test]
fn a_short_articles_people_are_on_the_first_screen() {
    for launch in 0..8 {
        let mut pty = Pty::launch_sized(CommandBuilder::new(env!("CARGO_BIN_EXE_cyberreader")), &[], WIDE);
        wait_for_people(&mut pty);
        let out = String::from_utf8_lossy(&pty.output()).to_string();
        assert!(!out.contains("Finding people"), "launch {launch}: the first screen was without people");
        pty.send(b"q");
        assert!(pty.wait_exit("q").success());
    }
}

/// A long article's people are found in the background; when they are ready they are shown
/// with no key pressed.
#[test]
fn a_long_articles_people_appear_without_a_key() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("Senate talks\n\nWASHINGTON (AP) — Sen. Ron Wyden said the talks went on.\n\n");
    while text.len() < 300 * 1024 {
        text.push_str("Wyden said the talks would go on for weeks, and nobody disagreed with that.\n\n");
    }
    let path = dir.path().join("long.txt");
    std::fs::write(&path, text).unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_cyberreader"));
    cmd.arg(&path);
    let mut pty = Pty::launch_sized(cmd, &[], WIDE);
    wait_for_people(&mut pty);
    assert!(pty.contents().contains("Ron Wyden"), "{}", pty.contents());
    pty.send(b"q");
    assert!(pty.wait_exit("q").success());
}
