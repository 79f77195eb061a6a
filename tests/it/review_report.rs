//! Issue 6 in the outputs: the ethics review in the PDF report and the Markdown export, and the
//! workshop's CSV and summary PDF (and its worker job).
use crate::common::*;
use elsa::answers::{Assessment, Visibility};
use elsa::model::{ProfileField, Questionnaire};
use elsa::report::layout::{Item, Measure, Page, CONTENT_BOTTOM, CONTENT_TOP, MARGIN_X, PAGE_W};
use elsa::report::ReportInfo;
use elsa::review::{stale_text, Comment, CommentStatus, Review, Verdict};

const GEN: &str = "2026-11-29T10:15:00.000Z";
const CONDITIONS: &str = "Re-run the bias audit on the 2027 cohort before go-live.";
const COMMENT: &str = "Who reviews the overrides, and how often?";
const REPLY: &str = "The clinical lead, every month; see the minutes.";

fn info() -> ReportInfo {
    ReportInfo {
        generated_at: GEN.into(),
        lang: elsa::i18n::lang(),
    }
}

/// Every char is 0.5 em wide.
struct Fixed;
impl Measure for Fixed {
    fn width(&self, text: &str, size: f32, _bold: bool) -> f32 {
        text.chars().count() as f32 * size * 0.5
    }
}

fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn full() -> Questionnaire {
    let (all, _) = elsa::bundled::load_all();
    all.into_iter().find(|q| q.id == "elsa-health-ai").unwrap()
}

/// Two consecutive visible questions of one section (after the profile): the commented one and
/// the next.
fn pair(q: &Questionnaire, a: &Assessment) -> (String, String) {
    let vis = Visibility::compute(q, a);
    let s = &q.sections[2];
    let shown: Vec<_> = s
        .questions
        .iter()
        .filter(|x| vis.is_visible(&x.id))
        .collect();
    (shown[1].id.clone(), shown[2].id.clone())
}

fn review_of(a: &Assessment, commented: &str, signed: bool) -> Review {
    let mut r = Review {
        reviewer_name: "Dr. Zoë Verhoeven".into(),
        reviewer_role: "Chair of the ethics committee".into(),
        date: "2026-11-28".into(),
        verdict: Some(Verdict::ApprovedWithConditions),
        conditions: CONDITIONS.into(),
        ..Review::default()
    };
    r.comments.insert(
        commented.into(),
        Comment {
            status: CommentStatus::Concern,
            text: COMMENT.into(),
            reply: REPLY.into(),
        },
    );
    r.comments.insert(
        "gone-question".into(),
        Comment {
            status: CommentStatus::Question,
            text: "Why was this dropped?".into(),
            reply: String::new(),
        },
    );
    if signed {
        // The mini questionnaire is not one of the tool's own: its content counts too.
        let digest = (a.questionnaire_id == mini().id)
            .then(|| elsa::review::questionnaire_digest(&mini()))
            .flatten();
        r.sign(a, digest.as_deref(), "2026-11-29T09:00:00.000Z")
            .unwrap();
    }
    r
}

/// The full questionnaire, fully answered, with a signed review.
fn reviewed_full(signed: bool) -> (Questionnaire, Assessment, String, String) {
    let q = full();
    let mut a = crate::bench::fully_answered(&q);
    let (x, next) = pair(&q, &a);
    a.set_review(Some(&review_of(&a, &x, signed)));
    (q, a, x, next)
}

fn text_of(q: &Questionnaire, id: &str) -> String {
    q.question(id).unwrap().question.text.get("en").to_string()
}

/// `needles` appear in `hay` in this order, from byte `from`.
fn in_order(hay: &str, from: usize, needles: &[&str]) {
    let mut at = from;
    for n in needles {
        let i = hay[at..]
            .find(n)
            .unwrap_or_else(|| panic!("{n:?} missing (or out of order) after byte {at}"));
        at += i + n.len();
    }
}

#[cfg(feature = "pdf")]
fn pdf_text(q: &Questionnaire, a: &Assessment, name: &str) -> String {
    use elsa::report::pdf::{render_report, Fonts};
    let r = render_report(q, a, &info(), &Fonts::load().unwrap());
    flat(&crate::report::pdftotext(&r.bytes, name))
}

/// The first page of the real layout, as flat text.
#[cfg(feature = "pdf")]
fn first_page(q: &Questionnaire, a: &Assessment) -> String {
    let fonts = elsa::report::pdf::Fonts::load().unwrap();
    let (pages, _) = elsa::report::build_pages(q, a, &info(), &fonts);
    pages[0].texts().join(" ")
}

#[cfg(feature = "pdf")]
#[test]
fn reviewed_pdf_has_the_review_up_front_and_each_comment_after_its_question() {
    let (q, a, x, next) = reviewed_full(true);
    let fp = a
        .review()
        .unwrap()
        .sign_off
        .as_ref()
        .unwrap()
        .fingerprint
        .clone();
    let text = pdf_text(&q, &a, "reviewed.pdf");
    // The verdict in one line on the cover; the whole review block opens the executive summary.
    in_order(
        &text,
        0,
        &[
            "Ethics review: Approved with conditions — Answers unchanged since the sign-off",
            "Executive summary",
        ],
    );
    in_order(
        &text,
        text.find("Executive summary").unwrap(),
        &[
            "Ethics review",
            "Verdict: Approved with conditions",
            "Reviewer: Dr. Zoë Verhoeven, Chair of the ethics committee",
            "Review date: 28 November 2026",
            &format!("Conditions: {CONDITIONS}"),
            "Comments: 0 OK · 1 Question · 1 Concern",
            "Signed off on 29 November 2026",
            &format!("Fingerprint: {fp}"),
            "Answers unchanged since the sign-off",
            "The fingerprint is a SHA-256 hash",
            "Overall concern",
        ],
    );
    assert!(!text.contains(&stale_text()));
    let page1 = first_page(&q, &a);
    assert!(
        page1.contains("Answers unchanged since the sign-off")
            && page1.contains("Approved with conditions"),
        "{page1}"
    );
    // The summary page carries the verdict, the conditions and the state.
    let fonts = elsa::report::pdf::Fonts::load().unwrap();
    let (pages, _) = elsa::report::build_pages(&q, &a, &info(), &fonts);
    let summary = pages
        .iter()
        .map(|p| p.texts().join(" "))
        .find(|t| t.contains("Executive summary"))
        .unwrap();
    for needle in [
        "Approved with conditions",
        CONDITIONS,
        "Answers unchanged since the sign-off",
        "Dr. Zoë Verhoeven",
    ] {
        assert!(
            summary.contains(needle),
            "{needle:?} not on the summary page"
        );
    }
    // The comment and the reply come after the question's answer and note, before the next
    // question.
    let detailed = text.find("Detailed answers").unwrap();
    let note = format!("Note on {x}:");
    in_order(
        &text,
        detailed,
        &[
            &text_of(&q, &x),
            "Answer:",
            &note,
            &format!("Reviewer – Concern: {COMMENT}"),
            &format!("Team reply: {REPLY}"),
            &text_of(&q, &next),
        ],
    );
    let comment_at = text[detailed..].find(COMMENT).unwrap();
    let next_at = text[detailed..].find(&text_of(&q, &next)).unwrap();
    assert!(comment_at < next_at);
    // The comment on a question the questionnaire does not have is kept.
    in_order(
        &text,
        detailed,
        &[
            "Reviewer comments on other questions",
            "gone-question",
            "Reviewer – Question: Why was this dropped?",
            "Methodology",
        ],
    );
}

#[cfg(feature = "pdf")]
#[test]
fn stale_and_draft_reviews_say_so_on_the_first_page() {
    let q = mini();
    let mut a = with(&q, &[("role", "decides"), ("o1", "b"), ("o2", "no")]);
    a.set_review(Some(&review_of(&a, "o1", true)));
    let current = pdf_text(&q, &a, "current.pdf");
    assert!(
        current.contains("Answers unchanged since the sign-off")
            && !current.contains(&stale_text())
    );
    a.set_answer("o1", Some(ans("c")), NOW);
    assert!(first_page(&q, &a).contains(&stale_text()));
    let stale = pdf_text(&q, &a, "stale.pdf");
    assert!(stale.contains(&stale_text()), "{stale}");
    assert!(!stale.contains("Answers unchanged since the sign-off"));
    // Stale in red and larger than the text around it.
    let fonts = elsa::report::pdf::Fonts::load().unwrap();
    let (pages, _) = elsa::report::build_pages(&q, &a, &info(), &fonts);
    let style = pages[0].items.iter().find_map(|i| match i {
        Item::Text { text, style, .. } if text.contains("Stale:") => Some(*style),
        _ => None,
    });
    let style = style.expect("stale text on page 1");
    assert!(
        style.bold && style.size >= 11.0 && style.color == elsa::report::layout::DANGER,
        "{style:?}"
    );
    // A draft says so, with no sign-off.
    a.set_review(Some(&review_of(&a, "o1", false)));
    let draft = pdf_text(&q, &a, "draft.pdf");
    assert!(
        draft.contains("Draft: not signed off") && draft.contains("Sign-off: Not signed off yet"),
        "{draft}"
    );
    assert!(!draft.contains(&stale_text()) && !draft.contains("Fingerprint:"));
    // No verdict yet.
    {
        let mut r = a.review().unwrap();
        r.verdict = None;
        a.set_review(Some(&r));
    }
    assert!(first_page(&q, &a).contains("No verdict yet"));
    // Without a review, no review block.
    a.set_review(None);
    assert!(!first_page(&q, &a).contains("Ethics review"));
}

/// Comments on hidden questions and on removed questions (with or without a removed answer) are
/// never dropped; long review texts stay inside the margins.
#[test]
fn comments_on_hidden_and_removed_questions_are_kept_and_stay_inside_the_margins() {
    use elsa::answers::Response;
    let q = mini();
    // role = informs hides o5.
    let mut a = with(&q, &[("role", "informs"), ("o1", "b")]);
    a.responses.insert(
        "old-q".into(),
        Response {
            answer: Some(ans("yes")),
            note: "kept".into(),
        },
    );
    let long: String = "A very long reviewer comment that goes on and on. ".repeat(60);
    let mut r = review_of(&a, "o1", true);
    r.conditions = long.clone();
    r.comments.insert(
        "o5".into(),
        Comment {
            status: CommentStatus::Ok,
            text: "Hidden but seen".into(),
            reply: "Noted".into(),
        },
    );
    r.comments.insert(
        "old-q".into(),
        Comment {
            status: CommentStatus::Concern,
            text: "On a removed answer".into(),
            reply: String::new(),
        },
    );
    r.comments.insert(
        "o2".into(),
        Comment {
            status: CommentStatus::Question,
            text: long.clone(),
            reply: long.clone(),
        },
    );
    a.set_review(Some(&r));
    let (pages, outline) = elsa::report::build_pages(&q, &a, &info(), &Fixed);
    assert!(
        outline.iter().any(|(t, _)| t == "Ethics review"),
        "{outline:?}"
    );
    let all: Vec<&str> = pages.iter().flat_map(Page::texts).collect();
    let joined = flat(&all.join(" "));
    in_order(
        &joined,
        0,
        &[
            "Answers to removed questions",
            "old-q:",
            "Reviewer – Concern: On a removed answer",
            "Reviewer comments on other questions",
        ],
    );
    in_order(
        &joined,
        joined.find("Reviewer comments on other questions").unwrap(),
        &[
            "Is the automatic decision monitored? (not shown: hidden by the answers)",
            "Reviewer – OK: Hidden but seen",
            "Team reply: Noted",
            "gone-question",
            "Why was this dropped?",
        ],
    );
    assert_eq!(
        joined.matches("On a removed answer").count(),
        1,
        "listed once"
    );
    for (i, p) in pages.iter().enumerate() {
        for item in &p.items {
            match item {
                Item::Text { x, y, style, text } => {
                    let right = x + Fixed.width(text, style.size, style.bold);
                    assert!(
                        *x >= MARGIN_X - 0.01 && right <= PAGE_W - MARGIN_X + 0.01,
                        "page {}: {text:?} crosses the margin",
                        i + 1
                    );
                    assert!(
                        *y < CONTENT_TOP || *y <= CONTENT_BOTTOM + 0.01 || style.size < 9.0,
                        "page {}: {text:?} below the content",
                        i + 1
                    );
                }
                Item::Rect { x, y, w, h, .. } => {
                    assert!(
                        *x >= MARGIN_X - 0.01 && x + w <= PAGE_W - MARGIN_X + 0.01,
                        "page {}: a box crosses the margin",
                        i + 1
                    );
                    assert!(
                        *y >= CONTENT_TOP - 0.01 && y + h <= CONTENT_BOTTOM + 0.01,
                        "page {}: a box leaves the content area ({y}+{h})",
                        i + 1
                    );
                }
                _ => {}
            }
        }
    }
    // The Markdown keeps them too.
    let md = elsa::report::md::render(&q, &a, &info());
    for needle in [
        "## Reviewer comments on other questions",
        "Hidden but seen",
        "On a removed answer",
        "Why was this dropped?",
        "gone-question",
    ] {
        assert!(md.contains(needle), "{needle:?} missing:\n{md}");
    }
}

#[test]
fn markdown_has_the_review_and_each_comment_after_its_question() {
    use elsa::report::md::{esc, render};
    let (q, mut a, x, next) = reviewed_full(true);
    let fp = a
        .review()
        .unwrap()
        .sign_off
        .as_ref()
        .unwrap()
        .fingerprint
        .clone();
    {
        let mut r = a.review().unwrap();
        r.comments.get_mut(&x).unwrap().reply = "Line one | *two*\n# three".into();
        a.set_review(Some(&r));
    }
    // The reply is not part of the answers: still current.
    let md = render(&q, &a, &info());
    in_order(
        &md,
        0,
        &[
            "## Executive summary",
            "### Ethics review",
            "- **Verdict:** Approved with conditions",
            "- **Reviewer:** Dr. Zoë Verhoeven, Chair of the ethics committee",
            "- **Review date:** 28 November 2026",
            &format!("- **Conditions:** {}", esc(CONDITIONS)),
            "- **Comments:** 0 OK · 1 Question · 1 Concern",
            "- **Sign-off:** Signed off on 29 November 2026",
            &format!("- **Fingerprint:** {fp}"),
            "> **Answers unchanged since the sign-off**",
            &elsa::review::fingerprint_explained(),
            "**Overall concern:",
            "## Detailed answers",
            &esc(&text_of(&q, &x)),
            &format!("> **Reviewer – Concern:** {}", esc(COMMENT)),
            "> **Team reply:** Line one \\| \\*two\\*\n> \\# three",
            &esc(&text_of(&q, &next)),
            "## Reviewer comments on other questions",
            "#### gone-question (a question this version of the questionnaire no longer has)",
            "> **Reviewer – Question:** Why was this dropped?",
        ],
    );
    assert!(!md.contains(&stale_text()));
    // Stale after a change; draft without a sign-off.
    a.set_note(&next, "changed".into(), NOW);
    let md = render(&q, &a, &info());
    assert!(md.contains(&format!("> **{}**", stale_text())), "stale");
    assert!(!md.contains("Answers unchanged since the sign-off"));
    {
        let mut r = a.review().unwrap();
        r.sign_off = None;
        a.set_review(Some(&r));
    }
    let md = render(&q, &a, &info());
    assert!(
        md.contains("> **Draft: not signed off**")
            && md.contains("- **Sign-off:** Not signed off yet")
    );
    a.set_review(None);
    assert!(!render(&q, &a, &info()).contains("Ethics review"));
}

// ---------------------------------------------------------------------------------------------
// Workshop: CSV
// ---------------------------------------------------------------------------------------------

const TINY: &str = r#"{
  "id": "tiny", "version": "1.0.0", "title": {"en": "Tiny"}, "description": {"en": "For the CSV test."},
  "max_concern": 4,
  "bands": [
    {"id": "low", "max_score": 50, "label": {"en": "Low"}},
    {"id": "high", "max_score": 100, "label": {"en": "High"}}
  ],
  "sections": [
    {"id": "profile", "title": {"en": "Profile"}, "dimension": "profile", "weight": 0, "questions": [
      {"id": "name", "kind": {"type": "profile", "field": "project_name"}, "text": {"en": "Project name"}}
    ]},
    {"id": "care", "title": {"en": "Care, safety"}, "dimension": "ethical", "weight": 1, "questions": [
      {"id": "c1", "kind": {"type": "yes_no", "yes": {"concern": 0}, "no": {"concern": 4, "recommendation": {"en": "Fix it."}}},
        "text": {"en": "Is it \"safe\"?"}},
      {"id": "c2", "kind": {"type": "single_choice", "options": [
        {"id": "a", "label": {"en": "Always"}, "concern": 0},
        {"id": "b", "label": {"en": "Never"}, "concern": 4, "recommendation": {"en": "Review."}}
      ]}, "text": {"en": "Reviewed?"}}
    ]}
  ]
}"#;

/// A small RFC 4180 reader (quoted fields, doubled quotes, CRLF records).
fn parse_csv(s: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') if cell.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "CR without LF outside quotes");
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, '\n') => panic!("bare LF outside quotes"),
            (false, c) => cell.push(c),
        }
    }
    assert!(
        cell.is_empty() && row.is_empty(),
        "the last record ends with CRLF"
    );
    rows
}

#[test]
fn workshop_csv_golden() {
    use elsa::workshop::{csv, csv_file_name};
    let q = elsa::validate::load_questionnaire(TINY).unwrap_or_else(|e| panic!("{e:?}"));
    let mut a = with(&q, &[("c1", "yes"), ("c2", "a")]);
    a.set_metadata(ProfileField::ProjectName, "Sepsis, v2".into(), NOW);
    a.set_metadata(ProfileField::Assessors, "Zoë Øster".into(), NOW);
    a.set_note("c1", "Checked by \"Zoë\", twice,\nsee log".into(), NOW);
    let mut b = with(&q, &[("c1", "no"), ("c2", "?")]);
    b.set_note("c2", "=SUM(A1)".into(), NOW);
    let c = fresh(&q);
    let teams = vec![
        ("Team A".to_string(), a),
        ("Team B".to_string(), b),
        ("-Team C".to_string(), c),
    ];
    let out = csv(&q, &teams, "en");
    let expected = concat!(
        "\u{feff}",
        "Team,Project,Assessors,Last changed,Overall score,\"Score: Care, safety\",Actions open,Actions in progress,Actions done,Actions won't do,name: Project name,name note,\"c1: Is it \"\"safe\"\"?\",c1 note,c2: Reviewed?,c2 note\r\n",
        "Team A,\"Sepsis, v2\",Zoë Øster,2026-11-29T10:00:00.000Z,0.0,0.0,0,0,0,0,\"Sepsis, v2\",,Yes,\"Checked by \"\"Zoë\"\", twice,\nsee log\",Always,\r\n",
        "Team B,,,2026-11-29T10:00:00.000Z,100.0,100.0,0,0,0,0,,,No,,Don't know,'=SUM(A1)\r\n",
        "'-Team C,,,2026-11-29T10:00:00.000Z,,,0,0,0,0,,,,,,\r\n",
    );
    assert_eq!(out, expected);
    // It reads back as the cells it was made of.
    let rows = parse_csv(out.trim_start_matches('\u{feff}'));
    assert_eq!(rows.len(), 4);
    assert!(rows.iter().all(|r| r.len() == 16));
    assert_eq!(rows[1][13], "Checked by \"Zoë\", twice,\nsee log");
    assert_eq!(csv_file_name(GEN), "elsa-workshop-2026-11-29.csv");
    // Each formula trigger is defused.
    for (cell, want) in [
        ("+1", "'+1"),
        ("-2", "'-2"),
        ("@x", "'@x"),
        ("\tx", "'\tx"),
        ("\rx", "\"'\rx\""),
        ("a=b", "a=b"),
        ("", ""),
    ] {
        assert_eq!(elsa::workshop::csv_cell(cell), want, "{cell:?}");
    }
}

/// Twelve teams on the full questionnaire: a header and one row per team, every row as wide as
/// the header, with every question's answer and note.
#[test]
fn workshop_csv_has_a_row_per_team() {
    let q = full();
    let teams: Vec<(String, Assessment)> = (0..12)
        .map(|i| (format!("Team {}", i + 1), variant(&q, i)))
        .collect();
    let out = elsa::workshop::csv(&q, &teams, "en");
    assert!(out.starts_with("\u{feff}Team,Project,Assessors,Last changed,Overall score,Score: "));
    let rows = parse_csv(out.trim_start_matches('\u{feff}'));
    assert_eq!(rows.len(), 13);
    let scored = q
        .sections
        .iter()
        .filter(|s| s.dimension.is_scored())
        .count();
    // Team, project, assessors, last changed, overall; the section scores; the plan's four counts.
    let width = 5 + scored + 4 + 2 * q.questions().count();
    assert!(rows.iter().all(|r| r.len() == width), "{width}");
    for (i, r) in rows[1..].iter().enumerate() {
        assert_eq!(r[0], format!("Team {}", i + 1));
        let overall = elsa::scoring::score(&q, &teams[i].1).overall.unwrap();
        assert_eq!(r[4], format!("{overall:.1}"));
    }
    let first = q.questions().nth(3).unwrap().question;
    let col = rows[0]
        .iter()
        .position(|h| *h == format!("{}: {}", first.id, first.text.get("en")))
        .unwrap();
    assert_eq!(
        rows[1][col],
        elsa::answers::answer_text(first, &teams[0].1, "en").unwrap()
    );
    assert_eq!(
        rows[1][col + 1],
        format!(
            "Note on {}: Şükrü Łukasz Zoë Øster — 30 °C ≥ 5 ± 1 €.",
            first.id
        )
    );
}

/// The full questionnaire answered, with team `k` choosing other options on some questions.
fn variant(q: &Questionnaire, k: usize) -> Assessment {
    let mut a = crate::bench::fully_answered(q);
    for (i, r) in q.questions().enumerate() {
        let options = r.question.kind.options();
        if options.len() < 2
            || r.section.dimension == elsa::model::Dimension::Profile
            || (i + k) % 3 != 0
        {
            continue;
        }
        let pick = options[(i + k) % options.len()].id.to_string();
        let answer = match r.question.kind {
            elsa::model::QuestionKind::MultiChoice { .. } => {
                elsa::answers::Answer::Choices { ids: vec![pick] }
            }
            _ => elsa::answers::Answer::Choice { id: pick },
        };
        a.set_answer(&r.question.id, Some(answer), NOW);
    }
    if k == 2 {
        let id = q
            .questions()
            .find(|r| {
                r.section.dimension != elsa::model::Dimension::Profile
                    && r.question.kind.is_choice()
            })
            .unwrap()
            .question
            .id
            .clone();
        a.set_answer(&id, Some(elsa::answers::Answer::DontKnow), NOW);
    }
    a
}

// ---------------------------------------------------------------------------------------------
// Workshop: summary PDF
// ---------------------------------------------------------------------------------------------

const LABELS: [&str; 3] = ["Cardiology ward", "Team Zoë", "ICU night shift"];

fn workshop_teams(q: &Questionnaire) -> Vec<(String, Assessment)> {
    LABELS
        .iter()
        .enumerate()
        .map(|(i, l)| (l.to_string(), variant(q, i)))
        .collect()
}

/// The layout: title, teams, the score table with its statistics, the disagreements (capped,
/// with the rest counted), nothing outside the margins, also for twelve teams with long labels.
#[test]
fn workshop_summary_layout() {
    use elsa::report::workshop::{
        answer_key_text, build_workshop_pages, workshop_file_name, DISAGREEMENT_CAP,
    };
    use elsa::workshop::question_counts;
    let q = full();
    let teams = workshop_teams(&q);
    let (pages, outline) = build_workshop_pages(&q, &teams, GEN, elsa::i18n::lang(), &Fixed);
    let text = flat(
        &pages
            .iter()
            .flat_map(Page::texts)
            .collect::<Vec<_>>()
            .join(" "),
    );
    let counts = question_counts(
        &q,
        &teams.iter().map(|(_, a)| a.clone()).collect::<Vec<_>>(),
    );
    // The judgement questions the teams split on, most divided first (stable: questionnaire
    // order among equals).
    let mut split: Vec<_> = counts
        .iter()
        .filter(|c| !c.fact && c.disagreement > 0.0)
        .collect();
    split.sort_by(|a, b| b.disagreement.total_cmp(&a.disagreement));
    assert!(
        split.len() > DISAGREEMENT_CAP,
        "the fixture has more disagreements than the cap: {}",
        split.len()
    );
    let first = q.question(&split[0].question_id).unwrap().question;
    // The options in concern order, each with its count and share.
    let chosen: Vec<_> = split[0]
        .options
        .iter()
        .filter(|o| !o.teams.is_empty())
        .collect();
    let lines: Vec<String> = chosen
        .iter()
        .map(|o| {
            let who: Vec<&str> = o.teams.iter().map(|t| LABELS[*t]).collect();
            let n = o.teams.len();
            let pct = (100.0 * n as f64 / split[0].answered as f64).round() as i64;
            let count = if n == 1 {
                format!("1 team ({pct}%)")
            } else {
                format!("{n} teams ({pct}%)")
            };
            format!(
                "{} {} — {count}: {}",
                if o.recommended { "✓" } else { "•" },
                answer_key_text(first, &o.key, "en"),
                who.join(", ")
            )
        })
        .collect();
    let mut needles: Vec<String> = [
        "Workshop summary",
        "ELSA",
        "Date: 29 November 2026",
        "Teams: 3",
        "Cardiology ward",
        "Team Zoë",
        "ICU night shift",
        "Section scores",
        "Mean Median Spread Reading",
        "Overall (weighted)",
        "Section scores at a glance",
        "Scores per team",
        "Where teams disagreed",
    ]
    .map(String::from)
    .to_vec();
    needles.push(format!("1. {}", first.text.get("en")));
    needles.push(format!(
        "disagreement {:.0}%",
        split[0].disagreement * 100.0
    ));
    needles.extend(lines);
    needles.push("To discuss: (1) ".into());
    needles.push(format!("{}. ", DISAGREEMENT_CAP));
    needles.push(format!(
        "… and {} more questions where teams disagreed",
        split.len() - DISAGREEMENT_CAP
    ));
    in_order(
        &text,
        0,
        &needles.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    assert!(!text.contains(&format!(
        "{}. {}",
        DISAGREEMENT_CAP + 1,
        q.question(&split[DISAGREEMENT_CAP].question_id)
            .unwrap()
            .question
            .text
            .get("en")
    )));
    assert_eq!(answer_key_text(first, "dont_know", "en"), "Don't know");
    assert_eq!(
        answer_key_text(first, "not_applicable", "en"),
        "Not applicable"
    );
    let mini = mini();
    let o3 = mini.question("o3").unwrap().question;
    assert_eq!(answer_key_text(o3, "x+y", "en"), "X; Y");
    assert_eq!(answer_key_text(o3, "x+gone", "en"), "X; gone");
    assert!(outline.iter().any(|(t, _)| t == "Where teams disagreed"));
    assert_eq!(workshop_file_name(GEN), "elsa-workshop-2026-11-29.pdf");
    // Twelve teams with long labels: more than one score table, nothing crosses the margins.
    let many: Vec<(String, Assessment)> = (0..12)
        .map(|i| {
            (
                format!("Team {i} with a long label that goes on and on"),
                variant(&q, i),
            )
        })
        .collect();
    let (pages, _) = build_workshop_pages(&q, &many, GEN, elsa::i18n::lang(), &Fixed);
    let text = flat(
        &pages
            .iter()
            .flat_map(Page::texts)
            .collect::<Vec<_>>()
            .join(" "),
    );
    // Scores per team in blocks of eight; the team table lists every label once.
    assert!(
        text.contains("Section T1 T2 T3 T4 T5 T6 T7 T8") && text.contains("Section T9 T10 T11 T12")
    );
    assert!(text.contains("T12 Team 11 with a long label that goes on and on"));
    for (i, p) in pages.iter().enumerate() {
        for item in &p.items {
            match item {
                Item::Text { x, text, style, .. } => {
                    let right = x + Fixed.width(text, style.size, style.bold);
                    assert!(
                        *x >= MARGIN_X - 0.01 && right <= PAGE_W - MARGIN_X + 0.01,
                        "page {}: {text:?} crosses the margin ({x}..{right})",
                        i + 1
                    );
                }
                Item::Rect { x, y, w, h, .. } => {
                    assert!(
                        *x >= MARGIN_X - 0.01
                            && x + w <= PAGE_W - MARGIN_X + 0.01
                            && y + h <= CONTENT_BOTTOM + 0.01,
                        "page {}: a box leaves the content",
                        i + 1
                    );
                }
                _ => {}
            }
        }
    }
    // No teams: still a document.
    let (pages, _) = build_workshop_pages(&q, &[], GEN, elsa::i18n::lang(), &Fixed);
    assert!(pages[0].texts().contains(&"Workshop summary"));
}

#[cfg(feature = "pdf")]
#[test]
fn workshop_pdf_names_the_teams_and_the_first_disagreement() {
    let q = full();
    let teams = workshop_teams(&q);
    let bytes = elsa::report::pdf::workshop_pdf(&q, &teams, GEN, elsa::i18n::Lang::En).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let text = flat(&crate::report::pdftotext(&bytes, "workshop.pdf"));
    let split = elsa::workshop::disagreement(
        &q,
        &teams.iter().map(|(_, a)| a.clone()).collect::<Vec<_>>(),
    );
    let first = q
        .question(&split[0].question_id)
        .unwrap()
        .question
        .text
        .get("en");
    for needle in [
        "Workshop summary",
        LABELS[0],
        LABELS[1],
        LABELS[2],
        "Where teams disagreed",
        first,
    ] {
        assert!(text.contains(needle), "{needle:?} missing: {text}");
    }
}

/// The worker's `WorkshopPdf` job: the request as the UI sends it, the file back; a team of
/// another questionnaire is refused with a message.
#[cfg(feature = "pdf")]
#[test]
fn worker_builds_the_workshop_pdf() {
    use elsa::worker::{
        handle, QuestionnaireCache, Request, Response, WorkshopRequest, WorkshopTeam,
    };
    let fonts = elsa::report::pdf::Fonts::load().unwrap();
    let mut cache = QuestionnaireCache::default();
    let q = mini();
    let teams = vec![
        WorkshopTeam {
            label: "North".into(),
            assessment: with(&q, &[("o1", "a"), ("o2", "no")]),
        },
        WorkshopTeam {
            label: "South".into(),
            assessment: with(&q, &[("o1", "c"), ("o2", "no")]),
        },
    ];
    let bin = elsa::bundled::encode_bin(&q);
    let request = |teams: Vec<WorkshopTeam>| {
        Request::WorkshopPdf(WorkshopRequest {
            fonts: None,
            questionnaire: bin.clone(),
            teams,
            generated_at: GEN.into(),
            lang: elsa::i18n::Lang::En,
        })
    };
    let Response::File { file_name, bytes } =
        handle(request(teams.clone()), || Ok(&fonts), &mut cache)
    else {
        panic!("no file")
    };
    assert_eq!(file_name, "elsa-workshop-2026-11-29.pdf");
    let text = flat(&crate::report::pdftotext(&bytes, "worker-workshop.pdf"));
    for needle in [
        "Workshop summary",
        "Mini questionnaire",
        "North",
        "South",
        "1. Are outputs reviewed?",
        "✓ Always reviewed — 1 team (50%): North",
        "• Never reviewed — 1 team (50%): South",
    ] {
        assert!(text.contains(needle), "{needle:?} missing: {text}");
    }
    let mut other = teams.clone();
    other[1].assessment.questionnaire_id = "elsa-quick-scan".into();
    let r = handle(request(other), || Ok(&fonts), &mut cache);
    assert_eq!(
        r,
        Response::Failed(
            "the team \"South\" answered another questionnaire (elsa-quick-scan), not mini".into()
        )
    );
}
