//! Bylines: "By Name", with the agency or the writer's beat after the name taken off.

/// How a byline line opens: "By", and a blog's "Posted by" or "Written by".
const LEADS: &[&str] = &["By ", "BY ", "by ", "Posted by ", "POSTED BY ", "Written by ", "WRITTEN BY "];

/// The bare name of a byline line ("By Jane Doe, Associated Press" gives "Jane Doe"; a blog's
/// "Posted by Jane Doe, March 3" gives "Jane Doe").
#[must_use]
pub fn byline_name(line: &str) -> Option<String> {
    let rest = LEADS.iter().find_map(|lead| line.strip_prefix(lead))?;
    let rest = rest.trim();
    if rest.is_empty() || line.chars().count() > 120 || !rest.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    if rest.ends_with('.') && !rest.ends_with(" Jr.") && !rest.ends_with(" Sr.") && rest.split_whitespace().count() > 6
    {
        return None;
    }
    let mut name = rest.split(['|', '/']).next().unwrap_or(rest).trim();
    if let Some((head, tail)) = name.split_once(',')
        && (is_affiliation(tail.trim()) || is_date(tail.trim()))
    {
        name = head.trim();
    }
    for suffix in [" for The Associated Press", " for Reuters", " for AFP"] {
        name = name.strip_suffix(suffix).unwrap_or(name);
    }
    name = strip_trailing_affiliation(name);
    const PARTICLES: &[&str] = &[
        "and", "&", "de", "del", "da", "van", "von", "der", "den", "la", "le", "bin", "al", "el", "y", "di", "du",
        "dos",
    ];
    let words_ok = name
        .split_whitespace()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase) || PARTICLES.contains(&w.trim_end_matches(',')));
    if name.is_empty() || !words_ok || name.split_whitespace().count() > 12 {
        return None;
    }
    Some(if is_all_caps(name) { title_case(name) } else { name.to_string() })
}

/// "JANE DOE Associated Press", "Jane Doe Reuters": a byline whose affiliation follows the name
/// without a comma. The affiliation goes when it is an agency's name, or when capitals end where
/// it starts ("JANE DOE AP Science Writer").
pub(super) fn strip_trailing_affiliation(name: &str) -> &str {
    const AGENCIES: &[&str] = &[
        "The Associated Press",
        "Associated Press",
        "AP",
        "Reuters",
        "AFP",
        "Agence France-Presse",
        "Yonhap",
        "Yonhap News Agency",
        "Bloomberg",
    ];
    let starts: Vec<usize> = name.match_indices(' ').map(|(i, _)| i + 1).collect();
    for &at in &starts {
        let (head, tail) = (name[..at].trim_end(), &name[at..]);
        if head.split_whitespace().count() < 2 {
            continue;
        }
        // "MARIA LOPEZ and DAVID CHEN Associated Press": a second writer is no affiliation,
        // so the capitals end only where a word that is not all capitals (or an agency's
        // initials) begins.
        let first = tail.split_whitespace().next().unwrap_or_default();
        let joins = head.ends_with(" and") || head.ends_with(" AND") || matches!(first, "and" | "AND" | "&");
        let caps_end = is_all_caps(head) && !is_all_caps(tail) && (!is_all_caps(first) || is_affiliation(first));
        if joins {
            continue;
        }
        if AGENCIES.contains(&tail) || (caps_end && is_affiliation(tail)) {
            return head;
        }
    }
    name
}

/// "Associated Press", "AP Business Writer", "Reuters", "Staff reporter": the line or comma part
/// after a byline name that says who they write for.
pub(super) fn is_affiliation(text: &str) -> bool {
    const WORDS: &[&str] = &[
        "press",
        "reuters",
        "afp",
        "ap",
        "yonhap",
        "writer",
        "correspondent",
        "reporter",
        "editor",
        "staff",
        "news",
        "agency",
        "bureau",
        "times",
        "post",
        "journal",
        "wire",
        "xinhua",
        "kyodo",
        "bloomberg",
        "columnist",
        "contributor",
        "upi",
        "dpa",
        "newsroom",
        "desk",
    ];
    text.chars().count() <= 60
        && !text.ends_with('.')
        && text.split_whitespace().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
            WORDS.contains(&w.as_str())
        })
}

/// "March 3", "3 March 2025", "Jan. 5, 2024": a date after a blog byline's comma.
fn is_date(text: &str) -> bool {
    let mut month = false;
    let all = text.split_whitespace().all(|w| {
        let w = w.trim_matches(|c: char| matches!(c, ',' | '.'));
        let m = crate::article::dateline::is_month(w);
        month |= m;
        m || (!w.is_empty() && w.chars().all(|c| c.is_ascii_digit()))
    });
    all && month && text.len() <= 30
}

/// Capitals throughout, "and" aside ("JANE DOE and TOM LEE").
pub(super) fn is_all_caps(text: &str) -> bool {
    let mut letters =
        text.split_whitespace().filter(|w| *w != "and").flat_map(str::chars).filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some() && letters.all(|c| !c.is_lowercase())
}

/// "JEAN-LUC O'NEIL AND ANA NÚÑEZ" becomes "Jean-Luc O'Neil and Ana Núñez".
pub(super) fn title_case(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if word == "AND" || word == "and" {
            out.push_str("and");
            continue;
        }
        let mut start_of_part = true;
        for c in word.chars() {
            if start_of_part {
                out.push(c);
            } else {
                out.extend(c.to_lowercase());
            }
            start_of_part = matches!(c, '-' | '\'' | '’' | '.');
        }
    }
    out
}
