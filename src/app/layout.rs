//! Where the panes go for a terminal size: a pure function, shared by drawing and by mouse
//! hit-testing so the two always agree.

use ratatui::layout::Rect;

/// Below this the reader says the terminal is too small instead of drawing panes.
pub const MIN_WIDTH: u16 = 24;
pub const MIN_HEIGHT: u16 = 8;
/// From this width the people sidebar shows unless hidden.
const SIDEBAR_AUTO_WIDTH: u16 = 110;
/// Below this width the list sits above the article instead of beside it.
const STACK_WIDTH: u16 = 70;

/// Whether the user asked for the people sidebar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SidebarPref {
    /// Shown on wide terminals, folded away on narrow ones.
    #[default]
    Auto,
    Shown,
    Hidden,
}

impl SidebarPref {
    /// Whether the sidebar shows at `width`.
    #[must_use]
    pub fn visible(self, width: u16) -> bool {
        match self {
            Self::Auto => width >= SIDEBAR_AUTO_WIDTH,
            Self::Shown => true,
            Self::Hidden => false,
        }
    }
}

/// The rectangles of the panes, borders included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PaneRects {
    pub list: Rect,
    pub article: Rect,
    pub people: Option<Rect>,
    pub status: Rect,
}

impl PaneRects {
    /// Where the article's text goes.
    #[must_use]
    pub fn article_text(&self) -> Rect {
        article_text_area(self.article)
    }
}

/// What fits in a terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Panes {
    TooSmall,
    Panes(PaneRects),
}

/// The text area of an article pane at `rect`: a column of margin each side, and the
/// scrollbar's column on the right.
#[must_use]
pub fn article_text_area(rect: Rect) -> Rect {
    let inner = inner(rect);
    Rect { x: inner.x + 1, width: inner.width.saturating_sub(3), ..inner }
}

/// Inside a bordered pane.
#[must_use]
pub fn inner(rect: Rect) -> Rect {
    Rect { x: rect.x + 1, y: rect.y + 1, width: rect.width.saturating_sub(2), height: rect.height.saturating_sub(2) }
}

/// The panes for a terminal of `width` × `height`.
#[must_use]
pub fn layout(width: u16, height: u16, sidebar: SidebarPref) -> Panes {
    if width < MIN_WIDTH || height < MIN_HEIGHT {
        return Panes::TooSmall;
    }
    let status = Rect { x: 0, y: height - 1, width, height: 1 };
    let main_h = height - 1;
    let show_people = sidebar.visible(width);
    let rects = if width < STACK_WIDTH {
        let top_h = (main_h / 3).clamp(4, main_h - 3);
        let top = Rect { x: 0, y: 0, width, height: top_h };
        let article = Rect { x: 0, y: top_h, width, height: main_h - top_h };
        if show_people {
            let list_w = width / 2;
            PaneRects {
                list: Rect { width: list_w, ..top },
                article,
                people: Some(Rect { x: list_w, width: width - list_w, ..top }),
                status,
            }
        } else {
            PaneRects { list: top, article, people: None, status }
        }
    } else {
        let list_w = if show_people { (width / 4).clamp(26, 44) } else { (width * 3 / 10).clamp(26, 48) };
        let people_w = if show_people { (width / 4).clamp(26, 44) } else { 0 };
        let article_w = width - list_w - people_w;
        PaneRects {
            list: Rect { x: 0, y: 0, width: list_w, height: main_h },
            article: Rect { x: list_w, y: 0, width: article_w, height: main_h },
            people: show_people.then_some(Rect { x: list_w + article_w, y: 0, width: people_w, height: main_h }),
            status,
        }
    };
    Panes::Panes(rects)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn too_small_and_zero() {
        assert_eq!(layout(0, 0, SidebarPref::Auto), Panes::TooSmall);
        assert_eq!(layout(MIN_WIDTH - 1, 40, SidebarPref::Auto), Panes::TooSmall);
    }

    #[test]
    fn panes_tile_the_screen_at_every_size() {
        for w in MIN_WIDTH..=300 {
            for h in [MIN_HEIGHT, 24, 100] {
                for pref in [SidebarPref::Auto, SidebarPref::Shown, SidebarPref::Hidden] {
                    let Panes::Panes(p) = layout(w, h, pref) else { panic!("{w}x{h}") };
                    let area: u32 = [Some(p.list), Some(p.article), p.people, Some(p.status)]
                        .into_iter()
                        .flatten()
                        .map(|r| u32::from(r.width) * u32::from(r.height))
                        .sum();
                    assert_eq!(area, u32::from(w) * u32::from(h), "{w}x{h} {pref:?}");
                    assert!(p.article.width >= 3 && p.article.height >= 3, "{w}x{h}");
                }
            }
        }
    }

    #[test]
    fn sidebar_folds_away_when_narrow() {
        let Panes::Panes(wide) = layout(120, 40, SidebarPref::Auto) else { panic!() };
        assert!(wide.people.is_some());
        let Panes::Panes(narrow) = layout(80, 24, SidebarPref::Auto) else { panic!() };
        assert!(narrow.people.is_none());
        let Panes::Panes(shown) = layout(80, 24, SidebarPref::Shown) else { panic!() };
        assert!(shown.people.is_some());
    }
}
