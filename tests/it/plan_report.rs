//! The action plan outside its own page: the report's "Action plan" part (a table in the PDF, a
//! checklist in Markdown, in English and Dutch), the plan's changes in compare over time, and
//! the plan's counts in the workshop CSV.

use crate::common::{mini, with, NOW};
use elsa::actions::{free, Action, Priority, Source, Status};
use elsa::answers::Assessment;
use elsa::i18n::Lang;
use elsa::report::doc::{Block, Check, Doc, Row, Table, Tone};
use elsa::report::layout::Measure;
use elsa::report::{build, md, pages, ReportInfo};

/// The report's date: 3 December 2026, local time.
const GEN: &str = "2026-12-03T10:15:00.000+01:00";

/// 5 points per char: enough to lay out pages without the fonts.
struct Fixed;
impl Measure for Fixed {
    fn width(&self, text: &str, size: f32, _bold: bool) -> f32 {
        text.chars().count() as f32 * size * 0.5
    }
}

fn act(id: &str, title: &str, f: impl FnOnce(&mut Action)) -> Action {
    let mut a = free(id, title, NOW);
    f(&mut a);
    a
}

const LONG: &str = "Ask the hospital's data protection officer to check the data flows of the pilot, write down what they find, and agree who updates the record after each change to the model or the data sources used.";

/// Six actions, one of each kind the part must show, stored in an order that is not the plan's.
fn plan() -> Vec<Action> {
    vec![
        act("old", "Ask about the retired question", |a| {
            a.questions = vec!["gone-q".into()]
        }),
        act("dropped", "Offer a paper route", |a| {
            a.status = Status::WontDo {
                reason: "Out of scope for the pilot".into(),
            }
        }),
        act("later", "Check *all* | logs", |a| {
            a.status = Status::InProgress;
            a.owner = "PI".into();
            a.due = Some("2027-03-01".into());
            a.priority = Priority::Low;
            a.description = LONG.into();
        }),
        act("done", "Train the staff", |a| {
            a.status = Status::Done;
            a.due = Some("2026-10-01".into());
            a.evidence = "Training log 2026".into();
            a.owner = "HR".into();
        }),
        act("duty", "Register the system", |a| {
            a.source = Source::Duty;
            a.priority = Priority::High;
            a.duties = vec!["x-duty".into()];
        }),
        act("overdue", "Add human review", |a| {
            a.source = Source::Recommendation;
            a.priority = Priority::High;
            a.owner = "Data steward".into();
            a.due = Some("2026-11-01".into());
            a.questions = vec!["o1".into()];
            a.review_comment = Some("o1".into());
        }),
    ]
}

/// The mini questionnaire answered with recommendations (so the priority actions are there too)
/// and carrying `actions`.
fn assessment(actions: Vec<Action>) -> (elsa::model::Questionnaire, Assessment) {
    let q = mini();
    let mut a = with(
        &q,
        &[("role", "decides"), ("o1", "c"), ("o2", "no"), ("l1", "no")],
    );
    a.actions = actions;
    (q, a)
}

fn report(a: &Assessment, q: &elsa::model::Questionnaire, generated_at: &str, lang: Lang) -> Doc {
    build(
        q,
        a,
        &ReportInfo {
            generated_at: generated_at.into(),
            lang,
        },
    )
}

/// The blocks of the part headed `heading` (up to the next part).
fn part<'d>(doc: &'d Doc, heading: &str) -> &'d [Block] {
    let at = |from: usize, pred: &dyn Fn(&Block) -> bool| {
        doc.blocks[from..].iter().position(pred).map(|i| i + from)
    };
    let start = at(
        0,
        &|b| matches!(b, Block::Heading { level: 1, text, .. } if text == heading),
    )
    .unwrap_or_else(|| panic!("no part {heading:?}"));
    let end = at(start + 1, &|b| matches!(b, Block::Heading { level: 1, .. }))
        .unwrap_or(doc.blocks.len());
    &doc.blocks[start..end]
}

fn plan_table(blocks: &[Block]) -> &Table {
    blocks
        .iter()
        .find_map(|b| {
            if let Block::Table(t) = b {
                Some(t)
            } else {
                None
            }
        })
        .expect("a table in the plan part")
}

fn paras(blocks: &[Block]) -> Vec<&str> {
    blocks
        .iter()
        .filter_map(|b| {
            if let Block::Para { text, .. } = b {
                Some(text.as_str())
            } else {
                None
            }
        })
        .collect()
}

fn title(r: &Row) -> &str {
    r.cells[0].lines().next().unwrap()
}

#[test]
fn the_plan_part_lists_every_action_in_plan_order_with_owner_due_date_status_and_links() {
    let (q, a) = assessment(plan());
    let doc = report(&a, &q, GEN, Lang::En);
    let blocks = part(&doc, "Action plan");
    let t = plan_table(blocks);
    let headers: Vec<&str> = t.cols.iter().map(|c| c.header.as_str()).collect();
    assert_eq!(
        headers,
        ["Action", "Owner", "Due date", "Priority", "Status", "Source"]
    );
    assert!(t.is_checklist());
    // Overdue first, then the open work by due date (none last), by priority, as created; then
    // the closed work in the same order.
    let titles: Vec<&str> = t.rows.iter().map(title).collect();
    assert_eq!(
        titles,
        [
            "Add human review",
            "Check *all* | logs",
            "Register the system",
            "Ask about the retired question",
            "Train the staff",
            "Offer a paper route"
        ]
    );
    let row = |t: &str| t_row(&doc, t);
    // The counts by status and the overdue count on the report's date.
    let p = paras(blocks);
    assert!(
        p.contains(&"Open: 3 · In progress: 1 · Done: 1 · Won't do: 1"),
        "{p:?}"
    );
    assert!(p.contains(&"Overdue on 3 December 2026: 1"), "{p:?}");

    let overdue = row("Add human review");
    assert_eq!(
        overdue.cells[1..5],
        ["Data steward", "1 November 2026 (overdue)", "High", "Open"]
    );
    assert_eq!(overdue.tone, Tone::Danger);
    assert_eq!(overdue.check, Some(Check::Todo));
    // Its question by number (once, though it is also the review comment's question).
    assert_eq!(overdue.cells[5], "Recommendation\nquestion 2.1");

    let done = row("Train the staff");
    assert_eq!(
        done.cells[2], "1 October 2026",
        "a done action is never overdue"
    );
    assert_eq!(done.cells[4], "Done\nEvidence: Training log 2026");
    assert_eq!(done.check, Some(Check::Done));

    let dropped = row("Offer a paper route");
    assert_eq!(
        dropped.cells[4],
        "Won't do\nReason: Out of scope for the pilot"
    );
    assert_eq!(dropped.check, Some(Check::Dropped));
    assert_eq!(dropped.cells[2], "", "no due date");

    let old = row("Ask about the retired question");
    assert_eq!(
        old.cells[5],
        "Own action\nquestion gone-q (no longer in the questionnaire)"
    );
    // A duty the triage does not name (the mini questionnaire has none) by its id.
    assert_eq!(
        row("Register the system").cells[5],
        "Legal duty\nduty: x-duty"
    );

    // A long description is cut, so that the table stays readable; a short one is kept whole.
    let later = row("Check *all* | logs");
    let description = later.cells[0].lines().nth(1).unwrap();
    assert!(
        description.ends_with('…') && description.chars().count() <= 121,
        "{description}"
    );
    assert!(LONG.starts_with(description.trim_end_matches('…')));
    assert_eq!(
        later.cells[1..5],
        ["PI", "1 March 2027", "Low", "In progress"]
    );
}

fn t_row<'d>(doc: &'d Doc, title_is: &str) -> &'d Row {
    plan_table(part(doc, "Action plan"))
        .rows
        .iter()
        .find(|r| title(r) == title_is)
        .unwrap_or_else(|| panic!("no row {title_is:?}"))
}

#[test]
fn overdue_is_judged_on_the_report_date() {
    let (q, a) = assessment(plan());
    // Before the due date of "Add human review", nothing is overdue.
    let early = report(&a, &q, "2026-10-15T09:00:00+02:00", Lang::En);
    assert!(paras(part(&early, "Action plan")).contains(&"Overdue on 15 October 2026: 0"));
    let r = t_row(&early, "Add human review");
    assert_eq!(
        (r.cells[2].as_str(), r.tone),
        ("1 November 2026", Tone::Normal)
    );
    // Open work by date, then: it still comes first; "Train the staff" (1 October, done) comes
    // after all open work.
    let titles: Vec<&str> = plan_table(part(&early, "Action plan"))
        .rows
        .iter()
        .map(title)
        .collect();
    assert_eq!(titles[0], "Add human review");
    assert_eq!(titles[4], "Train the staff");
    // Much later, the in-progress action is overdue too (and comes first with the other).
    let late = report(&a, &q, "2027-06-01T09:00:00Z", Lang::En);
    assert!(paras(part(&late, "Action plan")).contains(&"Overdue on 1 June 2027: 2"));
    let titles: Vec<&str> = plan_table(part(&late, "Action plan"))
        .rows
        .iter()
        .map(title)
        .take(2)
        .collect();
    assert_eq!(titles, ["Add human review", "Check *all* | logs"]);
    assert_eq!(
        t_row(&late, "Check *all* | logs").cells[2],
        "1 March 2027 (overdue)"
    );
}

#[test]
fn without_actions_the_part_says_there_is_no_plan_yet() {
    let (q, a) = assessment(Vec::new());
    let doc = report(&a, &q, GEN, Lang::En);
    let blocks = part(&doc, "Action plan");
    assert!(
        !blocks.iter().any(|b| matches!(b, Block::Table(_))),
        "no table without actions"
    );
    assert_eq!(
        paras(blocks),
        ["The team has not made an action plan yet. Actions can be made on the results page, from the findings or as the team's own actions."]
    );
    let markdown = md::to_markdown(&doc);
    assert!(
        markdown.contains("## Action plan\n\nThe team has not made an action plan yet."),
        "{markdown}"
    );
}

#[test]
fn the_plan_comes_after_the_priority_actions_and_before_the_detailed_answers() {
    let (q, a) = assessment(plan());
    let doc = report(&a, &q, GEN, Lang::En);
    let parts: Vec<&str> = doc
        .blocks
        .iter()
        .filter_map(|b| {
            if let Block::Heading {
                level: 1,
                text,
                outline: true,
                ..
            } = b
            {
                Some(text.as_str())
            } else {
                None
            }
        })
        .collect();
    let pos = |h: &str| {
        parts
            .iter()
            .position(|p| *p == h)
            .unwrap_or_else(|| panic!("{h:?} not in {parts:?}"))
    };
    assert_eq!(pos("Action plan"), pos("Priority actions") + 1, "{parts:?}");
    assert_eq!(pos("Detailed answers"), pos("Action plan") + 1, "{parts:?}");
    // In the PDF's outline too, and its pages carry the rows.
    let (pages, outline) = pages::lay_out(&doc, &Fixed);
    let titles: Vec<&str> = outline.iter().map(|(t, _)| t.as_str()).collect();
    let at = |h: &str| titles.iter().position(|t| *t == h).unwrap();
    assert!(
        at("Priority actions") < at("Action plan") && at("Action plan") < at("Detailed answers"),
        "{titles:?}"
    );
    let text = pages
        .iter()
        .flat_map(|p| p.texts())
        .collect::<Vec<_>>()
        .join(" ");
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for s in [
        "Add human review",
        "(overdue)",
        "Reason: Out of scope for the pilot",
        "Evidence: Training log 2026",
        "(no longer in the questionnaire)",
    ] {
        assert!(text.contains(s), "the PDF lacks {s:?}");
    }
}

#[test]
fn the_markdown_plan_is_a_checklist_with_owners_dates_and_done_ticked() {
    let (q, a) = assessment(plan());
    let markdown = md::render(
        &q,
        &a,
        &ReportInfo {
            generated_at: GEN.into(),
            lang: Lang::En,
        },
    );
    let from = markdown.find("## Action plan").expect("the part");
    let to = markdown.find("## Detailed answers").expect("the answers");
    assert!(from < to && markdown.find("## Priority actions").unwrap() < from);
    let plan = &markdown[from..to];
    assert!(
        !plan.contains("| Action |"),
        "a checklist, not a table:\n{plan}"
    );
    assert!(
        plan.contains("**Open: 3 · In progress: 1 · Done: 1 · Won't do: 1**"),
        "{plan}"
    );
    let items: Vec<&str> = plan.lines().filter(|l| l.starts_with("- [")).collect();
    assert_eq!(items.len(), 6, "{plan}");
    assert_eq!(
        items[0],
        "- [ ] **Add human review** — Owner: Data steward · Due date: 1 November 2026 (overdue) · Priority: High · Status: Open · Source: Recommendation; question 2.1"
    );
    assert_eq!(items[4], "- [x] **Train the staff** — Owner: HR · Due date: 1 October 2026 · Priority: Medium · Status: Done; Evidence: Training log 2026 · Source: Own action");
    // User text escaped; the description after the title.
    assert!(
        items[1].starts_with(
            "- [ ] **Check \\*all\\* \\| logs** Ask the hospital's data protection officer"
        ),
        "{}",
        items[1]
    );
    assert!(
        items[1]
            .contains("— Owner: PI · Due date: 1 March 2027 · Priority: Low · Status: In progress"),
        "{}",
        items[1]
    );
    // Won't do: ticked, struck through, with its reason; no empty fields.
    assert_eq!(items[5], "- [x] ~~**Offer a paper route**~~ — Priority: Medium · Status: Won't do; Reason: Out of scope for the pilot · Source: Own action");
    assert!(
        items[3].ends_with("Source: Own action; question gone-q (no longer in the questionnaire)"),
        "{}",
        items[3]
    );
    // Other tables are still tables.
    assert!(markdown.contains("| Section | Score | Level | Red flags | Answered |"));
}

#[test]
fn the_plan_part_in_dutch() {
    let (q, a) = assessment(plan());
    let doc = report(&a, &q, GEN, Lang::Nl);
    let blocks = part(&doc, "Actieplan");
    let p = paras(blocks);
    assert!(
        p.contains(&"Open: 3 · Bezig: 1 · Klaar: 1 · Doen we niet: 1"),
        "{p:?}"
    );
    assert!(p.contains(&"Te laat op 3 december 2026: 1"), "{p:?}");
    let t = plan_table(blocks);
    let headers: Vec<&str> = t.cols.iter().map(|c| c.header.as_str()).collect();
    assert_eq!(
        headers,
        [
            "Actie",
            "Eigenaar",
            "Deadline",
            "Prioriteit",
            "Status",
            "Bron"
        ]
    );
    let first = &t.rows[0];
    assert_eq!(
        first.cells[1..],
        [
            "Data steward",
            "1 november 2026 (te laat)",
            "Hoog",
            "Open",
            "Aanbeveling\nvraag 2.1"
        ]
    );
    let dropped = t
        .rows
        .iter()
        .find(|r| title(r) == "Offer a paper route")
        .unwrap();
    assert_eq!(
        dropped.cells[4],
        "Doen we niet\nReden: Out of scope for the pilot"
    );
    let markdown = md::to_markdown(&doc);
    assert!(markdown.contains("- [ ] **Add human review** — Eigenaar: Data steward · Deadline: 1 november 2026 (te laat)"), "{markdown}");
    assert!(markdown.contains("vraag gone-q (niet meer in de vragenlijst)"));
    // And the empty plan.
    let (q, a) = assessment(Vec::new());
    let empty = report(&a, &q, GEN, Lang::Nl);
    assert_eq!(paras(part(&empty, "Actieplan")), ["Het team heeft nog geen actieplan gemaakt. Acties maak je op de pagina met resultaten: vanuit de bevindingen, of als eigen actie."]);
}

/// A duty the triage names is linked by its first legal source, cited in the report's language.
#[test]
fn a_duty_link_names_its_source() {
    let (all, _) = elsa::bundled::load_all();
    let q = all.into_iter().find(|q| q.id == "elsa-health-ai").unwrap();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/it/data/triage/sepsis-icu.json");
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut a = crate::triage::example_assessment(&q, &v, "sepsis-icu.json");
    let tr = elsa::triage::triage_of(&q, &a, "en", GEN);
    let d = tr
        .frameworks
        .iter()
        .flat_map(|f| &f.duties)
        .find(|d| !d.sources.is_empty())
        .expect("a duty with a source")
        .clone();
    a.actions = vec![elsa::actions::from_duty(
        "d1",
        &d,
        Lang::En,
        "2026-12-03",
        NOW,
    )];
    for lang in [Lang::En, Lang::Nl] {
        let doc = report(&a, &q, GEN, lang);
        let heading = if lang == Lang::En {
            "Action plan"
        } else {
            "Actieplan"
        };
        let source = &plan_table(part(&doc, heading)).rows[0].cells[5];
        let cited = elsa::i18n::with_lang(lang, || elsa::i18n::reference(&d.sources[0]));
        let word = if lang == Lang::En { "duty" } else { "plicht" };
        assert!(
            source.ends_with(&format!("\n{word}: {cited}")),
            "{source:?}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Compare over time and the workshop CSV
// ---------------------------------------------------------------------------------------------

fn with_status(id: &str, s: Status) -> Action {
    act(id, &format!("Action {id}"), |a| a.status = s)
}

#[test]
fn compare_lists_the_actions_added_closed_reopened_still_open_and_removed() {
    let q = mini();
    let wont = || Status::WontDo {
        reason: "No budget".into(),
    };
    let mut before = with(&q, &[("o1", "c")]);
    before.actions = vec![
        with_status("closed-done", Status::Open),
        with_status("closed-dropped", Status::InProgress),
        with_status("still", Status::Open),
        with_status("again", Status::Done),
        with_status("gone", Status::Open),
        with_status("quiet", wont()),
    ];
    let mut after = with(&q, &[("o1", "a")]);
    after.actions = vec![
        with_status("new-done", Status::Done),
        with_status("quiet", wont()),
        with_status("again", Status::InProgress),
        with_status("still", Status::InProgress),
        with_status("closed-dropped", wont()),
        with_status("closed-done", Status::Done),
        with_status("new", Status::Open),
    ];
    let d = elsa::compare::diff(&q, &before, &after, "en");
    let ids = |l: &[Action]| l.iter().map(|a| a.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&d.actions_added), ["new-done", "new"]);
    assert_eq!(ids(&d.actions_closed), ["closed-dropped", "closed-done"]);
    assert_eq!(ids(&d.actions_reopened), ["again"]);
    assert_eq!(ids(&d.actions_open), ["still"]);
    assert_eq!(ids(&d.actions_removed), ["gone"]);
    // Taken as they are after (the status they have now).
    assert_eq!(d.actions_closed[0].status, wont());
    assert_eq!(d.actions_open[0].status, Status::InProgress);
    // The rest of the diff is unchanged by the plan.
    assert_eq!(d.flags_resolved.len(), 1);
    // No plan on either side: nothing.
    let d = elsa::compare::diff(&q, &with(&q, &[]), &with(&q, &[]), "en");
    assert!(
        d.actions_added.is_empty()
            && d.actions_closed.is_empty()
            && d.actions_open.is_empty()
            && d.actions_reopened.is_empty()
            && d.actions_removed.is_empty()
    );
}

#[test]
fn the_workshop_csv_counts_each_team_s_actions_by_status() {
    let q = mini();
    let mut north = with(&q, &[("o1", "a")]);
    north.actions = plan();
    let south = with(&q, &[("o1", "c")]);
    let csv = elsa::workshop::csv(
        &q,
        &[("North".into(), north), ("South".into(), south)],
        "en",
    );
    let rows = crate::actions::parse_csv(&csv);
    let head = &rows[0];
    let at = head
        .iter()
        .position(|h| h == "Actions open")
        .expect("the counts' columns");
    assert_eq!(
        head[at..at + 4],
        [
            "Actions open",
            "Actions in progress",
            "Actions done",
            "Actions won't do"
        ]
    );
    // After the scores, before the questions.
    assert!(
        head[at - 1].starts_with("Score: ") && head[at + 4].starts_with("name: "),
        "{head:?}"
    );
    assert_eq!(rows[1][at..at + 4], ["3", "1", "1", "1"]);
    assert_eq!(rows[2][at..at + 4], ["0", "0", "0", "0"], "no plan: zeros");
    assert!(rows.iter().all(|r| r.len() == head.len()));
}
