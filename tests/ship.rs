//! What ships beside the binary: the manual page and the shell completions, checked by the tools
//! that use them (man, bash, fish, zsh).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Command;

use assert_cmd::cargo::cargo_bin;

fn output_of(args: &[&str]) -> String {
    let out = Command::new(cargo_bin("cyberreader")).args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn installed(shell: &str) -> bool {
    Command::new(shell).arg("-c").arg("exit 0").output().is_ok_and(|o| o.status.success())
}

#[test]
fn the_manual_page_lists_options_subcommands_and_every_key() {
    let page = output_of(&["man"]);
    assert!(page.starts_with(".ie") || page.starts_with(".TH"), "roff: {}", &page[..80]);
    for section in ["NAME", "SYNOPSIS", "OPTIONS", "SUBCOMMANDS", "KEYS", "ENVIRONMENT", "EXIT STATUS", "EXAMPLES"] {
        assert!(page.contains(&format!(".SH \"{section}\"")) || page.contains(&format!(".SH {section}")), "{section}");
    }
    assert!(page.contains("\\-\\-screenshot"), "an option");
    assert!(page.contains("cyberreader completions"), "a subcommand");
    for (_, lines) in cyberreader::app::keymap::Keymap::default().help_sections() {
        for (_, help) in lines {
            assert!(page.contains(&help.replace('-', "\\-")), "key help missing: {help}");
        }
    }
    // man itself reads it without a warning.
    if installed("man") {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("cyberreader.1");
        std::fs::write(&file, &page).unwrap();
        let out = Command::new("man")
            .arg("-l")
            .arg(&file)
            .env("MANWIDTH", "80")
            .env("MAN_KEEP_STDERR", "1")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("EXIT STATUS") && text.contains("next match"), "{text}");
        assert!(!String::from_utf8_lossy(&out.stderr).contains("warning"), "{}", String::from_utf8_lossy(&out.stderr));
    }
}

/// What bash offers after `words`, with the completion script loaded as bash-completion would.
fn bash_completes(words: &str) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("cyberreader.bash");
    std::fs::write(&script, output_of(&["completions", "bash"])).unwrap();
    let program = format!(
        "source {script}; complete -p cyberreader >/dev/null || exit 3; COMP_WORDS=({words}); COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 )); COMP_LINE=\"${{COMP_WORDS[*]}}\"; COMP_POINT=${{#COMP_LINE}}; _cyberreader cyberreader \"${{COMP_WORDS[COMP_CWORD]}}\" \"${{COMP_WORDS[COMP_CWORD-1]}}\"; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        script = script.display()
    );
    let out = Command::new("bash").arg("--norc").arg("-c").arg(program).current_dir(dir.path()).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().lines().map(str::to_string).collect()
}

#[test]
fn bash_completes_subcommands_and_options() {
    assert_eq!(bash_completes("cyberreader comp"), ["completions"]);
    assert!(bash_completes("cyberreader --scr").contains(&"--screenshot".to_string()));
    let shells = bash_completes("cyberreader completions ''");
    assert!(shells.contains(&"fish".to_string()) && shells.contains(&"zsh".to_string()), "{shells:?}");
}

#[test]
fn fish_completes_subcommands_and_options() {
    if !installed("fish") {
        eprintln!("fish is not installed: .ci/run installs it; skipped here");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("cyberreader.fish");
    std::fs::write(&script, output_of(&["completions", "fish"])).unwrap();
    let complete = |line: &str| {
        let program = format!("source {}; complete -C '{line}'", script.display());
        let out =
            Command::new("fish").arg("--no-config").arg("-c").arg(program).env("HOME", dir.path()).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let subcommands = complete("cyberreader comp");
    assert!(subcommands.lines().any(|l| l.starts_with("completions")), "{subcommands}");
    let options = complete("cyberreader --scr");
    assert!(options.lines().any(|l| l.starts_with("--screenshot")), "{options}");
}

#[test]
fn zsh_loads_the_completion_function() {
    if !installed("zsh") {
        eprintln!("zsh is not installed: .ci/run installs it; skipped here");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("_cyberreader"), output_of(&["completions", "zsh"])).unwrap();
    // compinit finds _cyberreader on fpath and binds it to the command; the function's own
    // table names the subcommands and options.
    let program = "fpath=($PWD $fpath); autoload -U compinit; compinit -u -d ./zcompdump; \
                   print -r -- ${_comps[cyberreader]}; autoload -Uz +X _cyberreader && functions _cyberreader";
    let out = Command::new("zsh")
        .arg("-f")
        .arg("-c")
        .arg(program)
        .current_dir(dir.path())
        .env("HOME", dir.path())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(text.starts_with("_cyberreader"), "compinit did not bind it: {text}");
    assert!(text.contains("completions") && text.contains("--screenshot"), "{text}");
}
