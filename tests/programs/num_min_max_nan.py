"""min and max keep CPython's order with nan: the first argument wins unless a later one compares less (or greater)."""


def min2(a, b):
    return min(a, b)


def max2(a, b):
    return max(a, b)


def max3(a, b, c):
    return max(a, b, c)


def min3(a, b, c):
    return min(a, b, c)


# run: max2(nan, 1.0) -> nan
# run: max2(1.0, nan) -> 1.0
# run: min2(nan, 1.0) -> nan
# run: min2(1.0, nan) -> 1.0
# run: max2(nan, inf) -> nan
# run: min2(-inf, nan) -> -inf
# run: max3(1.0, nan, 2.0) -> 2.0
# run: max3(3.0, nan, 2.0) -> 3.0
# run: max3(nan, 5.0, 2.0) -> nan
# run: min3(nan, 5.0, 2.0) -> nan
# run: min3(2.0, 1.0, nan) -> 1.0
# run: min3(nan, nan, -1.0) -> nan
# run: max3(-0.0, 0.0, -0.0) -> -0.0
# run: min3(0.0, -0.0, 0.0) -> 0.0
