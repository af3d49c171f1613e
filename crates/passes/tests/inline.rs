//! Inlining alone: IR text in (typed SSA, as the builder, type inference,
//! constant folding and DCE leave it), IR text out, verified.

use expect_test::{Expect, expect};
use pyjit_ir::parse::parse_program;
use pyjit_ir::verify::{Phase, verify_program};
use pyjit_passes::inline;

fn check(input: &str, expect: Expect) {
    let mut program = parse_program(input).unwrap_or_else(|e| panic!("{e}"));
    if let Err(e) = verify_program(&program, Phase::Typed) {
        panic!("the input is broken:\n{e}");
    }
    inline::run(&mut program).expect("inlining does not fail");
    if let Err(e) = verify_program(&program, Phase::Typed) {
        panic!("broken after inlining:\n{e}");
    }
    let text: Vec<String> = program.functions.iter().map(|f| f.to_string()).collect();
    expect.assert_eq(&text.join("\n"));
}

#[test]
fn a_leaf_returning_in_two_places_becomes_blocks_and_a_phi() {
    // def clamp_inv(x, lo):
    //     if x < lo:
    //         return 0.0
    //     return 1.0 / x
    // def total(n, lo):
    //     s = 0.0
    //     for i in range(n):
    //         s += clamp_inv(i - 2.0, lo)
    //     return s
    //
    // The call's block splits at the call: the copy of the callee's entry
    // (bb8) follows the first half (bb4), both `ret`s jump to the second
    // half (bb2, a free block number), whose phi is the call's value. The
    // callee stays, for other callers.
    check(
        r#"
fn f0 total(v0: int64, v1: float64) -> float64 {
bb0:
    v2 = const 0.0 : float64
    v3 = const 0 : int64
    v4 = const 1 : int64
    jump bb1
bb1:
    v7 = range_len v3, v0, v4 : int64
    v8 = const 0 : int64
    jump bb3
bb3:
    v9 = phi [v8, bb1], [v20, bb6] : int64
    v11 = phi [v3, bb1], [v21, bb6] : int64
    v12 = phi [v2, bb1], [v18, bb6] : float64
    v10 = ult v9, v7 : bool
    br v10, bb4, bb5
bb4:
    v13 = convert v11 : float64
    v14 = const 2.0 : float64
    v15 = sub v13, v14 : float64
    v17 = call f1(v15, v1) : float64
    v18 = add v12, v17 : float64
    jump bb6
bb5:
    jump bb7
bb6:
    v19 = const 1 : int64
    v20 = add v9, v19 : int64
    v21 = add v11, v4 : int64
    jump bb3
bb7:
    ret v12
}

fn f1 clamp_inv(v0: float64, v1: float64) -> float64 {
bb0:
    v2 = lt v0, v1 : bool
    br v2, bb1, bb2
bb1:
    v3 = const 0.0 : float64
    ret v3
bb2:
    jump bb3
bb3:
    v4 = const 1.0 : float64
    v5 = div v4, v0 : float64
    ret v5
}
"#,
        expect![[r#"
            fn f0 total(v0: int64, v1: float64) -> float64 {
            bb0:
                v2 = const 0.0 : float64
                v3 = const 0 : int64
                v4 = const 1 : int64
                jump bb1
            bb1:
                v7 = range_len v3, v0, v4 : int64
                v8 = const 0 : int64
                jump bb3
            bb2:
                v26 = phi [v24, bb10], [v25, bb11] : float64
                v18 = add v12, v26 : float64
                jump bb6
            bb3:
                v9 = phi [v8, bb1], [v20, bb6] : int64
                v11 = phi [v3, bb1], [v21, bb6] : int64
                v12 = phi [v2, bb1], [v18, bb6] : float64
                v10 = ult v9, v7 : bool
                br v10, bb4, bb5
            bb4:
                v13 = convert v11 : float64
                v14 = const 2.0 : float64
                v15 = sub v13, v14 : float64
                jump bb8
            bb5:
                jump bb7
            bb6:
                v19 = const 1 : int64
                v20 = add v9, v19 : int64
                v21 = add v11, v4 : int64
                jump bb3
            bb7:
                ret v12
            bb8:
                v22 = lt v15, v1 : bool
                br v22, bb11, bb9
            bb9:
                jump bb10
            bb10:
                v23 = const 1.0 : float64
                v24 = div v23, v15 : float64
                jump bb2
            bb11:
                v25 = const 0.0 : float64
                jump bb2
            }

            fn f1 clamp_inv(v0: float64, v1: float64) -> float64 {
            bb0:
                v2 = lt v0, v1 : bool
                br v2, bb1, bb2
            bb1:
                v3 = const 0.0 : float64
                ret v3
            bb2:
                jump bb3
            bb3:
                v4 = const 1.0 : float64
                v5 = div v4, v0 : float64
                ret v5
            }
        "#]],
    );
}

#[test]
fn one_return_gives_its_value_and_a_raise_stays_a_raise() {
    // def checked(a, i):
    //     assert i >= 0, "negative"
    //     return a[i] * 2.0
    // def f(a):
    //     return checked(a, 1) + checked(a, 0)
    //
    // Both calls go, each a copy: one `ret`, so its value replaces the
    // call's; the assert's `raise` is copied as it is, and the `index`
    // keeps its check (and its span, for the line of the error).
    check(
        r#"
fn f0 f(v0: float64[:]) -> float64 {
bb0:
    v1 = const 1 : int64
    v2 = call f1(v0, v1) : float64
    v3 = const 0 : int64
    v4 = call f1(v0, v3) : float64
    v5 = add v2, v4 : float64
    ret v5
}

fn f1 checked(v0: float64[:], v1: int64) -> float64 {
bb0:
    v2 = const 0 : int64
    v3 = ge v1, v2 : bool
    br v3, bb2, bb1
bb1:
    raise AssertionError "negative"
bb2:
    v4 = dim v0, 0 : int64
    v5 = index v1, v4, axis 0 : int64
    v6 = load v0[v5] : float64
    v7 = const 2.0 : float64
    v8 = mul v6, v7 : float64
    ret v8
}
"#,
        expect![[r#"
            fn f0 f(v0: float64[:]) -> float64 {
            bb0:
                v1 = const 1 : int64
                jump bb2
            bb1:
                v3 = const 0 : int64
                jump bb6
            bb2:
                v6 = const 0 : int64
                v7 = ge v1, v6 : bool
                br v7, bb4, bb3
            bb3:
                raise AssertionError "negative"
            bb4:
                v8 = dim v0, 0 : int64
                v9 = index v1, v8, axis 0 : int64
                v10 = load v0[v9] : float64
                v11 = const 2.0 : float64
                v12 = mul v10, v11 : float64
                jump bb1
            bb5:
                v5 = add v12, v19 : float64
                ret v5
            bb6:
                v13 = const 0 : int64
                v14 = ge v3, v13 : bool
                br v14, bb8, bb7
            bb7:
                raise AssertionError "negative"
            bb8:
                v15 = dim v0, 0 : int64
                v16 = index v3, v15, axis 0 : int64
                v17 = load v0[v16] : float64
                v18 = const 2.0 : float64
                v19 = mul v17, v18 : float64
                jump bb5
            }

            fn f1 checked(v0: float64[:], v1: int64) -> float64 {
            bb0:
                v2 = const 0 : int64
                v3 = ge v1, v2 : bool
                br v3, bb2, bb1
            bb1:
                raise AssertionError "negative"
            bb2:
                v4 = dim v0, 0 : int64
                v5 = index v1, v4, axis 0 : int64
                v6 = load v0[v5] : float64
                v7 = const 2.0 : float64
                v8 = mul v6, v7 : float64
                ret v8
            }
        "#]],
    );
}

#[test]
fn calls_allocations_and_big_bodies_stay_calls() {
    // A callee that calls, one that allocates and one over the size limit
    // are not inlined; a leaf called by a function that is not is.
    let mut big = String::from("fn f4 big(v0: int64) -> int64 {\nbb0:\n");
    for k in 1..=inline::MAX_INLINED_INSTS + 1 {
        big.push_str(&format!("    v{k} = add v{}, v0 : int64\n", k - 1));
    }
    big.push_str(&format!("    ret v{}\n}}\n", inline::MAX_INLINED_INSTS + 1));
    let input = format!(
        r#"
fn f0 f(v0: int64) -> int64 {{
bb0:
    v1 = call f1(v0) : int64
    v2 = call f2(v1) : int64
    v3 = call f4(v2) : int64
    ret v3
}}

fn f1 caller(v0: int64) -> int64 {{
bb0:
    v1 = call f3(v0) : int64
    ret v1
}}

fn f2 allocates(v0: int64) -> int64 {{
bb0:
    v1 = alloc.np v0, zeros : float64[:]
    v2 = size v1 : int64
    ret v2
}}

fn f3 leaf(v0: int64) -> int64 {{
bb0:
    v1 = const 1 : int64
    v2 = add v0, v1 : int64
    ret v2
}}

{big}"#
    );
    let mut program = parse_program(&input).unwrap_or_else(|e| panic!("{e}"));
    inline::run(&mut program).expect("inlining does not fail");
    verify_program(&program, Phase::Typed).unwrap_or_else(|e| panic!("{e}"));
    let calls = |f: usize| -> Vec<String> {
        let func = &program.functions[f];
        func.blocks()
            .into_iter()
            .flat_map(|b| func.insts(b).to_vec())
            .filter(|&i| matches!(func.inst(i).kind, pyjit_ir::InstKind::Call { .. }))
            .map(|i| pyjit_ir::print::inst_text(func, i))
            .collect()
    };
    // `caller` calls, `allocates` allocates, `big` is one over the limit.
    assert_eq!(
        calls(0),
        [
            "v1 = call f1(v0) : int64",
            "v2 = call f2(v1) : int64",
            "v3 = call f4(v2) : int64"
        ]
    );
    // `leaf` went into `caller`.
    assert!(calls(1).is_empty());
}
