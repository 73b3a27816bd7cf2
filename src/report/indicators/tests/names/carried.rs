//! Subjects carried: a figure with no subject of its own is of what the sentence said before, or of what follows it.

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
fn a_quantity_with_no_subject_is_named_by_what_follows() {
    let v = run_with("推动12万亩高标准农田建设。", Some(SectionKind::Plan));
    assert_eq!(v.iter().map(|i| i.name.as_str()).collect::<Vec<_>>(), ["高标准农田建设"], "{v:#?}");
    // a subject before it stays
    let v = run_with("造林600万公顷，其中人工造林200万公顷以上。", Some(SectionKind::Plan));
    assert_eq!(v.iter().map(|i| i.name.as_str()).collect::<Vec<_>>(), ["造林", "人工造林"], "{v:#?}");
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

#[test]
fn a_group_of_residents_alone_is_that_groups_share_of_what_was_said() {
    for (t, name, key) in [
        ("居民人均可支配收入增长5.2%，其中农村居民增长6.6%。", "农村居民人均可支配收入", Some("rural_disposable_income")),
        ("城镇居民人均可支配收入增长4.1%，农村居民增长6.2%。", "农村居民人均可支配收入", Some("rural_disposable_income")),
        ("居民人均消费支出增长3%，其中城镇居民增长2.1%。", "城镇居民人均消费支出", None),
    ] {
        let v = run(t);
        assert_eq!((v[1].name.as_str(), v[1].indicator.as_deref()), (name, key), "{t}: {v:#?}");
    }
    // people counted are no income
    assert_eq!(run("惠及农村居民3万人。")[0].name, "惠及农村居民");
}
