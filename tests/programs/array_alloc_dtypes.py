"""Allocation with dtype=np.float32, np.float64, np.int64, np.int32 and np.bool_: float stores round to float32."""
import numpy as np


def thirds32(n):
    a = np.zeros(n, dtype=np.float32)
    for i in range(n):
        a[i] = i / 3
    return a


def thirds64(n):
    a = np.empty(n, dtype=np.float64)
    for i in range(n):
        a[i] = i / 3
    return a


def truncating64(n):
    a = np.ones(n, dtype=np.int64)
    for i in range(n):
        a[i] = int(a[i] * i * 2.75)
    return a


def int32_grid(n, m):
    g = np.zeros((n, m), dtype=np.int32)
    for i in range(n):
        for j in range(m):
            g[i, j] = i * 10 + j
    return g


def bool_flags(a, t):
    f = np.zeros(len(a), dtype=np.bool_)
    for i in range(len(a)):
        f[i] = a[i] > t
    return f


def ones_bool(n):
    f = np.ones(n, dtype=np.bool_)
    c = 0
    for x in f:
        c += x
    return c


def float32_sum(n):
    a = np.ones(n, dtype=np.float32)
    s = 0.0
    for i in range(n):
        a[i] = 0.1
        s += a[i]
    return float(s)


# run: thirds32(4) -> [0.0, 0.3333333432674408, 0.6666666865348816, 1.0]
# run: thirds64(4) -> [0.0, 0.3333333333333333, 0.6666666666666666, 1.0]
# run: truncating64(4) -> [0, 2, 5, 8]
# run: int32_grid(2, 3) -> [[0, 1, 2], [10, 11, 12]]
# run: bool_flags([1.0, 5.0, 3.0, 2.0], 2.0) -> [False, True, True, False]
# run: bool_flags([1.0, 5.0], nan) -> [False, False]
# run: bool_flags([], 2.0) -> []
# run: ones_bool(4) -> 4
# run: float32_sum(10) -> 1.0000001192092896
