//! The action plan of one assessment (issue 15): counts by status, the actions in plan order
//! (overdue first), filters by owner, section, status and source, an inline form to add and edit
//! actions, "finding resolved — close?" for actions whose finding is gone, and the CSV and
//! calendar downloads. The rules are the core's (`crate::actions`); this renders them.

use crate::actions::{self, Action, Filter, Priority, Source, Status, StatusKind};
use crate::model::Questionnaire;
use crate::route::Route;
use crate::ui::state::{local_now, use_app, AppState};
use crate::ui::Tr;
use crate::{t, ts};
use leptos::prelude::*;
use std::sync::Arc;

/// What the form edits: a new action or one of the plan.
#[derive(Clone, PartialEq)]
enum Editing {
    None,
    New,
    Existing(String),
}

#[component]
pub fn PlanPage(id: String) -> impl IntoView {
    let app = use_app();
    let aid = id.clone();
    super::gated(app, id, move |a0, q, _| page(app, aid.clone(), a0, q))
}

/// Today in the user's time zone (`YYYY-MM-DD`): what "overdue" is measured against.
fn today() -> String {
    crate::files::date_part(&local_now()).to_string()
}

fn page(
    app: AppState,
    id: String,
    a0: crate::answers::Assessment,
    q: Arc<Questionnaire>,
) -> AnyView {
    let filter = RwSignal::new(Filter::default());
    let editing = RwSignal::new(Editing::None);
    // The form's content lives here, not in the form: when the list is drawn again while a form
    // is open (another tab saved the plan), what the user typed is kept.
    let draft = RwSignal::new(actions::free("", "", ""));
    let download_msg = RwSignal::new(None::<Result<String, String>>);
    let name = a0.display_name().to_string();

    let plan = crate::ui::components::plan::plan_memo(app, id.clone());
    let resolved = {
        let (id, q) = (id.clone(), q.clone());
        Memo::new(move |_| {
            app.assessments().with(|v| {
                let Some(a) = v.iter().find(|a| a.id == id) else {
                    return Vec::new();
                };
                actions::resolved_findings(&a.actions, &q, a, &today())
                    .into_iter()
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
        })
    };

    let counts = move || crate::ui::components::plan::counts(&plan.get(), &today());

    // Downloads: the plan as CSV (a project board, a spreadsheet) and the due dates as a calendar.
    let download = {
        let id = id.clone();
        move |ics: bool| {
            let Some(a) = app.assessment(&id) else { return };
            let now = local_now();
            let (name, bytes, mime) = if ics {
                (
                    crate::files::plan_ics(&a, &now),
                    actions::ics(
                        &actions::plan_order(&a.actions, &today())
                            .into_iter()
                            .cloned()
                            .collect::<Vec<_>>(),
                        &a.display_name(),
                        &crate::ui::state::now(),
                    ),
                    "text/calendar;charset=utf-8",
                )
            } else {
                (
                    crate::files::plan_csv(&a, &now),
                    actions::csv(
                        &actions::plan_order(&a.actions, &today())
                            .into_iter()
                            .cloned()
                            .collect::<Vec<_>>(),
                        &today(),
                    ),
                    "text/csv;charset=utf-8",
                )
            };
            let r = crate::ui::download::download(bytes.as_bytes(), &name, mime).map(|_| name);
            app.announce(match &r {
                Ok(n) => t!("Downloaded: {0}", n),
                Err(e) => t!("The file could not be made: {0}.", e),
            });
            download_msg.set(Some(r));
        }
    };
    let download_csv = download.clone();
    let download_ics = download;

    let filters = {
        let q = q.clone();
        move || {
            // Drawn again when the plan changes (new owners), not when a filter changes: the
            // select in use keeps the focus. The values follow the filter through `prop:value`.
            let list = plan.get();
            let owners: Vec<(String, String)> = actions::owners(&list)
                .into_iter()
                .map(|o| (o.clone(), o))
                .collect();
            let sections: Vec<(String, String)> = q
                .sections
                .iter()
                .map(|s| (s.id.clone(), s.title.tr().to_string()))
                .collect();
            let statuses: Vec<(String, String)> = StatusKind::ALL
                .into_iter()
                .map(|k| (status_code(k).to_string(), k.label()))
                .collect();
            let sources: Vec<(String, String)> = Source::ALL
                .into_iter()
                .map(|x| (source_code(x).to_string(), x.label()))
                .collect();
            view! {
                <div class="plan-filters" role="group" aria-label=ts!("Filter the actions")>
                    {filter_select(filter, "filter-owner", ts!("Owner"), owners, |f| f.owner.clone().unwrap_or_default(), |f, v| f.owner = (!v.is_empty()).then_some(v))}
                    {filter_select(filter, "filter-section", ts!("Section"), sections, |f| f.section.clone().unwrap_or_default(), |f, v| f.section = (!v.is_empty()).then_some(v))}
                    {filter_select(filter, "filter-status", ts!("Status"), statuses, |f| f.status.map(status_code).unwrap_or_default().to_string(), |f, v| {
                        f.status = StatusKind::ALL.into_iter().find(|k| status_code(*k) == v)
                    })}
                    {filter_select(filter, "filter-source", ts!("Source"), sources, |f| f.source.map(source_code).unwrap_or_default().to_string(), |f, v| {
                        f.source = Source::ALL.into_iter().find(|x| source_code(*x) == v)
                    })}
                    {move || (filter.get() != Filter::default()).then(|| view! {
                        <button type="button" class="button" on:click=move |_| { filter.set(Filter::default()); crate::ui::focus_later("filter-owner".into()); }>{ts!("Show all actions")}</button>
                    })}
                </div>
            }
        }
    };

    let list = {
        let (id, q) = (id.clone(), q.clone());
        move || {
            let all = plan.get();
            let f = filter.get();
            let today = today();
            let shown: Vec<&Action> = actions::plan_order(&all, &today)
                .into_iter()
                .filter(|x| f.matches(x, &q))
                .collect();
            let resolved = resolved.get();
            let count_line = if all.is_empty() {
                t!("There are no actions yet. Make them from the findings on the results page, or add your own.")
            } else if shown.len() == all.len() {
                if all.len() == 1 {
                    t!("1 action.")
                } else {
                    t!("{0} actions.", all.len())
                }
            } else {
                t!("Showing {0} of {1} actions.", shown.len(), all.len())
            };
            let editing_now = editing.get();
            let cards = shown
                .into_iter()
                .map(|x| {
                    let x = x.clone();
                    if editing_now == Editing::Existing(x.id.clone()) {
                        view! { <li class="action-item">{form(app, id.clone(), x, draft, editing)}</li> }.into_any()
                    } else {
                        let is_resolved = resolved.contains(&x.id);
                        view! { <li class="action-item">{card(app, &id, &q, x, is_resolved, &today, draft, editing)}</li> }.into_any()
                    }
                })
                .collect_view();
            view! {
                <p class="muted" role="status">{count_line}</p>
                <ul class="action-list">{cards}</ul>
            }
        }
    };

    let new_form = {
        let id = id.clone();
        move || {
            (editing.get() == Editing::New)
                .then(|| form(app, id.clone(), actions::free("", "", ""), draft, editing))
        }
    };

    let resolved_note = move || {
        let n = resolved.get().len();
        (n > 0).then(|| view! {
            <p class="alert" role="status">{if n == 1 { t!("The finding of 1 open action is resolved. Check whether it can be closed.") } else { t!("The findings of {0} open actions are resolved. Check whether they can be closed.", n) }}</p>
        })
    };

    let results = Route::Results { id: id.clone() }.href();
    let back = Route::Assessment {
        id: id.clone(),
        section: a0.last_section.clone(),
        question: None,
    }
    .href();
    view! {
        <div class="plan">
            <p class="crumbs"><a href="#/">{ts!("Assessments")}</a>" / "<a href=back>{name.clone()}</a>" / "{ts!("Action plan")}</p>
            <h1>{t!("Action plan: {0}", name)}</h1>
            <p>{ts!("Who does what by when. Make actions from the findings on the results page, or add your own. Come back at every project stage until the open actions are closed.")}</p>
            {counts}
            {resolved_note}
            <div class="export-bar">
                <button type="button" class="button primary" id="add-action" on:click=move |_| { draft.set(actions::free("", "", "")); editing.set(Editing::New); crate::ui::focus_later("action-title".into()); }>{ts!("Add an action")}</button>
                <button type="button" class="button" on:click=move |_| download_csv(false)>{ts!("Download the plan (CSV)")}</button>
                <button type="button" class="button" on:click=move |_| download_ics(true)>{ts!("Download due dates (calendar, .ics)")}</button>
                <a class="button" href=results>{ts!("Back to the results")}</a>
                <div aria-live="polite">{move || download_msg.get().map(|r| match r {
                    Ok(n) => view! { <p class="ok">{t!("Downloaded “{0}”.", n)}</p> }.into_any(),
                    Err(e) => view! { <p class="alert alert-error" role="alert">{t!("The file could not be made: {0}.", e)}</p> }.into_any(),
                })}</div>
            </div>
            {new_form}
            <section aria-labelledby="plan-list-heading">
                <h2 id="plan-list-heading">{ts!("Actions")}</h2>
                {filters}
                {list}
            </section>
        </div>
    }
    .into_any()
}

/// One filter: a labelled select with "All" (the empty value) and `options` (value, label). Its
/// value follows the filter (`get`); a change sets it (`set`, given the value).
fn filter_select(
    filter: RwSignal<Filter>,
    id: &'static str,
    label: &'static str,
    options: Vec<(String, String)>,
    get: fn(&Filter) -> String,
    set: fn(&mut Filter, String),
) -> impl IntoView {
    let now = get(&filter.get_untracked());
    view! {
        <div class="filter">
            <label for=id>{label}</label>
            <select id=id prop:value=move || get(&filter.get()) on:change=move |ev| { let v = event_target_value(&ev); filter.update(|f| set(f, v)); }>
                <option value="" selected=now.is_empty()>{ts!("All")}</option>
                {options.into_iter().map(|(value, text)| { let selected = value == now; view! { <option value=value selected=selected>{text}</option> } }).collect_view()}
            </select>
        </div>
    }
}

fn status_code(k: StatusKind) -> &'static str {
    match k {
        StatusKind::Open => "open",
        StatusKind::InProgress => "in_progress",
        StatusKind::Done => "done",
        StatusKind::WontDo => "wont_do",
    }
}

fn source_code(s: Source) -> &'static str {
    match s {
        Source::Recommendation => "recommendation",
        Source::Duty => "duty",
        Source::Gap => "gap",
        Source::Review => "review",
        Source::Free => "free",
    }
}

fn priority_code(p: Priority) -> &'static str {
    match p {
        Priority::High => "high",
        Priority::Medium => "medium",
        Priority::Low => "low",
    }
}

/// One action, read-only, with its "Edit" button and, when its finding is gone, the offer to
/// close it.
fn card(
    app: AppState,
    id: &str,
    q: &Questionnaire,
    x: Action,
    resolved: bool,
    today: &str,
    draft: RwSignal<Action>,
    editing: RwSignal<Editing>,
) -> AnyView {
    let heading_id = format!("action-{}", x.id);
    let labelled_by = heading_id.clone();
    let body = crate::ui::components::plan::details(q, &x, today, Some(id));
    let editable = x.clone();
    let edit = move |_| {
        draft.set(editable.clone());
        editing.set(Editing::Existing(editable.id.clone()));
        crate::ui::focus_later("action-title".into());
    };
    let close = {
        let (id, x) = (id.to_string(), x.clone());
        move |_| {
            let mut done = x.clone();
            done.status = Status::Done;
            app.update_action(&id, done);
            app.announce(t!("Marked as done: {0}", x.title));
            crate::ui::focus_later(format!("action-{}", x.id));
        }
    };
    view! {
        <article class="action" class:action-overdue=x.is_overdue(today) class:action-closed=!x.status.is_open() aria-labelledby=labelled_by>
            <h3 id=heading_id tabindex="-1">{x.title.clone()}</h3>
            {body}
            {resolved.then(|| view! {
                <div class="resolved">
                    <p><strong>{ts!("Finding resolved — close?")}</strong>" "{ts!("The answers no longer show the finding this action came from. Close it if the work is done.")}</p>
                    <button type="button" class="button" on:click=close>{ts!("Mark as done")}</button>
                </div>
            })}
            <p class="action-buttons">
                <button type="button" class="button" aria-label=t!("Edit: {0}", x.title) on:click=edit>{ts!("Edit")}</button>
            </p>
        </article>
    }
    .into_any()
}

/// The form for a new action or one of the plan. Problems are shown all at once, and nothing is
/// saved until they are fixed; "Cancel" keeps the plan as it was.
fn form(
    app: AppState,
    id: String,
    start: Action,
    draft: RwSignal<Action>,
    editing: RwSignal<Editing>,
) -> AnyView {
    let is_new = start.id.is_empty();
    let problems = RwSignal::new(Vec::<actions::Problem>::new());
    let owners = app
        .assessment(&id)
        .map(|a| actions::owners(&a.actions))
        .unwrap_or_default();
    let reason = move || match draft.get().status {
        Status::WontDo { reason } => reason,
        _ => String::new(),
    };
    let save = {
        let id = id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let mut x = draft.get_untracked();
            x.title = x.title.trim().to_string();
            x.due = x.due.filter(|d| !d.trim().is_empty());
            let found = x.problems();
            if !found.is_empty() {
                problems.set(found);
                crate::ui::focus_later("action-problems".into());
                return;
            }
            let title = x.title.clone();
            let target = if is_new {
                let made = app.add_action(&id, move |new_id, ts| {
                    let mut a = x;
                    a.id = new_id.to_string();
                    a.created = ts.to_string();
                    a
                });
                made
            } else {
                let aid = x.id.clone();
                app.update_action(&id, x);
                Some(aid)
            };
            app.announce(if is_new {
                t!("Action added: {0}", title)
            } else {
                t!("Action saved: {0}", title)
            });
            editing.set(Editing::None);
            crate::ui::focus_later(
                target
                    .map(|t| format!("action-{t}"))
                    .unwrap_or_else(|| "add-action".into()),
            );
        }
    };
    let cancel = {
        let back = if is_new {
            "add-action".to_string()
        } else {
            format!("action-{}", start.id)
        };
        move |_| {
            editing.set(Editing::None);
            crate::ui::focus_later(back.clone());
        }
    };
    let remove = {
        let (id, aid, title) = (id.clone(), start.id.clone(), start.title.clone());
        move |_| {
            let sure = web_sys::window()
                .and_then(|w| {
                    w.confirm_with_message(&t!(
                        "Delete the action “{0}”? This cannot be undone.",
                        title
                    ))
                    .ok()
                })
                .unwrap_or(false);
            if sure {
                app.remove_action(&id, &aid);
                app.announce(t!("Action deleted: {0}", title));
                editing.set(Editing::None);
                crate::ui::focus_later("add-action".into());
            }
        }
    };
    let heading = if is_new {
        t!("New action")
    } else {
        t!("Edit action")
    };
    let source_line = (!is_new)
        .then(|| view! { <p class="muted small">{t!("Source: {0}", start.source.label())}</p> });
    view! {
        <form class="action-form panel" aria-labelledby="action-form-heading" on:submit=save novalidate>
            {if is_new {
                view! { <h2 id="action-form-heading">{heading}</h2> }.into_any()
            } else {
                view! { <h3 id="action-form-heading">{heading}</h3> }.into_any()
            }}
            {source_line}
            {move || {
                let p = problems.get();
                (!p.is_empty()).then(|| view! {
                    <div id="action-problems" class="alert alert-error" role="alert" tabindex="-1">
                        <p>{ts!("Please fix this first:")}</p>
                        <ul>{p.into_iter().map(|x| view! { <li>{x.message()}</li> }).collect_view()}</ul>
                    </div>
                })
            }}
            <div class="field">
                <label for="action-title">{ts!("Title")}" "<span class="muted small">{ts!("(required)")}</span></label>
                <input id="action-title" type="text" required aria-required="true" prop:value=move || draft.get().title
                    on:input=move |ev| draft.update(|d| d.title = event_target_value(&ev))/>
            </div>
            <div class="field">
                <label for="action-description">{ts!("Description")}</label>
                <textarea id="action-description" rows="3" prop:value=move || draft.get().description
                    on:input=move |ev| draft.update(|d| d.description = event_target_value(&ev))></textarea>
            </div>
            <div class="field-row">
                <div class="field">
                    <label for="action-owner">{ts!("Owner (a name or a role)")}</label>
                    <input id="action-owner" type="text" list="action-owners" autocomplete="off" prop:value=move || draft.get().owner
                        on:input=move |ev| draft.update(|d| d.owner = event_target_value(&ev))/>
                    <datalist id="action-owners">{owners.into_iter().map(|o| view! { <option value=o/> }).collect_view()}</datalist>
                </div>
                <div class="field">
                    <label for="action-due">{ts!("Due date")}</label>
                    <input id="action-due" type="date" prop:value=move || draft.get().due.unwrap_or_default()
                        on:change=move |ev| { let v = event_target_value(&ev); draft.update(|d| d.due = (!v.is_empty()).then_some(v)); }/>
                </div>
                <div class="field">
                    <label for="action-priority">{ts!("Priority")}</label>
                    <select id="action-priority" on:change=move |ev| { let v = event_target_value(&ev); if let Some(p) = Priority::ALL.into_iter().find(|p| priority_code(*p) == v) { draft.update(|d| d.priority = p); } }>
                        {Priority::ALL.into_iter().map(|p| view! { <option value=priority_code(p) selected=move || draft.get().priority == p>{p.label()}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="action-status">{ts!("Status")}</label>
                    <select id="action-status" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        let kept = reason();
                        draft.update(|d| d.status = match v.as_str() {
                            "in_progress" => Status::InProgress,
                            "done" => Status::Done,
                            "wont_do" => Status::WontDo { reason: kept },
                            _ => Status::Open,
                        });
                    }>
                        {StatusKind::ALL.into_iter().map(|k| view! { <option value=status_code(k) selected=move || draft.get().status.kind() == k>{k.label()}</option> }).collect_view()}
                    </select>
                </div>
            </div>
            {move || matches!(draft.get().status, Status::WontDo { .. }).then(|| view! {
                <div class="field">
                    <label for="action-reason">{ts!("Why will it not be done?")}" "<span class="muted small">{ts!("(required)")}</span></label>
                    <textarea id="action-reason" rows="2" aria-required="true" prop:value=reason
                        on:input=move |ev| { let v = event_target_value(&ev); draft.update(|d| d.status = Status::WontDo { reason: v }); }></textarea>
                </div>
            })}
            <div class="field">
                <label for="action-evidence">{ts!("Evidence")}</label>
                <p class="hint" id="action-evidence-hint">{ts!("What shows it is done: a document name or a link text.")}</p>
                <input id="action-evidence" type="text" aria-describedby="action-evidence-hint" prop:value=move || draft.get().evidence
                    on:input=move |ev| draft.update(|d| d.evidence = event_target_value(&ev))/>
            </div>
            <p class="action-buttons">
                <button type="submit" class="button primary">{if is_new { t!("Add the action") } else { t!("Save the action") }}</button>
                " "<button type="button" class="button" on:click=cancel>{ts!("Cancel")}</button>
                {(!is_new).then(|| view! { " "<button type="button" class="button danger" on:click=remove>{ts!("Delete")}</button> })}
            </p>
        </form>
    }
    .into_any()
}
