"""Arrays passed to helper functions are shared: a callee's writes and the arrays it allocates reach the caller."""
import numpy as np


def fill(a, v):
    for i in range(len(a)):
        a[i] = v


def make(n, v):
    a = np.zeros(n)
    fill(a, v)
    return a


def cumulative(a):
    out = make(len(a), 0.0)
    s = 0.0
    for i in range(len(a)):
        s += a[i]
        out[i] = s
    return out


def total(a):
    s = 0.0
    for x in a:
        s += x
    return s


def double_then_total(a):
    for i in range(len(a)):
        a[i] = a[i] * 2
    return total(a) + total(make(3, 1.5))


def row_sum(m, i):
    s = 0
    for j in range(m.shape[1]):
        s += m[i, j]
    return s


def max_row(m):
    best = 0
    for i in range(1, m.shape[0]):
        if row_sum(m, i) > row_sum(m, best):
            best = i
    return best


# run: make(3, 2.5) -> [2.5, 2.5, 2.5]
# run: make(0, 2.5) -> []
# run: cumulative([1.0, 2.0, 3.5]) -> [1.0, 3.0, 6.5]
# run: cumulative([]) -> []
# run: double_then_total([1.0, -0.5]) -> 5.5
# after: [2.0, -1.0]
# run: max_row([[1, 2], [5, -1], [3, 3]]) -> 2
# run: max_row([[1, 2]]) -> 0
