"""np.zeros and np.ones allocated inside a function, 1-D and 2-D, filled and returned to the caller."""
import numpy as np


def squares(n):
    a = np.zeros(n)
    for i in range(n):
        a[i] = i * i
    return a


def ones_scaled(n, k):
    a = np.ones(n)
    for i in range(n):
        a[i] *= k
    return a


def identity(n):
    m = np.zeros((n, n))
    for i in range(n):
        m[i, i] = 1.0
    return m


def outer(a, b):
    m = np.ones((len(a), len(b)))
    for i in range(len(a)):
        for j in range(len(b)):
            m[i][j] = a[i] * b[j]
    return m


def zeros_sum(n, m):
    z = np.zeros((n, m))
    o = np.ones(n * m)
    s = 0.0
    for i in range(n):
        for j in range(m):
            s += z[i, j] + o[i * m + j]
    return s


# run: squares(5) -> [0.0, 1.0, 4.0, 9.0, 16.0]
# run: squares(0) -> []
# run: ones_scaled(3, 2.5) -> [2.5, 2.5, 2.5]
# run: ones_scaled(2, -1) -> [-1.0, -1.0]
# run: identity(3) -> [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]]
# run: identity(0) -> []
# run: outer([1.0, 2.0], [3.0, 4.0, 5.0]) -> [[3.0, 4.0, 5.0], [6.0, 8.0, 10.0]]
# run: outer([1.0, 2.0], []) -> [[], []]
# run: zeros_sum(3, 4) -> 12.0
# run: zeros_sum(0, 4) -> 0.0
