//! Constant folding and branch folding.
//!
//! Needs typed SSA: every value has a type (no `unknown` left), so each
//! operation's rules are decided by its operand and result types. Guarantees
//! that an operation whose operands are constants, and that cannot raise on
//! them, becomes a `const` with the value the compiled code would compute
//! (Python's rules through [`pyops`], NumPy's as the C prelude implements
//! them, integers wrapping at their type's width); that a `select` on a
//! constant condition becomes the operand it selects; that a `br` on a
//! constant becomes a `jump` to the side taken, the other side's phis
//! dropping this block; and that a phi whose reachable incoming values are
//! all one value (itself aside) becomes that value. An operation that would
//! raise on its constants (a division by zero under Python's rules, a
//! negative shift count, a math domain error, an index out of range, an
//! `int64` out of `int32`'s range) is left in place, so that it raises at
//! run time with its message and line. Where a rule is subtle (`float32`
//! floor division, `gamma`, `asinh`, `degrees`), nothing is folded.
//!
//! Folding runs in sweeps over the blocks in reverse postorder until a
//! sweep changes nothing. Blocks that become unreachable stay for dead code
//! elimination to remove.

use std::cmp::Ordering;

use pyjit_frontend::pyops;
use pyjit_frontend::typed::{BinOp, MathFn, UnaryOp};
use pyjit_ir::types::Scalar;
use pyjit_ir::{
    BlockId, Builtin, Cmp, Const, EdgeKind, Function, InstId, InstKind, Rules, Terminator, ValueId,
};
use rustc_hash::FxHashMap;

use crate::{PassError, PassReport, drop_phi_entries};

/// Fold constants and constant branches until nothing changes.
pub fn run(func: &mut Function) -> Result<PassReport, PassError> {
    let mut changed = false;
    while sweep(func) {
        changed = true;
    }
    Ok(PassReport::changed(changed))
}

/// What to do with one instruction.
enum Fold {
    /// Nothing.
    Keep,
    /// Turn it into this constant in place.
    Const(Const),
    /// Replace its value by another value and remove it.
    Value(ValueId),
    /// A phi whose incoming values are equal constants: replace it by a new
    /// constant placed after the block's phis.
    PhiConst(Const),
}

/// Values replaced during a sweep, applied to every use at its end.
#[derive(Default)]
struct Replacements {
    map: FxHashMap<ValueId, ValueId>,
    removed: Vec<InstId>,
}

impl Replacements {
    /// The value `v` stands for now.
    fn resolve(&self, mut v: ValueId) -> ValueId {
        // Chains are short and acyclic (a phi never resolves to itself).
        while let Some(&next) = self.map.get(&v) {
            v = next;
        }
        v
    }
}

/// One pass over the reachable blocks; whether it changed anything.
fn sweep(func: &mut Function) -> bool {
    let mut changed = false;
    let mut repl = Replacements::default();
    for block in func.rpo().to_vec() {
        // A branch folded earlier in this sweep may have cut this block off.
        if !func.is_reachable(block) {
            continue;
        }
        for inst in func.insts(block).to_vec() {
            let Some(result) = func.inst(inst).result else {
                continue;
            };
            match fold_inst(func, block, inst, &repl) {
                Fold::Keep => continue,
                Fold::Const(c) => *func.inst_kind_mut(inst) = InstKind::Const(c),
                Fold::Value(v) => {
                    repl.map.insert(result, v);
                    repl.removed.push(inst);
                }
                Fold::PhiConst(c) => {
                    let span = func.inst(inst).span;
                    let ty = func.value_type(result);
                    let (new, value) = func.make_inst(InstKind::Const(c), Some(ty), span);
                    let after_phis = func
                        .insts(block)
                        .iter()
                        .take_while(|&&i| matches!(func.inst(i).kind, InstKind::Phi { .. }))
                        .count();
                    func.insert_at(block, after_phis, new);
                    repl.map.insert(result, value.expect("made with a result"));
                    repl.removed.push(inst);
                }
            }
            changed = true;
        }
        if let Terminator::Branch { cond } = *func.terminator(block)
            && let Some(Const::Bool(taken)) = const_of(func, repl.resolve(cond))
        {
            let (then, otherwise) = (
                func.succ(block, EdgeKind::Then)
                    .expect("a br has a then edge"),
                func.succ(block, EdgeKind::Else)
                    .expect("a br has an else edge"),
            );
            let (target, dropped) = if taken {
                (then, otherwise)
            } else {
                (otherwise, then)
            };
            func.set_jump(block, target);
            drop_phi_entries(func, dropped, block);
            changed = true;
        }
    }
    if !repl.map.is_empty() {
        func.map_uses(|v| repl.resolve(v));
        for inst in repl.removed {
            func.remove_inst(inst);
        }
    }
    changed
}

/// The constant a value is, if a `const` instruction defines it.
fn const_of(func: &Function, v: ValueId) -> Option<Const> {
    match func.inst(func.defining_inst(v)?).kind {
        InstKind::Const(c) => Some(c),
        _ => None,
    }
}

fn scalar_of(func: &Function, v: ValueId) -> Option<Scalar> {
    func.value_type(v).scalar()
}

/// How `inst` (with a result) folds.
fn fold_inst(func: &Function, block: BlockId, inst: InstId, repl: &Replacements) -> Fold {
    let data = func.inst(inst);
    let result = data.result.expect("only instructions with a value fold");
    let konst = |v: ValueId| const_of(func, repl.resolve(v));
    let result_scalar = scalar_of(func, result);
    let folded = match &data.kind {
        InstKind::Phi { incoming } => return fold_phi(func, block, result, incoming, repl),
        InstKind::Select {
            cond,
            then,
            otherwise,
        } => {
            let (then, otherwise) = (repl.resolve(*then), repl.resolve(*otherwise));
            return match konst(*cond) {
                Some(Const::Bool(true)) => Fold::Value(then),
                Some(Const::Bool(false)) => Fold::Value(otherwise),
                _ if then == otherwise => Fold::Value(then),
                _ => Fold::Keep,
            };
        }
        InstKind::Unary { op, arg } => {
            konst(*arg).and_then(|a| fold_unary(*op, scalar_of(func, *arg)?, result_scalar?, a))
        }
        InstKind::Binary {
            op,
            rules,
            lhs,
            rhs,
        } => match (konst(*lhs), konst(*rhs)) {
            (Some(a), Some(b)) if func.value_type(*lhs) == func.value_type(*rhs) => {
                fold_binary(*op, *rules, scalar_of(func, *lhs), result_scalar, a, b)
            }
            _ => None,
        },
        InstKind::Compare { op, lhs, rhs } => match (konst(*lhs), konst(*rhs)) {
            (Some(a), Some(b)) => {
                fold_compare(*op, scalar_of(func, *lhs), scalar_of(func, *rhs), a, b)
                    .map(Const::Bool)
            }
            _ => None,
        },
        InstKind::Convert { arg } => {
            konst(*arg).and_then(|a| fold_convert(scalar_of(func, *arg)?, result_scalar?, a))
        }
        InstKind::Math {
            func: math,
            numpy,
            args,
        } => {
            let consts: Option<Vec<Const>> = args.iter().map(|&a| konst(a)).collect();
            let arg_scalar = args.first().and_then(|&a| scalar_of(func, a));
            match (consts, arg_scalar, result_scalar) {
                (Some(consts), Some(arg), Some(res)) => fold_math(*math, *numpy, arg, res, &consts),
                _ => None,
            }
        }
        InstKind::Builtin { func: builtin, arg } => konst(*arg)
            .and_then(|a| fold_builtin(*builtin, scalar_of(func, *arg)?, result_scalar?, a)),
        InstKind::Index { index, extent, .. } => match (konst(*index), konst(*extent)) {
            (Some(Const::Int(i)), Some(Const::Int(n))) => fold_index(i, n).map(Const::Int),
            _ => None,
        },
        InstKind::RangeLen { start, stop, step } => {
            match (konst(*start), konst(*stop), konst(*step)) {
                (Some(Const::Int(lo)), Some(Const::Int(hi)), Some(Const::Int(step))) => {
                    range_len(lo, hi, step).map(Const::Int)
                }
                _ => None,
            }
        }
        _ => None,
    };
    folded.map_or(Fold::Keep, Fold::Const)
}

/// A phi with one reachable incoming value besides itself is that value;
/// one whose reachable incoming values are all the same constant is that
/// constant. Entries from unreachable predecessors carry nothing and are
/// ignored (dead code elimination drops them).
fn fold_phi(
    func: &Function,
    block: BlockId,
    result: ValueId,
    incoming: &[(BlockId, ValueId)],
    repl: &Replacements,
) -> Fold {
    let values: Vec<ValueId> = incoming
        .iter()
        .filter(|&&(pred, _)| func.is_reachable(pred) && func.preds(block).contains(&pred))
        .map(|&(_, v)| repl.resolve(v))
        .filter(|&v| v != result)
        .collect();
    let Some((&first, rest)) = values.split_first() else {
        return Fold::Keep;
    };
    if rest.iter().all(|&v| v == first) {
        return Fold::Value(first);
    }
    let Some(c) = const_of(func, first) else {
        return Fold::Keep;
    };
    if rest
        .iter()
        .all(|&v| const_of(func, v).is_some_and(|d| same_const(c, d)))
    {
        Fold::PhiConst(c)
    } else {
        Fold::Keep
    }
}

/// Equal as constants: floats bit for bit (so `0.0` is not `-0.0`).
fn same_const(a: Const, b: Const) -> bool {
    match (a, b) {
        (Const::Float(x), Const::Float(y)) => x.to_bits() == y.to_bits(),
        _ => a == b,
    }
}

// ------------------------------------------------------------ integers

/// An integer of type `s` (`int32` or `int64`) from its value computed
/// modulo 2^64: `int32` keeps the low 32 bits, as C's unsigned arithmetic
/// in the prelude does.
fn wrap(s: Scalar, x: i64) -> Const {
    Const::Int(if s == Scalar::Int32 {
        i64::from(x as i32)
    } else {
        x
    })
}

/// A float constant of type `s`: a `float32` holds an `f32` exactly.
fn float_const(s: Scalar, x: f64) -> Option<Const> {
    match s {
        Scalar::Float64 => Some(Const::Float(x)),
        Scalar::Float32 => Some(Const::Float(f64::from(x as f32))),
        _ => None,
    }
}

fn fold_binary(
    op: BinOp,
    rules: Rules,
    operand: Option<Scalar>,
    result: Option<Scalar>,
    a: Const,
    b: Const,
) -> Option<Const> {
    let (operand, result) = (operand?, result?);
    match (operand, a, b) {
        (Scalar::Int64 | Scalar::Int32, Const::Int(a), Const::Int(b)) => {
            int_binary(op, rules, operand, result, a, b)
        }
        (Scalar::Float64, Const::Float(a), Const::Float(b)) if result == operand => {
            f64_binary(op, rules, a, b).map(Const::Float)
        }
        (Scalar::Float32, Const::Float(a), Const::Float(b)) if result == operand => {
            f32_binary(op, rules, a as f32, b as f32).map(|x| Const::Float(f64::from(x)))
        }
        (Scalar::Bool, Const::Bool(a), Const::Bool(b)) if result == Scalar::Bool => match op {
            BinOp::BitAnd => Some(Const::Bool(a & b)),
            BinOp::BitOr => Some(Const::Bool(a | b)),
            BinOp::BitXor => Some(Const::Bool(a ^ b)),
            // NumPy's bool + bool is `or`, bool * bool is `and` (C adds
            // and multiplies, and the bool result is the truth of that).
            BinOp::Add => Some(Const::Bool(a | b)),
            BinOp::Mul => Some(Const::Bool(a & b)),
            _ => None,
        },
        _ => None,
    }
}

/// An integer operation of `int32` or `int64` operands. Python's rules
/// apply to `int64` (Python's `int`); the prelude has no Python helper of
/// `int32` for `/`, `//`, `%` and the shifts, so those are not folded.
fn int_binary(op: BinOp, rules: Rules, s: Scalar, result: Scalar, a: i64, b: i64) -> Option<Const> {
    let python = rules != Rules::NumPy;
    let narrow = s == Scalar::Int32;
    if op == BinOp::Div {
        // True division gives a float.
        let q = if python {
            if narrow {
                return None;
            }
            pyops::int_truediv(a, b).ok()?
        } else {
            // NumPy: both converted to double first, then IEEE division.
            a as f64 / b as f64
        };
        return if result == Scalar::Float64 {
            Some(Const::Float(q))
        } else {
            None
        };
    }
    if result != s
        || (python
            && narrow
            && matches!(
                op,
                BinOp::FloorDiv | BinOp::Mod | BinOp::LShift | BinOp::RShift
            ))
    {
        return None;
    }
    let bits: i64 = if narrow { 32 } else { 64 };
    let value = match op {
        BinOp::Add => a.wrapping_add(b),
        BinOp::Sub => a.wrapping_sub(b),
        BinOp::Mul => a.wrapping_mul(b),
        BinOp::BitAnd => a & b,
        BinOp::BitOr => a | b,
        BinOp::BitXor => a ^ b,
        // Python raises for a zero divisor (left for run time); NumPy gives
        // 0. Otherwise both floor, and MIN // -1 wraps to MIN.
        BinOp::FloorDiv if b == 0 && !python => 0,
        BinOp::FloorDiv => pyops::int_floordiv(a, b).ok()?.0,
        BinOp::Mod if b == 0 && !python => 0,
        BinOp::Mod => pyops::int_mod(a, b).ok()?,
        // A negative exponent raises under both rules (Python's is never
        // negative here: the checker types it as a float power).
        BinOp::Pow if b < 0 => return None,
        // The power modulo 2^64; `wrap` keeps its low 32 bits for `int32`,
        // which is the power modulo 2^32.
        BinOp::Pow => pyops::int_pow(a, b).0,
        BinOp::LShift if python => pyops::int_lshift(a, b).ok()?.0,
        BinOp::RShift if python => pyops::int_rshift(a, b).ok()?,
        // NumPy: a count outside 0..bits, negative ones included, shifts
        // everything out.
        BinOp::LShift if (0..bits).contains(&b) => ((a as u64) << b) as i64,
        BinOp::LShift => 0,
        BinOp::RShift if (0..bits).contains(&b) => a >> b,
        BinOp::RShift => {
            if a < 0 {
                -1
            } else {
                0
            }
        }
        BinOp::Div => unreachable!("handled above"),
    };
    Some(wrap(s, value))
}

// ------------------------------------------------------------ floats

fn f64_binary(op: BinOp, rules: Rules, a: f64, b: f64) -> Option<f64> {
    let python = rules != Rules::NumPy;
    Some(match op {
        BinOp::Add => a + b,
        BinOp::Sub => a - b,
        BinOp::Mul => a * b,
        BinOp::Div if python => pyops::float_truediv(a, b).ok()?,
        BinOp::Div => a / b,
        // NumPy: a zero divisor gives `a / b` for `//` and `fmod(a, 0)`
        // (NaN) for `%`; otherwise both rules are CPython's divmod.
        BinOp::FloorDiv if b == 0.0 && !python => a / b,
        BinOp::FloorDiv => pyops::float_floordiv(a, b).ok()?,
        BinOp::Mod if b == 0.0 && !python => a % b,
        BinOp::Mod => pyops::float_mod(a, b).ok()?,
        BinOp::Pow if python => pyops::float_pow(a, b).ok()?,
        BinOp::Pow => a.powf(b),
        _ => return None,
    })
}

/// `float32` arithmetic, in single precision as NumPy (and the prelude)
/// computes it. Floor division and modulo have no compile-time twin in
/// single precision, and Python's rules never apply to `float32`, so only
/// NumPy's `+ - * / **` fold.
fn f32_binary(op: BinOp, rules: Rules, a: f32, b: f32) -> Option<f32> {
    Some(match (op, rules) {
        (BinOp::Add, _) => a + b,
        (BinOp::Sub, _) => a - b,
        (BinOp::Mul, _) => a * b,
        (BinOp::Div, Rules::NumPy) => a / b,
        (BinOp::Pow, Rules::NumPy) => a.powf(b),
        _ => return None,
    })
}

// ------------------------------------------------------------ the rest

fn fold_unary(op: UnaryOp, arg: Scalar, result: Scalar, a: Const) -> Option<Const> {
    if arg != result {
        return None;
    }
    match (op, a) {
        (UnaryOp::Pos, a) => Some(a),
        (UnaryOp::Not, Const::Bool(b)) => Some(Const::Bool(!b)),
        (UnaryOp::Neg, Const::Int(x)) if arg.kind() == pyjit_frontend::types::Kind::Int => {
            Some(wrap(arg, x.wrapping_neg()))
        }
        (UnaryOp::Invert, Const::Int(x)) if arg.kind() == pyjit_frontend::types::Kind::Int => {
            Some(wrap(arg, !x))
        }
        // Negation flips the sign bit, of NaNs too, in either width.
        (UnaryOp::Neg, Const::Float(x)) if arg.is_float() => Some(Const::Float(-x)),
        _ => None,
    }
}

/// Compare exactly: an `int64` against a `float64` as Python compares an
/// `int` with a `float`; NaN is unordered; `ult` compares `int64` as
/// unsigned.
fn fold_compare(
    op: Cmp,
    lhs: Option<Scalar>,
    rhs: Option<Scalar>,
    a: Const,
    b: Const,
) -> Option<bool> {
    let (lhs, rhs) = (lhs?, rhs?);
    let mixed = matches!(
        (lhs, rhs),
        (Scalar::Int64, Scalar::Float64) | (Scalar::Float64, Scalar::Int64)
    );
    if lhs != rhs && !mixed {
        return None;
    }
    if op == Cmp::ULt {
        return match (lhs, a, b) {
            (Scalar::Int64, Const::Int(x), Const::Int(y)) => Some((x as u64) < (y as u64)),
            _ => None,
        };
    }
    let order = match (a, b) {
        (Const::Int(x), Const::Int(y)) => Some(x.cmp(&y)),
        (Const::Bool(x), Const::Bool(y)) => Some(x.cmp(&y)),
        (Const::Float(x), Const::Float(y)) => x.partial_cmp(&y),
        (Const::Int(x), Const::Float(y)) => compare_int_float(x, y),
        (Const::Float(x), Const::Int(y)) => compare_int_float(y, x).map(Ordering::reverse),
        _ => return None,
    };
    Some(match op {
        Cmp::Lt => order == Some(Ordering::Less),
        Cmp::Le => matches!(order, Some(Ordering::Less | Ordering::Equal)),
        Cmp::Eq => order == Some(Ordering::Equal),
        Cmp::Ne => order != Some(Ordering::Equal),
        Cmp::Gt => order == Some(Ordering::Greater),
        Cmp::Ge => matches!(order, Some(Ordering::Greater | Ordering::Equal)),
        Cmp::ULt => unreachable!("handled above"),
    })
}

/// `a` against `b` exactly, without rounding `a` to a float; `None` when
/// `b` is NaN.
fn compare_int_float(a: i64, b: f64) -> Option<Ordering> {
    const TWO_63: f64 = 9_223_372_036_854_775_808.0;
    if b.is_nan() {
        return None;
    }
    if b >= TWO_63 {
        return Some(Ordering::Less);
    }
    if b < -TWO_63 {
        return Some(Ordering::Greater);
    }
    // |b| < 2^63: its integral part is an exact i64, its fraction exact.
    let whole = b.trunc();
    let fraction = b - whole;
    Some(a.cmp(&(whole as i64)).then(if fraction > 0.0 {
        Ordering::Less
    } else if fraction < 0.0 {
        Ordering::Greater
    } else {
        Ordering::Equal
    }))
}

/// A conversion (the typed program's `Convert`): to `bool` is `!= 0`;
/// from `bool` 0 or 1; widening is exact; integers to floats and `float64`
/// to `float32` round to nearest (as C's casts do); `int64` to `int32`
/// only in range (out of range raises); floats to integers only when the
/// float is integral and in range.
fn fold_convert(from: Scalar, to: Scalar, a: Const) -> Option<Const> {
    if to == Scalar::Bool {
        return Some(Const::Bool(match a {
            Const::Bool(b) => b,
            Const::Int(x) => x != 0,
            Const::Float(x) => x != 0.0,
            Const::EmptyArray => return None,
        }));
    }
    match (a, to) {
        (Const::Bool(b), Scalar::Int32 | Scalar::Int64) => Some(Const::Int(i64::from(b))),
        (Const::Bool(b), _) => float_const(to, if b { 1.0 } else { 0.0 }),
        (Const::Int(x), Scalar::Int64) => Some(Const::Int(x)),
        (Const::Int(x), Scalar::Int32) => i32::try_from(x).ok().map(|x| Const::Int(x.into())),
        // One rounding, int to the target float, as C's cast.
        (Const::Int(x), Scalar::Float32) => Some(Const::Float(f64::from(x as f32))),
        (Const::Int(x), Scalar::Float64) => Some(Const::Float(x as f64)),
        (Const::Float(x), Scalar::Float32 | Scalar::Float64) if from.is_float() => {
            float_const(to, x)
        }
        (Const::Float(x), Scalar::Int64) if x.trunc() == x && in_i64_range(x) => {
            Some(Const::Int(x as i64))
        }
        (Const::Float(x), Scalar::Int32)
            if x.trunc() == x && (f64::from(i32::MIN)..=f64::from(i32::MAX)).contains(&x) =>
        {
            Some(Const::Int(x as i64))
        }
        _ => None,
    }
}

/// Whether an integral float converts to `int64` exactly (the prelude's
/// `pj_integral_to_i64` range).
fn in_i64_range(x: f64) -> bool {
    (-9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0).contains(&x)
}

/// An integral float to `int64` as `pj_integral_to_i64` converts it;
/// `None` where that raises (NaN, infinities, out of range).
fn integral_to_int(x: f64) -> Option<Const> {
    in_i64_range(x).then_some(Const::Int(x as i64))
}

fn fold_builtin(builtin: Builtin, arg: Scalar, result: Scalar, a: Const) -> Option<Const> {
    match (builtin, a) {
        (Builtin::Abs, Const::Int(x)) if arg == result && !arg.is_float() => {
            Some(wrap(arg, x.wrapping_abs()))
        }
        (Builtin::Abs, Const::Float(x)) if arg == result && arg.is_float() => {
            Some(Const::Float(x.abs()))
        }
        (Builtin::FloatToInt, Const::Float(x)) if result == Scalar::Int64 => {
            integral_to_int(x.trunc())
        }
        // `nearbyint` in the default rounding mode: ties to even.
        (Builtin::Round, Const::Float(x)) if result == Scalar::Int64 => {
            integral_to_int(x.round_ties_even())
        }
        _ => None,
    }
}

/// A `math` function (with `numpy`, NumPy's) of constants. Only functions
/// whose C result Rust reproduces bit for bit: those computed exactly
/// (`sqrt`, `fabs`, `floor`, ...) and those for which Rust's float methods
/// call the same C library function the compiled code calls (`exp`, `log`,
/// `sin`, ...). Python's `math` functions fold only where the prelude's
/// checks pass: a NaN from a non-NaN argument, or an infinity from a finite
/// one, raises at run time instead.
fn fold_math(
    func: MathFn,
    numpy: bool,
    arg: Scalar,
    result: Scalar,
    args: &[Const],
) -> Option<Const> {
    let floats: Option<Vec<f64>> = args
        .iter()
        .map(|c| match c {
            Const::Float(x) => Some(*x),
            _ => None,
        })
        .collect();
    let floats = floats?;
    if floats.len() != func.arity() {
        return None;
    }
    if let MathFn::Isnan | MathFn::Isinf | MathFn::Isfinite = func {
        let x = floats[0];
        return (result == Scalar::Bool).then_some(Const::Bool(match func {
            MathFn::Isnan => x.is_nan(),
            MathFn::Isinf => x.is_infinite(),
            _ => x.is_finite(),
        }));
    }
    if numpy {
        return match arg {
            Scalar::Float64 if result == arg => numpy_f64(func, &floats).map(Const::Float),
            Scalar::Float32 if result == arg => {
                let singles: Vec<f32> = floats.iter().map(|&x| x as f32).collect();
                numpy_f32(func, &singles).map(|x| Const::Float(f64::from(x)))
            }
            _ => None,
        };
    }
    if arg != Scalar::Float64 {
        return None;
    }
    // `math.floor`, `ceil` and `trunc` give an int, raising as `int()` of
    // a float does.
    if let MathFn::Floor | MathFn::Ceil | MathFn::Trunc = func {
        if result != Scalar::Int64 {
            return None;
        }
        let x = floats[0];
        return integral_to_int(match func {
            MathFn::Floor => x.floor(),
            MathFn::Ceil => x.ceil(),
            _ => x.trunc(),
        });
    }
    if result != Scalar::Float64 {
        return None;
    }
    math_f64(func, &floats).map(Const::Float)
}

/// The prelude's `pj_math_check`: a NaN from a non-NaN argument is a domain
/// error, an infinity from a finite argument a range or domain error.
fn math_checked(x: f64, r: f64) -> Option<f64> {
    let raises = (r.is_nan() && !x.is_nan()) || (r.is_infinite() && x.is_finite());
    (!raises).then_some(r)
}

/// Python's `math` functions of `float64`, as the prelude checks them.
fn math_f64(func: MathFn, args: &[f64]) -> Option<f64> {
    let x = args[0];
    let checked = |r: f64| math_checked(x, r);
    match func {
        MathFn::Sqrt => checked(x.sqrt()),
        MathFn::Exp => checked(x.exp()),
        MathFn::Expm1 => checked(x.exp_m1()),
        MathFn::Log => checked(x.ln()),
        MathFn::Log2 => checked(x.log2()),
        MathFn::Log10 => checked(x.log10()),
        MathFn::Log1p => checked(x.ln_1p()),
        MathFn::Sin => checked(x.sin()),
        MathFn::Cos => checked(x.cos()),
        MathFn::Tan => checked(x.tan()),
        MathFn::Asin => checked(x.asin()),
        MathFn::Acos => checked(x.acos()),
        MathFn::Atan => checked(x.atan()),
        MathFn::Sinh => checked(x.sinh()),
        MathFn::Cosh => checked(x.cosh()),
        MathFn::Tanh => checked(x.tanh()),
        MathFn::Fabs => Some(x.abs()),
        MathFn::Copysign => Some(x.copysign(args[1])),
        MathFn::Atan2 => Some(x.atan2(args[1])),
        MathFn::LogBase => {
            // pj_math_log_base: both logs checked, then a zero denominator
            // raises.
            let num = checked(x.ln())?;
            let den = math_checked(args[1], args[1].ln())?;
            (den != 0.0).then(|| num / den)
        }
        MathFn::Pow => pyops::math_pow(x, args[1]).ok(),
        MathFn::Hypot => {
            let (y, r) = (args[1], x.hypot(args[1]));
            let raises = r.is_infinite() && x.is_finite() && y.is_finite();
            (!raises).then_some(r)
        }
        MathFn::Fmod => {
            let y = args[1];
            if y.is_infinite() && x.is_finite() {
                return Some(x);
            }
            let r = x % y;
            let raises = r.is_nan() && !x.is_nan() && !y.is_nan();
            (!raises).then_some(r)
        }
        // CPython's own algorithms in the prelude (gamma, lgamma), Rust's
        // own (asinh, acosh, atanh), none in Rust (erf, erfc), or a constant
        // a C compiler may round differently (degrees, radians).
        _ => None,
    }
}

/// NumPy's functions of a float type: the C library's (`sqrt`, `sqrtf`,
/// ...), which Rust's `f64` and `f32` methods call too; no errors.
macro_rules! c_library_functions {
    ($name:ident, $float:ty) => {
        fn $name(func: MathFn, args: &[$float]) -> Option<$float> {
            let x = args[0];
            Some(match func {
                MathFn::Sqrt => x.sqrt(),
                MathFn::Exp => x.exp(),
                MathFn::Expm1 => x.exp_m1(),
                MathFn::Log => x.ln(),
                MathFn::Log2 => x.log2(),
                MathFn::Log10 => x.log10(),
                MathFn::Log1p => x.ln_1p(),
                MathFn::Sin => x.sin(),
                MathFn::Cos => x.cos(),
                MathFn::Tan => x.tan(),
                MathFn::Asin => x.asin(),
                MathFn::Acos => x.acos(),
                MathFn::Atan => x.atan(),
                MathFn::Sinh => x.sinh(),
                MathFn::Cosh => x.cosh(),
                MathFn::Tanh => x.tanh(),
                MathFn::Fabs => x.abs(),
                MathFn::Floor => x.floor(),
                MathFn::Ceil => x.ceil(),
                MathFn::Trunc => x.trunc(),
                MathFn::Copysign => x.copysign(args[1]),
                MathFn::Atan2 => x.atan2(args[1]),
                MathFn::Hypot => x.hypot(args[1]),
                MathFn::Fmod => x % args[1],
                MathFn::Pow => x.powf(args[1]),
                _ => return None,
            })
        }
    };
}

c_library_functions!(numpy_f64, f64);
c_library_functions!(numpy_f32, f32);

/// The position index `i` names in an axis of `n` elements, when it is in
/// range (out of range raises, or is undefined unchecked: not folded).
fn fold_index(i: i64, n: i64) -> Option<i64> {
    let position = if i < 0 { i.checked_add(n)? } else { i };
    (0..n).contains(&position).then_some(position)
}

/// The prelude's `pj_range_len`: how many values `range(lo, hi, step)`
/// has, as an unsigned count in an `int64`.
fn range_len(lo: i64, hi: i64, step: i64) -> Option<i64> {
    let count: u64 = match step.cmp(&0) {
        Ordering::Equal => return None,
        Ordering::Greater if lo < hi => ((hi as u64).wrapping_sub(lo as u64) - 1) / step as u64 + 1,
        Ordering::Less if lo > hi => {
            ((lo as u64).wrapping_sub(hi as u64) - 1) / step.unsigned_abs() + 1
        }
        _ => 0,
    };
    Some(count as i64)
}
