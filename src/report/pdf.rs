//! PDF output with printpdf: the embedded DejaVu Sans fonts (subset on save), text measured with
//! their real advance widths, and the laid-out pages drawn as PDF operations.

use super::layout::{Item, Measure, Page, Rgb, PAGE_H, PAGE_W};
use super::{build_pages, report_title, tool_name, ReportInfo};
use crate::answers::Assessment;
use crate::i18n::Lang;
use crate::model::Questionnaire;
use crate::t;
use printpdf::{
    Color, Line, LinePoint, Mm, Op, PaintMode, ParsedFont, PdfDocument, PdfFontHandle, PdfPage,
    PdfSaveOptions, Point, Pt, Rect, TextItem, WindingOrder,
};
use std::cell::RefCell;
use std::collections::HashMap;

// The built-in faces: DejaVu Sans cut down to the characters reports use and ordinary user
// text needs (scripts/subset-fonts.sh; about 170 KB each instead of 760 and 710 KB). A report
// with a character the subset lacks but the full font has is made with the full fonts, which
// the page fetches for that report (issue 17).
const REGULAR_SUBSET: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.subset.ttf");
const BOLD_SUBSET: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.subset.ttf");
/// The characters the full regular face has, as hex ranges (`20-7E`), one a line.
const FULL_COVERAGE: &str = include_str!("../../assets/fonts/DejaVuSans.coverage");

/// The two parsed faces, kept between exports (parsing costs more than laying out a report).
pub struct Fonts {
    regular: ParsedFont,
    bold: ParsedFont,
    widths: RefCell<HashMap<(bool, char), f32>>,
    /// The built-in subset (not the full faces).
    subset: bool,
}

impl Fonts {
    /// The built-in subset.
    pub fn load() -> Result<Fonts, String> {
        Self::parse(REGULAR_SUBSET, BOLD_SUBSET, true)
    }

    /// The full faces, from the files the page fetched.
    pub fn from_files(regular: &[u8], bold: &[u8]) -> Result<Fonts, String> {
        Self::parse(regular, bold, false)
    }

    /// The full faces (native code has them built in).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn full() -> Result<Fonts, String> {
        Self::from_files(
            include_bytes!("../../assets/fonts/DejaVuSans.ttf"),
            include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf"),
        )
    }

    fn parse(regular: &[u8], bold: &[u8], subset: bool) -> Result<Fonts, String> {
        let regular = ParsedFont::from_bytes(regular, 0, &mut Vec::new())
            .ok_or_else(|| t!("the built-in regular font could not be read"))?;
        let bold = ParsedFont::from_bytes(bold, 0, &mut Vec::new())
            .ok_or_else(|| t!("the built-in bold font could not be read"))?;
        Ok(Fonts {
            regular,
            bold,
            widths: RefCell::new(HashMap::new()),
            subset,
        })
    }

    /// Whether these are the built-in subset faces.
    pub fn is_subset(&self) -> bool {
        self.subset
    }

    /// Whether the face has a glyph for `c`.
    pub fn has(&self, c: char, bold: bool) -> bool {
        let f = if bold { &self.bold } else { &self.regular };
        f.lookup_glyph_index(c as u32).is_some_and(|g| g != 0)
    }

    /// The characters of `pages` these faces lack but the full faces have, sorted, each once
    /// (always none for the full faces: what they lack, no font of ours has).
    pub fn missing(&self, pages: &[Page]) -> Vec<char> {
        if !self.subset {
            return Vec::new();
        }
        let mut out: Vec<char> = Vec::new();
        for item in pages.iter().flat_map(|p| &p.items) {
            if let Item::Text { text, style, .. } = item {
                out.extend(
                    text.chars()
                        .filter(|c| !self.has(*c, style.bold) && full_font_has(*c)),
                );
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Advance width of one char in em units (1.0 = font size).
    fn advance(&self, c: char, bold: bool) -> f32 {
        if let Some(w) = self.widths.borrow().get(&(bold, c)) {
            return *w;
        }
        let f = if bold { &self.bold } else { &self.regular };
        let upem = f.font_metrics.units_per_em.max(1) as f32;
        let gid = f.lookup_glyph_index(c as u32).unwrap_or(0);
        let w = f.get_horizontal_advance(gid) as f32 / upem;
        self.widths.borrow_mut().insert((bold, c), w);
        w
    }
}

/// Whether the full regular face has a glyph for `c` ([`FULL_COVERAGE`]).
pub fn full_font_has(c: char) -> bool {
    let c = c as u32;
    FULL_COVERAGE.lines().filter(|l| !l.starts_with('#')).any(|l| {
        let mut ends = l.split('-').map(|x| u32::from_str_radix(x.trim(), 16).ok());
        matches!((ends.next().flatten(), ends.next().flatten()), (Some(a), Some(b)) if a <= c && c <= b)
    })
}

impl Measure for Fonts {
    fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
        text.chars().map(|c| self.advance(c, bold)).sum::<f32>() * size
    }
}

fn color(c: Rgb) -> Color {
    Color::Rgb(printpdf::Rgb {
        r: c.0 as f32 / 255.0,
        g: c.1 as f32 / 255.0,
        b: c.2 as f32 / 255.0,
        icc_profile: None,
    })
}

fn pt(x: f32, y_from_top: f32) -> Point {
    Point {
        x: Pt(x),
        y: Pt(PAGE_H - y_from_top),
    }
}

/// Parse an RFC 3339 timestamp (`2026-11-29T07:16:47.123Z` or with an offset) into a PDF date.
pub fn pdf_date(ts: &str) -> Option<printpdf::OffsetDateTime> {
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
    let (hours, minutes) = match tz.as_bytes().first() {
        Some(b'+') | Some(b'-') => {
            let sign = if tz.starts_with('-') { -1 } else { 1 };
            let h = tz.get(1..3).and_then(|s| s.parse::<i8>().ok()).unwrap_or(0);
            let m = tz.get(4..6).and_then(|s| s.parse::<i8>().ok()).unwrap_or(0);
            (sign * h, sign * m)
        }
        _ => (0, 0),
    };
    Some(printpdf::DateTime {
        date: printpdf::Date {
            year: year as i32,
            month: month as u8,
            day: day as u8,
        },
        time: printpdf::Time {
            hour: hour as u8,
            minute: minute as u8,
            second: second as u8,
            millisecond: 0,
        },
        offset: printpdf::Offset {
            hours,
            minutes,
            seconds: 0,
            milliseconds: 0,
        },
    })
}

/// Draw laid-out pages into a PDF document.
fn render(pages: &[Page], fonts: &Fonts, doc: &mut PdfDocument) {
    let regular = PdfFontHandle::External(doc.add_font(&fonts.regular));
    let bold = PdfFontHandle::External(doc.add_font(&fonts.bold));
    let mut out = Vec::with_capacity(pages.len());
    for page in pages {
        let mut ops = Vec::new();
        for item in &page.items {
            match item {
                Item::Text { x, y, style, text } => {
                    ops.push(Op::StartTextSection);
                    ops.push(Op::SetFont {
                        font: if style.bold {
                            bold.clone()
                        } else {
                            regular.clone()
                        },
                        size: Pt(style.size),
                    });
                    ops.push(Op::SetFillColor {
                        col: color(style.color),
                    });
                    ops.push(Op::SetTextCursor { pos: pt(*x, *y) });
                    ops.push(Op::ShowText {
                        items: vec![TextItem::Text(text.clone())],
                    });
                    ops.push(Op::EndTextSection);
                }
                Item::Rect {
                    x,
                    y,
                    w,
                    h,
                    color: c,
                } => {
                    ops.push(Op::SetFillColor { col: color(*c) });
                    ops.push(Op::DrawRectangle {
                        rectangle: Rect {
                            x: Pt(*x),
                            y: Pt(PAGE_H - y - h),
                            width: Pt(*w),
                            height: Pt(*h),
                            mode: Some(PaintMode::Fill),
                            winding_order: Some(WindingOrder::NonZero),
                        },
                    });
                }
                Item::Polygon {
                    points,
                    fill,
                    stroke,
                    width,
                } => {
                    let ring = || printpdf::PolygonRing {
                        points: points
                            .iter()
                            .map(|(x, y)| LinePoint {
                                p: pt(*x, *y),
                                bezier: false,
                            })
                            .collect(),
                    };
                    if let Some(f) = fill {
                        ops.push(Op::SetFillColor { col: color(*f) });
                        ops.push(Op::DrawPolygon {
                            polygon: printpdf::Polygon {
                                rings: vec![ring()],
                                mode: PaintMode::Fill,
                                winding_order: WindingOrder::NonZero,
                            },
                        });
                    }
                    if let Some(sc) = stroke {
                        ops.push(Op::SetOutlineColor { col: color(*sc) });
                        ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
                        ops.push(Op::DrawLine {
                            line: Line {
                                points: ring().points,
                                is_closed: true,
                            },
                        });
                    }
                }
                Item::Line {
                    x1,
                    y1,
                    x2,
                    y2,
                    color: c,
                    width,
                } => {
                    ops.push(Op::SetOutlineColor { col: color(*c) });
                    ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
                    ops.push(Op::DrawLine {
                        line: Line {
                            points: vec![
                                LinePoint {
                                    p: pt(*x1, *y1),
                                    bezier: false,
                                },
                                LinePoint {
                                    p: pt(*x2, *y2),
                                    bezier: false,
                                },
                            ],
                            is_closed: false,
                        },
                    });
                }
            }
        }
        out.push(PdfPage::new(
            Mm::from(Pt(PAGE_W)),
            Mm::from(Pt(PAGE_H)),
            ops,
        ));
    }
    doc.with_pages(out);
}

/// The finished report: its file name and bytes.
#[derive(Default)]
pub struct Report {
    pub file_name: String,
    pub bytes: Vec<u8>,
    pub pages: usize,
}

/// Build the PDF report of an assessment with these faces; `None` when it has characters the
/// built-in subset lacks and the full faces have (make it again with [`Fonts::from_files`]).
pub fn render_report_with(
    q: &Questionnaire,
    a: &Assessment,
    info: &ReportInfo,
    fonts: &Fonts,
) -> Option<Report> {
    let (pages, outline) = build_pages(q, a, info, fonts);
    if !fonts.missing(&pages).is_empty() {
        return None;
    }
    Some(crate::i18n::with_lang(info.lang, || {
        let title = format!("{}: {}", report_title(), a.display_name());
        let subject = format!("{} {}", q.title.get(info.lang.code()), q.version);
        let doc = new_document(
            &title,
            &a.metadata.assessors,
            &subject,
            "self-assessment",
            &info.generated_at,
        );
        // The attached file records the report's language.
        // The attached file carries a custom questionnaire too, so that the PDF opens anywhere.
        let bytes = finish(
            doc,
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

/// Build the workshop summary PDF (see [`super::workshop`]) with these faces; `None` as for
/// [`render_report_with`].
pub fn render_workshop_with(
    q: &Questionnaire,
    teams: &[(String, Assessment)],
    generated_at: &str,
    lang: Lang,
    fonts: &Fonts,
) -> Option<Report> {
    let (pages, outline) =
        super::workshop::build_workshop_pages(q, teams, generated_at, lang, fonts);
    if !fonts.missing(&pages).is_empty() {
        return None;
    }
    Some(crate::i18n::with_lang(lang, || {
        let title = format!(
            "{}: {}",
            super::workshop::workshop_title(),
            q.title.get(lang.code())
        );
        let subject = format!("{} {}", q.title.get(lang.code()), q.version);
        let doc = new_document(&title, "", &subject, "workshop", generated_at);
        let bytes = finish(doc, &pages, &outline, fonts, None);
        Report {
            file_name: crate::files::workshop_pdf(generated_at),
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
        .or_else(|| render_report_with(q, a, info, &Fonts::full().ok()?))
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
        .or_else(|| render_workshop_with(q, teams, generated_at, lang, &Fonts::full().ok()?))
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

/// A document with the tool's metadata.
fn new_document(
    title: &str,
    author: &str,
    subject: &str,
    kind: &str,
    generated_at: &str,
) -> PdfDocument {
    let mut doc = PdfDocument::new(title);
    let meta = &mut doc.metadata.info;
    meta.author = author.to_string();
    meta.subject = subject.to_string();
    meta.keywords = vec!["ELSA".into(), "AI".into(), "healthcare".into(), kind.into()];
    meta.creator = tool_name();
    meta.producer = format!("{} (printpdf)", tool_name());
    if let Some(d) = pdf_date(generated_at) {
        meta.creation_date = d.clone();
        meta.modification_date = d.clone();
        meta.metadata_date = d;
    }
    doc
}

/// Draw the pages, add the outline and the attachment (if any), and write the compressed file.
fn finish(
    mut doc: PdfDocument,
    pages: &[Page],
    outline: &[(String, usize)],
    fonts: &Fonts,
    attachment: Option<&[u8]>,
) -> Vec<u8> {
    render(pages, fonts, &mut doc);
    let opts = PdfSaveOptions {
        subset_fonts: true,
        ..Default::default()
    };
    let mut ldoc = doc.to_lopdf_document(&opts, &mut Vec::new());
    add_outline(&mut ldoc, outline);
    if let Some(data) = attachment {
        attach(&mut ldoc, ATTACHMENT_NAME, data);
    }
    ldoc.compress();
    let mut bytes = Vec::new();
    if ldoc.save_to(&mut bytes).is_err() {
        // Writing to memory cannot fail for I/O reasons; fall back to the plain document.
        bytes = doc.save(&opts, &mut Vec::new());
    }
    bytes
}

/// The document outline (bookmarks) in the order of the document. (printpdf's own outline sorts
/// the bookmarks of one page by name, which put "1. Project profile" before "Detailed answers".)
fn add_outline(doc: &mut lopdf::Document, outline: &[(String, usize)]) {
    use lopdf::{dictionary, Object};
    let pages = doc.get_pages();
    let entries: Vec<(&str, lopdf::ObjectId)> = outline
        .iter()
        .filter_map(|(title, page)| Some((title.as_str(), *pages.get(&(*page as u32))?)))
        .collect();
    if entries.is_empty() {
        return;
    }
    let root = doc.new_object_id();
    let ids: Vec<lopdf::ObjectId> = entries.iter().map(|_| doc.new_object_id()).collect();
    for (i, ((title, page), id)) in entries.iter().zip(&ids).enumerate() {
        let mut item = dictionary! {
            "Parent" => root,
            "Title" => text_string(title),
            "Dest" => vec![Object::Reference(*page), "XYZ".into(), Object::Null, Object::Null, Object::Null],
        };
        if i > 0 {
            item.set("Prev", ids[i - 1]);
        }
        if let Some(next) = ids.get(i + 1) {
            item.set("Next", *next);
        }
        doc.objects.insert(*id, Object::Dictionary(item));
    }
    let (first, last) = (ids[0], ids[ids.len() - 1]);
    doc.objects.insert(root, Object::Dictionary(dictionary! { "Type" => "Outlines", "Count" => ids.len() as i64, "First" => first, "Last" => last }));
    if let Ok(catalog) = doc.catalog_mut() {
        catalog.set("Outlines", root);
        catalog.set("PageMode", "UseOutlines");
    }
}

/// The name of the assessment file attached to every report.
pub const ATTACHMENT_NAME: &str = "elsa-assessment.json";

/// Attach a file (an embedded file stream in the document's EmbeddedFiles name tree, listed as an
/// associated file of the document), so that PDF readers show it and the app can load it back.
fn attach(doc: &mut lopdf::Document, name: &str, data: &[u8]) {
    use lopdf::{dictionary, Object, Stream, StringFormat};
    let stream = Stream::new(
        dictionary! {
            "Type" => "EmbeddedFile",
            "Subtype" => Object::Name(b"application#2Fjson".to_vec()),
            "Params" => dictionary! { "Size" => data.len() as i64 },
        },
        data.to_vec(),
    );
    let stream_id = doc.add_object(stream);
    let name_str = || Object::String(name.as_bytes().to_vec(), StringFormat::Literal);
    let spec_id = doc.add_object(dictionary! {
        "Type" => "Filespec",
        "F" => name_str(),
        "UF" => name_str(),
        "Desc" => text_string(&t!("The assessment in the file format of the ELSA tool")),
        "AFRelationship" => "Data",
        "EF" => dictionary! { "F" => stream_id, "UF" => stream_id },
    });
    if let Ok(catalog) = doc.catalog_mut() {
        catalog.set("Names", dictionary! { "EmbeddedFiles" => dictionary! { "Names" => vec![name_str(), Object::Reference(spec_id)] } });
        catalog.set("AF", vec![Object::Reference(spec_id)]);
    }
}

/// A PDF text string: as it is when ASCII, else UTF-16BE with a byte order mark.
fn text_string(s: &str) -> lopdf::Object {
    use lopdf::{Object, StringFormat};
    if s.is_ascii() {
        return Object::String(s.as_bytes().to_vec(), StringFormat::Literal);
    }
    let mut bytes = vec![0xfe, 0xff];
    bytes.extend(s.encode_utf16().flat_map(u16::to_be_bytes));
    Object::String(bytes, StringFormat::Hexadecimal)
}

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
