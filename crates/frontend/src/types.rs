//! The types of the language (LANGUAGE.md, "Types") and the promotion rules
//! between them.
//!
//! Promotion follows Python for `bool < int < float` and NumPy 2 for the
//! sized types: `int32` with `int64` gives `int64`, `float32` with `float64`
//! gives `float64`, `int32` or `int64` with `float32` gives `float64`. A
//! Python literal is *weak* (NEP 50): it takes the type of the other operand
//! when that is of the same kind or a higher one (`x32 * 2.0` stays
//! `float32`, `i32 + 1` stays `int32`), and the default type of its own kind
//! otherwise (`i32 * 0.5` is `float64`).

use std::fmt;

/// A scalar type.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub enum Scalar {
    /// Python `bool`.
    Bool,
    /// `np.int32`.
    Int32,
    /// Python `int`, 64-bit (LANGUAGE.md deviation 1).
    Int64,
    /// `np.float32`.
    Float32,
    /// Python `float`.
    Float64,
}

/// Bool, integer or floating point: the order of promotion.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub enum Kind {
    /// `bool`
    Bool,
    /// `int32`, `int64`
    Int,
    /// `float32`, `float64`
    Float,
}

impl Scalar {
    /// The kind.
    pub fn kind(self) -> Kind {
        match self {
            Scalar::Bool => Kind::Bool,
            Scalar::Int32 | Scalar::Int64 => Kind::Int,
            Scalar::Float32 | Scalar::Float64 => Kind::Float,
        }
    }

    /// Whether the type is `bool`, `int32` or `int64`: a valid operand of
    /// `<<`, `&` and friends.
    pub fn is_integral(self) -> bool {
        self.kind() <= Kind::Int
    }

    /// Whether the type is `float32` or `float64`.
    pub fn is_float(self) -> bool {
        self.kind() == Kind::Float
    }

    /// The default type of a kind, which a weak literal of that kind takes.
    pub fn default_of(kind: Kind) -> Scalar {
        match kind {
            Kind::Bool => Scalar::Bool,
            Kind::Int => Scalar::Int64,
            Kind::Float => Scalar::Float64,
        }
    }

    /// The result of mixing two scalar types in arithmetic (before `bool`
    /// arithmetic becomes `int`): NumPy 2's `promote_types` on these types.
    pub fn promote(a: Scalar, b: Scalar) -> Scalar {
        use Scalar::*;
        match (a.min(b), a.max(b)) {
            (x, y) if x == y => x,
            (Bool, y) => y,
            (Int32, Int64) => Int64,
            (Int32 | Int64, Float32 | Float64) | (Float32, Float64) => Float64,
            (x, y) => unreachable!("{x:?} < {y:?} covered above"),
        }
    }

    /// Promotion where either side may be a weak Python literal (NEP 50).
    pub fn promote_weak(a: Scalar, a_weak: bool, b: Scalar, b_weak: bool) -> (Scalar, bool) {
        match (a_weak, b_weak) {
            (false, false) => (Scalar::promote(a, b), false),
            (true, true) => (Scalar::default_of(a.kind().max(b.kind())), true),
            (true, false) => (Scalar::weak_with(a, b), false),
            (false, true) => (Scalar::weak_with(b, a), false),
        }
    }

    fn weak_with(weak: Scalar, strong: Scalar) -> Scalar {
        if weak.kind() <= strong.kind() {
            strong
        } else {
            Scalar::default_of(weak.kind())
        }
    }

    /// The Numba spelling: `int64`, `float32`, `bool`.
    pub fn numba_name(self) -> &'static str {
        match self {
            Scalar::Bool => "bool",
            Scalar::Int32 => "int32",
            Scalar::Int64 => "int64",
            Scalar::Float32 => "float32",
            Scalar::Float64 => "float64",
        }
    }

    /// The name a Python user knows the type by: `int`, `float`, `bool`,
    /// `float32`, `int32`.
    pub fn python_name(self) -> &'static str {
        match self {
            Scalar::Bool => "bool",
            Scalar::Int32 => "int32",
            Scalar::Int64 => "int",
            Scalar::Float32 => "float32",
            Scalar::Float64 => "float",
        }
    }

    /// Size in bytes of one value.
    pub fn size(self) -> usize {
        match self {
            Scalar::Bool => 1,
            Scalar::Int32 | Scalar::Float32 => 4,
            Scalar::Int64 | Scalar::Float64 => 8,
        }
    }
}

/// An array type: element type and number of dimensions (1 or 2), always
/// C-contiguous.
///
/// A Python list made by `[x] * n` is an array too (one element type, one
/// dimension, the same layout), marked `list` because CPython treats it
/// differently: its elements are Python numbers, not NumPy scalars, it
/// has no `shape` or `size`, and an index out of range says
/// "list index out of range".
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct ArrayType {
    /// Element type.
    pub elem: Scalar,
    /// 1 or 2 (always 1 for a list).
    pub ndim: u8,
    /// A Python list rather than a NumPy array.
    pub list: bool,
}

/// The message of the `IndexError` an index out of range raises, which
/// CPython words differently for NumPy arrays and lists.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum OutOfRange {
    /// NumPy's "index 5 is out of bounds for axis 0 with size 3", naming
    /// this axis.
    Axis(u8),
    /// A list read: "list index out of range" (also for `a[i] += x`,
    /// whose read comes first).
    ListLoad,
    /// A list assignment: "list assignment index out of range".
    ListStore,
}

impl OutOfRange {
    /// The message for an index into `array` along `axis`, reported as
    /// axis `reported` (NumPy names the first axis for `a[i][j]`), read or
    /// assigned (`store`).
    pub fn of(array: ArrayType, reported: u8, store: bool) -> OutOfRange {
        match (array.list, store) {
            (false, _) => OutOfRange::Axis(reported),
            (true, false) => OutOfRange::ListLoad,
            (true, true) => OutOfRange::ListStore,
        }
    }
}

/// A type of the language.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Type {
    /// A number or bool.
    Scalar(Scalar),
    /// An array.
    Array(ArrayType),
    /// What a function without `return value` returns.
    None,
}

impl Type {
    /// `bool`
    pub const BOOL: Type = Type::Scalar(Scalar::Bool);
    /// `int64`
    pub const INT: Type = Type::Scalar(Scalar::Int64);
    /// `float64`
    pub const FLOAT: Type = Type::Scalar(Scalar::Float64);

    /// A NumPy array type.
    pub fn array(elem: Scalar, ndim: u8) -> Type {
        Type::Array(ArrayType {
            elem,
            ndim,
            list: false,
        })
    }

    /// The type of a Python list of `elem` (`[x] * n`).
    pub fn list(elem: Scalar) -> Type {
        Type::Array(ArrayType {
            elem,
            ndim: 1,
            list: true,
        })
    }

    /// Whether this is a Python list.
    pub fn is_list(self) -> bool {
        matches!(self, Type::Array(ArrayType { list: true, .. }))
    }

    /// The scalar type, if this is one.
    pub fn scalar(self) -> Option<Scalar> {
        match self {
            Type::Scalar(s) => Some(s),
            _ => None,
        }
    }

    /// The array type, if this is one.
    pub fn as_array(self) -> Option<ArrayType> {
        match self {
            Type::Array(a) => Some(a),
            _ => None,
        }
    }

    /// The name a Python user knows the type by, for diagnostics: `int`,
    /// `float`, `float32`, `float64[:]`, `list[float]`, `None`.
    pub fn python_name(self) -> String {
        match self {
            Type::Scalar(s) => s.python_name().to_owned(),
            Type::Array(ArrayType {
                elem, list: true, ..
            }) => format!("list[{}]", elem.python_name()),
            Type::Array(_) => self.to_string(),
            Type::None => "None".to_owned(),
        }
    }
}

impl fmt::Display for Type {
    /// The Numba spelling: `int64`, `float32[:]`, `float64[:, :]`, `none`;
    /// a list is `list[float64]`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Type::Scalar(s) => f.write_str(s.numba_name()),
            Type::Array(ArrayType {
                elem, list: true, ..
            }) => write!(f, "list[{}]", elem.numba_name()),
            Type::Array(ArrayType { elem, ndim: 1, .. }) => write!(f, "{}[:]", elem.numba_name()),
            Type::Array(ArrayType { elem, .. }) => write!(f, "{}[:, :]", elem.numba_name()),
            Type::None => f.write_str("none"),
        }
    }
}

impl fmt::Display for Scalar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.numba_name())
    }
}

#[cfg(test)]
mod tests {
    use super::Scalar::*;
    use super::*;

    #[test]
    fn promotion_follows_python_and_numpy() {
        assert_eq!(Scalar::promote(Bool, Int64), Int64);
        assert_eq!(Scalar::promote(Int32, Int64), Int64);
        assert_eq!(Scalar::promote(Int32, Float32), Float64);
        assert_eq!(Scalar::promote(Int64, Float32), Float64);
        assert_eq!(Scalar::promote(Float32, Float32), Float32);
        assert_eq!(Scalar::promote(Bool, Float32), Float32);
        assert_eq!(Scalar::promote(Float32, Float64), Float64);
    }

    #[test]
    fn weak_literals_take_the_other_type() {
        // x32 * 2.0 stays float32; i32 + 1 stays int32.
        assert_eq!(
            Scalar::promote_weak(Float32, false, Float64, true),
            (Float32, false)
        );
        assert_eq!(
            Scalar::promote_weak(Int64, true, Int32, false),
            (Int32, false)
        );
        // i32 * 0.5 is float64; True + 1 is int.
        assert_eq!(
            Scalar::promote_weak(Int32, false, Float64, true),
            (Float64, false)
        );
        assert_eq!(
            Scalar::promote_weak(Bool, false, Int64, true),
            (Int64, false)
        );
        // Two literals stay weak.
        assert_eq!(
            Scalar::promote_weak(Int64, true, Float64, true),
            (Float64, true)
        );
    }

    #[test]
    fn types_print_in_numba_spelling() {
        assert_eq!(Type::array(Float32, 2).to_string(), "float32[:, :]");
        assert_eq!(Type::INT.python_name(), "int");
    }
}
