//! The interface language: every `t!` text has Dutch, no Dutch text is left over, numbered
//! arguments agree; the lookup, argument filling, dates and numbers.
use elsa::i18n::{self, Lang};
use std::collections::{BTreeMap, BTreeSet};

/// Every `t!` / `ts!` text in `src/`, with where it is first used (file:line).
fn t_texts() -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for (text, at) in i18n::scan_sources(std::path::Path::new("src")).expect("readable sources") {
        out.entry(text).or_insert(at);
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
    assert!(
        texts.len() > 50,
        "the scan found only {} t! texts",
        texts.len()
    );
    let (pairs, mut problems) = i18n::nl_sources();
    let dutch: BTreeMap<_, _> = pairs.into_iter().collect();
    for (en, at) in &texts {
        match dutch.get(en) {
            None => problems.push(format!("{at}: no Dutch text for \"{en}\"")),
            Some(nl) if nl.trim().is_empty() => {
                problems.push(format!("{at}: empty Dutch text for \"{en}\""))
            }
            Some(nl) if placeholders(nl) != placeholders(en) => problems.push(format!(
                "{at}: \"{en}\" and its Dutch \"{nl}\" have different {{n}} arguments"
            )),
            Some(_) => {}
        }
    }
    for en in dutch.keys() {
        if !texts.contains_key(en) {
            problems.push(format!(
                "i18n/nl: \"{en}\" is translated but no t! uses it any more"
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "{} problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn lookup_falls_back_to_english_and_fills_arguments() {
    i18n::set(Lang::En, i18n::Catalog::new());
    assert_eq!(
        elsa::t!("Downloaded {0} of {1} files.", 2, 3),
        "Downloaded 2 of 3 files."
    );
    let mut nl = i18n::Catalog::new();
    nl.insert(
        i18n::key("Downloaded {0} of {1} files."),
        "{1} bestanden, {0} gedownload.".to_string(),
    );
    i18n::set(Lang::Nl, nl);
    assert_eq!(i18n::lang(), Lang::Nl);
    assert_eq!(
        elsa::t!("Downloaded {0} of {1} files.", 2, 3),
        "3 bestanden, 2 gedownload."
    );
    // No entry: the English text.
    assert_eq!(
        elsa::t!("A text nobody translated"),
        "A text nobody translated"
    );
    assert_eq!(
        elsa::ts!("Downloaded {0} of {1} files."),
        "{1} bestanden, {0} gedownload."
    );
    // Braces that are not arguments stay.
    assert_eq!(i18n::fill("{x} {0} {9} {", &["a"]), "{x} a {9} {");
    i18n::set(Lang::En, i18n::Catalog::new());
}

#[test]
fn the_keyed_catalogue_reads_back_to_the_builtin_one() {
    let keyed = i18n::parse_keyed(
        &i18n::keyed_json_for(Lang::Nl, std::path::Path::new("src"), |_| false).expect("sources"),
    )
    .expect("readable");
    assert_eq!(keyed, i18n::builtin(Lang::Nl));
    assert!(i18n::parse_keyed("{\"zz\": \"x\"}").is_err());
    assert!(i18n::parse_keyed("[1]").is_err());
    assert!(i18n::parse_keyed("[[-1, \"x\"]]").is_err());
    assert_eq!(
        i18n::parse_keyed("[[7, \"b\"], [3, \"a\"]]")
            .expect("pairs")
            .get(3),
        Some("a")
    );
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

#[test]
fn references_are_cited_with_dutch_names_in_dutch() {
    let cases = [
        ("GDPR art. 35(1)", "AVG art. 35 lid 1"),
        ("GDPR art. 9(2)", "AVG art. 9 lid 2"),
        ("GDPR art. 46(2)(c)", "AVG art. 46 lid 2 sub c"),
        ("GDPR art. 4(4)", "AVG art. 4 punt 4"),
        ("GDPR recital 26", "AVG overweging 26"),
        (
            "EU AI Act art. 10(2)(f)",
            "AI-verordening art. 10 lid 2 sub f",
        ),
        ("EU AI Act art. 3(23)", "AI-verordening art. 3 punt 23"),
        ("EU AI Act art. 16(l)", "AI-verordening art. 16 sub l"),
        (
            "EU AI Act Annex III point 5(a)",
            "AI-verordening bijlage III punt 5 sub a",
        ),
        (
            "EU AI Act Annex III point 1(c)",
            "AI-verordening bijlage III punt 1 sub c",
        ),
        ("EU AI Act recital 109", "AI-verordening overweging 109"),
        ("MDR Annex VIII rule 11", "MDR bijlage VIII regel 11"),
        ("MDR art. 10(9)", "MDR art. 10 lid 9"),
        (
            "Wet op de ondernemingsraden art. 27(1)(l)",
            "Wet op de ondernemingsraden art. 27 lid 1 sub l",
        ),
        ("Dutch Constitution art. 22", "Grondwet art. 22"),
        (
            "EU Charter of Fundamental Rights art. 21",
            "Handvest van de grondrechten van de EU art. 21",
        ),
        (
            "Energy Efficiency Directive (EU) 2023/1791 art. 12",
            "Richtlijn energie-efficiëntie (EU) 2023/1791 art. 12",
        ),
        (
            "PROGRESS-Plus: socio-economic status",
            "PROGRESS-Plus: sociaaleconomische status",
        ),
        ("WGBO art. 7:448 BW", "WGBO art. 7:448 BW"),
        (
            "Leidraad Kwaliteit AI in de Zorg (2022)",
            "Leidraad Kwaliteit AI in de Zorg (2022)",
        ),
        ("UAVG art. 40(1)", "UAVG art. 40 lid 1"),
        ("Awb art. 3:46", "Awb art. 3:46"),
        ("IVDR art. 5(5)(d)", "IVDR art. 5 lid 5 sub d"),
        ("Regulation (EU) 2026/1744", "Verordening (EU) 2026/1744"),
        ("CJEU C-329/16 (Snitem)", "HvJ EU C-329/16 (Snitem)"),
        ("EU AI Act art. 3(63)", "AI-verordening art. 3 punt 63"),
        ("EU AI Act art. 111(4)", "AI-verordening art. 111 lid 4"),
    ];
    i18n::set(Lang::Nl, i18n::Catalog::new());
    for (en, nl) in cases {
        assert_eq!(i18n::reference(en), nl, "{en}");
    }
    // Every reference of the bundled questionnaires: no English legal name or citation style left.
    let mut refs = BTreeSet::new();
    for (name, text) in elsa::bundled::SOURCES {
        let v: serde_json::Value = serde_json::from_str(text).expect(name);
        fn walk(v: &serde_json::Value, out: &mut BTreeSet<String>) {
            match v {
                serde_json::Value::Object(m) => m.iter().for_each(|(k, x)| {
                    if k == "references" || k == "sources" {
                        x.as_array()
                            .into_iter()
                            .flatten()
                            .filter_map(|r| r.as_str())
                            .for_each(|r| {
                                out.insert(r.to_string());
                            });
                    } else {
                        walk(x, out)
                    }
                }),
                serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
                _ => {}
            }
        }
        walk(&v, &mut refs);
    }
    assert!(refs.len() > 100);
    let english = [
        "GDPR",
        "EU AI Act",
        "Annex",
        "recital",
        " point ",
        "Charter",
        "Constitution",
        "guidance",
        "Guidelines",
        "guidelines",
        "Directive",
        "list of",
        "Regulation",
        "CJEU",
        "chapter",
    ];
    let mut bad = Vec::new();
    for r in &refs {
        let nl = i18n::reference(r);
        let cited_english = nl
            .as_bytes()
            .windows(2)
            .any(|w| w[0].is_ascii_digit() && w[1] == b'(');
        if english.iter().any(|e| nl.contains(e)) || cited_english {
            bad.push(format!("{r} → {nl}"));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
    i18n::set(Lang::En, i18n::Catalog::new());
    assert_eq!(i18n::reference("GDPR art. 35(1)"), "GDPR art. 35(1)");
}

#[test]
fn import_errors_and_sign_off_problems_come_out_in_dutch() {
    i18n::set(Lang::En, i18n::Catalog::new());
    let (empty, large, problems) = i18n::with_lang(Lang::Nl, || {
        let empty = elsa::import::check_size(0).unwrap_err().to_string();
        let large = elsa::import::too_large(6 * 1024 * 1024);
        let problems: Vec<String> = elsa::review::Review::default()
            .sign_off_problems()
            .iter()
            .map(|p| p.to_string())
            .collect();
        (empty, large, problems)
    });
    assert_eq!(empty, "Dit bestand is leeg. Kies een .json-bestand dat je met deze tool hebt geëxporteerd, of het PDF-rapport daarvan.");
    assert!(large.contains("(6,0 MB)"), "{large}");
    assert_eq!(
        problems.first().map(String::as_str),
        Some("Kies een oordeel.")
    );
    assert!(
        problems.contains(&"Vul de naam van de toetser in.".to_string()),
        "{problems:?}"
    );
    // Outside, English again.
    assert_eq!(
        elsa::review::Review::default().sign_off_problems()[0].to_string(),
        "Choose a verdict."
    );
}

/// index.html's static shell (issue 17) says what the app says: each English text is an
/// interface text of the app (`t!`), and the Dutch beside it is that text's Dutch in the catalogue.
#[test]
fn the_static_shell_has_the_app_s_own_texts_in_both_languages() {
    let html = std::fs::read_to_string("index.html").unwrap();
    let start = html
        .find("<div id=\"shell\"")
        .expect("index.html has the static shell");
    let shell = &html[start
        ..start
            + html[start..]
                .find("</main>")
                .expect("the shell ends with its main")];
    let unescape = |s: &str| {
        s.replace("&quot;", "\"")
            .replace("&#x27;", "'")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&")
    };
    let texts = t_texts();
    let (catalogue, _) = i18n::nl_sources();
    let catalogue: BTreeMap<String, String> = catalogue.into_iter().collect();
    let (en, nl) = ("<span class=\"t-en\">", "</span><span class=\"t-nl\">");
    let mut seen = 0;
    let mut rest = shell;
    while let Some(i) = rest.find(en) {
        let after = &rest[i + en.len()..];
        let mid = after
            .find(nl)
            .expect("each English text is followed by its Dutch");
        let english = unescape(&after[..mid]);
        let dutch_and_rest = &after[mid + nl.len()..];
        let dutch = unescape(&dutch_and_rest[..dutch_and_rest.find("</span>").unwrap()]);
        assert!(
            texts.contains_key(&english),
            "the shell's {english:?} is not a text of the app"
        );
        assert_eq!(
            Some(&dutch),
            catalogue.get(&english),
            "the shell's Dutch for {english:?}"
        );
        seen += 1;
        rest = dutch_and_rest;
    }
    assert_eq!(seen, 9, "texts in the shell");
    assert_eq!(
        shell.matches("class=\"t-nl\"").count(),
        seen,
        "every Dutch text has its English"
    );
}
