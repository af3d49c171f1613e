//! pyjit's benchmark suite: the kernels of `shared/bench/kernels.py`,
//! compiled by each pyjit tier, checked against and timed beside the
//! hand-written C of `shared/bench/ref_c/kernels.c`.
//!
//! - [`cases`]: the kernels at their sizes, their inputs (from a
//!   fixed-seed generator the Python script repeats), and the state a call
//!   leaves, compared bit for bit;
//! - [`reference`]: building the C references and calling them;
//! - [`implementations`]: the implementations compared (C and the pyjit
//!   configurations), compiled and called the same way;
//! - [`measure`]: run time, interleaved round robin, medians;
//! - [`latency`]: compile latency per phase, cold and cached;
//! - [`external`]: the JSON shared with `bench/cpython_numba.py`;
//! - [`report`] and [`chart`]: `RESULTS.md` and the SVG of ratios to C.
//!
//! The `pyjit-bench` binary runs all of it; `tests/agreement.rs` runs the
//! result check at small sizes.

pub mod cases;
pub mod chart;
pub mod external;
pub mod implementations;
pub mod latency;
pub mod measure;
pub mod reference;
pub mod report;

use std::path::PathBuf;

/// The kernels as pyjit compiles them: `shared/bench/kernels.py` with the
/// changes of [`DEVIATIONS`].
pub const KERNELS_SOURCE: &str = include_str!("../kernels.py");

/// The name the kernels' file has in diagnostics.
pub const KERNELS_FILE: &str = "kernels.py";

/// Each change of `bench/kernels.py` from `shared/bench/kernels.py`:
/// `(original text, pyjit's text, why)`. Applying the replacements to the
/// original gives pyjit's file exactly (a test checks it), and
/// `RESULTS.md` lists them.
pub const DEVIATIONS: &[(&str, &str, &str)] = &[
    (
        "def sieve(flags, N):\n    \"\"\"Sieve of Eratosthenes in ``flags`` (uint8, length N)",
        "# pyjit has no uint8 arrays and stores only True and False into a bool array,\n\
         # so ``flags`` is a bool array here: the one change from shared/bench/kernels.py.\n\
         def sieve(flags, N):\n    \"\"\"Sieve of Eratosthenes in ``flags`` (bool, length N)",
        "sieve: `flags` is a `bool` array (one byte per flag, as the C reference's \
         `uint8_t`); pyjit has no `uint8`",
    ),
    (
        "        flags[i] = 1\n    flags[0] = 0\n    flags[1] = 0\n",
        "        flags[i] = True\n    flags[0] = False\n    flags[1] = False\n",
        "sieve: `flags[i] = True` / `False` instead of `= 1` / `= 0`; pyjit refuses to \
         store an `int` into a `bool` array (\"cannot store an `int` into an array of \
         `bool`\"). The reads `flags[i] != 0` are unchanged",
    ),
    (
        "                flags[j] = 0\n",
        "                flags[j] = False\n",
        "sieve: `flags[j] = False`, as above",
    ),
];

/// The root of the repository (the parent of this package).
pub fn repo_root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest
        .parent()
        .map_or_else(|| manifest.clone(), PathBuf::from)
}

/// This package's directory, where the kernels, the results and the JSON
/// files live.
pub fn bench_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Where the hand-written C is, as CI lays it out: `shared/` beside the
/// repository.
pub fn default_reference_source() -> PathBuf {
    repo_root()
        .join("..")
        .join("shared")
        .join("bench")
        .join("ref_c")
        .join("kernels.c")
}
