//! The config parser on good and bad files: what each gives, and the exact message of each
//! mistake.

use super::*;
use crate::app::Action;
use crate::app::keymap::KeyMode;
use crate::keys::Key;
use ratatui::style::{Color, Modifier, Style};

fn key(name: &str) -> Key {
    Key::parse(name).unwrap()
}

fn err(text: &str) -> String {
    parse(text, "c.toml").unwrap_err().to_string()
}

#[test]
fn no_file_or_an_empty_one_is_the_defaults_and_so_is_the_printed_default() {
    assert_eq!(parse("", "c.toml").unwrap(), Config::default());
    assert_eq!(parse("# nothing\n\n", "c.toml").unwrap(), Config::default());
    let printed = default_text();
    assert_eq!(parse(&printed, "printed").unwrap(), Config::default());
    // Every setting, element, mode and bound action is in it, each with its comment.
    for s in SETTINGS {
        assert!(printed.contains(&format!("# {}\n{} = ", s.help, s.name)), "{}", s.name);
    }
    for (name, help) in crate::ui::ELEMENTS {
        assert!(printed.contains(&format!("# {name} = \"")) && printed.contains(help), "{name}");
    }
    for m in crate::app::keymap::MODES {
        assert!(printed.contains(&format!("[keys.{}]\n", m.name)), "{}", m.name);
    }
    assert!(printed.lines().all(|l| l.chars().count() <= 100), "long line in\n{printed}");
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("none.toml");
    assert_eq!(load(&Source::Default(missing.clone())).unwrap(), Config::default());
    let e = load(&Source::Given(missing)).unwrap_err().to_string();
    assert!(e.starts_with("could not read the config file ") && e.contains("none.toml"), "{e}");
}

#[test]
fn good_settings_are_read() {
    let c = parse(
        "[reader]\nmax-width = 72\nalign = \"left\"\nsidebar = \"hidden\"\n\n[theme]\nname = \"light\"\n[theme.styles]\nselected = \"#102030 on color236 bold underline\"\nmatch = \"reverse\"\n",
        "c.toml",
    )
    .unwrap();
    assert_eq!((c.reading.max_width, c.reading.align, c.sidebar), (72, Align::Left, SidebarPref::Hidden));
    assert_eq!(c.theme_name, ThemeName::Light);
    let theme = c.theme(true);
    let selected = Style::new()
        .fg(Color::Rgb(0x10, 0x20, 0x30))
        .bg(Color::Indexed(236))
        .add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
    assert_eq!(theme.selected, selected);
    assert_eq!(theme.matched, Style::new().add_modifier(Modifier::REVERSED));
    assert_eq!(theme.headline, Theme::light().headline, "the rest is the light theme");
    // NO_COLOR wins: the mono theme, the overrides' modifiers without their colours.
    let plain = c.theme(false);
    assert_eq!(plain.selected, Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED));
    assert_eq!(plain.headline, Theme::mono().headline);
}

#[test]
fn keys_replace_defaults_of_their_key_and_action() {
    let c = parse(
        "[keys.article]\nnext-article = [\"C-n\", \"n\"]\n[keys.reader]\nzoom = []\nquit = \"C-q\"\nhelp = [\"F2\"]\n",
        "c.toml",
    )
    .unwrap();
    let k = &c.keymap;
    assert_eq!(k.lookup(KeyMode::Article, &key("C-n")), Some(Action::NextArticle));
    assert_eq!(k.lookup(KeyMode::Article, &key("n")), Some(Action::NextArticle), "n taken in the article only");
    assert_eq!(k.lookup(KeyMode::List, &key("n")), Some(Action::NextMatch));
    assert_eq!(k.lookup(KeyMode::Article, &key("J")), None, "the action's default key is gone");
    assert_eq!(k.lookup(KeyMode::List, &key("z")), None);
    assert_eq!(k.lookup(KeyMode::List, &key("C-q")), Some(Action::Quit));
    assert_eq!(k.lookup(KeyMode::List, &key("C-c")), None);
    assert_eq!(k.lookup(KeyMode::List, &key("?")), None);
    assert_eq!(k.lookup(KeyMode::List, &key("F2")), Some(Action::ToggleHelp));
    assert!(k.help_text().contains("    F2                     this help\n"));
    assert!(!k.help_text().contains("? F1"));
}

#[test]
fn mistakes_name_the_place_say_what_is_wrong_and_list_what_is_allowed() {
    let actions = crate::app::ACTIONS.iter().map(|d| d.name).collect::<Vec<_>>().join(", ");
    let elements = crate::ui::ELEMENTS.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ");
    let cases: Vec<(&str, String)> = vec![
        (
            "[reader]\nmaxwidth = 80\n",
            "c.toml:2:1: unknown setting `maxwidth` in [reader]; allowed: max-width, align, sidebar".into(),
        ),
        (
            "[reader]\nmax-width = 5\n",
            "c.toml:2:13: max-width must be a whole number from 20 to 1000, not the number 5".into(),
        ),
        (
            "[reader]\nmax-width = \"wide\"\n",
            "c.toml:2:13: max-width must be a whole number from 20 to 1000, not the string \"wide\"".into(),
        ),
        (
            "[reader]\nalign = \"middle\"\n",
            "c.toml:2:9: align cannot be \"middle\"; allowed: \"center\", \"left\"".into(),
        ),
        (
            "[reader]\nsidebar = true\n",
            "c.toml:2:11: sidebar must be one of \"auto\", \"shown\", \"hidden\", not true".into(),
        ),
        ("reader = 3\n", "c.toml:1:10: [reader] must be a table, not the number 3".into()),
        (
            "[colours]\n",
            "c.toml:1:2: unknown section [colours]; allowed: [reader], [theme], [theme.styles], [keys.MODE], [feeds]"
                .into(),
        ),
        (
            "[theme]\nname = \"solarized\"\n",
            "c.toml:2:8: the theme's name cannot be \"solarized\"; allowed: \"dark\", \"light\", \"mono\"".into(),
        ),
        (
            "[theme.styles]\nfocus = \"red\"\n",
            format!("c.toml:2:1: unknown element `focus` in [theme.styles]; allowed: {elements}"),
        ),
        ("[theme.styles]\nselected = \"black on\"\n", "c.toml:2:12: selected: \"on\" needs a colour after it".into()),
        (
            "[theme.styles]\nselected = \"red blue\"\n",
            "c.toml:2:12: selected: two foreground colours; write \"on blue\" for a background".into(),
        ),
        (
            "[theme.styles]\nmatch = 3\n",
            "c.toml:2:9: a style is a string like \"black on cyan bold\", not the number 3".into(),
        ),
        (
            "[keys.lists]\n",
            "c.toml:1:7: unknown key mode [keys.lists]; allowed: reader, list, article, people, search-prompt, input-prompt, overlay"
                .into(),
        ),
        (
            "[keys.reader]\nnxt = [\"j\"]\n",
            format!("c.toml:2:1: unknown action `nxt` in [keys.reader]; allowed: {actions}"),
        ),
        (
            "[keys.reader]\nzoom = 1\n",
            "c.toml:2:8: the keys of zoom must be a list of key names like [\"j\", \"Down\"], not the number 1".into(),
        ),
        ("[keys.reader]\nzoom = [1]\n", "c.toml:2:9: a key name is a string like \"C-u\", not the number 1".into()),
        (
            "[keys.reader]\nzoom = [\"Dwon\"]\n",
            format!(
                "c.toml:2:9: bad key name for zoom: unknown key name \"Dwon\"; keys are written as {}",
                crate::keys::KEY_NAMES_HELP
            ),
        ),
        (
            "[keys.reader]\nzoom = [\"S-1\"]\n",
            format!(
                "c.toml:2:9: bad key name for zoom: \"S-1\": Shift goes only with letters and named keys; write the character Shift gives (like ! for S-1); keys are written as {}",
                crate::keys::KEY_NAMES_HELP
            ),
        ),
        (
            "[keys.article]\nzoom = [\"x\"]\nnext-article = [\"X\", \"x\"]\n",
            "c.toml:3:22: key x is bound twice in [keys.article]: to zoom (at line 2, column 9) and to next-article"
                .into(),
        ),
        (
            "[keys.article]\nzoom = [\"C-x\", \"c-x\"]\n",
            "c.toml:2:16: key C-x is bound twice in [keys.article]: to zoom (at line 2, column 9) and to zoom".into(),
        ),
        ("[reader]\nmax-width = 80\nmax-width = 90\n", "c.toml:3:1: duplicate key".into()),
        ("[reader\n", "c.toml:1:8: unclosed table, expected `]`".into()),
    ];
    for (text, expected) in cases {
        assert_eq!(err(text), expected, "for {text:?}");
    }
}

#[test]
fn the_feeds_table_sets_fetching_and_retention_and_names_a_bad_value() {
    assert_eq!(parse("", "c.toml").unwrap().feeds, FeedSettings::default());
    let printed = default_text();
    for s in FEED_SETTINGS {
        assert!(printed.contains(&format!("{} = {}\n", s.name, (s.default)())), "{}", s.name);
    }
    let c = parse("[feeds]\nconnections = 3\ntimeout = 5\nmax-size = 2\nmax-items = 100\nkeep-days = 30\n", "c.toml")
        .unwrap();
    assert_eq!(
        c.feeds,
        FeedSettings { connections: 3, timeout: 5, max_size: 2, max_items: Some(100), keep_days: Some(30) }
    );
    assert_eq!(parse("[feeds]\nmax-items = 0\n", "c.toml").unwrap().feeds.max_items, None);
    assert_eq!(
        err("[feeds]\nconnections = 0\n"),
        "c.toml:2:15: connections must be a whole number from 1 to 64, not the number 0"
    );
    assert_eq!(
        err("[feeds]\ntimeout = \"30\"\n"),
        "c.toml:2:11: timeout must be a whole number from 1 to 3600, not the string \"30\""
    );
    assert!(
        err("[feeds]\nspeed = 1\n")
            .starts_with("c.toml:2:1: unknown setting `speed` in [feeds]; allowed: connections,")
    );
}
