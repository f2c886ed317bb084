//! Bundles every `articles/*.txt` into the binary, so `cyberreader` reads them from any directory,
//! and names the commit the binary is built from for `--version`.

use std::fmt::Write as _;
use std::{env, fs, path::Path};

fn main() {
    bundle_articles();
    version_from_git();
}

/// `--version` says the commit it was built from when built from a git checkout (a crates.io
/// download or a tarball has none, and says the version alone).
fn version_from_git() {
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .args(args)
            .output()
            .ok()
            .filter(|o| o.status.success())
            .and_then(|o| String::from_utf8(o.stdout).ok())
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    };
    let version = env::var("CARGO_PKG_VERSION").unwrap_or_default();
    let manifest = env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    let in_checkout = git(&["-C", &manifest, "rev-parse", "--show-toplevel"])
        .is_some_and(|top| Path::new(&top).canonicalize().ok() == Path::new(&manifest).canonicalize().ok());
    let commit = if in_checkout { git(&["-C", &manifest, "rev-parse", "--short=12", "HEAD"]) } else { None };
    let date = if in_checkout { git(&["-C", &manifest, "log", "-1", "--format=%cs"]) } else { None };
    if in_checkout {
        // Rebuild when HEAD moves: the branch file, or HEAD itself on a detached checkout.
        for path in [
            git(&["-C", &manifest, "rev-parse", "--git-path", "HEAD"]),
            git(&["-C", &manifest, "rev-parse", "--symbolic-full-name", "HEAD"])
                .and_then(|r| git(&["-C", &manifest, "rev-parse", "--git-path", &r])),
        ]
        .into_iter()
        .flatten()
        {
            let path = if Path::new(&path).is_absolute() { path } else { format!("{manifest}/{path}") };
            println!("cargo::rerun-if-changed={path}");
        }
    }
    let line = match &commit {
        Some(c) => format!("{version} (commit {c})"),
        None => version,
    };
    println!("cargo::rustc-env=CYBERREADER_VERSION_LINE={line}");
    println!("cargo::rustc-env=CYBERREADER_BUILD_DATE={}", date.unwrap_or_default());
}

fn bundle_articles() {
    println!("cargo::rerun-if-changed=articles");
    let dir = Path::new(&env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR")).join("articles");
    let mut names: Vec<String> = fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter(|e| e.path().is_file())
                .filter_map(|e| e.file_name().into_string().ok())
                .filter(|name| name.ends_with(".txt") && !name.starts_with('.'))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut code = String::from(
        "/// The bundled articles: (path shown to the user, bytes).\npub static BUNDLED: &[(&str, &[u8])] = &[\n",
    );
    for name in &names {
        let full = dir.join(name);
        writeln!(code, "    (\"articles/{name}\", include_bytes!({:?})),", full.display().to_string())
            .expect("writing to a String");
    }
    code.push_str("];\n");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("bundled.rs");
    fs::write(out, code).expect("writing bundled.rs into OUT_DIR");
}
