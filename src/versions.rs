//! Questionnaire versions: how they compare, and moving an assessment to the newest version the
//! tool has of its questionnaire. Used by the bundled index, stored entries, imports and the
//! workshop, without depending on any of them.

use crate::answers::Assessment;

/// Dotted version numbers, compared part by part as numbers ("1.10.0" > "1.9.2"). `None` when
/// either is not such a number.
pub fn compare_versions(a: &str, b: &str) -> Option<std::cmp::Ordering> {
    let parse =
        |s: &str| -> Option<Vec<u64>> { s.split('.').map(|p| p.parse::<u64>().ok()).collect() };
    let (mut x, mut y) = (parse(a)?, parse(b)?);
    let n = x.len().max(y.len());
    x.resize(n, 0);
    y.resize(n, 0);
    Some(x.cmp(&y))
}

/// [`crate::import::move_forward`] given the versions the tool has of the assessment's questionnaire (the
/// bundled index alone, for stored entries: no titles needed there).
pub fn move_to_newest(a: &mut Assessment, versions: &[&str]) -> Option<String> {
    if versions.contains(&a.questionnaire_version.as_str()) {
        return None;
    }
    let newest = *versions
        .iter()
        .max_by(|x, y| compare_versions(x, y).unwrap_or(std::cmp::Ordering::Equal))?;
    (compare_versions(&a.questionnaire_version, newest) == Some(std::cmp::Ordering::Less))
        .then(|| std::mem::replace(&mut a.questionnaire_version, newest.to_string()))
}
