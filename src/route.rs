//! The app's routes, kept in the URL hash so that any static host serves them and a reload
//! lands on the same page: `#/`, `#/a/<id>/s/<section>[/q/<question>]`, `#/a/<id>/results`,
//! `#/scoring`.

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Home,
    /// An assessment, on a section (or the one last used), optionally scrolled to a question.
    Assessment { id: String, section: Option<String>, question: Option<String> },
    Results { id: String },
    Scoring,
    /// Where the data is kept and how to delete it.
    Privacy,
    NotFound,
}

fn valid_segment(s: &str) -> bool {
    !s.is_empty()
        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.')
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
            ["a", id] => Route::Assessment { id: id.to_string(), section: None, question: None },
            ["a", id, "results"] => Route::Results { id: id.to_string() },
            ["a", id, "s", s] => {
                Route::Assessment { id: id.to_string(), section: Some(s.to_string()), question: None }
            }
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
            Route::Assessment { id, section: None, .. } => format!("#/a/{id}"),
            Route::Assessment { id, section: Some(s), question: None } => format!("#/a/{id}/s/{s}"),
            Route::Assessment { id, section: Some(s), question: Some(q) } => {
                format!("#/a/{id}/s/{s}/q/{q}")
            }
        }
    }
}
