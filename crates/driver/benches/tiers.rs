//! Cold compile time of the seed's kernels on each tier: from source text
//! to a callable function with an empty cache, for the fast tier (tcc when
//! installed, `cc -O1`) and the optimizing tier (IR, passes, `cc -O3`);
//! and the speed of each tier's code on `vector_add` of 100,000 `float32`
//! and on the Mandelbrot example.
//!
//! ```text
//! cargo bench -p pyjit --bench tiers
//! ```
//!
//! The time outside the C compiler (checking, IR, passes, C generation)
//! is printed per phase by `pyjit run --stats`; `cargo bench -p
//! pyjit-tests --bench ir_pipeline` times the IR and each pass over the
//! whole corpus.

use std::time::Duration;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use pyjit::{Arg, CacheLocation, Discovery, Jit, Options, Tier};

/// `(name, file text, function, signature)`.
const KERNELS: &[(&str, &str, &str, &str)] = &[
    (
        "simple_add",
        include_str!("../../../examples/basics.py"),
        "simple_add",
        "int64(int64, int64)",
    ),
    (
        "complex_compute",
        include_str!("../../../examples/basics.py"),
        "complex_compute",
        "float64(float64, float64, int64)",
    ),
    (
        "vector_add",
        include_str!("../../../examples/vector_add.py"),
        "vector_add",
        "void(float32[:], float32[:], float32[:], int64)",
    ),
    (
        "saxpy",
        include_str!("../../../examples/saxpy.py"),
        "saxpy",
        "void(float32, float32[:], float32[:], float32[:], int64)",
    ),
    (
        "mandelbrot",
        include_str!("../../../examples/mandelbrot.py"),
        "mandelbrot",
        "int64(int64, int64, int64)",
    ),
    (
        "nbody_step",
        include_str!("../../../examples/nbody.py"),
        "step",
        "void(float64[:, :], float64[:, :], float64[:], float64)",
    ),
];

fn has_tcc() -> bool {
    std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join("tcc").is_file()))
}

/// `(label, tier, compiler)` for each configuration this machine has.
fn configurations() -> Vec<(&'static str, Tier, &'static str)> {
    let mut out = vec![
        ("optimized/cc", Tier::Optimized, "cc"),
        ("fast/cc", Tier::Fast, "cc"),
    ];
    if has_tcc() {
        out.push(("fast/tcc", Tier::Fast, "tcc"));
    }
    out
}

fn jit(tier: Tier, compiler: &str, cache: CacheLocation) -> Jit {
    Jit::new(Options {
        tier,
        cache,
        compilers: Discovery {
            explicit: Some(compiler.into()),
            ..Discovery::default()
        },
        ..Options::default()
    })
    .expect("a cache")
}

fn run_time(c: &mut Criterion) {
    let n = 100_000;
    let a: Vec<f32> = (0..n).map(|i| i as f32).collect();
    let b: Vec<f32> = (0..n).map(|i| 0.5 * i as f32).collect();
    let mut out = vec![0.0f32; n];
    let mut group = c.benchmark_group("run/vector_add_100k_f32");
    for (label, tier, compiler) in configurations() {
        let module = jit(tier, compiler, CacheLocation::Temporary)
            .load_source("vector_add.py", KERNELS[2].1)
            .expect("valid");
        let compiled = module
            .function("vector_add")
            .and_then(|f| f.compile_signature(KERNELS[2].3))
            .expect("compiles");
        group.bench_function(label, |bench| {
            bench.iter(|| {
                let args = [
                    Arg::array(&a),
                    Arg::array(&b),
                    Arg::array_mut(&mut out),
                    Arg::Int(n as i64),
                ];
                compiled.call(&args).expect("runs")
            });
        });
    }
    group.finish();
    let mut group = c.benchmark_group("run/mandelbrot_200x150x100");
    for (label, tier, compiler) in configurations() {
        let module = jit(tier, compiler, CacheLocation::Temporary)
            .load_source("mandelbrot.py", KERNELS[4].1)
            .expect("valid");
        let compiled = module
            .function("mandelbrot")
            .and_then(|f| f.compile_signature(KERNELS[4].3))
            .expect("compiles");
        group.bench_function(label, |bench| {
            bench.iter(|| {
                compiled
                    .call(&[Arg::Int(200), Arg::Int(150), Arg::Int(100)])
                    .expect("runs")
            });
        });
    }
    group.finish();
}

fn cold_compile(c: &mut Criterion) {
    let configurations = configurations();
    for &(name, text, func, signature) in KERNELS {
        let mut group = c.benchmark_group(format!("cold/{name}"));
        group
            .sample_size(10)
            .measurement_time(Duration::from_secs(3));
        for &(label, tier, compiler) in &configurations {
            group.bench_function(label, |b| {
                b.iter_batched(
                    || tempfile::tempdir().expect("a directory"),
                    |dir| {
                        let jit = jit(
                            tier,
                            compiler,
                            CacheLocation::Directory(dir.path().join("cache")),
                        );
                        let module = jit.load_source("kernel.py", text).expect("valid");
                        let compiled = module
                            .function(func)
                            .and_then(|f| f.compile_signature(signature))
                            .expect("compiles");
                        // Return the directory so that removing it is not
                        // timed.
                        (compiled, dir)
                    },
                    BatchSize::PerIteration,
                );
            });
        }
        group.finish();
    }
}

criterion_group!(benches, cold_compile, run_time);
criterion_main!(benches);
