"""float32 arithmetic rounds to single precision at every step, as NumPy does (deviation 3 is this behaviour)."""
import numpy as np


def accumulate(x, n):
    s = np.float32(0.0)
    step = np.float32(x)
    for i in range(n):
        s += step
    return s


def third(x):
    return np.float32(x) / np.float32(3.0)


def big_plus_one(x):
    return np.float32(x) + np.float32(1.0)


def to_float(x):
    return float(np.float32(x))


def ops(x, y):
    a = np.float32(x)
    b = np.float32(y)
    return (a - b) * (a + b) // b % a


# run: accumulate(0.1, 10) -> np.float32(1.0000001)
# run: accumulate(0.1, 1000) -> np.float32(99.99905)
# run: accumulate(0.5, 0) -> np.float32(0.0)
# run: third(1.0) -> np.float32(0.33333334)
# run: third(-2.0) -> np.float32(-0.6666667)
# run: big_plus_one(16777216.0) -> np.float32(1.6777216e+07)
# run: big_plus_one(16777215.0) -> np.float32(1.6777216e+07)
# run: to_float(0.1) -> 0.10000000149011612
# run: to_float(1e40) -> inf
# run: to_float(1e-46) -> 0.0
# run: to_float(3.4028235e38) -> 3.4028234663852886e+38
# run: ops(7.5, 2.0) -> np.float32(3.5)
# run: ops(-7.5, 2.0) -> np.float32(-4.0)
# run: ops(7.5, -2.0) -> np.float32(3.0)
