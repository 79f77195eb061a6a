//! The read-only preview of a questionnaire of the user's own (issue 16): every section and
//! question as teams will see it, conditional questions shown and marked with their condition,
//! help texts and sources, the scoring of every option (concern, red flag, recommendation), and
//! the texts without Dutch. The words come from the core (`crate::preview`).

use crate::model::Questionnaire;
use crate::ui::state::use_app;
use crate::ui::Tr;
use crate::{t, ts};
use leptos::prelude::*;

#[component]
pub fn PreviewPage(id: String, version: String) -> impl IntoView {
    let app = use_app();
    move || {
        let found = app.custom.with(|v| {
            v.iter()
                .find(|(q, _)| q.id == id && q.version == version)
                .map(|(q, b)| (q.clone(), b.clone()))
        });
        match found {
            None => view! {
                <h1>{ts!("Questionnaire not found")}</h1>
                <p>{t!("There is no questionnaire “{0}” version {1} of your own on this device.", id.clone(), version.clone())}" "<a href="#/">{ts!("Go to your assessments")}</a>"."</p>
            }
            .into_any(),
            Some((q, bin)) => page(app, &q, bin.to_vec()),
        }
    }
}

fn page(app: crate::ui::state::AppState, q: &Questionnaire, bin: Vec<u8>) -> AnyView {
    let loc = crate::i18n::lang().code();
    let kept = crate::ui::storage::get(&crate::custom::questionnaire_key(&q.id, &q.version))
        .ok()
        .flatten()
        .is_some();
    let keep_message = RwSignal::new(None::<Result<String, String>>);
    let keep = move |_| {
        let r = app.keep_custom(bin.clone()).map(|(q, moved)| {
            crate::ui::components::custom::kept_text(
                &q.version,
                moved,
                t!("Kept on this device. Start an assessment with it on the home page."),
            )
        });
        keep_message.set(Some(r));
    };
    let max = q.max_concern;
    let sections = q
        .sections
        .iter()
        .enumerate()
        .map(|(si, s)| {
            let questions = s
                .questions
                .iter()
                .enumerate()
                .map(|(qi, x)| {
                    let number = format!("{}.{}", si + 1, qi + 1);
                    let condition = x.show_if.as_ref().map(|c| crate::preview::condition_text(c, q, loc));
                    let conditional = condition.is_some();
                    let options = x.kind.options();
                    let table = (!options.is_empty()).then(|| {
                        let rows = options
                            .into_iter()
                            .map(|o| {
                                view! {
                                    <tr>
                                        <th scope="row">{o.label_in(loc)}{o.exclusive.then(|| format!(" ({})", t!("excludes the others")))}</th>
                                        <td class="num">{format!("{} / {}", o.concern, max)}</td>
                                        <td>{if o.red_flag { t!("red flag") } else { String::new() }}</td>
                                        <td>{o.recommendation.map(|r| r.tr().to_string()).unwrap_or_default()}</td>
                                    </tr>
                                }
                            })
                            .collect_view();
                        view! {
                            <div class="table-scroll">
                                <table class="data-table preview-options">
                                    <caption class="sr-only">{t!("Scoring of question {0}", number.clone())}</caption>
                                    <thead><tr><th scope="col">{ts!("Option")}</th><th scope="col">{ts!("Concern")}</th><th scope="col">{ts!("Red flag")}</th><th scope="col">{ts!("Recommendation")}</th></tr></thead>
                                    <tbody>{rows}</tbody>
                                </table>
                            </div>
                        }
                    });
                    let refs = crate::i18n::references(&x.references);
                    view! {
                        <li class="preview-question" class:conditional=conditional data-question=x.id.clone()>
                            <h3><span class="q-num">{number.clone()}". "</span>{crate::ui::loc(&x.text)}{x.required.then(|| view! { " "<span class="req">{ts!("(required)")}</span> })}</h3>
                            <p class="muted small">{crate::preview::kind_label(&x.kind)}" · "<code>{x.id.clone()}</code></p>
                            {condition.map(|c| view! { <p class="notice"><strong>{ts!("Shown only when:")}</strong>" "{c}</p> })}
                            {(!x.help.0.is_empty()).then(|| view! { <div class="help"><crate::ui::components::markdown::Markdown text=x.help.tr().to_string()/></div> })}
                            {(!refs.is_empty()).then(|| view! { <p class="refs"><span class="refs-label">{ts!("Sources:")}" "</span>{refs}</p> })}
                            {table}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="panel" aria-labelledby=format!("pv-{si}")>
                    <h2 id=format!("pv-{si}")>{format!("{}. ", si + 1)}{crate::ui::loc(&s.title)}</h2>
                    {(!s.intro.0.is_empty()).then(|| view! { <p>{crate::ui::loc(&s.intro)}</p> })}
                    <ol class="preview-list">{questions}</ol>
                </section>
            }
        })
        .collect_view();
    let missing = crate::preview::without_translation(q, "nl");
    let missing_view = if missing.is_empty() {
        view! { <p>{ts!("Every text has Dutch.")}</p> }.into_any()
    } else {
        view! {
            <p>{t!("{0} texts have no Dutch. They are shown in English, marked “(in English)”.", missing.len())}</p>
            <details>
                <summary>{ts!("Show them")}</summary>
                <ul class="small">{missing.into_iter().map(|(place, text)| view! { <li><strong>{place}</strong>": "<span lang="en">{text}</span></li> }).collect_view()}</ul>
            </details>
        }
        .into_any()
    };
    let questions = q.questions().count();
    let conditional = q
        .questions()
        .filter(|r| r.question.show_if.is_some())
        .count();
    view! {
        <p class="crumbs"><a href="#/">{ts!("Assessments")}</a>" / "{ts!("Preview")}</p>
        <h1>{t!("Preview: {0}", q.title.tr())}</h1>
        <p>{t!("Version {0} · {1} sections · {2} questions, {3} of them shown only under a condition.", q.version.clone(), q.sections.len(), questions, conditional)}</p>
        {q.extended_from.as_ref().map(|b| view! { <p>{t!("Adds to “{0}” version {1}.", b.id.clone(), b.version.clone())}</p> })}
        <p class="notice">{ts!("Read-only. This is what teams will see, with every question shown: a question with a condition is shown to a team only when its condition holds. Each option's concern runs from 0 (none) up to the questionnaire's highest.")}</p>
        {(!kept).then(|| view! {
            <p><button type="button" class="button primary" on:click=keep>{ts!("Keep it on this device")}</button></p>
        })}
        {move || keep_message.get().map(|r| match r {
            Ok(m) => view! { <p class="ok" role="status">{m}</p> }.into_any(),
            Err(e) => view! { <p class="alert alert-error" role="alert">{e}</p> }.into_any(),
        })}
        <section aria-labelledby="pv-dutch">
            <h2 id="pv-dutch">{ts!("Dutch texts")}</h2>
            {missing_view}
        </section>
        {sections}
    }
    .into_any()
}
