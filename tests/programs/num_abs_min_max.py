"""abs, min and max of two or more numbers: ints, floats, bools, -0.0 and infinities."""


def absolute(x):
    return abs(x)


def min2(a, b):
    return min(a, b)


def max2(a, b):
    return max(a, b)


def min4(a, b, c, d):
    return min(a, b, c, d)


def max3(a, b, c):
    return max(a, b, c)


def spread(a, b, c):
    return max(a, b, c) - min(a, b, c) + abs(a - c)


# run: absolute(-5) -> 5
# run: absolute(5) -> 5
# run: absolute(0) -> 0
# run: absolute(-2.5) -> 2.5
# run: absolute(-0.0) -> 0.0
# run: absolute(-inf) -> inf
# run: absolute(nan) -> nan
# run: absolute(True) -> 1
# run: absolute(-9223372036854775807) -> 9223372036854775807
# run: min2(3, -4) -> -4
# run: min2(-0.0, 0.0) -> -0.0
# run: min2(0.0, -0.0) -> 0.0
# run: max2(-0.0, 0.0) -> -0.0
# run: max2(0.0, -0.0) -> 0.0
# run: max2(7, 7) -> 7
# run: max2(-inf, -1e308) -> -1e+308
# run: max2(True, False) -> True
# run: min2(2.5, 3) -> 2.5
# run: max2(2, 2.5) -> 2.5
# run: min4(4, -2, 9, -2) -> -2
# run: min4(1.5, 0.5, 2.5, -inf) -> -inf
# run: max3(-9223372036854775808, 9223372036854775807, 0) -> 9223372036854775807
# run: max3(1, 2.5, True) -> 2.5
# run: spread(3, -1, 7) -> 12
# run: spread(0.5, 2.25, -1.0) -> 4.75
# run (deviation 1): absolute(-9223372036854775808) -> -9223372036854775808
# run (deviation 2): min2(2, 2.5) -> 2.0
# run (deviation 2): max2(3, 2.5) -> 3.0
