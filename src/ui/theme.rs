//! Colours and styles. With `NO_COLOR`, no colour at all: bold, reverse and underline carry
//! focus, selection and matches.

use ratatui::style::{Color, Modifier, Style};

/// Every style the reader draws with.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub border: Style,
    pub border_focused: Style,
    pub title: Style,
    pub title_focused: Style,
    pub headline: Style,
    pub deck: Style,
    pub dateline: Style,
    pub byline: Style,
    pub text: Style,
    pub credit: Style,
    pub rights: Style,
    pub dim: Style,
    pub selected: Style,
    pub selected_unfocused: Style,
    pub unread: Style,
    pub star: Style,
    pub matched: Style,
    pub current_match: Style,
    pub status: Style,
    pub badge: Style,
    pub warning: Style,
    pub cursor: Style,
}

impl Theme {
    #[must_use]
    pub fn new(color: bool) -> Self {
        if color { Self::colored() } else { Self::plain() }
    }

    fn colored() -> Self {
        let accent = Color::Cyan;
        Self {
            border: Style::new().fg(Color::DarkGray),
            border_focused: Style::new().fg(accent),
            title: Style::new().fg(Color::Gray),
            title_focused: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            headline: Style::new().fg(Color::White).add_modifier(Modifier::BOLD),
            deck: Style::new().add_modifier(Modifier::ITALIC),
            dateline: Style::new().fg(Color::Yellow),
            byline: Style::new().fg(Color::Green),
            text: Style::new(),
            credit: Style::new().fg(Color::Gray).add_modifier(Modifier::ITALIC),
            rights: Style::new().fg(Color::DarkGray),
            dim: Style::new().fg(Color::DarkGray),
            selected: Style::new().fg(Color::Black).bg(accent),
            selected_unfocused: Style::new().bg(Color::DarkGray),
            unread: Style::new().fg(accent),
            star: Style::new().fg(Color::Yellow),
            matched: Style::new().fg(Color::Black).bg(Color::Yellow),
            current_match: Style::new().fg(Color::Black).bg(Color::LightRed).add_modifier(Modifier::BOLD),
            status: Style::new().fg(Color::Gray).bg(Color::Black),
            badge: Style::new().fg(Color::Black).bg(accent).add_modifier(Modifier::BOLD),
            warning: Style::new().fg(Color::LightRed).bg(Color::Black),
            cursor: Style::new().add_modifier(Modifier::REVERSED),
        }
    }

    fn plain() -> Self {
        let none = Style::new();
        Self {
            border: none,
            border_focused: Style::new().add_modifier(Modifier::BOLD),
            title: none,
            title_focused: Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED),
            headline: Style::new().add_modifier(Modifier::BOLD),
            deck: Style::new().add_modifier(Modifier::ITALIC),
            dateline: none,
            byline: none,
            text: none,
            credit: Style::new().add_modifier(Modifier::ITALIC),
            rights: none,
            dim: none,
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            selected_unfocused: Style::new().add_modifier(Modifier::REVERSED),
            unread: Style::new().add_modifier(Modifier::BOLD),
            star: Style::new().add_modifier(Modifier::BOLD),
            matched: Style::new().add_modifier(Modifier::UNDERLINED),
            current_match: Style::new().add_modifier(Modifier::REVERSED | Modifier::UNDERLINED),
            status: none,
            badge: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            warning: Style::new().add_modifier(Modifier::BOLD),
            cursor: Style::new().add_modifier(Modifier::REVERSED),
        }
    }
}
