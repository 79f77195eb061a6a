//! The interface language: English (in the code) and Dutch (in `i18n/nl/*.json`).
//!
//! ## How a text is translated
//! Every user-facing text of the code is written in English inside [`t!`](crate::t):
//! `t!("Export PDF")`, or with numbered arguments `t!("Downloaded {0} files.", n)`. The macro
//! computes a 32-bit key from the English text at compile time ([`key`]) and looks the key up in
//! the current catalogue; without a catalogue, or without an entry, the English text is used.
//!
//! The Dutch texts live in `i18n/nl/*.json`, objects from the English text to the Dutch one.
//! A native test (`tests/it/i18n.rs`) scans the sources for every `t!` text and fails, listing them
//! all, when one has no Dutch text, when a Dutch text has no `t!` any more, or when the numbered
//! arguments differ.
//!
//! ## Where the catalogue comes from
//! - **The browser apps** fetch `i18n/nl.json` (made by `gen-bundle`: the same texts keyed by
//!   [`key`] in hex, so that the English texts are not sent twice) only when Dutch is chosen, so
//!   the Dutch texts cost an English first page load nothing.
//! - **The report worker and the CLI** compile the Dutch texts in ([`builtin`]) and render a
//!   report in the language asked for ([`with_lang`]).
//!
//! Dates and numbers follow the language too ([`num`], [`date`]).

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// An interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Nl,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Nl];

    /// The BCP 47 code, also the locale of questionnaire texts.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Nl => "nl",
        }
    }

    /// The language's own name.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Nl => "Nederlands",
        }
    }

    /// A language from a code such as `"nl"`, `"nl-BE"` or `"en-GB"` (case-insensitive).
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "nl" => Some(Lang::Nl),
            _ => None,
        }
    }

    /// The language for a first visit: the first of the browser's preferred languages that the
    /// tool has, else English.
    pub fn from_browser<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Lang {
        preferred.into_iter().find_map(Lang::from_code).unwrap_or_default()
    }
}

/// The key of an English text: 32-bit FNV-1a of its UTF-8 bytes. `const`, so that [`t!`](crate::t)
/// computes it at compile time.
pub const fn key(text: &str) -> u32 {
    let bytes = text.as_bytes();
    let mut hash: u32 = 0x811c_9dc5;
    let mut i = 0;
    while i < bytes.len() {
        hash ^= bytes[i] as u32;
        hash = hash.wrapping_mul(0x0100_0193);
        i += 1;
    }
    hash
}

/// Translated texts by [`key`].
pub type Catalog = HashMap<u32, String>;

thread_local! {
    static CURRENT: RefCell<(Lang, Rc<Catalog>)> = RefCell::new((Lang::En, Rc::new(Catalog::new())));
}

/// The current language.
pub fn lang() -> Lang {
    CURRENT.with(|c| c.borrow().0)
}

/// Makes `lang` current with its catalogue (empty for English).
pub fn set(lang: Lang, catalog: Catalog) {
    CURRENT.with(|c| *c.borrow_mut() = (lang, Rc::new(catalog)));
}

/// The text for `key` in the current language; `english` when there is none.
pub fn tr(key: u32, english: &'static str) -> String {
    CURRENT.with(|c| c.borrow().1.get(&key).cloned()).unwrap_or_else(|| english.to_string())
}

/// Fills `{0}`, `{1}`, … in `template` with `args`. A `{n}` without an argument stays as it is.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('}');
        let index = close.and_then(|c| after[..c].parse::<usize>().ok());
        match (close, index.and_then(|i| args.get(i))) {
            (Some(c), Some(arg)) => {
                out.push_str(arg);
                rest = &after[c + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A user-facing text in the current language. `t!("English text")`, or with arguments that fill
/// `{0}`, `{1}`, …: `t!("Downloaded {0} files.", n)`.
#[macro_export]
macro_rules! t {
    ($text:literal) => {
        $crate::i18n::tr({ const KEY: u32 = $crate::i18n::key($text); KEY }, $text)
    };
    ($text:literal, $($arg:expr),+ $(,)?) => {
        $crate::i18n::fill(&$crate::t!($text), &[$(&$arg.to_string()),+])
    };
}

/// Reads a catalogue as the browser gets it: `{"<key in hex>": "text", …}`.
pub fn parse_keyed(json: &str) -> Result<Catalog, String> {
    let map: HashMap<String, String> = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let mut out = Catalog::with_capacity(map.len());
    for (k, v) in map {
        let key = u32::from_str_radix(&k, 16).map_err(|_| format!("\"{k}\" is not a text key"))?;
        out.insert(key, v);
    }
    Ok(out)
}

/// The Dutch sources: objects from the English text to the Dutch one, one file per part of the code.
pub const NL_SOURCES: [(&str, &str); 4] = [
    ("i18n/nl/app.json", include_str!("../i18n/nl/app.json")),
    ("i18n/nl/studio.json", include_str!("../i18n/nl/studio.json")),
    ("i18n/nl/report.json", include_str!("../i18n/nl/report.json")),
    ("i18n/nl/core.json", include_str!("../i18n/nl/core.json")),
];

/// Every Dutch text from [`NL_SOURCES`] by English text, with problems (unreadable files, an English
/// text translated twice differently, two texts with one key) listed, not thrown.
pub fn nl_sources() -> (Vec<(String, String)>, Vec<String>) {
    let mut pairs: Vec<(String, String)> = Vec::new();
    let mut problems = Vec::new();
    for (path, text) in NL_SOURCES {
        match serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(text) {
            Ok(map) => {
                for (en, nl) in map {
                    let Some(nl) = nl.as_str() else {
                        problems.push(format!("{path}: \"{en}\": the Dutch text must be a string"));
                        continue;
                    };
                    match pairs.iter().find(|(e, _)| *e == en) {
                        Some((_, other)) if other != nl => {
                            problems.push(format!("{path}: \"{en}\" is translated differently in another file"))
                        }
                        Some(_) => {}
                        None => pairs.push((en, nl.to_string())),
                    }
                }
            }
            Err(e) => problems.push(format!("{path}: {e}")),
        }
    }
    let mut seen: HashMap<u32, &str> = HashMap::new();
    for (en, _) in &pairs {
        if let Some(other) = seen.insert(key(en), en) {
            problems.push(format!("\"{en}\" and \"{other}\" have the same key; reword one"));
        }
    }
    (pairs, problems)
}

/// The catalogue of `lang`, compiled in (the report worker and the CLI).
pub fn builtin(lang: Lang) -> Catalog {
    match lang {
        Lang::En => Catalog::new(),
        Lang::Nl => nl_sources().0.into_iter().map(|(en, nl)| (key(&en), nl)).collect(),
    }
}

/// The catalogue the browser fetches: `{"<key in hex>": "Dutch text"}` (`gen-bundle` writes it).
pub fn keyed_json(lang: Lang) -> String {
    let mut entries: Vec<(u32, String)> = builtin(lang).into_iter().collect();
    entries.sort();
    let map: serde_json::Map<String, serde_json::Value> =
        entries.into_iter().map(|(k, v)| (format!("{k:08x}"), serde_json::Value::String(v))).collect();
    serde_json::to_string(&map).unwrap_or_default()
}

/// Runs `f` with `lang` current (its built-in catalogue), then restores what was current.
pub fn with_lang<R>(lang: Lang, f: impl FnOnce() -> R) -> R {
    let before = CURRENT.with(|c| c.borrow().clone());
    if before.0 != lang {
        set(lang, builtin(lang));
    }
    let out = f();
    CURRENT.with(|c| *c.borrow_mut() = before);
    out
}

/// A number with `decimals` decimals, with the decimal sign of the current language ("2.5" / "2,5").
pub fn num(value: f64, decimals: usize) -> String {
    let s = format!("{value:.decimals$}");
    match lang() {
        Lang::En => s,
        Lang::Nl => s.replace('.', ","),
    }
}

const MONTHS_EN: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const MONTHS_NL: [&str; 12] =
    ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

/// A date from ISO 8601 (`2026-11-29`, or a timestamp starting with it) as people write it in the
/// current language: "29 November 2026" / "29 november 2026". Anything else is returned as it is.
pub fn date(iso: &str) -> String {
    let parts: Option<(i32, usize, u32)> = (|| {
        let d = iso.get(..10)?;
        let mut it = d.split('-');
        let y = it.next()?.parse().ok()?;
        let m: usize = it.next()?.parse().ok()?;
        let day = it.next()?.parse().ok()?;
        ((1..=12).contains(&m) && (1..=31).contains(&day)).then_some((y, m, day))
    })();
    match parts {
        Some((y, m, d)) => {
            let month = match lang() {
                Lang::En => MONTHS_EN[m - 1],
                Lang::Nl => MONTHS_NL[m - 1],
            };
            format!("{d} {month} {y}")
        }
        None => iso.to_string(),
    }
}
