//! The seed's examples, through the Rust API as a user of the crate calls
//! them: `simple_add`, `add_mul` and `complex_compute` from
//! `examples/basics.py`, `vector_add` and `saxpy` on `float32` arrays.
//! Expected values are CPython's (`python3 examples/basics.py` and the
//! comments below).

use std::path::PathBuf;

use pyjit::{Arg, Jit, Module, Options, Value};

fn example(name: &str) -> Module {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../examples")
        .join(name);
    Jit::new(Options::default())
        .expect("a temporary cache")
        .load_file(path)
        .expect("loads")
}

#[test]
fn simple_add_specializes_per_argument_types() {
    let module = example("basics.py");
    let simple_add = module.function("simple_add").expect("defined");
    assert_eq!(
        simple_add.call(&[Arg::Int(2), Arg::Int(3)]).expect("runs"),
        Value::Int(5)
    );
    assert_eq!(
        simple_add.call(&[Arg::Int(-7), Arg::Int(3)]).expect("runs"),
        Value::Int(-4)
    );
    // 2.5 + 3 == 5.5 in CPython: a second specialization, (float64, int64).
    assert_eq!(
        simple_add
            .call(&[Arg::Float(2.5), Arg::Int(3)])
            .expect("runs"),
        Value::Float(5.5)
    );
}

#[test]
fn add_mul_with_a_signature_and_without() {
    let module = example("basics.py");
    let add_mul = module.function("add_mul").expect("defined");
    assert_eq!(
        add_mul
            .call(&[Arg::Int(2), Arg::Int(3), Arg::Int(4)])
            .expect("runs"),
        Value::Int(10)
    );
    let typed = add_mul
        .compile_signature("float64(float64, int64, int64)")
        .expect("compiles");
    // add_mul(1.5, 2, -1) == 2.0 in CPython.
    let result = typed
        .call(&[Arg::Float(1.5), Arg::Int(2), Arg::Int(-1)])
        .expect("runs");
    assert_eq!(result, Value::Float(2.0));
}

#[test]
fn complex_compute_matches_cpython_bit_for_bit() {
    let module = example("basics.py");
    let complex_compute = module.function("complex_compute").expect("defined");
    let result = complex_compute.call(&[Arg::Float(0.5), Arg::Float(0.25), Arg::Int(1000)]);
    // complex_compute(0.5, 0.25, 1000) in CPython.
    assert_eq!(result.expect("runs").repr(), "510.48000745137847");
    let empty = complex_compute.call(&[Arg::Float(1.0), Arg::Float(2.0), Arg::Int(0)]);
    assert_eq!(empty.expect("runs"), Value::Float(0.0));
}

#[test]
fn vector_add_on_float32_arrays_writes_in_place() {
    let module = example("vector_add.py");
    let vector_add = module.function("vector_add").expect("defined");
    let n = 100_000;
    let a: Vec<f32> = (0..n).map(|i| i as f32 * 0.25).collect();
    let b: Vec<f32> = (0..n).map(|i| 1.0 / (i as f32 + 1.0)).collect();
    let mut out = vec![0.0f32; n];
    let result = vector_add.call(&[
        Arg::array(&a),
        Arg::array(&b),
        Arg::array_mut(&mut out),
        Arg::Int(n as i64),
    ]);
    assert_eq!(result.expect("runs"), Value::None);
    // float32 + float32 rounds to float32, as NumPy does (deviation 3 is
    // NumPy's behaviour, not CPython's floats).
    for i in 0..n {
        assert_eq!(out[i].to_bits(), (a[i] + b[i]).to_bits(), "element {i}");
    }
}

#[test]
fn vector_add_refuses_a_read_only_output() {
    let module = example("vector_add.py");
    let vector_add = module.function("vector_add").expect("defined");
    let a = [1.0f32, 2.0];
    let out = [0.0f32; 2];
    let error = vector_add
        .call(&[
            Arg::array(&a),
            Arg::array(&a),
            Arg::array(&out),
            Arg::Int(2),
        ])
        .expect_err("`out` is written but was lent read-only");
    assert!(matches!(error, pyjit::Error::Argument(_)), "{error}");
    assert!(error.to_string().contains("`out`"), "{error}");
}

#[test]
fn saxpy_in_float32_from_a_numba_signature() {
    let module = example("saxpy.py");
    let saxpy = module
        .function("saxpy")
        .and_then(|f| {
            f.compile_signature("void(float32, float32[:], float32[:], float32[:], int64)")
        })
        .expect("compiles");
    let x = [0.0f32, 0.25, 0.5, 0.75, 1.0];
    let y = [1.0f32; 5];
    let mut out = [0.0f32; 5];
    let args = [
        Arg::Float32(2.0),
        Arg::array(&x),
        Arg::array(&y),
        Arg::array_mut(&mut out),
        Arg::Int(5),
    ];
    assert_eq!(saxpy.call(&args).expect("runs"), Value::None);
    // `python3 examples/saxpy.py` prints [1.  1.5 2.  2.5 3. ].
    assert_eq!(out, [1.0, 1.5, 2.0, 2.5, 3.0]);
    // A float64 array where float32 is declared is refused, not converted.
    let wide = [0.0f64; 5];
    let error = saxpy
        .call(&[
            Arg::Float32(2.0),
            Arg::array(&wide),
            Arg::array(&y),
            Arg::array_mut(&mut out),
            Arg::Int(5),
        ])
        .expect_err("float64 is not float32");
    assert!(matches!(error, pyjit::Error::Argument(_)), "{error}");
}
