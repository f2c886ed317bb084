//! Turning a file's bytes into text: UTF-8 (with or without BOM), UTF-16 with a BOM,
//! Windows-1252 where the bytes are plainly that, and lossy UTF-8 otherwise.

use std::borrow::Cow;

/// How a file's bytes were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
    Windows1252,
    /// Mostly UTF-8 with invalid bytes, replaced by U+FFFD.
    LossyUtf8,
}

/// Why bytes are not text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotText {
    Empty,
    Binary,
}

/// Decodes `bytes` as text. Files that are empty, or whitespace only, or binary (NUL bytes
/// outside UTF-16, or many control bytes) are refused.
///
/// # Errors
/// [`NotText::Empty`] or [`NotText::Binary`].
pub fn decode(bytes: &[u8]) -> Result<(Cow<'_, str>, Encoding), NotText> {
    if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        return finish(decode_8bit(rest));
    }
    for (bom, enc) in [(b"\xff\xfe", encoding_rs::UTF_16LE), (b"\xfe\xff", encoding_rs::UTF_16BE)] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            let (text, _) = enc.decode_without_bom_handling(rest);
            return finish(Ok((text, Encoding::Utf16)));
        }
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(bytes);
        // Other data with every other byte zero (16-bit samples, bitmaps) decodes to controls.
        let head = text.chars().take(2048);
        let (n, controls) =
            head.fold((0, 0), |(n, k), c| (n + 1, k + usize::from(c.is_control() && !c.is_whitespace())));
        if controls * 10 <= n {
            return finish(Ok((text, Encoding::Utf16)));
        }
    }
    finish(decode_8bit(bytes))
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

fn finish(result: Result<(Cow<'_, str>, Encoding), NotText>) -> Result<(Cow<'_, str>, Encoding), NotText> {
    let (text, enc) = result?;
    if text.chars().all(|c| c.is_whitespace() || c == '\u{feff}') {
        return Err(NotText::Empty);
    }
    Ok((text, enc))
}

fn decode_8bit(bytes: &[u8]) -> Result<(Cow<'_, str>, Encoding), NotText> {
    if looks_binary(bytes) {
        return Err(NotText::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok((Cow::Borrowed(text), Encoding::Utf8)),
        Err(_) if has_utf8_multibyte(bytes) => Ok((String::from_utf8_lossy(bytes), Encoding::LossyUtf8)),
        Err(_) => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            // The five bytes Windows-1252 leaves undefined come out as C1 controls; they are
            // stray bytes, not the start of a control string that would swallow the line.
            let text = if text.contains(|c| ('\u{80}'..='\u{9f}').contains(&c)) {
                Cow::Owned(text.chars().filter(|c| !('\u{80}'..='\u{9f}').contains(c)).collect())
            } else {
                text
            };
            Ok((text, Encoding::Windows1252))
        }
    }
}

/// In the first 64 KiB: more than one byte in a hundred NUL, or more than one in ten a control
/// other than white space and ESC. A stray NUL in a text file does not make it binary (the
/// sanitizer removes it); executables, images and archives are full of them.
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

/// Whether the bytes hold at least one well-formed UTF-8 multi-byte sequence: then invalid bytes
/// are damage in a UTF-8 file, not a legacy 8-bit encoding.
fn has_utf8_multibyte(bytes: &[u8]) -> bool {
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(valid) => return !valid.is_ascii(),
            Err(e) => {
                let (valid, after) = rest.split_at(e.valid_up_to());
                if std::str::from_utf8(valid).is_ok_and(|v| !v.is_ascii()) {
                    return true;
                }
                let skip = e.error_len().unwrap_or(after.len()).max(1);
                rest = &after[skip.min(after.len())..];
                if rest.is_empty() {
                    return false;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode(b"\xef\xbb\xbfHello").unwrap(), (Cow::Borrowed("Hello"), Encoding::Utf8));
        assert_eq!(decode("Señor".as_bytes()).unwrap().1, Encoding::Utf8);
    }

    #[test]
    fn latin1_is_read_as_windows_1252() {
        let (text, enc) = decode(b"Caf\xe9 \x93quoted\x94 \x80").unwrap();
        assert_eq!(text, "Café “quoted” €");
        assert_eq!(enc, Encoding::Windows1252);
    }

    #[test]
    fn damaged_utf8_is_read_lossily() {
        let (text, enc) = decode(b"Caf\xc3\xa9 and \xff here").unwrap();
        assert_eq!(text, "Café and \u{fffd} here");
        assert_eq!(enc, Encoding::LossyUtf8);
    }

    #[test]
    fn utf16_with_bom() {
        let bytes: Vec<u8> =
            b"\xff\xfe".iter().copied().chain("Hi é".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(decode(&bytes).unwrap(), (Cow::Owned("Hi é".to_string()), Encoding::Utf16));
    }

    #[test]
    fn utf16_without_bom_is_told_by_its_zero_bytes() {
        let le: Vec<u8> = "Headline\n\nBody é".encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = "Headline\n\nBody é".encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&le).unwrap(), (Cow::Owned("Headline\n\nBody é".to_string()), Encoding::Utf16));
        assert_eq!(decode(&be).unwrap().0, "Headline\n\nBody é");
    }

    #[test]
    fn data_with_every_other_byte_zero_is_not_taken_for_utf16() {
        let samples: Vec<u8> = (0u8..200).flat_map(|i| [i % 7, 0]).collect();
        assert_eq!(decode(&samples), Err(NotText::Binary));
    }

    #[test]
    fn a_stray_nul_in_text_is_not_binary() {
        let mut text = "A long enough paragraph of ordinary prose. ".repeat(5).into_bytes();
        text.insert(100, 0);
        assert_eq!(decode(&text).unwrap().1, Encoding::Utf8);
    }

    #[test]
    fn bytes_windows_1252_leaves_undefined_are_dropped() {
        let (text, enc) = decode(b"caf\xe9 \x90dcs\x9c Ok \x81\x8d\x8f\x9d end").unwrap();
        assert_eq!(enc, Encoding::Windows1252);
        assert_eq!(text, "café dcsœ Ok  end");
    }

    #[test]
    fn empty_whitespace_and_binary_are_refused() {
        assert_eq!(decode(b""), Err(NotText::Empty));
        assert_eq!(decode(b" \n\t\r\n "), Err(NotText::Empty));
        assert_eq!(decode(b"\xef\xbb\xbf"), Err(NotText::Empty));
        assert_eq!(decode(b"PK\x03\x04\x00\x00binary"), Err(NotText::Binary));
        assert_eq!(decode(&[1u8, 2, 3, 4, 5, 6, 7, 8, b'a']), Err(NotText::Binary));
    }
}
