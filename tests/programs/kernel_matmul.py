"""Naive i-j-k matrix multiply returning a newly allocated matrix, and a matrix-vector product."""
import numpy as np


def matmul(a, b):
    n = a.shape[0]
    m = b.shape[1]
    k = a.shape[1]
    c = np.zeros((n, m))
    for i in range(n):
        for j in range(m):
            s = 0.0
            for p in range(k):
                s += a[i, p] * b[p, j]
            c[i, j] = s
    return c


def matvec(a, x):
    y = np.zeros(a.shape[0])
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            y[i] += a[i][j] * x[j]
    return y


def int_matmul_trace(a, b):
    n = a.shape[0]
    t = 0
    for i in range(n):
        for p in range(a.shape[1]):
            t += a[i, p] * b[p, i]
    return t


# run: matmul([[1.0, 2.0], [3.0, 4.0]], [[5.0, 6.0], [7.0, 8.0]]) -> [[19.0, 22.0], [43.0, 50.0]]
# run: matmul([[1.0, 2.0, 3.0]], [[1.0], [0.5], [-1.0]]) -> [[-1.0]]
# run: matmul([[2.0], [3.0]], [[1.0, -1.0]]) -> [[2.0, -2.0], [3.0, -3.0]]
# run: matmul([[1.0, 2.0], [3.0, 4.0]], [[1.0, 2.0]]) -> raises IndexError: index 1 is out of bounds for axis 0 with size 1 (line 14)
# run: matvec([[1.0, 0.0, 2.0], [0.0, 3.0, 0.0]], [1.0, 2.0, 3.0]) -> [7.0, 6.0]
# run: int_matmul_trace([[1, 2], [3, 4]], [[5, 6], [7, 8]]) -> 69
