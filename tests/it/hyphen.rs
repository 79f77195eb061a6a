//! Issue 19: a word wider than its line breaks where a hyphenation rule allows, with a hyphen,
//! never mid-syllable; the report worker asks the page for the patterns of the report's
//! language only when a word needs them, and lays the report out again with them.

use crate::common::{mini, pdf_request, with, NOW};
use crate::report::pdftotext;
use elsa::i18n::Lang;
use elsa::report::hyphen::Patterns;
use elsa::report::layout::{wrap, Measure};
use elsa::report::pdf::{render_report_with, Fonts, Needs};
use elsa::report::ReportInfo;
use elsa::worker::{handle, FontFiles, QuestionnaireCache, Response};
use std::cell::Cell;

fn patterns(lang: &str) -> Patterns {
    Patterns::parse(&std::fs::read_to_string(format!("assets/hyph/hyph-{lang}.txt")).unwrap())
}

#[test]
fn the_patterns_hyphenate_dutch_and_english_words_between_syllables() {
    let (nl, en) = (patterns("nl"), patterns("en"));
    assert!(nl.len() > 10_000 && en.len() > 10_000);
    for (word, want) in [
        (
            "gegevensbeschermingseffectbeoordeling",
            "ge-ge-vens-be-scher-mings-ef-fect-be-oor-de-ling",
        ),
        ("verantwoordelijkheid", "ver-ant-woor-de-lijk-heid"),
        ("AI-verordening", "AI-ver-or-de-ning"),
        ("zorgverzekeraar", "zorg-ver-ze-ke-raar"),
        ("ziekenhuisopname", "zie-ken-huis-op-na-me"),
        ("Patiëntenorganisatie", "Pa-ti-ën-ten-or-ga-ni-sa-tie"),
    ] {
        assert_eq!(nl.show(word), want);
    }
    for (word, want) in [
        ("hyphenation", "hy-phen-ation"),
        ("accountability", "ac-count-abil-ity"),
        ("discrimination", "dis-crim-i-na-tion"),
        ("Implementation", "Im-ple-men-ta-tion"),
    ] {
        assert_eq!(en.show(word), want);
    }
    // Capitals and accented capitals as their small letters.
    assert_eq!(nl.show("VERANTWOORDELIJKHEID"), "VER-ANT-WOOR-DE-LIJK-HEID");
    assert_eq!(
        nl.show("PATIËNTENORGANISATIE"),
        "PA-TI-ËN-TEN-OR-GA-NI-SA-TIE"
    );
    // Too short for a break (two letters at least on each side, three at the end in English).
    assert_eq!(en.show("data"), "data");
    assert_eq!(nl.show("AI"), "AI");
    // The places are byte offsets of the word as written (with its capitals and diacritics).
    let word = "Patiëntenorganisatie";
    for p in nl.points(word) {
        assert!(word.is_char_boundary(p));
    }
}

/// 5 points a character; with patterns or without (then it records that it wanted them).
struct Fixed {
    patterns: Option<Patterns>,
    wanted: Cell<bool>,
}
impl Measure for Fixed {
    fn width(&self, text: &str, size: f32, _bold: bool) -> f32 {
        text.chars().count() as f32 * size * 0.5
    }
    fn hyphen_points(&self, word: &str) -> Option<Vec<usize>> {
        self.patterns.as_ref().map(|p| p.points(word))
    }
    fn want_hyphenation(&self) {
        self.wanted.set(true);
    }
}

#[test]
fn a_word_wider_than_its_line_breaks_at_a_hyphenation_point_with_a_hyphen() {
    let word = "gegevensbeschermingseffectbeoordeling";
    let m = Fixed {
        patterns: Some(patterns("nl")),
        wanted: Cell::new(false),
    };
    // 12 characters a line.
    let lines = wrap(&m, &format!("De {word} is af."), 10.0, false, 60.0);
    assert_eq!(
        lines,
        vec![
            "De",
            "gegevensbe-",
            "schermings-",
            "effectbeoor-",
            "deling is",
            "af."
        ]
        .into_iter()
        .map(|s| s.to_string())
        .collect::<Vec<_>>()
    );
    assert!(lines.iter().all(|l| l.chars().count() <= 12), "{lines:?}");
    assert!(!m.wanted.get());
    // A code without letters to hyphenate is still cut between characters, without a hyphen.
    let lines = wrap(&m, "0123456789012345", 10.0, false, 60.0);
    assert_eq!(lines, vec!["012345678901", "2345"]);

    // Without patterns: cut between characters, as before, and the measure is told.
    let bare = Fixed {
        patterns: None,
        wanted: Cell::new(false),
    };
    let lines = wrap(&bare, word, 10.0, false, 60.0);
    assert_eq!(lines[0], "gegevensbesc");
    assert!(bare.wanted.get());
    // A word that fits asks for nothing.
    let bare = Fixed {
        patterns: None,
        wanted: Cell::new(false),
    };
    wrap(&bare, "een korte zin met woorden", 10.0, false, 60.0);
    assert!(!bare.wanted.get());
}

#[test]
fn the_worker_asks_for_the_patterns_of_the_report_language_only_when_a_word_needs_them() {
    let q = mini();
    let fonts = Fonts::load().unwrap();
    let mut cache = QuestionnaireCache::default();
    let request = |name: &str, lang: Lang| {
        let mut a = with(&q, &[("o1", "b")]);
        a.metadata.project_name = name.into();
        pdf_request(&q, a, lang)
    };
    // An ordinary name: made at once.
    assert!(matches!(
        handle(
            request("Sepsis early warning", Lang::Nl),
            || Ok(&fonts),
            &mut cache
        ),
        Response::File { .. }
    ));
    // A name with a word wider than the cover title's line: the patterns are asked for.
    let long = "Gegevensbeschermingseffectbeoordelingsinstrumentarium";
    assert_eq!(
        handle(request(long, Lang::Nl), || Ok(&fonts), &mut cache),
        Response::NeedsFonts {
            full: false,
            fallback: false,
            hyphenation: true
        }
    );
    let files = FontFiles {
        hyphenation: Some(std::fs::read("assets/hyph/hyph-nl.txt").unwrap()),
        ..FontFiles::default()
    };
    let Response::File { bytes, .. } = handle(
        request(long, Lang::Nl).with_fonts(files),
        || Ok(&fonts),
        &mut cache,
    ) else {
        panic!("no file")
    };
    // The cover title is broken at a syllable, with a hyphen, and joins back to the name.
    let text = pdftotext(&bytes, "hyphen-cover.pdf");
    let nl = patterns("nl");
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with("Gegevens") && l.ends_with('-'))
        .unwrap_or_else(|| panic!("no hyphenated title line: {text}"));
    let head = line.trim_end_matches('-');
    assert!(nl.points(long).contains(&head.len()), "{head}");
    assert!(text.contains(&long[head.len()..]), "{text}");

    // Native code (the CLI) has the patterns built in.
    let info = ReportInfo {
        generated_at: NOW.into(),
        lang: Lang::Nl,
    };
    let mut a = with(&q, &[("o1", "b")]);
    a.metadata.project_name = long.into();
    assert_eq!(
        render_report_with(&q, &a, &info, &fonts).err(),
        Some(Needs {
            hyphenation: true,
            ..Needs::default()
        })
    );
    let r = elsa::report::pdf::render_report(&q, &a, &info, &fonts);
    assert!(pdftotext(&r.bytes, "hyphen-native.pdf").contains(&format!("{head}-")));
    // A name too long for the running header: shortened with "…", without the hyphen of
    // its hyphenated first line.
    let mut a = with(&q, &[("o1", "b")]);
    a.metadata.project_name =
        "Counterrevolutionarinessinstrumentationarchitecturesdevelopmentprogramme".into();
    let info = ReportInfo {
        generated_at: NOW.into(),
        lang: Lang::En,
    };
    let r = elsa::report::pdf::render_report(&q, &a, &info, &fonts);
    let text = pdftotext(&r.bytes, "hyphen-header.pdf");
    assert!(
        text.contains("Counterrevolutionariness") && text.contains('…'),
        "{text}"
    );
    assert!(!text.contains("-…"), "{text}");
    // The patterns as files the page serves: gen-bundle copies them to dist/hyph/.
    for lang in [Lang::En, Lang::Nl] {
        let url = elsa::worker::hyphenation_url(lang);
        assert!(std::path::Path::new("assets/hyph")
            .join(url.trim_start_matches("./hyph/"))
            .exists());
    }
}
