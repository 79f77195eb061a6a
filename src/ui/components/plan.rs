//! How one action reads (badges, owner, due date, description, evidence, links), shared by the
//! team's plan page and the reviewer's read-only view of the plan. No rules here: order,
//! overdue and old links are the core's (`crate::actions`).

use crate::actions::{self, Action, Finding, Priority, Status, StatusKind};
use crate::model::Questionnaire;
use crate::route::Route;
use crate::ui::state::AppState;
use crate::{t, ts};
use leptos::prelude::*;

/// The badges and facts of an action. `assessment` (its id) makes each linked question a link
/// to where it is answered; without it (the reviewer's view) the question is plain text.
pub fn details(q: &Questionnaire, x: &Action, today: &str, assessment: Option<&str>) -> AnyView {
    let status_class = match x.status.kind() {
        StatusKind::Done => "badge badge-done",
        StatusKind::WontDo => "badge",
        StatusKind::InProgress => "badge badge-gap",
        StatusKind::Open => "badge badge-open",
    };
    let priority_class = match x.priority {
        Priority::High => "badge badge-flag",
        _ => "badge",
    };
    let overdue = x.is_overdue(today);
    let questions = x
        .questions
        .iter()
        .chain(x.review_comment.iter())
        .filter_map(|qid| {
            let r = q.question(qid)?;
            let text = crate::ui::loc(&r.question.text);
            Some(match assessment {
                Some(aid) => {
                    let href = Route::Assessment {
                        id: aid.to_string(),
                        section: Some(r.section.id.clone()),
                        question: Some(qid.clone()),
                    }
                    .href();
                    view! { <li><a href=href>{text}</a></li> }.into_any()
                }
                None => view! { <li>{text}</li> }.into_any(),
            })
        })
        .collect::<Vec<_>>();
    let old: Vec<String> = actions::old_links(x, q)
        .into_iter()
        .map(str::to_string)
        .collect();
    let reason = match &x.status {
        Status::WontDo { reason } => Some(reason.clone()),
        _ => None,
    };
    let due = x.due.clone().map(|d| crate::i18n::date(&d));
    view! {
        <p class="badges">
            <span class=status_class>{x.status.kind().label()}</span>
            {overdue.then(|| view! { <span class="badge badge-flag">{ts!("Overdue")}</span> })}
            <span class=priority_class>{t!("Priority: {0}", x.priority.label())}</span>
            <span class="badge">{x.source.label()}</span>
        </p>
        <dl class="action-facts">
            <dt>{ts!("Owner")}</dt>
            <dd>{if x.owner.trim().is_empty() { t!("nobody yet") } else { x.owner.clone() }}</dd>
            <dt>{ts!("Due date")}</dt>
            <dd class:overdue=overdue>{due.unwrap_or_else(|| t!("none"))}</dd>
            {reason.map(|r| view! { <dt>{ts!("Why not")}</dt><dd class="pre">{r}</dd> })}
            {(!x.evidence.trim().is_empty()).then(|| view! { <dt>{ts!("Evidence")}</dt><dd class="pre">{x.evidence.clone()}</dd> })}
        </dl>
        {(!x.description.trim().is_empty()).then(|| view! { <p class="pre action-description">{x.description.clone()}</p> })}
        {(!questions.is_empty()).then(|| view! {
            <div class="action-links"><p class="small">{ts!("About:")}</p><ul class="small">{questions}</ul></div>
        })}
        {(!old.is_empty()).then(|| view! {
            <p class="small muted">{t!("No longer in this questionnaire version: {0}", old.join(", "))}</p>
        })}
    }
    .into_any()
}

/// The plan read-only (the reviewer's view): counts by status and the actions in plan order.
pub fn read_only(q: &Questionnaire, list: &[Action], today: &str) -> AnyView {
    if list.is_empty() {
        return view! { <p class="muted">{ts!("The team has not made an action plan yet.")}</p> }
            .into_any();
    }
    let cards = actions::plan_order(list, today)
        .into_iter()
        .map(|x| {
            view! {
                <li class="action-item">
                    <article class="action" class:action-overdue=x.is_overdue(today) class:action-closed=!x.status.is_open()>
                        <h4>{x.title.clone()}</h4>
                        {details(q, x, today, None)}
                    </article>
                </li>
            }
        })
        .collect_view();
    view! {
        {counts(list, today)}
        <ul class="action-list">{cards}</ul>
    }
    .into_any()
}

/// How many actions have each status, and how many are overdue.
pub fn counts(list: &[Action], today: &str) -> AnyView {
    let c = actions::counts(list);
    let overdue = actions::overdue_count(list, today);
    let items = StatusKind::ALL
        .into_iter()
        .map(|k| view! { <li><span class="count">{c[k as usize]}</span>" "{k.label()}</li> })
        .collect_view();
    view! {
        <ul class="plan-counts" aria-label=ts!("Actions by status")>
            {items}
            <li class:overdue=overdue.gt(&0)><span class="count">{overdue}</span>" "{ts!("Overdue")}</li>
        </ul>
    }
    .into_any()
}

/// "Make an action" for one finding, in one click; once the plan has an action from that finding,
/// a link to the plan instead (a finding becomes one action). `about` names the finding for
/// screen readers, `key` makes the link's id (the focus moves to it after the click), `make`
/// builds the action from a fresh action id and the time.
pub fn make_button<F>(
    app: AppState,
    id: String,
    plan: Memo<Vec<Action>>,
    finding: Finding,
    key: &str,
    about: String,
    plan_href: String,
    make: F,
) -> impl IntoView
where
    F: Fn(&str, &str) -> Action + Clone + Send + Sync + 'static,
{
    let link_id = format!("made-{key}");
    move || {
        match actions::for_finding(&plan.get(), &finding) {
        Some(_) => view! {
            <a id=link_id.clone() class="made-action small" href=plan_href.clone() aria-label=t!("In the action plan: {0}", about)>{ts!("In the action plan")}</a>
        }
        .into_any(),
        None => {
            let (id, make, about, link_id) = (id.clone(), make.clone(), about.clone(), link_id.clone());
            let label = t!("Make an action: {0}", about);
            view! {
                <button type="button" class="button small make-action" aria-label=label on:click=move |_| {
                    let make = make.clone();
                    if let Some(new_id) = app.add_action(&id, move |nid, ts| make(nid, ts)) {
                        let title = app.assessment(&id).and_then(|a| a.actions.into_iter().find(|x| x.id == new_id)).map(|x| x.title).unwrap_or_default();
                        app.announce(t!("Action added to the plan: {0}", title));
                        crate::ui::focus_later(link_id.clone());
                    }
                }>{ts!("Make an action")}</button>
            }
            .into_any()
        }
    }
    }
}

/// The plan of an assessment as a memo (the results page's buttons follow it).
pub fn plan_memo(app: AppState, id: String) -> Memo<Vec<Action>> {
    Memo::new(move |_| {
        app.assessments().with(|v| {
            v.iter()
                .find(|a| a.id == id)
                .map(|a| a.actions.clone())
                .unwrap_or_default()
        })
    })
}
