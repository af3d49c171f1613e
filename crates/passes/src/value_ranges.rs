//! Float value ranges, and the checks they make unnecessary: a division by
//! a divisor that cannot be zero raises no `ZeroDivisionError`, and
//! `math.sqrt` of an argument that cannot be negative raises no
//! `ValueError`. Such an operation becomes its NumPy twin, which computes
//! the same value without the check (`x / y` is `x / y` in C either way;
//! `math.sqrt` and `np.sqrt` are both C's `sqrt`).
//!
//! Needs typed SSA. Each `float64` value gets an interval `[lo, hi]` and
//! whether it may be NaN, by a forward pass over the blocks in reverse
//! postorder, repeated until nothing changes; a phi that keeps growing is
//! widened to everything. The bounds are computed in the operations' own
//! round-to-nearest arithmetic, which is sound because rounding is
//! monotone: `a >= a.lo` and `b >= b.lo` give `fl(a + b) >= fl(a.lo +
//! b.lo)`. What feeds the proofs in practice is a sum of squares plus a
//! positive constant (`r2 = dx * dx + dy * dy + eps` before `sqrt(r2)` and
//! `/ r2`): `x * x` of one value is never negative.

use pyjit_frontend::typed::{BinOp, MathFn, UnaryOp};
use pyjit_ir::{Const, Function, InstId, InstKind, Rules, Type, ValueDef, ValueId};
use rustc_hash::FxHashMap;

use crate::{PassError, PassReport};

/// How often a phi may grow before it is widened to everything.
const WIDEN_AFTER: u32 = 3;

/// Drop the zero-division and `math.sqrt` checks float ranges prove
/// unnecessary.
pub fn run(func: &mut Function) -> Result<PassReport, PassError> {
    let ranges = Ranges::of(func);
    let mut changed = false;
    for b in func.blocks() {
        for inst in func.insts(b).to_vec() {
            let safe = match &func.inst(inst).kind {
                InstKind::Binary {
                    op: BinOp::Div,
                    rules: Rules::Python,
                    lhs,
                    rhs,
                } => {
                    func.value_type(*lhs) == Type::FLOAT
                        && func.value_type(*rhs) == Type::FLOAT
                        && !ranges.get(*rhs).may_be_zero()
                }
                InstKind::Math {
                    func: MathFn::Sqrt,
                    numpy: false,
                    args,
                } => {
                    func.value_type(args[0]) == Type::FLOAT
                        && !ranges.get(args[0]).may_be_negative()
                }
                _ => false,
            };
            if safe {
                make_numpy(func, inst);
                changed = true;
            }
        }
    }
    Ok(PassReport::changed(changed))
}

/// The operation by NumPy's rules: the same value, no check.
fn make_numpy(func: &mut Function, inst: InstId) {
    match func.inst_kind_mut(inst) {
        InstKind::Binary { rules, .. } => *rules = Rules::NumPy,
        InstKind::Math { numpy, .. } => *numpy = true,
        _ => unreachable!("only divisions and square roots are rewritten"),
    }
}

/// The values a `float64` may take.
#[derive(Clone, Copy, PartialEq, Debug)]
struct Interval {
    lo: f64,
    hi: f64,
    /// Whether it may be NaN (then also outside `[lo, hi]`).
    nan: bool,
}

impl Interval {
    const ANY: Interval = Interval {
        lo: f64::NEG_INFINITY,
        hi: f64::INFINITY,
        nan: true,
    };

    fn point(x: f64) -> Interval {
        if x.is_nan() {
            Interval::ANY
        } else {
            Interval {
                lo: x,
                hi: x,
                nan: false,
            }
        }
    }

    /// `[lo, hi]`, with a bound that came out NaN (an infinity minus
    /// itself) made unbounded and the result marked as maybe NaN.
    fn new(lo: f64, hi: f64, nan: bool) -> Interval {
        let nan = nan || lo.is_nan() || hi.is_nan();
        Interval {
            lo: if lo.is_nan() { f64::NEG_INFINITY } else { lo },
            hi: if hi.is_nan() { f64::INFINITY } else { hi },
            nan,
        }
    }

    fn join(self, other: Interval) -> Interval {
        Interval {
            lo: self.lo.min(other.lo),
            hi: self.hi.max(other.hi),
            nan: self.nan || other.nan,
        }
    }

    /// Whether the value may be 0.0 or -0.0 (NaN is not zero).
    fn may_be_zero(self) -> bool {
        self.lo <= 0.0 && self.hi >= 0.0
    }

    /// Whether the value may be below zero (-0.0 and NaN are not).
    fn may_be_negative(self) -> bool {
        self.lo < 0.0
    }

    fn add(self, b: Interval) -> Interval {
        // inf + -inf is NaN.
        let nan = self.nan
            || b.nan
            || (self.hi == f64::INFINITY && b.lo == f64::NEG_INFINITY)
            || (self.lo == f64::NEG_INFINITY && b.hi == f64::INFINITY);
        Interval::new(self.lo + b.lo, self.hi + b.hi, nan)
    }

    fn neg(self) -> Interval {
        Interval {
            lo: -self.hi,
            hi: -self.lo,
            nan: self.nan,
        }
    }

    fn mul(self, b: Interval) -> Interval {
        let corners = [
            self.lo * b.lo,
            self.lo * b.hi,
            self.hi * b.lo,
            self.hi * b.hi,
        ];
        // 0 * inf is NaN: a corner that is NaN leaves the bound open.
        let nan = self.nan || b.nan || corners.iter().any(|c| c.is_nan());
        let lo = corners
            .iter()
            .map(|&c| if c.is_nan() { f64::NEG_INFINITY } else { c })
            .fold(f64::INFINITY, f64::min);
        let hi = corners
            .iter()
            .map(|&c| if c.is_nan() { f64::INFINITY } else { c })
            .fold(f64::NEG_INFINITY, f64::max);
        Interval::new(lo, hi, nan)
    }

    /// `x * x` of one value: never negative.
    fn square(self) -> Interval {
        let (a, b) = (self.lo * self.lo, self.hi * self.hi);
        let lo = if self.lo >= 0.0 {
            a
        } else if self.hi <= 0.0 {
            b
        } else {
            0.0
        };
        Interval::new(lo, a.max(b), self.nan)
    }

    fn div(self, b: Interval) -> Interval {
        if b.may_be_zero() {
            return Interval::ANY;
        }
        let corners = [
            self.lo / b.lo,
            self.lo / b.hi,
            self.hi / b.lo,
            self.hi / b.hi,
        ];
        // inf / inf is NaN, and a NaN corner bounds nothing.
        if corners.iter().any(|c| c.is_nan()) {
            return Interval::ANY;
        }
        let lo = corners.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = corners.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        Interval::new(lo, hi, self.nan || b.nan)
    }

    fn sqrt(self) -> Interval {
        // sqrt(-0.0) is -0.0; below zero, NaN.
        let lo = if self.lo < 0.0 { -0.0 } else { self.lo.sqrt() };
        Interval::new(lo, self.hi.max(-0.0).sqrt(), self.nan || self.lo < 0.0)
    }
}

/// The interval of each `float64` value.
struct Ranges {
    of: FxHashMap<ValueId, Interval>,
}

impl Ranges {
    fn get(&self, v: ValueId) -> Interval {
        self.of.get(&v).copied().unwrap_or(Interval::ANY)
    }

    fn of(func: &Function) -> Ranges {
        let mut ranges = Ranges {
            of: FxHashMap::default(),
        };
        let mut growth: FxHashMap<ValueId, u32> = FxHashMap::default();
        loop {
            let mut changed = false;
            for &b in func.rpo() {
                for &inst in func.insts(b) {
                    let Some(v) = func.inst(inst).result else {
                        continue;
                    };
                    if func.value_type(v) != Type::FLOAT {
                        continue;
                    }
                    let mut new = ranges.transfer(func, &func.inst(inst).kind);
                    let old = ranges.of.get(&v).copied();
                    if let Some(old) = old {
                        new = new.join(old);
                    }
                    if old != Some(new) {
                        if matches!(func.inst(inst).kind, InstKind::Phi { .. }) && old.is_some() {
                            let grown = growth.entry(v).or_default();
                            *grown += 1;
                            if *grown > WIDEN_AFTER {
                                new = Interval::ANY;
                            }
                        }
                        if old != Some(new) {
                            ranges.of.insert(v, new);
                            changed = true;
                        }
                    }
                }
            }
            if !changed {
                return ranges;
            }
        }
    }

    /// The interval of an instruction's `float64` result from its
    /// operands'. A phi's operand that has no interval yet (one coming
    /// around a loop, on the first sweep) adds nothing, so that a loop's
    /// phi starts from what enters the loop and grows from there; any
    /// other operand is defined in a block before this one in reverse
    /// postorder, so it has its interval already.
    fn transfer(&self, func: &Function, kind: &InstKind) -> Interval {
        let get = |v: ValueId| self.get(v);
        match kind {
            InstKind::Const(Const::Float(x)) => Interval::point(*x),
            InstKind::Phi { incoming } => incoming
                .iter()
                .filter_map(|&(_, v)| match func.value_def(v) {
                    // Not computed yet (a value from around the loop): no
                    // values so far.
                    ValueDef::Inst(_) => self.of.get(&v).copied(),
                    // A parameter: anything.
                    _ => Some(Interval::ANY),
                })
                .reduce(Interval::join)
                .unwrap_or(Interval::ANY),
            InstKind::Unary {
                op: UnaryOp::Neg,
                arg,
            } => get(*arg).neg(),
            InstKind::Unary {
                op: UnaryOp::Pos,
                arg,
            } => get(*arg),
            InstKind::Binary { op, lhs, rhs, .. }
                if func.value_type(*lhs) == Type::FLOAT && func.value_type(*rhs) == Type::FLOAT =>
            {
                let (a, b) = (get(*lhs), get(*rhs));
                match op {
                    BinOp::Add => a.add(b),
                    BinOp::Sub => a.add(b.neg()),
                    BinOp::Mul if lhs == rhs => a.square(),
                    BinOp::Mul => a.mul(b),
                    BinOp::Div => a.div(b),
                    _ => Interval::ANY,
                }
            }
            InstKind::Math {
                func: MathFn::Sqrt,
                args,
                ..
            } => get(args[0]).sqrt(),
            InstKind::Select {
                then, otherwise, ..
            } => get(*then).join(get(*otherwise)),
            InstKind::Copy { arg } => get(*arg),
            InstKind::Convert { arg }
                if func
                    .value_type(*arg)
                    .scalar()
                    .is_some_and(|s| !s.is_float()) =>
            {
                // From an int or a bool: finite, never NaN.
                Interval::new(-9.3e18, 9.3e18, false)
            }
            _ => Interval::ANY,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iv(lo: f64, hi: f64) -> Interval {
        Interval::new(lo, hi, false)
    }

    #[test]
    fn squares_are_never_negative() {
        let any = Interval::ANY;
        let square = any.square();
        assert!(!square.may_be_negative());
        assert!(square.nan);
        assert_eq!(iv(-3.0, 2.0).square(), iv(0.0, 9.0));
        assert_eq!(iv(-3.0, -2.0).square(), iv(4.0, 9.0));
    }

    #[test]
    fn a_positive_constant_keeps_a_sum_of_squares_off_zero() {
        let r2 = Interval::ANY
            .square()
            .add(Interval::ANY.square())
            .add(Interval::point(0.01));
        assert!(!r2.may_be_zero() && !r2.may_be_negative());
        let root = r2.sqrt();
        assert!(!r2.mul(root).may_be_zero());
        // Without the constant, zero is possible.
        assert!(Interval::ANY.square().may_be_zero());
    }

    #[test]
    fn infinities_make_nan_possible() {
        let inf = iv(f64::INFINITY, f64::INFINITY);
        let ninf = iv(f64::NEG_INFINITY, f64::NEG_INFINITY);
        assert!(inf.add(ninf).nan);
        assert!(iv(0.0, 0.0).mul(inf).nan);
        assert!(inf.div(inf).nan);
        assert!(!iv(1.0, 2.0).add(iv(3.0, 4.0)).nan);
    }

    #[test]
    fn division_by_a_range_holding_zero_is_anything() {
        assert_eq!(iv(1.0, 2.0).div(iv(-1.0, 1.0)), Interval::ANY);
        assert_eq!(iv(1.0, 2.0).div(iv(2.0, 4.0)), iv(0.25, 1.0));
    }

    #[test]
    fn negative_zero_is_not_negative() {
        assert!(!iv(-0.0, 1.0).may_be_negative());
        assert!(iv(-0.0, 1.0).may_be_zero());
        assert_eq!(iv(-0.0, 4.0).sqrt().hi, 2.0);
    }
}
