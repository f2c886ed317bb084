use std::fs;
use std::path::PathBuf;

use super::*;

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, bytes).unwrap();
    path
}

const GOOD: &str = "A headline\n\nSEOUL (Yonhap) -- A paragraph.\n";

#[test]
fn bundled_articles_load_with_stable_unique_ids() {
    let lib = load_bundled();
    assert_eq!(lib.articles.len(), 2);
    assert!(lib.problems.is_empty());
    assert!(lib.articles[0].path.starts_with("articles/yonhap-2013-10-17"));
    assert_ne!(lib.articles[0].id, lib.articles[1].id);
    assert_eq!(lib.articles[0].id, load_bundled().articles[0].id);
    assert_eq!(
        lib.articles[0].id.as_str(),
        "bundled:articles/yonhap-2013-10-17-un-chief-calls-for-global-cyberspace-norms.txt"
    );
    assert_eq!(lib.articles[0].hash.len(), 16);
}

#[test]
fn directory_reads_txt_files_in_name_order_and_skips_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "b.txt", b"Second\n\nBody b.");
    write(dir.path(), "a.txt", b"First\n\nBody a.");
    write(dir.path(), "c.md", b"Not an article\n\nBody.");
    write(dir.path(), ".hidden.txt", b"Hidden\n\nBody.");
    fs::create_dir(dir.path().join("sub.txt")).unwrap();
    let lib = load_paths(&[dir.path().to_path_buf()]).unwrap();
    let titles: Vec<&str> = lib.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles, ["First", "Second"]);
    assert!(lib.problems.is_empty(), "{:?}", lib.problems);
}

#[test]
fn bad_files_are_reported_and_good_ones_still_load() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "good.txt", GOOD.as_bytes());
    let empty = write(dir.path(), "empty.txt", b"");
    let blank = write(dir.path(), "blank.txt", b"  \n\n\t \r\n");
    let binary = write(dir.path(), "binary.txt", b"\x7fELF\x02\x01\x01\x00\x00\x00");
    let latin1 = write(dir.path(), "latin1.txt", b"Caf\xe9 news\n\nPARIS (AFP) - Cr\xe8me br\xfbl\xe9e.\n");
    let missing = dir.path().join("missing.txt");
    let paths = [good.clone(), empty, blank, binary, latin1, missing, good];
    let lib = load_paths(&paths).unwrap();
    let titles: Vec<&str> = lib.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles, ["A headline", "Café news"]);
    assert_eq!(lib.articles[1].paragraphs, ["Crème brûlée."]);
    let said: Vec<String> =
        lib.problems.iter().map(|p| p.to_string().replace(&dir.path().display().to_string(), "D")).collect();
    assert!(said.contains(&"D/empty.txt: empty file".to_string()), "{said:?}");
    assert!(said.contains(&"D/blank.txt: empty file".to_string()), "{said:?}");
    assert!(said.contains(&"D/binary.txt: not text (binary data)".to_string()), "{said:?}");
    assert!(said.contains(&"D/latin1.txt: not UTF-8; read as Windows-1252 (Latin-1)".to_string()), "{said:?}");
    assert!(said.contains(&"D/missing.txt: no such file or directory".to_string()), "{said:?}");
    assert!(said.contains(&"D/good.txt: named more than once; read once".to_string()), "{said:?}");
}

#[cfg(unix)]
#[test]
fn fifo_symlink_loop_and_unreadable_file_do_not_hang_or_stop_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "good.txt", GOOD.as_bytes());
    let fifo = dir.path().join("pipe.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let a = dir.path().join("loop-a.txt");
    let b = dir.path().join("loop-b.txt");
    std::os::unix::fs::symlink(&b, &a).unwrap();
    std::os::unix::fs::symlink(&a, &b).unwrap();
    // A regular file whose read fails even for root.
    let unreadable = PathBuf::from("/proc/self/mem");
    let lib = load_paths(&[fifo.clone(), a, unreadable, good]).unwrap();
    assert_eq!(lib.articles.len(), 1);
    let said: Vec<String> = lib.problems.iter().map(ToString::to_string).collect();
    assert!(said[0].ends_with("pipe.txt: not a regular file (a FIFO), skipped"), "{said:?}");
    assert!(said[1].contains("loop-a.txt: too many levels of symbolic links"), "{said:?}");
    assert!(said[2].starts_with("/proc/self/mem: "), "{said:?}");
    // A directory holding only the FIFO and the loop has no articles.
    fs::remove_file(good_path(dir.path())).unwrap();
    let err = load_paths(&[dir.path().to_path_buf()]).unwrap_err();
    assert!(err.to_string().contains("no .txt articles in this directory"), "{err}");
}

fn good_path(dir: &Path) -> PathBuf {
    dir.join("good.txt")
}

#[test]
fn nothing_readable_is_an_error_naming_the_path() {
    let err = load_paths(&[PathBuf::from("no/such/file.txt")]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "no/such/file.txt: no such file or directory; check the path, or run cyberreader with no arguments to read the bundled articles"
    );
    let dir = tempfile::tempdir().unwrap();
    let err = load_paths(&[dir.path().to_path_buf()]).unwrap_err();
    assert!(
        err.to_string().ends_with("no .txt articles in this directory; give .txt files, or directories that hold them"),
        "{err}"
    );
}

#[test]
fn identical_files_get_distinct_ids() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", GOOD.as_bytes());
    let b = write(dir.path(), "b.txt", GOOD.as_bytes());
    let lib = load_paths(&[a.clone(), b]).unwrap();
    assert_ne!(lib.articles[0].id, lib.articles[1].id);
    assert_eq!(lib.articles[0].hash, lib.articles[1].hash, "same bytes, same content hash");
    // The id is the file's, so it stays when the text changes; the hash follows the text.
    let before = lib.articles[0].clone();
    std::fs::write(&a, format!("{GOOD}\nOne more paragraph.\n")).unwrap();
    let after = load_paths(std::slice::from_ref(&a)).unwrap().articles.remove(0);
    assert_eq!(after.id, before.id);
    assert_ne!(after.hash, before.hash);
    let relative = load_paths(&[dir.path().join(".").join("a.txt")]).unwrap().articles.remove(0);
    assert_eq!(relative.id, before.id, "the same file by another path is the same article");
}

#[test]
fn file_names_are_cleaned_like_article_text() {
    let dir = tempfile::tempdir().unwrap();
    let evil = write(dir.path(), "evil\u{1b}]0;owned\u{7}\u{202e}name.txt", GOOD.as_bytes());
    let empty = write(dir.path(), "empty\u{1b}[2J.txt", b"");
    let lib = load_paths(&[evil, empty]).unwrap();
    assert!(lib.articles[0].path.ends_with("/evilname.txt"), "{}", lib.articles[0].path);
    assert!(lib.problems[0].path.ends_with("/empty.txt"), "{}", lib.problems[0].path);
}

#[test]
fn an_empty_argument_is_reported_and_the_rest_load() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "good.txt", GOOD.as_bytes());
    let lib = load_paths(&[PathBuf::new(), good]).unwrap();
    assert_eq!(lib.articles.len(), 1);
    assert_eq!(lib.problems.len(), 1);
    assert_eq!(lib.problems[0].to_string(), "\"\": an empty argument is no file name, skipped");
    assert!(lib.problems[0].skipped);
}

#[test]
fn a_source_that_gives_more_than_the_limit_is_not_read_past_it() {
    // An endless source, as a file that keeps growing while it is read: reading stops one byte
    // past the limit.
    assert_eq!(read_at_most(io::repeat(b'a'), 1000, 10).unwrap(), None);
    let exact = read_at_most(io::repeat(b'a').take(1000), 1000, 1000).unwrap();
    assert_eq!(exact.map(|b| b.len()), Some(1000));
    assert_eq!(read_at_most(&b"short"[..], 1000, 0).unwrap(), Some(b"short".to_vec()));
}

#[test]
fn text_in_legacy_encodings_loads_with_the_encoding_named() {
    let dir = tempfile::tempdir().unwrap();
    let story = "북한 관련 기사\n\n서울, 12월 2일 (연합뉴스) -- 윤석열 대통령은 2일 국무회의를 주재하고 경제 정책 방향을 논의했다.\n";
    let (bytes, _, _) = encoding_rs::EUC_KR.encode(story);
    let path = write(dir.path(), "euc-kr.txt", &bytes);
    let lib = load_paths(&[path]).unwrap();
    assert_eq!(lib.articles[0].title, "북한 관련 기사");
    assert!(lib.articles[0].paragraphs[0].contains("윤석열 대통령은"), "{:?}", lib.articles[0].paragraphs);
    assert_eq!(lib.problems[0].message, "not UTF-8; read as EUC-KR");
}

const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Hill Times</title><id>urn:hill</id>
<entry><title>Road reopens</title><id>urn:hill:1</id><link href="https://hill.example/road"/>
<updated>2026-05-01T10:00:00Z</updated><author><name>Ana Ruiz</name></author>
<content type="html">&lt;p&gt;Engineer Paul Okafor said the road was safe.&lt;/p&gt;</content></entry>
<entry><title>No date here</title><id>urn:hill:2</id><summary>Short.</summary></entry>
</feed>"#;

#[test]
fn a_file_whose_content_is_a_feed_is_read_as_its_items_whatever_its_name() {
    let dir = tempfile::tempdir().unwrap();
    // A .txt name, and the feed gives no self link: ids are within the file's canonical path.
    let path = write(dir.path(), "saved.txt", ATOM.as_bytes());
    let lib = load_paths(std::slice::from_ref(&path)).unwrap();
    assert!(lib.problems.is_empty(), "{:?}", lib.problems);
    assert_eq!(lib.articles.len(), 2);
    let first = &lib.articles[0];
    let canonical = fs::canonicalize(&path).unwrap();
    assert_eq!(first.id.as_str(), format!("feed:{}#urn:hill:1", canonical.display()));
    assert_eq!(first.title, "Road reopens");
    assert_eq!(first.byline.as_deref(), Some("Ana Ruiz"));
    assert_eq!(first.source.as_deref(), Some("Hill Times"));
    assert_eq!(first.link.as_deref(), Some("https://hill.example/road"));
    assert_eq!(first.path, "Hill Times");
    assert_eq!(first.paragraphs, ["Engineer Paul Okafor said the road was safe."]);
    assert_eq!(first.published, Some(1_777_629_600));
    // An item without a date takes the file's time.
    let modified = fs::metadata(&path).unwrap().modified().unwrap();
    assert_eq!(lib.articles[1].published, Some(chrono::DateTime::<chrono::Utc>::from(modified).timestamp()));
}

#[test]
fn a_broken_or_empty_feed_file_is_reported_and_binary_data_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let broken = write(dir.path(), "broken.xml", b"<?xml version=\"1.0\"?><rss><channel><item><title>x</rss>");
    let empty = write(dir.path(), "empty.rss", b"<rss version=\"2.0\"><channel><title>Nothing</title></channel></rss>");
    let binary = write(dir.path(), "image.xml", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10");
    let good = write(dir.path(), "good.txt", GOOD.as_bytes());
    let lib = load_paths(&[broken, empty, binary, good]).unwrap();
    assert_eq!(lib.articles.len(), 1);
    let messages: Vec<String> = lib.problems.iter().map(ToString::to_string).collect();
    assert!(messages[0].contains("broken.xml: malformed feed"), "{messages:?}");
    assert!(messages[1].ends_with("empty.rss: a feed without items, skipped"), "{messages:?}");
    assert!(messages[2].ends_with("image.xml: not text (binary data)"), "{messages:?}");
    assert!(lib.problems.iter().all(|p| p.skipped));
}
