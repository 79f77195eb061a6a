//! The interface language: every `t!` text has Dutch, no Dutch text is left over, numbered
//! arguments agree; the lookup, argument filling, dates and numbers.
use elsa::i18n::{self, Lang};
use std::collections::{BTreeMap, BTreeSet};

/// Every `t!("…")` text in `src/`, with where it is (file:line), unescaped as Rust would.
fn t_texts() -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut stack = vec![std::path::PathBuf::from("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("src folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") || path.ends_with("i18n.rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("readable source");
            let bytes = text.as_bytes();
            let mut from = 0;
            while let Some(at) = text[from..].find("t!(") {
                let start = from + at;
                from = start + 3;
                // Only the macro itself, not e.g. `format!(` or `assert!(`.
                if start > 0 && (bytes[start - 1].is_ascii_alphanumeric() || bytes[start - 1] == b'_') {
                    continue;
                }
                let rest = text[from..].trim_start();
                let Some(body) = rest.strip_prefix('"') else {
                    panic!("{}: t!( must be followed by a string literal", path.display());
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
                            Some(c) => panic!("{}: unsupported escape \\{c} in a t! text", path.display()),
                            None => panic!("{}: unterminated t! text", path.display()),
                        },
                        Some(c) => s.push(c),
                        None => panic!("{}: unterminated t! text", path.display()),
                    }
                }
                let line = text[..start].lines().count();
                out.entry(s).or_insert_with(|| format!("{}:{line}", path.display()));
            }
        }
    }
    out
}

fn placeholders(s: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = s;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(c) if after[..c].parse::<usize>().is_ok() => {
                out.insert(after[..c].to_string());
                rest = &after[c + 1..];
            }
            _ => rest = after,
        }
    }
    out
}

#[test]
fn every_interface_text_has_dutch_and_no_dutch_text_is_left_over() {
    let texts = t_texts();
    assert!(texts.len() > 50, "the scan found only {} t! texts", texts.len());
    let (pairs, mut problems) = i18n::nl_sources();
    let dutch: BTreeMap<_, _> = pairs.into_iter().collect();
    for (en, at) in &texts {
        match dutch.get(en) {
            None => problems.push(format!("{at}: no Dutch text for \"{en}\"")),
            Some(nl) if nl.trim().is_empty() => problems.push(format!("{at}: empty Dutch text for \"{en}\"")),
            Some(nl) if placeholders(nl) != placeholders(en) => {
                problems.push(format!("{at}: \"{en}\" and its Dutch \"{nl}\" have different {{n}} arguments"))
            }
            Some(_) => {}
        }
    }
    for en in dutch.keys() {
        if !texts.contains_key(en) {
            problems.push(format!("i18n/nl: \"{en}\" is translated but no t! uses it any more"));
        }
    }
    assert!(problems.is_empty(), "{} problem(s):\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn lookup_falls_back_to_english_and_fills_arguments() {
    i18n::set(Lang::En, i18n::Catalog::new());
    assert_eq!(elsa::t!("Downloaded {0} of {1} files.", 2, 3), "Downloaded 2 of 3 files.");
    let mut nl = i18n::Catalog::new();
    nl.insert(i18n::key("Downloaded {0} of {1} files."), "{1} bestanden, {0} gedownload.".to_string());
    i18n::set(Lang::Nl, nl);
    assert_eq!(i18n::lang(), Lang::Nl);
    assert_eq!(elsa::t!("Downloaded {0} of {1} files.", 2, 3), "3 bestanden, 2 gedownload.");
    // No entry: the English text.
    assert_eq!(elsa::t!("A text nobody translated"), "A text nobody translated");
    // Braces that are not arguments stay.
    assert_eq!(i18n::fill("{x} {0} {9} {", &["a"]), "{x} a {9} {");
    i18n::set(Lang::En, i18n::Catalog::new());
}

#[test]
fn the_keyed_catalogue_reads_back_to_the_builtin_one() {
    let keyed = i18n::parse_keyed(&i18n::keyed_json(Lang::Nl)).expect("readable");
    assert_eq!(keyed, i18n::builtin(Lang::Nl));
    assert!(i18n::parse_keyed("{\"zz\": \"x\"}").is_err());
    assert!(i18n::parse_keyed("[1]").is_err());
}

#[test]
fn with_lang_restores_the_language_before() {
    i18n::set(Lang::En, i18n::Catalog::new());
    let inside = i18n::with_lang(Lang::Nl, || (i18n::lang(), i18n::date("2026-03-05")));
    assert_eq!(inside, (Lang::Nl, "5 maart 2026".to_string()));
    assert_eq!(i18n::lang(), Lang::En);
}

#[test]
fn dates_numbers_and_browser_languages() {
    i18n::set(Lang::En, i18n::Catalog::new());
    assert_eq!(i18n::date("2026-11-29"), "29 November 2026");
    assert_eq!(i18n::date("2026-11-29T10:00:00Z"), "29 November 2026");
    assert_eq!(i18n::date("not a date"), "not a date");
    assert_eq!(i18n::date("2026-13-01"), "2026-13-01");
    assert_eq!(i18n::num(2.456, 1), "2.5");
    i18n::set(Lang::Nl, i18n::Catalog::new());
    assert_eq!(i18n::date("2026-11-29"), "29 november 2026");
    assert_eq!(i18n::num(2.456, 1), "2,5");
    assert_eq!(i18n::num(1234.0, 0), "1234");
    i18n::set(Lang::En, i18n::Catalog::new());
    assert_eq!(Lang::from_browser(["de-DE", "nl-BE", "en"]), Lang::Nl);
    assert_eq!(Lang::from_browser(["en-GB", "nl"]), Lang::En);
    assert_eq!(Lang::from_browser(["fr"]), Lang::En);
    assert_eq!(Lang::from_browser([]), Lang::En);
    assert_eq!(Lang::from_code("NL_nl"), Some(Lang::Nl));
}
