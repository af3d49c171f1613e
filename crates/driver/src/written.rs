//! Which array parameters compiled code may write, so that a read-only
//! Rust slice is never handed to code that stores into it.
//!
//! Flow-insensitive and conservative: a local is *written* if an element of
//! it is stored to; writing spreads backwards through `b = a` (then `a` is
//! written too), through conditional expressions, and through calls (a
//! parameter the callee writes makes the argument written).

use pyjit_frontend::typed::{Expr, ExprKind, LocalId, PrintItem, Program, Stmt, StmtKind};

/// For each parameter of the entry function: whether it may be written.
pub(crate) fn written_params(program: &Program) -> Vec<bool> {
    let mut written: Vec<Vec<bool>> = program
        .functions
        .iter()
        .map(|f| vec![false; f.locals.len()])
        .collect();
    loop {
        let mut changed = false;
        for (f, func) in program.functions.iter().enumerate() {
            let mut facts = Facts {
                program,
                written: &written,
                own: &written[f],
                marks: Vec::new(),
            };
            for stmt in &func.body {
                facts.stmt(stmt);
            }
            for local in facts.marks {
                let slot = &mut written[f][local.0 as usize];
                if !*slot {
                    *slot = true;
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    let entry = program.entry();
    entry
        .params
        .iter()
        .map(|p| written[0][p.0 as usize])
        .collect()
}

struct Facts<'a> {
    program: &'a Program,
    /// Every function's written locals, as of the previous round.
    written: &'a [Vec<bool>],
    /// The scanned function's row of `written`.
    own: &'a [bool],
    /// Locals found written in this round.
    marks: Vec<LocalId>,
}

impl Facts<'_> {
    /// The locals an array expression may refer to.
    fn roots(&self, e: &Expr, out: &mut Vec<LocalId>) {
        match &e.kind {
            ExprKind::Local { id, .. } => out.push(*id),
            ExprKind::SetTemp { local, value } => {
                out.push(*local);
                self.roots(value, out);
            }
            ExprKind::IfExp {
                then, otherwise, ..
            } => {
                self.roots(then, out);
                self.roots(otherwise, out);
            }
            _ => {}
        }
    }

    fn mark_roots(&mut self, e: &Expr) {
        let mut roots = Vec::new();
        self.roots(e, &mut roots);
        self.marks.extend(roots);
    }

    fn stmt(&mut self, stmt: &Stmt) {
        pyjit_frontend::stack::ensure_sufficient_stack(|| match &stmt.kind {
            StmtKind::Assign { local, value } => {
                if value.ty.as_array().is_some() && self.is_written_here(*local) {
                    self.mark_roots(value);
                }
                self.expr(value);
            }
            StmtKind::Store {
                value,
                array,
                indices,
            } => {
                self.mark_roots(array);
                self.expr(value);
                self.expr(array);
                indices.iter().for_each(|i| self.expr(i));
            }
            StmtKind::If {
                cond,
                then_body,
                else_body,
            } => {
                self.expr(cond);
                then_body.iter().for_each(|s| self.stmt(s));
                else_body.iter().for_each(|s| self.stmt(s));
            }
            StmtKind::While { cond, body, orelse } => {
                self.expr(cond);
                body.iter().chain(orelse).for_each(|s| self.stmt(s));
            }
            StmtKind::ForRange {
                start,
                stop,
                step,
                body,
                orelse,
                ..
            } => {
                [start, stop, step].into_iter().for_each(|e| self.expr(e));
                body.iter().chain(orelse).for_each(|s| self.stmt(s));
            }
            StmtKind::ForEach {
                array,
                body,
                orelse,
                ..
            } => {
                self.expr(array);
                body.iter().chain(orelse).for_each(|s| self.stmt(s));
            }
            StmtKind::Return(Some(e)) | StmtKind::Expr(e) | StmtKind::Assert { cond: e, .. } => {
                self.expr(e)
            }
            StmtKind::Print { items, .. } => items.iter().for_each(|i| {
                if let PrintItem::Value(e) = i {
                    self.expr(e);
                }
            }),
            StmtKind::Return(None) | StmtKind::Break | StmtKind::Continue => {}
        });
    }

    fn is_written_here(&self, local: LocalId) -> bool {
        self.own[local.0 as usize] || self.marks.contains(&local)
    }

    fn expr(&mut self, e: &Expr) {
        pyjit_frontend::stack::ensure_sufficient_stack(|| {
            if let ExprKind::Call { func, args } = &e.kind {
                let callee = self.program.function(*func);
                for (arg, &param) in args.iter().zip(&callee.params) {
                    if arg.ty.as_array().is_some()
                        && self.written[func.0 as usize][param.0 as usize]
                    {
                        self.mark_roots(arg);
                    }
                }
            }
            for child in children(e) {
                self.expr(child);
            }
        });
    }
}

fn children(e: &Expr) -> Vec<&Expr> {
    match &e.kind {
        ExprKind::Const(_) | ExprKind::Local { .. } => Vec::new(),
        ExprKind::Unary { operand, .. } | ExprKind::Convert(operand) => vec![operand],
        ExprKind::Binary { lhs, rhs, .. } | ExprKind::Compare { lhs, rhs, .. } => vec![lhs, rhs],
        ExprKind::And(a, b) | ExprKind::Or(a, b) => vec![a, b],
        ExprKind::IfExp {
            cond,
            then,
            otherwise,
        } => vec![cond, then, otherwise],
        ExprKind::Call { args, .. }
        | ExprKind::Math { args, .. }
        | ExprKind::NumPy { args, .. }
        | ExprKind::Builtin { args, .. } => args.iter().collect(),
        ExprKind::Load { array, indices } => std::iter::once(&**array).chain(indices).collect(),
        ExprKind::Len { array, .. } | ExprKind::Size(array) => vec![array],
        ExprKind::Alloc { dims, .. } => dims.iter().collect(),
        ExprKind::SetTemp { value, .. } => vec![value],
    }
}
