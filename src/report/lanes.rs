//! Byte-class tests over many bytes at once, for the scans that read every byte of a
//! report before it is parsed (is it binary, what must cleaning touch, where are the
//! invisible chars, how many chars).
//!
//! Each test is written once as a branch-free scalar predicate. Natively LLVM turns the
//! loops over it into SIMD. The page's wasm is built for size (opt-level "z"), where LLVM
//! does not vectorize loops, so on `wasm32` with `simd128` the same tests are spelled
//! out in 128-bit wasm instructions (`core::arch::wasm32`), 16 bytes a step. The two
//! spellings give the same answers: the page's component tests compare them
//! (`tests/web.rs`), and native tests pin the scalar ones.

/// Bytes cleaning (stage A) acts on, less 0xEF (it acts on an EF byte only when it starts
/// U+FEFF, found separately): the controls 0..=8 and 0x0D..=0x1F (`\r` among them), `<`,
/// `?` and DEL.
#[inline(always)]
pub fn special_ascii(x: u8) -> bool {
    ((x < 0x20) & !(0x09..=0x0C).contains(&x)) | (x == b'<') | (x == b'?') | (x == 0x7F)
}

/// Whether the bytes `x y z` start an invisible char: ASCII space, tab, VT, FF; U+00A0
/// (C2 A0), U+1680 (E1 9A 80), U+2000..U+200D (E2 80 80..8D), U+202F (E2 80 AF),
/// U+205F / U+2060 (E2 81 9F / A0), U+3000 (E3 80 80), U+FEFF (EF BB BF). No
/// continuation byte matches `x`, so only char starts can.
#[inline(always)]
pub fn starts_invisible(x: u8, y: u8, z: u8) -> bool {
    (x == b' ')
        | (x == b'\t')
        | (x == 0x0B)
        | (x == 0x0C)
        | ((x == 0xC2) & (y == 0xA0))
        | ((x == 0xE1) & (y == 0x9A) & (z == 0x80))
        | ((x == 0xE2) & (y == 0x80) & ((z <= 0x8D) | (z == 0xAF)))
        | ((x == 0xE2) & (y == 0x81) & ((z == 0x9F) | (z == 0xA0)))
        | ((x == 0xE3) & (y == 0x80) & (z == 0x80))
        | ((x == 0xEF) & (y == 0xBB) & (z == 0xBF))
}

/// Whether `x` starts a char (is not a UTF-8 continuation byte).
#[inline(always)]
pub fn starts_char(x: u8) -> bool {
    (x & 0xC0) != 0x80
}

/// Whether `x` is a control byte no text file has: below 0x20 but for `\t \n \f \r`, and DEL.
#[inline(always)]
pub fn is_control(x: u8) -> bool {
    ((x < 0x20) & (x != b'\n') & (x != b'\r') & (x != b'\t') & (x != 0x0C)) | (x == 0x7F)
}

/// Bytes tested at once by [`plain_until`].
pub const CHUNK: usize = 32;

/// Skips whole [`CHUNK`]s of `bytes[i..limit]` holding no [`special_ascii`] byte; returns
/// the first offset not skipped (`limit` when the rest is shorter than a chunk and
/// nothing stopped earlier, less what did not fill a chunk).
#[inline]
pub fn plain_until(bytes: &[u8], i: usize, limit: usize) -> usize {
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    {
        simd::plain_until(bytes, i, limit)
    }
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    {
        plain_until_scalar(bytes, i, limit)
    }
}

/// [`plain_until`] one byte at a time (what LLVM vectorizes natively).
#[inline]
pub fn plain_until_scalar(bytes: &[u8], mut i: usize, limit: usize) -> usize {
    let limit = limit.min(bytes.len());
    while i + CHUNK <= limit {
        let mut hit = false;
        for &x in &bytes[i..i + CHUNK] {
            hit |= special_ascii(x);
        }
        if hit {
            break;
        }
        i += CHUNK;
    }
    i
}

/// Offset of the first byte at or after `from` where an invisible char starts
/// ([`starts_invisible`], reading up to two bytes past it, 0 past the end).
#[inline]
pub fn next_invisible_start(line: &[u8], from: usize) -> Option<usize> {
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    {
        simd::next_invisible_start(line, from)
    }
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    {
        next_invisible_start_scalar(line, from)
    }
}

/// [`next_invisible_start`] in byte lanes, 16 a step (what LLVM vectorizes natively): the
/// first set lane of a window is the answer.
#[inline]
pub fn next_invisible_start_scalar(line: &[u8], from: usize) -> Option<usize> {
    const W: usize = 16;
    let at = |k: usize| line.get(k).copied().unwrap_or(0);
    let mut i = from;
    while let Some(w) = line.get(i..i + W + 2).and_then(|w| <&[u8; W + 2]>::try_from(w).ok()) {
        let mut lanes = [0u8; W];
        for k in 0..W {
            lanes[k] = u8::from(starts_invisible(w[k], w[k + 1], w[k + 2]));
        }
        let mask = u128::from_le_bytes(lanes);
        if mask != 0 {
            return Some(i + (mask.trailing_zeros() / 8) as usize);
        }
        i += W;
    }
    (i..line.len()).find(|&k| starts_invisible(line[k], at(k + 1), at(k + 2)))
}

/// How many bytes of `b` start a char ([`starts_char`]) and how many are control bytes
/// ([`is_control`]).
#[inline]
pub fn chars_and_controls(b: &[u8]) -> (usize, usize) {
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    {
        simd::chars_and_controls(b)
    }
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    {
        chars_and_controls_scalar(b)
    }
}

/// [`chars_and_controls`]: two branch-free counts in byte lanes over blocks of a fixed
/// size below 256 (what LLVM vectorizes natively).
#[inline]
pub fn chars_and_controls_scalar(b: &[u8]) -> (usize, usize) {
    const LANES: usize = 192;
    let (mut chars, mut controls) = (0usize, 0usize);
    let mut blocks = b.chunks_exact(LANES);
    for block in &mut blocks {
        let block: &[u8; LANES] = block.try_into().unwrap_or(&[b' '; LANES]);
        let (mut t, mut c) = (0u8, 0u8);
        for &x in block {
            t += u8::from(starts_char(x));
            c += u8::from(is_control(x));
        }
        chars += usize::from(t);
        controls += usize::from(c);
    }
    for &x in blocks.remainder() {
        chars += usize::from(starts_char(x));
        controls += usize::from(is_control(x));
    }
    (chars, controls)
}

/// How many bytes of `b` start a char ([`starts_char`]).
#[inline]
pub fn count_chars(b: &[u8]) -> usize {
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    {
        simd::chars_and_controls(b).0
    }
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    {
        bytecount::num_chars(b)
    }
}

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod simd {
    use core::arch::wasm32::*;

    /// The 16 bytes at `b[i..i + 16]` (the caller checks the bounds).
    #[inline(always)]
    fn load(b: &[u8], i: usize) -> v128 {
        debug_assert!(i + 16 <= b.len());
        // SAFETY: `i + 16 <= b.len()` (every caller's loop condition); v128_load reads
        // unaligned.
        unsafe { v128_load(b.as_ptr().add(i) as *const v128) }
    }

    #[inline(always)]
    fn special(x: v128) -> v128 {
        let low = u8x16_lt(x, u8x16_splat(0x20));
        let tab_to_ff = u8x16_le(u8x16_sub(x, u8x16_splat(0x09)), u8x16_splat(3));
        let ctl = v128_andnot(low, tab_to_ff);
        v128_or(
            v128_or(ctl, u8x16_eq(x, u8x16_splat(b'<'))),
            v128_or(u8x16_eq(x, u8x16_splat(b'?')), u8x16_eq(x, u8x16_splat(0x7F))),
        )
    }

    pub fn plain_until(bytes: &[u8], mut i: usize, limit: usize) -> usize {
        let limit = limit.min(bytes.len());
        while i + super::CHUNK <= limit {
            if v128_any_true(v128_or(special(load(bytes, i)), special(load(bytes, i + 16)))) {
                break;
            }
            i += super::CHUNK;
        }
        i
    }

    #[inline(always)]
    fn eq(v: v128, b: u8) -> v128 {
        u8x16_eq(v, u8x16_splat(b))
    }

    pub fn next_invisible_start(line: &[u8], from: usize) -> Option<usize> {
        let mut i = from;
        while i + 18 <= line.len() {
            let (x, y, z) = (load(line, i), load(line, i + 1), load(line, i + 2));
            let ascii = v128_or(
                v128_or(eq(x, b' '), eq(x, b'\t')),
                v128_or(eq(x, 0x0B), eq(x, 0x0C)),
            );
            let nbsp = v128_and(eq(x, 0xC2), eq(y, 0xA0));
            let ogham = v128_and(v128_and(eq(x, 0xE1), eq(y, 0x9A)), eq(z, 0x80));
            let e2 = eq(x, 0xE2);
            let spaces = v128_and(
                v128_and(e2, eq(y, 0x80)),
                v128_or(u8x16_le(z, u8x16_splat(0x8D)), eq(z, 0xAF)),
            );
            let math = v128_and(v128_and(e2, eq(y, 0x81)), v128_or(eq(z, 0x9F), eq(z, 0xA0)));
            let ideo = v128_and(v128_and(eq(x, 0xE3), eq(y, 0x80)), eq(z, 0x80));
            let bom = v128_and(v128_and(eq(x, 0xEF), eq(y, 0xBB)), eq(z, 0xBF));
            let m = v128_or(
                v128_or(v128_or(ascii, nbsp), v128_or(ogham, spaces)),
                v128_or(math, v128_or(ideo, bom)),
            );
            let bits = u8x16_bitmask(m);
            if bits != 0 {
                return Some(i + bits.trailing_zeros() as usize);
            }
            i += 16;
        }
        let at = |k: usize| line.get(k).copied().unwrap_or(0);
        (i..line.len()).find(|&k| super::starts_invisible(line[k], at(k + 1), at(k + 2)))
    }

    /// Sum of the 16 byte lanes of `acc` (each lane at most 255).
    #[inline(always)]
    fn lane_sum(acc: v128) -> usize {
        let s = u32x4_extadd_pairwise_u16x8(u16x8_extadd_pairwise_u8x16(acc));
        (u32x4_extract_lane::<0>(s) + u32x4_extract_lane::<1>(s) + u32x4_extract_lane::<2>(s) + u32x4_extract_lane::<3>(s))
            as usize
    }

    pub fn chars_and_controls(b: &[u8]) -> (usize, usize) {
        let (mut chars, mut controls) = (0usize, 0usize);
        let mut i = 0;
        while i + 16 <= b.len() {
            // Up to 255 steps per lane count: a true lane is all ones (-1), so subtracting
            // it adds one.
            let steps = ((b.len() - i) / 16).min(255);
            let (mut t, mut c) = (u8x16_splat(0), u8x16_splat(0));
            for _ in 0..steps {
                let x = load(b, i);
                let cont = u8x16_eq(v128_and(x, u8x16_splat(0xC0)), u8x16_splat(0x80));
                t = u8x16_sub(t, v128_not(cont));
                let low = u8x16_lt(x, u8x16_splat(0x20));
                let ok = v128_or(v128_or(eq(x, b'\n'), eq(x, b'\r')), v128_or(eq(x, b'\t'), eq(x, 0x0C)));
                let ctl = v128_or(v128_andnot(low, ok), eq(x, 0x7F));
                c = u8x16_sub(c, ctl);
                i += 16;
            }
            chars += lane_sum(t);
            controls += lane_sum(c);
        }
        for &x in &b[i..] {
            chars += usize::from(super::starts_char(x));
            controls += usize::from(super::is_control(x));
        }
        (chars, controls)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn special_bytes_are_the_ones_cleaning_acts_on() {
        let special: Vec<u8> = (0..=255u8).filter(|&x| special_ascii(x)).collect();
        let mut want: Vec<u8> = (0..=8).chain(0x0D..=0x1F).collect();
        want.extend([b'<', b'?', 0x7F]);
        assert_eq!(special, want);
    }

    #[test]
    fn plain_until_stops_at_the_chunk_of_the_first_special_byte() {
        let mut b = vec![b'a'; 200];
        assert_eq!(plain_until(&b, 0, 200), 192);
        assert_eq!(plain_until(&b, 5, 100), 69);
        b[70] = b'<';
        assert_eq!(plain_until(&b, 0, 200), 64);
        assert_eq!(plain_until(&b, 0, 1000), 64);
        assert_eq!(plain_until(&b, 71, 200), 199);
    }

    #[test]
    fn invisible_starts_are_found_in_and_after_full_windows() {
        for k in [0usize, 1, 15, 16, 17, 30, 31, 32, 33] {
            for inv in ["\u{3000}", " ", "\u{A0}", "\u{200B}", "\u{FEFF}", "\u{2060}"] {
                let s = format!("{}{inv}{}", "字".repeat(k), "x".repeat(k % 5));
                assert_eq!(next_invisible_start(s.as_bytes(), 0), Some(3 * k), "{s:?}");
                assert_eq!(next_invisible_start(s.as_bytes(), 3 * k + 1), None);
            }
        }
        assert_eq!(next_invisible_start("\u{2010}\u{2061}".as_bytes(), 0), None);
    }

    #[test]
    fn chars_and_controls_count_every_block_and_the_tail() {
        for n in [0usize, 1, 15, 16, 191, 192, 193, 5000] {
            let s = "报告a\u{1}\n".repeat(n);
            assert_eq!(chars_and_controls(s.as_bytes()), (5 * n, n));
            assert_eq!(count_chars(s.as_bytes()), 5 * n);
        }
    }
}
