"""np.floor, np.ceil, np.trunc, np.fabs, np.abs on scalars return NumPy numbers, not ints, and keep -0.0."""
import numpy as np


def nround(x):
    print(np.floor(x), np.ceil(x), np.trunc(x))
    return np.floor(x) + np.ceil(x)


def nfabs(x):
    return np.fabs(x)


def nabs(x):
    return np.abs(x)


def floor_index(a, x):
    return a[int(np.floor(x))]


# run: nround(2.5) -> 5.0
# out: 2.0 3.0 2.0
# run: nround(-2.5) -> -5.0
# out: -3.0 -2.0 -2.0
# run: nround(-0.5) -> -1.0
# out: -1.0 -0.0 -0.0
# run: nround(-0.0) -> -0.0
# out: -0.0 -0.0 -0.0
# run: nround(inf) -> inf
# out: inf inf inf
# run: nround(nan) -> nan
# out: nan nan nan
# run: nround(1e300) -> 2e+300
# out: 1e+300 1e+300 1e+300
# run: nfabs(-3.5) -> 3.5
# run: nfabs(-0.0) -> 0.0
# run: nfabs(-inf) -> inf
# run: nfabs(-4) -> 4.0
# run: nabs(-3.5) -> 3.5
# run: nabs(-0.0) -> 0.0
# run: nabs(nan) -> nan
# run: nabs(-4) -> 4
# run: nabs(-9223372036854775807) -> 9223372036854775807
# run: floor_index([1.0, 2.0, 3.0], 1.7) -> 2.0
# run: floor_index([1.0, 2.0, 3.0], -0.2) -> 3.0
# run: floor_index([1.0, 2.0, 3.0], nan) -> raises ValueError: cannot convert float NaN to integer (line 19)
