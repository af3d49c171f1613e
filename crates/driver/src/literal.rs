//! Arguments written as Python literals, as `pyjit run` takes them: ints
//! (`42`, `-0x1f`, `1_000`), floats (`2.5`, `1e-3`, `inf`, `-inf`, `nan`),
//! `True`, `False`, flat lists (1-D arrays) and lists of lists (2-D
//! arrays).
//!
//! ```
//! use pyjit::literal::{Literal, OwnedArg};
//!
//! let literal = Literal::parse("[[1, 2], [3, 4.5]]")?;
//! assert_eq!(literal.ty()?.to_string(), "float64[:, :]");
//! let mut storage = OwnedArg::new(&literal, literal.ty()?)?;
//! let _argument = storage.arg();
//! # Ok::<(), String>(())
//! ```

use pyjit_frontend::types::{Scalar, Type};

use crate::value::{Arg, Array, ArrayData, Element, Value};

/// A parsed literal.
#[derive(Clone, Debug, PartialEq)]
pub enum Literal {
    /// An int.
    Int(i64),
    /// A float.
    Float(f64),
    /// A bool.
    Bool(bool),
    /// A list.
    List(Vec<Literal>),
}

impl Literal {
    /// Parse one argument.
    pub fn parse(text: &str) -> Result<Literal, String> {
        let mut parser = Parser { text, pos: 0 };
        let value = parser.value()?;
        parser.spaces();
        if parser.pos != text.len() {
            return Err(format!(
                "unexpected `{}` after the value in `{text}`",
                &text[parser.pos..]
            ));
        }
        Ok(value)
    }
}

struct Parser<'a> {
    text: &'a str,
    pos: usize,
}

impl Parser<'_> {
    fn spaces(&mut self) {
        while self.text[self.pos..].starts_with(char::is_whitespace) {
            self.pos += 1;
        }
    }

    fn value(&mut self) -> Result<Literal, String> {
        self.spaces();
        let rest = &self.text[self.pos..];
        if rest.starts_with('[') {
            self.pos += 1;
            let mut items = Vec::new();
            loop {
                self.spaces();
                if self.text[self.pos..].starts_with(']') {
                    self.pos += 1;
                    return Ok(Literal::List(items));
                }
                items.push(self.value()?);
                self.spaces();
                let rest = &self.text[self.pos..];
                if rest.starts_with(',') {
                    self.pos += 1;
                } else if !rest.starts_with(']') {
                    return Err(format!("expected `,` or `]` in `{}`", self.text));
                }
            }
        }
        let len = rest
            .find(|c: char| c == ',' || c == ']' || c.is_whitespace())
            .unwrap_or(rest.len());
        let word = &rest[..len];
        self.pos += len;
        number(word)
    }
}

fn number(word: &str) -> Result<Literal, String> {
    let not_a_literal = || {
        format!(
            "`{word}` is not a Python literal pyjit accepts (an int, a float, `True`, `False`, \
             or a list of them)"
        )
    };
    match word {
        "True" => return Ok(Literal::Bool(true)),
        "False" => return Ok(Literal::Bool(false)),
        _ => {}
    }
    let (negative, body) = match word.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, word.strip_prefix('+').unwrap_or(word)),
    };
    let lower = body.to_ascii_lowercase();
    if lower == "inf" || lower == "infinity" || lower == "nan" {
        let v = if lower == "nan" {
            f64::NAN
        } else {
            f64::INFINITY
        };
        return Ok(Literal::Float(if negative { -v } else { v }));
    }
    let kind = pyjit_frontend::token::classify_number(body).ok_or_else(not_a_literal)?;
    let digits: String = body.chars().filter(|&c| c != '_').collect();
    match kind {
        pyjit_frontend::token::Tok::Int => {
            let (radix, digits) = match digits.get(..2) {
                Some("0x" | "0X") => (16, &digits[2..]),
                Some("0o" | "0O") => (8, &digits[2..]),
                Some("0b" | "0B") => (2, &digits[2..]),
                _ => (10, &digits[..]),
            };
            // A magnitude beyond i128 is beyond int64 too.
            let magnitude = i128::from_str_radix(digits, radix).unwrap_or(i128::MAX);
            let value = if negative { -magnitude } else { magnitude };
            i64::try_from(value).map(Literal::Int).map_err(|_| {
                format!("`{word}` does not fit in pyjit's 64-bit int (-2**63 to 2**63 - 1)")
            })
        }
        pyjit_frontend::token::Tok::Float => {
            let v: f64 = digits.parse().map_err(|_| not_a_literal())?;
            Ok(Literal::Float(if negative { -v } else { v }))
        }
        _ => Err(not_a_literal()),
    }
}

impl Literal {
    /// The pyjit type a literal has as an argument: lists become arrays
    /// whose element type is the join of their items (`[1, 2.5]` is
    /// `float64[:]`).
    pub fn ty(&self) -> Result<Type, String> {
        match self {
            Literal::Int(_) => Ok(Type::INT),
            Literal::Float(_) => Ok(Type::FLOAT),
            Literal::Bool(_) => Ok(Type::BOOL),
            Literal::List(items) => {
                let rows: Vec<&Literal> = items.iter().collect();
                if rows.iter().any(|r| matches!(r, Literal::List(_))) {
                    let mut elem = None;
                    let mut width = None;
                    for row in &rows {
                        let Literal::List(cells) = row else {
                            return Err("a list of lists must hold only lists".to_owned());
                        };
                        if width.is_some_and(|w| w != cells.len()) {
                            return Err(
                                "the rows of a 2-D array must have the same length".to_owned()
                            );
                        }
                        width = Some(cells.len());
                        elem = join(elem, cells)?;
                    }
                    return Ok(Type::array(elem.unwrap_or(Scalar::Float64), 2));
                }
                Ok(Type::array(
                    join(None, items)?.unwrap_or(Scalar::Float64),
                    1,
                ))
            }
        }
    }
}

fn join(mut elem: Option<Scalar>, items: &[Literal]) -> Result<Option<Scalar>, String> {
    for item in items {
        let s = match item {
            Literal::Int(_) => Scalar::Int64,
            Literal::Float(_) => Scalar::Float64,
            Literal::Bool(_) => Scalar::Bool,
            Literal::List(_) => return Err("arrays have at most two dimensions".to_owned()),
        };
        elem = Some(elem.map_or(s, |e| Scalar::promote(e, s)));
    }
    Ok(elem)
}

/// Storage for an argument given as a literal: arrays are buffers the
/// compiled code may write, and read back after the call.
#[derive(Clone, Debug, PartialEq)]
pub enum OwnedArg {
    /// A scalar.
    Scalar(Literal),
    /// An array.
    Array(Array),
}

impl OwnedArg {
    /// Storage for a literal passed as a parameter of type `ty`.
    pub fn new(literal: &Literal, ty: Type) -> Result<OwnedArg, String> {
        let Type::Array(array) = ty else {
            return Ok(OwnedArg::Scalar(literal.clone()));
        };
        let Literal::List(items) = literal else {
            return Err(format!("expected a list for a `{ty}` parameter"));
        };
        let (shape, flat): (Vec<usize>, Vec<&Literal>) = if array.ndim == 2 {
            let mut flat = Vec::new();
            let mut cols = 0;
            for row in items {
                let Literal::List(cells) = row else {
                    return Err(format!("expected a list of lists for a `{ty}` parameter"));
                };
                cols = cells.len();
                flat.extend(cells);
            }
            if flat.len() != items.len() * cols {
                return Err("the rows of a 2-D array must have the same length".to_owned());
            }
            (vec![items.len(), cols], flat)
        } else {
            (vec![items.len()], items.iter().collect())
        };
        let as_f64 = |l: &Literal| match *l {
            Literal::Int(i) => Ok(i as f64),
            Literal::Float(f) => Ok(f),
            Literal::Bool(b) => Ok(f64::from(u8::from(b))),
            Literal::List(_) => Err("arrays have at most two dimensions".to_owned()),
        };
        let as_i64 = |l: &Literal| match *l {
            Literal::Int(i) => Ok(i),
            Literal::Bool(b) => Ok(i64::from(b)),
            _ => Err(format!("only ints go into a `{ty}` array")),
        };
        let as_bool = |l: &Literal| match *l {
            Literal::Bool(b) => Ok(b),
            _ => Err(format!("only `True` and `False` go into a `{ty}` array")),
        };
        let data = match array.elem {
            Scalar::Float64 => ArrayData::Float64(collect(&flat, as_f64)?),
            Scalar::Float32 => ArrayData::Float32(collect(&flat, |l| as_f64(l).map(|f| f as f32))?),
            Scalar::Int64 => ArrayData::Int64(collect(&flat, as_i64)?),
            Scalar::Int32 => ArrayData::Int32(collect(&flat, |l| {
                as_i64(l).and_then(|i| {
                    i32::try_from(i).map_err(|_| format!("{i} does not fit in int32"))
                })
            })?),
            Scalar::Bool => ArrayData::Bool(collect(&flat, as_bool)?),
        };
        Ok(OwnedArg::Array(Array { shape, data }))
    }

    /// The argument borrowing this storage.
    pub fn arg(&mut self) -> Arg<'_> {
        fn array<'a, T: Element>(data: &'a mut [T], shape: &[usize]) -> Arg<'a> {
            match *shape {
                [rows, cols] => {
                    Arg::array2_mut(data, rows, cols).expect("the shape was built from the data")
                }
                _ => Arg::array_mut(data),
            }
        }
        match self {
            OwnedArg::Scalar(Literal::Int(i)) => Arg::Int(*i),
            OwnedArg::Scalar(Literal::Float(f)) => Arg::Float(*f),
            OwnedArg::Scalar(Literal::Bool(b)) => Arg::Bool(*b),
            OwnedArg::Scalar(Literal::List(_)) => {
                unreachable!("OwnedArg::new stores lists as arrays")
            }
            OwnedArg::Array(Array { shape, data }) => match data {
                ArrayData::Float64(d) => array(d, shape),
                ArrayData::Float32(d) => array(d, shape),
                ArrayData::Int64(d) => array(d, shape),
                ArrayData::Int32(d) => array(d, shape),
                ArrayData::Bool(d) => array(d, shape),
            },
        }
    }

    /// `repr()` of the value as Python shows it (arrays as lists): after a
    /// call, what the compiled code left in it.
    pub fn repr(&self) -> String {
        match self {
            OwnedArg::Scalar(Literal::Int(i)) => Value::Int(*i).repr(),
            OwnedArg::Scalar(Literal::Float(f)) => Value::Float(*f).repr(),
            OwnedArg::Scalar(Literal::Bool(b)) => Value::Bool(*b).repr(),
            OwnedArg::Scalar(Literal::List(_)) => {
                unreachable!("OwnedArg::new stores lists as arrays")
            }
            OwnedArg::Array(array) => array.repr(),
        }
    }
}

fn collect<T>(
    items: &[&Literal],
    convert: impl Fn(&Literal) -> Result<T, String>,
) -> Result<Vec<T>, String> {
    items.iter().map(|l| convert(l)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_literals_parse() {
        assert_eq!(Literal::parse("42"), Ok(Literal::Int(42)));
        assert_eq!(Literal::parse("-0x1f"), Ok(Literal::Int(-31)));
        assert_eq!(Literal::parse("1_000"), Ok(Literal::Int(1000)));
        assert_eq!(
            Literal::parse("-9223372036854775808"),
            Ok(Literal::Int(i64::MIN))
        );
        assert_eq!(Literal::parse("2.5e-3"), Ok(Literal::Float(0.0025)));
        assert_eq!(
            Literal::parse("-inf"),
            Ok(Literal::Float(f64::NEG_INFINITY))
        );
        assert!(matches!(Literal::parse("nan"), Ok(Literal::Float(f)) if f.is_nan()));
        assert_eq!(Literal::parse("True"), Ok(Literal::Bool(true)));
        assert_eq!(
            Literal::parse("[[1, 2], [3, 4.5]]").unwrap().ty(),
            Ok(Type::array(Scalar::Float64, 2))
        );
        assert_eq!(Literal::parse(" [ ] ").unwrap(), Literal::List(vec![]));
        assert!(Literal::parse("[1, 2").is_err());
        assert!(Literal::parse("0777").is_err());
        assert!(Literal::parse("9223372036854775808").is_err());
        assert!(Literal::parse("[[1], [2, 3]]").unwrap().ty().is_err());
    }
}
