"""Comparisons of ints, floats and bools: nan, signed zeros, infinities, and exact int-float comparison."""


def cmp6(a, b):
    return (a < b) * 100000 + (a <= b) * 10000 + (a == b) * 1000 + (a != b) * 100 + (a > b) * 10 + (a >= b)


def eq(a, b):
    return a == b


def lt(a, b):
    return a < b


# run: cmp6(1, 2) -> 110100
# run: cmp6(2, 2) -> 11001
# run: cmp6(-3, -4) -> 111
# run: cmp6(1.5, 1) -> 111
# run: cmp6(1, 1.0) -> 11001
# run: cmp6(nan, nan) -> 100
# run: cmp6(nan, 1.0) -> 100
# run: cmp6(0.0, -0.0) -> 11001
# run: cmp6(-inf, inf) -> 110100
# run: cmp6(inf, inf) -> 11001
# run: cmp6(True, 1) -> 11001
# run: cmp6(False, 0.5) -> 110100
# run: cmp6(True, False) -> 111
# run: eq(9007199254740993, 9007199254740992.0) -> False
# run: eq(9007199254740992, 9007199254740992.0) -> True
# run: lt(9007199254740992.0, 9007199254740993) -> True
# run: lt(9223372036854775807, 9.223372036854776e18) -> True
# run: eq(9223372036854775807, 9.223372036854776e18) -> False
# run: eq(-9223372036854775808, -9.223372036854776e18) -> True
# run: lt(9223372036854775807, inf) -> True
# run: lt(-inf, -9223372036854775808) -> True
# run: eq(0, nan) -> False
# run: lt(0, nan) -> False
