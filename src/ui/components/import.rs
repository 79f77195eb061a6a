//! Import an assessment from a file: the app's JSON export or its PDF report. The checks and
//! messages are the core's (`crate::import`), run in the report worker (which also reads PDFs),
//! so that they cost the first page load nothing; this only checks the size, reads the file,
//! asks what to do when the id exists already, and saves on success. Nothing on the device
//! changes before the import has fully succeeded.
//!
//! Kept lean on purpose (one small async read, callbacks otherwise, one message view): the
//! first version of this panel cost the first page load 7 KB of brotli.

use crate::import::MAX_IMPORT_BYTES;
use crate::route::Route;
use crate::ui::state::{local_time, use_app, AppState, QState};
use crate::{t, ts};
use leptos::prelude::*;

#[derive(Clone, PartialEq)]
enum Status {
    Idle,
    /// A message: (text, is an error).
    Message(String, bool),
    /// Imported: the id, the name, and what was said about its questionnaire version.
    Done {
        id: String,
        name: String,
        moved: String,
    },
}

/// A checked assessment from the worker, and the questionnaire version it was moved from.
type Checked = crate::ui::export::Imported;

fn failed(status: RwSignal<Status>, app: AppState, file_name: &str, why: &str) {
    app.announce(t!("The import failed"));
    status.set(Status::Message(
        t!(
            "“{0}” could not be imported. {1} Nothing on this device was changed.",
            file_name,
            why
        ),
        true,
    ));
}

/// What the user is told about answers to removed questions, once the questionnaire is loaded.
fn removed_note(app: AppState, id: &str) -> String {
    let Some(a) = app.assessment(id) else {
        return String::new();
    };
    let QState::Ready(q, _) = app.questionnaire(&a.questionnaire_id, &a.questionnaire_version)
    else {
        return String::new();
    };
    match crate::answers::removed_answers(&q, &a).len() {
        0 => String::new(),
        1 => format!(" {}", t!("1 answer to removed questions is kept; the results page lists it under “Answers to removed questions”.")),
        n => format!(" {}", t!("{0} answers to removed questions are kept; the results page lists them under “Answers to removed questions”.", n)),
    }
}

#[component]
pub fn ImportPanel() -> impl IntoView {
    let app = use_app();
    let status = RwSignal::new(Status::Idle);
    // An import waiting for the user's choice: its id exists already.
    let pending: RwSignal<Option<(Checked, String)>> = RwSignal::new(None);
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let input = NodeRef::<leptos::html::Input>::new();

    let finish = move |(a, moved_from, carried): Checked, file_name: String, keep_both: bool| {
        // A custom questionnaire the file carried is kept with its assessment.
        if let Some(bin) = carried {
            if let Err(e) = app.keep_custom(bin) {
                return failed(
                    status,
                    app,
                    &file_name,
                    &t!("Its questionnaire could not be kept: {0}", e),
                );
            }
        }
        // An older version of a questionnaire of the user's own kept here moves forward.
        let mut a = a;
        let mut moved_from = moved_from;
        if let Some(newer) = app.custom.with_untracked(|v| {
            crate::custom::newest_for(&a, v.iter().map(|(q, _)| &**q)).map(|q| q.version.clone())
        }) {
            moved_from = Some(std::mem::replace(&mut a.questionnaire_version, newer));
        }
        let moved = moved_from
            .map(|v| format!(" {}", t!("It was made with version {0} of the questionnaire and now uses version {1}.", v, a.questionnaire_version)))
            .unwrap_or_default();
        match app.add_imported(a, keep_both) {
            Ok(id) => {
                let name = app
                    .assessment(&id)
                    .map(|a| a.display_name().to_string())
                    .unwrap_or_default();
                app.announce(t!("Imported {0}", name));
                status.set(Status::Done { id, name, moved });
            }
            Err(e) => failed(
                status,
                app,
                &file_name,
                &t!("The import was not saved: {0}.", e),
            ),
        }
    };

    // The worker's answer: the assessment in the current format, or the message for the user.
    let checked = move |file_name: String, r: Result<Checked, String>| match r {
        Err(e) => failed(status, app, &file_name, &e),
        Ok(c) if app.assessment(&c.0.id).is_some() => {
            status.set(Status::Idle);
            pending.set(Some((c, file_name)));
            if let Some(d) = dialog.get() {
                let _ = d.show_modal();
            }
        }
        Ok(c) => finish(c, file_name, false),
    };

    let on_change = move |_| {
        let Some(el) = input.get() else { return };
        let Some(file) = el.files().and_then(|f| f.get(0)) else {
            return;
        };
        // Let the same file be picked again later.
        el.set_value("");
        let file_name = file.name();
        let size = file.size() as u64;
        if size > MAX_IMPORT_BYTES {
            return failed(status, app, &file_name, &crate::import::too_large(size));
        }
        status.set(Status::Message(t!("Reading “{0}”…", file_name), false));
        leptos::task::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                Ok(buf) => {
                    crate::ui::export::import(js_sys::Uint8Array::new(&buf).to_vec(), move |r| {
                        checked(file_name, r)
                    })
                }
                Err(_) => failed(
                    status,
                    app,
                    &file_name,
                    &t!("The browser could not read the file."),
                ),
            }
        });
    };

    let choose = move |keep_both: Option<bool>| {
        if let Some(d) = dialog.get() {
            d.close();
        }
        match (keep_both, pending.get_untracked()) {
            (Some(keep_both), Some((c, file_name))) => finish(c, file_name, keep_both),
            _ => app.announce(t!("Import cancelled")),
        }
        pending.set(None);
    };

    let existing = move || {
        pending
            .get()
            .and_then(|((new, _, _), _)| {
                app.assessment(&new.id).map(|old| {
                    t!(
                        "“{0}” (last changed {1}) is already on this device with the same id. The file's version was last changed {2}.",
                        old.display_name(),
                        local_time(&old.modified),
                        local_time(&new.modified)
                    )
                })
            })
            .unwrap_or_default()
    };

    view! {
        <section aria-labelledby="import-heading">
            <h2 id="import-heading">{ts!("Import an assessment")}</h2>
            <p>{ts!("Open a file exported by this tool: the answers file (.json) or the PDF report, which carries the answers inside it. Nothing on this device changes unless the import succeeds.")}</p>
            <label class="file-label" for="import-file">{ts!("Choose a file to import (.json or .pdf)")}</label>
            <input id="import-file" type="file" node_ref=input accept=".json,.pdf,application/json,application/pdf" on:change=on_change/>
            <div aria-live="polite" class="import-status">
                {move || match status.get() {
                    Status::Idle => None,
                    Status::Message(text, error) => Some(view! {
                        <p class=if error { "alert alert-error" } else { "muted" } role=error.then_some("alert")>{text}</p>
                    }.into_any()),
                    Status::Done { id, name, moved } => {
                        let note_id = id.clone();
                        Some(view! {
                            <p class="ok">{t!("Imported “{0}”.", name)}{moved}{move || removed_note(app, &note_id)}" "
                                <a href=Route::Results { id: id.clone() }.href()>{ts!("See its results")}</a>" · "
                                <a href=Route::Assessment { id, section: None, question: None }.href()>{ts!("Open the questions")}</a>
                            </p>
                        }.into_any())
                    }
                }}
            </div>
            <dialog node_ref=dialog class="dialog" aria-labelledby="clash-title" on:close=move |_| {
                if pending.get_untracked().is_some() {
                    pending.set(None);
                    app.announce(t!("Import cancelled"));
                }
            }>
                <h2 id="clash-title">{ts!("This assessment is already here")}</h2>
                <p>{existing}</p>
                <p>{ts!("Replace it with the file's version, or keep both (the imported copy gets a new id)?")}</p>
                <div class="dialog-actions">
                    <button type="button" class="button" on:click=move |_| choose(None)>{ts!("Cancel")}</button>
                    <button type="button" class="button" on:click=move |_| choose(Some(true))>{ts!("Keep both")}</button>
                    <button type="button" class="button danger" on:click=move |_| choose(Some(false))>{ts!("Replace")}</button>
                </div>
            </dialog>
        </section>
    }
}
