//! What the words right after a figure say it counts: the noun a classifier counts
//! (`建成4条高速公路`), the fund a sum makes up (`安排1000亿元专项奖补资金`), a group of
//! people and what is done for them (`5.2万人实现就业`, `解决3亿多农村人口饮水安全问题`).

use super::scan::{self, Item, Kind};
use super::units::Family;

/// The name of figure `it` of `clause`, given `name` from the words before it (its own
/// `gap_subject` when `own_subject`, else a carried one), and whether the words after it
/// gave the name (a bare 万/亿 so named counts people), and the noun a classifier
/// counts when that named a count of things (`新增3家上市公司` → 上市公司).
pub(super) fn name<'c>(clause: &'c str, it: &Item, name: String, own_subject: bool, gap_subject: &str) -> (String, bool, Option<&'c str>) {
    let after_text = clause.get(it.after..).unwrap_or("");
    let fam = it.unit.map(|u| u.family);
    let mut counted = None;
    let name = match fam {
        // 建成4条高速公路: the classifier counts the noun after it.
        // (after a bound too: 新增10个以上省级园区)
        Some(Family::Count) => {
            counted = classifier_noun(after_text);
            if it.unit.is_some_and(|u| u.base == "个") {
                counted = counted.map(|n| places_measured(after_text, n));
            }
            counted.map_or(name, str::to_string)
        }
        // 5名学者上榜…, 引进10位院士: 名 and 位 count people like a classifier
        Some(Family::People) if it.unit.is_some_and(|u| matches!(u.base, "名" | "位")) => {
            classifier_noun(after_text).map_or(name, str::to_string)
        }
        // 安排1000亿元专项奖补资金: the sum is the fund named after it.
        Some(Family::Money) if it.suffix.is_none() && it.kind == Kind::Normal => match fund_noun(after_text) {
            Some(fund) => fund.to_string(),
            None => issued_noun(&name, after_text).unwrap_or(name),
        },
        _ => name,
    };
    // A bare 万/亿 before a group of people (促进约1亿农业转移人口落户城镇) counts that
    // group whatever comes before it; 5.2万人实现就业, 12.6万贫困人口脱贫: no subject
    // before the figure in its clause (or only a verb that hands its people on), a short
    // predicate after it: the figure counts that.
    let people = if fam == Some(Family::Scale) { scan::people_noun_at(after_text) } else { None };
    let before_noun = if it.kind != Kind::Normal {
        None
    } else if let Some(noun) = people {
        match scan::following_phrase(after_text).filter(|p| *p != noun) {
            Some(p) => Some(p.to_string()),
            // 覆盖农村5亿人口: nothing but the group after the figure; it names
            // whom the clause's own subject counts (a subject carried from an
            // earlier clause is not this figure's).
            None if own_subject && !name.is_empty() && !name.ends_with(noun) => Some(format!("{name}{noun}")),
            None => Some(noun.to_string()),
        }
    } else if fam == Some(Family::People) && own_subject && scan::people_verb_only(gap_subject) {
        scan::following_phrase_within(after_text, 16).map(str::to_string)
    } else if fam == Some(Family::People) && !own_subject {
        scan::following_phrase(after_text).map(str::to_string)
    } else if fam == Some(Family::Physical) && name.is_empty() {
        // 推动12万亩高标准农田建设: nothing before the quantity, so what it measures
        // is said after it
        scan::following_phrase(after_text).map(str::to_string)
    } else {
        None
    };
    let named_after = before_noun.is_some();
    (before_noun.unwrap_or(name), named_after, counted)
}

/// Verbs after a counted noun that say what the items became: the noun alone
/// (`4个村`, `7家单位`) says little, so the name keeps the verb and what follows it
/// (`4个村入选全国乡村旅游重点村` → 村入选全国乡村旅游重点村).
const BECAME: &[&str] = &["入选", "获评", "被评为", "评为", "跻身", "上榜", "荣获", "获批", "被认定为", "认定为", "进入"];

/// Adverbs that may stand between a counted noun and its verb (`村庄基本完成`).
const ADVERBS: &[&str] = &["基本", "全部", "全面", "均", "都", "已经", "陆续", "相继", "先后", "同步", "顺利", "如期"];

/// Ends a counted noun (with the verbs of [`BECAME`]).
const NOUN_STOP: &str = "，。；、：:（）()“”\"获建成实完达通入开投上被纳落签竣累共在与和及居是为占的等位增降提下将已均分各并到超突覆惠带";

/// The noun a classifier counts when it follows the figure: `建成4条高速公路`,
/// `推进5万个行政村通光纤`, `186个贫困村全部出列`, `引进5家世界500强企业`,
/// `安置34.4万名受灾群众`, `8个县（市、区）全部摘帽` → 高速公路, 行政村, 贫困村全部出列,
/// 世界500强企业, 受灾群众, 县（市、区）全部摘帽;
/// with what the items became after a verb of [`BECAME`]
/// (`7家单位获评全国文明单位` → 单位获评全国文明单位).
pub(super) fn classifier_noun(after: &str) -> Option<&str> {
    let words = noun_words(after, 8, true);
    // 列 ends the noun only as the verb 列入 / 列为 (3个项目列入计划), not in 出列 or 系列
    // (入 and 为 stop the run: a 列 right before them is the verb's)
    let mut words = match words.strip_suffix('列') {
        Some(w) if after[words.len()..].starts_with(['入', '为']) => w,
        _ => words,
    };
    // 2800个村庄基本完成…: an adverb before a verb that ends the noun is the verb's
    if after[words.len()..].starts_with(|c: char| NOUN_STOP.contains(c)) {
        while let Some(w) = ADVERBS.iter().find_map(|a| words.strip_suffix(a)) {
            words = w;
        }
    }
    let rest = &after[words.len()..];
    // 8个县（市、区）全部摘帽, 10个村（社区）综合服务中心: the kinds in brackets are the noun's
    if rest.starts_with('（') {
        if let Some(len) = super::clauses::kinds_bracket(after, words.len()) {
            let more = noun_words(&after[words.len() + len..], 8, false);
            return Some(&after[..words.len() + len + more.len()]);
        }
    }
    if let Some(v) = BECAME.iter().find(|v| rest.starts_with(**v)) {
        let rest = &rest[v.len()..];
        // what they became: words (…30强), or a title in quotes (上榜“全球前2%顶尖科学家榜单”)
        let quoted = rest.strip_prefix('“').and_then(|q| Some(&q[..q.find('”')?]));
        let what = match quoted {
            Some(title) if title.chars().count() <= 24 => &rest[..'“'.len_utf8() + title.len() + '”'.len_utf8()],
            _ => noun_words(rest, 14, false),
        };
        if !words.is_empty() && what.chars().count() >= 2 {
            return Some(&after[..words.len() + v.len() + what.len()]);
        }
    }
    (words.chars().count() >= 2).then_some(words)
}

/// Words for places, the last of which ends a counted noun that runs on into what is
/// measured of them ([`places_measured`]); words, not chars (市 begins 市场, 区 ends
/// 地区, which begins 地区生产总值).
const PLACES: [&str; 4] = ["城市", "县市区", "县区", "市县"];

/// `74个重点城市细颗粒物年均浓度下降9.1%`, `338个地级及以上城市优良天数比例达到79.3%`: a
/// noun counted by 个 ([`classifier_noun`], at the start of `after`) that runs on from
/// places into what the same phrase goes on to measure of them (a figure follows, with no
/// `、，；` before it) counts the places: the noun up to its last word of [`PLACES`].
fn places_measured<'a>(after: &'a str, noun: &'a str) -> &'a str {
    let rest = &after[noun.len()..];
    let digit = rest.bytes().position(|b| b.is_ascii_digit());
    let same_phrase = digit.is_some_and(|d| !rest[..d].contains(['、', '，', '；', '。', ',', ';']));
    match PLACES.iter().filter_map(|w| noun.rfind(w).map(|p| p + w.len())).max() {
        Some(p) if same_phrase && p < noun.len() && noun[..p].chars().count() >= 2 => &noun[..p],
        _ => noun,
    }
}

/// Words that begin with a char of [`NOUN_STOP`] (elsewhere it ends a noun: `5家企业上市`,
/// `3个项目开工`, `2个指标位居全省第一`), read whole: `3家上市公司`, `5个在建项目`,
/// `2个国家级开发区`, `7家单位`, `146处历史建筑`.
const WHOLE_WORDS: &[&str] = &["上市", "在建", "开发区", "单位", "建筑", "实事", "实体", "实训", "实验"];

/// The noun at the start of `after` (at most `max` chars): ideographs up to a
/// [`NOUN_STOP`] char or a verb of [`BECAME`], reading [`WHOLE_WORDS`] whole, a rank or
/// grade inside it (`世界500强`, `4A级`, `5G`), and — when `and` — a short second noun
/// joined by 和/与/及 that ends the clause (`工地和险区群众`), or a list of short nouns
/// joined by 、 that ends it (`省外校长、教师`).
fn noun_words(after: &str, max: usize, and: bool) -> &str {
    let is_word = |c: char| scan::is_han(c) && !NOUN_STOP.contains(c);
    let (mut end, mut n) = (0, 0);
    while n < max {
        let rest = &after[end..];
        if n > 0 && (BECAME.iter().any(|v| rest.starts_with(*v)) || ["进行", "开展"].iter().any(|v| rest.starts_with(*v))) {
            break;
        }
        if let Some(w) = WHOLE_WORDS.iter().find(|w| rest.starts_with(**w)) {
            end += w.len();
            n += w.chars().count();
            continue;
        }
        // a bound inside the noun (规模以上工业企业, 地级及以上城市, 限额以上商贸企业), read
        // through when a noun goes on after it (not 20家企业以上, a bound of the figure)
        if n > 0 {
            if let Some(w) = ["以上", "及以上"].iter().find(|w| rest.starts_with(**w)) {
                if rest[w.len()..].starts_with(is_word) {
                    end += w.len();
                    n += w.chars().count();
                    continue;
                }
            }
        }
        // a rank or grade: digits then 强, or digits and letters then a word (not a bare
        // number: 3个项目2023年开工)
        let ascii = rest.bytes().take_while(u8::is_ascii_alphanumeric).count();
        let letters = rest[..ascii].bytes().any(|b| b.is_ascii_alphabetic());
        if ascii > 0 && ascii <= 6 && ((n > 0 && rest[ascii..].starts_with('强')) || (letters && rest[ascii..].starts_with(is_word))) {
            end += ascii;
            n += 1;
            continue;
        }
        match rest.chars().next() {
            Some(c) if is_word(c) => {
                end += c.len_utf8();
                n += 1;
            }
            Some('、') if and && n > 0 => {
                // a list of short nouns that ends the clause: 省外校长、教师(、医生)
                let mut at = end;
                while let Some(list) = after[at..].strip_prefix('、') {
                    let tail = scan::han_words(list, NOUN_STOP, 7);
                    if !(2..=6).contains(&tail.chars().count()) {
                        break;
                    }
                    at += '、'.len_utf8() + tail.len();
                    match after[at..].chars().next() {
                        Some('、') => {}
                        None | Some('，' | '。' | '；') => {
                            end = at;
                            break;
                        }
                        _ => break,
                    }
                }
                break;
            }
            Some(c @ ('和' | '与' | '及')) if and && n > 0 => {
                let tail = scan::han_words(&rest[c.len_utf8()..], NOUN_STOP, 7);
                let next = rest[c.len_utf8() + tail.len()..].chars().next();
                let k = tail.chars().count();
                if (2..=6).contains(&k) && !next.is_some_and(scan::is_han) {
                    end += c.len_utf8() + tail.len();
                }
                break;
            }
            _ => break,
        }
    }
    &after[..end]
}

/// Verbs that raise or hand out a sum (`地方发行2000亿元债券`).
const FUND_VERBS: &[&str] = &["发行", "发放", "筹集", "募集", "争取", "安排"];

/// A sum named by a bare fund word after it when the words before it end in a verb of
/// raising or handing out money (`国务院同意地方发行2000亿元债券` → 地方债券: the issuer,
/// when it is 地方 / 地方政府 / 企业, comes first). `name`: the words before, as read.
fn issued_noun(name: &str, after: &str) -> Option<String> {
    let before = FUND_VERBS.iter().find_map(|v| name.strip_suffix(v))?;
    let word = scan::han_words(after, "的和及与为是将在用于等", 4);
    let fund = FUND_HEADS.iter().find(|w| word == **w && !matches!(**w, "资金" | "投资"))?;
    let issuer = ["地方政府", "地方", "企业"].into_iter().find(|w| before.ends_with(w)).unwrap_or("");
    Some(format!("{issuer}{fund}"))
}

/// Words a sum of money names when they end the words right after it.
const FUND_HEADS: &[&str] = &["资金", "基金", "债券", "国债", "专项债", "贷款", "补助", "补贴", "奖补", "资本金", "转移支付", "投资"];

/// The fund a sum of money is (`安排1000亿元专项奖补资金`, `用好1800亿元引导基金`,
/// `发行600亿元地方政府债券`): the words right after the figure, up to and including
/// the last fund word among them (three chars or more: a bare `资金` says nothing).
pub(super) fn fund_noun(after: &str) -> Option<&str> {
    let words = scan::han_words(after, "的和及与为是将在用于等", 14);
    let cut = FUND_HEADS.iter().filter_map(|w| words.rfind(w).map(|k| k + w.len())).max()?;
    (words[..cut].chars().count() >= 3).then_some(&words[..cut])
}
