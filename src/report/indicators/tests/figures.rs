//! Figures: numbers, units, ranges, ratios, multiples, milestones, measures.

use super::*;

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
    // 恢复到2019年(同期)的N%: what part of that year's level has come back, this year
    let v = run_with("全年接待游客4800万人次，实现旅游总收入520亿元，分别恢复到2019年的105%和98%。", Some(SectionKind::Review));
    let b: Vec<_> = v.iter().skip(2).map(|i| (i.name.as_str(), i.measure, i.value.clone(), i.year)).collect();
    assert_eq!(b, vec![("接待游客", Measure::Rate, n(105.0), Some(2023)), ("旅游总收入", Measure::Rate, n(98.0), Some(2023))], "{v:#?}");
    let v = run_with("全年接待游客4800万人次，恢复至2019年同期的86%。", Some(SectionKind::Review));
    assert_eq!((v[1].name.as_str(), v[1].value.clone(), v[1].year), ("接待游客", n(86.0), Some(2023)), "{v:#?}");
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
fn an_amount_above_another_region_is_relative() {
    let v = run("人均地区生产总值达到5.6万元，比全省平均水平高0.3万元。");
    let b: Vec<_> = v.iter().map(|i| (i.measure, i.relative_to.as_deref(), i.direction, i.unit.as_str())).collect();
    assert_eq!(b, [(Measure::Level, None, None, "万元"), (Measure::Relative, Some("全省"), Some(Direction::Up), "万元")], "{v:#?}");
    // an amount above a past year is a growth, as before
    let v = run("国家外汇储备达到1399亿美元，比1992年末增加1205亿美元。");
    assert_eq!((v[1].measure, v[1].relative_to.as_deref()), (Measure::Growth, None), "{v:#?}");
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
fn no_panic_odd_input() {
    for s in ["", "，，，", "%%%", "、、、", "1", "１", "一", "保8争", "6-", "12:", "百分之", "万亿元", "1.", "增长-", "（（（", "）", "\n\n\n", "指数103", "高于全省"] {
        let _ = run(s);
    }
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
fn indicator_ids_as_formatted() {
    for n in [0usize, 1, 9, 10, 99, 100, 12345, 235_623, usize::MAX] {
        assert_eq!(indicator_id(n), format!("i{n}"));
    }
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
fn points_above_a_list_of_regions() {
    // one unit for the list, one region to each figure, in turn
    let v = run("全市生产总值增长6.2%，高于全国、全省1.2和0.5个百分点。规上工业增加值增长8%，分别高于全国和全省2.2、1.1个百分点。");
    let rel: Vec<_> = v.iter().filter(|i| i.measure == Measure::Relative).map(|i| (i.name.as_str(), i.value.clone(), i.unit.as_str(), i.relative_to.as_deref())).collect();
    assert_eq!(
        rel,
        [
            ("生产总值", n(1.2), "个百分点", Some("全国")),
            ("生产总值", n(0.5), "个百分点", Some("全省")),
            ("规上工业增加值", n(2.2), "个百分点", Some("全国")),
            ("规上工业增加值", n(1.1), "个百分点", Some("全省")),
        ],
        "{v:#?}"
    );
}

#[test]
fn list_numbers_are_not_part_of_names() {
    let v = run_with("1.地区生产总值增长7.6%。（2）城镇调查失业率5.5%左右。3、居民消费价格涨幅3%左右。", Some(SectionKind::Plan));
    let names: Vec<_> = v.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, vec!["地区生产总值", "城镇调查失业率", "居民消费价格涨幅"], "{v:#?}");
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
fn zero_growth_is_a_growth_of_nothing() {
    let v = run_with("一般性支出实现零增长，“三公”经费零增长。", Some(SectionKind::Plan));
    let g: Vec<_> = v.iter().map(|i| (i.name.as_str(), i.measure, i.value.clone(), i.unit.as_str(), i.direction)).collect();
    assert_eq!(g, [("一般性支出", Measure::Growth, n(0.0), "%", None), ("“三公”经费", Measure::Growth, n(0.0), "%", None)], "{v:#?}");
    // inside a word, or a name: none
    assert!(run("人口零增长率目标；负零增长。").is_empty());
}

#[test]
fn a_price_rise_capped_is_a_growth() {
    // 涨幅 and its long form 上涨幅度 name a growth, capped by 控制在
    for t in ["居民消费价格涨幅控制在3%左右。", "零售物价上涨幅度控制在百分之十以内。", "物价增长幅度控制在4%以内。"] {
        let v = run(t);
        assert_eq!((v.len(), v[0].measure), (1, Measure::Growth), "{t}: {v:#?}");
    }
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
    // …or at the end of its clause, without 大关: the thing that passed it goes on
    let v = run("民间投资占比提升至54.2%；社会消费品零售总额突破千亿元，达到1008亿元、增长5.8%；接待游客突破千万人次。");
    let g: Vec<_> = v.iter().skip(1).map(|i| (i.name.as_str(), i.indicator.as_deref(), i.value.clone(), i.unit.as_str())).collect();
    assert_eq!(
        g,
        vec![
            ("社会消费品零售总额", Some("retail_sales"), n(1000.0), "亿元"),
            ("社会消费品零售总额", Some("retail_sales"), n(1008.0), "亿元"),
            ("社会消费品零售总额", Some("retail_sales"), n(5.8), "%"),
            ("接待游客", None, n(1000.0), "万人次"),
        ],
        "{v:#?}"
    );
    // Magnitudes that name a class of places or firms, and steps with no figure, are not values.
    let v = run("跻身全省千亿市州行列，培育百亿级企业，各项工作迈上新台阶，突破万众瞩目的难关，经济总量连续跨越两个千亿元台阶。");
    assert!(v.is_empty(), "{v:#?}");
    let v = run("打造千亿元产业集群，建成百万人口城市，万元。");
    assert!(v.is_empty(), "{v:#?}");
}

#[test]
fn a_goal_met_said_with_its_year_and_head_counted_livestock() {
    let v = run("城镇新增就业1260人，完成全年目标的105%。牧业年度牲畜存栏稳定在120万头只以上。");
    let g: Vec<_> = v.iter().map(|i| (i.name.as_str(), i.indicator.as_deref(), i.unit.as_str(), i.qualifier.as_deref())).collect();
    assert_eq!(
        g,
        vec![
            ("城镇新增就业", Some("urban_new_jobs"), "人", None),
            ("城镇新增就业完成目标", None, "%", None),
            ("牧业年度牲畜存栏", None, "万头只", Some("以上")),
        ],
        "{v:#?}"
    );
}

#[test]
fn a_step_passed_then_the_level_reached() {
    // the second figure is still the output's, not the step's
    let v = run("全市地区生产总值迈上5000亿元台阶、达到5012.3亿元，增长6.1%。城镇新增就业6.5万人，完成年度目标的130%。");
    let g: Vec<_> = v.iter().map(|i| (i.name.as_str(), i.indicator.as_deref(), i.value.clone())).collect();
    assert_eq!(
        g,
        vec![
            ("地区生产总值", Some("gdp"), n(5000.0)),
            ("地区生产总值", Some("gdp"), n(5012.3)),
            ("地区生产总值", Some("gdp"), n(6.1)),
            ("城镇新增就业", Some("urban_new_jobs"), n(6.5)),
            // how much of the year's goal was met: of the jobs, but not the jobs' indicator
            ("城镇新增就业完成年度目标", None, n(130.0)),
        ],
        "{v:#?}"
    );
    // …and of the budget; a turn from fall to rise is no part of a name
    let v = run("一般公共预算收入176.5亿元，增长9.1%，完成预算的103.2%。外贸进出口总额由负转正，增长3.6%。");
    let g: Vec<_> = v.iter().map(|i| (i.name.as_str(), i.indicator.as_deref(), i.value.clone())).collect();
    assert_eq!(g[2], ("一般公共预算收入完成预算", None, n(103.2)), "{v:#?}");
    assert_eq!(g[3], ("外贸进出口总额", Some("trade"), n(3.6)), "{v:#?}");
}

#[test]
fn flat_is_a_growth_of_nothing() {
    let v = run("区级一般公共预算收入完成86.2亿元，与上年持平。");
    let g: Vec<_> = v.iter().map(|i| (i.name.as_str(), i.measure, i.value.clone(), i.unit.as_str(), i.direction)).collect();
    assert_eq!(
        g,
        vec![
            ("区级一般公共预算收入", Measure::Level, n(86.2), "亿元", None),
            ("区级一般公共预算收入", Measure::Growth, n(0.0), "%", None),
        ],
        "{v:#?}"
    );
    let v = run_with("固定资产投资与上年持平；社会消费品零售总额增长5%左右。", Some(SectionKind::Plan));
    let g: Vec<_> = v.iter().map(|i| (i.name.as_str(), i.value.clone(), v_text(&i.sentence, i))).collect();
    assert_eq!(g[0], ("固定资产投资", n(0.0), "与上年持平".to_string()), "{v:#?}");
}

/// The words of a figure in its sentence.
fn v_text(sentence: &str, i: &Indicator) -> String {
    let from = i.span.start - i.sentence_span.start;
    sentence[from..from + (i.span.end - i.span.start)].to_string()
}

#[test]
fn a_milestone_lends_its_subject() {
    // A clause that passes a milestone with no figure names the growth that follows it.
    let v = run("五年来，全市经济总量连续跨越三个千亿台阶，年均增长6.4%。各项工作迈上新台阶，年均增长8%。");
    let g: Vec<_> = v.iter().map(|i| (i.name.as_str(), i.value.clone())).collect();
    assert_eq!(g, vec![("经济总量", n(6.4)), ("", n(8.0))], "{v:#?}");
}

#[test]
fn a_count_of_sized_steps_is_no_level() {
    // 两个五千亿元台阶: each step's size, counted; the level reached follows
    let v = run("全区经济总量连续跨越两个五千亿元台阶，2025年全区生产总值达到3.02万亿元。");
    let b: Vec<_> = v.iter().map(|i| (i.name.as_str(), &i.value)).collect();
    assert_eq!(b, [("生产总值", &n(3.02))], "{v:#?}");
    // a step passed is still a level reached
    let v = run("地区生产总值迈上5000亿元台阶。");
    assert_eq!((v[0].name.as_str(), &v[0].value), ("地区生产总值", &n(5000.0)), "{v:#?}");
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
fn scaled_values_in_base_units_have_no_binary_noise() {
    let v = run("赤字规模4.06万亿元。人均补助36.3万元。粮食产量1.3万亿斤。");
    let b: Vec<_> = v.iter().map(|i| i.value_base).collect();
    assert_eq!(b, [Some(40600.0), Some(0.00363), Some(1.3e12)]);
}

#[test]
fn a_part_against_its_whole_is_a_share() {
    let v = run("全年民生支出占一般公共预算支出的80.2%。");
    assert_eq!(v[0].measure, Measure::Share, "{v:?}");
    let v = run("城镇调查失业率5.5%左右。");
    assert_eq!(v[0].measure, Measure::Rate);
}

#[test]
fn growth_above_the_economys_is_relative_to_it() {
    let v = run("城乡居民人均可支配收入分别增长7.8%、9.6%，分别高于经济增速0.2和2.0个百分点。");
    assert_eq!(v.len(), 4, "{v:?}");
    for (x, key) in v[2..].iter().zip(["urban_disposable_income", "rural_disposable_income"]) {
        assert_eq!(x.measure, Measure::Relative, "{x:?}");
        assert_eq!(x.relative_to.as_deref(), Some("经济增速"));
        assert_eq!(x.indicator.as_deref(), Some(key));
    }
    let v = run("居民人均可支配收入增长8%，高于经济增长1.5个百分点。");
    assert_eq!(v[1].measure, Measure::Relative, "{v:?}");
    assert_eq!(v[1].name, "居民人均可支配收入");
}

#[test]
fn many_between_the_place_and_the_unit_keeps_the_unit() {
    // 4万多亿元 is 4 trillion and more, not "4万" with the unit lost.
    let v = run("居民储蓄存款新增4万多亿元，惠及群众3亿多人，处置土地2.3万余亩。");
    let got: Vec<_> = v.iter().map(|i| (i.value.clone(), i.unit.as_str(), i.qualifier.as_deref(), i.value_base)).collect();
    assert_eq!(
        got,
        [
            (n(4.0), "万亿元", Some("多"), Some(40000.0)),
            (n(3.0), "亿人", Some("多"), Some(3e8)),
            (n(2.3), "万亩", Some("余"), Some(23000.0)),
        ],
        "{v:#?}"
    );
    // Only a unit that reads with its place word: 2000多亿元 as before.
    let v = run("财政收入2000多亿元。");
    assert_eq!((v[0].unit.as_str(), v[0].value_base), ("亿元", Some(2000.0)), "{v:#?}");
}

#[test]
fn many_between_the_place_and_a_classifier_keeps_the_classifier() {
    let v = run("1万余套受损农民住房完成修缮，新增2万余名技能人才，更新3万多辆公交车。");
    let got: Vec<_> = v.iter().map(|i| (i.unit.as_str(), i.qualifier.as_deref(), i.value_base)).collect();
    assert_eq!(got, [("万套", Some("余"), Some(10000.0)), ("万名", Some("余"), Some(20000.0)), ("万辆", Some("多"), Some(30000.0))], "{v:#?}");
    assert_eq!(v[0].measure, Measure::Count, "{v:#?}");
}

#[test]
fn working_days_are_a_unit_and_months_a_span() {
    let v = run("企业开办时间压缩至1个工作日以内，不动产登记压缩到3个工作日。");
    let got: Vec<_> = v.iter().map(|i| (i.name.as_str(), i.value.clone(), i.unit.as_str())).collect();
    assert_eq!(got, [("企业开办时间", n(1.0), "个工作日"), ("不动产登记", n(3.0), "个工作日")], "{v:#?}");
    assert_eq!(v[0].qualifier.as_deref(), Some("以内"));
    // A count of months says how long, not what: no figure, and not part of the name.
    assert!(run("规模以上工业增加值连续10个月保持两位数增长。").is_empty());
    for t in ["城镇调查失业率连续6个月低于5.5%。", "连续6个月城镇调查失业率低于5.5%。"] {
        let v = run(t);
        assert_eq!(got_names(&v), ["城镇调查失业率"], "{t}: {v:#?}");
    }
    // Shorter or sooner by a number of days is a change downwards.
    let v = run("审批时间平均缩短2.5天，项目建设工期提前40天完成。");
    let got: Vec<_> = v.iter().map(|i| (i.name.as_str(), i.measure, i.direction)).collect();
    assert_eq!(
        got,
        [("审批时间", Measure::Growth, Some(Direction::Down)), ("项目建设工期", Measure::Growth, Some(Direction::Down))],
        "{v:#?}"
    );
}

fn got_names(v: &[Indicator]) -> Vec<&str> {
    v.iter().map(|i| i.name.as_str()).collect()
}

#[test]
fn a_ratio_keeps_its_bound() {
    let v = run("城乡居民收入比缩小到1.95:1以内，三次产业结构调整为8.5:40.2:51.3。");
    let got: Vec<_> = v.iter().map(|i| (i.measure, i.qualifier.as_deref())).collect();
    assert_eq!(got, [(Measure::Ratio, Some("以内")), (Measure::Ratio, None)], "{v:#?}");
}
