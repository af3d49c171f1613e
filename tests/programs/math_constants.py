"""math.pi, math.e, math.tau, math.inf, math.nan, also through module constants built from them."""
import math

TWO_PI = 2 * math.pi
HALF_E = math.e / 2
BIG = math.inf


def consts():
    print(math.pi, math.e, math.tau)
    print(math.inf, -math.inf, math.nan)
    return math.tau == TWO_PI


def circle_area(r):
    return math.pi * r * r


def nan_checks():
    x = math.nan
    return (x == x) * 100 + (x != x) * 10 + math.isnan(x)


def inf_checks(x):
    return x < math.inf and -math.inf < x


def derived():
    return HALF_E * 2 == math.e and BIG > 1e308


# run: consts() -> True
# out: 3.141592653589793 2.718281828459045 6.283185307179586
# out: inf -inf nan
# run: circle_area(2.0) -> 12.566370614359172
# run: circle_area(1) -> 3.141592653589793
# run: nan_checks() -> 11
# run: inf_checks(1e308) -> True
# run: inf_checks(inf) -> False
# run: inf_checks(nan) -> False
# run: derived() -> True
