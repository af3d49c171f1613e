//! The surgery the loop passes share: giving a loop a preheader, and
//! versioning it (a guarded copy, with SSA repaired for the values the
//! loop defines and the code after it uses). The loops themselves are
//! `pyjit_ir::loops`.

use std::collections::BTreeSet;

use pyjit_frontend::Span;
pub use pyjit_ir::loops::{Loop, find_loops};
use pyjit_ir::{BlockId, EdgeKind, Function, InstId, InstKind, Terminator, ValueId};
use rustc_hash::{FxHashMap, FxHashSet};

/// Give `l` a preheader if it has none: a new block that the loop's
/// entries jump to instead of the header, with the header's phis over
/// them moved into it. Returns the preheader.
pub fn ensure_preheader(func: &mut Function, l: &Loop) -> BlockId {
    if let Some(p) = l.preheader(func) {
        return p;
    }
    let entries = l.entries(func);
    let pre = func.add_block();
    let span = func.block(l.header).term_span;
    for &e in &entries {
        func.redirect_edge(e, l.header, pre);
    }
    func.set_jump(pre, l.header);
    for inst in phis(func, l.header) {
        let InstKind::Phi { incoming } = func.inst(inst).kind.clone() else {
            unreachable!("phis() gives phis")
        };
        let (outside, inside): (Vec<_>, Vec<_>) =
            incoming.into_iter().partition(|(b, _)| entries.contains(b));
        let ty = func.value_type(func.inst(inst).result.expect("a phi has a value"));
        // One value from every entry needs no phi (a range's start, its
        // counter's 0).
        let entering = match outside.as_slice() {
            [(_, v), rest @ ..] if rest.iter().all(|(_, w)| w == v) => *v,
            _ => {
                let merged = func.add_phi(pre, ty, span);
                set_incoming(func, merged, outside);
                merged
            }
        };
        let mut incoming = inside;
        incoming.push((pre, entering));
        set_incoming(
            func,
            func.inst(inst).result.expect("a phi has a value"),
            incoming,
        );
    }
    pre
}

/// The phis at the start of `block`.
pub fn phis(func: &Function, block: BlockId) -> Vec<InstId> {
    func.insts(block)
        .iter()
        .copied()
        .take_while(|&i| matches!(func.inst(i).kind, InstKind::Phi { .. }))
        .collect()
}

fn set_incoming(func: &mut Function, phi: ValueId, incoming: Vec<(BlockId, ValueId)>) {
    let inst = func.defining_inst(phi).expect("a phi is an instruction");
    *func.inst_kind_mut(inst) = InstKind::Phi { incoming };
}

/// A loop and its copy, made by [`version`].
pub struct Versioned {
    /// Each block of the loop's copy, by the original block.
    pub blocks: FxHashMap<BlockId, BlockId>,
    /// Each value the copy defines, by the original value.
    pub values: FxHashMap<ValueId, ValueId>,
}

/// Copy loop `l` (of a function whose blocks are all reachable) and run
/// the copy when `guard` (computed in the preheader `pre`) holds, the
/// original otherwise. The copy's values are new; a value of the loop used
/// after it becomes the merge of the two loops' values (phis where the two
/// paths meet).
pub fn version(func: &mut Function, l: &Loop, pre: BlockId, guard: ValueId) -> Versioned {
    let exits = l.exits(func);
    // The copy's blocks, then its instructions (values renamed), then its
    // terminators (targets inside the loop renamed).
    let blocks: FxHashMap<BlockId, BlockId> =
        l.blocks.iter().map(|&b| (b, func.add_block())).collect();
    let mut values: FxHashMap<ValueId, ValueId> = FxHashMap::default();
    let mut made: Vec<(InstId, BlockId)> = Vec::new();
    for &b in &l.blocks {
        for &inst in func.insts(b).to_vec().iter() {
            let data = func.inst(inst).clone();
            let ty = data.result.map(|v| func.value_type(v));
            let (copy, result) = func.make_inst(data.kind, ty, data.span);
            if let (Some(old), Some(new)) = (data.result, result) {
                values.insert(old, new);
            }
            made.push((copy, blocks[&b]));
        }
    }
    let rename = |v: ValueId| values.get(&v).copied().unwrap_or(v);
    for (inst, block) in made {
        let kind = func.inst_kind_mut(inst);
        for arg in kind.args_mut() {
            *arg = rename(*arg);
        }
        if let InstKind::Phi { incoming } = kind {
            // Inside the loop, from the copy's block; into the header, from
            // the preheader, the one way in.
            incoming.retain(|(from, _)| blocks.contains_key(from) || *from == pre);
            for (from, _) in incoming.iter_mut() {
                *from = blocks.get(from).copied().unwrap_or(*from);
            }
        }
        func.place_at_end(block, inst);
    }
    for &b in &l.blocks {
        let term = match func.terminator(b).clone() {
            Terminator::Branch { cond } => Terminator::Branch { cond: rename(cond) },
            Terminator::Return(Some(v)) => Terminator::Return(Some(rename(v))),
            other => other,
        };
        let edges: Vec<(EdgeKind, BlockId)> = func
            .succ_edges(b)
            .into_iter()
            .map(|(k, t)| (k, blocks.get(&t).copied().unwrap_or(t)))
            .collect();
        let span = func.block(b).term_span;
        func.set_terminator_unchecked(blocks[&b], term, &edges);
        func.set_terminator_span(blocks[&b], span);
    }
    // The preheader chooses.
    let copy_header = blocks[&l.header];
    func.set_branch(pre, guard, copy_header, l.header);
    // The exits' phis take the copy's values along the copy's edges.
    for &(from, to) in &exits {
        for phi in phis(func, to) {
            let InstKind::Phi { incoming } = func.inst(phi).kind.clone() else {
                unreachable!("phis() gives phis")
            };
            let mut incoming = incoming;
            let extra: Vec<(BlockId, ValueId)> = incoming
                .iter()
                .filter(|(b, _)| *b == from)
                .map(|&(_, v)| (blocks[&from], rename(v)))
                .collect();
            incoming.extend(extra);
            *func.inst_kind_mut(phi) = InstKind::Phi { incoming };
        }
    }
    repair_uses_after(func, l, &blocks, &values);
    Versioned { blocks, values }
}

/// After [`version`]: every use outside both loops of a value the loop
/// defines reads whichever of the value and its copy reaches it, through
/// new phis where the two meet (Braun et al.'s on-demand SSA
/// construction, with every block of a loop defining its version).
fn repair_uses_after(
    func: &mut Function,
    l: &Loop,
    blocks: &FxHashMap<BlockId, BlockId>,
    values: &FxHashMap<ValueId, ValueId>,
) {
    let copies: FxHashSet<BlockId> = blocks.values().copied().collect();
    let inside = |b: BlockId| l.contains(b) || copies.contains(&b);
    // The loop's values read outside both loops.
    let mut live_out: BTreeSet<ValueId> = BTreeSet::new();
    for b in func.blocks() {
        if inside(b) {
            continue;
        }
        for &inst in func.insts(b) {
            live_out.extend(
                func.inst(inst)
                    .kind
                    .args()
                    .into_iter()
                    .filter(|v| values.contains_key(v)),
            );
        }
        if let Terminator::Branch { cond: v } | Terminator::Return(Some(v)) = *func.terminator(b)
            && values.contains_key(&v)
        {
            live_out.insert(v);
        }
    }
    for v in live_out {
        let mut updater = SsaUpdater {
            original: v,
            copy: values[&v],
            in_loop: &l.blocks,
            in_copy: &copies,
            at_entry: FxHashMap::default(),
            made: Vec::new(),
        };
        let outside: Vec<BlockId> = func.blocks().into_iter().filter(|&b| !inside(b)).collect();
        for b in outside {
            for inst in func.insts(b).to_vec() {
                let kind = func.inst(inst).kind.clone();
                let new_kind = match kind {
                    InstKind::Phi { incoming } => InstKind::Phi {
                        incoming: incoming
                            .into_iter()
                            .map(|(from, x)| {
                                let x = if x == v {
                                    updater.at_end(func, from)
                                } else {
                                    x
                                };
                                (from, x)
                            })
                            .collect(),
                    },
                    mut other => {
                        if other.args().contains(&v) {
                            let reaching = updater.at_entry(func, b);
                            for arg in other.args_mut() {
                                if *arg == v {
                                    *arg = reaching;
                                }
                            }
                        }
                        other
                    }
                };
                *func.inst_kind_mut(inst) = new_kind;
            }
            if let Terminator::Branch { cond: x } | Terminator::Return(Some(x)) =
                *func.terminator(b)
                && x == v
            {
                let reaching = updater.at_entry(func, b);
                func.map_terminator_use(b, |_| reaching);
            }
        }
        updater.remove_trivial_phis(func);
    }
}

/// The value of one variable with two definitions, the original loop's
/// and its copy's, at any block after them.
struct SsaUpdater<'a> {
    original: ValueId,
    copy: ValueId,
    in_loop: &'a BTreeSet<BlockId>,
    in_copy: &'a FxHashSet<BlockId>,
    at_entry: FxHashMap<BlockId, ValueId>,
    made: Vec<ValueId>,
}

impl SsaUpdater<'_> {
    fn at_end(&mut self, func: &mut Function, block: BlockId) -> ValueId {
        if self.in_loop.contains(&block) {
            self.original
        } else if self.in_copy.contains(&block) {
            self.copy
        } else {
            self.at_entry(func, block)
        }
    }

    fn at_entry(&mut self, func: &mut Function, block: BlockId) -> ValueId {
        if let Some(&v) = self.at_entry.get(&block) {
            return v;
        }
        let preds = func.preds(block).to_vec();
        if let [pred] = preds.as_slice() {
            let v = self.at_end(func, *pred);
            self.at_entry.insert(block, v);
            return v;
        }
        let ty = func.value_type(self.original);
        let phi = func.add_phi(block, ty, Span::default());
        self.at_entry.insert(block, phi);
        self.made.push(phi);
        let incoming: Vec<(BlockId, ValueId)> = preds
            .into_iter()
            .map(|p| (p, self.at_end(func, p)))
            .collect();
        set_incoming(func, phi, incoming);
        phi
    }

    /// Replace each phi made whose operands are one value (besides
    /// itself) by that value, until none is left.
    fn remove_trivial_phis(&mut self, func: &mut Function) {
        loop {
            let mut replaced = None;
            for &phi in &self.made {
                let Some(inst) = func.defining_inst(phi) else {
                    continue;
                };
                let InstKind::Phi { incoming } = &func.inst(inst).kind else {
                    continue;
                };
                let others: FxHashSet<ValueId> = incoming
                    .iter()
                    .map(|&(_, v)| v)
                    .filter(|&v| v != phi)
                    .collect();
                if let [only] = others.into_iter().collect::<Vec<_>>().as_slice() {
                    replaced = Some((phi, inst, *only));
                    break;
                }
            }
            let Some((phi, inst, only)) = replaced else {
                return;
            };
            func.remove_inst(inst);
            func.map_uses(|v| if v == phi { only } else { v });
            self.made.retain(|&p| p != phi);
        }
    }
}
