//! Sorting through one shared instance of the standard library's stable sort.
//!
//! `slice::sort_by` is generic over the element and the comparison, so every call site
//! compiles its own copy of the whole sort (driftsort, quicksort, small sorts, merges:
//! about 4.5 KB of wasm each). The page's wasm is budgeted for size, so the page's
//! sorts go through [`sort_by`]: it sorts a list of positions with a comparison behind
//! a `dyn` reference (one copy of the sort for the whole program), then moves the
//! elements into that order. Same result as `slice::sort_by` (stable), slightly slower
//! per comparison; for the short lists the page sorts that does not show. The parser
//! keeps the standard sort.

use std::cmp::Ordering;

/// Sorts `v` stably by `cmp`, as `slice::sort_by` does.
pub fn sort_by<T>(v: &mut Vec<T>, mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..v.len()).collect();
    sort_positions(&mut order, &mut |a, b| cmp(&v[a], &v[b]));
    let mut slots: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    v.extend(order.iter().filter_map(|&i| slots[i].take()));
}

/// Sorts `v` stably by `key`, as `slice::sort_by_key` does.
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// The one copy of the sort: positions, compared through `cmp`.
#[inline(never)]
fn sort_positions(order: &mut [usize], cmp: &mut dyn FnMut(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| cmp(a, b));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[allow(clippy::unnecessary_sort_by)] // sort_by against sort_by, on purpose
    fn same_order_as_the_standard_sort() {
        // pairs with many equal keys: stability shows
        let mut x: u64 = 7;
        let v: Vec<(u8, u32)> = (0..500u32)
            .map(|i| {
                x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                ((x >> 59) as u8, i)
            })
            .collect();
        let mut ours = v.clone();
        sort_by_key(&mut ours, |p| p.0);
        let mut std_ = v.clone();
        std_.sort_by_key(|p| p.0);
        assert_eq!(ours, std_);
        let mut ours = v.clone();
        sort_by(&mut ours, |a, b| b.0.cmp(&a.0));
        let mut std_ = v;
        std_.sort_by(|a, b| b.0.cmp(&a.0));
        assert_eq!(ours, std_);
        let mut empty: Vec<u8> = vec![];
        sort_by_key(&mut empty, |x| *x);
        assert!(empty.is_empty());
        let mut one = vec![String::from("a")];
        sort_by(&mut one, |a, b| a.cmp(b));
        assert_eq!(one, ["a"]);
    }
}
