//! Module constants: `N = 100`, `SCALE = 2.5`, `TAU = 2 * math.pi`.
//!
//! Compiled code sees a module constant's value at compile time, as Numba
//! freezes globals (LANGUAGE.md, "Modules"). A constant is a literal or a
//! constant expression of literals, earlier constants and the constants of
//! `math` and `numpy`, evaluated here with Python's arithmetic
//! ([`crate::pyops`]). A value that Python would compute differently from
//! pyjit (an integer beyond 64 bits) or that raises is rejected, never
//! frozen wrong.

use crate::ast::{self, ExprKind, StmtKind, UnaryOp};
use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::module::{ItemKind, Module};
use crate::pyops::{self, PyException};
use crate::source::Span;
use crate::typed::Const;

use super::names::{Global, ModuleRef, math_constant};

/// Evaluate the module constant bound by item `item` (an `ItemKind::Assignment`).
pub(crate) fn evaluate(
    module: &Module,
    item: usize,
    name: &str,
    depth: usize,
) -> Result<Const, Diagnostic> {
    debug_assert_eq!(module.item(item).kind, ItemKind::Assignment);
    let stmts = module.parse_item(item)?;
    let value = match stmts.first().map(|s| &s.kind) {
        Some(StmtKind::Assign { targets, value }) if targets.len() == 1 => value,
        Some(StmtKind::AnnAssign {
            value: Some(value), ..
        }) => value,
        Some(StmtKind::AnnAssign { value: None, .. }) => {
            return Err(Diagnostic::new(
                DiagnosticKind::NonConstantGlobal,
                format!("module-level name `{name}` is declared but never given a value"),
            )
            .with_label(module.item(item).span, "annotation without a value")
            .with_help(format!("give it a value: `{name}: float = 1.0`")));
        }
        _ => {
            return Err(Diagnostic::new(
                DiagnosticKind::NonConstantGlobal,
                format!("`{name}` is not a module constant pyjit can freeze"),
            )
            .with_label(
                module.item(item).span,
                "assigned here together with other names",
            )
            .with_help(format!("write `{name} = value` on a line of its own")));
        }
    };
    Folder {
        module,
        item,
        name,
        depth,
    }
    .fold(value)
}

struct Folder<'a> {
    module: &'a Module,
    item: usize,
    name: &'a str,
    depth: usize,
}

/// How deep constants may refer to other constants (guards against a cycle
/// the position check would not see, and bounds the recursion).
const MAX_CONSTANT_CHAIN: usize = 64;

impl Folder<'_> {
    fn not_constant(&self, span: Span, what: &str) -> Diagnostic {
        Diagnostic::new(
            DiagnosticKind::NonConstantGlobal,
            format!("module constant `{}` is not a constant expression", self.name),
        )
        .with_label(span, what.to_owned())
        .with_help("pyjit freezes module constants made of literals, earlier constants and `math` constants; compute other values inside the function, or pass them as arguments")
    }

    fn raises(&self, span: Span, exception: PyException) -> Diagnostic {
        Diagnostic::new(
            DiagnosticKind::NonConstantGlobal,
            format!("module constant `{}` raises `{exception}`", self.name),
        )
        .with_label(span, "evaluating this raises")
        .with_help("Python would raise this when the module is imported; fix the expression")
    }

    fn overflow(&self, span: Span) -> Diagnostic {
        Diagnostic::new(
            DiagnosticKind::NonConstantGlobal,
            format!(
                "module constant `{}` does not fit in a 64-bit int",
                self.name
            ),
        )
        .with_label(span, "Python computes a larger integer here")
        .with_help("pyjit's `int` is 64 bits; use a float, or a smaller value")
    }

    fn fold(&self, e: &ast::Expr) -> Result<Const, Diagnostic> {
        crate::stack::ensure_sufficient_stack(|| self.fold_unguarded(e))
    }

    fn fold_unguarded(&self, e: &ast::Expr) -> Result<Const, Diagnostic> {
        match &e.kind {
            ExprKind::Int(Some(v)) => i64::try_from(*v)
                .map(Const::Int)
                .map_err(|_| self.overflow(e.span)),
            ExprKind::Int(None) => Err(self.overflow(e.span)),
            ExprKind::Float(v) => Ok(Const::Float(*v)),
            ExprKind::Bool(v) => Ok(Const::Bool(*v)),
            ExprKind::Name(name) => self.name(name, e.span),
            ExprKind::Attribute { value, attr } => match &value.kind {
                ExprKind::Name(module_name) => {
                    match super::names::resolve_global(self.module, module_name) {
                        Global::Module(ModuleRef::Math | ModuleRef::Numpy) => {
                            math_constant(&attr.name).map(Const::Float).ok_or_else(|| {
                                self.not_constant(e.span, "not a constant of the module")
                            })
                        }
                        _ => Err(self.not_constant(e.span, "an attribute pyjit cannot evaluate")),
                    }
                }
                _ => Err(self.not_constant(e.span, "an attribute pyjit cannot evaluate")),
            },
            // The literal 2**63 is out of range, but its negation is the
            // smallest int64, which a program may well write.
            ExprKind::Unary {
                op: UnaryOp::Neg,
                operand,
            } if matches!(operand.kind, ExprKind::Int(Some(v)) if v == 1u64 << 63) => {
                Ok(Const::Int(i64::MIN))
            }
            ExprKind::Unary { op, operand } => {
                let v = self.fold(operand)?;
                match (op, v) {
                    (UnaryOp::Not, v) => Ok(Const::Bool(!truthy(v))),
                    (UnaryOp::Pos, Const::Bool(b)) => Ok(Const::Int(i64::from(b))),
                    (UnaryOp::Pos, v) => Ok(v),
                    (UnaryOp::Neg, Const::Float(f)) => Ok(Const::Float(-f)),
                    (UnaryOp::Neg, v) => {
                        let i = as_int(v).expect("bool and int remain");
                        i.checked_neg()
                            .map(Const::Int)
                            .ok_or_else(|| self.overflow(e.span))
                    }
                    (UnaryOp::Invert, Const::Float(_)) => {
                        Err(self.not_constant(e.span, "`~` of a float is a `TypeError`"))
                    }
                    (UnaryOp::Invert, v) => {
                        Ok(Const::Int(!as_int(v).expect("bool and int remain")))
                    }
                }
            }
            ExprKind::Binary { op, lhs, rhs, .. } => {
                let (a, b) = (self.fold(lhs)?, self.fold(rhs)?);
                self.binary(*op, a, b, e.span)
            }
            ExprKind::Str(_) => Err(Diagnostic::new(
                DiagnosticKind::NonConstantGlobal,
                format!(
                    "module constant `{}` is a string; pyjit freezes only numbers and bools",
                    self.name
                ),
            )
            .with_label(e.span, "a string")
            .with_help("pass other values as arguments, or use a number")),
            ExprKind::List(_) | ExprKind::Tuple(_) => Err(Diagnostic::new(
                DiagnosticKind::NonConstantGlobal,
                format!(
                    "module constant `{}` is a list; pyjit freezes only numbers and bools",
                    self.name
                ),
            )
            .with_label(e.span, "not a number")
            .with_help("pass arrays to the compiled function as arguments")),
            ExprKind::NoneLiteral => Err(self.not_constant(e.span, "`None` is not a number")),
            ExprKind::Call { .. } => {
                Err(self.not_constant(e.span, "a call is evaluated when the module runs"))
            }
            _ => Err(self.not_constant(e.span, "not a constant expression")),
        }
    }

    fn name(&self, name: &str, span: Span) -> Result<Const, Diagnostic> {
        if self.depth >= MAX_CONSTANT_CHAIN {
            return Err(self.not_constant(span, "constants refer to each other too deeply"));
        }
        match super::names::resolve_global(self.module, name) {
            Global::Constant(item) if item < self.item => {
                evaluate(self.module, item, name, self.depth + 1)
            }
            Global::Constant(item) => Err(Diagnostic::new(
                DiagnosticKind::NonConstantGlobal,
                format!(
                    "module constant `{}` uses `{name}`, which is defined after it",
                    self.name
                ),
            )
            .with_label(span, "used here")
            .with_secondary(self.module.item(item).span, "defined here, later")
            .with_help(format!(
                "Python runs the module top to bottom: define `{name}` first"
            ))),
            Global::Imported { module, attr } if module == "math" || module == "numpy" => {
                math_constant(&attr)
                    .map(Const::Float)
                    .ok_or_else(|| self.not_constant(span, "not a constant"))
            }
            _ => Err(self.not_constant(span, "not a module constant")),
        }
    }

    fn binary(&self, op: ast::BinOp, a: Const, b: Const, span: Span) -> Result<Const, Diagnostic> {
        use ast::BinOp::*;
        let raise = |e: PyException| self.raises(span, e);
        if let (Some(x), Some(y)) = (as_int(a), as_int(b)) {
            let both_bool = matches!((a, b), (Const::Bool(_), Const::Bool(_)));
            let checked = |r: Option<i64>| r.map(Const::Int).ok_or_else(|| self.overflow(span));
            let wrapped = |(v, w): pyops::Wrapping| {
                if w {
                    Err(self.overflow(span))
                } else {
                    Ok(Const::Int(v))
                }
            };
            return match op {
                Add => checked(x.checked_add(y)),
                Sub => checked(x.checked_sub(y)),
                Mul => checked(x.checked_mul(y)),
                Div => pyops::int_truediv(x, y).map(Const::Float).map_err(raise),
                FloorDiv => wrapped(pyops::int_floordiv(x, y).map_err(raise)?),
                Mod => pyops::int_mod(x, y).map(Const::Int).map_err(raise),
                Pow if y >= 0 => wrapped(pyops::int_pow(x, y)),
                Pow => pyops::float_pow(x as f64, y as f64)
                    .map(Const::Float)
                    .map_err(raise),
                LShift => wrapped(pyops::int_lshift(x, y).map_err(raise)?),
                RShift => pyops::int_rshift(x, y).map(Const::Int).map_err(raise),
                BitAnd if both_bool => Ok(Const::Bool(x & y != 0)),
                BitOr if both_bool => Ok(Const::Bool(x | y != 0)),
                BitXor if both_bool => Ok(Const::Bool(x ^ y != 0)),
                BitAnd => Ok(Const::Int(x & y)),
                BitOr => Ok(Const::Int(x | y)),
                BitXor => Ok(Const::Int(x ^ y)),
                MatMul => Err(self.not_constant(span, "`@` of numbers is a `TypeError`")),
            };
        }
        let (x, y) = (as_float(a), as_float(b));
        match op {
            Add => Ok(Const::Float(x + y)),
            Sub => Ok(Const::Float(x - y)),
            Mul => Ok(Const::Float(x * y)),
            Div => pyops::float_truediv(x, y).map(Const::Float).map_err(raise),
            FloorDiv => pyops::float_floordiv(x, y).map(Const::Float).map_err(raise),
            Mod => pyops::float_mod(x, y).map(Const::Float).map_err(raise),
            Pow => {
                if x < 0.0 && y.is_finite() && y.fract() != 0.0 {
                    return Err(Diagnostic::new(
                        DiagnosticKind::NonConstantGlobal,
                        format!("module constant `{}` is a complex number in Python", self.name),
                    )
                    .with_label(span, "a negative number to a fractional power")
                    .with_help("for the real root, raise the absolute value and negate: `-(8.0 ** (1 / 3))`"));
                }
                pyops::float_pow(x, y).map(Const::Float).map_err(raise)
            }
            _ => Err(self.not_constant(span, &format!("`{}` needs integers", op.symbol()))),
        }
    }
}

fn as_int(c: Const) -> Option<i64> {
    match c {
        Const::Int(i) => Some(i),
        Const::Bool(b) => Some(i64::from(b)),
        Const::Float(_) => None,
    }
}

fn as_float(c: Const) -> f64 {
    match c {
        Const::Int(i) => i as f64,
        Const::Bool(b) => f64::from(u8::from(b)),
        Const::Float(f) => f,
    }
}

fn truthy(c: Const) -> bool {
    match c {
        Const::Int(i) => i != 0,
        Const::Bool(b) => b,
        Const::Float(f) => f != 0.0,
    }
}
