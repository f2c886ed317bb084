//! Binary formats told by their first bytes (their "magic numbers").

/// (offset, signature) of formats that are never text: images, archives and compressed data,
/// documents in binary containers, executables, databases, audio and video.
const SIGNATURES: &[(usize, &[u8])] = &[
    (0, b"\x89PNG\r\n\x1a\n"),
    (0, b"\xff\xd8\xff"), // JPEG
    (0, b"GIF87a"),
    (0, b"GIF89a"),
    (0, b"II*\x00"),          // TIFF, little-endian
    (0, b"MM\x00*"),          // TIFF, big-endian
    (0, b"\x00\x00\x01\x00"), // Windows icon
    (0, b"\x1f\x8b"),         // gzip
    (0, b"\x1f\x9d"),         // compress (.Z)
    (0, b"PK\x03\x04"),       // zip, and what is built on it (docx, epub, jar, apk)
    (0, b"PK\x05\x06"),       // empty zip
    (0, b"PK\x07\x08"),       // spanned zip
    (0, b"%PDF-"),
    (0, b"\xfd7zXZ\x00"),     // xz
    (0, b"\x28\xb5\x2f\xfd"), // zstd
    (0, b"\x04\x22\x4d\x18"), // lz4
    (0, b"7z\xbc\xaf\x27\x1c"),
    (0, b"Rar!\x1a\x07"),
    (0, b"MSCF\x00\x00\x00\x00"), // Windows cabinet
    (0, b"!<arch>\n"),            // ar, .deb
    (257, b"ustar"),              // tar
    (0, b"\x7fELF"),
    (0, b"\xfe\xed\xfa\xce"), // Mach-O, 32 and 64 bits, either byte order
    (0, b"\xfe\xed\xfa\xcf"),
    (0, b"\xce\xfa\xed\xfe"),
    (0, b"\xcf\xfa\xed\xfe"),
    (0, b"\xca\xfe\xba\xbe"), // Mach-O universal, Java class
    (0, b"\x00asm"),          // WebAssembly
    (0, b"SQLite format 3\x00"),
    (0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), // OLE: old Word, Excel, PowerPoint, MSI
    (0, b"OggS\x00"),
    (0, b"fLaC"),
    (0, b"\x1a\x45\xdf\xa3"), // Matroska, WebM
    (4, b"ftyp"),             // MP4, MOV, HEIF, AVIF
    (0, b"wOFF"),             // web fonts
    (0, b"wOF2"),
    (0, b"\x00\x01\x00\x00\x00"), // TrueType
    (0, b"OTTO\x00"),             // OpenType
];

/// Whether `bytes` start as a known binary format does.
pub(super) fn is_known_binary(bytes: &[u8]) -> bool {
    SIGNATURES.iter().any(|&(at, sig)| bytes.get(at..).is_some_and(|b| b.starts_with(sig)))
        || is_riff(bytes)
        || is_pe(bytes)
        || is_bzip2(bytes)
        || is_id3(bytes)
}

/// RIFF containers: WAV, AVI, WebP.
fn is_riff(bytes: &[u8]) -> bool {
    bytes.starts_with(b"RIFF") && bytes.get(8..12).is_some_and(|kind| kind.iter().all(u8::is_ascii_alphanumeric))
}

/// A DOS or Windows executable: "MZ", and the PE header where the DOS header points (a text
/// may well begin with "MZ").
fn is_pe(bytes: &[u8]) -> bool {
    if !bytes.starts_with(b"MZ") {
        return false;
    }
    let Some(&[a, b, c, d]) = bytes.get(0x3c..0x40) else { return false };
    let at = usize::try_from(u32::from_le_bytes([a, b, c, d])).unwrap_or(usize::MAX);
    bytes.get(at..).is_some_and(|pe| pe.starts_with(b"PE\x00\x00"))
        || bytes.get(2..0x40).is_some_and(|h| h.contains(&0))
}

/// bzip2: "BZh", the block size, and the block magic (pi in BCD).
fn is_bzip2(bytes: &[u8]) -> bool {
    bytes.len() >= 10
        && bytes.starts_with(b"BZh")
        && (b'1'..=b'9').contains(&bytes[3])
        && bytes[4..10] == *b"\x31\x41\x59\x26\x53\x59"
        || bytes.starts_with(b"BZh") && bytes.get(3..10) == Some(b"\x17\x72\x45\x38\x50\x90\x00")
}

/// MP3 with an ID3v2 tag: "ID3", a version byte and a revision of zero.
fn is_id3(bytes: &[u8]) -> bool {
    bytes.starts_with(b"ID3") && bytes.get(3..5).is_some_and(|v| (2..=4).contains(&v[0]) && v[1] == 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_that_begins_like_a_format_is_not_binary() {
        for text in ["MZ Energy said on Monday", "BZh is not a word", "ID3 tags", "RIFF raff", "GIF is pronounced"] {
            assert!(!is_known_binary(text.as_bytes()), "{text}");
        }
    }

    #[test]
    fn headers_are_recognised() {
        let mut pe = b"MZ\x90\x00".to_vec();
        pe.resize(0x40, 0);
        pe[0x3c] = 0x40;
        pe.extend(b"PE\x00\x00");
        for bytes in
            [&pe[..], b"BZh91AY&SYxx", b"RIFF\x10\x00\x00\x00WEBPVP8 ", b"ID3\x04\x00\x00", b"\x00\x00\x00\x18ftypmp42"]
        {
            assert!(is_known_binary(bytes), "{bytes:?}");
        }
    }
}
