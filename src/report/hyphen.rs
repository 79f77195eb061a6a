//! Where a word may be hyphenated (issue 19): Frank Liang's pattern method, as TeX and
//! LibreOffice use it, with the Dutch (OpenTaal) and English patterns in `assets/hyph/`
//! (`scripts/hyphenation.sh`). The report's layout uses it only for a word wider than its line;
//! before, such a word was cut between any two characters.
//!
//! A pattern such as `ab4c` or `.ge5` says, by its digits, how strongly a break between its
//! letters is wanted (odd) or forbidden (even); `.` marks the start or end of a word. For each
//! place in a word, the highest digit of all patterns that match around it decides.

use std::collections::HashMap;

/// The patterns of one language.
pub struct Patterns {
    /// Letters of a pattern → its digits (one more than letters).
    map: HashMap<String, Vec<u8>>,
    /// The longest pattern, in characters (with the dots).
    longest: usize,
    /// No break with fewer letters than this before it.
    left_min: usize,
    /// No break with fewer letters than this after it.
    right_min: usize,
}

impl Patterns {
    /// Read a pattern file: one pattern a line; `%` starts a comment line; `LEFTHYPHENMIN n`
    /// and `RIGHTHYPHENMIN n` set the shortest parts (2 each unless given). Lines that are not
    /// patterns are skipped.
    pub fn parse(text: &str) -> Patterns {
        let mut p = Patterns {
            map: HashMap::new(),
            longest: 0,
            left_min: 2,
            right_min: 2,
        };
        for line in text.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('%') {
                continue;
            }
            if let Some(n) = line.strip_prefix("LEFTHYPHENMIN") {
                p.left_min = n.trim().parse().unwrap_or(2).max(1);
                continue;
            }
            if let Some(n) = line.strip_prefix("RIGHTHYPHENMIN") {
                p.right_min = n.trim().parse().unwrap_or(2).max(1);
                continue;
            }
            if line.contains(char::is_whitespace) {
                continue;
            }
            let mut letters = String::new();
            let mut digits = vec![0u8];
            for c in line.chars() {
                match c.to_digit(10) {
                    Some(d) => {
                        if let Some(last) = digits.last_mut() {
                            *last = d as u8;
                        }
                    }
                    None => {
                        letters.push(c);
                        digits.push(0);
                    }
                }
            }
            if letters.is_empty() {
                continue;
            }
            p.longest = p.longest.max(letters.chars().count());
            p.map.insert(letters, digits);
        }
        p
    }

    /// The number of patterns.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The byte offsets in `word` where a hyphen may go, ascending. Each run of letters is
    /// hyphenated as a word of its own (a hyphen or slash in `word` is a break place already).
    pub fn points(&self, word: &str) -> Vec<usize> {
        let mut out = Vec::new();
        let mut run: Vec<(usize, char)> = Vec::new();
        for (i, c) in word.char_indices().chain([(word.len(), ' ')]) {
            if is_letter(c) {
                run.push((i, c));
            } else if !run.is_empty() {
                out.extend(self.run_points(&run));
                run.clear();
            }
        }
        out
    }

    /// Break places inside one run of letters (their byte offsets in the word).
    fn run_points(&self, run: &[(usize, char)]) -> Vec<usize> {
        let n = run.len();
        if n < self.left_min + self.right_min {
            return Vec::new();
        }
        // ".word." in lower case, one char per letter.
        let chars: Vec<char> = std::iter::once('.')
            .chain(run.iter().map(|(_, c)| lower(*c)))
            .chain(std::iter::once('.'))
            .collect();
        let mut values = vec![0u8; chars.len() + 1];
        let mut key = String::new();
        for start in 0..chars.len() {
            key.clear();
            for &c in chars.iter().skip(start).take(self.longest) {
                key.push(c);
                if let Some(digits) = self.map.get(&key) {
                    for (k, d) in digits.iter().enumerate() {
                        let v = &mut values[start + k];
                        *v = (*v).max(*d);
                    }
                }
            }
        }
        // values[k] is the place before chars[k]; letter j (0-based) is chars[j + 1], so the
        // place before letter j is values[j + 1].
        (self.left_min..=n - self.right_min)
            .filter(|&j| values[j + 1] % 2 == 1)
            .map(|j| run[j].0)
            .collect()
    }

    /// `word` with a hyphen at every break place (for tests and for a person to check).
    pub fn show(&self, word: &str) -> String {
        let points = self.points(word);
        let mut out = String::with_capacity(word.len() + points.len());
        for (i, c) in word.char_indices() {
            if points.contains(&i) {
                out.push('-');
            }
            out.push(c);
        }
        out
    }
}

/// A letter the patterns may name: Latin, with the accented letters of Latin-1 and Latin
/// Extended-A (a small test, without the Unicode tables, which would add kilobytes to the
/// report worker; letters of other scripts end a run, so that they are never hyphenated).
pub fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c as u32, 0xC0..=0x17F if c != '\u{D7}' && c != '\u{F7}')
}

/// The lower case of a letter of [`is_letter`] (the patterns are in lower case).
fn lower(c: char) -> char {
    let u = c as u32;
    let l = match u {
        0x41..=0x5A | 0xC0..=0xDE if u != 0xD7 => u + 0x20,
        // Latin Extended-A: capital and small letters alternate, capitals first, except
        // where the pairs shift by one (Ĳ..ĸ is even-first too; Ĺ..ň and Ź..ž odd-first).
        0x100..=0x137 | 0x14A..=0x177 if u % 2 == 0 => u + 1,
        0x139..=0x148 | 0x179..=0x17E if u % 2 == 1 => u + 1,
        0x178 => 0xFF,
        _ => u,
    };
    char::from_u32(l).unwrap_or(c)
}
