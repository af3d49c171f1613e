//! The compiler object, modules, functions and their compiled
//! specializations.

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use pyjit_frontend::typed::Program;
use pyjit_frontend::types::{Scalar, Type};
use pyjit_frontend::{Module as SourceModule, Signature, SignatureSource, SourceFile};
use pyjit_runtime::abi::{Array as RawArray, Value as RawValue};
use pyjit_runtime::{Cache, Library, Origin, Profile, Toolchain};

use crate::dispatch::Complexity;
use crate::error::{Error, PyException};
use crate::host;
use crate::options::{CacheLocation, Options, Tier};
use crate::value::{Arg, Array, ArrayData, Value};

/// The pyjit version, part of every cache key.
const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The time each phase of one compilation took.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Timings {
    /// Reading and splitting the source (once per module).
    pub parse: Duration,
    /// Parsing the functions reached, resolving names, checking types.
    pub check: Duration,
    /// Building the optimizing tier's IR (zero for the fast tier).
    pub ir: Duration,
    /// Running the optimizing tier's passes (zero for the fast tier).
    pub passes: Duration,
    /// Generating C.
    pub codegen: Duration,
    /// Running the C compiler (zero on a cache hit).
    pub c_compile: Duration,
    /// Loading the library.
    pub load: Duration,
    /// Whether the library came from the cache.
    pub cache_hit: bool,
}

/// Counters over the life of a [`Jit`].
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Stats {
    /// Specializations compiled by the fast tier.
    pub fast_compilations: u64,
    /// Specializations compiled by the optimizing tier.
    pub optimized_compilations: u64,
    /// Specializations whose library came from the on-disk cache.
    pub cache_hits: u64,
    /// Total time per phase.
    pub total: Timings,
}

struct Inner {
    options: Options,
    cache: Cache,
    toolchain: OnceLock<Result<Toolchain, pyjit_runtime::Error>>,
    stats: Mutex<Stats>,
}

/// The compiler: options, the cache, the C compilers. Cheap to clone.
#[derive(Clone)]
pub struct Jit(Arc<Inner>);

impl std::fmt::Debug for Jit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Jit")
            .field("options", &self.0.options)
            .field("cache", &self.0.cache.dir())
            .finish()
    }
}

impl Jit {
    /// A compiler with these options. Opens the cache directory; C
    /// compilers are looked for at the first compilation.
    pub fn new(options: Options) -> Result<Jit, Error> {
        let cache = match &options.cache {
            CacheLocation::Temporary => Cache::temporary()?,
            CacheLocation::Directory(dir) => Cache::open(dir)?,
        };
        Ok(Jit(Arc::new(Inner {
            options,
            cache,
            toolchain: OnceLock::new(),
            stats: Mutex::new(Stats::default()),
        })))
    }

    /// The options.
    pub fn options(&self) -> &Options {
        &self.0.options
    }

    /// The cache.
    pub fn cache(&self) -> &Cache {
        &self.0.cache
    }

    /// Counters so far.
    pub fn stats(&self) -> Stats {
        *self.0.stats.lock().expect("no panics while locked")
    }

    /// The C compilers.
    pub fn toolchain(&self) -> Result<&Toolchain, Error> {
        let found = self
            .0
            .toolchain
            .get_or_init(|| Toolchain::discover(&self.0.options.compilers));
        found.as_ref().map_err(|e| Error::Toolchain(e.clone()))
    }

    /// Load a Python file.
    pub fn load_file(&self, path: impl AsRef<Path>) -> Result<Module, Error> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|source| Error::Read {
            path: path.display().to_string(),
            source,
        })?;
        let start = Instant::now();
        let source = SourceFile::from_bytes(path.display().to_string(), &bytes)?;
        self.module(source, start)
    }

    /// Load Python source text, shown in diagnostics under `name`.
    pub fn load_source(&self, name: &str, text: &str) -> Result<Module, Error> {
        let start = Instant::now();
        self.module(SourceFile::new(name, text), start)
    }

    fn module(&self, source: Arc<SourceFile>, start: Instant) -> Result<Module, Error> {
        let module = SourceModule::new(source)?;
        Ok(Module(Arc::new(ModuleInner {
            jit: self.clone(),
            module,
            parse: start.elapsed(),
            compiled: Mutex::new(HashMap::new()),
        })))
    }
}

struct ModuleInner {
    jit: Jit,
    module: SourceModule,
    parse: Duration,
    /// One slot per specialization; a thread compiling it holds the slot's
    /// lock, so others asking for the same one wait instead of compiling it
    /// again.
    compiled: Mutex<HashMap<(String, Signature), Arc<Slot>>>,
}

/// A specialization, once compiled.
type Slot = Mutex<Option<Arc<Compiled>>>;

/// A loaded Python file. Cheap to clone.
#[derive(Clone)]
pub struct Module(Arc<ModuleInner>);

impl Module {
    /// The function `name`, if the file defines it.
    pub fn function(&self, name: &str) -> Result<Function, Error> {
        self.0.module.function(name)?;
        Ok(Function {
            module: self.clone(),
            name: name.to_owned(),
        })
    }

    /// The names of the file's top-level functions.
    pub fn function_names(&self) -> Vec<String> {
        self.0.module.function_names().map(str::to_owned).collect()
    }

    /// The frontend's view of the file.
    pub fn source_module(&self) -> &SourceModule {
        &self.0.module
    }
}

/// A function of a module, compiled on demand for each argument-type tuple.
#[derive(Clone)]
pub struct Function {
    module: Module,
    name: String,
}

impl Function {
    /// The name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Call with `args`, compiling for their types on first use; `print`
    /// goes to standard output.
    pub fn call(&self, args: &[Arg<'_>]) -> Result<Value, Error> {
        self.call_with_output(args, &mut std::io::stdout())
    }

    /// Call with `args`; `print` goes to `out`.
    pub fn call_with_output(&self, args: &[Arg<'_>], out: &mut dyn Write) -> Result<Value, Error> {
        let types: Vec<Type> = args.iter().map(Arg::ty).collect();
        let compiled = self.compile(SignatureSource::Arguments(&types))?;
        compiled.call_with_output(args, out)
    }

    /// Compile for a Numba-style signature string, such as
    /// `"float64(float64[:], int64)"`.
    pub fn compile_signature(&self, signature: &str) -> Result<Arc<Compiled>, Error> {
        let signature = Signature::parse(signature)?;
        self.compile(SignatureSource::Explicit(&signature))
    }

    /// Compile for the function's annotations.
    pub fn compile_annotated(&self) -> Result<Arc<Compiled>, Error> {
        self.compile(SignatureSource::Annotations)
    }

    /// The typed program for a signature, without compiling it.
    pub fn check(&self, source: SignatureSource<'_>) -> Result<Program, Error> {
        let signature =
            pyjit_frontend::resolve_signature(&self.module.0.module, &self.name, source)?;
        Ok(pyjit_frontend::check(
            &self.module.0.module,
            &self.name,
            &signature,
        )?)
    }

    /// The C text for a signature, from the `Jit`'s tier (for `auto`, the
    /// tier it chooses).
    pub fn c_source(&self, source: SignatureSource<'_>) -> Result<String, Error> {
        let program = self.check(source)?;
        let options = self.module.0.jit.options();
        let (tier, _) = choose_tier(&self.module.0.module, &program, options);
        Ok(generate_c(&program, options, tier)?.c_text)
    }

    /// The optimizing tier's IR for a signature, as built.
    pub fn ir(&self, source: SignatureSource<'_>) -> Result<pyjit_ir::Program, Error> {
        let program = self.check(source)?;
        Ok(build_ir(&program, self.module.0.jit.options()))
    }

    /// The optimizing tier's IR for a signature after `passes` (in that
    /// order; [`pyjit_passes::select`] checks an order), calling `after`
    /// with the IR after each.
    pub fn ir_after(
        &self,
        source: SignatureSource<'_>,
        passes: &[&'static pyjit_passes::Pass],
        after: impl FnMut(&pyjit_passes::Pass, &pyjit_ir::Program),
    ) -> Result<pyjit_ir::Program, Error> {
        let mut ir = self.ir(source)?;
        pyjit_passes::run_pipeline(&mut ir, passes, cfg!(debug_assertions), after)
            .map_err(|e| Error::Internal(e.to_string()))?;
        Ok(ir)
    }

    /// The compiled specialization for a signature source, compiled now if
    /// it is not yet (one per parameter-type tuple, kept in memory).
    pub fn compile(&self, source: SignatureSource<'_>) -> Result<Arc<Compiled>, Error> {
        let inner = &self.module.0;
        let jit = &inner.jit;
        let start = Instant::now();
        let signature = pyjit_frontend::resolve_signature(&inner.module, &self.name, source)?;
        let key = (self.name.clone(), signature.clone());
        let slot = inner
            .compiled
            .lock()
            .expect("no panics while locked")
            .entry(key)
            .or_default()
            .clone();
        let mut slot = slot.lock().expect("no panics while locked");
        if let Some(compiled) = &*slot {
            return Ok(compiled.clone());
        }
        let program = pyjit_frontend::check(&inner.module, &self.name, &signature)?;
        let check = start.elapsed();
        let (tier, complexity) = choose_tier(&inner.module, &program, jit.options());
        let generated = generate_c(&program, jit.options(), tier)?;
        let c_text = generated.c_text;
        let codegen = generated.codegen;
        let toolchain = jit.toolchain()?;
        let profile = match tier {
            Tier::Optimized => Profile::Optimized,
            Tier::Fast | Tier::Auto => Profile::Fast,
        };
        let invocation = toolchain.invocation(profile);
        let cache_key = Cache::key(&c_text, &invocation, VERSION);
        let fetched = jit.cache().library(&cache_key, &c_text, &invocation)?;
        let cache_hit = fetched.origin != Origin::Built;
        let timings = Timings {
            parse: inner.parse,
            check,
            ir: generated.ir,
            passes: generated.passes,
            codegen,
            c_compile: fetched.compile,
            load: fetched.load,
            cache_hit,
        };
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        let summary = format!(
            "{}{}: {} tier{}, {}: check {:.2} ms, {}codegen {:.2} ms, C {:.2} ms, load {:.2} ms ({})",
            self.name,
            program.entry().signature(),
            tier.name(),
            complexity.map_or_else(String::new, |c| format!(
                " (auto: complexity {} {} {})",
                c.score(),
                if tier == Tier::Fast { "<" } else { ">=" },
                jit.options().auto_threshold
            )),
            invocation.describe(),
            ms(check),
            if tier == Tier::Optimized {
                format!(
                    "ir {:.3} ms, passes {:.3} ms, ",
                    ms(generated.ir),
                    ms(generated.passes)
                )
            } else {
                String::new()
            },
            ms(codegen),
            ms(fetched.compile),
            ms(fetched.load),
            match fetched.origin {
                Origin::Process => "already loaded",
                Origin::Disk => "from the disk cache",
                Origin::Built => "compiled now",
            }
        );
        tracing::debug!("{summary}");
        if jit.options().verbose {
            #[allow(clippy::print_stderr)] // the option asks for it
            {
                eprintln!("pyjit: {summary}");
            }
        }
        {
            let mut stats = jit.0.stats.lock().expect("no panics while locked");
            match tier {
                Tier::Optimized => stats.optimized_compilations += 1,
                Tier::Fast | Tier::Auto => stats.fast_compilations += 1,
            }
            stats.cache_hits += u64::from(cache_hit);
            stats.total.parse += timings.parse;
            stats.total.check += timings.check;
            stats.total.ir += timings.ir;
            stats.total.passes += timings.passes;
            stats.total.codegen += timings.codegen;
            stats.total.c_compile += timings.c_compile;
            stats.total.load += timings.load;
        }
        let entry = program.entry();
        let compiled = Arc::new(Compiled {
            name: self.name.clone(),
            file: inner.module.source().name().to_owned(),
            params: entry.param_types(),
            param_names: entry
                .params
                .iter()
                .map(|&p| entry.local(p).name.clone())
                .collect(),
            ret: entry.ret,
            written: crate::written::written_params(&program),
            recursive: pyjit_codegen_c::direct::has_recursion(&program),
            library: fetched.library,
            origin: fetched.origin,
            max_depth: jit.options().max_recursion_depth,
            tier,
            complexity,
            compiler: invocation.describe(),
            timings,
            pass_times: generated.pass_times,
        });
        *slot = Some(compiled.clone());
        Ok(compiled)
    }
}

/// C for a typed program, and the time each step took.
struct Generated {
    c_text: String,
    ir: Duration,
    passes: Duration,
    pass_times: Vec<(&'static str, Duration)>,
    codegen: Duration,
}

/// The optimizing tier's IR of a typed program, as built.
fn build_ir(program: &Program, options: &Options) -> pyjit_ir::Program {
    pyjit_ir::build::build_program(
        program,
        pyjit_ir::build::BuildOptions {
            boundscheck: options.boundscheck,
        },
    )
}

/// The tier that compiles `program`: the options' own, or for `auto` the
/// one its complexity chooses (and that complexity).
fn choose_tier(
    module: &SourceModule,
    program: &Program,
    options: &Options,
) -> (Tier, Option<Complexity>) {
    match options.tier {
        Tier::Auto => {
            let complexity = Complexity::of_program(module, program);
            let tier = if complexity.score() < options.auto_threshold {
                Tier::Fast
            } else {
                Tier::Optimized
            };
            (tier, Some(complexity))
        }
        tier => (tier, None),
    }
}

/// C for a typed program by `tier` (fast or optimized). The optimizing
/// tier verifies the IR after every pass in debug builds.
fn generate_c(program: &Program, options: &Options, tier: Tier) -> Result<Generated, Error> {
    match tier {
        Tier::Fast | Tier::Auto => {
            let start = Instant::now();
            let c_text = pyjit_codegen_c::emit(
                program,
                &pyjit_codegen_c::Options {
                    boundscheck: options.boundscheck,
                },
            );
            Ok(Generated {
                c_text,
                ir: Duration::ZERO,
                passes: Duration::ZERO,
                pass_times: Vec::new(),
                codegen: start.elapsed(),
            })
        }
        Tier::Optimized => {
            let start = Instant::now();
            let mut ir = build_ir(program, options);
            let ir_time = start.elapsed();
            let start = Instant::now();
            let passes: Vec<&'static pyjit_passes::Pass> = pyjit_passes::PIPELINE.iter().collect();
            let times =
                pyjit_passes::run_pipeline(&mut ir, &passes, cfg!(debug_assertions), |_, _| {})
                    .map_err(|e| Error::Internal(e.to_string()))?;
            let passes_time = start.elapsed();
            let start = Instant::now();
            let c_text = pyjit_codegen_c::emit_ir(&ir);
            Ok(Generated {
                c_text,
                ir: ir_time,
                passes: passes_time,
                pass_times: times.times,
                codegen: start.elapsed(),
            })
        }
    }
}

/// One compiled specialization, ready to call.
pub struct Compiled {
    name: String,
    file: String,
    params: Vec<Type>,
    param_names: Vec<String>,
    ret: Type,
    written: Vec<bool>,
    recursive: bool,
    library: Arc<Library>,
    origin: Origin,
    max_depth: i64,
    tier: Tier,
    compiler: String,
    complexity: Option<Complexity>,
    timings: Timings,
    pass_times: Vec<(&'static str, Duration)>,
}

impl std::fmt::Debug for Compiled {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Compiled")
            .field("name", &self.name)
            .field("params", &self.params)
            .field("ret", &self.ret)
            .finish()
    }
}

impl Compiled {
    /// Parameter types.
    pub fn params(&self) -> &[Type] {
        &self.params
    }

    /// Return type.
    pub fn ret(&self) -> Type {
        self.ret
    }

    /// The tier that compiled it.
    pub fn tier(&self) -> Tier {
        self.tier
    }

    /// The C compiler and flags used.
    pub fn compiler(&self) -> &str {
        &self.compiler
    }

    /// Where the library came from: this process, the disk cache, or the
    /// C compiler just now.
    pub fn origin(&self) -> Origin {
        self.origin
    }

    /// For a `Jit` with the `auto` tier, the complexity that chose
    /// [`Compiled::tier`].
    pub fn complexity(&self) -> Option<Complexity> {
        self.complexity
    }

    /// The time each optimizing pass took (empty for the fast tier).
    pub fn pass_times(&self) -> &[(&'static str, Duration)] {
        &self.pass_times
    }

    /// How long each phase took.
    pub fn timings(&self) -> Timings {
        self.timings
    }

    /// The library it lives in.
    pub fn library_path(&self) -> &Path {
        self.library.path()
    }

    /// Call; `print` goes to standard output.
    pub fn call(&self, args: &[Arg<'_>]) -> Result<Value, Error> {
        self.call_with_output(args, &mut std::io::stdout())
    }

    /// Call; `print` goes to `out`. Scalar arguments convert to the
    /// parameter types as Python numbers do (an `int` for a `float`
    /// parameter); arrays must have the parameter's type exactly.
    pub fn call_with_output(&self, args: &[Arg<'_>], out: &mut dyn Write) -> Result<Value, Error> {
        if args.len() != self.params.len() {
            return Err(Error::Argument(format!(
                "`{}` takes {} argument{} but {} {} given",
                self.name,
                self.params.len(),
                if self.params.len() == 1 { "" } else { "s" },
                args.len(),
                if args.len() == 1 { "was" } else { "were" }
            )));
        }
        let mut raw = Vec::with_capacity(args.len());
        for (i, (arg, &ty)) in args.iter().zip(&self.params).enumerate() {
            raw.push(self.lower(i, arg, ty)?);
        }
        // SAFETY: `raw` matches the compiled parameter types (checked
        // above); arrays borrow live slices for the duration of the call,
        // and those the code may write were passed as `&mut`.
        let result = unsafe {
            host::call(
                self.library.entry(),
                &raw,
                self.recursive,
                self.max_depth,
                out,
            )
        };
        match result {
            Ok(value) => Ok(self.lift(value)),
            Err(raised) => Err(Error::Runtime(PyException {
                kind: raised.kind,
                message: raised.message,
                line: raised.line,
                file: self.file.clone(),
            })),
        }
    }

    fn lower(&self, i: usize, arg: &Arg<'_>, ty: Type) -> Result<RawValue, Error> {
        let mismatch = || {
            Error::Argument(format!(
                "argument {} (`{}`) of `{}` is `{}`, but was given `{}`",
                i + 1,
                self.param_names[i],
                self.name,
                ty,
                arg.ty()
            ))
        };
        let value = match (arg, ty) {
            (Arg::Array(a), Type::Array(t)) => {
                if a.ty() != ty {
                    return Err(mismatch());
                }
                if self.written[i] && !a.writable {
                    return Err(Error::Argument(format!(
                        "argument {} (`{}`) of `{}` may be written by the compiled code; pass it as a mutable slice",
                        i + 1,
                        self.param_names[i],
                        self.name
                    )));
                }
                let _ = t;
                RawValue {
                    array: RawArray {
                        data: a.data.cast(),
                        shape: [a.shape[0] as i64, a.shape[1] as i64],
                        owner: std::ptr::null_mut(),
                    },
                }
            }
            (Arg::Array(_), _) | (_, Type::Array(_)) | (_, Type::None) => return Err(mismatch()),
            (arg, Type::Scalar(s)) => scalar_slot(arg, s).ok_or_else(mismatch)?,
        };
        Ok(value)
    }

    fn lift(&self, value: RawValue) -> Value {
        // SAFETY: the entry function wrote the field of its return type.
        unsafe {
            match self.ret {
                Type::None => Value::None,
                Type::Scalar(Scalar::Bool) => Value::Bool(value.b != 0),
                Type::Scalar(Scalar::Int32) => Value::Int32(value.i32),
                Type::Scalar(Scalar::Int64) => Value::Int(value.i64),
                Type::Scalar(Scalar::Float32) => Value::Float32(value.f32),
                Type::Scalar(Scalar::Float64) => Value::Float(value.f64),
                Type::Array(a) => {
                    let raw = value.array;
                    let rows = raw.shape[0].max(0) as usize;
                    let cols = raw.shape[1].max(0) as usize;
                    let count = rows * cols;
                    let data = raw.data as *const u8;
                    let copy = |size: usize| std::slice::from_raw_parts(data, count * size);
                    let data = match a.elem {
                        Scalar::Float64 => ArrayData::Float64(
                            copy(8)
                                .chunks_exact(8)
                                .map(|c| f64::from_ne_bytes(c.try_into().unwrap()))
                                .collect(),
                        ),
                        Scalar::Float32 => ArrayData::Float32(
                            copy(4)
                                .chunks_exact(4)
                                .map(|c| f32::from_ne_bytes(c.try_into().unwrap()))
                                .collect(),
                        ),
                        Scalar::Int64 => ArrayData::Int64(
                            copy(8)
                                .chunks_exact(8)
                                .map(|c| i64::from_ne_bytes(c.try_into().unwrap()))
                                .collect(),
                        ),
                        Scalar::Int32 => ArrayData::Int32(
                            copy(4)
                                .chunks_exact(4)
                                .map(|c| i32::from_ne_bytes(c.try_into().unwrap()))
                                .collect(),
                        ),
                        Scalar::Bool => ArrayData::Bool(copy(1).iter().map(|&b| b != 0).collect()),
                    };
                    // The array is ours now: one reference, freed here.
                    host::release(raw.owner);
                    let shape = if a.ndim == 1 {
                        vec![rows]
                    } else {
                        vec![rows, cols]
                    };
                    Value::Array(Array { shape, data })
                }
            }
        }
    }
}

/// A scalar argument in a slot of type `s`, converting as Python numbers
/// convert: bool to int to float, and int32/float32 widening; `None` for a
/// conversion that would lose information.
fn scalar_slot(arg: &Arg<'_>, s: Scalar) -> Option<RawValue> {
    let as_f64 = match *arg {
        Arg::Bool(b) => f64::from(u8::from(b)),
        Arg::Int(i) => i as f64,
        Arg::Int32(i) => f64::from(i),
        Arg::Float(f) => f,
        Arg::Float32(f) => f64::from(f),
        Arg::Array(_) => return None,
    };
    let integral = |arg: &Arg<'_>| match *arg {
        Arg::Bool(b) => Some(i64::from(b)),
        Arg::Int(i) => Some(i),
        Arg::Int32(i) => Some(i64::from(i)),
        _ => None,
    };
    Some(match s {
        Scalar::Bool => match *arg {
            Arg::Bool(b) => RawValue { b: u8::from(b) },
            _ => return None,
        },
        Scalar::Int64 => RawValue {
            i64: integral(arg)?,
        },
        Scalar::Int32 => RawValue {
            i32: i32::try_from(integral(arg)?).ok()?,
        },
        Scalar::Float64 => RawValue { f64: as_f64 },
        Scalar::Float32 => RawValue { f32: as_f64 as f32 },
    })
}
