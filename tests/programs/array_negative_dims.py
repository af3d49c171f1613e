"""Allocating with a negative size raises ValueError, as NumPy does; size zero is an empty array."""
import numpy as np


def zeros_n(n):
    a = np.zeros(n)
    return len(a)


def ones_2d(n, m):
    a = np.ones((n, m))
    return a.size


def empty_n(n):
    a = np.empty(n, dtype=np.int64)
    return a.shape[0]


def list_n(n):
    a = [0.0] * n
    return len(a)


# run: zeros_n(3) -> 3
# run: zeros_n(0) -> 0
# run: zeros_n(-1) -> raises ValueError: negative dimensions are not allowed (line 6)
# run: ones_2d(2, 0) -> 0
# run: ones_2d(2, -3) -> raises ValueError: negative dimensions are not allowed (line 11)
# run: ones_2d(-2, 3) -> raises ValueError: negative dimensions are not allowed (line 11)
# run: empty_n(-5) -> raises ValueError: negative dimensions are not allowed (line 16)
# run: list_n(-5) -> 0
