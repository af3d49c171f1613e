//! The syntax tree, with a span on every node.
//!
//! The tree holds the statements and expressions of LANGUAGE.md in full, and
//! the common Python constructs outside it (comprehensions, `lambda`,
//! `with`, `try`, ...) only as far as the checker needs to reject them by
//! name: their kind and span. It is produced by the LALRPOP grammar from one
//! top-level item at a time.
//!
//! Architecture invariant: expressions are at most [`MAX_EXPR_DEPTH`] deep
//! and statements at most `lexer::MAX_INDENT_DEPTH` deep, so every recursive
//! walk over the tree (checking, lowering, dropping) has a bounded stack.

use crate::source::Span;

/// The deepest expression the parser builds. CPython's own compiler gives up
/// on deep expressions too ("too many nested parentheses", a
/// `RecursionError` during compilation); 200 is CPython's bracket limit.
pub const MAX_EXPR_DEPTH: u32 = 200;

/// The deepest nesting of statements the parser builds (blocks inside
/// blocks, and `elif`s, which nest without indenting). CPython allows 100
/// levels of indentation.
pub const MAX_STMT_DEPTH: u32 = 200;

/// A name with its span.
#[derive(Clone, Debug, PartialEq)]
pub struct Ident {
    /// The name, NFKC-normalised as Python normalises identifiers.
    pub name: String,
    /// Where it is written.
    pub span: Span,
}

/// A statement.
#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    /// What it is.
    pub kind: StmtKind,
    /// The whole statement, from its first token to the end of its last line
    /// (not counting the newline).
    pub span: Span,
    /// Nesting depth: 1 for a simple statement, one more than its deepest
    /// inner statement for a compound one. Bounded by [`MAX_STMT_DEPTH`].
    pub depth: u32,
}

/// The kinds of statement.
#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    /// An expression evaluated for its effect (a call, a docstring).
    Expr(Expr),
    /// `t1 = t2 = value`: one or more targets.
    Assign {
        /// The targets, left to right.
        targets: Vec<Expr>,
        /// The value.
        value: Expr,
    },
    /// `target op= value`.
    AugAssign {
        /// The target.
        target: Expr,
        /// The operator.
        op: BinOp,
        /// Span of the `op=` token.
        op_span: Span,
        /// The value.
        value: Expr,
    },
    /// `target: annotation = value`, value optional.
    AnnAssign {
        /// The target.
        target: Expr,
        /// The annotation.
        annotation: Expr,
        /// The value, if any.
        value: Option<Expr>,
    },
    /// `pass`
    Pass,
    /// `break`
    Break,
    /// `continue`
    Continue,
    /// `return` or `return value`.
    Return(Option<Expr>),
    /// `assert test` or `assert test, message`.
    Assert {
        /// The condition.
        test: Expr,
        /// The message.
        msg: Option<Expr>,
    },
    /// `if test: body` with `elif`s folded into `orelse` as nested `If`s.
    If {
        /// The condition.
        test: Expr,
        /// The block run when it holds.
        body: Vec<Stmt>,
        /// The `else` block (an `elif` is a single nested `If`).
        orelse: Vec<Stmt>,
    },
    /// `while test: body else: orelse`.
    While {
        /// The condition.
        test: Expr,
        /// The loop body.
        body: Vec<Stmt>,
        /// The `else` block, run when the loop ends without `break`.
        orelse: Vec<Stmt>,
    },
    /// `for target in iter: body else: orelse`.
    For {
        /// The loop variable(s).
        target: Expr,
        /// What is iterated.
        iter: Expr,
        /// The loop body.
        body: Vec<Stmt>,
        /// The `else` block.
        orelse: Vec<Stmt>,
        /// `async for`.
        is_async: bool,
    },
    /// A nested `def` (or a top-level one, when a whole item is parsed).
    FunctionDef(Box<FunctionDef>),
    /// `import a.b as c, d`
    Import(Vec<ImportAlias>),
    /// `from module import a as b, c` (or `*`).
    ImportFrom {
        /// The dotted module name; `None` for `from . import x`.
        module: Option<DottedName>,
        /// Leading dots of a relative import.
        level: u32,
        /// The names imported; empty for `*`.
        names: Vec<ImportAlias>,
    },
    /// A statement outside pyjit's language, kept by kind and span so that
    /// it can be rejected by name.
    Unsupported {
        /// Which construct.
        construct: Construct,
        /// The names it binds, where that is easy to know (a `class` or
        /// `global` statement), for diagnostics.
        names: Vec<Ident>,
    },
}

/// `module.sub as alias`.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportAlias {
    /// The dotted name.
    pub name: DottedName,
    /// The `as` name.
    pub alias: Option<Ident>,
    /// The whole clause.
    pub span: Span,
}

/// A dotted name, `numpy.typing`.
#[derive(Clone, Debug, PartialEq)]
pub struct DottedName {
    /// The parts.
    pub parts: Vec<Ident>,
    /// The whole name.
    pub span: Span,
}

impl DottedName {
    /// The name with its dots, `numpy.typing`.
    pub fn dotted(&self) -> String {
        let parts: Vec<&str> = self.parts.iter().map(|p| p.name.as_str()).collect();
        parts.join(".")
    }
}

/// A function definition.
#[derive(Clone, Debug, PartialEq)]
pub struct FunctionDef {
    /// The name.
    pub name: Ident,
    /// The parameters, in order.
    pub params: Vec<Param>,
    /// The `-> annotation`.
    pub returns: Option<Expr>,
    /// The body.
    pub body: Vec<Stmt>,
    /// The decorators, outermost first.
    pub decorators: Vec<Expr>,
    /// `async def`.
    pub is_async: bool,
    /// The `def` line: from the `def` keyword to its colon, for diagnostics
    /// that speak of the function as a whole.
    pub header: Span,
    /// From the first decorator to the end of the body.
    pub span: Span,
}

/// A parameter of a function.
#[derive(Clone, Debug, PartialEq)]
pub struct Param {
    /// The name (for a bare `*` marker, the name is `*`).
    pub name: Ident,
    /// The annotation.
    pub annotation: Option<Expr>,
    /// The default value.
    pub default: Option<Expr>,
    /// Plain, `*args`, `**kwargs`, keyword-only, or a `*` / `/` marker.
    pub kind: ParamKind,
    /// The whole parameter.
    pub span: Span,
}

/// What sort of parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParamKind {
    /// A positional-or-keyword parameter.
    Normal,
    /// `*args`
    VarArgs,
    /// A parameter after `*` or `*args`.
    KeywordOnly,
    /// `**kwargs`
    VarKeywords,
    /// The bare `*` marker.
    StarMarker,
    /// The `/` marker.
    SlashMarker,
}

/// An expression.
#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    /// What it is.
    pub kind: ExprKind,
    /// Where it is written (parentheses around it included).
    pub span: Span,
    /// Nesting depth of this expression: 1 for a leaf. Bounded by
    /// [`MAX_EXPR_DEPTH`].
    pub depth: u32,
}

/// The kinds of expression.
#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// A name.
    Name(String),
    /// An integer literal; `None` when it does not fit in 64 bits unsigned
    /// (the checker reports it).
    Int(Option<u64>),
    /// A float literal.
    Float(f64),
    /// `True` or `False`.
    Bool(bool),
    /// `None`
    NoneLiteral,
    /// `...`
    Ellipsis,
    /// One string literal, or several adjacent ones (implicit concatenation).
    Str(Vec<StrPart>),
    /// `op operand`.
    Unary {
        /// The operator.
        op: UnaryOp,
        /// The operand.
        operand: Box<Expr>,
    },
    /// `lhs op rhs`.
    Binary {
        /// The operator.
        op: BinOp,
        /// Span of the operator token.
        op_span: Span,
        /// Left operand.
        lhs: Box<Expr>,
        /// Right operand.
        rhs: Box<Expr>,
    },
    /// `lhs and rhs`, `lhs or rhs`.
    BoolOp {
        /// `and` or `or`.
        op: BoolOp,
        /// Left operand.
        lhs: Box<Expr>,
        /// Right operand.
        rhs: Box<Expr>,
    },
    /// `a < b <= c`: a first operand and a chain of comparisons.
    Compare {
        /// The first operand.
        first: Box<Expr>,
        /// Each operator with its span and right operand.
        rest: Vec<(CmpOp, Span, Expr)>,
    },
    /// `body if test else orelse`.
    IfExp {
        /// The condition.
        test: Box<Expr>,
        /// Value when true.
        body: Box<Expr>,
        /// Value when false.
        orelse: Box<Expr>,
    },
    /// `func(args, name=value)`.
    Call {
        /// What is called.
        func: Box<Expr>,
        /// Positional arguments (a `*x` is a `Starred` expression).
        args: Vec<Expr>,
        /// Keyword arguments; a `**x` has no name.
        keywords: Vec<Keyword>,
    },
    /// `value.attr`.
    Attribute {
        /// The object.
        value: Box<Expr>,
        /// The attribute.
        attr: Ident,
    },
    /// `value[index]`; `a[i, j]` has a `Tuple` index.
    Subscript {
        /// The object.
        value: Box<Expr>,
        /// The index.
        index: Box<Expr>,
    },
    /// `lower:upper:step` inside a subscript.
    Slice {
        /// Lower bound.
        lower: Option<Box<Expr>>,
        /// Upper bound.
        upper: Option<Box<Expr>>,
        /// Step.
        step: Option<Box<Expr>>,
    },
    /// `(a, b)` or `a, b`.
    Tuple(Vec<Expr>),
    /// `[a, b]`.
    List(Vec<Expr>),
    /// `*value` in a call, display or target.
    Starred(Box<Expr>),
    /// `target := value`.
    NamedExpr {
        /// The name assigned.
        target: Box<Expr>,
        /// The value.
        value: Box<Expr>,
    },
    /// An expression outside pyjit's language, kept by kind only.
    Unsupported(Construct),
}

/// A keyword argument `name=value`, or `**value` when `name` is `None`.
#[derive(Clone, Debug, PartialEq)]
pub struct Keyword {
    /// The keyword.
    pub name: Option<Ident>,
    /// The value.
    pub value: Expr,
    /// The whole argument.
    pub span: Span,
}

/// One string literal token.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StrPart {
    /// String, bytes or f-string.
    pub kind: StrKind,
    /// The token, prefix and quotes included.
    pub span: Span,
}

/// What sort of string literal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StrKind {
    /// `'...'`, `r'...'`, `u'...'`
    Str,
    /// `b'...'`
    Bytes,
    /// `f'...'`
    FStr,
}

/// Unary operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    /// `-x`
    Neg,
    /// `+x`
    Pos,
    /// `~x`
    Invert,
    /// `not x`
    Not,
}

/// Binary arithmetic and bitwise operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinOp {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`
    Div,
    /// `//`
    FloorDiv,
    /// `%`
    Mod,
    /// `**`
    Pow,
    /// `@`
    MatMul,
    /// `<<`
    LShift,
    /// `>>`
    RShift,
    /// `&`
    BitAnd,
    /// `|`
    BitOr,
    /// `^`
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
            BinOp::MatMul => "@",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::BitAnd => "&",
            BinOp::BitOr => "|",
            BinOp::BitXor => "^",
        }
    }
}

impl UnaryOp {
    /// The operator as written.
    pub fn symbol(self) -> &'static str {
        match self {
            UnaryOp::Neg => "-",
            UnaryOp::Pos => "+",
            UnaryOp::Invert => "~",
            UnaryOp::Not => "not",
        }
    }
}

/// `and` / `or`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BoolOp {
    /// `and`
    And,
    /// `or`
    Or,
}

/// Comparison operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CmpOp {
    /// `==`
    Eq,
    /// `!=`
    NotEq,
    /// `<`
    Lt,
    /// `<=`
    LtE,
    /// `>`
    Gt,
    /// `>=`
    GtE,
    /// `is`
    Is,
    /// `is not`
    IsNot,
    /// `in`
    In,
    /// `not in`
    NotIn,
}

impl CmpOp {
    /// The operator as written.
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Eq => "==",
            CmpOp::NotEq => "!=",
            CmpOp::Lt => "<",
            CmpOp::LtE => "<=",
            CmpOp::Gt => ">",
            CmpOp::GtE => ">=",
            CmpOp::Is => "is",
            CmpOp::IsNot => "is not",
            CmpOp::In => "in",
            CmpOp::NotIn => "not in",
        }
    }
}

/// Python constructs the grammar accepts so that the checker can reject them
/// by name with a suggestion, instead of a bare syntax error.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Construct {
    /// `lambda`
    Lambda,
    /// `[x for x in y]`
    ListComp,
    /// `{x for x in y}`
    SetComp,
    /// `{k: v for ...}`
    DictComp,
    /// `(x for x in y)`
    GeneratorExp,
    /// `{k: v}`
    Dict,
    /// `{a, b}`
    Set,
    /// `await x`
    Await,
    /// `yield`, `yield from`
    Yield,
    /// A complex literal `1j`.
    Complex,
    /// `with`
    With,
    /// `try`
    Try,
    /// `raise`
    Raise,
    /// `class`
    Class,
    /// `global`
    Global,
    /// `nonlocal`
    Nonlocal,
    /// `del`
    Del,
    /// `async` statements.
    Async,
}

impl Construct {
    /// The construct in words, for "pyjit does not support ..." messages.
    pub fn describe(self) -> &'static str {
        match self {
            Construct::Lambda => "`lambda` functions",
            Construct::ListComp => "list comprehensions",
            Construct::SetComp => "set comprehensions",
            Construct::DictComp => "dict comprehensions",
            Construct::GeneratorExp => "generator expressions",
            Construct::Dict => "dicts",
            Construct::Set => "sets",
            Construct::Await => "`await`",
            Construct::Yield => "generators (`yield`)",
            Construct::Complex => "complex numbers",
            Construct::With => "`with` statements",
            Construct::Try => "`try` statements",
            Construct::Raise => "`raise`",
            Construct::Class => "classes",
            Construct::Global => "`global` declarations",
            Construct::Nonlocal => "`nonlocal` declarations",
            Construct::Del => "`del`",
            Construct::Async => "`async` functions and statements",
        }
    }

    /// What to write instead.
    pub fn instead(self) -> &'static str {
        match self {
            Construct::Lambda => "define a function at module level with `def`",
            Construct::ListComp => "write a `for` loop that fills an array",
            Construct::SetComp | Construct::Set | Construct::Dict | Construct::DictComp => {
                "use arrays indexed by integers"
            }
            Construct::GeneratorExp => "write a `for` loop that accumulates the result",
            Construct::Await | Construct::Async => "write an ordinary function",
            Construct::Yield => "fill an array and return it",
            Construct::Complex => "keep the real and imaginary parts in two floats",
            Construct::With => "do the work without a context manager",
            Construct::Try => "check the condition first with `if`",
            Construct::Raise => {
                "use `assert condition, \"message\"`, which raises `AssertionError`"
            }
            Construct::Class => {
                "remove the class: keep the values in local variables, or in an array passed in"
            }
            Construct::Global => {
                "module constants are read-only in compiled code: return the new value instead"
            }
            Construct::Nonlocal => "pass the value in and return the new one",
            Construct::Del => "let the variable go out of use; there is nothing to free",
        }
    }
}

impl Expr {
    /// A leaf expression.
    pub fn leaf(kind: ExprKind, span: Span) -> Expr {
        Expr {
            kind,
            span,
            depth: 1,
        }
    }

    /// The direct sub-expressions, in source order.
    pub fn children(&self) -> Vec<&Expr> {
        let mut out = Vec::new();
        match &self.kind {
            ExprKind::Name(_)
            | ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Bool(_)
            | ExprKind::NoneLiteral
            | ExprKind::Ellipsis
            | ExprKind::Str(_)
            | ExprKind::Unsupported(_) => {}
            ExprKind::Unary { operand, .. } => out.push(&**operand),
            ExprKind::Binary { lhs, rhs, .. } | ExprKind::BoolOp { lhs, rhs, .. } => {
                out.push(&**lhs);
                out.push(&**rhs);
            }
            ExprKind::Compare { first, rest } => {
                out.push(&**first);
                out.extend(rest.iter().map(|(_, _, e)| e));
            }
            ExprKind::IfExp { test, body, orelse } => {
                out.push(&**body);
                out.push(&**test);
                out.push(&**orelse);
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                out.push(&**func);
                out.extend(args);
                out.extend(keywords.iter().map(|k| &k.value));
            }
            ExprKind::Attribute { value, .. } => out.push(&**value),
            ExprKind::Subscript { value, index } => {
                out.push(&**value);
                out.push(&**index);
            }
            ExprKind::Slice { lower, upper, step } => {
                out.extend([lower, upper, step].into_iter().flatten().map(|e| &**e));
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => out.extend(items),
            ExprKind::Starred(value) => out.push(&**value),
            ExprKind::NamedExpr { target, value } => {
                out.push(&**target);
                out.push(&**value);
            }
        }
        out
    }
}

impl Stmt {
    /// The direct sub-statements (blocks), in source order.
    pub fn blocks(&self) -> Vec<&[Stmt]> {
        match &self.kind {
            StmtKind::If { body, orelse, .. }
            | StmtKind::While { body, orelse, .. }
            | StmtKind::For { body, orelse, .. } => vec![body, orelse],
            StmtKind::FunctionDef(def) => vec![&def.body],
            _ => Vec::new(),
        }
    }

    /// The expressions directly inside this statement, in source order.
    pub fn exprs(&self) -> Vec<&Expr> {
        match &self.kind {
            StmtKind::Expr(e) => vec![e],
            StmtKind::Assign { targets, value } => targets.iter().chain([value]).collect(),
            StmtKind::AugAssign { target, value, .. } => vec![target, value],
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
            } => [Some(target), Some(annotation), value.as_ref()]
                .into_iter()
                .flatten()
                .collect(),
            StmtKind::Return(value) => value.iter().collect(),
            StmtKind::Assert { test, msg } => {
                [Some(test), msg.as_ref()].into_iter().flatten().collect()
            }
            StmtKind::If { test, .. } | StmtKind::While { test, .. } => vec![test],
            StmtKind::For { target, iter, .. } => vec![target, iter],
            StmtKind::FunctionDef(def) => def
                .decorators
                .iter()
                .chain(
                    def.params
                        .iter()
                        .flat_map(|p| p.annotation.iter().chain(&p.default)),
                )
                .chain(&def.returns)
                .collect(),
            StmtKind::Pass
            | StmtKind::Break
            | StmtKind::Continue
            | StmtKind::Import(_)
            | StmtKind::ImportFrom { .. }
            | StmtKind::Unsupported { .. } => Vec::new(),
        }
    }
}
