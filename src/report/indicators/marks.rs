//! Marker words (预计, 标, 到20, 五, 已) found ahead of the reading, so that a
//! sentence or clause only asks whether one falls inside it.

/// Positions of marker words, found ahead of the reading in blocks (SIMD memmem), with
/// forward-only cursors: kind 0 预计, 1 标, 2 到20, 3 五, 4 已.
pub(super) struct Marks<'a> {
    text: &'a str,
    finders: [memchr::memmem::Finder<'static>; 5],
    pos: [Vec<usize>; 5],
    cur: [usize; 5],
    /// Every mark starting before this offset is in `pos`.
    found_to: usize,
}

/// Bytes of text searched for marks at a time.
const MARK_BLOCK: usize = 1 << 16;

impl<'a> Marks<'a> {
    /// Marks of `text` from `from` on (no query may start before `from`).
    pub(super) fn new(text: &'a str, from: usize) -> Self {
        let f = |w: &'static str| memchr::memmem::Finder::new(w.as_bytes());
        Marks {
            text,
            finders: [f("预计"), f("标"), f("到20"), f("五"), f("已")],
            pos: Default::default(),
            cur: [0; 5],
            found_to: from,
        }
    }
    /// Finds the marks starting before `e` (and those of the rest of its block).
    fn reach(&mut self, e: usize) {
        if e <= self.found_to {
            return;
        }
        let b = self.text.as_bytes();
        let to = e.max(self.found_to + MARK_BLOCK).min(b.len());
        for (k, f) in self.finders.iter().enumerate() {
            let window = &b[self.found_to..(to + f.needle().len() - 1).min(b.len())];
            // drop the marks already passed: the vectors hold about one block
            let v = &mut self.pos[k];
            v.drain(..self.cur[k]);
            self.cur[k] = 0;
            v.extend(f.find_iter(window).map(|p| p + self.found_to));
        }
        self.found_to = to;
    }
    /// First mark of kind `k` in `[s, e)` (calls must not go backwards).
    pub(super) fn first(&mut self, k: usize, s: usize, e: usize) -> Option<usize> {
        self.reach(e);
        let v = &self.pos[k];
        let c = &mut self.cur[k];
        while *c < v.len() && v[*c] < s {
            *c += 1;
        }
        v.get(*c).copied().filter(|&p| p < e)
    }
    /// Every mark of kind `k` in `[s, e)` (calls must not go backwards).
    pub(super) fn all(&mut self, k: usize, s: usize, e: usize) -> &[usize] {
        self.first(k, s, e);
        let v = &self.pos[k][self.cur[k]..];
        &v[..v.partition_point(|&p| p < e)]
    }
    pub(super) fn any(&mut self, k: usize, s: usize, e: usize) -> bool {
        self.first(k, s, e).is_some()
    }
}
