//! The browser shell: Leptos components that render the core's state. No scoring logic here.

pub mod components;
pub mod download;
pub mod export;
pub mod lang;
pub mod lazy;
pub mod pages;
pub mod state;
pub mod storage;
pub mod studio;

/// A questionnaire text in the interface's current language: the UI's lookups (the core takes the
/// language as a parameter: [`LocalText::get`], [`LocalText::is_fallback_in`]).
pub trait Tr {
    /// The text in the current interface language, falling back to English.
    fn tr(&self) -> &str;
    /// Whether [`Tr::tr`] fell back to English (the text has none in the current language); the
    /// interface marks such a text "(in English)".
    fn is_fallback(&self) -> bool;
}

impl Tr for crate::model::LocalText {
    fn tr(&self) -> &str {
        self.get(crate::i18n::lang().code())
    }

    fn is_fallback(&self) -> bool {
        self.is_fallback_in(crate::i18n::lang().code())
    }
}

use crate::route::Route;
use crate::{t, ts};
use leptos::prelude::*;
use state::{use_app, AppState};

pub fn mount() {
    lang::start(
        || {
            remove_shell();
            leptos::mount::mount_to_body(App)
        },
        "./i18n/nl.json",
        Some("./i18n/nl-pages.json"),
    );
}

/// Take away index.html's static shell (the header and the home page's title, painted before
/// the wasm arrived) in the same task that mounts the app, so that no frame shows neither.
pub(crate) fn remove_shell() {
    if let Some(shell) = document().get_element_by_id("shell") {
        shell.remove();
    }
}

fn current_route() -> Route {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    Route::parse(&hash)
}

#[component]
pub fn App() -> impl IntoView {
    let app = AppState::new();
    app.route.set(current_route());
    provide_context(app);
    let lang = lang::provide();

    follow_other_tabs(app);
    app.share_memory();
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        app.route.set(current_route());
    });
    on_cleanup(move || handle.remove());

    // Keep the document title in step with the page.
    Effect::new(move |_| {
        lang.lang.track();
        let title = match app.route.get() {
            Route::Home | Route::NotFound => t!("ELSA self-assessment for AI in healthcare"),
            Route::Scoring => t!("How scoring works · ELSA self-assessment"),
            Route::Privacy => t!("Your data · ELSA self-assessment"),
            Route::Preview { .. } => t!("Preview of a questionnaire · ELSA self-assessment"),
            Route::Assessment { id, .. } | Route::Results { id } | Route::Plan { id } => {
                let name = app
                    .assessment(&id)
                    .map(|a| a.display_name().to_string())
                    .unwrap_or_default();
                match app.route.get_untracked() {
                    Route::Results { .. } => t!("Results: {0} · ELSA self-assessment", name),
                    Route::Plan { .. } => t!("Action plan: {0} · ELSA self-assessment", name),
                    _ => t!("Assessment: {0} · ELSA self-assessment", name),
                }
            }
        };
        document().set_title(&title);
    });

    // The later pages' Dutch texts come with their first visit.
    Effect::new(move |_| {
        lang.lang.track();
        if matches!(
            app.route.get(),
            Route::Results { .. }
                | Route::Plan { .. }
                | Route::Preview { .. }
                | Route::Scoring
                | Route::Privacy
        ) {
            lang::need_all_texts(lang);
        }
    });

    // The whole page is rendered again when the language changes, or more of its texts arrive;
    // the state stays.
    move || {
        lang.lang.track();
        lang.texts.track();
        view! {
            {skip_link()}
            <header class="site-header">
                <div class="wrap header-row">
                    <a class="brand" href="#/">{ts!("ELSA self-assessment")}<span class="brand-sub">" · "{ts!("AI in healthcare")}</span></a>
                    <nav aria-label=ts!("Site")>
                        <ul class="nav-links">
                            <li><a href="#/">{ts!("Assessments")}</a></li>
                            <li><a href="#/scoring">{ts!("How scoring works")}</a></li>
                        </ul>
                    </nav>
                    {lang::switch()}
                </div>
                <p class="privacy-notice wrap">
                    {ts!("Your answers stay on this device. Nothing is sent anywhere. Export a file to keep a copy or share it.")}" "
                    <a href="#/privacy">{ts!("Where your data is kept")}</a>
                </p>
            </header>
            <Alerts/>
            <main id="main" tabindex="-1" class="wrap">
                {move || match app.route.get() {
                    Route::Home => view! { <pages::home::HomePage/> }.into_any(),
                    Route::Scoring => lazy::scoring(),
                    Route::Privacy => lazy::privacy(),
                    Route::Assessment { id, section, question } => lazy::assessment(id, section, question),
                    Route::Results { id } => lazy::results(id),
                    Route::Plan { id } => lazy::plan(id),
                    Route::Preview { id, version } => lazy::preview(id, version),
                    Route::NotFound => view! {
                        <h1>{ts!("Page not found")}</h1>
                        <p>{ts!("This address does not lead to a page of the tool.")}" "<a href="#/">{ts!("Go to your assessments")}</a>"."</p>
                    }.into_any(),
                }}
            </main>
            {footer(app)}
        }
    }
}

/// The skip link (both apps): it moves the focus to the main content.
pub(crate) fn skip_link() -> impl IntoView {
    view! {
        <a class="skip-link" href="#main" on:click=move |ev| {
            ev.prevent_default();
            if let Some(el) = document().get_element_by_id("main") {
                use wasm_bindgen::JsCast;
                if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() { let _ = el.focus(); }
            }
        }>{ts!("Skip to main content")}</a>
    }
}

/// The footer and the polite live region (both apps).
pub(crate) fn footer(app: AppState) -> impl IntoView {
    view! {
        <footer class="site-footer wrap">
            <p>{t!("ELSA self-assessment tool {0}. Scores and legal pointers are indicative; they are not legal advice.", crate::persist::TOOL_VERSION)}</p>
        </footer>
        <div class="sr-only" role="status" aria-live="polite">{move || app.announcement.get()}</div>
    }
}

/// Storage and content problems, shown to the user, never swallowed; each offers the way out
/// (export, download of a damaged entry).
#[component]
fn Alerts() -> impl IntoView {
    let app = use_app();
    let export_result = RwSignal::new(None::<String>);
    let export_all = move |_| {
        let msg = match app.export_all() {
            Ok(0) => t!("There is nothing to export yet."),
            Ok(1) => t!("Downloaded 1 file."),
            Ok(n) => t!("Downloaded {0} files.", n),
            Err(e) => t!("The export failed: {0}.", e),
        };
        export_result.set(Some(msg));
    };
    let export_button = move || {
        view! {
            <button type="button" class="button" on:click=export_all>{ts!("Export all assessments (JSON)")}</button>
            {move || export_result.get().map(|m| view! { <span class="small">" "{m}</span> })}
        }
    };
    let problem_view = move |p: storage::Problem| {
        let actions = p.backup_key.clone().map(|key| {
            let (k1, k2) = (key.clone(), key.clone());
            let download = move |_| {
                let name = format!("{}.txt", k1.replace('.', "-"));
                let r = storage::raw(&k1).and_then(|text| download::download(text.as_bytes(), &name, "text/plain;charset=utf-8"));
                if let Err(e) = r {
                    app.storage_error.set(Some(t!("The damaged entry could not be downloaded: {0}.", e)));
                }
            };
            let remove = move |_| {
                let sure = web_sys::window()
                    .and_then(|w| w.confirm_with_message(&t!("Remove the damaged entry for good? Download it first if you may need it.")).ok())
                    .unwrap_or(false);
                if sure {
                    match storage::remove_key(&k2) {
                        Ok(()) => app.startup_problems.update(|v| v.retain(|x| x.backup_key.as_deref() != Some(k2.as_str()))),
                        Err(e) => app.storage_error.set(Some(t!("The damaged entry could not be removed: {0}.", e))),
                    }
                }
            };
            view! {
                " "<button type="button" class="button" on:click=download>{ts!("Download its text")}</button>
                " "<button type="button" class="button danger" on:click=remove>{ts!("Remove it")}</button>
            }
        });
        view! { <div class="alert alert-error" role="alert"><p>{p.message}</p>{actions}</div> }
    };
    view! {
        <div class="wrap alerts">
            {move || {
                let message = match (app.memory_only.get(), app.storage_error.get()) {
                    (Some(why), _) => t!("Your work will not be kept. This browser does not let the tool save anything: {0}. You can still fill in an assessment, but it is lost when you close this tab. Export a file to keep it.", why),
                    (None, Some(e)) => e,
                    (None, None) => return None,
                };
                Some(view! { <div class="alert alert-error" role="alert"><p>{message}</p>{export_button()}</div> })
            }}
            {move || app.startup_problems.get().into_iter().map(problem_view).collect_view()}
            {move || app.info.get().map(|m| view! {
                <p class="alert" role="status">{m}" "
                    <button type="button" class="button" on:click=move |_| app.info.set(None)>{ts!("Dismiss")}</button>
                </p>
            })}
        </div>
    }
}

/// Keep tabs in step: when another tab saves or removes an assessment, take the newer data.
fn follow_other_tabs(app: AppState) {
    use crate::persist::ASSESSMENT_KEY_PREFIX;
    let handle = window_event_listener(leptos::ev::storage, move |e: web_sys::StorageEvent| {
        let Some(key) = e.key() else {
            // Another tab cleared everything.
            app.assessments()
                .get_untracked()
                .iter()
                .for_each(|a| app.forget(&a.id));
            return;
        };
        let Some(id) = key.strip_prefix(ASSESSMENT_KEY_PREFIX) else {
            return;
        };
        match e.new_value() {
            None => {
                if app.assessment(id).is_some() {
                    app.forget(id);
                    app.info
                        .set(Some(t!("An assessment was deleted in another tab.")));
                }
            }
            Some(text) => {
                if let Ok(a) = crate::persist::decode_current(&text) {
                    let name = a.display_name().to_string();
                    if app.take_newer(a) {
                        app.announce(t!("{0} was updated from another tab", name));
                    }
                }
            }
        }
    });
    on_cleanup(move || handle.remove());
}

/// A questionnaire text in the current language. A text that has only English (a custom file)
/// is shown in English, marked "(in English)" and with `lang="en"` for screen readers.
pub(crate) fn loc(text: &crate::model::LocalText) -> impl IntoView {
    let fallback = text.is_fallback();
    let shown = text.tr().to_string();
    view! {
        <span lang=fallback.then_some("en")>{shown}</span>
        {fallback.then(|| view! { " "<span class="fallback-mark">{ts!("(in English)")}</span> })}
    }
}

/// Move the keyboard focus to an element once it is rendered.
pub(crate) fn focus_later(element_id: String) {
    request_animation_frame(move || {
        use wasm_bindgen::JsCast;
        if let Some(el) = document()
            .get_element_by_id(&element_id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
}
