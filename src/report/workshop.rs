//! The workshop summary: many teams' assessments of one case on a few pages, for the
//! facilitator. What it says (title, teams, section scores per team with mean, median and
//! spread, a bar chart of them, and the questions the teams disagreed on most) is laid out here
//! with any [`Measure`]; `pdf::render_workshop` draws it.

use super::layout::*;
use super::pages::fit_lines;
use crate::i18n::Lang;

const H1: Style = Style::new(24.0, true, ACCENT);
const H2: Style = Style::new(15.0, true, ACCENT);
const H3: Style = Style::new(11.5, true, INK);
const KEEP: f32 = 48.0;
use crate::answers::{dont_know, not_applicable, Assessment};
use crate::i18n::date;
use crate::model::{Question, Questionnaire};
use crate::scoring::{display_score, score};
use crate::t;
use crate::workshop::{section_stats, SectionStats};

/// "Workshop summary"
pub fn workshop_title() -> String {
    t!("Workshop summary")
}

/// "Where teams disagreed"
pub fn disagreed_title() -> String {
    t!("Where teams disagreed")
}
/// How many of the most disputed questions the summary shows.
pub const DISAGREEMENT_CAP: usize = 20;
/// How many of the questions all teams agreed on the summary lists.
const AGREED_CAP: usize = 25;
/// Team columns per score table (more teams: more tables).
const TEAMS_PER_TABLE: usize = 8;
/// The width of the section titles left of the chart's bars.
const LABEL_W: f32 = 170.0;
/// The height of one bar of the chart.
const ROW: f32 = 20.0;

/// `elsa-workshop-<yyyy-mm-dd>.pdf`
pub fn workshop_file_name(generated_at: &str) -> String {
    crate::files::workshop_pdf(generated_at)
}

/// An answer group's key (`a`, `a+b`, `dont_know`, `not_applicable`) in words: the option
/// labels (an option the question no longer offers keeps its id), "Don't know", "Not applicable".
pub fn answer_key_text(question: &Question, key: &str, locale: &str) -> String {
    match key {
        "dont_know" => dont_know(),
        "not_applicable" => not_applicable(),
        _ => {
            let options = question.kind.options();
            key.split('+')
                .map(|id| {
                    options
                        .iter()
                        .find(|o| o.id == id)
                        .map(|o| o.label_in(locale))
                        .unwrap_or_else(|| id.to_string())
                })
                .collect::<Vec<_>>()
                .join("; ")
        }
    }
}

fn score_text(v: Option<f64>) -> String {
    v.map(display_score).unwrap_or_else(|| "—".to_string())
}

/// A column of a table: its header, share of the width, right-aligned or not.
fn col(header: &str, share: f32, right: bool) -> Column<'_> {
    Column {
        header,
        share,
        right,
    }
}

/// Mean, median and spread of the overall scores (as `section_stats` does per section).
fn overall_stats(overall: &[Option<f64>]) -> SectionStats {
    let mut have: Vec<f64> = overall.iter().flatten().copied().collect();
    have.sort_by(|a, b| a.total_cmp(b));
    let n = have.len();
    let mean = (n > 0).then(|| have.iter().sum::<f64>() / n as f64);
    let median = match n {
        0 => None,
        _ if n % 2 == 1 => Some(have[n / 2]),
        _ => Some((have[n / 2 - 1] + have[n / 2]) / 2.0),
    };
    let spread = (n > 0).then(|| have[n - 1] - have[0]);
    SectionStats {
        section_id: String::new(),
        scores: overall.to_vec(),
        mean,
        median,
        spread,
    }
}

/// Lay out the workshop summary in `lang`. Returns the pages and the document outline.
pub fn build_workshop_pages(
    q: &Questionnaire,
    teams: &[(String, Assessment)],
    generated_at: &str,
    lang: Lang,
    m: &dyn Measure,
) -> (Vec<Page>, Vec<(String, usize)>) {
    crate::i18n::with_lang(lang, || lay_out_workshop(q, teams, generated_at, lang, m))
}

fn lay_out_workshop(
    q: &Questionnaire,
    teams: &[(String, Assessment)],
    generated_at: &str,
    lang: Lang,
    m: &dyn Measure,
) -> (Vec<Page>, Vec<(String, usize)>) {
    let loc = lang.code();
    let assessments: Vec<Assessment> = teams.iter().map(|(_, a)| a.clone()).collect();
    let labels: Vec<&str> = teams.iter().map(|(l, _)| l.as_str()).collect();
    let stats = section_stats(q, &assessments);
    let overall: Vec<Option<f64>> = assessments.iter().map(|a| score(q, a).overall).collect();
    let mut l = Layout::new(m);
    // Tagged PDF: headings by size, other text as paragraphs, tables by themselves.
    l.auto_tag = true;

    let title = workshop_title();
    l.bookmark(&title);
    l.begin("H1");
    l.text(&title, H1, 0.0);
    l.end();
    l.space(4.0);
    l.text(
        &t!("{0} (version {1})", q.title.get(loc), q.version),
        Style::new(14.0, true, INK),
        0.0,
    );
    l.space(8.0);
    let row = Style::new(10.5, false, INK);
    // The case: the project the teams assessed, once (the name most teams gave; other names
    // with the teams that gave them, such as a team that wrote in another language).
    let mut names: Vec<(String, Vec<usize>)> = Vec::new();
    for (i, a) in assessments.iter().enumerate() {
        let n = a.metadata.project_name.trim();
        if n.is_empty() {
            continue;
        }
        match names.iter_mut().find(|(x, _)| x == n) {
            Some((_, v)) => v.push(i),
            None => names.push((n.to_string(), vec![i])),
        }
    }
    names.sort_by(|a, b| b.1.len().cmp(&a.1.len()));
    if let Some((main, _)) = names.first() {
        l.labelled(&t!("Case:"), main, Style::new(10.5, true, INK), 0.0);
        for (other, who) in names.iter().skip(1) {
            let codes: Vec<String> = who.iter().map(|i| format!("T{}", i + 1)).collect();
            l.labelled(
                &t!("Also named:"),
                &format!("{other} ({})", codes.join(", ")),
                Style::new(9.0, false, MUTED),
                0.0,
            );
        }
    }
    l.labelled(&t!("Date:"), &date(generated_at), row, 0.0);
    l.labelled(&t!("Teams:"), &teams.len().to_string(), row, 0.0);
    if let Some(notice) = super::fallback_notice(q, true, lang) {
        l.space(6.0);
        l.callout(
            &[("", &notice)],
            Style::new(10.0, true, super::pages::NOTICE),
            SHADE,
            super::pages::NOTICE,
            0.0,
        );
    }
    l.space(8.0);

    // The teams, numbered as in the tables: one compact row each.
    let outcomes: Vec<_> = assessments.iter().map(|a| score(q, a)).collect();
    let headline_of = |a: &Assessment| -> String {
        if q.headlines.is_empty() {
            return String::new();
        }
        let conclusions = crate::triage::evaluate(q, a, loc);
        let lines = crate::decision::headlines(q, &conclusions);
        let shown: Vec<String> = lines
            .iter()
            .filter(|h| {
                matches!(
                    h.answer,
                    crate::decision::Settled::Yes | crate::decision::Settled::Unclear
                )
            })
            .map(|h| format!("{} {}", h.question.get(loc), h.answer.label()))
            .collect();
        if shown.is_empty() {
            t!("none")
        } else {
            shown.join("; ")
        }
    };
    let rows: Vec<Vec<String>> = teams
        .iter()
        .zip(&outcomes)
        .enumerate()
        .map(|(i, ((label, a), o))| {
            let level = o
                .overall_level
                .as_ref()
                .and_then(|lv| q.bands.get(lv.band_index))
                .map(|b| b.label.get(loc).to_string())
                .unwrap_or_else(|| "—".into());
            let mut r = vec![
                format!("T{}", i + 1),
                label.clone(),
                score_text(o.overall),
                level,
                o.red_flag_count().to_string(),
            ];
            if !q.headlines.is_empty() {
                r.push(headline_of(a));
            }
            r
        })
        .collect();
    let team_headers = [
        t!("Team"),
        t!("Overall"),
        t!("Level"),
        t!("Red flags"),
        t!("Legal triage: yes or unclear"),
    ];
    let mut cols = vec![
        col("#", 0.06, false),
        col(&team_headers[0], 0.18, false),
        col(&team_headers[1], 0.09, true),
        col(&team_headers[2], 0.15, false),
        col(&team_headers[3], 0.09, true),
    ];
    if !q.headlines.is_empty() {
        cols.push(col(&team_headers[4], 0.43, false));
    }
    let total: f32 = cols.iter().map(|c| c.share).sum();
    for c in &mut cols {
        c.share /= total;
    }
    // Neutral rows: the red flags and the level are in their own columns.
    l.bookmark(&t!("Teams"));
    l.heading(&t!("Teams"), H2, KEEP);
    l.table(&cols, &rows, &[]);
    l.space(14.0);

    // Section scores: the statistics once, with what the spread means; then each team's score.
    l.bookmark(&t!("Section scores"));
    l.heading(&t!("Section scores"), H2, KEEP);
    l.text(&t!("Scores run from 0 (no concern) to 100 (maximum concern). A dash (—) means no score. Spread is the highest score minus the lowest. Up to 15 points the teams agree; up to 35 they differ somewhat; more, and they disagree widely."), SMALL, 0.0);
    l.space(4.0);
    let mut all_rows = stats.clone();
    all_rows.push(overall_stats(&overall));
    let titles: Vec<String> = stats
        .iter()
        .map(|s| {
            q.section(&s.section_id)
                .map(|(_, x)| x.title.get(loc).to_string())
                .unwrap_or_default()
        })
        .chain(std::iter::once(t!("Overall (weighted)")))
        .collect();
    let stat_headers = [
        t!("Section"),
        t!("Mean"),
        t!("Median"),
        t!("Spread"),
        t!("Reading"),
    ];
    let stat_rows: Vec<Vec<String>> = all_rows
        .iter()
        .zip(&titles)
        .map(|(s, title)| {
            vec![
                title.clone(),
                score_text(s.mean),
                score_text(s.median),
                score_text(s.spread),
                s.spread
                    .map(|v| crate::workshop::Reading::of(v).label())
                    .unwrap_or_else(|| "—".into()),
            ]
        })
        .collect();
    let mut stat_styles = vec![Style::new(9.0, false, INK); stat_rows.len()];
    if let Some(last) = stat_styles.last_mut() {
        last.bold = true;
    }
    l.table(
        &[
            col(&stat_headers[0], 0.40, false),
            col(&stat_headers[1], 0.11, true),
            col(&stat_headers[2], 0.11, true),
            col(&stat_headers[3], 0.11, true),
            col(&stat_headers[4], 0.27, false),
        ],
        &stat_rows,
        &stat_styles,
    );
    l.space(14.0);
    chart(&mut l, &stats, &titles, teams.len());
    l.space(10.0);

    // Each team's score per section, in blocks of teams.
    let section_header = t!("Section");
    let chunks: Vec<(usize, usize)> = (0..teams.len().max(1))
        .step_by(TEAMS_PER_TABLE)
        .map(|s| (s, (s + TEAMS_PER_TABLE).min(teams.len())))
        .collect();
    l.heading(&t!("Scores per team"), H3, KEEP);
    for (ci, &(from, to)) in chunks.iter().enumerate() {
        let n = to - from;
        let team_share = if n == 0 {
            0.0
        } else {
            (0.56f32 / n as f32).min(0.13)
        };
        let section_share = 1.0 - team_share * n as f32;
        let headers: Vec<String> = (from..to).map(|i| format!("T{}", i + 1)).collect();
        let mut cols = vec![col(&section_header, section_share, false)];
        cols.extend(headers.iter().map(|h| col(h.as_str(), team_share, true)));
        let rows: Vec<Vec<String>> = all_rows
            .iter()
            .zip(&titles)
            .map(|(s, title)| {
                let mut r = vec![title.clone()];
                r.extend((from..to).map(|i| score_text(s.scores.get(i).copied().flatten())));
                r
            })
            .collect();
        let mut styles = vec![Style::new(9.0, false, INK); rows.len()];
        if let Some(last) = styles.last_mut() {
            last.bold = true;
        }
        l.table(&cols, &rows, &styles);
        if ci + 1 < chunks.len() {
            l.space(10.0);
        }
    }

    // The questions the teams split on: judgements first, then the facts of the case.
    let counts = crate::workshop::question_counts(q, &assessments);
    let mut split: Vec<&crate::workshop::QuestionCounts> = counts
        .iter()
        .filter(|c| !c.fact && c.disagreement > 0.0)
        .collect();
    // Stable: equal disagreement keeps questionnaire order.
    split.sort_by(|a, b| b.disagreement.total_cmp(&a.disagreement));
    l.space(10.0);
    l.ensure(120.0);
    let disagreed = disagreed_title();
    l.bookmark(&disagreed);
    l.heading(&disagreed, H2, KEEP);
    l.text(
        &t!("The judgement questions on which the teams gave different answers, the most divided first. Disagreement runs from 0% (all teams gave the same answer) to 100% (the teams are as evenly spread over the answers as they could be). The options are in order of concern, least first; ✓ marks the answer the questionnaire recommends."),
        SMALL,
        0.0,
    );
    l.space(6.0);
    if split.is_empty() {
        l.text(
            &t!("The teams gave the same answer to every choice question they answered."),
            BODY,
            0.0,
        );
    }
    for (rank, c) in split.iter().take(DISAGREEMENT_CAP).enumerate() {
        question_block(&mut l, q, c, rank + 1, &labels, teams.len(), loc, true);
    }
    if split.len() > DISAGREEMENT_CAP {
        let more = split.len() - DISAGREEMENT_CAP;
        let text = if more == 1 {
            t!("… and 1 more question where teams disagreed (the CSV export has every answer).")
        } else {
            t!(
                "… and {0} more questions where teams disagreed (the CSV export has every answer).",
                more
            )
        };
        l.text(&text, BODY_BOLD, 0.0);
    }

    // Facts of the case the teams read differently.
    let facts: Vec<&crate::workshop::QuestionCounts> = counts
        .iter()
        .filter(|c| c.fact && c.disagreement > 0.0)
        .collect();
    if !facts.is_empty() {
        l.space(10.0);
        l.ensure(100.0);
        let facts_title = t!("Facts of the case the teams read differently");
        l.bookmark(&facts_title);
        l.heading(&facts_title, H2, KEEP);
        l.text(&t!("These questions ask what the tool is and does (the project profile and the legal triage), not how well it is done. A split here often explains splits elsewhere: settle the facts first."), SMALL, 0.0);
        l.space(6.0);
        for (i, c) in facts.iter().enumerate() {
            question_block(&mut l, q, c, i + 1, &labels, teams.len(), loc, false);
        }
    }

    // What the teams agreed on.
    let agreed: Vec<&crate::workshop::QuestionCounts> =
        counts.iter().filter(|c| !c.fact && c.agreed).collect();
    l.space(10.0);
    l.ensure(80.0);
    let agreed_title = t!("Questions all teams answered the same");
    l.bookmark(&agreed_title);
    l.heading(&agreed_title, H2, KEEP);
    if agreed.is_empty() {
        l.text(
            &t!("None: on every judgement question at least one team gave another answer."),
            BODY,
            0.0,
        );
    } else {
        l.text(&t!("Agreement is worth a short check too: did every team have good reasons, or the same blind spot?"), SMALL, 0.0);
        l.space(4.0);
        for c in agreed.iter().take(AGREED_CAP) {
            let Some(r) = q.question(&c.question_id) else {
                continue;
            };
            let answer = c
                .options
                .iter()
                .filter(|o| !o.teams.is_empty())
                .map(|o| answer_key_text(r.question, &o.key, loc))
                .collect::<Vec<_>>()
                .join("; ");
            l.labelled(
                "•",
                &format!("{} — {answer}", r.question.text.get(loc)),
                BODY,
                0.0,
            );
        }
        if agreed.len() > AGREED_CAP {
            l.text(
                &t!(
                    "… and {0} more (the CSV export has every answer).",
                    agreed.len() - AGREED_CAP
                ),
                SMALL,
                0.0,
            );
        }
    }
    l.space(10.0);
    l.rule(RULE);
    l.space(6.0);
    l.text(&super::local_notice(), Style::new(9.0, false, MUTED), 0.0);
    let right = format!("{title} · {}", date(generated_at));
    l.finish(q.title.get(loc), &right)
}

/// One question of the summary: its number and text, the disagreement, each option with how
/// many teams chose it (in concern order, the recommended one marked) and which teams, and for
/// a judgement two questions to discuss.
#[allow(clippy::too_many_arguments)]
fn question_block(
    l: &mut Layout<'_>,
    q: &Questionnaire,
    c: &crate::workshop::QuestionCounts,
    rank: usize,
    labels: &[&str],
    teams: usize,
    loc: &str,
    judgement: bool,
) {
    let Some(r) = q.question(&c.question_id) else {
        return;
    };
    l.heading(
        &format!("{rank}. {}", r.question.text.get(loc)),
        Style::new(10.5, true, INK),
        4.0 * BODY.line_height(),
    );
    let percent = (c.disagreement * 100.0).round() as i64;
    l.text(
        &t!(
            "{0} · disagreement {1}% · answered by {2} of {3} teams",
            r.section.title.get(loc),
            percent,
            c.answered,
            teams
        ),
        Style::new(9.0, true, ACCENT),
        12.0,
    );
    l.space(2.0);
    for o in &c.options {
        if o.teams.is_empty() && !o.recommended {
            continue;
        }
        let share = if c.answered == 0 {
            0
        } else {
            (100.0 * o.teams.len() as f64 / c.answered as f64).round() as i64
        };
        let who: Vec<&str> = o
            .teams
            .iter()
            .filter_map(|t| labels.get(*t).copied())
            .collect();
        let count = if o.teams.len() == 1 {
            t!("1 team ({0}%)", share)
        } else {
            t!("{0} teams ({1}%)", o.teams.len(), share)
        };
        let mark = if o.recommended { "✓" } else { "•" };
        let text = if who.is_empty() {
            format!("{} — {count}", answer_key_text(r.question, &o.key, loc))
        } else {
            format!(
                "{} — {count}: {}",
                answer_key_text(r.question, &o.key, loc),
                who.join(", ")
            )
        };
        l.labelled(mark, &text, BODY, 12.0);
    }
    if judgement {
        let prompts = discussion_prompts(r.question, c, loc);
        l.space(2.0);
        l.labelled(
            &t!("To discuss:"),
            &prompts.join(" "),
            Style::new(9.0, false, MUTED),
            12.0,
        );
    }
    l.space(8.0);
}

/// Two questions for the room about a split question: why the two largest groups answered as
/// they did, and what it would take to give the recommended answer (or, without one, the
/// question's help).
fn discussion_prompts(
    question: &Question,
    c: &crate::workshop::QuestionCounts,
    loc: &str,
) -> [String; 2] {
    let mut chosen: Vec<&crate::workshop::OptionCount> =
        c.options.iter().filter(|o| !o.teams.is_empty()).collect();
    chosen.sort_by(|a, b| b.teams.len().cmp(&a.teams.len()));
    let name = |o: &crate::workshop::OptionCount| answer_key_text(question, &o.key, loc);
    let first = match (chosen.first(), chosen.get(1)) {
        (Some(a), Some(b)) => t!(
            "(1) Teams that chose “{0}” and teams that chose “{1}”: what in the case made you choose it?",
            name(a),
            name(b)
        ),
        _ => t!("(1) What in the case made each team choose its answer?"),
    };
    let recommended = c.options.iter().find(|o| o.recommended);
    let help = crate::markdown::plain(question.help.get(loc));
    let help_first = help
        .split_inclusive(['.', '?'])
        .next()
        .unwrap_or("")
        .trim()
        .to_string();
    let second = match recommended {
        Some(o) if chosen.first().is_none_or(|top| top.key != o.key) => t!(
            "(2) What would this project have to do to answer “{0}”?",
            name(o)
        ),
        _ if !help_first.is_empty() => t!("(2) The question's help says: {0}", help_first),
        _ => t!("(2) What evidence would settle this question?"),
    };
    [first, second]
}

/// Per section: a bar to the mean, a line from the lowest to the highest score, and a tick per
/// team.
fn chart(l: &mut Layout<'_>, stats: &[SectionStats], titles: &[String], teams: usize) {
    if stats.is_empty() || teams == 0 {
        return;
    }
    const VALUE_W: f32 = 44.0;
    let x0 = MARGIN_X + LABEL_W;
    let w = CONTENT_W - LABEL_W - VALUE_W;
    let at = |v: f64| x0 + w * (v.clamp(0.0, 100.0) / 100.0) as f32;
    let bar = Rgb(0xb5, 0xd3, 0xd9);
    // Keep the chart in one piece when it fits on a page.
    let whole = 30.0 + stats.len() as f32 * ROW;
    l.heading(
        &t!("Section scores at a glance"),
        H3,
        whole.min(CONTENT_BOTTOM - CONTENT_TOP - 60.0),
    );
    l.text(
        &t!("Bar: the teams' mean score. Line: lowest to highest. Ticks: each team."),
        SMALL,
        0.0,
    );
    l.space(2.0);
    let axis = |l: &mut Layout<'_>| {
        let top = l.block(14.0);
        for t in [0.0, 25.0, 50.0, 75.0, 100.0] {
            let label = format!("{}", t as i64);
            let tw = l.measure().width(&label, 7.0, false);
            l.draw(Item::Text {
                x: at(t) - tw / 2.0,
                y: top + 9.0,
                style: Style::new(7.0, false, MUTED),
                text: label,
            });
        }
    };
    axis(l);
    let mut page = l.pages.len();
    for (s, title) in stats.iter().zip(titles) {
        l.ensure(ROW);
        if l.pages.len() != page {
            // The chart goes on on a new page: repeat the axis there.
            page = l.pages.len();
            axis(l);
        }
        let top = l.block(ROW);
        row(l, s, title, top, &at, x0, w, bar);
    }
    l.space(6.0);
}

#[allow(clippy::too_many_arguments)]
fn row(
    l: &mut Layout<'_>,
    s: &SectionStats,
    title: &str,
    top: f32,
    at: impl Fn(f64) -> f32,
    x0: f32,
    w: f32,
    bar: Rgb,
) {
    // The section title on one line, or on two smaller ones when it is long.
    let max_w = LABEL_W - 8.0;
    let one = fit_lines(l.measure(), title, 8.0, max_w, 1);
    if one.first().is_some_and(|line| !line.ends_with('…')) {
        l.draw(Item::Text {
            x: MARGIN_X,
            y: top + 13.0,
            style: Style::new(8.0, false, INK),
            text: one.concat(),
        });
    } else {
        let style = Style::new(7.0, false, INK);
        for (k, line) in fit_lines(l.measure(), title, style.size, max_w, 2)
            .into_iter()
            .enumerate()
        {
            l.draw(Item::Text {
                x: MARGIN_X,
                y: top + 9.0 + k as f32 * 8.5,
                style,
                text: line,
            });
        }
    }
    let (bt, bh) = (top + 5.0, 10.0);
    l.draw(Item::Rect {
        x: x0,
        y: bt,
        w,
        h: bh,
        color: SHADE,
    });
    for t in [25.0, 50.0, 75.0] {
        l.draw(Item::Line {
            x1: at(t),
            y1: top + 2.0,
            x2: at(t),
            y2: top + ROW - 2.0,
            color: RULE,
            width: 0.4,
        });
    }
    let Some(mean) = s.mean else {
        l.draw(Item::Text {
            x: x0 + 4.0,
            y: top + 13.0,
            style: Style::new(7.5, false, MUTED),
            text: t!("no scores"),
        });
        return;
    };
    l.draw(Item::Rect {
        x: x0,
        y: bt,
        w: at(mean) - x0,
        h: bh,
        color: bar,
    });
    let have: Vec<f64> = s.scores.iter().flatten().copied().collect();
    let lo = have.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = have.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let cy = bt + bh / 2.0;
    l.draw(Item::Line {
        x1: at(lo),
        y1: cy,
        x2: at(hi),
        y2: cy,
        color: INK,
        width: 0.8,
    });
    for x in [at(lo), at(hi)] {
        l.draw(Item::Line {
            x1: x,
            y1: cy - 3.0,
            x2: x,
            y2: cy + 3.0,
            color: INK,
            width: 0.8,
        });
    }
    for v in &have {
        l.draw(Item::Line {
            x1: at(*v),
            y1: bt - 1.5,
            x2: at(*v),
            y2: bt + bh + 1.5,
            color: ACCENT,
            width: 1.0,
        });
    }
    let value = t!("mean {0}", display_score(mean));
    l.draw(Item::Text {
        x: x0 + w + 6.0,
        y: top + 13.0,
        style: Style::new(8.0, true, INK),
        text: value,
    });
}
