//! pyjit: compile numeric Python functions to native code through C, and
//! call them from Rust.
//!
//! ```no_run
//! use pyjit::{Arg, Jit, Options, Value};
//!
//! let jit = Jit::new(Options::default())?;
//! let module = jit.load_source("k.py", "def dot(x, y, n):\n    s = 0.0\n    for i in range(n):\n        s += x[i] * y[i]\n    return s\n")?;
//! let dot = module.function("dot")?;
//! let (x, y) = (vec![1.0, 2.0, 3.0], vec![4.0, 5.0, 6.0]);
//! let result = dot.call(&[Arg::array(&x), Arg::array(&y), Arg::Int(3)])?;
//! assert_eq!(result, Value::Float(32.0));
//! # Ok::<(), pyjit::Error>(())
//! ```
//!
//! A [`Jit`] holds the options, the cache of compiled libraries and the C
//! compilers; a [`Module`] is a loaded Python file; a [`Function`] compiles
//! one specialization per argument-type tuple on first call (or for a
//! Numba-style signature string) and keeps it. Errors are typed: a
//! compile error carries the diagnostic, a runtime error the Python
//! exception.
//!
//! Architecture invariant: this crate is the only one that knows all the
//! others; it reads the environment only in [`Options::from_env`].

pub mod dispatch;
mod error;
mod host;
mod jit;
pub mod literal;
mod options;
mod value;
mod written;

pub use error::{Error, PyException};
pub use jit::{Compiled, Function, Jit, Module, Stats, Timings};
pub use options::{CacheLocation, Options, Tier, user_cache_dir};
pub use pyjit_frontend::typed::Program;
pub use pyjit_frontend::{Diagnostic, DiagnosticKind, Signature, SignatureSource, Type};
/// The optimizing tier's IR, for tools that show it.
pub use pyjit_ir as ir;
/// The optimizing tier's passes, for tools that choose them.
pub use pyjit_passes as passes;
pub use pyjit_runtime::{CacheStats, Discovery, Error as ToolchainError, ExceptionKind, Origin};
pub use value::{Arg, Array, ArrayArg, ArrayData, Element, Value};
