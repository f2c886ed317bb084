//! `kill -9` during an import: the test binary runs itself as the importing child, kills it
//! once some batches are committed, and checks the file.

use std::io::{BufRead as _, BufReader};
use std::process::{Command, Stdio};

use super::*;

const CHILD_DB: &str = "CYBERREADER_TEST_CRASH_DB";
const BATCH: usize = 25;

fn batch_articles(batch: usize) -> Vec<(Article, Vec<Person>)> {
    (0..BATCH)
        .map(|j| {
            let mut text = format!("Report {batch} number {j}\n\nSEOUL, Oct. 17 (Yonhap) -- ");
            for k in 0..40 {
                text.push_str(&format!("Foreign Minister Yun Byung-se said item {k} of batch {batch} was agreed. "));
            }
            let (mut a, p) = article(&format!("crash-{batch}-{j}"), &text);
            a.id = ArticleId::from_stored(format!("file:/crash/{batch}/{j}"));
            (a, p)
        })
        .collect()
}

/// The child's side: imports batch after batch into the library named by the environment,
/// telling the parent after each commit, until killed. Run only by the test below.
#[test]
#[ignore = "the child process of an_import_killed_midway_leaves_a_sound_library"]
fn crash_child_imports_until_killed() {
    let Some(path) = std::env::var_os(CHILD_DB) else { return };
    let mut store = SqliteStore::open(std::path::Path::new(&path)).expect("child opens");
    for batch in 0..100_000 {
        let items = batch_articles(batch);
        let new: Vec<_> = items.iter().map(|(a, p)| NewArticle::new(a, p, Some(batch as i64))).collect();
        store.upsert(&new).expect("child imports");
        println!("committed {batch}");
    }
}

#[test]
fn an_import_killed_midway_leaves_a_sound_library() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("library.db");
    let mut child = Command::new(std::env::current_exe().expect("test binary"))
        .args(["--exact", "store::tests::crash::crash_child_imports_until_killed", "--include-ignored", "--nocapture"])
        .env(CHILD_DB, &path)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn the child");
    let stdout = child.stdout.take().expect("child stdout");
    let mut last = None;
    for line in BufReader::new(stdout).lines() {
        let line = line.expect("child output");
        if let Some(n) = line.strip_prefix("committed ") {
            last = n.parse::<usize>().ok();
            if last == Some(4) {
                break;
            }
        }
    }
    // SIGKILL, while the child is inside its next transaction.
    child.kill().expect("kill -9");
    child.wait().expect("reap");
    assert_eq!(last, Some(4), "the child committed five batches before it was killed");

    let store = SqliteStore::open(&path).expect("the library opens after the crash");
    let check: String = store.conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).expect("check");
    assert_eq!(check, "ok");
    let fts_check = store.conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')", []);
    assert!(fts_check.is_ok(), "{fts_check:?}");
    let total = store.counts().expect("counts").total;
    assert!(total >= 5 * BATCH && total.is_multiple_of(BATCH), "whole batches only: {total}");
    for batch in 0..5 {
        for j in [0, BATCH - 1] {
            let id = ArticleId::from_stored(format!("file:/crash/{batch}/{j}"));
            assert!(store.article(&id).expect("read").is_some(), "batch {batch} article {j} kept");
        }
    }
    let hits =
        store.search(&query::parse("\"batch 3 was agreed\"").expect("parses"), Order::Newest, 100).expect("search");
    assert_eq!(hits.len(), BATCH, "the index agrees with the articles");
}
