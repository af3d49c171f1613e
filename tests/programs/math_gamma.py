"""math.gamma: factorials, half-integers, negative non-integers, poles (ValueError) and OverflowError."""
import math


def g(x):
    return math.gamma(x)


def factorial_check(n):
    f = 1
    for k in range(2, n):
        f *= k
    return math.gamma(n) == f


# run: g(5.0) -> 24.0
# run: g(1.0) -> 1.0
# run: g(0.5) -> 1.7724538509055159
# run: g(1.5) -> 0.886226925452758
# run: g(2.5) -> 1.3293403881791372
# run: g(-0.5) -> -3.544907701811032
# run: g(-1.5) -> 2.3632718012073544
# run: g(10) -> 362880.0
# run: g(0.1) -> 9.513507698668732
# run: g(3.7) -> 4.170651783796603
# run: g(20.3) -> 2.9724610752355725e+17
# run: g(171.5) -> 9.483367566824801e+307
# run: g(1e-300) -> 9.999999999999999e+299
# run: g(171.7) -> raises OverflowError: math range error (line 6)
# run: g(1e-310) -> raises OverflowError: math range error (line 6)
# run: g(-170.5) -> -3.312739521538607e-308
# run: g(-190.5) -> -0.0
# run: g(0.0) -> raises ValueError: math domain error (line 6)
# run: g(-0.0) -> raises ValueError: math domain error (line 6)
# run: g(-1.0) -> raises ValueError: math domain error (line 6)
# run: g(-2) -> raises ValueError: math domain error (line 6)
# run: g(inf) -> inf
# run: g(-inf) -> raises ValueError: math domain error (line 6)
# run: g(nan) -> nan
# run: factorial_check(15) -> True
# run: factorial_check(21) -> True
