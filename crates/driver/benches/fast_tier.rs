//! The fast tier's numbers: time from source to a callable function with
//! an empty cache (cold) and with the library on disk (cached), and the
//! speed of the code, for each C compiler the fast tier uses.
//!
//! ```text
//! cargo bench -p pyjit --bench fast_tier
//! python3 crates/driver/benches/cpython_vector_add.py   # the CPython loop
//! ```
//!
//! `saxpy` is the compile-time subject, `vector_add` on 100,000 `float32`
//! the run-time one (DESIGN.md's anchor).

use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use pyjit::{Arg, CacheLocation, Discovery, Jit, Options};

const SAXPY: &str = include_str!("../../../examples/saxpy.py");
const VECTOR_ADD: &str = include_str!("../../../examples/vector_add.py");
const SAXPY_SIGNATURE: &str = "void(float32, float32[:], float32[:], float32[:], int64)";

fn options(compiler: &str, cache: CacheLocation) -> Options {
    Options {
        cache,
        compilers: Discovery {
            explicit: Some(compiler.into()),
            ..Discovery::default()
        },
        ..Options::default()
    }
}

/// Source text to a compiled `saxpy`, in a cache directory.
fn compile_saxpy(compiler: &str, cache: &Path) -> PathBuf {
    let jit = Jit::new(options(
        compiler,
        CacheLocation::Directory(cache.to_path_buf()),
    ))
    .expect("a cache");
    let module = jit.load_source("saxpy.py", SAXPY).expect("valid");
    let compiled = module
        .function("saxpy")
        .and_then(|f| f.compile_signature(SAXPY_SIGNATURE))
        .expect("compiles");
    compiled.library_path().to_path_buf()
}

fn compilers() -> Vec<&'static str> {
    let has_tcc = std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join("tcc").is_file()));
    if has_tcc {
        vec!["tcc", "cc"]
    } else {
        vec!["cc"]
    }
}

fn compile_time(c: &mut Criterion) {
    let mut group = c.benchmark_group("saxpy");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(5));
    for compiler in compilers() {
        // Cold: a new, empty cache directory every time.
        group.bench_function(format!("cold/{compiler}"), |b| {
            b.iter_batched(
                || tempfile::tempdir().expect("a directory"),
                // Return the directory so that removing it is not timed.
                |dir| (compile_saxpy(compiler, &dir.path().join("cache")), dir),
                BatchSize::PerIteration,
            );
        });
        // Cached: the library is on disk at a path this process has not
        // loaded yet, as in a new process (which also starts without the
        // hundreds of libraries this loop leaves loaded; the `saxpy`
        // example prints the time in a new process).
        let built = tempfile::tempdir().expect("a directory");
        let library = compile_saxpy(compiler, built.path());
        let name = library.file_name().expect("a file name").to_owned();
        group.bench_function(format!("cached/{compiler}"), |b| {
            b.iter_batched(
                || {
                    let dir = tempfile::tempdir().expect("a directory");
                    std::fs::copy(&library, dir.path().join(&name)).expect("copied");
                    dir
                },
                |dir| (compile_saxpy(compiler, dir.path()), dir),
                BatchSize::PerIteration,
            );
        });
    }
    group.finish();
}

fn run_time(c: &mut Criterion) {
    let mut group = c.benchmark_group("vector_add_100k_f32");
    let n = 100_000;
    let a: Vec<f32> = (0..n).map(|i| i as f32).collect();
    let b: Vec<f32> = (0..n).map(|i| 0.5 * i as f32).collect();
    let mut out = vec![0.0f32; n];
    for compiler in compilers() {
        let jit = Jit::new(options(compiler, CacheLocation::Temporary)).expect("a cache");
        let module = jit.load_source("vector_add.py", VECTOR_ADD).expect("valid");
        let compiled = module
            .function("vector_add")
            .and_then(|f| f.compile_signature("void(float32[:], float32[:], float32[:], int64)"))
            .expect("compiles");
        group.bench_function(compiler, |bench| {
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
}

criterion_group!(benches, compile_time, run_time);
criterion_main!(benches);
