//! Issue 19: the accessible HTML export of the report: the same content as the PDF and
//! Markdown, with the document language, a heading outline, table headers with their scope,
//! lists, and no script or outside resource.

use elsa::i18n::Lang;
use elsa::report::doc::Block;
use elsa::report::ReportInfo;

fn info(lang: Lang) -> ReportInfo {
    ReportInfo {
        generated_at: "2026-12-04T10:00:00+01:00".into(),
        lang,
    }
}

#[test]
fn the_html_report_says_what_the_pdf_says_in_an_accessible_structure() {
    let (all, _) = elsa::bundled::load_all();
    let q = all.iter().find(|q| q.id == "elsa-health-ai").unwrap();
    let mut a = crate::bench::fully_answered(q);
    a.set_note(
        "np-why-ai",
        "Risky <script>alert(1)</script> & \"quoted\"\nsecond line".into(),
        crate::common::NOW,
    );
    for lang in [Lang::En, Lang::Nl] {
        let html = elsa::report::html::render(q, &a, &info(lang));
        let doc = elsa::report::build(q, &a, &info(lang));
        assert!(html.starts_with("<!doctype html>"));
        assert!(html.contains(&format!("<html lang=\"{}\">", lang.code())));
        assert_eq!(html.matches("<h1>").count(), 1, "one h1: the report");
        // Each part is an h2, in the document's order.
        let parts: Vec<&str> = doc
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading { level: 1, text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect();
        assert!(parts.len() >= 8, "{parts:?}");
        let mut at = 0;
        for p in &parts {
            let tag = format!("<h2>{}</h2>", elsa::report::html::esc(p));
            let i = html[at..]
                .find(&tag)
                .unwrap_or_else(|| panic!("{tag} missing or out of order"));
            at += i + tag.len();
        }
        // Every text of the document is in the page (each line, escaped).
        for t in doc.texts() {
            for line in t.lines().filter(|l| !l.trim().is_empty()) {
                let e = elsa::report::html::esc(line.trim());
                assert!(html.contains(&e), "{e:?} missing");
            }
        }
        // Tables have header cells with their scope; the note is text, not markup.
        assert!(html.contains("<th scope=\"col\">") && html.contains("<th scope=\"row\">"));
        assert!(html
            .contains("Risky &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot;<br>"));
        assert!(!html.contains("<script"));
        // Nothing from outside: no script, no link, no image, no address.
        for bad in ["<link", "<img", "src=", "http://", "https://", "@import"] {
            assert!(!html.contains(bad), "{bad} in the page");
        }
        assert!(html.ends_with("</html>\n"));
    }
}

#[cfg(feature = "pdf")]
#[test]
fn the_worker_makes_the_html_file() {
    use elsa::worker::{handle, QuestionnaireCache, ReportRequest, Request, Response};
    let q = crate::common::mini();
    let a = crate::common::with(&q, &[("o1", "c")]);
    let fonts = elsa::report::pdf::Fonts::load().unwrap();
    let mut cache = QuestionnaireCache::default();
    let r = handle(
        Request::Html(ReportRequest {
            questionnaire: elsa::bundled::encode_bin(&q),
            assessment: a,
            generated_at: "2026-12-04T10:00:00+01:00".into(),
            lang: Lang::En,
            fonts: None,
        }),
        || Ok(&fonts),
        &mut cache,
    );
    let Response::File { file_name, bytes } = r else {
        panic!("no file: {r:?}")
    };
    assert!(file_name.ends_with("-2026-12-04.html"), "{file_name}");
    let html = String::from_utf8(bytes).unwrap();
    assert!(html.contains("Decision summary"));
}
