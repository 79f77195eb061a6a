//! Import an assessment from a file: the app's JSON export or its PDF report. The checks and
//! messages are the core's (`crate::import`), run in the report worker (which also reads PDFs),
//! so that they cost the first page load nothing; this only checks the size, reads the file,
//! asks what to do when the id exists already, and saves on success. Nothing on the device
//! changes before the import has fully succeeded.

use crate::answers::Assessment;
use crate::import::{self, Imported};
use crate::route::Route;
use crate::ui::state::{local_time, use_app, AppState};
use leptos::prelude::*;

#[derive(Clone, PartialEq)]
enum Status {
    Idle,
    Reading(String),
    Failed(String, String),
    Done { name: String, id: String, detail: String },
}

async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buf = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| "the browser could not read the file".to_string())?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

/// Check and read the file in the report worker.
async fn in_worker(bytes: Vec<u8>) -> Result<Imported, String> {
    let (tx, rx) = futures_channel::oneshot::channel();
    crate::ui::export::import(bytes, move |r| {
        let _ = tx.send(r);
    });
    let r = rx.await.unwrap_or_else(|_| Err("the file reader stopped".to_string()))?;
    let text = String::from_utf8(r.bytes).map_err(|_| "the file reader gave no text".to_string())?;
    let assessment = crate::persist::decode(&text).map_err(|e| e.to_string())?;
    Ok(Imported { assessment, moved_from_version: r.moved_from })
}

async fn parse_file(file: web_sys::File) -> Result<Imported, String> {
    let size = file.size() as u64;
    if size > import::MAX_IMPORT_BYTES {
        return Err(import::too_large(size));
    }
    let bytes = read_bytes(&file).await?;
    in_worker(bytes).await
}

/// What the user is told after a successful import, including answers to removed questions.
async fn describe(app: AppState, imported: &Imported, a: &Assessment) -> String {
    let mut parts = Vec::new();
    if let Some(from) = &imported.moved_from_version {
        parts.push(format!(
            "It was made with version {from} of the questionnaire and now uses version {}.",
            a.questionnaire_version
        ));
    }
    if let Some(info) = crate::bundled::info(&a.questionnaire_id, &a.questionnaire_version) {
        if let Ok(q) = app.load(info).await {
            let n = crate::answers::removed_answers(&q, a).len();
            if n > 0 {
                parts.push(format!(
                    "{n} answer{} to removed questions {} kept; the results page lists {} under “Answers to removed questions”.",
                    if n == 1 { "" } else { "s" },
                    if n == 1 { "is" } else { "are" },
                    if n == 1 { "it" } else { "them" },
                ));
            }
        }
    }
    parts.join(" ")
}

#[component]
pub fn ImportPanel() -> impl IntoView {
    let app = use_app();
    let status = RwSignal::new(Status::Idle);
    // An import waiting for the user's choice: its id exists already.
    let pending: RwSignal<Option<(Imported, String)>> = RwSignal::new(None);
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let input = NodeRef::<leptos::html::Input>::new();

    let finish = move |imported: Imported, file_name: String, keep_both: bool| {
        let a = imported.assessment.clone();
        match app.add_imported(a, keep_both) {
            Ok(id) => {
                let name = app.assessment(&id).map(|a| a.display_name().to_string()).unwrap_or_default();
                app.announce(format!("Imported {name}"));
                leptos::task::spawn_local(async move {
                    let saved = app.assessment(&id);
                    let detail = match saved {
                        Some(a) => describe(app, &imported, &a).await,
                        None => String::new(),
                    };
                    status.set(Status::Done { name, id, detail });
                });
            }
            Err(e) => status.set(Status::Failed(file_name, format!("The import was not saved: {e}."))),
        }
    };

    let on_change = move |_| {
        let Some(el) = input.get() else { return };
        let Some(file) = el.files().and_then(|f| f.get(0)) else { return };
        // Let the same file be picked again later.
        el.set_value("");
        let file_name = file.name();
        status.set(Status::Reading(file_name.clone()));
        leptos::task::spawn_local(async move {
            match parse_file(file).await {
                Err(e) => {
                    app.announce("The import failed");
                    status.set(Status::Failed(file_name, e));
                }
                Ok(imported) => {
                    if app.assessment(&imported.assessment.id).is_some() {
                        status.set(Status::Idle);
                        pending.set(Some((imported, file_name)));
                        if let Some(d) = dialog.get() {
                            let _ = d.show_modal();
                        }
                    } else {
                        finish(imported, file_name, false);
                    }
                }
            }
        });
    };

    let choose = move |keep_both: Option<bool>| {
        if let Some(d) = dialog.get() {
            d.close();
        }
        if let (Some(keep_both), Some((imported, file_name))) = (keep_both, pending.get_untracked()) {
            finish(imported, file_name, keep_both);
        } else {
            app.announce("Import cancelled");
        }
        pending.set(None);
    };

    let existing = move || {
        pending.get().and_then(|(imp, _)| {
            app.assessment(&imp.assessment.id).map(|old| {
                format!(
                    "“{}” (last changed {}) is already on this device with the same id. The file's version was last changed {}.",
                    old.display_name(),
                    local_time(&old.modified),
                    local_time(&imp.assessment.modified)
                )
            })
        })
    };

    view! {
        <section aria-labelledby="import-heading">
            <h2 id="import-heading">"Import an assessment"</h2>
            <p>"Open a file exported by this tool: the answers file (.json) or the PDF report, which carries the answers inside it. Nothing on this device changes unless the import succeeds."</p>
            <label class="file-label" for="import-file">"Choose a file to import (.json or .pdf)"</label>
            <input id="import-file" type="file" node_ref=input accept=".json,.pdf,application/json,application/pdf" on:change=on_change/>
            <div aria-live="polite" class="import-status">
                {move || match status.get() {
                    Status::Idle => ().into_any(),
                    Status::Reading(n) => view! { <p class="muted">"Reading “"{n}"”…"</p> }.into_any(),
                    Status::Failed(n, e) => view! {
                        <p class="alert alert-error" role="alert">"“"{n}"” could not be imported. "{e}" Nothing on this device was changed."</p>
                    }.into_any(),
                    Status::Done { name, id, detail } => view! {
                        <p class="ok">"Imported “"{name}"”. "{detail}" "
                            <a href=Route::Results { id: id.clone() }.href()>"See its results"</a>" · "
                            <a href=Route::Assessment { id, section: None, question: None }.href()>"Open the questions"</a>
                        </p>
                    }.into_any(),
                }}
            </div>
            <dialog node_ref=dialog class="dialog" aria-labelledby="clash-title" on:close=move |_| {
                if pending.get_untracked().is_some() {
                    pending.set(None);
                    app.announce("Import cancelled");
                }
            }>
                <h2 id="clash-title">"This assessment is already here"</h2>
                <p>{existing}</p>
                <p>"Replace it with the file's version, or keep both (the imported copy gets a new id)?"</p>
                <div class="dialog-actions">
                    <button type="button" class="button" on:click=move |_| choose(None)>"Cancel"</button>
                    <button type="button" class="button" on:click=move |_| choose(Some(true))>"Keep both"</button>
                    <button type="button" class="button danger" on:click=move |_| choose(Some(false))>"Replace"</button>
                </div>
            </dialog>
        </section>
    }
}
