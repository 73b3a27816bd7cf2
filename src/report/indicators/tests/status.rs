//! Status: targets, actuals, estimates, and what the section and the wording say about them.

use super::*;

#[test]
fn estimate_marker() {
    let v = run("预计居民人均可支配收入增长6%。城镇新增就业2万人。");
    assert_eq!(v[0].status, Status::Estimate);
    assert_eq!(v[1].status, Status::Actual);
}

#[test]
fn one_qualifier_for_a_list() {
    let v = run("规模以上工业增加值、服务业增加值分别增长8%和9%以上。");
    assert_eq!(v.len(), 2);
    assert_eq!(v[0].qualifier.as_deref(), Some("以上"));
    assert_eq!(v[1].qualifier.as_deref(), Some("以上"));
    assert_eq!(v[0].indicator.as_deref(), Some("industrial_value_added"));
    assert_eq!(v[1].indicator.as_deref(), Some("services_value_added"));
    let v = run("其中一、二、三产增加值分别增长4％、8％、6％左右。");
    let names: Vec<_> = v.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, ["一产增加值", "二产增加值", "三产增加值"]);
    assert!(v.iter().all(|i| i.qualifier.as_deref() == Some("左右")));
}

#[test]
fn sections_give_status() {
    let v = run_with("地区生产总值增长5%左右。", Some(SectionKind::Plan));
    assert_eq!((v[0].status, v[0].year), (Status::Target, Some(2024)));
    let v = run_with("地区生产总值增长5.2%。", Some(SectionKind::Review));
    assert_eq!((v[0].status, v[0].year), (Status::Actual, Some(2023)));
    // (an average over the plan's years: 2024-2028, not 2028 alone)
    let v = run_with("地区生产总值年均增长7%。", Some(SectionKind::FiveYear));
    assert_eq!((v[0].status, v[0].period.as_deref()), (Status::Target, Some("2024-2028")));
    let v = run("奋斗目标是：到2028年，地区生产总值突破2000亿元。");
    assert_eq!((v[0].status, v[0].period.as_deref(), v[0].qualifier.as_deref()), (Status::Target, Some("2028"), Some("突破")));
}

#[test]
fn list_passage() {
    let text = "根据上述要求，1981年国民经济计划主要指标安排如下。\n农业，粮食产量34,250万吨。\n轻工业，总产值比1980年预计增长8%。\n计划生育，人口自然增长率为1%。\n在1981年计划安排中，要注意解决以下问题。\n1979年钢产量3,448万吨。";
    let v = run(text);
    assert_eq!(v.len(), 4, "{:?}", brief(&v));
    assert!(v[..3].iter().all(|i| i.status == Status::Target && i.year == Some(1981)));
    assert_eq!(v[1].name, "轻工业总产值");
    assert_eq!(v[2].measure, Measure::Rate);
    assert_eq!(v[3].status, Status::Actual);
    assert_eq!(v[3].year, Some(1979));
}

#[test]
fn passage_on_following_lines() {
    let v = run("今年经济社会发展的主要预期目标是：\n地区生产总值增长6%左右；\n城镇新增就业2万人以上。\n围绕上述目标，重点抓好以下工作。\n去年地区生产总值增长5%。");
    assert_eq!(v.len(), 3, "{:?}", brief(&v));
    assert_eq!(v[0].status, Status::Target);
    assert_eq!(v[1].status, Status::Target);
    assert_eq!(v[2].status, Status::Actual);
}

#[test]
fn passage_followed_by_a_second_sentence() {
    let v = run("主要预期目标是：国内生产总值增长7%左右，城镇登记失业率4.5%以内。能耗强度下降3.1%以上，主要污染物排放继续减少。\n去年国内生产总值增长7.4%。");
    assert_eq!(v.len(), 4);
    assert!(v[..3].iter().all(|i| i.status == Status::Target));
    assert_eq!(v[3].status, Status::Actual);
}

#[test]
fn a_starting_level_is_where_things_stand_not_a_target() {
    // 从去年的X提高到Y: X is last year's figure, Y the target.
    let v = run_with("今年赤字率从去年的2.1%提高到2.3%。", Some(SectionKind::Plan));
    let st: Vec<_> = v.iter().map(|i| (i.value.clone(), i.status)).collect();
    assert_eq!(st, vec![(Value::Number(2.1), Status::Actual), (Value::Number(2.3), Status::Target)], "{v:#?}");
    assert!(v.iter().all(|i| i.name == "赤字率" && i.indicator.as_deref() == Some("deficit_ratio")));
    let v = run_with("财政补助标准由每人每年380元提高到420元。", Some(SectionKind::Plan));
    let st: Vec<_> = v.iter().map(|i| i.status).collect();
    assert_eq!(st, vec![Status::Actual, Status::Target], "{v:#?}");
}

#[test]
fn already_done_is_not_a_target() {
    let v = run_with("我国关税总水平已由15.3%降到12%，今年再降低到10%。", Some(SectionKind::Plan));
    let st: Vec<_> = v.iter().map(|i| i.status).collect();
    assert_eq!(st, vec![Status::Actual, Status::Actual, Status::Target], "{v:#?}");
}

#[test]
fn estimate_notes_after_the_figure_or_for_the_whole_review() {
    let v = run_with("全年地区生产总值1230亿元（预计），增长7.6%。", Some(SectionKind::Review));
    assert!(v.len() == 2 && v.iter().all(|i| i.status == Status::Estimate), "{v:#?}");
    let v = run_with("规模以上工业增加值增长9.1%（预计数）。", Some(SectionKind::Review));
    assert_eq!(v[0].status, Status::Estimate, "{v:#?}");
    let v = run_with("以下数据均为预计数。全市地区生产总值增长7.6%。财政收入增长5%。", Some(SectionKind::Review));
    assert!(v.len() == 2 && v.iter().all(|i| i.status == Status::Estimate), "{v:#?}");
    // 控制在4%以下 is a qualifier, not a note about what follows.
    let v = run_with("预计城镇登记失业率控制在4%以下。全市地区生产总值增长7.6%。", Some(SectionKind::Review));
    assert_eq!(v.iter().map(|i| i.status).collect::<Vec<_>>(), vec![Status::Estimate, Status::Actual], "{v:#?}");
}

#[test]
fn a_quoted_goal_is_not_what_was_done() {
    let v = run_with("年初确定的地区生产总值增长8%的目标，实际完成7.6%。", Some(SectionKind::Review));
    let got: Vec<_> = v.iter().map(|i| (i.name.as_str(), i.measure, i.value.clone(), i.status, i.year)).collect();
    assert_eq!(
        got,
        vec![
            ("地区生产总值", Measure::Growth, n(8.0), Status::Target, Some(2023)),
            ("地区生产总值", Measure::Growth, n(7.6), Status::Actual, Some(2023)),
        ],
        "{v:#?}"
    );
    // the goal said with 预期 / 年初目标 before the verb, beside what was done
    let v = run_with("地区生产总值预期增长6.5%，实际增长6.1%；固定资产投资年初目标增长10%，实际下降2.3%。", Some(SectionKind::Review));
    let got: Vec<_> = v.iter().map(|i| (i.name.as_str(), i.value.clone(), i.status, i.year)).collect();
    assert_eq!(
        got,
        vec![
            ("地区生产总值", n(6.5), Status::Target, Some(2023)),
            ("地区生产总值", n(6.1), Status::Actual, Some(2023)),
            ("固定资产投资", n(10.0), Status::Target, Some(2023)),
            ("固定资产投资", n(2.3), Status::Actual, Some(2023)),
        ],
        "{v:#?}"
    );
    // …and with 计划 / 原计划, as older reports say it
    let v = run_with("工业总产值原计划增长8%，实际增长9.2%。", Some(SectionKind::Review));
    let got: Vec<_> = v.iter().map(|i| (i.name.as_str(), i.value.clone(), i.status)).collect();
    assert_eq!(got, vec![("工业总产值", n(8.0), Status::Target), ("工业总产值", n(9.2), Status::Actual)], "{v:#?}");
    // the goal a figure stayed under: 低于3%的调控目标
    let v = run_with("居民消费价格上涨0.4%，低于3%的调控目标。", Some(SectionKind::Review));
    let got: Vec<_> = v.iter().map(|i| (i.value.clone(), i.status, i.year, i.qualifier.as_deref())).collect();
    assert_eq!(got, vec![(n(0.4), Status::Actual, Some(2023), None), (n(3.0), Status::Target, Some(2023), None)], "{v:#?}");
}

#[test]
fn stretch_targets_keep_their_measure() {
    let v = run_with("地区生产总值增长8%，力争9%；固定资产投资保5%争8%。", Some(SectionKind::Plan));
    assert_eq!(
        got(&v),
        vec![
            ("地区生产总值", Some("gdp"), Measure::Growth, n(8.0)),
            ("地区生产总值", Some("gdp"), Measure::Growth, n(9.0)),
            ("固定资产投资", Some("fixed_asset_investment"), Measure::Growth, Value::Range([5.0, 8.0])),
        ],
        "{v:#?}"
    );
}

#[test]
fn the_governments_own_work_is_commitments() {
    let v = run_with("一般性支出压减10%以上，“三公”经费再压减5%。", Some(SectionKind::SelfBuild));
    assert!(!v.is_empty() && v.iter().all(|i| i.status == Status::Target), "{v:#?}");
}

#[test]
fn an_undated_starting_figure_is_not_the_review_years() {
    // One-year review: the year before; five-year review: five years before.
    let v = run_with("城镇化率由55.2%提高到56.8%。", Some(SectionKind::Review));
    assert_eq!(v.iter().map(|i| i.year).collect::<Vec<_>>(), vec![Some(2022), Some(2023)], "{v:#?}");
    let v = run_with("过去五年，地方公共财政预算收入由1106亿元增加到2540亿元。", Some(SectionKind::Review));
    assert_eq!(v.iter().map(|i| i.year).collect::<Vec<_>>(), vec![Some(2018), Some(2023)], "{v:#?}");
    // In the plan, 从去年的2.1% is the review year's figure.
    let v = run_with("今年赤字率从去年的2.1%提高到2.3%。", Some(SectionKind::Plan));
    assert_eq!(v[0].year, Some(2023), "{v:#?}");
}

#[test]
fn a_cut_written_verb_first() {
    // 压减一般性支出10%: the verb before its object; the object is the subject, the figure a fall.
    let v = run_with("压减一般性支出10%，全年压缩非刚性支出5%以上，一般性支出压减10%以上。", Some(SectionKind::SelfBuild));
    let g: Vec<_> = v.iter().map(|i| (i.name.as_str(), i.measure, i.value.clone(), i.direction, i.qualifier.as_deref())).collect();
    assert_eq!(
        g,
        vec![
            ("一般性支出", Measure::Growth, n(10.0), Some(Direction::Down), None),
            ("非刚性支出", Measure::Growth, n(5.0), Some(Direction::Down), Some("以上")),
            ("一般性支出", Measure::Growth, n(10.0), Some(Direction::Down), Some("以上")),
        ],
        "{v:#?}"
    );
}

#[test]
fn a_planned_amount_is_a_target() {
    let v = run("中央预算内投资拟安排7000亿元。");
    assert_eq!(v.len(), 1);
    assert_eq!(v[0].name, "中央预算内投资");
    assert_eq!(v[0].status, Status::Target);
    // 虚拟 and 模拟 end names; they are not the modal 拟
    let v = run("虚拟现实产业营业收入增长20%。");
    assert_eq!(v[0].name, "虚拟现实产业营业收入");
}

#[test]
fn a_floor_and_a_stretch() {
    let v = run("地区生产总值增长8%左右，确保7.5%，力争8.5%。");
    let q: Vec<_> = v.iter().map(|i| (i.value.clone(), i.qualifier.as_deref())).collect();
    assert_eq!(q, [(n(8.0), Some("左右")), (n(7.5), Some("确保")), (n(8.5), Some("力争"))]);
    assert!(v.iter().all(|i| i.indicator.as_deref() == Some("gdp")));
    // said first, before the subject: the stretch, then the floor; a qualifier after the
    // figure is nearer
    let v = run("力争地区生产总值增长7%，确保6.5%。力争粮食产量稳定在50万吨以上。");
    let q: Vec<_> = v.iter().map(|i| (i.value.clone(), i.qualifier.as_deref())).collect();
    assert_eq!(q, [(n(7.0), Some("力争")), (n(6.5), Some("确保")), (n(50.0), Some("以上"))], "{v:#?}");
}

#[test]
fn a_sentence_led_by_the_coming_year_dates_all_its_clauses() {
    // in a five-year part, 2024年… is this year's plan, not the plan's last year; its
    // second clause says no year of its own
    let v = run_with("2024年国民生产总值计划增长8%，全国零售物价总水平上涨幅度控制在6%左右。", Some(SectionKind::FiveYear));
    let got: Vec<_> = v.iter().map(|i| (i.name.as_str(), i.status, i.year)).collect();
    assert_eq!(got, vec![("国民生产总值", Status::Target, Some(2024)), ("零售物价总水平上涨幅度", Status::Target, Some(2024))], "{v:#?}");
    // a sentence led by the year under review does not date targets
    let v = run_with("2023年，地区生产总值增长5%。今后五年，地区生产总值年均增长6%。", Some(SectionKind::FiveYear));
    assert_eq!(v[1].year, Some(2028), "{v:#?}");
}
