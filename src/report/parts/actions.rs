//! The priority actions: per section, red flags first, then by concern.

use super::super::doc::{Block, ListItem, Size, Tone, Writer};
use super::super::Facts;
use crate::t;

pub(in super::super) fn actions(w: &mut Writer, f: &Facts<'_>) {
    let (q, o) = (f.q, &f.outcome);
    w.part(&t!("Priority actions"), true);
    if o.recommendations.is_empty() {
        w.para(
            &t!("No actions follow from the answers given."),
            Tone::Normal,
            Size::Body,
        );
        return;
    }
    w.para(&t!("What to do, per section: red flags first, then by concern. The number refers to the question in the detailed answers."), Tone::Normal, Size::Small);
    w.space(4.0);
    for s in &q.sections {
        let mut recs: Vec<_> = o
            .recommendations
            .iter()
            .filter(|r| r.section_id == s.id)
            .collect();
        if recs.is_empty() {
            continue;
        }
        recs.sort_by(|x, y| y.red_flag.cmp(&x.red_flag).then(y.concern.cmp(&x.concern)));
        w.heading(2, s.title.get(f.loc), Tone::Normal, false);
        let items: Vec<(String, ListItem)> = recs
            .into_iter()
            .map(|r| {
                let number = f.number(&r.question_id);
                let question = f.question_text(&r.question_id);
                // The question's own scale, as the detailed answers give it.
                let max = q
                    .question(&r.question_id)
                    .map(|x| x.question.kind.max_concern())
                    .unwrap_or(q.max_concern);
                let head = if r.red_flag {
                    t!(
                        "▲ red flag · concern {0}/{1} · {2} {3}",
                        r.concern,
                        max,
                        number,
                        question
                    )
                } else {
                    t!(
                        "concern {0}/{1} · {2} {3}",
                        r.concern,
                        max,
                        number,
                        question
                    )
                };
                (
                    r.question_id.clone(),
                    ListItem {
                        head: Some(head),
                        text: r.text.get(f.loc).to_string(),
                        tone: if r.red_flag {
                            Tone::Danger
                        } else {
                            Tone::Normal
                        },
                    },
                )
            })
            .collect();
        // Each action links, in the PDF, to the answer it comes from.
        for (question_id, item) in items {
            w.push(Block::Linked {
                target: super::super::doc::answer_anchor(&question_id),
                block: Box::new(Block::Items {
                    items: vec![item],
                    checklist: true,
                }),
            });
        }
        w.space(4.0);
    }
    w.space(8.0);
}
