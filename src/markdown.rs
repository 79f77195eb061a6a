//! Light markdown for help texts: paragraphs (blank-line separated), `-`/`*` bullet lists,
//! `*emphasis*`, `**strong**` and `[text](https://…)` links. Anything else is plain text; HTML is
//! never interpreted. Links are kept only for `https:`, `http:` and `mailto:` targets.

#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    Text(String),
    Emphasis(String),
    Strong(String),
    Link { text: String, href: String },
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Paragraph(Vec<Inline>),
    List(Vec<Vec<Inline>>),
}

/// Parse light markdown into blocks.
pub fn parse(src: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut para: Vec<&str> = Vec::new();
    let mut items: Vec<String> = Vec::new();

    fn flush_para(para: &mut Vec<&str>, blocks: &mut Vec<Block>) {
        if !para.is_empty() {
            blocks.push(Block::Paragraph(inline(&para.join(" "))));
            para.clear();
        }
    }
    fn flush_list(items: &mut Vec<String>, blocks: &mut Vec<Block>) {
        if !items.is_empty() {
            blocks.push(Block::List(items.iter().map(|i| inline(i)).collect()));
            items.clear();
        }
    }

    for raw in src.lines() {
        let line = raw.trim();
        if line.is_empty() {
            flush_para(&mut para, &mut blocks);
            flush_list(&mut items, &mut blocks);
        } else if let Some(item) = line.strip_prefix("- ").or_else(|| line.strip_prefix("* ")) {
            flush_para(&mut para, &mut blocks);
            items.push(item.trim().to_string());
        } else if !items.is_empty() && raw.starts_with([' ', '\t']) {
            // Continuation of the previous list item.
            if let Some(last) = items.last_mut() {
                last.push(' ');
                last.push_str(line);
            }
        } else {
            flush_list(&mut items, &mut blocks);
            para.push(line);
        }
    }
    flush_para(&mut para, &mut blocks);
    flush_list(&mut items, &mut blocks);
    blocks
}

fn safe_href(href: &str) -> bool {
    let h = href.trim().to_ascii_lowercase();
    h.starts_with("https://") || h.starts_with("http://") || h.starts_with("mailto:")
}

/// Parse inline markup in one paragraph or list item.
pub fn inline(src: &str) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut rest = src;
    let flush = |text: &mut String, out: &mut Vec<Inline>| {
        if !text.is_empty() {
            out.push(Inline::Text(std::mem::take(text)));
        }
    };
    while let Some(c) = rest.chars().next() {
        if rest.starts_with("**") {
            if let Some(end) = rest[2..].find("**").filter(|&e| e > 0) {
                flush(&mut text, &mut out);
                out.push(Inline::Strong(rest[2..2 + end].to_string()));
                rest = &rest[2 + end + 2..];
                continue;
            }
        } else if c == '*' || c == '_' {
            let delim = if c == '*' { "*" } else { "_" };
            if let Some(end) = rest[1..].find(delim).filter(|&e| e > 0) {
                let inner = &rest[1..1 + end];
                if !inner.starts_with(' ') && !inner.ends_with(' ') {
                    flush(&mut text, &mut out);
                    out.push(Inline::Emphasis(inner.to_string()));
                    rest = &rest[1 + end + 1..];
                    continue;
                }
            }
        } else if c == '[' {
            if let Some(close) = rest.find("](") {
                if let Some(end) = rest[close + 2..].find(')') {
                    let label = &rest[1..close];
                    let href = &rest[close + 2..close + 2 + end];
                    if !label.is_empty() && !label.contains('[') && safe_href(href) {
                        flush(&mut text, &mut out);
                        out.push(Inline::Link {
                            text: label.to_string(),
                            href: href.trim().to_string(),
                        });
                        rest = &rest[close + 2 + end + 1..];
                        continue;
                    }
                }
            }
        }
        text.push(c);
        rest = &rest[c.len_utf8()..];
    }
    flush(&mut text, &mut out);
    out
}

/// The plain text of parsed markdown (for the PDF): links become "text (href)".
pub fn plain(src: &str) -> String {
    parse(src)
        .into_iter()
        .map(|b| match b {
            Block::Paragraph(i) => inline_plain(&i),
            Block::List(items) => items
                .iter()
                .map(|i| format!("• {}", inline_plain(i)))
                .collect::<Vec<_>>()
                .join("\n"),
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn inline_plain(items: &[Inline]) -> String {
    items
        .iter()
        .map(|i| match i {
            Inline::Text(t) | Inline::Emphasis(t) | Inline::Strong(t) => t.clone(),
            Inline::Link { text, href } => format!("{text} ({href})"),
        })
        .collect()
}
