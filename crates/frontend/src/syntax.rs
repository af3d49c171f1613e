//! The parser: the LALRPOP grammar run over one item's layout tokens, the
//! node builders its actions call, and the translation of LALRPOP's errors
//! into messages that read like CPython's ("expected an indented block
//! after `if` statement on line 3", "expected `:`").

use lalrpop_util::ParseError;
use unicode_normalization::UnicodeNormalization;

use crate::ast::*;
use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::lexer::Triple;
use crate::source::Span;
use crate::token::Tok;

#[allow(
    clippy::all,
    unused_parens,
    unreachable_pub,
    missing_docs,
    rust_2018_idioms,
    clippy::pedantic
)]
mod grammar {
    include!(concat!(env!("OUT_DIR"), "/grammar.rs"));
}

/// What a fallible grammar action returns.
pub(crate) type PResult<T> = Result<T, ParseError<u32, Tok, Diagnostic>>;

/// Parse the layout tokens of one item (or several) into statements.
pub fn parse_statements(src: &str, tokens: Vec<Triple>) -> Result<Vec<Stmt>, Diagnostic> {
    let parser = grammar::ModuleParser::new();
    let input = tokens.iter().copied().map(Ok::<Triple, Diagnostic>);
    parser
        .parse(src, input)
        .map_err(|error| describe(src, &tokens, error))
}

// ---------------------------------------------------------------- node builders

/// An argument of a call, before positional and keyword ones are separated.
#[derive(Debug)]
pub(crate) enum Arg {
    Positional(Expr),
    Keyword(Keyword),
}

fn user<T>(diagnostic: Diagnostic) -> PResult<T> {
    Err(ParseError::User { error: diagnostic })
}

fn syntax_error(message: impl Into<String>, span: Span, label: impl Into<String>) -> Diagnostic {
    Diagnostic::new(DiagnosticKind::Syntax, message).with_label(span, label)
}

fn max_child_depth(kind: &ExprKind) -> u32 {
    fn d(e: &Expr) -> u32 {
        e.depth
    }
    fn od(e: &Option<Box<Expr>>) -> u32 {
        e.as_deref().map_or(0, d)
    }
    match kind {
        ExprKind::Name(_)
        | ExprKind::Int(_)
        | ExprKind::Float(_)
        | ExprKind::Bool(_)
        | ExprKind::NoneLiteral
        | ExprKind::Ellipsis
        | ExprKind::Str(_)
        | ExprKind::Unsupported(_) => 0,
        ExprKind::Unary { operand, .. } | ExprKind::Starred(operand) => d(operand),
        ExprKind::Binary { lhs, rhs, .. } | ExprKind::BoolOp { lhs, rhs, .. } => d(lhs).max(d(rhs)),
        ExprKind::NamedExpr { target, value } => d(target).max(d(value)),
        ExprKind::Compare { first, rest } => {
            rest.iter().map(|(_, _, e)| d(e)).fold(d(first), u32::max)
        }
        ExprKind::IfExp { test, body, orelse } => d(test).max(d(body)).max(d(orelse)),
        ExprKind::Call {
            func,
            args,
            keywords,
        } => args
            .iter()
            .map(d)
            .chain(keywords.iter().map(|k| d(&k.value)))
            .fold(d(func), u32::max),
        ExprKind::Attribute { value, .. } => d(value),
        ExprKind::Subscript { value, index } => d(value).max(d(index)),
        ExprKind::Slice { lower, upper, step } => od(lower).max(od(upper)).max(od(step)),
        ExprKind::Tuple(items) | ExprKind::List(items) => items.iter().map(d).max().unwrap_or(0),
    }
}

/// Build an expression node, enforcing [`MAX_EXPR_DEPTH`].
pub(crate) fn expr(kind: ExprKind, l: u32, r: u32) -> PResult<Expr> {
    let depth = 1 + max_child_depth(&kind);
    let span = Span::new(l, r);
    if depth > MAX_EXPR_DEPTH {
        return user(
            Diagnostic::new(DiagnosticKind::Limit, "expression is too deeply nested")
                .with_label(
                    span,
                    format!("more than {MAX_EXPR_DEPTH} nested operations"),
                )
                .with_help("split it into several statements with intermediate variables"),
        );
    }
    Ok(Expr { kind, span, depth })
}

/// A simple statement (no block inside).
pub(crate) fn stmt(kind: StmtKind, l: u32, r: u32) -> Stmt {
    Stmt {
        kind,
        span: Span::new(l, r),
        depth: 1,
    }
}

/// A statement with blocks, enforcing [`MAX_STMT_DEPTH`]: indentation is
/// bounded by the lexer, but an `elif` nests without indenting.
pub(crate) fn compound(kind: StmtKind, l: u32, r: u32) -> PResult<Stmt> {
    compound_at(kind, l, r, l)
}

/// [`compound`], with a too-deep error shown at `label_at` (the `if` that
/// starts an `elif` chain, rather than an `elif` in its middle).
fn compound_at(kind: StmtKind, l: u32, r: u32, label_at: u32) -> PResult<Stmt> {
    let mut stmt = Stmt {
        kind,
        span: Span::new(l, r),
        depth: 1,
    };
    let inner = stmt
        .blocks()
        .iter()
        .flat_map(|block| block.iter())
        .map(|s| s.depth)
        .max()
        .unwrap_or(0);
    stmt.depth = 1 + inner;
    if stmt.depth > MAX_STMT_DEPTH {
        return user(
            Diagnostic::new(DiagnosticKind::Limit, "statements are too deeply nested")
                .with_label(
                    Span::new(label_at, label_at + 2),
                    format!("more than {MAX_STMT_DEPTH} levels of blocks and `elif`s"),
                )
                .with_help(
                    "move inner blocks into functions of their own, or split a long `elif` chain",
                ),
        );
    }
    Ok(stmt)
}

pub(crate) fn unsupported(construct: Construct, l: u32, r: u32) -> Expr {
    Expr::leaf(ExprKind::Unsupported(construct), Span::new(l, r))
}

pub(crate) fn unsupported_stmt(construct: Construct, names: Vec<Ident>, l: u32, r: u32) -> Stmt {
    stmt(StmtKind::Unsupported { construct, names }, l, r)
}

/// The end of the last statement of a block, for the span of the compound
/// statement that holds it (the block's `DEDENT` sits at the next line).
pub(crate) fn block_end(block: &[Stmt]) -> Option<u32> {
    block.last().map(|s| s.span.end)
}

pub(crate) fn ident(src: &str, l: u32, r: u32) -> Ident {
    let text = &src[l as usize..r as usize];
    let name = if text.is_ascii() {
        text.to_owned()
    } else {
        text.nfkc().collect()
    };
    Ident {
        name,
        span: Span::new(l, r),
    }
}

pub(crate) fn marker(text: &str, l: u32, r: u32) -> Ident {
    Ident {
        name: text.to_owned(),
        span: Span::new(l, r),
    }
}

pub(crate) fn name_expr(src: &str, l: u32, r: u32) -> Expr {
    let ident = ident(src, l, r);
    Expr::leaf(ExprKind::Name(ident.name), ident.span)
}

pub(crate) fn int_literal(src: &str, l: u32, r: u32) -> Expr {
    let text: String = src[l as usize..r as usize]
        .chars()
        .filter(|&c| c != '_')
        .collect();
    let (digits, radix) = match text.get(..2) {
        Some("0x" | "0X") => (&text[2..], 16),
        Some("0o" | "0O") => (&text[2..], 8),
        Some("0b" | "0B") => (&text[2..], 2),
        _ => (&text[..], 10),
    };
    Expr::leaf(
        ExprKind::Int(u64::from_str_radix(digits, radix).ok()),
        Span::new(l, r),
    )
}

pub(crate) fn float_literal(src: &str, l: u32, r: u32) -> Expr {
    let text: String = src[l as usize..r as usize]
        .chars()
        .filter(|&c| c != '_')
        .collect();
    // Rust's parser rounds correctly, as CPython's does; the lexer has
    // already checked the syntax, and overflow gives `inf` in both.
    let value = text.parse::<f64>().unwrap_or(f64::NAN);
    Expr::leaf(ExprKind::Float(value), Span::new(l, r))
}

pub(crate) fn unary(op: UnaryOp, operand: Expr, l: u32, r: u32) -> PResult<Expr> {
    expr(
        ExprKind::Unary {
            op,
            operand: Box::new(operand),
        },
        l,
        r,
    )
}

pub(crate) fn binary(
    op: BinOp,
    op_span: Span,
    lhs: Expr,
    rhs: Expr,
    l: u32,
    r: u32,
) -> PResult<Expr> {
    expr(
        ExprKind::Binary {
            op,
            op_span,
            lhs: Box::new(lhs),
            rhs: Box::new(rhs),
        },
        l,
        r,
    )
}

pub(crate) fn bool_op(op: BoolOp, lhs: Expr, rhs: Expr, l: u32, r: u32) -> PResult<Expr> {
    expr(
        ExprKind::BoolOp {
            op,
            lhs: Box::new(lhs),
            rhs: Box::new(rhs),
        },
        l,
        r,
    )
}

pub(crate) fn call(func: Expr, items: Vec<Arg>, l: u32, r: u32) -> PResult<Expr> {
    let mut args = Vec::new();
    let mut keywords: Vec<Keyword> = Vec::new();
    for item in items {
        match item {
            Arg::Positional(e) => {
                if let Some(keyword) = keywords.last() {
                    let unpacking = matches!(e.kind, ExprKind::Starred(_));
                    if keyword.name.is_some() && !unpacking || keyword.name.is_none() {
                        return user(
                            syntax_error(
                                if keyword.name.is_none() {
                                    "positional argument follows keyword argument unpacking"
                                } else {
                                    "positional argument follows keyword argument"
                                },
                                e.span,
                                "positional argument",
                            )
                            .with_secondary(keyword.span, "keyword argument")
                            .with_help("put positional arguments first"),
                        );
                    }
                }
                args.push(e);
            }
            Arg::Keyword(k) => keywords.push(k),
        }
    }
    expr(
        ExprKind::Call {
            func: Box::new(func),
            args,
            keywords,
        },
        l,
        r,
    )
}

pub(crate) fn keyword(name: Expr, value: Expr, l: u32, r: u32) -> PResult<Arg> {
    match name.kind {
        ExprKind::Name(text) => Ok(Arg::Keyword(Keyword {
            name: Some(Ident {
                name: text,
                span: name.span,
            }),
            value,
            span: Span::new(l, r),
        })),
        _ => user(
            syntax_error(
                "expression cannot contain assignment",
                name.span,
                "a keyword argument needs a plain name here",
            )
            .with_help("a keyword is a plain name, such as `dtype=np.float32`"),
        ),
    }
}

pub(crate) fn named_expr(target: Expr, value: Expr, l: u32, r: u32) -> PResult<Expr> {
    if !matches!(target.kind, ExprKind::Name(_)) {
        return user(
            syntax_error(
                format!(
                    "cannot use assignment expressions with {}",
                    describe_target(&target)
                ),
                target.span,
                "`:=` needs a plain name on its left",
            )
            .with_help("assign to a name"),
        );
    }
    expr(
        ExprKind::NamedExpr {
            target: Box::new(target),
            value: Box::new(value),
        },
        l,
        r,
    )
}

pub(crate) fn starred_alone(e: Expr) -> PResult<Expr> {
    user(
        syntax_error(
            "cannot use starred expression here",
            e.span,
            "`*` unpacking needs a tuple or a call around it",
        )
        .with_help("remove the `*`"),
    )
}

/// What an expression is, in the words of CPython's "cannot assign to ...".
fn describe_target(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Int(_) | ExprKind::Float(_) | ExprKind::Str(_) | ExprKind::Bool(_) => "literal",
        ExprKind::NoneLiteral => "None",
        ExprKind::Ellipsis => "ellipsis",
        ExprKind::Call { .. } => "function call",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::BoolOp { .. } | ExprKind::Binary { .. } | ExprKind::Unary { .. } => "expression",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Unsupported(Construct::Lambda) => "lambda",
        ExprKind::Unsupported(Construct::ListComp) => "list comprehension",
        ExprKind::Unsupported(Construct::GeneratorExp) => "generator expression",
        ExprKind::Unsupported(Construct::Dict | Construct::DictComp) => "dict literal",
        ExprKind::Unsupported(Construct::Set | Construct::SetComp) => "set display",
        ExprKind::Unsupported(Construct::Yield) => "yield expression",
        ExprKind::Unsupported(Construct::Await) => "await expression",
        _ => "expression",
    }
}

/// What to write instead of assigning to `e`.
fn target_help(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Call { func, .. } if matches!(func.kind, ExprKind::Name(_)) => {
            "to assign to an element, use square brackets: `a[i] = value`"
        }
        ExprKind::Int(_)
        | ExprKind::Float(_)
        | ExprKind::Bool(_)
        | ExprKind::Str(_)
        | ExprKind::NoneLiteral => "the name goes on the left: `count = 0`",
        ExprKind::Compare { .. } => "to compare, use the comparison in an `if` or an `assert`",
        _ => "assign to a name, an element `a[i]`, or several names `a, b`",
    }
}

/// Check that an expression can be assigned to, as CPython's parser does.
pub(crate) fn target(e: Expr) -> PResult<Expr> {
    check_target(&e)?;
    Ok(e)
}

fn check_target(e: &Expr) -> PResult<()> {
    crate::stack::ensure_sufficient_stack(|| check_target_unguarded(e))
}

fn check_target_unguarded(e: &Expr) -> PResult<()> {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => Ok(()),
        ExprKind::Tuple(items) | ExprKind::List(items) => items.iter().try_for_each(check_target),
        ExprKind::Starred(inner) => check_target(inner),
        _ => {
            let what = describe_target(e);
            let diagnostic = syntax_error(
                format!("cannot assign to {what}"),
                e.span,
                "not something that can be assigned to",
            );
            user(diagnostic.with_help(target_help(e)))
        }
    }
}

pub(crate) fn assign(first: Expr, rest: Vec<Expr>, l: u32, r: u32) -> PResult<Stmt> {
    let mut targets = vec![first];
    targets.extend(rest);
    let value = targets
        .pop()
        .expect("the grammar gives at least one `= value`");
    let targets = targets
        .into_iter()
        .map(target)
        .collect::<PResult<Vec<_>>>()?;
    Ok(stmt(StmtKind::Assign { targets, value }, l, r))
}

pub(crate) fn aug_assign(
    target: Expr,
    op: BinOp,
    op_span: Span,
    value: Expr,
    l: u32,
    r: u32,
) -> PResult<Stmt> {
    match &target.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {}
        ExprKind::Tuple(_) | ExprKind::List(_) => {
            return user(
                syntax_error(
                    format!(
                        "`{}=` cannot assign to several targets at once",
                        op.symbol()
                    ),
                    target.span,
                    "an augmented assignment takes one target",
                )
                .with_help("write one statement per target"),
            );
        }
        _ => {
            return user(
                syntax_error(
                    format!(
                        "`{}=` cannot assign to {}",
                        op.symbol(),
                        describe_target(&target)
                    ),
                    target.span,
                    "not something that can be assigned to",
                )
                .with_help(target_help(&target)),
            );
        }
    }
    Ok(stmt(
        StmtKind::AugAssign {
            target,
            op,
            op_span,
            value,
        },
        l,
        r,
    ))
}

pub(crate) fn ann_assign(
    target: Expr,
    annotation: Expr,
    value: Option<Expr>,
    l: u32,
    r: u32,
) -> PResult<Stmt> {
    match &target.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {}
        _ => {
            return user(
                syntax_error(
                    "only a single target can be annotated",
                    target.span,
                    "annotate a name",
                )
                .with_help("annotate one name per line, such as `lo: float = 0.0`"),
            );
        }
    }
    Ok(stmt(
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
        },
        l,
        r,
    ))
}

pub(crate) fn import_from(
    level: u32,
    module: Option<DottedName>,
    names: Vec<ImportAlias>,
    l: u32,
    r: u32,
) -> PResult<Stmt> {
    if level == 0 && module.is_none() {
        return user(syntax_error(
            "expected a module name after `from`",
            Span::new(l, r),
            "no module named",
        ));
    }
    Ok(stmt(
        StmtKind::ImportFrom {
            module,
            level,
            names,
        },
        l,
        r,
    ))
}

pub(crate) fn if_chain(
    l: u32,
    test: Expr,
    body: Vec<Stmt>,
    elifs: Vec<(u32, Expr, Vec<Stmt>)>,
    orelse: Vec<Stmt>,
) -> PResult<Stmt> {
    // Fold `elif`s from the last: each becomes the sole statement of the
    // `else` block of the one before.
    let mut tail = orelse;
    for (el, etest, ebody) in elifs.into_iter().rev() {
        let end = block_end(&tail).or(block_end(&ebody)).unwrap_or(el);
        tail = vec![compound_at(
            StmtKind::If {
                test: etest,
                body: ebody,
                orelse: tail,
            },
            el,
            end,
            l,
        )?];
    }
    let end = block_end(&tail).or(block_end(&body)).unwrap_or(l);
    compound(
        StmtKind::If {
            test,
            body,
            orelse: tail,
        },
        l,
        end,
    )
}

pub(crate) fn function_def(
    decorators: Vec<Expr>,
    name: Ident,
    mut params: Vec<Param>,
    returns: Option<Expr>,
    body: Vec<Stmt>,
    l: u32,
    header: Span,
) -> PResult<Stmt> {
    let mut keyword_only = false;
    let mut seen_default: Option<Span> = None;
    for param in &mut params {
        match param.kind {
            ParamKind::StarMarker | ParamKind::VarArgs => keyword_only = true,
            ParamKind::Normal if keyword_only => param.kind = ParamKind::KeywordOnly,
            ParamKind::Normal => {
                if param.default.is_some() {
                    seen_default = Some(param.span);
                } else if let Some(default) = seen_default {
                    return user(
                        syntax_error(
                            "parameter without a default follows parameter with a default",
                            param.span,
                            "no default",
                        )
                        .with_secondary(default, "has a default")
                        .with_help("put parameters with defaults last (pyjit itself compiles no default values: pass every argument)"),
                    );
                }
            }
            _ => {}
        }
    }
    for (i, param) in params.iter().enumerate() {
        if let Some(earlier) = params[..i].iter().find(|p| {
            p.name.name == param.name.name
                && !matches!(p.kind, ParamKind::StarMarker | ParamKind::SlashMarker)
        }) {
            return user(
                syntax_error(
                    format!(
                        "duplicate argument `{}` in function definition",
                        param.name.name
                    ),
                    param.name.span,
                    "second parameter with this name",
                )
                .with_secondary(earlier.name.span, "first one")
                .with_help("give each parameter its own name"),
            );
        }
    }
    let end = block_end(&body).unwrap_or(header.end);
    let def = FunctionDef {
        name,
        params,
        returns,
        body,
        decorators,
        is_async: false,
        header,
        span: Span::new(l, end),
    };
    compound(StmtKind::FunctionDef(Box::new(def)), l, end)
}

// ---------------------------------------------------------------- errors

/// Turn a LALRPOP error into a diagnostic worded like CPython's.
fn describe(src: &str, tokens: &[Triple], error: ParseError<u32, Tok, Diagnostic>) -> Diagnostic {
    match error {
        ParseError::User { error } => error,
        ParseError::InvalidToken { location } => {
            syntax_error("invalid syntax", Span::empty(location), "here")
        }
        ParseError::UnrecognizedEof { location, expected } => {
            let at = tokens.len();
            if expects(&expected, "Indent") {
                return expected_indented_block(src, tokens, at, Span::empty(location));
            }
            syntax_error(
                "unexpected end of file",
                Span::empty(location),
                "the statement is not complete",
            )
        }
        ParseError::UnrecognizedToken {
            token: (l, tok, r),
            expected,
        } => {
            let at = tokens
                .iter()
                .position(|&(tl, tt, tr)| (tl, tt, tr) == (l, tok, r))
                .unwrap_or(tokens.len());
            unexpected_token(src, tokens, at, (l, tok, r), &expected)
        }
        ParseError::ExtraToken { token: (l, _, r) } => {
            syntax_error("invalid syntax", Span::new(l, r), "unexpected token")
        }
    }
}

fn expects(expected: &[String], terminal: &str) -> bool {
    expected.iter().any(|e| e.trim_matches('"') == terminal)
}

/// The first token of the logical line that holds token `at`.
fn line_start(tokens: &[Triple], at: usize) -> usize {
    let mut i = at.min(tokens.len());
    while i > 0 && !matches!(tokens[i - 1].1, Tok::Newline | Tok::Indent | Tok::Dedent) {
        i -= 1;
    }
    i
}

fn line_number(src: &str, offset: u32) -> usize {
    let upto = &src.as_bytes()[..(offset as usize).min(src.len())];
    1 + upto.iter().filter(|&&b| b == b'\n').count()
        + upto
            .windows(2)
            .filter(|w| w[0] == b'\r' && w[1] != b'\n')
            .count()
        + usize::from(upto.last() == Some(&b'\r'))
}

fn expected_indented_block(src: &str, tokens: &[Triple], at: usize, span: Span) -> Diagnostic {
    // The block belongs to the logical line before the error token.
    let header_end = at.saturating_sub(1);
    let start = line_start(tokens, header_end);
    let (what, header) = match tokens.get(start).map(|t| t.1) {
        Some(Tok::Def) => ("function definition".to_owned(), tokens[start]),
        Some(Tok::Class) => ("class definition".to_owned(), tokens[start]),
        Some(Tok::At) => ("function definition".to_owned(), tokens[start]),
        Some(kind) => (format!("`{}` statement", kind.describe()), tokens[start]),
        None => ("statement".to_owned(), (span.start, Tok::Newline, span.end)),
    };
    let line = line_number(src, header.0);
    syntax_error(
        format!("expected an indented block after {what} on line {line}"),
        span,
        "expected an indented block here",
    )
    .with_secondary(Span::new(header.0, header.2), "the block belongs to this")
    .with_help("indent the body, or write `pass` if it is meant to be empty")
}

fn unexpected_token(
    src: &str,
    tokens: &[Triple],
    at: usize,
    (l, tok, r): Triple,
    expected: &[String],
) -> Diagnostic {
    // A newline is shown as the point where the line ends.
    let span = if tok == Tok::Newline {
        Span::empty(l)
    } else {
        Span::new(l, r)
    };
    let found = found_description(tok);
    let start = line_start(tokens, at);
    let first = tokens.get(start).map(|t| t.1);
    let first_text = tokens.get(start).map(|t| &src[t.0 as usize..t.2 as usize]);
    let prev = at.checked_sub(1).and_then(|i| tokens.get(i)).map(|t| t.1);

    if tok == Tok::Indent {
        return Diagnostic::new(DiagnosticKind::Indentation, "unexpected indent")
            .with_label(span, "this line is indented more than the block it is in")
            .with_help("remove the extra indentation");
    }
    if expects(expected, "Indent") {
        return expected_indented_block(src, tokens, at, span);
    }
    if first == Some(Tok::Name)
        && first_text == Some("match")
        && start + 1 < tokens.len()
        && at > start
    {
        return Diagnostic::new(
            DiagnosticKind::Unsupported,
            "pyjit does not support `match` statements",
        )
        .with_label(
            Span::new(tokens[start].0, tokens[start].2),
            "`match` statement",
        )
        .with_help("use `if`/`elif`/`else`");
    }
    if first == Some(Tok::Name)
        && first_text == Some("print")
        && at == start + 1
        && matches!(tok, Tok::Str | Tok::Name | Tok::Int | Tok::Float)
    {
        return syntax_error(
            "missing parentheses in call to `print`",
            span,
            "Python 3 needs parentheses",
        )
        .with_help("write `print(...)`");
    }
    if prev == Some(Tok::Else) && tok == Tok::If {
        return syntax_error("expected `:`, found `if`", span, "`else if` is not Python")
            .with_help("write `elif`");
    }
    if tok == Tok::Equal {
        return syntax_error(
            "invalid syntax",
            span,
            "`=` assigns, and cannot appear here",
        )
        .with_help("to compare, use `==`, as in `if x == 0:`");
    }
    let readable: Vec<String> = expected.iter().map(|e| readable_terminal(e)).collect();
    if expects(expected, ":") && readable.len() <= 6 {
        return syntax_error(format!("expected `:`, found {found}"), span, "expected `:`")
            .with_help("a line that opens a block ends with `:`");
    }
    let continues_value = matches!(
        prev,
        Some(
            Tok::Name
                | Tok::Int
                | Tok::Float
                | Tok::Str
                | Tok::Rpar
                | Tok::Rsqb
                | Tok::True
                | Tok::False
                | Tok::None
        )
    );
    let starts_value = matches!(
        tok,
        Tok::Name
            | Tok::Int
            | Tok::Float
            | Tok::Str
            | Tok::Lpar
            | Tok::Lsqb
            | Tok::True
            | Tok::False
            | Tok::None
    );
    if continues_value && starts_value && in_brackets(tokens, at) {
        return syntax_error(
            "invalid syntax: perhaps you forgot a comma?",
            span,
            "two values in a row",
        )
        .with_help("separate the items with `,`");
    }
    if first == Some(Tok::For)
        && tok != Tok::In
        && !tokens[start..at].iter().any(|t| t.1 == Tok::In)
    {
        return syntax_error(
            format!("expected `in`, found {found}"),
            span,
            "expected `in` here",
        )
        .with_help("a `for` loop reads `for x in range(n):` or `for x in array:`");
    }
    if (1..=3).contains(&readable.len()) {
        let list = match readable.as_slice() {
            [one] => one.clone(),
            [init @ .., last] => format!("{} or {}", init.join(", "), last),
            [] => unreachable!("the range excludes zero"),
        };
        return syntax_error(
            format!("expected {list}, found {found}"),
            span,
            format!("expected {list}"),
        )
        .with_help(format!("add {list} here, or remove what comes before it"));
    }
    if matches!(tok, Tok::Newline | Tok::Dedent) {
        return syntax_error("invalid syntax: the statement is not complete", span, "the line ends here")
            .with_help("finish the expression on this line, or wrap it in parentheses to continue it on the next");
    }
    syntax_error("invalid syntax", span, format!("unexpected {found}"))
        .with_help("this is not valid Python; check the line against the Python grammar")
}

fn in_brackets(tokens: &[Triple], at: usize) -> bool {
    let mut depth = 0i32;
    for &(_, kind, _) in &tokens[line_start(tokens, at)..at] {
        if kind.is_open_bracket() {
            depth += 1;
        } else if kind.is_close_bracket() {
            depth -= 1;
        }
    }
    depth > 0
}

fn found_description(tok: Tok) -> String {
    match tok.text() {
        Some(text) => format!("`{text}`"),
        None => tok.describe().to_owned(),
    }
}

fn readable_terminal(terminal: &str) -> String {
    let inner = terminal.trim_matches('"');
    match inner {
        "Newline" => "newline".to_owned(),
        "Indent" => "an indented block".to_owned(),
        "Dedent" => "the end of the block".to_owned(),
        "Name" => "a name".to_owned(),
        "Int" | "Float" | "Imaginary" => "a number".to_owned(),
        "Str" | "Bytes" | "FStr" => "a string".to_owned(),
        other => format!("`{}`", other.replace("\\\"", "\"")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexer::{layout, lex};

    fn parse(src: &str) -> Result<Vec<Stmt>, String> {
        let lexed = lex(src);
        let triples = layout(src, &lexed, &lexed.tokens).map_err(|d| d.message().to_owned())?;
        parse_statements(src, triples).map_err(|d| d.message().to_owned())
    }

    #[test]
    fn messages_read_like_cpython() {
        for (src, message) in [
            (
                "if x:\npass\n",
                "expected an indented block after `if` statement on line 1",
            ),
            (
                "def f():\n",
                "expected an indented block after function definition on line 1",
            ),
            (
                "for i in range(3):\n\n# c\nx = 1\n",
                "expected an indented block after `for` statement on line 1",
            ),
            ("if x\n    pass\n", "expected `:`, found newline"),
            ("x = 1\n    y = 2\n", "unexpected indent"),
            ("print 'hello'\n", "missing parentheses in call to `print`"),
            ("if x = 1:\n    pass\n", "invalid syntax"),
            ("f(a b)\n", "invalid syntax: perhaps you forgot a comma?"),
            ("f() = 1\n", "cannot assign to function call"),
            ("1 = x\n", "cannot assign to literal"),
            (
                "f(x=1, 2)\n",
                "positional argument follows keyword argument",
            ),
            (
                "def f(a=1, b):\n    pass\n",
                "parameter without a default follows parameter with a default",
            ),
            (
                "def f(a, a):\n    pass\n",
                "duplicate argument `a` in function definition",
            ),
            (
                "match x:\n    case 1:\n        pass\n",
                "pyjit does not support `match` statements",
            ),
            (
                "if x:\n    pass\nelse if y:\n    pass\n",
                "expected `:`, found `if`",
            ),
            ("x = (1 +\n", "`(` was never closed"),
            ("x = 1 +\n", "invalid syntax: the statement is not complete"),
        ] {
            assert_eq!(parse(src).unwrap_err(), message, "{src:?}");
        }
    }

    #[test]
    fn python_outside_the_subset_parses() {
        let src = "\
@njit(cache=True)
def f(a, *args, b: int = 2, **kw) -> float:
    '''doc'''
    g = lambda x, y=1: x + y
    xs = [i * i for i in range(10) if i % 2]
    d = {'a': 1, **other}
    s = {1, 2, 3}
    with open(p) as fh, lock:
        pass
    try:
        x = a[1:2, ::3]
    except (ValueError, KeyError) as e:
        raise RuntimeError('x') from e
    finally:
        del x
    global G
    y: float = 1.0
    z = yield from gen()
    w = (n := 10) + f(*xs, key=1)
    async def h():
        await q
    class C(Base, metaclass=M):
        pass
    return x if y else z
";
        let stmts = parse(src).unwrap();
        assert_eq!(stmts.len(), 1);
    }
}
