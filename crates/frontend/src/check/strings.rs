//! String literals, decoded as Python decodes them, for the places pyjit
//! accepts strings: arguments of `print`, `sep=`/`end=`, messages of
//! `assert`, and `float("inf")`.

use crate::ast::{StrKind, StrPart};
use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::source::Span;

/// The value of one or more adjacent string literals (Python concatenates
/// them). Bytes and f-strings are rejected.
pub fn decode_string(src: &str, parts: &[StrPart]) -> Result<String, Diagnostic> {
    let mut out = String::new();
    for part in parts {
        match part.kind {
            StrKind::Str => {}
            StrKind::Bytes => {
                return Err(Diagnostic::new(
                    DiagnosticKind::Unsupported,
                    "pyjit does not support bytes literals",
                )
                .with_label(part.span, "bytes literal")
                .with_help("use a text string (remove the `b` prefix)"));
            }
            StrKind::FStr => {
                return Err(Diagnostic::new(
                    DiagnosticKind::Unsupported,
                    "pyjit does not support f-strings",
                )
                .with_label(part.span, "f-string")
                .with_help(
                    "pass the values to `print` as separate arguments: `print(\"x =\", x)`",
                ));
            }
        }
        decode_part(src, part.span, &mut out)?;
    }
    Ok(out)
}

fn decode_part(src: &str, span: Span, out: &mut String) -> Result<(), Diagnostic> {
    let text = &src[span.range()];
    let quote_at = text.find(['\'', '"']).expect("a string token has a quote");
    let raw = text[..quote_at].contains(['r', 'R']);
    let body = &text[quote_at..];
    let quote_len = if body.starts_with("\"\"\"") || body.starts_with("'''") {
        3
    } else {
        1
    };
    let inner = &body[quote_len..body.len() - quote_len];
    let inner_start = span.start as usize + quote_at + quote_len;
    if raw {
        out.push_str(inner);
        return Ok(());
    }
    let mut chars = inner.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some((_, e)) = chars.next() else {
            out.push('\\');
            break;
        };
        match e {
            '\n' => {}
            '\r' => {
                if chars.peek().is_some_and(|&(_, c)| c == '\n') {
                    chars.next();
                }
            }
            '\\' => out.push('\\'),
            '\'' => out.push('\''),
            '"' => out.push('"'),
            'a' => out.push('\x07'),
            'b' => out.push('\x08'),
            'f' => out.push('\x0c'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            'v' => out.push('\x0b'),
            '0'..='7' => {
                let mut value = e.to_digit(8).expect("octal digit");
                for _ in 0..2 {
                    match chars.peek() {
                        Some(&(_, d)) if d.is_digit(8) => {
                            value = value * 8 + d.to_digit(8).expect("octal digit");
                            chars.next();
                        }
                        _ => break,
                    }
                }
                out.push(char::from_u32(value).expect("at most 0o777"));
            }
            'x' | 'u' | 'U' => {
                let digits = match e {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let mut value = 0u32;
                for _ in 0..digits {
                    match chars.next() {
                        Some((_, d)) if d.is_ascii_hexdigit() => {
                            value = value * 16 + d.to_digit(16).expect("hex digit")
                        }
                        _ => {
                            let at = (inner_start + i) as u32;
                            return Err(Diagnostic::new(
                                DiagnosticKind::Syntax,
                                format!("truncated `\\{e}` escape in a string"),
                            )
                            .with_label(
                                Span::new(at, at + 2),
                                format!("`\\{e}` needs {digits} hexadecimal digits"),
                            )
                            .with_help("to write a backslash, double it (`\\\\`) or use a raw string `r\"...\"`"));
                        }
                    }
                }
                match char::from_u32(value) {
                    Some(c) => out.push(c),
                    None => {
                        let at = (inner_start + i) as u32;
                        return Err(Diagnostic::new(
                            DiagnosticKind::Syntax,
                            "illegal Unicode character in a string escape",
                        )
                        .with_label(Span::new(at, at + 2), "not a Unicode scalar value"));
                    }
                }
            }
            'N' => {
                let at = (inner_start + i) as u32;
                return Err(Diagnostic::new(
                    DiagnosticKind::Unsupported,
                    "pyjit does not support `\\N{...}` escapes",
                )
                .with_label(Span::new(at, at + 2), "named Unicode escape")
                .with_help("write the character itself, or use `\\u` with its code point"));
            }
            // Python keeps an unknown escape as it is (with a warning).
            other => {
                out.push('\\');
                out.push(other);
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(src: &str) -> Result<String, String> {
        let lexed = crate::lexer::lex(src);
        let parts: Vec<StrPart> = lexed
            .tokens
            .iter()
            .map(|t| StrPart {
                kind: match t.kind {
                    crate::token::Tok::Bytes => StrKind::Bytes,
                    crate::token::Tok::FStr => StrKind::FStr,
                    _ => StrKind::Str,
                },
                span: t.span,
            })
            .collect();
        decode_string(src, &parts).map_err(|d| d.message().to_owned())
    }

    #[test]
    fn escapes_decode_as_in_python() {
        assert_eq!(
            decode(r#"'a\tb\n' "c\x41\u00e9\101\\" r'\n'"#).unwrap(),
            "a\tb\ncAéA\\\\n"
        );
        assert_eq!(
            decode(
                r#"'''x\
y''' '\d'"#
            )
            .unwrap(),
            "xy\\d"
        );
        assert_eq!(
            decode(r#"'\xg'"#).unwrap_err(),
            "truncated `\\x` escape in a string"
        );
        assert_eq!(
            decode(r#"f'{x}'"#).unwrap_err(),
            "pyjit does not support f-strings"
        );
    }
}
