//! Writes `questionnaires/schema.json` (or prints it with `--stdout`).
fn main() {
    let schema = elsa::schema::questionnaire_schema();
    if std::env::args().any(|a| a == "--stdout") {
        print!("{schema}");
        return;
    }
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/questionnaires/schema.json");
    if let Err(e) = std::fs::write(path, schema) {
        eprintln!("cannot write {path}: {e}");
        std::process::exit(1);
    }
    println!("wrote {path}");
}
