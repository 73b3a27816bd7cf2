//! Number scanners in the pulldown-cmark manner: each looks at the start of a
//! byte/str slice and returns the parsed value with the number of bytes it
//! consumed, or `None`. They never look behind, never allocate and never panic.

/// A number found at the start of a slice.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Num {
    pub value: f64,
    /// Bytes consumed.
    pub len: usize,
    /// Written in Chinese numerals (一千二百三十, 四十, 百分之八 …).
    pub chinese: bool,
    /// Chinese numeral with a multiplier (十/百/千/万/亿) — `三` alone is not enough
    /// to be a figure (三个方面), `三十` is.
    pub has_mult: bool,
    /// Has a decimal part.
    pub decimal: bool,
    /// Plain ASCII digits (and an optional `.fraction`): `text[span]` parses back.
    pub plain: bool,
}

/// An ASCII or full-width digit at the start of `b`: (digit, byte length).
#[inline]
pub fn digit(b: &[u8]) -> Option<(u32, usize)> {
    match *b.first()? {
        c @ b'0'..=b'9' => Some(((c - b'0') as u32, 1)),
        0xEF if b.len() >= 3 && b[1] == 0xBC && (0x90..=0x99).contains(&b[2]) => {
            Some(((b[2] - 0x90) as u32, 3))
        }
        _ => None,
    }
}

/// A thousands separator (`,` or `，`) at the start of `b`.
#[inline]
fn comma_len(b: &[u8]) -> Option<usize> {
    match *b.first()? {
        b',' => Some(1),
        0xEF if b.len() >= 3 && b[1] == 0xBC && b[2] == 0x8C => Some(3),
        _ => None,
    }
}

/// A decimal point (`.` or `．`) at the start of `b`.
#[inline]
fn dot_len(b: &[u8]) -> Option<usize> {
    match *b.first()? {
        b'.' => Some(1),
        0xEF if b.len() >= 3 && b[1] == 0xBC && b[2] == 0x8E => Some(3),
        _ => None,
    }
}

/// True when a thousands separator at `b[0..]` is followed by exactly three digits
/// (then a non-digit): `1,753` but not `8,9` or `2016,2017`.
#[inline]
pub fn is_thousands_sep(b: &[u8]) -> bool {
    let Some(cl) = comma_len(b) else { return false };
    let mut j = cl;
    for _ in 0..3 {
        match b.get(j..).and_then(digit) {
            Some((_, l)) => j += l,
            None => return false,
        }
    }
    b.get(j..).and_then(digit).is_none()
}

/// Arabic number: digits, optional thousands groups (`34,250`), optional decimals.
pub fn scan_arabic(b: &[u8]) -> Option<Num> {
    let mut i = 0usize;
    let mut mant: u64 = 0;
    let mut approx: f64 = 0.0;
    let mut overflow = false;
    let mut int_digits = 0usize;
    let mut plain = true;
    let push = |d: u32, mant: &mut u64, approx: &mut f64, overflow: &mut bool| {
        *approx = *approx * 10.0 + d as f64;
        match mant.checked_mul(10).and_then(|m| m.checked_add(d as u64)) {
            Some(m) if m < (1u64 << 53) => *mant = m,
            _ => *overflow = true,
        }
    };
    while let Some((d, l)) = b.get(i..).and_then(digit) {
        push(d, &mut mant, &mut approx, &mut overflow);
        if l != 1 {
            plain = false;
        }
        i += l;
        int_digits += 1;
    }
    if int_digits == 0 {
        return None;
    }
    if int_digits <= 3 {
        while is_thousands_sep(b.get(i..).unwrap_or(&[])) {
            plain = false;
            i += comma_len(&b[i..]).unwrap_or(1);
            for _ in 0..3 {
                if let Some((d, l)) = b.get(i..).and_then(digit) {
                    push(d, &mut mant, &mut approx, &mut overflow);
                    i += l;
                }
            }
        }
    }
    let mut frac = 0i32;
    let mut decimal = false;
    if let Some(dl) = b.get(i..).and_then(dot_len) {
        if b.get(i + dl..).and_then(digit).is_some() {
            if dl != 1 {
                plain = false;
            }
            i += dl;
            decimal = true;
            while let Some((d, l)) = b.get(i..).and_then(digit) {
                push(d, &mut mant, &mut approx, &mut overflow);
                if l != 1 {
                    plain = false;
                }
                frac += 1;
                i += l;
            }
        }
    }
    let value = if !overflow && frac <= 22 {
        mant as f64 / 10f64.powi(frac)
    } else {
        approx / 10f64.powi(frac.min(300))
    };
    Some(Num { value, len: i, chinese: false, has_mult: false, decimal, plain })
}

/// Value of a Chinese digit character.
#[inline]
pub fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

#[inline]
fn cn_mult(c: char) -> Option<f64> {
    Some(match c {
        '十' => 10.0,
        '百' => 100.0,
        '千' => 1000.0,
        _ => return None,
    })
}

/// Can a Chinese numeral start with `c`? (`十三` yes; `百`/`千`/`万` alone no.)
#[inline]
pub fn is_cn_start(c: char) -> bool {
    cn_digit(c).is_some() || c == '十'
}

/// Chinese numeral: `一千二百三十`, `四十`, `十三`, `三点五`, `一万二千`.
/// A trailing `万`/`亿` is left for the unit scanner (`一千二百三十亿元` →
/// 1230 + `亿元`) unless more numeral characters follow it.
pub fn scan_chinese(s: &str) -> Option<Num> {
    let mut total = 0.0f64;
    let mut section = 0.0f64;
    let mut cur: Option<f64> = None;
    let mut has_mult = false;
    let mut len = 0usize;
    let mut after_zero = false;
    let mut any = false;
    let mut decimal = false;
    let mut it = s.char_indices().peekable();
    while let Some((idx, c)) = it.next() {
        let end = idx + c.len_utf8();
        if let Some(d) = cn_digit(c) {
            if d == 0 {
                if !any {
                    return None;
                }
                after_zero = true;
                len = end;
                continue;
            }
            if cur.is_some() && !after_zero {
                break; // 三五 — not a number
            }
            if c == '两' && any {
                break;
            }
            after_zero = false;
            cur = Some(d as f64);
            any = true;
            len = end;
        } else if let Some(m) = cn_mult(c) {
            let d = match cur.take() {
                Some(d) => d,
                None if !any && m == 10.0 => 1.0,
                None if section > 0.0 && m == 10.0 && after_zero => 1.0,
                None => break,
            };
            section += d * m;
            has_mult = true;
            any = true;
            after_zero = false;
            len = end;
        } else if (c == '万' || c == '亿') && any {
            let next = s.get(end..).and_then(|r| r.chars().next());
            if next.map(|n| is_cn_start(n) || n == '零').unwrap_or(false) {
                let v = section + cur.take().unwrap_or(0.0);
                if c == '万' {
                    total += v * 1e4;
                } else {
                    total = (total + v) * 1e8;
                }
                section = 0.0;
                has_mult = true;
                after_zero = false;
                len = end;
            } else {
                break;
            }
        } else if c == '点' && any && !decimal {
            // 三点五: a decimal part follows.
            let mut frac = 0.0;
            let mut scale = 0.1;
            let mut flen = end;
            let mut digits = 0;
            let rest = s.get(end..).unwrap_or("");
            for (j, fc) in rest.char_indices() {
                match cn_digit(fc) {
                    Some(d) if fc != '两' => {
                        frac += d as f64 * scale;
                        scale *= 0.1;
                        digits += 1;
                        flen = end + j + fc.len_utf8();
                    }
                    _ => break,
                }
            }
            if digits == 0 {
                break;
            }
            let int = section + cur.take().unwrap_or(0.0);
            section = int + frac;
            decimal = true;
            len = flen;
            break;
        } else {
            break;
        }
        let _ = it.peek();
    }
    if !any || len == 0 {
        return None;
    }
    let value = total + section + cur.unwrap_or(0.0);
    let value = if decimal { (value * 1e6).round() / 1e6 } else { value };
    Some(Num { value, len, chinese: true, has_mult, decimal, plain: false })
}

/// `百分之八`, `百分之三点五` (unit %), `千分之十二` (unit ‰): value and bytes consumed,
/// and whether it is per thousand.
pub fn scan_percent_words(s: &str) -> Option<(Num, bool)> {
    let (rest, permille) = match s.strip_prefix("百分之") {
        Some(r) => (r, false),
        None => (s.strip_prefix("千分之")?, true),
    };
    let n = scan_chinese(rest).or_else(|| scan_arabic(rest.as_bytes()))?;
    Some((Num { len: n.len + "百分之".len(), chinese: true, has_mult: true, plain: false, ..n }, permille))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic() {
        let n = scan_arabic(b"1230\xe4\xba\xbf").unwrap();
        assert_eq!((n.value, n.len, n.plain), (1230.0, 4, true));
        assert_eq!(scan_arabic(b"7.6%").unwrap().value, 7.6);
        assert_eq!(scan_arabic(b"34,250x").unwrap().value, 34250.0);
        assert_eq!(scan_arabic("1，753亿".as_bytes()).unwrap().value, 1753.0);
        assert_eq!(scan_arabic(b"8,9").unwrap().value, 8.0);
        assert_eq!(scan_arabic("７．４万".as_bytes()).unwrap().value, 7.4);
        assert_eq!(scan_arabic(b"1995.5").unwrap().value, 1995.5);
        assert!(scan_arabic(b"x1").is_none());
        let long = "9".repeat(400);
        assert!(scan_arabic(long.as_bytes()).unwrap().value.is_infinite() || true);
    }

    #[test]
    fn chinese() {
        assert_eq!(scan_chinese("一千二百三十亿").unwrap().value, 1230.0);
        assert_eq!(scan_chinese("一千二百三十亿").unwrap().len, "一千二百三十".len());
        assert_eq!(scan_chinese("四十多亿元").unwrap().value, 40.0);
        assert_eq!(scan_chinese("四百多项").unwrap().value, 400.0);
        assert_eq!(scan_chinese("十三五").unwrap().value, 13.0);
        assert_eq!(scan_chinese("两个").unwrap().value, 2.0);
        assert_eq!(scan_chinese("一万二千").unwrap().value, 12000.0);
        assert_eq!(scan_chinese("三点五").unwrap().value, 3.5);
        assert_eq!(scan_chinese("一百零五").unwrap().value, 105.0);
        assert!(!scan_chinese("三个").unwrap().has_mult);
        assert_eq!(scan_percent_words("百分之八").unwrap().0.value, 8.0);
        assert_eq!(scan_percent_words("百分之三点五").unwrap().0.value, 3.5);
        assert_eq!(scan_percent_words("千分之十二以内").map(|(n, p)| (n.value, n.len, p)), Some((12.0, 15, true)));
        assert!(scan_percent_words("千分之").is_none());
    }
}
