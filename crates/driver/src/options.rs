//! How a [`crate::Jit`] compiles: tier, cache, C compiler, checks.

use std::path::PathBuf;

use pyjit_runtime::Discovery;

/// Which compiler tier compiles a function.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default)]
pub enum Tier {
    /// The fast tier for small programs, the optimizing tier for the rest,
    /// by a static complexity score of the program ([`crate::dispatch`]).
    #[default]
    Auto,
    /// C straight from the typed program, compiled with tcc when installed,
    /// else `cc -O1`: the shortest time to a first result.
    Fast,
    /// C from the optimizing tier's IR after its passes, compiled with
    /// `cc -O3 -march=native -ffp-contract=off -fno-math-errno`: slower to
    /// compile, as fast as hand-written C to run.
    Optimized,
}

impl Tier {
    /// Every tier, for the command line.
    pub const ALL: [Tier; 3] = [Tier::Auto, Tier::Fast, Tier::Optimized];

    /// The tier of a command-line name.
    pub fn from_name(name: &str) -> Option<Tier> {
        Tier::ALL.into_iter().find(|t| t.name() == name)
    }

    /// The tier's name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Tier::Auto => "auto",
            Tier::Fast => "fast",
            Tier::Optimized => "optimized",
        }
    }
}

/// Where compiled libraries are kept.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub enum CacheLocation {
    /// A private temporary directory, removed with the `Jit`: nothing is
    /// shared between processes.
    #[default]
    Temporary,
    /// A directory kept across processes (created `0700`).
    Directory(PathBuf),
}

/// Options of a [`crate::Jit`].
#[derive(Clone, Debug)]
pub struct Options {
    /// The compiler tier.
    pub tier: Tier,
    /// With [`Tier::Auto`], programs whose complexity score is under this
    /// take the fast tier, the others the optimizing tier.
    pub auto_threshold: u32,
    /// Where compiled libraries go.
    pub cache: CacheLocation,
    /// How to find C compilers.
    pub compilers: Discovery,
    /// Check array indices (`IndexError`); on by default.
    pub boundscheck: bool,
    /// `RecursionError` past this many nested recursive calls (LANGUAGE.md,
    /// deviation 5).
    pub max_recursion_depth: i64,
    /// Print a line on stderr for each specialization: its signature, the
    /// tier and C compiler, the time of each phase, and whether the
    /// library came from the cache. (The same line is a `tracing` debug
    /// event, for programs that collect those.)
    pub verbose: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            tier: Tier::Auto,
            auto_threshold: 10,
            cache: CacheLocation::Temporary,
            compilers: Discovery::default(),
            boundscheck: true,
            max_recursion_depth: 10_000,
            verbose: false,
        }
    }
}

impl Options {
    /// Options from the process environment, as the `pyjit` command uses
    /// them: the per-user cache (`PYJIT_CACHE_DIR`, else
    /// `$XDG_CACHE_HOME/pyjit`, else `~/.cache/pyjit`), and the compilers
    /// of `PYJIT_CC`, `CC` and `PATH`.
    pub fn from_env() -> Options {
        Options {
            cache: user_cache_dir().map_or(CacheLocation::Temporary, CacheLocation::Directory),
            compilers: Discovery {
                explicit: non_empty_var("PYJIT_CC").map(PathBuf::from),
                cc: non_empty_var("CC").and_then(|v| v.into_string().ok()),
                path: None,
            },
            ..Options::default()
        }
    }
}

/// The per-user cache directory named by the environment.
pub fn user_cache_dir() -> Option<PathBuf> {
    let dir = |name: &str| non_empty_var(name).map(PathBuf::from);
    dir("PYJIT_CACHE_DIR")
        .or_else(|| dir("XDG_CACHE_HOME").map(|d| d.join("pyjit")))
        .or_else(|| dir("HOME").map(|d| d.join(".cache").join("pyjit")))
}

/// An environment variable that is set to something.
fn non_empty_var(name: &str) -> Option<std::ffi::OsString> {
    std::env::var_os(name).filter(|v| !v.is_empty())
}
