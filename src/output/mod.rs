//! Writing frames to the terminal in as few bytes as it takes, for readers on slow links.
//!
//! [`Output`] is a ratatui backend. It keeps what the terminal shows, rebuilds each frame from
//! the cells ratatui hands over, and writes the difference its own way: through short runs of
//! unchanged cells instead of moving over them, erasing to the end of a row instead of writing
//! blanks, never repeating the style in force, and letting the terminal scroll when a block of
//! rows moved (`scroll.rs`). The frame goes out in one write. With `CYBERREADER_PLAIN_DIFF=1`
//! it writes as ratatui's crossterm backend does, for comparison.

mod encode;
mod scroll;
#[cfg(test)]
mod tests;

use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Rect, Size};

use encode::{Enc, Pen, Savings, columns, dirty_cells};

/// How frames are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// As ratatui's crossterm backend writes them: every changed cell, a move for every gap.
    Plain,
    /// The fewest bytes this module knows how to write.
    Fewest,
}

impl Mode {
    /// `Plain` when `CYBERREADER_PLAIN_DIFF` is set to anything but `0` or nothing.
    #[must_use]
    pub fn from_env() -> Self {
        match std::env::var_os("CYBERREADER_PLAIN_DIFF") {
            Some(v) if !v.is_empty() && v != "0" => Self::Plain,
            _ => Self::Fewest,
        }
    }
}

/// A ratatui backend writing to `W` (the terminal, or anything else for tests and benches).
#[derive(Debug)]
pub struct Output<W: Write> {
    inner: Inner<W>,
    /// A size to report instead of asking the terminal: for writers that are not one.
    fixed_size: Option<Size>,
}

#[derive(Debug)]
enum Inner<W: Write> {
    Plain(CrosstermBackend<W>),
    Fewest(Fewest<W>),
}

#[derive(Debug)]
struct Fewest<W: Write> {
    writer: W,
    /// What the terminal shows, as far as this backend wrote it.
    screen: Buffer,
    enc: Enc,
    cursor_shown: Option<bool>,
}

impl Output<io::Stdout> {
    /// The terminal on standard output, in the mode the environment asks for.
    #[must_use]
    pub fn stdout() -> Self {
        Self::new(io::stdout(), Mode::from_env())
    }
}

impl<W: Write> Output<W> {
    /// A backend writing to `writer`, asking the terminal for its size.
    pub fn new(writer: W, mode: Mode) -> Self {
        let inner = match mode {
            Mode::Plain => Inner::Plain(CrosstermBackend::new(writer)),
            Mode::Fewest => Inner::Fewest(Fewest {
                writer,
                screen: Buffer::empty(Rect::ZERO),
                enc: Enc::new(0),
                cursor_shown: None,
            }),
        };
        Self { inner, fixed_size: None }
    }

    /// A backend writing to `writer`, which reports `size` (changed with [`Output::resize`]).
    pub fn with_size(writer: W, mode: Mode, size: Size) -> Self {
        Self { fixed_size: Some(size), ..Self::new(writer, mode) }
    }

    /// Changes the size reported by a backend made [`Output::with_size`].
    pub fn resize(&mut self, width: u16, height: u16) {
        self.fixed_size = Some(Size { width, height });
    }
}

impl<W: Write> Fewest<W> {
    /// Brings the model of the screen to `size`: after a resize the terminal is cleared by ratatui
    /// and redrawn, and a screen never drawn on (the alternate screen) is blank.
    fn fit(&mut self, size: Size) {
        let area = Rect::new(0, 0, size.width, size.height);
        if self.screen.area != area {
            self.screen = Buffer::empty(area);
            self.enc.width = size.width;
            self.enc.cursor = None;
        }
    }

    fn draw<'a>(&mut self, size: Size, content: impl Iterator<Item = (u16, u16, &'a Cell)>) {
        self.fit(size);
        let mut next = self.screen.clone();
        let area = next.area;
        for (x, y, cell) in content {
            if !area.contains(Position { x, y }) {
                continue;
            }
            next[(x, y)] = cell.clone();
            // The columns a wide character covers show nothing else, as ratatui leaves them.
            for hidden in x.saturating_add(1)..x.saturating_add(u16::try_from(columns(cell)).unwrap_or(1)) {
                if hidden < area.width {
                    next[(hidden, y)].reset();
                }
            }
        }
        let savings = Savings { through: true, erase: true };
        let mut plain = self.enc.clone();
        plain.out.clear();
        write_frame(&mut plain, &self.screen, &next, savings);
        let chosen = match scroll::plan(&self.screen, &next, savings) {
            Some(scroll) => {
                let mut scrolled = self.enc.clone();
                scrolled.out.clear();
                let mut moved = self.screen.clone();
                scroll.emit(&mut scrolled);
                scroll.apply(&mut moved);
                write_frame(&mut scrolled, &moved, &next, savings);
                if scrolled.out.len() < plain.out.len() { scrolled } else { plain }
            }
            None => plain,
        };
        self.enc.out.extend_from_slice(&chosen.out);
        self.enc.pen = chosen.pen;
        self.enc.cursor = chosen.cursor;
        // Leave the default style in force between frames: anything else written to the
        // terminal (clearing it on the way out) must not paint with ours.
        self.enc.set_pen(Pen::default());
        self.screen = next;
    }

    fn clear_all(&mut self, size: Size) {
        self.enc.set_pen(Pen::default());
        self.enc.out.extend_from_slice(b"\x1b[2J");
        self.screen = Buffer::empty(Rect::ZERO);
        self.fit(size);
    }

    fn cursor_shown(&mut self, shown: bool) {
        if self.cursor_shown != Some(shown) {
            self.enc.out.extend_from_slice(if shown { b"\x1b[?25h" } else { b"\x1b[?25l" });
            self.cursor_shown = Some(shown);
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.enc.out.is_empty() {
            let result = self.writer.write_all(&self.enc.out);
            self.enc.out.clear();
            if result.is_err() {
                // What reached the terminal is unknown: draw everything from scratch next time.
                self.enc.pen = None;
                self.enc.cursor = None;
            }
            result?;
        }
        self.writer.flush()
    }
}

/// Writes the rows of `new` that differ from `old`.
fn write_frame(enc: &mut Enc, old: &Buffer, new: &Buffer, savings: Savings) {
    let w = usize::from(new.area.width);
    let mut dirty = Vec::with_capacity(w);
    for y in 0..usize::from(new.area.height) {
        let (o, n) = (&old.content[y * w..(y + 1) * w], &new.content[y * w..(y + 1) * w]);
        if dirty_cells(o, n, &mut dirty) {
            enc.row(u16::try_from(y).unwrap_or(u16::MAX), o, n, &dirty, savings);
        }
    }
}

impl<W: Write> Backend for Output<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let size = self.size()?;
        match &mut self.inner {
            Inner::Plain(b) => b.draw(content),
            Inner::Fewest(f) => {
                f.draw(size, content);
                Ok(())
            }
        }
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        match &mut self.inner {
            Inner::Plain(b) => b.hide_cursor(),
            Inner::Fewest(f) => {
                f.cursor_shown(false);
                Ok(())
            }
        }
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        match &mut self.inner {
            Inner::Plain(b) => b.show_cursor(),
            Inner::Fewest(f) => {
                f.cursor_shown(true);
                Ok(())
            }
        }
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        match &mut self.inner {
            Inner::Plain(b) if self.fixed_size.is_none() => b.get_cursor_position(),
            Inner::Plain(_) => Ok(Position::ORIGIN),
            // Where this backend left it: asking the terminal would wait for its answer.
            Inner::Fewest(f) => Ok(f.enc.cursor.map_or(Position::ORIGIN, |(x, y)| Position { x, y })),
        }
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        match &mut self.inner {
            Inner::Plain(b) => b.set_cursor_position(position),
            Inner::Fewest(f) => {
                let Position { x, y } = position.into();
                f.enc.move_to(x, y);
                Ok(())
            }
        }
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        let size = self.size()?;
        match &mut self.inner {
            Inner::Plain(b) => b.clear_region(clear_type),
            Inner::Fewest(f) => {
                if clear_type == ClearType::All {
                    f.clear_all(size);
                } else {
                    // Not used by a full-screen viewport: say it as crossterm would, and forget
                    // what the screen shows so the next frame is written whole.
                    f.enc.set_pen(Pen::default());
                    f.enc.out.extend_from_slice(match clear_type {
                        ClearType::AfterCursor => b"\x1b[J",
                        ClearType::BeforeCursor => b"\x1b[1J",
                        ClearType::CurrentLine => b"\x1b[2K",
                        _ => b"\x1b[K",
                    });
                    let area = f.screen.area;
                    f.screen = Buffer::filled(area, unknown_cell());
                }
                Ok(())
            }
        }
    }

    fn size(&self) -> io::Result<Size> {
        match (&self.inner, self.fixed_size) {
            (_, Some(size)) => Ok(size),
            (Inner::Plain(b), None) => b.size(),
            (Inner::Fewest(_), None) => crossterm::terminal::size().map(|(width, height)| Size { width, height }),
        }
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        match (&mut self.inner, self.fixed_size) {
            (_, Some(size)) => Ok(WindowSize { columns_rows: size, pixels: Size::default() }),
            (Inner::Plain(b), None) => b.window_size(),
            (Inner::Fewest(_), None) => {
                let ws = crossterm::terminal::window_size()?;
                Ok(WindowSize {
                    columns_rows: Size { width: ws.columns, height: ws.rows },
                    pixels: Size { width: ws.width, height: ws.height },
                })
            }
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.inner {
            Inner::Plain(b) => Backend::flush(b),
            Inner::Fewest(f) => f.flush(),
        }
    }
}

/// A cell no frame ever holds, so every cell of a screen filled with it is written again.
fn unknown_cell() -> Cell {
    let mut cell = Cell::EMPTY;
    cell.set_symbol("\u{FFFF}");
    cell
}
