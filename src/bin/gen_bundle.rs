//! Writes the binary form of every bundled questionnaire (see `bundled::encode_bin`) into a
//! folder, after validating each file; trunk copies that folder into `dist/questionnaires/`.
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
    std::process::exit(i32::from(failed));
}
