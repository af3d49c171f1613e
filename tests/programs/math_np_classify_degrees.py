"""np.isnan, np.isinf, np.isfinite, np.degrees, np.radians on scalars, used in conditions and arithmetic."""
import numpy as np


def nclass(x):
    return np.isnan(x) * 100 + np.isinf(x) * 10 + np.isfinite(x)


def count_bad(a):
    n = 0
    for x in a:
        if np.isnan(x) or np.isinf(x):
            n += 1
    return n


def count_bad_with(a, x, y):
    a[0] = x
    a[-1] = y
    return count_bad(a)


def nconv(x):
    print(np.degrees(x), np.radians(x))
    return np.radians(np.degrees(x))


# run: nclass(1.0) -> 1
# run: nclass(nan) -> 100
# run: nclass(-inf) -> 10
# run: nclass(7) -> 1
# run: count_bad([1.0, 1e308, 0.0]) -> 0
# run: count_bad_with([1.0, 1e308, 0.0], nan, -inf) -> 2
# after: [nan, 1e+308, -inf], nan, -inf
# run: count_bad_with([1.0, 1e308, 0.0], 2.0, inf) -> 1
# after: [2.0, 1e+308, inf], 2.0, inf
# run: count_bad([]) -> 0
# run: nconv(3.141592653589793) -> 3.141592653589793
# out: 180.0 0.05483113556160755
# run: nconv(-0.0) -> -0.0
# out: -0.0 -0.0
# run: nconv(inf) -> inf
# out: inf inf
# run: nconv(2) -> 2.0
# out: 114.59155902616465 0.03490658503988659
