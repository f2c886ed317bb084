use super::InputParser;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

fn parse_all(bytes: &[u8]) -> Vec<Event> {
    let mut parser = InputParser::default();
    let mut out = Vec::new();
    parser.feed(bytes, &mut out);
    parser.finish_escape(&mut out);
    out
}

fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, modifiers))
}

fn mouse(kind: MouseEventKind, column: u16, row: u16) -> Event {
    Event::Mouse(MouseEvent { kind, column, row, modifiers: KeyModifiers::NONE })
}

const NONE: KeyModifiers = KeyModifiers::NONE;

#[test]
fn typed_characters_and_control_keys() {
    assert_eq!(
        parse_all("aZé中\r\t\x7f\x03".as_bytes()),
        [
            key(KeyCode::Char('a'), NONE),
            key(KeyCode::Char('Z'), KeyModifiers::SHIFT),
            key(KeyCode::Char('é'), NONE),
            key(KeyCode::Char('中'), NONE),
            key(KeyCode::Enter, NONE),
            key(KeyCode::Tab, NONE),
            key(KeyCode::Backspace, NONE),
            key(KeyCode::Char('c'), KeyModifiers::CONTROL),
        ]
    );
}

#[test]
fn cursor_and_function_keys() {
    assert_eq!(
        parse_all(b"\x1b[A\x1bOB\x1b[1;5C\x1b[5~\x1b[6~\x1b[3~\x1b[H\x1b[4~\x1b[Z\x1bOP\x1b[24~"),
        [
            key(KeyCode::Up, NONE),
            key(KeyCode::Down, NONE),
            key(KeyCode::Right, KeyModifiers::CONTROL),
            key(KeyCode::PageUp, NONE),
            key(KeyCode::PageDown, NONE),
            key(KeyCode::Delete, NONE),
            key(KeyCode::Home, NONE),
            key(KeyCode::End, NONE),
            key(KeyCode::BackTab, KeyModifiers::SHIFT),
            key(KeyCode::F(1), NONE),
            key(KeyCode::F(12), NONE),
        ]
    );
}

#[test]
fn escape_alone_twice_and_before_a_key() {
    assert_eq!(parse_all(b"\x1b"), [key(KeyCode::Esc, NONE)]);
    assert_eq!(parse_all(b"\x1b\x1b"), [key(KeyCode::Esc, NONE), key(KeyCode::Esc, NONE)]);
    assert_eq!(parse_all(b"\x1bx"), [key(KeyCode::Char('x'), KeyModifiers::ALT)]);
}

#[test]
fn mouse_reports_in_both_encodings() {
    assert_eq!(
        parse_all(b"\x1b[<64;10;5M\x1b[<65;1;1M\x1b[<0;3;4M\x1b[<0;3;4m\x1b[M`!!\x1b[Ma#\""),
        [
            mouse(MouseEventKind::ScrollUp, 9, 4),
            mouse(MouseEventKind::ScrollDown, 0, 0),
            mouse(MouseEventKind::Down(MouseButton::Left), 2, 3),
            mouse(MouseEventKind::Up(MouseButton::Left), 2, 3),
            mouse(MouseEventKind::ScrollUp, 0, 0),
            mouse(MouseEventKind::ScrollDown, 2, 1),
        ]
    );
}

#[test]
fn unknown_sequences_and_bad_bytes_are_dropped_without_losing_what_follows() {
    assert_eq!(
        parse_all(b"\x1b[99x\xff\x1b[200~a"),
        [key(KeyCode::Char('a'), NONE)],
        "an unknown sequence, a byte that is never UTF-8, and an unused paste marker"
    );
}

/// A chunk may end anywhere: in a sequence, in a character. Every split gives the events of
/// the whole.
#[test]
fn input_split_at_any_byte_gives_the_same_events() {
    let input = "j\x1b[<65;12;7M\x1b[Bé中\x1b[1;5A/q\x1b[M`!!x".as_bytes();
    let whole = parse_all(input);
    assert_eq!(whole.len(), 10, "{whole:?}");
    for at in 0..=input.len() {
        let mut parser = InputParser::default();
        let mut out = Vec::new();
        parser.feed(&input[..at], &mut out);
        // Mid-way a lone Esc is still undecided: more bytes are on their way.
        parser.feed(&input[at..], &mut out);
        parser.finish_escape(&mut out);
        assert_eq!(out, whole, "split at {at}");
    }
}

#[test]
fn a_sequence_that_never_ends_does_not_swallow_input_for_ever() {
    let mut input = b"\x1b[".to_vec();
    input.extend(std::iter::repeat_n(b'1', 300));
    let mut parser = InputParser::default();
    let mut events = Vec::new();
    parser.feed(&input, &mut events);
    parser.feed(b"q", &mut events);
    assert_eq!(events, [key(KeyCode::Char('q'), NONE)]);
}

#[test]
fn keys_in_the_kitty_protocol() {
    let keys = |bytes: &[u8]| {
        let mut parser = InputParser::default();
        let mut out = Vec::new();
        parser.feed(bytes, &mut out);
        out
    };
    assert_eq!(keys(b"\x1b[27u"), [key(KeyCode::Esc, KeyModifiers::NONE)]);
    assert_eq!(keys(b"\x1b[105;5u"), [key(KeyCode::Char('i'), KeyModifiers::CONTROL)], "C-i apart from Tab");
    assert_eq!(keys(b"\x1b[9u"), [key(KeyCode::Tab, KeyModifiers::NONE)]);
    assert_eq!(keys(b"\x1b[13;3u"), [key(KeyCode::Enter, KeyModifiers::ALT)]);
    assert_eq!(keys(b"\x1b[97:65;2u"), [key(KeyCode::Char('a'), KeyModifiers::SHIFT)]);
    assert!(keys(b"\x1b[97;1:3u").is_empty(), "a release is no key");
}

#[test]
fn the_answer_to_the_keyboard_protocol_query_is_noted_not_typed() {
    let mut parser = InputParser::default();
    let mut out = Vec::new();
    parser.feed(b"\x1b[?0uj", &mut out);
    assert!(parser.keyboard_protocol);
    assert_eq!(out, [key(KeyCode::Char('j'), KeyModifiers::NONE)]);
}
