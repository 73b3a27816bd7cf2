//! Unit tests of the gap reader.

use super::*;

#[test]
fn subjects() {
    let g = read("全市地区生产总值实现");
    assert_eq!(g.subject, "地区生产总值");
    // 占比 names a share; it is not a verb to drop
    let g = read("其中税收收入占比达到");
    assert_eq!((g.subject.as_str(), g.share), ("税收收入占比", true));
    let g = read("服务业增加值占比提高到");
    assert_eq!((g.subject.as_str(), g.share), ("服务业增加值占比", true));
    // a long share keeps its whole name, 的 and all; a quote closed inside keeps its opening
    let g = read("高新技术产业增加值占规模以上工业增加值的比重达到");
    assert_eq!(g.subject, "高新技术产业增加值占规模以上工业增加值的比重");
    let g = read("“最多上一次网”事项占比");
    assert_eq!(g.subject, "“最多上一次网”事项占比");
    let g = read("“十四五”规划的地区生产总值");
    assert!(!g.subject.starts_with('“') || g.subject.contains('”'), "{}", g.subject);
    let g = read("前三季度全市实现地区生产总值");
    assert_eq!(g.subject, "地区生产总值");
    let g = read("城乡居民人均可支配收入分别达到");
    assert_eq!(g.subject, "城乡居民人均可支配收入");
    assert!(g.each);
    let g = read("、同口径增长");
    assert_eq!(g.subject, "");
    assert!(g.up);
    let g = read("地区生产总值增速高于全省");
    assert_eq!(g.subject, "地区生产总值增速");
    assert_eq!(g.relative_to.as_deref(), Some("全省"));
    let g = read("比1980年预计增长");
    assert_eq!(g.subject, "");
    assert!(!g.est);
    let g = read("国内生产总值比上年增长");
    assert_eq!(g.subject, "国内生产总值");
    assert!(g.up);
    let g = read("是2011年的");
    assert_eq!(g.subject, "");
    let g = read("城镇登记失业率控制在");
    assert_eq!((g.subject.as_str(), g.qual), ("城镇登记失业率", Some("控制在")));
    let g = read("1979年社会商品零售总额");
    assert_eq!((g.subject.as_str(), g.year), ("社会商品零售总额", Some(1979)));
    let g = read("农村社队和农民收入将增加近");
    assert_eq!((g.subject.as_str(), g.qual, g.up), ("农村社队和农民收入", Some("近"), true));
    let g = read("人口自然增长率为");
    assert_eq!(g.subject, "人口自然增长率");
    assert!(!g.up);
    let g = read("预计居民人均可支配收入增长");
    assert!(g.est);
    assert_eq!(g.subject, "居民人均可支配收入");
    let g = read("在城镇安排");
    assert_eq!(g.subject, "城镇");
    let g = read("全社会固定资产投资累计完成");
    assert!(g.cum);
    assert_eq!(g.subject, "全社会固定资产投资");
}

#[test]
fn splits() {
    assert_eq!(
        split_subject("城镇、农村常住居民人均可支配收入", 2, false),
        ["城镇常住居民人均可支配收入", "农村常住居民人均可支配收入"]
    );
    assert_eq!(split_subject("一、二、三产增加值", 3, false), ["一产增加值", "二产增加值", "三产增加值"]);
    assert_eq!(split_subject("一、二、三产业增加值", 3, false), ["第一产业增加值", "第二产业增加值", "第三产业增加值"]);
    // written without 、, or as 三次产业
    assert_eq!(split_subject("一二三产业增加值", 3, false), ["第一产业增加值", "第二产业增加值", "第三产业增加值"]);
    assert_eq!(split_subject("二三产业增加值", 2, false), ["第二产业增加值", "第三产业增加值"]);
    assert_eq!(split_subject("一二三产增加值", 3, false), ["一产增加值", "二产增加值", "三产增加值"]);
    assert_eq!(split_subject("三次产业增加值", 3, false), ["第一产业增加值", "第二产业增加值", "第三产业增加值"]);
    // a count of numerals other than the figures' is left whole
    assert_eq!(split_subject("一二三产业增加值", 2, false), ["一二三产业增加值"]);
    assert_eq!(split_subject("城乡居民可支配收入", 2, false), ["城镇居民可支配收入", "农村居民可支配收入"]);
    assert_eq!(
        split_subject("规模以上工业增加值、社会消费品零售总额、进出口总额", 1, true),
        ["规模以上工业增加值", "社会消费品零售总额", "进出口总额"]
    );
    assert_eq!(split_subject("轮船、驳船货运量", 1, false), ["轮船、驳船货运量"]);
    assert_eq!(split_subject("城镇和农村常住居民人均可支配收入", 2, false).len(), 2);
}

#[test]
fn a_plan_named_as_a_base_ends_in_its_last_year() {
    for (b, want) in [("“十三五”时期", Some(2020)), ("九五期间", Some(2000)), ("“十五五”时期", Some(2030)), ("“十五”时期", Some(2005)), ("“六五”时期", Some(1985)), ("上年", None), ("二十五期间", None)] {
        assert_eq!(plan_end(b), want, "{b}");
    }
    let g = read("一般公共预算收入较“十三五”时期增长");
    assert_eq!((g.subject.as_str(), g.base_year), ("一般公共预算收入", Some(2020)));
}
