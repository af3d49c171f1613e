"""Unary minus, plus and invert on ints, floats and bools, including -0.0 and int64 bounds."""


def neg(x):
    return -x


def pos(x):
    return +x


def inv(x):
    return ~x


def mixed(a, b):
    return -a * +b - ~a + -(-b)


# run: neg(5) -> -5
# run: neg(-5) -> 5
# run: neg(0) -> 0
# run: neg(0.0) -> -0.0
# run: neg(-0.0) -> 0.0
# run: neg(inf) -> -inf
# run: neg(nan) -> nan
# run: neg(True) -> -1
# run: neg(9223372036854775807) -> -9223372036854775807
# run: pos(-0.0) -> -0.0
# run: pos(-3) -> -3
# run: pos(False) -> 0
# run: inv(0) -> -1
# run: inv(-1) -> 0
# run: inv(5) -> -6
# run: inv(-9223372036854775808) -> 9223372036854775807
# run: inv(9223372036854775807) -> -9223372036854775808
# run: mixed(3, 4) -> -4
# run: mixed(-3, 4) -> 14
# run (deviation 1): neg(-9223372036854775808) -> -9223372036854775808
