//! A small tokenizer: words (with internal hyphens, apostrophes and abbreviation periods) and
//! single punctuation characters, as byte ranges into the text. One pass, no per-word allocation.

/// One token: a word or a punctuation character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    /// `end` without a possessive `'s` / `'`.
    pub core_end: usize,
    /// `None` for words, the character for punctuation.
    pub punct: Option<char>,
    /// Starts with an upper-case letter (or `al-`/`el-` + upper case).
    pub cap: bool,
    /// Two or more letters, all upper case ("COEX", "U.N.").
    pub acronym: bool,
    /// One upper-case letter and a period ("M.").
    pub initial: bool,
    pub possessive: bool,
    pub cjk: bool,
    /// First word of a sentence (or of a quotation).
    pub sent_start: bool,
    /// For a straight double quote: whether it looks like an opening one.
    pub opens: bool,
}

impl Tok {
    pub fn is_word(&self) -> bool {
        self.punct.is_none()
    }
    pub fn is(&self, c: char) -> bool {
        self.punct == Some(c)
    }
    pub fn text<'a>(&self, s: &'a str) -> &'a str {
        &s[self.start..self.end]
    }
    pub fn core<'a>(&self, s: &'a str) -> &'a str {
        &s[self.start..self.core_end]
    }
}

/// Hangul or Han characters: a Korean, Chinese or Japanese name written in its own script
/// ("박근혜", "王毅", "岸田文雄").
fn is_cjk(c: char) -> bool {
    // Most text is below the first of the ranges: one comparison for it.
    c >= '\u{1100}'
        && matches!(
            c,
            '\u{AC00}'..='\u{D7A3}'
                | '\u{1100}'..='\u{11FF}'
                | '\u{3130}'..='\u{318F}'
                | '\u{4E00}'..='\u{9FFF}'
                | '\u{3400}'..='\u{4DBF}'
                | '\u{F900}'..='\u{FAFF}'
        )
}

fn is_apos(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Abbreviations that keep their period (lower case, without it).
const ABBREV: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "lt", "gen", "col", "maj", "capt", "sgt", "cmdr", "adm", "prof",
    "rev", "hon", "st", "jr", "sr", "inc", "corp", "co", "ltd", "no", "atty", "supt", "det", "insp", "pres", "sec",
    "amb", "mt", "ft", "jan", "feb", "aug", "sept", "sep", "oct", "nov", "dec", "vs", "etc", "messrs", "gov't", "dept",
    "univ", "assn", "bros",
];

fn keeps_period(word: &str) -> bool {
    if word.contains('.') {
        return true;
    }
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_uppercase();
    }
    // Party tags: "D-Ore", "R-Texas".
    let b = word.as_bytes();
    if b.len() >= 3 && matches!(b[0], b'D' | b'R' | b'I') && b[1] == b'-' && b[2].is_ascii_uppercase() {
        return true;
    }
    word.len() <= 6 && ABBREV.iter().any(|a| a.eq_ignore_ascii_case(word))
}

/// A party tag after a name: "D-Ore.", "R-Texas".
pub fn is_party_tag(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 4 && matches!(b[0], b'D' | b'R' | b'I') && b[1] == b'-' && b[2].is_ascii_uppercase()
}

type Chars<'a> = std::iter::Peekable<std::str::CharIndices<'a>>;

/// Tokenizes `text` into `out` (cleared first).
pub fn tokenize(text: &str, out: &mut Vec<Tok>) {
    out.clear();
    let mut at_start = true;
    let mut prev: Option<char> = None;
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_alphanumeric() {
            let (end, cjk) = word_end(text, i, c, &mut it);
            out.push(word_token(text, i, end, cjk, at_start));
            at_start = false;
            prev = text[..end].chars().next_back();
        } else if c.is_whitespace() {
            prev = Some(c);
        } else {
            let opens = opens_quote(text, i, c, prev);
            if matches!(c, '.' | '?' | '!') || opens {
                at_start = true;
            }
            let end = i + c.len_utf8();
            out.push(Tok {
                start: i,
                end,
                core_end: end,
                punct: Some(c),
                cap: false,
                acronym: false,
                initial: false,
                possessive: false,
                cjk: false,
                sent_start: false,
                opens,
            });
            prev = Some(c);
        }
    }
}

/// The end of the word starting with `c` at `i`: letters and digits, with - ' . between them,
/// then an abbreviation's period or a plural possessive's apostrophe. Also whether it holds
/// Hangul or Han.
fn word_end(text: &str, i: usize, c: char, it: &mut Chars) -> (usize, bool) {
    let mut end = i + c.len_utf8();
    let mut cjk = is_cjk(c);
    while let Some(&(j, d)) = it.peek() {
        if d.is_alphanumeric() {
            cjk |= is_cjk(d);
            end = j + d.len_utf8();
            it.next();
            continue;
        }
        if (d == '-' || is_apos(d) || d == '.')
            && text[j + d.len_utf8()..].chars().next().is_some_and(char::is_alphanumeric)
        {
            end = j + d.len_utf8();
            it.next();
            continue;
        }
        break;
    }
    if let Some(&(j, d)) = it.peek() {
        if d == '.' && keeps_period(&text[i..end]) {
            end = j + 1;
            it.next();
        } else if is_apos(d) && text[i..end].ends_with(['s', 'S']) {
            end = j + d.len_utf8();
            it.next();
        }
    }
    (end, cjk)
}

/// The word token `[i, end)`: its possessive, capitals, initial and Arabic article prefix.
fn word_token(text: &str, i: usize, end: usize, cjk: bool, sent_start: bool) -> Tok {
    let word = &text[i..end];
    let mut core_end = end;
    let mut possessive = false;
    for suf in ["'s", "’s", "'S", "’S"] {
        if word.len() > suf.len() + 1 && word.ends_with(suf) {
            core_end = end - suf.len();
            possessive = true;
        }
    }
    if !possessive && word.len() > 2 && (word.ends_with('\'') || word.ends_with('’')) {
        core_end = end - word.chars().last().map_or(0, char::len_utf8);
        possessive = true;
    }
    let (mut n, mut upper) = (0usize, 0usize);
    for l in word.chars().filter(|c| c.is_alphabetic()) {
        n += 1;
        upper += usize::from(l.is_uppercase());
    }
    let initial = n == 1 && upper == 1 && word.ends_with('.') && word.len() <= 3;
    let prefixed = ["al-", "el-", "ad-", "as-", "bin-"]
        .iter()
        .any(|p| word.starts_with(p) && word[p.len()..].chars().next().is_some_and(char::is_uppercase));
    Tok {
        start: i,
        end,
        core_end,
        punct: None,
        cap: word.starts_with(char::is_uppercase) || prefixed,
        acronym: n >= 2 && upper == n,
        initial,
        possessive,
        cjk,
        sent_start,
        opens: false,
    }
}

/// Whether the quotation mark `c` at `i` opens a quotation: curly and guillemet openers
/// always; a straight one after a space or an opening bracket, before a word.
fn opens_quote(text: &str, i: usize, c: char, prev: Option<char>) -> bool {
    match c {
        '"' => {
            let next = text[i + 1..].chars().next();
            match prev {
                None => true,
                Some(p) if p.is_whitespace() || "([{—–-".contains(p) => !next.is_none_or(char::is_whitespace),
                _ => false,
            }
        }
        '“' | '«' | '‘' => true,
        _ => false,
    }
}
