//! The `auto` tier: which tier compiles a program, decided before
//! compiling it by the seed's static complexity heuristic.
//!
//! A visitor over the syntax tree of every function the program compiles
//! (the entry and every function it reaches: they are compiled together,
//! so one decision covers them all) counts loops, calls, binary
//! operations and statements, weighted as [`WEIGHTS`] says. A program
//! scoring under the threshold (10 by default, [`crate::Options`]'s
//! `auto_threshold`) is small or straight-line: the fast tier has it
//! running in a few milliseconds, and the optimizing tier could save
//! little. Anything larger, loops above all, goes to the optimizing tier.
//!
//! The seed's weights were loops +5, calls +2, binary operations +1; they
//! score its `complex_compute` (four temporaries and a return) at 5, where
//! the seed said about 15 and meant it for the optimizing tier. A point
//! per statement makes both of its examples land where it says:
//! `simple_add` (`return a + b`) scores 2 and goes fast, `complex_compute`
//! scores 10.

use pyjit_frontend::Module;
use pyjit_frontend::ast::{ExprKind, FunctionDef, Stmt, StmtKind};
use pyjit_frontend::typed::Program;

/// The weight of each thing the heuristic counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Weights {
    /// Per `for` or `while` loop.
    pub loops: u32,
    /// Per call (`f(x)`, `math.sqrt(x)`, `range(n)`, `len(a)`, ...).
    pub calls: u32,
    /// Per binary arithmetic or bitwise operation, augmented assignments
    /// included (`a + b`, `s += x`; not comparisons, `and`, `or`).
    pub binary_ops: u32,
    /// Per statement (a docstring excepted).
    pub statements: u32,
}

/// The weights `auto` uses.
pub const WEIGHTS: Weights = Weights {
    loops: 5,
    calls: 2,
    binary_ops: 1,
    statements: 1,
};

/// What the heuristic counted in a program.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Complexity {
    /// Loops.
    pub loops: u32,
    /// Calls.
    pub calls: u32,
    /// Binary operations.
    pub binary_ops: u32,
    /// Statements.
    pub statements: u32,
}

impl Complexity {
    /// The weighted sum.
    pub fn score(&self) -> u32 {
        self.loops * WEIGHTS.loops
            + self.calls * WEIGHTS.calls
            + self.binary_ops * WEIGHTS.binary_ops
            + self.statements * WEIGHTS.statements
    }

    /// The complexity of a typed program: the sum over the syntax trees of
    /// all its functions, each counted once however many times it is
    /// called or specialized.
    pub fn of_program(module: &Module, program: &Program) -> Complexity {
        let mut total = Complexity::default();
        let mut counted: Vec<pyjit_frontend::Span> = Vec::new();
        for func in &program.functions {
            if counted.contains(&func.span) {
                continue;
            }
            counted.push(func.span);
            if let Some(def) = find_def(module, func.span) {
                total.function(def);
            }
        }
        total
    }

    fn function(&mut self, def: &FunctionDef) {
        self.block(&def.body);
    }

    fn block(&mut self, stmts: &[Stmt]) {
        for stmt in stmts {
            pyjit_frontend::stack::ensure_sufficient_stack(|| self.stmt(stmt));
        }
    }

    fn stmt(&mut self, stmt: &Stmt) {
        if let StmtKind::Expr(e) = &stmt.kind
            && matches!(e.kind, ExprKind::Str(_))
        {
            return;
        }
        self.statements += 1;
        match &stmt.kind {
            StmtKind::For { .. } | StmtKind::While { .. } => self.loops += 1,
            StmtKind::AugAssign { .. } => self.binary_ops += 1,
            _ => {}
        }
        for e in stmt.exprs() {
            self.expr(e);
        }
        for block in stmt.blocks() {
            self.block(block);
        }
    }

    fn expr(&mut self, e: &pyjit_frontend::ast::Expr) {
        pyjit_frontend::stack::ensure_sufficient_stack(|| {
            match &e.kind {
                ExprKind::Binary { .. } => self.binary_ops += 1,
                ExprKind::Call { .. } => self.calls += 1,
                _ => {}
            }
            for child in e.children() {
                self.expr(child);
            }
        });
    }
}

/// The `def` whose header is `header`.
fn find_def(module: &Module, header: pyjit_frontend::Span) -> Option<&FunctionDef> {
    (0..module.items().len()).find_map(|i| {
        module
            .parse_item(i)
            .ok()?
            .iter()
            .find_map(|stmt| match &stmt.kind {
                StmtKind::FunctionDef(def) if def.header == header => Some(&**def),
                _ => None,
            })
    })
}
