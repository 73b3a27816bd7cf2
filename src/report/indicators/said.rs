//! A subject that is only part of a name, completed by what the sentence said just
//! before it (the last subject named in the sentence):
//! - a crop's total or bare measure: `粮食播种面积稳定在120万亩，总产量达到52.3万吨` →
//!   粮食总产量, `…，产量稳定在46万吨以上` → 粮食产量;
//! - a bare total: `地区生产总值增长6.5%，总量突破3000亿元` → 地区生产总值,
//!   `新增上市公司3家，总数达到25家` → 上市公司总数;
//! - a share with no part: `R&D经费支出突破1500亿元，占GDP比重2.7%` → R&D经费支出占GDP比重;
//! - a verb of reaching people: `改造棚户区住房58万套，惠及200多万人` → 改造棚户区住房惠及;
//! - a bare rate: `利润总额下降5.2%，降幅比上半年收窄8个百分点` → 利润总额降幅;
//! - a verb of adding alone: `新建5G基站3000个，累计建成1.2万个` → 建成5G基站;
//! - a group of residents alone: `居民人均可支配收入增长5.2%，其中农村居民增长6.6%` →
//!   农村居民人均可支配收入.

use super::scan;

/// Subjects that are a total of something named elsewhere (a topic clause before, or
/// the sentence's last subject).
pub(super) const TOTAL_HEADS: &[&str] = &["总产值", "总产量", "总值", "总量", "总额", "总数", "总规模", "总里程", "总面积"];

/// The whole name of `subject` given `said`, the sentence's last subject (if any);
/// `people`: the figure counts people. None when `subject` is whole already.
pub(super) fn complete(said: Option<&str>, subject: &str, people: bool) -> Option<String> {
    let said = said.filter(|s| !s.is_empty())?;
    if let Some(projects) = is_investment_alone(subject).then(|| projects_of(said)).flatten() {
        return Some(format!("{projects}{subject}"));
    }
    if TOTAL_HEADS.iter().any(|w| subject.starts_with(w)) {
        // a total is of all the things, not of those added (新增耕地面积… 总面积)
        let said = stock_of(said).unwrap_or(said);
        if let Some(crop) = crop_of(said) {
            return Some(format!("{crop}{subject}"));
        }
        return total_of(said, subject);
    }
    // 粮食播种面积稳定在135万亩，产量稳定在46万吨以上: a crop's bare measure is of the crop
    if matches!(subject, "产量" | "单产" | "播种面积" | "种植面积") {
        if let Some(crop) = crop_of(stock_of(said).unwrap_or(said)) {
            return Some(format!("{crop}{subject}"));
        }
    }
    // 高新技术企业达到1000家，新增120家 / 新建5G基站3000个，累计建成1.2万个: a verb
    // of adding alone adds to what was said.
    // After a figure of what happened to things (重大工程项目开工123个、建成30个) the
    // things are named first, as the sentence did.
    if NEW_WORDS.contains(&subject) {
        if let Some(things) = STAGES.iter().find_map(|v| said.strip_suffix(v)) {
            return (things.chars().count() >= 2).then(|| format!("{things}{subject}"));
        }
        let noun = stock_of(said).unwrap_or(said);
        return (noun.chars().count() >= 2).then(|| format!("{subject}{noun}"));
    }
    // 地区生产总值突破5000亿元，增速较全省高1.2个百分点: a bare rate is of what was said
    // (同比增长幅度达到9.6%: said with 同比 before it too)
    const RATES: [&str; 7] = ["增速", "增幅", "增长速度", "增长幅度", "降幅", "涨幅", "上涨幅度"];
    let rate = subject.strip_prefix("同比").unwrap_or(subject);
    if RATES.contains(&rate) {
        let base = RATES.iter().find_map(|w| said.strip_suffix(w)).unwrap_or(said);
        return (base.chars().count() >= 2).then(|| format!("{base}{rate}"));
    }
    // 城镇新增就业6.5万人，完成年度目标的130%: the share of the goal met is of what was said
    // (完成全年目标的105%: 全年 is read as when, leaving 目标)
    // (一般公共预算收入176.5亿元，完成预算的103.2%: so is the share of the budget)
    if matches!(subject, "年度目标" | "全年目标" | "年度计划" | "全年计划" | "目标任务" | "年度目标任务" | "年度任务" | "目标" | "计划" | "预算" | "年初预算" | "年度预算" | "调整预算") {
        return Some(format!("{said}完成{subject}"));
    }
    // 居民人均可支配收入增长5.2%，其中农村居民增长6.6%: a group of residents alone is
    // that group's share of what was said of residents
    if !people && matches!(subject, "农村居民" | "城镇居民" | "城市居民" | "城乡居民" | "农民") {
        if let Some(k) = said.rfind("居民").or_else(|| said.rfind("农民")) {
            let what = &said[k + "居民".len()..];
            if what.chars().count() >= 2 && what.contains(['收', '支', '消']) {
                return Some(format!("{subject}{what}"));
            }
        }
    }
    if people && scan::reach_verb_only(subject) {
        return Some(format!("{said}{}", subject.trim_end_matches('了')));
    }
    // 占地面积 is land taken, not a share; 占地区生产总值比重 is a share of the region's output.
    let land = subject.starts_with("占地") && !subject.starts_with("占地区");
    if subject.starts_with('占') && !land && subject.len() > '占'.len_utf8() && !said.contains('占') {
        return Some(format!("{said}{subject}"));
    }
    None
}

/// `投资`, `总投资`, `计划总投资`, `年度完成投资`, `年度投资`: an investment with no word of what in.
fn is_investment_alone(subject: &str) -> bool {
    subject.strip_suffix("投资").is_some_and(|h| {
        ["", "总", "计划总", "完成", "年度完成", "累计完成", "当年完成", "年度", "当年", "年度计划"].contains(&h)
    })
}

/// The projects a name counts or measures (`实施省市重点项目` → 省市重点项目,
/// `省市重点项目总投资` → 省市重点项目): what an investment said alone after it is of
/// (`重点项目150个，总投资2000亿元，年度完成投资500亿元`).
fn projects_of(said: &str) -> Option<&str> {
    let k = said.rfind("项目")? + "项目".len();
    if !(k == said.len() || is_investment_alone(&said[k..])) {
        return None;
    }
    let p = &said[..k];
    let p = ["计划实施", "实施", "推进", "谋划", "安排", "建设"].iter().find_map(|v| p.strip_prefix(v)).unwrap_or(p);
    (p.chars().count() > 2).then_some(p)
}

/// What a sown area or output is of (`粮食播种面积` → 粮食), for a 总产量 after it.
fn crop_of(name: &str) -> Option<&str> {
    let k = ["播种面积", "种植面积", "面积", "单产", "产量"].iter().filter_map(|w| name.find(w)).min()?;
    (name[..k].chars().count() >= 2).then_some(&name[..k])
}

/// Words that make a name a count of what was added (`新增上市公司`, `新登记市场主体`,
/// `设立产业基金`): the total is of the rest.
pub(super) const NEW_WORDS: &[&str] = &[
    "新登记", "新注册", "新认定", "新培育", "新引进", "新设立", "新设", "新发展", "新建", "新增", "认定", "培育", "引进", "设立", "建成",
];

/// What happens to projects and plants, said after their name (`项目开工`, `企业投产`).
const STAGES: &[&str] = &["开工", "竣工", "完工", "投产", "建成", "签约", "落地", "开业", "投用"];

/// What a count of things added counts when it is not the count added: `新增上市公司`
/// → 上市公司 (`新增…企业86家，累计达到350家`: the 350 are all of them). None when
/// `name` says no adding.
pub(super) fn stock_of(name: &str) -> Option<&str> {
    let noun = NEW_WORDS.iter().find_map(|w| name.strip_prefix(w))?;
    (noun.chars().count() >= 2).then_some(noun)
}

/// The name of a bare total (`total`: 总量, 总数, 总里程 …, the whole subject) after a
/// clause that named `said` (its words of adding dropped: [`stock_of`]): `said` itself when
/// it is a total already (`地区生产总值`, `社会消费品零售总额`), else the total of what it
/// counts (`上市公司` → `上市公司总数`) or measures (`高速公路通车里程` → `高速公路通车总里程`).
fn total_of(said: &str, total: &str) -> Option<String> {
    if said.chars().count() < 2 {
        return None;
    }
    // 新增高速公路通车里程560公里、总里程达到9800公里 → 高速公路通车总里程: the total of
    // the measure the clause before named.
    if let Some(measure) = total.strip_prefix('总').filter(|m| ["里程", "面积"].contains(m)) {
        return said.strip_suffix(measure).filter(|h| h.chars().count() >= 2).map(|h| format!("{h}{total}"));
    }
    if !["总量", "总数", "总额", "总值", "总规模"].contains(&total) {
        return None;
    }
    if TOTAL_HEADS.iter().any(|w| said.ends_with(w)) {
        return Some(said.to_string());
    }
    Some(format!("{said}{total}"))
}
