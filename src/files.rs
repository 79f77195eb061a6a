//! The names of the files the tool writes, and the date part they carry: one place for the
//! PDF report, the Markdown export, the assessment file, and the workshop's CSV and PDF.
//! Pure; the caller passes the time (its local time, see `ui::state::local_now`).

use crate::answers::Assessment;

/// The date part (`YYYY-MM-DD`) of an RFC 3339 timestamp, or the text as given.
pub fn date_part(ts: &str) -> &str {
    ts.get(..10)
        .filter(|d| d.as_bytes().get(4) == Some(&b'-'))
        .unwrap_or(ts)
}

/// A file-name-safe slug: lowercase ASCII letters and digits joined by single dashes (at most
/// 60 characters; "untitled" when nothing is left).
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let c = fold_ascii(c);
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    let out: String = out.chars().take(60).collect();
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "untitled".to_string()
    } else {
        out
    }
}

fn fold_ascii(c: char) -> char {
    match c {
        'à'..='å' | 'À'..='Å' => 'a',
        'ç' | 'Ç' => 'c',
        'è'..='ë' | 'È'..='Ë' => 'e',
        'ì'..='ï' | 'Ì'..='Ï' => 'i',
        'ñ' | 'Ñ' => 'n',
        'ò'..='ö' | 'ø' | 'Ò'..='Ö' | 'Ø' => 'o',
        'ù'..='ü' | 'Ù'..='Ü' => 'u',
        'ý' | 'ÿ' | 'Ý' => 'y',
        'ł' | 'Ł' => 'l',
        'ş' | 'Ş' | 'š' | 'Š' => 's',
        _ => c,
    }
}

/// `elsa-report-<project>-<yyyy-mm-dd>.pdf`
pub fn report_pdf(a: &Assessment, generated_at: &str) -> String {
    format!(
        "elsa-report-{}-{}.pdf",
        slug(&a.metadata.project_name),
        date_part(generated_at)
    )
}

/// `elsa-<project>-<yyyy-mm-dd>.md`
pub fn report_markdown(a: &Assessment, generated_at: &str) -> String {
    format!(
        "elsa-{}-{}.md",
        slug(&a.metadata.project_name),
        date_part(generated_at)
    )
}

/// `elsa-<project>-<yyyy-mm-dd>.html`, the accessible HTML report.
pub fn report_html(a: &Assessment, generated_at: &str) -> String {
    format!(
        "elsa-{}-{}.html",
        slug(&a.metadata.project_name),
        date_part(generated_at)
    )
}

/// `elsa-<project>-<yyyy-mm-dd>.json`, the name of an exported assessment file.
pub fn assessment_json(a: &Assessment, now: &str) -> String {
    format!(
        "elsa-{}-{}.json",
        slug(&a.metadata.project_name),
        date_part(now)
    )
}

/// `elsa-workshop-<yyyy-mm-dd>.pdf`
pub fn workshop_pdf(generated_at: &str) -> String {
    format!("elsa-workshop-{}.pdf", date_part(generated_at))
}

/// `elsa-workshop-<yyyy-mm-dd>.csv`
pub fn workshop_csv(generated_at: &str) -> String {
    format!("elsa-workshop-{}.csv", date_part(generated_at))
}

/// `elsa-action-plan-<project>-<yyyy-mm-dd>.csv`
pub fn plan_csv(a: &Assessment, generated_at: &str) -> String {
    format!(
        "elsa-action-plan-{}-{}.csv",
        slug(&a.metadata.project_name),
        date_part(generated_at)
    )
}

/// `elsa-action-plan-<project>-<yyyy-mm-dd>.ics`
pub fn plan_ics(a: &Assessment, generated_at: &str) -> String {
    format!(
        "elsa-action-plan-{}-{}.ics",
        slug(&a.metadata.project_name),
        date_part(generated_at)
    )
}
