//! `[theme]`: a built-in theme by name, and `[theme.styles]`, each element's style over it,
//! written as words: a foreground colour, `on` and a background colour, and modifiers
//! (`"black on cyan bold"`). Colours are names (`cyan`, `lightred`), `color0` to `color255`,
//! or `#rrggbb`.

use ratatui::style::{Color, Modifier, Style};
use toml::Spanned;
use toml::de::DeValue;

use super::{Checked, Config, choose, kind, mistake, table};
use crate::ui::{ELEMENTS, Theme, ThemeName};

const COLOURS: &[(&str, Color)] = &[
    ("default", Color::Reset),
    ("black", Color::Black),
    ("red", Color::Red),
    ("green", Color::Green),
    ("yellow", Color::Yellow),
    ("blue", Color::Blue),
    ("magenta", Color::Magenta),
    ("cyan", Color::Cyan),
    ("gray", Color::Gray),
    ("darkgray", Color::DarkGray),
    ("lightred", Color::LightRed),
    ("lightgreen", Color::LightGreen),
    ("lightyellow", Color::LightYellow),
    ("lightblue", Color::LightBlue),
    ("lightmagenta", Color::LightMagenta),
    ("lightcyan", Color::LightCyan),
    ("white", Color::White),
];

const MODIFIERS: &[(&str, Modifier)] = &[
    ("bold", Modifier::BOLD),
    ("dim", Modifier::DIM),
    ("italic", Modifier::ITALIC),
    ("underline", Modifier::UNDERLINED),
    ("reverse", Modifier::REVERSED),
    ("strikethrough", Modifier::CROSSED_OUT),
];

const STYLE_HELP: &str = "colours (names: black red green yellow blue magenta cyan gray darkgray white lightred lightgreen lightyellow lightblue lightmagenta lightcyan default; color0..color255; #rrggbb), \"on COLOUR\" for the background, and bold dim italic underline reverse strikethrough";

fn colour(word: &str) -> Option<Color> {
    let lower = word.to_ascii_lowercase();
    if let Some(hex) = lower.strip_prefix('#') {
        let n = u32::from_str_radix(hex, 16).ok().filter(|_| hex.len() == 6)?;
        let [_, r, g, b] = n.to_be_bytes();
        return Some(Color::Rgb(r, g, b));
    }
    if let Some(n) = lower.strip_prefix("color") {
        return n.parse::<u8>().ok().map(Color::Indexed);
    }
    COLOURS.iter().find(|(n, _)| *n == lower).map(|(_, c)| *c)
}

fn colour_text(c: Color) -> String {
    match c {
        Color::Indexed(n) => format!("color{n}"),
        Color::Rgb(r, g, b) => format!("#{r:02x}{g:02x}{b:02x}"),
        other => {
            COLOURS.iter().find(|(_, c)| *c == other).map_or_else(|| "default".to_string(), |(n, _)| n.to_string())
        }
    }
}

/// A style from its words.
///
/// # Errors
/// A sentence naming the word that is wrong and saying what is allowed.
pub fn parse_style(text: &str) -> Result<Style, String> {
    let mut style = Style::new();
    let mut words = text.split_whitespace();
    let mut fg_set = false;
    while let Some(word) = words.next() {
        if word.eq_ignore_ascii_case("on") {
            let Some(bg) = words.next() else { return Err("\"on\" needs a colour after it".to_string()) };
            style = style.bg(colour(bg).ok_or_else(|| format!("{bg:?} is not a colour; a style is {STYLE_HELP}"))?);
        } else if let Some((_, m)) = MODIFIERS.iter().find(|(n, _)| n.eq_ignore_ascii_case(word)) {
            style = style.add_modifier(*m);
        } else if let Some(c) = colour(word) {
            if fg_set {
                return Err(format!("two foreground colours; write \"on {word}\" for a background"));
            }
            fg_set = true;
            style = style.fg(c);
        } else {
            return Err(format!("{word:?} is not a colour or a modifier; a style is {STYLE_HELP}"));
        }
    }
    Ok(style)
}

/// A style in the words [`parse_style`] reads.
#[must_use]
pub fn style_text(style: Style) -> String {
    let mut words = Vec::new();
    if let Some(fg) = style.fg {
        words.push(colour_text(fg));
    }
    if let Some(bg) = style.bg {
        words.push(format!("on {}", colour_text(bg)));
    }
    for (name, m) in MODIFIERS {
        if style.add_modifier.contains(*m) {
            words.push((*name).to_string());
        }
    }
    if words.is_empty() { "default".to_string() } else { words.join(" ") }
}

/// `[theme]`: the built-in theme's name, and `[theme.styles]` to go over it.
pub(super) fn read_theme(config: &mut Config, value: &Spanned<DeValue<'_>>) -> Checked<()> {
    for (key, value) in table(value, "[theme]")? {
        match key.get_ref().as_ref() {
            "name" => config.theme_name = choose(value, "the theme's name", ThemeName::ALL)?,
            "styles" => {
                for (element, style) in table(value, "[theme.styles]")? {
                    let Some((name, _)) = ELEMENTS.iter().find(|(n, _)| *n == element.get_ref().as_ref()) else {
                        let allowed = ELEMENTS.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ");
                        return mistake(
                            element.span(),
                            format!("unknown element `{}` in [theme.styles]; allowed: {allowed}", element.get_ref()),
                        );
                    };
                    let DeValue::String(text) = style.get_ref() else {
                        let got = kind(style.get_ref());
                        return mistake(
                            style.span(),
                            format!("a style is a string like \"black on cyan bold\", not {got}"),
                        );
                    };
                    let parsed = parse_style(text).or_else(|e| mistake(style.span(), format!("{name}: {e}")))?;
                    config.styles.push((name, parsed));
                }
            }
            other => {
                return mistake(key.span(), format!("unknown setting `{other}` in [theme]; allowed: name, styles"));
            }
        }
    }
    Ok(())
}

/// The `[theme]` part of the printed default config.
pub(super) fn default_text() -> String {
    let mut out = String::from(
        "[theme]\n# The colours: \"dark\", \"light\", or \"mono\" (no colour: bold, reverse and underline only).\n# NO_COLOR in the environment takes the colours out of any theme.\nname = \"dark\"\n\n",
    );
    out.push_str(
        "[theme.styles]\n# Any element's style, over the theme: a colour, \"on\" and a background colour, and\n",
    );
    out.push_str("# modifiers; colours are names, color0..color255 or #rrggbb; \"default\" is the terminal's.\n");
    out.push_str("# Shown here as the dark theme has them.\n");
    let dark = Theme::dark();
    for (name, help) in ELEMENTS {
        let style = dark.element(name).map_or_else(|| "default".to_string(), style_text);
        out.push_str(&format!("# {name} = \"{style}\"  # {help}\n"));
    }
    out
}
