use elsa::markdown::{inline, parse, plain, Block, Inline};

#[test]
fn paragraphs_lists_emphasis_links() {
    let src = "Why it *matters* and **what** to do.\nSame paragraph.\n\n- one\n- two with [a link](https://example.org/x)\n\nEnd.";
    let blocks = parse(src);
    assert_eq!(blocks.len(), 3);
    assert_eq!(
        blocks[0],
        Block::Paragraph(vec![
            Inline::Text("Why it ".into()),
            Inline::Emphasis("matters".into()),
            Inline::Text(" and ".into()),
            Inline::Strong("what".into()),
            Inline::Text(" to do. Same paragraph.".into()),
        ])
    );
    match &blocks[1] {
        Block::List(items) => {
            assert_eq!(items.len(), 2);
            assert_eq!(
                items[1][1],
                Inline::Link {
                    text: "a link".into(),
                    href: "https://example.org/x".into()
                }
            );
        }
        b => panic!("expected a list, got {b:?}"),
    }
}

#[test]
fn unsafe_links_and_stray_markers_stay_text() {
    assert_eq!(
        inline("[x](javascript:alert(1))"),
        vec![Inline::Text("[x](javascript:alert(1))".into())]
    );
    assert_eq!(inline("3 * 4 * 5"), vec![Inline::Text("3 * 4 * 5".into())]);
    assert_eq!(inline("<b>hi</b>"), vec![Inline::Text("<b>hi</b>".into())]);
    assert_eq!(
        inline("snake_case_name"),
        vec![
            Inline::Text("snake".into()),
            Inline::Emphasis("case".into()),
            Inline::Text("name".into())
        ]
    );
}

#[test]
fn plain_text_for_the_report() {
    assert_eq!(
        plain("A *b*.\n\n- c\n- [d](https://e.org)"),
        "A b.\n\n• c\n• d (https://e.org)"
    );
}
