//! A [`Doc`] laid out on A4 pages (pure, with any [`Measure`]): each block's look on paper —
//! sizes, colours, what keeps with what — is decided here, and nowhere else.

use super::doc::{Axis, Block, Doc, Size, Tone};
use super::layout::*;

const H1: Style = Style::new(15.0, true, ACCENT);
const TITLE: Style = Style::new(24.0, true, ACCENT);
const KEEP: f32 = 48.0;
pub(crate) const NOTICE: Rgb = Rgb(0xa8, 0x5d, 0x00);
const GOOD: Rgb = Rgb(0x2e, 0x6b, 0x3a);
const GOOD_FILL: Rgb = Rgb(0xe5, 0xf2, 0xe8);
const STALE_FILL: Rgb = Rgb(0xfb, 0xe4, 0xe4);
const INDENT: f32 = 12.0;

fn colour(t: Tone) -> Rgb {
    match t {
        Tone::Normal => INK,
        Tone::Muted => MUTED,
        Tone::Accent => ACCENT,
        Tone::Danger => DANGER,
        Tone::Good => GOOD,
        Tone::Warn | Tone::Notice => NOTICE,
    }
}

fn para_style(size: Size, strong: bool, tone: Tone) -> Style {
    let pt = match size {
        Size::Lead => 11.5,
        Size::Body => 10.0,
        Size::Small => 8.5,
        Size::Fine => 7.5,
    };
    // Small print is muted unless it means something.
    let c = if size == Size::Small && tone == Tone::Normal {
        MUTED
    } else {
        colour(tone)
    };
    Style::new(pt, strong, c)
}

fn heading_style(level: u8, tone: Tone) -> (Style, f32) {
    match level {
        1 => (
            Style {
                color: colour(tone),
                ..H1
            },
            KEEP,
        ),
        2 => (
            Style::new(
                11.5,
                true,
                if tone == Tone::Normal {
                    INK
                } else {
                    colour(tone)
                },
            ),
            KEEP,
        ),
        _ => (
            Style::new(10.0, true, colour(tone)),
            2.0 * BODY.line_height(),
        ),
    }
}

/// Lay out the document: its pages (with the running header and footer) and its outline.
pub fn lay_out(doc: &Doc, m: &dyn Measure) -> (Vec<Page>, Vec<(String, usize)>) {
    let mut l = Layout::new(m);
    let mut anchor = None;
    for b in &doc.blocks {
        lay_block(&mut l, b, &mut anchor);
    }
    l.finish(&doc.running_left, &doc.running_right)
}

/// Lay out one block. `anchor`: a [`Block::Anchor`] waiting for the next heading, which it marks
/// (at the heading's top, on the page the heading lands on).
fn lay_block(l: &mut Layout<'_>, b: &Block, anchor: &mut Option<String>) {
    // The block's element in the tagged PDF (a table makes its own; the chart is an artifact:
    // the table next to it has its numbers).
    let role = match b {
        Block::Title { .. } => Some("H1"),
        Block::Heading { level: 1, .. } => Some("H2"),
        Block::Heading { level: 2, .. } => Some("H3"),
        Block::Heading { .. } => Some("H4"),
        Block::Para { .. }
        | Block::Field { .. }
        | Block::AttachmentNote(_)
        | Block::Callout { .. } => Some("P"),
        Block::Items { .. } => Some("L"),
        _ => None,
    };
    if let Some(r) = role {
        // The heading's space above it is not part of it.
        if matches!(b, Block::Heading { level: 1, .. }) {
            l.space(4.0);
        }
        l.begin(r);
    }
    lay_block_in(l, b, anchor);
    if role.is_some() {
        l.end();
    }
}

fn lay_block_in(l: &mut Layout<'_>, b: &Block, anchor: &mut Option<String>) {
    match b {
        Block::Title { title, subtitle } => {
            l.space(60.0);
            l.text(title, TITLE, 0.0);
            l.space(6.0);
            l.text(subtitle, Style::new(18.0, true, INK), 0.0);
            l.space(18.0);
        }
        Block::AttachmentNote(text) => l.text(text, Style::new(9.0, false, MUTED), 0.0),
        Block::Heading {
            level,
            text,
            tone,
            outline,
        } => {
            let (style, keep) = heading_style(*level, *tone);
            if let Some(name) = anchor.take() {
                let h = wrap(l.measure(), text, style.size, style.bold, CONTENT_W).len() as f32
                    * style.line_height();
                l.ensure(h + keep);
                l.anchor(&name);
            }
            l.heading_marked(text, style, keep, *outline);
            if *level <= 2 {
                l.space(2.0);
            }
        }
        Block::Para {
            text,
            tone,
            strong,
            size,
            indent,
        } => l.text(
            text,
            para_style(*size, *strong, *tone),
            if *indent { INDENT } else { 0.0 },
        ),
        Block::Field {
            label,
            value,
            tone,
            strong,
            size,
            indent,
        } => {
            let value = if value.trim().is_empty() {
                "—"
            } else {
                value.as_str()
            };
            let style = match size {
                Size::Body | Size::Lead => para_style(*size, *strong, *tone),
                // Small print in ink: a fingerprint is to be read.
                _ => Style::new(8.5, *strong, colour(*tone)),
            };
            l.labelled(label, value, style, if *indent { INDENT } else { 0.0 });
            l.space(1.0);
        }
        Block::Table(t) => {
            let cols: Vec<Column<'_>> = t
                .cols
                .iter()
                .map(|c| Column {
                    header: &c.header,
                    share: c.share,
                    right: c.right,
                })
                .collect();
            let rows: Vec<Vec<String>> = t.rows.iter().map(|r| r.cells.clone()).collect();
            let styles: Vec<Style> = t
                .rows
                .iter()
                .map(|r| Style::new(9.0, r.strong, colour(r.tone)))
                .collect();
            let links: Vec<Option<String>> = t.rows.iter().map(|r| r.link.clone()).collect();
            l.table_linked(&cols, &rows, &styles, &links);
            for (i, note) in t.notes.iter().enumerate() {
                l.begin("P");
                l.text(&format!("[{}] {note}", i + 1), SMALL, 0.0);
                l.end();
            }
            l.space(4.0);
        }
        Block::Items { items, checklist } => {
            for it in items {
                l.begin("LI");
                match &it.head {
                    Some(head) => {
                        l.text(
                            head,
                            Style::new(
                                9.0,
                                true,
                                if it.tone == Tone::Normal {
                                    MUTED
                                } else {
                                    colour(it.tone)
                                },
                            ),
                            0.0,
                        );
                        l.text(&it.text, BODY, INDENT);
                        l.space(4.0);
                    }
                    None => {
                        let mark = if *checklist { "☐" } else { "•" };
                        l.text(
                            &format!("{mark} {}", it.text),
                            Style::new(9.5, false, colour(it.tone)),
                            0.0,
                        );
                    }
                }
                l.end();
            }
        }
        Block::Callout {
            parts,
            tone,
            strong,
            indent,
        } => {
            let (fill, bar) = match tone {
                Tone::Danger => (STALE_FILL, DANGER),
                Tone::Good => (GOOD_FILL, GOOD),
                Tone::Warn => (SHADE, NOTICE),
                Tone::Notice => (SHADE, NOTICE),
                Tone::Muted => (SHADE, MUTED),
                Tone::Normal | Tone::Accent => (SHADE, ACCENT),
            };
            let text_colour = if *strong { colour(*tone) } else { INK };
            let parts: Vec<(&str, &str)> = parts
                .iter()
                .map(|(a, b)| (a.as_str(), b.as_str()))
                .collect();
            // A strong danger callout (a stale review) is the largest text around it.
            let size = match (*strong, *tone) {
                (true, Tone::Danger) => 12.0,
                (true, _) => 10.5,
                _ => 9.5,
            };
            l.callout(
                &parts,
                Style::new(size, *strong, text_colour),
                fill,
                bar,
                if *indent { INDENT } else { 0.0 },
            );
        }
        Block::Radar(axes) => radar(l, axes),
        Block::Anchor(name) => *anchor = Some(name.clone()),
        Block::Linked { target, block } => {
            let start = l.at();
            lay_block(l, block, anchor);
            l.link_since(start, target);
        }
        Block::PageBreak => l.page_break(),
        Block::Space(h) => l.space(*h),
        Block::Rule => {
            l.rule(RULE);
            l.space(4.0);
        }
    }
}

/// `text` on at most `max_lines` lines of `max_w`; the last one ends in "…" when there is more.
pub(crate) fn fit_lines(
    m: &dyn Measure,
    text: &str,
    size: f32,
    max_w: f32,
    max_lines: usize,
) -> Vec<String> {
    let mut lines = wrap(m, text, size, false, max_w);
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        let last = lines.pop().unwrap_or_default();
        let mut kept = String::new();
        for word in last.split_whitespace() {
            let next = if kept.is_empty() {
                word.to_string()
            } else {
                format!("{kept} {word}")
            };
            if m.width(&format!("{next}…"), size, false) > max_w {
                break;
            }
            kept = next;
        }
        lines.push(format!("{}…", kept.trim_end_matches([',', ';', ':'])));
    }
    lines
}

/// The widest line of a chart axis label.
const CHART_LABEL_W: f32 = 125.0;

/// The label of a chart axis: the section title and its score, "Privacy and data governance (45)",
/// on at most two lines of [`CHART_LABEL_W`] (shortened with "…" beyond).
fn chart_label(m: &dyn Measure, title: &str, score: &str, size: f32) -> Vec<String> {
    let text = format!("{title} ({score})");
    let mut lines = wrap(m, &text, size, false, CHART_LABEL_W);
    if lines.len() > 2 {
        let tail = format!("… ({score})");
        let room = CHART_LABEL_W - m.width(&tail, size, false);
        let mut second = String::new();
        for word in lines[1].split_whitespace() {
            let next = if second.is_empty() {
                word.to_string()
            } else {
                format!("{second} {word}")
            };
            if m.width(&next, size, false) > room {
                break;
            }
            second = next;
        }
        lines.truncate(1);
        lines.push(format!(
            "{}{tail}",
            second.trim_end_matches([',', ';', ':'])
        ));
    }
    lines
}

/// A radar chart of the section scores, drawn with vector paths (nothing for fewer than three).
fn radar(l: &mut Layout<'_>, axes: &[Axis]) {
    let n = axes.len();
    if n < 3 {
        return;
    }
    l.space(8.0);
    let r = 105.0f32;
    let h = 2.0 * r + 60.0;
    let top = l.block(h);
    let (cx, cy) = (PAGE_W / 2.0, top + r + 28.0);
    let at = |i: usize, frac: f32| {
        let angle = -std::f32::consts::FRAC_PI_2 + i as f32 * 2.0 * std::f32::consts::PI / n as f32;
        (cx + r * frac * angle.cos(), cy + r * frac * angle.sin())
    };
    for ring in [0.25f32, 0.5, 0.75, 1.0] {
        l.draw(Item::Polygon {
            points: (0..n).map(|i| at(i, ring)).collect(),
            fill: None,
            stroke: Some(RULE),
            width: 0.5,
        });
    }
    for i in 0..n {
        let (x, y) = at(i, 1.0);
        l.draw(Item::Line {
            x1: cx,
            y1: cy,
            x2: x,
            y2: y,
            color: RULE,
            width: 0.5,
        });
    }
    let points: Vec<(f32, f32)> = axes
        .iter()
        .enumerate()
        .map(|(i, s)| at(i, (s.score.unwrap_or(0.0) / 100.0) as f32))
        .collect();
    l.draw(Item::Polygon {
        points,
        fill: Some(Rgb(0xcf, 0xe3, 0xe7)),
        stroke: Some(ACCENT),
        width: 1.2,
    });
    for (i, s) in axes.iter().enumerate() {
        let (x, y) = at(i, 1.0);
        let score = s
            .score
            .map(crate::scoring::display_score)
            .unwrap_or_else(|| "—".to_string());
        let style = Style::new(7.5, false, if s.flagged { DANGER } else { INK });
        let lines = chart_label(l.measure(), &s.title, &score, style.size);
        let lh = style.size * 1.25;
        let k = lines.len() as f32;
        let dx = x - cx;
        // The first baseline: above the top point, below the bottom one, else centred on it.
        let y0 = if y < cy - r * 0.9 {
            y - 6.0 - (k - 1.0) * lh
        } else if y > cy + r * 0.9 {
            y + 12.0
        } else {
            y + 3.0 - (k - 1.0) * lh / 2.0
        };
        for (j, line) in lines.into_iter().enumerate() {
            let w = l.measure().width(&line, style.size, false);
            let lx = if dx.abs() < 5.0 {
                x - w / 2.0
            } else if dx > 0.0 {
                x + 6.0
            } else {
                x - 6.0 - w
            };
            let lx = lx.clamp(MARGIN_X, PAGE_W - MARGIN_X - w);
            l.draw(Item::Text {
                x: lx,
                y: y0 + j as f32 * lh,
                style,
                text: line,
            });
        }
    }
    for t in [25, 50, 75] {
        let (_, y) = at(0, t as f32 / 100.0);
        l.draw(Item::Text {
            x: cx + 3.0,
            y: y + 3.0,
            style: Style::new(6.5, false, MUTED),
            text: t.to_string(),
        });
    }
    l.space(6.0);
}
