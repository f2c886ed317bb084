//! Cleaning untrusted text so that nothing in it can drive a terminal.
//!
//! Escape sequences are removed whole (CSI, OSC, DCS, SOS, PM, APC, and the two- and three-byte
//! ESC forms), both in their 7-bit ESC form and as C1 code points. All other C0 and C1 controls
//! go, as do bidi controls and invisible format characters. Tabs, vertical tabs, form feeds and
//! NEL become spaces; CR LF and lone CR become line feeds, so a CR in mid-line cannot move the
//! cursor back over text. Visible text around a removed sequence is kept; a sequence is read as
//! a terminal would read it, so a stray ESC takes the character after it along, and a control
//! string (OSC, DCS, ...) with no terminator runs to the end of its line.
//!
//! Characters terminals cannot be trusted to draw at the width the reader counts (unassigned
//! ones, ones newer than the terminals' tables, a few whose width is disputed) become U+FFFD,
//! which every terminal draws one column wide. This is done here rather than when drawing so
//! that every path to the screen (headlines, names, file names, the article) is covered once,
//! and what `--json` and search see is what the screen shows.
//!
//! A zero-width joiner is kept only inside an emoji sequence (👩‍💻), where it is part of the
//! character; anywhere else it is invisible and goes like the other format characters.

use std::borrow::Cow;

const ESC: char = '\u{1b}';
const BEL: char = '\u{07}';
/// C1 String Terminator.
const ST: char = '\u{9c}';

/// Returns `input` with every control, escape sequence and bidi/format character removed, tabs
/// turned into spaces and line ends normalised to `\n`.
#[must_use]
pub fn sanitize(input: &str) -> String {
    sanitize_cow(input).into_owned()
}

/// [`sanitize`], without a copy when nothing needs removing or changing (most files: a copy of a
/// large file is as large as the file).
pub(crate) fn sanitize_cow(input: &str) -> Cow<'_, str> {
    let kept = first_change(input);
    if kept == input.len() {
        return Cow::Borrowed(input);
    }
    let mut out = String::with_capacity(input.len());
    out.push_str(&input[..kept]);
    sanitize_into(&input[kept..], &mut out);
    Cow::Owned(out)
}

/// Where the first character that [`sanitize`] would not keep as it is stands.
fn first_change(input: &str) -> usize {
    for (i, c) in input.char_indices() {
        let kept = match c {
            ' '..='~' | '\n' => true,
            c if c.is_ascii() => false,
            '\u{85}' | '\u{200d}' | '\u{2028}' | '\u{2029}' => false,
            c => !is_removed(c) && !is_unreliable(c),
        };
        if !kept {
            return i;
        }
    }
    input.len()
}

/// The sanitizing loop, appending to `out` (which may hold the text before `input`: an emoji
/// joiner looks at the character before it).
fn sanitize_into(input: &str, out: &mut String) {
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            // Printable ASCII, most of any text, is kept without looking further.
            ' '..='~' => out.push(c),
            '\n' => out.push('\n'),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\t' => out.push(' '),
            '\u{2028}' | '\u{2029}' => out.push('\n'),
            // Vertical tab, form feed and NEL separate the words on each side; as spaces they
            // cannot cut a headline or a byline in two.
            '\u{b}' | '\u{c}' | '\u{85}' => out.push(' '),
            '\u{200d}' => {
                if out.chars().next_back().is_some_and(ends_emoji) && chars.peek().is_some_and(|&c| is_pictographic(c))
                {
                    out.push(c);
                }
            }
            ESC => skip_escape(&mut chars),
            '\u{9b}' => skip_csi_body(&mut chars),
            '\u{9d}' => skip_string(&mut chars, true),
            '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars, false),
            c if is_removed(c) => {}
            c if is_unreliable(c) => out.push(char::REPLACEMENT_CHARACTER),
            c => out.push(c),
        }
    }
}

/// Whether terminals may draw `c` at another width than the reader counts for it, or not at
/// all: tmux folds a character its C library does not know into the cell before it, so the rest
/// of the row shifts. See `scripts/unreliable_chars.py`.
#[must_use]
pub fn is_unreliable(c: char) -> bool {
    let c = u32::from(c);
    let at = super::unreliable::UNRELIABLE.partition_point(|&(_, end)| end < c);
    super::unreliable::UNRELIABLE.get(at).is_some_and(|&(start, _)| start <= c)
}

/// Pictographs that emoji sequences are made of (the blocks of Extended_Pictographic).
#[must_use]
pub fn is_pictographic(c: char) -> bool {
    matches!(c,
        '\u{a9}' | '\u{ae}' | '\u{203c}' | '\u{2049}' | '\u{2122}' | '\u{2139}'
        | '\u{2194}'..='\u{21ff}' | '\u{2300}'..='\u{23ff}' | '\u{2460}'..='\u{27bf}'
        | '\u{2900}'..='\u{297f}' | '\u{2b00}'..='\u{2bff}' | '\u{3030}' | '\u{303d}' | '\u{3297}' | '\u{3299}'
        | '\u{1f000}'..='\u{1faff}'
    ) && !('\u{1f1e6}'..='\u{1f1ff}').contains(&c)
        && !('\u{1f3fb}'..='\u{1f3ff}').contains(&c)
}

/// What may stand before the joiner of an emoji sequence: a pictograph, a skin tone, the emoji
/// variation selector.
fn ends_emoji(c: char) -> bool {
    is_pictographic(c) || ('\u{1f3fb}'..='\u{1f3ff}').contains(&c) || c == '\u{fe0f}'
}

/// True for characters that are never drawn: controls, bidi controls, zero-width and other
/// format characters, and non-characters. (The zero-width joiner is not among them: it is kept
/// inside emoji sequences and removed elsewhere.)
#[must_use]
pub fn is_removed(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{ad}'              // soft hyphen
        | '\u{34f}'             // combining grapheme joiner
        | '\u{61c}'             // Arabic letter mark
        | '\u{115f}' | '\u{1160}' | '\u{17b4}' | '\u{17b5}' | '\u{180b}'..='\u{180f}'
        | '\u{200b}'..='\u{200c}' // zero-width space and non-joiner
        | '\u{200e}'..='\u{200f}' // LRM, RLM
        | '\u{202a}'..='\u{202e}' // embeddings and overrides
        | '\u{2060}'..='\u{206f}' // word joiner, invisible operators, isolates, deprecated
        | '\u{3164}' | '\u{ffa0}'
        | '\u{feff}'            // BOM / zero-width no-break space
        | '\u{fff0}'..='\u{fffb}' // interlinear annotation and unassigned specials
        | '\u{fffe}' | '\u{ffff}'
        | '\u{1bca0}'..='\u{1bca3}'
        | '\u{1d173}'..='\u{1d17a}'
        | '\u{e0000}'..='\u{e0fff}' // tags and variation selectors supplement
    ) || is_noncharacter(c)
}

fn is_noncharacter(c: char) -> bool {
    let v = u32::from(c);
    (0xfdd0..=0xfdef).contains(&v) || (v & 0xfffe) == 0xfffe
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

/// After an ESC: skip the rest of the sequence it starts.
fn skip_escape(chars: &mut Chars<'_>) {
    let Some(&next) = chars.peek() else { return };
    match next {
        '[' => {
            chars.next();
            skip_csi_body(chars);
        }
        ']' => {
            chars.next();
            skip_string(chars, true);
        }
        'P' | 'X' | '^' | '_' => {
            chars.next();
            skip_string(chars, false);
        }
        // nF sequences: intermediates then one final byte (ESC ( B, ESC # 8, ...).
        ' '..='/' => {
            while chars.peek().is_some_and(|c| (' '..='/').contains(c)) {
                chars.next();
            }
            if chars.peek().is_some_and(|c| ('0'..='~').contains(c)) {
                chars.next();
            }
        }
        // Two-character sequences: ESC c, ESC 7, ESC M, ...
        '0'..='~' => {
            chars.next();
        }
        _ => {}
    }
}

/// Parameters and intermediates of a control sequence, then its final byte.
fn skip_csi_body(chars: &mut Chars<'_>) {
    while let Some(&c) = chars.peek() {
        match c {
            '0'..='?' | ' '..='/' => {
                chars.next();
            }
            '@'..='~' => {
                chars.next();
                return;
            }
            // Anything else ends a malformed sequence; keep that character.
            _ => return,
        }
    }
}

/// The body of an OSC/DCS/SOS/PM/APC string, through its terminator (ST as ESC \ or C1, or BEL
/// for OSC). An unterminated string runs to the end of the line so that a broken sequence cannot
/// swallow the rest of an article.
fn skip_string(chars: &mut Chars<'_>, bel_ends: bool) {
    while let Some(&c) = chars.peek() {
        match c {
            ST => {
                chars.next();
                return;
            }
            BEL if bel_ends => {
                chars.next();
                return;
            }
            ESC => {
                chars.next();
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                return;
            }
            '\n' | '\r' => return,
            _ => {
                chars.next();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_kept() {
        let text = "Ban Ki-moon said — “Hello”, 박근혜, naïve café.\nSecond line";
        assert_eq!(sanitize(text), text);
        assert!(matches!(sanitize_cow(text), Cow::Borrowed(_)), "not copied");
        // Changed after a clean start: the start is kept, the rest cleaned.
        assert_eq!(sanitize_cow("naïve\r\ncafé\u{1b}[2J 👩\u{200d}💻"), "naïve\ncafé 👩\u{200d}💻");
    }

    #[test]
    fn csi_sequences_are_removed_whole() {
        assert_eq!(sanitize("a\u{1b}[2Jb\u{1b}[1;31mred\u{1b}[0m"), "abred");
        assert_eq!(sanitize("x\u{1b}[?1049hy"), "xy");
        assert_eq!(sanitize("go\u{1b}[10;10Hto"), "goto");
    }

    #[test]
    fn osc_sequences_end_at_bel_or_st() {
        assert_eq!(sanitize("a\u{1b}]0;pwned\u{7}b"), "ab");
        assert_eq!(sanitize("a\u{1b}]8;;http://x\u{1b}\\link\u{1b}]8;;\u{1b}\\b"), "alinkb");
        assert_eq!(sanitize("a\u{1b}]52;c;ZXZpbA==\u{7}b"), "ab");
        assert_eq!(sanitize("a\u{9d}0;title\u{9c}b"), "ab");
    }

    #[test]
    fn dcs_apc_pm_sos_strings_are_removed() {
        assert_eq!(sanitize("a\u{1b}Pq#0;2;0;0;0\u{1b}\\b"), "ab");
        assert_eq!(sanitize("a\u{1b}_Gf=100;AAAA\u{1b}\\b"), "ab");
        assert_eq!(sanitize("a\u{1b}^privacy\u{1b}\\b"), "ab");
        assert_eq!(sanitize("a\u{1b}Xsos\u{1b}\\b"), "ab");
        assert_eq!(sanitize("a\u{90}dcs\u{9c}b"), "ab");
    }

    #[test]
    fn c1_csi_is_removed_with_its_parameters() {
        assert_eq!(sanitize("a\u{9b}2Jb"), "ab");
        assert_eq!(sanitize("a\u{8d}b"), "ab");
    }

    #[test]
    fn other_line_and_page_breaks_become_spaces() {
        assert_eq!(sanitize("Form\u{c}feed, vertical\u{b}tab, next\u{85}line"), "Form feed, vertical tab, next line");
    }

    #[test]
    fn short_escapes_are_removed() {
        assert_eq!(sanitize("a\u{1b}cb"), "ab");
        assert_eq!(sanitize("a\u{1b}(Bb"), "ab");
        assert_eq!(sanitize("a\u{1b}#8b"), "ab");
        assert_eq!(sanitize("a\u{1b}"), "a");
    }

    #[test]
    fn controls_are_removed_and_tabs_become_spaces() {
        assert_eq!(sanitize("a\u{7}b\u{8}c\u{0}d\u{7f}e"), "abcde");
        assert_eq!(sanitize("a\tb"), "a b");
    }

    #[test]
    fn carriage_returns_become_line_ends() {
        assert_eq!(sanitize("a\r\nb\rc"), "a\nb\nc");
        assert_eq!(sanitize("safe\rEVIL"), "safe\nEVIL");
    }

    #[test]
    fn bidi_and_format_characters_are_removed() {
        for c in [
            '\u{202a}',
            '\u{202b}',
            '\u{202c}',
            '\u{202d}',
            '\u{202e}',
            '\u{2066}',
            '\u{2067}',
            '\u{2068}',
            '\u{2069}',
            '\u{200e}',
            '\u{200f}',
            '\u{61c}',
            '\u{200b}',
            '\u{200d}',
            '\u{feff}',
            '\u{ad}',
            '\u{2060}',
            '\u{e0041}',
        ] {
            assert_eq!(sanitize(&format!("a{c}b")), "ab", "U+{:04X}", u32::from(c));
        }
    }

    #[test]
    fn unterminated_osc_stops_at_line_end() {
        assert_eq!(sanitize("a\u{1b}]0;title\nnext line"), "a\nnext line");
    }

    #[test]
    fn characters_terminals_do_not_know_become_replacement_characters() {
        // Unassigned (U+0378, U+07B5), and an emoji newer than the C library's tables (U+1FAF8).
        assert_eq!(sanitize("a\u{378}b\u{7b5}c\u{1faf8}d"), "a\u{fffd}b\u{fffd}c\u{fffd}d");
        // Known ones stay: letters of many scripts, an emoji, a skin tone, a flag.
        let known = "Ωж한中ñ😀👍🏽🇰🇷 ❤\u{fe0f}";
        assert_eq!(sanitize(known), known);
    }

    #[test]
    fn a_joiner_is_kept_inside_emoji_sequences_only() {
        for seq in ["👩\u{200d}💻", "👩🏽\u{200d}💻", "🏳\u{fe0f}\u{200d}🌈", "👨\u{200d}👩\u{200d}👧"]
        {
            assert_eq!(sanitize(seq), seq);
        }
        assert_eq!(sanitize("a\u{200d}b 👩\u{200d}x \u{200d}💻"), "ab 👩x 💻");
    }

    /// The reader's width of every character, for `scripts/unreliable_chars.py`.
    #[test]
    #[ignore = "prints a table for scripts/unreliable_chars.py"]
    fn print_char_widths() {
        use unicode_width::UnicodeWidthChar;
        for c in (0..=0x10_ffff).filter_map(char::from_u32) {
            println!("{:x} {}", u32::from(c), c.width().map_or(-1, |w| i64::try_from(w).unwrap_or(-1)));
        }
    }
}
