//! The verifier: every invariant of the IR, checked after every pass in
//! tests and debug builds, so that a broken pass is caught where it breaks
//! the IR rather than where the C compiler or the program misbehaves.
//!
//! It is phase-aware ([`Phase`]) and collects every error rather than
//! stopping at the first; [`VerifyError`] prints the function with a
//! `; error: ...` line under each part concerned.
//!
//! # The checklist
//!
//! Control flow:
//! - Each block's terminator agrees with its out-edges: `jump` has one
//!   `Jump` edge, `br` one `Then` and one `Else` edge, `ret`, `raise` and
//!   `unreachable` none.
//! - No two edges join the same pair of blocks (a phi keyed by predecessor
//!   would be ambiguous).
//! - The entry block has no predecessors.
//!
//! Placement:
//! - Every instruction a block lists records that block, and is listed
//!   once; every instruction that records a block is listed by it.
//! - Phis come first in their block; after [`Phase::PhiFree`] there are
//!   none.
//! - A phi's incoming blocks are exactly its block's predecessors, each
//!   once.
//!
//! SSA:
//! - Every operand (of instructions and terminators) is a value that is
//!   defined: a parameter or the result of a placed instruction (not a
//!   removed instruction's detached result).
//! - Each value has exactly one definition, except that in
//!   [`Phase::PhiFree`] a value may be assigned by several `copy`
//!   instructions (phi elimination's copies at the end of each
//!   predecessor); such copy-assigned values are exempt from this check and
//!   from the dominance check.
//! - In blocks reachable from the entry, every use is dominated by its
//!   definition: in the same block, defined earlier; a phi's incoming value
//!   dominates the end of its incoming block. Unreachable blocks are
//!   allowed (dead code elimination removes them) and not checked for
//!   dominance.
//!
//! Types:
//! - Each result's declared type is the one [`crate::typing::result_type`]
//!   gives from its operands (and an instruction has a value exactly when
//!   the rule gives one); in [`Phase::Built`] `unknown` types are skipped.
//! - From [`Phase::Typed`] on, no value, parameter or return type is
//!   `unknown`.
//! - A `br` condition is a `bool`; `ret v` returns the function's return
//!   type, and `ret` has no value exactly when that type is `none`.
//!   `raise` and `unreachable` may end any block.
//!
//! Calls ([`verify_program`] only, which needs the callees): the callee
//! exists, the arguments have its parameter types, and the call has a
//! value exactly when the callee returns one, of its return type.

use std::fmt;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::entities::{BlockId, FuncRef, InstId, ValueId};
use crate::function::{EdgeKind, Function, Program, Terminator, ValueDef};
use crate::inst::InstKind;
use crate::print::{Annotations, Location, function_text};
use crate::types::Type;
use crate::typing::{mnemonic, result_type};

/// Where in the pipeline a function is, which decides what is allowed.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Phase {
    /// Straight from the builder: `unknown` types are allowed.
    Built,
    /// After type inference: no `unknown` type anywhere (values,
    /// parameters, the return type).
    Typed,
    /// After phi elimination: typed, no phis, and a former phi's value may
    /// be assigned by several `copy` instructions.
    PhiFree,
}

/// One broken invariant.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Fault {
    /// The function concerned.
    pub func: FuncRef,
    /// The part of it concerned.
    pub location: Location,
    /// What is wrong, naming values and blocks as the text format does.
    pub message: String,
}

/// Every broken invariant of a function or program; it displays as the
/// printed IR of each function concerned with `; error: ...` lines under
/// what each error concerns.
#[derive(Clone, Debug)]
pub struct VerifyError {
    /// The errors, in the order found.
    pub faults: Vec<Fault>,
    text: String,
}

impl fmt::Display for VerifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl std::error::Error for VerifyError {}

impl VerifyError {
    /// `Ok` when no function has a fault, else the error showing them.
    fn collect(checked: Vec<(&Function, Vec<Fault>)>) -> Result<(), VerifyError> {
        let mut faults = Vec::new();
        let mut texts = Vec::new();
        for (func, found) in checked {
            if found.is_empty() {
                continue;
            }
            let mut notes = Annotations::default();
            for fault in &found {
                notes
                    .entry(fault.location)
                    .or_default()
                    .push(format!("error: {}", fault.message));
            }
            texts.push(function_text(func, &notes));
            faults.extend(found);
        }
        if faults.is_empty() {
            Ok(())
        } else {
            Err(VerifyError {
                faults,
                text: texts.join("\n"),
            })
        }
    }
}

/// Check every invariant of the checklist (but calls' signatures, which
/// need the program) for a function in `phase`.
pub fn verify(func: &Function, phase: Phase) -> Result<(), VerifyError> {
    VerifyError::collect(vec![(func, Checker::new(func, phase, None).run())])
}

/// Check every function of a program in `phase`, and every call against
/// its callee.
pub fn verify_program(program: &Program, phase: Phase) -> Result<(), VerifyError> {
    VerifyError::collect(
        program
            .functions
            .iter()
            .map(|func| (func, Checker::new(func, phase, Some(program)).run()))
            .collect(),
    )
}

struct Checker<'a> {
    func: &'a Function,
    phase: Phase,
    program: Option<&'a Program>,
    faults: Vec<Fault>,
    /// Where each listed instruction is: its block and position.
    place: FxHashMap<InstId, (BlockId, usize)>,
    /// The definitions of each value: `None` for a parameter, else the
    /// listed instruction.
    defs: FxHashMap<ValueId, Vec<Option<InstId>>>,
}

fn list<T: ToString>(items: &[T]) -> String {
    items
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

impl<'a> Checker<'a> {
    fn new(func: &'a Function, phase: Phase, program: Option<&'a Program>) -> Checker<'a> {
        Checker {
            func,
            phase,
            program,
            faults: Vec::new(),
            place: FxHashMap::default(),
            defs: FxHashMap::default(),
        }
    }

    fn fault(&mut self, location: Location, message: String) {
        let fault = Fault {
            func: self.func.id,
            location,
            message,
        };
        // An operand named twice (`add v9, v9`) is one error, not two.
        if !self.faults.contains(&fault) {
            self.faults.push(fault);
        }
    }

    fn run(mut self) -> Vec<Fault> {
        self.control_flow();
        self.placement();
        self.definitions();
        self.uses();
        self.types();
        if self.program.is_some() {
            self.calls();
        }
        self.faults
    }

    // ------------------------------------------------------------ control flow

    fn control_flow(&mut self) {
        let func = self.func;
        for b in func.blocks() {
            let edges = func.succ_edges(b);
            let kinds: Vec<EdgeKind> = edges.iter().map(|&(k, _)| k).collect();
            let (name, expected, needs): (&str, &[EdgeKind], &str) = match func.terminator(b) {
                Terminator::Jump => ("jump", &[EdgeKind::Jump], "one jump edge"),
                Terminator::Branch { .. } => (
                    "br",
                    &[EdgeKind::Then, EdgeKind::Else],
                    "a then edge and an else edge",
                ),
                Terminator::Return(_) => ("ret", &[], "no edges"),
                Terminator::Raise { .. } => ("raise", &[], "no edges"),
                Terminator::Unreachable => ("unreachable", &[], "no edges"),
            };
            if kinds != expected {
                let found: Vec<String> = edges
                    .iter()
                    .map(|(k, t)| format!("{} {t}", edge_name(*k)))
                    .collect();
                let found = if found.is_empty() {
                    "none".to_owned()
                } else {
                    found.join(", ")
                };
                self.fault(
                    Location::Terminator(b),
                    format!("`{name}` needs {needs}, found {found}"),
                );
            }
            let mut targets = FxHashSet::default();
            for &(_, t) in &edges {
                if !targets.insert(t) {
                    self.fault(
                        Location::Terminator(b),
                        format!("two edges go to {t}: give one of them a block of its own"),
                    );
                }
            }
        }
        let entry = func.entry();
        let preds = func.preds(entry);
        if !preds.is_empty() {
            self.fault(
                Location::Block(entry),
                format!("the entry block has predecessors: {}", list(preds)),
            );
        }
    }

    // ------------------------------------------------------------ placement

    fn placement(&mut self) {
        let func = self.func;
        for b in func.blocks() {
            let mut phis_done = false;
            for (pos, &i) in func.insts(b).iter().enumerate() {
                if i.index() >= func.inst_count() {
                    self.fault(
                        Location::Block(b),
                        format!("{i} is not an instruction of this function"),
                    );
                    continue;
                }
                if let Some(&(first, _)) = self.place.get(&i) {
                    self.fault(
                        Location::Block(b),
                        format!("{i} is listed more than once (also in {first})"),
                    );
                    continue;
                }
                self.place.insert(i, (b, pos));
                match func.inst(i).block {
                    Some(r) if r == b => {}
                    Some(r) => self.fault(
                        Location::Inst(i),
                        format!("{i} is listed in {b} but records {r} as its block"),
                    ),
                    None => self.fault(
                        Location::Inst(i),
                        format!("{i} is listed in {b} but records no block"),
                    ),
                }
                if let InstKind::Phi { incoming } = &func.inst(i).kind {
                    if self.phase == Phase::PhiFree {
                        self.fault(Location::Inst(i), "`phi` after phi elimination".to_owned());
                    }
                    if phis_done {
                        self.fault(
                            Location::Inst(i),
                            "`phi` after other instructions: phis come first in their block"
                                .to_owned(),
                        );
                    }
                    self.phi_incoming(b, i, incoming);
                } else {
                    phis_done = true;
                }
            }
        }
        for n in 0..func.inst_count() {
            let i = InstId::new(n);
            if let Some(b) = func.inst(i).block
                && !self.place.contains_key(&i)
            {
                let at = if func.has_block(b) {
                    Location::Block(b)
                } else {
                    Location::Function
                };
                self.fault(
                    at,
                    format!("{i} records {b} as its block, which does not list it"),
                );
            }
        }
    }

    fn phi_incoming(&mut self, b: BlockId, i: InstId, incoming: &[(BlockId, ValueId)]) {
        let preds = self.func.preds(b);
        let mut seen = FxHashSet::default();
        for &(from, _) in incoming {
            if !seen.insert(from) {
                self.fault(Location::Inst(i), format!("`phi` names {from} twice"));
            } else if !preds.contains(&from) {
                self.fault(
                    Location::Inst(i),
                    format!("`phi` names {from}, which is not a predecessor of {b}"),
                );
            }
        }
        for &p in preds {
            if !seen.contains(&p) {
                self.fault(
                    Location::Inst(i),
                    format!("`phi` has no value for the predecessor {p}"),
                );
            }
        }
    }

    // ------------------------------------------------------------ SSA

    fn definitions(&mut self) {
        let func = self.func;
        for &p in func.params() {
            self.defs.entry(p).or_default().push(None);
        }
        for (k, &p) in func.params().iter().enumerate() {
            if func.value_def(p) != ValueDef::Param(k as u32) {
                self.fault(
                    Location::Function,
                    format!("parameter {p} does not record itself as parameter {k}"),
                );
            }
        }
        for b in func.blocks() {
            for (pos, &i) in func.insts(b).iter().enumerate() {
                if self.place.get(&i) == Some(&(b, pos))
                    && let Some(v) = func.inst(i).result
                {
                    self.defs.entry(v).or_default().push(Some(i));
                }
            }
        }
        let mut values: Vec<ValueId> = self.defs.keys().copied().collect();
        values.sort_unstable();
        for v in values {
            if self.copy_assigned(v) {
                continue;
            }
            let defs = self.defs[&v].clone();
            for &def in defs.iter().skip(1) {
                let at = def.map_or(Location::Function, Location::Inst);
                self.fault(at, format!("{v} is defined more than once"));
            }
            if let [Some(i)] = defs[..]
                && func.value_def(v) != ValueDef::Inst(i)
            {
                self.fault(
                    Location::Inst(i),
                    format!(
                        "{v} records its definition as {}",
                        match func.value_def(v) {
                            ValueDef::Param(k) => format!("parameter {k}"),
                            ValueDef::Inst(j) => j.to_string(),
                            ValueDef::Detached => "detached".to_owned(),
                        }
                    ),
                );
            }
        }
    }

    /// Whether `v` is a former phi's value assigned by copies, which may
    /// have several definitions (after phi elimination only).
    fn copy_assigned(&self, v: ValueId) -> bool {
        self.phase == Phase::PhiFree
            && self.defs.get(&v).is_some_and(|defs| {
                defs.iter().all(|d| {
                    d.is_some_and(|i| matches!(self.func.inst(i).kind, InstKind::Copy { .. }))
                })
            })
    }

    /// The one place where `v` is defined: `None` for a parameter,
    /// a value without a single definition, or a copy-assigned value.
    fn def_site(&self, v: ValueId) -> Option<(BlockId, usize)> {
        match self.defs.get(&v).map(Vec::as_slice) {
            Some([Some(i)]) if !self.copy_assigned(v) => self.place.get(i).copied(),
            _ => None,
        }
    }

    fn uses(&mut self) {
        let func = self.func;
        for b in func.blocks() {
            let reachable = func.is_reachable(b);
            for (pos, &i) in func.insts(b).iter().enumerate() {
                if self.place.get(&i) != Some(&(b, pos)) {
                    continue;
                }
                let kind = &func.inst(i).kind;
                if let InstKind::Phi { incoming } = kind {
                    for &(from, v) in incoming {
                        if self.defined(Location::Inst(i), v)
                            && reachable
                            && func.is_reachable(from)
                            && func.preds(b).contains(&from)
                            && let Some((db, _)) = self.def_site(v)
                            && !(func.is_reachable(db) && func.dominates(db, from))
                        {
                            self.fault(
                                Location::Inst(i),
                                format!(
                                    "{v} (defined in {db}) does not dominate the end of {from}"
                                ),
                            );
                        }
                    }
                    continue;
                }
                for v in kind.args() {
                    if self.defined(Location::Inst(i), v) && reachable {
                        self.dominated(Location::Inst(i), v, b, pos);
                    }
                }
            }
            let operand = match func.terminator(b) {
                Terminator::Branch { cond } => Some(*cond),
                Terminator::Return(v) => *v,
                _ => None,
            };
            if let Some(v) = operand
                && self.defined(Location::Terminator(b), v)
                && reachable
            {
                self.dominated(Location::Terminator(b), v, b, usize::MAX);
            }
        }
    }

    /// Whether `v` is defined, reporting it at `at` if not.
    fn defined(&mut self, at: Location, v: ValueId) -> bool {
        if !self.func.has_value(v) {
            self.fault(at, format!("{v} is not a value of this function"));
            false
        } else if !self.defs.contains_key(&v) {
            self.fault(at, format!("{v} is not defined"));
            false
        } else {
            true
        }
    }

    /// Check that `v`'s definition dominates its use at `pos` in `b`
    /// (`usize::MAX` for the terminator).
    fn dominated(&mut self, at: Location, v: ValueId, b: BlockId, pos: usize) {
        let Some((db, dpos)) = self.def_site(v) else {
            return;
        };
        if db == b {
            if dpos >= pos {
                self.fault(at, format!("{v} is used before its definition"));
            }
        } else if !(self.func.is_reachable(db) && self.func.dominates(db, b)) {
            self.fault(
                at,
                format!("{v} (defined in {db}) does not dominate this use"),
            );
        }
    }

    // ------------------------------------------------------------ types

    fn types(&mut self) {
        let func = self.func;
        let typed = self.phase != Phase::Built;
        if typed {
            for &p in func.params() {
                if func.value_type(p) == Type::Unknown {
                    self.fault(
                        Location::Function,
                        format!("parameter {p} is `unknown` after type inference"),
                    );
                }
            }
            if func.ret == Type::Unknown {
                self.fault(
                    Location::Function,
                    "the return type is `unknown` after type inference".to_owned(),
                );
            }
        }
        for b in func.blocks() {
            for &i in func.insts(b) {
                if i.index() >= func.inst_count() {
                    continue;
                }
                self.inst_type(i);
            }
            self.terminator_types(b);
        }
    }

    fn inst_type(&mut self, i: InstId) {
        let func = self.func;
        let data = func.inst(i);
        let name = mnemonic(&data.kind);
        let at = Location::Inst(i);
        let declared = data.result.map(|v| (v, func.value_type(v)));
        if let Some((v, Type::Unknown)) = declared
            && self.phase != Phase::Built
        {
            self.fault(at, format!("{v} is `unknown` after type inference"));
        }
        match (result_type(func, i), declared) {
            (Err(message), _) => self.fault(at, message),
            (Ok(None), None) => {}
            (Ok(None), Some((v, _))) => {
                self.fault(at, format!("`{name}` has no value, but gives {v}"))
            }
            (Ok(Some(_)), None) => self.fault(at, format!("`{name}` needs a result")),
            (Ok(Some(rule)), Some((v, ty))) => {
                if rule != Type::Unknown && ty != Type::Unknown && rule != ty {
                    self.fault(
                        at,
                        format!("{v} is declared {ty}, but `{name}` gives {rule}"),
                    );
                }
            }
        }
    }

    fn terminator_types(&mut self, b: BlockId) {
        let func = self.func;
        let at = Location::Terminator(b);
        let known = |v: ValueId| {
            Some(func.value_type(v)).filter(|&t| func.has_value(v) && t != Type::Unknown)
        };
        match func.terminator(b) {
            Terminator::Branch { cond } if func.has_value(*cond) => {
                if let Some(ty) = known(*cond)
                    && ty != Type::BOOL
                {
                    self.fault(
                        at,
                        format!("`br` needs a bool condition, found {cond}: {ty}"),
                    );
                }
            }
            Terminator::Return(Some(v)) if func.has_value(*v) => {
                if func.ret == Type::None {
                    self.fault(at, format!("`ret {v}` in a function that returns none"));
                } else if let Some(ty) = known(*v)
                    && func.ret != Type::Unknown
                    && ty != func.ret
                {
                    self.fault(
                        at,
                        format!(
                            "`ret` needs a value of the return type {}, found {v}: {ty}",
                            func.ret
                        ),
                    );
                }
            }
            Terminator::Return(None) if !matches!(func.ret, Type::None | Type::Unknown) => {
                self.fault(
                    at,
                    format!("`ret` needs a value of the return type {}", func.ret),
                );
            }
            _ => {}
        }
    }

    // ------------------------------------------------------------ calls

    fn calls(&mut self) {
        let func = self.func;
        let program = self.program.expect("calls are checked with the program");
        for b in func.blocks() {
            for &i in func.insts(b) {
                if i.index() >= func.inst_count() {
                    continue;
                }
                let data = func.inst(i);
                let InstKind::Call { func: f, args } = &data.kind else {
                    continue;
                };
                let at = Location::Inst(i);
                let Some(callee) = program.functions.get(f.index()) else {
                    self.fault(at, format!("`call {f}`: the program has no {f}"));
                    continue;
                };
                let params = callee.param_types();
                if args.len() != params.len() {
                    self.fault(
                        at,
                        format!(
                            "`call {f}` passes {} argument{}, but {f} `{}` takes {}",
                            args.len(),
                            if args.len() == 1 { "" } else { "s" },
                            callee.name,
                            params.len()
                        ),
                    );
                } else {
                    for (&a, &p) in args.iter().zip(&params) {
                        let ty = func.value_type(a);
                        if func.has_value(a) && ty != Type::Unknown && ty != p {
                            self.fault(
                                at,
                                format!("`call {f}` passes {a}: {ty} for a parameter of type {p}"),
                            );
                        }
                    }
                }
                match (data.result, callee.ret) {
                    (Some(v), Type::None) => self.fault(
                        at,
                        format!(
                            "`call {f}` gives {v}, but {f} `{}` returns none",
                            callee.name
                        ),
                    ),
                    (None, Type::None) => {}
                    (None, ret) => self.fault(
                        at,
                        format!(
                            "`call {f}` needs a result: {f} `{}` returns {ret}",
                            callee.name
                        ),
                    ),
                    (Some(v), ret) => {
                        let ty = func.value_type(v);
                        if ty != Type::Unknown && ty != ret {
                            self.fault(
                                at,
                                format!(
                                    "{v} is declared {ty}, but {f} `{}` returns {ret}",
                                    callee.name
                                ),
                            );
                        }
                    }
                }
            }
        }
    }
}

fn edge_name(kind: EdgeKind) -> &'static str {
    match kind {
        EdgeKind::Jump => "jump",
        EdgeKind::Then => "then",
        EdgeKind::Else => "else",
    }
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};
    use pyjit_frontend::Span;
    use pyjit_frontend::typed::BinOp;

    use super::*;
    use crate::inst::{Cmp, Const, Rules};

    const S: Span = Span { start: 0, end: 0 };

    fn check(func: &Function, phase: Phase, expect: Expect) {
        match verify(func, phase) {
            Ok(()) => expect.assert_eq("ok\n"),
            Err(e) => expect.assert_eq(&e.to_string()),
        }
    }

    /// The ids of [`count`]'s parts.
    struct Count {
        func: Function,
        n: ValueId,
        zero: ValueId,
        i: ValueId,
        next: ValueId,
        one: ValueId,
        header: BlockId,
        body: BlockId,
        exit: BlockId,
    }

    /// `i = 0; while i < n: i += 1; return i`:
    ///
    /// ```text
    /// bb0: v1 = const 0; jump bb1
    /// bb1: v2 = phi [v1, bb0], [v4, bb2]; v3 = lt v2, v0; br v3, bb2, bb3
    /// bb2: v4 = const 1; v5 = add v2, v4; jump bb1
    /// bb3: ret v2
    /// ```
    fn count() -> Count {
        let mut func = Function::new(FuncRef(0), "count", &[Type::INT], Type::INT);
        let n = func.params()[0];
        let entry = func.entry();
        let (header, body, exit) = (func.add_block(), func.add_block(), func.add_block());
        let zero = func.append(entry, InstKind::Const(Const::Int(0)), Type::INT, S);
        func.set_jump(entry, header);
        let i = func.add_phi(header, Type::INT, S);
        let cond = func.append(
            header,
            InstKind::Compare {
                op: Cmp::Lt,
                lhs: i,
                rhs: n,
            },
            Type::BOOL,
            S,
        );
        func.set_branch(header, cond, body, exit);
        let one = func.append(body, InstKind::Const(Const::Int(1)), Type::INT, S);
        let next = func.append(body, add(i, one), Type::INT, S);
        func.set_jump(body, header);
        func.set_exit(exit, Terminator::Return(Some(i)));
        set_incoming(&mut func, i, vec![(entry, zero), (body, next)]);
        Count {
            func,
            n,
            zero,
            i,
            next,
            one,
            header,
            body,
            exit,
        }
    }

    fn add(lhs: ValueId, rhs: ValueId) -> InstKind {
        InstKind::Binary {
            op: BinOp::Add,
            rules: Rules::Python,
            lhs,
            rhs,
        }
    }

    fn set_incoming(func: &mut Function, phi: ValueId, incoming: Vec<(BlockId, ValueId)>) {
        let inst = func.defining_inst(phi).expect("a phi");
        *func.inst_kind_mut(inst) = InstKind::Phi { incoming };
    }

    #[test]
    fn a_well_formed_loop_passes_in_every_phase() {
        let c = count();
        for phase in [Phase::Built, Phase::Typed] {
            check(&c.func, phase, expect!["ok\n"]);
        }
        expect![[r#"
            fn f0 count(v0: int64) -> int64 {
            bb0:
                v1 = const 0 : int64
                jump bb1
            bb1:
                v2 = phi [v1, bb0], [v5, bb2] : int64
                v3 = lt v2, v0 : bool
                br v3, bb2, bb3
            bb2:
                v4 = const 1 : int64
                v5 = add v2, v4 : int64
                jump bb1
            bb3:
                ret v2
            }
        "#]]
        .assert_eq(&c.func.to_string());
    }

    #[test]
    fn a_terminator_agrees_with_its_edges() {
        let mut c = count();
        c.func
            .set_terminator_unchecked(c.body, Terminator::Jump, &[(EdgeKind::Then, c.header)]);
        c.func.set_terminator_unchecked(
            c.exit,
            Terminator::Return(Some(c.i)),
            &[(EdgeKind::Jump, c.body)],
        );
        check(
            &c.func,
            Phase::Typed,
            expect![[r#"
                fn f0 count(v0: int64) -> int64 {
                bb0:
                    v1 = const 0 : int64
                    jump bb1
                bb1:
                    v2 = phi [v1, bb0], [v5, bb2] : int64
                    v3 = lt v2, v0 : bool
                    br v3, bb2, bb3
                bb2:
                    v4 = const 1 : int64
                    v5 = add v2, v4 : int64
                    jump bb1
                    ; error: `jump` needs one jump edge, found then bb1
                bb3:
                    ret v2
                    ; error: `ret` needs no edges, found jump bb2
                }
            "#]],
        );
    }

    #[test]
    fn no_two_edges_join_the_same_blocks() {
        let mut func = Function::new(FuncRef(0), "f", &[Type::BOOL], Type::None);
        let (entry, next) = (func.entry(), func.add_block());
        let cond = func.params()[0];
        func.set_terminator_unchecked(
            entry,
            Terminator::Branch { cond },
            &[(EdgeKind::Then, next), (EdgeKind::Else, next)],
        );
        func.set_exit(next, Terminator::Return(None));
        check(
            &func,
            Phase::Typed,
            expect![[r#"
                fn f0 f(v0: bool) -> none {
                bb0:
                    br v0, bb1, bb1
                    ; error: two edges go to bb1: give one of them a block of its own
                bb1:
                    ret
                }
            "#]],
        );
    }

    #[test]
    fn the_entry_has_no_predecessors() {
        let mut func = Function::new(FuncRef(0), "spin", &[], Type::None);
        let (entry, next) = (func.entry(), func.add_block());
        func.set_jump(entry, next);
        func.set_jump(next, entry);
        check(
            &func,
            Phase::Typed,
            expect![[r#"
                fn f0 spin() -> none {
                bb0:
                ; error: the entry block has predecessors: bb1
                    jump bb1
                bb1:
                    jump bb0
                }
            "#]],
        );
    }

    #[test]
    fn an_instruction_is_listed_once_by_the_block_it_records() {
        let mut c = count();
        let one = c.func.defining_inst(c.one).unwrap();
        let next = c.func.defining_inst(c.next).unwrap();
        // `v4 = const 1` listed again in bb3; `add` no longer listed by bb2,
        // which it records; a new instruction listed without being placed.
        c.func.insts_mut_for_tests(c.exit).push(one);
        c.func.insts_mut_for_tests(c.body).retain(|&i| i != next);
        let (stray, _) = c
            .func
            .make_inst(InstKind::Const(Const::Bool(true)), Some(Type::BOOL), S);
        c.func.insts_mut_for_tests(c.exit).push(stray);
        check(
            &c.func,
            Phase::Typed,
            expect![[r#"
                fn f0 count(v0: int64) -> int64 {
                bb0:
                    v1 = const 0 : int64
                    jump bb1
                bb1:
                    v2 = phi [v1, bb0], [v5, bb2] : int64
                    ; error: v5 is not defined
                    v3 = lt v2, v0 : bool
                    br v3, bb2, bb3
                bb2:
                ; error: i4 records bb2 as its block, which does not list it
                    v4 = const 1 : int64
                    jump bb1
                bb3:
                ; error: i3 is listed more than once (also in bb2)
                    v4 = const 1 : int64
                    v6 = const true : bool
                    ; error: i5 is listed in bb3 but records no block
                    ret v2
                }
            "#]],
        );
    }

    #[test]
    fn phis_come_first() {
        let mut c = count();
        let (late, _) = c.func.make_inst(
            InstKind::Phi {
                incoming: vec![(c.func.entry(), c.zero), (c.body, c.next)],
            },
            Some(Type::INT),
            S,
        );
        c.func.place_at_end(c.header, late);
        check(
            &c.func,
            Phase::Typed,
            expect![[r#"
                fn f0 count(v0: int64) -> int64 {
                bb0:
                    v1 = const 0 : int64
                    jump bb1
                bb1:
                    v2 = phi [v1, bb0], [v5, bb2] : int64
                    v3 = lt v2, v0 : bool
                    v6 = phi [v1, bb0], [v5, bb2] : int64
                    ; error: `phi` after other instructions: phis come first in their block
                    br v3, bb2, bb3
                bb2:
                    v4 = const 1 : int64
                    v5 = add v2, v4 : int64
                    jump bb1
                bb3:
                    ret v2
                }
            "#]],
        );
    }

    #[test]
    fn no_phis_after_phi_elimination() {
        let c = count();
        check(
            &c.func,
            Phase::PhiFree,
            expect![[r#"
                fn f0 count(v0: int64) -> int64 {
                bb0:
                    v1 = const 0 : int64
                    jump bb1
                bb1:
                    v2 = phi [v1, bb0], [v5, bb2] : int64
                    ; error: `phi` after phi elimination
                    v3 = lt v2, v0 : bool
                    br v3, bb2, bb3
                bb2:
                    v4 = const 1 : int64
                    v5 = add v2, v4 : int64
                    jump bb1
                bb3:
                    ret v2
                }
            "#]],
        );
    }

    #[test]
    fn a_phi_has_one_value_per_predecessor() {
        let mut c = count();
        let entry = c.func.entry();
        set_incoming(
            &mut c.func,
            c.i,
            vec![(entry, c.zero), (entry, c.zero), (c.exit, c.next)],
        );
        check(
            &c.func,
            Phase::Typed,
            expect![[r#"
                fn f0 count(v0: int64) -> int64 {
                bb0:
                    v1 = const 0 : int64
                    jump bb1
                bb1:
                    v2 = phi [v1, bb0], [v1, bb0], [v5, bb3] : int64
                    ; error: `phi` names bb0 twice
                    ; error: `phi` names bb3, which is not a predecessor of bb1
                    ; error: `phi` has no value for the predecessor bb2
                    v3 = lt v2, v0 : bool
                    br v3, bb2, bb3
                bb2:
                    v4 = const 1 : int64
                    v5 = add v2, v4 : int64
                    jump bb1
                bb3:
                    ret v2
                }
            "#]],
        );
    }

    #[test]
    fn every_operand_is_defined() {
        let mut c = count();
        let one = c.func.defining_inst(c.one).unwrap();
        c.func.remove_inst(one);
        c.func
            .set_exit(c.exit, Terminator::Return(Some(ValueId(99))));
        check(
            &c.func,
            Phase::Typed,
            expect![[r#"
                fn f0 count(v0: int64) -> int64 {
                bb0:
                    v1 = const 0 : int64
                    jump bb1
                bb1:
                    v2 = phi [v1, bb0], [v5, bb2] : int64
                    v3 = lt v2, v0 : bool
                    br v3, bb2, bb3
                bb2:
                    v5 = add v2, v4 : int64
                    ; error: v4 is not defined
                    jump bb1
                bb3:
                    ret v99
                    ; error: v99 is not a value of this function
                }
            "#]],
        );
    }

    #[test]
    fn a_value_is_defined_once() {
        let mut c = count();
        let again = c.func.make_inst_with_result(
            InstKind::Const(Const::Int(2)),
            Some((c.one, Type::INT)),
            S,
        );
        c.func.place_at_end(c.body, again);
        check(
            &c.func,
            Phase::PhiFree,
            expect![[r#"
                fn f0 count(v0: int64) -> int64 {
                bb0:
                    v1 = const 0 : int64
                    jump bb1
                bb1:
                    v2 = phi [v1, bb0], [v5, bb2] : int64
                    ; error: `phi` after phi elimination
                    v3 = lt v2, v0 : bool
                    br v3, bb2, bb3
                bb2:
                    v4 = const 1 : int64
                    v5 = add v2, v4 : int64
                    v4 = const 2 : int64
                    ; error: v4 is defined more than once
                    jump bb1
                bb3:
                    ret v2
                }
            "#]],
        );
    }

    /// [`count`] after phi elimination: `v2` is assigned by a copy at the
    /// end of each predecessor of the loop header.
    fn count_phi_free() -> Count {
        let mut c = count();
        let entry = c.func.entry();
        let phi = c.func.defining_inst(c.i).unwrap();
        c.func.remove_inst(phi);
        for (block, from) in [(entry, c.zero), (c.body, c.next)] {
            let copy = c.func.make_inst_with_result(
                InstKind::Copy { arg: from },
                Some((c.i, Type::INT)),
                S,
            );
            c.func.place_at_end(block, copy);
        }
        c
    }

    #[test]
    fn copies_may_assign_a_value_several_times_after_phi_elimination() {
        let c = count_phi_free();
        check(&c.func, Phase::PhiFree, expect!["ok\n"]);
        check(
            &c.func,
            Phase::Typed,
            expect![[r#"
                fn f0 count(v0: int64) -> int64 {
                bb0:
                    v1 = const 0 : int64
                    v2 = copy v1 : int64
                    jump bb1
                bb1:
                    v3 = lt v2, v0 : bool
                    br v3, bb2, bb3
                bb2:
                    v4 = const 1 : int64
                    v5 = add v2, v4 : int64
                    v2 = copy v5 : int64
                    ; error: v2 is defined more than once
                    jump bb1
                bb3:
                    ret v2
                }
            "#]],
        );
    }

    #[test]
    fn a_definition_dominates_its_uses() {
        let mut c = count();
        // `ret v5` where `v5` is defined in the loop body; `add` before
        // the constant it adds.
        c.func.set_exit(c.exit, Terminator::Return(Some(c.next)));
        c.func.insts_mut_for_tests(c.body).reverse();
        check(
            &c.func,
            Phase::Typed,
            expect![[r#"
                fn f0 count(v0: int64) -> int64 {
                bb0:
                    v1 = const 0 : int64
                    jump bb1
                bb1:
                    v2 = phi [v1, bb0], [v5, bb2] : int64
                    v3 = lt v2, v0 : bool
                    br v3, bb2, bb3
                bb2:
                    v5 = add v2, v4 : int64
                    ; error: v4 is used before its definition
                    v4 = const 1 : int64
                    jump bb1
                bb3:
                    ret v5
                    ; error: v5 (defined in bb2) does not dominate this use
                }
            "#]],
        );
    }

    #[test]
    fn a_phi_value_dominates_the_end_of_its_incoming_block() {
        let mut c = count();
        // The loop-carried value taken from the exit block, which the body
        // does not see.
        let ninety = c
            .func
            .append(c.exit, InstKind::Const(Const::Int(90)), Type::INT, S);
        let entry = c.func.entry();
        set_incoming(&mut c.func, c.i, vec![(entry, c.zero), (c.body, ninety)]);
        check(
            &c.func,
            Phase::Typed,
            expect![[r#"
                fn f0 count(v0: int64) -> int64 {
                bb0:
                    v1 = const 0 : int64
                    jump bb1
                bb1:
                    v2 = phi [v1, bb0], [v6, bb2] : int64
                    ; error: v6 (defined in bb3) does not dominate the end of bb2
                    v3 = lt v2, v0 : bool
                    br v3, bb2, bb3
                bb2:
                    v4 = const 1 : int64
                    v5 = add v2, v4 : int64
                    jump bb1
                bb3:
                    v6 = const 90 : int64
                    ret v2
                }
            "#]],
        );
    }

    #[test]
    fn unreachable_blocks_are_not_checked_for_dominance() {
        let mut c = count();
        let dead = c.func.add_block();
        let sum = c.func.append(dead, add(c.next, c.n), Type::INT, S);
        c.func.set_exit(dead, Terminator::Return(Some(sum)));
        check(&c.func, Phase::Typed, expect!["ok\n"]);
    }

    #[test]
    fn declared_types_follow_the_typing_rules() {
        let mut c = count();
        c.func.set_value_type(c.next, Type::FLOAT);
        check(
            &c.func,
            Phase::Typed,
            expect![[r#"
                fn f0 count(v0: int64) -> int64 {
                bb0:
                    v1 = const 0 : int64
                    jump bb1
                bb1:
                    v2 = phi [v1, bb0], [v5, bb2] : int64
                    ; error: `phi` needs incoming values of one type, found v1: int64, v5: float64
                    v3 = lt v2, v0 : bool
                    br v3, bb2, bb3
                bb2:
                    v4 = const 1 : int64
                    v5 = add v2, v4 : float64
                    ; error: v5 is declared float64, but `add` gives int64
                    jump bb1
                bb3:
                    ret v2
                }
            "#]],
        );
    }

    #[test]
    fn unknown_types_are_allowed_only_before_type_inference() {
        let mut c = count();
        for v in [c.i, c.next] {
            c.func.set_value_type(v, Type::Unknown);
        }
        check(&c.func, Phase::Built, expect!["ok\n"]);
        check(
            &c.func,
            Phase::Typed,
            expect![[r#"
                fn f0 count(v0: int64) -> int64 {
                bb0:
                    v1 = const 0 : int64
                    jump bb1
                bb1:
                    v2 = phi [v1, bb0], [v5, bb2] : unknown
                    ; error: v2 is `unknown` after type inference
                    v3 = lt v2, v0 : bool
                    br v3, bb2, bb3
                bb2:
                    v4 = const 1 : int64
                    v5 = add v2, v4 : unknown
                    ; error: v5 is `unknown` after type inference
                    jump bb1
                bb3:
                    ret v2
                }
            "#]],
        );
        let mut func = Function::new(FuncRef(0), "g", &[Type::Unknown], Type::Unknown);
        let entry = func.entry();
        func.set_exit(entry, Terminator::Return(None));
        check(&func, Phase::Built, expect!["ok\n"]);
        check(
            &func,
            Phase::Typed,
            expect![[r#"
                fn f0 g(v0: unknown) -> unknown {
                ; error: parameter v0 is `unknown` after type inference
                ; error: the return type is `unknown` after type inference
                bb0:
                    ret
                }
            "#]],
        );
    }

    #[test]
    fn an_instruction_has_a_value_exactly_when_its_rule_gives_one() {
        let mut c = count();
        let (sum, _) = c.func.make_inst(add(c.n, c.n), None, S);
        c.func.place_at_end(c.exit, sum);
        check(
            &c.func,
            Phase::Typed,
            expect![[r#"
                fn f0 count(v0: int64) -> int64 {
                bb0:
                    v1 = const 0 : int64
                    jump bb1
                bb1:
                    v2 = phi [v1, bb0], [v5, bb2] : int64
                    v3 = lt v2, v0 : bool
                    br v3, bb2, bb3
                bb2:
                    v4 = const 1 : int64
                    v5 = add v2, v4 : int64
                    jump bb1
                bb3:
                    add v0, v0
                    ; error: `add` needs a result
                    ret v2
                }
            "#]],
        );
    }

    #[test]
    fn conditions_are_bool_and_returns_match_the_signature() {
        let mut c = count();
        c.func.set_branch(c.header, c.n, c.body, c.exit);
        c.func.set_exit(c.exit, Terminator::Return(None));
        let mut d = count();
        d.func.ret = Type::FLOAT;
        let mut e = count();
        e.func.ret = Type::None;
        let text = [c.func, d.func, e.func]
            .iter()
            .map(|f| verify(f, Phase::Typed).unwrap_err().to_string())
            .collect::<Vec<_>>()
            .join("\n");
        expect![[r#"
            fn f0 count(v0: int64) -> int64 {
            bb0:
                v1 = const 0 : int64
                jump bb1
            bb1:
                v2 = phi [v1, bb0], [v5, bb2] : int64
                v3 = lt v2, v0 : bool
                br v0, bb2, bb3
                ; error: `br` needs a bool condition, found v0: int64
            bb2:
                v4 = const 1 : int64
                v5 = add v2, v4 : int64
                jump bb1
            bb3:
                ret
                ; error: `ret` needs a value of the return type int64
            }

            fn f0 count(v0: int64) -> float64 {
            bb0:
                v1 = const 0 : int64
                jump bb1
            bb1:
                v2 = phi [v1, bb0], [v5, bb2] : int64
                v3 = lt v2, v0 : bool
                br v3, bb2, bb3
            bb2:
                v4 = const 1 : int64
                v5 = add v2, v4 : int64
                jump bb1
            bb3:
                ret v2
                ; error: `ret` needs a value of the return type float64, found v2: int64
            }

            fn f0 count(v0: int64) -> none {
            bb0:
                v1 = const 0 : int64
                jump bb1
            bb1:
                v2 = phi [v1, bb0], [v5, bb2] : int64
                v3 = lt v2, v0 : bool
                br v3, bb2, bb3
            bb2:
                v4 = const 1 : int64
                v5 = add v2, v4 : int64
                jump bb1
            bb3:
                ret v2
                ; error: `ret v2` in a function that returns none
            }
        "#]]
        .assert_eq(&text);
    }

    #[test]
    fn calls_match_their_callee() {
        let callee = count().func;
        let mut caller = Function::new(FuncRef(1), "main", &[Type::FLOAT], Type::None);
        let x = caller.params()[0];
        let entry = caller.entry();
        let good = caller.make_inst(
            InstKind::Call {
                func: FuncRef(0),
                args: vec![x],
            },
            Some(Type::INT),
            S,
        );
        caller.place_at_end(entry, good.0);
        let bad = [
            (FuncRef(0), vec![], None),
            (FuncRef(0), vec![x], Some(Type::FLOAT)),
            (FuncRef(7), vec![x], None),
        ];
        for (func, args, ty) in bad {
            let (inst, _) = caller.make_inst(InstKind::Call { func, args }, ty, S);
            caller.place_at_end(entry, inst);
        }
        caller.set_exit(entry, Terminator::Return(None));
        let mut program = Program {
            functions: vec![callee, caller],
            source: None,
        };
        expect![[r#"
            fn f1 main(v0: float64) -> none {
            bb0:
                v1 = call f0(v0) : int64
                ; error: `call f0` passes v0: float64 for a parameter of type int64
                call f0()
                ; error: `call f0` passes 0 arguments, but f0 `count` takes 1
                ; error: `call f0` needs a result: f0 `count` returns int64
                v2 = call f0(v0) : float64
                ; error: `call f0` passes v0: float64 for a parameter of type int64
                ; error: v2 is declared float64, but f0 `count` returns int64
                call f7(v0)
                ; error: `call f7`: the program has no f7
                ret
            }
        "#]]
        .assert_eq(
            &verify_program(&program, Phase::Typed)
                .unwrap_err()
                .to_string(),
        );
        // Alone, a function's calls give what they declare.
        assert!(verify(&program.functions[1], Phase::Typed).is_ok());
        program.functions[1].set_value_type(x, Type::INT);
        program.functions.truncate(1);
        assert!(verify_program(&program, Phase::Typed).is_ok());
    }
}
