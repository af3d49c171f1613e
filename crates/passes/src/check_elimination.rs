//! Bounds-check elimination: drop the `index` checks (and the wraparound
//! of negative indices), and the zero checks of divisions, that a loop's
//! ranges prove unnecessary.
//!
//! Needs typed SSA (phis, and `index` instructions separate from the loads
//! and stores they guard). It looks at every loop's checked `index`
//! instructions (those directly in it, not in an inner loop) whose index
//! is `base + c` for a constant `c` and a base that is either constant,
//! defined outside the loop, or an induction variable of that loop or one
//! around it:
//!
//! - of a `for ... in range(start, stop, step)` loop with a constant step:
//!   the loop's phi stepping by `step` next to the trip counter of
//!   `range_len(start, stop, step)`; in the loop body it lies in `[start,
//!   stop - 1]` (or `[stop + 1, start]` counting down), whether or not the
//!   loop breaks early; a `range` of constants, whose length constant
//!   folding computed, gives its variables a constant interval instead
//!   (`for k in range(3)` indexing `a[k + 1]` holds when `3 < len(a)`);
//! - of a `while v < bound` loop (or `<=`): the header's phi `v`, from
//!   `init` by a loop-invariant `step`, with `bound` loop-invariant. In the
//!   body it is below the bound, and at least `init` when `0 <= step <=
//!   2**61` (the sieve's `while j < n: ...; j += i`), which guards check
//!   unless the step is a constant.
//!
//! - A check proven from facts known at compile time (`range(len(a))`
//!   indexing `a[i]`, `range(1, len(a) - 1)` indexing `a[i + 1]`) is
//!   dropped: the index instruction goes and its uses read the index.
//! - A check that holds when some comparisons of values defined before the
//!   loop do (`range(n)` indexing `a[i]` holds when `n <= len(a)`) is
//!   dropped in a copy: a preheader evaluates the comparisons once and
//!   runs the copy when all hold, the original (every check in place)
//!   otherwise ([`crate::loops::version`]). The copy raises nothing the
//!   original would not, and the original is the unchanged program, so
//!   which `IndexError` is raised, and when, stays as it was.
//! - The loop copied is the outermost one whose preheader can evaluate the
//!   comparisons (every value they read is defined before it), within a
//!   size limit. A loop nest indexing with the variables of its loops is
//!   thus copied once, its fast copy a nest without checks, which the C
//!   compiler vectorizes; guarded per inner loop, every outer iteration
//!   would hold two inner loops, and it would not. Loops are copied inner
//!   first, once each, and the copies are not looked at again.
//!
//! - A range variable whose interval a proof or a guard bounds (both
//!   ends, with extents of at most 2**62 and offsets below 2**31) steps
//!   without wrapping: its `add` becomes `add.nowrap` (in the copy, for a
//!   guard). C computes it with signed arithmetic, which gcc assumes does
//!   not overflow, and only then treats the variable as affine and
//!   vectorizes loops indexing with it (jacobi's inner loop was not).
//!
//! - A division's zero check (`x / float(d)`, `a // d`, `a % d` by
//!   Python's rules, `d` an `int64`) goes the same ways when `d` is an
//!   expression (`+`, `-`, `*`, unary `-`, `//` and `%` by positive
//!   constants) of range variables, constants and loop-invariant values
//!   whose interval, computed without wrapping, excludes zero. The
//!   loop-invariant values are first taken as anything (`1.0 / i` for `i`
//!   in `range(1, n)` is proven), then capped by guards `v <= cap` (and
//!   `v >= -cap` where the lower end matters) for caps from 2**40 down to
//!   2**15, the first cap that works giving the guards: spectral norm's
//!   `1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)` holds under `n <=
//!   2**30`. The division becomes its NumPy twin, the same value without
//!   the check.
//!
//! An `index` dominated by one of the same index on the same extent (`a[i]
//! += x` reads and writes `a[i]`) goes first, whatever the loops.
//!
//! Every other check stays. Guards compare values already computed before
//! the loop (and extents read there), without overflow: `stop <= extent -
//! c` with an extent of at most 2**62 and `|c| < 2**31`.

use pyjit_frontend::typed::BinOp;
use pyjit_ir::{
    BlockId, Cmp, Const, EdgeKind, Function, InstId, InstKind, Rules, Terminator, Type, ValueId,
};
use std::collections::BTreeMap;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::loops::{Loop, ensure_preheader, find_loops, version};
use crate::{PassError, PassReport, int_constant, kind_of};

/// A loop bigger than this many instructions is not copied.
const MAX_VERSIONED_INSTS: usize = 2000;

/// Constant offsets are reasoned about when their magnitude is below this
/// (exclusive), so that sums of a few of them and an extent of at most
/// 2**62 never overflow.
const MAX_OFFSET: u64 = 1 << 31;

/// Whether `c` is small enough to reason about (see [`MAX_OFFSET`]).
/// `unsigned_abs`, because `i64::MIN.abs()` overflows.
fn small(c: i64) -> bool {
    c.unsigned_abs() < MAX_OFFSET
}

/// Drop the checks the loops prove unnecessary.
pub fn run(func: &mut Function) -> Result<PassReport, PassError> {
    // Loop surgery assumes every predecessor is reachable (a loop block's
    // only predecessor outside the loop is its preheader).
    let mut changed = crate::dce::remove_unreachable(func);
    changed |= drop_repeated_checks(func);
    // Every loop is looked at before any is copied: the copies are never
    // looked at, and each loop is copied at most once.
    let loops = find_loops(func);
    let facts: Vec<Facts> = loops.iter().map(|l| Facts::of(func, l)).collect();
    let mut proven = Vec::new();
    // Range variables the proven checks bound: their steps cannot wrap.
    let mut bounded = Vec::new();
    // The guarded checks by the loop whose preheader evaluates their guards.
    let mut groups: BTreeMap<usize, Group> = BTreeMap::new();
    for (k, l) in loops.iter().enumerate() {
        // This loop, then the loops around it, innermost first (`loops`
        // lists inner loops before the loops holding them).
        let chain: Vec<usize> = std::iter::once(k)
            .chain((k + 1..loops.len()).filter(|&m| l.blocks.is_subset(&loops[m].blocks)))
            .collect();
        let inner: FxHashSet<BlockId> = loops[..k]
            .iter()
            .filter(|m| m.blocks.is_subset(&l.blocks))
            .flat_map(|m| m.blocks.iter().copied())
            .collect();
        let checks = l
            .blocks
            .iter()
            .filter(|b| !inner.contains(b))
            .flat_map(|&b| func.insts(b).to_vec())
            .filter(|&i| {
                matches!(func.inst(i).kind, InstKind::Index { .. }) || divisor_of(func, i).is_some()
            });
        for inst in checks {
            match verdict(
                func,
                &chain.iter().map(|&m| &facts[m]).collect::<Vec<_>>(),
                inst,
            ) {
                Verdict::Proven(variable) => {
                    proven.push(inst);
                    bounded.extend(variable);
                }
                Verdict::Guarded(guards, variable) => {
                    if let Some(target) = hoist_target(func, &loops, &chain, &guards) {
                        let group = groups.entry(target).or_default();
                        group.checks.push(inst);
                        group.guards.extend(guards);
                        group.bounded.extend(variable);
                    }
                }
                Verdict::Unknown => {}
            }
        }
    }
    changed |= !proven.is_empty();
    drop_checks(func, &proven);
    for &variable in &bounded {
        mark_steps_nowrap(func, variable);
    }
    // Inner loops first: a loop's copy then holds its inner loops as they
    // finally are, and the checks of a group further out that an inner
    // loop's copy duplicated are followed into it.
    let mut pending: Vec<(BlockId, Group)> = groups
        .into_iter()
        .map(|(k, group)| (loops[k].header, group))
        .collect();
    for g in 0..pending.len() {
        let header = pending[g].0;
        let l = find_loops(func)
            .into_iter()
            .find(|l| l.header == header)
            .expect("versioning keeps the loops around the copied one");
        let pre = ensure_preheader(func, &l);
        let guard = materialize(func, pre, pending[g].1.guards.iter());
        let copy = version(func, &l, pre, guard);
        let copied = |inst: &InstId| {
            let result = func.inst(*inst).result?;
            func.defining_inst(*copy.values.get(&result)?)
        };
        let dropped: Vec<InstId> = pending[g].1.checks.iter().filter_map(copied).collect();
        // A variable of a loop outside the copy is not copied, and stays
        // as it was: the guard says nothing of the original.
        let bounded: Vec<ValueId> = pending[g]
            .1
            .bounded
            .iter()
            .filter_map(|v| copy.values.get(v).copied())
            .collect();
        for (_, later) in &mut pending[g + 1..] {
            let more: Vec<InstId> = later.checks.iter().filter_map(copied).collect();
            later.checks.extend(more);
            let more: Vec<ValueId> = later
                .bounded
                .iter()
                .filter_map(|v| copy.values.get(v).copied())
                .collect();
            later.bounded.extend(more);
        }
        drop_checks(func, &dropped);
        for variable in bounded {
            mark_steps_nowrap(func, variable);
        }
        changed = true;
    }
    Ok(PassReport::changed(changed))
}

/// Checks dropped together in the copy of one loop, the guards that
/// choose the copy, and the range variables the guards bound there.
#[derive(Default)]
struct Group {
    checks: Vec<InstId>,
    guards: Vec<Guard>,
    bounded: Vec<ValueId>,
}

/// Mark the steps of the loop variable `phi` (`phi + step` along its
/// loop's back edges) as never wrapping: a proof or a guard bounds the
/// variable within `[-2**31, 2**62 + 2**31]` on every iteration, and the
/// step is below 2**31 in magnitude (a range's) or within `[0, 2**61]` (a
/// `while` loop's), so the next value fits too. In C the
/// step is then signed arithmetic, and the variable an affine induction
/// variable that gcc can vectorize over.
fn mark_steps_nowrap(func: &mut Function, phi: ValueId) {
    let Some(InstKind::Phi { incoming }) = kind_of(func, phi).cloned() else {
        return;
    };
    let Some(header) = func.defining_inst(phi).and_then(|i| func.inst(i).block) else {
        return;
    };
    for (from, v) in incoming {
        if !func.dominates(header, from) {
            continue;
        }
        let Some(inst) = func.defining_inst(v) else {
            continue;
        };
        if let InstKind::Binary {
            op: BinOp::Add,
            rules: rules @ Rules::Python,
            lhs,
            rhs,
        } = func.inst_kind_mut(inst)
            && (*lhs == phi || *rhs == phi)
        {
            *rules = Rules::NoWrap;
        }
    }
}

/// The outermost loop of `chain` (a loop and the loops around it,
/// innermost first) whose preheader can evaluate `guards` once for the
/// checks they guard: every value the guards read is defined outside it,
/// so it has the value the check sees, and it is small enough to copy.
fn hoist_target(
    func: &Function,
    loops: &[Loop],
    chain: &[usize],
    guards: &[Guard],
) -> Option<usize> {
    let mut target = None;
    for &m in chain {
        let l = &loops[m];
        let size: usize = l.blocks.iter().map(|&b| func.insts(b).len()).sum();
        if size > MAX_VERSIONED_INSTS || !guards.iter().all(|g| g.invariant_in(func, l)) {
            break;
        }
        target = Some(m);
    }
    target
}

/// Drop each `index` that an `index` of the same value on the same extent
/// dominates (`a[i] += x` reads and writes `a[i]`): it gives the same
/// position, and it cannot raise where the first did not. Whether any was
/// dropped.
fn drop_repeated_checks(func: &mut Function) -> bool {
    let mut first: FxHashMap<(ValueId, Operand), Vec<(BlockId, ValueId)>> = FxHashMap::default();
    let mut replace: FxHashMap<ValueId, ValueId> = FxHashMap::default();
    let mut dropped = Vec::new();
    for &b in func.rpo() {
        for &inst in func.insts(b) {
            let InstKind::Index { index, extent, .. } = func.inst(inst).kind else {
                continue;
            };
            let result = func.inst(inst).result.expect("an index has a value");
            let extent = match dim_of(func, extent) {
                Some((array, axis)) => Operand::Dim(array, axis),
                None => Operand::Value(extent),
            };
            let seen = first.entry((index, extent)).or_default();
            // Blocks come in reverse postorder: a dominator before the
            // blocks it dominates.
            match seen.iter().find(|&&(at, _)| func.dominates(at, b)) {
                Some(&(_, earlier)) => {
                    replace.insert(result, earlier);
                    dropped.push(inst);
                }
                None => seen.push((b, result)),
            }
        }
    }
    for &inst in &dropped {
        func.remove_inst(inst);
    }
    func.map_uses(|v| replace.get(&v).copied().unwrap_or(v));
    !dropped.is_empty()
}

/// Replace each `index` of `checks` by its index operand, proven in
/// range and not negative, and compute each division of `checks`, whose
/// divisor is proven not zero, without its check.
fn drop_checks(func: &mut Function, checks: &[InstId]) {
    if checks.is_empty() {
        return;
    }
    let mut replace: FxHashMap<ValueId, ValueId> = FxHashMap::default();
    for &inst in checks {
        if let InstKind::Binary { rules, .. } = func.inst_kind_mut(inst) {
            // A division by a divisor proven not zero: NumPy's rules give
            // the same value without the check.
            *rules = Rules::NumPy;
            continue;
        }
        let InstKind::Index { index, .. } = func.inst(inst).kind else {
            unreachable!("a check is an index instruction or a division")
        };
        let result = func.inst(inst).result.expect("an index has a value");
        replace.insert(result, index);
        func.remove_inst(inst);
    }
    func.map_uses(|v| replace.get(&v).copied().unwrap_or(v));
}

/// What is known of a check, and the range variable (with a small step)
/// whose interval the knowledge bounds, if it came from one.
enum Verdict {
    /// It never raises.
    Proven(Option<ValueId>),
    /// It never raises when these hold.
    Guarded(Vec<Guard>, Option<ValueId>),
    /// Nothing.
    Unknown,
}

/// A loop-invariant value a guard reads: a value computed before the loop,
/// or an array's extent, read again in the preheader if the loop reads it
/// inside.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum Operand {
    Value(ValueId),
    Dim(ValueId, u8),
    Const(i64),
}

impl Operand {
    /// `v` as an operand: an array's extent as such (any read of it has
    /// the same value, shapes never change), else the value.
    fn of(func: &Function, v: ValueId) -> Operand {
        match dim_of(func, v) {
            Some((array, axis)) => Operand::Dim(array, axis),
            None => Operand::Value(v),
        }
    }
}

/// A comparison of `int64`s that must hold before the loop.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum Guard {
    /// `value >= min`.
    AtLeast { value: ValueId, min: i64 },
    /// `value <= extent - k`.
    AtMost {
        value: Operand,
        extent: Operand,
        k: i64,
    },
}

impl Guard {
    /// What the guard bounds, and how: guards of one key differ in their
    /// constant only, and the strongest implies the others.
    fn key(self) -> (Operand, Option<Operand>) {
        match self {
            Guard::AtLeast { value, .. } => (Operand::Value(value), None),
            Guard::AtMost { value, extent, .. } => (value, Some(extent)),
        }
    }

    /// Whether every value the guard reads is defined outside `l`.
    fn invariant_in(self, func: &Function, l: &Loop) -> bool {
        let operand = |o: Operand| match o {
            Operand::Value(v) | Operand::Dim(v, _) => l.is_invariant(func, v),
            Operand::Const(_) => true,
        };
        match self {
            Guard::AtLeast { value, .. } => l.is_invariant(func, value),
            Guard::AtMost { value, extent, .. } => operand(value) && operand(extent),
        }
    }

    /// Whether `self` implies `other` (of the same key).
    fn implies(self, other: Guard) -> bool {
        match (self, other) {
            (Guard::AtLeast { min: a, .. }, Guard::AtLeast { min: b, .. }) => a >= b,
            (Guard::AtMost { k: a, .. }, Guard::AtMost { k: b, .. }) => a >= b,
            _ => false,
        }
    }
}

/// A variable of the loop that steps through an interval.
#[derive(Clone, Copy, Debug)]
enum Induction {
    /// A `for ... in range(start, stop, step)` variable: in the body, in
    /// `[start, stop - 1]` (or `[stop + 1, start]` counting down).
    Range {
        start: ValueId,
        stop: ValueId,
        step: i64,
    },
    /// A counted loop's variable in `[lo, hi]`, known at compile time (a
    /// `range` of constants, whose length constant folding computed),
    /// stepping by `step`.
    Constant { lo: i64, hi: i64, step: i64 },
    /// A `while v < bound` (`<=` when `inclusive`) variable, from `init`
    /// by a loop-invariant `step`: in the body, below the bound, and, if
    /// the step is not negative and nothing wraps, at least `init`.
    While {
        init: ValueId,
        bound: ValueId,
        inclusive: bool,
        step: ValueId,
    },
}

/// Steps up to this size cannot make a variable below `2**62 + 2**31`
/// wrap: the sum stays below `2**63`.
const MAX_WHILE_STEP: i64 = 1 << 61;

/// What the pass knows of one loop.
struct Facts {
    /// The loop.
    l: Loop,
    /// The block the loop's body starts in (its header's branch goes there
    /// to iterate), where its variables are in their intervals; blocks it
    /// dominates too.
    body: Option<BlockId>,
    inductions: FxHashMap<ValueId, Induction>,
}

impl Facts {
    fn of(func: &Function, l: &Loop) -> Facts {
        let mut facts = Facts {
            l: l.clone(),
            body: None,
            inductions: FxHashMap::default(),
        };
        if !facts.find_range(func) {
            facts.find_while(func);
        }
        facts
    }

    /// The header's branch: `(condition, body, exit)`, the body in the
    /// loop and the exit out of it.
    fn header_branch(&self, func: &Function) -> Option<(ValueId, BlockId, BlockId)> {
        let header = self.l.header;
        let Terminator::Branch { cond } = *func.terminator(header) else {
            return None;
        };
        let body = func.succ(header, EdgeKind::Then)?;
        let exit = func.succ(header, EdgeKind::Else)?;
        (self.l.contains(body) && !self.l.contains(exit)).then_some((cond, body, exit))
    }

    /// A `while` loop's variable: the header branches on `v < bound` (or
    /// `<=`, or the same comparison written the other way round) with `v`
    /// a header phi stepping by a loop-invariant value and `bound`
    /// loop-invariant.
    fn find_while(&mut self, func: &Function) {
        let Some((cond, body, _)) = self.header_branch(func) else {
            return;
        };
        let Some(&InstKind::Compare { op, lhs, rhs }) = kind_of(func, cond) else {
            return;
        };
        let (v, bound, inclusive) = match op {
            Cmp::Lt => (lhs, rhs, false),
            Cmp::Le => (lhs, rhs, true),
            Cmp::Gt => (rhs, lhs, false),
            Cmp::Ge => (rhs, lhs, true),
            _ => return,
        };
        if func.value_type(v) != Type::INT || !self.l.is_invariant(func, bound) {
            return;
        }
        let is_header_phi = func
            .defining_inst(v)
            .is_some_and(|i| func.inst(i).block == Some(self.l.header));
        let Some((init, step)) = self.step_of(func, v).filter(|_| is_header_phi) else {
            return;
        };
        if !self.l.is_invariant(func, step) {
            return;
        }
        self.body = Some(body);
        self.inductions.insert(
            v,
            Induction::While {
                init,
                bound,
                inclusive,
                step,
            },
        );
    }

    /// The counted loop's variables: the header branches on `ult k, trip`
    /// with `k` counting from 0 by 1 and `trip = range_len(start, stop,
    /// step)`; a header phi starting at `start` and stepping by `step`
    /// alongside is the range's variable.
    /// Whether the loop is a counted one.
    fn find_range(&mut self, func: &Function) -> bool {
        let header = self.l.header;
        let Some((cond, body, _)) = self.header_branch(func) else {
            return false;
        };
        let Some(&InstKind::Compare {
            op: Cmp::ULt,
            lhs: counter,
            rhs: trip,
        }) = kind_of(func, cond)
        else {
            return false;
        };
        if !self.l.is_invariant(func, trip) {
            return false;
        }
        // A range of constants has a constant length once folded.
        let range = match kind_of(func, trip) {
            Some(&InstKind::RangeLen { start, stop, step }) => match int_constant(func, step) {
                Some(step) if step != 0 => Some((start, stop, step)),
                _ => return false,
            },
            _ => None,
        };
        let trips = int_constant(func, trip);
        if range.is_none() && trips.is_none_or(|t| t <= 0) {
            return false;
        }
        match self.stepping(func, counter) {
            Some((init, 1)) if int_constant(func, init) == Some(0) => {}
            _ => return false,
        }
        self.body = Some(body);
        for inst in crate::loops::phis(func, header) {
            let Some(phi) = func.inst(inst).result else {
                continue;
            };
            if phi == counter {
                continue;
            }
            let Some((init, by)) = self.stepping(func, phi) else {
                continue;
            };
            match (range, trips) {
                (Some((start, stop, step)), _) if same_value(func, init, start) && by == step => {
                    self.inductions
                        .insert(phi, Induction::Range { start, stop, step });
                }
                (None, Some(trips)) => {
                    // From a constant, `trips` steps of a constant.
                    let Some(first) = int_constant(func, init) else {
                        continue;
                    };
                    let last = i128::from(first) + i128::from(trips - 1) * i128::from(by);
                    // Far from overflow, so that offsets added to the
                    // ends cannot overflow either.
                    let Ok(last) = i64::try_from(last) else {
                        continue;
                    };
                    if first.unsigned_abs().max(last.unsigned_abs()) > 1 << 62 {
                        continue;
                    }
                    self.inductions.insert(
                        phi,
                        Induction::Constant {
                            lo: first.min(last),
                            hi: first.max(last),
                            step: by,
                        },
                    );
                }
                _ => {}
            }
        }
        true
    }

    /// `(initial value, constant step)` of a header phi that takes one
    /// value from outside the loop and `phi + step` along every back edge.
    fn stepping(&self, func: &Function, phi: ValueId) -> Option<(ValueId, i64)> {
        let (init, step) = self.step_of(func, phi)?;
        Some((init, int_constant(func, step)?))
    }

    /// `(initial value, step)` of a header phi that takes one value from
    /// outside the loop and `phi + step` along every back edge, the same
    /// step (one value, or equal constants) on each.
    fn step_of(&self, func: &Function, phi: ValueId) -> Option<(ValueId, ValueId)> {
        let Some(InstKind::Phi { incoming }) = kind_of(func, phi) else {
            return None;
        };
        let mut init = None;
        let mut by: Option<ValueId> = None;
        for &(from, v) in incoming {
            if self.l.contains(from) {
                let Some(&InstKind::Binary {
                    op: BinOp::Add,
                    lhs,
                    rhs,
                    ..
                }) = kind_of(func, v)
                else {
                    return None;
                };
                let step = if lhs == phi {
                    rhs
                } else if rhs == phi {
                    lhs
                } else {
                    return None;
                };
                if by.is_some_and(|b| !same_value(func, b, step)) {
                    return None;
                }
                by = Some(step);
            } else {
                if init.is_some_and(|i| i != v) {
                    return None;
                }
                init = Some(v);
            }
        }
        Some((init?, by?))
    }

    /// `v` as an operand of a guard: an extent of an array defined before
    /// the loop (wherever the extent was read), or a value defined before
    /// the loop.
    fn invariant_operand(&self, func: &Function, v: ValueId) -> Option<Operand> {
        match dim_of(func, v) {
            Some((array, axis)) if self.l.is_invariant(func, array) => {
                Some(Operand::Dim(array, axis))
            }
            _ if self.l.is_invariant(func, v) => Some(Operand::Value(v)),
            _ => None,
        }
    }

    /// Whether `inst` is in the range's body, where its variables are in
    /// range.
    fn in_body(&self, func: &Function, inst: InstId) -> bool {
        self.body.is_some_and(|body| {
            func.inst(inst)
                .block
                .is_some_and(|b| func.dominates(body, b))
        })
    }
}

/// What is known of the check `inst`, in the innermost loop of `chain`
/// (its facts, then those of the loops around it): an index that is a
/// range variable of any of them, plus a constant, lies in that range.
fn verdict(func: &Function, chain: &[&Facts], inst: InstId) -> Verdict {
    if let Some(divisor) = divisor_of(func, inst) {
        return divisor_verdict(func, chain, inst, divisor);
    }
    let InstKind::Index { index, extent, .. } = func.inst(inst).kind else {
        return Verdict::Unknown;
    };
    let own = chain[0];
    let Some(extent) = own.invariant_operand(func, extent) else {
        return Verdict::Unknown;
    };
    let (base, offset) = linear(func, index);
    let Some(base) = base else {
        // A constant index.
        if offset < 0 {
            return Verdict::Unknown;
        }
        return Verdict::Guarded(
            vec![Guard::AtMost {
                value: Operand::Const(offset),
                extent,
                k: 1,
            }],
            None,
        );
    };
    let range = chain.iter().find_map(|facts| {
        Some(*facts.inductions.get(&base)?).filter(|_| facts.in_body(func, inst))
    });
    if let Some(iv) = range {
        // The variable lies in [low, high]: the check holds when
        // low + offset >= 0 and high + offset < extent.
        let mut guards = Vec::new();
        let (low_bound, high_bound, small_step) = match iv {
            // [start, stop - 1]
            Induction::Range { start, stop, step } if step > 0 => {
                (Bound::At(start), Bound::Below(stop), small(step))
            }
            // [stop + 1, start]
            Induction::Range { start, stop, step } => {
                (Bound::Above(stop), Bound::At(start), small(step))
            }
            Induction::Constant { lo, hi, step } => (
                Bound::Const(lo),
                Bound::Const(hi),
                small(step) && small(lo) && hi.unsigned_abs() <= 1 << 62,
            ),
            Induction::While {
                init,
                bound,
                inclusive,
                step,
            } => {
                // From `init` up, if the step is not negative and does not
                // wrap: the variable is below the bound (at most 2**62 +
                // 2**31 under the guards), so a step up to 2**61 cannot.
                match int_constant(func, step) {
                    Some(c) if (0..=MAX_WHILE_STEP).contains(&c) => {}
                    Some(_) => return Verdict::Unknown,
                    None => guards.extend([
                        Guard::AtLeast {
                            value: step,
                            min: 0,
                        },
                        Guard::AtMost {
                            value: Operand::Value(step),
                            extent: Operand::Const(MAX_WHILE_STEP),
                            k: 0,
                        },
                    ]),
                }
                let high = if inclusive {
                    Bound::At(bound)
                } else {
                    Bound::Below(bound)
                };
                (Bound::At(init), high, true)
            }
        };
        match low_bound.non_negative(func, offset) {
            Some(true) => {}
            Some(false) => return Verdict::Unknown,
            None => guards.push(low_bound.guard_non_negative(offset)),
        }
        if !high_bound.proven_below(func, offset, extent) {
            guards.push(high_bound.guard_below(func, offset, extent));
        }
        let variable = small_step.then_some(base);
        return if guards.is_empty() {
            Verdict::Proven(variable)
        } else {
            Verdict::Guarded(guards, variable)
        };
    }
    if own.l.is_invariant(func, base) {
        // base + offset in [0, extent).
        return Verdict::Guarded(
            vec![
                Bound::At(base).guard_non_negative(offset),
                Bound::At(base).guard_below(func, offset, extent),
            ],
            None,
        );
    }
    Verdict::Unknown
}

/// The `int64` divisor whose zero check `inst` makes: of `x / float(d)`
/// (a float division by a converted integer), or of `a // d` and `a % d`
/// on integers, by Python's rules (NumPy's do not check).
fn divisor_of(func: &Function, inst: InstId) -> Option<ValueId> {
    let InstKind::Binary {
        op,
        rules: Rules::Python,
        lhs,
        rhs,
    } = func.inst(inst).kind
    else {
        return None;
    };
    let float = |v: ValueId| func.value_type(v).scalar().is_some_and(|s| s.is_float());
    match op {
        BinOp::Div if float(lhs) && float(rhs) => match kind_of(func, rhs) {
            Some(&InstKind::Convert { arg }) if func.value_type(arg) == Type::INT => Some(arg),
            _ => None,
        },
        // Not `a / d` on integers: Python's is correctly rounded, NumPy's
        // converts each operand first, so their values differ past 2**53.
        BinOp::FloorDiv | BinOp::Mod
            if func.value_type(lhs) == Type::INT && func.value_type(rhs) == Type::INT =>
        {
            // A constant divisor is const-fold's business.
            int_constant(func, rhs).is_none().then_some(rhs)
        }
        _ => None,
    }
}

/// The caps tried on the values a divisor is computed from: first none
/// (a loop-invariant value is any `int64`, which proves `1.0 / i` for `i`
/// in `range(1, n)` with no guard), then, largest first, guards `|v| <=
/// cap` on each loop-invariant value it reads (a range's bound, a
/// parameter). The divisor's interval is computed exactly, and the first
/// cap under which nothing can wrap and zero is outside the interval
/// gives the guards. Spectral norm's `(i + j) * (i + j + 1) // 2 + i + 1`
/// needs `n <= 2**30`.
const DIVISOR_CAPS: [Option<i64>; 6] = [
    None,
    Some(1 << 40),
    Some(1 << 31),
    Some(1 << 30),
    Some(1 << 20),
    Some(1 << 15),
];

/// What is known of the zero check of `inst`, whose divisor is `divisor`.
fn divisor_verdict(func: &Function, chain: &[&Facts], inst: InstId, divisor: ValueId) -> Verdict {
    for cap in DIVISOR_CAPS {
        let mut bounds = Bounds {
            func,
            chain,
            inst,
            cap,
            guards: Vec::new(),
        };
        let Some((lo, hi)) = bounds.interval(divisor, 0) else {
            continue;
        };
        if lo > 0 || hi < 0 {
            return if bounds.guards.is_empty() {
                Verdict::Proven(None)
            } else {
                Verdict::Guarded(bounds.guards, None)
            };
        }
    }
    Verdict::Unknown
}

/// Interval arithmetic on `int64` values at one instruction, without
/// wrapping: a loop-invariant value the loops do not bound lies in
/// `[-cap, cap]` under guards (anywhere without a cap), and the interval
/// of an operation is `None` when its result might leave `int64` (and so
/// wrap).
struct Bounds<'a> {
    func: &'a Function,
    chain: &'a [&'a Facts],
    /// Where the values are used: range variables are in their intervals
    /// in the bodies of their loops.
    inst: InstId,
    cap: Option<i64>,
    guards: Vec<Guard>,
}

impl Bounds<'_> {
    /// `[lo, hi]` holding `v`, if one is known without wrapping.
    fn interval(&mut self, v: ValueId, depth: u32) -> Option<(i128, i128)> {
        let func = self.func;
        if depth > 16 || func.value_type(v) != Type::INT {
            return None;
        }
        if let Some(c) = int_constant(func, v) {
            return Some((c.into(), c.into()));
        }
        match self.induction(v) {
            Some(Induction::Range { start, stop, step }) => {
                // [start, stop - 1] counting up, [stop + 1, start] down:
                // one end of each bound matters.
                let up = step > 0;
                let start = self.end(start, !up, depth + 1)?;
                let stop = self.end(stop, up, depth + 1)?;
                return Some(if up {
                    (start, stop - 1)
                } else {
                    (stop + 1, start)
                });
            }
            Some(Induction::Constant { lo, hi, .. }) => return Some((lo.into(), hi.into())),
            Some(Induction::While { .. }) => return None,
            None if self.chain[0].l.is_invariant(func, v) => return Some(self.free(v, true, true)),
            None => {}
        }
        let fits = |(lo, hi): (i128, i128)| {
            (lo >= i64::MIN.into() && hi <= i64::MAX.into()).then_some((lo, hi))
        };
        match *kind_of(func, v)? {
            InstKind::Binary { op, lhs, rhs, .. } => {
                let a = self.interval(lhs, depth + 1)?;
                if let (BinOp::FloorDiv | BinOp::Mod, Some(c)) = (op, int_constant(func, rhs)) {
                    let c = i128::from(c);
                    return match op {
                        _ if c <= 0 => None,
                        BinOp::FloorDiv => Some((a.0.div_euclid(c), a.1.div_euclid(c))),
                        _ if a.0 >= 0 && a.1 < c => Some(a),
                        _ => Some((0, c - 1)),
                    };
                }
                let b = self.interval(rhs, depth + 1)?;
                match op {
                    BinOp::Add => fits((a.0 + b.0, a.1 + b.1)),
                    BinOp::Sub => fits((a.0 - b.1, a.1 - b.0)),
                    BinOp::Mul => {
                        let corners = [a.0 * b.0, a.0 * b.1, a.1 * b.0, a.1 * b.1];
                        fits((*corners.iter().min()?, *corners.iter().max()?))
                    }
                    _ => None,
                }
            }
            InstKind::Unary {
                op: pyjit_frontend::typed::UnaryOp::Neg,
                arg,
            } => {
                let a = self.interval(arg, depth + 1)?;
                fits((-a.1, -a.0))
            }
            InstKind::Copy { arg } => self.interval(arg, depth + 1),
            _ => None,
        }
    }

    /// The loops' facts of `v` where the instruction is: a variable of
    /// one of them, if it is.
    fn induction(&self, v: ValueId) -> Option<Induction> {
        let (func, inst) = (self.func, self.inst);
        self.chain.iter().find_map(|facts| {
            Some(*facts.inductions.get(&v)?).filter(|_| facts.in_body(func, inst))
        })
    }

    /// The upper end of `v`'s interval when `upper`, else the lower: of a
    /// loop-invariant value, guarding that end only.
    fn end(&mut self, v: ValueId, upper: bool, depth: u32) -> Option<i128> {
        let func = self.func;
        let free = int_constant(func, v).is_none()
            && self.induction(v).is_none()
            && self.chain[0].l.is_invariant(func, v);
        let (lo, hi) = if free {
            self.free(v, !upper, upper)
        } else {
            self.interval(v, depth)?
        };
        Some(if upper { hi } else { lo })
    }

    /// The interval of a loop-invariant value the loops do not bound:
    /// anything, but for the ends asked for (`lower`, `upper`), which
    /// guards cap when there is a cap. An extent is never negative.
    fn free(&mut self, v: ValueId, lower: bool, upper: bool) -> (i128, i128) {
        let func = self.func;
        let never_negative = dim_of(func, v).is_some();
        let mut lo = if never_negative { 0 } else { i64::MIN.into() };
        let mut hi = i64::MAX.into();
        let Some(cap) = self.cap else {
            return (lo, hi);
        };
        if lower && !never_negative {
            self.guards.push(Guard::AtLeast {
                value: v,
                min: -cap,
            });
            lo = -i128::from(cap);
        }
        if upper {
            self.guards.push(Guard::AtMost {
                value: Operand::of(func, v),
                extent: Operand::Const(cap),
                k: 0,
            });
            hi = cap.into();
        }
        (lo, hi)
    }
}

/// The conjunction of `guards` (the strongest of each key), computed at
/// the end of the preheader `pre`.
fn materialize<'a>(
    func: &mut Function,
    pre: BlockId,
    guards: impl Iterator<Item = &'a Guard>,
) -> ValueId {
    let mut strongest: Vec<Guard> = Vec::new();
    for &guard in guards {
        match strongest.iter_mut().find(|g| g.key() == guard.key()) {
            Some(g) => {
                if guard.implies(*g) {
                    *g = guard;
                }
            }
            None => strongest.push(guard),
        }
    }
    let span = func.block(pre).term_span;
    let mut dims: FxHashMap<(ValueId, u8), ValueId> = FxHashMap::default();
    let mut operand = |func: &mut Function, o: Operand| match o {
        Operand::Value(v) => v,
        Operand::Dim(array, axis) => *dims
            .entry((array, axis))
            .or_insert_with(|| func.append(pre, InstKind::Dim { array, axis }, Type::INT, span)),
        Operand::Const(c) => func.append(pre, InstKind::Const(Const::Int(c)), Type::INT, span),
    };
    let mut all: Option<ValueId> = None;
    for guard in strongest {
        // |constants| < 2**31 and extents <= 2**62: nothing overflows.
        let (op, lhs, rhs) = match guard {
            Guard::AtLeast { value, min } => (Cmp::Ge, value, operand(func, Operand::Const(min))),
            Guard::AtMost { value, extent, k } => {
                let value = operand(func, value);
                let extent = operand(func, extent);
                match k {
                    0 => (Cmp::Le, value, extent),
                    1 => (Cmp::Lt, value, extent),
                    _ => {
                        let k = operand(func, Operand::Const(k));
                        let bound =
                            func.append(pre, int_binary(BinOp::Sub, extent, k), Type::INT, span);
                        (Cmp::Le, value, bound)
                    }
                }
            }
        };
        let holds = func.append(pre, InstKind::Compare { op, lhs, rhs }, Type::BOOL, span);
        all = Some(match all {
            None => holds,
            Some(acc) => func.append(
                pre,
                InstKind::Binary {
                    op: BinOp::BitAnd,
                    rules: Rules::Python,
                    lhs: acc,
                    rhs: holds,
                },
                Type::BOOL,
                span,
            ),
        });
    }
    all.expect("a versioned loop has a guard")
}

/// One end of a range variable's interval.
#[derive(Clone, Copy)]
enum Bound {
    /// This value.
    At(ValueId),
    /// One less than this value (`stop - 1`).
    Below(ValueId),
    /// One more than this value (`stop + 1`).
    Above(ValueId),
    /// This constant.
    Const(i64),
}

impl Bound {
    /// `(base, offset)` with the bound `base + offset`.
    fn linear(self, func: &Function) -> (Option<ValueId>, i64) {
        if let Bound::Const(c) = self {
            return (None, c);
        }
        let (v, shift) = self.value_and_shift();
        let (base, offset) = linear(func, v);
        (base, offset + shift)
    }

    /// `(v, shift)` with the bound `v + shift`.
    fn value_and_shift(self) -> (ValueId, i64) {
        match self {
            Bound::At(v) => (v, 0),
            Bound::Below(v) => (v, -1),
            Bound::Above(v) => (v, 1),
            Bound::Const(_) => unreachable!("a constant bound is decided, never guarded"),
        }
    }

    /// Whether `bound + offset >= 0` is known: `Some(true)` proven,
    /// `Some(false)` never (a constant bound), `None` for a guard to
    /// decide.
    fn non_negative(self, func: &Function, offset: i64) -> Option<bool> {
        match self.linear(func) {
            (None, c) => Some(c + offset >= 0),
            // An extent is never negative.
            (Some(base), c) if c + offset >= 0 && dim_of(func, base).is_some() => Some(true),
            _ => None,
        }
    }

    /// The guard `bound + offset >= 0`, as `value >= -(offset + shift)`.
    fn guard_non_negative(self, offset: i64) -> Guard {
        let (value, shift) = self.value_and_shift();
        Guard::AtLeast {
            value,
            min: -(offset + shift),
        }
    }

    /// Whether `bound + offset < extent` is proven: the bound is that
    /// extent minus a constant.
    fn proven_below(self, func: &Function, offset: i64, extent: Operand) -> bool {
        let (Some(base), c) = self.linear(func) else {
            return false;
        };
        c + offset < 0 && same_extent(func, base, extent)
    }

    /// The guard `bound + offset < extent`, as `value < extent - (offset +
    /// shift)`.
    fn guard_below(self, func: &Function, offset: i64, extent: Operand) -> Guard {
        if let Bound::Const(c) = self {
            // `c + offset < extent` is `c <= extent - (offset + 1)`.
            return Guard::AtMost {
                value: Operand::Const(c),
                extent,
                k: offset + 1,
            };
        }
        let (v, shift) = self.value_and_shift();
        // `v + offset + shift < extent` is `v <= extent - (offset + shift + 1)`.
        Guard::AtMost {
            value: Operand::of(func, v),
            extent,
            k: offset + shift + 1,
        }
    }
}

/// `(base, offset)` with `v = base + offset`, peeling additions and
/// subtractions of `int64` constants; `base` is `None` for a constant.
fn linear(func: &Function, v: ValueId) -> (Option<ValueId>, i64) {
    let mut base = v;
    let mut offset: i64 = 0;
    for _ in 0..16 {
        if let Some(c) = int_constant(func, base) {
            return match offset.checked_add(c) {
                Some(total) if small(total) => (None, total),
                _ => (Some(base), offset),
            };
        }
        let Some(&InstKind::Binary { op, lhs, rhs, .. }) = kind_of(func, base) else {
            break;
        };
        if func.value_type(base) != Type::INT {
            break;
        }
        let (next, c) = match (op, int_constant(func, lhs), int_constant(func, rhs)) {
            (BinOp::Add, _, Some(c)) => (lhs, c),
            (BinOp::Add, Some(c), _) => (rhs, c),
            (BinOp::Sub, _, Some(c)) => (lhs, c.wrapping_neg()),
            _ => break,
        };
        match offset.checked_add(c) {
            Some(total) if small(total) => {
                offset = total;
                base = next;
            }
            _ => break,
        }
    }
    (Some(base), offset)
}

/// `(array, axis)` of a `dim` instruction's value.
fn dim_of(func: &Function, v: ValueId) -> Option<(ValueId, u8)> {
    match kind_of(func, v) {
        Some(&InstKind::Dim { array, axis }) => Some((array, axis)),
        _ => None,
    }
}

/// Whether `v` is the extent `extent` (the same value, or an extent of the
/// same array along the same axis: shapes never change).
fn same_extent(func: &Function, v: ValueId, extent: Operand) -> bool {
    match extent {
        Operand::Value(e) => e == v || dim_of(func, e).is_some_and(|d| dim_of(func, v) == Some(d)),
        Operand::Dim(array, axis) => dim_of(func, v) == Some((array, axis)),
        Operand::Const(_) => false,
    }
}

/// Whether `a` and `b` are the same `int64` (one value, or equal
/// constants).
fn same_value(func: &Function, a: ValueId, b: ValueId) -> bool {
    a == b || matches!((int_constant(func, a), int_constant(func, b)), (Some(x), Some(y)) if x == y)
}

fn int_binary(op: BinOp, lhs: ValueId, rhs: ValueId) -> InstKind {
    InstKind::Binary {
        op,
        rules: Rules::Python,
        lhs,
        rhs,
    }
}
