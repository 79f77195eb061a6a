//! Authoring tool: validate questionnaire files and check the content rules.
//! `elsa-lint FILE... [--full]` (`--full`: the full questionnaire's counts and PROGRESS-Plus rule).
use elsa::lint::{lint, Requirements};
use elsa::validate::load_questionnaire_with;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let full = args.iter().any(|a| a == "--full");
    let files: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    if files.is_empty() {
        eprintln!("usage: elsa-lint FILE.json... [--full]");
        std::process::exit(2);
    }
    let req = if full {
        Requirements::full()
    } else {
        Requirements::default()
    };
    let mut failed = false;
    // The questionnaires that come with the tool: the bases an extension may name.
    let (bundled, _) = elsa::bundled::load_all();
    for f in files {
        let text = match std::fs::read_to_string(f) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{f}: cannot read: {e}");
                failed = true;
                continue;
            }
        };
        match load_questionnaire_with(&text, &|id, version| {
            elsa::bundled::find(&bundled, id, version).cloned()
        }) {
            Err(errors) => {
                failed = true;
                for e in errors {
                    println!("{f}: {e}");
                }
            }
            Ok(q) => {
                let problems = lint(&q, &req);
                let scored = q
                    .questions()
                    .filter(|r| elsa::model::Questionnaire::is_scored(r.section, r.question))
                    .count();
                for p in &problems {
                    println!("{f}: {p}");
                }
                failed |= !problems.is_empty();
                println!(
                    "{f}: {} sections, {} questions, {scored} scored, {} triage rules, {} duties, legal content checked {}: {}",
                    q.sections.len(),
                    q.questions().count(),
                    q.triage.len(),
                    q.duties.len(),
                    q.legal_as_of.as_deref().unwrap_or("(no date)"),
                    if problems.is_empty() { "ok" } else { "PROBLEMS" }
                );
            }
        }
    }
    std::process::exit(if failed { 1 } else { 0 });
}
