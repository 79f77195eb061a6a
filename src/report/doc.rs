//! The report as a typed document: what it says, in order, without saying how it looks on paper
//! or in a text file. [`super::build`] writes it once per report (by part: `parts/*.rs`);
//! [`super::pages`] lays it out on A4 pages for the PDF, and [`super::md`] writes it as Markdown.
//! Both renderers read the same blocks, so the two exports carry the same headings, answers and
//! duties by construction (a native test checks it).
//!
//! Texts are plain: the Markdown renderer escapes them, the PDF draws them as they are. Emphasis
//! and colour are meanings ([`Tone`], `strong`), mapped to a style by each renderer.

/// What a text means, which each renderer shows its own way (colour in the PDF; bold or a
/// marker in Markdown where it matters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Normal,
    /// Secondary: explanations, sources, dates.
    Muted,
    /// The report's own accent (headings of parts).
    Accent,
    /// A red flag, a high-severity conclusion, a stale review.
    Danger,
    /// An approval, a current sign-off.
    Good,
    /// A reviewer's question.
    Warn,
    /// The notice that parts are in English.
    Notice,
}

/// How large a paragraph is set in the PDF (Markdown ignores it, except `Lead`, which it sets in
/// bold).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Size {
    /// A key line: the overall score, a verdict.
    Lead,
    Body,
    Small,
    /// The finest print (the fingerprint's explanation).
    Fine,
}

/// One column of a [`Table`]: its header, its share of the width in the PDF, right-aligned or not.
#[derive(Debug, Clone, PartialEq)]
pub struct Col {
    pub header: String,
    pub share: f32,
    pub right: bool,
}

/// Where a row that is a thing to do stands (see [`Table::is_checklist`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// Still to do: Markdown writes `- [ ]`.
    Todo,
    /// Done: `- [x]`.
    Done,
    /// Decided against: `- [x]`, its first cell struck through.
    Dropped,
}

/// One row of a [`Table`].
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub cells: Vec<String>,
    pub tone: Tone,
    pub strong: bool,
    /// The row is a thing to do, done or not (the action plan); `None` in other tables.
    pub check: Option<Check>,
    /// The [`Block::Anchor`] the row links to in the PDF (the answer to its question).
    pub link: Option<String>,
}

impl Row {
    pub fn new(cells: Vec<String>) -> Self {
        Row {
            cells,
            tone: Tone::Normal,
            strong: false,
            check: None,
            link: None,
        }
    }
}

/// The anchor name of a question's answer in the detailed answers.
pub fn answer_anchor(question_id: &str) -> String {
    format!("q:{question_id}")
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub cols: Vec<Col>,
    pub rows: Vec<Row>,
    /// Numbered notes under the table (`[1] …`).
    pub notes: Vec<String>,
}

impl Table {
    /// A table of things to do: its rows carry a [`Check`]. The PDF draws it as a table;
    /// Markdown writes it as a checklist, one item per row (the first cell, then the others
    /// labelled with their column's header), ticked when done.
    pub fn is_checklist(&self) -> bool {
        !self.rows.is_empty() && self.rows.iter().all(|r| r.check.is_some())
    }
}

/// One item of a [`Block::Items`] list: an optional head line (what the item is about) and its
/// text.
#[derive(Debug, Clone, PartialEq)]
pub struct ListItem {
    pub head: Option<String>,
    pub text: String,
    pub tone: Tone,
}

/// One radar axis: a section's title, its score, and whether it has a red flag.
#[derive(Debug, Clone, PartialEq)]
pub struct Axis {
    pub title: String,
    pub score: Option<f64>,
    pub flagged: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// The document's title and what it is about (the project), the cover's first lines.
    Title {
        title: String,
        subtitle: String,
    },
    /// What the PDF file carries besides its pages (the attached assessment file): said on the
    /// cover of the PDF only, since a Markdown file carries no attachment.
    AttachmentNote(String),
    /// A heading of level 1 (a part), 2 (a subsection) or 3 (an item such as a question or a
    /// conclusion). `outline`: also a bookmark of the PDF.
    Heading {
        level: u8,
        text: String,
        tone: Tone,
        outline: bool,
    },
    Para {
        text: String,
        tone: Tone,
        strong: bool,
        size: Size,
        indent: bool,
    },
    /// A labelled value, "Answer: Yes". A value of several lines (a note) keeps its lines.
    Field {
        label: String,
        value: String,
        tone: Tone,
        strong: bool,
        size: Size,
        indent: bool,
    },
    Table(Table),
    /// A list; `checklist`: things to do (Markdown writes `- [ ]`).
    Items {
        items: Vec<ListItem>,
        checklist: bool,
    },
    /// A shaded block with a coloured bar: labelled parts, one per line (a reviewer's comment
    /// and the team's reply, a review's state).
    Callout {
        parts: Vec<(String, String)>,
        tone: Tone,
        strong: bool,
        indent: bool,
    },
    /// The radar chart of the section scores (the PDF draws it; the table next to it carries
    /// the same numbers, so Markdown leaves it out).
    Radar(Vec<Axis>),
    /// Where links to this name go: the next heading (a question in the detailed answers).
    Anchor(String),
    /// A block that links, in the PDF, to an [`Block::Anchor`] (a priority action to its answer).
    Linked {
        target: String,
        block: Box<Block>,
    },
    /// Layout hints for paper, ignored by Markdown.
    PageBreak,
    Space(f32),
    Rule,
}

/// The whole report.
#[derive(Debug, Clone, PartialEq)]
pub struct Doc {
    /// The running header, left (the project) and right (title and date), in the PDF.
    pub running_left: String,
    pub running_right: String,
    pub blocks: Vec<Block>,
}

/// Builds a [`Doc`] block by block.
#[derive(Debug, Default)]
pub struct Writer {
    pub blocks: Vec<Block>,
}

impl Writer {
    pub fn push(&mut self, b: Block) {
        self.blocks.push(b);
    }

    /// A part's heading, on a new page when `new_page`, in the outline.
    pub fn part(&mut self, text: &str, new_page: bool) {
        if new_page {
            self.push(Block::PageBreak);
        }
        self.push(Block::Heading {
            level: 1,
            text: text.to_string(),
            tone: Tone::Accent,
            outline: true,
        });
    }

    pub fn heading(&mut self, level: u8, text: &str, tone: Tone, outline: bool) {
        self.push(Block::Heading {
            level,
            text: text.to_string(),
            tone,
            outline,
        });
    }

    pub fn para(&mut self, text: &str, tone: Tone, size: Size) {
        self.push(Block::Para {
            text: text.to_string(),
            tone,
            strong: false,
            size,
            indent: false,
        });
    }

    pub fn strong(&mut self, text: &str, tone: Tone, size: Size) {
        self.push(Block::Para {
            text: text.to_string(),
            tone,
            strong: true,
            size,
            indent: false,
        });
    }

    pub fn indented(&mut self, text: &str, tone: Tone, size: Size) {
        self.push(Block::Para {
            text: text.to_string(),
            tone,
            strong: false,
            size,
            indent: true,
        });
    }

    pub fn field(&mut self, label: &str, value: &str, tone: Tone, strong: bool, indent: bool) {
        self.push(Block::Field {
            label: label.to_string(),
            value: value.to_string(),
            tone,
            strong,
            size: Size::Body,
            indent,
        });
    }

    /// A labelled value in small print (a fingerprint).
    pub fn small_field(&mut self, label: &str, value: &str) {
        self.push(Block::Field {
            label: label.to_string(),
            value: value.to_string(),
            tone: Tone::Normal,
            strong: false,
            size: Size::Small,
            indent: false,
        });
    }

    pub fn space(&mut self, h: f32) {
        self.push(Block::Space(h));
    }
}

/// The blocks with every [`Block::Linked`] replaced by the block it wraps (for renderers that
/// have no links).
pub fn flatten(blocks: &[Block]) -> Vec<&Block> {
    let mut out = Vec::with_capacity(blocks.len());
    for b in blocks {
        let mut b = b;
        while let Block::Linked { block, .. } = b {
            b = block;
        }
        out.push(b);
    }
    out
}

impl Doc {
    /// Every heading's text, in order (tests, and the outline check).
    pub fn headings(&self) -> Vec<&str> {
        self.blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading { text, .. } | Block::Title { title: text, .. } => {
                    Some(text.as_str())
                }
                _ => None,
            })
            .collect()
    }

    /// Every text the document carries, in order: for tests that check that both renderings
    /// say the same.
    pub fn texts(&self) -> Vec<&str> {
        let mut out = Vec::new();
        let flat = flatten(&self.blocks);
        for b in flat {
            match b {
                Block::Title { title, subtitle } => out.extend([title.as_str(), subtitle.as_str()]),
                Block::Heading { text: t, .. } | Block::Para { text: t, .. } => {
                    out.push(t.as_str())
                }
                Block::Field { label, value, .. } => out.extend([label.as_str(), value.as_str()]),
                Block::Table(t) => {
                    out.extend(t.cols.iter().map(|c| c.header.as_str()));
                    out.extend(
                        t.rows
                            .iter()
                            .flat_map(|r| r.cells.iter().map(String::as_str)),
                    );
                    out.extend(t.notes.iter().map(String::as_str));
                }
                Block::Items { items, .. } => {
                    for i in items {
                        out.extend(i.head.as_deref());
                        out.push(&i.text);
                    }
                }
                Block::Callout { parts, .. } => {
                    out.extend(parts.iter().flat_map(|(l, t)| [l.as_str(), t.as_str()]))
                }
                Block::Radar(_)
                | Block::AttachmentNote(_)
                | Block::Anchor(_)
                | Block::Linked { .. }
                | Block::PageBreak
                | Block::Space(_)
                | Block::Rule => {}
            }
        }
        out.retain(|t| !t.is_empty());
        out
    }
}

impl Doc {
    /// Every text of the document passed through `f` (for [`super::printable`]).
    pub fn map_texts(&mut self, f: &dyn Fn(&str) -> String) {
        let m = |s: &mut String| *s = f(s);
        m(&mut self.running_left);
        m(&mut self.running_right);
        for b in &mut self.blocks {
            match b {
                Block::Title { title, subtitle } => {
                    m(title);
                    m(subtitle);
                }
                Block::AttachmentNote(t) => m(t),
                Block::Heading { text, .. } | Block::Para { text, .. } => m(text),
                Block::Field { label, value, .. } => {
                    m(label);
                    m(value);
                }
                Block::Table(t) => {
                    t.cols.iter_mut().for_each(|c| m(&mut c.header));
                    t.rows
                        .iter_mut()
                        .for_each(|r| r.cells.iter_mut().for_each(&m));
                    t.notes.iter_mut().for_each(&m);
                }
                Block::Items { items, .. } => {
                    for i in items {
                        if let Some(h) = &mut i.head {
                            m(h);
                        }
                        m(&mut i.text);
                    }
                }
                Block::Callout { parts, .. } => {
                    for (l, t) in parts {
                        m(l);
                        m(t);
                    }
                }
                Block::Radar(axes) => axes.iter_mut().for_each(|a| m(&mut a.title)),
                Block::Linked { block, .. } => {
                    let mut inner = Doc {
                        running_left: String::new(),
                        running_right: String::new(),
                        blocks: vec![std::mem::replace(block.as_mut(), Block::Rule)],
                    };
                    inner.map_texts(f);
                    if let Some(b) = inner.blocks.pop() {
                        **block = b;
                    }
                }
                Block::Anchor(_) | Block::PageBreak | Block::Space(_) | Block::Rule => {}
            }
        }
    }
}
