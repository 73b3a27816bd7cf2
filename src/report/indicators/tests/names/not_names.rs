//! Words that are no part of a name: connectives, plan verbs, spans of time, bases and comparisons, causes, list numbers, dates.

use super::*;

#[test]
fn leading_connectives_and_plan_verbs_are_not_names() {
    let v = run_with("但赤字率稳定在2.1%，今年拟安排财政赤字13500亿元。", Some(SectionKind::Plan));
    let names: Vec<_> = v.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, vec!["赤字率", "财政赤字"]);
    let v = run_with("拟发行超长期特别国债1.3万亿元，发行地方政府专项债券4.4万亿元。", Some(SectionKind::Plan));
    let names: Vec<_> = v.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, vec!["超长期特别国债", "地方政府专项债券"]);
}

#[test]
fn a_span_of_time_is_not_a_subject() {
    // 五年来 … ，五年年均增长5.2%: the subject carries over; 五年 is when, not what.
    let v = run("五年来，国内生产总值增加到121万亿元，五年年均增长5.2%。");
    let got: Vec<_> = v.iter().map(|i| (i.name.as_str(), i.indicator.as_deref(), i.measure)).collect();
    assert_eq!(
        got,
        vec![("国内生产总值", Some("gdp"), Measure::Level), ("国内生产总值", Some("gdp"), Measure::Growth)],
        "{v:#?}"
    );
    assert!(v[1].period.is_some(), "年均 is a period figure: {v:#?}");
}

#[test]
fn price_basis_phrases_are_not_subjects() {
    let v = run("国内生产总值完成36.5亿元，按可比价计算增长10.2%。财政收入完成5.2亿元，按同口径计算比上年增长16.2%。农民人均纯收入2350元，扣除价格因素实际增长4.1%。工业增加值负增长3.2%。");
    let g: Vec<_> = v.iter().filter(|i| i.measure == Measure::Growth).map(|i| (i.name.as_str(), i.direction)).collect();
    assert_eq!(
        g,
        vec![
            ("国内生产总值", Some(Direction::Up)),
            ("财政收入", Some(Direction::Up)),
            ("农民人均纯收入", Some(Direction::Up)),
            ("工业增加值", Some(Direction::Down)),
        ],
        "{v:#?}"
    );
    let v = run("一般公共预算收入1.33万亿元、按自然口径下降6.7%，地方一般公共预算收入177.2亿元，同口径增长10.3%。");
    let g: Vec<_> = v.iter().filter(|i| i.measure == Measure::Growth).map(|i| (i.name.as_str(), i.direction)).collect();
    assert_eq!(g, vec![("一般公共预算收入", Some(Direction::Down)), ("地方一般公共预算收入", Some(Direction::Up))], "{v:#?}");
    // …and a basis named by what it leaves out
    let v = run("一般公共预算收入完成68.3亿元，增长4.5%，剔除留抵退税因素后增长7.2%；税收收入扣除疫情影响增长3%。");
    let g: Vec<_> = v.iter().filter(|i| i.measure == Measure::Growth).map(|i| (i.name.as_str(), i.value.clone())).collect();
    assert_eq!(g, vec![("一般公共预算收入", n(4.5)), ("一般公共预算收入", n(7.2)), ("税收收入", n(3.0))], "{v:#?}");
}

#[test]
fn a_budget_is_a_base_of_comparison() {
    let v = run("赤字规模4.06万亿元，比上年年初预算增加1800亿元。");
    assert_eq!(v.len(), 2, "{:?}", brief(&v));
    assert_eq!(v[1].name, "赤字规模");
    assert_eq!((v[1].measure, v[1].value.clone(), v[1].unit.as_str(), v[1].direction), (Measure::Growth, n(1800.0), "亿元", Some(Direction::Up)));
    let v = run("一般公共预算支出完成520亿元，比预算增长3.1%。");
    assert_eq!(v[1].name, "一般公共预算支出");
    assert_eq!(v[1].measure, Measure::Growth);
}

#[test]
fn how_many_years_in_a_row_is_not_a_subject() {
    let v = run("粮食总产量达到650亿斤，连续8年稳定在600亿斤以上。");
    assert_eq!(v.len(), 2);
    assert_eq!((v[1].name.as_str(), v[1].qualifier.as_deref()), ("粮食总产量", Some("以上")));
    let v = run("连续三年地区生产总值增长7%以上。");
    assert_eq!(v[0].indicator.as_deref(), Some("gdp"));
}

#[test]
fn a_circled_list_number_is_no_part_of_the_name() {
    let v = run("主要预期目标是：①生产总值增长7%—7.5%；②一般公共预算收入增长7%以上；⑴城镇新增就业100万人；⒋居民消费价格涨幅3%左右。");
    let b: Vec<_> = v.iter().map(|i| (i.name.as_str(), i.indicator.as_deref())).collect();
    assert_eq!(
        b,
        [("生产总值", Some("gdp")), ("一般公共预算收入", Some("general_budget_revenue")), ("城镇新增就业", Some("urban_new_jobs")), ("居民消费价格涨幅", Some("cpi"))],
        "{v:#?}"
    );
}

#[test]
fn a_cause_before_the_change_is_no_subject() {
    let v = run("全省地区生产总值43443.46亿元，受疫情影响下降5%；因灾影响粮食产量减少2.1%。");
    let b: Vec<_> = v.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(b, ["地区生产总值", "地区生产总值", "粮食产量"], "{v:#?}");
    // 受 that is no cause stays (受益人口)
    assert_eq!(run("受益人口达到120万人。")[0].name, "受益人口");
}

#[test]
fn a_verb_that_hands_its_people_on_names_nothing() {
    for (t, want) in [
        ("引导约1亿人在城镇落户。", "在城镇落户"),
        ("支持约300万人就地就业。", "就地就业"),
        ("累计带动20万人实现就业。", "实现就业"),
        ("新建改建农村公路1.2万公里，解决了15万人出行难问题。", "出行难问题"),
    ] {
        let v = run(t);
        let v: Vec<_> = v.iter().filter(|i| i.unit.ends_with('人')).collect();
        assert_eq!(v.len(), 1, "{t}: {v:?}");
        assert_eq!(v[0].name, want, "{t}");
    }
    for (t, want) in [
        ("再带动3万人就业。", "就业"),
    ] {
        let v = run(t);
        assert_eq!(v.len(), 1, "{t}: {v:?}");
        assert_eq!(v[0].name, want, "{t}");
    }
    // a subject that is more than the verb keeps the name
    assert_eq!(run("全市职业技能培训帮助20万人。")[0].name, "职业技能培训帮助");
}

#[test]
fn a_growth_above_the_other_residents_is_relative_to_them() {
    let v = run("农村居民人均可支配收入21560元，增长6.8%，高于城镇居民1.9个百分点。");
    let last = v.last().unwrap();
    assert_eq!((last.name.as_str(), last.measure, last.relative_to.as_deref()), ("农村居民人均可支配收入", Measure::Relative, Some("城镇居民")), "{v:#?}");
}

#[test]
fn added_on_a_base_is_an_increase() {
    let v = run("金融机构人民币各项贷款余额2050亿元，比年初新增215亿元。");
    assert_eq!((v[1].name.as_str(), v[1].measure, v[1].direction), ("金融机构人民币各项贷款余额", Measure::Growth, Some(Direction::Up)), "{v:#?}");
    // with no base, 新增 alone counts what was added
    let v = run("高新技术企业达到1000家，新增120家。");
    assert_eq!(v[1].name, "新增高新技术企业", "{v:#?}");
}

#[test]
fn a_change_by_an_amount_is_a_change() {
    let v = run("居民存款余额同比多增150亿元，贷款余额少增20亿元。");
    let k: Vec<_> = v.iter().map(|i| (i.name.as_str(), i.measure, i.direction)).collect();
    assert_eq!(k, vec![("居民存款余额", Measure::Growth, Some(Direction::Up)), ("贷款余额", Measure::Growth, Some(Direction::Down))], "{v:#?}");
}

#[test]
fn a_year_in_words_is_not_the_subject() {
    let v = run("一九八四年工农业总产值比上年增长百分之十四点二。");
    assert_eq!(v[0].name, "工农业总产值");
    // a number in words that is no year stays
    assert!(run("一二三四年增长5%。").iter().all(|i| i.value.low() == 5.0));
}

#[test]
fn a_target_set_at_a_figure_is_named_without_the_verb() {
    for t in ["经济增长目标定为6.5%左右。", "经济增长预期目标确定为6.5%左右。"] {
        let v = run(t);
        assert_eq!(v.len(), 1, "{v:?}");
        assert!(v[0].name.ends_with("目标"), "{t}: {}", v[0].name);
        assert_eq!(v[0].indicator.as_deref(), Some("gdp"), "{t}");
    }
}

#[test]
fn a_span_of_years_before_the_verb_is_how_long_not_the_name() {
    for (t, want) in [
        ("粮食总产量连续5年稳定在700亿斤以上。", "粮食总产量"),
        ("粮食产量已连续三年保持在1200万吨以上。", "粮食产量"),
        ("森林覆盖率提前两年达到60%。", "森林覆盖率"),
        // at the head, as before
        ("连续8年粮食产量稳定在600亿斤以上。", "粮食产量"),
    ] {
        let v = run(t);
        assert!(!v.is_empty(), "{t}");
        assert_eq!(v[0].name, want, "{t}: {v:?}");
    }
}

#[test]
fn after_a_verb_that_hands_its_people_on_the_predicate_may_say_where() {
    for (t, want) in [
        ("引导约1亿人在中西部地区就近城镇化。", "在中西部地区就近城镇化"),
        ("帮助1.2万人在家门口实现稳定就业。", "在家门口实现稳定就业"),
    ] {
        let v = run(t);
        let v: Vec<_> = v.iter().filter(|i| i.unit.ends_with('人')).collect();
        assert_eq!(v.len(), 1, "{t}: {v:?}");
        assert_eq!(v[0].name, want, "{t}");
    }
    // With no such verb, a long predicate is still no name.
    let v = run("全年城镇新增就业78.6万人在各类市场主体中实现稳定就业。");
    assert!(v.iter().all(|i| !i.name.starts_with("在各类市场主体")), "{v:?}");
}

#[test]
fn the_end_of_a_year_is_when_not_what() {
    for (t, want) in [
        ("去年末居民储蓄存款余额增长8.5%。", "居民储蓄存款余额"),
        ("年末全国城镇调查失业率降到5.2%。", "城镇调查失业率"),
        ("年底前完成老旧小区改造100个。", "老旧小区改造"),
    ] {
        let v = run(t);
        assert_eq!(v[0].name, want, "{t}: {v:#?}");
    }
}

#[test]
fn places_compared_with_bi_then_fenbie_are_each_figures_place() {
    // 比全国、全省分别高1.1和0.5个百分点 reads as 分别高于全国、全省1.1和0.5个百分点
    for t in [
        "地区生产总值增长6.3%，增速比全国、全省分别高1.1和0.5个百分点。",
        "地区生产总值增长6.3%，分别高于全国、全省1.1和0.5个百分点。",
        // 个 said with each value
        "地区生产总值增长6.3%，比全国、全省分别高1.1个和0.5个百分点。",
    ] {
        let v = run(t);
        let got: Vec<_> = v[1..].iter().map(|i| (i.indicator.as_deref(), i.measure, i.value.clone(), i.unit.as_str(), i.relative_to.as_deref())).collect();
        assert_eq!(
            got,
            [
                (Some("gdp"), Measure::Relative, n(1.1), "个百分点", Some("全国")),
                (Some("gdp"), Measure::Relative, n(0.5), "个百分点", Some("全省")),
            ],
            "{t}: {v:#?}"
        );
    }
}

#[test]
fn a_base_after_a_share_is_no_part_of_its_name() {
    // 比重较上年: the 比 of 比重 is no base; 较上年 is
    let v = run("数字经济核心产业增加值占GDP比重较上年提高1.2个百分点。");
    assert_eq!((v[0].name.as_str(), v[0].measure), ("数字经济核心产业增加值占GDP比重", Measure::Growth), "{v:#?}");
    let v = run("服务业增加值占地区生产总值比重比上年提高0.8个百分点。");
    assert_eq!(v[0].name, "服务业增加值占地区生产总值比重", "{v:#?}");
}
