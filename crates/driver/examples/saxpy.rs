//! Single-precision `saxpy`, compiled ahead of the call from a Numba-style
//! signature string, then called on `f32` slices without copying them.
//!
//! ```text
//! cargo run -p pyjit --example saxpy
//! ```

#![allow(clippy::print_stdout)] // an example shows its results

use std::time::Instant;

use pyjit::{Arg, Jit, Options, Value};

fn main() -> Result<(), pyjit::Error> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/saxpy.py");
    let start = Instant::now();
    let jit = Jit::new(Options::from_env())?;
    let saxpy = jit
        .load_file(path)?
        .function("saxpy")?
        .compile_signature("void(float32, float32[:], float32[:], float32[:], int64)")?;
    let ready = start.elapsed();

    let x = [0.0f32, 0.25, 0.5, 0.75, 1.0];
    let y = [1.0f32; 5];
    let mut out = [0.0f32; 5];
    let result = saxpy.call(&[
        Arg::Float32(2.0),
        Arg::array(&x),
        Arg::array(&y),
        Arg::array_mut(&mut out),
        Arg::Int(5),
    ])?;
    assert_eq!(result, Value::None);
    println!("{out:?}");
    let t = saxpy.timings();
    println!(
        "ready in {:.2} ms from a new Jit, compiled by {} (check {:.2}, codegen {:.2}, C {:.2}, load {:.2}, cache {:?})",
        ready.as_secs_f64() * 1e3,
        saxpy.compiler(),
        t.check.as_secs_f64() * 1e3,
        t.codegen.as_secs_f64() * 1e3,
        t.c_compile.as_secs_f64() * 1e3,
        t.load.as_secs_f64() * 1e3,
        saxpy.origin(),
    );
    Ok(())
}
