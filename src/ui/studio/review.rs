//! Review mode: a reviewer opens a team's exported file (JSON or PDF), reads the answers
//! (read-only), comments per question, gives the verdict and signs off on a fingerprint of the
//! answers, then exports the reviewed file and the PDF with the review in it.

use super::common::{state_badge, take_returned};
use super::{
    go, import_file, now, questionnaire_of, read_files, save_file, score_text, take_files, today,
    use_studio, StudioState,
};
use crate::answers::{answer_text, Assessment, Visibility};
use crate::review::{self, Comment, CommentStatus, Review, SignOffProblem, Verdict};
use crate::route::StudioRoute;
use crate::ui::state::{local_time, use_app};
use crate::ui::Tr;
use crate::{t, ts};
use leptos::prelude::*;

/// The language of questionnaire texts and reports: the interface language.
fn locale() -> &'static str {
    crate::i18n::lang().code()
}

/// Change the review the page holds (`rev`, parsed once when the page opened) and save it with
/// its team file: the review is written out for the save, never read back on a change.
fn edit(
    st: StudioState,
    id: &str,
    rev: RwSignal<Review>,
    f: impl FnOnce(&mut Review),
) -> Result<(), String> {
    let Some(mut a) = st.review(id) else {
        return Err(t!("This review is no longer on this device."));
    };
    rev.update(f);
    rev.with_untracked(|r| a.set_review(Some(r)));
    a.modified = now();
    st.put_review(a)
}

#[component]
pub fn ReviewsPage() -> impl IntoView {
    let st = use_studio();
    let app = use_app();
    let status = RwSignal::new(None::<(String, bool)>);
    let input = NodeRef::<leptos::html::Input>::new();
    let on_change = move |_| {
        let files = take_files(input);
        let Some(file) = files.into_iter().next() else {
            return;
        };
        status.set(Some((t!("Reading “{0}”…", file.name()), false)));
        leptos::task::spawn_local(async move {
            let picked = read_files(vec![file]).await.pop();
            let result = match picked {
                Some(Ok(p)) => import_file(app, &p).await,
                Some(Err(e)) => Err(e),
                None => Err(t!("No file was read.")),
            };
            match result {
                Err(e) => {
                    app.announce(t!("The file could not be opened"));
                    status.set(Some((
                        t!("{0} Nothing on this device was changed.", e),
                        true,
                    )));
                }
                Ok(incoming) => {
                    let existing = st.review(&incoming.id);
                    let (a, opened) = review::reviewer_opens(existing.as_ref(), incoming);
                    let id = a.id.clone();
                    let name = a.display_name().to_string();
                    let saved = st.put_review(a);
                    st.generation.update(|g| *g += 1);
                    let msg = match opened {
                        review::Opened::New => t!("Opened “{0}” for review.", name),
                        review::Opened::Updated => t!("Opened the new version of “{0}”. Your comments and verdict are kept; the team's answers and replies were updated.", name),
                    };
                    app.announce(msg.clone());
                    status.set(None);
                    st.notice.set(Some(saved.err().unwrap_or(msg)));
                    go(StudioRoute::Review { id })
                }
            }
        });
    };

    let remove = move |id: String, name: String| {
        let sure = web_sys::window()
            .and_then(|w| w.confirm_with_message(&t!("Remove your review of “{0}” from this device? Export it first if you may need it. The team's own assessments are not touched.", name)).ok())
            .unwrap_or(false);
        if sure {
            match st.remove_review(&id) {
                Ok(()) => {
                    app.announce(t!("Removed the review of {0}", name));
                    status.set(Some((t!("Removed the review of “{0}”.", name), false)));
                }
                Err(e) => status.set(Some((t!("The review could not be removed: {0}.", e), true))),
            }
        }
    };

    let returned = NodeRef::<leptos::html::Input>::new();
    let on_returned = move |_| {
        let Some(file) = take_files(returned).into_iter().next() else {
            return;
        };
        leptos::task::spawn_local(async move {
            match take_returned(app, file).await {
                Ok(id) => go(StudioRoute::Reply { id }),
                Err(e) => status.set(Some((
                    t!("{0} Nothing on this device was changed.", e),
                    true,
                ))),
            }
        });
    };

    view! {
        <h1>{ts!("Review an assessment")}</h1>
        <p>{ts!("Open a file a team exported from this tool: the answers file (.json) or the PDF report. You read the team's answers without changing them, comment on each question (OK, question or concern), and give your verdict. Your review is kept on this device, apart from your own assessments, until you export it.")}</p>
        <label class="file-label" for="review-file">{ts!("Open a file to review (.json or .pdf)")}</label>
        <input id="review-file" type="file" node_ref=input accept=".json,.pdf,application/json,application/pdf" on:change=on_change/>
        <div aria-live="polite">
            {move || status.get().map(|(text, error)| view! {
                <p class=if error { "alert alert-error" } else { "ok" } role=error.then_some("alert")>{text}</p>
            })}
        </div>
        <section class="panel" aria-labelledby="returned-h">
            <h2 id="returned-h">{ts!("Got a review back?")}</h2>
            <p>{ts!("If you are the team and a reviewer sent you a reviewed file, open it here. The comments are added to your own assessment, your answers are kept, and you can reply to each comment.")}</p>
            <label class="file-label" for="returned-file">{ts!("Open a reviewed file you got back (.json or .pdf)")}</label>
            <input id="returned-file" type="file" node_ref=returned accept=".json,.pdf,application/json,application/pdf" on:change=on_returned/>
        </section>
        {move || st.review_problems.get().into_iter().map(|p| view! { <p class="alert alert-error" role="alert">{p}</p> }).collect_view()}
        <h2>{ts!("Reviews on this device")}</h2>
        {move || {
            let list = st.reviews.get();
            if list.is_empty() {
                return view! { <p class="muted">{ts!("No reviews yet.")}</p> }.into_any();
            }
            view! {
                <ul class="card-list">
                    {list.into_iter().map(|a| {
                        let r = a.review();
                        let (badge, class) = state_badge(app, r.as_ref(), &a);
                        let verdict = r.as_ref().and_then(|r| r.verdict).map(|v| v.label()).unwrap_or_else(|| t!("No verdict yet"));
                        let name = a.display_name().to_string();
                        let (id, id2, name2) = (a.id.clone(), a.id.clone(), name.clone());
                        view! {
                            <li class="card">
                                <h3><a href=StudioRoute::Review { id }.href()>{name.clone()}</a></h3>
                                <p>{verdict}" · "<span class=class>{badge}</span></p>
                                <p class="small muted">{t!("Team's answers last changed {0}", local_time(&a.modified))}</p>
                                <button type="button" class="button danger" aria-label=t!("Remove the review of {0}", name) on:click=move |_| remove(id2.clone(), name2.clone())>{ts!("Remove")}</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}

#[component]
pub fn ReviewPage(id: String) -> impl IntoView {
    let st = use_studio();
    let app = use_app();
    let id2 = id;
    // Re-render the body only when another file version is opened (not on every comment).
    let base = Memo::new(move |_| {
        st.generation.get();
        st.reviews
            .with_untracked(|v| v.iter().find(|a| a.id == id2).cloned())
    });
    move || {
        let Some(a) = base.get() else {
            return view! {
                <h1>{ts!("Review not found")}</h1>
                <p>{ts!("There is no review of this assessment on this device.")}" "<a href="#/review">{ts!("Open a file to review")}</a>"."</p>
            }
            .into_any();
        };
        match questionnaire_of(app, &a) {
            Err(m) => {
                view! { <h1>{t!("Review: {0}", a.display_name())}</h1><p role="status">{m}</p> }
                    .into_any()
            }
            Ok((q, bytes)) => view! { <ReviewBody a=a q=q bytes=bytes/> }.into_any(),
        }
    }
}

#[component]
fn ReviewBody(
    a: Assessment,
    q: std::sync::Arc<crate::model::Questionnaire>,
    bytes: std::sync::Arc<[u8]>,
) -> impl IntoView {
    let st = use_studio();
    let app = use_app();
    let id = a.id.clone();
    let digest = review::questionnaire_digest(&q);
    let fingerprint = review::fingerprint(&a, digest.as_deref());
    let vis = Visibility::compute(&q, &a);
    let outcome = crate::scoring::score(&q, &a);
    let message = RwSignal::new(None::<(String, bool)>);
    // After a first try to sign off, what is still missing, each tied to its field (and gone
    // as soon as it is filled in).
    let tried = RwSignal::new(false);
    on_cleanup(move || st.notice.set(None));

    // The review as the reviewer edits it, read from the file once: a change edits it in place
    // and saves it (see `edit`); opening another version of the file renders the page afresh.
    let rev = RwSignal::new(a.review().unwrap_or_default());
    let signed = Memo::new(move |_| rev.with(|r| r.sign_off.is_some()));
    let problems = Memo::new(move |_| {
        if tried.get() && !signed.get() {
            rev.with(problems_with_fields)
        } else {
            Vec::new()
        }
    });
    let problem_of = move |field: &'static str| {
        problems.with(|p| p.iter().find(|(_, f)| *f == field).map(|(m, _)| m.clone()))
    };
    let report = move |r: Result<(), String>| {
        if let Err(e) = r {
            message.set(Some((e, true)));
        }
    };

    // ---- Overall review fields ------------------------------------------------------------
    let set_field = {
        let id = id.clone();
        move |f: Box<dyn FnOnce(&mut Review)>| report(edit(st, &id, rev, f))
    };
    let set_verdict = {
        let set_field = set_field.clone();
        move |v: Verdict| set_field(Box::new(move |r| r.verdict = Some(v)))
    };
    let text_field = |label: String,
                      field_id: &'static str,
                      get: fn(&Review) -> String,
                      set: fn(&mut Review, String),
                      long: bool| {
        let set_field = set_field.clone();
        let value = move || rev.with(|r| get(r));
        let on_input = move |ev| {
            let v = event_target_value(&ev);
            set_field(Box::new(move |r| set(r, v)))
        };
        let invalid = move || problem_of(field_id).is_some().to_string();
        let described = move || problem_of(field_id).map(|_| format!("{field_id}-error"));
        view! {
            <div class="field">
                <label for=field_id>{label}</label>
                {if long {
                    view! { <textarea id=field_id rows="4" prop:value=value on:input=on_input aria-invalid=invalid aria-describedby=described></textarea> }.into_any()
                } else {
                    view! { <input id=field_id type="text" prop:value=value on:input=on_input aria-invalid=invalid aria-describedby=described/> }.into_any()
                }}
                {move || problem_of(field_id).map(|m| view! { <p class="field-error" id=format!("{field_id}-error")>{m}</p> })}
            </div>
        }
    };

    let a_for_sign = a.clone();
    let digest_for_sign = digest.clone();
    let sign = {
        let id = id.clone();
        move |_| {
            let mut out = Ok(());
            let r = edit(st, &id, rev, |r| {
                // The date field shows today until it is changed: that is the date signed.
                if r.date.is_empty() {
                    r.date = today();
                }
                out = r.sign(&a_for_sign, digest_for_sign.as_deref(), &now());
            });
            tried.set(true);
            match out {
                Err(_) => app.announce(t!("The review cannot be signed off yet")),
                Ok(()) => {
                    app.announce(t!("Signed off"));
                    report(r);
                }
            }
        }
    };
    let withdraw = {
        let id = id.clone();
        move |_| {
            report(edit(st, &id, rev, |r| r.sign_off = None));
            app.announce(t!("Sign-off withdrawn"));
        }
    };

    // ---- Exports ---------------------------------------------------------------------------
    let export_json = {
        let (id, q) = (id.clone(), q.clone());
        move |_| {
            let Some(a) = st.review(&id) else { return };
            let name = crate::files::assessment_json(&a, &crate::ui::state::local_now())
                .replace(".json", "-reviewed.json");
            match save_file(
                crate::persist::encode_exported_pretty(&a, &q, crate::i18n::lang()).as_bytes(),
                &name,
                "application/json",
            ) {
                Ok(()) => message.set(Some((t!("Saved {0}.", name), false))),
                Err(e) => message.set(Some((e, true))),
            }
        }
    };
    let busy = RwSignal::new(false);
    let export_pdf = {
        let id = id.clone();
        let bytes = bytes.clone();
        move |_| {
            let Some(a) = st.review(&id) else { return };
            busy.set(true);
            message.set(Some((t!("Building the PDF…"), false)));
            let req = crate::worker::ReportRequest {
                fonts: None,
                questionnaire: bytes.to_vec(),
                assessment: a,
                generated_at: crate::ui::state::local_now(),
                lang: crate::i18n::lang(),
            };
            crate::ui::export::make_file(crate::worker::Request::Pdf(req), move |r| {
                busy.set(false);
                match r.and_then(|(name, bytes)| {
                    save_file(&bytes, &name, "application/pdf").map(|_| name)
                }) {
                    Ok(name) => {
                        app.announce(t!("PDF saved"));
                        message.set(Some((t!("Saved {0}.", name), false)));
                    }
                    Err(e) => message.set(Some((t!("The PDF could not be made: {0}", e), true))),
                }
            });
        }
    };

    // ---- The team's answers, each with the reviewer's comment ------------------------------
    let sections = q
        .sections
        .iter()
        .map(|s| {
            let questions = s
                .questions
                .iter()
                .filter(|x| vis.is_visible(&x.id))
                .map(|x| {
                    let answer = answer_text(x, &a, locale()).unwrap_or_else(|| t!("Not answered"));
                    let note = a.note(&x.id).to_string();
                    let help = (!x.help.tr().is_empty()).then(|| crate::ui::loc(&x.help));
                    view! {
                        <li class="review-question" id=format!("q-{}", x.id)>
                            <h3 class="question-text">{crate::ui::loc(&x.text)}</h3>
                            <dl class="team-answer">
                                <dt>{ts!("Team's answer")}</dt><dd>{answer}</dd>
                                {(!note.is_empty()).then(|| view! { <dt>{ts!("Team's note")}</dt><dd class="pre">{note}</dd> })}
                            </dl>
                            {help.map(|help| view! { <details class="help"><summary>{ts!("Help text the team saw")}</summary><p class="pre">{help}</p></details> })}
                            <CommentEditor id=id.clone() qid=x.id.clone() qtext=x.text.tr().to_string() rev=rev/>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="review-section" aria-labelledby=format!("s-{}", s.id)>
                    <h2 id=format!("s-{}", s.id)>{crate::ui::loc(&s.title)}</h2>
                    <ol class="review-list">{questions}</ol>
                </section>
            }
        })
        .collect_view();

    let a_state = a.clone();
    let overall = outcome.overall;
    view! {
        <h1>{t!("Review: {0}", a.display_name())}</h1>
        <p class="muted">
            {t!(
                "{0} (version {1}) · team: {2} · answers last changed {3} · overall score {4}",
                q.title.tr(),
                q.version,
                if a.metadata.assessors.trim().is_empty() { t!("not named") } else { a.metadata.assessors.clone() },
                local_time(&a.modified),
                score_text(overall)
            )}
        </p>
        {move || st.notice.get().map(|m| view! { <p class="alert" role="status">{m}</p> })}
        <p class="small">{ts!("The team's answers are read-only here. Your comments, verdict and sign-off are yours: they are saved on this device, apart from your own assessments, and go back to the team in the reviewed file.")}</p>

        <section class="panel" aria-labelledby="integrity-h">
            <h2 id="integrity-h">{ts!("Status and fingerprint")}</h2>
            <p>{move || { let (t, c) = state_badge(app, Some(&rev.get()), &a_state); view! { <span class=c data-testid="review-state">{t}</span> } }}</p>
            <p>{ts!("Fingerprint of the answers shown here:")}" "<code class="fingerprint" data-testid="fingerprint">{fingerprint.clone()}</code></p>
            {move || rev.get().sign_off.map(|s| view! {
                <p>{t!("Signed off {0} for the answers with fingerprint", local_time(&s.at))}" "<code class="fingerprint">{s.fingerprint}</code></p>
            })}
            <p class="small muted">{review::fingerprint_explained()}</p>
            {digest.is_some().then(|| view! { <p class="small muted">{review::fingerprint_covers_questionnaire()}</p> })}
        </section>

        {crate::ui::components::triage::triage_panel(&q, &a, &crate::ui::studio::today(), None, None, t!("Legal triage: conclusions and duties"))}

        <section class="panel" aria-labelledby="plan-h">
            <h2 id="plan-h">{ts!("The team's action plan")}</h2>
            <p class="small">{ts!("Read-only: the team owns its plan. You can name conditions in your verdict; the team links them to actions.")}</p>
            {crate::ui::components::plan::read_only(&q, &a.actions, &crate::ui::studio::today())}
        </section>

        {sections}

        <section class="panel" aria-labelledby="overall-h">
            <h2 id="overall-h">{ts!("Your overall review")}</h2>
            <fieldset class="plain" prop:disabled=move || signed.get()>
                <legend class="sr-only">{ts!("Overall review")}</legend>
                <fieldset id="review-verdict" tabindex="-1" aria-describedby=move || problem_of("review-verdict").map(|_| "review-verdict-error")>
                    <legend>{ts!("Verdict")}</legend>
                    {move || problem_of("review-verdict").map(|m| view! { <p class="field-error" id="review-verdict-error">{m}</p> })}
                    {Verdict::ALL.into_iter().map(|v| {
                        let set_verdict = set_verdict.clone();
                        view! {
                            <label class="choice">
                                <input type="radio" name="verdict" value=v.key()
                                    prop:checked=move || rev.with(|r| r.verdict == Some(v))
                                    on:change=move |_| set_verdict(v)/>
                                " "{v.label()}
                            </label>
                        }
                    }).collect_view()}
                </fieldset>
                {text_field(t!("Conditions (required with “approved with conditions”)"), "review-conditions", |r| r.conditions.clone(), |r, v| r.conditions = v, true)}
                {text_field(t!("Reviewer's name"), "review-name", |r| r.reviewer_name.clone(), |r, v| r.reviewer_name = v, false)}
                {text_field(t!("Reviewer's role (for example: member of the ethics committee)"), "review-role", |r| r.reviewer_role.clone(), |r, v| r.reviewer_role = v, false)}
                <div class="field">
                    <label for="review-date">{ts!("Review date")}</label>
                    <input id="review-date" type="date"
                        aria-invalid=move || problem_of("review-date").is_some().to_string()
                        aria-describedby=move || problem_of("review-date").map(|_| "review-date-error")
                        prop:value=move || { let d = rev.with(|r| r.date.clone()); if d.is_empty() { today() } else { d } }
                        on:change={
                            let set_field = set_field.clone();
                            move |ev| { let v = event_target_value(&ev); set_field(Box::new(move |r| r.date = v)) }
                        }/>
                    {move || problem_of("review-date").map(|m| view! { <p class="field-error" id="review-date-error">{m}</p> })}
                </div>
            </fieldset>
            {move || (!problems.get().is_empty()).then(|| view! {
                <div class="alert alert-error" role="alert">
                    <p>{ts!("The review cannot be signed off yet:")}</p>
                    <ul>{problems.get().into_iter().map(|(p, field)| view! {
                        <li><button type="button" class="link-button" on:click=move |_| focus(field)>{p}</button></li>
                    }).collect_view()}</ul>
                </div>
            })}
            {move || if signed.get() {
                view! {
                    <p>{ts!("Signed off. To change the verdict or the reviewer's details, withdraw the sign-off first.")}</p>
                    <button type="button" class="button" on:click=withdraw.clone()>{ts!("Withdraw the sign-off")}</button>
                }.into_any()
            } else {
                view! {
                    <p class="small">{ts!("Signing off records the fingerprint of the answers above with your verdict.")}</p>
                    <button type="button" class="button primary" on:click=sign.clone()>{ts!("Sign off")}</button>
                }.into_any()
            }}
        </section>

        <section class="panel" aria-labelledby="export-h">
            <h2 id="export-h">{ts!("Send the review back")}</h2>
            <p>{ts!("Export the reviewed file for the team: they import it and see your comments beside their answers, and can reply. The PDF shows the comments next to the questions and the verdict on the summary page.")}</p>
            <div class="actions">
                <button type="button" class="button primary" on:click=export_json>{ts!("Export reviewed file (JSON)")}</button>
                " "
                <button type="button" class="button" prop:disabled=move || busy.get() on:click=export_pdf>{ts!("Export PDF with review")}</button>
            </div>
            <div aria-live="polite">
                {move || message.get().map(|(t, e)| view! { <p class=if e { "alert alert-error" } else { "ok" } role=e.then_some("alert")>{t}</p> })}
            </div>
        </section>
    }
}

/// What is missing before the review can be signed off, each as its message and the element id
/// of the field it is about.
fn problems_with_fields(r: &Review) -> Vec<(String, &'static str)> {
    r.sign_off_problems()
        .into_iter()
        .map(|p| {
            let field = match p {
                SignOffProblem::Verdict => "review-verdict",
                SignOffProblem::Conditions => "review-conditions",
                SignOffProblem::ReviewerName => "review-name",
                SignOffProblem::ReviewerRole => "review-role",
                SignOffProblem::Date => "review-date",
            };
            (p.message(), field)
        })
        .collect()
}

fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// The reviewer's comment on one question: a status and a text, plus the team's reply if any.
#[component]
fn CommentEditor(id: String, qid: String, qtext: String, rev: RwSignal<Review>) -> impl IntoView {
    let st = use_studio();
    let comment = {
        let qid = qid.clone();
        Memo::new(move |_| rev.with(|r| r.comments.get(&qid).cloned()))
    };
    let error = RwSignal::new(None::<String>);
    let change = {
        let (id, qid) = (id.clone(), qid.clone());
        move |status: Option<CommentStatus>, text: Option<String>| {
            let qid = qid.clone();
            let r = edit(st, &id, rev, move |r| {
                let old = r.comments.get(&qid).cloned();
                let text = text
                    .or_else(|| old.as_ref().map(|c| c.text.clone()))
                    .unwrap_or_default();
                let reply = old.as_ref().map(|c| c.reply.clone()).unwrap_or_default();
                // Typing a comment without a status makes it a question.
                let status = status
                    .or(old.map(|c| c.status))
                    .or((!text.trim().is_empty()).then_some(CommentStatus::Question));
                match status {
                    Some(status) => {
                        r.comments.insert(
                            qid,
                            Comment {
                                status,
                                text,
                                reply,
                            },
                        );
                    }
                    None => {
                        r.comments.remove(&qid);
                    }
                }
            });
            error.set(r.err());
        }
    };
    let group = format!("status-{qid}");
    let text_id = format!("comment-{qid}");
    let change2 = change.clone();
    let clear = {
        let (id, qid) = (id.clone(), qid.clone());
        move |_| {
            let qid = qid.clone();
            error.set(
                edit(st, &id, rev, move |r| {
                    r.comments.remove(&qid);
                })
                .err(),
            );
        }
    };
    view! {
        <fieldset class="comment-editor" data-status=move || comment.with(|c| c.as_ref().map(|c| c.status.key()).unwrap_or("none"))>
            <legend>{ts!("Your review of this question")}<span class="sr-only">": "{qtext.clone()}</span></legend>
            <div class="status-choices">
                {CommentStatus::ALL.into_iter().map(|s| {
                    let change = change.clone();
                    view! {
                        <label class="choice">
                            <input type="radio" name=group.clone() value=s.key()
                                prop:checked=move || comment.with(|c| c.as_ref().map(|c| c.status) == Some(s))
                                on:change=move |_| change(Some(s), None)/>
                            " "{s.label()}
                        </label>
                    }
                }).collect_view()}
                {move || comment.with(|c| c.is_some()).then(|| view! {
                    <button type="button" class="button small" on:click=clear.clone()>{ts!("Remove comment")}</button>
                })}
            </div>
            <label for=text_id.clone()>{ts!("Comment")}</label>
            <textarea id=text_id rows="2"
                prop:value=move || comment.with(|c| c.as_ref().map(|c| c.text.clone()).unwrap_or_default())
                on:input=move |ev| change2(None, Some(event_target_value(&ev)))></textarea>
            {move || comment.with(|c| c.as_ref().filter(|c| !c.reply.is_empty()).map(|c| view! {
                <p class="reply"><strong>{ts!("Team's reply:")}" "</strong><span class="pre">{c.reply.clone()}</span></p>
            }))}
            {move || error.get().map(|e| view! { <p class="alert alert-error" role="alert">{e}</p> })}
        </fieldset>
    }
}
