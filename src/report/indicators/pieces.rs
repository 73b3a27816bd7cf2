//! Reading a big text in pieces at once (threads where the platform has them), with
//! exactly the one-pass result: see [`extract_in_chunks`].

use super::marks::Marks;
use super::{set_indicator_id, Carry, Context, Extractor};
use crate::report::model::Indicator;

/// Sentence starts a piece records for the ones before it to meet (see [`extract_in_chunks`]).
const SYNC_MAX: usize = 4096;

/// What one piece of the text gave when read from a fresh state.
struct Piece {
    out: Vec<Indicator>,
    /// (sentence start, carried state there, `out.len()` there), the first [`SYNC_MAX`].
    syncs: Vec<(usize, Carry, usize)>,
    /// Where it stopped (the first sentence start at or after the next piece's start) and its state there.
    end: usize,
    end_carry: Carry,
}

/// [`extract`] with the text read in `chunks` pieces at once (threads where the
/// platform has them); the result is exactly the one-pass result for any `chunks`.
///
/// Each piece after the first starts at a line start with a fresh state. The pass
/// is a function of (position, [`Carry`]) — every other field is a cache or a cursor
/// set by the position — so once the reading of the text before a piece reaches one
/// of the piece's sentence starts in the same state the piece had there, the rest of
/// the piece is what a single pass would give. Until then the earlier reading goes
/// on by itself (at worst over the whole piece, which is the one-pass result).
pub fn extract_in_chunks(ctx: &Context<'_>, chunks: usize) -> Vec<Indicator> {
    extract_pieces(ctx, chunks).0
}

/// [`extract_in_chunks`], and how many pieces were joined (not read again).
pub(crate) fn extract_pieces(ctx: &Context<'_>, chunks: usize) -> (Vec<Indicator>, usize) {
    let text = ctx.text;
    let mut starts = vec![0usize];
    for i in 1..chunks.max(1) {
        // where a paragraph most likely starts: after `。` and a line end, else after a
        // line end, else (a text with no lines) after a `。`
        let want = text.len() / chunks * i;
        let rest = &text.as_bytes()[want.min(text.len())..];
        let near = &rest[..rest.len().min(1 << 20)];
        let para = memchr::memmem::find(near, "。\n".as_bytes()).map(|k| k + "。\n".len());
        let Some(after) = para
            .or_else(|| memchr::memchr(b'\n', near).map(|k| k + 1))
            .or_else(|| memchr::memmem::find(rest, "。".as_bytes()).map(|k| k + "。".len()))
        else {
            break;
        };
        let at = want + after;
        if at < text.len() && at > *starts.last().unwrap_or(&0) {
            starts.push(at);
        }
    }
    starts.push(text.len());
    let mut first = Extractor::new(ctx);
    if starts.len() <= 2 {
        first.run(|_| false);
        return (first.out, 0);
    }
    let read_piece = |i: usize| {
        let (from, to) = (starts[i], starts[i + 1]);
        let mut ex = Extractor::new(ctx);
        ex.pos = from;
        ex.marks = Marks::new(text, from);
        let mut syncs = Vec::new();
        ex.run(|e| {
            if syncs.len() < SYNC_MAX {
                syncs.push((e.pos, e.carried(), e.out.len()));
            }
            e.pos >= to
        });
        Piece { end: ex.pos, end_carry: ex.carried(), out: ex.out, syncs }
    };
    let pieces: Vec<Piece> = crate::report::par::run(starts.len() - 2, &|k| read_piece(k + 1), || {
        let to = starts[1];
        first.run(|e| e.pos >= to);
    });
    let mut joined = 0;
    for (k, piece) in pieces.into_iter().enumerate() {
        let to = starts[k + 2];
        let mut j = 0;
        let mut met = None;
        first.run(|e| {
            while j < piece.syncs.len() && piece.syncs[j].0 < e.pos {
                j += 1;
            }
            if let Some(&(p, c, n)) = piece.syncs.get(j) {
                if p == e.pos && c == e.carried() {
                    met = Some(n);
                    return true;
                }
            }
            e.pos >= to
        });
        if let Some(n) = met {
            joined += 1;
            first.out.reserve(piece.out.len() - n);
            for mut ind in piece.out.into_iter().skip(n) {
                set_indicator_id(&mut ind.id, first.out.len() + 1);
                first.out.push(ind);
            }
            first.pos = piece.end;
            first.carry = piece.end_carry;
            // (no mark before the new position is asked for: none is searched for)
            first.marks = Marks::new(text, piece.end);
        }
    }
    first.run(|_| false);
    (first.out, joined)
}
