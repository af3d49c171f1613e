//! Lowering a typed program to SSA, building SSA while lowering.
//!
//! The algorithm is Braun, Buchwald, Hack, Leißa, Mallon and Zwinkau,
//! "Simple and Efficient Construction of Static Single Assignment Form"
//! (CC 2013): `write_var` records a variable's current value per block,
//! `read_var` looks it up, recursing into predecessors and placing a phi
//! where paths join; a block is *sealed* once all its predecessors are
//! known, and phis placed before that are completed when it is sealed (a
//! loop header is sealed after its back edges exist). Phis that turn out
//! trivial (every operand the same value or the phi itself) are removed at
//! the end.
//!
//! Besides Python's variables, the builder tracks as SSA variables each
//! "is bound" flag of a variable that may be read unbound, each "holds a
//! NumPy scalar" flag of a tracked variable, and the counters of `for`
//! loops, so that all of them are values the passes can fold.
//!
//! Control flow is explicit: `and`, `or` and conditional expressions
//! branch; a chained comparison is the checker's `and`; an operation whose
//! rules depend on a tracked variable branches on its flags; `assert`, a
//! zero `range` step and an unbound read branch to a block that raises. No
//! two edges join the same blocks: every arm gets a block of its own.
//!
//! Result types of operations are left `unknown` for type inference to
//! decide; constants, conversions, allocations and calls carry their
//! declared types. Every instruction carries its statement's span, so
//! errors report the line the fast tier reports.

use pyjit_frontend::Span;
use pyjit_frontend::typed::{
    self, Arith, BinOp, CmpOp, Expr, ExprKind, LocalId, PrintItem, Stmt, StmtKind,
};
use pyjit_frontend::types::{ArrayType, OutOfRange, Scalar};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::entities::{BlockId, FuncRef, ValueId};
use crate::function::{Exception, Function, Program, Terminator};
use crate::inst::{Builtin, Cmp, Const, Fill, InstKind, PrintPiece, Rules};
use crate::types::Type;

/// Choices that change the IR built.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct BuildOptions {
    /// Check every index (`IndexError`); off, indices out of range are
    /// undefined behaviour (negative ones still count from the end).
    pub boundscheck: bool,
}

impl Default for BuildOptions {
    fn default() -> BuildOptions {
        BuildOptions { boundscheck: true }
    }
}

/// The IR of a typed program: one function per specialization, in the same
/// order (the entry first).
pub fn build_program(program: &typed::Program, options: BuildOptions) -> Program {
    let recursive = program.recursive_functions();
    let functions = program
        .functions
        .iter()
        .map(|f| {
            let mut func = build_function(f, options);
            func.recursive = recursive[f.id.0 as usize];
            func
        })
        .collect();
    Program {
        functions,
        source: Some(program.source.clone()),
    }
}

/// A variable as SSA construction sees it.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum Var {
    /// A Python variable, parameter or checker temporary.
    Local(LocalId),
    /// Whether the local is bound.
    Bound(LocalId),
    /// Whether the tracked local holds a NumPy scalar.
    NumPy(LocalId),
    /// The iteration count of loop `n`.
    Count(u32),
    /// The `range` value of loop `n`.
    Cursor(u32),
}

/// What a `for` loop counts over.
#[derive(Clone, Copy)]
enum Counted {
    /// `range(start, ..., step)`, `count` iterations (unsigned).
    Range {
        start: ValueId,
        step: ValueId,
        count: ValueId,
    },
    /// The elements of a 1-D array of `len` elements.
    Each { array: ValueId, len: ValueId },
}

/// Where `continue` and `break` go.
struct LoopTargets {
    continue_to: BlockId,
    break_to: BlockId,
}

struct Builder<'a> {
    typed: &'a typed::Function,
    options: BuildOptions,
    func: Function,
    /// The block instructions go to; `None` after `return`, `break`,
    /// `continue` until a reachable block starts.
    current: Option<BlockId>,
    span: Span,
    defs: FxHashMap<(Var, BlockId), ValueId>,
    /// Predecessors as edges are added (the function's own cache would be
    /// recomputed after every edit).
    preds: FxHashMap<BlockId, Vec<BlockId>>,
    sealed: FxHashSet<BlockId>,
    incomplete: FxHashMap<BlockId, Vec<(Var, ValueId)>>,
    /// The value of a variable read where nothing assigned it.
    defaults: FxHashMap<Var, ValueId>,
    loops: Vec<LoopTargets>,
    next_loop: u32,
}

fn build_function(typed: &typed::Function, options: BuildOptions) -> Function {
    let params: Vec<Type> = typed.param_types().into_iter().map(Type::from).collect();
    let mut func = Function::new(
        FuncRef(typed.id.0),
        typed.name.clone(),
        &params,
        typed.ret.into(),
    );
    func.span = typed.span;
    let entry = func.entry();
    let mut b = Builder {
        typed,
        options,
        func,
        current: Some(entry),
        span: typed.span,
        defs: FxHashMap::default(),
        preds: FxHashMap::default(),
        sealed: FxHashSet::default(),
        incomplete: FxHashMap::default(),
        defaults: FxHashMap::default(),
        loops: Vec::new(),
        next_loop: 0,
    };
    b.sealed.insert(entry);
    for (i, &p) in typed.params.iter().enumerate() {
        let value = b.func.params()[i];
        b.write_var(Var::Local(p), entry, value);
        let local = typed.local(p);
        if local.may_be_unbound {
            let t = b.constant(Const::Bool(true), Type::BOOL);
            b.write_var(Var::Bound(p), entry, t);
        }
        if local.tracked {
            let numpy = !typed.python_params.get(i).copied().unwrap_or(false);
            let flag = b.constant(Const::Bool(numpy), Type::BOOL);
            b.write_var(Var::NumPy(p), entry, flag);
        }
    }
    b.block(&typed.body);
    if let Some(end) = b.current {
        // Falling off the end returns None; a function with a value
        // returns on every path the checker accepts.
        let term = if typed.ret == pyjit_frontend::types::Type::None {
            Terminator::Return(None)
        } else {
            Terminator::Unreachable
        };
        b.func.set_exit(end, term);
        b.func.set_terminator_span(end, b.span);
    }
    b.remove_trivial_phis();
    b.func
}

impl Builder<'_> {
    // ------------------------------------------------------------ SSA

    fn write_var(&mut self, var: Var, block: BlockId, value: ValueId) {
        self.defs.insert((var, block), value);
    }

    fn read_var(&mut self, var: Var, block: BlockId) -> ValueId {
        if let Some(&v) = self.defs.get(&(var, block)) {
            return v;
        }
        self.read_var_recursive(var, block)
    }

    fn read_var_recursive(&mut self, var: Var, block: BlockId) -> ValueId {
        let preds = self.preds.get(&block).cloned().unwrap_or_default();
        let value = if !self.sealed.contains(&block) {
            let phi = self.func.add_phi(block, Type::Unknown, self.span);
            self.incomplete.entry(block).or_default().push((var, phi));
            phi
        } else if preds.len() == 1 {
            self.read_var(var, preds[0])
        } else if preds.is_empty() {
            self.default_value(var)
        } else {
            let phi = self.func.add_phi(block, Type::Unknown, self.span);
            self.write_var(var, block, phi);
            self.add_phi_operands(var, block, phi);
            phi
        };
        self.write_var(var, block, value);
        value
    }

    fn add_phi_operands(&mut self, var: Var, block: BlockId, phi: ValueId) {
        let preds = self.preds.get(&block).cloned().unwrap_or_default();
        let mut incoming = Vec::with_capacity(preds.len());
        for p in preds {
            incoming.push((p, self.read_var(var, p)));
        }
        let inst = self.func.defining_inst(phi).expect("a phi");
        *self.func.inst_kind_mut(inst) = InstKind::Phi { incoming };
    }

    fn seal(&mut self, block: BlockId) {
        for (var, phi) in self.incomplete.remove(&block).unwrap_or_default() {
            self.add_phi_operands(var, block, phi);
        }
        self.sealed.insert(block);
    }

    /// The zero of a variable's type, defined at the start of the entry
    /// block: what a read finds where no assignment reaches (a check
    /// before the read raises first, so the value is never observed).
    fn default_value(&mut self, var: Var) -> ValueId {
        if let Some(&v) = self.defaults.get(&var) {
            return v;
        }
        let ty = self.var_type(var);
        let c = match ty {
            Type::Scalar(Scalar::Bool) => Const::Bool(false),
            Type::Scalar(s) if s.is_float() => Const::Float(0.0),
            Type::Scalar(_) => Const::Int(0),
            _ => Const::EmptyArray,
        };
        let (inst, v) = self
            .func
            .make_inst(InstKind::Const(c), Some(ty), self.typed.span);
        let entry = self.func.entry();
        self.func.insert_at(entry, 0, inst);
        let v = v.expect("a constant has a value");
        self.defaults.insert(var, v);
        v
    }

    fn var_type(&self, var: Var) -> Type {
        match var {
            Var::Local(l) => self.typed.local(l).ty.into(),
            Var::Bound(_) | Var::NumPy(_) => Type::BOOL,
            Var::Count(_) | Var::Cursor(_) => Type::INT,
        }
    }

    /// Replace phis whose operands are all one value (or the phi itself)
    /// by that value, until none is left.
    fn remove_trivial_phis(&mut self) {
        let mut alias: FxHashMap<ValueId, ValueId> = FxHashMap::default();
        let resolve = |alias: &FxHashMap<ValueId, ValueId>, mut v: ValueId| {
            while let Some(&a) = alias.get(&v) {
                v = a;
            }
            v
        };
        loop {
            let mut changed = false;
            for b in self.func.blocks() {
                for inst in self.func.insts(b).to_vec() {
                    let InstKind::Phi { incoming } = &self.func.inst(inst).kind else {
                        continue;
                    };
                    let phi = self.func.inst(inst).result.expect("a phi has a value");
                    let mut same: Option<ValueId> = None;
                    let mut trivial = true;
                    for &(_, v) in incoming {
                        let v = resolve(&alias, v);
                        if v == phi || Some(v) == same {
                            continue;
                        }
                        if same.is_some() {
                            trivial = false;
                            break;
                        }
                        same = Some(v);
                    }
                    if trivial && let Some(same) = same {
                        alias.insert(phi, same);
                        self.func.remove_inst(inst);
                        changed = true;
                    }
                }
            }
            if !changed {
                break;
            }
        }
        if !alias.is_empty() {
            self.func.map_uses(|v| resolve(&alias, v));
        }
    }

    // ------------------------------------------------------------ blocks

    fn new_block(&mut self) -> BlockId {
        self.func.add_block()
    }

    fn add_pred(&mut self, block: BlockId, pred: BlockId) {
        self.preds.entry(block).or_default().push(pred);
    }

    /// End the current block with a jump to `target`.
    fn jump(&mut self, target: BlockId) {
        if let Some(cur) = self.current.take() {
            self.func.set_jump(cur, target);
            self.func.set_terminator_span(cur, self.span);
            self.add_pred(target, cur);
        }
    }

    /// End the current block with `br cond, then, otherwise`.
    fn branch(&mut self, cond: ValueId, then: BlockId, otherwise: BlockId) {
        let cur = self.current.take().expect("branching from a live block");
        self.func.set_branch(cur, cond, then, otherwise);
        self.func.set_terminator_span(cur, self.span);
        self.add_pred(then, cur);
        self.add_pred(otherwise, cur);
    }

    /// End the current block by leaving the function.
    fn exit(&mut self, term: Terminator) {
        let cur = self.current.take().expect("leaving from a live block");
        self.func.set_exit(cur, term);
        self.func.set_terminator_span(cur, self.span);
    }

    /// Continue in `block` if anything reaches it; otherwise drop it.
    fn continue_in(&mut self, block: BlockId) {
        self.seal(block);
        if self.preds.get(&block).is_some_and(|p| !p.is_empty()) {
            self.current = Some(block);
        } else {
            self.func.remove_block(block);
            self.current = None;
        }
    }

    /// Branch on `cond`: continue where it holds; where it does not, raise.
    fn raise_unless(&mut self, cond: ValueId, exception: Exception, message: &str) {
        let (ok, fail) = (self.new_block(), self.new_block());
        self.branch(cond, ok, fail);
        self.seal(fail);
        self.current = Some(fail);
        self.exit(Terminator::Raise {
            exception,
            message: message.to_owned(),
        });
        self.seal(ok);
        self.current = Some(ok);
    }

    // ------------------------------------------------------------ instructions

    fn cur(&self) -> BlockId {
        self.current.expect("instructions go to a live block")
    }

    fn push(&mut self, kind: InstKind, ty: Type) -> ValueId {
        let cur = self.cur();
        self.func.append(cur, kind, ty, self.span)
    }

    fn constant(&mut self, c: Const, ty: Type) -> ValueId {
        self.push(InstKind::Const(c), ty)
    }

    fn int(&mut self, i: i64) -> ValueId {
        self.constant(Const::Int(i), Type::INT)
    }

    fn read(&mut self, var: Var) -> ValueId {
        let cur = self.cur();
        self.read_var(var, cur)
    }

    fn write(&mut self, var: Var, value: ValueId) {
        let cur = self.cur();
        self.write_var(var, cur, value);
    }

    fn assign(&mut self, local: LocalId, value: ValueId) {
        self.write(Var::Local(local), value);
        if self.typed.local(local).may_be_unbound {
            let t = self.constant(Const::Bool(true), Type::BOOL);
            self.write(Var::Bound(local), t);
        }
    }

    /// A `bool` value, true when a value of this flavour is a NumPy scalar.
    fn numpy_flag(&mut self, arith: &Arith) -> ValueId {
        match arith {
            Arith::Python => self.constant(Const::Bool(false), Type::BOOL),
            Arith::NumPy => self.constant(Const::Bool(true), Type::BOOL),
            Arith::Tracked(locals) => {
                let mut flag = self.read(Var::NumPy(locals[0]));
                for &l in &locals[1..] {
                    let other = self.read(Var::NumPy(l));
                    flag = self.push(
                        InstKind::Binary {
                            op: BinOp::BitOr,
                            rules: Rules::Python,
                            lhs: flag,
                            rhs: other,
                        },
                        Type::Unknown,
                    );
                }
                flag
            }
        }
    }

    // ------------------------------------------------------------ statements

    fn block(&mut self, stmts: &[Stmt]) {
        for stmt in stmts {
            if self.current.is_none() {
                // Code after `return`, `break` or `continue` never runs.
                break;
            }
            pyjit_frontend::stack::ensure_sufficient_stack(|| self.stmt(stmt));
        }
    }

    fn stmt(&mut self, stmt: &Stmt) {
        self.span = stmt.span;
        match &stmt.kind {
            StmtKind::Assign {
                local,
                value,
                tracks,
            } => {
                let v = self.expr(value);
                self.assign(*local, v);
                if let Some(tracks) = tracks {
                    let flag = self.numpy_flag(tracks);
                    self.write(Var::NumPy(*local), flag);
                }
            }
            StmtKind::Store {
                value,
                array,
                indices,
                chained,
            } => {
                let value = self.expr(value);
                let array_value = self.expr(array);
                let ty = array.ty.as_array().expect("the checker stores into arrays");
                let positions = self.positions(array_value, ty, indices, *chained, true);
                let cur = self.cur();
                self.func.append_effect(
                    cur,
                    InstKind::Store {
                        array: array_value,
                        positions,
                        value,
                    },
                    self.span,
                );
            }
            StmtKind::If {
                cond,
                then_body,
                else_body,
            } => {
                let c = self.expr(cond);
                let (then_bb, else_bb, merge) =
                    (self.new_block(), self.new_block(), self.new_block());
                self.branch(c, then_bb, else_bb);
                for (bb, body) in [(then_bb, then_body), (else_bb, else_body)] {
                    self.seal(bb);
                    self.current = Some(bb);
                    self.block(body);
                    self.span = stmt.span;
                    self.jump(merge);
                }
                self.continue_in(merge);
            }
            StmtKind::While { cond, body, orelse } => {
                let header = self.new_block();
                self.jump(header);
                self.current = Some(header);
                let c = self.expr(cond);
                let (body_bb, else_bb, exit) =
                    (self.new_block(), self.new_block(), self.new_block());
                self.branch(c, body_bb, else_bb);
                self.loop_body(body_bb, header, exit, body, stmt.span);
                self.seal(header);
                self.loop_else(else_bb, exit, orelse, stmt.span);
            }
            StmtKind::ForRange {
                var,
                start,
                stop,
                step,
                body,
                orelse,
            } => {
                let start = self.expr(start);
                let stop = self.expr(stop);
                let step = self.expr(step);
                let zero = self.int(0);
                let nonzero = self.push(
                    InstKind::Compare {
                        op: Cmp::Ne,
                        lhs: step,
                        rhs: zero,
                    },
                    Type::Unknown,
                );
                self.raise_unless(
                    nonzero,
                    Exception::ValueError,
                    "range() arg 3 must not be zero",
                );
                let count = self.push(InstKind::RangeLen { start, stop, step }, Type::Unknown);
                self.counted_loop(
                    *var,
                    Counted::Range { start, step, count },
                    body,
                    orelse,
                    stmt.span,
                );
            }
            StmtKind::ForEach {
                var,
                array,
                body,
                orelse,
            } => {
                let array = self.expr(array);
                let len = self.push(InstKind::Dim { array, axis: 0 }, Type::Unknown);
                self.counted_loop(*var, Counted::Each { array, len }, body, orelse, stmt.span);
            }
            StmtKind::Break => {
                let target = self.loops.last().expect("`break` in a loop").break_to;
                self.jump(target);
            }
            StmtKind::Continue => {
                let target = self.loops.last().expect("`continue` in a loop").continue_to;
                self.jump(target);
            }
            StmtKind::Return(value) => {
                let v = value.as_ref().map(|e| self.expr(e));
                self.exit(Terminator::Return(v));
            }
            StmtKind::Assert { cond, message } => {
                let c = self.expr(cond);
                self.raise_unless(
                    c,
                    Exception::AssertionError,
                    message.as_deref().unwrap_or(""),
                );
            }
            StmtKind::Print { items, sep, end } => {
                // Python evaluates every argument before printing anything.
                let pieces = items
                    .iter()
                    .map(|item| match item {
                        PrintItem::Text(text) => PrintPiece::Text(text.clone()),
                        PrintItem::Value(e) => PrintPiece::Value(self.expr(e)),
                    })
                    .collect();
                let cur = self.cur();
                self.func.append_effect(
                    cur,
                    InstKind::Print {
                        pieces,
                        sep: sep.clone(),
                        end: end.clone(),
                    },
                    self.span,
                );
            }
            StmtKind::Expr(e) => {
                if let ExprKind::Call { func, args } = &e.kind {
                    self.call(*func, args, e.ty.into());
                } else {
                    self.expr(e);
                }
            }
        }
    }

    /// A `for` loop: a counter `k` from 0 while below the count, the loop
    /// variable assigned at the start of each iteration (the `range` value,
    /// a Python int, or element `k`, a NumPy scalar), `continue` going to
    /// a latch that advances the counter (and the `range` value).
    fn counted_loop(
        &mut self,
        var: LocalId,
        counted: Counted,
        body: &[Stmt],
        orelse: &[Stmt],
        span: Span,
    ) {
        let n = self.next_loop;
        self.next_loop += 1;
        let k0 = self.int(0);
        self.write(Var::Count(n), k0);
        if let Counted::Range { start, .. } = counted {
            self.write(Var::Cursor(n), start);
        }
        let header = self.new_block();
        self.jump(header);
        self.current = Some(header);
        let k = self.read(Var::Count(n));
        // A range's count is unsigned: more than 2^63 iterations count too.
        let (op, bound) = match counted {
            Counted::Range { count, .. } => (Cmp::ULt, count),
            Counted::Each { len, .. } => (Cmp::Lt, len),
        };
        let more = self.push(
            InstKind::Compare {
                op,
                lhs: k,
                rhs: bound,
            },
            Type::Unknown,
        );
        let (body_bb, else_bb, latch, exit) = (
            self.new_block(),
            self.new_block(),
            self.new_block(),
            self.new_block(),
        );
        self.branch(more, body_bb, else_bb);
        self.seal(body_bb);
        self.current = Some(body_bb);
        let (value, numpy) = match counted {
            Counted::Range { .. } => (self.read(Var::Cursor(n)), false),
            Counted::Each { array, .. } => {
                let k = self.read(Var::Count(n));
                let element = self.push(
                    InstKind::Load {
                        array,
                        positions: vec![k],
                    },
                    Type::Unknown,
                );
                (element, true)
            }
        };
        self.assign(var, value);
        if self.typed.local(var).tracked {
            let flag = self.constant(Const::Bool(numpy), Type::BOOL);
            self.write(Var::NumPy(var), flag);
        }
        self.loop_body_from_current(latch, exit, body, span);
        self.seal(latch);
        if self.preds.get(&latch).is_some_and(|p| !p.is_empty()) {
            self.current = Some(latch);
            let k = self.read(Var::Count(n));
            let one = self.int(1);
            let k1 = self.add(k, one);
            self.write(Var::Count(n), k1);
            if let Counted::Range { step, .. } = counted {
                let cursor = self.read(Var::Cursor(n));
                let next = self.add(cursor, step);
                self.write(Var::Cursor(n), next);
            }
            self.jump(header);
        } else {
            self.func.remove_block(latch);
        }
        self.seal(header);
        self.loop_else(else_bb, exit, orelse, span);
    }

    fn add(&mut self, a: ValueId, b: ValueId) -> ValueId {
        self.push(
            InstKind::Binary {
                op: BinOp::Add,
                rules: Rules::Python,
                lhs: a,
                rhs: b,
            },
            Type::Unknown,
        )
    }

    /// A `while` body in `body_bb` that loops back to `header`.
    fn loop_body(
        &mut self,
        body_bb: BlockId,
        header: BlockId,
        exit: BlockId,
        body: &[Stmt],
        span: Span,
    ) {
        self.seal(body_bb);
        self.current = Some(body_bb);
        self.loop_body_from_current(header, exit, body, span);
    }

    /// A loop body from the current block: `continue` and the end of the
    /// body go to `continue_to`, `break` to `exit`.
    fn loop_body_from_current(
        &mut self,
        continue_to: BlockId,
        exit: BlockId,
        body: &[Stmt],
        span: Span,
    ) {
        self.loops.push(LoopTargets {
            continue_to,
            break_to: exit,
        });
        self.block(body);
        self.span = span;
        self.jump(continue_to);
        self.loops.pop();
    }

    /// A loop's `else` block in `else_bb`, then the code after the loop in
    /// `exit`, which `break` reaches too.
    fn loop_else(&mut self, else_bb: BlockId, exit: BlockId, orelse: &[Stmt], span: Span) {
        self.seal(else_bb);
        self.current = Some(else_bb);
        self.block(orelse);
        self.span = span;
        self.jump(exit);
        self.continue_in(exit);
    }

    /// The checked positions of `indices` in `array` (of type `ty`), read
    /// or assigned (`store`), as NumPy checks them: `a[i, j]` evaluates
    /// every index, then checks each against its axis; `a[i][j]` checks `i`
    /// before evaluating `j`, and both errors name axis 0.
    fn positions(
        &mut self,
        array: ValueId,
        ty: ArrayType,
        indices: &[Expr],
        chained: bool,
        store: bool,
    ) -> Vec<ValueId> {
        let mut out = Vec::with_capacity(indices.len());
        if chained {
            for (axis, index) in indices.iter().enumerate() {
                let i = self.expr(index);
                let message = OutOfRange::of(ty, 0, store);
                out.push(self.index(array, i, axis as u8, message));
            }
        } else {
            let values: Vec<ValueId> = indices.iter().map(|i| self.expr(i)).collect();
            for (axis, i) in values.into_iter().enumerate() {
                let message = OutOfRange::of(ty, axis as u8, store);
                out.push(self.index(array, i, axis as u8, message));
            }
        }
        out
    }

    fn index(&mut self, array: ValueId, index: ValueId, axis: u8, message: OutOfRange) -> ValueId {
        let extent = self.push(InstKind::Dim { array, axis }, Type::Unknown);
        self.push(
            InstKind::Index {
                index,
                extent,
                message,
                checked: self.options.boundscheck,
            },
            Type::Unknown,
        )
    }

    // ------------------------------------------------------------ expressions

    fn expr(&mut self, e: &Expr) -> ValueId {
        pyjit_frontend::stack::ensure_sufficient_stack(|| self.expr_unguarded(e))
    }

    fn expr_unguarded(&mut self, e: &Expr) -> ValueId {
        let ty: Type = e.ty.into();
        match &e.kind {
            ExprKind::Const(c) => {
                let c = match *c {
                    typed::Const::Int(i) => Const::Int(i),
                    typed::Const::Float(f) => Const::Float(f),
                    typed::Const::Bool(b) => Const::Bool(b),
                };
                self.constant(c, ty)
            }
            ExprKind::Local { id, checked } => {
                if *checked {
                    let bound = self.read(Var::Bound(*id));
                    let name = self.typed.local(*id).name.clone();
                    self.raise_unless(bound, Exception::UnboundLocalError, &name);
                }
                self.read(Var::Local(*id))
            }
            ExprKind::Unary { op, operand } => {
                let arg = self.expr(operand);
                self.push(InstKind::Unary { op: *op, arg }, Type::Unknown)
            }
            ExprKind::Binary {
                op,
                arith,
                lhs,
                rhs,
            } => {
                let l = self.expr(lhs);
                let r = self.expr(rhs);
                self.binary(*op, arith, l, r, lhs.ty.scalar())
            }
            ExprKind::Compare { op, lhs, rhs } => {
                let l = self.expr(lhs);
                let r = self.expr(rhs);
                let op = match op {
                    CmpOp::Lt => Cmp::Lt,
                    CmpOp::LtE => Cmp::Le,
                    CmpOp::Eq => Cmp::Eq,
                    CmpOp::NotEq => Cmp::Ne,
                    CmpOp::Gt => Cmp::Gt,
                    CmpOp::GtE => Cmp::Ge,
                    other => unreachable!("the checker rejects `{}`", other.symbol()),
                };
                self.push(InstKind::Compare { op, lhs: l, rhs: r }, Type::Unknown)
            }
            ExprKind::And(a, b) | ExprKind::Or(a, b) => {
                let is_and = matches!(e.kind, ExprKind::And(..));
                let va = self.expr(a);
                let cond = if a.ty == pyjit_frontend::types::Type::BOOL {
                    va
                } else {
                    self.push(InstKind::Convert { arg: va }, Type::BOOL)
                };
                let a_end = self.cur();
                let (rhs_bb, merge) = (self.new_block(), self.new_block());
                if is_and {
                    self.branch(cond, rhs_bb, merge);
                } else {
                    self.branch(cond, merge, rhs_bb);
                }
                self.seal(rhs_bb);
                self.current = Some(rhs_bb);
                let vb = self.expr(b);
                let b_end = self.cur();
                self.jump(merge);
                self.join(merge, [(a_end, va), (b_end, vb)])
            }
            ExprKind::IfExp {
                cond,
                then,
                otherwise,
            } => {
                let c = self.expr(cond);
                let (then_bb, else_bb, merge) =
                    (self.new_block(), self.new_block(), self.new_block());
                self.branch(c, then_bb, else_bb);
                let mut incoming = [(then_bb, c); 2];
                for (slot, (bb, arm)) in [(then_bb, then), (else_bb, otherwise)]
                    .into_iter()
                    .enumerate()
                {
                    self.seal(bb);
                    self.current = Some(bb);
                    let v = self.expr(arm);
                    incoming[slot] = (self.cur(), v);
                    self.jump(merge);
                }
                self.join(merge, incoming)
            }
            ExprKind::Call { func, args } => self
                .call(*func, args, ty)
                .expect("a call used as a value returns one"),
            ExprKind::Math { func, args } => {
                let args = args.iter().map(|a| self.expr(a)).collect();
                self.push(
                    InstKind::Math {
                        func: *func,
                        numpy: false,
                        args,
                    },
                    Type::Unknown,
                )
            }
            ExprKind::NumPy { func, args } => {
                let args = args.iter().map(|a| self.expr(a)).collect();
                self.push(
                    InstKind::Math {
                        func: *func,
                        numpy: true,
                        args,
                    },
                    Type::Unknown,
                )
            }
            ExprKind::Builtin { func, args } => self.builtin(*func, args),
            ExprKind::Convert(inner) => {
                let arg = self.expr(inner);
                self.push(InstKind::Convert { arg }, ty)
            }
            ExprKind::Load {
                array,
                indices,
                chained,
            } => {
                let a = self.expr(array);
                let ty = array.ty.as_array().expect("the checker loads from arrays");
                let positions = self.positions(a, ty, indices, *chained, false);
                self.push(
                    InstKind::Load {
                        array: a,
                        positions,
                    },
                    Type::Unknown,
                )
            }
            ExprKind::Len { array, dim } => {
                let array = self.expr(array);
                self.push(InstKind::Dim { array, axis: *dim }, Type::Unknown)
            }
            ExprKind::Size(array) => {
                let array = self.expr(array);
                self.push(InstKind::Size { array }, Type::Unknown)
            }
            ExprKind::Alloc {
                dims,
                fill,
                allocator,
                ..
            } => {
                let dims = dims.iter().map(|d| self.expr(d)).collect();
                let fill = match fill {
                    typed::Fill::Zeros | typed::Fill::Uninit => Fill::Zeros,
                    typed::Fill::Ones => Fill::Ones,
                    typed::Fill::Value(v) => Fill::Value(self.expr(v)),
                };
                self.push(
                    InstKind::Alloc {
                        allocator: *allocator,
                        dims,
                        fill,
                    },
                    ty,
                )
            }
            ExprKind::SetTemp { local, value } => {
                let v = self.expr(value);
                self.assign(*local, v);
                v
            }
        }
    }

    /// A phi in `merge` (sealed now) over two values.
    fn join(&mut self, merge: BlockId, incoming: [(BlockId, ValueId); 2]) -> ValueId {
        self.seal(merge);
        self.current = Some(merge);
        if incoming[0].1 == incoming[1].1 {
            return incoming[0].1;
        }
        let phi = self.func.add_phi(merge, Type::Unknown, self.span);
        let inst = self.func.defining_inst(phi).expect("a phi");
        *self.func.inst_kind_mut(inst) = InstKind::Phi {
            incoming: incoming.to_vec(),
        };
        phi
    }

    fn binary(
        &mut self,
        op: BinOp,
        arith: &Arith,
        lhs: ValueId,
        rhs: ValueId,
        operand: Option<Scalar>,
    ) -> ValueId {
        let make = |rules| InstKind::Binary {
            op,
            rules,
            lhs,
            rhs,
        };
        let differs = match op {
            BinOp::Div | BinOp::FloorDiv | BinOp::Mod | BinOp::Pow => true,
            BinOp::LShift | BinOp::RShift => true,
            BinOp::Add | BinOp::Mul => operand == Some(Scalar::Bool),
            BinOp::Sub | BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor => false,
        };
        match arith {
            Arith::NumPy if differs => self.push(make(Rules::NumPy), Type::Unknown),
            Arith::Tracked(_) if differs => {
                // The rules are those of what the tracked variables hold
                // when this runs.
                let flag = self.numpy_flag(arith);
                let (np_bb, py_bb, merge) = (self.new_block(), self.new_block(), self.new_block());
                self.branch(flag, np_bb, py_bb);
                let mut incoming = [(np_bb, lhs); 2];
                for (slot, (bb, rules)) in [(np_bb, Rules::NumPy), (py_bb, Rules::Python)]
                    .into_iter()
                    .enumerate()
                {
                    self.seal(bb);
                    self.current = Some(bb);
                    let v = self.push(make(rules), Type::Unknown);
                    incoming[slot] = (bb, v);
                    self.jump(merge);
                }
                self.join(merge, incoming)
            }
            _ => self.push(make(Rules::Python), Type::Unknown),
        }
    }

    fn call(&mut self, func: typed::FuncId, args: &[Expr], ty: Type) -> Option<ValueId> {
        let args: Vec<ValueId> = args.iter().map(|a| self.expr(a)).collect();
        let kind = InstKind::Call {
            func: FuncRef(func.0),
            args,
        };
        let cur = self.cur();
        if ty == Type::None {
            self.func.append_effect(cur, kind, self.span);
            None
        } else {
            Some(self.func.append(cur, kind, ty, self.span))
        }
    }

    fn builtin(&mut self, func: typed::Builtin, args: &[Expr]) -> ValueId {
        let values: Vec<ValueId> = args.iter().map(|a| self.expr(a)).collect();
        let simple = |b: Builtin| InstKind::Builtin {
            func: b,
            arg: values[0],
        };
        match func {
            typed::Builtin::Abs => self.push(simple(Builtin::Abs), Type::Unknown),
            typed::Builtin::FloatToInt => self.push(simple(Builtin::FloatToInt), Type::Unknown),
            typed::Builtin::Round => self.push(simple(Builtin::Round), Type::Unknown),
            typed::Builtin::ArrayMin => self.push(simple(Builtin::ArrayMin), Type::Unknown),
            typed::Builtin::ArrayMax => self.push(simple(Builtin::ArrayMax), Type::Unknown),
            typed::Builtin::Min | typed::Builtin::Max => {
                // Python keeps the first of equal values: replace only when
                // `b < a` (`b > a`), so NaN behaves as in CPython.
                let op = if func == typed::Builtin::Min {
                    Cmp::Lt
                } else {
                    Cmp::Gt
                };
                let mut result = values[0];
                for &other in &values[1..] {
                    let better = self.push(
                        InstKind::Compare {
                            op,
                            lhs: other,
                            rhs: result,
                        },
                        Type::Unknown,
                    );
                    result = self.push(
                        InstKind::Select {
                            cond: better,
                            then: other,
                            otherwise: result,
                        },
                        Type::Unknown,
                    );
                }
                result
            }
        }
    }
}
