//! The lexer, in two stages.
//!
//! 1. [`lex`] runs the `logos` automaton over the whole file: every token of
//!    Python's lexical grammar, physical newlines kept, spaces, comments and
//!    backslash continuations skipped. Malformed text becomes a `Tok::Error`
//!    token with its [`LexError`] kept beside the stream, so a file whose
//!    script part is broken can still be split into items.
//! 2. [`layout`] turns the tokens of one top-level item into what the
//!    grammar reads: logical lines with `INDENT`/`DEDENT` from an indentation
//!    stack, as CPython's tokenizer does. It is hand-written because
//!    indentation is not a regular language.
//!
//! Layout rules (the Python reference, "Lexical analysis", 2.1):
//! - newlines inside `()`, `[]`, `{}` are ignored (implicit line joining);
//! - blank and comment-only lines produce nothing;
//! - the first token of a logical line is measured twice, with tabs to the
//!   next multiple of 8 (`column`) and with tabs as 1 (`character`); if the
//!   two orders disagree the indentation depends on the tab size and is an
//!   error (CPython's `TabError`, ruff's `Indentation::try_compare`);
//! - a dedent pops every deeper level, one `DEDENT` each, and must land on a
//!   level that is on the stack;
//! - end of input closes the last logical line and pops every level.

use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::source::Span;
use crate::token::{LexError, Tok, Token, classify_number};
use logos::Logos;

/// CPython's limit on nested brackets (`MAXLEVEL` in its tokenizer). Deeper
/// nesting is an error rather than a risk to the stack of later passes.
pub const MAX_BRACKET_DEPTH: usize = 200;

/// CPython's limit on indentation levels (`MAXINDENT`; at most 99 levels
/// are open at once).
pub const MAX_INDENT_DEPTH: usize = 100;

/// The output of the first stage: all tokens of a file, and the errors of
/// its `Tok::Error` tokens in the same order.
#[derive(Clone, Debug, Default)]
pub struct Lexed {
    /// Every token, in order; physical newlines included, no indentation.
    pub tokens: Vec<Token>,
    /// One entry per `Tok::Error` token: its span and what is wrong.
    pub errors: Vec<(Span, LexError)>,
}

impl Lexed {
    /// The error recorded for the `Tok::Error` token at `span`.
    pub fn error_at(&self, span: Span) -> LexError {
        let index = self.errors.partition_point(|(s, _)| s.start < span.start);
        self.errors
            .get(index)
            .map_or(LexError::InvalidCharacter, |&(_, error)| error)
    }
}

/// First stage: the tokens of a whole file.
pub fn lex(text: &str) -> Lexed {
    let mut out = Lexed::default();
    let mut lexer = Tok::lexer(text);
    while let Some(result) = lexer.next() {
        let range = lexer.span();
        let span = Span::new(range.start as u32, range.end as u32);
        let kind = match result {
            Ok(Tok::Int) => classify_number(lexer.slice()).unwrap_or(Tok::Int),
            Ok(Tok::Backslash) => {
                out.errors.push((span, LexError::StrayBackslash));
                Tok::Error
            }
            Ok(kind) => kind,
            Err(error) => {
                let error = match error {
                    LexError::InvalidCharacter if lexer.slice().starts_with('\0') => {
                        LexError::NulByte
                    }
                    other => other,
                };
                out.errors.push((span, error));
                Tok::Error
            }
        };
        out.tokens.push(Token { kind, span });
    }
    out
}

/// The message and help for a lexical error, in CPython's words.
pub fn lex_error_diagnostic(text: &str, span: Span, error: LexError) -> Diagnostic {
    let slice = &text[span.range()];
    let (message, label, help): (String, &str, Option<String>) = match error {
        LexError::InvalidCharacter => {
            let c = slice.chars().next().unwrap_or('?');
            (
                format!("invalid character `{c}` (U+{:04X})", c as u32),
                "not a Python token",
                Some(match c {
                    '“' | '”' | '‘' | '’' => "use plain ASCII quotes `\"` or `'`".to_owned(),
                    '≤' => "write `<=`".to_owned(),
                    '≥' => "write `>=`".to_owned(),
                    '≠' => "write `!=`".to_owned(),
                    '×' | '·' => "write `*`".to_owned(),
                    '÷' => "write `/`".to_owned(),
                    '−' | '–' | '—' => "write the ASCII minus `-`".to_owned(),
                    _ => "remove it, or put it inside a string or a comment".to_owned(),
                }),
            )
        }
        LexError::NulByte => (
            "source code cannot contain null bytes".to_owned(),
            "NUL byte here",
            Some("remove the NUL bytes; the file may not be text".to_owned()),
        ),
        LexError::UnterminatedString => (
            "unterminated string literal".to_owned(),
            "this string has no closing quote on its line",
            Some(
                "close the string on the same line, or use a triple-quoted string for several lines"
                    .to_owned(),
            ),
        ),
        LexError::UnterminatedTripleQuotedString => (
            "unterminated triple-quoted string literal".to_owned(),
            "this string is never closed",
            Some("add the closing triple quotes".to_owned()),
        ),
        LexError::InvalidNumber => {
            let (message, at, help) = number_problem(slice);
            // A problem at the very end (`0x`, `1e`) is shown on the last character.
            let at = if at >= slice.len() { slice.len().saturating_sub(1) } else { at };
            let at = span.start + at as u32;
            let width = slice[at as usize - span.start as usize..].chars().next().map_or(1, char::len_utf8) as u32;
            return Diagnostic::new(DiagnosticKind::Lexical, message)
                .with_label(Span::new(at, at + width), "here")
                .with_help(help);
        }
        LexError::StrayBackslash => (
            "unexpected character after line continuation character".to_owned(),
            "a `\\` outside a string must be the last character of its line",
            Some("remove it, or put the line break right after it".to_owned()),
        ),
    };
    let mut diagnostic = Diagnostic::new(DiagnosticKind::Lexical, message)
        .with_label(label_span(text, span, error), label);
    if let Some(help) = help {
        diagnostic = diagnostic.with_help(help);
    }
    diagnostic
}

/// What is wrong with a malformed number, where (a byte offset into it),
/// and what to write instead, in CPython's words.
fn number_problem(text: &str) -> (String, usize, String) {
    let bytes = text.as_bytes();
    let radix = match bytes.get(..2) {
        Some(b"0b" | b"0B") => Some(("binary", "0 and 1", 2)),
        Some(b"0o" | b"0O") => Some(("octal", "0 to 7", 8)),
        Some(b"0x" | b"0X") => Some(("hexadecimal", "0 to 9 and a to f", 16)),
        _ => None,
    };
    let underscore_help =
        "digits may be separated by single underscores, which cannot start or end the number"
            .to_owned();
    if let Some((name, digits, radix)) = radix {
        let body = &text[2..];
        if let Some((i, c)) = body
            .char_indices()
            .find(|&(_, c)| c != '_' && !c.is_digit(radix))
        {
            let message = if c.is_ascii_digit() {
                format!("invalid digit `{c}` in {name} literal")
            } else {
                format!("invalid {name} literal")
            };
            return (
                message,
                2 + i,
                format!("{name} literals use the digits {digits}"),
            );
        }
        let at = body
            .find("__")
            .or_else(|| body.ends_with('_').then(|| body.len() - 1))
            .unwrap_or(0);
        let help = if body.is_empty() {
            format!("write digits after the prefix, such as `{}1`", &text[..2])
        } else {
            underscore_help
        };
        return (format!("invalid {name} literal"), 2 + at, help);
    }
    if bytes.len() > 1 && bytes[0] == b'0' && bytes.iter().all(|c| c.is_ascii_digit() || *c == b'_')
    {
        return (
            "leading zeros in decimal integer literals are not permitted".to_owned(),
            0,
            "remove the leading zeros, or use an `0o` prefix for an octal integer".to_owned(),
        );
    }
    // The first character that cannot continue a decimal number here.
    let mut prev = '\0';
    for (i, c) in text.char_indices() {
        let ok = c.is_ascii_digit()
            || (c == '_'
                && prev.is_ascii_digit()
                && text[i + 1..].starts_with(|d: char| d.is_ascii_digit()))
            || (c == '.' && !text[..i].contains(['.', 'e', 'E']))
            || (matches!(c, 'e' | 'E') && !text[..i].contains(['e', 'E']) && prev != '_')
            || (matches!(c, '+' | '-') && matches!(prev, 'e' | 'E'))
            || (matches!(c, 'j' | 'J') && i + 1 == text.len());
        if !ok {
            let help = if c == '_' {
                underscore_help
            } else if c.is_alphabetic() {
                "a number cannot run into a name: put a space or an operator between them"
                    .to_owned()
            } else {
                "check the digits of the number".to_owned()
            };
            return ("invalid decimal literal".to_owned(), i, help);
        }
        prev = c;
    }
    // Complete but ends badly: `1e`, `1e+`, `1_`.
    (
        "invalid decimal literal".to_owned(),
        text.len().saturating_sub(1),
        underscore_help.replace("digits may", "an exponent needs digits; digits may"),
    )
}

/// Where to put the caret for a lexical error: an unterminated string at its
/// opening quote (prefix included; the token may run to the end of the
/// file), a stray backslash together with the character after it (which is
/// what Python objects to).
fn label_span(text: &str, span: Span, error: LexError) -> Span {
    let slice = &text[span.range()];
    match error {
        LexError::UnterminatedString | LexError::UnterminatedTripleQuotedString => {
            let quote = slice.find(['\'', '"']).unwrap_or(0);
            let quotes = if error == LexError::UnterminatedTripleQuotedString {
                3
            } else {
                1
            };
            Span::new(
                span.start,
                (span.start + (quote + quotes) as u32).min(span.end),
            )
        }
        LexError::StrayBackslash => {
            let next = text[span.end as usize..]
                .chars()
                .next()
                .map_or(0, char::len_utf8);
            Span::new(span.start, span.end + next as u32)
        }
        _ => span,
    }
}

/// Second stage: the logical lines of one top-level item, as `(start, Tok,
/// end)` triples for LALRPOP.
///
/// `tokens` are the item's tokens from [`lex`], starting at column 0. The
/// first lexical or layout error is returned as a diagnostic (without a
/// source attached; the caller attaches it).
pub fn layout(text: &str, lexed: &Lexed, tokens: &[Token]) -> Result<Vec<Triple>, Diagnostic> {
    Layout::new(text, lexed).run(tokens)
}

/// A token as the parser reads it.
pub type Triple = (u32, Tok, u32);

/// The width of leading whitespace, measured two ways (see the module doc).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Indentation {
    /// Tabs advance to the next multiple of 8.
    column: u32,
    /// Tabs count as one.
    character: u32,
}

impl Indentation {
    const ROOT: Indentation = Indentation {
        column: 0,
        character: 0,
    };

    /// Compare two indentations; `None` when the order depends on tab size.
    fn compare(self, other: Indentation) -> Option<std::cmp::Ordering> {
        let by_column = self.column.cmp(&other.column);
        (by_column == self.character.cmp(&other.character)).then_some(by_column)
    }
}

struct Layout<'a> {
    text: &'a str,
    lexed: &'a Lexed,
    out: Vec<Triple>,
    indents: Vec<Indentation>,
    brackets: Vec<Token>,
    at_line_start: bool,
}

impl<'a> Layout<'a> {
    fn new(text: &'a str, lexed: &'a Lexed) -> Self {
        Layout {
            text,
            lexed,
            out: Vec::new(),
            indents: vec![Indentation::ROOT],
            brackets: Vec::new(),
            at_line_start: true,
        }
    }

    fn run(mut self, tokens: &[Token]) -> Result<Vec<Triple>, Diagnostic> {
        self.out.reserve(tokens.len() + 8);
        for &token in tokens {
            match token.kind {
                Tok::Newline => {
                    if self.brackets.is_empty() && !self.at_line_start {
                        self.push(token.span, Tok::Newline);
                        self.at_line_start = true;
                    }
                    continue;
                }
                Tok::Error => {
                    let error = self.lexed.error_at(token.span);
                    return Err(lex_error_diagnostic(self.text, token.span, error));
                }
                _ => {}
            }
            if self.at_line_start {
                self.at_line_start = false;
                self.indent_to(token.span.start)?;
            }
            if token.kind.is_open_bracket() {
                if self.brackets.len() >= MAX_BRACKET_DEPTH {
                    return Err(Diagnostic::new(
                        DiagnosticKind::Limit,
                        "too many nested parentheses",
                    )
                    .with_label(
                        token.span,
                        format!("more than {MAX_BRACKET_DEPTH} open brackets"),
                    )
                    .with_help("split the expression into several statements"));
                }
                self.brackets.push(token);
            } else if token.kind.is_close_bracket() {
                self.close_bracket(token)?;
            }
            self.push(token.span, token.kind);
        }
        let end = self.text.len() as u32;
        let end = tokens.last().map_or(end, |t| t.span.end);
        if let Some(open) = self.brackets.first() {
            return Err(Diagnostic::new(
                DiagnosticKind::Syntax,
                format!("`{}` was never closed", open.kind.describe()),
            )
            .with_label(open.span, "opened here")
            .with_help(format!(
                "add the matching `{}`",
                open.kind.closing().describe()
            )));
        }
        if !self.at_line_start {
            self.push(Span::empty(end), Tok::Newline);
        }
        for _ in 1..self.indents.len() {
            self.push(Span::empty(end), Tok::Dedent);
        }
        Ok(self.out)
    }

    fn push(&mut self, span: Span, kind: Tok) {
        self.out.push((span.start, kind, span.end));
    }

    fn close_bracket(&mut self, token: Token) -> Result<(), Diagnostic> {
        let Some(open) = self.brackets.pop() else {
            return Err(Diagnostic::new(
                DiagnosticKind::Syntax,
                format!("unmatched `{}`", token.kind.describe()),
            )
            .with_label(token.span, "no bracket is open here")
            .with_help("remove it, or add the opening bracket it closes"));
        };
        if open.kind.closing() != token.kind {
            return Err(Diagnostic::new(
                DiagnosticKind::Syntax,
                format!(
                    "closing parenthesis `{}` does not match opening parenthesis `{}`",
                    token.kind.describe(),
                    open.kind.describe()
                ),
            )
            .with_label(token.span, "closes the wrong bracket")
            .with_secondary(open.span, "the bracket still open")
            .with_help(format!(
                "close `{}` with `{}` first",
                open.kind.describe(),
                open.kind.closing().describe()
            )));
        }
        Ok(())
    }

    /// Measure the whitespace before the first token of a logical line and
    /// emit `INDENT` or `DEDENT`s.
    fn indent_to(&mut self, offset: u32) -> Result<(), Diagnostic> {
        let bytes = self.text.as_bytes();
        let mut line_start = offset as usize;
        while line_start > 0 && !matches!(bytes[line_start - 1], b'\n' | b'\r') {
            line_start -= 1;
        }
        let mut indentation = Indentation::ROOT;
        for &c in &bytes[line_start..offset as usize] {
            match c {
                b' ' => {
                    indentation.column += 1;
                    indentation.character += 1;
                }
                b'\t' => {
                    indentation.column = (indentation.column / 8 + 1) * 8;
                    indentation.character += 1;
                }
                // A form feed resets the count, as in CPython.
                b'\x0c' => indentation = Indentation::ROOT,
                // The token is not first on its physical line (it follows a
                // backslash continuation on an earlier line, say); that line
                // was measured already.
                _ => return Ok(()),
            }
        }
        let whitespace = Span::new(line_start as u32, offset);
        let top = *self.indents.last().expect("the root level is never popped");
        match indentation.compare(top) {
            Some(std::cmp::Ordering::Equal) => Ok(()),
            Some(std::cmp::Ordering::Greater) => {
                // The stack holds the root level too: CPython allows 99
                // levels of indentation (`indent + 1 >= MAXINDENT`).
                if self.indents.len() >= MAX_INDENT_DEPTH {
                    return Err(Diagnostic::new(
                        DiagnosticKind::Limit,
                        "too many levels of indentation",
                    )
                    .with_label(
                        Span::empty(offset),
                        format!(
                            "the {}th level; Python allows at most {}",
                            MAX_INDENT_DEPTH,
                            MAX_INDENT_DEPTH - 1
                        ),
                    )
                    .with_help("move the innermost blocks into functions of their own"));
                }
                self.indents.push(indentation);
                self.push(whitespace, Tok::Indent);
                Ok(())
            }
            Some(std::cmp::Ordering::Less) => {
                while let Some(&level) = self.indents.last() {
                    match indentation.compare(level) {
                        Some(std::cmp::Ordering::Less) => {
                            self.indents.pop();
                            self.push(Span::empty(offset), Tok::Dedent);
                        }
                        Some(std::cmp::Ordering::Equal) => return Ok(()),
                        Some(std::cmp::Ordering::Greater) => break,
                        Option::None => return Err(tab_error(whitespace)),
                    }
                }
                Err(Diagnostic::new(
                    DiagnosticKind::Indentation,
                    "unindent does not match any outer indentation level",
                )
                .with_label(whitespace, "this indentation matches no enclosing block")
                .with_help("indent the line exactly as far as the block it belongs to"))
            }
            Option::None => Err(tab_error(whitespace)),
        }
    }
}

fn tab_error(whitespace: Span) -> Diagnostic {
    Diagnostic::new(
        DiagnosticKind::Indentation,
        "inconsistent use of tabs and spaces in indentation",
    )
    .with_label(
        whitespace,
        "this indentation means different things for different tab sizes",
    )
    .with_help("indent with spaces only (four per level is the Python convention)")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Result<Vec<Tok>, String> {
        let lexed = lex(text);
        layout(text, &lexed, &lexed.tokens)
            .map(|triples| triples.into_iter().map(|(_, kind, _)| kind).collect())
            .map_err(|d| d.message().to_owned())
    }

    use Tok::*;

    #[test]
    fn several_dedents_from_one_line() {
        let text = "if a:\n    if b:\n        x\ny\n";
        assert_eq!(
            kinds(text).unwrap(),
            [
                If, Name, Colon, Newline, Indent, If, Name, Colon, Newline, Indent, Name, Newline,
                Dedent, Dedent, Name, Newline
            ]
        );
    }

    #[test]
    fn blank_and_comment_lines_and_brackets_do_not_count() {
        let text = "x = (1,\n  2)\n\n   # comment\n\ny = [\n]\n";
        assert_eq!(
            kinds(text).unwrap(),
            [
                Name, Equal, Lpar, Int, Comma, Int, Rpar, Newline, Name, Equal, Lsqb, Rsqb, Newline
            ]
        );
    }

    #[test]
    fn backslash_continuation_joins_lines() {
        assert_eq!(
            kinds("x = 1 + \\\n      2\n").unwrap(),
            [Name, Equal, Int, Plus, Int, Newline]
        );
        assert_eq!(
            kinds("x = 1 \\ 2\n").unwrap_err(),
            "unexpected character after line continuation character"
        );
    }

    #[test]
    fn end_of_file_flushes_open_levels() {
        assert_eq!(
            kinds("def f():\n    if x:\n        return 1").unwrap(),
            [
                Def, Name, Lpar, Rpar, Colon, Newline, Indent, If, Name, Colon, Newline, Indent,
                Return, Int, Newline, Dedent, Dedent
            ]
        );
    }

    #[test]
    fn inconsistent_tabs_and_spaces_are_an_error() {
        // A tab is 8 columns but 1 character; 4 spaces are 4 of both.
        let text = "if a:\n\tx\n    y\n";
        assert_eq!(
            kinds(text).unwrap_err(),
            "inconsistent use of tabs and spaces in indentation"
        );
        // Consistent tabs are fine.
        assert!(kinds("if a:\n\tx\n\ty\n").is_ok());
    }

    #[test]
    fn dedent_must_match_an_outer_level() {
        let text = "if a:\n    x\n  y\n";
        assert_eq!(
            kinds(text).unwrap_err(),
            "unindent does not match any outer indentation level"
        );
    }

    #[test]
    fn brackets_must_balance() {
        assert_eq!(
            kinds("x = (1, 2]\n").unwrap_err(),
            "closing parenthesis `]` does not match opening parenthesis `(`"
        );
        assert_eq!(kinds("x = 1)\n").unwrap_err(), "unmatched `)`");
        assert_eq!(kinds("x = f(1,\n").unwrap_err(), "`(` was never closed");
        let deep = format!("x = {}1{}\n", "(".repeat(10_000), ")".repeat(10_000));
        assert_eq!(kinds(&deep).unwrap_err(), "too many nested parentheses");
    }

    #[test]
    fn indentation_depth_is_limited() {
        let mut text = String::new();
        for depth in 0..500 {
            text.push_str(&" ".repeat(depth));
            text.push_str("if x:\n");
        }
        text.push_str(&" ".repeat(500));
        text.push_str("pass\n");
        assert_eq!(kinds(&text).unwrap_err(), "too many levels of indentation");
    }

    #[test]
    fn every_kind_of_string_is_one_token() {
        let text = r#"a = r'\'' b"x" rb'\x' f"{x}" '''a
b''' """c""" u'd'"#;
        assert_eq!(
            kinds(text).unwrap(),
            [Name, Equal, Str, Bytes, Bytes, FStr, Str, Str, Str, Newline]
        );
        assert_eq!(
            kinds("x = 'abc\n").unwrap_err(),
            "unterminated string literal"
        );
        assert_eq!(
            kinds("x = '''abc\n").unwrap_err(),
            "unterminated triple-quoted string literal"
        );
    }

    #[test]
    fn operators_and_keywords() {
        assert_eq!(
            kinds("x := a -> b @ c ... **= //= != <<= not in is").unwrap(),
            [
                Name,
                ColonEqual,
                Name,
                Rarrow,
                Name,
                At,
                Name,
                Ellipsis,
                DoubleStarEqual,
                DoubleSlashEqual,
                NotEqual,
                LeftShiftEqual,
                Not,
                In,
                Is,
                Newline
            ]
        );
        assert_eq!(
            kinds("x = 1j + 2.5J + 0x1e+5").unwrap(),
            [
                Name, Equal, Imaginary, Plus, Imaginary, Plus, Int, Plus, Int, Newline
            ]
        );
    }

    #[test]
    fn invalid_characters_and_numbers() {
        assert_eq!(
            kinds("x = $\n").unwrap_err(),
            "invalid character `$` (U+0024)"
        );
        assert_eq!(
            kinds("x = 0777\n").unwrap_err(),
            "leading zeros in decimal integer literals are not permitted"
        );
        assert_eq!(
            kinds("x = 0b1012\n").unwrap_err(),
            "invalid digit `2` in binary literal"
        );
        assert_eq!(
            kinds("x = 0o785\n").unwrap_err(),
            "invalid digit `8` in octal literal"
        );
        assert_eq!(
            kinds("x = 1_000_\n").unwrap_err(),
            "invalid decimal literal"
        );
        assert_eq!(kinds("x = 12abc\n").unwrap_err(), "invalid decimal literal");
        assert_eq!(
            kinds("x = 0xfg\n").unwrap_err(),
            "invalid hexadecimal literal"
        );
        assert_eq!(
            kinds("x = \0\n").unwrap_err(),
            "source code cannot contain null bytes"
        );
    }

    #[test]
    fn a_bad_number_at_end_of_file_is_labelled_inside_the_source() {
        for text in ["x = 0o", "x = 1e", "x = 0x_"] {
            let lexed = lex(text);
            let error = layout(text, &lexed, &lexed.tokens).unwrap_err();
            assert!(
                error.primary_span().unwrap().end as usize <= text.len(),
                "{text}"
            );
        }
    }

    #[test]
    fn unicode_names() {
        assert_eq!(
            kinds("λ = α1 + _x9\n").unwrap(),
            [Name, Equal, Name, Plus, Name, Newline]
        );
    }
}
