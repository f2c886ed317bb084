//! Letting the terminal scroll: finding, from the screen and the next frame alone, a block of
//! rows that moved up or down, and the scroll region that makes the frame cheapest to write.
//!
//! A scroll region (DECSTBM) spans the full width, so with panes beside the scrolled one their
//! rows move too and are written back; the plan counts that, and a frame where it costs more
//! than writing the changed cells is written without scrolling.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use ratatui::buffer::{Buffer, Cell, CellDiffOption};

use super::encode::{Enc, Pen, Savings, csi, decstbm, dirty_cells};

/// Rows `top..=bottom` (from 0) move `count` rows up (`up`) or down; the rows they leave are blank.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Scroll {
    pub(super) top: u16,
    pub(super) bottom: u16,
    pub(super) count: u16,
    pub(super) up: bool,
}

/// Bytes a scroll costs besides the rows: region, scroll, region reset, and perhaps a style reset.
const OVERHEAD: usize = 18;
/// How many candidate shifts are priced.
const CANDIDATES: usize = 2;
/// Old rows sharing one content (blank rows, rules) say nothing about where a row came from.
const AMBIGUOUS: usize = 4;

impl Scroll {
    /// Does to `screen` what the terminal does for [`Scroll::emit`].
    pub(super) fn apply(self, screen: &mut Buffer) {
        let w = usize::from(screen.area.width);
        let (top, bottom, n) = (usize::from(self.top), usize::from(self.bottom), usize::from(self.count));
        let region = &mut screen.content[top * w..(bottom + 1) * w];
        let blank = n.min(bottom + 1 - top) * w;
        if self.up {
            region.rotate_left(blank);
            let len = region.len();
            region[len - blank..].fill(Cell::EMPTY);
        } else {
            region.rotate_right(blank);
            region[..blank].fill(Cell::EMPTY);
        }
    }

    /// The bytes: a default style (so the new rows are default blanks on every terminal), the
    /// region, the scroll, and the full-screen region again, which also homes the cursor.
    pub(super) fn emit(self, enc: &mut Enc) {
        enc.set_pen(Pen::default());
        enc.out.extend(decstbm(self.top, self.bottom));
        enc.out.extend(csi(usize::from(self.count), if self.up { b'S' } else { b'T' }));
        enc.out.extend_from_slice(b"\x1b[r");
        enc.cursor = Some((0, 0));
    }
}

fn row(buf: &Buffer, y: usize) -> &[Cell] {
    let w = usize::from(buf.area.width);
    &buf.content[y * w..(y + 1) * w]
}

fn segment_hash(cells: &[Cell]) -> u64 {
    let mut h = DefaultHasher::new();
    cells.hash(&mut h);
    h.finish()
}

/// Bytes to write `new` over `old`, a row on its own.
fn row_cost(y: usize, old: &[Cell], new: &[Cell], savings: Savings, dirty: &mut Vec<bool>) -> usize {
    if !dirty_cells(old, new, dirty) {
        return 0;
    }
    let mut enc = Enc::new(u16::try_from(new.len()).unwrap_or(u16::MAX));
    enc.pen = Some(Pen::default());
    enc.row(u16::try_from(y).unwrap_or(u16::MAX), old, new, dirty, savings);
    enc.out.len()
}

/// The scroll that makes writing `new` over `screen` cheapest, if any beats writing it as is.
pub(super) fn plan(screen: &Buffer, new: &Buffer, savings: Savings) -> Option<Scroll> {
    let h = usize::from(screen.area.height);
    if screen.area != new.area || h < 3 || new.content.iter().any(|c| matches!(c.diff_option, CellDiffOption::Skip)) {
        return None;
    }
    let changed: Vec<usize> = (0..h).filter(|&y| row(screen, y) != row(new, y)).collect();
    if changed.len() < 2 {
        return None;
    }
    let shifts = candidate_shifts(screen, new, &changed);
    if shifts.is_empty() {
        return None;
    }
    let mut dirty = Vec::new();
    let blank_row = vec![Cell::EMPTY; usize::from(screen.area.width)];
    let as_is: Vec<usize> = (0..h).map(|y| row_cost(y, row(screen, y), row(new, y), savings, &mut dirty)).collect();
    let blank: Vec<usize> = (0..h).map(|y| row_cost(y, &blank_row, row(new, y), savings, &mut dirty)).collect();
    let total: usize = as_is.iter().sum();
    let mut best: Option<(usize, Scroll)> = None;
    for shift in shifts {
        let n = shift.unsigned_abs();
        let up = shift > 0;
        // moved[y]: row y of the new frame written over the old row it would show after the shift.
        let moved: Vec<usize> = (0..h)
            .map(|y| {
                let from = if up { y + n } else { y.wrapping_sub(n) };
                if from < h { row_cost(y, row(screen, from), row(new, y), savings, &mut dirty) } else { usize::MAX / 4 }
            })
            .collect();
        if let Some((cost, scroll)) = best_region(&as_is, &moved, &blank, n, up)
            && cost + OVERHEAD < total
            && best.as_ref().is_none_or(|(b, _)| cost < *b)
        {
            best = Some((cost, scroll));
        }
    }
    best.map(|(_, s)| s)
}

/// The region `top..=bottom` that costs least for a shift of `n` rows, and its cost.
fn best_region(as_is: &[usize], moved: &[usize], blank: &[usize], n: usize, up: bool) -> Option<(usize, Scroll)> {
    let h = as_is.len();
    let prefix = |v: &[usize]| {
        let mut p = vec![0usize; h + 1];
        for (i, c) in v.iter().enumerate() {
            p[i + 1] = p[i].saturating_add(*c);
        }
        p
    };
    let (pa, pm, pb) = (prefix(as_is), prefix(moved), prefix(blank));
    let sum = |p: &[usize], a: usize, b: usize| p[b].saturating_sub(p[a]);
    let mut best: Option<(usize, usize, usize)> = None;
    for top in 0..h {
        for bottom in top + n..h {
            let outside = sum(&pa, 0, top) + sum(&pa, bottom + 1, h);
            let inside = if up {
                sum(&pm, top, bottom + 1 - n) + sum(&pb, bottom + 1 - n, bottom + 1)
            } else {
                sum(&pb, top, top + n) + sum(&pm, top + n, bottom + 1)
            };
            let cost = outside.saturating_add(inside);
            if best.is_none_or(|(c, _, _)| cost < c) {
                best = Some((cost, top, bottom));
            }
        }
    }
    let (cost, top, bottom) = best?;
    let scroll = Scroll {
        top: u16::try_from(top).ok()?,
        bottom: u16::try_from(bottom).ok()?,
        count: u16::try_from(n).ok()?,
        up,
    };
    Some((cost, scroll))
}

/// Shifts (positive: content moved up) that the changed rows vote for: a changed row of the new
/// frame whose changed columns match a single other row of the screen votes for the distance.
fn candidate_shifts(screen: &Buffer, new: &Buffer, changed: &[usize]) -> Vec<isize> {
    let w = usize::from(screen.area.width);
    let h = usize::from(screen.area.height);
    // The columns that changed anywhere: the scrolled pane, wherever it is.
    let (mut x0, mut x1) = (w, 0);
    for &y in changed {
        let (o, n) = (row(screen, y), row(new, y));
        if let Some(first) = (0..w).find(|&x| o[x] != n[x]) {
            let last = (0..w).rev().find(|&x| o[x] != n[x]).unwrap_or(first);
            x0 = x0.min(first);
            x1 = x1.max(last + 1);
        }
    }
    if x0 >= x1 {
        return Vec::new();
    }
    let mut rows_of: HashMap<u64, Vec<usize>> = HashMap::new();
    for y in 0..h {
        rows_of.entry(segment_hash(&row(screen, y)[x0..x1])).or_default().push(y);
    }
    let mut votes: HashMap<isize, usize> = HashMap::new();
    for &y in changed {
        let Some(from) = rows_of.get(&segment_hash(&row(new, y)[x0..x1])) else { continue };
        if from.len() > AMBIGUOUS {
            continue;
        }
        for &f in from {
            let shift = isize::try_from(f).unwrap_or(0) - isize::try_from(y).unwrap_or(0);
            if shift != 0 {
                *votes.entry(shift).or_default() += 1;
            }
        }
    }
    let mut ranked: Vec<(isize, usize)> = votes.into_iter().filter(|&(_, v)| v >= 2).collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.unsigned_abs().cmp(&b.0.unsigned_abs())).then(a.0.cmp(&b.0)));
    ranked.into_iter().take(CANDIDATES).map(|(s, _)| s).collect()
}
