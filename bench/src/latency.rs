//! Compile latency: the phases the driver records ([`pyjit::Timings`]) for
//! one kernel on one tier, cold (an empty cache directory, a new `Jit`)
//! and cached (a new `Jit` on a copy of that directory, so the library is
//! read from disk and loaded by the dynamic loader: a library this
//! process has already loaded from the same path would be reused without
//! loading, which is not what a new process sees).

use std::os::unix::fs::DirBuilderExt;
use std::path::Path;
use std::time::{Duration, Instant};

use pyjit::{CacheLocation, Jit, Options, Origin, SignatureSource, Tier, Type};

use crate::measure::median;
use crate::{KERNELS_FILE, KERNELS_SOURCE};

/// The phases of one compilation.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Phases {
    /// Reading the file, parsing and checking the functions reached.
    pub frontend: Duration,
    /// Building the optimizing tier's IR.
    pub ir: Duration,
    /// The optimizing tier's passes.
    pub passes: Duration,
    /// Generating C.
    pub codegen: Duration,
    /// The C compiler (zero when cached).
    pub c_compile: Duration,
    /// Loading the library.
    pub load: Duration,
    /// The sum of the phases.
    pub total: Duration,
    /// From `Jit::new` to the compiled function, measured outside: the
    /// phases plus finding the C compilers and opening the cache.
    pub wall: Duration,
}

impl Phases {
    fn of(timings: pyjit::Timings, wall: Duration) -> Phases {
        let frontend = timings.parse + timings.check;
        Phases {
            frontend,
            ir: timings.ir,
            passes: timings.passes,
            codegen: timings.codegen,
            c_compile: timings.c_compile,
            load: timings.load,
            total: frontend
                + timings.ir
                + timings.passes
                + timings.codegen
                + timings.c_compile
                + timings.load,
            wall,
        }
    }

    /// The median of each phase on its own.
    fn median(runs: &[Phases]) -> Phases {
        let each = |field: fn(&Phases) -> Duration| median(runs.iter().map(field).collect());
        Phases {
            frontend: each(|p| p.frontend),
            ir: each(|p| p.ir),
            passes: each(|p| p.passes),
            codegen: each(|p| p.codegen),
            c_compile: each(|p| p.c_compile),
            load: each(|p| p.load),
            total: each(|p| p.total),
            wall: each(|p| p.wall),
        }
    }
}

/// The compile latency of one function on one tier.
#[derive(Clone, Debug, PartialEq)]
pub struct Latency {
    /// The medians, cold.
    pub cold: Phases,
    /// The medians, cached.
    pub cached: Phases,
    /// The C compiler and flags.
    pub compiler: String,
}

/// Compile `function` for `types` on `tier` `reps` times cold and cached;
/// the median of each phase.
pub fn measure(function: &str, types: &[Type], tier: Tier, reps: usize) -> Result<Latency, String> {
    let mut cold = Vec::with_capacity(reps);
    let mut cached = Vec::with_capacity(reps);
    let mut compiler = String::new();
    for _ in 0..reps.max(1) {
        let dir = tempfile::Builder::new()
            .prefix("pyjit-bench-latency-")
            .tempdir()
            .map_err(|e| format!("a temporary directory: {e}"))?;
        let cold_dir = dir.path().join("cold");
        let (phases, origin, used) = compile(&cold_dir, function, types, tier)?;
        if origin != Origin::Built {
            return Err(format!(
                "a cold compilation came from the cache ({origin:?})"
            ));
        }
        cold.push(phases);
        compiler = used;
        let cached_dir = dir.path().join("cached");
        copy_libraries(&cold_dir, &cached_dir)?;
        let (phases, origin, _) = compile(&cached_dir, function, types, tier)?;
        if origin != Origin::Disk {
            return Err(format!(
                "a cached compilation did not load from disk ({origin:?})"
            ));
        }
        cached.push(phases);
    }
    Ok(Latency {
        cold: Phases::median(&cold),
        cached: Phases::median(&cached),
        compiler,
    })
}

/// From nothing to a compiled `function` with the cache in `dir`.
fn compile(
    dir: &Path,
    function: &str,
    types: &[Type],
    tier: Tier,
) -> Result<(Phases, Origin, String), String> {
    let start = Instant::now();
    let jit = Jit::new(Options {
        tier,
        cache: CacheLocation::Directory(dir.to_path_buf()),
        ..Options::default()
    })
    .map_err(|e| e.to_string())?;
    let module = jit
        .load_source(KERNELS_FILE, KERNELS_SOURCE)
        .map_err(|e| e.to_string())?;
    let compiled = module
        .function(function)
        .and_then(|f| f.compile(SignatureSource::Arguments(types)))
        .map_err(|e| e.to_string())?;
    let wall = start.elapsed();
    Ok((
        Phases::of(compiled.timings(), wall),
        compiled.origin(),
        compiled.compiler().trim().to_owned(),
    ))
}

/// Copy the libraries of cache directory `from` into a new directory `to`.
fn copy_libraries(from: &Path, to: &Path) -> Result<(), String> {
    let fail = |e: std::io::Error| format!("copying the cache {}: {e}", from.display());
    // Private, as the cache insists.
    std::fs::DirBuilder::new()
        .mode(0o700)
        .create(to)
        .map_err(fail)?;
    for entry in std::fs::read_dir(from).map_err(fail)? {
        let path = entry.map_err(fail)?.path();
        if path.extension().is_some_and(|e| e == "so")
            && let Some(name) = path.file_name()
        {
            std::fs::copy(&path, to.join(name)).map_err(fail)?;
        }
    }
    Ok(())
}
