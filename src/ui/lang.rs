//! The interface language in the browser: chosen at start (the user's earlier choice, else the
//! browser's language), its texts loaded before the app is mounted, and the EN/NL switch in the
//! header of both apps. Switching re-renders the page from the app's state, so nothing entered
//! is lost. See `crate::i18n` for how texts are translated.
use crate::i18n::{self, Lang};
use crate::persist::LANG_KEY;
use crate::ts;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The current language as a signal (the apps re-render when it changes), and a problem loading
/// a language's texts, shown beside the switch.
#[derive(Clone, Copy)]
pub struct LangState {
    pub lang: RwSignal<Lang>,
    /// Grows when more texts of the current language arrived (the later pages' Dutch texts):
    /// the page is rendered again.
    pub texts: RwSignal<u32>,
    pub problem: RwSignal<Option<String>>,
}

/// Provides the [`LangState`] of the language made current by [`start`] (each app's root
/// component calls it), with the problem [`start`] met, if any.
pub fn provide() -> LangState {
    let problem = START_PROBLEM.with(|p| p.take());
    let state = LangState {
        lang: RwSignal::new(i18n::lang()),
        texts: RwSignal::new(0),
        problem: RwSignal::new(problem),
    };
    provide_context(state);
    state
}

/// The message when the Dutch texts could not be loaded (in both languages: the page is English then).
fn dutch_failed(e: &str) -> String {
    format!("De Nederlandse teksten konden niet worden geladen ({e}). The Dutch texts could not be loaded.")
}

/// The user's earlier choice, else the first of the browser's languages the tool has, else English.
fn initial() -> Lang {
    if let Ok(Some(code)) = super::storage::get(LANG_KEY) {
        if let Some(lang) = Lang::from_code(&code) {
            return lang;
        }
    }
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else {
        return Lang::En;
    };
    let languages: Vec<String> = nav
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    if languages.is_empty() {
        return Lang::from_browser(nav.language().as_deref());
    }
    Lang::from_browser(languages.iter().map(String::as_str))
}

/// Makes `lang` current: loads its texts (Dutch: `i18n/nl.json`), sets `<html lang>`.
async fn load(lang: Lang) -> Result<(), String> {
    let slot = lang as usize;
    match LOADED.with(|l| l.get()[slot]) {
        Some(catalog) => i18n::set_static(lang, catalog),
        None => {
            let catalog = match lang {
                Lang::En => i18n::Catalog::new(),
                Lang::Nl => {
                    let bytes = super::state::fetch_bytes(CATALOGUE.with(|c| c.get())).await?;
                    let text =
                        String::from_utf8(bytes).map_err(|_| "the file is not text".to_string())?;
                    i18n::parse_keyed(&text)?
                }
            };
            keep(lang, i18n::set(lang, catalog));
        }
    }
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", lang.code());
    }
    Ok(())
}

thread_local! {
    /// This app's Dutch texts: `gen-bundle` writes one file per app with the texts its code uses.
    static CATALOGUE: std::cell::Cell<&'static str> = const { std::cell::Cell::new("./i18n/nl.json") };
    /// The app's whole Dutch catalogue, for pages whose texts the first load leaves out.
    static FULL_CATALOGUE: std::cell::Cell<Option<&'static str>> = const { std::cell::Cell::new(None) };
    /// Whether it was asked for.
    static FULL_LOADED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// Each language's texts, once loaded (switching back does not fetch them again); Dutch's
    /// become the whole catalogue once a later page loaded it.
    static LOADED: std::cell::Cell<[Option<&'static i18n::Catalog>; 2]> = const { std::cell::Cell::new([None, None]) };
}

fn keep(lang: Lang, catalog: &'static i18n::Catalog) {
    LOADED.with(|l| {
        let mut all = l.get();
        all[lang as usize] = Some(catalog);
        l.set(all);
    });
}

/// Pages that need the whole catalogue call this: in Dutch, the rest of the Dutch texts are
/// fetched once (from the service worker's cache after the first visit), made current, and the
/// page is rendered again. English needs nothing.
pub fn need_all_texts(state: LangState) {
    let Some(path) = FULL_CATALOGUE.with(|c| c.get()) else {
        return;
    };
    if state.lang.get_untracked() != Lang::Nl || FULL_LOADED.with(|l| l.get()) {
        return;
    }
    FULL_LOADED.with(|l| l.set(true));
    wasm_bindgen_futures::spawn_local(async move {
        let loaded = async {
            let bytes = super::state::fetch_bytes(path).await?;
            let text = String::from_utf8(bytes).map_err(|_| "the file is not text".to_string())?;
            i18n::parse_keyed(&text)
        }
        .await;
        match loaded {
            Ok(catalog) => {
                let kept: &'static i18n::Catalog = Box::leak(Box::new(catalog));
                keep(Lang::Nl, kept);
                // Current only if the user is still in Dutch; a later switch to Dutch uses it.
                if state.lang.get_untracked() == Lang::Nl {
                    i18n::set_static(Lang::Nl, kept);
                    state.texts.update(|n| *n += 1);
                }
            }
            Err(e) => {
                FULL_LOADED.with(|l| l.set(false));
                state.problem.set(Some(dutch_failed(&e)));
            }
        }
    });
}

/// Chooses the language, loads its texts (the Dutch ones from `catalogue`), then mounts the app
/// with `mount`. When the Dutch texts cannot be loaded the app starts in English and says so.
pub fn start(mount: fn(), catalogue: &'static str, all: Option<&'static str>) {
    CATALOGUE.with(|c| c.set(catalogue));
    FULL_CATALOGUE.with(|c| c.set(all));
    let lang = initial();
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(e) = load(lang).await {
            let _ = load(Lang::En).await;
            START_PROBLEM.with(|p| p.set(Some(dutch_failed(&e))));
        }
        mount();
    });
}

thread_local! {
    /// What [`start`] could not do, for [`provide`] to show.
    static START_PROBLEM: std::cell::Cell<Option<String>> = const { std::cell::Cell::new(None) };
}

/// Switches to `lang` (loading its texts), stores the choice, and keeps the focus on the switch.
fn choose(state: LangState, lang: Lang) {
    if state.lang.get_untracked() == lang {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        match load(lang).await {
            Ok(()) => {
                // Kept in memory only when storage is blocked; the switch still works.
                let _ = super::storage::set(LANG_KEY, lang.code());
                state.problem.set(None);
                state.lang.set(lang);
                // The page is rendered again: give the focus back to the switch, after the
                // page's own focus handling (a frame later).
                request_animation_frame(move || {
                    request_animation_frame(move || {
                        if let Some(el) =
                            document().get_element_by_id(&format!("lang-{}", lang.code()))
                        {
                            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                                let _ = el.focus();
                            }
                        }
                    })
                });
            }
            Err(e) => state.problem.set(Some(match lang {
                Lang::Nl => dutch_failed(&e),
                Lang::En => e,
            })),
        }
    });
}

/// The EN/NL switch (both apps' headers): two buttons, the current one pressed (static: the page
/// is rendered again when the language changes).
pub fn switch() -> impl IntoView {
    let state = expect_context::<LangState>();
    let button = move |lang: Lang| {
        view! {
            <button type="button" class="lang-button" id=format!("lang-{}", lang.code()) lang=lang.code()
                aria-pressed=if i18n::lang() == lang { "true" } else { "false" }
                on:click=move |_| choose(state, lang)>
                {lang.code().to_uppercase()}<span class="sr-only">" "{lang.name()}</span>
            </button>
        }
    };
    view! {
        <div class="lang-switch" role="group" aria-label=ts!("Language")>
            {button(Lang::En)}{button(Lang::Nl)}
        </div>
        {move || state.problem.get().map(|p| view! { <p class="lang-problem" role="alert">{p}</p> })}
    }
}
