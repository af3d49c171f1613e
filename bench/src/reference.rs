//! The hand-written C references: `shared/bench/ref_c/kernels.c`, built
//! by the harness with the optimizing tier's flags into a temporary
//! directory, loaded, and called with a case's arguments.

use std::path::Path;
use std::process::Command;

use libloading::Library;

use crate::cases::{Inputs, Ret};

/// The C compiler the references are built with.
pub const COMPILER: &str = "gcc";

/// Its flags: those of pyjit's optimizing tier, which keep floating-point
/// results identical to CPython's (no fused multiply-adds).
pub const FLAGS: &[&str] = &[
    "-O3",
    "-march=native",
    "-ffp-contract=off",
    "-fno-math-errno",
    "-shared",
    "-fPIC",
];

/// The compiler the references are also built with when it is installed:
/// the fast tier's. Its build says how fast the hand-written C is without
/// an optimizer, the yardstick for the fast tier.
pub const FAST_COMPILER: &str = "tcc";

/// Its flags (tcc optimizes nothing, whatever it is told).
pub const FAST_FLAGS: &[&str] = &["-shared"];

/// The built and loaded references.
pub struct Reference {
    library: Library,
    /// Built with [`FAST_COMPILER`], or why not.
    fast: Result<Library, String>,
    // Removed when the references are dropped, after the libraries.
    _dir: tempfile::TempDir,
}

impl std::fmt::Debug for Reference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reference").finish_non_exhaustive()
    }
}

/// A C kernel, ready to call with a case's arguments.
pub type CallC<'lib> = Box<dyn Fn(&mut Inputs) -> Ret + 'lib>;

impl Reference {
    /// Compile `source` with [`COMPILER`] and [`FLAGS`] and load it, and
    /// with [`FAST_COMPILER`] too if it can.
    pub fn build(source: &Path) -> Result<Reference, String> {
        if !source.is_file() {
            return Err(format!(
                "the C references are not at {} (shared/ beside the repository, as CI has it; \
                 or pass --ref-c PATH)",
                source.display()
            ));
        }
        let dir = tempfile::Builder::new()
            .prefix("pyjit-bench-")
            .tempdir()
            .map_err(|e| format!("a temporary directory: {e}"))?;
        let library = build_one(source, dir.path(), COMPILER, FLAGS)?;
        let fast = build_one(source, dir.path(), FAST_COMPILER, FAST_FLAGS);
        Ok(Reference {
            library,
            fast,
            _dir: dir,
        })
    }

    /// Whether the references built with [`FAST_COMPILER`] are there.
    pub fn has_fast(&self) -> bool {
        self.fast.is_ok()
    }

    /// [`Reference::function`] from the [`FAST_COMPILER`] build.
    pub fn fast_function(&self, function: &str) -> Result<CallC<'_>, String> {
        match &self.fast {
            Ok(library) => function_of(library, function),
            Err(e) => Err(e.clone()),
        }
    }

    /// The C twin of the Python `function`, taking the case's arguments in
    /// the Python order.
    pub fn function(&self, function: &str) -> Result<CallC<'_>, String> {
        function_of(&self.library, function)
    }
}

/// Build `source` into a library in `dir` with `compiler` and `flags`, and
/// load it.
fn build_one(source: &Path, dir: &Path, compiler: &str, flags: &[&str]) -> Result<Library, String> {
    let library_path = dir.join(format!("ref_kernels_{compiler}.so"));
    let output = Command::new(compiler)
        .args(flags)
        .arg("-o")
        .arg(&library_path)
        .arg(source)
        .arg("-lm")
        .output()
        .map_err(|e| format!("running {compiler}: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "{compiler} failed on {}:\n{}",
            source.display(),
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    // SAFETY: a library we just built from the reference C, whose
    // initialisers are the C library's own.
    unsafe { Library::new(&library_path) }
        .map_err(|e| format!("loading {}: {e}", library_path.display()))
}

/// The C twin of the Python `function` in `library`.
fn function_of<'lib>(library: &'lib Library, function: &str) -> Result<CallC<'lib>, String> {
    // Each arm resolves `ref_<function>` with its C signature once; the
    // closure then reads the arguments by position. The pointers come
    // from distinct buffers, so the C's `restrict` holds.
    macro_rules! symbol {
        ($ty:ty) => {{
            let name = format!("ref_{function}\0");
            // SAFETY: the type is the C prototype of that function in
            // kernels.c.
            let symbol = unsafe { library.get::<$ty>(name.as_bytes()) }
                .map_err(|e| format!("ref_{function}: {e}"))?;
            *symbol
        }};
    }
    type F32 = *mut f32;
    type F64 = *mut f64;
    // SAFETY (every call below): the arguments have the case's types
    // (checked by the accessors), arrays have the lengths the case gives
    // with the C's indexing, and they stay borrowed for the call.
    let call: CallC<'lib> = match function {
        "vector_add" => {
            let f = symbol!(unsafe extern "C" fn(F32, F32, F32, i64));
            Box::new(move |a: &mut Inputs| {
                unsafe { f(a.pointer(0), a.pointer(1), a.pointer(2), a.int(3)) };
                Ret::None
            })
        }
        "saxpy" => {
            let f = symbol!(unsafe extern "C" fn(f32, F32, F32, F32, i64));
            Box::new(move |a: &mut Inputs| {
                let x = a.float32(0);
                unsafe { f(x, a.pointer(1), a.pointer(2), a.pointer(3), a.int(4)) };
                Ret::None
            })
        }
        "dot" => {
            let f = symbol!(unsafe extern "C" fn(F64, F64, i64) -> f64);
            Box::new(move |a: &mut Inputs| {
                Ret::Float(unsafe { f(a.pointer(0), a.pointer(1), a.int(2)) })
            })
        }
        "prefix_sum" | "stencil1d" => {
            let f = symbol!(unsafe extern "C" fn(F64, F64, i64));
            Box::new(move |a: &mut Inputs| {
                unsafe { f(a.pointer(0), a.pointer(1), a.int(2)) };
                Ret::None
            })
        }
        "histogram" => {
            let f = symbol!(unsafe extern "C" fn(F64, *mut i64, i64, i64));
            Box::new(move |a: &mut Inputs| {
                unsafe { f(a.pointer(0), a.pointer(1), a.int(2), a.int(3)) };
                Ret::None
            })
        }
        "gemm" => {
            let f = symbol!(unsafe extern "C" fn(F64, F64, F64, i64));
            Box::new(move |a: &mut Inputs| {
                unsafe { f(a.pointer(0), a.pointer(1), a.pointer(2), a.int(3)) };
                Ret::None
            })
        }
        "jacobi2d" => {
            let f = symbol!(unsafe extern "C" fn(F64, F64, i64));
            Box::new(move |a: &mut Inputs| {
                unsafe { f(a.pointer(0), a.pointer(1), a.int(2)) };
                Ret::None
            })
        }
        "nbody" => {
            let f = symbol!(unsafe extern "C" fn(F64, F64, F64, i64, i64, f64));
            Box::new(move |a: &mut Inputs| {
                let (n, steps, dt) = (a.int(3), a.int(4), a.float(5));
                unsafe { f(a.pointer(0), a.pointer(1), a.pointer(2), n, steps, dt) };
                Ret::None
            })
        }
        "spectral_norm" => {
            let f = symbol!(unsafe extern "C" fn(i64, F64, F64, F64) -> f64);
            Box::new(move |a: &mut Inputs| {
                let n = a.int(0);
                Ret::Float(unsafe { f(n, a.pointer(1), a.pointer(2), a.pointer(3)) })
            })
        }
        "mandelbrot" => {
            let f = symbol!(unsafe extern "C" fn(i64, i64, i64) -> i64);
            Box::new(move |a: &mut Inputs| Ret::Int(unsafe { f(a.int(0), a.int(1), a.int(2)) }))
        }
        "sieve" => {
            let f = symbol!(unsafe extern "C" fn(*mut u8, i64) -> i64);
            Box::new(move |a: &mut Inputs| Ret::Int(unsafe { f(a.pointer(0), a.int(1)) }))
        }
        "fib" | "collatz_max" => {
            let f = symbol!(unsafe extern "C" fn(i64) -> i64);
            Box::new(move |a: &mut Inputs| Ret::Int(unsafe { f(a.int(0)) }))
        }
        other => return Err(format!("no C reference is known for `{other}`")),
    };
    Ok(call)
}
