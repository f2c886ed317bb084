//! When an article was filed, as a point in time the list can sort by: a dateline gives the month
//! and day ("Oct. 17"), sometimes the year ("May 2, 2024"); the year otherwise comes from the text
//! ("the Seoul Conference on Cyberspace 2013") or from the file's modification time.

use chrono::{DateTime, Datelike, NaiveDate, Utc};

use super::dateline::month_number;

/// The years an article may plausibly name as its own.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// The article's date as unix seconds (midnight UTC of that day): from the dateline's `date`
/// text, the year taken from the date itself, else the latest year the `text` names that is not
/// after the file's year, else the file's year (`modified`); with no dateline date, the file's
/// time itself. `None` when nothing tells.
#[must_use]
pub fn article_date(dateline_date: Option<&str>, text: &str, modified: Option<DateTime<Utc>>) -> Option<i64> {
    let Some((month, day, year)) = dateline_date.and_then(month_day_year) else {
        return modified.map(|m| m.timestamp());
    };
    let year = year
        .or_else(|| year_named(text, modified.map(|m| m.year())))
        .or_else(|| modified.map(|m| year_before(m, month, day)))?;
    NaiveDate::from_ymd_opt(year, month, day).and_then(|d| d.and_hms_opt(0, 0, 0)).map(|t| t.and_utc().timestamp())
}

/// "Oct. 17" → (10, 17, None); "March 6, 2024" → (3, 6, Some(2024)); "17 October" → (10, 17, None).
fn month_day_year(date: &str) -> Option<(u32, u32, Option<i32>)> {
    let (date, year) = match date.rsplit_once(',') {
        Some((d, y)) => (d, y.trim().parse::<i32>().ok().filter(|y| YEARS.contains(y))),
        None => (date, None),
    };
    let words: Vec<&str> = date.split_whitespace().collect();
    let [a, b] = words.as_slice() else { return None };
    let (month, day) = match (month_number(a), day_number(b)) {
        (Some(m), Some(d)) => (m, d),
        _ => (month_number(b)?, day_number(a)?),
    };
    Some((month, day, year))
}

fn day_number(word: &str) -> Option<u32> {
    word.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.').parse().ok().filter(|d| (1..=31).contains(d))
}

/// The article's year as its text names it: the first year named that is not after the file's
/// year (when known). News names its own year early ("the Seoul Conference on Cyberspace 2013");
/// a later mention is as likely a plan ("will be held in the Netherlands in 2015") as the story's
/// year, and a year after the file was saved is always a plan.
fn year_named(text: &str, not_after: Option<i32>) -> Option<i32> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i + 4 <= bytes.len() {
        let run = &bytes[i..i + 4];
        let alone = (i == 0 || !bytes[i - 1].is_ascii_alphanumeric())
            && bytes.get(i + 4).is_none_or(|b| !b.is_ascii_alphanumeric());
        if alone && run.iter().all(u8::is_ascii_digit) {
            let year = run.iter().fold(0, |y, d| y * 10 + i32::from(d - b'0'));
            if YEARS.contains(&year) && not_after.is_none_or(|limit| year <= limit) {
                return Some(year);
            }
            i += 4;
        } else {
            i += 1;
        }
    }
    None
}

/// The year of the last `month`/`day` on or before `time`: a story dated Dec. 30 in a file saved
/// on Jan. 2 is from the year before.
fn year_before(time: DateTime<Utc>, month: u32, day: u32) -> i32 {
    if (month, day) > (time.month(), time.day()) { time.year() - 1 } else { time.year() }
}

/// An article date as the list shows it, in local time, as short as it can be told apart:
/// the time of day for today ("14:05"), month and day this year ("Oct 17"), the whole date
/// before ("2013-10-17"). A date without a time of day is never shifted into another day.
#[must_use]
pub fn show_date(timestamp: i64, now: DateTime<Utc>) -> String {
    let Some(utc) = DateTime::<Utc>::from_timestamp(timestamp, 0) else { return String::new() };
    let whole_day = utc.time() == chrono::NaiveTime::MIN;
    let (day, today) = if whole_day {
        (utc.date_naive(), now.with_timezone(&chrono::Local).date_naive())
    } else {
        (utc.with_timezone(&chrono::Local).date_naive(), now.with_timezone(&chrono::Local).date_naive())
    };
    if day == today && !whole_day {
        utc.with_timezone(&chrono::Local).format("%H:%M").to_string()
    } else if day.year() == today.year() {
        day.format("%b %-d").to_string()
    } else {
        day.format("%Y-%m-%d").to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> i64 {
        NaiveDate::from_ymd_opt(y, m, d).unwrap().and_hms_opt(0, 0, 0).unwrap().and_utc().timestamp()
    }

    fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
        NaiveDate::from_ymd_opt(y, m, d).unwrap().and_hms_opt(12, 0, 0).unwrap().and_utc()
    }

    #[test]
    fn the_year_comes_from_the_date_then_the_text_then_the_file() {
        let text = "The Seoul Conference on Cyberspace 2013 follows London in 2011; the next is in 2015.";
        assert_eq!(article_date(Some("Oct. 17"), text, None), Some(day(2013, 10, 17)));
        assert_eq!(article_date(Some("May 2, 2024"), text, None), Some(day(2024, 5, 2)));
        assert_eq!(article_date(Some("17 October"), "", Some(at(2020, 11, 1))), Some(day(2020, 10, 17)));
        // Saved in early January, dated late December: last year.
        assert_eq!(article_date(Some("Dec. 30"), "no year here", Some(at(2021, 1, 2))), Some(day(2020, 12, 30)));
        // A year after the file was saved is a plan, not the story's year.
        assert_eq!(
            article_date(Some("March 6"), "goals for 2030 set in 2019", Some(at(2019, 5, 1))),
            Some(day(2019, 3, 6))
        );
    }

    #[test]
    fn without_a_dateline_date_the_file_time_is_the_date() {
        let saved = at(2022, 7, 4);
        assert_eq!(article_date(None, "text 1999", Some(saved)), Some(saved.timestamp()));
        assert_eq!(article_date(None, "text", None), None);
        assert_eq!(article_date(Some("Oct. 17"), "no year", None), None);
        assert_eq!(article_date(Some("Feb. 30"), "2013", None), None, "no such day");
    }

    #[test]
    fn numbers_inside_words_or_longer_numbers_are_not_years() {
        assert_eq!(year_named("code A2013 and 120134 and 2013b", None), None);
        assert_eq!(year_named("in 2015, then 2009.", Some(2020)), Some(2015));
        assert_eq!(year_named("in 2009, then 2015.", None), Some(2009), "without the file's year, the first");
        // A file saved years later: the plan named after the story's year is not its year.
        assert_eq!(year_named("Cyberspace 2013 ... held in 2015.", Some(2026)), Some(2013));
        assert_eq!(year_named("1850 and 3000", None), None);
    }

    #[test]
    fn dates_show_as_short_as_they_can_be_told_apart() {
        let now = at(2026, 11, 30);
        assert_eq!(show_date(day(2013, 10, 17), now), "2013-10-17");
        assert_eq!(show_date(day(2026, 10, 17), now), "Oct 17");
        assert_eq!(show_date(day(2026, 11, 30), now), "Nov 30", "a day without a time has no time to show");
        let today = show_date(now.timestamp(), now);
        assert!(today.len() == 5 && today.contains(':'), "a time today: {today}");
    }
}
