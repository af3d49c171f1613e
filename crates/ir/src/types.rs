//! The types of IR values: the language's types, and `unknown` for values
//! built before type inference decides them.

use std::fmt;

pub use pyjit_frontend::types::{ArrayType, Scalar};

/// The type of an IR value.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Type {
    /// `bool`, `int32`, `int64`, `float32`, `float64`.
    Scalar(Scalar),
    /// A C-contiguous array of one or two dimensions.
    Array(ArrayType),
    /// What a function without a return value returns.
    None,
    /// Not decided yet; none is left after type inference.
    Unknown,
}

impl Type {
    /// `bool`
    pub const BOOL: Type = Type::Scalar(Scalar::Bool);
    /// `int64`
    pub const INT: Type = Type::Scalar(Scalar::Int64);
    /// `float64`
    pub const FLOAT: Type = Type::Scalar(Scalar::Float64);

    /// The scalar type, if this is one.
    pub fn scalar(self) -> Option<Scalar> {
        match self {
            Type::Scalar(s) => Some(s),
            _ => None,
        }
    }

    /// The array type, if this is one.
    pub fn array(self) -> Option<ArrayType> {
        match self {
            Type::Array(a) => Some(a),
            _ => None,
        }
    }

    /// Whether this is an array type.
    pub fn is_array(self) -> bool {
        matches!(self, Type::Array(_))
    }

    /// The spelling in the text format (the frontend's: `int64`,
    /// `float32[:]`, `float64[:, :]`, `none`), and `unknown`.
    pub fn parse(text: &str) -> Option<Type> {
        let scalar = |s: &str| {
            Some(match s {
                "bool" => Scalar::Bool,
                "int32" => Scalar::Int32,
                "int64" => Scalar::Int64,
                "float32" => Scalar::Float32,
                "float64" => Scalar::Float64,
                _ => return None,
            })
        };
        match text {
            "none" => return Some(Type::None),
            "unknown" => return Some(Type::Unknown),
            _ => {}
        }
        let array = |elem: &str, ndim: u8, list: bool| {
            scalar(elem).map(|elem| Type::Array(ArrayType { elem, ndim, list }))
        };
        if let Some(elem) = text.strip_suffix("[:, :]") {
            return array(elem, 2, false);
        }
        if let Some(elem) = text.strip_suffix("[:]") {
            return array(elem, 1, false);
        }
        if let Some(elem) = text.strip_prefix("list[").and_then(|t| t.strip_suffix(']')) {
            return array(elem, 1, true);
        }
        scalar(text).map(Type::Scalar)
    }
}

impl From<pyjit_frontend::types::Type> for Type {
    fn from(ty: pyjit_frontend::types::Type) -> Type {
        match ty {
            pyjit_frontend::types::Type::Scalar(s) => Type::Scalar(s),
            pyjit_frontend::types::Type::Array(a) => Type::Array(a),
            pyjit_frontend::types::Type::None => Type::None,
        }
    }
}

impl fmt::Display for Type {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Type::Scalar(s) => pyjit_frontend::types::Type::Scalar(*s).fmt(f),
            Type::Array(a) => pyjit_frontend::types::Type::Array(*a).fmt(f),
            Type::None => f.write_str("none"),
            Type::Unknown => f.write_str("unknown"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_type_parses_back() {
        let types = [
            Type::BOOL,
            Type::INT,
            Type::FLOAT,
            Type::Scalar(Scalar::Int32),
            Type::Scalar(Scalar::Float32),
            Type::Array(ArrayType {
                elem: Scalar::Float32,
                ndim: 1,
                list: false,
            }),
            Type::Array(ArrayType {
                elem: Scalar::Int64,
                ndim: 2,
                list: false,
            }),
            Type::Array(ArrayType {
                elem: Scalar::Float64,
                ndim: 1,
                list: true,
            }),
            Type::None,
            Type::Unknown,
        ];
        for ty in types {
            assert_eq!(Type::parse(&ty.to_string()), Some(ty), "{ty}");
        }
        assert_eq!(Type::parse("float"), None);
    }
}
