//! Issue 17: the report worker's fonts. The built-in faces are a subset of DejaVu Sans; every
//! text of the tool is inside it; a report with a character outside it that the full font has is
//! made with the full fonts (the worker asks the page for them), never with a box; what the full
//! font lacks too is not asked for.

use crate::common::{mini, pdf_request, with, NOW};
use crate::report::pdftotext;
use elsa::i18n::Lang;
use elsa::report::pdf::{fallback_font_has, full_font_has, render_report_with, Fonts, Needs};
use elsa::report::ReportInfo;
use elsa::worker::{handle, FontFiles, QuestionnaireCache, Request, Response};

/// Greek, Cyrillic, Latin Extended, math, arrows, check marks, a fraction: inside the subset.
const INSIDE: &str = "Ωμέγα Кириллица Łódź Şişli ≥ ≤ → ✓ ⅔ € “quoted”";
/// Armenian and Georgian: the full DejaVu Sans has them, the subset does not.
const OUTSIDE: &str = "Բարեւ გამარჯობა";

fn info() -> ReportInfo {
    ReportInfo {
        generated_at: NOW.into(),
        lang: Lang::En,
    }
}

#[test]
fn the_subset_covers_every_text_of_the_tool_and_ordinary_scripts() {
    let fonts = Fonts::load().unwrap();
    assert!(fonts.is_subset());
    let mut texts: Vec<(String, String)> = Vec::new();
    let mut add = |dir: &str, ext: &str| {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let p = entry.path();
            if p.is_dir() {
                continue;
            }
            if p.extension().and_then(|e| e.to_str()) == Some(ext) {
                texts.push((
                    p.display().to_string(),
                    std::fs::read_to_string(&p).unwrap(),
                ));
            }
        }
    };
    add("questionnaires", "json");
    add("questionnaires/examples", "json");
    add("i18n/nl", "json");
    add("src/report", "rs");
    add("src/report/parts", "rs");
    for (file, text) in &texts {
        for c in text.chars().filter(|c| !c.is_control()) {
            for bold in [false, true] {
                assert!(fonts.has(c, bold), "{file}: {c:?} (U+{:04X}) is not in the built-in {} face: add it to scripts/subset-fonts.sh", c as u32, if bold { "bold" } else { "regular" });
            }
        }
    }
    for c in INSIDE.chars().filter(|c| *c != ' ') {
        assert!(fonts.has(c, false) && fonts.has(c, true), "{c:?}");
    }
    for c in OUTSIDE.chars().filter(|c| *c != ' ') {
        assert!(
            !fonts.has(c, false) && full_font_has(c),
            "{c:?}: outside the subset, inside the full font"
        );
    }
    assert!(
        !full_font_has('中') && !full_font_has('🙂'),
        "the full font has no CJK, and only a few emoji"
    );
    assert!(full_font_has('😀'));
    // The fallback face (issue 19): Chinese, Japanese kana, Korean Hangul, CJK punctuation.
    for c in "中文日本語ひらがなカタカナ한국어。、「」".chars() {
        assert!(fallback_font_has(c), "{c:?} in the fallback face");
    }
    for c in "aé🙂हไ".chars() {
        assert!(!fallback_font_has(c), "{c:?} not in the fallback face");
    }
}

#[test]
fn a_note_outside_the_subset_is_made_with_the_full_fonts_and_every_character_is_in_the_pdf() {
    let q = mini();
    let mut a = with(&q, &[("o1", "b")]);
    a.set_note("o1", format!("Inside: {INSIDE}. Outside: {OUTSIDE}."), NOW);
    let subset = Fonts::load().unwrap();
    // The subset lacks the Armenian and Georgian letters: not made with it (no boxes).
    assert_eq!(
        render_report_with(&q, &a, &info(), &subset).err(),
        Some(Needs {
            full: true,
            fallback: false,
            hyphenation: false
        })
    );
    let full = Fonts::full().unwrap();
    let pdf = render_report_with(&q, &a, &info(), &full)
        .ok()
        .expect("the full fonts have every letter")
        .bytes;
    let flat = |t: String| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = flat(pdftotext(&pdf, "fonts-outside.pdf"));
    assert!(text.contains(INSIDE), "{text}");
    assert!(text.contains(OUTSIDE), "{text}");

    // Inside the subset only: made with the built-in faces, every character in the text.
    let mut b = with(&q, &[("o1", "b")]);
    b.set_note("o1", format!("Inside: {INSIDE}."), NOW);
    let pdf = render_report_with(&q, &b, &info(), &subset)
        .ok()
        .expect("the subset has these")
        .bytes;
    assert!(flat(pdftotext(&pdf, "fonts-inside.pdf")).contains(INSIDE));

    // Chinese asks for the fallback face only (issue 19); a character no font of ours has
    // (Devanagari, emoji) asks for nothing.
    let mut c = with(&q, &[("o1", "b")]);
    c.set_note("o1", "中文 🙂".into(), NOW);
    assert_eq!(
        render_report_with(&q, &c, &info(), &subset).err(),
        Some(Needs {
            full: false,
            fallback: true,
            hyphenation: false
        })
    );
    c.set_note("o1", "हिन्दी 🙂".into(), NOW);
    assert!(render_report_with(&q, &c, &info(), &subset).is_ok());
}

#[test]
fn the_worker_asks_for_the_full_fonts_and_uses_them_for_that_report_only() {
    let q = mini();
    let mut a = with(&q, &[("o1", "b")]);
    a.set_note("o1", format!("Outside: {OUTSIDE}"), NOW);
    let fonts = Fonts::load().unwrap();
    let mut cache = QuestionnaireCache::default();
    let request = pdf_request(&q, a, Lang::En);
    assert_eq!(
        handle(request.clone(), || Ok(&fonts), &mut cache),
        Response::NeedsFonts {
            full: true,
            fallback: false,
            hyphenation: false
        }
    );
    let files = FontFiles {
        regular: Some(std::fs::read("assets/fonts/DejaVuSans.ttf").unwrap()),
        bold: Some(std::fs::read("assets/fonts/DejaVuSans-Bold.ttf").unwrap()),
        ..FontFiles::default()
    };
    let Response::File { bytes, .. } = handle(request.with_fonts(files), || Ok(&fonts), &mut cache)
    else {
        panic!("no file")
    };
    assert!(pdftotext(&bytes, "fonts-worker.pdf").contains(OUTSIDE));
    // The full fonts as files the page serves: gen-bundle copies them to dist/fonts/.
    for url in elsa::worker::FULL_FONT_URLS {
        let name = url.trim_start_matches("./fonts/");
        assert!(
            std::path::Path::new("assets/fonts").join(name).exists(),
            "{url}"
        );
    }
}

/// Issue 19: characters no face of ours has (Chinese, emoji) are shown as a clear marker, never
/// as the empty box of a missing glyph; the cover says so; the attached file keeps them.
#[test]
fn characters_without_a_font_are_shown_as_markers_not_boxes() {
    let covers = |c: char| full_font_has(c);
    assert_eq!(
        elsa::report::printable("中文 🙂 👩‍⚕️ ok Zoë", &covers),
        "[2 characters not shown] [emoji] [emoji] ok Zoë"
    );
    assert_eq!(
        elsa::report::printable("a中b", &covers),
        "a[1 character not shown]b"
    );
    assert_eq!(
        elsa::report::printable("plain text\nnext", &covers),
        "plain text\nnext"
    );
    let q = mini();
    let mut a = with(&q, &[("o1", "b")]);
    a.set_note("o1", "हिन्दी 🙂 ok".into(), NOW);
    let fonts = Fonts::load().unwrap();
    let pdf = render_report_with(&q, &a, &info(), &fonts)
        .ok()
        .expect("no other fonts needed")
        .bytes;
    let text = pdftotext(&pdf, "fonts-markers.pdf")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        text.contains("[6 characters not shown] [emoji] ok"),
        "{text}"
    );
    assert!(
        text.contains("have no font in this PDF"),
        "the cover says so"
    );
    assert!(!text.contains('ह'));
    let attached = elsa::report::pdf::extract_attachment(&pdf).unwrap();
    assert!(String::from_utf8(attached).unwrap().contains("हिन्दी 🙂 ok"));
}

/// Issue 19: Chinese, Japanese and Korean text is drawn with the fallback face, which the worker
/// asks the page for only for such a file; the PDF embeds only the glyphs it uses (in bold text
/// too), and a file without such text does not embed the face even when it is at hand.
#[test]
fn cjk_text_is_drawn_with_the_fallback_face_asked_for_only_then() {
    const CJK: &str = "患者の同意を得た。中文说明，环境 환자 동의";
    let q = mini();
    let mut a = with(&q, &[("o1", "b")]);
    a.metadata.project_name = "Triage 中文".into();
    a.set_note("o1", format!("Note: {CJK} 🙂 done"), NOW);
    let fonts = Fonts::load().unwrap();
    let mut cache = QuestionnaireCache::default();
    let request = |a: elsa::answers::Assessment| pdf_request(&q, a, Lang::En);
    assert_eq!(
        handle(request(a.clone()), || Ok(&fonts), &mut cache),
        Response::NeedsFonts {
            full: false,
            fallback: true,
            hyphenation: false
        }
    );
    let face = std::fs::read("assets/fonts/DroidSansFallback.ttf").unwrap();
    let files = FontFiles {
        fallback: Some(face.clone()),
        ..FontFiles::default()
    };
    let Response::File { bytes, .. } = handle(
        request(a.clone()).with_fonts(files.clone()),
        || Ok(&fonts),
        &mut cache,
    ) else {
        panic!("no file")
    };
    let text = pdftotext(&bytes, "fonts-cjk.pdf")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        text.contains(&format!("Note: {CJK} [emoji] done")),
        "{text}"
    );
    assert!(text.contains("Triage 中文"), "the title, in bold: {text}");
    // No CJK character replaced: the only "characters not shown" is the cover's notice (for
    // the emoji).
    assert!(!text.contains("character not shown]"), "{text}");
    assert_eq!(text.matches("characters not shown]").count(), 1, "{text}");
    // The fonts' names (their dictionaries are in compressed object streams).
    let font_names = |b: &[u8]| -> Vec<String> {
        let doc = lopdf::Document::load_mem(b).unwrap();
        doc.objects
            .values()
            .filter_map(|o| o.as_dict().ok())
            .filter(|d| d.get(b"Type").and_then(|t| t.as_name()).ok() == Some(b"Font".as_slice()))
            .filter_map(|d| d.get(b"BaseFont").and_then(|n| n.as_name()).ok())
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .collect()
    };
    let names = font_names(&bytes);
    assert!(
        names.iter().any(|n| n.ends_with("+DroidSansFallback")),
        "the face is embedded: {names:?}"
    );
    assert!(
        bytes.len() < face.len() / 4,
        "a subset of the face: {} bytes",
        bytes.len()
    );
    // Bold text in the fallback face is filled and outlined (there is no bold face).
    let doc = lopdf::Document::load_mem(&bytes).unwrap();
    let content: Vec<String> = doc
        .get_pages()
        .values()
        .map(|id| String::from_utf8_lossy(&doc.get_page_content(*id)).into_owned())
        .collect();
    assert!(
        content
            .iter()
            .any(|s| s.contains("/F3 ") && s.contains("2 Tr")),
        "fake bold in the fallback face"
    );

    // Without CJK: the fallback face at hand is not embedded.
    let plain = with(&q, &[("o1", "b")]);
    let Response::File { bytes, .. } =
        handle(request(plain).with_fonts(files), || Ok(&fonts), &mut cache)
    else {
        panic!("no file")
    };
    let names = font_names(&bytes);
    assert!(
        names.iter().any(|n| n.ends_with("+DejaVuSans")),
        "{names:?}"
    );
    assert!(
        !names.iter().any(|n| n.contains("DroidSansFallback")),
        "{names:?}"
    );
    // The face as a file the page serves: gen-bundle copies it to dist/fonts/.
    assert!(std::path::Path::new("assets/fonts")
        .join(elsa::worker::FALLBACK_FONT_URL.trim_start_matches("./fonts/"))
        .exists());
}

/// The workshop summary goes the same way: a team named in Japanese asks for the fallback face,
/// and with it the name is in the PDF.
#[test]
fn the_workshop_summary_asks_for_the_fallback_face_for_a_team_named_in_cjk() {
    let q = mini();
    let fonts = Fonts::load().unwrap();
    let mut cache = QuestionnaireCache::default();
    let request = Request::WorkshopPdf(elsa::worker::WorkshopRequest {
        questionnaire: elsa::bundled::encode_bin(&q),
        teams: vec![
            elsa::worker::WorkshopTeam {
                label: "チーム東京".into(),
                assessment: with(&q, &[("o1", "b")]),
            },
            elsa::worker::WorkshopTeam {
                label: "Team Utrecht".into(),
                assessment: with(&q, &[("o1", "c")]),
            },
        ],
        generated_at: NOW.into(),
        lang: Lang::En,
        fonts: None,
    });
    assert_eq!(
        handle(request.clone(), || Ok(&fonts), &mut cache),
        Response::NeedsFonts {
            full: false,
            fallback: true,
            hyphenation: false
        }
    );
    let files = FontFiles {
        fallback: Some(std::fs::read("assets/fonts/DroidSansFallback.ttf").unwrap()),
        ..FontFiles::default()
    };
    let Response::File { bytes, .. } = handle(request.with_fonts(files), || Ok(&fonts), &mut cache)
    else {
        panic!("no file")
    };
    let text = pdftotext(&bytes, "fonts-workshop-cjk.pdf");
    assert!(text.contains("チーム東京"), "{text}");
    assert!(text.contains("Team Utrecht"), "{text}");
}
