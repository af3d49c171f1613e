"""`math` functions of constants give the C library's result, as CPython's
do, not a correctly rounded one a compiler could compute instead."""
import math


def asinh_const():
    return math.asinh(-0.02738947744835407)


def erf_const():
    return math.erf(-1.1797889344024943)


def expm1_const():
    return math.expm1(-2.5)


def several():
    return (
        math.erfc(0.7)
        + math.acosh(3.3)
        + math.atanh(0.61)
        + math.log1p(0.37)
        + math.sinh(1.3)
        + math.cosh(0.9)
        + math.tanh(0.3)
        + math.exp(2.1)
        + math.log(7.0)
        + math.sin(1e22)
        + math.atan2(1.0, 3.0)
        + math.hypot(1e-3, 7.0)
        + math.pow(1.1, 9.7)
    )


def same_at_run_time(x):
    return math.asinh(x) + 10.0 * math.erf(x) + 100.0 * math.expm1(x)


# run: asinh_const() -> -0.02738605408166915
# run: erf_const() -> -0.9047782340944124
# run: expm1_const() -> -0.9179150013761013
# run: several() -> 25.73425121141297
# run: same_at_run_time(-0.02738947744835407) -> -3.0381446369876413
