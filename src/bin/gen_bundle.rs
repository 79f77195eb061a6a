//! Writes the binary form of every bundled questionnaire (see `bundled::encode_bin`) into a
//! folder, after validating each file; trunk copies that folder into `dist/questionnaires/`.
//! Also writes the browser's Dutch interface texts to `OUT_DIR/../i18n/nl.json` (see `elsa::i18n`).
//!
//! ```text
//! gen-bundle OUT_DIR
//! ```
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
    let i18n_dir = std::path::Path::new(&out).parent().map(|p| p.join("i18n")).unwrap_or_else(|| "i18n".into());
    let path = i18n_dir.join("nl.json");
    let text = elsa::i18n::keyed_json(elsa::i18n::Lang::Nl);
    if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
        if let Err(e) = std::fs::create_dir_all(&i18n_dir).and_then(|_| std::fs::write(&path, &text)) {
            eprintln!("gen-bundle: cannot write {}: {e}", path.display());
            failed = true;
        }
    }
    std::process::exit(i32::from(failed));
}
