//! Signatures of compiled functions: what a `def` may look like, what its
//! annotations mean, and how the entry function's parameter types are
//! chosen (LANGUAGE.md: an explicit signature string first, then the
//! annotations, then the types of the call's arguments).

use crate::ast::{self, ExprKind, FunctionDef, ParamKind};
use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::module::Module;
use crate::signature::Signature;
use crate::source::Span;
use crate::types::{Scalar, Type};

use super::names::{Global, ModuleRef, resolve_global};

/// Where the entry function's parameter types come from.
#[derive(Clone, Copy, Debug)]
pub enum SignatureSource<'a> {
    /// An explicit signature string, already parsed; it takes precedence
    /// over everything.
    Explicit(&'a Signature),
    /// The types of the arguments of a call; annotated parameters take the
    /// annotation's type instead (the caller converts the argument).
    Arguments(&'a [Type]),
    /// The annotations alone (every parameter must be annotated).
    Annotations,
}

/// A parameter type as an annotation gives it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Annotated {
    /// A complete type.
    Exact(Type),
    /// `npt.NDArray[dtype]`: the element type, with the number of dimensions
    /// taken from the argument (1 when there is none).
    ArrayOf(Scalar),
}

/// Reject the parts of a `def` pyjit does not compile: default values,
/// `*args`, `**kwargs`, keyword-only parameters, unknown decorators.
pub(crate) fn check_definition(module: &Module, def: &FunctionDef) -> Result<(), Diagnostic> {
    for decorator in &def.decorators {
        check_decorator(decorator)?;
    }
    if def.is_async {
        return Err(Diagnostic::new(
            DiagnosticKind::Unsupported,
            "pyjit does not support `async` functions",
        )
        .with_label(def.header, "async function")
        .with_help("make it an ordinary `def`"));
    }
    for param in &def.params {
        let unsupported = |what: &str, help: &str| {
            Err(Diagnostic::new(
                DiagnosticKind::Unsupported,
                format!("pyjit does not support {what}"),
            )
            .with_label(param.span, "here")
            .with_help(help.to_owned()))
        };
        match param.kind {
            ParamKind::VarArgs => {
                return unsupported(
                    "`*args` parameters",
                    "give each value its own parameter, or take one array",
                );
            }
            ParamKind::VarKeywords => {
                return unsupported(
                    "`**kwargs` parameters",
                    &format!("remove `**{}`", param.name.name),
                );
            }
            ParamKind::KeywordOnly | ParamKind::StarMarker => {
                return unsupported("keyword-only parameters", "make every parameter positional");
            }
            ParamKind::SlashMarker | ParamKind::Normal => {}
        }
        if let Some(default) = &param.default {
            return Err(Diagnostic::new(
                DiagnosticKind::Unsupported,
                "pyjit does not support default parameter values",
            )
            .with_label(default.span, "default value")
            .with_help(format!(
                "remove the default and pass `{}` at every call",
                param.name.name
            )));
        }
    }
    let _ = module;
    Ok(())
}

/// Numba-style decorators are accepted and ignored: `@jit`, `@njit`,
/// `@numba.njit(cache=True)`, `@pyjit.jit`. Any other decorator may change
/// what the function means, so it is an error.
fn check_decorator(decorator: &ast::Expr) -> Result<(), Diagnostic> {
    let target = match &decorator.kind {
        ExprKind::Call { func, .. } => &**func,
        _ => decorator,
    };
    let last = match &target.kind {
        ExprKind::Name(name) => Some(name.as_str()),
        ExprKind::Attribute { attr, .. } => Some(attr.name.as_str()),
        _ => None,
    };
    match last {
        Some("jit" | "njit") => Ok(()),
        _ => Err(Diagnostic::new(
            DiagnosticKind::Unsupported,
            match last {
                Some(name) => format!("pyjit does not know the decorator `{name}`; it may change what the function means"),
                None => "pyjit does not know this decorator; it may change what the function means".to_owned(),
            },
        )
        .with_label(decorator.span, "unknown decorator")
        .with_help("pyjit accepts and ignores `@jit` and `@njit` (from numba or pyjit); remove other decorators from compiled functions")),
    }
}

fn bad_annotation(span: Span, message: &str) -> Diagnostic {
    Diagnostic::new(DiagnosticKind::Signature, message.to_owned()).with_label(span, "annotation")
}

/// The annotations pyjit reads, for help lines.
const ANNOTATION_HELP: &str = "annotate with `int`, `float`, `bool`, `np.float32`, `np.float64`, `np.int32`, `np.int64`, `list[float]`, `list[int]`, `list[list[float]]` or `npt.NDArray[np.float64]`";

/// The type an annotation names.
pub(crate) fn annotation_type(
    module: &Module,
    e: &ast::Expr,
    is_return: bool,
) -> Result<Annotated, Diagnostic> {
    crate::stack::ensure_sufficient_stack(|| annotation_type_unguarded(module, e, is_return))
        .map_err(|d| {
            if d.help().is_empty() {
                d.with_help(ANNOTATION_HELP)
            } else {
                d
            }
        })
}

fn annotation_type_unguarded(
    module: &Module,
    e: &ast::Expr,
    is_return: bool,
) -> Result<Annotated, Diagnostic> {
    let scalar = |s| Ok(Annotated::Exact(Type::Scalar(s)));
    match &e.kind {
        ExprKind::NoneLiteral if is_return => Ok(Annotated::Exact(Type::None)),
        ExprKind::Name(name) => match (resolve_global(module, name), name.as_str()) {
            (Global::Builtin, "int") => scalar(Scalar::Int64),
            (Global::Builtin, "float") => scalar(Scalar::Float64),
            (Global::Builtin, "bool") => scalar(Scalar::Bool),
            (Global::Imported { module: m, attr }, _) if m == "numpy" => numpy_dtype(&attr)
                .map(|s| Annotated::Exact(Type::Scalar(s)))
                .ok_or_else(|| {
                    bad_annotation(
                        e.span,
                        &format!("pyjit does not support the annotation `numpy.{attr}`"),
                    )
                }),
            _ => Err(bad_annotation(
                e.span,
                &format!("pyjit does not know the type `{name}`"),
            )),
        },
        ExprKind::Attribute { value, attr } => match &value.kind {
            ExprKind::Name(m)
                if matches!(resolve_global(module, m), Global::Module(ModuleRef::Numpy)) =>
            {
                numpy_dtype(&attr.name)
                    .map(|s| Annotated::Exact(Type::Scalar(s)))
                    .ok_or_else(|| match attr.name.as_str() {
                        "ndarray" => bad_annotation(
                            e.span,
                            "`np.ndarray` does not say the element type",
                        )
                        .with_help(
                            "write `npt.NDArray[np.float64]` (with `import numpy.typing as npt`)",
                        ),
                        other => bad_annotation(
                            e.span,
                            &format!("pyjit does not support the annotation `np.{other}`"),
                        ),
                    })
            }
            _ => Err(bad_annotation(
                e.span,
                "pyjit does not understand this annotation",
            )),
        },
        ExprKind::Subscript { value, index } => {
            if is_ndarray_alias(module, value) {
                let elem = annotation_type_unguarded(module, index, false)?;
                return match elem {
                    Annotated::Exact(Type::Scalar(s)) => Ok(Annotated::ArrayOf(s)),
                    _ => Err(bad_annotation(
                        index.span,
                        "the element type of an array must be a number type",
                    )),
                };
            }
            match &value.kind {
                ExprKind::Name(name) if name == "list" => {
                    match annotation_type_unguarded(module, index, false)? {
                        Annotated::Exact(Type::Scalar(s)) => {
                            Ok(Annotated::Exact(Type::array(s, 1)))
                        }
                        Annotated::Exact(Type::Array(a)) if a.ndim == 1 => {
                            Ok(Annotated::Exact(Type::array(a.elem, 2)))
                        }
                        _ => Err(bad_annotation(
                            e.span,
                            "pyjit supports `list[T]` and `list[list[T]]` of numbers",
                        )),
                    }
                }
                _ => Err(bad_annotation(
                    e.span,
                    "pyjit does not understand this annotation",
                )),
            }
        }
        ExprKind::Str(_) => Err(bad_annotation(
            e.span,
            "pyjit does not read annotations written as strings",
        )
        .with_help("write the annotation without quotes")),
        _ => Err(bad_annotation(
            e.span,
            "pyjit does not understand this annotation",
        )),
    }
}

fn is_ndarray_alias(module: &Module, e: &ast::Expr) -> bool {
    match &e.kind {
        ExprKind::Attribute { value, attr } if attr.name == "NDArray" => match &value.kind {
            ExprKind::Name(m) => matches!(
                resolve_global(module, m),
                Global::Module(ModuleRef::NumpyTyping)
            ),
            _ => false,
        },
        ExprKind::Name(name) => {
            matches!(resolve_global(module, name), Global::Imported { module: m, attr } if m == "numpy.typing" && attr == "NDArray")
        }
        _ => false,
    }
}

/// The scalar type of a NumPy dtype name (`float32`, `int64`, `bool_`).
pub(crate) fn numpy_dtype(name: &str) -> Option<Scalar> {
    Some(match name {
        "float64" | "double" | "float_" => Scalar::Float64,
        "float32" | "single" => Scalar::Float32,
        "int64" | "intp" | "int_" => Scalar::Int64,
        "int32" | "intc" => Scalar::Int32,
        "bool_" | "bool" => Scalar::Bool,
        _ => return None,
    })
}

/// Whether a value of type `from` may be passed for a parameter annotated
/// `to` (the caller converts it): any number to a number, except a float to
/// an integer or a number to `bool`, which would lose information; arrays
/// only of the same element type, since they are shared, not copied.
fn argument_fits(from: Type, to: Type) -> bool {
    match (from, to) {
        (Type::Scalar(f), Type::Scalar(t)) => {
            f == t || (t != Scalar::Bool && (t.is_float() || !f.is_float()))
        }
        (a, b) => a == b,
    }
}

/// Choose the entry function's parameter types.
pub fn resolve_signature(
    module: &Module,
    name: &str,
    source: SignatureSource<'_>,
) -> Result<Signature, Diagnostic> {
    let def = module.function(name)?;
    let with_source = |d: Diagnostic| d.or_source(module.source());
    check_definition(module, def).map_err(with_source)?;
    let params: Vec<&ast::Param> = def
        .params
        .iter()
        .filter(|p| p.kind != ParamKind::SlashMarker)
        .collect();
    match source {
        SignatureSource::Explicit(signature) => {
            if signature.params.len() != params.len() {
                return Err(with_source(
                    Diagnostic::new(
                        DiagnosticKind::Signature,
                        format!(
                            "the signature `{signature}` has {} parameter type{} but `{name}` takes {} parameter{}",
                            signature.params.len(),
                            plural(signature.params.len()),
                            params.len(),
                            plural(params.len())
                        ),
                    )
                    .with_label(params_span(def), format!("{} parameter{}", params.len(), plural(params.len())))
                    .with_help("give one type per parameter"),
                ));
            }
            Ok(signature.clone())
        }
        SignatureSource::Arguments(args) => {
            if args.len() != params.len() {
                return Err(with_source(
                    Diagnostic::new(
                        DiagnosticKind::ArgumentCount,
                        format!(
                            "`{name}` takes {} argument{} but {} {} given",
                            params.len(),
                            plural(params.len()),
                            args.len(),
                            if args.len() == 1 { "was" } else { "were" }
                        ),
                    )
                    .with_label(
                        params_span(def),
                        format!("{} parameter{}", params.len(), plural(params.len())),
                    )
                    .with_help("pass one argument per parameter"),
                ));
            }
            let mut types = Vec::with_capacity(args.len());
            for (param, &arg) in params.iter().zip(args) {
                let Some(annotation) = &param.annotation else {
                    types.push(arg);
                    continue;
                };
                let wanted =
                    match annotation_type(module, annotation, false).map_err(with_source)? {
                        Annotated::Exact(t) => t,
                        Annotated::ArrayOf(elem) => match arg {
                            Type::Array(a) => Type::array(elem, a.ndim),
                            _ => Type::array(elem, 1),
                        },
                    };
                if !argument_fits(arg, wanted) {
                    return Err(with_source(
                        Diagnostic::new(
                            DiagnosticKind::Signature,
                            format!(
                                "argument `{}` is annotated `{}` but was given `{}`",
                                param.name.name,
                                wanted.python_name(),
                                arg.python_name()
                            ),
                        )
                        .with_label(annotation.span, "annotated here")
                        .with_help("pass a value of the annotated type, or change the annotation"),
                    ));
                }
                types.push(wanted);
            }
            Ok(Signature {
                params: types,
                ret: None,
            })
        }
        SignatureSource::Annotations => {
            let mut types = Vec::with_capacity(params.len());
            for param in params {
                let Some(annotation) = &param.annotation else {
                    return Err(with_source(
                        Diagnostic::new(
                            DiagnosticKind::Signature,
                            format!("cannot tell the type of parameter `{}` of `{name}`", param.name.name),
                        )
                        .with_label(param.span, "no annotation")
                        .with_help(format!(
                            "annotate it (`{}: float`), give a signature string, or pass arguments so pyjit can see their types",
                            param.name.name
                        )),
                    ));
                };
                types.push(
                    match annotation_type(module, annotation, false).map_err(with_source)? {
                        Annotated::Exact(t) => t,
                        Annotated::ArrayOf(elem) => Type::array(elem, 1),
                    },
                );
            }
            Ok(Signature {
                params: types,
                ret: None,
            })
        }
    }
}

/// The parameter list of a `def`, for labels about its parameters.
fn params_span(def: &FunctionDef) -> Span {
    match (def.params.first(), def.params.last()) {
        (Some(first), Some(last)) => first.span.cover(last.span),
        _ => def.header,
    }
}

/// `"s"` for a plural count.
pub(crate) fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
