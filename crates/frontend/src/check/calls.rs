//! Calls: functions of the module (specialized per argument types), the
//! builtins of LANGUAGE.md, `math` and `numpy` functions, and array
//! allocation; every other callable is rejected by name.

use crate::ast::{self, ExprKind as A};
use crate::diagnostic::{Diagnostic, DiagnosticKind, closest};
use crate::source::Span;
use crate::typed::{Allocator, Builtin, Const, Expr, ExprKind, Fill, MathFn};
use crate::types::{Scalar, Type};

use super::annotations::{self, Annotated, numpy_dtype, plural};
use super::function::{CResult, Fail, FnChecker, Mode, Val, error, widens};
use super::names::{Global, ModuleRef, not_a_constant, resolve_global};

/// The `math` functions pyjit compiles, by name.
pub(super) fn math_function(name: &str) -> Option<MathFn> {
    use MathFn::*;
    Some(match name {
        "sqrt" => Sqrt,
        "exp" => Exp,
        "expm1" => Expm1,
        "log" => Log,
        "log2" => Log2,
        "log10" => Log10,
        "log1p" => Log1p,
        "pow" => Pow,
        "sin" => Sin,
        "cos" => Cos,
        "tan" => Tan,
        "asin" => Asin,
        "acos" => Acos,
        "atan" => Atan,
        "atan2" => Atan2,
        "sinh" => Sinh,
        "cosh" => Cosh,
        "tanh" => Tanh,
        "asinh" => Asinh,
        "acosh" => Acosh,
        "atanh" => Atanh,
        "fabs" => Fabs,
        "floor" => Floor,
        "ceil" => Ceil,
        "trunc" => Trunc,
        "copysign" => Copysign,
        "hypot" => Hypot,
        "fmod" => Fmod,
        "isnan" => Isnan,
        "isinf" => Isinf,
        "isfinite" => Isfinite,
        "degrees" => Degrees,
        "radians" => Radians,
        "erf" => Erf,
        "erfc" => Erfc,
        "gamma" => Gamma,
        "lgamma" => Lgamma,
        _ => return None,
    })
}

/// How a `math` function is called, for help lines.
fn math_signature(func: MathFn) -> String {
    match func {
        MathFn::Log | MathFn::LogBase => "log(x)` or `math.log(x, base)".to_owned(),
        MathFn::Atan2 => "atan2(y, x)".to_owned(),
        MathFn::Pow | MathFn::Copysign | MathFn::Hypot | MathFn::Fmod => {
            format!("{}(x, y)", func.name())
        }
        other => format!("{}(x)", other.name()),
    }
}

/// The NumPy scalar functions pyjit compiles, by name (NumPy's spellings
/// and the NumPy 2 aliases that match `math`).
fn numpy_function(name: &str) -> Option<MathFn> {
    use MathFn::*;
    Some(match name {
        "arcsin" => Asin,
        "arccos" => Acos,
        "arctan" => Atan,
        "arctan2" => Atan2,
        "arcsinh" => Asinh,
        "arccosh" => Acosh,
        "arctanh" => Atanh,
        "power" => Pow,
        "erf" | "erfc" | "gamma" | "lgamma" => return None,
        other => return math_function(other),
    })
}

fn arity_error<T>(
    name: &str,
    expected: &str,
    given: usize,
    span: Span,
    help: impl Into<String>,
) -> CResult<T> {
    error(
        DiagnosticKind::ArgumentCount,
        format!(
            "`{name}` takes {expected} but {given} {} given",
            if given == 1 { "was" } else { "were" }
        ),
        span,
        "called here",
        help,
    )
}

impl<'m> FnChecker<'_, 'm> {
    pub(super) fn call(
        &mut self,
        func: &'m ast::Expr,
        args: &'m [ast::Expr],
        keywords: &'m [ast::Keyword],
        span: Span,
    ) -> CResult<Val> {
        if let Some(starred) = args.iter().find(|a| matches!(a.kind, A::Starred(_))) {
            let inner = match &starred.kind {
                A::Starred(inner) => self.source_text(inner.span),
                _ => String::new(),
            };
            let help = if args.len() == 1
                && (self.is_builtin(func, "min") || self.is_builtin(func, "max"))
            {
                format!(
                    "`{}` takes the array itself: `{}({inner})`",
                    self.source_text(func.span),
                    self.source_text(func.span)
                )
            } else {
                "pass each argument on its own".to_owned()
            };
            return error(
                DiagnosticKind::Unsupported,
                "pyjit does not support `*` unpacking in calls",
                starred.span,
                "unpacked argument",
                help,
            );
        }
        match &func.kind {
            A::Name(name) => {
                if let Some(id) = self.local(name) {
                    return error(
                        DiagnosticKind::TypeMismatch,
                        format!("`{name}` is a variable, not a function"),
                        func.span,
                        format!(
                            "a local variable of the function{}",
                            self.local_type(id)
                                .map(|t| format!(" (`{}`)", t.python_name()))
                                .unwrap_or_default()
                        ),
                        format!(
                            "the local variable `{name}` hides the function of that name; rename the variable"
                        ),
                    );
                }
                let global = resolve_global(self.module, name);
                match &global {
                    Global::Function(item) => {
                        self.no_keywords(name, keywords)?;
                        self.user_call(*item, name, args, span)
                    }
                    Global::Builtin => self.builtin(name, func.span, args, keywords, span),
                    Global::Imported { module, attr } if module == "math" => {
                        self.math_call(attr, func.span, args, keywords, span)
                    }
                    Global::Imported { module, attr } if module == "numpy" => {
                        self.numpy_call(attr, func.span, args, keywords, span)
                    }
                    Global::Imported { module, attr } => error(
                        DiagnosticKind::Unsupported,
                        format!("pyjit cannot call `{module}.{attr}`"),
                        func.span,
                        format!("imported from `{module}`"),
                        "compiled code can call functions of its own file, builtins, `math` and `numpy`",
                    ),
                    Global::Constant(_) => error(
                        DiagnosticKind::TypeMismatch,
                        format!("`{name}` is a module constant, not a function"),
                        func.span,
                        "not callable",
                        "call a function; use the constant as a value",
                    ),
                    Global::Module(m) => error(
                        DiagnosticKind::TypeMismatch,
                        format!("`{name}` is the module `{}`, not a function", m.name()),
                        func.span,
                        "not callable",
                        format!("call one of its functions, such as `{name}.sqrt(x)`"),
                    ),
                    Global::Ambiguous(_) | Global::NotEvaluated(_) => Err(Fail::Error(
                        not_a_constant(self.module, name, func.span, &global),
                    )),
                    Global::Unknown => Err(Fail::Error(self.unknown_name(name, func.span))),
                }
            }
            A::Attribute { value, attr } => {
                if let A::Name(module_name) = &value.kind
                    && self.local(module_name).is_none()
                {
                    match resolve_global(self.module, module_name) {
                        Global::Module(ModuleRef::Math) => {
                            return self.math_call(&attr.name, func.span, args, keywords, span);
                        }
                        Global::Module(ModuleRef::Numpy) => {
                            return self.numpy_call(&attr.name, func.span, args, keywords, span);
                        }
                        Global::Module(other) => {
                            return error(
                                DiagnosticKind::Unsupported,
                                format!(
                                    "pyjit cannot call functions of the module `{}`",
                                    other.name()
                                ),
                                func.span,
                                "not `math` or `numpy`",
                                "compiled code can call functions of its own file, builtins, `math` and `numpy`; compute other values outside and pass them in",
                            );
                        }
                        _ => {}
                    }
                }
                if let A::Attribute {
                    value: inner,
                    attr: sub,
                } = &value.kind
                    && let A::Name(m) = &inner.kind
                    && sub.name == "random"
                    && matches!(
                        resolve_global(self.module, m),
                        Global::Module(ModuleRef::Numpy)
                    )
                {
                    return error(
                        DiagnosticKind::Unsupported,
                        "pyjit does not support random numbers",
                        func.span,
                        "`np.random`",
                        "generate the random numbers outside and pass them in an array",
                    );
                }
                let receiver = self.value(value)?;
                let what = if receiver.e.ty.as_array().is_some() {
                    "array methods"
                } else {
                    "methods"
                };
                error(
                    DiagnosticKind::Unsupported,
                    format!("pyjit does not support {what} such as `.{}()`", attr.name),
                    func.span,
                    "method call",
                    if what == "array methods" {
                        "write a loop over the elements"
                    } else {
                        "use the `math` functions and operators instead"
                    },
                )
            }
            _ => error(
                DiagnosticKind::Unsupported,
                "pyjit can only call functions by name",
                func.span,
                "not a name",
                "call a function of the module, a builtin, or a `math` or `numpy` function by its name",
            ),
        }
    }

    fn no_keywords(&self, name: &str, keywords: &[ast::Keyword]) -> CResult<()> {
        match keywords.first() {
            None => Ok(()),
            Some(keyword) => {
                let help = match &keyword.name {
                    Some(k) => format!("pass `{}` by position", k.name),
                    None => "pass each argument by position".to_owned(),
                };
                Err(Fail::Error(
                    Diagnostic::new(
                        DiagnosticKind::Unsupported,
                        format!(
                            "pyjit does not support keyword arguments (in the call of `{name}`)"
                        ),
                    )
                    .with_label(keyword.span, "keyword argument")
                    .with_help(help),
                ))
            }
        }
    }

    /// Values of the arguments, in order.
    fn values(&mut self, args: &'m [ast::Expr]) -> CResult<Vec<Val>> {
        args.iter().map(|a| self.value(a)).collect()
    }

    // ------------------------------------------------------------- module functions

    fn user_call(
        &mut self,
        item: usize,
        name: &str,
        args: &'m [ast::Expr],
        span: Span,
    ) -> CResult<Val> {
        let def = self.module.function_at(item)?;
        let params: Vec<&ast::Param> = def
            .params
            .iter()
            .filter(|p| p.kind != ast::ParamKind::SlashMarker)
            .collect();
        if args.len() != params.len() {
            let message = if args.len() < params.len() {
                let missing: Vec<String> = params[args.len()..]
                    .iter()
                    .map(|p| format!("`{}`", p.name.name))
                    .collect();
                format!(
                    "`{name}` is missing {} required argument{}: {}",
                    missing.len(),
                    plural(missing.len()),
                    missing.join(", ")
                )
            } else {
                format!(
                    "`{name}` takes {} argument{} but {} {} given",
                    params.len(),
                    plural(params.len()),
                    args.len(),
                    if args.len() == 1 { "was" } else { "were" }
                )
            };
            return Err(Fail::Error(
                Diagnostic::new(DiagnosticKind::ArgumentCount, message)
                    .with_label(span, "called here")
                    .with_secondary(def.header, "defined here")
                    .with_help("pass one argument per parameter, in order"),
            ));
        }
        let mut values = Vec::with_capacity(args.len());
        let mut types = Vec::with_capacity(args.len());
        let mut weak = Vec::with_capacity(args.len());
        for (arg, param) in args.iter().zip(&params) {
            let value = self.value(arg)?;
            let ty = match &param.annotation {
                None => value.e.ty,
                Some(annotation) => {
                    let wanted = match annotations::annotation_type(self.module, annotation, false)?
                    {
                        Annotated::Exact(t) => t,
                        Annotated::ArrayOf(elem) => {
                            Type::array(elem, value.e.ty.as_array().map_or(1, |a| a.ndim))
                        }
                    };
                    // Annotations do not change a value in CPython: a list
                    // passed where an array of its type is annotated (or
                    // `list[float]`, which means both) stays a list.
                    let wanted = match (value.e.ty.as_array(), wanted.as_array()) {
                        (Some(v), Some(w)) if v.list && (v.elem, v.ndim) == (w.elem, w.ndim) => {
                            value.e.ty
                        }
                        _ => wanted,
                    };
                    let fits = widens(value.e.ty, wanted)
                        || (value.weak
                            && wanted.scalar().is_some_and(|w| {
                                value.e.ty.scalar().is_some_and(|v| v.kind() <= w.kind())
                            }));
                    if !fits {
                        return Err(Fail::Error(
                            Diagnostic::new(
                                DiagnosticKind::TypeMismatch,
                                format!(
                                    "argument `{}` of `{name}` is annotated `{}` but this is `{}`",
                                    param.name.name,
                                    wanted.python_name(),
                                    value.e.ty.python_name()
                                ),
                            )
                            .with_label(arg.span, format!("`{}`", value.e.ty.python_name()))
                            .with_secondary(annotation.span, "annotated here")
                            .with_help(
                                "pass a value of the annotated type, or change the annotation",
                            ),
                        ));
                    }
                    wanted
                }
            };
            if ty == Type::None {
                return error(
                    DiagnosticKind::TypeMismatch,
                    "cannot pass `None`",
                    arg.span,
                    "returns `None`",
                    "pass a value; this function returns nothing",
                );
            }
            // A Python bool, int or float stays one in the callee (NEP 50
            // treats it as weak there too), as the entry's arguments do.
            weak.push(value.weak && super::python_scalar_type(ty));
            values.push(self.coerce(value, ty)?);
            types.push(ty);
        }
        let id = self.prog.specialization(item, name, types, weak)?;
        let Some(ret) = self.prog.specs[id.0 as usize].ret else {
            if self.mode == Mode::Elaborate && !self.prog.elaborating.contains(&(id.0 as usize)) {
                // The callee's own error explains why its type is unknown.
                if let Err(d) = FnChecker::elaborate(self.prog, id.0 as usize) {
                    return Err(Fail::Error(d));
                }
            }
            return match self.mode {
                Mode::Infer => Err(Fail::Pending),
                Mode::Elaborate => Err(Fail::Error(
                    Diagnostic::new(
                        DiagnosticKind::Inference,
                        format!("cannot infer the return type of `{name}`: every `return` depends on a recursive call"),
                    )
                    .with_label(span, "called here")
                    .with_secondary(def.header, "no `return` of this function has a value of known type")
                    .with_help("add a base case that returns a value without recursing"),
                )),
            };
        };
        let weak = self.prog.specs[id.0 as usize].ret_weak;
        Ok(Val {
            e: Expr {
                kind: ExprKind::Call {
                    func: id,
                    args: values,
                },
                ty: ret,
                span,
            },
            weak,
            // A return joined from Python and NumPy values is a NumPy
            // scalar to its callers (deviation 2).
            tracked: Vec::new(),
        })
    }

    // ------------------------------------------------------------- builtins

    fn builtin(
        &mut self,
        name: &str,
        func_span: Span,
        args: &'m [ast::Expr],
        keywords: &'m [ast::Keyword],
        span: Span,
    ) -> CResult<Val> {
        let supported = [
            "abs", "min", "max", "int", "float", "bool", "round", "len", "pow",
        ];
        if supported.contains(&name) {
            self.no_keywords(name, keywords)?;
        }
        let one = |args: &[ast::Expr]| {
            if args.len() == 1 {
                Ok(())
            } else {
                arity_error(
                    name,
                    "1 argument",
                    args.len(),
                    span,
                    format!("pass exactly one argument to `{name}`"),
                )
            }
        };
        match name {
            "abs" => {
                one(args)?;
                let v = self.value(&args[0])?;
                self.abs(v, name, args[0].span, span)
            }
            "min" | "max" => {
                if args.is_empty() {
                    return error(
                        DiagnosticKind::ArgumentCount,
                        format!("`{name}` expected at least 1 argument, got 0"),
                        span,
                        "called here",
                        format!("pass numbers to compare, or one 1-D array: `{name}(a)`"),
                    );
                }
                let values = self.values(args)?;
                if let [single] = values.as_slice() {
                    return match single.e.ty.as_array() {
                        Some(a) if a.ndim == 1 => {
                            let func = if name == "min" {
                                Builtin::ArrayMin
                            } else {
                                Builtin::ArrayMax
                            };
                            Ok(Self::list_element(
                                a,
                                builtin_expr(
                                    func,
                                    vec![single.e.clone()],
                                    Type::Scalar(a.elem),
                                    span,
                                ),
                            ))
                        }
                        _ => error(
                            DiagnosticKind::TypeMismatch,
                            format!(
                                "`{name}` of one argument needs a 1-D array, not `{}`",
                                single.e.ty.python_name()
                            ),
                            args[0].span,
                            "not a 1-D array",
                            "pass two or more numbers, or one 1-D array",
                        ),
                    };
                }
                let mut t: Option<(Scalar, bool)> = None;
                for (v, arg) in values.iter().zip(args) {
                    let s = self.number(v, name, arg.span)?;
                    t = Some(match t {
                        None => (s, v.weak),
                        Some((acc, weak)) => Scalar::promote_weak(acc, weak, s, v.weak),
                    });
                }
                let (t, weak) = t.expect("at least two arguments");
                // The result is one of the arguments.
                let tracked = if weak {
                    Vec::new()
                } else {
                    Val::tracked_of(&values.iter().collect::<Vec<_>>())
                };
                let mut converted = Vec::with_capacity(values.len());
                for v in values {
                    converted.push(self.coerce(v, Type::Scalar(t))?);
                }
                let func = if name == "min" {
                    Builtin::Min
                } else {
                    Builtin::Max
                };
                Ok(Val {
                    e: builtin_expr(func, converted, Type::Scalar(t), span),
                    weak,
                    tracked,
                })
            }
            "int" | "round" => {
                if name == "round" && args.len() == 2 {
                    return error(
                        DiagnosticKind::Unsupported,
                        "pyjit supports `round(x)` with one argument",
                        span,
                        "`round(x, ndigits)`",
                        "keep the unrounded value, or round to an int with `round(x)`",
                    );
                }
                if name == "int" && args.len() == 2 {
                    return error(
                        DiagnosticKind::Unsupported,
                        "pyjit supports `int(x)` with one argument",
                        span,
                        "`int(x, base)`",
                        "pyjit does not parse strings; write the number itself",
                    );
                }
                one(args)?;
                if matches!(args[0].kind, A::Str(_)) {
                    return error(
                        DiagnosticKind::Unsupported,
                        format!("pyjit does not convert strings with `{name}`"),
                        args[0].span,
                        "string",
                        "write the number itself",
                    );
                }
                let v = self.value(&args[0])?;
                let s = self.number(&v, name, args[0].span)?;
                if s.is_float() {
                    let arg = self.coerce(v, Type::FLOAT)?;
                    let func = if name == "int" {
                        Builtin::FloatToInt
                    } else {
                        Builtin::Round
                    };
                    return Ok(Val::python(builtin_expr(func, vec![arg], Type::INT, span)));
                }
                let e = self.coerce(v, Type::INT)?;
                Ok(Val::python(Expr { span, ..e }))
            }
            "float" => {
                one(args)?;
                if let A::Str(parts) = &args[0].kind {
                    let text = super::decode_string(self.module.source().text(), parts)?;
                    return match parse_python_float(&text) {
                        Some(f) => Ok(Val::python(Expr::constant(
                            Const::Float(f),
                            Type::FLOAT,
                            span,
                        ))),
                        None => error(
                            DiagnosticKind::TypeMismatch,
                            format!("could not convert string to float: `'{text}'`"),
                            args[0].span,
                            "not a number",
                            "write a number Python can read, such as `\"1.5\"` or `\"inf\"`",
                        ),
                    };
                }
                let v = self.value(&args[0])?;
                self.number(&v, name, args[0].span)?;
                let e = self.coerce(Val::strong(v.e), Type::FLOAT)?;
                Ok(Val::python(Expr { span, ..e }))
            }
            "bool" => {
                one(args)?;
                let v = self.value(&args[0])?;
                self.number(&v, name, args[0].span)?;
                let e = self.coerce(v, Type::BOOL)?;
                Ok(Val::python(Expr { span, ..e }))
            }
            "len" => {
                if args.len() == 2 {
                    return error(
                        DiagnosticKind::ArgumentCount,
                        "`len` takes 1 argument but 2 were given",
                        args[1].span,
                        "extra argument",
                        format!(
                            "for the length along an axis, write `{}.shape[{}]`",
                            self.source_text(args[0].span),
                            self.source_text(args[1].span)
                        ),
                    );
                }
                one(args)?;
                let v = self.value(&args[0])?;
                if v.e.ty.as_array().is_none() {
                    return error(
                        DiagnosticKind::TypeMismatch,
                        format!("object of type `{}` has no `len()`", v.e.ty.python_name()),
                        args[0].span,
                        "not an array",
                        "`len` takes an array; to loop `n` times, use `range(n)`",
                    );
                }
                Ok(Val::python(Expr {
                    kind: ExprKind::Len {
                        array: Box::new(v.e),
                        dim: 0,
                    },
                    ty: Type::INT,
                    span,
                }))
            }
            "pow" => {
                if args.len() == 3 {
                    return error(
                        DiagnosticKind::Unsupported,
                        "pyjit does not support `pow` with a modulus",
                        span,
                        "three arguments",
                        "multiply step by step and reduce each product: `r = (r * a) % m`",
                    );
                }
                if args.len() != 2 {
                    return arity_error(
                        name,
                        "2 arguments",
                        args.len(),
                        span,
                        "write `pow(base, exponent)`, or `base ** exponent`",
                    );
                }
                let l = self.value(&args[0])?;
                let r = self.value(&args[1])?;
                self.binary(ast::BinOp::Pow, func_span, l, r, span, &args[1])
            }
            "print" => error(
                DiagnosticKind::Unsupported,
                "`print` returns `None`, which pyjit cannot use as a value",
                span,
                "`print` inside an expression",
                "call `print(...)` on a line of its own",
            ),
            "range" => error(
                DiagnosticKind::Unsupported,
                "pyjit supports `range` only as the iterable of a `for` loop",
                span,
                "`range` used as a value",
                "write `for i in range(...)`",
            ),
            other => {
                let help = match other {
                    "sum" => "write a loop that adds the elements",
                    "enumerate" | "zip" => {
                        "write `for i in range(len(a)):` and use `a[i]` (and `b[i]`)"
                    }
                    "reversed" => "count down with `range(n - 1, -1, -1)`",
                    "list" | "tuple" => "allocate an array with `np.zeros(n)` or `[0.0] * n`",
                    "isinstance" | "type" => "types are fixed at compile time in pyjit",
                    "divmod" => "use `//` and `%`",
                    "any" | "all" => "write a loop that tests the elements",
                    "str" | "repr" | "format" => "print numbers with `print(x)`",
                    "sorted" => "sort in a loop, or before calling the compiled function",
                    _ => {
                        "compiled code can call `abs`, `min`, `max`, `int`, `float`, `bool`, `round`, `len`, `pow`, `range` and `print`"
                    }
                };
                error(
                    DiagnosticKind::Unsupported,
                    format!("pyjit does not support the builtin `{other}`"),
                    func_span,
                    "builtin",
                    help,
                )
            }
        }
    }

    /// `abs(v)` (and `np.abs`): the type of `v`, with a `bool` as an `int`;
    /// weak if `v` is.
    fn abs(&mut self, v: Val, name: &str, arg_span: Span, span: Span) -> CResult<Val> {
        let s = self.number(&v, name, arg_span)?;
        let t = if s == Scalar::Bool { Scalar::Int64 } else { s };
        let (weak, tracked) = (v.weak, v.tracked.clone());
        let arg = self.coerce(v, Type::Scalar(t))?;
        Ok(Val {
            e: builtin_expr(Builtin::Abs, vec![arg], Type::Scalar(t), span),
            weak,
            tracked,
        })
    }

    /// The scalar type of a numeric argument, or an error naming the call.
    fn number(&self, v: &Val, name: &str, span: Span) -> CResult<Scalar> {
        v.e.ty.scalar().ok_or_else(|| {
            Fail::Error(
                Diagnostic::new(
                    DiagnosticKind::TypeMismatch,
                    format!("`{name}` takes a number, not `{}`", v.e.ty.python_name()),
                )
                .with_label(span, format!("`{}`", v.e.ty.python_name()))
                .with_help(if v.e.ty.as_array().is_some() {
                    "apply it to each element in a loop"
                } else {
                    "pass a number"
                }),
            )
        })
    }

    // ------------------------------------------------------------- math

    fn math_call(
        &mut self,
        name: &str,
        func_span: Span,
        args: &'m [ast::Expr],
        keywords: &'m [ast::Keyword],
        span: Span,
    ) -> CResult<Val> {
        let Some(mut func) = math_function(name) else {
            let known = [
                "factorial",
                "gcd",
                "lcm",
                "comb",
                "perm",
                "isclose",
                "prod",
                "fsum",
                "frexp",
                "ldexp",
                "modf",
                "remainder",
                "dist",
                "isqrt",
                "nextafter",
                "ulp",
                "cbrt",
                "exp2",
                "sumprod",
            ];
            if known.contains(&name) {
                return error(
                    DiagnosticKind::Unsupported,
                    format!("pyjit does not support `math.{name}`"),
                    func_span,
                    "math function",
                    "compute it with the supported functions, or outside the compiled function",
                );
            }
            let all = [
                "sqrt", "exp", "expm1", "log", "log2", "log10", "log1p", "pow", "sin", "cos",
                "tan", "asin", "acos", "atan", "atan2", "sinh", "cosh", "tanh", "asinh", "acosh",
                "atanh", "fabs", "floor", "ceil", "trunc", "copysign", "hypot", "fmod", "isnan",
                "isinf", "isfinite", "degrees", "radians", "erf", "erfc", "gamma", "lgamma",
            ];
            let mut diagnostic = Diagnostic::new(
                DiagnosticKind::UnknownName,
                format!("module `math` has no function `{name}`"),
            )
            .with_label(func_span, "unknown");
            if let Some(similar) = closest(name, all) {
                diagnostic = diagnostic.with_help(format!("did you mean `math.{similar}`?"));
            }
            return Err(Fail::Error(diagnostic));
        };
        self.no_keywords(&format!("math.{name}"), keywords)?;
        if func == MathFn::Log && args.len() == 2 {
            func = MathFn::LogBase;
        }
        if args.len() != func.arity() {
            let expected = match func {
                MathFn::Log => "1 or 2 arguments".to_owned(),
                MathFn::Hypot => "2 arguments (pyjit supports the two-argument form)".to_owned(),
                f => format!("{} argument{}", f.arity(), plural(f.arity())),
            };
            return arity_error(
                &format!("math.{name}"),
                &expected,
                args.len(),
                span,
                format!("call it as `math.{}`", math_signature(func)),
            );
        }
        let values = self.values(args)?;
        let mut converted = Vec::with_capacity(values.len());
        let mut integral_identity = None;
        for (v, arg) in values.into_iter().zip(args) {
            let s = self.number(&v, &format!("math.{name}"), arg.span)?;
            // `math.floor` of an int is that int.
            if matches!(func, MathFn::Floor | MathFn::Ceil | MathFn::Trunc) && s.is_integral() {
                integral_identity = Some(self.coerce(v, Type::INT)?);
                continue;
            }
            converted.push(self.coerce(v, Type::FLOAT)?);
        }
        if let Some(e) = integral_identity {
            return Ok(Val::python(Expr { span, ..e }));
        }
        let ty = match func {
            MathFn::Floor | MathFn::Ceil | MathFn::Trunc => Type::INT,
            MathFn::Isnan | MathFn::Isinf | MathFn::Isfinite => Type::BOOL,
            _ => Type::FLOAT,
        };
        Ok(Val::python(Expr {
            kind: ExprKind::Math {
                func,
                args: converted,
            },
            ty,
            span,
        }))
    }

    // ------------------------------------------------------------- numpy

    fn numpy_call(
        &mut self,
        name: &str,
        func_span: Span,
        args: &'m [ast::Expr],
        keywords: &'m [ast::Keyword],
        span: Span,
    ) -> CResult<Val> {
        match name {
            "zeros" | "ones" | "empty" => return self.numpy_alloc(name, args, keywords, span),
            "float32" | "float64" | "int32" | "int64" | "bool_" => {
                return self.numpy_convert(name, func_span, args, keywords, span);
            }
            "abs" | "absolute" => {
                self.no_keywords(&format!("np.{name}"), keywords)?;
                if args.len() != 1 {
                    return arity_error(
                        &format!("np.{name}"),
                        "1 argument",
                        args.len(),
                        span,
                        format!("pass one number to `np.{name}`"),
                    );
                }
                // NumPy's result is a NumPy scalar, strong whatever went in.
                let v = self.value(&args[0])?;
                let v = Val::strong(v.e);
                return self.abs(v, name, args[0].span, span);
            }
            _ => {}
        }
        let Some(func) = numpy_function(name) else {
            let help = match name {
                "erf" | "erfc" | "gamma" | "lgamma" => format!("NumPy has no `{name}`; use `math.{name}`"),
                "sum" | "dot" | "mean" | "max" | "min" | "prod" | "cumsum" => "write a loop over the elements".to_owned(),
                "array" | "arange" | "linspace" | "zeros_like" | "ones_like" | "empty_like" | "full" | "copy" => {
                    "allocate with `np.zeros(n)` and fill it in a loop".to_owned()
                }
                _ => "compiled code supports NumPy's scalar math functions and `np.zeros`, `np.ones`, `np.empty`".to_owned(),
            };
            return error(
                DiagnosticKind::Unsupported,
                format!("pyjit does not support `np.{name}`"),
                func_span,
                "numpy function",
                help,
            );
        };
        self.no_keywords(&format!("np.{name}"), keywords)?;
        if args.len() != func.arity() {
            return arity_error(
                &format!("np.{name}"),
                &format!("{} argument{}", func.arity(), plural(func.arity())),
                args.len(),
                span,
                format!(
                    "pass {} number{} to `np.{name}`",
                    func.arity(),
                    plural(func.arity())
                ),
            );
        }
        let values = self.values(args)?;
        let mut t: Option<(Scalar, bool)> = None;
        for (v, arg) in values.iter().zip(args) {
            let s = self.number(v, &format!("np.{name}"), arg.span)?;
            if s == Scalar::Bool {
                return error(
                    DiagnosticKind::TypeMismatch,
                    format!("pyjit does not apply `np.{name}` to a `bool`"),
                    arg.span,
                    "`bool`",
                    "NumPy computes this in float16 for a bool; convert with `float(b)` first",
                );
            }
            // NumPy computes integer inputs in float64.
            let s = if s.is_integral() { Scalar::Float64 } else { s };
            t = Some(match t {
                None => (s, v.weak),
                Some((acc, weak)) => Scalar::promote_weak(acc, weak, s, v.weak),
            });
        }
        // With only integers NumPy keeps an integer type for these (and
        // raises for a negative integer power); pyjit computes them on floats.
        if matches!(
            func,
            MathFn::Floor | MathFn::Ceil | MathFn::Trunc | MathFn::Fmod | MathFn::Pow
        ) && let Some(last) = values.last()
            && values
                .iter()
                .all(|v| v.e.ty.scalar().is_some_and(Scalar::is_integral))
        {
            return error(
                DiagnosticKind::TypeMismatch,
                format!(
                    "pyjit applies `np.{name}` to floats; with only integers NumPy gives an integer"
                ),
                last.e.span,
                format!("`{}`", last.e.ty.python_name()),
                match func {
                    MathFn::Pow => {
                        "for an integer power write `x ** y`; for a float one pass a float, such as `float(x)`"
                    }
                    MathFn::Fmod => "pass a float, such as `float(x)`",
                    _ => "an integer is already whole: drop the call, or pass `float(x)`",
                },
            );
        }
        let (t, _) = t.expect("every numpy function takes an argument");
        let mut converted = Vec::with_capacity(values.len());
        for v in values {
            converted.push(self.coerce(v, Type::Scalar(t))?);
        }
        let ty = match func {
            MathFn::Isnan | MathFn::Isinf | MathFn::Isfinite => Type::BOOL,
            _ => Type::Scalar(t),
        };
        Ok(Val::strong(Expr {
            kind: ExprKind::NumPy {
                func,
                args: converted,
            },
            ty,
            span,
        }))
    }

    fn numpy_convert(
        &mut self,
        name: &str,
        _func_span: Span,
        args: &'m [ast::Expr],
        keywords: &'m [ast::Keyword],
        span: Span,
    ) -> CResult<Val> {
        self.no_keywords(&format!("np.{name}"), keywords)?;
        if args.len() != 1 {
            return arity_error(
                &format!("np.{name}"),
                "1 argument",
                args.len(),
                span,
                format!("pass one number to `np.{name}`"),
            );
        }
        let to = numpy_dtype(name).expect("the caller matched a dtype");
        let v = self.value(&args[0])?;
        let s = self.number(&v, &format!("np.{name}"), args[0].span)?;
        if to.is_integral() && to != Scalar::Bool && s.is_float() {
            return error(
                DiagnosticKind::TypeMismatch,
                format!("pyjit does not convert floats with `np.{name}`"),
                args[0].span,
                "float argument",
                format!(
                    "use `int({})`, which truncates and checks the range",
                    self.source_text(args[0].span)
                ),
            );
        }
        // `np.int32(2**31)` raises `OverflowError` when it runs, as NumPy's
        // does: a constant out of range is converted then, not folded now.
        if to == Scalar::Int32
            && let ExprKind::Const(Const::Int(i)) = v.e.kind
            && i32::try_from(i).is_err()
        {
            return Ok(Val::strong(Expr {
                kind: ExprKind::Convert(Box::new(v.e)),
                ty: Type::Scalar(to),
                span,
            }));
        }
        let e = self.coerce(Val::strong(v.e), Type::Scalar(to))?;
        Ok(Val::strong(Expr { span, ..e }))
    }

    fn numpy_alloc(
        &mut self,
        name: &str,
        args: &'m [ast::Expr],
        keywords: &'m [ast::Keyword],
        span: Span,
    ) -> CResult<Val> {
        if args.is_empty() || args.len() > 2 {
            return arity_error(
                &format!("np.{name}"),
                "a shape and an optional dtype",
                args.len(),
                span,
                format!(
                    "write `np.{name}(n)`, `np.{name}((n, m))` or `np.{name}(n, dtype=np.float32)`"
                ),
            );
        }
        let mut dtype_expr = args.get(1);
        for keyword in keywords {
            match keyword.name.as_ref().map(|n| n.name.as_str()) {
                Some("dtype") if dtype_expr.is_none() => dtype_expr = Some(&keyword.value),
                _ => {
                    return error(
                        DiagnosticKind::Unsupported,
                        format!("pyjit supports `np.{name}(shape, dtype=...)` only"),
                        keyword.span,
                        "keyword argument",
                        "give the shape first and the dtype second: `np.zeros(n, dtype=np.float32)`",
                    );
                }
            }
        }
        let elem = match dtype_expr {
            None => Scalar::Float64,
            Some(d) => self.dtype(d)?,
        };
        let shape = &args[0];
        let dim_asts: Vec<&ast::Expr> = match &shape.kind {
            A::Tuple(items) => items.iter().collect(),
            _ => vec![shape],
        };
        if dim_asts.is_empty() || dim_asts.len() > 2 {
            return error(
                DiagnosticKind::Unsupported,
                "pyjit supports arrays of 1 or 2 dimensions",
                shape.span,
                format!("{} dimensions", dim_asts.len()),
                "use a 1-D or a 2-D array",
            );
        }
        let mut dims = Vec::with_capacity(dim_asts.len());
        for d in dim_asts {
            let v = self.value(d)?;
            dims.push(self.index_value(v, d.span, "an array dimension")?);
        }
        let fill = match name {
            "zeros" => Fill::Zeros,
            "ones" => Fill::Ones,
            _ => Fill::Uninit,
        };
        let ndim = dims.len() as u8;
        Ok(Val::strong(Expr {
            kind: ExprKind::Alloc {
                elem,
                dims,
                fill,
                allocator: Allocator::NumPy,
            },
            ty: Type::array(elem, ndim),
            span,
        }))
    }

    /// A `dtype=` value: `np.float32`, `float`, `"int64"`.
    fn dtype(&self, e: &ast::Expr) -> CResult<Scalar> {
        let found = match &e.kind {
            A::Name(n) if self.local(n).is_none() => {
                match (resolve_global(self.module, n), n.as_str()) {
                    (Global::Builtin, "float") => Some(Scalar::Float64),
                    (Global::Builtin, "int") => Some(Scalar::Int64),
                    (Global::Builtin, "bool") => Some(Scalar::Bool),
                    (Global::Imported { module, attr }, _) if module == "numpy" => {
                        numpy_dtype(&attr)
                    }
                    _ => None,
                }
            }
            A::Attribute { value, attr } => match &value.kind {
                A::Name(m)
                    if matches!(
                        resolve_global(self.module, m),
                        Global::Module(ModuleRef::Numpy)
                    ) =>
                {
                    numpy_dtype(&attr.name)
                }
                _ => None,
            },
            A::Str(parts) => super::decode_string(self.module.source().text(), parts)
                .ok()
                .and_then(|s| numpy_dtype(&s)),
            _ => None,
        };
        found.ok_or_else(|| {
            Fail::Error(
                Diagnostic::new(
                    DiagnosticKind::Unsupported,
                    "pyjit does not support this dtype",
                )
                .with_label(e.span, "dtype")
                .with_help("use `np.float64`, `np.float32`, `np.int64`, `np.int32` or `np.bool_`"),
            )
        })
    }
}

fn builtin_expr(func: Builtin, args: Vec<Expr>, ty: Type, span: Span) -> Expr {
    Expr {
        kind: ExprKind::Builtin { func, args },
        ty,
        span,
    }
}

/// `float(s)` of a string literal, as Python parses it: surrounding
/// whitespace, `_` between digits, `inf`/`infinity`/`nan` in any case.
fn parse_python_float(text: &str) -> Option<f64> {
    let t = text.trim();
    let (sign, body) = match t.as_bytes().first() {
        Some(b'-') => (-1.0, &t[1..]),
        Some(b'+') => (1.0, &t[1..]),
        _ => (1.0, t),
    };
    let lower = body.to_ascii_lowercase();
    if lower == "inf" || lower == "infinity" {
        return Some(sign * f64::INFINITY);
    }
    if lower == "nan" {
        return Some(f64::NAN.copysign(sign));
    }
    let bytes = body.as_bytes();
    let underscores_ok = bytes.iter().enumerate().all(|(i, &c)| {
        c != b'_'
            || (i > 0
                && bytes[i - 1].is_ascii_digit()
                && bytes.get(i + 1).is_some_and(u8::is_ascii_digit))
    });
    let cleaned: String = body.chars().filter(|&c| c != '_').collect();
    let chars_ok = cleaned
        .bytes()
        .all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'E' | b'+' | b'-'));
    if !(underscores_ok && chars_ok && cleaned.bytes().any(|c| c.is_ascii_digit())) {
        return None;
    }
    cleaned.parse::<f64>().ok().map(|f| sign * f)
}

#[cfg(test)]
mod tests {
    use super::parse_python_float;

    #[test]
    fn float_of_strings_reads_as_python() {
        assert_eq!(parse_python_float(" -inf "), Some(f64::NEG_INFINITY));
        assert_eq!(parse_python_float("Infinity"), Some(f64::INFINITY));
        assert!(parse_python_float("nan").unwrap().is_nan());
        assert_eq!(parse_python_float("1_000.5"), Some(1000.5));
        assert_eq!(parse_python_float("007"), Some(7.0));
        assert_eq!(parse_python_float("1e3"), Some(1000.0));
        assert_eq!(parse_python_float("abc"), None);
        assert_eq!(parse_python_float("1__0"), None);
        assert_eq!(parse_python_float(""), None);
    }
}
