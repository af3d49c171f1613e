//! pyjit's runtime: everything between C text and a callable native
//! function, and nothing about Python.
//!
//! - [`abi`]: the binary interface of compiled code, as Rust types and as
//!   the C header every generated file starts with;
//! - [`compiler`]: finding C compilers, and the fast and optimizing
//!   profiles;
//! - [`cache`]: the per-user on-disk cache of compiled libraries, and
//!   loading them once per process;
//! - [`call`]: calling an entry function with a runtime record.
//!
//! Architecture invariant: this crate depends on no other pyjit crate. It
//! is the only one that runs processes, writes the cache and loads code.

pub mod abi;
pub mod cache;
pub mod call;
pub mod compiler;
pub mod error;

pub use abi::ExceptionKind;
pub use cache::{Cache, CacheStats, Fetched, Library, Origin};
pub use compiler::{Compiler, CompilerKind, Discovery, Invocation, Profile, Toolchain};
pub use error::Error;
