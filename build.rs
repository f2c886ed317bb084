//! Bundles every `articles/*.txt` into the binary, so `cyberreader` reads them from any directory.

use std::fmt::Write as _;
use std::{env, fs, path::Path};

fn main() {
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
