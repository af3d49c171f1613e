//! Inlining: a call of a small leaf function becomes a copy of its body.
//!
//! Needs typed SSA in every function. The callee of a call is inlined when
//! it is a leaf that only computes: no calls (so it is on no call cycle,
//! and never counts recursion depth), no allocation and no array-typed
//! value of its own (its arrays are its parameters, which the caller
//! holds, so no reference count changes hands), an entry block nothing
//! jumps back to, at least one `ret`, and at most [`MAX_INLINED_INSTS`]
//! instructions.
//!
//! Nothing observable changes. The copied instructions keep their spans,
//! so an exception raised in the copy reports the callee's line, as the
//! call did; a `raise` in the callee stays a `raise`. What inlining buys
//! is what the passes after it see: a loop calling `eval_A(i, j)` holds
//! the arithmetic on its range variables, so check elimination can bound
//! the divisor of `1.0 / (...)` and drop its zero check, and the C
//! compiler sees a loop without calls, which it can vectorize.
//!
//! The call's block is split after the call: the copy of the callee's
//! entry follows the first half, each `ret` jumps to the second half,
//! and the call's value becomes the returned value (a phi of them when
//! the callee returns in several places).

use pyjit_ir::{BlockId, EdgeKind, Function, InstId, InstKind, Program, Terminator, ValueId};
use rustc_hash::FxHashMap;

use crate::{PassError, PassReport};

/// Callees with more instructions than this stay calls: copies of bigger
/// bodies grow the caller (and the C compile) for a call cost that is
/// small next to the body's.
pub const MAX_INLINED_INSTS: usize = 40;

/// Inline every call of a small leaf function.
pub fn run(program: &mut Program) -> Result<PassReport, PassError> {
    let inlinable: Vec<bool> = program.functions.iter().map(is_inlinable).collect();
    let mut changed = false;
    for caller in 0..program.functions.len() {
        loop {
            let func = &program.functions[caller];
            let call = func.blocks().into_iter().find_map(|b| {
                func.insts(b).iter().copied().find(|&inst| {
                    matches!(func.inst(inst).kind,
                        InstKind::Call { func: callee, .. }
                            if inlinable[callee.index()] && callee.index() != caller)
                })
            });
            let Some(call) = call else {
                break;
            };
            let InstKind::Call { func: callee, .. } = program.functions[caller].inst(call).kind
            else {
                unreachable!("found as a call")
            };
            let body = program.functions[callee.index()].clone();
            inline_call(&mut program.functions[caller], call, &body);
            changed = true;
        }
    }
    Ok(PassReport::changed(changed))
}

/// Whether calls of `func` are inlined (see the module documentation).
fn is_inlinable(func: &Function) -> bool {
    let blocks = func.rpo();
    let size: usize = blocks.iter().map(|&b| func.insts(b).len()).sum();
    let computes_only = blocks.iter().all(|&b| {
        func.insts(b).iter().all(|&inst| {
            let data = func.inst(inst);
            !matches!(data.kind, InstKind::Call { .. } | InstKind::Alloc { .. })
                && data.result.is_none_or(|v| !func.value_type(v).is_array())
        })
    });
    let returns = blocks
        .iter()
        .any(|&b| matches!(func.terminator(b), Terminator::Return(_)));
    !func.recursive
        && size <= MAX_INLINED_INSTS
        && computes_only
        && returns
        && func.preds(func.entry()).is_empty()
}

/// Replace the call `call` in `func` by a copy of `callee`'s body.
fn inline_call(func: &mut Function, call: InstId, callee: &Function) {
    let data = func.inst(call).clone();
    let InstKind::Call { args, .. } = &data.kind else {
        unreachable!("inlining a call")
    };
    let block = data.block.expect("the call is placed");

    // Split the block after the call: the rest, the terminator and the
    // out-edges move to `after`, and the successors' phis follow them.
    let after = func.add_block();
    let position = func
        .insts(block)
        .iter()
        .position(|&i| i == call)
        .expect("the call is in its block");
    for &inst in &func.insts(block)[position + 1..].to_vec() {
        func.move_to_end(inst, after);
    }
    let term = func.terminator(block).clone();
    let edges = func.succ_edges(block);
    let term_span = func.block(block).term_span;
    func.set_terminator_unchecked(after, term, &edges);
    func.set_terminator_span(after, term_span);
    for &(_, succ) in &edges {
        rename_predecessor(func, succ, block, after);
    }
    func.remove_inst(call);

    // The callee's reachable blocks, their instructions renamed: its
    // parameters are the call's arguments.
    let order = callee.rpo().to_vec();
    let blocks: FxHashMap<BlockId, BlockId> =
        order.iter().map(|&b| (b, func.add_block())).collect();
    let mut values: FxHashMap<ValueId, ValueId> = callee
        .params()
        .iter()
        .copied()
        .zip(args.iter().copied())
        .collect();
    let mut made: Vec<InstId> = Vec::new();
    for &b in &order {
        for &inst in callee.insts(b) {
            let original = callee.inst(inst);
            let ty = original.result.map(|v| callee.value_type(v));
            let (copy, result) = func.make_inst(original.kind.clone(), ty, original.span);
            if let (Some(old), Some(new)) = (original.result, result) {
                values.insert(old, new);
            }
            func.place_at_end(blocks[&b], copy);
            made.push(copy);
        }
    }
    let rename = |v: ValueId| values.get(&v).copied().unwrap_or(v);
    for inst in made {
        let kind = func.inst_kind_mut(inst);
        for arg in kind.args_mut() {
            *arg = rename(*arg);
        }
        if let InstKind::Phi { incoming } = kind {
            // An edge from a block the callee never reaches carries nothing.
            incoming.retain(|(from, _)| blocks.contains_key(from));
            for (from, _) in incoming.iter_mut() {
                *from = blocks[from];
            }
        }
    }

    // Terminators: `ret` goes on to `after` with the value it returns.
    let mut returned: Vec<(BlockId, Option<ValueId>)> = Vec::new();
    for &b in &order {
        let copy = blocks[&b];
        let (term, edges) = match callee.terminator(b).clone() {
            Terminator::Return(value) => {
                returned.push((copy, value.map(rename)));
                (Terminator::Jump, vec![(EdgeKind::Jump, after)])
            }
            Terminator::Branch { cond } => {
                let edges = renamed_edges(callee, b, &blocks);
                (Terminator::Branch { cond: rename(cond) }, edges)
            }
            other => (other, renamed_edges(callee, b, &blocks)),
        };
        func.set_terminator_unchecked(copy, term, &edges);
        func.set_terminator_span(copy, callee.block(b).term_span);
    }
    func.set_jump(block, blocks[&callee.entry()]);

    // The call's value is what the callee returned.
    if let Some(result) = data.result {
        let value = match returned.as_slice() {
            [(_, Some(v))] => *v,
            _ => {
                let phi = func.add_phi(after, func.value_type(result), data.span);
                let incoming = returned
                    .iter()
                    .map(|&(from, v)| (from, v.expect("a function with a value returns one")))
                    .collect();
                let inst = func.defining_inst(phi).expect("a phi is an instruction");
                *func.inst_kind_mut(inst) = InstKind::Phi { incoming };
                phi
            }
        };
        func.map_uses(|v| if v == result { value } else { v });
    }
}

/// The out-edges of the callee's block `b`, retargeted at the copies.
fn renamed_edges(
    callee: &Function,
    b: BlockId,
    blocks: &FxHashMap<BlockId, BlockId>,
) -> Vec<(EdgeKind, BlockId)> {
    callee
        .succ_edges(b)
        .into_iter()
        .map(|(kind, target)| (kind, blocks[&target]))
        .collect()
}

/// In `block`'s phis, the entries from `old` now come from `new`.
fn rename_predecessor(func: &mut Function, block: BlockId, old: BlockId, new: BlockId) {
    for inst in crate::loops::phis(func, block) {
        if let InstKind::Phi { incoming } = func.inst_kind_mut(inst) {
            for (from, _) in incoming.iter_mut() {
                if *from == old {
                    *from = new;
                }
            }
        }
    }
}
