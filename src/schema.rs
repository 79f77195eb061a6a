//! The JSON Schema of questionnaire files, generated from the Rust types.

/// The schema as pretty JSON with a trailing newline, as committed in `questionnaires/schema.json`.
pub fn questionnaire_schema() -> String {
    let schema = schemars::schema_for!(crate::model::Questionnaire);
    let mut s = serde_json::to_string_pretty(&schema).unwrap_or_default();
    s.push('\n');
    s
}
