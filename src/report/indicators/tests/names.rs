//! Names: whose figure it is — subjects carried, split, joined, or named by what follows.

use super::*;

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
fn a_gain_or_cut_alone_is_a_change_of_what_was_said() {
    // 增收 alone after a sum: the sum's increase; the growth after it is the sum's too
    let v = run("财政总收入完成42.8亿元，增收9.3亿元，增长27.8%；非税收入减收1.2亿元。");
    let b: Vec<_> = v.iter().map(|i| (i.indicator.as_deref(), i.name.as_str(), i.measure, i.value.clone(), i.direction)).collect();
    assert_eq!(b[1], (Some("fiscal_revenue"), "财政总收入", Measure::Growth, n(9.3), Some(Direction::Up)), "{v:#?}");
    assert_eq!(b[2].0, Some("fiscal_revenue"), "{v:#?}");
    assert_eq!((b[3].1, b[3].4), ("非税收入", Some(Direction::Down)), "{v:#?}");
    // after a subject of its own it is part of the name
    let v = run("带动脱贫人口增收59万人次。");
    assert_eq!(v[0].name, "带动脱贫人口增收", "{v:#?}");
    // 削减 is a cut
    let v = run("化学需氧量和二氧化硫排放量分别削减3.1%和4.5%。");
    let b: Vec<_> = v.iter().map(|i| (i.name.as_str(), i.direction)).collect();
    assert_eq!(b, vec![("化学需氧量", Some(Direction::Down)), ("二氧化硫排放量", Some(Direction::Down))], "{v:#?}");
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
    let v = run_with("拟发行超长期特别国债1.3万亿元，发行地方政府专项债券4.4万亿元。", Some(SectionKind::Plan));
    let names: Vec<_> = v.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, vec!["超长期特别国债", "地方政府专项债券"]);
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
fn fenbie_after_subjects_in_their_own_clauses() {
    // Each value goes to the subject of its clause, in turn (not all to the last one).
    let v = run("城镇常住居民人均可支配收入28960元，农村常住居民人均可支配收入9860元，分别增长8.8%、10.1%。");
    let g: Vec<_> = v.iter().filter(|i| i.measure == Measure::Growth).map(|i| (i.indicator.as_deref(), i.value.clone())).collect();
    assert_eq!(g, vec![(Some("urban_disposable_income"), n(8.8)), (Some("rural_disposable_income"), n(10.1))], "{v:#?}");
    let v = run_with("规模以上工业增加值增长8%，固定资产投资增长10%，分别高于全省1.2和2.5个百分点。", Some(SectionKind::Plan));
    let r: Vec<_> = v.iter().filter(|i| i.measure == Measure::Relative).map(|i| (i.indicator.as_deref(), i.value.clone())).collect();
    assert_eq!(r, vec![(Some("industrial_value_added"), n(1.2)), (Some("fixed_asset_investment"), n(2.5))], "{v:#?}");
    // …and above the year's own goal, as above a region.
    let v = run_with("全市地区生产总值增长6.2%，高于预期目标0.2个百分点；规模以上工业增加值增长8.1%，比年度目标高1.1个百分点。", Some(SectionKind::Review));
    let r: Vec<_> = v.iter().filter(|i| i.measure == Measure::Relative).map(|i| (i.indicator.as_deref(), i.relative_to.as_deref(), i.direction, i.value.clone())).collect();
    assert_eq!(
        r,
        vec![(Some("gdp"), Some("预期目标"), Some(Direction::Up), n(0.2)), (Some("industrial_value_added"), Some("年度目标"), Some(Direction::Up), n(1.1))],
        "{v:#?}"
    );
    // …and said with 高出; a bare 同比增长幅度 is of what was said
    let v = run_with("地区生产总值1860亿元，增幅8.1%，高出全省平均水平0.7个百分点；完成一般公共预算收入148亿元，同比增长幅度达到9.6%。", Some(SectionKind::Review));
    let r: Vec<_> = v.iter().map(|i| (i.indicator.as_deref(), i.measure, i.relative_to.as_deref(), i.value.clone())).collect();
    assert_eq!(r[2], (Some("gdp"), Measure::Relative, Some("全省"), n(0.7)), "{v:#?}");
    assert_eq!(r[4], (Some("general_budget_revenue"), Measure::Growth, None, n(9.6)), "{v:#?}");
    // …and by how much the goal was passed (超过年度目标), a count as much as a rate.
    let v = run_with("城镇新增就业82.3万人，超过年度目标12.3万人；粮食产量超出预期目标5亿斤。", Some(SectionKind::Review));
    let r: Vec<_> = v.iter().filter(|i| i.measure == Measure::Relative).map(|i| (i.indicator.as_deref(), i.relative_to.as_deref(), i.direction, i.value.clone())).collect();
    assert_eq!(
        r,
        vec![(Some("urban_new_jobs"), Some("年度目标"), Some(Direction::Up), n(12.3)), (Some("grain_output"), Some("预期目标"), Some(Direction::Up), n(5.0))],
        "{v:#?}"
    );
    // Subjects listed together before 分别 still split as before.
    let v = run("城乡居民人均可支配收入分别增长8%和9%。");
    let k: Vec<_> = v.iter().map(|i| i.indicator.as_deref()).collect();
    assert_eq!(k, vec![Some("urban_disposable_income"), Some("rural_disposable_income")]);
}

#[test]
fn fenbie_stays_in_its_own_statement() {
    // A target list's items are statements of their own (`；`): a 分别 list after a
    // clause that names its subject without a figure goes to that subject…
    let v = run_with(
        "地区生产总值增长6.5%以上；固定资产投资增长8%以上；社会消费品零售总额增长6.5%；城乡居民人均可支配收入增长与经济增长同步，分别增长5.5%、7%以上。",
        Some(SectionKind::Plan),
    );
    let k: Vec<_> = v.iter().skip(3).map(|i| (i.indicator.as_deref(), i.value.clone(), i.qualifier.as_deref())).collect();
    assert_eq!(
        k,
        vec![(Some("urban_disposable_income"), n(5.5), Some("以上")), (Some("rural_disposable_income"), n(7.0), Some("以上"))],
        "{v:#?}"
    );
    // …and never to the subjects of earlier items, nor all to the last one.
    let v = run_with("地区生产总值增长6.5%；社会消费品零售总额增长6.5%；各类市场主体活力持续增强，分别增长5.5%、7%。", Some(SectionKind::Plan));
    let names: Vec<_> = v.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, vec!["地区生产总值", "社会消费品零售总额", "", ""], "{v:#?}");
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
fn older_aggregates_keep_their_own_keys() {
    let v = run("国民生产总值1286亿元，国内生产总值1302亿元，外贸出口总额12亿美元，进出口总额30亿美元。");
    let k: Vec<_> = v.iter().map(|i| i.indicator.as_deref()).collect();
    assert_eq!(k, vec![Some("gnp"), Some("gdp"), Some("exports"), Some("trade")], "{v:#?}");
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
    // unless a verb of raising money comes before the sum: the fund, with its issuer
    for (t, want) in [
        ("同时国务院同意地方发行2000亿元债券，由财政部代理发行。", "地方债券"),
        ("企业发行120亿元债券。", "企业债券"),
        ("年内发放50亿元贷款。", "贷款"),
    ] {
        let v = run(t);
        assert_eq!(v.len(), 1, "{t}: {v:?}");
        assert_eq!(v[0].name, want, "{t}");
    }
}

#[test]
fn a_classifier_counts_nouns_with_shi() {
    // 实 ends a counted noun as a verb (实现, 实施), not inside one (实事, 实训, 实验)
    for (t, want) in [("继续办好十件民生实事。", "民生实事"), ("建成5个职业技能实训基地。", "职业技能实训基地"), ("新建3个重点实验室。", "重点实验室")] {
        let v = run_with(t, Some(SectionKind::Plan));
        assert_eq!(v.iter().map(|i| i.name.as_str()).collect::<Vec<_>>(), [want], "{t}: {v:#?}");
    }
    // what the items became stays, as 贫困村全部出列 does
    assert_eq!(run("10件民生实事全部办结。")[0].name, "民生实事全部办结");
}

#[test]
fn a_quantity_with_no_subject_is_named_by_what_follows() {
    let v = run_with("推动12万亩高标准农田建设。", Some(SectionKind::Plan));
    assert_eq!(v.iter().map(|i| i.name.as_str()).collect::<Vec<_>>(), ["高标准农田建设"], "{v:#?}");
    // a subject before it stays
    let v = run_with("造林600万公顷，其中人工造林200万公顷以上。", Some(SectionKind::Plan));
    assert_eq!(v.iter().map(|i| i.name.as_str()).collect::<Vec<_>>(), ["造林", "人工造林"], "{v:#?}");
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
fn a_total_output_after_its_sown_area() {
    let v = run("粮食播种面积稳定在120万亩，总产量达到52.3万吨。");
    assert_eq!(v[1].name, "粮食总产量", "{v:?}");
    assert_eq!(v[1].indicator.as_deref(), Some("grain_output"));
    // a bare measure after the crop's other measure is the crop's too
    let v = run("粮食播种面积稳定在135万亩，产量稳定在46万吨以上，单产提高1.2%。");
    let names: Vec<_> = v.iter().map(|x| x.name.as_str()).collect();
    assert_eq!(names, ["粮食播种面积", "粮食产量", "粮食单产"], "{v:?}");
    assert_eq!(v[1].indicator.as_deref(), Some("grain_output"));
    // a measure named whole stays as it is
    assert_eq!(run("粮食播种面积稳定在135万亩，油料产量12万吨。")[1].name, "油料产量");
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
fn people_reached_by_what_the_sentence_said_before() {
    // a verb of reaching alone is no name: the figure before it in the sentence says what
    let v = run("全年改造棚户区住房58万套，惠及200多万人。");
    assert_eq!(v.len(), 2, "{v:?}");
    assert_eq!(v[1].name, "改造棚户区住房惠及");
    assert_eq!(v[1].measure, Measure::Count);
    let v = run("农村饮水安全巩固提升工程完工1200处，覆盖了80万人。");
    assert_eq!(v[1].name, "农村饮水安全巩固提升工程完工覆盖");
    // a subject of its own keeps its name; a first figure has nothing before it
    assert_eq!(run("水源替换惠及207.3万人。")[0].name, "水源替换惠及");
    assert_eq!(run("惠及200多万人。")[0].name, "惠及");
    // only people are reached so: 惠及企业 and sums keep their names
    let v = run("减税降费300亿元，惠及市场主体50余万户。");
    assert_eq!(v[1].name, "惠及市场主体");
}

#[test]
fn a_bare_total_is_the_total_of_what_was_said_before() {
    // the total of an indicator said before is that indicator
    let v = run("地区生产总值增长6.5%，总量突破3000亿元。");
    assert_eq!(v.len(), 2, "{v:?}");
    assert_eq!(v[1].name, "地区生产总值");
    assert_eq!(v[1].indicator.as_deref(), Some("gdp"));
    assert_eq!(v[1].measure, Measure::Level);
    assert_eq!(run("社会消费品零售总额增长8%，总额达到1500亿元。")[1].name, "社会消费品零售总额");
    // after what was added: the total of the rest
    for (t, want) in [
        ("新增上市公司3家，总数达到25家。", "上市公司总数"),
        ("新登记市场主体8.2万户，总量突破60万户。", "市场主体总量"),
        ("设立产业基金13支，总规模207亿元。", "产业基金总规模"),
        ("全市新设企业增长20.3%，总数突破211万户。", "企业总数"),
    ] {
        let v = run(t);
        assert_eq!(v.len(), 2, "{t}: {v:?}");
        assert_eq!(v[1].name, want, "{t}");
    }
    // nothing said before in the sentence: the total stays as written
    assert_eq!(run("总量突破60万户。")[0].name, "总量");
}

#[test]
fn a_net_change_is_a_change_of_the_carried_subject() {
    for t in ["高新技术企业达到1250家，净增320家。", "高新技术企业达到1250家，净增加320家。"] {
        let v = run(t);
        assert_eq!(v.len(), 2, "{t}: {v:?}");
        assert_eq!(v[1].name, "高新技术企业", "{t}");
        assert_eq!(v[1].measure, Measure::Growth, "{t}");
        assert_eq!(v[1].direction, Some(Direction::Up), "{t}");
    }
    let v = run("户籍人口达到100万人，净减少2万人。");
    assert_eq!(v[1].name, "户籍人口");
    assert_eq!(v[1].direction, Some(Direction::Down));
}

#[test]
fn parallel_heads_share_the_last_ones_tail() {
    let v = run("城镇居民和农村居民人均可支配收入分别增长6.5%和8%左右。");
    let k: Vec<_> = v.iter().map(|i| (i.name.as_str(), i.indicator.as_deref())).collect();
    assert_eq!(k, vec![("城镇居民人均可支配收入", Some("urban_disposable_income")), ("农村居民人均可支配收入", Some("rural_disposable_income"))]);
    let v = run("工业投资和民间投资增速分别达到12%和8%。");
    let k: Vec<_> = v.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(k, vec!["工业投资增速", "民间投资增速"]);
    // different nouns: each as written
    let v = run("粮食产量和生猪出栏量分别增长2%和3%。");
    let k: Vec<_> = v.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(k, vec!["粮食产量", "生猪出栏量"]);
}

#[test]
fn a_growth_above_the_other_residents_is_relative_to_them() {
    let v = run("农村居民人均可支配收入21560元，增长6.8%，高于城镇居民1.9个百分点。");
    let last = v.last().unwrap();
    assert_eq!((last.name.as_str(), last.measure, last.relative_to.as_deref()), ("农村居民人均可支配收入", Measure::Relative, Some("城镇居民")), "{v:#?}");
}

#[test]
fn deposits_and_loans_said_together_are_each_named() {
    let v = run("金融机构本外币存贷款余额分别达到7200亿元、6800亿元，分别增长8.2%、9.5%。");
    let k: Vec<_> = v.iter().map(|i| (i.name.as_str(), i.value.low())).collect();
    assert_eq!(
        k,
        vec![("金融机构本外币存款余额", 7200.0), ("金融机构本外币贷款余额", 6800.0), ("金融机构本外币存款余额", 8.2), ("金融机构本外币贷款余额", 9.5)],
        "{v:#?}"
    );
    let v = run("进出口分别增长5%和3%。");
    let k: Vec<_> = v.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(k, vec!["进口", "出口"]);
}

#[test]
fn a_bare_rate_is_of_what_the_sentence_said() {
    let v = run("全市地区生产总值突破5000亿元大关，增速较全省高1.2个百分点。");
    assert_eq!(v[1].name, "地区生产总值增速", "{v:#?}");
    let v = run("工业投资增速12.3%，增速居全省第一。");
    assert_eq!(v[0].name, "工业投资增速");
    // nothing said before: as written
    assert_eq!(run("增速较全省高1.2个百分点。")[0].name, "增速");
    // a fall's rate, narrowed against part of the year
    let v = run("规模以上工业企业利润总额下降5.2%，降幅比上半年收窄8个百分点。");
    assert_eq!((v[1].name.as_str(), v[1].value.clone()), ("规模以上工业企业利润总额降幅", n(8.0)), "{v:#?}");
    assert_eq!(v[1].direction, Some(Direction::Down), "{v:#?}");
}

#[test]
fn kinds_in_brackets_are_part_of_the_noun() {
    let v = run("全州8个县（市、新区）全部脱贫摘帽。建成10个村（社区）综合服务中心。");
    assert_eq!(v[0].name, "县（市、新区）全部脱贫摘帽", "{v:#?}");
    assert_eq!(v[1].name, "村（社区）综合服务中心", "{v:#?}");
    let v = run("全省县（市、区）一般公共预算收入增长8%。新（改、扩）建学校16所。");
    assert_eq!((v[0].name.as_str(), v[0].measure), ("县（市、区）一般公共预算收入", Measure::Growth), "{v:#?}");
    assert_eq!(v[1].name, "新（改、扩）建学校", "{v:#?}");
    // a note in brackets still ends the clause
    let v = run("地区生产总值增长7.6%（预计），规模以上工业增加值增长8.5%（预计）。");
    assert_eq!(v.iter().map(|i| i.name.as_str()).collect::<Vec<_>>(), ["地区生产总值", "规模以上工业增加值"], "{v:#?}");
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
fn a_share_with_no_part_is_of_what_the_sentence_said_before() {
    let v = run("全省R&D经费支出突破1500亿元，占GDP比重2.7%。");
    assert_eq!(v.len(), 2, "{v:?}");
    assert_eq!(v[1].name, "R&D经费支出占GDP比重");
    assert_eq!(v[1].indicator.as_deref(), Some("rd_intensity"));
    assert_eq!(v[1].measure, Measure::Share);
    let v = run("高速铁路运营里程达1.6万公里，占世界的60%以上。");
    assert_eq!(v[1].name, "高速铁路运营里程占世界");
    assert_eq!(v[1].measure, Measure::Share);
    // nothing said before: as written
    assert_eq!(run("占一般公共预算支出的80.5%。")[0].name, "占一般公共预算支出");
    // 占地区生产总值 is a share of the region's output (占地 alone is land taken)
    let v = run("研发经费支出约4200亿元，占地区生产总值比重达3.26%。");
    assert_eq!(v[1].name, "研发经费支出占地区生产总值比重");
    assert_eq!(v[1].indicator.as_deref(), Some("rd_intensity"));
    assert_eq!(v[1].measure, Measure::Share);
}

#[test]
fn a_classifier_counts_the_noun_after_it() {
    for (t, want) in [
        ("今年建成4条高速公路。", "高速公路"),
        ("推进5万个行政村通光纤。", "行政村"),
        // 出列 is one word (a poor village leaves the list), not 出 before 列入
        ("42个贫困村出列。", "贫困村出列"),
        ("186个贫困村全部出列。", "贫困村全部出列"),
        ("3个项目列入国家计划。", "项目"),
    ] {
        let v = run(t);
        assert_eq!(v.len(), 1, "{t}: {v:?}");
        assert_eq!(v[0].name, want, "{t}");
    }
}

#[test]
fn a_counted_noun_is_read_whole_and_keeps_what_the_items_became() {
    for (t, want) in [
        // words that begin with a char that ends a noun elsewhere
        ("新增3家上市公司。", "上市公司"),
        ("创建2个国家级开发区。", "国家级开发区"),
        ("开工建设5个在建项目。", "在建项目"),
        // a rank or grade inside the noun; a bare number is not one
        ("引进5家世界500强企业。", "世界500强企业"),
        ("新增2个4A级景区。", "4A级景区"),
        ("建成1.2万个5G基站。", "5G基站"),
        ("3个项目2023年开工。", "项目"),
        // what the items became
        ("4个村入选全国乡村旅游重点村。", "村入选全国乡村旅游重点村"),
        ("7家单位获评全国文明单位。", "单位获评全国文明单位"),
        ("力争2个开发区进入全省综合考评30强。", "开发区进入全省综合考评30强"),
        ("5名学者上榜“全球顶尖科学家榜单”。", "学者上榜“全球顶尖科学家榜单”"),
        ("5名学者上榜“顶a”。", "学者上榜“顶a”"),
        ("5名学者上榜“ab顶尖科学家榜单之一二三四五六七八九十一二三四五六七八九十”。", "学者"),
        // 名 counts people like a classifier
        ("妥善安置34.4万名受灾群众。", "受灾群众"),
        // a count with a bound before the noun counts it (not a size class like 10亿元以上项目)
        ("新增10个以上省级园区。", "省级园区"),
        ("引进30名以上高层次人才。", "高层次人才"),
        ("5家以上企业进入全省百强。", "企业进入全省百强"),
        // a short second noun that ends the clause; not one the clause goes on from
        ("疏散转移54.2万名工地和险区群众。", "工地和险区群众"),
        ("20户企业与高校缔结创新共同体。", "企业"),
        // a list of short nouns joined by 、 that ends the clause; not one that goes on
        ("引进100名以上省外校长、教师。", "省外校长、教师"),
        ("引进100名以上省外校长、教师、医生。", "省外校长、教师、医生"),
        ("更新保护3个国家、省级街区。", "国家、省级街区"),
        ("培训200名教师、校长等骨干。", "教师"),
        // 建筑 is a noun, not the verb 建
        ("保护修缮146处历史建筑。", "历史建筑"),
        // adverbs before the verb that ends the noun are the verb's (贫困村全部出列,
        // a predicate kept whole, keeps its own)
        ("2800余个村庄基本完成美丽乡村建设。", "村庄"),
        ("759所受灾学校全部如期开学。", "受灾学校"),
        // as before: the verb's 列入 ends the noun, 位居 too
        ("3个项目列入国家计划。", "项目"),
        ("2个指标位居全省第一。", "指标"),
    ] {
        let v = run(t);
        assert_eq!(v.len(), 1, "{t}: {v:?}");
        assert_eq!(v[0].name, want, "{t}");
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
fn trade_words_inside_other_things_are_not_trade() {
    first_keys(&[
        ("出口退税办结平均时间压缩至1.06天。", None),
        ("新增有进出口实绩企业100家。", None),
        ("兑现出口退税12亿元。", None),
        ("外贸依存度下降2个百分点。", None),
        ("外贸进出口总额1285亿元。", Some("trade")),
        ("其中出口额826亿元。", Some("exports")),
        ("进口增长5%。", Some("imports")),
    ]);
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
fn a_count_so_far_is_of_all_of_them_not_of_the_new_ones() {
    for (t, want) in [
        ("新增国家级专精特新“小巨人”企业86家，累计达到350家。", "国家级专精特新“小巨人”企业"),
        ("新增市场主体4800户，累计达到3.6万户。", "市场主体"),
        // a verb of adding alone adds to what was said
        ("新建5G基站3000个，累计建成1.2万个。", "建成5G基站"),
        // people added so far are still the added (cumulative new jobs), and so are areas
        ("新增城镇就业5万人，累计达到20万人。", "新增城镇就业"),
        ("新增造林3万亩，累计达到50万亩。", "新增造林"),
        // things named before what happened to them: the same order
        ("156个重大工程项目开工123个、建成30个。", "重大工程项目建成"),
    ] {
        let v = run(t);
        assert!(v.len() >= 2, "{t}: {v:?}");
        assert_eq!(v[v.len() - 1].name, want, "{t}");
    }
}

#[test]
fn workers_from_poor_households_in_jobs_are_not_poverty_reduction() {
    first_keys(&[
        ("脱贫劳动力务工规模超过3300万人。", None),
        ("脱贫劳动力实现就业61.74万人。", None),
        ("全年减贫1.2万人。", Some("poverty_reduction")),
        ("确保1.5万贫困人口稳定脱贫。", Some("poverty_reduction")),
    ]);
}

#[test]
fn a_total_length_or_area_is_of_the_measure_said_before() {
    for (t, want) in [
        ("新增高速公路通车里程560公里、总里程达到9800公里。", "高速公路通车总里程"),
        ("新增耕地面积2万亩，总面积达到80万亩。", "耕地总面积"),
    ] {
        let v = run(t);
        assert_eq!(v.len(), 2, "{t}: {v:?}");
        assert_eq!(v[1].name, want, "{t}");
    }
}

/// Each passage's first figure has the key given (None: no key).
fn first_keys(cases: &[(&str, Option<&str>)]) {
    for &(t, want) in cases {
        let v = run(t);
        assert!(!v.is_empty(), "{t}");
        assert_eq!(v[0].indicator.as_deref(), want, "{t}: {v:?}");
    }
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
fn xinzeng_alone_after_a_stock_is_what_was_added() {
    let v = run("高新技术企业达到1000家，新增120家。市场主体达到50万户，新增8万户。");
    let names: Vec<_> = v.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, ["高新技术企业", "新增高新技术企业", "市场主体", "新增市场主体"], "{v:#?}");
    // A name that says 新增 already keeps it; 累计 after 新增 is still all of them.
    let v = run("城镇新增就业5.2万人，新增2000人。");
    assert_eq!(v[1].name, "城镇新增就业", "{v:#?}");
    let v = run("新增高新技术企业120家，累计达到1000家。");
    assert_eq!(v[1].name, "高新技术企业", "{v:#?}");
}

#[test]
fn an_investment_said_alone_after_projects_is_theirs() {
    let v = run("实施省市重点项目150个，总投资2000亿元，年度完成投资500亿元。新开工亿元以上项目320个，完成投资1200亿元。");
    let names: Vec<_> = v.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(
        names,
        ["实施省市重点项目", "省市重点项目总投资", "省市重点项目年度完成投资", "新开工亿元以上项目", "新开工亿元以上项目投资"],
        "{v:#?}"
    );
    let v = run("实施省市重点项目300个，完成年度投资600亿元。");
    assert_eq!(v[1].name, "省市重点项目年度投资", "{v:#?}");
    // Investment with its own words, or with no projects before it, stays as written.
    let v = run("全社会固定资产投资增长8%，其中工业投资增长12%。");
    assert_eq!(v[1].name, "工业投资", "{v:#?}");
    let v = run("全年完成投资800亿元。");
    assert_eq!(v[0].name, "投资", "{v:#?}");
}

#[test]
fn a_topic_saying_how_a_thing_went_names_the_thing() {
    let v = run("进出口总额逆势上扬，全年有望突破200亿元。");
    assert_eq!((v[0].name.as_str(), v[0].indicator.as_deref(), v[0].status), ("进出口总额", Some("trade"), Status::Estimate), "{v:#?}");
}
