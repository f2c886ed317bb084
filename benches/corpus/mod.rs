//! Wire-style news text generated at run time for the benchmarks: headlines, "CITY, Month D
//! (Agency) --" datelines, paragraphs of about sixty words with titled names, quotes and
//! attributions, credits and a rights line. Deterministic (a fixed-seed generator), so every run
//! reads the same text; nothing is committed.

#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// SplitMix64: small, fast, and the same on every machine.
pub struct Rng(u64);

impl Rng {
    #[must_use]
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const CITIES: &[&str] = &[
    "SEOUL",
    "WASHINGTON",
    "TOKYO",
    "BEIJING",
    "LONDON",
    "PARIS",
    "BERLIN",
    "GENEVA",
    "NEW YORK",
    "BUSAN",
    "MOSCOW",
    "NEW DELHI",
    "JAKARTA",
    "BRUSSELS",
    "NAIROBI",
];
const MONTHS: &[&str] =
    &["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];
const AGENCIES: &[&str] = &["Yonhap", "AP", "Reuters", "AFP", "Kyodo", "Xinhua"];
const TITLES: &[&str] = &[
    "Foreign Minister",
    "President",
    "Prime Minister",
    "Defense Minister",
    "Vice Foreign Minister",
    "Secretary General",
    "Unification Minister",
    "Ambassador",
    "Finance Minister",
    "Rep.",
    "Sen.",
    "Gen.",
    "Professor",
    "spokesman",
];
const GIVEN: &[&str] = &[
    "Kim Min-soo",
    "Park Ji-hoon",
    "Lee Seo-yeon",
    "Choi Young-ho",
    "Jung Hae-won",
    "Yun Byung-se",
    "Cho Tae-yul",
    "Ban Ki-moon",
    "John Kerry",
    "William Hague",
    "Angela Merkel",
    "Shinzo Abe",
    "Wang Yi",
    "Sergei Lavrov",
    "Maria Gonzalez",
    "Ahmed Hassan",
    "Priya Sharma",
    "Jean-Marc Ayrault",
    "Catherine Ashton",
    "Ryu Kihl-jae",
];
const NOUNS: &[&str] = &[
    "government",
    "ministry",
    "officials",
    "talks",
    "agreement",
    "security",
    "economy",
    "cooperation",
    "negotiations",
    "sanctions",
    "summit",
    "delegation",
    "policy",
    "conference",
    "alliance",
    "proposal",
    "region",
    "market",
    "parliament",
    "committee",
    "investment",
    "cyberspace",
    "network",
    "framework",
    "measures",
    "crisis",
];
const VERBS: &[&str] = &[
    "said",
    "announced",
    "agreed",
    "rejected",
    "discussed",
    "welcomed",
    "criticized",
    "urged",
    "proposed",
    "stressed",
    "warned",
    "noted",
    "confirmed",
    "denied",
    "expected",
    "pledged",
];
const ADJECTIVES: &[&str] = &[
    "international",
    "bilateral",
    "economic",
    "regional",
    "military",
    "diplomatic",
    "new",
    "joint",
    "global",
    "annual",
    "strategic",
    "nuclear",
    "public",
    "domestic",
    "key",
    "senior",
];
const FILLER: &[&str] = &[
    "the", "the", "the", "of", "and", "to", "in", "on", "for", "with", "at", "by", "from", "that", "as", "a", "an",
    "its", "their", "over", "after", "during", "amid", "while",
];
const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

fn words(rng: &mut Rng, out: &mut String, n: usize) {
    for i in 0..n {
        if i > 0 {
            out.push(' ');
        }
        let w = match rng.below(10) {
            0..=3 => rng.pick(FILLER),
            4..=6 => rng.pick(NOUNS),
            7 | 8 => rng.pick(ADJECTIVES),
            _ => rng.pick(VERBS),
        };
        out.push_str(w);
    }
}

fn surname(name: &str) -> &str {
    // Korean names put the family name first; the others last.
    if name.contains('-') && !name.starts_with("Jean") {
        name.split(' ').next().unwrap_or(name)
    } else {
        name.rsplit(' ').next().unwrap_or(name)
    }
}

/// One paragraph of about sixty words: a titled name with a verb of speech, running text, and
/// often a quote attributed by surname.
pub fn paragraph(rng: &mut Rng, out: &mut String) {
    let name = rng.pick(GIVEN);
    let title = rng.pick(TITLES);
    match rng.below(3) {
        0 => {
            let _ = write!(out, "{title} {name} said on {} that the ", rng.pick(WEEKDAYS));
            words(rng, out, 22);
            out.push_str(". \"We ");
            words(rng, out, 18);
            let _ = write!(out, ",\" {} {}. The ", surname(name), rng.pick(VERBS));
            words(rng, out, 14);
            out.push('.');
        }
        1 => {
            out.push_str("The ");
            words(rng, out, 20);
            let _ = write!(out, ", according to {title} {name}. ");
            out.push_str("The ");
            words(rng, out, 24);
            let _ = write!(out, " in {}.", rng.pick(CITIES).to_lowercase());
        }
        _ => {
            let _ = write!(out, "\"The ");
            words(rng, out, 16);
            let _ = write!(out, ",\" {name}, {} {}, told reporters. ", rng.pick(ADJECTIVES), rng.pick(NOUNS));
            out.push_str("He added that the ");
            words(rng, out, 30);
            out.push('.');
        }
    }
}

/// A whole article of roughly `bytes` bytes, as a file would hold it.
#[must_use]
pub fn article(rng: &mut Rng, bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 1024);
    let mut headline = String::new();
    words(rng, &mut headline, 8);
    let mut headline = headline.chars();
    let first = headline.next().map(|c| c.to_ascii_uppercase()).unwrap_or('N');
    let _ = write!(out, "{first}{}\n\n", headline.as_str());
    let _ = write!(out, "By {}\n\n", rng.pick(GIVEN));
    let _ =
        write!(out, "{}, {} {} ({}) -- ", rng.pick(CITIES), rng.pick(MONTHS), 1 + rng.below(28), rng.pick(AGENCIES));
    loop {
        paragraph(rng, &mut out);
        out.push_str("\n\n");
        if out.len() >= bytes {
            break;
        }
    }
    let _ = write!(out, "(Reporting by {}; Editing by {})\n\n", rng.pick(GIVEN), rng.pick(GIVEN));
    out.push_str("<All rights reserved by Yonhap News Agency>\n");
    out
}

/// One paragraph of `bytes` bytes on a single line, no newline anywhere: the hostile case.
#[must_use]
pub fn one_line(rng: &mut Rng, bytes: usize) -> String {
    let mut out = String::from("SEOUL, Oct. 17 (Yonhap) -- ");
    while out.len() < bytes {
        paragraph(rng, &mut out);
        out.push(' ');
    }
    out
}

/// A 4 KB article (the usual size).
#[must_use]
pub fn small() -> String {
    article(&mut Rng::new(4), 4 * 1024)
}

/// A 2 MB article.
#[must_use]
pub fn large() -> String {
    article(&mut Rng::new(2), 2 * 1024 * 1024)
}

/// Writes `n` articles of about 3.5 KB (10,000 make ~35 MB) into `dir`; returns their total bytes.
pub fn write_corpus(dir: &Path, n: usize) -> u64 {
    let mut rng = Rng::new(10_000);
    let mut total = 0;
    for i in 0..n {
        let size = 2_200 + rng.below(2_000);
        let text = article(&mut rng, size);
        total += text.len() as u64;
        std::fs::write(dir.join(format!("article-{i:05}.txt")), text).expect("write a corpus file");
    }
    total
}

/// The temporary directory every generated file of this process goes in. Statics are never
/// dropped, so `main` removes it with [`remove_scratch`] when the benchmarks are done.
pub fn scratch() -> &'static Path {
    static DIR: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().expect("a temporary directory").keep())
}

/// Removes [`scratch`] and everything in it.
pub fn remove_scratch() {
    let _ = std::fs::remove_dir_all(scratch());
}

/// The directory holding the 10,000-article corpus, made once per process, and its bytes.
pub fn corpus_dir() -> &'static (PathBuf, u64) {
    static DIR: std::sync::OnceLock<(PathBuf, u64)> = std::sync::OnceLock::new();
    DIR.get_or_init(|| {
        let dir = scratch().join("10k");
        std::fs::create_dir_all(&dir).expect("create the corpus directory");
        let bytes = write_corpus(&dir, 10_000);
        (dir, bytes)
    })
}

/// The corpus directory as `load_paths` takes it.
#[must_use]
pub fn corpus_paths() -> Vec<PathBuf> {
    vec![corpus_dir().0.clone()]
}
