//! The title block: title, date, meeting, speaker, region, level and years.
//!
//! Rules follow the language of the reports: the block is the lines before
//! `各位代表` (or before the first numbered part); the meeting line says
//! `在…第N届…人民代表大会第N次会议上`; the speaker line is a title ending in
//! 长/总理/主任/主席 followed by a 2–4 character name; the region comes from the
//! meeting place, the title, `我代表…人民政府`, or the place name the text uses most.

use std::collections::HashMap;

use super::clean::is_space;
use super::model::{Level, Speaker};
use super::normalize::{fold_char, fold_cn_dates};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct TitleBlock {
    pub title: Option<String>,
    /// ISO date `YYYY-MM-DD` (or `YYYY-MM`) of the session.
    pub date: Option<String>,
    /// The meeting line as written.
    pub meeting: Option<String>,
    pub speaker: Option<Speaker>,
    pub region: Option<String>,
    pub level: Option<Level>,
    pub report_year: Option<i32>,
    pub review_year: Option<i32>,
}

/// Line content without spaces, full-width digits folded.
/// A header line without spaces, half-width, its years in digits (`一九九五年三月五日` →
/// `1995年3月5日`, as in the analysis text).
fn squeeze(s: &str) -> String {
    fold_cn_dates(&squeeze_as_written(s))
}

/// A header line without spaces, half-width; its years as written (the title shown).
fn squeeze_as_written(s: &str) -> String {
    s.chars().filter(|&c| !is_space(c) && c != '\u{FEFF}').map(|c| fold_char(c).unwrap_or(c)).collect()
}

fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c)
}

fn is_cn_numeral(c: char) -> bool {
    "一二三四五六七八九十".contains(c)
}

/// Starts a numbered part or is `各位代表`: the end of the title block.
fn ends_header(sq: &str) -> bool {
    if sq.starts_with("各位代表") {
        return true;
    }
    let mut it = sq.chars();
    let c0 = it.next();
    let c1 = it.next();
    matches!((c0, c1), (Some(a), Some('、')) if is_cn_numeral(a))
}

/// The header lines (display text), trimmed, with at most 160 chars each.
fn header_lines(display: &str) -> Vec<&str> {
    let mut v = Vec::new();
    for line in display.lines().take(60) {
        let t = line.trim_matches(|c: char| is_space(c) || c == '\u{FEFF}');
        if t.is_empty() {
            continue;
        }
        let sq = squeeze(&t.chars().take(40).collect::<String>());
        if ends_header(&sq) {
            break;
        }
        if t.chars().count() > 160 {
            break;
        }
        v.push(t);
        if v.len() >= 25 {
            break;
        }
    }
    v
}

// 专员: a 地区's 行政公署 is headed by a commissioner (地区行署专员).
const TITLE_ENDS: [&str; 6] = ["长", "总理", "主任", "主席", "书记", "专员"];

fn is_name(s: &str) -> bool {
    let n = s.chars().count();
    let dot = s.contains('·') || s.contains('•');
    s.chars().all(|c| is_han(c) || c == '·' || c == '•') && ((2..=4).contains(&n) || (dot && n <= 12))
}

fn title_ok(t: &str) -> bool {
    let n = t.chars().count();
    (1..=30).contains(&n) && TITLE_ENDS.iter().any(|e| t.ends_with(e)) && t.chars().all(is_han)
}

/// Parses a speaker line: `市长 刘永湘`, `国务院总理朱镕基`, `州长\u{2002}杨光杰`.
pub fn parse_speaker(line: &str) -> Option<Speaker> {
    let t = line.trim_matches(is_space);
    if t.is_empty() || t.chars().any(|c| "，。：；:,;（）()".contains(c)) || t.chars().count() > 40 {
        return None;
    }
    // split at the last run of spaces
    if let Some(k) = t.rfind(is_space) {
        let name = t[k..].trim_start_matches(is_space);
        let title: String = t[..k].chars().filter(|&c| !is_space(c)).collect();
        if is_name(name) && title_ok(&title) {
            return Some(Speaker { name: Some(name.to_string()), title: Some(title) });
        }
        // letter-spaced name (`刘 永 湘`): fall through with spaces removed
    }
    let sq: String = t.chars().filter(|&c| !is_space(c)).collect();
    for (k, _) in sq.char_indices().skip(1) {
        let (title, name) = sq.split_at(k);
        if title_ok(title) && is_name(name) {
            return Some(Speaker { name: Some(name.to_string()), title: Some(title.to_string()) });
        }
    }
    None
}

/// `YYYY年M月D日` inside `s` (already folded) → `YYYY-MM-DD`.
fn find_date(s: &str) -> Option<(i32, String)> {
    let cs: Vec<char> = s.chars().collect();
    for i in 0..cs.len() {
        if i + 5 > cs.len() || !cs[i..i + 4].iter().all(|c| c.is_ascii_digit()) || cs[i + 4] != '年' {
            continue;
        }
        if i > 0 && cs[i - 1].is_ascii_digit() {
            continue;
        }
        let year: i32 = cs[i..i + 4].iter().collect::<String>().parse().ok()?;
        let mut j = i + 5;
        let num = |j: &mut usize| -> Option<u32> {
            let st = *j;
            while *j < cs.len() && cs[*j].is_ascii_digit() && *j - st < 2 {
                *j += 1;
            }
            cs[st..*j].iter().collect::<String>().parse().ok()
        };
        let Some(m) = num(&mut j) else { continue };
        if j >= cs.len() || cs[j] != '月' || !(1..=12).contains(&m) {
            continue;
        }
        j += 1;
        if let Some(d) = num(&mut j) {
            if j < cs.len() && cs[j] == '日' && (1..=31).contains(&d) {
                return Some((year, format!("{year:04}-{m:02}-{d:02}")));
            }
        }
        return Some((year, format!("{year:04}-{m:02}")));
    }
    None
}

/// Four-digit year at the start of `s` (`2024年…`, `2017政府…`).
fn leading_year(s: &str) -> Option<i32> {
    let d: String = s.chars().take_while(|c| c.is_ascii_digit()).collect();
    if d.len() == 4 {
        d.parse().ok().filter(|y| (1949..=2100).contains(y))
    } else {
        None
    }
}

const MUNICIPALITIES: [&str; 4] = ["北京", "天津", "上海", "重庆"];

/// `亳州市` → (`亳州`, City); `黔东南州` → (`黔东南`, Prefecture).
pub fn split_place(p: &str) -> Option<(String, Level)> {
    // A district (区, 新区) is county-level; 自治区 and 地区 are matched before it.
    const SUFFIXES: [(&str, Level); 15] = [
        ("维吾尔自治区", Level::Provincial),
        ("壮族自治区", Level::Provincial),
        ("回族自治区", Level::Provincial),
        ("自治区", Level::Provincial),
        ("自治州", Level::Prefecture),
        ("自治县", Level::County),
        ("自治旗", Level::County),
        ("地区", Level::Prefecture),
        ("省", Level::Provincial),
        ("市", Level::City),
        ("州", Level::Prefecture),
        ("盟", Level::League),
        ("县", Level::County),
        ("新区", Level::County),
        ("区", Level::County),
    ];
    for (suf, lv) in SUFFIXES {
        if let Some(name) = p.strip_suffix(suf) {
            let lv = if MUNICIPALITIES.contains(&name) { Level::Provincial } else { lv };
            // 上海市浦东新区, 云南省红河哈尼族彝族自治州: the place is the last one named
            let name = match name.rfind(['省', '市']) {
                Some(k) if name[k..].chars().count() > 2 && !MUNICIPALITIES.contains(&name) => &name[k + '市'.len_utf8()..],
                // 江苏省沛县, 徐州市沛县: a county of one character after its province or city
                Some(k) if suf == "县" && name[k..].chars().count() == 2 => &name[k + '市'.len_utf8()..],
                _ => name,
            };
            // 莒县, 沛县: a place of one character keeps its suffix (莒, alone, is not said)
            if name.chars().count() == 1 {
                return Some((format!("{name}{suf}"), lv));
            }
            return Some((name.to_string(), lv));
        }
    }
    if let Some(name) = p.strip_suffix('旗') {
        return Some((name.to_string(), Level::County));
    }
    None
}

fn level_of_title(t: &str) -> Option<Level> {
    if t.contains("国务院") || t.ends_with("总理") {
        return Some(Level::National);
    }
    let pairs = [
        ("省长", Level::Provincial),
        ("自治区主席", Level::Provincial),
        ("市长", Level::City),
        ("州长", Level::Prefecture),
        ("专员", Level::Prefecture),
        ("盟长", Level::League),
        ("县长", Level::County),
        ("旗长", Level::County),
        ("区长", Level::County),
    ];
    pairs.iter().find(|(s, _)| t.contains(s)).map(|(_, l)| *l)
}

fn level_suffix(l: Level) -> Option<char> {
    match l {
        Level::Provincial => Some('省'),
        Level::City => Some('市'),
        Level::Prefecture => Some('州'),
        Level::League => Some('盟'),
        Level::County => Some('县'),
        Level::National => None,
    }
}

/// Level from `全市`/`全省`/`全州`/`全盟`/`全县` counts in the text.
fn level_from_text(text: &str) -> Option<Level> {
    let probes = [("全省", Level::Provincial), ("全市", Level::City), ("全州", Level::Prefecture), ("全盟", Level::League), ("全县", Level::County)];
    let finder = |p: &str| memchr::memmem::find_iter(text.as_bytes(), p.as_bytes()).count();
    // a city report compares itself with 全省 often: prefer the lower levels
    let counts: Vec<(usize, Level)> = probes.iter().map(|(p, l)| (finder(p), *l)).collect();
    let lower = counts[1..].iter().max_by_key(|(n, _)| *n)?;
    if lower.0 >= 3 {
        Some(lower.1)
    } else if counts[0].0 >= 3 {
        Some(Level::Provincial)
    } else {
        None
    }
}

const NOT_NAME_START: &str = "全本我城超上门都股楼街夜集县省各分该副市两新地州区乡和与及等在的为对个强名大小次县村镇街道、，。：；”“（）0123456789";

/// The place name the text uses most before the level suffix (`自贡市`).
fn place_from_text(text: &str, level: Level) -> Option<String> {
    let suffix = level_suffix(level)?;
    let mut c2: HashMap<String, usize> = HashMap::new();
    let mut c3: HashMap<String, usize> = HashMap::new();
    let mut prev: [char; 3] = ['\0'; 3];
    for c in text.chars() {
        if c == suffix {
            let (a, b, d) = (prev[0], prev[1], prev[2]);
            if is_han(b) && is_han(d) && !NOT_NAME_START.contains(b) {
                *c2.entry(format!("{b}{d}")).or_default() += 1;
                if is_han(a) && !NOT_NAME_START.contains(a) {
                    *c3.entry(format!("{a}{b}{d}")).or_default() += 1;
                }
            }
        }
        prev = [prev[1], prev[2], c];
    }
    let common = ["城市", "都市", "超市", "上市", "门市", "股市", "楼市", "夜市", "集市", "城乡", "全省", "外省", "各省", "本省", "兄弟", "示范", "文明", "卫生", "园林", "创新", "智慧", "海绵", "宜居", "强省", "大省", "强市", "名城", "中心"];
    let (best, n) = c2.iter().filter(|(k, _)| !common.contains(&k.as_str())).max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))?;
    if *n < 3 {
        return None;
    }
    let three = c3
        .iter()
        .filter(|(k, v)| k.ends_with(best.as_str()) && **v * 10 >= *n * 8)
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)));
    Some(three.map(|(k, _)| k.clone()).unwrap_or_else(|| best.clone()))
}

/// Prefecture-level divisions and provinces (names without suffix), for finding the
/// region of a report whose title block does not name it. (level, names)
const GAZETTEER: [(Level, &str); 4] = [
    (Level::City, "石家庄 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水 太原 大同 阳泉 长治 晋城 朔州 晋中 运城 忻州 临汾 吕梁 呼和浩特 包头 乌海 赤峰 通辽 鄂尔多斯 呼伦贝尔 巴彦淖尔 乌兰察布 沈阳 大连 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭 朝阳 葫芦岛 长春 吉林 四平 辽源 通化 白山 松原 白城 哈尔滨 齐齐哈尔 鸡西 鹤岗 双鸭山 大庆 伊春 佳木斯 七台河 牡丹江 黑河 绥化 南京 无锡 徐州 常州 苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁 杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水 合肥 芜湖 蚌埠 淮南 马鞍山 淮北 铜陵 安庆 黄山 滁州 阜阳 宿州 六安 亳州 池州 宣城 福州 厦门 莆田 三明 泉州 漳州 南平 龙岩 宁德 南昌 景德镇 萍乡 九江 新余 鹰潭 赣州 吉安 宜春 抚州 上饶 济南 青岛 淄博 枣庄 东营 烟台 潍坊 济宁 泰安 威海 日照 临沂 德州 聊城 滨州 菏泽 郑州 开封 洛阳 平顶山 安阳 鹤壁 新乡 焦作 濮阳 许昌 漯河 三门峡 南阳 商丘 信阳 周口 驻马店 济源 武汉 黄石 十堰 宜昌 襄阳 鄂州 荆门 孝感 荆州 黄冈 咸宁 随州 长沙 株洲 湘潭 衡阳 邵阳 岳阳 常德 张家界 益阳 郴州 永州 怀化 娄底 广州 韶关 深圳 珠海 汕头 佛山 江门 湛江 茂名 肇庆 惠州 梅州 汕尾 河源 阳江 清远 东莞 中山 潮州 揭阳 云浮 南宁 柳州 桂林 梧州 北海 防城港 钦州 贵港 玉林 百色 贺州 河池 来宾 崇左 海口 三亚 三沙 儋州 成都 自贡 攀枝花 泸州 德阳 绵阳 广元 遂宁 内江 乐山 南充 眉山 宜宾 广安 达州 雅安 巴中 资阳 贵阳 六盘水 遵义 安顺 毕节 铜仁 昆明 曲靖 玉溪 保山 昭通 丽江 普洱 临沧 拉萨 日喀则 昌都 林芝 山南 那曲 西安 铜川 宝鸡 咸阳 渭南 延安 汉中 榆林 安康 商洛 兰州 嘉峪关 金昌 白银 天水 武威 张掖 平凉 酒泉 庆阳 定西 陇南 西宁 海东 银川 石嘴山 吴忠 固原 中卫 乌鲁木齐 克拉玛依 吐鲁番 哈密"),
    (Level::Prefecture, "延边 大兴安岭 恩施 湘西 阿坝 甘孜 凉山 黔西南 黔东南 黔南 楚雄 红河 文山 西双版纳 大理 德宏 怒江 迪庆 阿里 临夏 甘南 海北 黄南 海南州 果洛 玉树 海西 昌吉 博尔塔拉 巴音郭楞 克孜勒苏 伊犁 阿克苏 喀什 和田 塔城 阿勒泰"),
    (Level::League, "兴安 锡林郭勒 阿拉善"),
    (Level::Provincial, "北京 天津 上海 重庆 河北 山西 内蒙古 辽宁 吉林省 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 广西 海南 四川 贵州 云南 西藏 陕西 甘肃 青海 宁夏 新疆"),
];

/// [`GAZETTEER`] names by their first two chars (every name has at least two, all Han),
/// and their first chars as a bit set over the BMP: most chars of a report are rejected
/// at once, and a pair of chars leaves one or two names to compare.
struct GazetteerIndex {
    first: Vec<u64>,
    by_two: super::fxhash::FxHashMap<[u8; 6], Vec<&'static str>>,
}

fn gazetteer_index() -> &'static GazetteerIndex {
    static IDX: std::sync::OnceLock<GazetteerIndex> = std::sync::OnceLock::new();
    IDX.get_or_init(|| {
        let mut idx = GazetteerIndex { first: vec![0u64; 1024], by_two: Default::default() };
        for (_, names) in GAZETTEER {
            for name in names.split(' ') {
                let (Some(c), Some(two)) = (name.chars().next(), name.as_bytes().get(..6)) else {
                    continue;
                };
                if (c as u32) < 0x10000 && c.len_utf8() == 3 {
                    idx.first[c as usize >> 6] |= 1 << (c as u32 & 63);
                    idx.by_two.entry(two.try_into().unwrap_or([0; 6])).or_default().push(name);
                }
            }
        }
        idx
    })
}

/// The gazetteer name the text mentions most (at `level` if known, at least 5 times).
fn place_from_gazetteer(text: &str, level: Option<Level>) -> Option<(String, Level)> {
    let mut cut = text.len().min(300_000);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &text[..cut];
    // every gazetteer name's count in one pass over the text (not one search per name)
    let idx = gazetteer_index();
    let b = head.as_bytes();
    let mut counts: super::fxhash::FxHashMap<&str, usize> = Default::default();
    let mut k = 0;
    while k + 6 <= b.len() {
        // names are Han chars only: three-byte UTF-8, whose lead byte is never a continuation
        let lead = b[k];
        if !(0xE0..=0xEF).contains(&lead) {
            k += 1;
            continue;
        }
        let c = (usize::from(lead & 0x0F) << 12) | (usize::from(b[k + 1] & 0x3F) << 6) | usize::from(b[k + 2] & 0x3F);
        if idx.first[c >> 6] & (1 << (c & 63)) != 0 {
            let two: [u8; 6] = [b[k], b[k + 1], b[k + 2], b[k + 3], b[k + 4], b[k + 5]];
            for name in idx.by_two.get(&two).into_iter().flatten() {
                if b[k..].starts_with(name.as_bytes()) {
                    *counts.entry(name).or_default() += 1;
                }
            }
        }
        k += 3;
    }
    let mut best: Option<(usize, &str, Level)> = None;
    for (lv, names) in GAZETTEER {
        if level.is_some_and(|l| l != lv && !(l == Level::City && lv == Level::Provincial)) {
            continue;
        }
        // provinces only when no lower-level name is found
        if lv == Level::Provincial && level != Some(Level::Provincial) && best.is_some() {
            continue;
        }
        for name in names.split(' ') {
            let n = counts.get(name).copied().unwrap_or(0);
            if n >= 5 && best.is_none_or(|b| n > b.0) {
                best = Some((n, name, lv));
            }
        }
    }
    let (_, name, lv) = best?;
    let name = name.strip_suffix(['州', '省']).filter(|_| name.ends_with("南州") || name.ends_with("林省")).unwrap_or(name);
    let lv = if MUNICIPALITIES.contains(&name) { Level::Provincial } else { lv };
    Some((name.to_string(), lv))
}

/// Review/report years from heading language: `2023年工作回顾` → review 2023.
pub fn years_from_headings(analysis: &str) -> (Option<i32>, Option<i32>) {
    let year_before = |pos: usize| -> Option<i32> {
        let head = &analysis[..pos];
        // 2023年工作回顾, 1994年的工作回顾
        let head = head.strip_suffix('的').unwrap_or(head);
        let y = head.strip_suffix('年')?;
        let d = y.get(y.len().saturating_sub(4)..)?;
        if d.len() == 4 && d.bytes().all(|b| b.is_ascii_digit()) && !y[..y.len() - 4].ends_with(|c: char| c.is_ascii_digit()) {
            d.parse().ok()
        } else {
            None
        }
    };
    let first = |pats: &[&str]| -> Option<i32> {
        let mut best: Option<(usize, i32)> = None;
        for p in pats {
            for pos in memchr::memmem::find_iter(analysis.as_bytes(), p.as_bytes()).take(50) {
                if let Some(y) = year_before(pos) {
                    if best.is_none_or(|(bp, _)| pos < bp) {
                        best = Some((pos, y));
                    }
                    break;
                }
            }
        }
        best.map(|(_, y)| y)
    };
    let review = first(&["工作回顾", "工作总结"]);
    let plan = first(&["工作安排", "重点工作", "重点任务", "工作任务", "工作建议", "工作总体部署", "主要任务"]);
    match (review, plan) {
        (Some(r), _) => (Some(r + 1), Some(r)),
        (None, Some(p)) => (Some(p), Some(p - 1)),
        _ => (None, None),
    }
}

/// The first `n` chars of `s` (all of it when shorter), borrowed.
fn first_chars(s: &str, n: usize) -> &str {
    s.char_indices().nth(n).map_or(s, |(i, _)| &s[..i])
}

/// Reads the title block from the display text (and the analysis text for fallbacks).
/// The meeting line at header line `i` (`——2024年1月16日在亳州市第五届人民代表大会第三次会议上`),
/// also when it is wrapped over two lines, as centred lines of a PDF or a printed page
/// are: `…第十四届人民代表大会` + `第一次会议上`, or `——2023年1月12日在` + `广东省…会议上`.
/// The two lines are joined as written.
fn meeting_at(lines: &[&str], i: usize) -> Option<String> {
    let is_meeting = |sq: &str| sq.contains("人民代表大会") && sq.contains("会议") && sq.chars().count() <= 80;
    let sq = squeeze(lines[i]);
    if is_meeting(&sq) {
        return Some(lines[i].to_string());
    }
    let next = lines.get(i + 1)?;
    let nsq = squeeze(next);
    let wrapped = if sq.contains("人民代表大会") {
        // the rest of the meeting's name: 第一次会议上
        nsq.chars().count() <= 12 && nsq.contains("会议") && !nsq.contains("人民代表大会")
    } else {
        // a date or a place first, the meeting's name on the next line
        (sq.starts_with('—') || sq.starts_with('（') || sq.starts_with('(')) && sq.chars().count() <= 24 && !sq.ends_with("报告") && is_meeting(&nsq)
    };
    (wrapped && is_meeting(&format!("{sq}{nsq}"))).then(|| format!("{}{}", lines[i], next))
}

pub fn parse_title_block(display: &str, analysis: &str) -> TitleBlock {
    let mut tb = TitleBlock::default();
    let lines = header_lines(display);
    let mut title_line: Option<String> = None;
    let mut title_shown: Option<String> = None;
    let mut joined_next = false;
    for (i, t) in lines.iter().enumerate() {
        if std::mem::take(&mut joined_next) {
            continue;
        }
        let sq = squeeze(t);
        if tb.meeting.is_none() {
            if let Some(m) = meeting_at(&lines, i) {
                joined_next = m.chars().count() > t.chars().count();
                if let Some((_, d)) = find_date(&squeeze(&m)) {
                    tb.date = Some(d);
                }
                tb.meeting = Some(m);
                continue;
            }
        }
        if tb.speaker.is_none() {
            if let Some(sp) = parse_speaker(t) {
                tb.speaker = Some(sp);
                continue;
            }
        }
        if sq.ends_with("报告") && sq.chars().count() <= 40 {
            let better = match &title_line {
                None => true,
                Some(old) => old != "政府工作报告" && sq == "政府工作报告",
            };
            if better {
                title_line = Some(sq.clone());
                title_shown = Some(squeeze_as_written(t));
            }
            continue;
        }
        // （2024年1月10日）, or the date alone on its line (2024年1月5日)
        let date_alone = sq.starts_with(|c: char| c.is_ascii_digit()) && sq.ends_with('日');
        if tb.date.is_none() && sq.chars().count() <= 20 && (sq.starts_with('（') || sq.starts_with('(') || date_alone) {
            if let Some((_, d)) = find_date(&sq) {
                tb.date = Some(d);
            }
        }
    }
    tb.title = title_shown;

    // years
    let date_year = tb.date.as_deref().and_then(leading_year);
    let title_year = title_line.as_deref().and_then(leading_year);
    if let Some(y) = date_year.or(title_year) {
        tb.report_year = Some(y);
        tb.review_year = Some(y - 1);
    } else {
        let (rep, rev) = years_from_headings(analysis);
        tb.report_year = rep;
        tb.review_year = rev;
    }

    // region and level
    let meeting_sq = tb.meeting.as_deref().map(squeeze).unwrap_or_default();
    let speaker_title = tb.speaker.as_ref().and_then(|s| s.title.clone()).unwrap_or_default();
    let title_sq = title_line.clone().unwrap_or_default();
    let opening = first_chars(analysis, 3000);
    if meeting_sq.contains("全国人民代表大会") || speaker_title.starts_with("国务院") || title_sq.contains("国务院") || opening.contains("我代表国务院") {
        tb.region = Some("全国".into());
        tb.level = Some(Level::National);
        return tb;
    }
    let mut place: Option<(String, Level)> = None;
    // meeting: …在亳州市第五届人民代表大会…
    if let Some(k) = meeting_sq.find("人民代表大会") {
        let head = &meeting_sq[..k];
        if let Some(d) = head.rfind('第') {
            let before = &head[..d];
            let from = before.rfind('在').map(|i| i + '在'.len_utf8()).or_else(|| before.rfind('日').map(|i| i + '日'.len_utf8())).unwrap_or(0);
            let p = before[from..].trim_start_matches(['—', '（', '(', '-']);
            if let Some((name, lv)) = split_place(p) {
                if !name.is_empty() && name.chars().all(is_han) {
                    place = Some((name, lv));
                } else if name.is_empty() {
                    tb.level = Some(lv);
                }
            }
        }
    }
    // title: 2024年北京市政府工作报告
    if place.is_none() {
        let t = title_sq.trim_start_matches(|c: char| c.is_ascii_digit()).trim_start_matches('年');
        if let Some(p) = t.strip_suffix("政府工作报告") {
            let p = p.strip_suffix("人民").unwrap_or(p);
            if let Some((name, lv)) = split_place(p) {
                if name.chars().count() >= 2 && name.chars().all(is_han) {
                    place = Some((name, lv));
                }
            }
        }
    }
    // opening: 我代表北京市人民政府
    if place.is_none() {
        let head = first_chars(analysis, 3000);
        if let Some(k) = head.find("我代表") {
            let rest = &head[k + "我代表".len()..];
            if let Some(e) = rest.find("人民政府") {
                let p = &rest[..e];
                if let Some((name, lv)) = split_place(p) {
                    if name.chars().count() >= 2 && name.chars().count() <= 8 && name.chars().all(is_han) && !name.starts_with('第') {
                        place = Some((name, lv));
                    }
                }
            }
        }
    }
    // speaker: 浦口区人民政府区长
    if place.is_none() {
        if let Some(p) = speaker_title.find("人民政府").map(|e| &speaker_title[..e]) {
            if let Some((name, lv)) = split_place(p) {
                if name.chars().count() >= 2 && name.chars().count() <= 8 && name.chars().all(is_han) {
                    place = Some((name, lv));
                }
            }
        }
    }
    if let Some((name, lv)) = place {
        tb.region = Some(name);
        tb.level = Some(lv);
        return tb;
    }
    let level = tb.level.or_else(|| level_of_title(&speaker_title)).or_else(|| level_from_text(analysis));
    tb.level = level;
    if level != Some(Level::County) {
        if let Some((name, lv)) = place_from_gazetteer(analysis, level) {
            tb.region = Some(name);
            tb.level = Some(lv);
            return tb;
        }
    }
    if let Some(lv) = level {
        if let Some(name) = place_from_text(analysis, lv) {
            let lv2 = if MUNICIPALITIES.contains(&name.as_str()) { Level::Provincial } else { lv };
            tb.region = Some(name);
            tb.level = Some(lv2);
        }
    }
    tb
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sp(n: &str, t: &str) -> Option<Speaker> {
        Some(Speaker { name: Some(n.into()), title: Some(t.into()) })
    }

    #[test]
    fn speakers() {
        assert_eq!(parse_speaker("市长 刘永湘"), sp("刘永湘", "市长"));
        assert_eq!(parse_speaker("国务院总理朱镕基"), sp("朱镕基", "国务院总理"));
        assert_eq!(parse_speaker("市人民政府市长 秦凤玉"), sp("秦凤玉", "市人民政府市长"));
        assert_eq!(parse_speaker("州长\u{2002}杨光杰"), sp("杨光杰", "州长"));
        assert_eq!(parse_speaker("国务院副总理兼国家计划委员会主任姚依林"), sp("姚依林", "国务院副总理兼国家计划委员会主任"));
        assert_eq!(parse_speaker("政府工作报告"), None);
        assert_eq!(parse_speaker("各位代表："), None);
    }

    #[test]
    fn a_block_with_the_place_in_the_speakers_title_and_the_date_alone() {
        let d = "2024年政府工作报告\n浦口区人民政府区长　张　军\n2024年1月5日\n\n各位代表：\n一、关于2023年工作回顾\n";
        let tb = parse_title_block(d, d);
        assert_eq!((tb.region.as_deref(), tb.level), (Some("浦口"), Some(Level::County)));
        assert_eq!(tb.date.as_deref(), Some("2024-01-05"));
        assert_eq!(tb.speaker, sp("张军", "浦口区人民政府区长"));
        assert_eq!((tb.report_year, tb.review_year), (Some(2024), Some(2023)));
    }

    #[test]
    fn block() {
        let d = "政府工作报告\n\n——2024年1月16日在亳州市第五届人民代表大会第三次会议上\n\n市人民政府市长 秦凤玉\n\n各位代表：\n一、2023年工作回顾\n";
        let tb = parse_title_block(d, d);
        assert_eq!(tb.title.as_deref(), Some("政府工作报告"));
        assert_eq!(tb.date.as_deref(), Some("2024-01-16"));
        assert_eq!(tb.meeting.as_deref(), Some("——2024年1月16日在亳州市第五届人民代表大会第三次会议上"));
        assert_eq!(tb.region.as_deref(), Some("亳州"));
        assert_eq!(tb.level, Some(Level::City));
        assert_eq!((tb.report_year, tb.review_year), (Some(2024), Some(2023)));
    }

    #[test]
    fn districts_and_prefectures_headed_by_a_commissioner() {
        let d = "政府工作报告\n——2024年1月5日在上海市浦东新区第七届人民代表大会第四次会议上\n浦东新区区长  吴金城\n各位代表：\n";
        let tb = parse_title_block(d, d);
        assert_eq!((tb.region.as_deref(), tb.level), (Some("浦东"), Some(Level::County)));
        let d = "政府工作报告\n——2024年1月6日在海淀区第十七届人民代表大会第四次会议上\n区长  张三\n各位代表：\n";
        let tb = parse_title_block(d, d);
        assert_eq!((tb.region.as_deref(), tb.level), (Some("海淀"), Some(Level::County)));
        let d = "政府工作报告\n——2024年1月8日在阿克苏地区第三届人民代表大会第四次会议上\n地区行署专员  玉山江\n各位代表：\n";
        let tb = parse_title_block(d, d);
        assert_eq!((tb.region.as_deref(), tb.level), (Some("阿克苏"), Some(Level::Prefecture)));
        assert_eq!(tb.speaker, Some(Speaker { name: Some("玉山江".into()), title: Some("地区行署专员".into()) }));
        // autonomous regions and municipalities keep their level
        assert_eq!(split_place("广西壮族自治区"), Some(("广西".into(), Level::Provincial)));
        assert_eq!(split_place("北京市"), Some(("北京".into(), Level::Provincial)));
        assert_eq!(split_place("云南省红河哈尼族彝族自治州"), Some(("红河哈尼族彝族".into(), Level::Prefecture)));
    }

    #[test]
    fn a_meeting_line_wrapped_over_two_lines() {
        for d in [
            "政府工作报告\n——2023年1月12日在广东省第十四届人民代表大会\n第一次会议上\n广东省省长  王伟中\n各位代表：\n",
            "政府工作报告\n——2023年1月12日在\n广东省第十四届人民代表大会第一次会议上\n广东省省长  王伟中\n各位代表：\n",
        ] {
            let tb = parse_title_block(d, d);
            assert_eq!(tb.meeting.as_deref(), Some("——2023年1月12日在广东省第十四届人民代表大会第一次会议上"), "{d}");
            assert_eq!(tb.date.as_deref(), Some("2023-01-12"));
            assert_eq!(tb.region.as_deref(), Some("广东"));
            assert_eq!(tb.speaker.as_ref().and_then(|s| s.name.as_deref()), Some("王伟中"));
            assert_eq!(tb.title.as_deref(), Some("政府工作报告"));
        }
        // a line naming the congress with no meeting after it stays out
        let d = "政府工作报告\n市第十七届人民代表大会\n市长 张三\n各位代表：\n";
        assert_eq!(parse_title_block(d, d).meeting, None);
    }

    #[test]
    fn title_region_and_years() {
        let d = "2024年北京市政府工作报告\n各位代表：\n";
        let tb = parse_title_block(d, d);
        assert_eq!((tb.region.as_deref(), tb.level), (Some("北京"), Some(Level::Provincial)));
        let a = "各位代表:现在…2023年工作回顾2023年是…2024年工作安排建议";
        assert_eq!(years_from_headings(a), (Some(2024), Some(2023)));
        let z = "2016年工作总结及本届政府工作回顾\n…2017年工作安排";
        assert_eq!(years_from_headings(z), (Some(2017), Some(2016)));
    }

    #[test]
    fn years_in_chinese_numerals() {
        let d = "一九九五年政府工作报告\n——一九九五年三月五日在第八届全国人民代表大会第三次会议上\n国务院总理  李鹏\n各位代表：\n";
        let tb = parse_title_block(d, d);
        assert_eq!(tb.title.as_deref(), Some("一九九五年政府工作报告"));
        assert_eq!(tb.date.as_deref(), Some("1995-03-05"));
        assert_eq!((tb.report_year, tb.review_year), (Some(1995), Some(1994)));
        assert_eq!(
            years_from_headings("一、一九九四年的工作回顾\n"),
            (None, None),
            "the analysis text has the years in digits, not the display text"
        );
        assert_eq!(years_from_headings("一、1994年的工作回顾\n"), (Some(1995), Some(1994)));
    }

    #[test]
    fn places() {
        assert_eq!(split_place("黔东南州"), Some(("黔东南".into(), Level::Prefecture)));
        assert_eq!(split_place("重庆市"), Some(("重庆".into(), Level::Provincial)));
        assert_eq!(split_place("锡林郭勒盟"), Some(("锡林郭勒".into(), Level::League)));
        // a place of one character keeps its suffix, also after its province or city
        for p in ["莒县", "山东省莒县", "日照市莒县"] {
            assert_eq!(split_place(p), Some(("莒县".into(), Level::County)), "{p}");
        }
        assert_eq!(split_place("江苏省沛县"), Some(("沛县".into(), Level::County)));
        // 市中区 is a district's name, not 市 + 中
        assert_eq!(split_place("市中区"), Some(("市中".into(), Level::County)));
    }
}
