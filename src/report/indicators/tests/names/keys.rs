//! Keys and counted nouns: synonyms of the headline's subjects, what is not theirs, nouns counted by a classifier.

use super::*;

#[test]
fn rd_to_gdp_ratios_are_rd_intensity_not_gdp() {
    for s in ["研究与试验发展经费支出与国内生产总值之比超过2%。", "全社会研发支出占国内生产总值比重达到2.5%。"] {
        let v = run(s);
        assert_eq!(v.len(), 1, "{s}");
        assert_eq!(v[0].indicator.as_deref(), Some("rd_intensity"), "{s}");
    }
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
fn older_aggregates_keep_their_own_keys() {
    let v = run("国民生产总值1286亿元，国内生产总值1302亿元，外贸出口总额12亿美元，进出口总额30亿美元。");
    let k: Vec<_> = v.iter().map(|i| i.indicator.as_deref()).collect();
    assert_eq!(k, vec![Some("gnp"), Some("gdp"), Some("exports"), Some("trade")], "{v:#?}");
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

/// Each passage's first figure has the key given (None: no key).
fn first_keys(cases: &[(&str, Option<&str>)]) {
    for &(t, want) in cases {
        let v = run(t);
        assert!(!v.is_empty(), "{t}");
        assert_eq!(v[0].indicator.as_deref(), want, "{t}: {v:?}");
    }
}

#[test]
fn a_latin_name_in_brackets_is_part_of_the_noun() {
    // 细颗粒物（PM2.5）: no clause ends at the bracket, and the key is the noun's
    for (t, name, key) in [
        ("地级及以上城市细颗粒物（PM2.5）平均浓度下降9.3%。", "地级及以上城市细颗粒物（PM2.5）平均浓度", Some("pm25")),
        ("重点地区细颗粒物(PM2.5)浓度下降10%。", "重点地区细颗粒物(PM2.5)浓度", Some("pm25")),
        ("二氧化硫（SO2）排放量下降3%。", "二氧化硫（SO2）排放量", None),
        ("研究与试验发展（R&D）经费投入强度达到2.1%。", "研究与试验发展（R&D）经费投入强度", Some("rd_intensity")),
    ] {
        let v = run(t);
        assert_eq!(v.len(), 1, "{t}: {v:#?}");
        assert_eq!((v[0].name.as_str(), v[0].indicator.as_deref()), (name, key), "{t}");
    }
    // a note in brackets still ends the clause
    let v = run("地区生产总值增长6.5%（按可比价格计算），一般公共预算收入增长8%。");
    assert_eq!(v[1].indicator.as_deref(), Some("general_budget_revenue"), "{v:#?}");
}

#[test]
fn a_count_of_places_the_phrase_goes_on_to_measure_counts_the_places() {
    let v = run("74个重点城市细颗粒物（PM2.5）年均浓度下降9.1%。");
    assert_eq!((v[0].name.as_str(), v[0].indicator.as_deref()), ("重点城市", None), "{v:#?}");
    assert_eq!((v[1].name.as_str(), v[1].indicator.as_deref()), ("重点城市细颗粒物（PM2.5）年均浓度", Some("pm25")), "{v:#?}");
    let v = run("338个地级及以上城市优良天数比例达到79.3%。");
    assert_eq!(v[0].name, "地级及以上城市", "{v:#?}");
    // a bound inside the noun is read through; a verb after it ends it
    for (t, want) in [("新增120家规模以上工业企业。", "规模以上工业企业"), ("新增45家限额以上商贸企业。", "限额以上商贸企业"), ("在100个地级以上城市进行公立医院改革试点。", "地级以上城市")] {
        assert_eq!(run(t)[0].name, want, "{t}");
    }
    // a facility in a city is no city; a list goes on to another figure
    let v = run("完成3座城市污水处理厂提标改造、新增污水处理能力3万吨/天。");
    assert!(v[0].name.starts_with("城市污水处理厂"), "{v:#?}");
}
