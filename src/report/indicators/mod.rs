//! Indicator extraction: every quantitative statement with its meaning and source clause.
//!
//! One linear pass over the analysis text:
//! 1. sentences (`。！？` and line ends) and, inside them, clauses (`，；：（）`,
//!    but not a thousands comma `34，250` nor a ratio colon `12.7：58.8`);
//! 2. in each clause, [`scan`] finds figures (number + unit + qualifiers);
//! 3. the words before each figure ([`gap`]) give subject, verb and qualifier;
//!    a figure with no subject of its own inherits the previous one in the
//!    sentence (`实现1230亿元、增长7.6%`), lists are distributed over split
//!    subjects (`城乡居民…分别增长10%和11%`, `…、…、…均增长8%以上`);
//! 4. status/year/period come from the outline (review/plan/five-year kinds)
//!    and from the language (`主要预期目标是`, `安排如下`, `（预计、下同）`, `预计`).
//!
//! Every slice is taken at verified char boundaries; no input panics, and the
//! work per byte is bounded (gaps are capped), so the pass is linear.

pub mod gap;
pub mod names;
pub mod numbers;
pub mod scan;
pub mod units;
mod after;
mod clauses;
mod emit;
mod marks;
mod measure;
mod pieces;
mod said;
pub mod tables;
mod years;

use super::model::{Direction, Indicator, Measure, SectionKind, Span, Status, Value};
use scan::{Item, Kind};
use units::Family;
use clauses::{next_clause_end, next_sentence_end, quoted_window};
use years::{five_words, partial_year, plan_period, year_before};
use marks::Marks;
pub use pieces::extract_in_chunks;
#[cfg(test)]
pub(crate) use pieces::extract_pieces;

/// One outline node as the extractor sees it (flat, spans in the analysis text).
#[derive(Clone, Debug)]
pub struct SectionInfo {
    pub id: String,
    pub level: u8,
    pub kind: SectionKind,
    pub heading: String,
    /// Whole section in the analysis (normalised) text.
    pub span: Span,
}

/// What the extractor is given.
#[derive(Clone, Debug)]
pub struct Context<'a> {
    /// Normalised analysis text: half-width digits/letters/punctuation (`%`, `.`, `:`),
    /// no spaces inside words/numbers, no page footers; line breaks kept as `\n`.
    pub text: &'a str,
    /// Flattened outline, in document order (parents before children).
    pub sections: &'a [SectionInfo],
    pub report_year: Option<i32>,
    pub review_year: Option<i32>,
}

/// Extract all indicators. Spans (`span`, `sentence_span`) are byte ranges into
/// `ctx.text`; the pipeline maps them to the display text and re-fills `sentence`.
pub fn extract(ctx: &Context<'_>) -> Vec<Indicator> {
    extract_in_chunks(ctx, super::par::pieces_for(ctx.text.len()))
}

/// The subjects of `国内生产总值和城乡居民人均收入比2010年翻一番`: one figure said of
/// whole subjects joined by 和/与/及 (or 、), each of four chars or more and one of them a
/// known indicator, is said of each. Modifiers sharing a noun stay one subject
/// (`教育和科技支出`, `一般公共预算收入和支出`: a part of two chars).
fn joint_subjects(subject: &str) -> Option<Vec<String>> {
    if !subject.contains(['和', '与', '及']) {
        return None;
    }
    let parts = gap::split_subject(subject, 1, true);
    let whole = parts.len() >= 2 && parts.iter().all(|p| p.chars().count() >= 4);
    (whole && parts.iter().any(|p| names::canonical(p).is_some())).then_some(parts)
}

/// `民生支出占一般公共预算支出` (…的80.2%): a part named against its whole, a share.
fn part_of_whole(name: &str) -> bool {
    name.find('占').is_some_and(|k| k >= 2 * 3 && name.len() - k >= 3 * 3 && !name[k..].starts_with("占地"))
}

/// Longest gap (bytes) read before a figure: keeps the pass linear on text with no punctuation.
const MAX_GAP: usize = 150;

/// Phrases that open the main targets passage.
const TRIGGERS: &[&str] = &[
    "主要预期目标",
    "预期目标是",
    "预期目标为",
    "主要目标是",
    "主要目标为",
    "奋斗目标是",
    "奋斗目标为",
    "发展目标是",
    "主要指标安排",
    "计划指标安排",
    "主要指标是",
    "目标任务是",
    "预期目标建议",
    "主要预期指标",
    "预期性目标",
];

struct Cursor {
    next: usize,
    stack: Vec<usize>,
}

struct Extractor<'c, 'a> {
    ctx: &'c Context<'a>,
    marks: Marks<'a>,
    out: Vec<Indicator>,
    cursor: Cursor,
    /// What is carried from sentence to sentence (document-, paragraph- and list-level state).
    carry: Carry,
    /// Where [`Extractor::run`] reads next (a sentence start).
    pos: usize,
    // Sentence-level state.
    carry_full: String,
    carry_names: Vec<String>,
    /// Subjects named so far in the sentence, in order (the last few): a later
    /// `分别` list with no subject of its own goes to the last of them in turn.
    said: Vec<String>,
    /// How many of `said` were named before the sentence's last `；`: a `分别` list
    /// goes only to subjects of its own statement.
    said_from: usize,
    /// The sentence's last figure was a growth in %.
    growth_pct: bool,
    /// A short topic clause (农业，…) that may lend its subject to the next figure: read
    /// only when a figure asks ([`Extractor::take_pending`]), since most are followed
    /// by no figure that needs them.
    pending: Option<&'a str>,
    items: Vec<Item>,
    /// (figure, name) pairs of the run [`Extractor::emit_run`] writes (kept for its allocation).
    pairs: Vec<(usize, String)>,
    /// Clause-level: offset of the first 已 in the clause being read (found once per clause).
    done_at: Option<usize>,
    /// Names seen and their canonical keys ([`Extractor::canonical`]); std's keyed
    /// hasher: the names come from the input.
    canon: std::collections::HashMap<String, Option<&'static str>>,
}

/// Everything [`Extractor::run`] carries from one sentence to the next (the rest of
/// the extractor is scratch, a cache, or a cursor set by the position).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Carry {
    /// `（预计、下同）` seen: estimates until the section kind changes.
    est_mode: bool,
    est_mode_top: Option<usize>,
    /// `…安排如下` list: targets until a paragraph with no figure.
    list_mode: bool,
    list_year: Option<i32>,
    /// Sentences left in the same paragraph that continue a targets passage.
    follow: u8,
    follow_year: Option<i32>,
    /// Figures written in the paragraph so far.
    para_items: usize,
    /// The paragraph (or its part) speaks of five years (过去五年, 十三五 …).
    para_five: bool,
    /// The paragraph opens with a span of years (`五年来，…`): how many, until a sentence
    /// opens with one year (`过去一年`, `去年`).
    para_span: Option<i32>,
    para_start: bool,
    para_has_text: bool,
    list_started_here: bool,
    /// Sentences without a figure since the last one, in a list (`…如下`).
    dry_sentences: u32,
}

#[derive(Clone)]
struct SentFlags {
    est_from: usize,
    tgt_from: usize,
    tgt_year: Option<i32>,
    lead_year: Option<i32>,
    /// The leading year is where a span starts (`2012年以来`), not the figures' year.
    lead_since: bool,
    /// `到2021年`: the goal year, for figures after `to_year_from`.
    to_year: Option<i32>,
    to_year_from: usize,
    /// The sentence tells of the past (去年…, 2023年… in a plan section).
    past: bool,
    /// A five-year plan named as a span (`“十三五”期间`, `十四五时期`): its years, for
    /// 年均/累计 figures after `plan_from`.
    plan: Option<(i32, i32)>,
    plan_from: usize,
    paren: bool,
    /// Part of a year opening the sentence or a clause after `；` (`1—11月，`, `前三季度`):
    /// (from, phrase start, phrase end), in text order; the period of the figures after it
    /// to the sentence's end (or the next one) that are not targets.
    partial: Vec<(usize, usize, usize)>,
}

/// `i{n}` (what `format!("i{n}")` gives, without the formatting machinery).
fn indicator_id(n: usize) -> String {
    let mut id = String::with_capacity(8);
    set_indicator_id(&mut id, n);
    id
}

/// Makes `id` say `i{n}`, in its own allocation.
fn set_indicator_id(id: &mut String, n: usize) {
    let mut digits = [0u8; 20];
    let (mut k, mut v) = (digits.len(), n);
    loop {
        k -= 1;
        digits[k] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    id.clear();
    id.push('i');
    id.extend(digits[k..].iter().map(|&d| char::from(d)));
}

impl<'c, 'a> Extractor<'c, 'a> {
    fn new(ctx: &'c Context<'a>) -> Self {
        Extractor {
            ctx,
            marks: Marks::new(ctx.text, 0),
            out: Vec::new(),
            cursor: Cursor { next: 0, stack: Vec::new() },
            carry: Carry {
                est_mode: false,
                est_mode_top: None,
                list_mode: false,
                list_year: None,
                follow: 0,
                follow_year: None,
                para_items: 0,
                para_five: false,
                para_span: None,
                para_start: true,
                para_has_text: false,
                list_started_here: false,
                dry_sentences: 0,
            },
            pos: 0,
            carry_full: String::new(),
            carry_names: Vec::new(),
            said: Vec::new(),
            said_from: 0,
            growth_pct: false,
            pending: None,
            items: Vec::new(),
            pairs: Vec::new(),
            done_at: None,
            canon: Default::default(),
        }
    }

    /// [`names::canonical`], remembered per name (a report names the same few hundred
    /// subjects again and again).
    fn canonical(&mut self, name: &str) -> Option<&'static str> {
        if let Some(&k) = self.canon.get(name) {
            return k;
        }
        let k = names::canonical(name);
        if self.canon.len() >= 4096 {
            self.canon.clear();
        }
        self.canon.insert(name.to_string(), k);
        k
    }

    /// Innermost section containing `p` (positions must not decrease between calls).
    fn section_at(&mut self, p: usize) -> Option<usize> {
        let secs = self.ctx.sections;
        while self.cursor.next < secs.len() && secs[self.cursor.next].span.start <= p {
            let st = secs[self.cursor.next].span.start;
            while let Some(&t) = self.cursor.stack.last() {
                if secs[t].span.end <= st {
                    self.cursor.stack.pop();
                } else {
                    break;
                }
            }
            self.cursor.stack.push(self.cursor.next);
            self.cursor.next += 1;
        }
        while let Some(&t) = self.cursor.stack.last() {
            if secs[t].span.end <= p {
                self.cursor.stack.pop();
            } else {
                break;
            }
        }
        self.cursor.stack.last().copied()
    }

    fn kind_now(&self) -> SectionKind {
        let secs = self.ctx.sections;
        for &t in self.cursor.stack.iter().rev() {
            if let Some(s) = secs.get(t) {
                if s.kind != SectionKind::Other {
                    return s.kind;
                }
            }
        }
        SectionKind::Other
    }

    /// The state carried to the next sentence, with the fields no later step reads set
    /// to their resting values: `est_mode_top` is read only in 下同 mode; `list_year`,
    /// `dry_sentences`, `list_started_here` and `para_items` only in a list (which sets
    /// them when it starts); `follow_year` only while `follow > 0`.
    fn carried(&self) -> Carry {
        let c = self.carry;
        let list = c.list_mode;
        Carry {
            est_mode_top: c.est_mode_top.filter(|_| c.est_mode),
            list_year: c.list_year.filter(|_| list),
            follow_year: c.follow_year.filter(|_| c.follow > 0),
            para_items: if list { c.para_items } else { 0 },
            list_started_here: list && c.list_started_here,
            dry_sentences: if list { c.dry_sentences } else { 0 },
            ..c
        }
    }

    /// Reads sentence after sentence from `self.pos` to the end of the text, or until
    /// `stop` (asked at every sentence start) says so.
    fn run(&mut self, mut stop: impl FnMut(&Self) -> bool) {
        while self.pos < self.ctx.text.len() {
            if stop(self) {
                return;
            }
            self.step();
        }
    }

    /// Reads the sentence at `self.pos` and moves past it (one function for every
    /// `stop` of [`Extractor::run`]).
    fn step(&mut self) {
        let text = self.ctx.text;
        let pos = self.pos;
        // Find the sentence end.
        let mut end = text.len();
        let mut dlen = 0;
        let mut para_end = false;
        if let Some((j, c)) = next_sentence_end(text, pos) {
            end = j;
            dlen = c.len_utf8();
            para_end = c == '\n' || c == '\r';
        }
        if self.carry.para_start {
            self.carry.para_items = 0;
            self.carry.para_has_text = false;
            self.carry.list_started_here = false;
        }
        let was_list = self.carry.list_mode;
        let blank = text[pos..end].trim().is_empty();
        let before = self.out.len();
        if !blank {
            self.carry.para_has_text = true;
            self.sentence(pos, end, self.carry.para_start);
        }
        if self.carry.list_mode && !was_list {
            self.carry.list_started_here = true;
            self.carry.dry_sentences = 0;
        } else if self.carry.list_mode && !blank {
            // One-line texts have no paragraphs: three sentences without a figure end the list.
            self.carry.dry_sentences = if self.out.len() == before { self.carry.dry_sentences + 1 } else { 0 };
            if self.carry.dry_sentences >= 3 {
                self.carry.list_mode = false;
            }
        }
        if para_end || end >= text.len() {
            if self.carry.list_mode && self.carry.para_has_text && self.carry.para_items == 0 && !self.carry.list_started_here {
                self.carry.list_mode = false;
            }
            if self.carry.para_has_text {
                self.carry.follow = 0;
            }
            self.carry.para_start = true;
        } else {
            self.carry.para_start = false;
        }
        self.pos = end + dlen;
        if dlen == 0 {
            self.pos = text.len();
        }
    }

    /// Reads the sentence `s..e` (not blank: [`Extractor::run`] passes over those).
    fn sentence(&mut self, s: usize, e: usize, para_start: bool) {
        let text = self.ctx.text;
        let sent = &text[s..e];
        self.carry_full.clear();
        self.carry_names.clear();
        self.said.clear();
        self.said_from = 0;
        self.growth_pct = false;
        self.pending = None;
        let sec = self.section_at(s);
        let kind = self.kind_now();
        if para_start {
            let top = self.cursor.stack.first().and_then(|&t| self.ctx.sections.get(t));
            self.carry.para_five = top.is_some_and(|t| five_words(&t.heading, t.heading.match_indices('五').map(|(k, _)| k)));
        }
        if five_words(sent, self.marks.all(3, s, e).iter().map(|&p| p - s)) {
            self.carry.para_five = true;
        }
        {
            let t = sent.trim_start();
            if para_start {
                // (五年来, 过去五年 …: the spans longer than a bare 五年)
                self.carry.para_span = gap::SPANS.iter().find(|(w, _)| w.chars().count() > 2 && t.starts_with(w)).map(|&(_, n)| n);
            } else if ["过去一年", "一年来", "去年", "上年"].iter().any(|w| t.starts_with(w)) {
                self.carry.para_span = None;
            }
        }
        if self.carry.est_mode {
            let top = self.cursor.stack.first().copied();
            if matches!(kind, SectionKind::Plan | SectionKind::FiveYear | SectionKind::SelfBuild)
                || (self.carry.est_mode_top.is_some() && top != self.carry.est_mode_top)
            {
                self.carry.est_mode = false;
            }
        }
        let _ = sec;
        // Sentence flags.
        let mut flags = SentFlags {
            est_from: usize::MAX,
            tgt_from: usize::MAX,
            tgt_year: None,
            lead_year: None,
            lead_since: false,
            to_year: None,
            to_year_from: usize::MAX,
            plan: None,
            plan_from: usize::MAX,
            past: false,
            paren: false,
            partial: Vec::new(),
        };
        self.partial_at(s, e, &mut flags);
        // Marker positions were found once over the whole text (SIMD memmem); a
        // sentence only asks whether one falls inside it.
        let c_yu = self.marks.any(0, s, e);
        let c_biao = self.marks.any(1, s, e);
        let c_dao = self.marks.any(2, s, e);
        if let Some(k) = if c_dao { self.marks.first(2, s, e).map(|p| p - s) } else { None } {
            if let Some(y) = year_before(&sent[k + 3..]).filter(|_| sent.get(k + 7..k + 10) == Some("年")) {
                flags.to_year = Some(y);
                flags.to_year_from = s + k;
            }
        }
        // `“十三五”期间` / `到“十四五”末`: a named plan (every name ends in 五).
        if self.marks.any(3, s, e) {
            if let Some((p, (a, b), end_mark)) = plan_period(sent) {
                if end_mark {
                    if flags.to_year.is_none() {
                        flags.to_year = Some(b);
                        flags.to_year_from = s + p;
                    }
                } else {
                    flags.plan = Some((a, b));
                    flags.plan_from = s + p;
                    // A plan still to come: its last year is the goal year.
                    if flags.to_year.is_none() && self.ctx.report_year.is_some_and(|r| b > r) {
                        flags.to_year = Some(b);
                        flags.to_year_from = s + p;
                    }
                }
            }
        }
        // The five-year review after a year's review: 下同 no longer applies.
        if para_start && self.carry.est_mode && (sent.contains("五年") || sent.contains("5年")) {
            self.carry.est_mode = false;
        }
        let has_yuji = c_yu;
        // `（预计、下同）`, `以下数据均为预计数`, `文中2018年数据为预计数`: estimates from here on.
        if has_yuji && ["下同", "以下数", "以下各", "以下指标", "均为预计", "均系预计", "文中", "本报告中"].iter().any(|w| sent.contains(w)) {
            self.carry.est_mode = true;
            self.carry.est_mode_top = self.cursor.stack.first().copied();
            flags.est_from = s;
        }
        let mut search = 0;
        while let Some(k) = if has_yuji { sent[search..].find("预计") } else { None } {
            let at = search + k;
            let before = sent[..at].chars().next_back();
            if matches!(before, Some('（') | Some('(')) {
                // `增长7.6%（预计数）`, `1230亿元（预计），增长7.6%`: a note on the sentence's figures.
                flags.est_from = s;
                break;
            }
            if !matches!(before, Some('年') | Some('比') | Some('较')) {
                flags.est_from = flags.est_from.min(s + at);
                break;
            }
            search = at + "预计".len();
        }
        // Every trigger contains 标 (目标/指标): one memchr-fast check first.
        let has_biao = c_biao;
        // The first occurrence of each trigger holds one of the sentence's 标: test the
        // triggers around those only (the earliest, then the smallest word, wins as before).
        let trigger = if has_biao {
            let tb = text.as_bytes();
            let mut best: Option<(usize, &str)> = None;
            for &p in self.marks.all(1, s, e) {
                for &w in TRIGGERS {
                    let o = w.find('标').unwrap_or(0);
                    let Some(start) = p.checked_sub(o) else { continue };
                    if start < s || start + w.len() > e || &tb[start..start + w.len()] != w.as_bytes() {
                        continue;
                    }
                    let cand = (start - s, w);
                    if best.is_none_or(|b| cand < b) {
                        best = Some(cand);
                    }
                }
            }
            best
        } else {
            None
        };
        if let Some((k, w)) = trigger {
            flags.tgt_from = s + k;
            flags.tgt_year = year_before(&sent[..k]);
            self.carry.est_mode = false;
            let trimmed = sent.trim_end();
            let tail = trimmed.trim_end_matches([':', '：']);
            // `…安排如下。` or a passage whose items follow on their own lines (`…目标是：⏎`).
            if tail.ends_with("如下") || (tail.len() < trimmed.len() && !sent[k..].contains(['，', ','])) {
                self.carry.list_mode = true;
                self.carry.list_year = flags.tgt_year;
            } else {
                self.carry.follow = 1;
                self.carry.follow_year = flags.tgt_year;
            }
            let _ = w;
        } else if self.carry.follow > 0 && !para_start {
            self.carry.follow -= 1;
            if !(sent.contains("去年") || sent.contains("过去") || sent.contains("上年")) {
                flags.tgt_from = s;
                flags.tgt_year = self.carry.follow_year;
            }
        }
        if self.carry.list_mode && flags.tgt_from == usize::MAX {
            flags.tgt_from = s;
            flags.tgt_year = self.carry.list_year;
        }
        let t = sent.trim_start();
        flags.lead_year = {
            t.get(..4)
                .and_then(|y| y.parse::<i32>().ok())
                .filter(|y| (1900..=2100).contains(y) && t.get(4..7) == Some("年"))
        };
        flags.lead_since = flags.lead_year.is_some() && t.get(7..).is_some_and(|r| r.starts_with("以来") || r.starts_with("来，"));
        {
            flags.past = ["去年", "过去", "上年", "回顾", "一年来", "五年来"].iter().any(|w| t.starts_with(w))
                || matches!((flags.lead_year, self.ctx.review_year), (Some(y), Some(r)) if y <= r);
        }
        // Clauses.
        let mut cs = s;
        let mut depth = 0i32;
        let mut from = s;
        while let Some((at, c)) = next_clause_end(&text[..e], from) {
            from = at + c.len_utf8();
            // 县（市、区）, 村（社区）: kinds in brackets are part of the noun, no clause end
            // 细颗粒物（PM2.5）, 二氧化硫(SO2): a noun's Latin name in brackets, the same
            if c == '（' || c == '(' {
                if let Some(len) = clauses::kinds_bracket(&text[..e], at).filter(|_| c == '（').or_else(|| clauses::alias_bracket(&text[..e], at)) {
                    from = at + len;
                    continue;
                }
            }
            // Thousands comma / ratio colon inside a number.
            if matches!(c, '，' | ',') && at > 0 && text.as_bytes()[at - 1].is_ascii_digit()
                && numbers::is_thousands_sep(&text.as_bytes()[at..])
            {
                continue;
            }
            if matches!(c, ':' | '：' | '∶')
                && at > 0
                && text.as_bytes()[at - 1].is_ascii_digit()
                && numbers::digit(&text.as_bytes()[at + c.len_utf8()..]).is_some()
            {
                continue;
            }
            flags.paren = depth > 0;
            self.clause(cs, at, &flags);
            match c {
                '（' | '(' => depth += 1,
                '）' | ')' => depth = (depth - 1).max(0),
                _ => {}
            }
            cs = at + c.len_utf8();
            if matches!(c, '；' | ';') {
                self.said_from = self.said.len();
                self.partial_at(cs, e, &mut flags);
            }
        }
        flags.paren = depth > 0;
        self.clause(cs, e, &flags);
    }

    /// Part of a year (`1—11月`, `前三季度`) opening the text at `at` (a sentence or a
    /// clause after `；`, up to `e`): the period of the figures from there on.
    fn partial_at(&self, at: usize, e: usize, flags: &mut SentFlags) {
        let t = &self.ctx.text[at..e];
        let lead = t.len() - t.trim_start().len();
        if let Some(l) = partial_year(&t[lead..]) {
            let a = at + lead;
            flags.partial.push((a, a, a + l));
        }
    }

    fn clause(&mut self, cs: usize, ce: usize, flags: &SentFlags) {
        let text = self.ctx.text;
        let Some(clause) = text.get(cs..ce) else { return };
        let mut items = std::mem::take(&mut self.items);
        items.clear();
        scan::scan(clause, &mut items);
        // (clauses come in text order: the marks' cursor only moves forward)
        self.done_at = if items.is_empty() { None } else { self.marks.first(4, cs, ce).map(|p| p - cs) };
        if items.is_empty() {
            // Only a short topic clause (农业，… / 工农业总产值，…) lends its subject: one of
            // 1..=12 chars (counted, and read, only when a figure asks: `take_pending`).
            // A clause in brackets leaves the pending one as it is.
            if !flags.paren {
                let short = clause.len() <= 12 * 3 + 8 || clause.len() <= 24 * 3 && topic_end(clause).flatten().is_some();
                self.pending = short.then_some(clause);
            }
            self.items = items;
            return;
        }
        // Clause span, trimmed.
        let lead = clause.len() - clause.trim_start().len();
        let trail = clause.len() - clause.trim_end().len();
        let sspan = Span::new(cs + lead, ce - trail.min(clause.len() - lead));
        // Group into runs joined by list connectors only.
        let mut k = 0;
        let mut prev_after = 0usize;
        while k < items.len() {
            let mut r_end = k + 1;
            while r_end < items.len() {
                let between = clause.get(items[r_end - 1].after..items[r_end].start).unwrap_or("x");
                let t = between.trim_matches(|c: char| matches!(c, '、' | '和' | '与' | '及' | '或' | ' ' | '\u{3000}'));
                if t.is_empty() || t == "以及" {
                    r_end += 1;
                } else {
                    break;
                }
            }
            let gstart = prev_after.max(items[k].start.saturating_sub(MAX_GAP));
            let mut gs = gstart;
            while gs < items[k].start && !clause.is_char_boundary(gs) {
                gs += 1;
            }
            let gap_text = clause.get(gs..items[k].start).unwrap_or("");
            let (mut g, subject) = gap::read_borrowed(gap_text);
            self.emit_run(clause, cs, sspan, &items[k..r_end], &mut g, subject, flags);
            prev_after = items[r_end - 1].after;
            k = r_end;
        }
        self.pending = None;
        self.items = items;
    }

    /// The subject the pending topic clause lends (taking it): its gap's subject when
    /// the clause is 1..=12 chars and the subject is not empty, has no digit and comes
    /// with no verb.
    fn take_pending(&mut self) -> Option<&'a str> {
        let clause = self.pending.take()?;
        // 经济总量连续跨越两个千亿台阶，年均增长6.4%: the thing before the milestone.
        // 各项工作迈上新台阶: a step with no size names no figure.
        let clause = match topic_end(clause) {
            None => clause,
            Some(Some(k)) => &clause[..k],
            Some(None) => return None,
        };
        let chars = clause.trim().chars().count();
        if !(1..=12).contains(&chars) {
            return None;
        }
        let (g, subject) = gap::read_borrowed(clause);
        let n = if subject.is_empty() { 0 } else { chars };
        let has_digit = subject.bytes().any(|b| b.is_ascii_digit());
        ((1..=12).contains(&n) && !has_digit && g.verb.is_none()).then(|| without_trend(subject))
    }
}

/// Where the thing a topic clause names ends, when the clause goes on to say more of
/// it: a step passed ([`milestone_at`]) or keeping pace (`城乡居民人均可支配收入增长与经济增长同步`,
/// then `分别增长5.5%、7%`).
fn topic_end(clause: &str) -> Option<Option<usize>> {
    milestone_at(clause).or_else(|| {
        let c = clause.trim_end();
        let k = c.strip_suffix("同步")?.find('与')?;
        let k = if c[..k].ends_with("增长") { k - "增长".len() } else { k };
        Some((k > 0).then_some(k))
    })
}

/// A clause with no figure that ends in a step passed (台阶 / 大关 / 关口): `Some(Some(k))`
/// when the step has a size (`经济总量连续跨越两个千亿台阶`; `k` is where its verb, or the
/// adverb before it, begins), `Some(None)` when it has none (`各项工作迈上新台阶`).
fn milestone_at(clause: &str) -> Option<Option<usize>> {
    const VERBS: [&str; 8] = ["跨越", "连跨", "迈上", "跃上", "跨上", "站上", "迈过", "突破"];
    const ADVERBS: [&str; 5] = ["连续", "成功", "相继", "先后", "顺利"];
    let c = clause.trim_end();
    if !["台阶", "大关", "关口"].iter().any(|w| c.ends_with(w)) {
        return None;
    }
    let Some(k) = VERBS.iter().filter_map(|v| c.find(v)).min() else { return Some(None) };
    if !c[k..].contains(['亿', '万', '千', '百']) && !c[k..].bytes().any(|b| b.is_ascii_digit()) {
        return Some(None);
    }
    let k = ADVERBS.iter().find(|a| c[..k].ends_with(*a)).map_or(k, |a| k - a.len());
    Some((k > 0).then_some(k))
}

/// `进出口总额逆势上扬` → `进出口总额`: a topic clause that says how a thing went (an
/// adverb and a verb of moving, four chars) names the thing.
fn without_trend(subject: &str) -> &str {
    const HOW: [&str; 12] = ["逆势", "稳步", "持续", "快速", "大幅", "较快", "企稳", "止跌", "明显", "显著", "平稳", "强劲"];
    const MOVED: [&str; 8] = ["上扬", "增长", "回升", "攀升", "上升", "提升", "向好", "下降"];
    MOVED
        .iter()
        .find_map(|m| subject.strip_suffix(m))
        .and_then(|h| HOW.iter().find_map(|w| h.strip_suffix(w)))
        .filter(|t| t.chars().count() >= 2)
        .unwrap_or(subject)
}

#[cfg(test)]
mod tests;
