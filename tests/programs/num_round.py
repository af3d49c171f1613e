"""round() with one argument rounds half to even and returns an int; inf and nan raise."""


def r(x):
    return round(x)


def round_sum(x, n):
    s = 0
    for i in range(n):
        s += round(x + i)
    return s


# run: r(0.5) -> 0
# run: r(1.5) -> 2
# run: r(2.5) -> 2
# run: r(3.5) -> 4
# run: r(-0.5) -> 0
# run: r(-1.5) -> -2
# run: r(-2.5) -> -2
# run: r(2.4999999999999996) -> 2
# run: r(0.49999999999999994) -> 0
# run: r(2.675) -> 3
# run: r(-0.0) -> 0
# run: r(1e18) -> 1000000000000000000
# run: r(4503599627370497.0) -> 4503599627370497
# run: r(7) -> 7
# run: r(-9223372036854775808) -> -9223372036854775808
# run: r(True) -> 1
# run: r(inf) -> raises OverflowError: cannot convert float infinity to integer (line 5)
# run: r(-inf) -> raises OverflowError: cannot convert float infinity to integer (line 5)
# run: r(nan) -> raises ValueError: cannot convert float NaN to integer (line 5)
# run: round_sum(0.5, 4) -> 8
# run: round_sum(-3.5, 5) -> -8
