//! The report of one assessment, built once as a typed document ([`doc::Doc`]) and rendered two
//! ways: laid out on A4 pages ([`pages`], then `pdf`, our own PDF writer, feature `pdf`) and written as
//! Markdown ([`md`]). The document is built by part (`parts/`: cover, decision summary, ethics review,
//! executive summary, legal triage, low-SES impact, priority actions, the team's action plan, detailed
//! answers, methodology) from [`Facts`]: the outcome, visibility, numbering, progress, triage and
//! review, computed once per report. Nothing here downloads or touches storage.
//!
//! The language is a parameter ([`ReportInfo::lang`]): the questionnaire's texts are taken in it
//! (English where the questionnaire has none, with one notice on the cover, [`fallback_notice`]),
//! and the report's own texts ([`t!`](crate::t)) are rendered in it.

pub mod case;
pub mod doc;
pub mod html;
pub mod hyphen;
pub mod layout;
pub mod md;
pub mod pages;
mod parts;
#[cfg(feature = "pdf")]
pub mod pdf;
#[cfg(feature = "pdf")]
pub mod ttf;
pub mod workshop;

use crate::answers::{Assessment, Progress, Visibility};
use crate::i18n::Lang;
use crate::model::*;
use crate::review::Review;
use crate::scoring::{score, Outcome};
use crate::t;
use layout::{Measure, Page};

/// Everything the report needs besides the questionnaire and the assessment.
#[derive(Debug, Clone)]
pub struct ReportInfo {
    /// RFC 3339 time of generation (the caller's local clock).
    pub generated_at: String,
    /// The language of the report.
    pub lang: Lang,
}

/// What every part of a report needs, computed once per report.
pub(crate) struct Facts<'a> {
    pub q: &'a Questionnaire,
    pub a: &'a Assessment,
    pub info: &'a ReportInfo,
    /// The locale code of the questionnaire's texts (`info.lang`).
    pub loc: &'static str,
    pub outcome: Outcome,
    pub vis: Visibility,
    /// "4.3": section number, then the question's number among the visible ones.
    pub numbers: std::collections::HashMap<String, String>,
    pub progress: Progress,
    pub triage: Option<crate::triage::Triage>,
    pub review: Option<Review>,
    /// The questionnaire's content digest, part of the review's fingerprint (a questionnaire of
    /// the user's own with a review only).
    pub digest: Option<String>,
    /// How many actions the decision summary lists (see [`build_pages`]).
    pub top_actions: usize,
    /// The page of each long note in the appendix ("A1" → 23), once the report has been laid
    /// out (see [`build_pages`]); empty in Markdown.
    pub note_pages: std::collections::HashMap<String, usize>,
    /// The report has characters no face can draw: they are shown as markers ([`printable`]),
    /// and the cover says where the text is whole.
    pub unprintable: bool,
}

impl<'a> Facts<'a> {
    fn new(q: &'a Questionnaire, a: &'a Assessment, info: &'a ReportInfo) -> Self {
        let loc = info.lang.code();
        let vis = Visibility::compute(q, a);
        let mut numbers = std::collections::HashMap::new();
        for (si, s) in q.sections.iter().enumerate() {
            for (qi, x) in s
                .questions
                .iter()
                .filter(|x| vis.is_visible(&x.id))
                .enumerate()
            {
                numbers.insert(x.id.clone(), format!("{}.{}", si + 1, qi + 1));
            }
        }
        Facts {
            q,
            a,
            info,
            loc,
            outcome: score(q, a),
            numbers,
            progress: Progress::compute(q, a),
            triage: (!q.triage.is_empty())
                .then(|| crate::triage::triage_of(q, a, loc, &info.generated_at)),
            digest: a
                .review
                .as_ref()
                .and_then(|_| crate::review::questionnaire_digest(q)),
            top_actions: crate::decision::TOP_ACTIONS,
            note_pages: Default::default(),
            unprintable: false,
            review: a.review(),
            vis,
        }
    }

    pub fn number(&self, question_id: &str) -> String {
        self.numbers.get(question_id).cloned().unwrap_or_default()
    }

    pub fn question_text(&self, id: &'a str) -> &'a str {
        self.q
            .question(id)
            .map(|r| r.question.text.get(self.loc))
            .unwrap_or(id)
    }

    pub fn level_label(&self, band_index: usize) -> String {
        self.q
            .bands
            .get(band_index)
            .map(|b| b.label.get(self.loc).to_string())
            .unwrap_or_default()
    }
}

/// Build the report of an assessment as a document, in the language of `info`.
pub fn build(q: &Questionnaire, a: &Assessment, info: &ReportInfo) -> doc::Doc {
    build_with(q, a, info, &Opts::default())
}

/// How a build differs from the plain [`build`]: what the layout found out.
#[derive(Debug, Clone)]
struct Opts {
    /// At most this many actions in the decision summary.
    top_actions: usize,
    /// The appendix's pages of the long notes.
    note_pages: std::collections::HashMap<String, usize>,
    /// The text has characters no face can draw (the cover then says so).
    unprintable: bool,
}

impl Default for Opts {
    fn default() -> Self {
        Opts {
            top_actions: crate::decision::TOP_ACTIONS,
            note_pages: Default::default(),
            unprintable: false,
        }
    }
}

/// [`build`] with what the layout found out ([`Opts`]).
fn build_with(q: &Questionnaire, a: &Assessment, info: &ReportInfo, opts: &Opts) -> doc::Doc {
    crate::i18n::with_lang(info.lang, || {
        let mut f = Facts::new(q, a, info);
        f.top_actions = opts.top_actions;
        f.note_pages = opts.note_pages.clone();
        f.unprintable = opts.unprintable;
        let mut w = doc::Writer::default();
        parts::cover(&mut w, &f);
        parts::decision(&mut w, &f);
        parts::summary(&mut w, &f);
        parts::triage(&mut w, &f);
        parts::low_ses(&mut w, &f);
        parts::actions(&mut w, &f);
        parts::plan(&mut w, &f);
        parts::answers(&mut w, &f);
        parts::methodology(&mut w, &f);
        parts::notes_appendix(&mut w, &f);
        doc::Doc {
            running_left: a.display_name(),
            running_right: format!(
                "{} · {}",
                report_title(),
                crate::i18n::date(&info.generated_at)
            ),
            blocks: w.blocks,
        }
    })
}

/// The fewest top actions the decision summary lists when ten do not fit on its page.
const TOP_ACTIONS_MIN: usize = 5;

/// The report laid out on pages with `m`'s text widths: the pages and the outline (title,
/// 1-based page). The decision summary is one page: when the findings, the legal headline and
/// ten actions do not fit on it, it lists fewer actions (down to [`TOP_ACTIONS_MIN`]; its
/// heading says how many there are in all).
pub fn build_pages(
    q: &Questionnaire,
    a: &Assessment,
    info: &ReportInfo,
    m: &dyn Measure,
) -> (Vec<Page>, Vec<(String, usize)>) {
    crate::i18n::with_lang(info.lang, || {
        let decision = t!("Decision summary");
        // The appendix's headings of the long notes, to find their pages in the outline.
        let f = Facts::new(q, a, info);
        let notes: Vec<(String, String)> = parts::long_notes(&f)
            .iter()
            .enumerate()
            .map(|(i, id)| (parts::note_label(i), parts::note_heading(&f, i, id)))
            .collect();
        let mut opts = Opts::default();
        let mut doc = build_with(q, a, info, &opts);
        opts.unprintable = has_unprintable(&doc, m);
        let make = |opts: &Opts| {
            let mut doc = build_with(q, a, info, opts);
            if opts.unprintable {
                doc.map_texts(&|t: &str| printable(t, &|c| m.covers(c)));
            }
            doc
        };
        if opts.unprintable {
            doc = make(&opts);
        }
        // 1. The decision summary fits its page: lay out only the cover and the summary, with
        // fewer actions until it does.
        while opts.top_actions > TOP_ACTIONS_MIN && !decision_fits(&doc, &decision, m) {
            opts.top_actions -= 1;
            doc = make(&opts);
        }
        // 2. The whole report, again while the note pages the body refers to are not the pages
        // the notes land on (a page number in the body can move a line).
        let mut laid = pages::lay_out(&doc, m);
        for _ in 0..4 {
            let found: std::collections::HashMap<String, usize> = notes
                .iter()
                .filter_map(|(label, heading)| {
                    laid.1
                        .iter()
                        .find(|(t, _)| t == heading)
                        .map(|(_, p)| (label.clone(), *p))
                })
                .collect();
            if found == opts.note_pages {
                break;
            }
            opts.note_pages = found;
            laid = pages::lay_out(&make(&opts), m);
        }
        laid
    })
}

/// Whether the decision summary (the part headed `decision`) ends on the page it starts on:
/// the cover and the summary laid out alone.
fn decision_fits(doc: &doc::Doc, decision: &str, m: &dyn Measure) -> bool {
    let Some(start) = doc
        .blocks
        .iter()
        .position(|b| matches!(b, doc::Block::Heading { level: 1, text, .. } if text == decision))
    else {
        return true;
    };
    // The next part starts with a page break.
    let end = doc.blocks[start..]
        .iter()
        .position(|b| matches!(b, doc::Block::PageBreak))
        .map(|i| start + i)
        .unwrap_or(doc.blocks.len());
    let part = doc::Doc {
        running_left: String::new(),
        running_right: String::new(),
        blocks: doc.blocks[..end].to_vec(),
    };
    let (pages, outline) = pages::lay_out(&part, m);
    outline
        .iter()
        .find(|(t, _)| t == decision)
        .is_none_or(|(_, p)| *p == pages.len())
}

/// "ELSA self-assessment report"
pub fn report_title() -> String {
    t!("ELSA self-assessment report")
}

/// The promise that nothing left the device.
pub fn local_notice() -> String {
    t!("Generated on this device. No data was sent anywhere.")
}

/// "ELSA self-assessment tool 1.2.3"
pub fn tool_name() -> String {
    t!(
        "ELSA self-assessment tool {0}",
        crate::persist::TOOL_VERSION
    )
}

/// Whether a questionnaire text the report shows has no text in `lang`, so that it is shown in
/// English. `help`: count the help texts too (the workshop summary shows them).
pub fn falls_back(q: &Questionnaire, help: bool, lang: Lang) -> bool {
    if lang == Lang::En {
        return false;
    }
    let mut texts: Vec<&LocalText> = vec![&q.title];
    for b in &q.bands {
        texts.extend([&b.label, &b.meaning]);
    }
    for s in &q.sections {
        texts.push(&s.title);
        for x in &s.questions {
            texts.push(&x.text);
            if help {
                texts.push(&x.help);
            }
            for o in x.kind.options() {
                texts.extend(o.label);
                texts.extend(o.recommendation);
            }
        }
    }
    for r in &q.triage {
        texts.extend([&r.conclusion, &r.explanation]);
    }
    texts.into_iter().any(|t| t.is_fallback_in(lang.code()))
}

/// The notice that parts of the questionnaire are shown in English, when they are.
pub fn fallback_notice(q: &Questionnaire, help: bool, lang: Lang) -> Option<String> {
    falls_back(q, help, lang).then(|| t!("Parts of the questionnaire have no text in this language. These parts are shown in English."))
}

/// Whether `c` belongs to an emoji sequence (pictographs, symbols, joiners, skin tones and
/// the emoji variation selector).
fn is_emoji_part(c: char) -> bool {
    matches!(c as u32, 0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B00..=0x2BFF | 0x200D | 0xFE0F | 0xE0020..=0xE007F)
}

/// `text` with every run of characters that no face of the report can draw (`covers`) replaced
/// by a visible marker: "[emoji]" for emoji, "[3 characters not shown]" for other scripts (such
/// as Chinese), never the empty box of a missing glyph. The attached assessment file and the
/// Markdown export keep the text as written.
pub fn printable(text: &str, covers: &dyn Fn(char) -> bool) -> String {
    let drawable = |c: char| c.is_whitespace() || c.is_control() || covers(c);
    if text.chars().all(drawable) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut run: Vec<char> = Vec::new();
    let flush = |run: &mut Vec<char>, out: &mut String| {
        if run.is_empty() {
            return;
        }
        let shown = run
            .iter()
            .filter(|c| !matches!(**c as u32, 0x200D | 0xFE0F))
            .count();
        if run.iter().all(|c| is_emoji_part(*c)) {
            out.push_str(&t!("[emoji]"));
        } else if shown == 1 {
            out.push_str(&t!("[1 character not shown]"));
        } else {
            out.push_str(&t!("[{0} characters not shown]", shown));
        }
        run.clear();
    };
    let mut after_joiner = false;
    for c in text.chars() {
        let joiner = c as u32 == 0x200D;
        let selector = c as u32 == 0xFE0F;
        if !run.is_empty() && (after_joiner || joiner || selector) {
            // An emoji sequence goes on after a joiner, even with a character the font has.
            run.push(c);
        } else if joiner || selector {
            // Invisible after a character that is drawn: its plain glyph is shown.
        } else if drawable(c) {
            flush(&mut run, &mut out);
            out.push(c);
        } else {
            run.push(c);
        }
        after_joiner = joiner;
    }
    flush(&mut run, &mut out);
    out
}

/// Whether the document has a character no face of the report can draw.
fn has_unprintable(doc: &doc::Doc, m: &dyn Measure) -> bool {
    doc.texts()
        .into_iter()
        .chain([doc.running_left.as_str(), doc.running_right.as_str()])
        .flat_map(str::chars)
        .any(|c| !(c.is_whitespace() || c.is_control() || m.covers(c)))
}
