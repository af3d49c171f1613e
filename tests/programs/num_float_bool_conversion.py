"""float() and bool() of ints, floats and bools, including ints that round when converted."""


def to_float(x):
    return float(x)


def to_bool(x):
    return bool(x)


def mean(a, b):
    return float(a + b) / 2


def count_nonzero3(a, b, c):
    return int(bool(a)) + int(bool(b)) + int(bool(c))


# run: to_float(3) -> 3.0
# run: to_float(-3) -> -3.0
# run: to_float(0) -> 0.0
# run: to_float(True) -> 1.0
# run: to_float(2.5) -> 2.5
# run: to_float(-0.0) -> -0.0
# run: to_float(9007199254740993) -> 9007199254740992.0
# run: to_float(9223372036854775807) -> 9.223372036854776e+18
# run: to_float(-9223372036854775808) -> -9.223372036854776e+18
# run: to_float(nan) -> nan
# run: to_bool(0) -> False
# run: to_bool(-1) -> True
# run: to_bool(-0.0) -> False
# run: to_bool(nan) -> True
# run: to_bool(False) -> False
# run: mean(3, 4) -> 3.5
# run: mean(-9223372036854775807, 9223372036854775807) -> 0.0
# run: count_nonzero3(0, -0.0, nan) -> 1
# run: count_nonzero3(1, 2.5, True) -> 3
