//! "Use your own questionnaire" on the home page (issue 16): a questionnaire file is checked in
//! the report worker with the same validator and lint as `elsa-lint` (every error at once, with
//! line and column); a valid one can be kept on this device and used like a bundled one.

use crate::route::Route;
use crate::ui::state::AppState;
use crate::worker::CheckReply;
use crate::{t, ts};
use leptos::prelude::*;

#[derive(Clone, PartialEq)]
enum State {
    Idle,
    Checking(String),
    Failed(String),
    Checked(String, CheckReply),
}

#[component]
pub fn CustomQuestionnaires() -> impl IntoView {
    let app = crate::ui::state::use_app();
    let state = RwSignal::new(State::Idle);
    let kept_message = RwSignal::new(None::<Result<String, String>>);
    let input = NodeRef::<leptos::html::Input>::new();

    let on_file = move |_| {
        let Some(file) = input.get().and_then(|i| i.files()).and_then(|f| f.get(0)) else {
            return;
        };
        let name = file.name();
        kept_message.set(None);
        state.set(State::Checking(name.clone()));
        leptos::task::spawn_local(async move {
            let bytes = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                Ok(buf) => js_sys::Uint8Array::new(&buf).to_vec(),
                Err(_) => {
                    return state.set(State::Failed(t!("The file “{0}” could not be read.", name)))
                }
            };
            if let Err(e) = crate::import::check_size(bytes.len() as u64) {
                return state.set(State::Failed(e.to_string()));
            }
            crate::ui::export::check_questionnaire(app, bytes, move |r| {
                let next = match r {
                    Ok(reply) => State::Checked(name, reply),
                    Err(e) => State::Failed(e),
                };
                if let State::Checked(_, CheckReply::Invalid(errors)) = &next {
                    app.announce(t!("The questionnaire has {0} problem(s)", errors.len()));
                }
                state.set(next);
            });
        });
    };

    let result = move || {
        match state.get() {
        State::Idle => ().into_any(),
        State::Checking(name) => view! { <p class="muted" role="status">{t!("Checking “{0}”…", name)}</p> }.into_any(),
        State::Failed(e) => view! { <p class="alert alert-error" role="alert">{e}</p> }.into_any(),
        State::Checked(name, CheckReply::Invalid(errors)) => view! {
            <div class="alert alert-error check-errors" role="alert">
                <p>{if errors.len() == 1 { t!("“{0}” cannot be used. 1 problem:", name) } else { t!("“{0}” cannot be used. {1} problems:", name, errors.len()) }}</p>
                <ul>{errors.into_iter().map(|e| view! { <li><code>{e}</code></li> }).collect_view()}</ul>
                <p>{ts!("Nothing was kept. Correct the file and choose it again.")}</p>
            </div>
        }
        .into_any(),
        State::Checked(_, CheckReply::NeedsBase { id, version }) => {
            view! { <p class="alert alert-error" role="alert">{t!("The file extends “{0}” version {1}, which this tool does not have.", id, version)}</p> }.into_any()
        }
        State::Checked(name, CheckReply::Valid { bin, remarks, no_dutch }) => {
            let summary = crate::bundled::decode_bin(&bin).map(|q| {
                let questions = q.questions().count();
                t!("“{0}” version {1}: {2} sections, {3} questions.", crate::ui::Tr::tr(&q.title).to_string(), q.version, q.sections.len(), questions)
            });
            // The preview reads the questionnaire from memory; it is kept only on "Keep".
            let preview = {
                let bin = bin.clone();
                move |_| match crate::bundled::decode_bin(&bin).and_then(|q| app.use_carried(bin.clone()).map(|_| q)) {
                    Ok(q) => app.navigate(Route::Preview { id: q.id, version: q.version }),
                    Err(e) => kept_message.set(Some(Err(e))),
                }
            };
            let keep = move |_| {
                let r = app.keep_custom(bin.clone()).map(|(q, moved)| {
                    app.announce(t!("Kept on this device: {0}", crate::ui::Tr::tr(&q.title)));
                    kept_text(&q.version, moved, t!("Kept on this device. Start an assessment with it below."))
                });
                kept_message.set(Some(r));
                if kept_message.get_untracked().is_some_and(|r| r.is_ok()) {
                    state.set(State::Idle);
                    crate::ui::focus_later("custom-list-heading".into());
                }
            };
            view! {
                <div class="panel check-ok">
                    <p class="ok" role="status">{t!("“{0}” passed the checks.", name)}" "{summary.unwrap_or_default()}</p>
                    {(!no_dutch.is_empty()).then(|| view! {
                        <p>{t!("{0} texts have no Dutch. They are shown in English, marked “(in English)”.", no_dutch.len())}</p>
                    })}
                    {(!remarks.is_empty()).then(|| view! {
                        <details>
                            <summary>{t!("Remarks from the quality checks ({0})", remarks.len())}</summary>
                            <ul>{remarks.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
                        </details>
                    })}
                    <p class="action-buttons">
                        <button type="button" class="button primary" on:click=keep>{ts!("Keep it on this device")}</button>
                        <button type="button" class="button" on:click=preview>{ts!("Preview it first")}</button>
                    </p>
                </div>
            }
            .into_any()
        }
    }
    };

    view! {
        <section aria-labelledby="custom-heading">
            <h2 id="custom-heading">{ts!("Use your own questionnaire")}</h2>
            <p>{ts!("Load your organisation's questionnaire file (JSON). It is checked here, in your browser, with the same checks as the elsa-lint tool. Nothing is sent anywhere.")}</p>
            <label class="file-label" for="custom-file">{ts!("Choose a questionnaire file (.json)")}</label>
            <input id="custom-file" type="file" accept=".json,application/json" node_ref=input on:change=on_file/>
            <div aria-live="polite">{result}</div>
            {move || kept_message.get().map(|r| match r {
                Ok(m) => view! { <p class="ok">{m}</p> }.into_any(),
                Err(e) => view! { <p class="alert alert-error" role="alert">{e}</p> }.into_any(),
            })}
            {move || custom_list(app)}
        </section>
    }
}

/// The user's own questionnaires: start an assessment, or remove one no assessment uses.
fn custom_list(app: AppState) -> Option<AnyView> {
    let list = app.custom.get();
    if list.is_empty() {
        return None;
    }
    let remove_error = RwSignal::new(None::<String>);
    // Two versions with one title: the buttons' names say which version they act on.
    let titles: Vec<String> = list
        .iter()
        .map(|(q, _)| crate::ui::Tr::tr(&q.title).to_string())
        .collect();
    let cards = list
        .into_iter()
        .map(|(q, _)| {
            let mut title = crate::ui::Tr::tr(&q.title).to_string();
            if titles.iter().filter(|t| **t == title).count() > 1 {
                title = t!("{0} (version {1})", title, q.version);
            }
            let (id, version) = (q.id.clone(), q.version.clone());
            let start = {
                let q = q.clone();
                move |_| {
                    let aid = app.create(&q);
                    let first = q.sections.first().map(|s| s.id.clone());
                    app.announce(t!("New assessment started"));
                    app.navigate(Route::Assessment { id: aid, section: first, question: None });
                }
            };
            let remove = {
                let (id, version, title) = (id.clone(), version.clone(), title.clone());
                move |_| {
                    let sure = web_sys::window()
                        .and_then(|w| w.confirm_with_message(&t!("Remove “{0}” from this device?", title)).ok())
                        .unwrap_or(false);
                    if sure {
                        match app.remove_custom(&id, &version) {
                            Ok(()) => app.announce(t!("Removed {0}", title)),
                            Err(e) => remove_error.set(Some(e)),
                        }
                    }
                }
            };
            let extended = q.extended_from.as_ref().map(|b| t!("Adds to “{0}” version {1}.", b.id, b.version));
            view! {
                <li class="card">
                    <h3>{crate::ui::loc(&q.title)}" "<span class="badge">{ts!("custom")}</span></h3>
                    {(!q.description.0.is_empty()).then(|| view! { <p>{crate::ui::loc(&q.description)}</p> })}
                    <p class="muted">{t!("{0} questions · version {1}", q.questions().count(), q.version.clone())}" "{extended}</p>
                    <p class="action-buttons">
                        <button type="button" class="button primary" aria-label=t!("Start: {0}", title) on:click=start>{ts!("Start a new assessment")}</button>
                        <a class="button" href=Route::Preview { id: id.clone(), version: version.clone() }.href() aria-label=t!("Preview {0}", title)>{ts!("Preview")}</a>
                        <button type="button" class="button danger" aria-label=t!("Remove {0}", title) on:click=remove>{ts!("Remove")}</button>
                    </p>
                </li>
            }
        })
        .collect_view();
    Some(
        view! {
            <h3 id="custom-list-heading" tabindex="-1">{ts!("Your own questionnaires")}</h3>
            {move || remove_error.get().map(|e| view! { <p class="alert alert-error" role="alert">{e}</p> })}
            <ul class="cards">{cards}</ul>
        }
        .into_any(),
    )
}

/// The message after keeping a questionnaire: `kept`, and how many assessments moved to it.
pub(crate) fn kept_text(version: &str, moved: usize, kept: String) -> String {
    match moved {
        0 => kept,
        1 => format!(
            "{kept} {}",
            t!(
                "1 assessment of an older version now uses version {0}; its answers are kept.",
                version
            )
        ),
        n => format!(
            "{kept} {}",
            t!(
                "{0} assessments of an older version now use version {1}; their answers are kept.",
                n,
                version
            )
        ),
    }
}
