//! The instructions: what each computes, which operands it reads, and
//! whether it may raise or has an effect.
//!
//! An instruction's Python meaning is the typed program's
//! (`pyjit_frontend::typed`), which documents each operation; the IR only
//! makes evaluation order and control flow explicit. Instructions that may
//! raise ([`InstKind::can_raise`]) leave the function with the exception
//! when they do: Python code here never catches, so that edge goes to the
//! function's exit and is not drawn in the CFG.

use pyjit_frontend::typed::{Allocator, BinOp, MathFn};

use crate::entities::{FuncRef, ValueId};
use crate::types::Scalar;

pub use pyjit_frontend::typed::{Allocator as AllocKind, UnaryOp};
pub use pyjit_frontend::types::OutOfRange;

/// Whose rules an arithmetic instruction follows (the typed program's
/// `Arith`, with tracked variables lowered to a branch on their flags).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Rules {
    /// Python's `int`, `float` and `bool` arithmetic.
    Python,
    /// NumPy's scalar arithmetic.
    NumPy,
    /// Python's rules on `int`s, with the result proven to fit (a pass
    /// showed the operands' ranges keep it in range): the same value, but
    /// C may compute it with signed arithmetic, which the C compiler
    /// assumes never overflows. A range loop's variable stepped this way
    /// is an affine induction variable to gcc, whose addresses it can then
    /// analyse and vectorize. Only on `add`, `sub` and `mul` of integers.
    NoWrap,
}

/// A comparison. `ULt` compares two `int64` as unsigned numbers; range
/// loops count with it, so that a range of more than 2^63 elements still
/// counts correctly.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
#[allow(missing_docs)]
pub enum Cmp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
    ULt,
}

impl Cmp {
    /// The mnemonic.
    pub fn name(self) -> &'static str {
        match self {
            Cmp::Lt => "lt",
            Cmp::Le => "le",
            Cmp::Eq => "eq",
            Cmp::Ne => "ne",
            Cmp::Gt => "gt",
            Cmp::Ge => "ge",
            Cmp::ULt => "ult",
        }
    }

    /// Every comparison, for parsing.
    pub const ALL: [Cmp; 7] = [
        Cmp::Lt,
        Cmp::Le,
        Cmp::Eq,
        Cmp::Ne,
        Cmp::Gt,
        Cmp::Ge,
        Cmp::ULt,
    ];
}

/// The mnemonic of a binary operator.
pub fn binop_name(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "add",
        BinOp::Sub => "sub",
        BinOp::Mul => "mul",
        BinOp::Div => "div",
        BinOp::FloorDiv => "floordiv",
        BinOp::Mod => "mod",
        BinOp::Pow => "pow",
        BinOp::LShift => "shl",
        BinOp::RShift => "shr",
        BinOp::BitAnd => "and",
        BinOp::BitOr => "or",
        BinOp::BitXor => "xor",
    }
}

/// Every binary operator, for parsing.
pub const BINOPS: [BinOp; 12] = [
    BinOp::Add,
    BinOp::Sub,
    BinOp::Mul,
    BinOp::Div,
    BinOp::FloorDiv,
    BinOp::Mod,
    BinOp::Pow,
    BinOp::LShift,
    BinOp::RShift,
    BinOp::BitAnd,
    BinOp::BitOr,
    BinOp::BitXor,
];

/// The mnemonic of a unary operator.
pub fn unary_name(op: UnaryOp) -> &'static str {
    match op {
        UnaryOp::Neg => "neg",
        UnaryOp::Not => "not",
        UnaryOp::Invert => "invert",
        UnaryOp::Pos => "pos",
    }
}

/// Every `math` function, for parsing.
pub const MATH_FNS: [MathFn; 38] = {
    use MathFn::*;
    [
        Sqrt, Exp, Expm1, Log, LogBase, Log2, Log10, Log1p, Pow, Sin, Cos, Tan, Asin, Acos, Atan,
        Atan2, Sinh, Cosh, Tanh, Asinh, Acosh, Atanh, Fabs, Floor, Ceil, Trunc, Copysign, Hypot,
        Fmod, Isnan, Isinf, Isfinite, Degrees, Radians, Erf, Erfc, Gamma, Lgamma,
    ]
};

/// The mnemonic of a `math` function: its name, `log_base` for the
/// two-argument `log`.
pub fn math_name(func: MathFn) -> &'static str {
    match func {
        MathFn::LogBase => "log_base",
        other => other.name(),
    }
}

/// The math function of a mnemonic.
pub fn math_by_name(name: &str) -> Option<MathFn> {
    MATH_FNS.iter().copied().find(|&f| math_name(f) == name)
}

/// A constant.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Const {
    /// An integer of the result type.
    Int(i64),
    /// A float; a `float32` constant holds an `f32` exactly.
    Float(f64),
    /// A bool.
    Bool(bool),
    /// The empty array: the value of an array variable read before any
    /// assignment (which a check before the read makes unobservable).
    EmptyArray,
}

/// Builtins with a meaning of their own (the typed program's `Builtin`;
/// `min` and `max` of scalars become comparisons and selects).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Builtin {
    /// `abs(x)`; integers wrap at the minimum.
    Abs,
    /// `int(x)` of a float; raises for NaN, infinities and out of range.
    FloatToInt,
    /// `round(x)` of a float, ties to even; raises as `int(x)`.
    Round,
    /// `min(array)` of a 1-D array; raises when it is empty.
    ArrayMin,
    /// `max(array)` of a 1-D array; raises when it is empty.
    ArrayMax,
}

impl Builtin {
    /// The mnemonic.
    pub fn name(self) -> &'static str {
        match self {
            Builtin::Abs => "abs",
            Builtin::FloatToInt => "int",
            Builtin::Round => "round",
            Builtin::ArrayMin => "array_min",
            Builtin::ArrayMax => "array_max",
        }
    }

    /// Every builtin, for parsing.
    pub const ALL: [Builtin; 5] = [
        Builtin::Abs,
        Builtin::FloatToInt,
        Builtin::Round,
        Builtin::ArrayMin,
        Builtin::ArrayMax,
    ];
}

/// Initial contents of a new array.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Fill {
    /// Zeros (also `np.empty`'s contents, which are unspecified).
    Zeros,
    /// Ones.
    Ones,
    /// This value, of the element type.
    Value(ValueId),
}

/// One piece of a `print`.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum PrintPiece {
    /// Text as it is.
    Text(String),
    /// A number or bool in Python's `str()` form.
    Value(ValueId),
}

/// What an instruction computes.
#[derive(Clone, PartialEq, Debug)]
pub enum InstKind {
    /// A constant of the result type.
    Const(Const),
    /// `-x`, `~x`, `not x`.
    Unary {
        /// The operator.
        op: UnaryOp,
        /// The operand.
        arg: ValueId,
    },
    /// `lhs op rhs` by Python's or NumPy's rules.
    Binary {
        /// The operator.
        op: BinOp,
        /// Whose rules.
        rules: Rules,
        /// Left operand.
        lhs: ValueId,
        /// Right operand.
        rhs: ValueId,
    },
    /// A comparison giving a `bool`; an `int64` against a `float64`
    /// compares exactly.
    Compare {
        /// The comparison.
        op: Cmp,
        /// Left operand.
        lhs: ValueId,
        /// Right operand.
        rhs: ValueId,
    },
    /// `then if cond else otherwise` on scalars, both already computed.
    Select {
        /// A `bool`.
        cond: ValueId,
        /// The value when true.
        then: ValueId,
        /// The value when false.
        otherwise: ValueId,
    },
    /// A conversion to the result type (the typed program's `Convert`).
    Convert {
        /// The value converted.
        arg: ValueId,
    },
    /// A `math` function (Python's errors) or, with `numpy`, the NumPy
    /// function of that name (no errors).
    Math {
        /// Which.
        func: MathFn,
        /// NumPy's function rather than `math`'s.
        numpy: bool,
        /// The arguments.
        args: Vec<ValueId>,
    },
    /// A builtin.
    Builtin {
        /// Which.
        func: Builtin,
        /// The argument.
        arg: ValueId,
    },
    /// A call of a function of the program.
    Call {
        /// The callee.
        func: FuncRef,
        /// The arguments, of its parameter types.
        args: Vec<ValueId>,
    },
    /// The extent of an array along an axis (`int64`).
    Dim {
        /// The array.
        array: ValueId,
        /// 0 or 1.
        axis: u8,
    },
    /// The number of elements of an array (`int64`).
    Size {
        /// The array.
        array: ValueId,
    },
    /// The position an index names in an axis of `extent` elements
    /// (negative indices count from the end). Checked, it raises
    /// `IndexError` with `message` when out of range; unchecked
    /// (bounds checks off), an index out of range is undefined.
    Index {
        /// The index (`int64`).
        index: ValueId,
        /// The axis's extent (`int64`).
        extent: ValueId,
        /// What the error says: the axis NumPy names, or a list's words.
        message: OutOfRange,
        /// Whether an index out of range raises.
        checked: bool,
    },
    /// The element at `positions` (in range, non-negative).
    Load {
        /// The array.
        array: ValueId,
        /// One position per dimension.
        positions: Vec<ValueId>,
    },
    /// Write `value` at `positions` (in range, non-negative).
    Store {
        /// The array.
        array: ValueId,
        /// One position per dimension.
        positions: Vec<ValueId>,
        /// Of the element type.
        value: ValueId,
    },
    /// A new array of the result type with extents `dims`.
    Alloc {
        /// Whose allocation rules (errors for negative extents and for
        /// failed allocations).
        allocator: Allocator,
        /// One `int64` per dimension.
        dims: Vec<ValueId>,
        /// Initial contents.
        fill: Fill,
    },
    /// How many times `range(start, stop, step)` iterates, as an unsigned
    /// count in an `int64` (compare it with `ult`); `step` is not zero. It
    /// raises nothing, but divides by the step: code motion keeps it
    /// behind the branch that checks the step unless the step is a
    /// non-zero constant.
    RangeLen {
        /// First value.
        start: ValueId,
        /// Bound, not reached.
        stop: ValueId,
        /// Non-zero step.
        step: ValueId,
    },
    /// `print(...)`: pieces separated by `sep`, then `end`.
    Print {
        /// What to print.
        pieces: Vec<PrintPiece>,
        /// Between pieces.
        sep: String,
        /// After the last.
        end: String,
    },
    /// One value per predecessor of the block: the value that flows in
    /// from it. Phis come first in their block.
    Phi {
        /// `(predecessor, value)` pairs.
        incoming: Vec<(crate::entities::BlockId, ValueId)>,
    },
    /// The value itself. After phi elimination, a phi's value is assigned
    /// by one copy at the end of each predecessor.
    Copy {
        /// The value copied.
        arg: ValueId,
    },
}

impl InstKind {
    /// The operands, in order.
    pub fn args(&self) -> Vec<ValueId> {
        let mut out = Vec::new();
        self.for_each_arg(|v| out.push(v));
        out
    }

    fn for_each_arg(&self, mut f: impl FnMut(ValueId)) {
        match self {
            InstKind::Const(_) => {}
            InstKind::Unary { arg, .. }
            | InstKind::Convert { arg }
            | InstKind::Builtin { arg, .. }
            | InstKind::Copy { arg } => f(*arg),
            InstKind::Binary { lhs, rhs, .. } | InstKind::Compare { lhs, rhs, .. } => {
                f(*lhs);
                f(*rhs);
            }
            InstKind::Select {
                cond,
                then,
                otherwise,
            } => {
                f(*cond);
                f(*then);
                f(*otherwise);
            }
            InstKind::Math { args, .. } | InstKind::Call { args, .. } => {
                args.iter().copied().for_each(f)
            }
            InstKind::Dim { array, .. } | InstKind::Size { array } => f(*array),
            InstKind::Index { index, extent, .. } => {
                f(*index);
                f(*extent);
            }
            InstKind::Load { array, positions } => {
                f(*array);
                positions.iter().copied().for_each(f);
            }
            InstKind::Store {
                array,
                positions,
                value,
            } => {
                f(*array);
                positions.iter().copied().for_each(&mut f);
                f(*value);
            }
            InstKind::Alloc { dims, fill, .. } => {
                dims.iter().copied().for_each(&mut f);
                if let Fill::Value(v) = fill {
                    f(*v);
                }
            }
            InstKind::RangeLen { start, stop, step } => {
                f(*start);
                f(*stop);
                f(*step);
            }
            InstKind::Print { pieces, .. } => {
                for piece in pieces {
                    if let PrintPiece::Value(v) = piece {
                        f(*v);
                    }
                }
            }
            InstKind::Phi { incoming } => incoming.iter().for_each(|&(_, v)| f(v)),
        }
    }

    /// Every operand, for rewriting.
    pub fn args_mut(&mut self) -> Vec<&mut ValueId> {
        match self {
            InstKind::Const(_) => Vec::new(),
            InstKind::Unary { arg, .. }
            | InstKind::Convert { arg }
            | InstKind::Builtin { arg, .. }
            | InstKind::Copy { arg } => vec![arg],
            InstKind::Binary { lhs, rhs, .. } | InstKind::Compare { lhs, rhs, .. } => {
                vec![lhs, rhs]
            }
            InstKind::Select {
                cond,
                then,
                otherwise,
            } => vec![cond, then, otherwise],
            InstKind::Math { args, .. } | InstKind::Call { args, .. } => args.iter_mut().collect(),
            InstKind::Dim { array, .. } | InstKind::Size { array } => vec![array],
            InstKind::Index { index, extent, .. } => vec![index, extent],
            InstKind::Load { array, positions } => {
                std::iter::once(array).chain(positions.iter_mut()).collect()
            }
            InstKind::Store {
                array,
                positions,
                value,
            } => std::iter::once(array)
                .chain(positions.iter_mut())
                .chain(std::iter::once(value))
                .collect(),
            InstKind::Alloc { dims, fill, .. } => {
                let mut out: Vec<&mut ValueId> = dims.iter_mut().collect();
                if let Fill::Value(v) = fill {
                    out.push(v);
                }
                out
            }
            InstKind::RangeLen { start, stop, step } => vec![start, stop, step],
            InstKind::Print { pieces, .. } => pieces
                .iter_mut()
                .filter_map(|p| match p {
                    PrintPiece::Value(v) => Some(v),
                    PrintPiece::Text(_) => None,
                })
                .collect(),
            InstKind::Phi { incoming } => incoming.iter_mut().map(|(_, v)| v).collect(),
        }
    }

    /// Whether the instruction may raise a Python exception. `scalar` is
    /// the type of its first operand (where that decides it).
    pub fn can_raise(&self, operand: Option<Scalar>, result: Option<Scalar>) -> bool {
        match self {
            InstKind::Binary { op, rules, .. } => {
                let integer = operand.is_some_and(|s| s.kind() == pyjit_frontend::types::Kind::Int);
                match (op, rules) {
                    (BinOp::Div | BinOp::FloorDiv | BinOp::Mod | BinOp::Pow, Rules::Python) => true,
                    (BinOp::LShift | BinOp::RShift, Rules::Python) => true,
                    (BinOp::Pow, Rules::NumPy) => integer,
                    _ => false,
                }
            }
            InstKind::Convert { .. } => {
                operand == Some(Scalar::Int64) && result == Some(Scalar::Int32)
            }
            InstKind::Math { func, numpy, .. } => {
                !numpy
                    && !matches!(
                        func,
                        MathFn::Fabs
                            | MathFn::Copysign
                            | MathFn::Atan2
                            | MathFn::Isnan
                            | MathFn::Isinf
                            | MathFn::Isfinite
                            | MathFn::Degrees
                            | MathFn::Radians
                    )
            }
            InstKind::Builtin { func, .. } => *func != Builtin::Abs,
            InstKind::Call { .. } | InstKind::Alloc { .. } => true,
            InstKind::Index { checked, .. } => *checked,
            _ => false,
        }
    }

    /// Whether the instruction does something besides computing its
    /// result (writes memory, prints, calls): such an instruction is never
    /// dead, moved or duplicated.
    pub fn has_effect(&self) -> bool {
        matches!(
            self,
            InstKind::Store { .. } | InstKind::Print { .. } | InstKind::Call { .. }
        )
    }

    /// Whether the instruction reads array memory, which a store or a call
    /// may change.
    pub fn reads_memory(&self) -> bool {
        matches!(
            self,
            InstKind::Load { .. }
                | InstKind::Builtin {
                    func: Builtin::ArrayMin | Builtin::ArrayMax,
                    ..
                }
        )
    }
}
