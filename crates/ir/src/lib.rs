//! pyjit's intermediate representation: the optimizing tier's functions in
//! SSA form.
//!
//! - [`Function`] owns typed `u32` ids ([`ValueId`], [`InstId`],
//!   [`BlockId`]) in arenas and its blocks in a petgraph CFG whose edges are
//!   the only place branch targets live.
//! - [`build`] lowers a typed program to SSA while walking it (Braun et
//!   al.).
//! - [`print`] and [`parse`] are one text format, read back exactly.
//! - [`verify`] checks every invariant, phase by phase.
//!
//! Architecture invariant: the IR knows nothing of C; what an operation
//! means at run time is the typed program's documentation, implemented
//! once in the C prelude.

pub mod build;
pub mod entities;
pub mod function;
pub mod inst;
pub mod loops;
pub mod parse;
pub mod print;
pub mod types;
pub mod typing;
pub mod verify;

pub use entities::{BlockId, FuncRef, InstId, ValueId};
pub use function::{
    BlockData, EdgeKind, Exception, Function, InstData, Program, Terminator, ValueData, ValueDef,
};
pub use inst::{Builtin, Cmp, Const, Fill, InstKind, OutOfRange, PrintPiece, Rules};
pub use types::Type;
