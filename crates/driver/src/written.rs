//! Which array parameters compiled code may write, so that a read-only
//! Rust slice is never handed to code that stores into it.
//!
//! Flow-insensitive and conservative: a local is *written* if an element of
//! it is stored to; writing spreads backwards through `b = a` (then `a` is
//! written too), through conditional expressions, and through calls (a
//! parameter the callee writes makes the argument written).

use pyjit_frontend::typed::{Expr, ExprKind, LocalId, Program, Stmt, StmtKind};

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
            StmtKind::Assign { local, value, .. } => {
                if value.ty.as_array().is_some() && self.is_written_here(*local) {
                    self.mark_roots(value);
                }
                self.expr(value);
            }
            StmtKind::Store { array, .. } => {
                self.mark_roots(array);
                self.walk(stmt);
            }
            _ => self.walk(stmt),
        });
    }

    /// Visit what a statement evaluates and the blocks it holds.
    fn walk(&mut self, stmt: &Stmt) {
        let (exprs, blocks) = stmt.parts();
        exprs.into_iter().for_each(|e| self.expr(e));
        blocks.into_iter().flatten().for_each(|s| self.stmt(s));
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
            for child in e.children() {
                self.expr(child);
            }
        });
    }
}
