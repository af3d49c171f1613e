"""Bools in arithmetic act as 0 and 1: True + 1 is 2, and bool & bool stays a bool."""


def add_one(b):
    return b + 1


def bool_sum(a, b, c):
    return a + b + c


def count_true(a, b, c):
    n = 0
    n += a
    n += b
    n += c
    return n


def bool_and(a, b):
    return a & b


def bool_xor(a, b):
    return a ^ b


def bool_float(b, x):
    return b * x + b / 2 - b // 2 + b % 2


def bool_cmp(a, b):
    return (a < b) + (a == b)


# run: add_one(True) -> 2
# run: add_one(False) -> 1
# run: bool_sum(True, True, True) -> 3
# run: count_true(True, False, True) -> 2
# run: bool_and(True, False) -> False
# run: bool_and(True, True) -> True
# run: bool_xor(True, True) -> False
# run: bool_xor(True, 3) -> 2
# run: bool_float(True, 2.5) -> 4.0
# run: bool_float(False, -2.5) -> 0.0
# run: bool_float(True, 4) -> 5.5
# run: bool_cmp(False, True) -> 1
# run: bool_cmp(True, True) -> 1
