"""math.isnan, math.isinf, math.isfinite on floats, ints and computed special values."""
import math


def classify(x):
    if math.isnan(x):
        return 0
    if math.isinf(x):
        return 1 if x > 0 else -1
    return 2


def flags(x):
    return math.isnan(x) * 100 + math.isinf(x) * 10 + math.isfinite(x)


def count_finite(a):
    n = 0
    for x in a:
        if math.isfinite(x):
            n += 1
    return n


def count_finite_with(a, x, y):
    a[1] = x
    a[2] = y
    return count_finite(a)


def overflow_is_inf(x):
    return math.isinf(x * x)


# run: classify(1.5) -> 2
# run: classify(nan) -> 0
# run: classify(inf) -> 1
# run: classify(-inf) -> -1
# run: classify(-0.0) -> 2
# run: classify(3) -> 2
# run: flags(nan) -> 100
# run: flags(-inf) -> 10
# run: flags(1e308) -> 1
# run: flags(5e-324) -> 1
# run: flags(0) -> 1
# run: flags(True) -> 1
# run: count_finite([1.0, 2.0, 3.0, -2.0, 0.0]) -> 5
# run: count_finite_with([1.0, 2.0, 3.0, -2.0, 0.0], nan, -inf) -> 3
# after: [1.0, nan, -inf, -2.0, 0.0], nan, -inf
# run: count_finite([]) -> 0
# run: count_finite([1, 2, 3]) -> 3
# run: overflow_is_inf(1e200) -> True
# run: overflow_is_inf(1e100) -> False
