//! The fewest-bytes writer against ratatui's crossterm writer, both read by a terminal emulator
//! (vt100): after every frame the screens must look the same.

use std::cell::RefCell;
use std::io::{self, Write};
use std::rc::Rc;

use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::buffer::Buffer;
use ratatui::layout::{Rect, Size};
use ratatui::style::{Color, Modifier, Style};

use super::{Mode, Output};

#[derive(Clone, Default)]
struct Tap(Rc<RefCell<Vec<u8>>>);

impl Write for Tap {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// A terminal of `mode` and an emulator reading it.
struct Screen {
    terminal: Terminal<Output<Tap>>,
    tap: Tap,
    emulator: vt100::Parser,
}

impl Screen {
    fn new(mode: Mode, w: u16, h: u16) -> Self {
        let tap = Tap::default();
        let terminal = Terminal::new(Output::with_size(tap.clone(), mode, Size { width: w, height: h })).unwrap();
        Self { terminal, tap, emulator: vt100::Parser::new(h, w, 0) }
    }

    /// Draws `frame`; returns the bytes written.
    fn show(&mut self, frame: &Buffer) -> Vec<u8> {
        self.terminal.draw(|f| f.buffer_mut().clone_from(frame)).unwrap();
        let bytes = std::mem::take(&mut *self.tap.0.borrow_mut());
        self.emulator.process(&bytes);
        bytes
    }

    fn resize(&mut self, w: u16, h: u16) {
        self.terminal.backend_mut().resize(w, h);
        self.emulator.screen_mut().set_size(h, w);
    }

    /// The cells as they look (a blank's foreground and weight show nothing).
    fn looks(&self) -> Vec<String> {
        let screen = self.emulator.screen();
        let (rows, cols) = screen.size();
        let mut out = Vec::new();
        for y in 0..rows {
            for x in 0..cols {
                let c = screen.cell(y, x).unwrap();
                let blank = c.contents().is_empty() || c.contents() == " ";
                out.push(if blank && !c.inverse() {
                    format!("{y},{x} blank {:?} {}", c.bgcolor(), c.underline())
                } else {
                    format!(
                        "{y},{x} {:?} {:?} {:?} {} {} {} {} {} {}",
                        c.contents(),
                        c.fgcolor(),
                        c.bgcolor(),
                        c.bold(),
                        c.dim(),
                        c.italic(),
                        c.underline(),
                        c.inverse(),
                        c.is_wide()
                    )
                });
            }
        }
        out
    }
}

fn styled(fg: Color, bg: Color, m: Modifier) -> Style {
    Style::new().fg(fg).bg(bg).add_modifier(m)
}

/// Writes `frames` one after the other both ways, and checks after every frame that the
/// fewest-bytes screen looks like the frame drawn whole on a blank terminal; returns the bytes
/// of the last frame each way.
fn both(frames: &[Buffer]) -> (usize, usize) {
    let area = frames[0].area;
    let mut plain = Screen::new(Mode::Plain, area.width, area.height);
    let mut fewest = Screen::new(Mode::Fewest, area.width, area.height);
    let (mut p, mut f) = (0, 0);
    for (i, frame) in frames.iter().enumerate() {
        if frame.area != plain.emulator.screen().size().into_rect() {
            plain.resize(frame.area.width, frame.area.height);
            fewest.resize(frame.area.width, frame.area.height);
        }
        p = plain.show(frame).len();
        let bytes = fewest.show(frame);
        f = bytes.len();
        let mut whole = Screen::new(Mode::Plain, frame.area.width, frame.area.height);
        whole.show(frame);
        assert_eq!(
            whole.looks(),
            fewest.looks(),
            "frame {i} differs; fewest wrote {:?}",
            String::from_utf8_lossy(&bytes)
        );
    }
    (p, f)
}

trait IntoRect {
    fn into_rect(self) -> Rect;
}

impl IntoRect for (u16, u16) {
    fn into_rect(self) -> Rect {
        Rect::new(0, 0, self.1, self.0)
    }
}

fn text_frame(w: u16, h: u16, lines: &[&str], style: Style) -> Buffer {
    let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
    for (y, line) in lines.iter().enumerate() {
        buf.set_stringn(0, u16::try_from(y).unwrap(), line, usize::from(w), style);
    }
    buf
}

#[test]
fn a_line_scrolled_full_width_writes_only_the_new_line() {
    let words = ["minister", "said", "talks", "on", "the", "border", "would", "resume", "next", "week", "in", "Seoul"];
    let lines: Vec<String> = (0..30)
        .map(|i: usize| (0..8).map(|j| words[(i * 7 + j * 5) % words.len()]).collect::<Vec<_>>().join(" "))
        .collect();
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    let first = text_frame(60, 20, &refs[0..20], Style::new());
    let second = text_frame(60, 20, &refs[1..21], Style::new());
    let (plain, fewest) = both(&[first, second]);
    // The new line (~45 bytes) and the scroll, not twenty rows.
    assert!(fewest < 90, "fewest wrote {fewest} bytes (plain {plain})");
    assert!(plain > 300, "plain wrote {plain}");
}

#[test]
fn a_scroll_down_and_a_page_look_the_same_both_ways() {
    let lines: Vec<String> = (0..60).map(|i| format!("{i:>3} one two three four {}", "x".repeat(i % 17))).collect();
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    let style = styled(Color::Gray, Color::Reset, Modifier::empty());
    let frames: Vec<Buffer> =
        [5, 4, 2, 19, 20, 0].iter().map(|&t| text_frame(40, 16, &refs[t..t + 16], style)).collect();
    both(&frames);
}

#[test]
fn wide_characters_and_their_columns_come_out_as_before() {
    let a = text_frame(20, 4, &["한국어 text 日本", "abc 😀 def", "flags 🇰 🇷 x", "plain"], Style::new());
    let b = text_frame(20, 4, &["한x어 text 日本語", "ab한 😀 def", "abc 🇰 🇷 x", "한국어 text 日本"], Style::new());
    let c = text_frame(20, 4, &["abc 😀 def", "abc 🇰 🇷 x", "plain", "plain 한"], Style::new());
    both(&[a, b.clone(), c, b]);
}

#[test]
fn styles_are_not_repeated_and_trailing_blanks_are_erased() {
    let red = styled(Color::Red, Color::Reset, Modifier::BOLD);
    let a = text_frame(50, 3, &["a long line of red bold text that fills the row!!", "x", "y"], red);
    let b = text_frame(50, 3, &["short", "x", "y"], red);
    let (plain, fewest) = both(&[a, b]);
    // One style, the word, and an erase: crossterm writes 45 blanks.
    assert!(fewest < 40, "fewest wrote {fewest} bytes (plain {plain})");
}

#[test]
fn resizing_redraws_everything_as_before() {
    let a = text_frame(30, 10, &["one", "two 한국", "three"], Style::new().fg(Color::Cyan));
    let b = text_frame(20, 6, &["one", "two 한국", "three"], Style::new().fg(Color::Cyan));
    let c = text_frame(40, 12, &["four", "two 한국", "three"], Style::new().bg(Color::Blue));
    both(&[a, b, c]);
}

const SYMBOLS: [&str; 8] = ["a", "b", " ", " ", "é", "한", "z", "—"];
const COLORS: [Color; 5] = [Color::Reset, Color::Red, Color::Gray, Color::DarkGray, Color::Indexed(200)];
const BGS: [Color; 4] = [Color::Reset, Color::Reset, Color::Black, Color::Blue];
const MODS: [Modifier; 5] =
    [Modifier::empty(), Modifier::empty(), Modifier::BOLD, Modifier::REVERSED, Modifier::UNDERLINED];

/// A frame: random cells (written as ratatui writes strings, so wide characters cover their
/// next column), or the previous frame with a block of rows moved and a few cells changed.
#[derive(Debug, Clone)]
enum Step {
    Random(Vec<(u8, u8, u8, u8)>),
    Shift { top: u8, bottom: u8, by: i8, edits: Vec<(u8, u8, u8)> },
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        prop::collection::vec((0u8..8, 0u8..5, 0u8..4, 0u8..5), 1..200).prop_map(Step::Random),
        (0u8..10, 0u8..10, -3i8..4, prop::collection::vec((0u8..16, 0u8..10, 0u8..8), 0..8))
            .prop_map(|(top, bottom, by, edits)| Step::Shift { top, bottom, by, edits }),
    ]
}

fn build(prev: &Buffer, step: &Step, w: u16, h: u16) -> Buffer {
    let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
    match step {
        Step::Random(cells) => {
            let (mut x, mut y) = (0u16, 0u16);
            for &(s, fg, bg, m) in cells {
                let style = styled(COLORS[usize::from(fg)], BGS[usize::from(bg)], MODS[usize::from(m)]);
                let (nx, _) = buf.set_stringn(x, y, SYMBOLS[usize::from(s)], usize::from(w - x), style);
                x = if nx == x { w } else { nx };
                if x >= w {
                    x = 0;
                    y += 1;
                    if y >= h {
                        break;
                    }
                }
            }
        }
        Step::Shift { top, bottom, by, edits } => {
            buf = prev.clone();
            let (top, bottom) = (u16::from(*top).min(h - 1), u16::from(*bottom).min(h - 1));
            let (top, bottom) = (top.min(bottom), top.max(bottom));
            for y in top..=bottom {
                let from = i32::from(y) + i32::from(*by);
                for x in 0..w {
                    buf[(x, y)] = if from >= i32::from(top) && from <= i32::from(bottom) {
                        prev[(x, u16::try_from(from).unwrap())].clone()
                    } else {
                        ratatui::buffer::Cell::EMPTY
                    };
                }
            }
            for &(x, y, s) in edits {
                let (x, y) = (u16::from(x) % w, u16::from(y) % h);
                // ratatui's diff assumes a wide character is followed by a blank (its buffer
                // contract): an edit on the column a wide character covers first blanks that
                // character, as a widget drawing there would, so the frame is one ratatui can draw.
                if x > 0 && unicode_width::UnicodeWidthStr::width(buf[(x - 1, y)].symbol()) > 1 {
                    buf[(x - 1, y)].reset();
                }
                buf.set_stringn(x, y, SYMBOLS[usize::from(s)], usize::from(w - x), Style::new().fg(Color::Green));
            }
        }
    }
    buf
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn any_frames_look_the_same_both_ways(steps in prop::collection::vec(step(), 1..6), w in 8u16..17, h in 3u16..10) {
        let mut frames = Vec::new();
        let mut prev = Buffer::empty(Rect::new(0, 0, w, h));
        for s in &steps {
            prev = build(&prev, s, w, h);
            frames.push(prev.clone());
        }
        both(&frames);
    }
}
