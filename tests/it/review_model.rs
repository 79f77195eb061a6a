//! Issue 6: the review model and file format 3 — the sign-off and its state, the team's
//! replies, the merges on both sides, the migration from format 2, the review carried as text,
//! our own SHA-256, and the studio's routes.

use crate::common::*;
use elsa::answers::Assessment;
use elsa::import::{self, ImportError};
use elsa::persist::{decode_stored, encode, FORMAT_VERSION};
use elsa::review::{
    fingerprint, reviewer_opens, take_review, Comment, CommentStatus, Opened, Review, ReviewState,
    Verdict,
};
use elsa::route::{is_studio, Route, StudioRoute};
use elsa::sha256;

fn team() -> Assessment {
    let q = mini();
    with(&q, &[("role", "decides"), ("o1", "b"), ("o3", "x+y")])
}

fn signed_review(a: &Assessment) -> Review {
    let mut r = Review {
        reviewer_name: "Dr. A. de Vries".into(),
        reviewer_role: "Ethics committee".into(),
        date: "2026-11-28".into(),
        verdict: Some(Verdict::ApprovedWithConditions),
        conditions: "Report the subgroup analysis.".into(),
        ..Review::default()
    };
    r.comments.insert(
        "o1".into(),
        Comment {
            status: CommentStatus::Concern,
            text: "Why b?".into(),
            reply: String::new(),
        },
    );
    r.comments.insert(
        "o3".into(),
        Comment {
            status: CommentStatus::Ok,
            text: String::new(),
            reply: String::new(),
        },
    );
    r.sign(a, None, NOW).expect("complete review signs");
    r
}

#[test]
fn sha256_matches_the_standard_vectors_and_sha256sum_at_block_boundaries() {
    assert_eq!(
        sha256::hex(b""),
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    );
    assert_eq!(
        sha256::hex(b"abc"),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
    assert_eq!(
        sha256::hex(b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    );
    assert_eq!(
        sha256::hex(&vec![b'a'; 1_000_000]),
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
    );
    for len in [1usize, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000] {
        let data: Vec<u8> = (0..len).map(|i| (i * 31 % 251) as u8).collect();
        let out = std::process::Command::new("sha256sum")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .and_then(|mut c| {
                use std::io::Write;
                c.stdin.take().unwrap().write_all(&data)?;
                c.wait_with_output()
            })
            .expect("sha256sum");
        assert_eq!(
            sha256::hex(&data),
            String::from_utf8(out.stdout).unwrap()[..64],
            "length {len}"
        );
    }
}

#[test]
fn a_review_needs_verdict_conditions_reviewer_and_date_before_sign_off() {
    let a = team();
    let mut r = Review::default();
    assert_eq!(
        r.sign_off_problems(),
        vec![
            "Choose a verdict.",
            "Fill in the reviewer's name.",
            "Fill in the reviewer's role.",
            "Fill in the review date."
        ]
    );
    r.verdict = Some(Verdict::ApprovedWithConditions);
    r.reviewer_name = "N".into();
    r.reviewer_role = "R".into();
    r.date = "2026-13-01".into();
    assert_eq!(
        r.sign_off_problems(),
        vec![
            "Write the conditions of the approval.",
            "Fill in the review date."
        ]
    );
    assert!(r.sign(&a, None, NOW).is_err());
    assert_eq!(r.state(&a, None), ReviewState::Draft);
    r.date = "2026-11-28".into();
    r.conditions = "  ".into();
    assert_eq!(
        r.sign_off_problems(),
        vec!["Write the conditions of the approval."]
    );
    r.verdict = Some(Verdict::Approved);
    r.sign(&a, None, NOW).unwrap();
    assert_eq!(
        r.sign_off.as_ref().unwrap().fingerprint,
        fingerprint(&a, None)
    );
    assert_eq!(r.state(&a, None), ReviewState::Current);
}

#[test]
fn replies_keep_the_sign_off_current_and_an_answer_change_makes_it_stale() {
    let q = mini();
    let mut a = team();
    a.set_review(Some(&signed_review(&a)));
    assert!(a.set_reply("o1", "Because of the audit.".into(), NOW));
    assert!(
        !a.set_reply("o5", "No comment here.".into(), NOW),
        "a reply needs a comment"
    );
    let r = a.review().unwrap();
    assert_eq!(r.comments["o1"].reply, "Because of the audit.");
    assert_eq!(r.state(&a, None), ReviewState::Current);
    assert_eq!(r.counts(), [1, 0, 1]);
    let mut changed = a.clone();
    changed.set_answer("o1", Some(ans("a")), NOW);
    assert_eq!(r.state(&changed, None), ReviewState::Stale);
    let mut noted = a.clone();
    noted.set_note("o3", "new note".into(), NOW);
    assert_eq!(r.state(&noted, None), ReviewState::Stale);
    let _ = q;
}

#[test]
fn format_2_files_move_to_the_current_format_and_a_review_round_trips_as_written() {
    let v2 = include_str!("data/storage/v2-quick-scan.json");
    let s = decode_stored(v2).unwrap();
    assert_eq!(s.format_version, FORMAT_VERSION);
    assert_eq!(FORMAT_VERSION, 4);
    assert!(s.assessment.review.is_none());
    let again: serde_json::Value =
        serde_json::from_str(&encode(&s.assessment, elsa::i18n::Lang::En)).unwrap();
    assert_eq!(again["format_version"], 4);
    assert!(again["assessment"].get("review").is_none());

    let mut a = team();
    a.set_review(Some(&signed_review(&a)));
    let text = encode(&a, elsa::i18n::Lang::En);
    let back = decode_stored(&text).unwrap().assessment;
    assert_eq!(back, a);
    assert_eq!(back.review(), a.review());
    assert_eq!(encode(&back, elsa::i18n::Lang::En), text);

    // A review in a format-2 file is not something 0.2.0 wrote: refused.
    let old = text.replace("\"format_version\":4", "\"format_version\":2");
    assert_ne!(old, text);
    assert!(decode_stored(&old)
        .unwrap_err()
        .to_string()
        .contains("a review needs file format 3 or later"));
}

#[test]
fn an_unreadable_review_is_refused_on_import_with_a_message() {
    let a = team();
    let text = encode(&a, elsa::i18n::Lang::En).replacen(
        "\"responses\"",
        "\"review\":{\"verdict\":\"maybe\"},\"responses\"",
        1,
    );
    let err = import::import_bytes(
        text.as_bytes(),
        |_| Err(ImportError::PdfWithoutAnswers),
        &[import::Available {
            id: "mini",
            version: "1.0.0",
            title: "Mini",
        }],
    )
    .unwrap_err();
    assert!(
        err.to_string()
            .contains("the review in it cannot be read (unknown variant `maybe`"),
        "{err}"
    );
}

#[test]
fn the_team_takes_a_returned_review_and_keeps_its_answers_and_replies() {
    let original = team();
    let mut reviewed = original.clone();
    reviewed.set_review(Some(&signed_review(&original)));
    // Meanwhile the team changed an answer and had replied to an earlier round.
    let mut mine = original.clone();
    mine.set_answer("o1", Some(ans("a")), NOW);
    let mut earlier = Review::default();
    earlier.comments.insert(
        "o1".into(),
        Comment {
            status: CommentStatus::Question,
            text: "old".into(),
            reply: "Earlier reply".into(),
        },
    );
    mine.set_review(Some(&earlier));
    let answers_before = mine.responses.clone();
    take_review(&mut mine, &reviewed);
    assert_eq!(mine.responses, answers_before);
    let r = mine.review().unwrap();
    assert_eq!(r.verdict, Some(Verdict::ApprovedWithConditions));
    assert_eq!(r.comments["o1"].text, "Why b?");
    assert_eq!(r.comments["o1"].reply, "Earlier reply");
    assert_eq!(r.state(&mine, None), ReviewState::Stale);
}

#[test]
fn the_reviewer_keeps_own_work_and_takes_new_answers_and_replies() {
    let a = team();
    let mut mine = a.clone();
    mine.set_review(Some(&signed_review(&a)));
    // A file never reviewed here is taken as it is.
    let (fresh, how) = reviewer_opens(None, a.clone());
    assert_eq!((fresh, how), (a.clone(), Opened::New));
    // The team's resubmission: a changed answer, a reply, and (wrongly) a changed verdict.
    let mut back = a.clone();
    back.set_answer("o3", Some(ans("x")), NOW);
    let mut theirs = signed_review(&a);
    theirs.verdict = Some(Verdict::Approved);
    theirs.comments.get_mut("o1").unwrap().reply = "Fixed.".into();
    back.set_review(Some(&theirs));
    let (out, how) = reviewer_opens(Some(&mine), back.clone());
    assert_eq!(how, Opened::Updated);
    assert_eq!(out.responses, back.responses);
    let r = out.review().unwrap();
    assert_eq!(
        r.verdict,
        Some(Verdict::ApprovedWithConditions),
        "the reviewer's verdict stays"
    );
    assert_eq!(r.comments["o1"].reply, "Fixed.");
    assert_eq!(r.state(&out, None), ReviewState::Stale);
}

#[test]
fn studio_routes_parse_and_print_and_the_main_app_keeps_the_teams_journey() {
    for (hash, route) in [
        ("#/review", StudioRoute::Reviews),
        ("#/review/abc-1", StudioRoute::Review { id: "abc-1".into() }),
        (
            "#/review/reply/abc-1",
            StudioRoute::Reply { id: "abc-1".into() },
        ),
        ("#/workshop", StudioRoute::Workshop),
        ("#/workshop/present/3", StudioRoute::Present { index: 2 }),
        ("#/compare", StudioRoute::Compare),
    ] {
        assert_eq!(StudioRoute::parse(hash), route, "{hash}");
        assert_eq!(route.href(), hash);
        assert!(is_studio(hash), "{hash}");
    }
    for bad in [
        "#/workshop/present/0",
        "#/workshop/present/x",
        "#/review/a/b/c",
        "#/review/<x>",
    ] {
        assert_eq!(StudioRoute::parse(bad), StudioRoute::NotFound, "{bad}");
    }
    // The team's whole journey is the main app's: home, sections, results, scoring, its data.
    for main in [
        "#/",
        "",
        "#/a/x",
        "#/a/x/s/ethics",
        "#/a/x/s/results",
        "#/a/x/results",
        "#/scoring",
        "#/privacy",
    ] {
        assert!(!is_studio(main), "{main}");
        assert_ne!(Route::parse(main), Route::NotFound, "{main}");
    }
    // Anything else is the main app's "page not found".
    for other in ["#/a//results", "#/reviewer", "#/a/results"] {
        assert!(!is_studio(other), "{other}");
    }
    assert_eq!(
        Route::parse("#/a/x/results"),
        Route::Results { id: "x".into() }
    );
}

/// boot.js picks the app with the regular expression generated from the same list as
/// `is_studio`: one route table.
#[test]
fn boot_js_picks_the_app_with_the_route_tables_own_list() {
    let boot = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/boot.js")).unwrap();
    let line = boot
        .lines()
        .find(|l| l.contains("const isStudio = (h) =>"))
        .expect("boot.js has isStudio");
    let expected = format!(
        "const isStudio = (h) => {}.test(h);",
        elsa::route::studio_regex()
    );
    assert_eq!(
        line.trim(),
        expected,
        "boot.js must use route::studio_regex()"
    );
    for p in elsa::route::STUDIO_PATHS {
        assert!(
            is_studio(&format!("#/{p}"))
                && is_studio(&format!("#/{p}/x"))
                && !is_studio(&format!("#/{p}x"))
        );
    }
}
