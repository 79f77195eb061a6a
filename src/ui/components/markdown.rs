//! Renders the core's light-markdown AST. No HTML from the text is ever interpreted.

use crate::markdown::{parse, Block, Inline};
use crate::ts;
use leptos::prelude::*;

fn inlines(items: Vec<Inline>) -> impl IntoView {
    items
        .into_iter()
        .map(|i| match i {
            Inline::Text(t) => t.into_any(),
            Inline::Emphasis(t) => view! { <em>{t}</em> }.into_any(),
            Inline::Strong(t) => view! { <strong>{t}</strong> }.into_any(),
            Inline::Link { text, href } => view! {
                <a href=href target="_blank" rel="noopener noreferrer">{text}<span class="sr-only">" "{ts!("(opens in a new tab)")}</span></a>
            }
            .into_any(),
        })
        .collect_view()
}

#[component]
pub fn Markdown(#[prop(into)] text: String) -> impl IntoView {
    parse(&text)
        .into_iter()
        .map(|b| match b {
            Block::Paragraph(i) => view! { <p>{inlines(i)}</p> }.into_any(),
            Block::List(items) => view! {
                <ul>{items.into_iter().map(|i| view! { <li>{inlines(i)}</li> }).collect_view()}</ul>
            }
            .into_any(),
        })
        .collect_view()
}
