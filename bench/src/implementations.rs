//! The implementations a case runs on: the C reference and three pyjit
//! configurations, each compiled once per case and called the same way.

use std::sync::Arc;
use std::time::{Duration, Instant};

use pyjit::{Arg, Compiled, Jit, Module, Options, SignatureSource, Tier, Type, Value};

use crate::cases::{Case, Inputs, Outcome, Ret};
use crate::reference::{CallC, Reference};
use crate::{KERNELS_FILE, KERNELS_SOURCE};

/// One column of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Implementation {
    /// The hand-written C.
    C,
    /// The hand-written C built by the fast tier's compiler (tcc): the
    /// fast tier's yardstick.
    CFast,
    /// pyjit's fast tier (tcc when installed, else `cc -O1`).
    Fast,
    /// pyjit's optimizing tier, every check on (the default).
    Optimized,
    /// The optimizing tier with `Options { boundscheck: false, .. }`.
    OptimizedUnchecked,
}

impl Implementation {
    /// Every implementation, in table order.
    pub const ALL: [Implementation; 5] = [
        Implementation::C,
        Implementation::CFast,
        Implementation::Fast,
        Implementation::Optimized,
        Implementation::OptimizedUnchecked,
    ];

    /// The pyjit configurations.
    pub const PYJIT: [Implementation; 3] = [
        Implementation::Fast,
        Implementation::Optimized,
        Implementation::OptimizedUnchecked,
    ];

    /// The column heading.
    pub fn label(self) -> &'static str {
        match self {
            Implementation::C => "C",
            Implementation::CFast => "C (tcc)",
            Implementation::Fast => "fast",
            Implementation::Optimized => "optimized",
            Implementation::OptimizedUnchecked => "opt. unchecked",
        }
    }

    /// The implementations this machine has, in table order: all but
    /// the C built by tcc when tcc is missing.
    pub fn available(reference: &Reference) -> Vec<Implementation> {
        Implementation::ALL
            .into_iter()
            .filter(|&i| i != Implementation::CFast || reference.has_fast())
            .collect()
    }

    /// The pyjit options of a pyjit configuration (`None` for C).
    pub fn options(self) -> Option<Options> {
        let (tier, boundscheck) = match self {
            Implementation::C | Implementation::CFast => return None,
            Implementation::Fast => (Tier::Fast, true),
            Implementation::Optimized => (Tier::Optimized, true),
            Implementation::OptimizedUnchecked => (Tier::Optimized, false),
        };
        Some(Options {
            tier,
            boundscheck,
            ..Options::default()
        })
    }
}

/// The kernels' module for each pyjit configuration: one `Jit` (and its
/// private cache) per configuration, for the whole run.
pub struct Pyjits(Vec<(Implementation, Module)>);

impl Pyjits {
    /// A `Jit` per pyjit configuration, each with the kernels loaded.
    pub fn new() -> Result<Pyjits, String> {
        Pyjits::from_source(KERNELS_SOURCE)
    }

    /// A `Jit` per pyjit configuration, each with `source` loaded in place
    /// of the kernels (for testing the harness).
    pub fn from_source(source: &str) -> Result<Pyjits, String> {
        let mut modules = Vec::new();
        for implementation in Implementation::PYJIT {
            let options = implementation.options().expect("a pyjit configuration");
            let jit = Jit::new(options).map_err(|e| e.to_string())?;
            let module = jit
                .load_source(KERNELS_FILE, source)
                .map_err(|e| e.to_string())?;
            modules.push((implementation, module));
        }
        Ok(Pyjits(modules))
    }

    /// Compile `case`'s function for its argument types with
    /// `implementation`'s configuration.
    pub fn compile(
        &self,
        implementation: Implementation,
        case: &Case,
    ) -> Result<Arc<Compiled>, String> {
        let (_, module) = self
            .0
            .iter()
            .find(|(i, _)| *i == implementation)
            .ok_or_else(|| format!("{} is not a pyjit configuration", implementation.label()))?;
        let types = argument_types(case);
        module
            .function(case.function)
            .and_then(|f| f.compile(SignatureSource::Arguments(&types)))
            .map_err(|e| e.to_string())
    }
}

/// The pyjit types of a case's arguments.
pub fn argument_types(case: &Case) -> Vec<Type> {
    Inputs::new(case).args().iter().map(Arg::ty).collect()
}

/// Something to call with a case's arguments.
pub enum Callable<'lib> {
    /// A C reference.
    C(CallC<'lib>),
    /// A compiled pyjit specialization.
    Pyjit(Arc<Compiled>),
}

impl std::fmt::Debug for Callable<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Callable::C(_) => f.write_str("Callable::C"),
            Callable::Pyjit(compiled) => f.debug_tuple("Callable::Pyjit").field(compiled).finish(),
        }
    }
}

impl<'lib> Callable<'lib> {
    /// The callable of `implementation` for `case`.
    pub fn new(
        implementation: Implementation,
        case: &Case,
        reference: &'lib Reference,
        pyjits: &Pyjits,
    ) -> Result<Callable<'lib>, String> {
        match implementation {
            Implementation::C => reference.function(case.function).map(Callable::C),
            Implementation::CFast => reference.fast_function(case.function).map(Callable::C),
            _ => pyjits.compile(implementation, case).map(Callable::Pyjit),
        }
    }

    /// Call once with `inputs`.
    pub fn call(&self, inputs: &mut Inputs) -> Result<Ret, String> {
        match self {
            Callable::C(call) => Ok(call(inputs)),
            Callable::Pyjit(compiled) => {
                let value = compiled
                    .call_with_output(&inputs.args(), &mut std::io::sink())
                    .map_err(|e| e.to_string())?;
                match value {
                    Value::None => Ok(Ret::None),
                    Value::Int(v) => Ok(Ret::Int(v)),
                    Value::Float(v) => Ok(Ret::Float(v)),
                    other => Err(format!("unexpected return value {other:?}")),
                }
            }
        }
    }

    /// Call once with fresh arguments of `case`; what the call left.
    pub fn outcome(&self, case: &Case) -> Result<Outcome, String> {
        let mut state = Inputs::new(case);
        let ret = self.call(&mut state)?;
        Ok(Outcome { ret, state })
    }

    /// The time of `reps` calls with `inputs`. With `pristine`, the
    /// arrays are restored from it before each call, and only the calls
    /// are timed.
    pub fn time(
        &self,
        inputs: &mut Inputs,
        reps: u64,
        pristine: Option<&Inputs>,
    ) -> Result<Duration, String> {
        if let Some(pristine) = pristine {
            let mut total = Duration::ZERO;
            for _ in 0..reps {
                inputs.restore(pristine);
                total += self.time_calls(inputs, 1)?;
            }
            return Ok(total);
        }
        self.time_calls(inputs, reps)
    }

    fn time_calls(&self, inputs: &mut Inputs, reps: u64) -> Result<Duration, String> {
        match self {
            Callable::C(call) => {
                let start = Instant::now();
                for _ in 0..reps {
                    std::hint::black_box(call(inputs));
                }
                Ok(start.elapsed())
            }
            Callable::Pyjit(compiled) => {
                // The arguments are lowered by every call, as for any
                // caller; only building the `Arg` list is left out.
                let args = inputs.args();
                let mut sink = std::io::sink();
                let start = Instant::now();
                for _ in 0..reps {
                    let value = compiled
                        .call_with_output(&args, &mut sink)
                        .map_err(|e| e.to_string())?;
                    std::hint::black_box(value);
                }
                Ok(start.elapsed())
            }
        }
    }
}
