//! Unit tests of the outline: scanners, kinds and the tree.

use super::scan::{states_figure, UNNUMBERED_KEYS, UNNUMBERED_KEY_ENDS};
use super::*;
use super::kinds::latest_plan_end;

fn outline(a: &str) -> Vec<(String, u8, String, String)> {
    let secs = build(a, &OutlineOptions { report_year: Some(2024), review_year: Some(2023), ..Default::default() });
    flatten(&secs).iter().map(|s| (s.id.clone(), s.level, s.number.clone(), s.heading.clone())).collect()
}

#[test]
fn kinds_from_content() {
    let (rv, pl) = tense_cues("去年完成了任务，2001年增长7.3%，已经实现。", Some(2002), Some(2001));
    assert!(rv >= 3 && pl == 0, "{rv} {pl}");
    let (rv, pl) = tense_cues("今年要着重做好工作，主要任务是重要的，必须力争确保2002年增长7%。", Some(2002), Some(2001));
    assert!(pl >= 5 && rv == 0, "{rv} {pl}");
    // headings without kind wording: the text decides; review never follows the plan
    let past = "去年经济增长了7.3%，完成了全年任务，2001年财政收入增加了2400亿元。\n";
    let coming = "今年要扩大内需，必须增加收入，力争增长7%，要确保稳定。\n";
    let a = format!("各位代表:\n一、扩大内需促进增长\n{past}\n二、加快农业发展\n{coming}三、推进结构调整\n加强管理。\n四、做好外交工作\n{past}");
    let secs = build(&a, &OutlineOptions { report_year: Some(2002), review_year: Some(2001), ..Default::default() });
    let kinds: Vec<_> = secs.iter().map(|s| s.kind).collect();
    assert_eq!(kinds, vec![SectionKind::Review, SectionKind::Plan, SectionKind::Plan, SectionKind::Plan]);
    // a review item about the government itself stays review
    let a = "一、2023年工作回顾\n一是经济稳步增长。全市地区生产总值增长6.4%，一般公共预算收入增长7.2%，固定资产投资增长7.2%。\n六是自身建设持续加强。扎实开展主题教育，强化干部思想能力作风建设，行政服务效能不断提升。\n二、2024年工作安排\n";
    let secs = build(a, &OutlineOptions { report_year: Some(2024), review_year: Some(2023), ..Default::default() });
    let kids: Vec<_> = secs[0].children.iter().map(|s| (s.heading.as_str(), s.kind)).collect();
    assert_eq!(kids, vec![("一是经济稳步增长", SectionKind::Review), ("六是自身建设持续加强", SectionKind::Review)]);
    assert_eq!(scan_unnumbered("六是自身建设持续加强", true), None);
}

#[test]
fn every_unnumbered_key_ends_in_a_listed_char() {
    for key in UNNUMBERED_KEYS {
        assert!(key.chars().next_back().is_some_and(|c| UNNUMBERED_KEY_ENDS.contains(&c)), "{key}");
    }
}

#[test]
fn a_sentence_stating_a_figure_is_not_a_lead_heading() {
    let a = "一、2023年工作回顾\n（一）坚持项目为王。全年新开工亿元以上产业项目328个。\n常住人口城镇化率达到76.8%。\n（二）扩大有效投资。社会消费品零售总额力争突破3500亿元。全年新开工项目很多，建设进度很快。\n";
    let o = outline(a);
    let heads: Vec<_> = o.iter().map(|x| x.3.as_str()).collect();
    assert_eq!(heads, vec!["2023年工作回顾", "坚持项目为王", "扩大有效投资"]);
    assert!(states_figure("城镇化率达到76.8%") && states_figure("突破3500亿元") && !states_figure("坚持项目为王"));
}

#[test]
fn a_list_item_or_a_lone_sentence_is_not_a_lead_heading() {
    // the last item of a dashed list, and a paragraph that is one short sentence, are
    // content; a lead sentence leads a paragraph
    let a = "一、2025年工作安排\n主要预期目标为：\n——地区生产总值增长6.5%左右；\n——完成市下达的节能减排和环境质量目标。\n坚决守住安全底线。\n产业发展提质增效。新增市场主体1.2万户，其中企业2860户。\n——经济运行稳中向好。国内生产总值达到56.9万亿元，比上年增长7.7%。\n";
    let heads: Vec<_> = outline(a).into_iter().map(|x| x.3).collect();
    assert_eq!(heads, vec!["2025年工作安排", "产业发展提质增效", "经济运行稳中向好"]);
}

#[test]
fn parts_years_in_words_and_lists_of_figures() {
    // 第一部分/第二部分 above 一、 and （一）.
    let a = "第一部分　2018年工作回顾\n一、着力稳增长\n（一）工业经济提质增效。规模以上工业增加值增长9.1%。\n第二部分　2019年工作安排\n一、主要预期目标\n1.地区生产总值增长6%左右；\n2.一般公共预算收入增长5%；\n二、重点工作\n";
    let secs = build(a, &OutlineOptions { report_year: Some(2019), review_year: Some(2018), ..Default::default() });
    let flat: Vec<_> = flatten(&secs).iter().map(|s| (s.id.clone(), s.number.clone(), s.heading.clone(), s.kind)).collect();
    assert_eq!(
        flat,
        vec![
            ("s1".into(), "第一部分".into(), "2018年工作回顾".into(), SectionKind::Review),
            ("s1.1".into(), "一".into(), "着力稳增长".into(), SectionKind::Review),
            ("s1.1.1".into(), "（一）".into(), "工业经济提质增效".into(), SectionKind::Review),
            ("s2".into(), "第二部分".into(), "2019年工作安排".into(), SectionKind::Plan),
            ("s2.1".into(), "一".into(), "主要预期目标".into(), SectionKind::Plan),
            ("s2.2".into(), "二".into(), "重点工作".into(), SectionKind::Plan),
        ]
    );
    // A year in Chinese numerals after 一、 is a heading; 一九九五年的 is a year, not five years.
    assert_eq!(scan_number("一、二〇二四年工作回顾"), Some((6, Scheme::Part, 1)));
    assert_eq!(scan_number("一、二季度"), None);
    assert_eq!(kind_of("一九九五年的主要任务", true, Some(1995), Some(1994)), Some(SectionKind::Plan));
    assert_eq!(kind_of("今后五年的主要目标", true, Some(2021), Some(2020)), Some(SectionKind::FiveYear));
    // An older plan named by its own name is five years; 十五 as a number is not.
    assert_eq!(kind_of("“十五”计划的主要任务", true, Some(2001), Some(2000)), Some(SectionKind::FiveYear));
    assert_eq!(kind_of("九五时期的奋斗目标", false, Some(1996), Some(1995)), Some(SectionKind::FiveYear));
    assert_eq!(kind_of("“九五”时期和2000年的工作回顾", true, Some(2001), Some(2000)), Some(SectionKind::Review));
    // a plan over by the year reviewed: what it did (the latest plan named decides)
    assert_eq!(kind_of("“十三五”时期取得的重大成就", true, Some(2021), Some(2020)), Some(SectionKind::Review));
    assert_eq!(kind_of("“十三五”时期主要目标任务", true, Some(2016), Some(2015)), Some(SectionKind::FiveYear));
    assert_eq!(kind_of("“十四五”时期主要目标任务和重大举措", true, Some(2021), Some(2020)), Some(SectionKind::FiveYear));
    assert_eq!(kind_of("“十三五”成就和“十四五”目标", true, Some(2021), Some(2020)), Some(SectionKind::FiveYear));
    assert_eq!(kind_of("“十五”计划的主要任务", true, Some(2006), Some(2005)), Some(SectionKind::Review));
    assert_eq!(kind_of("“十五五”时期主要目标", true, Some(2026), Some(2025)), Some(SectionKind::FiveYear));
    assert_eq!(latest_plan_end(&"“十五五”和“九五”".chars().collect::<Vec<_>>()), Some(2030));
    assert_eq!(latest_plan_end(&"二十五项".chars().collect::<Vec<_>>()), None);
    assert_eq!(kind_of("第十五届运动会筹备工作", true, Some(2001), Some(2000)), None);
    assert_eq!(kind_of("二十五项重点任务", true, Some(2001), Some(2000)), Some(SectionKind::Plan));
    // What a year is, said in one sentence, is not a lead heading.
    assert_eq!(scan_lead("2025年是“十四五”规划收官之年。今年要"), None);
    assert_eq!(scan_lead("人口自然增长率控制在5.8‰。"), None);
}

#[test]
fn numerals() {
    assert_eq!(cn_numeral("十一、"), Some((11, 6)));
    assert_eq!(cn_numeral("二十"), Some((20, 6)));
    assert_eq!(cn_numeral("三"), Some((3, 3)));
    assert_eq!(scan_number("（十）加强"), Some(("（十）".len(), Scheme::ParenCn, 10)));
    assert_eq!(scan_number("(二)加强"), Some((5, Scheme::ParenCn, 2)));
    assert_eq!(scan_number("12.加强"), Some((3, Scheme::Arabic, 12)));
    assert_eq!(scan_number("1.5亿元"), None);
    assert_eq!(scan_number("一、二季度"), None);
    assert_eq!(scan_number("②加强"), Some((3, Scheme::Circled, 2)));
}

#[test]
fn numbered_parts() {
    let a = "各位代表:\n一、2023年工作回顾\n过去一年，很好。\n（一）加快发展。推进项目建设。\n抓好重大项目建设。项目很多，很多。\n（二）深化改革\n二、2024年工作安排\n一、二季度增长很快，不是标题。\n三、加强政府自身建设\n";
    let o = outline(a);
    let ids: Vec<_> = o.iter().map(|x| format!("{} {} {}", x.0, x.2, x.3)).collect();
    assert_eq!(ids, vec!["s1 一 2023年工作回顾", "s1.1 （一） 加快发展", "s1.1.1  推进项目建设", "s1.1.2  抓好重大项目建设", "s1.2 （二） 深化改革", "s2 二 2024年工作安排", "s3 三 加强政府自身建设"]);
    let secs = build(a, &OutlineOptions { report_year: Some(2024), review_year: Some(2023), ..Default::default() });
    assert_eq!(secs[0].kind, SectionKind::Review);
    assert_eq!(secs[1].kind, SectionKind::Plan);
    assert_eq!(secs[2].kind, SectionKind::SelfBuild);
    assert_eq!(secs[0].children[0].kind, SectionKind::Review);
}

#[test]
fn unnumbered_parts() {
    let a = "2016年工作总结及本届政府工作回顾\n正文。\n（一）坚持多措并举，经济保持平稳增长\n今后五年工作总体要求和主要任务\n（一）大力推进产业现代化，打造产业体系。围绕。\n2017年工作安排\n一、着力抓投资促消费\n";
    let o = outline(a);
    let v: Vec<_> = o.iter().map(|x| format!("{} {}", x.0, x.3)).collect();
    assert_eq!(v, vec!["s1 2016年工作总结及本届政府工作回顾", "s1.1 坚持多措并举，经济保持平稳增长", "s2 今后五年工作总体要求和主要任务", "s2.1 大力推进产业现代化，打造产业体系", "s3 2017年工作安排", "s3.1 着力抓投资促消费"]);
}

#[test]
fn a_glossary_after_the_report_is_one_part_with_nothing_inside() {
    let a = "一、2023年工作回顾\n（一）稳增长。\n二、2024年工作安排\n1.扩大有效投资。\n各位代表！让我们奋力谱写新篇章！\n名词解释\n1.规上工业：指年主营业务收入2000万元及以上的工业企业。\n2.专精特新：指专业化、精细化。\n";
    let secs = build(a, &OutlineOptions { report_year: Some(2024), review_year: Some(2023), ..Default::default() });
    let v: Vec<_> = flatten(&secs).iter().map(|x| format!("{} {} {:?}", x.id, x.heading, x.kind)).collect();
    assert_eq!(v, vec!["s1 2023年工作回顾 Review", "s1.1 稳增长 Review", "s2 2024年工作安排 Plan", "s2.1 扩大有效投资 Plan", "s3 名词解释 Other"]);
    assert_eq!(body_end(&secs, a), a.find("名词解释").unwrap());
    assert_eq!(secs[2].span.end, a.trim_end().len());
    for h in ["名词解释", "名词解释:", "附:名词解释", "附件:名词解释", "【名词解释】", "本报告有关名词解释", "《政府工作报告》名词解释", "注释", "报告中有关用语说明"] {
        assert!(is_back_matter(h), "{h}");
    }
    // a bare 附件 may hold the year's tasks; a heading that mentions notes is not one
    for h in ["附件", "附件1", "注释工作", "加强名词解释工作", "2024年十件民生实事"] {
        assert!(!is_back_matter(h), "{h}");
    }
    // before any part: not back matter (nothing to end)
    assert!(outline("名词解释\n一、工作回顾\n").iter().any(|x| x.3 == "工作回顾"));
}

#[test]
fn run_on() {
    let body = "这是很长的正文内容，用来填充段落长度，".repeat(300);
    let a = format!("各位代表:现在报告。2023年工作回顾2023年是开局之年。{body}。主要做了以下工作:（一）千方百计稳增长，经济发展质效稳中有升。项目投资拉动有力。分季度召开重大项目推进会，推动项目建设取得了明显的成效和进展。{body}。2024年工作安排建议2024年是关键一年。{body}。一、聚焦抓项目增效益，持续巩固经济回升势头大力实施项目投资攻坚行动。{body}。一、二季度很好。二、聚焦产业转型升级，加快建设现代化产业体系坚定不移推进工业兴市。{body}");
    let o = outline(&a);
    let v: Vec<_> = o.iter().map(|x| format!("{} {}", x.0, x.3)).collect();
    assert_eq!(v, vec!["s1 2023年工作回顾", "s1.1 千方百计稳增长，经济发展质效稳中有升", "s1.1.1 项目投资拉动有力", "s2 2024年工作安排建议", "s2.1 聚焦抓项目增效益，持续巩固经济回升势头", "s2.1.1 大力实施项目投资攻坚行动", "s2.1.2 一、二季度很好", "s2.2 聚焦产业转型升级，加快建设现代化产业体系", "s2.2.1 坚定不移推进工业兴市"]);
}
