"""Builtin round with one float argument: banker's rounding to int; inf raises OverflowError, nan ValueError."""


def rd(x):
    return round(x)


def round_sum(a):
    s = 0
    for x in a:
        s += round(x)
    return s


def round_sum_with(a, x):
    a[-1] = x
    return round_sum(a)


def round_index(a, x):
    return a[round(x)]


# run: rd(2.5) -> 2
# run: rd(3.5) -> 4
# run: rd(-2.5) -> -2
# run: rd(-0.5) -> 0
# run: rd(0.5) -> 0
# run: rd(1.4999999999999998) -> 1
# run: rd(0.49999999999999994) -> 0
# run: rd(-0.0) -> 0
# run: rd(2.675) -> 3
# run: rd(4503599627370497.0) -> 4503599627370497
# run: rd(-1e18) -> -1000000000000000000
# run: rd(7) -> 7
# run: rd(inf) -> raises OverflowError: cannot convert float infinity to integer (line 5)
# run: rd(-inf) -> raises OverflowError: cannot convert float infinity to integer (line 5)
# run: rd(nan) -> raises ValueError: cannot convert float NaN to integer (line 5)
# run: round_sum([0.5, 1.5, 2.5, 3.5]) -> 8
# run: round_sum([]) -> 0
# run: round_sum_with([1.0, 2.0], nan) -> raises ValueError: cannot convert float NaN to integer (line 11)
# after: [1.0, nan], nan
# run: round_sum_with([1.0, 2.0], -inf) -> raises OverflowError: cannot convert float infinity to integer (line 11)
# after: [1.0, -inf], -inf
# run: round_index([10, 20, 30], 1.5) -> 30
# run: round_index([10, 20, 30], -0.6) -> 30
