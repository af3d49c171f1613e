//! Finding a C compiler and running it with a compile profile.
//!
//! Discovery follows DESIGN.md: `PYJIT_CC`, then `CC`, then `cc`, `gcc`,
//! `clang` on the `PATH`; `tcc`, when installed, for the fast profile (it
//! turns a small file into a shared library in about 5 ms, where gcc's
//! driver, assembler and linker cost 40-50 ms at any optimisation level).
//! The environment is read by the caller, which fills in a [`Discovery`].

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Mutex, OnceLock};

use crate::error::Error;

/// Where to look for compilers: values the caller read from its
/// configuration (the `pyjit` command reads `PYJIT_CC` and `CC`). This
/// crate reads no environment variable but `PATH`, and that only when
/// [`Discovery::path`] is `None`.
#[derive(Clone, Debug, Default)]
pub struct Discovery {
    /// A compiler that overrides every other choice, tcc included.
    pub explicit: Option<PathBuf>,
    /// The conventional `CC`.
    pub cc: Option<String>,
    /// The search path; the process's `PATH` when `None`.
    pub path: Option<OsString>,
}

impl Discovery {
    fn search(&self, name: &str) -> Option<PathBuf> {
        let name = Path::new(name);
        if name.components().count() > 1 {
            return name.is_file().then(|| name.to_path_buf());
        }
        let path = self.path.clone().or_else(|| std::env::var_os("PATH"))?;
        std::env::split_paths(&path)
            .map(|dir| dir.join(name))
            .find(|candidate| is_executable(candidate))
    }
}

fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    path.metadata()
        .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

/// Which compiler a path turned out to be (it decides the flags).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum CompilerKind {
    /// The Tiny C Compiler.
    Tcc,
    /// GCC.
    Gcc,
    /// Clang.
    Clang,
    /// Something else that accepts gcc's flags.
    Other,
}

/// A C compiler: where it is, what it is, and which build of it.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct Compiler {
    /// The executable.
    pub path: PathBuf,
    /// What it is.
    pub kind: CompilerKind,
    /// Which build it is, for the cache key: the executable's canonical
    /// path, size and modification time. Reinstalling or upgrading the
    /// compiler, or pointing `cc` at another one, changes it, and it costs
    /// a `stat`, where asking the compiler its version costs a process
    /// (1 ms, which would double the time of a cached load).
    pub identity: String,
}

impl Compiler {
    /// The general-purpose C compiler: the explicit one, `CC`, or the first
    /// of `cc`, `gcc`, `clang` on the path.
    pub fn discover(discovery: &Discovery) -> Result<Compiler, Error> {
        if let Some(explicit) = &discovery.explicit {
            let path = discovery
                .search(&explicit.to_string_lossy())
                .ok_or_else(|| Error::NoCompiler {
                    tried: vec![explicit.display().to_string()],
                    from: "PYJIT_CC",
                })?;
            return Compiler::identify(&path);
        }
        let mut tried = Vec::new();
        if let Some(cc) = &discovery.cc {
            // `CC` may carry flags (`ccache gcc`): its first word is the program.
            let program = cc.split_whitespace().next().unwrap_or(cc);
            tried.push(program.to_owned());
            if let Some(path) = discovery.search(program) {
                return Compiler::identify(&path);
            }
        }
        for name in ["cc", "gcc", "clang"] {
            tried.push(name.to_owned());
            if let Some(path) = discovery.search(name) {
                return Compiler::identify(&path);
            }
        }
        Err(Error::NoCompiler {
            tried,
            from: "the PATH",
        })
    }

    /// `tcc`, if installed (and no explicit compiler overrides it).
    pub fn discover_tcc(discovery: &Discovery) -> Option<Compiler> {
        if discovery.explicit.is_some() {
            return None;
        }
        discovery
            .search("tcc")
            .and_then(|path| Compiler::identify(&path).ok())
    }

    /// What a compiler is, once per process per path: from the name of the
    /// file its path resolves to (`cc` is usually a link to `gcc-12` or
    /// `clang-14`), or, when the name does not tell, from its `--version`.
    pub fn identify(path: &Path) -> Result<Compiler, Error> {
        static KNOWN: OnceLock<Mutex<Vec<Compiler>>> = OnceLock::new();
        let known = KNOWN.get_or_init(Default::default);
        if let Some(compiler) = known
            .lock()
            .expect("no panics while locked")
            .iter()
            .find(|c| c.path == path)
        {
            return Ok(compiler.clone());
        }
        let unusable = |e: std::io::Error| Error::NoCompiler {
            tried: vec![format!("{} ({e})", path.display())],
            from: "the PATH",
        };
        let canonical = std::fs::canonicalize(path).map_err(unusable)?;
        let meta = std::fs::metadata(&canonical).map_err(unusable)?;
        let modified = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos());
        let identity = format!("{} {} {modified}", canonical.display(), meta.len());
        let name = canonical
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().to_lowercase());
        let kind = match kind_from_text(&name) {
            CompilerKind::Other => {
                let output = Command::new(path)
                    .arg("--version")
                    .output()
                    .map_err(unusable)?;
                let text = if output.stdout.is_empty() {
                    output.stderr
                } else {
                    output.stdout
                };
                let text = String::from_utf8_lossy(&text).to_lowercase();
                let kind = kind_from_text(text.lines().next().unwrap_or(""));
                // GCC's first line names the package, not always "gcc".
                if kind == CompilerKind::Other && text.contains("free software foundation") {
                    CompilerKind::Gcc
                } else {
                    kind
                }
            }
            kind => kind,
        };
        let compiler = Compiler {
            path: path.to_path_buf(),
            kind,
            identity,
        };
        known
            .lock()
            .expect("no panics while locked")
            .push(compiler.clone());
        Ok(compiler)
    }
}

/// The compiler a file name or version line names.
fn kind_from_text(text: &str) -> CompilerKind {
    if text.contains("tcc") {
        CompilerKind::Tcc
    } else if text.contains("clang") {
        CompilerKind::Clang
    } else if text.contains("gcc") {
        CompilerKind::Gcc
    } else {
        CompilerKind::Other
    }
}

/// The C library functions whose results gcc and clang would compute
/// themselves when their arguments are constants, with correctly rounded
/// arithmetic (MPFR), where the C library the program calls at run time,
/// as CPython does, may round the last bit differently. They stay calls.
/// (`sqrt`, `fabs`, `floor`, `ceil`, `trunc`, `copysign`, `fmod` are exact
/// by definition, and may be computed at compile time or inlined.)
pub const NOT_FOLDED: &[&str] = &[
    "exp", "expm1", "log", "log2", "log10", "log1p", "pow", "sin", "cos", "tan", "asin", "acos",
    "atan", "atan2", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "hypot", "erf", "erfc",
    "expf", "expm1f", "logf", "log2f", "log10f", "log1pf", "powf", "sinf", "cosf", "tanf", "asinf",
    "acosf", "atanf", "atan2f", "sinhf", "coshf", "tanhf", "asinhf", "acoshf", "atanhf", "hypotf",
];

/// How hard to compile: the fast tier's time to first result, or the
/// optimizing tier's steady-state speed.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Profile {
    /// tcc if installed, else `cc -O1 -ffp-contract=off`.
    Fast,
    /// `cc -O3 -march=native -ffp-contract=off -fno-math-errno`.
    Optimized,
}

/// The compilers found, and which serves which profile.
#[derive(Clone, Debug)]
pub struct Toolchain {
    /// The general compiler.
    pub cc: Compiler,
    /// tcc, for the fast profile.
    pub tcc: Option<Compiler>,
}

/// A compiler with the flags of a profile: what a library is built with, and
/// part of its cache key.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Invocation {
    /// The compiler.
    pub compiler: Compiler,
    /// Flags before the input and output.
    pub flags: Vec<String>,
}

impl Toolchain {
    /// Find the compilers.
    pub fn discover(discovery: &Discovery) -> Result<Toolchain, Error> {
        let tcc = Compiler::discover_tcc(discovery);
        let cc = match Compiler::discover(discovery) {
            Ok(cc) => cc,
            // A machine with tcc alone can still run the fast tier.
            Err(error) => tcc.clone().ok_or(error)?,
        };
        Ok(Toolchain { cc, tcc })
    }

    /// The compiler and flags for a profile. Never `-ffast-math` (it changes
    /// results), always `-ffp-contract=off` (without it gcc fuses
    /// multiply-adds and results stop matching CPython's bits), and
    /// `-fno-builtin-` for each function of [`NOT_FOLDED`].
    pub fn invocation(&self, profile: Profile) -> Invocation {
        let (compiler, flags): (&Compiler, &[&str]) = match (profile, &self.tcc) {
            (Profile::Fast, Some(tcc)) => (tcc, &["-shared"]),
            (Profile::Fast, None) => (&self.cc, &["-O1", "-ffp-contract=off", "-fPIC", "-shared"]),
            (Profile::Optimized, _) => (
                &self.cc,
                &[
                    "-O3",
                    "-march=native",
                    "-ffp-contract=off",
                    "-fno-math-errno",
                    "-fPIC",
                    "-shared",
                ],
            ),
        };
        let flags = if compiler.kind == CompilerKind::Tcc {
            vec!["-shared".to_owned()]
        } else {
            flags
                .iter()
                .map(|f| (*f).to_owned())
                .chain(NOT_FOLDED.iter().map(|f| format!("-fno-builtin-{f}")))
                .collect()
        };
        Invocation {
            compiler: compiler.clone(),
            flags,
        }
    }
}

impl Invocation {
    /// Compile the C file `source` into the shared library `output`.
    pub fn compile(&self, source: &Path, output: &Path) -> Result<(), Error> {
        let result = Command::new(&self.compiler.path)
            .args(&self.flags)
            .arg("-o")
            .arg(output)
            .arg(source)
            .arg("-lm")
            .output();
        match result {
            Ok(out) if out.status.success() => Ok(()),
            Ok(out) => Err(Error::CCompile {
                compiler: self.compiler.path.display().to_string(),
                message: String::from_utf8_lossy(&out.stderr).trim().to_owned(),
                c_file: source.to_path_buf(),
            }),
            Err(e) => Err(Error::CCompile {
                compiler: self.compiler.path.display().to_string(),
                message: format!("could not run the compiler: {e}"),
                c_file: source.to_path_buf(),
            }),
        }
    }

    /// A description for `--stats` and logs: `tcc` or `gcc -O1 ...`.
    pub fn describe(&self) -> String {
        let name = self.compiler.path.file_name().map_or_else(
            || self.compiler.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        // The libm functions kept as calls are one idea: one word.
        let mut flags: Vec<&str> = self
            .flags
            .iter()
            .map(String::as_str)
            .filter(|f| !f.starts_with("-fno-builtin-"))
            .collect();
        if flags.len() < self.flags.len() {
            flags.push("-fno-builtin-<libm>");
        }
        format!("{name} {}", flags.join(" "))
    }
}
