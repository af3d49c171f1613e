//! Natural loops. A loop is found from its back edges (an edge into a
//! block that dominates its source). Its blocks are the header and every
//! block that reaches a back edge's source without passing the header.
//! Loops sharing a header are one loop. The passes change loops
//! (`pyjit_passes::loops`); the C emitter asks whether a function nests
//! them.

use std::collections::BTreeSet;

use rustc_hash::FxHashMap;

use crate::entities::{BlockId, ValueId};
use crate::function::{Function, ValueDef};

/// A natural loop.
#[derive(Clone, Debug)]
pub struct Loop {
    /// The block every iteration starts in; it dominates the others.
    pub header: BlockId,
    /// Every block of the loop, the header and inner loops' included.
    pub blocks: BTreeSet<BlockId>,
}

impl Loop {
    /// Whether `block` is in the loop.
    pub fn contains(&self, block: BlockId) -> bool {
        self.blocks.contains(&block)
    }

    /// Whether `v` is defined outside the loop (a parameter, or an
    /// instruction in a block outside it), and so the same on every
    /// iteration.
    pub fn is_invariant(&self, func: &Function, v: ValueId) -> bool {
        match func.value_def(v) {
            ValueDef::Param(_) => true,
            ValueDef::Inst(i) => func.inst(i).block.is_some_and(|b| !self.contains(b)),
            ValueDef::Detached => false,
        }
    }

    /// The edges leaving the loop, as `(from, to)`.
    pub fn exits(&self, func: &Function) -> Vec<(BlockId, BlockId)> {
        let mut out = Vec::new();
        for &b in &self.blocks {
            for s in func.succs(b) {
                if !self.contains(s) {
                    out.push((b, s));
                }
            }
        }
        out
    }

    /// The preds of the header from outside the loop.
    pub fn entries(&self, func: &Function) -> Vec<BlockId> {
        func.preds(self.header)
            .iter()
            .copied()
            .filter(|p| !self.contains(*p))
            .collect()
    }

    /// The loop's preheader: its one entry, which jumps to the header and
    /// nowhere else, if it has one.
    pub fn preheader(&self, func: &Function) -> Option<BlockId> {
        match self.entries(func).as_slice() {
            &[p] if func.succs(p) == [self.header] => Some(p),
            _ => None,
        }
    }
}

/// The natural loops of `func`, inner loops before the loops holding
/// them.
pub fn find_loops(func: &Function) -> Vec<Loop> {
    let mut latches: FxHashMap<BlockId, Vec<BlockId>> = FxHashMap::default();
    for &b in func.rpo() {
        for s in func.succs(b) {
            if func.dominates(s, b) {
                latches.entry(s).or_default().push(b);
            }
        }
    }
    let mut loops: Vec<Loop> = latches
        .into_iter()
        .map(|(header, latches)| {
            let mut blocks = BTreeSet::from([header]);
            let mut work = latches;
            while let Some(b) = work.pop() {
                if blocks.insert(b) {
                    work.extend(
                        func.preds(b)
                            .iter()
                            .copied()
                            .filter(|&p| func.is_reachable(p)),
                    );
                }
            }
            Loop { header, blocks }
        })
        .collect();
    // An inner loop has fewer blocks than any loop holding it.
    loops.sort_by_key(|l| (l.blocks.len(), l.header));
    loops
}

/// Whether a loop of `func` holds another.
pub fn has_nest(func: &Function) -> bool {
    let loops = find_loops(func);
    loops.iter().any(|outer| {
        loops
            .iter()
            .any(|inner| inner.header != outer.header && inner.blocks.is_subset(&outer.blocks))
    })
}
