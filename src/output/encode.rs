//! The bytes of a frame: styles (SGR), cursor moves and cells, choosing the shortest way to each.
//!
//! The encoder knows the style in force and where the cursor is, so it never repeats a style and
//! moves only when writing through the cells in between would cost more.

use ratatui::buffer::{Cell, CellDiffOption};
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

/// Modifiers that show on a blank cell: a cell carrying one is not what erasing paints.
const VISIBLE_ON_BLANK: Modifier = Modifier::REVERSED
    .union(Modifier::UNDERLINED)
    .union(Modifier::SLOW_BLINK)
    .union(Modifier::RAPID_BLINK)
    .union(Modifier::CROSSED_OUT);

/// The longest run of unchanged cells worth writing through instead of jumping over: a cursor
/// move costs at most 10 bytes, so a longer run never pays.
const MAX_THROUGH: usize = 12;

/// The graphic rendition in force: what SGR last set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) struct Pen {
    fg: Color,
    bg: Color,
    ul: Color,
    mods: Modifier,
}

impl Pen {
    pub(super) fn of(cell: &Cell) -> Self {
        Self { fg: cell.fg, bg: cell.bg, ul: cell.underline_color, mods: cell.modifier }
    }

    /// Whether erasing (EL, SU, SD, ED) with this pen paints what a default blank shows.
    fn erases_clean(self) -> bool {
        self.bg == Color::Reset && !self.mods.intersects(VISIBLE_ON_BLANK)
    }
}

/// Columns a cell covers on screen.
pub(super) fn columns(cell: &Cell) -> usize {
    match cell.diff_option {
        CellDiffOption::ForcedWidth(w) => usize::from(w.get()),
        _ => {
            let s = cell.symbol();
            if s.len() == 1 { 1 } else { s.width() }
        }
    }
}

/// A cell that is one printable ASCII byte wide and one column: safe to write again anywhere.
fn plain(cell: &Cell) -> bool {
    matches!(cell.diff_option, CellDiffOption::None)
        && matches!(cell.symbol().as_bytes(), [b] if b.is_ascii_graphic() || *b == b' ')
}

/// A cell erasing would leave as it is: a space on the default background, with nothing that
/// shows on a blank.
fn erasable(cell: &Cell) -> bool {
    cell.symbol() == " " && matches!(cell.diff_option, CellDiffOption::None) && Pen::of(cell).erases_clean()
}

/// Which cells of a row must be written: the changed ones, widened so that a wide character and
/// the columns it covers (before or after the change) are written as one.
pub(super) fn dirty_cells(old: &[Cell], new: &[Cell], dirty: &mut Vec<bool>) -> bool {
    dirty.clear();
    dirty.extend(old.iter().zip(new).map(|(o, n)| {
        !matches!(n.diff_option, CellDiffOption::Skip) && (o != n || n.diff_option == CellDiffOption::AlwaysUpdate)
    }));
    let mut any = dirty.iter().any(|d| *d);
    if !any {
        return false;
    }
    for row in [old, new] {
        for (x, cell) in row.iter().enumerate() {
            let w = columns(cell);
            if w > 1 {
                let end = (x + w).min(dirty.len());
                if dirty[x..end].iter().any(|d| *d) {
                    dirty[x..end].iter_mut().for_each(|d| *d = true);
                }
            }
        }
    }
    any |= dirty.iter().any(|d| *d);
    any
}

/// The encoder's state and output.
#[derive(Debug, Clone, Default)]
pub(super) struct Enc {
    pub(super) out: Vec<u8>,
    /// The style in force; `None` when unknown (at the start, or after someone else wrote).
    pub(super) pen: Option<Pen>,
    /// Where the cursor is; `None` when unknown or waiting to wrap at the right edge.
    pub(super) cursor: Option<(u16, u16)>,
    pub(super) width: u16,
}

/// How the encoder may save bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Savings {
    /// Write through a short run of unchanged cells instead of moving over it.
    pub(super) through: bool,
    /// Erase to the end of the line instead of writing trailing blanks.
    pub(super) erase: bool,
}

fn push_num(out: &mut Vec<u8>, n: usize) {
    use std::io::Write as _;
    // Writing into a Vec cannot fail.
    let _ = write!(out, "{n}");
}

/// Index of a named colour in the 16-colour palette, as crossterm numbers them.
fn named(c: Color) -> Option<u8> {
    Some(match c {
        Color::Black => 0,
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        Color::White => 15,
        _ => return None,
    })
}

#[derive(Clone, Copy)]
enum Layer {
    Fg,
    Bg,
    Ul,
}

/// SGR parameters for a colour. The eight dark foreground colours keep the `38;5;n` form
/// crossterm writes: some terminals brighten `30`–`37` under bold, and `38;5;n` never.
fn color_params(c: Color, layer: Layer, p: &mut Vec<u8>) {
    let base: &[u8] = match layer {
        Layer::Fg => b"38",
        Layer::Bg => b"48",
        Layer::Ul => b"58",
    };
    match c {
        Color::Reset => p.extend_from_slice(match layer {
            Layer::Fg => b"39",
            Layer::Bg => b"49",
            Layer::Ul => b"59",
        }),
        Color::Indexed(i) => {
            p.extend_from_slice(base);
            p.extend_from_slice(b";5;");
            push_num(p, usize::from(i));
        }
        Color::Rgb(r, g, b) => {
            p.extend_from_slice(base);
            p.extend_from_slice(b";2;");
            push_num(p, usize::from(r));
            p.push(b';');
            push_num(p, usize::from(g));
            p.push(b';');
            push_num(p, usize::from(b));
        }
        named_color => {
            let i = named(named_color).unwrap_or(7);
            match (layer, i) {
                (Layer::Fg, 8..) => push_num(p, 90 + usize::from(i - 8)),
                (Layer::Bg, 0..8) => push_num(p, 40 + usize::from(i)),
                (Layer::Bg, 8..) => push_num(p, 100 + usize::from(i - 8)),
                _ => {
                    p.extend_from_slice(base);
                    p.extend_from_slice(b";5;");
                    push_num(p, usize::from(i));
                }
            }
        }
    }
}

const MOD_CODES: [(Modifier, u8); 9] = [
    (Modifier::BOLD, 1),
    (Modifier::DIM, 2),
    (Modifier::ITALIC, 3),
    (Modifier::UNDERLINED, 4),
    (Modifier::SLOW_BLINK, 5),
    (Modifier::RAPID_BLINK, 6),
    (Modifier::REVERSED, 7),
    (Modifier::HIDDEN, 8),
    (Modifier::CROSSED_OUT, 9),
];

fn param(p: &mut Vec<u8>, n: u8) {
    if !p.is_empty() {
        p.push(b';');
    }
    push_num(p, usize::from(n));
}

fn color_param(p: &mut Vec<u8>, c: Color, layer: Layer) {
    if !p.is_empty() {
        p.push(b';');
    }
    color_params(c, layer, p);
}

/// Parameters that take `from` to `to` without a reset.
fn incremental(from: Pen, to: Pen) -> Vec<u8> {
    let mut p = Vec::new();
    let removed = from.mods - to.mods;
    let mut add = to.mods - from.mods;
    if removed.intersects(Modifier::BOLD | Modifier::DIM) {
        param(&mut p, 22);
        add |= to.mods & (Modifier::BOLD | Modifier::DIM);
    }
    if removed.contains(Modifier::ITALIC) {
        param(&mut p, 23);
    }
    if removed.contains(Modifier::UNDERLINED) {
        param(&mut p, 24);
    }
    if removed.intersects(Modifier::SLOW_BLINK | Modifier::RAPID_BLINK) {
        param(&mut p, 25);
        add |= to.mods & (Modifier::SLOW_BLINK | Modifier::RAPID_BLINK);
    }
    if removed.contains(Modifier::REVERSED) {
        param(&mut p, 27);
    }
    if removed.contains(Modifier::HIDDEN) {
        param(&mut p, 28);
    }
    if removed.contains(Modifier::CROSSED_OUT) {
        param(&mut p, 29);
    }
    for (m, code) in MOD_CODES {
        if add.contains(m) {
            param(&mut p, code);
        }
    }
    if from.fg != to.fg {
        color_param(&mut p, to.fg, Layer::Fg);
    }
    if from.bg != to.bg {
        color_param(&mut p, to.bg, Layer::Bg);
    }
    if from.ul != to.ul {
        color_param(&mut p, to.ul, Layer::Ul);
    }
    p
}

/// Parameters that reset, then set what `to` needs.
fn from_reset(to: Pen) -> Vec<u8> {
    let mut p = incremental(Pen::default(), to);
    if p.is_empty() {
        // `CSI m` alone resets.
        return p;
    }
    p.splice(0..0, *b"0;");
    p
}

impl Enc {
    pub(super) fn new(width: u16) -> Self {
        Self { width, ..Self::default() }
    }

    /// Sets the style, with the shorter of a change from what is in force and a reset.
    pub(super) fn set_pen(&mut self, to: Pen) {
        let params = match self.pen {
            Some(from) if from == to => return,
            Some(from) => {
                let inc = incremental(from, to);
                let reset = from_reset(to);
                if reset.len() < inc.len() { reset } else { inc }
            }
            None => from_reset(to),
        };
        self.out.extend_from_slice(b"\x1b[");
        self.out.extend_from_slice(&params);
        self.out.push(b'm');
        self.pen = Some(to);
    }

    /// Moves the cursor by the shortest sequence this encoder knows.
    pub(super) fn move_to(&mut self, x: u16, y: u16) {
        if self.cursor == Some((x, y)) {
            return;
        }
        let mut best = cup(x, y);
        if let Some((cx, cy)) = self.cursor {
            let mut consider = |candidate: Vec<u8>| {
                if candidate.len() < best.len() {
                    best = candidate;
                }
            };
            if cy == y {
                if x == 0 {
                    consider(b"\r".to_vec());
                } else if x > cx {
                    consider(csi_n(usize::from(x - cx), b'C'));
                } else {
                    consider(csi_n(usize::from(cx - x), b'D'));
                    let mut cr = b"\r".to_vec();
                    cr.extend(csi_n(usize::from(x), b'C'));
                    consider(cr);
                }
                consider(csi_n(usize::from(x) + 1, b'G'));
            } else if y == cy + 1 {
                // CR LF: the next row; raw mode or not, it lands in column 0.
                let mut crlf = b"\r\n".to_vec();
                if x > 0 {
                    crlf.extend(csi_n(usize::from(x), b'C'));
                }
                consider(crlf);
            }
        }
        self.out.extend_from_slice(&best);
        self.cursor = Some((x, y));
    }

    /// Writes `cell` at (x, y).
    pub(super) fn put(&mut self, x: u16, y: u16, cell: &Cell) {
        self.move_to(x, y);
        self.set_pen(Pen::of(cell));
        self.out.extend_from_slice(cell.symbol().as_bytes());
        self.advance(x, y, cell);
    }

    /// Where the cursor is after writing `cell` at (x, y). A wide or zero-width symbol leaves it
    /// unknown, so the next cell gets an explicit move (as crossterm's writer does), and so does
    /// the right edge, where the terminal waits to wrap.
    fn advance(&mut self, x: u16, y: u16, cell: &Cell) {
        let next = x.saturating_add(1);
        self.cursor = (columns(cell) == 1 && next < self.width).then_some((x + 1, y));
    }

    /// Writes a row: the cells `dirty` marks, from `old` (what the terminal shows) to `new`.
    pub(super) fn row(&mut self, y: u16, old: &[Cell], new: &[Cell], dirty: &[bool], savings: Savings) {
        if savings.erase
            && let Some(start) = erase_from(new, dirty)
        {
            let mut with_erase = self.clone();
            with_erase.out.clear();
            with_erase.cells(y, old, new, dirty, start, savings);
            with_erase.erase_line(start, y, &new[start]);
            let mut without = self.clone();
            without.out.clear();
            without.cells(y, old, new, dirty, new.len(), savings);
            let chosen = if with_erase.out.len() < without.out.len() { with_erase } else { without };
            self.out.extend_from_slice(&chosen.out);
            self.pen = chosen.pen;
            self.cursor = chosen.cursor;
            return;
        }
        self.cells(y, old, new, dirty, new.len(), savings);
    }

    /// Erases from (x, y) to the end of the row with the style of `blank`, which erasing paints.
    fn erase_line(&mut self, x: usize, y: u16, blank: &Cell) {
        self.move_to(u16::try_from(x).unwrap_or(u16::MAX), y);
        self.set_pen(Pen::of(blank));
        self.out.extend_from_slice(b"\x1b[K");
    }

    /// Writes the dirty cells of `new[..end]`, through short runs of unchanged plain cells where
    /// that is cheaper than moving.
    fn cells(&mut self, y: u16, old: &[Cell], new: &[Cell], dirty: &[bool], end: usize, savings: Savings) {
        let mut x = 0;
        while x < end {
            if !dirty[x] {
                x += 1;
                continue;
            }
            let cell = &new[x];
            self.put(u16::try_from(x).unwrap_or(u16::MAX), y, cell);
            // The columns a wide character covers are written with it.
            x += columns(cell).max(1);
            if savings.through
                && let Some(next) = dirty[x.min(end)..end].iter().position(|d| *d).map(|i| x + i)
                && next > x
                && self.through_pays(y, old, &new[x..=next])
            {
                for (i, c) in new[x..next].iter().enumerate() {
                    self.put(u16::try_from(x + i).unwrap_or(u16::MAX), y, c);
                }
                x = next;
            }
        }
    }

    /// Whether writing the unchanged cells `run[..last]` then setting the style of `run[last]`
    /// costs fewer bytes than moving over them. Only plain cells, with the cursor known right
    /// before them, are written through: their bytes put back exactly what is on screen.
    fn through_pays(&self, y: u16, old: &[Cell], run: &[Cell]) -> bool {
        let gap = run.len() - 1;
        let Some((cx, cy)) = self.cursor else { return false };
        if gap > MAX_THROUGH || cy != y || !run[..gap].iter().all(plain) {
            return false;
        }
        // The cell to the left of the run was just written; it must not be wide in the old row
        // either (its covered column would be dirty then, so this is a safeguard).
        if usize::from(cx) >= 1 && old.get(usize::from(cx) - 1).is_some_and(|c| columns(c) > 1) {
            return false;
        }
        let mut through = self.probe();
        for (i, c) in run[..gap].iter().enumerate() {
            through.put(cx + u16::try_from(i).unwrap_or(0), y, c);
        }
        through.set_pen(Pen::of(&run[gap]));
        let mut jump = self.probe();
        jump.move_to(cx + u16::try_from(gap).unwrap_or(0), y);
        jump.set_pen(Pen::of(&run[gap]));
        through.out.len() < jump.out.len()
    }

    /// A copy of the state with no output, to price an alternative.
    fn probe(&self) -> Self {
        Self { out: Vec::new(), pen: self.pen, cursor: self.cursor, width: self.width }
    }
}

/// Where erasing to the end of the row could start: the first dirty cell of the row's trailing
/// run of erasable blanks, if that run holds any dirty cell and no wide character reaches into it.
fn erase_from(new: &[Cell], dirty: &[bool]) -> Option<usize> {
    let mut start = new.len();
    while start > 0 && erasable(&new[start - 1]) {
        start -= 1;
    }
    if start > 0 {
        // A wide character just before the run covers its first columns.
        start = start.max(start - 1 + columns(&new[start - 1]));
    }
    (start..new.len()).find(|&x| dirty[x])
}

fn cup(x: u16, y: u16) -> Vec<u8> {
    let mut s = b"\x1b[".to_vec();
    if y > 0 || x > 0 {
        push_num(&mut s, usize::from(y) + 1);
    }
    if x > 0 {
        s.push(b';');
        push_num(&mut s, usize::from(x) + 1);
    }
    s.push(b'H');
    s
}

fn csi_n(n: usize, op: u8) -> Vec<u8> {
    let mut s = b"\x1b[".to_vec();
    if n != 1 {
        push_num(&mut s, n);
    }
    s.push(op);
    s
}

/// `CSI n S` / `CSI n T` and friends, for the scroller.
pub(super) fn csi(n: usize, op: u8) -> Vec<u8> {
    csi_n(n, op)
}

/// `CSI top ; bottom r`, rows counted from 0, inclusive.
pub(super) fn decstbm(top: u16, bottom: u16) -> Vec<u8> {
    let mut s = b"\x1b[".to_vec();
    push_num(&mut s, usize::from(top) + 1);
    s.push(b';');
    push_num(&mut s, usize::from(bottom) + 1);
    s.push(b'r');
    s
}
