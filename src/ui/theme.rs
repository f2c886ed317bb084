//! Colours and styles: every element the reader draws, three built-in themes, and per-element
//! overrides from the config. With `NO_COLOR`, no colour at all: bold, reverse and underline
//! carry focus, selection and matches.

use ratatui::style::{Color, Modifier, Style};

/// Declares the elements once: the struct, their names for the config file and help, and
/// access by name, so none can be left out of one of them.
macro_rules! elements {
    ($($field:ident $name:literal $help:literal,)*) => {
        /// Every style the reader draws with.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub struct Theme {
            $(pub $field: Style,)*
        }

        /// Each element's name in the config file and what it colours.
        pub const ELEMENTS: &[(&str, &str)] = &[$(($name, $help),)*];

        impl Theme {
            /// The style of an element, by its config name.
            #[must_use]
            pub fn element(&self, name: &str) -> Option<Style> {
                match name {
                    $($name => Some(self.$field),)*
                    _ => None,
                }
            }

            /// The style of an element, by its config name, to change.
            pub fn element_mut(&mut self, name: &str) -> Option<&mut Style> {
                match name {
                    $($name => Some(&mut self.$field),)*
                    _ => None,
                }
            }
        }
    };
}

elements! {
    border "border" "pane borders",
    border_focused "border-focused" "the focused pane's border and scrollbar",
    title "title" "pane titles",
    title_focused "title-focused" "the focused pane's title",
    headline "headline" "headlines in the list and the article",
    deck "deck" "the line under an article's headline",
    dateline "dateline" "the dateline (SEOUL, Oct. 17 (Yonhap))",
    byline "byline" "the byline",
    text "text" "the article's paragraphs",
    credit "credit" "credits at the end of an article",
    rights "rights" "copyright lines",
    dim "dim" "secondary text: dates and places in the list, counts, notes",
    selected "selected" "the selected row in the focused pane",
    selected_unfocused "selected-unfocused" "the selected row in another pane",
    unread "unread" "the marker of an unread article",
    star "star" "the marker of a starred article",
    matched "match" "search matches and a person's mentions",
    current_match "current-match" "the current match",
    person "person" "names in the people sidebar",
    role "role" "roles under the names",
    status "status" "the status bar",
    badge "badge" "the mode badge at the left of the status bar",
    warning "warning" "warnings in the status bar and the help",
    cursor "cursor" "the cursor in the search prompt",
    help_key "help-key" "keys in the help",
}

/// The built-in themes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeName {
    #[default]
    Dark,
    Light,
    Mono,
}

impl ThemeName {
    /// The names the config file takes.
    pub const ALL: &[(&str, ThemeName)] = &[("dark", Self::Dark), ("light", Self::Light), ("mono", Self::Mono)];
}

impl Theme {
    /// The dark theme, or with `color` false the mono one.
    #[must_use]
    pub fn new(color: bool) -> Self {
        if color { Self::dark() } else { Self::mono() }
    }

    /// A built-in theme.
    #[must_use]
    pub fn builtin(name: ThemeName) -> Self {
        match name {
            ThemeName::Dark => Self::dark(),
            ThemeName::Light => Self::light(),
            ThemeName::Mono => Self::mono(),
        }
    }

    /// Light text on a dark terminal.
    #[must_use]
    pub fn dark() -> Self {
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
            person: Style::new().fg(Color::White).add_modifier(Modifier::BOLD),
            role: Style::new().fg(Color::DarkGray),
            status: Style::new().fg(Color::Gray).bg(Color::Black),
            badge: Style::new().fg(Color::Black).bg(accent).add_modifier(Modifier::BOLD),
            warning: Style::new().fg(Color::LightRed).bg(Color::Black),
            cursor: Style::new().add_modifier(Modifier::REVERSED),
            help_key: Style::new().fg(Color::Green),
        }
    }

    /// Dark text on a light terminal.
    #[must_use]
    pub fn light() -> Self {
        let accent = Color::Blue;
        let bar = Color::Indexed(252);
        Self {
            border: Style::new().fg(Color::Gray),
            border_focused: Style::new().fg(accent),
            title: Style::new().fg(Color::DarkGray),
            title_focused: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            headline: Style::new().fg(Color::Black).add_modifier(Modifier::BOLD),
            deck: Style::new().add_modifier(Modifier::ITALIC),
            dateline: Style::new().fg(Color::Magenta),
            byline: Style::new().fg(Color::Indexed(28)),
            text: Style::new(),
            credit: Style::new().fg(Color::DarkGray).add_modifier(Modifier::ITALIC),
            rights: Style::new().fg(Color::Gray),
            dim: Style::new().fg(Color::DarkGray),
            selected: Style::new().fg(Color::White).bg(accent),
            selected_unfocused: Style::new().bg(bar),
            unread: Style::new().fg(accent),
            star: Style::new().fg(Color::Rgb(0xb5, 0x89, 0x00)),
            matched: Style::new().fg(Color::Black).bg(Color::LightYellow),
            current_match: Style::new().fg(Color::White).bg(Color::Red).add_modifier(Modifier::BOLD),
            person: Style::new().fg(Color::Black).add_modifier(Modifier::BOLD),
            role: Style::new().fg(Color::DarkGray),
            status: Style::new().fg(Color::Black).bg(bar),
            badge: Style::new().fg(Color::White).bg(accent).add_modifier(Modifier::BOLD),
            warning: Style::new().fg(Color::Red).bg(bar).add_modifier(Modifier::BOLD),
            cursor: Style::new().add_modifier(Modifier::REVERSED),
            help_key: Style::new().fg(Color::Indexed(28)),
        }
    }

    /// No colour: bold, italic, reverse and underline only.
    #[must_use]
    pub fn mono() -> Self {
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
            person: Style::new().add_modifier(Modifier::BOLD),
            role: none,
            status: none,
            badge: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            warning: Style::new().add_modifier(Modifier::BOLD),
            cursor: Style::new().add_modifier(Modifier::REVERSED),
            help_key: none,
        }
    }

    /// The theme with every colour taken out (for `NO_COLOR`): what is left is the modifiers.
    #[must_use]
    pub fn without_colour(mut self) -> Self {
        for (name, _) in ELEMENTS {
            if let Some(style) = self.element_mut(name) {
                style.fg = None;
                style.bg = None;
                style.underline_color = None;
            }
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_element_is_reachable_by_name_and_mono_has_no_colour() {
        let mono = Theme::mono();
        for (name, _) in ELEMENTS {
            let style = mono.element(name).unwrap_or_else(|| panic!("{name}"));
            assert_eq!((style.fg, style.bg), (None, None), "{name}");
        }
        assert_eq!(Theme::dark().without_colour().selected, Style::new().add_modifier(Modifier::empty()));
        // Selection and matches stay visible in every built-in theme.
        for (_, name) in ThemeName::ALL {
            let t = Theme::builtin(*name);
            assert_ne!(t.selected, Style::new(), "{name:?}");
            assert_ne!(t.matched, t.current_match, "{name:?}");
        }
    }
}
