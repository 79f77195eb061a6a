//! A small flow-layout engine for A4 pages: wraps text with measured widths, breaks pages, keeps
//! headings with what follows, and stamps a header and a "page X of Y" footer on every page.
//!
//! It is pure: widths come from a [`Measure`], and the output is a list of positioned
//! [`Item`]s per page, which `report::pdf` turns into PDF operations. Tests use a fixed-width
//! measure to check that nothing crosses the margins.

/// Text width in points for a string at a font size.
pub trait Measure {
    fn width(&self, text: &str, size: f32, bold: bool) -> f32;

    /// Whether some face of the report can draw `c` (else [`super::printable`] replaces it).
    fn covers(&self, _c: char) -> bool {
        true
    }

    /// Where a hyphen may go in `word` (byte offsets, ascending; [`super::hyphen`]), or `None`
    /// when no hyphenation patterns are at hand.
    fn hyphen_points(&self, _word: &str) -> Option<Vec<usize>> {
        None
    }

    /// A word was cut between characters because no patterns were at hand (the report worker
    /// then asks the page for them, and lays the report out again).
    fn want_hyphenation(&self) {}
}

pub const PAGE_W: f32 = 595.28;
pub const PAGE_H: f32 = 841.89;
pub const MARGIN_X: f32 = 56.0;
/// Where content starts, from the top edge (below the running header).
pub const CONTENT_TOP: f32 = 72.0;
/// Where content must end, from the top edge (above the running footer).
pub const CONTENT_BOTTOM: f32 = PAGE_H - 64.0;
pub const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN_X;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgb(pub u8, pub u8, pub u8);

pub const INK: Rgb = Rgb(0x1b, 0x23, 0x2e);
pub const MUTED: Rgb = Rgb(0x55, 0x5f, 0x6b);
pub const ACCENT: Rgb = Rgb(0x0b, 0x5c, 0x6b);
pub const DANGER: Rgb = Rgb(0xa3, 0x1d, 0x1d);
pub const RULE: Rgb = Rgb(0xc8, 0xcf, 0xd6);
pub const SHADE: Rgb = Rgb(0xee, 0xf2, 0xf4);

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    pub size: f32,
    pub bold: bool,
    pub color: Rgb,
}

impl Style {
    pub const fn new(size: f32, bold: bool, color: Rgb) -> Self {
        Style { size, bold, color }
    }

    pub fn line_height(&self) -> f32 {
        self.size * 1.35
    }
}

pub const BODY: Style = Style::new(10.0, false, INK);
pub const BODY_BOLD: Style = Style::new(10.0, true, INK);
pub const SMALL: Style = Style::new(8.5, false, MUTED);

/// A positioned drawing item; `y` is the text baseline (or the top of a box), measured from the
/// top edge of the page.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Text {
        x: f32,
        y: f32,
        style: Style,
        text: String,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        color: Rgb,
    },
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        color: Rgb,
        width: f32,
    },
    /// A closed vector shape (PDF path), filled and/or stroked.
    Polygon {
        points: Vec<(f32, f32)>,
        fill: Option<Rgb>,
        stroke: Option<Rgb>,
        width: f32,
    },
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub items: Vec<Item>,
    /// Named places links go to: (name, y of the place's top).
    pub anchors: Vec<(String, f32)>,
    /// Areas of the page that link to an anchor.
    pub links: Vec<Link>,
    /// The structure of the tagged PDF: from item index `.0` on, the items belong to the
    /// element path `.1` (outermost first; empty: an artifact such as the running header).
    pub marks: Vec<(usize, Vec<Elem>)>,
}

/// A structure element of the tagged PDF: a number unique in the document and its role
/// (`H1`…`H4`, `P`, `L`, `LI`, `Table`, `TR`, `TH`, `TD`).
#[derive(Debug, Clone, PartialEq)]
pub struct Elem {
    pub id: usize,
    pub role: &'static str,
}

/// An area of a page (top-left `x`, `y`, size `w`, `h`) that links to the anchor `target`.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
    pub target: String,
}

impl Page {
    /// The text items of the page, in drawing order (for tests).
    pub fn texts(&self) -> Vec<&str> {
        self.items
            .iter()
            .filter_map(|i| match i {
                Item::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect()
    }
}

/// Break `text` into lines no wider than `max_w`. Explicit newlines are kept; runs of spaces
/// collapse. Chinese and Japanese text, written without spaces, may break between any two
/// characters, except before closing punctuation and after opening punctuation ([`segments`]).
/// A word longer than a line breaks at a hyphen or the punctuation of an address, else where
/// a hyphenation rule allows (with a hyphen added), and only then between characters.
pub fn wrap(m: &dyn Measure, text: &str, size: f32, bold: bool, max_w: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let space = m.width(" ", size, bold);
    for para in text.split('\n') {
        let mut line = String::new();
        let mut line_w = 0.0f32;
        // Each piece, and whether it follows the one before without a space (a piece of
        // Chinese or Japanese text).
        let words: Vec<(&str, bool)> = para
            .split_whitespace()
            .flat_map(|w| segments(w).into_iter().enumerate().map(|(i, s)| (s, i > 0)))
            .collect();
        if words.is_empty() {
            lines.push(String::new());
            continue;
        }
        for (word, glued) in words {
            let (space, sep) = if glued { (0.0, "") } else { (space, " ") };
            let w = m.width(word, size, bold);
            if line.is_empty() && w <= max_w {
                line.push_str(word);
                line_w = w;
            } else if !line.is_empty() && line_w + space + w <= max_w {
                line.push_str(sep);
                line.push_str(word);
                line_w += space + w;
            } else if w <= max_w {
                lines.push(std::mem::take(&mut line));
                line.push_str(word);
                line_w = w;
            } else {
                // A word wider than a whole line: first at the places a reader expects a break
                // (after a hyphen, or after a slash, dot or `?`, `&`, `=` of an address), each
                // piece on the line where it fits; then, if a piece is still too wide, by chars.
                let mut rest = word;
                let mut placed = false;
                loop {
                    let rw = m.width(rest, size, bold);
                    if rw <= max_w {
                        if !line.is_empty() && line_w + space + rw > max_w {
                            lines.push(std::mem::take(&mut line));
                            line_w = 0.0;
                        }
                        if !line.is_empty() {
                            line.push_str(sep);
                            line_w += space;
                        }
                        line.push_str(rest);
                        line_w += rw;
                        placed = true;
                        break;
                    }
                    match break_at(m, rest, size, bold, max_w, line_w, line.is_empty(), space) {
                        Some(cut) => {
                            if !line.is_empty() {
                                line.push_str(sep);
                            }
                            line.push_str(&rest[..cut]);
                            lines.push(std::mem::take(&mut line));
                            line_w = 0.0;
                            rest = &rest[cut..];
                        }
                        None if !line.is_empty() => {
                            lines.push(std::mem::take(&mut line));
                            line_w = 0.0;
                        }
                        None => break,
                    }
                }
                if placed {
                    continue;
                }
                // Here the line is empty (the loop above closed it): the rest goes on fresh
                // lines.
                loop {
                    if m.width(rest, size, bold) <= max_w {
                        line = rest.to_string();
                        line_w = m.width(rest, size, bold);
                        break;
                    }
                    let (cut, hyphen) = cut_word(m, rest, size, bold, max_w);
                    let n = cut.max(rest.chars().next().map(char::len_utf8).unwrap_or(0));
                    if n >= rest.len() {
                        line = rest.to_string();
                        line_w = m.width(rest, size, bold);
                        break;
                    }
                    let mut piece = rest[..n].to_string();
                    if hyphen && n == cut {
                        piece.push('-');
                    }
                    lines.push(piece);
                    rest = &rest[n..];
                }
            }
        }
        lines.push(line);
    }
    lines
}

/// Whether `c` is written without spaces between words (Chinese characters, Japanese kana,
/// CJK punctuation and full-width forms), so that a line may break next to it. Korean Hangul,
/// written with spaces, is not.
fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

/// Characters a line must not start with: closing punctuation, small kana and the prolonged
/// sound mark (the Japanese *kinsoku* rule), and their Latin counterparts (written as escapes:
/// the built-in faces, which every text of `src/report` must fit, have no CJK).
const NO_BREAK_BEFORE: &str = "\u{3001}\u{3002}\u{FF0C}\u{FF0E}\u{FF1A}\u{FF1B}\u{FF1F}\u{FF01}\u{FF09}\u{300D}\u{300F}\u{3011}\u{3015}\u{3009}\u{300B}\u{3017}\u{3019}\u{301B}\u{301F}\u{2019}\u{201D}\u{2026}\u{2025}\u{30FC}\u{3041}\u{3043}\u{3045}\u{3047}\u{3049}\u{3063}\u{3083}\u{3085}\u{3087}\u{308E}\u{3095}\u{3096}\u{30A1}\u{30A3}\u{30A5}\u{30A7}\u{30A9}\u{30C3}\u{30E3}\u{30E5}\u{30E7}\u{30EE}\u{30F5}\u{30F6}\u{3005}\u{303B}\u{30FB}\u{309B}\u{309C}\u{30FD}\u{30FE}\u{309D}\u{309E}\u{FF09}\u{FF3D}\u{FF5D}\u{FF0C}\u{FF0E}\u{FF1A}\u{FF1B}\u{FF1F}\u{FF01}\u{FF63}),.:;!?]}%";
/// Characters a line must not end with: opening punctuation.
const NO_BREAK_AFTER: &str = "\u{FF08}\u{300C}\u{300E}\u{3010}\u{3014}\u{3008}\u{300A}\u{3016}\u{3018}\u{301A}\u{301D}\u{2018}\u{201C}\u{FF3B}\u{FF5B}\u{FF62}([{";

/// `word` cut where a line may break inside it: between two characters when one of them is
/// Chinese or Japanese ([`is_cjk`]), unless the second closes or the first opens a bracket or
/// a quote. A word without such characters is one piece.
pub fn segments(word: &str) -> Vec<&str> {
    // No CJK character (each starts with a byte from 0xE2 in UTF-8): one piece, at once.
    if word.bytes().all(|b| b < 0xE2) {
        return vec![word];
    }
    let mut out = Vec::new();
    let mut start = 0;
    let mut prev: Option<char> = None;
    for (i, c) in word.char_indices() {
        if let Some(p) = prev {
            if (is_cjk(p) || is_cjk(c))
                && !NO_BREAK_BEFORE.contains(c)
                && !NO_BREAK_AFTER.contains(p)
            {
                out.push(&word[start..i]);
                start = i;
            }
        }
        prev = Some(c);
    }
    out.push(&word[start..]);
    out
}

/// Where to break a word that is wider than a line: the longest prefix that ends just after a
/// break character (`-`, `/`, `.`, `?`, `&`, `=`, `_`) and fits in what is left of the line.
/// `None` when no such prefix fits (the caller then closes the line and tries a fresh one).
#[allow(clippy::too_many_arguments)]
fn break_at(
    m: &dyn Measure,
    word: &str,
    size: f32,
    bold: bool,
    max_w: f32,
    line_w: f32,
    line_empty: bool,
    space: f32,
) -> Option<usize> {
    let room = if line_empty {
        max_w
    } else {
        max_w - line_w - space
    };
    let cuts: Vec<usize> = word
        .char_indices()
        .filter(|(i, c)| "-/.?&=_".contains(*c) && i + c.len_utf8() < word.len())
        .map(|(i, c)| i + c.len_utf8())
        .collect();
    cuts.into_iter()
        .rev()
        .find(|&i| m.width(&word[..i], size, bold) <= room)
}

/// Where to cut a word that is wider than `room` and has no break character that fits: the
/// last place a hyphenation rule allows where the piece with its hyphen fits (`true`: add the
/// hyphen), else the longest prefix that fits (a cut between characters, for a code or a
/// number, or a word of a language without patterns). No patterns at hand: the measure is told
/// ([`Measure::want_hyphenation`]) when the word has letters.
fn cut_word(m: &dyn Measure, word: &str, size: f32, bold: bool, room: f32) -> (usize, bool) {
    match m.hyphen_points(word) {
        Some(points) => {
            let hyphen = m.width("-", size, bold);
            if let Some(p) = points
                .into_iter()
                .rev()
                .find(|&p| m.width(&word[..p], size, bold) + hyphen <= room)
            {
                return (p, true);
            }
        }
        None => {
            if word
                .chars()
                .filter(|c| super::hyphen::is_letter(*c))
                .count()
                >= 4
            {
                m.want_hyphenation();
            }
        }
    }
    (fit_prefix(m, word, size, bold, room), false)
}

/// The longest prefix (in bytes, on a char boundary) of `s` that fits in `max_w`.
fn fit_prefix(m: &dyn Measure, s: &str, size: f32, bold: bool, max_w: f32) -> usize {
    if max_w <= 0.0 {
        return 0;
    }
    let mut end = 0;
    let mut w = 0.0;
    for (i, c) in s.char_indices() {
        let mut buf = [0u8; 4];
        w += m.width(c.encode_utf8(&mut buf), size, bold);
        if w > max_w {
            break;
        }
        end = i + c.len_utf8();
    }
    end
}

/// A column of a table: header, share of the content width, and whether it is right-aligned.
pub struct Column<'a> {
    pub header: &'a str,
    pub share: f32,
    pub right: bool,
}

pub struct Layout<'m> {
    m: &'m dyn Measure,
    pub pages: Vec<Page>,
    /// Current position from the top edge.
    pub y: f32,
    /// Document outline: (title, 1-based page).
    pub bookmarks: Vec<(String, usize)>,
    /// The open structure elements, outermost first (see [`Page::marks`]).
    stack: Vec<Elem>,
    next_elem: usize,
    /// Tag text drawn outside any open element by itself: a heading by its size (H1 from 20
    /// points, H2 from 14, else H3), other text as a paragraph. For documents laid out without
    /// a block structure (the workshop summary).
    pub auto_tag: bool,
}

impl<'m> Layout<'m> {
    pub fn new(m: &'m dyn Measure) -> Self {
        Layout {
            m,
            pages: vec![Page::default()],
            y: CONTENT_TOP,
            bookmarks: Vec::new(),
            stack: Vec::new(),
            next_elem: 0,
            auto_tag: false,
        }
    }

    /// Open `role` when auto-tagging and no element is open; whether it did.
    fn auto_begin(&mut self, role: &'static str) -> bool {
        let open = self.auto_tag && self.stack.is_empty();
        if open {
            self.begin(role);
        }
        open
    }

    /// Open a structure element of the tagged PDF (what is drawn until [`Self::end`] belongs
    /// to it).
    pub fn begin(&mut self, role: &'static str) {
        self.stack.push(Elem {
            id: self.next_elem,
            role,
        });
        self.next_elem += 1;
        self.mark();
    }

    /// Close the innermost open structure element.
    pub fn end(&mut self) {
        self.stack.pop();
        self.mark();
    }

    /// Note where on the page the open elements change.
    fn mark(&mut self) {
        let stack = self.stack.clone();
        let page = self.page();
        let at = page.items.len();
        match page.marks.last_mut() {
            Some((i, s)) if *i == at => *s = stack,
            _ => page.marks.push((at, stack)),
        }
    }

    /// Mark the current page in the document outline.
    pub fn bookmark(&mut self, title: &str) {
        let page = self.pages.len().max(1);
        self.bookmarks.push((title.to_string(), page));
    }

    /// Mark the current position as the place links to `name` go.
    pub fn anchor(&mut self, name: &str) {
        let y = self.y;
        self.page().anchors.push((name.to_string(), y));
    }

    /// The current position: (page index, y).
    pub fn at(&self) -> (usize, f32) {
        (self.pages.len().saturating_sub(1), self.y)
    }

    /// Make what was laid out since `start` (the content's width) a link to `target`, on every
    /// page it runs over.
    pub fn link_since(&mut self, start: (usize, f32), target: &str) {
        let end = self.at();
        for p in start.0..=end.0 {
            let top = if p == start.0 { start.1 } else { CONTENT_TOP };
            let bottom = if p == end.0 { end.1 } else { CONTENT_BOTTOM };
            if bottom - top > 1.0 {
                if let Some(page) = self.pages.get_mut(p) {
                    page.links.push(Link {
                        x: MARGIN_X,
                        y: top,
                        w: CONTENT_W,
                        h: bottom - top,
                        target: target.to_string(),
                    });
                }
            }
        }
    }

    /// Reserve `h` points of height (on a new page if needed) and return the top of the block.
    pub fn block(&mut self, h: f32) -> f32 {
        self.ensure(h);
        let top = self.y;
        self.y += h;
        top
    }

    /// Draw an item on the current page.
    pub fn draw(&mut self, item: Item) {
        self.page().items.push(item);
    }

    /// Start a new page unless the current one is still empty.
    pub fn page_break(&mut self) {
        if self.y > CONTENT_TOP {
            self.new_page();
        }
    }

    pub fn measure(&self) -> &dyn Measure {
        self.m
    }

    fn page(&mut self) -> &mut Page {
        if self.pages.is_empty() {
            self.pages.push(Page::default());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    pub fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = CONTENT_TOP;
        self.mark();
    }

    /// Start a new page unless `h` points still fit on this one.
    pub fn ensure(&mut self, h: f32) {
        if self.y + h > CONTENT_BOTTOM && self.y > CONTENT_TOP {
            self.new_page();
        }
    }

    /// Vertical space. At the top of a page it is dropped: there it would only push the page's
    /// content down, or leave a page blank before a page break.
    pub fn space(&mut self, h: f32) {
        if self.y <= CONTENT_TOP {
            return;
        }
        self.y += h;
        if self.y > CONTENT_BOTTOM {
            self.new_page();
        }
    }

    /// Wrapped text at an indent, flowing across pages line by line.
    /// Where a text that began on an earlier page goes on: "(continued)" in small print at the
    /// top of the new page, so that a reader who turns to it knows the text did not start here.
    fn mark_continued(&mut self, indent: f32) {
        let style = Style::new(7.5, false, MUTED);
        let y = self.y + style.size;
        let text = crate::t!("(continued)");
        // An artifact: not part of the text a screen reader reads.
        let open = std::mem::take(&mut self.stack);
        self.mark();
        self.page().items.push(Item::Text {
            x: MARGIN_X + indent,
            y,
            style,
            text,
        });
        self.stack = open;
        self.mark();
        self.y += style.line_height();
    }

    /// [`Self::ensure`] for the next line of a text: marks the text as continued when that line
    /// starts a new page and is not the text's first.
    fn ensure_line(&mut self, lh: f32, first: bool, indent: f32) {
        let before = self.pages.len();
        self.ensure(lh);
        if !first && self.pages.len() > before {
            self.mark_continued(indent);
        }
    }

    pub fn text(&mut self, text: &str, style: Style, indent: f32) {
        let opened = self.auto_begin("P");
        self.text_in(text, style, indent);
        if opened {
            self.end();
        }
    }

    fn text_in(&mut self, text: &str, style: Style, indent: f32) {
        let lh = style.line_height();
        for (i, line) in wrap(self.m, text, style.size, style.bold, CONTENT_W - indent)
            .into_iter()
            .enumerate()
        {
            self.ensure_line(lh, i == 0, indent);
            let y = self.y + style.size;
            if !line.is_empty() {
                self.page().items.push(Item::Text {
                    x: MARGIN_X + indent,
                    y,
                    style,
                    text: line,
                });
            }
            self.y += lh;
        }
    }

    /// A label in bold followed by wrapped text, e.g. "Answer: Yes".
    pub fn labelled(&mut self, label: &str, text: &str, style: Style, indent: f32) {
        let opened = self.auto_begin("P");
        self.labelled_in(label, text, style, indent);
        if opened {
            self.end();
        }
    }

    fn labelled_in(&mut self, label: &str, text: &str, style: Style, indent: f32) {
        let bold = Style {
            bold: true,
            ..style
        };
        let label_w = self.m.width(label, style.size, true) + self.m.width(" ", style.size, false);
        let lh = style.line_height();
        let lines = wrap(
            self.m,
            text,
            style.size,
            style.bold,
            CONTENT_W - indent - label_w,
        );
        for (i, line) in lines.into_iter().enumerate() {
            self.ensure_line(lh, i == 0, indent + label_w);
            let y = self.y + style.size;
            if i == 0 {
                self.page().items.push(Item::Text {
                    x: MARGIN_X + indent,
                    y,
                    style: bold,
                    text: label.to_string(),
                });
            }
            if !line.is_empty() {
                self.page().items.push(Item::Text {
                    x: MARGIN_X + indent + label_w,
                    y,
                    style,
                    text: line,
                });
            }
            self.y += lh;
        }
    }

    /// A heading, kept on the same page as at least `keep_with` points of what follows.
    pub fn heading(&mut self, text: &str, style: Style, keep_with: f32) {
        self.heading_marked(text, style, keep_with, false);
    }

    /// A heading, also in the outline when `bookmark` (on the page the heading lands on).
    pub fn heading_marked(&mut self, text: &str, style: Style, keep_with: f32, bookmark: bool) {
        let lines = wrap(self.m, text, style.size, style.bold, CONTENT_W);
        let h = lines.len() as f32 * style.line_height();
        self.ensure(h + keep_with);
        if bookmark {
            self.bookmark(text);
        }
        let role = if style.size >= 20.0 {
            "H1"
        } else if style.size >= 14.0 {
            "H2"
        } else {
            "H3"
        };
        let opened = self.auto_begin(role);
        self.text_in(text, style, 0.0);
        if opened {
            self.end();
        }
    }

    /// A callout: lines on a shaded band with a coloured bar at its left, flowing across pages
    /// line by line (the band is drawn per line, so it continues on the next page). Each
    /// `(label, text)` part starts a new line, its label in bold; an empty label gives plain
    /// text.
    pub fn callout(
        &mut self,
        parts: &[(&str, &str)],
        style: Style,
        fill: Rgb,
        bar: Rgb,
        indent: f32,
    ) {
        const PAD: f32 = 4.0;
        const BAR: f32 = 2.5;
        const INSET: f32 = 8.0;
        let lh = style.line_height();
        let x0 = MARGIN_X + indent;
        let w = CONTENT_W - indent;
        let band = |page: &mut Page, y: f32, h: f32| {
            page.items.push(Item::Rect {
                x: x0,
                y,
                w,
                h,
                color: fill,
            });
            page.items.push(Item::Rect {
                x: x0,
                y,
                w: BAR,
                h,
                color: bar,
            });
        };
        self.ensure(lh + 2.0 * PAD);
        let top = self.y;
        band(self.page(), top, PAD);
        self.y += PAD;
        let bold = Style {
            bold: true,
            ..style
        };
        let space = self.m.width(" ", style.size, false);
        for (label, text) in parts {
            let label_w = if label.is_empty() {
                0.0
            } else {
                self.m.width(label, style.size, true) + space
            };
            let max_w = w - INSET - 4.0 - label_w;
            for (i, line) in wrap(self.m, text, style.size, style.bold, max_w)
                .into_iter()
                .enumerate()
            {
                if self.y + lh > CONTENT_BOTTOM && self.y > CONTENT_TOP {
                    self.new_page();
                }
                let y = self.y;
                band(self.page(), y, lh);
                if i == 0 && !label.is_empty() {
                    self.page().items.push(Item::Text {
                        x: x0 + INSET,
                        y: y + style.size,
                        style: bold,
                        text: label.to_string(),
                    });
                }
                if !line.is_empty() {
                    self.page().items.push(Item::Text {
                        x: x0 + INSET + label_w,
                        y: y + style.size,
                        style,
                        text: line,
                    });
                }
                self.y += lh;
            }
        }
        let y = self.y;
        if y + PAD <= CONTENT_BOTTOM {
            band(self.page(), y, PAD);
        }
        self.y += PAD;
    }

    /// A horizontal rule across the content width.
    pub fn rule(&mut self, color: Rgb) {
        let y = self.y;
        self.page().items.push(Item::Line {
            x1: MARGIN_X,
            y1: y,
            x2: PAGE_W - MARGIN_X,
            y2: y,
            color,
            width: 0.6,
        });
    }

    /// A table with a shaded header row (repeated on each page it spans) and wrapped cells.
    pub fn table(&mut self, cols: &[Column<'_>], rows: &[Vec<String>], row_styles: &[Style]) {
        self.table_linked(cols, rows, row_styles, &[]);
    }

    /// [`Self::table`], each row linking to the anchor of `links` (by index; `None`: no link).
    pub fn table_linked(
        &mut self,
        cols: &[Column<'_>],
        rows: &[Vec<String>],
        row_styles: &[Style],
        links: &[Option<String>],
    ) {
        let pad = 4.0;
        let header_style = Style::new(9.0, true, INK);
        // Columns are as wide as their longest word in the widest style used (a bold row).
        let body_style = row_styles
            .iter()
            .copied()
            .find(|s| s.bold)
            .or(row_styles.first().copied())
            .unwrap_or(Style::new(9.0, false, INK));
        let widths = self.column_widths(cols, rows, header_style, body_style, pad);
        let header: Vec<String> = cols.iter().map(|c| c.header.to_string()).collect();
        // The header row with at least the first row under it.
        let first = rows.first().map(|row| {
            let style = row_styles
                .first()
                .copied()
                .unwrap_or(Style::new(9.0, false, INK));
            self.row_height(&widths, row, style, pad)
        });
        let header_h = self.row_height(&widths, &header, header_style, pad);
        self.ensure(header_h + first.unwrap_or(header_style.line_height() + 2.0 * pad));
        self.begin("Table");
        self.table_row(cols, &widths, &header, header_style, Some(SHADE), pad);
        for (r, row) in rows.iter().enumerate() {
            let style = row_styles
                .get(r)
                .copied()
                .unwrap_or(Style::new(9.0, false, INK));
            let h = self.row_height(&widths, row, style, pad);
            if self.y + h > CONTENT_BOTTOM {
                self.new_page();
                self.table_row(cols, &widths, &header, header_style, Some(SHADE), pad);
            }
            let start = self.at();
            self.table_row(cols, &widths, row, style, None, pad);
            if let Some(Some(target)) = links.get(r) {
                self.link_since(start, target);
            }
        }
        self.end();
    }

    /// The column widths: each its share of the content width, but never narrower than the
    /// longest word of its header or of its cells (a translated header such as "Beantwoord", or
    /// a long Dutch word such as "gebruiksverantwoordelijke", is not broken inside the word);
    /// what that takes comes from the columns with room to spare. Should that not be enough,
    /// the shares stand and long words break.
    fn column_widths(
        &self,
        cols: &[Column<'_>],
        rows: &[Vec<String>],
        header_style: Style,
        body_style: Style,
        pad: f32,
    ) -> Vec<f32> {
        let mut widths: Vec<f32> = cols.iter().map(|c| c.share * CONTENT_W).collect();
        let longest = |text: &str, style: Style| {
            text.split_whitespace()
                .flat_map(segments)
                .map(|w| self.m.width(w, style.size, style.bold))
                .fold(0.0f32, f32::max)
        };
        let least: Vec<f32> = cols
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let cells = rows
                    .iter()
                    .filter_map(|r| r.get(i))
                    .map(|t| longest(t, body_style))
                    .fold(0.0f32, f32::max);
                longest(c.header, header_style).max(cells) + 2.0 * pad + 0.5
            })
            .collect();
        let short: f32 = widths
            .iter()
            .zip(&least)
            .map(|(w, l)| (l - w).max(0.0))
            .sum();
        let spare: f32 = widths
            .iter()
            .zip(&least)
            .map(|(w, l)| (w - l).max(0.0))
            .sum();
        if short <= 0.0 || spare < short {
            return widths;
        }
        for (w, l) in widths.iter_mut().zip(&least) {
            if *w < *l {
                *w = *l;
            } else {
                *w -= (*w - l) / spare * short;
            }
        }
        widths
    }

    fn row_height(&self, widths: &[f32], row: &[String], style: Style, pad: f32) -> f32 {
        let lines = row
            .iter()
            .zip(widths)
            .map(|(cell, w)| wrap(self.m, cell, style.size, style.bold, w - 2.0 * pad).len())
            .max()
            .unwrap_or(1);
        lines as f32 * style.line_height() + 2.0 * pad
    }

    fn table_row(
        &mut self,
        cols: &[Column<'_>],
        widths: &[f32],
        row: &[String],
        style: Style,
        fill: Option<Rgb>,
        pad: f32,
    ) {
        let h = self.row_height(widths, row, style, pad);
        let top = self.y;
        let m = self.m;
        if let Some(color) = fill {
            self.page().items.push(Item::Rect {
                x: MARGIN_X,
                y: top,
                w: CONTENT_W,
                h,
                color,
            });
        }
        // The shaded row is the header row: its cells are header cells.
        let cell_role = if fill.is_some() { "TH" } else { "TD" };
        self.begin("TR");
        let mut x = MARGIN_X;
        for ((cell, w), col) in row.iter().zip(widths).zip(cols) {
            self.begin(cell_role);
            let page = self.page();
            for (i, line) in wrap(m, cell, style.size, style.bold, w - 2.0 * pad)
                .into_iter()
                .enumerate()
            {
                let lw = m.width(&line, style.size, style.bold);
                let lx = if col.right { x + w - pad - lw } else { x + pad };
                let y = top + pad + style.size + i as f32 * style.line_height();
                if !line.is_empty() {
                    page.items.push(Item::Text {
                        x: lx,
                        y,
                        style,
                        text: line,
                    });
                }
            }
            self.end();
            x += w;
        }
        self.end();
        self.page().items.push(Item::Line {
            x1: MARGIN_X,
            y1: top + h,
            x2: PAGE_W - MARGIN_X,
            y2: top + h,
            color: RULE,
            width: 0.5,
        });
        self.y = top + h;
    }

    /// Stamp the running header and the "page X of Y" footer on every page, and return the pages
    /// with the outline.
    pub fn finish(
        mut self,
        header_left: &str,
        header_right: &str,
    ) -> (Vec<Page>, Vec<(String, usize)>) {
        let total = self.pages.len();
        let m = self.m;
        let small = SMALL;
        let right_w = m.width(header_right, small.size, false);
        // Leave room for the right part so that a long project name never overlaps it.
        let left_lines = wrap(
            m,
            header_left,
            small.size,
            false,
            CONTENT_W - right_w - 12.0,
        );
        let left = match left_lines.len() {
            0 => String::new(),
            1 => left_lines[0].clone(),
            _ => format!("{}…", left_lines[0].trim_end().trim_end_matches('-')),
        };
        for (i, page) in self.pages.iter_mut().enumerate() {
            // The running header and footer are artifacts.
            if !page.marks.is_empty() {
                page.marks.push((page.items.len(), Vec::new()));
            }
            let header_y = 40.0;
            page.items.push(Item::Text {
                x: MARGIN_X,
                y: header_y,
                style: small,
                text: left.clone(),
            });
            page.items.push(Item::Text {
                x: PAGE_W - MARGIN_X - right_w,
                y: header_y,
                style: small,
                text: header_right.to_string(),
            });
            page.items.push(Item::Line {
                x1: MARGIN_X,
                y1: header_y + 6.0,
                x2: PAGE_W - MARGIN_X,
                y2: header_y + 6.0,
                color: RULE,
                width: 0.5,
            });
            let footer = crate::t!("page {0} of {1}", i + 1, total);
            let fw = m.width(&footer, small.size, false);
            let footer_y = PAGE_H - 36.0;
            page.items.push(Item::Line {
                x1: MARGIN_X,
                y1: footer_y - 12.0,
                x2: PAGE_W - MARGIN_X,
                y2: footer_y - 12.0,
                color: RULE,
                width: 0.5,
            });
            page.items.push(Item::Text {
                x: PAGE_W - MARGIN_X - fw,
                y: footer_y,
                style: small,
                text: footer,
            });
        }
        (self.pages, self.bookmarks)
    }
}
