//! Years and periods: averages, spans, plan periods, dated figures.

use super::*;

#[test]
fn from_a_dated_figure_to_another() {
    // 由2013年的A增加到2018年的B: A is 2013's level, B 2018's level (not a growth).
    let v = run_with("全省生产总值由2013年的1.28万亿元增加到2018年的2.35万亿元，年均增长11.6%。", Some(SectionKind::Review));
    let got: Vec<_> = v.iter().map(|i| (i.measure, i.value.clone(), i.year, i.status)).collect();
    assert_eq!(got[0], (Measure::Level, n(1.28), Some(2013), Status::Actual), "{v:#?}");
    assert_eq!(got[1], (Measure::Level, n(2.35), Some(2018), Status::Actual), "{v:#?}");
    assert_eq!(got[2].0, Measure::Growth);
    // 由上年的 in a review: the year before the review year.
    let v = run_with("贫困发生率由上年的9.8%下降到5.3%。", Some(SectionKind::Review));
    let years: Vec<_> = v.iter().map(|i| i.year).collect();
    assert_eq!(years, vec![Some(2022), Some(2023)], "{v:#?}");
}

#[test]
fn a_two_year_average_spans_two_years() {
    let v = run_with("全市地区生产总值两年平均增长5.1%。", Some(SectionKind::Review));
    assert_eq!((v[0].name.as_str(), v[0].period.as_deref()), ("地区生产总值", Some("2022-2023")), "{v:#?}");
}

#[test]
fn a_change_on_a_base_years_back_spans_the_years_since() {
    // review year 2023: against 2019, the change of 2020–2023; against last year, none
    let v = run_with("生产安全事故起数比2019年下降4.8%，比上年下降1.2%，比2022年下降0.5%。", Some(SectionKind::Review));
    let got: Vec<_> = v.iter().map(|i| (i.value.clone(), i.period.as_deref())).collect();
    assert_eq!(got, [(n(4.8), Some("2020-2023")), (n(1.2), None), (n(0.5), None)], "{v:#?}");
}

#[test]
fn cumulative_figures_need_a_span() {
    let v = run_with("五年累计完成全社会固定资产投资6.8万亿元。", Some(SectionKind::Review));
    assert_eq!(v[0].period.as_deref(), Some("2019-2023"), "{v:#?}");
    // …a span said after the subject: a five-year target of a cut
    let v = run_with("今后五年的主要目标是：到2028年，单位生产总值能耗五年累计降低16%，三年累计新增就业30万人。", Some(SectionKind::FiveYear));
    let p: Vec<_> = v.iter().map(|i| (i.name.as_str(), i.period.as_deref())).collect();
    assert_eq!(p, [("单位生产总值能耗", Some("2024-2028")), ("新增就业", Some("2026-2028"))], "{v:#?}");
    // a change over the years said at the clause's head: over those years
    let v = run_with("国内生产总值增加到121万亿元，十年增加近70万亿元。", Some(SectionKind::Review));
    assert_eq!((v[1].period.as_deref(), v[1].measure), (Some("2014-2023"), Measure::Growth), "{v:#?}");
    let v = run_with("新建5G基站5200个，累计达到3.2万个。", Some(SectionKind::Review));
    assert!(v.iter().all(|i| i.period.is_none()), "a stock, not a five-year sum: {v:#?}");
}

#[test]
fn named_plan_periods() {
    // “十三五”期间 = 2016-2020 whatever year the report is of; “八五” = 1991-1995.
    let v = run_with("“十三五”期间，地区生产总值年均增长7.5%，累计完成固定资产投资2.1万亿元。", Some(SectionKind::Review));
    let p: Vec<_> = v.iter().map(|i| (i.period.as_deref(), i.year, i.status)).collect();
    assert_eq!(p, vec![(Some("2016-2020"), Some(2020), Status::Actual), (Some("2016-2020"), Some(2020), Status::Actual)], "{v:#?}");
    let v = run("“八五”期间，国民生产总值年均增长8%。“十五”时期，财政收入年均增长12%。");
    let p: Vec<_> = v.iter().map(|i| i.period.as_deref()).collect();
    assert_eq!(p, vec![Some("1991-1995"), Some("2001-2005")], "{v:#?}");
    // Goals for a plan still to come: its years, and 到“十四五”末 is its last year.
    let v = run_with("“十五五”时期地区生产总值年均增长5%左右。", Some(SectionKind::FiveYear));
    assert_eq!(v[0].name, "地区生产总值", "{v:#?}");
    assert_eq!((v[0].status, v[0].period.as_deref(), v[0].year), (Status::Target, Some("2026-2030"), Some(2030)), "{v:#?}");
    let v = run("奋斗目标是：到“十四五”末，地区生产总值突破2000亿元。");
    assert_eq!((v[0].status, v[0].year, v[0].qualifier.as_deref()), (Status::Target, Some(2025), Some("突破")), "{v:#?}");
    // A plan named as a base (是“十一五”时期的2.3倍) or as a time, not a span (十五年) changes nothing.
    let v = run_with("投资是“十一五”时期的2.3倍；累计实际利用外资186亿美元，年均增长9%。", Some(SectionKind::Review));
    assert!(v.iter().all(|i| i.period.as_deref() != Some("2006-2010")), "{v:#?}");
    let v = run_with("十五年来，地区生产总值年均增长9%。", Some(SectionKind::Review));
    assert_eq!(v[0].period.as_deref(), Some("2019-2023"), "{v:#?}");
}

#[test]
fn older_wording_of_averages_goals_and_prices() {
    let v = run("1995年国内生产总值达到57600亿元，比1990年增长76%，平均每年增长12%，提前五年实现了原定到2000年国内生产总值比1980年翻两番的目标。");
    let b: Vec<_> = v.iter().map(|i| (i.name.as_str(), i.measure)).collect();
    assert_eq!(b, [("国内生产总值", Measure::Level), ("国内生产总值", Measure::Growth), ("国内生产总值", Measure::Growth), ("国内生产总值", Measure::Multiple)]);
    assert_eq!(v[2].period.as_deref(), Some("1991-1995"));
    assert_eq!(v[3].year, Some(2000));
    // 递增 / 递减: a steady yearly rise or fall, of the subject said before
    let v = run("2000年财政总收入完成430.6亿元，五年平均每年递增10.5%，亏损企业亏损额年均递减8%。");
    let b: Vec<_> = v.iter().map(|i| (i.name.as_str(), i.measure, i.direction, i.period.as_deref())).collect();
    assert_eq!(
        b,
        [
            ("财政总收入", Measure::Level, None, None),
            ("财政总收入", Measure::Growth, Some(Direction::Up), Some("1996-2000")),
            ("亏损企业亏损额", Measure::Growth, Some(Direction::Down), Some("1996-2000"))
        ],
        "{v:#?}"
    );
    let v = run("全国商品零售价格总水平涨幅控制在10%以内，零售物价总指数上涨14.8%。");
    assert!(v.iter().all(|i| i.indicator.as_deref() == Some("retail_price_index")), "{:?}", brief(&v));
}

#[test]
fn a_five_year_part_that_also_sets_the_years_targets() {
    // under `“十五五”时期主要目标和2026年工作安排`: the five-year goals, then the year's
    let v = run_with(
        "今后五年，力争地区生产总值年均增长6%左右。2024年经济社会发展主要预期目标是：地区生产总值增长6%左右；城镇新增就业1.1万人。",
        Some(SectionKind::FiveYear),
    );
    let b: Vec<_> = v.iter().map(|i| (i.year, i.period.as_deref())).collect();
    assert_eq!(b, [(Some(2028), Some("2024-2028")), (Some(2024), None), (Some(2024), None)], "{v:#?}");
}

#[test]
fn a_multiple_of_a_plan_periods_figure_is_named_by_its_subject() {
    let v = run_with("累计完成固定资产投资2150亿元，是“十三五”时期的1.6倍。", Some(SectionKind::Review));
    let b: Vec<_> = v.iter().map(|i| (i.name.as_str(), i.measure)).collect();
    assert_eq!(b, [("固定资产投资", Measure::Level), ("固定资产投资", Measure::Multiple)], "{v:#?}");
}

#[test]
fn a_plan_periods_figure_is_a_base() {
    let v = run_with("一般公共预算收入累计完成1560亿元，较“十三五”时期增长32%。", Some(SectionKind::Review));
    let b: Vec<_> = v.iter().map(|i| (i.name.as_str(), i.measure)).collect();
    assert_eq!(b, [("一般公共预算收入", Measure::Level), ("一般公共预算收入", Measure::Growth)], "{v:#?}");
    // the growth is over the plan after the base one, not the review year's (2023 here)
    let v = run_with("一般公共预算收入较“十二五”时期增长32%。", Some(SectionKind::Review));
    assert_eq!((v[0].year, v[0].period.as_deref()), (Some(2023), Some("2016-2023")), "{v:#?}");
}

#[test]
fn a_count_of_years_after_the_name_is_when_not_what() {
    let v = run_with("全社会固定资产投资五年累计完成4562亿元，是前五年的2.8倍。", Some(SectionKind::Review));
    let b: Vec<_> = v.iter().map(|i| (i.name.as_str(), i.measure)).collect();
    assert_eq!(b, [("全社会固定资产投资", Measure::Level), ("全社会固定资产投资", Measure::Multiple)], "{v:#?}");
    let v = run_with("进出口总额五年累计1200亿美元，是上一个五年的2.4倍。", Some(SectionKind::Review));
    let b: Vec<_> = v.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(b, ["进出口总额", "进出口总额"], "{v:#?}");
    let v = run_with("民营经济增加值三年来年均增长9%。", Some(SectionKind::Review));
    assert_eq!(v[0].name, "民营经济增加值", "{v:#?}");
    // how long, said with 提前 / 连续, as before
    let v = run_with("粮食总产量连续5年稳定在600万吨以上，城镇化率提前三年达到60%。", Some(SectionKind::Review));
    let b: Vec<_> = v.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(b, ["粮食总产量", "城镇化率"], "{v:#?}");
}

#[test]
fn a_year_since_which_is_not_the_figures_year() {
    let v = run_with("2019年以来，地区生产总值年均增长6.5%。", Some(SectionKind::Review));
    assert_eq!((v[0].year, v[0].period.as_deref()), (Some(2023), Some("2019-2023")));
}

#[test]
fn an_average_goal_spans_the_years_to_its_goal_year() {
    // 到2027年…年均增长 in the 2024 report: 2024-2027, not the goal year alone
    let v = run_with("到2027年，地区生产总值突破4000亿元，年均增长6.5%左右。", Some(SectionKind::FiveYear));
    assert_eq!(v.len(), 2, "{v:#?}");
    assert_eq!((v[0].measure, v[0].year, v[0].period.as_deref()), (Measure::Level, Some(2027), Some("2027")), "{v:#?}");
    assert_eq!((v[1].measure, v[1].year, v[1].period.as_deref()), (Measure::Growth, Some(2027), Some("2024-2027")), "{v:#?}");
    // at most five years back from the goal year
    let v = run_with("到2035年，一般公共预算收入年均增长6%。", Some(SectionKind::FiveYear));
    assert_eq!(v[0].period.as_deref(), Some("2031-2035"), "{v:#?}");
    // as many years as the text says (三年年均增长, 两年平均增长)
    let v = run_with("到2030年，居民收入三年年均增长6%。", Some(SectionKind::FiveYear));
    assert_eq!((v[0].name.as_str(), v[0].period.as_deref()), ("居民收入", Some("2028-2030")), "{v:#?}");
    let v = run_with("全市地区生产总值三年年均增长5.5%。", Some(SectionKind::Review));
    assert_eq!((v[0].name.as_str(), v[0].period.as_deref()), ("地区生产总值", Some("2021-2023")), "{v:#?}");
}

#[test]
fn part_of_a_year_opening_a_sentence_or_a_clause_is_the_period_of_its_figures() {
    let v = run_with(
        "前三季度，全市实现地区生产总值1995.5亿元、增长5.3%；地方一般公共预算收入完成173.1亿元。1—11月，全社会固定资产投资增长4.1%；1-10月份，社会消费品零售总额增长5.7%。全年城镇新增就业3.6万人。",
        Some(SectionKind::Review),
    );
    let p: Vec<_> = v.iter().map(|i| (i.value.low(), i.period.as_deref())).collect();
    assert_eq!(
        p,
        vec![(1995.5, Some("前三季度")), (5.3, Some("前三季度")), (173.1, Some("前三季度")), (4.1, Some("1—11月")), (5.7, Some("1-10月份")), (3.6, None)],
        "{v:#?}"
    );
    // a month that is a date, not part of a year, and a whole year: no period
    assert_eq!(super::super::years::partial_year("12月底"), None);
    assert_eq!(super::super::years::partial_year("1—12月"), None);
    assert_eq!(super::super::years::partial_year("上半年，"), Some("上半年".len()));
    // a single quarter, and the second half
    let v = run_with("四季度全省经济增速由负转正，GDP增长2.6%。下半年，出口增长9%。全年进口增长3%。", Some(SectionKind::Review));
    let p: Vec<_> = v.iter().map(|i| (i.value.low(), i.period.as_deref())).collect();
    assert_eq!(p, vec![(2.6, Some("四季度")), (9.0, Some("下半年")), (3.0, None)], "{v:#?}");
}

#[test]
fn a_yearly_average_said_before_what_is_added_spans_the_plan() {
    // 年均新增城镇就业 = 城镇新增就业年均: an average over the plan's years, not the
    // review year's count (it stays out of that year's headline column)
    for t in ["“十四五”期间，年均新增城镇就业25万人以上。", "“十四五”期间，平均每年新增城镇就业25万人以上。", "“十四五”期间，城镇新增就业年均25万人以上。"] {
        let v = run_with(t, Some(SectionKind::Review));
        assert_eq!(v.len(), 1, "{t}: {v:#?}");
        assert_eq!((v[0].indicator.as_deref(), v[0].period.as_deref(), v[0].year), (Some("urban_new_jobs"), Some("2021-2025"), Some(2025)), "{t}: {v:#?}");
        assert!(!v[0].name.contains("年均") && !v[0].name.contains("每年"), "{t}: {v:#?}");
    }
    // 年均浓度 is the year's mean, a noun: no span
    let v = run_with("2016年，细颗粒物年均浓度下降9.1%。", Some(SectionKind::Review));
    assert_eq!(v[0].period, None, "{v:#?}");
}

#[test]
fn a_paragraph_opened_by_a_span_of_years_sums_what_was_added_over_it() {
    // 五年来，…: the jobs added and the poor lifted out in the paragraph are five years'
    // sums; the next paragraph, about the last year, is that year's
    let text = "五年来，经济实力跃上新台阶。国内生产总值从54万亿元增加到82.7万亿元，年均增长7.1%。城镇新增就业6600万人以上，农村贫困人口减少6800多万，城镇化率提高到58.5%。\n过去一年，城镇新增就业1351万人。";
    let v = run_with(text, Some(SectionKind::Review));
    let p: Vec<_> = v.iter().map(|i| (i.name.as_str(), i.period.as_deref())).collect();
    let span = v[6].year.map(|r| format!("{}-{r}", r - 4));
    assert_eq!(
        p,
        [
            ("国内生产总值", None),
            ("国内生产总值", None),
            ("国内生产总值", span.as_deref()),
            ("城镇新增就业", span.as_deref()),
            ("农村贫困人口", span.as_deref()),
            // where things stand at the end: no span
            ("城镇化率", None),
            ("城镇新增就业", None),
        ],
        "{v:#?}"
    );
    // a paragraph that turns to one year stops the span
    let v = run_with("五年来，经济实力跃上新台阶。去年城镇新增就业1351万人。", Some(SectionKind::Review));
    assert_eq!(v[0].period, None, "{v:#?}");
}
