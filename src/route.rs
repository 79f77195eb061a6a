//! The app's routes, kept in the URL hash so that any static host serves them and a reload
//! lands on the same page: `#/`, `#/a/<id>/s/<section>[/q/<question>]`, `#/a/<id>/results`, `#/a/<id>/plan`, `#/q/<id>/<version>` (preview),
//! `#/scoring`.

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Home,
    /// An assessment, on a section (or the one last used), optionally scrolled to a question.
    Assessment {
        id: String,
        section: Option<String>,
        question: Option<String>,
    },
    Results {
        id: String,
    },
    /// The assessment's action plan.
    Plan {
        id: String,
    },
    /// A read-only preview of a questionnaire of the user's own.
    Preview {
        id: String,
        version: String,
    },
    Scoring,
    /// Where the data is kept and how to delete it.
    Privacy,
    NotFound,
}

fn valid_segment(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.')
}

impl Route {
    /// Parse `location.hash` (with or without the leading `#`).
    pub fn parse(hash: &str) -> Route {
        let h = hash.trim_start_matches('#').trim_start_matches('/');
        let parts: Vec<&str> = h.split('/').filter(|p| !p.is_empty()).collect();
        if parts.iter().any(|p| !valid_segment(p)) {
            return Route::NotFound;
        }
        match parts.as_slice() {
            [] => Route::Home,
            ["scoring"] => Route::Scoring,
            ["privacy"] => Route::Privacy,
            ["a", id] => Route::Assessment {
                id: id.to_string(),
                section: None,
                question: None,
            },
            ["a", id, "results"] => Route::Results { id: id.to_string() },
            ["a", id, "plan"] => Route::Plan { id: id.to_string() },
            ["q", id, version] => Route::Preview {
                id: id.to_string(),
                version: version.to_string(),
            },
            ["a", id, "s", s] => Route::Assessment {
                id: id.to_string(),
                section: Some(s.to_string()),
                question: None,
            },
            ["a", id, "s", s, "q", q] => Route::Assessment {
                id: id.to_string(),
                section: Some(s.to_string()),
                question: Some(q.to_string()),
            },
            _ => Route::NotFound,
        }
    }

    /// The hash for this route, starting with `#`.
    pub fn href(&self) -> String {
        match self {
            Route::Home | Route::NotFound => "#/".to_string(),
            Route::Scoring => "#/scoring".to_string(),
            Route::Privacy => "#/privacy".to_string(),
            Route::Results { id } => format!("#/a/{id}/results"),
            Route::Plan { id } => format!("#/a/{id}/plan"),
            Route::Preview { id, version } => format!("#/q/{id}/{version}"),
            Route::Assessment {
                id, section: None, ..
            } => format!("#/a/{id}"),
            Route::Assessment {
                id,
                section: Some(s),
                question: None,
            } => format!("#/a/{id}/s/{s}"),
            Route::Assessment {
                id,
                section: Some(s),
                question: Some(q),
            } => {
                format!("#/a/{id}/s/{s}/q/{q}")
            }
        }
    }
}

/// The pages of the studio, the second app, for reviewers and educators (loaded instead of the
/// main app when the hash starts with one of [`STUDIO_PATHS`]; see boot.js). The team's whole
/// journey — home, sections, results, scoring, "Your data" — is the main app's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StudioRoute {
    /// Reviews in progress, and "open a file to review".
    Reviews,
    /// One review, by the assessment id of the team's file.
    Review {
        id: String,
    },
    /// The team's side: read the returned review of one of my own assessments, and reply.
    Reply {
        id: String,
    },
    Workshop,
    /// Worked cases for educators (issue 18): read them, print them, load their example teams.
    Educators,
    /// The workshop's presentation view at a question (0-based, in disagreement order).
    Present {
        index: usize,
    },
    Compare,
    NotFound,
}

/// The first path segments of the studio's addresses. boot.js picks the app with the same list
/// (`studio_regex`, checked by a test against boot.js).
pub const STUDIO_PATHS: [&str; 4] = ["review", "workshop", "compare", "educators"];

/// Whether a hash belongs to the studio rather than the main app.
pub fn is_studio(hash: &str) -> bool {
    let h = hash.trim_start_matches('#').trim_start_matches('/');
    STUDIO_PATHS.contains(&h.split('/').next().unwrap_or(""))
}

/// The regular expression boot.js uses for [`is_studio`] (JavaScript syntax).
pub fn studio_regex() -> String {
    format!("/^#\\/({})(\\/|$)/", STUDIO_PATHS.join("|"))
}

impl StudioRoute {
    pub fn parse(hash: &str) -> StudioRoute {
        let h = hash.trim_start_matches('#').trim_start_matches('/');
        let parts: Vec<&str> = h.split('/').filter(|p| !p.is_empty()).collect();
        if parts.iter().any(|p| !valid_segment(p)) {
            return StudioRoute::NotFound;
        }
        match parts.as_slice() {
            ["review"] => StudioRoute::Reviews,
            ["review", "reply", id] => StudioRoute::Reply { id: id.to_string() },
            ["review", id] => StudioRoute::Review { id: id.to_string() },
            ["workshop"] => StudioRoute::Workshop,
            ["workshop", "present", n] => match n.parse::<usize>() {
                Ok(n) if n >= 1 => StudioRoute::Present { index: n - 1 },
                _ => StudioRoute::NotFound,
            },
            ["compare"] => StudioRoute::Compare,
            ["educators"] => StudioRoute::Educators,
            _ => StudioRoute::NotFound,
        }
    }

    pub fn href(&self) -> String {
        match self {
            StudioRoute::Reviews | StudioRoute::NotFound => "#/review".to_string(),
            StudioRoute::Review { id } => format!("#/review/{id}"),
            StudioRoute::Reply { id } => format!("#/review/reply/{id}"),
            StudioRoute::Workshop => "#/workshop".to_string(),
            StudioRoute::Present { index } => format!("#/workshop/present/{}", index + 1),
            StudioRoute::Compare => "#/compare".to_string(),
            StudioRoute::Educators => "#/educators".to_string(),
        }
    }
}
