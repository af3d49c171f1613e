//! Semantic analysis: from the syntax tree of the function asked for to a
//! [`typed::Program`](crate::typed::Program) holding it and every function
//! it reaches, each specialized for the argument types it is called with.
//!
//! # How types are found
//!
//! A *specialization* is a function together with its parameter types. The
//! entry's come from its signature; a callee's from the arguments of the
//! call (or its annotations). Return types are found by a fixpoint over all
//! specializations at once: each starts unknown (bottom), a call to a
//! specialization whose return type is unknown makes the calling expression
//! unknown too, and a function is inferred again whenever the return type
//! of one of its callees changes, until nothing changes. Recursion therefore
//! takes its return type from the non-recursive returns (`fib`'s
//! `return n` makes it `int`, and `fib(n - 1) + fib(n - 2)` then agrees).
//! Types only grow (the lattice is `bool < int < float`, arrays apart), so
//! the fixpoint ends; [`MAX_INFERENCES_PER_SPEC`] guards against a bug.
//! Only the callers of a specialization whose return type changed are
//! inferred again (a worklist), so a call chain settles in one sweep.
//!
//! Inside a function, each local has one type: the join of everything
//! assigned to it (LANGUAGE.md, deviation 2), found by the same kind of
//! fixpoint over the function body. Only when all types are known does a
//! final pass build the typed tree and report the first error.

mod annotations;
mod calls;
mod consts;
mod expr;
mod function;
mod names;
mod strings;

use rustc_hash::FxHashMap;

use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::module::{ItemKind, Module};
use crate::signature::Signature;
use crate::typed::{self, Const, FuncId};
use crate::types::Type;

pub use annotations::{SignatureSource, resolve_signature};
pub use strings::decode_string;

/// How many times, on average, each specialization may be inferred before
/// inference is declared stuck (the lattice is three levels high, so a
/// correct program needs a handful).
const MAX_INFERENCES_PER_SPEC: usize = 64;

/// The most specializations one program may have.
const MAX_SPECIALIZATIONS: usize = 1000;

/// Check the function `entry` of `module` for the parameter types of
/// `signature`, and every function it reaches.
pub fn check(
    module: &Module,
    entry: &str,
    signature: &Signature,
) -> Result<typed::Program, Diagnostic> {
    let result = ProgramChecker::new(module).run(entry, signature);
    result.map_err(|d| d.or_source(module.source()))
}

/// One function specialized for its parameter types.
struct Spec {
    item: usize,
    name: String,
    params: Vec<Type>,
    /// The return type found so far; `None` while unknown.
    ret: Option<Type>,
    /// The return type the caller asked for (an explicit signature).
    declared_ret: Option<Type>,
    /// The local types of the last inference, to start the next one from
    /// (types only grow, so they are below the next fixpoint).
    locals: Option<Vec<function::LocalState>>,
    /// Whether every value it returns is a Python scalar (weak, NEP 50).
    ret_weak: bool,
    /// Which parameters receive Python scalars (weak, NEP 50).
    weak_params: Vec<bool>,
}

/// Whether a value of this type arriving from Python is a Python scalar
/// (`int`, `float`) rather than a NumPy one.
pub(super) fn python_scalar_type(ty: Type) -> bool {
    matches!(
        ty,
        Type::Scalar(
            crate::types::Scalar::Bool
                | crate::types::Scalar::Int64
                | crate::types::Scalar::Float64
        )
    )
}

/// The state of checking one program: the specializations found so far and
/// the module constants evaluated.
pub(crate) struct ProgramChecker<'m> {
    module: &'m Module,
    specs: Vec<Spec>,
    /// Specializations by item, parameter types, and which parameters
    /// receive Python scalars (weak) rather than NumPy scalars.
    by_key: FxHashMap<(usize, Vec<Type>, Vec<bool>), usize>,
    /// The specialization being inferred, whose calls are recorded.
    current: Option<usize>,
    /// For each specialization, the specializations that call it.
    callers: Vec<rustc_hash::FxHashSet<usize>>,
    constants: FxHashMap<usize, Result<Const, Diagnostic>>,
    /// Specializations being elaborated (elaborating a callee to explain an
    /// unknown return type must not loop).
    elaborating: rustc_hash::FxHashSet<usize>,
}

impl<'m> ProgramChecker<'m> {
    fn new(module: &'m Module) -> Self {
        ProgramChecker {
            module,
            specs: Vec::new(),
            by_key: FxHashMap::default(),
            current: None,
            callers: Vec::new(),
            constants: FxHashMap::default(),
            elaborating: rustc_hash::FxHashSet::default(),
        }
    }

    fn run(mut self, entry: &str, signature: &Signature) -> Result<typed::Program, Diagnostic> {
        let item = self.function_item(entry)?;
        let def = self.module.function_at(item)?;
        let arity = def
            .params
            .iter()
            .filter(|p| p.kind != crate::ast::ParamKind::SlashMarker)
            .count();
        if signature.params.len() != arity {
            return Err(Diagnostic::new(
                DiagnosticKind::Signature,
                format!(
                    "`{entry}` takes {arity} parameter{} but the signature `{signature}` has {}",
                    annotations::plural(arity),
                    signature.params.len()
                ),
            )
            .with_label(def.header, "defined here")
            .with_help("give one type per parameter"));
        }
        self.specs.push(Spec {
            item,
            name: entry.to_owned(),
            params: signature.params.clone(),
            ret: signature.ret,
            declared_ret: signature.ret,
            locals: None,
            ret_weak: signature.ret.is_some_and(python_scalar_type),
            weak_params: Vec::new(),
        });
        // The entry's `int` and `float` arguments come from the caller as
        // Python objects.
        let weak: Vec<bool> = signature
            .params
            .iter()
            .map(|t| python_scalar_type(*t))
            .collect();
        self.specs[0].weak_params = weak.clone();
        self.by_key
            .insert((item, signature.params.clone(), weak), 0);
        self.callers.push(Default::default());
        loop {
            self.infer_to_fixpoint()?;
            let known = self.specs.len();
            let mut functions = Vec::with_capacity(known);
            for index in 0..known {
                functions.push(function::FnChecker::elaborate(&mut self, index)?);
            }
            // Elaboration sees every call with final types; if it found a
            // specialization inference had not, infer again.
            if self.specs.len() == known {
                return Ok(typed::Program {
                    source: self.module.source().clone(),
                    functions,
                });
            }
        }
    }

    /// Infer return types until none changes: a worklist of
    /// specializations, where a changed return type puts its callers back
    /// on the list. A stack, so callees found while inferring a caller are
    /// inferred before it is retried: a call chain settles in one sweep.
    fn infer_to_fixpoint(&mut self) -> Result<(), Diagnostic> {
        let mut worklist: Vec<usize> = (0..self.specs.len()).rev().collect();
        let mut queued = vec![true; self.specs.len()];
        let mut inferences = 0usize;
        while let Some(index) = worklist.pop() {
            queued[index] = false;
            inferences += 1;
            // Each return type rises at most a few times (bool < int <
            // float, or set once for arrays); this bounds a buggy loop.
            if inferences > MAX_INFERENCES_PER_SPEC * self.specs.len() {
                return Err(Diagnostic::new(
                    DiagnosticKind::Inference,
                    "type inference did not settle; this is a bug in pyjit",
                )
                .with_label(
                    self.module.function_at(self.specs[index].item)?.header,
                    "while checking this function",
                ));
            }
            let known = self.specs.len();
            self.current = Some(index);
            let ret = function::FnChecker::infer(self, index);
            self.current = None;
            let ret = ret?;
            // Newly found callees go on top, to be inferred first, with this
            // function under them to be inferred again with their types.
            queued.resize(self.specs.len(), true);
            if self.specs.len() > known && !queued[index] {
                queued[index] = true;
                worklist.push(index);
            }
            worklist.extend((known..self.specs.len()).rev());
            let spec = &mut self.specs[index];
            if spec.declared_ret.is_none() && ret != spec.ret {
                spec.ret = ret;
                for &caller in &self.callers[index] {
                    if !queued[caller] {
                        queued[caller] = true;
                        worklist.push(caller);
                    }
                }
            }
        }
        Ok(())
    }

    fn function_item(&self, name: &str) -> Result<usize, Diagnostic> {
        self.module
            .bindings(name)
            .iter()
            .rev()
            .copied()
            .find(|&i| self.module.item(i).kind == ItemKind::Function)
            .map_or_else(|| self.module.function(name).map(|_| 0), Ok)
    }

    /// The specialization of item `item` for `params`, added if new.
    fn specialization(
        &mut self,
        item: usize,
        name: &str,
        params: Vec<Type>,
        weak_params: Vec<bool>,
    ) -> Result<FuncId, Diagnostic> {
        let key = (item, params, weak_params);
        if let Some(&index) = self.by_key.get(&key) {
            if let Some(caller) = self.current {
                self.callers[index].insert(caller);
            }
            return Ok(FuncId(index as u32));
        }
        if self.specs.len() >= MAX_SPECIALIZATIONS {
            return Err(Diagnostic::new(
                DiagnosticKind::Limit,
                format!("more than {MAX_SPECIALIZATIONS} specializations of functions are needed"),
            )
            .with_help("call functions with fewer different argument types"));
        }
        let index = self.specs.len();
        self.specs.push(Spec {
            item,
            name: name.to_owned(),
            params: key.1.clone(),
            ret: None,
            declared_ret: None,
            locals: None,
            ret_weak: false,
            weak_params: key.2.clone(),
        });
        self.by_key.insert(key, index);
        self.callers.push(self.current.into_iter().collect());
        Ok(FuncId(index as u32))
    }

    /// The value of the module constant bound by item `item`.
    fn constant(&mut self, item: usize, name: &str) -> Result<Const, Diagnostic> {
        let module = self.module;
        self.constants
            .entry(item)
            .or_insert_with(|| consts::evaluate(module, item, name, 0))
            .clone()
    }
}
