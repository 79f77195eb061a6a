//! PROTOTYPE (issue 14 §1, branch split-proto): the later pages of the team's journey are split
//! out of the main wasm by wasm-split and loaded on their first visit.
//!
//! - the results page through Leptos' own `#[lazy]` (a failed load panics: see the report);
//! - "How scoring works" and "Your data" through `wasm_split` with `fallible`, so that a failed
//!   load becomes a message on the page.
//!
//! Without the split step (plain trunk) the placeholder imports stay unresolved and wasm-bindgen
//! fails, so `make dist` needs scripts/build-split.sh after trunk.

#![cfg_attr(not(feature = "split"), allow(dead_code, unused_imports))]

use crate::ts;
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};

#[cfg(feature = "split")]
#[leptos::lazy]
fn results_view(id: String) -> AnyView {
    view! { <super::pages::results::ResultsPage id=id/> }.into_any()
}

/// A page's chunk could not be loaded (offline before it was cached, a blocked address).
pub struct ChunkFailed;

impl From<SplitLoaderError> for ChunkFailed {
    fn from(_: SplitLoaderError) -> Self {
        ChunkFailed
    }
}

#[cfg(feature = "split")]
#[wasm_split(info_pages, wasm_split_path = leptos::wasm_split, fallible)]
fn scoring_view() -> Result<AnyView, ChunkFailed> {
    Ok(view! { <super::pages::scoring::ScoringPage/> }.into_any())
}

#[cfg(feature = "split")]
#[wasm_split(info_pages, wasm_split_path = leptos::wasm_split, fallible)]
fn privacy_view() -> Result<AnyView, ChunkFailed> {
    Ok(view! { <super::pages::privacy::PrivacyPage/> }.into_any())
}

fn loading() -> AnyView {
    view! { <p class="muted" role="status">{ts!("Loading…")}</p> }.into_any()
}

fn failed() -> AnyView {
    view! {
        <p class="alert alert-error" role="alert">
            {ts!("This page could not be loaded. Check your connection and reload the page. Your answers are kept.")}
        </p>
    }
    .into_any()
}

#[cfg(feature = "split")]
pub fn results(id: String) -> AnyView {
    let fut = leptos::__reexports::send_wrapper::SendWrapper::new(async move { results_view(id).await });
    view! { <Suspense fallback=loading>{Suspend::new(fut)}</Suspense> }.into_any()
}

#[cfg(feature = "split")]
pub fn scoring() -> AnyView {
    let fut = leptos::__reexports::send_wrapper::SendWrapper::new(async move { scoring_view().await.unwrap_or_else(|_| failed()) });
    view! { <Suspense fallback=loading>{Suspend::new(fut)}</Suspense> }.into_any()
}

#[cfg(feature = "split")]
pub fn privacy() -> AnyView {
    let fut = leptos::__reexports::send_wrapper::SendWrapper::new(async move { privacy_view().await.unwrap_or_else(|_| failed()) });
    view! { <Suspense fallback=loading>{Suspend::new(fut)}</Suspense> }.into_any()
}

// Without the split (the studio, the worker, native checks): the pages themselves.
#[cfg(not(feature = "split"))]
pub fn results(id: String) -> AnyView {
    view! { <super::pages::results::ResultsPage id=id/> }.into_any()
}
#[cfg(not(feature = "split"))]
pub fn scoring() -> AnyView {
    view! { <super::pages::scoring::ScoringPage/> }.into_any()
}
#[cfg(not(feature = "split"))]
pub fn privacy() -> AnyView {
    view! { <super::pages::privacy::PrivacyPage/> }.into_any()
}
