//! PDF and Markdown export, and reading the answers out of a PDF, through the report worker, which is spawned on the first export only (it carries
//! printpdf and the fonts) and reused afterwards. gloo-worker has no error callback, so a
//! timeout turns a worker that never answers into a clear error, and the next try starts afresh.

use crate::t;
use crate::worker::{decode_output, encode_input, Job, Lean, ReportRequest, ReportResponse, ReportWorker, WorkerInput, Wire};
use gloo_worker::{Spawnable, WorkerBridge};
use std::cell::RefCell;
use std::time::Duration;

type Done = Box<dyn FnOnce(Result<ReportResponse, String>)>;

thread_local! {
    static BRIDGE: RefCell<Option<WorkerBridge<ReportWorker>>> = const { RefCell::new(None) };
    static PENDING: RefCell<Option<(u32, Done)>> = const { RefCell::new(None) };
    static SEQ: RefCell<u32> = const { RefCell::new(0) };
}

/// The worker's loader, next to index.html in dist/.
const WORKER_PATH: &str = "./report_worker_loader.js";
/// A first export loads ~1 MB; allow slow machines plenty of time.
const TIMEOUT: Duration = Duration::from_secs(20);

fn finish(result: Result<ReportResponse, String>) {
    if let Some((_, done)) = PENDING.with(|p| p.borrow_mut().take()) {
        done(result);
    }
}

/// Build the PDF or the Markdown of a request in the worker; call `done` with the result
/// (exactly once).
pub fn export(job: Job, request: &ReportRequest, questionnaire: &[u8], done: impl FnOnce(Result<ReportResponse, String>) + 'static) {
    match serde_json::to_string(request) {
        Ok(json) => run(WorkerInput { job, json, bytes: questionnaire.to_vec() }, done),
        Err(e) => done(Err(t!("the report request could not be prepared: {0}", e))),
    }
}

/// Import a file the user picked (JSON export or PDF report); the worker's messages come in the
/// interface language.
pub fn import(bytes: Vec<u8>, done: impl FnOnce(Result<ReportResponse, String>) + 'static) {
    run(WorkerInput { job: Job::Import, json: String::new(), bytes }, done)
}

/// Any job with its JSON request (the studio's workshop summary).
pub fn run_job(job: Job, json: String, bytes: Vec<u8>, done: impl FnOnce(Result<ReportResponse, String>) + 'static) {
    run(WorkerInput { job, json, bytes }, done)
}

/// The same as a future (the studio awaits files one after another).
pub async fn run_async(job: Job, json: String, bytes: Vec<u8>) -> Result<ReportResponse, String> {
    use std::rc::Rc;
    let slot: Rc<RefCell<Option<Result<ReportResponse, String>>>> = Rc::new(RefCell::new(None));
    let slot2 = slot.clone();
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let slot = slot2.clone();
        run_job(job, json.clone(), bytes.clone(), move |r| {
            *slot.borrow_mut() = Some(r);
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        });
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    let out = slot.borrow_mut().take();
    out.unwrap_or_else(|| Err(t!("the report builder gave no answer")))
}

fn run(mut input: WorkerInput, done: impl FnOnce(Result<ReportResponse, String>) + 'static) {
    if PENDING.with(|p| p.borrow().is_some()) {
        return done(Err(t!("the tool is still busy with the previous file; please wait for it")));
    }
    // An import's `json` is the language of the worker's messages: the interface language
    // unless the caller named one.
    if input.job == Job::Import && input.json.is_empty() {
        input.json = crate::i18n::lang().code().to_string();
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
                    finish(decode_output(&out).unwrap_or_else(|| {
                        Err(t!("the answer of the report builder could not be read (it may be from another version of the tool); reload the page"))
                    }))
                })
                .encoding::<Lean>();
            *b = Some(spawner.with_loader(true).as_module(true).spawn(WORKER_PATH));
        }
        if let Some(bridge) = b.as_ref() {
            bridge.send(encode_input(&input));
        }
    });
    leptos::prelude::set_timeout(
        move || {
            let stale = PENDING.with(|p| p.borrow().as_ref().map(|(s, _)| *s) == Some(seq));
            if stale {
                // Drop the bridge so that a retry spawns a fresh worker.
                BRIDGE.with(|b| b.borrow_mut().take());
                finish(Err(t!("the report builder did not respond. Check that the page is not blocked from loading its own files, then try again")));
            }
        },
        TIMEOUT,
    );
}
