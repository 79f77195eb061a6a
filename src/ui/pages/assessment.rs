//! The assessment: section navigation with progress, the questions of the current section, the
//! section's live score, and previous / next.

use crate::answers::{Progress, Visibility};
use crate::model::Questionnaire;
use crate::route::Route;
use crate::scoring::{display_score, score};
use crate::ui::components::question::QuestionView;
use crate::ui::state::use_app;
use crate::ui::Tr;
use crate::{t, ts};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

fn focus_element(id: &str, scroll: bool) {
    if let Some(el) = document().get_element_by_id(id) {
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            if scroll {
                el.scroll_into_view();
            }
            let opts = web_sys::FocusOptions::new();
            opts.set_prevent_scroll(!scroll);
            let _ = el.focus_with_options(&opts);
        }
    }
}

#[component]
pub fn AssessmentPage(
    id: String,
    section: Option<String>,
    question: Option<String>,
) -> impl IntoView {
    let app = use_app();
    let aid = id.clone();
    super::gated(app, id, move |a0, q, _| {
        page(
            app,
            aid.clone(),
            section.clone(),
            question.clone(),
            a0,
            (*q).clone(),
        )
    })
}

fn page(
    app: crate::ui::state::AppState,
    id: String,
    section: Option<String>,
    question: Option<String>,
    a0: crate::answers::Assessment,
    q: Questionnaire,
) -> AnyView {
    let q = StoredValue::new(q);
    let explicit_section = section.is_some();
    let section_index = q.with_value(|q| {
        section
            .as_deref()
            .or(a0.last_section.as_deref())
            .and_then(|s| q.section(s).map(|(i, _)| i))
            .unwrap_or(0)
    });
    let (sec, total) = q.with_value(|q| (q.sections[section_index].clone(), q.sections.len()));
    app.set_last_section(&id, &sec.id);
    crate::ui::lazy::prefetch_results();

    let aid = id.clone();
    let progress = Memo::new(move |_| {
        app.assessments().with(|v| {
            v.iter()
                .find(|a| a.id == aid)
                .map(|a| q.with_value(|q| Progress::compute(q, a)))
        })
    });
    let aid = id.clone();
    let outcome = Memo::new(move |_| {
        app.assessments().with(|v| {
            v.iter()
                .find(|a| a.id == aid)
                .map(|a| q.with_value(|q| score(q, a)))
        })
    });
    let aid = id.clone();
    let sec_id = sec.id.clone();
    let visible = Memo::new(move |_| {
        app.assessments().with(|v| {
            let Some(a) = v.iter().find(|a| a.id == aid) else {
                return Vec::new();
            };
            q.with_value(|q| {
                let vis = Visibility::compute(q, a);
                q.section(&sec_id)
                    .map(|(_, s)| {
                        s.questions
                            .iter()
                            .filter(|x| vis.is_visible(&x.id))
                            .map(|x| x.id.clone())
                            .collect()
                    })
                    .unwrap_or_default()
            })
        })
    });

    // Focus: a linked question, else the section heading when the user moved between sections.
    let focus_q = question.clone();
    let announce = t!(
        "Section {0} of {1}: {2}",
        section_index + 1,
        total,
        sec.title.tr()
    );
    request_animation_frame(move || match focus_q {
        Some(qid) => focus_element(&format!("q-{qid}"), true),
        None if explicit_section => {
            focus_element("section-heading", false);
            if let Some(w) = web_sys::window() {
                w.scroll_to_with_x_and_y(0.0, 0.0);
            }
        }
        None => {}
    });
    app.announce(announce);

    let nav = q.with_value(|q| {
        q.sections
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let href = Route::Assessment { id: id.clone(), section: Some(s.id.clone()), question: None }.href();
                let sid = s.id.clone();
                let current = i == section_index;
                let counts = Memo::new(move |_| {
                    progress.with(|p| {
                        p.as_ref().and_then(|p| p.section(&sid)).map(|sp| (sp.answered, sp.visible, sp.is_complete()))
                    })
                });
                view! {
                    <li class:current=current>
                        <a href=href aria-current=current.then_some("step")>
                            <span class="nav-title">{crate::ui::loc(&s.title)}</span>
                            <span class="nav-count" class:done=move || counts.get().map(|c| c.2).unwrap_or(false)>
                                {move || counts.get().map(|(a, v, done)| format!("{}{a}/{v}", if done { "✓ " } else { "" }))}
                                <span class="sr-only">" "{ts!("answered")}</span>
                            </span>
                        </a>
                    </li>
                }
            })
            .collect_view()
    });

    let scored = sec.dimension.is_scored();
    let offers_dk = sec.dimension != crate::model::Dimension::Profile;
    let sec_id = sec.id.clone();
    let live_score = move || {
        if !scored {
            let what = if offers_dk {
                let checked = q.with_value(|q| q.legal_as_of.clone());
                let mut what = t!("The answers in this section are not scored: they decide which legal duties probably apply (see the results).");
                if let Some(d) = checked {
                    what.push(' ');
                    what.push_str(&t!("Legal content checked on {0}.", crate::i18n::date(&d)));
                }
                what
            } else {
                t!("This section describes your project. It is not scored.")
            };
            return view! { <p class="muted">{what}</p> }.into_any();
        }
        let s = outcome.with(|o| o.as_ref().and_then(|o| o.section(&sec_id).cloned()));
        match s.and_then(|s| s.score.zip(s.level).map(|(v, l)| (v, l, s.red_flags))) {
            Some((v, level, flags)) => {
                let label = q.with_value(|q| q.bands[level.band_index].label.tr().to_string());
                view! {
                    <p class=format!("live-score level-{}", level.band_index)>
                        <span class="score-label">{ts!("Section score:")}" "</span>
                        <strong>{display_score(v)}" / 100"</strong>" · "{label}
                        {(flags > 0).then(|| view! { <span class="badge badge-flag">{if flags == 1 { t!("1 red flag") } else { t!("{0} red flags", flags) }}</span> })}
                    </p>
                }
                .into_any()
            }
            None => {
                view! { <p class="live-score">{ts!("Section score: no scored answers yet.")}</p> }
                    .into_any()
            }
        }
    };

    let overall =
        move || progress.with(|p| p.as_ref().map(|p| (p.answered, p.visible, p.percent())));

    let aid = id.clone();
    let question_views = q.with_value(|q| {
        q.section(&sec.id)
            .map(|(_, s)| s.questions.clone())
            .unwrap_or_default()
    });
    let questions_store = StoredValue::new(question_views);
    let numbered = move || {
        visible
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, qid)| (i + 1, qid))
            .collect::<Vec<_>>()
    };

    let prev = (section_index > 0).then(|| {
        let s = q.with_value(|q| q.sections[section_index - 1].clone());
        let href = Route::Assessment { id: id.clone(), section: Some(s.id.clone()), question: None }.href();
        view! { <a class="button" href=href rel="prev">"← "{ts!("Previous:")}" "{crate::ui::loc(&s.title)}</a> }
    });
    let next = if section_index + 1 < total {
        let s = q.with_value(|q| q.sections[section_index + 1].clone());
        let href = Route::Assessment {
            id: id.clone(),
            section: Some(s.id.clone()),
            question: None,
        }
        .href();
        view! { <a class="button primary" href=href rel="next">{ts!("Next:")}" "{crate::ui::loc(&s.title)}" →"</a> }.into_any()
    } else {
        let href = Route::Results { id: id.clone() }.href();
        view! { <a class="button primary" href=href>{ts!("See the results")}" →"</a> }.into_any()
    };
    let results_href = Route::Results { id: id.clone() }.href();
    let name = move || {
        let aid = aid.clone();
        app.assessments().with(|v| {
            v.iter()
                .find(|a| a.id == aid)
                .map(|a| a.display_name().to_string())
                .unwrap_or_default()
        })
    };
    let qtitle = q.with_value(|q: &Questionnaire| q.title.clone());

    view! {
        <div class="assessment">
            <p class="crumbs"><a href="#/">{ts!("Assessments")}</a>" / "<span>{name}</span></p>
            <div class="assessment-grid">
                <nav class="sections-nav" aria-label=ts!("Sections")>
                    <p class="muted small">{crate::ui::loc(&qtitle)}</p>
                    <p class="overall-progress">
                        {move || overall().map(|(a, v, p)| view! {
                            <progress max="100" value=p aria-label=ts!("Overall progress")></progress>
                            <span>{t!("{0} of {1} answered", a, v)}</span>
                        })}
                    </p>
                    <ol>{nav}</ol>
                    <a class="button" href=results_href>{ts!("Results")}</a>
                </nav>
                <section class="section-body" aria-labelledby="section-heading">
                    <p class="muted small">{t!("Section {0} of {1}", section_index + 1, total)}</p>
                    <h1 id="section-heading" tabindex="-1">{crate::ui::loc(&sec.title)}</h1>
                    {(!sec.intro.0.is_empty()).then(|| view! { <p class="intro">{crate::ui::loc(&sec.intro)}</p> })}
                    <div class="score-box">{live_score}</div>
                    <p class="muted small">
                        <span aria-hidden="true">{ts!("Questions marked * are required.")}</span>
                        <span class="sr-only">{ts!("Required questions are marked “required”.")}</span>
                        " "{ts!("Every change is saved on this device at once.")}
                    </p>
                    <For
                        each=numbered
                        key=|(n, qid)| (*n, qid.clone())
                        children=move |(n, qid)| {
                            let question = questions_store.with_value(|qs| qs.iter().find(|x| x.id == qid).cloned());
                            question.map(|question| view! { <QuestionView aid=id.clone() question=question number=n offers_dk=offers_dk/> })
                        }
                    />
                    <div class="pager">
                        {prev}
                        {next}
                    </div>
                </section>
            </div>
        </div>
    }
    .into_any()
}
