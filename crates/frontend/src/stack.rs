//! Stack growth for recursive walks over trees.
//!
//! Trees are depth-bounded (`ast::MAX_EXPR_DEPTH`, `ast::MAX_STMT_DEPTH`),
//! but a debug build can spend kilobytes of stack per level, and pyjit runs
//! on threads it does not own (a 2 MiB Rust thread, a Python thread). Every
//! recursive walk over a tree, here and in later passes, calls
//! [`ensure_sufficient_stack`] at each level, as rustc does: when less than
//! [`RED_ZONE`] bytes remain, the rest of the walk continues on a new heap
//! segment.

/// Grow when less than this much stack remains.
pub const RED_ZONE: usize = 128 * 1024;

/// The size of each new segment.
pub const SEGMENT: usize = 2 * 1024 * 1024;

/// Run `f`, on a fresh stack segment if this one is nearly used up.
#[inline]
pub fn ensure_sufficient_stack<R>(f: impl FnOnce() -> R) -> R {
    stacker::maybe_grow(RED_ZONE, SEGMENT, f)
}
