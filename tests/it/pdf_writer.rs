//! Issue 17: the tool writes its PDFs itself (report::pdf) and embeds DejaVu Sans cut down to the
//! glyphs a document uses (report::ttf). These tests read the output back with lopdf and with
//! the tool's own TrueType reader.

use crate::common::{mini, with, NOW};
use elsa::i18n::Lang;
use elsa::report::pdf::{render_report, Fonts};
use elsa::report::ttf::Font;
use elsa::report::ReportInfo;
use std::collections::BTreeMap;

const REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

fn sum(d: &[u8]) -> u32 {
    d.chunks(4).fold(0u32, |s, c| {
        let mut b = [0u8; 4];
        b[..c.len()].copy_from_slice(c);
        s.wrapping_add(u32::from_be_bytes(b))
    })
}

#[test]
fn the_cut_font_keeps_the_used_glyphs_and_their_components_and_nothing_else() {
    let full = Font::parse(REGULAR).expect("DejaVu Sans parses");
    assert_eq!(full.units_per_em, 2048);
    // A composite glyph: DejaVu builds "Ǻ" (A with ring and acute) from other glyphs.
    let composite = ['Ǻ', 'Å', 'é', 'ŉ']
        .into_iter()
        .map(|c| full.glyph(c))
        .find(|g| !full.components(*g).is_empty())
        .expect("DejaVu has composite glyphs");
    let parts = full.components(composite);
    let a = full.glyph('A');
    let z = full.glyph('z');
    let used: BTreeMap<u16, char> = [(a, 'A'), (composite, 'Ǻ')].into();
    let cut = full.subset(&used);
    assert!(cut.len() < REGULAR.len() / 5, "{} bytes", cut.len());
    // A valid TrueType file: the whole file sums to the magic number (head.checkSumAdjustment).
    assert_eq!(sum(&cut), 0xB1B0_AFBA);
    let back = Font::parse(&cut).expect("the cut font parses");
    // Glyph ids are kept: the PDF maps its character ids to them one to one.
    assert_eq!(back.num_glyphs, full.num_glyphs);
    for g in [a, composite].iter().chain(&parts) {
        assert!(back.glyph_len(*g) > 0, "glyph {g} was dropped");
        assert_eq!(back.glyph_len(*g), full.glyph_len(*g));
        assert_eq!(back.advance(*g), full.advance(*g));
    }
    assert!(full.glyph_len(z) > 0);
    assert_eq!(
        back.glyph_len(z),
        0,
        "an unused glyph stays in the cut font"
    );
    assert_eq!(back.advance(z), 0);
    // Its character map has just the used characters.
    assert_eq!(back.glyph('A'), a);
    assert_eq!(back.glyph('z'), 0);
    // Glyph 0 (the missing-glyph box) is always kept.
    assert!(back.glyph_len(0) > 0);
}

#[test]
fn the_character_map_reads_letters_beyond_latin_and_refuses_what_is_not_a_font() {
    let full = Font::parse(REGULAR).unwrap();
    for c in ['a', 'Ω', 'Ж', 'ş', '€', '→', 'Բ'] {
        assert_ne!(full.glyph(c), 0, "{c}");
        assert!(full.advance(full.glyph(c)) > 0, "{c}");
    }
    assert_eq!(full.glyph('中'), 0);
    assert!(Font::parse(b"not a font at all").is_none());
    assert!(
        Font::parse(&REGULAR[..2000]).is_none(),
        "a cut-off font is refused"
    );
}

/// The embedded faces of a report, each with the glyphs its program still has.
#[test]
fn a_report_embeds_only_the_glyphs_it_shows_with_widths_and_a_text_map() {
    let q = mini();
    let mut a = with(&q, &[("purpose", "yes")]);
    a.metadata.project_name = "Zoë".into();
    let fonts = Fonts::load().unwrap();
    let r = render_report(
        &q,
        &a,
        &ReportInfo {
            generated_at: NOW.into(),
            lang: Lang::En,
        },
        &fonts,
    );
    let doc = lopdf::Document::load_mem(&r.bytes).expect("lopdf reads the PDF");
    assert_eq!(doc.get_pages().len(), r.pages);
    assert_eq!(doc.version, "1.7");
    let catalog = doc.catalog().unwrap();
    assert_eq!(catalog.get(b"Lang").unwrap().as_str().unwrap(), b"en");
    let mut faces = 0;
    for obj in doc.objects.values() {
        let Ok(d) = obj.as_dict() else { continue };
        if d.get(b"Subtype").and_then(|s| s.as_name()).ok() != Some(b"Type0".as_slice()) {
            continue;
        }
        faces += 1;
        let base = d.get(b"BaseFont").unwrap().as_name().unwrap().to_vec();
        assert_eq!(
            base[6],
            b'+',
            "a subset tag: {}",
            String::from_utf8_lossy(&base)
        );
        let deref = |o: &lopdf::Object| doc.dereference(o).unwrap().1.clone();
        let cid = deref(&d.get(b"DescendantFonts").unwrap().as_array().unwrap()[0]);
        let cid = cid.as_dict().unwrap();
        assert_eq!(
            cid.get(b"CIDToGIDMap").unwrap().as_name().unwrap(),
            b"Identity"
        );
        let widths = cid.get(b"W").unwrap().as_array().unwrap();
        let desc = deref(cid.get(b"FontDescriptor").unwrap());
        let file = deref(desc.as_dict().unwrap().get(b"FontFile2").unwrap());
        let program = file.as_stream().unwrap().decompressed_content().unwrap();
        let font = Font::parse(&program).expect("the embedded program parses");
        let drawn: Vec<u16> = (0..font.num_glyphs)
            .filter(|g| font.glyph_len(*g) > 0)
            .collect();
        // Every glyph with a width entry is drawn, and only a few dozen are (not the font's ~1500).
        assert!(
            drawn.len() > 20 && drawn.len() < 120,
            "{} glyphs",
            drawn.len()
        );
        assert_eq!(widths.len() % 2, 0);
        for pair in widths.chunks(2) {
            let g = pair[0].as_i64().unwrap() as u16;
            assert!(
                font.glyph_len(g) > 0 || font.advance(g) > 0,
                "glyph {g} has a width but nothing to draw"
            );
        }
        let tu = deref(d.get(b"ToUnicode").unwrap());
        let map =
            String::from_utf8(tu.as_stream().unwrap().decompressed_content().unwrap()).unwrap();
        assert!(map.contains("beginbfchar"));
    }
    assert_eq!(faces, 2);
    // The text comes back out, the ë included (through the ToUnicode map).
    let text = crate::report::pdftotext(&r.bytes, "writer.pdf");
    assert!(text.contains("Zoë"), "{text}");
}
