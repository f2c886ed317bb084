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
