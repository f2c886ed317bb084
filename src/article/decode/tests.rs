use super::*;

/// xorshift64*: random bytes that are the same on every run for a seed.
fn random_bytes(seed: u64, len: usize) -> Vec<u8> {
    let mut state = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    (0..len)
        .map(|_| {
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            state.wrapping_mul(0x2545_f491_4f6c_dd1d).to_be_bytes()[0]
        })
        .collect()
}

#[test]
fn utf8_with_and_without_bom() {
    assert_eq!(decode(b"\xef\xbb\xbfHello").unwrap(), (Cow::Borrowed("Hello"), Encoding::Utf8));
    assert_eq!(decode("Señor".as_bytes()).unwrap().1, Encoding::Utf8);
}

#[test]
fn latin1_is_read_as_windows_1252() {
    let (text, enc) = decode(b"Caf\xe9 cr\xe8me \x93quoted\x94 co\xfbte 5 \x80").unwrap();
    assert_eq!(text, "Café crème “quoted” coûte 5 €");
    assert_eq!(enc, Encoding::Legacy(encoding_rs::WINDOWS_1252));
    assert_eq!(enc.name(), "Windows-1252 (Latin-1)");
}

#[test]
fn damaged_utf8_is_read_lossily() {
    let (text, enc) = decode(b"Caf\xc3\xa9 and \xff here").unwrap();
    assert_eq!(text, "Café and \u{fffd} here");
    assert_eq!(enc, Encoding::LossyUtf8);
}

#[test]
fn utf16_with_bom() {
    let bytes: Vec<u8> = b"\xff\xfe".iter().copied().chain("Hi é".encode_utf16().flat_map(u16::to_le_bytes)).collect();
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
fn utf32_with_and_without_bom_is_text() {
    let text = "Headline\n\nSEOUL (Yonhap) -- 박근혜 said 😀 é.";
    let le: Vec<u8> = text.chars().flat_map(|c| u32::from(c).to_le_bytes()).collect();
    let be: Vec<u8> = text.chars().flat_map(|c| u32::from(c).to_be_bytes()).collect();
    for bytes in [[&b"\xff\xfe\x00\x00"[..], &le].concat(), [&b"\x00\x00\xfe\xff"[..], &be].concat(), le, be] {
        assert_eq!(decode(&bytes).unwrap(), (Cow::Owned(text.to_string()), Encoding::Utf32), "{:?}", &bytes[..8]);
    }
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
    let prose = b"Le caf\xe9 co\xfbte cher, dit-il \xe0 la cr\xe8che. ".repeat(4);
    let bytes = [&prose[..], b"caf\xe9 \x90dcs\x9c Ok \x81\x8d end"].concat();
    let (text, enc) = decode(&bytes).unwrap();
    assert_eq!(enc, Encoding::Legacy(encoding_rs::WINDOWS_1252));
    assert!(text.ends_with("café dcsœ Ok  end"), "{text}");
}

#[test]
fn empty_whitespace_and_binary_are_refused() {
    assert_eq!(decode(b""), Err(NotText::Empty));
    assert_eq!(decode(b" \n\t\r\n "), Err(NotText::Empty));
    assert_eq!(decode(b"\xef\xbb\xbf"), Err(NotText::Empty));
    assert_eq!(decode(b"PK\x03\x04\x00\x00binary"), Err(NotText::Binary));
    assert_eq!(decode(&[1u8, 2, 3, 4, 5, 6, 7, 8, b'a']), Err(NotText::Binary));
}

#[test]
fn random_data_of_512_bytes_or_more_is_never_text() {
    let mut sizes = vec![512, 513, 600, 777, 1000, 1024, 2048, 4095, 4096, 10_000, 65_536, 100_003];
    sizes.extend((0..8).map(|i| 512 + i * 61));
    for (i, &size) in sizes.iter().enumerate() {
        for seed in 0..40u64 {
            let bytes = random_bytes(seed * 1000 + i as u64, size);
            assert_eq!(decode(&bytes).map(|(_, e)| e), Err(NotText::Binary), "{size} bytes, seed {seed}");
        }
    }
    for seed in 0..3 {
        assert_eq!(decode(&random_bytes(seed, 1 << 20)).map(|(_, e)| e), Err(NotText::Binary), "1 MB, seed {seed}");
    }
}

#[test]
fn random_data_that_looks_like_an_8_bit_text_is_not_text() {
    // Random bytes with no NULs and few C0 controls: the old byte rule let these through.
    for seed in 0..50 {
        let bytes: Vec<u8> =
            random_bytes(seed, 4096).into_iter().map(|b| if b < 0x20 { b | 0x40 } else { b }).collect();
        let bytes: Vec<u8> = bytes.iter().enumerate().map(|(i, &b)| if i % 9 == 0 { b & 0x1f } else { b }).collect();
        assert_eq!(decode(&bytes).map(|(_, e)| e), Err(NotText::Binary), "seed {seed}");
    }
}

/// CRC-32 (IEEE), as gzip, zip and PNG use it.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xedb8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

/// `data` in one stored (uncompressed) deflate block.
fn stored_deflate(data: &[u8]) -> Vec<u8> {
    let len = u16::try_from(data.len()).unwrap();
    [&[1u8][..], &len.to_le_bytes(), &(!len).to_le_bytes(), data].concat()
}

/// A well-formed gzip file of `data`, stored: the text inside is readable as it is, so only the
/// header tells it is not text.
fn gzip(data: &[u8]) -> Vec<u8> {
    let header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03";
    let size = u32::try_from(data.len()).unwrap();
    [&header[..], &stored_deflate(data), &crc32(data).to_le_bytes(), &size.to_le_bytes()].concat()
}

/// A well-formed 16x16 greyscale PNG of random pixels.
fn png(seed: u64) -> Vec<u8> {
    let chunk = |kind: &[u8], data: &[u8]| {
        let body = [kind, data].concat();
        [&u32::try_from(data.len()).unwrap().to_be_bytes()[..], &body, &crc32(&body).to_be_bytes()].concat()
    };
    let ihdr = [&16u32.to_be_bytes()[..], &16u32.to_be_bytes(), &[8, 0, 0, 0, 0]].concat();
    let pixels = random_bytes(seed, 16 * 17);
    let raw: Vec<u8> = pixels.chunks(17).flat_map(|row| [&[0u8][..], &row[1..]].concat()).collect();
    let adler =
        raw.iter().fold((1u32, 0u32), |(a, b), &x| ((a + u32::from(x)) % 65521, (b + a + u32::from(x)) % 65521));
    let zlib = [&[0x78u8, 0x01][..], &stored_deflate(&raw), &((adler.1 << 16) | adler.0).to_be_bytes()].concat();
    [&b"\x89PNG\r\n\x1a\n"[..], &chunk(b"IHDR", &ihdr), &chunk(b"IDAT", &zlib), &chunk(b"IEND", b"")].concat()
}

#[test]
fn compressed_and_image_files_are_not_text() {
    let story = "Headline\n\nSEOUL, Dec. 2 (Yonhap) -- Prose of an ordinary story.\n".repeat(20);
    assert_eq!(decode(&gzip(story.as_bytes())), Err(NotText::Binary), "gzip");
    for seed in 0..10 {
        assert_eq!(decode(&png(seed)), Err(NotText::Binary), "png {seed}");
    }
    // Real headers over random bodies: JPEG, GIF, zip, PDF, bzip2, xz, zstd, 7z, ELF, SQLite,
    // Mach-O, WebP, MP4, Ogg.
    let headers: &[&[u8]] = &[
        b"\xff\xd8\xff\xe0\x00\x10JFIF\x00",
        b"GIF89a\x10\x00\x10\x00",
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
        b"BZh91AY&SY",
        b"\xfd7zXZ\x00\x00\x04",
        b"\x28\xb5\x2f\xfd\x24\x00",
        b"7z\xbc\xaf\x27\x1c\x00\x04",
        b"\x7fELF\x02\x01\x01\x00",
        b"SQLite format 3\x00\x10\x00",
        b"\xcf\xfa\xed\xfe\x07\x00\x00\x01",
        b"RIFF\x24\x08\x00\x00WEBPVP8 ",
        b"\x00\x00\x00\x20ftypisom\x00\x00\x02\x00",
        b"OggS\x00\x02\x00\x00",
    ];
    for header in headers {
        for size in [0, 100, 5000] {
            // A text-like body: only the header can tell.
            let body = "Plain words in the body. ".repeat(size / 25);
            let bytes = [header, body.as_bytes()].concat();
            assert_eq!(decode(&bytes), Err(NotText::Binary), "{:?} + {size}", String::from_utf8_lossy(header));
        }
    }
}

/// Sentences from Korean, Chinese and Japanese news.
const KOREAN: &str = "윤석열 대통령은 2일 서울 용산 대통령실에서 국무회의를 주재하고 경제 정책 방향을 논의했다. 정부는 내년 성장률 전망치를 2.2%로 제시했다.";
const CHINESE: &str =
    "中韩是搬不走的邻居，双方应加强沟通与合作。外交部发言人在例行记者会上表示，中方愿同韩方共同努力。";
const TRADITIONAL: &str =
    "台灣行政院今天召開院會，通過明年度總預算案，將送立法院審議。院長表示，政府將持續推動經濟發展。";
const JAPANESE: &str = "東京都は２日、新型の感染症対策について記者会見を開き、都民に対して引き続き注意を呼びかけた。政府も対応を急いでいる。";

#[test]
fn legacy_cjk_encodings_are_told_and_named() {
    use encoding_rs::{BIG5, EUC_JP, EUC_KR, GBK, SHIFT_JIS};
    let cases = [
        (KOREAN, EUC_KR, "EUC-KR"),
        (CHINESE, GBK, "GBK"),
        (TRADITIONAL, BIG5, "Big5"),
        (JAPANESE, SHIFT_JIS, "Shift-JIS"),
        (JAPANESE, EUC_JP, "EUC-JP"),
    ];
    for (text, enc, name) in cases {
        let story = format!("Headline\n\n{text}\n\n{text}\n");
        let (bytes, _, unmappable) = enc.encode(&story);
        assert!(!unmappable, "{name}");
        let (decoded, got) = decode(&bytes).unwrap();
        assert_eq!(decoded, story, "{name}");
        assert_eq!(got.name(), name);
    }
}
