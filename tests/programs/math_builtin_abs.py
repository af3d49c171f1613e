"""Builtin abs on ints, floats, bools, -0.0, infinities, nan and array elements."""


def ab(x):
    return abs(x)


def l1_norm(a):
    s = 0.0
    for x in a:
        s += abs(x)
    return s


def int_l1(a):
    s = 0
    for x in a:
        s += abs(x)
    return s


def distance(a, b):
    return abs(a - b)


# run: ab(-3) -> 3
# run: ab(0) -> 0
# run: ab(-9223372036854775807) -> 9223372036854775807
# run: ab(-2.5) -> 2.5
# run: ab(-0.0) -> 0.0
# run: ab(-inf) -> inf
# run: ab(nan) -> nan
# run: ab(True) -> 1
# run: ab(5e-324) -> 5e-324
# run: l1_norm([1.5, -2.5, -0.0, 3.0]) -> 7.0
# run: l1_norm([]) -> 0.0
# run: l1_norm([-1e308, 1e308]) -> inf
# run: int_l1([-1, 2, -3]) -> 6
# run: distance(3, 10) -> 7
# run: distance(0.1, 0.3) -> 0.19999999999999998
# run (deviation 1): ab(-9223372036854775808) -> -9223372036854775808
