//! Signature strings in Numba's spelling, which users already know:
//! `float64(float64[:], int64)`, `void(float32, float32[:], int64)`,
//! `(f8, i8)` (no return type: inferred), with the short names `f4 f8 i4 i8
//! b1` and the layouts `[:]`, `[::1]`, `[:, :]`, `[:, ::1]`.

use std::fmt;
use std::sync::Arc;

use crate::diagnostic::{Diagnostic, DiagnosticKind, closest};
use crate::source::{SourceFile, Span};
use crate::types::{Scalar, Type};

/// A function signature: parameter types and, when given, the return type.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct Signature {
    /// One type per parameter.
    pub params: Vec<Type>,
    /// The declared return type; `None` when it is to be inferred.
    pub ret: Option<Type>,
}

/// The scalar type names a signature may use.
const SCALAR_NAMES: &[(&str, Option<Scalar>)] = &[
    ("int64", Some(Scalar::Int64)),
    ("i8", Some(Scalar::Int64)),
    ("intp", Some(Scalar::Int64)),
    ("int", Some(Scalar::Int64)),
    ("int32", Some(Scalar::Int32)),
    ("i4", Some(Scalar::Int32)),
    ("float64", Some(Scalar::Float64)),
    ("f8", Some(Scalar::Float64)),
    ("double", Some(Scalar::Float64)),
    ("float", Some(Scalar::Float64)),
    ("float32", Some(Scalar::Float32)),
    ("f4", Some(Scalar::Float32)),
    ("single", Some(Scalar::Float32)),
    ("boolean", Some(Scalar::Bool)),
    ("bool", Some(Scalar::Bool)),
    ("bool_", Some(Scalar::Bool)),
    ("b1", Some(Scalar::Bool)),
    ("void", None),
    ("none", None),
];

impl Signature {
    /// Parse a signature string. Errors point into the string, shown as the
    /// file `<signature>`.
    pub fn parse(text: &str) -> Result<Signature, Diagnostic> {
        let source = SourceFile::new("<signature>", text);
        SigParser {
            text,
            pos: 0,
            source: &source,
        }
        .signature()
    }

    /// Parse a single type, such as `float32[:, :]`.
    pub fn parse_type(text: &str) -> Result<Type, Diagnostic> {
        let source = SourceFile::new("<type>", text);
        let mut parser = SigParser {
            text,
            pos: 0,
            source: &source,
        };
        let ty = parser.ty(false)?;
        parser.skip_spaces();
        if parser.pos < text.len() {
            return Err(parser.error(
                "unexpected text after the type",
                parser.pos,
                text.len(),
                "remove this",
            ));
        }
        Ok(ty)
    }
}

impl fmt::Display for Signature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(ret) = self.ret {
            match ret {
                Type::None => f.write_str("void")?,
                other => write!(f, "{other}")?,
            }
        }
        f.write_str("(")?;
        for (i, param) in self.params.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{param}")?;
        }
        f.write_str(")")
    }
}

struct SigParser<'a> {
    text: &'a str,
    pos: usize,
    source: &'a Arc<SourceFile>,
}

impl SigParser<'_> {
    fn error(&self, message: &str, start: usize, end: usize, label: &str) -> Diagnostic {
        Diagnostic::new(DiagnosticKind::Signature, message)
            .with_source(self.source.clone())
            .with_label(Span::new(start as u32, end.max(start) as u32), label)
    }

    fn skip_spaces(&mut self) {
        while self.text[self.pos..].starts_with(char::is_whitespace) {
            self.pos += self.text[self.pos..]
                .chars()
                .next()
                .map_or(1, char::len_utf8);
        }
    }

    fn eat(&mut self, s: &str) -> bool {
        self.skip_spaces();
        if self.text[self.pos..].starts_with(s) {
            self.pos += s.len();
            true
        } else {
            false
        }
    }

    fn expect(&mut self, s: &str, what: &str) -> Result<(), Diagnostic> {
        if self.eat(s) {
            return Ok(());
        }
        let end = self.text[self.pos..]
            .chars()
            .next()
            .map_or(self.pos, |c| self.pos + c.len_utf8());
        Err(self
            .error(
                &format!("expected `{s}` in the signature"),
                self.pos,
                end,
                what,
            )
            .with_help("a signature reads like `float64(float64[:], int64)`"))
    }

    fn signature(&mut self) -> Result<Signature, Diagnostic> {
        self.skip_spaces();
        let ret = if self.text[self.pos..].starts_with('(') {
            None
        } else {
            Some(self.ty(true)?)
        };
        self.expect("(", "the parameter list starts here")?;
        let mut params = Vec::new();
        loop {
            if self.eat(")") {
                break;
            }
            params.push(self.ty(false)?);
            if !self.eat(",") {
                self.expect(")", "expected `,` or `)`")?;
                break;
            }
        }
        self.skip_spaces();
        if self.pos < self.text.len() {
            return Err(self.error(
                "unexpected text after the signature",
                self.pos,
                self.text.len(),
                "remove this",
            ));
        }
        Ok(Signature { params, ret })
    }

    fn ty(&mut self, is_return: bool) -> Result<Type, Diagnostic> {
        self.skip_spaces();
        let start = self.pos;
        let len = self.text[start..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(self.text.len() - start);
        self.pos += len;
        let name = &self.text[start..self.pos];
        if name.is_empty() {
            let end = self.text[start..]
                .chars()
                .next()
                .map_or(start, |c| start + c.len_utf8());
            return Err(self
                .error(
                    "expected a type in the signature",
                    start,
                    end,
                    "a type name such as `float64` goes here",
                )
                .with_help("a signature reads like `float64(float64[:], int64)`"));
        }
        let Some(&(_, scalar)) = SCALAR_NAMES.iter().find(|(n, _)| *n == name) else {
            let mut error = self.error(
                &format!("unknown type `{name}` in the signature"),
                start,
                self.pos,
                "not a type pyjit knows",
            );
            if let Some(similar) = closest(name, SCALAR_NAMES.iter().map(|(n, _)| *n)) {
                error = error.with_help(format!("did you mean `{similar}`?"));
            } else {
                error = error.with_help("the types are int64 (i8), int32 (i4), float64 (f8), float32 (f4), boolean (b1), void, and arrays such as float64[:] or float32[:, :]");
            }
            return Err(error);
        };
        let Some(scalar) = scalar else {
            if is_return {
                return Ok(Type::None);
            }
            return Err(self.error(
                "`void` is not a parameter type",
                start,
                self.pos,
                "only a return type can be `void`",
            ));
        };
        if !self.eat("[") {
            return Ok(Type::Scalar(scalar));
        }
        let mut ndim = 0u8;
        loop {
            self.skip_spaces();
            let dim_start = self.pos;
            if !(self.eat("::1") || self.eat(":")) {
                let end = self.text[self.pos..]
                    .chars()
                    .next()
                    .map_or(self.pos, |c| self.pos + c.len_utf8());
                return Err(self.error(
                    "expected `:` for an array dimension",
                    dim_start,
                    end,
                    "arrays are written `float64[:]` or `float64[:, :]`",
                ));
            }
            ndim += 1;
            if ndim > 2 {
                return Err(self.error(
                    "pyjit supports arrays of 1 or 2 dimensions",
                    start,
                    self.pos,
                    "three or more dimensions",
                ));
            }
            if self.eat("]") {
                break;
            }
            self.expect(",", "expected `,` or `]`")?;
        }
        Ok(Type::array(scalar, ndim))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numba_signatures_parse() {
        let sig =
            Signature::parse("void(float32, float32[:], float32[::1], f4[:, :], int64)").unwrap();
        assert_eq!(sig.ret, Some(Type::None));
        assert_eq!(
            sig.params,
            vec![
                Type::Scalar(Scalar::Float32),
                Type::array(Scalar::Float32, 1),
                Type::array(Scalar::Float32, 1),
                Type::array(Scalar::Float32, 2),
                Type::INT,
            ]
        );
        assert_eq!(
            sig.to_string(),
            "void(float32, float32[:], float32[:], float32[:, :], int64)"
        );
        let inferred = Signature::parse(" ( f8 , i8, ) ").unwrap();
        assert_eq!(
            inferred,
            Signature {
                params: vec![Type::FLOAT, Type::INT],
                ret: None
            }
        );
        assert_eq!(Signature::parse("b1()").unwrap().ret, Some(Type::BOOL));
    }

    #[test]
    fn bad_signatures_point_at_the_problem() {
        let e = Signature::parse("float64(flaot64[:])").unwrap_err();
        assert_eq!(e.message(), "unknown type `flaot64` in the signature");
        assert_eq!(e.help(), ["did you mean `float64`?"]);
        assert_eq!(e.primary_span(), Some(Span::new(8, 15)));
        assert_eq!(
            Signature::parse("f8(void)").unwrap_err().message(),
            "`void` is not a parameter type"
        );
        assert_eq!(
            Signature::parse("f8(f8[:,:,:])").unwrap_err().message(),
            "pyjit supports arrays of 1 or 2 dimensions"
        );
        assert_eq!(
            Signature::parse("f8(f8").unwrap_err().message(),
            "expected `)` in the signature"
        );
        assert_eq!(
            Signature::parse("f8(f8) x").unwrap_err().message(),
            "unexpected text after the signature"
        );
        assert_eq!(
            Signature::parse("").unwrap_err().message(),
            "expected a type in the signature"
        );
    }
}
