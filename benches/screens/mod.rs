//! The reader driven through the real output path (`cyberreader::output::Output`, plain or
//! fewest bytes) into a byte counter and a terminal emulator (vt100): shared by the `bytes`
//! bench and by `tests/output.rs`.

#![allow(dead_code)]

use std::cell::RefCell;
use std::io::{self, Write};
use std::rc::Rc;

use cyberreader::app::{Action, App};
use cyberreader::article::Library;
use cyberreader::output::{Mode, Output};
use cyberreader::ui::{Theme, render};
use ratatui::Terminal;
use ratatui::layout::Size;

/// A writer that keeps what was written, shared with whoever holds a clone.
#[derive(Debug, Clone, Default)]
pub struct Tap(Rc<RefCell<Vec<u8>>>);

impl Tap {
    fn take(&self) -> Vec<u8> {
        std::mem::take(&mut self.0.borrow_mut())
    }
}

impl Write for Tap {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// How the article pane is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// The reader as it starts: list and article, and the people sidebar where it fits.
    Default,
    /// The article alone, the full width of the terminal (the zoom key, `z`).
    Zoomed,
}

/// One reader, one terminal, one emulator.
pub struct Run {
    pub app: App,
    theme: Theme,
    terminal: Terminal<Output<Tap>>,
    tap: Tap,
    pub emulator: vt100::Parser,
    layout: Layout,
    size: (u16, u16),
    /// Bytes written by each frame so far.
    pub frames: Vec<usize>,
}

impl Run {
    pub fn new(library: Library, (w, h): (u16, u16), mode: Mode, layout: Layout) -> Self {
        let mut app = App::new(library, (w, h));
        if layout == Layout::Zoomed {
            app.update(Action::Zoom);
        }
        let tap = Tap::default();
        let backend = Output::with_size(tap.clone(), mode, Size { width: w, height: h });
        let terminal = Terminal::new(backend).expect("an off-screen terminal");
        let mut run = Self {
            app,
            theme: Theme::new(true),
            terminal,
            tap,
            emulator: vt100::Parser::new(h, w, 0),
            layout,
            size: (w, h),
            frames: Vec::new(),
        };
        run.draw();
        run
    }

    /// Draws a frame; returns its bytes, which the emulator has read.
    pub fn draw(&mut self) -> usize {
        let (app, theme) = (&self.app, &self.theme);
        self.terminal.draw(|f| render(app, theme, f.area(), f.buffer_mut())).expect("an off-screen draw");
        let bytes = self.tap.take();
        self.emulator.process(&bytes);
        self.frames.push(bytes.len());
        bytes.len()
    }

    /// One action and the frame it draws; returns the frame's bytes.
    pub fn act(&mut self, action: Action) -> usize {
        if let Action::Resize(w, h) = action {
            return self.resize(w, h);
        }
        self.app.update(action);
        self.draw()
    }

    /// The terminal (and the emulator) change size; the frame drawn after it.
    pub fn resize(&mut self, w: u16, h: u16) -> usize {
        self.size = (w, h);
        self.app.update(Action::Resize(w, h));
        self.terminal.backend_mut().resize(w, h);
        self.emulator.screen_mut().set_size(h, w);
        self.draw()
    }

    /// Every cell as a user sees it: a blank's foreground colour, bold or italic show nothing.
    #[must_use]
    pub fn visible(&self) -> Vec<String> {
        visible(self.emulator.screen())
    }
}

/// The screen, cell by cell, as it looks: text and its colours and attributes, and for a blank
/// only what shows on one (background, reverse video with its colours, underline).
#[must_use]
pub fn visible(screen: &vt100::Screen) -> Vec<String> {
    let (rows, cols) = screen.size();
    let mut out = Vec::new();
    for y in 0..rows {
        let mut line = String::new();
        for x in 0..cols {
            let Some(c) = screen.cell(y, x) else { continue };
            let text = c.contents();
            let blank = text.is_empty() || text == " ";
            let cell = if blank && !c.inverse() {
                format!("[ bg={:?} ul={}]", c.bgcolor(), c.underline())
            } else {
                format!(
                    "[{text} fg={:?} bg={:?} b={} d={} i={} u={} r={} w={}]",
                    c.fgcolor(),
                    c.bgcolor(),
                    c.bold(),
                    c.dim(),
                    c.italic(),
                    c.underline(),
                    c.inverse(),
                    c.is_wide()
                )
            };
            line.push_str(&cell);
        }
        out.push(line);
    }
    let cursor = if screen.hide_cursor() { "hidden".to_string() } else { format!("at {:?}", screen.cursor_position()) };
    out.push(format!("cursor {cursor}"));
    out
}
