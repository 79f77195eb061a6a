//! Writes the binary form of every bundled questionnaire (see `bundled::encode_bin`) into a
//! folder, after validating each file; trunk copies that folder into `dist/questionnaires/`.
//! Also writes the browser apps' Dutch interface texts to `OUT_DIR/../i18n/nl.json` (main app)
//! and `nl-studio.json` (the studio), each with only the texts its code uses (see `elsa::i18n`),
//! and copies the full fonts the report worker fetches when it needs them to `OUT_DIR/../fonts`,
//! and the educators' worked cases to `OUT_DIR/../cases` (with `index.json`).
//!
//! ```text
//! gen-bundle OUT_DIR
//! ```
/// Copy `from` to `dir/name` unless the file there is the same already (an unchanged file
/// is not written again); `false`, with the message printed, when it cannot.
fn copy_if_changed(from: &std::path::Path, dir: &std::path::Path, name: &str) -> bool {
    let to = dir.join(name);
    let same = std::fs::read(from)
        .ok()
        .is_some_and(|a| std::fs::read(&to).ok().as_deref() == Some(a.as_slice()));
    if same {
        return true;
    }
    match std::fs::create_dir_all(dir).and_then(|_| std::fs::copy(from, &to)) {
        Ok(_) => true,
        Err(e) => {
            eprintln!(
                "gen-bundle: cannot copy {} to {}: {e}",
                from.display(),
                to.display()
            );
            false
        }
    }
}

fn main() {
    let Some(out) = std::env::args().nth(1) else {
        eprintln!("usage: gen-bundle OUT_DIR");
        std::process::exit(2);
    };
    if let Err(e) = std::fs::create_dir_all(&out) {
        eprintln!("gen-bundle: cannot create {out}: {e}");
        std::process::exit(1);
    }
    let mut failed = false;
    for (name, text) in elsa::bundled::SOURCES {
        match elsa::bundled::parse(name, text) {
            Ok(q) => {
                let path = std::path::Path::new(&out).join(elsa::bundled::bin_name(name));
                let bytes = elsa::bundled::encode_bin(&q);
                // Leave an unchanged file alone, so that watchers do not rebuild for nothing.
                if std::fs::read(&path).ok().as_deref() != Some(bytes.as_slice()) {
                    if let Err(e) = std::fs::write(&path, &bytes) {
                        eprintln!("gen-bundle: cannot write {}: {e}", path.display());
                        failed = true;
                    }
                }
            }
            Err((file, errors)) => {
                failed = true;
                for e in errors {
                    eprintln!("{file}: {e}");
                }
            }
        }
    }
    let (_, problems) = elsa::i18n::nl_sources();
    for p in &problems {
        eprintln!("{p}");
        failed = true;
    }
    let i18n_dir = std::path::Path::new(&out)
        .parent()
        .map(|p| p.join("i18n"))
        .unwrap_or_else(|| "i18n".into());
    // Each browser app gets only the Dutch texts its code uses: the report's are built into the
    // worker, and the main app (the first page load) leaves out the studio's.
    let not_in_browser = |at: &str| {
        [
            "src/report/",
            "src/bin/",
            "src/lint.rs",
            "src/validate.rs",
            "src/worker.rs",
        ]
        .iter()
        .any(|p| at.starts_with(p))
    };
    let studio_only = |at: &str| {
        ["src/ui/studio/", "src/compare.rs", "src/workshop.rs"]
            .iter()
            .any(|p| at.starts_with(p))
    };
    // The team's later pages (results, scoring, "Your data"): their Dutch texts are fetched when
    // one is first opened (`nl-pages.json`, the whole main app's catalogue), not with the first
    // page load (`nl.json`).
    let later_pages = |at: &str| {
        [
            "src/ui/pages/results.rs",
            "src/ui/pages/plan.rs",
            "src/ui/pages/preview.rs",
            "src/preview.rs",
            "src/ui/components/plan.rs",
            "src/action.rs",
            "src/actions.rs",
            "src/ui/pages/scoring.rs",
            "src/ui/pages/privacy.rs",
            "src/ui/components/triage.rs",
            "src/ui/components/chart.rs",
            "src/triage.rs",
        ]
        .iter()
        .any(|p| at.starts_with(p))
    };
    let nl = elsa::i18n::Lang::Nl;
    let src = std::path::Path::new("src");
    for (file, made) in [
        (
            "nl.json",
            elsa::i18n::keyed_json_for(nl, src, |at| {
                not_in_browser(at) || studio_only(at) || later_pages(at)
            }),
        ),
        (
            "nl-pages.json",
            elsa::i18n::keyed_json_for(nl, src, |at| not_in_browser(at) || studio_only(at)),
        ),
        (
            "nl-studio.json",
            elsa::i18n::keyed_json_for(nl, src, not_in_browser),
        ),
    ] {
        let path = i18n_dir.join(file);
        let text = match made {
            Ok(t) => t,
            Err(e) => {
                eprintln!("gen-bundle: {e}");
                failed = true;
                continue;
            }
        };
        if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            if let Err(e) =
                std::fs::create_dir_all(&i18n_dir).and_then(|_| std::fs::write(&path, &text))
            {
                eprintln!("gen-bundle: cannot write {}: {e}", path.display());
                failed = true;
            }
        }
    }
    // Files the page fetches only when a report needs them, with their licences: the full
    // fonts (a character outside the report worker's built-in subset; issue 17), the fallback
    // face for Chinese, Japanese and Korean, and the hyphenation patterns (a word wider than
    // its line; issue 19): `assets/<dir>/` to `dist/<out>/`.
    let lazy: [(&str, &str, &[&str]); 2] = [
        (
            "assets/fonts",
            "fonts",
            &[
                "DejaVuSans.ttf",
                "DejaVuSans-Bold.ttf",
                "LICENSE-DejaVu.txt",
                "DroidSansFallback.ttf",
                "LICENSE-DroidSansFallback.txt",
            ],
        ),
        ("assets/hyph", "hyph", &["hyph-en.txt", "hyph-nl.txt"]),
    ];
    for (src, dir, files) in lazy {
        let dir_out = std::path::Path::new(&out)
            .parent()
            .map(|p| p.join(dir))
            .unwrap_or_else(|| dir.into());
        for file in files {
            failed |= !copy_if_changed(&std::path::Path::new(src).join(file), &dir_out, file);
        }
    }
    // The educators' worked cases (issue 18): `cases/<id>/*.json` copied to `dist/cases/<id>/`,
    // with `dist/cases/index.json` listing them (id, title, summary, tags, the example teams'
    // files), which the studio's Educators page reads. A case.json that does not parse fails
    // the build; the native test `cases` checks the rest.
    let cases_out = std::path::Path::new(&out)
        .parent()
        .map(|p| p.join("cases"))
        .unwrap_or_else(|| "cases".into());
    let mut index = Vec::new();
    let mut dirs: Vec<std::path::PathBuf> = std::fs::read_dir("cases")
        .map(|d| {
            d.flatten()
                .map(|e| e.path())
                .filter(|p| p.is_dir())
                .collect()
        })
        .unwrap_or_default();
    dirs.sort();
    for dir in dirs {
        let text = std::fs::read_to_string(dir.join("case.json")).unwrap_or_default();
        let case = match elsa::cases::parse(&text) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("gen-bundle: {}: {e}", dir.join("case.json").display());
                failed = true;
                continue;
            }
        };
        let mut files: Vec<String> = std::fs::read_dir(&dir)
            .map(|d| {
                d.flatten()
                    .filter_map(|e| e.file_name().into_string().ok())
                    .filter(|n| n.ends_with(".json"))
                    .collect()
            })
            .unwrap_or_default();
        files.sort();
        let to_dir = cases_out.join(&case.id);
        for f in &files {
            failed |= !copy_if_changed(&dir.join(f), &to_dir, f);
        }
        let teams: Vec<&String> = files.iter().filter(|f| f.starts_with("team-")).collect();
        index.push(serde_json::json!({
            "id": case.id,
            "title": case.title,
            "summary": case.summary,
            "tags": case.tags,
            "teams": teams,
        }));
    }
    let index_text = serde_json::to_string_pretty(&index).unwrap_or_default();
    let index_path = cases_out.join("index.json");
    if std::fs::read_to_string(&index_path).ok().as_deref() != Some(index_text.as_str()) {
        if let Err(e) = std::fs::create_dir_all(&cases_out)
            .and_then(|_| std::fs::write(&index_path, &index_text))
        {
            eprintln!("gen-bundle: cannot write {}: {e}", index_path.display());
            failed = true;
        }
    }
    std::process::exit(i32::from(failed));
}
