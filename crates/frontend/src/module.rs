//! A source file as pyjit sees it: top-level items found from the token
//! stream, each parsed only when something asks for it.
//!
//! A Python file is more than the functions pyjit compiles. Its top level is
//! split into items at every logical line that starts in column 0 (a
//! decorator line stays with the `def` it decorates); each item is classified
//! from its first tokens: a function, a module constant (`N = 100`), an
//! import, a class, the `if __name__ == "__main__":` block, or other code.
//! Only the items a compiled function reaches are parsed and checked, so a
//! class, a script section, or a function outside the subset that nothing
//! compiled calls is never an error, even if pyjit cannot parse it.
//!
//! Architecture invariant: lexing the whole file and splitting it never
//! fails; every error is reported when the item that holds it is used.

use std::ops::Range;
use std::sync::{Arc, OnceLock};

use indexmap::IndexMap;

use crate::ast::Stmt;
use crate::ast::{FunctionDef, StmtKind};
use crate::diagnostic::{Diagnostic, DiagnosticKind, closest};
use crate::lexer::{self, Lexed};
use crate::source::{SourceFile, Span};
use crate::syntax;
use crate::token::{Tok, Token};

/// What a top-level item is, decided from its first tokens.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ItemKind {
    /// `def name(...)`, possibly decorated.
    Function,
    /// `async def name(...)`.
    AsyncFunction,
    /// `class Name`.
    Class,
    /// `import ...` or `from ... import ...`.
    Import,
    /// `NAME = value` or `NAME: annotation = value`: a module constant, if
    /// its value is a constant expression.
    Assignment,
    /// `NAME op= value`: a rebinding, which makes `NAME` not a constant.
    AugmentedAssignment,
    /// `if __name__ == "__main__":`, skipped.
    MainGuard,
    /// A string on its own: the module docstring, or a comment in quotes.
    Docstring,
    /// Anything else: script code pyjit does not look at.
    Other,
}

/// One top-level item.
#[derive(Clone, Debug)]
pub struct Item {
    /// What it is.
    pub kind: ItemKind,
    /// Its tokens, as a range into [`Module::tokens`].
    pub tokens: Range<usize>,
    /// From its first token to the end of its last.
    pub span: Span,
    /// The names it binds at module level, with where (for an `Other` item,
    /// the names found by a quick scan, used only in diagnostics).
    pub binds: Vec<(String, Span)>,
}

/// What an `import` binds a name to.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Imported {
    /// `import a.b as name` (the module `a.b`), or `import a.b` (binds `a`
    /// to module `a`).
    Module(String),
    /// `from module import attr as name`.
    Attribute {
        /// The module imported from.
        module: String,
        /// The attribute.
        attr: String,
    },
}

/// A parsed source file's index of top-level items.
pub struct Module {
    source: Arc<SourceFile>,
    lexed: Lexed,
    items: Vec<Item>,
    /// Every module-level name with the items that bind it, in file order.
    names: IndexMap<String, Vec<usize>>,
    /// Names bound by `import` statements.
    imports: IndexMap<String, (Imported, Span)>,
    /// Whether a `from x import *` could bind names we cannot see.
    has_star_import: bool,
    parsed: Vec<OnceLock<Result<Arc<Vec<Stmt>>, Diagnostic>>>,
}

impl std::fmt::Debug for Module {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Module")
            .field("file", &self.source.name())
            .field("items", &self.items)
            .finish_non_exhaustive()
    }
}

impl Module {
    /// Lex a file and split it into items. Fails only for a file Python
    /// itself cannot read at all (NUL bytes, as CPython rejects them).
    pub fn new(source: Arc<SourceFile>) -> Result<Module, Diagnostic> {
        if let Some(at) = source.text().find('\0') {
            let at = at as u32;
            return Err(lexer::lex_error_diagnostic(
                source.text(),
                Span::new(at, at + 1),
                crate::token::LexError::NulByte,
            )
            .with_source(source));
        }
        let lexed = lexer::lex(source.text());
        let items = split_items(source.text(), &lexed.tokens);
        let mut module = Module {
            parsed: items.iter().map(|_| OnceLock::new()).collect(),
            source,
            lexed,
            items,
            names: IndexMap::new(),
            imports: IndexMap::new(),
            has_star_import: false,
        };
        module.index_names();
        Ok(module)
    }

    /// Convenience: index source text under a file name.
    pub fn from_text(name: &str, text: &str) -> Result<Module, Diagnostic> {
        Module::new(SourceFile::new(name, text))
    }

    /// The source file.
    pub fn source(&self) -> &Arc<SourceFile> {
        &self.source
    }

    /// Every token of the file (physical newlines, no indentation tokens).
    pub fn tokens(&self) -> &[Token] {
        &self.lexed.tokens
    }

    /// The top-level items, in file order.
    pub fn items(&self) -> &[Item] {
        &self.items
    }

    /// The names of the top-level functions, in file order.
    pub fn function_names(&self) -> impl Iterator<Item = &str> {
        self.items
            .iter()
            .filter(|item| item.kind == ItemKind::Function)
            .flat_map(|item| item.binds.first().map(|(name, _)| name.as_str()))
    }

    /// The items that bind `name` at module level.
    pub fn bindings(&self, name: &str) -> &[usize] {
        self.names.get(name).map_or(&[], Vec::as_slice)
    }

    /// Every name bound at module level.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.names.keys().map(String::as_str)
    }

    /// What an `import` binds `name` to.
    pub fn import(&self, name: &str) -> Option<&(Imported, Span)> {
        self.imports.get(name)
    }

    /// Whether the file has a `from m import *`.
    pub fn has_star_import(&self) -> bool {
        self.has_star_import
    }

    /// The item at `index`.
    pub fn item(&self, index: usize) -> &Item {
        &self.items[index]
    }

    /// The statements of an item, parsed on first use.
    pub fn parse_item(&self, index: usize) -> Result<&[Stmt], Diagnostic> {
        let parsed = self.parsed[index].get_or_init(|| {
            let item = &self.items[index];
            let text = self.source.text();
            let tokens = &self.lexed.tokens[item.tokens.clone()];
            lexer::layout(text, &self.lexed, tokens)
                .and_then(|triples| syntax::parse_statements(text, triples))
                .map(Arc::new)
                .map_err(|d| d.or_source(&self.source))
        });
        match parsed {
            Ok(stmts) => Ok(stmts.as_slice()),
            Err(diagnostic) => Err(diagnostic.clone()),
        }
    }

    /// The definition of the top-level function `name`, parsed on first use.
    pub fn function(&self, name: &str) -> Result<&FunctionDef, Diagnostic> {
        let Some(&index) = self
            .bindings(name)
            .iter()
            .rev()
            .find(|&&i| self.items[i].kind == ItemKind::Function)
        else {
            return Err(self.no_function(name));
        };
        self.function_at(index)
    }

    /// The function defined by item `index`.
    pub fn function_at(&self, index: usize) -> Result<&FunctionDef, Diagnostic> {
        let stmts = self.parse_item(index)?;
        stmts
            .iter()
            .find_map(|stmt| match &stmt.kind {
                StmtKind::FunctionDef(def) => Some(&**def),
                _ => None,
            })
            .ok_or_else(|| {
                Diagnostic::new(DiagnosticKind::Syntax, "expected a function definition")
                    .with_source(self.source.clone())
                    .with_label(
                        self.items[index].span,
                        "this item does not parse as a `def`",
                    )
            })
    }

    fn no_function(&self, name: &str) -> Diagnostic {
        // The name may be bound by something that is not a `def`.
        if let Some(&item) = self.bindings(name).last() {
            let item_ref = &self.items[item];
            let mut span = item_ref
                .binds
                .iter()
                .find(|(n, _)| n == name)
                .map_or(item_ref.span, |b| b.1);
            if item_ref.kind == ItemKind::AsyncFunction
                && let Some(token) = self.lexed.tokens[item_ref.tokens.clone()]
                    .iter()
                    .find(|t| t.kind == Tok::Async)
            {
                span = token.span;
            }
            let (message, help) = match item_ref.kind {
                ItemKind::AsyncFunction => (
                    "pyjit does not support `async` functions".to_owned(),
                    "make it an ordinary `def`".to_owned(),
                ),
                ItemKind::Class => (
                    format!("`{name}` is a class, not a function"),
                    "pyjit compiles functions; call the function that does the numeric work"
                        .to_owned(),
                ),
                _ => (
                    format!("`{name}` is not a function"),
                    format!("compile a function defined with `def {name}(...)`"),
                ),
            };
            return Diagnostic::new(DiagnosticKind::NotFound, message)
                .with_source(self.source.clone())
                .with_label(span, "defined here")
                .with_help(help);
        }
        let functions: Vec<&str> = self.function_names().collect();
        let mut diagnostic = Diagnostic::new(
            DiagnosticKind::NotFound,
            format!("no function `{name}` in `{}`", self.source.name()),
        );
        if let Some(similar) = closest(name, functions.iter().copied()) {
            diagnostic = diagnostic.with_help(format!("did you mean `{similar}`?"));
        }
        if functions.is_empty() {
            diagnostic.with_note("the file defines no top-level functions")
        } else {
            diagnostic.with_note(format!("the file defines: {}", functions.join(", ")))
        }
    }

    fn index_names(&mut self) {
        for index in 0..self.items.len() {
            if self.items[index].kind == ItemKind::Import {
                self.index_import(index);
            }
            for (name, _) in &self.items[index].binds {
                self.names.entry(name.clone()).or_default().push(index);
            }
        }
    }

    fn index_import(&mut self, index: usize) {
        let Ok(stmts) = self.parse_item(index) else {
            self.items[index].kind = ItemKind::Other;
            return;
        };
        let mut binds = Vec::new();
        let mut imports = Vec::new();
        let mut star = false;
        for stmt in stmts {
            match &stmt.kind {
                StmtKind::Import(aliases) => {
                    for alias in aliases {
                        let (name, span, module) = match &alias.alias {
                            Some(alias_name) => (
                                alias_name.name.clone(),
                                alias_name.span,
                                alias.name.dotted(),
                            ),
                            None => {
                                let first = &alias.name.parts[0];
                                (first.name.clone(), first.span, first.name.clone())
                            }
                        };
                        imports.push((name.clone(), Imported::Module(module), span));
                        binds.push((name, span));
                    }
                }
                StmtKind::ImportFrom {
                    module,
                    level,
                    names,
                } => {
                    star |= names.is_empty();
                    let module = match module {
                        Some(module) if *level == 0 => module.dotted(),
                        Some(module) => {
                            format!("{}{}", ".".repeat(*level as usize), module.dotted())
                        }
                        None => ".".repeat(*level as usize),
                    };
                    for alias in names {
                        let attr = alias.name.dotted();
                        let (name, span) = match &alias.alias {
                            Some(a) => (a.name.clone(), a.span),
                            None => (attr.clone(), alias.name.span),
                        };
                        imports.push((
                            name.clone(),
                            Imported::Attribute {
                                module: module.clone(),
                                attr,
                            },
                            span,
                        ));
                        binds.push((name, span));
                    }
                }
                _ => {}
            }
        }
        for (name, imported, span) in imports {
            self.imports.insert(name, (imported, span));
        }
        self.has_star_import |= star;
        self.items[index].binds = binds;
    }
}

/// Whether `kind` is one of the `op=` tokens.
fn is_augmented_assignment(kind: Tok) -> bool {
    use Tok::*;
    matches!(
        kind,
        PlusEqual
            | MinusEqual
            | StarEqual
            | SlashEqual
            | DoubleSlashEqual
            | PercentEqual
            | AtEqual
            | AmperEqual
            | VbarEqual
            | CaretEqual
            | LeftShiftEqual
            | RightShiftEqual
            | DoubleStarEqual
    )
}

/// Whether the token at `offset` is the first thing on its physical line,
/// in column 0.
fn at_column_zero(text: &str, offset: u32) -> bool {
    offset == 0 || matches!(text.as_bytes()[offset as usize - 1], b'\n' | b'\r')
}

/// Split a file's tokens into top-level items.
fn split_items(text: &str, tokens: &[Token]) -> Vec<Item> {
    let mut starts: Vec<usize> = Vec::new();
    let mut depth = 0usize;
    let mut at_line_start = true;
    // Whether the item being built so far holds only decorator lines.
    let mut decorators_only = false;
    for (index, token) in tokens.iter().enumerate() {
        if token.kind == Tok::Newline {
            if depth == 0 {
                at_line_start = true;
            }
            continue;
        }
        let column_zero = at_column_zero(text, token.span.start);
        // Recovery from an unclosed bracket: a statement keyword in column 0
        // cannot be inside brackets in valid Python, so it starts an item.
        if depth > 0
            && column_zero
            && matches!(
                token.kind,
                Tok::Def | Tok::Class | Tok::Import | Tok::From | Tok::Async
            )
        {
            depth = 0;
            at_line_start = true;
        }
        if at_line_start {
            at_line_start = false;
            if starts.is_empty() || column_zero && !decorators_only {
                starts.push(index);
                decorators_only = token.kind == Tok::At;
            } else if column_zero {
                decorators_only = token.kind == Tok::At;
            }
        }
        if token.kind.is_open_bracket() {
            depth += 1;
        } else if token.kind.is_close_bracket() {
            depth = depth.saturating_sub(1);
        }
    }
    let mut items = Vec::with_capacity(starts.len());
    for (i, &start) in starts.iter().enumerate() {
        let end = starts.get(i + 1).copied().unwrap_or(tokens.len());
        let slice = &tokens[start..end];
        let last = slice
            .iter()
            .rev()
            .find(|t| t.kind != Tok::Newline)
            .unwrap_or(&slice[0]);
        let (kind, binds) = classify(text, slice);
        items.push(Item {
            kind,
            tokens: start..end,
            span: slice[0].span.cover(last.span),
            binds,
        });
    }
    items
}

/// Decide what an item is from its first tokens, and what it binds.
fn classify(text: &str, tokens: &[Token]) -> (ItemKind, Vec<(String, Span)>) {
    let name_at = |i: usize| -> Vec<(String, Span)> {
        tokens
            .get(i)
            .filter(|t| t.kind == Tok::Name)
            .map(|t| vec![(text[t.span.range()].to_owned(), t.span)])
            .unwrap_or_default()
    };
    // Skip decorator lines.
    let mut first = 0;
    while tokens.get(first).is_some_and(|t| t.kind == Tok::At) {
        let mut depth = 0usize;
        while let Some(t) = tokens.get(first) {
            first += 1;
            match t.kind {
                k if k.is_open_bracket() => depth += 1,
                k if k.is_close_bracket() => depth = depth.saturating_sub(1),
                Tok::Newline if depth == 0 => break,
                _ => {}
            }
        }
    }
    let at = |i: usize| tokens.get(first + i).map(|t| t.kind);
    match (at(0), at(1), at(2)) {
        (Some(Tok::Def), Some(Tok::Name), _) => (ItemKind::Function, name_at(first + 1)),
        (Some(Tok::Async), Some(Tok::Def), Some(Tok::Name)) => {
            (ItemKind::AsyncFunction, name_at(first + 2))
        }
        (Some(Tok::Class), Some(Tok::Name), _) => (ItemKind::Class, name_at(first + 1)),
        (Some(Tok::Import | Tok::From), _, _) => (ItemKind::Import, Vec::new()),
        (Some(Tok::Name), Some(Tok::Equal), _) if single_line_assignment(tokens) => {
            (ItemKind::Assignment, name_at(0))
        }
        (Some(Tok::Name), Some(Tok::Colon), _) if single_line_assignment(tokens) => {
            (ItemKind::Assignment, name_at(0))
        }
        (Some(Tok::Name), Some(op), _) if is_augmented_assignment(op) => {
            (ItemKind::AugmentedAssignment, name_at(0))
        }
        (Some(Tok::If), Some(Tok::Name), Some(Tok::EqEqual))
            if &text[tokens[first + 1].span.range()] == "__name__" =>
        {
            (ItemKind::MainGuard, scan_bindings(text, tokens))
        }
        (Some(Tok::Str), Some(Tok::Newline) | None, _) => (ItemKind::Docstring, Vec::new()),
        _ => (ItemKind::Other, scan_bindings(text, tokens)),
    }
}

/// Whether an `X = ...` item is one logical line. Anything after it (an
/// indented line) makes it something other than a constant definition.
fn single_line_assignment(tokens: &[Token]) -> bool {
    let mut depth = 0usize;
    let mut ended = false;
    for token in tokens {
        match token.kind {
            Tok::Newline => ended |= depth == 0,
            _ if ended => return false,
            k if k.is_open_bracket() => depth += 1,
            k if k.is_close_bracket() => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    true
}

/// The names a piece of script code binds, found by looking at token
/// patterns: `name =` and `name op=` at the start of a logical line,
/// `def name`, `class name`, `for name`, `as name`, `import name`. Used
/// only to say where a name comes from when compiled code reads it.
fn scan_bindings(text: &str, tokens: &[Token]) -> Vec<(String, Span)> {
    let mut binds = Vec::new();
    let mut depth = 0usize;
    let mut line_start = true;
    for (i, token) in tokens.iter().enumerate() {
        let next = tokens.get(i + 1).map(|t| t.kind);
        let name = |t: &Token| (text[t.span.range()].to_owned(), t.span);
        match token.kind {
            Tok::Newline => {
                if depth == 0 {
                    line_start = true;
                }
                continue;
            }
            k if k.is_open_bracket() => depth += 1,
            k if k.is_close_bracket() => depth = depth.saturating_sub(1),
            Tok::Name
                if line_start
                    && depth == 0
                    && next.is_some_and(|k| k == Tok::Equal || is_augmented_assignment(k)) =>
            {
                binds.push(name(token));
            }
            Tok::Def | Tok::Class | Tok::For | Tok::As | Tok::Import => {
                if let Some(t) = tokens.get(i + 1).filter(|t| t.kind == Tok::Name) {
                    binds.push(name(t));
                }
            }
            _ => {}
        }
        line_start = false;
    }
    binds
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(ItemKind, Vec<String>)> {
        let module = Module::from_text("m.py", text).unwrap();
        module
            .items()
            .iter()
            .map(|item| {
                (
                    item.kind,
                    item.binds.iter().map(|(n, _)| n.clone()).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn items_are_split_at_column_zero() {
        let text = r#""""Module docstring."""
import math
import numpy as np
from math import sqrt as root, pi

N = 100
SCALE: float = 2.5
N += 1

@njit(cache=True,
      fastmath=False)
@other
def f(a, b):
    # a comment in column 0 inside the body
    return a + b

class C:
    def method(self):
        pass

for i in range(3):
    total = i

if __name__ == "__main__":
    f(1,
2)
    x = 5
"#;
        use ItemKind::*;
        let s = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            kinds(text),
            vec![
                (Docstring, s(&[])),
                (Import, s(&["math"])),
                (Import, s(&["np"])),
                (Import, s(&["root", "pi"])),
                (Assignment, s(&["N"])),
                (Assignment, s(&["SCALE"])),
                (AugmentedAssignment, s(&["N"])),
                (Function, s(&["f"])),
                (Class, s(&["C"])),
                (Other, s(&["i", "total"])),
                (MainGuard, s(&["x"])),
            ]
        );
        let module = Module::from_text("m.py", text).unwrap();
        assert_eq!(
            module.import("np").unwrap().0,
            Imported::Module("numpy".into())
        );
        assert_eq!(
            module.import("root").unwrap().0,
            Imported::Attribute {
                module: "math".into(),
                attr: "sqrt".into()
            }
        );
        assert_eq!(module.bindings("N").len(), 2);
        assert_eq!(module.function("f").unwrap().params.len(), 2);
    }

    #[test]
    fn a_broken_item_does_not_hide_the_others() {
        let text = "def broken(:\n    pass\n\ndef ok(x):\n    return x\n\nclass K(\ndef after():\n    return 1\n";
        let module = Module::from_text("m.py", text).unwrap();
        assert!(module.function("broken").is_err());
        assert!(module.function("ok").is_ok());
        assert!(module.function("after").is_ok());
        let missing = module.function("ok2").unwrap_err();
        assert_eq!(missing.message(), "no function `ok2` in `m.py`");
        assert_eq!(missing.help(), ["did you mean `ok`?"]);
    }
}
