//! Writing a run of figures as indicators ([`Extractor::emit_run`]): which subject each
//! figure is named by (its own gap, a pending topic, the sentence's carried names, a
//! split or joint subject), then its measure, status, year and qualifier, and the
//! indicator itself. The extractor's pass over sentences and clauses is in `mod.rs`.

use super::*;

impl<'c, 'a> Extractor<'c, 'a> {
    /// Writes the indicators of `run`, figures of `clause` (at `cs` in the text) joined
    /// by list connectors; `g` is the gap before them and `gap_subject` its subject.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn emit_run(&mut self, clause: &'a str, cs: usize, sspan: Span, run: &[Item], g: &mut gap::Gap, gap_subject: &'a str, flags: &SentFlags) {
        use std::borrow::Cow;
        let n = run.len();
        // Subject (a slice of the text, copied only where it is kept).
        let own_subject = !gap_subject.is_empty();
        let mut subject: Cow<'a, str> = Cow::Borrowed(gap_subject);
        let mut names: Vec<String>;
        // one figure said of each of several whole subjects (see [`joint_subjects`])
        let mut joint = false;
        // `高于全国、全省1.2和0.5个百分点`: one place for each figure, in turn
        let places: Option<Vec<&str>> = g
            .relative_to
            .as_deref()
            .filter(|_| n > 1)
            .map(|r| r.split(['、', '和']).filter(|x| !x.is_empty()).collect::<Vec<_>>())
            .filter(|p| p.len() == n);
        // 分别 said of places (`分别高于全国和全省2.2、1.1个百分点`): one subject for all
        let each = g.each && places.is_none();
        if subject.is_empty() {
            if let Some(p) = self.take_pending() {
                subject = Cow::Borrowed(p);
                names = gap::split_subject(&subject, n, g.all);
            } else if !self.carry_names.is_empty() {
                subject = Cow::Owned(self.carry_full.clone());
                let said = self.said.len();
                names = if each && n > 1 && self.carry_names.len() < n && said - self.said_from.min(said) >= n {
                    // 城镇居民…28960元，农村居民…9860元，分别增长8.8%、10.1%: each value to
                    // the subject of its clause, in turn.
                    self.said[said - n..].to_vec()
                } else if each && n > 1 && self.carry_names.len() != n {
                    // 分别 with fewer subjects than values: each value to a part of the
                    // subject (城乡居民… → 城镇居民…, 农村居民…; checked below).
                    gap::split_subject(&subject, n, g.all)
                } else if self.carry_names.len() == n || self.carry_names.len() == 1 {
                    let mut names = self.carry_names.clone();
                    // 新增…企业86家，累计达到350家: a count so far is of all of them.
                    if g.cum && n == 1 && names.len() == 1 && run[0].unit.is_some_and(|u| u.family == Family::Count) {
                        if let Some(stock) = said::stock_of(&names[0]) {
                            names[0] = stock.to_string();
                        }
                    }
                    // 高新技术企业达到1000家，新增120家: 新增 alone adds to what was said.
                    if g.added && !g.cum && n == 1 && names.len() == 1 && !names[0].contains("新增") {
                        if let Some(added) = said::complete(Some(&names[0]), "新增", false) {
                            names[0] = added;
                        }
                    }
                    names
                } else {
                    gap::split_subject(&subject, n, g.all)
                };
            } else {
                names = vec![String::new()];
            }
            // 分别 with one value for each of subjects it does not have: none of them.
            if each && n > 1 && names.len() != n {
                subject = Cow::Borrowed("");
                names = vec![String::new()];
            }
        } else {
            // 工农业总产值… after a topic clause 工农业，…; else the sentence's last subject
            // completes a total, a share with no part or a verb of reaching people.
            let pending = if said::TOTAL_HEADS.iter().any(|w| subject.starts_with(w)) { self.take_pending() } else { None };
            if let Some(p) = pending {
                subject = Cow::Owned(format!("{p}{subject}"));
            } else {
                let people = n == 1 && run[0].unit.is_some_and(|u| u.family == Family::People);
                if let Some(whole) = said::complete(self.said.last().map(String::as_str), &subject, people) {
                    subject = Cow::Owned(whole);
                }
            }
            names = gap::split_subject(&subject, n, g.all);
            if n == 1 && names.len() == 1 && !g.all {
                if let Some(parts) = joint_subjects(&subject) {
                    names = parts;
                    joint = true;
                }
            }
            for nm in &names {
                if self.said.last() != Some(nm) {
                    if self.said.len() == 8 {
                        self.said.remove(0);
                        self.said_from = self.said_from.saturating_sub(1);
                    }
                    self.said.push(nm.clone());
                }
            }
        }
        // A pending topic clause only lends its subject to the first figure after it.
        self.pending = None;
        if !subject.is_empty() {
            // (reusing the allocations of the previous carry)
            self.carry_full.clear();
            self.carry_full.push_str(&subject);
            self.carry_names.clone_from(&names);
        }
        // Shared suffix qualifier: 分别增长8%和9%以上, 4%、8%、6%左右.
        let shared_suffix = run.last().and_then(|it| it.suffix).filter(|s| !matches!(*s, "多" | "余"));
        // Pairs (item, name); the names move into them (the last figure takes the
        // shared name itself, the others a copy).
        let mut pairs = std::mem::take(&mut self.pairs);
        pairs.clear();
        if n > 1 && names.len() == n {
            pairs.extend(names.into_iter().enumerate());
        } else if n == 1 && names.len() > 1 && (g.all || joint) {
            pairs.extend(names.into_iter().map(|nm| (0, nm)));
        } else {
            let mut nm = if names.len() == 1 { names.into_iter().next().unwrap_or_default() } else { subject.into_owned() };
            for i in 0..n {
                pairs.push((i, if i + 1 == n { std::mem::take(&mut nm) } else { nm.clone() }));
            }
        }
        let ctx = self.ctx;
        for (i, name) in pairs.drain(..) {
            let it = &run[i];
            let (name, named_after, counted) = after::name(clause, it, name, own_subject, gap_subject);
            // 新增3家上市公司，累计达到20家: the noun after a lone count names what the
            // sentence's next clauses count (with its verb of adding: the stock drops it).
            if let Some(noun) = counted.filter(|_| n == 1) {
                self.carry_full.clear();
                if said::NEW_WORDS.contains(&gap_subject) {
                    self.carry_full.push_str(gap_subject);
                }
                self.carry_full.push_str(noun);
                self.carry_names.clear();
                self.carry_names.push(self.carry_full.clone());
            }
            let abs = cs + it.start;
            let sec = self.section_at(abs);
            let kind = self.kind_now();
            let section = sec.and_then(|k| ctx.sections.get(k)).map(|s| s.id.clone());
            let suffix = it.suffix.filter(|s| !matches!(*s, "多" | "余")).or(shared_suffix.filter(|_| it.suffix.is_none()));
            let unit_text = match it.unit_word {
                Some(w) => w.to_string(),
                None => clause.get(it.unit_text.0..it.unit_text.1).unwrap_or("").to_string(),
            };
            let unit_text = if unit_text.is_empty() && it.kind == Kind::Normal && it.unit.map(|u| u.family == Family::Percent).unwrap_or(false) {
                "%".to_string()
            } else {
                unit_text
            };
            let ends = |w: &str| name.ends_with(w);
            let mut relative_to = match &places {
                Some(p) => Some(p[i].to_string()),
                None => g.relative_to.clone(),
            };
            let mut rel_up = g.rel_up;
            // `…高于全国1.2个百分点、全省0.5个百分点`: the second region, the same comparison.
            if relative_to.is_none() && g.region.is_some() {
                if let Some(prev) = self.out.last().filter(|p| p.measure == Measure::Relative && p.span.start >= cs) {
                    relative_to = g.region.clone();
                    rel_up = prev.direction.map(|d| d == Direction::Up);
                }
            }
            let measure = measure::of(&measure::Facts {
                clause,
                it,
                g,
                name: &name,
                relative: relative_to.is_some(),
                own_subject,
                growth_pct: self.growth_pct,
                named_after,
            });
            if measure != Measure::Relative {
                relative_to = None;
            }
            let down = g.down || ends("降幅") || it.low < 0.0;
            let direction = match measure {
                // 与上年持平: neither up nor down
                Measure::Growth if it.low == 0.0 && it.high.is_none() => None,
                Measure::Growth => Some(if down { Direction::Down } else { Direction::Up }),
                Measure::Relative => rel_up.map(|u| if u { Direction::Up } else { Direction::Down }),
                _ => None,
            };
            let qualifier = suffix
                .map(|s| s.to_string())
                .or_else(|| it.many.map(|m| m.to_string()))
                .or_else(|| g.qual.map(|q| q.to_string()))
                .or_else(|| if measure == Measure::Relative { relative_to.as_ref().and(rel_up.map(|u| if u { "高于".to_string() } else { "低于".to_string() })) } else { None });
            // Status.
            let explicit_year = g.year.or(flags.lead_year.filter(|_| !flags.lead_since));
            // The government's own work for the coming year (政府自身建设) is commitments too.
            let mut status = if abs >= flags.tgt_from || matches!(kind, SectionKind::Plan | SectionKind::FiveYear | SectionKind::SelfBuild) {
                Status::Target
            } else if self.carry.est_mode || abs >= flags.est_from || g.est {
                Status::Estimate
            } else if g.tgt && kind != SectionKind::Review {
                Status::Target
            } else {
                Status::Actual
            };
            if status == Status::Target && flags.past && abs < flags.tgt_from {
                status = if self.carry.est_mode || abs >= flags.est_from || g.est { Status::Estimate } else { Status::Actual };
            }
            // The years of a named plan that is over (“十三五”期间 in a later report): done.
            let plan = flags.plan.filter(|_| abs >= flags.plan_from);
            if status == Status::Target && abs < flags.tgt_from && plan.is_some_and(|(_, b)| ctx.review_year.is_some_and(|r| b <= r)) {
                status = if self.carry.est_mode || abs >= flags.est_from || g.est { Status::Estimate } else { Status::Actual };
            }
            let plan = plan.filter(|_| g.avg || g.cum);
            // 由/从 + a figure that a verb then moves (提高到 …): where things stand now.
            let moved_on = run.len() == 1
                || (i == 0
                    && run.len() == 2
                    && clause.get(run[0].after..run[1].start).is_some_and(|b| {
                        ["提高", "提升", "增加到", "增长到", "上升", "下降到", "降低到", "降到", "降至", "减少到", "调整为", "调整到", "扩大到", "缩小到", "增至", "升至", "转为"]
                            .iter()
                            .any(|w| b.contains(w))
                    }));
            if status == Status::Target && g.from && moved_on {
                status = Status::Actual;
            }
            // 已 before the figure in its clause (已由15.3%降到12%, 目前已建成30个): done.
            if status == Status::Target && self.done_at.is_some_and(|p| p < it.start) {
                status = Status::Actual;
            }
            // 年初确定的…增长8%的目标 (or 预期增长6.5%, 年初目标增长10%) in a review: last
            // year's goal, quoted (not what was done).
            let quoted_goal = (kind == SectionKind::Review || flags.past)
                && abs < flags.tgt_from
                && (g.goal || clause.get(it.after..).is_some_and(|a| {
                    let a = a.trim_start();
                    ["的目标", "的预期目标", "的控制目标", "的调控目标", "的年度目标", "的增长目标", "目标"].iter().any(|w| a.starts_with(w))
                }));
            // (低于3%的调控目标: 低于 compares what was done with the goal; it is not the goal's)
            let qualifier = match qualifier {
                Some(q) if quoted_goal && matches!(q.as_str(), "低于" | "高于" | "超过" | "超出") => None,
                q => q,
            };
            if quoted_goal {
                status = Status::Target;
            }
            if status == Status::Target && !quoted_goal {
                if let (Some(y), Some(ry)) = (explicit_year, ctx.review_year) {
                    if y <= ry && g.year.is_some() {
                        status = Status::Actual;
                    }
                }
            }
            // Year and period.
            let (year, period) = match status {
                Status::Target if quoted_goal => (explicit_year.or(ctx.review_year), None),
                Status::Target => {
                    let stated = flags.tgt_year.filter(|_| abs >= flags.tgt_from);
                    let base = stated.or(ctx.report_year);
                    let five = kind == SectionKind::FiveYear;
                    let to_year = flags.to_year.filter(|_| abs >= flags.to_year_from);
                    // (a five-year part's targets are for its last year, unless the sentence
                    // that sets them names a year: `2026年…主要预期目标是` under a heading of
                    // both, `“十五五”时期主要目标和2026年工作安排`)
                    // (a sentence that starts with this year or a later one dates all its
                    // clauses: 一九九三年国民生产总值计划增长百分之八，物价…控制在百分之六左右)
                    let lead = flags.lead_year.filter(|&y| !flags.lead_since && ctx.report_year.is_some_and(|r| y >= r));
                    let y = g.year.or(plan.map(|(_, b)| b)).or(to_year).or(lead).or(if five { stated.or(ctx.report_year.map(|r| r + 4)) } else { base });
                    let period = match (y, ctx.report_year) {
                        // “十四五”时期年均增长6%: the plan's years.
                        _ if plan.is_some() && g.year.is_none() => plan.map(|(a, b)| format!("{a}-{b}")),
                        // 到2025年…年均增长6.5%: an average over the years from this one to the goal
                        // year; so is a sum over a stated span (能耗五年累计降低16%)
                        (Some(y), Some(r)) if (g.avg || (g.cum && g.years.is_some())) && y > r && (five || g.year.is_some() || to_year.is_some()) => {
                            Some(format!("{}-{y}", r.max(y + 1 - g.years.unwrap_or(5))))
                        }
                        (Some(y), Some(r)) if y > r && (five || g.year.is_some() || to_year.is_some()) => Some(y.to_string()),
                        _ => None,
                    };
                    (y, period)
                }
                _ => {
                    // 由上年的9.8%下降到5.3% in a review: the starting figure is the year before.
                    let prior = (g.prior && g.from && kind == SectionKind::Review).then_some(()).and(ctx.review_year).map(|r| r - 1);
                    // 由1106亿元增加到2540亿元 in a review: the first figure is where things
                    // started, a year before (five in a five-year review), not the review year's.
                    let start = (g.from && moved_on && kind == SectionKind::Review && explicit_year.is_none())
                        .then_some(())
                        .and(ctx.review_year)
                        .map(|r| r - if self.carry.para_five { 5 } else { 1 });
                    let prior = prior.or(start);
                    let y = explicit_year.or(prior).or(plan.map(|(_, b)| b)).or(ctx.review_year);
                    // 年均: a period figure; 累计: one only over a stated span or in a
                    // five-year review (累计达到3.2万个 in a year's review is a stock).
                    let period = if let Some((a, b)) = plan.filter(|_| explicit_year.is_none()) {
                        Some(format!("{a}-{b}"))
                    } else if g.avg || (g.cum && (g.years.is_some() || self.carry.para_five)) || (g.years.is_some() && (g.up || g.down)) {
                        // (十年增加近70万亿元: a change over the years said, too)
                        // ending in the figure's own year (1995年…平均每年增长12%), else the review year
                        let n = g.years.unwrap_or(5);
                        explicit_year.or(ctx.review_year).map(|r| format!("{}-{}", r - n + 1, r))
                    } else if let Some(n) = self.carry.para_span.filter(|_| {
                        // 五年来，…城镇新增就业6600万人以上, 农村贫困人口减少6800多万: in a
                        // paragraph about a span of years, things added and changes by an
                        // amount, with no year of their own, are sums over it (a level or a
                        // rate is where things stand)
                        explicit_year.is_none()
                            && ((measure == Measure::Count && (g.added || name.contains("新增") || name.contains("累计")))
                                || ((g.up || g.down) && !unit_text.is_empty() && unit_text != "%" && !unit_text.contains("百分点")))
                    }) {
                        ctx.review_year.map(|r| format!("{}-{}", r - n + 1, r))
                    } else {
                        // 1—11月，…增长4.1%: part of the year, as written
                        flags.partial.iter().rev().find(|p| p.0 <= abs).and_then(|&(_, a, b)| ctx.text.get(a..b)).map(str::to_string)
                    };
                    (y, period)
                }
            };
            // 2020年…比2015年增长32.1%: a change over the years since the base, not one year's
            let period = match (period, year, g.base_year) {
                (None, Some(y), Some(b)) if y > b + 1 && !g.avg => Some(format!("{}-{y}", b + 1)),
                (p, ..) => p,
            };
            let value = match it.high {
                Some(h) => Value::Range([it.low, h]),
                None => Value::Number(it.low),
            };
            let value_base = match (&it.unit, it.high) {
                (Some(u), None) if it.kind == Kind::Normal => u.value_base(it.low),
                _ => None,
            };
            let indicator = self.canonical(&name).map(|s| s.to_string());
            let span = Span::new(abs, cs + it.end);
            let quoted = quoted_window(ctx.text, sspan, span);
            self.carry.para_items += 1;
            self.growth_pct = measure == Measure::Growth && unit_text == "%";
            let id = indicator_id(self.out.len() + 1);
            self.out.push(Indicator {
                id,
                name,
                indicator,
                measure,
                value,
                unit: unit_text,
                value_base,
                qualifier,
                direction,
                status,
                year,
                period,
                relative_to,
                parts: it.parts.clone(),
                section,
                sentence: ctx.text.get(quoted.start..quoted.end).unwrap_or("").to_string(),
                span,
                sentence_span: quoted,
            });
        }
        self.pairs = pairs;
    }
}
