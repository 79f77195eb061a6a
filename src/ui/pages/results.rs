//! Results: per-section scores and levels with a chart, what drove them, red flags, knowledge
//! gaps, unanswered required questions, recommendations, and the PDF export.

use crate::actions::Finding;
use crate::answers::answer_text;
use crate::model::Questionnaire;
use crate::route::Route;
use crate::scoring::{display_score, score};
use crate::ui::components::chart::{Bar, ScoreChart};
use crate::ui::export::make_file;
use crate::ui::state::{local_now, use_app};
use crate::ui::Tr;
use crate::worker::{ReportRequest, Request};
use crate::{t, ts};
use leptos::prelude::*;

#[derive(Clone, PartialEq)]
enum ExportState {
    Idle,
    Working(Format),
    Done(String),
    Failed(String),
}

/// The report files.
#[derive(Clone, Copy, PartialEq)]
enum Format {
    Pdf,
    Markdown,
    /// The accessible HTML page (the PDF is not tagged).
    Html,
}

#[component]
pub fn ResultsPage(id: String) -> impl IntoView {
    let app = use_app();
    let aid = id.clone();
    super::gated(app, id, move |a0, q, source| {
        page(app, aid.clone(), a0, (*q).clone(), source)
    })
}

fn page(
    app: crate::ui::state::AppState,
    id: String,
    a0: crate::answers::Assessment,
    q: Questionnaire,
    source: std::sync::Arc<[u8]>,
) -> AnyView {
    let o = score(&q, &a0);
    let a = a0.clone();
    // The action plan: each finding can become an action in one click.
    let plan = crate::ui::components::plan::plan_memo(app, id.clone());
    let plan_href = Route::Plan { id: id.clone() }.href();
    let qa = std::sync::Arc::new(q.clone());
    let lang = crate::i18n::lang();
    let maker =
        |finding: Finding,
         key: String,
         about: String,
         make: std::sync::Arc<dyn Fn(&str, &str) -> crate::actions::Action + Send + Sync>| {
            crate::ui::components::plan::make_button(
                app,
                id.clone(),
                plan,
                finding,
                &key,
                about,
                plan_href.clone(),
                move |n: &str, t: &str| make(n, t),
            )
        };
    // The language of questionnaire texts, answers and legal conclusions.
    let locale = crate::i18n::lang().code();
    let qtext = |qid: &str| {
        q.question(qid)
            .map(|r| crate::ui::loc(&r.question.text).into_any())
            .unwrap_or_else(|| qid.to_string().into_any())
    };
    let link = |sid: &str, qid: &str| {
        Route::Assessment {
            id: id.clone(),
            section: Some(sid.to_string()),
            question: Some(qid.to_string()),
        }
        .href()
    };
    let sec_title = |sid: &str| {
        q.section(sid)
            .map(|(_, s)| s.title.tr().to_string())
            .unwrap_or_default()
    };
    let band_label = |i: usize| {
        q.bands
            .get(i)
            .map(|b| b.label.tr().to_string())
            .unwrap_or_default()
    };

    // Overall
    let overall = match (o.overall, o.overall_level.clone()) {
        (Some(v), Some(level)) => {
            let band = &q.bands[level.band_index];
            view! {
                <div class=format!("overall level-{}", level.band_index)>
                    <p class="overall-score"><span class="big">{display_score(v)}</span>" / 100"</p>
                    <div>
                        <p class="overall-level">{crate::ui::loc(&band.label)}</p>
                        <p>{crate::ui::loc(&band.meaning)}</p>
                        {level.raised.as_ref().map(|r| view! { <p class="flag-text">{crate::scoring::raise_text(&q, r, locale)}</p> })}
                    </div>
                </div>
            }
            .into_any()
        }
        _ => view! { <p class="alert">{ts!("No scored question has been answered yet, so there is no score.")}</p> }.into_any(),
    };

    // Chart + table
    let bars: Vec<Bar> = o
        .sections
        .iter()
        .map(|s| Bar {
            label: sec_title(&s.section_id),
            score: s.score,
            band: s.level.as_ref().map(|l| l.band_index).unwrap_or(0),
        })
        .collect();
    let bands: Vec<(f64, String)> = q
        .bands
        .iter()
        .map(|b| (b.max_score, b.label.tr().to_string()))
        .collect();
    let rows = o
        .sections
        .iter()
        .map(|s| {
            let title = sec_title(&s.section_id);
            let href = Route::Assessment { id: id.clone(), section: Some(s.section_id.clone()), question: None }.href();
            let (score_txt, level_txt) = match (&s.score, &s.level) {
                (Some(v), Some(l)) if l.raised.is_some() => (display_score(*v), t!("{0} (raised by red flag)", band_label(l.band_index))),
                (Some(v), Some(l)) => (display_score(*v), band_label(l.band_index)),
                _ => ("—".to_string(), t!("not scored yet")),
            };
            let top = s
                .top
                .iter()
                .map(|c| {
                    let answer = q.question(&c.question_id).and_then(|r| answer_text(r.question, &a, locale)).unwrap_or_default();
                    let points = c.points.round() as i64;
                    let points = if points == 1 { t!("“{0}”: 1 point", answer) } else { t!("“{0}”: {1} points", answer, points) };
                    view! {
                        <li>
                            <a href=link(&s.section_id, &c.question_id)>{qtext(&c.question_id)}</a>
                            " — "{points}
                            {c.red_flag.then(|| view! { <span class="badge badge-flag">{ts!("red flag")}</span> })}
                        </li>
                    }
                })
                .collect_view();
            let has_top = !s.top.is_empty();
            view! {
                <tr>
                    <th scope="row"><a href=href>{title.clone()}</a></th>
                    <td class="num">{score_txt}</td>
                    <td>{level_txt}</td>
                    <td class="num">{s.red_flags}</td>
                    <td class="num">{s.scored_answered}"/"{s.scored_visible}</td>
                </tr>
                {has_top.then(|| view! {
                    <tr class="drivers">
                        <td colspan="5">
                            <details>
                                <summary>{t!("What drove the score of “{0}”", title)}</summary>
                                <ul>{top}</ul>
                            </details>
                        </td>
                    </tr>
                })}
            }
        })
        .collect_view();

    // Lists of questions that link back to where they are answered.
    // "Stop" conclusions of the legal triage count as red flags, first.
    let red_flags = panel(
        "flags",
        t!("Red flags"),
        Some(t!("Each of these is a serious problem on its own.")),
        true,
        o.stops
            .iter()
            .map(|s| {
                view! { <li><strong>{ts!("Stop:")}</strong>" "{crate::ui::loc(&s.conclusion)}" "<span class="muted">"("{t!("{0} legal triage", s.framework.label())}")"</span></li> }.into_any()
            })
            .chain(o.red_flags.iter().map(|f| {
                let answer = q.question(&f.question_id).and_then(|r| answer_text(r.question, &a, locale)).unwrap_or_default();
                view! { <li><a href=link(&f.section_id, &f.question_id)>{qtext(&f.question_id)}</a>" — "{t!("you answered “{0}”.", answer)}</li> }.into_any()
            }))
            .collect(),
    );
    // Answers that contradict each other (the questionnaire's consistency checks).
    let contradictions = {
        let checks = crate::consistency::check(&q, &a);
        (!checks.is_empty()).then(|| {
            let items = checks
                .iter()
                .map(|c| {
                    let qs = c
                        .questions
                        .iter()
                        .map(|(sid, qid)| {
                            let answer = q.question(qid).and_then(|r| answer_text(r.question, &a, locale)).unwrap_or_else(|| t!("not answered"));
                            view! { <li><a href=link(sid, qid)>{qtext(qid)}</a>" — “"{answer}"”"</li> }
                        })
                        .collect_view();
                    view! { <li class="check" data-check=c.id.clone()><p>{crate::ui::loc(&c.message)}</p><ul>{qs}</ul></li> }
                })
                .collect_view();
            view! {
                <section aria-labelledby="checks-heading" class="panel panel-check">
                    <h2 id="checks-heading">{ts!("Answers to check")}</h2>
                    <p>{ts!("These answers seem to contradict each other. Check them, and change the answer that is wrong or explain both in a note.")}</p>
                    <ul class="checks">{items}</ul>
                </section>
            }
        })
    };
    let simple = |list: &[(String, String)]| -> Vec<AnyView> {
        list.iter()
            .map(|(sid, qid)| view! { <li><a href=link(sid, qid)>{qtext(qid)}</a></li> }.into_any())
            .collect()
    };
    let gaps = panel(
        "gaps",
        t!("Knowledge gaps"),
        Some(t!("You answered “Don't know” here. These count as the highest concern until you find out.")),
        false,
        o.knowledge_gaps
            .iter()
            .map(|(sid, qid)| {
                let (qa, qid2) = (qa.clone(), qid.clone());
                let about = q.question(qid).map(|r| r.question.text.tr().to_string()).unwrap_or_default();
                let button = maker(Finding::Gap(qid.clone()), format!("gap-{qid}"), about, std::sync::Arc::new(move |n, t| crate::actions::from_gap(n, &qid2, &qa, lang, t)));
                view! { <li><a href=link(sid, qid)>{qtext(qid)}</a>" "{button}</li> }.into_any()
            })
            .collect(),
    );
    let missing = panel(
        "missing",
        t!("Required questions not answered yet"),
        None,
        false,
        o.unanswered_required
            .iter()
            .map(|m| view! { <li><a href=link(&m.section_id, &m.question_id)>{qtext(&m.question_id)}</a>" ("{sec_title(&m.section_id)}")"</li> }.into_any())
            .collect(),
    );
    let unjustified = panel(
        "na",
        t!("“Not applicable” without a reason"),
        Some(t!(
            "These answers count only when their note gives a short reason."
        )),
        false,
        simple(&o.unjustified_na),
    );

    let removed = panel(
        "removed",
        t!("Answers to removed questions"),
        Some(t!("This version of the questionnaire no longer has these questions or answer options. Their answers and notes are kept, but not scored.")),
        false,
        crate::answers::removed_answers(&q, &a)
            .into_iter()
            .map(|(qid, r)| {
                let answer = r.answer.as_ref().map(crate::answers::raw_answer_text).unwrap_or_else(|| t!("no answer"));
                let note = (!r.note.trim().is_empty()).then(|| format!(" {}", t!("Note: {0}", r.note.trim())));
                let moved = crate::answers::moved_to_text(&q, qid, locale).map(|m| format!(" ({m})"));
                view! { <li><code>{qid.to_string()}</code>": "{answer}{note}<span class="muted">{moved}</span></li> }.into_any()
            })
            .collect(),
    );

    // Legal triage per framework: status, role, conclusions and dated duties.
    let today = crate::files::date_part(&local_now()).to_string();
    let duty_button = |d: &crate::triage::DutyItem| {
        let (d2, today) = (d.clone(), today.clone());
        maker(
            Finding::Duty(d.id.clone()),
            format!("duty-{}", d.id),
            d.text.tr().to_string(),
            std::sync::Arc::new(move |n, t| crate::actions::from_duty(n, &d2, lang, &today, t)),
        )
        .into_any()
    };
    let triage = crate::ui::components::triage::triage_panel(
        &q,
        &a,
        &local_now(),
        Some(&link),
        Some(&duty_button),
        t!("Legal triage"),
    );

    let recommendations = {
        let mut groups: Vec<(crate::model::LocalText, Vec<AnyView>)> = Vec::new();
        for s in &q.sections {
            let items: Vec<AnyView> = o
                .recommendations
                .iter()
                .filter(|r| r.section_id == s.id)
                .map(|r| {
                    let (qa, r2) = (qa.clone(), r.clone());
                    let button = maker(
                        Finding::Recommendation(r.question_id.clone()),
                        format!("rec-{}", r.question_id),
                        r.text.tr().to_string(),
                        std::sync::Arc::new(move |n, t| crate::actions::from_recommendation(n, &r2, &qa, lang, t)),
                    );
                    view! {
                        <li class:flagged=r.red_flag>
                            {r.red_flag.then(|| view! { <span class="badge badge-flag">{ts!("red flag")}</span>" " })}
                            <span>{crate::ui::loc(&r.text)}</span>
                            <span class="muted small">" — "{ts!("from:")}" "<a href=link(&r.section_id, &r.question_id)>{qtext(&r.question_id)}</a></span>
                            " "{button}
                        </li>
                    }
                    .into_any()
                })
                .collect();
            if !items.is_empty() {
                groups.push((s.title.clone(), items));
            }
        }
        if groups.is_empty() {
            view! { <p class="muted">{ts!("No actions follow from your answers so far.")}</p> }
                .into_any()
        } else {
            groups
                .into_iter()
                .map(|(title, items)| view! { <h3>{crate::ui::loc(&title)}</h3><ul class="recs">{items}</ul> })
                .collect_view()
                .into_any()
        }
    };

    // Export through the report worker (PDF or Markdown).
    let export_state = RwSignal::new(ExportState::Idle);
    // The report may be made in either language, whatever the interface's.
    let report_lang = RwSignal::new(crate::i18n::lang());
    let busy = move || matches!(export_state.get(), ExportState::Working(_));
    let aid = id.clone();
    let start_export = move |format: Format| {
        if matches!(export_state.get_untracked(), ExportState::Working(_)) {
            return;
        }
        let Some(assessment) = app.assessment(&aid) else {
            return;
        };
        export_state.set(ExportState::Working(format));
        let mime = match format {
            Format::Pdf => "application/pdf",
            Format::Markdown => "text/markdown;charset=utf-8",
            Format::Html => "text/html;charset=utf-8",
        };
        app.announce(match format {
            Format::Pdf => t!("Preparing the PDF report…"),
            Format::Markdown => t!("Preparing the Markdown file…"),
            Format::Html => t!("Preparing the HTML page…"),
        });
        let request = ReportRequest {
            fonts: None,
            questionnaire: source.to_vec(),
            assessment,
            generated_at: local_now(),
            lang: report_lang.get_untracked(),
        };
        let request = match format {
            Format::Pdf => Request::Pdf(request),
            Format::Markdown => Request::Markdown(request),
            Format::Html => Request::Html(request),
        };
        make_file(request, move |result| {
            let state = match result.and_then(|(name, bytes)| {
                crate::ui::download::download(&bytes, &name, mime).map(|_| name)
            }) {
                Ok(name) => ExportState::Done(name),
                Err(e) => ExportState::Failed(match format {
                    Format::Markdown => t!("The Markdown file could not be made: {0}.", e),
                    Format::Html => t!("The HTML page could not be made: {0}.", e),
                    Format::Pdf => t!("The PDF report could not be made: {0}.", e),
                }),
            };
            let msg = match &state {
                ExportState::Done(n) => t!("Downloaded: {0}", n),
                ExportState::Failed(e) => e.clone(),
                _ => String::new(),
            };
            app.announce(msg);
            export_state.set(state);
        });
    };
    let start_md = start_export.clone();
    let start_html = start_export.clone();
    let export_status = move || {
        match export_state.get() {
        ExportState::Idle => ().into_any(),
        ExportState::Working(_) => view! { <p class="muted">{ts!("Preparing the file… the first time takes a moment.")}</p> }.into_any(),
        ExportState::Done(name) => view! { <p class="ok">{t!("Downloaded “{0}”.", name)}</p> }.into_any(),
        ExportState::Failed(e) => view! { <p class="alert alert-error" role="alert">{e}" "{ts!("You can try again.")}</p> }.into_any(),
    }
    };

    // The assessment file: the stored format, which the elsa-report CLI also reads.
    let aid = id.clone();
    // A custom questionnaire travels in the file (bundled ones by id and version only).
    let q_export = qa.clone();
    let export_json = move |_| {
        let Some(a) = app.assessment(&aid) else {
            return;
        };
        let name = crate::files::assessment_json(&a, &local_now());
        let state = match crate::ui::download::download(
            crate::persist::encode_exported(&a, &q_export, crate::i18n::lang()).as_bytes(),
            &name,
            "application/json",
        ) {
            Ok(()) => ExportState::Done(name),
            Err(e) => ExportState::Failed(t!("The answers file could not be saved: {0}.", e)),
        };
        export_state.set(state);
    };

    // A returned ethics review is read and answered in the studio (it carries the code for
    // reviews; the first page load does not).
    let review = a0.review().map(|r| {
        let href = format!("#/review/reply/{id}");
        let conditions = (!r.conditions.trim().is_empty()).then(|| {
            let c = r.conditions.clone();
            let c2 = c.clone();
            let button = maker(Finding::ReviewConditions, "conditions".into(), t!("the reviewer's conditions"), std::sync::Arc::new(move |n, t| crate::actions::from_review_conditions(n, &c2, t)));
            view! { <p><strong>{ts!("Conditions:")}</strong>" "<span class="pre">{c}</span>" "{button}</p> }
        });
        let comments = r
            .comments
            .iter()
            .filter(|(_, c)| c.status != crate::review::CommentStatus::Ok && !c.text.trim().is_empty())
            .map(|(qid, c)| {
                let (qa, qid2, c2) = (qa.clone(), qid.clone(), c.clone());
                let about = q.question(qid).map(|x| x.question.text.tr().to_string()).unwrap_or_else(|| qid.clone());
                let button = maker(Finding::ReviewComment(qid.clone()), format!("review-{qid}"), about, std::sync::Arc::new(move |n, t| crate::actions::from_review_comment(n, &qid2, &c2, &qa, lang, t)));
                let target = q.question(qid).map(|x| link(&x.section.id, qid));
                view! {
                    <li>
                        <span class="badge">{c.status.label()}</span>" "
                        {match target { Some(h) => view! { <a href=h>{qtext(qid)}</a> }.into_any(), None => qtext(qid) }}
                        ": "<span class="pre">{c.text.clone()}</span>" "{button}
                    </li>
                }
            })
            .collect::<Vec<_>>();
        view! {
            <section aria-labelledby="review-heading" class="panel">
                <h2 id="review-heading">{ts!("Ethics review")}</h2>
                <p>{ts!("A reviewer returned comments on these answers.")}" "<a href=href>{ts!("Read the review and reply")}</a></p>
                {conditions}
                {(!comments.is_empty()).then(|| view! { <ul>{comments}</ul> })}
            </section>
        }
    });

    let title = t!("Results: {0}", a0.display_name());
    let back = Route::Assessment {
        id: id.clone(),
        section: a0.last_section.clone(),
        question: None,
    }
    .href();
    let chart_title = t!("Bar chart of the concern score per section of {0}, from 0 to 100. The same numbers are in the table below.", a0.display_name());
    let qtitle = t!("{0} · version {1}", q.title.tr(), q.version);

    view! {
        <div class="results">
            <p class="crumbs"><a href="#/">{ts!("Assessments")}</a>" / "<a href=back.clone()>{a0.display_name().to_string()}</a>" / "{ts!("Results")}</p>
            <h1>{title}</h1>
            <p class="muted">{qtitle}</p>
            <div class="export-bar">
                <button type="button" class="button primary" on:click=move |_| start_export(Format::Pdf) disabled=busy>
                    {move || if export_state.get() == ExportState::Working(Format::Pdf) { t!("Preparing PDF…") } else { t!("Export PDF report") }}
                </button>
                <button type="button" class="button" on:click=export_json>{ts!("Export answers (JSON)")}</button>
                <button type="button" class="button" on:click=move |_| start_md(Format::Markdown) disabled=busy>{ts!("Export Markdown")}</button>
                <button type="button" class="button" on:click=move |_| start_html(Format::Html) disabled=busy>{ts!("Export accessible HTML")}</button>
                <button type="button" class="button" on:click=|_| { if let Some(w) = web_sys::window() { let _ = w.print(); } }>{ts!("Print")}</button>
                <a class="button" href=back>{ts!("Back to the questions")}</a>
                <label class="report-lang">{ts!("Report language")}
                    <select on:change=move |ev| if let Some(l) = crate::i18n::Lang::from_code(&event_target_value(&ev)) { report_lang.set(l) }>
                        {crate::i18n::Lang::ALL.into_iter().map(|l| view! {
                            <option value=l.code() lang=l.code() selected=l == report_lang.get_untracked()>{l.name()}</option>
                        }).collect_view()}
                    </select>
                </label>
                <div aria-live="polite">{export_status}</div>
            </div>
            <section aria-labelledby="plan-heading" class="panel plan-summary">
                <h2 id="plan-heading">{ts!("Action plan")}</h2>
                {move || {
                    let list = plan.get();
                    let today = crate::files::date_part(&local_now()).to_string();
                    (!list.is_empty()).then(|| crate::ui::components::plan::counts(&list, &today))
                }}
                <p>{ts!("Turn the findings below into actions with an owner and a due date: use “Make an action”.")}" "<a href=plan_href.clone()>{ts!("Open the action plan")}</a></p>
            </section>
            <section aria-labelledby="overall-heading">
                <h2 id="overall-heading">{ts!("Overall")}</h2>
                {overall}
                <p class="muted small">{ts!("Scores run from 0 (no concern) to 100 (highest concern).")}" "<a href="#/scoring">{ts!("How scoring works")}</a></p>
            </section>
            <section aria-labelledby="sections-heading">
                <h2 id="sections-heading">{ts!("Scores per section")}</h2>
                <ScoreChart bars=bars bands=bands title=chart_title/>
                <div class="table-scroll">
                    <table class="scores">
                        <caption class="sr-only">{ts!("Score, level, red flags and answered questions per section")}</caption>
                        <thead><tr><th scope="col">{ts!("Section")}</th><th scope="col">{ts!("Score")}</th><th scope="col">{ts!("Level")}</th><th scope="col">{ts!("Red flags")}</th><th scope="col">{ts!("Answered")}</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </section>
            {review}
            {red_flags}
            {contradictions}
            {triage}
            {gaps}
            {missing}
            {unjustified}
            {removed}
            <section aria-labelledby="recs-heading">
                <h2 id="recs-heading">{ts!("Recommended actions")}</h2>
                {recommendations}
            </section>
        </div>
    }
    .into_any()
}

/// A results panel with a heading and a list; nothing when the list is empty.
fn panel(
    key: &str,
    title: String,
    intro: Option<String>,
    flag: bool,
    items: Vec<AnyView>,
) -> Option<AnyView> {
    if items.is_empty() {
        return None;
    }
    let heading_id = format!("{key}-heading");
    let labelled_by = heading_id.clone();
    Some(
        view! {
            <section aria-labelledby=labelled_by class="panel" class:panel-flag=flag>
                <h2 id=heading_id>{title}</h2>
                {intro.map(|t| view! { <p>{t}</p> })}
                <ul>{items}</ul>
            </section>
        }
        .into_any(),
    )
}
