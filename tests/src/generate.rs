//! Random well-typed programs of pyjit's language, for the property test
//! that the two tiers agree with each other and with CPython
//! (`tests/tests/agreement.rs`, `tests/examples/soak.rs`).
//!
//! A program is built as a small typed AST ([`Program`], [`Stmt`],
//! [`Expr`]) and printed as Python source, so every program parses, and
//! the generator keeps the checker's rules by construction: each local has
//! one type and is assigned at the top of its function (deviation 2 of
//! LANGUAGE.md: no variable ever holds an `int` and a `float`), every
//! function returns one type on every path, `int ** int` has a literal
//! exponent, and every loop is bounded (`range` with small bounds, `while`
//! with a counter that advances first thing in its body).
//!
//! Deviations are avoided on purpose, each where it could arise:
//!
//! - Deviation 1 (64-bit ints): every `int` expression carries an interval
//!   of the values it can take ([`Iv`]), computed as it is built; an
//!   operation whose interval leaves int64 has its operands reduced with
//!   `% M` first, and int locals are kept within ±2**31 the same way. Int
//!   conversions of floats (`int`, `round`, `math.floor` ...) are guarded
//!   by `if not abs(x) >= 1e15 else K`, so they never meet a float beyond
//!   int64 (NaN still reaches them and raises as in CPython).
//! - Deviation 2 (one type per variable; the joined type of `and`/`or`,
//!   conditional expressions, `min`/`max` and returns): operands of those
//!   always have the same type, and the same strength — array elements are
//!   NumPy scalars, so they are read as `float(a[i])` / `int(a[i])`, or in
//!   an expression wholly converted back (`float(a[i] * x)`), never mixed
//!   with Python numbers in a join.
//! - Deviation 4 (negative base, fractional exponent): a Python float
//!   `**` has an integer literal exponent, or a base made non-negative
//!   with `abs`.
//! - Deviation 5 (recursion limit): no recursion; a helper calls only
//!   helpers defined before it.
//!
//! Randomness comes from a seed through a small SplitMix64 generator, so a
//! seed names a program on every platform and with any crate versions;
//! [`program_strategy`] wraps it as a proptest strategy. Shrinking is
//! structural ([`Program::shrink_candidates`]): drop a statement, keep one
//! branch of an `if`, replace an expression by `0`, `1.0` or `False`.

use std::fmt::Write as _;

/// SplitMix64: small, fast, and the same sequence everywhere.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator for a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5DEE_CE66_D1CE_F00D)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % (hi - lo + 1) as u64) as i64
    }

    /// True with probability `p` percent.
    fn chance(&mut self, p: u32) -> bool {
        self.below(100) < p as usize
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

/// A scalar type of the generated language.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Ty {
    /// Python `int`.
    Int,
    /// Python `float`.
    Float,
    /// Python `bool`.
    Bool,
}

/// What a name holds.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Kind {
    /// A Python scalar; an `int` with the interval it stays in.
    Scalar(Ty, Iv),
    /// A `float64` 1-D array.
    FloatArray,
    /// An `int64` 1-D array (elements within ±2**31 when the generator
    /// wrote them; the entry's int array arguments are too).
    IntArray,
    /// The variable of `for x in a` over a `float64` array: a NumPy
    /// scalar, read as `float(x)`.
    Element,
    /// A float local of the entry that holds a Python float until an
    /// array element is added to it, and an `np.float64` after (pyjit
    /// tracks which at run time, docs/language.md). It is read only where
    /// its strength cannot leak into a join (deviation 2): in
    /// `float(s op x)`, and as the entry's return value.
    Strong,
}

/// An interval of int values, inclusive (i128 so that bounds of products
/// of int64 values do not overflow while computed).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Iv(pub i128, pub i128);

const I64: Iv = Iv(i64::MIN as i128, i64::MAX as i128);
/// Int locals stay within this interval.
const VAR: Iv = Iv(-(1 << 31), 1 << 31);
const BOOL_IV: Iv = Iv(0, 1);

impl Iv {
    fn within(self, other: Iv) -> bool {
        self.0 >= other.0 && self.1 <= other.1
    }

    fn fits(self) -> bool {
        self.within(I64)
    }

    fn hull(self, other: Iv) -> Iv {
        Iv(self.0.min(other.0), self.1.max(other.1))
    }

    fn magnitude(self) -> i128 {
        self.0.abs().max(self.1.abs())
    }

    fn of_corners(values: [i128; 4]) -> Iv {
        Iv(
            *values.iter().min().expect("four"),
            *values.iter().max().expect("four"),
        )
    }

    /// The smallest `[-2**k, 2**k - 1]` holding both: where `& | ^` of
    /// two's-complement values stay.
    fn bits(self, other: Iv) -> Iv {
        let m = self.magnitude().max(other.magnitude());
        let mut p: i128 = 1;
        while p <= m {
            p *= 2;
        }
        Iv(-p, p - 1)
    }
}

/// Binary operators.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
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
    /// `<<`
    Shl,
    /// `>>`
    Shr,
    /// `&`
    And,
    /// `|`
    Or,
    /// `^`
    Xor,
}

impl BinOp {
    fn text(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
            BinOp::Shl => "<<",
            BinOp::Shr => ">>",
            BinOp::And => "&",
            BinOp::Or => "|",
            BinOp::Xor => "^",
        }
    }
}

/// An expression, with its type (the shrinker replaces it by a literal of
/// that type).
#[derive(Clone, PartialEq, Debug)]
pub struct Expr {
    /// The type of the value (for an array, the element type).
    pub ty: Ty,
    /// The expression.
    pub kind: E,
}

/// The shapes of expressions.
#[derive(Clone, PartialEq, Debug)]
pub enum E {
    /// An int literal.
    Int(i64),
    /// A float literal (`math.inf`, `math.nan` and `-0.0` print as such).
    Float(f64),
    /// `True` or `False`.
    Bool(bool),
    /// A name.
    Name(String),
    /// `-x`, `+x`, `~x`, `not x`.
    Unary(&'static str, Box<Expr>),
    /// `(x op y)`.
    Bin(BinOp, Box<Expr>, Box<Expr>),
    /// A chained comparison: `a < b <= c`.
    Compare(Box<Expr>, Vec<(&'static str, Expr)>),
    /// `x and y` (true) or `x or y` (false).
    Logic(bool, Box<Expr>, Box<Expr>),
    /// `x if c else y`: (c, x, y).
    IfExp(Box<Expr>, Box<Expr>, Box<Expr>),
    /// A call of a function by its printed name (`g1`, `math.sqrt`, `abs`).
    Call(String, Vec<Expr>),
    /// `a[i]`.
    Index(String, Box<Expr>),
    /// `int(x) if not abs(x) >= 1e15 else k` with `int` being the given
    /// conversion (`int`, `round`, `math.floor` ...): a conversion that
    /// never meets a float beyond int64 (deviation 1).
    Guarded(String, Box<Expr>, i64),
}

impl Expr {
    fn new(ty: Ty, kind: E) -> Expr {
        Expr { ty, kind }
    }

    fn int(v: i64) -> Expr {
        Expr::new(Ty::Int, E::Int(v))
    }

    fn float(v: f64) -> Expr {
        Expr::new(Ty::Float, E::Float(v))
    }

    fn name(ty: Ty, name: &str) -> Expr {
        Expr::new(ty, E::Name(name.to_owned()))
    }

    fn bin(ty: Ty, op: BinOp, a: Expr, b: Expr) -> Expr {
        Expr::new(ty, E::Bin(op, Box::new(a), Box::new(b)))
    }

    fn call(ty: Ty, name: &str, args: Vec<Expr>) -> Expr {
        Expr::new(ty, E::Call(name.to_owned(), args))
    }
}

/// A statement.
#[derive(Clone, PartialEq, Debug)]
pub enum Stmt {
    /// `x = e`
    Assign(String, Expr),
    /// `x op= e`
    AugAssign(String, BinOp, Expr),
    /// `x, y = e1, e2`: both sides evaluated before either is stored.
    Tuple(Vec<String>, Vec<Expr>),
    /// `a[i] = e` or `a[i] op= e`.
    Store(String, Expr, Option<BinOp>, Expr),
    /// `a = np.zeros(n)` and the like: the allocation's text with `{}`
    /// where the length goes.
    Alloc(String, &'static str, Expr),
    /// `if`/`elif` arms and the `else` block.
    If(Vec<(Expr, Vec<Stmt>)>, Option<Vec<Stmt>>),
    /// `for var in range(args):` with an optional `else`.
    ForRange(String, Vec<Expr>, Vec<Stmt>, Option<Vec<Stmt>>),
    /// `for var in array:` with an optional `else`.
    ForArray(String, String, Vec<Stmt>, Option<Vec<Stmt>>),
    /// `counter = 0` then `while counter < limit and cond:` whose body
    /// starts with `counter += 1`.
    While(String, i64, Expr, Vec<Stmt>, Option<Vec<Stmt>>),
    /// `break`
    Break,
    /// `continue`
    Continue,
    /// `return e` (`return` alone when `None`).
    Return(Option<Expr>),
    /// `print(e, ...)`
    Print(Vec<Expr>),
    /// `assert cond, "message"`
    Assert(Expr, String),
}

/// A function.
#[derive(Clone, PartialEq, Debug)]
pub struct Function {
    /// Its name.
    pub name: String,
    /// Parameters and what they hold.
    pub params: Vec<(String, Kind)>,
    /// The body.
    pub body: Vec<Stmt>,
}

/// A generated module: helpers first, the entry `f` last, and the calls
/// it is tested with (argument literals as `pyjit run` takes them).
#[derive(Clone, PartialEq, Debug)]
pub struct Program {
    /// The seed it came from.
    pub seed: u64,
    /// The functions.
    pub functions: Vec<Function>,
    /// The argument tuples of the calls of `f`.
    pub calls: Vec<Vec<String>>,
}

/// What a generated helper looks like to its callers.
#[derive(Clone, Debug)]
struct Sig {
    name: String,
    params: Vec<Kind>,
    ret: Ty,
}

const MATH1: &[&str] = &[
    "sqrt", "exp", "expm1", "log", "log2", "log10", "log1p", "sin", "cos", "tan", "asin", "acos",
    "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "fabs", "degrees", "radians", "erf",
    "erfc", "gamma", "lgamma",
];
const MATH2: &[&str] = &["pow", "atan2", "copysign", "hypot", "fmod", "log"];
const FLOATS: &[f64] = &[
    0.0,
    -0.0,
    1.0,
    -1.0,
    0.5,
    2.5,
    -3.75,
    0.1,
    1e-300,
    5e-324,
    1e300,
    -1e308,
    9007199254740992.0,
    9.223372036854776e18,
    f64::INFINITY,
    f64::NEG_INFINITY,
    f64::NAN,
    3.0,
    7.0,
    -2.0,
];
const INTS: &[i64] = &[
    0,
    1,
    -1,
    2,
    -2,
    3,
    7,
    -7,
    10,
    100,
    -1000,
    1 << 31,
    -(1 << 31),
    (1 << 53) + 1,
    -(1 << 53) - 1,
    i64::MAX,
    i64::MIN + 1,
    i64::MAX - 1,
];

/// The generator's state while one function is built.
struct Gen<'a> {
    rng: &'a mut Rng,
    /// Helpers callable from here.
    callable: Vec<Sig>,
    /// Names readable here, with what they hold.
    scope: Vec<(String, Kind)>,
    /// Locals assignable here (int, float, bool scalars; arrays).
    locals: Vec<(String, Kind)>,
    /// Loop nesting.
    loops: usize,
    /// Fresh-name counter.
    fresh: usize,
    /// The function's return type (`None`: returns an array, the entry).
    ret: Ty,
    /// Statements still to generate (keeps programs small).
    budget: usize,
    /// Lists made by `[0.0] * n` and `[0] * n`, and the variables of loops
    /// over them: their elements are Python numbers, used as they are in
    /// arithmetic (where an array's NumPy scalars are converted first).
    /// Only Python numbers are stored into them: pyjit rejects a NumPy
    /// scalar there (a list has one element type, docs/language.md).
    lists: Vec<String>,
}

impl Gen<'_> {
    fn names(&self, want: impl Fn(&Kind) -> bool) -> Vec<(String, Kind)> {
        self.scope
            .iter()
            .filter(|(_, k)| want(k))
            .cloned()
            .collect()
    }

    fn ints(&self) -> Vec<(String, Iv)> {
        self.scope
            .iter()
            .filter_map(|(n, k)| match k {
                Kind::Scalar(Ty::Int, iv) => Some((n.clone(), *iv)),
                _ => None,
            })
            .collect()
    }

    // ---- int expressions ----

    /// An int expression and its interval.
    fn int_expr(&mut self, depth: u32) -> (Expr, Iv) {
        if depth == 0 || self.rng.chance(25) {
            return self.int_leaf();
        }
        match self.rng.below(16) {
            0..=6 => {
                let op = self.rng.pick(&[
                    BinOp::Add,
                    BinOp::Sub,
                    BinOp::Mul,
                    BinOp::FloorDiv,
                    BinOp::Mod,
                    BinOp::And,
                    BinOp::Or,
                    BinOp::Xor,
                ]);
                let a = self.int_expr(depth - 1);
                let mut b = self.int_expr(depth - 1);
                if matches!(op, BinOp::FloorDiv | BinOp::Mod) && self.rng.chance(80) {
                    b = nonzero(b);
                }
                self.int_bin(op, a, b)
            }
            7 => {
                // `x ** k`, the exponent a literal so its sign is visible.
                let k = self.rng.range(0, 3);
                let a = self.int_expr(depth - 1);
                self.int_bin(BinOp::Pow, a, (Expr::int(k), Iv(k as i128, k as i128)))
            }
            8 => {
                let a = self.int_expr(depth - 1);
                if self.rng.chance(50) {
                    let k = if self.rng.chance(5) {
                        -1
                    } else {
                        self.rng.range(0, 12)
                    };
                    self.int_bin(BinOp::Shl, a, (Expr::int(k), Iv(k as i128, k as i128)))
                } else {
                    // Shifts right by 64 or more are 0 or -1 in Python
                    // (undefined in C); negative counts raise.
                    let count = if self.rng.chance(50) {
                        let k = self.rng.pick(&[0, 1, 3, 31, 62, 63, 64, 65, 100, -1]);
                        (Expr::int(k), Iv(k as i128, k as i128))
                    } else {
                        let (e, iv) = self.int_expr(depth - 1);
                        let limit = self.rng.range(2, 70);
                        self.reduce(e, iv, limit)
                    };
                    self.int_bin(BinOp::Shr, a, count)
                }
            }
            9 => {
                let (a, iv) = self.int_expr(depth - 1);
                match self.rng.below(3) {
                    0 if iv.0 > i64::MIN as i128 => (
                        Expr::new(Ty::Int, E::Unary("-", Box::new(a))),
                        Iv(-iv.1, -iv.0),
                    ),
                    1 => (
                        Expr::new(Ty::Int, E::Unary("~", Box::new(a))),
                        Iv(-iv.1 - 1, -iv.0 - 1),
                    ),
                    _ if iv.0 > i64::MIN as i128 => {
                        let m = iv.magnitude();
                        let lo = if iv.0 >= 0 {
                            iv.0
                        } else if iv.1 <= 0 {
                            -iv.1
                        } else {
                            0
                        };
                        (Expr::call(Ty::Int, "abs", vec![a]), Iv(lo, m))
                    }
                    _ => (a, iv),
                }
            }
            10 => {
                let a = self.int_expr(depth - 1);
                let b = self.int_expr(depth - 1);
                let name = self.rng.pick(&["min", "max"]);
                let iv = a.1.hull(b.1);
                (Expr::call(Ty::Int, name, vec![a.0, b.0]), iv)
            }
            11 => {
                let c = self.bool_expr(depth - 1);
                let a = self.int_expr(depth - 1);
                let b = self.int_expr(depth - 1);
                let iv = a.1.hull(b.1);
                (
                    Expr::new(Ty::Int, E::IfExp(Box::new(c), Box::new(a.0), Box::new(b.0))),
                    iv,
                )
            }
            12 => {
                let x = self.float_expr(depth - 1);
                let conv =
                    self.rng
                        .pick(&["int", "round", "math.floor", "math.ceil", "math.trunc"]);
                let k = self.rng.range(-5, 5);
                (
                    Expr::new(Ty::Int, E::Guarded(conv.to_owned(), Box::new(x), k)),
                    Iv(-1_000_000_000_000_000, 1_000_000_000_000_000),
                )
            }
            13 => match self.call_of(Ty::Int, depth) {
                Some(call) => (call, VAR),
                None => self.int_leaf(),
            },
            14 => {
                // A bool in int arithmetic (`True + 1 == 2`).
                let b = self.bool_expr(depth - 1);
                let a = self.int_expr(depth - 1);
                let op = self.rng.pick(&[BinOp::Add, BinOp::Mul, BinOp::Sub]);
                self.int_bin(op, (b, BOOL_IV), a)
            }
            _ => self.int_from_array(depth),
        }
    }

    fn int_from_array(&mut self, depth: u32) -> (Expr, Iv) {
        let arrays = self.names(|k| *k == Kind::IntArray);
        if arrays.is_empty() {
            return self.int_leaf();
        }
        let (name, _) = arrays[self.rng.below(arrays.len())].clone();
        let index = self.index_expr(&name, depth);
        let element = Expr::new(Ty::Int, E::Index(name.clone(), Box::new(index)));
        if self.lists.contains(&name) {
            // A Python int within ±2**31, as `store` keeps it.
            return (element, VAR);
        }
        if self.rng.chance(60) {
            return (Expr::call(Ty::Int, "int", vec![element]), VAR);
        }
        // NumPy int64 arithmetic, converted back to a Python int as a
        // whole: `//` and `%` by zero give 0, overflow wraps, as NumPy's do.
        let op = self.rng.pick(&[
            BinOp::Add,
            BinOp::Sub,
            BinOp::Mul,
            BinOp::FloorDiv,
            BinOp::Mod,
        ]);
        let (b, _) = {
            let (e, iv) = self.int_expr(depth.saturating_sub(1));
            self.reduce(e, iv, 1 << 20)
        };
        (
            Expr::call(Ty::Int, "int", vec![Expr::bin(Ty::Int, op, element, b)]),
            I64,
        )
    }

    fn int_leaf(&mut self) -> (Expr, Iv) {
        let ints = self.ints();
        if !ints.is_empty() && self.rng.chance(60) {
            let (name, iv) = ints[self.rng.below(ints.len())].clone();
            return (Expr::name(Ty::Int, &name), iv);
        }
        let arrays = self.names(|k| matches!(k, Kind::FloatArray | Kind::IntArray));
        if !arrays.is_empty() && self.rng.chance(15) {
            let (name, _) = &arrays[self.rng.below(arrays.len())];
            return (
                Expr::call(Ty::Int, "len", vec![Expr::name(Ty::Float, name)]),
                Iv(0, 1 << 20),
            );
        }
        let v = if self.rng.chance(70) {
            self.rng.range(-10, 10)
        } else {
            self.rng.pick(INTS)
        };
        (Expr::int(v), Iv(v as i128, v as i128))
    }

    /// `(e % m)` with `m` of either sign when `e` may leave `±limit`.
    fn reduce(&mut self, e: Expr, iv: Iv, limit: i64) -> (Expr, Iv) {
        if iv.within(Iv(-(limit as i128), limit as i128)) {
            return (e, iv);
        }
        let m = self.rng.range(2, limit.max(2));
        let m = if self.rng.chance(10) { -m } else { m };
        let out = if m > 0 {
            Iv(0, m as i128 - 1)
        } else {
            Iv(m as i128 + 1, 0)
        };
        (Expr::bin(Ty::Int, BinOp::Mod, e, Expr::int(m)), out)
    }

    /// `a op b` on ints, its operands reduced until the result fits int64.
    fn int_bin(&mut self, op: BinOp, a: (Expr, Iv), b: (Expr, Iv)) -> (Expr, Iv) {
        let (mut a, mut b) = (a, b);
        for round in 0..3 {
            if let Some(iv) = int_interval(op, a.1, b.1)
                && iv.fits()
            {
                return (Expr::bin(Ty::Int, op, a.0, b.0), iv);
            }
            let limit = if round == 0 { 1 << 15 } else { 7 };
            a = self.reduce(a.0, a.1, limit);
            if !matches!(op, BinOp::Pow | BinOp::Shl | BinOp::Shr) {
                b = self.reduce(b.0, b.1, limit);
            }
        }
        // Out of ideas: a literal (reached only for a shift by -1).
        let iv = Iv(0, 0);
        (Expr::int(0), iv)
    }

    // ---- float expressions ----

    fn float_expr(&mut self, depth: u32) -> Expr {
        if depth == 0 || self.rng.chance(20) {
            return self.float_leaf();
        }
        match self.rng.below(18) {
            0..=5 => {
                let op = self.rng.pick(&[
                    BinOp::Add,
                    BinOp::Sub,
                    BinOp::Mul,
                    BinOp::Div,
                    BinOp::FloorDiv,
                    BinOp::Mod,
                ]);
                let (a, mut b) = match self.rng.below(4) {
                    0 => (self.float_expr(depth - 1), self.int_expr(depth - 1)),
                    1 => (
                        self.int_expr(depth - 1).0,
                        (self.float_expr(depth - 1), VAR),
                    ),
                    _ => (
                        self.float_expr(depth - 1),
                        (self.float_expr(depth - 1), VAR),
                    ),
                };
                if matches!(op, BinOp::Div | BinOp::FloorDiv | BinOp::Mod) && self.rng.chance(80) {
                    b = nonzero(b);
                }
                Expr::bin(Ty::Float, op, a, b.0)
            }
            6 => {
                // int / int: the correctly rounded quotient.
                let a = self.int_expr(depth - 1).0;
                let mut b = self.int_expr(depth - 1);
                if self.rng.chance(80) {
                    b = nonzero(b);
                }
                Expr::bin(Ty::Float, BinOp::Div, a, b.0)
            }
            7 => {
                // Powers without a complex result (deviation 4).
                match self.rng.below(3) {
                    0 => {
                        let k = self.rng.range(-3, 4);
                        let a = self.float_expr(depth - 1);
                        Expr::bin(Ty::Float, BinOp::Pow, a, Expr::int(k))
                    }
                    1 => {
                        let a = self.float_expr(depth - 1);
                        let b = self.float_expr(depth - 1);
                        Expr::bin(
                            Ty::Float,
                            BinOp::Pow,
                            Expr::call(Ty::Float, "abs", vec![a]),
                            b,
                        )
                    }
                    _ => {
                        // int ** negative literal is a float.
                        let k = self.rng.range(-3, -1);
                        let a = self.int_expr(depth - 1).0;
                        Expr::bin(Ty::Float, BinOp::Pow, a, Expr::int(k))
                    }
                }
            }
            8..=10 => {
                let name = self.rng.pick(MATH1);
                let mut a = self.float_or_int(depth - 1);
                // Mostly inside the domain; outside it now and then
                // (`ValueError: math domain error`).
                if self.rng.chance(85) {
                    match name {
                        "sqrt" | "log" | "log2" | "log10" | "log1p" | "acosh" => {
                            // `math.fabs`, not `abs`, for an int: `abs` of
                            // -2**63 leaves int64 (deviation 1).
                            let name = if a.ty == Ty::Float {
                                "abs"
                            } else {
                                "math.fabs"
                            };
                            a = Expr::call(Ty::Float, name, vec![a]);
                            if name == "acosh" {
                                a = Expr::bin(Ty::Float, BinOp::Add, a, Expr::float(1.0));
                            }
                        }
                        "asin" | "acos" | "atanh" => {
                            a = Expr::call(Ty::Float, "math.sin", vec![a]);
                        }
                        _ => {}
                    }
                }
                Expr::call(Ty::Float, &format!("math.{name}"), vec![a])
            }
            11 => {
                let name = self.rng.pick(MATH2);
                let a = self.float_or_int(depth - 1);
                let b = self.float_or_int(depth - 1);
                Expr::call(Ty::Float, &format!("math.{name}"), vec![a, b])
            }
            12 => {
                let e = match self.rng.below(3) {
                    0 => self.int_expr(depth - 1).0,
                    1 => self.bool_expr(depth - 1),
                    _ => self.float_expr(depth - 1),
                };
                Expr::call(Ty::Float, "float", vec![e])
            }
            13 => {
                let c = self.bool_expr(depth - 1);
                let a = self.float_expr(depth - 1);
                let b = self.float_expr(depth - 1);
                Expr::new(Ty::Float, E::IfExp(Box::new(c), Box::new(a), Box::new(b)))
            }
            14 => {
                let a = self.float_expr(depth - 1);
                match self.rng.below(4) {
                    0 => Expr::new(Ty::Float, E::Unary("-", Box::new(a))),
                    1 => Expr::call(Ty::Float, "abs", vec![a]),
                    _ => {
                        let b = self.float_expr(depth - 1);
                        let name = self.rng.pick(&["min", "max"]);
                        Expr::call(Ty::Float, name, vec![a, b])
                    }
                }
            }
            15 => self
                .call_of(Ty::Float, depth)
                .unwrap_or_else(|| self.float_leaf()),
            _ => self.float_from_array(depth),
        }
    }

    fn float_or_int(&mut self, depth: u32) -> Expr {
        if self.rng.chance(25) {
            self.int_expr(depth).0
        } else {
            self.float_expr(depth)
        }
    }

    fn float_from_array(&mut self, depth: u32) -> Expr {
        let arrays = self.names(|k| *k == Kind::FloatArray);
        let elements = self.names(|k| matches!(k, Kind::Element | Kind::Strong));
        let (element, list) = if !elements.is_empty() && (arrays.is_empty() || self.rng.chance(40))
        {
            let (name, _) = &elements[self.rng.below(elements.len())];
            (Expr::name(Ty::Float, name), self.lists.contains(name))
        } else if !arrays.is_empty() {
            let (name, _) = arrays[self.rng.below(arrays.len())].clone();
            let index = self.index_expr(&name, depth);
            let list = self.lists.contains(&name);
            (Expr::new(Ty::Float, E::Index(name, Box::new(index))), list)
        } else {
            return self.float_leaf();
        };
        if list {
            // A Python float.
            return element;
        }
        if self.rng.chance(50) {
            return Expr::call(Ty::Float, "float", vec![element]);
        }
        // NumPy float64 arithmetic (`/ 0.0` is inf or nan, `**` of a
        // negative base is nan), converted back as a whole. (A `Strong`
        // local may still be a Python float: no `**`, deviation 4.)
        let strong = matches!(&element.kind, E::Name(n) if self.scope.iter().any(|(m, k)| m == n && *k == Kind::Strong));
        let ops: &[BinOp] = if strong {
            &[
                BinOp::Add,
                BinOp::Sub,
                BinOp::Mul,
                BinOp::Div,
                BinOp::FloorDiv,
                BinOp::Mod,
            ]
        } else {
            &[
                BinOp::Add,
                BinOp::Sub,
                BinOp::Mul,
                BinOp::Div,
                BinOp::FloorDiv,
                BinOp::Mod,
                BinOp::Pow,
            ]
        };
        let op = self.rng.pick(ops);
        let other = self.float_expr(depth.saturating_sub(1));
        let e = if self.rng.chance(50) {
            Expr::bin(Ty::Float, op, element, other)
        } else {
            Expr::bin(Ty::Float, op, other, element)
        };
        Expr::call(Ty::Float, "float", vec![e])
    }

    fn float_leaf(&mut self) -> Expr {
        let vars = self.names(|k| matches!(k, Kind::Scalar(Ty::Float, _)));
        if !vars.is_empty() && self.rng.chance(60) {
            let (name, _) = &vars[self.rng.below(vars.len())];
            return Expr::name(Ty::Float, name);
        }
        if self.rng.chance(10) {
            let c = self
                .rng
                .pick(&["math.pi", "math.e", "math.tau", "math.inf", "math.nan"]);
            return Expr::name(Ty::Float, c);
        }
        if self.rng.chance(60) {
            Expr::float(self.rng.range(-20, 20) as f64 / 4.0)
        } else {
            Expr::float(self.rng.pick(FLOATS))
        }
    }

    // ---- bool expressions ----

    fn bool_expr(&mut self, depth: u32) -> Expr {
        if depth == 0 || self.rng.chance(15) {
            return self.bool_leaf();
        }
        match self.rng.below(10) {
            0..=3 => {
                let ty = self
                    .rng
                    .pick(&[Ty::Int, Ty::Float, Ty::Int, Ty::Float, Ty::Bool]);
                let operand = |g: &mut Self| match (ty, g.rng.below(4)) {
                    (Ty::Int, 0) => g.float_expr(depth - 1),
                    (Ty::Float, 0) => g.int_expr(depth - 1).0,
                    (Ty::Int, _) => g.int_expr(depth - 1).0,
                    (Ty::Float, _) => g.float_expr(depth - 1),
                    (Ty::Bool, _) => g.bool_expr(depth - 1),
                };
                let first = operand(self);
                let n = if self.rng.chance(20) { 2 } else { 1 };
                let mut rest = Vec::new();
                for _ in 0..n {
                    let op = self.rng.pick(&["==", "!=", "<", "<=", ">", ">="]);
                    rest.push((op, operand(self)));
                }
                Expr::new(Ty::Bool, E::Compare(Box::new(first), rest))
            }
            4 => {
                let a = self.bool_expr(depth - 1);
                Expr::new(Ty::Bool, E::Unary("not", Box::new(a)))
            }
            5 => {
                // `not` of a number: its truthiness.
                let a = self.float_or_int(depth - 1);
                Expr::new(Ty::Bool, E::Unary("not", Box::new(a)))
            }
            6 => {
                let a = self.bool_expr(depth - 1);
                let b = self.bool_expr(depth - 1);
                Expr::new(
                    Ty::Bool,
                    E::Logic(self.rng.chance(50), Box::new(a), Box::new(b)),
                )
            }
            7 => {
                let a = self.bool_expr(depth - 1);
                let b = self.bool_expr(depth - 1);
                let op = self.rng.pick(&[BinOp::And, BinOp::Or, BinOp::Xor]);
                Expr::bin(Ty::Bool, op, a, b)
            }
            8 => {
                if self.rng.chance(50) {
                    let name = self.rng.pick(&["isnan", "isinf", "isfinite"]);
                    let a = self.float_expr(depth - 1);
                    Expr::call(Ty::Bool, &format!("math.{name}"), vec![a])
                } else {
                    let a = self.float_or_int(depth - 1);
                    Expr::call(Ty::Bool, "bool", vec![a])
                }
            }
            _ => self
                .call_of(Ty::Bool, depth)
                .unwrap_or_else(|| self.bool_leaf()),
        }
    }

    fn bool_leaf(&mut self) -> Expr {
        let vars = self.names(|k| matches!(k, Kind::Scalar(Ty::Bool, _)));
        if !vars.is_empty() && self.rng.chance(70) {
            let (name, _) = &vars[self.rng.below(vars.len())];
            return Expr::name(Ty::Bool, name);
        }
        Expr::new(Ty::Bool, E::Bool(self.rng.chance(50)))
    }

    fn expr(&mut self, ty: Ty, depth: u32) -> Expr {
        match ty {
            Ty::Int => self.int_expr(depth).0,
            Ty::Float => self.float_expr(depth),
            Ty::Bool => self.bool_expr(depth),
        }
    }

    /// An int local's value: within ±2**31.
    fn var_int(&mut self, depth: u32) -> Expr {
        let (e, iv) = self.int_expr(depth);
        if iv.within(VAR) {
            e
        } else {
            self.reduce(e, iv, 1 << 31).0
        }
    }

    /// A condition: any type, for its truthiness.
    fn condition(&mut self, depth: u32) -> Expr {
        if self.rng.chance(80) {
            self.bool_expr(depth)
        } else {
            self.float_or_int(depth)
        }
    }

    /// An index into `array`: mostly in range, sometimes negative, now and
    /// then out of range.
    fn index_expr(&mut self, array: &str, depth: u32) -> Expr {
        let ints = self.ints();
        if self.rng.chance(70) {
            // In range whenever the array is not empty, from either end.
            let (e, _) = self.int_expr(depth.min(2));
            let len = Expr::call(Ty::Int, "len", vec![Expr::name(Ty::Float, array)]);
            let m = Expr::call(Ty::Int, "max", vec![len, Expr::int(1)]);
            let e = Expr::bin(Ty::Int, BinOp::Mod, e, m);
            return if self.rng.chance(30) {
                Expr::bin(Ty::Int, BinOp::Sub, Expr::int(-1), e)
            } else {
                e
            };
        }
        match self.rng.below(10) {
            0..=2 if !ints.is_empty() => {
                let (name, iv) = ints[self.rng.below(ints.len())].clone();
                let (e, _) = self.reduce(Expr::name(Ty::Int, &name), iv, 6);
                e
            }
            3..=5 => Expr::int(self.rng.range(-4, 4)),
            6 => Expr::bin(
                Ty::Int,
                BinOp::Sub,
                Expr::call(Ty::Int, "len", vec![Expr::name(Ty::Float, array)]),
                Expr::int(self.rng.range(0, 2)),
            ),
            _ => {
                let (e, iv) = self.int_expr(depth.min(2));
                if self.rng.chance(10) {
                    e
                } else {
                    self.reduce(e, iv, 8).0
                }
            }
        }
    }

    /// A call of a helper returning `ty`, when there is one.
    fn call_of(&mut self, ty: Ty, depth: u32) -> Option<Expr> {
        let helpers: Vec<Sig> = self
            .callable
            .iter()
            .filter(|s| s.ret == ty)
            .cloned()
            .collect();
        if helpers.is_empty() {
            return None;
        }
        let sig = helpers[self.rng.below(helpers.len())].clone();
        let mut args = Vec::new();
        for kind in &sig.params {
            let arg = match kind {
                Kind::Scalar(Ty::Int, _) => self.var_int(depth.saturating_sub(1)),
                Kind::Scalar(t, _) => self.expr(*t, depth.saturating_sub(1)),
                Kind::FloatArray => {
                    let lists = self.lists.clone();
                    let arrays: Vec<(String, Kind)> = self
                        .names(|k| *k == Kind::FloatArray)
                        .into_iter()
                        .filter(|(n, _)| !lists.contains(n))
                        .collect();
                    let (name, _) = arrays.get(self.rng.below(arrays.len().max(1)))?.clone();
                    Expr::name(Ty::Float, &name)
                }
                Kind::IntArray | Kind::Element | Kind::Strong => return None,
            };
            args.push(arg);
        }
        Some(Expr::call(ty, &sig.name, args))
    }

    // ---- statements ----

    fn fresh(&mut self, prefix: &str) -> String {
        self.fresh += 1;
        format!("{prefix}{}", self.fresh)
    }

    fn block(&mut self, len: usize) -> Vec<Stmt> {
        let mut out = Vec::new();
        let n = self.rng.range(1, len as i64) as usize;
        for _ in 0..n {
            if self.budget == 0 {
                break;
            }
            self.budget -= 1;
            out.extend(self.stmt());
        }
        if out.is_empty() {
            let local = self.locals[self.rng.below(self.locals.len())].clone();
            out.extend(self.assign_to(&local, 1));
        }
        out
    }

    fn assign_to(&mut self, local: &(String, Kind), depth: u32) -> Vec<Stmt> {
        let (name, kind) = local;
        match kind {
            Kind::Scalar(Ty::Int, _) => vec![Stmt::Assign(name.clone(), self.var_int(depth))],
            Kind::Scalar(ty, _) => vec![Stmt::Assign(name.clone(), self.expr(*ty, depth))],
            Kind::FloatArray | Kind::IntArray => self.store(name, *kind, depth),
            Kind::Element => Vec::new(),
            Kind::Strong => self.strong_update(name, depth),
        }
    }

    fn store(&mut self, name: &str, kind: Kind, depth: u32) -> Vec<Stmt> {
        let index = self.index_expr(name, depth);
        if kind == Kind::IntArray {
            let value = self.var_int(depth);
            let op = self
                .rng
                .chance(30)
                .then(|| self.rng.pick(&[BinOp::Add, BinOp::Sub, BinOp::Xor]));
            // Keep elements within ±2**31: an augmented store adds at
            // most that much again (NumPy int64, far from overflow), then
            // the element is reduced.
            let mut out = vec![Stmt::Store(name.to_owned(), index.clone(), op, value)];
            if op.is_some() {
                out.push(Stmt::Store(
                    name.to_owned(),
                    index,
                    Some(BinOp::Mod),
                    Expr::int(1 << 31),
                ));
            }
            return out;
        }
        let value = self.float_or_int(depth);
        // On a list, `/` and `%` by zero raise (Python floats); on an
        // array they give inf or nan (NumPy's).
        let op = self.rng.chance(30).then(|| {
            self.rng
                .pick(&[BinOp::Add, BinOp::Sub, BinOp::Mul, BinOp::Div, BinOp::Mod])
        });
        vec![Stmt::Store(name.to_owned(), index, op, value)]
    }

    fn stmt(&mut self) -> Vec<Stmt> {
        let depth = self.rng.range(1, 3) as u32;
        let nested = self.loops < 2;
        match self.rng.below(20) {
            0..=5 => {
                let local = self.locals[self.rng.below(self.locals.len())].clone();
                self.assign_to(&local, depth)
            }
            6 if self.rng.chance(50) => self.tuple_assign(depth),
            6..=7 => self.aug_assign(depth),
            8..=9 => {
                let arms = self.rng.range(1, 3);
                let mut branches = Vec::new();
                for _ in 0..arms {
                    let c = self.condition(depth);
                    branches.push((c, self.block(3)));
                }
                let orelse = self.rng.chance(50).then(|| self.block(3));
                vec![Stmt::If(branches, orelse)]
            }
            10..=11 if nested => vec![self.for_range()],
            12 if nested => vec![self.while_loop()],
            13 if nested => {
                let arrays = self.names(|k| *k == Kind::FloatArray);
                if arrays.is_empty() {
                    return vec![self.for_range()];
                }
                let (array, _) = arrays[self.rng.below(arrays.len())].clone();
                let var = self.fresh("e");
                if self.lists.contains(&array) {
                    self.lists.push(var.clone());
                }
                self.scope.push((var.clone(), Kind::Element));
                self.loops += 1;
                let body = self.block(3);
                self.loops -= 1;
                self.scope.pop();
                let orelse = self.rng.chance(30).then(|| self.block(2));
                vec![Stmt::ForArray(var, array, body, orelse)]
            }
            14 if self.loops > 0 => {
                let c = self.condition(depth);
                let jump = if self.rng.chance(50) {
                    Stmt::Break
                } else {
                    Stmt::Continue
                };
                vec![Stmt::If(vec![(c, vec![jump])], None)]
            }
            15 => {
                let c = self.condition(depth);
                let value = self.return_value(depth);
                vec![Stmt::If(vec![(c, vec![Stmt::Return(value)])], None)]
            }
            16 if self.rng.chance(40) => {
                let n = self.rng.range(1, 2);
                let mut items = Vec::new();
                for _ in 0..n {
                    let ty = self.rng.pick(&[Ty::Int, Ty::Float, Ty::Bool]);
                    items.push(self.expr(ty, 1));
                }
                vec![Stmt::Print(items)]
            }
            17 if self.rng.chance(30) => {
                let c = self.condition(depth);
                let message = format!("check {}", self.rng.below(100));
                vec![Stmt::Assert(c, message)]
            }
            _ => {
                let local = self.locals[self.rng.below(self.locals.len())].clone();
                self.assign_to(&local, depth)
            }
        }
    }

    fn tuple_assign(&mut self, depth: u32) -> Vec<Stmt> {
        let scalars: Vec<(String, Kind)> = self
            .locals
            .iter()
            .filter(|(_, k)| matches!(k, Kind::Scalar(..)))
            .cloned()
            .collect();
        let first = scalars[self.rng.below(scalars.len())].clone();
        let second = scalars[self.rng.below(scalars.len())].clone();
        if first.0 == second.0 {
            return self.assign_to(&first, depth);
        }
        let mut values = Vec::new();
        for (name, kind) in [&first, &second] {
            let Kind::Scalar(ty, _) = kind else {
                unreachable!("filtered")
            };
            // Often the swap itself (`a, b = b, a`) when the types allow.
            let other = if name == &first.0 { &second } else { &first };
            let value = if other.1 == *kind && self.rng.chance(40) {
                Expr::name(*ty, &other.0)
            } else if *ty == Ty::Int {
                self.var_int(depth)
            } else {
                self.expr(*ty, depth)
            };
            values.push(value);
        }
        vec![Stmt::Tuple(vec![first.0, second.0], values)]
    }

    fn aug_assign(&mut self, depth: u32) -> Vec<Stmt> {
        let scalars: Vec<(String, Kind)> = self
            .locals
            .iter()
            .filter(|(_, k)| matches!(k, Kind::Scalar(..)))
            .cloned()
            .collect();
        let (name, kind) = scalars[self.rng.below(scalars.len())].clone();
        match kind {
            Kind::Scalar(Ty::Int, _) => {
                let op = self.rng.pick(&[
                    BinOp::Add,
                    BinOp::Sub,
                    BinOp::Mul,
                    BinOp::FloorDiv,
                    BinOp::Mod,
                    BinOp::And,
                    BinOp::Or,
                    BinOp::Xor,
                    BinOp::Shr,
                    BinOp::Shl,
                    BinOp::Pow,
                ]);
                let (e, iv) = match op {
                    BinOp::Pow => (Expr::int(2), Iv(2, 2)),
                    BinOp::Shl => {
                        let k = self.rng.range(0, 12);
                        (Expr::int(k), Iv(k as i128, k as i128))
                    }
                    BinOp::Shr => {
                        let (e, iv) = self.int_expr(depth);
                        self.reduce(e, iv, 70)
                    }
                    _ => {
                        let (e, iv) = self.int_expr(depth);
                        self.reduce(e, iv, 1 << 31)
                    }
                };
                let result = int_interval(op, VAR, iv).unwrap_or(I64);
                let mut out = vec![Stmt::AugAssign(name.clone(), op, e)];
                if !result.within(VAR) {
                    // Back within ±2**31 (deviation 1 stays out of reach).
                    let m = self.rng.range(2, 1 << 31);
                    out.push(Stmt::AugAssign(name, BinOp::Mod, Expr::int(m)));
                }
                out
            }
            Kind::Scalar(Ty::Float, _) => {
                let op = self.rng.pick(&[
                    BinOp::Add,
                    BinOp::Sub,
                    BinOp::Mul,
                    BinOp::Div,
                    BinOp::FloorDiv,
                    BinOp::Mod,
                    BinOp::Pow,
                ]);
                let e = if op == BinOp::Pow {
                    Expr::int(self.rng.range(-2, 3))
                } else {
                    self.float_or_int(depth)
                };
                vec![Stmt::AugAssign(name, op, e)]
            }
            _ => {
                let op = self.rng.pick(&[BinOp::And, BinOp::Or, BinOp::Xor]);
                let e = self.bool_expr(depth);
                vec![Stmt::AugAssign(name, op, e)]
            }
        }
    }

    fn range_bound(&mut self) -> (Expr, Iv) {
        match self.rng.below(4) {
            0 | 1 => {
                let v = self.rng.range(-3, 6);
                (Expr::int(v), Iv(v as i128, v as i128))
            }
            2 => {
                let (e, iv) = self.int_expr(2);
                let (e, iv) = self.reduce(e, iv, 6);
                (e, iv)
            }
            _ => {
                let arrays = self.names(|k| matches!(k, Kind::FloatArray | Kind::IntArray));
                if arrays.is_empty() {
                    let v = self.rng.range(0, 5);
                    return (Expr::int(v), Iv(v as i128, v as i128));
                }
                let (name, _) = &arrays[self.rng.below(arrays.len())];
                (
                    Expr::call(Ty::Int, "len", vec![Expr::name(Ty::Float, name)]),
                    Iv(0, 8),
                )
            }
        }
    }

    fn for_range(&mut self) -> Stmt {
        let var = self.fresh("k");
        let (args, iv) = match self.rng.below(3) {
            0 => {
                let (stop, iv) = self.range_bound();
                (vec![stop], Iv(0, iv.1.max(0)))
            }
            1 => {
                let (start, a) = self.range_bound();
                let (stop, b) = self.range_bound();
                (vec![start, stop], a.hull(b))
            }
            _ => {
                let (start, a) = self.range_bound();
                let (stop, b) = self.range_bound();
                let step = if self.rng.chance(95) {
                    Expr::int(self.rng.pick(&[-3, -2, -1, 1, 2, 3]))
                } else {
                    // Possibly zero: `ValueError: range() arg 3 must not be zero`.
                    let (e, iv) = self.int_expr(1);
                    self.reduce(e, iv, 3).0
                };
                (vec![start, stop, step], a.hull(b))
            }
        };
        self.scope.push((var.clone(), Kind::Scalar(Ty::Int, iv)));
        self.loops += 1;
        let body = self.block(4);
        self.loops -= 1;
        self.scope.pop();
        let orelse = self.rng.chance(30).then(|| self.block(2));
        Stmt::ForRange(var, args, body, orelse)
    }

    fn while_loop(&mut self) -> Stmt {
        let counter = self.fresh("w");
        let limit = self.rng.range(0, 6);
        let cond = self.bool_expr(2);
        self.scope
            .push((counter.clone(), Kind::Scalar(Ty::Int, Iv(0, limit as i128))));
        self.loops += 1;
        let body = self.block(4);
        self.loops -= 1;
        self.scope.pop();
        let orelse = self.rng.chance(30).then(|| self.block(2));
        Stmt::While(counter, limit, cond, body, orelse)
    }

    fn strong_update(&mut self, name: &str, depth: u32) -> Vec<Stmt> {
        let lists = self.lists.clone();
        let arrays: Vec<String> = self
            .names(|k| *k == Kind::FloatArray)
            .into_iter()
            .map(|(n, _)| n)
            .filter(|n| !lists.contains(n))
            .collect();
        let elements: Vec<String> = self
            .names(|k| *k == Kind::Element)
            .into_iter()
            .map(|(n, _)| n)
            .filter(|n| !lists.contains(n))
            .collect();
        let op = self.rng.pick(&[
            BinOp::Add,
            BinOp::Add,
            BinOp::Sub,
            BinOp::Mul,
            BinOp::Div,
            BinOp::FloorDiv,
            BinOp::Mod,
        ]);
        match self.rng.below(10) {
            0..=3 if !arrays.is_empty() => {
                let array = arrays[self.rng.below(arrays.len())].clone();
                let index = self.index_expr(&array, depth);
                let element = Expr::new(Ty::Float, E::Index(array, Box::new(index)));
                vec![Stmt::AugAssign(name.to_owned(), op, element)]
            }
            4..=5 if !elements.is_empty() => {
                let e = &elements[self.rng.below(elements.len())];
                vec![Stmt::AugAssign(
                    name.to_owned(),
                    op,
                    Expr::name(Ty::Float, e),
                )]
            }
            6..=7 => {
                let e = self.float_or_int(depth);
                vec![Stmt::AugAssign(name.to_owned(), op, e)]
            }
            _ => {
                // No `**`: a Python float's negative base would make a
                // complex number (deviation 4).
                let e = self.float_or_int(depth);
                let value = Expr::bin(Ty::Float, op, Expr::name(Ty::Float, name), e);
                vec![Stmt::Assign(name.to_owned(), value)]
            }
        }
    }

    fn return_value(&mut self, depth: u32) -> Option<Expr> {
        let strong = self.names(|k| *k == Kind::Strong);
        if self.ret == Ty::Float && !strong.is_empty() && self.rng.chance(30) {
            return Some(Expr::name(Ty::Float, &strong[0].0));
        }
        Some(match self.ret {
            Ty::Int => self.var_int(depth),
            ty => self.expr(ty, depth),
        })
    }
}

/// `(d or 1)`: a divisor that is not zero (still of its own type).
fn nonzero(d: (Expr, Iv)) -> (Expr, Iv) {
    let one = if d.0.ty == Ty::Float {
        Expr::float(1.0)
    } else {
        Expr::int(1)
    };
    let iv = d.1.hull(Iv(1, 1));
    (
        Expr::new(d.0.ty, E::Logic(false, Box::new(d.0), Box::new(one))),
        iv,
    )
}

/// `[a] op [b]` for ints, or `None` when the operation is not modelled.
fn int_interval(op: BinOp, a: Iv, b: Iv) -> Option<Iv> {
    let corners = |f: fn(i128, i128) -> i128| {
        Iv::of_corners([f(a.0, b.0), f(a.0, b.1), f(a.1, b.0), f(a.1, b.1)])
    };
    Some(match op {
        BinOp::Add => corners(|x, y| x + y),
        BinOp::Sub => corners(|x, y| x - y),
        BinOp::Mul => corners(|x, y| x * y),
        // |a // b| <= |a| for any nonzero b, and `a // -1 == -a`.
        BinOp::FloorDiv => Iv(-a.magnitude(), a.magnitude()),
        BinOp::Mod => {
            let m = b.magnitude();
            Iv(-(m - 1).max(0), (m - 1).max(0))
        }
        BinOp::Pow => {
            if a.magnitude() > 1 << 40 || b.1 > 3 {
                return None;
            }
            let m = a.magnitude().pow(b.1.max(0) as u32);
            Iv(-m, m)
        }
        BinOp::Shl => {
            if b.1 > 62 {
                return None;
            }
            let k = b.1.max(0);
            Iv(a.0.min(0) << k, a.1.max(0) << k)
        }
        BinOp::Shr => Iv(a.0.min(0), a.1.max(0)),
        BinOp::And | BinOp::Or | BinOp::Xor => a.bits(b),
        BinOp::Div => return None,
    })
}

impl Program {
    /// The program a seed names.
    pub fn generate(seed: u64) -> Program {
        let mut rng = Rng::new(seed);
        let mut functions = Vec::new();
        let mut sigs: Vec<Sig> = Vec::new();
        let helpers = rng.range(0, 3);
        for h in 0..helpers {
            let name = format!("g{}", h + 1);
            let n = rng.range(1, 3);
            let mut params = Vec::new();
            for p in 0..n {
                let kind = match rng.below(7) {
                    0 | 1 => Kind::Scalar(Ty::Int, VAR),
                    2 | 3 => Kind::Scalar(Ty::Float, VAR),
                    4 => Kind::Scalar(Ty::Bool, BOOL_IV),
                    _ => Kind::FloatArray,
                };
                params.push((format!("p{p}"), kind));
            }
            let ret = rng.pick(&[Ty::Int, Ty::Float, Ty::Float, Ty::Bool]);
            let body = function_body(&mut rng, &sigs, &params, ret, 6, false);
            functions.push(Function {
                name: name.clone(),
                params: params.clone(),
                body,
            });
            sigs.push(Sig {
                name,
                params: params.iter().map(|(_, k)| *k).collect(),
                ret,
            });
        }
        let mut params = vec![
            ("a".to_owned(), Kind::Scalar(Ty::Int, I64)),
            ("b".to_owned(), Kind::Scalar(Ty::Float, VAR)),
            ("c".to_owned(), Kind::Scalar(Ty::Bool, BOOL_IV)),
        ];
        let with_xs = rng.chance(60);
        let with_ys = rng.chance(30);
        if with_xs {
            params.push(("xs".to_owned(), Kind::FloatArray));
        }
        if with_ys {
            params.push(("ys".to_owned(), Kind::IntArray));
        }
        let ret = rng.pick(&[Ty::Int, Ty::Float, Ty::Float, Ty::Bool]);
        let strong = with_xs && rng.chance(50);
        let body = function_body(&mut rng, &sigs, &params, ret, 12, strong);
        functions.push(Function {
            name: "f".to_owned(),
            params,
            body,
        });
        let mut calls = Vec::new();
        for _ in 0..rng.range(3, 5) {
            let mut args = vec![
                int_argument(&mut rng),
                float_literal(if rng.chance(50) {
                    rng.range(-12, 12) as f64 / 2.0
                } else {
                    rng.pick(FLOATS)
                }),
                if rng.chance(50) { "True" } else { "False" }.to_owned(),
            ];
            if with_xs {
                let n = if rng.chance(10) { 0 } else { rng.range(1, 5) };
                let items: Vec<String> = (0..n)
                    .map(|_| {
                        float_literal(if rng.chance(70) {
                            rng.range(-8, 8) as f64 / 2.0
                        } else {
                            rng.pick(FLOATS)
                        })
                    })
                    .collect();
                args.push(format!("[{}]", items.join(", ")));
            }
            if with_ys {
                // Never empty: `[]` is a float64 array.
                let n = rng.range(1, 4);
                let items: Vec<String> = (0..n).map(|_| rng.range(-9, 9).to_string()).collect();
                args.push(format!("[{}]", items.join(", ")));
            }
            calls.push(args);
        }
        Program {
            seed,
            functions,
            calls,
        }
    }

    /// The module's Python source.
    pub fn source(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "# Generated by pyjit-tests (tests/src/generate.rs), seed {}.",
            self.seed
        );
        out.push_str("import math\n\nimport numpy as np\n");
        for f in &self.functions {
            out.push_str("\n\n");
            let params: Vec<&str> = f.params.iter().map(|(n, _)| n.as_str()).collect();
            let _ = writeln!(out, "def {}({}):", f.name, params.join(", "));
            block(&mut out, &f.body, 1);
        }
        out
    }

    /// Smaller programs to try when this one shows a disagreement: each
    /// statement dropped, an `if` replaced by one of its blocks, a loop by
    /// its body when that has no `break`/`continue`, an expression by a
    /// literal of its type, an unused helper dropped, one call kept.
    pub fn shrink_candidates(&self) -> Vec<Program> {
        let mut out = Vec::new();
        if self.calls.len() > 1 {
            for call in &self.calls {
                let mut p = self.clone();
                p.calls = vec![call.clone()];
                out.push(p);
            }
        }
        for (i, f) in self.functions.iter().enumerate() {
            let used = self
                .functions
                .iter()
                .filter(|g| g.name != f.name)
                .any(|g| body_calls(&g.body, &f.name));
            if f.name != "f" && !used {
                let mut p = self.clone();
                p.functions.remove(i);
                out.push(p);
            }
        }
        for (i, f) in self.functions.iter().enumerate() {
            for body in shrink_block(&f.body) {
                let mut p = self.clone();
                p.functions[i].body = body;
                out.push(p);
            }
        }
        out
    }
}

fn body_calls(body: &[Stmt], name: &str) -> bool {
    let mut text = String::new();
    block(&mut text, body, 0);
    text.contains(&format!("{name}("))
}

fn int_argument(rng: &mut Rng) -> String {
    let v = match rng.below(4) {
        0 | 1 => rng.range(-10, 10),
        2 => rng.range(-100_000, 100_000),
        _ => rng.pick(&[
            i64::MIN,
            i64::MAX,
            i64::MIN + 1,
            (1 << 53) + 1,
            -(1 << 53) - 1,
            1 << 62,
            -(1 << 31),
            0,
        ]),
    };
    v.to_string()
}

/// A float as an argument literal (`pyjit run` and `tests/derive.py`
/// both read `inf`, `-inf` and `nan`).
fn float_literal(v: f64) -> String {
    if v.is_nan() {
        "nan".to_owned()
    } else if v.is_infinite() {
        if v > 0.0 { "inf" } else { "-inf" }.to_owned()
    } else {
        format!("{v:?}")
    }
}

/// One function's body: its locals assigned first (so each has its type
/// from the start and is never unbound), statements, and a final return.
fn function_body(
    rng: &mut Rng,
    sigs: &[Sig],
    params: &[(String, Kind)],
    ret: Ty,
    budget: usize,
    strong: bool,
) -> Vec<Stmt> {
    let mut g = Gen {
        rng,
        callable: sigs.to_vec(),
        scope: params.to_vec(),
        locals: Vec::new(),
        loops: 0,
        fresh: 0,
        ret,
        budget,
        lists: Vec::new(),
    };
    let mut body = Vec::new();
    let n_int = g.rng.range(1, 3);
    let n_float = g.rng.range(1, 3);
    let n_bool = g.rng.range(0, 1);
    for (prefix, ty, n) in [
        ("i", Ty::Int, n_int),
        ("x", Ty::Float, n_float),
        ("t", Ty::Bool, n_bool),
    ] {
        for k in 0..n {
            let name = format!("{prefix}{k}");
            let init = match ty {
                Ty::Int => g.var_int(1),
                _ => g.expr(ty, 1),
            };
            body.push(Stmt::Assign(name.clone(), init));
            let kind = Kind::Scalar(ty, if ty == Ty::Int { VAR } else { BOOL_IV });
            g.scope.push((name.clone(), kind));
            g.locals.push((name, kind));
        }
    }
    if strong {
        let init = Expr::float(g.rng.pick(&[0.0, 1.0, -0.0, 2.5]));
        body.push(Stmt::Assign("s0".to_owned(), init));
        g.scope.push(("s0".to_owned(), Kind::Strong));
        g.locals.push(("s0".to_owned(), Kind::Strong));
    }
    for k in 0..g.rng.range(0, 2) {
        let (kind, text) = match g.rng.below(5) {
            0 => (Kind::FloatArray, "np.zeros({})"),
            1 => (Kind::FloatArray, "np.ones({})"),
            2 => (Kind::FloatArray, "[0.0] * {}"),
            3 => (Kind::IntArray, "[0] * {}"),
            _ => (Kind::IntArray, "np.zeros({}, dtype=np.int64)"),
        };
        let name = format!("arr{k}");
        // A length from -1 (np.zeros raises, a list is empty) to 6.
        let len = match g.rng.below(20) {
            0..=4 => {
                let (e, iv) = g.int_expr(1);
                let (e, _) = g.reduce(e, iv, 7);
                Expr::call(Ty::Int, "abs", vec![e])
            }
            5 => {
                let (e, iv) = g.int_expr(1);
                g.reduce(e, iv, 7).0
            }
            6 => Expr::int(g.rng.range(-1, 0)),
            _ => Expr::int(g.rng.range(1, 6)),
        };
        if text.starts_with('[') {
            g.lists.push(name.clone());
        }
        body.push(Stmt::Alloc(name.clone(), text, len));
        g.scope.push((name.clone(), kind));
        g.locals.push((name, kind));
    }
    body.extend(g.block(budget));
    let value = g.return_value(2);
    body.push(Stmt::Return(value));
    body
}

fn float_text(v: f64) -> String {
    if v.is_nan() {
        "math.nan".to_owned()
    } else if v.is_infinite() {
        if v > 0.0 { "math.inf" } else { "(-math.inf)" }.to_owned()
    } else if v.is_sign_negative() {
        format!("({v:?})")
    } else {
        format!("{v:?}")
    }
}

fn expr(out: &mut String, e: &Expr) {
    match &e.kind {
        E::Int(v) if *v < 0 => {
            let _ = write!(out, "({v})");
        }
        E::Int(v) => {
            let _ = write!(out, "{v}");
        }
        E::Float(v) => out.push_str(&float_text(*v)),
        E::Bool(v) => out.push_str(if *v { "True" } else { "False" }),
        E::Name(n) => out.push_str(n),
        E::Unary(op, a) => {
            out.push('(');
            out.push_str(op);
            if *op == "not" {
                out.push(' ');
            }
            expr(out, a);
            out.push(')');
        }
        E::Bin(op, a, b) => {
            out.push('(');
            expr(out, a);
            let _ = write!(out, " {} ", op.text());
            expr(out, b);
            out.push(')');
        }
        E::Compare(first, rest) => {
            out.push('(');
            expr(out, first);
            for (op, e) in rest {
                let _ = write!(out, " {op} ");
                expr(out, e);
            }
            out.push(')');
        }
        E::Logic(and, a, b) => {
            out.push('(');
            expr(out, a);
            out.push_str(if *and { " and " } else { " or " });
            expr(out, b);
            out.push(')');
        }
        E::IfExp(c, a, b) => {
            out.push('(');
            expr(out, a);
            out.push_str(" if ");
            expr(out, c);
            out.push_str(" else ");
            expr(out, b);
            out.push(')');
        }
        E::Call(name, args) => {
            out.push_str(name);
            out.push('(');
            for (i, a) in args.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                expr(out, a);
            }
            out.push(')');
        }
        E::Index(name, i) => {
            out.push_str(name);
            out.push('[');
            expr(out, i);
            out.push(']');
        }
        E::Guarded(conv, x, k) => {
            out.push('(');
            let mut inner = String::new();
            expr(&mut inner, x);
            let _ = write!(
                out,
                "{conv}({inner}) if not abs({inner}) >= 1e15 else {}",
                if *k < 0 {
                    format!("({k})")
                } else {
                    k.to_string()
                }
            );
            out.push(')');
        }
    }
}

fn line(out: &mut String, indent: usize, text: &str) {
    for _ in 0..indent {
        out.push_str("    ");
    }
    out.push_str(text);
    out.push('\n');
}

fn text(e: &Expr) -> String {
    let mut s = String::new();
    expr(&mut s, e);
    s
}

fn block(out: &mut String, body: &[Stmt], indent: usize) {
    if body.is_empty() {
        line(out, indent, "pass");
    }
    for s in body {
        stmt(out, s, indent);
    }
}

fn stmt(out: &mut String, s: &Stmt, indent: usize) {
    match s {
        Stmt::Assign(n, e) => line(out, indent, &format!("{n} = {}", text(e))),
        Stmt::AugAssign(n, op, e) => {
            line(out, indent, &format!("{n} {}= {}", op.text(), text(e)));
        }
        Stmt::Tuple(names, values) => {
            let values: Vec<String> = values.iter().map(text).collect();
            line(
                out,
                indent,
                &format!("{} = {}", names.join(", "), values.join(", ")),
            );
        }
        Stmt::Store(n, i, op, e) => {
            let op = op.map_or("", BinOp::text);
            line(out, indent, &format!("{n}[{}] {op}= {}", text(i), text(e)));
        }
        Stmt::Alloc(n, form, len) => {
            line(
                out,
                indent,
                &format!("{n} = {}", form.replace("{}", &text(len))),
            );
        }
        Stmt::If(arms, orelse) => {
            for (k, (c, body)) in arms.iter().enumerate() {
                let word = if k == 0 { "if" } else { "elif" };
                line(out, indent, &format!("{word} {}:", text(c)));
                block(out, body, indent + 1);
            }
            if let Some(body) = orelse {
                line(out, indent, "else:");
                block(out, body, indent + 1);
            }
        }
        Stmt::ForRange(var, args, body, orelse) => {
            let args: Vec<String> = args.iter().map(text).collect();
            line(
                out,
                indent,
                &format!("for {var} in range({}):", args.join(", ")),
            );
            block(out, body, indent + 1);
            if let Some(body) = orelse {
                line(out, indent, "else:");
                block(out, body, indent + 1);
            }
        }
        Stmt::ForArray(var, array, body, orelse) => {
            line(out, indent, &format!("for {var} in {array}:"));
            block(out, body, indent + 1);
            if let Some(body) = orelse {
                line(out, indent, "else:");
                block(out, body, indent + 1);
            }
        }
        Stmt::While(counter, limit, cond, body, orelse) => {
            line(out, indent, &format!("{counter} = 0"));
            line(
                out,
                indent,
                &format!("while {counter} < {limit} and {}:", text(cond)),
            );
            line(out, indent + 1, &format!("{counter} += 1"));
            block(out, body, indent + 1);
            if let Some(body) = orelse {
                line(out, indent, "else:");
                block(out, body, indent + 1);
            }
        }
        Stmt::Break => line(out, indent, "break"),
        Stmt::Continue => line(out, indent, "continue"),
        Stmt::Return(None) => line(out, indent, "return"),
        Stmt::Return(Some(e)) => line(out, indent, &format!("return {}", text(e))),
        Stmt::Print(items) => {
            let items: Vec<String> = items.iter().map(text).collect();
            line(out, indent, &format!("print({})", items.join(", ")));
        }
        Stmt::Assert(c, message) => {
            line(out, indent, &format!("assert {}, \"{message}\"", text(c)));
        }
    }
}

// ---- shrinking ----

fn has_jump(body: &[Stmt]) -> bool {
    body.iter().any(|s| match s {
        Stmt::Break | Stmt::Continue => true,
        Stmt::If(arms, orelse) => {
            arms.iter().any(|(_, b)| has_jump(b)) || orelse.as_deref().is_some_and(has_jump)
        }
        _ => false,
    })
}

/// Each way to make one statement of a block (at any depth) smaller.
fn shrink_block(body: &[Stmt]) -> Vec<Vec<Stmt>> {
    let mut out = Vec::new();
    for i in 0..body.len() {
        let replace = |with: Vec<Stmt>| {
            let mut b = body[..i].to_vec();
            b.extend(with);
            b.extend_from_slice(&body[i + 1..]);
            b
        };
        // Dropping the last statement of a function would change its
        // return type; the caller's candidates fail to compile and are
        // skipped then.
        out.push(replace(Vec::new()));
        match &body[i] {
            Stmt::If(arms, orelse) => {
                for (_, b) in arms {
                    out.push(replace(b.clone()));
                }
                if let Some(b) = orelse {
                    out.push(replace(b.clone()));
                    out.push(replace(vec![Stmt::If(arms.clone(), None)]));
                }
                if arms.len() > 1 {
                    for k in 0..arms.len() {
                        let mut arms = arms.clone();
                        arms.remove(k);
                        out.push(replace(vec![Stmt::If(arms, orelse.clone())]));
                    }
                }
                for (k, (c, b)) in arms.iter().enumerate() {
                    for c in shrink_expr(c) {
                        let mut arms = arms.clone();
                        arms[k].0 = c;
                        out.push(replace(vec![Stmt::If(arms, orelse.clone())]));
                    }
                    for b in shrink_block(b) {
                        let mut arms = arms.clone();
                        arms[k].1 = b;
                        out.push(replace(vec![Stmt::If(arms, orelse.clone())]));
                    }
                }
                if let Some(e) = orelse {
                    for b in shrink_block(e) {
                        out.push(replace(vec![Stmt::If(arms.clone(), Some(b))]));
                    }
                }
            }
            Stmt::ForRange(var, args, b, orelse) => {
                if !has_jump(b) {
                    out.push(replace(b.clone()));
                }
                if orelse.is_some() {
                    out.push(replace(vec![Stmt::ForRange(
                        var.clone(),
                        args.clone(),
                        b.clone(),
                        None,
                    )]));
                }
                for b in shrink_block(b) {
                    out.push(replace(vec![Stmt::ForRange(
                        var.clone(),
                        args.clone(),
                        b,
                        orelse.clone(),
                    )]));
                }
                if let Some(e) = orelse {
                    for e in shrink_block(e) {
                        out.push(replace(vec![Stmt::ForRange(
                            var.clone(),
                            args.clone(),
                            b.clone(),
                            Some(e),
                        )]));
                    }
                }
            }
            Stmt::ForArray(var, array, b, orelse) => {
                if orelse.is_some() {
                    out.push(replace(vec![Stmt::ForArray(
                        var.clone(),
                        array.clone(),
                        b.clone(),
                        None,
                    )]));
                }
                for b in shrink_block(b) {
                    out.push(replace(vec![Stmt::ForArray(
                        var.clone(),
                        array.clone(),
                        b,
                        orelse.clone(),
                    )]));
                }
            }
            Stmt::While(counter, limit, cond, b, orelse) => {
                if orelse.is_some() {
                    out.push(replace(vec![Stmt::While(
                        counter.clone(),
                        *limit,
                        cond.clone(),
                        b.clone(),
                        None,
                    )]));
                }
                for c in shrink_expr(cond) {
                    out.push(replace(vec![Stmt::While(
                        counter.clone(),
                        *limit,
                        c,
                        b.clone(),
                        orelse.clone(),
                    )]));
                }
                for b in shrink_block(b) {
                    out.push(replace(vec![Stmt::While(
                        counter.clone(),
                        *limit,
                        cond.clone(),
                        b,
                        orelse.clone(),
                    )]));
                }
            }
            Stmt::Assign(n, e) => {
                for e in shrink_expr(e) {
                    out.push(replace(vec![Stmt::Assign(n.clone(), e)]));
                }
            }
            Stmt::AugAssign(n, op, e) => {
                for e in shrink_expr(e) {
                    out.push(replace(vec![Stmt::AugAssign(n.clone(), *op, e)]));
                }
            }
            Stmt::Store(n, i, op, e) => {
                for i in shrink_expr(i) {
                    out.push(replace(vec![Stmt::Store(n.clone(), i, *op, e.clone())]));
                }
                for e in shrink_expr(e) {
                    out.push(replace(vec![Stmt::Store(n.clone(), i.clone(), *op, e)]));
                }
            }
            Stmt::Return(Some(e)) => {
                for e in shrink_expr(e) {
                    out.push(replace(vec![Stmt::Return(Some(e))]));
                }
            }
            Stmt::Assert(c, m) => {
                for c in shrink_expr(c) {
                    out.push(replace(vec![Stmt::Assert(c, m.clone())]));
                }
            }
            Stmt::Print(items) => {
                for (k, item) in items.iter().enumerate() {
                    for e in shrink_expr(item) {
                        let mut items = items.clone();
                        items[k] = e;
                        out.push(replace(vec![Stmt::Print(items)]));
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// A literal standing for an expression of a type: `0`, `1.0`, `False`.
/// Replacing an int by 0 or 1 never makes an int operation leave int64.
fn simplest(ty: Ty) -> Vec<Expr> {
    match ty {
        Ty::Int => vec![Expr::int(0), Expr::int(1)],
        Ty::Float => vec![Expr::float(1.0), Expr::float(0.0)],
        Ty::Bool => vec![
            Expr::new(Ty::Bool, E::Bool(false)),
            Expr::new(Ty::Bool, E::Bool(true)),
        ],
    }
}

fn is_literal(e: &Expr) -> bool {
    matches!(e.kind, E::Int(_) | E::Float(_) | E::Bool(_))
}

/// Smaller versions of an expression: a literal of its type, or one of
/// its operands rewritten smaller. (An operand of another type is not a
/// candidate: it could change the types of the program.)
fn shrink_expr(e: &Expr) -> Vec<Expr> {
    let mut out = Vec::new();
    if !is_literal(e) {
        out.extend(simplest(e.ty));
    } else {
        return out;
    }
    let rebuild = |kind: E| Expr::new(e.ty, kind);
    match &e.kind {
        E::Unary(op, a) => {
            for a in shrink_expr(a) {
                out.push(rebuild(E::Unary(op, Box::new(a))));
            }
        }
        E::Bin(op, a, b) => {
            for a2 in shrink_expr(a) {
                out.push(rebuild(E::Bin(*op, Box::new(a2), b.clone())));
            }
            for b2 in shrink_expr(b) {
                out.push(rebuild(E::Bin(*op, a.clone(), Box::new(b2))));
            }
        }
        E::Compare(first, rest) => {
            for f in shrink_expr(first) {
                out.push(rebuild(E::Compare(Box::new(f), rest.clone())));
            }
            for (k, (op, x)) in rest.iter().enumerate() {
                for x in shrink_expr(x) {
                    let mut rest = rest.clone();
                    rest[k] = (op, x);
                    out.push(rebuild(E::Compare(first.clone(), rest)));
                }
            }
        }
        E::Logic(and, a, b) => {
            out.push((**a).clone());
            out.push((**b).clone());
            for a2 in shrink_expr(a) {
                out.push(rebuild(E::Logic(*and, Box::new(a2), b.clone())));
            }
            for b2 in shrink_expr(b) {
                out.push(rebuild(E::Logic(*and, a.clone(), Box::new(b2))));
            }
        }
        E::IfExp(c, a, b) => {
            for c2 in shrink_expr(c) {
                out.push(rebuild(E::IfExp(Box::new(c2), a.clone(), b.clone())));
            }
            for a2 in shrink_expr(a) {
                out.push(rebuild(E::IfExp(c.clone(), Box::new(a2), b.clone())));
            }
            for b2 in shrink_expr(b) {
                out.push(rebuild(E::IfExp(c.clone(), a.clone(), Box::new(b2))));
            }
        }
        E::Call(name, args) => {
            for (k, a) in args.iter().enumerate() {
                for a in shrink_expr(a) {
                    let mut args = args.clone();
                    args[k] = a;
                    out.push(rebuild(E::Call(name.clone(), args)));
                }
            }
        }
        E::Index(name, i) => {
            for i in shrink_expr(i) {
                out.push(rebuild(E::Index(name.clone(), Box::new(i))));
            }
        }
        E::Guarded(conv, x, k) => {
            for x in shrink_expr(x) {
                out.push(rebuild(E::Guarded(conv.clone(), Box::new(x), *k)));
            }
        }
        _ => {}
    }
    out
}

/// Programs as a proptest strategy: a seed, then the program it names.
pub fn program_strategy() -> impl proptest::strategy::Strategy<Value = Program> {
    use proptest::strategy::Strategy as _;
    proptest::num::u64::ANY.prop_map(Program::generate)
}
