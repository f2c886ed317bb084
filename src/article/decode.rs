//! Turning a file's bytes into text: UTF-8 (with or without BOM), UTF-16 and UTF-32 (with or
//! without BOM), legacy encodings told by `chardetng` (Windows-1252, EUC-KR, GBK, Big5,
//! Shift-JIS, EUC-JP, ...), and lossy UTF-8 for UTF-8 with a little damage.
//!
//! Binary data is refused: known formats by their first bytes, the rest by what decoding gives.
//! A lenient decoder turns any bytes into characters (Windows-1252 reads random bytes without a
//! single replacement character), so what counts is how many of the characters are controls,
//! replacements, private-use or unassigned: in text, next to none; in random bytes, one in ten.

use std::borrow::Cow;

mod magic;

/// How a file's bytes were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
    Utf32,
    /// A legacy encoding, guessed from the bytes.
    Legacy(&'static encoding_rs::Encoding),
    /// Mostly UTF-8 with invalid bytes, replaced by U+FFFD.
    LossyUtf8,
}

impl Encoding {
    /// The encoding's name as a user knows it.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Utf8 | Self::LossyUtf8 => "UTF-8",
            Self::Utf16 => "UTF-16",
            Self::Utf32 => "UTF-32",
            Self::Legacy(enc) if enc == encoding_rs::WINDOWS_1252 => "Windows-1252 (Latin-1)",
            Self::Legacy(enc) if enc == encoding_rs::SHIFT_JIS => "Shift-JIS",
            Self::Legacy(enc) if enc == encoding_rs::GB18030 => "GB18030",
            Self::Legacy(enc) => enc.name(),
        }
    }
}

/// Why bytes are not text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotText {
    Empty,
    Binary,
}

type Decoded<'a> = Result<(Cow<'a, str>, Encoding), NotText>;

/// Decodes `bytes` as text. Files that are empty, whitespace only, or binary are refused.
///
/// # Errors
/// [`NotText::Empty`] or [`NotText::Binary`].
pub fn decode(bytes: &[u8]) -> Decoded<'_> {
    if magic::is_known_binary(bytes) {
        return Err(NotText::Binary);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        return finish(decode_8bit(rest));
    }
    for (bom, big_endian) in [(&b"\xff\xfe\x00\x00"[..], false), (b"\x00\x00\xfe\xff", true)] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            return finish(strict(Cow::Owned(utf32(rest, big_endian)), Encoding::Utf32));
        }
    }
    for (bom, enc) in [(b"\xff\xfe", encoding_rs::UTF_16LE), (b"\xfe\xff", encoding_rs::UTF_16BE)] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            let (text, _) = enc.decode_without_bom_handling(rest);
            return finish(strict(text, Encoding::Utf16));
        }
    }
    if let Some(big_endian) = utf32_without_bom(bytes) {
        return finish(strict(Cow::Owned(utf32(bytes, big_endian)), Encoding::Utf32));
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(bytes);
        // Other data with every other byte zero (16-bit samples, bitmaps) decodes to controls.
        return finish(strict(text, Encoding::Utf16));
    }
    finish(decode_8bit(bytes))
}

fn finish(result: Decoded<'_>) -> Decoded<'_> {
    let (text, enc) = result?;
    if text.chars().all(|c| c.is_whitespace() || c == '\u{feff}') {
        return Err(NotText::Empty);
    }
    Ok((text, enc))
}

/// The text, unless too many of its first characters are ones no text is made of.
fn strict(text: Cow<'_, str>, enc: Encoding) -> Decoded<'_> {
    if is_garbage(&text) { Err(NotText::Binary) } else { Ok((text, enc)) }
}

fn decode_8bit(bytes: &[u8]) -> Decoded<'_> {
    if looks_binary(bytes) {
        return Err(NotText::Binary);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((Cow::Borrowed(text), Encoding::Utf8));
    }
    let enc = guess_legacy(bytes);
    let (good, bad) = utf8_sequences(bytes);
    // Damaged UTF-8: well-formed multi-byte sequences many times as many as ill-formed ones, or
    // any at all where the bytes would otherwise be read in an 8-bit encoding (which is how
    // UTF-8 text with a stray Latin-1 byte reads). Text in a legacy multi-byte encoding holds
    // a few well-formed sequences by chance among many ill-formed ones; so does random data.
    if good > 0 && (bad * 10 <= good || enc.is_single_byte()) {
        let text = String::from_utf8_lossy(bytes);
        return if is_garbage_ignoring_replacements(&text) {
            Err(NotText::Binary)
        } else {
            Ok((text, Encoding::LossyUtf8))
        };
    }
    let (text, _) = enc.decode_without_bom_handling(bytes);
    if is_garbage(&text) {
        return Err(NotText::Binary);
    }
    // C1 controls from bytes the encoding leaves undefined are stray bytes, not the start of a
    // control string that would swallow the line.
    let text = if text.contains(is_c1) { Cow::Owned(text.chars().filter(|&c| !is_c1(c)).collect()) } else { text };
    Ok((text, Encoding::Legacy(enc)))
}

fn is_c1(c: char) -> bool {
    ('\u{80}'..='\u{9f}').contains(&c)
}

/// The legacy encoding the bytes are most likely in, from up to their first 4 MiB.
fn guess_legacy(bytes: &[u8]) -> &'static encoding_rs::Encoding {
    const SAMPLE: usize = 4 << 20;
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(&bytes[..bytes.len().min(SAMPLE)], bytes.len() <= SAMPLE);
    detector.guess(None, chardetng::Utf8Detection::Deny)
}

/// Characters judged, from the start of the text: enough for any binary data to show.
const JUDGED: usize = 64 * 1024;

/// More than 3 % of the first characters are controls, replacement characters, private-use,
/// unassigned or non-characters. Decoded random bytes hold about 10 % controls.
fn is_garbage(text: &str) -> bool {
    garbage_share_over(text, true)
}

/// [`is_garbage`] for damaged UTF-8, whose replacement characters are the damage.
fn is_garbage_ignoring_replacements(text: &str) -> bool {
    garbage_share_over(text, false)
}

fn garbage_share_over(text: &str, count_replacements: bool) -> bool {
    let (mut n, mut bad) = (0usize, 0usize);
    for c in text.chars().take(JUDGED) {
        n += 1;
        let replacement = c == '\u{fffd}';
        if (replacement && count_replacements) || (!replacement && is_never_text(c)) {
            bad += 1;
        }
    }
    bad * 100 > n * 3
}

/// Controls other than white space and ESC (escape sequences are the sanitizer's business),
/// private-use and unassigned characters, non-characters.
fn is_never_text(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{b}' | '\u{c}' | '\u{1b}' | '\u{85}'))
        || matches!(c, '\u{e000}'..='\u{f8ff}' | '\u{f0000}'..='\u{10ffff}')
        || super::sanitize::is_unreliable(c)
}

/// Well-formed multi-byte sequences, and runs of ill-formed bytes, in `bytes` read as UTF-8.
fn utf8_sequences(bytes: &[u8]) -> (usize, usize) {
    let (mut good, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += usize::from(!chunk.invalid().is_empty());
    }
    (good, bad)
}

/// The NUL test of old: more than one byte in a hundred NUL in the first 64 KiB. A stray NUL in
/// a text file does not make it binary (the sanitizer removes it); executables, images and
/// archives are full of them. Also more than one byte in ten a control.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    let nuls = memchr::memchr_iter(0, head).count();
    if nuls * 100 > head.len() {
        return true;
    }
    let controls =
        head.iter().filter(|&&b| b < 0x20 && !matches!(b, 0 | b'\n' | b'\r' | b'\t' | 0x0b | 0x0c | 0x1b)).count();
    controls * 10 > head.len()
}

/// UTF-16 without a byte-order mark, told by its zero bytes: text in Latin script has a zero
/// in every other byte, all on the same side.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(4096) & !1];
    if head.len() < 4 {
        return None;
    }
    let pairs = head.len() / 2;
    let zeros_at = |side: usize| head.iter().skip(side).step_by(2).filter(|&&b| b == 0).count();
    let (even, odd) = (zeros_at(0), zeros_at(1));
    if odd * 10 >= pairs * 7 && even * 20 <= pairs {
        Some(encoding_rs::UTF_16LE)
    } else if even * 10 >= pairs * 7 && odd * 20 <= pairs {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// UTF-32 without a byte-order mark: every unit of the first 4 KiB a character, its top byte
/// zero, and most units' two top bytes zero (text is mostly in the first plane); `Some(true)`
/// for big-endian.
fn utf32_without_bom(bytes: &[u8]) -> Option<bool> {
    let head = &bytes[..bytes.len().min(4096) & !3];
    if head.len() < 8 || !bytes.len().is_multiple_of(4) {
        return None;
    }
    [false, true].into_iter().find(|&big_endian| {
        let units = head.chunks_exact(4).map(|u| unit(u, big_endian));
        units.clone().all(|u| char::from_u32(u).is_some())
            && units.filter(|&u| u <= 0xffff).count() * 10 >= head.len() / 4 * 9
    })
}

fn unit(bytes: &[u8], big_endian: bool) -> u32 {
    let four = [bytes[0], bytes[1], bytes[2], bytes[3]];
    if big_endian { u32::from_be_bytes(four) } else { u32::from_le_bytes(four) }
}

/// UTF-32 decoded, ill-formed units (and a trailing partial one) as U+FFFD.
fn utf32(bytes: &[u8], big_endian: bool) -> String {
    let mut text: String =
        bytes.chunks_exact(4).map(|u| char::from_u32(unit(u, big_endian)).unwrap_or('\u{fffd}')).collect();
    if !bytes.len().is_multiple_of(4) {
        text.push('\u{fffd}');
    }
    text
}

#[cfg(test)]
mod tests;
