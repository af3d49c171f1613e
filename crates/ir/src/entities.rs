//! The ids of IR entities: typed `u32` indices into a function's arenas.
//!
//! Each id prints the way the text format spells it (`bb2`, `v7`, `i12`),
//! so logs, verifier errors and snapshots read alike.

use std::fmt;

macro_rules! entity {
    ($(#[$doc:meta])* $name:ident, $prefix:literal) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
        pub struct $name(pub u32);

        impl $name {
            /// The id as an arena index.
            pub fn index(self) -> usize {
                self.0 as usize
            }

            /// The id of arena index `index`.
            pub fn new(index: usize) -> $name {
                $name(u32::try_from(index).expect("fewer than 2^32 entities"))
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!($prefix, "{}"), self.0)
            }
        }
    };
}

entity!(
    /// A basic block (`bb2`).
    BlockId,
    "bb"
);
entity!(
    /// An instruction (`i12`); instructions are not named in the text
    /// format, only in verifier errors and logs.
    InstId,
    "i"
);
entity!(
    /// An SSA value (`v7`): a parameter or the result of an instruction.
    ValueId,
    "v"
);
entity!(
    /// A function of the program (`f1`), by its index.
    FuncRef,
    "f"
);
