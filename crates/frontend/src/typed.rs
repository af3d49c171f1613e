//! The typed program: what the frontend hands to both compiler tiers.
//!
//! Every expression carries its type, and every rule of the language has
//! been applied: promotions and weak literals are resolved, and every
//! implicit conversion is an explicit [`ExprKind::Convert`], so a backend
//! never decides a type rule itself. What remains for a backend is each
//! operation's *runtime* meaning (Python's floor division, bounds checks,
//! domain errors), documented on the operation and implemented once in the
//! shared C prelude.
//!
//! Architecture invariants:
//! - Evaluation order is the order of fields: every node evaluates its
//!   children in the order they are declared, which is Python's order (for
//!   [`StmtKind::Store`], the value before the array and its indices).
//! - The operands of [`ExprKind::Binary`] have the same type, except that
//!   `Div` of two `int64` gives `float64`. The operands of
//!   [`ExprKind::Compare`] have the same type, except `int64` against
//!   `float64`, which compares exactly (as Python compares `int` with
//!   `float`).
//! - Conditions (`if`, `while`, `assert`, the operand of `not`) are `bool`.
//! - Array indices are `int64`; range bounds are `int64`.
//! - The first function is the entry; calls refer to functions by index.

use std::fmt::{self, Write};
use std::sync::Arc;

use crate::source::{SourceFile, Span};
use crate::types::{Scalar, Type};

pub use crate::ast::{CmpOp, UnaryOp};

/// A compiled function and every function it reaches, each specialized for
/// the argument types it is called with.
#[derive(Clone, Debug)]
pub struct Program {
    /// The file the functions come from.
    pub source: Arc<SourceFile>,
    /// The functions; the first is the entry.
    pub functions: Vec<Function>,
}

impl Program {
    /// The function asked for.
    pub fn entry(&self) -> &Function {
        &self.functions[0]
    }

    /// The function with this id.
    pub fn function(&self, id: FuncId) -> &Function {
        &self.functions[id.0 as usize]
    }

    /// For each function, whether it is part of a call cycle (and so needs
    /// the recursion guard): by reachability, as programs are small.
    pub fn recursive_functions(&self) -> Vec<bool> {
        let n = self.functions.len();
        let calls: Vec<Vec<usize>> = self
            .functions
            .iter()
            .map(|f| {
                let mut out = Vec::new();
                for stmt in &f.body {
                    collect_calls_stmt(stmt, &mut out);
                }
                out.sort_unstable();
                out.dedup();
                out
            })
            .collect();
        (0..n)
            .map(|start| {
                // Is `start` reachable from its own callees?
                let mut seen = vec![false; n];
                let mut stack: Vec<usize> = calls[start].clone();
                while let Some(f) = stack.pop() {
                    if f == start {
                        return true;
                    }
                    if !std::mem::replace(&mut seen[f], true) {
                        stack.extend(&calls[f]);
                    }
                }
                false
            })
            .collect()
    }
}

fn collect_calls_stmt(stmt: &Stmt, out: &mut Vec<usize>) {
    crate::stack::ensure_sufficient_stack(|| {
        let (exprs, blocks) = stmt.parts();
        for e in exprs {
            collect_calls_expr(e, out);
        }
        for block in blocks {
            for s in block {
                collect_calls_stmt(s, out);
            }
        }
    });
}

fn collect_calls_expr(e: &Expr, out: &mut Vec<usize>) {
    crate::stack::ensure_sufficient_stack(|| {
        if let ExprKind::Call { func, .. } = &e.kind {
            out.push(func.0 as usize);
        }
        for child in e.children() {
            collect_calls_expr(child, out);
        }
    });
}

/// Index of a function in [`Program::functions`].
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub struct FuncId(pub u32);

/// Index of a local in [`Function::locals`].
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub struct LocalId(pub u32);

/// One specialization of a Python function.
#[derive(Clone, Debug)]
pub struct Function {
    /// Its index in the program.
    pub id: FuncId,
    /// The Python name.
    pub name: String,
    /// The parameters, in order (the first locals).
    pub params: Vec<LocalId>,
    /// Parameters, variables, and temporaries the checker introduced.
    pub locals: Vec<Local>,
    /// The return type (`Type::None` for a function without `return value`).
    pub ret: Type,
    /// For each parameter, whether the caller passes a Python number (an
    /// `int`, `float` or `bool` of Python) rather than a NumPy scalar or an
    /// array: NEP 50 treats them differently.
    pub python_params: Vec<bool>,
    /// The body.
    pub body: Vec<Stmt>,
    /// The `def` line.
    pub span: Span,
}

impl Function {
    /// The local with this id.
    pub fn local(&self, id: LocalId) -> &Local {
        &self.locals[id.0 as usize]
    }

    /// The parameter types, in order.
    pub fn param_types(&self) -> Vec<Type> {
        self.params.iter().map(|&p| self.local(p).ty).collect()
    }

    /// `(int64, float64[:]) -> float64`.
    pub fn signature(&self) -> String {
        let params: Vec<String> = self.param_types().iter().map(ToString::to_string).collect();
        format!("({}) -> {}", params.join(", "), self.ret)
    }
}

/// A local variable.
#[derive(Clone, Debug, PartialEq)]
pub struct Local {
    /// The Python name (a temporary is named `$t0`, `$t1`, ...).
    pub name: String,
    /// Its one type in this function.
    pub ty: Type,
    /// Parameter, variable or temporary.
    pub kind: LocalKind,
    /// Where it is first bound.
    pub span: Span,
    /// Whether some read may happen before any assignment; such reads are
    /// [`ExprKind::Local`] with `checked: true` and raise `UnboundLocalError`
    /// when the variable is unbound, so the local needs a flag at run time.
    pub may_be_unbound: bool,
    /// Whether it holds a Python number on some paths and a NumPy scalar on
    /// others, so compiled code tracks which at run time ([`Arith`]).
    /// Assignments to it say what it holds after them
    /// ([`StmtKind::Assign`]); a parameter starts as what the caller passes
    /// ([`Function::python_params`]), a `range` loop variable is a Python
    /// int, a loop variable over an array a NumPy scalar.
    pub tracked: bool,
}

/// What sort of local.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LocalKind {
    /// A parameter.
    Param,
    /// A variable of the source.
    Variable,
    /// A temporary the checker introduced to keep Python's evaluation order
    /// (tuple assignment, chained comparison, `a[i] += v`).
    Temp,
}

/// A statement.
#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    /// What it does.
    pub kind: StmtKind,
    /// The Python statement it comes from.
    pub span: Span,
}

impl Stmt {
    /// The expressions the statement itself evaluates, in order, and the
    /// blocks it holds.
    pub fn parts(&self) -> (Vec<&Expr>, Vec<&[Stmt]>) {
        let mut exprs: Vec<&Expr> = Vec::new();
        let mut blocks: Vec<&[Stmt]> = Vec::new();
        match &self.kind {
            StmtKind::Assign { value, .. } | StmtKind::Expr(value) => exprs.push(value),
            StmtKind::Store {
                value,
                array,
                indices,
                ..
            } => {
                exprs.push(value);
                exprs.push(array);
                exprs.extend(indices);
            }
            StmtKind::If {
                cond,
                then_body,
                else_body,
            } => {
                exprs.push(cond);
                blocks.push(then_body);
                blocks.push(else_body);
            }
            StmtKind::While { cond, body, orelse } => {
                exprs.push(cond);
                blocks.push(body);
                blocks.push(orelse);
            }
            StmtKind::ForRange {
                start,
                stop,
                step,
                body,
                orelse,
                ..
            } => {
                exprs.extend([start, stop, step]);
                blocks.push(body);
                blocks.push(orelse);
            }
            StmtKind::ForEach {
                array,
                body,
                orelse,
                ..
            } => {
                exprs.push(array);
                blocks.push(body);
                blocks.push(orelse);
            }
            StmtKind::Return(value) => exprs.extend(value),
            StmtKind::Assert { cond, .. } => exprs.push(cond),
            StmtKind::Print { items, .. } => exprs.extend(items.iter().filter_map(|i| match i {
                PrintItem::Value(e) => Some(e),
                PrintItem::Text(_) => None,
            })),
            StmtKind::Break | StmtKind::Continue => {}
        }
        (exprs, blocks)
    }
}

/// The statements.
#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    /// `local = value`; `value` has the local's type. For a tracked local
    /// ([`Local::tracked`]), `tracks` says what it holds afterwards: a
    /// NumPy scalar ([`Arith::NumPy`]), a Python number
    /// ([`Arith::Python`]), or whatever the listed locals hold
    /// ([`Arith::Tracked`]).
    Assign {
        /// The variable.
        local: LocalId,
        /// The value.
        value: Expr,
        /// What a tracked local holds afterwards; `None` for the others.
        tracks: Option<Arith>,
    },
    /// `array[indices] = value`; `value` has the element type. Python
    /// evaluates the value first, then the array, then the indices. Indices
    /// are bounds-checked and negative ones count from the end.
    Store {
        /// The value stored.
        value: Expr,
        /// The array.
        array: Expr,
        /// One index per dimension.
        indices: Vec<Expr>,
        /// Written `a[i][j]` rather than `a[i, j]` ([`ExprKind::Load`]).
        chained: bool,
    },
    /// `if cond: then_body else: else_body`.
    If {
        /// A `bool`.
        cond: Expr,
        /// Run when it holds.
        then_body: Vec<Stmt>,
        /// Run otherwise.
        else_body: Vec<Stmt>,
    },
    /// `while cond: body else: orelse`; `orelse` runs when `cond` is false,
    /// not after `break`.
    While {
        /// A `bool`, evaluated before each iteration.
        cond: Expr,
        /// The body.
        body: Vec<Stmt>,
        /// The `else` block.
        orelse: Vec<Stmt>,
    },
    /// `for var in range(start, stop, step)`: the bounds are evaluated once,
    /// in order, before the loop; a zero `step` raises `ValueError: range()
    /// arg 3 must not be zero`; `var` is assigned at the start of each
    /// iteration (assigning it in the body does not change the iteration).
    ForRange {
        /// The loop variable (`int64`).
        var: LocalId,
        /// First value.
        start: Expr,
        /// Bound, not reached.
        stop: Expr,
        /// Step, non-zero.
        step: Expr,
        /// The body.
        body: Vec<Stmt>,
        /// Run when the loop ends without `break`.
        orelse: Vec<Stmt>,
    },
    /// `for var in array` over a 1-D array: index 0, 1, ... of the array
    /// evaluated once before the loop.
    ForEach {
        /// The loop variable, of the element type.
        var: LocalId,
        /// The array.
        array: Expr,
        /// The body.
        body: Vec<Stmt>,
        /// Run when the loop ends without `break`.
        orelse: Vec<Stmt>,
    },
    /// `break`
    Break,
    /// `continue`
    Continue,
    /// `return value`, converted to the function's return type; `None` for
    /// a function that returns `None`.
    Return(Option<Expr>),
    /// `assert cond, message`: raises `AssertionError(message)` when `cond`
    /// is false.
    Assert {
        /// A `bool`.
        cond: Expr,
        /// The message, if any.
        message: Option<String>,
    },
    /// `print(items..., sep=sep, end=end)`: numbers in Python's `str()` form
    /// (`True`, `1.0`, `1e+16`), strings as they are.
    Print {
        /// What to print, in order.
        items: Vec<PrintItem>,
        /// Between items.
        sep: String,
        /// After the last item.
        end: String,
    },
    /// An expression evaluated for its effects (a call, or an operation that
    /// may raise).
    Expr(Expr),
}

/// One argument of `print`.
#[derive(Clone, Debug, PartialEq)]
pub enum PrintItem {
    /// A string literal.
    Text(String),
    /// A number or bool.
    Value(Expr),
}

/// An expression and its type.
#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    /// What it computes.
    pub kind: ExprKind,
    /// Its type.
    pub ty: Type,
    /// The Python source it comes from.
    pub span: Span,
}

/// A constant value (its type is the expression's).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Const {
    /// An `int64` or `int32`.
    Int(i64),
    /// A `float64`, or a `float32` stored exactly as `f64`.
    Float(f64),
    /// A `bool`.
    Bool(bool),
}

/// Whose rules an arithmetic operation follows. CPython computes with
/// Python's rules when both operands are Python numbers, and with NumPy's
/// when a NumPy scalar (an array element, an `np.float32(...)`, a value
/// computed from one) takes part. The two differ only for `/`, `//`, `%`,
/// `**` and the shifts, and for `+` and `*` of two bools; see [`BinOp`].
///
/// Which one applies is known when the program is checked, except for
/// values read from a *tracked* variable ([`Local::tracked`]), assigned
/// Python numbers on some paths and NumPy scalars on others: `s = 0.0`
/// then `s += a[i]` in a loop holds a Python float if the loop never ran.
/// Compiled code keeps a flag for such a variable, and an operation on it
/// follows the rules of what it holds at that moment, as CPython does.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Arith {
    /// Python's `int`, `float` and `bool` arithmetic.
    Python,
    /// NumPy's scalar arithmetic: errors become IEEE results or zeros.
    NumPy,
    /// NumPy's if any of these tracked locals holds a NumPy scalar when the
    /// operation runs, Python's otherwise.
    Tracked(Vec<LocalId>),
}

/// Binary operators on numbers. Where Python's and NumPy's rules differ
/// ([`Arith`]), both are given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinOp {
    /// `+`; integers wrap (deviation 1).
    Add,
    /// `-`; integers wrap.
    Sub,
    /// `*`; integers wrap.
    Mul,
    /// `/`, true division, giving a float. Python: on two `int64` the
    /// correctly rounded quotient, a zero divisor raises
    /// `ZeroDivisionError`. NumPy: both sides converted to the float type
    /// first, IEEE division (`1/0` is `inf`, `0/0` is `nan`).
    Div,
    /// `//`: floors. Python: a zero divisor raises `ZeroDivisionError`.
    /// NumPy: an integer divided by zero gives 0, a float `a / 0`.
    FloorDiv,
    /// `%`: takes the sign of the divisor. Python: a zero divisor raises
    /// `ZeroDivisionError`. NumPy: an integer modulo zero is 0, a float
    /// one NaN.
    Mod,
    /// `**`. On integers: Python's exponent is known non-negative (the
    /// checker types a negative one as a float power); NumPy raises
    /// `ValueError` for a negative exponent. On floats: Python's
    /// `float.__pow__` (`0.0 ** -1` raises `ZeroDivisionError`, overflow
    /// raises `OverflowError`); NumPy's is C's `pow` (`inf`, no errors). A
    /// negative base to a fractional power is NaN in both (deviation 4 for
    /// Python).
    Pow,
    /// `<<` on integers. Python: a negative count raises `ValueError`.
    /// NumPy: a count outside `0..bits` gives 0.
    LShift,
    /// `>>` on integers. Python: a negative count raises `ValueError`.
    /// NumPy: a count outside `0..bits` gives 0, or -1 for a negative
    /// number.
    RShift,
    /// `&` on integers or bools.
    BitAnd,
    /// `|` on integers or bools.
    BitOr,
    /// `^` on integers or bools.
    BitXor,
}

impl BinOp {
    /// The operator as written.
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::BitAnd => "&",
            BinOp::BitOr => "|",
            BinOp::BitXor => "^",
        }
    }
}

/// The `math` functions (Python semantics: domain errors raise) and, with
/// [`ExprKind::NumPy`], the NumPy functions of the same names (NaN instead
/// of errors).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum MathFn {
    Sqrt,
    Exp,
    Expm1,
    Log,
    /// `math.log(x, base)`
    LogBase,
    Log2,
    Log10,
    Log1p,
    Pow,
    Sin,
    Cos,
    Tan,
    Asin,
    Acos,
    Atan,
    Atan2,
    Sinh,
    Cosh,
    Tanh,
    Asinh,
    Acosh,
    Atanh,
    Fabs,
    Floor,
    Ceil,
    Trunc,
    Copysign,
    Hypot,
    Fmod,
    Isnan,
    Isinf,
    Isfinite,
    Degrees,
    Radians,
    Erf,
    Erfc,
    Gamma,
    Lgamma,
}

impl MathFn {
    /// The name in `math`.
    pub fn name(self) -> &'static str {
        use MathFn::*;
        match self {
            Sqrt => "sqrt",
            Exp => "exp",
            Expm1 => "expm1",
            Log | LogBase => "log",
            Log2 => "log2",
            Log10 => "log10",
            Log1p => "log1p",
            Pow => "pow",
            Sin => "sin",
            Cos => "cos",
            Tan => "tan",
            Asin => "asin",
            Acos => "acos",
            Atan => "atan",
            Atan2 => "atan2",
            Sinh => "sinh",
            Cosh => "cosh",
            Tanh => "tanh",
            Asinh => "asinh",
            Acosh => "acosh",
            Atanh => "atanh",
            Fabs => "fabs",
            Floor => "floor",
            Ceil => "ceil",
            Trunc => "trunc",
            Copysign => "copysign",
            Hypot => "hypot",
            Fmod => "fmod",
            Isnan => "isnan",
            Isinf => "isinf",
            Isfinite => "isfinite",
            Degrees => "degrees",
            Radians => "radians",
            Erf => "erf",
            Erfc => "erfc",
            Gamma => "gamma",
            Lgamma => "lgamma",
        }
    }

    /// How many arguments it takes.
    pub fn arity(self) -> usize {
        use MathFn::*;
        match self {
            LogBase | Pow | Atan2 | Copysign | Hypot | Fmod => 2,
            _ => 1,
        }
    }
}

/// Builtins with a runtime meaning of their own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Builtin {
    /// `abs(x)`: integers wrap at the minimum (deviation 1).
    Abs,
    /// `min(a, b, ...)` of numbers of one type: the first of the smallest,
    /// as Python compares (`b < a`), so NaN behaves as in CPython.
    Min,
    /// `max(a, b, ...)`: the first of the largest (`b > a`).
    Max,
    /// `min(array)` of a 1-D array; `ValueError` when it is empty.
    ArrayMin,
    /// `max(array)` of a 1-D array; `ValueError` when it is empty.
    ArrayMax,
    /// `int(x)` of a float: truncates; NaN raises `ValueError`, infinities
    /// and values out of `int64` raise `OverflowError`.
    FloatToInt,
    /// `round(x)` of a float: to the nearest int, ties to even; errors as
    /// `int(x)`.
    Round,
}

/// The expressions.
#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// A constant.
    Const(Const),
    /// A local; `checked` reads raise `UnboundLocalError` if it is unbound.
    Local {
        /// Which.
        id: LocalId,
        /// Whether the read must check that the local is bound.
        checked: bool,
    },
    /// `-x` (numbers), `~x` (integers), `not x` (a `bool` operand).
    Unary {
        /// The operator (never `Pos`, which the checker removes).
        op: UnaryOp,
        /// The operand, of the result type.
        operand: Box<Expr>,
    },
    /// `lhs op rhs`.
    Binary {
        /// The operator.
        op: BinOp,
        /// Python's or NumPy's rules for it.
        arith: Arith,
        /// Left operand.
        lhs: Box<Expr>,
        /// Right operand.
        rhs: Box<Expr>,
    },
    /// `lhs op rhs` giving a `bool`; for a chain `a < b < c` the checker
    /// builds `a < (t := b) and t < c`.
    Compare {
        /// The operator (never `is`, `in`).
        op: CmpOp,
        /// Left operand.
        lhs: Box<Expr>,
        /// Right operand.
        rhs: Box<Expr>,
    },
    /// `lhs and rhs`: `lhs` if it is falsy, else `rhs`. Both have the
    /// result type.
    And(Box<Expr>, Box<Expr>),
    /// `lhs or rhs`: `lhs` if it is truthy, else `rhs`.
    Or(Box<Expr>, Box<Expr>),
    /// `then if cond else otherwise`; `cond` is evaluated first.
    IfExp {
        /// A `bool`.
        cond: Box<Expr>,
        /// Value when true.
        then: Box<Expr>,
        /// Value when false.
        otherwise: Box<Expr>,
    },
    /// A call of a compiled function; arguments have its parameter types.
    Call {
        /// The callee.
        func: FuncId,
        /// The arguments.
        args: Vec<Expr>,
    },
    /// A `math` function: arguments are `float64` (or for `floor`, `ceil`,
    /// `trunc`, `float64` giving `int64`); domain errors raise `ValueError`,
    /// overflows `OverflowError`, as CPython's `math` module does.
    Math {
        /// Which.
        func: MathFn,
        /// The arguments.
        args: Vec<Expr>,
    },
    /// A NumPy function on scalars: arguments of the result type (`float32`
    /// or `float64`; `bool` results for `isnan` and friends); no errors:
    /// NaN or infinity as NumPy gives.
    NumPy {
        /// Which.
        func: MathFn,
        /// The arguments.
        args: Vec<Expr>,
    },
    /// A builtin with a runtime meaning of its own.
    Builtin {
        /// Which.
        func: Builtin,
        /// The arguments.
        args: Vec<Expr>,
    },
    /// A conversion to the expression's type, by the source and target
    /// types: to `bool` is truthiness (`x != 0`); `bool` to a number is 0 or
    /// 1; `int32` to `int64` and `float32` to `float64` are exact; an
    /// integer to a float and `float64` to `float32` round to nearest;
    /// `int64` to `int32` raises `OverflowError` when out of range (NumPy's
    /// rule for Python integers).
    Convert(Box<Expr>),
    /// `array[indices]`, bounds-checked, negative indices from the end.
    Load {
        /// The array.
        array: Box<Expr>,
        /// One `int64` per dimension.
        indices: Vec<Expr>,
        /// Written `a[i][j]` rather than `a[i, j]`. NumPy then takes the
        /// row `a[i]` before evaluating `j`, and an index out of range on
        /// either is reported for axis 0 (of the array, then of the row);
        /// for `a[i, j]` it evaluates both indices first and reports the
        /// axis.
        chained: bool,
    },
    /// `array.shape[dim]`; `len(array)` is dimension 0.
    Len {
        /// The array.
        array: Box<Expr>,
        /// 0 or 1.
        dim: u8,
    },
    /// `array.size`.
    Size(Box<Expr>),
    /// A new array, owned by the caller when returned.
    Alloc {
        /// Element type.
        elem: Scalar,
        /// One `int64` extent per dimension.
        dims: Vec<Expr>,
        /// Initial contents.
        fill: Fill,
        /// Which allocation the program wrote, deciding its errors.
        allocator: Allocator,
    },
    /// Assign `value` to the temporary `local` and give its value.
    SetTemp {
        /// The temporary.
        local: LocalId,
        /// The value.
        value: Box<Expr>,
    },
}

/// Initial contents of a new array.
#[derive(Clone, Debug, PartialEq)]
pub enum Fill {
    /// `np.zeros`, `[0.0] * n`.
    Zeros,
    /// `np.ones`.
    Ones,
    /// `np.empty`: contents unspecified (a backend may zero them).
    Uninit,
    /// `[x] * n` with a non-constant `x`, of the element type.
    Value(Box<Expr>),
}

/// How an array was allocated, which decides the errors allocation raises.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Allocator {
    /// `[0.0] * n`: a negative `n` makes an empty list, and a failed
    /// allocation raises a bare `MemoryError`, as for Python lists.
    List,
    /// `np.zeros`, `np.ones`, `np.empty`: a negative extent raises
    /// `ValueError: negative dimensions are not allowed`, and a failed
    /// allocation NumPy's `MemoryError` naming the size, shape and dtype.
    NumPy,
}

impl Expr {
    /// The direct sub-expressions, in evaluation order.
    pub fn children(&self) -> Vec<&Expr> {
        match &self.kind {
            ExprKind::Const(_) | ExprKind::Local { .. } => Vec::new(),
            ExprKind::Unary { operand, .. } | ExprKind::Convert(operand) => vec![operand],
            ExprKind::Binary { lhs, rhs, .. } | ExprKind::Compare { lhs, rhs, .. } => {
                vec![lhs, rhs]
            }
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
            ExprKind::Load { array, indices, .. } => {
                std::iter::once(&**array).chain(indices).collect()
            }
            ExprKind::Len { array, .. } | ExprKind::Size(array) => vec![array],
            ExprKind::Alloc { dims, fill, .. } => {
                let mut out: Vec<&Expr> = dims.iter().collect();
                if let Fill::Value(v) = fill {
                    out.push(v);
                }
                out
            }
            ExprKind::SetTemp { value, .. } => vec![value],
        }
    }

    /// A constant expression.
    pub fn constant(value: Const, ty: Type, span: Span) -> Expr {
        Expr {
            kind: ExprKind::Const(value),
            ty,
            span,
        }
    }
}

// ---------------------------------------------------------------- printing

/// Print a program as indented pseudo-Python with every type and conversion
/// visible; used by snapshots and `pyjit emit ast`.
impl fmt::Display for Program {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, function) in self.functions.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(
                f,
                "{}",
                FunctionDisplay {
                    program: self,
                    function
                }
            )?;
        }
        Ok(())
    }
}

struct FunctionDisplay<'a> {
    program: &'a Program,
    function: &'a Function,
}

impl fmt::Display for FunctionDisplay<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let func = self.function;
        let params: Vec<String> = func
            .params
            .iter()
            .map(|&p| format!("{}: {}", func.local(p).name, func.local(p).ty))
            .collect();
        writeln!(
            f,
            "def {}#{}({}) -> {}:",
            func.name,
            func.id.0,
            params.join(", "),
            func.ret
        )?;
        let locals: Vec<String> = func
            .locals
            .iter()
            .skip(func.params.len())
            .map(|l| {
                let unbound = if l.may_be_unbound {
                    " (maybe unbound)"
                } else {
                    ""
                };
                format!("{}: {}{}", l.name, l.ty, unbound)
            })
            .collect();
        if !locals.is_empty() {
            writeln!(f, "    # locals: {}", locals.join(", "))?;
        }
        let mut printer = Printer {
            program: self.program,
            func,
            out: String::new(),
        };
        printer.block(&func.body, 1);
        f.write_str(&printer.out)
    }
}

struct Printer<'a> {
    program: &'a Program,
    func: &'a Function,
    out: String,
}

impl Printer<'_> {
    fn line(&mut self, depth: usize, text: &str) {
        for _ in 0..depth {
            self.out.push_str("    ");
        }
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn block(&mut self, stmts: &[Stmt], depth: usize) {
        if stmts.is_empty() {
            self.line(depth, "pass");
        }
        for stmt in stmts {
            self.stmt(stmt, depth);
        }
    }

    fn stmt(&mut self, stmt: &Stmt, depth: usize) {
        crate::stack::ensure_sufficient_stack(|| self.stmt_unguarded(stmt, depth));
    }

    fn stmt_unguarded(&mut self, stmt: &Stmt, depth: usize) {
        match &stmt.kind {
            StmtKind::Assign {
                local,
                value,
                tracks,
            } => {
                let mut text = format!("{} = {}", self.func.local(*local).name, self.expr(value));
                if let Some(tracks) = tracks {
                    text.push_str(&format!("  # holds {}", self.flavor(tracks)));
                }
                self.line(depth, &text);
            }
            StmtKind::Store {
                value,
                array,
                indices,
                chained,
            } => {
                let text = format!(
                    "{}{} = {}",
                    self.expr(array),
                    self.indices(indices, *chained),
                    self.expr(value)
                );
                self.line(depth, &text);
            }
            StmtKind::If {
                cond,
                then_body,
                else_body,
            } => {
                let text = format!("if {}:", self.expr(cond));
                self.line(depth, &text);
                self.block(then_body, depth + 1);
                if !else_body.is_empty() {
                    self.line(depth, "else:");
                    self.block(else_body, depth + 1);
                }
            }
            StmtKind::While { cond, body, orelse } => {
                let text = format!("while {}:", self.expr(cond));
                self.line(depth, &text);
                self.block(body, depth + 1);
                self.orelse(orelse, depth);
            }
            StmtKind::ForRange {
                var,
                start,
                stop,
                step,
                body,
                orelse,
            } => {
                let text = format!(
                    "for {} in range({}, {}, {}):",
                    self.func.local(*var).name,
                    self.expr(start),
                    self.expr(stop),
                    self.expr(step)
                );
                self.line(depth, &text);
                self.block(body, depth + 1);
                self.orelse(orelse, depth);
            }
            StmtKind::ForEach {
                var,
                array,
                body,
                orelse,
            } => {
                let text = format!(
                    "for {} in {}:",
                    self.func.local(*var).name,
                    self.expr(array)
                );
                self.line(depth, &text);
                self.block(body, depth + 1);
                self.orelse(orelse, depth);
            }
            StmtKind::Break => self.line(depth, "break"),
            StmtKind::Continue => self.line(depth, "continue"),
            StmtKind::Return(None) => self.line(depth, "return"),
            StmtKind::Return(Some(value)) => {
                let text = format!("return {}", self.expr(value));
                self.line(depth, &text);
            }
            StmtKind::Assert { cond, message } => {
                let mut text = format!("assert {}", self.expr(cond));
                if let Some(message) = message {
                    let _ = write!(text, ", {message:?}");
                }
                self.line(depth, &text);
            }
            StmtKind::Print { items, sep, end } => {
                let items: Vec<String> = items
                    .iter()
                    .map(|item| match item {
                        PrintItem::Text(text) => format!("{text:?}"),
                        PrintItem::Value(e) => self.expr(e),
                    })
                    .collect();
                let mut args = items;
                args.push(format!("sep={sep:?}"));
                args.push(format!("end={end:?}"));
                let text = format!("print({})", args.join(", "));
                self.line(depth, &text);
            }
            StmtKind::Expr(e) => {
                let text = self.expr(e);
                self.line(depth, &text);
            }
        }
    }

    fn orelse(&mut self, orelse: &[Stmt], depth: usize) {
        if !orelse.is_empty() {
            self.line(depth, "else:");
            self.block(orelse, depth + 1);
        }
    }

    /// `s or t` for the locals of [`Arith::Tracked`].
    fn tracked_names(&self, arith: &Arith) -> String {
        match arith {
            Arith::Tracked(locals) => {
                let names: Vec<&str> = locals
                    .iter()
                    .map(|&l| self.func.local(l).name.as_str())
                    .collect();
                names.join(" or ")
            }
            _ => String::new(),
        }
    }

    /// What a value is: `python`, `numpy`, or `numpy if s or t`.
    fn flavor(&self, arith: &Arith) -> String {
        match arith {
            Arith::Python => "python".to_owned(),
            Arith::NumPy => "numpy".to_owned(),
            Arith::Tracked(_) => format!("numpy if {}", self.tracked_names(arith)),
        }
    }

    /// `[i, j]`, or `[i][j]` for chained indexing.
    fn indices(&self, indices: &[Expr], chained: bool) -> String {
        if chained {
            indices
                .iter()
                .map(|i| format!("[{}]", self.expr(i)))
                .collect()
        } else {
            format!("[{}]", self.list(indices))
        }
    }

    fn list(&self, exprs: &[Expr]) -> String {
        exprs
            .iter()
            .map(|e| self.expr(e))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// An expression, fully parenthesized, with `:type` after every
    /// operation so the types the checker chose are visible.
    fn expr(&self, e: &Expr) -> String {
        crate::stack::ensure_sufficient_stack(|| self.expr_unguarded(e))
    }

    fn expr_unguarded(&self, e: &Expr) -> String {
        match &e.kind {
            ExprKind::Const(c) => match c {
                Const::Int(v) => format!("{v}:{}", e.ty),
                Const::Float(v) => format!("{}:{}", crate::pyops::float_repr(*v), e.ty),
                Const::Bool(v) => {
                    if *v {
                        "True".into()
                    } else {
                        "False".into()
                    }
                }
            },
            ExprKind::Local { id, checked } => {
                let name = &self.func.local(*id).name;
                if *checked {
                    format!("{name}?")
                } else {
                    name.clone()
                }
            }
            ExprKind::Unary { op, operand } => {
                let sep = if *op == UnaryOp::Not { " " } else { "" };
                format!("({}{sep}{}):{}", op.symbol(), self.expr(operand), e.ty)
            }
            ExprKind::Binary {
                op,
                arith,
                lhs,
                rhs,
            } => {
                // NumPy's rules are marked where they differ from Python's.
                let differs = matches!(
                    op,
                    BinOp::Div
                        | BinOp::FloorDiv
                        | BinOp::Mod
                        | BinOp::Pow
                        | BinOp::LShift
                        | BinOp::RShift
                );
                let marker = match arith {
                    Arith::NumPy if differs => "np".to_owned(),
                    Arith::Tracked(_) if differs => {
                        format!("[np if {}]", self.tracked_names(arith))
                    }
                    _ => String::new(),
                };
                format!(
                    "{marker}({} {} {}):{}",
                    self.expr(lhs),
                    op.symbol(),
                    self.expr(rhs),
                    e.ty
                )
            }
            ExprKind::Compare { op, lhs, rhs } => {
                format!("({} {} {})", self.expr(lhs), op.symbol(), self.expr(rhs))
            }
            ExprKind::And(a, b) => format!("({} and {}):{}", self.expr(a), self.expr(b), e.ty),
            ExprKind::Or(a, b) => format!("({} or {}):{}", self.expr(a), self.expr(b), e.ty),
            ExprKind::IfExp {
                cond,
                then,
                otherwise,
            } => format!(
                "({} if {} else {}):{}",
                self.expr(then),
                self.expr(cond),
                self.expr(otherwise),
                e.ty
            ),
            ExprKind::Call { func, args } => {
                let callee = self.program.function(*func);
                format!("{}#{}({}):{}", callee.name, func.0, self.list(args), e.ty)
            }
            ExprKind::Math { func, args } => {
                format!("math.{}({}):{}", func.name(), self.list(args), e.ty)
            }
            ExprKind::NumPy { func, args } => {
                format!("np.{}({}):{}", func.name(), self.list(args), e.ty)
            }
            ExprKind::Builtin { func, args } => {
                let name = match func {
                    Builtin::Abs => "abs",
                    Builtin::Min | Builtin::ArrayMin => "min",
                    Builtin::Max | Builtin::ArrayMax => "max",
                    Builtin::FloatToInt => "int",
                    Builtin::Round => "round",
                };
                format!("{name}({}):{}", self.list(args), e.ty)
            }
            ExprKind::Convert(inner) => format!("{}({})", e.ty, self.expr(inner)),
            ExprKind::Load {
                array,
                indices,
                chained,
            } => {
                format!("{}{}", self.expr(array), self.indices(indices, *chained))
            }
            ExprKind::Len { array, dim } => format!("{}.shape[{dim}]", self.expr(array)),
            ExprKind::Size(array) => format!("{}.size", self.expr(array)),
            ExprKind::Alloc {
                elem,
                dims,
                fill,
                allocator,
            } => {
                let fill = match fill {
                    Fill::Zeros => "zeros".to_owned(),
                    Fill::Ones => "ones".to_owned(),
                    Fill::Uninit => "empty".to_owned(),
                    Fill::Value(v) => format!("full {}", self.expr(v)),
                };
                let allocator = match allocator {
                    Allocator::List => "list",
                    Allocator::NumPy => "numpy",
                };
                format!("alloc[{elem}]({}; {fill}; {allocator})", self.list(dims))
            }
            ExprKind::SetTemp { local, value } => {
                format!("({} := {})", self.func.local(*local).name, self.expr(value))
            }
        }
    }
}
