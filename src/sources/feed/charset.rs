//! A feed's bytes as UTF-8, whatever its server or its XML declaration claims.
//!
//! Real feeds often declare the wrong charset (a UTF-8 feed served as ISO-8859-1, or the
//! reverse). Bytes that are valid UTF-8 with multi-byte sequences are UTF-8 whatever the label
//! says: text in a single-byte charset almost never forms valid UTF-8 by chance. Otherwise the
//! byte-order mark, then the HTTP charset, then the XML declaration decide, and Windows-1252 (a
//! superset of Latin-1 that decodes every byte) is the fallback.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// `bytes` decoded; `http_charset` is the `charset=` of the Content-Type, when there was one.
#[must_use]
pub fn to_utf8<'a>(bytes: &'a [u8], http_charset: Option<&str>) -> Cow<'a, str> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return Cow::Owned(encoding.decode_without_bom_handling(&bytes[bom_len..]).0.into_owned());
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Cow::Borrowed(text);
    }
    let declared = http_charset
        .and_then(|label| Encoding::for_label(label.trim().as_bytes()))
        .or_else(|| xml_declared(bytes).and_then(|label| Encoding::for_label(label.as_bytes())))
        // A label of UTF-8 on bytes that are not UTF-8 is the wrong label.
        .filter(|&e| e != UTF_8)
        .unwrap_or(WINDOWS_1252);
    Cow::Owned(declared.decode_without_bom_handling(bytes).0.into_owned())
}

/// The `encoding="..."` of an XML declaration at the start of `bytes`.
fn xml_declared(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(200)];
    let start = head.iter().position(|&b| b == b'<')?;
    let head = &head[start..];
    if !head.starts_with(b"<?xml") {
        return None;
    }
    let end = head.windows(2).position(|w| w == b"?>")?;
    let decl = String::from_utf8_lossy(&head[..end]);
    let at = decl.find("encoding")? + "encoding".len();
    let rest = decl[at..].trim_start().strip_prefix('=')?.trim_start();
    let quote = rest.chars().next().filter(|&c| c == '"' || c == '\'')?;
    let value = &rest[1..];
    Some(value[..value.find(quote)?].to_string())
}

/// `text` (already UTF-8) with any XML declaration's encoding stated as UTF-8, so that the XML
/// parser does not decode it a second time with the old label.
#[must_use]
pub fn declare_utf8(text: &str) -> Cow<'_, str> {
    let trimmed = text.trim_start();
    if !trimmed.starts_with("<?xml") {
        return Cow::Borrowed(text);
    }
    let Some(end) = trimmed.find("?>") else { return Cow::Borrowed(text) };
    Cow::Owned(format!("<?xml version=\"1.0\" encoding=\"utf-8\"?>{}", &trimmed[end + 2..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_declared_as_latin1_stays_utf8() {
        let bytes = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss>Café</rss>".as_bytes();
        assert!(to_utf8(bytes, None).contains("Café"));
        assert!(to_utf8(bytes, Some("iso-8859-1")).contains("Café"));
    }

    #[test]
    fn latin1_declared_as_utf8_falls_back() {
        let bytes = b"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss>Caf\xe9</rss>";
        assert!(to_utf8(bytes, Some("utf-8")).contains("Café"));
    }

    #[test]
    fn the_http_charset_wins_over_the_declaration_for_non_utf8() {
        // 0xC0 is "А" in windows-1251, "À" in Latin-1.
        let bytes = b"<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss>\xc0</rss>";
        assert!(to_utf8(bytes, Some("windows-1251")).contains('А'));
        assert!(to_utf8(bytes, None).contains('À'));
    }

    #[test]
    fn declaration_is_rewritten() {
        assert_eq!(
            declare_utf8("<?xml version='1.0' encoding='koi8-r'?><rss/>"),
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss/>"
        );
        assert_eq!(declare_utf8("<rss/>"), "<rss/>");
    }
}
