//! PDF output, written by our own small PDF writer (issue 17: printpdf and its font stack were
//! most of the report worker): the embedded DejaVu Sans faces cut down to the glyphs a document
//! uses ([`super::ttf`]), text measured with their real advance widths, and the laid-out pages
//! drawn as PDF content streams, with the outline, the document information and the attached
//! assessment file. Reading PDFs back (import) stays with lopdf.

use super::layout::Elem;
use super::layout::{Item, Measure, Page, Rgb, PAGE_H, PAGE_W};
use super::ttf::Font;
use super::{build_pages, report_title, tool_name, ReportInfo};
use crate::answers::Assessment;
use crate::i18n::Lang;
use crate::model::Questionnaire;
use crate::t;
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;

// The built-in faces: DejaVu Sans cut down to the characters reports use and ordinary user
// text needs (scripts/subset-fonts.sh; about 100 KB each instead of 760 and 710 KB). A report
// with a character the subset lacks but the full font has is made with the full fonts, which
// the page fetches for that report (issue 17).
const REGULAR_SUBSET: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.subset.ttf");
const BOLD_SUBSET: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.subset.ttf");
/// The characters the full regular face has, as hex ranges (`20-7E`), one a line.
const FULL_COVERAGE: &str = include_str!("../../assets/fonts/DejaVuSans.coverage");
/// The characters the fallback face has (Chinese, Japanese, Korean; issue 19), as hex ranges.
const FALLBACK_COVERAGE: &str = include_str!("../../assets/fonts/DroidSansFallback.coverage");

/// The faces a PDF is drawn with: DejaVu Sans regular and bold (the built-in subset or the full
/// faces), and, for a document with Chinese, Japanese or Korean text, the fallback face (Droid
/// Sans Fallback), which draws the characters DejaVu lacks. It has no bold: bold text in it is
/// drawn filled and outlined.
pub struct Fonts {
    regular: Font,
    bold: Font,
    fallback: Option<Font>,
    widths: RefCell<HashMap<(bool, char), f32>>,
    /// The built-in subset (not the full faces).
    subset: bool,
    /// The hyphenation patterns of the document's language, when the page sent them.
    hyphenation: Option<super::hyphen::Patterns>,
    /// A word was cut between characters for want of patterns (reset per document).
    wanted: std::cell::Cell<bool>,
}

/// What a document needs that the [`Fonts`] it was laid out with do not have: the full DejaVu
/// faces, the fallback face, the hyphenation patterns (the page fetches them; issues 17, 19).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Needs {
    pub full: bool,
    pub fallback: bool,
    /// The hyphenation patterns of the document's language: a word wider than its line was
    /// cut between characters.
    pub hyphenation: bool,
}

impl Needs {
    pub fn any(&self) -> bool {
        self.full || self.fallback || self.hyphenation
    }
}

/// Index of the fallback face in [`Used::glyphs`] and its font resource (`/F3`).
const FALLBACK: usize = 2;

impl Fonts {
    /// The built-in subset.
    pub fn load() -> Result<Fonts, String> {
        Self::parse(REGULAR_SUBSET, BOLD_SUBSET, true)
    }

    /// The full faces, from the files the page fetched.
    pub fn from_files(regular: &[u8], bold: &[u8]) -> Result<Fonts, String> {
        Self::parse(regular, bold, false)
    }

    /// These faces with the fallback face, from the file the page fetched.
    pub fn with_fallback(mut self, data: &[u8]) -> Result<Fonts, String> {
        let f = Font::parse(data)
            .ok_or_else(|| t!("the font for Chinese, Japanese and Korean could not be read"))?;
        self.fallback = Some(f);
        self.widths.borrow_mut().clear();
        Ok(self)
    }

    /// The full faces and the fallback face (native code has them built in).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn full() -> Result<Fonts, String> {
        Self::from_files(
            include_bytes!("../../assets/fonts/DejaVuSans.ttf"),
            include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf"),
        )?
        .with_fallback(include_bytes!("../../assets/fonts/DroidSansFallback.ttf"))
    }

    fn parse(regular: &[u8], bold: &[u8], subset: bool) -> Result<Fonts, String> {
        let regular = Font::parse(regular)
            .ok_or_else(|| t!("the built-in regular font could not be read"))?;
        let bold =
            Font::parse(bold).ok_or_else(|| t!("the built-in bold font could not be read"))?;
        Ok(Fonts {
            regular,
            bold,
            fallback: None,
            widths: RefCell::new(HashMap::new()),
            subset,
            hyphenation: None,
            wanted: std::cell::Cell::new(false),
        })
    }

    /// These faces with the hyphenation patterns of the document's language (the text of
    /// `assets/hyph/hyph-<lang>.txt`, which the page fetched).
    pub fn with_patterns(mut self, text: &str) -> Fonts {
        self.hyphenation = Some(super::hyphen::Patterns::parse(text));
        self
    }

    /// Start a document: forget that an earlier one wanted patterns.
    fn begin(&self) {
        self.wanted.set(false);
    }

    /// Whether these are the built-in subset faces.
    pub fn is_subset(&self) -> bool {
        self.subset
    }

    fn face(&self, bold: bool) -> &Font {
        if bold {
            &self.bold
        } else {
            &self.regular
        }
    }

    /// The face that draws `c`: 0 regular, 1 bold, [`FALLBACK`] when only the fallback face has
    /// it.
    fn face_of(&self, c: char, bold: bool) -> usize {
        if let Some(f) = &self.fallback {
            if self.face(bold).glyph(c) == 0 && f.glyph(c) != 0 {
                return FALLBACK;
            }
        }
        usize::from(bold)
    }

    fn font(&self, face: usize) -> &Font {
        match (face, &self.fallback) {
            (FALLBACK, Some(f)) => f,
            (1, _) => &self.bold,
            _ => &self.regular,
        }
    }

    /// Whether some face of these has a glyph for `c` (in bold text: the bold face, or the
    /// fallback face).
    pub fn has(&self, c: char, bold: bool) -> bool {
        self.face(bold).glyph(c) != 0 || self.fallback.as_ref().is_some_and(|f| f.glyph(c) != 0)
    }

    /// What `pages` need that these faces are not: the full faces for a character outside the
    /// subset that they have, the fallback face for one only it has (what no face has,
    /// [`super::printable`] has replaced), the patterns when a word was cut for want of them.
    pub fn needs(&self, pages: &[Page]) -> Needs {
        let mut needs = Needs {
            hyphenation: self.hyphenation.is_none() && self.wanted.get(),
            ..Needs::default()
        };
        for item in pages.iter().flat_map(|p| &p.items) {
            if let Item::Text { text, style, .. } = item {
                for c in text.chars().filter(|c| !self.has(*c, style.bold)) {
                    if self.subset && full_font_has(c) {
                        needs.full = true;
                    } else if self.fallback.is_none() && fallback_font_has(c) {
                        needs.fallback = true;
                    }
                }
            }
        }
        needs
    }

    /// Advance width of one char in em units (1.0 = font size).
    fn advance(&self, c: char, bold: bool) -> f32 {
        if let Some(w) = self.widths.borrow().get(&(bold, c)) {
            return *w;
        }
        let f = self.font(self.face_of(c, bold));
        let w = f.advance(f.glyph(c)) as f32 / f.units_per_em as f32;
        self.widths.borrow_mut().insert((bold, c), w);
        w
    }
}

fn in_ranges(ranges: &str, c: char) -> bool {
    let c = c as u32;
    ranges.lines().filter(|l| !l.starts_with('#')).any(|l| {
        let mut ends = l.split('-').map(|x| u32::from_str_radix(x.trim(), 16).ok());
        matches!((ends.next().flatten(), ends.next().flatten()), (Some(a), Some(b)) if a <= c && c <= b)
    })
}

/// Whether the full regular face has a glyph for `c` ([`FULL_COVERAGE`]).
pub fn full_font_has(c: char) -> bool {
    in_ranges(FULL_COVERAGE, c)
}

/// Whether the fallback face has a glyph for `c` ([`FALLBACK_COVERAGE`]).
pub fn fallback_font_has(c: char) -> bool {
    (c as u32) >= 0x2E80 && in_ranges(FALLBACK_COVERAGE, c)
}

impl Measure for Fonts {
    fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
        text.chars().map(|c| self.advance(c, bold)).sum::<f32>() * size
    }

    /// What the full faces or the fallback face have: what the faces in hand lack of it, the
    /// page fetches.
    fn covers(&self, c: char) -> bool {
        full_font_has(c) || fallback_font_has(c)
    }

    fn hyphen_points(&self, word: &str) -> Option<Vec<usize>> {
        self.hyphenation.as_ref().map(|p| p.points(word))
    }

    fn want_hyphenation(&self) {
        self.wanted.set(true);
    }
}

/// The hyphenation patterns of a language (native code has them built in; the page fetches
/// them from `hyph/`).
#[cfg(not(target_arch = "wasm32"))]
pub fn builtin_patterns(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => include_str!("../../assets/hyph/hyph-nl.txt"),
        Lang::En => include_str!("../../assets/hyph/hyph-en.txt"),
    }
}

/// A PDF date (`D:20261129071647+00'00'`) from an RFC 3339 timestamp
/// (`2026-11-29T07:16:47.123Z` or with an offset); `None` when it is not one.
pub fn pdf_date(ts: &str) -> Option<String> {
    let num = |a: usize, b: usize| ts.get(a..b).and_then(|s| s.parse::<u32>().ok());
    let (year, month, day) = (num(0, 4)?, num(5, 7)?, num(8, 10)?);
    let (hour, minute, second) = (
        num(11, 13).unwrap_or(0),
        num(14, 16).unwrap_or(0),
        num(17, 19).unwrap_or(0),
    );
    if !(1..=12).contains(&month)
        || !(1..=31).contains(&day)
        || hour > 23
        || minute > 59
        || second > 60
    {
        return None;
    }
    let tail = ts.get(19..).unwrap_or("");
    let tz = tail.trim_start_matches(|c: char| c == '.' || c.is_ascii_digit());
    let (sign, hours, minutes) = match tz.as_bytes().first() {
        Some(b'+') | Some(b'-') => {
            let h = tz.get(1..3).and_then(|s| s.parse::<u8>().ok()).unwrap_or(0);
            let m = tz.get(4..6).and_then(|s| s.parse::<u8>().ok()).unwrap_or(0);
            (&tz[..1], h.min(23), m.min(59))
        }
        _ => ("+", 0, 0),
    };
    Some(format!(
        "D:{year:04}{month:02}{day:02}{hour:02}{minute:02}{second:02}{sign}{hours:02}'{minutes:02}'"
    ))
}

/// A number for a content stream: at most two decimals, no trailing zeros.
fn num(out: &mut String, v: f32) {
    let r = (v * 100.0).round() / 100.0;
    let r = if r == 0.0 { 0.0 } else { r };
    let _ = write!(out, "{r} ");
}

fn rgb(out: &mut String, c: Rgb, op: &str) {
    for v in [c.0, c.1, c.2] {
        num(out, v as f32 / 255.0);
    }
    out.push_str(op);
    out.push('\n');
}

/// Glyphs used per face, and the character each stands for (for copying text out of the PDF).
#[derive(Default)]
struct Used {
    glyphs: [BTreeMap<u16, char>; 3],
}

/// One page's content stream.
/// One kid of a structure element: another element, or marked content on a page.
enum Kid {
    Elem(usize),
    Mcid { page: usize, mcid: usize },
}

/// The structure tree of a tagged PDF, gathered while the pages' content is written: the
/// elements in the order first met, each with its role, parent and kids in reading order, and
/// per page which element each marked-content id belongs to.
#[derive(Default)]
struct Tags {
    /// (element id, role, parent element id), in the order first met.
    elems: Vec<(usize, &'static str, Option<usize>)>,
    index: HashMap<usize, usize>,
    kids: HashMap<Option<usize>, Vec<Kid>>,
    /// Per page: the element of each MCID.
    mcids: Vec<Vec<usize>>,
}

impl Tags {
    /// Register the path's elements (outermost first) and a new MCID for its innermost; the MCID.
    fn mark(&mut self, page: usize, path: &[Elem]) -> usize {
        let mut parent = None;
        for e in path {
            if !self.index.contains_key(&e.id) {
                self.index.insert(e.id, self.elems.len());
                self.elems.push((e.id, e.role, parent));
                self.kids.entry(parent).or_default().push(Kid::Elem(e.id));
            }
            parent = Some(e.id);
        }
        while self.mcids.len() <= page {
            self.mcids.push(Vec::new());
        }
        let mcid = self.mcids[page].len();
        let leaf = path.last().map(|e| e.id).unwrap_or_default();
        self.mcids[page].push(leaf);
        self.kids
            .entry(Some(leaf))
            .or_default()
            .push(Kid::Mcid { page, mcid });
        mcid
    }
}

/// Whether any page has structure marks (the report does; the workshop summary and the case
/// documents are not tagged yet).
fn tagged(pages: &[Page]) -> bool {
    pages
        .iter()
        .any(|p| p.marks.iter().any(|(_, path)| !path.is_empty()))
}

fn content(
    page: &Page,
    index: usize,
    tags: Option<&mut Tags>,
    fonts: &Fonts,
    used: &mut Used,
) -> String {
    let mut s = String::new();
    let y = |v: f32| PAGE_H - v;
    let mut tags = tags;
    let mut mark = 0;
    let mut path: &[Elem] = &[];
    for (i, item) in page.items.iter().enumerate() {
        while mark < page.marks.len() && page.marks[mark].0 <= i {
            path = &page.marks[mark].1;
            mark += 1;
        }
        // Tagged: text in its element's marked content, the rest an artifact.
        let close = match (&mut tags, item) {
            (Some(t), Item::Text { .. }) if !path.is_empty() => {
                let mcid = t.mark(index, path);
                let role = path.last().map(|e| e.role).unwrap_or("P");
                let _ = writeln!(s, "/{role} <</MCID {mcid}>> BDC");
                true
            }
            (Some(_), _) => {
                s.push_str("/Artifact BMC\n");
                true
            }
            (None, _) => false,
        };
        match item {
            Item::Text {
                x,
                y: ty,
                style,
                text,
            } => {
                s.push_str("BT\n");
                rgb(&mut s, style.color, "rg");
                num(&mut s, *x);
                num(&mut s, y(*ty));
                s.push_str("Td\n");
                // One run per face: DejaVu, and the fallback face for the characters only it
                // has (each `Tj` moves on by the widths of its own font).
                let mut chars = text.chars().peekable();
                while let Some(&first) = chars.peek() {
                    let face = fonts.face_of(first, style.bold);
                    let font = fonts.font(face);
                    let fake_bold = face == FALLBACK && style.bold;
                    let _ = write!(s, "/F{} ", face + 1);
                    num(&mut s, style.size);
                    s.push_str("Tf\n");
                    if fake_bold {
                        // No bold fallback face: fill and outline the glyphs.
                        rgb(&mut s, style.color, "RG");
                        num(&mut s, style.size * 0.04);
                        s.push_str("w 2 Tr\n");
                    }
                    s.push('<');
                    while let Some(&c) = chars.peek() {
                        if fonts.face_of(c, style.bold) != face {
                            break;
                        }
                        let g = font.glyph(c);
                        used.glyphs[face].entry(g).or_insert(c);
                        let _ = write!(s, "{g:04X}");
                        chars.next();
                    }
                    s.push_str("> Tj\n");
                    if fake_bold {
                        s.push_str("0 Tr\n");
                    }
                }
                s.push_str("ET\n");
            }
            Item::Rect {
                x,
                y: ry,
                w,
                h,
                color,
            } => {
                rgb(&mut s, *color, "rg");
                for v in [*x, y(ry + h), *w, *h] {
                    num(&mut s, v);
                }
                s.push_str("re f\n");
            }
            Item::Polygon {
                points,
                fill,
                stroke,
                width,
            } => {
                let path = |s: &mut String| {
                    for (i, (px, py)) in points.iter().enumerate() {
                        num(s, *px);
                        num(s, y(*py));
                        s.push_str(if i == 0 { "m\n" } else { "l\n" });
                    }
                    s.push_str("h ");
                };
                if let Some(f) = fill {
                    rgb(&mut s, *f, "rg");
                    path(&mut s);
                    s.push_str("f\n");
                }
                if let Some(c) = stroke {
                    rgb(&mut s, *c, "RG");
                    num(&mut s, *width);
                    s.push_str("w\n");
                    path(&mut s);
                    s.push_str("S\n");
                }
            }
            Item::Line {
                x1,
                y1,
                x2,
                y2,
                color,
                width,
            } => {
                rgb(&mut s, *color, "RG");
                num(&mut s, *width);
                s.push_str("w\n");
                num(&mut s, *x1);
                num(&mut s, y(*y1));
                s.push_str("m ");
                num(&mut s, *x2);
                num(&mut s, y(*y2));
                s.push_str("l S\n");
            }
        }
        if close {
            s.push_str("EMC\n");
        }
    }
    s
}

/// A PDF file being written: objects are numbered from 1 and may be written in any order.
struct Writer {
    buf: Vec<u8>,
    /// Where each object is: a byte offset, or an object stream and an index in it.
    at: Vec<Option<Loc>>,
    /// Objects that are not streams, written at the end packed in object streams.
    packed: Vec<(usize, String)>,
}

#[derive(Clone, Copy)]
enum Loc {
    Offset(usize),
    InStream(usize, usize),
}

/// The most objects one object stream holds.
const PER_OBJECT_STREAM: usize = 200;

impl Writer {
    fn new() -> Writer {
        Writer {
            buf: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec(),
            at: Vec::new(),
            packed: Vec::new(),
        }
    }

    /// A new object number, to be written later.
    fn id(&mut self) -> usize {
        self.at.push(None);
        self.at.len()
    }

    /// An object that is not a stream: kept to be packed, compressed, in an object stream
    /// (PDF 1.5; the structure tree of a tagged report is thousands of small objects, which
    /// compress to a fifth).
    fn obj(&mut self, id: usize, body: &str) {
        self.packed.push((id, body.to_string()));
    }

    /// An object that is not a stream, written as it is (not packed).
    fn direct(&mut self, id: usize, body: &str) {
        self.at[id - 1] = Some(Loc::Offset(self.buf.len()));
        self.buf
            .extend(format!("{id} 0 obj\n{body}\nendobj\n").as_bytes());
    }

    /// A stream object, compressed; `dict` is the dictionary's content without /Length.
    fn stream(&mut self, id: usize, dict: &str, data: &[u8]) {
        let z = miniz_oxide::deflate::compress_to_vec_zlib(data, 6);
        self.at[id - 1] = Some(Loc::Offset(self.buf.len()));
        self.buf.extend(
            format!(
                "{id} 0 obj\n<<{dict}/Filter/FlateDecode/Length {}>>\nstream\n",
                z.len()
            )
            .as_bytes(),
        );
        self.buf.extend(&z);
        self.buf.extend(b"\nendstream\nendobj\n");
    }

    /// The object streams, then the cross-reference stream with the trailer's entries.
    fn finish(mut self, root: usize, info: usize) -> Vec<u8> {
        use sha2::Digest;
        let packed = std::mem::take(&mut self.packed);
        for chunk in packed.chunks(PER_OBJECT_STREAM) {
            let sid = self.id();
            let mut head = String::new();
            let mut body = String::new();
            for (i, (id, text)) in chunk.iter().enumerate() {
                let _ = write!(head, "{id} {} ", body.len());
                body.push_str(text);
                body.push('\n');
                self.at[id - 1] = Some(Loc::InStream(sid, i));
            }
            let first = head.len();
            head.push_str(&body);
            self.stream(
                sid,
                &format!("/Type/ObjStm/N {}/First {first}", chunk.len()),
                head.as_bytes(),
            );
        }
        let id: String = sha2::Sha256::digest(&self.buf)[..16]
            .iter()
            .map(|b| format!("{b:02X}"))
            .collect();
        // The cross-reference stream: one row per object (type, field 2, field 3), in
        // 1 + 4 + 2 bytes. Type 0 free, 1 at a byte offset, 2 in an object stream.
        let xref = self.id();
        let at = self.buf.len();
        self.at[xref - 1] = Some(Loc::Offset(at));
        let size = self.at.len() + 1;
        let mut rows: Vec<u8> = Vec::with_capacity(size * 7);
        let mut row = |kind: u8, a: usize, b: usize| {
            rows.push(kind);
            rows.extend_from_slice(&(a as u32).to_be_bytes());
            rows.extend_from_slice(&(b as u16).to_be_bytes());
        };
        row(0, 0, 65535);
        for loc in &self.at {
            match loc {
                Some(Loc::Offset(o)) => row(1, *o, 0),
                Some(Loc::InStream(s, i)) => row(2, *s, *i),
                // An object never written (cannot happen) is listed as free.
                None => row(0, 0, 0),
            }
        }
        let z = miniz_oxide::deflate::compress_to_vec_zlib(&rows, 6);
        self.buf.extend(
            format!(
                "{xref} 0 obj\n<</Type/XRef/Size {size}/W[1 4 2]/Root {root} 0 R/Info {info} 0 R/ID[<{id}><{id}>]/Filter/FlateDecode/Length {}>>\nstream\n",
                z.len()
            )
            .as_bytes(),
        );
        self.buf.extend(&z);
        self.buf
            .extend(format!("\nendstream\nendobj\nstartxref\n{at}\n%%EOF\n").as_bytes());
        self.buf
    }
}

/// A PDF text string: a literal when printable ASCII, else UTF-16BE with a byte order mark.
fn text_string(s: &str) -> String {
    if s.chars().all(|c| (' '..='~').contains(&c)) {
        let mut out = String::from("(");
        for c in s.chars() {
            if matches!(c, '(' | ')' | '\\') {
                out.push('\\');
            }
            out.push(c);
        }
        out.push(')');
        return out;
    }
    let mut out = String::from("<FEFF");
    for u in s.encode_utf16() {
        let _ = write!(out, "{u:04X}");
    }
    out.push('>');
    out
}

/// The document information of a report or workshop summary.
struct Meta<'a> {
    title: &'a str,
    author: &'a str,
    subject: &'a str,
    kind: &'a str,
    generated_at: &'a str,
    lang: Lang,
}

/// An embedded face: the cut-down font program, its widths and its ToUnicode map.
fn write_font(w: &mut Writer, font: &Font, used: &BTreeMap<u16, char>) -> usize {
    let glyphs: BTreeSet<u16> = used.keys().copied().collect();
    let program = font.subset(used);
    // The subset tag: six capitals from the glyphs used, the same for the same glyphs.
    let mut h: u32 = 2166136261;
    for g in &glyphs {
        h = (h ^ *g as u32).wrapping_mul(16777619);
    }
    let tag: String = (0..6)
        .map(|i| (b'A' + ((h >> (i * 5)) % 26) as u8) as char)
        .collect();
    let name = format!("{tag}+{}", font.name);
    let scale = |v: i16| v as i32 * 1000 / font.units_per_em as i32;
    let (file, desc, cid, tounicode, type0) = (w.id(), w.id(), w.id(), w.id(), w.id());
    w.stream(file, &format!("/Length1 {}", program.len()), &program);
    let b = font.bbox;
    w.obj(
        desc,
        &format!(
            "<</Type/FontDescriptor/FontName/{name}/Flags 32/FontBBox[{} {} {} {}]/ItalicAngle 0/Ascent {}/Descent {}/CapHeight {}/StemV 80/FontFile2 {file} 0 R>>",
            scale(b[0]), scale(b[1]), scale(b[2]), scale(b[3]),
            scale(font.ascent), scale(font.descent), scale(font.cap_height)
        ),
    );
    let mut widths = String::new();
    for g in &glyphs {
        let adv = font.advance(*g) as u32 * 1000 / font.units_per_em as u32;
        let _ = write!(widths, "{g}[{adv}]");
    }
    w.obj(
        cid,
        &format!(
            "<</Type/Font/Subtype/CIDFontType2/BaseFont/{name}/CIDSystemInfo<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>/FontDescriptor {desc} 0 R/DW 1000/W[{widths}]/CIDToGIDMap/Identity>>"
        ),
    );
    let mut cmap = String::from(
        "/CIDInit/ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo<</Registry(Adobe)/Ordering(UCS)/Supplement 0>>def\n/CMapName/Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000><FFFF>\nendcodespacerange\n",
    );
    let pairs: Vec<(&u16, &char)> = used.iter().filter(|(g, _)| **g != 0).collect();
    for block in pairs.chunks(100) {
        let _ = writeln!(cmap, "{} beginbfchar", block.len());
        for (g, c) in block {
            let mut units = [0u16; 2];
            let hex: String = c
                .encode_utf16(&mut units)
                .iter()
                .map(|u| format!("{u:04X}"))
                .collect();
            let _ = writeln!(cmap, "<{g:04X}><{hex}>");
        }
        cmap.push_str("endbfchar\n");
    }
    cmap.push_str("endcmap\nCMapName currentdict/CMap defineresource pop\nend\nend\n");
    w.stream(tounicode, "", cmap.as_bytes());
    w.obj(
        type0,
        &format!(
            "<</Type/Font/Subtype/Type0/BaseFont/{name}/Encoding/Identity-H/DescendantFonts[{cid} 0 R]/ToUnicode {tounicode} 0 R>>"
        ),
    );
    type0
}

/// Write the whole file: pages, fonts, outline, attachment (if any) and document information.
fn write_pdf(
    meta: &Meta,
    pages: &[Page],
    outline: &[(String, usize)],
    fonts: &Fonts,
    attachment: Option<&[u8]>,
) -> Vec<u8> {
    let mut w = Writer::new();
    let (catalog, pages_id, resources) = (w.id(), w.id(), w.id());
    let mut used = Used::default();
    // Page ids first: a link on one page can point to any other.
    let page_ids: Vec<usize> = pages.iter().map(|_| w.id()).collect();
    let anchors: HashMap<&str, (usize, f32)> = pages
        .iter()
        .zip(&page_ids)
        .flat_map(|(p, id)| p.anchors.iter().map(move |(n, y)| (n.as_str(), (*id, *y))))
        .collect();
    let mut tags = tagged(pages).then(Tags::default);
    for (index, (page, &pid)) in pages.iter().zip(&page_ids).enumerate() {
        let cid = w.id();
        let stream = content(page, index, tags.as_mut(), fonts, &mut used);
        w.stream(cid, "", stream.as_bytes());
        // Links to anchors (a question number to its answer), as link annotations.
        let mut annots = Vec::new();
        for link in &page.links {
            let Some((target, y)) = anchors.get(link.target.as_str()) else {
                continue;
            };
            let id = w.id();
            let mut d = String::from("<</Type/Annot/Subtype/Link/Rect[");
            for v in [
                link.x,
                PAGE_H - link.y - link.h,
                link.x + link.w,
                PAGE_H - link.y,
            ] {
                num(&mut d, v);
                d.push(' ');
            }
            let _ = write!(d, "]/Border[0 0 0]/Dest[{target} 0 R/XYZ null ");
            num(&mut d, PAGE_H - y + 4.0);
            d.push_str(" null]>>");
            w.obj(id, &d);
            annots.push(format!("{id} 0 R"));
        }
        let mut annots = if annots.is_empty() {
            String::new()
        } else {
            format!("/Annots[{}]", annots.join(" "))
        };
        if tags.is_some() {
            let _ = write!(annots, "/StructParents {index}/Tabs/S");
        }
        w.obj(
            pid,
            &format!(
                "<</Type/Page/Parent {pages_id} 0 R/MediaBox[0 0 {PAGE_W} {PAGE_H}]/Resources {resources} 0 R/Contents {cid} 0 R{annots}>>"
            ),
        );
    }
    let kids: String = page_ids.iter().map(|p| format!("{p} 0 R ")).collect();
    w.obj(
        pages_id,
        &format!(
            "<</Type/Pages/Count {}/Kids[{}]>>",
            page_ids.len(),
            kids.trim_end()
        ),
    );
    let regular = write_font(&mut w, &fonts.regular, &used.glyphs[0]);
    let bold = write_font(&mut w, &fonts.bold, &used.glyphs[1]);
    let fallback = match &fonts.fallback {
        Some(f) if !used.glyphs[FALLBACK].is_empty() => {
            format!("/F3 {} 0 R", write_font(&mut w, f, &used.glyphs[FALLBACK]))
        }
        _ => String::new(),
    };
    w.obj(
        resources,
        &format!("<</Font<</F1 {regular} 0 R/F2 {bold} 0 R{fallback}>>/ProcSet[/PDF/Text]>>"),
    );
    let mut extra = String::new();
    // The structure tree (a tagged PDF): a Document element holding the report's elements in
    // reading order, each with its kids (elements, or marked content on a page), and the parent
    // tree that maps each page's marked content back to its element.
    if let Some(t) = &tags {
        let (tree, doc, parents) = (w.id(), w.id(), w.id());
        let obj: Vec<usize> = t.elems.iter().map(|_| w.id()).collect();
        let obj_of = |id: usize| obj[t.index[&id]];
        // An element's kids: marked content on its own page (`/Pg`, the page of its first
        // marked content) as plain numbers, on other pages as references, elements by object.
        let kids_of = |key: Option<usize>| -> (Option<usize>, String) {
            let Some(ks) = t.kids.get(&key) else {
                return (None, String::new());
            };
            let pg = ks.iter().find_map(|k| match k {
                Kid::Mcid { page, .. } => Some(*page),
                Kid::Elem(_) => None,
            });
            let list = ks
                .iter()
                .map(|k| match k {
                    Kid::Elem(e) => format!("{} 0 R", obj_of(*e)),
                    Kid::Mcid { page, mcid } if Some(*page) == pg => mcid.to_string(),
                    Kid::Mcid { page, mcid } => {
                        format!("<</Type/MCR/Pg {} 0 R/MCID {mcid}>>", page_ids[*page])
                    }
                })
                .collect::<Vec<_>>()
                .join(" ");
            (pg, list)
        };
        for (i, (id, role, parent)) in t.elems.iter().enumerate() {
            let parent = parent.map(obj_of).unwrap_or(doc);
            let (pg, kids) = kids_of(Some(*id));
            let pg = pg
                .map(|p| format!("/Pg {} 0 R", page_ids[p]))
                .unwrap_or_default();
            w.obj(
                obj[i],
                &format!("<</S/{role}/P {parent} 0 R{pg}/K[{kids}]>>"),
            );
        }
        w.obj(
            doc,
            &format!("<</S/Document/P {tree} 0 R/K[{}]>>", kids_of(None).1),
        );
        let nums: String = t
            .mcids
            .iter()
            .enumerate()
            .map(|(page, leaves)| {
                let refs: Vec<String> = leaves
                    .iter()
                    .map(|e| format!("{} 0 R", obj_of(*e)))
                    .collect();
                format!("{page} [{}] ", refs.join(" "))
            })
            .collect();
        w.obj(parents, &format!("<</Nums[{}]>>", nums.trim_end()));
        w.obj(
            tree,
            &format!(
                "<</Type/StructTreeRoot/K {doc} 0 R/ParentTree {parents} 0 R/ParentTreeNextKey {}>>",
                pages.len()
            ),
        );
        let _ = write!(extra, "/MarkInfo<</Marked true>>/StructTreeRoot {tree} 0 R");
    }
    // The outline (bookmarks), in the order of the document; page numbers count from 1.
    let entries: Vec<(&str, usize)> = outline
        .iter()
        .filter_map(|(t, p)| Some((t.as_str(), *page_ids.get(p.checked_sub(1)?)?)))
        .collect();
    if !entries.is_empty() {
        let root = w.id();
        let ids: Vec<usize> = entries.iter().map(|_| w.id()).collect();
        for (i, ((title, page), id)) in entries.iter().zip(&ids).enumerate() {
            let mut item = format!(
                "<</Parent {root} 0 R/Title {}/Dest[{page} 0 R/XYZ null null null]",
                text_string(title)
            );
            if i > 0 {
                let _ = write!(item, "/Prev {} 0 R", ids[i - 1]);
            }
            if let Some(next) = ids.get(i + 1) {
                let _ = write!(item, "/Next {next} 0 R");
            }
            item.push_str(">>");
            w.obj(*id, &item);
        }
        w.obj(
            root,
            &format!(
                "<</Type/Outlines/Count {}/First {} 0 R/Last {} 0 R>>",
                ids.len(),
                ids[0],
                ids[ids.len() - 1]
            ),
        );
        let _ = write!(extra, "/Outlines {root} 0 R/PageMode/UseOutlines");
    }
    // The attached assessment file: an embedded file in the EmbeddedFiles name tree, and an
    // associated file of the document, so that PDF readers list it and the app can load it back.
    if let Some(data) = attachment {
        let (file, spec) = (w.id(), w.id());
        w.stream(
            file,
            &format!(
                "/Type/EmbeddedFile/Subtype/application#2Fjson/Params<</Size {}>>",
                data.len()
            ),
            data,
        );
        let name = text_string(ATTACHMENT_NAME);
        w.obj(
            spec,
            &format!(
                "<</Type/Filespec/F {name}/UF {name}/Desc {}/AFRelationship/Data/EF<</F {file} 0 R/UF {file} 0 R>>>>",
                text_string(&t!("The assessment in the file format of the ELSA tool"))
            ),
        );
        let _ = write!(
            extra,
            "/Names<</EmbeddedFiles<</Names[{name} {spec} 0 R]>>>>/AF[{spec} 0 R]"
        );
    }
    // The catalog stays a plain object (its language and parts readable without inflating).
    w.direct(
        catalog,
        &format!(
            "<</Type/Catalog/Pages {pages_id} 0 R/PageLayout/OneColumn/Lang({}){extra}>>",
            meta.lang.code()
        ),
    );
    let info = w.id();
    let mut i = format!(
        "<</Title {}/Subject {}/Keywords {}/Creator {}/Producer {}",
        text_string(meta.title),
        text_string(meta.subject),
        text_string(&format!("ELSA,AI,healthcare,{}", meta.kind)),
        text_string(&tool_name()),
        text_string(&tool_name()),
    );
    if !meta.author.is_empty() {
        let _ = write!(i, "/Author {}", text_string(meta.author));
    }
    if let Some(d) = pdf_date(meta.generated_at) {
        let _ = write!(i, "/CreationDate({d})/ModDate({d})");
    }
    i.push_str(">>");
    w.obj(info, &i);
    w.finish(catalog, info)
}

/// The finished report: its file name and bytes.
#[derive(Default)]
pub struct Report {
    pub file_name: String,
    pub bytes: Vec<u8>,
    pub pages: usize,
}

/// Build the PDF report of an assessment with these faces; an error when it has characters the
/// faces lack and the full faces or the fallback face have: the [`Needs`] (make it again with
/// [`Fonts::from_files`] and [`Fonts::with_fallback`]).
pub fn render_report_with(
    q: &Questionnaire,
    a: &Assessment,
    info: &ReportInfo,
    fonts: &Fonts,
) -> Result<Report, Needs> {
    fonts.begin();
    let (pages, outline) = build_pages(q, a, info, fonts);
    let needs = fonts.needs(&pages);
    if needs.any() {
        return Err(needs);
    }
    Ok(crate::i18n::with_lang(info.lang, || {
        let title = format!("{}: {}", report_title(), a.display_name());
        let subject = format!("{} {}", q.title.get(info.lang.code()), q.version);
        let meta = Meta {
            title: &title,
            author: &a.metadata.assessors,
            subject: &subject,
            kind: "self-assessment",
            generated_at: &info.generated_at,
            lang: info.lang,
        };
        // The attached file records the report's language, and carries a custom questionnaire
        // too, so that the PDF opens anywhere.
        let bytes = write_pdf(
            &meta,
            &pages,
            &outline,
            fonts,
            Some(crate::persist::encode_exported(a, q, info.lang).as_bytes()),
        );
        Report {
            file_name: crate::files::report_pdf(a, &info.generated_at),
            bytes,
            pages: pages.len(),
        }
    }))
}

/// Build the workshop summary PDF (see [`super::workshop`]) with these faces; the [`Needs`] as for
/// [`render_report_with`].
pub fn render_workshop_with(
    q: &Questionnaire,
    teams: &[(String, Assessment)],
    generated_at: &str,
    lang: Lang,
    fonts: &Fonts,
) -> Result<Report, Needs> {
    fonts.begin();
    let (pages, outline) =
        super::workshop::build_workshop_pages(q, teams, generated_at, lang, fonts);
    let needs = fonts.needs(&pages);
    if needs.any() {
        return Err(needs);
    }
    Ok(crate::i18n::with_lang(lang, || {
        let title = format!(
            "{}: {}",
            super::workshop::workshop_title(),
            q.title.get(lang.code())
        );
        let subject = format!("{} {}", q.title.get(lang.code()), q.version);
        let meta = Meta {
            title: &title,
            author: "",
            subject: &subject,
            kind: "workshop",
            generated_at,
            lang,
        };
        let bytes = write_pdf(&meta, &pages, &outline, fonts, None);
        Report {
            file_name: crate::files::workshop_pdf(generated_at),
            bytes,
            pages: pages.len(),
        }
    }))
}

/// Build a worked case's card or facilitator's guide (issue 18) with these faces; the [`Needs`] as for
/// [`render_report_with`].
pub fn render_case_with(
    c: &crate::cases::Case,
    q: &Questionnaire,
    reference: &Assessment,
    part: super::case::CasePart,
    generated_at: &str,
    lang: Lang,
    fonts: &Fonts,
) -> Result<Report, Needs> {
    let doc = super::case::case_doc(c, q, reference, part, generated_at, lang);
    fonts.begin();
    let (pages, outline) = super::pages::lay_out(&doc, fonts);
    let needs = fonts.needs(&pages);
    if needs.any() {
        return Err(needs);
    }
    Ok(crate::i18n::with_lang(lang, || {
        let title = format!(
            "{}: {}",
            super::case::part_title(part),
            c.title.get(lang.code())
        );
        let subject = format!("{} {}", q.title.get(lang.code()), q.version);
        let meta = Meta {
            title: &title,
            author: "",
            subject: &subject,
            kind: "workshop case",
            generated_at,
            lang,
        };
        let bytes = write_pdf(&meta, &pages, &outline, fonts, None);
        let kind = match part {
            super::case::CasePart::Card => "card",
            super::case::CasePart::Guide => "guide",
        };
        Report {
            file_name: format!("elsa-case-{}-{kind}-{}.pdf", c.id, lang.code()),
            bytes,
            pages: pages.len(),
        }
    }))
}

/// Build the PDF report of an assessment (native code: with the full faces when the subset
/// lacks a character of it).
#[cfg(not(target_arch = "wasm32"))]
pub fn render_report(
    q: &Questionnaire,
    a: &Assessment,
    info: &ReportInfo,
    fonts: &Fonts,
) -> Report {
    render_report_with(q, a, info, fonts)
        .ok()
        .or_else(|| {
            let fonts = Fonts::full()
                .ok()?
                .with_patterns(builtin_patterns(info.lang));
            render_report_with(q, a, info, &fonts).ok()
        })
        .unwrap_or_default()
}

/// Build the workshop summary PDF (native code, as [`render_report`]).
#[cfg(not(target_arch = "wasm32"))]
pub fn render_workshop(
    q: &Questionnaire,
    teams: &[(String, Assessment)],
    generated_at: &str,
    lang: Lang,
    fonts: &Fonts,
) -> Report {
    render_workshop_with(q, teams, generated_at, lang, fonts)
        .ok()
        .or_else(|| {
            let fonts = Fonts::full().ok()?.with_patterns(builtin_patterns(lang));
            render_workshop_with(q, teams, generated_at, lang, &fonts).ok()
        })
        .unwrap_or_default()
}

/// The workshop summary PDF of many teams' assessments of one questionnaire, in `lang` (parses
/// the fonts; the worker, which keeps them, calls [`render_workshop_with`]).
#[cfg(not(target_arch = "wasm32"))]
pub fn workshop_pdf(
    q: &Questionnaire,
    teams: &[(String, Assessment)],
    generated_at: &str,
    lang: Lang,
) -> Result<Vec<u8>, String> {
    let fonts = Fonts::load()?;
    Ok(render_workshop(q, teams, generated_at, lang, &fonts).bytes)
}

/// The name of the assessment file attached to every report.
pub const ATTACHMENT_NAME: &str = "elsa-assessment.json";

/// The assessment file attached to a report made by this tool.
pub fn extract_attachment(pdf: &[u8]) -> Result<Vec<u8>, crate::import::ImportError> {
    use crate::import::ImportError;
    use lopdf::Object;
    let doc =
        lopdf::Document::load_mem(pdf).map_err(|e| ImportError::PdfUnreadable(e.to_string()))?;
    let none = || ImportError::PdfWithoutAnswers;
    let deref = |o: &Object| -> Option<Object> {
        match o {
            Object::Reference(id) => doc.get_object(*id).ok().cloned(),
            other => Some(other.clone()),
        }
    };
    let catalog = doc.catalog().map_err(|_| none())?;
    let names = catalog
        .get(b"Names")
        .ok()
        .and_then(deref)
        .ok_or_else(none)?;
    let ef = names
        .as_dict()
        .ok()
        .and_then(|d| d.get(b"EmbeddedFiles").ok())
        .and_then(deref)
        .ok_or_else(none)?;
    let list = ef
        .as_dict()
        .ok()
        .and_then(|d| d.get(b"Names").ok())
        .and_then(deref)
        .ok_or_else(none)?;
    let list = list.as_array().map_err(|_| none())?;
    for pair in list.chunks(2) {
        let [key, spec] = pair else { continue };
        let is_ours = key.as_str().is_ok_and(|k| k == ATTACHMENT_NAME.as_bytes());
        if !is_ours {
            continue;
        }
        let spec = deref(spec).ok_or_else(none)?;
        let ef = spec
            .as_dict()
            .ok()
            .and_then(|d| d.get(b"EF").ok())
            .and_then(deref)
            .ok_or_else(none)?;
        let stream_ref = ef
            .as_dict()
            .ok()
            .and_then(|d| d.get(b"F").ok())
            .ok_or_else(none)?;
        let id = stream_ref.as_reference().map_err(|_| none())?;
        let stream = doc
            .get_object(id)
            .and_then(|o| o.as_stream())
            .map_err(|_| none())?;
        return Ok(stream
            .decompressed_content()
            .unwrap_or_else(|_| stream.content.clone()));
    }
    Err(none())
}
