//! What ships beside the binary: the manual page and the shell completions. Both are generated
//! from the same definitions as `--help` (the clap command) and the keymap, so they cannot drift
//! from what the program does.

use clap::Command;
use clap_complete::Shell;
use roff::{Roff, bold, italic, roman};

use crate::app::keymap::{Keymap, SYMBOLS};

/// The manual page for `cmd`, as roff: `cyberreader man | man -l -`.
#[must_use]
pub fn man_page(cmd: Command) -> String {
    let man = clap_mangen::Man::new(cmd.clone())
        .date(env!("CYBERREADER_BUILD_DATE"))
        .manual("cyberreader manual")
        .source(concat!("cyberreader ", env!("CARGO_PKG_VERSION")));
    let mut out = Vec::new();
    // Writing into a Vec cannot fail; the sections clap knows come first.
    let _ = man.render_title(&mut out);
    let _ = man.render_name_section(&mut out);
    let _ = man.render_synopsis_section(&mut out);
    let _ = man.render_description_section(&mut out);
    let _ = man.render_options_section(&mut out);
    let mut page = String::from_utf8_lossy(&out).into_owned();
    page.push_str(&subcommand_details(&cmd).to_roff());
    page.push_str(&keys_section().to_roff());
    page.push_str(&config_section().to_roff());
    page.push_str(&reference_sections().to_roff());
    let mut version = Vec::new();
    let _ = man.render_version_section(&mut version);
    page.push_str(&String::from_utf8_lossy(&version));
    page
}

/// Each subcommand with its usage and options (clap's own list points to pages of their own,
/// which cyberreader does not ship).
fn subcommand_details(cmd: &Command) -> Roff {
    let mut roff = Roff::new();
    let subcommands: Vec<&Command> = cmd.get_subcommands().filter(|c| !c.is_hide_set()).collect();
    if subcommands.is_empty() {
        return roff;
    }
    roff.control("SH", ["SUBCOMMANDS"]);
    roff.text([roman("A file or directory whose name is a subcommand is opened as ./NAME, or after --.")]);
    for sub in subcommands {
        let mut usage = sub.clone().bin_name(format!("cyberreader {}", sub.get_name()));
        let usage = usage.render_usage().to_string();
        let usage = usage.trim_start_matches("Usage: ").to_string();
        roff.control("TP", []).text([bold(usage)]);
        let about = sub.get_long_about().or_else(|| sub.get_about()).map(ToString::to_string).unwrap_or_default();
        roff.text([roman(about)]);
        for arg in sub.get_arguments().filter(|a| !a.is_hide_set() && a.get_id() != "help") {
            let name = match (arg.get_long(), arg.get_value_names()) {
                (Some(long), _) => format!("--{long}"),
                (None, Some(names)) => names.iter().map(ToString::to_string).collect::<Vec<_>>().join(" "),
                (None, None) => arg.get_id().to_string(),
            };
            let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
            roff.control("RS", []).control("TP", []).text([italic(name)]).text([roman(help)]).control("RE", []);
        }
    }
    roff
}

/// Every key, by mode, from the default keymap, and every symbol on screen.
fn keys_section() -> Roff {
    let mut roff = Roff::new();
    roff.control("SH", ["KEYS"]);
    for (title, lines) in Keymap::default().help_sections() {
        roff.control("SS", [title]);
        for (keys, help) in lines {
            roff.control("TP", []).text([bold(keys)]).text([roman(help)]);
        }
    }
    roff.control("PP", []);
    roff.text([roman("Mouse: the wheel scrolls the pane under the pointer; a click selects an article or a person.")]);
    roff.control("SS", ["Symbols"]);
    for (symbol, meaning) in SYMBOLS {
        roff.control("TP", []).text([bold(*symbol)]).text([roman(*meaning)]);
    }
    roff
}

/// The config file: where it is, and every setting with its default, as `cyberreader config`
/// prints them.
fn config_section() -> Roff {
    let mut roff = Roff::new();
    roff.control("SH", ["CONFIGURATION"]);
    roff.text([roman(
        "Settings, keys and colours are read from $XDG_CONFIG_HOME/cyberreader/config.toml (by default \
         ~/.config/cyberreader/config.toml), or the file named by --config or CYBERREADER_CONFIG. No file, \
         or an empty one, means the defaults below; a file that cannot be read stops cyberreader with status 2 \
         and a message naming the line and column. cyberreader config prints this default file to start from:",
    )]);
    roff.control("PP", []).control("nf", []).control("RS", ["4"]);
    for line in crate::config::default_text().lines() {
        roff.text([roman(line)]);
    }
    roff.control("RE", []).control("fi", []);
    roff
}

/// Files, environment, exit status and examples.
fn reference_sections() -> Roff {
    let mut roff = Roff::new();
    roff.control("SH", ["ENVIRONMENT"]);
    for (name, what) in ENVIRONMENT {
        roff.control("TP", []).text([bold(*name)]).text([roman(*what)]);
    }
    roff.control("SH", ["EXIT STATUS"]);
    for (code, what) in EXIT_STATUS {
        roff.control("TP", []).text([bold(*code)]).text([roman(*what)]);
    }
    roff.control("SH", ["EXAMPLES"]);
    for (command, what) in EXAMPLES {
        roff.control("TP", []).text([bold(*command)]).text([roman(*what)]);
    }
    roff.control("SH", ["SEE ALSO"]);
    roff.text([roman("The README and ARCHITECTURE.md in the source tree; less(1), newsboat(1).")]);
    roff
}

/// The environment variables cyberreader reads, and what they do.
pub const ENVIRONMENT: &[(&str, &str)] = &[(
    "NO_COLOR",
    "Set to anything non-empty: no colours; bold, reverse and underline mark focus, selection and matches.",
)];

/// What the exit status means.
pub const EXIT_STATUS: &[(&str, &str)] = &[
    ("0", "Success."),
    ("2", "The options are wrong, or nothing at all could be read."),
    ("128+N", "The reader was ended by signal N (SIGTERM, SIGHUP, SIGINT or SIGQUIT); the terminal is restored."),
];

/// Examples, as the manual shows them.
pub const EXAMPLES: &[(&str, &str)] = &[
    ("cyberreader", "Read the bundled articles."),
    ("cyberreader story.txt ~/news/", "Read a file and the *.txt files of a directory."),
    ("cyberreader --json ~/news/ | jq '.people[0]'", "What was parsed, as JSON, for scripts."),
    ("cyberreader --screenshot --size 120x40 --keys '<Tab><Tab>'", "Print the screen after two Tabs."),
    ("cyberreader man | man -l -", "Read this manual."),
    (
        "cyberreader completions bash > ~/.local/share/bash-completion/completions/cyberreader",
        "Install Tab completion for bash.",
    ),
];

/// The completion script for `shell`.
#[must_use]
pub fn completions(mut cmd: Command, shell: Shell) -> String {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "cyberreader", &mut out);
    String::from_utf8_lossy(&out).into_owned()
}
