"""float32 meets float64 (array elements, np.float64) and int32: the result is float64; a Python float stays weak."""
import numpy as np


def with_element(x, a):
    return np.float32(x) + a[0]


def with_int32(x, k):
    return np.float32(x) * np.int32(k)


def with_f64(x, y):
    return np.float32(x) + np.float64(y)


def running(a):
    s = 0.0
    for v in a:
        s += np.float32(v)
    return s


def compare_weak(x):
    return np.float32(x) == x


def compare_strong(x, a):
    return np.float32(x) == a[0]


# run: with_element(0.1, [0.2]) -> 0.30000000149011613
# run: with_element(0.1, [1]) -> 1.1000000014901161
# run: with_int32(0.1, 3) -> 0.30000000447034836
# run: with_int32(1.5, -2) -> -3.0
# run: with_f64(0.1, 0.2) -> 0.30000000149011613
# run: running([0.1, 0.2, 0.3]) -> np.float32(0.6)
# run (deviation 2): running([]) -> np.float32(0.0)
# run: compare_weak(0.1) -> True
# run: compare_weak(0.5) -> True
# run: compare_weak(1e300) -> True
# run: compare_strong(0.1, [0.1]) -> False
# run: compare_strong(0.5, [0.5]) -> True
