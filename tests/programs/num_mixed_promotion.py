"""Mixed arithmetic promotes bool < int < float, and int results stay ints until a float joins."""


def add(a, b):
    return a + b


def mul(a, b):
    return a * b


def sub(a, b):
    return a - b


def weighted(n, w, flag):
    return n * w + flag * n - flag


def int_then_float(n):
    k = n * 3
    return k / 2 + k // 2


# run: add(1, 2.5) -> 3.5
# run: add(2.5, 1) -> 3.5
# run: add(True, 2.5) -> 3.5
# run: add(True, 2) -> 3
# run: add(-1, 1.0) -> 0.0
# run: add(9007199254740993, 0.0) -> 9007199254740992.0
# run: add(9223372036854775807, 1.0) -> 9.223372036854776e+18
# run: mul(3, -0.0) -> -0.0
# run: mul(0, inf) -> nan
# run: mul(-2, inf) -> -inf
# run: mul(False, nan) -> nan
# run: mul(True, -4) -> -4
# run: sub(1, 0.1) -> 0.9
# run: sub(False, True) -> -1
# run: weighted(4, 0.25, True) -> 4.0
# run: weighted(4, 2, False) -> 8
# run: weighted(-3, 1.5, True) -> -8.5
# run: int_then_float(5) -> 14.5
# run: int_then_float(-5) -> -15.5
