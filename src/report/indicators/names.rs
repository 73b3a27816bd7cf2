//! Canonical indicator keys: synonyms across years and government levels map to
//! one key (国内生产总值 / 地区生产总值 / GDP / 生产总值 / 经济增长 → `gdp`).
//!
//! Rules are checked in order; the first whose every `all` word occurs in the
//! name and none of whose `none` words occur wins. More specific rules come first
//! (单位地区生产总值能耗 is energy, not GDP).

struct Rule {
    key: &'static str,
    /// At least one of these must occur.
    any: &'static [&'static str],
    /// All of these must occur too.
    all: &'static [&'static str],
    /// None of these may occur.
    none: &'static [&'static str],
}

const fn r(
    key: &'static str,
    any: &'static [&'static str],
    all: &'static [&'static str],
    none: &'static [&'static str],
) -> Rule {
    Rule { key, any, all, none }
}

/// Groups whose income is not the region's (`GROUPS` in the income rules' `none`).
const GROUPS: &[&str] = &["脱贫", "贫困", "低收入"];

/// Words that make a trade word part of something else: a tax rebate (出口退税), a
/// time (通关时间), firms counted (有进出口实绩企业, 外贸主体), a ratio (外贸依存度).
/// …and a part of the region's trade: a zone's, a kind's, a partner's, a good's
/// (综合保税区进出口额, 跨境电商进出口, 对东盟进出口, 机电产品出口).
const NOT_TRADE: &[&str] = &[
    "退税", "时间", "时限", "企业", "实绩", "主体", "依存度", "保税", "自贸", "园区", "开发区", "高新区", "口岸",
    "跨境电商", "服务贸易", "加工贸易", "一般贸易", "一带一路", "东盟", "欧盟", "机电", "高新技术产品", "农产品",
];

static RULES: &[Rule] = &[
    r("energy_intensity", &["能耗", "能源消耗", "能源消费强度"], &[], &[]),
    r(
        "rd_intensity",
        &["研发投入强度", "研发经费投入强度", "研究与试验发展经费投入强度", "R&D经费投入强度", "R&D投入强度", "研发经费支出占", "研发经费投入占", "研究与试验发展经费支出占"],
        &[],
        &[],
    ),
    // 研发经费支出与国内生产总值之比, 全社会研发支出占GDP比重: R&D intensity, never GDP.
    r("rd_intensity", &["研发", "研究与试验发展", "R&D"], &["之比"], &[]),
    r("rd_intensity", &["研发", "研究与试验发展", "R&D"], &["生产总值", "比重"], &[]),
    r("rd_intensity", &["研发", "研究与试验发展", "R&D"], &["GDP", "比重"], &[]),
    r("urbanization_rate", &["城镇化率"], &[], &[]),
    r("pm25", &["PM2.5", "PM2．5", "细颗粒物"], &[], &[]),
    r("air_quality_good_days", &["优良天数"], &[], &[]),
    r("forest_coverage", &["森林覆盖率"], &[], &[]),
    r("urban_unemployment_surveyed", &["调查失业率"], &[], &[]),
    r("urban_unemployment_registered", &["登记失业率", "城镇失业率"], &[], &[]),
    r("urban_new_jobs", &["新增就业", "新增城镇就业", "城镇就业新增", "新增城镇就业人员"], &[], &["失业"]),
    // (零售物价涨幅: the retail price index's rise, below)
    r("cpi", &["居民消费价格", "CPI", "物价总水平", "消费物价", "物价涨幅"], &[], &["零售"]),
    // 全国零售物价总指数, 商品零售价格总水平 (the price target of 1980s–90s reports): not CPI.
    r("retail_price_index", &["零售物价", "零售价格"], &[], &[]),
    // The income of a group (脱贫县农村居民, 贫困地区农民, 低收入农户) is not the region's.
    r("rural_net_income", &["纯收入"], &[], GROUPS),
    r("urban_disposable_income", &["可支配收入"], &["城镇"], &["城乡", "脱贫", "贫困", "低收入"]),
    r("rural_disposable_income", &["可支配收入"], &["农村"], &["城乡", "脱贫", "贫困", "低收入"]),
    r("rural_disposable_income", &["可支配收入"], &["农民"], GROUPS),
    r("disposable_income", &["可支配收入"], &[], GROUPS),
    r("population_growth", &["人口自然增长率", "人口增长率"], &[], &[]),
    r("primary_industry_value_added", &["第一产业增加值", "一产增加值", "农业增加值"], &[], &[]),
    r("secondary_industry_value_added", &["第二产业增加值", "二产增加值"], &[], &[]),
    r("services_value_added", &["第三产业增加值", "三产增加值", "服务业增加值"], &[], &[]),
    r("industrial_value_added", &["工业增加值"], &[], &[]),
    r("industrial_output", &["工业总产值"], &[], &["工农业"]),
    r("agricultural_industrial_output", &["工农业总产值"], &[], &[]),
    r("agricultural_output", &["农业总产值"], &[], &[]),
    // (固投, 社零: the short names reports use too)
    r("fixed_asset_investment", &["固定资产投资", "固投"], &[], &[]),
    // (限额以上, 农村/城镇: a part of the region's sales)
    r("retail_sales", &["消费品零售总额", "商品零售总额", "消费品零售额", "社零", "社消零"], &[], &["限额以上", "限上", "农村", "乡村", "城镇"]),
    r("general_budget_revenue", &["一般公共预算收入", "公共财政收入", "地方财政收入", "一般预算收入", "公共财政预算收入"], &[], &[]),
    r("fiscal_expenditure", &["一般公共预算支出", "公共财政支出", "财政支出", "一般预算支出"], &[], &[]),
    r("tax_revenue", &["税收收入"], &[], &[]),
    r("fiscal_revenue", &["财政收入", "财政总收入"], &[], &[]),
    r("deficit_ratio", &["赤字率"], &[], &[]),
    r("fiscal_deficit", &["赤字"], &[], &[]),
    r("local_special_bonds", &["专项债"], &[], &[]),
    // 进出口 (总额) is trade; 外贸出口 and 出口总额 are exports, before 外贸 alone is trade.
    r("trade", &["进出口"], &[], NOT_TRADE),
    r("exports", &["外贸出口", "出口总额"], &[], NOT_TRADE),
    r("trade", &["外贸", "对外贸易"], &[], NOT_TRADE),
    r("exports", &["出口"], &[], NOT_TRADE),
    r("imports", &["进口"], &[], NOT_TRADE),
    r("fdi", &["外商直接投资"], &[], &[]),
    r("foreign_investment", &["实际使用外资", "利用外资", "实际利用外资", "使用外资", "到位外资"], &[], &[]),
    r("grain_output", &["粮食"], &[], &["播种面积", "储备"]),
    r("m2", &["M2", "广义货币"], &[], &["PM2", "PM10"]),
    // Workers from poor households in jobs (脱贫劳动力务工规模) are not people lifted out.
    r("poverty_reduction", &["脱贫", "减贫", "贫困人口"], &[], &["收入", "劳动力", "务工", "就业"]),
    r("industry_structure", &["产业结构", "三次产业"], &[], &[]),
    r("gdp_per_capita", &["人均生产总值", "人均地区生产总值", "人均国内生产总值", "人均GDP"], &[], &[]),
    // Gross national product (1980s–90s reports) and the material-product 国民收入: not GDP.
    r("gnp", &["国民生产总值"], &[], &["人均"]),
    r("national_income", &["国民收入"], &[], &["人均", "分配"]),
    // (a zone's output is part of the region's: 高新区地区生产总值)
    r(
        "gdp",
        &["生产总值", "GDP", "经济增长", "经济增速", "经济总量"],
        &[],
        &["能耗", "比重", "占", "之比", "比例", "贡献率", "单位", "用水", "用地", "高新区", "开发区", "经开区", "园区", "示范区", "自贸区", "保税区", "县市区", "县区", "市县"],
    ),
];

/// Needles indexed by their first char; each needle has a bit.
struct Index {
    by_first: crate::report::fxhash::FxHashMap<char, Vec<(&'static str, usize)>>,
    /// First chars of the needles as a bit set over the BMP: most chars are rejected at once.
    first: Vec<u64>,
    /// Per rule: bit masks of its any / all / none needles.
    rules: Vec<([u64; 4], Vec<usize>, [u64; 4])>,
}

fn index() -> &'static Index {
    static IDX: std::sync::OnceLock<Index> = std::sync::OnceLock::new();
    IDX.get_or_init(|| {
        let mut ids: Vec<&'static str> = Vec::new();
        let id_of = |w: &'static str, ids: &mut Vec<&'static str>| -> usize {
            match ids.iter().position(|x| *x == w) {
                Some(i) => i,
                None => {
                    ids.push(w);
                    ids.len() - 1
                }
            }
        };
        let mut rules = Vec::new();
        for r in RULES {
            let mut any = [0u64; 4];
            let mut none = [0u64; 4];
            let mut all = Vec::new();
            for w in r.any {
                let i = id_of(w, &mut ids);
                any[i / 64] |= 1 << (i % 64);
            }
            for w in r.none {
                let i = id_of(w, &mut ids);
                none[i / 64] |= 1 << (i % 64);
            }
            for w in r.all {
                all.push(id_of(w, &mut ids));
            }
            rules.push((any, all, none));
        }
        for w in ["比重", "占"] {
            id_of(w, &mut ids);
        }
        assert!(ids.len() <= 256, "too many needles");
        let mut by_first: crate::report::fxhash::FxHashMap<char, Vec<(&'static str, usize)>> = Default::default();
        for (i, w) in ids.iter().enumerate() {
            if let Some(c) = w.chars().next() {
                by_first.entry(c).or_default().push((w, i));
            }
        }
        let mut first = vec![0u64; 1024];
        for &c in by_first.keys() {
            if (c as u32) < 0x10000 {
                first[c as usize >> 6] |= 1 << (c as u32 & 63);
            }
        }
        Index { by_first, first, rules }
    })
}

/// The canonical key for a subject as written, if one applies.
///
/// One pass over the name: every needle starting at each char is tested, giving
/// a bit set of the needles present; the rules are then bit tests.
pub fn canonical(name: &str) -> Option<&'static str> {
    // 全年经济增长7%左右: 增长 is the verb, and 经济 alone is the economy's output.
    if name == "经济" {
        return Some("gdp");
    }
    // 城镇新增就业完成年度目标 (130%), 一般公共预算收入完成预算 (103.2%): how much of a
    // goal or a budget was met, not the indicator
    // (a budget only at the end: 完成预算内财政收入 is the revenue)
    if name.match_indices("完成").any(|(k, w)| ["年度", "全年", "目标", "计划"].iter().any(|t| name[k + w.len()..].starts_with(t)))
        || ["完成预算", "完成年初预算", "完成调整预算"].iter().any(|t| name.ends_with(t))
    {
        return None;
    }
    // 研究与试验发展（R&D）经费投入强度, 国内生产总值（GDP）: the Latin name in brackets
    // aside (the same words as without it)
    if let Some(k) = name.find(['（', '(']) {
        if let Some(len) = super::clauses::alias_bracket(name, k) {
            return canonical(&format!("{}{}", &name[..k], &name[k + len..]));
        }
    }
    // 规模以上工业完成增加值 / 全部工业实现增加值: a verb inside the subject.
    for verb in ["完成增加值", "实现增加值"] {
        if let Some(p) = find(name, verb) {
            let mut plain = String::with_capacity(name.len());
            plain.push_str(&name[..p]);
            plain.push_str(&name[p + "完成".len()..]);
            return canonical_of(&plain);
        }
    }
    canonical_of(name)
}

fn canonical_of(name: &str) -> Option<&'static str> {
    let idx = index();
    let mut seen = [0u64; 4];
    let mut share = false;
    for (i, c) in name.char_indices() {
        if (c as u32) < 0x10000 && idx.first[c as usize >> 6] & (1 << (c as u32 & 63)) == 0 {
            continue;
        }
        if let Some(v) = idx.by_first.get(&c) {
            let rest = &name[i..];
            for &(w, id) in v {
                if rest.starts_with(w) {
                    seen[id / 64] |= 1 << (id % 64);
                    if w == "比重" || w == "占" {
                        share = true;
                    }
                }
            }
        }
    }
    let hit = |m: &[u64; 4]| m.iter().zip(seen.iter()).any(|(a, b)| a & b != 0);
    // A share of something (民生支出占一般公共预算支出比重) is not that something.
    RULES
        .iter()
        .zip(idx.rules.iter())
        .filter(|(r, _)| !share || matches!(r.key, "rd_intensity" | "industry_structure"))
        .find(|(_, (any, all, none))| hit(any) && all.iter().all(|&i| seen[i / 64] & (1 << (i % 64)) != 0) && !hit(none))
        .map(|(r, _)| r.key)
}

/// Substring test for short names (no searcher set-up cost).
#[inline]
pub(crate) fn has(hay: &str, needle: &str) -> bool {
    find(hay, needle).is_some()
}

/// `hay.find(needle)` for short names (no searcher set-up cost). A match of UTF-8 in
/// UTF-8 starts on a char boundary (a needle's first byte is no continuation byte).
#[inline]
pub(crate) fn find(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some((&first, _)) = n.split_first() else { return Some(0) };
    if n.len() > h.len() {
        return None;
    }
    let last = n.len() - 1;
    let lb = n[last];
    (0..=h.len() - n.len()).find(|&i| h[i] == first && h[i + last] == lb && &h[i..i + n.len()] == n)
}

/// Headline keys in display order (the headline table and charts use this order).
pub const HEADLINE_ORDER: &[&str] = &[
    "gdp",
    "gnp",
    "industrial_value_added",
    "services_value_added",
    "fixed_asset_investment",
    "retail_sales",
    "general_budget_revenue",
    "fiscal_revenue",
    "tax_revenue",
    "trade",
    "exports",
    "imports",
    "foreign_investment",
    "fdi",
    "urban_unemployment_surveyed",
    "urban_unemployment_registered",
    "urban_new_jobs",
    "cpi",
    // the price goal of 1980s–90s reports (零售物价涨幅控制在15%左右)
    "retail_price_index",
    "disposable_income",
    "urban_disposable_income",
    "rural_disposable_income",
    "rural_net_income",
    "energy_intensity",
    "grain_output",
    "urbanization_rate",
    "rd_intensity",
    "population_growth",
    "deficit_ratio",
    "fiscal_deficit",
    "local_special_bonds",
    "m2",
];

#[cfg(test)]
mod tests {
    use super::canonical;
    #[test]
    fn synonyms() {
        for n in ["国内生产总值", "地区生产总值", "GDP", "生产总值", "经济增长", "全州地区生产总值增速"] {
            assert_eq!(canonical(n), Some("gdp"), "{n}");
        }
        for n in ["公共财政收入", "一般公共预算收入", "地方一般公共预算收入", "地方财政收入"] {
            assert_eq!(canonical(n), Some("general_budget_revenue"), "{n}");
        }
        for n in ["规模以上工业增加值", "规上工业增加值", "工业增加值"] {
            assert_eq!(canonical(n), Some("industrial_value_added"), "{n}");
        }
        assert_eq!(canonical("单位地区生产总值能耗"), Some("energy_intensity"));
        assert_eq!(canonical("城镇居民人均可支配收入"), Some("urban_disposable_income"));
        assert_eq!(canonical("农村常住居民人均可支配收入"), Some("rural_disposable_income"));
        assert_eq!(canonical("城乡居民人均可支配收入"), Some("disposable_income"));
        assert_eq!(canonical("农民人均纯收入"), Some("rural_net_income"));
        // a group's income is not the region's
        for name in ["脱贫县农村居民人均可支配收入", "贫困地区农民人均纯收入", "低收入农户人均可支配收入", "贫困地区城镇居民人均可支配收入"] {
            assert_eq!(canonical(name), None, "{name}");
        }
        assert_eq!(canonical("进出口总额"), Some("trade"));
        assert_eq!(canonical("社零总额"), Some("retail_sales"));
        assert_eq!(canonical("社消零总额"), Some("retail_sales"));
        assert_eq!(canonical("固投"), Some("fixed_asset_investment"));
        // a Latin name in brackets aside
        assert_eq!(canonical("研究与试验发展（R&D）经费投入强度"), Some("rd_intensity"));
        assert_eq!(canonical("国内生产总值(GDP)"), Some("gdp"));
        assert_eq!(canonical("细颗粒物（PM2.5）年均浓度"), Some("pm25"));
        assert_eq!(canonical("二氧化硫（SO2）排放量"), None);
        for part in ["高新区地区生产总值", "经开区GDP", "农村社会消费品零售总额", "城镇消费品零售额", "县市区地区生产总值"] {
            assert_eq!(canonical(part), None, "{part}");
        }
        for part in ["综合保税区进出口额", "跨境电商进出口额", "对东盟进出口", "机电产品出口", "服务贸易进出口额"] {
            assert_eq!(canonical(part), None, "{part}");
        }
        assert_eq!(canonical("居民消费价格涨幅"), Some("cpi"));
        assert_eq!(canonical("物价涨幅"), Some("cpi"));
        assert_eq!(canonical("零售物价涨幅"), Some("retail_price_index"));
        assert_eq!(canonical("一产增加值"), canonical("第一产业增加值"));
        assert_eq!(canonical("三产增加值"), Some("services_value_added"));
        assert_eq!(canonical("全国财政收入"), Some("fiscal_revenue"));
        assert_eq!(canonical("城镇新增就业"), Some("urban_new_jobs"));
    }
}
