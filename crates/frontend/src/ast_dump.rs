//! A compact, deterministic text form of the syntax tree, one node a line
//! with its span, for snapshots and `pyjit emit ast`.

use std::fmt::Write;

use crate::ast::*;

/// Dump statements, one node a line, children indented.
pub fn dump(stmts: &[Stmt]) -> String {
    let mut out = String::new();
    for stmt in stmts {
        dump_stmt(stmt, 0, &mut out);
    }
    out
}

fn line(out: &mut String, depth: usize, text: impl AsRef<str>) {
    for _ in 0..depth {
        out.push_str("  ");
    }
    out.push_str(text.as_ref());
    out.push('\n');
}

fn block(label: &str, stmts: &[Stmt], depth: usize, out: &mut String) {
    if stmts.is_empty() {
        return;
    }
    line(out, depth, format!("{label}:"));
    for stmt in stmts {
        dump_stmt(stmt, depth + 1, out);
    }
}

fn field(label: &str, e: &Expr, depth: usize, out: &mut String) {
    line(out, depth, format!("{label}:"));
    dump_expr(e, depth + 1, out);
}

fn dump_stmt(stmt: &Stmt, depth: usize, out: &mut String) {
    crate::stack::ensure_sufficient_stack(|| dump_stmt_unguarded(stmt, depth, out));
}

fn dump_stmt_unguarded(stmt: &Stmt, depth: usize, out: &mut String) {
    let at = format!("@{:?}", stmt.span);
    match &stmt.kind {
        StmtKind::Expr(e) => {
            line(out, depth, format!("Expr {at}"));
            dump_expr(e, depth + 1, out);
        }
        StmtKind::Assign { targets, value } => {
            line(out, depth, format!("Assign {at}"));
            for target in targets {
                field("target", target, depth + 1, out);
            }
            field("value", value, depth + 1, out);
        }
        StmtKind::AugAssign {
            target, op, value, ..
        } => {
            line(out, depth, format!("AugAssign {}= {at}", op.symbol()));
            field("target", target, depth + 1, out);
            field("value", value, depth + 1, out);
        }
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
        } => {
            line(out, depth, format!("AnnAssign {at}"));
            field("target", target, depth + 1, out);
            field("annotation", annotation, depth + 1, out);
            if let Some(value) = value {
                field("value", value, depth + 1, out);
            }
        }
        StmtKind::Pass => line(out, depth, format!("Pass {at}")),
        StmtKind::Break => line(out, depth, format!("Break {at}")),
        StmtKind::Continue => line(out, depth, format!("Continue {at}")),
        StmtKind::Return(value) => {
            line(out, depth, format!("Return {at}"));
            if let Some(value) = value {
                dump_expr(value, depth + 1, out);
            }
        }
        StmtKind::Assert { test, msg } => {
            line(out, depth, format!("Assert {at}"));
            field("test", test, depth + 1, out);
            if let Some(msg) = msg {
                field("msg", msg, depth + 1, out);
            }
        }
        StmtKind::If { test, body, orelse } => {
            line(out, depth, format!("If {at}"));
            field("test", test, depth + 1, out);
            block("body", body, depth + 1, out);
            block("orelse", orelse, depth + 1, out);
        }
        StmtKind::While { test, body, orelse } => {
            line(out, depth, format!("While {at}"));
            field("test", test, depth + 1, out);
            block("body", body, depth + 1, out);
            block("orelse", orelse, depth + 1, out);
        }
        StmtKind::For {
            target,
            iter,
            body,
            orelse,
            is_async,
        } => {
            line(
                out,
                depth,
                format!("{}For {at}", if *is_async { "Async" } else { "" }),
            );
            field("target", target, depth + 1, out);
            field("iter", iter, depth + 1, out);
            block("body", body, depth + 1, out);
            block("orelse", orelse, depth + 1, out);
        }
        StmtKind::FunctionDef(def) => {
            line(
                out,
                depth,
                format!(
                    "FunctionDef {} @{:?} header @{:?}",
                    def.name.name, def.span, def.header
                ),
            );
            for decorator in &def.decorators {
                field("decorator", decorator, depth + 1, out);
            }
            for param in &def.params {
                line(
                    out,
                    depth + 1,
                    format!(
                        "param {} {:?} @{:?}",
                        param.name.name, param.kind, param.span
                    ),
                );
                if let Some(annotation) = &param.annotation {
                    field("annotation", annotation, depth + 2, out);
                }
                if let Some(default) = &param.default {
                    field("default", default, depth + 2, out);
                }
            }
            if let Some(returns) = &def.returns {
                field("returns", returns, depth + 1, out);
            }
            block("body", &def.body, depth + 1, out);
        }
        StmtKind::Import(names) => {
            let names: Vec<String> = names.iter().map(alias).collect();
            line(out, depth, format!("Import {} {at}", names.join(", ")));
        }
        StmtKind::ImportFrom {
            module,
            level,
            names,
        } => {
            let module = module.as_ref().map(DottedName::dotted).unwrap_or_default();
            let names: Vec<String> = if names.is_empty() {
                vec!["*".to_owned()]
            } else {
                names.iter().map(alias).collect()
            };
            line(
                out,
                depth,
                format!(
                    "ImportFrom {}{module} import {} {at}",
                    ".".repeat(*level as usize),
                    names.join(", ")
                ),
            );
        }
        StmtKind::Unsupported { construct, names } => {
            let mut text = format!("Unsupported {construct:?}");
            for name in names {
                let _ = write!(text, " {}", name.name);
            }
            line(out, depth, format!("{text} {at}"));
        }
    }
}

fn alias(a: &ImportAlias) -> String {
    match &a.alias {
        Some(alias) => format!("{} as {}", a.name.dotted(), alias.name),
        None => a.name.dotted(),
    }
}

fn dump_expr(e: &Expr, depth: usize, out: &mut String) {
    crate::stack::ensure_sufficient_stack(|| dump_expr_unguarded(e, depth, out));
}

fn dump_expr_unguarded(e: &Expr, depth: usize, out: &mut String) {
    let at = format!("@{:?}", e.span);
    let head = match &e.kind {
        ExprKind::Name(name) => format!("Name {name}"),
        ExprKind::Int(Some(v)) => format!("Int {v}"),
        ExprKind::Int(None) => "Int (too large)".to_owned(),
        ExprKind::Float(v) => format!("Float {}", crate::pyops::float_repr(*v)),
        ExprKind::Bool(v) => format!("Bool {v}"),
        ExprKind::NoneLiteral => "None".to_owned(),
        ExprKind::Ellipsis => "Ellipsis".to_owned(),
        ExprKind::Str(parts) => {
            let kinds: Vec<String> = parts.iter().map(|p| format!("{:?}", p.kind)).collect();
            format!("Str [{}]", kinds.join(" "))
        }
        ExprKind::Unary { op, .. } => format!("Unary {}", op.symbol()),
        ExprKind::Binary { op, .. } => format!("Binary {}", op.symbol()),
        ExprKind::BoolOp { op, .. } => {
            format!("BoolOp {}", if *op == BoolOp::And { "and" } else { "or" })
        }
        ExprKind::Compare { rest, .. } => {
            let ops: Vec<&str> = rest.iter().map(|(op, _, _)| op.symbol()).collect();
            format!("Compare {}", ops.join(" "))
        }
        ExprKind::IfExp { .. } => "IfExp".to_owned(),
        ExprKind::Call { keywords, .. } => {
            let names: Vec<String> = keywords
                .iter()
                .map(|k| {
                    k.name
                        .as_ref()
                        .map_or("**".to_owned(), |n| format!("{}=", n.name))
                })
                .collect();
            if names.is_empty() {
                "Call".to_owned()
            } else {
                format!("Call keywords [{}]", names.join(" "))
            }
        }
        ExprKind::Attribute { attr, .. } => format!("Attribute .{}", attr.name),
        ExprKind::Subscript { .. } => "Subscript".to_owned(),
        ExprKind::Slice { .. } => "Slice".to_owned(),
        ExprKind::Tuple(_) => "Tuple".to_owned(),
        ExprKind::List(_) => "List".to_owned(),
        ExprKind::Starred(_) => "Starred".to_owned(),
        ExprKind::NamedExpr { .. } => "NamedExpr".to_owned(),
        ExprKind::Unsupported(construct) => format!("Unsupported {construct:?}"),
    };
    line(out, depth, format!("{head} {at}"));
    for child in e.children() {
        dump_expr(child, depth + 1, out);
    }
}
