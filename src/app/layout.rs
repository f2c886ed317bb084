//! Where the panes go for a terminal size: a pure function, shared by drawing and by mouse
//! hit-testing so the two always agree.

use ratatui::layout::Rect;

/// Below this the reader says the terminal is too small instead of drawing panes.
pub const MIN_WIDTH: u16 = 24;
pub const MIN_HEIGHT: u16 = 8;
/// From this width the people sidebar shows unless hidden.
const SIDEBAR_AUTO_WIDTH: u16 = 110;
/// The narrowest list beside the article: a headline of 40 columns (the border and the unread
/// marker take the other four). Narrower than that, the list goes above the article.
const LIST_MIN_BESIDE: u16 = 44;
/// The narrowest article pane beside the list.
const ARTICLE_MIN_BESIDE: u16 = 50;
/// The default widest run of article text, in columns.
pub const DEFAULT_MAX_WIDTH: u16 = 100;

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

/// Where the article's text sits in a pane wider than its maximum width.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    Left,
    #[default]
    Center,
}

/// How the article is laid out: settings (its widest text, its place) and the zoom key's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading {
    pub max_width: u16,
    pub align: Align,
    /// The article alone, the whole width.
    pub zoom: bool,
}

impl Default for Reading {
    fn default() -> Self {
        Self { max_width: DEFAULT_MAX_WIDTH, align: Align::default(), zoom: false }
    }
}

/// The rectangles of the panes, borders included. A pane that is not shown (the list when the
/// article is zoomed) has no area, so no click lands in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PaneRects {
    pub list: Rect,
    pub article: Rect,
    pub people: Option<Rect>,
    pub status: Rect,
    /// Where the article's text goes inside its pane.
    pub text: Rect,
}

impl PaneRects {
    /// Where the article's text goes.
    #[must_use]
    pub fn article_text(&self) -> Rect {
        self.text
    }

    /// Whether the list is on screen.
    #[must_use]
    pub fn list_shown(&self) -> bool {
        self.list.width > 0 && self.list.height > 0
    }
}

/// What fits in a terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Panes {
    TooSmall,
    Panes(PaneRects),
}

/// The text area of an article pane at `rect`: a column of margin each side, and the
/// scrollbar's column on the right; no wider than `reading.max_width`, placed as it says.
#[must_use]
pub fn article_text_area(rect: Rect, reading: &Reading) -> Rect {
    let inner = inner(rect);
    let full = Rect { x: inner.x + 1, width: inner.width.saturating_sub(3), ..inner };
    let width = full.width.min(reading.max_width.max(1));
    let x = match reading.align {
        Align::Left => full.x,
        Align::Center => full.x + (full.width - width) / 2,
    };
    Rect { x, width, ..full }
}

/// Inside a bordered pane.
#[must_use]
pub fn inner(rect: Rect) -> Rect {
    Rect { x: rect.x + 1, y: rect.y + 1, width: rect.width.saturating_sub(2), height: rect.height.saturating_sub(2) }
}

/// The panes for a terminal of `width` × `height`.
///
/// Wide terminals put the list, the article and the people side by side; when the list would
/// show less than 40 columns of a headline beside an article of 50, the list (and the sidebar,
/// if shown) goes above the article. Zoomed, the article takes the whole screen.
#[must_use]
pub fn layout(width: u16, height: u16, sidebar: SidebarPref, reading: &Reading) -> Panes {
    if width < MIN_WIDTH || height < MIN_HEIGHT {
        return Panes::TooSmall;
    }
    let status = Rect { x: 0, y: height - 1, width, height: 1 };
    let main_h = height - 1;
    let show_people = sidebar.visible(width);
    let (list, article, people) = if reading.zoom {
        (Rect { x: 0, y: 0, width: 0, height: 0 }, Rect { x: 0, y: 0, width, height: main_h }, None)
    } else if show_people && width >= SIDEBAR_AUTO_WIDTH {
        let list_w = (width / 4).clamp(34, 48);
        let people_w = (width / 5).clamp(26, 40);
        let article_w = width - list_w - people_w;
        (
            Rect { x: 0, y: 0, width: list_w, height: main_h },
            Rect { x: list_w, y: 0, width: article_w, height: main_h },
            Some(Rect { x: list_w + article_w, y: 0, width: people_w, height: main_h }),
        )
    } else if !show_people && width >= LIST_MIN_BESIDE + ARTICLE_MIN_BESIDE {
        let list_w = (width * 3 / 10).clamp(LIST_MIN_BESIDE, 56);
        (
            Rect { x: 0, y: 0, width: list_w, height: main_h },
            Rect { x: list_w, y: 0, width: width - list_w, height: main_h },
            None,
        )
    } else {
        // Stacked: two rows an entry, so the list's inner height is even where it can be.
        let top_h = (main_h * 2 / 5).clamp(4, main_h - 3);
        let top_h = if top_h > 4 && top_h % 2 == 1 { top_h - 1 } else { top_h };
        let top = Rect { x: 0, y: 0, width, height: top_h };
        let article = Rect { x: 0, y: top_h, width, height: main_h - top_h };
        if show_people {
            let list_w = width / 2;
            (Rect { width: list_w, ..top }, article, Some(Rect { x: list_w, width: width - list_w, ..top }))
        } else {
            (top, article, None)
        }
    };
    let text = article_text_area(article, reading);
    Panes::Panes(PaneRects { list, article, people, status, text })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn too_small_and_zero() {
        assert_eq!(layout(0, 0, SidebarPref::Auto, &Reading::default()), Panes::TooSmall);
        assert_eq!(layout(MIN_WIDTH - 1, 40, SidebarPref::Auto, &Reading::default()), Panes::TooSmall);
    }

    #[test]
    fn panes_tile_the_screen_at_every_size() {
        for w in MIN_WIDTH..=300 {
            for h in [MIN_HEIGHT, 24, 100] {
                for (pref, zoom) in [SidebarPref::Auto, SidebarPref::Shown, SidebarPref::Hidden]
                    .into_iter()
                    .flat_map(|p| [(p, false), (p, true)])
                {
                    let reading = Reading { zoom, ..Reading::default() };
                    let Panes::Panes(p) = layout(w, h, pref, &reading) else { panic!("{w}x{h}") };
                    let area: u32 = [Some(p.list), Some(p.article), p.people, Some(p.status)]
                        .into_iter()
                        .flatten()
                        .map(|r| u32::from(r.width) * u32::from(r.height))
                        .sum();
                    assert_eq!(area, u32::from(w) * u32::from(h), "{w}x{h} {pref:?} {zoom}");
                    assert!(p.text.width <= DEFAULT_MAX_WIDTH && p.text.x >= p.article.x + 2, "{w}x{h}");
                    assert!(p.article.width >= 3 && p.article.height >= 3, "{w}x{h}");
                }
            }
        }
    }

    #[test]
    fn sidebar_folds_away_when_narrow() {
        let Panes::Panes(wide) = layout(120, 40, SidebarPref::Auto, &Reading::default()) else { panic!() };
        assert!(wide.people.is_some());
        let Panes::Panes(narrow) = layout(80, 24, SidebarPref::Auto, &Reading::default()) else { panic!() };
        assert!(narrow.people.is_none());
        let Panes::Panes(shown) = layout(80, 24, SidebarPref::Shown, &Reading::default()) else { panic!() };
        assert!(shown.people.is_some());
    }

    #[test]
    fn a_headline_gets_forty_columns_beside_the_article_or_the_list_goes_above() {
        for w in MIN_WIDTH..=300 {
            for pref in [SidebarPref::Auto, SidebarPref::Hidden] {
                let Panes::Panes(p) = layout(w, 24, pref, &Reading::default()) else { panic!() };
                let stacked = p.list.y + p.list.height <= p.article.y;
                let headline = p.list.width.saturating_sub(4);
                assert!(stacked || headline >= 30, "{w}: {headline}");
                if p.people.is_none() {
                    assert!(stacked || headline >= 40, "{w}: {headline}");
                }
            }
        }
        let Panes::Panes(p) = layout(80, 24, SidebarPref::Auto, &Reading::default()) else { panic!() };
        assert_eq!((p.list.width, p.article.width, p.article.y), (80, 80, p.list.height));
    }

    #[test]
    fn zoom_gives_the_article_the_screen_and_text_keeps_its_measure() {
        let reading = Reading { zoom: true, ..Reading::default() };
        let Panes::Panes(p) = layout(250, 70, SidebarPref::Auto, &reading) else { panic!() };
        assert!(!p.list_shown() && p.people.is_none());
        assert_eq!(p.article, Rect::new(0, 0, 250, 69));
        assert_eq!(p.text.width, 100);
        assert_eq!(p.text.x, 2 + (250 - 5 - 100) / 2, "centred in the pane");
        let left = Reading { align: Align::Left, max_width: 60, zoom: true };
        let Panes::Panes(p) = layout(250, 70, SidebarPref::Auto, &left) else { panic!() };
        assert_eq!((p.text.x, p.text.width), (2, 60));
    }
}
