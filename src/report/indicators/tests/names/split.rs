//! Subjects split and joined: 分别, pairs, parallel heads, whole subjects said together.

use super::*;

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
