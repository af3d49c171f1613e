"""math.sqrt on ordinary values, signed zeros, inf, nan and ints, and its domain error."""
import math


def root(x):
    return math.sqrt(x)


def root_sum(a):
    s = 0.0
    for x in a:
        s += math.sqrt(x)
    return s


def int_root(n):
    return math.sqrt(n) * 2


# run: root(2.0) -> 1.4142135623730951
# run: root(0.25) -> 0.5
# run: root(0.0) -> 0.0
# run: root(-0.0) -> -0.0
# run: root(inf) -> inf
# run: root(nan) -> nan
# run: root(1e-320) -> 9.99994433575849e-161
# run: root(-1.0) -> raises ValueError: math domain error (line 6)
# run: root(-inf) -> raises ValueError: math domain error (line 6)
# run: root(4) -> 2.0
# run: root(0) -> 0.0
# run: root(-4) -> raises ValueError: math domain error (line 6)
# run: int_root(9) -> 6.0
# run: int_root(9007199254740993) -> 189812531.24850312
# run: root_sum([1.0, 4.0, 9.0]) -> 6.0
# run: root_sum([]) -> 0.0
# run: root_sum([1.0, -4.0, 9.0]) -> raises ValueError: math domain error (line 12)
