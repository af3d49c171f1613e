//! What can go wrong between C text and a callable function.

use std::path::PathBuf;

/// A failure to compile, cache or load generated code.
#[derive(Clone, Debug, thiserror::Error)]
pub enum Error {
    /// No C compiler could be found.
    #[error("no C compiler found (tried {} from {from}); install gcc, clang or tcc, or set PYJIT_CC to a compiler", tried.join(", "))]
    NoCompiler {
        /// The names or paths looked for.
        tried: Vec<String>,
        /// Where they came from.
        from: &'static str,
    },
    /// The C compiler rejected the generated code.
    #[error("the C compiler `{compiler}` failed on {}:\n{message}", c_file.display())]
    CCompile {
        /// The compiler run.
        compiler: String,
        /// What it printed.
        message: String,
        /// The C file, kept for inspection.
        c_file: PathBuf,
    },
    /// The cache directory cannot be used.
    #[error("cannot use the cache directory {}: {reason}", dir.display())]
    Cache {
        /// The directory.
        dir: PathBuf,
        /// Why.
        reason: String,
    },
    /// A compiled library could not be loaded even after rebuilding it.
    #[error("cannot load the compiled library {}: {reason}", path.display())]
    Load {
        /// The library.
        path: PathBuf,
        /// Why.
        reason: String,
    },
}
