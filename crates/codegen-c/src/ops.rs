//! The C text of each operation, shared by both tiers' emitters.
//!
//! An emitter decides evaluation order, control flow and where values
//! live; this module decides what C computes an operation: an expression
//! where the operation cannot fail, or a prelude helper with a status where
//! it can raise ([`COp`]). Because both tiers come here, no Python rule is
//! spelled twice, and the tiers cannot disagree on one.

use std::fmt::Write as _;

use pyjit_frontend::pyops::float_repr;
use pyjit_frontend::typed::{BinOp, CmpOp, Const, MathFn, UnaryOp};
use pyjit_frontend::types::{OutOfRange, Scalar, Type};

/// How C computes an operation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum COp {
    /// An expression that cannot fail.
    Expr(String),
    /// A prelude helper that may raise: `name(rt, line, args..., &out)`
    /// returns a status.
    Helper {
        /// The helper.
        name: String,
        /// Its arguments after `rt` and `line`.
        args: Vec<String>,
    },
}

fn helper(name: impl Into<String>, args: &[&str]) -> COp {
    COp::Helper {
        name: name.into(),
        args: args.iter().map(|a| (*a).to_owned()).collect(),
    }
}

/// `a op b` on operands of type `operand`, by NumPy's rules when `numpy`,
/// else Python's; `a` and `b` are simple (names or literals).
pub(crate) fn arithmetic(op: BinOp, numpy: bool, operand: Scalar, a: &str, b: &str) -> COp {
    let call = |name: &str| COp::Expr(format!("{name}({a}, {b})"));
    let infix = |symbol: &str| COp::Expr(format!("({a} {symbol} {b})"));
    let suffix = match operand {
        Scalar::Float32 => "f32",
        Scalar::Float64 => "f64",
        Scalar::Int32 => "i32",
        Scalar::Int64 | Scalar::Bool => "i64",
    };
    let integer = !operand.is_float() && operand != Scalar::Bool;
    let width = if operand == Scalar::Int32 { "32" } else { "64" };
    match (op, numpy) {
        // Integers wrap (deviation 1, and NumPy's rule).
        (BinOp::Add, _) if integer => call(&format!("PJ_ADD{width}")),
        (BinOp::Sub, _) if integer => call(&format!("PJ_SUB{width}")),
        (BinOp::Mul, _) if integer => call(&format!("PJ_MUL{width}")),
        (BinOp::Add, _) => infix("+"),
        (BinOp::Sub, _) => infix("-"),
        (BinOp::Mul, _) => infix("*"),
        (BinOp::BitAnd, _) => infix("&"),
        (BinOp::BitOr, _) => infix("|"),
        (BinOp::BitXor, _) => infix("^"),
        // Python's rules raise: a helper with a status.
        (BinOp::Div, false) if integer => helper("pj_truediv_i64", &[a, b]),
        (BinOp::Div, false) => helper("pj_div_f64", &[a, b]),
        (BinOp::FloorDiv | BinOp::Mod | BinOp::Pow | BinOp::LShift | BinOp::RShift, false) => {
            helper(format!("pj_{}_{suffix}", helper_name(op)), &[a, b])
        }
        // NumPy's give a value, except an integer power's negative
        // exponent.
        (BinOp::Div, true) if integer => COp::Expr(format!("((double){a} / (double){b})")),
        (BinOp::Div, true) => infix("/"),
        (BinOp::Pow, true) if integer => helper(format!("pj_pow_{suffix}"), &[a, b]),
        (BinOp::Pow, true) if operand == Scalar::Float32 => call("powf"),
        (BinOp::Pow, true) => call("pow"),
        (BinOp::FloorDiv | BinOp::Mod | BinOp::LShift | BinOp::RShift, true) => {
            call(&format!("pj_np_{}_{suffix}", helper_name(op)))
        }
    }
}

/// `a // c` or `a % c` on integers for a constant divisor `c` that is a
/// power of two, as a shift or a mask: both rules floor, and for such a
/// divisor flooring is exactly an arithmetic right shift, and the
/// remainder (the divisor's sign, so never negative) exactly the low bits.
/// Neither raises nor wraps. `None` for any other operation or divisor.
///
/// gcc finds this itself at `-O3` only after inlining the helpers; tcc
/// never does, and a helper call with a hardware division per `x % 2`
/// cost the fast tier most of its time in the Collatz loop. `>>` of a
/// negative value is arithmetic in every compiler pyjit drives (C leaves
/// it to the implementation).
pub(crate) fn by_power_of_two(op: BinOp, operand: Scalar, a: &str, c: i64) -> Option<COp> {
    let integer = matches!(operand, Scalar::Int64 | Scalar::Int32);
    if !integer || c <= 0 || !(c as u64).is_power_of_two() {
        return None;
    }
    let ty = scalar_c_type(operand);
    match op {
        BinOp::FloorDiv => Some(COp::Expr(format!("(({ty}){a} >> {})", c.trailing_zeros()))),
        BinOp::Mod if operand == Scalar::Int64 => {
            Some(COp::Expr(format!("(({ty}){a} & {}LL)", c - 1)))
        }
        BinOp::Mod => Some(COp::Expr(format!("(({ty}){a} & {})", c - 1))),
        _ => None,
    }
}

/// `a op b` on integers whose result is proven to fit (the IR's
/// `Rules::NoWrap`): plain signed C arithmetic.
pub(crate) fn exact_arithmetic(op: BinOp, a: &str, b: &str) -> COp {
    let symbol = match op {
        BinOp::Add => "+",
        BinOp::Sub => "-",
        BinOp::Mul => "*",
        _ => unreachable!("the verifier allows nowrap on add, sub and mul only"),
    };
    COp::Expr(format!("({a} {symbol} {b})"))
}

/// `-a`, `~a`, `not a` for a value of type `s`.
pub(crate) fn unary(op: UnaryOp, s: Scalar, a: &str) -> String {
    match (op, s) {
        (UnaryOp::Not, _) => format!("(!{a})"),
        (UnaryOp::Neg, Scalar::Int64) => format!("PJ_NEG64({a})"),
        (UnaryOp::Neg, Scalar::Int32) => format!("PJ_NEG32({a})"),
        (UnaryOp::Neg, Scalar::Float32) => format!("PJ_NEG_F32({a})"),
        (UnaryOp::Neg, _) => format!("PJ_NEG_F64({a})"),
        (UnaryOp::Invert, _) => format!("(({})~{a})", scalar_c_type(s)),
        (UnaryOp::Pos, _) => a.to_owned(),
    }
}

/// `a op b` for operands of types `lhs` and `rhs`: one type, or an
/// `int64` against a `float64`, compared exactly as Python compares `int`
/// with `float`.
pub(crate) fn compare(op: CmpOp, lhs: Scalar, rhs: Scalar, a: &str, b: &str) -> String {
    if lhs == rhs {
        return format!("({a} {} {b})", op.symbol());
    }
    let (int, float, op) = if lhs == Scalar::Int64 {
        (a, b, op)
    } else {
        (b, a, flip(op))
    };
    // pj_cmp_i64_f64 gives -1, 0, 1, or 2 when the float is NaN.
    let c = format!("pj_cmp_i64_f64({int}, {float})");
    match op {
        CmpOp::Lt => format!("({c} == -1)"),
        CmpOp::LtE => format!("({c} <= 0)"),
        CmpOp::Eq => format!("({c} == 0)"),
        CmpOp::NotEq => format!("({c} != 0)"),
        CmpOp::Gt => format!("({c} == 1)"),
        CmpOp::GtE => format!("((pj_u32){c} <= 1u)"),
        _ => unreachable!("the checker rejects `is` and `in`"),
    }
}

/// The operator with its operands swapped: `a < b` is `b > a`.
fn flip(op: CmpOp) -> CmpOp {
    match op {
        CmpOp::Lt => CmpOp::Gt,
        CmpOp::LtE => CmpOp::GtE,
        CmpOp::Gt => CmpOp::Lt,
        CmpOp::GtE => CmpOp::LtE,
        other => other,
    }
}

/// A `math` function of simple arguments, with CPython's errors.
pub(crate) fn math(func: MathFn, a: &[&str]) -> COp {
    let name = func.name();
    match func {
        MathFn::Fabs | MathFn::Copysign | MathFn::Atan2 => {
            COp::Expr(format!("{name}({})", a.join(", ")))
        }
        MathFn::Isnan | MathFn::Isinf | MathFn::Isfinite => {
            COp::Expr(format!("pj_{name}({})", a[0]))
        }
        MathFn::Degrees | MathFn::Radians => COp::Expr(format!("pj_math_{name}({})", a[0])),
        MathFn::LogBase => helper("pj_math_log_base", &a[..2]),
        MathFn::Pow | MathFn::Fmod | MathFn::Hypot => helper(format!("pj_math_{name}"), &a[..2]),
        _ => helper(format!("pj_math_{name}"), &a[..1]),
    }
}

/// A NumPy function of simple arguments (`single`: on `float32`): NaN or
/// infinity where `math` would raise.
pub(crate) fn numpy(func: MathFn, single: bool, a: &[&str]) -> String {
    let f = if single { "f" } else { "" };
    match func {
        MathFn::Isnan | MathFn::Isinf | MathFn::Isfinite => format!("pj_{}({})", func.name(), a[0]),
        MathFn::Degrees | MathFn::Radians if single => {
            format!("pj_np_{}_f32({})", func.name(), a[0])
        }
        MathFn::Degrees | MathFn::Radians => format!("pj_math_{}({})", func.name(), a[0]),
        MathFn::Trunc | MathFn::Floor | MathFn::Ceil | MathFn::Fabs => {
            format!("{}{f}({})", func.name(), a[0])
        }
        MathFn::Pow => format!("pow{f}({}, {})", a[0], a[1]),
        MathFn::LogBase | MathFn::Erf | MathFn::Erfc | MathFn::Gamma | MathFn::Lgamma => {
            unreachable!("NumPy has no {}; the checker rejects it", func.name())
        }
        other => format!("{}{f}({})", other.name(), a.join(", ")),
    }
}

/// `abs(a)` of a value of type `s`; integers wrap at the minimum.
pub(crate) fn abs(s: Scalar, a: &str) -> String {
    match s {
        Scalar::Int64 => format!("PJ_ABS64({a})"),
        Scalar::Int32 => format!("PJ_ABS32({a})"),
        Scalar::Float32 => format!("fabsf({a})"),
        _ => format!("fabs({a})"),
    }
}

/// `int(a)` of a float.
pub(crate) fn float_to_int(a: &str) -> COp {
    helper("pj_float_to_int", &[a])
}

/// `round(a)` of a float.
pub(crate) fn round(a: &str) -> COp {
    helper("pj_round", &[a])
}

/// A conversion of simple `a` from `from` to `to` (the typed program's
/// `Convert`).
pub(crate) fn convert(from: Scalar, to: Scalar, a: &str) -> COp {
    match (from, to) {
        (_, Scalar::Bool) => COp::Expr(format!("({a} != 0)")),
        (Scalar::Int64, Scalar::Int32) => helper("pj_i64_to_i32", &[a]),
        _ => COp::Expr(format!("(({}){a})", scalar_c_type(to))),
    }
}

/// The statement that checks index `value` against `extent` and puts its
/// position in `out`, raising `IndexError` with `message`.
pub(crate) fn checked_index(
    line: u32,
    value: &str,
    extent: &str,
    message: OutOfRange,
    out: &str,
) -> String {
    // The prelude's `pj_index_error` takes the axis, or a negative code
    // for a list's messages.
    let code = match message {
        OutOfRange::Axis(axis) => i32::from(axis),
        OutOfRange::ListLoad => -1,
        OutOfRange::ListStore => -2,
    };
    format!("PJ_INDEX(rt, {line}, {value}, {extent}, {code}, {out})")
}

/// The position of index `value` on an axis of `extent` elements, without
/// a check (negative indices still count from the end).
pub(crate) fn unchecked_index(value: &str, extent: &str) -> String {
    format!("({value} < 0 ? {value} + {extent} : {value})")
}

/// The call allocating array `out` of `elem` with extents `dims`, whose
/// errors are NumPy's (`numpy`) or a Python list's; returns a status.
pub(crate) fn alloc(line: u32, elem: Scalar, dims: &[String], numpy: bool, out: &str) -> String {
    let (n0, n1) = match dims {
        [n] => (n.clone(), "1".to_owned()),
        [n, m] => (n.clone(), m.clone()),
        _ => unreachable!("arrays have one or two dimensions"),
    };
    let dtype = if numpy {
        format!("\"{}\"", numpy_dtype_name(elem))
    } else {
        "0".to_owned()
    };
    format!(
        "pj_alloc(rt, {line}, {n0}, {n1}, {}, (pj_i64)sizeof({}), {dtype}, &{out})",
        dims.len(),
        scalar_c_type(elem)
    )
}

/// The statement filling every element of array `array` with `value`.
pub(crate) fn fill(array: &str, elem: Scalar, value: &str, counter: &str) -> String {
    format!(
        "{{ pj_i64 {counter}; for ({counter} = 0; {counter} < {array}.shape[0] * {array}.shape[1]; {counter}++) (({} *){array}.data)[{counter}] = {value}; }}",
        scalar_c_type(elem)
    )
}

/// The constant 1 of an element type (`np.ones`).
pub(crate) fn one(elem: Scalar) -> String {
    c_const(
        if elem.is_float() {
            Const::Float(1.0)
        } else if elem == Scalar::Bool {
            Const::Bool(true)
        } else {
            Const::Int(1)
        },
        Type::Scalar(elem),
    )
}

/// The statement putting the smallest (`min`) or largest element of the
/// non-empty 1-D `array` in `result`: the first of equal ones, as Python's
/// `min` and `max` keep.
pub(crate) fn array_extreme(
    result: &str,
    array: &str,
    elem: Scalar,
    min: bool,
    counter: &str,
) -> String {
    let cmp = if min { "<" } else { ">" };
    let elem = scalar_c_type(elem);
    format!(
        "{{ pj_i64 {counter}; {result} = (({elem} *){array}.data)[0]; for ({counter} = 1; {counter} < {array}.shape[0]; {counter}++) if ((({elem} *){array}.data)[{counter}] {cmp} {result}) {result} = (({elem} *){array}.data)[{counter}]; }}"
    )
}

/// The message of `min()` or `max()` of an empty array.
pub(crate) fn empty_extreme_message(min: bool) -> &'static str {
    if min {
        "min() arg is an empty sequence"
    } else {
        "max() arg is an empty sequence"
    }
}

/// A function's two exits and its closing brace: `done:`, where the body
/// goes after storing the value it returns, and `error:`, where it goes
/// after a raise; both drop the references `releases` (its array
/// variables) and return the status. No status variable carries the
/// outcome to one shared exit: without arrays each exit is one `return`,
/// which a recursive function takes on every call (tcc keeps every
/// variable in memory).
pub(crate) fn exits<S: AsRef<str>>(releases: &[S]) -> String {
    let mut out = String::new();
    for (label, status) in [("done", "0"), ("error", "rt->err_kind")] {
        let _ = writeln!(out, "{label}:");
        for name in releases {
            let _ = writeln!(out, "    pj_decref(rt, {});", name.as_ref());
        }
        let _ = writeln!(out, "    return {status};");
    }
    out.push_str("}\n");
    out
}

/// The statement printing a value of type `s` (`None`: `text` is text).
pub(crate) fn print_value(s: Option<Scalar>, text: &str) -> String {
    match s {
        None => format!("pj_write(rt, {}, {});", c_string(text), text.len()),
        Some(Scalar::Bool) => format!("pj_write_bool(rt, {text});"),
        Some(Scalar::Int32 | Scalar::Int64) => format!("pj_write_i64(rt, (pj_i64){text});"),
        Some(Scalar::Float32) => format!("pj_write_f32(rt, {text});"),
        Some(Scalar::Float64) => format!("pj_write_f64(rt, {text});"),
    }
}

/// How a function counts recursion for `RecursionError`. In a program
/// with a call cycle, every function takes `pj_i64 depth`, the number of
/// frames of recursive functions (those in a cycle) above it; a recursive
/// function checks it on entry and passes one more to its callees, the
/// others pass it on. An argument rather than a counter in `pj_rt`: it
/// costs a register instead of two memory updates per call, which is
/// most of a small recursive function's time.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Depth {
    /// Whether the program has a call cycle (and so functions take a depth).
    pub counted: bool,
    /// Whether this function is in a cycle.
    pub recursive: bool,
}

impl Depth {
    /// The statement that checks the depth on entry, if the function counts.
    pub(crate) fn enter(self, line: u32) -> Option<String> {
        self.recursive
            .then(|| {
                format!(
                    "char pj_frame; if (PJ_TOO_DEEP(rt, depth, pj_frame)) return pj_recursion_error(rt, {line});"
                )
            })
    }

    /// The depth argument of a call this function makes, if any.
    pub(crate) fn call_arg(self) -> Option<&'static str> {
        match (self.counted, self.recursive) {
            (false, _) => None,
            (true, false) => Some("depth"),
            (true, true) => Some("depth + 1"),
        }
    }
}

/// `static pj_i32 f0_name(pj_rt *rt, [pj_i64 depth,] double v_x, ...,
/// double *out)`.
pub(crate) fn prototype(name: &str, depth: Depth, params: &[(Type, String)], ret: Type) -> String {
    prototype_with(name, depth, params, &[], ret)
}

/// [`prototype`] with `extra` C parameters after the function's own (and
/// after `out`).
pub(crate) fn prototype_with(
    name: &str,
    depth: Depth,
    params: &[(Type, String)],
    extra: &[String],
    ret: Type,
) -> String {
    let mut list = vec!["pj_rt *rt".to_owned()];
    if depth.counted {
        list.push("pj_i64 depth".to_owned());
    }
    for (ty, param) in params {
        list.push(format!("{} {param}", c_type(*ty)));
    }
    if ret != Type::None {
        list.push(format!("{} *out", c_type(ret)));
    }
    list.extend(extra.iter().cloned());
    format!("static pj_i32 {name}({})", list.join(", "))
}

/// The arguments of a call before the callee's own: `rt`, and the depth.
pub(crate) fn call_prefix(caller: Depth) -> Vec<String> {
    let mut args = vec!["rt".to_owned()];
    args.extend(caller.call_arg().map(str::to_owned));
    args
}

/// `pyjit_abi` and the exported `pyjit_entry`, which calls the entry
/// function `name` with the argument slots (at depth 0 in a program that
/// counts it).
pub(crate) fn entry_wrapper(name: &str, counted: bool, params: &[Type], ret: Type) -> String {
    let mut args = vec!["rt".to_owned()];
    if counted {
        args.push("0".to_owned());
    }
    for (i, &ty) in params.iter().enumerate() {
        args.push(format!("args[{i}].{}", value_field(ty)));
    }
    if ret != Type::None {
        args.push(format!("&ret->{}", value_field(ret)));
    }
    format!(
        "int pyjit_abi(void) {{ return PJ_ABI_VERSION; }}\n\n\
         int pyjit_entry(pj_rt *rt, const pj_value *args, pj_value *ret) {{\n    \
         (void)args; (void)ret;\n    return {name}({});\n}}\n",
        args.join(", ")
    )
}

/// The C type of a pyjit type.
pub(crate) fn c_type(ty: Type) -> &'static str {
    match ty {
        Type::Scalar(s) => scalar_c_type(s),
        Type::Array(_) => "pj_array",
        Type::None => "void",
    }
}

pub(crate) fn scalar_c_type(s: Scalar) -> &'static str {
    match s {
        Scalar::Bool => "pj_u8",
        Scalar::Int32 => "pj_i32",
        Scalar::Int64 => "pj_i64",
        Scalar::Float32 => "float",
        Scalar::Float64 => "double",
    }
}

/// The name of an operator in the prelude's helpers: `pj_floordiv_i64`.
fn helper_name(op: BinOp) -> &'static str {
    match op {
        BinOp::FloorDiv => "floordiv",
        BinOp::Mod => "mod",
        BinOp::Pow => "pow",
        BinOp::LShift => "lshift",
        BinOp::RShift => "rshift",
        BinOp::Add => "add",
        BinOp::Sub => "sub",
        BinOp::Mul => "mul",
        BinOp::Div => "div",
        BinOp::BitAnd => "and",
        BinOp::BitOr => "or",
        BinOp::BitXor => "xor",
    }
}

/// NumPy's name of an element type, as its error messages print it.
pub(crate) fn numpy_dtype_name(s: Scalar) -> &'static str {
    match s {
        Scalar::Bool => "bool",
        Scalar::Int32 => "int32",
        Scalar::Int64 => "int64",
        Scalar::Float32 => "float32",
        Scalar::Float64 => "float64",
    }
}

/// The field of `pj_value` that holds a type.
pub(crate) fn value_field(ty: Type) -> &'static str {
    match ty {
        Type::Scalar(Scalar::Bool) => "b",
        Type::Scalar(Scalar::Int32) => "i32",
        Type::Scalar(Scalar::Int64) => "i64",
        Type::Scalar(Scalar::Float32) => "f32",
        Type::Scalar(Scalar::Float64) => "f64",
        Type::Array(_) | Type::None => "array",
    }
}

/// Text safe inside a C comment.
pub(crate) fn comment_safe(text: &str) -> String {
    text.replace("*/", "* /").replace(['\n', '\r'], " ")
}

/// A C string literal with the bytes of `text` (octal escapes for anything
/// but printable ASCII, so no `\x` escape can swallow a following digit).
pub(crate) fn c_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for &b in text.as_bytes() {
        match b {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'?' => out.push_str("\\?"),
            0x20..=0x7e => out.push(b as char),
            _ => {
                let _ = write!(out, "\\{b:03o}");
            }
        }
    }
    out.push('"');
    out
}

/// A constant as a C expression of its type.
pub(crate) fn c_const(value: Const, ty: Type) -> String {
    match (value, ty) {
        (Const::Bool(b), _) => {
            if b {
                "1".to_owned()
            } else {
                "0".to_owned()
            }
        }
        (Const::Int(i), Type::Scalar(Scalar::Int32)) => format!("((pj_i32){i})"),
        (Const::Int(i64::MIN), _) => "PJ_I64_MIN".to_owned(),
        (Const::Int(i), _) => format!("{i}LL"),
        (Const::Float(f), ty) => {
            let double = if f.is_nan() && f.is_sign_negative() {
                "PJ_NEG_F64(pj_nan())".to_owned()
            } else if f.is_nan() {
                "pj_nan()".to_owned()
            } else if f.is_infinite() {
                if f > 0.0 {
                    "pj_inf()".to_owned()
                } else {
                    "(-pj_inf())".to_owned()
                }
            } else {
                // Python's repr is the shortest text that reads back exactly;
                // gcc, clang and tcc all read it correctly rounded.
                let text = float_repr(f);
                if text.starts_with('-') {
                    format!("({text})")
                } else {
                    text
                }
            };
            if ty == Type::Scalar(Scalar::Float32) {
                format!("((float){double})")
            } else {
                double
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(op: COp) -> String {
        match op {
            COp::Expr(text) => text,
            COp::Helper { name, .. } => name,
        }
    }

    #[test]
    fn only_positive_powers_of_two_become_shifts_and_masks() {
        let shift = |op, s, c| by_power_of_two(op, s, "x", c).map(text);
        assert_eq!(
            shift(BinOp::FloorDiv, Scalar::Int64, 8).as_deref(),
            Some("((pj_i64)x >> 3)")
        );
        assert_eq!(
            shift(BinOp::Mod, Scalar::Int64, 1 << 62).as_deref(),
            Some("((pj_i64)x & 4611686018427387903LL)")
        );
        assert_eq!(
            shift(BinOp::Mod, Scalar::Int32, 4).as_deref(),
            Some("((pj_i32)x & 3)")
        );
        for c in [0, -2, -1, 3, 6, i64::MIN] {
            assert_eq!(shift(BinOp::FloorDiv, Scalar::Int64, c), None, "{c}");
        }
        assert_eq!(shift(BinOp::Mul, Scalar::Int64, 2), None);
        assert_eq!(shift(BinOp::FloorDiv, Scalar::Float64, 2), None);
        assert_eq!(shift(BinOp::FloorDiv, Scalar::Bool, 2), None);
    }
}
