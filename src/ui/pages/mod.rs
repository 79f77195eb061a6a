pub mod assessment;
pub mod home;
pub mod privacy;
pub mod results;
pub mod scoring;

use crate::answers::Assessment;
use crate::model::Questionnaire;
use crate::ui::state::{AppState, QState};
use leptos::prelude::*;
use std::sync::Arc;

/// Render `page` with the assessment and its questionnaire (loaded on first use) and the
/// questionnaire file's text; meanwhile a loading note, and a clear message when either is missing.
pub fn gated<F>(app: AppState, id: String, page: F) -> AnyView
where
    F: Fn(Assessment, Arc<Questionnaire>, Arc<[u8]>) -> AnyView + Send + Sync + 'static,
{
    let Some(a) = untrack(|| app.assessment(&id)) else {
        return view! {
            <h1>"Assessment not found"</h1>
            <p>"There is no saved assessment with this address on this device. "<a href="#/">"Go to your assessments"</a>"."</p>
        }
        .into_any();
    };
    let (qid, version) = (a.questionnaire_id.clone(), a.questionnaire_version.clone());
    let name = a.display_name().to_string();
    let state = {
        let (qid, version) = (qid.clone(), version.clone());
        Memo::new(move |_| app.questionnaire(&qid, &version))
    };
    (move || match state.get() {
        QState::Ready(q, source) => match untrack(|| app.assessment(&id)) {
            Some(a) => page(a, q, source),
            None => view! { <p>"This assessment was deleted. "<a href="#/">"Go to your assessments"</a>"."</p> }.into_any(),
        },
        QState::Loading => view! { <p class="muted" role="status">"Loading the questionnaire…"</p> }.into_any(),
        QState::Failed(msg) => {
            let (qid, version) = (qid.clone(), version.clone());
            view! {
                <h1>{name.clone()}</h1>
                <p class="alert alert-error" role="alert">{msg}" Your answers are kept unchanged."</p>
                <button type="button" class="button" on:click=move |_| app.retry(&qid, &version)>"Try again"</button>
            }
            .into_any()
        }
        QState::Unknown => view! {
            <h1>{name.clone()}</h1>
            <p class="alert alert-error" role="alert">
                "This assessment uses questionnaire “" {qid.clone()} "” version " {version.clone()}
                ", which this version of the tool does not include. Its answers are kept unchanged."
            </p>
        }
        .into_any(),
    })
    .into_any()
}
