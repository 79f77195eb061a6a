//! Home: start an assessment of a bundled questionnaire; resume or delete saved ones.

use crate::answers::Progress;
use crate::route::Route;
use crate::ui::state::{local_time, use_app, QState};
use crate::ui::Tr;
use crate::{t, ts};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn HomePage() -> impl IntoView {
    let app = use_app();
    crate::ui::lazy::prefetch_assessment();
    let to_delete: RwSignal<Option<(String, String)>> = RwSignal::new(None);
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let delete_error = RwSignal::new(None::<String>);

    let start_error = RwSignal::new(None::<String>);
    let starting = RwSignal::new(false);
    let starters = crate::bundled::offered()
        .into_iter()
        .map(|info| {
            let title = info.title();
            let start_label = t!("Start: {0}", title.tr());
            view! {
                <li class="card">
                    <h3>{crate::ui::loc(&title)}</h3>
                    <p>{crate::ui::loc(&info.description())}</p>
                    <p class="muted">{t!("{0} questions · version {1}", info.questions, info.version)}</p>
                    <button type="button" class="button primary" aria-label=start_label disabled=move || starting.get() on:click=move |_| {
                        starting.set(true);
                        start_error.set(None);
                        leptos::task::spawn_local(async move {
                            match app.load(info).await {
                                Ok(q) => {
                                    let id = app.create(&q);
                                    let first = q.sections.first().map(|s| s.id.clone());
                                    app.announce(t!("New assessment started"));
                                    app.navigate(Route::Assessment { id, section: first, question: None });
                                }
                                Err(e) => start_error.set(Some(e)),
                            }
                            starting.set(false);
                        });
                    }>{ts!("Start a new assessment")}</button>
                </li>
            }
        })
        .collect_view();

    let open_delete = move |id: String, name: String| {
        delete_error.set(None);
        to_delete.set(Some((id, name)));
        if let Some(d) = dialog.get() {
            let _ = d.show_modal();
        }
    };
    let close_dialog = move || {
        if let Some(d) = dialog.get() {
            d.close();
        }
    };
    let confirm_delete = move |_| {
        if let Some((id, name)) = to_delete.get_untracked() {
            match app.delete(&id) {
                Ok(()) => {
                    app.announce(t!("Deleted {0}", name));
                    to_delete.set(None);
                    close_dialog();
                    // Return focus to a stable place.
                    if let Some(el) = document().get_element_by_id("saved-heading") {
                        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                            let _ = el.focus();
                        }
                    }
                }
                Err(e) => delete_error.set(Some(t!("Could not delete: {0}.", e))),
            }
        }
    };

    let saved = move || {
        let list = app.assessments().get();
        if list.is_empty() {
            return view! { <p class="muted">{ts!("No saved assessments on this device yet.")}</p> }.into_any();
        }
        let rows = list
            .into_iter()
            .map(|a| {
                let qtitle = match crate::bundled::info(&a.questionnaire_id, &a.questionnaire_version) {
                    Some(info) => info.title().tr().to_string(),
                    None => match app.custom.with(|v| v.iter().find(|(q, _)| q.id == a.questionnaire_id && q.version == a.questionnaire_version).map(|(q, _)| q.title.tr().to_string())) {
                        Some(title) => t!("{0} (your own questionnaire)", title),
                        None => t!("{0} {1} (not available in this version)", a.questionnaire_id, a.questionnaire_version),
                    },
                };
                let pct = match app.questionnaire(&a.questionnaire_id, &a.questionnaire_version) {
                    QState::Ready(q, _) => Some(Progress::compute(&q, &a).percent()),
                    _ => None,
                };
                let name = a.display_name().to_string();
                let section = a.last_section.clone();
                let resume = Route::Assessment { id: a.id.clone(), section, question: None }.href();
                let results = Route::Results { id: a.id.clone() }.href();
                // The plan, once there is one: a team comes back to it at every project stage.
                let plan = (!a.actions.is_empty()).then(|| {
                    let open = a.actions.iter().filter(|x| x.status.is_open()).count();
                    let href = Route::Plan { id: a.id.clone() }.href();
                    view! { <a class="button" href=href aria-label=t!("Action plan of {0}: {1} open", name, open)>{t!("Plan ({0} open)", open)}</a> }
                });
                let (id, name2) = (a.id.clone(), name.clone());
                view! {
                    <tr>
                        <th scope="row">{name.clone()}<div class="muted small">{qtitle}</div></th>
                        <td>{local_time(&a.modified)}</td>
                        <td>{match pct {
                            Some(p) => view! {
                                <progress max="100" value=p aria-label=t!("Progress of {0}", name)>{p}"%"</progress>
                                " " {p}"%"
                            }.into_any(),
                            None => "—".into_any(),
                        }}</td>
                        <td class="actions">
                            <a class="button" href=resume aria-label=t!("Resume {0}", name)>{ts!("Resume")}</a>
                            <a class="button" href=results aria-label=t!("Results of {0}", name)>{ts!("Results")}</a>
                            {plan}
                            <button type="button" class="button danger" aria-label=t!("Delete {0}", name)
                                on:click=move |_| open_delete(id.clone(), name2.clone())>{ts!("Delete")}</button>
                        </td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="table-scroll">
                <table class="saved">
                    <caption class="sr-only">{ts!("Saved assessments")}</caption>
                    <thead><tr><th scope="col">{ts!("Project")}</th><th scope="col">{ts!("Last changed")}</th><th scope="col">{ts!("Progress")}</th><th scope="col">{ts!("Actions")}</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };

    view! {
        <h1>{ts!("ELSA self-assessment for AI in healthcare")}</h1>
        <p class="lead">
            {ts!("Check the ethical, legal and societal aspects of your AI tool — including its impact on people with a low socio-economic status.")}" "
            {ts!("Answer at your own pace: every change is saved in this browser, and you can come back at any time.")}
        </p>
        <section aria-labelledby="start-heading">
            <h2 id="start-heading">{ts!("Start a new assessment")}</h2>
            {move || start_error.get().map(|e| view! { <p class="alert alert-error" role="alert">{e}" "{ts!("Try again.")}</p> })}
            <ul class="cards">{starters}</ul>
        </section>
        <section aria-labelledby="saved-heading">
            <h2 id="saved-heading" tabindex="-1">{ts!("Your saved assessments")}</h2>
            {saved}
        </section>
        <crate::ui::components::import::ImportPanel/>
        <crate::ui::components::custom::CustomQuestionnaires/>
        <h2>{ts!("Review, workshop, compare")}</h2>
        <p><a href="#/review">{ts!("Review a team's file, or reply to a review")}</a>" · "<a href="#/workshop">{ts!("Run a workshop")}</a>" · "<a href="#/compare">{ts!("Compare two versions")}</a>" · "<a href="#/educators">{ts!("Workshop cases for educators")}</a></p>
        <dialog node_ref=dialog class="dialog" aria-labelledby="delete-title" on:close=move |_| to_delete.set(None)>
            <h2 id="delete-title">{ts!("Delete this assessment?")}</h2>
            <p>{move || to_delete.get().map(|(_, n)| t!("“{0}” and all its answers and notes will be removed from this device. This cannot be undone.", n))}</p>
            {move || delete_error.get().map(|e| view! { <p class="alert alert-error" role="alert">{e}</p> })}
            <div class="dialog-actions">
                <button type="button" class="button" on:click=move |_| close_dialog()>{ts!("Cancel")}</button>
                <button type="button" class="button danger" on:click=confirm_delete>{ts!("Delete")}</button>
            </div>
        </dialog>
    }
}
