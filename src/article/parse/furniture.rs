//! Lines that are not the story: web-page furniture (share buttons, captions, "Related:" links),
//! advisories to editors, time stamps and reading times, rights notices and sign-offs.

/// Web-page furniture that clings to copied articles, compared lower-case without trailing
/// punctuation.
pub(super) const BOILERPLATE: &[&str] = &[
    "connect to share and comment",
    "share",
    "share this",
    "share this article",
    "share this story",
    "share on facebook",
    "share on twitter",
    "share via email",
    "tweet",
    "email",
    "e-mail",
    "print",
    "comments",
    "comment",
    "advertisement",
    "skip to main content",
    "skip to content",
    "subscribe",
    "sign up",
    "follow us",
    "read more",
    "related",
    "related articles",
    "related stories",
    "click here",
    "listen to this article",
    "copy link",
    "log in to comment",
    "sign in",
    "log in",
    "save",
    "save article",
    "gift this article",
    "story continues below advertisement",
    "continue reading",
    "print this article",
    "email this article",
    "facebook",
    "twitter",
    "whatsapp",
];

/// Web-page furniture that starts a line and runs to the end of its paragraph ("Related: <another
/// headline>", "Photo: <caption>"), compared lower-case.
pub(super) const FURNITURE_PREFIXES: &[&str] = &[
    "related:",
    "related story:",
    "related stories:",
    "related coverage:",
    "read more:",
    "read also:",
    "also read:",
    "see also:",
    "more:",
    "photo:",
    "photos:",
    "image:",
    "video:",
    "watch:",
    "listen:",
    "our standards:",
];

pub(super) fn is_boilerplate(line: &str) -> bool {
    if is_timestamp(line) || is_reading_time(line) {
        return true;
    }
    if line.len() > 48 {
        return false;
    }
    let key = line.trim_end_matches(|c: char| c.is_ascii_punctuation() || c == '›' || c == '»').trim().to_lowercase();
    BOILERPLATE.contains(&key.as_str())
}

/// A paragraph or line of web furniture: "Related: ...", "Photo: ...", "Our Standards: ...".
pub(super) fn is_furniture(unit: &str) -> bool {
    unit.chars().count() <= 400 && {
        let head: String = unit.chars().take(24).collect::<String>().to_lowercase();
        FURNITURE_PREFIXES.iter().any(|p| head.starts_with(p)) || is_advisory(unit) || is_caption(unit)
    }
}

/// An editors' advisory in parentheses: Yonhap's "(ATTN: ADDS details in paras 4-5)", Reuters'
/// "(Adds analyst comment, updates prices)".
pub(super) fn is_advisory(unit: &str) -> bool {
    const VERBS: &[&str] = &[
        "attn",
        "adds",
        "updates",
        "recasts",
        "corrects",
        "refiles",
        "repeats",
        "changes",
        "rewrites",
        "fixes",
        "removes",
        "inserts",
        "moves",
        "advances",
        "updating",
        "adding",
        "recasting",
        "correcting",
    ];
    let Some(inner) = unit.strip_prefix('(').and_then(|u| u.strip_suffix(')')) else { return false };
    let first = inner.split([' ', ':', ',']).next().unwrap_or_default().to_lowercase();
    !inner.contains(['(', ')']) && VERBS.contains(&first.as_str())
}

/// A photo caption: a paragraph ending in a photo credit, "(AP Photo/Ray Dunn, File)",
/// "(Yonhap Photo)", "(Reuters Photo)".
pub(super) fn is_caption(unit: &str) -> bool {
    let Some(open) = unit.strip_suffix(')').and_then(|u| u.rfind('(')) else { return false };
    let credit = &unit[open + 1..unit.len() - 1];
    credit.len() <= 80 && credit.split([' ', '/', ',']).any(|w| matches!(w, "Photo" | "PHOTO" | "Photos"))
}

/// "Updated 4:12 PM CDT, May 1, 2024", "Published: Jan. 5, 2024 at 9:30 a.m.": a web page's time
/// stamp, every word after the first a date or time word.
pub(super) fn is_timestamp(line: &str) -> bool {
    const LEADS: &[&str] = &["last updated", "first published", "updated", "published", "posted", "modified"];
    const WORDS: &[&str] = &[
        "am",
        "pm",
        "a.m",
        "p.m",
        "on",
        "at",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "yesterday",
        "ago",
        "hour",
        "hours",
        "minute",
        "minutes",
        "day",
        "days",
        "|",
        "/",
        "-",
        "—",
        "·",
    ];
    // A wrapped line of a sentence ("... takes effect\non March 6, 2024.") starts in lower case or
    // ends with its full stop.
    if line.chars().count() > 80 || !line.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) {
        return false;
    }
    let lower = line.to_lowercase();
    // "Updated 4:12 PM CDT, May 1, 2024", or a date alone on its line ("March 6, 2024").
    let lead = LEADS.iter().find_map(|lead| lower.strip_prefix(lead));
    let rest = lead.map_or(lower.as_str(), |rest| rest.trim_start_matches(':'));
    if (lead.is_some() && !rest.starts_with(' ')) || !rest.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let mut month = false;
    let all_date_words = rest.split_whitespace().all(|word| {
        let w = word.trim_matches(|c: char| matches!(c, ',' | '.' | '(' | ')' | ':'));
        let is_month = crate::article::dateline::is_month(w);
        month |= is_month;
        w.is_empty()
            || is_month
            || WORDS.contains(&w)
            || w.chars().all(|c| c.is_ascii_digit() || matches!(c, ':' | '/' | '-' | '.'))
            // Time zones, in capitals in the line: "EST", "CDT", "GMT+9", "KST".
            || ((2..=5).contains(&w.len())
                && line.contains(&w.to_uppercase())
                && w.chars().all(|c| c.is_ascii_alphanumeric() || c == '+'))
    });
    all_date_words && (lead.is_some() || (month && !line.ends_with(['.', ','])))
}

/// "3 min read", "5-minute read".
pub(super) fn is_reading_time(line: &str) -> bool {
    // Short, so that a long line is not copied to be told it is not one.
    if line.len() > 64 {
        return false;
    }
    let lower = line.to_lowercase();
    let Some(rest) = lower.strip_suffix(" read") else { return false };
    let unit = rest.trim_start_matches(|c: char| c.is_ascii_digit());
    unit.len() < rest.len() && matches!(unit, " min" | " mins" | " minute" | " minutes" | "-min" | "-minute")
}

/// "EDITOR'S NOTE — This story ...", "Editor's note: ...".
pub(super) fn is_editors_note(unit: &str) -> bool {
    let head: String = unit.chars().take(20).collect::<String>().replace(['’', '‘'], "'").to_lowercase();
    ["editor's note", "editors' note", "editors note", "note to editors"].iter().any(|p| head.starts_with(p))
}

/// "This material may not be published, broadcast, rewritten or redistributed.": the second half
/// of a rights notice.
pub(super) fn is_rights_notice(unit: &str) -> bool {
    if unit.len() > 4 * 240 || unit.chars().count() > 240 {
        return false;
    }
    let lower = unit.to_lowercase();
    (lower.contains("may not be published") || lower.contains("may not be reproduced"))
        && lower.contains("redistributed")
}

/// A sign-off at the very end: the reporter's e-mail address ("hkang@yna.co.kr", as Yonhap
/// ends stories) or a desk tag ("bur-sw/jm", "ob-ach/jj").
/// Two on consecutive lines ("ob-ach/jj" then an e-mail address) are joined as one paragraph.
pub(super) fn is_sign_off(unit: &str) -> bool {
    if unit.contains(char::is_whitespace) {
        // At most three parts: a long paragraph's words are not gathered.
        let mut parts = unit.split_whitespace();
        let three: Vec<&str> = parts.by_ref().take(3).collect();
        return parts.next().is_none() && three.iter().all(|p| is_sign_off(p));
    }
    if unit.len() > 80 {
        return false;
    }
    let email = unit.split_once('@').is_some_and(|(user, domain)| {
        !user.is_empty()
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && unit.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '@' | '.' | '_' | '-' | '+'))
    });
    let desk_tag = unit.contains('/')
        && unit.starts_with(|c: char| c.is_ascii_lowercase())
        && unit.ends_with(|c: char| c.is_ascii_lowercase())
        && unit.chars().all(|c| c.is_ascii_lowercase() || matches!(c, '/' | '-'));
    email || desk_tag
}

/// A closing line that names the writer, as Nordic and some wire desks end a story: "-- Jane
/// Doe, Copenhagen newsroom +45 3312 8600", "— JANE DOE, Reuters". The name alone is returned;
/// the desk, telephone and e-mail are furniture.
pub(super) fn closing_writer(unit: &str) -> Option<String> {
    let rest = ["--", "—", "–"].iter().find_map(|d| unit.strip_prefix(d))?.trim_start();
    if unit.chars().count() > 120 {
        return None;
    }
    let cut = rest.find([',', '(', ';', '/']).unwrap_or(rest.len());
    let (name, tail) = (rest[..cut].trim(), rest[cut..].trim_start_matches([',', '(', ';', '/']).trim());
    let words: Vec<&str> = name.split_whitespace().collect();
    let name_ok = (2..=5).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
        });
    // Something after the name says it is a desk's sign-off: a telephone number, an e-mail
    // address, or a newsroom, desk or agency word.
    let phone = tail.chars().filter(char::is_ascii_digit).count() >= 6;
    let desk = tail.contains('@') || phone || super::byline::is_affiliation(tail.trim_end_matches(')'));
    (name_ok && desk)
        .then(|| if super::byline::is_all_caps(name) { super::byline::title_case(name) } else { name.to_string() })
}

/// "___", "* * *", "---": section rules with no words.
pub(super) fn is_separator(unit: &str) -> bool {
    unit.chars().all(|c| matches!(c, '_' | '*' | '-' | '=' | '~' | '#' | ' ' | '—' | '–'))
}
