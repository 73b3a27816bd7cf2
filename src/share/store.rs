//! What the page keeps in the browser between visits: the last session (open reports +
//! view) and a list of recent reports. Pure data and rules; `ui::persist` does the I/O.
//!
//! A report is kept as base64url(deflate(bytes)) — the same packing as `#doc=` links —
//! under a key derived from its SHA-256, so the session and the recent list share it.

use serde::{Deserialize, Serialize};

use super::doc::{decode_bytes_with_limit, encode_bytes, DocLinkError};
use crate::report::MAX_BYTES;

/// Largest packed report kept in `localStorage` (characters). Browsers allow about
/// 5 M characters per site; the rest is left for the recent list and settings.
pub const STORE_LIMIT: usize = 4_000_000;

/// How many recent reports are listed.
pub const RECENT_MAX: usize = 12;

pub const SESSION_KEY: &str = "baogao:session";
pub const RECENT_KEY: &str = "baogao:recent";
pub const DOC_PREFIX: &str = "baogao:doc:";

/// Where a kept report came from. `kind`: `sample`, `file`, `pasted`, `url`, `catalog`, `link`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredSource {
    pub kind: String,
    /// File name, address or catalog id (empty for `sample`, `pasted`, `link`).
    #[serde(default)]
    pub value: String,
}

/// A kept report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredDoc {
    pub name: String,
    pub source: StoredSource,
    /// `bytes`: re-parse the bytes as a file; `text`: UTF-8 text parsed with `encoding`.
    pub mode: String,
    #[serde(default)]
    pub encoding: String,
    pub sha256: String,
    /// base64url(deflate(bytes)).
    pub data: String,
}

impl StoredDoc {
    pub fn pack(
        name: &str,
        source: StoredSource,
        mode: &str,
        encoding: &str,
        bytes: &[u8],
        sha256: &str,
    ) -> StoredDoc {
        StoredDoc {
            name: name.to_string(),
            source,
            mode: mode.to_string(),
            encoding: encoding.to_string(),
            sha256: sha256.to_string(),
            data: encode_bytes(bytes),
        }
    }

    /// The kept bytes, checked against the stored SHA-256.
    pub fn unpack(&self) -> Result<Vec<u8>, DocLinkError> {
        let bytes = decode_bytes_with_limit(&self.data, MAX_BYTES)?;
        if !self.sha256.is_empty() && super::sha256_hex(&bytes) != self.sha256 {
            return Err(DocLinkError::BadDeflate);
        }
        Ok(bytes)
    }
}

/// The storage key of a report with this SHA-256.
pub fn doc_key(sha256: &str) -> String {
    format!("{DOC_PREFIX}{}", &sha256[..sha256.len().min(24)])
}

/// The last session: which kept reports were open, which was active, the view.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    /// Storage keys ([`doc_key`]) in the order the reports were open.
    pub docs: Vec<String>,
    /// Index into `docs` of the active report.
    pub active: usize,
    /// The view as a fragment (`s=…&tab=…`).
    #[serde(default)]
    pub view: String,
}

/// One line of the recent list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RecentEntry {
    /// Storage key ([`doc_key`]).
    pub key: String,
    pub name: String,
    pub source: StoredSource,
    /// Milliseconds since 1970 when last opened.
    pub time: f64,
    /// Whether the report itself is kept (else it can only be re-fetched, for `url`/`catalog`).
    pub kept: bool,
}

/// Put `entry` first (replacing an entry with the same key) and keep at most `max`.
pub fn push_recent(list: &mut Vec<RecentEntry>, entry: RecentEntry, max: usize) {
    list.retain(|e| e.key != entry.key);
    list.insert(0, entry);
    list.truncate(max);
}

/// Keys of kept reports that may be dropped to make room, least recently used first:
/// kept entries of `recent` not in `protect`.
pub fn eviction_order(recent: &[RecentEntry], protect: &[String]) -> Vec<String> {
    let mut v: Vec<&RecentEntry> = recent
        .iter()
        .filter(|e| e.kept && !protect.contains(&e.key))
        .collect();
    crate::sort::sort_by(&mut v, |a, b| {
        a.time
            .partial_cmp(&b.time)
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    v.into_iter().map(|e| e.key.clone()).collect()
}

/// Human-readable time since `then` (ms) at `now` (ms), in Chinese and English.
pub fn ago(now: f64, then: f64) -> (String, String) {
    let s = ((now - then) / 1000.0).max(0.0) as u64;
    match s {
        0..=59 => ("刚才".into(), "just now".into()),
        60..=3599 => (format!("{} 分钟前", s / 60), format!("{} min ago", s / 60)),
        3600..=86_399 => (
            format!("{} 小时前", s / 3600),
            format!("{} h ago", s / 3600),
        ),
        _ => (
            format!("{} 天前", s / 86_400),
            format!("{} d ago", s / 86_400),
        ),
    }
}

/// Packs a report for keeping (SHA-256 + base64url(deflate)) a slice at a time, so the
/// page can pack a big report between frames instead of in one long task. The result
/// unpacks with [`StoredDoc::unpack`] like [`StoredDoc::pack`]'s.
pub struct Packer {
    hasher: sha2::Sha256,
    deflater: Box<miniz_oxide::deflate::core::CompressorOxide>,
    out: Vec<u8>,
    failed: bool,
    /// Only hash (the report is too big to keep): `finish` returns empty data.
    hash_only: bool,
    /// Bytes fed so far.
    fed: usize,
    /// The report's size and the most characters its packed form may take
    /// ([`Packer::with_limit`]).
    total: usize,
    limit: usize,
}

/// Input a [`Packer::with_limit`] packs before judging from its output so far whether
/// the whole report can fit ([`may_fit`]).
pub const JUDGE_AFTER: usize = 1 << 20;

/// Whether a report of `total` bytes, whose first `fed` bytes deflated to `out` bytes,
/// may fit in `limit` characters once packed whole (base64url of the deflate): not once
/// the output alone passes the limit, nor, from [`JUDGE_AFTER`] bytes in, when the output
/// so far projects the whole past the limit with a quarter to spare.
pub fn may_fit(out: usize, fed: usize, total: usize, limit: usize) -> bool {
    let so_far = out as f64 * 4.0 / 3.0;
    let projected = so_far * total as f64 / fed.max(1) as f64;
    let limit = limit as f64;
    !(so_far > limit || (fed >= JUDGE_AFTER && projected > limit * 1.25))
}

/// Deflate level for kept reports: close to level 9's size at a fraction of its time.
const KEEP_LEVEL: u8 = 6;

impl Default for Packer {
    fn default() -> Self {
        Self::new()
    }
}

impl Packer {
    pub fn new() -> Packer {
        use miniz_oxide::deflate::core::{create_comp_flags_from_zip_params, CompressorOxide};
        // window_bits 0: raw deflate, as `#doc=` links and `StoredDoc::pack` use.
        let flags = create_comp_flags_from_zip_params(KEEP_LEVEL.into(), 0, 0);
        Packer {
            hasher: <sha2::Sha256 as sha2::Digest>::new(),
            deflater: Box::new(CompressorOxide::new(flags)),
            out: Vec::new(),
            failed: false,
            hash_only: false,
            fed: 0,
            total: 0,
            limit: usize::MAX,
        }
    }

    /// A packer for a report of `total` bytes that is kept only if its packed form takes
    /// at most `limit` characters. It stops compressing (and goes on hashing only, see
    /// [`Packer::fits`]) as soon as its output shows the report cannot fit ([`may_fit`]):
    /// a report that cannot be kept is not compressed to the end to find that out.
    pub fn with_limit(total: usize, limit: usize) -> Packer {
        Packer {
            total,
            limit,
            ..Packer::new()
        }
    }

    /// Whether the packed report may still fit its limit: false for [`Packer::hash_only`]
    /// and once [`Packer::with_limit`]'s packer has given up (`finish` then returns
    /// empty data).
    pub fn fits(&self) -> bool {
        !self.hash_only
    }

    fn judge(&mut self) {
        if !may_fit(self.out.len(), self.fed, self.total, self.limit) {
            self.hash_only = true;
            self.out = Vec::new();
        }
    }

    /// A packer that only hashes: for reports too big to keep.
    pub fn hash_only() -> Packer {
        Packer {
            hash_only: true,
            ..Packer::new()
        }
    }

    /// Add the next slice of the report's bytes.
    pub fn feed(&mut self, slice: &[u8]) {
        use miniz_oxide::deflate::core::TDEFLFlush;
        sha2::Digest::update(&mut self.hasher, slice);
        self.run(slice, TDEFLFlush::None);
        self.fed += slice.len();
        if !self.hash_only {
            self.judge();
        }
    }

    fn run(&mut self, mut input: &[u8], flush: miniz_oxide::deflate::core::TDEFLFlush) {
        use miniz_oxide::deflate::core::{compress_to_output, TDEFLStatus};
        if self.failed || self.hash_only {
            return;
        }
        loop {
            let out = &mut self.out;
            let (status, used) =
                compress_to_output(&mut self.deflater, input, flush, |chunk: &[u8]| {
                    out.extend_from_slice(chunk);
                    true
                });
            input = &input[used.min(input.len())..];
            match status {
                TDEFLStatus::Okay if input.is_empty() => return,
                TDEFLStatus::Okay => continue,
                TDEFLStatus::Done => return,
                _ => {
                    self.failed = true;
                    return;
                }
            }
        }
    }

    /// Finish: (SHA-256 hex, base64url(deflate(bytes))), or None if deflate failed.
    pub fn finish(mut self) -> Option<(String, String)> {
        use base64::engine::general_purpose::URL_SAFE_NO_PAD;
        use base64::Engine;
        use miniz_oxide::deflate::core::TDEFLFlush;
        self.run(&[], TDEFLFlush::Finish);
        if self.failed {
            return None;
        }
        let sha = super::hex(&sha2::Digest::finalize(self.hasher));
        Some((sha, URL_SAFE_NO_PAD.encode(&self.out)))
    }
}

#[cfg(test)]
mod packer_tests {
    use super::*;

    fn pack_in_slices(bytes: &[u8], slice: usize) -> (String, String) {
        let mut p = Packer::new();
        for s in bytes.chunks(slice.max(1)) {
            p.feed(s);
        }
        p.finish().expect("deflate")
    }

    #[test]
    fn sliced_packing_unpacks_to_the_same_bytes_and_hash() {
        let text = "全市地区生产总值实现1230亿元、增长7.6%。\n".repeat(5_000);
        let bytes = text.as_bytes();
        for slice in [1, 7, 4096, 65_536, bytes.len()] {
            let (sha, data) = pack_in_slices(bytes, slice);
            assert_eq!(sha, crate::share::sha256_hex(bytes));
            let doc = StoredDoc {
                name: "a.txt".into(),
                source: StoredSource { kind: "file".into(), value: "a.txt".into() },
                mode: "bytes".into(),
                encoding: "UTF-8".into(),
                sha256: sha,
                data,
            };
            assert_eq!(doc.unpack().expect("unpacks"), bytes, "slice {slice}");
        }
    }

    /// Bytes that deflate hardly shrinks (a simple generator, no crate).
    fn noise(n: usize) -> Vec<u8> {
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x as u8
            })
            .collect()
    }

    fn feed_all(p: &mut Packer, bytes: &[u8], slice: usize) -> usize {
        let mut fed_until_given_up = bytes.len();
        for (i, s) in bytes.chunks(slice).enumerate() {
            p.feed(s);
            if !p.fits() && fed_until_given_up == bytes.len() {
                fed_until_given_up = (i + 1) * slice;
            }
        }
        fed_until_given_up
    }

    #[test]
    fn a_limited_packer_gives_up_early_on_a_report_that_cannot_fit() {
        // 4 MB that stay ~4 MB: projected past a 2 M-character limit after 1 MB.
        let bytes = noise(4 << 20);
        let mut p = Packer::with_limit(bytes.len(), 2_000_000);
        let given_up_at = feed_all(&mut p, &bytes, 256 * 1024);
        assert!(!p.fits());
        assert_eq!(given_up_at, 1 << 20, "judged once 1 MB was in");
        // It still hashes all of it.
        let (sha, data) = p.finish().unwrap();
        assert_eq!(sha, crate::share::sha256_hex(&bytes));
        assert!(data.is_empty());
    }

    #[test]
    fn a_limited_packer_gives_up_once_the_output_passes_the_limit() {
        let bytes = noise(300_000);
        let mut p = Packer::with_limit(bytes.len(), 100_000);
        let given_up_at = feed_all(&mut p, &bytes, 64 * 1024);
        assert!(!p.fits());
        assert!(given_up_at <= 192 * 1024, "gave up at {given_up_at}");
    }

    #[test]
    fn a_limited_packer_keeps_what_fits() {
        // Compressible text: 2 MB packs far below the limit, so it is packed whole and
        // unpacks to the same bytes.
        let text = "全市地区生产总值实现1230亿元、增长7.6%。城镇居民人均可支配收入28578元。\n".repeat(20_000);
        let bytes = text.as_bytes();
        let mut p = Packer::with_limit(bytes.len(), STORE_LIMIT);
        feed_all(&mut p, bytes, 256 * 1024);
        assert!(p.fits());
        let (sha, data) = p.finish().unwrap();
        assert!(data.len() <= STORE_LIMIT);
        assert_eq!(super::super::doc::decode_bytes_with_limit(&data, MAX_BYTES).unwrap(), bytes);
        assert_eq!(sha, crate::share::sha256_hex(bytes));
        // Incompressible but within the limit: kept too.
        let small = noise(200_000);
        let mut p = Packer::with_limit(small.len(), 400_000);
        feed_all(&mut p, &small, 64 * 1024);
        assert!(p.fits());
    }

    #[test]
    fn may_fit_projects_from_the_first_mb() {
        let mb = JUDGE_AFTER;
        // Under 1 MB in: only the output so far counts.
        assert!(may_fit(300_000, mb / 2, 100 * mb, 1_000_000));
        assert!(!may_fit(800_000, mb / 2, 100 * mb, 1_000_000));
        // From 1 MB in: 1 MB → 300 KB projects 20 MB to 8 M characters.
        assert!(!may_fit(300_000, mb, 20 * mb, 4_000_000));
        assert!(may_fit(300_000, mb, 8 * mb, 4_000_000));
        // A quarter to spare: 1 MB → 300 KB projects 12 MB to 4.8 M characters.
        assert!(may_fit(300_000, mb, 12 * mb, 4_000_000));
        assert!(!may_fit(300_000, mb, 13 * mb, 4_000_000));
        assert!(may_fit(0, 0, 0, 0));
    }

    #[test]
    fn hash_only_hashes() {
        let mut p = Packer::hash_only();
        p.feed(b"abc");
        let (sha, data) = p.finish().unwrap();
        assert_eq!(sha, crate::share::sha256_hex(b"abc"));
        assert!(data.is_empty());
    }

    #[test]
    fn empty_input_packs() {
        let (sha, data) = pack_in_slices(b"", 10);
        assert_eq!(sha, crate::share::sha256_hex(b""));
        assert_eq!(super::super::doc::decode_bytes_with_limit(&data, 10).unwrap(), b"");
    }
}
