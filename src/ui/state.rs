//! Shared app state, handed out through context. Domain types stay plain data; this wraps them
//! in signals and offers named mutators, each of which saves at once.

use super::storage;
use crate::answers::{Answer, Assessment};
use crate::model::{ProfileField, Questionnaire};
use crate::route::Route;
use leptos::prelude::*;

/// The current time as RFC 3339 (UTC, milliseconds).
pub fn now() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// A fresh random id for an assessment.
pub fn new_id() -> String {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.random_uuid())
        .unwrap_or_else(|| format!("a{}-{}", js_sys::Date::now() as u64, (js_sys::Math::random() * 1e9) as u64))
}

/// Format an RFC 3339 timestamp for people, in their own time zone.
pub fn local_time(ts: &str) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(ts));
    if d.get_time().is_nan() {
        return ts.to_string();
    }
    let opts = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&opts, &"dateStyle".into(), &"medium".into());
    let _ = js_sys::Reflect::set(&opts, &"timeStyle".into(), &"short".into());
    String::from(d.to_locale_string("en-GB", &opts))
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub questionnaires: StoredValue<Vec<Questionnaire>>,
    /// Problems with bundled questionnaire files (never expected in a release).
    pub load_errors: StoredValue<Vec<String>>,
    assessments: RwSignal<Vec<Assessment>>,
    pub route: RwSignal<Route>,
    /// Storage problems the user must see (cleared when a later save succeeds).
    pub storage_error: RwSignal<Option<String>>,
    /// Problems found while reading saved data at start-up.
    pub startup_problems: RwSignal<Vec<String>>,
    /// Polite announcements for screen readers.
    pub announcement: RwSignal<String>,
    /// When the last successful save happened.
    pub last_saved: RwSignal<Option<String>>,
}

impl AppState {
    pub fn new(questionnaires: Vec<Questionnaire>, load_errors: Vec<String>) -> Self {
        let (saved, problems) = storage::load_all();
        AppState {
            questionnaires: StoredValue::new(questionnaires),
            load_errors: StoredValue::new(load_errors),
            assessments: RwSignal::new(saved),
            route: RwSignal::new(Route::Home),
            storage_error: RwSignal::new(None),
            startup_problems: RwSignal::new(problems),
            announcement: RwSignal::new(String::new()),
            last_saved: RwSignal::new(None),
        }
    }

    pub fn assessments(&self) -> Signal<Vec<Assessment>> {
        self.assessments.into()
    }

    pub fn assessment(&self, id: &str) -> Option<Assessment> {
        self.assessments.with(|v| v.iter().find(|a| a.id == id).cloned())
    }

    pub fn questionnaire_for(&self, a: &Assessment) -> Option<Questionnaire> {
        self.questionnaires.with_value(|qs| {
            crate::bundled::find(qs, &a.questionnaire_id, &a.questionnaire_version).cloned()
        })
    }

    pub fn announce(&self, text: impl Into<String>) {
        self.announcement.set(text.into());
    }

    fn persist(&self, a: &Assessment) {
        match storage::save(a) {
            Ok(()) => {
                self.storage_error.set(None);
                self.last_saved.set(Some(a.modified.clone()));
            }
            Err(e) => self.storage_error.set(Some(format!(
                "Your last change could not be saved on this device: {e}. It is kept in this tab for now; do not close it until the problem is solved."
            ))),
        }
    }

    /// Start a new assessment of a questionnaire; returns its id.
    pub fn create(&self, q: &Questionnaire) -> String {
        let a = Assessment::new(new_id(), q, &now());
        let id = a.id.clone();
        self.persist(&a);
        self.assessments.update(|v| v.insert(0, a));
        id
    }

    /// Apply a change to one assessment and save it at once.
    fn edit(&self, id: &str, f: impl FnOnce(&mut Assessment, &str)) {
        let ts = now();
        let mut saved = None;
        self.assessments.update(|v| {
            if let Some(a) = v.iter_mut().find(|a| a.id == id) {
                f(a, &ts);
                saved = Some(a.clone());
            }
        });
        if let Some(a) = saved {
            self.persist(&a);
        }
    }

    pub fn set_answer(&self, id: &str, question: &str, answer: Option<Answer>) {
        self.edit(id, |a, ts| a.set_answer(question, answer, ts));
    }

    pub fn toggle_choice(&self, id: &str, question: &str, option: &str, on: bool) {
        self.edit(id, |a, ts| a.toggle_choice(question, option, on, ts));
    }

    pub fn set_note(&self, id: &str, question: &str, note: String) {
        self.edit(id, |a, ts| a.set_note(question, note, ts));
    }

    pub fn set_metadata(&self, id: &str, field: ProfileField, value: String) {
        self.edit(id, |a, ts| a.set_metadata(field, value, ts));
    }

    /// Remember the section the user is on (without touching `modified`).
    pub fn set_last_section(&self, id: &str, section: &str) {
        let mut changed = None;
        self.assessments.update(|v| {
            if let Some(a) = v.iter_mut().find(|a| a.id == id) {
                if a.last_section.as_deref() != Some(section) {
                    a.last_section = Some(section.to_string());
                    changed = Some(a.clone());
                }
            }
        });
        if let Some(a) = changed {
            self.persist(&a);
        }
    }

    pub fn delete(&self, id: &str) -> Result<(), String> {
        storage::delete(id)?;
        self.assessments.update(|v| v.retain(|a| a.id != id));
        Ok(())
    }

    pub fn navigate(&self, route: Route) {
        if let Some(w) = web_sys::window() {
            let _ = w.location().set_hash(&route.href());
        }
    }
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
