/* ---------------------------------------------------------------------------
 * pyjit prelude: every rule of Python's semantics that compiled code needs,
 * written once and used by both tiers. The tiers differ only in which of
 * these checks they can prove unnecessary and drop.
 *
 * Conventions:
 * - A helper that can raise returns a status: 0, or the exception kind after
 *   filling in the error record with the message CPython gives. Its result
 *   goes through an out pointer. `line` is the Python source line.
 * - Integers wrap on overflow (LANGUAGE.md, deviation 1): arithmetic goes
 *   through unsigned types, because signed overflow is undefined in C.
 * - No system header is included: the C library functions used are declared
 *   below, which keeps compiles fast.
 * ------------------------------------------------------------------------- */

double sqrt(double); double exp(double); double expm1(double); double log(double);
double log2(double); double log10(double); double log1p(double); double pow(double, double);
double sin(double); double cos(double); double tan(double); double asin(double);
double acos(double); double atan(double); double atan2(double, double); double sinh(double);
double cosh(double); double tanh(double); double asinh(double); double acosh(double);
double atanh(double); double fabs(double); double floor(double); double ceil(double);
double trunc(double); double copysign(double, double); double hypot(double, double);
double fmod(double, double); double erf(double); double erfc(double); double nearbyint(double);
float sqrtf(float); float expf(float); float expm1f(float); float logf(float);
float log2f(float); float log10f(float); float log1pf(float); float powf(float, float);
float sinf(float); float cosf(float); float tanf(float); float asinf(float); float acosf(float);
float atanf(float); float atan2f(float, float); float sinhf(float); float coshf(float);
float tanhf(float); float asinhf(float); float acoshf(float); float atanhf(float);
float fabsf(float); float floorf(float); float ceilf(float); float truncf(float);
float copysignf(float, float); float hypotf(float, float); float fmodf(float, float);

#define PJ_I64_MIN (-9223372036854775807LL - 1)
#define PJ_I64_MAX 9223372036854775807LL
#define PJ_I32_MIN (-2147483647 - 1)
#define PJ_I32_MAX 2147483647

/* ---- floats ------------------------------------------------------------ */

static double pj_nan(void) { union { pj_u64 u; double d; } x; x.u = 0x7ff8000000000000ULL; return x.d; }
static double pj_inf(void) { union { pj_u64 u; double d; } x; x.u = 0x7ff0000000000000ULL; return x.d; }

/* -x for floats. tcc 0.9.27 computes it as 0.0 - x, which keeps the sign of
 * a NaN (`math.copysign(1.0, -math.nan)` would be 1.0); IEEE 754 and CPython
 * flip the sign bit, which the other compilers do for -x. */
#ifdef __TINYC__
static double pj_neg_f64(double x) { union { pj_u64 u; double d; } v; v.d = x; v.u ^= 0x8000000000000000ULL; return v.d; }
static float pj_neg_f32(float x) { union { pj_u32 u; float f; } v; v.f = x; v.u ^= 0x80000000U; return v.f; }
#define PJ_NEG_F64(x) pj_neg_f64(x)
#define PJ_NEG_F32(x) pj_neg_f32(x)
#else
#define PJ_NEG_F64(x) (-(x))
#define PJ_NEG_F32(x) (-(x))
#endif
static int pj_isnan(double x) { return x != x; }
static int pj_isinf(double x) { return x == x && x - x != 0.0; }
static int pj_isfinite(double x) { return x - x == 0.0; }

/* ---- errors ------------------------------------------------------------ */

/* Raising is the rare path: gcc and clang keep it out of line and out of
 * the hot loops, so a helper with a check stays small enough to inline
 * (tcc never inlines, and takes no attributes). PJ_NOINLINE keeps a
 * function's version for disjoint arrays a function of its own. */
#if defined(__GNUC__) && !defined(__TINYC__)
#define PJ_COLD __attribute__((cold, noinline))
#define PJ_NOINLINE __attribute__((noinline))
#else
#define PJ_COLD
#define PJ_NOINLINE
#endif

PJ_COLD static pj_i32 pj_raise(pj_rt *rt, pj_i32 kind, pj_i32 line, const char *message) {
    int i = 0;
    while (message[i] && i < PJ_ERROR_MESSAGE_LEN - 1) { rt->err_msg[i] = message[i]; i++; }
    rt->err_msg[i] = 0;
    rt->err_kind = kind;
    rt->err_line = line;
    return kind;
}

/* Decimal text of an integer, into `buf` (at least 21 bytes); returns its length. */
static int pj_itoa(pj_i64 v, char *buf) {
    char digits[20];
    int n = 0, len = 0;
    pj_u64 u = v < 0 ? 0 - (pj_u64)v : (pj_u64)v;
    do { digits[n++] = (char)('0' + (int)(u % 10)); u /= 10; } while (u);
    if (v < 0) buf[len++] = '-';
    while (n) buf[len++] = digits[--n];
    buf[len] = 0;
    return len;
}

/* Raise with a message built from pieces: text, then a number, and so on.
 * `parts` holds up to three numbers, spliced where `template` has `%d`. */
PJ_COLD static pj_i32 pj_raise_fmt(pj_rt *rt, pj_i32 kind, pj_i32 line, const char *template,
                           pj_i64 a, pj_i64 b, pj_i64 c) {
    char out[PJ_ERROR_MESSAGE_LEN];
    pj_i64 values[3];
    int used = 0, len = 0, i = 0;
    values[0] = a; values[1] = b; values[2] = c;
    while (template[i] && len < PJ_ERROR_MESSAGE_LEN - 22) {
        if (template[i] == '%' && template[i + 1] == 'd' && used < 3) {
            len += pj_itoa(values[used++], out + len);
            i += 2;
        } else {
            out[len++] = template[i++];
        }
    }
    out[len] = 0;
    return pj_raise(rt, kind, line, out);
}

static const char pj_unbound_start[] = "cannot access local variable '";
static const char pj_unbound_end[] = "' where it is not associated with a value";

PJ_COLD static pj_i32 pj_raise_unbound(pj_rt *rt, pj_i32 line, const char *name) {
    char out[PJ_ERROR_MESSAGE_LEN];
    int len = 0, i;
    for (i = 0; pj_unbound_start[i]; i++) out[len++] = pj_unbound_start[i];
    for (i = 0; name[i] && len < 160; i++) out[len++] = name[i];
    for (i = 0; pj_unbound_end[i]; i++) out[len++] = pj_unbound_end[i];
    out[len] = 0;
    return pj_raise(rt, PJ_UnboundLocalError, line, out);
}

/* ---- integer arithmetic ------------------------------------------------ */

#define PJ_ADD64(a, b) ((pj_i64)((pj_u64)(a) + (pj_u64)(b)))
#define PJ_SUB64(a, b) ((pj_i64)((pj_u64)(a) - (pj_u64)(b)))
#define PJ_MUL64(a, b) ((pj_i64)((pj_u64)(a) * (pj_u64)(b)))
#define PJ_NEG64(a) ((pj_i64)(0 - (pj_u64)(a)))
#define PJ_ABS64(a) ((a) < 0 ? PJ_NEG64(a) : (a))
#define PJ_ADD32(a, b) ((pj_i32)((pj_u32)(a) + (pj_u32)(b)))
#define PJ_SUB32(a, b) ((pj_i32)((pj_u32)(a) - (pj_u32)(b)))
#define PJ_MUL32(a, b) ((pj_i32)((pj_u32)(a) * (pj_u32)(b)))
#define PJ_NEG32(a) ((pj_i32)(0 - (pj_u32)(a)))
#define PJ_ABS32(a) ((a) < 0 ? PJ_NEG32(a) : (a))

static const char pj_int_zero_division[] = "integer division or modulo by zero";
static const char pj_int_zero_modulo[] = "integer modulo by zero";

/* NumPy's integer a // b: floors; a zero divisor gives 0 (NumPy warns),
 * and INT_MIN // -1 wraps. Python's adds the ZeroDivisionError. */
static pj_i64 pj_np_floordiv_i64(pj_i64 a, pj_i64 b) {
    pj_i64 q, r;
    if (b == 0) return 0;
    if (b == -1) return PJ_NEG64(a);
    q = a / b; r = a % b;
    return (r != 0 && ((r < 0) != (b < 0))) ? q - 1 : q;
}

static pj_i32 pj_np_floordiv_i32(pj_i32 a, pj_i32 b) {
    pj_i32 q, r;
    if (b == 0) return 0;
    if (b == -1) return PJ_NEG32(a);
    q = a / b; r = a % b;
    return (r != 0 && ((r < 0) != (b < 0))) ? q - 1 : q;
}

/* NumPy's integer a % b: the sign of b; a zero divisor gives 0. */
static pj_i64 pj_np_mod_i64(pj_i64 a, pj_i64 b) {
    pj_i64 r;
    if (b == 0 || b == -1) return 0;
    r = a % b;
    return (r != 0 && ((r < 0) != (b < 0))) ? r + b : r;
}

static pj_i32 pj_np_mod_i32(pj_i32 a, pj_i32 b) {
    pj_i32 r;
    if (b == 0 || b == -1) return 0;
    r = a % b;
    return (r != 0 && ((r < 0) != (b < 0))) ? r + b : r;
}

static pj_i32 pj_floordiv_i64(pj_rt *rt, pj_i32 line, pj_i64 a, pj_i64 b, pj_i64 *out) {
    if (b == 0) return pj_raise(rt, PJ_ZeroDivisionError, line, pj_int_zero_division);
    *out = pj_np_floordiv_i64(a, b);
    return 0;
}

static pj_i32 pj_mod_i64(pj_rt *rt, pj_i32 line, pj_i64 a, pj_i64 b, pj_i64 *out) {
    if (b == 0) return pj_raise(rt, PJ_ZeroDivisionError, line, pj_int_zero_modulo);
    *out = pj_np_mod_i64(a, b);
    return 0;
}

/* a / b of two ints: the correctly rounded quotient, as CPython's
 * long_true_divide gives it; converting both to double first would round
 * twice once they pass 2**53. */
static pj_i32 pj_truediv_i64(pj_rt *rt, pj_i32 line, pj_i64 a, pj_i64 b, double *out) {
    pj_u64 n, d, q, r;
    int negative, e = 0;
    double m;
    if (b == 0) return pj_raise(rt, PJ_ZeroDivisionError, line, "division by zero");
    if (a >= -9007199254740992LL && a <= 9007199254740992LL && b >= -9007199254740992LL && b <= 9007199254740992LL) {
        *out = (double)a / (double)b;
        return 0;
    }
    negative = (a < 0) != (b < 0);
    n = a < 0 ? 0 - (pj_u64)a : (pj_u64)a;
    d = b < 0 ? 0 - (pj_u64)b : (pj_u64)b;
    if (n == 0) { *out = negative ? -0.0 : 0.0; return 0; }
    /* Long division, one quotient bit at a time, until the quotient has at
     * least 62 bits; the remainder then only decides rounding, as a sticky
     * bit, and the one rounding of the u64 -> double conversion is right. */
    q = n / d; r = n % d;
    while (q < (1ULL << 62)) {
        r <<= 1;
        q <<= 1;
        if (r >= d) { r -= d; q |= 1; }
        e -= 1;
    }
    m = (double)(q | (r != 0));
    while (e < 0) { m *= 0.5; e++; }
    *out = negative ? -m : m;
    return 0;
}

/* a ** b of ints. Python's exponent is never negative here (the checker
 * types a negative one as a float power); NumPy raises for one. */
static pj_i32 pj_pow_i64(pj_rt *rt, pj_i32 line, pj_i64 a, pj_i64 b, pj_i64 *out) {
    pj_u64 result = 1, base = (pj_u64)a;
    if (b < 0) return pj_raise(rt, PJ_ValueError, line, "Integers to negative integer powers are not allowed.");
    while (b) {
        if (b & 1) result *= base;
        base *= base;
        b >>= 1;
    }
    *out = (pj_i64)result;
    return 0;
}

static pj_i32 pj_pow_i32(pj_rt *rt, pj_i32 line, pj_i32 a, pj_i32 b, pj_i32 *out) {
    pj_u32 result = 1, base = (pj_u32)a;
    if (b < 0) return pj_raise(rt, PJ_ValueError, line, "Integers to negative integer powers are not allowed.");
    while (b) {
        if (b & 1) result *= base;
        base *= base;
        b >>= 1;
    }
    *out = (pj_i32)result;
    return 0;
}

/* NumPy's shifts: a count outside 0..bits-1, negative ones included,
 * shifts everything out. Python's raise for a negative count. */
static pj_i64 pj_np_lshift_i64(pj_i64 a, pj_i64 b) {
    return (pj_u64)b < 64 ? (pj_i64)((pj_u64)a << b) : 0;
}

static pj_i64 pj_np_rshift_i64(pj_i64 a, pj_i64 b) {
    if ((pj_u64)b >= 64) return a < 0 ? -1 : 0;
    /* Arithmetic shift without relying on implementation-defined >>. */
    return a >= 0 ? (pj_i64)((pj_u64)a >> b) : ~(pj_i64)(~(pj_u64)a >> b);
}

static pj_i32 pj_np_lshift_i32(pj_i32 a, pj_i32 b) {
    return (pj_u32)b < 32 ? (pj_i32)((pj_u32)a << b) : 0;
}

static pj_i32 pj_np_rshift_i32(pj_i32 a, pj_i32 b) {
    if ((pj_u32)b >= 32) return a < 0 ? -1 : 0;
    return a >= 0 ? (pj_i32)((pj_u32)a >> b) : ~(pj_i32)(~(pj_u32)a >> b);
}

static pj_i32 pj_lshift_i64(pj_rt *rt, pj_i32 line, pj_i64 a, pj_i64 b, pj_i64 *out) {
    if (b < 0) return pj_raise(rt, PJ_ValueError, line, "negative shift count");
    *out = pj_np_lshift_i64(a, b);
    return 0;
}

static pj_i32 pj_rshift_i64(pj_rt *rt, pj_i32 line, pj_i64 a, pj_i64 b, pj_i64 *out) {
    if (b < 0) return pj_raise(rt, PJ_ValueError, line, "negative shift count");
    *out = pj_np_rshift_i64(a, b);
    return 0;
}

/* int64 -> int32 for a Python int meeting an int32 (NumPy 2's rule). */
static pj_i32 pj_i64_to_i32(pj_rt *rt, pj_i32 line, pj_i64 a, pj_i32 *out) {
    if (a < PJ_I32_MIN || a > PJ_I32_MAX)
        return pj_raise_fmt(rt, PJ_OverflowError, line, "Python integer %d out of bounds for int32", a, 0, 0);
    *out = (pj_i32)a;
    return 0;
}

/* ---- float arithmetic -------------------------------------------------- */

/* a / b by Python's rules: a zero divisor raises. A macro, as PJ_INDEX, so
 * that tcc, which never inlines, pays no call for a division; `a` and `b`
 * must be free of side effects (the generators pass variables). Float32
 * operands divide as doubles, which rounds to the same float32. */
#define pj_div_f64(rt, line, a, b, out) \
    ((b) != 0.0 ? (*(out) = (double)(a) / (double)(b), 0) \
     : pj_raise(rt, PJ_ZeroDivisionError, line, "float division by zero"))

/* The floored quotient of CPython's float_divmod, which NumPy's
 * npy_divmod computes the same way; a zero divisor gives a / b (NumPy). */
static double pj_np_floordiv_f64(double a, double b) {
    double m, div, f;
    if (b == 0.0) return a / b;
    m = fmod(a, b);
    div = (a - m) / b;
    if (m != 0.0 && (b < 0.0) != (m < 0.0)) div -= 1.0;
    if (div == 0.0) return copysign(0.0, a / b);
    f = floor(div);
    if (div - f > 0.5) f += 1.0;
    return f;
}

/* CPython's float_rem, NumPy's npy_remainder: the sign of the divisor; a
 * zero divisor gives NaN (NumPy). */
static double pj_np_mod_f64(double a, double b) {
    double m = fmod(a, b);
    if (b == 0.0) return m;
    if (m != 0.0) return (b < 0.0) != (m < 0.0) ? m + b : m;
    return copysign(0.0, b);
}

/* float32 versions: NumPy computes in single precision. */
static float pj_np_floordiv_f32(float a, float b) {
    float m, div, f;
    if (b == 0.0f) return a / b;
    m = fmodf(a, b);
    div = (a - m) / b;
    if (m != 0.0f && (b < 0.0f) != (m < 0.0f)) div -= 1.0f;
    if (div == 0.0f) return copysignf(0.0f, a / b);
    f = floorf(div);
    if (div - f > 0.5f) f += 1.0f;
    return f;
}

static float pj_np_mod_f32(float a, float b) {
    float m = fmodf(a, b);
    if (b == 0.0f) return m;
    if (m != 0.0f) return (b < 0.0f) != (m < 0.0f) ? m + b : m;
    return copysignf(0.0f, b);
}

static pj_i32 pj_floordiv_f64(pj_rt *rt, pj_i32 line, double a, double b, double *out) {
    if (b == 0.0) return pj_raise(rt, PJ_ZeroDivisionError, line, "float floor division by zero");
    *out = pj_np_floordiv_f64(a, b);
    return 0;
}

static pj_i32 pj_mod_f64(pj_rt *rt, pj_i32 line, double a, double b, double *out) {
    if (b == 0.0) return pj_raise(rt, PJ_ZeroDivisionError, line, "float modulo");
    *out = pj_np_mod_f64(a, b);
    return 0;
}

/* CPython's float_pow: 0.0 to a negative power and overflow raise; a
 * negative base to a fractional power is NaN (LANGUAGE.md, deviation 4),
 * where CPython returns a complex number. NumPy's is C's pow. */
static pj_i32 pj_pow_f64(pj_rt *rt, pj_i32 line, double a, double b, double *out) {
    double r;
    /* float_pow settles these before pow, keeping a NaN operand itself
     * (its sign included), where C's pow may not. */
    if (b == 0.0) { *out = 1.0; return 0; }
    if (a != a) { *out = a; return 0; }
    if (b != b) { *out = a == 1.0 ? 1.0 : b; return 0; }
    if (a == 0.0 && b < 0.0 && pj_isfinite(b))
        return pj_raise(rt, PJ_ZeroDivisionError, line, "0.0 cannot be raised to a negative power");
    r = pow(a, b);
    if (pj_isinf(r) && pj_isfinite(a) && pj_isfinite(b))
        return pj_raise(rt, PJ_OverflowError, line, "(34, 'Numerical result out of range')");
    *out = r;
    return 0;
}

/* Compare an int64 with a float64 exactly, as Python compares int with
 * float: -1, 0 or 1, or 2 when the float is NaN. */
static int pj_cmp_i64_f64(pj_i64 a, double b) {
    pj_i64 whole;
    double frac;
    if (b != b) return 2;
    if (b >= 9223372036854775808.0) return -1;
    if (b < -9223372036854775808.0) return 1;
    whole = (pj_i64)b;              /* exact: |b| < 2**63, truncated */
    frac = b - (double)whole;       /* exact */
    if (a < whole) return -1;
    if (a > whole) return 1;
    return frac > 0.0 ? -1 : (frac < 0.0 ? 1 : 0);
}

/* ---- conversions with Python's errors ---------------------------------- */

/* The error of converting float `x` to an int when it is NaN, infinite or
 * past int64 (pyjit's int is 64 bits). */
PJ_COLD static pj_i32 pj_to_int_error(pj_rt *rt, pj_i32 line, double x) {
    if (x != x) return pj_raise(rt, PJ_ValueError, line, "cannot convert float NaN to integer");
    if (pj_isinf(x)) return pj_raise(rt, PJ_OverflowError, line, "cannot convert float infinity to integer");
    return pj_raise(rt, PJ_OverflowError, line, "int too large to convert to int64");
}

/* A float `x` to an int in `*out`, truncating, or the error: C's
 * conversion truncates, as trunc(x) would, and every double in [-2**63,
 * 2**63) truncates into int64. One comparison pair is the whole check: NaN
 * fails both. A macro, as PJ_INDEX, so that tcc, which never inlines, pays
 * no call for int(x) (the fast tier's histogram loop, `counts[int(x[i] *
 * nbins)] += 1`, went through two calls per element); `x` must be free of
 * side effects. */
#define PJ_TO_I64(rt, line, x, out) \
    ((x) >= -9223372036854775808.0 && (x) < 9223372036854775808.0 \
     ? (*(out) = (pj_i64)(x), 0) : pj_to_int_error(rt, line, x))

/* The same for a value computed once (floor(x), nearbyint(x)). */
static pj_i32 pj_integral_to_i64(pj_rt *rt, pj_i32 line, double x, pj_i64 *out) {
    return PJ_TO_I64(rt, line, x, out);
}

/* int(x); the generators pass a variable. */
#define pj_float_to_int(rt, line, x, out) PJ_TO_I64(rt, line, x, out)

/* round(x): to the nearest int, ties to even (the default rounding mode). */
static pj_i32 pj_round(pj_rt *rt, pj_i32 line, double x, pj_i64 *out) {
    return pj_integral_to_i64(rt, line, nearbyint(x), out);
}

/* ---- the math module --------------------------------------------------- */

static const char pj_domain[] = "math domain error";
static const char pj_range[] = "math range error";

/* CPython's math_1: a NaN from a non-NaN argument is a domain error; an
 * infinity from a finite argument is a range error for functions that can
 * overflow, a domain error (a pole) for the others. */
static pj_i32 pj_math_check(pj_rt *rt, pj_i32 line, double x, double r, int can_overflow, double *out) {
    if (r != r && x == x) return pj_raise(rt, PJ_ValueError, line, pj_domain);
    if (pj_isinf(r) && pj_isfinite(x))
        return pj_raise(rt, can_overflow ? PJ_OverflowError : PJ_ValueError, line, can_overflow ? pj_range : pj_domain);
    *out = r;
    return 0;
}

/* math_1's check, for sqrt: its result is NaN from a non-NaN argument
 * exactly when the argument is negative, and never infinite from a finite
 * one. One comparison, independent of the square root's latency. */
static pj_i32 pj_math_sqrt(pj_rt *rt, pj_i32 line, double x, double *out) {
    if (x < 0.0) return pj_raise(rt, PJ_ValueError, line, pj_domain);
    *out = sqrt(x);
    return 0;
}

#define PJ_MATH_1(NAME, FUNC, OVERFLOW) \
    static pj_i32 pj_math_##NAME(pj_rt *rt, pj_i32 line, double x, double *out) { \
        return pj_math_check(rt, line, x, FUNC(x), OVERFLOW, out); \
    }
PJ_MATH_1(exp, exp, 1)
PJ_MATH_1(expm1, expm1, 1)
PJ_MATH_1(log, log, 0)
PJ_MATH_1(log2, log2, 0)
PJ_MATH_1(log10, log10, 0)
PJ_MATH_1(log1p, log1p, 0)
PJ_MATH_1(sin, sin, 0)
PJ_MATH_1(cos, cos, 0)
PJ_MATH_1(tan, tan, 0)
PJ_MATH_1(asin, asin, 0)
PJ_MATH_1(acos, acos, 0)
PJ_MATH_1(atan, atan, 0)
PJ_MATH_1(sinh, sinh, 1)
PJ_MATH_1(cosh, cosh, 1)
PJ_MATH_1(tanh, tanh, 0)
PJ_MATH_1(asinh, asinh, 0)
PJ_MATH_1(acosh, acosh, 0)
PJ_MATH_1(atanh, atanh, 0)
PJ_MATH_1(erf, erf, 0)
PJ_MATH_1(erfc, erfc, 0)

/* math.log(x, base) */
static pj_i32 pj_math_log_base(pj_rt *rt, pj_i32 line, double x, double base, double *out) {
    double num, den;
    if (pj_math_log(rt, line, x, &num) || pj_math_log(rt, line, base, &den)) return rt->err_kind;
    if (den == 0.0) return pj_raise(rt, PJ_ZeroDivisionError, line, "float division by zero");
    *out = num / den;
    return 0;
}

/* math.pow: like float ** but with the math module's errors. */
static pj_i32 pj_math_pow(pj_rt *rt, pj_i32 line, double x, double y, double *out) {
    double r;
    /* math_pow: a NaN operand is the result unless the other makes it 1. */
    if (x != x) { *out = y == 0.0 ? 1.0 : x; return 0; }
    if (y != y) { *out = x == 1.0 ? 1.0 : y; return 0; }
    r = pow(x, y);
    if (pj_isfinite(x) && pj_isfinite(y)) {
        if (r != r) return pj_raise(rt, PJ_ValueError, line, pj_domain);
        if (pj_isinf(r)) return x == 0.0 ? pj_raise(rt, PJ_ValueError, line, pj_domain)
                                         : pj_raise(rt, PJ_OverflowError, line, pj_range);
    }
    *out = r;
    return 0;
}

/* math.fmod */
static pj_i32 pj_math_fmod(pj_rt *rt, pj_i32 line, double x, double y, double *out) {
    double r;
    if (pj_isinf(y) && pj_isfinite(x)) { *out = x; return 0; }
    r = fmod(x, y);
    if (r != r && x == x && y == y) return pj_raise(rt, PJ_ValueError, line, pj_domain);
    *out = r;
    return 0;
}

/* math.hypot(x, y) */
static pj_i32 pj_math_hypot(pj_rt *rt, pj_i32 line, double x, double y, double *out) {
    double r = hypot(x, y);
    if (pj_isinf(r) && pj_isfinite(x) && pj_isfinite(y)) return pj_raise(rt, PJ_OverflowError, line, pj_range);
    *out = r;
    return 0;
}

/* math.gamma and math.lgamma as CPython computes them (m_tgamma and
 * m_lgamma in Modules/mathmodule.c), not the C library's: the same Lanczos
 * approximation (g = 6.024680040776729583740234375, 13 terms, the
 * coefficients from Boost), the same table of exact values for integers up
 * to 23 and the same order of operations, so that results agree with
 * CPython to the last bit. Errors are CPython's: a pole or a negative
 * integer is a domain error, a finite argument with an infinite result a
 * range error. */
#define PJ_LANCZOS_N 13
static const double pj_lanczos_g = 6.024680040776729583740234375;
static const double pj_lanczos_g_minus_half = 5.524680040776729583740234375;
static const double pj_lanczos_num[PJ_LANCZOS_N] = {
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408
};
static const double pj_lanczos_den[PJ_LANCZOS_N] = {
    0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0,
    13339535.0, 2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0
};
static const double pj_gamma_integral[23] = {
    1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0,
    3628800.0, 39916800.0, 479001600.0, 6227020800.0, 87178291200.0,
    1307674368000.0, 20922789888000.0, 355687428096000.0,
    6402373705728000.0, 121645100408832000.0, 2432902008176640000.0,
    51090942171709440000.0, 1124000727777607680000.0
};
static const double pj_pi = 3.141592653589793238462643383279502884;
static const double pj_log_pi = 1.144729885849400174143427351353058711647;

/* The Lanczos sum for x > 0, Horner's rule in 1/x for large x. */
static double pj_lanczos_sum(double x) {
    double num = 0.0, den = 0.0;
    int i;
    if (x < 5.0) {
        for (i = PJ_LANCZOS_N; --i >= 0; ) {
            num = num * x + pj_lanczos_num[i];
            den = den * x + pj_lanczos_den[i];
        }
    } else {
        for (i = 0; i < PJ_LANCZOS_N; i++) {
            num = num / x + pj_lanczos_num[i];
            den = den / x + pj_lanczos_den[i];
        }
    }
    return num / den;
}

/* sin(pi * x) for finite x, exact at the integers and half-integers. */
static double pj_sinpi(double x) {
    double y = fmod(fabs(x), 2.0), r;
    switch ((int)nearbyint(2.0 * y)) {
    case 0: r = sin(pj_pi * y); break;
    case 1: r = cos(pj_pi * (y - 0.5)); break;
    case 2: r = sin(pj_pi * (1.0 - y)); break;
    case 3: r = -cos(pj_pi * (y - 1.5)); break;
    default: r = sin(pj_pi * (y - 2.0)); break;
    }
    return copysign(1.0, x) * r;
}

static pj_i32 pj_math_gamma(pj_rt *rt, pj_i32 line, double x, double *out) {
    double absx, r, y, z, q, sqrtpow;
    if (!pj_isfinite(x)) {
        if (x != x || x > 0.0) { *out = x; return 0; }
        return pj_raise(rt, PJ_ValueError, line, pj_domain);
    }
    if (x == 0.0) return pj_raise(rt, PJ_ValueError, line, pj_domain);
    if (x == floor(x)) {
        if (x < 0.0) return pj_raise(rt, PJ_ValueError, line, pj_domain);
        if (x <= 23.0) { *out = pj_gamma_integral[(int)x - 1]; return 0; }
    }
    absx = fabs(x);
    if (absx < 1e-20) {
        r = 1.0 / x;
        if (pj_isinf(r)) return pj_raise(rt, PJ_OverflowError, line, pj_range);
        *out = r;
        return 0;
    }
    if (absx > 200.0) {
        if (x < 0.0) { *out = 0.0 / pj_sinpi(x); return 0; }
        return pj_raise(rt, PJ_OverflowError, line, pj_range);
    }
    y = absx + pj_lanczos_g_minus_half;
    /* The rounding error of y, to correct the result (no fast-math: the
     * C compiler must not simplify this to zero). */
    if (absx > pj_lanczos_g_minus_half) {
        q = y - absx;
        z = q - pj_lanczos_g_minus_half;
    } else {
        q = y - pj_lanczos_g_minus_half;
        z = q - absx;
    }
    z = z * pj_lanczos_g / y;
    if (x < 0.0) {
        r = -pj_pi / pj_sinpi(absx) / absx * exp(y) / pj_lanczos_sum(absx);
        r -= z * r;
        if (absx < 140.0) {
            r /= pow(y, absx - 0.5);
        } else {
            sqrtpow = pow(y, absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = pj_lanczos_sum(absx) / exp(y);
        r += z * r;
        if (absx < 140.0) {
            r *= pow(y, absx - 0.5);
        } else {
            sqrtpow = pow(y, absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    if (pj_isinf(r)) return pj_raise(rt, PJ_OverflowError, line, pj_range);
    *out = r;
    return 0;
}

static pj_i32 pj_math_lgamma(pj_rt *rt, pj_i32 line, double x, double *out) {
    double r, absx;
    if (!pj_isfinite(x)) {
        *out = x != x ? x : pj_inf();
        return 0;
    }
    if (x == floor(x) && x <= 2.0) {
        if (x <= 0.0) return pj_raise(rt, PJ_ValueError, line, pj_domain);
        *out = 0.0;
        return 0;
    }
    absx = fabs(x);
    if (absx < 1e-20) { *out = -log(absx); return 0; }
    r = log(pj_lanczos_sum(absx)) - pj_lanczos_g;
    r += (absx - 0.5) * (log(absx + pj_lanczos_g - 0.5) - 1);
    if (x < 0.0) r = pj_log_pi - log(fabs(pj_sinpi(absx))) - log(absx) - r;
    if (pj_isinf(r)) return pj_raise(rt, PJ_OverflowError, line, pj_range);
    *out = r;
    return 0;
}

/* math.floor and math.ceil of a float give an int. */
static pj_i32 pj_math_floor(pj_rt *rt, pj_i32 line, double x, pj_i64 *out) {
    return pj_integral_to_i64(rt, line, floor(x), out);
}

static pj_i32 pj_math_ceil(pj_rt *rt, pj_i32 line, double x, pj_i64 *out) {
    return pj_integral_to_i64(rt, line, ceil(x), out);
}

static pj_i32 pj_math_trunc(pj_rt *rt, pj_i32 line, double x, pj_i64 *out) {
    return pj_integral_to_i64(rt, line, trunc(x), out);
}

/* As CPython defines them: multiplication by a constant. */
static double pj_math_degrees(double x) { return x * (180.0 / 3.141592653589793238462643383279502884); }
static double pj_math_radians(double x) { return x * (3.141592653589793238462643383279502884 / 180.0); }
static float pj_np_degrees_f32(float x) { return x * (180.0f / 3.14159265358979323846f); }
static float pj_np_radians_f32(float x) { return x * (3.14159265358979323846f / 180.0f); }

/* ---- arrays ------------------------------------------------------------ */

/* `axis` is the axis NumPy's message names, -1 for a list read and -2 for
 * a list assignment, whose messages are Python's. */
PJ_COLD static pj_i32 pj_index_error(pj_rt *rt, pj_i32 line, pj_i64 i, pj_i64 n, pj_i32 axis) {
    if (axis == -1) return pj_raise(rt, PJ_IndexError, line, "list index out of range");
    if (axis == -2) return pj_raise(rt, PJ_IndexError, line, "list assignment index out of range");
    return pj_raise_fmt(rt, PJ_IndexError, line, "index %d is out of bounds for axis %d with size %d", i, axis, n);
}

/* out = the position of index `i` on an axis of length `n`, or raise
 * IndexError (pj_index_error's `axis`): negative indices count from the end.
 * A macro, not a function, so that tcc, which never inlines, pays no call.
 * An index in range costs one unsigned compare; a negative one is tested
 * only when that fails (computing the wrapped index first, then comparing,
 * made tcc's vector and matrix loops 1.5-2x slower). `i` and `n` must be
 * free of side effects (the generator passes variables and constants). */
#define PJ_INDEX(rt, line, i, n, axis, out) \
    ((pj_u64)(i) < (pj_u64)(n) ? ((out) = (i), 0) \
     : (i) < 0 && (i) + (n) >= 0 ? ((out) = (i) + (n), 0) \
     : pj_index_error(rt, line, i, n, axis))

static void pj_incref(pj_array a) {
    if (a.owner) a.owner->refcount++;
}

static void pj_decref(pj_rt *rt, pj_array a) {
    if (a.owner && --a.owner->refcount == 0) rt->dealloc(rt->host, a.owner, a.owner->bytes);
}

/* Append text to a message being built in out[0..*len). */
static void pj_append(char *out, int *len, const char *text) {
    while (*text && *len < PJ_ERROR_MESSAGE_LEN - 1) out[(*len)++] = *text++;
    out[*len] = 0;
}

static void pj_append_i64(char *out, int *len, pj_i64 v) {
    char buf[24];
    buf[pj_itoa(v, buf)] = 0;
    pj_append(out, len, buf);
}

/* NumPy's _ArrayMemoryError message: "Unable to allocate 7.28 TiB for an
 * array with shape (1000000000000,) and data type float64", the size in
 * binary units to three significant figures as NumPy's _size_to_string. */
PJ_COLD static pj_i32 pj_raise_numpy_memory(pj_rt *rt, pj_i32 line, pj_u64 bytes, pj_i64 n0, pj_i64 n1, int ndim, const char *dtype) {
    static const char *units[] = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    char out[PJ_ERROR_MESSAGE_LEN];
    int len = 0, unit = 0, bits = 0, decimals;
    double n_units;
    pj_u64 scaled, rest = bytes;
    while (rest > 1) { rest >>= 1; bits++; }
    unit = (bits > 1 ? bits : 1) / 10;
    n_units = (double)bytes / (double)(1ULL << (10 * unit));
    if (nearbyint(n_units) == 1024.0) { unit++; n_units /= 1024.0; }
    pj_append(out, &len, "Unable to allocate ");
    if (unit == 0) {
        pj_append_i64(out, &len, (pj_i64)bytes);
    } else {
        /* '{:#.3g}' below 1000, every integer digit (and the point) above. */
        decimals = n_units < 9.995 ? 2 : n_units < 99.95 ? 1 : 0;
        scaled = (pj_u64)nearbyint(n_units * (decimals == 2 ? 100.0 : decimals == 1 ? 10.0 : 1.0));
        pj_append_i64(out, &len, (pj_i64)(decimals == 2 ? scaled / 100 : decimals == 1 ? scaled / 10 : scaled));
        pj_append(out, &len, ".");
        if (decimals == 2) { out[len++] = (char)('0' + scaled / 10 % 10); out[len++] = (char)('0' + scaled % 10); }
        if (decimals == 1) out[len++] = (char)('0' + scaled % 10);
        out[len] = 0;
    }
    pj_append(out, &len, " ");
    pj_append(out, &len, units[unit]);
    pj_append(out, &len, " for an array with shape (");
    pj_append_i64(out, &len, n0);
    if (ndim == 2) { pj_append(out, &len, ", "); pj_append_i64(out, &len, n1); }
    else pj_append(out, &len, ",");
    pj_append(out, &len, ") and data type ");
    pj_append(out, &len, dtype);
    return pj_raise(rt, PJ_MemoryError, line, out);
}

/* A new zeroed array of n0 x n1 elements of `size` bytes (n1 is 1 for a
 * 1-D array). `dtype` names the element type for np.zeros/ones/empty,
 * whose errors are NumPy's: a negative extent is a ValueError, a size past
 * the largest index a ValueError, a failed allocation _ArrayMemoryError.
 * `dtype` is null for `[x] * n`, where a negative count gives an empty list
 * and a failed allocation a bare MemoryError, as for Python lists. */
static pj_i32 pj_alloc(pj_rt *rt, pj_i32 line, pj_i64 n0, pj_i64 n1, int ndim, pj_i64 size, const char *dtype, pj_array *out) {
    pj_u64 count, bytes;
    pj_meminfo *block;
    if (n0 < 0 || n1 < 0) {
        if (dtype) return pj_raise(rt, PJ_ValueError, line, "negative dimensions are not allowed");
        if (n0 < 0) n0 = 0;
        if (n1 < 0) n1 = 0;
    }
    count = (pj_u64)n0 * (pj_u64)n1;
    if ((n1 != 0 && count / (pj_u64)n1 != (pj_u64)n0) || count > (pj_u64)PJ_I64_MAX / (pj_u64)size) {
        if (dtype) return pj_raise(rt, PJ_ValueError, line, "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.");
        return pj_raise(rt, PJ_MemoryError, line, "");
    }
    bytes = count * (pj_u64)size;
    block = bytes > (pj_u64)PJ_I64_MAX - PJ_MEMINFO_SIZE ? 0 : (pj_meminfo *)rt->alloc(rt->host, (pj_i64)(bytes + PJ_MEMINFO_SIZE));
    if (!block) {
        if (dtype) return pj_raise_numpy_memory(rt, line, bytes, n0, n1, ndim, dtype);
        return pj_raise(rt, PJ_MemoryError, line, "");
    }
    block->refcount = 1;
    block->bytes = (pj_i64)(bytes + PJ_MEMINFO_SIZE);
    out->data = (char *)block + PJ_MEMINFO_SIZE;
    out->shape[0] = n0;
    out->shape[1] = n1;
    out->owner = block;
    return 0;
}

/* The number of values of range(lo, hi, step), step != 0. */
static pj_u64 pj_range_len(pj_i64 lo, pj_i64 hi, pj_i64 step) {
    if (step > 0) return lo < hi ? ((pj_u64)hi - (pj_u64)lo - 1) / (pj_u64)step + 1 : 0;
    return lo > hi ? ((pj_u64)lo - (pj_u64)hi - 1) / (0 - (pj_u64)step) + 1 : 0;
}

/* ---- output ------------------------------------------------------------ */

static void pj_write(pj_rt *rt, const char *text, pj_i64 len) { rt->write(rt->host, text, len); }

static void pj_write_i64(pj_rt *rt, pj_i64 v) {
    char buf[24];
    int len = pj_itoa(v, buf);
    rt->write(rt->host, buf, len);
}

static void pj_write_bool(pj_rt *rt, int b) {
    if (b) rt->write(rt->host, "True", 4); else rt->write(rt->host, "False", 5);
}

static void pj_write_f64(pj_rt *rt, double v) { rt->write_f64(rt->host, v); }
static void pj_write_f32(pj_rt *rt, float v) { rt->write_f32(rt->host, v); }

/* ---- recursion --------------------------------------------------------- */

/* Whether a function that is part of a call cycle, entered below `depth`
 * frames of such functions, must raise RecursionError instead of running:
 * too deep, or too near the end of the stack (`marker` is a local of its
 * frame). The depth is an argument, passed on by every function (one more
 * by these), so counting touches no memory. A macro, so that tcc, which
 * never inlines, pays no call on every entry: a recursive fib(30) on the
 * fast tier took 23.7 ms with a function here. */
#define PJ_TOO_DEEP(rt, depth, marker) \
    ((depth) >= (rt)->max_depth || (pj_u64)&(marker) < (pj_u64)(rt)->stack_limit)

PJ_COLD static pj_i32 pj_recursion_error(pj_rt *rt, pj_i32 line) {
    return pj_raise(rt, PJ_RecursionError, line, "maximum recursion depth exceeded");
}

/* ---- end of the prelude ------------------------------------------------ */
