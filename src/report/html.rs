//! A [`Doc`] as one accessible HTML page: the same content as the PDF report, with what a
//! screen reader needs and our PDF does not carry (the PDF is not tagged, see ARCHITECTURE.md):
//! the document language, a real heading outline (h1 for the report, h2 for each part, h3 and
//! h4 below), tables with header cells and their scope, lists as lists, and colour never the
//! only sign of meaning (red flags say so in words). One file, no script, no outside resource:
//! it opens offline in any browser, and its text reflows for zooming.

use super::doc::{Block, Check, Doc, Size, Tone};
use super::ReportInfo;
use crate::answers::Assessment;
use crate::i18n::Lang;
use crate::model::Questionnaire;
use std::fmt::Write as _;

/// `elsa-<project>-<yyyy-mm-dd>.html`
pub fn file_name(a: &Assessment, generated_at: &str) -> String {
    crate::files::report_html(a, generated_at)
}

/// The HTML report of an assessment, in the language of `info`.
pub fn render(q: &Questionnaire, a: &Assessment, info: &ReportInfo) -> String {
    let doc = super::build(q, a, info);
    let title = format!("{}: {}", super::report_title(), a.display_name());
    to_html(&doc, info.lang, &title)
}

/// Escape text for HTML content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\r' => {}
            _ => out.push(c),
        }
    }
    out
}

/// Escaped text with its line breaks kept.
fn lines(s: &str) -> String {
    s.trim().lines().map(esc).collect::<Vec<_>>().join("<br>\n")
}

fn class_of(tone: Tone) -> &'static str {
    match tone {
        Tone::Danger => " class=\"danger\"",
        Tone::Muted => " class=\"muted\"",
        Tone::Good => " class=\"good\"",
        Tone::Warn | Tone::Notice => " class=\"notice\"",
        Tone::Normal | Tone::Accent => "",
    }
}

const STYLE: &str = "body{font:1rem/1.5 system-ui,sans-serif;color:#1b232e;max-width:48rem;margin:0 auto;padding:1rem}\
h1,h2{color:#0b5c6b}h2{border-top:2px solid #c8cfd6;padding-top:.75rem;margin-top:2rem}\
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border-bottom:1px solid #c8cfd6;padding:.3rem .4rem;text-align:left;vertical-align:top}\
thead th{background:#eef2f4}td.num{text-align:right}.danger{color:#a31d1d}.muted,.small{color:#555f6b}.small{font-size:.9rem}\
.notice{color:#6b4a00}aside{background:#eef2f4;border-left:4px solid #0b5c6b;padding:.4rem .8rem;margin:.5rem 0}\
blockquote{margin:.3rem 0 .3rem 1rem;padding-left:.6rem;border-left:3px solid #c8cfd6}\
@media (prefers-color-scheme:dark){body{background:#111820;color:#e6edf3}h1,h2{color:#7cc8d6}thead th,aside{background:#1c2630}.danger{color:#ff9b9b}.muted,.small{color:#a9b4bf}}";

/// Write a document as an HTML page in `lang`, titled `title`.
pub fn to_html(doc: &Doc, lang: Lang, title: &str) -> String {
    let mut h = String::new();
    let _ = write!(
        h,
        "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n",
        lang.code(),
        esc(title)
    );
    let blocks = super::doc::flatten(&doc.blocks);
    for (i, b) in blocks.iter().copied().enumerate() {
        // Lists that follow each other (one action per linked block) are one list.
        let after_list = i > 0 && matches!(blocks[i - 1], Block::Items { .. });
        let list_goes_on = matches!(blocks.get(i + 1), Some(Block::Items { .. }));
        match b {
            Block::Title { title, subtitle } => {
                let _ = writeln!(
                    h,
                    "<h1>{}<br><span class=\"muted\">{}</span></h1>",
                    esc(title),
                    esc(subtitle)
                );
            }
            Block::Heading {
                level, text, tone, ..
            } => {
                let n = (*level as usize + 1).min(6);
                let _ = writeln!(h, "<h{n}{}>{}</h{n}>", class_of(*tone), esc(text));
            }
            Block::Para {
                text,
                tone,
                strong,
                size,
                ..
            } => {
                let small = matches!(size, Size::Small | Size::Fine);
                let class = match (small, class_of(*tone)) {
                    (true, "") => " class=\"small\"",
                    (_, c) => c,
                };
                let body = if *strong || *size == Size::Lead {
                    format!("<strong>{}</strong>", lines(text))
                } else {
                    lines(text)
                };
                let _ = writeln!(h, "<p{class}>{body}</p>");
            }
            Block::Field {
                label,
                value,
                tone,
                strong,
                ..
            } => {
                let value = value.trim();
                let value = if value.is_empty() { "—" } else { value };
                let body = if *strong {
                    format!("<strong>{}</strong>", lines(value))
                } else {
                    lines(value)
                };
                if value.contains('\n') {
                    let _ = writeln!(
                        h,
                        "<p{}><strong>{}</strong></p>\n<blockquote>{body}</blockquote>",
                        class_of(*tone),
                        esc(label)
                    );
                } else {
                    let _ = writeln!(
                        h,
                        "<p{}><strong>{}</strong> {body}</p>",
                        class_of(*tone),
                        esc(label)
                    );
                }
            }
            Block::Table(t) => {
                h.push_str("<table>\n<thead><tr>");
                if t.is_checklist() {
                    let _ = write!(h, "<th scope=\"col\">{}</th>", esc(&crate::t!("Done")));
                }
                for c in &t.cols {
                    let _ = write!(h, "<th scope=\"col\">{}</th>", esc(&c.header));
                }
                h.push_str("</tr></thead>\n<tbody>\n");
                for r in &t.rows {
                    let _ = write!(h, "<tr{}>", class_of(r.tone));
                    if let Some(check) = r.check {
                        let mark = match check {
                            Check::Todo => crate::t!("no"),
                            Check::Done => crate::t!("yes"),
                            Check::Dropped => crate::t!("Won't do"),
                        };
                        let _ = write!(h, "<td>{}</td>", esc(&mark));
                    }
                    for (i, (cell, col)) in r.cells.iter().zip(&t.cols).enumerate() {
                        let body = if r.strong {
                            format!("<strong>{}</strong>", lines(cell))
                        } else {
                            lines(cell)
                        };
                        if i == 0 {
                            let _ = write!(h, "<th scope=\"row\">{body}</th>");
                        } else if col.right {
                            let _ = write!(h, "<td class=\"num\">{body}</td>");
                        } else {
                            let _ = write!(h, "<td>{body}</td>");
                        }
                    }
                    h.push_str("</tr>\n");
                }
                h.push_str("</tbody>\n</table>\n");
                if !t.notes.is_empty() {
                    h.push_str("<ol class=\"small\">\n");
                    for n in &t.notes {
                        let _ = writeln!(h, "<li>{}</li>", esc(n));
                    }
                    h.push_str("</ol>\n");
                }
            }
            Block::Items { items, .. } => {
                if !after_list {
                    h.push_str("<ul>\n");
                }
                for it in items {
                    let head = it
                        .head
                        .as_ref()
                        .map(|x| format!("<strong>{}</strong><br>", esc(x)))
                        .unwrap_or_default();
                    let _ = writeln!(h, "<li{}>{head}{}</li>", class_of(it.tone), lines(&it.text));
                }
                if !list_goes_on {
                    h.push_str("</ul>\n");
                }
            }
            Block::Callout { parts, tone, .. } => {
                let _ = writeln!(h, "<aside{}>", class_of(*tone));
                for (l, t) in parts {
                    if l.is_empty() {
                        let _ = writeln!(h, "<p>{}</p>", lines(t));
                    } else {
                        let _ = writeln!(h, "<p><strong>{}</strong> {}</p>", esc(l), lines(t));
                    }
                }
                h.push_str("</aside>\n");
            }
            Block::Rule => h.push_str("<hr>\n"),
            // The chart's numbers are in the table next to it; the attachment is the PDF's.
            Block::Radar(_)
            | Block::AttachmentNote(_)
            | Block::Anchor(_)
            | Block::Linked { .. }
            | Block::PageBreak
            | Block::Space(_) => {}
        }
    }
    h.push_str("</main>\n</body>\n</html>\n");
    h
}
