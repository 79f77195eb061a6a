//! The legal triage panel: per framework its status, the team's roles, the conclusions with
//! the answers that made them fire, and the duties with their dates and statuses. Rendered by
//! the results page and the reviewer's page from [`crate::triage::triage`]; no rules here.

use crate::answers::Assessment;
use crate::model::Questionnaire;
use crate::{t, ts};
use leptos::prelude::*;

/// The panel for an assessment, with duties dated for its own date (else `today`). `link`
/// makes each reason a link to its question (section id, question id → address); `title` is
/// the panel's heading; `duty_action` adds a control under each duty ("Make an action").
pub fn triage_panel(
    q: &Questionnaire,
    a: &Assessment,
    today: &str,
    link: Option<&dyn Fn(&str, &str) -> String>,
    duty_action: Option<&dyn Fn(&crate::triage::DutyItem) -> AnyView>,
    title: String,
) -> Option<AnyView> {
    if q.triage.is_empty() {
        return None;
    }
    let locale = crate::i18n::lang().code();
    let qtext = |qid: &str| {
        q.question(qid)
            .map(|r| crate::ui::loc(&r.question.text).into_any())
            .unwrap_or_else(|| qid.to_string().into_any())
    };
    let tr = crate::triage::triage_of(q, a, locale, today);
    let frameworks = tr
        .frameworks
        .iter()
        .map(|f| {
            let status_class = match f.status {
                crate::triage::Status::Applies => "badge badge-applies",
                crate::triage::Status::Unclear | crate::triage::Status::NotAnswered => "badge badge-gap",
                crate::triage::Status::NotApplicable => "badge",
            };
            let items = f
                .conclusions
                .iter()
                .map(|c| {
                    let severity = match (c.finding, c.severity) {
                        (crate::model::Finding::NotApplicable, _) => ("badge", t!("does not apply")),
                        (crate::model::Finding::Unclear, _) => ("badge badge-gap", t!("unclear")),
                        (_, crate::model::Severity::Stop) => ("badge badge-flag", t!("stop: red flag")),
                        (_, crate::model::Severity::High) => ("badge badge-strong", t!("high")),
                        (_, crate::model::Severity::Attention) => ("badge badge-gap", t!("attention")),
                        (_, crate::model::Severity::Info) => ("badge", t!("for information")),
                    };
                    let reasons = c
                        .reasons
                        .iter()
                        .map(|r| {
                            let answer = r.answer.clone().unwrap_or_else(|| t!("not answered"));
                            let text = match link {
                                Some(link) => view! { <a href=link(&r.section_id, &r.question_id)>{qtext(&r.question_id)}</a> }.into_any(),
                                None => qtext(&r.question_id),
                            };
                            view! { <li>{text}" — “"{answer}"”"</li> }
                        })
                        .collect_view();
                    let refs = crate::i18n::references(&c.references);
                    view! {
                        <li class="conclusion">
                            <p class="conclusion-head">
                                <span class=severity.0>{severity.1}</span>" "
                                <strong>{crate::ui::loc(&c.conclusion)}</strong>{ts!(", because you answered:")}
                            </p>
                            <ul>{reasons}</ul>
                            {(!c.explanation.0.is_empty()).then(|| view! { <p>{crate::ui::loc(&c.explanation)}</p> })}
                            {(!refs.is_empty()).then(|| view! { <p class="refs"><span class="refs-label">{ts!("Sources:")}" "</span>{refs}</p> })}
                        </li>
                    }
                })
                .collect_view();
            let duties = (!f.duties.is_empty()).then(|| {
                let table = crate::triage::duty_table(f, locale);
                let [h1, h2, h3, h4] = crate::triage::duty_headers();
                let labels = [h1.clone(), h2.clone(), h3.clone(), h4.clone()];
                let rows = f
                    .duties
                    .iter()
                    .zip(table.rows)
                    .map(|(d, [duty, role, source, when])| {
                        let when_class = match d.status {
                            crate::triage::DateStatus::InForce => "duty-in-force",
                            _ => "duty-upcoming",
                        };
                        view! {
                            <tr role="row">
                                <td role="cell" data-label=labels[0].clone()>
                                    {duty}
                                    {(!d.detail.0.is_empty()).then(|| view! { <br/><span class="muted">{crate::ui::loc(&d.detail)}</span> })}
                                    {duty_action.map(|f| view! { <br/>{f(d)} })}
                                </td>
                                <td role="cell" data-label=labels[1].clone()>{role}</td>
                                <td role="cell" data-label=labels[2].clone()>{source}</td>
                                <td role="cell" class=when_class data-label=labels[3].clone()>{when}</td>
                            </tr>
                        }
                    })
                    .collect_view();
                let notes = table
                    .notes
                    .into_iter()
                    .enumerate()
                    .map(|(i, n)| view! { <p class="small muted">{format!("[{}] {n}", i + 1)}</p> })
                    .collect_view();
                view! {
                    <div class="table-scroll">
                        <table class="duties" role="table">
                            <caption>{t!("Duties ({0})", f.duties.len())}</caption>
                            <thead><tr role="row">
                                <th scope="col" role="columnheader">{h1}</th>
                                <th scope="col" role="columnheader">{h2}</th>
                                <th scope="col" role="columnheader">{h3}</th>
                                <th scope="col" role="columnheader">{h4}</th>
                            </tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                    {notes}
                }
            });
            let hid = format!("triage-{}", crate::triage::framework_slug(f.framework));
            let labelled_by = hid.clone();
            view! {
                <section class="framework" aria-labelledby=labelled_by>
                    <h3 id=hid>{f.framework.label()}": "<span class=status_class>{f.status.label()}</span>
                        {f.has_unclear.then(|| t!(" (some points unclear)"))}</h3>
                    <p><strong>{crate::triage::roles_line(f)}</strong></p>
                    {f.conclusions.is_empty().then(|| view! { <p class="muted">{ts!("No conclusion yet: answer the legal triage questions for this framework.")}</p> })}
                    <ul class="conclusions">{items}</ul>
                    {duties}
                </section>
            }
        })
        .collect_view();
    Some(view! {
        <section aria-labelledby="triage-heading" class="panel">
            <h2 id="triage-heading">{title}</h2>
            <p class="notice"><strong>{crate::triage::disclaimer_title()}</strong>" "{crate::triage::disclaimer_body()}</p>
            <p class="muted">{crate::triage::triage_dates_line(&tr)}</p>
            {frameworks}
        </section>
    }
    .into_any())
}
