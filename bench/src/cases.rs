//! The benchmark cases (a kernel at a size), their inputs, and the state a
//! call leaves behind.
//!
//! Inputs come from [`Lcg`], a 64-bit linear congruential generator that
//! `bench/cpython_numba.py` repeats operation for operation, so CPython,
//! Numba, C and pyjit see the same bits. A call's [`Outcome`] is its return
//! value and every array argument afterwards (inputs included, so a write
//! to an input shows too), compared bit for bit: the C references use
//! the same order of floating-point operations and `-ffp-contract=off`, so
//! any difference is a real one.

use std::fmt::Write as _;

use pyjit::Arg;
use sha2::{Digest, Sha256};

/// The sizes to run at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    /// The sizes of `RESULTS.md`.
    Full,
    /// Sizes that run in microseconds, for the test of the result check.
    Small,
}

impl Scale {
    fn pick<T>(self, full: T, small: T) -> T {
        match self {
            Scale::Full => full,
            Scale::Small => small,
        }
    }
}

/// The element type of an array argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dtype {
    /// `float32` (C `float`).
    Float32,
    /// `float64` (C `double`).
    Float64,
    /// `int64` (C `int64_t`).
    Int64,
    /// `bool` (one byte, 0 or 1; C `uint8_t`).
    Bool,
}

impl Dtype {
    /// NumPy's name for it.
    pub fn name(self) -> &'static str {
        match self {
            Dtype::Float32 => "float32",
            Dtype::Float64 => "float64",
            Dtype::Int64 => "int64",
            Dtype::Bool => "bool",
        }
    }
}

/// What an array holds before the call.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Fill {
    /// All zeros (`False` for `bool`).
    Zeros,
    /// `lo + (hi - lo) * u` for `u` from [`Lcg::new(seed)`](Lcg::new),
    /// computed in `float64` and rounded to the element type.
    Uniform {
        /// The lower bound.
        lo: f64,
        /// The upper bound (excluded).
        hi: f64,
        /// The generator's seed.
        seed: u64,
    },
}

/// One parameter of a kernel, as specified.
#[derive(Clone, Debug, PartialEq)]
pub enum ParamSpec {
    /// A C-contiguous array of `shape` (one or two dimensions).
    Array {
        /// The element type.
        dtype: Dtype,
        /// Its shape.
        shape: Vec<usize>,
        /// Its contents.
        fill: Fill,
    },
    /// A Python `int`.
    Int(i64),
    /// A Python `float`.
    Float(f64),
    /// An `np.float32`.
    Float32(f32),
}

/// A kernel at one size.
#[derive(Clone, Debug)]
pub struct Case {
    /// Unique among the cases: `gemm_256`, `dot`.
    pub id: &'static str,
    /// The Python (and C, after `ref_`) function.
    pub function: &'static str,
    /// The size, for the table.
    pub size: String,
    /// The arguments, in order.
    pub params: Vec<ParamSpec>,
    /// The kernel advances state it is given (n-body), so its inputs are
    /// restored before each timed call.
    pub mutates_inputs: bool,
}

/// `1,000,000`.
pub fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

fn uniform(dtype: Dtype, shape: &[usize], lo: f64, hi: f64, seed: u64) -> ParamSpec {
    ParamSpec::Array {
        dtype,
        shape: shape.to_vec(),
        fill: Fill::Uniform { lo, hi, seed },
    }
}

fn zeros(dtype: Dtype, shape: &[usize]) -> ParamSpec {
    ParamSpec::Array {
        dtype,
        shape: shape.to_vec(),
        fill: Fill::Zeros,
    }
}

/// Every case of the suite, in the order of `kernels.py`.
pub fn suite(scale: Scale) -> Vec<Case> {
    use Dtype::{Bool, Float32, Float64, Int64};
    let mut cases = Vec::new();
    let mut vector = |id, function, n: usize, params: Vec<ParamSpec>| {
        cases.push(Case {
            id,
            function,
            size: format!("n = {}", thousands(n as i64)),
            params,
            mutates_inputs: false,
        });
    };
    for (id, n) in [
        ("vector_add_100k", scale.pick(100_000, 1_000)),
        ("vector_add_1m", scale.pick(1_000_000, 2_000)),
    ] {
        vector(
            id,
            "vector_add",
            n,
            vec![
                uniform(Float32, &[n], 0.0, 1.0, 1),
                uniform(Float32, &[n], 0.0, 1.0, 2),
                zeros(Float32, &[n]),
                ParamSpec::Int(n as i64),
            ],
        );
    }
    let n = scale.pick(1_000_000, 1_000);
    vector(
        "saxpy",
        "saxpy",
        n,
        vec![
            ParamSpec::Float32(1.5),
            uniform(Float32, &[n], 0.0, 1.0, 3),
            uniform(Float32, &[n], 0.0, 1.0, 4),
            zeros(Float32, &[n]),
            ParamSpec::Int(n as i64),
        ],
    );
    vector(
        "dot",
        "dot",
        n,
        vec![
            uniform(Float64, &[n], -1.0, 1.0, 5),
            uniform(Float64, &[n], -1.0, 1.0, 6),
            ParamSpec::Int(n as i64),
        ],
    );
    vector(
        "prefix_sum",
        "prefix_sum",
        n,
        vec![
            uniform(Float64, &[n], 0.0, 1.0, 7),
            zeros(Float64, &[n]),
            ParamSpec::Int(n as i64),
        ],
    );
    vector(
        "stencil1d",
        "stencil1d",
        n,
        vec![
            uniform(Float64, &[n], 0.0, 1.0, 8),
            zeros(Float64, &[n]),
            ParamSpec::Int(n as i64),
        ],
    );
    // 64 bins: x * 64 is exact, so every x < 1 lands in a bin.
    let bins = 64;
    cases.push(Case {
        id: "histogram",
        function: "histogram",
        size: format!("n = {}, {bins} bins", thousands(n as i64)),
        params: vec![
            uniform(Float64, &[n], 0.0, 1.0, 9),
            zeros(Int64, &[bins]),
            ParamSpec::Int(n as i64),
            ParamSpec::Int(bins as i64),
        ],
        mutates_inputs: false,
    });
    for (id, n) in [
        ("gemm_128", scale.pick(128, 8)),
        ("gemm_256", scale.pick(256, 16)),
    ] {
        cases.push(Case {
            id,
            function: "gemm",
            size: format!("{n} × {n}"),
            params: vec![
                uniform(Float64, &[n, n], -1.0, 1.0, 10),
                uniform(Float64, &[n, n], -1.0, 1.0, 11),
                zeros(Float64, &[n, n]),
                ParamSpec::Int(n as i64),
            ],
            mutates_inputs: false,
        });
    }
    let n = scale.pick(1024, 16);
    cases.push(Case {
        id: "jacobi2d",
        function: "jacobi2d",
        size: format!("{n} × {n}"),
        params: vec![
            uniform(Float64, &[n, n], 0.0, 1.0, 12),
            zeros(Float64, &[n, n]),
            ParamSpec::Int(n as i64),
        ],
        mutates_inputs: false,
    });
    let (n, steps) = scale.pick((512, 4), (16, 2));
    cases.push(Case {
        id: "nbody",
        function: "nbody",
        size: format!("{n} bodies, {steps} steps"),
        params: vec![
            uniform(Float64, &[n, 3], -1.0, 1.0, 13),
            uniform(Float64, &[n, 3], -0.01, 0.01, 14),
            uniform(Float64, &[n], 0.5, 1.5, 15),
            ParamSpec::Int(n as i64),
            ParamSpec::Int(steps),
            ParamSpec::Float(0.001),
        ],
        mutates_inputs: true,
    });
    let n = scale.pick(400, 20);
    cases.push(Case {
        id: "spectral_norm",
        function: "spectral_norm",
        size: format!("n = {n}"),
        params: vec![
            ParamSpec::Int(n as i64),
            zeros(Float64, &[n]),
            zeros(Float64, &[n]),
            zeros(Float64, &[n]),
        ],
        mutates_inputs: false,
    });
    let (width, height, iterations) = scale.pick((400, 300, 200), (30, 20, 50));
    cases.push(Case {
        id: "mandelbrot",
        function: "mandelbrot",
        size: format!("{width} × {height}, {iterations} iterations"),
        params: vec![
            ParamSpec::Int(width),
            ParamSpec::Int(height),
            ParamSpec::Int(iterations),
        ],
        mutates_inputs: false,
    });
    let n = scale.pick(2_000_000, 1_000);
    cases.push(Case {
        id: "sieve",
        function: "sieve",
        size: format!("N = {}", thousands(n as i64)),
        params: vec![zeros(Bool, &[n]), ParamSpec::Int(n as i64)],
        mutates_inputs: false,
    });
    let n = scale.pick(30, 15);
    cases.push(Case {
        id: "fib",
        function: "fib",
        size: format!("n = {n}"),
        params: vec![ParamSpec::Int(n)],
        mutates_inputs: false,
    });
    let n = scale.pick(100_000, 1_000);
    cases.push(Case {
        id: "collatz_max",
        function: "collatz_max",
        size: format!("N = {}", thousands(n)),
        params: vec![ParamSpec::Int(n)],
        mutates_inputs: false,
    });
    cases
}

/// The input generator: `state = state * 6364136223846793005 +
/// 1442695040888963407` (mod 2^64, Knuth's MMIX constants), and each
/// draw is the top 53 bits of the new state over 2^53, in `[0, 1)`.
/// Trivial to repeat exactly in Python.
#[derive(Clone, Debug)]
pub struct Lcg(u64);

impl Lcg {
    /// A generator whose state starts at `seed`.
    pub fn new(seed: u64) -> Lcg {
        Lcg(seed)
    }

    /// The next draw in `[0, 1)`.
    pub fn next_unit(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }
}

/// The contents of an array argument.
#[derive(Clone, Debug, PartialEq)]
pub enum Buffer {
    /// `float32` elements.
    Float32(Vec<f32>),
    /// `float64` elements.
    Float64(Vec<f64>),
    /// `int64` elements.
    Int64(Vec<i64>),
    /// `bool` elements.
    Bool(Vec<bool>),
}

impl Buffer {
    fn new(dtype: Dtype, len: usize, fill: Fill) -> Buffer {
        let values: Vec<f64> = match fill {
            Fill::Zeros => vec![0.0; len],
            Fill::Uniform { lo, hi, seed } => {
                let mut lcg = Lcg::new(seed);
                (0..len).map(|_| lo + (hi - lo) * lcg.next_unit()).collect()
            }
        };
        match dtype {
            Dtype::Float32 => Buffer::Float32(values.iter().map(|&v| v as f32).collect()),
            Dtype::Float64 => Buffer::Float64(values),
            Dtype::Int64 => Buffer::Int64(values.iter().map(|&v| v as i64).collect()),
            Dtype::Bool => Buffer::Bool(values.iter().map(|&v| v != 0.0).collect()),
        }
    }

    /// The number of elements.
    pub fn len(&self) -> usize {
        match self {
            Buffer::Float32(v) => v.len(),
            Buffer::Float64(v) => v.len(),
            Buffer::Int64(v) => v.len(),
            Buffer::Bool(v) => v.len(),
        }
    }

    /// Whether it has no elements.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The elements' bytes, little-endian, as NumPy's `tobytes()` gives them
    /// on this machine.
    pub fn bytes(&self) -> Vec<u8> {
        match self {
            Buffer::Float32(v) => v.iter().flat_map(|x| x.to_le_bytes()).collect(),
            Buffer::Float64(v) => v.iter().flat_map(|x| x.to_le_bytes()).collect(),
            Buffer::Int64(v) => v.iter().flat_map(|x| x.to_le_bytes()).collect(),
            Buffer::Bool(v) => v.iter().map(|&b| u8::from(b)).collect(),
        }
    }

    /// Element `i`, as Python would print it.
    fn element(&self, i: usize) -> String {
        match self {
            Buffer::Float32(v) => format!("{:?} (bits {:#010x})", v[i], v[i].to_bits()),
            Buffer::Float64(v) => format!("{:?} (bits {:#018x})", v[i], v[i].to_bits()),
            Buffer::Int64(v) => v[i].to_string(),
            Buffer::Bool(v) => if v[i] { "True" } else { "False" }.to_owned(),
        }
    }

    /// Whether element `i` of `self` and `other` differ bit for bit.
    fn differs_at(&self, other: &Buffer, i: usize) -> bool {
        match (self, other) {
            (Buffer::Float32(a), Buffer::Float32(b)) => a[i].to_bits() != b[i].to_bits(),
            (Buffer::Float64(a), Buffer::Float64(b)) => a[i].to_bits() != b[i].to_bits(),
            (Buffer::Int64(a), Buffer::Int64(b)) => a[i] != b[i],
            (Buffer::Bool(a), Buffer::Bool(b)) => a[i] != b[i],
            _ => true,
        }
    }

    /// Overwrite with `other`'s contents (the same type and length).
    fn copy_from(&mut self, other: &Buffer) {
        match (self, other) {
            (Buffer::Float32(a), Buffer::Float32(b)) => a.copy_from_slice(b),
            (Buffer::Float64(a), Buffer::Float64(b)) => a.copy_from_slice(b),
            (Buffer::Int64(a), Buffer::Int64(b)) => a.copy_from_slice(b),
            (Buffer::Bool(a), Buffer::Bool(b)) => a.copy_from_slice(b),
            _ => panic!("restoring an array from one of another type"),
        }
    }
}

/// One argument, ready to pass.
#[derive(Clone, Debug, PartialEq)]
pub enum Param {
    /// An array and its shape (`[n]` or `[rows, cols]`).
    Array(Buffer, Vec<usize>),
    /// A Python `int`.
    Int(i64),
    /// A Python `float`.
    Float(f64),
    /// An `np.float32`.
    Float32(f32),
}

/// The arguments of one call, owned: every implementation gets its own
/// copy, made from the same specification.
#[derive(Clone, Debug, PartialEq)]
pub struct Inputs(pub Vec<Param>);

impl Inputs {
    /// The arguments of `case`, generated.
    pub fn new(case: &Case) -> Inputs {
        Inputs(
            case.params
                .iter()
                .map(|spec| match spec {
                    ParamSpec::Array { dtype, shape, fill } => Param::Array(
                        Buffer::new(*dtype, shape.iter().product(), *fill),
                        shape.clone(),
                    ),
                    ParamSpec::Int(v) => Param::Int(*v),
                    ParamSpec::Float(v) => Param::Float(*v),
                    ParamSpec::Float32(v) => Param::Float32(*v),
                })
                .collect(),
        )
    }

    /// pyjit arguments borrowing these (every array writable: which ones
    /// a kernel writes is not the harness's business).
    pub fn args(&mut self) -> Vec<Arg<'_>> {
        self.0
            .iter_mut()
            .map(|param| match param {
                Param::Array(buffer, shape) => array_arg(buffer, shape),
                Param::Int(v) => Arg::Int(*v),
                Param::Float(v) => Arg::Float(*v),
                Param::Float32(v) => Arg::Float32(*v),
            })
            .collect()
    }

    /// Put back the arrays of `pristine` (made from the same case).
    pub fn restore(&mut self, pristine: &Inputs) {
        for (param, original) in self.0.iter_mut().zip(&pristine.0) {
            if let (Param::Array(buffer, _), Param::Array(original, _)) = (param, original) {
                buffer.copy_from(original);
            }
        }
    }

    /// A pointer to the elements of array argument `i`, for C.
    ///
    /// # Panics
    ///
    /// If argument `i` is not an array of `T`: the case table and the C
    /// caller disagree.
    pub fn pointer<T: CElement>(&mut self, i: usize) -> *mut T {
        match &mut self.0[i] {
            Param::Array(buffer, _) => T::pointer(buffer)
                .unwrap_or_else(|| panic!("argument {i} is not an array of {}", T::NAME)),
            other => panic!("argument {i} is {other:?}, not an array"),
        }
    }

    /// Integer argument `i`.
    ///
    /// # Panics
    ///
    /// If it is not an `int`.
    pub fn int(&self, i: usize) -> i64 {
        match self.0[i] {
            Param::Int(v) => v,
            ref other => panic!("argument {i} is {other:?}, not an int"),
        }
    }

    /// `float` argument `i`.
    ///
    /// # Panics
    ///
    /// If it is not a `float`.
    pub fn float(&self, i: usize) -> f64 {
        match self.0[i] {
            Param::Float(v) => v,
            ref other => panic!("argument {i} is {other:?}, not a float"),
        }
    }

    /// `np.float32` argument `i`.
    ///
    /// # Panics
    ///
    /// If it is not a `float32`.
    pub fn float32(&self, i: usize) -> f32 {
        match self.0[i] {
            Param::Float32(v) => v,
            ref other => panic!("argument {i} is {other:?}, not a float32"),
        }
    }
}

fn array_arg<'a>(buffer: &'a mut Buffer, shape: &[usize]) -> Arg<'a> {
    fn make<'a, T: pyjit::Element>(data: &'a mut [T], shape: &[usize]) -> Arg<'a> {
        match *shape {
            [rows, cols] => Arg::array2_mut(data, rows, cols).expect("the shape fits the data"),
            _ => Arg::array_mut(data),
        }
    }
    match buffer {
        Buffer::Float32(v) => make(v, shape),
        Buffer::Float64(v) => make(v, shape),
        Buffer::Int64(v) => make(v, shape),
        Buffer::Bool(v) => make(v, shape),
    }
}

/// Element types C receives pointers to.
pub trait CElement {
    /// The C name, for messages.
    const NAME: &'static str;
    /// The buffer's elements, if it holds this type.
    fn pointer(buffer: &mut Buffer) -> Option<*mut Self>;
}

impl CElement for f32 {
    const NAME: &'static str = "float";
    fn pointer(buffer: &mut Buffer) -> Option<*mut f32> {
        match buffer {
            Buffer::Float32(v) => Some(v.as_mut_ptr()),
            _ => None,
        }
    }
}

impl CElement for f64 {
    const NAME: &'static str = "double";
    fn pointer(buffer: &mut Buffer) -> Option<*mut f64> {
        match buffer {
            Buffer::Float64(v) => Some(v.as_mut_ptr()),
            _ => None,
        }
    }
}

impl CElement for i64 {
    const NAME: &'static str = "int64_t";
    fn pointer(buffer: &mut Buffer) -> Option<*mut i64> {
        match buffer {
            Buffer::Int64(v) => Some(v.as_mut_ptr()),
            _ => None,
        }
    }
}

/// A `bool` array is passed to C as `uint8_t *`: Rust's `bool` is one
/// byte, 0 or 1, and the C kernels store only 0 and 1.
impl CElement for u8 {
    const NAME: &'static str = "uint8_t";
    fn pointer(buffer: &mut Buffer) -> Option<*mut u8> {
        match buffer {
            Buffer::Bool(v) => Some(v.as_mut_ptr().cast()),
            _ => None,
        }
    }
}

/// What a kernel returned.
#[derive(Clone, Copy, Debug)]
pub enum Ret {
    /// `None`.
    None,
    /// An `int`.
    Int(i64),
    /// A `float`, compared by its bits.
    Float(f64),
}

impl Ret {
    /// The text the JSON files use: `none`, `int:42`, `float:` and the
    /// 16 hex digits of the bits.
    pub fn key(&self) -> String {
        match self {
            Ret::None => "none".to_owned(),
            Ret::Int(v) => format!("int:{v}"),
            Ret::Float(v) => format!("float:{:016x}", v.to_bits()),
        }
    }
}

impl PartialEq for Ret {
    fn eq(&self, other: &Ret) -> bool {
        self.key() == other.key()
    }
}

impl std::fmt::Display for Ret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Ret::None => f.write_str("None"),
            Ret::Int(v) => write!(f, "{v}"),
            Ret::Float(v) => write!(f, "{v:?} (bits {:#018x})", v.to_bits()),
        }
    }
}

/// What a call left: its return value and every argument afterwards.
#[derive(Clone, Debug)]
pub struct Outcome {
    /// The return value.
    pub ret: Ret,
    /// The arguments after the call.
    pub state: Inputs,
}

impl Outcome {
    /// SHA-256 (hex) of the return value's [`Ret::key`], a newline, and the
    /// bytes of each array argument in order: what the Python script
    /// computes from its own results.
    pub fn digest(&self) -> String {
        let mut hash = Sha256::new();
        hash.update(self.ret.key().as_bytes());
        hash.update(b"\n");
        for param in &self.state.0 {
            if let Param::Array(buffer, _) = param {
                hash.update(buffer.bytes());
            }
        }
        hash.finalize().iter().fold(String::new(), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
    }

    /// `None` if `self` and `expected` are equal bit for bit, else what
    /// differs first.
    pub fn difference(&self, expected: &Outcome) -> Option<String> {
        if self.ret != expected.ret {
            return Some(format!("returned {}, expected {}", self.ret, expected.ret));
        }
        for (i, (got, want)) in self.state.0.iter().zip(&expected.state.0).enumerate() {
            let (Param::Array(got, _), Param::Array(want, _)) = (got, want) else {
                continue;
            };
            if got.len() != want.len() {
                return Some(format!(
                    "argument {} has {} elements, expected {}",
                    i + 1,
                    got.len(),
                    want.len()
                ));
            }
            let mut differing = (0..got.len()).filter(|&j| got.differs_at(want, j));
            if let Some(at) = differing.next() {
                return Some(format!(
                    "argument {} differs at element {at}: {}, expected {} ({} elements differ)",
                    i + 1,
                    got.element(at),
                    want.element(at),
                    1 + differing.count()
                ));
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generator_gives_what_python_computes() {
        // From the same recurrence in Python:
        //   s = (s * 6364136223846793005 + 1442695040888963407) % 2**64
        //   (s >> 11) / 2**53
        let mut lcg = Lcg::new(1);
        let draws: Vec<u64> = (0..3).map(|_| lcg.next_unit().to_bits()).collect();
        assert_eq!(draws, PYTHON_DRAWS_SEED_1);
    }

    const PYTHON_DRAWS_SEED_1: [u64; 3] =
        [0x3fdb15dbeb10ff40, 0x3fe04d10d670c943, 0x3fe4bf5c332412f5];

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(thousands(1_000_000), "1,000,000");
        assert_eq!(thousands(100), "100");
        assert_eq!(thousands(-1234), "-1,234");
    }

    #[test]
    fn case_ids_are_unique() {
        let cases = suite(Scale::Full);
        let mut ids: Vec<_> = cases.iter().map(|c| c.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), cases.len());
    }

    #[test]
    fn a_difference_names_the_element() {
        let case = &suite(Scale::Small)[0];
        let expected = Outcome {
            ret: Ret::None,
            state: Inputs::new(case),
        };
        let mut changed = expected.clone();
        if let Param::Array(Buffer::Float32(v), _) = &mut changed.state.0[2] {
            v[7] = -0.0;
        }
        assert_eq!(expected.difference(&expected.clone()), None);
        let message = changed.difference(&expected).expect("a difference");
        assert!(
            message.starts_with("argument 3 differs at element 7: -0.0"),
            "{message}"
        );
        assert_ne!(changed.digest(), expected.digest());
    }
}
