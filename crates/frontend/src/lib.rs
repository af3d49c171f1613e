//! pyjit's frontend: everything between Python source text and the typed
//! functions both compiler tiers consume.
#![forbid(unsafe_code)]

pub mod diagnostic;
pub mod lexer;
pub mod source;
pub mod token;

pub use diagnostic::{Diagnostic, DiagnosticKind, Label};
pub use source::{LineCol, LineIndex, SourceFile, Span};
pub mod ast;
pub mod syntax;
