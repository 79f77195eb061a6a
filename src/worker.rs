//! The report worker's protocol, shared by the UI (which spawns it) and the worker binary.
//!
//! The request and the response travel as JSON text / bytes so that the wire format does not
//! depend on the codec of the worker library.

use crate::answers::Assessment;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ReportRequest {
    pub assessment: Assessment,
    pub generated_at: String,
    pub locale: String,
}

/// What the worker is asked to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Job {
    /// The PDF report of `json` (a [`ReportRequest`]); `bytes` is the questionnaire in its
    /// binary form (`bundled::encode_bin`), as the UI loaded it.
    Pdf,
    /// The Markdown export; the same input as [`Job::Pdf`].
    Markdown,
    /// Import `bytes`, a file the user picked (the JSON export or a PDF report): the answer is
    /// the assessment in the current stored format, or the message for the user.
    Import,
    /// The workshop summary PDF of `json` (a [`WorkshopRequest`]); `bytes` is the
    /// questionnaire in its binary form, as for [`Job::Pdf`].
    WorkshopPdf,
}

/// One team of a workshop: the label the facilitator gave it, and its assessment.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct WorkshopTeam {
    pub label: String,
    pub assessment: Assessment,
}

/// The input of [`Job::WorkshopPdf`]: the teams in the order to show them.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct WorkshopRequest {
    pub teams: Vec<WorkshopTeam>,
    pub generated_at: String,
    pub locale: String,
}

/// One message to the worker. Requests travel as JSON text (the UI already has the serializer
/// for it); file bytes travel as they are.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct WorkerInput {
    pub job: Job,
    pub json: String,
    #[serde(with = "serde_bytes")]
    pub bytes: Vec<u8>,
}

/// One message between the UI and the worker: a [`WorkerInput`] one way, a
/// `Result<ReportResponse, String>` the other, as bincode bytes. Each side reads the message
/// itself, so that one it cannot read (a worker of another build, say) is answered with an error
/// at once instead of leaving the other side waiting for its time-out.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Wire(#[serde(with = "serde_bytes")] pub Vec<u8>);

/// The UI's side: a request as a message.
pub fn encode_input(input: &WorkerInput) -> Wire {
    // Plain data: serialising it to memory cannot fail.
    Wire(bincode::serialize(input).unwrap_or_default())
}

/// The worker's side: the request in a message, or why it cannot be read.
pub fn decode_input(wire: &Wire) -> Result<WorkerInput, String> {
    bincode::deserialize(&wire.0).map_err(|_| crate::t!("the report builder could not read the request (it may be from another version of the tool); reload the page"))
}

/// The worker's side: its answer as a message.
pub fn encode_output(result: &Result<ReportResponse, String>) -> Wire {
    Wire(bincode::serialize(result).unwrap_or_default())
}

/// The UI's side: the worker's answer, or `None` when it cannot be read (the UI says so at once).
pub fn decode_output(wire: &Wire) -> Option<Result<ReportResponse, String>> {
    bincode::deserialize::<Result<ReportResponse, String>>(&wire.0).ok()
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ReportResponse {
    /// The file name to save under (empty for [`Job::Import`]).
    pub file_name: String,
    #[serde(with = "serde_bytes")]
    pub bytes: Vec<u8>,
    /// For [`Job::Import`]: the questionnaire version the file was moved from, if it was.
    pub moved_from: Option<String>,
    /// Milliseconds spent inside the worker.
    pub build_ms: f64,
}

/// The last questionnaire the worker read, with its bytes: later exports of the same
/// questionnaire skip reading it again. (The binary form was made from a validated file by
/// `gen-bundle`.)
#[cfg(feature = "pdf")]
#[derive(Default)]
pub struct QuestionnaireCache(Option<(Vec<u8>, crate::model::Questionnaire)>);

#[cfg(feature = "pdf")]
impl QuestionnaireCache {
    fn get(&mut self, bytes: Vec<u8>) -> Result<&crate::model::Questionnaire, String> {
        let cached = matches!(&self.0, Some((b, _)) if *b == bytes);
        if !cached {
            let questionnaire = crate::bundled::decode_bin(&bytes)?;
            self.0 = Some((bytes, questionnaire));
        }
        Ok(&self.0.as_ref().ok_or("no questionnaire")?.1)
    }
}

/// Do one job (the worker calls this; native code can too). `fonts` is called only for a PDF.
/// Everything is done in the language the request names (`locale` of a report request; for
/// [`Job::Import`], `json` holds the language code): reports and messages alike.
#[cfg(feature = "pdf")]
pub fn handle<'f>(
    input: WorkerInput,
    fonts: impl FnOnce() -> Result<&'f crate::report::pdf::Fonts, String>,
    cache: &mut QuestionnaireCache,
) -> Result<ReportResponse, String> {
    #[derive(Deserialize)]
    struct Locale {
        locale: String,
    }
    let code = match input.job {
        Job::Import => input.json.clone(),
        _ => serde_json::from_str::<Locale>(&input.json).map(|l| l.locale).unwrap_or_default(),
    };
    let lang = crate::i18n::Lang::from_code(&code).unwrap_or_default();
    crate::i18n::with_lang(lang, || handle_in(input, fonts, cache))
}

#[cfg(feature = "pdf")]
fn handle_in<'f>(
    input: WorkerInput,
    fonts: impl FnOnce() -> Result<&'f crate::report::pdf::Fonts, String>,
    cache: &mut QuestionnaireCache,
) -> Result<ReportResponse, String> {
    if input.job == Job::Import {
        let available = crate::import::bundled_available();
        let imported = crate::import::import_bytes(&input.bytes, crate::report::pdf::extract_attachment, &available)
            .map_err(|e| e.to_string())?;
        let bytes = crate::persist::encode(&imported.assessment).into_bytes();
        return Ok(ReportResponse { file_name: String::new(), bytes, build_ms: 0.0, moved_from: imported.moved_from_version });
    }
    if input.job == Job::WorkshopPdf {
        let req: WorkshopRequest = serde_json::from_str(&input.json).map_err(|e| format!("bad workshop request: {e}"))?;
        let questionnaire = cache.get(input.bytes)?;
        if let Some(t) = req.teams.iter().find(|t| t.assessment.questionnaire_id != questionnaire.id) {
            return Err(crate::t!(
                "the team \"{0}\" answered another questionnaire ({1}), not {2}",
                t.label,
                t.assessment.questionnaire_id,
                questionnaire.id
            ));
        }
        let teams: Vec<(String, Assessment)> = req.teams.into_iter().map(|t| (t.label, t.assessment)).collect();
        let r = crate::report::pdf::render_workshop(questionnaire, &teams, &req.generated_at, crate::i18n::lang(), fonts()?);
        return Ok(ReportResponse { file_name: r.file_name, bytes: r.bytes, build_ms: 0.0, moved_from: None });
    }
    let req: ReportRequest = serde_json::from_str(&input.json).map_err(|e| format!("bad report request: {e}"))?;
    let questionnaire = cache.get(input.bytes)?;
    let info = crate::report::ReportInfo { generated_at: req.generated_at, lang: crate::i18n::lang() };
    if input.job == Job::Markdown {
        let text = crate::report::md::render(questionnaire, &req.assessment, &info);
        let file_name = crate::report::md::file_name(&req.assessment, &info.generated_at);
        return Ok(ReportResponse { file_name, bytes: text.into_bytes(), build_ms: 0.0, moved_from: None });
    }
    let r = crate::report::pdf::render_report(questionnaire, &req.assessment, &info, fonts()?);
    Ok(ReportResponse { file_name: r.file_name, bytes: r.bytes, build_ms: 0.0, moved_from: None })
}

#[cfg(target_arch = "wasm32")]
pub use web::{Lean, ReportWorker};

#[cfg(target_arch = "wasm32")]
mod web {
    use gloo_worker::{Codec, HandlerId, Worker, WorkerScope};

    /// gloo-worker's bincode codec without its `expect`s: their `Debug` formatting drags every
    /// bincode and I/O error name into the UI's wasm. A message that cannot be read throws a
    /// short JS error instead (it cannot happen between the two halves of one build).
    pub struct Lean;

    impl Codec for Lean {
        fn encode<I: serde::Serialize>(input: I) -> wasm_bindgen::JsValue {
            let buf = bincode::serialize(&input).unwrap_or_default();
            js_sys::Uint8Array::from(buf.as_slice()).into()
        }

        fn decode<O: for<'de> serde::Deserialize<'de>>(input: wasm_bindgen::JsValue) -> O {
            let data = js_sys::Uint8Array::from(input).to_vec();
            match bincode::deserialize(&data) {
                Ok(v) => v,
                Err(_) => wasm_bindgen::throw_str("a message of the report worker could not be read"),
            }
        }
    }

    /// Input: a [`super::WorkerInput`] as a [`super::Wire`]. Output: the file, or an error
    /// message, as a [`super::Wire`].
    pub struct ReportWorker {
        #[cfg(feature = "pdf")]
        cache: super::QuestionnaireCache,
    }

    /// The fonts, parsed once per worker and kept for its lifetime.
    #[cfg(feature = "pdf")]
    fn fonts() -> Result<&'static crate::report::pdf::Fonts, String> {
        thread_local! {
            static FONTS: std::cell::OnceCell<&'static crate::report::pdf::Fonts> = const { std::cell::OnceCell::new() };
        }
        FONTS.with(|cell| {
            if let Some(f) = cell.get() {
                return Ok(*f);
            }
            let f: &'static crate::report::pdf::Fonts = Box::leak(Box::new(crate::report::pdf::Fonts::load()?));
            let _ = cell.set(f);
            Ok(f)
        })
    }

    impl Worker for ReportWorker {
        type Message = ();
        type Input = super::Wire;
        type Output = super::Wire;

        fn create(_scope: &WorkerScope<Self>) -> Self {
            ReportWorker {
                #[cfg(feature = "pdf")]
                cache: super::QuestionnaireCache::default(),
            }
        }

        fn update(&mut self, _scope: &WorkerScope<Self>, _msg: Self::Message) {}

        fn received(&mut self, scope: &WorkerScope<Self>, msg: Self::Input, id: HandlerId) {
            #[cfg(feature = "pdf")]
            {
                let start = js_sys::Date::now();
                let result = super::decode_input(&msg).and_then(|input| super::handle(input, fonts, &mut self.cache)).map(|mut r| {
                    r.build_ms = js_sys::Date::now() - start;
                    r
                });
                scope.respond(id, super::encode_output(&result));
            }
            #[cfg(not(feature = "pdf"))]
            {
                let _ = msg;
                scope.respond(id, super::encode_output(&Err(crate::t!("this build has no PDF support"))));
            }
        }
    }
}
