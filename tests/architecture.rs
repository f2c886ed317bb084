//! ARCHITECTURE.md is a map: every file and folder it names must exist, so the map cannot drift
//! from the code unnoticed.
#![allow(clippy::unwrap_used)]

use std::path::Path;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The paths the map names in `code spans`: words ending in `.rs` or `/`, or with a `/` in them,
/// e.g. `app/keymap.rs`, `src/store/`, `tests/render.rs`.
fn named_paths(text: &str) -> Vec<String> {
    let mut paths = Vec::new();
    for span in text.split('`').skip(1).step_by(2) {
        let span = span.trim();
        let is_path = !span.contains(' ')
            && !span.contains("::")
            && (span.ends_with(".rs") || span.ends_with(".md") || span.ends_with('/') || span.ends_with(".sql"))
            && span.chars().all(|c| c.is_ascii_alphanumeric() || "/_.-".contains(c));
        if is_path {
            paths.push(span.to_string());
        }
    }
    paths
}

/// Where a named path can be: from the root, or under `src/`.
fn exists(path: &str) -> bool {
    let path = path.trim_end_matches('/');
    if path.contains("NNN") {
        return Path::new(ROOT).join("src").join(path.rsplit_once('/').map_or("", |(d, _)| d)).is_dir();
    }
    [Path::new(ROOT).join(path), Path::new(ROOT).join("src").join(path)].iter().any(|p| p.exists())
}

#[test]
fn every_file_and_folder_the_map_names_exists() {
    let text = std::fs::read_to_string(Path::new(ROOT).join("ARCHITECTURE.md")).unwrap();
    let paths = named_paths(&text);
    assert!(paths.len() > 40, "the map names files: {paths:?}");
    let missing: Vec<&String> = paths.iter().filter(|p| !exists(p)).collect();
    assert!(missing.is_empty(), "ARCHITECTURE.md names files that do not exist: {missing:?}");
}

#[test]
fn every_module_of_the_crate_is_on_the_map() {
    let text = std::fs::read_to_string(Path::new(ROOT).join("ARCHITECTURE.md")).unwrap();
    let lib = std::fs::read_to_string(Path::new(ROOT).join("src/lib.rs")).unwrap();
    for line in lib.lines() {
        let Some(module) = line.strip_prefix("pub mod ").and_then(|m| m.strip_suffix(';')) else { continue };
        assert!(
            text.contains(&format!("src/{module}/"))
                || text.contains(&format!("{module}.rs"))
                || text.contains(&format!("{module}/")),
            "ARCHITECTURE.md does not mention the module {module}"
        );
    }
}

#[test]
fn the_path_finder_sees_paths_and_nothing_else() {
    assert_eq!(
        named_paths("see `app/keymap.rs` and `ui::render` and `src/store/` and `cargo bench`"),
        ["app/keymap.rs", "src/store/"]
    );
}
