//! Datelines in the common wire forms, read off the start of the first paragraph.
//!
//! `SEOUL, Oct. 18 (Yonhap) --`, `WASHINGTON (AP) —`, `LONDON, March 6 (Reuters) -`,
//! `Paris (AFP) -`, `KYIV, Ukraine —`, `NEW YORK, May 2, 2024 /PRNewswire/ --`.

use super::model::Dateline;

/// How far into a paragraph a dateline may reach, in bytes.
const MAX_PREFIX: usize = 160;

const MONTHS: &[(&str, &str)] = &[
    ("January", "Jan"),
    ("February", "Feb"),
    ("March", "Mar"),
    ("April", "Apr"),
    ("May", "May"),
    ("June", "Jun"),
    ("July", "Jul"),
    ("August", "Aug"),
    ("September", "Sept"),
    ("October", "Oct"),
    ("November", "Nov"),
    ("December", "Dec"),
];

/// News agencies and wires, for datelines whose place is not in capitals.
const AGENCIES: &[&str] = &[
    "AP",
    "AFP",
    "Reuters",
    "Yonhap",
    "UPI",
    "dpa",
    "DPA",
    "Xinhua",
    "Kyodo",
    "Kyodo News",
    "Jiji",
    "ANSA",
    "EFE",
    "PTI",
    "IANS",
    "TASS",
    "ITAR-TASS",
    "RIA Novosti",
    "Interfax",
    "Bloomberg",
    "CNN",
    "BBC",
    "AAP",
    "CP",
    "PA",
    "Bernama",
    "Anadolu",
    "KCNA",
    "Sputnik",
    "IRNA",
    "APP",
    "Lusa",
    "Belga",
    "NTB",
    "TT",
    "WAM",
    "SPA",
    "MENA",
    "Antara",
    "CNA",
    "Kyodo-AFP",
    "AP-AFP",
    "Reuters/AP",
    "NHK",
    "Agence France-Presse",
    "Associated Press",
    "The Associated Press",
    "Yonhap News",
    "dapd",
    "APA",
    "Agerpres",
    "PAP",
    "CTK",
    "MTI",
    "HINA",
    "Tanjug",
    "BTA",
    "ATS",
    "SDA",
    "KNA",
    "AA",
    "RFE/RL",
    "PRNewswire",
    "Business Wire",
    "GLOBE NEWSWIRE",
];

/// Lower-case place-name particles allowed inside a place ("Rio de Janeiro").
const PARTICLES: &[&str] = &[
    "de", "la", "le", "les", "del", "do", "da", "das", "dos", "di", "du", "al", "el", "am", "an", "der", "upon", "on",
    "sur", "en", "y", "of",
];

/// The dateline at the start of `paragraph`, and the byte offset where the text after it begins.
#[must_use]
pub fn split_dateline(paragraph: &str) -> Option<(Dateline, usize)> {
    let (prefix, rest_start) = find_separator(paragraph)?;
    if paragraph[rest_start..].trim().is_empty() {
        return None;
    }
    let dateline = read_prefix(prefix.trim())?;
    // A place alone before a dash is only a dateline when a sentence follows: "NASA — the U.S.
    // space agency — said" is a subject with an aside.
    let bare_place = dateline.agency.is_none() && dateline.date.is_none();
    if bare_place && paragraph[rest_start..].chars().next().is_some_and(char::is_lowercase) {
        return None;
    }
    Some((dateline, rest_start))
}

/// Whether `line` is a dateline and nothing else ("SEOUL, Dec. 2 (Yonhap) --" on a line of its own,
/// the story below it).
#[must_use]
pub fn is_bare_dateline(line: &str) -> bool {
    find_separator(line)
        .is_some_and(|(prefix, rest)| line[rest..].trim().is_empty() && read_prefix(prefix.trim()).is_some())
}

/// Whether `line` starts with a dateline (used to split hard-wrapped blocks).
#[must_use]
pub fn starts_with_dateline(line: &str) -> bool {
    split_dateline(line).is_some()
}

/// The text before the first dash separator (`--`, `—`, `–`, `―`, ` - `) or, for an all-caps
/// place, a colon; and where the text after the separator starts.
fn find_separator(text: &str) -> Option<(&str, usize)> {
    let limit = floor_char_boundary(text, MAX_PREFIX);
    let head = &text[..limit];
    for (i, c) in head.char_indices() {
        let sep_len = match c {
            '—' | '–' | '―' => c.len_utf8(),
            '-' if head[i..].starts_with("--") => 2,
            '-' if i > 0 && head[..i].ends_with(' ') && head[i + 1..].starts_with(' ') => 1,
            ':' if head[i + 1..].starts_with(' ') && is_all_caps_place(&head[..i]) => 1,
            _ => continue,
        };
        let mut end = i + sep_len;
        // A run of dashes ("---") is one separator.
        while text[end..].starts_with(['-', '—', '–']) {
            end += 1.max(text[end..].chars().next().map_or(1, char::len_utf8));
        }
        let after = text[end..].len() - text[end..].trim_start().len();
        return Some((&text[..i], end + after));
    }
    None
}

fn floor_char_boundary(text: &str, at: usize) -> usize {
    if at >= text.len() {
        return text.len();
    }
    (0..=at).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0)
}

fn read_prefix(prefix: &str) -> Option<Dateline> {
    let (before_agency, agency) = split_agency(prefix)?;
    let before_agency = before_agency.trim().trim_end_matches(',').trim();
    let mut segments: Vec<&str> = before_agency.split(',').map(str::trim).collect();
    if segments.iter().any(|s| s.is_empty()) && !before_agency.is_empty() {
        return None;
    }
    if before_agency.is_empty() {
        segments.clear();
    }
    let date = take_date(&mut segments);
    let place = if segments.is_empty() { None } else { Some(segments.join(", ")) };
    match (&place, &agency) {
        (None, None) => return None,
        (Some(p), None) if is_label(p) || is_organisation(p) => return None,
        (Some(p), _) if !is_place(p) => return None,
        (Some(p), None) if !is_all_caps_place(p) => return None,
        // A mixed-case place ("Paris (AFP)") needs an agency we know, or "In Seoul (Korea) --"
        // would pass for a dateline.
        (Some(p), Some(a)) if !is_all_caps_place(p) && !is_known_agency(a) => return None,
        _ => {}
    }
    Some(Dateline { place, date, agency })
}

/// `(Yonhap)` or `/PRNewswire/` at the end of the prefix. Err-free: a prefix without one gives
/// `None` as the agency; a malformed one rejects the dateline.
fn split_agency(prefix: &str) -> Option<(&str, Option<String>)> {
    let (open, close) = if prefix.ends_with(')') {
        ('(', ')')
    } else if prefix.ends_with('/') && prefix.len() > 1 {
        ('/', '/')
    } else {
        return Some((prefix, None));
    };
    let inner_end = prefix.len() - close.len_utf8();
    let start = prefix[..inner_end].rfind(open)?;
    let agency = prefix[start + 1..inner_end].trim();
    let plausible = !agency.is_empty()
        && agency.len() <= 40
        && agency.chars().next().is_some_and(char::is_alphabetic)
        && agency.chars().all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '&' | '-' | '\''))
        && agency.split_whitespace().count() <= 4;
    plausible.then(|| (&prefix[..start], Some(agency.to_string())))
}

/// Takes the date off the end of `segments`: "Oct. 17", "March 6", "6 March", the slip
/// "Oct, 17" (read as "Oct. 17"), with an optional year ("March 6, 2024").
fn take_date(segments: &mut Vec<&str>) -> Option<String> {
    let year = match segments.last() {
        Some(s) if s.len() == 4 && s.chars().all(|c| c.is_ascii_digit()) && segments.len() >= 2 => segments.pop(),
        _ => None,
    };
    let date = if let Some(date) = segments.last().and_then(|s| read_date(s)) {
        segments.pop();
        Some(date)
    } else if segments.len() >= 2 && segments.last().is_some_and(|s| is_day(s)) {
        // "Oct, 17": the month and day were split by a comma typed for a period.
        let day = segments[segments.len() - 1];
        let month = segments[segments.len() - 2].trim_end_matches('.');
        MONTHS
            .iter()
            .find_map(|&(full, abbr)| {
                if month.eq_ignore_ascii_case(full) {
                    Some(format!("{full} {day}"))
                } else if month.eq_ignore_ascii_case(abbr) || (abbr == "Sept" && month.eq_ignore_ascii_case("Sep")) {
                    Some(format!("{month}. {day}"))
                } else {
                    None
                }
            })
            .inspect(|_| {
                segments.truncate(segments.len() - 2);
            })
    } else {
        None
    };
    match (date, year) {
        (Some(d), Some(y)) => Some(format!("{d}, {y}")),
        (Some(d), None) => Some(d),
        (None, Some(y)) => {
            segments.push(y);
            None
        }
        (None, None) => None,
    }
}

/// "Oct. 17", "Oct 17", "October 17", "17 October", "Sept. 3".
fn read_date(segment: &str) -> Option<String> {
    let words: Vec<&str> = segment.split_whitespace().collect();
    let [a, b] = words.as_slice() else { return None };
    let ok = (is_month(a) && is_day(b)) || (is_day(a) && is_month(b));
    ok.then(|| segment.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The month a name stands for, 1 to 12: whole or abbreviated, any case, with or without a stop.
pub(super) fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.');
    let at = MONTHS.iter().position(|&(full, abbr)| {
        w.eq_ignore_ascii_case(full)
            || w.eq_ignore_ascii_case(abbr)
            || (abbr == "Sept" && w.eq_ignore_ascii_case("Sep"))
    })?;
    u32::try_from(at + 1).ok()
}

/// A month's name, whole or abbreviated, in any case, with or without a full stop.
pub(super) fn is_month(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    MONTHS.iter().any(|&(full, abbr)| {
        w.eq_ignore_ascii_case(full)
            || w.eq_ignore_ascii_case(abbr)
            || (abbr == "Sept" && w.eq_ignore_ascii_case("Sep"))
    })
}

fn is_day(word: &str) -> bool {
    let w = word.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']);
    !w.is_empty()
        && w.len() <= 2
        && w.chars().all(|c| c.is_ascii_digit())
        && w.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
}

fn is_known_agency(agency: &str) -> bool {
    AGENCIES.iter().any(|a| a.eq_ignore_ascii_case(agency))
}

/// Capitalised labels that stand before a dash like a place but are not one: "EDITOR'S NOTE —",
/// "CORRECTION —", "UPDATE —".
fn is_label(place: &str) -> bool {
    const LABELS: &[&str] = &[
        "editor's note",
        "editors' note",
        "editors note",
        "editor's notes",
        "note to editors",
        "note",
        "correction",
        "clarification",
        "update",
        "updated",
        "breaking",
        "breaking news",
        "urgent",
        "flash",
        "bulletin",
        "advisory",
        "analysis",
        "exclusive",
        "opinion",
        "commentary",
        "editorial",
        "explainer",
        "factbox",
        "file",
        "watch",
        "live",
        "video",
        "photos",
        "photo",
        "warning",
    ];
    let key = place.replace(['’', '‘'], "'").to_lowercase();
    LABELS.contains(&key.trim())
}

/// International bodies known by their initials, which open a sentence with a dash the way a
/// place-only dateline does ("UNESCO — The agency said ..."); with an agency after them they
/// would still be read as a dateline.
fn is_organisation(place: &str) -> bool {
    const BODIES: &[&str] = &[
        "UN", "U.N.", "NATO", "UNESCO", "UNICEF", "UNHCR", "UNDP", "UNRWA", "WHO", "WTO", "IMF", "OPEC", "IAEA",
        "ASEAN", "APEC", "OECD", "EU", "G7", "G20", "BRICS", "FIFA", "UEFA", "IOC", "NASA", "FBI", "CIA", "FDA", "CDC",
        "SEC", "ECB", "BOJ", "BOK", "ICC", "ICJ", "OSCE", "AU", "NAACP", "AFL-CIO",
    ];
    BODIES.contains(&place.trim())
}

/// A place: a few capitalised words ("SEOUL", "SPRINGFIELD, Ill.", "Rio de Janeiro"), or two joined
/// by a slash as Reuters files them ("WASHINGTON/NEW YORK").
fn is_place(place: &str) -> bool {
    let words: Vec<&str> = place.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 7
        && place.len() <= 60
        && words.iter().enumerate().all(|(i, w)| {
            let w = w.trim_end_matches(',');
            let first = w.chars().next();
            let capital = first.is_some_and(char::is_uppercase);
            let particle = i > 0 && PARTICLES.contains(&w);
            (capital || particle) && w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’' | '/'))
        })
}

/// A place written in capitals, as datelines without an agency are ("KYIV, Ukraine", "SÃO PAULO").
fn is_all_caps_place(place: &str) -> bool {
    let first = place.split(',').next().unwrap_or_default().trim();
    let letters: Vec<char> = first.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| !c.is_lowercase()) && is_place(place)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dl(place: Option<&str>, date: Option<&str>, agency: Option<&str>) -> Dateline {
        Dateline {
            place: place.map(str::to_string),
            date: date.map(str::to_string),
            agency: agency.map(str::to_string),
        }
    }

    fn parse(p: &str) -> Option<(Dateline, &str)> {
        split_dateline(p).map(|(d, at)| (d, &p[at..]))
    }

    #[test]
    fn yonhap() {
        assert_eq!(
            parse("SEOUL, Oct. 18 (Yonhap) -- Ministers agreed."),
            Some((dl(Some("SEOUL"), Some("Oct. 18"), Some("Yonhap")), "Ministers agreed."))
        );
    }

    #[test]
    fn yonhap_comma_slip_reads_as_period() {
        assert_eq!(
            parse("SEOUL, Oct, 17 (Yonhap) -- The talks."),
            Some((dl(Some("SEOUL"), Some("Oct. 17"), Some("Yonhap")), "The talks."))
        );
        assert_eq!(parse("BUSAN, March, 3 (Yonhap) -- Rain fell.").unwrap().0.date.as_deref(), Some("March 3"));
    }

    #[test]
    fn ap_with_em_dash_and_state() {
        assert_eq!(
            parse("WASHINGTON (AP) — Lawmakers met."),
            Some((dl(Some("WASHINGTON"), None, Some("AP")), "Lawmakers met."))
        );
        assert_eq!(parse("SPRINGFIELD, Ill. (AP) — Corn rose.").unwrap().0.place.as_deref(), Some("SPRINGFIELD, Ill."));
        assert_eq!(parse("LOS ANGELES (AP) —The fires.").unwrap().1, "The fires.");
    }

    #[test]
    fn reuters_with_hyphen() {
        assert_eq!(
            parse("LONDON, March 6 (Reuters) - Shares fell."),
            Some((dl(Some("LONDON"), Some("March 6"), Some("Reuters")), "Shares fell."))
        );
    }

    #[test]
    fn afp_mixed_case_place() {
        assert_eq!(parse("Paris (AFP) - The strike."), Some((dl(Some("Paris"), None, Some("AFP")), "The strike.")));
        assert_eq!(parse("Rio de Janeiro (AFP) – Carnival.").unwrap().0.place.as_deref(), Some("Rio de Janeiro"));
        assert_eq!(parse("GENEVA, 6 March (AFP) - Talks.").unwrap().0.date.as_deref(), Some("6 March"));
    }

    #[test]
    fn place_only_with_accents() {
        assert_eq!(parse("KYIV, Ukraine — Sirens."), Some((dl(Some("KYIV, Ukraine"), None, None), "Sirens.")));
        assert_eq!(parse("SÃO PAULO — Markets.").unwrap().0.place.as_deref(), Some("SÃO PAULO"));
        assert_eq!(parse("BOGOTÁ, Colombia -- Votes.").unwrap().0.place.as_deref(), Some("BOGOTÁ, Colombia"));
    }

    #[test]
    fn dates_with_years_and_press_wires() {
        let (d, rest) = parse("NEW YORK, May 2, 2024 /PRNewswire/ -- Acme said.").unwrap();
        assert_eq!(d, dl(Some("NEW YORK"), Some("May 2, 2024"), Some("PRNewswire")));
        assert_eq!(rest, "Acme said.");
    }

    #[test]
    fn slash_places_and_places_without_a_date_or_place() {
        assert_eq!(
            parse("WASHINGTON/NEW YORK, Jan. 5 (Reuters) - Oil fell."),
            Some((dl(Some("WASHINGTON/NEW YORK"), Some("Jan. 5"), Some("Reuters")), "Oil fell."))
        );
        assert_eq!(
            parse("Jan 5 (Reuters) - Shares rose."),
            Some((dl(None, Some("Jan 5"), Some("Reuters")), "Shares rose."))
        );
        assert_eq!(parse("WINSTON-SALEM, N.C. (AP) — Jobs.").unwrap().0.place.as_deref(), Some("WINSTON-SALEM, N.C."));
        assert_eq!(
            parse("COEUR D'ALENE, Idaho (AP) — Fire.").unwrap().0.place.as_deref(),
            Some("COEUR D'ALENE, Idaho")
        );
        assert_eq!(parse("SEJONG, Sept. 3 (Yonhap) -- Data.").unwrap().0.date.as_deref(), Some("Sept. 3"));
    }

    #[test]
    fn bare_datelines() {
        assert!(is_bare_dateline("SEOUL, Dec. 2 (Yonhap) --"));
        assert!(is_bare_dateline("WASHINGTON (AP) —"));
        assert!(!is_bare_dateline("SEOUL, Dec. 2 (Yonhap) -- Shares rose."));
        assert!(!is_bare_dateline("The talks --"));
    }

    #[test]
    fn labels_and_subjects_with_asides_are_not_places() {
        for text in [
            "EDITOR'S NOTE — This story is part of a series.",
            "Editor’s Note — This story is part of a series.",
            "FILE - A firefighter watches the hillside.",
            "CORRECTION — An earlier version misspelled a name.",
            "UNESCO — The agency added three sites to its list.",
            "NATO — The alliance met in Brussels.",
            "NASA — the U.S. space agency — said Tuesday it would wait.",
        ] {
            assert_eq!(split_dateline(text), None, "{text}");
        }
    }

    #[test]
    fn ordinary_sentences_are_not_datelines() {
        for text in [
            "The minister — who spoke first — said no.",
            "Ban Ki-moon said the talks - held in Seoul - went well.",
            "In Seoul (Korea) -- a city of ten million -- people voted.",
            "He said: \"No\".",
            "Kim Jong-un -- the leader -- spoke.",
            "WASHINGTON (AP) — ",
        ] {
            assert_eq!(split_dateline(text), None, "{text}");
        }
    }
}
