//! Expressions: names, literals, operators, subscripts and attributes, with
//! LANGUAGE.md's type rules and every implicit conversion made explicit.
//! Calls are in `calls.rs`.

use crate::ast::{self, BinOp as B, CmpOp, ExprKind as A, UnaryOp};
use crate::diagnostic::{Diagnostic, DiagnosticKind, closest};
use crate::source::Span;
use crate::typed::{self, Arith, BinOp, Const, Expr, ExprKind};
use crate::types::{ArrayType, Kind, Scalar, Type};

use super::function::{CResult, Fail, FnChecker, Mode, Val, error};
use super::names::{Global, ModuleRef, math_constant, not_a_constant, resolve_global};

/// What a `for` loop iterates over.
pub(super) enum Iterable {
    /// `range(start, stop, step)`, bounds as `int64`.
    Range(Expr, Expr, Expr),
    /// A 1-D array.
    Array(Expr),
}

/// A constant converted to another scalar type, exactly as the conversion
/// would at run time.
fn convert_const(c: Const, to: Scalar) -> Const {
    match (c, to) {
        (c, Scalar::Bool) => Const::Bool(match c {
            Const::Int(i) => i != 0,
            Const::Float(f) => f != 0.0,
            Const::Bool(b) => b,
        }),
        (Const::Bool(b), Scalar::Int32 | Scalar::Int64) => Const::Int(i64::from(b)),
        (Const::Bool(b), _) => Const::Float(f64::from(u8::from(b))),
        (Const::Int(i), Scalar::Int32 | Scalar::Int64) => Const::Int(i),
        // NumPy converts an integer to `float32` through a double: two roundings.
        (Const::Int(i), Scalar::Float32) => Const::Float(f64::from(i as f64 as f32)),
        (Const::Int(i), Scalar::Float64) => Const::Float(i as f64),
        (Const::Float(f), Scalar::Float32) => Const::Float(f64::from(f as f32)),
        (Const::Float(f), _) => Const::Float(f),
    }
}

fn typed_op(op: B) -> Option<BinOp> {
    Some(match op {
        B::Add => BinOp::Add,
        B::Sub => BinOp::Sub,
        B::Mul => BinOp::Mul,
        B::Div => BinOp::Div,
        B::FloorDiv => BinOp::FloorDiv,
        B::Mod => BinOp::Mod,
        B::Pow => BinOp::Pow,
        B::LShift => BinOp::LShift,
        B::RShift => BinOp::RShift,
        B::BitAnd => BinOp::BitAnd,
        B::BitOr => BinOp::BitOr,
        B::BitXor => BinOp::BitXor,
        B::MatMul => return None,
    })
}

impl<'m> FnChecker<'_, 'm> {
    /// An expression that must have a value (not a call of a function that
    /// returns `None`).
    pub(super) fn value(&mut self, e: &'m ast::Expr) -> CResult<Val> {
        let v = self.expr(e)?;
        if v.e.ty == Type::None {
            return error(
                DiagnosticKind::TypeMismatch,
                "this call returns `None`, which pyjit cannot use as a value",
                e.span,
                "returns `None`",
                "call it as a statement of its own, or make the function return a value",
            );
        }
        Ok(v)
    }

    /// A scalar operand, or an error naming the operator.
    fn scalar_of(&self, v: &Val, what: &str, span: Span) -> CResult<Scalar> {
        v.e.ty.scalar().ok_or_else(|| {
            Fail::Error(
                Diagnostic::new(
                    DiagnosticKind::TypeMismatch,
                    format!("{what} needs a number, not `{}`", v.e.ty.python_name()),
                )
                .with_label(span, format!("`{}`", v.e.ty.python_name())),
            )
        })
    }

    /// Convert a value to `to` implicitly (a promotion, a weak literal taking
    /// the other operand's type, truthiness for a condition).
    pub(super) fn coerce(&self, v: Val, to: Type) -> CResult<Expr> {
        if v.e.ty == to {
            return Ok(v.e);
        }
        let (Some(from), Some(to_s)) = (v.e.ty.scalar(), to.scalar()) else {
            return error(
                DiagnosticKind::TypeMismatch,
                format!(
                    "expected `{}`, found `{}`",
                    to.python_name(),
                    v.e.ty.python_name()
                ),
                v.e.span,
                format!("`{}`", v.e.ty.python_name()),
                "convert the value explicitly",
            );
        };
        let span = v.e.span;
        if let ExprKind::Const(c) = v.e.kind {
            if v.weak
                && to_s == Scalar::Int32
                && let Const::Int(i) = c
                && i32::try_from(i).is_err()
            {
                return error(
                    DiagnosticKind::TypeMismatch,
                    format!("the integer `{i}` does not fit in `int32`"),
                    span,
                    "used with an `int32` value here",
                    "NumPy raises `OverflowError` for this; use a smaller value, or convert the other operand with `int(...)`",
                );
            }
            let _ = from;
            return Ok(Expr::constant(convert_const(c, to_s), to, span));
        }
        // An `int64` becomes a `float32` through a `float64`, as NumPy converts
        // it (two roundings); int32 and bool convert exactly to float64 first.
        let e = if from == Scalar::Int64 && to_s == Scalar::Float32 {
            Expr {
                kind: ExprKind::Convert(Box::new(v.e)),
                ty: Type::FLOAT,
                span,
            }
        } else {
            v.e
        };
        Ok(Expr {
            kind: ExprKind::Convert(Box::new(e)),
            ty: to,
            span,
        })
    }

    /// Convert a value for a store into `array`: any number widens;
    /// `float64` narrows to `float32` and `int64` to `int32` (as NumPy
    /// stores them); a float into an integer array, or a number into a
    /// `bool` array, would lose information and is an error. A list holds
    /// Python numbers only (see [`Self::list_element`]).
    pub(super) fn store_coerce(&self, v: Val, array: ArrayType, span: Span) -> CResult<Expr> {
        let elem = array.elem;
        if array.list && !v.weak && v.e.ty.scalar().is_some() {
            return Err(Fail::Error(self.numpy_scalar_in_list(&v, span)));
        }
        let Some(from) = v.e.ty.scalar() else {
            return error(
                DiagnosticKind::TypeMismatch,
                format!(
                    "cannot store {} into an array of `{}`",
                    crate::diagnostic::a_type(v.e.ty),
                    elem.numba_name()
                ),
                v.e.span,
                "not a number",
                "store a number; arrays hold numbers, not arrays",
            );
        };
        let lossy =
            (from.is_float() && !elem.is_float()) || (elem == Scalar::Bool && from != Scalar::Bool);
        if lossy {
            let help = if elem == Scalar::Bool {
                "store a comparison such as `x != 0`".to_owned()
            } else {
                "convert explicitly, with `int(...)` (truncates) or `round(...)`, or compute an integer with `//`".to_owned()
            };
            return Err(Fail::Error(
                Diagnostic::new(
                    DiagnosticKind::TypeMismatch,
                    format!(
                        "cannot store {} into an array of `{}`",
                        crate::diagnostic::a_type(Type::Scalar(from)),
                        elem.numba_name()
                    ),
                )
                .with_label(v.e.span, format!("`{}`", from.python_name()))
                .with_secondary(span, format!("element of `{}[:]`", elem.numba_name()))
                .with_help(help),
            ));
        }
        self.coerce(v, Type::Scalar(elem))
    }

    /// A condition: truthiness of a number.
    pub(super) fn condition(&mut self, e: &'m ast::Expr) -> CResult<Expr> {
        let v = self.value(e)?;
        self.truth(v, e.span)
    }

    fn truth(&self, v: Val, span: Span) -> CResult<Expr> {
        match v.e.ty {
            Type::Scalar(_) => self.coerce(v, Type::BOOL),
            other => error(
                DiagnosticKind::TypeMismatch,
                format!(
                    "pyjit cannot test {} for truth",
                    crate::diagnostic::a_type(other)
                ),
                span,
                "not a number",
                "compare the elements, or test `len(a) > 0`",
            ),
        }
    }

    pub(super) fn expr(&mut self, e: &'m ast::Expr) -> CResult<Val> {
        crate::stack::ensure_sufficient_stack(|| self.expr_unguarded(e))
    }

    fn expr_unguarded(&mut self, e: &'m ast::Expr) -> CResult<Val> {
        let span = e.span;
        match &e.kind {
            A::Int(Some(v)) => match i64::try_from(*v) {
                Ok(v) => Ok(Val {
                    e: Expr::constant(Const::Int(v), Type::INT, span),
                    weak: true,
                    tracked: Vec::new(),
                }),
                Err(_) => self.int_too_large(span),
            },
            A::Int(None) => self.int_too_large(span),
            A::Float(v) => Ok(Val {
                e: Expr::constant(Const::Float(*v), Type::FLOAT, span),
                weak: true,
                tracked: Vec::new(),
            }),
            A::Bool(b) => Ok(Val::python(Expr::constant(
                Const::Bool(*b),
                Type::BOOL,
                span,
            ))),
            A::Name(name) => self.name(name, span),
            A::Unary { op, operand } => self.unary(*op, operand, span),
            A::Binary {
                op,
                op_span,
                lhs,
                rhs,
            } => {
                if let Some(alloc) = self.list_repeat(*op, lhs, rhs, span)? {
                    return Ok(alloc);
                }
                let l = self.value(lhs)?;
                let r = self.value(rhs)?;
                self.binary(*op, *op_span, l, r, span, rhs)
            }
            A::BoolOp { op, lhs, rhs } => {
                let l = self.value(lhs)?;
                let r = self.value(rhs)?;
                let word = if *op == ast::BoolOp::And {
                    "`and`"
                } else {
                    "`or`"
                };
                let (a, b) = (
                    self.scalar_of(&l, word, lhs.span)?,
                    self.scalar_of(&r, word, rhs.span)?,
                );
                let (t, weak) = Scalar::promote_weak(a, l.weak, b, r.weak);
                // The result is one operand or the other.
                let tracked = if weak {
                    Vec::new()
                } else {
                    Val::tracked_of(&[&l, &r])
                };
                let ty = Type::Scalar(t);
                let (l, r) = (Box::new(self.coerce(l, ty)?), Box::new(self.coerce(r, ty)?));
                let kind = if *op == ast::BoolOp::And {
                    ExprKind::And(l, r)
                } else {
                    ExprKind::Or(l, r)
                };
                Ok(Val {
                    e: Expr { kind, ty, span },
                    weak,
                    tracked,
                })
            }
            A::Compare { first, rest } => self.compare_chain(first, rest, span),
            A::IfExp { test, body, orelse } => {
                let cond = self.condition(test)?;
                let (then, otherwise) = match (self.value(body), self.value(orelse)) {
                    (Ok(then), Ok(otherwise)) => (then, otherwise),
                    // While inferring, a branch that waits on a recursive
                    // call's type does not hold up the other: the type
                    // comes from the known branch, as a recursive
                    // function's comes from its non-recursive `return`s
                    // (`return 0 if n == 0 else n + f(n - 1)`). Elaboration
                    // checks both branches with the types found.
                    (Ok(known), Err(Fail::Pending)) | (Err(Fail::Pending), Ok(known))
                        if self.mode == Mode::Infer =>
                    {
                        return Ok(known);
                    }
                    (Err(fail), _) | (_, Err(fail)) => return Err(fail),
                };
                let ty = match (then.e.ty, otherwise.e.ty) {
                    (Type::Scalar(a), Type::Scalar(b)) => {
                        let (t, weak) = Scalar::promote_weak(a, then.weak, b, otherwise.weak);
                        let tracked = if weak {
                            Vec::new()
                        } else {
                            Val::tracked_of(&[&then, &otherwise])
                        };
                        let ty = Type::Scalar(t);
                        let (then, otherwise) =
                            (self.coerce(then, ty)?, self.coerce(otherwise, ty)?);
                        return Ok(Val {
                            e: Expr {
                                kind: ExprKind::IfExp {
                                    cond: Box::new(cond),
                                    then: Box::new(then),
                                    otherwise: Box::new(otherwise),
                                },
                                ty,
                                span,
                            },
                            weak,
                            tracked,
                        });
                    }
                    (a, b) if a == b => a,
                    (a, b) => {
                        return Err(Fail::Error(
                            Diagnostic::new(
                                DiagnosticKind::TypeMismatch,
                                format!("the two values of this conditional expression are `{}` and `{}`", a.python_name(), b.python_name()),
                            )
                            .with_label(body.span, format!("`{}`", a.python_name()))
                            .with_secondary(orelse.span, format!("`{}`", b.python_name()))
                            .with_help("give both branches values of one type"),
                        ));
                    }
                };
                let kind = ExprKind::IfExp {
                    cond: Box::new(cond),
                    then: Box::new(then.e),
                    otherwise: Box::new(otherwise.e),
                };
                Ok(Val::strong(Expr { kind, ty, span }))
            }
            A::Call {
                func,
                args,
                keywords,
            } => self.call(func, args, keywords, span),
            A::Attribute { value, attr } => self.attribute(value, attr, span),
            A::Subscript { value, index } => {
                if let Some(len) = self.shape_index(value, index, span)? {
                    return Ok(len);
                }
                let (array, indices, chained) = self.element(value, index, span)?;
                Ok(Self::load(array, indices, chained, span))
            }
            A::NoneLiteral => error(
                DiagnosticKind::Unsupported,
                "pyjit supports `None` only as `return None`",
                span,
                "`None` value",
                "use a number as a marker (such as `-1`) and test for it",
            ),
            A::Str(_) => Err(Fail::Error(
                Diagnostic::new(
                    DiagnosticKind::Unsupported,
                    "pyjit supports strings only in `print(...)` and `assert` messages",
                )
                .with_label(span, "string")
                .with_help("use a bool or a number instead (such as `use_sum = True`), or pass the choice as an argument"),
            )),
            A::Ellipsis => error(
                DiagnosticKind::Unsupported,
                "pyjit does not support `...` as a value",
                span,
                "ellipsis",
                "remove it, or use `pass` for an empty block",
            ),
            A::Tuple(_) => Err(Fail::Error(
                Diagnostic::new(
                    DiagnosticKind::Unsupported,
                    "pyjit does not support tuples as values",
                )
                .with_label(span, "tuple")
                .with_help("return one value, or write the values into an array argument (`out[0] = lo`); tuples serve only to assign several names at once"),
            )),
            A::List(_) => Err(Fail::Error(
                Diagnostic::new(
                    DiagnosticKind::Unsupported,
                    "pyjit does not support list displays",
                )
                .with_label(span, "list")
                .with_help("allocate an array with `np.zeros(n)` or `[0.0] * n` and fill it"),
            )),
            // `b = *a` is not Python (a `*` in a call or display is
            // rejected where those are checked).
            A::Starred(_) => error(
                DiagnosticKind::Syntax,
                "cannot use starred expression here",
                span,
                "starred expression",
                "remove the `*`",
            ),
            A::NamedExpr { .. } => Err(Fail::Error(
                Diagnostic::new(
                    DiagnosticKind::Unsupported,
                    "pyjit does not support assignment expressions (`:=`)",
                )
                .with_label(span, "assignment expression")
                .with_help("assign on a line of its own before this one"),
            )),
            A::Slice { .. } => Err(Fail::Error(
                Diagnostic::new(DiagnosticKind::Unsupported, "pyjit does not support slices")
                    .with_label(span, "slice")
                    .with_help("write a loop over the indices"),
            )),
            A::Unsupported(ast::Construct::Await) => error(
                DiagnosticKind::Syntax,
                "`await` outside async function",
                Span::new(span.start, span.start + 5),
                "`await`",
                "remove `await`",
            ),
            A::Unsupported(construct) => Err(Fail::Error(
                Diagnostic::new(
                    DiagnosticKind::Unsupported,
                    format!("pyjit does not support {}", construct.describe()),
                )
                .with_label(span, "here")
                .with_help(construct.instead()),
            )),
        }
    }

    fn int_too_large<T>(&self, span: Span) -> CResult<T> {
        Err(Fail::Error(
            Diagnostic::new(
                DiagnosticKind::TypeMismatch,
                "integer literal is too large for pyjit's 64-bit `int`",
            )
            .with_label(span, "does not fit in 64 bits")
            .with_help("pyjit's `int` holds -2**63 to 2**63 - 1; use a float for larger values"),
        ))
    }

    // ------------------------------------------------------------- names

    fn name(&mut self, name: &str, span: Span) -> CResult<Val> {
        if let Some(id) = self.local(name) {
            return self.read_local(id, span);
        }
        let global = resolve_global(self.module, name);
        match &global {
            Global::Constant(item) => {
                let value = self.prog.constant(*item, name)?;
                let (ty, weak) = match value {
                    Const::Int(_) => (Type::INT, true),
                    Const::Float(_) => (Type::FLOAT, true),
                    Const::Bool(_) => (Type::BOOL, true),
                };
                Ok(Val {
                    e: Expr::constant(value, ty, span),
                    weak,
                    tracked: Vec::new(),
                })
            }
            Global::Imported { module, attr }
                if (module == "math" || module == "numpy") && math_constant(attr).is_some() =>
            {
                let value = math_constant(attr).expect("checked");
                Ok(Val {
                    e: Expr::constant(Const::Float(value), Type::FLOAT, span),
                    weak: true,
                    tracked: Vec::new(),
                })
            }
            Global::Function(_) => Err(Fail::Error(
                Diagnostic::new(
                    DiagnosticKind::Unsupported,
                    format!("`{name}` is a function; pyjit does not support functions as values"),
                )
                .with_label(span, "function used as a value")
                .with_help(format!("pyjit cannot pass functions around: call `{name}(...)` directly where it is needed")),
            )),
            Global::Module(m) => Err(Fail::Error(
                Diagnostic::new(
                    DiagnosticKind::Unsupported,
                    format!("`{name}` is the module `{}`, not a value", m.name()),
                )
                .with_label(span, "module")
                .with_help("use one of its functions or constants, such as `math.pi`"),
            )),
            Global::Imported { module, attr } => Err(Fail::Error(
                Diagnostic::new(
                    DiagnosticKind::Unsupported,
                    format!("`{name}` is `{module}.{attr}`, which pyjit cannot use as a value"),
                )
                .with_label(span, "imported name")
                .with_help("pass the value as an argument"),
            )),
            Global::Builtin => Err(Fail::Error(
                Diagnostic::new(
                    DiagnosticKind::Unsupported,
                    format!(
                        "`{name}` is a builtin function; pyjit does not support functions as values"
                    ),
                )
                .with_label(span, "builtin used as a value")
                .with_help(format!("call it: `{name}(...)`")),
            )),
            Global::Ambiguous(_) | Global::NotEvaluated(_) => Err(Fail::Error(not_a_constant(
                self.module,
                name,
                span,
                &global,
            ))),
            Global::Unknown => Err(Fail::Error(self.unknown_name(name, span))),
        }
    }

    pub(super) fn unknown_name(&self, name: &str, span: Span) -> Diagnostic {
        let mut candidates: Vec<&str> = self.local_names().collect();
        candidates.extend(self.module.names());
        candidates.extend([
            "abs", "min", "max", "int", "float", "bool", "round", "len", "range", "print", "pow",
        ]);
        let mut diagnostic = Diagnostic::new(
            DiagnosticKind::UnknownName,
            format!("name `{name}` is not defined"),
        )
        .with_label(span, "used here");
        if let Some(similar) = closest(name, candidates.iter().copied()) {
            diagnostic = diagnostic.with_help(format!("did you mean `{similar}`?"));
        } else if math_constant(name).is_some() || super::calls::math_function(name).is_some() {
            diagnostic = diagnostic.with_help(format!(
                "import it: `from math import {name}`, or write `math.{name}`"
            ));
        } else {
            diagnostic = diagnostic.with_help(
                "define it as a parameter, a local variable, a module constant or a function",
            );
        }
        if self.module.has_star_import() {
            diagnostic = diagnostic.with_note("pyjit does not follow `from module import *`");
        }
        diagnostic
    }

    // ------------------------------------------------------------- operators

    fn unary(&mut self, op: UnaryOp, operand: &'m ast::Expr, span: Span) -> CResult<Val> {
        // `-9223372036854775808` is a valid int64 although its digits alone
        // are not.
        if op == UnaryOp::Neg
            && let A::Int(Some(v)) = operand.kind
            && v == 1u64 << 63
        {
            return Ok(Val {
                e: Expr::constant(Const::Int(i64::MIN), Type::INT, span),
                weak: true,
                tracked: Vec::new(),
            });
        }
        let v = self.value(operand)?;
        if op == UnaryOp::Not {
            let operand = self.truth(v, operand.span)?;
            return Ok(Val::python(Expr {
                kind: ExprKind::Unary {
                    op,
                    operand: Box::new(operand),
                },
                ty: Type::BOOL,
                span,
            }));
        }
        let Some(s) = v.e.ty.scalar() else {
            return error(
                DiagnosticKind::TypeMismatch,
                format!(
                    "bad operand type for unary `{}`: `{}`",
                    op.symbol(),
                    v.e.ty.python_name()
                ),
                span,
                "not a number",
                "unary operators apply to numbers; for an array, loop over its elements",
            );
        };
        if op == UnaryOp::Invert && s.is_float() {
            return error(
                DiagnosticKind::TypeMismatch,
                format!("bad operand type for unary `~`: `{}`", s.python_name()),
                span,
                "`~` needs an integer",
                "`~` needs an integer; convert with `int(x)` first",
            );
        }
        let t = if s == Scalar::Bool { Scalar::Int64 } else { s };
        let (weak, tracked) = (v.weak, v.tracked.clone());
        let operand = self.coerce(v, Type::Scalar(t))?;
        if op == UnaryOp::Pos {
            return Ok(Val {
                e: Expr { span, ..operand },
                weak,
                tracked: tracked.clone(),
            });
        }
        if let ExprKind::Const(c) = operand.kind {
            // Integers wrap at their type's width (deviation 1, and NumPy's
            // rule for `int32`).
            let wrap = |i: i64| {
                if t == Scalar::Int32 {
                    i64::from(i as i32)
                } else {
                    i
                }
            };
            let folded = match (op, c) {
                (UnaryOp::Neg, Const::Int(i)) => Const::Int(wrap(i.wrapping_neg())),
                (UnaryOp::Neg, Const::Float(f)) => Const::Float(-f),
                (UnaryOp::Invert, Const::Int(i)) => Const::Int(wrap(!i)),
                _ => unreachable!("bools were converted, `not` handled above"),
            };
            return Ok(Val {
                e: Expr::constant(folded, Type::Scalar(t), span),
                weak,
                tracked: tracked.clone(),
            });
        }
        Ok(Val {
            e: Expr {
                kind: ExprKind::Unary {
                    op,
                    operand: Box::new(operand),
                },
                ty: Type::Scalar(t),
                span,
            },
            weak,
            tracked,
        })
    }

    /// `lhs op rhs` for the arithmetic and bitwise operators; `rhs_ast` is
    /// read by the sign analysis of `**`.
    pub(super) fn binary(
        &mut self,
        op: B,
        op_span: Span,
        l: Val,
        r: Val,
        span: Span,
        rhs_ast: &ast::Expr,
    ) -> CResult<Val> {
        let Some(top) = typed_op(op) else {
            // On numbers `@` is a `TypeError` in Python; on arrays it is
            // NumPy's matrix product, which pyjit does not compile.
            if l.e.ty.scalar().is_some() && r.e.ty.scalar().is_some() {
                return error(
                    DiagnosticKind::TypeMismatch,
                    format!(
                        "unsupported operand types for `@`: `{}` and `{}`",
                        l.e.ty.python_name(),
                        r.e.ty.python_name()
                    ),
                    op_span,
                    "`@` is matrix multiplication",
                    "to multiply numbers, use `*`",
                );
            }
            return error(
                DiagnosticKind::Unsupported,
                "pyjit does not support the `@` operator",
                op_span,
                "matrix multiplication",
                "write the loops of the product",
            );
        };
        let (Some(a), Some(b)) = (l.e.ty.scalar(), r.e.ty.scalar()) else {
            let mut diagnostic = Diagnostic::new(
                DiagnosticKind::TypeMismatch,
                format!(
                    "unsupported operand types for `{}`: `{}` and `{}`",
                    op.symbol(),
                    l.e.ty.python_name(),
                    r.e.ty.python_name()
                ),
            )
            .with_label(op_span, "operator")
            .with_secondary(l.e.span, format!("`{}`", l.e.ty.python_name()))
            .with_secondary(r.e.span, format!("`{}`", r.e.ty.python_name()));
            diagnostic = diagnostic.with_help(
                if l.e.ty.as_array().is_some() || r.e.ty.as_array().is_some() {
                    "pyjit has no whole-array arithmetic: write a loop over the elements"
                } else {
                    "operators apply to numbers"
                },
            );
            return Err(Fail::Error(diagnostic));
        };
        let (mut t, weak) = Scalar::promote_weak(a, l.weak, b, r.weak);
        // A NumPy scalar on either side makes the result one (NEP 50), and
        // the operation NumPy's. A value that may be a Python number keeps
        // Python's rules ([`Val::either`]), unless its type is one only
        // NumPy has.
        let numpy_type = matches!(t, Scalar::Int32 | Scalar::Float32);
        let tracked = Val::tracked_of(&[&l, &r]);
        let mut arith = if l.is_numpy() || r.is_numpy() || numpy_type {
            Arith::NumPy
        } else if weak {
            Arith::Python
        } else {
            Arith::Tracked(tracked.clone())
        };
        // Two bools, or an integer power, may not differ in type between the
        // two rules: a tracked value keeps Python's (deviation 2).
        let integral = t.is_integral();
        if matches!(arith, Arith::Tracked(_))
            && ((a == Scalar::Bool && b == Scalar::Bool) || (top == BinOp::Pow && integral))
        {
            arith = Arith::Python;
        }
        let mut top = top;
        if a == Scalar::Bool && b == Scalar::Bool && arith == Arith::NumPy {
            top = self.numpy_bool_op(top, op, op_span, &l, &r)?;
        }
        let (operand, result) = match top {
            BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::FloorDiv | BinOp::Mod => {
                if t == Scalar::Bool {
                    t = Scalar::Int64;
                }
                (t, t)
            }
            BinOp::Div => {
                if t.is_integral() {
                    (Scalar::Int64, Scalar::Float64)
                } else {
                    (t, t)
                }
            }
            BinOp::Pow => {
                if t == Scalar::Bool {
                    t = Scalar::Int64;
                }
                // NumPy's integer power is an integer whatever the exponent
                // (a negative one raises); Python's depends on its sign.
                if t == Scalar::Int64 && arith == Arith::Python {
                    match self.exponent_sign(&r, rhs_ast) {
                        Some(true) => (t, t),
                        Some(false) => (Scalar::Float64, Scalar::Float64),
                        None => {
                            return Err(Fail::Error(
                                Diagnostic::new(
                                    DiagnosticKind::TypeMismatch,
                                    "the type of this `**` depends on the sign of the exponent",
                                )
                                .with_label(r.e.span, "an `int` exponent whose sign pyjit cannot tell")
                                .with_note("Python gives an `int` when the exponent is >= 0 and a `float` when it is negative; pyjit needs one type")
                                .with_help(format!(
                                    "write `float({}) ** {}` for a float result, or use an exponent that is visibly non-negative (a literal, `len(...)`, a `range` variable)",
                                    self.source_text(l.e.span),
                                    self.source_text(r.e.span)
                                )),
                            ));
                        }
                    }
                } else {
                    (t, t)
                }
            }
            BinOp::LShift | BinOp::RShift | BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor => {
                if !(a.is_integral() && b.is_integral()) {
                    return Err(Fail::Error(
                        Diagnostic::new(
                            DiagnosticKind::TypeMismatch,
                            format!(
                                "unsupported operand types for `{}`: `{}` and `{}`",
                                op.symbol(),
                                a.python_name(),
                                b.python_name()
                            ),
                        )
                        .with_label(op_span, "needs integers")
                        .with_secondary(if a.is_float() { l.e.span } else { r.e.span }, "a float")
                        .with_help("convert the float with `int(...)` first"),
                    ));
                }
                let both_bool = a == Scalar::Bool && b == Scalar::Bool;
                if t == Scalar::Bool
                    && !(both_bool && matches!(top, BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor))
                {
                    t = Scalar::Int64;
                }
                (t, t)
            }
        };
        let result_tracked = if weak || arith == Arith::NumPy {
            Vec::new()
        } else {
            tracked
        };
        let lhs = self.coerce(l, Type::Scalar(operand))?;
        let rhs = self.coerce(r, Type::Scalar(operand))?;
        Ok(Val {
            e: Expr {
                kind: ExprKind::Binary {
                    op: top,
                    arith,
                    lhs: Box::new(lhs),
                    rhs: Box::new(rhs),
                },
                ty: Type::Scalar(result),
                span,
            },
            weak,
            tracked: result_tracked,
        })
    }

    /// The operator NumPy applies to two bools when one is a NumPy bool:
    /// `+` is logical or and `*` logical and (a bool result, where Python
    /// gives an int); the others are errors or give `int8`, which pyjit
    /// does not have.
    fn numpy_bool_op(&self, top: BinOp, op: B, op_span: Span, l: &Val, r: &Val) -> CResult<BinOp> {
        let (lhs, rhs) = (self.source_text(l.e.span), self.source_text(r.e.span));
        let (message, help) = match top {
            BinOp::Add => return Ok(BinOp::BitOr),
            BinOp::Mul => return Ok(BinOp::BitAnd),
            BinOp::Div | BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor => return Ok(top),
            BinOp::Sub => (
                "NumPy does not subtract bools".to_owned(),
                format!(
                    "for the difference of the values write `int({lhs}) - int({rhs})`; for exclusive or, `{lhs} ^ {rhs}`"
                ),
            ),
            _ => (
                format!(
                    "`{}` of two NumPy bools gives an `int8`, which pyjit does not have",
                    op.symbol()
                ),
                format!(
                    "convert to `int` first: `int({lhs}) {} int({rhs})`",
                    op.symbol()
                ),
            ),
        };
        Err(Fail::Error(
            Diagnostic::new(DiagnosticKind::TypeMismatch, message)
                .with_label(op_span, "operator")
                .with_secondary(l.e.span, "a NumPy bool or a bool")
                .with_secondary(r.e.span, "a NumPy bool or a bool")
                .with_note("a bool array's elements are NumPy bools: `np.True_ + np.True_` is `True` (logical or) where Python's `True + True` is 2")
                .with_help(help),
        ))
    }

    /// `Some(true)` when an `int` exponent is known non-negative,
    /// `Some(false)` when known negative, `None` when it depends on values.
    fn exponent_sign(&mut self, r: &Val, rhs_ast: &ast::Expr) -> Option<bool> {
        if let ExprKind::Const(Const::Int(i)) = r.e.kind {
            return Some(i >= 0);
        }
        if let ExprKind::Const(Const::Bool(_)) = r.e.kind {
            return Some(true);
        }
        self.nonneg(rhs_ast).then_some(true)
    }

    /// Whether an integer expression is visibly never negative: literals,
    /// lengths, `abs`, `range` variables, and sums, products and quotients
    /// of such (overflow aside, which wraps: deviation 1).
    pub(super) fn nonneg(&mut self, e: &ast::Expr) -> bool {
        crate::stack::ensure_sufficient_stack(|| self.nonneg_unguarded(e))
    }

    fn nonneg_unguarded(&mut self, e: &ast::Expr) -> bool {
        match &e.kind {
            A::Int(_) | A::Bool(_) => true,
            A::Name(name) => match self.local(name) {
                Some(id) => self.local_nonneg(id),
                None => match resolve_global(self.module, name) {
                    Global::Constant(item) => {
                        matches!(self.prog.constants.get(&item), Some(Ok(Const::Int(i)))  if *i >= 0)
                            || matches!(self.prog.constants.get(&item), Some(Ok(Const::Bool(_))))
                    }
                    _ => false,
                },
            },
            A::Binary { op, lhs, rhs, .. } => match op {
                B::Add | B::Mul | B::FloorDiv | B::Pow => self.nonneg(lhs) && self.nonneg(rhs),
                B::Mod => self.nonneg(rhs),
                B::RShift => self.nonneg(lhs),
                B::BitAnd => self.nonneg(lhs) || self.nonneg(rhs),
                _ => false,
            },
            A::IfExp { body, orelse, .. } => self.nonneg(body) && self.nonneg(orelse),
            A::Call { func, args, .. } => match &func.kind {
                A::Name(name) if self.local(name).is_none() => match name.as_str() {
                    "len" | "abs" => true,
                    "min" => !args.is_empty() && args.iter().all(|a| self.nonneg(a)),
                    "max" => args.iter().any(|a| self.nonneg(a)),
                    _ => false,
                },
                _ => false,
            },
            A::Attribute { attr, .. } => attr.name == "size" || attr.name == "ndim",
            A::Subscript { value, .. } => {
                matches!(&value.kind, A::Attribute { attr, .. } if attr.name == "shape")
            }
            _ => false,
        }
    }

    fn compare_chain(
        &mut self,
        first: &'m ast::Expr,
        rest: &'m [(CmpOp, Span, ast::Expr)],
        span: Span,
    ) -> CResult<Val> {
        let mut left = self.value(first)?;
        // Comparing Python numbers gives a Python bool; a NumPy scalar
        // anywhere in the chain, a NumPy bool.
        let mut all_python = left.weak;
        let mut any_numpy = left.is_numpy();
        let mut tracked = left.tracked.clone();
        let mut result: Option<Expr> = None;
        for (i, (op, op_span, rhs)) in rest.iter().enumerate() {
            match op {
                CmpOp::Is | CmpOp::IsNot => {
                    let none = matches!(rhs.kind, A::NoneLiteral);
                    return Err(Fail::Error(
                        Diagnostic::new(
                            DiagnosticKind::Unsupported,
                            format!("pyjit does not support `{}`", op.symbol()),
                        )
                        .with_label(*op_span, "identity comparison")
                        .with_help(if none {
                            format!(
                                "remove the test: `{}` is {} and is never `None`",
                                self.source_text(first.span),
                                crate::diagnostic::a_type(left.e.ty)
                            )
                        } else {
                            "compare numbers with `==` or `!=`".to_owned()
                        }),
                    ));
                }
                CmpOp::In | CmpOp::NotIn => {
                    return Err(Fail::Error(
                        Diagnostic::new(
                            DiagnosticKind::Unsupported,
                            format!("pyjit does not support `{}`", op.symbol()),
                        )
                        .with_label(*op_span, "membership test")
                        .with_help(match &rhs.kind {
                            A::Tuple(items) | A::List(items)
                                if !items.is_empty() && items.len() <= 8 && i == 0 =>
                            {
                                let lhs = self.source_text(first.span);
                                let (cmp, join) = if *op == CmpOp::In {
                                    ("==", " or ")
                                } else {
                                    ("!=", " and ")
                                };
                                let tests: Vec<String> = items
                                    .iter()
                                    .map(|v| format!("{lhs} {cmp} {}", self.source_text(v.span)))
                                    .collect();
                                format!("compare with each value: `{}`", tests.join(join))
                            }
                            _ => "write a loop that compares with each element".to_owned(),
                        }),
                    ));
                }
                _ => {}
            }
            let right = self.value(rhs)?;
            all_python &= right.weak;
            any_numpy |= right.is_numpy();
            for &id in &right.tracked {
                if !tracked.contains(&id) {
                    tracked.push(id);
                }
            }
            let last = i + 1 == rest.len();
            // In a chain, the middle operand is evaluated once: keep it in a
            // temporary unless it is a constant or a plain local.
            let (right_now, right_next) = if last
                || matches!(
                    right.e.kind,
                    ExprKind::Const(_) | ExprKind::Local { checked: false, .. }
                ) {
                (right.clone(), right)
            } else {
                let temp = self.temp(right.e.ty, right.e.span);
                let read = Expr {
                    kind: ExprKind::Local {
                        id: temp,
                        checked: false,
                    },
                    ty: right.e.ty,
                    span: right.e.span,
                };
                let set = Expr {
                    kind: ExprKind::SetTemp {
                        local: temp,
                        value: Box::new(right.e.clone()),
                    },
                    ty: right.e.ty,
                    span: right.e.span,
                };
                (
                    Val {
                        e: set,
                        weak: right.weak,
                        tracked: right.tracked.clone(),
                    },
                    Val {
                        e: read,
                        weak: right.weak,
                        tracked: right.tracked.clone(),
                    },
                )
            };
            let cmp = self.compare(*op, *op_span, left, right_now)?;
            result = Some(match result {
                None => cmp,
                Some(prev) => Expr {
                    kind: ExprKind::And(Box::new(prev), Box::new(cmp)),
                    ty: Type::BOOL,
                    span,
                },
            });
            left = right_next;
        }
        let mut e = result.expect("the grammar gives at least one comparison");
        e.span = span;
        Ok(Val {
            e,
            weak: all_python,
            tracked: if all_python || any_numpy {
                Vec::new()
            } else {
                tracked
            },
        })
    }

    fn compare(&mut self, op: CmpOp, op_span: Span, l: Val, r: Val) -> CResult<Expr> {
        let span = l.e.span.cover(r.e.span);
        let (Some(a), Some(b)) = (l.e.ty.scalar(), r.e.ty.scalar()) else {
            return Err(Fail::Error(
                Diagnostic::new(
                    DiagnosticKind::TypeMismatch,
                    format!(
                        "`{}` is not supported between `{}` and `{}`",
                        op.symbol(),
                        l.e.ty.python_name(),
                        r.e.ty.python_name()
                    ),
                )
                .with_label(op_span, "comparison")
                .with_secondary(l.e.span, format!("`{}`", l.e.ty.python_name()))
                .with_secondary(r.e.span, format!("`{}`", r.e.ty.python_name()))
                .with_help("compare numbers; compare arrays element by element in a loop"),
            ));
        };
        let compare = |lhs: Expr, rhs: Expr| Expr {
            kind: ExprKind::Compare {
                op,
                lhs: Box::new(lhs),
                rhs: Box::new(rhs),
            },
            ty: Type::BOOL,
            span,
        };
        // Comparisons follow CPython with NumPy 2: two Python scalars compare
        // exactly (an `int` against a `float` too); a Python `int` against a
        // NumPy integer compares exactly (NumPy 2 special-cases it, no
        // overflow); anything else converts both sides to their NEP 50
        // common type, as NumPy does (`np.float64(2.0**53) < 2**53 + 1` is
        // false there).
        let python_int = |s: Scalar, weak: bool| weak && s == Scalar::Int64;
        if (python_int(a, l.weak) && b.is_integral()) || (python_int(b, r.weak) && a.is_integral())
        {
            return Ok(compare(
                self.coerce(l, Type::INT)?,
                self.coerce(r, Type::INT)?,
            ));
        }
        let int64_vs_float = |x: Scalar, y: Scalar| x == Scalar::Int64 && y.is_float();
        let (t, _) = Scalar::promote_weak(a, l.weak, b, r.weak);
        let both_python = l.weak && r.weak;
        if both_python && t == Scalar::Float64 && (int64_vs_float(a, b) || int64_vs_float(b, a)) {
            let exact = |v: &Val| match v.e.kind {
                ExprKind::Const(Const::Int(i)) => (i as f64) as i64 == i && i != i64::MAX,
                _ => v.e.ty != Type::INT,
            };
            if !(exact(&l) && exact(&r)) {
                let (l, r) = (
                    self.coerce_non_int(l, Scalar::Float64)?,
                    self.coerce_non_int(r, Scalar::Float64)?,
                );
                return Ok(compare(l, r));
            }
        }
        let ty = Type::Scalar(t);
        Ok(compare(self.coerce(l, ty)?, self.coerce(r, ty)?))
    }

    /// Convert a float operand of a mixed comparison to `float64`, leaving an
    /// `int64` operand as it is.
    fn coerce_non_int(&self, v: Val, float: Scalar) -> CResult<Expr> {
        if v.e.ty == Type::INT {
            Ok(v.e)
        } else {
            self.coerce(v, Type::Scalar(float))
        }
    }

    /// `[x] * n` or `n * [x]`: a new 1-D array of `n` copies of `x`.
    fn list_repeat(
        &mut self,
        op: B,
        lhs: &'m ast::Expr,
        rhs: &'m ast::Expr,
        span: Span,
    ) -> CResult<Option<Val>> {
        if op != B::Mul {
            return Ok(None);
        }
        let (item, count) = match (&lhs.kind, &rhs.kind) {
            (A::List(items), _) => (items, rhs),
            (_, A::List(items)) => (items, lhs),
            _ => return Ok(None),
        };
        let [element] = item.as_slice() else {
            return Err(Fail::Error(
                Diagnostic::new(
                    DiagnosticKind::Unsupported,
                    "pyjit supports list repetition of one element, `[x] * n`",
                )
                .with_label(span, "repetition of a list of several elements")
                .with_help(
                    "allocate with `[0.0] * n` or `np.zeros(n)` and fill the elements in a loop",
                ),
            ));
        };
        let is_list = |e: &ast::Expr| matches!(e.kind, A::List(_));
        let nested = is_list(element)
            || matches!(&element.kind, A::Binary { op: B::Mul, lhs, rhs, .. } if is_list(lhs) || is_list(rhs));
        if nested {
            return Err(Fail::Error(
                Diagnostic::new(
                    DiagnosticKind::Unsupported,
                    "pyjit does not support nested lists",
                )
                .with_label(span, "list of lists")
                .with_help("allocate a 2-D array with `np.zeros((n, m))`"),
            ));
        }
        let value = self.value(element)?;
        self.scalar_of(&value, "a list element", element.span)?;
        if !value.weak {
            return Err(Fail::Error(self.numpy_scalar_in_list(&value, span)));
        }
        let elem = value.e.ty.scalar().expect("checked above");
        let n = self.value(count)?;
        let n = self.index_value(n, count.span, "the length of a list")?;
        let fill = match value.e.kind {
            ExprKind::Const(c) if matches!(convert_const(c, Scalar::Float64), Const::Float(f) if f == 0.0 && f.is_sign_positive()) => {
                typed::Fill::Zeros
            }
            _ => typed::Fill::Value(Box::new(value.e)),
        };
        Ok(Some(Val::strong(Expr {
            kind: ExprKind::Alloc {
                elem,
                dims: vec![n],
                fill,
                allocator: typed::Allocator::List,
            },
            ty: Type::list(elem),
            span,
        })))
    }

    /// The error for a NumPy scalar (or a value that may be one) put into
    /// a list. CPython would keep it a NumPy scalar there, with NumPy's
    /// arithmetic, while pyjit's lists hold Python numbers, one type per
    /// list: the user says which they mean.
    pub(super) fn numpy_scalar_in_list(&self, v: &Val, span: Span) -> Diagnostic {
        let scalar = v.e.ty.scalar().expect("a number");
        let text = self.source_text(v.e.span);
        let (what, convert) = match scalar.kind() {
            Kind::Bool => ("bool", format!("bool({text})")),
            Kind::Int => ("int", format!("int({text})")),
            Kind::Float => ("float", format!("float({text})")),
        };
        let numpy_name = match scalar {
            Scalar::Bool => "bool_",
            Scalar::Int32 => "int32",
            Scalar::Int64 => "int64",
            Scalar::Float32 => "float32",
            Scalar::Float64 => "float64",
        };
        let found = if v.tracked.is_empty() {
            format!("a NumPy `{numpy_name}`")
        } else {
            format!("a NumPy `{numpy_name}` on some paths")
        };
        Diagnostic::new(
            DiagnosticKind::TypeMismatch,
            format!("pyjit lists hold Python numbers, and this is {found}"),
        )
        .with_label(v.e.span, found)
        .with_secondary(span, "put into a list here")
        .with_note("in CPython the list would keep the NumPy scalar, whose arithmetic differs from a Python number's (dividing it by zero gives inf, not ZeroDivisionError)")
        .with_help(format!(
            "convert it with `{convert}`, or use a NumPy array (`np.zeros(n)`, `np.empty(n, dtype=...)`) to hold NumPy {what}s"
        ))
    }

    /// `array[indices]`: a NumPy scalar from an array, a Python number
    /// from a list.
    pub(super) fn load(array: Expr, indices: Vec<Expr>, chained: bool, span: Span) -> Val {
        let ty = array.ty.as_array().expect("element() checks");
        let e = Expr {
            kind: ExprKind::Load {
                array: Box::new(array),
                indices,
                chained,
            },
            ty: Type::Scalar(ty.elem),
            span,
        };
        Self::list_element(ty, e)
    }

    /// A value read from `array` (an element, a loop variable over it, its
    /// `min` or `max`): a Python number if it is a list, whose elements
    /// are all Python numbers of the list's type, else a NumPy scalar.
    pub(super) fn list_element(array: ArrayType, e: Expr) -> Val {
        if array.list {
            Val::python(e)
        } else {
            Val::strong(e)
        }
    }

    // ------------------------------------------------------------- arrays

    /// An integer used as an index or an extent, as `int64`.
    pub(super) fn index_value(&self, v: Val, span: Span, what: &str) -> CResult<Expr> {
        match v.e.ty {
            Type::Scalar(Scalar::Int32 | Scalar::Int64) => self.coerce(v, Type::INT),
            Type::Scalar(Scalar::Bool) if what.contains("index") => Err(Fail::Error(
                Diagnostic::new(
                    DiagnosticKind::TypeMismatch,
                    "array indices must be integers, not `bool`",
                )
                .with_label(span, "`bool`")
                .with_help(format!(
                    "NumPy would treat a bool as a mask; to index with 0 or 1, write `int({})`",
                    self.source_text(span)
                )),
            )),
            Type::Scalar(Scalar::Bool) => self.coerce(v, Type::INT),
            other => Err(Fail::Error(
                Diagnostic::new(
                    DiagnosticKind::TypeMismatch,
                    format!("{what} must be an integer, not `{}`", other.python_name()),
                )
                .with_label(span, format!("`{}`", other.python_name()))
                .with_help(if other.scalar().is_some_and(Scalar::is_float) {
                    "convert with `int(...)`, or compute an integer with `//` instead of `/`"
                } else {
                    "use an integer"
                }),
            )),
        }
    }

    /// The array and `int64` indices of `value[index]`, also for `a[i][j]` on
    /// a 2-D array, and whether the indices were chained (`a[i][j]`).
    pub(super) fn element(
        &mut self,
        value: &'m ast::Expr,
        index: &'m ast::Expr,
        span: Span,
    ) -> CResult<(Expr, Vec<Expr>, bool)> {
        // `a[i][j]` on a 2-D array is `a[i, j]`, checked row first.
        let (array_ast, index_asts): (&ast::Expr, Vec<&ast::Expr>) = match &value.kind {
            A::Subscript {
                value: inner,
                index: first,
            } if !matches!(first.kind, A::Tuple(_) | A::Slice { .. }) => {
                let inner_ty = self.peek_array(inner);
                if inner_ty.is_some_and(|a| a.ndim == 2) {
                    (&**inner, vec![&**first, index])
                } else {
                    (value, vec![index])
                }
            }
            _ => (
                value,
                match &index.kind {
                    A::Tuple(items) => items.iter().collect(),
                    _ => vec![index],
                },
            ),
        };
        let array = self.value(array_ast)?;
        let Some(array_ty) = array.e.ty.as_array() else {
            return error(
                DiagnosticKind::TypeMismatch,
                format!("`{}` is not subscriptable", array.e.ty.python_name()),
                array_ast.span,
                "not an array",
                "only arrays can be indexed",
            );
        };
        if let Some(slice) = index_asts
            .iter()
            .find(|i| matches!(i.kind, A::Slice { .. }))
        {
            return Err(Fail::Error(
                Diagnostic::new(DiagnosticKind::Unsupported, "pyjit does not support slices")
                    .with_label(slice.span, "slice")
                    .with_help("write a loop over the indices"),
            ));
        }
        if index_asts.len() != usize::from(array_ty.ndim) {
            let message = if index_asts.len() > usize::from(array_ty.ndim) {
                format!(
                    "too many indices for array: array is {}-dimensional, but {} were indexed",
                    array_ty.ndim,
                    index_asts.len()
                )
            } else {
                "pyjit does not support row views of a 2-D array".to_owned()
            };
            let help = if index_asts.len() > usize::from(array_ty.ndim) {
                "index with one integer per dimension".to_owned()
            } else {
                let array = self.source_text(array_ast.span);
                let first = self.source_text(index_asts[0].span);
                format!("index the element directly: `{array}[{first}, j]`")
            };
            return Err(Fail::Error(
                Diagnostic::new(DiagnosticKind::TypeMismatch, message)
                    .with_label(span, "indexed here")
                    .with_help(help),
            ));
        }
        let chained = !std::ptr::eq(array_ast, value);
        let mut indices = Vec::with_capacity(index_asts.len());
        for index in index_asts {
            let v = self.value(index)?;
            indices.push(self.index_value(v, index.span, "an array index")?);
        }
        Ok((array.e, indices, chained))
    }

    /// The array type of an expression if it is obviously an array (a local
    /// or parameter), without checking it.
    fn peek_array(&self, e: &ast::Expr) -> Option<crate::types::ArrayType> {
        match &e.kind {
            A::Name(name) => self
                .local(name)
                .and_then(|id| self.local_type(id))
                .and_then(Type::as_array),
            _ => None,
        }
    }

    /// `a.shape[k]`.
    fn shape_index(
        &mut self,
        value: &'m ast::Expr,
        index: &'m ast::Expr,
        span: Span,
    ) -> CResult<Option<Val>> {
        let A::Attribute {
            value: array_ast,
            attr,
        } = &value.kind
        else {
            return Ok(None);
        };
        if attr.name != "shape" {
            return Ok(None);
        }
        let array = self.value(array_ast)?;
        let Some(array_ty) = array.e.ty.as_array().filter(|a| !a.list) else {
            return Err(Fail::Error(self.no_attribute(&array, attr)));
        };
        let dim = match &index.kind {
            A::Int(Some(k)) => i64::try_from(*k).ok(),
            A::Unary {
                op: UnaryOp::Neg,
                operand,
            } => match operand.kind {
                A::Int(Some(k)) => i64::try_from(k).ok().map(|k| -k),
                _ => None,
            },
            _ => None,
        };
        let Some(dim) = dim else {
            return Err(Fail::Error(
                Diagnostic::new(
                    DiagnosticKind::Unsupported,
                    "pyjit needs a constant index into `shape`",
                )
                .with_label(index.span, "not an integer literal")
                .with_help("write `a.shape[0]` or `a.shape[1]`"),
            ));
        };
        let ndim = i64::from(array_ty.ndim);
        let resolved = if dim < 0 { dim + ndim } else { dim };
        if !(0..ndim).contains(&resolved) {
            return Err(Fail::Error(
                Diagnostic::new(DiagnosticKind::TypeMismatch, "tuple index out of range")
                    .with_label(
                        index.span,
                        format!(
                            "the array has {ndim} dimension{}",
                            if ndim == 1 { "" } else { "s" }
                        ),
                    )
                    .with_help(format!(
                        "index `shape` with 0{}",
                        if ndim == 2 { " or 1" } else { "" }
                    )),
            ));
        }
        Ok(Some(Val::python(Expr {
            kind: ExprKind::Len {
                array: Box::new(array.e),
                dim: resolved as u8,
            },
            ty: Type::INT,
            span,
        })))
    }

    fn attribute(
        &mut self,
        value: &'m ast::Expr,
        attr: &'m ast::Ident,
        span: Span,
    ) -> CResult<Val> {
        if let A::Name(name) = &value.kind
            && self.local(name).is_none()
        {
            match resolve_global(self.module, name) {
                Global::Module(ModuleRef::Math | ModuleRef::Numpy) => {
                    if let Some(v) = math_constant(&attr.name) {
                        return Ok(Val {
                            e: Expr::constant(Const::Float(v), Type::FLOAT, span),
                            weak: true,
                            tracked: Vec::new(),
                        });
                    }
                    return Err(Fail::Error(
                        Diagnostic::new(DiagnosticKind::Unsupported, format!("pyjit does not support `{name}.{}` as a value", attr.name))
                            .with_label(span, "module attribute")
                            .with_help("the supported constants are `pi`, `e`, `tau`, `inf` and `nan`; call functions with `(...)`"),
                    ));
                }
                Global::Module(other) => {
                    return Err(Fail::Error(
                        Diagnostic::new(
                            DiagnosticKind::Unsupported,
                            format!("pyjit does not support the module `{}`", other.name()),
                        )
                        .with_label(value.span, "imported module")
                        .with_help("compiled code can use `math` and `numpy`"),
                    ));
                }
                _ => {}
            }
        }
        let v = self.value(value)?;
        if v.e.ty.is_list() {
            return Err(Fail::Error(self.no_attribute(&v, attr)));
        }
        let Some(array_ty) = v.e.ty.as_array() else {
            return error(
                DiagnosticKind::Unsupported,
                format!(
                    "pyjit does not support attributes of `{}`",
                    v.e.ty.python_name()
                ),
                attr.span,
                "attribute",
                "numbers have no attributes in pyjit; use the `math` functions and operators",
            );
        };
        match attr.name.as_str() {
            "size" => Ok(Val::python(Expr {
                kind: ExprKind::Size(Box::new(v.e)),
                ty: Type::INT,
                span,
            })),
            "ndim" => Ok(Val {
                e: Expr::constant(Const::Int(i64::from(array_ty.ndim)), Type::INT, span),
                weak: true,
                tracked: Vec::new(),
            }),
            "shape" => Err(Fail::Error(
                Diagnostic::new(
                    DiagnosticKind::Unsupported,
                    "pyjit does not support the `shape` tuple as a value",
                )
                .with_label(span, "tuple")
                .with_help("index it: `a.shape[0]`"),
            )),
            other => Err(Fail::Error(
                Diagnostic::new(
                    DiagnosticKind::Unsupported,
                    format!("pyjit does not support the array attribute `{other}`"),
                )
                .with_label(attr.span, "attribute")
                .with_help("arrays support `len(a)`, `a.shape[k]`, `a.size` and `a.ndim`"),
            )),
        }
    }

    /// `shape`, `size` or `ndim` of a list or a number: CPython's
    /// `AttributeError`, as a compile-time error.
    fn no_attribute(&self, v: &Val, attr: &ast::Ident) -> Diagnostic {
        let what = if v.e.ty.is_list() {
            "a list".to_owned()
        } else {
            format!("`{}`", v.e.ty.python_name())
        };
        let mut d = Diagnostic::new(
            DiagnosticKind::TypeMismatch,
            format!("{what} has no attribute `{}`", attr.name),
        );
        d = if v.e.ty.is_list() {
            d.with_label(attr.span, "attribute")
                .with_secondary(v.e.span, "a list (made by `[x] * n`)")
                .with_help(format!(
                    "use `len({0})`, or make `{0}` a NumPy array (`np.zeros(n)`) to have `shape` and `size`",
                    self.source_text(v.e.span)
                ))
        } else {
            d.with_label(attr.span, "not an array")
                .with_help("`shape` belongs to arrays")
        };
        d
    }

    // ------------------------------------------------------------- for loops

    /// What a `for` loop iterates over: `range(...)` or a 1-D array.
    pub(super) fn for_iterable(&mut self, iter: &'m ast::Expr) -> CResult<Iterable> {
        if let A::Call {
            func,
            args,
            keywords,
        } = &iter.kind
            && let A::Name(name) = &func.kind
            && self.local(name).is_none()
            && matches!(resolve_global(self.module, name), Global::Builtin)
        {
            match name.as_str() {
                "range" => {
                    if let Some(keyword) = keywords.first() {
                        return error(
                            DiagnosticKind::Unsupported,
                            "`range` takes no keyword arguments",
                            keyword.span,
                            "keyword argument",
                            "pass the bounds by position: `range(start, stop, step)`",
                        );
                    }
                    if args.is_empty() || args.len() > 3 {
                        return error(
                            DiagnosticKind::ArgumentCount,
                            if args.is_empty() {
                                "`range` expected at least 1 argument, got 0".to_owned()
                            } else {
                                format!("`range` expected at most 3 arguments, got {}", args.len())
                            },
                            iter.span,
                            "range call",
                            "write `range(stop)`, `range(start, stop)` or `range(start, stop, step)`",
                        );
                    }
                    let mut bounds = Vec::with_capacity(3);
                    for arg in args {
                        let v = self.value(arg)?;
                        bounds.push(self.index_value(v, arg.span, "an argument of `range`")?);
                    }
                    let constant =
                        |v: i64, span: Span| Expr::constant(Const::Int(v), Type::INT, span);
                    let (start, stop, step) = match bounds.len() {
                        1 => (
                            constant(0, iter.span),
                            bounds.remove(0),
                            constant(1, iter.span),
                        ),
                        2 => {
                            let stop = bounds.remove(1);
                            (bounds.remove(0), stop, constant(1, iter.span))
                        }
                        _ => {
                            let step = bounds.remove(2);
                            let stop = bounds.remove(1);
                            (bounds.remove(0), stop, step)
                        }
                    };
                    return Ok(Iterable::Range(start, stop, step));
                }
                "enumerate" | "zip" | "reversed" => {
                    let help = match name.as_str() {
                        "reversed" => "count down with `range(n - 1, -1, -1)`",
                        _ => "write `for i in range(len(a)):` and use `a[i]` (and `b[i]`)",
                    };
                    return Err(Fail::Error(
                        Diagnostic::new(
                            DiagnosticKind::Unsupported,
                            format!("pyjit does not support the builtin `{name}`"),
                        )
                        .with_label(func.span, "builtin")
                        .with_help(help),
                    ));
                }
                _ => {}
            }
        }
        let v = self.value(iter)?;
        match v.e.ty.as_array() {
            Some(a) if a.ndim == 1 => Ok(Iterable::Array(v.e)),
            Some(_) => Err(Fail::Error(
                Diagnostic::new(
                    DiagnosticKind::Unsupported,
                    "pyjit iterates over 1-D arrays only",
                )
                .with_label(iter.span, "a 2-D array")
                .with_help(format!(
                    "loop over the rows: `for i in range({0}.shape[0]):`, then index `{0}[i, j]`",
                    self.source_text(iter.span)
                )),
            )),
            None => error(
                DiagnosticKind::TypeMismatch,
                format!("`{}` is not iterable", v.e.ty.python_name()),
                iter.span,
                "not `range(...)` or an array",
                "iterate over `range(...)` or over a 1-D array",
            ),
        }
    }

    /// Whether `func` names the builtin `name` (not shadowed).
    pub(super) fn is_builtin(&self, func: &ast::Expr, name: &str) -> bool {
        matches!(&func.kind, A::Name(n) if n == name && self.local(n).is_none() && matches!(resolve_global(self.module, n), Global::Builtin))
    }
}
