//! The text format: how IR prints, deterministically, in a form that
//! [`crate::parse`] reads back (`print(parse(text)) == text`).
//!
//! ```text
//! fn f0 dot(v0: float64[:], v1: float64[:]) -> float64 {
//! bb0:
//!     v2 = const 0.0 : float64
//!     v3 = dim v0, 0 : int64
//!     jump bb1
//! bb1:
//!     v4 = phi [v2, bb0], [v9, bb2] : float64
//!     ...
//!     br v6, bb2, bb3
//! }
//! ```
//!
//! Values are `vN`, blocks `bbN`, functions `fN`; every instruction with a
//! value ends in `: type`. The entry block prints first, the others in id
//! order. The verifier's errors
//! print as `; error:` lines under what they concern.

use std::fmt::{self, Write};

use pyjit_frontend::pyops::float_repr;
use rustc_hash::FxHashMap;

use crate::entities::{BlockId, InstId};
use crate::function::{Function, Program, Terminator};
use crate::inst::{
    Builtin, Const, Fill, InstKind, OutOfRange, PrintPiece, Rules, binop_name, math_name,
    unary_name,
};
use pyjit_frontend::typed::Allocator;

/// What an annotation is attached to.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Location {
    /// The function as a whole (printed under its header).
    Function,
    /// A block (printed under its label).
    Block(BlockId),
    /// An instruction.
    Inst(InstId),
    /// A block's terminator.
    Terminator(BlockId),
}

/// Comment lines to print under parts of a function.
pub type Annotations = FxHashMap<Location, Vec<String>>;

impl fmt::Display for Function {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&function_text(self, &Annotations::default()))
    }
}

impl fmt::Display for Program {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, func) in self.functions.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{func}")?;
        }
        Ok(())
    }
}

/// A function's text with comment lines (`; error: ...`) under the parts
/// `annotations` names.
pub fn function_text(func: &Function, annotations: &Annotations) -> String {
    let mut out = String::new();
    let params: Vec<String> = func
        .params()
        .iter()
        .map(|&p| format!("{p}: {}", func.value_type(p)))
        .collect();
    let _ = writeln!(
        out,
        "fn {} {}({}) -> {}{} {{",
        func.id,
        func.name,
        params.join(", "),
        func.ret,
        if func.recursive { " recursive" } else { "" }
    );
    let notes = |out: &mut String, at: Location, indent: &str| {
        for note in annotations.get(&at).into_iter().flatten() {
            let _ = writeln!(out, "{indent}; {note}");
        }
    };
    notes(&mut out, Location::Function, "");
    // The entry first (the text has no other way to say which it is), then
    // the others by id.
    let entry = func.entry();
    let blocks = std::iter::once(entry).chain(func.blocks().into_iter().filter(|&b| b != entry));
    for b in blocks {
        let _ = writeln!(out, "{b}:");
        notes(&mut out, Location::Block(b), "");
        for &i in func.insts(b) {
            let _ = writeln!(out, "    {}", inst_text(func, i));
            notes(&mut out, Location::Inst(i), "    ");
        }
        let _ = writeln!(out, "    {}", terminator_text(func, b));
        notes(&mut out, Location::Terminator(b), "    ");
    }
    out.push_str("}\n");
    out
}

/// A constant as the text format spells it.
pub fn const_text(c: Const) -> String {
    match c {
        Const::Int(i) => i.to_string(),
        Const::Float(x) if x.is_nan() && x.is_sign_negative() => "-nan".to_owned(),
        Const::Float(x) => float_repr(x),
        Const::Bool(b) => b.to_string(),
        Const::EmptyArray => "empty".to_owned(),
    }
}

/// A string as the text format quotes it: Rust's escapes.
pub fn quote(text: &str) -> String {
    format!("{text:?}")
}

fn list(values: &[crate::entities::ValueId]) -> String {
    values
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// One instruction: `v3 = add v1, v2 : int64`.
pub fn inst_text(func: &Function, inst: InstId) -> String {
    let data = func.inst(inst);
    let body = match &data.kind {
        InstKind::Const(c) => format!("const {}", const_text(*c)),
        InstKind::Unary { op, arg } => format!("{} {arg}", unary_name(*op)),
        InstKind::Binary {
            op,
            rules,
            lhs,
            rhs,
        } => {
            let suffix = match rules {
                Rules::Python => "",
                Rules::NumPy => ".np",
                Rules::NoWrap => ".nowrap",
            };
            format!("{}{suffix} {lhs}, {rhs}", binop_name(*op))
        }
        InstKind::Compare { op, lhs, rhs } => format!("{} {lhs}, {rhs}", op.name()),
        InstKind::Select {
            cond,
            then,
            otherwise,
        } => format!("select {cond}, {then}, {otherwise}"),
        InstKind::Convert { arg } => format!("convert {arg}"),
        InstKind::Math {
            func: m,
            numpy,
            args,
        } => {
            let module = if *numpy { "np" } else { "math" };
            format!("{module}.{} {}", math_name(*m), list(args))
        }
        InstKind::Builtin { func: b, arg } => format!("{} {arg}", Builtin::name(*b)),
        InstKind::Call { func: callee, args } => format!("call {callee}({})", list(args)),
        InstKind::Dim { array, axis } => format!("dim {array}, {axis}"),
        InstKind::Size { array } => format!("size {array}"),
        InstKind::Index {
            index,
            extent,
            message,
            checked,
        } => {
            let unchecked = if *checked { "" } else { ".unchecked" };
            let message = match message {
                OutOfRange::Axis(axis) => format!("axis {axis}"),
                OutOfRange::ListLoad => "list".to_owned(),
                OutOfRange::ListStore => "list assignment".to_owned(),
            };
            format!("index{unchecked} {index}, {extent}, {message}")
        }
        InstKind::Load { array, positions } => format!("load {array}[{}]", list(positions)),
        InstKind::Store {
            array,
            positions,
            value,
        } => format!("store {array}[{}], {value}", list(positions)),
        InstKind::Alloc {
            allocator,
            dims,
            fill,
        } => {
            let allocator = match allocator {
                Allocator::NumPy => "np",
                Allocator::List => "list",
            };
            let fill = match fill {
                Fill::Zeros => "zeros".to_owned(),
                Fill::Ones => "ones".to_owned(),
                Fill::Value(v) => format!("fill {v}"),
            };
            format!("alloc.{allocator} {}, {fill}", list(dims))
        }
        InstKind::RangeLen { start, stop, step } => format!("range_len {start}, {stop}, {step}"),
        InstKind::Print { pieces, sep, end } => {
            let mut parts: Vec<String> = pieces
                .iter()
                .map(|p| match p {
                    PrintPiece::Text(t) => quote(t),
                    PrintPiece::Value(v) => v.to_string(),
                })
                .collect();
            parts.push(format!("sep {}", quote(sep)));
            parts.push(format!("end {}", quote(end)));
            format!("print {}", parts.join(", "))
        }
        InstKind::Phi { incoming } => {
            let parts: Vec<String> = incoming
                .iter()
                .map(|(b, v)| format!("[{v}, {b}]"))
                .collect();
            format!("phi {}", parts.join(", "))
        }
        InstKind::Copy { arg } => format!("copy {arg}"),
    };
    match data.result {
        Some(v) => format!("{v} = {body} : {}", func.value_type(v)),
        None => body,
    }
}

/// A block's terminator: `br v5, bb1, bb2`.
pub fn terminator_text(func: &Function, block: BlockId) -> String {
    let targets = func.succs(block);
    let target = |i: usize| {
        targets
            .get(i)
            .map_or_else(|| "<missing>".to_owned(), ToString::to_string)
    };
    match func.terminator(block) {
        Terminator::Jump => format!("jump {}", target(0)),
        Terminator::Branch { cond } => format!("br {cond}, {}, {}", target(0), target(1)),
        Terminator::Return(None) => "ret".to_owned(),
        Terminator::Return(Some(v)) => format!("ret {v}"),
        Terminator::Raise { exception, message } => {
            format!("raise {} {}", exception.name(), quote(message))
        }
        Terminator::Unreachable => "unreachable".to_owned(),
    }
}
