//! The type rules of LANGUAGE.md, one small program each, through one
//! `check(args, source, expect)` helper: the typed entry function (every
//! type and conversion visible), or the diagnostic's message.
//!
//! Expectations follow CPython and NumPy 2: `7 // -2` floors, `1 / 2` is a
//! float, `True + True` is an `int`, `x32 * 2.0` stays `float32` (NEP 50),
//! `math.floor` returns an `int`. Update with `UPDATE_EXPECT=1`, then review.

mod common;

use expect_test::{Expect, expect};
use pyjit_frontend::{Module, Signature, SignatureSource, check_entry};

/// Check `f` in `source` for the comma-separated argument types `args`.
fn check(args: &str, source: &str, expect: Expect) {
    let module = Module::from_text("t.py", source).expect("the module lexes");
    let types: Vec<_> = if args.trim().is_empty() {
        Vec::new()
    } else {
        common::split_types(args)
            .iter()
            .map(|t| Signature::parse_type(t).expect("argument types parse"))
            .collect()
    };
    let actual = match check_entry(&module, "f", SignatureSource::Arguments(&types)) {
        Ok(program) => program.to_string(),
        Err(diagnostic) => format!("error: {}", diagnostic.message()),
    };
    expect.assert_eq(&actual);
}

#[test]
fn int_arithmetic_stays_int_and_true_division_is_float() {
    check(
        "int64, int64",
        "def f(a, b):\n    return a // b + a % b - a * b + a / b\n",
        expect![[r#"
            def f#0(a: int64, b: int64) -> float64:
                return (float64((((a // b):int64 + (a % b):int64):int64 - (a * b):int64):int64) + (a / b):float64):float64
        "#]],
    );
}

#[test]
fn bools_are_ints_in_arithmetic_and_bools_in_bitwise_operators() {
    check(
        "bool, bool",
        "def f(p, q):\n    x = p + q\n    y = p & q\n    z = p ^ True\n    return x\n",
        expect![[r#"
            def f#0(p: bool, q: bool) -> int64:
                # locals: x: int64, y: bool, z: bool
                x = (int64(p) + int64(q)):int64
                y = (p & q):bool
                z = (p ^ True):bool
                return x
        "#]],
    );
}

#[test]
fn weak_literals_take_the_type_of_the_other_operand() {
    // NEP 50: float32 * 2.0 stays float32; int32 + 1 stays int32; int32 *
    // 0.5 is float64 (a float literal with an integer); float32 * 3 stays
    // float32.
    check(
        "float32, int32",
        "def f(x, i):\n    a = x * 2.0\n    b = i + 1\n    c = i * 0.5\n    d = x * 3\n    return a\n",
        expect![[r#"
            def f#0(x: float32, i: int32) -> float32:
                # locals: a: float32, b: int32, c: float64, d: float32
                a = (x * 2.0:float32):float32
                b = (i + 1:int32):int32
                c = (float64(i) * 0.5:float64):float64
                d = (x * 3.0:float32):float32
                return a
        "#]],
    );
}

#[test]
fn sized_types_promote_as_numpy() {
    check(
        "int32, int64, float32, float64",
        "def f(i, n, x, y):\n    a = i + n\n    b = x + y\n    c = i + x\n    d = n * x\n    return a\n",
        expect![[r#"
            def f#0(i: int32, n: int64, x: float32, y: float64) -> int32:
                # locals: a: int32, b: float32, c: float64, d: float32
                a = (i + int32(n)):int32
                b = (x + float32(y)):float32
                c = (float64(i) + float64(x)):float64
                d = (float32(float64(n)) * x):float32
                return a
        "#]],
    );
}

#[test]
fn an_int32_literal_out_of_range_is_an_error() {
    check(
        "int32",
        "def f(i):\n    return i + 3000000000\n",
        expect!["error: the integer `3000000000` does not fit in `int32`"],
    );
}

#[test]
fn powers_take_their_type_from_the_exponent_sign() {
    check(
        "int64, float64",
        "def f(n, x):\n    a = n ** 2\n    b = n ** -1\n    c = x ** n\n    s = 0\n    for k in range(5):\n        s += n ** k\n    return a\n",
        expect![[r#"
            def f#0(n: int64, x: float64) -> int64:
                # locals: a: int64, b: float64, c: float64, s: int64, k: int64
                a = (n ** 2:int64):int64
                b = (float64(n) ** -1.0:float64):float64
                c = (x ** float64(n)):float64
                s = 0:int64
                for k in range(0:int64, 5:int64, 1:int64):
                    s = (s + (n ** k):int64):int64
                return a
        "#]],
    );
    check(
        "int64, int64",
        "def f(a, b):\n    return a ** b\n",
        expect!["error: the type of this `**` depends on the sign of the exponent"],
    );
}

#[test]
fn a_variable_has_the_join_of_its_assignments() {
    // LANGUAGE.md deviation 2: `x = 0` then `x += 0.5` makes x a float.
    check(
        "int64",
        "def f(n):\n    x = 0\n    for i in range(n):\n        x += 0.5\n    return x\n",
        expect![[r#"
            def f#0(n: int64) -> float64:
                # locals: x: float64, i: int64
                x = 0.0:float64
                for i in range(0:int64, n, 1:int64):
                    x = (x + 0.5:float64):float64
                return x
        "#]],
    );
    check(
        "float64[:]",
        "def f(a):\n    x = 1\n    x = a\n    return 0\n",
        expect!["error: variable `x` would need two types: `int` and `float64[:]`"],
    );
}

#[test]
fn ints_and_floats_compare_exactly() {
    // Python compares an int with a float exactly: the int64 operand stays
    // an int unless it is a constant that converts exactly.
    check(
        "int64, float64",
        "def f(n, x):\n    return n < x and x < 1 and n <= 0.5\n",
        expect![[r#"
            def f#0(n: int64, x: float64) -> bool:
                return (((n < x) and (x < 1.0:float64)):bool and (n <= 0.5:float64)):bool
        "#]],
    );
}

#[test]
fn chained_comparisons_evaluate_the_middle_once() {
    check(
        "int64, int64, int64",
        "def g(x):\n    return x * 2\n\ndef f(a, b, c):\n    return a < g(b) <= c\n",
        expect![[r#"
            def f#0(a: int64, b: int64, c: int64) -> bool:
                # locals: $t0: int64
                return ((a < ($t0 := g#1(b):int64)) and ($t0 <= c)):bool

            def g#1(x: int64) -> int64:
                return (x * 2:int64):int64
        "#]],
    );
}

#[test]
fn and_or_and_conditional_expressions_join_their_operands() {
    check(
        "int64, float64",
        "def f(n, x):\n    a = n or x\n    b = n if x > 0 else x\n    return a + b\n",
        expect![[r#"
            def f#0(n: int64, x: float64) -> float64:
                # locals: a: float64, b: float64
                a = (float64(n) or x):float64
                b = (float64(n) if (x > 0.0:float64) else x):float64
                return (a + b):float64
        "#]],
    );
}

#[test]
fn builtins_have_their_python_result_types() {
    check(
        "float64, int64, bool, float64[:]",
        "def f(x, n, b, a):\n    r = round(x) + int(x) + int(b) + abs(b) + len(a)\n    m = min(n, 2.5) + max(a) + float(n) + float('-inf')\n    return r + m\n",
        expect![[r#"
            def f#0(x: float64, n: int64, b: bool, a: float64[:]) -> float64:
                # locals: r: int64, m: float64
                r = ((((round(x):int64 + int(x):int64):int64 + int64(b)):int64 + abs(int64(b)):int64):int64 + a.shape[0]):int64
                m = (((min(float64(n), 2.5:float64):float64 + max(a):float64):float64 + float64(n)):float64 + -inf:float64):float64
                return (float64(r) + m):float64
        "#]],
    );
}

#[test]
fn math_functions_convert_to_float_and_floor_gives_an_int() {
    check(
        "float64, int64, float32",
        "import math\nimport numpy as np\n\ndef f(x, n, y):\n    a = math.floor(x) + math.floor(n)\n    b = math.sqrt(n) + math.log(x, 2)\n    c = np.sqrt(y)\n    d = math.isnan(x)\n    return c\n",
        expect![[r#"
            def f#0(x: float64, n: int64, y: float32) -> float32:
                # locals: a: int64, b: float64, c: float32, d: bool
                a = (math.floor(x):int64 + n):int64
                b = (math.sqrt(float64(n)):float64 + math.log(x, 2.0:float64):float64):float64
                c = np.sqrt(y):float32
                d = math.isnan(x):bool
                return c
        "#]],
    );
}

#[test]
fn module_constants_are_frozen_weak_literals() {
    check(
        "float32",
        "import math\nSCALE = 2.5\nN = 2 ** 10\nTAU = 2 * math.pi\n\ndef f(x):\n    return x * SCALE + N + TAU\n",
        expect![[r#"
            def f#0(x: float32) -> float32:
                return (((x * 2.5:float32):float32 + 1024.0:float32):float32 + 6.2831854820251465:float32):float32
        "#]],
    );
}

#[test]
fn arrays_index_store_and_allocate() {
    check(
        "float32[:, :], int64",
        "import numpy as np\n\ndef f(a, n):\n    b = [0.0] * n\n    c = np.zeros((n, n), dtype=np.float32)\n    a[0][1] = b[-1] + 1\n    c[1, 0] += a.shape[-1]\n    return c\n",
        expect![[r#"
            def f#0(a: float32[:, :], n: int64) -> float32[:, :]:
                # locals: b: list[float64], c: float32[:, :]
                b = alloc[float64](n; zeros; list)
                c = alloc[float32](n, n; zeros; numpy)
                a[0:int64][1:int64] = float32((b[-1:int64] + 1.0:float64):float64)
                c[1:int64, 0:int64] = (c[1:int64, 0:int64] + float32(float64(a.shape[1]))):float32
                return c
        "#]],
    );
    check(
        "int64[:], float64",
        "def f(a, x):\n    a[0] = x\n",
        expect!["error: cannot store a `float` into an array of `int64`"],
    );
}

#[test]
fn tuple_assignment_evaluates_the_right_side_first() {
    check(
        "int64",
        "def f(n):\n    a, b = 0, 1\n    for i in range(n):\n        a, b = b, a + b\n    return a\n",
        expect![[r#"
            def f#0(n: int64) -> int64:
                # locals: a: int64, b: int64, i: int64, $t0: int64, $t1: int64
                a = 0:int64
                b = 1:int64
                for i in range(0:int64, n, 1:int64):
                    $t0 = b
                    $t1 = (a + b):int64
                    a = $t0
                    b = $t1
                return a
        "#]],
    );
}

#[test]
fn recursion_takes_its_type_from_the_base_case() {
    check(
        "int64",
        "def f(n):\n    if n == 0:\n        return 1.0\n    return n * f(n - 1)\n",
        expect![[r#"
            def f#0(n: int64) -> float64:
                if (n == 0:int64):
                    return 1.0:float64
                return (float64(n) * f#0((n - 1:int64):int64):float64):float64
        "#]],
    );
    check(
        "int64",
        "def f(n):\n    if n == 0:\n        return True\n    return g(n - 1)\n\ndef g(n):\n    if n == 0:\n        return False\n    return f(n - 1)\n",
        expect![[r#"
            def f#0(n: int64) -> bool:
                if (n == 0:int64):
                    return True
                return g#1((n - 1:int64):int64):bool

            def g#1(n: int64) -> bool:
                if (n == 0:int64):
                    return False
                return f#0((n - 1:int64):int64):bool
        "#]],
    );
    check(
        "int64",
        "def f(n):\n    return f(n - 1)\n",
        expect![
            "error: cannot infer the return type of `f`: every `return` depends on a recursive call"
        ],
    );
}

#[test]
fn callees_are_specialized_per_argument_types() {
    check(
        "int64, float64",
        "def sq(v):\n    return v * v\n\ndef f(n, x):\n    return sq(n) + sq(x) + sq(2)\n",
        expect![[r#"
            def f#0(n: int64, x: float64) -> float64:
                return ((float64(sq#1(n):int64) + sq#2(x):float64):float64 + float64(sq#1(2:int64):int64)):float64

            def sq#1(v: int64) -> int64:
                return (v * v):int64

            def sq#2(v: float64) -> float64:
                return (v * v):float64
        "#]],
    );
}

#[test]
fn reads_that_may_find_a_variable_unbound_are_checked() {
    check(
        "int64",
        "def f(n):\n    for i in range(n):\n        last = i\n    return last + i\n",
        expect![[r#"
            def f#0(n: int64) -> int64:
                # locals: i: int64 (maybe unbound), last: int64 (maybe unbound)
                for i in range(0:int64, n, 1:int64):
                    last = i
                return (last? + i?):int64
        "#]],
    );
}

#[test]
fn returns_must_agree_on_none() {
    check(
        "int64",
        "def f(n):\n    if n > 0:\n        return n\n",
        expect!["error: `f` can reach its end, which returns `None`, but also returns `int`"],
    );
    check(
        "int64",
        "def f(n):\n    while True:\n        if n > 10:\n            return n\n        n += 1\n",
        expect![[r#"
            def f#0(n: int64) -> int64:
                while True:
                    if (n > 10:int64):
                        return n
                    n = (n + 1:int64):int64
        "#]],
    );
}

#[test]
fn explicit_signatures_convert_returns() {
    let module = Module::from_text("t.py", "def f(n):\n    return n * 2\n").unwrap();
    let signature = Signature::parse("float64(int64)").unwrap();
    let program = check_entry(&module, "f", SignatureSource::Explicit(&signature)).unwrap();
    expect![[r#"
        def f#0(n: int64) -> float64:
            return float64((n * 2:int64):int64)
    "#]]
    .assert_eq(&program.to_string());
}

#[test]
fn annotations_give_the_parameter_types() {
    let source = "import numpy as np\nimport numpy.typing as npt\n\ndef f(a: npt.NDArray[np.float32], n: int, s: float) -> np.float32:\n    return a[0] * s + n\n";
    let module = Module::from_text("t.py", source).unwrap();
    let from_annotations = check_entry(&module, "f", SignatureSource::Annotations).unwrap();
    expect![[r#"
        def f#0(a: float32[:], n: int64, s: float64) -> float32:
            return ((a[0:int64] * float32(s)):float32 + float32(float64(n))):float32
    "#]]
    .assert_eq(&from_annotations.to_string());
    // Annotations win over argument types; a 2-D argument keeps its shape.
    let types = [
        Signature::parse_type("float32[:, :]").unwrap(),
        Signature::parse_type("int64").unwrap(),
        Signature::parse_type("int64").unwrap(),
    ];
    let signature =
        pyjit_frontend::resolve_signature(&module, "f", SignatureSource::Arguments(&types))
            .unwrap();
    assert_eq!(signature.to_string(), "(float32[:, :], int64, float64)");
}

#[test]
fn python_scalars_are_weak_and_numpy_scalars_strong() {
    // NEP 50, as CPython with NumPy 2 computes: `s = 0.0` is a Python float,
    // so `s += x[i]` with a float32 array keeps `s` a float32; `len(a)` is a
    // Python int; an element of a float64 array is an np.float64, which is
    // strong, so it promotes a float32 to float64.
    check(
        "float32[:], float64[:]",
        "def f(x, y):\n    s = 0.0\n    for i in range(len(x)):\n        s += x[i]\n    m = s / len(x)\n    return m + y[0]\n",
        expect![[r#"
            def f#0(x: float32[:], y: float64[:]) -> float64:
                # locals: s: float32, i: int64, m: float32
                s = 0.0:float32
                for i in range(0:int64, x.shape[0], 1:int64):
                    s = (s + x[i]):float32
                m = np(s / float32(float64(x.shape[0]))):float32
                return (float64(m) + y[0:int64]):float64
        "#]],
    );
    // `c` starts as a Python int and then holds np.int32 values: an int32;
    // `k` only ever holds Python ints: an `int`.
    check(
        "int32[:]",
        "def f(a):\n    c = 0\n    for v in a:\n        c += v\n    k = 0\n    for i in range(3):\n        k += i\n    return c + k\n",
        expect![[r#"
            def f#0(a: int32[:]) -> int32:
                # locals: c: int32, v: int32, k: int64, i: int64
                c = 0:int32
                for v in a:
                    c = (c + v):int32
                k = 0:int64
                for i in range(0:int64, 3:int64, 1:int64):
                    k = (k + i):int64
                return (c + int32(k)):int32
        "#]],
    );
}

#[test]
fn comparisons_follow_numpy_2() {
    // A Python int against an int32 compares exactly (NumPy 2 never raises
    // here); an np.float64 against a Python int converts the int, as NumPy
    // does; two Python scalars compare exactly.
    check(
        "int32, int64, float64[:], float64",
        "def f(i, n, a, x):\n    return i < n and a[0] < n and n < x\n",
        expect![[r#"
            def f#0(i: int32, n: int64, a: float64[:], x: float64) -> bool:
                return (((int64(i) < n) and (a[0:int64] < float64(n))):bool and (n < x)):bool
        "#]],
    );
}

#[test]
fn specializations_know_python_scalars_from_numpy_scalars() {
    // `mul(arr[0], y)` passes an np.float64: the product is a float64;
    // `mul(1.5, y)` passes a Python float: the product is a float32.
    check(
        "float64[:], float32",
        "def mul(a, y):\n    return a * y\n\ndef f(arr, y):\n    return mul(arr[0], y) + mul(1.5, y)\n",
        expect![[r#"
            def f#0(arr: float64[:], y: float32) -> float64:
                return (mul#1(arr[0:int64], y):float64 + float64(mul#2(1.5:float64, y):float32)):float64

            def mul#1(a: float64, y: float32) -> float64:
                return (a * float64(y)):float64

            def mul#2(a: float64, y: float32) -> float32:
                return (float32(a) * y):float32
        "#]],
    );
}
