//! Unit tests of the figure scanner (`scan.rs`).

use super::*;

fn items(s: &str) -> Vec<(f64, Option<f64>, String, Option<&'static str>)> {
    let mut v = Vec::new();
    scan(s, &mut v);
    v.iter()
        .map(|it| (it.low, it.high, s[it.unit_text.0..it.unit_text.1].to_string(), it.suffix))
        .collect()
}

#[test]
fn figures() {
    assert_eq!(items("全市地区生产总值实现1230亿元、增长7.6%"), [
        (1230.0, None, "亿元".into(), None),
        (7.6, None, "%".into(), None)
    ]);
    assert_eq!(items("增长6.5%－7%"), [(6.5, Some(7.0), "%".into(), None)]);
    assert_eq!(items("增长6.5%-7%"), [(6.5, Some(7.0), "%".into(), None)]);
    assert_eq!(items("增长6-6.5%"), [(6.0, Some(6.5), "%".into(), None)]);
    assert_eq!(items("增长6.5—7%"), [(6.5, Some(7.0), "%".into(), None)]);
    assert_eq!(items("增长保8争9"), [(8.0, Some(9.0), "".into(), None)]);
    assert_eq!(items("固定资产投资保5%争8%"), [(5.0, Some(8.0), "%".into(), None)]);
    assert_eq!(items("增长-3.8%"), [(-3.8, None, "%".into(), None)]);
    assert_eq!(items("一千二百三十亿元"), [(1230.0, None, "亿元".into(), None)]);
    assert_eq!(items("百分之八"), [(8.0, None, "".into(), None)]);
    assert_eq!(items("千分之十二以内"), [(12.0, None, "".into(), Some("以内"))]);
    // ranges written in words, and a bare 万 whose range ends in 万人
    assert_eq!(items("增长百分之五到百分之六"), [(5.0, Some(6.0), "".into(), None)]);
    assert_eq!(items("新增就业1.2万—1.5万人"), [(1.2, Some(1.5), "万人".into(), None)]);
    assert_eq!(items("增长百分之五到千分之六"), [(5.0, None, "".into(), None), (6.0, None, "".into(), None)]);
    let mut v = Vec::new();
    scan("控制在千分之八点五", &mut v);
    assert_eq!(v.iter().map(|it| (it.low, it.unit_word, it.unit.map(|u| u.family))).collect::<Vec<_>>(), [(8.5, Some("‰"), Some(Family::Permille))]);
    assert_eq!(items("四百多项"), [(400.0, None, "项".into(), None)]);
    assert_eq!(items("城镇新增就业1000万人以上"), [(1000.0, None, "万人".into(), Some("以上"))]);
    assert!(items("2016年1月16日").is_empty());
    assert!(items("实现“十三五”良好开局").is_empty());
    assert!(items("5G基站").is_empty());
    assert!(items("第一").is_empty());
    assert!(items("引进2000万元以上项目").is_empty());
    assert!(items("年营业收入100人以上企业").is_empty());
    assert!(items("5名学者上榜全球前2%顶尖科学家榜单").iter().all(|x| x.0 != 2.0));
    assert!(items("营收排名前10％的企业").is_empty());
    assert_eq!(items("5家以上企业进入全省百强"), [(5.0, None, "家".into(), Some("以上"))]);
    assert!(items("一带一路").is_empty());
    assert!(items("三个方面").is_empty());
    assert!(items("2012-2016年").is_empty());
    assert!(items("1—11月").is_empty());
    assert!(items("[17]").is_empty());
    assert!(items("跻身全省千亿市州行列").is_empty());
    assert_eq!(items("两个百分点")[0].0, 2.0);
    let mut v = Vec::new();
    scan("三次产业结构由12.7：58.8：28.5调整为11.4:57.1:31.5", &mut v);
    assert_eq!(v.len(), 2);
    assert_eq!(v[0].parts, [12.7, 58.8, 28.5]);
    assert_eq!(v[1].kind, Kind::Ratio);
    let mut v = Vec::new();
    scan("居民消费价格指数控制在103左右", &mut v);
    assert_eq!((v[0].kind, v[0].low, v[0].suffix), (Kind::Index, 103.0, Some("左右")));
    assert_eq!(items("是2011年的1.5倍"), [(1.5, None, "倍".into(), None)]);
    assert_eq!(items("粮食产量100亿斤以上"), [(100.0, None, "亿斤".into(), Some("以上"))]);
    assert_eq!(items("四十多亿元")[0].0, 40.0);
}

#[test]
fn ratio_as_one_number() {
    let ratios = |s: &str| {
        let mut v = Vec::new();
        scan(s, &mut v);
        v.iter().map(|x| (x.kind, x.low, x.suffix)).collect::<Vec<_>>()
    };
    assert_eq!(ratios("城乡居民收入比缩小到2.23"), [(Kind::Ratio, 2.23, None)]);
    assert_eq!(ratios("城乡居民收入倍差缩小至1.95以内"), [(Kind::Ratio, 1.95, Some("以内"))]);
    assert_eq!(
        ratios("城乡居民收入倍差由2.30缩小到2.23"),
        [(Kind::Ratio, 2.3, None), (Kind::Ratio, 2.23, None)]
    );
    assert_eq!(ratios("城乡收入比值为2.1"), [(Kind::Ratio, 2.1, None)]);
    // A whole number, a number far from the noun or after another verb: not a ratio.
    assert!(ratios("城乡居民收入比缩小到2").is_empty());
    assert!(ratios("城乡居民收入比继续缩小，新建项目2.5").is_empty());
    assert!(ratios("倍差缩小到1.9万").iter().all(|x| x.0 != Kind::Ratio));
}

#[test]
fn tenths_of_a_whole() {
    assert_eq!(items("占全州工业总产值的四成以上"), [(40.0, None, "".into(), Some("以上"))]);
    assert_eq!(items("贡献率超过六成，"), [(60.0, None, "".into(), None)]);
    assert_eq!(items("近两成"), [(20.0, None, "".into(), None)]);
    assert!(items("一成不变").is_empty());
    assert!(items("三成员国").is_empty());
    assert!(items("第三成").is_empty());
    assert!(items("十三成").iter().all(|x| x.0 != 30.0));
}

#[test]
fn flat_on_the_year_before() {
    assert_eq!(items("与上年持平"), [(0.0, None, "".into(), None)]);
    assert_eq!(items("粮食产量同比持平"), [(0.0, None, "".into(), None)]);
    // about flat, holding steady, 持平 as a word of a name: no figure
    assert!(items("与上年基本持平").is_empty());
    assert!(items("经济保持平稳增长").is_empty());
    assert!(items("与上年持平衡态势").is_empty());
}
