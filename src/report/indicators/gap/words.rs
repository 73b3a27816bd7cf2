//! The function words a gap is read with: [`TAIL`] words peeled off its end (verbs,
//! qualifiers, adverbs, each with its role [`T`]) and [`HEAD`] words off its start (scope
//! and time), each indexed by the char a match must end or start with.

/// Role of a function word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum T {
    /// 增长, 提高, 增加 …: the figure is a change upwards.
    Up,
    /// 下降, 降低, 减少 …: a change downwards.
    Down,
    /// 达到, 实现, 为, 提高到 …: the figure is a level.
    Level,
    /// A level verb that is also a qualifier (控制在, 突破, 约, 超过 …).
    Qual,
    /// 占: a share.
    Share,
    Adv,
    /// 分别: values go to the subjects in turn.
    Each,
    /// 均 / 都: one value for every subject.
    All,
    /// 年均: average annual (a period figure).
    Avg,
    /// 累计: cumulative (a period figure).
    Cum,
    /// 预计: an estimate.
    Est,
    /// 力争 / 确保 / 争取: target language.
    Tgt,
}

use T::*;

/// Tail words, longest first within a shared ending is not required: the
/// longest match wins.
pub(super) static TAIL: &[(&str, T)] = &[
    ("按可比价格计算", Adv),
    ("按可比价计算", Adv),
    ("按可比口径计算", Adv),
    ("按同口径计算", Adv),
    ("同口径计算", Adv),
    ("按不变价格计算", Adv),
    ("扣除价格因素", Adv),
    ("扣除物价因素", Adv),
    ("剔除价格因素", Adv),
    ("负增长", Down),
    // 外贸进出口总额由负转正，增长3.6%: how the change turned, not part of the name
    ("由负转正", Adv),
    ("由降转升", Adv),
    ("由降转增", Adv),
    ("扭负为正", Adv),
    ("止跌回升", Adv),
    ("按可比口径", Adv),
    // 一般公共预算收入1.33万亿元、按自然口径下降6.7%: the basis of a change, not a subject
    ("按自然口径计算", Adv),
    ("按自然口径", Adv),
    ("自然口径", Adv),
    ("按同口径", Adv),
    ("同口径", Adv),
    ("可比口径", Adv),
    ("按可比价", Adv),
    ("按现价计算", Adv),
    ("提高到", Level),
    ("提升到", Level),
    ("增长到", Level),
    ("增加到", Level),
    ("上升到", Level),
    ("下降到", Level),
    ("降低到", Level),
    ("减少到", Level),
    ("扩大到", Level),
    ("缩小到", Level),
    ("提高至", Level),
    ("提升至", Level),
    ("增长至", Level),
    ("增加至", Level),
    ("上升至", Level),
    ("下降至", Level),
    ("降低至", Level),
    ("减少至", Level),
    ("降到", Level),
    ("降至", Level),
    // 审批时间压缩至60天以内, 办理时限缩短到3个工作日
    ("压缩到", Level),
    ("压缩至", Level),
    ("缩短到", Level),
    ("缩短至", Level),
    ("压减到", Level),
    ("压减至", Level),
    ("增至", Level),
    ("升至", Level),
    ("达到", Qual),
    ("控制在", Qual),
    ("稳定在", Qual),
    ("保持在", Qual),
    ("维持在", Qual),
    ("不低于", Qual),
    ("不高于", Qual),
    ("不少于", Qual),
    ("不超过", Qual),
    ("不到", Qual),
    ("突破", Qual),
    // milestones: 迈上千亿台阶, 跨上万亿元台阶
    ("迈上", Qual),
    ("跨上", Qual),
    ("跃上", Qual),
    ("站上", Qual),
    ("登上", Qual),
    ("迈入", Qual),
    ("跨入", Qual),
    ("跨越", Qual),
    ("超过", Qual),
    ("接近", Qual),
    ("高于", Qual),
    ("低于", Qual),
    ("约", Qual),
    ("近", Qual),
    ("超", Qual),
    ("逾", Qual),
    ("达", Level),
    ("拟按", Level),
    ("按", Level),
    ("高达", Qual),
    ("调整为", Level),
    // 经济增长目标定为6.5%左右: the verb that sets a target
    ("确定为", Level),
    ("设定为", Level),
    ("定为", Level),
    ("调整到", Level),
    ("优化为", Level),
    ("优化到", Level),
    ("变为", Level),
    ("转为", Adv),
    ("由", Adv),
    ("从", Adv),
    ("多达", Qual),
    ("新增", Adv),
    ("人均", Adv),
    ("各", Adv),
    ("力争", Tgt),
    // 拟安排 / 拟发行: "plans to" (虚拟 and 模拟 end names: `NAME_ENDS`)
    ("拟", Tgt),
    ("确保", Tgt),
    ("争取", Tgt),
    ("预期", Tgt),
    // 一九九三年国民生产总值计划增长百分之八; 原计划增长8%，实际增长9%: the goal set
    ("原计划", Tgt),
    ("计划", Tgt),
    // 固定资产投资年初目标增长10%，实际下降2.3%: the year's goal, quoted
    ("年初目标", Tgt),
    ("同比增长", Up),
    ("增产", Up),
    ("减产", Down),
    // 五年平均每年递增10.5%: a steady yearly rise or fall
    ("递增", Up),
    ("递减", Down),
    ("增长", Up),
    ("增加", Up),
    // 净增320家, 净减少2万人: the net change (净 is no subject)
    ("净增加", Up),
    ("净增", Up),
    // 存款余额同比多增150亿元: a change by an amount (增收 is left alone: 带动脱贫人口增收
    // 59万人次 counts people whose income grew)
    ("多增", Up),
    ("少增", Down),
    ("净减少", Down),
    ("净减", Down),
    ("提高", Up),
    ("提升", Up),
    ("上涨", Up),
    ("上升", Up),
    ("扩大", Up),
    ("增幅为", Up),
    ("增速为", Up),
    ("增", Up),
    ("涨", Up),
    ("高", Up),
    ("低", Down),
    ("下降", Down),
    ("降低", Down),
    ("减少", Down),
    ("回落", Down),
    ("下滑", Down),
    ("缩小", Down),
    // 降幅收窄8个百分点: a fall that shrank
    ("收窄", Down),
    ("压减", Down),
    // 二氧化硫排放量削减4.5%
    ("削减", Down),
    ("压降", Down),
    // 办理时间缩短2天, 工期提前40天: how much shorter or sooner
    ("缩短", Down),
    ("提前", Down),
    ("下调", Down),
    ("降", Down),
    ("减", Down),
    ("实现", Level),
    ("完成", Level),
    ("安排", Level),
    ("合计", Level),
    ("总计", Level),
    ("共计", Level),
    ("保持", Level),
    ("为", Level),
    ("是", Level),
    // 恢复到2019年的105%: what part of a year's level has come back
    ("恢复到", Level),
    ("恢复至", Level),
    ("在", Level),
    ("至", Level),
    ("共", Level),
    ("计", Level),
    ("有", Level),
    ("占比", Share),
    ("占", Share),
    ("分别", Each),
    ("均", All),
    ("都", All),
    ("年均", Avg),
    ("年平均", Avg),
    ("平均每年", Avg),
    ("每年平均", Avg),
    ("平均", Adv),
    ("累计", Cum),
    ("预计", Est),
    ("同比", Adv),
    ("实际", Adv),
    ("名义", Adv),
    ("同口径", Adv),
    ("可比", Adv),
    ("现价", Adv),
    ("仍然", Adv),
    ("仍", Adv),
    ("继续", Adv),
    ("进一步", Adv),
    ("首次", Adv),
    ("稳步", Adv),
    ("全年", Adv),
    ("将", Adv),
    ("要", Adv),
    ("再", Adv),
    ("已", Adv),
    ("已经", Adv),
    ("也", Adv),
    ("又", Adv),
    ("就", Adv),
    ("分别为", Each),
    ("比上年", Adv),
    ("比去年", Adv),
    ("较上年", Adv),
    ("较去年", Adv),
    ("比上年同期", Adv),
    ("同期", Adv),
    ("的", Adv),
];

/// [`TAIL`] grouped by last char (a gap is read in a few lookups, not a scan of the table).
pub(super) fn tail_index() -> &'static crate::report::fxhash::FxHashMap<char, Vec<(&'static str, T)>> {
    static IDX: std::sync::OnceLock<crate::report::fxhash::FxHashMap<char, Vec<(&'static str, T)>>> = std::sync::OnceLock::new();
    IDX.get_or_init(|| {
        let mut m: crate::report::fxhash::FxHashMap<char, Vec<(&'static str, T)>> = Default::default();
        for &(w, t) in TAIL {
            if let Some(c) = w.chars().next_back() {
                m.entry(c).or_default().push((w, t));
            }
        }
        m
    })
}

/// Words that end a name although they end in a [`TAIL`] word: the tail word stays.
pub(super) static NAME_ENDS: &[&str] = &["虚拟", "模拟"];

/// Head words: scope and time phrases dropped from the start of a subject.
pub(super) static HEAD: &[&str] = &[
    "全市", "全州", "全县", "全区", "全省", "全国", "全盟", "全旗", "全地区", "我市", "我州", "我县", "我区", "我地区",
    "我省", "全年", "今年", "去年", "上年", "明年", "年内",
    // 去年末居民储蓄存款余额…: the end of a year is when, not what
    "去年末", "去年底", "上年末", "上年底", "今年末", "年末", "年底前", "年底", "其中", "预计", "同时", "此外", "另外",
    "并且", "并", "而", "和", "及", "与", "、", "在", "共", "累计", "实现", "完成", "达到", "安排", "有望",
    "力争", "确保", "争取", "要", "将", "使", "但是", "但", "拟安排", "拟发行", "拟", "发行", "前三季度", "上半年", "一季度", "前两季度", "全社会的",
    // spans of time, not subjects (五年来…，五年年均增长5.2%): longer forms first
    "过去一年", "一年来", // (and the spans of years in [`SPANS`])
    // a past year's goal quoted in a review (年初确定的地区生产总值增长8%的目标)
    "年初确定的", "年初提出的", "年初",
    // a goal met (提前五年实现了原定到2000年…翻两番的目标): what was met, not a subject
    "实现了", "完成了", "原定", "原计划",
    // a verb of policy before what it moves (促进重点区域煤炭消费零增长, 推动…增长8%)
    "促进", "推动",
    "“", "”", "‘", "’", "《", "》", "\"", " ", "\u{3000}", "，", "；", "：", ":", "—", "-",
];

/// Spans of years said before what they span (`过去五年…`, `五年来…`, `三年年均增长6%`), and
/// how many years: head words of a gap ([`HEAD`]), and — the forms longer than two chars
/// — words that open a paragraph about those years.
pub(in crate::report::indicators) static SPANS: &[(&str, i32)] = &[
    ("过去五年", 5), ("近五年", 5), ("这五年", 5), ("五年来", 5), ("五年间", 5), ("五年", 5),
    ("三年来", 3), ("三年", 3), ("十年来", 10), ("十年", 10), ("两年来", 2), ("两年", 2),
];

/// [`HEAD`] grouped by first char.
pub(super) fn head_index() -> &'static crate::report::fxhash::FxHashMap<char, Vec<&'static str>> {
    static IDX: std::sync::OnceLock<crate::report::fxhash::FxHashMap<char, Vec<&'static str>>> = std::sync::OnceLock::new();
    IDX.get_or_init(|| {
        let mut m: crate::report::fxhash::FxHashMap<char, Vec<&'static str>> = Default::default();
        for w in HEAD.iter().chain(SPANS.iter().map(|(w, _)| w)).copied() {
            if let Some(c) = w.chars().next() {
                m.entry(c).or_default().push(w);
            }
        }
        // Longest first.
        for v in m.values_mut() {
            v.sort_by_key(|w| std::cmp::Reverse(w.len()));
        }
        m
    })
}
