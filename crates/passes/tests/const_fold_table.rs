//! Integer folding against Python's rules (`pyops`) and exact arithmetic,
//! for every pair of edge values: wrapping and signs must agree with what
//! the prelude computes at run time, and nothing that raises is folded.

use pyjit_frontend::Span;
use pyjit_frontend::pyops;
use pyjit_frontend::typed::BinOp;
use pyjit_ir::types::Scalar;
use pyjit_ir::verify::{Phase, verify};
use pyjit_ir::{Const, FuncRef, Function, InstKind, Rules, Terminator, Type};
use pyjit_passes::const_fold;

const EDGES_64: [i64; 9] = [i64::MIN, i64::MIN + 1, -2, -1, 0, 1, 2, 63, i64::MAX];
const EDGES_32: [i64; 9] = [
    i32::MIN as i64,
    i32::MIN as i64 + 1,
    -2,
    -1,
    0,
    1,
    2,
    31,
    i32::MAX as i64,
];

/// `a op b` folded, or `None` when the pass left the operation in place.
fn fold(op: BinOp, rules: Rules, ty: Scalar, a: i64, b: i64) -> Option<i64> {
    let ty = Type::Scalar(ty);
    let mut func = Function::new(FuncRef(0), "f", &[], ty);
    let entry = func.entry();
    let span = Span::default();
    let lhs = func.append(entry, InstKind::Const(Const::Int(a)), ty, span);
    let rhs = func.append(entry, InstKind::Const(Const::Int(b)), ty, span);
    let kind = InstKind::Binary {
        op,
        rules,
        lhs,
        rhs,
    };
    let result = func.append(entry, kind, ty, span);
    func.set_exit(entry, Terminator::Return(Some(result)));
    const_fold::run(&mut func).expect("folding does not fail");
    if let Err(e) = verify(&func, Phase::Typed) {
        panic!("broken after const-fold:\n{e}");
    }
    match func.inst(func.defining_inst(result)?).kind {
        InstKind::Const(Const::Int(v)) => Some(v),
        InstKind::Binary { .. } => None,
        ref other => panic!("folded to {other:?}"),
    }
}

/// Floor division and modulo computed exactly, in 128 bits.
fn floor_divmod(a: i64, b: i64) -> (i128, i128) {
    let (a, b) = (i128::from(a), i128::from(b));
    let (q, r) = (a / b, a % b);
    if r != 0 && (r < 0) != (b < 0) {
        (q - 1, r + b)
    } else {
        (q, r)
    }
}

/// What the compiled code computes for int64 operands, `None` where it
/// raises.
fn expected_64(op: BinOp, rules: Rules, a: i64, b: i64) -> Option<i64> {
    let python = rules == Rules::Python;
    let exact = |x: i128| x as i64;
    Some(match op {
        BinOp::Add => exact(i128::from(a) + i128::from(b)),
        BinOp::Sub => exact(i128::from(a) - i128::from(b)),
        BinOp::Mul => exact(i128::from(a) * i128::from(b)),
        BinOp::BitAnd => a & b,
        BinOp::BitOr => a | b,
        BinOp::BitXor => a ^ b,
        BinOp::FloorDiv if b == 0 => return if python { None } else { Some(0) },
        BinOp::FloorDiv => {
            let q = pyops::int_floordiv(a, b).expect("non-zero divisor").0;
            assert_eq!(q, exact(floor_divmod(a, b).0), "{a} // {b}");
            q
        }
        BinOp::Mod if b == 0 => return if python { None } else { Some(0) },
        BinOp::Mod => {
            let r = pyops::int_mod(a, b).expect("non-zero divisor");
            assert_eq!(i128::from(r), floor_divmod(a, b).1, "{a} % {b}");
            r
        }
        BinOp::Pow if b < 0 => return None,
        BinOp::Pow => pyops::int_pow(a, b).0,
        BinOp::LShift if b < 0 => return if python { None } else { Some(0) },
        BinOp::LShift => pyops::int_lshift(a, b).expect("non-negative count").0,
        BinOp::RShift if b < 0 => {
            return if python {
                None
            } else {
                Some(if a < 0 { -1 } else { 0 })
            };
        }
        BinOp::RShift => pyops::int_rshift(a, b).expect("non-negative count"),
        BinOp::Div => unreachable!("true division gives a float"),
    })
}

const INT_OPS: [BinOp; 11] = [
    BinOp::Add,
    BinOp::Sub,
    BinOp::Mul,
    BinOp::FloorDiv,
    BinOp::Mod,
    BinOp::Pow,
    BinOp::LShift,
    BinOp::RShift,
    BinOp::BitAnd,
    BinOp::BitOr,
    BinOp::BitXor,
];

#[test]
fn int64_folds_as_pyops_computes() {
    for op in INT_OPS {
        for rules in [Rules::Python, Rules::NumPy] {
            for a in EDGES_64 {
                for b in EDGES_64 {
                    assert_eq!(
                        fold(op, rules, Scalar::Int64, a, b),
                        expected_64(op, rules, a, b),
                        "{a} {op:?} {b} ({rules:?})"
                    );
                }
            }
        }
    }
}

#[test]
fn int32_wraps_at_32_bits() {
    for op in [
        BinOp::Add,
        BinOp::Sub,
        BinOp::Mul,
        BinOp::FloorDiv,
        BinOp::Mod,
        BinOp::Pow,
        BinOp::BitAnd,
        BinOp::BitOr,
        BinOp::BitXor,
    ] {
        for a in EDGES_32 {
            for b in EDGES_32 {
                // The exact result (or the power modulo 2^64) keeps its low
                // 32 bits, as the prelude's unsigned 32-bit arithmetic.
                let expected = expected_64(op, Rules::NumPy, a, b).map(|x| i64::from(x as i32));
                let folded = fold(op, Rules::NumPy, Scalar::Int32, a, b);
                assert_eq!(folded, expected, "{a} {op:?} {b} (int32)");
                if let Some(v) = folded {
                    assert!(i32::try_from(v).is_ok(), "{v} is not an int32");
                }
            }
        }
    }
    // NumPy's int32 shifts shift everything out past 31.
    assert_eq!(
        fold(BinOp::LShift, Rules::NumPy, Scalar::Int32, 1, 31),
        Some(i32::MIN.into())
    );
    assert_eq!(
        fold(BinOp::LShift, Rules::NumPy, Scalar::Int32, 1, 32),
        Some(0)
    );
    assert_eq!(
        fold(BinOp::RShift, Rules::NumPy, Scalar::Int32, -8, 40),
        Some(-1)
    );
    assert_eq!(
        fold(BinOp::RShift, Rules::NumPy, Scalar::Int32, -8, 1),
        Some(-4)
    );
}
