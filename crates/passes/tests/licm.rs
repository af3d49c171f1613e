//! Loop-invariant code motion alone: IR text in (typed SSA, as the
//! builder, type inference, constant folding and DCE leave it), IR text
//! out, verified.

use expect_test::{Expect, expect};
use pyjit_ir::parse::parse_function;
use pyjit_ir::verify::{Phase, verify};
use pyjit_passes::licm;

fn check(input: &str, expect: Expect) {
    let mut func = parse_function(input).unwrap_or_else(|e| panic!("{e}"));
    if let Err(e) = verify(&func, Phase::Typed) {
        panic!("the input is broken:\n{e}");
    }
    licm::run(&mut func).expect("licm does not fail");
    if let Err(e) = verify(&func, Phase::Typed) {
        panic!("broken after licm:\n{e}\n{func}");
    }
    expect.assert_eq(&func.to_string());
}

#[test]
fn invariant_arithmetic_leaves_every_loop_it_does_not_depend_on() {
    // for i in range(n):
    //     for j in range(1, n - 1):
    //         s += a[j] * (n * 2.0) + n // d + a[0]
    //
    // The inner range's `n - 1` and length, `n * 2.0` and the extents go
    // before the outer loop. `n // d` may raise (d == 0) and stays where
    // it was, as do the checks and the loads (a store may change memory).
    check(
        r#"
fn f0 f(v0: float64[:], v1: int64, v2: int64) -> float64 {
bb0:
    v3 = const 0.0 : float64
    v5 = const 0 : int64
    v6 = const 1 : int64
    jump bb1
bb1:
    v9 = range_len v5, v1, v6 : int64
    v10 = const 0 : int64
    jump bb3
bb3:
    v11 = phi [v10, bb1], [v55, bb6] : int64
    v50 = phi [v3, bb1], [v26, bb6] : float64
    v12 = ult v11, v9 : bool
    br v12, bb4, bb5
bb4:
    v14 = const 1 : int64
    v16 = const 1 : int64
    v17 = sub v1, v16 : int64
    v18 = const 1 : int64
    jump bb8
bb5:
    jump bb7
bb6:
    v54 = const 1 : int64
    v55 = add v11, v54 : int64
    jump bb3
bb7:
    ret v50
bb8:
    v21 = range_len v14, v17, v18 : int64
    v22 = const 0 : int64
    jump bb10
bb10:
    v23 = phi [v22, bb8], [v48, bb13] : int64
    v25 = phi [v14, bb8], [v49, bb13] : int64
    v26 = phi [v50, bb8], [v45, bb13] : float64
    v24 = ult v23, v21 : bool
    br v24, bb11, bb12
bb11:
    v28 = dim v0, 0 : int64
    v29 = index v25, v28, axis 0 : int64
    v30 = load v0[v29] : float64
    v32 = convert v1 : float64
    v33 = const 2.0 : float64
    v34 = mul v32, v33 : float64
    v35 = mul v30, v34 : float64
    v37 = floordiv v1, v2 : int64
    v38 = convert v37 : float64
    v39 = add v35, v38 : float64
    v40 = const 0 : int64
    v41 = dim v0, 0 : int64
    v42 = index v40, v41, axis 0 : int64
    v43 = load v0[v42] : float64
    v44 = add v39, v43 : float64
    v45 = add v26, v44 : float64
    jump bb13
bb12:
    jump bb14
bb13:
    v47 = const 1 : int64
    v48 = add v23, v47 : int64
    v49 = add v25, v18 : int64
    jump bb10
bb14:
    jump bb6
}
"#,
        expect![[r#"
            fn f0 f(v0: float64[:], v1: int64, v2: int64) -> float64 {
            bb0:
                v3 = const 0.0 : float64
                v5 = const 0 : int64
                v6 = const 1 : int64
                jump bb1
            bb1:
                v9 = range_len v5, v1, v6 : int64
                v10 = const 0 : int64
                v14 = const 1 : int64
                v16 = const 1 : int64
                v17 = sub v1, v16 : int64
                v18 = const 1 : int64
                v21 = range_len v14, v17, v18 : int64
                v22 = const 0 : int64
                v28 = dim v0, 0 : int64
                v32 = convert v1 : float64
                v33 = const 2.0 : float64
                v34 = mul v32, v33 : float64
                v40 = const 0 : int64
                v41 = dim v0, 0 : int64
                v47 = const 1 : int64
                v54 = const 1 : int64
                jump bb3
            bb3:
                v11 = phi [v10, bb1], [v55, bb6] : int64
                v50 = phi [v3, bb1], [v26, bb6] : float64
                v12 = ult v11, v9 : bool
                br v12, bb4, bb5
            bb4:
                jump bb8
            bb5:
                jump bb7
            bb6:
                v55 = add v11, v54 : int64
                jump bb3
            bb7:
                ret v50
            bb8:
                jump bb10
            bb10:
                v23 = phi [v22, bb8], [v48, bb13] : int64
                v25 = phi [v14, bb8], [v49, bb13] : int64
                v26 = phi [v50, bb8], [v45, bb13] : float64
                v24 = ult v23, v21 : bool
                br v24, bb11, bb12
            bb11:
                v29 = index v25, v28, axis 0 : int64
                v30 = load v0[v29] : float64
                v35 = mul v30, v34 : float64
                v37 = floordiv v1, v2 : int64
                v38 = convert v37 : float64
                v39 = add v35, v38 : float64
                v42 = index v40, v41, axis 0 : int64
                v43 = load v0[v42] : float64
                v44 = add v39, v43 : float64
                v45 = add v26, v44 : float64
                jump bb13
            bb12:
                jump bb14
            bb13:
                v48 = add v23, v47 : int64
                v49 = add v25, v18 : int64
                jump bb10
            bb14:
                jump bb6
            }
        "#]],
    );
}
