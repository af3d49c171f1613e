//! What a module-level name means to compiled code: a function of the file,
//! a constant, an imported module or function, a Python builtin, or
//! something pyjit does not evaluate (and will say so when it is used).

use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::module::{Imported, ItemKind, Module};
use crate::source::Span;

/// A module known to pyjit.
#[derive(Clone, PartialEq, Eq, Debug)]
pub(crate) enum ModuleRef {
    /// `math`
    Math,
    /// `numpy`
    Numpy,
    /// `numpy.typing`
    NumpyTyping,
    /// Any other module: only its name.
    Other(String),
}

impl ModuleRef {
    pub(crate) fn from_name(name: &str) -> ModuleRef {
        match name {
            "math" => ModuleRef::Math,
            "numpy" => ModuleRef::Numpy,
            "numpy.typing" => ModuleRef::NumpyTyping,
            other => ModuleRef::Other(other.to_owned()),
        }
    }

    pub(crate) fn name(&self) -> &str {
        match self {
            ModuleRef::Math => "math",
            ModuleRef::Numpy => "numpy",
            ModuleRef::NumpyTyping => "numpy.typing",
            ModuleRef::Other(name) => name,
        }
    }
}

/// The meaning of a module-level name.
#[derive(Clone, Debug)]
pub(crate) enum Global {
    /// A `def` of the file (item index).
    Function(usize),
    /// A module constant candidate (item index).
    Constant(usize),
    /// An imported module.
    Module(ModuleRef),
    /// `from module import attr`.
    Imported { module: String, attr: String },
    /// Bound by more than one top-level item.
    Ambiguous(Vec<usize>),
    /// Bound by an item pyjit does not evaluate.
    NotEvaluated(usize),
    /// A Python builtin (no module-level name shadows it).
    Builtin,
    /// Nothing binds it.
    Unknown,
}

/// Resolve a name at module level, Python's way: module bindings shadow
/// builtins.
pub(crate) fn resolve_global(module: &Module, name: &str) -> Global {
    let bindings = module.bindings(name);
    if bindings.len() > 1 {
        if bindings
            .iter()
            .all(|&i| module.item(i).kind == ItemKind::Import)
        {
            return imported(module, name);
        }
        return Global::Ambiguous(bindings.to_vec());
    }
    match bindings.first() {
        Some(&item) => match module.item(item).kind {
            ItemKind::Function => Global::Function(item),
            ItemKind::Assignment => Global::Constant(item),
            ItemKind::Import => imported(module, name),
            _ => Global::NotEvaluated(item),
        },
        None if PYTHON_BUILTINS.contains(&name) => Global::Builtin,
        None => Global::Unknown,
    }
}

fn imported(module: &Module, name: &str) -> Global {
    match module.import(name) {
        Some((Imported::Module(m), _)) => Global::Module(ModuleRef::from_name(m)),
        Some((Imported::Attribute { module, attr }, _)) => {
            // `from numpy import typing` is the module `numpy.typing`.
            if module == "numpy" && attr == "typing" {
                return Global::Module(ModuleRef::NumpyTyping);
            }
            Global::Imported {
                module: module.clone(),
                attr: attr.clone(),
            }
        }
        None => Global::Unknown,
    }
}

/// The value of a float constant of `math` or `numpy` (`pi`, `e`, `tau`,
/// `inf`, `nan`).
pub(crate) fn math_constant(name: &str) -> Option<f64> {
    Some(match name {
        "pi" => std::f64::consts::PI,
        "e" => std::f64::consts::E,
        "tau" => std::f64::consts::TAU,
        "inf" => f64::INFINITY,
        "nan" => f64::NAN,
        _ => return None,
    })
}

/// The diagnostic for a module-level name compiled code cannot use as a
/// value: bound twice, or bound by code pyjit does not run.
pub(crate) fn not_a_constant(
    module: &Module,
    name: &str,
    use_span: Span,
    global: &Global,
) -> Diagnostic {
    match global {
        Global::Ambiguous(items) => {
            let mut diagnostic = Diagnostic::new(
                DiagnosticKind::NonConstantGlobal,
                format!("`{name}` is bound more than once at module level, so pyjit cannot freeze its value"),
            )
            .with_label(use_span, "used here");
            for &item in items {
                let span = module
                    .item(item)
                    .binds
                    .iter()
                    .find(|(n, _)| n == name)
                    .map_or(module.item(item).span, |b| b.1);
                diagnostic = diagnostic.with_secondary(span, "bound here");
            }
            diagnostic.with_help(format!(
                "compiled code sees module-level names as constants: bind `{name}` once, or pass it as an argument"
            ))
        }
        Global::NotEvaluated(item) => {
            let item_ref = module.item(*item);
            let bind_span = item_ref
                .binds
                .iter()
                .find(|(n, _)| n == name)
                .map_or(item_ref.span, |b| b.1);
            let (message, help) = match item_ref.kind {
                ItemKind::Class => (
                    format!("`{name}` is a class; pyjit does not support classes"),
                    "pass the numbers the function needs as arguments".to_owned(),
                ),
                ItemKind::AsyncFunction => (
                    format!("`{name}` is an `async` function; pyjit does not support them"),
                    "make it an ordinary `def`".to_owned(),
                ),
                ItemKind::MainGuard => (
                    format!(
                        "`{name}` is bound only inside `if __name__ == \"__main__\":`, which pyjit does not run"
                    ),
                    format!("pass `{name}` as an argument, or make it a module constant"),
                ),
                ItemKind::AugmentedAssignment => (
                    format!(
                        "`{name}` is changed at module level, so pyjit cannot freeze its value"
                    ),
                    format!("bind `{name}` once, as a constant"),
                ),
                _ => (
                    format!("`{name}` is bound by module-level code that pyjit does not run"),
                    format!(
                        "bind `{name}` once, to a constant, at module level, or pass it as an argument"
                    ),
                ),
            };
            Diagnostic::new(DiagnosticKind::NonConstantGlobal, message)
                .with_label(use_span, "used here")
                .with_secondary(bind_span, "bound here")
                .with_help(help)
        }
        _ => Diagnostic::new(
            DiagnosticKind::NonConstantGlobal,
            format!("`{name}` is not a constant"),
        )
        .with_label(use_span, "used here"),
    }
}

/// The names Python defines in `builtins`; a name in this list and bound
/// nowhere else is a builtin, supported or not.
pub(crate) const PYTHON_BUILTINS: &[&str] = &[
    "abs",
    "aiter",
    "all",
    "anext",
    "any",
    "ascii",
    "bin",
    "bool",
    "breakpoint",
    "bytearray",
    "bytes",
    "callable",
    "chr",
    "classmethod",
    "compile",
    "complex",
    "delattr",
    "dict",
    "dir",
    "divmod",
    "enumerate",
    "eval",
    "exec",
    "exit",
    "filter",
    "float",
    "format",
    "frozenset",
    "getattr",
    "globals",
    "hasattr",
    "hash",
    "help",
    "hex",
    "id",
    "input",
    "int",
    "isinstance",
    "issubclass",
    "iter",
    "len",
    "list",
    "locals",
    "map",
    "max",
    "memoryview",
    "min",
    "next",
    "object",
    "oct",
    "open",
    "ord",
    "pow",
    "print",
    "property",
    "quit",
    "range",
    "repr",
    "reversed",
    "round",
    "set",
    "setattr",
    "slice",
    "sorted",
    "staticmethod",
    "str",
    "sum",
    "super",
    "tuple",
    "type",
    "vars",
    "zip",
    "ArithmeticError",
    "AssertionError",
    "Exception",
    "IndexError",
    "OverflowError",
    "RecursionError",
    "RuntimeError",
    "TypeError",
    "ValueError",
    "ZeroDivisionError",
    "NotImplemented",
    "__name__",
    "__file__",
];
