//! localStorage access that never panics: every failure comes back as a message for the user.
//!
//! - An entry that cannot be read (invalid JSON, wrong shape) is moved to a backup key
//!   (`elsa.v1.backup.<id>`, never overwritten: a second damaged entry of the same id gets
//!   `.2`, `.3`, …) so that its id is free again and its text is never lost; the user is told and
//!   can download the raw text or remove it.
//! - An entry made by a newer version of the tool is left where it is, untouched.
//! - When storage is missing or throws, the app keeps working in memory (the caller shows a
//!   warning and offers export).

use crate::answers::Assessment;
use crate::persist::{self, PersistError, ASSESSMENT_KEY_PREFIX, BACKUP_KEY_PREFIX};
use crate::t;

fn storage() -> Result<web_sys::Storage, String> {
    let window = web_sys::window().ok_or_else(|| t!("no browser window"))?;
    match window.local_storage() {
        Ok(Some(s)) => Ok(s),
        Ok(None) => Err(t!("this browser offers no local storage")),
        Err(_) => Err(t!(
            "local storage is blocked in this browser (private mode or a strict setting)"
        )),
    }
}

/// Whether storage can be used at all (a write and a removal of a probe key succeed).
pub fn available() -> Result<(), String> {
    let s = storage()?;
    const PROBE: &str = "elsa.v1.probe";
    s.set_item(PROBE, "1").map_err(js_error)?;
    s.remove_item(PROBE).map_err(js_error)
}

/// A failed save: the browser's message, and whether it was the quota.
#[derive(Debug, Clone, PartialEq)]
pub struct SaveError {
    pub message: String,
    pub quota: bool,
}

fn js_error(e: wasm_bindgen::JsValue) -> String {
    if is_quota(&e) {
        t!("the browser's storage for this site is full")
    } else {
        e.as_string()
            .or_else(|| {
                js_sys::Reflect::get(&e, &"message".into())
                    .ok()
                    .and_then(|v| v.as_string())
            })
            .unwrap_or_else(|| t!("unknown storage error"))
    }
}

fn is_quota(e: &wasm_bindgen::JsValue) -> bool {
    let name = js_sys::Reflect::get(e, &"name".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED"
}

/// A problem found while reading saved data, for the user.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub message: String,
    /// The key holding the raw text of a damaged entry (to download or remove).
    pub backup_key: Option<String>,
}

fn keys(s: &web_sys::Storage) -> Vec<String> {
    let len = s.length().unwrap_or(0);
    (0..len).filter_map(|i| s.key(i).ok().flatten()).collect()
}

/// Move a damaged entry to a fresh backup key. Returns the backup key, or an error (then the
/// entry stays where it was).
fn back_up(s: &web_sys::Storage, key: &str, text: &str) -> Result<String, String> {
    let id = key.strip_prefix(ASSESSMENT_KEY_PREFIX).unwrap_or(key);
    let mut backup = format!("{BACKUP_KEY_PREFIX}{id}");
    let mut n = 1;
    while s.get_item(&backup).ok().flatten().is_some() {
        n += 1;
        backup = format!("{BACKUP_KEY_PREFIX}{id}.{n}");
    }
    s.set_item(&backup, text).map_err(js_error)?;
    s.remove_item(key).map_err(js_error)?;
    Ok(backup)
}

fn damaged(backup: &str, why: Option<&PersistError>) -> Problem {
    let message = match why {
        Some(e) => t!(
            "A saved assessment could not be read: {0}. It is not in your list. Its text is kept unchanged under “{1}”: download it to keep it or to send it for help.",
            e,
            backup
        ),
        None => t!(
            "A saved assessment could not be read. It is not in your list. Its text is kept unchanged under “{0}”: download it to keep it or to send it for help.",
            backup
        ),
    };
    Problem {
        message,
        backup_key: Some(backup.to_string()),
    }
}

/// Every saved assessment, and the problems met on the way.
pub fn load_all() -> (Vec<Assessment>, Vec<Problem>) {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    let s = match storage() {
        Ok(s) => s,
        Err(_) => return (out, problems),
    };
    for key in keys(&s) {
        if key.starts_with(BACKUP_KEY_PREFIX) {
            problems.push(damaged(&key, None));
            continue;
        }
        if !key.starts_with(ASSESSMENT_KEY_PREFIX) {
            continue;
        }
        match s.get_item(&key) {
            Ok(Some(text)) => match persist::decode_current(&text) {
                Ok(a) => out.push(a),
                Err(PersistError::NewerFormat(_)) => problems.push(Problem {
                    message: t!(
                        "A saved assessment ({0}) was made by a newer version of this tool, so this version cannot show it. It was left untouched; open it with the newer version.",
                        key
                    ),
                    backup_key: None,
                }),
                Err(e) => match back_up(&s, &key, &text) {
                    Ok(backup) => problems.push(damaged(&backup, Some(&e))),
                    Err(why) => problems.push(Problem {
                        message: t!("A saved assessment ({0}) could not be read ({1}), and could not be moved aside ({2}). It was left untouched.", key, e, why),
                        backup_key: Some(key.clone()),
                    }),
                },
            },
            Ok(None) => {}
            Err(e) => problems.push(Problem { message: t!("A saved assessment ({0}) could not be read: {1}.", key, js_error(e)), backup_key: None }),
        }
    }
    out.sort_by(|a, b| b.modified.cmp(&a.modified));
    (out, problems)
}

/// The stored version of one assessment: `Ok(None)` when there is none, `Err` when it cannot
/// be read (then the caller must not overwrite it blindly).
pub fn load(id: &str) -> Result<Option<Assessment>, String> {
    match storage()?.get_item(&persist::assessment_key(id)) {
        Ok(Some(text)) => persist::decode_current(&text)
            .map(Some)
            .map_err(|e| e.to_string()),
        Ok(None) => Ok(None),
        Err(e) => Err(js_error(e)),
    }
}

pub fn save(a: &Assessment) -> Result<(), SaveError> {
    let s = storage().map_err(|message| SaveError {
        message,
        quota: false,
    })?;
    s.set_item(
        &persist::assessment_key(&a.id),
        &persist::encode(a, crate::i18n::lang()),
    )
    .map_err(|e| SaveError {
        quota: is_quota(&e),
        message: js_error(e),
    })
}

pub fn delete(id: &str) -> Result<(), String> {
    storage()?
        .remove_item(&persist::assessment_key(id))
        .map_err(js_error)
}

/// The raw text under a key of the app.
pub fn raw(key: &str) -> Result<String, String> {
    storage()?
        .get_item(key)
        .map_err(js_error)?
        .ok_or_else(|| t!("it is no longer there"))
}

pub fn remove_key(key: &str) -> Result<(), String> {
    storage()?.remove_item(key).map_err(js_error)
}

/// Remove every key of the app (all start with `elsa.`); returns how many were removed.
pub fn delete_all() -> Result<usize, String> {
    let s = storage()?;
    let keys: Vec<String> = keys(&s)
        .into_iter()
        .filter(|k| k.starts_with(crate::persist::KEY_NAMESPACE))
        .collect();
    for k in &keys {
        s.remove_item(k).map_err(js_error)?;
    }
    Ok(keys.len())
}

/// The text under any key of the app (`Ok(None)`: nothing there).
pub fn get(key: &str) -> Result<Option<String>, String> {
    storage()?.get_item(key).map_err(js_error)
}

/// Write any key of the app.
pub fn set(key: &str, text: &str) -> Result<(), SaveError> {
    let s = storage().map_err(|message| SaveError {
        message,
        quota: false,
    })?;
    s.set_item(key, text).map_err(|e| SaveError {
        quota: is_quota(&e),
        message: js_error(e),
    })
}

/// Every key that starts with `prefix`.
pub fn keys_with(prefix: &str) -> Vec<String> {
    storage()
        .map(|s| {
            keys(&s)
                .into_iter()
                .filter(|k| k.starts_with(prefix))
                .collect()
        })
        .unwrap_or_default()
}
