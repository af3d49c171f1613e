//! Token kinds: small `Copy` values; the text of a name or number is
//! re-sliced from the source through the token's span (STYLE.md, after ruff).
//!
//! The kinds cover all of Python's lexical grammar, not only the subset
//! pyjit compiles, so that any Python file can be split into top-level items
//! and any construct rejected by name rather than by a lexical error.

use std::fmt;

use logos::Logos;

use crate::source::Span;

/// A token: a kind and the bytes it covers.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Token {
    /// What sort of token.
    pub kind: Tok,
    /// Where it is.
    pub span: Span,
}

/// Why a piece of text is not a Python token. Kept beside the token stream
/// (as a `Tok::Error` token) so that splitting a file into items still works
/// when an item nobody compiles is malformed.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub enum LexError {
    /// A character Python does not accept outside strings and comments.
    #[default]
    InvalidCharacter,
    /// A NUL byte anywhere in the source.
    NulByte,
    /// A string without its closing quote before the end of the line.
    UnterminatedString,
    /// A triple-quoted string without its closing quotes before end of file.
    UnterminatedTripleQuotedString,
    /// A number that Python would not read (`0777`, `1__0`, `0x`, `1e`).
    InvalidNumber,
    /// A `\` followed by something other than a newline.
    StrayBackslash,
}

/// The kind of a token. Variants without a `#[token]` or `#[regex]`
/// attribute are made by the lexer's second stage (numbers are classified,
/// indentation is measured) rather than matched directly.
#[derive(Logos, Clone, Copy, PartialEq, Eq, Hash, Debug)]
#[logos(error = LexError)]
#[logos(skip r"[ \t\x0c]+")]
#[logos(skip(r"#[^\r\n]*", allow_greedy = true))]
#[logos(skip r"\\(\r\n|\r|\n)")]
pub enum Tok {
    // ---- layout: made by the indentation layer (Newline is lexed) --------
    /// End of a logical line (or of a physical line, before indentation).
    #[regex(r"\r\n|\r|\n")]
    Newline,
    /// One more level of indentation.
    Indent,
    /// One level of indentation less.
    Dedent,

    // ---- names and literals -----------------------------------------------
    /// An identifier (Unicode, as in Python).
    #[regex(r"[\p{XID_Start}_]\p{XID_Continue}*")]
    Name,
    /// An integer literal: decimal, `0x`, `0o` or `0b`, with `_`.
    #[regex(r"[0-9]|\.[0-9]", scan_number)]
    Int,
    /// A floating-point literal (`1.5`, `1e-3`, `.5`, `1_000.0`).
    Float,
    /// An imaginary literal (`1j`, `2.5J`).
    Imaginary,
    /// A string literal, raw or not.
    #[regex(r#"(?:[rRuU])?['"]"#, scan_string)]
    Str,
    /// A bytes literal.
    #[regex(r#"(?:[bB][rR]?|[rR][bB])['"]"#, scan_string)]
    Bytes,
    /// An f-string, kept opaque.
    #[regex(r#"(?:[fF][rR]?|[rR][fF])['"]"#, scan_string)]
    FStr,

    // ---- keywords -----------------------------------------------------------
    /// `False`
    #[token("False")]
    False,
    /// `None`
    #[token("None")]
    None,
    /// `True`
    #[token("True")]
    True,
    /// `and`
    #[token("and")]
    And,
    /// `as`
    #[token("as")]
    As,
    /// `assert`
    #[token("assert")]
    Assert,
    /// `async`
    #[token("async")]
    Async,
    /// `await`
    #[token("await")]
    Await,
    /// `break`
    #[token("break")]
    Break,
    /// `class`
    #[token("class")]
    Class,
    /// `continue`
    #[token("continue")]
    Continue,
    /// `def`
    #[token("def")]
    Def,
    /// `del`
    #[token("del")]
    Del,
    /// `elif`
    #[token("elif")]
    Elif,
    /// `else`
    #[token("else")]
    Else,
    /// `except`
    #[token("except")]
    Except,
    /// `finally`
    #[token("finally")]
    Finally,
    /// `for`
    #[token("for")]
    For,
    /// `from`
    #[token("from")]
    From,
    /// `global`
    #[token("global")]
    Global,
    /// `if`
    #[token("if")]
    If,
    /// `import`
    #[token("import")]
    Import,
    /// `in`
    #[token("in")]
    In,
    /// `is`
    #[token("is")]
    Is,
    /// `lambda`
    #[token("lambda")]
    Lambda,
    /// `nonlocal`
    #[token("nonlocal")]
    Nonlocal,
    /// `not`
    #[token("not")]
    Not,
    /// `or`
    #[token("or")]
    Or,
    /// `pass`
    #[token("pass")]
    Pass,
    /// `raise`
    #[token("raise")]
    Raise,
    /// `return`
    #[token("return")]
    Return,
    /// `try`
    #[token("try")]
    Try,
    /// `while`
    #[token("while")]
    While,
    /// `with`
    #[token("with")]
    With,
    /// `yield`
    #[token("yield")]
    Yield,

    // ---- operators and delimiters -----------------------------------------
    /// `+`
    #[token("+")]
    Plus,
    /// `-`
    #[token("-")]
    Minus,
    /// `*`
    #[token("*")]
    Star,
    /// `**`
    #[token("**")]
    DoubleStar,
    /// `/`
    #[token("/")]
    Slash,
    /// `//`
    #[token("//")]
    DoubleSlash,
    /// `%`
    #[token("%")]
    Percent,
    /// `@`
    #[token("@")]
    At,
    /// `<<`
    #[token("<<")]
    LeftShift,
    /// `>>`
    #[token(">>")]
    RightShift,
    /// `&`
    #[token("&")]
    Amper,
    /// `|`
    #[token("|")]
    Vbar,
    /// `^`
    #[token("^")]
    Caret,
    /// `~`
    #[token("~")]
    Tilde,
    /// `:=`
    #[token(":=")]
    ColonEqual,
    /// `<`
    #[token("<")]
    Less,
    /// `>`
    #[token(">")]
    Greater,
    /// `<=`
    #[token("<=")]
    LessEqual,
    /// `>=`
    #[token(">=")]
    GreaterEqual,
    /// `==`
    #[token("==")]
    EqEqual,
    /// `!=`
    #[token("!=")]
    NotEqual,
    /// `(`
    #[token("(")]
    Lpar,
    /// `)`
    #[token(")")]
    Rpar,
    /// `[`
    #[token("[")]
    Lsqb,
    /// `]`
    #[token("]")]
    Rsqb,
    /// `{`
    #[token("{")]
    Lbrace,
    /// `}`
    #[token("}")]
    Rbrace,
    /// `,`
    #[token(",")]
    Comma,
    /// `:`
    #[token(":")]
    Colon,
    /// `;`
    #[token(";")]
    Semi,
    /// `.`
    #[token(".")]
    Dot,
    /// `...`
    #[token("...")]
    Ellipsis,
    /// `=`
    #[token("=")]
    Equal,
    /// `->`
    #[token("->")]
    Rarrow,
    /// `+=`
    #[token("+=")]
    PlusEqual,
    /// `-=`
    #[token("-=")]
    MinusEqual,
    /// `*=`
    #[token("*=")]
    StarEqual,
    /// `/=`
    #[token("/=")]
    SlashEqual,
    /// `//=`
    #[token("//=")]
    DoubleSlashEqual,
    /// `%=`
    #[token("%=")]
    PercentEqual,
    /// `@=`
    #[token("@=")]
    AtEqual,
    /// `&=`
    #[token("&=")]
    AmperEqual,
    /// `|=`
    #[token("|=")]
    VbarEqual,
    /// `^=`
    #[token("^=")]
    CaretEqual,
    /// `<<=`
    #[token("<<=")]
    LeftShiftEqual,
    /// `>>=`
    #[token(">>=")]
    RightShiftEqual,
    /// `**=`
    #[token("**=")]
    DoubleStarEqual,
    /// A `\` not followed by a newline; always an error, but lexed so the
    /// message can say what Python says.
    #[token("\\")]
    Backslash,

    /// Text that is not a token; the error itself is kept beside the stream.
    Error,
}

impl Tok {
    /// How the token is written in diagnostics: the literal text for
    /// keywords and operators, a description for the rest.
    pub fn describe(self) -> &'static str {
        use Tok::*;
        match self {
            Newline => "newline",
            Indent => "indent",
            Dedent => "dedent",
            Name => "name",
            Int | Float | Imaginary => "number",
            Str => "string",
            Bytes => "bytes literal",
            FStr => "f-string",
            Error | Backslash => "invalid token",
            other => other.text().unwrap_or("token"),
        }
    }

    /// The fixed text of a keyword, operator or delimiter.
    pub fn text(self) -> Option<&'static str> {
        use Tok::*;
        Some(match self {
            False => "False",
            None => "None",
            True => "True",
            And => "and",
            As => "as",
            Assert => "assert",
            Async => "async",
            Await => "await",
            Break => "break",
            Class => "class",
            Continue => "continue",
            Def => "def",
            Del => "del",
            Elif => "elif",
            Else => "else",
            Except => "except",
            Finally => "finally",
            For => "for",
            From => "from",
            Global => "global",
            If => "if",
            Import => "import",
            In => "in",
            Is => "is",
            Lambda => "lambda",
            Nonlocal => "nonlocal",
            Not => "not",
            Or => "or",
            Pass => "pass",
            Raise => "raise",
            Return => "return",
            Try => "try",
            While => "while",
            With => "with",
            Yield => "yield",
            Plus => "+",
            Minus => "-",
            Star => "*",
            DoubleStar => "**",
            Slash => "/",
            DoubleSlash => "//",
            Percent => "%",
            At => "@",
            LeftShift => "<<",
            RightShift => ">>",
            Amper => "&",
            Vbar => "|",
            Caret => "^",
            Tilde => "~",
            ColonEqual => ":=",
            Less => "<",
            Greater => ">",
            LessEqual => "<=",
            GreaterEqual => ">=",
            EqEqual => "==",
            NotEqual => "!=",
            Lpar => "(",
            Rpar => ")",
            Lsqb => "[",
            Rsqb => "]",
            Lbrace => "{",
            Rbrace => "}",
            Comma => ",",
            Colon => ":",
            Semi => ";",
            Dot => ".",
            Ellipsis => "...",
            Equal => "=",
            Rarrow => "->",
            PlusEqual => "+=",
            MinusEqual => "-=",
            StarEqual => "*=",
            SlashEqual => "/=",
            DoubleSlashEqual => "//=",
            PercentEqual => "%=",
            AtEqual => "@=",
            AmperEqual => "&=",
            VbarEqual => "|=",
            CaretEqual => "^=",
            LeftShiftEqual => "<<=",
            RightShiftEqual => ">>=",
            DoubleStarEqual => "**=",
            Backslash => "\\",
            Newline | Indent | Dedent | Name | Int | Float | Imaginary | Str | Bytes | FStr
            | Error => return Option::None,
        })
    }

    /// Whether the token opens a bracket that joins lines until it closes.
    pub fn is_open_bracket(self) -> bool {
        matches!(self, Tok::Lpar | Tok::Lsqb | Tok::Lbrace)
    }

    /// Whether the token closes a bracket.
    pub fn is_close_bracket(self) -> bool {
        matches!(self, Tok::Rpar | Tok::Rsqb | Tok::Rbrace)
    }

    /// The closing bracket for an opening one.
    pub fn closing(self) -> Tok {
        match self {
            Tok::Lpar => Tok::Rpar,
            Tok::Lsqb => Tok::Rsqb,
            _ => Tok::Rbrace,
        }
    }
}

impl fmt::Display for Tok {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.describe())
    }
}

/// Consume the rest of a numeric literal after its first character and check
/// it against Python's grammar. The kind (`Int`, `Float`, `Imaginary`) is
/// decided afterwards by [`classify_number`], from the text.
fn scan_number(lex: &mut logos::Lexer<'_, Tok>) -> Result<(), LexError> {
    let rest = lex.remainder().as_bytes();
    let start = lex.slice().as_bytes();
    // Take every character a number could be made of, so that `0777`, `1_`
    // or `12abc` become one bad token rather than a number and a name.
    let mut len = 0;
    let mut prev = *start.last().unwrap_or(&b'0');
    let hex = start == b"0" && matches!(rest.first(), Some(b'x' | b'X'));
    while len < rest.len() {
        let c = rest[len];
        let takes = c.is_ascii_alphanumeric()
            || c == b'_'
            || (c == b'.' && !hex && rest.get(len + 1) != Some(&b'.'))
            || (matches!(c, b'+' | b'-') && matches!(prev, b'e' | b'E') && !hex && {
                // `1e+5` continues the number; `1 if x else 2`-style text never
                // reaches here because `e` must directly precede the sign.
                rest.get(len + 1).is_some_and(u8::is_ascii_digit)
            });
        if !takes {
            break;
        }
        prev = c;
        len += 1;
    }
    lex.bump(len);
    match classify_number(lex.slice()) {
        Some(_) => Ok(()),
        Option::None => Err(LexError::InvalidNumber),
    }
}

/// The kind of a numeric literal, or `None` if Python would reject it.
pub fn classify_number(text: &str) -> Option<Tok> {
    let bytes = text.as_bytes();
    // Digits with single underscores between them: `1_000`, not `1__0` or `1_`.
    fn digits(s: &[u8], ok: impl Fn(u8) -> bool) -> bool {
        !s.is_empty()
            && ok(s[0])
            && ok(s[s.len() - 1])
            && s.windows(2)
                .all(|w| (ok(w[0]) || w[0] == b'_') && (ok(w[1]) || w[1] == b'_'))
            && !s.windows(2).any(|w| w == b"__")
    }
    if bytes.len() > 2 && bytes[0] == b'0' {
        let (radix_ok, rest): (fn(u8) -> bool, _) = match bytes[1] {
            b'x' | b'X' => (|c: u8| c.is_ascii_hexdigit(), &bytes[2..]),
            b'o' | b'O' => (|c: u8| (b'0'..=b'7').contains(&c), &bytes[2..]),
            b'b' | b'B' => (|c: u8| c == b'0' || c == b'1', &bytes[2..]),
            _ => (|_| false, &bytes[..0]),
        };
        if !rest.is_empty() || matches!(bytes[1], b'x' | b'X' | b'o' | b'O' | b'b' | b'B') {
            let rest = rest.strip_prefix(b"_").unwrap_or(rest);
            return digits(rest, radix_ok).then_some(Tok::Int);
        }
    }
    let is_digit = |c: u8| c.is_ascii_digit();
    let (body, imaginary) = match bytes.last() {
        Some(b'j' | b'J') => (&bytes[..bytes.len() - 1], true),
        _ => (bytes, false),
    };
    let (mantissa, exponent) = match body.iter().position(|&c| c == b'e' || c == b'E') {
        Some(at) => (&body[..at], Some(&body[at + 1..])),
        Option::None => (body, Option::None),
    };
    let (int_part, frac_part) = match mantissa.iter().position(|&c| c == b'.') {
        Some(at) => (&mantissa[..at], Some(&mantissa[at + 1..])),
        Option::None => (mantissa, Option::None),
    };
    let int_ok = int_part.is_empty() && frac_part.is_some() || digits(int_part, is_digit);
    let frac_ok = match frac_part {
        Option::None => true,
        Some([]) => !int_part.is_empty(),
        Some(frac) => digits(frac, is_digit),
    };
    let exp_ok = match exponent {
        Option::None => true,
        Some(exp) => {
            let exp = exp
                .strip_prefix(b"+")
                .or_else(|| exp.strip_prefix(b"-"))
                .unwrap_or(exp);
            digits(exp, is_digit)
        }
    };
    if !(int_ok && frac_ok && exp_ok) {
        return Option::None;
    }
    if imaginary {
        return Some(Tok::Imaginary);
    }
    if frac_part.is_some() || exponent.is_some() {
        return Some(Tok::Float);
    }
    // A decimal integer may not have leading zeros, except zero itself.
    let leading_zero_ok = int_part[0] != b'0' || int_part.iter().all(|&c| c == b'0' || c == b'_');
    leading_zero_ok.then_some(Tok::Int)
}

/// Consume the body of a string literal whose prefix and opening quote were
/// matched. Backslashes escape the next character (in raw strings too, as
/// far as finding the closing quote goes); a single-quoted string may not
/// contain an unescaped newline.
fn scan_string(lex: &mut logos::Lexer<'_, Tok>) -> Result<(), LexError> {
    let quote = *lex
        .slice()
        .as_bytes()
        .last()
        .expect("the regex ends in a quote");
    let rest = lex.remainder().as_bytes();
    let triple = rest.len() >= 2 && rest[0] == quote && rest[1] == quote;
    let mut i = if triple { 2 } else { 0 };
    while i < rest.len() {
        match rest[i] {
            b'\\' => {
                i += if rest.get(i + 1) == Some(&b'\r') && rest.get(i + 2) == Some(&b'\n') {
                    3
                } else {
                    2
                }
            }
            c if c == quote => {
                if !triple {
                    lex.bump(i + 1);
                    return Ok(());
                }
                if rest.get(i + 1) == Some(&quote) && rest.get(i + 2) == Some(&quote) {
                    lex.bump(i + 3);
                    return Ok(());
                }
                i += 1;
            }
            b'\n' | b'\r' if !triple => {
                lex.bump(i);
                return Err(LexError::UnterminatedString);
            }
            _ => i += 1,
        }
    }
    // `i` may step past the end after a trailing backslash.
    lex.bump(rest.len());
    Err(if triple {
        LexError::UnterminatedTripleQuotedString
    } else {
        LexError::UnterminatedString
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_classified_as_python_reads_them() {
        for (text, kind) in [
            ("0", Some(Tok::Int)),
            ("00", Some(Tok::Int)),
            ("1_000", Some(Tok::Int)),
            ("0x_ff", Some(Tok::Int)),
            ("0b1010", Some(Tok::Int)),
            ("0o777", Some(Tok::Int)),
            ("1.5", Some(Tok::Float)),
            ("1.", Some(Tok::Float)),
            (".5", Some(Tok::Float)),
            ("1e-3", Some(Tok::Float)),
            ("1_000.0_1e1_0", Some(Tok::Float)),
            ("1j", Some(Tok::Imaginary)),
            ("1.5e3J", Some(Tok::Imaginary)),
            ("0777", Option::None),
            ("1__0", Option::None),
            ("1_", Option::None),
            ("0x", Option::None),
            ("0xg", Option::None),
            ("1e", Option::None),
            ("1e+", Option::None),
            ("12abc", Option::None),
            ("0b2", Option::None),
            ("1._5", Option::None),
        ] {
            assert_eq!(classify_number(text), kind, "{text}");
        }
    }
}
