//! Property tests: arbitrary text and bytes through the decoder, sanitizer, parser, wrapper,
//! search and people extractor; arbitrary sequences of keys, mouse events and resizes through the
//! app and its drawing. Nothing panics and the invariants hold.
#![allow(clippy::unwrap_used)]

use std::sync::OnceLock;

use cyberreader::app::{Action, App, Focus, Mode, Panes};
use cyberreader::article::{Article, Library, decode, is_removed, is_unreliable, load_bundled, parse, sanitize};
use cyberreader::text::{Block, BlockKind, Doc, columns, find, wrap_text};
use cyberreader::ui::{Theme, render};
use proptest::prelude::*;
use proptest::sample::select;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthChar;

// --- strategies ------------------------------------------------------------------------------

/// Pieces that make hostile and article-like text: escape sequences and their parts, controls,
/// bidi and format characters, wide and combining characters, and the words the parser looks for.
const PIECES: &[&str] = &[
    "\x1b",
    "\x1b[",
    "\x1b]",
    "\x1bP",
    "\x1b_",
    "\x1b^",
    "\x1bX",
    "\x1b\\",
    "\x1b[2J",
    "\x1b[?1049h",
    "\x1b]0;t\x07",
    "\x1b]8;;http://x\x1b\\",
    "\x1b]52;c;QQ==\x07",
    "\x07",
    "\x08",
    "\r",
    "\r\n",
    "\n",
    "\n\n",
    "\t",
    "\0",
    "\x7f",
    "\u{9b}",
    "\u{9c}",
    "\u{9d}",
    "\u{90}",
    "\u{85}",
    "\u{202e}",
    "\u{2066}",
    "\u{2069}",
    "\u{200b}",
    "\u{200d}",
    "\u{200e}",
    "\u{61c}",
    "\u{feff}",
    "\u{ad}",
    "\u{2028}",
    "\u{e0041}",
    "\u{fffe}",
    "\u{fdd0}",
    " ",
    "  ",
    "-",
    "--",
    ".",
    ". ",
    ",",
    "(",
    ")",
    "<",
    ">",
    "\"",
    "“",
    "”",
    "'",
    "’",
    "By ",
    "BY ",
    "SEOUL",
    "Seoul",
    ", Oct. 18 ",
    "(Yonhap)",
    " -- ",
    " — ",
    "(AP) ",
    "Reporting by ",
    "contributed to this report.",
    "Copyright 2024 ",
    "All rights reserved",
    "(END)",
    "-30-",
    "###",
    "Share",
    "Advertisement",
    "Mr. ",
    "President ",
    "Ban Ki-moon",
    "said",
    " said ",
    "Park Geun-hye",
    "Jean-Luc O'Neil",
    "JANE DOE",
    "박근혜",
    "대통령",
    "naïve",
    "İstanbul",
    "ß",
    "ΣΑΣ",
    "é",
    "e\u{301}",
    "👍",
    "👨\u{200d}👩\u{200d}👧",
    "\u{2764}\u{fe0f}",
    "ﷺ",
    "a",
    "A",
    "word",
    "Word",
    "WORD",
    "x",
];

/// Text assembled from [`PIECES`] and arbitrary characters.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => select(PIECES).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
        1 => "[a-zA-Z ]{1,12}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|pieces| pieces.concat())
}

const BOMS: &[&[u8]] = &[b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b""];

/// Bytes: arbitrary, or text in some encoding, with a BOM sometimes.
fn bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..400),
        text().prop_map(String::into_bytes),
        (text(), select(BOMS)).prop_map(|(t, bom)| {
            let mut out = bom.to_vec();
            match bom {
                b"\xff\xfe" => out.extend(t.encode_utf16().flat_map(u16::to_le_bytes)),
                b"\xfe\xff" => out.extend(t.encode_utf16().flat_map(u16::to_be_bytes)),
                _ => out.extend(t.bytes()),
            }
            out
        }),
        text().prop_map(|t| t.chars().map(|c| u8::try_from(u32::from(c) & 0xff).unwrap()).collect()),
    ]
}

// --- helpers ---------------------------------------------------------------------------------

fn assert_field_clean(field: &str, what: &str) {
    for c in field.chars() {
        assert!(!is_removed(c) && !c.is_control(), "{what}: U+{:04X} in {field:?}", u32::from(c));
    }
}

/// Every string of an article (but its path, which is recorded as given) is drawable: no removed
/// characters, no controls, no line ends.
fn assert_article_clean(a: &Article) {
    assert_field_clean(&a.title, "title");
    assert!(!a.title.is_empty(), "empty title: {a:?}");
    for (s, what) in [(&a.deck, "deck"), (&a.byline, "byline"), (&a.rights, "rights")] {
        if let Some(s) = s {
            assert_field_clean(s, what);
        }
    }
    if let Some(d) = &a.dateline {
        for s in [&d.place, &d.date, &d.agency].into_iter().flatten() {
            assert_field_clean(s, "dateline");
        }
    }
    for p in &a.paragraphs {
        assert_field_clean(p, "paragraph");
        assert!(!p.trim().is_empty(), "an empty paragraph: {a:?}");
    }
    for c in &a.credits {
        assert_field_clean(c, "credit");
    }
}

/// Checks every row `wrap_text` gives for `text` at `width`.
fn check_wrap(text: &str, width: usize) {
    let mut rows = Vec::new();
    wrap_text(text, width, |start, end| rows.push((start, end)));
    assert!(!rows.is_empty(), "no rows for {text:?}");
    let mut last_end = 0;
    for &(start, end) in &rows {
        assert!(start <= end && end <= text.len(), "row {start}..{end} of {} bytes", text.len());
        assert!(text.is_char_boundary(start) && text.is_char_boundary(end), "row {start}..{end} in {text:?}");
        assert!(start >= last_end, "rows overlap or go back: {rows:?}");
        last_end = end;
        let row = &text[start..end];
        // Measured as the reader draws it (a character a cell for emoji clusters).
        let single_wide = width == 1 && row.chars().filter(|c| c.width().unwrap_or(0) > 0).count() == 1;
        assert!(columns(row) <= width || single_wide, "row {row:?} is {} wide, more than {width}", columns(row));
    }
    // Only white space is dropped at the breaks.
    let kept: String = rows.iter().map(|&(s, e)| &text[s..e]).collect::<String>();
    let squeeze = |t: &str| t.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    assert_eq!(squeeze(&kept), squeeze(text), "text lost in wrapping at {width}");
}

fn doc_of(texts: &[String]) -> Doc {
    Doc::new(texts.iter().map(|t| Block { kind: BlockKind::Paragraph, text: t.clone() }).collect())
}

fn check_search(doc: &Doc, query: &str) {
    let matches = find(doc, query);
    let mut last = (0, 0);
    for m in &matches {
        let block = &doc.blocks[m.block as usize].text;
        let (start, end) = (m.start as usize, m.end as usize);
        assert!(start < end && end <= block.len(), "{m:?} in {} bytes", block.len());
        assert!(block.is_char_boundary(start) && block.is_char_boundary(end), "{m:?} in {block:?}");
        assert!((m.block, m.start) >= last, "matches out of order or overlapping: {matches:?}");
        last = (m.block, m.end);
        let found = &block[start..end];
        if query.chars().any(char::is_uppercase) {
            assert_eq!(found, query);
        } else {
            assert_eq!(found.to_lowercase(), query.to_lowercase(), "{found:?} for {query:?}");
        }
    }
    // Lower-case queries ignore case: every exact occurrence is found.
    if !query.is_empty() && !query.chars().any(char::is_uppercase) {
        let exact: usize = doc.blocks.iter().map(|b| b.text.matches(query).count()).sum();
        assert!(matches.len() >= exact.min(1), "{query:?}: {} found, {exact} exact", matches.len());
    }
}

// --- text ------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn sanitize_leaves_nothing_that_drives_a_terminal(input in text()) {
        let clean = sanitize(&input);
        for c in clean.chars() {
            prop_assert!(!is_removed(c) && (c == '\n' || !c.is_control()), "U+{:04X} in {clean:?}", u32::from(c));
        }
        prop_assert_eq!(sanitize(&clean), clean.clone(), "sanitize is idempotent");
    }

    #[test]
    fn sanitize_keeps_text_without_escape_sequences(input in text()) {
        // With no sequence introducers (nor joiners, kept only inside emoji sequences),
        // sanitizing only drops characters, replaces those terminals do not agree on, and
        // normalises white space.
        let input: String = input.chars().filter(|c| !matches!(c, '\x1b' | '\u{90}' | '\u{98}' | '\u{9b}' | '\u{9d}' | '\u{9e}' | '\u{9f}' | '\u{200d}')).collect();
        let expected: String = input
            .replace("\r\n", "\n")
            .chars()
            .filter_map(|c| match c {
                '\r' | '\u{2028}' | '\u{2029}' => Some('\n'),
                '\t' | '\u{b}' | '\u{c}' | '\u{85}' => Some(' '),
                '\n' => Some('\n'),
                c if is_removed(c) => None,
                c if is_unreliable(c) => Some('\u{fffd}'),
                c => Some(c),
            })
            .collect();
        prop_assert_eq!(sanitize(&input), expected);
    }

    #[test]
    fn parse_gives_clean_fields(input in text()) {
        let article = parse(&input, "prop.txt");
        assert_article_clean(&article);
        prop_assert_eq!(article.path.as_str(), "prop.txt");
    }

    #[test]
    fn parse_of_arbitrary_strings(input in any::<String>()) {
        assert_article_clean(&parse(&input, "prop.txt"));
    }

    #[test]
    fn decode_then_parse_any_bytes(input in bytes()) {
        if let Ok((text, _)) = decode(&input) {
            prop_assert!(!text.chars().all(|c| c.is_whitespace() || c == '\u{feff}'), "decoded to nothing: {input:?}");
            let bom = BOMS.iter().any(|b| !b.is_empty() && input.starts_with(b));
            if let (false, Ok(utf8)) = (bom, std::str::from_utf8(&input)) {
                prop_assert_eq!(&*text, utf8, "valid UTF-8 is read as it is");
            }
            assert_article_clean(&parse(&text, "prop.txt"));
        }
    }

    #[test]
    fn people_extraction_never_panics_and_keeps_names_clean(input in text()) {
        let article = parse(&input, "prop.txt");
        for person in cyberreader::people::extract(&article) {
            assert_field_clean(&person.name, "name");
            for s in person.aliases.iter().chain(&person.quotes).chain(&person.role) {
                assert_field_clean(s, "person");
            }
        }
    }

    #[test]
    fn wrapped_rows_fit_and_lose_nothing(input in text(), width in 1usize..120) {
        // Blocks are cleaned single lines.
        let line = sanitize(&input).replace('\n', " ");
        check_wrap(&line, width);
    }

    #[test]
    fn wrapping_narrow_and_wide_characters(input in "[a-z 박근혜👍é\u{301}-]{0,80}", width in 1usize..8) {
        check_wrap(&input, width);
    }

    #[test]
    fn search_matches_are_in_bounds_and_equal_the_query(
        blocks in prop::collection::vec(text().prop_map(|t| sanitize(&t).replace('\n', " ")), 1..6),
        query in prop_oneof![text(), "[a-zé ]{1,4}", "[A-Za-zÉé]{1,3}", select(PIECES).prop_map(str::to_string)],
    ) {
        let doc = doc_of(&blocks);
        check_search(&doc, &query);
        // A query cut from the text itself, in lower case.
        if let Some(block) = blocks.iter().find(|b| b.chars().count() > 3) {
            let piece: String = block.chars().skip(1).take(3).collect::<String>().to_lowercase();
            check_search(&doc, &piece);
        }
    }
}

// --- the app ---------------------------------------------------------------------------------

fn bundled() -> Library {
    static LIBRARY: OnceLock<Library> = OnceLock::new();
    LIBRARY.get_or_init(load_bundled).clone()
}

fn action() -> impl Strategy<Value = Action> {
    let simple = select(vec![
        Action::Quit,
        Action::Up,
        Action::Down,
        Action::PageUp,
        Action::PageDown,
        Action::HalfPageUp,
        Action::HalfPageDown,
        Action::Top,
        Action::Bottom,
        Action::FocusNext,
        Action::FocusPrev,
        Action::Open,
        Action::Cancel,
        Action::StartSearch,
        Action::NextMatch,
        Action::PrevMatch,
        Action::ToggleSidebar,
        Action::ShowQuotes,
        Action::ToggleHelp,
        Action::Backspace,
        Action::Delete,
        Action::ClearQuery,
        Action::CursorLeft,
        Action::CursorRight,
        Action::CursorHome,
        Action::CursorEnd,
        Action::Accept,
        Action::Back,
        Action::Zoom,
        Action::NextArticle,
        Action::PrevArticle,
        Action::NextUnread,
        Action::PrevUnread,
        Action::ReadOn,
    ]);
    let cell = (0u16..320, 0u16..120);
    prop_oneof![
        8 => simple,
        3 => prop_oneof![select(vec!['s', 'e', 'o', 'u', 'l', 'B', 'a', 'n', ' ']), any::<char>()].prop_map(Action::Insert),
        2 => (0u8..10).prop_map(Action::Digit),
        2 => cell.clone().prop_map(|(x, y)| Action::ClickAt(x, y)),
        1 => cell.clone().prop_map(|(x, y)| Action::ScrollUpAt(x, y)),
        1 => cell.prop_map(|(x, y)| Action::ScrollDownAt(x, y)),
        1 => size().prop_map(|(w, h)| Action::Resize(w, h)),
    ]
}

/// Terminal sizes from 0x0 to 300x100, the small and usual ones more often.
fn size() -> impl Strategy<Value = (u16, u16)> {
    prop_oneof![(0u16..=300, 0u16..=100), (0u16..=40, 0u16..=15), (60u16..=140, 18u16..=45)]
}

fn check_app(app: &App) {
    let n = app.list_len();
    assert!(app.selected < n.max(1), "selected {} of {n}", app.selected);
    assert!(app.list_offset < n.max(1), "list offset {} of {n}", app.list_offset);
    assert!(app.top_row() <= app.max_top_row(), "top row {} > {}", app.top_row(), app.max_top_row());
    if let Some(filter) = &app.filter {
        assert!(filter.articles.iter().all(|&i| i < app.articles.len()));
    }
    assert_eq!(app.current.as_ref().map(|c| c.article), app.shown(), "the shown article is the one drawn");
    if let Some(c) = &app.current {
        for row in &c.wrapped.rows {
            let text = &c.doc.blocks[row.block as usize].text;
            let (s, e) = (row.start as usize, row.end as usize);
            assert!(s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e));
        }
        if let Some(search) = app.view().and_then(|v| v.search.as_ref()) {
            assert!(search.current.is_none_or(|i| i < search.matches.len()), "current match out of range");
            for m in &search.matches {
                let text = &c.doc.blocks[m.block as usize].text;
                assert!(m.end as usize <= text.len() && text.is_char_boundary(m.start as usize));
            }
        }
    }
    if let (Some(i), Some(view)) = (app.shown(), app.view()) {
        let people = app.people_of(i).len();
        assert!(view.person < people.max(1), "person {} of {people}", view.person);
        assert!(view.people_offset < people.max(1), "people offset {} of {people}", view.people_offset);
    }
    // (While the terminal is too small there are no panes, and the focus waits for them.)
    if app.focus == Focus::People && app.panes() != Panes::TooSmall {
        assert!(app.sidebar_visible(), "focus on a hidden sidebar");
    }
    if app.focus == Focus::List && app.panes() != Panes::TooSmall {
        assert!(app.list_shown(), "focus on the list while the article is zoomed");
    }
    if let Mode::Search(input) = &app.mode {
        assert!(input.cursor <= input.query.len() && input.query.is_char_boundary(input.cursor));
    }
}

/// Draws the app at its size and checks that nothing undrawable reached the screen.
fn draw(app: &App, theme: &Theme, buf: &mut Buffer) {
    let area = Rect::new(0, 0, app.size.0, app.size.1);
    if buf.area != area {
        *buf = Buffer::empty(area);
    } else {
        buf.reset();
    }
    render(app, theme, area, buf);
    for cell in &buf.content {
        let symbol = cell.symbol();
        assert!(
            !symbol.chars().any(|c| c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')),
            "undrawable {symbol:?} on screen"
        );
    }
}

fn play(library: Library, size: (u16, u16), actions: &[Action]) {
    let theme = Theme::new(true);
    let mut app = App::new(library, size);
    let mut buf = Buffer::empty(Rect::new(0, 0, size.0, size.1));
    check_app(&app);
    draw(&app, &theme, &mut buf);
    for &action in actions {
        app.update(action);
        if let Action::Resize(w, h) = action {
            assert_eq!(app.size, (w, h));
        }
        check_app(&app);
        draw(&app, &theme, &mut buf);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn any_keys_mouse_and_resizes_on_the_bundled_articles(
        size in size(),
        actions in prop::collection::vec(action(), 0..60),
    ) {
        play(bundled(), size, &actions);
    }

    #[test]
    fn any_keys_mouse_and_resizes_on_hostile_articles(
        texts in prop::collection::vec(text(), 0..4),
        size in size(),
        actions in prop::collection::vec(action(), 0..30),
    ) {
        let articles = texts.iter().enumerate().map(|(i, t)| {
            let mut a = parse(t, &format!("prop-{i}.txt"));
            a.id = cyberreader::article::ArticleId::from_stored(format!("test:{i}"));
            a
        }).collect();
        play(Library { articles, problems: Vec::new() }, size, &actions);
    }
}
