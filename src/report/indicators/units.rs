//! Unit scanner: `亿元`, `万亿元`, `%`, `个百分点`, `万人`, `亿斤`, `倍` … at the
//! start of a slice. Returns the unit's family, its scale prefix and length.
//!
//! Base units (for [`crate::report::Indicator::value_base`]):
//! - money (元, 美元, 港元, 欧元): **亿元** (亿美元 …): `value × scale / 10⁸`
//!   (万亿元 → ×10⁴, 万元 → ÷10⁴, 元 → ÷10⁸);
//! - everything else with a counting unit (人, 吨, 斤, 个, 公里 …): the bare unit,
//!   `value × scale` (万人 → 人 ×10⁴, 亿斤 → 斤 ×10⁸);
//! - %, ‰, 个百分点, 倍, ratios and indices: no base value.

/// What a unit measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    Percent,
    Permille,
    PercentPoint,
    Multiple,
    Money,
    People,
    Count,
    Physical,
    /// A bare scale (`20万`, `4.4亿`) with no unit word after it.
    Scale,
}

/// A unit found at the start of a slice.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Unit {
    pub len: usize,
    pub family: Family,
    /// Multiplier of the scale prefix (万 = 10⁴, 亿 = 10⁸, none = 1).
    pub scale: f64,
    /// The unit word without its scale prefix (元, 人, 吨 …).
    pub base: &'static str,
}

impl Unit {
    /// The value expressed in the base unit (see the module docs).
    pub fn value_base(&self, v: f64) -> Option<f64> {
        match self.family {
            Family::Money => Some(tidy(v * self.scale / 1e8)),
            Family::People | Family::Count | Family::Physical | Family::Scale => Some(tidy(v * self.scale)),
            _ => None,
        }
    }
    /// Is it a percentage-like unit?
    pub fn is_percent(&self) -> bool {
        matches!(self.family, Family::Percent | Family::Permille)
    }
}

/// Powers of ten that are exact in an `f64` (10⁰ … 10²²).
const EXACT_POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
    1e19, 1e20, 1e21, 1e22,
];

/// `x` rounded to 12 significant digits. Scaling a decimal written in a report by a power
/// of ten leaves binary noise (4.06 × 10⁴ = 40599.99999999999); no report writes a figure
/// with more than 12 digits, so rounding there gives back the decimal that was meant.
fn tidy(x: f64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    // decimals to keep: 11 − the exponent of the leading digit
    let keep = 11 - x.abs().log10().floor() as i32;
    match usize::try_from(keep) {
        Ok(k) if k < EXACT_POW10.len() => (x * EXACT_POW10[k]).round() / EXACT_POW10[k],
        Ok(_) => x,
        // 12 or more integer digits: whole units are precision enough
        Err(_) if x.abs() < 9.0e15 => x.round(),
        Err(_) => x,
    }
}

use Family::*;

fn base_unit(s: &str) -> Option<(usize, Family, &'static str)> {
    let c = s.chars().next()?;
    let cand: &[(&'static str, Family)] = match c {
        '%' => &[("%", Percent)],
        '％' => &[("％", Percent)],
        '‰' => &[("‰", Permille)],
        // 压缩至3个工作日: a duration counted with 个 (months are spans of time, see
        // `gap::span_suffix`, not figures).
        '个' => &[("个百分点", PercentPoint), ("个工作日", Physical), ("个", Count)],
        '百' => &[("百分点", PercentPoint)],
        '倍' => &[("倍", Multiple)],
        '元' => &[("元", Money)],
        '美' => &[("美元", Money)],
        '港' => &[("港元", Money)],
        '欧' => &[("欧元", Money)],
        '人' => &[("人次", People), ("人", People)],
        '名' => &[("名", People)],
        '户' => &[("户", Count)],
        '项' => &[("项", Count)],
        '家' => &[("家", Count)],
        '所' => &[("所", Count)],
        '座' => &[("座", Count)],
        '处' => &[("处", Count)],
        '批' => &[("批", Count)],
        '宗' => &[("宗", Count)],
        '条' => &[("条", Count)],
        '次' => &[("次", Count)],
        '场' => &[("场次", Count), ("场", Count)],
        '例' => &[("例", Count)],
        '支' => &[("支", Count)],
        '间' => &[("间", Count)],
        '栋' => &[("栋", Count)],
        '篇' => &[("篇", Count)],
        '件' => &[("件", Count)],
        '套' => &[("套", Count)],
        '张' => &[("张", Count)],
        '台' => &[("台", Physical)],
        '辆' => &[("辆", Physical)],
        '架' => &[("架", Physical)],
        '只' => &[("只", Physical)],
        '艘' => &[("艘", Physical)],
        // 牲畜存栏120万头只: head of cattle and sheep together, one unit
        '头' => &[("头只", Physical), ("头", Physical)],
        '株' => &[("株", Physical)],
        '棵' => &[("棵", Physical)],
        '册' => &[("册", Physical)],
        '部' => &[("部", Physical)],
        '吨' => &[("吨标准煤", Physical), ("吨", Physical)],
        '斤' => &[("斤", Physical)],
        '公' => &[("公里", Physical), ("公斤", Physical), ("公顷", Physical)],
        '千' => &[("千瓦时", Physical), ("千瓦", Physical), ("千克", Physical), ("千米", Physical)],
        // Air quality: PM2.5 年均浓度 35微克/立方米.
        '微' => &[("微克/立方米", Physical), ("微克每立方米", Physical), ("微克／立方米", Physical)],
        '毫' => &[("毫克/立方米", Physical), ("毫米", Physical)],
        '兆' => &[("兆瓦", Physical)],
        '米' => &[("米", Physical)],
        '平' => &[("平方公里", Physical), ("平方米", Physical)],
        '立' => &[("立方米", Physical)],
        '亩' => &[("亩", Physical)],
        '度' => &[("度", Physical)],
        '岁' => &[("岁", Physical)],
        // Durations: 空气质量优良天数328天, 审批时间压缩至60天以内, 3个工作日.
        '天' => &[("天", Physical)],
        '工' => &[("工作日", Physical)],
        '马' => &[("马力", Physical)],
        '标' => &[("标准箱", Physical), ("标箱", Physical)],
        _ => return None,
    };
    // 台阶 (迈上千亿台阶) is a step, not the counting word 台; 人口 (100万人口城市,
    // 12.6万人口脱贫) is a noun after a bare 万, not the unit 人.
    if (c == '台' && s.starts_with("台阶")) || (c == '人' && s.starts_with("人口")) {
        return None;
    }
    cand.iter().find(|(u, _)| s.starts_with(u)).map(|(u, f)| (u.len(), *f, *u))
}

const PREFIXES: &[(&str, f64)] = &[
    ("万亿", 1e12),
    ("千亿", 1e11),
    ("百亿", 1e10),
    ("亿", 1e8),
    ("千万", 1e7),
    ("百万", 1e6),
    ("十万", 1e5),
    ("万", 1e4),
    ("千", 1e3),
    ("百", 1e2),
];

/// Unit at the start of `s` (after a number).
pub fn scan_unit(s: &str) -> Option<Unit> {
    if let Some((len, family, base)) = base_unit(s) {
        return Some(Unit { len, family, scale: 1.0, base });
    }
    let first = s.as_bytes().first()?;
    if *first < 0x80 {
        return None;
    }
    for &(p, scale) in PREFIXES {
        if let Some(rest) = s.strip_prefix(p) {
            if let Some((len, family, base)) = base_unit(rest) {
                if matches!(family, Percent | Permille | PercentPoint | Multiple) {
                    return None;
                }
                return Some(Unit { len: p.len() + len, family, scale, base });
            }
            if matches!(p, "万亿" | "亿" | "万") {
                return Some(Unit { len: p.len(), family: Scale, scale, base: "" });
            }
            return None;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tidy_removes_scaling_noise_only() {
        assert_eq!(tidy(4.06 * 1e4), 40600.0);
        assert_eq!(tidy(36.3 * 1e4 / 1e8), 0.00363);
        assert_eq!(tidy(-0.1 * 3.0), -0.3);
        assert_eq!(tidy(123456.789012), 123456.789012);
        assert_eq!(tidy(1.3 * 1e12), 1.3e12);
        assert_eq!(tidy(5e-12), 5e-12);
        assert_eq!(tidy(0.0), 0.0);
        assert!(tidy(f64::NAN).is_nan());
    }
    #[test]
    fn units() {
        let u = scan_unit("亿元、增长").unwrap();
        assert_eq!((u.len, u.family, u.scale), ("亿元".len(), Money, 1e8));
        assert_eq!(u.value_base(1230.0), Some(1230.0));
        let u = scan_unit("万亿元").unwrap();
        assert_eq!(u.value_base(4.4), Some(44000.0));
        let u = scan_unit("万元").unwrap();
        assert_eq!(u.value_base(4.4), Some(0.00044));
        assert_eq!(scan_unit("个百分点左右").unwrap().family, PercentPoint);
        assert_eq!(scan_unit("百分点").unwrap().family, PercentPoint);
        assert_eq!(scan_unit("千瓦").unwrap().base, "千瓦");
        assert_eq!(scan_unit("亿斤以上").unwrap().scale, 1e8);
        assert_eq!(scan_unit("万人").unwrap().family, People);
        assert_eq!(scan_unit("万，").unwrap().family, Scale);
        assert!(scan_unit("年").is_none());
        assert!(scan_unit("G").is_none());
        assert!(scan_unit("千年").is_none());
        assert_eq!(scan_unit("亿台阶").unwrap().family, Scale);
        assert_eq!(scan_unit("万人口").unwrap().family, Scale);
    }
}
