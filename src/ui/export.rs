//! PDF and Markdown export, the workshop summary, and imports (a PDF's answers are read there),
//! through the report worker, which is spawned on first use only (it carries the PDF writer and the
//! fonts) and reused afterwards. gloo-worker has no error callback, so a timeout turns a worker
//! that never answers into a clear error, and the next try starts afresh.

use crate::answers::Assessment;
use crate::t;
use crate::worker::{decode_reply, encode_request, Lean, ReportWorker, Request, Response, Wire};
use gloo_worker::{Spawnable, WorkerBridge};
use std::cell::RefCell;
use std::time::Duration;

type Done = Box<dyn FnOnce(Response)>;

thread_local! {
    static BRIDGE: RefCell<Option<WorkerBridge<ReportWorker>>> = const { RefCell::new(None) };
    static PENDING: RefCell<Option<(u32, Done)>> = const { RefCell::new(None) };
    static SEQ: RefCell<u32> = const { RefCell::new(0) };
}

/// The worker's loader, next to index.html in dist/.
const WORKER_PATH: &str = "./report_worker_loader.js";
/// A first export loads ~1 MB; allow slow machines plenty of time.
const TIMEOUT: Duration = Duration::from_secs(20);

/// An imported assessment (in the current format), the questionnaire version it was moved
/// from, if it was, and the binary form of the custom questionnaire the file carried, if any.
pub type Imported = (Assessment, Option<String>, Option<Vec<u8>>);

fn finish(response: Response) {
    if let Some((_, done)) = PENDING.with(|p| p.borrow_mut().take()) {
        done(response);
    }
}

/// The message of a response that is not the one asked for.
fn failure(response: Response) -> String {
    match response {
        Response::Failed(e) => e,
        _ => unreadable(),
    }
}

fn unreadable() -> String {
    t!("the answer of the report builder could not be read (it may be from another version of the tool); reload the page")
}

/// Make a file in the worker (a PDF or Markdown report, the workshop summary); `done` gets its
/// name and bytes, or the message for the user (exactly once).
///
/// A file that needs what the worker lacks is made again with what it asks for (the full
/// DejaVu faces, the fallback face for Chinese, Japanese and Korean, the hyphenation patterns
/// of the file's language), fetched for it (and cached by the browser and the service worker
/// for the next one).
pub fn make_file(request: Request, done: impl FnOnce(Result<(String, Vec<u8>), String>) + 'static) {
    let again = request.clone();
    let lang = request.lang();
    run(request, move |r| match r {
        Response::NeedsFonts {
            full,
            fallback,
            hyphenation,
        } => leptos::task::spawn_local(async move {
            match fetch_fonts(full, fallback, hyphenation.then_some(lang)).await {
                Ok(fonts) => run(again.with_fonts(fonts), move |r| done(file(r))),
                Err(e) => done(Err(t!(
                    "this file has characters that need fonts which could not be loaded: {0}",
                    e
                ))),
            }
        }),
        other => done(file(other)),
    })
}

fn file(response: Response) -> Result<(String, Vec<u8>), String> {
    match response {
        Response::File { file_name, bytes } => Ok((file_name, bytes)),
        other => Err(failure(other)),
    }
}

/// What the worker asked for, fetched from the app's own folder. The hyphenation patterns
/// are not required: without them (a failed fetch), words are cut between characters as
/// before, and the file is still made.
async fn fetch_fonts(
    full: bool,
    fallback: bool,
    hyphenation: Option<crate::i18n::Lang>,
) -> Result<crate::worker::FontFiles, String> {
    let [regular, bold] = crate::worker::FULL_FONT_URLS;
    let wanted = [
        (full, regular),
        (full, bold),
        (fallback, crate::worker::FALLBACK_FONT_URL),
        (
            hyphenation.is_some(),
            hyphenation
                .map(crate::worker::hyphenation_url)
                .unwrap_or(""),
        ),
    ];
    let mut got: [Option<Vec<u8>>; 4] = Default::default();
    for (i, (want, url)) in wanted.into_iter().enumerate() {
        if want {
            got[i] = Some(match crate::ui::state::fetch_bytes(url).await {
                Ok(bytes) => bytes,
                Err(_) if i == 3 => Vec::new(),
                Err(e) => return Err(e),
            });
        }
    }
    let [regular, bold, fallback, hyphenation] = got;
    Ok(crate::worker::FontFiles {
        regular,
        bold,
        fallback,
        hyphenation,
    })
}

fn imported(response: Response) -> Result<Imported, String> {
    match response {
        Response::Imported {
            stored,
            moved_from,
            questionnaire,
        } => crate::persist::decode(&stored)
            .map(|a| (a, moved_from, questionnaire))
            .map_err(|e| e.to_string()),
        other => Err(failure(other)),
    }
}

/// Import a file the user picked (JSON export or PDF report); the worker's messages come in the
/// interface language.
pub fn import(file: Vec<u8>, done: impl FnOnce(Result<Imported, String>) + 'static) {
    run(
        Request::Import {
            file,
            lang: crate::i18n::lang(),
        },
        move |r| done(imported(r)),
    )
}

/// The same as a future (the studio reads files one after another).
pub async fn import_async(file: Vec<u8>) -> Result<Imported, String> {
    use std::rc::Rc;
    let slot: Rc<RefCell<Option<Result<Imported, String>>>> = Rc::new(RefCell::new(None));
    let mut file = Some(file);
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let slot = slot.clone();
        import(file.take().unwrap_or_default(), move |r| {
            *slot.borrow_mut() = Some(r);
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        });
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    let out = slot.borrow_mut().take();
    out.unwrap_or_else(|| Err(t!("the report builder gave no answer")))
}

fn run(request: Request, done: impl FnOnce(Response) + 'static) {
    if PENDING.with(|p| p.borrow().is_some()) {
        return done(Response::Failed(t!(
            "the tool is still busy with the previous file; please wait for it"
        )));
    }
    let seq = SEQ.with(|s| {
        *s.borrow_mut() += 1;
        *s.borrow()
    });
    PENDING.with(|p| *p.borrow_mut() = Some((seq, Box::new(done))));
    BRIDGE.with(|b| {
        let mut b = b.borrow_mut();
        if b.is_none() {
            let mut spawner = ReportWorker::spawner()
                .callback(|out: Wire| {
                    finish(
                        decode_reply(&out)
                            .map_or_else(|| Response::Failed(unreadable()), |r| r.response),
                    )
                })
                .encoding::<Lean>();
            *b = Some(spawner.with_loader(true).as_module(true).spawn(WORKER_PATH));
        }
        if let Some(bridge) = b.as_ref() {
            bridge.send(encode_request(&request));
        }
    });
    leptos::prelude::set_timeout(
        move || {
            let stale = PENDING.with(|p| p.borrow().as_ref().map(|(s, _)| *s) == Some(seq));
            if stale {
                // Drop the bridge so that a retry spawns a fresh worker.
                BRIDGE.with(|b| b.borrow_mut().take());
                finish(Response::Failed(t!("the report builder did not respond. Check that the page is not blocked from loading its own files, then try again")));
            }
        },
        TIMEOUT,
    );
}

/// Check a questionnaire file of the user's own in the worker (issue 16). When it extends a
/// bundled questionnaire, the worker names it; that questionnaire is then loaded and the file
/// checked again with it. `done` gets the worker's finding, or the message for the user.
pub fn check_questionnaire(
    app: crate::ui::state::AppState,
    file: Vec<u8>,
    done: impl FnOnce(Result<crate::worker::CheckReply, String>) + 'static,
) {
    use crate::worker::CheckReply;
    let lang = crate::i18n::lang();
    let again = file.clone();
    run(
        Request::CheckQuestionnaire {
            file,
            base: None,
            lang,
        },
        move |r| match r {
            Response::Checked(CheckReply::NeedsBase { id, version }) => {
                let Some(info) = crate::bundled::info(&id, &version) else {
                    return done(Err(t!(
                        "The file extends “{0}” version {1}, which this tool does not have.",
                        id,
                        version
                    )));
                };
                leptos::task::spawn_local(async move {
                    if let Err(e) = app.load(info).await {
                        return done(Err(e));
                    }
                    let base = match app.questionnaire(&id, &version) {
                        crate::ui::state::QState::Ready(_, bytes) => bytes.to_vec(),
                        _ => {
                            return done(Err(t!(
                                "The questionnaire “{0}” could not be loaded.",
                                id
                            )))
                        }
                    };
                    run(
                        Request::CheckQuestionnaire {
                            file: again,
                            base: Some(base),
                            lang,
                        },
                        move |r| match r {
                            Response::Checked(reply) => done(Ok(reply)),
                            other => done(Err(failure(other))),
                        },
                    )
                });
            }
            Response::Checked(reply) => done(Ok(reply)),
            other => done(Err(failure(other))),
        },
    )
}
