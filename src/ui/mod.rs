//! The browser shell: Leptos components that render the core's state. No scoring logic here.

pub mod components;
pub mod download;
pub mod export;
pub mod pages;
pub mod state;
pub mod storage;

use crate::route::Route;
use leptos::prelude::*;
use state::{use_app, AppState};

pub fn mount() {
    leptos::mount::mount_to_body(App);
}

fn current_route() -> Route {
    let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    Route::parse(&hash)
}

#[component]
pub fn App() -> impl IntoView {
    let app = AppState::new();
    app.route.set(current_route());
    provide_context(app);

    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        app.route.set(current_route());
    });
    on_cleanup(move || handle.remove());

    // Keep the document title in step with the page.
    Effect::new(move |_| {
        let title = match app.route.get() {
            Route::Home | Route::NotFound => "ELSA self-assessment for AI in healthcare".to_string(),
            Route::Scoring => "How scoring works · ELSA self-assessment".to_string(),
            Route::Privacy => "Your data · ELSA self-assessment".to_string(),
            Route::Assessment { id, .. } | Route::Results { id } => {
                let name = app.assessment(&id).map(|a| a.display_name().to_string()).unwrap_or_default();
                let page = if matches!(app.route.get_untracked(), Route::Results { .. }) { "Results" } else { "Assessment" };
                format!("{page}: {name} · ELSA self-assessment")
            }
        };
        document().set_title(&title);
    });

    view! {
        <a class="skip-link" href="#main" on:click=move |ev| {
            ev.prevent_default();
            if let Some(el) = document().get_element_by_id("main") {
                use wasm_bindgen::JsCast;
                if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() { let _ = el.focus(); }
            }
        }>"Skip to main content"</a>
        <header class="site-header">
            <div class="wrap header-row">
                <a class="brand" href="#/">"ELSA self-assessment"<span class="brand-sub">" · AI in healthcare"</span></a>
                <nav aria-label="Site">
                    <ul class="nav-links">
                        <li><a href="#/">"Assessments"</a></li>
                        <li><a href="#/scoring">"How scoring works"</a></li>
                    </ul>
                </nav>
            </div>
            <p class="privacy-notice wrap">
                "Your answers stay on this device. Nothing is sent anywhere. Export a file to keep a copy or share it. "
                <a href="#/privacy">"Where your data is kept"</a>
            </p>
        </header>
        <Alerts/>
        <main id="main" tabindex="-1" class="wrap">
            {move || match app.route.get() {
                Route::Home => view! { <pages::home::HomePage/> }.into_any(),
                Route::Scoring => view! { <pages::scoring::ScoringPage/> }.into_any(),
                Route::Privacy => view! { <pages::privacy::PrivacyPage/> }.into_any(),
                Route::Assessment { id, section, question } => view! {
                    <pages::assessment::AssessmentPage id=id section=section question=question/>
                }.into_any(),
                Route::Results { id } => view! { <pages::results::ResultsPage id=id/> }.into_any(),
                Route::NotFound => view! {
                    <h1>"Page not found"</h1>
                    <p>"This address does not lead to a page of the tool. "<a href="#/">"Go to your assessments"</a>"."</p>
                }.into_any(),
            }}
        </main>
        <footer class="site-footer wrap">
            <p>"ELSA self-assessment tool " {crate::persist::TOOL_VERSION} ". Scores and legal pointers are indicative; they are not legal advice."</p>
        </footer>
        <div class="sr-only" role="status" aria-live="polite">{move || app.announcement.get()}</div>
    }
}

/// Storage and content problems, shown to the user, never swallowed.
#[component]
fn Alerts() -> impl IntoView {
    let app = use_app();
    view! {
        <div class="wrap alerts">
            {move || app.storage_error.get().map(|e| view! { <p class="alert alert-error" role="alert">{e}</p> })}
            {move || app.startup_problems.get().into_iter().map(|e| view! { <p class="alert alert-error" role="alert">{e}</p> }).collect_view()}
        </div>
    }
}
