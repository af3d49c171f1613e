//! The seed's anchor: `vector_add` over 100,000 `float32`, compiled on the
//! first call for the types of its arguments.
//!
//! ```text
//! cargo run --release -p pyjit --example vector_add
//! ```

#![allow(clippy::print_stdout)] // an example shows its results

use std::time::Instant;

use pyjit::{Arg, Jit, Options};

fn main() -> Result<(), pyjit::Error> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/vector_add.py");
    let jit = Jit::new(Options::from_env())?;
    let module = jit.load_file(path)?;
    let vector_add = module.function("vector_add")?;

    let n = 100_000;
    let a: Vec<f32> = (0..n).map(|i| i as f32).collect();
    let b = vec![0.5f32; n];
    let mut out = vec![0.0f32; n];
    let timed_call = |out: &mut [f32]| {
        let start = Instant::now();
        let args = [
            Arg::array(&a),
            Arg::array(&b),
            Arg::array_mut(out),
            Arg::Int(n as i64),
        ];
        vector_add.call(&args).map(|_| start.elapsed())
    };
    let first = timed_call(&mut out)?;
    let second = timed_call(&mut out)?;

    println!(
        "out[..3] = {:?}, out[{}] = {}",
        &out[..3],
        n - 1,
        out[n - 1]
    );
    println!("first call (compile and run): {first:?}; second call: {second:?}");
    Ok(())
}
