//! Code splitting of the main app (issue 14 §1): the later pages of the team's journey (results
//! and the action plan in one chunk, "How scoring works" and "Your data" in another) are split out of the main wasm by wasm-split
//! (scripts/build-split.sh, run by `make dist`/`make serve`) and fetched on their first visit.
//!
//! Only with the `split` feature, which only the split step turns on for the `elsa` bin. Without
//! it (a plain `trunk build`, the studio, the worker, native builds) these are the pages
//! themselves, in one wasm: a plain trunk build is a working, unsplit app.
//!
//! Every split point uses `wasm_split(…, fallible)`: a chunk that cannot be fetched (offline
//! before it was cached, a blocked address) shows a message with a "Try again" button instead of
//! a panic. Nothing is reloaded, so the work in memory is kept. The loader does not cache a
//! failure, so "Try again" fetches the chunk anew.
//!
//! To add a split point: a `#[cfg(feature = "split")] #[wasm_split(NAME, wasm_split_path =
//! leptos::wasm_split, fallible)] fn x_view(…) -> Result<AnyView, ChunkFailed>` that renders the
//! page, a `pub fn x(…) -> AnyView` that calls `split_page(move || x_view(…))`, and its
//! `#[cfg(not(feature = "split"))]` twin that renders the page directly; route to `lazy::x`.
//! Functions with the same NAME share one chunk.

#![cfg_attr(not(feature = "split"), allow(dead_code, unused_imports))]

use crate::ts;
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};

/// A page's chunk could not be loaded (offline before it was cached, a blocked address).
pub struct ChunkFailed;

impl From<SplitLoaderError> for ChunkFailed {
    fn from(_: SplitLoaderError) -> Self {
        ChunkFailed
    }
}

#[cfg(feature = "split")]
#[wasm_split(results_page, wasm_split_path = leptos::wasm_split, fallible)]
fn results_view(id: String) -> Result<AnyView, ChunkFailed> {
    Ok(view! { <super::pages::results::ResultsPage id=id/> }.into_any())
}

#[cfg(feature = "split")]
#[wasm_split(results_page, wasm_split_path = leptos::wasm_split, fallible)]
fn plan_view(id: String) -> Result<AnyView, ChunkFailed> {
    Ok(view! { <super::pages::plan::PlanPage id=id/> }.into_any())
}

#[cfg(feature = "split")]
#[wasm_split(assessment_page, wasm_split_path = leptos::wasm_split, fallible)]
fn assessment_view(
    id: String,
    section: Option<String>,
    question: Option<String>,
) -> Result<AnyView, ChunkFailed> {
    Ok(view! { <super::pages::assessment::AssessmentPage id=id section=section question=question/> }.into_any())
}

/// Nothing but a call into the results page's chunk: calling it fetches the chunk.
#[cfg(feature = "split")]
#[wasm_split(results_page, wasm_split_path = leptos::wasm_split, fallible)]
fn results_chunk() -> Result<(), ChunkFailed> {
    Ok(())
}

/// Nothing but a call into the section pages' chunk.
#[cfg(feature = "split")]
#[wasm_split(assessment_page, wasm_split_path = leptos::wasm_split, fallible)]
fn assessment_chunk() -> Result<(), ChunkFailed> {
    Ok(())
}

/// Run `fetch` once per page load, when the browser is idle (a moment later where it has no idle
/// callbacks). `asked` remembers that it was scheduled.
#[cfg(feature = "split")]
fn when_idle(asked: &'static std::thread::LocalKey<std::cell::Cell<bool>>, fetch: fn()) {
    use wasm_bindgen::prelude::*;
    if asked.with(|a| a.replace(true)) {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let run = Closure::once_into_js(fetch);
    if window.request_idle_callback(run.unchecked_ref()).is_err() {
        let _ =
            window.set_timeout_with_callback_and_timeout_and_arguments_0(run.unchecked_ref(), 1000);
    }
}

#[cfg(feature = "split")]
thread_local! {
    static RESULTS_ASKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    static ASSESSMENT_ASKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Fetch the chunk of the results page (and the action plan) ahead of need, once the browser is
/// idle: the section pages call this, so that "See results" does not wait for the chunk
/// (issue 17). A failure is silent: the page's own visit tries again and says so.
#[cfg(feature = "split")]
pub fn prefetch_results() {
    when_idle(&RESULTS_ASKED, || {
        leptos::task::spawn_local(async {
            let _ = results_chunk().await;
        })
    });
}

/// Fetch the chunk of the section pages ahead of need, once the browser is idle: the home page
/// calls this, so that starting or opening an assessment does not wait for it (issue 17: the
/// section pages left the first load). A failure is silent, as above.
#[cfg(feature = "split")]
pub fn prefetch_assessment() {
    when_idle(&ASSESSMENT_ASKED, || {
        leptos::task::spawn_local(async {
            let _ = assessment_chunk().await;
        })
    });
}

#[cfg(feature = "split")]
#[wasm_split(info_pages, wasm_split_path = leptos::wasm_split, fallible)]
fn scoring_view() -> Result<AnyView, ChunkFailed> {
    Ok(view! { <super::pages::scoring::ScoringPage/> }.into_any())
}

#[cfg(feature = "split")]
#[wasm_split(info_pages, wasm_split_path = leptos::wasm_split, fallible)]
fn preview_view(id: String, version: String) -> Result<AnyView, ChunkFailed> {
    Ok(view! { <super::pages::preview::PreviewPage id=id version=version/> }.into_any())
}

#[cfg(feature = "split")]
#[wasm_split(info_pages, wasm_split_path = leptos::wasm_split, fallible)]
fn privacy_view() -> Result<AnyView, ChunkFailed> {
    Ok(view! { <super::pages::privacy::PrivacyPage/> }.into_any())
}

fn loading() -> AnyView {
    view! { <p class="muted" role="status">{ts!("Loading…")}</p> }.into_any()
}

/// The message for a chunk that could not be fetched; "Try again" fetches it anew.
fn failed(attempt: RwSignal<u32>) -> AnyView {
    view! {
        <div class="alert alert-error" role="alert">
            <p>{ts!("This page could not be loaded. Check your connection and try again. Your answers are kept.")}</p>
            <button type="button" class="button" on:click=move |_| attempt.update(|n| *n += 1)>{ts!("Try again")}</button>
        </div>
    }
    .into_any()
}

/// The page that `load` renders once its chunk is there; a message with a retry when it fails.
#[cfg(feature = "split")]
fn split_page<F, Fut>(load: F) -> AnyView
where
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<AnyView, ChunkFailed>> + 'static,
{
    let attempt = RwSignal::new(0u32);
    view! {
        <Suspense fallback=loading>
            {move || {
                attempt.track();
                let fut = load();
                Suspend::new(leptos::__reexports::send_wrapper::SendWrapper::new(async move {
                    fut.await.unwrap_or_else(|_| failed(attempt))
                }))
            }}
        </Suspense>
    }
    .into_any()
}

#[cfg(feature = "split")]
pub fn assessment(id: String, section: Option<String>, question: Option<String>) -> AnyView {
    split_page(move || assessment_view(id.clone(), section.clone(), question.clone()))
}

#[cfg(feature = "split")]
pub fn results(id: String) -> AnyView {
    split_page(move || results_view(id.clone()))
}

#[cfg(feature = "split")]
pub fn plan(id: String) -> AnyView {
    split_page(move || plan_view(id.clone()))
}

#[cfg(feature = "split")]
pub fn scoring() -> AnyView {
    split_page(scoring_view)
}

#[cfg(feature = "split")]
pub fn preview(id: String, version: String) -> AnyView {
    split_page(move || preview_view(id.clone(), version.clone()))
}

#[cfg(feature = "split")]
pub fn privacy() -> AnyView {
    split_page(privacy_view)
}

// Without the split (a plain trunk build, the studio, the worker, native checks): the pages themselves.
#[cfg(not(feature = "split"))]
pub fn results(id: String) -> AnyView {
    view! { <super::pages::results::ResultsPage id=id/> }.into_any()
}
#[cfg(not(feature = "split"))]
pub fn plan(id: String) -> AnyView {
    view! { <super::pages::plan::PlanPage id=id/> }.into_any()
}
#[cfg(not(feature = "split"))]
pub fn scoring() -> AnyView {
    view! { <super::pages::scoring::ScoringPage/> }.into_any()
}
#[cfg(not(feature = "split"))]
pub fn preview(id: String, version: String) -> AnyView {
    view! { <super::pages::preview::PreviewPage id=id version=version/> }.into_any()
}
#[cfg(not(feature = "split"))]
pub fn prefetch_results() {}
#[cfg(not(feature = "split"))]
pub fn prefetch_assessment() {}
#[cfg(not(feature = "split"))]
pub fn assessment(id: String, section: Option<String>, question: Option<String>) -> AnyView {
    view! { <super::pages::assessment::AssessmentPage id=id section=section question=question/> }
        .into_any()
}
#[cfg(not(feature = "split"))]
pub fn privacy() -> AnyView {
    view! { <super::pages::privacy::PrivacyPage/> }.into_any()
}
