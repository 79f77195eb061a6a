//! The report worker's protocol, shared by the UI (which spawns it) and the worker binary.
//!
//! The UI sends one [`Request`] and the worker answers with one [`Reply`]: every job's input and
//! output is typed, and travels as postcard bytes in a [`Wire`].

use crate::answers::Assessment;
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

/// A report of one assessment, as a PDF or as Markdown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportRequest {
    /// The questionnaire in its binary form (`bundled::encode_bin`), as the UI loaded it.
    #[serde(with = "serde_bytes")]
    pub questionnaire: Vec<u8>,
    pub assessment: Assessment,
    /// RFC 3339 time of generation (the UI's clock).
    pub generated_at: String,
    /// The language of the report.
    pub lang: Lang,
    /// The fonts the worker asked for ([`Response::NeedsFonts`]), once the page fetched them.
    pub fonts: Option<FontFiles>,
}

/// Where the page finds the full fonts (`dist/fonts/`, copied there by gen-bundle): regular,
/// bold.
pub const FULL_FONT_URLS: [&str; 2] = ["./fonts/DejaVuSans.ttf", "./fonts/DejaVuSans-Bold.ttf"];

/// Where the page finds the fallback face for Chinese, Japanese and Korean (issue 19).
pub const FALLBACK_FONT_URL: &str = "./fonts/DroidSansFallback.ttf";

/// Where the page finds the hyphenation patterns of a language (issue 19).
pub fn hyphenation_url(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "./hyph/hyph-en.txt",
        Lang::Nl => "./hyph/hyph-nl.txt",
    }
}

/// The typesetting files the page fetched for a file that needs them ([`Response::NeedsFonts`]):
/// the full DejaVu faces (regular, bold) for characters outside the worker's built-in subset
/// (issue 17), the fallback face for Chinese, Japanese and Korean, and the hyphenation
/// patterns of the file's language (issue 19). Each only when the worker asked for it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FontFiles {
    /// The full faces, regular and bold (both or neither).
    #[serde(with = "serde_bytes")]
    pub regular: Option<Vec<u8>>,
    #[serde(with = "serde_bytes")]
    pub bold: Option<Vec<u8>>,
    #[serde(with = "serde_bytes")]
    pub fallback: Option<Vec<u8>>,
    /// The file `hyph/hyph-<lang>.txt` (UTF-8 text; empty when it could not be fetched).
    #[serde(with = "serde_bytes")]
    pub hyphenation: Option<Vec<u8>>,
}

/// One team of a workshop: the label the facilitator gave it, and its assessment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkshopTeam {
    pub label: String,
    pub assessment: Assessment,
}

/// The workshop summary PDF: the teams in the order to show them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkshopRequest {
    /// The questionnaire in its binary form, as for [`ReportRequest`].
    #[serde(with = "serde_bytes")]
    pub questionnaire: Vec<u8>,
    pub teams: Vec<WorkshopTeam>,
    pub generated_at: String,
    pub lang: Lang,
    /// As for [`ReportRequest`].
    pub fonts: Option<FontFiles>,
}

/// A worked case's case card or facilitator's guide as a PDF (issue 18).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseRequest {
    /// The text of the case's `case.json` (checked again here).
    pub case: String,
    /// The reference assessment in its stored form (`persist::encode`).
    pub reference: String,
    /// The questionnaire in its binary form, as for [`ReportRequest`].
    #[serde(with = "serde_bytes")]
    pub questionnaire: Vec<u8>,
    pub part: crate::report::case::CasePart,
    pub generated_at: String,
    pub lang: Lang,
    /// As for [`ReportRequest`].
    pub fonts: Option<FontFiles>,
}

/// What the worker is asked to do. It works in the language the request names: the file it
/// makes and its messages alike.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// The PDF report.
    Pdf(ReportRequest),
    /// The Markdown export of the same content.
    Markdown(ReportRequest),
    /// The same content as one accessible HTML page (the PDF is not tagged).
    Html(ReportRequest),
    /// Import a file the user picked (the JSON export or a PDF report); the answer is
    /// [`Response::Imported`] or the message for the user.
    Import {
        #[serde(with = "serde_bytes")]
        file: Vec<u8>,
        lang: Lang,
    },
    /// The workshop summary PDF.
    WorkshopPdf(WorkshopRequest),
    /// Check a questionnaire file of the user's own (issue 16): `base` is the binary form of
    /// the bundled questionnaire it extends, once the worker has asked for it. The answer is
    /// [`Response::Checked`].
    CheckQuestionnaire {
        #[serde(with = "serde_bytes")]
        file: Vec<u8>,
        #[serde(with = "serde_bytes")]
        base: Option<Vec<u8>>,
        lang: Lang,
    },
    /// A worked case's card or guide.
    CasePdf(CaseRequest),
}

/// What a check of a questionnaire file found ([`crate::custom::Checked`], with the
/// questionnaire in its binary form: the UI keeps and reads that form anyway).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum CheckReply {
    NeedsBase {
        id: String,
        version: String,
    },
    Invalid(Vec<String>),
    Valid {
        #[serde(with = "serde_bytes")]
        bin: Vec<u8>,
        remarks: Vec<String>,
        no_dutch: Vec<String>,
    },
}

impl Request {
    /// The same request with the fonts the page fetched (a report, the workshop summary or a
    /// case document).
    pub fn with_fonts(mut self, fonts: FontFiles) -> Request {
        match &mut self {
            Request::Pdf(r) | Request::Markdown(r) | Request::Html(r) => r.fonts = Some(fonts),
            Request::WorkshopPdf(r) => r.fonts = Some(fonts),
            Request::CasePdf(r) => r.fonts = Some(fonts),
            Request::Import { .. } | Request::CheckQuestionnaire { .. } => {}
        }
        self
    }

    /// The language of the file and of the messages.
    pub fn lang(&self) -> Lang {
        match self {
            Request::Pdf(r) | Request::Markdown(r) | Request::Html(r) => r.lang,
            Request::Import { lang, .. } | Request::CheckQuestionnaire { lang, .. } => *lang,
            Request::WorkshopPdf(r) => r.lang,
            Request::CasePdf(r) => r.lang,
        }
    }
}

/// The worker's answer to a [`Request`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Response {
    /// The file made (a report or the workshop summary): the name to save it under, and its bytes.
    File {
        file_name: String,
        #[serde(with = "serde_bytes")]
        bytes: Vec<u8>,
    },
    /// The imported assessment, in the current format and moved to the newest questionnaire
    /// version, with the version it was moved from, if it was.
    ///
    /// The assessment travels in its stored form (`persist::encode`: the JSON text the UI keeps
    /// in storage, read back with `persist::decode`), not typed: the UI has that reader anyway,
    /// while a typed assessment brings postcard's reader of every assessment type into the main
    /// app. Measured when this was chosen: typed, the Dutch first load was 1.6 KB (brotli)
    /// larger and the studio 1.4 KB, leaving under 0.5 KB below the 240 KB budget.
    /// `questionnaire`: the binary form of the custom questionnaire the file carried, if it did.
    Imported {
        stored: String,
        moved_from: Option<String>,
        #[serde(with = "serde_bytes")]
        questionnaire: Option<Vec<u8>>,
    },
    /// The check of a questionnaire file.
    Checked(CheckReply),
    /// The file needs what the worker does not have: send the request again with
    /// [`ReportRequest::fonts`] holding what is named here (the page fetches it): the full
    /// DejaVu faces (characters outside the built-in subset), the fallback face (Chinese,
    /// Japanese, Korean), the hyphenation patterns of the request's language (a word wider
    /// than its line).
    NeedsFonts {
        full: bool,
        fallback: bool,
        hyphenation: bool,
    },
    /// The message for the user.
    Failed(String),
}

/// One answer of the worker: the response, and the milliseconds spent on it inside the worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reply {
    pub response: Response,
    pub build_ms: f64,
}

/// One message between the UI and the worker: a [`Request`] one way, a [`Reply`] the other,
/// as postcard bytes. Each side reads the message itself, so that one it cannot read (a worker
/// of another build, say) is answered with an error at once instead of leaving the other side
/// waiting for its time-out.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Wire(#[serde(with = "serde_bytes")] pub Vec<u8>);

/// The UI's side: a request as a message.
pub fn encode_request(request: &Request) -> Wire {
    // Plain data: serialising it to memory cannot fail.
    Wire(postcard::to_allocvec(request).unwrap_or_default())
}

/// The worker's side: the request in a message, or why it cannot be read.
pub fn decode_request(wire: &Wire) -> Result<Request, String> {
    crate::bundled::from_postcard(&wire.0)
        .map_err(|_| crate::t!("the report builder could not read the request (it may be from another version of the tool); reload the page"))
}

/// The worker's side: its answer as a message.
pub fn encode_reply(reply: &Reply) -> Wire {
    Wire(postcard::to_allocvec(reply).unwrap_or_default())
}

/// The UI's side: the worker's answer, or `None` when it cannot be read (the UI says so at once).
pub fn decode_reply(wire: &Wire) -> Option<Reply> {
    crate::bundled::from_postcard(&wire.0).ok()
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

/// Do one job (the worker calls this; native code can too), in the language of the request.
/// `fonts` is called only for a PDF.
#[cfg(feature = "pdf")]
pub fn handle<'f>(
    request: Request,
    fonts: impl FnOnce() -> Result<&'f crate::report::pdf::Fonts, String>,
    cache: &mut QuestionnaireCache,
) -> Response {
    crate::i18n::with_lang(request.lang(), || {
        handle_in(request, fonts, cache).unwrap_or_else(Response::Failed)
    })
}

#[cfg(feature = "pdf")]
fn handle_in<'f>(
    request: Request,
    fonts: impl FnOnce() -> Result<&'f crate::report::pdf::Fonts, String>,
    cache: &mut QuestionnaireCache,
) -> Result<Response, String> {
    // A text file (Markdown, HTML) or the PDF.
    let (text, req) = match request {
        Request::Pdf(req) => (None, req),
        Request::Markdown(req) => (Some(false), req),
        Request::Html(req) => (Some(true), req),
        Request::Import { file, lang } => {
            let available = crate::import::bundled_available(lang);
            let imported = crate::import::import_bytes(
                &file,
                crate::report::pdf::extract_attachment,
                &available,
            )
            .map_err(|e| e.to_string())?;
            let stored = crate::persist::encode(&imported.assessment, lang);
            let questionnaire = imported
                .questionnaire
                .as_ref()
                .map(crate::bundled::encode_bin);
            return Ok(Response::Imported {
                stored,
                moved_from: imported.moved_from_version,
                questionnaire,
            });
        }
        Request::CheckQuestionnaire { file, base, .. } => {
            let base = base.map(|b| crate::bundled::decode_bin(&b)).transpose()?;
            return Ok(Response::Checked(
                match crate::custom::check(&file, base.as_ref()) {
                    crate::custom::Checked::NeedsBase(b) => CheckReply::NeedsBase {
                        id: b.id,
                        version: b.version,
                    },
                    crate::custom::Checked::Invalid(errors) => CheckReply::Invalid(errors),
                    crate::custom::Checked::Valid {
                        questionnaire,
                        remarks,
                        no_dutch,
                    } => CheckReply::Valid {
                        bin: crate::bundled::encode_bin(&questionnaire),
                        remarks,
                        no_dutch,
                    },
                },
            ));
        }
        Request::CasePdf(req) => {
            let questionnaire = cache.get(req.questionnaire)?;
            let case = crate::cases::parse(&req.case)?;
            let reference = crate::persist::decode(&req.reference).map_err(|e| e.to_string())?;
            return with_fonts(req.fonts.as_ref(), fonts, |f| {
                crate::report::pdf::render_case_with(
                    &case,
                    questionnaire,
                    &reference,
                    req.part,
                    &req.generated_at,
                    req.lang,
                    f,
                )
            });
        }
        Request::WorkshopPdf(req) => {
            let questionnaire = cache.get(req.questionnaire)?;
            if let Some(t) = req
                .teams
                .iter()
                .find(|t| t.assessment.questionnaire_id != questionnaire.id)
            {
                return Err(crate::t!(
                    "the team \"{0}\" answered another questionnaire ({1}), not {2}",
                    t.label,
                    t.assessment.questionnaire_id,
                    questionnaire.id
                ));
            }
            let teams: Vec<(String, Assessment)> = req
                .teams
                .into_iter()
                .map(|t| (t.label, t.assessment))
                .collect();
            return with_fonts(req.fonts.as_ref(), fonts, |f| {
                crate::report::pdf::render_workshop_with(
                    questionnaire,
                    &teams,
                    &req.generated_at,
                    req.lang,
                    f,
                )
            });
        }
    };
    let questionnaire = cache.get(req.questionnaire)?;
    let info = crate::report::ReportInfo {
        generated_at: req.generated_at,
        lang: req.lang,
    };
    if let Some(html) = text {
        let (text, file_name) = if html {
            (
                crate::report::html::render(questionnaire, &req.assessment, &info),
                crate::report::html::file_name(&req.assessment, &info.generated_at),
            )
        } else {
            (
                crate::report::md::render(questionnaire, &req.assessment, &info),
                crate::report::md::file_name(&req.assessment, &info.generated_at),
            )
        };
        return Ok(Response::File {
            file_name,
            bytes: text.into_bytes(),
        });
    }
    with_fonts(req.fonts.as_ref(), fonts, |f| {
        crate::report::pdf::render_report_with(questionnaire, &req.assessment, &info, f)
    })
}

/// A PDF made with the fonts the page sent (for this file only: the built-in subset stays the
/// worker's own), else with the subset; [`Response::NeedsFonts`] when it has characters the
/// faces in hand lack and the full faces or the fallback face have.
#[cfg(feature = "pdf")]
fn with_fonts<'f>(
    files: Option<&FontFiles>,
    fonts: impl FnOnce() -> Result<&'f crate::report::pdf::Fonts, String>,
    render: impl FnOnce(
        &crate::report::pdf::Fonts,
    ) -> Result<crate::report::pdf::Report, crate::report::pdf::Needs>,
) -> Result<Response, String> {
    use crate::report::pdf::Fonts;
    let own = match files {
        None => None,
        Some(f) => {
            let base = match (&f.regular, &f.bold) {
                (Some(regular), Some(bold)) => Fonts::from_files(regular, bold)?,
                _ => Fonts::load()?,
            };
            let base = match &f.fallback {
                Some(data) => base.with_fallback(data)?,
                None => base,
            };
            Some(match &f.hyphenation {
                Some(text) => base.with_patterns(&String::from_utf8_lossy(text)),
                None => base,
            })
        }
    };
    let fonts = match &own {
        Some(f) => f,
        None => fonts()?,
    };
    Ok(match render(fonts) {
        Ok(r) => Response::File {
            file_name: r.file_name,
            bytes: r.bytes,
        },
        // What the page sent already is asked for again: it sends all it has each time.
        Err(needs) => Response::NeedsFonts {
            full: needs.full || files.is_some_and(|f| f.regular.is_some()),
            fallback: needs.fallback || files.is_some_and(|f| f.fallback.is_some()),
            hyphenation: needs.hyphenation || files.is_some_and(|f| f.hyphenation.is_some()),
        },
    })
}

#[cfg(target_arch = "wasm32")]
pub use web::{Lean, ReportWorker};

#[cfg(target_arch = "wasm32")]
mod web {
    use gloo_worker::{Codec, HandlerId, Worker, WorkerScope};

    /// gloo-worker's messages as postcard bytes (its own codec is bincode 1, with `expect`s
    /// whose `Debug` formatting drags every error name into the UI's wasm). A message that
    /// cannot be read throws a short JS error instead (it cannot happen between the two halves
    /// of one build; the [`super::Wire`] inside is read by each side itself).
    pub struct Lean;

    impl Codec for Lean {
        fn encode<I: serde::Serialize>(input: I) -> wasm_bindgen::JsValue {
            let buf = postcard::to_allocvec(&input).unwrap_or_default();
            js_sys::Uint8Array::from(buf.as_slice()).into()
        }

        fn decode<O: for<'de> serde::Deserialize<'de>>(input: wasm_bindgen::JsValue) -> O {
            let data = js_sys::Uint8Array::from(input).to_vec();
            match postcard::from_bytes(&data) {
                Ok(v) => v,
                Err(_) => {
                    wasm_bindgen::throw_str("a message of the report worker could not be read")
                }
            }
        }
    }

    /// Input: a [`super::Request`] as a [`super::Wire`]. Output: a [`super::Reply`] as a
    /// [`super::Wire`].
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
            let f: &'static crate::report::pdf::Fonts =
                Box::leak(Box::new(crate::report::pdf::Fonts::load()?));
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
            let start = js_sys::Date::now();
            #[cfg(feature = "pdf")]
            let response = match super::decode_request(&msg) {
                Ok(request) => super::handle(request, fonts, &mut self.cache),
                Err(e) => super::Response::Failed(e),
            };
            #[cfg(not(feature = "pdf"))]
            let response = {
                let _ = msg;
                super::Response::Failed(crate::t!("this build has no PDF support"))
            };
            let reply = super::Reply {
                response,
                build_ms: js_sys::Date::now() - start,
            };
            scope.respond(id, super::encode_reply(&reply));
        }
    }
}
