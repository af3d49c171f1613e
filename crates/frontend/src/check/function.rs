//! Checking one specialization of one function: its locals, their types,
//! the statements, and which reads may find a variable unbound.
//!
//! The same walk runs in two modes. `Infer` runs to a fixpoint, joining the
//! type of everything assigned to each local and returned; expression
//! errors are ignored there (an expression that fails contributes nothing),
//! except a join that has no answer, which is final. `Elaborate` runs once
//! with the final types, builds the typed statements, and reports the first
//! error. Both track, per program point, the locals definitely assigned (for
//! `UnboundLocalError` checks) and whether the point is reachable (for the
//! implicit `return None` at the end).

use rustc_hash::FxHashMap;

use crate::ast::{self, ExprKind as A, StmtKind as S};
use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::module::Module;
use crate::source::Span;
use crate::typed::{self, Expr, ExprKind, LocalId, LocalKind, Stmt, StmtKind};
use crate::types::{Scalar, Type};

use super::annotations::{self, Annotated};
use super::{ProgramChecker, python_scalar_type};

/// The most passes of local type inference in one function (each pass can
/// only raise types, and the lattice is three levels high).
const MAX_LOCAL_ROUNDS: usize = 32;

/// Which walk is running.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Mode {
    Infer,
    Elaborate,
}

/// Why an expression or statement produced nothing.
#[derive(Debug)]
pub(super) enum Fail {
    /// It depends on a type not known yet (inference only).
    Pending,
    /// It is wrong; in inference it is skipped, in elaboration reported.
    Error(Diagnostic),
    /// It is wrong whatever the other types turn out to be.
    Fatal(Diagnostic),
}

impl From<Diagnostic> for Fail {
    fn from(d: Diagnostic) -> Fail {
        Fail::Error(d)
    }
}

pub(super) type CResult<T> = Result<T, Fail>;

/// A diagnostic as a failure; every one says what to write instead.
pub(super) fn error<T>(
    kind: DiagnosticKind,
    message: impl Into<String>,
    span: Span,
    label: impl Into<String>,
    help: impl Into<String>,
) -> CResult<T> {
    Err(Fail::Error(
        Diagnostic::new(kind, message)
            .with_label(span, label)
            .with_help(help),
    ))
}

/// A typed expression, whether it is a Python number, weak in promotion
/// (NEP 50), and whether it may be one.
#[derive(Clone, Debug)]
pub(super) struct Val {
    pub(super) e: Expr,
    pub(super) weak: bool,
    /// Non-empty for a Python number on some paths and a NumPy scalar on
    /// others: a value computed from these tracked locals (variables
    /// assigned both, `s = 0.0` then `s += a[i]`), a NumPy scalar when one
    /// of them holds one. Strong in promotion, as the variable's one type
    /// must be (deviation 2); its arithmetic is decided at run time
    /// ([`typed::Arith::Tracked`]).
    pub(super) tracked: Vec<LocalId>,
}

impl Val {
    /// A NumPy scalar or an array: strong in promotion, and computed with
    /// NumPy's arithmetic.
    pub(super) fn strong(e: Expr) -> Val {
        Val {
            e,
            weak: false,
            tracked: Vec::new(),
        }
    }

    /// Whether the value is a NumPy scalar on every path.
    pub(super) fn is_numpy(&self) -> bool {
        !self.weak && self.tracked.is_empty()
    }

    /// What the value is, as a [`typed::Arith`].
    pub(super) fn flavor(&self) -> typed::Arith {
        if self.weak {
            typed::Arith::Python
        } else if self.tracked.is_empty() {
            typed::Arith::NumPy
        } else {
            typed::Arith::Tracked(self.tracked.clone())
        }
    }

    /// The tracked locals of several values that may give the result,
    /// unless one of them is certainly a NumPy scalar (which then decides
    /// it statically) or all are Python numbers.
    pub(super) fn tracked_of(values: &[&Val]) -> Vec<LocalId> {
        if values.iter().any(|v| v.is_numpy()) {
            return Vec::new();
        }
        let mut tracked: Vec<LocalId> = Vec::new();
        for v in values {
            for &id in &v.tracked {
                if !tracked.contains(&id) {
                    tracked.push(id);
                }
            }
        }
        tracked
    }

    /// A value CPython holds as a Python `bool`, `int` or `float` (a
    /// literal, a length, a `range` variable, a comparison of Python
    /// numbers, the result of `int()`, `float()`, `bool()` or a `math`
    /// function): weak in promotion with NumPy scalars (NEP 50), and
    /// computed with Python's arithmetic.
    pub(super) fn python(e: Expr) -> Val {
        let weak = matches!(
            e.ty,
            Type::Scalar(Scalar::Bool | Scalar::Int64 | Scalar::Float64)
        );
        Val {
            e,
            weak,
            tracked: Vec::new(),
        }
    }
}

/// What inference knows of a local, kept between inferences.
#[derive(Clone, Debug)]
pub(super) struct LocalState {
    ty: Option<Type>,
    weak: bool,
    either: bool,
    typed_at: Option<(Span, Type)>,
    nonneg: bool,
}

#[derive(Debug)]
struct LocalInfo {
    name: String,
    ty: Option<Type>,
    /// Whether the local only ever holds Python scalars (`int`, `float`),
    /// which are weak in NumPy arithmetic (NEP 50): `s = 0.0` then
    /// `s += x32` keeps `s` a `float32`, as in CPython.
    weak: bool,
    /// Whether it is assigned both Python numbers and NumPy scalars
    /// ([`Val::either`]).
    either: bool,
    kind: LocalKind,
    span: Span,
    /// Where the local got the type it has, for conflict messages.
    typed_at: Option<(Span, Type)>,
    /// Whether every value assigned to it is a non-negative integer (for the
    /// type of `int ** local`).
    nonneg: bool,
    may_be_unbound: bool,
    /// Whether this pass has read the local's type or sign: a change after
    /// that needs another pass; a change before every read does not.
    read_in_pass: bool,
}

/// Definitely-assigned locals at a program point; `None` when the point is
/// unreachable.
type Flow = Option<Vec<bool>>;

fn meet(a: Flow, b: Flow) -> Flow {
    match (a, b) {
        (None, x) | (x, None) => x,
        (Some(mut a), Some(b)) => {
            for (x, y) in a.iter_mut().zip(b) {
                *x &= y;
            }
            Some(a)
        }
    }
}

pub(super) struct FnChecker<'a, 'm> {
    pub(super) prog: &'a mut ProgramChecker<'m>,
    pub(super) module: &'m Module,
    pub(super) def: &'m ast::FunctionDef,
    pub(super) mode: Mode,
    spec: usize,
    locals: Vec<LocalInfo>,
    by_name: FxHashMap<String, LocalId>,
    /// Parameters and variables; temporaries come after.
    named: usize,
    changed: bool,
    ret: Option<(Type, Span)>,
    /// Whether every value returned is a Python scalar (weak, NEP 50).
    ret_weak: bool,
    pending_return: bool,
    /// A `return` whose value has an error: the function's type is unknown
    /// because the function is wrong, which elaboration will report.
    error_return: bool,
    none_return: Option<Span>,
    flow: Flow,
    loops: Vec<Flow>,
}

impl<'a, 'm> FnChecker<'a, 'm> {
    /// Infer the return type of specialization `index` (`None`: not known
    /// yet).
    pub(super) fn infer(
        prog: &'a mut ProgramChecker<'m>,
        index: usize,
    ) -> Result<Option<Type>, Diagnostic> {
        let mut checker = FnChecker::new(prog, index)?;
        checker.infer_locals()?;
        let states = checker.locals[..checker.named]
            .iter()
            .map(|l| LocalState {
                ty: l.ty,
                weak: l.weak,
                either: l.either,
                typed_at: l.typed_at,
                nonneg: l.nonneg,
            })
            .collect();
        checker.prog.specs[index].locals = Some(states);
        checker.prog.specs[index].ret_weak = checker.ret_weak;
        Ok(checker.inferred_return())
    }

    /// Build the typed function of specialization `index`.
    pub(super) fn elaborate(
        prog: &'a mut ProgramChecker<'m>,
        index: usize,
    ) -> Result<typed::Function, Diagnostic> {
        let mut checker = FnChecker::new(prog, index)?;
        // The worklist leaves every specialization's cached local types at
        // their fixpoint; only one never inferred needs inference here.
        if checker.prog.specs[index].locals.is_none() {
            checker.infer_locals()?;
        }
        checker.mode = Mode::Elaborate;
        checker.build()
    }

    fn new(prog: &'a mut ProgramChecker<'m>, index: usize) -> Result<Self, Diagnostic> {
        let module = prog.module;
        let item = prog.specs[index].item;
        let def = module.function_at(item)?;
        annotations::check_definition(module, def)?;
        let params = prog.specs[index].params.clone();
        let mut checker = FnChecker {
            prog,
            module,
            def,
            mode: Mode::Infer,
            spec: index,
            locals: Vec::new(),
            by_name: FxHashMap::default(),
            named: 0,
            changed: false,
            ret: None,
            ret_weak: false,
            pending_return: false,
            error_return: false,
            none_return: None,
            flow: None,
            loops: Vec::new(),
        };
        let named_params = def
            .params
            .iter()
            .filter(|p| p.kind != ast::ParamKind::SlashMarker);
        let weak_params = checker.prog.specs[index].weak_params.clone();
        for (i, (param, ty)) in named_params.zip(params).enumerate() {
            checker.declare(
                &param.name.name,
                param.name.span,
                LocalKind::Param,
                Some(ty),
            );
            // Whether the caller passes Python scalars or NumPy ones is part
            // of the specialization (NEP 50 treats them differently).
            checker.locals[i].weak = weak_params.get(i).copied().unwrap_or(false);
        }
        collect_locals(&def.body, &mut |name, span| {
            checker.declare(name, span, LocalKind::Variable, None);
        });
        checker.named = checker.locals.len();
        if let Some(states) = &checker.prog.specs[index].locals {
            for (info, state) in checker.locals.iter_mut().zip(states) {
                info.ty = state.ty;
                info.weak = state.weak;
                info.either = state.either;
                info.typed_at = state.typed_at;
                info.nonneg = state.nonneg;
            }
        }
        Ok(checker)
    }

    fn declare(&mut self, name: &str, span: Span, kind: LocalKind, ty: Option<Type>) {
        if self.by_name.contains_key(name) {
            return;
        }
        let id = LocalId(self.locals.len() as u32);
        self.by_name.insert(name.to_owned(), id);
        self.locals.push(LocalInfo {
            name: name.to_owned(),
            ty,
            kind,
            span,
            weak: false,
            either: false,
            typed_at: ty.map(|t| (span, t)),
            nonneg: kind != LocalKind::Param,
            may_be_unbound: false,
            read_in_pass: false,
        });
    }

    fn infer_locals(&mut self) -> Result<(), Diagnostic> {
        for _ in 0..MAX_LOCAL_ROUNDS {
            self.start_pass();
            match self.block(&self.def.body) {
                Ok(_) | Err(Fail::Pending | Fail::Error(_)) => {}
                Err(Fail::Fatal(d)) => return Err(d),
            }
            if !self.changed {
                return Ok(());
            }
        }
        Err(Diagnostic::new(
            DiagnosticKind::Inference,
            "type inference did not settle; this is a bug in pyjit",
        )
        .with_label(self.def.header, "while checking this function"))
    }

    fn start_pass(&mut self) {
        self.changed = false;
        self.locals.truncate(self.named);
        for local in &mut self.locals {
            local.read_in_pass = false;
        }
        self.ret = None;
        self.pending_return = false;
        self.error_return = false;
        self.none_return = None;
        self.loops.clear();
        let params = self
            .def
            .params
            .iter()
            .filter(|p| p.kind != ast::ParamKind::SlashMarker)
            .count();
        self.flow = Some((0..self.named).map(|i| i < params).collect());
    }

    fn inferred_return(&self) -> Option<Type> {
        match (
            &self.ret,
            self.none_return,
            self.pending_return || self.error_return,
        ) {
            (Some((ty, _)), _, _) => Some(*ty),
            (None, Some(_), _) | (None, None, false) => Some(Type::None),
            (None, None, true) => None,
        }
    }

    /// The final pass: typed statements, or the first error.
    fn build(mut self) -> Result<typed::Function, Diagnostic> {
        let name = self.prog.specs[self.spec].name.clone();
        self.prog.elaborating.insert(self.spec);
        self.start_pass();
        // The body goes first even when the return type is unknown: an error
        // in it is the real reason, and says more than "cannot infer".
        let body = self.block(&self.def.body);
        self.prog.elaborating.remove(&self.spec);
        let body = match body {
            Ok(body) => body,
            Err(Fail::Error(d) | Fail::Fatal(d)) => return Err(d),
            Err(Fail::Pending) => {
                return Err(Diagnostic::new(
                    DiagnosticKind::Inference,
                    "cannot infer a type in this function",
                )
                .with_label(self.def.header, "here"));
            }
        };
        let Some(ret) = self.prog.specs[self.spec].ret else {
            return Err(self.cannot_infer_return(&name));
        };
        if ret != Type::None {
            if let Some(span) = self.none_return {
                return Err(Diagnostic::new(
                    DiagnosticKind::Inference,
                    format!(
                        "`{name}` returns `{}` elsewhere but returns `None` here",
                        ret.python_name()
                    ),
                )
                .with_label(span, "returns `None`")
                .with_secondary(self.ret.map_or(self.def.header, |(_, at)| at), format!("returns `{}`", ret.python_name()))
                .with_help(format!(
                    "return a value here too, such as `return {}`: pyjit gives a function one return type",
                    example_value(ret)
                )));
            }
            if self.flow.is_some() {
                // Point at the last statement, which can complete and let the
                // function fall off its end (a block statement by its keyword).
                let last = self.def.body.last().map_or(self.def.header, |s| {
                    if s.blocks().is_empty() {
                        s.span
                    } else {
                        keyword_span(self.module, s.span)
                    }
                });
                let mut diagnostic = Diagnostic::new(
                    DiagnosticKind::Inference,
                    format!(
                        "`{name}` can reach its end, which returns `None`, but also returns `{}`",
                        ret.python_name()
                    ),
                )
                .with_label(last, "after this, the function ends without `return`");
                if let Some((_, span)) = self.ret {
                    diagnostic = diagnostic.with_secondary(span, "returns a value here");
                }
                return Err(diagnostic.with_help("add a `return` with a value at the end"));
            }
        }
        if let Some(annotation) = &self.def.returns {
            // PEP 484 reads `-> float` as accepting an `int` too; the value
            // returned keeps its own type, as in CPython.
            let fits = match annotations::annotation_type(self.module, annotation, true)? {
                Annotated::Exact(t) => widens(ret, t),
                Annotated::ArrayOf(elem) => ret.as_array().is_some_and(|a| a.elem == elem),
            };
            if !fits {
                return Err(Diagnostic::new(
                    DiagnosticKind::TypeMismatch,
                    format!(
                        "`{name}` returns `{}` but is annotated `-> {}`",
                        ret.python_name(),
                        &self.module.source().text()[annotation.span.range()]
                    ),
                )
                .with_label(annotation.span, "annotated here")
                .with_secondary(
                    self.ret.map_or(self.def.header, |(_, at)| at),
                    format!("returns `{}`", ret.python_name()),
                )
                .with_help("change the annotation, or convert the value returned"));
            }
        }
        let locals = self
            .locals
            .iter()
            .map(|l| typed::Local {
                name: l.name.clone(),
                // A local that nothing typed is never read or assigned on a
                // path that survived checking; give it a harmless type.
                ty: l.ty.unwrap_or(Type::INT),
                kind: l.kind,
                span: l.span,
                may_be_unbound: l.may_be_unbound,
                // Only a type both Python and NumPy have needs the flag:
                // `int32` and `float32` values are NumPy scalars anyway.
                tracked: l.either && l.ty.is_some_and(python_scalar_type),
            })
            .collect::<Vec<_>>();
        let params = self
            .def
            .params
            .iter()
            .filter(|p| p.kind != ast::ParamKind::SlashMarker)
            .count();
        Ok(typed::Function {
            id: typed::FuncId(self.spec as u32),
            name,
            params: (0..params as u32).map(LocalId).collect(),
            python_params: self.prog.specs[self.spec].weak_params.clone(),
            locals,
            ret,
            body,
            span: self.def.header,
        })
    }

    pub(super) fn cannot_infer_return(&self, name: &str) -> Diagnostic {
        Diagnostic::new(
            DiagnosticKind::Inference,
            format!("cannot infer the return type of `{name}`: every `return` depends on a recursive call"),
        )
        .with_label(self.def.header, "recursive function")
        .with_help("add a base case that returns a value without recursing, such as `if n < 2: return n`")
    }

    // ------------------------------------------------------------- locals

    /// The source text under `span`, for help lines that quote the user's
    /// own code.
    pub(super) fn source_text(&self, span: Span) -> String {
        self.module.source().text()[span.range()].to_owned()
    }

    pub(super) fn local(&self, name: &str) -> Option<LocalId> {
        self.by_name.get(name).copied()
    }

    pub(super) fn local_type(&self, id: LocalId) -> Option<Type> {
        self.locals[id.0 as usize].ty
    }

    pub(super) fn local_name(&self, id: LocalId) -> &str {
        &self.locals[id.0 as usize].name
    }

    pub(super) fn local_nonneg(&mut self, id: LocalId) -> bool {
        let info = &mut self.locals[id.0 as usize];
        info.read_in_pass = true;
        info.nonneg
    }

    /// The type of a local for a decision that depends on it (not a read of
    /// its value).
    pub(super) fn peek_local_type(&mut self, id: LocalId) -> Option<Type> {
        let info = &mut self.locals[id.0 as usize];
        info.read_in_pass = true;
        info.ty
    }

    pub(super) fn local_names(&self) -> impl Iterator<Item = &str> {
        self.locals[..self.named].iter().map(|l| l.name.as_str())
    }

    /// A read of a local: typed, and checked when it may be unbound here.
    pub(super) fn read_local(&mut self, id: LocalId, span: Span) -> CResult<Val> {
        let Some(ty) = self.peek_local_type(id) else {
            return match self.mode {
                Mode::Infer => Err(Fail::Pending),
                Mode::Elaborate => Err(Fail::Error(
                    Diagnostic::new(
                        DiagnosticKind::Inference,
                        format!(
                            "local variable `{}` is used before it is assigned",
                            self.local_name(id)
                        ),
                    )
                    .with_label(span, "read here before any assignment gives it a value")
                    .with_help(format!(
                        "assign it before this point, such as `{} = 0.0`",
                        self.local_name(id)
                    )),
                )),
            };
        };
        let index = id.0 as usize;
        let checked =
            index < self.named && self.flow.as_ref().is_some_and(|assigned| !assigned[index]);
        if checked && self.mode == Mode::Elaborate {
            self.locals[index].may_be_unbound = true;
        }
        let weak = self.locals[index].weak;
        let tracked = if self.is_tracked(id) {
            vec![id]
        } else {
            Vec::new()
        };
        Ok(Val {
            e: Expr {
                kind: ExprKind::Local { id, checked },
                ty,
                span,
            },
            weak,
            tracked,
        })
    }

    /// Whether a local is tracked at run time ([`typed::Local::tracked`]).
    fn is_tracked(&self, id: LocalId) -> bool {
        let info = &self.locals[id.0 as usize];
        info.either && info.ty.is_some_and(python_scalar_type)
    }

    /// A temporary of type `ty`.
    pub(super) fn temp(&mut self, ty: Type, span: Span) -> LocalId {
        let id = LocalId(self.locals.len() as u32);
        let name = format!("$t{}", self.locals.len() - self.named);
        self.locals.push(LocalInfo {
            name,
            ty: Some(ty),
            weak: false,
            either: false,
            kind: LocalKind::Temp,
            span,
            typed_at: Some((span, ty)),
            nonneg: false,
            may_be_unbound: false,
            read_in_pass: false,
        });
        id
    }

    /// Join `ty` (weak if a Python scalar, `either` if it may be one) into
    /// the type of local `id`, assigned at `span`.
    fn bind_type(
        &mut self,
        id: LocalId,
        (ty, weak, either): (Type, bool, bool),
        span: Span,
        nonneg: bool,
    ) -> CResult<()> {
        let info = &mut self.locals[id.0 as usize];
        if info.nonneg && !nonneg {
            info.nonneg = false;
            self.changed |= info.read_in_pass;
        }
        let mixed = either || (info.ty.is_some() && info.weak != weak);
        if mixed && !info.either {
            info.either = true;
            self.changed |= info.read_in_pass;
        }
        let Some(old) = info.ty else {
            info.ty = Some(ty);
            info.weak = weak;
            info.typed_at = Some((span, ty));
            self.changed |= info.read_in_pass;
            return Ok(());
        };
        match join_weak((old, info.weak), (ty, weak)) {
            Some((joined, joined_weak)) if (joined, joined_weak) == (old, info.weak) => Ok(()),
            Some((joined, joined_weak)) if info.kind != LocalKind::Param || joined == old => {
                info.ty = Some(joined);
                info.weak = joined_weak;
                self.changed |= info.read_in_pass;
                Ok(())
            }
            joined => {
                let name = info.name.clone();
                let (at, first) = info.typed_at.expect("a typed local knows where");
                let joined = joined.map(|(t, _)| t);
                let message = if joined.is_some() {
                    format!(
                        "parameter `{name}` is `{}` but is assigned `{}` here",
                        first.python_name(),
                        ty.python_name()
                    )
                } else {
                    format!(
                        "variable `{name}` would need two types: `{}` and `{}`",
                        first.python_name(),
                        ty.python_name()
                    )
                };
                let help = if joined.is_some() {
                    "assign to a new variable instead (a parameter keeps the type of its argument), or use `//` for an integer result"
                        .to_owned()
                } else {
                    "use two variables: pyjit gives each variable one type".to_owned()
                };
                Err(Fail::Fatal(
                    Diagnostic::new(DiagnosticKind::TypeMismatch, message)
                        .with_label(span, format!("`{}` assigned here", ty.python_name()))
                        .with_secondary(at, format!("`{}` here", first.python_name()))
                        .with_help(help),
                ))
            }
        }
    }

    /// Assign `value` to local `id`: join its type, mark it assigned, and
    /// give the statement.
    pub(super) fn assign_local(
        &mut self,
        id: LocalId,
        value: Val,
        nonneg: bool,
        span: Span,
    ) -> CResult<Stmt> {
        self.bind_type(
            id,
            (value.e.ty, value.weak, !value.tracked.is_empty()),
            value.e.span,
            nonneg,
        )?;
        self.mark_assigned(id);
        let ty = self.local_type(id).expect("bound above");
        let tracks = self.is_tracked(id).then(|| value.flavor());
        let value = self.coerce(value, ty)?;
        Ok(Stmt {
            kind: StmtKind::Assign {
                local: id,
                value,
                tracks,
            },
            span,
        })
    }

    fn mark_assigned(&mut self, id: LocalId) {
        if let Some(assigned) = &mut self.flow
            && let Some(slot) = assigned.get_mut(id.0 as usize)
        {
            *slot = true;
        }
    }

    // ------------------------------------------------------------- statements

    pub(super) fn block(&mut self, stmts: &'m [ast::Stmt]) -> CResult<Vec<Stmt>> {
        let mut out = Vec::with_capacity(stmts.len());
        let mut failure = None;
        for stmt in stmts {
            match self.stmt(stmt, &mut out) {
                Ok(()) => {}
                Err(Fail::Fatal(d)) => return Err(Fail::Fatal(d)),
                Err(other) if self.mode == Mode::Elaborate => return Err(other),
                Err(other) => failure = failure.or(Some(other)),
            }
        }
        match failure {
            Some(fail) => Err(fail),
            None => Ok(out),
        }
    }

    fn stmt(&mut self, stmt: &'m ast::Stmt, out: &mut Vec<Stmt>) -> CResult<()> {
        crate::stack::ensure_sufficient_stack(|| self.stmt_unguarded(stmt, out))
    }

    fn stmt_unguarded(&mut self, stmt: &'m ast::Stmt, out: &mut Vec<Stmt>) -> CResult<()> {
        let span = stmt.span;
        match &stmt.kind {
            S::Pass => Ok(()),
            S::Expr(e) => self.expr_stmt(e, span, out),
            S::Assign { targets, value } => self.assign(targets, value, span, out),
            S::AugAssign {
                target,
                op,
                op_span,
                value,
            } => self.aug_assign(target, *op, *op_span, value, span, out),
            S::AnnAssign { target, value, .. } => match value {
                Some(value) => self.assign(std::slice::from_ref(target), value, span, out),
                None => Ok(()),
            },
            S::Return(value) => self.return_stmt(value.as_ref(), span, out),
            S::Break | S::Continue => {
                let is_break = matches!(stmt.kind, S::Break);
                let Some(state) = self.loops.last_mut() else {
                    return Err(Fail::Error(
                        Diagnostic::new(
                            DiagnosticKind::Syntax,
                            if is_break {
                                "`break` outside loop".to_owned()
                            } else {
                                "`continue` not properly in loop".to_owned()
                            },
                        )
                        .with_label(span, "not inside a `for` or `while` loop")
                        .with_help("use `return` to leave the function, or move this into a loop"),
                    ));
                };
                if is_break {
                    *state = meet(state.take(), self.flow.clone());
                }
                self.flow = None;
                out.push(Stmt {
                    kind: if is_break {
                        StmtKind::Break
                    } else {
                        StmtKind::Continue
                    },
                    span,
                });
                Ok(())
            }
            S::Assert { test, msg } => {
                if let A::Tuple(items) = &test.kind
                    && !items.is_empty()
                {
                    return Err(Fail::Error(
                        Diagnostic::new(
                            DiagnosticKind::Unsupported,
                            "`assert` of a tuple is always true",
                        )
                        .with_label(test.span, "a non-empty tuple")
                        .with_help("write `assert condition, \"message\"` without parentheses"),
                    ));
                }
                let cond = self.condition(test)?;
                let message = match msg {
                    None => None,
                    Some(ast::Expr {
                        kind: A::Str(parts),
                        ..
                    }) => Some(super::decode_string(self.module.source().text(), parts)?),
                    Some(other) => {
                        return Err(Fail::Error(
                            Diagnostic::new(DiagnosticKind::Unsupported, "pyjit supports only a string literal as the message of `assert`")
                                .with_label(other.span, "not a string literal")
                                .with_help("write the message as a string: `assert x > 0, \"x must be positive\"`"),
                        ));
                    }
                };
                out.push(Stmt {
                    kind: StmtKind::Assert { cond, message },
                    span,
                });
                Ok(())
            }
            S::If { test, body, orelse } => {
                let cond = self.condition(test);
                let cond = self.early(cond)?;
                let before = self.flow.clone();
                let then_body = self.block(body);
                let after_then = std::mem::replace(&mut self.flow, before);
                let else_body = self.block(orelse);
                self.flow = meet(after_then, self.flow.take());
                let (cond, then_body, else_body) = (cond?, then_body?, else_body?);
                out.push(Stmt {
                    kind: StmtKind::If {
                        cond,
                        then_body,
                        else_body,
                    },
                    span,
                });
                Ok(())
            }
            S::While { test, body, orelse } => {
                let forever = is_constant_true(test);
                let cond = self.condition(test);
                let cond = self.early(cond)?;
                let before = self.flow.clone();
                self.loops.push(None);
                let body = self.block(body);
                let breaks = self.loops.pop().flatten();
                self.flow = if forever { None } else { before };
                let orelse = self.block(orelse);
                self.flow = meet(self.flow.take(), breaks);
                let (cond, body, orelse) = (cond?, body?, orelse?);
                out.push(Stmt {
                    kind: StmtKind::While { cond, body, orelse },
                    span,
                });
                Ok(())
            }
            S::For {
                target,
                iter,
                body,
                orelse,
                ..
            } => self.for_stmt(target, iter, body, orelse, span, out),
            S::FunctionDef(def) => Err(Fail::Error(
                Diagnostic::new(
                    DiagnosticKind::Unsupported,
                    "pyjit does not support nested functions",
                )
                .with_label(def.header, "a function inside a function")
                .with_help(format!(
                    "define `{}` at module level and pass it what it needs",
                    def.name.name
                )),
            )),
            S::Import(_) | S::ImportFrom { .. } => Err(Fail::Error(
                Diagnostic::new(
                    DiagnosticKind::Unsupported,
                    "pyjit does not support `import` inside a function",
                )
                .with_label(span, "import")
                .with_help("move the import to the top of the file"),
            )),
            S::Unsupported { construct, names } => Err(Fail::Error(
                self.unsupported_statement(*construct, names, span),
            )),
        }
    }

    /// A statement outside the language. Inside a plain `def`, `async for`,
    /// `async with` and `nonlocal` are CPython syntax errors, and say so.
    fn unsupported_statement(
        &self,
        construct: ast::Construct,
        names: &[ast::Ident],
        span: Span,
    ) -> Diagnostic {
        let text = &self.module.source().text()[span.range()];
        let words: Vec<&str> = text.split_whitespace().take(2).collect();
        match (construct, words.as_slice()) {
            (ast::Construct::Async, ["async", second @ ("for" | "with")]) => {
                let help = if *second == "for" {
                    "write a plain loop: `for x in a:`"
                } else {
                    "remove `async`"
                };
                Diagnostic::new(
                    DiagnosticKind::Syntax,
                    format!("`async {second}` outside async function"),
                )
                .with_label(Span::new(span.start, span.start + 5), "`async`")
                .with_help(help)
            }
            (ast::Construct::Async, _) => Diagnostic::new(
                DiagnosticKind::Unsupported,
                "pyjit does not support nested functions",
            )
            .with_label(
                keyword_span(self.module, span),
                "a function inside a function",
            )
            .with_help("define it at module level as an ordinary `def`"),
            (ast::Construct::Nonlocal, _) if !names.is_empty() => {
                let name = &names[0].name;
                Diagnostic::new(
                    DiagnosticKind::Syntax,
                    format!("no binding for nonlocal `{name}` found"),
                )
                .with_label(names[0].span, "not a variable of an enclosing function")
                .with_help(format!(
                    "remove the `nonlocal` line: `{name}` is a local variable of `{}`",
                    self.def.name.name
                ))
            }
            _ => Diagnostic::new(
                DiagnosticKind::Unsupported,
                format!("pyjit does not support {}", construct.describe()),
            )
            .with_label(keyword_span(self.module, span), "here")
            .with_help(construct.instead()),
        }
    }

    fn expr_stmt(&mut self, e: &'m ast::Expr, span: Span, out: &mut Vec<Stmt>) -> CResult<()> {
        match &e.kind {
            // Docstrings, strings used as comments, and `...` do nothing.
            A::Str(parts) if parts.iter().all(|p| p.kind == ast::StrKind::Str) => Ok(()),
            A::Ellipsis => Ok(()),
            A::Call {
                func,
                args,
                keywords,
            } if self.is_builtin(func, "print") => {
                out.push(self.print(args, keywords, span)?);
                Ok(())
            }
            _ => {
                let value = self.expr(e)?;
                out.push(Stmt {
                    kind: StmtKind::Expr(value.e),
                    span,
                });
                Ok(())
            }
        }
    }

    fn return_stmt(
        &mut self,
        value: Option<&'m ast::Expr>,
        span: Span,
        out: &mut Vec<Stmt>,
    ) -> CResult<()> {
        let value = match value {
            None
            | Some(ast::Expr {
                kind: A::NoneLiteral,
                ..
            }) => None,
            Some(e) => match self.expr(e) {
                Ok(v) if v.e.ty == Type::None => {
                    // `return g()` of a function returning None: the value
                    // is evaluated for its effects, and None returned.
                    out.push(Stmt {
                        kind: StmtKind::Expr(v.e),
                        span: e.span,
                    });
                    None
                }
                Ok(v) => Some(v),
                Err(fail) => {
                    self.pending_return |= matches!(fail, Fail::Pending);
                    self.error_return |= matches!(fail, Fail::Error(_));
                    return Err(fail);
                }
            },
        };
        self.flow = None;
        let Some(value) = value else {
            self.none_return = self.none_return.or(Some(span));
            // A mismatch with the value returns is reported after the walk,
            // when both are known.
            out.push(Stmt {
                kind: StmtKind::Return(None),
                span,
            });
            return Ok(());
        };
        let ty = value.e.ty;
        match &self.ret {
            None => {
                self.ret = Some((ty, value.e.span));
                self.ret_weak = value.weak;
            }
            Some((old, at)) => match join_weak((*old, self.ret_weak), (ty, value.weak)) {
                Some((joined, weak)) => {
                    self.ret = Some((joined, *at));
                    self.ret_weak = weak;
                }
                None => {
                    let name = &self.prog.specs[self.spec].name;
                    return Err(Fail::Fatal(
                        Diagnostic::new(
                            DiagnosticKind::TypeMismatch,
                            format!(
                                "`{name}` returns `{}` here but `{}` elsewhere",
                                ty.python_name(),
                                old.python_name()
                            ),
                        )
                        .with_label(value.e.span, format!("`{}`", ty.python_name()))
                        .with_secondary(*at, format!("`{}`", old.python_name()))
                        .with_help(
                            "return values of one type: pyjit gives a function one return type",
                        ),
                    ));
                }
            },
        }
        if self.mode == Mode::Infer {
            return Ok(());
        }
        let spec = &self.prog.specs[self.spec];
        let Some(ret) = spec.ret else {
            return Err(Fail::Error(self.cannot_infer_return(&spec.name)));
        };
        if let Some(declared) = spec.declared_ret
            && !widens(ty, declared)
        {
            return Err(Fail::Error(
                Diagnostic::new(
                    DiagnosticKind::TypeMismatch,
                    format!(
                        "the signature says `{}` returns `{declared}`, but this is `{ty}`",
                        spec.name
                    ),
                )
                .with_label(value.e.span, format!("`{ty}`"))
                .with_help("change the signature's return type"),
            ));
        }
        let value = self.coerce(value, ret)?;
        out.push(Stmt {
            kind: StmtKind::Return(Some(value)),
            span,
        });
        Ok(())
    }

    fn assign(
        &mut self,
        targets: &'m [ast::Expr],
        value: &'m ast::Expr,
        span: Span,
        out: &mut Vec<Stmt>,
    ) -> CResult<()> {
        // `a, b = x, y`: evaluate the whole right side, then assign left to
        // right (Python's order), through temporaries.
        if let [target] = targets
            && let A::Tuple(names) | A::List(names) = &target.kind
        {
            let (A::Tuple(values) | A::List(values)) = &value.kind else {
                return Err(Fail::Error(
                    Diagnostic::new(
                        DiagnosticKind::Unsupported,
                        "pyjit can unpack only a tuple written out on the right",
                    )
                    .with_label(value.span, "not a tuple display")
                    .with_help(match &value.kind {
                        A::Attribute { value: array, attr } if attr.name == "shape" => {
                            let array = &self.module.source().text()[array.span.range()];
                            format!(
                                "write the extents out: `n, m = {array}.shape[0], {array}.shape[1]`"
                            )
                        }
                        _ => "write both sides out: `a, b = x, y`".to_owned(),
                    }),
                ));
            };
            if names.len() != values.len() {
                let message = if values.len() > names.len() {
                    format!("too many values to unpack (expected {})", names.len())
                } else {
                    format!(
                        "not enough values to unpack (expected {}, got {})",
                        names.len(),
                        values.len()
                    )
                };
                return Err(Fail::Error(
                    Diagnostic::new(DiagnosticKind::TypeMismatch, message)
                        .with_label(value.span, format!("{} values", values.len()))
                        .with_secondary(target.span, format!("{} targets", names.len()))
                        .with_help("write as many values on the right as names on the left"),
                ));
            }
            let mut staged = Vec::with_capacity(values.len());
            for v in values {
                let val = self.value(v)?;
                staged.push((self.stage(val, out), self.nonneg(v)));
            }
            for (name, (val, nonneg)) in names.iter().zip(staged) {
                self.assign_target(name, val, nonneg, span, out)?;
            }
            return Ok(());
        }
        let val = self.value(value)?;
        let nonneg = self.nonneg(value);
        if targets.len() == 1 {
            return self.assign_target(&targets[0], val, nonneg, span, out);
        }
        // `a = b = value`: one evaluation, assigned left to right.
        let val = self.stage(val, out);
        for target in targets {
            self.assign_target(target, val.clone(), nonneg, span, out)?;
        }
        Ok(())
    }

    /// Keep a value in a temporary unless it is a constant, so that later
    /// statements can use it without evaluating it again.
    pub(super) fn stage(&mut self, val: Val, out: &mut Vec<Stmt>) -> Val {
        if matches!(val.e.kind, ExprKind::Const(_)) {
            return val;
        }
        let span = val.e.span;
        let ty = val.e.ty;
        let (weak, mut tracked) = (val.weak, val.tracked);
        let temp = self.temp(ty, span);
        // A value of tracked variables keeps what they hold *now*: the
        // temporary is tracked itself, so that `s, t = t, s` swaps what
        // `s` and `t` hold along with their values.
        let tracks = if tracked.is_empty() {
            None
        } else {
            self.locals[temp.0 as usize].either = true;
            Some(typed::Arith::Tracked(std::mem::replace(
                &mut tracked,
                vec![temp],
            )))
        };
        out.push(Stmt {
            kind: StmtKind::Assign {
                local: temp,
                value: val.e,
                tracks,
            },
            span,
        });
        Val {
            e: Expr {
                kind: ExprKind::Local {
                    id: temp,
                    checked: false,
                },
                ty,
                span,
            },
            weak,
            tracked,
        }
    }

    /// Make an expression safe to evaluate twice: constants and locals read
    /// without a check already are (nothing in between can change a local);
    /// anything else goes into a temporary.
    fn stage_once(&mut self, e: Expr, out: &mut Vec<Stmt>) -> Expr {
        if matches!(
            e.kind,
            ExprKind::Const(_) | ExprKind::Local { checked: false, .. }
        ) {
            return e;
        }
        self.stage(Val::strong(e), out).e
    }

    fn assign_target(
        &mut self,
        target: &'m ast::Expr,
        val: Val,
        nonneg: bool,
        span: Span,
        out: &mut Vec<Stmt>,
    ) -> CResult<()> {
        match &target.kind {
            A::Name(name) => {
                let id = self
                    .local(name)
                    .expect("every assigned name is collected as a local");
                out.push(self.assign_local(id, val, nonneg, span)?);
                Ok(())
            }
            A::Subscript { value, index } => {
                let (array, indices, chained) = self.element(value, index, target.span)?;
                let ty = array.ty.as_array().expect("element() checks");
                let value = self.store_coerce(val, ty, target.span)?;
                out.push(Stmt {
                    kind: StmtKind::Store {
                        value,
                        array,
                        indices,
                        chained,
                    },
                    span,
                });
                Ok(())
            }
            A::Attribute { .. } => Err(Fail::Error(
                Diagnostic::new(
                    DiagnosticKind::Unsupported,
                    "pyjit does not support assigning to attributes",
                )
                .with_label(target.span, "attribute")
                .with_help("assign to a variable or an array element"),
            )),
            A::Starred(_) => Err(Fail::Error(
                Diagnostic::new(
                    DiagnosticKind::Unsupported,
                    "pyjit does not support starred assignment",
                )
                .with_label(target.span, "starred target")
                .with_help("assign each value to its own name"),
            )),
            A::Tuple(_) | A::List(_) => Err(Fail::Error(
                Diagnostic::new(
                    DiagnosticKind::Unsupported,
                    "pyjit does not support nested unpacking",
                )
                .with_label(target.span, "nested targets")
                .with_help("unpack one level at a time"),
            )),
            _ => Err(Fail::Error(
                Diagnostic::new(DiagnosticKind::Syntax, "cannot assign to this expression")
                    .with_label(target.span, "here"),
            )),
        }
    }

    fn aug_assign(
        &mut self,
        target: &'m ast::Expr,
        op: ast::BinOp,
        op_span: Span,
        value: &'m ast::Expr,
        span: Span,
        out: &mut Vec<Stmt>,
    ) -> CResult<()> {
        match &target.kind {
            A::Name(name) => {
                let id = self
                    .local(name)
                    .expect("every assigned name is collected as a local");
                let current = self.read_local(id, target.span)?;
                let rhs = self.value(value)?;
                let nonneg = self.local_nonneg(id)
                    && self.nonneg(value)
                    && matches!(
                        op,
                        ast::BinOp::Add
                            | ast::BinOp::Mul
                            | ast::BinOp::FloorDiv
                            | ast::BinOp::Pow
                            | ast::BinOp::RShift
                    );
                let result = self.binary(op, op_span, current, rhs, span, value)?;
                out.push(self.assign_local(id, result, nonneg, span)?);
                Ok(())
            }
            A::Subscript {
                value: array_ast,
                index,
            } => {
                // `a[i] += v`: evaluate `a` and `i` once, load, combine, store.
                let (array, indices, chained) = self.element(array_ast, index, target.span)?;
                let array = self.stage_once(array, out);
                let indices = indices
                    .into_iter()
                    .map(|i| self.stage_once(i, out))
                    .collect::<Vec<_>>();
                let ty = array.ty.as_array().expect("element() checks");
                let load = Self::load(array.clone(), indices.clone(), chained, target.span);
                let rhs = self.value(value)?;
                if ty.list && !rhs.weak && rhs.e.ty.scalar().is_some() {
                    // The result would be a NumPy scalar: name the operand
                    // that makes it one.
                    return Err(Fail::Error(self.numpy_scalar_in_list(&rhs, target.span)));
                }
                let result = self.binary(op, op_span, load, rhs, span, value)?;
                let value = self.store_coerce(result, ty, span)?;
                out.push(Stmt {
                    kind: StmtKind::Store {
                        value,
                        array,
                        indices,
                        chained,
                    },
                    span,
                });
                Ok(())
            }
            _ => Err(Fail::Error(
                Diagnostic::new(
                    DiagnosticKind::Unsupported,
                    "pyjit does not support assigning to attributes",
                )
                .with_label(target.span, "attribute")
                .with_help("assign to a variable or an array element"),
            )),
        }
    }

    fn for_stmt(
        &mut self,
        target: &'m ast::Expr,
        iter: &'m ast::Expr,
        body: &'m [ast::Stmt],
        orelse: &'m [ast::Stmt],
        span: Span,
        out: &mut Vec<Stmt>,
    ) -> CResult<()> {
        let A::Name(var_name) = &target.kind else {
            // `for i, x in enumerate(a)`: the iterable is the thing to change.
            self.for_iterable(iter)?;
            return Err(Fail::Error(
                Diagnostic::new(
                    DiagnosticKind::Unsupported,
                    "pyjit needs a plain name as the loop variable",
                )
                .with_label(target.span, "not a single name")
                .with_help("write `for i in range(len(a)):` and index the arrays inside the loop"),
            ));
        };
        let var = self
            .local(var_name)
            .expect("loop variables are collected as locals");
        enum Iter {
            Range(Expr, Expr, Expr),
            Each(Expr),
        }
        let iteration = self.for_iterable(iter).map(|it| match it {
            super::expr::Iterable::Range(a, b, c) => Iter::Range(a, b, c),
            super::expr::Iterable::Array(a) => Iter::Each(a),
        });
        let iteration = self.early(iteration)?;
        let (var_ty, var_nonneg) = match &iteration {
            Ok(Iter::Range(..)) => (Type::INT, self.range_nonneg(iter)),
            Ok(Iter::Each(array)) => (
                Type::Scalar(array.ty.as_array().expect("checked").elem),
                false,
            ),
            Err(_) => (Type::INT, false),
        };
        let bound = if iteration.is_ok() {
            // A `range` gives Python ints (weak), and so does a list; an
            // array gives NumPy scalars.
            let weak = match &iteration {
                Ok(Iter::Range(..)) => true,
                Ok(Iter::Each(array)) => array.ty.is_list(),
                Err(_) => false,
            };
            self.bind_type(var, (var_ty, weak, false), target.span, var_nonneg)
        } else {
            Ok(())
        };
        let before = self.flow.clone();
        self.mark_assigned(var);
        self.loops.push(None);
        let body = self.block(body);
        let breaks = self.loops.pop().flatten();
        self.flow = before;
        let orelse = self.block(orelse);
        self.flow = meet(self.flow.take(), breaks);
        bound?;
        let (iteration, body, orelse) = (iteration?, body?, orelse?);
        if self.local_type(var) != Some(var_ty) {
            let declared = self.local_type(var).expect("bound above");
            return Err(Fail::Error(
                Diagnostic::new(
                    DiagnosticKind::TypeMismatch,
                    format!(
                        "loop variable `{var_name}` takes `{}` values but is `{}` elsewhere",
                        var_ty.python_name(),
                        declared.python_name()
                    ),
                )
                .with_label(target.span, "loop variable")
                .with_secondary(
                    self.locals[var.0 as usize].typed_at.map_or(target.span, |(at, _)| at),
                    format!("`{}` here", declared.python_name()),
                )
                .with_help(format!("give the loop a variable of its own: `for i in ...`, not `for {var_name} in ...`")),
            ));
        }
        let kind = match iteration {
            Iter::Range(start, stop, step) => StmtKind::ForRange {
                var,
                start,
                stop,
                step,
                body,
                orelse,
            },
            Iter::Each(array) => StmtKind::ForEach {
                var,
                array,
                body,
                orelse,
            },
        };
        out.push(Stmt { kind, span });
        Ok(())
    }

    fn print(
        &mut self,
        args: &'m [ast::Expr],
        keywords: &'m [ast::Keyword],
        span: Span,
    ) -> CResult<Stmt> {
        let src = self.module.source().text();
        let mut sep = " ".to_owned();
        let mut end = "\n".to_owned();
        for keyword in keywords {
            let Some(name) = &keyword.name else {
                return Err(Fail::Error(
                    Diagnostic::new(
                        DiagnosticKind::Unsupported,
                        "pyjit does not support `**` arguments",
                    )
                    .with_label(keyword.span, "here"),
                ));
            };
            let text = match (&keyword.value.kind, name.name.as_str()) {
                (A::Str(parts), "sep" | "end") => Some(super::decode_string(src, parts)?),
                (A::NoneLiteral, "sep" | "end") => None,
                (A::Bool(_), "flush") => continue,
                (_, "sep" | "end") => {
                    return Err(Fail::Error(
                        Diagnostic::new(
                            DiagnosticKind::Unsupported,
                            format!("pyjit needs a string literal for `{}=`", name.name),
                        )
                        .with_label(keyword.value.span, "not a string literal"),
                    ));
                }
                _ => {
                    return Err(Fail::Error(
                        Diagnostic::new(
                            DiagnosticKind::Unsupported,
                            format!("pyjit does not support `print(..., {}=...)`", name.name),
                        )
                        .with_label(keyword.span, "here")
                        .with_help("`print` in compiled code takes `sep=` and `end=` only"),
                    ));
                }
            };
            match name.name.as_str() {
                "sep" => sep = text.unwrap_or_else(|| " ".to_owned()),
                _ => end = text.unwrap_or_else(|| "\n".to_owned()),
            }
        }
        let mut items = Vec::with_capacity(args.len());
        for arg in args {
            match &arg.kind {
                A::Str(parts) => {
                    items.push(typed::PrintItem::Text(super::decode_string(src, parts)?))
                }
                A::Starred(_) => {
                    return Err(Fail::Error(
                        Diagnostic::new(
                            DiagnosticKind::Unsupported,
                            "pyjit does not support `*` unpacking in calls",
                        )
                        .with_label(arg.span, "here"),
                    ));
                }
                _ => {
                    let value = self.value(arg)?;
                    if value.e.ty.scalar().is_none() {
                        return Err(Fail::Error(
                            Diagnostic::new(
                                DiagnosticKind::Unsupported,
                                format!(
                                    "pyjit cannot print {}",
                                    crate::diagnostic::a_type(value.e.ty)
                                ),
                            )
                            .with_label(arg.span, "not a number")
                            .with_help(
                                "print numbers and strings; print an array element by element",
                            ),
                        ));
                    }
                    items.push(typed::PrintItem::Value(value.e));
                }
            }
        }
        Ok(Stmt {
            kind: StmtKind::Print { items, sep, end },
            span,
        })
    }

    // ------------------------------------------------------------- loops and flow

    /// In elaboration, fail now (the first error in source order wins); in
    /// inference, keep the failure and go on into the blocks, whose
    /// assignments still count.
    fn early<T>(&self, result: CResult<T>) -> CResult<CResult<T>> {
        match result {
            Err(Fail::Fatal(d)) => Err(Fail::Fatal(d)),
            Err(fail) if self.mode == Mode::Elaborate => Err(fail),
            other => Ok(other),
        }
    }

    /// Whether the variable of `for v in range(...)` is never negative:
    /// the start is non-negative and the step positive, or the step is
    /// negative and the stop at least -1.
    fn range_nonneg(&mut self, iter: &ast::Expr) -> bool {
        let A::Call { args, .. } = &iter.kind else {
            return false;
        };
        match args.as_slice() {
            [_] => true,
            [start, _] => self.nonneg(start),
            [start, stop, step] => match constant_int(step) {
                Some(s) if s > 0 => self.nonneg(start),
                Some(s) if s < 0 => self.nonneg(stop) || constant_int(stop) == Some(-1),
                _ => false,
            },
            _ => false,
        }
    }
}

/// A value of type `ty` to show in a help line.
fn example_value(ty: Type) -> &'static str {
    match ty {
        Type::Scalar(Scalar::Bool) => "False",
        Type::Scalar(s) if s.is_float() => "0.0",
        Type::Scalar(_) => "-1",
        _ => "...",
    }
}

/// The join of two types with their weakness (NEP 50: a Python scalar
/// takes the type of a NumPy scalar of its kind or above).
pub(super) fn join_weak(
    (a, a_weak): (Type, bool),
    (b, b_weak): (Type, bool),
) -> Option<(Type, bool)> {
    match (a, b) {
        (Type::Scalar(x), Type::Scalar(y)) => {
            let (t, weak) = Scalar::promote_weak(x, a_weak, y, b_weak);
            Some((Type::Scalar(t), weak))
        }
        (x, y) if x == y => Some((x, false)),
        _ => None,
    }
}

/// Whether `from` converts to `to` without losing information (the
/// implicit conversions of a return into a declared return type).
pub(super) fn widens(from: Type, to: Type) -> bool {
    match (from, to) {
        (Type::Scalar(f), Type::Scalar(t)) => Scalar::promote(f, t) == t,
        (x, y) => x == y,
    }
}

fn constant_int(e: &ast::Expr) -> Option<i64> {
    match &e.kind {
        A::Int(Some(v)) => i64::try_from(*v).ok(),
        A::Unary {
            op: ast::UnaryOp::Neg,
            operand,
        } => constant_int(operand).map(|v| -v),
        _ => None,
    }
}

fn is_constant_true(e: &ast::Expr) -> bool {
    match &e.kind {
        A::Bool(b) => *b,
        A::Int(Some(v)) => *v != 0,
        _ => false,
    }
}

/// The span of a statement's first keyword, for "pyjit does not support
/// `try` statements" (the whole statement may be long).
fn keyword_span(module: &Module, span: Span) -> Span {
    let text = &module.source().text()[span.range()];
    let len = text
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(text.len());
    Span::new(span.start, span.start + len.max(1) as u32)
}

/// Every name a function body binds, in order of first binding: Python
/// makes a name local to the function wherever it is assigned in it.
fn collect_locals(stmts: &[ast::Stmt], declare: &mut impl FnMut(&str, Span)) {
    crate::stack::ensure_sufficient_stack(|| collect_locals_unguarded(stmts, declare));
}

fn collect_locals_unguarded(stmts: &[ast::Stmt], declare: &mut impl FnMut(&str, Span)) {
    fn targets(e: &ast::Expr, declare: &mut impl FnMut(&str, Span)) {
        match &e.kind {
            A::Name(name) => declare(name, e.span),
            A::Tuple(items) | A::List(items) => items.iter().for_each(|i| targets(i, declare)),
            A::Starred(inner) => targets(inner, declare),
            _ => {}
        }
    }
    for stmt in stmts {
        match &stmt.kind {
            S::Assign { targets: ts, .. } => ts.iter().for_each(|t| targets(t, declare)),
            S::AugAssign { target, .. } | S::AnnAssign { target, .. } => targets(target, declare),
            S::For {
                target,
                body,
                orelse,
                ..
            } => {
                targets(target, declare);
                collect_locals(body, declare);
                collect_locals(orelse, declare);
            }
            S::If { body, orelse, .. } | S::While { body, orelse, .. } => {
                collect_locals(body, declare);
                collect_locals(orelse, declare);
            }
            S::FunctionDef(def) => declare(&def.name.name, def.name.span),
            _ => {}
        }
    }
}
