//! pyjit's C code generator.
//!
//! - [`direct::emit`] is the fast tier: C straight from a typed program.
//! - [`PRELUDE`] is the C prelude both tiers share: every rule of Python's
//!   semantics that compiled code calls (floor division, powers, the `math`
//!   module's errors, bounds checks, allocation, the recursion guard).
//!
//! Architecture invariant: C generation is a pure function of its input
//! (the typed program and the options), deterministic to the byte, so its
//! output can key the cache. Nothing here compiles, loads or runs code.

pub mod direct;
pub mod from_ir;
pub mod names;
mod ops;
pub mod prelude;

pub use direct::{Options, emit};
pub use from_ir::emit_ir;
pub use prelude::PRELUDE;
