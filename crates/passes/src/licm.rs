//! Loop-invariant code motion: an instruction of a loop whose operands are
//! all defined outside it, and which neither raises, reads array memory
//! nor has an effect, moves to the loop's preheader, unless its value is a
//! `bool` (see [`movable`]).
//!
//! Needs typed SSA (whether an instruction can raise depends on its
//! operand and result types). Gives every loop a preheader. Inner loops go
//! first, so an instruction leaves every loop it does not depend on: the
//! `n - 1` of an inner `range(1, n - 1)` ends up before the outer loop.
//!
//! The C compiler hoists such code too; this pass is for the passes after
//! it. Check elimination evaluates a guard once for a whole loop nest when
//! every value the guard reads is defined before the nest, and a bound
//! computed again in each outer iteration would keep the guard in the
//! inner loop, with two versions of the inner loop in every iteration of
//! the outer one, which keeps the C compiler from vectorizing either.
//!
//! Moving an instruction that would not have run (the loop iterates zero
//! times, or the instruction is in a branch not taken) is safe because it
//! cannot raise and has no effect; its cost is one evaluation.

use pyjit_ir::{Function, InstId, InstKind, Type};

use crate::loops::{ensure_preheader, find_loops};
use crate::{PassError, PassReport};

/// Hoist the loop-invariant instructions of every loop.
pub fn run(func: &mut Function) -> Result<PassReport, PassError> {
    // Preheaders first, all of them: adding one adds a block to the loops
    // around, so the loops are found again once none is missing.
    loop {
        let loops = find_loops(func);
        let Some(l) = loops.iter().find(|l| l.preheader(func).is_none()) else {
            break;
        };
        ensure_preheader(func, l);
    }
    let mut changed = false;
    // Inner loops before the loops holding them.
    for l in find_loops(func) {
        let pre = l.preheader(func).expect("every loop has a preheader");
        // In reverse postorder, an instruction's operands from inside the
        // loop come before it, and have moved out already if they could.
        let order: Vec<InstId> = func
            .rpo()
            .iter()
            .filter(|&&b| l.contains(b))
            .flat_map(|&b| func.insts(b).to_vec())
            .collect();
        for inst in order {
            if movable(func, inst)
                && func
                    .inst(inst)
                    .kind
                    .args()
                    .iter()
                    .all(|&v| l.is_invariant(func, v))
            {
                func.move_to_end(inst, pre);
                changed = true;
            }
        }
    }
    Ok(PassReport::changed(changed))
}

/// Whether `inst` computes its value from its operands alone, raising
/// nothing: it may run anywhere its operands are defined. `bool` values
/// (comparisons, `and`, `or`, `not`) stay: a branch's condition computed
/// before the loop crashed gcc 12's loop unswitching (an internal compiler
/// error at -O3, found by the agreement soak, seed 32300), and the guards
/// need only integers.
fn movable(func: &Function, inst: InstId) -> bool {
    let data = func.inst(inst);
    let Some(value) = data.result else {
        return false;
    };
    if func.value_type(value) == Type::BOOL
        || matches!(data.kind, InstKind::Phi { .. } | InstKind::Copy { .. })
    {
        return false;
    }
    // `range_len` divides by its step, which only the branch before it
    // (`range() arg 3 must not be zero`) keeps from being zero: it moves
    // only with a constant step that is not.
    if let InstKind::RangeLen { step, .. } = data.kind
        && crate::int_constant(func, step).is_none_or(|c| c == 0)
    {
        return false;
    }
    !data.kind.has_effect() && !data.kind.reads_memory() && !crate::may_raise(func, inst)
}
