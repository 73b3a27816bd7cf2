//! Unit tests, one per language pattern seen in real reports.

use super::*;

/// Crude normalisation for tests: full-width digits/punctuation → half-width.
pub(crate) fn norm(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '％' => '%',
            '．' => '.',
            '：' => ':',
            _ => c,
        })
        .collect()
}

fn run_with(text: &str, kind: Option<SectionKind>) -> Vec<Indicator> {
    let t = norm(text);
    let secs = kind
        .map(|k| {
            vec![SectionInfo {
                id: "s1".into(),
                level: 1,
                kind: k,
                heading: String::new(),
                span: Span::new(0, t.len()),
            }]
        })
        .unwrap_or_default();
    let ctx = Context { text: &t, sections: &secs, report_year: Some(2024), review_year: Some(2023) };
    let v = extract(&ctx);
    for i in &v {
        assert!(i.sentence_span.contains(i.span), "{i:?}");
        assert!(t.get(i.span.start..i.span.end).is_some());
    }
    v
}

fn run(text: &str) -> Vec<Indicator> {
    run_with(text, None)
}

fn brief(v: &[Indicator]) -> Vec<(String, Option<String>, Measure, Value, String, Option<String>)> {
    v.iter()
        .map(|i| (i.name.clone(), i.indicator.clone(), i.measure, i.value.clone(), i.unit.clone(), i.qualifier.clone()))
        .collect()
}

fn n(x: f64) -> Value {
    Value::Number(x)
}

#[test]
fn subject_carried_across_clause() {
    let v = run("全市地区生产总值实现1230亿元、增长7.6%（预计、下同），地方一般公共预算收入实现48.7亿元、增长8.6%。");
    assert_eq!(v.len(), 4);
    assert_eq!(v[0].indicator.as_deref(), Some("gdp"));
    assert_eq!((v[0].measure, v[0].value.clone(), v[0].unit.as_str()), (Measure::Level, n(1230.0), "亿元"));
    assert_eq!((v[1].measure, v[1].value.clone(), v[1].unit.as_str()), (Measure::Growth, n(7.6), "%"));
    assert_eq!(v[1].indicator.as_deref(), Some("gdp"));
    assert_eq!(v[0].status, Status::Estimate);
    assert_eq!(v[3].status, Status::Estimate);
    assert_eq!(v[3].indicator.as_deref(), Some("general_budget_revenue"));
    assert_eq!(v[0].value_base, Some(1230.0));
    assert_eq!(v[0].year, Some(2023));
    let v = run("国内生产总值达到63.6万亿元，比上年增长7.4%。");
    assert_eq!(v[1].indicator.as_deref(), Some("gdp"));
    assert_eq!(v[0].value_base, Some(636000.0));
}

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
fn paired_subjects() {
    let v = run("主要预期目标是：城乡居民可支配收入增长10%和11%。");
    assert_eq!(brief(&v)[0].1.as_deref(), Some("urban_disposable_income"));
    assert_eq!(brief(&v)[1].1.as_deref(), Some("rural_disposable_income"));
    assert_eq!(v[0].value, n(10.0));
    assert_eq!(v[1].value, n(11.0));
    assert!(v.iter().all(|i| i.status == Status::Target));
    let v = run("城乡居民人均可支配收入分别达到28578元和13248元、年均增长10.6%和11.4%。");
    assert_eq!(v.len(), 4);
    assert_eq!(v[0].indicator.as_deref(), Some("urban_disposable_income"));
    assert_eq!(v[1].indicator.as_deref(), Some("rural_disposable_income"));
    assert_eq!(v[2].indicator.as_deref(), Some("urban_disposable_income"));
    assert_eq!((v[3].indicator.as_deref(), v[3].value.clone()), (Some("rural_disposable_income"), n(11.4)));
    assert_eq!(v[2].period.as_deref(), Some("2019-2023"));
    assert_eq!(v[0].measure, Measure::Level);
    let v = run("城镇、农村常住居民人均可支配收入分别增长6%、8.5%。");
    assert_eq!(v[0].name, "城镇常住居民人均可支配收入");
    assert_eq!(v[1].name, "农村常住居民人均可支配收入");
    let v = run("规模以上工业增加值、社会消费品零售总额、进出口总额均增长8%以上。");
    assert_eq!(v.len(), 3);
    assert_eq!(v[2].indicator.as_deref(), Some("trade"));
}

#[test]
fn ratios_and_multiples() {
    let v = run("三次产业结构由12.7：58.8：28.5调整为11.4：57.1：31.5。");
    assert_eq!(v.len(), 2);
    assert_eq!(v[0].measure, Measure::Ratio);
    assert_eq!(v[0].parts, [12.7, 58.8, 28.5]);
    assert_eq!(v[1].parts, [11.4, 57.1, 31.5]);
    assert_eq!(v[0].indicator.as_deref(), Some("industry_structure"));
    let v = run("三次产业结构调整为12.9∶34.9∶52.2。");
    assert_eq!(v[0].parts, [12.9, 34.9, 52.2]);
    let v = run("人均生产总值达到4.4万元，是2011年的1.5倍。");
    assert_eq!(v.len(), 2);
    assert_eq!((v[1].measure, v[1].value.clone()), (Measure::Multiple, n(1.5)));
    assert_eq!(v[1].name, "人均生产总值");
}

#[test]
fn chinese_numerals() {
    let v = run("城镇居民收入将增加四十多亿元。项目共四百多项。投资一千二百三十亿元。下降百分之三。两个百分点。");
    let b = brief(&v);
    assert_eq!(b[0].3, n(40.0));
    assert_eq!(b[0].5.as_deref(), Some("多"));
    assert_eq!(b[1].3, n(400.0));
    assert_eq!(b[1].2, Measure::Count);
    assert_eq!(b[2].3, n(1230.0));
    assert_eq!(b[2].4, "亿元");
    assert_eq!((b[3].3.clone(), b[3].4.as_str()), (n(3.0), "%"));
    assert_eq!(b[4].3, n(2.0));
    let v = run("粮食产量３４，２５０万吨，比１９８０年预计增加１，０００万吨。");
    assert_eq!(v[0].value, n(34250.0));
    assert_eq!(v[1].value, n(1000.0));
    assert_eq!(v[1].name, "粮食产量");
}

#[test]
fn ranges() {
    for s in ["地区生产总值增长6.5%－7%。", "地区生产总值增长6.5%-7%。", "地区生产总值增长6.5—7%。", "地区生产总值增长6.5-7%。"] {
        let v = run(s);
        assert_eq!(v.len(), 1, "{s}");
        assert_eq!(v[0].value, Value::Range([6.5, 7.0]), "{s}");
        assert_eq!(v[0].unit, "%");
    }
    let v = run("地区生产总值增长6-6.5%。");
    assert_eq!(v[0].value, Value::Range([6.0, 6.5]));
    let v = run("经济增长保8争9。");
    assert_eq!(v[0].value, Value::Range([8.0, 9.0]));
    assert_eq!(v[0].indicator.as_deref(), Some("gdp"));
}

#[test]
fn relative_and_index_targets() {
    let v = run("主要预期目标是：地区生产总值增速高于全省0.5个百分点左右；居民消费价格指数控制在103左右；居民消费价格涨幅3%左右。");
    assert_eq!(v.len(), 3);
    assert_eq!(v[0].measure, Measure::Relative);
    assert_eq!(v[0].relative_to.as_deref(), Some("全省"));
    assert_eq!(v[0].unit, "个百分点");
    assert_eq!(v[0].qualifier.as_deref(), Some("左右"));
    assert_eq!(v[0].indicator.as_deref(), Some("gdp"));
    assert_eq!((v[1].measure, v[1].value.clone(), v[1].unit.as_str()), (Measure::Index, n(103.0), ""));
    assert_eq!(v[1].indicator.as_deref(), Some("cpi"));
    assert_eq!((v[2].measure, v[2].indicator.as_deref()), (Measure::Growth, Some("cpi")));
    assert!(v.iter().all(|i| i.status == Status::Target && i.year == Some(2024)));
}

#[test]
fn negative_growth() {
    let v = run("工业增加值增长-3.8%，进口下降1.7%。");
    assert_eq!(v[0].value, n(-3.8));
    assert_eq!(v[0].direction, Some(Direction::Down));
    assert_eq!(v[1].value, n(1.7));
    assert_eq!(v[1].direction, Some(Direction::Down));
    assert_eq!(v[1].indicator.as_deref(), Some("imports"));
    let v = run("单位地区生产总值能耗降低2.8%左右。");
    assert_eq!((v[0].indicator.as_deref(), v[0].direction), (Some("energy_intensity"), Some(Direction::Down)));
}

#[test]
fn numbers_in_names_are_not_values() {
    let v = run("2016年1月16日，全年引进2000万元以上项目115个，实现“十三五”良好开局，建成5G基站，推进“一带一路”建设，居全省第一，规模以上工业。");
    assert_eq!(v.len(), 1, "{:?}", brief(&v));
    assert_eq!(v[0].value, n(115.0));
}

#[test]
fn sections_give_status() {
    let v = run_with("地区生产总值增长5%左右。", Some(SectionKind::Plan));
    assert_eq!((v[0].status, v[0].year), (Status::Target, Some(2024)));
    let v = run_with("地区生产总值增长5.2%。", Some(SectionKind::Review));
    assert_eq!((v[0].status, v[0].year), (Status::Actual, Some(2023)));
    let v = run_with("地区生产总值年均增长7%。", Some(SectionKind::FiveYear));
    assert_eq!((v[0].status, v[0].period.as_deref()), (Status::Target, Some("2028")));
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
fn no_panic_odd_input() {
    for s in ["", "，，，", "%%%", "、、、", "1", "１", "一", "保8争", "6-", "12:", "百分之", "万亿元", "1.", "增长-", "（（（", "）", "\n\n\n", "指数103", "高于全省"] {
        let _ = run(s);
    }
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
fn rd_to_gdp_ratios_are_rd_intensity_not_gdp() {
    for s in ["研究与试验发展经费支出与国内生产总值之比超过2%。", "全社会研发支出占国内生产总值比重达到2.5%。"] {
        let v = run(s);
        assert_eq!(v.len(), 1, "{s}");
        assert_eq!(v[0].indicator.as_deref(), Some("rd_intensity"), "{s}");
    }
}

#[test]
fn leading_connectives_and_plan_verbs_are_not_names() {
    let v = run_with("但赤字率稳定在2.1%，今年拟安排财政赤字13500亿元。", Some(SectionKind::Plan));
    let names: Vec<_> = v.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, vec!["赤字率", "财政赤字"]);
}

#[test]
fn one_unit_for_a_list_after_fenbie() {
    let v = run("两项贷款增速分别高4.2和0.7个百分点。");
    let vals: Vec<_> = v.iter().map(|i| (i.value.clone(), i.unit.as_str())).collect();
    assert_eq!(vals, vec![(Value::Number(4.2), "个百分点"), (Value::Number(0.7), "个百分点")], "{v:#?}");
    // Without 分别 a bare number is not given a unit (2号线和3个站点 …).
    let v = run("建成2号线和3个站点。");
    assert!(v.iter().all(|i| i.value != Value::Number(2.0)), "{v:#?}");
}

#[test]
fn already_done_is_not_a_target() {
    let v = run_with("我国关税总水平已由15.3%降到12%，今年再降低到10%。", Some(SectionKind::Plan));
    let st: Vec<_> = v.iter().map(|i| i.status).collect();
    assert_eq!(st, vec![Status::Actual, Status::Actual, Status::Target], "{v:#?}");
}

#[test]
fn air_quality_units_and_keys() {
    let v = run_with("PM2.5平均浓度控制在35微克/立方米以内，森林覆盖率稳定在45%以上。", Some(SectionKind::Plan));
    let got: Vec<_> = v.iter().map(|i| (i.indicator.as_deref(), i.value.clone(), i.unit.as_str(), i.qualifier.as_deref())).collect();
    assert_eq!(
        got,
        vec![
            (Some("pm25"), Value::Number(35.0), "微克/立方米", Some("以内")),
            (Some("forest_coverage"), Value::Number(45.0), "%", Some("以上")),
        ],
        "{v:#?}"
    );
}

#[test]
fn turning_from_one_figure_to_another_keeps_the_subject() {
    // 由上年下降X转为增长Y: both figures are the subject's; the second is where it stands.
    let v = run("工业企业利润由上年下降2.3%转为增长8.5%。");
    let got: Vec<_> = v.iter().map(|i| (i.name.as_str(), i.value.clone(), i.direction)).collect();
    assert_eq!(
        got,
        vec![
            ("工业企业利润", Value::Number(2.3), Some(Direction::Down)),
            ("工业企业利润", Value::Number(8.5), Some(Direction::Up)),
        ],
        "{v:#?}"
    );
    let v = run_with("力争外贸进出口由下降1.5%转为增长3%左右。", Some(SectionKind::Plan));
    let st: Vec<_> = v.iter().map(|i| (i.name.as_str(), i.status)).collect();
    assert_eq!(st, vec![("外贸进出口", Status::Actual), ("外贸进出口", Status::Target)], "{v:#?}");
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
fn indicator_ids_as_formatted() {
    for n in [0usize, 1, 9, 10, 99, 100, 12345, 235_623, usize::MAX] {
        assert_eq!(indicator_id(n), format!("i{n}"));
    }
}

fn got(v: &[Indicator]) -> Vec<(&str, Option<&str>, Measure, Value)> {
    v.iter().map(|i| (i.name.as_str(), i.indicator.as_deref(), i.measure, i.value.clone())).collect()
}

#[test]
fn fenbie_after_subjects_in_their_own_clauses() {
    // Each value goes to the subject of its clause, in turn (not all to the last one).
    let v = run("城镇常住居民人均可支配收入28960元，农村常住居民人均可支配收入9860元，分别增长8.8%、10.1%。");
    let g: Vec<_> = v.iter().filter(|i| i.measure == Measure::Growth).map(|i| (i.indicator.as_deref(), i.value.clone())).collect();
    assert_eq!(g, vec![(Some("urban_disposable_income"), n(8.8)), (Some("rural_disposable_income"), n(10.1))], "{v:#?}");
    let v = run_with("规模以上工业增加值增长8%，固定资产投资增长10%，分别高于全省1.2和2.5个百分点。", Some(SectionKind::Plan));
    let r: Vec<_> = v.iter().filter(|i| i.measure == Measure::Relative).map(|i| (i.indicator.as_deref(), i.value.clone())).collect();
    assert_eq!(r, vec![(Some("industrial_value_added"), n(1.2)), (Some("fixed_asset_investment"), n(2.5))], "{v:#?}");
    // Subjects listed together before 分别 still split as before.
    let v = run("城乡居民人均可支配收入分别增长8%和9%。");
    let k: Vec<_> = v.iter().map(|i| i.indicator.as_deref()).collect();
    assert_eq!(k, vec![Some("urban_disposable_income"), Some("rural_disposable_income")]);
}

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
fn synonyms_of_headline_subjects() {
    let v = run_with(
        "公共财政预算收入增长11%；全年经济增长7%左右；第一、二、三产业增加值分别增长3.5%、7.8%和8.1%；规模以上工业完成增加值增长11%；实际到位外资5.6亿美元。",
        Some(SectionKind::Plan),
    );
    let keys: Vec<_> = v.iter().map(|i| (i.name.as_str(), i.indicator.as_deref())).collect();
    assert_eq!(
        keys,
        vec![
            ("公共财政预算收入", Some("general_budget_revenue")),
            ("经济", Some("gdp")),
            ("第一产业增加值", Some("primary_industry_value_added")),
            ("第二产业增加值", Some("secondary_industry_value_added")),
            ("第三产业增加值", Some("services_value_added")),
            ("规模以上工业完成增加值", Some("industrial_value_added")),
            ("实际到位外资", Some("foreign_investment")),
        ],
        "{v:#?}"
    );
    // 增产 is a growth verb; a sub-total of retail sales is not retail sales.
    let v = run("粮食总产量比上年增产3.5%，限额以上消费品零售额增长12%。");
    assert_eq!(got(&v)[0], ("粮食总产量", Some("grain_output"), Measure::Growth, n(3.5)), "{v:#?}");
    assert_eq!(v[1].indicator, None, "{v:#?}");
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
fn comparisons_with_two_regions_and_with_bi() {
    let v = run("全市地区生产总值增长7.8%，高于全国1.2个百分点、全省0.5个百分点。地区生产总值增速比全省高1.2个百分点。");
    let rel: Vec<_> = v.iter().map(|i| (i.measure, i.relative_to.as_deref(), i.direction)).collect();
    assert_eq!(
        rel[1..],
        [
            (Measure::Relative, Some("全国"), Some(Direction::Up)),
            (Measure::Relative, Some("全省"), Some(Direction::Up)),
            (Measure::Relative, Some("全省"), Some(Direction::Up)),
        ],
        "{v:#?}"
    );
}

#[test]
fn a_two_year_average_spans_two_years() {
    let v = run_with("全市地区生产总值两年平均增长5.1%。", Some(SectionKind::Review));
    assert_eq!((v[0].name.as_str(), v[0].period.as_deref()), ("地区生产总值", Some("2022-2023")), "{v:#?}");
}

#[test]
fn list_numbers_are_not_part_of_names() {
    let v = run_with("1.地区生产总值增长7.6%。（2）城镇调查失业率5.5%左右。3、居民消费价格涨幅3%左右。", Some(SectionKind::Plan));
    let names: Vec<_> = v.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, vec!["地区生产总值", "城镇调查失业率", "居民消费价格涨幅"], "{v:#?}");
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
fn cumulative_figures_need_a_span() {
    let v = run_with("五年累计完成全社会固定资产投资6.8万亿元。", Some(SectionKind::Review));
    assert_eq!(v[0].period.as_deref(), Some("2019-2023"), "{v:#?}");
    let v = run_with("新建5G基站5200个，累计达到3.2万个。", Some(SectionKind::Review));
    assert!(v.iter().all(|i| i.period.is_none()), "a stock, not a five-year sum: {v:#?}");
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
}

#[test]
fn older_aggregates_keep_their_own_keys() {
    let v = run("国民生产总值1286亿元，国内生产总值1302亿元，外贸出口总额12亿美元，进出口总额30亿美元。");
    let k: Vec<_> = v.iter().map(|i| i.indicator.as_deref()).collect();
    assert_eq!(k, vec![Some("gnp"), Some("gdp"), Some("exports"), Some("trade")], "{v:#?}");
}

#[test]
fn doubling_is_a_multiple_of_its_base() {
    // 翻一番 = ×2, 翻两番 = ×4 of the base year's figure (a multiple, like 是2011年的1.5倍).
    let v = run_with("城乡居民人均可支配收入比2010年翻一番以上。", Some(SectionKind::FiveYear));
    assert_eq!(got(&v), vec![("城乡居民人均可支配收入", Some("disposable_income"), Measure::Multiple, n(2.0))], "{v:#?}");
    assert_eq!((v[0].unit.as_str(), v[0].qualifier.as_deref(), v[0].status), ("倍", Some("以上"), Status::Target), "{v:#?}");
    assert_eq!(&v[0].sentence[v[0].span.start - v[0].sentence_span.start..v[0].span.end - v[0].sentence_span.start], "翻一番");
    let v = run("到2000年，全省国民生产总值力争比1980年翻两番以上。");
    assert_eq!(got(&v), vec![("国民生产总值", Some("gnp"), Measure::Multiple, n(4.0))], "{v:#?}");
    assert_eq!(v[0].qualifier.as_deref(), Some("以上"));
    let v = run("地区生产总值达到2300亿元，比2010年翻一番。五年来，全市经济总量实现翻番。");
    let m: Vec<_> = v.iter().filter(|i| i.measure == Measure::Multiple).map(|i| (i.name.as_str(), i.value.clone())).collect();
    assert_eq!(m, vec![("地区生产总值", n(2.0)), ("经济总量", n(2.0))], "{v:#?}");
    let v = run("到2020年城乡居民人均收入比2010年翻一番。");
    assert_eq!((v[0].name.as_str(), v[0].year), ("城乡居民人均收入", Some(2020)), "{v:#?}");
    // A slogan counting doublings, and words that only contain 翻, are not figures.
    let v = run("实现“三突破两翻番两下降”，推翻旧制度，翻新老旧小区。");
    assert!(v.is_empty(), "{v:#?}");
}

#[test]
fn growth_in_times_is_not_a_multiple() {
    // 增长1.5倍 = growth of 150 % (×2.5); 增长到1.5倍 / 是…的1.5倍 = ×1.5.
    let v = run("技术合同成交额748.7亿元、增长1.1倍，发放消费券5366万元、增长一倍。");
    let g: Vec<_> = v.iter().filter(|i| i.unit == "倍").map(|i| (i.measure, i.value.clone(), i.direction)).collect();
    assert_eq!(g, vec![(Measure::Growth, n(1.1), Some(Direction::Up)), (Measure::Growth, n(1.0), Some(Direction::Up))], "{v:#?}");
    for s in ["进出口总额增长到1.5倍。", "项目平均投资是上年的1.6倍。", "上市公司数量增至开市时的近三倍。"] {
        let v = run(s);
        assert_eq!((v.len(), v[0].measure, v[0].direction), (1, Measure::Multiple, None), "{s}: {v:#?}");
    }
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
fn a_change_in_percentage_points_is_a_growth_in_points() {
    // 回落0.6个百分点: a change of a rate, in points (unit 个百分点), with its direction.
    let v = run("城镇登记失业率回落0.6个百分点，居民消费价格涨幅下降0.3个百分点，城镇化率提高1.2个百分点。");
    let g: Vec<_> = v.iter().map(|i| (i.indicator.as_deref(), i.measure, i.value.clone(), i.unit.as_str(), i.direction)).collect();
    assert_eq!(
        g,
        vec![
            (Some("urban_unemployment_registered"), Measure::Growth, n(0.6), "个百分点", Some(Direction::Down)),
            (Some("cpi"), Measure::Growth, n(0.3), "个百分点", Some(Direction::Down)),
            (Some("urbanization_rate"), Measure::Growth, n(1.2), "个百分点", Some(Direction::Up)),
        ],
        "{v:#?}"
    );
}

#[test]
fn milestones_written_as_magnitudes() {
    // 突破千亿元大关 = passed 1000 亿元; 跨上万亿元台阶 = 1 万亿元; 迈上五千亿台阶 = 5000 亿.
    let v = run("乡镇企业总产值突破千亿元大关，达到1156亿元。全市生产总值跨上万亿元台阶。财政收入迈上五千亿台阶。服务业增加值将迈上千亿台阶。");
    let g: Vec<_> = v.iter().map(|i| (i.name.as_str(), i.measure, i.value.clone(), i.unit.as_str(), i.value_base, i.qualifier.as_deref())).collect();
    assert_eq!(
        g,
        vec![
            ("乡镇企业总产值", Measure::Level, n(1000.0), "亿元", Some(1000.0), Some("突破")),
            ("乡镇企业总产值", Measure::Level, n(1156.0), "亿元", Some(1156.0), Some("达到")),
            ("生产总值", Measure::Level, n(1.0), "万亿元", Some(10000.0), Some("跨上")),
            ("财政收入", Measure::Level, n(5000.0), "亿", Some(5e11), Some("迈上")),
            ("服务业增加值", Measure::Level, n(1000.0), "亿", Some(1e11), Some("迈上")),
        ],
        "{v:#?}"
    );
    // Magnitudes that name a class of places or firms, and steps with no figure, are not values.
    let v = run("跻身全省千亿市州行列，培育百亿级企业，各项工作迈上新台阶，突破万众瞩目的难关，经济总量连续跨越两个千亿元台阶。");
    assert!(v.is_empty(), "{v:#?}");
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
fn a_figure_before_its_noun() {
    // With no subject before it in its clause, the figure counts the noun phrase after it.
    let v = run_with("全年12.6万贫困人口脱贫，新增城镇就业5.2万人，5.2万人实现就业，完成1200户棚户区改造。", Some(SectionKind::Review));
    let g: Vec<_> = v.iter().map(|i| (i.name.as_str(), i.measure, i.value.clone(), i.unit.as_str(), i.value_base)).collect();
    assert_eq!(
        g,
        vec![
            ("贫困人口脱贫", Measure::Count, n(12.6), "万", Some(126000.0)),
            ("新增城镇就业", Measure::Count, n(5.2), "万人", Some(52000.0)),
            ("实现就业", Measure::Count, n(5.2), "万人", Some(52000.0)),
            ("棚户区改造", Measure::Count, n(1200.0), "户", Some(1200.0)),
        ],
        "{v:#?}"
    );
    assert_eq!(v[1].indicator.as_deref(), Some("urban_new_jobs"));
    assert_eq!(v[2].indicator, None, "{v:#?}");
    // After a verb too, and up to a list mark; 的 or a unit after it is not a predicate.
    let v = run("促进约1亿农业转移人口落户城镇。全年实现12.6万贫困人口脱贫、156个贫困村出列。居民储蓄存款余额新增4万多亿元。");
    let names: Vec<_> = v.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names[..2], ["农业转移人口落户城镇", "贫困人口脱贫"], "{v:#?}");
    assert_ne!(v.last().map(|i| i.name.as_str()), Some("亿元"), "{v:#?}");
    // Numbers in names stay names: 100万人口城市, 2000万元以上项目, 千亿市州.
    let v = run("建设100万人口城市，引进2000万元以上项目115个，跻身千亿市州。");
    assert_eq!(v.iter().map(|i| i.value.clone()).collect::<Vec<_>>(), vec![n(115.0)], "{v:#?}");
    // A subject before the figure keeps it (城镇新增就业1.2万人).
    let v = run("城镇新增就业1.2万人，其中就业困难人员实现就业3000人。");
    let names: Vec<_> = v.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, vec!["城镇新增就业", "就业困难人员实现就业"], "{v:#?}");
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
fn scaled_values_in_base_units_have_no_binary_noise() {
    let v = run("赤字规模4.06万亿元。人均补助36.3万元。粮食产量1.3万亿斤。");
    let b: Vec<_> = v.iter().map(|i| i.value_base).collect();
    assert_eq!(b, [Some(40600.0), Some(0.00363), Some(1.3e12)]);
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
fn a_floor_and_a_stretch() {
    let v = run("地区生产总值增长8%左右，确保7.5%，力争8.5%。");
    let q: Vec<_> = v.iter().map(|i| (i.value.clone(), i.qualifier.as_deref())).collect();
    assert_eq!(q, [(n(8.0), Some("左右")), (n(7.5), Some("确保")), (n(8.5), Some("力争"))]);
    assert!(v.iter().all(|i| i.indicator.as_deref() == Some("gdp")));
}

#[test]
fn older_wording_of_averages_goals_and_prices() {
    let v = run("1995年国内生产总值达到57600亿元，比1990年增长76%，平均每年增长12%，提前五年实现了原定到2000年国内生产总值比1980年翻两番的目标。");
    let b: Vec<_> = v.iter().map(|i| (i.name.as_str(), i.measure)).collect();
    assert_eq!(b, [("国内生产总值", Measure::Level), ("国内生产总值", Measure::Growth), ("国内生产总值", Measure::Growth), ("国内生产总值", Measure::Multiple)]);
    assert_eq!(v[2].period.as_deref(), Some("1991-1995"));
    assert_eq!(v[3].year, Some(2000));
    let v = run("全国商品零售价格总水平涨幅控制在10%以内，零售物价总指数上涨14.8%。");
    assert!(v.iter().all(|i| i.indicator.as_deref() == Some("retail_price_index")), "{:?}", brief(&v));
}

#[test]
fn a_year_since_which_is_not_the_figures_year() {
    let v = run_with("2019年以来，地区生产总值年均增长6.5%。", Some(SectionKind::Review));
    assert_eq!((v[0].year, v[0].period.as_deref()), (Some(2023), Some("2019-2023")));
}

#[test]
fn one_figure_for_joined_whole_subjects() {
    // 和 joins two whole subjects: the doubling is said of each
    let v = run("到2020年，国内生产总值和城乡居民人均收入比2010年翻一番。");
    let names: Vec<&str> = v.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, ["国内生产总值", "城乡居民人均收入"], "{v:?}");
    assert!(v.iter().all(|i| i.value == Value::Number(2.0) && i.span == v[0].span));
    assert_eq!(v[0].indicator.as_deref(), Some("gdp"));
    let v = run("工业总产值和利税总额分别增长15%和12%。");
    assert_eq!(v.len(), 2);
    // modifiers of one noun, or a part too short to be a subject: one record
    for t in ["教育和科技支出增长10%。", "一般公共预算收入和支出增长5%。", "粮食和重要农产品产量增长2%。"] {
        let v = run(t);
        assert_eq!(v.len(), 1, "{t}: {v:?}");
    }
}

#[test]
fn a_sum_named_by_the_fund_after_it() {
    for (t, want) in [
        ("中央财政安排1000亿元专项奖补资金。", "专项奖补资金"),
        ("用好1800亿元引导基金。", "引导基金"),
        ("国家已设立400亿元新兴产业创业投资引导基金。", "新兴产业创业投资引导基金"),
        ("发行600亿元地方政府债券，用于重点项目。", "地方政府债券"),
        // no fund word after it: the subject before stays
        ("中央预算内投资安排5000亿元。", "中央预算内投资"),
    ] {
        let v = run(t);
        assert_eq!(v.len(), 1, "{t}: {v:?}");
        assert_eq!(v[0].name, want, "{t}");
    }
    // a bare fund word names nothing
    assert_ne!(run("省财政投入30亿元资金。")[0].name, "资金");
}

#[test]
fn a_part_against_its_whole_is_a_share() {
    let v = run("全年民生支出占一般公共预算支出的80.2%。");
    assert_eq!(v[0].measure, Measure::Share, "{v:?}");
    let v = run("城镇调查失业率5.5%左右。");
    assert_eq!(v[0].measure, Measure::Rate);
}

#[test]
fn a_total_output_after_its_sown_area() {
    let v = run("粮食播种面积稳定在120万亩，总产量达到52.3万吨。");
    assert_eq!(v[1].name, "粮食总产量", "{v:?}");
    assert_eq!(v[1].indicator.as_deref(), Some("grain_output"));
}

#[test]
fn a_group_of_people_narrowed_by_a_place_or_condition_is_counted() {
    for (t, want) in [
        // a bare 万/亿 before 农村人口 counts them (it was dropped, or named by the verb)
        ("再解决500万农村人口饮水问题。", "农村人口饮水问题"),
        ("解决3亿多农村人口饮水安全问题。", "农村人口饮水安全问题"),
        ("帮助2万城镇困难群众住上新房。", "城镇困难群众住上新房"),
        ("帮助20万城镇困难群众解决住房问题。", "帮助城镇困难群众"),
        ("关爱8万农村留守儿童。", "关爱农村留守儿童"),
        // nothing after the group: the clause's own subject says what counts it
        ("农村电网改造覆盖农村5亿人口。", "农村电网改造覆盖农村人口"),
        ("我国有13亿人口。", "我国人口"),
    ] {
        let v = run(t);
        assert_eq!(v.len(), 1, "{t}: {v:?}");
        assert_eq!(v[0].name, want, "{t}");
        assert_eq!(v[0].measure, Measure::Count, "{t}");
    }
    // a subject carried from the clause before is not this figure's
    let v = run("农村贫困人口减少1232万人；6600多万农村人口饮水安全问题得到解决。");
    assert_eq!(v.len(), 2, "{v:?}");
    assert_eq!(v[1].name, "农村人口");
    assert_eq!(v[1].indicator, None);
    // places counted by their people are still no people (百万人口城市)
    assert!(run("建成3个100万农村人口大县。").iter().all(|x| !x.name.contains("农村人口大县")));
}

#[test]
fn a_verb_that_hands_its_people_on_names_nothing() {
    for (t, want) in [
        ("引导约1亿人在城镇落户。", "在城镇落户"),
        ("支持约300万人就地就业。", "就地就业"),
        ("累计带动20万人实现就业。", "实现就业"),
    ] {
        let v = run(t);
        assert_eq!(v.len(), 1, "{t}: {v:?}");
        assert_eq!(v[0].name, want, "{t}");
    }
    // a subject that is more than the verb keeps the name
    assert_eq!(run("全市职业技能培训帮助20万人。")[0].name, "职业技能培训帮助");
}
