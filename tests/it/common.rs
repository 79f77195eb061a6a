use elsa::answers::{Answer, Assessment};
use elsa::model::Questionnaire;
use elsa::validate::load_questionnaire;

pub const MINI: &str = include_str!("data/mini.json");
pub const NOW: &str = "2026-11-29T10:00:00.000Z";

pub fn mini() -> Questionnaire {
    load_questionnaire(MINI).unwrap_or_else(|e| panic!("mini fixture invalid: {e:?}"))
}

pub fn fresh(q: &Questionnaire) -> Assessment {
    Assessment::new("test-1".into(), q, NOW)
}

/// Build an answer from a compact spec: "a" (choice), "x+y" (choices), "?" (don't know),
/// "na" (not applicable), "t:text" (text), "d:2026-01-01" (date).
pub fn ans(spec: &str) -> Answer {
    match spec {
        "?" => Answer::DontKnow,
        "na" => Answer::NotApplicable,
        s if s.starts_with("t:") => Answer::Text {
            value: s[2..].to_string(),
        },
        s if s.starts_with("d:") => Answer::Date {
            value: s[2..].to_string(),
        },
        s if s.contains('+') => Answer::Choices {
            ids: s.split('+').map(str::to_string).collect(),
        },
        s => Answer::Choice { id: s.to_string() },
    }
}

/// An assessment with answers given as (question, spec) pairs.
pub fn with(q: &Questionnaire, answers: &[(&str, &str)]) -> Assessment {
    let mut a = fresh(q);
    for (qid, spec) in answers {
        a.set_answer(qid, Some(ans(spec)), NOW);
    }
    a
}

/// A valid PDF made without this tool's report code (so without embedded answers).
#[cfg(feature = "pdf")]
pub fn plain_pdf() -> Vec<u8> {
    use lopdf::{dictionary, Document, Object, Stream};
    let mut doc = Document::with_version("1.7");
    let pages = doc.new_object_id();
    let content = doc.add_object(Stream::new(dictionary! {}, b"BT ET".to_vec()));
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages, "Contents" => content,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
    });
    doc.objects.insert(
        pages,
        Object::Dictionary(
            dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 },
        ),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("a plain PDF");
    out
}

/// A request to the report worker for the PDF report of `a`, without fonts from the page.
pub fn pdf_request(
    q: &Questionnaire,
    a: Assessment,
    lang: elsa::i18n::Lang,
) -> elsa::worker::Request {
    elsa::worker::Request::Pdf(elsa::worker::ReportRequest {
        questionnaire: elsa::bundled::encode_bin(q),
        assessment: a,
        generated_at: NOW.into(),
        lang,
        fonts: None,
    })
}
