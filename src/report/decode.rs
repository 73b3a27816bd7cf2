//! Bytes → text: BOM sniffing, UTF-8 (strict, then lossy when mostly UTF-8),
//! UTF-16 with or without BOM, then GB18030/GBK when the bytes read as Chinese that
//! way, else whatever chardetng guesses from a 32 KB window (Big5, EUC-KR, …).

use encoding_rs::{Encoding, GB18030, GBK, UTF_16BE, UTF_16LE, UTF_8};

/// The result of decoding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// `UTF-8`, `UTF-16LE`, `UTF-16BE`, `GBK`, `GB18030`, `Big5`, …
    pub encoding: String,
    pub had_bom: bool,
    /// U+FFFD written for bytes that did not decode.
    pub replacement_count: usize,
    /// Read with encoding_rs' tables (not by [`decode_utf8`]).
    pub legacy: bool,
}

fn count_replacements(s: &str) -> usize {
    memchr::memmem::find_iter(s.as_bytes(), "\u{FFFD}".as_bytes()).count()
}

/// How much of the input the encoding detector reads: its guess settles long before
/// this on report text, and reading all of a large file costs more than decoding it.
const DETECT_BYTES: usize = 32 * 1024;

fn decode_with(enc: &'static Encoding, bytes: &[u8], name: &str, had_bom: bool) -> Decoded {
    let (text, _) = enc.decode_without_bom_handling(bytes);
    let text = text.into_owned();
    let replacement_count = count_replacements(&text);
    Decoded { text, encoding: name.to_string(), had_bom, replacement_count, legacy: true }
}

/// Guesses UTF-16 without BOM from the share of zero bytes at even/odd positions.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let n = bytes.len().min(4096) & !1;
    if n < 8 {
        return None;
    }
    let (mut even0, mut odd0) = (0usize, 0usize);
    for i in (0..n).step_by(2) {
        if bytes[i] == 0 {
            even0 += 1;
        }
        if bytes[i + 1] == 0 {
            odd0 += 1;
        }
    }
    let half = n / 2;
    if odd0 * 10 >= half * 4 && even0 * 10 < half {
        Some(UTF_16LE)
    } else if even0 * 10 >= half * 4 && odd0 * 10 < half {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Counts (valid multi-byte UTF-8 sequences, invalid bytes) in `bytes`. Stops early
/// once "mostly UTF-8" (`bad * 20 <= good`) can no longer hold, since every sequence
/// still to come takes at least two bytes.
fn utf8_stats(bytes: &[u8]) -> (usize, usize) {
    let (mut good, mut bad) = (0usize, 0usize);
    let mut rest = bytes;
    loop {
        if bad * 20 > good + rest.len() / 2 {
            break;
        }
        match simdutf8::compat::from_utf8(rest) {
            Ok(s) => {
                good += s.bytes().filter(|b| *b >= 0xC0).count();
                break;
            }
            Err(e) => {
                let (ok, after) = rest.split_at(e.valid_up_to());
                good += ok.iter().filter(|b| **b >= 0xC0).count();
                let skip = e.error_len().unwrap_or(after.len()).max(1);
                bad += 1;
                rest = &after[skip.min(after.len())..];
                if rest.is_empty() {
                    break;
                }
            }
        }
    }
    (good, bad)
}

/// Whether decoded text is Chinese prose: a dozen of the most frequent characters of
/// report text (的 alone is about 3% of it) make up at least 2.5% of its first 4,000
/// non-ASCII characters (5–11% on the fixtures). Bytes of another encoding read as
/// GBK give characters spread over thousands of code points (well under 0.5%).
fn reads_as_chinese(text: &str) -> bool {
    let (mut common, mut total) = (0usize, 0usize);
    for c in text.chars().filter(|c| !c.is_ascii()).take(4_000) {
        total += 1;
        if matches!(c, '的' | '和' | '发' | '展' | '年' | '国' | '一' | '是' | '在' | '为' | '了' | '建' | '设') {
            common += 1;
        }
    }
    total >= 8 && common * 40 >= total
}

/// The part of [`decode`] that needs no decoding tables: UTF-8 text, with or without a
/// BOM, that is valid throughout and does not look like UTF-16. `None` for anything
/// else (UTF-16, broken UTF-8, GBK and the other legacy encodings), which only
/// [`decode`] reads. The page decodes these bytes itself; the rest goes to its worker,
/// which carries the tables (see `ARCHITECTURE.md`).
pub fn decode_utf8(bytes: &[u8]) -> Option<Decoded> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        let text = simdutf8::basic::from_utf8(rest).ok()?.to_string();
        let replacement_count = count_replacements(&text);
        return Some(Decoded { text, encoding: "UTF-8".into(), had_bom: true, replacement_count, legacy: false });
    }
    // (a UTF-16 BOM is never valid UTF-8)
    if sniff_utf16(bytes).is_some() {
        return None;
    }
    // SIMD validation (the same answer as `std::str::from_utf8`, several times faster on CJK text)
    let text = simdutf8::basic::from_utf8(bytes).ok()?;
    Some(Decoded { text: text.to_string(), encoding: "UTF-8".into(), had_bom: false, replacement_count: 0, legacy: false })
}

/// Decodes bytes of unknown encoding.
pub fn decode(bytes: &[u8]) -> Decoded {
    if let Some(d) = decode_utf8(bytes) {
        return d;
    }
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let name = if enc == UTF_8 {
            "UTF-8"
        } else if enc == UTF_16LE {
            "UTF-16LE"
        } else {
            "UTF-16BE"
        };
        return decode_with(enc, &bytes[bom_len..], name, true);
    }
    if let Some(enc) = sniff_utf16(bytes) {
        let name = if enc == UTF_16LE { "UTF-16LE" } else { "UTF-16BE" };
        return decode_with(enc, bytes, name, false);
    }
    // Mostly UTF-8 with a few broken bytes: keep UTF-8.
    let (good, bad) = utf8_stats(bytes);
    if good >= 16 && bad * 20 <= good {
        return decode_with(UTF_8, bytes, "UTF-8", false);
    }
    // Chinese in GBK (nearly every non-UTF-8 report): it decodes with no or very few
    // errors (a damaged byte here and there) and reads as Chinese. Bytes of another
    // encoding read as GBK give errors or rare-character noise; only then is the
    // (slow) detector asked.
    let gbk = decode_with(GB18030, bytes, "GBK", false);
    if gbk.replacement_count <= bytes.len() / 1000 && reads_as_chinese(&gbk.text) {
        return gbk;
    }
    let mut det = chardetng::EncodingDetector::new();
    // from the first non-ASCII byte (a web page's ASCII head tells nothing)
    let start = bytes.iter().position(|&b| b >= 0x80).unwrap_or(0);
    let end = bytes.len().min(start + DETECT_BYTES);
    det.feed(&bytes[start..end], end == bytes.len());
    // no `.cn` hint: Chinese in GBK was taken above; what is left may well be Big5 or
    // Korean, which the hint would turn into GBK
    let guess = det.guess(None, true);
    if guess == GBK || guess == GB18030 || guess == UTF_8 {
        return gbk;
    }
    let other = decode_with(guess, bytes, guess.name(), false);
    // the detector's guess unless it breaks more bytes than GBK does
    if other.replacement_count <= gbk.replacement_count {
        other
    } else {
        gbk
    }
}

/// Decodes with a named encoding (from an HTML `<meta charset>`), if known.
pub fn decode_as(bytes: &[u8], label: &str) -> Option<Decoded> {
    let enc = Encoding::for_label(label.trim().as_bytes())?;
    let (enc, name) = if enc == GBK || enc == GB18030 {
        (GB18030, "GBK".to_string())
    } else {
        (enc, enc.name().to_string())
    };
    Some(decode_with(enc, bytes, &name, false))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_plain_and_bom() {
        let d = decode("各位代表".as_bytes());
        assert_eq!((d.text.as_str(), d.encoding.as_str(), d.had_bom), ("各位代表", "UTF-8", false));
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice("报告".as_bytes());
        let d = decode(&b);
        assert_eq!((d.text.as_str(), d.had_bom), ("报告", true));
    }

    #[test]
    fn gbk() {
        let (b, _, _) = GBK.encode("政府工作报告——2015年3月5日在第十二届全国人民代表大会第三次会议上");
        let d = decode(&b);
        assert_eq!(d.encoding, "GBK");
        assert!(d.text.starts_with("政府工作报告"));
        assert_eq!(d.replacement_count, 0);
    }

    #[test]
    fn detection_reads_a_prefix_after_the_ascii_head() {
        // 100 KB of ASCII markup, then GBK text longer than the detector's window
        let mut b = "<script>var x = 1;</script>\n".repeat(4000).into_bytes();
        let zh = "各位代表：现在，我代表国务院向大会报告政府工作，请予审议。".repeat(2000);
        let (g, _, _) = GBK.encode(&zh);
        b.extend_from_slice(&g);
        let d = decode(&b);
        assert_eq!(d.encoding, "GBK");
        assert_eq!(d.replacement_count, 0);
    }

    #[test]
    fn gbk_fast_path_only_for_chinese() {
        let zh = "各位代表：现在，我代表国务院向大会报告政府工作，请予审议。过去一年经济发展和改革建设取得了新的成就。";
        assert!(reads_as_chinese(zh));
        // Korean in EUC-KR also decodes as GBK without errors, but not as Chinese
        let ko = "대한민국 정부는 국민의 삶을 개선하기 위하여 경제 정책을 추진하고 있습니다. ".repeat(50);
        let (b, _, _) = encoding_rs::EUC_KR.encode(&ko);
        let as_gbk = GB18030.decode_without_bom_handling(&b).0;
        assert!(!as_gbk.contains('\u{FFFD}'));
        assert!(!reads_as_chinese(&as_gbk));
        assert_eq!(decode(&b).encoding, "EUC-KR");
        let tw = "各位代表：現在，我代表國務院向大會報告政府工作，請予審議。過去一年經濟發展和改革建設取得了新的成就。".repeat(20);
        let (b, _, _) = encoding_rs::BIG5.encode(&tw);
        let d = decode(&b);
        assert_eq!((d.encoding.as_str(), d.text.as_str()), ("Big5", tw.as_str()));
        // GBK with a broken byte is still GBK
        let long = zh.repeat(20);
        let mut b = GBK.encode(&long).0.into_owned();
        b.insert(100, 0xFF);
        assert_eq!(decode(&b).encoding, "GBK");
    }

    #[test]
    fn utf16_with_and_without_bom() {
        let s = "各位代表：现在，我代表市人民政府向大会报告工作。";
        let mut le: Vec<u8> = vec![0xFF, 0xFE];
        for u in s.encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&le);
        assert_eq!((d.text.as_str(), d.encoding.as_str()), (s, "UTF-16LE"));
        let ascii = "Government work report 2024, text only.";
        let mut be = Vec::new();
        for u in ascii.encode_utf16() {
            be.extend_from_slice(&u.to_be_bytes());
        }
        let d = decode(&be);
        assert_eq!((d.text.as_str(), d.encoding.as_str()), (ascii, "UTF-16BE"));
    }

    #[test]
    fn mostly_utf8_with_invalid_bytes() {
        let mut b = "各位代表：现在我代表市人民政府向大会报告工作".repeat(5).into_bytes();
        b.insert(30, 0xFF);
        let d = decode(&b);
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.replacement_count, 1);
    }
}
