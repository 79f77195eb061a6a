//! Where a JSON path (`sections[3].questions[2].show_if`, as validation reports it) stands in
//! the file's text: its line and column, for messages an author can follow in an editor.
//!
//! [`Positions::of`] reads the text once and records where every value starts: an object
//! member at its key, an array element at the element. [`Positions::find`] gives the place of a
//! path, or of its longest existing prefix (a missing field is reported where its object is).
//! Lines and columns count from 1; columns count characters, not bytes. Text that is not JSON
//! gives the places read before the fault.

use std::collections::HashMap;

/// The places of the values of one JSON text, by path.
#[derive(Debug, Default, Clone)]
pub struct Positions(HashMap<String, (usize, usize)>);

/// The most nested levels read (deeper text is left unrecorded, never a stack overflow).
const MAX_DEPTH: usize = 128;

impl Positions {
    pub fn of(text: &str) -> Positions {
        let mut r = Reader {
            chars: text.chars().peekable(),
            line: 1,
            col: 1,
            out: HashMap::new(),
        };
        r.skip_ws();
        let _ = r.value(String::new(), 0);
        Positions(r.out)
    }

    /// The line and column of `path`, or of its longest prefix that the text has; `None` for
    /// an empty text or path.
    pub fn find(&self, path: &str) -> Option<(usize, usize)> {
        let mut p = path;
        loop {
            if let Some(at) = self.0.get(p) {
                return Some(*at);
            }
            let cut = p.rfind(['.', '['])?;
            p = &p[..cut];
            if p.is_empty() {
                return None;
            }
        }
    }
}

struct Reader<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
    line: usize,
    col: usize,
    out: HashMap<String, (usize, usize)>,
}

impl Reader<'_> {
    fn bump(&mut self) -> Option<char> {
        let c = self.chars.next()?;
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        Some(c)
    }

    fn skip_ws(&mut self) {
        while self.chars.peek().is_some_and(|c| c.is_whitespace()) {
            self.bump();
        }
    }

    fn string(&mut self) -> Option<String> {
        if self.bump()? != '"' {
            return None;
        }
        let mut s = String::new();
        loop {
            match self.bump()? {
                '"' => return Some(s),
                '\\' => {
                    let e = self.bump()?;
                    match e {
                        'n' => s.push('\n'),
                        't' => s.push('\t'),
                        'u' => {
                            let hex: String = (0..4).filter_map(|_| self.bump()).collect();
                            s.push(
                                u32::from_str_radix(&hex, 16)
                                    .ok()
                                    .and_then(char::from_u32)
                                    .unwrap_or('\u{fffd}'),
                            );
                        }
                        other => s.push(other),
                    }
                }
                c => s.push(c),
            }
        }
    }

    /// Read one value at `path` (its place is recorded by the caller).
    fn value(&mut self, path: String, depth: usize) -> Option<()> {
        if depth > MAX_DEPTH {
            return None;
        }
        match *self.chars.peek()? {
            '{' => {
                self.bump();
                self.skip_ws();
                if self.chars.peek() == Some(&'}') {
                    self.bump();
                    return Some(());
                }
                loop {
                    self.skip_ws();
                    let at = (self.line, self.col);
                    let key = self.string()?;
                    let child = if path.is_empty() {
                        key
                    } else {
                        format!("{path}.{key}")
                    };
                    self.out.entry(child.clone()).or_insert(at);
                    self.skip_ws();
                    if self.bump()? != ':' {
                        return None;
                    }
                    self.skip_ws();
                    self.value(child, depth + 1)?;
                    self.skip_ws();
                    match self.bump()? {
                        ',' => continue,
                        '}' => return Some(()),
                        _ => return None,
                    }
                }
            }
            '[' => {
                self.bump();
                self.skip_ws();
                if self.chars.peek() == Some(&']') {
                    self.bump();
                    return Some(());
                }
                let mut i = 0;
                loop {
                    self.skip_ws();
                    let child = format!("{path}[{i}]");
                    self.out
                        .entry(child.clone())
                        .or_insert((self.line, self.col));
                    self.value(child, depth + 1)?;
                    self.skip_ws();
                    match self.bump()? {
                        ',' => i += 1,
                        ']' => return Some(()),
                        _ => return None,
                    }
                }
            }
            '"' => self.string().map(|_| ()),
            _ => {
                // A number, true, false or null.
                while self
                    .chars
                    .peek()
                    .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '+' | '.'))
                {
                    self.bump();
                }
                Some(())
            }
        }
    }
}
