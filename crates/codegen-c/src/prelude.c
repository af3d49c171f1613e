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
double fmod(double, double); double erf(double); double erfc(double); double tgamma(double);
double lgamma(double); double nearbyint(double);
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
static int pj_isnan(double x) { return x != x; }
static int pj_isinf(double x) { return x == x && x - x != 0.0; }
static int pj_isfinite(double x) { return x - x == 0.0; }

/* ---- errors ------------------------------------------------------------ */

static pj_i32 pj_raise(pj_rt *rt, pj_i32 kind, pj_i32 line, const char *message) {
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
static pj_i32 pj_raise_fmt(pj_rt *rt, pj_i32 kind, pj_i32 line, const char *template,
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

static pj_i32 pj_raise_unbound(pj_rt *rt, pj_i32 line, const char *name) {
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

/* a // b: floors. */
static pj_i32 pj_floordiv_i64(pj_rt *rt, pj_i32 line, pj_i64 a, pj_i64 b, pj_i64 *out) {
    pj_i64 q, r;
    if (b == 0) return pj_raise(rt, PJ_ZeroDivisionError, line, pj_int_zero_division);
    if (b == -1) { *out = PJ_NEG64(a); return 0; }
    q = a / b; r = a % b;
    *out = (r != 0 && ((r < 0) != (b < 0))) ? q - 1 : q;
    return 0;
}

/* a % b: the sign of b. */
static pj_i32 pj_mod_i64(pj_rt *rt, pj_i32 line, pj_i64 a, pj_i64 b, pj_i64 *out) {
    pj_i64 r;
    if (b == 0) return pj_raise(rt, PJ_ZeroDivisionError, line, pj_int_zero_division);
    if (b == -1) { *out = 0; return 0; }
    r = a % b;
    *out = (r != 0 && ((r < 0) != (b < 0))) ? r + b : r;
    return 0;
}

static pj_i32 pj_floordiv_i32(pj_rt *rt, pj_i32 line, pj_i32 a, pj_i32 b, pj_i32 *out) {
    pj_i32 q, r;
    if (b == 0) return pj_raise(rt, PJ_ZeroDivisionError, line, pj_int_zero_division);
    if (b == -1) { *out = PJ_NEG32(a); return 0; }
    q = a / b; r = a % b;
    *out = (r != 0 && ((r < 0) != (b < 0))) ? q - 1 : q;
    return 0;
}

static pj_i32 pj_mod_i32(pj_rt *rt, pj_i32 line, pj_i32 a, pj_i32 b, pj_i32 *out) {
    pj_i32 r;
    if (b == 0) return pj_raise(rt, PJ_ZeroDivisionError, line, pj_int_zero_division);
    if (b == -1) { *out = 0; return 0; }
    r = a % b;
    *out = (r != 0 && ((r < 0) != (b < 0))) ? r + b : r;
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

/* a ** b of ints, b >= 0 (the checker types a negative exponent as a float
 * power; an int32 one is NumPy's error). */
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

static pj_i32 pj_lshift_i64(pj_rt *rt, pj_i32 line, pj_i64 a, pj_i64 b, pj_i64 *out) {
    if (b < 0) return pj_raise(rt, PJ_ValueError, line, "negative shift count");
    *out = b >= 64 ? 0 : (pj_i64)((pj_u64)a << b);
    return 0;
}

static pj_i32 pj_rshift_i64(pj_rt *rt, pj_i32 line, pj_i64 a, pj_i64 b, pj_i64 *out) {
    if (b < 0) return pj_raise(rt, PJ_ValueError, line, "negative shift count");
    if (b >= 64) { *out = a < 0 ? -1 : 0; return 0; }
    /* Arithmetic shift without relying on implementation-defined >>. */
    *out = a >= 0 ? (pj_i64)((pj_u64)a >> b) : ~(pj_i64)(~(pj_u64)a >> b);
    return 0;
}

static pj_i32 pj_lshift_i32(pj_rt *rt, pj_i32 line, pj_i32 a, pj_i32 b, pj_i32 *out) {
    if (b < 0) return pj_raise(rt, PJ_ValueError, line, "negative shift count");
    *out = b >= 32 ? 0 : (pj_i32)((pj_u32)a << b);
    return 0;
}

static pj_i32 pj_rshift_i32(pj_rt *rt, pj_i32 line, pj_i32 a, pj_i32 b, pj_i32 *out) {
    if (b < 0) return pj_raise(rt, PJ_ValueError, line, "negative shift count");
    if (b >= 32) { *out = a < 0 ? -1 : 0; return 0; }
    *out = a >= 0 ? (pj_i32)((pj_u32)a >> b) : ~(pj_i32)(~(pj_u32)a >> b);
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

static pj_i32 pj_div_f64(pj_rt *rt, pj_i32 line, double a, double b, double *out) {
    if (b == 0.0) return pj_raise(rt, PJ_ZeroDivisionError, line, "float division by zero");
    *out = a / b;
    return 0;
}

static pj_i32 pj_div_f32(pj_rt *rt, pj_i32 line, float a, float b, float *out) {
    if (b == 0.0f) return pj_raise(rt, PJ_ZeroDivisionError, line, "float division by zero");
    *out = a / b;
    return 0;
}

/* CPython's float_divmod: the floored quotient and the remainder with the
 * sign of the divisor. */
static void pj_divmod_f64(double a, double b, double *floordiv, double *mod) {
    double m = fmod(a, b), div = (a - m) / b;
    if (m != 0.0) {
        if ((b < 0.0) != (m < 0.0)) { m += b; div -= 1.0; }
    } else {
        m = copysign(0.0, b);
    }
    if (div != 0.0) {
        double f = floor(div);
        if (div - f > 0.5) f += 1.0;
        *floordiv = f;
    } else {
        *floordiv = copysign(0.0, a / b);
    }
    *mod = m;
}

static pj_i32 pj_floordiv_f64(pj_rt *rt, pj_i32 line, double a, double b, double *out) {
    double mod;
    if (b == 0.0) return pj_raise(rt, PJ_ZeroDivisionError, line, "float floor division by zero");
    pj_divmod_f64(a, b, out, &mod);
    return 0;
}

/* CPython's float_rem. */
static pj_i32 pj_mod_f64(pj_rt *rt, pj_i32 line, double a, double b, double *out) {
    double m;
    if (b == 0.0) return pj_raise(rt, PJ_ZeroDivisionError, line, "float modulo");
    m = fmod(a, b);
    if (m != 0.0) {
        if ((b < 0.0) != (m < 0.0)) m += b;
    } else {
        m = copysign(0.0, b);
    }
    *out = m;
    return 0;
}

/* float32 versions: NumPy computes in single precision. */
static pj_i32 pj_floordiv_f32(pj_rt *rt, pj_i32 line, float a, float b, float *out) {
    float m, div;
    if (b == 0.0f) return pj_raise(rt, PJ_ZeroDivisionError, line, "float floor division by zero");
    m = fmodf(a, b);
    div = (a - m) / b;
    if (m != 0.0f && (b < 0.0f) != (m < 0.0f)) div -= 1.0f;
    if (div != 0.0f) {
        float f = floorf(div);
        if (div - f > 0.5f) f += 1.0f;
        *out = f;
    } else {
        *out = copysignf(0.0f, a / b);
    }
    return 0;
}

static pj_i32 pj_mod_f32(pj_rt *rt, pj_i32 line, float a, float b, float *out) {
    float m;
    if (b == 0.0f) return pj_raise(rt, PJ_ZeroDivisionError, line, "float modulo");
    m = fmodf(a, b);
    if (m != 0.0f) {
        if ((b < 0.0f) != (m < 0.0f)) m += b;
    } else {
        m = copysignf(0.0f, b);
    }
    *out = m;
    return 0;
}

/* CPython's float_pow: 0.0 to a negative power and overflow raise; a
 * negative base to a fractional power is NaN (LANGUAGE.md, deviation 4),
 * where CPython returns a complex number. */
static pj_i32 pj_pow_f64(pj_rt *rt, pj_i32 line, double a, double b, double *out) {
    double r;
    if (a == 0.0 && b < 0.0 && pj_isfinite(b))
        return pj_raise(rt, PJ_ZeroDivisionError, line, "0.0 cannot be raised to a negative power");
    r = pow(a, b);
    if (pj_isinf(r) && pj_isfinite(a) && pj_isfinite(b))
        return pj_raise(rt, PJ_OverflowError, line, "(34, 'Numerical result out of range')");
    *out = r;
    return 0;
}

static pj_i32 pj_pow_f32(pj_rt *rt, pj_i32 line, float a, float b, float *out) {
    float r;
    if (a == 0.0f && b < 0.0f && pj_isfinite(b))
        return pj_raise(rt, PJ_ZeroDivisionError, line, "0.0 cannot be raised to a negative power");
    r = powf(a, b);
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

/* A float that is already integral, to an int: NaN and infinities raise;
 * values past int64 raise OverflowError too (pyjit's int is 64 bits). */
static pj_i32 pj_integral_to_i64(pj_rt *rt, pj_i32 line, double x, pj_i64 *out) {
    if (x != x) return pj_raise(rt, PJ_ValueError, line, "cannot convert float NaN to integer");
    if (pj_isinf(x)) return pj_raise(rt, PJ_OverflowError, line, "cannot convert float infinity to integer");
    if (x >= 9223372036854775808.0 || x < -9223372036854775808.0)
        return pj_raise(rt, PJ_OverflowError, line, "int too large to convert to int64");
    *out = (pj_i64)x;
    return 0;
}

/* int(x) */
static pj_i32 pj_float_to_int(pj_rt *rt, pj_i32 line, double x, pj_i64 *out) {
    return pj_integral_to_i64(rt, line, trunc(x), out);
}

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

#define PJ_MATH_1(NAME, FUNC, OVERFLOW) \
    static pj_i32 pj_math_##NAME(pj_rt *rt, pj_i32 line, double x, double *out) { \
        return pj_math_check(rt, line, x, FUNC(x), OVERFLOW, out); \
    }
PJ_MATH_1(sqrt, sqrt, 0)
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
    double r = pow(x, y);
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

/* math.gamma: poles at zero and the negative integers are domain errors. */
static pj_i32 pj_math_gamma(pj_rt *rt, pj_i32 line, double x, double *out) {
    if (x == -pj_inf() || x == 0.0 || (x < 0.0 && x == floor(x))) return pj_raise(rt, PJ_ValueError, line, pj_domain);
    return pj_math_check(rt, line, x, tgamma(x), 1, out);
}

/* math.lgamma */
static pj_i32 pj_math_lgamma(pj_rt *rt, pj_i32 line, double x, double *out) {
    if (x <= 0.0 && x == floor(x)) return pj_raise(rt, PJ_ValueError, line, pj_domain);
    return pj_math_check(rt, line, x, lgamma(x), 1, out);
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

/* The position of index `i` on an axis of length `n`: negative indices
 * count from the end; out of range raises IndexError with NumPy's message. */
static pj_i32 pj_index(pj_rt *rt, pj_i32 line, pj_i64 i, pj_i64 n, pj_i32 axis, pj_i64 *out) {
    pj_i64 j = i < 0 ? i + n : i;
    if (j < 0 || j >= n)
        return pj_raise_fmt(rt, PJ_IndexError, line, "index %d is out of bounds for axis %d with size %d", i, axis, n);
    *out = j;
    return 0;
}

static void pj_incref(pj_array a) {
    if (a.owner) a.owner->refcount++;
}

static void pj_decref(pj_rt *rt, pj_array a) {
    if (a.owner && --a.owner->refcount == 0) rt->dealloc(rt->host, a.owner, a.owner->bytes);
}

/* A new array of n0 x n1 elements of `size` bytes, zeroed. A negative
 * extent raises ValueError (np.zeros) or counts as zero ([x] * n). */
static pj_i32 pj_alloc(pj_rt *rt, pj_i32 line, pj_i64 n0, pj_i64 n1, pj_i64 size, int negative_raises, pj_array *out) {
    pj_u64 count, bytes;
    pj_meminfo *block;
    if (n0 < 0 || n1 < 0) {
        if (negative_raises) return pj_raise(rt, PJ_ValueError, line, "negative dimensions are not allowed");
        if (n0 < 0) n0 = 0;
        if (n1 < 0) n1 = 0;
    }
    count = (pj_u64)n0 * (pj_u64)n1;
    if ((n1 != 0 && count / (pj_u64)n1 != (pj_u64)n0) || count > (1ULL << 56) / (pj_u64)size)
        return pj_raise(rt, PJ_MemoryError, line, "cannot allocate the array: too large");
    bytes = count * (pj_u64)size + PJ_MEMINFO_SIZE;
    block = (pj_meminfo *)rt->alloc(rt->host, (pj_i64)bytes);
    if (!block) return pj_raise(rt, PJ_MemoryError, line, "cannot allocate the array: out of memory");
    block->refcount = 1;
    block->bytes = (pj_i64)bytes;
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

/* Enter a function that is part of a call cycle: count the depth and watch
 * the stack, so deep recursion raises RecursionError instead of crashing. */
static pj_i32 pj_enter(pj_rt *rt, pj_i32 line) {
    char marker;
    if (++rt->depth > rt->max_depth || (pj_u64)&marker < (pj_u64)rt->stack_limit) {
        rt->depth--;
        return pj_raise(rt, PJ_RecursionError, line, "maximum recursion depth exceeded");
    }
    return 0;
}

/* ---- end of the prelude ------------------------------------------------ */
