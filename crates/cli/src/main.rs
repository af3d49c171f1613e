//! The `pyjit` command (DESIGN.md, "The command line"):
//!
//! ```text
//! pyjit run [--tier auto|fast|optimized] [--no-cache] [--stats] FILE FUNC [ARG ...]
//! pyjit check FILE [FUNC] [--sig SIG]
//! pyjit emit {ast|ir|ir-opt|c} FILE FUNC [--sig SIG | ARG ...]
//!            [--tier T] [--passes LIST|list] [--print-after-all]
//! pyjit cache {dir|stats|clear}
//! ```
//!
//! `run` prints `repr()` of the result as CPython would; a Python exception
//! prints `ExcType: message` on stderr and exits 1; a compile error prints
//! the diagnostic and exits 2.

#![allow(clippy::print_stdout, clippy::print_stderr)] // a command prints

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::{Parser, Subcommand, ValueEnum};
use pyjit::{CacheLocation, Error, Jit, Options, Origin, Signature, SignatureSource, Tier};

use pyjit::literal::{Literal, OwnedArg};

#[derive(Parser)]
#[command(
    name = "pyjit",
    version,
    about = "Compile numeric Python functions to native code and run them"
)]
struct Cli {
    /// Print each compilation (signature, tier, C compiler, phase times,
    /// cache outcome) on stderr.
    #[arg(long, short, global = true)]
    verbose: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Compile FUNC for the types of the ARGs and call it; print `repr()` of
    /// the result.
    Run {
        /// The compiler tier: `auto` chooses by the program's complexity.
        #[arg(long, value_enum, default_value = "auto")]
        tier: TierArg,
        /// Compile into a temporary directory instead of the user cache.
        #[arg(long)]
        no_cache: bool,
        /// Print the tier, the time of each phase and the cache outcome on
        /// stderr.
        #[arg(long)]
        stats: bool,
        /// Compile without bounds checks (an index out of range is then
        /// undefined behaviour).
        #[arg(long)]
        no_boundscheck: bool,
        /// The Python file.
        file: PathBuf,
        /// The function to call.
        func: String,
        /// Arguments, as Python literals: 3, 2.5, inf, True, [1.0, 2.0],
        /// [[1, 2], [3, 4]].
        #[arg(allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Check FUNC (or every function with a complete signature) and report
    /// the first error.
    Check {
        /// The Python file.
        file: PathBuf,
        /// The function to check.
        func: Option<String>,
        /// A Numba-style signature, such as `float64(float64[:], int64)`.
        #[arg(long)]
        sig: Option<String>,
    },
    /// Print what pyjit makes of FUNC: the typed program (`ast`), the
    /// optimizing tier's IR as built (`ir`) or after its passes (`ir-opt`),
    /// or the C of a tier (`c`).
    Emit {
        /// What to print.
        #[arg(value_enum)]
        what: EmitWhat,
        /// The tier whose C `emit c` prints (default: auto, the tier `run`
        /// would choose).
        #[arg(long, value_enum)]
        tier: Option<TierArg>,
        /// For `ir-opt`: the passes to run, comma-separated, in order
        /// (default: the whole pipeline); `list` prints the pipeline.
        #[arg(long)]
        passes: Option<String>,
        /// For `ir-opt`: print the IR as built and after every pass.
        #[arg(long)]
        print_after_all: bool,
        /// The Python file.
        file: PathBuf,
        /// The function.
        func: String,
        /// A Numba-style signature instead of arguments.
        #[arg(long)]
        sig: Option<String>,
        /// Arguments whose types choose the specialization.
        #[arg(allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Inspect or clear the cache of compiled libraries.
    Cache {
        /// What to do.
        #[arg(value_enum)]
        action: CacheAction,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum TierArg {
    /// The fast tier for small programs, the optimizing tier for the rest.
    Auto,
    /// C straight from the typed program, tcc or `cc -O1`.
    Fast,
    /// C from the optimized IR, `cc -O3 -march=native`.
    Optimized,
}

impl TierArg {
    fn tier(self) -> Tier {
        match self {
            TierArg::Auto => Tier::Auto,
            TierArg::Fast => Tier::Fast,
            TierArg::Optimized => Tier::Optimized,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum EmitWhat {
    /// The typed program, every type and conversion shown.
    Ast,
    /// The optimizing tier's IR, as built from the typed program.
    Ir,
    /// The optimizing tier's IR after its passes.
    IrOpt,
    /// The generated C.
    C,
}

#[derive(Clone, Copy, ValueEnum)]
enum CacheAction {
    /// Print the cache directory.
    Dir,
    /// Print how many libraries the cache holds and their size.
    Stats,
    /// Remove every compiled library.
    Clear,
}

/// How the command failed: a Python exception (1), or anything that kept
/// the program from running (2).
enum Failure {
    Python(String),
    Other(String),
}

impl From<Error> for Failure {
    fn from(error: Error) -> Failure {
        match error {
            Error::Runtime(exception) => Failure::Python(exception.to_string()),
            Error::Compile(diagnostic) => {
                let text = if std::io::stderr().is_terminal() {
                    diagnostic.render_styled()
                } else {
                    diagnostic.render()
                };
                Failure::Other(text)
            }
            Error::Toolchain(error @ pyjit::ToolchainError::Cache { .. }) => {
                Failure::Other(format!(
                    "error: {error}\n\
                     help: set PYJIT_CACHE_DIR to a directory only you can write, or run with \
                     --no-cache"
                ))
            }
            other => Failure::Other(format!("error: {other}")),
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command, cli.verbose) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Python(message)) => {
            eprintln!("{message}");
            ExitCode::from(1)
        }
        Err(Failure::Other(message)) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}

fn run(command: Command, verbose: bool) -> Result<(), Failure> {
    match command {
        Command::Run {
            tier,
            no_cache,
            stats,
            no_boundscheck,
            file,
            func,
            args,
        } => {
            let mut options = Options::from_env();
            options.tier = tier.tier();
            if no_cache {
                options.cache = CacheLocation::Temporary;
            }
            options.boundscheck = !no_boundscheck;
            options.verbose = verbose;
            let jit = Jit::new(options)?;
            let module = jit.load_file(&file)?;
            let function = module.function(&func)?;
            let (literals, types) = parse_args(&args)?;
            let compiled = function.compile(SignatureSource::Arguments(&types))?;
            let mut owned = literals
                .iter()
                .zip(compiled.params())
                .map(|(l, &t)| OwnedArg::new(l, t))
                .collect::<Result<Vec<_>, _>>()
                .map_err(argument_error)?;
            let call_args: Vec<pyjit::Arg<'_>> = owned.iter_mut().map(OwnedArg::arg).collect();
            let start = Instant::now();
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            let result = compiled.call_with_output(&call_args, &mut out);
            let elapsed = start.elapsed();
            if stats {
                print_stats(&compiled, elapsed);
                let totals = jit.stats();
                eprintln!(
                    "compilations: {} fast, {} optimized, {} from the cache",
                    totals.fast_compilations, totals.optimized_compilations, totals.cache_hits
                );
            }
            let value = result?;
            let _ = writeln!(out, "{}", value.repr());
            Ok(())
        }
        Command::Check { file, func, sig } => {
            let jit = Jit::new(Options {
                cache: CacheLocation::Temporary,
                ..Options::default()
            })?;
            let module = jit.load_file(&file)?;
            let names = match &func {
                Some(name) => vec![name.clone()],
                None => module.function_names(),
            };
            let signature = sig
                .as_deref()
                .map(Signature::parse)
                .transpose()
                .map_err(Error::from)?;
            for name in names {
                let function = module.function(&name)?;
                let source = match &signature {
                    Some(signature) => SignatureSource::Explicit(signature),
                    None => SignatureSource::Annotations,
                };
                match function.check(source) {
                    Ok(program) => println!("ok: {name}{}", program.entry().signature()),
                    // Without a function named, one with unannotated
                    // parameters has no signature to check.
                    Err(Error::Compile(d))
                        if func.is_none() && d.kind() == pyjit::DiagnosticKind::Signature =>
                    {
                        println!(
                            "skipped: {name} (no signature: annotate its parameters or name it with --sig)"
                        );
                    }
                    Err(error) => return Err(error.into()),
                }
            }
            Ok(())
        }
        Command::Emit {
            what,
            tier,
            passes,
            print_after_all,
            file,
            func,
            sig,
            args,
        } => {
            if passes.as_deref() == Some("list") {
                let width = pyjit::passes::PIPELINE
                    .iter()
                    .map(|p| p.name.len())
                    .max()
                    .unwrap_or(0);
                for pass in pyjit::passes::PIPELINE {
                    println!("{:<width$}  {}", pass.name, pass.summary);
                }
                return Ok(());
            }
            let ir_opt = matches!(what, EmitWhat::IrOpt);
            if (passes.is_some() || print_after_all) && !ir_opt {
                return Err(argument_error(
                    "`--passes` and `--print-after-all` apply to `emit ir-opt`".to_owned(),
                ));
            }
            if tier.is_some() && !matches!(what, EmitWhat::C) {
                return Err(argument_error(
                    "`--tier` applies to `emit c` (the IR is the optimizing tier's)".to_owned(),
                ));
            }
            let jit = Jit::new(Options {
                cache: CacheLocation::Temporary,
                tier: tier.map_or(Tier::Auto, TierArg::tier),
                ..Options::default()
            })?;
            let module = jit.load_file(&file)?;
            let function = module.function(&func)?;
            let signature = sig
                .as_deref()
                .map(Signature::parse)
                .transpose()
                .map_err(Error::from)?;
            let (_, types) = parse_args(&args)?;
            let source = match (&signature, args.is_empty()) {
                (Some(signature), _) => SignatureSource::Explicit(signature),
                (None, true) => SignatureSource::Annotations,
                (None, false) => SignatureSource::Arguments(&types),
            };
            match what {
                EmitWhat::Ast => print!("{}", function.check(source)?),
                EmitWhat::Ir => print!("{}", function.ir(source)?),
                EmitWhat::IrOpt => {
                    let selected = match &passes {
                        Some(list) => pyjit::passes::select(list).map_err(argument_error)?,
                        None => pyjit::passes::PIPELINE.iter().collect(),
                    };
                    if print_after_all {
                        println!(";; built\n{}", function.ir(source)?);
                    }
                    let ir = function.ir_after(source, &selected, |pass, ir| {
                        if print_after_all {
                            println!(";; after {}\n{ir}", pass.name);
                        }
                    })?;
                    if !print_after_all {
                        print!("{ir}");
                    }
                }
                EmitWhat::C => print!("{}", function.c_source(source)?),
            }
            Ok(())
        }
        Command::Cache { action } => {
            let dir = pyjit::user_cache_dir().ok_or_else(|| {
                Failure::Other(
                    "error: no cache directory: set PYJIT_CACHE_DIR, XDG_CACHE_HOME or HOME"
                        .to_owned(),
                )
            })?;
            match action {
                CacheAction::Dir => println!("{}", dir.display()),
                CacheAction::Stats | CacheAction::Clear => {
                    let jit = Jit::new(Options {
                        cache: CacheLocation::Directory(dir.clone()),
                        ..Options::default()
                    })?;
                    let cache = jit.cache();
                    if matches!(action, CacheAction::Stats) {
                        let stats = cache.stats().map_err(Error::Toolchain)?;
                        println!(
                            "{}: {} libraries, {} bytes",
                            dir.display(),
                            stats.libraries,
                            stats.bytes
                        );
                    } else {
                        let removed = cache.clear().map_err(Error::Toolchain)?;
                        println!("removed {removed} libraries from {}", dir.display());
                    }
                }
            }
            Ok(())
        }
    }
}

/// A bad command-line argument: exit 2 with the reason.
fn argument_error(reason: String) -> Failure {
    Failure::Other(format!("error: {reason}"))
}

/// The arguments as Python literals, and the types they give.
fn parse_args(args: &[String]) -> Result<(Vec<Literal>, Vec<pyjit::Type>), Failure> {
    let literals: Vec<Literal> = args
        .iter()
        .map(|a| Literal::parse(a))
        .collect::<Result<_, _>>()
        .map_err(argument_error)?;
    let types = literals
        .iter()
        .map(Literal::ty)
        .collect::<Result<_, _>>()
        .map_err(argument_error)?;
    Ok((literals, types))
}

fn print_stats(compiled: &pyjit::Compiled, run: Duration) {
    let t = compiled.timings();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let why = compiled.complexity().map_or_else(String::new, |c| {
        format!(
            ", auto: complexity {} ({} loops, {} calls, {} binary operations, {} statements)",
            c.score(),
            c.loops,
            c.calls,
            c.binary_ops,
            c.statements
        )
    });
    eprintln!(
        "tier: {}{why} ({})",
        compiled.tier().name(),
        compiled.compiler().trim()
    );
    eprintln!("parse: {:.3} ms", ms(t.parse));
    eprintln!("check: {:.3} ms", ms(t.check));
    if compiled.tier() == Tier::Optimized {
        eprintln!("ir: {:.3} ms", ms(t.ir));
        eprintln!("passes: {:.3} ms", ms(t.passes));
        for (name, time) in compiled.pass_times() {
            eprintln!("  {name}: {:.3} ms", ms(*time));
        }
    }
    eprintln!("codegen: {:.3} ms", ms(t.codegen));
    eprintln!("c compile: {:.3} ms", ms(t.c_compile));
    eprintln!("load: {:.3} ms", ms(t.load));
    eprintln!("run: {:.3} ms", ms(run));
    let cache = match compiled.origin() {
        Origin::Process => "hit (already loaded)",
        Origin::Disk => "hit (loaded from disk)",
        Origin::Built => "miss (compiled now)",
    };
    eprintln!("cache: {cache}");
}
