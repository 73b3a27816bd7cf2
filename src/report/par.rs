//! Work split over threads for big texts (native only: in the browser, and for texts
//! of report size, everything runs on the calling thread). Every caller gets the same
//! result for any number of pieces; threads only change how long it takes.

/// Texts shorter than this are read on one thread (every real report; concatenations
/// of many are split).
pub(crate) const PIECE_MIN: usize = 4 << 20;

/// How many pieces to cut a text of `len` bytes into: one per core for a big text on a
/// platform with threads, otherwise one.
pub(crate) fn pieces_for(len: usize) -> usize {
    if cfg!(target_arch = "wasm32") || len < 2 * PIECE_MIN {
        return 1;
    }
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    cores.min(len / PIECE_MIN).max(1)
}

/// Runs `piece(0..n)` on threads of their own while `first` runs on this one; the
/// pieces' results in order. A panic in a piece is resumed here.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn run<T: Send>(n: usize, piece: &(dyn Fn(usize) -> T + Sync), first: impl FnOnce()) -> Vec<T> {
    if n == 0 {
        first();
        return Vec::new();
    }
    std::thread::scope(|sc| {
        let handles: Vec<_> = (0..n).map(|k| sc.spawn(move || piece(k))).collect();
        first();
        handles.into_iter().map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).collect()
    })
}

/// Without threads: `first`, then the pieces one after another.
#[cfg(target_arch = "wasm32")]
pub(crate) fn run<T: Send>(n: usize, piece: &(dyn Fn(usize) -> T + Sync), first: impl FnOnce()) -> Vec<T> {
    first();
    (0..n).map(piece).collect()
}

/// Calls `f(start, part)` on `pieces` consecutive parts of `items` (`start`: the
/// index of the part's first item), each part but the first on a thread of its own.
pub(crate) fn for_parts<T: Send>(items: &mut [T], pieces: usize, f: &(dyn Fn(usize, &mut [T]) + Sync)) {
    let size = items.len().div_ceil(pieces.max(1)).max(1);
    let mut parts = items.chunks_mut(size).enumerate();
    let Some((_, head)) = parts.next() else { return };
    #[cfg(not(target_arch = "wasm32"))]
    std::thread::scope(|sc| {
        for (k, part) in parts {
            sc.spawn(move || f(k * size, part));
        }
        f(0, head);
    });
    #[cfg(target_arch = "wasm32")]
    {
        f(0, head);
        for (k, part) in parts {
            f(k * size, part);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_cover_every_item_once() {
        for pieces in 1..6 {
            for n in 0..20 {
                let mut v = vec![0u32; n];
                for_parts(&mut v, pieces, &|start, p| p.iter_mut().enumerate().for_each(|(k, x)| *x += 1 + (start + k) as u32));
                assert!(v.iter().enumerate().all(|(k, &x)| x == 1 + k as u32), "{pieces} {n}");
            }
        }
    }

    #[test]
    fn pieces_in_order() {
        let out = run(4, &|k| k * 10, || ());
        assert_eq!(out, vec![0, 10, 20, 30]);
        assert_eq!(pieces_for(1000), 1);
    }
}
