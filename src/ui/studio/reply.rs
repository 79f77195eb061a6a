//! The team's side of a review: the comments a reviewer returned on one of my own assessments,
//! each beside my current answer, with my reply. Replies are saved in my assessment (they never
//! change the answers, so they do not make a sign-off stale), and go back to the reviewer in the
//! next exported file.

use super::common::{state_badge, take_returned};
use super::{go, questionnaire_of, save_file, take_files};
use crate::actions::Finding;
use crate::answers::answer_text;
use crate::review;
use crate::route::{Route, StudioRoute};
use crate::ui::state::{local_time, use_app};
use crate::ui::Tr;
use crate::{t, ts};
use leptos::prelude::*;

/// The language of questionnaire texts and reports: the interface language.
fn locale() -> &'static str {
    crate::i18n::lang().code()
}

/// "1 question", "2 questions".
fn questions(n: usize) -> String {
    if n == 1 {
        t!("1 question")
    } else {
        t!("{0} questions", n)
    }
}

/// "1 concern", "2 concerns".
fn concerns(n: usize) -> String {
    if n == 1 {
        t!("1 concern")
    } else {
        t!("{0} concerns", n)
    }
}

#[component]
pub fn ReplyPage(id: String) -> impl IntoView {
    let app = use_app();
    let message = RwSignal::new(None::<(String, bool)>);
    let generation = RwSignal::new(0u32);
    let input = NodeRef::<leptos::html::Input>::new();
    let on_file = move |_| {
        let Some(file) = take_files(input).into_iter().next() else {
            return;
        };
        leptos::task::spawn_local(async move {
            match take_returned(app, file).await {
                Ok(id) => {
                    app.announce(t!("The review was added; your answers were kept"));
                    message.set(Some((
                        t!("The review was added to your assessment. Your answers were kept."),
                        false,
                    )));
                    generation.update(|g| *g += 1);
                    go(StudioRoute::Reply { id })
                }
                Err(e) => message.set(Some((
                    t!("{0} Nothing on this device was changed.", e),
                    true,
                ))),
            }
        });
    };
    let status = move || {
        message.get().map(|(t, e)| view! { <p class=if e { "alert alert-error" } else { "ok" } role=e.then_some("alert")>{t}</p> })
    };
    let open_file = view! {
        <label class="file-label" for="returned-file">{ts!("Open a reviewed file you got back (.json or .pdf)")}</label>
        <input id="returned-file" type="file" node_ref=input accept=".json,.pdf,application/json,application/pdf" on:change=on_file/>
    };

    // Render afresh only when a review file is opened or the questionnaire arrives, never on a
    // saved reply (that would move the keyboard focus away).
    let id2 = id.clone();
    let base = Memo::new(move |_| {
        generation.get();
        app.assessments()
            .with_untracked(|v| v.iter().find(|a| a.id == id2).cloned())
    });
    let body = move || {
        let Some(a) = base.get() else {
            return view! { <p>{ts!("This assessment is not on this device.")}" "<a href="./#/">{ts!("Go to your assessments")}</a>"."</p> }.into_any();
        };
        let Some(r) = a.review() else {
            return view! { <p>{ts!("This assessment has no review yet. When a reviewer sends you a reviewed file, open it here (above) or import it on the home page.")}</p> }.into_any();
        };
        let (q, bytes) = match questionnaire_of(app, &a) {
            Ok(x) => x,
            Err(m) => return view! { <p role="status">{m}</p> }.into_any(),
        };
        let (badge, class) = state_badge(app, Some(&r), &a);
        let digest = review::questionnaire_digest(&q);
        // Conditions and comments become actions of the team's plan (the main app's plan page).
        let plan = crate::ui::components::plan::plan_memo(app, a.id.clone());
        let plan_href = format!("./{}", Route::Plan { id: a.id.clone() }.href());
        let qa = std::sync::Arc::new(q.clone());
        let lang = crate::i18n::lang();
        let [ok, question, concern] = r.counts();
        let aid = a.id.clone();
        // Comments in questionnaire order; comments on questions the questionnaire no longer has last.
        let mut ordered: Vec<(Option<crate::model::QuestionRef>, String, review::Comment)> =
            Vec::new();
        for x in q.questions() {
            if let Some(c) = r.comments.get(&x.question.id) {
                ordered.push((Some(x), x.question.id.clone(), c.clone()));
            }
        }
        for (qid, c) in &r.comments {
            if q.question(qid).is_none() {
                ordered.push((None, qid.clone(), c.clone()));
            }
        }
        let items = ordered
            .into_iter()
            .map(|(x, qid, c)| {
                let (text, answer, href) = match &x {
                    Some(x) => (
                        crate::ui::loc(&x.question.text).into_any(),
                        answer_text(x.question, &a, locale()).unwrap_or_else(|| t!("Not answered")),
                        format!("./{}", Route::Assessment { id: aid.clone(), section: Some(x.section.id.clone()), question: Some(qid.clone()) }.href()),
                    ),
                    None => (t!("{0} (a question this version no longer has)", qid).into_any(), String::new(), String::new()),
                };
                let note = a.note(&qid).to_string();
                let reply_id = format!("reply-{qid}");
                let make = (c.status != review::CommentStatus::Ok && x.is_some()).then(|| {
                    let (qa, qid2, c2) = (qa.clone(), qid.clone(), c.clone());
                    let about = x.as_ref().map(|x| x.question.text.tr().to_string()).unwrap_or_default();
                    crate::ui::components::plan::make_button(app, aid.clone(), plan, Finding::ReviewComment(qid.clone()), &format!("review-{qid}"), about, plan_href.clone(), move |n: &str, t: &str| {
                        crate::actions::from_review_comment(n, &qid2, &c2, &qa, lang, t)
                    })
                });
                let (aid, qid2) = (aid.clone(), qid.clone());
                view! {
                    <li class="reply-item" data-status=c.status.key() data-question=qid.clone()>
                        <h3 class="question-text">{text}</h3>
                        <dl class="team-answer">
                            <dt>{ts!("Your answer")}</dt><dd>{answer}</dd>
                            {(!note.is_empty()).then(|| view! { <dt>{ts!("Your note")}</dt><dd class="pre">{note}</dd> })}
                        </dl>
                        <div class="review-comment" data-status=c.status.key()>
                            <p><strong>{t!("Reviewer – {0}:", c.status.label())}" "</strong><span class="pre">{c.text.clone()}</span></p>
                            {make.map(|m| view! { <p class="small">{m}</p> })}
                        </div>
                        <label for=reply_id.clone()>{ts!("Your reply")}</label>
                        <textarea id=reply_id rows="3" prop:value=c.reply.clone()
                            on:change=move |ev| { app.set_reply(&aid, &qid2, event_target_value(&ev)); app.announce(t!("Reply saved")); }></textarea>
                        {(!href.is_empty()).then(|| view! { <p class="small"><a href=href>{ts!("Change your answer")}</a></p> })}
                    </li>
                }
            })
            .collect_view();
        let export_json = {
            let (id, q) = (a.id.clone(), q.clone());
            move |_| {
                let Some(a) = app.assessment(&id) else { return };
                let name = crate::files::assessment_json(&a, &crate::ui::state::local_now());
                match save_file(
                    crate::persist::encode_exported_pretty(&a, &q, crate::i18n::lang()).as_bytes(),
                    &name,
                    "application/json",
                ) {
                    Ok(()) => message.set(Some((
                        t!("Saved {0}. Send it to the reviewer.", name),
                        false,
                    ))),
                    Err(e) => message.set(Some((e, true))),
                }
            }
        };
        let export_pdf = {
            let id = a.id.clone();
            move |_| {
                let Some(a) = app.assessment(&id) else { return };
                let req = crate::worker::ReportRequest {
                    fonts: None,
                    questionnaire: bytes.to_vec(),
                    assessment: a,
                    generated_at: crate::ui::state::local_now(),
                    lang: crate::i18n::lang(),
                };
                message.set(Some((t!("Building the PDF…"), false)));
                crate::ui::export::make_file(crate::worker::Request::Pdf(req), move |r| {
                    match r.and_then(|(name, bytes)| {
                        save_file(&bytes, &name, "application/pdf").map(|_| name)
                    }) {
                        Ok(name) => message.set(Some((t!("Saved {0}.", name), false))),
                        Err(e) => {
                            message.set(Some((t!("The PDF could not be made: {0}", e), true)))
                        }
                    }
                });
            }
        };
        view! {
            <section class="panel" aria-labelledby="verdict-h">
                <h2 id="verdict-h">{ts!("Verdict")}</h2>
                <p><strong data-testid="verdict">{r.verdict.map(|v| v.label()).unwrap_or_else(|| t!("No verdict yet"))}</strong>" · "<span class=class data-testid="review-state">{badge}</span></p>
                <p>{t!("Reviewer: {0} ({1}), {2}", r.reviewer_name, r.reviewer_role, crate::i18n::date(&r.date))}</p>
                {(!r.conditions.is_empty()).then(|| {
                    let c = r.conditions.clone();
                    let button = crate::ui::components::plan::make_button(app, a.id.clone(), plan, Finding::ReviewConditions, "conditions", t!("the reviewer's conditions"), plan_href.clone(), move |n: &str, t: &str| {
                        crate::actions::from_review_conditions(n, &c, t)
                    });
                    view! {
                        <p><strong>{ts!("Conditions:")}" "</strong><span class="pre">{r.conditions.clone()}</span></p>
                        <p class="small">{ts!("Link the conditions to an action of your plan, with an owner and a due date.")}" "{button}</p>
                    }
                })}
                {r.sign_off.as_ref().map(|s| view! {
                    <p class="small">{t!("Signed off {0} for the answers with fingerprint", local_time(&s.at))}" "<code class="fingerprint">{s.fingerprint.clone()}</code></p>
                })}
                <p class="small">{ts!("Fingerprint of your answers now:")}" "<code class="fingerprint" data-testid="fingerprint">{review::fingerprint(&a, digest.as_deref())}</code></p>
                <p class="small muted">{review::fingerprint_explained()}</p>
                {digest.is_some().then(|| view! { <p class="small muted">{review::fingerprint_covers_questionnaire()}</p> })}
            </section>
            <h2>{t!("Comments ({0} OK, {1}, {2})", ok, questions(question), concerns(concern))}</h2>
            <p>{ts!("Each comment is shown beside your current answer. Write your reply below it; replies are saved on this device and do not change your answers. When you are done, export the file and send it back to the reviewer.")}</p>
            <ol class="review-list">{items}</ol>
            <div class="actions">
                <button type="button" class="button primary" on:click=export_json>{ts!("Export answers with replies (JSON)")}</button>
                " "
                <button type="button" class="button" on:click=export_pdf>{ts!("Export PDF report")}</button>
            </div>
        }
        .into_any()
    };
    let name = app
        .assessment(&id)
        .map(|a| a.display_name().to_string())
        .unwrap_or_default();
    let results = format!("./{}", Route::Results { id }.href());
    view! {
        <p class="crumbs"><a href="./#/">{ts!("Assessments")}</a>" / "<a href=results>{name.clone()}</a>" / "{ts!("Review")}</p>
        <h1>{t!("Review of “{0}”", name)}</h1>
        {open_file}
        <div aria-live="polite">{status}</div>
        {body}
    }
}
