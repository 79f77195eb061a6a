//! Plain language: the texts people read (both bundled questionnaires in English and Dutch, and
//! the Dutch interface texts in `i18n/nl/*.json`) keep to B1 sentence lengths.
use elsa::markdown::{parse, Block, Inline};
use serde_json::Value;

/// The longest sentence allowed, in words. B1 guidance (Pharos; Rijksoverheid) asks for short
/// sentences, about 15 words on average, and for splitting long ones. Legal references such as
/// "GDPR art. 9(2)(j)" add words that readers skip, so the hard limit leaves room above that.
const MAX_SENTENCE_WORDS: usize = 30;

/// The highest mean sentence length, in words, of the help texts of one questionnaire in one
/// language. The same B1 guidance aims at about 15 words per sentence on average; help texts
/// explain legal and clinical points, so the limit is a little above that.
const MAX_MEAN_HELP_WORDS: f64 = 17.0;

/// Words ending in a full stop that do not end a sentence (compared in lower case, without an
/// opening bracket or quote). Numbers such as "6.1" never end one: the stop is not at the end.
const ABBREVIATIONS: &[&str] = &[
    "art.", "arts.", "nr.", "no.", "e.g.", "i.e.", "etc.", "cf.", "vs.", "incl.", "approx.",
    "bijv.", "bv.", "o.a.", "d.w.z.", "i.p.v.", "m.b.t.", "t.o.v.", "enz.", "evt.", "ca.", "resp.",
    "vgl.", "jo.", "z.s.m.",
];

/// One text as readers see it.
struct Text {
    /// Where it is, e.g. `elsa-health-ai.json sections[3].questions[2].help.nl`.
    path: String,
    /// Which questionnaire (file name), or `None` for an interface text.
    file: Option<String>,
    lang: String,
    /// A question's help text (light markdown).
    help: bool,
    text: String,
}

fn inline_text(inlines: &[Inline]) -> String {
    inlines
        .iter()
        .map(|i| match i {
            Inline::Text(t) | Inline::Emphasis(t) | Inline::Strong(t) => t.as_str(),
            Inline::Link { text, .. } => text.as_str(),
        })
        .collect()
}

/// The paragraphs and list items of a text, markup removed; each is one or more sentences.
fn blocks(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for block in parse(text) {
        match block {
            Block::Paragraph(i) => out.push(inline_text(&i)),
            Block::List(items) => out.extend(items.iter().map(|i| inline_text(i))),
        }
    }
    out
}

/// Does this word end a sentence? It ends in `.`, `!` or `?` (before any closing bracket, quote
/// or emphasis marker) and is not an abbreviation.
fn ends_sentence(word: &str) -> bool {
    let core = word.trim_end_matches([')', ']', '"', '\'', '”', '’', '*']);
    match core.chars().last() {
        Some('!' | '?') => true,
        Some('.') => {
            let bare = core
                .trim_start_matches(['(', '[', '"', '\'', '“', '‘'])
                .to_lowercase();
            !ABBREVIATIONS.contains(&bare.as_str())
        }
        _ => false,
    }
}

/// The sentences of a text: every paragraph and list item is split after `.`, `!` or `?`
/// followed by a space or its end; a list item or heading without a stop is one sentence.
fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for block in blocks(text) {
        let mut current: Vec<&str> = Vec::new();
        for word in block.split_whitespace() {
            current.push(word);
            if ends_sentence(word) {
                out.push(current.join(" "));
                current.clear();
            }
        }
        if !current.is_empty() {
            out.push(current.join(" "));
        }
    }
    out
}

/// Words: whitespace-separated pieces with at least one letter or digit (a dash is no word).
fn words(sentence: &str) -> usize {
    sentence
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Every `{"en": …, "nl": …}` text in a questionnaire, with its path.
fn collect(file: &str, value: &Value, path: &str, key: &str, out: &mut Vec<Text>) {
    match value {
        Value::Object(map) if map.get("en").is_some_and(Value::is_string) => {
            for (lang, text) in map {
                if let Some(text) = text.as_str() {
                    out.push(Text {
                        path: format!("{file} {path}.{lang}"),
                        file: Some(file.to_string()),
                        lang: lang.clone(),
                        help: key == "help",
                        text: text.to_string(),
                    });
                }
            }
        }
        Value::Object(map) => {
            for (k, v) in map {
                let sub = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                collect(file, v, &sub, k, out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                collect(file, v, &format!("{path}[{i}]"), key, out);
            }
        }
        _ => {}
    }
}

fn questionnaire_texts() -> Vec<Text> {
    let mut out = Vec::new();
    for (file, source) in elsa::bundled::SOURCES {
        let value: Value = serde_json::from_str(source).unwrap_or_else(|e| panic!("{file}: {e}"));
        collect(file, &value, "", "", &mut out);
    }
    out
}

fn interface_texts() -> Vec<Text> {
    let mut out = Vec::new();
    for (file, source) in elsa::i18n::NL_SOURCES {
        let map: serde_json::Map<String, Value> =
            serde_json::from_str(source).unwrap_or_else(|e| panic!("{file}: {e}"));
        for (en, nl) in map {
            let shown: String = if en.chars().count() > 60 {
                en.chars().take(60).chain(['…']).collect()
            } else {
                en.clone()
            };
            out.push(Text {
                path: format!("{file} {shown:?}"),
                file: None,
                lang: "nl".into(),
                help: false,
                text: nl.as_str().unwrap_or_default().to_string(),
            });
            // The English interface text is the key (the text in the code's t!).
            out.push(Text {
                path: format!("{file} (English, in the code) {shown:?}"),
                file: None,
                lang: "en".into(),
                help: false,
                text: en,
            });
        }
    }
    out
}

/// The educators' worked cases (issue 18): every text, in both languages.
fn case_texts() -> Vec<Text> {
    let mut out = Vec::new();
    for dir in crate::cases::case_dirs() {
        let file = dir.join("case.json");
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        let c = elsa::cases::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        for (place, t) in elsa::cases::texts(&c) {
            for (lang, body) in &t.0 {
                out.push(Text {
                    path: format!("cases/{}/case.json {place}.{lang}", c.id),
                    file: None,
                    lang: lang.clone(),
                    help: false,
                    text: body.clone(),
                });
            }
        }
    }
    out
}

#[test]
fn sentences_split_at_stops_but_not_at_abbreviations_numbers_or_list_items() {
    let s = sentences("See GDPR art. 9(2)(j) and e.g. version 6.1 (art. 5). It *works*! Does it?\n\n- one item\n- two. Three");
    assert_eq!(
        s,
        [
            "See GDPR art. 9(2)(j) and e.g. version 6.1 (art. 5).",
            "It works!",
            "Does it?",
            "one item",
            "two.",
            "Three"
        ]
    );
    assert_eq!(
        sentences("Zie bijv. AVG art. 6 lid 4, o.a. de FG, i.e. nr. 3 etc. Klaar."),
        ["Zie bijv. AVG art. 6 lid 4, o.a. de FG, i.e. nr. 3 etc. Klaar."]
    );
    assert_eq!(
        sentences("Lees [de uitleg](https://example.org/a.b). Dan **verder**."),
        ["Lees de uitleg.", "Dan verder."]
    );
    assert_eq!(words("A score – from 0 to 100 – per {0}."), 8);
}

#[test]
fn no_sentence_is_longer_than_the_limit() {
    let cases = case_texts();
    assert!(
        cases.len() > 300,
        "too few case texts found: {}",
        cases.len()
    );
    let texts: Vec<Text> = questionnaire_texts()
        .into_iter()
        .chain(interface_texts())
        .chain(cases)
        .collect();
    assert!(
        texts.iter().filter(|t| t.file.is_some()).count() > 1000,
        "too few questionnaire texts found"
    );
    assert!(
        texts.iter().filter(|t| t.file.is_none()).count() > 100,
        "too few interface texts found"
    );
    let mut problems = Vec::new();
    for t in &texts {
        for s in sentences(&t.text) {
            let n = words(&s);
            if n > MAX_SENTENCE_WORDS {
                problems.push(format!("{}: {n} words: {s:?}", t.path));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} sentence(s) longer than {MAX_SENTENCE_WORDS} words; split them:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn help_sentences_are_short_on_average() {
    let texts = questionnaire_texts();
    let mut groups: Vec<(String, String)> = texts
        .iter()
        .filter(|t| t.help)
        .map(|t| (t.file.clone().unwrap_or_default(), t.lang.clone()))
        .collect();
    groups.sort();
    groups.dedup();
    assert!(
        groups.len() >= 4,
        "expected help texts in English and Dutch in both questionnaires: {groups:?}"
    );
    let mut problems = Vec::new();
    for (file, lang) in &groups {
        let help: Vec<&Text> = texts
            .iter()
            .filter(|t| t.help && t.file.as_ref() == Some(file) && &t.lang == lang)
            .collect();
        let lengths: Vec<usize> = help
            .iter()
            .flat_map(|t| sentences(&t.text))
            .map(|s| words(&s))
            .collect();
        let mean = lengths.iter().sum::<usize>() as f64 / lengths.len().max(1) as f64;
        eprintln!(
            "{file} help.{lang}: {} sentences, mean {mean:.2} words",
            lengths.len()
        );
        if mean > MAX_MEAN_HELP_WORDS {
            // The help texts that raise the mean, longest sentences first.
            let mut offenders: Vec<(f64, String)> = help
                .iter()
                .filter_map(|t| {
                    let l: Vec<usize> = sentences(&t.text).iter().map(|s| words(s)).collect();
                    let m = l.iter().sum::<usize>() as f64 / l.len().max(1) as f64;
                    (m > MAX_MEAN_HELP_WORDS)
                        .then(|| (m, format!("  {}: mean {m:.1} words per sentence", t.path)))
                })
                .collect();
            offenders.sort_by(|a, b| b.0.total_cmp(&a.0));
            problems.push(format!(
                "{file} help.{lang}: mean sentence length {mean:.2} words, more than {MAX_MEAN_HELP_WORDS}; \
                 these {} help texts are above it:\n{}",
                offenders.len(),
                offenders.into_iter().map(|o| o.1).collect::<Vec<_>>().join("\n")
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
