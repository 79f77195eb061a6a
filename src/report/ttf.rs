//! Just enough TrueType for the PDF writer (issue 17): read a font's character map, advance
//! widths and metrics, and cut it down to the glyphs one document uses.
//!
//! The cut keeps glyph ids as they are (the PDF maps character ids to glyph ids one to one:
//! `CIDToGIDMap /Identity`): every glyph the document does not use becomes empty in `glyf`, its
//! metrics zero; composite glyphs keep their components. Tables a PDF viewer does not need (the
//! glyph names of `post`, `GSUB`, `GPOS`, kerning) are left out.

use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A parsed TrueType font (glyf outlines; CFF fonts are refused).
pub struct Font {
    data: Vec<u8>,
    tables: Vec<([u8; 4], usize, usize)>,
    cmap: HashMap<u32, u16>,
    pub units_per_em: u16,
    pub num_glyphs: u16,
    num_hmetrics: u16,
    loca_long: bool,
    pub ascent: i16,
    pub descent: i16,
    pub cap_height: i16,
    pub bbox: [i16; 4],
    /// The PostScript name (name id 6), or "Font".
    pub name: String,
}

fn u16_at(d: &[u8], o: usize) -> Option<u16> {
    Some(u16::from_be_bytes(d.get(o..o + 2)?.try_into().ok()?))
}
fn i16_at(d: &[u8], o: usize) -> Option<i16> {
    u16_at(d, o).map(|v| v as i16)
}
fn u32_at(d: &[u8], o: usize) -> Option<u32> {
    Some(u32::from_be_bytes(d.get(o..o + 4)?.try_into().ok()?))
}

impl Font {
    /// Read a TrueType font; `None` when it is not one or a table it needs is missing or cut.
    pub fn parse(data: &[u8]) -> Option<Font> {
        let version = u32_at(data, 0)?;
        if version != 0x0001_0000 && &data[..4] != b"true" {
            return None;
        }
        let n = u16_at(data, 4)? as usize;
        let mut tables = Vec::with_capacity(n);
        for i in 0..n {
            let rec = 12 + 16 * i;
            let tag: [u8; 4] = data.get(rec..rec + 4)?.try_into().ok()?;
            let off = u32_at(data, rec + 8)? as usize;
            let len = u32_at(data, rec + 12)? as usize;
            data.get(off..off.checked_add(len)?)?;
            tables.push((tag, off, len));
        }
        let mut f = Font {
            data: data.to_vec(),
            tables,
            cmap: HashMap::new(),
            units_per_em: 1000,
            num_glyphs: 0,
            num_hmetrics: 0,
            loca_long: false,
            ascent: 0,
            descent: 0,
            cap_height: 0,
            bbox: [0; 4],
            name: "Font".into(),
        };
        let head = f.table(b"head")?;
        let d = &f.data;
        let units_per_em = u16_at(d, head.0 + 18)?.max(16);
        let bbox = [
            i16_at(d, head.0 + 36)?,
            i16_at(d, head.0 + 38)?,
            i16_at(d, head.0 + 40)?,
            i16_at(d, head.0 + 42)?,
        ];
        let loca_long = i16_at(d, head.0 + 50)? == 1;
        let hhea = f.table(b"hhea")?;
        let (ascent, descent) = (i16_at(d, hhea.0 + 4)?, i16_at(d, hhea.0 + 6)?);
        let num_hmetrics = u16_at(d, hhea.0 + 34)?.max(1);
        let num_glyphs = u16_at(d, f.table(b"maxp")?.0 + 4)?;
        f.table(b"glyf")?;
        let loca = f.table(b"loca")?;
        let hmtx = f.table(b"hmtx")?;
        let loca_need = (num_glyphs as usize + 1) * if loca_long { 4 } else { 2 };
        if loca.1 < loca_need || hmtx.1 < 4 * num_hmetrics as usize {
            return None;
        }
        let cap_height = f
            .table(b"OS/2")
            .and_then(|(o, l)| if l >= 90 { i16_at(d, o + 88) } else { None })
            .unwrap_or(ascent);
        let name = f.postscript_name().unwrap_or_else(|| "Font".into());
        let cmap = f.read_cmap()?;
        f.units_per_em = units_per_em;
        f.bbox = bbox;
        f.loca_long = loca_long;
        f.ascent = ascent;
        f.descent = descent;
        f.num_hmetrics = num_hmetrics;
        f.num_glyphs = num_glyphs;
        f.cap_height = cap_height;
        f.name = name;
        f.cmap = cmap;
        Some(f)
    }

    fn table(&self, tag: &[u8; 4]) -> Option<(usize, usize)> {
        self.tables
            .iter()
            .find(|(t, _, _)| t == tag)
            .map(|(_, o, l)| (*o, *l))
    }

    fn postscript_name(&self) -> Option<String> {
        let (o, _) = self.table(b"name")?;
        let d = &self.data;
        let count = u16_at(d, o + 2)? as usize;
        let strings = o + u16_at(d, o + 4)? as usize;
        for i in 0..count {
            let r = o + 6 + 12 * i;
            let (platform, id) = (u16_at(d, r)?, u16_at(d, r + 6)?);
            if id != 6 {
                continue;
            }
            let (len, off) = (u16_at(d, r + 8)? as usize, u16_at(d, r + 10)? as usize);
            let bytes = d.get(strings + off..strings + off + len)?;
            let s: String = if platform == 3 || platform == 0 {
                char::decode_utf16(
                    bytes
                        .chunks_exact(2)
                        .map(|c| u16::from_be_bytes([c[0], c[1]])),
                )
                .filter_map(Result::ok)
                .collect()
            } else {
                bytes.iter().map(|b| *b as char).collect()
            };
            let s: String = s
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect();
            if !s.is_empty() {
                return Some(s);
            }
        }
        None
    }

    /// The Unicode character map: format 12 (full Unicode) if the font has it, else format 4.
    fn read_cmap(&self) -> Option<HashMap<u32, u16>> {
        let (o, _) = self.table(b"cmap")?;
        let d = &self.data;
        let n = u16_at(d, o + 2)? as usize;
        let mut best: Option<(u8, usize)> = None;
        for i in 0..n {
            let r = o + 4 + 8 * i;
            let (platform, encoding) = (u16_at(d, r)?, u16_at(d, r + 2)?);
            let sub = o + u32_at(d, r + 4)? as usize;
            let format = u16_at(d, sub)?;
            let rank = match (platform, encoding, format) {
                (3, 10, 12) | (0, 4, 12) | (0, 6, 12) => 2,
                (3, 1, 4) | (0, 3, 4) | (0, 1, 4) | (0, 0, 4) => 1,
                _ => 0,
            };
            if rank > 0 && best.is_none_or(|(b, _)| rank > b) {
                best = Some((rank, sub));
            }
        }
        let (rank, sub) = best?;
        let mut map = HashMap::new();
        if rank == 2 {
            let groups = u32_at(d, sub + 12)? as usize;
            for g in 0..groups {
                let r = sub + 16 + 12 * g;
                let (start, end, gid) = (u32_at(d, r)?, u32_at(d, r + 4)?, u32_at(d, r + 8)?);
                for c in start..=end.min(start.saturating_add(0x10000)) {
                    map.insert(c, (gid + (c - start)) as u16);
                }
            }
        } else {
            let segs = u16_at(d, sub + 6)? as usize / 2;
            let ends = sub + 14;
            let starts = ends + 2 * segs + 2;
            let deltas = starts + 2 * segs;
            let ranges = deltas + 2 * segs;
            for s in 0..segs {
                let (end, start) = (u16_at(d, ends + 2 * s)?, u16_at(d, starts + 2 * s)?);
                let delta = u16_at(d, deltas + 2 * s)?;
                let range = u16_at(d, ranges + 2 * s)? as usize;
                if start > end {
                    continue;
                }
                for c in start..=end {
                    let gid = if range == 0 {
                        c.wrapping_add(delta)
                    } else {
                        let at = ranges + 2 * s + range + 2 * (c - start) as usize;
                        match u16_at(d, at)? {
                            0 => 0,
                            g => g.wrapping_add(delta),
                        }
                    };
                    if gid != 0 && c != 0xFFFF {
                        map.insert(c as u32, gid);
                    }
                }
            }
        }
        Some(map)
    }

    /// The glyph for a character (0, the missing-glyph box, when the font has none).
    pub fn glyph(&self, c: char) -> u16 {
        self.cmap.get(&(c as u32)).copied().unwrap_or(0)
    }

    /// The advance width of a glyph in font units.
    pub fn advance(&self, gid: u16) -> u16 {
        let Some((o, _)) = self.table(b"hmtx") else {
            return 0;
        };
        let i = gid.min(self.num_hmetrics - 1) as usize;
        u16_at(&self.data, o + 4 * i).unwrap_or(0)
    }

    fn glyph_range(&self, gid: u16) -> Option<(usize, usize)> {
        let (loca, _) = self.table(b"loca")?;
        let (glyf, glyf_len) = self.table(b"glyf")?;
        let g = gid as usize;
        let (a, b) = if self.loca_long {
            (
                u32_at(&self.data, loca + 4 * g)? as usize,
                u32_at(&self.data, loca + 4 * g + 4)? as usize,
            )
        } else {
            (
                2 * u16_at(&self.data, loca + 2 * g)? as usize,
                2 * u16_at(&self.data, loca + 2 * g + 2)? as usize,
            )
        };
        (a <= b && b <= glyf_len).then_some((glyf + a, glyf + b))
    }

    /// The size in bytes of a glyph's outline (0 for an empty glyph, such as the space).
    pub fn glyph_len(&self, gid: u16) -> usize {
        self.glyph_range(gid).map_or(0, |(a, b)| b - a)
    }

    /// The glyphs a composite glyph is made of (none for a simple glyph).
    pub fn components(&self, gid: u16) -> Vec<u16> {
        let mut out = Vec::new();
        let Some((a, b)) = self.glyph_range(gid) else {
            return out;
        };
        let d = &self.data[a..b];
        if d.len() < 10 || i16_at(d, 0).unwrap_or(0) >= 0 {
            return out;
        }
        let mut p = 10;
        while let (Some(flags), Some(g)) = (u16_at(d, p), u16_at(d, p + 2)) {
            out.push(g);
            p += 4 + if flags & 1 != 0 { 4 } else { 2 };
            p += if flags & 0x8 != 0 {
                2
            } else if flags & 0x40 != 0 {
                4
            } else if flags & 0x80 != 0 {
                8
            } else {
                0
            };
            if flags & 0x20 == 0 {
                break;
            }
        }
        out
    }

    /// The font cut down to the glyphs of `used` (each with the character it shows; and glyph 0
    /// and the components of composite glyphs), with glyph ids unchanged and a character map of
    /// just those characters.
    pub fn subset(&self, used: &BTreeMap<u16, char>) -> Vec<u8> {
        let mut keep: BTreeSet<u16> = BTreeSet::new();
        let mut todo: Vec<u16> = used.keys().copied().chain([0]).collect();
        while let Some(g) = todo.pop() {
            if g < self.num_glyphs && keep.insert(g) {
                todo.extend(self.components(g));
            }
        }
        let n = self.num_glyphs as usize;
        let mut glyf = Vec::new();
        let mut loca = Vec::with_capacity(4 * (n + 1));
        for g in 0..n {
            loca.extend((glyf.len() as u32).to_be_bytes());
            if keep.contains(&(g as u16)) {
                if let Some((a, b)) = self.glyph_range(g as u16) {
                    glyf.extend_from_slice(&self.data[a..b]);
                    while glyf.len() % 4 != 0 {
                        glyf.push(0);
                    }
                }
            }
        }
        loca.extend((glyf.len() as u32).to_be_bytes());
        let mut hmtx = Vec::new();
        if let Some((o, len)) = self.table(b"hmtx") {
            hmtx.extend_from_slice(&self.data[o..o + len]);
            let long = self.num_hmetrics as usize;
            for g in 0..n {
                if keep.contains(&(g as u16)) {
                    continue;
                }
                let (at, size) = if g < long {
                    (4 * g, 4)
                } else {
                    (4 * long + 2 * (g - long), 2)
                };
                if let Some(s) = hmtx.get_mut(at..at + size) {
                    s.fill(0);
                }
            }
        }
        let mut out_tables: Vec<([u8; 4], Vec<u8>)> = Vec::new();
        let mut cmap = cmap_of(used);
        for tag in [
            b"OS/2", b"cmap", b"cvt ", b"fpgm", b"glyf", b"head", b"hhea", b"hmtx", b"loca",
            b"maxp", b"post", b"prep",
        ] {
            let body = match tag {
                b"glyf" => std::mem::take(&mut glyf),
                b"loca" => std::mem::take(&mut loca),
                b"hmtx" => std::mem::take(&mut hmtx),
                b"cmap" => std::mem::take(&mut cmap),
                _ => match self.table(tag) {
                    Some((o, l)) => self.data[o..o + l].to_vec(),
                    None => continue,
                },
            };
            let body = match tag {
                b"head" if body.len() >= 54 => {
                    let mut h = body;
                    h[8..12].fill(0); // checkSumAdjustment, set below
                    h[50..52].copy_from_slice(&1u16.to_be_bytes()); // long loca
                    h
                }
                // post version 3: no glyph names.
                b"post" if body.len() >= 32 => {
                    let mut p = body[..32].to_vec();
                    p[..4].copy_from_slice(&0x0003_0000u32.to_be_bytes());
                    p
                }
                _ => body,
            };
            out_tables.push((*tag, body));
        }
        write_sfnt(out_tables)
    }
}

/// A Windows Unicode character map (format 4) of the used characters of the Basic Multilingual
/// Plane, one segment each. The PDF does not use it (it names glyphs by id), but viewers that
/// rebuild an embedded font expect one.
fn cmap_of(used: &BTreeMap<u16, char>) -> Vec<u8> {
    let mut pairs: Vec<(u16, u16)> = used
        .iter()
        .filter(|(g, c)| **g != 0 && (**c as u32) < 0xFFFF)
        .map(|(g, c)| (*c as u32 as u16, *g))
        .collect();
    pairs.sort_unstable();
    pairs.dedup_by_key(|p| p.0);
    pairs.push((0xFFFF, 0));
    let segs = pairs.len() as u16;
    let (pow, log) = search_range(segs);
    let mut t = Vec::new();
    for v in [4u16, 0, 0, segs * 2, pow * 2, log, segs * 2 - pow * 2] {
        t.extend(v.to_be_bytes());
    }
    t.extend(pairs.iter().flat_map(|p| p.0.to_be_bytes()));
    t.extend(0u16.to_be_bytes());
    t.extend(pairs.iter().flat_map(|p| p.0.to_be_bytes()));
    t.extend(pairs.iter().flat_map(|(c, g)| {
        let delta = if *c == 0xFFFF { 1 } else { g.wrapping_sub(*c) };
        delta.to_be_bytes()
    }));
    t.extend(pairs.iter().flat_map(|_| 0u16.to_be_bytes()));
    let len = t.len() as u16;
    t[2..4].copy_from_slice(&len.to_be_bytes());
    let mut out = Vec::new();
    for v in [0u16, 1, 3, 1] {
        out.extend(v.to_be_bytes());
    }
    out.extend(12u32.to_be_bytes());
    out.extend(t);
    out
}

/// The largest power of two not above `n`, and its base-2 logarithm (the binary-search fields of
/// the table directory and of a format 4 character map).
fn search_range(n: u16) -> (u16, u16) {
    let mut pow = 1u16;
    let mut log = 0u16;
    while pow * 2 <= n {
        pow *= 2;
        log += 1;
    }
    (pow, log)
}

fn checksum(d: &[u8]) -> u32 {
    d.chunks(4).fold(0u32, |s, c| {
        let mut b = [0u8; 4];
        b[..c.len()].copy_from_slice(c);
        s.wrapping_add(u32::from_be_bytes(b))
    })
}

/// A TrueType file of these tables (sorted by tag), with checksums.
fn write_sfnt(tables: Vec<([u8; 4], Vec<u8>)>) -> Vec<u8> {
    let n = tables.len() as u16;
    let (pow, log) = search_range(n);
    let mut out = Vec::new();
    out.extend(0x0001_0000u32.to_be_bytes());
    out.extend(n.to_be_bytes());
    out.extend((pow * 16).to_be_bytes());
    out.extend(log.to_be_bytes());
    out.extend((n * 16 - pow * 16).to_be_bytes());
    let mut offset = 12 + 16 * tables.len();
    let mut head_at = None;
    for (tag, body) in &tables {
        out.extend(tag);
        out.extend(checksum(body).to_be_bytes());
        out.extend((offset as u32).to_be_bytes());
        out.extend((body.len() as u32).to_be_bytes());
        if tag == b"head" {
            head_at = Some(offset);
        }
        offset += body.len().div_ceil(4) * 4;
    }
    for (_, body) in &tables {
        out.extend(body);
        while out.len() % 4 != 0 {
            out.push(0);
        }
    }
    if let Some(h) = head_at {
        let adj = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
        out[h + 8..h + 12].copy_from_slice(&adj.to_be_bytes());
    }
    out
}
