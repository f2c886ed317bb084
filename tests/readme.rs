//! The README shows the real screen and the real keymap: this test fails when either drifts,
//! and `UPDATE_README=1 cargo test --test readme` rewrites them.
#![allow(clippy::unwrap_used)]

use cyberreader::app::keymap::help_text;
use cyberreader::article::load_bundled;
use cyberreader::cli::screenshot;
use cyberreader::keys::parse_keys;

const README: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");

fn replace_section(readme: &str, name: &str, body: &str) -> String {
    let start = format!("<!-- {name}:start -->\n");
    let end = format!("<!-- {name}:end -->");
    let a = readme.find(&start).unwrap_or_else(|| panic!("README has no {start}")) + start.len();
    let b = readme.find(&end).unwrap_or_else(|| panic!("README has no {end}"));
    format!("{}```text\n{body}```\n{}", &readme[..a], &readme[b..])
}

#[test]
fn readme_shows_the_real_screen_and_keys() {
    let readme = std::fs::read_to_string(README).unwrap();
    let screen = screenshot(load_bundled(), (120, 40), parse_keys("<Tab><Tab>").unwrap(), false);
    let keys = help_text();
    let keys = keys.strip_prefix("Keys:\n").unwrap_or(&keys);
    let small = screenshot(load_bundled(), (80, 24), parse_keys("<Enter>").unwrap(), false);
    let expected = replace_section(&replace_section(&readme, "screen", &screen), "keys", keys);
    let expected = replace_section(&expected, "screen-80x24", &small);
    if expected != readme {
        if std::env::var_os("UPDATE_README").is_some() {
            std::fs::write(README, &expected).unwrap();
        } else {
            panic!("README.md is out of date with the app: run UPDATE_README=1 cargo test --test readme");
        }
    }
}
