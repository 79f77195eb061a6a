pub mod assessment;
pub mod home;
pub mod results;
pub mod scoring;

use crate::answers::Assessment;
use crate::model::Questionnaire;
use crate::ui::state::AppState;
use leptos::prelude::*;

/// The assessment with this id and its questionnaire, or the page that explains why not.
pub fn load(app: &AppState, id: &str) -> Result<(Assessment, Questionnaire), AnyView> {
    let Some(a) = untrack(|| app.assessment(id)) else {
        return Err(view! {
            <h1>"Assessment not found"</h1>
            <p>"There is no saved assessment with this address on this device. "<a href="#/">"Go to your assessments"</a>"."</p>
        }
        .into_any());
    };
    match app.questionnaire_for(&a) {
        Some(q) => Ok((a, q)),
        None => Err(view! {
            <h1>{a.display_name().to_string()}</h1>
            <p class="alert alert-error" role="alert">
                "This assessment uses questionnaire “" {a.questionnaire_id.clone()} "” version " {a.questionnaire_version.clone()}
                ", which this version of the tool does not include. Its answers are kept unchanged."
            </p>
        }
        .into_any()),
    }
}
