//! Compare over time: two versions of the same assessment (before and after mitigation): one of
//! the user's own assessments or a file, on each side. Shows the answers that changed, the change
//! in score per section and overall, the red flags resolved or newly raised, and the action plan's
//! changes (`compare::Diff`'s action lists). Reads the user's assessments; never writes them.

use super::{import_file, questionnaire_of, read_files, score_text, take_files};
use crate::actions::{Action, Status};
use crate::answers::Assessment;
use crate::compare::diff;
use crate::ui::state::{local_time, use_app};
use crate::ui::Tr;
use crate::{t, ts};
use leptos::prelude::*;

/// The language of questionnaire texts: the interface language.
fn locale() -> &'static str {
    crate::i18n::lang().code()
}

#[derive(Clone, PartialEq)]
struct Side {
    assessment: Assessment,
    /// Where it came from, for people: "your assessment" or the file name.
    source: String,
}

#[component]
fn Picker(which: &'static str, side: RwSignal<Option<Side>>) -> impl IntoView {
    let app = use_app();
    let error = RwSignal::new(None::<String>);
    let input = NodeRef::<leptos::html::Input>::new();
    let select_id = format!("{which}-own");
    let file_id = format!("{which}-file");
    let on_select = move |ev| {
        let id = event_target_value(&ev);
        error.set(None);
        side.set(app.assessment(&id).map(|a| Side {
            source: t!(
                "your assessment, as it is now (last changed {0})",
                local_time(&a.modified)
            ),
            assessment: a,
        }));
    };
    let on_file = move |_| {
        let files = take_files(input);
        if files.is_empty() {
            return;
        }
        leptos::task::spawn_local(async move {
            let picked = read_files(files).await.pop();
            let r = match picked {
                Some(Ok(p)) => import_file(app, &p).await.map(|a| Side {
                    source: t!("the file “{0}”", p.name),
                    assessment: a,
                }),
                Some(Err(e)) => Err(e),
                None => Err(t!("No file was read.")),
            };
            match r {
                Ok(s) => {
                    error.set(None);
                    side.set(Some(s));
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let title = if which == "before" {
        t!("Before")
    } else {
        t!("After")
    };
    let title2 = title.clone();
    view! {
        <fieldset class="compare-side">
            <legend>{title}</legend>
            <label for=select_id.clone()>{ts!("One of your assessments")}</label>
            <select id=select_id on:change=on_select>
                <option value="">{ts!("— choose —")}</option>
                {move || app.assessments().get().into_iter().map(|a| view! {
                    <option value=a.id.clone()>{t!("{0} (last changed {1})", a.display_name(), local_time(&a.modified))}</option>
                }).collect_view()}
            </select>
            <label class="file-label" for=file_id.clone()>{ts!("or a file (.json or .pdf)")}</label>
            <input id=file_id type="file" node_ref=input accept=".json,.pdf,application/json,application/pdf" on:change=on_file/>
            <p class="small" aria-live="polite">{move || side.get().map(|s| format!("{title2}: {} — {}", s.assessment.display_name(), s.source))}</p>
            {move || error.get().map(|e| view! { <p class="alert alert-error" role="alert">{e}</p> })}
        </fieldset>
    }
}

fn change_text(before: Option<f64>, after: Option<f64>) -> String {
    match (before, after) {
        (Some(b), Some(a)) => {
            let d = (a - b).round() as i64;
            match d {
                0 => t!("no change"),
                d if d > 0 => t!("+{0} (more concern)", d),
                d => t!("{0} (less concern)", d),
            }
        }
        _ => "–".into(),
    }
}

/// An action in one line of a list: its title, then owner, due date and status.
fn action_item(a: &Action) -> impl IntoView {
    let mut details = Vec::new();
    if !a.owner.trim().is_empty() {
        details.push(t!("Owner: {0}", a.owner.trim()));
    }
    if let Some(d) = &a.due {
        details.push(t!("Due: {0}", crate::i18n::date(d)));
    }
    details.push(match &a.status {
        Status::WontDo { reason } if !reason.trim().is_empty() => {
            format!("{}: {}", a.status.kind().label(), reason.trim())
        }
        s => s.kind().label(),
    });
    view! { <li><strong>{a.title.clone()}</strong><span class="small muted">{format!(" — {}", details.join(" · "))}</span></li> }
}

/// One list of the plan's changes under its heading; `always`: shown when empty too ("None.").
fn action_list(
    id: &'static str,
    heading: String,
    list: &[Action],
    always: bool,
) -> Option<AnyView> {
    if list.is_empty() && !always {
        return None;
    }
    let body = if list.is_empty() {
        view! { <p class="muted">{ts!("None.")}</p> }.into_any()
    } else {
        view! { <ul>{list.iter().map(action_item).collect_view()}</ul> }.into_any()
    };
    Some(view! { <div id=id><h4>{heading}</h4>{body}</div> }.into_any())
}

#[component]
pub fn ComparePage() -> impl IntoView {
    let app = use_app();
    let before = RwSignal::new(None::<Side>);
    let after = RwSignal::new(None::<Side>);
    let result = move || {
        let (b, a) = (before.get()?, after.get()?);
        let (b, a) = (b.assessment, a.assessment);
        if b.questionnaire_id != a.questionnaire_id
            || b.questionnaire_version != a.questionnaire_version
        {
            return Some(view! {
                <p class="alert alert-error" role="alert">{t!(
                    "These two answer different questionnaires (“{0}” {1} and “{2}” {3}), so they cannot be compared.",
                    b.questionnaire_id,
                    b.questionnaire_version,
                    a.questionnaire_id,
                    a.questionnaire_version
                )}</p>
            }.into_any());
        }
        let (q, _) = match questionnaire_of(app, &a) {
            Ok(x) => x,
            Err(m) => return Some(view! { <p role="status">{m}</p> }.into_any()),
        };
        let d = diff(&q, &b, &a, locale());
        let title = |sid: &str| {
            q.section(sid)
                .map(|(_, s)| s.title.tr().to_string())
                .unwrap_or_else(|| sid.to_string())
        };
        let qtext = |qid: &str| {
            q.question(qid)
                .map(|r| r.question.text.tr().to_string())
                .unwrap_or_else(|| qid.to_string())
        };
        let different = (a.id != b.id).then(|| view! {
            <p class="alert" role="status">{ts!("These two files have different assessment ids, so they may not be versions of the same assessment. The comparison is shown anyway.")}</p>
        });
        let sections = d.sections.iter().map(|s| view! {
            <tr><th scope="row">{title(&s.section_id)}</th><td>{score_text(s.before)}</td><td>{score_text(s.after)}</td><td>{change_text(s.before, s.after)}</td></tr>
        }).collect_view();
        let flags = |list: &[crate::compare::Flag], empty: String| {
            if list.is_empty() {
                return view! { <p class="muted">{empty}</p> }.into_any();
            }
            view! { <ul>{list.iter().map(|(_, qid)| view! { <li>{qtext(qid)}</li> }).collect_view()}</ul> }.into_any()
        };
        let answers = if d.answers.is_empty() {
            view! { <p class="muted">{ts!("No answer or note changed.")}</p> }.into_any()
        } else {
            view! {
                <div class="table-scroll" tabindex="0" role="region" aria-label=ts!("Changed answers")>
                <table class="data-table" id="changed-answers">
                    <thead><tr><th scope="col">{ts!("Question")}</th><th scope="col">{ts!("Before")}</th><th scope="col">{ts!("After")}</th></tr></thead>
                    <tbody>
                        {d.answers.iter().map(|c| view! {
                            <tr>
                                <th scope="row">{qtext(&c.question_id)}<span class="small muted">{format!(" ({})", title(&c.section_id))}</span></th>
                                <td>{c.before.clone().unwrap_or_else(|| t!("Not answered"))}</td>
                                <td>{c.after.clone().unwrap_or_else(|| t!("Not answered"))}{c.note_changed.then(|| format!(" · {}", t!("note changed")))}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
                </div>
            }.into_any()
        };
        let plan = if b.actions.is_empty() && a.actions.is_empty() {
            view! { <p class="muted">{ts!("Neither version has an action plan.")}</p> }.into_any()
        } else {
            view! {
                {action_list("actions-added", t!("Actions added ({0})", d.actions_added.len()), &d.actions_added, true)}
                {action_list("actions-closed", t!("Actions closed ({0})", d.actions_closed.len()), &d.actions_closed, true)}
                {action_list("actions-open", t!("Actions still open ({0})", d.actions_open.len()), &d.actions_open, true)}
                {action_list("actions-reopened", t!("Actions opened again ({0})", d.actions_reopened.len()), &d.actions_reopened, false)}
                {action_list("actions-removed", t!("Actions removed ({0})", d.actions_removed.len()), &d.actions_removed, false)}
            }.into_any()
        };
        Some(view! {
            <section aria-labelledby="cmp-result-h" id="compare-result">
                <h2 id="cmp-result-h">{ts!("What changed")}</h2>
                {different}
                <p>{t!("Overall score: {0} → {1} ({2})", score_text(d.overall_before), score_text(d.overall_after), change_text(d.overall_before, d.overall_after))}</p>
                <h3>{ts!("Scores per section")}</h3>
                <div class="table-scroll" tabindex="0" role="region" aria-label=ts!("Scores per section, before and after")>
                    <table class="data-table" id="section-changes">
                        <thead><tr><th scope="col">{ts!("Section")}</th><th scope="col">{ts!("Before")}</th><th scope="col">{ts!("After")}</th><th scope="col">{ts!("Change")}</th></tr></thead>
                        <tbody>{sections}</tbody>
                    </table>
                </div>
                <h3>{ts!("Red flags resolved")}</h3>
                <div id="flags-resolved">{flags(&d.flags_resolved, t!("None."))}</div>
                <h3>{ts!("Red flags newly raised")}</h3>
                <div id="flags-raised">{flags(&d.flags_raised, t!("None."))}</div>
                <h3>{t!("Answers that changed ({0})", d.answers.len())}</h3>
                {answers}
                <section aria-labelledby="cmp-plan-h" id="plan-changes">
                    <h3 id="cmp-plan-h">{ts!("Action plan")}</h3>
                    {plan}
                </section>
            </section>
        }.into_any())
    };
    view! {
        <h1>{ts!("Compare two versions")}</h1>
        <p>{ts!("Pick two versions of the same assessment, for example before and after a mitigation: one of your assessments as it is now, or an exported file, on each side. Nothing is changed by comparing.")}</p>
        <div class="compare-pickers">
            <Picker which="before" side=before/>
            <Picker which="after" side=after/>
        </div>
        {result}
    }
}
