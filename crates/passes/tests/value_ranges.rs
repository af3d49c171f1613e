//! Value ranges alone: IR text in (typed SSA), IR text out, verified. The
//! inputs are the IR of small Python functions, named after them.

use expect_test::{Expect, expect};
use pyjit_ir::parse::parse_function;
use pyjit_ir::verify::{Phase, verify};
use pyjit_passes::value_ranges;

/// Parse `input`, run value ranges, verify, and compare the text.
fn check(input: &str, expect: Expect) {
    let mut func = parse_function(input).unwrap_or_else(|e| panic!("{e}"));
    if let Err(e) = verify(&func, Phase::Typed) {
        panic!("the input is broken:\n{e}");
    }
    value_ranges::run(&mut func).expect("value ranges do not fail");
    if let Err(e) = verify(&func, Phase::Typed) {
        panic!("broken after value ranges:\n{e}\n{func}");
    }
    expect.assert_eq(&func.to_string());
}

#[test]
fn a_sum_of_squares_plus_a_constant_is_safe_to_divide_by_and_take_the_root_of() {
    // `r2 = dx * dx + dy * dy + 0.01`: `math.sqrt(r2)` and `m / (r2 * sqrt(r2))`
    // cannot raise; both lose their checks.
    check(
        r#"
fn f0 force(v0: float64, v1: float64, v2: float64) -> float64 {
bb0:
    v3 = mul v0, v0 : float64
    v4 = mul v1, v1 : float64
    v5 = add v3, v4 : float64
    v6 = const 0.01 : float64
    v7 = add v5, v6 : float64
    v8 = math.sqrt v7 : float64
    v9 = mul v7, v8 : float64
    v10 = div v2, v9 : float64
    ret v10
}
"#,
        expect![[r#"
            fn f0 force(v0: float64, v1: float64, v2: float64) -> float64 {
            bb0:
                v3 = mul v0, v0 : float64
                v4 = mul v1, v1 : float64
                v5 = add v3, v4 : float64
                v6 = const 0.01 : float64
                v7 = add v5, v6 : float64
                v8 = np.sqrt v7 : float64
                v9 = mul v7, v8 : float64
                v10 = div.np v2, v9 : float64
                ret v10
            }
        "#]],
    );
}

#[test]
fn a_difference_of_squares_keeps_its_checks() {
    // `dx * dx - dy * dy` may be negative or zero: both checks stay.
    check(
        r#"
fn f0 unsafe(v0: float64, v1: float64, v2: float64) -> float64 {
bb0:
    v3 = mul v0, v0 : float64
    v4 = mul v1, v1 : float64
    v5 = sub v3, v4 : float64
    v6 = math.sqrt v5 : float64
    v7 = div v2, v6 : float64
    ret v7
}
"#,
        expect![[r#"
            fn f0 unsafe(v0: float64, v1: float64, v2: float64) -> float64 {
            bb0:
                v3 = mul v0, v0 : float64
                v4 = mul v1, v1 : float64
                v5 = sub v3, v4 : float64
                v6 = math.sqrt v5 : float64
                v7 = div v2, v6 : float64
                ret v7
            }
        "#]],
    );
}

#[test]
fn a_loop_accumulating_squares_from_one_stays_positive() {
    // `s = 1.0`, then `s += x * x` in a loop: the phi settles at `[1, inf]`.
    check(
        r#"
fn f0 norm(v0: float64[:]) -> float64 {
bb0:
    v1 = const 1.0 : float64
    v3 = dim v0, 0 : int64
    v4 = const 0 : int64
    jump bb1
bb1:
    v5 = phi [v4, bb0], [v13, bb4] : int64
    v8 = phi [v1, bb0], [v10, bb4] : float64
    v6 = lt v5, v3 : bool
    br v6, bb2, bb3
bb2:
    v7 = load v0[v5] : float64
    v9 = mul v7, v7 : float64
    v10 = add v8, v9 : float64
    jump bb4
bb3:
    jump bb5
bb4:
    v12 = const 1 : int64
    v13 = add v5, v12 : int64
    jump bb1
bb5:
    v14 = const 1.0 : float64
    v15 = math.sqrt v8 : float64
    v16 = div v14, v15 : float64
    ret v16
}
"#,
        expect![[r#"
            fn f0 norm(v0: float64[:]) -> float64 {
            bb0:
                v1 = const 1.0 : float64
                v3 = dim v0, 0 : int64
                v4 = const 0 : int64
                jump bb1
            bb1:
                v5 = phi [v4, bb0], [v13, bb4] : int64
                v8 = phi [v1, bb0], [v10, bb4] : float64
                v6 = lt v5, v3 : bool
                br v6, bb2, bb3
            bb2:
                v7 = load v0[v5] : float64
                v9 = mul v7, v7 : float64
                v10 = add v8, v9 : float64
                jump bb4
            bb3:
                jump bb5
            bb4:
                v12 = const 1 : int64
                v13 = add v5, v12 : int64
                jump bb1
            bb5:
                v14 = const 1.0 : float64
                v15 = np.sqrt v8 : float64
                v16 = div.np v14, v15 : float64
                ret v16
            }
        "#]],
    );
}

#[test]
fn a_parameter_in_a_phi_may_be_anything() {
    // `x2 = 1.0 / (b or 1.0)`: `b` may be inf, so `x2` may be 0.0 and
    // `10 / x2` keeps its check (found by the agreement soak).
    check(
        r#"
fn f0 f(v0: int64, v1: float64, v2: bool, v3: float64[:]) -> none {
bb0:
    v4 = const 1.0 : float64
    v5 = convert v1 : bool
    br v5, bb2, bb1
bb1:
    v6 = const 1.0 : float64
    jump bb2
bb2:
    v7 = phi [v1, bb0], [v6, bb1] : float64
    v8 = div v4, v7 : float64
    v9 = const 10.0 : float64
    v10 = div v9, v8 : float64
    ret
}
"#,
        expect![[r#"
            fn f0 f(v0: int64, v1: float64, v2: bool, v3: float64[:]) -> none {
            bb0:
                v4 = const 1.0 : float64
                v5 = convert v1 : bool
                br v5, bb2, bb1
            bb1:
                v6 = const 1.0 : float64
                jump bb2
            bb2:
                v7 = phi [v1, bb0], [v6, bb1] : float64
                v8 = div v4, v7 : float64
                v9 = const 10.0 : float64
                v10 = div v9, v8 : float64
                ret
            }
        "#]],
    );
}
