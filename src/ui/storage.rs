//! localStorage access that never panics: every failure comes back as a message for the user.

use crate::answers::Assessment;
use crate::persist::{self, ASSESSMENT_KEY_PREFIX};

fn storage() -> Result<web_sys::Storage, String> {
    let window = web_sys::window().ok_or("no browser window")?;
    match window.local_storage() {
        Ok(Some(s)) => Ok(s),
        Ok(None) => Err("this browser offers no local storage".into()),
        Err(_) => Err("local storage is blocked in this browser (private mode or a strict setting)".into()),
    }
}

fn js_error(e: wasm_bindgen::JsValue) -> String {
    let name = js_sys::Reflect::get(&e, &"name".into()).ok().and_then(|v| v.as_string()).unwrap_or_default();
    if name == "QuotaExceededError" {
        "the browser's storage for this site is full".to_string()
    } else {
        e.as_string()
            .or_else(|| js_sys::Reflect::get(&e, &"message".into()).ok().and_then(|v| v.as_string()))
            .unwrap_or_else(|| "unknown storage error".to_string())
    }
}

/// Every saved assessment, and a message per entry that could not be read. Unreadable entries
/// are left in place, never overwritten or deleted.
pub fn load_all() -> (Vec<Assessment>, Vec<String>) {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    let s = match storage() {
        Ok(s) => s,
        Err(e) => return (out, vec![format!("Your answers cannot be kept: {e}.")]),
    };
    let len = s.length().unwrap_or(0);
    let keys: Vec<String> = (0..len).filter_map(|i| s.key(i).ok().flatten()).collect();
    for key in keys.into_iter().filter(|k| k.starts_with(ASSESSMENT_KEY_PREFIX)) {
        match s.get_item(&key) {
            Ok(Some(text)) => match persist::decode(&text) {
                Ok(a) => out.push(a),
                Err(e) => problems.push(format!("A saved assessment ({key}) could not be read: {e}. It was left untouched.")),
            },
            Ok(None) => {}
            Err(e) => problems.push(format!("A saved assessment ({key}) could not be read: {}.", js_error(e))),
        }
    }
    out.sort_by(|a, b| b.modified.cmp(&a.modified));
    (out, problems)
}

pub fn save(a: &Assessment) -> Result<(), String> {
    storage()?
        .set_item(&persist::assessment_key(&a.id), &persist::encode(a))
        .map_err(js_error)
}

pub fn delete(id: &str) -> Result<(), String> {
    storage()?.remove_item(&persist::assessment_key(id)).map_err(js_error)
}

/// Remove every key of the app (all start with `elsa.`); returns how many were removed.
pub fn delete_all() -> Result<usize, String> {
    let s = storage()?;
    let len = s.length().unwrap_or(0);
    let keys: Vec<String> = (0..len)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.starts_with(crate::persist::KEY_NAMESPACE))
        .collect();
    for k in &keys {
        s.remove_item(k).map_err(js_error)?;
    }
    Ok(keys.len())
}
