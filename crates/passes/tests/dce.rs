//! Dead code elimination alone: IR text in, IR text out, verified.

use expect_test::{Expect, expect};
use pyjit_ir::parse::parse_function;
use pyjit_ir::verify::{Phase, verify};
use pyjit_passes::dce;

/// Parse `input`, run dce, verify, and compare the text.
fn check(input: &str, expect: Expect) {
    let mut func = parse_function(input).unwrap_or_else(|e| panic!("{e}"));
    if let Err(e) = verify(&func, Phase::Typed) {
        panic!("the input is broken:\n{e}");
    }
    dce::run(&mut func).expect("dce does not fail");
    if let Err(e) = verify(&func, Phase::Typed) {
        panic!("broken after dce:\n{e}");
    }
    expect.assert_eq(&func.to_string());
}

#[test]
fn unused_pure_chains_go() {
    check(
        "
fn f0 f(v0: int64, v1: float64) -> int64 {
bb0:
    v2 = add v0, v0 : int64
    v3 = mul v2, v2 : int64
    v4 = convert v3 : float64
    v5 = add.np v4, v1 : float64
    v6 = lt v5, v1 : bool
    v7 = select v6, v0, v2 : int64
    v8 = sub v0, v0 : int64
    ret v8
}
",
        expect![[r#"
            fn f0 f(v0: int64, v1: float64) -> int64 {
            bb0:
                v8 = sub v0, v0 : int64
                ret v8
            }
        "#]],
    );
}

#[test]
fn what_may_raise_stays() {
    // A Python floor division by a divisor that may be zero raises; so may
    // math.sqrt, an int64 -> int32 conversion and a checked index. NumPy's
    // floor division and an unchecked index cannot.
    check(
        "
fn f0 f(v0: int64, v1: float64) -> none {
bb0:
    v2 = floordiv v0, v0 : int64
    v3 = floordiv.np v0, v0 : int64
    v4 = math.sqrt v1 : float64
    v5 = np.sqrt v1 : float64
    v6 = convert v0 : int32
    v7 = index v0, v0, axis 0 : int64
    v8 = index.unchecked v0, v0, axis 0 : int64
    v9 = add v2, v2 : int64
    ret
}
",
        expect![[r#"
            fn f0 f(v0: int64, v1: float64) -> none {
            bb0:
                v2 = floordiv v0, v0 : int64
                v4 = math.sqrt v1 : float64
                v6 = convert v0 : int32
                v7 = index v0, v0, axis 0 : int64
                ret
            }
        "#]],
    );
}

#[test]
fn effects_stay_and_keep_their_operands() {
    check(
        "
fn f0 f(v0: float64[:], v1: int64) -> none {
bb0:
    v2 = dim v0, 0 : int64
    v3 = index v1, v2, axis 0 : int64
    v4 = load v0[v3] : float64
    v5 = const 2.0 : float64
    v6 = mul v4, v5 : float64
    store v0[v3], v6
    v7 = load v0[v3] : float64
    v8 = add v7, v5 : float64
    print \"x\", v1, sep \" \", end \"\\n\"
    v9 = call f1(v1) : int64
    ret
}
",
        expect![[r#"
            fn f0 f(v0: float64[:], v1: int64) -> none {
            bb0:
                v2 = dim v0, 0 : int64
                v3 = index v1, v2, axis 0 : int64
                v4 = load v0[v3] : float64
                v5 = const 2.0 : float64
                v6 = mul v4, v5 : float64
                store v0[v3], v6
                print "x", v1, sep " ", end "\n"
                v9 = call f1(v1) : int64
                ret
            }
        "#]],
    );
}

#[test]
fn unreachable_blocks_go_and_phis_forget_them() {
    check(
        "
fn f0 f(v0: int64) -> int64 {
bb0:
    jump bb1
bb1:
    v1 = phi [v0, bb0], [v3, bb2] : int64
    ret v1
bb2:
    v2 = const 1 : int64
    v3 = add v2, v2 : int64
    jump bb1
bb3:
    jump bb2
}
",
        expect![[r#"
            fn f0 f(v0: int64) -> int64 {
            bb0:
                jump bb1
            bb1:
                v1 = phi [v0, bb0] : int64
                ret v1
            }
        "#]],
    );
}

#[test]
fn phis_feeding_live_values_stay_and_dead_loop_phis_go() {
    check(
        "
fn f0 f(v0: int64) -> int64 {
bb0:
    v1 = const 0 : int64
    v2 = const 1 : int64
    jump bb1
bb1:
    v3 = phi [v1, bb0], [v6, bb2] : int64
    v4 = phi [v1, bb0], [v7, bb2] : int64
    v5 = lt v3, v0 : bool
    br v5, bb2, bb3
bb2:
    v6 = add v3, v2 : int64
    v7 = add v4, v2 : int64
    jump bb1
bb3:
    ret v3
}
",
        expect![[r#"
            fn f0 f(v0: int64) -> int64 {
            bb0:
                v1 = const 0 : int64
                v2 = const 1 : int64
                jump bb1
            bb1:
                v3 = phi [v1, bb0], [v6, bb2] : int64
                v5 = lt v3, v0 : bool
                br v5, bb2, bb3
            bb2:
                v6 = add v3, v2 : int64
                jump bb1
            bb3:
                ret v3
            }
        "#]],
    );
}
