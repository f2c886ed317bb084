//! Bytes from the terminal to key, mouse and focus events, the way xterm-like terminals
//! encode them and crossterm names them (so the keymap takes either).
//!
//! We read the terminal ourselves rather than through crossterm's event reader: crossterm 0.29
//! reads one 1 KiB chunk per wake-up of an edge-triggered poll, so the rest of a longer burst
//! waits for the next key, and it retries a read that returns end-of-file forever. Here any
//! amount of input can be fed in chunks split anywhere; only a lone Esc at the very end is
//! ambiguous (the start of a sequence, or the key), and the caller decides it with
//! [`InputParser::finish_escape`] once no more bytes come.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

const ESC: u8 = 0x1b;
/// A sequence longer than this that never ends is garbage, not a sequence still arriving.
const MAX_SEQUENCE: usize = 256;

/// Turns a stream of bytes into events, keeping an incomplete sequence for the next chunk.
#[derive(Debug, Default)]
pub struct InputParser {
    pending: Vec<u8>,
    /// The terminal answered the query for the kitty keyboard protocol (`CSI ? flags u`): it
    /// speaks it, and the reader can ask for it.
    pub keyboard_protocol: bool,
}

/// What the bytes at the front of the buffer are.
enum Parsed {
    /// An event, and how many bytes it took.
    Event(Event, usize),
    /// Bytes that mean nothing to the reader (an unknown sequence, a stray byte).
    Skip(usize),
    /// The terminal's answer to the kitty keyboard protocol query, and its length.
    KeyboardProtocol(usize),
    /// The start of something that needs more bytes.
    Incomplete,
}

impl InputParser {
    /// Parses `bytes` after whatever was left over, pushing each complete event to `out`.
    pub fn feed(&mut self, bytes: &[u8], out: &mut Vec<Event>) {
        self.pending.extend_from_slice(bytes);
        let mut at = 0;
        while at < self.pending.len() {
            match parse(&self.pending[at..]) {
                Parsed::Event(event, len) => {
                    out.push(event);
                    at += len;
                }
                Parsed::Skip(len) => at += len,
                Parsed::KeyboardProtocol(len) => {
                    self.keyboard_protocol = true;
                    at += len;
                }
                Parsed::Incomplete if self.pending.len() - at > MAX_SEQUENCE => at = self.pending.len(),
                Parsed::Incomplete => break,
            }
        }
        self.pending.drain(..at);
    }

    /// Whether the input so far ends in a lone Esc, which is either the Esc key or the start
    /// of a sequence whose rest has not arrived yet.
    #[must_use]
    pub fn ends_in_escape(&self) -> bool {
        self.pending == [ESC]
    }

    /// No more bytes came after a lone Esc: it was the key.
    pub fn finish_escape(&mut self, out: &mut Vec<Event>) {
        if self.ends_in_escape() {
            self.pending.clear();
            out.push(key(KeyCode::Esc, KeyModifiers::NONE));
        }
    }
}

fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, modifiers))
}

fn parse(b: &[u8]) -> Parsed {
    match b[0] {
        ESC => parse_escape(b),
        b'\r' => Parsed::Event(key(KeyCode::Enter, KeyModifiers::NONE), 1),
        b'\t' => Parsed::Event(key(KeyCode::Tab, KeyModifiers::NONE), 1),
        0x7f | 0x08 => Parsed::Event(key(KeyCode::Backspace, KeyModifiers::NONE), 1),
        0x00 => Parsed::Event(key(KeyCode::Char(' '), KeyModifiers::CONTROL), 1),
        // Ctrl and a letter (in raw mode, Ctrl-J is a line feed, not Enter).
        c @ 0x01..=0x1a => Parsed::Event(key(KeyCode::Char(char::from(c - 1 + b'a')), KeyModifiers::CONTROL), 1),
        c @ 0x1c..=0x1f => Parsed::Event(key(KeyCode::Char(char::from(c - 0x1c + b'4')), KeyModifiers::CONTROL), 1),
        _ => match parse_char(b) {
            Some(Ok((c, len))) => Parsed::Event(char_key(c, KeyModifiers::NONE), len),
            Some(Err(len)) => Parsed::Skip(len),
            None => Parsed::Incomplete,
        },
    }
}

/// A typed character; capitals carry Shift, as crossterm reports them.
fn char_key(c: char, modifiers: KeyModifiers) -> Event {
    let shift = if c.is_uppercase() { KeyModifiers::SHIFT } else { KeyModifiers::NONE };
    key(KeyCode::Char(c), modifiers | shift)
}

/// One UTF-8 character at the front: `Ok((char, length))`, `Err(bytes to skip)` when invalid,
/// `None` when its bytes have not all arrived.
fn parse_char(b: &[u8]) -> Option<Result<(char, usize), usize>> {
    let len = match b[0] {
        0x00..=0x7f => 1,
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return Some(Err(1)),
    };
    if b.len() < len {
        // A continuation byte that is wrong already will never be right.
        return if b[1..].iter().all(|c| c & 0xc0 == 0x80) { None } else { Some(Err(1)) };
    }
    match std::str::from_utf8(&b[..len]).ok().and_then(|s| s.chars().next()) {
        Some(c) => Some(Ok((c, len))),
        None => Some(Err(1)),
    }
}

fn parse_escape(b: &[u8]) -> Parsed {
    let Some(&next) = b.get(1) else { return Parsed::Incomplete };
    match next {
        b'[' => parse_csi(b),
        b'O' => match b.get(2) {
            None => Parsed::Incomplete,
            Some(&c) => match final_key(c) {
                Some(code) => Parsed::Event(key(code, KeyModifiers::NONE), 3),
                None => Parsed::Skip(3),
            },
        },
        // Esc pressed twice: the first is the key; the second starts over.
        ESC => Parsed::Event(key(KeyCode::Esc, KeyModifiers::NONE), 1),
        // Alt and a key: the terminal sends Esc before it.
        _ => match parse(&b[1..]) {
            Parsed::Event(Event::Key(k), len) => Parsed::Event(key(k.code, k.modifiers | KeyModifiers::ALT), len + 1),
            Parsed::Event(_, len) | Parsed::Skip(len) | Parsed::KeyboardProtocol(len) => Parsed::Skip(len + 1),
            Parsed::Incomplete => Parsed::Incomplete,
        },
    }
}

/// The key a one-letter final byte names (after `CSI` or `SS3`).
fn final_key(c: u8) -> Option<KeyCode> {
    Some(match c {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'P' => KeyCode::F(1),
        b'Q' => KeyCode::F(2),
        b'R' => KeyCode::F(3),
        b'S' => KeyCode::F(4),
        _ => return None,
    })
}

/// `ESC [ params final`, or the old mouse report `ESC [ M b x y`.
fn parse_csi(b: &[u8]) -> Parsed {
    if b.get(2) == Some(&b'M') {
        return match b.get(3..6) {
            Some(&[cb, cx, cy]) => mouse(
                u16::from(cb.saturating_sub(32)),
                u16::from(cx.saturating_sub(32)),
                u16::from(cy.saturating_sub(32)),
                false,
            )
            .map_or(Parsed::Skip(6), |e| Parsed::Event(e, 6)),
            _ => Parsed::Incomplete,
        };
    }
    let Some(end) = b[2..].iter().position(|c| !(0x20..=0x3f).contains(c)).map(|i| i + 2) else {
        return Parsed::Incomplete;
    };
    let len = end + 1;
    let fin = b[end];
    if !(0x40..=0x7e).contains(&fin) {
        // Not a sequence after all: drop the introducer, read the rest as typed.
        return Parsed::Skip(2);
    }
    let Ok(params) = std::str::from_utf8(&b[2..end]) else { return Parsed::Skip(len) };
    let event = if let Some(sgr) = params.strip_prefix('<') {
        sgr_mouse(sgr, fin)
    } else if params.starts_with('?') && fin == b'u' {
        return Parsed::KeyboardProtocol(len);
    } else {
        let numbers: Vec<u16> = params.split(';').map(|p| p.parse().unwrap_or(0)).collect();
        let modifiers = modifiers(numbers.get(1).copied().unwrap_or(1));
        match fin {
            b'u' => kitty_key(params),
            b'Z' => Some(key(KeyCode::BackTab, KeyModifiers::SHIFT | modifiers)),
            b'~' => tilde_key(numbers[0]).map(|code| key(code, modifiers)),
            b'I' => Some(Event::FocusGained),
            b'O' => Some(Event::FocusLost),
            // The rxvt mouse report: `ESC [ b ; x ; y M`.
            b'M' if numbers.len() == 3 => mouse(numbers[0].saturating_sub(32), numbers[1], numbers[2], false),
            c => final_key(c).map(|code| key(code, modifiers)),
        }
    };
    event.map_or(Parsed::Skip(len), |e| Parsed::Event(e, len))
}

/// A key in the kitty keyboard protocol, which the reader asks for where the terminal offers it:
/// `ESC [ code[:alternates] ; modifiers[:event] u`. Releases are not keys.
fn kitty_key(params: &str) -> Option<Event> {
    let mut fields = params.split(';');
    let code: u32 = fields.next()?.split(':').next()?.parse().ok()?;
    let mut mods = fields.next().unwrap_or("1").split(':');
    let modifiers = modifiers(mods.next().and_then(|m| m.parse().ok()).unwrap_or(1));
    if mods.next() == Some("3") {
        return None;
    }
    let code = match code {
        27 => KeyCode::Esc,
        13 => KeyCode::Enter,
        9 if modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
        9 => KeyCode::Tab,
        127 | 8 => KeyCode::Backspace,
        c => KeyCode::Char(char::from_u32(c).filter(|c| !c.is_control())?),
    };
    Some(key(code, modifiers))
}

/// `ESC [ n ~` keys.
fn tilde_key(n: u16) -> Option<KeyCode> {
    Some(match n {
        1 | 7 => KeyCode::Home,
        2 => KeyCode::Insert,
        3 => KeyCode::Delete,
        4 | 8 => KeyCode::End,
        5 => KeyCode::PageUp,
        6 => KeyCode::PageDown,
        11..=15 => KeyCode::F(u8::try_from(n - 10).ok()?),
        17..=21 => KeyCode::F(u8::try_from(n - 11).ok()?),
        23 | 24 => KeyCode::F(u8::try_from(n - 12).ok()?),
        _ => return None,
    })
}

/// The modifier parameter of a key sequence: 1 plus Shift 1, Alt 2, Ctrl 4.
fn modifiers(n: u16) -> KeyModifiers {
    let bits = n.saturating_sub(1);
    let mut m = KeyModifiers::NONE;
    for (bit, modifier) in [(1, KeyModifiers::SHIFT), (2, KeyModifiers::ALT), (4, KeyModifiers::CONTROL)] {
        if bits & bit != 0 {
            m |= modifier;
        }
    }
    m
}

/// `ESC [ < b ; x ; y M` (press, drag, wheel) or `... m` (release).
fn sgr_mouse(params: &str, fin: u8) -> Option<Event> {
    let mut numbers = params.split(';').map(|p| p.parse::<u16>().ok());
    let (Some(Some(cb)), Some(Some(x)), Some(Some(y)), None) =
        (numbers.next(), numbers.next(), numbers.next(), numbers.next())
    else {
        return None;
    };
    match fin {
        b'M' => mouse(cb, x, y, false),
        b'm' => mouse(cb, x, y, true),
        _ => None,
    }
}

/// A mouse report: button code `cb` and 1-based `x`, `y`.
fn mouse(cb: u16, x: u16, y: u16, release: bool) -> Option<Event> {
    let button = match cb & 0b11 {
        0 => Some(MouseButton::Left),
        1 => Some(MouseButton::Middle),
        2 => Some(MouseButton::Right),
        _ => None,
    };
    let kind = if cb & 64 != 0 {
        match cb & 0b11 {
            0 => MouseEventKind::ScrollUp,
            1 => MouseEventKind::ScrollDown,
            2 => MouseEventKind::ScrollLeft,
            _ => MouseEventKind::ScrollRight,
        }
    } else if cb & 32 != 0 {
        button.map_or(MouseEventKind::Moved, MouseEventKind::Drag)
    } else if release {
        MouseEventKind::Up(button.unwrap_or(MouseButton::Left))
    } else {
        match button {
            Some(b) => MouseEventKind::Down(b),
            // The old protocol's release: which button is not said.
            None => MouseEventKind::Up(MouseButton::Left),
        }
    };
    let mut modifiers = KeyModifiers::NONE;
    for (bit, modifier) in [(4, KeyModifiers::SHIFT), (8, KeyModifiers::ALT), (16, KeyModifiers::CONTROL)] {
        if cb & bit != 0 {
            modifiers |= modifier;
        }
    }
    Some(Event::Mouse(MouseEvent { kind, column: x.saturating_sub(1), row: y.saturating_sub(1), modifiers }))
}

#[cfg(test)]
#[path = "input_tests.rs"]
mod tests;
