//! Feed options in the urls file, and the urls file edited by the commands.

use super::*;

fn tags(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| (*w).to_string()).collect()
}

#[test]
fn retention_options_are_read_from_tags_and_other_tags_are_not_options() {
    assert_eq!(
        FeedOptions::from_tags(&tags(&["news", "max-items=50", "keep-days=7"])),
        FeedOptions { max_items: Some(50), keep_days: Some(7), full_text: false }
    );
    assert_eq!(FeedOptions::from_tags(&tags(&["news", "max-items=lots", "a=1"])), FeedOptions::default());
    assert_eq!(FeedOptions::from_tags(&tags(&["max-items=0"])).max_items, Some(0));
}

#[test]
fn add_and_remove_edit_the_file_and_refuse_what_makes_no_sense() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub").join("urls");
    add(&path, "https://a.example/rss", &tags(&["world news", "max-items=5"])).unwrap();
    add(&path, "https://b.example/atom", &[]).unwrap();
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "https://a.example/rss \"world news\" max-items=5\nhttps://b.example/atom\n"
    );
    let again = add(&path, "https://a.example/rss", &[]).unwrap_err().to_string();
    assert_eq!(again, "https://a.example/rss is already in the urls file (line 1)");
    assert!(matches!(add(&path, "ftp://x", &[]), Err(CommandError::Usage(_))));
    remove(&path, "https://a.example/rss").unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "https://b.example/atom\n");
    let missing = remove(&path, "https://a.example/rss").unwrap_err().to_string();
    assert!(missing.starts_with("https://a.example/rss is not in "), "{missing}");
}

#[test]
fn the_full_text_tag_is_an_option() {
    let tags = vec!["news".to_string(), "full-text".to_string(), "max-items=5".to_string()];
    let options = FeedOptions::from_tags(&tags);
    assert!(options.full_text);
    assert_eq!(options.max_items, Some(5));
    assert!(!FeedOptions::from_tags(&["news".to_string()]).full_text);
}
