//! A function in SSA form: arenas of values and instructions, and blocks
//! in a petgraph CFG.
//!
//! One owner, one truth: a [`Function`] owns everything, and a block's
//! successors live only in the graph's edges ([`EdgeKind`]), which the
//! terminator's setters write. No petgraph type appears in this API; blocks
//! are visited in a fixed order (ids or reverse postorder), never in
//! petgraph's neighbour order. Predecessors, reverse postorder and
//! dominators are computed on demand and cached; every CFG edit clears the
//! cache.
//!
//! Architecture invariants:
//! - No two edges join the same pair of blocks, so a phi keyed by
//!   predecessor is never ambiguous (`set_branch` refuses it).
//! - Values and instructions are never reused: a removed instruction's id
//!   and result stay allocated (detached), so ids in logs stay meaningful.

use std::cell::OnceCell;
use std::sync::Arc;

use petgraph::Direction;
use petgraph::stable_graph::{NodeIndex, StableDiGraph};
use petgraph::visit::{EdgeRef, NodeIndexable};
use pyjit_frontend::{SourceFile, Span};
use rustc_hash::FxHashMap;

use crate::entities::{BlockId, FuncRef, InstId, ValueId};
use crate::inst::InstKind;
use crate::types::Type;

/// Which way an edge leaves its block.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub enum EdgeKind {
    /// The only successor of a `jump`.
    Jump,
    /// Taken by a `br` when its condition holds.
    Then,
    /// Taken by a `br` otherwise.
    Else,
}

/// The exceptions a block can raise by itself (others come from
/// instructions and the C prelude).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Exception {
    /// `assert` failed; the message is the assert's.
    AssertionError,
    /// `range()` with a zero step; the message is Python's.
    ValueError,
    /// A variable read before assignment; the message is the variable's
    /// name, which the prelude puts into CPython's sentence.
    UnboundLocalError,
}

impl Exception {
    /// The Python name.
    pub fn name(self) -> &'static str {
        match self {
            Exception::AssertionError => "AssertionError",
            Exception::ValueError => "ValueError",
            Exception::UnboundLocalError => "UnboundLocalError",
        }
    }

    /// Every exception, for parsing.
    pub const ALL: [Exception; 3] = [
        Exception::AssertionError,
        Exception::ValueError,
        Exception::UnboundLocalError,
    ];
}

/// How a block ends. Branch targets are not here: they are the block's
/// out-edges in the CFG.
#[derive(Clone, PartialEq, Debug)]
pub enum Terminator {
    /// Go to the `Jump` successor.
    Jump,
    /// Go to the `Then` successor if `cond` (a `bool`) holds, else to the
    /// `Else` successor.
    Branch {
        /// The condition.
        cond: ValueId,
    },
    /// Return, with a value unless the function returns `none`.
    Return(Option<ValueId>),
    /// Raise an exception.
    Raise {
        /// Which.
        exception: Exception,
        /// Its message (see [`Exception`]).
        message: String,
    },
    /// Control never reaches here (the end of a function that returns a
    /// value on every path the checker could see).
    Unreachable,
}

/// An instruction and where it sits.
#[derive(Clone, Debug)]
pub struct InstData {
    /// What it computes.
    pub kind: InstKind,
    /// Its value, if it has one.
    pub result: Option<ValueId>,
    /// The Python source it comes from.
    pub span: Span,
    /// The block holding it; `None` once removed.
    pub block: Option<BlockId>,
}

/// Where a value comes from.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ValueDef {
    /// The function's parameter of this index.
    Param(u32),
    /// The result of this instruction.
    Inst(InstId),
    /// Defined nowhere: the result of a removed instruction, or an id the
    /// text skipped.
    Detached,
}

/// A value's type and definition.
#[derive(Clone, Copy, Debug)]
pub struct ValueData {
    /// Its type (`unknown` until type inference).
    pub ty: Type,
    /// Its definition.
    pub def: ValueDef,
}

/// A block's instructions (phis first) and terminator.
#[derive(Clone, Debug)]
pub struct BlockData {
    /// The instructions in order.
    pub insts: Vec<InstId>,
    /// How it ends.
    pub term: Terminator,
    /// The Python source of the terminator.
    pub term_span: Span,
}

/// CFG facts computed on demand.
#[derive(Debug, Default)]
struct CfgCache {
    preds: FxHashMap<BlockId, Vec<BlockId>>,
    rpo: Vec<BlockId>,
    /// Immediate dominator of each reachable block but the entry.
    idom: FxHashMap<BlockId, BlockId>,
    /// Position in `rpo`, for dominance queries.
    rpo_index: FxHashMap<BlockId, usize>,
}

/// A function of the IR.
#[derive(Debug)]
pub struct Function {
    /// Its index in the program.
    pub id: FuncRef,
    /// The Python name.
    pub name: String,
    /// The return type.
    pub ret: Type,
    /// Whether it is on a call cycle (and so counts its depth against the
    /// recursion limit).
    pub recursive: bool,
    /// The Python `def` line, for the recursion error.
    pub span: Span,
    params: Vec<ValueId>,
    values: Vec<ValueData>,
    insts: Vec<InstData>,
    graph: StableDiGraph<BlockData, EdgeKind, u32>,
    entry: BlockId,
    cache: OnceCell<CfgCache>,
}

impl Clone for Function {
    fn clone(&self) -> Function {
        Function {
            id: self.id,
            name: self.name.clone(),
            ret: self.ret,
            recursive: self.recursive,
            span: self.span,
            params: self.params.clone(),
            values: self.values.clone(),
            insts: self.insts.clone(),
            graph: self.graph.clone(),
            entry: self.entry,
            cache: OnceCell::new(),
        }
    }
}

fn node(block: BlockId) -> NodeIndex<u32> {
    NodeIndex::new(block.index())
}

fn block_of(node: NodeIndex<u32>) -> BlockId {
    BlockId::new(node.index())
}

impl Function {
    /// A function with parameters of these types and an empty entry block
    /// (which ends in `unreachable` until told otherwise).
    pub fn new(id: FuncRef, name: impl Into<String>, params: &[Type], ret: Type) -> Function {
        let mut func = Function {
            id,
            name: name.into(),
            ret,
            recursive: false,
            span: Span::default(),
            params: Vec::new(),
            values: Vec::new(),
            insts: Vec::new(),
            graph: StableDiGraph::default(),
            entry: BlockId(0),
            cache: OnceCell::new(),
        };
        for (i, &ty) in params.iter().enumerate() {
            let v = func.new_value(ty, ValueDef::Param(i as u32));
            func.params.push(v);
        }
        func.entry = func.add_block();
        func
    }

    // ------------------------------------------------------------ values

    fn new_value(&mut self, ty: Type, def: ValueDef) -> ValueId {
        let id = ValueId::new(self.values.len());
        self.values.push(ValueData { ty, def });
        id
    }

    /// The parameters, in order.
    pub fn params(&self) -> &[ValueId] {
        &self.params
    }

    /// The parameter types, in order.
    pub fn param_types(&self) -> Vec<Type> {
        self.params.iter().map(|&p| self.value_type(p)).collect()
    }

    /// The number of value ids allocated.
    pub fn value_count(&self) -> usize {
        self.values.len()
    }

    /// A value's type.
    pub fn value_type(&self, v: ValueId) -> Type {
        self.values[v.index()].ty
    }

    /// Set a value's type.
    pub fn set_value_type(&mut self, v: ValueId, ty: Type) {
        self.values[v.index()].ty = ty;
    }

    /// Where a value is defined.
    pub fn value_def(&self, v: ValueId) -> ValueDef {
        self.values[v.index()].def
    }

    /// Whether `v` names a value of this function.
    pub fn has_value(&self, v: ValueId) -> bool {
        v.index() < self.values.len()
    }

    /// A new value defined nowhere yet, for an instruction made with
    /// [`Function::make_inst_with_result`].
    pub fn new_detached_value(&mut self, ty: Type) -> ValueId {
        self.new_value(ty, ValueDef::Detached)
    }

    /// Make sure value ids up to `v` exist (detached), so that a parser can
    /// keep the text's numbering.
    pub fn reserve_values(&mut self, upto: ValueId) {
        while self.values.len() <= upto.index() {
            self.new_value(Type::Unknown, ValueDef::Detached);
        }
    }

    // ------------------------------------------------------------ instructions

    /// The number of instruction ids allocated.
    pub fn inst_count(&self) -> usize {
        self.insts.len()
    }

    /// An instruction.
    pub fn inst(&self, i: InstId) -> &InstData {
        &self.insts[i.index()]
    }

    /// An instruction, to change its operands or kind (not its place).
    pub fn inst_kind_mut(&mut self, i: InstId) -> &mut InstKind {
        &mut self.insts[i.index()].kind
    }

    /// The instruction defining `v`, if an instruction does.
    pub fn defining_inst(&self, v: ValueId) -> Option<InstId> {
        match self.value_def(v) {
            ValueDef::Inst(i) => Some(i),
            _ => None,
        }
    }

    /// A new instruction, not yet in a block. `result` is the type of its
    /// value, `None` for an instruction without one.
    pub fn make_inst(
        &mut self,
        kind: InstKind,
        result: Option<Type>,
        span: Span,
    ) -> (InstId, Option<ValueId>) {
        let id = InstId::new(self.insts.len());
        let result = result.map(|ty| self.new_value(ty, ValueDef::Inst(id)));
        self.insts.push(InstData {
            kind,
            result,
            span,
            block: None,
        });
        (id, result)
    }

    /// Give a detached value id to a new instruction as its result (the
    /// parser keeps the text's numbering this way).
    pub fn make_inst_with_result(
        &mut self,
        kind: InstKind,
        result: Option<(ValueId, Type)>,
        span: Span,
    ) -> InstId {
        let id = InstId::new(self.insts.len());
        if let Some((v, ty)) = result {
            self.reserve_values(v);
            self.values[v.index()] = ValueData {
                ty,
                def: ValueDef::Inst(id),
            };
        }
        self.insts.push(InstData {
            kind,
            result: result.map(|(v, _)| v),
            span,
            block: None,
        });
        id
    }

    /// Append an instruction to a block and give its value.
    pub fn append(&mut self, block: BlockId, kind: InstKind, ty: Type, span: Span) -> ValueId {
        let (inst, result) = self.make_inst(kind, Some(ty), span);
        self.place_at_end(block, inst);
        result.expect("made with a result")
    }

    /// Append an instruction without a value to a block.
    pub fn append_effect(&mut self, block: BlockId, kind: InstKind, span: Span) -> InstId {
        let (inst, _) = self.make_inst(kind, None, span);
        self.place_at_end(block, inst);
        inst
    }

    /// Put an unplaced instruction at the end of a block.
    pub fn place_at_end(&mut self, block: BlockId, inst: InstId) {
        self.insert_at(block, self.block(block).insts.len(), inst);
    }

    /// Put an unplaced instruction at `position` in a block.
    pub fn insert_at(&mut self, block: BlockId, position: usize, inst: InstId) {
        assert!(self.insts[inst.index()].block.is_none(), "{inst} is placed");
        self.insts[inst.index()].block = Some(block);
        self.block_mut(block).insts.insert(position, inst);
    }

    /// A new phi of type `ty` at the start of `block`, with no incoming
    /// values yet.
    pub fn add_phi(&mut self, block: BlockId, ty: Type, span: Span) -> ValueId {
        let (inst, result) = self.make_inst(
            InstKind::Phi {
                incoming: Vec::new(),
            },
            Some(ty),
            span,
        );
        let at = self
            .block(block)
            .insts
            .iter()
            .take_while(|&&i| matches!(self.inst(i).kind, InstKind::Phi { .. }))
            .count();
        self.insert_at(block, at, inst);
        result.expect("made with a result")
    }

    /// Move a placed instruction to the end of `block`; its value keeps
    /// its definition (the caller keeps every use dominated by it).
    pub fn move_to_end(&mut self, inst: InstId, block: BlockId) {
        let from = self.insts[inst.index()]
            .block
            .take()
            .unwrap_or_else(|| panic!("{inst} is not placed"));
        self.block_mut(from).insts.retain(|&i| i != inst);
        self.place_at_end(block, inst);
    }

    /// Take an instruction out of its block; its value becomes detached.
    pub fn remove_inst(&mut self, inst: InstId) {
        if let Some(block) = self.insts[inst.index()].block.take() {
            self.block_mut(block).insts.retain(|&i| i != inst);
        }
        if let Some(v) = self.insts[inst.index()].result {
            self.values[v.index()].def = ValueDef::Detached;
        }
    }

    /// Rewrite every operand (of instructions and terminators) through `f`.
    pub fn map_uses(&mut self, mut f: impl FnMut(ValueId) -> ValueId) {
        let blocks = self.blocks();
        for b in blocks {
            let insts = self.block(b).insts.clone();
            for i in insts {
                for arg in self.insts[i.index()].kind.args_mut() {
                    *arg = f(*arg);
                }
            }
            match &mut self.block_mut(b).term {
                Terminator::Branch { cond } => *cond = f(*cond),
                Terminator::Return(Some(v)) => *v = f(*v),
                _ => {}
            }
        }
    }

    // ------------------------------------------------------------ blocks

    /// The entry block.
    pub fn entry(&self) -> BlockId {
        self.entry
    }

    /// Make `block` the entry.
    pub fn set_entry(&mut self, block: BlockId) {
        self.entry = block;
        self.invalidate();
    }

    /// A new empty block ending in `unreachable`.
    pub fn add_block(&mut self) -> BlockId {
        self.invalidate();
        block_of(self.graph.add_node(BlockData {
            insts: Vec::new(),
            term: Terminator::Unreachable,
            term_span: Span::default(),
        }))
    }

    /// Make sure block ids up to `block` exist; the parser keeps the text's
    /// numbering with it, and removes the blocks it did not define.
    pub fn reserve_blocks(&mut self, upto: BlockId) {
        while self.graph.node_bound() <= upto.index() {
            self.add_block();
        }
    }

    /// Remove a block, its instructions and its edges. Phis of its
    /// successors must drop it first.
    pub fn remove_block(&mut self, block: BlockId) {
        assert_ne!(block, self.entry, "the entry block stays");
        for inst in self.block(block).insts.clone() {
            self.remove_inst(inst);
        }
        self.graph.remove_node(node(block));
        self.invalidate();
    }

    /// Whether `block` exists.
    pub fn has_block(&self, block: BlockId) -> bool {
        self.graph.contains_node(node(block))
    }

    /// Every block, by id.
    pub fn blocks(&self) -> Vec<BlockId> {
        let mut out: Vec<BlockId> = self.graph.node_indices().map(block_of).collect();
        out.sort_unstable();
        out
    }

    /// A block.
    pub fn block(&self, block: BlockId) -> &BlockData {
        &self.graph[node(block)]
    }

    fn block_mut(&mut self, block: BlockId) -> &mut BlockData {
        &mut self.graph[node(block)]
    }

    /// A block's instruction list as it is, for tests that break the
    /// placement invariants on purpose.
    #[cfg(test)]
    pub(crate) fn insts_mut_for_tests(&mut self, block: BlockId) -> &mut Vec<InstId> {
        &mut self.block_mut(block).insts
    }

    /// A block's instructions, in order.
    pub fn insts(&self, block: BlockId) -> &[InstId] {
        &self.block(block).insts
    }

    /// A block's terminator.
    pub fn terminator(&self, block: BlockId) -> &Terminator {
        &self.block(block).term
    }

    /// Rewrite the operand of a block's terminator (a branch's condition,
    /// a returned value) through `f`; its edges stay.
    pub fn map_terminator_use(&mut self, block: BlockId, f: impl FnOnce(ValueId) -> ValueId) {
        match &mut self.block_mut(block).term {
            Terminator::Branch { cond: v } | Terminator::Return(Some(v)) => *v = f(*v),
            _ => {}
        }
    }

    /// Set the source of a block's terminator.
    pub fn set_terminator_span(&mut self, block: BlockId, span: Span) {
        self.block_mut(block).term_span = span;
    }

    fn set_terminator(&mut self, block: BlockId, term: Terminator, edges: &[(EdgeKind, BlockId)]) {
        let old: Vec<_> = self
            .graph
            .edges_directed(node(block), Direction::Outgoing)
            .map(|e| e.id())
            .collect();
        for e in old {
            self.graph.remove_edge(e);
        }
        for &(kind, target) in edges {
            assert!(self.has_block(target), "{block} -> missing {target}");
            self.graph.add_edge(node(block), node(target), kind);
        }
        self.block_mut(block).term = term;
        self.invalidate();
    }

    /// End `block` with `jump target`.
    pub fn set_jump(&mut self, block: BlockId, target: BlockId) {
        self.set_terminator(block, Terminator::Jump, &[(EdgeKind::Jump, target)]);
    }

    /// End `block` with `br cond, then, otherwise`. The targets must
    /// differ: give an empty arm a block of its own.
    pub fn set_branch(&mut self, block: BlockId, cond: ValueId, then: BlockId, otherwise: BlockId) {
        assert_ne!(then, otherwise, "{block}: parallel edges to {then}");
        self.set_terminator(
            block,
            Terminator::Branch { cond },
            &[(EdgeKind::Then, then), (EdgeKind::Else, otherwise)],
        );
    }

    /// End `block` with a terminator that leaves the function (`ret`,
    /// `raise`, `unreachable`).
    pub fn set_exit(&mut self, block: BlockId, term: Terminator) {
        assert!(
            !matches!(term, Terminator::Jump | Terminator::Branch { .. }),
            "set_exit takes a terminator without successors"
        );
        self.set_terminator(block, term, &[]);
    }

    /// Set a terminator and its edges as they are, parallel edges included;
    /// for the parser, whose input the verifier then judges.
    pub fn set_terminator_unchecked(
        &mut self,
        block: BlockId,
        term: Terminator,
        edges: &[(EdgeKind, BlockId)],
    ) {
        self.set_terminator(block, term, edges);
    }

    /// Point the edge from `from` to `old` at `new` instead (phis of `old`
    /// and `new` are the caller's business).
    pub fn redirect_edge(&mut self, from: BlockId, old: BlockId, new: BlockId) {
        let edges: Vec<(EdgeKind, BlockId)> = self
            .succ_edges(from)
            .into_iter()
            .map(|(k, t)| (k, if t == old { new } else { t }))
            .collect();
        let term = self.block(from).term.clone();
        self.set_terminator(from, term, &edges);
    }

    /// A block's out-edges: `Jump`, or `Then` then `Else`.
    pub fn succ_edges(&self, block: BlockId) -> Vec<(EdgeKind, BlockId)> {
        let mut out: Vec<(EdgeKind, BlockId)> = self
            .graph
            .edges_directed(node(block), Direction::Outgoing)
            .map(|e| (*e.weight(), block_of(e.target())))
            .collect();
        out.sort_unstable();
        out
    }

    /// A block's successors, in edge order.
    pub fn succs(&self, block: BlockId) -> Vec<BlockId> {
        self.succ_edges(block).into_iter().map(|(_, b)| b).collect()
    }

    /// The successor along an edge kind.
    pub fn succ(&self, block: BlockId, kind: EdgeKind) -> Option<BlockId> {
        self.succ_edges(block)
            .into_iter()
            .find(|&(k, _)| k == kind)
            .map(|(_, b)| b)
    }

    // ------------------------------------------------------------ CFG facts

    fn invalidate(&mut self) {
        self.cache.take();
    }

    fn cfg(&self) -> &CfgCache {
        self.cache.get_or_init(|| self.compute_cfg())
    }

    fn compute_cfg(&self) -> CfgCache {
        let mut preds: FxHashMap<BlockId, Vec<BlockId>> = FxHashMap::default();
        for b in self.blocks() {
            let mut p: Vec<BlockId> = self
                .graph
                .edges_directed(node(b), Direction::Incoming)
                .map(|e| block_of(e.source()))
                .collect();
            p.sort_unstable();
            preds.insert(b, p);
        }
        // Reverse postorder by an explicit-stack DFS over successors in
        // edge order, so it does not depend on petgraph's neighbour order.
        let mut post = Vec::new();
        let mut visited = rustc_hash::FxHashSet::default();
        let mut stack: Vec<(BlockId, usize)> = vec![(self.entry, 0)];
        visited.insert(self.entry);
        while let Some((b, next)) = stack.pop() {
            let succs = self.succs(b);
            if let Some(&s) = succs.get(next) {
                stack.push((b, next + 1));
                if visited.insert(s) {
                    stack.push((s, 0));
                }
            } else {
                post.push(b);
            }
        }
        post.reverse();
        let rpo = post;
        let rpo_index: FxHashMap<BlockId, usize> =
            rpo.iter().enumerate().map(|(i, &b)| (b, i)).collect();
        // Cooper, Harvey and Kennedy, "A Simple, Fast Dominance Algorithm".
        let mut idom: FxHashMap<BlockId, BlockId> = FxHashMap::default();
        idom.insert(self.entry, self.entry);
        let mut changed = true;
        while changed {
            changed = false;
            for &b in rpo.iter().skip(1) {
                let mut new_idom: Option<BlockId> = None;
                for &p in &preds[&b] {
                    if !idom.contains_key(&p) {
                        continue;
                    }
                    new_idom = Some(match new_idom {
                        None => p,
                        Some(cur) => {
                            let (mut x, mut y) = (p, cur);
                            while x != y {
                                while rpo_index[&x] > rpo_index[&y] {
                                    x = idom[&x];
                                }
                                while rpo_index[&y] > rpo_index[&x] {
                                    y = idom[&y];
                                }
                            }
                            x
                        }
                    });
                }
                if let Some(d) = new_idom
                    && idom.get(&b) != Some(&d)
                {
                    idom.insert(b, d);
                    changed = true;
                }
            }
        }
        idom.remove(&self.entry);
        CfgCache {
            preds,
            rpo,
            idom,
            rpo_index,
        }
    }

    /// A block's predecessors, by id.
    pub fn preds(&self, block: BlockId) -> &[BlockId] {
        self.cfg().preds.get(&block).map_or(&[], Vec::as_slice)
    }

    /// The blocks reachable from the entry, in reverse postorder.
    pub fn rpo(&self) -> &[BlockId] {
        &self.cfg().rpo
    }

    /// Whether `block` is reachable from the entry.
    pub fn is_reachable(&self, block: BlockId) -> bool {
        self.cfg().rpo_index.contains_key(&block)
    }

    /// The immediate dominator of a reachable block other than the entry.
    pub fn idom(&self, block: BlockId) -> Option<BlockId> {
        self.cfg().idom.get(&block).copied()
    }

    /// Whether `a` dominates `b` (both reachable; a block dominates
    /// itself).
    pub fn dominates(&self, a: BlockId, b: BlockId) -> bool {
        let mut cur = b;
        loop {
            if cur == a {
                return true;
            }
            match self.idom(cur) {
                Some(d) => cur = d,
                None => return false,
            }
        }
    }
}

/// The functions of one compiled program, the entry first.
#[derive(Clone, Debug)]
pub struct Program {
    /// The functions; `FuncRef(i)` is `functions[i]`.
    pub functions: Vec<Function>,
    /// The Python source, when the program was built from it (for the
    /// line numbers of error records).
    pub source: Option<Arc<SourceFile>>,
}

impl Program {
    /// The function with this reference.
    pub fn function(&self, f: FuncRef) -> &Function {
        &self.functions[f.index()]
    }

    /// The Python line of a span, or 0 without a source.
    pub fn line(&self, span: Span) -> u32 {
        self.source
            .as_ref()
            .map_or(0, |s| s.line_number(span.start))
    }
}
