//! Phi elimination: out of SSA, for C, which has variables but no phis.
//!
//! Needs: typed SSA. Guarantees: no phi is left; the value a phi defined
//! is now assigned by a `copy` at the end of each predecessor, so such a
//! value may have several definitions (the verifier's `PhiFree` phase);
//! every other value keeps its single definition.
//!
//! Two classic problems are handled here (Briggs, Cooper, Harvey and
//! Simpson, "Practical Improvements to the Construction and Destruction of
//! Static Single Assignment Form", 1998; regalloc2's `moves.rs` for the
//! sequencing):
//! - the *lost copy*: a copy placed at the end of a predecessor with
//!   several successors would run on paths that do not enter the phi's
//!   block, so such critical edges are split first, with a block of their
//!   own holding the copies;
//! - the *swap*: the phis of one block read their operands all at once
//!   (`a, b = b, a` in a loop gives `a2 = phi [b1]`, `b2 = phi [a1]`), so
//!   one edge's copies are a parallel move, sequenced so that no copy
//!   overwrites a value a later one still reads, with one temporary per
//!   cycle.

use pyjit_ir::{BlockId, Function, InstKind, ValueId};

use crate::{PassError, PassReport};

/// Eliminate every phi of `func`.
pub fn run(func: &mut Function) -> Result<PassReport, PassError> {
    let mut changed = false;
    for block in func.blocks() {
        let phis = phis_of(func, block);
        if phis.is_empty() {
            continue;
        }
        changed = true;
        split_critical_edges(func, block, &phis);
        // The parallel move on each incoming edge: (destination, source).
        let mut moves_by_pred: Vec<(BlockId, Vec<(ValueId, ValueId)>)> =
            func.preds(block).iter().map(|&p| (p, Vec::new())).collect();
        for &phi in &phis {
            let data = func.inst(phi);
            let dst = data.result.expect("a phi has a value");
            let InstKind::Phi { incoming } = &data.kind else {
                unreachable!("phis_of gives phis")
            };
            for &(pred, src) in incoming {
                if let Some((_, moves)) = moves_by_pred.iter_mut().find(|(p, _)| *p == pred) {
                    moves.push((dst, src));
                }
            }
        }
        let span = func.inst(phis[0]).span;
        for &phi in &phis {
            func.remove_inst(phi);
        }
        for (pred, moves) in moves_by_pred {
            for (dst, src) in sequence(func, moves) {
                // A removed phi's value keeps its type.
                let ty = func.value_type(dst);
                let inst =
                    func.make_inst_with_result(InstKind::Copy { arg: src }, Some((dst, ty)), span);
                func.place_at_end(pred, inst);
            }
        }
    }
    Ok(PassReport::changed(changed))
}

fn phis_of(func: &Function, block: BlockId) -> Vec<pyjit_ir::InstId> {
    func.insts(block)
        .iter()
        .copied()
        .filter(|&i| matches!(func.inst(i).kind, InstKind::Phi { .. }))
        .collect()
}

/// Give every edge into `block` from a block with several successors a
/// block of its own, and point the phis at it.
fn split_critical_edges(func: &mut Function, block: BlockId, phis: &[pyjit_ir::InstId]) {
    for pred in func.preds(block).to_vec() {
        if func.succs(pred).len() < 2 {
            continue;
        }
        let middle = func.add_block();
        func.redirect_edge(pred, block, middle);
        func.set_jump(middle, block);
        for &phi in phis {
            if let InstKind::Phi { incoming } = func.inst_kind_mut(phi) {
                for (from, _) in incoming.iter_mut() {
                    if *from == pred {
                        *from = middle;
                    }
                }
            }
        }
    }
}

/// Order a parallel move as sequential copies: a copy goes once no other
/// pending copy reads its destination; when only cycles remain, one
/// destination is saved in a new temporary, which the copies reading it
/// read instead.
fn sequence(func: &mut Function, moves: Vec<(ValueId, ValueId)>) -> Vec<(ValueId, ValueId)> {
    let mut pending: Vec<(ValueId, ValueId)> =
        moves.into_iter().filter(|(dst, src)| dst != src).collect();
    let mut out = Vec::with_capacity(pending.len() + 1);
    while !pending.is_empty() {
        let ready = pending
            .iter()
            .position(|&(dst, _)| !pending.iter().any(|&(_, src)| src == dst));
        if let Some(i) = ready {
            out.push(pending.remove(i));
            continue;
        }
        // Every destination is still read: a cycle. Save the first
        // destination's value and let its readers read the copy.
        let (dst, _) = pending[0];
        let ty = func.value_type(dst);
        let temp = func.new_detached_value(ty);
        out.push((temp, dst));
        for (_, src) in &mut pending {
            if *src == dst {
                *src = temp;
            }
        }
    }
    out
}
