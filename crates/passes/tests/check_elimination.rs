//! Bounds-check elimination alone: IR text in (typed SSA, as the builder,
//! type inference and constant folding leave it), IR text out, verified.
//! The inputs are the IR of small Python functions, named after them.

use expect_test::{Expect, expect};
use pyjit_ir::parse::parse_function;
use pyjit_ir::verify::{Phase, verify};
use pyjit_passes::{check_elimination, dce};

/// Parse `input`, run check elimination then DCE (which removes the
/// extents the copy no longer reads), verify, and compare the text.
fn check(input: &str, expect: Expect) {
    let mut func = parse_function(input).unwrap_or_else(|e| panic!("{e}"));
    if let Err(e) = verify(&func, Phase::Typed) {
        panic!("the input is broken:\n{e}");
    }
    check_elimination::run(&mut func).expect("check elimination does not fail");
    if let Err(e) = verify(&func, Phase::Typed) {
        panic!("broken after check elimination:\n{e}\n{func}");
    }
    dce::run(&mut func).expect("dce does not fail");
    expect.assert_eq(&func.to_string());
}

/// `for i in range(len(a)): s += a[i]`.
const OVER_LEN: &str = r#"
fn f0 over_len(v0: float64[:]) -> float64 {
bb0:
    v1 = const 0.0 : float64
    v3 = const 0 : int64
    v4 = dim v0, 0 : int64
    v5 = const 1 : int64
    jump bb1
bb1:
    v8 = range_len v3, v4, v5 : int64
    v9 = const 0 : int64
    jump bb3
bb3:
    v10 = phi [v9, bb1], [v21, bb6] : int64
    v12 = phi [v3, bb1], [v22, bb6] : int64
    v13 = phi [v1, bb1], [v18, bb6] : float64
    v11 = ult v10, v8 : bool
    br v11, bb4, bb5
bb4:
    v15 = dim v0, 0 : int64
    v16 = index v12, v15, axis 0 : int64
    v17 = load v0[v16] : float64
    v18 = add v13, v17 : float64
    jump bb6
bb5:
    jump bb7
bb6:
    v20 = const 1 : int64
    v21 = add v10, v20 : int64
    v22 = add v12, v5 : int64
    jump bb3
bb7:
    ret v13
}
"#;

#[test]
fn a_range_over_the_length_needs_no_guard() {
    // `for i in range(len(a))`: `a[i]` is proven in range; no copy.
    check(
        OVER_LEN,
        expect![[r#"
            fn f0 over_len(v0: float64[:]) -> float64 {
            bb0:
                v1 = const 0.0 : float64
                v3 = const 0 : int64
                v4 = dim v0, 0 : int64
                v5 = const 1 : int64
                jump bb1
            bb1:
                v8 = range_len v3, v4, v5 : int64
                v9 = const 0 : int64
                jump bb3
            bb3:
                v10 = phi [v9, bb1], [v21, bb6] : int64
                v12 = phi [v3, bb1], [v22, bb6] : int64
                v13 = phi [v1, bb1], [v18, bb6] : float64
                v11 = ult v10, v8 : bool
                br v11, bb4, bb5
            bb4:
                v17 = load v0[v12] : float64
                v18 = add v13, v17 : float64
                jump bb6
            bb5:
                jump bb7
            bb6:
                v20 = const 1 : int64
                v21 = add v10, v20 : int64
                v22 = add.nowrap v12, v5 : int64
                jump bb3
            bb7:
                ret v13
            }
        "#]],
    );
}

#[test]
fn a_range_to_a_parameter_is_versioned() {
    // `for i in range(n)`: `a[i]` holds when `n <= len(a)`, checked once before
    // the loop; the loop variable and its bound flag, read after the loop,
    // merge the two copies' values.
    check(
        r#"
fn f0 up_to_n(v0: float64[:], v1: int64) -> int64 {
bb0:
    v22 = const 0 : int64
    v20 = const false : bool
    v2 = const 0 : int64
    v3 = const 1 : int64
    jump bb1
bb1:
    v6 = range_len v2, v1, v3 : int64
    v7 = const 0 : int64
    jump bb3
bb3:
    v8 = phi [v7, bb1], [v17, bb6] : int64
    v10 = phi [v2, bb1], [v18, bb6] : int64
    v19 = phi [v20, bb1], [v11, bb6] : bool
    v21 = phi [v22, bb1], [v10, bb6] : int64
    v9 = ult v8, v6 : bool
    br v9, bb4, bb5
bb4:
    v11 = const true : bool
    v12 = const 0.0 : float64
    v14 = dim v0, 0 : int64
    v15 = index v10, v14, axis 0 : int64
    store v0[v15], v12
    jump bb6
bb5:
    jump bb7
bb6:
    v16 = const 1 : int64
    v17 = add v8, v16 : int64
    v18 = add v10, v3 : int64
    jump bb3
bb7:
    br v19, bb8, bb9
bb8:
    ret v21
bb9:
    raise UnboundLocalError "i"
}
"#,
        expect![[r#"
            fn f0 up_to_n(v0: float64[:], v1: int64) -> int64 {
            bb0:
                v22 = const 0 : int64
                v20 = const false : bool
                v2 = const 0 : int64
                v3 = const 1 : int64
                jump bb1
            bb1:
                v6 = range_len v2, v1, v3 : int64
                v7 = const 0 : int64
                v23 = dim v0, 0 : int64
                v24 = le v1, v23 : bool
                br v24, bb2, bb3
            bb2:
                v25 = phi [v7, bb1], [v35, bb11] : int64
                v26 = phi [v2, bb1], [v36, bb11] : int64
                v27 = phi [v20, bb1], [v30, bb11] : bool
                v28 = phi [v22, bb1], [v26, bb11] : int64
                v29 = ult v25, v6 : bool
                br v29, bb10, bb5
            bb3:
                v8 = phi [v7, bb1], [v17, bb6] : int64
                v10 = phi [v2, bb1], [v18, bb6] : int64
                v19 = phi [v20, bb1], [v11, bb6] : bool
                v21 = phi [v22, bb1], [v10, bb6] : int64
                v9 = ult v8, v6 : bool
                br v9, bb4, bb5
            bb4:
                v11 = const true : bool
                v12 = const 0.0 : float64
                v14 = dim v0, 0 : int64
                v15 = index v10, v14, axis 0 : int64
                store v0[v15], v12
                jump bb6
            bb5:
                v37 = phi [v27, bb2], [v19, bb3] : bool
                v38 = phi [v28, bb2], [v21, bb3] : int64
                jump bb7
            bb6:
                v16 = const 1 : int64
                v17 = add v8, v16 : int64
                v18 = add v10, v3 : int64
                jump bb3
            bb7:
                br v37, bb8, bb9
            bb8:
                ret v38
            bb9:
                raise UnboundLocalError "i"
            bb10:
                v30 = const true : bool
                v31 = const 0.0 : float64
                store v0[v26], v31
                jump bb11
            bb11:
                v34 = const 1 : int64
                v35 = add v25, v34 : int64
                v36 = add.nowrap v26, v3 : int64
                jump bb2
            }
        "#]],
    );
}

#[test]
fn offsets_shift_the_bounds() {
    // `for i in range(1, n - 1)`: `a[i - 1]` is proven not negative (the start
    // is 1); `a[i + 1]` needs `n - 1 <= len(a) - 1`.
    check(
        r#"
fn f0 stencil(v0: float64[:], v1: int64) -> float64 {
bb0:
    v2 = const 0.0 : float64
    v4 = const 1 : int64
    v5 = const 1 : int64
    v6 = sub v1, v5 : int64
    v7 = const 1 : int64
    jump bb1
bb1:
    v10 = range_len v4, v6, v7 : int64
    v11 = const 0 : int64
    jump bb3
bb3:
    v12 = phi [v11, bb1], [v31, bb6] : int64
    v14 = phi [v4, bb1], [v32, bb6] : int64
    v15 = phi [v2, bb1], [v28, bb6] : float64
    v13 = ult v12, v10 : bool
    br v13, bb4, bb5
bb4:
    v17 = const 1 : int64
    v18 = sub v14, v17 : int64
    v19 = dim v0, 0 : int64
    v20 = index v18, v19, axis 0 : int64
    v21 = load v0[v20] : float64
    v22 = const 1 : int64
    v23 = add v14, v22 : int64
    v24 = dim v0, 0 : int64
    v25 = index v23, v24, axis 0 : int64
    v26 = load v0[v25] : float64
    v27 = sub v21, v26 : float64
    v28 = add v15, v27 : float64
    jump bb6
bb5:
    jump bb7
bb6:
    v30 = const 1 : int64
    v31 = add v12, v30 : int64
    v32 = add v14, v7 : int64
    jump bb3
bb7:
    ret v15
}
"#,
        expect![[r#"
            fn f0 stencil(v0: float64[:], v1: int64) -> float64 {
            bb0:
                v2 = const 0.0 : float64
                v4 = const 1 : int64
                v5 = const 1 : int64
                v6 = sub v1, v5 : int64
                v7 = const 1 : int64
                jump bb1
            bb1:
                v10 = range_len v4, v6, v7 : int64
                v11 = const 0 : int64
                v33 = dim v0, 0 : int64
                v34 = lt v6, v33 : bool
                br v34, bb2, bb3
            bb2:
                v35 = phi [v11, bb1], [v52, bb9] : int64
                v36 = phi [v4, bb1], [v53, bb9] : int64
                v37 = phi [v2, bb1], [v50, bb9] : float64
                v38 = ult v35, v10 : bool
                br v38, bb8, bb5
            bb3:
                v12 = phi [v11, bb1], [v31, bb6] : int64
                v14 = phi [v4, bb1], [v32, bb6] : int64
                v15 = phi [v2, bb1], [v28, bb6] : float64
                v13 = ult v12, v10 : bool
                br v13, bb4, bb5
            bb4:
                v17 = const 1 : int64
                v18 = sub v14, v17 : int64
                v19 = dim v0, 0 : int64
                v20 = index v18, v19, axis 0 : int64
                v21 = load v0[v20] : float64
                v22 = const 1 : int64
                v23 = add v14, v22 : int64
                v24 = dim v0, 0 : int64
                v25 = index v23, v24, axis 0 : int64
                v26 = load v0[v25] : float64
                v27 = sub v21, v26 : float64
                v28 = add v15, v27 : float64
                jump bb6
            bb5:
                v54 = phi [v37, bb2], [v15, bb3] : float64
                jump bb7
            bb6:
                v30 = const 1 : int64
                v31 = add v12, v30 : int64
                v32 = add v14, v7 : int64
                jump bb3
            bb7:
                ret v54
            bb8:
                v39 = const 1 : int64
                v40 = sub v36, v39 : int64
                v43 = load v0[v40] : float64
                v44 = const 1 : int64
                v45 = add v36, v44 : int64
                v48 = load v0[v45] : float64
                v49 = sub v43, v48 : float64
                v50 = add v37, v49 : float64
                jump bb9
            bb9:
                v51 = const 1 : int64
                v52 = add v35, v51 : int64
                v53 = add.nowrap v36, v7 : int64
                jump bb2
            }
        "#]],
    );
}

#[test]
fn a_range_counting_down_from_the_end_needs_no_guard() {
    // `for i in range(len(a) - 1, -1, -1)`: from `len(a) - 1` down to 0.
    check(
        r#"
fn f0 down(v0: float64[:]) -> float64 {
bb0:
    v1 = const 0.0 : float64
    v3 = dim v0, 0 : int64
    v4 = const 1 : int64
    v5 = sub v3, v4 : int64
    v6 = const -1 : int64
    v7 = const -1 : int64
    jump bb1
bb1:
    v10 = range_len v5, v6, v7 : int64
    v11 = const 0 : int64
    jump bb3
bb3:
    v12 = phi [v11, bb1], [v23, bb6] : int64
    v14 = phi [v5, bb1], [v24, bb6] : int64
    v15 = phi [v1, bb1], [v20, bb6] : float64
    v13 = ult v12, v10 : bool
    br v13, bb4, bb5
bb4:
    v17 = dim v0, 0 : int64
    v18 = index v14, v17, axis 0 : int64
    v19 = load v0[v18] : float64
    v20 = add v15, v19 : float64
    jump bb6
bb5:
    jump bb7
bb6:
    v22 = const 1 : int64
    v23 = add v12, v22 : int64
    v24 = add v14, v7 : int64
    jump bb3
bb7:
    ret v15
}
"#,
        expect![[r#"
            fn f0 down(v0: float64[:]) -> float64 {
            bb0:
                v1 = const 0.0 : float64
                v3 = dim v0, 0 : int64
                v4 = const 1 : int64
                v5 = sub v3, v4 : int64
                v6 = const -1 : int64
                v7 = const -1 : int64
                jump bb1
            bb1:
                v10 = range_len v5, v6, v7 : int64
                v11 = const 0 : int64
                jump bb3
            bb3:
                v12 = phi [v11, bb1], [v23, bb6] : int64
                v14 = phi [v5, bb1], [v24, bb6] : int64
                v15 = phi [v1, bb1], [v20, bb6] : float64
                v13 = ult v12, v10 : bool
                br v13, bb4, bb5
            bb4:
                v19 = load v0[v14] : float64
                v20 = add v15, v19 : float64
                jump bb6
            bb5:
                jump bb7
            bb6:
                v22 = const 1 : int64
                v23 = add v12, v22 : int64
                v24 = add.nowrap v14, v7 : int64
                jump bb3
            bb7:
                ret v15
            }
        "#]],
    );
}

#[test]
fn an_index_invariant_in_the_loop_is_guarded_on_both_sides() {
    // `m[i, j]` in a loop over `j`: `0 <= i < m.shape[0]` and `n <= m.shape[1]`.
    check(
        r#"
fn f0 row(v0: float64[:, :], v1: int64, v2: int64) -> float64 {
bb0:
    v3 = const 0.0 : float64
    v5 = const 0 : int64
    v6 = const 1 : int64
    jump bb1
bb1:
    v9 = range_len v5, v2, v6 : int64
    v10 = const 0 : int64
    jump bb3
bb3:
    v11 = phi [v10, bb1], [v25, bb6] : int64
    v13 = phi [v5, bb1], [v26, bb6] : int64
    v14 = phi [v3, bb1], [v22, bb6] : float64
    v12 = ult v11, v9 : bool
    br v12, bb4, bb5
bb4:
    v17 = dim v0, 0 : int64
    v18 = index v1, v17, axis 0 : int64
    v19 = dim v0, 1 : int64
    v20 = index v13, v19, axis 1 : int64
    v21 = load v0[v18, v20] : float64
    v22 = add v14, v21 : float64
    jump bb6
bb5:
    jump bb7
bb6:
    v24 = const 1 : int64
    v25 = add v11, v24 : int64
    v26 = add v13, v6 : int64
    jump bb3
bb7:
    ret v14
}
"#,
        expect![[r#"
            fn f0 row(v0: float64[:, :], v1: int64, v2: int64) -> float64 {
            bb0:
                v3 = const 0.0 : float64
                v5 = const 0 : int64
                v6 = const 1 : int64
                jump bb1
            bb1:
                v9 = range_len v5, v2, v6 : int64
                v10 = const 0 : int64
                v27 = const 0 : int64
                v28 = ge v1, v27 : bool
                v29 = dim v0, 0 : int64
                v30 = lt v1, v29 : bool
                v31 = and v28, v30 : bool
                v32 = dim v0, 1 : int64
                v33 = le v2, v32 : bool
                v34 = and v31, v33 : bool
                br v34, bb2, bb3
            bb2:
                v35 = phi [v10, bb1], [v46, bb9] : int64
                v36 = phi [v5, bb1], [v47, bb9] : int64
                v37 = phi [v3, bb1], [v44, bb9] : float64
                v38 = ult v35, v9 : bool
                br v38, bb8, bb5
            bb3:
                v11 = phi [v10, bb1], [v25, bb6] : int64
                v13 = phi [v5, bb1], [v26, bb6] : int64
                v14 = phi [v3, bb1], [v22, bb6] : float64
                v12 = ult v11, v9 : bool
                br v12, bb4, bb5
            bb4:
                v17 = dim v0, 0 : int64
                v18 = index v1, v17, axis 0 : int64
                v19 = dim v0, 1 : int64
                v20 = index v13, v19, axis 1 : int64
                v21 = load v0[v18, v20] : float64
                v22 = add v14, v21 : float64
                jump bb6
            bb5:
                v48 = phi [v37, bb2], [v14, bb3] : float64
                jump bb7
            bb6:
                v24 = const 1 : int64
                v25 = add v11, v24 : int64
                v26 = add v13, v6 : int64
                jump bb3
            bb7:
                ret v48
            bb8:
                v43 = load v0[v1, v36] : float64
                v44 = add v37, v43 : float64
                jump bb9
            bb9:
                v45 = const 1 : int64
                v46 = add v35, v45 : int64
                v47 = add.nowrap v36, v6 : int64
                jump bb2
            }
        "#]],
    );
}

#[test]
fn what_is_not_an_offset_of_the_variable_stays_checked() {
    // `a[2 * i]` is not `i` plus a constant, and `a[-1]` needs its wraparound:
    // both checks stay, and the loop is not copied.
    check(
        r#"
fn f0 doubled(v0: float64[:], v1: int64) -> float64 {
bb0:
    v2 = const 0.0 : float64
    v4 = const 0 : int64
    v5 = const 1 : int64
    jump bb1
bb1:
    v8 = range_len v4, v1, v5 : int64
    v9 = const 0 : int64
    jump bb3
bb3:
    v10 = phi [v9, bb1], [v28, bb6] : int64
    v12 = phi [v4, bb1], [v29, bb6] : int64
    v13 = phi [v2, bb1], [v25, bb6] : float64
    v11 = ult v10, v8 : bool
    br v11, bb4, bb5
bb4:
    v15 = const 2 : int64
    v16 = mul v15, v12 : int64
    v17 = dim v0, 0 : int64
    v18 = index v16, v17, axis 0 : int64
    v19 = load v0[v18] : float64
    v20 = const -1 : int64
    v21 = dim v0, 0 : int64
    v22 = index v20, v21, axis 0 : int64
    v23 = load v0[v22] : float64
    v24 = add v19, v23 : float64
    v25 = add v13, v24 : float64
    jump bb6
bb5:
    jump bb7
bb6:
    v27 = const 1 : int64
    v28 = add v10, v27 : int64
    v29 = add v12, v5 : int64
    jump bb3
bb7:
    ret v13
}
"#,
        expect![[r#"
            fn f0 doubled(v0: float64[:], v1: int64) -> float64 {
            bb0:
                v2 = const 0.0 : float64
                v4 = const 0 : int64
                v5 = const 1 : int64
                jump bb1
            bb1:
                v8 = range_len v4, v1, v5 : int64
                v9 = const 0 : int64
                jump bb3
            bb3:
                v10 = phi [v9, bb1], [v28, bb6] : int64
                v12 = phi [v4, bb1], [v29, bb6] : int64
                v13 = phi [v2, bb1], [v25, bb6] : float64
                v11 = ult v10, v8 : bool
                br v11, bb4, bb5
            bb4:
                v15 = const 2 : int64
                v16 = mul v15, v12 : int64
                v17 = dim v0, 0 : int64
                v18 = index v16, v17, axis 0 : int64
                v19 = load v0[v18] : float64
                v20 = const -1 : int64
                v21 = dim v0, 0 : int64
                v22 = index v20, v21, axis 0 : int64
                v23 = load v0[v22] : float64
                v24 = add v19, v23 : float64
                v25 = add v13, v24 : float64
                jump bb6
            bb5:
                jump bb7
            bb6:
                v27 = const 1 : int64
                v28 = add v10, v27 : int64
                v29 = add v12, v5 : int64
                jump bb3
            bb7:
                ret v13
            }
        "#]],
    );
}

#[test]
fn a_check_repeated_on_the_same_extent_goes() {
    // `a[i] += 1.0`: the store's check repeats the load's, which dominates
    // it; the first stays, whatever the loops.
    check(
        r#"
fn f0 bump(v0: float64[:], v1: int64) -> none {
bb0:
    v2 = dim v0, 0 : int64
    v3 = index v1, v2, axis 0 : int64
    v4 = load v0[v3] : float64
    v5 = const 1.0 : float64
    v6 = add v4, v5 : float64
    v7 = dim v0, 0 : int64
    v8 = index v1, v7, axis 0 : int64
    store v0[v8], v6
    ret
}
"#,
        expect![[r#"
            fn f0 bump(v0: float64[:], v1: int64) -> none {
            bb0:
                v2 = dim v0, 0 : int64
                v3 = index v1, v2, axis 0 : int64
                v4 = load v0[v3] : float64
                v5 = const 1.0 : float64
                v6 = add v4, v5 : float64
                store v0[v3], v6
                ret
            }
        "#]],
    );
}

#[test]
fn an_unchecked_index_loses_its_wraparound_too() {
    // With bounds checks off, `a[i]` still turns a negative `i` into
    // `i + len(a)`; proven not negative, `i` is the position.
    check(
        &OVER_LEN.replace("index v12", "index.unchecked v12"),
        expect![[r#"
            fn f0 over_len(v0: float64[:]) -> float64 {
            bb0:
                v1 = const 0.0 : float64
                v3 = const 0 : int64
                v4 = dim v0, 0 : int64
                v5 = const 1 : int64
                jump bb1
            bb1:
                v8 = range_len v3, v4, v5 : int64
                v9 = const 0 : int64
                jump bb3
            bb3:
                v10 = phi [v9, bb1], [v21, bb6] : int64
                v12 = phi [v3, bb1], [v22, bb6] : int64
                v13 = phi [v1, bb1], [v18, bb6] : float64
                v11 = ult v10, v8 : bool
                br v11, bb4, bb5
            bb4:
                v17 = load v0[v12] : float64
                v18 = add v13, v17 : float64
                jump bb6
            bb5:
                jump bb7
            bb6:
                v20 = const 1 : int64
                v21 = add v10, v20 : int64
                v22 = add.nowrap v12, v5 : int64
                jump bb3
            bb7:
                ret v13
            }
        "#]],
    );
}

#[test]
fn a_block_nothing_reaches_is_gone_before_a_loop_is_copied() {
    // `bb8` is unreachable (a folded branch's arm, before DCE) and feeds the
    // phi after the loop: it goes first, or the copy would inherit a phi
    // entry from a block that is not its predecessor.
    check(
        r#"
fn f0 sum_to(v0: float64[:], v1: int64) -> float64 {
bb0:
    v2 = const 0.0 : float64
    v3 = const 0 : int64
    v4 = const 1 : int64
    jump bb1
bb1:
    v5 = range_len v3, v1, v4 : int64
    jump bb3
bb3:
    v6 = phi [v3, bb1], [v12, bb6] : int64
    v7 = phi [v3, bb1], [v13, bb6] : int64
    v8 = phi [v2, bb1], [v11, bb6] : float64
    v9 = ult v6, v5 : bool
    br v9, bb4, bb5
bb4:
    v10 = dim v0, 0 : int64
    v14 = index v7, v10, axis 0 : int64
    v15 = load v0[v14] : float64
    v11 = add v8, v15 : float64
    jump bb6
bb5:
    jump bb7
bb6:
    v12 = add v6, v4 : int64
    v13 = add v7, v4 : int64
    jump bb3
bb7:
    v16 = phi [v8, bb5], [v17, bb8] : float64
    ret v16
bb8:
    v17 = const 1.0 : float64
    jump bb7
}
"#,
        expect![[r#"
            fn f0 sum_to(v0: float64[:], v1: int64) -> float64 {
            bb0:
                v2 = const 0.0 : float64
                v3 = const 0 : int64
                v4 = const 1 : int64
                jump bb1
            bb1:
                v5 = range_len v3, v1, v4 : int64
                v18 = dim v0, 0 : int64
                v19 = le v1, v18 : bool
                br v19, bb8, bb3
            bb2:
                v26 = load v0[v21] : float64
                v27 = add v22, v26 : float64
                jump bb9
            bb3:
                v6 = phi [v3, bb1], [v12, bb6] : int64
                v7 = phi [v3, bb1], [v13, bb6] : int64
                v8 = phi [v2, bb1], [v11, bb6] : float64
                v9 = ult v6, v5 : bool
                br v9, bb4, bb5
            bb4:
                v10 = dim v0, 0 : int64
                v14 = index v7, v10, axis 0 : int64
                v15 = load v0[v14] : float64
                v11 = add v8, v15 : float64
                jump bb6
            bb5:
                v30 = phi [v8, bb3], [v22, bb8] : float64
                jump bb7
            bb6:
                v12 = add v6, v4 : int64
                v13 = add v7, v4 : int64
                jump bb3
            bb7:
                v16 = phi [v30, bb5] : float64
                ret v16
            bb8:
                v20 = phi [v3, bb1], [v28, bb9] : int64
                v21 = phi [v3, bb1], [v29, bb9] : int64
                v22 = phi [v2, bb1], [v27, bb9] : float64
                v23 = ult v20, v5 : bool
                br v23, bb2, bb5
            bb9:
                v28 = add v20, v4 : int64
                v29 = add.nowrap v21, v4 : int64
                jump bb8
            }
        "#]],
    );
}

/// `for i in range(rows): (for j in range(cols): t += m[i, j]); sums[i] =
/// t`.
const NESTED_ROWS: &str = r#"
fn f0 nested_rows(v0: float64[:, :], v1: float64[:], v2: int64, v3: int64) -> float64 {
bb0:
    v4 = const 0.0 : float64
    v6 = const 0 : int64
    v7 = const 1 : int64
    jump bb1
bb1:
    v10 = range_len v6, v2, v7 : int64
    v11 = const 0 : int64
    jump bb3
bb3:
    v12 = phi [v11, bb1], [v46, bb6] : int64
    v14 = phi [v6, bb1], [v48, bb6] : int64
    v38 = phi [v4, bb1], [v25, bb6] : float64
    v13 = ult v12, v10 : bool
    br v13, bb4, bb5
bb4:
    v15 = const 0 : int64
    v17 = const 1 : int64
    jump bb8
bb5:
    jump bb7
bb6:
    v45 = const 1 : int64
    v46 = add v12, v45 : int64
    v48 = add v14, v7 : int64
    jump bb3
bb7:
    ret v38
bb8:
    v20 = range_len v15, v3, v17 : int64
    v21 = const 0 : int64
    jump bb10
bb10:
    v22 = phi [v21, bb8], [v36, bb13] : int64
    v24 = phi [v15, bb8], [v37, bb13] : int64
    v25 = phi [v38, bb8], [v33, bb13] : float64
    v23 = ult v22, v20 : bool
    br v23, bb11, bb12
bb11:
    v28 = dim v0, 0 : int64
    v29 = index v14, v28, axis 0 : int64
    v30 = dim v0, 1 : int64
    v31 = index v24, v30, axis 1 : int64
    v32 = load v0[v29, v31] : float64
    v33 = add v25, v32 : float64
    jump bb13
bb12:
    jump bb14
bb13:
    v35 = const 1 : int64
    v36 = add v22, v35 : int64
    v37 = add v24, v17 : int64
    jump bb10
bb14:
    v42 = dim v1, 0 : int64
    v43 = index v14, v42, axis 0 : int64
    store v1[v43], v25
    jump bb6
}
"#;

/// The `index` instructions of `func`.
fn checks(func: &pyjit_ir::Function) -> usize {
    func.blocks()
        .into_iter()
        .flat_map(|b| func.insts(b).to_vec())
        .filter(|&i| matches!(func.inst(i).kind, pyjit_ir::InstKind::Index { .. }))
        .count()
}

#[test]
fn a_loop_nest_is_versioned_once_at_its_outermost_loop() {
    // Every guard reads values defined before the outer loop (`rows`,
    // `cols` and the arrays' extents): the outer loop's preheader evaluates
    // them all once, and its copy holds one inner loop, with no check.
    // The original nest keeps its three checks (`m[i, j]`'s two and
    // `sums[i]`'s) and is not copied again.
    let mut func = parse_function(NESTED_ROWS).unwrap_or_else(|e| panic!("{e}"));
    check_elimination::run(&mut func).expect("check elimination does not fail");
    if let Err(e) = verify(&func, Phase::Typed) {
        panic!("broken after check elimination:\n{e}\n{func}");
    }
    let loops = pyjit_passes::loops::find_loops(&func);
    assert_eq!(loops.len(), 4, "{func}");
    // (Versioning the inner loop on its own too would make six loops.)
    assert_eq!(checks(&func), 3, "{func}");
}

#[test]
fn a_range_counting_down_from_a_parameter_is_versioned() {
    // `for i in range(n - 1, -1, -1): s += a[i]`: `i` ends at 0, and starts
    // at `n - 1`, which must be below `len(a)`.
    check(
        r#"
fn f0 down_from(v0: float64[:], v1: int64) -> float64 {
bb0:
    v2 = const 0.0 : float64
    v4 = const 1 : int64
    v5 = sub v1, v4 : int64
    v6 = const -1 : int64
    v7 = const -1 : int64
    jump bb1
bb1:
    v10 = range_len v5, v6, v7 : int64
    v11 = const 0 : int64
    jump bb3
bb3:
    v12 = phi [v11, bb1], [v23, bb6] : int64
    v14 = phi [v5, bb1], [v24, bb6] : int64
    v15 = phi [v2, bb1], [v20, bb6] : float64
    v13 = ult v12, v10 : bool
    br v13, bb4, bb5
bb4:
    v17 = dim v0, 0 : int64
    v18 = index v14, v17, axis 0 : int64
    v19 = load v0[v18] : float64
    v20 = add v15, v19 : float64
    jump bb6
bb5:
    jump bb7
bb6:
    v22 = const 1 : int64
    v23 = add v12, v22 : int64
    v24 = add v14, v7 : int64
    jump bb3
bb7:
    ret v15
}
"#,
        expect![[r#"
            fn f0 down_from(v0: float64[:], v1: int64) -> float64 {
            bb0:
                v2 = const 0.0 : float64
                v4 = const 1 : int64
                v5 = sub v1, v4 : int64
                v6 = const -1 : int64
                v7 = const -1 : int64
                jump bb1
            bb1:
                v10 = range_len v5, v6, v7 : int64
                v11 = const 0 : int64
                v25 = dim v0, 0 : int64
                v26 = lt v5, v25 : bool
                br v26, bb2, bb3
            bb2:
                v27 = phi [v11, bb1], [v36, bb9] : int64
                v28 = phi [v5, bb1], [v37, bb9] : int64
                v29 = phi [v2, bb1], [v34, bb9] : float64
                v30 = ult v27, v10 : bool
                br v30, bb8, bb5
            bb3:
                v12 = phi [v11, bb1], [v23, bb6] : int64
                v14 = phi [v5, bb1], [v24, bb6] : int64
                v15 = phi [v2, bb1], [v20, bb6] : float64
                v13 = ult v12, v10 : bool
                br v13, bb4, bb5
            bb4:
                v17 = dim v0, 0 : int64
                v18 = index v14, v17, axis 0 : int64
                v19 = load v0[v18] : float64
                v20 = add v15, v19 : float64
                jump bb6
            bb5:
                v38 = phi [v29, bb2], [v15, bb3] : float64
                jump bb7
            bb6:
                v22 = const 1 : int64
                v23 = add v12, v22 : int64
                v24 = add v14, v7 : int64
                jump bb3
            bb7:
                ret v38
            bb8:
                v33 = load v0[v28] : float64
                v34 = add v29, v33 : float64
                jump bb9
            bb9:
                v35 = const 1 : int64
                v36 = add v27, v35 : int64
                v37 = add.nowrap v28, v7 : int64
                jump bb2
            }
        "#]],
    );
}

#[test]
fn a_loop_entered_from_two_blocks_gets_a_preheader() {
    // `s = 1.0 if flag else 2.0; for i in range(n): s += a[i]`, with the
    // branch's two arms jumping straight to the header: the versioning
    // guard needs one block to run in, so the two arms meet in a new
    // preheader, which takes the header's phi over them.
    check(
        r#"
fn f0 two_ways(v0: float64[:], v1: int64, v2: bool) -> float64 {
bb0:
    v3 = const 1.0 : float64
    v4 = const 2.0 : float64
    v5 = const 0 : int64
    v6 = const 1 : int64
    v7 = range_len v5, v1, v6 : int64
    br v2, bb1, bb2
bb1:
    jump bb3
bb2:
    jump bb3
bb3:
    v8 = phi [v5, bb1], [v5, bb2], [v16, bb4] : int64
    v9 = phi [v5, bb1], [v5, bb2], [v17, bb4] : int64
    v10 = phi [v3, bb1], [v4, bb2], [v15, bb4] : float64
    v11 = ult v8, v7 : bool
    br v11, bb4, bb5
bb4:
    v12 = dim v0, 0 : int64
    v13 = index v9, v12, axis 0 : int64
    v14 = load v0[v13] : float64
    v15 = add v10, v14 : float64
    v16 = add v8, v6 : int64
    v17 = add v9, v6 : int64
    jump bb3
bb5:
    ret v10
}
"#,
        expect![[r#"
            fn f0 two_ways(v0: float64[:], v1: int64, v2: bool) -> float64 {
            bb0:
                v3 = const 1.0 : float64
                v4 = const 2.0 : float64
                v5 = const 0 : int64
                v6 = const 1 : int64
                v7 = range_len v5, v1, v6 : int64
                br v2, bb1, bb2
            bb1:
                jump bb6
            bb2:
                jump bb6
            bb3:
                v8 = phi [v16, bb4], [v5, bb6] : int64
                v9 = phi [v17, bb4], [v5, bb6] : int64
                v10 = phi [v15, bb4], [v18, bb6] : float64
                v11 = ult v8, v7 : bool
                br v11, bb4, bb5
            bb4:
                v12 = dim v0, 0 : int64
                v13 = index v9, v12, axis 0 : int64
                v14 = load v0[v13] : float64
                v15 = add v10, v14 : float64
                v16 = add v8, v6 : int64
                v17 = add v9, v6 : int64
                jump bb3
            bb5:
                v31 = phi [v10, bb3], [v23, bb7] : float64
                ret v31
            bb6:
                v18 = phi [v3, bb1], [v4, bb2] : float64
                v19 = dim v0, 0 : int64
                v20 = le v1, v19 : bool
                br v20, bb7, bb3
            bb7:
                v21 = phi [v29, bb8], [v5, bb6] : int64
                v22 = phi [v30, bb8], [v5, bb6] : int64
                v23 = phi [v28, bb8], [v18, bb6] : float64
                v24 = ult v21, v7 : bool
                br v24, bb8, bb5
            bb8:
                v27 = load v0[v22] : float64
                v28 = add v23, v27 : float64
                v29 = add v21, v6 : int64
                v30 = add.nowrap v22, v6 : int64
                jump bb7
            }
        "#]],
    );
}

#[test]
fn a_while_loop_variable_is_versioned_on_its_start_step_and_bound() {
    // `j = start; while j < n: flags[j] = False; j += step`: in the body
    // `j < n`, and `j >= start` if the step is not negative and does not
    // wrap, so the copy runs when start >= 0, 0 <= step <= 2**61 and
    // n <= len(flags). Its step is `add.nowrap`.
    check(
        r#"
fn f0 strided_clear(v0: bool[:], v1: int64, v2: int64, v3: int64) -> int64 {
bb0:
    jump bb1
bb1:
    v4 = phi [v1, bb0], [v12, bb2] : int64
    v6 = lt v4, v3 : bool
    br v6, bb2, bb3
bb2:
    v7 = const false : bool
    v9 = dim v0, 0 : int64
    v10 = index v4, v9, axis 0 : int64
    store v0[v10], v7
    v12 = add v4, v2 : int64
    jump bb1
bb3:
    jump bb4
bb4:
    ret v4
}
"#,
        expect![[r#"
            fn f0 strided_clear(v0: bool[:], v1: int64, v2: int64, v3: int64) -> int64 {
            bb0:
                v13 = const 0 : int64
                v14 = ge v2, v13 : bool
                v15 = const 2305843009213693952 : int64
                v16 = le v2, v15 : bool
                v17 = and v14, v16 : bool
                v18 = const 0 : int64
                v19 = ge v1, v18 : bool
                v20 = and v17, v19 : bool
                v21 = dim v0, 0 : int64
                v22 = le v3, v21 : bool
                v23 = and v20, v22 : bool
                br v23, bb5, bb1
            bb1:
                v4 = phi [v1, bb0], [v12, bb2] : int64
                v6 = lt v4, v3 : bool
                br v6, bb2, bb3
            bb2:
                v7 = const false : bool
                v9 = dim v0, 0 : int64
                v10 = index v4, v9, axis 0 : int64
                store v0[v10], v7
                v12 = add v4, v2 : int64
                jump bb1
            bb3:
                v30 = phi [v4, bb1], [v24, bb5] : int64
                jump bb4
            bb4:
                ret v30
            bb5:
                v24 = phi [v1, bb0], [v29, bb6] : int64
                v25 = lt v24, v3 : bool
                br v25, bb6, bb3
            bb6:
                v26 = const false : bool
                store v0[v24], v26
                v29 = add.nowrap v24, v2 : int64
                jump bb5
            }
        "#]],
    );
}

#[test]
fn a_divisor_a_range_keeps_above_zero_needs_no_guard() {
    // def harmonic(n):
    //     s = 0.0
    //     for i in range(1, n):
    //         s += 1.0 / i
    //     return s
    //
    // `i` is at least 1 whatever `n` is: the division loses its check
    // (`div.np`) and nothing is copied.
    check(
        r#"
fn f0 harmonic(v0: int64) -> float64 {
bb0:
    v1 = const 0.0 : float64
    v2 = const 1 : int64
    v3 = const 1 : int64
    jump bb1
bb1:
    v6 = range_len v2, v0, v3 : int64
    v7 = const 0 : int64
    jump bb3
bb3:
    v8 = phi [v7, bb1], [v17, bb6] : int64
    v10 = phi [v2, bb1], [v18, bb6] : int64
    v11 = phi [v1, bb1], [v15, bb6] : float64
    v9 = ult v8, v6 : bool
    br v9, bb4, bb5
bb4:
    v12 = const 1.0 : float64
    v13 = convert v10 : float64
    v14 = div v12, v13 : float64
    v15 = add v11, v14 : float64
    jump bb6
bb5:
    jump bb7
bb6:
    v16 = const 1 : int64
    v17 = add v8, v16 : int64
    v18 = add v10, v3 : int64
    jump bb3
bb7:
    ret v11
}
"#,
        expect![[r#"
            fn f0 harmonic(v0: int64) -> float64 {
            bb0:
                v1 = const 0.0 : float64
                v2 = const 1 : int64
                v3 = const 1 : int64
                jump bb1
            bb1:
                v6 = range_len v2, v0, v3 : int64
                v7 = const 0 : int64
                jump bb3
            bb3:
                v8 = phi [v7, bb1], [v17, bb6] : int64
                v10 = phi [v2, bb1], [v18, bb6] : int64
                v11 = phi [v1, bb1], [v15, bb6] : float64
                v9 = ult v8, v6 : bool
                br v9, bb4, bb5
            bb4:
                v12 = const 1.0 : float64
                v13 = convert v10 : float64
                v14 = div.np v12, v13 : float64
                v15 = add v11, v14 : float64
                jump bb6
            bb5:
                jump bb7
            bb6:
                v16 = const 1 : int64
                v17 = add v8, v16 : int64
                v18 = add v10, v3 : int64
                jump bb3
            bb7:
                ret v11
            }
        "#]],
    );
}

#[test]
fn a_divisor_that_may_be_zero_keeps_its_check() {
    // def shifted(n):
    //     s = 0.0
    //     for i in range(n):
    //         s += 1.0 / (i - 3)
    //     return s
    //
    // `i - 3` is zero when `i` is 3: nothing changes.
    check(
        r#"
fn f0 shifted(v0: int64) -> float64 {
bb0:
    v1 = const 0.0 : float64
    v2 = const 0 : int64
    v3 = const 1 : int64
    jump bb1
bb1:
    v6 = range_len v2, v0, v3 : int64
    v7 = const 0 : int64
    jump bb3
bb3:
    v8 = phi [v7, bb1], [v19, bb6] : int64
    v10 = phi [v2, bb1], [v20, bb6] : int64
    v11 = phi [v1, bb1], [v17, bb6] : float64
    v9 = ult v8, v6 : bool
    br v9, bb4, bb5
bb4:
    v12 = const 1.0 : float64
    v13 = const 3 : int64
    v14 = sub v10, v13 : int64
    v15 = convert v14 : float64
    v16 = div v12, v15 : float64
    v17 = add v11, v16 : float64
    jump bb6
bb5:
    jump bb7
bb6:
    v18 = const 1 : int64
    v19 = add v8, v18 : int64
    v20 = add v10, v3 : int64
    jump bb3
bb7:
    ret v11
}
"#,
        expect![[r#"
            fn f0 shifted(v0: int64) -> float64 {
            bb0:
                v1 = const 0.0 : float64
                v2 = const 0 : int64
                v3 = const 1 : int64
                jump bb1
            bb1:
                v6 = range_len v2, v0, v3 : int64
                v7 = const 0 : int64
                jump bb3
            bb3:
                v8 = phi [v7, bb1], [v19, bb6] : int64
                v10 = phi [v2, bb1], [v20, bb6] : int64
                v11 = phi [v1, bb1], [v17, bb6] : float64
                v9 = ult v8, v6 : bool
                br v9, bb4, bb5
            bb4:
                v12 = const 1.0 : float64
                v13 = const 3 : int64
                v14 = sub v10, v13 : int64
                v15 = convert v14 : float64
                v16 = div v12, v15 : float64
                v17 = add v11, v16 : float64
                jump bb6
            bb5:
                jump bb7
            bb6:
                v18 = const 1 : int64
                v19 = add v8, v18 : int64
                v20 = add v10, v3 : int64
                jump bb3
            bb7:
                ret v11
            }
        "#]],
    );
}

#[test]
fn a_divisor_that_could_wrap_is_versioned_on_a_cap() {
    // def remainders(n, a):
    //     t = 0
    //     for i in range(1, n):
    //         t += a % (i * i)
    //     return t
    //
    // `i * i` is at least 1 unless it wraps: under `n <= 2**31` it cannot,
    // and the copy's `%` has no check (`mod.np`). Only `n`'s upper end
    // matters (`i` counts up from 1), so only it is guarded.
    check(
        r#"
fn f0 remainders(v0: int64, v1: int64) -> int64 {
bb0:
    v2 = const 0 : int64
    v3 = const 1 : int64
    v4 = const 1 : int64
    jump bb1
bb1:
    v7 = range_len v3, v0, v4 : int64
    v8 = const 0 : int64
    jump bb3
bb3:
    v9 = phi [v8, bb1], [v18, bb6] : int64
    v11 = phi [v3, bb1], [v19, bb6] : int64
    v12 = phi [v2, bb1], [v16, bb6] : int64
    v10 = ult v9, v7 : bool
    br v10, bb4, bb5
bb4:
    v14 = mul v11, v11 : int64
    v15 = mod v1, v14 : int64
    v16 = add v12, v15 : int64
    jump bb6
bb5:
    jump bb7
bb6:
    v17 = const 1 : int64
    v18 = add v9, v17 : int64
    v19 = add v11, v4 : int64
    jump bb3
bb7:
    ret v12
}
"#,
        expect![[r#"
            fn f0 remainders(v0: int64, v1: int64) -> int64 {
            bb0:
                v2 = const 0 : int64
                v3 = const 1 : int64
                v4 = const 1 : int64
                jump bb1
            bb1:
                v7 = range_len v3, v0, v4 : int64
                v8 = const 0 : int64
                v20 = const 2147483648 : int64
                v21 = le v0, v20 : bool
                br v21, bb2, bb3
            bb2:
                v22 = phi [v8, bb1], [v30, bb9] : int64
                v23 = phi [v3, bb1], [v31, bb9] : int64
                v24 = phi [v2, bb1], [v28, bb9] : int64
                v25 = ult v22, v7 : bool
                br v25, bb8, bb5
            bb3:
                v9 = phi [v8, bb1], [v18, bb6] : int64
                v11 = phi [v3, bb1], [v19, bb6] : int64
                v12 = phi [v2, bb1], [v16, bb6] : int64
                v10 = ult v9, v7 : bool
                br v10, bb4, bb5
            bb4:
                v14 = mul v11, v11 : int64
                v15 = mod v1, v14 : int64
                v16 = add v12, v15 : int64
                jump bb6
            bb5:
                v32 = phi [v24, bb2], [v12, bb3] : int64
                jump bb7
            bb6:
                v17 = const 1 : int64
                v18 = add v9, v17 : int64
                v19 = add v11, v4 : int64
                jump bb3
            bb7:
                ret v32
            bb8:
                v26 = mul v23, v23 : int64
                v27 = mod.np v1, v26 : int64
                v28 = add v24, v27 : int64
                jump bb9
            bb9:
                v29 = const 1 : int64
                v30 = add v22, v29 : int64
                v31 = add v23, v4 : int64
                jump bb2
            }
        "#]],
    );
}

#[test]
fn a_range_of_constants_has_a_constant_interval() {
    // def odd_steps_down(a):
    //     s = 0.0
    //     for k in range(5, 0, -2):
    //         s += 1.0 / k + a[k]
    //     return s
    //
    // Constant folding computed the range's length (3): `k` is 5, 3 or 1.
    // The division needs no guard (`div.np` in both loops); `a[k]` holds
    // when `5 < len(a)`, the guard of the copy.
    check(
        r#"
fn f0 odd_steps_down(v0: float64[:]) -> float64 {
bb0:
    v1 = const 0.0 : float64
    v3 = const 5 : int64
    v5 = const -2 : int64
    jump bb1
bb1:
    v8 = const 3 : int64
    v9 = const 0 : int64
    jump bb3
bb3:
    v10 = phi [v9, bb1], [v25, bb6] : int64
    v12 = phi [v3, bb1], [v26, bb6] : int64
    v13 = phi [v1, bb1], [v22, bb6] : float64
    v11 = ult v10, v8 : bool
    br v11, bb4, bb5
bb4:
    v14 = const 1.0 : float64
    v15 = convert v12 : float64
    v16 = div v14, v15 : float64
    v18 = dim v0, 0 : int64
    v19 = index v12, v18, axis 0 : int64
    v20 = load v0[v19] : float64
    v21 = add v16, v20 : float64
    v22 = add v13, v21 : float64
    jump bb6
bb5:
    jump bb7
bb6:
    v24 = const 1 : int64
    v25 = add v10, v24 : int64
    v26 = add v12, v5 : int64
    jump bb3
bb7:
    ret v13
}
"#,
        expect![[r#"
            fn f0 odd_steps_down(v0: float64[:]) -> float64 {
            bb0:
                v1 = const 0.0 : float64
                v3 = const 5 : int64
                v5 = const -2 : int64
                jump bb1
            bb1:
                v8 = const 3 : int64
                v9 = const 0 : int64
                v27 = const 5 : int64
                v28 = dim v0, 0 : int64
                v29 = lt v27, v28 : bool
                br v29, bb2, bb3
            bb2:
                v30 = phi [v9, bb1], [v43, bb9] : int64
                v31 = phi [v3, bb1], [v44, bb9] : int64
                v32 = phi [v1, bb1], [v41, bb9] : float64
                v33 = ult v30, v8 : bool
                br v33, bb8, bb5
            bb3:
                v10 = phi [v9, bb1], [v25, bb6] : int64
                v12 = phi [v3, bb1], [v26, bb6] : int64
                v13 = phi [v1, bb1], [v22, bb6] : float64
                v11 = ult v10, v8 : bool
                br v11, bb4, bb5
            bb4:
                v14 = const 1.0 : float64
                v15 = convert v12 : float64
                v16 = div.np v14, v15 : float64
                v18 = dim v0, 0 : int64
                v19 = index v12, v18, axis 0 : int64
                v20 = load v0[v19] : float64
                v21 = add v16, v20 : float64
                v22 = add v13, v21 : float64
                jump bb6
            bb5:
                v45 = phi [v32, bb2], [v13, bb3] : float64
                jump bb7
            bb6:
                v24 = const 1 : int64
                v25 = add v10, v24 : int64
                v26 = add v12, v5 : int64
                jump bb3
            bb7:
                ret v45
            bb8:
                v34 = const 1.0 : float64
                v35 = convert v31 : float64
                v36 = div.np v34, v35 : float64
                v39 = load v0[v31] : float64
                v40 = add v36, v39 : float64
                v41 = add v32, v40 : float64
                jump bb9
            bb9:
                v42 = const 1 : int64
                v43 = add v30, v42 : int64
                v44 = add.nowrap v31, v5 : int64
                jump bb2
            }
        "#]],
    );
}
