//! "How scoring works": the rules in plain words, and the level bands of each questionnaire.

use crate::ui::state::{use_app, QState};
use crate::ui::Tr;
use crate::{t, ts};
use leptos::prelude::*;

#[component]
pub fn ScoringPage() -> impl IntoView {
    let app = use_app();
    let bands = crate::bundled::offered()
        .into_iter()
        .map(|info| {
            move || match app.questionnaire(info.id, info.version) {
                QState::Ready(q, _) => {
                    let mut low: f64 = 0.0;
                    let rows = q
                        .bands
                        .iter()
                        .map(|b| {
                            let range = format!("{}–{}", low.round() as i64, b.max_score.round() as i64);
                            low = b.max_score;
                            view! { <tr><td>{range}</td><th scope="row">{crate::ui::loc(&b.label)}</th><td>{crate::ui::loc(&b.meaning)}</td></tr> }
                        })
                        .collect_view();
                    view! {
                        <h3>{crate::ui::loc(&q.title)}" "{t!("(version {0})", q.version)}</h3>
                        <div class="table-scroll" tabindex="0" role="region" aria-label=t!("Levels of {0}", q.title.tr())>
                            <table class="bands">
                                <thead><tr><th scope="col">{ts!("Score")}</th><th scope="col">{ts!("Level")}</th><th scope="col">{ts!("What it means")}</th></tr></thead>
                                <tbody>{rows}</tbody>
                            </table>
                        </div>
                    }
                    .into_any()
                }
                QState::Failed(msg) => view! { <p class="alert alert-error" role="alert">{msg}</p> }.into_any(),
                _ => view! { <p class="muted">{ts!("Loading…")}</p> }.into_any(),
            }
        })
        .collect_view();
    view! {
        <h1>{ts!("How scoring works")}</h1>
        <p class="lead">{ts!("All scores are computed in your browser from your answers alone. Nothing is sent anywhere. The rules are simple on purpose, so that you can check every number.")}</p>
        <h2>{ts!("Concern per answer")}</h2>
        <ul>
            <li>{ts!("Every answer option carries a concern weight, from 0 (no concern) up to the highest weight the questionnaire sets (4 in the bundled questionnaires).")}</li>
            <li>{ts!("For a question where you may pick several options, the most concerning option you picked counts.")}</li>
            <li>{ts!("“Don't know” counts as the highest concern of the question, and is listed as a knowledge gap: finding out usually lowers the score.")}</li>
            <li>{ts!("“Not applicable” is left out of the score. It needs a short reason in the note.")}</li>
            <li>{ts!("Unanswered questions, text and date questions, the project profile, the legal triage and questions hidden by an earlier answer do not count.")}</li>
        </ul>
        <h2>{ts!("Section scores")}</h2>
        <ul>
            <li>{ts!("A section's score is the concern of your answers divided by the highest concern those same questions could have had, times 100. So 0 means no concern at all and 100 means the highest concern on every answered question.")}</li>
            <li>{ts!("The level of a section comes from the bands below: the first band whose upper bound is at least the score.")}</li>
            <li>{ts!("A red flag is an answer that is a serious problem on its own. Any red flag raises its section, and the overall result, to at least the second-highest level, whatever the score.")}</li>
            <li>{ts!("For each section, the results page lists the answers that added most to the score, with the points each one adds.")}</li>
        </ul>
        <h2>{ts!("Overall score")}</h2>
        <p>{ts!("The overall score is the average of the section scores, weighted by each section's weight (the low-SES section weighs more in the bundled questionnaires). Sections without any scored answer are left out.")}</p>
        <ul>
            <li>{ts!("The overall level is never milder than a section at the highest level: then it is raised to that level too. The overall score stays the weighted mean.")}</li>
            <li>{ts!("A legal triage conclusion marked “stop”, such as a possibly prohibited AI practice, counts as a red flag and raises the overall level to the highest level.")}</li>
            <li>{ts!("The results page and the report say why a level was raised.")}</li>
        </ul>
        <h2>{ts!("Answers that contradict each other")}</h2>
        <p>{ts!("The questionnaire also has consistency checks. When two answers cannot both be true, such as “only general information” and “recommends an action for a patient”, the results page and the report ask you to check them. They do not change the score.")}</p>
        <h2>{ts!("Levels")}</h2>
        {bands}
        <p class="muted">{ts!("Scores help you see where to act first. They are not a verdict, and legal pointers in this tool are indicative, not legal advice.")}</p>
    }
}
