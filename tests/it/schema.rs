/// The committed schema must match the Rust types; regenerate with `make schema`.
#[test]
fn committed_schema_is_current() {
    let committed = include_str!("../../questionnaires/schema.json");
    let generated = elsa::schema::questionnaire_schema();
    assert!(
        committed == generated,
        "questionnaires/schema.json is stale: run `make schema` (cargo run --bin gen-schema) and commit it"
    );
}

#[test]
fn schema_describes_the_kinds() {
    let s = elsa::schema::questionnaire_schema();
    for name in [
        "single_choice",
        "multi_choice",
        "scale",
        "yes_no",
        "short_text",
        "long_text",
        "date",
        "profile",
        "show_if",
        "max_concern",
        "low_ses",
    ] {
        assert!(s.contains(name), "schema lacks {name}");
    }
}
