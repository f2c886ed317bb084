use super::*;
use crate::app::MessageKind;
use crate::article::{Library, load_bundled};

/// The reader on one feed item with a link and two listed links, then a bundled file.
fn app() -> App {
    let mut item = crate::sources::feed::article_with_title(
        "Talks resume",
        "SEOUL (Yonhap) -- Talks resumed [1] on Monday [2].\n\nLinks:\n\n[1] https://a.example/1\n\n[2] https://a.example/2",
        "Wire",
    );
    item.id = ArticleId::feed_item("https://wire.example/rss", "g1");
    item.link = Some("https://wire.example/talks".into());
    item.published = Some(2_000_000_000);
    let mut articles = vec![item];
    articles.extend(load_bundled().articles);
    let mut app = App::new(Library { articles, problems: Vec::new() }, (120, 40));
    app.take_effects();
    app
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Insert(c));
    }
}

#[test]
fn o_opens_the_link_and_a_count_opens_a_listed_link() {
    let mut app = app();
    app.update(Action::OpenLink);
    assert_eq!(app.take_effects(), [Effect::OpenUrl("https://wire.example/talks".into())]);
    app.update(Action::Digit(2));
    app.update(Action::OpenLink);
    assert_eq!(app.take_effects(), [Effect::OpenUrl("https://a.example/2".into())]);
    app.update(Action::Digit(3));
    app.update(Action::OpenLink);
    assert!(app.take_effects().is_empty());
    assert_eq!(app.message.as_ref().map(|m| m.text.as_str()), Some("No link [3]: the article lists 2"));
    app.answer(Answer::Opened(Ok("https://wire.example/talks".into())));
    assert_eq!(app.message.as_ref().map(|m| m.text.as_str()), Some("Opened https://wire.example/talks"));
}

#[test]
fn a_file_has_no_link_and_the_status_bar_says_so() {
    let mut app = app();
    app.update(Action::Down);
    app.update(Action::OpenLink);
    assert!(app.take_effects().is_empty());
    assert_eq!(app.message.as_ref().map(|m| m.text.as_str()), Some("This article has no link (it came from a file)"));
    app.update(Action::FullText);
    assert!(app.take_effects().is_empty());
    assert!(app.message.as_ref().is_some_and(|m| m.text.contains("no link to fetch the full text")));
}

#[test]
fn w_offers_a_name_from_the_headline_and_asks_before_replacing_a_file() {
    let mut app = app();
    app.update(Action::SaveArticle);
    let Mode::Prompt(input) = &app.mode else { panic!("a prompt") };
    assert_eq!((input.text.as_str(), input.cursor), ("talks-resume.txt", 16));
    app.update(Action::ClearQuery);
    typed(&mut app, "t.txt");
    app.update(Action::Accept);
    let effects = app.take_effects();
    let [Effect::SaveText { path, text, overwrite: false }] = effects.as_slice() else { panic!("{effects:?}") };
    assert_eq!(path, "t.txt");
    assert!(text.starts_with("Talks resume\nSEOUL (Yonhap)\n") && text.ends_with("\nhttps://wire.example/talks\n"));
    // The file is there: the runner says so, and the reader asks.
    app.answer(Answer::Saved(Err(SaveError::Exists("t.txt".into()))));
    assert!(matches!(&app.mode, Mode::Prompt(PromptInput { kind: PromptKind::Overwrite { .. }, .. })));
    assert_eq!(super::super::keymap::key_mode(&app), super::super::keymap::KeyMode::Input);
    typed(&mut app, "n");
    app.update(Action::Accept);
    assert!(app.take_effects().is_empty());
    assert_eq!(app.message.as_ref().map(|m| m.text.as_str()), Some("Not saved: t.txt is left as it was"));
    app.answer(Answer::Saved(Err(SaveError::Exists("t.txt".into()))));
    typed(&mut app, "y");
    app.update(Action::Accept);
    assert!(matches!(app.take_effects().as_slice(), [Effect::SaveText { overwrite: true, .. }]));
    app.answer(Answer::Saved(Ok("/home/u/t.txt".into())));
    assert_eq!(app.message.as_ref().map(|m| m.text.as_str()), Some("Saved to /home/u/t.txt"));
}

#[test]
fn pipe_takes_a_command_and_esc_abandons_it() {
    let mut app = app();
    app.update(Action::PipeArticle);
    typed(&mut app, "wc -w");
    app.update(Action::Cancel);
    assert_eq!(app.mode, Mode::Normal);
    assert!(app.take_effects().is_empty());
    app.update(Action::PipeArticle);
    typed(&mut app, "wc -w");
    app.update(Action::Accept);
    let effects = app.take_effects();
    assert!(
        matches!(effects.as_slice(), [Effect::Pipe { command, text }] if command == "wc -w" && text.contains("Talks resumed"))
    );
}

#[test]
fn x_asks_the_library_then_fetches_shows_and_keeps_the_full_text() {
    let mut app = app();
    app.update(Action::FullText);
    let id = ArticleId::feed_item("https://wire.example/rss", "g1");
    let url = "https://wire.example/talks".to_string();
    assert_eq!(app.take_effects(), [Effect::Ask(Request::FullText { id: id.clone(), url: url.clone() })]);
    app.answer(Answer::StoredFullText { id: id.clone(), url: url.clone(), text: None });
    assert_eq!(app.take_effects(), [Effect::FetchFullText { id: id.clone(), url }]);
    let text = FullText {
        title: None,
        byline: Some("Kim Min-ji".into()),
        paragraphs: vec!["The whole story of the talks.".into()],
        links: vec!["https://a.example/doc".into()],
    };
    app.answer(Answer::FetchedFullText { id: id.clone(), result: Ok(text.clone()) });
    assert_eq!(app.take_effects(), [Effect::StoreFullText { id, text }]);
    let shown = &app.articles[0];
    assert_eq!(shown.paragraphs, ["The whole story of the talks.", "Links:", "[1] https://a.example/doc"]);
    assert_eq!(shown.byline.as_deref(), Some("Kim Min-ji"));
    assert!(
        app.current.as_ref().is_some_and(|c| c.doc.blocks.iter().any(|b| b.text == "The whole story of the talks."))
    );
    app.update(Action::FullText);
    assert!(app.take_effects().is_empty());
    assert_eq!(app.message.as_ref().map(|m| m.text.as_str()), Some("This is the full text already"));
}

#[test]
fn a_failed_fetch_is_a_warning_and_the_summary_stays() {
    let mut app = app();
    let before = app.articles[0].paragraphs.clone();
    let id = app.articles[0].id.clone();
    app.answer(Answer::FetchedFullText { id, result: Err("HTTP 404".into()) });
    assert_eq!(
        app.message.as_ref().map(|m| (m.text.as_str(), m.kind)),
        Some(("No full text: HTTP 404", MessageKind::Warning))
    );
    assert_eq!(app.articles[0].paragraphs, before);
}

#[test]
fn file_names_from_headlines() {
    assert_eq!(file_name("Talks resume: N. Korea & U.S. meet"), "talks-resume-n-korea-u-s-meet.txt");
    assert_eq!(file_name("../../etc/passwd"), "etc-passwd.txt");
    assert_eq!(file_name("¿?"), "article.txt");
    assert!(file_name(&"word ".repeat(40)).chars().count() <= NAME_CHARS + 4);
}

#[test]
fn the_sidebar_names_who_the_full_text_names() {
    let mut app = app();
    let id = app.articles[0].id.clone();
    let text = FullText {
        title: None,
        byline: None,
        paragraphs: vec!["Foreign Minister Park Jin said on Monday that the talks would go on.".into()],
        links: Vec::new(),
    };
    assert!(!app.people_of(0).iter().any(|p| p.name == "Park Jin"));
    app.answer(Answer::FetchedFullText { id, result: Ok(text) });
    let people: Vec<&str> = app.people_of(0).iter().map(|p| p.name.as_str()).collect();
    assert!(people.contains(&"Park Jin"), "{people:?}");
}
