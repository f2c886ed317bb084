//! The binary as the tests run it: never the user's files, never their proxy.

use std::path::Path;

use assert_cmd::Command;

/// The binary with a home, data and config directories of its own under `home`, and no proxy,
/// colour, config or library chosen by the environment the tests were started from.
pub fn cyberreader(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("cyberreader").expect("the binary is built");
    cmd.env_remove("NO_COLOR").env_remove("CYBERREADER_CONFIG").env_remove("CYBERREADER_DB");
    for proxy in ["HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"] {
        cmd.env_remove(proxy);
    }
    cmd.env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_CACHE_HOME", home.join("cache"));
    cmd
}

/// A temporary home with its library and `urls` file, for the feed tests.
#[allow(dead_code)]
pub struct Home {
    pub dir: tempfile::TempDir,
}

#[allow(dead_code)]
impl Home {
    pub fn new() -> Self {
        Self { dir: tempfile::tempdir().expect("a temporary directory") }
    }

    pub fn db(&self) -> std::path::PathBuf {
        self.dir.path().join("library.db")
    }

    pub fn urls(&self) -> std::path::PathBuf {
        self.dir.path().join("config/cyberreader/urls")
    }

    /// Runs the binary on this home's library (`CYBERREADER_DB`, as the feed subcommands take
    /// it), without colour: its status, standard output and standard error.
    pub fn run(&self, args: &[&str]) -> (i32, String, String) {
        let mut cmd = cyberreader(self.dir.path());
        cmd.env("CYBERREADER_DB", self.db()).env("NO_COLOR", "1").env_remove("NO_PROXY").env_remove("no_proxy");
        let out = cmd.args(args).output().expect("the binary runs");
        let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
        (out.status.code().unwrap_or(-1), text(&out.stdout), text(&out.stderr))
    }
}
