//! The interface language: English (in the code) and Dutch (in `i18n/nl/*.json`).
//!
//! ## How a text is translated
//! Every user-facing text of the code is written in English inside [`t!`](crate::t):
//! `t!("Export PDF")`, or with numbered arguments `t!("Downloaded {0} files.", n)`; the static
//! texts of views use [`ts!`](crate::ts), the same as a `&'static str`. The macro
//! computes a 32-bit key from the English text at compile time ([`key`]) and looks the key up in
//! the current catalogue; without a catalogue, or without an entry, the English text is used.
//!
//! The Dutch texts live in `i18n/nl/*.json`, objects from the English text to the Dutch one.
//! A native test (`tests/it/i18n.rs`) scans the sources for every `t!` text and fails, listing them
//! all, when one has no Dutch text, when a Dutch text has no `t!` any more, or when the numbered
//! arguments differ.
//!
//! ## Where the catalogue comes from
//! - **The browser apps** fetch their own catalogue only when Dutch is chosen: `i18n/nl.json`
//!   (main app) or `i18n/nl-studio.json` (studio), made by `gen-bundle` with [`keyed_json_for`]:
//!   only the texts the app's code uses, as pairs of [`key`] and text, so that the English is not
//!   sent twice. An English first page load fetches nothing. The texts are kept for the rest of the
//!   program ([`set`]), so [`tr`] hands out `&'static str`.
//! - **The report worker and the CLI** compile the Dutch texts in ([`builtin`]) and render a
//!   report in the language asked for ([`with_lang`]).
//!
//! Dates and numbers follow the language too ([`num`], [`date`]).

use std::cell::Cell;
use std::collections::HashMap;

/// An interface language.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
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
        let primary = code
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "nl" => Some(Lang::Nl),
            _ => None,
        }
    }

    /// The language for a first visit: the first of the browser's preferred languages that the
    /// tool has, else English.
    pub fn from_browser<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Lang {
        preferred
            .into_iter()
            .find_map(Lang::from_code)
            .unwrap_or_default()
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

/// Translated texts by [`key`], sorted by key (a binary search: less code in the wasm than a
/// hash map).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Catalog(Vec<(u32, String)>);

/// No texts: English.
static EMPTY: Catalog = Catalog::new();

impl Catalog {
    pub const fn new() -> Self {
        Catalog(Vec::new())
    }

    pub fn get(&self, key: u32) -> Option<&str> {
        self.0
            .binary_search_by_key(&key, |(k, _)| *k)
            .ok()
            .map(|i| self.0[i].1.as_str())
    }

    /// Adds or replaces the text of `key`.
    pub fn insert(&mut self, key: u32, text: String) {
        match self.0.binary_search_by_key(&key, |(k, _)| *k) {
            Ok(i) => self.0[i].1 = text,
            Err(i) => self.0.insert(i, (key, text)),
        }
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl FromIterator<(u32, String)> for Catalog {
    fn from_iter<I: IntoIterator<Item = (u32, String)>>(iter: I) -> Self {
        let mut v: Vec<(u32, String)> = iter.into_iter().collect();
        v.sort_by_key(|(k, _)| *k);
        v.dedup_by_key(|(k, _)| *k);
        Catalog(v)
    }
}

thread_local! {
    static CURRENT: Cell<(Lang, &'static Catalog)> = const { Cell::new((Lang::En, &EMPTY)) };
}

/// The current language.
pub fn lang() -> Lang {
    CURRENT.with(|c| c.get().0)
}

/// Makes `lang` current with its catalogue (empty for English).
///
/// The catalogue is kept for the rest of the program (so that [`tr`] can hand out `&'static str`,
/// which is what a view's static text costs least as); keep the returned reference to make it
/// current again with [`set_static`] instead of setting a copy.
pub fn set(lang: Lang, catalog: Catalog) -> &'static Catalog {
    let catalog: &'static Catalog = Box::leak(Box::new(catalog));
    set_static(lang, catalog);
    catalog
}

/// Makes `lang` current with a catalogue returned earlier by [`set`].
pub fn set_static(lang: Lang, catalog: &'static Catalog) {
    CURRENT.with(|c| c.set((lang, catalog)));
}

/// The text for `key` in the current language; `english` when there is none. Never inlined:
/// it is called from hundreds of places, and the wasm must stay small.
#[inline(never)]
pub fn tr(key: u32, english: &'static str) -> &'static str {
    CURRENT.with(|c| c.get().1.get(key)).unwrap_or(english)
}

/// Fills `{0}`, `{1}`, … in `template` with `args`. A `{n}` without an argument stays as it is.
#[inline(never)]
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

/// The text for `key` as a `String` (see [`tr`]).
#[inline(never)]
pub fn tr_string(key: u32, english: &'static str) -> String {
    tr(key, english).to_string()
}

/// A user-facing text in the current language, as a `String`. `t!("English text")`, or with
/// arguments that fill `{0}`, `{1}`, …: `t!("Downloaded {0} files.", n)`.
#[macro_export]
macro_rules! t {
    ($text:literal) => {
        $crate::i18n::tr_string({ const KEY: u32 = $crate::i18n::key($text); KEY }, $text)
    };
    ($text:literal, $($arg:expr),+ $(,)?) => {
        $crate::i18n::fill($crate::ts!($text), &[$(&$arg.to_string()),+])
    };
}

/// The same as [`t!`](crate::t) without arguments, as a `&'static str`: what the static texts of
/// views use (a view's `&'static str` child costs less wasm than a `String` one).
#[macro_export]
macro_rules! ts {
    ($text:literal) => {
        $crate::i18n::tr(
            {
                const KEY: u32 = $crate::i18n::key($text);
                KEY
            },
            $text,
        )
    };
}

/// Reads a catalogue as the browser gets it: `[[key, "text"], …]` (see [`keyed_json_for`]).
pub fn parse_keyed(json: &str) -> Result<Catalog, String> {
    let pairs: Vec<(u32, String)> = serde_json::from_str(json).map_err(|e| e.to_string())?;
    Ok(pairs.into_iter().collect())
}

/// The Dutch sources: objects from the English text to the Dutch one, one file per part of the code.
pub const NL_SOURCES: [(&str, &str); 4] = [
    ("i18n/nl/app.json", include_str!("../i18n/nl/app.json")),
    (
        "i18n/nl/studio.json",
        include_str!("../i18n/nl/studio.json"),
    ),
    (
        "i18n/nl/report.json",
        include_str!("../i18n/nl/report.json"),
    ),
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
                        Some((_, other)) if other != nl => problems.push(format!(
                            "{path}: \"{en}\" is translated differently in another file"
                        )),
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
            problems.push(format!(
                "\"{en}\" and \"{other}\" have the same key; reword one"
            ));
        }
    }
    (pairs, problems)
}

/// The catalogue of `lang`, compiled in (the report worker and the CLI).
pub fn builtin(lang: Lang) -> Catalog {
    match lang {
        Lang::En => Catalog::new(),
        Lang::Nl => nl_sources()
            .0
            .into_iter()
            .map(|(en, nl)| (key(&en), nl))
            .collect(),
    }
}

/// Every `t!("…")` / `ts!("…")` text in the Rust files under `root` (native tools and tests:
/// the catalogue check, and `gen-bundle`, which gives each browser app only the texts it uses),
/// unescaped as Rust would, with where it is (`path:line`), in file order.
pub fn scan_sources(root: &std::path::Path) -> Result<Vec<(String, String)>, String> {
    let mut files = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))? {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("i18n.rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    let mut out = Vec::new();
    for path in files {
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let bytes = text.as_bytes();
        let mut from = 0;
        while let Some(at) = text[from..].find("!(") {
            let bang = from + at;
            from = bang + 2;
            // Only `t!(` and `ts!(`, not e.g. `format!(` or `assert!(`.
            let start = if text[..bang].ends_with("ts") {
                bang - 2
            } else if text[..bang].ends_with('t') {
                bang - 1
            } else {
                continue;
            };
            if start > 0 && (bytes[start - 1].is_ascii_alphanumeric() || bytes[start - 1] == b'_') {
                continue;
            }
            let line = text[..start].lines().count();
            let at = format!("{}:{line}", path.display());
            let Some(body) = text[from..].trim_start().strip_prefix('"') else {
                return Err(format!(
                    "{at}: t!( / ts!( must be followed by a string literal"
                ));
            };
            let mut s = String::new();
            let mut chars = body.chars();
            loop {
                match chars.next() {
                    Some('"') => break,
                    Some('\\') => match chars.next() {
                        Some('n') => s.push('\n'),
                        Some('t') => s.push('\t'),
                        Some('"') => s.push('"'),
                        Some('\\') => s.push('\\'),
                        Some('\'') => s.push('\''),
                        Some(c) => {
                            return Err(format!("{at}: unsupported escape \\{c} in a t! text"))
                        }
                        None => return Err(format!("{at}: unterminated t! text")),
                    },
                    Some(c) => s.push(c),
                    None => return Err(format!("{at}: unterminated t! text")),
                }
            }
            out.push((s, at));
        }
    }
    Ok(out)
}

/// The Dutch catalogue of one browser app, for `gen-bundle`: the texts used in the sources under
/// `root`, except those used only in files for which `leave_out(path)` is true (code the app
/// does not contain, such as the report's, which the worker has built in).
pub fn keyed_json_for(
    lang: Lang,
    root: &std::path::Path,
    leave_out: impl Fn(&str) -> bool,
) -> Result<String, String> {
    let used: std::collections::HashSet<u32> = scan_sources(root)?
        .into_iter()
        .filter(|(_, at)| !leave_out(at))
        .map(|(text, _)| key(&text))
        .collect();
    let entries: Vec<(u32, String)> = builtin(lang)
        .0
        .into_iter()
        .filter(|(k, _)| used.contains(k))
        .collect();
    Ok(serde_json::to_string(&entries).unwrap_or_default())
}

thread_local! {
    static BUILTIN_NL: std::cell::OnceCell<&'static Catalog> = const { std::cell::OnceCell::new() };
}

/// Runs `f` with `lang` current (its built-in catalogue, read once per thread), then restores
/// what was current.
pub fn with_lang<R>(lang: Lang, f: impl FnOnce() -> R) -> R {
    let before = CURRENT.with(|c| c.get());
    if before.0 != lang {
        let catalog = match lang {
            Lang::En => &EMPTY,
            Lang::Nl => {
                BUILTIN_NL.with(|b| *b.get_or_init(|| Box::leak(Box::new(builtin(Lang::Nl)))))
            }
        };
        CURRENT.with(|c| c.set((lang, catalog)));
    }
    let out = f();
    CURRENT.with(|c| c.set(before));
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

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_NL: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

/// An RFC 3339 time moved to the UTC offset of another one (`like`): a change stored in UTC,
/// shown at the offset of the report's local time. Either not such a time: `ts` as it is.
pub fn at_offset_of(ts: &str, like: &str) -> String {
    fn parse(ts: &str) -> Option<(i64, i64)> {
        let num = |a: usize, b: usize| ts.get(a..b).and_then(|s| s.parse::<i64>().ok());
        let (y, m, d, h, mi, s) = (
            num(0, 4)?,
            num(5, 7)?,
            num(8, 10)?,
            num(11, 13)?,
            num(14, 16)?,
            num(17, 19)?,
        );
        if ts.as_bytes().get(10) != Some(&b'T') || !(1..=12).contains(&m) || !(1..=31).contains(&d)
        {
            return None;
        }
        let tz = ts
            .get(19..)?
            .trim_start_matches(|c: char| c == '.' || c.is_ascii_digit());
        let offset = match tz.as_bytes().first() {
            Some(b'Z') | Some(b'z') => 0,
            Some(b'+') | Some(b'-') => {
                let sign = if tz.starts_with('-') { -1 } else { 1 };
                sign * (tz.get(1..3)?.parse::<i64>().ok()? * 60
                    + tz.get(4..6)?.parse::<i64>().ok()?)
            }
            _ => return None,
        };
        // Days from 1970-01-01 (H. Hinnant's days_from_civil).
        let y2 = if m <= 2 { y - 1 } else { y };
        let era = y2.div_euclid(400);
        let yoe = y2 - era * 400;
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        let days = era * 146097 + doe - 719468;
        Some((((days * 24 + h) * 60 + mi) * 60 + s - offset * 60, offset))
    }
    let (Some((secs, _)), Some((_, offset))) = (parse(ts), parse(like)) else {
        return ts.to_string();
    };
    rfc3339_at(secs, offset)
}

/// Seconds since 1970-01-01T00:00:00Z as RFC 3339 at a UTC offset in minutes
/// (`2026-12-03T00:30:00+01:00`; `Z` at offset 0).
pub fn rfc3339_at(secs: i64, offset: i64) -> String {
    let local = secs + offset * 60;
    let (days, rest) = (local.div_euclid(86400), local.rem_euclid(86400));
    // Days since 1970-01-01 to a civil date (H. Hinnant's civil_from_days).
    let z = days + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    let zone = if offset == 0 {
        "Z".to_string()
    } else {
        format!(
            "{}{:02}:{:02}",
            if offset < 0 { '-' } else { '+' },
            offset.abs() / 60,
            offset.abs() % 60
        )
    };
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}{zone}",
        rest / 3600,
        rest / 60 % 60,
        rest % 60
    )
}

/// An RFC 3339 time as a date and a time of day in the current language: "29 November 2026,
/// 10:15 UTC+01:00". Anything that is not such a time is returned as it is.
pub fn date_time(ts: &str) -> String {
    let day = date(ts);
    let time = ts
        .get(11..16)
        .filter(|t| t.as_bytes().get(2) == Some(&b':'));
    match time {
        Some(time) if day != ts => {
            let zone = ts
                .get(16..)
                .unwrap_or("")
                .trim_start_matches(|c: char| c == ':' || c == '.' || c.is_ascii_digit());
            let zone = match zone {
                "Z" | "z" => " UTC".to_string(),
                "" => String::new(),
                z => format!(" UTC{z}"),
            };
            format!("{day}, {time}{zone}")
        }
        _ => day,
    }
}

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

/// A legal or standards reference of a questionnaire (plain text such as "GDPR art. 35(1)") as
/// it is cited in the current language. Dutch uses the Dutch names and citation style:
/// "AVG art. 35 lid 1", "AI-verordening art. 10 lid 2 sub f", "bijlage III punt 5 sub a",
/// "overweging 26". Names the rules do not know are left as they are.
pub fn reference(r: &str) -> String {
    match lang() {
        Lang::En => r.to_string(),
        Lang::Nl => reference_nl(r),
    }
}

/// A list of references, each cited in the current language, joined with "; ".
pub fn references(list: &[String]) -> String {
    list.iter()
        .map(|r| reference(r))
        .collect::<Vec<_>>()
        .join("; ")
}

const REFERENCES_NL: [(&str, &str); 11] = [
    (
        "Commission guidelines on general-purpose AI models (2025)",
        "Richtsnoeren van de Europese Commissie over AI-modellen voor algemene doeleinden (2025)",
    ),
    (
        "Commission guidelines on the AI system definition (2025)",
        "Richtsnoeren van de Europese Commissie over de definitie van een AI-systeem (2025)",
    ),
    (
        "Autoriteit Persoonsgegevens: list of processing that requires a DPIA",
        "Autoriteit Persoonsgegevens: lijst van verwerkingen waarvoor een DPIA verplicht is",
    ),
    (
        "Dutch Algorithm Register (Algoritmeregister)",
        "Algoritmeregister van de overheid",
    ),
    (
        "Obermeyer et al., Science 2019 (label bias)",
        "Obermeyer e.a., Science 2019 (labelbias)",
    ),
    ("Pharos: B1 language level", "Pharos: taalniveau B1"),
    (
        "STANDING Together recommendations (2024)",
        "STANDING Together-aanbevelingen (2024)",
    ),
    (
        "WHO guidance on ethics and governance of AI for health (2021)",
        "WHO-richtlijn over ethiek en governance van AI voor de gezondheid (2021)",
    ),
    (
        "WHO guidance on large multi-modal models (2024)",
        "WHO-richtlijn over grote multimodale modellen (2024)",
    ),
    (
        "WP29 Guidelines on DPIA (WP248 rev.01), endorsed by the EDPB",
        "WP29-richtsnoeren voor DPIA's (WP248 rev.01), overgenomen door de EDPB",
    ),
    (
        "WP29 Guidelines on DPIA (WP248 rev.01)",
        "WP29-richtsnoeren voor DPIA's (WP248 rev.01)",
    ),
];

/// Names at the start of a reference.
const NAMES_NL: [(&str, &str); 11] = [
    ("Regulation (EU) ", "Verordening (EU) "),
    ("CJEU ", "HvJ EU "),
    ("EU AI Act ", "AI-verordening "),
    ("GDPR ", "AVG "),
    (
        "EU Charter of Fundamental Rights ",
        "Handvest van de grondrechten van de EU ",
    ),
    ("Dutch Constitution ", "Grondwet "),
    (
        "Energy Efficiency Directive ",
        "Richtlijn energie-efficiëntie ",
    ),
    (
        "Product Liability Directive ",
        "Richtlijn productaansprakelijkheid ",
    ),
    ("UN CRPD ", "VN-verdrag handicap "),
    ("PROGRESS-Plus: ", "PROGRESS-Plus: "),
    ("ALTAI: ", "ALTAI: "),
];

/// Labels after "PROGRESS-Plus: ", "ALTAI: ", "FUTURE-AI: ".
const LABELS_NL: [(&str, &str); 24] = [
    ("disability", "beperking"),
    ("education", "opleiding"),
    ("gender", "gender"),
    ("occupation", "beroep"),
    ("place of residence", "woonplaats"),
    (
        "race, ethnicity, culture and language",
        "afkomst, etniciteit, cultuur en taal",
    ),
    ("religion", "religie"),
    ("social capital", "sociaal kapitaal"),
    ("socio-economic status", "sociaaleconomische status"),
    ("socioeconomic status", "sociaaleconomische status"),
    ("accountability", "verantwoording"),
    (
        "diversity, non-discrimination and fairness",
        "diversiteit, non-discriminatie en eerlijkheid",
    ),
    (
        "human agency and oversight",
        "menselijke autonomie en toezicht",
    ),
    (
        "societal and environmental well-being",
        "maatschappelijk en ecologisch welzijn",
    ),
    (
        "technical robustness and safety",
        "technische robuustheid en veiligheid",
    ),
    ("transparency", "transparantie"),
    ("explainability", "uitlegbaarheid"),
    ("fairness", "eerlijkheid"),
    ("robustness", "robuustheid"),
    ("traceability", "traceerbaarheid"),
    ("universality", "universaliteit"),
    ("usability", "bruikbaarheid"),
    ("privacy and data governance", "privacy en datagovernance"),
    ("time", "tijd"),
];

fn reference_nl(r: &str) -> String {
    if let Some((_, nl)) = REFERENCES_NL.iter().find(|(en, _)| *en == r) {
        return nl.to_string();
    }
    if let Some((framework, label)) = r.split_once(": ") {
        if let Some((_, nl)) = LABELS_NL.iter().find(|(en, _)| *en == label) {
            return format!("{framework}: {nl}");
        }
    }
    let mut s = r.to_string();
    if let Some((en, nl)) = NAMES_NL.iter().find(|(en, _)| s.starts_with(en)) {
        s = format!("{nl}{}", &s[en.len()..]);
    }
    for (en, nl) in [
        (" Annex ", " bijlage "),
        (" recital ", " overweging "),
        (" point ", " punt "),
        (" rule ", " regel "),
    ] {
        s = s.replace(en, nl);
    }
    // Definitions are cited by point, not by paragraph: AI Act art. 3, GDPR art. 4.
    let definitions = s.starts_with("AI-verordening art. 3(") || s.starts_with("AVG art. 4(");
    // "(2)" right after a number → " lid 2" (" punt 2" after "punt" or in a definitions
    // article); "(f)" after that → " sub f". Other brackets ("(2024)", "(EU)") stay.
    let mut out = String::with_capacity(s.len() + 16);
    let mut rest = s.as_str();
    let mut first = true;
    while let Some(open) = rest.find('(') {
        let before = &rest[..open];
        let prev = out
            .chars()
            .last()
            .into_iter()
            .chain(before.chars().last())
            .last();
        let after = &rest[open + 1..];
        let inner = after.find(')').map(|c| &after[..c]);
        let cited = prev.is_some_and(|c| {
            c.is_ascii_digit() || (c.is_ascii_lowercase() && !first && before.is_empty())
        }) && inner.is_some_and(|x| {
            (!x.is_empty() && x.len() <= 3 && x.bytes().all(|b| b.is_ascii_digit()))
                || (x.len() == 1 && x.bytes().all(|b| b.is_ascii_lowercase()))
        });
        out.push_str(before);
        match (cited, inner) {
            (true, Some(x)) => {
                let numeric = x.bytes().all(|b| b.is_ascii_digit());
                let after_point = out
                    .trim_end_matches(|c: char| c.is_ascii_digit())
                    .ends_with("punt ");
                let word = match (numeric, first) {
                    (true, true) if definitions && !after_point => "punt",
                    (true, true) if !after_point => "lid",
                    (true, _) => "lid",
                    (false, _) => "sub",
                };
                out.push(' ');
                out.push_str(word);
                out.push(' ');
                out.push_str(x);
                first = false;
                rest = &after[x.len() + 1..];
            }
            _ => {
                out.push('(');
                first = true;
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}
