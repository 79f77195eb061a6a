//! Render ELSA reports natively, with the same code as the browser's report worker.
//!
//! ```text
//! elsa-report [--markdown] [--lang en|nl] ASSESSMENT.json [MORE.json ...] [-o OUT]
//! ```
//! The report is in the language `--lang` names; without it, in the language the file records
//! (English for files that record none).
//! One PDF per input (with `--markdown`, one Markdown file, the app's "Export Markdown"). With one input, `-o` names the PDF; with several, `-o` names a folder
//! (created if needed). Without `-o`, each PDF is written next to its input, named
//! `elsa-report-<project>-<date>.pdf`. Inputs are files exported by the app (or PDFs made by it,
//! which carry the assessment inside). Every error names its file; the exit code is 1 when any
//! input failed.
use elsa::bundled;
use elsa::i18n::Lang;
use elsa::import;
use elsa::report::pdf::{extract_attachment, render_report, Fonts};
use elsa::report::ReportInfo;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

/// The current UTC time as RFC 3339.
fn now_rfc3339() -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    elsa::i18n::rfc3339_at(secs, 0)
}

fn usage() -> ! {
    eprintln!("usage: elsa-report [--markdown] [--lang en|nl] ASSESSMENT.json [MORE.json ...] [-o OUT.pdf | -o OUT_FOLDER]");
    std::process::exit(2);
}

/// Read one input and render it; the error says what is wrong with the file.
fn render_one(
    input: &Path,
    out: Option<&Path>,
    fonts: &Fonts,
    all: &[elsa::model::Questionnaire],
    now: &str,
    markdown: bool,
    lang: Option<Lang>,
) -> Result<PathBuf, String> {
    let bytes = std::fs::read(input).map_err(|e| format!("cannot read the file: {e}"))?;
    // The file's own language unless --lang says otherwise (a PDF: the file attached to it).
    let recorded = || {
        let text = match bytes.starts_with(b"%PDF") {
            true => extract_attachment(&bytes)
                .map(|j| String::from_utf8_lossy(&j).into_owned())
                .unwrap_or_default(),
            false => String::from_utf8_lossy(&bytes).into_owned(),
        };
        elsa::persist::recorded_language(&text)
    };
    let lang = lang.or_else(recorded).unwrap_or_default();
    elsa::i18n::with_lang(lang, || {
        render_in(&bytes, input, out, fonts, all, now, markdown, lang)
    })
}

#[allow(clippy::too_many_arguments)]
fn render_in(
    bytes: &[u8],
    input: &Path,
    out: Option<&Path>,
    fonts: &Fonts,
    all: &[elsa::model::Questionnaire],
    now: &str,
    markdown: bool,
    lang: Lang,
) -> Result<PathBuf, String> {
    let available: Vec<import::Available> = all
        .iter()
        .map(|q| import::Available {
            id: &q.id,
            version: &q.version,
            title: q.title.get("en"),
        })
        .collect();
    let imported =
        import::import_bytes(bytes, extract_attachment, &available).map_err(|e| e.to_string())?;
    let a = imported.assessment;
    // A custom questionnaire comes inside the file (validated on import); else one of the tool's.
    let carried = imported.questionnaire;
    let q = match &carried {
        Some(q) => q,
        None => bundled::find(all, &a.questionnaire_id, &a.questionnaire_version)
            .ok_or_else(|| format!("unknown questionnaire \"{}\"", a.questionnaire_id))?,
    };
    let info = ReportInfo {
        generated_at: now.to_string(),
        lang,
    };
    let (file_name, bytes) = if markdown {
        (
            elsa::report::md::file_name(&a, now),
            elsa::report::md::render(q, &a, &info).into_bytes(),
        )
    } else {
        let r = render_report(q, &a, &info, fonts);
        (r.file_name, r.bytes)
    };
    let path = match out {
        Some(p) => p.to_path_buf(),
        None => input.parent().unwrap_or(Path::new(".")).join(&file_name),
    };
    std::fs::write(&path, &bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(path)
}

fn main() {
    let mut inputs = Vec::new();
    let mut out: Option<PathBuf> = None;
    let mut markdown = false;
    let mut lang = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-o" | "--output" => {
                out = Some(args.next().map(PathBuf::from).unwrap_or_else(|| usage()))
            }
            "-h" | "--help" => usage(),
            "--markdown" | "--md" => markdown = true,
            "--lang" => {
                let code = args.next().unwrap_or_else(|| usage());
                lang = Some(Lang::from_code(&code).unwrap_or_else(|| {
                    eprintln!("elsa-report: unknown language {code} (en or nl)");
                    usage()
                }));
            }
            s if s.starts_with('-') => {
                eprintln!("elsa-report: unknown option {s}");
                usage();
            }
            _ => inputs.push(PathBuf::from(arg)),
        }
    }
    if inputs.is_empty() {
        usage();
    }
    let fonts = match Fonts::load() {
        Ok(f) => f,
        Err(e) => {
            eprintln!("elsa-report: {e}");
            std::process::exit(1);
        }
    };
    let (all, _) = bundled::load_all();
    let now = now_rfc3339();
    let folder = inputs.len() > 1;
    if let (true, Some(dir)) = (folder, &out) {
        if let Err(e) = std::fs::create_dir_all(dir) {
            eprintln!(
                "elsa-report: cannot create the folder {}: {e}",
                dir.display()
            );
            std::process::exit(1);
        }
    }
    let mut failed = 0;
    for input in &inputs {
        let target = match (&out, folder) {
            (Some(dir), true) => {
                let stem = input
                    .file_stem()
                    .map(|s| s.to_string_lossy().to_string())
                    .unwrap_or_else(|| "report".into());
                Some(dir.join(format!("{stem}.{}", if markdown { "md" } else { "pdf" })))
            }
            (Some(file), false) => Some(file.clone()),
            (None, _) => None,
        };
        match render_one(input, target.as_deref(), &fonts, &all, &now, markdown, lang) {
            Ok(path) => println!("{}: wrote {}", input.display(), path.display()),
            Err(e) => {
                failed += 1;
                eprintln!("{}: {e}", input.display());
            }
        }
    }
    std::process::exit(if failed > 0 { 1 } else { 0 });
}
