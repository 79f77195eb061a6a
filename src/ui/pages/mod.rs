pub mod assessment;
pub mod home;
pub mod plan;
pub mod preview;
pub mod privacy;
pub mod results;
pub mod scoring;

use crate::answers::Assessment;
use crate::model::Questionnaire;
use crate::ui::state::{AppState, QState};
use crate::{t, ts};
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
            <h1>{ts!("Assessment not found")}</h1>
            <p>{ts!("There is no saved assessment with this address on this device.")}" "<a href="#/">{ts!("Go to your assessments")}</a>"."</p>
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
            None => view! { <p>{ts!("This assessment was deleted.")}" "<a href="#/">{ts!("Go to your assessments")}</a>"."</p> }.into_any(),
        },
        QState::Loading => view! { <p class="muted" role="status">{ts!("Loading the questionnaire…")}</p> }.into_any(),
        QState::Failed(msg) => {
            let (qid, version) = (qid.clone(), version.clone());
            view! {
                <h1>{name.clone()}</h1>
                <p class="alert alert-error" role="alert">{msg}" "{ts!("Your answers are kept unchanged.")}</p>
                <button type="button" class="button" on:click=move |_| app.retry(&qid, &version)>{ts!("Try again")}</button>
            }
            .into_any()
        }
        QState::Unknown => view! {
            <h1>{name.clone()}</h1>
            <p class="alert alert-error" role="alert">
                {t!("This assessment uses questionnaire “{0}” version {1}, which this version of the tool does not include. Its answers are kept unchanged.", qid, version)}
            </p>
        }
        .into_any(),
    })
    .into_any()
}
