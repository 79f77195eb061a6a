//! One question: its input for every kind, "Don't know" / "Not applicable", help that can be
//! shown and hidden, and a note. All changes go through the state's mutators (saved at once).

use super::markdown::Markdown;
use crate::answers::{Answer, MIN_JUSTIFICATION_CHARS};
use crate::model::{ChoiceView, ProfileField, Question, QuestionKind};
use crate::ui::state::use_app;
use crate::ui::Tr;
use crate::{t, ts};
use leptos::prelude::*;

#[component]
fn Required(required: bool) -> impl IntoView {
    required.then(|| {
        view! {
            <span class="req" aria-hidden="true">" *"</span>
            <span class="sr-only">" "{ts!("(required)")}</span>
        }
    })
}

/// The kind of input a question gets.
enum Input {
    Radio,
    Check,
    Text { long: bool, date: bool },
}

fn input_of(kind: &QuestionKind) -> Input {
    match kind {
        QuestionKind::SingleChoice { .. }
        | QuestionKind::Scale { .. }
        | QuestionKind::YesNo { .. } => Input::Radio,
        QuestionKind::MultiChoice { .. } => Input::Check,
        QuestionKind::ShortText => Input::Text {
            long: false,
            date: false,
        },
        QuestionKind::LongText => Input::Text {
            long: true,
            date: false,
        },
        QuestionKind::Date => Input::Text {
            long: false,
            date: true,
        },
        QuestionKind::Profile { field } => Input::Text {
            long: field.is_long(),
            date: false,
        },
    }
}

#[component]
pub fn QuestionView(
    aid: String,
    question: Question,
    number: usize,
    offers_dk: bool,
) -> impl IntoView {
    let app = use_app();
    let qid = question.id.clone();
    let profile_field: Option<ProfileField> = match question.kind {
        QuestionKind::Profile { field } => Some(field),
        _ => None,
    };

    let answer = {
        let (aid, qid) = (aid.clone(), qid.clone());
        Memo::new(move |_| {
            app.assessments().with(|v| {
                v.iter()
                    .find(|a| a.id == aid)
                    .and_then(|a| a.answer(&qid).cloned())
            })
        })
    };
    let note = {
        let (aid, qid) = (aid.clone(), qid.clone());
        Memo::new(move |_| {
            app.assessments().with(|v| {
                v.iter()
                    .find(|a| a.id == aid)
                    .map(|a| a.note(&qid).to_string())
                    .unwrap_or_default()
            })
        })
    };
    let text_value = {
        let (aid, qid) = (aid.clone(), qid.clone());
        Memo::new(move |_| {
            app.assessments().with(|v| {
                let Some(a) = v.iter().find(|a| a.id == aid) else {
                    return String::new();
                };
                if let Some(f) = profile_field {
                    return a.metadata.get(f).to_string();
                }
                match a.answer(&qid) {
                    Some(Answer::Text { value }) | Some(Answer::Date { value }) => value.clone(),
                    _ => String::new(),
                }
            })
        })
    };
    let is_na = Memo::new(move |_| matches!(answer.get(), Some(Answer::NotApplicable)));
    let na_unjustified = Memo::new(move |_| {
        is_na.get() && note.with(|n| n.trim().chars().count() < MIN_JUSTIFICATION_CHARS)
    });
    let help_open = RwSignal::new(false);
    let note_open = RwSignal::new(!note.get_untracked().is_empty());
    let show_note = Memo::new(move |_| note_open.get() || is_na.get());

    let dom_id = format!("q-{qid}");
    let help_id = format!("help-{qid}");
    let note_id = format!("note-{qid}");
    let err_id = format!("err-{qid}");
    let group_name = format!("{aid}-{qid}");
    let text = question.text.clone();
    let has_help = question.help.has_english() || !question.references.is_empty();
    let offers_na = question.allow_na;
    let is_choice = question.kind.is_choice();

    // --- inputs -------------------------------------------------------------------------
    let options: Vec<(String, String)> = question
        .kind
        .options()
        .iter()
        .map(|o: &ChoiceView<'_>| (o.id.to_string(), o.label_in(crate::i18n::lang().code())))
        .collect();
    let is_scale = matches!(question.kind, QuestionKind::Scale { .. });

    let question_arc = std::sync::Arc::new(question.clone());
    let choice_inputs = |kind: Input| {
        let multi = matches!(kind, Input::Check);
        let ty = if multi { "checkbox" } else { "radio" };
        let mut rows: Vec<AnyView> = Vec::new();
        for (oid, label) in options.clone() {
            let (aid, qid, oid2) = (aid.clone(), qid.clone(), oid.clone());
            let question_ref = question_arc.clone();
            let input_id = format!("in-{qid}-{oid}");
            let checked = move || match answer.get() {
                Some(Answer::Choice { id }) => id == oid2,
                Some(Answer::Choices { ids }) => ids.contains(&oid2),
                _ => false,
            };
            let on_change = move |ev: leptos::ev::Event| {
                if multi {
                    app.toggle_choice(&aid, &question_ref, &oid, event_target_checked(&ev));
                } else {
                    app.set_answer(&aid, &qid, Some(Answer::Choice { id: oid.clone() }));
                }
            };
            rows.push(
                view! {
                    <div class="option">
                        <input type=ty id=input_id.clone() name=group_name.clone() prop:checked=checked on:change=on_change/>
                        <label for=input_id>{label}</label>
                    </div>
                }
                .into_any(),
            );
        }
        let meta = |value: Answer, label: String, key: &'static str| {
            let (aid, qid) = (aid.clone(), qid.clone());
            let input_id = format!("in-{qid}-{key}");
            let v2 = value.clone();
            let checked = move || answer.get().as_ref() == Some(&v2);
            let on_change = move |ev: leptos::ev::Event| {
                let on = event_target_checked(&ev);
                app.set_answer(&aid, &qid, if on { Some(value.clone()) } else { None });
            };
            view! {
                <div class="option option-meta">
                    <input type=ty id=input_id.clone() name=group_name.clone() prop:checked=checked on:change=on_change/>
                    <label for=input_id>{label}</label>
                </div>
            }
            .into_any()
        };
        if offers_dk {
            rows.push(meta(Answer::DontKnow, t!("Don't know"), "dk"));
        }
        if offers_na {
            rows.push(meta(Answer::NotApplicable, t!("Not applicable"), "na"));
        }
        view! { <div class="options" class:scale=is_scale>{rows}</div> }.into_any()
    };

    let text_input = |long: bool, date: bool| {
        let (aid, qid) = (aid.clone(), qid.clone());
        let input_id = format!("in-{qid}");
        let on_input = move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            if let Some(f) = profile_field {
                app.set_metadata(&aid, f, value);
            } else if value.is_empty() {
                app.set_answer(&aid, &qid, None);
            } else if date {
                app.set_answer(&aid, &qid, Some(Answer::Date { value }));
            } else {
                app.set_answer(&aid, &qid, Some(Answer::Text { value }));
            }
        };
        if long {
            view! { <textarea id=input_id rows="4" prop:value=move || text_value.get() on:input=on_input></textarea> }.into_any()
        } else if date {
            view! { <input id=input_id type="date" prop:value=move || text_value.get() on:input=on_input/> }.into_any()
        } else {
            view! { <input id=input_id type="text" prop:value=move || text_value.get() on:input=on_input/> }.into_any()
        }
    };

    // --- help, note, tools ----------------------------------------------------------------
    let help_text = question.help.tr().to_string();
    let help_fallback = question.help.is_fallback();
    let references: Vec<String> = question
        .references
        .iter()
        .map(|r| crate::i18n::reference(r))
        .collect();
    let help_panel = move || {
        help_open.get().then(|| {
            let refs = references.clone();
            view! {
                <div class="help" id=help_id.clone()>
                    <div lang=help_fallback.then_some("en")><Markdown text=help_text.clone()/></div>
                    {help_fallback.then(|| view! { <p class="fallback-mark">{ts!("(in English)")}</p> })}
                    {(!refs.is_empty()).then(|| view! { <p class="refs"><span class="refs-label">{ts!("Sources:")}" "</span>{refs.join("; ")}</p> })}
                </div>
            }
        })
    };

    let note_panel = {
        let (aid, qid, note_id, err_id) =
            (aid.clone(), qid.clone(), note_id.clone(), err_id.clone());
        move || {
            show_note.get().then(|| {
                let (aid, qid) = (aid.clone(), qid.clone());
                let label = if is_na.get() { t!("Why does this question not apply? (required for “Not applicable”)") } else { t!("Note") };
                let err_id2 = err_id.clone();
                let err_id3 = err_id.clone();
                view! {
                    <div class="note">
                        <label for=note_id.clone()>{label}</label>
                        <textarea
                            id=note_id.clone()
                            rows="3"
                            aria-invalid=move || na_unjustified.get().to_string()
                            aria-describedby=move || na_unjustified.get().then(|| err_id2.clone())
                            prop:value=move || note.get()
                            on:input=move |ev| app.set_note(&aid, &qid, event_target_value(&ev))
                        ></textarea>
                        {move || na_unjustified.get().then(|| view! {
                            <p class="field-error" id=err_id3.clone()>{ts!("Give a short reason why this question does not apply to your project.")}</p>
                        })}
                    </div>
                }
            })
        }
    };

    let clear = {
        let (aid, qid) = (aid.clone(), qid.clone());
        move |_| app.set_answer(&aid, &qid, None)
    };
    let help_id2 = format!("help-{qid}");
    let tools = view! {
        <div class="q-tools">
            {has_help.then(|| view! {
                <button type="button" class="link-button" aria-expanded=move || help_open.get().to_string() aria-controls=help_id2.clone()
                    on:click=move |_| help_open.update(|o| *o = !*o)>
                    {move || if help_open.get() { t!("Hide help") } else { t!("Help") }}
                    <span class="sr-only">" "{t!("for question {0}", number)}</span>
                </button>
            })}
            <button type="button" class="link-button" aria-expanded=move || show_note.get().to_string()
                disabled=move || is_na.get()
                on:click=move |_| note_open.update(|o| *o = !*o)>
                {move || if show_note.get() { t!("Hide note") } else if note.with(|n| n.is_empty()) { t!("Add a note") } else { t!("Show note") }}
                <span class="sr-only">" "{t!("for question {0}", number)}</span>
            </button>
            {is_choice.then(|| view! {
                <button type="button" class="link-button" disabled=move || answer.get().is_none() on:click=clear>
                    {ts!("Clear answer")}<span class="sr-only">" "{t!("to question {0}", number)}</span>
                </button>
            })}
        </div>
    };

    let required = question.required;
    let status = move || {
        answer.get().map(|a| match a {
            Answer::DontKnow => {
                view! { <span class="badge badge-gap">{ts!("Knowledge gap")}</span> }.into_any()
            }
            Answer::NotApplicable => {
                view! { <span class="badge">{ts!("Not applicable")}</span> }.into_any()
            }
            _ => ().into_any(),
        })
    };

    match input_of(&question.kind) {
        kind @ (Input::Radio | Input::Check) => view! {
            <fieldset class="question" id=dom_id tabindex="-1">
                <legend><span class="q-num">{number}". "</span>{crate::ui::loc(&text)}<Required required=required/></legend>
                {status}
                {choice_inputs(kind)}
                {tools}
                {help_panel}
                {note_panel}
            </fieldset>
        }
        .into_any(),
        Input::Text { long, date } => view! {
            <div class="question" id=dom_id tabindex="-1">
                <label class="q-label" for=format!("in-{}", question.id)>
                    <span class="q-num">{number}". "</span>{crate::ui::loc(&text)}<Required required=required/>
                </label>
                {text_input(long, date)}
                {tools}
                {help_panel}
                {note_panel}
            </div>
        }
        .into_any(),
    }
}
