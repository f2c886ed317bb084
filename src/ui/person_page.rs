//! A person's page: the lines `app::person_page` laid out, the visible ones drawn, the
//! selected item marked across all its lines.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{Theme, pane, put, truncate};
use crate::app::person_page::{LineKind, PersonScreen};
use crate::text::columns;

pub fn render(screen: &PersonScreen, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let role = screen.page.as_ref().and_then(|p| p.roles.last()).map(|r| format!(" · {}", r.role)).unwrap_or_default();
    let block = pane(Line::from(format!(" {}{role} ", screen.name)), true, theme);
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.width < 4 || inner.height == 0 {
        return;
    }
    let text = Rect { x: inner.x + 1, width: inner.width - 2, ..inner };
    let width = usize::from(text.width);
    if screen.page.is_none() {
        let note = screen.gone.clone().unwrap_or_else(|| "Reading the library…".to_string());
        put(buf, text.x, text.y, text.width, &Line::styled(truncate(&note, width).into_owned(), theme.dim));
        return;
    }
    let selected = screen.item();
    for (slot, line) in screen.lines.iter().skip(screen.scroll).take(usize::from(text.height)).enumerate() {
        let y = text.y + u16::try_from(slot).unwrap_or(0);
        let style = if line.item.is_some() && line.item == selected { theme.selected } else { Style::new() };
        buf.set_style(Rect { y, height: 1, ..text }, style);
        let (aside, body) = match line.kind {
            LineKind::Heading => (theme.title, theme.title.add_modifier(Modifier::BOLD)),
            LineKind::Name | LineKind::Associate => (theme.dim, theme.person),
            LineKind::Role => (theme.dim, theme.role),
            LineKind::Quote => (theme.dim, theme.text),
            LineKind::Article => (theme.dim, theme.headline),
            LineKind::Dim | LineKind::Source | LineKind::Blank => (theme.dim, theme.dim),
        };
        let indent = if matches!(line.kind, LineKind::Heading | LineKind::Dim | LineKind::Blank) { "" } else { "  " };
        let aside_text = format!("{indent}{}", line.aside);
        let room = width.saturating_sub(columns(&aside_text));
        let spans = vec![
            Span::styled(aside_text, aside.patch(style)),
            Span::styled(truncate(&line.text, room).into_owned(), body.patch(style)),
        ];
        put(buf, text.x, y, text.width, &Line::from(spans));
    }
}

/// The status bar under the page: what the cursor is on, and the keys that act on it.
pub(super) fn status(app: &crate::app::App, screen: &PersonScreen) -> (&'static str, String, String) {
    use crate::app::Action;
    use crate::app::keymap::KeyMode;
    use crate::app::person_page::Item;
    let say = |a, what: &str| app.keymap.hint_key(KeyMode::Person, a).map(|k| format!("{k} {what}"));
    let (position, open) = match (screen.item(), &screen.page) {
        (Some(Item::Article(i)), Some(p)) => {
            (format!("article {}/{}", i + 1, p.articles.len()), say(Action::Open, "read"))
        }
        (Some(Item::Quote(i)), Some(p)) => (format!("quote {}/{}", i + 1, p.quotes.len()), say(Action::Open, "read")),
        (Some(Item::Associate(i)), Some(p)) => {
            (format!("associate {}/{}", i + 1, p.associates.len()), say(Action::Open, "their page"))
        }
        (Some(Item::Name(i)), Some(p)) => {
            (format!("name {}/{}", i + 1, p.names.len()), say(Action::SplitName, "split off"))
        }
        _ => (String::new(), None),
    };
    let hint = [open, say(Action::FocusNext, "section"), say(Action::Back, "back")];
    (" PERSON ", position, hint.into_iter().flatten().collect::<Vec<_>>().join("  "))
}
