//! Dead code elimination.
//!
//! Needs typed SSA (whether an instruction can raise depends on its
//! operand and result types). Guarantees that every block is reachable from
//! the entry (an unreachable block is removed after the phis of its
//! reachable successors drop its entries), and that every instruction left
//! either has an effect ([`InstKind::has_effect`]: stores, prints, calls),
//! may raise ([`InstKind::can_raise`]: an operation that can raise is not
//! dead, its exception is observable), or computes a value that such an
//! instruction, a terminator, or a phi feeding one of them uses,
//! transitively. A `load` cannot raise (the `index` before it does), so a
//! dead load goes. Liveness is a mark from those roots and a sweep of
//! everything unmarked. Control flow is otherwise left alone: threading
//! jumps and merging blocks is not this pass's business.

use pyjit_ir::{BlockId, Function, InstId, InstKind, Terminator};

use crate::{PassError, PassReport, drop_phi_entries};

/// Remove unreachable blocks, then dead instructions.
pub fn run(func: &mut Function) -> Result<PassReport, PassError> {
    let blocks = remove_unreachable(func);
    let insts = remove_dead(func);
    Ok(PassReport::changed(blocks || insts))
}

/// Remove the blocks the entry cannot reach; whether there were any.
pub(crate) fn remove_unreachable(func: &mut Function) -> bool {
    let dead: Vec<BlockId> = func
        .blocks()
        .into_iter()
        .filter(|&b| !func.is_reachable(b))
        .collect();
    // Editing phis leaves the CFG, and so reachability, as it is.
    for &block in &dead {
        for succ in func.succs(block) {
            if func.is_reachable(succ) {
                drop_phi_entries(func, succ, block);
            }
        }
    }
    for &block in &dead {
        func.remove_block(block);
    }
    !dead.is_empty()
}

/// Whether an instruction must stay whether or not its value is used.
fn is_root(func: &Function, inst: InstId) -> bool {
    let data = func.inst(inst);
    // The pass runs before phi elimination; should it run after, a value
    // assigned by several copies has no one defining instruction to mark,
    // so copies are kept rather than guessed about.
    if let InstKind::Copy { .. } = data.kind {
        return true;
    }
    data.kind.has_effect() || crate::may_raise(func, inst)
}

/// Mark the instructions the roots use, transitively, and remove the rest;
/// whether anything went.
fn remove_dead(func: &mut Function) -> bool {
    let mut live = vec![false; func.inst_count()];
    let mut work: Vec<InstId> = Vec::new();
    let mut mark = |inst: InstId, work: &mut Vec<InstId>| {
        if !live[inst.index()] {
            live[inst.index()] = true;
            work.push(inst);
        }
    };
    for block in func.blocks() {
        for &inst in func.insts(block) {
            if is_root(func, inst) {
                mark(inst, &mut work);
            }
        }
        let used = match func.terminator(block) {
            Terminator::Branch { cond } => Some(*cond),
            Terminator::Return(value) => *value,
            _ => None,
        };
        if let Some(def) = used.and_then(|v| func.defining_inst(v)) {
            mark(def, &mut work);
        }
    }
    while let Some(inst) = work.pop() {
        for arg in func.inst(inst).kind.args() {
            if let Some(def) = func.defining_inst(arg) {
                mark(def, &mut work);
            }
        }
    }
    let mut changed = false;
    for block in func.blocks() {
        for inst in func.insts(block).to_vec() {
            if !live[inst.index()] {
                func.remove_inst(inst);
                changed = true;
            }
        }
    }
    changed
}
