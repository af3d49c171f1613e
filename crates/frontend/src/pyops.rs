//! Python's arithmetic on `int64` and `float64` values, for folding
//! constants at compile time: module constants here, and the IR's constant
//! folding pass later. The shared C prelude implements the same rules for
//! run time; this is their compile-time twin, and the tests below pin both
//! to what CPython 3.11 computes.
//!
//! Integers wrap on overflow (LANGUAGE.md deviation 1); the functions that
//! can overflow say so, so that a caller which must not wrap (a module
//! constant) can reject the program instead.

use std::fmt;

/// A Python exception raised by an operation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PyException {
    /// The exception type, such as `ZeroDivisionError`.
    pub kind: &'static str,
    /// The message CPython gives.
    pub message: String,
}

impl PyException {
    fn new(kind: &'static str, message: &str) -> PyException {
        PyException {
            kind,
            message: message.to_owned(),
        }
    }
}

impl fmt::Display for PyException {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind, self.message)
    }
}

/// An integer result and whether it wrapped.
pub type Wrapping = (i64, bool);

fn int_zero_division() -> PyException {
    PyException::new("ZeroDivisionError", "integer division or modulo by zero")
}

fn int_zero_modulo() -> PyException {
    PyException::new("ZeroDivisionError", "integer modulo by zero")
}

/// `a // b` on ints: floors.
pub fn int_floordiv(a: i64, b: i64) -> Result<Wrapping, PyException> {
    if b == 0 {
        return Err(int_zero_division());
    }
    if a == i64::MIN && b == -1 {
        return Ok((i64::MIN, true));
    }
    let (q, r) = (a / b, a % b);
    Ok((
        if r != 0 && (r < 0) != (b < 0) {
            q - 1
        } else {
            q
        },
        false,
    ))
}

/// `a % b` on ints: the result has the sign of `b`.
pub fn int_mod(a: i64, b: i64) -> Result<i64, PyException> {
    if b == 0 {
        return Err(int_zero_modulo());
    }
    if b == -1 {
        return Ok(0);
    }
    let r = a % b;
    Ok(if r != 0 && (r < 0) != (b < 0) {
        r + b
    } else {
        r
    })
}

/// `a ** b` on ints with `b >= 0`, by squaring; the flag says whether the
/// true result does not fit in 64 bits (the value is then the wrapped one).
pub fn int_pow(base: i64, exp: i64) -> Wrapping {
    debug_assert!(exp >= 0);
    // The wrapped value: multiplication modulo 2**64 is exact for it.
    let mut result: i64 = 1;
    let (mut b, mut e) = (base, exp);
    while e > 0 {
        if e & 1 == 1 {
            result = result.wrapping_mul(b);
        }
        b = b.wrapping_mul(b);
        e >>= 1;
    }
    // Whether it fits: the magnitude, computed with saturation, exceeds the
    // int64 range exactly when the true power does.
    let fits = match base.unsigned_abs() {
        0 | 1 => true,
        magnitude => {
            let negative = base < 0 && exp % 2 == 1;
            let limit = if negative {
                1u128 << 63
            } else {
                (1u128 << 63) - 1
            };
            let mut acc: u128 = 1;
            let mut ok = true;
            for _ in 0..exp {
                acc *= u128::from(magnitude);
                if acc > limit {
                    ok = false;
                    break;
                }
            }
            ok
        }
    };
    (result, !fits)
}

/// `a << b` on ints; a negative count raises `ValueError`.
pub fn int_lshift(a: i64, b: i64) -> Result<Wrapping, PyException> {
    if b < 0 {
        return Err(PyException::new("ValueError", "negative shift count"));
    }
    if b >= 64 {
        return Ok((0, a != 0));
    }
    let shifted = a.wrapping_shl(b as u32);
    Ok((shifted, shifted >> b != a))
}

/// `a >> b` on ints: arithmetic, floors.
pub fn int_rshift(a: i64, b: i64) -> Result<i64, PyException> {
    if b < 0 {
        return Err(PyException::new("ValueError", "negative shift count"));
    }
    Ok(if b >= 64 {
        if a < 0 { -1 } else { 0 }
    } else {
        a >> b
    })
}

/// `a / b` on two ints: the correctly rounded quotient, as CPython's
/// `long_true_divide` gives it (converting both to float first would round
/// twice once they exceed 2**53).
pub fn int_truediv(a: i64, b: i64) -> Result<f64, PyException> {
    if b == 0 {
        return Err(PyException::new("ZeroDivisionError", "division by zero"));
    }
    const EXACT: u64 = 1 << 53;
    if a.unsigned_abs() <= EXACT && b.unsigned_abs() <= EXACT {
        return Ok(a as f64 / b as f64);
    }
    let negative = (a < 0) != (b < 0);
    let (n, d) = (u128::from(a.unsigned_abs()), u128::from(b.unsigned_abs()));
    if n == 0 {
        return Ok(if negative { -0.0 } else { 0.0 });
    }
    // Scale the numerator to 127 bits so the quotient keeps at least 64
    // significant bits; a remainder sets the lowest bit (a sticky bit), so
    // the one rounding of the u128 -> f64 conversion is the correct one.
    let shift = n.leading_zeros() - 1;
    let scaled = n << shift;
    let (q, r) = (scaled / d, scaled % d);
    let q = q | u128::from(r != 0);
    let magnitude = q as f64 * 2f64.powi(-(shift as i32));
    Ok(if negative { -magnitude } else { magnitude })
}

/// `a / b` on floats.
pub fn float_truediv(a: f64, b: f64) -> Result<f64, PyException> {
    if b == 0.0 {
        return Err(PyException::new(
            "ZeroDivisionError",
            "float division by zero",
        ));
    }
    Ok(a / b)
}

/// `divmod(a, b)` on floats, as CPython's `float_divmod`.
fn float_divmod(a: f64, b: f64) -> (f64, f64) {
    let mut m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    let floordiv = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 { f + 1.0 } else { f }
    } else {
        0.0f64.copysign(a / b)
    };
    (floordiv, m)
}

/// `a // b` on floats.
pub fn float_floordiv(a: f64, b: f64) -> Result<f64, PyException> {
    if b == 0.0 {
        return Err(PyException::new(
            "ZeroDivisionError",
            "float floor division by zero",
        ));
    }
    Ok(float_divmod(a, b).0)
}

/// `a % b` on floats, as CPython's `float_rem`.
pub fn float_mod(a: f64, b: f64) -> Result<f64, PyException> {
    if b == 0.0 {
        return Err(PyException::new("ZeroDivisionError", "float modulo"));
    }
    let mut m = a % b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    Ok(m)
}

/// `a ** b` on floats, as CPython's `float_pow`, except that a negative
/// base to a fractional power is NaN (LANGUAGE.md deviation 4) where CPython
/// returns a complex number.
pub fn float_pow(a: f64, b: f64) -> Result<f64, PyException> {
    // CPython settles these before calling `pow`, keeping the NaN operand
    // itself (its sign included), where C's `pow` may not.
    if b == 0.0 {
        return Ok(1.0);
    }
    if a.is_nan() {
        return Ok(a);
    }
    if b.is_nan() {
        return Ok(if a == 1.0 { 1.0 } else { b });
    }
    if a == 0.0 && b < 0.0 && b.is_finite() {
        return Err(PyException::new(
            "ZeroDivisionError",
            "0.0 cannot be raised to a negative power",
        ));
    }
    let result = a.powf(b);
    if result.is_infinite() && a.is_finite() && b.is_finite() {
        return Err(PyException::new(
            "OverflowError",
            "(34, 'Numerical result out of range')",
        ));
    }
    Ok(result)
}

/// `math.pow(x, y)`, as CPython's: a NaN operand is the result (its sign
/// kept) unless the other makes it 1; for finite operands, a NaN result is
/// a domain error and an infinite one a domain error for a zero `x` and a
/// range error otherwise.
pub fn math_pow(x: f64, y: f64) -> Result<f64, PyException> {
    if x.is_nan() {
        return Ok(if y == 0.0 { 1.0 } else { x });
    }
    if y.is_nan() {
        return Ok(if x == 1.0 { 1.0 } else { y });
    }
    let r = x.powf(y);
    if x.is_finite() && y.is_finite() {
        if r.is_nan() || (r.is_infinite() && x == 0.0) {
            return Err(PyException::new("ValueError", "math domain error"));
        }
        if r.is_infinite() {
            return Err(PyException::new("OverflowError", "math range error"));
        }
    }
    Ok(r)
}

/// `repr()` of a float, as CPython writes it: the shortest digits that
/// round-trip, in fixed notation when the decimal exponent is in
/// `-4..16` (`0.0001`, `1e+16`), with `.0` on integral values, and `inf`,
/// `-inf`, `nan`.
pub fn float_repr(x: f64) -> String {
    if let Some(text) = non_finite_repr(x) {
        return text.to_owned();
    }
    // Rust's `{:e}` gives the shortest round-trip digits: `1.5e-7`, `1e300`.
    // Python writes them positionally when the decimal exponent is -4..16.
    let sci = ties_to_even(
        format!("{x:e}"),
        |precision| format!("{x:.precision$e}"),
        |text| text.parse::<f64>().is_ok_and(|y| y == x),
    );
    repr_from_scientific(&sci, |exponent| (-4..16).contains(&exponent))
}

/// `str()` of an `np.float32` as NumPy 2 writes it: the shortest digits
/// that round-trip *as a float32* (`0.1`, not `0.10000000149011612`),
/// positional when the value is 0 or between 1e-4 and 1e6, as NumPy decides
/// for float32, scientific otherwise (`1e+06`).
pub fn float32_repr(x: f32) -> String {
    if let Some(text) = non_finite_repr(f64::from(x)) {
        return text.to_owned();
    }
    let magnitude = f64::from(x.abs());
    let positional = magnitude == 0.0 || (1e-4..1e6).contains(&magnitude);
    let sci = ties_to_even(
        format!("{x:e}"),
        |precision| format!("{x:.precision$e}"),
        |text| text.parse::<f32>().is_ok_and(|y| y == x),
    );
    repr_from_scientific(&sci, |_| positional)
}

/// `nan`, `inf` and `-inf`, as Python and NumPy print them (a NaN's sign
/// is not shown).
fn non_finite_repr(x: f64) -> Option<&'static str> {
    if x.is_nan() {
        Some("nan")
    } else if x.is_infinite() {
        Some(if x > 0.0 { "inf" } else { "-inf" })
    } else {
        None
    }
}

/// The shortest digits with Python's tie rule. When the value lies exactly
/// halfway between two shortest candidates that both round-trip
/// (`2.0**50 + 0.25` between `...624.2` and `...624.3`), Python's `repr`
/// (David Gay's algorithm) and NumPy's take the one with an even last
/// digit; Rust's `{:e}` takes the upper. `shortest` is Rust's `{:e}`,
/// `exact(p)` the value correctly rounded to `p` digits after the point
/// (`{:.p$e}`, exact in Rust), `round_trips` whether digits read back as
/// the value.
fn ties_to_even(
    shortest: String,
    exact: impl Fn(usize) -> String,
    round_trips: impl Fn(&str) -> bool,
) -> String {
    let (mantissa, _) = shortest.split_once('e').expect("`{:e}` has an exponent");
    let digits = mantissa.chars().filter(char::is_ascii_digit).count();
    // A tie needs the next digit to be a 5...
    let next = exact(digits);
    let (next_mantissa, _) = next.split_once('e').expect("an exponent");
    if !next_mantissa.ends_with('5') {
        return shortest;
    }
    // ...followed by nothing: the exact decimal value of a double has at
    // most 767 significant digits, of a float 112. Thirty more digits rule
    // out almost every value before the full expansion is needed.
    let zeros_after = |text: &str| {
        let (m, _) = text.split_once('e').expect("an exponent");
        m.bytes()
            .filter(u8::is_ascii_digit)
            .skip(digits + 1)
            .all(|d| d == b'0')
    };
    if !zeros_after(&exact(digits + 30)) {
        return shortest;
    }
    let full = exact(800);
    let (full_mantissa, full_exponent) = full.split_once('e').expect("an exponent");
    let (sign, full_mantissa) = full_mantissa
        .strip_prefix('-')
        .map_or(("", full_mantissa), |m| ("-", m));
    let full_digits: Vec<u8> = full_mantissa.bytes().filter(u8::is_ascii_digit).collect();
    let (head, tail) = full_digits.split_at(digits);
    if tail[0] != b'5' || tail[1..].iter().any(|&d| d != b'0') {
        return shortest;
    }
    let exponent: i32 = full_exponent.parse().expect("an integer exponent");
    // The candidates are `head` and `head + 1` in the last digit.
    let lower = head.to_vec();
    let mut upper = head.to_vec();
    let mut upper_exponent = exponent;
    let mut i = upper.len();
    loop {
        if i == 0 {
            upper.insert(0, b'1');
            upper.pop();
            upper_exponent += 1;
            break;
        }
        i -= 1;
        if upper[i] == b'9' {
            upper[i] = b'0';
        } else {
            upper[i] += 1;
            break;
        }
    }
    let (even, even_exponent) = if (lower[lower.len() - 1] - b'0').is_multiple_of(2) {
        (lower, exponent)
    } else {
        (upper, upper_exponent)
    };
    let text = String::from_utf8(even).expect("ASCII digits");
    let candidate = if text.len() > 1 {
        format!("{sign}{}.{}e{even_exponent}", &text[..1], &text[1..])
    } else {
        format!("{sign}{text}e{even_exponent}")
    };
    if round_trips(&candidate) {
        candidate
    } else {
        shortest
    }
}

/// Lay out shortest digits (`d.ddde±x` from Rust's `{:e}`) as Python does:
/// positionally when `positional(exponent)` says so, else as `d.ddde±xx`.
fn repr_from_scientific(sci: &str, positional: impl Fn(i32) -> bool) -> String {
    let (mantissa, exponent) = sci.split_once('e').expect("`{:e}` has an exponent");
    let exponent: i32 = exponent.parse().expect("an integer exponent");
    let (sign, mantissa) = mantissa
        .strip_prefix('-')
        .map_or(("", mantissa), |m| ("-", m));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    if positional(exponent) {
        let point = exponent + 1;
        let text = if point <= 0 {
            format!("0.{}{digits}", "0".repeat((-point) as usize))
        } else if point as usize >= digits.len() {
            format!("{digits}{}.0", "0".repeat(point as usize - digits.len()))
        } else {
            format!(
                "{}.{}",
                &digits[..point as usize],
                &digits[point as usize..]
            )
        };
        return format!("{sign}{text}");
    }
    let mantissa = if digits.len() > 1 {
        format!("{}.{}", &digits[..1], &digits[1..])
    } else {
        digits
    };
    let exp_sign = if exponent < 0 { '-' } else { '+' };
    format!("{sign}{mantissa}e{exp_sign}{:02}", exponent.abs())
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values are CPython 3.11's.
    #[test]
    fn ties_between_shortest_candidates_go_to_even() {
        let halfway = 2f64.powi(50) + 0.25;
        assert_eq!(float_repr(halfway), "1125899906842624.2");
        assert_eq!(float_repr(-halfway), "-1125899906842624.2");
        assert_eq!(float_repr(halfway + 0.5), "1125899906842624.8");
        assert_eq!(float_repr(0.3), "0.3");
        // NumPy: np.float32(2396745.25) prints 2.3967452e+06.
        assert_eq!(float32_repr(16777217.0f32 / 7.0), "2.3967452e+06");
        assert_eq!(float32_repr(0.1), "0.1");
    }

    #[test]
    fn integer_division_floors() {
        assert_eq!(int_floordiv(7, -2), Ok((-4, false)));
        assert_eq!(int_floordiv(-7, 2), Ok((-4, false)));
        assert_eq!(int_mod(7, -2), Ok(-1));
        assert_eq!(int_mod(-7, 2), Ok(1));
        assert_eq!(int_mod(i64::MIN, -1), Ok(0));
        assert_eq!(
            int_floordiv(1, 0).unwrap_err().message,
            "integer division or modulo by zero"
        );
        assert_eq!(int_floordiv(i64::MIN, -1), Ok((i64::MIN, true)));
    }

    #[test]
    fn a_nan_operand_of_a_float_power_is_the_result() {
        let negative_nan = -f64::NAN;
        for pow in [float_pow, math_pow] {
            let r = pow(negative_nan, 3.0).unwrap();
            assert!(r.is_nan() && r.is_sign_negative());
            let r = pow(2.0, negative_nan).unwrap();
            assert!(r.is_nan() && r.is_sign_negative());
            assert_eq!(pow(f64::NAN, 0.0), Ok(1.0));
            assert_eq!(pow(1.0, f64::NAN), Ok(1.0));
        }
        assert_eq!(math_pow(0.0, -1.0).unwrap_err().kind, "ValueError");
        assert_eq!(math_pow(10.0, 400.0).unwrap_err().kind, "OverflowError");
        assert_eq!(math_pow(-8.0, 1.0 / 3.0).unwrap_err().kind, "ValueError");
    }

    #[test]
    fn powers_and_shifts() {
        assert_eq!(int_pow(3, 4), (81, false));
        assert_eq!(int_pow(2, 63), (i64::MIN, true));
        assert_eq!(int_pow(-2, 63), (i64::MIN, false));
        assert_eq!(int_pow(0, 0), (1, false));
        // Squaring that wraps to exactly 0 is still an overflow.
        assert_eq!(int_pow(2, 64), (0, true));
        assert_eq!(int_pow(4, 40), (0, true));
        assert_eq!(int_pow(2, 100), (0, true));
        assert_eq!(int_pow(-1, i64::MAX), (-1, false));
        assert_eq!(int_pow(10, 18), (1_000_000_000_000_000_000, false));
        assert!(int_pow(10, 19).1);
        assert_eq!(int_pow(3, 39), (4052555153018976267, false));
        assert_eq!(int_lshift(1, 62), Ok((1 << 62, false)));
        assert_eq!(int_lshift(1, 63), Ok((i64::MIN, true)));
        assert_eq!(int_rshift(-7, 1), Ok(-4));
        assert_eq!(int_rshift(-7, 100), Ok(-1));
        assert_eq!(
            int_lshift(1, -1).unwrap_err().message,
            "negative shift count"
        );
    }

    #[test]
    fn true_division_of_large_ints_rounds_once() {
        // CPython gives 4548593.976764031; converting both operands to float
        // first gives 4548593.976764032.
        let (a, b) = (591064915700530116, 129944532029);
        assert_eq!(int_truediv(a, b), Ok(4548593.976764031));
        assert_ne!(a as f64 / b as f64, 4548593.976764031);
        assert_eq!(int_truediv((1 << 62) + 1, 3), Ok(1.5372286728091292e18));
        assert_eq!(int_truediv(i64::MAX, i64::MIN), Ok(-1.0));
        assert_eq!(int_truediv(1, -(1 << 62) - 1), Ok(-2.168404344971009e-19));
        assert_eq!(int_truediv(7, 2), Ok(3.5));
        assert_eq!(int_truediv(1, 0).unwrap_err().message, "division by zero");
    }

    #[test]
    fn float_floor_division_and_modulo() {
        assert_eq!(float_floordiv(7.0, -2.0), Ok(-4.0));
        assert_eq!(float_mod(7.0, -2.0), Ok(-1.0));
        assert_eq!(float_mod(-0.0, 5.0).map(f64::to_bits), Ok(0.0f64.to_bits()));
        assert_eq!(
            float_mod(1.0, -0.5).map(f64::to_bits),
            Ok((-0.0f64).to_bits())
        );
        assert_eq!(float_floordiv(-0.5, 1.0), Ok(-1.0));
        assert_eq!(float_floordiv(0.5, -1.0), Ok(-1.0));
        // 1 // 0.1 == 9.0 and 1 % 0.1 == 0.09999999999999995 in CPython.
        assert_eq!(float_floordiv(1.0, 0.1), Ok(9.0));
        assert_eq!(float_mod(1.0, 0.1), Ok(0.09999999999999995));
        assert_eq!(float_mod(1.0, 0.0).unwrap_err().message, "float modulo");
    }

    #[test]
    fn float_repr_matches_cpython() {
        // `repr(x)` in CPython 3.11.
        for (x, text) in [
            (1.0, "1.0"),
            (0.1, "0.1"),
            (-0.0, "-0.0"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (123456789012345.6, "123456789012345.6"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (1.5e-7, "1.5e-07"),
            (1e300, "1e+300"),
            (2.5e-300, "2.5e-300"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (5e-324, "5e-324"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (1.0 / 3.0, "0.3333333333333333"),
            (-12.5, "-12.5"),
            (100.0, "100.0"),
        ] {
            assert_eq!(float_repr(x), text, "{x:?}");
        }
    }

    #[test]
    fn float32_repr_matches_numpy() {
        // `str(np.float32(x))` in NumPy 2.
        for (x, text) in [
            (0.1f32, "0.1"),
            (1.0, "1.0"),
            (3.4028235e38, "3.4028235e+38"),
            (1e-5, "1e-05"),
            (16777216.0, "1.6777216e+07"),
            (999999.9, "999999.9"),
            (1e6, "1e+06"),
            (1e-4, "1e-04"),
            (0.000100001, "0.000100001"),
            (-1234567.0, "-1.234567e+06"),
            (-0.0, "-0.0"),
        ] {
            assert_eq!(float32_repr(x), text);
        }
    }

    #[test]
    fn float_power_errors() {
        assert_eq!(float_pow(2.0, -1.0), Ok(0.5));
        assert_eq!(float_pow(0.0, -1.0).unwrap_err().kind, "ZeroDivisionError");
        assert_eq!(float_pow(10.0, 400.0).unwrap_err().kind, "OverflowError");
        assert!(float_pow(-8.0, 1.0 / 3.0).unwrap().is_nan());
        assert_eq!(float_pow(f64::NAN, 0.0), Ok(1.0));
        assert_eq!(float_pow(-1.0, f64::INFINITY), Ok(1.0));
    }
}
