//! The typing rule of every instruction, in one place.
//!
//! [`result_type`] says which type an instruction's result must have given
//! its operands' types, or why the operands are ill-typed. The verifier
//! checks declared types against it, and type inference decides undeclared
//! types with it, so the two can never disagree. The rules are the typed
//! program's contract (`pyjit_frontend::typed`): the operands of an
//! arithmetic operation have one type, `div` of integers or bools gives
//! `float64`, a comparison of `int64` with `float64` is exact and needs no
//! conversion, array indices and extents are `int64`.
//!
//! A type that is still `unknown` (before type inference) makes the result
//! `unknown` too: undecided, not wrong.

use pyjit_frontend::typed::{BinOp, MathFn, UnaryOp};
use pyjit_frontend::types::Kind;

use crate::entities::{InstId, ValueId};
use crate::function::Function;
use crate::inst::{
    AllocKind, Builtin, Cmp, Const, Fill, InstKind, OutOfRange, PrintPiece, Rules, binop_name,
    math_name,
};
use crate::types::{Scalar, Type};

/// The type an instruction's result must have, from its operands' types
/// as `func` declares them: `Ok(None)` for an instruction without a value,
/// `Ok(Some(Type::Unknown))` while an operand type is undecided, and an
/// `Err` naming the values (`v3`) when the operands are ill-typed.
pub fn result_type(func: &Function, inst: InstId) -> Result<Option<Type>, String> {
    result_type_with(func, inst, |v| func.value_type(v))
}

/// [`result_type`] with operand types given by `type_of` rather than
/// declared (type inference asks what a result would be once operands are
/// converted). The result's own declared type is still read from `func`
/// for the instructions that declare it (`const`, `convert`, `alloc`,
/// `call`).
pub fn result_type_with(
    func: &Function,
    inst: InstId,
    type_of: impl Fn(ValueId) -> Type,
) -> Result<Option<Type>, String> {
    let data = func.inst(inst);
    let declared = data.result.map_or(Type::None, |v| func.value_type(v));
    let kind = &data.kind;
    let name = mnemonic(kind);
    // Values with their types, as messages show them: `v1: int64`.
    let show = |v: ValueId| format!("{v}: {}", type_of(v));
    let args = kind.args();
    // Every rule below but `const`'s and `phi`'s reads only decided
    // operand types; an undecided one leaves the result undecided.
    let undecided = args.iter().any(|&v| type_of(v) == Type::Unknown);
    let value = |ty: Type| Ok(Some(if undecided { Type::Unknown } else { ty }));
    let effect = || Ok(None);

    match kind {
        InstKind::Const(c) => {
            if declared == Type::Unknown {
                return Ok(Some(Type::Unknown));
            }
            let fits = match (*c, declared) {
                (Const::Int(i), Type::Scalar(Scalar::Int32)) => i32::try_from(i).is_ok(),
                (Const::Int(_), Type::Scalar(Scalar::Int64)) => true,
                (Const::Float(_), Type::Scalar(Scalar::Float64)) => true,
                (Const::Float(x), Type::Scalar(Scalar::Float32)) => {
                    x.is_nan() || f64::from(x as f32) == x
                }
                (Const::Bool(_), Type::Scalar(Scalar::Bool)) => true,
                (Const::EmptyArray, Type::Array(_)) => true,
                _ => false,
            };
            if fits {
                Ok(Some(declared))
            } else {
                Err(format!(
                    "`const {}` is not a value of type {declared}",
                    crate::print::const_text(*c)
                ))
            }
        }
        // The callee's signature is checked against the program by
        // `verify_program`; alone, a call gives what it declares.
        InstKind::Call { .. } => Ok(data.result.map(|_| declared)),
        _ if undecided => match kind {
            InstKind::Store { .. } | InstKind::Print { .. } => effect(),
            _ => Ok(Some(Type::Unknown)),
        },
        InstKind::Unary { op, arg } => {
            let ty = type_of(*arg);
            let ok = match (op, ty.scalar()) {
                (UnaryOp::Neg, Some(s)) => s != Scalar::Bool,
                (UnaryOp::Invert, Some(s)) => s.kind() == Kind::Int,
                (UnaryOp::Not, Some(s)) => s == Scalar::Bool,
                (UnaryOp::Pos, _) => {
                    return Err("`pos` is not an instruction: the checker removes `+x`".into());
                }
                _ => false,
            };
            if ok {
                value(ty)
            } else {
                let needs = match op {
                    UnaryOp::Neg => "a number",
                    UnaryOp::Invert => "an integer",
                    _ => "a bool",
                };
                Err(format!("`{name}` needs {needs}, found {}", show(*arg)))
            }
        }
        InstKind::Binary {
            op,
            rules,
            lhs,
            rhs,
        } => {
            let (l, r) = (type_of(*lhs), type_of(*rhs));
            let found = || format!("found {} and {}", show(*lhs), show(*rhs));
            let (Some(s), true) = (l.scalar(), l == r) else {
                return Err(format!("`{name}` needs operands of one type, {}", found()));
            };
            if *rules == Rules::NoWrap
                && !(matches!(op, BinOp::Add | BinOp::Sub | BinOp::Mul) && s.kind() == Kind::Int)
            {
                return Err(format!(
                    "`{name}.nowrap` is only for adding, subtracting and multiplying integers, {}",
                    found()
                ));
            }
            let (ok, needs) = match op {
                BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor => {
                    (s.is_integral(), "integers or bools")
                }
                BinOp::LShift | BinOp::RShift => (s.kind() == Kind::Int, "integers"),
                // NumPy divides bools (`np.True_ / np.True_` is 1.0).
                BinOp::Div => (true, "numbers"),
                _ => (s != Scalar::Bool, "numbers"),
            };
            if !ok {
                return Err(format!("`{name}` needs {needs}, {}", found()));
            }
            match op {
                BinOp::Div if !s.is_float() => value(Type::FLOAT),
                _ => value(l),
            }
        }
        InstKind::Compare { op, lhs, rhs } => {
            let (l, r) = (type_of(*lhs), type_of(*rhs));
            let found = || format!("found {} and {}", show(*lhs), show(*rhs));
            match (l.scalar(), r.scalar()) {
                _ if *op == Cmp::ULt => {
                    if l != Type::INT || r != Type::INT {
                        return Err(format!("`ult` needs two int64, {}", found()));
                    }
                }
                (Some(a), Some(b)) if a == b || exact_compare(a, b) => {}
                _ => {
                    return Err(format!(
                        "`{name}` needs operands of one type (or int64 and float64), {}",
                        found()
                    ));
                }
            }
            value(Type::BOOL)
        }
        InstKind::Select {
            cond,
            then,
            otherwise,
        } => {
            if type_of(*cond) != Type::BOOL {
                return Err(format!(
                    "`select` needs a bool condition, found {}",
                    show(*cond)
                ));
            }
            let (t, o) = (type_of(*then), type_of(*otherwise));
            if t != o || t.scalar().is_none() {
                return Err(format!(
                    "`select` needs two scalars of one type, found {} and {}",
                    show(*then),
                    show(*otherwise)
                ));
            }
            value(t)
        }
        InstKind::Convert { arg } => {
            if type_of(*arg).scalar().is_none() {
                return Err(format!("`convert` needs a scalar, found {}", show(*arg)));
            }
            match declared {
                Type::Scalar(_) | Type::Unknown => value(declared),
                _ => Err(format!("`convert` gives a scalar, not {declared}")),
            }
        }
        InstKind::Math {
            func: f,
            numpy,
            args,
        } => {
            if args.len() != f.arity() {
                return Err(format!(
                    "`{name}` takes {} argument{}, found {}",
                    f.arity(),
                    if f.arity() == 1 { "" } else { "s" },
                    args.len()
                ));
            }
            let predicate = matches!(f, MathFn::Isnan | MathFn::Isinf | MathFn::Isfinite);
            let first = type_of(args[0]);
            let all_one = args.iter().all(|&a| type_of(a) == first);
            let found = || {
                let shown: Vec<String> = args.iter().map(|&a| show(a)).collect();
                format!("found {}", shown.join(" and "))
            };
            if *numpy {
                if !all_one || !first.scalar().is_some_and(Scalar::is_float) {
                    return Err(format!(
                        "`{name}` needs float32 or float64 arguments of one type, {}",
                        found()
                    ));
                }
                value(if predicate { Type::BOOL } else { first })
            } else {
                if !all_one || first != Type::FLOAT {
                    return Err(format!("`{name}` needs float64 arguments, {}", found()));
                }
                value(match f {
                    _ if predicate => Type::BOOL,
                    MathFn::Floor | MathFn::Ceil | MathFn::Trunc => Type::INT,
                    _ => Type::FLOAT,
                })
            }
        }
        InstKind::Builtin { func: b, arg } => {
            let ty = type_of(*arg);
            match b {
                Builtin::Abs if ty.scalar().is_some_and(|s| s != Scalar::Bool) => value(ty),
                Builtin::Abs => Err(format!("`abs` needs a number, found {}", show(*arg))),
                Builtin::FloatToInt | Builtin::Round if ty == Type::FLOAT => value(Type::INT),
                Builtin::FloatToInt | Builtin::Round => {
                    Err(format!("`{name}` needs a float64, found {}", show(*arg)))
                }
                Builtin::ArrayMin | Builtin::ArrayMax => match ty.array() {
                    Some(a) if a.ndim == 1 => value(Type::Scalar(a.elem)),
                    _ => Err(format!("`{name}` needs a 1-D array, found {}", show(*arg))),
                },
            }
        }
        InstKind::Dim { array, axis } => match type_of(*array).array() {
            Some(a) if *axis < a.ndim => value(Type::INT),
            Some(_) => Err(format!(
                "`dim` of axis {axis} needs more dimensions than {}",
                show(*array)
            )),
            None => Err(format!("`dim` needs an array, found {}", show(*array))),
        },
        InstKind::Size { array } => match type_of(*array) {
            Type::Array(_) => value(Type::INT),
            _ => Err(format!("`size` needs an array, found {}", show(*array))),
        },
        InstKind::Index {
            index,
            extent,
            message,
            ..
        } => {
            if type_of(*index) != Type::INT || type_of(*extent) != Type::INT {
                return Err(format!(
                    "`{name}` needs an int64 index and extent, found {} and {}",
                    show(*index),
                    show(*extent)
                ));
            }
            if let OutOfRange::Axis(reported @ 2..) = message {
                return Err(format!(
                    "`{name}` reports axis {reported}, but arrays have axes 0 and 1"
                ));
            }
            value(Type::INT)
        }
        InstKind::Load { array, positions }
        | InstKind::Store {
            array, positions, ..
        } => {
            let Some(a) = type_of(*array).array() else {
                return Err(format!("`{name}` needs an array, found {}", show(*array)));
            };
            if positions.len() != usize::from(a.ndim) {
                return Err(format!(
                    "`{name}` needs {} position{} for {}, found {}",
                    a.ndim,
                    if a.ndim == 1 { "" } else { "s" },
                    show(*array),
                    positions.len()
                ));
            }
            if let Some(&p) = positions.iter().find(|&&p| type_of(p) != Type::INT) {
                return Err(format!("`{name}` needs int64 positions, found {}", show(p)));
            }
            match kind {
                InstKind::Store { value: v, .. } => {
                    if type_of(*v) != Type::Scalar(a.elem) {
                        return Err(format!(
                            "`store` needs a value of the element type {}, found {}",
                            a.elem,
                            show(*v)
                        ));
                    }
                    effect()
                }
                _ => value(Type::Scalar(a.elem)),
            }
        }
        InstKind::Alloc {
            dims,
            fill,
            allocator,
        } => {
            if let Some(&d) = dims.iter().find(|&&d| type_of(d) != Type::INT) {
                return Err(format!("`{name}` needs int64 extents, found {}", show(d)));
            }
            let a = match declared {
                Type::Unknown => return Ok(Some(Type::Unknown)),
                Type::Array(a) if a.list != (*allocator == AllocKind::List) => {
                    return Err(format!(
                        "`{name}` makes {}, not {declared}",
                        if a.list { "an array" } else { "a list" }
                    ));
                }
                Type::Array(a) if usize::from(a.ndim) == dims.len() => a,
                _ => {
                    return Err(format!(
                        "`{name}` of {} extent{} gives an array of as many dimensions, not {declared}",
                        dims.len(),
                        if dims.len() == 1 { "" } else { "s" }
                    ));
                }
            };
            if let Fill::Value(v) = fill
                && type_of(*v) != Type::Scalar(a.elem)
            {
                return Err(format!(
                    "`{name}` fills with the element type {}, found {}",
                    a.elem,
                    show(*v)
                ));
            }
            value(declared)
        }
        InstKind::RangeLen { start, stop, step } => {
            if [start, stop, step]
                .iter()
                .any(|&&v| type_of(v) != Type::INT)
            {
                return Err(format!(
                    "`range_len` needs three int64, found {}, {} and {}",
                    show(*start),
                    show(*stop),
                    show(*step)
                ));
            }
            value(Type::INT)
        }
        InstKind::Print { pieces, .. } => {
            for piece in pieces {
                if let PrintPiece::Value(v) = piece
                    && type_of(*v).scalar().is_none()
                {
                    return Err(format!("`print` prints scalars, found {}", show(*v)));
                }
            }
            effect()
        }
        InstKind::Phi { incoming } => {
            let Some(&(_, first)) = incoming.first() else {
                // Nothing flows in (the block has no predecessors): the
                // declared type stands.
                return Ok(Some(declared));
            };
            let ty = type_of(first);
            if incoming.iter().any(|&(_, v)| type_of(v) != ty) {
                let shown: Vec<String> = incoming.iter().map(|&(_, v)| show(v)).collect();
                return Err(format!(
                    "`phi` needs incoming values of one type, found {}",
                    shown.join(", ")
                ));
            }
            value(ty)
        }
        InstKind::Copy { arg } => value(type_of(*arg)),
    }
}

/// Whether a comparison of `a` with `b` is exact without converting
/// either: `int64` against `float64`, as Python compares `int` with
/// `float`.
pub fn exact_compare(a: Scalar, b: Scalar) -> bool {
    matches!(
        (a, b),
        (Scalar::Int64, Scalar::Float64) | (Scalar::Float64, Scalar::Int64)
    )
}

/// The instruction's name as the text format spells it (`add`, `lt`,
/// `math.floor`, `np.sqrt`, `index.unchecked`), for messages.
pub fn mnemonic(kind: &InstKind) -> String {
    match kind {
        InstKind::Const(_) => "const".into(),
        InstKind::Unary { op, .. } => crate::inst::unary_name(*op).into(),
        InstKind::Binary { op, .. } => binop_name(*op).into(),
        InstKind::Compare { op, .. } => op.name().into(),
        InstKind::Select { .. } => "select".into(),
        InstKind::Convert { .. } => "convert".into(),
        InstKind::Math { func, numpy, .. } => {
            format!(
                "{}.{}",
                if *numpy { "np" } else { "math" },
                math_name(*func)
            )
        }
        InstKind::Builtin { func, .. } => func.name().into(),
        InstKind::Call { .. } => "call".into(),
        InstKind::Dim { .. } => "dim".into(),
        InstKind::Size { .. } => "size".into(),
        InstKind::Index { checked, .. } => {
            if *checked { "index" } else { "index.unchecked" }.into()
        }
        InstKind::Load { .. } => "load".into(),
        InstKind::Store { .. } => "store".into(),
        InstKind::Alloc { .. } => "alloc".into(),
        InstKind::RangeLen { .. } => "range_len".into(),
        InstKind::Print { .. } => "print".into(),
        InstKind::Phi { .. } => "phi".into(),
        InstKind::Copy { .. } => "copy".into(),
    }
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};
    use pyjit_frontend::Span;

    use super::*;
    use crate::entities::FuncRef;
    use crate::types::ArrayType;

    const I64: Type = Type::INT;
    const F64: Type = Type::FLOAT;
    const F32: Type = Type::Scalar(Scalar::Float32);
    const I32: Type = Type::Scalar(Scalar::Int32);
    const B: Type = Type::BOOL;
    const A1: Type = Type::Array(ArrayType {
        elem: Scalar::Float64,
        ndim: 1,
        list: false,
    });

    /// The rule's answer for `kind` over parameters of types `params`
    /// (`v0`, `v1`, ...), with `declared` as the result's declared type.
    fn rule(params: &[Type], kind: impl FnOnce(&[ValueId]) -> InstKind, declared: Type) -> String {
        let mut func = Function::new(FuncRef(0), "f", params, Type::None);
        let kind = kind(func.params());
        let (inst, _) = func.make_inst(kind, Some(declared), Span::default());
        match result_type(&func, inst) {
            Ok(Some(ty)) => ty.to_string(),
            Ok(None) => "no value".into(),
            Err(e) => format!("error: {e}"),
        }
    }

    fn check(params: &[Type], kind: impl FnOnce(&[ValueId]) -> InstKind, expect: Expect) {
        expect.assert_eq(&rule(params, kind, Type::Unknown));
    }

    fn binary(op: BinOp) -> impl FnOnce(&[ValueId]) -> InstKind {
        move |v| InstKind::Binary {
            op,
            rules: Rules::Python,
            lhs: v[0],
            rhs: v[1],
        }
    }

    #[test]
    fn nowrap_is_only_for_integer_addition_subtraction_and_multiplication() {
        let nowrap = |op| {
            move |v: &[ValueId]| InstKind::Binary {
                op,
                rules: Rules::NoWrap,
                lhs: v[0],
                rhs: v[1],
            }
        };
        check(&[I64, I64], nowrap(BinOp::Add), expect!["int64"]);
        check(&[I32, I32], nowrap(BinOp::Mul), expect!["int32"]);
        check(
            &[F64, F64],
            nowrap(BinOp::Add),
            expect![
                "error: `add.nowrap` is only for adding, subtracting and multiplying integers, found v0: float64 and v1: float64"
            ],
        );
        check(
            &[I64, I64],
            nowrap(BinOp::FloorDiv),
            expect![
                "error: `floordiv.nowrap` is only for adding, subtracting and multiplying integers, found v0: int64 and v1: int64"
            ],
        );
    }

    #[test]
    fn arithmetic_needs_one_type() {
        check(&[I64, I64], binary(BinOp::Add), expect!["int64"]);
        check(
            &[I64, F64],
            binary(BinOp::Add),
            expect!["error: `add` needs operands of one type, found v0: int64 and v1: float64"],
        );
        check(
            &[B, B],
            binary(BinOp::Sub),
            expect!["error: `sub` needs numbers, found v0: bool and v1: bool"],
        );
        check(&[B, B], binary(BinOp::BitXor), expect!["bool"]);
        check(
            &[F64, F64],
            binary(BinOp::LShift),
            expect!["error: `shl` needs integers, found v0: float64 and v1: float64"],
        );
        check(
            &[A1, I64],
            binary(BinOp::Add),
            expect!["error: `add` needs operands of one type, found v0: float64[:] and v1: int64"],
        );
    }

    #[test]
    fn true_division_of_integers_is_float64() {
        check(&[I32, I32], binary(BinOp::Div), expect!["float64"]);
        check(&[B, B], binary(BinOp::Div), expect!["float64"]);
        check(&[F32, F32], binary(BinOp::Div), expect!["float32"]);
    }

    #[test]
    fn unknown_operands_leave_the_result_undecided() {
        check(
            &[Type::Unknown, F64],
            binary(BinOp::Add),
            expect!["unknown"],
        );
        check(
            &[Type::Unknown, I64],
            |v| InstKind::Phi {
                incoming: vec![(crate::BlockId(1), v[0]), (crate::BlockId(2), v[1])],
            },
            expect!["unknown"],
        );
    }

    #[test]
    fn int64_compares_with_float64_exactly() {
        let lt = |v: &[ValueId]| InstKind::Compare {
            op: Cmp::Lt,
            lhs: v[0],
            rhs: v[1],
        };
        check(&[F64, I64], lt, expect!["bool"]);
        check(
            &[I32, F64],
            lt,
            expect![
                "error: `lt` needs operands of one type (or int64 and float64), found v0: int32 and v1: float64"
            ],
        );
        check(
            &[I64, F64],
            |v| InstKind::Compare {
                op: Cmp::ULt,
                lhs: v[0],
                rhs: v[1],
            },
            expect!["error: `ult` needs two int64, found v0: int64 and v1: float64"],
        );
    }

    #[test]
    fn constants_fit_their_type() {
        let c = |k: Const, ty: Type| rule(&[], |_| InstKind::Const(k), ty);
        assert_eq!(c(Const::Int(7), I32), "int32");
        assert_eq!(
            c(Const::Int(1 << 40), I32),
            "error: `const 1099511627776` is not a value of type int32"
        );
        assert_eq!(c(Const::Float(0.5), F32), "float32");
        assert_eq!(
            c(Const::Float(0.1), F32),
            "error: `const 0.1` is not a value of type float32"
        );
        assert_eq!(c(Const::Float(f64::NAN), F32), "float32");
        assert_eq!(c(Const::EmptyArray, A1), "float64[:]");
        assert_eq!(
            c(Const::Bool(true), I64),
            "error: `const true` is not a value of type int64"
        );
    }

    #[test]
    fn math_and_numpy_functions() {
        let math = |func, numpy| {
            move |v: &[ValueId]| InstKind::Math {
                func,
                numpy,
                args: vec![v[0]],
            }
        };
        check(&[F64], math(MathFn::Floor, false), expect!["int64"]);
        check(&[F64], math(MathFn::Isnan, false), expect!["bool"]);
        check(&[F32], math(MathFn::Floor, true), expect!["float32"]);
        check(
            &[F32],
            math(MathFn::Sqrt, false),
            expect!["error: `math.sqrt` needs float64 arguments, found v0: float32"],
        );
        check(
            &[F64],
            math(MathFn::Atan2, true),
            expect!["error: `np.atan2` takes 2 arguments, found 1"],
        );
    }

    #[test]
    fn arrays_are_indexed_by_int64() {
        let a2 = Type::Array(ArrayType {
            elem: Scalar::Int32,
            ndim: 2,
            list: false,
        });
        check(
            &[a2, I64, I64],
            |v| InstKind::Load {
                array: v[0],
                positions: vec![v[1], v[2]],
            },
            expect!["int32"],
        );
        check(
            &[a2, I64],
            |v| InstKind::Load {
                array: v[0],
                positions: vec![v[1]],
            },
            expect!["error: `load` needs 2 positions for v0: int32[:, :], found 1"],
        );
        check(
            &[A1, I64, F32],
            |v| InstKind::Store {
                array: v[0],
                positions: vec![v[1]],
                value: v[2],
            },
            expect!["error: `store` needs a value of the element type float64, found v2: float32"],
        );
        check(
            &[A1],
            |v| InstKind::Dim {
                array: v[0],
                axis: 1,
            },
            expect!["error: `dim` of axis 1 needs more dimensions than v0: float64[:]"],
        );
        expect!["float64[:]"].assert_eq(&rule(
            &[I64, F64],
            |v| InstKind::Alloc {
                allocator: crate::inst::AllocKind::NumPy,
                dims: vec![v[0]],
                fill: Fill::Value(v[1]),
            },
            A1,
        ));
        let list_alloc = |v: &[ValueId]| InstKind::Alloc {
            allocator: crate::inst::AllocKind::List,
            dims: vec![v[0]],
            fill: Fill::Zeros,
        };
        expect!["list[float64]"].assert_eq(&rule(
            &[I64],
            list_alloc,
            pyjit_frontend::types::Type::list(Scalar::Float64).into(),
        ));
        expect!["error: `alloc` makes a list, not float64[:]"].assert_eq(&rule(
            &[I64],
            list_alloc,
            A1,
        ));
    }
}
