//! The parser of the text format that [`crate::print`] writes: for every
//! function, `print(parse(text)) == text`. It keeps the text's numbering of
//! values and blocks (ids the text skips stay detached, blocks it never
//! defines are removed), takes the first block of the text as the entry,
//! skips `;` comment lines (the verifier's errors), and builds exactly what
//! the text says, however wrong, so that the verifier can judge it: a
//! value used but never defined, a phi naming a block that does not exist,
//! or a `br` whose two targets are the same block all parse. Only what a
//! [`Function`] cannot hold is an error here: a value or block label
//! defined twice, a branch to a block the function does not define, ids
//! out of range, and text that is not the format. Every error names its
//! line and says what was expected; no input makes the parser panic.
//!
//! Ids are bounded so that a stray digit cannot make the parser reserve
//! billions of entities: values up to `v1048576`, blocks up to `bb65536`.

use std::fmt;

use pyjit_frontend::Span;
use pyjit_frontend::typed::{Allocator, UnaryOp};
use rustc_hash::FxHashMap;

use crate::entities::{BlockId, FuncRef, ValueId};
use crate::function::{EdgeKind, Exception, Function, Program, Terminator};
use crate::inst::{
    BINOPS, Builtin, Cmp, Const, Fill, InstKind, OutOfRange, PrintPiece, Rules, binop_name,
    math_by_name, unary_name,
};
use crate::types::{Scalar, Type};

/// The largest value id the parser accepts.
const MAX_VALUE: u32 = 1 << 20;
/// The largest block id the parser accepts.
const MAX_BLOCK: u32 = 1 << 16;

/// Why a text is not IR: the line (counted from 1 in the whole text) and
/// what was expected there.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct ParseError {
    /// The line, from 1.
    pub line: u32,
    /// What went wrong, naming what was expected and what was found.
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for ParseError {}

type Result<T> = std::result::Result<T, ParseError>;

fn error<T>(line: u32, message: impl Into<String>) -> Result<T> {
    Err(ParseError {
        line,
        message: message.into(),
    })
}

/// Parse one function (`fn f0 name(...) -> type { ... }`), alone in the
/// text but for blank and comment lines.
pub fn parse_function(text: &str) -> Result<Function> {
    let mut lines = Lines::new(text);
    let func = parse_fn(&mut lines, None)?;
    if let Some((line, rest)) = lines.next() {
        return error(
            line,
            format!(
                "expected the end of the text after the function's `}}`, found {}",
                Cursor::new(line, rest).found()
            ),
        );
    }
    Ok(func)
}

/// Parse a program: its functions one after the other (the printer
/// separates them with a blank line), function `fN` the `N`-th, and at
/// least one. The program has no Python source.
pub fn parse_program(text: &str) -> Result<Program> {
    let mut lines = Lines::new(text);
    let mut functions = Vec::new();
    while lines.peek().is_some() {
        let func = parse_fn(&mut lines, Some(functions.len()))?;
        functions.push(func);
    }
    if functions.is_empty() {
        return error(
            lines.last_line(),
            "expected a function (`fn f0 name(...) -> type {`), found the end of the text",
        );
    }
    Ok(Program {
        functions,
        source: None,
    })
}

// ---------------------------------------------------------------- lines

/// The significant lines of a text: not blank, not comments; trimmed, with
/// their numbers.
struct Lines<'a> {
    inner: std::iter::Peekable<std::iter::Enumerate<std::str::Lines<'a>>>,
    count: usize,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Lines<'a> {
        Lines {
            inner: text.lines().enumerate().peekable(),
            count: text.lines().count(),
        }
    }

    fn skip_insignificant(&mut self) {
        while let Some((_, line)) = self.inner.peek() {
            let line = line.trim();
            if line.is_empty() || line.starts_with(';') {
                self.inner.next();
            } else {
                break;
            }
        }
    }

    fn peek(&mut self) -> Option<(u32, &'a str)> {
        self.skip_insignificant();
        self.inner
            .peek()
            .map(|&(i, line)| (line_number(i), line.trim()))
    }

    fn next(&mut self) -> Option<(u32, &'a str)> {
        self.skip_insignificant();
        self.inner
            .next()
            .map(|(i, line)| (line_number(i), line.trim()))
    }

    /// The number of the last line, for errors at the end of the text.
    fn last_line(&self) -> u32 {
        line_number(self.count.saturating_sub(1))
    }
}

fn line_number(index: usize) -> u32 {
    u32::try_from(index + 1).unwrap_or(u32::MAX)
}

// ---------------------------------------------------------------- cursor

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '.' | '-' | '+')
}

/// A position in one line.
struct Cursor<'a> {
    line: u32,
    text: &'a str,
    pos: usize,
    /// The largest value id read, to reserve them all.
    max_value: Option<u32>,
}

impl<'a> Cursor<'a> {
    fn new(line: u32, text: &'a str) -> Cursor<'a> {
        Cursor {
            line,
            text,
            pos: 0,
            max_value: None,
        }
    }

    fn rest(&self) -> &'a str {
        &self.text[self.pos..]
    }

    fn skip_ws(&mut self) {
        let rest = self.rest();
        self.pos += rest.len() - rest.trim_start().len();
    }

    fn at_end(&mut self) -> bool {
        self.skip_ws();
        self.rest().is_empty()
    }

    fn eat(&mut self, token: &str) -> bool {
        self.skip_ws();
        if self.rest().starts_with(token) {
            self.pos += token.len();
            true
        } else {
            false
        }
    }

    fn peek_word(&mut self) -> &'a str {
        self.skip_ws();
        let rest = self.rest();
        let len = rest.find(|c| !is_word_char(c)).unwrap_or(rest.len());
        &rest[..len]
    }

    fn word(&mut self) -> &'a str {
        let word = self.peek_word();
        self.pos += word.len();
        word
    }

    fn eat_word(&mut self, word: &str) -> bool {
        if self.peek_word() == word {
            self.pos += word.len();
            true
        } else {
            false
        }
    }

    /// What comes next, for an error message.
    fn found(&mut self) -> String {
        if self.at_end() {
            return "the end of the line".to_owned();
        }
        let word = self.peek_word();
        let token = if word.is_empty() {
            &self.rest()[..self.rest().chars().next().map_or(0, char::len_utf8)]
        } else {
            word
        };
        // Invisible characters show as escapes; quotes stay as they are.
        let shown: String = token
            .chars()
            .map(|c| match c {
                '"' | '\'' | '\\' => c.to_string(),
                c => c.escape_debug().to_string(),
            })
            .collect();
        format!("`{shown}`")
    }

    fn fail<T>(&self, message: impl Into<String>) -> Result<T> {
        error(self.line, message)
    }

    fn expected<T>(&mut self, what: &str) -> Result<T> {
        let found = self.found();
        self.fail(format!("expected {what}, found {found}"))
    }

    fn expect(&mut self, token: &str) -> Result<()> {
        if self.eat(token) {
            Ok(())
        } else {
            self.expected(&format!("`{token}`"))
        }
    }

    fn expect_end(&mut self, after: &str) -> Result<()> {
        if self.at_end() {
            Ok(())
        } else {
            self.expected(&format!("the end of the line after {after}"))
        }
    }

    /// An id spelled `prefix` and a number without leading zeros.
    fn id(&mut self, prefix: &str, what: &str, max: u32) -> Result<u32> {
        let start = self.pos;
        let word = self.word();
        let number = word.strip_prefix(prefix).filter(|digits| {
            !digits.is_empty()
                && digits.bytes().all(|b| b.is_ascii_digit())
                && (digits == &"0" || !digits.starts_with('0'))
        });
        let Some(number) = number else {
            self.pos = start;
            return self.expected(&format!("{what} (`{prefix}N`)"));
        };
        match number.parse::<u32>() {
            Ok(n) if n <= max => Ok(n),
            _ => self.fail(format!(
                "{what} `{word}` is out of range: ids go up to `{prefix}{max}`"
            )),
        }
    }

    fn value(&mut self) -> Result<ValueId> {
        let n = self.id("v", "a value", MAX_VALUE)?;
        self.max_value = Some(self.max_value.map_or(n, |m| m.max(n)));
        Ok(ValueId(n))
    }

    fn block(&mut self) -> Result<BlockId> {
        self.id("bb", "a block", MAX_BLOCK).map(BlockId)
    }

    fn looking_at_value(&mut self) -> bool {
        let word = self.peek_word();
        word.len() > 1 && word.starts_with('v') && word[1..].bytes().all(|b| b.is_ascii_digit())
    }

    /// Values separated by commas up to `close`, which is consumed.
    fn values_until(&mut self, close: &str) -> Result<Vec<ValueId>> {
        let mut out = Vec::new();
        if self.eat(close) {
            return Ok(out);
        }
        loop {
            out.push(self.value()?);
            if self.eat(close) {
                return Ok(out);
            }
            if !self.eat(",") {
                return self.expected(&format!("`,` or `{close}`"));
            }
        }
    }

    /// A small number: an axis.
    fn axis(&mut self) -> Result<u8> {
        let word = self.peek_word();
        match word.parse::<u8>() {
            Ok(n) if word.bytes().all(|b| b.is_ascii_digit()) => {
                self.pos += word.len();
                Ok(n)
            }
            _ => self.expected("an axis number"),
        }
    }

    /// A type, as `Type::parse` spells it (`float64[:, :]`).
    fn ty(&mut self, after: &str) -> Result<Type> {
        self.skip_ws();
        let start = self.pos;
        let rest = self.rest();
        let mut len = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        if &rest[..len] == "list" && rest[len..].starts_with('[') {
            // `list[float64]`
            len += rest[len..].find(']').map_or(0, |end| end + 1);
        } else {
            for suffix in ["[:, :]", "[:]"] {
                if rest[len..].starts_with(suffix) {
                    len += suffix.len();
                    break;
                }
            }
        }
        let text = &rest[..len];
        match Type::parse(text) {
            Some(ty) => {
                self.pos = start + len;
                Ok(ty)
            }
            None if text.is_empty() => self.expected(&format!("a type after {after}")),
            None => self.fail(format!("expected a type after {after}, found `{text}`")),
        }
    }

    /// A string in Rust's `{:?}` form.
    fn string(&mut self) -> Result<String> {
        self.skip_ws();
        if !self.rest().starts_with('"') {
            return self.expected("a string in double quotes");
        }
        let mut out = String::new();
        let mut chars = self.rest()[1..].char_indices();
        loop {
            let Some((i, c)) = chars.next() else {
                return self.fail("unterminated string: expected a closing `\"`");
            };
            match c {
                '"' => {
                    self.pos += 1 + i + 1;
                    return Ok(out);
                }
                '\\' => {
                    let escaped = match chars.next().map(|(_, c)| c) {
                        Some('n') => '\n',
                        Some('t') => '\t',
                        Some('r') => '\r',
                        Some('0') => '\0',
                        Some('\\') => '\\',
                        Some('"') => '"',
                        Some('\'') => '\'',
                        Some('u') => {
                            let rest = chars.as_str();
                            let digits = rest
                                .strip_prefix('{')
                                .and_then(|r| r.split_once('}'))
                                .map(|(digits, _)| digits)
                                .filter(|d| {
                                    (1..=6).contains(&d.len())
                                        && d.bytes().all(|b| b.is_ascii_hexdigit())
                                });
                            let Some(digits) = digits else {
                                return self.fail(
                                    "expected 1 to 6 hex digits in braces after `\\u`, as in `\\u{7f}`",
                                );
                            };
                            let code = u32::from_str_radix(digits, 16).unwrap_or(u32::MAX);
                            let Some(c) = char::from_u32(code) else {
                                return self.fail(format!(
                                    "`\\u{{{digits}}}` is not a Unicode scalar value"
                                ));
                            };
                            // Skip `{digits}`.
                            for _ in 0..digits.len() + 2 {
                                chars.next();
                            }
                            c
                        }
                        Some(other) => {
                            return self.fail(format!(
                                "unknown escape `\\{other}`: expected one of \\n \\t \\r \\0 \\\\ \\\" \\' \\u{{..}}"
                            ));
                        }
                        None => {
                            return self.fail("unterminated string: expected a closing `\"`");
                        }
                    };
                    out.push(escaped);
                }
                c => out.push(c),
            }
        }
    }
}

// ---------------------------------------------------------------- functions

/// A terminator waiting for every block to be defined.
struct PendingTerm {
    line: u32,
    block: BlockId,
    term: Terminator,
    edges: Vec<(EdgeKind, BlockId)>,
}

/// The state of one function's body.
struct Body {
    func: Function,
    /// Where each value is defined (the header for parameters).
    values: FxHashMap<ValueId, u32>,
    /// Values defined by `copy` so far (which may be defined by further
    /// copies).
    copied: rustc_hash::FxHashSet<ValueId>,
    /// Where each block label is.
    blocks: FxHashMap<BlockId, u32>,
    /// The block being read, and whether its terminator has been.
    current: Option<(BlockId, bool)>,
    terms: Vec<PendingTerm>,
    max_value: Option<u32>,
}

fn parse_fn(lines: &mut Lines<'_>, index: Option<usize>) -> Result<Function> {
    let Some((line, text)) = lines.next() else {
        return error(
            lines.last_line(),
            "expected a function (`fn f0 name(...) -> type {`), found the end of the text",
        );
    };
    let mut cur = Cursor::new(line, text);
    let func = parse_header(&mut cur, index)?;
    let header_line = line;
    let mut body = Body {
        values: func.params().iter().map(|&p| (p, header_line)).collect(),
        copied: rustc_hash::FxHashSet::default(),
        func,
        blocks: FxHashMap::default(),
        current: None,
        terms: Vec::new(),
        max_value: cur.max_value,
    };
    loop {
        let Some((line, text)) = lines.next() else {
            return error(
                lines.last_line(),
                format!(
                    "expected `}}` closing {}, found the end of the text",
                    body.func.id
                ),
            );
        };
        let mut cur = Cursor::new(line, text);
        if text == "}" {
            body.end_block(&mut cur, "`}`")?;
            break;
        }
        if text.starts_with("bb") {
            body.label(&mut cur)?;
        } else {
            body.line(&mut cur)?;
        }
        if let Some(n) = cur.max_value {
            body.max_value = Some(body.max_value.map_or(n, |m| m.max(n)));
        }
    }
    body.finish()
}

fn parse_header(cur: &mut Cursor<'_>, index: Option<usize>) -> Result<Function> {
    if !cur.eat_word("fn") {
        return cur.expected("a function (`fn f0 name(...) -> type {`)");
    }
    let id = cur.id("f", "a function id", u32::MAX)?;
    if let Some(index) = index
        && id as usize != index
    {
        return cur.fail(format!(
            "expected function `f{index}` (a program's functions are numbered in order), found `f{id}`"
        ));
    }
    cur.skip_ws();
    let rest = cur.rest();
    let len = rest
        .find(|c: char| c == '(' || c.is_whitespace())
        .unwrap_or(rest.len());
    if len == 0 {
        return cur.expected("the function's name");
    }
    let name = &rest[..len];
    cur.pos += len;
    cur.expect("(")?;
    let mut params = Vec::new();
    if !cur.eat(")") {
        loop {
            let start = cur.pos;
            let v = cur.value()?;
            if v.index() != params.len() {
                cur.pos = start;
                let found = cur.found();
                return cur.fail(format!(
                    "expected parameter `v{}` (parameters are v0, v1, ... in order), found {found}",
                    params.len()
                ));
            }
            cur.expect(":")?;
            params.push(cur.ty("`:`")?);
            if cur.eat(")") {
                break;
            }
            if !cur.eat(",") {
                return cur.expected("`,` or `)` in the parameter list");
            }
        }
    }
    cur.expect("->")?;
    let ret = cur.ty("`->`")?;
    let recursive = cur.eat_word("recursive");
    cur.expect("{")?;
    cur.expect_end("`{`")?;
    let mut func = Function::new(FuncRef(id), name, &params, ret);
    func.recursive = recursive;
    Ok(func)
}

const TERMINATORS: &str = "`jump`, `br`, `ret`, `raise` or `unreachable`";

impl Body {
    /// Check that the current block has its terminator before `what`.
    fn end_block(&mut self, cur: &mut Cursor<'_>, what: &str) -> Result<()> {
        match self.current {
            None => cur.fail(format!(
                "expected a block label such as `bb0:` before {what}: a function has at least one block"
            )),
            Some((block, false)) => cur.fail(format!(
                "{block} has no terminator: expected {TERMINATORS} before {what}"
            )),
            Some((_, true)) => Ok(()),
        }
    }

    fn label(&mut self, cur: &mut Cursor<'_>) -> Result<()> {
        let block = cur.block()?;
        cur.expect(":")?;
        cur.expect_end("the block label")?;
        if self.current.is_some() {
            self.end_block(cur, &format!("`{block}:`"))?;
        }
        if let Some(first) = self.blocks.get(&block) {
            return cur.fail(format!(
                "block `{block}` is defined twice (first on line {first})"
            ));
        }
        self.func.reserve_blocks(block);
        if self.current.is_none() {
            self.func.set_entry(block);
        }
        self.blocks.insert(block, cur.line);
        self.current = Some((block, false));
        Ok(())
    }

    /// An instruction or terminator line.
    fn line(&mut self, cur: &mut Cursor<'_>) -> Result<()> {
        let block = match self.current {
            None => return cur.expected("a block label such as `bb0:`"),
            Some((block, true)) => {
                return cur.expected(&format!(
                    "a block label or `}}` after the terminator of {block}"
                ));
            }
            Some((block, false)) => block,
        };
        let first = cur.peek_word();
        if matches!(first, "jump" | "br" | "ret" | "raise" | "unreachable") {
            self.terminator(cur, block)?;
            self.current = Some((block, true));
            Ok(())
        } else {
            self.inst(cur, block)
        }
    }

    fn terminator(&mut self, cur: &mut Cursor<'_>, block: BlockId) -> Result<()> {
        let (term, edges) = match cur.word() {
            "jump" => {
                let target = cur.block()?;
                (Terminator::Jump, vec![(EdgeKind::Jump, target)])
            }
            "br" => {
                let cond = cur.value()?;
                cur.expect(",")?;
                let then = cur.block()?;
                cur.expect(",")?;
                let otherwise = cur.block()?;
                (
                    Terminator::Branch { cond },
                    vec![(EdgeKind::Then, then), (EdgeKind::Else, otherwise)],
                )
            }
            "ret" if cur.at_end() => (Terminator::Return(None), Vec::new()),
            "ret" => (Terminator::Return(Some(cur.value()?)), Vec::new()),
            "raise" => {
                let name = cur.peek_word();
                let Some(exception) = Exception::ALL.into_iter().find(|e| e.name() == name) else {
                    let names: Vec<&str> = Exception::ALL.iter().map(|e| e.name()).collect();
                    return cur.expected(&format!("an exception ({})", names.join(", ")));
                };
                cur.word();
                let message = cur.string()?;
                (Terminator::Raise { exception, message }, Vec::new())
            }
            _ => (Terminator::Unreachable, Vec::new()),
        };
        cur.expect_end("the terminator")?;
        self.terms.push(PendingTerm {
            line: cur.line,
            block,
            term,
            edges,
        });
        Ok(())
    }

    fn inst(&mut self, cur: &mut Cursor<'_>, block: BlockId) -> Result<()> {
        let result = if cur.looking_at_value() {
            let v = cur.value()?;
            cur.expect("=")?;
            Some(v)
        } else {
            None
        };
        let start = cur.pos;
        let mnemonic = cur.word();
        let (kind, has_result) = self.inst_kind(cur, mnemonic, start)?;
        match (has_result, result) {
            (Some(false), Some(v)) => {
                return cur.fail(format!("`{mnemonic}` has no result: remove `{v} =`"));
            }
            (Some(true), None) => {
                return cur.fail(format!(
                    "`{mnemonic}` has a result: expected `vN = {mnemonic} ...`"
                ));
            }
            _ => {}
        }
        let result = match result {
            Some(v) => {
                if !cur.eat(":") {
                    return cur.expected("`:` and the result's type");
                }
                let ty = cur.ty("`:`")?;
                cur.expect_end("the type")?;
                let is_copy = matches!(kind, Kind::Ready(InstKind::Copy { .. }));
                // After phi elimination a former phi's value is assigned
                // by a copy in each predecessor: copies may share a value.
                let copies_again = is_copy && self.copied.contains(&v);
                if is_copy {
                    self.copied.insert(v);
                }
                if let Some(first) = self.values.get(&v).filter(|_| !copies_again) {
                    let what = if self.func.params().contains(&v) {
                        "a parameter".to_owned()
                    } else {
                        format!("defined on line {first}")
                    };
                    return cur.fail(format!("`{v}` is defined twice: it is {what}"));
                }
                self.values.insert(v, cur.line);
                Some((v, ty))
            }
            None => {
                cur.expect_end("the instruction")?;
                None
            }
        };
        let kind = match kind {
            Kind::Ready(kind) => kind,
            Kind::Const(token) => {
                let ty = result.map_or(Type::Unknown, |(_, ty)| ty);
                InstKind::Const(constant(cur, token, ty)?)
            }
        };
        let inst = self
            .func
            .make_inst_with_result(kind, result, Span::default());
        self.func.place_at_end(block, inst);
        Ok(())
    }

    /// The instruction after its mnemonic, and whether it has a result
    /// (`None`: it may or may not).
    fn inst_kind<'a>(
        &mut self,
        cur: &mut Cursor<'a>,
        mnemonic: &'a str,
        start: usize,
    ) -> Result<(Kind<'a>, Option<bool>)> {
        let (head, suffix) = match mnemonic.split_once('.') {
            Some((head, suffix)) => (head, Some(suffix)),
            None => (mnemonic, None),
        };
        let unary = [UnaryOp::Neg, UnaryOp::Not, UnaryOp::Invert, UnaryOp::Pos]
            .into_iter()
            .find(|&op| unary_name(op) == mnemonic);
        let binop = BINOPS.into_iter().find(|&op| binop_name(op) == head);
        let cmp = Cmp::ALL.into_iter().find(|op| op.name() == mnemonic);
        let builtin = Builtin::ALL.into_iter().find(|b| b.name() == mnemonic);
        let two = |cur: &mut Cursor<'_>| -> Result<(ValueId, ValueId)> {
            let a = cur.value()?;
            cur.expect(",")?;
            Ok((a, cur.value()?))
        };
        let kind = if let Some(op) = unary {
            InstKind::Unary {
                op,
                arg: cur.value()?,
            }
        } else if let Some(op) = binop
            && matches!(suffix, None | Some("np" | "nowrap"))
        {
            let (lhs, rhs) = two(cur)?;
            let rules = match suffix {
                Some("np") => Rules::NumPy,
                Some(_) => Rules::NoWrap,
                None => Rules::Python,
            };
            InstKind::Binary {
                op,
                rules,
                lhs,
                rhs,
            }
        } else if let Some(op) = cmp {
            let (lhs, rhs) = two(cur)?;
            InstKind::Compare { op, lhs, rhs }
        } else if let Some(func) = builtin {
            InstKind::Builtin {
                func,
                arg: cur.value()?,
            }
        } else {
            match (head, suffix) {
                ("const", None) => {
                    let token = cur.word();
                    if token.is_empty() {
                        return cur.expected("a constant after `const`");
                    }
                    return Ok((Kind::Const(token), Some(true)));
                }
                ("select", None) => {
                    let cond = cur.value()?;
                    cur.expect(",")?;
                    let (then, otherwise) = two(cur)?;
                    InstKind::Select {
                        cond,
                        then,
                        otherwise,
                    }
                }
                ("convert", None) => InstKind::Convert { arg: cur.value()? },
                ("math" | "np", Some(name)) => {
                    let Some(func) = math_by_name(name) else {
                        return cur
                            .fail(format!("`{name}` is not a math function (in `{mnemonic}`)"));
                    };
                    let mut args = Vec::new();
                    if cur.looking_at_value() {
                        loop {
                            args.push(cur.value()?);
                            if !cur.eat(",") {
                                break;
                            }
                        }
                    }
                    InstKind::Math {
                        func,
                        numpy: head == "np",
                        args,
                    }
                }
                ("call", None) => {
                    let func = FuncRef(cur.id("f", "a function", u32::MAX)?);
                    cur.expect("(")?;
                    let args = cur.values_until(")")?;
                    return Ok((Kind::Ready(InstKind::Call { func, args }), None));
                }
                ("dim", None) => {
                    let array = cur.value()?;
                    cur.expect(",")?;
                    InstKind::Dim {
                        array,
                        axis: cur.axis()?,
                    }
                }
                ("size", None) => InstKind::Size {
                    array: cur.value()?,
                },
                ("index", None | Some("unchecked")) => {
                    let (index, extent) = two(cur)?;
                    cur.expect(",")?;
                    let message = if cur.eat_word("axis") {
                        OutOfRange::Axis(cur.axis()?)
                    } else if cur.eat_word("list") {
                        if cur.eat_word("assignment") {
                            OutOfRange::ListStore
                        } else {
                            OutOfRange::ListLoad
                        }
                    } else {
                        return cur.expected("`axis`, `list` or `list assignment`");
                    };
                    InstKind::Index {
                        index,
                        extent,
                        message,
                        checked: suffix.is_none(),
                    }
                }
                ("load", None) => {
                    let array = cur.value()?;
                    cur.expect("[")?;
                    InstKind::Load {
                        array,
                        positions: cur.values_until("]")?,
                    }
                }
                ("store", None) => {
                    let array = cur.value()?;
                    cur.expect("[")?;
                    let positions = cur.values_until("]")?;
                    cur.expect(",")?;
                    let value = cur.value()?;
                    return Ok((
                        Kind::Ready(InstKind::Store {
                            array,
                            positions,
                            value,
                        }),
                        Some(false),
                    ));
                }
                ("alloc", Some(which @ ("np" | "list"))) => {
                    let allocator = if which == "np" {
                        Allocator::NumPy
                    } else {
                        Allocator::List
                    };
                    let mut dims = Vec::new();
                    // No dimensions print as `alloc.np , zeros`.
                    cur.eat(",");
                    let fill = loop {
                        match cur.peek_word() {
                            "zeros" => {
                                cur.word();
                                break Fill::Zeros;
                            }
                            "ones" => {
                                cur.word();
                                break Fill::Ones;
                            }
                            "fill" => {
                                cur.word();
                                break Fill::Value(cur.value()?);
                            }
                            _ if cur.looking_at_value() => {
                                dims.push(cur.value()?);
                                if !cur.eat(",") {
                                    return cur
                                        .expected("`,` and then `zeros`, `ones` or `fill vN`");
                                }
                            }
                            _ => return cur.expected("a value, `zeros`, `ones` or `fill vN`"),
                        }
                    };
                    InstKind::Alloc {
                        allocator,
                        dims,
                        fill,
                    }
                }
                ("range_len", None) => {
                    let start = cur.value()?;
                    cur.expect(",")?;
                    let (stop, step) = two(cur)?;
                    InstKind::RangeLen { start, stop, step }
                }
                ("print", None) => {
                    let mut pieces = Vec::new();
                    while cur.peek_word() != "sep" {
                        cur.skip_ws();
                        if cur.rest().starts_with('"') {
                            pieces.push(PrintPiece::Text(cur.string()?));
                        } else if cur.looking_at_value() {
                            pieces.push(PrintPiece::Value(cur.value()?));
                        } else {
                            return cur.expected("a string, a value or `sep`");
                        }
                        cur.expect(",")?;
                    }
                    cur.word();
                    let sep = cur.string()?;
                    cur.expect(",")?;
                    if !cur.eat_word("end") {
                        return cur.expected("`end`");
                    }
                    let end = cur.string()?;
                    return Ok((
                        Kind::Ready(InstKind::Print { pieces, sep, end }),
                        Some(false),
                    ));
                }
                ("phi", None) => {
                    let mut incoming = Vec::new();
                    if !cur.at_end() && !cur.rest().starts_with(':') {
                        loop {
                            cur.expect("[")?;
                            let v = cur.value()?;
                            cur.expect(",")?;
                            let b = cur.block()?;
                            cur.expect("]")?;
                            incoming.push((b, v));
                            if !cur.eat(",") {
                                break;
                            }
                        }
                    }
                    InstKind::Phi { incoming }
                }
                ("copy", None) => InstKind::Copy { arg: cur.value()? },
                ("jump" | "br" | "ret" | "raise" | "unreachable", None) => {
                    return cur.fail(format!("`{mnemonic}` is a terminator: it has no result"));
                }
                _ => {
                    cur.pos = start;
                    return cur.expected("an instruction");
                }
            }
        };
        Ok((Kind::Ready(kind), Some(true)))
    }

    /// Set the terminators now that every block exists, and remove the
    /// blocks the text skipped.
    fn finish(mut self) -> Result<Function> {
        for pending in std::mem::take(&mut self.terms) {
            for &(_, target) in &pending.edges {
                if !self.blocks.contains_key(&target) {
                    return error(
                        pending.line,
                        format!(
                            "{} jumps to `{target}`, which is not a block of {}",
                            pending.block, self.func.id
                        ),
                    );
                }
            }
            self.func
                .set_terminator_unchecked(pending.block, pending.term, &pending.edges);
        }
        for block in self.func.blocks() {
            if !self.blocks.contains_key(&block) {
                self.func.remove_block(block);
            }
        }
        if let Some(max) = self.max_value {
            self.func.reserve_values(ValueId(max));
        }
        Ok(self.func)
    }
}

/// An instruction, but for a constant that needs its result type.
enum Kind<'a> {
    Ready(InstKind),
    Const(&'a str),
}

/// The constant `token` of type `ty`; a type that does not say (`none`,
/// `unknown`) lets the token's form decide.
fn constant(cur: &Cursor<'_>, token: &str, ty: Type) -> Result<Const> {
    let int = |token: &str| token.parse::<i64>().ok().map(Const::Int);
    let float = |token: &str| parse_float(token).map(Const::Float);
    let boolean = |token: &str| match token {
        "true" => Some(Const::Bool(true)),
        "false" => Some(Const::Bool(false)),
        _ => None,
    };
    let (parsed, what) = match ty {
        Type::Scalar(Scalar::Int32 | Scalar::Int64) => (int(token), "an integer"),
        Type::Scalar(Scalar::Float32 | Scalar::Float64) => (float(token), "a float"),
        Type::Scalar(Scalar::Bool) => (boolean(token), "`true` or `false`"),
        Type::Array(_) => ((token == "empty").then_some(Const::EmptyArray), "`empty`"),
        Type::None | Type::Unknown => (
            boolean(token)
                .or_else(|| (token == "empty").then_some(Const::EmptyArray))
                .or_else(|| int(token))
                .or_else(|| float(token)),
            "a constant",
        ),
    };
    match parsed {
        Some(c) => Ok(c),
        None => cur.fail(format!(
            "expected {what} for a constant of type {ty}, found `{token}`"
        )),
    }
}

/// A float as `float_repr` prints it (and `-nan`); any decimal form Rust
/// reads is accepted.
fn parse_float(token: &str) -> Option<f64> {
    match token {
        "inf" => Some(f64::INFINITY),
        "-inf" => Some(f64::NEG_INFINITY),
        "nan" => Some(f64::NAN),
        "-nan" => Some(-f64::NAN),
        _ if token
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-')) =>
        {
            token.parse::<f64>().ok()
        }
        _ => None,
    }
}
