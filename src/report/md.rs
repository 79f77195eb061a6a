//! A [`Doc`] as Markdown: the same content as the PDF report (cover facts, review, summary,
//! legal triage, low-SES impact, priority actions, the team's action plan (as a checklist with
//! owners and dates), every answer with its note, answers to removed questions, methodology), as
//! plain text that diffs well and opens in any editor or word processor.
//!
//! Every text is escaped, so that an answer like `*not* | sure` shows as typed and cannot break
//! a table or start a heading.

use super::doc::{Block, Check, Doc, Size, Tone};
use super::ReportInfo;
use crate::answers::Assessment;
use crate::model::Questionnaire;
use std::fmt::Write as _;

/// `elsa-<project>-<yyyy-mm-dd>.md`
pub fn file_name(a: &Assessment, generated_at: &str) -> String {
    crate::files::report_markdown(a, generated_at)
}

/// Escape Markdown's inline syntax; line breaks become spaces.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\r' => {}
            '\n' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// The Markdown report of an assessment, in the language of `info`.
pub fn render(q: &Questionnaire, a: &Assessment, info: &ReportInfo) -> String {
    to_markdown(&super::build(q, a, info))
}

fn bold(s: &str) -> String {
    format!("**{}**", esc(s))
}

/// A multi-line text as an escaped block quote (its lines kept), `label` in bold before it.
fn quote(label: &str, text: &str, strong: bool) -> String {
    let mut out = String::from(">");
    if !label.is_empty() {
        out.push(' ');
        out.push_str(&bold(label));
    }
    for (i, line) in text.trim().lines().enumerate() {
        out.push_str(if i == 0 { " " } else { "\n> " });
        out.push_str(&if strong { bold(line) } else { esc(line) });
    }
    out
}

/// A table's numbered notes, `\[1\] …`, one per line.
fn notes(m: &mut String, notes: &[String]) {
    for (i, note) in notes.iter().enumerate() {
        let _ = writeln!(m, "\\[{}\\] {}  ", i + 1, esc(note));
    }
    if !notes.is_empty() {
        m.push('\n');
    }
}

/// A cell's lines, escaped, joined with "; ".
fn cell_text(cell: &str) -> String {
    cell.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(esc)
        .collect::<Vec<_>>()
        .join("; ")
}

/// One row of a table of things to do as a checklist item: `- [ ] **Title** description —
/// Owner: X · Due date: …`. The first cell's first line in bold (struck through when dropped),
/// its other lines after it; each other non-empty cell labelled with its column's header.
fn checklist_item(cols: &[super::doc::Col], r: &super::doc::Row) -> String {
    let mark = match r.check {
        Some(Check::Done | Check::Dropped) => "- [x]",
        _ => "- [ ]",
    };
    let mut lines = r
        .cells
        .first()
        .map(String::as_str)
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty());
    let head = bold(lines.next().unwrap_or_default());
    let mut out = format!(
        "{mark} {}",
        if r.check == Some(Check::Dropped) {
            format!("~~{head}~~")
        } else {
            head
        }
    );
    for line in lines {
        out.push(' ');
        out.push_str(&esc(line));
    }
    let fields: Vec<String> = cols
        .iter()
        .zip(&r.cells)
        .skip(1)
        .filter(|(_, cell)| !cell.trim().is_empty())
        .map(|(c, cell)| format!("{}: {}", esc(&c.header), cell_text(cell)))
        .collect();
    if !fields.is_empty() {
        out.push_str(" — ");
        out.push_str(&fields.join(" · "));
    }
    out
}

/// Write a document as Markdown.
pub fn to_markdown(doc: &Doc) -> String {
    let mut m = String::new();
    let mut in_fields = false;
    let blocks = super::doc::flatten(&doc.blocks);
    for (i, b) in blocks.iter().copied().enumerate() {
        // Lists that follow each other (one action per linked block) are one list.
        let list_goes_on = matches!(
            (b, blocks.get(i + 1)),
            (Block::Items { checklist: a, .. }, Some(Block::Items { checklist: c, .. })) if a == c
        );
        let is_field = matches!(b, Block::Field { value, .. } if !value.trim().contains('\n'));
        if in_fields && !is_field {
            m.push('\n');
        }
        in_fields = is_field;
        match b {
            Block::Title { title, subtitle } => {
                let _ = writeln!(m, "# {}: {}\n", esc(title), esc(subtitle));
            }
            Block::Heading { level, text, .. } => {
                let hashes = "#".repeat((*level as usize + 1).min(6));
                let _ = writeln!(m, "{hashes} {}\n", esc(text));
            }
            Block::Para {
                text,
                tone,
                strong,
                size,
                ..
            } => {
                let line = if *strong || *size == Size::Lead {
                    bold(text)
                } else if matches!(size, Size::Small | Size::Fine) || *tone == Tone::Muted {
                    format!("_{}_", esc(text))
                } else {
                    esc(text)
                };
                let _ = writeln!(m, "{line}\n");
            }
            Block::Field { label, value, .. } => {
                let value = value.trim();
                if value.contains('\n') {
                    let _ = writeln!(m, "{}\n\n{}\n", bold(label), quote("", value, false));
                } else {
                    let value = if value.is_empty() {
                        "—".to_string()
                    } else {
                        esc(value)
                    };
                    let _ = writeln!(m, "- {} {value}", bold(label));
                }
            }
            Block::Table(t) if t.is_checklist() => {
                for r in &t.rows {
                    let _ = writeln!(m, "{}", checklist_item(&t.cols, r));
                }
                m.push('\n');
                notes(&mut m, &t.notes);
            }
            Block::Table(t) => {
                let _ = writeln!(
                    m,
                    "| {} |",
                    t.cols
                        .iter()
                        .map(|c| esc(&c.header))
                        .collect::<Vec<_>>()
                        .join(" | ")
                );
                let _ = writeln!(
                    m,
                    "|{}|",
                    t.cols
                        .iter()
                        .map(|c| if c.right { "---:" } else { "---" })
                        .collect::<Vec<_>>()
                        .join("|")
                );
                for r in &t.rows {
                    let cells: Vec<String> = r
                        .cells
                        .iter()
                        .map(|c| {
                            if r.strong && !c.is_empty() {
                                bold(c)
                            } else {
                                esc(c)
                            }
                        })
                        .collect();
                    let _ = writeln!(m, "| {} |", cells.join(" | "));
                }
                m.push('\n');
                notes(&mut m, &t.notes);
            }
            Block::Items { items, checklist } => {
                let mark = if *checklist { "- [ ]" } else { "-" };
                for it in items {
                    match &it.head {
                        Some(head) => {
                            let _ = writeln!(m, "{mark} {} ({})", esc(&it.text), esc(head));
                        }
                        None => {
                            let _ = writeln!(m, "{mark} {}", esc(&it.text));
                        }
                    }
                }
                if !list_goes_on {
                    m.push('\n');
                }
            }
            Block::Callout { parts, strong, .. } => {
                let blocks: Vec<String> = parts.iter().map(|(l, t)| quote(l, t, *strong)).collect();
                let _ = writeln!(m, "{}\n", blocks.join("\n>\n"));
            }
            Block::Radar(_)
            | Block::Anchor(_)
            | Block::Linked { .. }
            | Block::AttachmentNote(_)
            | Block::PageBreak
            | Block::Space(_)
            | Block::Rule => {}
        }
    }
    while m.ends_with("\n\n") {
        m.pop();
    }
    m
}
