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
use crate::workshop::{disagreement, section_stats, SectionStats};

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
/// Team columns per score table (more teams: more tables).
const TEAMS_PER_TABLE: usize = 8;
/// The least width of the Mean, Median and Spread columns (share of the content width); wider
/// when a header does not fit.
const STAT_SHARE: f32 = 0.095;
/// The least width of the section column of the score tables (share of the content width).
const SECTION_SHARE: f32 = 0.30;
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

    let title = workshop_title();
    l.bookmark(&title);
    l.text(&title, H1, 0.0);
    l.space(4.0);
    l.text(
        &t!("{0} (version {1})", q.title.get(loc), q.version),
        Style::new(14.0, true, INK),
        0.0,
    );
    l.space(8.0);
    let row = Style::new(10.5, false, INK);
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

    // The teams, numbered as in the tables.
    let rows: Vec<Vec<String>> = teams
        .iter()
        .zip(&overall)
        .enumerate()
        .map(|(i, ((label, a), o))| {
            let project = if a.metadata.project_name.trim().is_empty() {
                "—".to_string()
            } else {
                a.metadata.project_name.trim().to_string()
            };
            vec![
                format!("T{}", i + 1),
                label.clone(),
                project,
                score_text(*o),
            ]
        })
        .collect();
    let headers = [t!("Team"), t!("Project"), t!("Overall")];
    l.table(
        &[
            Column {
                header: "#",
                share: 0.08,
                right: false,
            },
            Column {
                header: &headers[0],
                share: 0.37,
                right: false,
            },
            Column {
                header: &headers[1],
                share: 0.40,
                right: false,
            },
            Column {
                header: &headers[2],
                share: 0.15,
                right: true,
            },
        ],
        &rows,
        &[],
    );
    l.space(14.0);

    // Section scores per team, with the statistics.
    l.bookmark(&t!("Section scores"));
    l.heading(&t!("Section scores"), H2, KEEP);
    l.text(&t!("Scores run from 0 (no concern) to 100 (maximum concern). A dash (—) means no score. Spread is the highest score minus the lowest."), SMALL, 0.0);
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
    // The statistics columns: wide enough for their headers (bold 9 pt, 4 pt padding each side).
    let stat_headers = [t!("Mean"), t!("Median"), t!("Spread")];
    let stat_shares: Vec<f32> = stat_headers
        .iter()
        .map(|h| STAT_SHARE.max((l.measure().width(h, 9.0, true) + 9.0) / CONTENT_W))
        .collect();
    let stats_share: f32 = stat_shares.iter().sum();
    let section_header = t!("Section");
    let chunks: Vec<(usize, usize)> = (0..teams.len().max(1))
        .step_by(TEAMS_PER_TABLE)
        .map(|s| (s, (s + TEAMS_PER_TABLE).min(teams.len())))
        .collect();
    for (ci, &(from, to)) in chunks.iter().enumerate() {
        if chunks.len() > 1 {
            l.heading(&t!("Teams T{0}–T{1}", from + 1, to), H3, KEEP);
        }
        let n = to - from;
        // The section titles keep at least SECTION_SHARE of the width.
        let team_share = if n == 0 {
            0.0
        } else {
            (0.45f32 / n as f32)
                .min(0.13)
                .min((1.0 - stats_share - SECTION_SHARE) / n as f32)
        };
        let section_share = 1.0 - stats_share - team_share * n as f32;
        // The teams' own labels head the columns when every word of them fits; else T1, T2, …
        let fits = |label: &str| {
            label
                .split_whitespace()
                .all(|w| l.measure().width(w, 9.0, true) <= team_share * CONTENT_W - 8.0)
        };
        let use_labels = (from..to).all(|i| fits(labels[i]));
        let headers: Vec<String> = (from..to)
            .map(|i| {
                if use_labels {
                    labels[i].to_string()
                } else {
                    format!("T{}", i + 1)
                }
            })
            .collect();
        let mut cols = vec![Column {
            header: &section_header,
            share: section_share,
            right: false,
        }];
        cols.extend(headers.iter().map(|h| Column {
            header: h.as_str(),
            share: team_share,
            right: true,
        }));
        for (h, share) in stat_headers.iter().zip(&stat_shares) {
            cols.push(Column {
                header: h,
                share: *share,
                right: true,
            });
        }
        let rows: Vec<Vec<String>> = all_rows
            .iter()
            .zip(&titles)
            .map(|(s, title)| {
                let mut r = vec![title.clone()];
                r.extend((from..to).map(|i| score_text(s.scores.get(i).copied().flatten())));
                r.extend([
                    score_text(s.mean),
                    score_text(s.median),
                    score_text(s.spread),
                ]);
                r
            })
            .collect();
        let mut styles = vec![Style::new(9.0, false, INK); rows.len()];
        if let Some(last) = styles.last_mut() {
            last.bold = true;
        }
        l.table(&cols, &rows, &styles);
        if ci + 1 < chunks.len() {
            l.space(14.0);
        }
    }
    l.space(14.0);
    chart(&mut l, &stats, &titles, teams.len());

    // The questions the teams split on.
    let split: Vec<_> = disagreement(q, &assessments)
        .into_iter()
        .filter(|s| s.disagreement > 0.0)
        .collect();
    l.space(10.0);
    l.ensure(120.0);
    let disagreed = disagreed_title();
    l.bookmark(&disagreed);
    l.heading(&disagreed, H2, KEEP);
    l.text(
        &t!("The choice questions on which the teams gave different answers, the most divided first. Disagreement is the share of the answering teams that did not give the most common answer: 0% when all agree, 50% when the teams are split evenly between two answers."),
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
    for (rank, s) in split.iter().take(DISAGREEMENT_CAP).enumerate() {
        let Some(r) = q.question(&s.question_id) else {
            continue;
        };
        let section = r.section.title.get(loc);
        l.heading(
            &format!("{}. {}", rank + 1, r.question.text.get(loc)),
            Style::new(10.5, true, INK),
            3.0 * BODY.line_height(),
        );
        let percent = format!("{:.0}", s.disagreement * 100.0);
        l.text(
            &t!(
                "{0} · disagreement {1}% · answered by {2} of {3} teams",
                section,
                percent,
                s.answered,
                teams.len()
            ),
            Style::new(9.0, true, ACCENT),
            12.0,
        );
        let help = crate::markdown::plain(r.question.help.get(loc));
        if !help.trim().is_empty() {
            l.text(help.trim(), Style::new(8.5, false, MUTED), 12.0);
        }
        l.space(2.0);
        for g in &s.groups {
            let who: Vec<&str> = g
                .teams
                .iter()
                .filter_map(|t| labels.get(*t).copied())
                .collect();
            l.labelled(
                "•",
                &format!(
                    "{} — {}",
                    answer_key_text(r.question, &g.key, loc),
                    who.join(", ")
                ),
                BODY,
                12.0,
            );
        }
        l.space(8.0);
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
    l.space(10.0);
    l.rule(RULE);
    l.space(6.0);
    l.text(&super::local_notice(), Style::new(9.0, false, MUTED), 0.0);
    let right = format!("{title} · {}", date(generated_at));
    l.finish(q.title.get(loc), &right)
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
