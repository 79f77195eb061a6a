//! The workshop view: an educator loads many teams' files of one case, compares their section
//! scores, and opens the discussion with the questions the teams split on. The rules (which
//! files join, labels, the stored form) are `crate::workshop::Workshop`'s; this view holds one
//! in the studio's state, saves it under its own key (`elsa.v1.workshop`), apart from the
//! user's own assessments, and renders it. Clearing the workshop removes that key and nothing
//! else.

use super::{dropped_files, go, import_file, questionnaire_of, read_files, save_file, take_files};
use crate::model::{Question, Questionnaire};
use crate::route::StudioRoute;
use crate::ui::state::use_app;
use crate::ui::storage;
use crate::ui::Tr;
use crate::workshop::{AddOutcome, QuestionSplit, SectionStats, Workshop, WORKSHOP_KEY};
use crate::{t, ts};
use leptos::prelude::*;
use std::sync::Arc;

/// The language of questionnaire texts, the CSV and the PDF summary: the interface language.
fn locale() -> &'static str {
    crate::i18n::lang().code()
}

/// The stored workshop (the studio reads it once, at start), and a problem reading it. A
/// stored value that cannot be read is left untouched until new files replace it.
pub(super) fn load() -> (Workshop, Option<String>) {
    match storage::get(WORKSHOP_KEY) {
        Ok(None) => (Workshop::new(), None),
        Ok(Some(text)) => match Workshop::from_stored(&text) {
            Ok(w) => (w, None),
            Err(e) => (Workshop::new(), Some(t!("The saved workshop could not be read ({0}). It was left untouched; loading new files will replace it.", e))),
        },
        Err(e) => (Workshop::new(), Some(t!("The saved workshop could not be read: {0}.", e))),
    }
}

pub(super) fn save(w: &Workshop) -> Result<(), String> {
    storage::set(WORKSHOP_KEY, &w.to_stored()).map_err(|e| {
        if e.quota {
            t!("This browser's storage is full, so the workshop is kept in this tab only. Export the CSV to keep the answers.")
        } else {
            t!("The workshop could not be saved on this device ({0}); it is kept in this tab only.", e.message)
        }
    })
}

/// An answer group's key in words (`a+b` → "Label A; Label B"), as the PDF summary says it.
fn group_label(q: &Question, key: &str) -> String {
    crate::report::workshop::answer_key_text(q, key, locale())
}

fn pct(v: f64) -> String {
    format!("{}%", (v * 100.0).round() as i64)
}

fn one_decimal(v: Option<f64>) -> String {
    v.map(|v| crate::i18n::num(v, 1))
        .unwrap_or_else(|| "–".into())
}

fn perf_now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// Everything the comparison shows, computed once per change of the teams.
#[derive(Clone)]
struct Computed {
    q: Arc<Questionnaire>,
    bytes: Arc<[u8]>,
    stats: Vec<SectionStats>,
    splits: Vec<QuestionSplit>,
}

impl PartialEq for Computed {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.q, &other.q) && self.stats == other.stats && self.splits == other.splits
    }
}

#[component]
pub fn WorkshopPage() -> impl IntoView {
    let app = use_app();
    let st = super::use_studio();
    let workshop = st.workshop;
    // The number of teams: the table and the sections are built again only when it changes,
    // never on a new label (that would take the keyboard focus away).
    let count = Memo::new(move |_| workshop.with(Workshop::len));
    let errors = RwSignal::new(
        st.workshop_problem
            .get_untracked()
            .into_iter()
            .collect::<Vec<_>>(),
    );
    let status = RwSignal::new(None::<String>);
    let load_ms = RwSignal::new(None::<f64>);
    let dragging = RwSignal::new(false);
    let show_all = RwSignal::new(false);
    let input = NodeRef::<leptos::html::Input>::new();

    let persist = move || {
        if let Err(e) = workshop.with_untracked(save) {
            errors.update(|v| v.push(e));
        }
    };

    let add_files = move |files: Vec<web_sys::File>| {
        if files.is_empty() {
            return;
        }
        let started = perf_now();
        status.set(Some(if files.len() == 1 {
            t!("Reading 1 file…")
        } else {
            t!("Reading {0} files…", files.len())
        }));
        leptos::task::spawn_local(async move {
            // Every file read and checked first, then offered to the workshop in one step, in
            // the order picked.
            let mut opened = Vec::new();
            for p in read_files(files).await {
                opened.push(match p {
                    Ok(p) => import_file(app, &p).await.map(|a| (a, p.name)),
                    Err(e) => Err(e),
                });
            }
            let mut problems = Vec::new();
            let mut added = 0;
            workshop.update(|w| {
                for file in opened {
                    match file {
                        Err(e) => problems.push(e),
                        Ok((a, name)) => match w.add(a, &name) {
                            AddOutcome::Added => added += 1,
                            other => problems.extend(other.problem(&name)),
                        },
                    }
                }
            });
            errors.set(problems);
            persist();
            let total = workshop.with_untracked(Workshop::len);
            let msg = match (added == 1, total == 1) {
                (true, true) => t!("Added 1 team file; the workshop has 1 team."),
                (true, false) => t!("Added 1 team file; the workshop has {0} teams.", total),
                (false, true) => t!("Added {0} team files; the workshop has 1 team.", added),
                (false, false) => t!(
                    "Added {0} team files; the workshop has {1} teams.",
                    added,
                    total
                ),
            };
            app.announce(msg.clone());
            status.set(Some(msg));
            // Time to the comparison on screen: after the next frame is drawn.
            // (the second frame callback runs after the first paint of the comparison).
            request_animation_frame(move || {
                request_animation_frame(move || load_ms.set(Some(perf_now() - started)))
            });
        });
    };

    let on_change = move |_| {
        let files = take_files(input);
        add_files(files);
    };

    let clear = move |_| {
        let sure = web_sys::window()
            .and_then(|w| w.confirm_with_message(&t!("Clear the workshop? This removes the loaded team files from this workshop only. Your own assessments and reviews are not touched.")).ok())
            .unwrap_or(false);
        if !sure {
            return;
        }
        match storage::remove_key(WORKSHOP_KEY) {
            Ok(()) => {
                workshop.set(Workshop::new());
                errors.set(Vec::new());
                status.set(Some(t!("The workshop was cleared.")));
                app.announce(t!("The workshop was cleared"));
            }
            Err(e) => errors.set(vec![t!("The workshop could not be cleared: {0}.", e)]),
        }
    };

    let computed = Memo::new(move |_| {
        workshop.with(|w| {
            let (q, bytes) = questionnaire_of(app, w.first()?).ok()?;
            Some(Computed {
                stats: w.section_stats(&q),
                splits: w.disagreement(&q),
                q,
                bytes,
            })
        })
    });
    let label_of = move |i: usize| workshop.with(|w| w.label(i).unwrap_or_default().to_string());

    let export_csv = move |_| {
        let Some(c) = computed.get_untracked() else {
            return;
        };
        let text = workshop.with_untracked(|w| w.csv(&c.q, locale()));
        let name = crate::workshop::csv_file_name(&crate::ui::state::local_now());
        match save_file(text.as_bytes(), &name, "text/csv;charset=utf-8") {
            Ok(()) => status.set(Some(t!("Saved {0}.", name))),
            Err(e) => errors.set(vec![e]),
        }
    };
    let pdf_busy = RwSignal::new(false);
    let export_pdf = move |_| {
        let Some(c) = computed.get_untracked() else {
            return;
        };
        let req = crate::worker::WorkshopRequest {
            fonts: None,
            questionnaire: c.bytes.to_vec(),
            teams: workshop.with_untracked(|w| {
                w.teams()
                    .iter()
                    .map(|t| crate::worker::WorkshopTeam {
                        label: t.label.clone(),
                        assessment: t.assessment.clone(),
                    })
                    .collect()
            }),
            generated_at: crate::ui::state::local_now(),
            lang: crate::i18n::lang(),
        };
        pdf_busy.set(true);
        status.set(Some(t!("Building the PDF summary…")));
        crate::ui::export::make_file(crate::worker::Request::WorkshopPdf(req), move |r| {
            pdf_busy.set(false);
            match r
                .and_then(|(name, bytes)| save_file(&bytes, &name, "application/pdf").map(|_| name))
            {
                Ok(name) => {
                    app.announce(t!("PDF summary saved"));
                    status.set(Some(t!("Saved {0}.", name)));
                }
                Err(e) => errors.set(vec![t!("The PDF summary could not be made: {0}", e)]),
            }
        });
    };

    let team_rows = move || {
        (0..count.get())
            .map(|i| {
                let project = workshop.with_untracked(|w| w.teams().get(i).map(|t| t.assessment.display_name()).unwrap_or_default());
                let label_id = format!("team-label-{i}");
                view! {
                    <tr>
                        <td>{i + 1}</td>
                        <td>
                            <label class="sr-only" for=label_id.clone()>{t!("Name of team {0}", i + 1)}</label>
                            <input id=label_id type="text" class="team-label" prop:value=move || label_of(i)
                                on:change=move |ev| {
                                    let v = event_target_value(&ev);
                                    workshop.update(|w| { w.relabel(i, &v); });
                                    persist();
                                }/>
                        </td>
                        <td>{project}</td>
                        <td>
                            <button type="button" class="button small" aria-label=move || t!("Remove {0}", label_of(i))
                                on:click=move |_| {
                                    workshop.update(|w| { w.remove(i); });
                                    persist();
                                }>{ts!("Remove")}</button>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };

    view! {
        <h1>{ts!("Workshop")}</h1>
        <p>{ts!("Load the files of every team that assessed the same case (the answers files or the PDF reports). Compare their scores, then discuss the questions the teams answered differently. The workshop is kept on this device, apart from your own assessments.")}</p>
        <div class=move || if dragging.get() { "drop-zone dragging" } else { "drop-zone" }
            on:dragover=move |ev: web_sys::DragEvent| { ev.prevent_default(); dragging.set(true); }
            on:dragleave=move |_| dragging.set(false)
            on:drop=move |ev: web_sys::DragEvent| { ev.prevent_default(); dragging.set(false); add_files(dropped_files(&ev)); }>
            <label class="file-label" for="workshop-files">{ts!("Choose team files (.json or .pdf; you can pick many at once)")}</label>
            <input id="workshop-files" type="file" multiple node_ref=input accept=".json,.pdf,application/json,application/pdf" on:change=on_change/>
            <p class="small muted">{ts!("Or drop the files here.")}</p>
        </div>
        <div aria-live="polite">
            {move || status.get().map(|s| view! { <p class="ok" id="workshop-status" data-load-ms=move || load_ms.get().map(|m| format!("{m:.1}"))>{s}</p> })}
        </div>
        {move || (!errors.get().is_empty()).then(|| view! {
            <div class="alert alert-error" role="alert">
                <ul>{errors.get().into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}</ul>
            </div>
        })}
        {move || {
            if count.get() == 0 {
                return view! { <p class="muted">{ts!("No team files loaded yet.")}</p> }.into_any();
            }
            view! {
                <section aria-labelledby="teams-h">
                    <h2 id="teams-h">{move || t!("Teams ({0})", count.get())}</h2>
                    <details class="team-list" open>
                        <summary>{ts!("Team names: taken from each file's assessors or project field; change them here")}</summary>
                        <div class="table-scroll" tabindex="0" role="region" aria-label=ts!("Team names")>
                            <table class="data-table">
                                <thead><tr><th scope="col">"#"</th><th scope="col">{ts!("Team")}</th><th scope="col">{ts!("Project in the file")}</th><th scope="col"><span class="sr-only">{ts!("Actions")}</span></th></tr></thead>
                                <tbody>{team_rows}</tbody>
                            </table>
                        </div>
                    </details>
                    <div class="actions">
                        <button type="button" class="button" on:click=export_csv>{ts!("Export CSV (all answers and scores)")}</button>
                        " "
                        <button type="button" class="button" prop:disabled=move || pdf_busy.get() on:click=export_pdf>{ts!("Export PDF summary")}</button>
                        " "
                        <button type="button" class="button danger" on:click=clear>{ts!("Clear workshop")}</button>
                    </div>
                </section>
            }.into_any()
        }}
        {move || {
            let Some(c) = computed.get() else {
                return workshop.with(|w| w.first().map(|a| questionnaire_of(app, a).err())).flatten().map(|m| view! { <p role="status">{m}</p> }.into_any());
            };
            Some(view! { <Comparison c=c.clone() workshop=workshop show_all=show_all/><ReferencePanel c=c workshop=workshop/> }.into_any())
        }}
    }
}

#[component]
fn Comparison(
    c: Computed,
    workshop: RwSignal<Workshop>,
    show_all: RwSignal<bool>,
) -> impl IntoView {
    let label_of = move |i: usize| {
        workshop
            .with(|w| w.label(i).map(str::to_string))
            .unwrap_or_else(|| t!("Team {0}", i + 1))
    };
    let q = c.q.clone();
    let n_teams = c.stats.first().map(|s| s.scores.len()).unwrap_or(0);
    let title = |sid: &str| {
        q.section(sid)
            .map(|(_, s)| s.title.tr().to_string())
            .unwrap_or_else(|| sid.to_string())
    };
    let head = c
        .stats
        .iter()
        .map(|s| view! { <th scope="col">{title(&s.section_id)}</th> })
        .collect_view();
    let rows = (0..n_teams)
        .map(|t| {
            let cells = c
                .stats
                .iter()
                .map(|s| view! { <td>{super::score_text(s.scores[t])}</td> })
                .collect_view();
            view! { <tr><th scope="row">{move || label_of(t)}</th>{cells}</tr> }
        })
        .collect_view();
    let stat_row = |name: String, f: fn(&SectionStats) -> Option<f64>| {
        let cells = c
            .stats
            .iter()
            .map(|s| view! { <td>{one_decimal(f(s))}</td> })
            .collect_view();
        view! { <tr class="stat-row"><th scope="row">{name}</th>{cells}</tr> }
    };
    let chart = dot_chart(&c.stats, &title);
    let splits = c.splits.clone();
    let split_count = splits.iter().filter(|s| s.disagreement > 0.0).count();
    let q2 = c.q.clone();
    view! {
        <section aria-labelledby="scores-h">
            <h2 id="scores-h">{ts!("Section scores per team")}</h2>
            <p class="small">{ts!("Scores run from 0 (no concern) to 100 (highest concern). Spread is the highest minus the lowest score.")}</p>
            <div class="table-scroll" tabindex="0" role="region" aria-label=ts!("Table of section scores per team")>
                <table class="data-table" id="workshop-scores">
                    <caption class="sr-only">{ts!("Section scores per team, with mean, median and spread")}</caption>
                    <thead><tr><th scope="col">{ts!("Team")}</th>{head}</tr></thead>
                    <tbody>
                        {rows}
                        {stat_row(t!("Mean"), |s| s.mean)}
                        {stat_row(t!("Median"), |s| s.median)}
                        {stat_row(t!("Spread"), |s| s.spread)}
                    </tbody>
                </table>
            </div>
            <figure class="chart-figure">
                {chart}
                <figcaption class="small">{ts!("Each dot is a team; the bar marks the mean, the shaded band the range. The table above gives the same numbers.")}</figcaption>
            </figure>
        </section>
        <section aria-labelledby="split-h">
            <h2 id="split-h">{ts!("Where the teams disagreed")}</h2>
            <p>
                {if split_count == 1 { t!("1 question got different answers.") } else { t!("{0} questions got different answers.", split_count) }}" "
                {ts!("Most disagreement first. Disagreement is the share of teams that did not give the most common answer: 0% when all agree, 50% for an even split between two answers.")}" "
                <a href=StudioRoute::Present { index: 0 }.href()>{ts!("Start the presentation view")}</a>
            </p>
            <ol class="split-list" id="split-list">
                {move || {
                    let limit = if show_all.get() { usize::MAX } else { 15 };
                    splits.iter().filter(|s| show_all.get() || s.disagreement > 0.0).take(limit).enumerate().map(|(i, s)| split_view(&q2, s, i, label_of)).collect_view()
                }}
            </ol>
            {move || (!show_all.get()).then(|| view! {
                <button type="button" class="button" on:click=move |_| show_all.set(true)>{ts!("Show every question, including those all teams agreed on")}</button>
            })}
        </section>
    }
}

/// One question's split: which teams gave which answer, and the help text for the discussion.
fn split_view(
    q: &Questionnaire,
    s: &QuestionSplit,
    index: usize,
    label_of: impl Fn(usize) -> String + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let Some(r) = q.question(&s.question_id) else {
        return None;
    };
    let question = r.question.clone();
    let help = (!question.help.tr().is_empty()).then(|| crate::ui::loc(&question.help));
    let groups = s
        .groups
        .iter()
        .map(|g| {
            let teams = g.teams.clone();
            let names = move || teams.iter().map(|t| label_of(*t)).collect::<Vec<_>>().join(", ");
            view! { <li><strong>{group_label(&question, &g.key)}</strong>{format!(" ({}): ", g.teams.len())}{names}</li> }
        })
        .collect_view();
    Some(view! {
        <li class="split" data-question=s.question_id.clone()>
            <h3>{crate::ui::loc(&question.text)}</h3>
            <p class="small muted">{crate::ui::loc(&r.section.title)}" · "{ts!("disagreement")}" "<strong class="disagreement">{pct(s.disagreement)}</strong>
                " · "{if s.answered == 1 { t!("1 team answered") } else { t!("{0} teams answered", s.answered) }}
                " · "<a href=StudioRoute::Present { index }.href()>{ts!("Present")}</a></p>
            <ul class="groups">{groups}</ul>
            {help.map(|help| view! { <details class="help"><summary>{ts!("Help text for the discussion")}</summary><p class="pre">{help}</p></details> })}
        </li>
    })
}

/// The reference of a worked case next to the teams (issue 18): chosen here, or found from the
/// teams' files (the example teams and practice assessments of a case carry its name in their
/// id). Per section the reference's score beside the teams' mean; per question the reference
/// answer, the teams that gave another, and the reference reasoning.
#[component]
fn ReferencePanel(c: Computed, workshop: RwSignal<Workshop>) -> impl IntoView {
    let app = use_app();
    let st = super::use_studio();
    let chosen = st.reference_case;
    let index = LocalResource::new(super::educators::fetch_index);
    let loaded = LocalResource::new(move || {
        let id = chosen.get();
        async move {
            match id {
                Some(id) => Some(super::educators::fetch_case(app, &id).await),
                None => None,
            }
        }
    });
    let label_of = move |i: usize| {
        workshop
            .with(|w| w.label(i).map(str::to_string))
            .unwrap_or_else(|| t!("Team {0}", i + 1))
    };
    let q = c.q.clone();
    let stats = c.stats.clone();
    let picker = move || {
        Suspend::new(async move {
            let list = index.await.unwrap_or_default();
            if chosen.get_untracked().is_none() {
                // The teams' files name their case: choose it.
                let found = workshop.with_untracked(|w| {
                    let ids: Vec<String> =
                        w.teams().iter().map(|t| t.assessment.id.clone()).collect();
                    list.iter()
                        .find(|e| {
                            !ids.is_empty()
                                && ids.iter().all(|i| {
                                    i.starts_with(&crate::cases::assessment_id_prefix(&e.id))
                                })
                        })
                        .map(|e| e.id.clone())
                });
                if found.is_some() {
                    chosen.set(found);
                }
            }
            let loc = crate::i18n::lang().code();
            let options = list
                .iter()
                .map(|e| {
                    let id = e.id.clone();
                    view! { <option value=id.clone() selected=move || chosen.get().as_deref() == Some(id.as_str())>{e.title.get(loc).to_string()}</option> }
                })
                .collect_view();
            view! {
                <label for="reference-case">{ts!("Show the reference answers of a worked case")}</label>" "
                <select id="reference-case" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    chosen.set((!v.is_empty()).then_some(v));
                }>
                    <option value="" selected=move || chosen.get().is_none()>{ts!("No reference")}</option>
                    {options}
                </select>
            }
        })
    };
    let body = move || {
        let q = q.clone();
        let stats = stats.clone();
        Suspend::new(async move {
            let l = match loaded.await {
                None => return None,
                Some(Err(e)) => return Some(view! { <p class="alert alert-error" role="alert">{t!("The case could not be loaded: {0}", e)}</p> }.into_any()),
                Some(Ok(l)) => l,
            };
            if (
                l.case.questionnaire.id.as_str(),
                l.case.questionnaire.version.as_str(),
            ) != (q.id.as_str(), q.version.as_str())
            {
                return Some(view! { <p role="status">{t!("This case is assessed with another questionnaire ({0} {1}) than the teams' files.", l.case.questionnaire.id, l.case.questionnaire.version)}</p> }.into_any());
            }
            let teams: Vec<crate::answers::Assessment> = workshop
                .with_untracked(|w| w.teams().iter().map(|t| t.assessment.clone()).collect());
            let view_ = crate::cases::compare(&q, &l.case, &l.reference, &teams);
            let loc = crate::i18n::lang().code();
            let section_rows = view_
                .sections
                .iter()
                .map(|(sid, score)| {
                    let mean = stats.iter().find(|s| &s.section_id == sid).and_then(|s| s.mean);
                    let title = q.section(sid).map(|(_, s)| s.title.tr().to_string()).unwrap_or_else(|| sid.clone());
                    view! { <tr><th scope="row">{title}</th><td>{super::score_text(*score)}</td><td>{one_decimal(mean)}</td></tr> }
                })
                .collect_view();
            let differing: Vec<_> = view_
                .rows
                .iter()
                .filter(|r| !r.differ.is_empty())
                .cloned()
                .collect();
            let count = differing.len();
            let rows = differing
                .into_iter()
                .map(|r| {
                    let question = q.question(&r.question_id).map(|x| x.question.clone());
                    let text = question.as_ref().map(|x| x.text.tr().to_string()).unwrap_or_else(|| r.question_id.clone());
                    let answer = question.as_ref().and_then(|x| crate::answers::answer_text(x, &l.reference, loc)).unwrap_or_default();
                    let names = r.differ.iter().map(|t| label_of(*t)).collect::<Vec<_>>().join(", ");
                    let why = r.reasoning.as_ref().map(|t| t.get(loc).to_string());
                    view! {
                        <li class="reference-row" data-question=r.question_id.clone()>
                            <h4>{text}</h4>
                            <p><strong>{ts!("Reference answer:")}</strong>" "{answer}</p>
                            <p><strong>{t!("Teams with another answer ({0}):", r.differ.len())}</strong>" "{names}</p>
                            {why.map(|w| view! { <p class="muted"><strong>{ts!("Why:")}</strong>" "{w}</p> })}
                        </li>
                    }
                })
                .collect_view();
            let reasoning = q
                .sections
                .iter()
                .filter_map(|s| {
                    l.case
                        .reference
                        .sections
                        .get(&s.id)
                        .map(|r| (s.title.tr().to_string(), r.get(loc).to_string()))
                })
                .map(|(t, r)| view! { <li><strong>{t}</strong>": "{r}</li> })
                .collect_view();
            Some(view! {
                <h3>{t!("Reference: {0}", l.case.title.get(loc))}</h3>
                <div class="table-scroll" tabindex="0" role="region" aria-label=ts!("Reference scores per section")>
                    <table class="data-table" id="reference-scores">
                        <caption class="sr-only">{ts!("The reference's score per section next to the teams' mean")}</caption>
                        <thead><tr><th scope="col">{ts!("Section")}</th><th scope="col">{ts!("Reference")}</th><th scope="col">{ts!("Teams' mean")}</th></tr></thead>
                        <tbody>{section_rows}</tbody>
                    </table>
                </div>
                <details class="help">
                    <summary>{ts!("The reference reasoning, section by section")}</summary>
                    <ul>{reasoning}</ul>
                </details>
                <p>{if count == 1 { t!("On 1 question a team differs from the reference.") } else { t!("On {0} questions a team differs from the reference.", count) }}</p>
                <ol class="reference-list" id="reference-list">{rows}</ol>
            }.into_any())
        })
    };
    view! {
        <section aria-labelledby="reference-h">
            <h2 id="reference-h">{ts!("Reference answers")}</h2>
            <Suspense fallback=|| ()>{picker}</Suspense>
            <Suspense fallback=|| view! { <p role="status">{ts!("Loading the case…")}</p> }>{body}</Suspense>
        </section>
    }
}

/// Per section: a 0–100 line, a dot per team, the mean as a bar and the range shaded.
fn dot_chart(stats: &[SectionStats], title: &dyn Fn(&str) -> String) -> impl IntoView {
    const W: i32 = 560;
    const ROW: i32 = 44;
    let x = |v: f64| (v.clamp(0.0, 100.0) * W as f64 / 100.0).round() as i32 + 10;
    let h = stats.len() as i32 * ROW + 24;
    let rows = stats
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let y = i as i32 * ROW;
            let have: Vec<f64> = s.scores.iter().flatten().copied().collect();
            let range = match (have.iter().copied().reduce(f64::min), have.iter().copied().reduce(f64::max)) {
                (Some(lo), Some(hi)) => Some(view! { <rect x=x(lo) y=y + 20 width=(x(hi) - x(lo)).max(2) height="16" class="range"/> }),
                _ => None,
            };
            let dots = have.iter().map(|v| view! { <circle cx=x(*v) cy=y + 28 r="4" class="dot"/> }).collect_view();
            let mean = s.mean.map(|m| view! { <rect x=x(m) - 1 y=y + 16 width="3" height="24" class="mean"/> });
            view! {
                <text x="10" y=y + 13 class="bar-label">{title(&s.section_id)}</text>
                <line x1=x(0.0) y1=y + 28 x2=x(100.0) y2=y + 28 class="axis"/>
                {range}{dots}{mean}
            }
        })
        .collect_view();
    let ticks = [0, 25, 50, 75, 100]
        .into_iter()
        .map(|t| view! { <text x=x(t as f64) y=h - 6 class="tick" text-anchor="middle">{t}</text> })
        .collect_view();
    view! {
        <svg class="chart" viewBox=format!("0 0 {} {h}", W + 20) role="img" aria-label=ts!("Section scores per team as dots, with the mean and the range") preserveAspectRatio="xMinYMin meet">
            {rows}{ticks}
        </svg>
    }
}

/// The presentation view: one question at a time, in large type, for a projector.
#[component]
pub fn PresentPage(index: usize) -> impl IntoView {
    let app = use_app();
    let st = super::use_studio();
    let chosen = st.reference_case.get_untracked();
    let reference = LocalResource::new(move || {
        let id = chosen.clone();
        async move {
            match id {
                Some(id) => super::educators::fetch_case(app, &id).await.ok(),
                None => None,
            }
        }
    });
    let revealed = RwSignal::new(false);
    let workshop = st.workshop.get_untracked();
    let Some(first) = workshop.first().cloned() else {
        return view! { <h1>{ts!("No workshop loaded")}</h1><p><a href="#/workshop">{ts!("Load the team files first")}</a>"."</p> }.into_any();
    };
    let present = |i: usize| go(StudioRoute::Present { index: i });
    let body = move || {
        let (q, _) = match questionnaire_of(app, &first) {
            Ok(x) => x,
            Err(m) => return view! { <p role="status">{m}</p> }.into_any(),
        };
        let splits = workshop.disagreement(&q);
        let total = splits.len();
        let Some(s) = splits.get(index.min(total.saturating_sub(1))) else {
            return view! { <p>{ts!("No team answered a choice question yet.")}</p> }.into_any();
        };
        let i = index.min(total - 1);
        let Some(r) = q.question(&s.question_id) else {
            return view! { <p>{ts!("This question is not in the questionnaire.")}</p> }.into_any();
        };
        let max = s.groups.first().map(|g| g.teams.len()).unwrap_or(1).max(1);
        let groups = s
            .groups
            .iter()
            .map(|g| {
                // A bar in SVG: the CSP allows no inline styles.
                let width = (g.teams.len() * 100 / max).max(2);
                let names = g.teams.iter().map(|t| workshop.label(*t).unwrap_or_default()).collect::<Vec<_>>().join(", ");
                view! {
                    <li>
                        <div class="present-answer"><strong>{group_label(r.question, &g.key)}</strong>" — "{if g.teams.len() == 1 { t!("1 team") } else { t!("{0} teams", g.teams.len()) }}</div>
                        <svg class="present-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true"><rect x="0" y="0" width=width height="10"/></svg>
                        <div class="present-teams">{names}</div>
                    </li>
                }
            })
            .collect_view();
        let help = (!r.question.help.tr().is_empty()).then(|| crate::ui::loc(&r.question.help));
        // The reference answer of a worked case, hidden until the facilitator reveals it.
        let question = r.question.clone();
        let reveal = move || {
            let question = question.clone();
            Suspend::new(async move {
                let l = reference.await?;
                let loc = crate::i18n::lang().code();
                let answer = crate::answers::answer_text(&question, &l.reference, loc)?;
                let why = l
                    .case
                    .reference
                    .questions
                    .get(&question.id)
                    .map(|t| t.get(loc).to_string());
                Some(view! {
                    <div class="present-reference">
                        <button type="button" class="button" aria-expanded=move || revealed.get().to_string() aria-controls="present-reference-answer"
                            on:click=move |_| revealed.update(|v| *v = !*v)>
                            {move || if revealed.get() { t!("Hide the reference answer") } else { t!("Show the reference answer") }}
                        </button>
                        <div id="present-reference-answer" hidden=move || !revealed.get()>
                            <p><strong>{ts!("Reference answer:")}</strong>" "{answer}</p>
                            {why.map(|w| view! { <p class="present-help">{w}</p> })}
                        </div>
                    </div>
                })
            })
        };
        let reveal = view! { <Suspense fallback=|| ()>{reveal}</Suspense> };
        view! {
            <p class="present-meta">{t!("Question {0} of {1}", i + 1, total)}" · "{crate::ui::loc(&r.section.title)}" · "{t!("disagreement {0}", pct(s.disagreement))}</p>
            <h1 class="present-question">{crate::ui::loc(&r.question.text)}</h1>
            <ul class="present-groups">{groups}</ul>
            {help.map(|help| view! { <p class="present-help">{help}</p> })}
            {reveal}
            <nav class="present-nav" aria-label=ts!("Presentation")>
                <button type="button" class="button" prop:disabled={i == 0} on:click=move |_| present(i.saturating_sub(1))>{ts!("← Previous")}</button>
                " "
                <a class="button" href="#/workshop">{ts!("Exit presentation")}</a>
                " "
                <button type="button" class="button primary" prop:disabled={i + 1 >= total} on:click=move |_| present(i + 1)>{ts!("Next →")}</button>
            </nav>
        }
        .into_any()
    };
    let handle = window_event_listener(
        leptos::ev::keydown,
        move |e: web_sys::KeyboardEvent| match e.key().as_str() {
            "ArrowRight" | "PageDown" => present(index + 1),
            "ArrowLeft" | "PageUp" => present(index.saturating_sub(1)),
            "Escape" => go(StudioRoute::Workshop),
            _ => {}
        },
    );
    on_cleanup(move || handle.remove());
    view! { <div class="present-view">{body}</div> }.into_any()
}
