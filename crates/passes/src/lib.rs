//! pyjit's IR passes and the one table that orders them.
//!
//! A pass is a plain function over one [`Function`], in a file named after
//! it whose `//!` paragraph says what it needs and what it guarantees.
//! [`PIPELINE`] lists them in order, with a comment on why each entry sits
//! where it does; there is no pass manager. [`run_pipeline`] runs a
//! selection of the table over a program and, in tests and debug builds,
//! the verifier after every pass.

use std::time::{Duration, Instant};

use pyjit_frontend::Span;
use pyjit_ir::verify::{Phase, verify};
use pyjit_ir::{BlockId, Function, InstKind, Program};

pub mod check_elimination;
pub mod const_fold;
pub mod dce;
pub mod inline;
pub mod licm;
pub mod loops;
pub mod phi_elimination;
pub mod type_inference;
pub mod value_ranges;

/// What a pass did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PassReport {
    /// Whether it changed the function.
    pub changed: bool,
}

impl PassReport {
    /// A report of whether the pass changed anything.
    pub fn changed(changed: bool) -> PassReport {
        PassReport { changed }
    }
}

/// A program a pass cannot handle (only type inference fails: a value
/// whose type cannot be decided).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PassError {
    /// What is wrong, naming values as the text format does.
    pub message: String,
    /// The Python source concerned.
    pub span: Span,
}

impl std::fmt::Display for PassError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for PassError {}

/// One entry of the pipeline.
#[derive(Clone, Copy, Debug)]
pub struct Pass {
    /// Its name on the command line (`--passes`).
    pub name: &'static str,
    /// What it does, in a line.
    pub summary: &'static str,
    /// The pass.
    pub run: Run,
    /// The phase the function must be in before it.
    pub needs: Phase,
    /// The phase the function is in after it, for the verifier.
    pub phase_after: Phase,
}

/// What a pass works on.
#[derive(Clone, Copy, Debug)]
pub enum Run {
    /// One function at a time, knowing nothing of the others.
    Function(fn(&mut Function) -> Result<PassReport, PassError>),
    /// The whole program (inlining reads the callees).
    Program(fn(&mut Program) -> Result<PassReport, PassError>),
}

/// The passes in the order they run.
pub static PIPELINE: &[Pass] = &[
    // First: every later pass reads types (constant folding evaluates by
    // them, phi elimination copies values of them).
    Pass {
        name: "type-inference",
        summary: "decide every value's type and make conversions explicit",
        run: Run::Function(type_inference::run),
        needs: Phase::Built,
        phase_after: Phase::Typed,
    },
    // After type inference: folding needs each value's type to know the
    // rules of its operation. Before dead code elimination, because folding
    // a branch on a constant is what makes blocks unreachable.
    Pass {
        name: "const-fold",
        summary: "fold operations on constants and branches on constants",
        run: Run::Function(const_fold::run),
        needs: Phase::Typed,
        phase_after: Phase::Typed,
    },
    // After constant folding, so that a callee's body is folded once, not
    // in every copy. Before the passes that reason about loops: a loop
    // calling a small function then holds its arithmetic.
    Pass {
        name: "inline",
        summary: "replace calls of small leaf functions by a copy of their body",
        run: Run::Program(inline::run),
        needs: Phase::Typed,
        phase_after: Phase::Typed,
    },
    // After constant folding, whose constants bound the ranges (`+ eps`).
    Pass {
        name: "value-ranges",
        summary: "drop zero-division and math.sqrt checks that float ranges prove unnecessary",
        run: Run::Function(value_ranges::run),
        needs: Phase::Typed,
        phase_after: Phase::Typed,
    },
    // After constant folding, so that the constants of a loop go with the
    // arithmetic using them. Before check elimination, which evaluates a
    // guard before the outermost loop whose values it reads are defined
    // before it: hoisted, an inner loop's bound is one of those.
    Pass {
        name: "licm",
        summary: "move loop-invariant instructions that cannot raise to the loop's preheader",
        run: Run::Function(licm::run),
        needs: Phase::Typed,
        phase_after: Phase::Typed,
    },
    // After constant folding, whose constants it reads (a constant step
    // makes a range's variable known); on SSA, where a loop's variables
    // are its header's phis. Before dead code elimination, which removes
    // what versioning leaves unused.
    Pass {
        name: "check-elimination",
        summary: "drop index and zero-division checks loop ranges prove, copying a loop behind a guard when the proof needs one",
        run: Run::Function(check_elimination::run),
        needs: Phase::Typed,
        phase_after: Phase::Typed,
    },
    // After constant folding, to remove the blocks its folded branches cut
    // off and the instructions whose uses it folded away.
    Pass {
        name: "dce",
        summary: "remove unreachable blocks and unused instructions that cannot raise",
        run: Run::Function(dce::run),
        needs: Phase::Typed,
        phase_after: Phase::Typed,
    },
    // Last: C has variables but no phis, and every pass before it works on
    // SSA.
    Pass {
        name: "phi-elimination",
        summary: "out of SSA: split critical edges, sequence each edge's copies",
        run: Run::Function(phi_elimination::run),
        needs: Phase::Typed,
        phase_after: Phase::PhiFree,
    },
];

/// The pass with this name.
pub fn pass(name: &str) -> Option<&'static Pass> {
    PIPELINE.iter().find(|p| p.name == name)
}

/// The instruction defining `v`, if one does.
pub(crate) fn kind_of(func: &Function, v: pyjit_ir::ValueId) -> Option<&InstKind> {
    match func.value_def(v) {
        pyjit_ir::ValueDef::Inst(i) => Some(&func.inst(i).kind),
        _ => None,
    }
}

/// The `int64` constant `v` is, if a `const` defines it.
pub(crate) fn int_constant(func: &Function, v: pyjit_ir::ValueId) -> Option<i64> {
    match kind_of(func, v) {
        Some(InstKind::Const(pyjit_ir::Const::Int(c)))
            if func.value_type(v) == pyjit_ir::Type::INT =>
        {
            Some(*c)
        }
        _ => None,
    }
}

/// Whether `inst` may raise, as [`InstKind::can_raise`] decides from its
/// first operand's and its result's types.
pub(crate) fn may_raise(func: &Function, inst: pyjit_ir::InstId) -> bool {
    let data = func.inst(inst);
    let operand = data
        .kind
        .args()
        .first()
        .and_then(|&v| func.value_type(v).scalar());
    let result = data.result.and_then(|v| func.value_type(v).scalar());
    data.kind.can_raise(operand, result)
}

/// Drop the entries for `pred` from the phis of `block`, when the edge
/// from `pred` to `block` goes away.
pub(crate) fn drop_phi_entries(func: &mut Function, block: BlockId, pred: BlockId) {
    for inst in func.insts(block).to_vec() {
        match func.inst_kind_mut(inst) {
            InstKind::Phi { incoming } => incoming.retain(|&(from, _)| from != pred),
            // Phis come first in their block.
            _ => break,
        }
    }
}

/// The passes named in `list` (comma-separated), in that order; an error
/// names a pass that does not exist, or one that would run before what it
/// needs (`const-fold` needs `type-inference` before it).
pub fn select(list: &str) -> Result<Vec<&'static Pass>, String> {
    let mut phase = Phase::Built;
    let mut out = Vec::new();
    for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
        let Some(pass) = pass(name) else {
            let known: Vec<&str> = PIPELINE.iter().map(|p| p.name).collect();
            return Err(format!(
                "no pass is called `{name}`; the passes are {}",
                known.join(", ")
            ));
        };
        if pass.needs != phase {
            let provider = PIPELINE
                .iter()
                .find(|p| p.phase_after == pass.needs)
                .map_or("", |p| p.name);
            return Err(match phase {
                Phase::Built => format!("pass `{name}` needs `{provider}` to run before it"),
                _ => format!(
                    "pass `{name}` cannot run here: it works on {} IR, and the IR is {} by then",
                    phase_name(pass.needs),
                    phase_name(phase)
                ),
            });
        }
        phase = pass.phase_after;
        out.push(pass);
    }
    Ok(out)
}

fn phase_name(phase: Phase) -> &'static str {
    match phase {
        Phase::Built => "untyped",
        Phase::Typed => "typed SSA",
        Phase::PhiFree => "phi-free",
    }
}

/// How long each pass took, summed over the program's functions.
#[derive(Clone, Debug, Default)]
pub struct PassTimes {
    /// `(pass name, time)` in pipeline order.
    pub times: Vec<(&'static str, Duration)>,
}

/// Run `passes` (in the order given) over every function of `program`,
/// verifying after each pass when `verify_each` is set, and calling
/// `after` with the program after each pass (for `--print-after-all`).
pub fn run_pipeline(
    program: &mut Program,
    passes: &[&'static Pass],
    verify_each: bool,
    mut after: impl FnMut(&Pass, &Program),
) -> Result<PassTimes, PassError> {
    let mut times = PassTimes::default();
    for pass in passes {
        let start = Instant::now();
        match pass.run {
            Run::Function(run) => {
                for func in &mut program.functions {
                    run(func)?;
                }
            }
            Run::Program(run) => {
                run(program)?;
            }
        }
        times.times.push((pass.name, start.elapsed()));
        if verify_each {
            for func in &program.functions {
                if let Err(e) = verify(func, pass.phase_after) {
                    panic!("the IR is broken after pass `{}`:\n{e}", pass.name);
                }
            }
        }
        after(pass, program);
    }
    Ok(times)
}

#[cfg(test)]
mod tests {
    use pyjit_ir::{Const, FuncRef, InstKind, Terminator, Type};

    use super::*;

    #[test]
    fn passes_are_selected_in_an_order_that_works() {
        let names =
            |list: &str| -> Vec<&str> { select(list).unwrap().iter().map(|p| p.name).collect() };
        assert_eq!(
            names("type-inference, const-fold,dce"),
            ["type-inference", "const-fold", "dce"]
        );
        assert_eq!(
            select("const-fold").unwrap_err(),
            "pass `const-fold` needs `type-inference` to run before it"
        );
        assert_eq!(
            select("type-inference,phi-elimination,dce").unwrap_err(),
            "pass `dce` cannot run here: it works on typed SSA IR, and the IR is phi-free by then"
        );
        assert!(
            select("unroll")
                .unwrap_err()
                .starts_with("no pass is called `unroll`")
        );
    }

    #[test]
    fn the_pipeline_types_first_and_verifies_after_each_pass() {
        assert_eq!(PIPELINE[0].name, "type-inference");
        assert!(pass("type-inference").is_some());
        let mut func = Function::new(FuncRef(0), "f", &[], Type::INT);
        let entry = func.entry();
        let one = func.append(
            entry,
            InstKind::Const(Const::Int(1)),
            Type::INT,
            Span::default(),
        );
        let copy = func.append(
            entry,
            InstKind::Copy { arg: one },
            Type::Unknown,
            Span::default(),
        );
        func.set_exit(entry, Terminator::Return(Some(copy)));
        let mut program = Program {
            functions: vec![func],
            source: None,
        };
        let passes: Vec<&Pass> = PIPELINE.iter().collect();
        let mut seen = Vec::new();
        run_pipeline(&mut program, &passes, true, |pass, _| seen.push(pass.name)).unwrap();
        // Every pass ran, in table order, each verified after it.
        let names: Vec<&str> = PIPELINE.iter().map(|p| p.name).collect();
        assert_eq!(seen, names);
        assert_eq!(program.functions[0].value_type(copy), Type::INT);
    }
}
