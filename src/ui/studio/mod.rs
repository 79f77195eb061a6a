//! The studio: the second browser app, for the two kinds of users who do not fill in the
//! questionnaire themselves. Review mode (ethics reviewers), the workshop view (educators) and
//! compare over time; it also shows the two information pages ("How scoring works", "Your
//! data"). It is a separate wasm binary (`src/bin/studio.rs`), loaded by boot.js only when the
//! address is `#/review…`, `#/workshop…`, `#/compare`, `#/scoring` or `#/privacy`, so none of
//! it weighs on the first page load of the main app.
//!
//! Its data is kept apart from the user's own assessments: reviews under
//! `elsa.v1.review.<id>`, the workshop under `elsa.v1.workshop`. It reads the user's own
//! assessments only to offer them for comparison, and never writes them.

pub mod common;
pub mod compare;
pub mod educators;
pub mod reply;
pub mod review;
pub mod workshop;

use crate::answers::Assessment;
use crate::import::{self, FileKind};
use crate::persist;
use crate::route::StudioRoute;
use crate::ui::state::{AppState, QState};
use crate::ui::storage;
use crate::{t, ts};
use leptos::prelude::*;
use std::sync::Arc;

pub fn mount() {
    add_stylesheet();
    crate::ui::lang::start(
        || {
            crate::ui::remove_shell();
            leptos::mount::mount_to_body(Studio)
        },
        "./i18n/nl-studio.json",
        None,
    );
}

/// The studio's own styles (kept out of the main app's stylesheet, which is part of the first
/// page load).
fn add_stylesheet() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(link) = doc.create_element("link") else {
        return;
    };
    let _ = link.set_attribute("rel", "stylesheet");
    let _ = link.set_attribute("href", "./studio.css");
    if let Some(head) = doc.head() {
        let _ = head.append_child(&link);
    }
}

fn current_route() -> StudioRoute {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    StudioRoute::parse(&hash)
}

#[derive(Clone, Copy)]
pub struct StudioState {
    pub route: RwSignal<StudioRoute>,
    /// The reviewer's work: team files with their reviews, stored apart from own assessments.
    pub reviews: RwSignal<Vec<Assessment>>,
    /// Problems reading stored reviews.
    pub review_problems: RwSignal<Vec<String>>,
    /// Bumped when a review's team answers are replaced (a re-submitted file was opened), so
    /// that pages showing them render afresh.
    pub generation: RwSignal<u32>,
    /// What happened when the last file was opened, shown on the page it leads to.
    pub notice: RwSignal<Option<String>>,
    /// The workshop (its teams with their labels), held here for the whole visit (read from
    /// storage once): its pages, the presentation view too, never re-read storage, so a full or
    /// blocked storage loses nothing between them.
    pub workshop: RwSignal<crate::workshop::Workshop>,
    /// A problem reading the stored workshop, shown on the workshop page.
    pub workshop_problem: RwSignal<Option<String>>,
    /// The worked case whose reference the workshop shows next to the teams (issue 18): chosen
    /// on the workshop page, or set when a case's example teams are loaded.
    pub reference_case: RwSignal<Option<String>>,
}

impl StudioState {
    fn new() -> Self {
        let mut reviews = Vec::new();
        let mut problems = Vec::new();
        for key in storage::keys_with(persist::REVIEW_KEY_PREFIX) {
            match storage::get(&key) {
                Ok(Some(text)) => match persist::decode_current(&text) {
                    Ok(a) => reviews.push(a),
                    Err(e) => problems.push(t!(
                        "A saved review ({0}) could not be read: {1}. It was left untouched.",
                        key,
                        e
                    )),
                },
                Ok(None) => {}
                Err(e) => problems.push(t!("A saved review ({0}) could not be read: {1}.", key, e)),
            }
        }
        reviews.sort_by(|a, b| b.modified.cmp(&a.modified));
        let (stored_workshop, workshop_problem) = workshop::load();
        StudioState {
            workshop: RwSignal::new(stored_workshop),
            workshop_problem: RwSignal::new(workshop_problem),
            reference_case: RwSignal::new(None),
            route: RwSignal::new(current_route()),
            reviews: RwSignal::new(reviews),
            review_problems: RwSignal::new(problems),
            generation: RwSignal::new(0),
            notice: RwSignal::new(None),
        }
    }

    pub fn review(&self, id: &str) -> Option<Assessment> {
        self.reviews
            .with(|v| v.iter().find(|a| a.id == id).cloned())
    }

    /// Store a review (the team file with the reviewer's work), then keep it in memory. Nothing
    /// changes in memory when the save fails, unless storage is unusable altogether.
    pub fn put_review(&self, a: Assessment) -> Result<(), String> {
        let saved = storage::set(
            &persist::review_key(&a.id),
            &persist::encode(&a, crate::i18n::lang()),
        );
        let result = match saved {
            Ok(()) => Ok(()),
            Err(e) if e.quota => Err(t!("This browser's storage for this site is full, so the review was not saved on this device. Export the reviewed file now to keep your work.")),
            Err(e) => Err(t!("The review could not be saved on this device ({0}). Export the reviewed file to keep your work.", e.message)),
        };
        self.reviews.update(|v| {
            v.retain(|x| x.id != a.id);
            v.insert(0, a);
        });
        result
    }

    pub fn remove_review(&self, id: &str) -> Result<(), String> {
        storage::remove_key(&persist::review_key(id))?;
        self.reviews.update(|v| v.retain(|x| x.id != id));
        Ok(())
    }
}

pub fn use_studio() -> StudioState {
    expect_context::<StudioState>()
}

#[component]
fn Studio() -> impl IntoView {
    let app = AppState::new();
    app.take_shared_memory();
    provide_context(app);
    let studio = StudioState::new();
    provide_context(studio);
    let lang = crate::ui::lang::provide();
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        studio.route.set(current_route());
        // A new page starts at its top (the presentation view's arrows move page by page).
        window().scroll_to_with_x_and_y(0.0, 0.0);
        app.announce(page_name(&studio.route.get_untracked()));
    });
    on_cleanup(move || handle.remove());

    Effect::new(move |_| {
        lang.lang.track();
        document().set_title(&t!(
            "{0} · ELSA self-assessment",
            page_name(&studio.route.get())
        ));
    });

    let nav_current = move |r: StudioRoute| {
        move || {
            let now = studio.route.get();
            let same = std::mem::discriminant(&now) == std::mem::discriminant(&r)
                || matches!(
                    (&now, &r),
                    (
                        StudioRoute::Review { .. } | StudioRoute::Reply { .. },
                        StudioRoute::Reviews
                    ) | (StudioRoute::Present { .. }, StudioRoute::Workshop)
                );
            same.then_some("page")
        }
    };

    // The whole page is rendered again when the language changes; the state stays.
    move || {
        lang.lang.track();
        view! {
            {crate::ui::skip_link()}
            <header class="site-header">
                <div class="wrap header-row">
                    <a class="brand" href="./#/">{ts!("ELSA self-assessment")}<span class="brand-sub">" · "{ts!("Studio for reviewers and educators")}</span></a>
                    <nav aria-label=ts!("Site")>
                        <ul class="nav-links">
                            <li><a href="./#/">{ts!("Assessments")}</a></li>
                            <li><a href="#/review" aria-current=nav_current(StudioRoute::Reviews)>{ts!("Review")}</a></li>
                            <li><a href="#/workshop" aria-current=nav_current(StudioRoute::Workshop)>{ts!("Workshop")}</a></li>
                            <li><a href="#/compare" aria-current=nav_current(StudioRoute::Compare)>{ts!("Compare")}</a></li>
                            <li><a href="#/educators" aria-current=nav_current(StudioRoute::Educators)>{ts!("Educators")}</a></li>
                            <li><a href="./#/scoring">{ts!("How scoring works")}</a></li>
                        </ul>
                    </nav>
                    {crate::ui::lang::switch()}
                </div>
                <p class="privacy-notice wrap">
                    {ts!("Files you open here stay on this device. Nothing is sent anywhere.")}" "
                    <a href="./#/privacy">{ts!("Where your data is kept")}</a>
                </p>
            </header>
            <main id="main" tabindex="-1" class=move || if matches!(studio.route.get(), StudioRoute::Present { .. }) { "wrap present" } else { "wrap" }>
                {move || match studio.route.get() {
                    StudioRoute::Reviews => view! { <review::ReviewsPage/> }.into_any(),
                    StudioRoute::Review { id } => view! { <review::ReviewPage id=id/> }.into_any(),
                    StudioRoute::Reply { id } => view! { <reply::ReplyPage id=id/> }.into_any(),
                    StudioRoute::Workshop => view! { <workshop::WorkshopPage/> }.into_any(),
                    StudioRoute::Present { index } => view! { <workshop::PresentPage index=index/> }.into_any(),
                    StudioRoute::Compare => view! { <compare::ComparePage/> }.into_any(),
                    StudioRoute::Educators => view! { <educators::EducatorsPage/> }.into_any(),
                    StudioRoute::NotFound => view! {
                        <h1>{ts!("Page not found")}</h1>
                        <p>{ts!("This address does not lead to a page of the tool.")}" "<a href="./#/">{ts!("Go to your assessments")}</a>"."</p>
                    }.into_any(),
                }}
            </main>
            {crate::ui::footer(app)}
        }
    }
}

/// The page's name, for the title and for screen readers when the page changes.
fn page_name(route: &StudioRoute) -> String {
    match route {
        StudioRoute::Reviews | StudioRoute::Review { .. } => t!("Review"),
        StudioRoute::Reply { .. } => t!("Your review"),
        StudioRoute::Workshop => t!("Workshop"),
        StudioRoute::Present { .. } => t!("Workshop presentation"),
        StudioRoute::Compare => t!("Compare two versions"),
        StudioRoute::Educators => t!("Workshop cases for educators"),
        StudioRoute::NotFound => t!("Page not found"),
    }
}

/// A file the user picked or dropped: its name and bytes.
pub struct Picked {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Read every file of a file list (input or drop), in order. A file the browser cannot read
/// comes back as an error naming it.
pub async fn read_files(files: Vec<web_sys::File>) -> Vec<Result<Picked, String>> {
    let mut out = Vec::new();
    for file in files {
        let name = file.name();
        let size = file.size() as u64;
        if size > import::MAX_IMPORT_BYTES {
            out.push(Err(format!("“{name}”: {}", import::too_large(size))));
            continue;
        }
        match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
            Ok(buf) => out.push(Ok(Picked {
                name,
                bytes: js_sys::Uint8Array::new(&buf).to_vec(),
            })),
            Err(_) => out.push(Err(t!("“{0}”: the browser could not read the file.", name))),
        }
    }
    out
}

/// Check and read one assessment file (JSON here; a PDF report through the report worker,
/// which carries the PDF reader). Returns the assessment in the current format, moved to the
/// current questionnaire version when it was made with an older one, or the message.
/// A custom questionnaire the file carried is used for this visit (not kept on the device).
pub async fn import_file(app: AppState, p: &Picked) -> Result<Assessment, String> {
    let named = |e: String| t!("“{0}” could not be opened. {1}", p.name, e);
    let (a, carried) = match import::sniff(&p.bytes) {
        FileKind::Pdf => {
            let (a, _, carried) = crate::ui::export::import_async(p.bytes.clone())
                .await
                .map_err(|e| named(format!("{e}.")))?;
            (a, carried)
        }
        _ => {
            let available = import::bundled_available(crate::i18n::lang());
            let stored = import::parse_json(&p.bytes).map_err(|e| named(e.to_string()))?;
            if import::carries_unknown(&stored, &available).is_some() {
                // The worker has the validator for a carried questionnaire (the studio does not).
                let (a, _, carried) = crate::ui::export::import_async(p.bytes.clone())
                    .await
                    .map_err(|e| named(format!("{e}.")))?;
                (a, carried)
            } else {
                (
                    import::resolve(stored, &available)
                        .map_err(|e| named(e.to_string()))?
                        .assessment,
                    None,
                )
            }
        }
    };
    if let Some(bin) = carried {
        app.use_carried(bin).map_err(named)?;
    }
    // An older version of a questionnaire of the user's own kept here moves forward, as files
    // of the tool's own questionnaires do.
    let mut a = a;
    if let Some(newer) = app.custom.with_untracked(|v| {
        crate::custom::newest_for(&a, v.iter().map(|(q, _)| &**q)).map(|q| q.version.clone())
    }) {
        a.questionnaire_version = newer;
    }
    Ok(a)
}

/// The loaded questionnaire of an assessment, reactively (`Err`: why it is not there yet).
pub fn questionnaire_of(
    app: AppState,
    a: &Assessment,
) -> Result<(Arc<crate::model::Questionnaire>, Arc<[u8]>), String> {
    match app.questionnaire(&a.questionnaire_id, &a.questionnaire_version) {
        QState::Ready(q, bytes) => Ok((q, bytes)),
        QState::Loading => Err(t!("Loading the questionnaire…")),
        QState::Failed(e) => Err(e),
        QState::Unknown => Err(t!(
            "This tool does not have the questionnaire “{0}” version {1}.",
            a.questionnaire_id,
            a.questionnaire_version
        )),
    }
}

/// Files from a drop event (`None`: nothing dropped).
pub fn dropped_files(ev: &web_sys::DragEvent) -> Vec<web_sys::File> {
    file_vec(ev.data_transfer().and_then(|d| d.files()))
}

/// A file input's files, taken out at once; the input is then cleared so that the same file can
/// be picked again (its list empties when it is cleared, hence the copy first).
pub fn take_files(input: NodeRef<leptos::html::Input>) -> Vec<web_sys::File> {
    let Some(el) = input.get() else {
        return Vec::new();
    };
    let files = file_vec(el.files());
    el.set_value("");
    files
}

/// Go to a studio page.
pub fn go(route: StudioRoute) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(&route.href());
    }
}

/// The files of a list, taken out at once (a file input's list empties when it is cleared).
pub fn file_vec(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Save bytes as a file, telling the user when the browser refused.
pub fn save_file(bytes: &[u8], name: &str, mime: &str) -> Result<(), String> {
    crate::ui::download::download(bytes, name, mime)
        .map_err(|e| t!("The file could not be saved: {0}.", e))
}

/// Today's date, `YYYY-MM-DD`, local time.
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// The current time (RFC 3339).
pub fn now() -> String {
    crate::ui::state::now()
}

/// A score for people: one decimal, or a dash.
pub fn score_text(v: Option<f64>) -> String {
    v.map(crate::scoring::display_score)
        .unwrap_or_else(|| "–".into())
}
