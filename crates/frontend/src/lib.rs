//! pyjit's frontend: everything between Python source text and the typed
//! functions both compiler tiers consume.
//!
//! ```text
//! bytes ─▶ SourceFile ─▶ Module (lex, split into items) ─▶ check(entry, signature)
//!                                   │ parse an item when reached        │
//!                                   ▼                                   ▼
//!                                  ast                            typed::Program
//! ```
//!
//! - [`SourceFile`] holds the text and its line index; [`Diagnostic`]s point
//!   into it with byte [`Span`]s and render as code frames.
//! - [`Module`] lexes the whole file ([`lexer`], on `logos`) and splits its
//!   top level into items; a function is parsed ([`syntax`], LALRPOP) only
//!   when the function asked for reaches it.
//! - [`check()`] resolves names and applies the type rules of LANGUAGE.md,
//!   giving a [`typed::Program`]: the entry function and every function it
//!   calls, specialized per argument types, with every conversion explicit.
//!
//! The frontend never panics and never overflows the stack on any input:
//! nesting is bounded at the lexer (brackets, indentation) and the parser
//! (expression depth), so every recursive walk is bounded too.
#![forbid(unsafe_code)]

pub mod ast;
pub mod ast_dump;
mod check;
pub mod diagnostic;
pub mod lexer;
pub mod module;
pub mod pyops;
pub mod signature;
pub mod source;
pub mod stack;
pub mod syntax;
pub mod token;
pub mod typed;
pub mod types;

pub use check::{SignatureSource, check, decode_string, resolve_signature};
pub use diagnostic::{Diagnostic, DiagnosticKind, Label};
pub use module::Module;
pub use signature::Signature;
pub use source::{LineCol, LineIndex, SourceFile, Span};
pub use types::{ArrayType, Scalar, Type};

/// Check `entry` in `module` with parameter types chosen from `source`
/// (LANGUAGE.md's precedence: an explicit signature, then annotations, then
/// the argument types).
pub fn check_entry(
    module: &Module,
    entry: &str,
    source: SignatureSource<'_>,
) -> Result<typed::Program, Diagnostic> {
    let signature = resolve_signature(module, entry, source)?;
    check(module, entry, &signature)
}

/// The README's example, compiled and run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctest;
