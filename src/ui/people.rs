//! The people sidebar: name and mention count, then role, two rows a person.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{Theme, is_focused, pane, put, truncate};
use crate::app::{App, Focus};
use crate::people::Person;
use crate::text::columns;

const PERSON_ROWS: u16 = 2;

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let focused = is_focused(app, Focus::People);
    let people = app.shown().map_or(Some(&[][..]), |i| app.people_to_draw(i));
    let count = people.map_or("…".to_string(), |p| p.len().to_string());
    let block = pane(Line::from(format!(" People ({count}) ")), focused, theme);
    let inner = block.inner(area);
    block.render(area, buf);
    let note = match people {
        None => " Finding people…",
        Some([]) => " No names found",
        Some(people) => return draw_people(app, people, focused, theme, inner, buf),
    };
    put(buf, inner.x, inner.y, inner.width, &Line::styled(note, theme.dim));
}

/// Each visible person: name and mention count, then role; the selected one marked.
fn draw_people(app: &App, people: &[Person], focused: bool, theme: &Theme, inner: Rect, buf: &mut Buffer) {
    let view = app.view();
    let offset = view.map_or(0, |v| v.people_offset);
    let selected = view.map_or(0, |v| v.person);
    let width = usize::from(inner.width);
    for (slot, (i, person)) in
        people.iter().enumerate().skip(offset).take(usize::from(inner.height / PERSON_ROWS)).enumerate()
    {
        let y = inner.y + u16::try_from(slot).unwrap_or(0) * PERSON_ROWS;
        let row_style = match (i == selected, focused) {
            (true, true) => theme.selected,
            (true, false) => theme.selected_unfocused,
            _ => Style::new(),
        };
        buf.set_style(
            Rect { x: inner.x, y, width: inner.width, height: PERSON_ROWS.min(inner.y + inner.height - y) },
            row_style,
        );
        let count = format!(" ×{}", person.mentions);
        let name_width = width.saturating_sub(columns(&count) + 1);
        let name = Span::styled(format!(" {}", truncate(&person.name, name_width)), theme.person.patch(row_style));
        put(buf, inner.x, y, inner.width, &Line::from(vec![name, Span::styled(count, theme.dim.patch(row_style))]));
        let role = person.role.as_deref().unwrap_or_else(|| unnamed_role(app, person));
        let role = format!("   {}", truncate(role, width.saturating_sub(3)));
        put(buf, inner.x, y + 1, inner.width, &Line::styled(role, theme.role.patch(row_style)));
    }
}

/// What to say under a person the article gives no role: the writer in the byline, a name in
/// the credits, or nothing known.
fn unnamed_role(app: &App, person: &Person) -> &'static str {
    let Some(article) = app.shown().and_then(|i| app.text_of(i)) else { return "—" };
    if article.byline.as_deref().is_some_and(|b| b.contains(person.name.as_str())) {
        "(byline)"
    } else if article.credits.iter().any(|c| c.contains(person.name.as_str())) {
        "(credits)"
    } else {
        "—"
    }
}

#[cfg(test)]
mod tests {
    use crate::app::App;
    use crate::article::{Library, parse};
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;

    #[test]
    fn writers_and_credited_reporters_are_marked_as_such() {
        let text = "Budget passes\n\nBy Jane Doe\n\nWASHINGTON (AP) — Sen. Ron Wyden, D-Ore., said the bill would pass.\n\n\
                    Associated Press writer Mary Major contributed to this report.\n";
        let app = App::new(Library { articles: vec![parse(text, "a.txt")], problems: vec![] }, (120, 30));
        let area = Rect::new(0, 0, 120, 30);
        let mut buf = Buffer::empty(area);
        crate::ui::render(&app, &crate::ui::Theme::new(false), area, &mut buf);
        let screen = crate::ui::buffer_text(&buf);
        let under = |name: &str| {
            let lines: Vec<&str> = screen.lines().collect();
            let at = lines.iter().position(|l| l.contains(name)).unwrap_or_else(|| panic!("{name}:\n{screen}"));
            lines[at + 1].rsplit('│').nth(1).unwrap_or_default().trim().to_string()
        };
        assert_eq!(under("Jane Doe ×1"), "(byline)");
        assert_eq!(under("Ron Wyden ×1"), "Sen., D-Ore.");
        assert_eq!(under("Mary Major ×1"), "(credits)");
    }

    /// One count of a person's mentions everywhere it shows: the sidebar, the quotes overlay, the
    /// status bar, and the stops `n` makes; a headline that names the person counts as one.
    #[test]
    fn the_sidebar_the_quotes_the_status_bar_and_n_agree_on_mentions() {
        let text = "Barack Obama visits Seoul\n\nSEOUL (AP) — President Barack Obama arrived in Seoul on Friday.\n\n\
                    The visit is his first this year.\n";
        let screen = |keys: &str| {
            let library = Library { articles: vec![parse(text, "a.txt")], problems: vec![] };
            let keys = crate::keys::parse_keys(keys).expect("keys");
            crate::cli::screenshot(library, (120, 30), keys, false)
        };
        let status = |screen: &str| screen.lines().last().unwrap_or_default().to_string();
        let people = screen("<Tab><Tab>");
        assert!(people.contains("Barack Obama ×2"), "{people}");
        assert!(status(&people).contains("[Barack Obama: 2 mentions]"), "{people}");
        let quotes = screen("<Tab><Tab>o");
        assert!(quotes.contains("mentioned 2 times"), "{quotes}");
        // `n` stops twice, then comes round to the first again.
        for (keys, counter) in
            [("n", "[Barack Obama 1/2]"), ("nn", "[Barack Obama 2/2]"), ("nnn", "[Barack Obama 1/2]")]
        {
            let walked = screen(&format!("<Tab><Tab>{keys}"));
            assert!(status(&walked).contains(counter), "{keys}: {walked}");
        }
        let json = crate::people::extract_with_mentions(&parse(text, "a.txt"));
        assert_eq!(json[0].mentions, 2, "--json says what the screen says");
    }
}
