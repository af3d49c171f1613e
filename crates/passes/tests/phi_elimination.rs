//! Phi elimination alone: IR text in, IR text out, verified as phi-free.

use expect_test::{Expect, expect};
use pyjit_ir::parse::parse_function;
use pyjit_ir::verify::{Phase, verify};

fn check(input: &str, expected: Expect) {
    let mut func = parse_function(input).expect("the input parses");
    verify(&func, Phase::Typed).expect("the input is valid typed SSA");
    pyjit_passes::phi_elimination::run(&mut func).expect("the pass runs");
    if let Err(e) = verify(&func, Phase::PhiFree) {
        panic!("broken after phi elimination:\n{e}");
    }
    expected.assert_eq(&func.to_string());
}

/// `a, b = b, a` in a loop: the two phis read each other, so one edge's
/// copies form a cycle, broken with a temporary.
#[test]
fn a_swap_in_a_loop_goes_through_a_temporary() {
    check(
        "\
fn f0 swap(v0: int64, v1: int64, v2: int64) -> int64 {
bb0:
    v3 = const 0 : int64
    v4 = const 1 : int64
    jump bb1
bb1:
    v5 = phi [v3, bb0], [v9, bb2] : int64
    v6 = phi [v0, bb0], [v7, bb2] : int64
    v7 = phi [v1, bb0], [v6, bb2] : int64
    v8 = lt v5, v2 : bool
    br v8, bb2, bb3
bb2:
    v9 = add v5, v4 : int64
    jump bb1
bb3:
    ret v6
}
",
        expect![[r#"
            fn f0 swap(v0: int64, v1: int64, v2: int64) -> int64 {
            bb0:
                v3 = const 0 : int64
                v4 = const 1 : int64
                v5 = copy v3 : int64
                v6 = copy v0 : int64
                v7 = copy v1 : int64
                jump bb1
            bb1:
                v8 = lt v5, v2 : bool
                br v8, bb2, bb3
            bb2:
                v9 = add v5, v4 : int64
                v5 = copy v9 : int64
                v10 = copy v6 : int64
                v6 = copy v7 : int64
                v7 = copy v10 : int64
                jump bb1
            bb3:
                ret v6
            }
        "#]],
    );
}

/// `a, b, c = c, a, b`: a cycle of three needs one temporary too.
#[test]
fn a_rotation_of_three_needs_one_temporary() {
    check(
        "\
fn f0 rotate(v0: int64, v1: int64, v2: int64, v3: bool) -> int64 {
bb0:
    jump bb1
bb1:
    v4 = phi [v0, bb0], [v6, bb2] : int64
    v5 = phi [v1, bb0], [v4, bb2] : int64
    v6 = phi [v2, bb0], [v5, bb2] : int64
    br v3, bb2, bb3
bb2:
    jump bb1
bb3:
    ret v4
}
",
        expect![[r#"
            fn f0 rotate(v0: int64, v1: int64, v2: int64, v3: bool) -> int64 {
            bb0:
                v4 = copy v0 : int64
                v5 = copy v1 : int64
                v6 = copy v2 : int64
                jump bb1
            bb1:
                br v3, bb2, bb3
            bb2:
                v7 = copy v4 : int64
                v4 = copy v6 : int64
                v6 = copy v5 : int64
                v5 = copy v7 : int64
                jump bb1
            bb3:
                ret v4
            }
        "#]],
    );
}

/// A copy on the edge from a block with two successors would also run on
/// the other path: the edge gets a block of its own (the lost copy).
#[test]
fn a_critical_edge_is_split() {
    check(
        "\
fn f0 pick(v0: bool, v1: float64, v2: float64) -> float64 {
bb0:
    br v0, bb1, bb2
bb1:
    v3 = mul v1, v2 : float64
    jump bb2
bb2:
    v4 = phi [v1, bb0], [v3, bb1] : float64
    ret v4
}
",
        expect![[r#"
            fn f0 pick(v0: bool, v1: float64, v2: float64) -> float64 {
            bb0:
                br v0, bb1, bb3
            bb1:
                v3 = mul v1, v2 : float64
                v4 = copy v3 : float64
                jump bb2
            bb2:
                ret v4
            bb3:
                v4 = copy v1 : float64
                jump bb2
            }
        "#]],
    );
}

/// A loop whose exit test is at the bottom: the back edge leaves a block
/// with two successors, so it is split, and the value live after the loop
/// (the lost-copy problem's `x2`) is still the one computed last.
#[test]
fn a_bottom_tested_loop_splits_its_back_edge() {
    check(
        "\
fn f0 count(v0: int64) -> int64 {
bb0:
    v1 = const 1 : int64
    v2 = const 0 : int64
    jump bb1
bb1:
    v3 = phi [v2, bb0], [v4, bb1] : int64
    v4 = add v3, v1 : int64
    v5 = lt v4, v0 : bool
    br v5, bb1, bb2
bb2:
    ret v4
}
",
        expect![[r#"
            fn f0 count(v0: int64) -> int64 {
            bb0:
                v1 = const 1 : int64
                v2 = const 0 : int64
                v3 = copy v2 : int64
                jump bb1
            bb1:
                v4 = add v3, v1 : int64
                v5 = lt v4, v0 : bool
                br v5, bb3, bb2
            bb2:
                ret v4
            bb3:
                v3 = copy v4 : int64
                jump bb1
            }
        "#]],
    );
}

/// A copy whose destination another copy reads goes after that read,
/// without a temporary when there is no cycle.
#[test]
fn a_chain_of_copies_is_ordered_without_a_temporary() {
    check(
        "\
fn f0 shift(v0: int64, v1: bool) -> int64 {
bb0:
    jump bb1
bb1:
    v2 = phi [v0, bb0], [v3, bb2] : int64
    v3 = phi [v0, bb0], [v4, bb2] : int64
    v4 = phi [v0, bb0], [v5, bb2] : int64
    v5 = add v4, v0 : int64
    br v1, bb2, bb3
bb2:
    jump bb1
bb3:
    ret v2
}
",
        expect![[r#"
            fn f0 shift(v0: int64, v1: bool) -> int64 {
            bb0:
                v2 = copy v0 : int64
                v3 = copy v0 : int64
                v4 = copy v0 : int64
                jump bb1
            bb1:
                v5 = add v4, v0 : int64
                br v1, bb2, bb3
            bb2:
                v2 = copy v3 : int64
                v3 = copy v4 : int64
                v4 = copy v5 : int64
                jump bb1
            bb3:
                ret v2
            }
        "#]],
    );
}
