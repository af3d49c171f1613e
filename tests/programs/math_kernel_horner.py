"""Horner evaluation of a polynomial from a coefficient array, and a Taylor series of exp checked with math.exp."""
import math


def horner(coeffs, x):
    acc = 0.0
    for i in range(len(coeffs) - 1, -1, -1):
        acc = acc * x + coeffs[i]
    return acc


def exp_taylor(x, n):
    acc = 1.0
    for k in range(n, 0, -1):
        acc = 1.0 + acc * x / k
    return acc


def taylor_error(x):
    return math.fabs(exp_taylor(x, 30) - math.exp(x)) < 1e-12 * math.exp(x)


# run: horner([1.0, -3.0, 2.0], 2.0) -> 3.0
# run: horner([1, 2, 3, 4], 10) -> 4321.0
# run: horner([5.5], 1e300) -> 5.5
# run: horner([], 3.0) -> 0.0
# run: horner([0.0, 1.0], -0.0) -> 0.0
# run: horner([1.0, 1.0], inf) -> nan
# run: horner([1.0, 0.0, 1.0], nan) -> nan
# run: exp_taylor(1.0, 20) -> 2.718281828459045
# run: exp_taylor(-1.0, 25) -> 0.36787944117144233
# run: taylor_error(2.5) -> True
# run: taylor_error(-3.0) -> True
