//! Hand-written word lists and the shipped given-name list, with case-insensitive lookup.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// A person's title or job: "President", "minister", "analyst".
pub const TITLE: u32 = 1;
/// Mr., Ms., Mrs., Dr.: marks a person but is not a role.
pub const COURTESY: u32 = 1 << 1;
/// Words that qualify a title: "Vice", "Foreign", "deputy", "former".
pub const MODIFIER: u32 = 1 << 2;
/// Function words and sentence openers that never start a name.
pub const STOP: u32 = 1 << 3;
/// Days and months.
pub const TIME: u32 = 1 << 4;
/// Countries, cities, regions, compass words.
pub const PLACE: u32 = 1 << 5;
/// Nationality adjectives: "British", "South Korean".
pub const NATION: u32 = 1 << 6;
/// Organisation, event and document words: never part of a person's name.
pub const ORG: u32 = 1 << 7;
/// Words that end a place or building name: "Street", "House", "River".
pub const GEO_TAIL: u32 = 1 << 8;
/// Capitalised common nouns: "Internet".
pub const COMMON: u32 = 1 << 9;
pub const KR_SURNAME: u32 = 1 << 10;
pub const CN_SURNAME: u32 = 1 << 11;
/// Verbs of speech: "said", "told".
pub const SPEECH: u32 = 1 << 12;
/// Lower-case name particles: "de", "van", "von".
pub const PARTICLE: u32 = 1 << 13;
/// "Jr.", "Sr.", "III".
pub const SUFFIX: u32 = 1 << 14;
/// Words that may join parts of a role: "of", "for", "and", "the".
pub const CONNECTOR: u32 = 1 << 15;
/// Short adverbs between a speaker and the verb: "also", "later".
pub const ADVERB: u32 = 1 << 16;
/// Personal pronouns that can attribute a quote: "he", "she".
pub const PRONOUN: u32 = 1 << 17;
/// Family words that describe someone by another person: "wife", "daughter".
pub const KIN: u32 = 1 << 18;
/// Royal titles that are part of the name they stand before: "Prince", "Sheikh".
pub const ROYAL: u32 = 1 << 19;
/// Words after a market's name: "crude", "yields" ("Brent crude", "Bund yields").
pub const MARKET: u32 = 1 << 20;

/// A small, fast, non-cryptographic hasher (FxHash's mixing) for short word keys.
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        // Eight bytes at a time, the last few zero-padded; the tail is read byte by byte, as
        // copying it into a padded array calls `memcpy` for every word hashed.
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(chunk);
            self.mix(u64::from_le_bytes(b));
        }
        let tail = chunks.remainder();
        if !tail.is_empty() {
            self.mix(tail.iter().rev().fold(0, |word, &b| word << 8 | u64::from(b)));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.mix(u64::from(i));
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

impl WordHasher {
    fn mix(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

pub type FastState = BuildHasherDefault<WordHasher>;
pub type WordSet<'a> = HashSet<&'a str, FastState>;

/// The hand-written lists: `[section]` headers, then blank-separated lower-case words.
const LISTS: &str = include_str!("../../data/people/lexicon.txt");

fn section_flag(name: &str) -> u32 {
    match name {
        "title" => TITLE,
        "courtesy" => COURTESY,
        "modifier" => MODIFIER,
        "stop" => STOP,
        "time" => TIME,
        "place" => PLACE,
        "nation" => NATION,
        "org" => ORG,
        "geo-tail" => GEO_TAIL,
        "common" => COMMON,
        "kr-surname" => KR_SURNAME,
        "cn-surname" => CN_SURNAME,
        "speech" => SPEECH,
        "particle" => PARTICLE,
        "suffix" => SUFFIX,
        "connector" => CONNECTOR,
        "adverb" => ADVERB,
        "pronoun" => PRONOUN,
        "kin" => KIN,
        "royal" => ROYAL,
        "market" => MARKET,
        _ => 0,
    }
}

pub struct Lexicon {
    words: HashMap<&'static str, u32, FastState>,
    given: WordSet<'static>,
    /// Given names only the world list knows: weaker evidence, as many are also the names of
    /// clubs, parties and towns somewhere ("Slavia", "Fianna").
    world: SortedLines,
    phrases: WordSet<'static>,
}

/// A list of lines sorted bytewise (comment lines starting with `#` first), searched where it
/// lies: the 143,000 world names cost nothing to load, where a hash set of them cost 50 ms at
/// every start. Where each line starts is found once (one pass over the text, well under a
/// millisecond), so a search compares lines and never looks for their ends.
pub struct SortedLines {
    text: &'static str,
    /// The byte offset of each line that is not a comment, in order.
    starts: Vec<u32>,
}

impl SortedLines {
    #[must_use]
    pub fn new(text: &'static str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = Vec::with_capacity(bytes.len() / 8);
        let mut at = 0;
        while at < bytes.len() {
            let end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |p| at + p);
            if bytes[at] != b'#' {
                starts.push(u32::try_from(at).unwrap_or(u32::MAX));
            }
            at = end + 1;
        }
        Self { text, starts }
    }

    /// Line `i` (of the lines that are not comments), without its newline.
    fn line(&self, i: usize) -> &[u8] {
        let bytes = self.text.as_bytes();
        let start = self.starts[i] as usize;
        let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |p| start + p);
        &bytes[start..end]
    }

    /// Whether `word` is one of the lines.
    #[must_use]
    pub fn contains(&self, word: &str) -> bool {
        let (mut lo, mut hi) = (0, self.starts.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match self.line(mid).cmp(word.as_bytes()) {
                std::cmp::Ordering::Equal => return true,
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
            }
        }
        false
    }
}

static LEXICON: OnceLock<Lexicon> = OnceLock::new();

/// The world's given names, one a line, sorted bytewise (see `SortedLines`).
const WORLD_NAMES: &str = include_str!("../../data/people/given-names-world.txt");

/// The shared lexicon, built on first use.
pub fn get() -> &'static Lexicon {
    LEXICON.get_or_init(|| {
        let mut words: HashMap<&'static str, u32, FastState> =
            HashMap::with_capacity_and_hasher(4096, FastState::default());
        let mut phrases = WordSet::default();
        let mut section = "";
        for line in LISTS.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = name;
            } else if section == "phrase" {
                phrases.insert(line);
            } else {
                let flag = section_flag(section);
                for w in line.split_whitespace() {
                    *words.entry(w).or_insert(0) |= flag;
                }
            }
        }
        // The census list and, apart, from WIPO's World Gender-Name Dictionary (MIT, notice in
        // data/people/WGND-LICENSE.md), the world's given names that are no English or French
        // word: "Haruki", "Oleksandr", "Niamh".
        let list = |text: &'static str| -> WordSet<'static> {
            text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
        };
        let given = list(include_str!("../../data/people/given-names.txt"));
        let world = SortedLines::new(WORLD_NAMES);
        Lexicon { words, given, world, phrases }
    })
}

/// Lower-cases `word` into `buf`, dropping one trailing period and a possessive.
pub fn key<'b>(word: &str, buf: &'b mut String) -> &'b str {
    buf.clear();
    if word.is_ascii() {
        buf.push_str(word);
        buf.make_ascii_lowercase();
        if buf.ends_with('.') {
            buf.pop();
        }
        return buf.as_str();
    }
    for c in word.chars() {
        match c {
            '’' => buf.push('\''),
            _ => buf.extend(c.to_lowercase()),
        }
    }
    if buf.ends_with('.') {
        buf.pop();
    }
    buf.as_str()
}

/// Lower-case, accents folded to ASCII where there is an obvious base letter.
pub fn fold(word: &str, buf: &mut String) {
    buf.clear();
    if word.is_ascii() {
        buf.push_str(word);
        buf.make_ascii_lowercase();
        return;
    }
    for c in word.chars() {
        let base = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'a',
            'ç' | 'Ç' | 'č' | 'Č' | 'ć' | 'Ć' => 'c',
            'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' | 'ě' | 'ę' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
            'ñ' | 'Ñ' | 'ń' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => 'o',
            'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
            'ý' | 'ÿ' | 'Ý' => 'y',
            'š' | 'Š' | 'ś' => 's',
            'ž' | 'Ž' | 'ź' | 'ż' => 'z',
            'ł' | 'Ł' => 'l',
            '’' => '\'',
            _ => {
                buf.extend(c.to_lowercase());
                continue;
            }
        };
        buf.push(base);
    }
}

/// A word that names a job by its ending, for the many the title list cannot hold
/// ("hydrologist", "linguist", "physiotherapist", "statistician", "librarian", "politologue").
/// Swedish surnames ending in -qvist/-kvist/-quist are not jobs.
fn is_occupation(k: &str) -> bool {
    let n = k.chars().count();
    let ist = n >= 7
        && (k.ends_with("ist") || k.ends_with("iste"))
        && !["qvist", "kvist", "quist", "vist"].iter().any(|s| k.ends_with(s));
    ist || k.ends_with("ologist")
        || (n >= 7 && k.ends_with("ician"))
        || (n >= 8 && k.ends_with("arian"))
        || (n >= 8 && k.ends_with("grapher"))
        || (n >= 8 && k.ends_with("logue"))
        || k.ends_with("athlete")
}

impl Lexicon {
    /// The flags of `word` (any case; a trailing period and possessive ignored).
    pub fn flags(&self, word: &str, buf: &mut String) -> u32 {
        let k = key(word, buf);
        let mut f = self.words.get(k).copied().unwrap_or(0);
        if f == 0 {
            // A possessive, or French elision: "l'économiste", "d'avocat".
            let stripped = k
                .strip_suffix("'s")
                .or_else(|| k.strip_suffix('\''))
                .or_else(|| ["l'", "d'"].iter().find_map(|e| k.strip_prefix(e)));
            if let Some(s) = stripped {
                f = self.words.get(s).copied().unwrap_or(0);
            }
        }
        if f == 0 && is_occupation(k) {
            // "Baptiste" is a given name, not a job.
            let given = {
                let mut folded = String::new();
                fold(k, &mut folded);
                self.given.contains(folded.as_str()) || self.world.contains(folded.as_str())
            };
            if !given {
                f = TITLE;
            }
        }
        f
    }

    /// Whether `word` is a known given name: `Some(true)` from the common lists, `Some(false)`
    /// from the world list only.
    pub fn given(&self, word: &str, buf: &mut String) -> Option<bool> {
        fold(word, buf);
        if self.given.contains(buf.as_str()) { Some(true) } else { self.world.contains(buf.as_str()).then_some(false) }
    }

    /// Whether the lower-cased, space-joined `phrase` is a known non-person entity.
    pub fn is_phrase(&self, phrase: &str) -> bool {
        self.phrases.contains(phrase)
    }
}

#[cfg(test)]
mod sorted_lines_tests {
    use super::{SortedLines, WORLD_NAMES};

    #[test]
    fn the_world_list_is_sorted_so_it_can_be_searched_where_it_lies() {
        let names: Vec<&str> = WORLD_NAMES.lines().filter(|l| !l.starts_with('#')).collect();
        assert!(names.len() > 100_000);
        assert!(names.windows(2).all(|w| w[0] < w[1]), "regenerate it sorted bytewise (LC_ALL=C sort)");
        let list = SortedLines::new(WORLD_NAMES);
        for name in [names[0], names[names.len() / 2], names[names.len() - 1], "haruki"] {
            assert!(list.contains(name), "{name}");
        }
        for word in ["", "#", "zzzzzzzz", "haruk", "harukii", "aaaa"] {
            assert_eq!(list.contains(word), names.contains(&word), "{word}");
        }
    }

    #[test]
    fn search_over_a_small_list_with_comments() {
        let list = SortedLines::new("# comment\n# more\nb\nd\nf\n");
        assert!(list.contains("b") && list.contains("d") && list.contains("f"));
        assert!(!list.contains("a") && !list.contains("c") && !list.contains("g") && !list.contains("# comment"));
        assert!(!SortedLines::new("").contains("a"));
    }
}
