//! The Educators page (issue 18): the bundled worked cases — read the case card and the
//! facilitator's guide, download them as PDFs, load a case's example team files into the
//! workshop in one click, or start a practice assessment of the case. The cases are data in
//! `dist/cases/` (fetched here, never built into the wasm); the rules are in `crate::cases`.

use super::{go, import_file, use_studio, Picked};
use crate::answers::Assessment;
use crate::cases::{Case, IndexEntry};
use crate::i18n::lang;
use crate::route::StudioRoute;
use crate::t;
use crate::ts;
use crate::ui::state::{fetch_bytes, use_app, AppState};
use leptos::prelude::*;

/// A case as the studio uses it: the texts, the reference, and the text of `case.json` (sent to
/// the report worker for the PDFs).
#[derive(Clone)]
pub struct LoadedCase {
    pub case: Case,
    pub text: String,
    pub reference: Assessment,
}

/// The list of bundled cases.
pub async fn fetch_index() -> Result<Vec<IndexEntry>, String> {
    let bytes = fetch_bytes("./cases/index.json").await?;
    serde_json::from_slice(&bytes).map_err(|e| e.to_string())
}

/// One case and its reference assessment.
pub async fn fetch_case(app: AppState, id: &str) -> Result<LoadedCase, String> {
    let bytes = fetch_bytes(&format!("./cases/{id}/case.json")).await?;
    let text = String::from_utf8(bytes).map_err(|e| e.to_string())?;
    let case = crate::cases::parse(&text)?;
    let reference = fetch_bytes(&format!("./cases/{id}/reference.json")).await?;
    let reference = import_file(
        app,
        &Picked {
            name: "reference.json".into(),
            bytes: reference,
        },
    )
    .await?;
    Ok(LoadedCase {
        case,
        text,
        reference,
    })
}

/// Make a case's card or guide in the report worker and save it; the file's name, or the message.
async fn case_pdf(
    app: AppState,
    l: &LoadedCase,
    part: crate::report::case::CasePart,
) -> Result<String, String> {
    use crate::ui::state::QState;
    let (id, version) = (&l.case.questionnaire.id, &l.case.questionnaire.version);
    let info = crate::bundled::info(id, version).ok_or_else(|| {
        t!(
            "This tool does not have the questionnaire “{0}” version {1}.",
            id,
            version
        )
    })?;
    app.load(info).await?;
    let QState::Ready(_, bytes) = app.questionnaire(id, version) else {
        return Err(t!("Loading the questionnaire…"));
    };
    let request = crate::worker::Request::CasePdf(crate::worker::CaseRequest {
        case: l.text.clone(),
        reference: crate::persist::encode(&l.reference, crate::i18n::lang()),
        questionnaire: bytes.to_vec(),
        part,
        generated_at: crate::ui::state::local_now(),
        lang: crate::i18n::lang(),
        fonts: None,
    });
    let (tx, rx) = futures_channel();
    crate::ui::export::make_file(request, move |r| tx(r));
    let (name, bytes) = rx.await?;
    super::save_file(&bytes, &name, "application/pdf")?;
    Ok(name)
}

/// A one-shot channel from a callback to a future (the worker answers through callbacks).
fn futures_channel() -> (
    impl FnOnce(Result<(String, Vec<u8>), String>),
    impl std::future::Future<Output = Result<(String, Vec<u8>), String>>,
) {
    use std::cell::RefCell;
    use std::rc::Rc;
    type Slot = Rc<
        RefCell<(
            Option<Result<(String, Vec<u8>), String>>,
            Option<js_sys::Function>,
        )>,
    >;
    let slot: Slot = Rc::new(RefCell::new((None, None)));
    let send = {
        let slot = slot.clone();
        move |r| {
            let resolve = {
                let mut s = slot.borrow_mut();
                s.0 = Some(r);
                s.1.take()
            };
            if let Some(f) = resolve {
                let _ = f.call0(&wasm_bindgen::JsValue::NULL);
            }
        }
    };
    let wait = async move {
        let ready = slot.borrow().0.is_some();
        if !ready {
            let s2 = slot.clone();
            let promise = js_sys::Promise::new(&mut |resolve, _| {
                s2.borrow_mut().1 = Some(resolve);
            });
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        }
        let out = slot.borrow_mut().0.take();
        out.unwrap_or_else(|| Err(t!("the report builder gave no answer")))
    };
    (send, wait)
}

/// The paragraphs and lists of a case text ("\n\n" between paragraphs, "- " list lines).
pub fn text_view(text: &str) -> impl IntoView {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| {
            let lines: Vec<String> = p.lines().map(|l| l.trim().to_string()).collect();
            if lines.iter().all(|l| l.starts_with("- ")) {
                view! { <ul>{lines.into_iter().map(|l| view! { <li>{l.trim_start_matches("- ").to_string()}</li> }).collect_view()}</ul> }.into_any()
            } else {
                view! { <p>{lines.join(" ")}</p> }.into_any()
            }
        })
        .collect_view()
}

#[component]
pub fn EducatorsPage() -> impl IntoView {
    let app = use_app();
    // Every case arrives before any is shown, so that nothing moves on the page afterwards.
    let index = LocalResource::new(move || async move {
        let mut out = Vec::new();
        for e in fetch_index().await? {
            let l = fetch_case(app, &e.id).await;
            out.push((e, l));
        }
        Ok::<_, String>(out)
    });
    view! {
        <h1>{ts!("Workshop cases for educators")}</h1>
        <p>{ts!("Three fictional cases, ready for a workshop in English or Dutch. Each has a case card for the participants and a guide for you with two session plans. Each also has example team files to rehearse with, and a reference assessment that the workshop view shows next to the teams.")}</p>
        <p class="small muted">{ts!("How it works: give the teams the case card. Each team assesses the case with the quick scan and exports its file. Load the files in the workshop view and discuss them. Nothing is sent anywhere.")}</p>
        <Suspense fallback=|| view! { <p role="status">{ts!("Loading the cases…")}</p> }>
            {move || Suspend::new(async move {
                match index.await {
                    Ok(list) => list.into_iter().map(|(e, l)| view! { <CaseEntry entry=e loaded=l/> }).collect_view().into_any(),
                    Err(e) => view! { <p class="alert alert-error" role="alert">{t!("The cases could not be loaded: {0}", e)}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn CaseEntry(entry: IndexEntry, loaded: Result<LoadedCase, String>) -> impl IntoView {
    let app = use_app();
    let st = use_studio();
    let loc = lang().code();
    let heading_id = format!("case-{}", entry.id);
    let shown = loaded.clone();
    let loaded = StoredValue::new_local(loaded);
    let busy = RwSignal::new(false);
    let status = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let title = entry.title.get(loc).to_string();

    let teams = entry.teams.clone();
    let case_id = entry.id.clone();
    let load_teams = move |_| {
        let present = st.workshop.with_untracked(|w| w.len());
        if present > 0 {
            let sure = web_sys::window()
                .and_then(|w| w.confirm_with_message(&t!("The workshop holds {0} team files. Replace them with this case's example teams?", present)).ok())
                .unwrap_or(false);
            if !sure {
                return;
            }
        }
        busy.set(true);
        error.set(None);
        status.set(Some(t!("Loading the example teams…")));
        let teams = teams.clone();
        let case_id = case_id.clone();
        leptos::task::spawn_local(async move {
            let mut w = crate::workshop::Workshop::new();
            let mut problems = Vec::new();
            for name in &teams {
                let file = fetch_bytes(&format!("./cases/{case_id}/{name}"))
                    .await
                    .and_then(|bytes| {
                        Ok(Picked {
                            name: name.clone(),
                            bytes,
                        })
                    });
                match file {
                    Ok(p) => match import_file(app, &p).await {
                        Ok(a) => {
                            if let Some(m) = w.add(a, &p.name).problem(&p.name) {
                                problems.push(m);
                            }
                        }
                        Err(e) => problems.push(e),
                    },
                    Err(e) => problems.push(t!("“{0}” could not be fetched: {1}", name, e)),
                }
            }
            busy.set(false);
            status.set(None);
            if !problems.is_empty() {
                error.set(Some(problems.join(" ")));
                return;
            }
            if let Err(e) = super::workshop::save(&w) {
                // Kept for this visit all the same.
                st.workshop_problem.set(Some(e));
            }
            st.workshop.set(w);
            st.reference_case.set(Some(case_id.clone()));
            go(StudioRoute::Workshop);
        });
    };

    let case_id = entry.id.clone();
    let project = title.clone();
    let practice = move |_| {
        let case_id = case_id.clone();
        let project = project.clone();
        leptos::task::spawn_local(async move {
            let l = match loaded.get_value() {
                Ok(l) => l,
                Err(e) => return error.set(Some(t!("The case could not be loaded: {0}", e))),
            };
            let Some(info) =
                crate::bundled::info(&l.case.questionnaire.id, &l.case.questionnaire.version)
            else {
                error.set(Some(t!(
                    "This tool does not have the questionnaire “{0}” version {1}.",
                    l.case.questionnaire.id,
                    l.case.questionnaire.version
                )));
                return;
            };
            match app.load(info).await {
                Ok(q) => {
                    let id = app.create_for_case(&q, &case_id, &project);
                    // The team's pages are the main app's.
                    if let Some(w) = web_sys::window() {
                        let _ = w.location().set_hash(&format!("#/a/{id}"));
                    }
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };

    let download = move |part: crate::report::case::CasePart| {
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            let l = match loaded.get_value() {
                Ok(l) => l,
                Err(e) => {
                    busy.set(false);
                    return error.set(Some(t!("The case could not be loaded: {0}", e)));
                }
            };
            let made = case_pdf(app, &l, part).await;
            busy.set(false);
            match made {
                Ok(name) => status.set(Some(t!("Saved {0}.", name))),
                Err(e) => error.set(Some(t!("The PDF could not be made: {0}", e))),
            }
        });
    };

    view! {
        <article class="case-entry" aria-labelledby=heading_id.clone()>
            <h2 id=heading_id.clone()>{title.clone()}</h2>
            <p>{entry.summary.get(loc).to_string()}</p>
            <p class="small muted">{t!("Themes: {0}", entry.tags.get(loc))}</p>
            <div class="actions">
                <button type="button" class="button primary" prop:disabled=move || busy.get() on:click=load_teams
                    aria-label=t!("Load the example teams of {0} into the workshop", title.clone())>{ts!("Load the example teams into the workshop")}</button>
                " "
                <button type="button" class="button" on:click=practice
                    aria-label=t!("Start a practice assessment of {0}", title.clone())>{ts!("Start a practice assessment")}</button>
                " "
                <button type="button" class="button" prop:disabled=move || busy.get() on:click=move |_| download(crate::report::case::CasePart::Card)
                    aria-label=t!("Download the case card of {0} (PDF)", title.clone())>{ts!("Case card (PDF)")}</button>
                " "
                <button type="button" class="button" prop:disabled=move || busy.get() on:click=move |_| download(crate::report::case::CasePart::Guide)
                    aria-label=t!("Download the facilitator's guide of {0} (PDF)", title.clone())>{ts!("Facilitator's guide (PDF)")}</button>
            </div>
            {match shown {
                Ok(l) => {
                    let loc = lang().code();
                    view! {
                        <details class="case-card">
                            <summary>{t!("Read the case card: {0}", l.case.title.get(loc))}</summary>
                            {l.case.card.iter().map(|p| view! { <h3>{p.heading.get(loc).to_string()}</h3>{text_view(p.text.get(loc))} }).collect_view()}
                        </details>
                        <details class="case-guide">
                            <summary>{t!("Read the facilitator's guide: {0}", l.case.title.get(loc))}</summary>
                            <h3>{ts!("Learning goals")}</h3>
                            <ul>{l.case.guide.goals.iter().map(|g| view! { <li>{g.get(loc).to_string()}</li> }).collect_view()}</ul>
                            <h3>{ts!("Common misconceptions")}</h3>
                            <ul>{l.case.guide.misconceptions.iter().map(|g| view! { <li>{g.get(loc).to_string()}</li> }).collect_view()}</ul>
                            <p class="small muted">{ts!("The PDF of the guide has both session plans, the discussion questions and key points per section, and the reference answers.")}</p>
                        </details>
                    }.into_any()
                }
                Err(e) => view! { <p class="alert alert-error" role="alert">{t!("The case could not be loaded: {0}", e)}</p> }.into_any(),
            }}
            <div aria-live="polite">{move || status.get().map(|s| view! { <p class="ok">{s}</p> })}</div>
            {move || error.get().map(|e| view! { <p class="alert alert-error" role="alert">{e}</p> })}
        </article>
    }
}
