//! The workshop summary: many teams' assessments of one case on a few pages, for the
//! facilitator. What it says (title, teams, section scores per team with mean, median and
//! spread, a bar chart of them, and the questions the teams disagreed on most) is laid out here
//! with any [`Measure`]; `pdf::render_workshop` draws it.

use super::layout::*;
use super::{date_part, short_title, H1, H2, H3, KEEP, LOCAL_NOTICE};
use crate::answers::{Assessment, DONT_KNOW, NOT_APPLICABLE};
use crate::model::{Question, Questionnaire};
use crate::scoring::{display_score, score};
use crate::workshop::{disagreement, section_stats, SectionStats};

pub const WORKSHOP_TITLE: &str = "Workshop summary";
pub const DISAGREED_TITLE: &str = "Where teams disagreed";
/// How many of the most disputed questions the summary shows.
pub const DISAGREEMENT_CAP: usize = 20;
/// Team columns per score table (more teams: more tables).
const TEAMS_PER_TABLE: usize = 8;
/// The width of the Mean, Median and Spread columns (share of the content width).
const STAT_SHARE: f32 = 0.095;
/// The height of one bar of the chart.
const ROW: f32 = 20.0;

/// `elsa-workshop-<yyyy-mm-dd>.pdf`
pub fn workshop_file_name(generated_at: &str) -> String {
    format!("elsa-workshop-{}.pdf", date_part(generated_at))
}

/// An answer group's key (`a`, `a+b`, `dont_know`, `not_applicable`) in words: the option
/// labels (an option the question no longer offers keeps its id), "Don't know", "Not applicable".
pub fn answer_key_text(question: &Question, key: &str, locale: &str) -> String {
    match key {
        "dont_know" => DONT_KNOW.to_string(),
        "not_applicable" => NOT_APPLICABLE.to_string(),
        _ => {
            let options = question.kind.options();
            key.split('+')
                .map(|id| options.iter().find(|o| o.id == id).map(|o| o.label_in(locale)).unwrap_or_else(|| id.to_string()))
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
    SectionStats { section_id: String::new(), scores: overall.to_vec(), mean, median, spread }
}

/// Lay out the workshop summary. Returns the pages and the document outline.
pub fn build_workshop_pages(
    q: &Questionnaire,
    teams: &[(String, Assessment)],
    generated_at: &str,
    locale: &str,
    m: &dyn Measure,
) -> (Vec<Page>, Vec<(String, usize)>) {
    let loc = locale;
    let assessments: Vec<Assessment> = teams.iter().map(|(_, a)| a.clone()).collect();
    let labels: Vec<&str> = teams.iter().map(|(l, _)| l.as_str()).collect();
    let stats = section_stats(q, &assessments);
    let overall: Vec<Option<f64>> = assessments.iter().map(|a| score(q, a).overall).collect();
    let mut l = Layout::new(m);

    l.bookmark(WORKSHOP_TITLE);
    l.text(WORKSHOP_TITLE, H1, 0.0);
    l.space(4.0);
    l.text(&format!("{} (version {})", q.title.get(loc), q.version), Style::new(14.0, true, INK), 0.0);
    l.space(8.0);
    let row = Style::new(10.5, false, INK);
    l.labelled("Date:", date_part(generated_at), row, 0.0);
    l.labelled("Teams:", &teams.len().to_string(), row, 0.0);
    l.space(8.0);

    // The teams, numbered as in the tables.
    let rows: Vec<Vec<String>> = teams
        .iter()
        .zip(&overall)
        .enumerate()
        .map(|(i, ((label, a), o))| {
            let project = if a.metadata.project_name.trim().is_empty() { "—".to_string() } else { a.metadata.project_name.trim().to_string() };
            vec![format!("T{}", i + 1), label.clone(), project, score_text(*o)]
        })
        .collect();
    l.table(
        &[
            Column { header: "#", share: 0.08, right: false },
            Column { header: "Team", share: 0.37, right: false },
            Column { header: "Project", share: 0.40, right: false },
            Column { header: "Overall", share: 0.15, right: true },
        ],
        &rows,
        &[],
    );
    l.space(14.0);

    // Section scores per team, with the statistics.
    l.bookmark("Section scores");
    l.heading("Section scores", H2, KEEP);
    l.text("Scores run from 0 (no concern) to 100 (maximum concern); — is no score. Spread is the highest score minus the lowest.", SMALL, 0.0);
    l.space(4.0);
    let mut all_rows = stats.clone();
    all_rows.push(overall_stats(&overall));
    let titles: Vec<String> = stats
        .iter()
        .map(|s| q.section(&s.section_id).map(|(_, x)| x.title.get(loc).to_string()).unwrap_or_default())
        .chain(std::iter::once("Overall (weighted)".to_string()))
        .collect();
    let chunks: Vec<(usize, usize)> = (0..teams.len().max(1)).step_by(TEAMS_PER_TABLE).map(|s| (s, (s + TEAMS_PER_TABLE).min(teams.len()))).collect();
    for (ci, &(from, to)) in chunks.iter().enumerate() {
        if chunks.len() > 1 {
            l.heading(&format!("Teams T{}–T{}", from + 1, to), H3, KEEP);
        }
        let n = to - from;
        let team_share = if n == 0 { 0.0 } else { (0.45f32 / n as f32).min(0.13) };
        let section_share = 1.0 - 3.0 * STAT_SHARE - team_share * n as f32;
        // The teams' own labels head the columns when every word of them fits; else T1, T2, …
        let fits = |label: &str| label.split_whitespace().all(|w| l.measure().width(w, 9.0, true) <= team_share * CONTENT_W - 8.0);
        let use_labels = (from..to).all(|i| fits(labels[i]));
        let headers: Vec<String> = (from..to).map(|i| if use_labels { labels[i].to_string() } else { format!("T{}", i + 1) }).collect();
        let mut cols = vec![Column { header: "Section", share: section_share, right: false }];
        cols.extend(headers.iter().map(|h| Column { header: h.as_str(), share: team_share, right: true }));
        for h in ["Mean", "Median", "Spread"] {
            cols.push(Column { header: h, share: STAT_SHARE, right: true });
        }
        let rows: Vec<Vec<String>> = all_rows
            .iter()
            .zip(&titles)
            .map(|(s, title)| {
                let mut r = vec![title.clone()];
                r.extend((from..to).map(|i| score_text(s.scores.get(i).copied().flatten())));
                r.extend([score_text(s.mean), score_text(s.median), score_text(s.spread)]);
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
    let split: Vec<_> = disagreement(q, &assessments).into_iter().filter(|s| s.disagreement > 0.0).collect();
    l.space(10.0);
    l.ensure(120.0);
    l.bookmark(DISAGREED_TITLE);
    l.heading(DISAGREED_TITLE, H2, KEEP);
    l.text(
        "The choice questions on which the teams gave different answers, the most divided first. Disagreement is the share of the teams that answered who did not give the most common answer: 0% when all agree, 50% for an even split between two answers.",
        SMALL,
        0.0,
    );
    l.space(6.0);
    if split.is_empty() {
        l.text("The teams gave the same answer to every choice question they answered.", BODY, 0.0);
    }
    for (rank, s) in split.iter().take(DISAGREEMENT_CAP).enumerate() {
        let Some(r) = q.question(&s.question_id) else { continue };
        let section = r.section.title.get(loc);
        l.heading(&format!("{}. {}", rank + 1, r.question.text.get(loc)), Style::new(10.5, true, INK), 3.0 * BODY.line_height());
        l.text(&format!("{} · disagreement {:.0}% · answered by {} of {} teams", section, s.disagreement * 100.0, s.answered, teams.len()), Style::new(9.0, true, ACCENT), 12.0);
        let help = crate::markdown::plain(r.question.help.get(loc));
        if !help.trim().is_empty() {
            l.text(help.trim(), Style::new(8.5, false, MUTED), 12.0);
        }
        l.space(2.0);
        for g in &s.groups {
            let who: Vec<&str> = g.teams.iter().filter_map(|t| labels.get(*t).copied()).collect();
            l.labelled("•", &format!("{} — {}", answer_key_text(r.question, &g.key, loc), who.join(", ")), BODY, 12.0);
        }
        l.space(8.0);
    }
    if split.len() > DISAGREEMENT_CAP {
        let more = split.len() - DISAGREEMENT_CAP;
        let s = if more == 1 { "" } else { "s" };
        l.text(&format!("… and {more} more question{s} where teams disagreed (the CSV export has every answer)."), BODY_BOLD, 0.0);
    }
    l.space(10.0);
    l.rule(RULE);
    l.space(6.0);
    l.text(LOCAL_NOTICE, Style::new(9.0, false, MUTED), 0.0);
    let right = format!("{WORKSHOP_TITLE} · {}", date_part(generated_at));
    l.finish(q.title.get(loc), &right)
}

/// Per section: a bar to the mean, a line from the lowest to the highest score, and a tick per
/// team.
fn chart(l: &mut Layout<'_>, stats: &[SectionStats], titles: &[String], teams: usize) {
    if stats.is_empty() || teams == 0 {
        return;
    }
    const LABEL_W: f32 = 170.0;
    const VALUE_W: f32 = 44.0;
    let x0 = MARGIN_X + LABEL_W;
    let w = CONTENT_W - LABEL_W - VALUE_W;
    let at = |v: f64| x0 + w * (v.clamp(0.0, 100.0) / 100.0) as f32;
    let bar = Rgb(0xb5, 0xd3, 0xd9);
    // Keep the chart in one piece when it fits on a page.
    let whole = 30.0 + stats.len() as f32 * ROW;
    l.heading("Section scores at a glance", H3, whole.min(CONTENT_BOTTOM - CONTENT_TOP - 60.0));
    l.text("Bar: the teams' mean score. Line: lowest to highest. Ticks: each team.", SMALL, 0.0);
    l.space(2.0);
    let axis = |l: &mut Layout<'_>| {
        let top = l.block(14.0);
        for t in [0.0, 25.0, 50.0, 75.0, 100.0] {
            let label = format!("{}", t as i64);
            let tw = l.measure().width(&label, 7.0, false);
            l.draw(Item::Text { x: at(t) - tw / 2.0, y: top + 9.0, style: Style::new(7.0, false, MUTED), text: label });
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
fn row(l: &mut Layout<'_>, s: &SectionStats, title: &str, top: f32, at: impl Fn(f64) -> f32, x0: f32, w: f32, bar: Rgb) {
    let label = short_title(title);
    let style = Style::new(8.0, false, INK);
    l.draw(Item::Text { x: MARGIN_X, y: top + 13.0, style, text: label });
    let (bt, bh) = (top + 5.0, 10.0);
    l.draw(Item::Rect { x: x0, y: bt, w, h: bh, color: SHADE });
    for t in [25.0, 50.0, 75.0] {
        l.draw(Item::Line { x1: at(t), y1: top + 2.0, x2: at(t), y2: top + ROW - 2.0, color: RULE, width: 0.4 });
    }
    let Some(mean) = s.mean else {
        l.draw(Item::Text { x: x0 + 4.0, y: top + 13.0, style: Style::new(7.5, false, MUTED), text: "no scores".into() });
        return;
    };
    l.draw(Item::Rect { x: x0, y: bt, w: at(mean) - x0, h: bh, color: bar });
    let have: Vec<f64> = s.scores.iter().flatten().copied().collect();
    let lo = have.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = have.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let cy = bt + bh / 2.0;
    l.draw(Item::Line { x1: at(lo), y1: cy, x2: at(hi), y2: cy, color: INK, width: 0.8 });
    for x in [at(lo), at(hi)] {
        l.draw(Item::Line { x1: x, y1: cy - 3.0, x2: x, y2: cy + 3.0, color: INK, width: 0.8 });
    }
    for v in &have {
        l.draw(Item::Line { x1: at(*v), y1: bt - 1.5, x2: at(*v), y2: bt + bh + 1.5, color: ACCENT, width: 1.0 });
    }
    let value = format!("mean {}", display_score(mean));
    l.draw(Item::Text { x: x0 + w + 6.0, y: top + 13.0, style: Style::new(8.0, true, INK), text: value });
}
