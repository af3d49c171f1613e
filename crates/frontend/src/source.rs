//! Source text, byte spans, and the line index that turns offsets into
//! `line:column` only when a diagnostic is rendered.
//!
//! Every position in the frontend is a `u32` byte offset into the source
//! (STYLE.md, habit 10); lines and columns exist only for people.

use std::fmt;
use std::ops::Range;
use std::sync::Arc;

/// A half-open byte range `start..end` into one source file.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Span {
    /// Offset of the first byte.
    pub start: u32,
    /// Offset one past the last byte.
    pub end: u32,
}

impl Span {
    /// The span `start..end`.
    pub const fn new(start: u32, end: u32) -> Span {
        Span { start, end }
    }

    /// An empty span at `offset`, for things that occupy no text (an implicit
    /// `NEWLINE` at end of file, a `DEDENT`).
    pub const fn empty(offset: u32) -> Span {
        Span {
            start: offset,
            end: offset,
        }
    }

    /// The smallest span that covers both `self` and `other`.
    pub fn cover(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// Whether `other` lies inside `self` (an empty span at either end counts).
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Length in bytes.
    pub fn len(self) -> u32 {
        self.end - self.start
    }

    /// Whether the span covers no bytes.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The span as a `usize` range, for slicing the source.
    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

/// A one-based line and column; the column counts characters, not bytes, so
/// that it matches what an editor shows.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct LineCol {
    /// One-based line number.
    pub line: u32,
    /// One-based column, in characters.
    pub col: u32,
}

/// Offsets of line starts, built once per file.
#[derive(Clone, Debug)]
pub struct LineIndex {
    /// Byte offset of the first byte of every line; `line_starts[0] == 0`.
    line_starts: Vec<u32>,
}

impl LineIndex {
    /// Index the lines of `text`. A line ends at `\n`, `\r\n` or a lone `\r`,
    /// as in Python.
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => line_starts.push(i as u32 + 1),
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => line_starts.push(i as u32 + 1),
                _ => {}
            }
            i += 1;
        }
        LineIndex { line_starts }
    }

    /// Number of lines (a file without a final newline still has its last
    /// line; an empty file has one empty line).
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// Zero-based index of the line that holds `offset`.
    pub fn line_of(&self, offset: u32) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    /// Byte offset where zero-based line `line` starts.
    pub fn line_start(&self, line: usize) -> u32 {
        self.line_starts[line]
    }

    /// One-based line and character column of `offset` in `text`.
    pub fn line_col(&self, text: &str, offset: u32) -> LineCol {
        let line = self.line_of(offset);
        let start = self.line_starts[line] as usize;
        let end = (offset as usize).min(text.len());
        let col = text
            .get(start..end)
            .map_or(end - start, |s| s.chars().count());
        LineCol {
            line: line as u32 + 1,
            col: col as u32 + 1,
        }
    }
}

/// One source file: its display name, its text, and its line index.
///
/// Files are shared (`Arc`) between the module index, every diagnostic and
/// the typed program, so a diagnostic can always render its code frame.
#[derive(Debug)]
pub struct SourceFile {
    name: String,
    text: String,
    lines: LineIndex,
}

/// The largest source file pyjit reads: spans are `u32` offsets.
pub const MAX_SOURCE_LEN: usize = u32::MAX as usize - 1;

impl SourceFile {
    /// A source file from text already known to be UTF-8. A leading byte
    /// order mark is dropped, as CPython drops it.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Arc<SourceFile> {
        let mut text = text.into();
        if text.starts_with('\u{feff}') {
            text.drain(..'\u{feff}'.len_utf8());
        }
        let lines = LineIndex::new(&text);
        Arc::new(SourceFile {
            name: name.into(),
            text,
            lines,
        })
    }

    /// A source file from raw bytes. Python source is UTF-8; anything else
    /// (or a file too large for `u32` offsets) is reported as a diagnostic
    /// that points at the first bad byte.
    pub fn from_bytes(
        name: impl Into<String>,
        bytes: &[u8],
    ) -> Result<Arc<SourceFile>, crate::Diagnostic> {
        let name = name.into();
        if bytes.len() > MAX_SOURCE_LEN {
            return Err(crate::Diagnostic::new(
                crate::DiagnosticKind::Encoding,
                format!("`{name}` is too large: pyjit reads source files up to 4 GiB"),
            ));
        }
        match std::str::from_utf8(bytes) {
            Ok(text) => Ok(SourceFile::new(name, text)),
            Err(error) => {
                // Render the file with the bad bytes replaced, so the code frame
                // still shows where they are; the replacement character is three
                // bytes long and starts exactly where the bad byte was.
                let at = error.valid_up_to();
                let shown = SourceFile::new(name, String::from_utf8_lossy(bytes).into_owned());
                let bad = bytes[at];
                let at = at as u32 - u32::from(bytes.starts_with(b"\xef\xbb\xbf")) * 3;
                Err(crate::Diagnostic::new(
                    crate::DiagnosticKind::Encoding,
                    format!("source is not valid UTF-8: byte 0x{bad:02x} cannot start or continue a character"),
                )
                .with_source(shown)
                .with_label(Span::new(at, at + 3), "invalid byte here")
                .with_help("save the file as UTF-8, the encoding Python source uses by default"))
            }
        }
    }

    /// The name the file is shown under in diagnostics.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The whole text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text under `span`.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.range()]
    }

    /// The line index.
    pub fn lines(&self) -> &LineIndex {
        &self.lines
    }

    /// One-based line and column of `offset`.
    pub fn line_col(&self, offset: u32) -> LineCol {
        self.lines.line_col(&self.text, offset)
    }

    /// One-based line number of `offset`.
    pub fn line_number(&self, offset: u32) -> u32 {
        self.lines.line_of(offset) as u32 + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_and_every_newline_kind() {
        let text = "ab\r\nπx\ry\n";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 4);
        assert_eq!(index.line_col(text, 0), LineCol { line: 1, col: 1 });
        assert_eq!(index.line_col(text, 4), LineCol { line: 2, col: 1 });
        // `x` follows the two-byte `π`.
        assert_eq!(index.line_col(text, 6), LineCol { line: 2, col: 2 });
        assert_eq!(index.line_col(text, 8), LineCol { line: 3, col: 1 });
        assert_eq!(index.line_col(text, 10), LineCol { line: 4, col: 1 });
    }

    #[test]
    fn byte_order_mark_is_dropped() {
        let file = SourceFile::new("x.py", "\u{feff}x = 1\n");
        assert_eq!(file.text(), "x = 1\n");
    }

    #[test]
    fn invalid_utf8_points_at_the_bad_byte() {
        let error = SourceFile::from_bytes("bad.py", b"x = 1\ny = \xff\n").unwrap_err();
        let span = error.primary_span().unwrap();
        assert_eq!(span, Span::new(10, 13));
        assert!(error.message().contains("0xff"));
    }
}
