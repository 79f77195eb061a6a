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

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ReportResponse {
    pub file_name: String,
    pub bytes: Vec<u8>,
    /// Milliseconds spent building the PDF inside the worker.
    pub build_ms: f64,
}

/// The last questionnaire the worker parsed and validated, with its file text: later exports of
/// the same questionnaire skip parsing and validating it again.
#[cfg(feature = "pdf")]
#[derive(Default)]
pub struct QuestionnaireCache(Option<(String, crate::model::Questionnaire)>);

/// Build the PDF for a request (the worker calls this; native code can too).
#[cfg(feature = "pdf")]
pub fn handle(
    request_json: &str,
    fonts: &crate::report::pdf::Fonts,
    cache: &mut QuestionnaireCache,
) -> Result<ReportResponse, String> {
    let req: ReportRequest =
        serde_json::from_str(request_json).map_err(|e| format!("bad report request: {e}"))?;
    let cached = matches!(&cache.0, Some((text, _)) if *text == req.questionnaire_json);
    if !cached {
        let questionnaire = crate::validate::load_questionnaire(&req.questionnaire_json).map_err(|errors| {
            let list: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
            format!("the questionnaire is not valid: {}", list.join("; "))
        })?;
        cache.0 = Some((req.questionnaire_json, questionnaire));
    }
    let questionnaire = &cache.0.as_ref().ok_or("no questionnaire")?.1;
    let info = crate::report::ReportInfo { generated_at: req.generated_at, locale: req.locale };
    let r = crate::report::pdf::render_report(questionnaire, &req.assessment, &info, fonts);
    Ok(ReportResponse { file_name: r.file_name, bytes: r.bytes, build_ms: 0.0 })
}

#[cfg(target_arch = "wasm32")]
pub use web::ReportWorker;

#[cfg(target_arch = "wasm32")]
mod web {
    use gloo_worker::{HandlerId, Worker, WorkerScope};

    /// Input: a [`super::ReportRequest`] as JSON. Output: the PDF or an error message.
    pub struct ReportWorker {
        #[cfg(feature = "pdf")]
        fonts: Option<crate::report::pdf::Fonts>,
        #[cfg(feature = "pdf")]
        cache: super::QuestionnaireCache,
    }

    impl Worker for ReportWorker {
        type Message = ();
        type Input = String;
        type Output = Result<super::ReportResponse, String>;

        fn create(_scope: &WorkerScope<Self>) -> Self {
            ReportWorker {
                #[cfg(feature = "pdf")]
                fonts: None,
                #[cfg(feature = "pdf")]
                cache: super::QuestionnaireCache::default(),
            }
        }

        fn update(&mut self, _scope: &WorkerScope<Self>, _msg: Self::Message) {}

        fn received(&mut self, scope: &WorkerScope<Self>, msg: Self::Input, id: HandlerId) {
            #[cfg(feature = "pdf")]
            {
                let start = js_sys::Date::now();
                let result = (|| {
                    if self.fonts.is_none() {
                        self.fonts = Some(crate::report::pdf::Fonts::load()?);
                    }
                    let fonts = self.fonts.as_ref().ok_or("fonts unavailable")?;
                    super::handle(&msg, fonts, &mut self.cache)
                })()
                .map(|mut r| {
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
