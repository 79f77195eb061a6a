//! What the reviewer's pages (`review`) and the team's page (`reply`) share: the state badge of
//! a review, and taking a returned review into my own assessments.

use super::{import_file, read_files};
use crate::answers::Assessment;
use crate::review::{self, Review, ReviewState};
use crate::t;
use crate::ui::state::AppState;

/// The state badge of a review, as text and CSS class.
pub fn state_badge(app: AppState, r: Option<&Review>, a: &Assessment) -> (String, &'static str) {
    match r.map(|r| r.state(a, digest_of(app, a).as_deref())) {
        None | Some(ReviewState::Draft) => (t!("Draft: not signed off"), "badge"),
        Some(ReviewState::Current) => (
            t!("Signed off: answers unchanged since review"),
            "badge badge-ok",
        ),
        Some(ReviewState::Stale) => (review::stale_text(), "badge badge-stale"),
    }
}

/// The content digest of the questionnaire of `a`, part of a review's fingerprint: `None` for
/// the tool's own questionnaires (and while a questionnaire of the user's own is not here).
pub fn digest_of(app: AppState, a: &Assessment) -> Option<String> {
    if crate::bundled::info(&a.questionnaire_id, &a.questionnaire_version).is_some() {
        return None;
    }
    match app.questionnaire(&a.questionnaire_id, &a.questionnaire_version) {
        crate::ui::state::QState::Ready(q, _) => review::questionnaire_digest(&q),
        _ => None,
    }
}

/// Take a returned review file into my assessments: into the assessment with the same id,
/// keeping my answers; or, when I do not have it, as a new assessment. Returns its id.
pub async fn take_returned(app: AppState, file: web_sys::File) -> Result<String, String> {
    let picked = read_files(vec![file])
        .await
        .pop()
        .ok_or_else(|| t!("No file was read."))??;
    let reviewed = import_file(app, &picked).await?;
    if reviewed.review.is_none() {
        return Err(t!("“{0}” carries no review. Ask the reviewer for the reviewed file (it is exported from review mode).", picked.name));
    }
    let id = reviewed.id.clone();
    if app.assessment(&id).is_some() {
        app.take_review(&id, &reviewed);
        Ok(id)
    } else {
        app.add_imported(reviewed, false)
            .map_err(|e| t!("“{0}” could not be added: {1}.", picked.name, e))
    }
}
