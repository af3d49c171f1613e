//! Helpers shared by the frontend's integration tests: reading `# check:`
//! lines from fixtures, rendering tokens, and the span invariants every
//! fixture must satisfy.
#![allow(dead_code, unreachable_pub)]

use pyjit_frontend::ast::{Expr, Stmt};
use pyjit_frontend::lexer::{layout, lex};
use pyjit_frontend::module::ItemKind;
use pyjit_frontend::{Diagnostic, Module, Signature, SignatureSource, Span, check_entry, typed};

/// One `# check:` line of a fixture:
/// - `# check: f(int64, float64[:])` checks `f` for these argument types;
/// - `# check: f` checks `f` from its annotations;
/// - `# check: f sig=float64(float64[:])` checks `f` with a signature string.
#[derive(Debug, Clone)]
pub struct CheckLine {
    pub text: String,
    pub function: String,
    pub how: How,
}

#[derive(Debug, Clone)]
pub enum How {
    Arguments(String),
    Annotations,
    Signature(String),
}

pub fn check_lines(text: &str) -> Vec<CheckLine> {
    text.lines()
        .filter_map(|line| line.trim().strip_prefix("# check:"))
        .map(|spec| {
            let spec = spec.trim();
            let (function, how) = if let Some((name, sig)) = spec.split_once(" sig=") {
                (name.trim(), How::Signature(sig.trim().to_owned()))
            } else if let Some((name, args)) = spec.split_once('(') {
                (
                    name.trim(),
                    How::Arguments(args.trim_end_matches(')').to_owned()),
                )
            } else {
                (spec, How::Annotations)
            };
            CheckLine {
                text: spec.to_owned(),
                function: function.to_owned(),
                how,
            }
        })
        .collect()
}

/// Split a comma-separated list of types, keeping `float64[:, :]` whole.
pub fn split_types(list: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0;
    let mut current = String::new();
    for c in list.chars() {
        match c {
            '[' => depth += 1,
            ']' => depth -= 1,
            ',' if depth == 0 => {
                out.push(std::mem::take(&mut current).trim().to_owned());
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    if !current.trim().is_empty() {
        out.push(current.trim().to_owned());
    }
    out
}

/// Run one `# check:` line. A signature string or argument type that does
/// not parse is a result too: its diagnostic is what a user would see.
pub fn run_check(module: &Module, line: &CheckLine) -> Result<typed::Program, Diagnostic> {
    match &line.how {
        How::Arguments(list) => {
            let types = split_types(list)
                .iter()
                .map(|t| Signature::parse_type(t))
                .collect::<Result<Vec<_>, _>>()?;
            check_entry(module, &line.function, SignatureSource::Arguments(&types))
        }
        How::Annotations => check_entry(module, &line.function, SignatureSource::Annotations),
        How::Signature(sig) => {
            let signature = Signature::parse(sig)?;
            check_entry(
                module,
                &line.function,
                SignatureSource::Explicit(&signature),
            )
        }
    }
}

/// The layout tokens of every item of a module, one a line: `Kind start..end`.
pub fn layout_tokens(module: &Module) -> String {
    let text = module.source().text();
    let lexed = lex(text);
    let mut out = String::new();
    for item in module.items() {
        match layout(text, &lexed, &lexed.tokens[item.tokens.clone()]) {
            Ok(triples) => {
                for (start, kind, end) in triples {
                    out.push_str(&format!("{kind:?} {start}..{end}\n"));
                }
            }
            Err(d) => out.push_str(&format!("error: {}\n", d.message())),
        }
    }
    out
}

/// The syntax trees of the items a checker could reach (functions,
/// constants, imports), dumped.
pub fn items_ast(module: &Module) -> String {
    let mut out = String::new();
    for (index, item) in module.items().iter().enumerate() {
        if !matches!(
            item.kind,
            ItemKind::Function | ItemKind::Assignment | ItemKind::Import
        ) {
            continue;
        }
        match module.parse_item(index) {
            Ok(stmts) => out.push_str(&pyjit_frontend::ast_dump::dump(stmts)),
            Err(d) => out.push_str(&format!("error: {}\n", d.message())),
        }
    }
    out
}

/// Token ranges never go backwards and lie inside the source; every child
/// span of the syntax tree lies inside its parent's.
pub fn assert_span_invariants(module: &Module) {
    let text = module.source().text();
    let len = text.len() as u32;
    let mut previous = 0;
    for token in module.tokens() {
        assert!(
            token.span.start <= token.span.end && token.span.end <= len,
            "token {token:?} outside the source"
        );
        assert!(
            token.span.start >= previous,
            "token {token:?} starts before the previous one ends"
        );
        previous = token.span.end;
    }
    let lexed = lex(text);
    for (index, item) in module.items().iter().enumerate() {
        if let Ok(triples) = layout(text, &lexed, &lexed.tokens[item.tokens.clone()]) {
            let mut previous = 0;
            for (start, kind, end) in triples {
                assert!(
                    start <= end && end <= len,
                    "layout token {kind:?} {start}..{end} outside the source"
                );
                assert!(
                    start >= previous,
                    "layout token {kind:?} {start}..{end} goes backwards"
                );
                previous = start;
            }
        }
        if let Ok(stmts) = module.parse_item(index) {
            for stmt in stmts {
                assert!(
                    item.span.contains(stmt.span) || stmt.span.is_empty(),
                    "statement {:?} outside its item {:?}",
                    stmt.span,
                    item.span
                );
                stmt_spans(stmt);
            }
        }
    }
}

fn stmt_spans(stmt: &Stmt) {
    for e in stmt.exprs() {
        assert!(
            stmt.span.contains(e.span),
            "expression {:?} outside its statement {:?}",
            e.span,
            stmt.span
        );
        expr_spans(e);
    }
    for block in stmt.blocks() {
        for inner in block {
            assert!(
                stmt.span.contains(inner.span),
                "statement {:?} outside its parent {:?}",
                inner.span,
                stmt.span
            );
            stmt_spans(inner);
        }
    }
}

fn expr_spans(e: &Expr) {
    for child in e.children() {
        assert!(
            e.span.contains(child.span),
            "expression {:?} outside its parent {:?}",
            child.span,
            e.span
        );
        assert!(
            child.depth < e.depth,
            "depth does not decrease from {:?} to {:?}",
            e.span,
            child.span
        );
        expr_spans(child);
    }
}

/// Every label of a diagnostic lies inside its source.
pub fn assert_diagnostic_spans(diagnostic: &Diagnostic) {
    if let Some(source) = diagnostic.source() {
        let len = source.text().len() as u32;
        for label in diagnostic.labels() {
            assert!(
                label.span.end <= len && label.span.start <= label.span.end,
                "label {:?} outside the source",
                label.span
            );
        }
    }
    let _ = Span::default();
}
