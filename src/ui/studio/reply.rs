//! The team's side of a review: the comments a reviewer returned on one of my own assessments,
//! each beside my current answer, with my reply. Replies are saved in my assessment (they never
//! change the answers, so they do not make a sign-off stale), and go back to the reviewer in the
//! next exported file.

use super::review::state_badge;
use super::{go, take_files, import_file, now, questionnaire_of, read_files, save_file};
use crate::answers::answer_text;
use crate::review::{self, FINGERPRINT_EXPLAINED};
use crate::route::{Route, StudioRoute};
use crate::ui::state::{local_time, use_app, AppState};
use leptos::prelude::*;

const LOCALE: &str = "en";

/// Take a returned review file into my assessments: into the assessment with the same id,
/// keeping my answers; or, when I do not have it, as a new assessment. Returns its id.
pub async fn take_returned(app: AppState, file: web_sys::File) -> Result<String, String> {
    let picked = read_files(vec![file]).await.pop().ok_or("No file was read.")??;
    let reviewed = import_file(&picked).await?;
    if reviewed.review.is_none() {
        return Err(format!("“{}” carries no review. Ask the reviewer for the reviewed file (it is exported from review mode).", picked.name));
    }
    let id = reviewed.id.clone();
    if app.assessment(&id).is_some() {
        app.take_review(&id, &reviewed);
        Ok(id)
    } else {
        app.add_imported(reviewed, false).map_err(|e| format!("“{}” could not be added: {e}.", picked.name))
    }
}

/// "1 question", "2 questions".
fn count(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

#[component]
pub fn ReplyPage(id: String) -> impl IntoView {
    let app = use_app();
    let message = RwSignal::new(None::<(String, bool)>);
    let generation = RwSignal::new(0u32);
    let input = NodeRef::<leptos::html::Input>::new();
    let on_file = move |_| {
        let Some(file) = take_files(input).into_iter().next() else { return };
        leptos::task::spawn_local(async move {
            match take_returned(app, file).await {
                Ok(id) => {
                    app.announce("The review was added; your answers were kept");
                    message.set(Some(("The review was added to your assessment. Your answers were kept.".into(), false)));
                    generation.update(|g| *g += 1);
                    go(StudioRoute::Reply { id })
                }
                Err(e) => message.set(Some((format!("{e} Nothing on this device was changed."), true))),
            }
        });
    };
    let status = move || message.get().map(|(t, e)| view! { <p class=if e { "alert alert-error" } else { "ok" } role=e.then_some("alert")>{t}</p> });
    let open_file = view! {
        <label class="file-label" for="returned-file">"Open a reviewed file you got back (.json or .pdf)"</label>
        <input id="returned-file" type="file" node_ref=input accept=".json,.pdf,application/json,application/pdf" on:change=on_file/>
    };

    // Render afresh only when a review file is opened or the questionnaire arrives, never on a
    // saved reply (that would move the keyboard focus away).
    let id2 = id.clone();
    let base = Memo::new(move |_| {
        generation.get();
        app.assessments().with_untracked(|v| v.iter().find(|a| a.id == id2).cloned())
    });
    let body = move || {
        let Some(a) = base.get() else {
            return view! { <p>"This assessment is not on this device. "<a href="./#/">"Go to your assessments"</a>"."</p> }.into_any();
        };
        let Some(r) = a.review() else {
            return view! { <p>"This assessment has no review yet. When a reviewer sends you a reviewed file, open it here (above) or import it on the home page."</p> }.into_any();
        };
        let (q, bytes) = match questionnaire_of(app, &a) {
            Ok(x) => x,
            Err(m) => return view! { <p role="status">{m}</p> }.into_any(),
        };
        let (badge, class) = state_badge(Some(&r), &a);
        let [ok, question, concern] = r.counts();
        let aid = a.id.clone();
        // Comments in questionnaire order; comments on questions the questionnaire no longer has last.
        let mut ordered: Vec<(Option<crate::model::QuestionRef>, String, review::Comment)> = Vec::new();
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
                        x.question.text.get(LOCALE).to_string(),
                        answer_text(x.question, &a, LOCALE).unwrap_or_else(|| "Not answered".into()),
                        format!("./{}", Route::Assessment { id: aid.clone(), section: Some(x.section.id.clone()), question: Some(qid.clone()) }.href()),
                    ),
                    None => (format!("{qid} (a question this version no longer has)"), String::new(), String::new()),
                };
                let note = a.note(&qid).to_string();
                let reply_id = format!("reply-{qid}");
                let (aid, qid2) = (aid.clone(), qid.clone());
                view! {
                    <li class="reply-item" data-status=c.status.key() data-question=qid.clone()>
                        <h3 class="question-text">{text}</h3>
                        <dl class="team-answer">
                            <dt>"Your answer"</dt><dd>{answer}</dd>
                            {(!note.is_empty()).then(|| view! { <dt>"Your note"</dt><dd class="pre">{note}</dd> })}
                        </dl>
                        <div class="review-comment" data-status=c.status.key()>
                            <p><strong>"Reviewer – "{c.status.label()}": "</strong><span class="pre">{c.text.clone()}</span></p>
                        </div>
                        <label for=reply_id.clone()>"Your reply"</label>
                        <textarea id=reply_id rows="3" prop:value=c.reply.clone()
                            on:change=move |ev| { app.set_reply(&aid, &qid2, event_target_value(&ev)); app.announce("Reply saved"); }></textarea>
                        {(!href.is_empty()).then(|| view! { <p class="small"><a href=href>"Change your answer"</a></p> })}
                    </li>
                }
            })
            .collect_view();
        let export_json = {
            let id = a.id.clone();
            move |_| {
                let Some(a) = app.assessment(&id) else { return };
                let name = crate::report::export_file_name(&a, &now());
                match save_file(crate::persist::encode_pretty(&a).as_bytes(), &name, "application/json") {
                    Ok(()) => message.set(Some((format!("Saved {name}. Send it to the reviewer."), false))),
                    Err(e) => message.set(Some((e, true))),
                }
            }
        };
        let export_pdf = {
            let id = a.id.clone();
            move |_| {
                let Some(a) = app.assessment(&id) else { return };
                let req = crate::worker::ReportRequest { assessment: a, generated_at: now(), locale: LOCALE.into() };
                message.set(Some(("Building the PDF…".into(), false)));
                crate::ui::export::export(crate::worker::Job::Pdf, &req, &bytes, move |r| {
                    match r.and_then(|r| save_file(&r.bytes, &r.file_name, "application/pdf").map(|_| r.file_name)) {
                        Ok(name) => message.set(Some((format!("Saved {name}."), false))),
                        Err(e) => message.set(Some((format!("The PDF could not be made: {e}"), true))),
                    }
                });
            }
        };
        view! {
            <section class="panel" aria-labelledby="verdict-h">
                <h2 id="verdict-h">"Verdict"</h2>
                <p><strong data-testid="verdict">{r.verdict.map(|v| v.label()).unwrap_or("No verdict yet")}</strong>" · "<span class=class data-testid="review-state">{badge}</span></p>
                <p>"Reviewer: "{format!("{} ({}), {}", r.reviewer_name, r.reviewer_role, r.date)}</p>
                {(!r.conditions.is_empty()).then(|| view! { <p><strong>"Conditions: "</strong><span class="pre">{r.conditions.clone()}</span></p> })}
                {r.sign_off.as_ref().map(|s| view! {
                    <p class="small">"Signed off "{local_time(&s.at)}" for the answers with fingerprint "<code class="fingerprint">{s.fingerprint.clone()}</code></p>
                })}
                <p class="small">"Fingerprint of your answers now: "<code class="fingerprint" data-testid="fingerprint">{review::fingerprint(&a)}</code></p>
                <p class="small muted">{FINGERPRINT_EXPLAINED}</p>
            </section>
            <h2>{format!("Comments ({ok} OK, {}, {})", count(question, "question"), count(concern, "concern"))}</h2>
            <p>"Each comment is shown beside your current answer. Write your reply below it; replies are saved on this device and do not change your answers. When you are done, export the file and send it back to the reviewer."</p>
            <ol class="review-list">{items}</ol>
            <div class="actions">
                <button type="button" class="button primary" on:click=export_json>"Export answers with replies (JSON)"</button>
                " "
                <button type="button" class="button" on:click=export_pdf>"Export PDF report"</button>
            </div>
        }
        .into_any()
    };
    let name = app.assessment(&id).map(|a| a.display_name().to_string()).unwrap_or_default();
    let results = format!("./{}", Route::Results { id }.href());
    view! {
        <p class="crumbs"><a href="./#/">"Assessments"</a>" / "<a href=results>{name.clone()}</a>" / Review"</p>
        <h1>"Review of “"{name}"”"</h1>
        {open_file}
        <div aria-live="polite">{status}</div>
        {body}
    }
}
