//! The report worker's protocol, shared by the UI (which spawns it) and the worker binary.
//!
//! The request and the response travel as JSON text / bytes so that the wire format does not
//! depend on the codec of the worker library.

use crate::answers::Assessment;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ReportRequest {
    /// The questionnaire file's text, as shipped or loaded (parsed and validated by the worker;
    /// sending the text keeps the questionnaire's serializer out of the UI's wasm).
    pub questionnaire_json: String,
    pub assessment: Assessment,
    pub generated_at: String,
    pub locale: String,
}

/// What the worker is asked to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Job {
    /// The PDF report of `json` (a [`ReportRequest`]).
    Pdf,
    /// The Markdown export of `json` (a [`ReportRequest`]).
    Markdown,
    /// Take the assessment file out of `bytes`, a PDF made by this tool.
    ExtractFromPdf,
}

/// One message to the worker. Requests travel as JSON text (the UI already has the serializer
/// for it); file bytes travel as they are.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct WorkerInput {
    pub job: Job,
    pub json: String,
    pub bytes: Vec<u8>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ReportResponse {
    /// The file name to save under (empty for [`Job::ExtractFromPdf`]).
    pub file_name: String,
    pub bytes: Vec<u8>,
    /// Milliseconds spent inside the worker.
    pub build_ms: f64,
}

/// The last questionnaire the worker parsed and validated, with its file text: later exports of
/// the same questionnaire skip parsing and validating it again.
#[cfg(feature = "pdf")]
#[derive(Default)]
pub struct QuestionnaireCache(Option<(String, crate::model::Questionnaire)>);

#[cfg(feature = "pdf")]
impl QuestionnaireCache {
    fn get(&mut self, text: &str) -> Result<&crate::model::Questionnaire, String> {
        let cached = matches!(&self.0, Some((t, _)) if t == text);
        if !cached {
            let questionnaire = crate::validate::load_questionnaire(text).map_err(|errors| {
                let list: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
                format!("the questionnaire is not valid: {}", list.join("; "))
            })?;
            self.0 = Some((text.to_string(), questionnaire));
        }
        Ok(&self.0.as_ref().ok_or("no questionnaire")?.1)
    }
}

/// Do one job (the worker calls this; native code can too). `fonts` is called only for a PDF.
#[cfg(feature = "pdf")]
pub fn handle<'f>(
    input: WorkerInput,
    fonts: impl FnOnce() -> Result<&'f crate::report::pdf::Fonts, String>,
    cache: &mut QuestionnaireCache,
) -> Result<ReportResponse, String> {
    if input.job == Job::ExtractFromPdf {
        let bytes = crate::report::pdf::extract_attachment(&input.bytes).map_err(|e| e.to_string())?;
        return Ok(ReportResponse { file_name: String::new(), bytes, build_ms: 0.0 });
    }
    let req: ReportRequest = serde_json::from_str(&input.json).map_err(|e| format!("bad report request: {e}"))?;
    let questionnaire = cache.get(&req.questionnaire_json)?;
    let info = crate::report::ReportInfo { generated_at: req.generated_at, locale: req.locale };
    if input.job == Job::Markdown {
        let text = crate::report::md::render(questionnaire, &req.assessment, &info);
        let file_name = crate::report::md::file_name(&req.assessment, &info.generated_at);
        return Ok(ReportResponse { file_name, bytes: text.into_bytes(), build_ms: 0.0 });
    }
    let r = crate::report::pdf::render_report(questionnaire, &req.assessment, &info, fonts()?);
    Ok(ReportResponse { file_name: r.file_name, bytes: r.bytes, build_ms: 0.0 })
}

#[cfg(target_arch = "wasm32")]
pub use web::ReportWorker;

#[cfg(target_arch = "wasm32")]
mod web {
    use gloo_worker::{HandlerId, Worker, WorkerScope};

    /// Input: a [`super::WorkerInput`]. Output: the file, or an error message.
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
        type Input = super::WorkerInput;
        type Output = Result<super::ReportResponse, String>;

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
                let result = super::handle(msg, fonts, &mut self.cache).map(|mut r| {
                    r.build_ms = js_sys::Date::now() - start;
                    r
                });
                scope.respond(id, result);
            }
            #[cfg(not(feature = "pdf"))]
            {
                let _ = msg;
                scope.respond(id, Err("this build has no PDF support".to_string()));
            }
        }
    }
}
