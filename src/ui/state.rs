//! Shared app state, handed out through context. Domain types stay plain data; this wraps them
//! in signals and offers named mutators, each of which saves at once.

use super::storage;
use crate::answers::{Answer, Assessment};
use crate::bundled::BundledInfo;
use crate::model::{ProfileField, Questionnaire};
use crate::route::Route;
use crate::t;
use crate::ui::Tr;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// A bundled questionnaire as the app has it: not yet loaded, loading, loaded (with the bytes of
/// its binary form, which the report worker receives), or failed to load.
#[derive(Debug, Clone)]
pub enum QState {
    Unknown,
    Loading,
    Ready(Arc<Questionnaire>, Arc<[u8]>),
    Failed(String),
}

impl PartialEq for QState {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (QState::Unknown, QState::Unknown) | (QState::Loading, QState::Loading) => true,
            (QState::Ready(a, _), QState::Ready(b, _)) => Arc::ptr_eq(a, b),
            (QState::Failed(a), QState::Failed(b)) => a == b,
            _ => false,
        }
    }
}

pub(crate) async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    use wasm_bindgen_futures::JsFuture;
    let window = web_sys::window().ok_or_else(|| t!("no browser window"))?;
    let resp = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| t!("the file could not be loaded (are you offline?)"))?;
    let resp: web_sys::Response = resp
        .dyn_into()
        .map_err(|_| t!("unexpected answer from the browser"))?;
    if !resp.ok() {
        return Err(t!("the file could not be loaded (HTTP {0})", resp.status()));
    }
    let buf = resp
        .array_buffer()
        .map_err(|_| t!("the file could not be read"))?;
    let buf = JsFuture::from(buf)
        .await
        .map_err(|_| t!("the file could not be read"))?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

/// The bundled questionnaires' states by file name (a few entries: a list, not a map, keeps
/// map code out of the wasm).
#[derive(Default)]
pub struct Files(Vec<(&'static str, QState)>);

impl Files {
    fn get(&self, file: &str) -> Option<&QState> {
        self.0.iter().find(|(f, _)| *f == file).map(|(_, s)| s)
    }

    fn insert(&mut self, file: &'static str, state: QState) {
        self.remove(file);
        self.0.push((file, state));
    }

    fn remove(&mut self, file: &str) {
        self.0.retain(|(f, _)| *f != file);
    }
}

/// The current time as RFC 3339 (UTC, milliseconds).
pub fn now() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// The current time, or 1 ms after `previous` when the clock is not past it.
/// The local time now as RFC 3339 with its offset (`2026-12-03T00:30:00.000+01:00`): for what the
/// user reads and files are named by — report dates, file names — so that after midnight in the
/// Netherlands they show today, not yesterday's UTC date. Timestamps that are compared
/// (`modified`) stay in UTC ([`now`]).
pub fn local_now() -> String {
    let d = js_sys::Date::new_0();
    // getTimezoneOffset is minutes *behind* UTC (-60 in Amsterdam in winter).
    let east = -(d.get_timezone_offset() as i32);
    let sign = if east < 0 { '-' } else { '+' };
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}{sign}{:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes(),
        d.get_seconds(),
        d.get_milliseconds(),
        east.abs() / 60,
        east.abs() % 60
    )
}

fn later_than(previous: &str) -> String {
    let now = js_sys::Date::now();
    let prev = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(previous)).get_time();
    if prev.is_nan() || now > prev {
        return String::from(js_sys::Date::new(&now.into()).to_iso_string());
    }
    String::from(js_sys::Date::new(&(prev + 1.0).into()).to_iso_string())
}

/// A fresh random id for an assessment.
pub fn new_id() -> String {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.random_uuid())
        .unwrap_or_else(|| {
            format!(
                "a{}-{}",
                js_sys::Date::now() as u64,
                (js_sys::Math::random() * 1e9) as u64
            )
        })
}

/// Format an RFC 3339 timestamp for people, in their own time zone and in the interface
/// language ("29 Nov 2026, 10:00" / "29 nov 2026, 10:00").
pub fn local_time(ts: &str) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(ts));
    if d.get_time().is_nan() {
        return ts.to_string();
    }
    let opts = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&opts, &"dateStyle".into(), &"medium".into());
    let _ = js_sys::Reflect::set(&opts, &"timeStyle".into(), &"short".into());
    let locale = match crate::i18n::lang() {
        crate::i18n::Lang::En => "en-GB",
        crate::i18n::Lang::Nl => "nl-NL",
    };
    String::from(d.to_locale_string(locale, &opts))
}

/// What the live region says after a change was saved.
fn saved_text() -> String {
    t!("Saved")
}

#[derive(Clone, Copy)]
pub struct AppState {
    /// Bundled questionnaires by file name, loaded on first use.
    questionnaires: RwSignal<Files>,
    /// The user's own questionnaires kept on this device (issue 16), with their binary form.
    pub custom: RwSignal<Vec<(Arc<Questionnaire>, Arc<[u8]>)>>,
    assessments: RwSignal<Vec<Assessment>>,
    pub route: RwSignal<Route>,
    /// Storage problems the user must see (cleared when a later save succeeds).
    pub storage_error: RwSignal<Option<String>>,
    /// Set when storage cannot be used at all: the app works in memory only.
    pub memory_only: RwSignal<Option<String>>,
    /// Problems found while reading saved data at start-up (damaged entries and the like).
    pub startup_problems: RwSignal<Vec<storage::Problem>>,
    /// A notice that needs no action (for example: newer answers came from another tab).
    pub info: RwSignal<Option<String>>,
    /// Polite announcements for screen readers.
    pub announcement: RwSignal<String>,
    /// When the last successful save happened.
    pub last_saved: RwSignal<Option<String>>,
}

impl AppState {
    pub fn new() -> Self {
        let memory_only = storage::available().err();
        let (saved, mut problems) = storage::load_all();
        let custom = load_custom(&mut problems);
        AppState {
            questionnaires: RwSignal::new(Files::default()),
            custom: RwSignal::new(custom),
            assessments: RwSignal::new(saved),
            route: RwSignal::new(Route::Home),
            storage_error: RwSignal::new(None),
            memory_only: RwSignal::new(memory_only),
            startup_problems: RwSignal::new(problems),
            info: RwSignal::new(None),
            announcement: RwSignal::new(String::new()),
            last_saved: RwSignal::new(None),
        }
    }

    /// Storage blocked: the other app (studio pages, results) opens in a new tab, which cannot
    /// read this tab's memory. Keep the assessments, as file text, in `window.elsaMemory` for it
    /// ([`AppState::take_shared_memory`] reads them there through `window.opener`).
    pub fn share_memory(&self) {
        if self.memory_only.get_untracked().is_none() {
            return;
        }
        let list = self.assessments;
        Effect::new(move |_| {
            let texts = js_sys::Array::new();
            list.with(|v| {
                v.iter().for_each(|a| {
                    texts.push(&crate::persist::encode(a, crate::i18n::lang()).into());
                })
            });
            let _ = js_sys::Reflect::set(&window(), &"elsaMemory".into(), &texts);
        });
    }

    /// The assessments of the tab that opened this one when it works in memory only (see
    /// [`AppState::share_memory`]), taken into this tab's memory.
    pub fn take_shared_memory(&self) {
        let Ok(opener) = js_sys::Reflect::get(&window(), &"opener".into()) else {
            return;
        };
        if !opener.is_object() {
            return;
        }
        // Another site's window throws here; that is simply nothing to take.
        let Ok(texts) = js_sys::Reflect::get(&opener, &"elsaMemory".into()) else {
            return;
        };
        let Ok(texts) = texts.dyn_into::<js_sys::Array>() else {
            return;
        };
        let taken: Vec<Assessment> = texts
            .iter()
            .filter_map(|t| t.as_string())
            .filter_map(|t| crate::persist::decode_current(&t).ok())
            .collect();
        self.assessments.update(|v| {
            for a in taken {
                if !v.iter().any(|x| x.id == a.id) {
                    v.push(a);
                }
            }
        });
    }

    pub fn assessments(&self) -> Signal<Vec<Assessment>> {
        self.assessments.into()
    }

    pub fn assessment(&self, id: &str) -> Option<Assessment> {
        self.assessments
            .with(|v| v.iter().find(|a| a.id == id).cloned())
    }

    /// The state of a questionnaire (reactive); starts loading it when it is not loaded yet. A
    /// questionnaire of the user's own is ready at once (kept on this device).
    pub fn questionnaire(&self, id: &str, version: &str) -> QState {
        let Some(info) = crate::bundled::info(id, version) else {
            return self
                .custom
                .with(|v| {
                    v.iter()
                        .find(|(q, _)| q.id == id && q.version == version)
                        .map(|(q, b)| QState::Ready(q.clone(), b.clone()))
                })
                .unwrap_or(QState::Unknown);
        };
        match self.questionnaires.with(|m| m.get(info.file).cloned()) {
            Some(state) => state,
            None => {
                let app = *self;
                leptos::task::spawn_local(async move {
                    let _ = app.load(info).await;
                });
                QState::Loading
            }
        }
    }

    /// Load a bundled questionnaire (once; later calls return the loaded one).
    pub async fn load(&self, info: &'static BundledInfo) -> Result<Arc<Questionnaire>, String> {
        if let Some(QState::Ready(q, _)) = self
            .questionnaires
            .with_untracked(|m| m.get(info.file).cloned())
        {
            return Ok(q);
        }
        if self
            .questionnaires
            .with_untracked(|m| m.get(info.file).is_none())
        {
            self.questionnaires.update(|m| {
                m.insert(info.file, QState::Loading);
            });
        }
        let result = fetch_bytes(&info.url()).await.and_then(|bytes| {
            let q = crate::bundled::decode_bin(&bytes)?;
            if q.id != info.id || q.version != info.version {
                return Err(t!(
                    "a different version of the file was loaded; reload the page"
                ));
            }
            Ok((Arc::new(q), Arc::<[u8]>::from(bytes)))
        });
        let (state, out) = match result {
            Ok((q, text)) => (QState::Ready(q.clone(), text), Ok(q)),
            Err(e) => {
                let msg = t!(
                    "The questionnaire “{0}” could not be loaded: {1}.",
                    info.title().tr(),
                    e
                );
                (QState::Failed(msg.clone()), Err(msg))
            }
        };
        self.questionnaires.update(|m| {
            m.insert(info.file, state);
        });
        out
    }

    /// Keep a checked questionnaire of the user's own on this device (its binary form, from the
    /// worker's check). The same questionnaire again changes nothing; another one with the same
    /// id and version is refused. Assessments of an older version of it move to it (their
    /// answers are kept); returns how many moved.
    pub fn keep_custom(&self, bin: Vec<u8>) -> Result<(Arc<Questionnaire>, usize), String> {
        let q = self.store_custom(bin)?;
        let older: Vec<String> = self.assessments.with_untracked(|v| {
            v.iter()
                .filter(|a| crate::custom::moves_to(a, &q))
                .map(|a| a.id.clone())
                .collect()
        });
        for id in &older {
            let version = q.version.clone();
            self.edit(id, move |a, ts| {
                a.questionnaire_version = version;
                a.modified = ts.to_string();
            });
        }
        Ok((q, older.len()))
    }

    fn store_custom(&self, bin: Vec<u8>) -> Result<Arc<Questionnaire>, String> {
        use crate::custom::{fit, Fit};
        let q = crate::bundled::decode_bin(&bin)?;
        let key = crate::custom::questionnaire_key(&q.id, &q.version);
        let found = self.custom.with_untracked(|v| {
            (
                fit(v.iter().map(|(q, b)| (&**q, &**b)), &q, &bin),
                v.iter()
                    .find(|(x, _)| x.id == q.id && x.version == q.version)
                    .map(|(x, _)| x.clone()),
            )
        });
        match found {
            (Fit::Conflict, _) => return Err(crate::custom::conflict_message(&q.id, &q.version)),
            (Fit::Same, Some(kept)) => {
                // Already here: in memory only when it came for a preview or in a file the studio read.
                if !matches!(storage::get(&key), Ok(Some(_))) {
                    storage::set(&key, &crate::custom::to_base64(&bin)).map_err(|e| e.message)?;
                }
                return Ok(kept);
            }
            _ => {}
        }
        storage::set(&key, &crate::custom::to_base64(&bin)).map_err(|e| {
            if e.quota {
                t!("this browser's storage for this site is full. Delete assessments you no longer need, then try again")
            } else {
                e.message
            }
        })?;
        let q = Arc::new(q);
        self.custom.update(|v| v.push((q.clone(), Arc::from(bin))));
        Ok(q)
    }

    /// Use a custom questionnaire carried in a file for this visit only (the studio: a reviewer's
    /// or an educator's files are read, not kept). Refused when another with the same id and
    /// version is here already.
    pub fn use_carried(&self, bin: Vec<u8>) -> Result<(), String> {
        use crate::custom::{fit, Fit};
        let q = crate::bundled::decode_bin(&bin)?;
        match self
            .custom
            .with_untracked(|v| fit(v.iter().map(|(q, b)| (&**q, &**b)), &q, &bin))
        {
            Fit::Same => Ok(()),
            Fit::Conflict => Err(crate::custom::conflict_message(&q.id, &q.version)),
            Fit::New => {
                self.custom
                    .update(|v| v.push((Arc::new(q), Arc::from(bin))));
                Ok(())
            }
        }
    }

    /// Remove a questionnaire of the user's own; refused while an assessment uses it.
    pub fn remove_custom(&self, id: &str, version: &str) -> Result<(), String> {
        let used = self.assessments.with_untracked(|v| {
            v.iter()
                .filter(|a| a.questionnaire_id == id && a.questionnaire_version == version)
                .count()
        });
        if used > 0 {
            return Err(t!("{0} assessment(s) on this device use this questionnaire. Delete them first, or keep the questionnaire.", used));
        }
        storage::remove_key(&crate::custom::questionnaire_key(id, version))?;
        self.custom
            .update(|v| v.retain(|(q, _)| !(q.id == id && q.version == version)));
        Ok(())
    }

    /// Forget a failed load so that it is tried again.
    pub fn retry(&self, id: &str, version: &str) {
        if let Some(info) = crate::bundled::info(id, version) {
            self.questionnaires.update(|m| {
                m.remove(info.file);
            });
        }
    }

    pub fn announce(&self, text: impl Into<String>) {
        self.announcement.set(text.into());
    }

    fn persist(&self, a: &Assessment) {
        if self.memory_only.get_untracked().is_some() {
            return;
        }
        match storage::save(a) {
            Ok(()) => {
                self.storage_error.set(None);
                self.last_saved.set(Some(a.modified.clone()));
                // Told once after anything else was announced, not at every keystroke.
                let saved = saved_text();
                if self.announcement.with_untracked(|t| *t != saved) {
                    self.announce(saved);
                }
            }
            Err(e) if e.quota => self.storage_error.set(Some(t!(
                "This browser's storage for this site is full, so your last change was not saved on this device. It is kept in this tab: export your answers now to keep them, then make room by deleting assessments you no longer need."
            ))),
            Err(e) => self.storage_error.set(Some(t!(
                "Your last change could not be saved on this device: {0}. It is kept in this tab for now: export your answers to keep them, and do not close the tab until the problem is solved.",
                e.message
            ))),
        }
    }

    /// Take a newer stored version of an assessment (saved by another tab) into memory.
    /// Returns whether anything changed.
    pub fn take_newer(&self, newer: Assessment) -> bool {
        let mut changed = false;
        self.assessments
            .update(|v| match v.iter_mut().find(|a| a.id == newer.id) {
                Some(a) if newer.modified > a.modified => {
                    *a = newer;
                    changed = true;
                }
                Some(_) => {}
                None => {
                    v.insert(0, newer);
                    changed = true;
                }
            });
        changed
    }

    /// Another tab removed an assessment.
    pub fn forget(&self, id: &str) {
        self.assessments.update(|v| v.retain(|a| a.id != id));
    }

    /// Save an imported assessment: as new, replacing the one with the same id, or as a copy
    /// with a new id. Nothing changes unless the save succeeds. Returns the id it got.
    pub fn add_imported(&self, mut a: Assessment, keep_both: bool) -> Result<String, String> {
        if keep_both {
            a.id = new_id();
        }
        if self.memory_only.get_untracked().is_none() {
            storage::save(&a).map_err(|e| {
                if e.quota {
                    t!("this browser's storage for this site is full. Delete assessments you no longer need, then try again")
                } else {
                    t!("it could not be saved on this device ({0})", e.message)
                }
            })?;
        }
        let id = a.id.clone();
        self.assessments.update(|v| {
            v.retain(|x| x.id != a.id);
            v.insert(0, a);
        });
        Ok(id)
    }

    /// Download every assessment in memory as its own JSON file (the way out when storage
    /// fails).
    pub fn export_all(&self) -> Result<usize, String> {
        let list = self.assessments.get_untracked();
        let ts = now();
        for a in &list {
            let name = crate::files::assessment_json(a, &ts);
            super::download::download(
                crate::persist::encode(a, crate::i18n::lang()).as_bytes(),
                &name,
                "application/json",
            )?;
        }
        Ok(list.len())
    }

    /// Start a new assessment of a questionnaire; returns its id.
    pub fn create(&self, q: &Questionnaire) -> String {
        let a = Assessment::new(new_id(), q, &now());
        let id = a.id.clone();
        self.persist(&a);
        self.assessments.update(|v| v.insert(0, a));
        id
    }

    /// Start a practice assessment of a worked case (issue 18): of the case's questionnaire, with
    /// an id that names the case (so that a workshop recognises it) and the case's title as the
    /// project's name; returns its id.
    pub fn create_for_case(&self, q: &Questionnaire, case_id: &str, project: &str) -> String {
        let id = format!(
            "{}{}",
            crate::cases::assessment_id_prefix(case_id),
            new_id()
        );
        let mut a = Assessment::new(id, q, &now());
        a.metadata.project_name = project.to_string();
        let id = a.id.clone();
        self.persist(&a);
        self.assessments.update(|v| v.insert(0, a));
        id
    }

    /// Apply a change to one assessment and save it at once. When another tab saved a newer
    /// version meanwhile, the change is applied on top of that one: a tab never overwrites newer
    /// data with older data.
    ///
    /// A stored entry that cannot be read (written in a newer format by an updated app in another
    /// tab, or damaged) is never overwritten: the change is kept in this tab, and the user is
    /// told so and offered the export.
    fn edit(&self, id: &str, f: impl FnOnce(&mut Assessment, &str)) {
        let mut unreadable = None;
        if self.memory_only.get_untracked().is_none() {
            match storage::load(id) {
                Ok(Some(stored)) => {
                    if self.take_newer(stored) {
                        self.info.set(Some(t!("This assessment was changed in another tab. Those changes were loaded, and your change was made on top of them.")));
                    }
                }
                Ok(None) => {}
                Err(e) => unreadable = Some(e),
            }
        }
        let mut saved = None;
        self.assessments.update(|v| {
            if let Some(a) = v.iter_mut().find(|a| a.id == id) {
                // `modified` only ever grows, even when another tab's clock ran ahead: other tabs
                // take a version only when it is newer than theirs.
                let ts = later_than(&a.modified);
                f(a, &ts);
                saved = Some(a.clone());
            }
        });
        match (saved, unreadable) {
            (Some(_), Some(e)) => self.storage_error.set(Some(t!(
                "The saved copy of this assessment could not be read ({0}), so your change was not saved over it. Your change is kept in this tab: export your answers to keep them.",
                e
            ))),
            (Some(a), None) => self.persist(&a),
            (None, _) => {}
        }
    }

    pub fn set_answer(&self, id: &str, question: &str, answer: Option<Answer>) {
        self.edit(id, |a, ts| a.set_answer(question, answer, ts));
    }

    pub fn toggle_choice(
        &self,
        id: &str,
        question: &crate::model::Question,
        option: &str,
        on: bool,
    ) {
        self.edit(id, |a, ts| a.toggle_choice(question, option, on, ts));
    }

    pub fn set_note(&self, id: &str, question: &str, note: String) {
        self.edit(id, |a, ts| a.set_note(question, note, ts));
    }

    /// The team's reply to a reviewer's comment.
    pub fn set_reply(&self, id: &str, question: &str, reply: String) {
        self.edit(id, |a, ts| {
            a.set_reply(question, reply, ts);
        });
    }

    /// Take a returned review into one of my assessments, keeping my answers.
    pub fn take_review(&self, id: &str, reviewed: &Assessment) {
        self.edit(id, |a, ts| {
            crate::review::take_review(a, reviewed);
            a.modified = ts.to_string();
        });
    }

    /// Add an action to an assessment's plan: `make` gets a fresh action id (unique in the plan
    /// as saved, also after another tab's change) and the time. Returns the action's id.
    pub fn add_action(
        &self,
        id: &str,
        make: impl FnOnce(&str, &str) -> crate::actions::Action,
    ) -> Option<String> {
        let mut added = None;
        self.edit(id, |a, ts| {
            let action = make(&crate::actions::next_id(&a.actions), ts);
            added = Some(action.id.clone());
            a.add_action(action, ts);
        });
        added
    }

    /// Save an edited action (matched by its id).
    pub fn update_action(&self, id: &str, action: crate::actions::Action) {
        self.edit(id, |a, ts| {
            a.update_action(action, ts);
        });
    }

    pub fn remove_action(&self, id: &str, action_id: &str) {
        self.edit(id, |a, ts| {
            a.remove_action(action_id, ts);
        });
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

    /// Remove every assessment and every other key of the app from this browser.
    pub fn delete_all(&self) -> Result<usize, String> {
        let n = storage::delete_all()?;
        self.assessments.set(Vec::new());
        self.startup_problems.set(Vec::new());
        Ok(n)
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

/// The user's own questionnaires kept on this device; an entry that cannot be read is reported
/// (with its key, to download or remove) and left as it is.
fn load_custom(problems: &mut Vec<storage::Problem>) -> Vec<(Arc<Questionnaire>, Arc<[u8]>)> {
    let mut out = Vec::new();
    for key in storage::keys_with(crate::custom::QUESTIONNAIRE_KEY_PREFIX) {
        let read = storage::get(&key)
            .ok()
            .flatten()
            .and_then(|text| crate::custom::from_base64(&text))
            .ok_or_else(|| t!("it is not a questionnaire file of this tool"))
            .and_then(|bin| {
                crate::bundled::decode_bin(&bin).map(|q| (Arc::new(q), Arc::<[u8]>::from(bin)))
            });
        match read {
            Ok(entry) => out.push(entry),
            Err(e) => problems.push(storage::Problem {
                message: t!(
                    "A questionnaire of your own kept on this device could not be read ({0}).",
                    e
                ),
                backup_key: Some(key),
            }),
        }
    }
    out
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
