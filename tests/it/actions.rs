//! The action plan's pure core: the model's rules, actions from findings, closing the loop, the
//! CSV and ICS files (parsed back strictly), and the plan in the stored file (format 4).

use crate::common::{ans, fresh, mini, with, NOW};
use elsa::actions::*;
use elsa::i18n::Lang;
use elsa::model::{Framework, LocalText, Role};
use elsa::review::{Comment, CommentStatus, Review};
use elsa::triage::{DateStatus, DutyItem};

fn action(id: &str, title: &str) -> Action {
    free(id, title, NOW)
}

fn due(mut a: Action, d: &str) -> Action {
    a.due = Some(d.to_string());
    a
}

fn with_status(mut a: Action, s: Status) -> Action {
    a.status = s;
    a
}

fn duty(applies_from: Option<&str>, role_held: bool, guidance: bool) -> DutyItem {
    DutyItem {
        id: "ai-literacy".into(),
        framework: Framework::EuAiAct,
        roles: vec![Role::AiProvider],
        role_held,
        text: LocalText(vec![
            ("en".into(), "Ensure AI literacy of staff".into()),
            ("nl".into(), "Zorg voor AI-geletterdheid".into()),
        ]),
        detail: LocalText::en("Train the people who use the system."),
        sources: vec!["AI Act art. 4".into(), "AI Act art. 113".into()],
        applies_from: applies_from.map(str::to_string),
        date_note: LocalText::default(),
        status: DateStatus::Upcoming,
        guidance,
        because: vec!["r1".into()],
    }
}

// ---------------------------------------------------------------------------------------------
// The model's rules
// ---------------------------------------------------------------------------------------------

#[test]
fn wont_do_needs_a_reason_and_a_due_date_must_be_a_real_date() {
    let ok = due(action("a1", "Write a DPIA"), "2028-02-29");
    assert!(ok.problems().is_empty(), "{:?}", ok.problems());
    assert_eq!(
        with_status(
            ok.clone(),
            Status::WontDo {
                reason: "  ".into()
            }
        )
        .problems(),
        vec![Problem::NoReason]
    );
    assert!(with_status(
        ok.clone(),
        Status::WontDo {
            reason: "Out of scope".into()
        }
    )
    .problems()
    .is_empty());
    for bad in [
        "2027-02-29",
        "2026-13-01",
        "2026-04-31",
        "2026-1-01",
        "tomorrow",
        "2026-00-10",
        "",
    ] {
        assert_eq!(
            due(ok.clone(), bad).problems(),
            vec![Problem::BadDueDate],
            "{bad}"
        );
    }
    let mut untitled = ok.clone();
    untitled.title = " ".into();
    assert_eq!(untitled.problems(), vec![Problem::NoTitle]);
    // The messages exist in Dutch.
    elsa::i18n::with_lang(Lang::Nl, || {
        assert_eq!(
            Problem::NoReason.message(),
            "Schrijf op waarom jullie deze actie niet doen."
        );
        assert!(Problem::BadDueDate.message().contains("JJJJ-MM-DD"));
    });
}

#[test]
fn overdue_is_an_open_or_in_progress_action_due_before_the_given_date() {
    let a = due(action("a1", "x"), "2026-11-30");
    assert!(!a.is_overdue("2026-11-30"), "due today is not overdue");
    assert!(a.is_overdue("2026-12-01"));
    assert!(with_status(a.clone(), Status::InProgress).is_overdue("2026-12-01"));
    assert!(!with_status(a.clone(), Status::Done).is_overdue("2026-12-01"));
    assert!(!with_status(
        a.clone(),
        Status::WontDo {
            reason: "no".into()
        }
    )
    .is_overdue("2026-12-01"));
    assert!(!action("a2", "no date").is_overdue("2099-01-01"));
    assert!(!due(action("a3", "bad date"), "2026-02-30").is_overdue("2099-01-01"));
}

#[test]
fn the_plan_lists_overdue_first_then_open_work_by_due_date_and_priority_then_closed_work() {
    let as_of = "2026-12-01";
    let mut low_soon = due(action("low-soon", "x"), "2026-12-10");
    low_soon.priority = Priority::Low;
    let mut high_soon = due(action("high-soon", "x"), "2026-12-10");
    high_soon.priority = Priority::High;
    let later = due(action("later", "x"), "2027-01-01");
    let overdue_late = due(action("overdue-2", "x"), "2026-11-20");
    let overdue_early = due(action("overdue-1", "x"), "2026-10-01");
    let no_date = action("no-date", "x");
    // Done and past due: not overdue; closed work comes after the open work.
    let done_past = with_status(due(action("done-past", "x"), "2026-01-01"), Status::Done);
    let all = vec![
        no_date,
        later,
        low_soon,
        done_past,
        overdue_late,
        high_soon,
        overdue_early,
    ];
    let order: Vec<&str> = plan_order(&all, as_of)
        .iter()
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(
        order,
        [
            "overdue-1",
            "overdue-2",
            "high-soon",
            "low-soon",
            "later",
            "no-date",
            "done-past"
        ]
    );
}

#[test]
fn counts_by_status_and_filters_by_owner_section_status_and_source() {
    let q = mini();
    let mut r1 = action("r1", "Review more");
    r1.source = Source::Recommendation;
    r1.questions = vec!["o1".into()];
    r1.owner = "Data steward ".into();
    let mut g1 = with_status(action("g1", "Find out"), Status::InProgress);
    g1.source = Source::Gap;
    g1.questions = vec!["l1".into()];
    g1.owner = "data STEWARD".into();
    let mut d1 = with_status(action("d1", "Duty"), Status::Done);
    d1.source = Source::Duty;
    d1.duties = vec!["ai-literacy".into()];
    let mut w1 = with_status(
        action("w1", "Review comment"),
        Status::WontDo {
            reason: "n/a".into(),
        },
    );
    w1.source = Source::Review;
    w1.review_comment = Some("o2".into());
    w1.owner = "PI".into();
    let all = vec![r1, g1, d1, w1];
    assert_eq!(counts(&all), [1, 1, 1, 1]);
    assert_eq!(counts(&all[..2]), [1, 1, 0, 0]);

    let ids = |f: Filter| {
        filter(&all, &q, &f)
            .iter()
            .map(|a| a.id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(Filter::default()), ["r1", "g1", "d1", "w1"]);
    assert_eq!(
        ids(Filter {
            owner: Some("data steward".into()),
            ..Default::default()
        }),
        ["r1", "g1"]
    );
    assert_eq!(
        ids(Filter {
            section: Some("oversight".into()),
            ..Default::default()
        }),
        ["r1", "w1"]
    );
    assert_eq!(
        ids(Filter {
            section: Some("lowses".into()),
            ..Default::default()
        }),
        ["g1"]
    );
    assert_eq!(
        ids(Filter {
            status: Some(StatusKind::Done),
            ..Default::default()
        }),
        ["d1"]
    );
    assert_eq!(
        ids(Filter {
            source: Some(Source::Review),
            ..Default::default()
        }),
        ["w1"]
    );
    assert_eq!(
        ids(Filter {
            owner: Some("PI".into()),
            source: Some(Source::Gap),
            ..Default::default()
        }),
        Vec::<String>::new()
    );
    assert_eq!(owners(&all), ["Data steward", "PI"]);
}

// ---------------------------------------------------------------------------------------------
// Actions from findings
// ---------------------------------------------------------------------------------------------

#[test]
fn actions_from_recommendations_take_the_text_the_question_and_a_priority_from_the_concern() {
    let q = mini();
    // o1 = c: red flag (concern 4); o3 = x: concern 1 of 4; o5 = p2: concern 2 of 4 (shown
    // when the role is "decides").
    let a = with(
        &q,
        &[
            ("role", "decides"),
            ("o1", "c"),
            ("o3", "x"),
            ("o5", "p2"),
            ("o2", "no"),
        ],
    );
    let out = elsa::scoring::score(&q, &a);
    let by_q = |id: &str| {
        out.recommendations
            .iter()
            .find(|r| r.question_id == id)
            .unwrap()
    };
    let red = from_recommendation("a1", by_q("o1"), &q, Lang::En, NOW);
    assert_eq!(red.priority, Priority::High);
    assert_eq!(red.source, Source::Recommendation);
    assert_eq!(red.questions, ["o1"]);
    assert_eq!(red.status, Status::Open);
    assert_eq!((red.created.as_str(), red.modified.as_str()), (NOW, NOW));
    assert!(red
        .description
        .contains(q.question("o1").unwrap().question.text.get("en")));
    assert_eq!(
        from_recommendation("a2", by_q("o3"), &q, Lang::En, NOW).priority,
        Priority::Low
    );
    assert_eq!(
        from_recommendation("a3", by_q("o5"), &q, Lang::En, NOW).priority,
        Priority::Medium
    );
    let o2 = from_recommendation("a4", by_q("o2"), &q, Lang::En, NOW);
    assert_eq!(
        (o2.title.as_str(), o2.priority),
        ("Allow override.", Priority::High)
    );
    assert_eq!(priority_of(0, true, 4), Priority::High);
    assert_eq!(priority_of(3, false, 4), Priority::High);
    assert_eq!(priority_of(2, false, 4), Priority::Medium);
    assert_eq!(priority_of(1, false, 4), Priority::Low);
}

#[test]
fn an_action_from_a_duty_suggests_its_date_only_when_it_is_still_ahead() {
    let ahead = from_duty(
        "d1",
        &duty(Some("2027-08-02"), true, false),
        Lang::En,
        "2026-12-01",
        NOW,
    );
    assert_eq!(ahead.title, "Ensure AI literacy of staff");
    assert_eq!(ahead.due.as_deref(), Some("2027-08-02"));
    assert_eq!(ahead.duties, ["ai-literacy"]);
    assert_eq!(ahead.source, Source::Duty);
    assert_eq!(ahead.priority, Priority::High);
    assert!(ahead.description.contains("Train the people"));
    assert!(ahead.description.contains("AI Act art. 4; AI Act art. 113"));
    let past = from_duty(
        "d2",
        &duty(Some("2025-02-02"), false, false),
        Lang::En,
        "2026-12-01",
        NOW,
    );
    assert_eq!(
        past.due, None,
        "a duty in force already gets no suggested date"
    );
    assert_eq!(past.priority, Priority::Medium, "role not known yet");
    let event = from_duty("d3", &duty(None, true, true), Lang::Nl, "2026-12-01", NOW);
    assert_eq!(event.due, None);
    assert_eq!(event.priority, Priority::Low, "guidance");
    assert_eq!(event.title, "Zorg voor AI-geletterdheid");
}

#[test]
fn gaps_and_review_comments_become_actions() {
    let q = mini();
    let text = q
        .question("l1")
        .unwrap()
        .question
        .text
        .get("en")
        .to_string();
    let gap = from_gap("g1", "l1", &q, Lang::En, NOW);
    assert_eq!(gap.title, format!("Find out: {text}"));
    assert_eq!(
        (gap.source, gap.questions.as_slice()),
        (Source::Gap, ["l1".to_string()].as_slice())
    );
    let nl = elsa::i18n::with_lang(Lang::Nl, || from_gap("g2", "l1", &q, Lang::Nl, NOW));
    assert!(nl.title.starts_with("Zoek uit: "), "{}", nl.title);

    let concern = Comment {
        status: CommentStatus::Concern,
        text: "No DPIA yet".into(),
        reply: String::new(),
    };
    let c = from_review_comment("c1", "o2", &concern, &q, Lang::En, NOW);
    assert_eq!(
        (c.source, c.priority, c.review_comment.as_deref()),
        (Source::Review, Priority::High, Some("o2"))
    );
    assert_eq!(c.description, "No DPIA yet");
    let question = Comment {
        status: CommentStatus::Question,
        ..concern
    };
    assert_eq!(
        from_review_comment("c2", "o2", &question, &q, Lang::En, NOW).priority,
        Priority::Medium
    );
    let cond = from_review_conditions("c3", "  Re-assess after six months. ", NOW);
    assert_eq!(
        (cond.priority, cond.description.as_str()),
        (Priority::High, "Re-assess after six months.")
    );
}

// ---------------------------------------------------------------------------------------------
// Closing the loop
// ---------------------------------------------------------------------------------------------

#[test]
fn a_finding_is_resolved_when_its_concern_is_gone_and_nothing_closes_by_itself() {
    let q = mini();
    let mut a = with(&q, &[("o1", "c"), ("l1", "?"), ("o3", "x+y")]);
    let out = elsa::scoring::score(&q, &a);
    let rec = from_recommendation(
        "r",
        out.recommendations
            .iter()
            .find(|r| r.question_id == "o1")
            .unwrap(),
        &q,
        Lang::En,
        NOW,
    );
    let multi = from_recommendation(
        "m",
        out.recommendations
            .iter()
            .find(|r| r.question_id == "o3")
            .unwrap(),
        &q,
        Lang::En,
        NOW,
    );
    let gap = from_gap("g", "l1", &q, Lang::En, NOW);
    assert!(!finding_resolved(&rec, &q, &a));
    assert!(!finding_resolved(&gap, &q, &a));

    // A lower but still concerning answer does not resolve it; no concern does.
    a.set_answer("o1", Some(ans("b")), NOW);
    assert!(!finding_resolved(&rec, &q, &a));
    a.set_answer("o1", Some(ans("a")), NOW);
    assert!(finding_resolved(&rec, &q, &a));
    assert_eq!(rec.status, Status::Open, "it only says so");
    // Done or won't-do actions are never offered for closing.
    assert!(!finding_resolved(
        &with_status(rec.clone(), Status::Done),
        &q,
        &a
    ));
    // Removing the answer is not resolving the finding.
    a.set_answer("o1", None, NOW);
    assert!(!finding_resolved(&rec, &q, &a));
    // "Don't know" is not resolving either; N/A only with a justification.
    a.set_answer("o1", Some(ans("?")), NOW);
    assert!(!finding_resolved(&rec, &q, &a));
    a.set_answer("o1", Some(ans("na")), NOW);
    assert!(!finding_resolved(&rec, &q, &a));
    a.set_note("o1", "We do not use this at all.".into(), NOW);
    assert!(finding_resolved(&rec, &q, &a));

    // Multiple choice: every picked option must be free of concern.
    a.set_answer("o3", Some(ans("z+x")), NOW);
    assert!(!finding_resolved(&multi, &q, &a));
    a.set_answer("o3", Some(ans("z")), NOW);
    assert!(finding_resolved(&multi, &q, &a));

    // A gap is resolved by any real answer, even a concerning one.
    a.set_answer("l1", Some(ans("no")), NOW);
    assert!(finding_resolved(&gap, &q, &a));

    // Free and duty actions are never "resolved" by answers.
    let mut f = action("f", "x");
    f.questions = vec!["o1".into()];
    assert!(!finding_resolved(&f, &q, &a));
}

#[test]
fn a_review_action_is_resolved_when_the_current_review_marks_the_question_ok() {
    let q = mini();
    let mut a = fresh(&q);
    let concern = Comment {
        status: CommentStatus::Concern,
        text: "why?".into(),
        reply: String::new(),
    };
    let mut review = Review::default();
    review.comments.insert("o2".into(), concern.clone());
    a.set_review(Some(&review));
    let act = from_review_comment("c", "o2", &concern, &q, Lang::En, NOW);
    assert!(!finding_resolved(&act, &q, &a));
    review.comments.insert(
        "o2".into(),
        Comment {
            status: CommentStatus::Ok,
            ..concern
        },
    );
    a.set_review(Some(&review));
    assert!(finding_resolved(&act, &q, &a));
    a.set_review(None);
    assert!(
        !finding_resolved(&act, &q, &a),
        "no review: nothing says it is resolved"
    );
}

#[test]
fn an_action_whose_question_is_gone_stays_and_lists_its_old_link() {
    let q = mini();
    let mut newer = mini();
    // A new version without o1.
    newer.sections[1].questions.retain(|x| x.id != "o1");
    let mut act = action("r", "Review more");
    act.source = Source::Recommendation;
    act.questions = vec!["o1".into(), "o2".into()];
    act.review_comment = Some("o1".into());
    assert!(old_links(&act, &q).is_empty());
    assert_eq!(old_links(&act, &newer), ["o1", "o1"]);
    let other = action("f", "free");
    let all = vec![other, act.clone()];
    let listed = with_old_links(&all, &newer);
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].0.id, "r");
    // Its section comes from the first link that still exists.
    assert_eq!(act.section(&newer), Some("oversight"));
    // And it is never offered as resolved on the strength of a missing question.
    let a = with(&newer, &[("o2", "yes")]);
    assert!(!finding_resolved(&act, &newer, &a));
}

// ---------------------------------------------------------------------------------------------
// Files: CSV and ICS, parsed back strictly
// ---------------------------------------------------------------------------------------------

const AWKWARD: [&str; 8] = [
    "He said \"stop\", then left",
    "a;b;c, and d",
    "line one\nline two\r\nline three",
    "=cmd|' /C calc'!A0",
    "+SUM(1)",
    "🙂 emoji 🏥 ok",
    "Arbeidsongeschiktheidsverzekeringsmaatschappijaansprakelijkheidsbeperkingsclausule en ziekenhuisinformatiesysteemimplementatietraject",
    "back\\slash\tand a tab",
];

fn awkward_plan() -> Vec<Action> {
    AWKWARD
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let mut a = due(action(&format!("act-{i}"), text), "2027-03-15");
            a.description = format!("{text} — {text}");
            a.owner = text.to_string();
            a.evidence = text.to_string();
            if i % 2 == 1 {
                a.status = Status::InProgress;
            }
            a
        })
        .collect()
}

/// A strict RFC 4180 reader: CRLF record ends, quoted fields with doubled quotes, no quote in an
/// unquoted field.
pub(crate) fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let body = text.strip_prefix('\u{feff}').expect("a byte-order mark");
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut chars = body.chars().peekable();
    loop {
        let mut cell = String::new();
        if chars.peek() == Some(&'"') {
            chars.next();
            loop {
                match chars.next().expect("unterminated quoted field") {
                    '"' if chars.peek() == Some(&'"') => {
                        chars.next();
                        cell.push('"');
                    }
                    '"' => break,
                    c => cell.push(c),
                }
            }
        } else {
            while let Some(&c) = chars.peek() {
                if c == ',' || c == '\r' {
                    break;
                }
                assert!(c != '"' && c != '\n', "bare {c:?} in an unquoted field");
                cell.push(c);
                chars.next();
            }
        }
        row.push(cell);
        match chars.next() {
            Some(',') => {}
            Some('\r') => {
                assert_eq!(chars.next(), Some('\n'), "CR without LF");
                rows.push(std::mem::take(&mut row));
                if chars.peek().is_none() {
                    return rows;
                }
            }
            other => panic!("unexpected {other:?} after a field (records must end in CRLF)"),
        }
    }
}

#[test]
fn the_csv_reads_back_cell_for_cell_with_formulas_defused() {
    let plan = awkward_plan();
    let text = csv(&plan, "2027-04-01");
    let rows = parse_csv(&text);
    assert_eq!(rows.len(), plan.len() + 1);
    let header = &rows[0];
    assert_eq!(header[0], "Title");
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name}"))
    };
    for (row, (a, text)) in rows[1..].iter().zip(plan.iter().zip(AWKWARD)) {
        assert_eq!(row.len(), header.len());
        let expected = if text.starts_with(['=', '+']) {
            format!("'{text}")
        } else {
            text.to_string()
        };
        assert_eq!(row[col("Title")], expected);
        assert_eq!(row[col("Owner")], expected);
        assert_eq!(row[col("Evidence")], expected);
        assert_eq!(
            row[col("Description")],
            if expected.starts_with('\'') {
                format!("'{}", a.description)
            } else {
                a.description.clone()
            }
        );
        assert_eq!(row[col("Due date")], "2027-03-15");
        assert_eq!(row[col("Overdue")], "Yes");
        assert_eq!(row[col("Status")], a.status.kind().label());
        assert_eq!(row[col("Source")], "Own action");
    }
    // Every title is written exactly as the workshop's CSV writes a cell.
    for a in &plan {
        assert!(
            text.contains(&format!("\r\n{},", elsa::workshop::csv_cell(&a.title))),
            "{}",
            a.title
        );
    }
    // A won't-do reason has its column; in Dutch the header is Dutch.
    let wont = vec![with_status(
        action("w", "x"),
        Status::WontDo {
            reason: "Not our system".into(),
        },
    )];
    let rows = parse_csv(&csv(&wont, "2027-01-01"));
    assert_eq!(
        rows[1][rows[0].iter().position(|h| h == "Reason").unwrap()],
        "Not our system"
    );
    let nl = elsa::i18n::with_lang(Lang::Nl, || csv(&wont, "2027-01-01"));
    assert!(parse_csv(&nl)[0].contains(&"Eigenaar".to_string()));
}

/// One property of a strictly parsed ICS file: name, parameters, value (unescaped as TEXT).
#[derive(Debug, Clone, PartialEq)]
struct Prop {
    name: String,
    params: Vec<String>,
    value: String,
}

/// A strict RFC 5545 reader for what the plan writes: CRLF only, lines of at most 75 octets,
/// unfolding, TEXT unescaping (any other backslash sequence is an error), BEGIN/END nesting.
/// Returns the components as (name, properties), VCALENDAR first.
fn parse_ics(text: &str) -> Vec<(String, Vec<Prop>)> {
    assert!(text.ends_with("\r\n"));
    let raw: Vec<&str> = text[..text.len() - 2].split("\r\n").collect();
    let mut lines: Vec<String> = Vec::new();
    for l in raw {
        assert!(
            !l.contains('\n') && !l.contains('\r'),
            "a bare CR or LF: {l:?}"
        );
        assert!(l.len() <= 75, "a line over 75 octets ({}): {l:?}", l.len());
        if let Some(rest) = l.strip_prefix(' ').or_else(|| l.strip_prefix('\t')) {
            lines
                .last_mut()
                .expect("a continuation line first")
                .push_str(rest);
        } else {
            lines.push(l.to_string());
        }
    }
    let mut stack: Vec<(String, Vec<Prop>)> = Vec::new();
    let mut done = Vec::new();
    for l in lines {
        let colon = l.find(':').unwrap_or_else(|| panic!("no colon: {l:?}"));
        let (head, value) = (&l[..colon], &l[colon + 1..]);
        let mut parts = head.split(';');
        let name = parts.next().unwrap().to_string();
        assert!(
            !name.is_empty() && name.chars().all(|c| c.is_ascii_uppercase() || c == '-'),
            "bad name {name:?}"
        );
        let params: Vec<String> = parts.map(str::to_string).collect();
        match name.as_str() {
            "BEGIN" => stack.push((value.to_string(), Vec::new())),
            "END" => {
                let c = stack.pop().expect("END without BEGIN");
                assert_eq!(c.0, value, "END does not match BEGIN");
                done.push(c);
            }
            _ => {
                let mut out = String::new();
                let mut it = value.chars();
                while let Some(c) = it.next() {
                    match c {
                        '\\' => match it.next() {
                            Some('\\') => out.push('\\'),
                            Some(';') => out.push(';'),
                            Some(',') => out.push(','),
                            Some('n' | 'N') => out.push('\n'),
                            other => panic!("bad escape \\{other:?} in {l:?}"),
                        },
                        ';' | ',' if name == "SUMMARY" || name == "DESCRIPTION" => {
                            panic!("unescaped {c} in {l:?}")
                        }
                        c => out.push(c),
                    }
                }
                stack
                    .last_mut()
                    .expect("a property outside a component")
                    .1
                    .push(Prop {
                        name,
                        params,
                        value: out,
                    });
            }
        }
    }
    assert!(stack.is_empty(), "unclosed component");
    // VCALENDAR closes last: put it first.
    done.rotate_right(1);
    done
}

fn prop<'a>(c: &'a (String, Vec<Prop>), name: &str) -> &'a Prop {
    let found: Vec<&Prop> = c.1.iter().filter(|p| p.name == name).collect();
    assert_eq!(found.len(), 1, "{name} once in {}", c.0);
    found[0]
}

#[test]
fn the_ics_is_valid_rfc_5545_and_reads_back_the_awkward_texts() {
    let mut plan = awkward_plan();
    plan.push(action("no-date", "No due date"));
    plan.push(with_status(
        due(action("done", "Done already"), "2027-01-01"),
        Status::Done,
    ));
    plan.push(with_status(
        due(action("wont", "Never"), "2027-01-01"),
        Status::WontDo { reason: "r".into() },
    ));
    plan.push(due(action("bad", "Bad date"), "2027-02-30"));
    let text = ics(&plan, "Sepsis, ICU; pilot", "2026-12-03T14:05:09.123Z");
    let comps = parse_ics(&text);
    let cal = &comps[0];
    assert_eq!(cal.0, "VCALENDAR");
    assert_eq!(prop(cal, "VERSION").value, "2.0");
    assert!(!prop(cal, "PRODID").value.is_empty());
    let todos: Vec<_> = comps.iter().filter(|c| c.0 == "VTODO").collect();
    assert_eq!(
        todos.len(),
        AWKWARD.len(),
        "only open or in-progress actions with a valid due date"
    );
    for (todo, (a, text)) in todos.iter().zip(plan.iter().zip(AWKWARD)) {
        assert_eq!(
            prop(todo, "UID").value,
            format!("{}@elsa-action-plan", a.id)
        );
        assert_eq!(prop(todo, "DTSTAMP").value, "20261203T140509Z");
        let due = prop(todo, "DUE");
        assert_eq!(
            (due.params.as_slice(), due.value.as_str()),
            (["VALUE=DATE".to_string()].as_slice(), "20270315")
        );
        assert_eq!(prop(todo, "SUMMARY").value, text.replace("\r\n", "\n"));
        let description = &prop(todo, "DESCRIPTION").value;
        assert!(
            description.starts_with("Project: Sepsis, ICU; pilot\n"),
            "{description:?}"
        );
        assert!(
            description.contains(&a.description.replace("\r\n", "\n")),
            "{description:?}"
        );
        let status = if a.status == Status::InProgress {
            "IN-PROCESS"
        } else {
            "NEEDS-ACTION"
        };
        assert_eq!(prop(todo, "STATUS").value, status);
        assert_eq!(prop(todo, "PRIORITY").value, "5");
    }
    // The UID is stable: a later export gives the same UIDs.
    let again = parse_ics(&ics(&plan, "other", "2027-01-01T00:00:00Z"));
    let uids = |c: &[(String, Vec<Prop>)]| {
        c.iter()
            .filter(|c| c.0 == "VTODO")
            .map(|t| prop(t, "UID").value.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(uids(&comps), uids(&again));
    // Long lines are folded, and folding never splits a UTF-8 character: every physical line
    // is valid UTF-8 on its own.
    assert!(text.contains("\r\n "), "the long Dutch words need folding");
    for l in text.as_bytes().split(|b| *b == b'\n') {
        assert!(
            std::str::from_utf8(l).is_ok(),
            "a line split inside a character"
        );
    }
    // An empty plan is still a valid calendar.
    let empty = parse_ics(&ics(&[], "", NOW));
    assert_eq!(empty.len(), 1);
}

// ---------------------------------------------------------------------------------------------
// Stored with the assessment (format 4)
// ---------------------------------------------------------------------------------------------

#[test]
fn the_plan_round_trips_in_the_stored_file_and_is_left_out_when_empty() {
    let q = mini();
    let mut a = with(&q, &[("o1", "c")]);
    let empty = elsa::persist::encode(&a, Lang::En);
    let v: serde_json::Value = serde_json::from_str(&empty).unwrap();
    assert_eq!(v["format_version"], 4);
    assert!(
        v["assessment"].get("actions").is_none(),
        "no plan: no field"
    );
    a.actions = awkward_plan();
    a.actions[0].status = Status::WontDo {
        reason: "Not ours; see \"policy\"".into(),
    };
    a.actions[1].questions = vec!["o1".into()];
    a.actions[1].review_comment = Some("o2".into());
    a.actions[1].duties = vec!["ai-literacy".into()];
    let text = elsa::persist::encode(&a, Lang::En);
    let back = elsa::persist::decode(&text).unwrap();
    assert_eq!(back, a);
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        v["assessment"]["actions"][0]["status"],
        serde_json::json!({"wont_do": {"reason": "Not ours; see \"policy\""}})
    );
    assert_eq!(v["assessment"]["actions"][1]["status"], "in_progress");
    // The binary form (postcard) writes every field and reads back the same.
    let bytes = postcard::to_allocvec(&a).unwrap();
    assert_eq!(
        postcard::from_bytes::<elsa::answers::Assessment>(&bytes).unwrap(),
        a
    );
    // A format-3 file cannot carry a plan.
    let mut old: serde_json::Value = serde_json::from_str(&text).unwrap();
    old["format_version"] = 3.into();
    let e = elsa::persist::decode(&old.to_string()).unwrap_err();
    assert!(e.to_string().contains("format 4"), "{e}");
    // Unknown fields in an action are refused, as everywhere in the file.
    let mut odd: serde_json::Value = serde_json::from_str(&text).unwrap();
    odd["assessment"]["actions"][0]["colour"] = "red".into();
    assert!(elsa::persist::decode(&odd.to_string()).is_err());
}

#[test]
fn the_real_format_3_file_migrates_to_format_4_with_nothing_lost() {
    let text = include_str!("data/storage/v3-full-1.0.0.json");
    let raw: serde_json::Value = serde_json::from_str(text).unwrap();
    assert_eq!(raw["format_version"], 3, "the sample is a format-3 file");
    let stored = elsa::persist::decode_stored(text).unwrap();
    assert_eq!(stored.format_version, 4);
    assert_eq!(
        stored.tool_version,
        raw["tool_version"].as_str().unwrap(),
        "the tool that made it is remembered"
    );
    assert_eq!(stored.language.as_deref(), raw["language"].as_str());
    assert!(stored.assessment.actions.is_empty());
    // The assessment is the same data, field for field.
    assert_eq!(
        serde_json::to_value(&stored.assessment).unwrap(),
        raw["assessment"]
    );
    // Written again: format 4, everything else as it was.
    let again: serde_json::Value =
        serde_json::from_str(&elsa::persist::encode(&stored.assessment, Lang::En)).unwrap();
    assert_eq!(again["format_version"], 4);
    assert_eq!(again["assessment"], raw["assessment"]);
    assert_eq!(again["questionnaire"], raw["questionnaire"]);
    // With a plan added, it reads back with the plan.
    let mut a = stored.assessment;
    a.actions
        .push(due(action("a1", "Write the DPIA"), "2027-01-31"));
    assert_eq!(
        elsa::persist::decode(&elsa::persist::encode(&a, Lang::Nl)).unwrap(),
        a
    );
}

#[test]
fn changing_the_plan_does_not_make_a_sign_off_stale() {
    let q = mini();
    let mut a = with(&q, &[("o1", "c"), ("o2", "no")]);
    let before = elsa::review::fingerprint(&a, None);
    let canonical = elsa::review::canonical_answers(&a, None);
    a.actions
        .push(due(action("a1", "Write the DPIA"), "2027-01-31"));
    assert_eq!(elsa::review::fingerprint(&a, None), before);
    a.actions[0].status = Status::Done;
    a.actions[0].evidence = "DPIA v2.pdf".into();
    assert_eq!(elsa::review::fingerprint(&a, None), before);
    assert_eq!(elsa::review::canonical_answers(&a, None), canonical);
    assert!(!elsa::review::is_stale(&before, &a, None));
    // While an answer still does.
    a.set_answer("o2", Some(ans("yes")), NOW);
    assert!(elsa::review::is_stale(&before, &a, None));
}

#[test]
fn a_duty_action_is_resolved_when_the_answers_no_longer_give_that_duty() {
    let q = crate::triage::dated();
    let mut a = with(
        &q,
        &[("role", "decides"), ("l1", "yes"), ("when", "d:2026-12-03")],
    );
    let t = elsa::triage::triage(&q, &a, "en", "2026-12-03");
    let prov = t
        .frameworks
        .iter()
        .flat_map(|f| &f.duties)
        .find(|d| d.id == "d-prov")
        .unwrap();
    let act = from_duty("a1", prov, Lang::En, "2026-12-03", NOW);
    let free_one = action("a2", "Own work");
    let plan = vec![act.clone(), free_one];
    assert!(
        resolved_findings(&plan, &q, &a, "2026-12-03").is_empty(),
        "the duty still follows from the answers"
    );
    // Now a deployer, not a provider: the provider's duty no longer follows.
    a.set_answer("l1", Some(ans("no")), NOW);
    assert_eq!(resolved_findings(&plan, &q, &a, "2026-12-03"), ["a1"]);
    // A closed action is never offered again.
    let closed = vec![with_status(act, Status::Done)];
    assert!(resolved_findings(&closed, &q, &a, "2026-12-03").is_empty());
}

#[test]
fn a_finding_becomes_one_action_and_ids_stay_unique() {
    let q = mini();
    let a = with(&q, &[("o1", "c"), ("l1", "?")]);
    let out = elsa::scoring::score(&q, &a);
    let rec = from_recommendation(
        "a1",
        out.recommendations
            .iter()
            .find(|r| r.question_id == "o1")
            .unwrap(),
        &q,
        Lang::En,
        NOW,
    );
    let gap = from_gap("a2", "l1", &q, Lang::En, NOW);
    let cond = from_review_conditions("a7", "Re-assess", NOW);
    let plan = vec![rec, gap, cond];
    assert_eq!(
        for_finding(&plan, &Finding::Recommendation("o1".into())).map(|x| x.id.as_str()),
        Some("a1")
    );
    assert_eq!(
        for_finding(&plan, &Finding::Gap("l1".into())).map(|x| x.id.as_str()),
        Some("a2")
    );
    assert!(
        for_finding(&plan, &Finding::Gap("o1".into())).is_none(),
        "a recommendation is not a gap"
    );
    assert_eq!(
        for_finding(&plan, &Finding::ReviewConditions).map(|x| x.id.as_str()),
        Some("a7")
    );
    assert!(for_finding(&plan, &Finding::ReviewComment("o2".into())).is_none());
    assert_eq!(next_id(&plan), "a8");
    assert_eq!(next_id(&[]), "a1");
}

#[test]
fn adding_editing_and_removing_actions_keeps_created_and_moves_modified() {
    let q = mini();
    let mut a = fresh(&q);
    a.add_action(action("a1", "Write the DPIA"), "2026-12-01T10:00:00.000Z");
    assert_eq!(a.modified, "2026-12-01T10:00:00.000Z");
    let mut edited = a.actions[0].clone();
    edited.owner = "Privacy officer".into();
    edited.created = "tampered".into();
    assert!(a.update_action(edited.clone(), "2026-12-02T10:00:00.000Z"));
    assert_eq!(a.actions[0].owner, "Privacy officer");
    assert_eq!(a.actions[0].created, NOW, "created is kept");
    assert_eq!(a.actions[0].modified, "2026-12-02T10:00:00.000Z");
    // Saving an unchanged action changes nothing.
    let same = a.actions[0].clone();
    assert!(a.update_action(same, "2026-12-05T10:00:00.000Z"));
    assert_eq!(a.modified, "2026-12-02T10:00:00.000Z");
    assert!(!a.update_action(action("zz", "ghost"), "2026-12-03T10:00:00.000Z"));
    assert!(a.remove_action("a1", "2026-12-04T10:00:00.000Z"));
    assert!(a.actions.is_empty());
    assert!(!a.remove_action("a1", "2026-12-04T10:00:00.000Z"));
    assert_eq!(
        overdue_count(&[due(action("x", "x"), "2026-01-01")], "2026-12-01"),
        1
    );
}

#[cfg(feature = "pdf")]
#[test]
fn the_plan_travels_in_the_json_export_and_the_pdf_attachment() {
    use elsa::report::pdf::{extract_attachment, render_report, Fonts};
    let q = mini();
    let mut a = with(&q, &[("o1", "c")]);
    a.add_action(due(action("a1", "Write the DPIA"), "2027-01-31"), NOW);
    a.add_action(
        with_status(
            action("a2", "Skip this"),
            Status::WontDo {
                reason: "Out of scope".into(),
            },
        ),
        NOW,
    );
    let available = [elsa::import::Available {
        id: &q.id,
        version: &q.version,
        title: "Mini",
    }];
    // The JSON export, read back.
    let json = elsa::persist::encode(&a, Lang::En);
    assert!(
        json.contains("\"format_version\": 4") || json.contains("\"format_version\":4"),
        "{}",
        &json[..200]
    );
    let back = elsa::import::import_bytes(json.as_bytes(), extract_attachment, &available)
        .unwrap()
        .assessment;
    assert_eq!(back.actions, a.actions);
    // The assessment inside the PDF report, read back.
    let info = elsa::report::ReportInfo {
        generated_at: NOW.into(),
        lang: Lang::En,
    };
    let pdf = render_report(&q, &a, &info, &Fonts::load().unwrap()).bytes;
    let back = elsa::import::import_bytes(&pdf, extract_attachment, &available)
        .unwrap()
        .assessment;
    assert_eq!(back.actions, a.actions);
}
