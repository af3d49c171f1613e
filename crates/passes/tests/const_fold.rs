//! Constant folding alone (and, where a folded branch leaves dead blocks,
//! followed by dead code elimination): IR text in, IR text out, verified;
//! and integer folding against `pyops` on edge values.

use expect_test::{Expect, expect};
use pyjit_frontend::Span;
use pyjit_frontend::pyops;
use pyjit_frontend::typed::BinOp;
use pyjit_ir::parse::parse_function;
use pyjit_ir::types::Scalar;
use pyjit_ir::verify::{Phase, verify};
use pyjit_ir::{Const, FuncRef, Function, InstKind, Rules, Terminator, Type};
use pyjit_passes::{PassError, PassReport, const_fold, dce};

type Run = fn(&mut Function) -> Result<PassReport, PassError>;

/// Parse `input`, run `passes` in order, verify, and compare the text.
fn check_passes(passes: &[Run], input: &str, expect: Expect) {
    let mut func = parse_function(input).unwrap_or_else(|e| panic!("{e}"));
    if let Err(e) = verify(&func, Phase::Typed) {
        panic!("the input is broken:\n{e}");
    }
    for pass in passes {
        pass(&mut func).expect("the pass does not fail");
        if let Err(e) = verify(&func, Phase::Typed) {
            panic!("broken after the pass:\n{e}");
        }
    }
    expect.assert_eq(&func.to_string());
}

fn check(input: &str, expect: Expect) {
    check_passes(&[const_fold::run], input, expect);
}

#[test]
fn python_floor_division_floors() {
    check(
        "
fn f0 f() -> int64 {
bb0:
    v0 = const 7 : int64
    v1 = const -2 : int64
    v2 = floordiv v0, v1 : int64
    v3 = mod v0, v1 : int64
    v4 = add v2, v3 : int64
    ret v4
}
",
        expect![[r#"
            fn f0 f() -> int64 {
            bb0:
                v0 = const 7 : int64
                v1 = const -2 : int64
                v2 = const -4 : int64
                v3 = const -1 : int64
                v4 = const -5 : int64
                ret v4
            }
        "#]],
    );
}

#[test]
fn python_division_by_zero_is_left_to_raise() {
    check(
        "
fn f0 f() -> int64 {
bb0:
    v0 = const 7 : int64
    v1 = const 0 : int64
    v2 = floordiv v0, v1 : int64
    v3 = mod v0, v1 : int64
    v4 = div v0, v1 : float64
    v5 = const 1.0 : float64
    v6 = const 0.0 : float64
    v7 = div v5, v6 : float64
    v8 = shl v0, v1 : int64
    v9 = const -1 : int64
    v10 = shl v0, v9 : int64
    ret v2
}
",
        expect![[r#"
            fn f0 f() -> int64 {
            bb0:
                v0 = const 7 : int64
                v1 = const 0 : int64
                v2 = floordiv v0, v1 : int64
                v3 = mod v0, v1 : int64
                v4 = div v0, v1 : float64
                v5 = const 1.0 : float64
                v6 = const 0.0 : float64
                v7 = div v5, v6 : float64
                v8 = const 7 : int64
                v9 = const -1 : int64
                v10 = shl v0, v9 : int64
                ret v2
            }
        "#]],
    );
}

#[test]
fn float_power_of_a_negative_exponent() {
    check(
        "
fn f0 f() -> float64 {
bb0:
    v0 = const 2.0 : float64
    v1 = const -1.0 : float64
    v2 = pow v0, v1 : float64
    v3 = const 0.0 : float64
    v4 = pow v3, v1 : float64
    v5 = const 10.0 : float64
    v6 = const 400.0 : float64
    v7 = pow v5, v6 : float64
    v8 = pow.np v5, v6 : float64
    ret v2
}
",
        expect![[r#"
            fn f0 f() -> float64 {
            bb0:
                v0 = const 2.0 : float64
                v1 = const -1.0 : float64
                v2 = const 0.5 : float64
                v3 = const 0.0 : float64
                v4 = pow v3, v1 : float64
                v5 = const 10.0 : float64
                v6 = const 400.0 : float64
                v7 = pow v5, v6 : float64
                v8 = const inf : float64
                ret v2
            }
        "#]],
    );
}

#[test]
fn int64_wraps() {
    check(
        "
fn f0 f() -> int64 {
bb0:
    v0 = const 9223372036854775807 : int64
    v1 = const 1 : int64
    v2 = add v0, v1 : int64
    v3 = neg v2 : int64
    v4 = mul v0, v0 : int64
    ret v3
}
",
        expect![[r#"
            fn f0 f() -> int64 {
            bb0:
                v0 = const 9223372036854775807 : int64
                v1 = const 1 : int64
                v2 = const -9223372036854775808 : int64
                v3 = const -9223372036854775808 : int64
                v4 = const 1 : int64
                ret v3
            }
        "#]],
    );
}

#[test]
fn int32_wraps_in_text() {
    check(
        "
fn f0 f() -> int32 {
bb0:
    v0 = const 2147483647 : int32
    v1 = const 1 : int32
    v2 = add.np v0, v1 : int32
    v3 = mul.np v0, v0 : int32
    v4 = const -2147483648 : int32
    v5 = const -1 : int32
    v6 = floordiv.np v4, v5 : int32
    v7 = neg v4 : int32
    v8 = invert v1 : int32
    ret v2
}
",
        expect![[r#"
            fn f0 f() -> int32 {
            bb0:
                v0 = const 2147483647 : int32
                v1 = const 1 : int32
                v2 = const -2147483648 : int32
                v3 = const 1 : int32
                v4 = const -2147483648 : int32
                v5 = const -1 : int32
                v6 = const -2147483648 : int32
                v7 = const -2147483648 : int32
                v8 = const -2 : int32
                ret v2
            }
        "#]],
    );
}

// NaN results fold too, but their sign bit is the hardware's (x86's
// default NaN is negative), so the texts here avoid them.
#[test]
fn numpy_division_by_zero_gives_a_value() {
    check(
        "
fn f0 f() -> int64 {
bb0:
    v0 = const 7 : int64
    v1 = const 0 : int64
    v2 = floordiv.np v0, v1 : int64
    v3 = mod.np v0, v1 : int64
    v4 = div.np v0, v1 : float64
    v5 = const -1.0 : float64
    v6 = const 0.0 : float64
    v7 = floordiv.np v5, v6 : float64
    v8 = div.np v5, v6 : float64
    v9 = const -1 : int64
    v10 = shl.np v0, v9 : int64
    v11 = pow.np v0, v9 : int64
    ret v2
}
",
        expect![[r#"
            fn f0 f() -> int64 {
            bb0:
                v0 = const 7 : int64
                v1 = const 0 : int64
                v2 = const 0 : int64
                v3 = const 0 : int64
                v4 = const inf : float64
                v5 = const -1.0 : float64
                v6 = const 0.0 : float64
                v7 = const -inf : float64
                v8 = const -inf : float64
                v9 = const -1 : int64
                v10 = const 0 : int64
                v11 = pow.np v0, v9 : int64
                ret v2
            }
        "#]],
    );
}

#[test]
fn float32_computes_in_single_precision() {
    check(
        "
fn f0 f() -> float32 {
bb0:
    v0 = const 0.10000000149011612 : float32
    v1 = const 0.20000000298023224 : float32
    v2 = add.np v0, v1 : float32
    v3 = const 16777216.0 : float32
    v4 = const 1.0 : float32
    v5 = add.np v3, v4 : float32
    v6 = floordiv.np v0, v1 : float32
    ret v2
}
",
        expect![[r#"
            fn f0 f() -> float32 {
            bb0:
                v0 = const 0.10000000149011612 : float32
                v1 = const 0.20000000298023224 : float32
                v2 = const 0.30000001192092896 : float32
                v3 = const 16777216.0 : float32
                v4 = const 1.0 : float32
                v5 = const 16777216.0 : float32
                v6 = floordiv.np v0, v1 : float32
                ret v2
            }
        "#]],
    );
}

#[test]
fn int_against_float_compares_exactly() {
    check(
        "
fn f0 f() -> bool {
bb0:
    v0 = const 9007199254740993 : int64
    v1 = const 9007199254740992.0 : float64
    v2 = eq v0, v1 : bool
    v3 = gt v0, v1 : bool
    v4 = le v1, v0 : bool
    v5 = const nan : float64
    v6 = ne v0, v5 : bool
    v7 = lt v0, v5 : bool
    v8 = const -1 : int64
    v9 = const 1 : int64
    v10 = ult v8, v9 : bool
    ret v2
}
",
        expect![[r#"
            fn f0 f() -> bool {
            bb0:
                v0 = const 9007199254740993 : int64
                v1 = const 9007199254740992.0 : float64
                v2 = const false : bool
                v3 = const true : bool
                v4 = const true : bool
                v5 = const nan : float64
                v6 = const true : bool
                v7 = const false : bool
                v8 = const -1 : int64
                v9 = const 1 : int64
                v10 = const false : bool
                ret v2
            }
        "#]],
    );
}

#[test]
fn conversions_fold_only_where_exact_or_rounded_as_c() {
    check(
        "
fn f0 f() -> int32 {
bb0:
    v0 = const 3000000000 : int64
    v1 = convert v0 : int32
    v2 = const -7 : int64
    v3 = convert v2 : int32
    v4 = const 9007199254740993 : int64
    v5 = convert v4 : float64
    v6 = const 2.5 : float64
    v7 = convert v6 : int64
    v8 = const 3.0 : float64
    v9 = convert v8 : int64
    v10 = convert v6 : bool
    v11 = const nan : float64
    v12 = convert v11 : bool
    v13 = const true : bool
    v14 = convert v13 : float64
    ret v3
}
",
        expect![[r#"
            fn f0 f() -> int32 {
            bb0:
                v0 = const 3000000000 : int64
                v1 = convert v0 : int32
                v2 = const -7 : int64
                v3 = const -7 : int32
                v4 = const 9007199254740993 : int64
                v5 = const 9007199254740992.0 : float64
                v6 = const 2.5 : float64
                v7 = convert v6 : int64
                v8 = const 3.0 : float64
                v9 = const 3 : int64
                v10 = const true : bool
                v11 = const nan : float64
                v12 = const true : bool
                v13 = const true : bool
                v14 = const 1.0 : float64
                ret v3
            }
        "#]],
    );
}

#[test]
fn math_folds_inside_its_domain_only() {
    check(
        "
fn f0 f() -> float64 {
bb0:
    v0 = const 4.0 : float64
    v1 = math.sqrt v0 : float64
    v2 = const -1.0 : float64
    v3 = math.sqrt v2 : float64
    v4 = const 0.0 : float64
    v5 = math.log v4 : float64
    v6 = const 1.0 : float64
    v7 = math.log v6 : float64
    v8 = const 2.5 : float64
    v9 = math.floor v8 : int64
    v10 = const inf : float64
    v11 = math.floor v10 : int64
    v12 = math.exp v4 : float64
    v13 = const 1000.0 : float64
    v14 = math.exp v13 : float64
    v15 = np.log v4 : float64
    v16 = math.isnan v3 : bool
    ret v1
}
",
        expect![[r#"
            fn f0 f() -> float64 {
            bb0:
                v0 = const 4.0 : float64
                v1 = const 2.0 : float64
                v2 = const -1.0 : float64
                v3 = math.sqrt v2 : float64
                v4 = const 0.0 : float64
                v5 = math.log v4 : float64
                v6 = const 1.0 : float64
                v7 = const 0.0 : float64
                v8 = const 2.5 : float64
                v9 = const 2 : int64
                v10 = const inf : float64
                v11 = math.floor v10 : int64
                v12 = const 1.0 : float64
                v13 = const 1000.0 : float64
                v14 = math.exp v13 : float64
                v15 = const -inf : float64
                v16 = math.isnan v3 : bool
                ret v1
            }
        "#]],
    );
}

#[test]
fn select_on_a_constant_is_the_operand_selected() {
    check(
        "
fn f0 f(v0: int64, v1: int64) -> int64 {
bb0:
    v2 = const false : bool
    v3 = select v2, v0, v1 : int64
    ret v3
}
",
        expect![[r#"
            fn f0 f(v0: int64, v1: int64) -> int64 {
            bb0:
                v2 = const false : bool
                ret v1
            }
        "#]],
    );
}

#[test]
fn index_folds_in_range_only() {
    check(
        "
fn f0 f() -> int64 {
bb0:
    v0 = const -1 : int64
    v1 = const 10 : int64
    v2 = index v0, v1, axis 0 : int64
    v3 = const 10 : int64
    v4 = index v3, v1, axis 0 : int64
    v5 = add v2, v4 : int64
    ret v5
}
",
        expect![[r#"
            fn f0 f() -> int64 {
            bb0:
                v0 = const -1 : int64
                v1 = const 10 : int64
                v2 = const 9 : int64
                v3 = const 10 : int64
                v4 = index v3, v1, axis 0 : int64
                v5 = add v2, v4 : int64
                ret v5
            }
        "#]],
    );
}

const BRANCH_ON_TRUE: &str = "
fn f0 f(v0: int64) -> int64 {
bb0:
    v1 = const 1 : int64
    v2 = const 0 : int64
    v3 = gt v1, v2 : bool
    br v3, bb1, bb2
bb1:
    v4 = add v0, v0 : int64
    jump bb3
bb2:
    v5 = mul v0, v0 : int64
    jump bb3
bb3:
    v6 = phi [v4, bb1], [v5, bb2] : int64
    ret v6
}
";

#[test]
fn branch_on_a_constant_becomes_a_jump() {
    // The else block stays, unreachable, for dce; the phi no longer
    // depends on it.
    check(
        BRANCH_ON_TRUE,
        expect![[r#"
        fn f0 f(v0: int64) -> int64 {
        bb0:
            v1 = const 1 : int64
            v2 = const 0 : int64
            v3 = const true : bool
            jump bb1
        bb1:
            v4 = add v0, v0 : int64
            jump bb3
        bb2:
            v5 = mul v0, v0 : int64
            jump bb3
        bb3:
            ret v4
        }
    "#]],
    );
}

#[test]
fn branch_on_a_constant_then_dce_removes_the_else_path() {
    check_passes(
        &[const_fold::run, dce::run],
        BRANCH_ON_TRUE,
        expect![[r#"
            fn f0 f(v0: int64) -> int64 {
            bb0:
                jump bb1
            bb1:
                v4 = add v0, v0 : int64
                jump bb3
            bb3:
                ret v4
            }
        "#]],
    );
}

#[test]
fn branch_folding_drops_the_phi_entry_of_the_edge_removed() {
    // bb0 goes straight to bb2 when false: bb2's phi loses bb0's entry.
    check(
        "
fn f0 f(v0: int64) -> int64 {
bb0:
    v1 = const false : bool
    br v1, bb2, bb1
bb1:
    v2 = add v0, v0 : int64
    br v1, bb3, bb2
bb2:
    v3 = phi [v0, bb0], [v2, bb1] : int64
    jump bb3
bb3:
    v4 = phi [v3, bb2], [v0, bb1] : int64
    ret v4
}
",
        expect![[r#"
            fn f0 f(v0: int64) -> int64 {
            bb0:
                v1 = const false : bool
                jump bb1
            bb1:
                v2 = add v0, v0 : int64
                jump bb2
            bb2:
                jump bb3
            bb3:
                ret v2
            }
        "#]],
    );
}

#[test]
fn a_loop_phi_of_one_value_is_that_value() {
    check(
        "
fn f0 f(v0: int64, v1: bool) -> int64 {
bb0:
    jump bb1
bb1:
    v2 = phi [v0, bb0], [v2, bb2] : int64
    br v1, bb2, bb3
bb2:
    jump bb1
bb3:
    ret v2
}
",
        expect![[r#"
            fn f0 f(v0: int64, v1: bool) -> int64 {
            bb0:
                jump bb1
            bb1:
                br v1, bb2, bb3
            bb2:
                jump bb1
            bb3:
                ret v0
            }
        "#]],
    );
}

#[test]
fn a_phi_of_equal_constants_is_a_constant() {
    check(
        "
fn f0 f(v0: bool) -> float64 {
bb0:
    br v0, bb1, bb2
bb1:
    v1 = const 1.5 : float64
    jump bb3
bb2:
    v2 = const 1.5 : float64
    jump bb3
bb3:
    v3 = phi [v1, bb1], [v2, bb2] : float64
    v4 = add v3, v3 : float64
    ret v4
}
",
        expect![[r#"
            fn f0 f(v0: bool) -> float64 {
            bb0:
                br v0, bb1, bb2
            bb1:
                v1 = const 1.5 : float64
                jump bb3
            bb2:
                v2 = const 1.5 : float64
                jump bb3
            bb3:
                v5 = const 1.5 : float64
                v4 = const 3.0 : float64
                ret v4
            }
        "#]],
    );
}

// ------------------------------------------------------------ integers against pyops
//
// Integer folding against Python's rules (`pyops`) and exact arithmetic,
// for every pair of edge values: wrapping and signs must agree with what
// the prelude computes at run time, and nothing that raises is folded.

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
