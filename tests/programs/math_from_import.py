"""`from math import ...` names work like their `math.` spellings, errors included."""
from math import sqrt, pi, e, inf, nan, floor, log, exp, isnan, atan2, tau


def polar_angle(x, y):
    return atan2(y, x) / pi * 180.0


def circumference(r):
    return tau * r


def compound(rate, years):
    return exp(log(1.0 + rate) * years)


def safe_root(x):
    if isnan(x) or x == inf:
        return -1.0
    return sqrt(x)


def digits(n):
    return floor(log(n, 10)) + 1


def natural():
    return log(e) + nan * 0.0


# run: polar_angle(0.0, 1.0) -> 90.0
# run: polar_angle(-1.0, -0.0) -> -180.0
# run: circumference(0.5) -> 3.141592653589793
# run: compound(0.05, 10) -> 1.6288946267774422
# run: safe_root(16.0) -> 4.0
# run: safe_root(nan) -> -1.0
# run: safe_root(inf) -> -1.0
# run: safe_root(-4.0) -> raises ValueError: math domain error (line 20)
# run: digits(12345) -> 5
# run: digits(0) -> raises ValueError: math domain error (line 24)
# run: natural() -> nan
